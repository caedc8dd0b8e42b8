/* lsm-detail-panel.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-detail-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "lsm-catalog.h"
#include "lsm-detail-panel.h"
#include "lsm-district-summary.h"
#include "lsm-feature.h"
#include "lsm-figure.h"
#include "lsm-geometry.h"
#include "lsm-overview.h"
#include "lsm-overview-panel.h"
#include "lsm-sector-icon.h"
#include "lsm-source.h"
#include "lsm-units.h"
#include "lsm-vocab.h"

/* Everything documented about the selected site or district: every figure with its value,
 * unit, period, status and qualifier, a citation mark into the list of sources, and an honest
 * account of how precisely the site is located. All text is set as plain text, never markup. */
struct _LsmDetailPanel
{
  GtkWidget   parent_instance;

  /* template widgets */
  GtkWidget  *box;
  GtkImage   *icon;
  GtkLabel   *title;
  GtkLabel   *subtitle;
  GtkScrolledWindow *scrolled;
  GtkBox     *content;

  /* owned */
  LsmCatalog *catalog;
  LsmFilter  *filter;
  LsmFeature *feature;
  GPtrArray  *cited;   /* LsmSource, in order of first citation */
};

G_DEFINE_FINAL_TYPE (LsmDetailPanel, lsm_detail_panel, GTK_TYPE_WIDGET)

enum {
  SITE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Selectable, to copy a name or a figure, but not a stop of Tab: a caret in prose is of no
 * use to a keyboard, and the panel's buttons would be dozens of presses away. A click still
 * focuses the label, so Ctrl+C copies what the mouse selected. */
static GtkWidget *
make_label (const char *text,
            const char *css_class)
{
  GtkWidget *label = lsm_panel_label_new (text, css_class);

  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_focusable (label, FALSE);

  return label;
}

static GtkBox *
add_section (LsmDetailPanel *self,
             const char     *heading)
{
  GtkWidget *section = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  gtk_box_append (GTK_BOX (section), make_label (heading, "heading"));
  gtk_box_append (self->content, section);

  return GTK_BOX (section);
}

static void
add_field (GtkBox     *section,
           const char *key,
           const char *value)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  if (value == NULL || *value == '\0')
    return;

  gtk_box_append (GTK_BOX (row), make_label (key, "caption"));
  gtk_widget_add_css_class (gtk_widget_get_last_child (row), "dim-label");
  gtk_box_append (GTK_BOX (row), make_label (value, NULL));
  gtk_box_append (section, row);
}

static guint
cite (LsmDetailPanel *self,
      const char     *source_id)
{
  return lsm_overview_cite (self->catalog, self->cited, source_id);
}

static GtkWidget *
make_figure_row (LsmDetailPanel *self,
                 LsmFigure      *figure,
                 gboolean        nested)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 1);
  g_autofree char *value = lsm_figure_format_value (figure);
  g_autofree char *meta = lsm_figure_describe (figure, value, cite (self, lsm_figure_get_source_id (figure)));
  g_autofree char *tooltip = NULL;
  GtkWidget *value_label;

  gtk_widget_add_css_class (row, "lsm-figure");
  if (nested)
    gtk_widget_set_margin_start (row, 18);

  gtk_box_append (GTK_BOX (row), make_label (lsm_figure_get_label (figure), "caption-heading"));
  value_label = make_label (value, lsm_figure_is_numeric (figure) ? "lsm-figure-value" : NULL);
  gtk_box_append (GTK_BOX (row), value_label);
  if (*meta != '\0')
    {
      gtk_box_append (GTK_BOX (row), make_label (meta, "caption"));
      gtk_widget_add_css_class (gtk_widget_get_last_child (row), "dim-label");
    }

  /* An outside record that differs: said beside the article's figure, never instead of it. */
  if (lsm_figure_get_crosscheck_note (figure) != NULL)
    {
      LsmSource *record = lsm_catalog_lookup_source (self->catalog, lsm_figure_get_crosscheck_source_id (figure));
      g_autofree char *citation = record != NULL ? lsm_source_format_citation (record) : NULL;
      g_autofree char *text = NULL;

      if (citation != NULL)
        /* Translators: a note on a figure from an outside record: the record's citation, the note */
        text = g_strdup_printf (_("Cross-check (%s): %s"), citation, lsm_figure_get_crosscheck_note (figure));
      else
        /* Translators: a note on a figure from an outside record */
        text = g_strdup_printf (_("Cross-check: %s"), lsm_figure_get_crosscheck_note (figure));
      gtk_box_append (GTK_BOX (row), make_label (text, "caption"));
      gtk_widget_add_css_class (gtk_widget_get_last_child (row), "lsm-crosscheck");
    }

  /* The article's own words, for whoever wants to check. */
  if (lsm_figure_get_quote (figure) != NULL)
    {
      /* Translators: the article's words a figure comes from, shown as a tooltip */
      tooltip = g_strdup_printf (_("“%s”"), lsm_figure_get_quote (figure));
      gtk_widget_set_tooltip_text (row, tooltip);
    }

  return row;
}

