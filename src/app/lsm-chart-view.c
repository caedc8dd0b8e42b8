/* lsm-chart-view.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-chart-view"

#include "config.h"

#include <glib/gi18n.h>

#include "lsm-chart.h"
#include "lsm-chart-view.h"

/* One chart of the overview, drawn by the same cairo code as the command line's and the
 * exports', in the panel's text colour. Screen readers get the chart as text: its title and
 * each bar's label and value. */
struct _LsmChartView
{
  GtkDrawingArea  parent_instance;

  /* owned */
  LsmChart       *chart;
};

G_DEFINE_FINAL_TYPE (LsmChartView, lsm_chart_view, GTK_TYPE_DRAWING_AREA)

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        user_data)
{
  LsmChartView *self = LSM_CHART_VIEW (area);
  GdkRGBA color;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  gdk_cairo_set_source_rgba (cr, &color);
  lsm_chart_draw (self->chart, cr, width);
}

static char *
describe (const LsmChart *chart)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *title = lsm_chart_format_title (chart);

  g_string_append (text, title);
  for (guint i = 0; i < chart->bars->len; i++)
    {
      const LsmChartBar *bar = &g_array_index (chart->bars, LsmChartBar, i);

      /* Translators: one bar of a chart as a screen reader reads it: its label, its value */
      g_string_append_printf (text, _("; %s: %s"), bar->label, bar->value_text);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
lsm_chart_view_finalize (GObject *object)
{
  LsmChartView *self = (LsmChartView *) object;

  g_clear_pointer (&self->chart, lsm_chart_free);

  G_OBJECT_CLASS (lsm_chart_view_parent_class)->finalize (object);
}

static void
lsm_chart_view_class_init (LsmChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = lsm_chart_view_finalize;
  gtk_widget_class_set_css_name (widget_class, "lsm-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
lsm_chart_view_init (LsmChartView *self)
{
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self), draw_cb, NULL, NULL);
}

/**
 * lsm_chart_view_new:
 * @chart: the chart to show; copied
 *
 * Returns: (transfer floating): a new chart view
 */
GtkWidget *
lsm_chart_view_new (const LsmChart *chart)
{
  LsmChartView *self;
  g_autofree char *text = NULL;

  g_return_val_if_fail (chart != NULL, NULL);

  self = g_object_new (LSM_TYPE_CHART_VIEW, NULL);
  self->chart = lsm_chart_copy (chart);
  text = describe (chart);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self), (int) lsm_chart_get_height (chart) + 1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);

  return GTK_WIDGET (self);
}

const LsmChart *
lsm_chart_view_get_chart (LsmChartView *self)
{
  g_return_val_if_fail (LSM_IS_CHART_VIEW (self), NULL);

  return self->chart;
}
