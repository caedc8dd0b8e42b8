/* test-tables.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>
#include <gdal.h>
#include <gdal_utils.h>

#include "lsm-catalog.h"
#include "lsm-feature.h"
#include "lsm-figure.h"
#include "lsm-loader.h"
#include "lsm-test-utils.h"

/* The tables of figures and sources: in CSV, XLSX or ODS, in a folder or beside a sites file;
 * a bad row is one problem line naming the table and the row, and the good rows load. */

static const char * const mini_layers[] = {
  "districts.geojson", "province.geojson", "context.geojson", "sites.geojson", NULL
};
static const char * const mini_sources[] = { "sources.csv", "sources.csvt", NULL };

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
}

static char *
mini_dir (void)
{
  return fixture ("mini");
}

/* A folder with the mini set's layers and, from @from (a folder), the files @names. */
static char *
make_folder (const char         *from,
             const char * const *names)
{
  g_autofree char *mini = mini_dir ();
  char *dir = g_dir_make_tmp ("lsmap-tables-XXXXXX", NULL);

  lsm_test_copy_files (mini, dir, mini_layers);
  if (names != NULL)
    lsm_test_copy_files (from, dir, names);
  return dir;
}

static LsmCatalog *
load_ok (const char *path)
{
  g_autoptr(LsmLoader) loader = lsm_loader_new (path);
  g_autoptr(GError) error = NULL;
  LsmCatalog *catalog = lsm_loader_load (loader, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (catalog);
  for (const char * const *p = lsm_catalog_get_problems (catalog); *p != NULL; p++)
    g_test_message ("problem: %s", *p);
  return catalog;
}

static void
assert_problems (const char * const *problems,
                 const char * const *expected)
{
  guint n = g_strv_length ((GStrv) problems);

  for (guint e = 0; expected[e] != NULL; e++)
    if (!g_strv_contains (problems, expected[e]))
      g_error ("expected the problem “%s”", expected[e]);
  g_assert_cmpuint (n, ==, g_strv_length ((GStrv) expected));
}

/* The mini set's figures, whatever the table's form. */
static void
assert_mini_figures (LsmCatalog *catalog)
{
  LsmFeature *huu_lung = lsm_catalog_lookup_site (catalog, "s-huu-lung");
  LsmFeature *district = lsm_catalog_lookup_district (catalog, "Thử Nghiệm");
  g_autoptr(LsmFigure) area = NULL;
  g_autoptr(LsmFigure) output = NULL;
  g_autoptr(LsmFigure) text = NULL;

  g_assert_null (lsm_catalog_get_problems (catalog)[0]);
  g_assert_cmpuint (lsm_catalog_count_figures (catalog), ==, 7);
  g_assert_cmpuint (g_list_model_get_n_items (lsm_catalog_get_aggregates (catalog)), ==, 2);

  area = g_list_model_get_item (lsm_feature_get_figures (huu_lung), 0);
  g_assert_true (lsm_figure_is_numeric (area));
  g_assert_cmpfloat (lsm_figure_get_value (area), ==, 599.76);
  g_assert_cmpstr (lsm_figure_get_quote (area), ==, "599,76 ha");

  output = g_list_model_get_item (lsm_feature_get_figures (district), 0);
  g_assert_cmpstr (lsm_figure_get_id (output), ==, "d-output");
  g_assert_cmpfloat (lsm_figure_get_value (output), ==, 2346.2);

  text = g_list_model_get_item (lsm_feature_get_figures (lsm_catalog_lookup_site (catalog, "s-dong-dang")), 0);
  g_assert_false (lsm_figure_is_numeric (text));
  g_assert_cmpstr (lsm_figure_get_text (text), ==, "cửa khẩu quốc tế");
}

/* Every kind of bad row in one table, loaded as a folder's figures: one line each. */
static void
test_tables_bad_rows (void)
{
  g_autofree char *mini = mini_dir ();
  g_autofree char *dir = make_folder (mini, mini_sources);
  g_autofree char *from = fixture ("bad-figures.csv");
  g_autofree char *to = g_build_filename (dir, "figures.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(LsmCatalog) catalog = NULL;
  g_autoptr(LsmFigure) kept = NULL;
  const char * const expected[] = {
    "figures.csv: row 2 (g1): unknown metric “no_such_metric”",
    "figures.csv: row 3 (g2): period “sometime” is not in a known form",
    "figures.csv: row 5 (g4): unknown unit “furlongs”",
    "figures.csv: row 6 (g5): it has neither a “value” nor a “value_text”",
    "figures.csv: row 7 (g6): unknown status “dreaming”",
    "figures.csv: row 8 (g7): “value” is not a number: “about 50”",
    "figures.csv: row 9 (g8): “value_max” is not a number: “ten”",
    "figures.csv: row 10 (g9): it describes a site “s-nowhere” that does not exist",
    "figures.csv: row 11 (g10): it describes a district “999” that does not exist",
    "figures.csv: row 12 (g11): it describes a sector “spaceports” that does not exist",
    "figures.csv: row 13 (g12): unknown “subject_kind” “planet” (site, district, province or sector)",
    "figures.csv: row 14 (g1): its id is used by an earlier row",
    "figures.csv: figure “g3” of s-markup cites an unknown source “nowhere”",
    NULL
  };
  LsmFeature *site;

  g_assert_true (g_file_get_contents (from, &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (to, contents, -1, NULL));

  catalog = load_ok (dir);
  assert_problems (lsm_catalog_get_problems (catalog), expected);
  /* Kept: g1, g2, g4 and g6 (their values are true, their words unknown), g3, g13. */
  site = lsm_catalog_lookup_site (catalog, "s-markup");
  g_assert_cmpuint (g_list_model_get_n_items (lsm_feature_get_figures (site)), ==, 6);
  g_assert_cmpuint (lsm_catalog_get_n_skipped (catalog), ==, 8);
  kept = g_list_model_get_item (lsm_feature_get_figures (site), 5);
  g_assert_cmpstr (lsm_figure_get_id (kept), ==, "g13");

  lsm_test_remove_dir (dir);
}

/* --validate names the file by its path and each bad row, and changes nothing it checks
 * against. */
static void
test_tables_validate (void)
{
  g_autofree char *mini = mini_dir ();
  g_autofree char *figures = fixture ("bad-figures.csv");
  g_autofree char *sources = fixture ("bad-sources.csv");
  g_autofree char *good = g_build_filename (mini, "figures.csv", NULL);
  g_autoptr(LsmCatalog) reference = load_ok (mini);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *row8 = g_strdup_printf ("%s: row 8 (g7): “value” is not a number: “about 50”", figures);
  g_autofree char *dup = g_strdup_printf ("%s: row 3 (a1): its id is used by an earlier row", sources);
  g_autofree char *untitled = g_strdup_printf ("%s: row 4 (a2): it has no title", sources);
  g_autofree char *kind = g_strdup_printf ("%s: row 5 (a3): unknown kind “rumour” (article or crosscheck)", sources);
  g_autofree char *no_id = g_strdup_printf ("%s: row 6: it has no id", sources);

  g_assert_false (lsm_loader_validate_file (figures, reference, problems));
  g_assert_cmpuint (problems->len, ==, 13);
  g_assert_true (g_ptr_array_find_with_equal_func (problems, row8, g_str_equal, NULL));
  g_assert_cmpuint (lsm_catalog_count_figures (reference), ==, 7);

  g_ptr_array_set_size (problems, 0);
  g_assert_false (lsm_loader_validate_file (sources, reference, problems));
  g_assert_cmpuint (problems->len, ==, 4);
  g_assert_true (g_ptr_array_find_with_equal_func (problems, dup, g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (problems, untitled, g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (problems, kind, g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (problems, no_id, g_str_equal, NULL));

  g_ptr_array_set_size (problems, 0);
  g_assert_true (lsm_loader_validate_file (good, reference, problems));
  g_assert_cmpuint (problems->len, ==, 0);
}

/* A folder without its tables still loads its layers, and says what is missing. */
static void
test_tables_missing (void)
{
  g_autofree char *dir = make_folder (NULL, NULL);
  g_autoptr(LsmCatalog) catalog = load_ok (dir);
  g_autofree char *figures = g_strdup_printf ("figures: no table “figures” (a .csv, .xlsx or .ods file) in the folder “%s”", dir);
  g_autofree char *sources = g_strdup_printf ("sources: no table “sources” (a .csv, .xlsx or .ods file) in the folder “%s”", dir);
  const char * const expected[] = { sources, figures, NULL };

  assert_problems (lsm_catalog_get_problems (catalog), expected);
  g_assert_cmpuint (g_list_model_get_n_items (lsm_catalog_get_sites (catalog)), ==, 6);
  g_assert_cmpuint (lsm_catalog_count_figures (catalog), ==, 0);

  lsm_test_remove_dir (dir);
}

/* GDAL itself writes the spreadsheet, from the mini set's CSV. */
static void
write_with_gdal (const char *from,
                 const char *to,
                 const char *format)
{
  char *argv[] = { "-f", (char *) format, "-nln", "figures", NULL };
  GDALVectorTranslateOptions *options = GDALVectorTranslateOptionsNew (argv, NULL);
  GDALDatasetH src = GDALOpenEx (from, GDAL_OF_VECTOR, NULL, NULL, NULL);
  GDALDatasetH out;
  int usage_error = 0;

  g_assert_nonnull (src);
  out = GDALVectorTranslate (to, NULL, 1, &src, options, &usage_error);
  g_assert_nonnull (out);
  GDALClose (out);
  GDALClose (src);
  GDALVectorTranslateOptionsFree (options);
}

static void
test_tables_spreadsheet (gconstpointer data)
{
  const char *format = data;
  g_autofree char *mini = mini_dir ();
  g_autofree char *dir = make_folder (mini, mini_sources);
  g_autofree char *from = g_build_filename (mini, "figures.csv", NULL);
  g_autofree char *name = g_strconcat ("figures.", g_str_equal (format, "XLSX") ? "xlsx" : "ods", NULL);
  g_autofree char *to = g_build_filename (dir, name, NULL);
  g_autofree char *sites = g_build_filename (dir, "sites.geojson", NULL);
  g_autoptr(LsmCatalog) folder = NULL;
  g_autoptr(LsmCatalog) beside = NULL;

  GDALAllRegister ();
  write_with_gdal (from, to, format);

  folder = load_ok (dir);
  assert_mini_figures (folder);
  /* Beside a sites file that is opened on its own, too. */
  beside = load_ok (sites);
  assert_mini_figures (beside);

  lsm_test_remove_dir (dir);
}

/* A CSV without its .csvt is text only: numbers are read from the text. */
static void
test_tables_csv_without_types (void)
{
  g_autofree char *mini = mini_dir ();
  const char * const names[] = { "figures.csv", "sources.csv", NULL };
  g_autofree char *dir = make_folder (mini, names);
  g_autoptr(LsmCatalog) catalog = load_ok (dir);

  assert_mini_figures (catalog);
  lsm_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *mini = NULL;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  /* A sites file opened on its own takes its districts from here. */
  mini = mini_dir ();
  g_setenv ("LSMAP_DATA_DIR", mini, TRUE);

  g_test_add_func ("/tables/bad-rows", test_tables_bad_rows);
  g_test_add_func ("/tables/validate", test_tables_validate);
  g_test_add_func ("/tables/missing", test_tables_missing);
  g_test_add_data_func ("/tables/xlsx", "XLSX", test_tables_spreadsheet);
  g_test_add_data_func ("/tables/ods", "ODS", test_tables_spreadsheet);
  g_test_add_func ("/tables/csv-without-types", test_tables_csv_without_types);

  return g_test_run ();
}