static void
add_figures (LsmDetailPanel *self,
             GtkBox         *section,
             GListModel     *figures)
{
  guint n = g_list_model_get_n_items (figures);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LsmFigure) figure = g_list_model_get_item (figures, i);

      if (lsm_figure_get_relates_to (figure) != NULL)
        continue;

      gtk_box_append (section, make_figure_row (self, figure, FALSE));

      /* Changes and shares stated with a figure go right under it. */
      for (guint j = 0; j < n; j++)
        {
          g_autoptr(LsmFigure) related = g_list_model_get_item (figures, j);

          if (g_strcmp0 (lsm_figure_get_relates_to (related), lsm_figure_get_id (figure)) == 0)
            gtk_box_append (section, make_figure_row (self, related, TRUE));
        }
    }

  /* Related figures whose parent lives elsewhere still show. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LsmFigure) figure = g_list_model_get_item (figures, i);
      const char *parent = lsm_figure_get_relates_to (figure);
      gboolean found = FALSE;

      if (parent == NULL)
        continue;
      for (guint j = 0; j < n && !found; j++)
        {
          g_autoptr(LsmFigure) other = g_list_model_get_item (figures, j);

          found = g_strcmp0 (lsm_figure_get_id (other), parent) == 0;
        }
      if (!found)
        gtk_box_append (section, make_figure_row (self, figure, FALSE));
    }
}

static void
on_copy_clicked_cb (GtkButton *button,
                    GtkLabel  *label)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (button)), gtk_label_get_text (label));
}

static void
add_coordinates (GtkBox     *section,
                 const char *caption,
                 double      lat,
                 double      lon)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *copy = gtk_button_new_from_icon_name ("edit-copy-symbolic");
  g_autofree char *text = NULL;
  char lat_text[G_ASCII_DTOSTR_BUF_SIZE], lon_text[G_ASCII_DTOSTR_BUF_SIZE];
  GtkWidget *label;

  /* Decimal degrees with a point, as every GIS and map site reads them. */
  g_ascii_formatd (lat_text, sizeof lat_text, "%.5f", lat);
  g_ascii_formatd (lon_text, sizeof lon_text, "%.5f", lon);
  text = g_strdup_printf ("%s, %s", lat_text, lon_text);
  label = make_label (text, "monospace");
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (copy, "flat");
  gtk_widget_set_tooltip_text (copy, _("Copy coordinates"));
  g_signal_connect (copy, "clicked", G_CALLBACK (on_copy_clicked_cb), label);
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (row), copy);
  gtk_box_append (section, make_label (caption, "caption"));
  gtk_widget_add_css_class (gtk_widget_get_last_child (GTK_WIDGET (section)), "dim-label");
  gtk_box_append (section, row);
}

static void
add_location (LsmDetailPanel *self,
              LsmFeature     *site)
{
  GtkBox *section = add_section (self, _("Location"));
  LsmPrecision precision = lsm_feature_get_precision (site);
  g_autofree char *now_in = lsm_feature_describe_unit_2025 (site);
  g_autofree char *shape = lsm_feature_describe_shape (site);
  double lon, lat;

  add_field (section, _("District"), lsm_feature_get_district (site));
  add_field (section, _("Commune"), lsm_feature_get_commune (site));
  if (now_in != NULL)
    gtk_box_append (section, make_label (now_in, "lsm-unit-2025"));
  add_field (section, _("Precision"), lsm_precision_get_label (precision));
  add_field (section, _("How the point was found"), lsm_feature_get_coord_method (site));

  if (lsm_feature_get_location (site, &lon, &lat))
    add_coordinates (section, _("Coordinates (latitude, longitude)"), lat, lon);
  else if (shape != NULL && lsm_feature_get_label_point (site, &lon, &lat))
    {
      /* A line or an area: drawn as it is; the point stands for it in lists and lookups. */
      gboolean line = lsm_geometry_get_geometry_type (lsm_feature_get_geometry (site)) == LSM_GEOMETRY_LINES;

      gtk_box_append (section, make_label (shape, NULL));
      add_coordinates (section, line ? _("Its midpoint (latitude, longitude)")
                                     : _("A point inside it (latitude, longitude)"), lat, lon);
    }
  else
    gtk_box_append (section, make_label (_("No source states where this site is; it is listed but not drawn on the map."), NULL));

  /* Addresses, repositories and commits are for auditors: folded away, and not translated. */
  if (lsm_feature_get_provenance (site) != NULL)
    {
      GtkWidget *expander = gtk_expander_new (_("Provenance"));
      GtkWidget *citations = make_label (lsm_feature_get_provenance (site), "caption");

      gtk_widget_set_margin_top (citations, 4);
      gtk_expander_set_child (GTK_EXPANDER (expander), citations);
      gtk_widget_add_css_class (expander, "lsm-provenance");
      gtk_box_append (section, expander);
    }
}

