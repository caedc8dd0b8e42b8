/* test-loader-start.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <locale.h>

#include <gio/gio.h>

#include "lsm-catalog.h"
#include "lsm-loader.h"

/* A load begun before anyone asks for it (the application starts the data's load beside
 * GTK's own start): the one who asks later gets that load's result, once, and nothing is read
 * twice. */

static char *
mini_dir (void)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "mini", NULL);
}

static void
on_progress_notify (LsmLoader  *loader,
                    GParamSpec *pspec,
                    guint      *n_notified)
{
  (*n_notified)++;
}

static void
on_loaded (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static LsmCatalog *
ask (LsmLoader     *loader,
     GCancellable  *cancellable,
     GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  lsm_loader_load_async (loader, cancellable, on_loaded, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return lsm_loader_load_finish (loader, result, error);
}

static gboolean
timed_out_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Asked after the started load has finished: its result, with no second read. */
static void
test_loader_start_then_ask (void)
{
  g_autofree char *dir = mini_dir ();
  g_autoptr(LsmLoader) loader = lsm_loader_new (dir);
  g_autoptr(LsmCatalog) catalog = NULL;
  g_autoptr(LsmCatalog) again = NULL;
  g_autoptr(GError) error = NULL;
  guint n_notified = 0, n_started;
  gboolean waited = FALSE;

  g_signal_connect (loader, "notify::progress", G_CALLBACK (on_progress_notify), &n_notified);
  lsm_loader_start (loader);
  while (lsm_loader_get_progress (loader) < 1.0)
    g_main_context_iteration (NULL, TRUE);
  /* Time for the worker to hand its result to this thread. */
  g_timeout_add (100, timed_out_cb, &waited);
  while (!waited)
    g_main_context_iteration (NULL, TRUE);
  n_started = n_notified;
  g_assert_cmpuint (n_started, >, 0);

  catalog = ask (loader, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (lsm_catalog_get_sites (catalog)), ==, 6);
  g_assert_cmpuint (n_notified, ==, n_started);

  /* Handed over once: asking again reads the data again. */
  again = ask (loader, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (again != catalog);
  g_assert_cmpuint (g_list_model_get_n_items (lsm_catalog_get_sites (again)), ==, 6);
  g_assert_cmpuint (n_notified, >, n_started);
}

/* Asked while the started load still runs: its result when it ends. */
static void
test_loader_start_ask_at_once (void)
{
  g_autofree char *dir = mini_dir ();
  g_autoptr(LsmLoader) loader = lsm_loader_new (dir);
  g_autoptr(LsmCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;

  lsm_loader_start (loader);
  catalog = ask (loader, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (lsm_catalog_get_sites (catalog)), ==, 6);
}

/* The asker's cancellable cancels the started load. */
static void
test_loader_start_cancel (void)
{
  g_autofree char *dir = mini_dir ();
  g_autoptr(LsmLoader) loader = lsm_loader_new (dir);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(LsmCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;

  lsm_loader_start (loader);
  g_cancellable_cancel (cancellable);
  catalog = ask (loader, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (catalog);
}

/* What cannot be read fails as it would have without the early start. */
static void
test_loader_start_error (void)
{
  g_autofree char *dir = g_build_filename (g_get_tmp_dir (), "lsmap-no-such-data-dir", NULL);
  g_autoptr(LsmLoader) loader = lsm_loader_new (dir);
  g_autoptr(LsmCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;

  lsm_loader_start (loader);
  catalog = ask (loader, NULL, &error);
  g_assert_null (catalog);
  g_assert_error (error, LSM_LOADER_ERROR, LSM_LOADER_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *mini = NULL;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  mini = g_test_build_filename (G_TEST_DIST, "fixtures", "mini", NULL);
  g_setenv ("LSMAP_DATA_DIR", mini, TRUE);

  g_test_add_func ("/lsm/loader-start/then-ask", test_loader_start_then_ask);
  g_test_add_func ("/lsm/loader-start/ask-at-once", test_loader_start_ask_at_once);
  g_test_add_func ("/lsm/loader-start/cancel", test_loader_start_cancel);
  g_test_add_func ("/lsm/loader-start/error", test_loader_start_error);

  return g_test_run ();
}
