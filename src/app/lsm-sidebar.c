/* lsm-sidebar.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-sidebar"

#include "config.h"

#include <glib/gi18n.h>

#include "lsm-catalog.h"
#include "lsm-feature.h"
#include "lsm-filter.h"
#include "lsm-sector-icon.h"
#include "lsm-sidebar-private.h"
#include "lsm-style.h"
#include "lsm-vocab.h"

/* Filters and the site list. Every control writes to the one LsmFilter the map, the list and
 * the printer read; the list is that filter's model (the chain is in lsm-sidebar.ui) and the
 * counts are the filter's own. */

typedef struct
{
  const char *label;
  LsmStatus   statuses[2];
  guint       n_statuses;
} StatusChoice;

static const StatusChoice status_choices[] = {
  { NC_("status filter", "Operating"), { LSM_STATUS_OPERATING }, 1 },
  { NC_("status filter", "Under construction"), { LSM_STATUS_UNDER_CONSTRUCTION }, 1 },
  { NC_("status filter", "Planned or proposed"), { LSM_STATUS_PLANNED, LSM_STATUS_PROPOSED }, 2 },
  { NC_("status filter", "Target"), { LSM_STATUS_TARGET }, 1 },
};

G_STATIC_ASSERT (G_N_ELEMENTS (status_choices) == LSM_SIDEBAR_N_STATUS_CHOICES);

G_DEFINE_FINAL_TYPE (LsmSidebar, lsm_sidebar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FILTER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SITE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* While searching, sites named like the query come before sites that match by district or
 * commune ("dong dang" lists Ga Đồng Đăng before Hữu Nghị, which lies in Đồng Đăng). */
static int
compare_relevance_cb (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  LsmSidebar *self = user_data;
  const char *query = self->filter != NULL ? lsm_filter_get_folded_search (self->filter) : NULL;
  gboolean name_a, name_b;

  if (query == NULL)
    return GTK_ORDERING_EQUAL;

  name_a = lsm_feature_name_matches ((LsmFeature *) a, query);
  name_b = lsm_feature_name_matches ((LsmFeature *) b, query);

  return name_a == name_b ? GTK_ORDERING_EQUAL : name_a ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
}

static void
update_counts (LsmSidebar *self)
{
  GListModel *sites = lsm_filter_get_model (self->filter);
  guint n = sites != NULL ? g_list_model_get_n_items (sites) : 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter));
  guint hidden = lsm_filter_get_n_hidden_matches (self->filter);
  g_autofree char *heading = NULL;

  _lsm_sidebar_update_sector_counts (self);

  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Sites: %u of %u", "Sites: %u of %u", n), shown, n);
  gtk_label_set_text (self->sites_heading, heading);

  /* A search that finds nothing because a filter hides it must say so, or the site seems absent. */
  gtk_widget_set_visible (self->hidden_matches, hidden > 0);
  if (hidden > 0)
    {
      /* Translators: in the list of search results, before a "Show All" button */
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more match hidden by filters",
                                                            "%u more matches hidden by filters", hidden), hidden);

      gtk_label_set_text (self->hidden_matches_label, text);
    }
}

static void
on_show_all_clicked_cb (LsmSidebar *self)
{
  if (self->filter != NULL)
    lsm_filter_show_hidden_matches (self->filter);
}

static gboolean
status_choice_visible (LsmSidebar         *self,
                       const StatusChoice *choice)
{
  for (guint j = 0; j < choice->n_statuses; j++)
    if (lsm_filter_get_status_visible (self->filter, choice->statuses[j]))
      return TRUE;

  return FALSE;
}

static void
sync_commune_2025 (LsmSidebar *self)
{
  const char *code = lsm_filter_get_commune_2025 (self->filter);
  GListModel *units = self->catalog != NULL ? lsm_catalog_get_units_2025 (self->catalog) : NULL;
  guint selected = 0;

  for (guint i = 0; code != NULL && units != NULL && i < g_list_model_get_n_items (units); i++)
    {
      g_autoptr(LsmFeature) unit = g_list_model_get_item (units, i);

      if (g_strcmp0 (lsm_feature_get_id (unit), code) == 0)
        selected = i + 1;
    }
  if (gtk_drop_down_get_model (self->commune_2025_dropdown) != NULL)
    gtk_drop_down_set_selected (self->commune_2025_dropdown, selected);
}

