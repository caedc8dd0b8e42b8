/* lsm-overview-panel.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-overview-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "lsm-catalog.h"
#include "lsm-chart-view.h"
#include "lsm-figure.h"
#include "lsm-filter.h"
#include "lsm-overview-panel.h"
#include "lsm-overview.h"
#include "lsm-sector-icon.h"
#include "lsm-source.h"
#include "lsm-vocab.h"

/* What the side panel shows when nothing is selected: each sector's count of sites (following
 * the filter, as the map does) and figures about the whole sector, then the province's own
 * figures, each with its unit, period, status and source, and the charts they make. The text
 * is not selectable, so Tab moves between the panel's controls, not into its prose.
 *
 * Measuring the hundreds of wrapping labels of every section took most of the window's first
 * frame, so only the sections that fill the panel's height are appended at once; the rest wait
 * in @deferred for the first frame after that and are appended together, below what is seen. */
struct _LsmOverviewPanel
{
  GtkWidget   parent_instance;

  /* template widgets */
  GtkWidget         *box;
  GtkLabel          *subtitle;
  GtkScrolledWindow *scrolled;
  GtkBox            *content;

  /* owned */
  LsmCatalog *catalog;
  LsmFilter  *filter;
  GPtrArray  *cited;   /* LsmSource, in order of first citation */
  GPtrArray  *deferred;  /* sections made but not yet appended, in order */
  int         room;      /* a low estimate of the height left to fill, in pixels */
  gulong      paint_id;
  GdkFrameClock *paint_clock;
  guint       append_id;
};

G_DEFINE_FINAL_TYPE (LsmOverviewPanel, lsm_overview_panel, GTK_TYPE_WIDGET)

/**
 * lsm_panel_label_new:
 * @text: plain text
 * @css_class: (nullable): a style class
 *
 * Returns: (transfer floating): a wrapping, left-aligned label of the side panel's pages; not
 *   selectable, so Tab moves between controls rather than into text
 */
GtkWidget *
lsm_panel_label_new (const char *text,
                     const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

/* Lower bounds of what a heading, a line of text, a figure's row and a chart take, so that the
 * sections appended at once always fill the panel. */
#define HEADING_HEIGHT 30
#define LINE_HEIGHT    16
#define ROW_HEIGHT     36
#define CHART_HEIGHT   60

static GtkBox *
add_section (LsmOverviewPanel *self,
             const char       *heading,
             GtkWidget        *icon)
{
  GtkWidget *section = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);

  if (icon != NULL)
    gtk_box_append (GTK_BOX (title), icon);
  gtk_box_append (GTK_BOX (title), lsm_panel_label_new (heading, "heading"));
  gtk_box_append (GTK_BOX (section), title);
  if (self->room > 0 && self->deferred->len == 0)
    gtk_box_append (self->content, section);
  else
    g_ptr_array_add (self->deferred, g_object_ref_sink (section));
  self->room -= HEADING_HEIGHT;

  return GTK_BOX (section);
}

/* One row of the grid: what is measured on the left; its value, and under it the period,
 * status and source, on the right. */
static void
add_figure_row (LsmOverviewPanel *self,
                GtkGrid          *grid,
                int               row,
                LsmFigure        *figure)
{
  g_autofree char *value = lsm_figure_format_value (figure);
  guint citation = lsm_overview_cite (self->catalog, self->cited, lsm_figure_get_source_id (figure));
  g_autofree char *meta = lsm_figure_describe (figure, value, citation);
  GtkWidget *label = lsm_panel_label_new (lsm_figure_get_label (figure), "caption-heading");
  GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_VERTICAL, 1);

  gtk_widget_set_valign (label, GTK_ALIGN_START);
  if (lsm_figure_get_relates_to (figure) != NULL)
    gtk_widget_set_margin_start (label, 12);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 18);
  gtk_box_append (GTK_BOX (cell), lsm_panel_label_new (value, lsm_figure_is_numeric (figure) ? "lsm-figure-value" : NULL));
  if (*meta != '\0')
    {
      gtk_box_append (GTK_BOX (cell), lsm_panel_label_new (meta, "caption"));
      gtk_widget_add_css_class (gtk_widget_get_last_child (cell), "dim-label");
    }
  gtk_widget_set_hexpand (cell, TRUE);

  gtk_grid_attach (grid, label, 0, row, 1, 1);
  gtk_grid_attach (grid, cell, 1, row, 1, 1);
  self->room -= ROW_HEIGHT;
}

