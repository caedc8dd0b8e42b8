/* test-loader.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>

#include <locale.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gdal.h>
#include <gdal_utils.h>

#include "lsm-catalog.h"
#include "lsm-feature.h"
#include "lsm-figure.h"
#include "lsm-loader.h"
#include "lsm-loader-private.h"
#include "lsm-source.h"
#include "lsm-test-loader.h"
#include "lsm-test-utils.h"
#include "lsm-vocab.h"

static void
assert_no_problems (LsmCatalog *catalog)
{
  const char * const *problems = lsm_catalog_get_problems (catalog);

  for (guint i = 0; problems[i] != NULL; i++)
    g_test_message ("problem: %s", problems[i]);
  g_assert_null (problems[0]);
  g_assert_cmpuint (lsm_catalog_get_n_skipped (catalog), ==, 0);
}

static void
test_loader_directory (void)
{
  g_autofree char *dir = mini_dir ();
  g_autoptr(LsmCatalog) catalog = load_ok (dir);
  LsmFeature *na_duong, *unknown, *district;
  g_autoptr(LsmFigure) capacity = NULL;
  g_autoptr(LsmFigure) output = NULL;
  guint n_mapped = 0;
  LsmBounds bounds;
  double lon, lat;

  assert_no_problems (catalog);
  g_assert_cmpuint (g_list_model_get_n_items (lsm_catalog_get_districts (catalog)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (lsm_catalog_get_sites (catalog)), ==, 6);
  g_assert_cmpuint (g_list_model_get_n_items (lsm_catalog_get_context (catalog)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (lsm_catalog_get_sources (catalog)), ==, 1);
  g_assert_cmpuint (lsm_catalog_count_figures (catalog), ==, 7);
  g_assert_nonnull (lsm_catalog_get_province_outline (catalog));
  g_assert_cmpstr (lsm_catalog_get_as_of (catalog), ==, "2024-01-01");

  for (guint i = 0; i < 6; i++)
    {
      g_autoptr(LsmFeature) site = g_list_model_get_item (lsm_catalog_get_sites (catalog), i);

      n_mapped += lsm_feature_get_location (site, NULL, NULL);
    }
  g_assert_cmpuint (n_mapped, ==, 5);

  na_duong = lsm_catalog_lookup_site (catalog, "s-na-duong");
  g_assert_nonnull (na_duong);
  g_assert_cmpstr (lsm_feature_get_name (na_duong), ==, "Nhà máy nhiệt điện Na Dương I");
  g_assert_cmpuint (lsm_feature_get_sector (na_duong), ==, lsm_test_sector ("thermal"));
  g_assert_cmpuint (lsm_feature_get_status (na_duong), ==, LSM_STATUS_OPERATING);
  g_assert_cmpuint (lsm_feature_get_precision (na_duong), ==, LSM_PRECISION_EXACT);
  g_assert_true (lsm_feature_get_location (na_duong, &lon, &lat));
  g_assert_cmpfloat_with_epsilon (lon, 106.97, 1e-9);
  g_assert_cmpfloat_with_epsilon (lat, 21.69, 1e-9);
  g_assert_cmpstr (lsm_feature_get_search_key (na_duong), ==,
                   "nha may nhiet dien na duong i nha may nhiet dien na duong i thu nghiem test phuong dong thu");

  capacity = g_list_model_get_item (lsm_feature_get_figures (na_duong), 0);
  g_assert_cmpstr (lsm_figure_get_metric (capacity), ==, "capacity");
  g_assert_true (lsm_figure_is_numeric (capacity));
  g_assert_cmpfloat (lsm_figure_get_value (capacity), ==, 110);
  g_assert_cmpstr (lsm_figure_get_unit (capacity), ==, "MW");
  g_assert_cmpstr (lsm_figure_get_source_id (capacity), ==, "test-source");
  g_assert_nonnull (lsm_catalog_lookup_source (catalog, "test-source"));

  unknown = lsm_catalog_lookup_site (catalog, "s-unknown");
  g_assert_nonnull (unknown);
  g_assert_false (lsm_feature_get_location (unknown, NULL, NULL));
  g_assert_cmpuint (lsm_feature_get_precision (unknown), ==, LSM_PRECISION_UNKNOWN);
  g_assert_null (lsm_feature_get_district (unknown));

  district = lsm_catalog_lookup_district (catalog, "thu nghiem");
  g_assert_nonnull (district);
  g_assert_cmpstr (lsm_feature_get_name (district), ==, "Thử Nghiệm");
  g_assert_cmpfloat (lsm_feature_get_area_km2 (district), ==, 12345.6);
  output = g_list_model_get_item (lsm_feature_get_figures (district), 0);
  g_assert_cmpuint (lsm_figure_get_qualifier (output), ==, LSM_QUALIFIER_ESTIMATED);
  g_assert_cmpfloat (lsm_figure_get_value (output), ==, 2346.2);

  /* The hole of Thử Nghiệm is the district Hồ Giữa. */
  g_assert_true (lsm_catalog_district_at (catalog, 106.8, 21.8) == district);
  g_assert_true (lsm_catalog_district_at (catalog, 106.5, 21.5)
                 == lsm_catalog_lookup_district (catalog, "Hồ Giữa"));
  g_assert_null (lsm_catalog_district_at (catalog, 105.0, 21.5));

  g_assert_true (lsm_catalog_get_bounds (catalog, &bounds));
  g_assert_cmpfloat (bounds.west, ==, 106.0);
  g_assert_cmpfloat (bounds.north, ==, 22.0);
}

