/* test-import.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <locale.h>
#include <string.h>

#include "lsm-catalog.h"
#include "lsm-feature.h"
#include "lsm-figure.h"
#include "lsm-loader.h"
#include "lsm-sector.h"
#include "lsm-test-utils.h"
#include "lsm-vocab.h"

/* A user's own file, with none of lsmap's columns, against the bundled boundaries. */

static LsmCatalog *
load (const char *path)
{
  g_autoptr(LsmLoader) loader = lsm_loader_new (path);
  g_autoptr(GError) error = NULL;
  LsmCatalog *catalog = lsm_loader_load (loader, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (catalog);
  return catalog;
}

static LsmFeature *
site_named (LsmCatalog *catalog,
            const char *name)
{
  GListModel *sites = lsm_catalog_get_sites (catalog);

  for (guint i = 0; i < g_list_model_get_n_items (sites); i++)
    {
      g_autoptr(LsmFeature) site = g_list_model_get_item (sites, i);

      if (g_strcmp0 (lsm_feature_get_name (site), name) == 0)
        return site;
    }

  g_error ("no site “%s”", name);
  return NULL;
}

/* What every way of writing the three sites must give: name, an exact point, the district it
 * lies in, the capacity with its unit. */
static void
assert_user_sites (LsmCatalog *catalog,
                   guint       n_expected)
{
  LsmFeature *site;
  g_autoptr(LsmFigure) figure = NULL;
  g_autofree char *value = NULL;
  double lon, lat;

  g_assert_cmpuint (g_list_model_get_n_items (lsm_catalog_get_sites (catalog)), ==, n_expected);
  site = site_named (catalog, "Điện mặt trời Lộc Bình");
  g_assert_true (lsm_feature_get_location (site, &lon, &lat));
  g_assert_cmpfloat_with_epsilon (lon, 106.92, 1e-9);
  g_assert_cmpfloat_with_epsilon (lat, 21.76, 1e-9);
  g_assert_cmpint (lsm_feature_get_precision (site), ==, LSM_PRECISION_EXACT);
  g_assert_cmpstr (lsm_feature_get_district (site), ==, "Lộc Bình");
  g_assert_nonnull (lsm_feature_get_id (site));

  g_assert_cmpuint (g_list_model_get_n_items (lsm_feature_get_figures (site)), ==, 1);
  figure = g_list_model_get_item (lsm_feature_get_figures (site), 0);
  g_assert_cmpstr (lsm_figure_get_label (figure), ==, "Capacity");
  value = lsm_figure_format_value (figure);
  g_assert_cmpstr (value, ==, "50 MW");

  g_assert_cmpstr (lsm_feature_get_district (site_named (catalog, "Mỏ đá Hữu Lũng")), ==, "Hữu Lũng");
}

static void
test_import_geojson (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "user-sites.geojson", NULL);
  g_autoptr(LsmCatalog) catalog = load (path);
  LsmFeature *site;
  const char *value = NULL;

  assert_user_sites (catalog, 3);
  g_assert_null (lsm_catalog_get_problems (catalog)[0]);

  /* Nothing said where it belongs: "other", status unknown; the text column is shown. */
  site = site_named (catalog, "Điện mặt trời Lộc Bình");
  g_assert_cmpint (lsm_feature_get_sector (site), ==, lsm_test_sector ("other"));
  g_assert_cmpint (lsm_feature_get_status (site), ==, LSM_STATUS_UNKNOWN);
  g_assert_cmpuint (lsm_feature_get_n_attributes (site), ==, 1);
  g_assert_cmpstr (lsm_feature_get_attribute (site, 0, &value), ==, "owner");
  g_assert_cmpstr (value, ==, "Công ty ABC");
  g_assert_cmpstr (lsm_feature_get_id (site), ==, "user-sites-1");
}

static void
test_import_csv (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "user-sites.csv", NULL);
  g_autoptr(LsmCatalog) catalog = load (path);
  const char * const *problems = lsm_catalog_get_problems (catalog);
  LsmSector kho;
  const char *value = NULL;

  assert_user_sites (catalog, 3);

  /* Sector and status from columns whose values name them, whatever the case; an unknown
   * category gets a style of its own. */
  g_assert_cmpint (lsm_feature_get_sector (site_named (catalog, "Điện mặt trời Lộc Bình")), ==,
                   lsm_test_sector ("hydro"));
  g_assert_cmpint (lsm_feature_get_status (site_named (catalog, "Điện mặt trời Lộc Bình")), ==,
                   LSM_STATUS_OPERATING);
  g_assert_cmpint (lsm_feature_get_sector (site_named (catalog, "Mỏ đá Hữu Lũng")), ==,
                   lsm_test_sector ("quarry"));
  g_assert_cmpint (lsm_feature_get_status (site_named (catalog, "Mỏ đá Hữu Lũng")), ==,
                   LSM_STATUS_PLANNED);
  kho = lsm_feature_get_sector (site_named (catalog, "Kho Đồng Đăng"));
  g_assert_false (lsm_sector_is_builtin (kho));
  g_assert_cmpstr (lsm_sector_get_id (kho), ==, "Kho bãi");
  g_assert_cmpstr (lsm_feature_get_attribute (site_named (catalog, "Điện mặt trời Lộc Bình"), 0, &value),
                   ==, "ghi_chu");
  g_assert_cmpstr (value, ==, "mới");

  /* What was defaulted and what was skipped, each named. */
  g_assert_cmpstr (problems[0], ==, "user-sites.csv: feature 3 (user-sites-3): unknown status “sắp xong”, taken as unknown");
  g_assert_cmpstr (problems[1], ==, "user-sites.csv: feature 4 (user-sites-4) has a longitude or latitude that is not a number: skipped");
  g_assert_null (problems[2]);
  g_assert_cmpuint (lsm_catalog_get_n_skipped (catalog), ==, 1);
}

static void
test_import_gpkg (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lsm-import-XXXXXX", NULL);
  g_autofree char *gpkg = lsm_test_write_gpkg ("user-sites.geojson", dir);
  g_autoptr(LsmCatalog) catalog = load (gpkg);

  assert_user_sites (catalog, 3);
  g_assert_null (lsm_catalog_get_problems (catalog)[0]);

  lsm_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lsm/import/geojson", test_import_geojson);
  g_test_add_func ("/lsm/import/csv", test_import_csv);
  g_test_add_func ("/lsm/import/gpkg", test_import_gpkg);

  return g_test_run ();
}
