/* test-cli-export.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <locale.h>
#include <signal.h>
#include <sys/stat.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "lsm-test-cli.h"
#include "lsm-test-utils.h"

/* lsmap --export and --overview: the files written, their errors, an interrupted export. */

static void
test_cli_export (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lsmap-cli-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "energy.pdf", NULL);
  g_autofree char *png = g_build_filename (dir, "energy.png", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *arg = g_strconcat ("--export=", pdf, NULL);
  g_autofree char *png_arg = g_strconcat ("--export=", png, NULL);
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_cmpint (run_lsmap (&out, &err, arg, "--sector=hydro,thermal,wind", "--paper=A4", "--landscape", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_file_get_contents (pdf, &contents, &len, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_lsmap (&out, &err, png_arg, "--size=800x600", "--district=chi lang", NULL), ==, 0);
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));

  g_unlink (pdf);
  g_unlink (png);
  g_rmdir (dir);
}

static void
test_cli_export_errors (void)
{
  const struct { const char *args[3]; int status; const char *message; } cases[] = {
    { { "--export=/tmp/lsmap-map.xyz" }, 2, "unknown format" },
    { { "--export=/nonexistent/dir/map.pdf" }, 1, "Cannot write “/nonexistent/dir/map.pdf”" },
    { { "--export=/tmp/lsmap-map.pdf", "--sector=spaceport" }, 2, "Unknown sector “spaceport”" },
    { { "--export=/tmp/lsmap-map.pdf", "--paper=B5" }, 2, "Unknown paper “B5”" },
    { { "--export=/tmp/lsmap-map.png", "--dpi=50" }, 2, "--dpi “50”: must be a whole number from 96 to 600" },
    { { "--export=/tmp/lsmap-map.png", "--size=10x10" }, 2, "--size “10x10”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (run_lsmap (&out, &err, cases[i].args[0], cases[i].args[1], cases[i].args[2], NULL),
                       ==, cases[i].status);
      g_test_message ("%s", err);
      g_assert_nonnull (strstr (err, cases[i].message));
    }

  g_assert_false (g_file_test ("/tmp/lsmap-map.pdf", G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test ("/tmp/lsmap-map.png", G_FILE_TEST_EXISTS));
}

static void
test_cli_long_title (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lsmap-cli-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "long.pdf", NULL);
  g_autofree char *arg = g_strconcat ("--export=", pdf, NULL);
  g_autofree char *title = g_strnfill (100000, 'a');
  g_autofree char *title_arg = g_strconcat ("--title=", title, NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  gint64 start = g_get_monotonic_time ();

  g_assert_cmpint (run_lsmap (&out, &err, arg, title_arg, NULL), ==, 0);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 20 * G_USEC_PER_SEC);
  g_assert_cmpstr (err, ==, "lsmap: --title is longer than 200 characters: it is shortened\n");
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));

  g_unlink (pdf);
  g_rmdir (dir);
}

static void
test_cli_export_interrupted (void)
{
  const int signals[] = { SIGTERM, SIGINT };

  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    {
      g_autofree char *dir = g_dir_make_tmp ("lsmap-cli-XXXXXX", NULL);
      g_autofree char *png = g_build_filename (dir, "big.png", NULL);
      g_autofree char *arg = g_strconcat ("--export=", png, NULL);
      g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_SILENCE);
      g_autoptr(GSubprocess) lsmap = NULL;
      g_autoptr(GError) error = NULL;
      gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

      g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
      lsmap = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("LSMAP"), arg, "--paper=A3", "--dpi=600", NULL);
      g_assert_no_error (error);

      /* Killed while the page is drawn, once its temporary file is there. */
      while (lsm_test_count_entries (dir) == 0 && g_get_monotonic_time () < deadline)
        g_usleep (1000);
      g_assert_cmpuint (lsm_test_count_entries (dir), ==, 1);
      g_subprocess_send_signal (lsmap, signals[i]);
      g_assert_true (g_subprocess_wait (lsmap, NULL, &error));

      /* It dies of the signal, as a caller expects, and leaves nothing behind. */
      g_assert_true (g_subprocess_get_if_signaled (lsmap));
      g_assert_cmpint (g_subprocess_get_term_sig (lsmap), ==, signals[i]);
      g_assert_cmpuint (lsm_test_count_entries (dir), ==, 0);
      g_rmdir (dir);
    }
}

