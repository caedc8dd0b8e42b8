/* lsm-site-table.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-site-table"

#include "config.h"

#include <glib/gi18n.h>

#include "lsm-feature.h"
#include "lsm-filter.h"
#include "lsm-overview.h"
#include "lsm-sector-icon.h"
#include "lsm-site-table.h"
#include "lsm-vocab.h"

/* The sites the filter shows, one row each, with their headline figures in comparable units:
 * a GtkColumnView over the filter's own model, so the table, the map and the counts never
 * disagree. Every column sorts (numbers largest first on the first click, text A→Z) and can be
 * hidden; a row picked here is the window's selection, and the window's selection is picked
 * here. */
struct _LsmSiteTable
{
  GtkWidget            parent_instance;

  /* template widgets */
  GtkWidget           *box;
  GtkLabel            *count;
  GtkBox              *columns_box;
  GtkScrolledWindow   *scrolled;
  GtkColumnView       *view;

  /* owned */
  LsmFilter           *filter;
  GtkSortListModel    *rows;
  GtkSingleSelection  *selection;

  /* borrowed: the view owns them */
  GtkColumnViewColumn *columns[LSM_N_COLUMNS];
  GtkWidget           *checks[LSM_N_COLUMNS]; /* in the Columns popover */
  gboolean             applies[LSM_N_COLUMNS];
  gboolean             updating_columns;

  gboolean             selecting;
  LsmFeature          *wanted;   /* the row to select, kept while the rows wait for the table */
};

G_DEFINE_FINAL_TYPE (LsmSiteTable, lsm_site_table, GTK_TYPE_WIDGET)

enum {
  SITE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static int
compare_cb (gconstpointer a,
            gconstpointer b,
            gpointer      user_data)
{
  int result = lsm_site_compare ((LsmFeature *) a, (LsmFeature *) b, GPOINTER_TO_UINT (user_data), FALSE);

  return result < 0 ? GTK_ORDERING_SMALLER : result > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

/* The cell's whole text, for one too long for its column. Asked when the pointer rests on it:
 * a tooltip text set at each bind makes GTK ask the X server where the pointer is, a round
 * trip per cell bound (a new table of 100k sites binds hundreds). */
static gboolean
on_cell_query_tooltip_cb (GtkLabel   *label,
                          int         x,
                          int         y,
                          gboolean    keyboard,
                          GtkTooltip *tooltip)
{
  const char *text = gtk_label_get_text (label);

  if (*text == '\0')
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  LsmColumn column = GPOINTER_TO_UINT (user_data);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);

  if (column == LSM_COLUMN_SECTOR)
    gtk_box_append (GTK_BOX (box), gtk_image_new ());

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  if (lsm_column_is_numeric (column))
    {
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_add_css_class (label, "numeric");
    }
  else
    gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_has_tooltip (label, TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (on_cell_query_tooltip_cb), NULL);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (item, box);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         gpointer                  user_data)
{
  LsmColumn column = GPOINTER_TO_UINT (user_data);
  LsmFeature *site = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *label = gtk_widget_get_last_child (box);
  g_autofree char *text = lsm_site_format_column (site, column);

  gtk_label_set_text (GTK_LABEL (label), text);

  if (column == LSM_COLUMN_SECTOR)
    lsm_sector_icon_set_image (GTK_IMAGE (gtk_widget_get_first_child (box)), lsm_feature_get_sector (site));

  /* GTK 4.8 gives a row no accessible name of its own, and a cell none from its content: the
   * name's cell says what the site is, not only what it is called. */
  if (column == LSM_COLUMN_NAME)
    {
      g_autofree char *spoken = lsm_site_format_spoken (site);
      GtkWidget *cell = gtk_widget_get_parent (box) != NULL ? gtk_widget_get_parent (box) : box;

      gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
    }
}

static void
update_count (LsmSiteTable *self)
{
  LsmFilterCounts counts = { 0, };
  g_autofree char *text = NULL;

  /* The rows are the filter's sites: its counts, kept by its one pass, not a pass of ours. */
  if (self->filter != NULL)
    lsm_filter_get_all_counts (self->filter, &counts);
  text = lsm_overview_format_counts (counts.shown, counts.points + counts.in_districts);
  gtk_label_set_text (self->count, text);
}

static void
on_selection_changed_cb (LsmSiteTable *self)
{
  LsmFeature *site = gtk_single_selection_get_selected_item (self->selection);

  if (site != NULL && !self->selecting)
    g_signal_emit (self, signals[SITE_ACTIVATED], 0, site);
}

/* The view keeps the row that was on top in sight, wherever the sort moved it; after a new
 * sort the user wants the top, where the biggest are. A view given its model anew starts
 * there. */
static void
on_sorter_changed_cb (LsmSiteTable *self)
{
  gtk_column_view_set_model (self->view, NULL);
  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (self->selection));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled), 0);
}