static void
test_loader_markup_is_literal (void)
{
  g_autofree char *dir = mini_dir ();
  g_autoptr(LsmCatalog) catalog = load_ok (dir);
  LsmFeature *site = lsm_catalog_lookup_site (catalog, "s-markup");

  g_assert_cmpstr (lsm_feature_get_name (site), ==, "<b>Nhà máy</b> & Co");
}

static void
on_progress_notify (LsmLoader  *loader,
                    GParamSpec *pspec,
                    GArray     *seen)
{
  double progress = lsm_loader_get_progress (loader);

  g_array_append_val (seen, progress);
}

static void
on_loaded (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* Loads @loader asynchronously, recording each progress notified on this thread in @seen. */
static LsmCatalog *
load_collecting_progress (LsmLoader *loader,
                          GArray    *seen)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  LsmCatalog *catalog;

  g_signal_connect (loader, "notify::progress", G_CALLBACK (on_progress_notify), seen);
  lsm_loader_load_async (loader, NULL, on_loaded, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  catalog = lsm_loader_load_finish (loader, result, &error);
  g_assert_no_error (error);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  return catalog;
}

static void
test_loader_async (void)
{
  g_autofree char *dir = mini_dir ();
  g_autoptr(LsmLoader) loader = lsm_loader_new (dir);
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(LsmCatalog) catalog = load_collecting_progress (loader, seen);

  g_assert_cmpuint (g_list_model_get_n_items (lsm_catalog_get_sites (catalog)), ==, 6);

  /* Progress is published on this thread and ends at 1. */
  g_assert_cmpuint (seen->len, >, 0);
  g_assert_cmpfloat (g_array_index (seen, double, seen->len - 1), ==, 1.0);
  for (guint i = 1; i < seen->len; i++)
    g_assert_cmpfloat (g_array_index (seen, double, i), >=, g_array_index (seen, double, i - 1));
}

static void
test_loader_cancel (void)
{
  g_autofree char *dir = mini_dir ();
  g_autoptr(LsmLoader) loader = lsm_loader_new (dir);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(LsmCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  lsm_loader_load_async (loader, cancellable, on_loaded, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  catalog = lsm_loader_load_finish (loader, result, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (catalog);
}

static void
test_loader_file_errors (void)
{
  g_autofree char *missing = g_test_build_filename (G_TEST_DIST, "fixtures", "nowhere.geojson", NULL);
  g_autofree char *empty = g_test_build_filename (G_TEST_DIST, "fixtures", "empty.geojson", NULL);
  g_autofree char *text = g_test_build_filename (G_TEST_DIST, "fixtures", "not-vector.txt", NULL);
  g_autofree char *broken = g_test_build_filename (G_TEST_DIST, "fixtures", "malformed.geojson", NULL);
  g_autofree char *deep = g_test_build_filename (G_TEST_DIST, "fixtures", "deep-nesting.geojson", NULL);
  g_autofree char *fixtures = g_test_build_filename (G_TEST_DIST, "fixtures", NULL);

  assert_load_fails (missing, LSM_LOADER_ERROR_NOT_FOUND, "nowhere.geojson: no such file");
  assert_load_fails (empty, LSM_LOADER_ERROR_EMPTY, "empty.geojson: the file is empty");
  assert_load_fails (text, LSM_LOADER_ERROR_NOT_VECTOR, "not-vector.txt: not a vector data file");
  assert_load_fails (broken, LSM_LOADER_ERROR_INVALID, "malformed.geojson: not valid JSON, at line:column 1:");
  assert_load_fails (deep, LSM_LOADER_ERROR_INVALID, "deep-nesting.geojson: not valid GeoJSON");
  /* A directory without the data files names the one it misses first. */
  assert_load_fails (fixtures, LSM_LOADER_ERROR_NOT_FOUND, "districts.geojson: no such file");
}

static void
test_loader_single_source (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "crs-vn2000.geojson", NULL);
  g_autoptr(LsmCatalog) catalog = load_ok (path);
  LsmFeature *site = lsm_catalog_lookup_site (catalog, "vn");
  double lon, lat;

  /* Districts and sources come from the default data directory (the mini set here). */
  g_assert_cmpuint (g_list_model_get_n_items (lsm_catalog_get_districts (catalog)), ==, 2);
  g_assert_nonnull (site);
  g_assert_true (lsm_feature_get_location (site, &lon, &lat));
  g_assert_cmpfloat_with_epsilon (lon, 106.77281, 1e-4);
  g_assert_cmpfloat_with_epsilon (lat, 21.85554, 1e-4);
  assert_no_problems (catalog);
}

/* The mini sites and districts, as two layers of one GeoPackage written by GDAL itself. */
static void
write_geopackage (const char *dir,
                  const char *gpkg)
{
  const char *layers[] = { "sites", "districts", "sources", "figures" };

  lsm_loader_ensure_drivers ();
  for (guint i = 0; i < G_N_ELEMENTS (layers); i++)
    {
      g_autofree char *src_path = g_strdup_printf ("%s/%s.%s", dir, layers[i], i < 2 ? "geojson" : "csv");
      char *argv[] = { "-f", "GPKG", "-nln", (char *) layers[i], i > 0 ? "-update" : NULL, NULL };
      GDALVectorTranslateOptions *options = GDALVectorTranslateOptionsNew (argv, NULL);
      GDALDatasetH src = GDALOpenEx (src_path, GDAL_OF_VECTOR, NULL, NULL, NULL);
      GDALDatasetH out;
      int usage_error = 0;

      g_assert_nonnull (src);
      out = GDALVectorTranslate (i == 0 ? gpkg : NULL, i == 0 ? NULL : GDALOpenEx (gpkg, GDAL_OF_VECTOR | GDAL_OF_UPDATE, NULL, NULL, NULL),
                                 1, &src, options, &usage_error);
      g_assert_nonnull (out);
      GDALClose (out);
      GDALClose (src);
      GDALVectorTranslateOptionsFree (options);
    }

}

/* Any OGR source goes through the same path: the mini sites and districts, as two layers of one
 * GeoPackage written by GDAL itself. */
static void
test_loader_geopackage (void)
{
  g_autofree char *dir = mini_dir ();
  g_autofree char *tmp = g_dir_make_tmp ("lsmap-gpkg-XXXXXX", NULL);
  g_autofree char *gpkg = g_build_filename (tmp, "lang-son.gpkg", NULL);
  g_autoptr(LsmCatalog) from_dir = load_ok (dir);
  g_autoptr(LsmCatalog) from_gpkg = NULL;
  LsmFeature *site;
  double lon, lat;

  write_geopackage (dir, gpkg);
  from_gpkg = load_ok (gpkg);
  assert_no_problems (from_gpkg);
  g_assert_cmpuint (g_list_model_get_n_items (lsm_catalog_get_sites (from_gpkg)), ==,
                    g_list_model_get_n_items (lsm_catalog_get_sites (from_dir)));
  g_assert_cmpuint (g_list_model_get_n_items (lsm_catalog_get_districts (from_gpkg)), ==, 2);
  g_assert_cmpuint (lsm_catalog_count_figures (from_gpkg), ==, lsm_catalog_count_figures (from_dir));

  site = lsm_catalog_lookup_site (from_gpkg, "s-na-duong");
  g_assert_nonnull (site);
  g_assert_cmpstr (lsm_feature_get_name (site), ==, "Nhà máy nhiệt điện Na Dương I");
  g_assert_true (lsm_feature_get_location (site, &lon, &lat));
  g_assert_cmpfloat_with_epsilon (lon, 106.97, 1e-9);

  g_unlink (gpkg);
  g_rmdir (tmp);
}

/* A GeoPackage's progress moves as its features are read: its count comes from its metadata. */
static void
test_loader_geopackage_progress (void)
{
  g_autofree char *dir = mini_dir ();
  g_autofree char *tmp = g_dir_make_tmp ("lsmap-gpkg-XXXXXX", NULL);
  g_autofree char *gpkg = g_build_filename (tmp, "lang-son.gpkg", NULL);
  g_autoptr(LsmLoader) loader = NULL;
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(LsmCatalog) catalog = NULL;
  guint between = 0;

  write_geopackage (dir, gpkg);
  loader = lsm_loader_new (gpkg);
  catalog = load_collecting_progress (loader, seen);

  for (guint i = 0; i < seen->len; i++)
    between += g_array_index (seen, double, i) > 0 && g_array_index (seen, double, i) < 1;
  g_assert_cmpuint (between, >, 0);
  g_assert_cmpfloat (g_array_index (seen, double, seen->len - 1), ==, 1.0);

  g_unlink (gpkg);
  g_rmdir (tmp);
}

typedef struct
{
  const char *file;
  const char *problems[4];
} BadFixture;

static const BadFixture bad_fixtures[] = {
  { "wrong-geometry.geojson", { "feature 2 (line) has a LineString geometry where a Point is expected" } },
  { "no-geometry.geojson", { "feature 2 (nogeom) has no geometry but its precision is “exact”" } },
  { "missing-properties.geojson", { "feature 2 (noname) has no “name”", "feature 3 (nosector) has no “sector”" } },
  { "wrong-types.geojson", { "its features carry “figures” lists, which are no longer read",
                             "feature 2 (numstatus): unknown status “3”" } },
  { "out-of-range.geojson", { "feature 2 (far) has coordinates outside the range of longitude and latitude" } },
  { "nan-huge.geojson", { "feature 2 (nan) has an empty geometry or coordinates that are not numbers",
                          "feature 3 (huge) has coordinates outside the range of longitude and latitude" } },
  { "bad-utf8.geojson", { "feature 2 (bad8): “name” is not valid UTF-8 text" } },
  { "bad-crosschecks.csv", { "figure “c1” of s-markup cites “test-record”, which is a cross-check, not an article",
                             "figure “c2” of s-markup: “test-source” is an article, not a cross-check",
                             "figure “c3” of s-markup: unknown cross-check source “nowhere”",
                             "figure “c4” of s-markup cites a cross-check without a note" } },
  { "outside-district.geojson", { "site “away” at 21.50000, 105.50000 lies outside its district “Thử Nghiệm”" } },
  { "malformed.geojson", { "not valid JSON, at line:column 1:" } },
  { "empty.geojson", { "the file is empty" } },
  { "not-vector.txt", { "not a vector data file" } },
  { "deep-nesting.geojson", { "not valid GeoJSON" } },
  { "deep-nesting-huge.geojson", { "not valid GeoJSON: lists and objects are nested too deeply at line 1, character" } },
  { "string-coordinates.geojson", { "feature 1 (s1) cannot be read: a coordinate is not a number" } },
  { "empty-collection.geojson", { "the FeatureCollection has no features" } },
  { "rfc-violations.geojson", { "entry 2 of “features” is not a Feature object (RFC 7946 §3.2)",
                                "feature 2 (open-ring) breaks a rule of GeoJSON: a polygon ring is not closed",
                                "feature 3 (one-position) breaks a rule of GeoJSON: a LineString needs two or more positions" } },
  { "missing-source.vrt", { "its source cannot be used: nowhere.geojson: no such file" } },
};

static void
test_loader_bad_fixture (gconstpointer data)
{
  const BadFixture *fixture = data;
  g_autofree char *dir = mini_dir ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", fixture->file, NULL);
  g_autofree char *prefix = g_strconcat (path, ": ", NULL);
  g_autoptr(LsmCatalog) reference = load_ok (dir);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

  g_assert_false (lsm_loader_validate_file (path, reference, problems));
  g_assert_cmpuint (problems->len, >, 0);

  for (guint i = 0; i < problems->len; i++)
    {
      g_test_message ("%s", (char *) g_ptr_array_index (problems, i));
      g_assert_true (g_str_has_prefix (g_ptr_array_index (problems, i), prefix));
    }

  for (guint p = 0; p < G_N_ELEMENTS (fixture->problems) && fixture->problems[p] != NULL; p++)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < problems->len && !found; i++)
        found = strstr (g_ptr_array_index (problems, i), fixture->problems[p]) != NULL;

      if (!found)
        g_error ("%s: expected a problem containing “%s”", fixture->file, fixture->problems[p]);
    }
}

static void
test_loader_good_fixtures_validate (void)
{
  g_autofree char *dir = mini_dir ();
  g_autoptr(LsmCatalog) reference = load_ok (dir);
  const char *files[] = {
    "mini/sites.geojson", "mini/districts.geojson", "mini/context.geojson", "mini/province.geojson",
    "mini/sources.csv", "mini/figures.csv", "crs-vn2000.geojson", "markup.geojson",
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", files[i], NULL);
      g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
      gboolean valid = lsm_loader_validate_file (path, reference, problems);

      for (guint p = 0; p < problems->len; p++)
        g_test_message ("%s", (char *) g_ptr_array_index (problems, p));
      g_assert_true (valid);
      g_assert_cmpuint (problems->len, ==, 0);
    }
}

/* Outside records are kept apart from the articles, so nothing counts them as one; texts in
 * a single key, as older data has them, still read as English. */
static void
test_loader_crosschecks_and_texts (void)
{
  g_autofree char *dir = mini_dir ();
  g_autoptr(LsmCatalog) catalog = load_ok (dir);
  GListModel *articles = lsm_catalog_get_sources (catalog);
  GListModel *records = lsm_catalog_get_crosschecks (catalog);
  g_autoptr(LsmSource) article = NULL;
  g_autoptr(LsmSource) record = NULL;
  g_autoptr(LsmFigure) figure = NULL;
  LsmFeature *site;

  assert_no_problems (catalog);
  g_assert_cmpuint (g_list_model_get_n_items (articles), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (records), ==, 1);
  article = g_list_model_get_item (articles, 0);
  record = g_list_model_get_item (records, 0);
  g_assert_cmpint (lsm_source_get_kind (article), ==, LSM_SOURCE_ARTICLE);
  g_assert_cmpint (lsm_source_get_kind (record), ==, LSM_SOURCE_CROSSCHECK);
  g_assert_true (lsm_catalog_lookup_source (catalog, "test-record") == record);
  /* The newest article dates the data, not the record. */
  g_assert_cmpstr (lsm_catalog_get_as_of (catalog), ==, "2024-01-01");

  site = lsm_catalog_lookup_site (catalog, "s-na-duong");
  figure = g_list_model_get_item (lsm_feature_get_figures (site), 0);
  g_assert_cmpstr (lsm_figure_get_id (figure), ==, "f2");
  g_assert_cmpstr (lsm_figure_get_crosscheck_source_id (figure), ==, "test-record");
  g_assert_cmpstr (lsm_figure_get_crosscheck_note (figure), ==, "The outside record gives 100 MW.");
  g_assert_cmpstr (lsm_feature_get_coord_method (site), ==, "test fixture");
  g_assert_cmpstr (lsm_feature_get_provenance (site), ==, "tests/fixtures");
}

static void
test_loader_skips_and_counts (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "missing-properties.geojson", NULL);
  g_autoptr(LsmCatalog) catalog = load_ok (path);

  /* The good site and the one of a sector no table knows load; two bad ones are skipped,
   * counted and named. */
  g_assert_cmpuint (g_list_model_get_n_items (lsm_catalog_get_sites (catalog)), ==, 2);
  g_assert_nonnull (lsm_catalog_lookup_site (catalog, "badsector"));
  g_assert_cmpuint (lsm_catalog_get_n_skipped (catalog), ==, 2);
  g_assert_cmpuint (g_strv_length ((GStrv) lsm_catalog_get_problems (catalog)), ==, 2);
}

