/* main.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "lsm-application.h"
#include "lsm-paths.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LsmApplication) app = NULL;
  const char *schema_dir = lsm_paths_get_schema_dir ();

  /* Run from the build tree, use the schema it compiled; set before anything reads settings. */
  if (schema_dir != NULL && g_getenv ("GSETTINGS_SCHEMA_DIR") == NULL)
    g_setenv ("GSETTINGS_SCHEMA_DIR", schema_dir, FALSE);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, lsm_paths_get_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = lsm_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