static void
add_figures (LsmOverviewPanel *self,
             GtkBox           *section,
             GListModel       *figures)
{
  GtkWidget *grid = gtk_grid_new ();
  guint n = g_list_model_get_n_items (figures);
  g_autoptr(GPtrArray) charts = lsm_overview_list_charts (figures);

  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 8);
  gtk_widget_add_css_class (grid, "lsm-figure-grid");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LsmFigure) figure = g_list_model_get_item (figures, i);

      add_figure_row (self, GTK_GRID (grid), i, figure);
    }
  if (n > 0)
    gtk_box_append (section, grid);

  for (guint i = 0; i < charts->len; i++)
    gtk_box_append (section, lsm_chart_view_new (g_ptr_array_index (charts, i)));
  self->room -= CHART_HEIGHT * charts->len;
}

static void
add_sources (LsmOverviewPanel *self)
{
  GtkBox *section;

  if (self->cited->len == 0)
    return;

  section = add_section (self, _("Sources"), NULL);
  for (guint i = 0; i < self->cited->len; i++)
    {
      g_autofree char *citation = lsm_source_format_citation (g_ptr_array_index (self->cited, i));
      /* Translators: a numbered entry in the list of sources: number, citation */
      g_autofree char *entry = g_strdup_printf (_("%u. %s"), i + 1, citation);

      gtk_box_append (section, lsm_panel_label_new (entry, "caption"));
      self->room -= LINE_HEIGHT;
    }
}

static void
stop_waiting (LsmOverviewPanel *self)
{
  /* The clock may have dropped its handlers, its surface gone. */
  if (self->paint_id != 0 && g_signal_handler_is_connected (self->paint_clock, self->paint_id))
    g_signal_handler_disconnect (self->paint_clock, self->paint_id);
  self->paint_id = 0;
  g_clear_object (&self->paint_clock);
  g_clear_handle_id (&self->append_id, g_source_remove);
}

static gboolean
append_deferred_cb (gpointer data)
{
  LsmOverviewPanel *self = data;

  self->append_id = 0;
  stop_waiting (self);
  for (guint i = 0; i < self->deferred->len; i++)
    gtk_box_append (self->content, g_ptr_array_index (self->deferred, i));
  g_ptr_array_set_size (self->deferred, 0);

  return G_SOURCE_REMOVE;
}

static void
on_after_paint_cb (GdkFrameClock    *clock,
                   LsmOverviewPanel *self)
{
  if (self->append_id == 0)
    self->append_id = g_idle_add_full (G_PRIORITY_LOW, append_deferred_cb, self, NULL);
}

/* After the next frame the window draws, whichever part of it changes; with no window to draw
 * (not shown yet), as soon as the main loop is idle. */
static void
append_deferred_later (LsmOverviewPanel *self)
{
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
  GdkSurface *surface = native != NULL ? gtk_native_get_surface (native) : NULL;

  stop_waiting (self);
  if (self->deferred->len == 0)
    return;

  if (surface != NULL && gtk_widget_get_mapped (GTK_WIDGET (native)))
    {
      self->paint_clock = g_object_ref (gdk_surface_get_frame_clock (surface));
      self->paint_id = g_signal_connect (self->paint_clock, "after-paint", G_CALLBACK (on_after_paint_cb), self);
      gtk_widget_queue_draw (GTK_WIDGET (native));
    }
  else
    on_after_paint_cb (NULL, self);
}

/* Down to the bottom of what is seen: the panel's height once shown, else the window's, as the
 * panel takes the window's height; scrolled down (a rebuild when the filter changes), as far
 * again, so that the scroll position is kept. */
static int
height_to_fill (LsmOverviewPanel *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self->scrolled));

  if (height <= 0 && root != NULL)
    height = gtk_widget_get_height (GTK_WIDGET (root));

  return (height > 0 ? height : 1200)
         + (int) gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (self->scrolled));
}

