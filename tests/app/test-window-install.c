/* test-window-install.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "lsm-catalog.h"
#include "lsm-feature.h"
#include "lsm-layer.h"
#include "lsm-test-app.h"
#include "lsm-window-private.h"

/* What the window does while new data is installed: the layers are merged and the scene made
 * in a worker thread, and only then shown. A user may hide a layer or press Cancel meanwhile. */

static gboolean
merge_shown (gpointer data)
{
  LsmWindow *window = data;

  return window->making_scene == NULL && lsm_window_get_catalog (window) != NULL;
}

static guint
n_sites_shown (LsmWindow *window)
{
  return g_list_model_get_n_items (lsm_catalog_get_sites (lsm_window_get_catalog (window)));
}

static guint
n_layer_sites (LsmWindow *window,
               guint      position)
{
  g_autoptr(LsmLayer) layer = g_list_model_get_item (lsm_window_get_layers (window), position);

  return g_list_model_get_n_items (lsm_catalog_get_sites (lsm_layer_get_catalog (layer)));
}

static gboolean
two_layers_shown (gpointer data)
{
  LsmWindow *window = data;

  return merge_shown (window) && g_list_model_get_n_items (lsm_window_get_layers (window)) == 2
         && n_sites_shown (window) == n_layer_sites (window, 0) + n_layer_sites (window, 1);
}

/* A site looked at stays selected, in the panel, on the map and in the list, when another
 * layer is hidden: however often it is toggled while its merge is being made. */
static void
test_install_selection_kept (void)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "user-sites.geojson", NULL);
  g_autoptr(LsmWindow) window = g_object_ref (open_window (NULL));
  g_autoptr(LsmFeature) site = NULL;
  g_autoptr(LsmLayer) user = NULL;
  g_autoptr(LsmLayer) base = NULL;
  guint n_bundled;

  lsm_window_add_layer (window, fixture);
  g_assert_true (wait_for (two_layers_shown, window));
  settle ();
  n_bundled = n_layer_sites (window, 0);
  base = g_list_model_get_item (lsm_window_get_layers (window), 0);
  /* The bundled site of the last row: a list that shows its rows a few at a time selects it
   * late. */
  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (window->selection)); i > 0 && site == NULL; i--)
    {
      g_autoptr(LsmFeature) row = g_list_model_get_item (G_LIST_MODEL (window->selection), i - 1);

      if (lsm_catalog_lookup_site (lsm_layer_get_catalog (base), lsm_feature_get_id (row)) == row)
        site = g_steal_pointer (&row);
    }
  g_assert_nonnull (site);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->selection)), >, 16 + 1);
  lsm_window_select (window, site, FALSE);
  settle ();
  g_assert_true (lsm_detail_panel_get_feature (window->detail_panel) == site);

  user = g_list_model_get_item (lsm_window_get_layers (window), 1);
  lsm_layer_set_visible (user, FALSE);
  g_assert_nonnull (window->making_scene);
  /* Toggled twice more before the first merge is shown: the last state is what shows. */
  lsm_layer_set_visible (user, TRUE);
  lsm_layer_set_visible (user, FALSE);
  g_assert_true (wait_for (merge_shown, window));
  settle ();

  g_assert_cmpuint (n_sites_shown (window), ==, n_bundled);
  g_assert_true (lsm_detail_panel_get_feature (window->detail_panel) == site);
  g_assert_true (lsm_map_view_get_selected (window->map_view) == site);
  g_assert_true (gtk_single_selection_get_selected_item (window->selection) == site);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->detail_panel)));

  /* Shown again: all of both, the site still looked at. */
  lsm_layer_set_visible (user, TRUE);
  g_assert_true (wait_for (two_layers_shown, window));
  settle ();
  g_assert_true (lsm_detail_panel_get_feature (window->detail_panel) == site);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
scene_in_making (gpointer data)
{
  return LSM_WINDOW (data)->making_scene != NULL;
}

static gboolean
is_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static gboolean
tick_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Nothing may be left to wake the main loop once the catalog is gone (or if it never goes):
 * a tick does, so the wait ends at its deadline. */
static gboolean
wait_until_gone (gpointer *object)
{
  guint tick = g_timeout_add (100, tick_cb, NULL);
  gboolean gone = wait_for (is_gone, object);

  g_source_remove (tick);
  return gone;
}

static gboolean
is_button_labelled (GtkWidget  *widget,
                    const char *label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* Cancel pressed once the data is read, while its scene is being made: the data is not shown
 * after all, nothing of it is kept, and the window loads other data as before. */
static void
test_install_cancel (void)
{
  g_autoptr(LsmWindow) window = NULL;
  gpointer catalog = NULL;
  GtkWidget *cancel;

  reset_settings ();
  window = g_object_ref (lsm_window_new (NULL));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 860);
  gtk_window_present (GTK_WINDOW (window));
  lsm_window_load (window, NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "loading");

  g_assert_true (wait_for (scene_in_making, window));
  {
    g_autoptr(LsmLayer) base = g_list_model_get_item (lsm_window_get_layers (window), 0);

    catalog = lsm_layer_get_catalog (base);
    g_object_add_weak_pointer (catalog, &catalog);
  }
  cancel = find_widget_matching (GTK_WIDGET (window->stack), is_button_labelled, _("_Cancel"));
  g_assert_nonnull (cancel);
  g_assert_true (gtk_widget_is_drawable (cancel));
  g_signal_emit_by_name (cancel, "clicked");

  g_assert_true (wait_until_gone (&catalog));
  settle ();
  g_assert_null (lsm_window_get_catalog (window));
  g_assert_cmpuint (g_list_model_get_n_items (lsm_window_get_layers (window)), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "error");

  /* The bundled data opened again: the window is as new. */
  lsm_window_load (window, NULL);
  g_assert_true (wait_for (merge_shown, window));
  settle ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "map");
  g_assert_cmpuint (g_list_model_get_n_items (lsm_window_get_layers (window)), ==, 1);
  g_assert_cmpuint (n_sites_shown (window), ==, n_layer_sites (window, 0));
  g_assert_cmpuint (n_sites_shown (window), >, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  init_display_test (&argc, &argv);

  g_test_add_func ("/lsm/window-install/selection-kept", test_install_selection_kept);
  g_test_add_func ("/lsm/window-install/cancel", test_install_cancel);

  return g_test_run ();
}