static void
sync_controls (LsmSidebar *self)
{
  const char *district = lsm_filter_get_district (self->filter);
  GListModel *districts = gtk_drop_down_get_model (self->district_dropdown);
  guint n_districts = districts != NULL ? g_list_model_get_n_items (districts) : 0;
  guint selected = 0;

  self->syncing = TRUE;

  _lsm_sidebar_sync_sector_checks (self);
  for (guint i = 0; i < G_N_ELEMENTS (status_choices); i++)
    gtk_check_button_set_active (self->status_checks[i], status_choice_visible (self, &status_choices[i]));

  for (guint i = 1; district != NULL && i < n_districts; i++)
    {
      const char *name = gtk_string_list_get_string (GTK_STRING_LIST (districts), i);

      if (g_strcmp0 (name, district) == 0)
        selected = i;
    }
  if (districts != NULL)
    gtk_drop_down_set_selected (self->district_dropdown, selected);
  sync_commune_2025 (self);

  self->syncing = FALSE;
  update_counts (self);
}

static void
on_filter_search_text_cb (LsmSidebar *self)
{
  gtk_sorter_changed (GTK_SORTER (self->relevance), GTK_SORTER_CHANGE_DIFFERENT);
}

static void
on_status_toggled_cb (GtkCheckButton *check,
                      LsmSidebar     *self)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) hidden = NULL;

  if (self->syncing || self->filter == NULL)
    return;

  /* One change for all the choices' statuses. Sites of unknown status stay visible: no toggle
   * could honestly hide them. */
  builder = g_strv_builder_new ();
  for (guint i = 0; i < G_N_ELEMENTS (status_choices); i++)
    if (!gtk_check_button_get_active (self->status_checks[i]))
      for (guint j = 0; j < status_choices[i].n_statuses; j++)
        g_strv_builder_add (builder, lsm_status_get_id (status_choices[i].statuses[j]));

  hidden = g_strv_builder_end (builder);
  lsm_filter_set_hidden_statuses (self->filter, (const char * const *) hidden);
}

static void
on_district_selected_cb (LsmSidebar *self)
{
  guint selected = gtk_drop_down_get_selected (self->district_dropdown);
  GListModel *model = gtk_drop_down_get_model (self->district_dropdown);

  if (self->syncing || self->filter == NULL || model == NULL)
    return;

  lsm_filter_set_district (self->filter, selected == 0 || selected == GTK_INVALID_LIST_POSITION
                                         ? NULL
                                         : gtk_string_list_get_string (GTK_STRING_LIST (model), selected));
}

static void
on_commune_2025_selected_cb (LsmSidebar *self)
{
  guint selected = gtk_drop_down_get_selected (self->commune_2025_dropdown);
  g_autoptr(LsmFeature) unit = NULL;

  if (self->syncing || self->filter == NULL || self->catalog == NULL)
    return;

  if (selected != 0 && selected != GTK_INVALID_LIST_POSITION)
    unit = g_list_model_get_item (lsm_catalog_get_units_2025 (self->catalog), selected - 1);
  lsm_filter_set_commune_2025 (self->filter, unit != NULL ? lsm_feature_get_id (unit) : NULL);
}

static void
on_search_changed_cb (LsmSidebar *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (self->filter != NULL)
    lsm_filter_set_search_text (self->filter, text);

  /* Searching is looking for sites: show them. */
  if (*text != '\0')
    gtk_stack_set_visible_child_name (self->pages, "sites");
}

static void
on_search_activate_cb (LsmSidebar *self)
{
  g_autoptr(LsmFeature) first = NULL;

  /* The entry waits a moment before saying the text changed; an Enter typed sooner acts on
   * what was typed, not on the matches of the text before. */
  on_search_changed_cb (self);

  /* Enter picks the first match, as in GNOME's search entries. */
  if (self->selection == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 0)
    return;

  first = g_list_model_get_item (G_LIST_MODEL (self->selection), 0);
  g_signal_emit (self, signals[SITE_ACTIVATED], 0, first);
}

