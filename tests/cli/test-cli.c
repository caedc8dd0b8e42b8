/* test-cli.c
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

/* The same in another environment: @envp is taken. */
static int
run_lsmap_env (GStrv        envp,
               char       **out,
               char       **err,
               const char  *first_arg,
               ...)
{
  g_auto(GStrv) owned = envp;
  va_list args;
  int status;

  va_start (args, first_arg);
  status = run_lsmap_argv (out, err, owned, first_arg, args);
  va_end (args);

  return status;
}

static void
test_cli_list_json (void)
{
  g_autoptr(JsonNode) root = NULL;
  JsonArray *sites = list_json (&root, NULL, NULL);
  JsonObject *na_duong, *ban_nhung;
  JsonArray *figures;
  gboolean found_capacity = FALSE;
  guint n_mapped = 0;

  g_assert_cmpuint (json_array_get_length (sites), ==, 40);

  for (guint i = 0; i < json_array_get_length (sites); i++)
    {
      JsonObject *site = json_array_get_object_element (sites, i);
      const char *members[] = {
        "id", "name", "name_en", "sector", "subtype", "district", "status", "lat", "lon",
        "precision", "figures",
      };

      for (guint m = 0; m < G_N_ELEMENTS (members); m++)
        g_assert_true (json_object_has_member (site, members[m]));
      if (!json_object_get_null_member (site, "lat"))
        n_mapped++;
      g_assert_true (JSON_NODE_HOLDS_ARRAY (json_object_get_member (site, "figures")));
    }
  g_assert_cmpuint (n_mapped, ==, 36);

  na_duong = find_site (sites, "nd-na-duong-1");
  g_assert_nonnull (na_duong);
  g_assert_cmpstr (json_object_get_string_member (na_duong, "name"), ==, "Nhà máy nhiệt điện Na Dương I");
  g_assert_cmpstr (json_object_get_string_member (na_duong, "sector"), ==, "thermal");
  g_assert_cmpstr (json_object_get_string_member (na_duong, "precision"), ==, "exact");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (na_duong, "lat"), 21.69811, 1e-6);
  figures = json_object_get_array_member (na_duong, "figures");
  for (guint i = 0; i < json_array_get_length (figures); i++)
    {
      JsonObject *figure = json_array_get_object_element (figures, i);

      g_assert_true (json_object_has_member (figure, "source"));
      g_assert_true (json_object_has_member (figure, "period"));
      g_assert_true (json_object_has_member (figure, "qualifier"));
      if (g_str_equal (json_object_get_string_member (figure, "unit") ?: "", "MW"))
        {
          g_assert_cmpfloat (json_object_get_double_member (figure, "value"), ==, 110);
          g_assert_cmpstr (json_object_get_string_member (figure, "status"), ==, "operating");
          found_capacity = TRUE;
        }
    }
  g_assert_true (found_capacity);

  ban_nhung = find_site (sites, "hydro-ban-nhung");
  g_assert_nonnull (ban_nhung);
  g_assert_true (json_object_get_null_member (ban_nhung, "lat"));
  g_assert_cmpstr (json_object_get_string_member (ban_nhung, "precision"), ==, "unknown");
}

static void
assert_all_members (JsonArray  *sites,
                    const char *member,
                    const char *value)
{
  for (guint i = 0; i < json_array_get_length (sites); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (sites, i), member),
                     ==, value);
}

static JsonObject *
find_figure (JsonObject *site,
             const char *id)
{
  JsonArray *figures = json_object_get_array_member (site, "figures");

  for (guint i = 0; i < json_array_get_length (figures); i++)
    {
      JsonObject *figure = json_array_get_object_element (figures, i);

      if (g_str_equal (json_object_get_string_member (figure, "id"), id))
        return figure;
    }

  return NULL;
}

/* Each site's note, how its point was found and a figure's cross-check come in the language
 * of the interface; where the point comes from is there for auditors, untranslated. */