/* A column shows when the user wants it and the data has it: the units of 2025 are a layer
 * other data may lack, and a column empty in every row would only take room. */
static void
update_columns (LsmSiteTable *self)
{
  GListModel *sites = self->filter != NULL ? lsm_filter_get_model (self->filter) : NULL;

  self->updating_columns = TRUE;
  for (guint c = 0; c < LSM_N_COLUMNS; c++)
    {
      gboolean wanted = gtk_check_button_get_active (GTK_CHECK_BUTTON (self->checks[c]));

      self->applies[c] = lsm_column_applies (c, sites);
      gtk_widget_set_visible (self->checks[c], self->applies[c]);
      gtk_column_view_column_set_visible (self->columns[c], wanted && self->applies[c]);
    }
  self->updating_columns = FALSE;
}

/* A column hidden or shown by other means than its check button: the button follows. */
static void
on_column_visible_cb (GtkColumnViewColumn *column,
                      GParamSpec          *pspec,
                      LsmSiteTable        *self)
{
  LsmColumn c = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (column), "lsm-column"));

  if (!self->updating_columns && self->applies[c])
    gtk_check_button_set_active (GTK_CHECK_BUTTON (self->checks[c]), gtk_column_view_column_get_visible (column));
}

static void
add_columns (LsmSiteTable *self)
{
  for (guint c = 0; c < LSM_N_COLUMNS; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (compare_cb, GUINT_TO_POINTER (c), NULL));
      GtkColumnViewColumn *column;
      GtkWidget *check;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), GUINT_TO_POINTER (c));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), GUINT_TO_POINTER (c));
      column = gtk_column_view_column_new (lsm_column_get_label (c), factory);
      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, c == LSM_COLUMN_NAME);
      /* Names are long ("Nhà máy nhiệt điện Na Dương I"): give them room to be read. */
      if (c == LSM_COLUMN_NAME)
        gtk_column_view_column_set_fixed_width (column, 240);
      gtk_column_view_append_column (self->view, column);
      self->columns[c] = column;
      g_object_unref (column);

      check = gtk_check_button_new_with_label (lsm_column_get_label (c));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      g_signal_connect_object (check, "toggled", G_CALLBACK (update_columns), self, G_CONNECT_SWAPPED);
      gtk_box_append (self->columns_box, check);
      g_object_set_data (G_OBJECT (column), "lsm-column", GUINT_TO_POINTER (c));
      g_signal_connect_object (column, "notify::visible", G_CALLBACK (on_column_visible_cb), self, 0);
      self->checks[c] = check;
      self->applies[c] = TRUE;
    }
}

/* The rows are given the filter's sites when the table is first shown (or its rows are asked
 * for): a column view given rows makes widgets for a couple of hundred of them at once, ten
 * cells each, which would freeze every load for a table most never open. */
static void
attach_rows (LsmSiteTable *self)
{
  g_autoptr(LsmFeature) wanted = NULL;

  if (self->filter == NULL || gtk_sort_list_model_get_model (self->rows) == G_LIST_MODEL (self->filter))
    return;

  gtk_sort_list_model_set_model (self->rows, G_LIST_MODEL (self->filter));
  wanted = self->wanted != NULL ? g_object_ref (self->wanted) : NULL;
  lsm_site_table_select (self, wanted);
}

/**
 * lsm_site_table_set_filter:
 * @self: a table
 * @filter: (nullable): the sites to show
 */
