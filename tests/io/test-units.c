/* test-units.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "lsm-catalog.h"
#include "lsm-feature.h"
#include "lsm-filter.h"
#include "lsm-loader.h"
#include "lsm-test-utils.h"
#include "lsm-units.h"

/* The units of 2025 as the loader reads them: their own optional layer, and the unit each
 * located site lies in. The mini fixture splits its square at 106.55: Xã Tây Thử (09001) to
 * the west, Phường Đông Thử (09002) to the east. */

static LsmCatalog *
load (const char  *dir,
      GError     **error)
{
  g_autoptr(LsmLoader) loader = lsm_loader_new (dir);

  return lsm_loader_load (loader, NULL, error);
}

static LsmCatalog *
load_mini (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "fixtures", "mini", NULL);
  g_autoptr(GError) error = NULL;
  LsmCatalog *catalog = load (dir, &error);

  g_assert_no_error (error);
  return catalog;
}

static const char *
unit_code (LsmCatalog *catalog,
           const char *site_id)
{
  LsmFeature *unit = lsm_feature_get_unit_2025 (lsm_catalog_lookup_site (catalog, site_id));

  return unit != NULL ? lsm_feature_get_id (unit) : NULL;
}

static void
test_units_sites (void)
{
  g_autoptr(LsmCatalog) catalog = load_mini ();
  GListModel *units = lsm_catalog_get_units_2025 (catalog);
  LsmFeature *ward;
  double lon, lat;

  g_assert_null (lsm_catalog_get_problems (catalog)[0]);
  g_assert_cmpuint (g_list_model_get_n_items (units), ==, 2);
  ward = lsm_catalog_lookup_unit_2025 (catalog, "09002");
  g_assert_nonnull (ward);
  g_assert_cmpint (lsm_feature_get_kind (ward), ==, LSM_FEATURE_UNIT_2025);
  g_assert_cmpstr (lsm_feature_get_full_name (ward), ==, "Phường Đông Thử");
  g_assert_cmpstr (lsm_feature_get_subtype (ward), ==, "ward");
  g_assert_cmpfloat (lsm_feature_get_area_km2 (ward), ==, 4700.25);
  g_assert_true (lsm_catalog_lookup_unit_2025 (catalog, "dong thu") == ward);

  /* The loader gives each unit a label point inside it. */
  g_assert_true (lsm_feature_get_label_point (ward, &lon, &lat));
  g_assert_true (lsm_geometry_contains (lsm_feature_get_geometry (ward), lon, lat));

  g_assert_cmpstr (unit_code (catalog, "s-huu-lung"), ==, "09001");
  g_assert_cmpstr (unit_code (catalog, "s-ho-giua"), ==, "09001");
  g_assert_cmpstr (unit_code (catalog, "s-na-duong"), ==, "09002");
  g_assert_cmpstr (unit_code (catalog, "s-dong-dang"), ==, "09002");
  g_assert_null (unit_code (catalog, "s-unknown"));
  g_assert_true (lsm_feature_is_in_area (lsm_catalog_lookup_site (catalog, "s-na-duong"), ward));
  g_assert_false (lsm_feature_is_in_area (lsm_catalog_lookup_site (catalog, "s-huu-lung"), ward));
}

/* A point up to 200 m outside every unit takes the nearest: border gates sit on the line. */
static void
test_units_tolerance (void)
{
  g_autoptr(LsmCatalog) catalog = load_mini ();
  LsmFeature *ward = lsm_catalog_lookup_unit_2025 (catalog, "09002");

  /* At 21.5° N, 0.001° of longitude is about 103 m. */
  g_assert_true (lsm_catalog_unit_2025_at (catalog, 107.0015, 21.5, LSM_UNIT_2025_TOLERANCE_M) == ward);
  g_assert_null (lsm_catalog_unit_2025_at (catalog, 107.003, 21.5, LSM_UNIT_2025_TOLERANCE_M));
  g_assert_null (lsm_catalog_unit_2025_at (catalog, 107.0015, 21.5, 0));
  g_assert_true (lsm_catalog_unit_2025_at (catalog, 106.56, 21.5, 0) == ward);
}

/* The filter and the search see the unit too. */
static void
test_units_filter_and_search (void)
{
  g_autoptr(LsmCatalog) catalog = load_mini ();
  g_autoptr(LsmFilter) filter = lsm_filter_new (lsm_catalog_get_sites (catalog));

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filter)), ==, 6);
  lsm_filter_set_commune_2025 (filter, "09002");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filter)), ==, 2);
  lsm_filter_set_commune_2025 (filter, "09001");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filter)), ==, 3);
  lsm_filter_set_commune_2025 (filter, "");
  g_assert_null (lsm_filter_get_commune_2025 (filter));

  lsm_filter_set_search_text (filter, "Đông Thử");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filter)), ==, 2);
  lsm_filter_set_search_text (filter, "tay thu");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filter)), ==, 3);
}