static void
add_sources (LsmDetailPanel *self)
{
  GtkBox *section;

  if (self->cited->len == 0)
    return;

  section = add_section (self, _("Sources"));
  for (guint i = 0; i < self->cited->len; i++)
    {
      LsmSource *source = g_ptr_array_index (self->cited, i);
      g_autofree char *citation = lsm_source_format_citation (source);
      /* Translators: a numbered entry in the list of sources: number, citation */
      g_autofree char *entry = g_strdup_printf (_("%u. %s"), i + 1, citation);

      gtk_box_append (section, make_label (entry, NULL));
      if (lsm_source_get_date_note (source) != NULL)
        gtk_widget_set_tooltip_text (gtk_widget_get_last_child (GTK_WIDGET (section)),
                                     lsm_source_get_date_note (source));
    }
}

static void
on_summary_site_activated_cb (LsmDetailPanel *self,
                              LsmFeature     *site)
{
  g_signal_emit (self, signals[SITE_ACTIVATED], 0, site);
}

static void
show_site (LsmDetailPanel *self,
           LsmFeature     *site)
{
  LsmSector sector = lsm_feature_get_sector (site);
  g_autoptr(GListModel) aggregates = lsm_catalog_list_aggregates (self->catalog, lsm_sector_get_id (sector));
  GtkBox *section;

  lsm_sector_icon_set_image (self->icon, sector);
  gtk_label_set_text (self->title, lsm_feature_get_name (site));
  gtk_label_set_text (self->subtitle, lsm_feature_get_name_en (site) ? lsm_feature_get_name_en (site) : "");

  section = add_section (self, lsm_sector_get_label (sector));
  add_field (section, _("Status"), lsm_status_get_label (lsm_feature_get_status (site)));
  add_field (section, _("Note"), lsm_feature_get_note (site));

  if (lsm_feature_is_imported (site))
    {
      /* A user's own columns, as the file names them; the province's figures are not theirs. */
      /* Translators: heading of the columns of a user's own file, e.g. "From my-sites.csv" */
      g_autofree char *heading = g_strdup_printf (_("From %s"), lsm_feature_get_provenance (site));

      section = add_section (self, heading);
      add_figures (self, section, lsm_feature_get_figures (site));
      for (guint i = 0; i < lsm_feature_get_n_attributes (site); i++)
        {
          const char *value;
          const char *name = lsm_feature_get_attribute (site, i, &value);

          add_field (section, name, value);
        }
      add_location (self, site);
      return;
    }

  section = add_section (self, _("Documented figures"));
  if (g_list_model_get_n_items (lsm_feature_get_figures (site)) == 0)
    gtk_box_append (section, make_label (_("The sources give no figures for this site."), "dim-label"));
  add_figures (self, section, lsm_feature_get_figures (site));

  add_location (self, site);

  if (g_list_model_get_n_items (aggregates) > 0)
    {
      /* Translators: heading of the figures about a whole sector, e.g. "All of Hydropower" */
      g_autofree char *heading = g_strdup_printf (_("All of %s in the province"), lsm_sector_get_label (sector));

      section = add_section (self, heading);
      add_figures (self, section, aggregates);
    }
}