void
lsm_site_table_set_filter (LsmSiteTable *self,
                           LsmFilter    *filter)
{
  g_return_if_fail (LSM_IS_SITE_TABLE (self));

  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_data (self->filter, self);
  if (!g_set_object (&self->filter, filter))
    return;

  if (filter != NULL)
    {
      g_signal_connect_object (filter, "changed", G_CALLBACK (update_columns), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (filter, "items-changed", G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);
    }
  gtk_sort_list_model_set_model (self->rows, NULL);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    attach_rows (self);
  update_count (self);
  update_columns (self);
}

/**
 * lsm_site_table_get_rows:
 * @self: a table
 *
 * Returns: (transfer none): the rows in the order shown, as "Export table…" writes them
 */
GListModel *
lsm_site_table_get_rows (LsmSiteTable *self)
{
  g_return_val_if_fail (LSM_IS_SITE_TABLE (self), NULL);

  attach_rows (self);
  return G_LIST_MODEL (self->rows);
}

GtkColumnView *
lsm_site_table_get_view (LsmSiteTable *self)
{
  g_return_val_if_fail (LSM_IS_SITE_TABLE (self), NULL);

  return self->view;
}

/**
 * lsm_site_table_get_column_toggle:
 * @self: a table
 * @column: a column
 *
 * Returns: (transfer none): the column's check button in the Columns popover; hidden when the
 *   data has no such column
 */
GtkCheckButton *
lsm_site_table_get_column_toggle (LsmSiteTable *self,
                                  LsmColumn     column)
{
  g_return_val_if_fail (LSM_IS_SITE_TABLE (self), NULL);
  g_return_val_if_fail (column < LSM_N_COLUMNS, NULL);

  return GTK_CHECK_BUTTON (self->checks[column]);
}

GtkColumnViewColumn *
lsm_site_table_get_column (LsmSiteTable *self,
                           LsmColumn     column)
{
  g_return_val_if_fail (LSM_IS_SITE_TABLE (self), NULL);
  g_return_val_if_fail (column < LSM_N_COLUMNS, NULL);

  return self->columns[column];
}

/**
 * lsm_site_table_select:
 * @self: a table
 * @site: (nullable): the window's selection; a district or %NULL selects no row
 */
void
lsm_site_table_select (LsmSiteTable *self,
                       LsmFeature   *site)
{
  guint n;
  guint position = GTK_INVALID_LIST_POSITION;

  g_return_if_fail (LSM_IS_SITE_TABLE (self));

  g_set_object (&self->wanted, site);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  /* Asked from within a change of the filter, before the selection has heard of it: its old row
   * may be gone. The change itself then settles the selection. */
  if (gtk_single_selection_get_selected (self->selection) != GTK_INVALID_LIST_POSITION
      && gtk_single_selection_get_selected (self->selection) >= n)
    return;

  for (guint i = 0; i < n && site != NULL && position == GTK_INVALID_LIST_POSITION; i++)
    {
      g_autoptr(LsmFeature) item = g_list_model_get_item (G_LIST_MODEL (self->rows), i);

      if (item == site)
        position = i;
    }

  self->selecting = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->selecting = FALSE;
}

static void
lsm_site_table_map (GtkWidget *widget)
{
  attach_rows (LSM_SITE_TABLE (widget));

  GTK_WIDGET_CLASS (lsm_site_table_parent_class)->map (widget);
}

static void
lsm_site_table_dispose (GObject *object)
{
  LsmSiteTable *self = (LsmSiteTable *) object;

  /* The view lets go of its rows while the template goes: nothing left to count into. */
  if (self->rows != NULL)
    g_signal_handlers_disconnect_by_data (self->rows, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->view != NULL)
    g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->view), self);
  gtk_widget_dispose_template (GTK_WIDGET (self), LSM_TYPE_SITE_TABLE);
  g_clear_object (&self->selection);
  g_clear_object (&self->rows);
  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_data (self->filter, self);
  g_clear_object (&self->filter);
  g_clear_object (&self->wanted);

  G_OBJECT_CLASS (lsm_site_table_parent_class)->dispose (object);
}

static void
lsm_site_table_class_init (LsmSiteTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lsm_site_table_dispose;
  widget_class->map = lsm_site_table_map;

  /**
   * LsmSiteTable::site-activated:
   * @self: the table
   * @site: the site of the row the user picked
   */
  signals[SITE_ACTIVATED] =
    g_signal_new ("site-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, LSM_TYPE_FEATURE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/lsm-site-table.ui");
  gtk_widget_class_bind_template_child (widget_class, LsmSiteTable, box);
  gtk_widget_class_bind_template_child (widget_class, LsmSiteTable, count);
  gtk_widget_class_bind_template_child (widget_class, LsmSiteTable, columns_box);
  gtk_widget_class_bind_template_child (widget_class, LsmSiteTable, scrolled);
  gtk_widget_class_bind_template_child (widget_class, LsmSiteTable, view);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "lsm-site-table");
}

static void
lsm_site_table_init (LsmSiteTable *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = gtk_sort_list_model_new (NULL, g_object_ref (gtk_column_view_get_sorter (self->view)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (on_selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "map", G_CALLBACK (attach_rows), NULL);
  g_signal_connect_object (gtk_column_view_get_sorter (self->view), "changed", G_CALLBACK (on_sorter_changed_cb),
                           self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  add_columns (self);
}
