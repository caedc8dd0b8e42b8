/* test-loader-files.c
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

/* What the loader says of files the system will not give it as plain files: fifos, unreadable or huge files, a missing optional layer, a folder's name; and that it never uses the network. */

/* A data folder with some of the mini files, to break the others. */
static void
copy_mini_files (const char         *dir,
                 const char * const *names)
{
  g_autofree char *mini = mini_dir ();

  lsm_test_copy_files (mini, dir, names);
}

/* A FIFO blocks open() until someone writes to it: it must be refused, as a file, as a data
 * folder's member, and as what --validate is given. */
static void
test_loader_fifo (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lsmap-fifo-XXXXXX", NULL);
  g_autofree char *fifo = g_build_filename (dir, "sites.geojson", NULL);
  const char *copies[] = { "sources.csv", "sources.csvt", "districts.geojson", NULL };
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  assert_load_fails (fifo, LSM_LOADER_ERROR_NOT_REGULAR, "sites.geojson: not a regular file");

  g_assert_false (lsm_loader_validate_file (fifo, NULL, problems));
  g_assert_cmpuint (problems->len, ==, 1);
  lsm_test_assert_contains (g_ptr_array_index (problems, 0), "not a regular file");

  copy_mini_files (dir, copies);
  assert_load_fails (dir, LSM_LOADER_ERROR_NOT_REGULAR, "sites.geojson: not a regular file");

  lsm_test_remove_dir (dir);
}

static void
test_loader_errno_causes (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (_lsm_loader_error_from_errno (EACCES), ==, LSM_LOADER_ERROR_PERMISSION);
  g_assert_cmpint (_lsm_loader_error_from_errno (EPERM), ==, LSM_LOADER_ERROR_PERMISSION);
  g_assert_cmpint (_lsm_loader_error_from_errno (ENOENT), ==, LSM_LOADER_ERROR_NOT_FOUND);
  g_assert_cmpint (_lsm_loader_error_from_errno (EFBIG), ==, LSM_LOADER_ERROR_TOO_LARGE);
  g_assert_cmpint (_lsm_loader_error_from_errno (EIO), ==, LSM_LOADER_ERROR_INVALID);

  _lsm_loader_set_errno_error (&error, EACCES, "sites.geojson");
  g_assert_error (error, LSM_LOADER_ERROR, LSM_LOADER_ERROR_PERMISSION);
  g_assert_cmpstr (error->message, ==, "sites.geojson: permission denied: you may not read it");
}

/* Permission bits do not stop root, as CI runs the tests: there the check runs in a child
 * that has become "nobody". */
static void
test_loader_permission_denied (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  if (g_test_subprocess ())
    {
      if (geteuid () == 0 && (setgid (65534) != 0 || setuid (65534) != 0))
        g_error ("cannot become nobody: %s", g_strerror (errno));
      assert_load_fails (g_getenv ("LSMAP_TEST_LOCKED"), LSM_LOADER_ERROR_PERMISSION,
                         "locked.geojson: permission denied");
      return;
    }

  dir = g_dir_make_tmp ("lsmap-perm-XXXXXX", NULL);
  path = g_build_filename (dir, "locked.geojson", NULL);
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  g_assert_true (g_file_set_contents (path, "{\"type\": \"FeatureCollection\", \"features\": []}", -1, NULL));
  g_assert_cmpint (g_chmod (path, 0), ==, 0);

  g_setenv ("LSMAP_TEST_LOCKED", path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();

  g_unlink (path);
  g_rmdir (dir);
}

/* 11 MB in one name: valid GeoJSON, beyond what GDAL reads in one value. Written here, not
 * kept among the fixtures. */
static void
test_loader_size_limit (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lsmap-big-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "long-name.geojson", NULL);
  g_autoptr(GString) text = g_string_new ("{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", "
                                          "\"properties\": {\"id\": \"big\", \"sector\": \"hydro\", \"name\": \"");

  for (guint i = 0; i < 11 * 1024 * 1024; i++)
    g_string_append_c (text, 'x');
  g_string_append (text, "\"}, \"geometry\": {\"type\": \"Point\", \"coordinates\": [106.8, 21.8]}}]}");
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));

  assert_load_fails (path, LSM_LOADER_ERROR_TOO_LARGE, "long-name.geojson: a value at line 1, character");
  assert_load_fails (path, LSM_LOADER_ERROR_TOO_LARGE, "is longer than GDAL reads (10 MB)");

  g_unlink (path);
  g_rmdir (dir);
}

/* The context layer only draws the neighbours: a broken one is left out, said, and the rest
 * loads. */