/* A category of the user's own is kept, named after its id, with a style unlike any built-in
 * sector's; the same id always gets the same style. */
static void
test_loader_own_category (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "own-category.geojson", NULL);
  g_autoptr(LsmCatalog) catalog = load_ok (path);
  g_autoptr(LsmCatalog) again = NULL;
  LsmFeature *farm = lsm_catalog_lookup_site (catalog, "farm-1");
  LsmSector sector;
  guint32 rgb;

  assert_no_problems (catalog);
  g_assert_cmpuint (g_list_model_get_n_items (lsm_catalog_get_sites (catalog)), ==, 3);
  g_assert_nonnull (farm);
  sector = lsm_feature_get_sector (farm);
  g_assert_cmpstr (lsm_sector_get_id (sector), ==, "solar_farm");
  g_assert_cmpstr (lsm_sector_get_label (sector), ==, "Solar farm");
  g_assert_false (lsm_sector_is_builtin (sector));
  g_assert_cmpuint (lsm_feature_get_sector (lsm_catalog_lookup_site (catalog, "farm-2")), ==, sector);
  g_assert_cmpuint (lsm_sector_get_shape (sector), <, LSM_N_SHAPES);
  g_assert_cmpuint (lsm_sector_get_shape (sector), !=, LSM_SHAPE_RING);

  rgb = lsm_sector_get_rgb (sector);
  for (LsmSector s = 0; lsm_sector_is_builtin (s); s++)
    {
      guint32 other = lsm_sector_get_rgb (s);
      int dr = (int) (rgb >> 16 & 0xff) - (int) (other >> 16 & 0xff);
      int dg = (int) (rgb >> 8 & 0xff) - (int) (other >> 8 & 0xff);
      int db = (int) (rgb & 0xff) - (int) (other & 0xff);

      g_assert_cmpint (dr * dr + dg * dg + db * db, >, 40 * 40);
    }

  again = load_ok (path);
  g_assert_cmpuint (lsm_feature_get_sector (lsm_catalog_lookup_site (again, "farm-1")), ==, sector);
  g_assert_cmpuint (lsm_sector_get_rgb (sector), ==, rgb);
}