static char *
copy_mini (const char *units_contents)
{
  g_autofree char *mini = g_test_build_filename (G_TEST_DIST, "fixtures", "mini", NULL);
  char *tmp = g_dir_make_tmp ("lsmap-units-XXXXXX", NULL);
  g_autoptr(GDir) dir = g_dir_open (mini, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *from = g_build_filename (mini, name, NULL);
      g_autofree char *to = g_build_filename (tmp, name, NULL);
      g_autofree char *contents = NULL;
      gsize len;

      if (g_str_equal (name, "communes-2025.geojson"))
        {
          if (units_contents != NULL)
            g_assert_true (g_file_set_contents (to, units_contents, -1, NULL));
          continue;
        }
      g_assert_true (g_file_get_contents (from, &contents, &len, NULL));
      g_assert_true (g_file_set_contents (to, contents, len, NULL));
    }

  return tmp;
}

/* The rest of the data loads without the units; the problems say why they are not shown. */
static void
test_units_missing_or_broken (void)
{
  const struct { const char *contents; const char *problem; } cases[] = {
    { NULL, "communes-2025.geojson: left out, the rest is loaded: no such file" },
    { "{\"type\": \"FeatureCollection\", \"features\": [",
      "communes-2025.geojson: left out, the rest is loaded: not valid JSON" },
    { "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"properties\": {\"code\": \"1\", "
      "\"name\": \"Điểm\"}, \"geometry\": {\"type\": \"Point\", \"coordinates\": [106.5, 21.5]}}]}",
      "communes-2025.geojson: left out, the rest is loaded: none of its 1 features can be used" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *dir = copy_mini (cases[i].contents);
      g_autoptr(GError) error = NULL;
      g_autoptr(LsmCatalog) catalog = load (dir, &error);
      g_autofree char *problems = NULL;

      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (lsm_catalog_get_sites (catalog)), ==, 6);
      g_assert_cmpuint (g_list_model_get_n_items (lsm_catalog_get_units_2025 (catalog)), ==, 0);
      g_assert_null (unit_code (catalog, "s-na-duong"));
      problems = g_strjoinv ("\n", (char **) lsm_catalog_get_problems (catalog));
      lsm_test_assert_contains (problems, cases[i].problem);
      lsm_test_remove_dir (dir);
    }
}

/* Every site of a dense set, inside, near and outside the province, gets the unit that testing
 * its point against each unit gives: the loader's index answers the same. */
static void
test_units_dense (void)
{
  g_autofree char *dir = lsm_test_make_synthetic_dir (20000, 0);
  g_autofree char *gpkg = lsm_test_convert_sites (dir, "GPKG", "sites.gpkg");
  g_autoptr(LsmLoader) loader = lsm_loader_new (gpkg);
  g_autoptr(GError) error = NULL;
  g_autoptr(LsmCatalog) catalog = lsm_loader_load (loader, NULL, &error);
  GListModel *sites;
  guint n_units = 0, n_outside = 0;

  g_assert_no_error (error);
  sites = lsm_catalog_get_sites (catalog);
  g_assert_cmpuint (g_list_model_get_n_items (sites), ==, 20000);
  for (guint i = 0; i < g_list_model_get_n_items (sites); i++)
    {
      g_autoptr(LsmFeature) site = g_list_model_get_item (sites, i);
      double lon, lat;

      g_assert_true (lsm_feature_get_location (site, &lon, &lat));
      g_assert_true (lsm_feature_get_unit_2025 (site)
                     == lsm_catalog_unit_2025_at (catalog, lon, lat, LSM_UNIT_2025_TOLERANCE_M));
      if (lsm_feature_get_unit_2025 (site) != NULL)
        n_units++;
      else
        n_outside++;
    }
  /* The synthetic box reaches beyond the province on every side. */
  g_assert_cmpuint (n_units, >, 10000);
  g_assert_cmpuint (n_outside, >, 1000);
  lsm_test_remove_dir (dir);
}

static void
test_units_parse (void)
{
  g_autoptr(GError) error = NULL;
  LsmUnits units = LSM_UNITS_DISTRICTS;

  g_assert_true (lsm_units_parse ("communes-2025", &units, NULL));
  g_assert_cmpint (units, ==, LSM_UNITS_COMMUNES_2025);
  g_assert_true (lsm_units_parse ("districts", &units, NULL));
  g_assert_cmpint (units, ==, LSM_UNITS_DISTRICTS);
  g_assert_false (lsm_units_parse ("Communes", &units, &error));
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
  lsm_test_assert_contains (error->message, "“Communes”");
  g_assert_null (lsm_units_get_credit (LSM_UNITS_DISTRICTS));
  lsm_test_assert_contains (lsm_units_get_credit (LSM_UNITS_COMMUNES_2025), "MIT");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lsm/units/sites", test_units_sites);
  g_test_add_func ("/lsm/units/tolerance", test_units_tolerance);
  g_test_add_func ("/lsm/units/filter-and-search", test_units_filter_and_search);
  g_test_add_func ("/lsm/units/missing-or-broken", test_units_missing_or_broken);
  g_test_add_func ("/lsm/units/parse", test_units_parse);
  g_test_add_func ("/lsm/units/dense", test_units_dense);

  return g_test_run ();
}
