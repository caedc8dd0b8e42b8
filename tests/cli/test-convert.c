/* test-convert.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <locale.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "lsm-catalog.h"
#include "lsm-feature.h"
#include "lsm-loader.h"
#include "lsm-test-utils.h"

/* lsmap --convert and --data=PG:…, run as a user runs them. tests/pg-run.sh gives this program
 * a PostGIS server of its own: LSMAP_TEST_PG names its database. */

/* Runs the real lsmap binary without a display; NULL arguments are left out. */
static int
run_lsmap (char       **out,
           char       **err,
           const char  *a,
           const char  *b,
           const char  *c,
           const char  *d)
{
  const char *given[] = { a, b, c, d };
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);

  g_ptr_array_add (argv, (char *) g_getenv ("LSMAP"));
  for (guint i = 0; i < G_N_ELEMENTS (given); i++)
    if (given[i] != NULL)
      g_ptr_array_add (argv, (char *) given[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status,
                &error);
  g_assert_no_error (error);

  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

/* What --list --format=json prints for --data=@data (NULL: the bundled data) and @filter. */
static char *
list_json (const char *data,
           const char *filter)
{
  g_autofree char *data_option = data != NULL ? g_strconcat ("--data=", data, NULL) : NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int rc;

  rc = run_lsmap (&out, &err, "--list", "--format=json", filter, data_option);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (rc, ==, 0);
  g_assert_cmpuint (strlen (out), >, 1000);

  return out;
}

static void
convert_ok (const char *dest,
            const char *extra,
            const char *more)
{
  g_autofree char *option = g_strconcat ("--convert=", dest, NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int rc;

  rc = run_lsmap (&out, &err, option, extra, more, NULL);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (rc, ==, 0);
}

/* The bundled data's listing, made once: every round trip compares with it. */
static const char *
bundled_json (void)
{
  static char *json;

  if (json == NULL)
    json = list_json (NULL, NULL);
  return json;
}

static void
assert_round_trip (const char *dest)
{
  g_autofree char *read_back = list_json (dest, NULL);

  g_assert_cmpstr (read_back, ==, bundled_json ());
}

static void
assert_refused_without_overwrite (const char *dest,
                                  const char *named)
{
  g_autofree char *option = g_strconcat ("--convert=", dest, NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_lsmap (&out, &err, option, NULL, NULL, NULL), ==, 1);
  lsm_test_assert_contains (err, named);
  lsm_test_assert_contains (err, "--overwrite");
}

static void
test_convert_gpkg (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lsmap-convert-XXXXXX", NULL);
  g_autofree char *dest = g_build_filename (dir, "catalog.gpkg", NULL);

  convert_ok (dest, NULL, NULL);
  assert_round_trip (dest);
  /* Nothing of the staging is left beside it. */
  g_assert_cmpuint (lsm_test_count_entries (dir), ==, 1);

  assert_refused_without_overwrite (dest, "catalog.gpkg");
  convert_ok (dest, "--overwrite", NULL);
  assert_round_trip (dest);
  g_assert_cmpuint (lsm_test_count_entries (dir), ==, 1);

  lsm_test_remove_dir (dir);
}

static void
test_convert_folder (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lsmap-convert-XXXXXX", NULL);
  g_autofree char *dest = g_build_filename (dir, "catalog/", NULL);
  g_autofree char *csvt = g_build_filename (dir, "catalog", "figures.csvt", NULL);
  g_autofree char *sites = g_build_filename (dir, "catalog", "sites.geojson", NULL);

  convert_ok (dest, NULL, NULL);
  assert_round_trip (dest);
  g_assert_true (g_file_test (csvt, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (sites, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (lsm_test_count_entries (dir), ==, 1);

  assert_refused_without_overwrite (dest, "catalog");
  convert_ok (dest, "--overwrite", NULL);
  assert_round_trip (dest);
  g_assert_cmpuint (lsm_test_count_entries (dir), ==, 1);

  lsm_test_remove_dir (dir);
}

static void
test_convert_postgis (void)
{
  g_autofree char *reader = g_strdup_printf ("PG:host=%s dbname=lsmap user=lsm_reader password=right",
                                             g_getenv ("LSMAP_TEST_PG_HOST"));
  g_autofree char *as_reader = NULL;

  convert_ok (lsm_test_postgis (), "--overwrite", NULL);
  assert_round_trip (lsm_test_postgis ());
  assert_refused_without_overwrite (lsm_test_postgis (), "dbname=lsmap");

  /* Everyone may read what the owner wrote. */
  as_reader = list_json (reader, NULL);
  g_assert_cmpstr (as_reader, ==, bundled_json ());
}

static guint
count_figures_of (GListModel *features)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (features); i++)
    {
      g_autoptr(LsmFeature) feature = g_list_model_get_item (features, i);

      n += g_list_model_get_n_items (lsm_feature_get_figures (feature));
    }

  return n;
}

/* A selection keeps its sites' figures and every figure of the districts, the province and the
 * sectors, and every source. */
static void
check_selection (const char *dest)
{
  g_autoptr(LsmLoader) loader = lsm_loader_new (dest);
  g_autoptr(LsmCatalog) selected = NULL;
  g_autoptr(LsmCatalog) bundled = lsm_test_load_bundled ();
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = list_json (NULL, "--sector=hydro");
  g_autofree char *read_back = list_json (dest, NULL);

  g_assert_cmpstr (read_back, ==, expected);

  selected = lsm_loader_load (loader, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (lsm_catalog_get_sites (selected)), ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (lsm_catalog_get_aggregates (selected)), ==,
                    g_list_model_get_n_items (lsm_catalog_get_aggregates (bundled)));
  g_assert_cmpuint (g_list_model_get_n_items (lsm_catalog_get_aggregates (selected)), >, 0);
  g_assert_cmpuint (count_figures_of (lsm_catalog_get_districts (selected)), ==,
                    count_figures_of (lsm_catalog_get_districts (bundled)));
  g_assert_cmpuint (g_list_model_get_n_items (lsm_catalog_get_sources (selected)), ==,
                    g_list_model_get_n_items (lsm_catalog_get_sources (bundled)));
  g_assert_cmpuint (count_figures_of (lsm_catalog_get_sites (selected)), <,
                    count_figures_of (lsm_catalog_get_sites (bundled)));
}

static void
test_convert_selection (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lsmap-convert-XXXXXX", NULL);
  g_autofree char *gpkg = g_build_filename (dir, "hydro.gpkg", NULL);
  g_autofree char *folder = g_build_filename (dir, "hydro/", NULL);

  convert_ok (gpkg, "--sector=hydro", NULL);
  check_selection (gpkg);
  convert_ok (folder, "--sector=hydro", NULL);
  check_selection (folder);
  convert_ok (lsm_test_postgis (), "--sector=hydro", "--overwrite");
  check_selection (lsm_test_postgis ());
  lsm_test_remove_dir (dir);
}

static void
test_convert_usage (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_lsmap (&out, &err, "--convert=map.shp", NULL, NULL, NULL), ==, 2);
  lsm_test_assert_contains (err, "--convert=map.shp: give a GeoPackage (.gpkg), a folder (ending in /) or a PostGIS database (PG:…)");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_lsmap (&out, &err, "--overwrite", "--list", NULL, NULL), ==, 2);
  lsm_test_assert_contains (err, "--overwrite applies only to --convert");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_lsmap (&out, &err, "--list", "--convert=x.gpkg", NULL, NULL), ==, 2);
  lsm_test_assert_contains (err, "--list and --convert cannot be used together");
  g_assert_false (g_file_test ("x.gpkg", G_FILE_TEST_EXISTS));
}