/* GDAL reads large files ahead in batches: a feature with text for coordinates is still the
 * one named, not the one being handed out when GDAL complained. */
static void
test_loader_bad_feature_named_in_batch (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lsmap-batch-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "many.geojson", NULL);
  g_autoptr(GString) text = g_string_new ("{\"type\": \"FeatureCollection\", \"features\": [");
  g_autoptr(LsmCatalog) catalog = NULL;
  const char * const *problems;

  for (guint i = 1; i <= 4000; i++)
    g_string_append_printf (text, "%s{\"type\": \"Feature\", \"properties\": {\"id\": \"s%u\", \"name\": \"N\", "
                            "\"sector\": \"hydro\", \"precision\": \"exact\"}, \"geometry\": {\"type\": \"Point\", "
                            "\"coordinates\": %s}}", i > 1 ? ", " : "", i,
                            i == 3000 ? "[\"106.8\", \"21.8\"]" : "[106.8, 21.8]");
  g_string_append (text, "]}");
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));

  catalog = load_ok (path);
  g_assert_cmpuint (g_list_model_get_n_items (lsm_catalog_get_sites (catalog)), ==, 3999);
  problems = lsm_catalog_get_problems (catalog);
  g_assert_cmpuint (g_strv_length ((GStrv) problems), ==, 1);
  g_assert_cmpstr (problems[0], ==, "many.geojson: feature 3000 (s3000) cannot be read: a coordinate is not a number");

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  loader_test_init (&argc, &argv);

  g_test_add_func ("/lsm/loader/directory", test_loader_directory);
  g_test_add_func ("/lsm/loader/markup-is-literal", test_loader_markup_is_literal);
  g_test_add_func ("/lsm/loader/async", test_loader_async);
  g_test_add_func ("/lsm/loader/cancel", test_loader_cancel);
  g_test_add_func ("/lsm/loader/file-errors", test_loader_file_errors);
  g_test_add_func ("/lsm/loader/single-source", test_loader_single_source);
  g_test_add_func ("/lsm/loader/geopackage", test_loader_geopackage);
  g_test_add_func ("/lsm/loader/geopackage-progress", test_loader_geopackage_progress);
  g_test_add_func ("/lsm/loader/skips-and-counts", test_loader_skips_and_counts);
  g_test_add_func ("/lsm/loader/crosschecks-and-texts", test_loader_crosschecks_and_texts);
  g_test_add_func ("/lsm/loader/own-category", test_loader_own_category);
  g_test_add_func ("/lsm/loader/good-fixtures-validate", test_loader_good_fixtures_validate);
  g_test_add_func ("/lsm/loader/bad-feature-named-in-batch", test_loader_bad_feature_named_in_batch);

  for (guint i = 0; i < G_N_ELEMENTS (bad_fixtures); i++)
    {
      g_autofree char *name = g_strdup_printf ("/lsm/loader/bad/%s", bad_fixtures[i].file);

      g_test_add_data_func (name, &bad_fixtures[i], test_loader_bad_fixture);
    }

  return g_test_run ();
}
