/* test-chart.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <locale.h>

#include "lsm-catalog.h"
#include "lsm-chart.h"
#include "lsm-overview.h"
#include "lsm-test-utils.h"

#define WIDTH 320

static LsmChart *
hydro_capacity (LsmCatalog *catalog)
{
  g_autoptr(GListModel) hydro = lsm_catalog_list_aggregates (catalog, "hydro");
  g_autoptr(GPtrArray) charts = lsm_overview_list_charts (hydro);

  for (guint i = 0; i < charts->len; i++)
    {
      LsmChart *chart = g_ptr_array_index (charts, i);

      if (g_strcmp0 (chart->unit, "MW") == 0)
        return lsm_chart_copy (chart);
    }

  g_assert_not_reached ();
}

static gboolean
dark (cairo_surface_t *surface,
      int              x,
      int              y)
{
  guint32 *row = (guint32 *) (cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface));

  return ((row[x] >> 8) & 0xff) < 0x80;
}

/* How far the bar of a row reaches: the first light pixel after the bar's start. */
static int
bar_end (cairo_surface_t         *surface,
         const cairo_rectangle_t *rect)
{
  int y = (int) (rect->y + rect->height / 2);
  int x = (int) rect->x + 1;

  while (x < WIDTH && dark (surface, x, y))
    x++;

  return x;
}

static void
test_chart_bars_scale (void)
{
  g_autoptr(LsmCatalog) catalog = lsm_test_load_bundled ();
  g_autoptr(LsmChart) chart = hydro_capacity (catalog);
  int height = (int) lsm_chart_get_height (chart);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, height);
  cairo_t *cr = cairo_create (surface);
  cairo_rectangle_t total, operating, building;
  int end_total, end_operating, end_building;

  g_assert_cmpuint (chart->bars->len, ==, 4);
  g_assert_cmpint (height, >, 4 * 12);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  lsm_chart_draw (chart, cr, WIDTH);
  cairo_surface_flush (surface);

  g_assert_true (lsm_chart_get_bar_rect (chart, WIDTH, 0, &total));
  g_assert_true (lsm_chart_get_bar_rect (chart, WIDTH, 1, &operating));
  g_assert_true (lsm_chart_get_bar_rect (chart, WIDTH, 2, &building));
  g_assert_false (lsm_chart_get_bar_rect (chart, WIDTH, 4, &building));

  /* What is drawn is proportional: 103.7 : 34.9 : 63.8 MW. */
  end_total = bar_end (surface, &total);
  end_operating = bar_end (surface, &operating);
  end_building = bar_end (surface, &building);
  g_assert_cmpint (end_total, >, end_building);
  g_assert_cmpint (end_building, >, end_operating);
  g_assert_cmpfloat_with_epsilon ((end_operating - total.x) / (end_total - total.x), 34.9 / 103.7, 0.04);
  g_assert_cmpfloat_with_epsilon ((end_building - total.x) / (end_total - total.x), 63.8 / 103.7, 0.04);

  /* The labels are written left of the bars, the values right of them. */
  for (guint row = 0; row < 3; row++)
    {
      cairo_rectangle_t rect;
      gboolean label_ink = FALSE, value_ink = FALSE;

      lsm_chart_get_bar_rect (chart, WIDTH, row, &rect);
      for (int y = (int) rect.y; y < rect.y + rect.height; y++)
        {
          for (int x = 0; x < rect.x - 2; x++)
            label_ink |= dark (surface, x, y);
          for (int x = (int) (rect.x + rect.width + 3); x < WIDTH; x++)
            value_ink |= dark (surface, x, y);
        }
      g_assert_true (label_ink);
      g_assert_true (value_ink);
    }

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lsm/chart/bars-scale", test_chart_bars_scale);

  return g_test_run ();
}