static void
test_convert_wrong_password (void)
{
  g_autofree char *wrong = g_strdup_printf ("--data=PG:host=%s dbname=lsmap user=lsm_reader password=secret-wrong",
                                            g_getenv ("LSMAP_TEST_PG_HOST"));
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_lsmap (&out, &err, wrong, "--list", NULL, NULL), ==, 1);
  lsm_test_assert_contains (err, "dbname=lsmap");
  lsm_test_assert_contains (err, "password");
  g_assert_null (strstr (err, "secret-wrong"));
  g_assert_cmpstr (out, ==, "");
}

static void
test_convert_server_gone (void)
{
  g_autofree char *data = g_strconcat ("--data=", lsm_test_postgis (), NULL);
  g_autofree char *first = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *again = NULL;

  convert_ok (lsm_test_postgis (), "--overwrite", NULL);
  first = list_json (lsm_test_postgis (), NULL);

  lsm_test_postgis_server ("--stop");
  g_assert_cmpint (run_lsmap (&out, &err, data, "--list", NULL, NULL), ==, 1);
  lsm_test_postgis_server ("--start");
  lsm_test_assert_contains (err, "dbname=lsmap");
  lsm_test_assert_contains (err, "does not answer");

  again = list_json (lsm_test_postgis (), NULL);
  g_assert_cmpstr (again, ==, first);
}

