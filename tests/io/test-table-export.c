/* test-table-export.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <locale.h>

#include <glib/gstdio.h>

#include "lsm-catalog.h"
#include "lsm-headline.h"
#include "lsm-table-export.h"
#include "lsm-test-utils.h"

static char *
make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("lsm-table-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* The rows in the table's order, numbers in comparable units, headings as the table has them. */
static void
test_table_export_csv (void)
{
  g_autoptr(LsmCatalog) catalog = lsm_test_load_bundled ();
  g_autoptr(GListModel) rows = lsm_site_sort (lsm_catalog_get_sites (catalog), LSM_COLUMN_CAPACITY, FALSE);
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "sites.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_true (lsm_table_export (rows, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  lsm_test_assert_contains (lines[0], "Name,Sector,District,Commune (2025),Status,Capacity (MW),Area (ha),Investment (billion VND),Year,Location,Latitude,Longitude");
  lsm_test_assert_contains (lines[1], "Nhà máy nhiệt điện Na Dương I,Thermal power,Lộc Bình,Xã Na Dương,Operating,110,");
  g_assert_cmpuint (g_strv_length (lines), >=, 41);

  /* Only the finished file is left. */
  g_assert_cmpuint (lsm_test_count_entries (dir), ==, 1);
  lsm_test_remove_dir (dir);
}

static void
test_table_export_xlsx (void)
{
  g_autoptr(LsmCatalog) catalog = lsm_test_load_bundled ();
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "sites.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  g_assert_true (lsm_table_export (lsm_catalog_get_sites (catalog), path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (memcmp (data, "PK", 2) == 0);
  lsm_test_remove_dir (dir);
}

static void
test_table_export_errors (void)
{
  g_autoptr(LsmCatalog) catalog = lsm_test_load_bundled ();
  g_autofree char *dir = make_dir ();
  g_autofree char *odt = g_build_filename (dir, "sites.odt", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "sites.csv", NULL);
  g_autoptr(GError) format_error = NULL;
  g_autoptr(GError) write_error = NULL;

  g_assert_false (lsm_table_export (lsm_catalog_get_sites (catalog), odt, &format_error));
  g_assert_error (format_error, LSM_TABLE_EXPORT_ERROR, LSM_TABLE_EXPORT_ERROR_FORMAT);
  lsm_test_assert_contains (format_error->message, "sites.odt");

  g_assert_false (lsm_table_export (lsm_catalog_get_sites (catalog), missing, &write_error));
  g_assert_error (write_error, LSM_TABLE_EXPORT_ERROR, LSM_TABLE_EXPORT_ERROR_WRITE);
  lsm_test_assert_contains (write_error->message, "sites.csv");

  g_assert_cmpuint (lsm_test_count_entries (dir), ==, 0);
  lsm_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lsm/table-export/csv", test_table_export_csv);
  g_test_add_func ("/lsm/table-export/xlsx", test_table_export_xlsx);
  g_test_add_func ("/lsm/table-export/errors", test_table_export_errors);

  return g_test_run ();
}
