/* lsm-test-cli.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "lsm-test-cli.h"
#include "lsm-test-utils.h"

/* The locale run_lsmap gives the program: C, or Vietnamese with its translation. */
gboolean run_in_vietnamese;

int
run_lsmap_argv (char       **out,
                char       **err,
                GStrv        envp,
                const char  *first_arg,
                va_list      args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_ptr_array_add (argv, (char *) g_getenv ("LSMAP"));
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                out, err, &status, &error);
  g_assert_no_error (error);

  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

GStrv
cli_environ (void)
{
  g_auto(GStrv) envp = g_get_environ ();

  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  envp = g_environ_setenv (envp, "LC_ALL", run_in_vietnamese ? "vi_VN.UTF-8" : "C.UTF-8", TRUE);
  if (run_in_vietnamese)
    {
      g_autofree char *localedir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "po", NULL);

      envp = g_environ_setenv (envp, "LANGUAGE", "vi", TRUE);
      envp = g_environ_setenv (envp, "LSMAP_LOCALEDIR", localedir, TRUE);
    }

  return g_steal_pointer (&envp);
}

/* Runs the real lsmap binary, as a user would, without a display. */
int
run_lsmap (char       **out,
           char       **err,
           const char  *first_arg,
           ...)
{
  g_auto(GStrv) envp = cli_environ ();
  va_list args;
  int status;

  va_start (args, first_arg);
  status = run_lsmap_argv (out, err, envp, first_arg, args);
  va_end (args);

  return status;
}

JsonArray *
list_json (JsonNode   **root_out,
           const char  *first_filter,
           const char  *second_filter)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  int rc;

  rc = run_lsmap (&out, &err, "--list", "--format=json", first_filter, second_filter, NULL);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (rc, ==, 0);

  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  *root_out = json_node_copy (json_parser_get_root (parser));
  g_assert_true (JSON_NODE_HOLDS_ARRAY (*root_out));

  return json_node_get_array (*root_out);
}

JsonObject *
find_site (JsonArray  *sites,
           const char *id)
{
  for (guint i = 0; i < json_array_get_length (sites); i++)
    {
      JsonObject *site = json_array_get_object_element (sites, i);

      if (g_str_equal (json_object_get_string_member (site, "id"), id))
        return site;
    }

  return NULL;
}