/* The setting a department uses to point everyone's lsmap at its database. */
static void
test_convert_data_source_setting (void)
{
  g_autofree char *config = g_dir_make_tmp ("lsmap-config-XXXXXX", NULL);
  g_autofree char *folder = g_build_filename (config, "glib-2.0", "settings", NULL);
  g_autofree char *keyfile = g_build_filename (folder, "keyfile", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *expected = list_json (NULL, "--sector=wind");
  g_autofree char *listed = NULL;
  g_autoptr(GError) error = NULL;

  convert_ok (lsm_test_postgis (), "--sector=wind", "--overwrite");

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  contents = g_strdup_printf ("[io/github/lsmap/LangSonMap]\ndata-source='%s'\n", lsm_test_postgis ());
  g_file_set_contents (keyfile, contents, -1, &error);
  g_assert_no_error (error);

  g_setenv ("GSETTINGS_BACKEND", "keyfile", TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  listed = list_json (NULL, NULL);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_unsetenv ("XDG_CONFIG_HOME");

  g_assert_cmpstr (listed, ==, expected);
  g_unlink (keyfile);
  lsm_test_remove_dir (config);
}

static gboolean
has_staging_folder (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, ".lsmap-convert-"))
      return TRUE;

  return FALSE;
}

/* Ctrl+C while --convert writes: lsmap removes the folder it stages the GeoPackage in, leaves
 * no DEST, and still dies of the signal. */
static void
test_convert_interrupted (void)
{
  g_autofree char *data = lsm_test_make_synthetic_data (20000);
  g_autofree char *out_dir = g_dir_make_tmp ("lsmap-interrupted-XXXXXX", NULL);
  g_autofree char *dest = g_build_filename (out_dir, "lsmap.gpkg", NULL);
  g_autofree char *data_option = g_strconcat ("--data=", data, NULL);
  g_autofree char *convert_option = g_strconcat ("--convert=", dest, NULL);
  const char *argv[] = { g_getenv ("LSMAP"), data_option, convert_option, NULL };
  g_auto(GStrv) envp = g_environ_unsetenv (g_get_environ (), "DISPLAY");
  g_autoptr(GError) error = NULL;
  gboolean staged = FALSE;
  int status = 0;
  GPid pid;

  g_spawn_async (NULL, (char **) argv, envp,
                 G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                 NULL, NULL, &pid, &error);
  g_assert_no_error (error);

  /* The load comes first; the staging folder appears when the writer starts. */
  for (guint i = 0; i < 120000 && !staged; i++)
    {
      staged = has_staging_folder (out_dir);
      if (!staged)
        {
          g_assert_cmpint (waitpid (pid, &status, WNOHANG), ==, 0);
          g_usleep (1000);
        }
    }
  g_assert_true (staged);

  g_assert_cmpint (kill (pid, SIGINT), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGINT);
  g_assert_false (has_staging_folder (out_dir));
  g_assert_cmpuint (lsm_test_count_entries (out_dir), ==, 0);

  lsm_test_remove_dir (out_dir);
  lsm_test_remove_dir (data);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lsm/convert/gpkg", test_convert_gpkg);
  g_test_add_func ("/lsm/convert/folder", test_convert_folder);
  g_test_add_func ("/lsm/convert/postgis", test_convert_postgis);
  g_test_add_func ("/lsm/convert/selection", test_convert_selection);
  g_test_add_func ("/lsm/convert/usage", test_convert_usage);
  g_test_add_func ("/lsm/convert/wrong-password", test_convert_wrong_password);
  g_test_add_func ("/lsm/convert/server-gone", test_convert_server_gone);
  g_test_add_func ("/lsm/convert/data-source-setting", test_convert_data_source_setting);
  g_test_add_func ("/lsm/convert/interrupted", test_convert_interrupted);

  return g_test_run ();
}