static void
test_cli_list_json_language (void)
{
  g_autoptr(JsonNode) en_root = NULL;
  g_autoptr(JsonNode) vi_root = NULL;
  JsonArray *en, *vi;
  JsonObject *en_site, *vi_site, *crosscheck;

  en = list_json (&en_root, NULL, NULL);
  en_site = find_site (en, "nd-na-duong-1");
  g_assert_cmpstr (json_object_get_string_member (en_site, "note"), ==, "Lignite-fired, fed by the Na Dương mine.");
  g_assert_false (json_object_has_member (en_site, "coord_source"));
  g_assert_nonnull (strstr (json_object_get_string_member (en_site, "provenance"), "Global Power Plant Database"));
  crosscheck = json_object_get_object_member (find_figure (en_site, "nd-naduong1-capacity"), "crosscheck");
  g_assert_nonnull (crosscheck);
  g_assert_cmpstr (json_object_get_string_member (crosscheck, "source"), ==, "gem-na-duong-power-station");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (crosscheck, "note"), "Global Energy Monitor gives"));
  g_assert_cmpint (json_object_get_double_member (find_figure (en_site, "nd-naduong1-capacity"), "value"), ==, 110);

  if (setlocale (LC_ALL, "vi_VN.UTF-8") == NULL)
    {
      g_test_skip ("the vi_VN.UTF-8 locale is not installed");
      return;
    }
  setlocale (LC_ALL, "C.UTF-8");

  run_in_vietnamese = TRUE;
  vi = list_json (&vi_root, NULL, NULL);
  run_in_vietnamese = FALSE;
  vi_site = find_site (vi, "nd-na-duong-1");
  g_assert_cmpstr (json_object_get_string_member (vi_site, "note"), ==, "Nhà máy đốt than non, lấy than từ mỏ Na Dương.");
  crosscheck = json_object_get_object_member (find_figure (vi_site, "nd-naduong1-capacity"), "crosscheck");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (crosscheck, "note"), "Global Energy Monitor ghi"));
  g_assert_cmpstr (json_object_get_string_member (vi_site, "provenance"), ==,
                   json_object_get_string_member (en_site, "provenance"));

  /* Every site, in both. */
  g_assert_cmpuint (json_array_get_length (vi), ==, json_array_get_length (en));
  for (guint i = 0; i < json_array_get_length (en); i++)
    {
      JsonObject *e = json_array_get_object_element (en, i);
      JsonObject *v = json_array_get_object_element (vi, i);

      g_assert_nonnull (json_object_get_string_member (e, "note"));
      g_assert_nonnull (json_object_get_string_member (v, "note"));
      g_assert_cmpstr (json_object_get_string_member (e, "note"), !=, json_object_get_string_member (v, "note"));
      g_assert_cmpstr (json_object_get_string_member (e, "coord_method"), !=,
                       json_object_get_string_member (v, "coord_method"));
    }
}

static void
test_cli_list_filters (void)
{
  g_autoptr(JsonNode) hydro_root = NULL;
  g_autoptr(JsonNode) operating_root = NULL;
  g_autoptr(JsonNode) district_root = NULL;
  g_autoptr(JsonNode) both_root = NULL;
  JsonArray *hydro = list_json (&hydro_root, "--sector=hydro", NULL);
  JsonArray *operating = list_json (&operating_root, "--status=operating", NULL);
  JsonArray *district = list_json (&district_root, "--district=loc binh", NULL);
  JsonArray *both = list_json (&both_root, "--sector=hydro,thermal", "--district=Lộc Bình");

  g_assert_cmpuint (json_array_get_length (hydro), ==, 5);
  assert_all_members (hydro, "sector", "hydro");
  g_assert_cmpuint (json_array_get_length (operating), >, 0);
  assert_all_members (operating, "status", "operating");
  g_assert_cmpuint (json_array_get_length (district), >, 0);
  assert_all_members (district, "district", "Lộc Bình");
  g_assert_nonnull (find_site (both, "nd-na-duong-1"));
  g_assert_nonnull (find_site (both, "hydro-ban-lai"));
  g_assert_null (find_site (both, "bg-chi-ma"));
}

static void
test_cli_list_csv_and_text (void)
{
  g_autofree char *csv = NULL;
  g_autofree char *text = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (run_lsmap (&csv, &err, "--list", "--format=csv", NULL), ==, 0);
  lines = g_strsplit (csv, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "id,name,name_en,sector,subtype,district,commune,status,lat,lon,precision,figures,note,commune_2025_code,commune_2025");
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 40 + 1);
  g_assert_true (g_str_has_prefix (lines[1], "\""));
  g_assert_true (g_str_has_suffix (lines[1], ",\"" "The dedicated cargo road at border markers 1119–1120 (Báo điện tử Công lý, "
                                   "27 August 2021) belongs to this gate. District and commune from public reference "
                                   "works (Wikipedia).\",\"06184\",\"Xã Đồng Đăng\""));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_lsmap (&text, &err, "--list", "--sector=thermal", NULL), ==, 0);
  g_assert_nonnull (strstr (text, "Nhà máy nhiệt điện Na Dương I — Thermal power, Lộc Bình, Operating"));
  g_assert_nonnull (strstr (text, "110 MW"));
  g_assert_nonnull (strstr (text, "\n    Note: Lignite-fired, fed by the Na Dương mine.\n"));
  g_assert_nonnull (strstr (text, "\n    Now in Xã Na Dương (since 1 July 2025)\n"));
  g_assert_null (strstr (text, "Thủy điện"));
}