static void
rebuild (LsmOverviewPanel *self)
{
  GtkWidget *child;
  g_autoptr(GListModel) province = NULL;
  GListModel *shown;
  guint n_shown, n_mapped = 0;
  g_autofree char *counts = NULL;
  g_autofree LsmSector *sectors = NULL;
  g_autofree guint *n_sites = NULL;
  g_autofree guint *n_mapped_in = NULL;
  guint n_sectors = 0, n_counted = 0;

  stop_waiting (self);
  g_ptr_array_set_size (self->deferred, 0);
  self->room = height_to_fill (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content))) != NULL)
    gtk_box_remove (self->content, child);
  g_ptr_array_set_size (self->cited, 0);
  gtk_label_set_text (self->subtitle, "");

  if (self->catalog == NULL || self->filter == NULL)
    return;

  shown = G_LIST_MODEL (self->filter);
  n_shown = g_list_model_get_n_items (shown);
  sectors = lsm_sector_list (&n_sectors);
  for (guint k = 0; k < n_sectors; k++)
    n_counted = MAX (n_counted, (guint) sectors[k] + 1);
  n_sites = g_new (guint, MAX (n_counted, 1));
  n_mapped_in = g_new (guint, MAX (n_counted, 1));
  /* The filter counted its sites by sector in its own pass: a second one over a million sites
   * would freeze the install. */
  for (guint s = 0; s < n_counted; s++)
    {
      LsmFilterCounts c;

      lsm_filter_get_counts (self->filter, s, &c);
      n_sites[s] = c.shown;
      n_mapped_in[s] = c.points + c.in_districts;
    }
  for (guint k = 0; k < n_sectors; k++)
    n_mapped += n_mapped_in[sectors[k]];
  counts = lsm_overview_format_counts (n_shown, n_mapped);
  gtk_label_set_text (self->subtitle, counts);

  for (guint k = 0; k < n_sectors; k++)
    {
      LsmSector s = sectors[k];
      g_autoptr(GListModel) figures = lsm_catalog_list_aggregates (self->catalog, lsm_sector_get_id (s));
      g_autofree char *sector_counts = NULL;
      guint n = n_sites[s];
      GtkBox *section;

      if (n == 0 && g_list_model_get_n_items (figures) == 0)
        continue;

      section = add_section (self, lsm_sector_get_label (s), lsm_sector_icon_new_image (s));
      sector_counts = lsm_overview_format_counts (n, n_mapped_in[s]);
      gtk_box_append (section, lsm_panel_label_new (sector_counts, "dim-label"));
      add_figures (self, section, figures);
    }

  province = lsm_catalog_list_aggregates (self->catalog, "province");
  if (g_list_model_get_n_items (province) > 0)
    add_figures (self, add_section (self, _("The province’s own figures"), NULL), province);

  add_sources (self);
  append_deferred_later (self);
}

static void
on_filter_items_changed_cb (LsmOverviewPanel *self)
{
  rebuild (self);
}

/**
 * lsm_overview_panel_set_data:
 * @self: a panel
 * @catalog: (nullable): the data
 * @filter: (nullable): what the counts follow
 */
void
lsm_overview_panel_set_data (LsmOverviewPanel *self,
                             LsmCatalog       *catalog,
                             LsmFilter        *filter)
{
  g_return_if_fail (LSM_IS_OVERVIEW_PANEL (self));

  g_set_object (&self->catalog, catalog);
  if (self->filter != filter)
    {
      if (self->filter != NULL)
        g_signal_handlers_disconnect_by_func (self->filter, on_filter_items_changed_cb, self);
      g_set_object (&self->filter, filter);
      if (filter != NULL)
        g_signal_connect_object (filter, "items-changed", G_CALLBACK (on_filter_items_changed_cb),
                                 self, G_CONNECT_SWAPPED);
    }

  rebuild (self);
}

/**
 * lsm_overview_panel_scroll_to_top:
 * @self: a panel
 *
 * Each time the overview is brought back it opens at its top, as a new selection does.
 */
void
lsm_overview_panel_scroll_to_top (LsmOverviewPanel *self)
{
  g_return_if_fail (LSM_IS_OVERVIEW_PANEL (self));

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled), 0);
}

/* Shown again on a new surface, whose clock has not heard of the sections still waiting. */
static void
lsm_overview_panel_map (GtkWidget *widget)
{
  LsmOverviewPanel *self = LSM_OVERVIEW_PANEL (widget);

  GTK_WIDGET_CLASS (lsm_overview_panel_parent_class)->map (widget);
  if (self->deferred->len > 0 && self->append_id == 0
      && (self->paint_id == 0 || !g_signal_handler_is_connected (self->paint_clock, self->paint_id)))
    append_deferred_later (self);
}

static void
lsm_overview_panel_dispose (GObject *object)
{
  LsmOverviewPanel *self = (LsmOverviewPanel *) object;

  stop_waiting (self);
  g_clear_pointer (&self->deferred, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), LSM_TYPE_OVERVIEW_PANEL);
  g_clear_object (&self->filter);
  g_clear_object (&self->catalog);
  g_clear_pointer (&self->cited, g_ptr_array_unref);

  G_OBJECT_CLASS (lsm_overview_panel_parent_class)->dispose (object);
}

static void
lsm_overview_panel_class_init (LsmOverviewPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lsm_overview_panel_dispose;
  widget_class->map = lsm_overview_panel_map;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/lsm-overview-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, LsmOverviewPanel, box);
  gtk_widget_class_bind_template_child (widget_class, LsmOverviewPanel, subtitle);
  gtk_widget_class_bind_template_child (widget_class, LsmOverviewPanel, scrolled);
  gtk_widget_class_bind_template_child (widget_class, LsmOverviewPanel, content);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "lsm-overview-panel");
}

static void
lsm_overview_panel_init (LsmOverviewPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cited = g_ptr_array_new_with_free_func (g_object_unref);
  self->deferred = g_ptr_array_new_with_free_func (g_object_unref);
}
