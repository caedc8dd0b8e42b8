/* lsm-paths.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-paths"

#include "config.h"

#include <string.h>

#include "lsm-paths.h"

/* Where the data, the translations and the settings schema are. An installed lsmap uses the
 * installed ones; one started from its build tree (its executable lies under the build root
 * meson wrote into config.h) uses the source tree's data/ and what the build made, so that
 * `_build/src/lsmap` works right after building. The LSMAP_* variables override both. */

static gboolean
path_is_under (const char *path,
               const char *root)
{
  gsize len = strlen (root);

  return strncmp (path, root, len) == 0 && (path[len] == G_DIR_SEPARATOR || path[len] == '\0');
}

/**
 * lsm_paths_is_uninstalled:
 *
 * Returns: whether this program runs from its build tree
 */
gboolean
lsm_paths_is_uninstalled (void)
{
  static gsize result = 0;

  if (g_once_init_enter (&result))
    {
      g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
      g_autofree char *root = g_canonicalize_filename (LSM_BUILD_ROOT, NULL);
      gboolean uninstalled = exe != NULL && path_is_under (exe, root);

      g_debug ("Running %s", uninstalled ? "from the build tree" : "installed");
      g_once_init_leave (&result, uninstalled ? 2 : 1);
    }

  return result == 2;
}

static const char *
from_env (const char *name)
{
  const char *value = g_getenv (name);

  return value != NULL && *value != '\0' ? value : NULL;
}

/**
 * lsm_paths_get_data_dir:
 *
 * Returns: the data folder used when none is given: $LSMAP_DATA_DIR, the source tree's data/
 *   when uninstalled, else the installed one
 */
const char *
lsm_paths_get_data_dir (void)
{
  const char *dir = from_env ("LSMAP_DATA_DIR");

  if (dir != NULL)
    return dir;

  return lsm_paths_is_uninstalled () ? LSM_SOURCE_ROOT G_DIR_SEPARATOR_S "data" : PKGDATADIR;
}

/**
 * lsm_paths_get_locale_dir:
 *
 * Returns: where the translations are: $LSMAP_LOCALEDIR, the build tree's po/ when
 *   uninstalled, else the installed ones
 */
const char *
lsm_paths_get_locale_dir (void)
{
  const char *dir = from_env ("LSMAP_LOCALEDIR");

  if (dir != NULL)
    return dir;

  return lsm_paths_is_uninstalled () ? LSM_BUILD_ROOT G_DIR_SEPARATOR_S "po" : LOCALEDIR;
}

/**
 * lsm_paths_get_schema_dir:
 *
 * Returns: (nullable): the build tree's compiled GSettings schema when uninstalled, else %NULL
 *   (the installed schema is found the usual way)
 */
const char *
lsm_paths_get_schema_dir (void)
{
  return lsm_paths_is_uninstalled () ? LSM_BUILD_ROOT G_DIR_SEPARATOR_S "data" : NULL;
}