static void
test_cli_bad_options (void)
{
  const struct { const char *arg; const char *message; } cases[] = {
    { "--sector=spaceport", "Unknown sector “spaceport”" },
    { "--status=dreaming", "Unknown status “dreaming”" },
    { "--format=xml", "Unknown format “xml”" },
    { "--district=Atlantis", "No district is called “Atlantis”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (run_lsmap (&out, &err, "--list", cases[i].arg, NULL), ==, 2);
      g_assert_cmpstr (out, ==, "");
      g_assert_nonnull (strstr (err, cases[i].message));
    }
}

static void
test_cli_missing_data (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_lsmap (&out, &err, "--list", "--data=/nonexistent/sites.gpkg", NULL), !=, 0);
  g_assert_cmpstr (err, ==, "lsmap: sites.gpkg: no such file\n");
}

static void
test_cli_validate_bad (void)
{
  const char *files[] = {
    "malformed.geojson", "empty.geojson", "not-vector.txt", "wrong-geometry.geojson",
    "no-geometry.geojson", "missing-properties.geojson", "wrong-types.geojson", "bad-utf8.geojson",
    "out-of-range.geojson", "nan-huge.geojson", "deep-nesting.geojson", "bad-figures.geojson",
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", files[i], NULL);
      g_autofree char *prefix = g_strconcat (path, ": ", NULL);
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_auto(GStrv) lines = NULL;

      g_assert_cmpint (run_lsmap (&out, &err, "--validate", path, NULL), ==, 1);
      g_test_message ("%s", out);
      lines = g_strsplit (g_strchomp (out), "\n", -1);
      g_assert_cmpuint (g_strv_length (lines), >, 0);
      for (guint l = 0; lines[l] != NULL; l++)
        g_assert_true (g_str_has_prefix (lines[l], prefix));
    }
}

static void
test_cli_validate_bundled (void)
{
  const char *files[] = {
    "districts.geojson", "sites.geojson", "province.geojson", "context.geojson", "sources.csv",
    "figures.csv",
  };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    g_ptr_array_add (argv, g_build_filename (g_getenv ("LSMAP_DATA_DIR"), files[i], NULL));

  g_assert_cmpint (run_lsmap (&out, &err, "--validate",
                              argv->pdata[0], argv->pdata[1], argv->pdata[2],
                              argv->pdata[3], argv->pdata[4], argv->pdata[5], NULL), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, ==, "");
}

static void
test_cli_validate_needs_files (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_lsmap (&out, &err, "--validate", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "--validate needs one or more files"));
}

