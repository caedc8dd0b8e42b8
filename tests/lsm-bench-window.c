/* lsm-bench-window.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The bench's window part: a real window loading large data, the longest main-loop gap while it
 * loads and installs, and the memory a cancelled load leaves. */

#include "config.h"

#include <malloc.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "lsm-bench.h"
#include "lsm-catalog.h"
#include "lsm-map-view.h"
#include "lsm-sites-layer.h"
#include "lsm-turn-log.h"
#include "lsm-window-private.h"

/* The longest main-loop gap while the window loads and installs large data. */
typedef struct
{
  gint64 last;
  gint64 longest;
} Watchdog;

static gboolean
watchdog_tick (gpointer data)
{
  Watchdog *dog = data;
  gint64 now = g_get_monotonic_time ();

  dog->longest = MAX (dog->longest, now - dog->last);
  dog->last = now;
  return G_SOURCE_CONTINUE;
}

static gboolean
window_shows_sites (LsmWindow *window)
{
  LsmSitesLayer *layer;

  if (lsm_window_get_catalog (window) == NULL)
    return FALSE;
  layer = lsm_map_view_get_sites_layer (window->map_view);
  return lsm_sites_layer_is_ready (layer)
         && lsm_sites_layer_get_n_drawn (layer) + lsm_sites_layer_get_n_clusters (layer) > 0;
}

void
lsm_bench_window_load (const char *path,
                       guint       n_sites)
{
  LsmWindow *window = lsm_window_new (NULL);
  Watchdog dog = { 0, 0 };
  gint64 start, shown, settled;
  guint source;
  guint n_long;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  lsm_turn_log_reset ();
  start = dog.last = g_get_monotonic_time ();
  source = g_timeout_add (5, watchdog_tick, &dog);
  lsm_window_load (window, path);
  while (!window_shows_sites (window))
    g_main_context_iteration (NULL, TRUE);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  shown = g_get_monotonic_time ();
  /* The base map's tiles for the new scene come after the sites are drawn: keep watching. */
  settled = shown + 2 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < settled)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  g_source_remove (source);

  g_print ("| %u, GeoPackage | %.0f | %.0f |\n", n_sites, (shown - start) / 1000.0,
           dog.longest / 1000.0);
  if (lsm_turn_log_get_longest (&n_long) > 0)
    g_printerr ("%u main-loop turns over 50 ms, the longest %.0f ms (each logged above)\n", n_long,
                lsm_turn_log_get_longest (NULL));
  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static double
trimmed_resident_mib (void)
{
  malloc_trim (0);
  return lsm_bench_resident_bytes () / (1024.0 * 1024.0);
}

/* Runs the main loop for @ms, so that what a cancel let go of is gone. */
static void
run_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE), g_usleep (1000);
}

int
lsm_bench_window_cancel_only (guint n_sites)
{
  g_autofree char *gpkg = lsm_bench_cached_gpkg (n_sites);
  LsmWindow *window = lsm_window_new (NULL);
  GtkWidget *cancel;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  cancel = find_button (GTK_WIDGET (window->stack), _("_Cancel"));
  g_assert_nonnull (cancel);
  g_print ("| %u sites, window | resident (MiB) | note |\n|---|---:|---|\n", n_sites);
  g_print ("| before any load | %.0f | |\n", trimmed_resident_mib ());

  lsm_window_load (window, gpkg);
  while (gtk_progress_bar_get_fraction (window->load_progress) < 0.5)
    g_main_context_iteration (NULL, TRUE);
  g_signal_emit_by_name (cancel, "clicked");
  run_for (5000);
  g_print ("| cancelled while read (at half) | %.0f | page %s |\n", trimmed_resident_mib (),
           gtk_stack_get_visible_child_name (window->stack));

  lsm_window_load (window, gpkg);
  while (window->making_scene == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_signal_emit_by_name (cancel, "clicked");
  run_for (20000);
  g_print ("| cancelled while installed | %.0f | page %s, %u layers |\n", trimmed_resident_mib (),
           gtk_stack_get_visible_child_name (window->stack),
           g_list_model_get_n_items (lsm_window_get_layers (window)));

  lsm_window_load (window, NULL);
  while (!window_shows_sites (window))
    g_main_context_iteration (NULL, TRUE);
  run_for (2000);
  g_print ("| then the bundled data | %.0f | %u sites shown |\n", trimmed_resident_mib (),
           g_list_model_get_n_items (lsm_catalog_get_sites (lsm_window_get_catalog (window))));
  gtk_window_destroy (GTK_WINDOW (window));

  return 0;
}

int
lsm_bench_window_load_only (guint n_sites)
{
  g_autofree char *gpkg = lsm_bench_cached_gpkg (n_sites);

  lsm_turn_log_install (50);
  g_print ("lsmap window load — GSK renderer %s\n",
           g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "default");
  g_print ("\n| window loading large data | to sites drawn (ms) | longest main-loop stall (ms) |\n|---|---:|---:|\n");
  lsm_bench_window_load (gpkg, n_sites);

  return 0;
}