static void
show_district (LsmDetailPanel *self,
               LsmFeature     *district)
{
  g_autofree char *area = NULL;
  GtkBox *section;

  gtk_image_set_from_icon_name (self->icon, "mark-location-symbolic");
  gtk_label_set_text (self->title, lsm_feature_get_full_name (district) ? lsm_feature_get_full_name (district)
                                                                        : lsm_feature_get_name (district));
  gtk_label_set_text (self->subtitle, lsm_feature_get_name_en (district) ? lsm_feature_get_name_en (district) : "");

  if (lsm_feature_get_kind (district) == LSM_FEATURE_UNIT_2025)
    {
      section = add_section (self, _("Unit since 1 July 2025"));
      add_field (section, _("Kind"), g_strcmp0 (lsm_feature_get_subtype (district), "ward") == 0
                                     ? C_("unit kind", "Ward (phường)") : C_("unit kind", "Commune (xã)"));
      add_field (section, _("Statistics code"), lsm_feature_get_id (district));
    }
  else
    section = add_section (self, _("District"));
  area = lsm_format_quantity (lsm_feature_get_area_km2 (district), NULL, NULL, "km2", LSM_QUALIFIER_NONE);
  add_field (section, _("Area"), area);

  if (g_list_model_get_n_items (lsm_feature_get_figures (district)) > 0)
    {
      section = add_section (self, _("Documented figures"));
      add_figures (self, section, lsm_feature_get_figures (district));
    }

  if (self->filter != NULL)
    {
      GtkWidget *summary = lsm_district_summary_new (self->filter, district);

      g_signal_connect_object (summary, "site-activated", G_CALLBACK (on_summary_site_activated_cb),
                               self, G_CONNECT_SWAPPED);
      gtk_box_append (self->content, summary);
    }
}

static void
clear_content (LsmDetailPanel *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content))) != NULL)
    gtk_box_remove (self->content, child);
  g_ptr_array_set_size (self->cited, 0);
}

/**
 * lsm_detail_panel_set_feature:
 * @self: a panel
 * @feature: (nullable): a site or district
 */
void
lsm_detail_panel_set_feature (LsmDetailPanel *self,
                              LsmFeature     *feature)
{
  g_return_if_fail (LSM_IS_DETAIL_PANEL (self));

  if (!g_set_object (&self->feature, feature))
    return;

  clear_content (self);
  /* Each new selection is read from its top, not where the last one was left. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled), 0);
  if (feature == NULL || self->catalog == NULL)
    return;

  if (lsm_feature_is_area (feature))
    show_district (self, feature);
  else
    show_site (self, feature);

  add_sources (self);
}

/**
 * lsm_detail_panel_get_feature:
 * @self: a panel
 *
 * Returns: (transfer none) (nullable): the feature shown
 */
LsmFeature *
lsm_detail_panel_get_feature (LsmDetailPanel *self)
{
  g_return_val_if_fail (LSM_IS_DETAIL_PANEL (self), NULL);

  return self->feature;
}

void
lsm_detail_panel_set_catalog (LsmDetailPanel *self,
                              LsmCatalog     *catalog)
{
  g_return_if_fail (LSM_IS_DETAIL_PANEL (self));

  lsm_detail_panel_set_feature (self, NULL);
  g_set_object (&self->catalog, catalog);
}

/**
 * lsm_detail_panel_set_filter:
 * @self: a panel
 * @filter: (nullable): what the map shows, which a district's totals and sites follow
 */
void
lsm_detail_panel_set_filter (LsmDetailPanel *self,
                             LsmFilter      *filter)
{
  g_return_if_fail (LSM_IS_DETAIL_PANEL (self));

  g_set_object (&self->filter, filter);
}

static void
lsm_detail_panel_dispose (GObject *object)
{
  LsmDetailPanel *self = (LsmDetailPanel *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), LSM_TYPE_DETAIL_PANEL);
  g_clear_object (&self->feature);
  g_clear_object (&self->catalog);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->cited, g_ptr_array_unref);

  G_OBJECT_CLASS (lsm_detail_panel_parent_class)->dispose (object);
}

static void
lsm_detail_panel_class_init (LsmDetailPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lsm_detail_panel_dispose;

  /**
   * LsmDetailPanel::site-activated:
   * @self: the panel
   * @site: a site picked from a district's list
   */
  signals[SITE_ACTIVATED] =
    g_signal_new ("site-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, LSM_TYPE_FEATURE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/lsm-detail-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, LsmDetailPanel, box);
  gtk_widget_class_bind_template_child (widget_class, LsmDetailPanel, icon);
  gtk_widget_class_bind_template_child (widget_class, LsmDetailPanel, title);
  gtk_widget_class_bind_template_child (widget_class, LsmDetailPanel, subtitle);
  gtk_widget_class_bind_template_child (widget_class, LsmDetailPanel, scrolled);
  gtk_widget_class_bind_template_child (widget_class, LsmDetailPanel, content);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "lsm-detail-panel");
}

static void
lsm_detail_panel_init (LsmDetailPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cited = g_ptr_array_new_with_free_func (g_object_unref);
}
