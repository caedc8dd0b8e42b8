/* test-start.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "lsm-catalog.h"
#include "lsm-filter.h"
#include "lsm-loader.h"
#include "lsm-map-view.h"
#include "lsm-site-table.h"
#include "lsm-sites-layer.h"
#include "lsm-test-app.h"
#include "lsm-test-utils.h"
#include "lsm-window-private.h"

/* The start: what the window's first frame with the data shows, and what waits for later
 * still showing all it should once the user reaches it. */

typedef struct
{
  LsmWindow *window;
  gboolean   seen;
  double     zoom;        /* of the first frame that showed the data */
  guint      n_drawn;
  char      *overview;    /* the overview's labels then */
  gboolean   table_rows;  /* whether the hidden table's view had rows then */
} FirstFrame;

static void
on_after_paint_cb (GdkFrameClock *clock,
                   FirstFrame    *first)
{
  LsmWindow *window = first->window;
  LsmSitesLayer *layer;

  if (first->seen || lsm_window_get_catalog (window) == NULL)
    return;

  layer = lsm_map_view_get_sites_layer (window->map_view);
  first->seen = TRUE;
  first->zoom = shumate_viewport_get_zoom_level (lsm_map_view_get_viewport (window->map_view));
  first->n_drawn = layer != NULL ? lsm_sites_layer_get_n_drawn (layer) : 0;
  first->overview = shown_text (GTK_WIDGET (window->overview_panel));
  first->table_rows = g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (lsm_site_table_get_view (window->site_table)))) > 0;
}

static gboolean
first_frame_seen (gpointer data)
{
  return ((FirstFrame *) data)->seen;
}

/* As the application starts: the data's load begun before the window, handed to it. */
static LsmWindow *
open_started (FirstFrame *first)
{
  g_autoptr(LsmLoader) loader = lsm_loader_new (NULL);
  LsmWindow *window;

  reset_settings ();
  lsm_loader_start (loader);
  window = lsm_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 860);
  gtk_window_present (GTK_WINDOW (window));
  first->window = window;
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (on_after_paint_cb), first);
  lsm_window_load_from (window, NULL, loader);
  g_assert_true (wait_for (first_frame_seen, first));
  settle ();
  g_signal_handlers_disconnect_by_data (gtk_widget_get_frame_clock (GTK_WIDGET (window)), first);

  return window;
}

/* The first frame with the data already shows the province fitted with its sites, not the
 * viewport's default view; later frames keep that view. */
static void
test_start_first_frame_fits (void)
{
  FirstFrame first = { 0 };
  LsmWindow *window = open_started (&first);
  ShumateViewport *viewport = lsm_map_view_get_viewport (window->map_view);

  g_assert_cmpuint (g_list_model_get_n_items (lsm_catalog_get_sites (lsm_window_get_catalog (window))), ==, 40);
  g_assert_cmpuint (first.n_drawn, >, 0);
  g_assert_cmpfloat_with_epsilon (first.zoom, shumate_viewport_get_zoom_level (viewport), 1e-9);
  g_assert_cmpfloat (first.zoom, >, 8);
  g_assert_cmpuint (lsm_sites_layer_get_n_drawn (lsm_map_view_get_sites_layer (window->map_view)), ==,
                    first.n_drawn);

  g_free (first.overview);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_scrolled (GtkWidget  *widget,
             const char *unused)
{
  return GTK_IS_SCROLLED_WINDOW (widget);
}

/* The overview's first frame shows its top, not an empty panel; what lies below it (the
 * province's figures, the sources) comes right after, and then all of it is there. */
static void
test_start_overview_completes (void)
{
  FirstFrame first = { 0 };
  LsmWindow *window = open_started (&first);
  g_autofree char *later = shown_text (GTK_WIDGET (window->overview_panel));
  GtkAdjustment *adjustment;
  double bottom;

  lsm_test_assert_contains (first.overview, "40 sites: 36 on the map, 4 with no known location\n");
  lsm_test_assert_contains (first.overview, "Border gates\n6 sites\n");
  g_assert_null (strstr (first.overview, "Sources\n"));

  lsm_test_assert_contains (later, "Border gates\n6 sites\n");
  lsm_test_assert_contains (later, "Population\nabout 802 thousand people\n");
  lsm_test_assert_contains (later, "Sources\n1. ");

  /* Made anew when the filter changes, and completed again; scrolled down, the panel stays
   * where it was, its first frame made down to there. */
  adjustment = gtk_scrolled_window_get_vadjustment (
    GTK_SCROLLED_WINDOW (find_widget_matching (GTK_WIDGET (window->overview_panel), is_scrolled, NULL)));
  bottom = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
  g_assert_cmpfloat (bottom, >, 1000);
  gtk_adjustment_set_value (adjustment, bottom - 100);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  lsm_filter_set_sector_visible (window->filter, lsm_test_sector ("hydro"), FALSE);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, bottom - 100);
  settle ();
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, bottom - 100);
  g_free (later);
  later = shown_text (GTK_WIDGET (window->overview_panel));
  lsm_test_assert_contains (later, "Hydropower\n0 sites\n");
  lsm_test_assert_contains (later, "Sources\n1. ");

  g_free (first.overview);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The hidden table makes no rows for the first frame; shown, it has every site, its count and
 * the window's selection. */
static void
test_start_table_on_first_show (void)
{
  FirstFrame first = { 0 };
  LsmWindow *window = open_started (&first);
  LsmSiteTable *table = window->site_table;
  g_autofree char *text = NULL;
  LsmFeature *site = lsm_catalog_lookup_site (lsm_window_get_catalog (window), "nd-na-duong-1");

  g_assert_false (first.table_rows);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (table)));

  /* Selected while the table was hidden, picked in it once shown. */
  g_assert_nonnull (site);
  lsm_window_select (window, site, FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-table", NULL));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  settle ();

  g_assert_cmpuint (g_list_model_get_n_items (lsm_site_table_get_rows (table)), ==, 40);
  text = shown_text (GTK_WIDGET (table));
  lsm_test_assert_contains (text, "40 sites: 36 on the map, 4 with no known location\n");
  lsm_test_assert_contains (text, "Nhà máy nhiệt điện Na Dương I\n");
  g_assert_true (gtk_single_selection_get_selected_item (
                   GTK_SINGLE_SELECTION (gtk_column_view_get_model (lsm_site_table_get_view (table)))) == site);

  g_free (first.overview);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  init_display_test (&argc, &argv);

  g_test_add_func ("/lsm/start/first-frame-fits", test_start_first_frame_fits);
  g_test_add_func ("/lsm/start/overview-completes", test_start_overview_completes);
  g_test_add_func ("/lsm/start/table-on-first-show", test_start_table_on_first_show);

  return g_test_run ();
}
