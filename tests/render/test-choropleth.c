/* test-choropleth.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <locale.h>

#include "lsm-catalog.h"
#include "lsm-choropleth.h"
#include "lsm-feature.h"
#include "lsm-test-utils.h"

static double
value_of (LsmChoropleth *choropleth,
          LsmCatalog    *catalog,
          const char    *district)
{
  double value = -1;

  g_assert_true (lsm_choropleth_get_value (choropleth, lsm_catalog_lookup_district (catalog, district), &value));
  return value;
}

static void
test_choropleth_values (void)
{
  g_autoptr(LsmCatalog) catalog = lsm_test_load_bundled ();
  GListModel *districts = lsm_catalog_get_districts (catalog);
  GListModel *sites = lsm_catalog_get_sites (catalog);
  g_autoptr(LsmChoropleth) capacity = lsm_choropleth_new (LSM_CHOROPLETH_CAPACITY, districts, sites);
  g_autoptr(LsmChoropleth) count = lsm_choropleth_new (LSM_CHOROPLETH_SITES, districts, sites);
  g_autoptr(LsmChoropleth) none = lsm_choropleth_new (LSM_CHOROPLETH_NONE, districts, sites);
  LsmRgb darkest, palest, rgb;
  double value;

  g_assert_cmpfloat (value_of (capacity, catalog, "Lộc Bình"), ==, 220);
  g_assert_cmpfloat (value_of (capacity, catalog, "Đình Lập"), ==, 0);
  g_assert_cmpfloat (value_of (count, catalog, "Chi Lăng"), ==, 9);

  /* The largest is the darkest shade, none the palest: darker means more in greyscale too. */
  g_assert_true (lsm_choropleth_get_rgb (capacity, lsm_catalog_lookup_district (catalog, "Lộc Bình"), &darkest));
  g_assert_true (lsm_choropleth_get_rgb (capacity, lsm_catalog_lookup_district (catalog, "Đình Lập"), &palest));
  g_assert_cmpfloat (0.3 * darkest.red + 0.59 * darkest.green + 0.11 * darkest.blue, <,
                     0.3 * palest.red + 0.59 * palest.green + 0.11 * palest.blue);

  g_assert_false (lsm_choropleth_get_rgb (none, lsm_catalog_lookup_district (catalog, "Lộc Bình"), &rgb));
  g_assert_false (lsm_choropleth_get_value (none, lsm_catalog_lookup_district (catalog, "Lộc Bình"), &value));
}

static void
test_choropleth_parse (void)
{
  g_autoptr(GError) error = NULL;
  LsmChoroplethKind kind;

  g_assert_true (lsm_choropleth_kind_parse ("area", &kind, &error));
  g_assert_cmpint (kind, ==, LSM_CHOROPLETH_AREA);
  g_assert_false (lsm_choropleth_kind_parse ("hue", &kind, &error));
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
  lsm_test_assert_contains (error->message, "“hue”");
}

static void
test_choropleth_legend (void)
{
  g_autoptr(LsmCatalog) catalog = lsm_test_load_bundled ();
  g_autoptr(LsmChoropleth) capacity = lsm_choropleth_new (LSM_CHOROPLETH_CAPACITY, lsm_catalog_get_districts (catalog),
                                                          lsm_catalog_get_sites (catalog));
  g_autoptr(LsmChoropleth) none = lsm_choropleth_new (LSM_CHOROPLETH_NONE, lsm_catalog_get_districts (catalog),
                                                      lsm_catalog_get_sites (catalog));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 200, 200);
  cairo_t *cr = cairo_create (surface);
  double small, big;

  small = lsm_choropleth_draw_legend (capacity, cr, 0, 0, 200, 8, FALSE);
  big = lsm_choropleth_draw_legend (capacity, cr, 0, 0, 200, 12, FALSE);
  g_assert_cmpfloat (small, >, 5 * 8);
  g_assert_cmpfloat_with_epsilon (big / small, 12.0 / 8.0, 0.01);
  g_assert_cmpfloat (lsm_choropleth_draw_legend (none, cr, 0, 0, 200, 8, FALSE), ==, 0);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lsm/choropleth/values", test_choropleth_values);
  g_test_add_func ("/lsm/choropleth/parse", test_choropleth_parse);
  g_test_add_func ("/lsm/choropleth/legend", test_choropleth_legend);

  return g_test_run ();
}