/* Escape in the search box closes the panel, as the shortcuts window says of Escape. */
static void
on_search_stop_cb (LsmSidebar *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.clear-selection", NULL);
}

static void
on_site_list_activate_cb (LsmSidebar *self,
                          guint       position)
{
  g_autoptr(LsmFeature) site = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (site != NULL)
    g_signal_emit (self, signals[SITE_ACTIVATED], 0, site);
}

/* Asked when the pointer rests on the row: setting a tooltip's text at each bind would make GTK
 * look for the pointer on the X server, a round trip per row bound. */
static gboolean
on_site_row_query_tooltip_cb (GtkWidget   *box,
                              int          x,
                              int          y,
                              gboolean     keyboard,
                              GtkTooltip  *tooltip,
                              GtkListItem *item)
{
  LsmFeature *site = gtk_list_item_get_item (item);
  const char *name_en = site != NULL ? lsm_feature_get_name_en (site) : NULL;

  if (name_en == NULL || *name_en == '\0')
    return FALSE;

  gtk_tooltip_set_text (tooltip, name_en);
  return TRUE;
}

static void
setup_site_row_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_box_append (GTK_BOX (texts), name);
  gtk_box_append (GTK_BOX (texts), detail);
  gtk_box_append (GTK_BOX (box), gtk_image_new ());
  gtk_box_append (GTK_BOX (box), texts);
  gtk_widget_set_has_tooltip (box, TRUE);
  g_signal_connect_object (box, "query-tooltip", G_CALLBACK (on_site_row_query_tooltip_cb), item, 0);
  gtk_list_item_set_child (item, box);
}

static void
bind_site_row_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  LsmFeature *site = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *image = gtk_widget_get_first_child (box);
  GtkWidget *texts = gtk_widget_get_last_child (box);
  g_autofree char *detail = NULL;

  lsm_sector_icon_set_image (GTK_IMAGE (image), lsm_feature_get_sector (site));
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (texts)), lsm_feature_get_name (site));
  /* Translators: under a site's name in the list: district · status */
  detail = g_strdup_printf (C_("site row", "%s · %s"),
                            lsm_feature_get_district_label (site),
                            lsm_status_get_label (lsm_feature_get_status (site)));
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (texts)), detail);
}

static void
build_status_checks (LsmSidebar *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_choices); i++)
    {
      GtkWidget *check = gtk_check_button_new_with_label (g_dpgettext2 (GETTEXT_PACKAGE, "status filter",
                                                                         status_choices[i].label));

      g_signal_connect (check, "toggled", G_CALLBACK (on_status_toggled_cb), self);
      gtk_box_append (self->status_box, check);
      self->status_checks[i] = GTK_CHECK_BUTTON (check);
    }
}

/* What the symbols' outlines say about a position, as the map draws them. */
static void
build_precision_key (LsmSidebar *self)
{
  static const LsmPrecision order[] = {
    LSM_PRECISION_EXACT, LSM_PRECISION_APPROX, LSM_PRECISION_COMMUNE, LSM_PRECISION_DISTRICT,
  };

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_autofree char *icon = lsm_style_dup_precision_icon_name (order[i]);
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *label = gtk_label_new (lsm_precision_get_label (order[i]));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (row), gtk_image_new_from_icon_name (icon));
      gtk_image_set_pixel_size (GTK_IMAGE (gtk_widget_get_first_child (row)), 20);
      gtk_box_append (GTK_BOX (row), label);
      gtk_box_append (self->precision_box, row);
    }
}

/**
 * lsm_sidebar_set_filter:
 * @self: a sidebar
 * @filter: the filter state every view shares; the list shows its model
 */
