/* lsm-fuzz.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-fuzz"

#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "lsm-fuzz.h"
#include "lsm-loader.h"

/* What every harness shares: a process set up so that an input can only touch its own
 * temporary folder, and the files the loader reads written there as a user's would be. */

/**
 * lsm_fuzz_init:
 *
 * Call first in each harness; only the first call does anything.
 */
void
lsm_fuzz_init (void)
{
  static gsize initialized = 0;

  if (!g_once_init_enter (&initialized))
    return;

  /* A fuzzed file may be a VRT or a WFS description that names a URL: send any request to a
   * closed local port so that it fails at once instead of reaching the network. */
  g_setenv ("GDAL_HTTP_PROXY", "127.0.0.1:9", TRUE);
  g_setenv ("GDAL_HTTP_TIMEOUT", "1", TRUE);
  g_setenv ("GDAL_HTTP_CONNECTTIMEOUT", "1", TRUE);
  g_setenv ("GDAL_HTTP_MAX_RETRY", "0", TRUE);
  /* No .aux.xml side files, and GDAL's own temporary files under the system's temp folder. */
  g_setenv ("GDAL_PAM_ENABLED", "NO", TRUE);
  g_setenv ("CPL_TMPDIR", g_get_tmp_dir (), TRUE);

  /* The loader reports bad input as problems; a critical or a warning is a bug in our code
   * that the fuzzer must stop on. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  g_once_init_leave (&initialized, 1);
}

/**
 * lsm_fuzz_make_dir:
 *
 * Returns: (transfer full): a new empty folder under the system's temp folder
 */
char *
lsm_fuzz_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("lsmap-fuzz-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/**
 * lsm_fuzz_write_file:
 * @dir: a folder from lsm_fuzz_make_dir()
 * @name: a plain file name, never a path
 * @data: the bytes
 * @size: how many
 *
 * Returns: (transfer full): the path of the new file
 */
char *
lsm_fuzz_write_file (const char   *dir,
                     const char   *name,
                     const guint8 *data,
                     gsize         size)
{
  g_autoptr(GError) error = NULL;
  char *path;

  g_assert (strchr (name, G_DIR_SEPARATOR) == NULL);

  path = g_build_filename (dir, name, NULL);
  g_file_set_contents (path, (const char *) data, size, &error);
  g_assert_no_error (error);

  return path;
}

static void
remove_tree (const char *path,
             GString    *left)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) children = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  /* Listed before anything is removed: readdir () need not see a folder that changes under it. */
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (children, g_build_filename (path, name, NULL));

  for (guint i = 0; i < children->len; i++)
    {
      const char *child = g_ptr_array_index (children, i);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child, left);
      else if (g_unlink (child) != 0)
        g_string_append_printf (left, " %s (%s)", child, g_strerror (errno));
    }

  if (g_rmdir (path) != 0)
    g_string_append_printf (left, " %s (%s)", path, g_strerror (errno));
}

/**
 * lsm_fuzz_remove_dir:
 * @dir: a folder from lsm_fuzz_make_dir()
 *
 * Removes the folder and whatever the input left in it; aborts, naming them, if it cannot.
 */
void
lsm_fuzz_remove_dir (const char *dir)
{
  g_autoptr(GString) left = g_string_new (NULL);

  remove_tree (dir, left);
  if (left->len > 0)
    {
      g_printerr ("Cannot remove what the input left:%s\n", left->str);
      abort ();
    }
}

/**
 * lsm_fuzz_assert_text:
 * @text: a message meant for the user
 *
 * Aborts unless @text can be shown as one line: UTF-8 with no control characters.
 */
void
lsm_fuzz_assert_text (const char *text)
{
  gboolean ok = g_utf8_validate (text, -1, NULL);

  for (const char *p = text; ok && *p != '\0'; p = g_utf8_next_char (p))
    ok = !g_unichar_iscntrl (g_utf8_get_char (p));

  if (!ok)
    {
      g_autofree char *escaped = g_strescape (text, NULL);

      /* abort (), not g_error (): libFuzzer saves the input on SIGABRT, not on SIGTRAP. */
      g_printerr ("A message cannot be shown: \"%s\"\n", escaped);
      abort ();
    }
}

/**
 * lsm_fuzz_load_dir:
 * @dir: a data folder
 * @error: return location for why it could not be loaded
 *
 * Loads @dir as the application does; aborts unless the loader gives either a catalog or a
 * reason, and every message, the reason and each problem line, can be shown.
 *
 * Returns: (transfer full) (nullable): the catalog
 */
LsmCatalog *
lsm_fuzz_load_dir (const char  *dir,
                   GError     **error)
{
  g_autoptr(LsmLoader) loader = lsm_loader_new (dir);
  g_autoptr(GError) local_error = NULL;
  LsmCatalog *catalog = lsm_loader_load (loader, NULL, &local_error);

  g_assert_true ((catalog == NULL) == (local_error != NULL));
  if (catalog == NULL)
    {
      lsm_fuzz_assert_text (local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  for (const char * const *p = lsm_catalog_get_problems (catalog); *p != NULL; p++)
    lsm_fuzz_assert_text (*p);

  return catalog;
}