static void
test_cli_overview_text (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_lsmap (&out, &err, "--overview", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  lsm_test_assert_contains (out, "Population: about 802 thousand people (as of 2024 · source ");
  lsm_test_assert_contains (out, "GRDP growth: 7.22% (2022 · source ");
  lsm_test_assert_contains (out, "Hydropower\n    5 sites: 2 on the map, 3 with no known location\n");
  lsm_test_assert_contains (out, "    Total capacity (MW)\n      In total            ████████████████████████ 103.7\n");
  lsm_test_assert_contains (out, "\nSources\n  1. ");
}

static void
test_cli_overview_json (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *csv_out = NULL;
  g_autofree char *csv_err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *sectors;
  JsonObject *wind = NULL;

  g_assert_cmpint (run_lsmap (&out, &err, "--overview", "--format=json", "--sector=wind", NULL), ==, 0);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_object_get_object_member (root, "province"), "figures")), >, 50);
  sectors = json_object_get_array_member (root, "sectors");
  for (guint i = 0; i < json_array_get_length (sectors); i++)
    {
      JsonObject *sector = json_array_get_object_element (sectors, i);

      /* The counts follow the filter; the sector-wide figures do not. */
      if (g_str_equal (json_object_get_string_member (sector, "id"), "wind"))
        wind = sector;
      else
        g_assert_cmpint (json_object_get_int_member (sector, "sites"), ==, 0);
    }
  g_assert_nonnull (wind);
  g_assert_cmpint (json_object_get_int_member (wind, "sites"), ==, 4);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (wind, "charts")), >=, 1);

  g_assert_cmpint (run_lsmap (&csv_out, &csv_err, "--overview", "--format=csv", NULL), ==, 2);
}

/* --choropleth colours the exported page's districts and explains the shades in its legend. */
static void
test_cli_export_choropleth (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lsm-cli-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "capacity.pdf", NULL);
  g_autofree char *arg = g_strdup_printf ("--export=%s", pdf);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *out2 = NULL;
  g_autofree char *err2 = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpint (run_lsmap (&out, &err, arg, "--choropleth=capacity", NULL), ==, 0);
  text = lsm_test_pdf_text (pdf);
  lsm_test_assert_contains (text, "Capacity (MW)");
  lsm_test_assert_contains (text, "165–220");
  lsm_test_assert_contains (text, "None shown");

  g_assert_cmpint (run_lsmap (&out2, &err2, arg, "--choropleth=hue", NULL), ==, 2);
  lsm_test_assert_contains (err2, "“hue”");
  lsm_test_remove_dir (dir);
}

/* --units chooses what the page draws and credits; districts stay the default. */
static void
test_cli_export_units (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lsmap-cli-XXXXXX", NULL);
  g_autofree char *communes = g_build_filename (dir, "communes.pdf", NULL);
  g_autofree char *districts = g_build_filename (dir, "districts.pdf", NULL);
  g_autofree char *communes_arg = g_strconcat ("--export=", communes, NULL);
  g_autofree char *districts_arg = g_strconcat ("--export=", districts, NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *communes_text = NULL;
  g_autofree char *districts_text = NULL;

  g_assert_cmpint (run_lsmap (&out, &err, communes_arg, "--units=communes-2025", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_lsmap (&out, &err, districts_arg, NULL), ==, 0);

  communes_text = lsm_test_pdf_text (communes);
  districts_text = lsm_test_pdf_text (districts);
  /* The footer leaves room for the page number, so the credit may wrap. */
  g_strdelimit (communes_text, "\n", ' ');
  /* A commune's label, and the 2025 data's credit, only where the communes are drawn. */
  lsm_test_assert_contains (communes_text, "Khuất Xá");
  lsm_test_assert_contains (communes_text, "Communes since 1 July 2025: thanglequoc/");
  g_assert_null (strstr (districts_text, "Khuất Xá"));
  g_assert_null (strstr (districts_text, "thanglequoc"));
  lsm_test_assert_contains (districts_text, "Văn Quan");

  g_unlink (communes);
  g_unlink (districts);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_assert_nonnull (g_getenv ("LSMAP"));
  g_assert_nonnull (g_getenv ("LSMAP_DATA_DIR"));

  g_test_add_func ("/lsm/cli/export", test_cli_export);
  g_test_add_func ("/lsm/cli/export-errors", test_cli_export_errors);
  g_test_add_func ("/lsm/cli/long-title", test_cli_long_title);
  g_test_add_func ("/lsm/cli/export-interrupted", test_cli_export_interrupted);
  g_test_add_func ("/lsm/cli/overview-text", test_cli_overview_text);
  g_test_add_func ("/lsm/cli/overview-json", test_cli_overview_json);
  g_test_add_func ("/lsm/cli/export-choropleth", test_cli_export_choropleth);
  g_test_add_func ("/lsm/cli/export-units", test_cli_export_units);

  return g_test_run ();
}