void
lsm_sidebar_set_filter (LsmSidebar *self,
                        LsmFilter  *filter)
{
  g_return_if_fail (LSM_IS_SIDEBAR (self));
  g_return_if_fail (filter == NULL || LSM_IS_FILTER (filter));

  if (self->filter == filter)
    return;

  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_data (self->filter, self);
  g_set_object (&self->filter, filter);
  if (filter != NULL)
    {
      g_signal_connect_object (filter, "changed", G_CALLBACK (sync_controls), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (filter, "notify::search-text", G_CALLBACK (on_filter_search_text_cb), self,
                               G_CONNECT_SWAPPED);
      sync_controls (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
}

/**
 * lsm_sidebar_get_filter:
 * @self: a sidebar
 *
 * Returns: (transfer none) (nullable): the filter the controls write and the list shows
 */
LsmFilter *
lsm_sidebar_get_filter (LsmSidebar *self)
{
  g_return_val_if_fail (LSM_IS_SIDEBAR (self), NULL);

  return self->filter;
}

static void
set_commune_2025_choices (LsmSidebar *self,
                          LsmCatalog *catalog)
{
  GListModel *units = lsm_catalog_get_units_2025 (catalog);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  gtk_string_list_append (names, _("All communes"));
  for (guint i = 0; i < g_list_model_get_n_items (units); i++)
    {
      g_autoptr(LsmFeature) unit = g_list_model_get_item (units, i);

      gtk_string_list_append (names, lsm_feature_get_full_name (unit) != NULL ? lsm_feature_get_full_name (unit)
                                                                              : lsm_feature_get_name (unit));
    }
  gtk_drop_down_set_model (self->commune_2025_dropdown, G_LIST_MODEL (names));
  gtk_widget_set_sensitive (GTK_WIDGET (self->commune_2025_dropdown), g_list_model_get_n_items (units) > 0);
}

/**
 * lsm_sidebar_set_catalog:
 * @self: a sidebar
 * @catalog: the data, for its districts
 */
void
lsm_sidebar_set_catalog (LsmSidebar *self,
                         LsmCatalog *catalog)
{
  GListModel *districts;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_return_if_fail (LSM_IS_SIDEBAR (self));

  g_set_object (&self->catalog, catalog);
  if (self->sector_checks->len != lsm_sector_get_count ())
    _lsm_sidebar_build_sector_rows (self);

  gtk_string_list_append (names, _("All districts"));
  districts = lsm_catalog_get_districts (catalog);
  for (guint i = 0; i < g_list_model_get_n_items (districts); i++)
    {
      g_autoptr(LsmFeature) district = g_list_model_get_item (districts, i);

      gtk_string_list_append (names, lsm_feature_get_name (district));
    }

  self->syncing = TRUE;
  gtk_drop_down_set_model (self->district_dropdown, G_LIST_MODEL (names));
  set_commune_2025_choices (self, catalog);
  self->syncing = FALSE;

  if (self->filter != NULL)
    sync_controls (self);
}

/**
 * lsm_sidebar_get_selection:
 * @self: a sidebar
 *
 * Returns: (transfer none): the selection of the site list: the filter's model, sorted
 */
GtkSingleSelection *
lsm_sidebar_get_selection (LsmSidebar *self)
{
  g_return_val_if_fail (LSM_IS_SIDEBAR (self), NULL);

  return self->selection;
}

void
lsm_sidebar_focus_search (LsmSidebar *self)
{
  g_return_if_fail (LSM_IS_SIDEBAR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * lsm_sidebar_get_choropleth_control:
 * @self: a sidebar
 *
 * Returns: (transfer none): the "Colour districts by" choice and its legend
 */
GtkWidget *
lsm_sidebar_get_choropleth_control (LsmSidebar *self)
{
  g_return_val_if_fail (LSM_IS_SIDEBAR (self), NULL);

  return self->choropleth_control;
}

/**
 * lsm_sidebar_get_search:
 * @self: a sidebar
 *
 * Returns: (transfer none): the search entry
 */
GtkEditable *
lsm_sidebar_get_search (LsmSidebar *self)
{
  g_return_val_if_fail (LSM_IS_SIDEBAR (self), NULL);

  return GTK_EDITABLE (self->search_entry);
}

static void
lsm_sidebar_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  LsmSidebar *self = LSM_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_FILTER:
      g_value_set_object (value, lsm_sidebar_get_filter (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lsm_sidebar_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  LsmSidebar *self = LSM_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_FILTER:
      lsm_sidebar_set_filter (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lsm_sidebar_dispose (GObject *object)
{
  LsmSidebar *self = (LsmSidebar *) object;
  GtkWidget *child;

  g_clear_handle_id (&self->grow_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), LSM_TYPE_SIDEBAR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_data (self->filter, self);
  g_clear_object (&self->filter);
  g_clear_object (&self->catalog);
  g_clear_object (&self->wanted);

  G_OBJECT_CLASS (lsm_sidebar_parent_class)->dispose (object);
}

static void
lsm_sidebar_finalize (GObject *object)
{
  LsmSidebar *self = (LsmSidebar *) object;

  g_ptr_array_unref (self->sector_checks);
  g_ptr_array_unref (self->sector_counts);
  g_array_unref (self->visible);
  g_array_unref (self->total);

  G_OBJECT_CLASS (lsm_sidebar_parent_class)->finalize (object);
}

static void
lsm_sidebar_class_init (LsmSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lsm_sidebar_dispose;
  object_class->finalize = lsm_sidebar_finalize;
  object_class->get_property = lsm_sidebar_get_property;
  object_class->set_property = lsm_sidebar_set_property;

  /**
   * LsmSidebar:filter:
   *
   * The filter the controls write; the site list shows its model.
   */
  properties[PROP_FILTER] =
    g_param_spec_object ("filter", NULL, NULL, LSM_TYPE_FILTER,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LsmSidebar::site-activated:
   * @self: the sidebar
   * @site: the site picked in the list, or the first search result on Enter
   */
  signals[SITE_ACTIVATED] =
    g_signal_new ("site-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, LSM_TYPE_FEATURE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/lsm-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, LsmSidebar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LsmSidebar, choropleth_control);
  gtk_widget_class_bind_template_child (widget_class, LsmSidebar, sector_list);
  gtk_widget_class_bind_template_child (widget_class, LsmSidebar, status_box);
  gtk_widget_class_bind_template_child (widget_class, LsmSidebar, district_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LsmSidebar, commune_2025_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LsmSidebar, sites_heading);
  gtk_widget_class_bind_template_child (widget_class, LsmSidebar, site_list);
  gtk_widget_class_bind_template_child (widget_class, LsmSidebar, pages);
  gtk_widget_class_bind_template_child (widget_class, LsmSidebar, precision_box);
  gtk_widget_class_bind_template_child (widget_class, LsmSidebar, selection);
  gtk_widget_class_bind_template_child (widget_class, LsmSidebar, rows);
  gtk_widget_class_bind_template_child (widget_class, LsmSidebar, sorted);
  gtk_widget_class_bind_template_child (widget_class, LsmSidebar, relevance);
  gtk_widget_class_bind_template_child (widget_class, LsmSidebar, hidden_matches);
  gtk_widget_class_bind_template_child (widget_class, LsmSidebar, hidden_matches_label);
  gtk_widget_class_bind_template_callback (widget_class, on_show_all_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_district_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_commune_2025_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_site_list_activate_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "lsm-sidebar");

  g_type_ensure (LSM_TYPE_FEATURE);
  g_type_ensure (LSM_TYPE_FILTER);
}

static void
lsm_sidebar_init (LsmSidebar *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->sector_checks = g_ptr_array_new ();
  self->sector_counts = g_ptr_array_new ();
  self->visible = g_array_new (FALSE, TRUE, sizeof (guint));
  self->total = g_array_new (FALSE, TRUE, sizeof (guint));

  gtk_custom_sorter_set_sort_func (self->relevance, compare_relevance_cb, self, NULL);
  _lsm_sidebar_init_rows (self);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_site_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_site_row_cb), NULL);
  gtk_list_view_set_factory (self->site_list, factory);
  g_object_unref (factory);

  _lsm_sidebar_init_sectors (self);
  build_status_checks (self);
  build_precision_key (self);
}
