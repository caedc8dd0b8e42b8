/* lsm-test-app.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include "lsm-test-app.h"
#include "lsm-window.h"

/* Helpers of the display suites: the real window on the bundled data, waited for as a user
 * would. */

gboolean
wait_for (gboolean (*condition) (gpointer), gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, TRUE);
    }

  return TRUE;
}

gboolean
catalog_loaded (gpointer data)
{
  return lsm_window_get_catalog (data) != NULL;
}

static gboolean
idle_done (gpointer data)
{
  return !g_main_context_pending (NULL);
}

void
settle (void)
{
  for (int i = 0; i < 5; i++)
    {
      wait_for (idle_done, NULL);
      g_usleep (10000);
    }
}

void
reset_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);
}

LsmWindow *
open_window (const char *path)
{
  LsmWindow *window;

  /* Every test starts as a first run; persistence has its own test. */
  reset_settings ();
  window = lsm_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 860);
  gtk_window_present (GTK_WINDOW (window));
  lsm_window_load (window, path);
  g_assert_true (wait_for (catalog_loaded, window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  settle ();

  return window;
}
