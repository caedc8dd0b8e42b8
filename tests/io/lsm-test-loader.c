/* lsm-test-loader.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <locale.h>
#include <string.h>

#include "lsm-loader.h"
#include "lsm-test-loader.h"
#include "lsm-test-utils.h"

LsmCatalog *
load_ok (const char *path)
{
  g_autoptr(LsmLoader) loader = lsm_loader_new (path);
  g_autoptr(GError) error = NULL;
  LsmCatalog *catalog;

  catalog = lsm_loader_load (loader, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (catalog);

  return catalog;
}

char *
mini_dir (void)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "mini", NULL);
}

void
assert_load_fails (const char *path,
                   int         code,
                   const char *message)
{
  g_autoptr(LsmLoader) loader = lsm_loader_new (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LsmCatalog) catalog = lsm_loader_load (loader, NULL, &error);

  g_assert_null (catalog);
  g_assert_error (error, LSM_LOADER_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, message));
}

/* What the main of each loader suite does first. */
void
loader_test_init (int    *argc,
                  char ***argv)
{
  g_autofree char *mini = NULL;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (argc, argv, NULL);

  /* What a single-file source lacks comes from the default data directory. */
  mini = mini_dir ();
  g_setenv ("LSMAP_DATA_DIR", mini, TRUE);
}
