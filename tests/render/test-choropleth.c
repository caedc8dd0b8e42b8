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

/* Drawn on the communes since 1 July 2025, each unit holds the sum of the sites located in it,
 * not the old districts' sums looked up by name. */
static void
test_choropleth_units_2025 (void)
{
  g_autoptr(LsmCatalog) catalog = lsm_test_load_bundled ();
  GListModel *units = lsm_catalog_get_units_2025 (catalog);
  GListModel *sites = lsm_catalog_get_sites (catalog);
  g_autoptr(LsmChoropleth) count = lsm_choropleth_new (LSM_CHOROPLETH_SITES, lsm_catalog_get_districts (catalog), sites);
  g_autoptr(LsmChoropleth) capacity = lsm_choropleth_new (LSM_CHOROPLETH_CAPACITY, lsm_catalog_get_districts (catalog),
                                                          sites);
  double total = 0, value;
  guint located = 0;
  LsmFeature *na_duong = NULL;
  LsmRgb rgb, palest;

  g_assert_cmpuint (g_list_model_get_n_items (units), >, 60);
  for (guint i = 0; i < g_list_model_get_n_items (sites); i++)
    {
      g_autoptr(LsmFeature) site = g_list_model_get_item (sites, i);

      located += lsm_feature_get_unit_2025 (site) != NULL;
      if (g_strcmp0 (lsm_feature_get_id (site), "nd-na-duong-1") == 0)
        na_duong = lsm_feature_get_unit_2025 (site);
    }
  /* Some communes bear an old district's name: they hold their own sites, not the district's. */
  for (guint i = 0; i < g_list_model_get_n_items (units); i++)
    {
      g_autoptr(LsmFeature) unit = g_list_model_get_item (units, i);
      guint in_unit = 0;

      for (guint j = 0; j < g_list_model_get_n_items (sites); j++)
        {
          g_autoptr(LsmFeature) site = g_list_model_get_item (sites, j);

          in_unit += lsm_feature_get_unit_2025 (site) == unit;
        }
      g_assert_true (lsm_choropleth_get_value (count, unit, &value));
      g_assert_cmpfloat (value, ==, in_unit);
      total += value;
    }
  g_assert_cmpuint (located, >, 20);
  g_assert_cmpfloat (total, ==, located);

  g_assert_nonnull (na_duong);
  g_assert_true (lsm_choropleth_get_value (capacity, na_duong, &value));
  g_assert_cmpfloat (value, >=, 110);
  g_assert_true (lsm_choropleth_get_rgb (capacity, na_duong, &rgb));
  g_assert_true (lsm_choropleth_get_rgb (capacity, lsm_catalog_lookup_district (catalog, "Đình Lập"), &palest));
  g_assert_false (rgb.red == palest.red && rgb.green == palest.green && rgb.blue == palest.blue);
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
  g_test_add_func ("/lsm/choropleth/units-2025", test_choropleth_units_2025);
  g_test_add_func ("/lsm/choropleth/parse", test_choropleth_parse);
  g_test_add_func ("/lsm/choropleth/legend", test_choropleth_legend);

  return g_test_run ();
}
