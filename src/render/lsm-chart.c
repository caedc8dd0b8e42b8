/* lsm-chart.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-chart"

#include "config.h"

#include <pango/pangocairo.h>

#include "lsm-chart.h"
#include "lsm-style.h"

/* A small horizontal bar chart: the title, then one row per bar with its label, the bar and
 * its value written beside it. Bars are the foreground colour, never a hue, so a greyscale
 * print reads the same; the value is always written, so nobody has to measure a bar. Text and
 * bars take the cairo source the caller set: the panel's foreground in light and dark styles,
 * black on paper. */

#define ROW_HEIGHT   (LSM_CHART_FONT_SIZE * 1.8)
#define TITLE_HEIGHT (LSM_CHART_FONT_SIZE * 2.0)
#define BAR_HEIGHT   (LSM_CHART_FONT_SIZE * 1.0)
#define LABEL_SHARE  0.42  /* of the width, for the bars' labels */
#define VALUE_ROOM   (LSM_CHART_FONT_SIZE * 7)
#define GAP          6.0

double
lsm_chart_get_height (const LsmChart *chart)
{
  g_return_val_if_fail (chart != NULL, 0);

  return TITLE_HEIGHT + chart->bars->len * ROW_HEIGHT;
}

static double
max_value (const LsmChart *chart)
{
  double max = 0;

  for (guint i = 0; i < chart->bars->len; i++)
    max = MAX (max, g_array_index (chart->bars, LsmChartBar, i).value);

  return max;
}

/**
 * lsm_chart_get_bar_rect:
 * @chart: a chart
 * @width: the width it is drawn at
 * @index: a bar
 * @rect: (out): where the bar is drawn
 *
 * Returns: whether @index is a bar of @chart
 */
gboolean
lsm_chart_get_bar_rect (const LsmChart    *chart,
                        double             width,
                        guint              index,
                        cairo_rectangle_t *rect)
{
  double max, x, room;

  g_return_val_if_fail (chart != NULL, FALSE);

  if (index >= chart->bars->len)
    return FALSE;

  max = max_value (chart);
  x = width * LABEL_SHARE + GAP;
  room = MAX (0, width - x - VALUE_ROOM);
  rect->x = x;
  rect->y = TITLE_HEIGHT + index * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) / 2;
  rect->height = BAR_HEIGHT;
  rect->width = max > 0 ? room * g_array_index (chart->bars, LsmChartBar, index).value / max : 0;

  /* A bar that rounds to nothing still shows it is there. */
  if (g_array_index (chart->bars, LsmChartBar, index).value > 0)
    rect->width = MAX (rect->width, 1);

  return TRUE;
}

/**
 * lsm_chart_make_layout:
 * @cr: where the text goes
 * @text: plain text
 * @bold: whether it is a title
 * @width: the width to ellipsize at
 *
 * Returns: (transfer full): a layout in the charts' and legends' font
 */
PangoLayout *
lsm_chart_make_layout (cairo_t    *cr,
                       const char *text,
                       gboolean    bold,
                       double      width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (LSM_LABEL_FONT);

  pango_font_description_set_absolute_size (font, LSM_CHART_FONT_SIZE * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);

  return layout;
}

static void
show_text (cairo_t     *cr,
           PangoLayout *layout,
           double       x,
           double       row_y,
           double       row_height)
{
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, x, row_y + (row_height - h) / 2);
  pango_cairo_show_layout (cr, layout);
}

/**
 * lsm_chart_draw:
 * @chart: a chart
 * @cr: where to draw, with its source set to the text colour
 * @width: the width to fill; the height is lsm_chart_get_height()
 */
void
lsm_chart_draw (const LsmChart *chart,
                cairo_t        *cr,
                double          width)
{
  g_autofree char *title = NULL;
  g_autoptr(PangoLayout) title_layout = NULL;

  g_return_if_fail (chart != NULL);
  g_return_if_fail (cr != NULL);

  cairo_save (cr);

  title = lsm_chart_format_title (chart);
  title_layout = lsm_chart_make_layout (cr, title, TRUE, width);
  show_text (cr, title_layout, 0, 0, TITLE_HEIGHT);

  for (guint i = 0; i < chart->bars->len; i++)
    {
      const LsmChartBar *bar = &g_array_index (chart->bars, LsmChartBar, i);
      g_autoptr(PangoLayout) label = lsm_chart_make_layout (cr, bar->label, FALSE, width * LABEL_SHARE);
      g_autoptr(PangoLayout) value = lsm_chart_make_layout (cr, bar->value_text, FALSE, VALUE_ROOM - GAP);
      double row_y = TITLE_HEIGHT + i * ROW_HEIGHT;
      cairo_rectangle_t rect;

      pango_layout_set_alignment (label, PANGO_ALIGN_RIGHT);
      show_text (cr, label, 0, row_y, ROW_HEIGHT);

      lsm_chart_get_bar_rect (chart, width, i, &rect);
      cairo_rectangle (cr, rect.x, rect.y, rect.width, rect.height);
      cairo_fill (cr);

      show_text (cr, value, rect.x + rect.width + GAP, row_y, ROW_HEIGHT);
    }

  cairo_restore (cr);
}
