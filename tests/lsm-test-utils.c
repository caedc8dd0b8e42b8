/* lsm-test-utils.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <glib/gstdio.h>

#include "lsm-loader.h"
#include "lsm-test-utils.h"

/* The bundled data, as LSMAP_DATA_DIR names it for the tests. */
LsmCatalog *
lsm_test_load_bundled (void)
{
  g_autoptr(LsmLoader) loader = lsm_loader_new (g_getenv ("LSMAP_DATA_DIR"));
  g_autoptr(GError) error = NULL;
  LsmCatalog *catalog = lsm_loader_load (loader, NULL, &error);

  g_assert_no_error (error);
  return catalog;
}

void
lsm_test_remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

guint
lsm_test_count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;

  return n;
}

/* What a reader of the PDF gets as text (poppler's pdftotext). */
char *
lsm_test_pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return out;
}

void
lsm_test_assert_contains (const char *haystack,
                          const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” not found in:\n%s", needle, haystack);
}