static void
test_cli_help_lists_vocabulary (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *ids[] = {
    "border_gate", "border_economic_zone", "industrial_zone", "industrial_cluster", "hydro",
    "thermal", "wind", "other_energy", "quarry", "manufacturing", "other", "operating",
    "under_construction", "planned", "proposed", "target", "--validate", "--list", "--data",
  };

  g_assert_cmpint (run_lsmap (&out, &err, "--help", NULL), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_nonnull (strstr (out, ids[i]));
}

static void
test_cli_strict_options (void)
{
  const struct { const char *args[3]; const char *message; } cases[] = {
    { { "--export=/tmp/lsmap-strict.png", "--dpi=0" }, "--dpi “0”: must be a whole number from 96 to 600" },
    { { "--export=/tmp/lsmap-strict.png", "--dpi=150dpi" }, "--dpi “150dpi”" },
    { { "--export=/tmp/lsmap-strict.png", "--dpi=-150" }, "--dpi “-150”" },
    { { "--export=/tmp/lsmap-strict.pdf", "--dpi=300" }, "--dpi applies only to PNG exports" },
    { { "--export=/tmp/lsmap-strict.png", "--size=300x300junk" }, "--size “300x300junk”" },
    { { "--export=/tmp/lsmap-strict.png", "--size=300x" }, "--size “300x”" },
    { { "--export=/tmp/lsmap-strict.png", "--size=20000x20000" }, "--size “20000x20000”" },
    { { "--export=/tmp/lsmap-strict.png", "--size=800x600", "--paper=A3" }, "--size and --paper cannot be used together" },
    { { "--export=/tmp/lsmap-strict.pdf", "--paper=B5" }, "--paper: Unknown paper “B5”" },
    { { "--export=/tmp/lsmap-strict.pdf", "--title=  " }, "--title is empty" },
    { { "--export=/tmp/lsmap-strict.pdf", "--list" }, "--list and --export cannot be used together" },
    { { "--list", "--dpi=300" }, "--dpi applies only to --export" },
    { { "--summary", "--format=json" }, "--format applies only to --list" },
    { { "--list", "sites.geojson" }, "“sites.geojson”: files are read only with --validate" },
    { { "--export=/tmp/lsmap-strict.pdf", "--no-such-option" }, "Unknown option --no-such-option" },
    { { "--export" }, "Missing argument for --export" },
    { { "--export=/tmp/lsmap-strict.pdf", "--units=communes" }, "--units: Unknown units “communes”" },
    { { "--export=/tmp/lsmap-strict.pdf", "--units=" }, "--units: Unknown units “”" },
    { { "--list", "--units=districts" }, "--units applies only to --export" },
  };

  /* Every bad value is refused with the option's name and the same status, never ignored. */
  g_unlink ("/tmp/lsmap-strict.png");
  g_unlink ("/tmp/lsmap-strict.pdf");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_test_message ("%s %s", cases[i].args[0], cases[i].args[1] ? cases[i].args[1] : "");
      g_assert_cmpint (run_lsmap (&out, &err, cases[i].args[0], cases[i].args[1], cases[i].args[2], NULL),
                       ==, 2);
      g_test_message ("%s", err);
      g_assert_nonnull (strstr (err, cases[i].message));
      g_assert_cmpstr (out, ==, "");
    }

  g_assert_false (g_file_test ("/tmp/lsmap-strict.png", G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test ("/tmp/lsmap-strict.pdf", G_FILE_TEST_EXISTS));
}

static void
test_cli_help_exit_status (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_lsmap (&out, &err, "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "2 for bad usage"));
}

static void
test_cli_summary (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_lsmap (&out, &err, "--summary", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "Lạng Sơn: 11 districts, 40 sites (36 on the map), "));
}

/* Right after building, the program finds the source tree's data by itself. */
static void
test_cli_uninstalled (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  GStrv envp = g_environ_unsetenv (cli_environ (), "LSMAP_DATA_DIR");

  g_assert_cmpint (run_lsmap_env (envp, &out, &err, "--summary", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "Lạng Sơn: 11 districts, 40 sites (36 on the map), "));
}

static void
test_cli_missing_folder (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  GStrv envp = g_environ_setenv (cli_environ (), "LSMAP_DATA_DIR", "/nonexistent/lsmap-data", TRUE);

  g_assert_cmpint (run_lsmap_env (envp, &out, &err, "--summary", NULL), ==, 1);
  g_assert_cmpstr (err, ==, "lsmap: No data folder at “/nonexistent/lsmap-data”: choose another with "
                            "--data=FOLDER or the LSMAP_DATA_DIR environment variable\n");
}

/* A Vietnamese user reads the loader's and the command line's errors in Vietnamese; the build
 * tree's translations are found without LSMAP_LOCALEDIR. */
static void
test_cli_vietnamese_errors (void)
{
  g_autofree char *malformed = g_test_build_filename (G_TEST_DIST, "fixtures", "malformed.geojson", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *validated = NULL;
  GStrv envp = cli_environ ();

  envp = g_environ_setenv (envp, "LC_ALL", "vi_VN.UTF-8", TRUE);
  envp = g_environ_setenv (envp, "LANGUAGE", "vi", TRUE);
  envp = g_environ_unsetenv (envp, "LSMAP_LOCALEDIR");
  envp = g_environ_setenv (envp, "LSMAP_DATA_DIR", "/nonexistent/lsmap-data", TRUE);
  g_assert_cmpint (run_lsmap_env (g_strdupv (envp), &out, &err, "--summary", NULL), ==, 1);
  g_assert_cmpstr (err, ==, "lsmap: Không có thư mục dữ liệu tại “/nonexistent/lsmap-data”: hãy chọn thư mục "
                            "khác bằng --data=THƯ_MỤC hoặc biến môi trường LSMAP_DATA_DIR\n");

  g_clear_pointer (&err, g_free);
  envp = g_environ_unsetenv (envp, "LSMAP_DATA_DIR");
  g_assert_cmpint (run_lsmap_env (envp, &validated, &err, "--validate", malformed, NULL), ==, 1);
  lsm_test_assert_contains (validated, "không phải JSON hợp lệ, tại dòng:cột 1:101: một đối tượng chưa được đóng");
}

/* A file name that is not UTF-8 is printed with its display name, never as raw bytes. */
static void
test_cli_non_utf8_name (void)
{
  g_autofree char *from = g_test_build_filename (G_TEST_DIST, "fixtures", "malformed.geojson", NULL);
  g_autofree char *dir = g_dir_make_tmp ("lsmap-name-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "m\xe1y.geojson", NULL);  /* Latin-1 "máy" */
  g_autofree char *contents = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *arg = g_strconcat ("--data=", path, NULL);
  gsize len;

  g_assert_true (g_file_get_contents (from, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (path, contents, len, NULL));

  g_assert_cmpint (run_lsmap (&out, &err, "--validate", path, NULL), ==, 1);
  g_assert_true (g_utf8_validate (out, -1, NULL));
  lsm_test_assert_contains (out, "m\xef\xbf\xbdy.geojson: not valid JSON");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_lsmap (&out, &err, arg, "--summary", NULL), !=, 0);
  g_assert_true (g_utf8_validate (err, -1, NULL));
  lsm_test_assert_contains (err, "m\xef\xbf\xbdy.geojson: not valid JSON");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* The same for a file to be written: an unknown format, and a folder that does not exist. */
  {
    g_autofree char *bad_format = g_strconcat ("--export=", dir, "/m\xe1y.xyz", NULL);
    g_autofree char *no_folder = g_strconcat ("--export=", dir, "/gone/m\xe1y.pdf", NULL);

    g_assert_cmpint (run_lsmap (&out, &err, bad_format, NULL), ==, 2);
    g_assert_true (g_utf8_validate (err, -1, NULL));
    lsm_test_assert_contains (err, "m\xef\xbf\xbdy.xyz");
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);

    g_assert_cmpint (run_lsmap (&out, &err, no_folder, NULL), ==, 1);
    g_assert_true (g_utf8_validate (err, -1, NULL));
    lsm_test_assert_contains (err, "m\xef\xbf\xbdy.pdf");
  }

  g_unlink (path);
  g_rmdir (dir);
}

/* A FIFO is refused, not waited on, wherever a file name goes. */
static void
test_cli_fifo (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lsmap-fifo-XXXXXX", NULL);
  g_autofree char *fifo = g_build_filename (dir, "sites.geojson", NULL);
  g_autofree char *arg = g_strconcat ("--data=", fifo, NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (run_lsmap (&out, &err, "--validate", fifo, NULL), ==, 1);
  lsm_test_assert_contains (out, "sites.geojson: not a regular file");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_lsmap (&out, &err, arg, "--list", NULL), ==, 1);  /* a data error, not bad usage */
  lsm_test_assert_contains (err, "sites.geojson: not a regular file");

  g_unlink (fifo);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_assert_nonnull (g_getenv ("LSMAP"));
  g_assert_nonnull (g_getenv ("LSMAP_DATA_DIR"));

  g_test_add_func ("/lsm/cli/list-json", test_cli_list_json);
  g_test_add_func ("/lsm/cli/list-json-language", test_cli_list_json_language);
  g_test_add_func ("/lsm/cli/list-filters", test_cli_list_filters);
  g_test_add_func ("/lsm/cli/list-csv-and-text", test_cli_list_csv_and_text);
  g_test_add_func ("/lsm/cli/bad-options", test_cli_bad_options);
  g_test_add_func ("/lsm/cli/missing-data", test_cli_missing_data);
  g_test_add_func ("/lsm/cli/validate-bad", test_cli_validate_bad);
  g_test_add_func ("/lsm/cli/validate-bundled", test_cli_validate_bundled);
  g_test_add_func ("/lsm/cli/validate-needs-files", test_cli_validate_needs_files);
  g_test_add_func ("/lsm/cli/help-lists-vocabulary", test_cli_help_lists_vocabulary);
  g_test_add_func ("/lsm/cli/summary", test_cli_summary);
  g_test_add_func ("/lsm/cli/uninstalled", test_cli_uninstalled);
  g_test_add_func ("/lsm/cli/missing-folder", test_cli_missing_folder);
  g_test_add_func ("/lsm/cli/vietnamese-errors", test_cli_vietnamese_errors);
  g_test_add_func ("/lsm/cli/non-utf8-name", test_cli_non_utf8_name);
  g_test_add_func ("/lsm/cli/fifo", test_cli_fifo);
  g_test_add_func ("/lsm/cli/strict-options", test_cli_strict_options);
  g_test_add_func ("/lsm/cli/help-exit-status", test_cli_help_exit_status);

  return g_test_run ();
}