static void
test_loader_optional_layer_degrades (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lsmap-optional-XXXXXX", NULL);
  const char *copies[] = { "sources.csv", "sources.csvt", "districts.geojson", "sites.geojson", "province.geojson",
                           "communes-2025.geojson", NULL };
  g_autofree char *context = g_build_filename (dir, "context.geojson", NULL);
  g_autofree char *figures = g_build_filename (dir, "figures.csv", NULL);
  g_autoptr(LsmCatalog) catalog = NULL;
  const char * const *problems;

  copy_mini_files (dir, copies);
  g_assert_true (g_file_set_contents (context, "{\"type\": \"FeatureCollection\", \"features\": [", -1, NULL));
  g_assert_true (g_file_set_contents (figures, "{\"figures\": [", -1, NULL));

  catalog = load_ok (dir);
  g_assert_cmpuint (g_list_model_get_n_items (lsm_catalog_get_sites (catalog)), ==, 6);
  g_assert_cmpuint (g_list_model_get_n_items (lsm_catalog_get_context (catalog)), ==, 0);
  problems = lsm_catalog_get_problems (catalog);
  g_assert_cmpuint (g_strv_length ((GStrv) problems), ==, 2);
  g_assert_true (g_str_has_prefix (problems[0], "context.geojson: left out, the rest is loaded: not valid JSON"));
  g_assert_cmpstr (problems[1], ==, "figures.csv: left out, the rest is loaded: not a table of figures: it has no column “id”");

  lsm_test_remove_dir (dir);
}

/* A folder that lacks a required file is named along with the file. */
static void
test_loader_folder_named (void)
{
  g_autofree char *fixtures = g_test_build_filename (G_TEST_DIST, "fixtures", NULL);
  g_autofree char *expected = g_strdup_printf ("districts.geojson: no such file in the data folder “%s”", fixtures);
  g_autofree char *mini = mini_dir ();

  assert_load_fails (fixtures, LSM_LOADER_ERROR_NOT_FOUND, expected);
  /* The folder nobody chose is named in full, with how to choose another. */
  g_setenv ("LSMAP_DATA_DIR", "/nonexistent/lsmap-data", TRUE);
  assert_load_fails (NULL, LSM_LOADER_ERROR_NOT_FOUND,
                     "No data folder at “/nonexistent/lsmap-data”: choose another with --data=FOLDER");
  g_setenv ("LSMAP_DATA_DIR", mini, TRUE);
}

/* Records whether anything connected to a local port. */
typedef struct
{
  GSocket *socket;
  guint16  port;
} Listener;

static void
listener_init (Listener *listener)
{
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  listener->socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_bind (listener->socket, address, TRUE, &error);
  g_assert_no_error (error);
  g_socket_listen (listener->socket, &error);
  g_assert_no_error (error);
  g_socket_set_blocking (listener->socket, FALSE);
  bound = g_socket_get_local_address (listener->socket, &error);
  g_assert_no_error (error);
  listener->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

static gboolean
listener_was_contacted (Listener *listener)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocket) peer = g_socket_accept (listener->socket, NULL, &error);

  return peer != NULL;
}

/* Opening a local file never reaches the network: not a VRT naming a URL, directly or through
 * /vsicurl/, and not such a path given as the file itself. */
static void
test_loader_no_network (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lsmap-vrt-XXXXXX", NULL);
  Listener listener;
  g_auto(GStrv) urls = g_new0 (char *, 4);

  listener_init (&listener);
  urls[0] = g_strdup_printf ("http://127.0.0.1:%u/sites.geojson", listener.port);
  urls[1] = g_strdup_printf ("/vsicurl/http://127.0.0.1:%u/sites.geojson", listener.port);
  urls[2] = g_strdup_printf ("PG:host=127.0.0.1 port=%u dbname=x", listener.port);

  for (guint i = 0; urls[i] != NULL; i++)
    {
      g_autofree char *vrt = g_build_filename (dir, "remote.vrt", NULL);
      g_autofree char *xml = g_markup_printf_escaped ("<OGRVRTDataSource><OGRVRTLayer name=\"sites\">"
                                                      "<SrcDataSource>%s</SrcDataSource>"
                                                      "</OGRVRTLayer></OGRVRTDataSource>\n", urls[i]);
      g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

      g_assert_true (g_file_set_contents (vrt, xml, -1, NULL));
      assert_load_fails (vrt, LSM_LOADER_ERROR_REFUSED, "only local files are opened");
      g_assert_false (lsm_loader_validate_file (vrt, NULL, problems));
      g_unlink (vrt);
      g_assert_false (listener_was_contacted (&listener));
    }

  assert_load_fails (urls[1], LSM_LOADER_ERROR_REFUSED, "online sources are refused");
  assert_load_fails (urls[0], LSM_LOADER_ERROR_REFUSED, "online sources are refused");
  g_assert_false (listener_was_contacted (&listener));

  g_object_unref (listener.socket);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  loader_test_init (&argc, &argv);

  g_test_add_func ("/lsm/loader/fifo", test_loader_fifo);
  g_test_add_func ("/lsm/loader/errno-causes", test_loader_errno_causes);
  g_test_add_func ("/lsm/loader/permission-denied", test_loader_permission_denied);
  g_test_add_func ("/lsm/loader/size-limit", test_loader_size_limit);
  g_test_add_func ("/lsm/loader/optional-layer-degrades", test_loader_optional_layer_degrades);
  g_test_add_func ("/lsm/loader/folder-named", test_loader_folder_named);
  g_test_add_func ("/lsm/loader/no-network", test_loader_no_network);

  return g_test_run ();
}
