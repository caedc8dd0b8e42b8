/* lsm-test-window.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <adwaita.h>

#include "lsm-base-map-source.h"
#include "lsm-catalog.h"
#include "lsm-map-view.h"
#include "lsm-sites-layer.h"
#include "lsm-test-app.h"
#include "lsm-test-window.h"
#include "lsm-window-private.h"

void
collect_labels (GtkWidget *widget,
                GString   *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    {
      g_string_append (text, gtk_label_get_text (GTK_LABEL (widget)));
      g_string_append_c (text, '\n');
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_labels (child, text);
}

char *
panel_text (LsmWindow *window)
{
  GString *text = g_string_new (NULL);

  collect_labels (GTK_WIDGET (window->detail_panel), text);
  return g_string_free (text, FALSE);
}

LsmSitesLayer *
sites_layer (LsmWindow *window)
{
  return lsm_map_view_get_sites_layer (window->map_view);
}

void
click_site (LsmWindow  *window,
            const char *id)
{
  LsmFeature *site = lsm_catalog_lookup_site (lsm_window_get_catalog (window), id);
  LsmSitesLayer *layer = sites_layer (window);
  double x, y;

  g_assert_nonnull (site);
  g_assert_true (lsm_sites_layer_get_position (layer, site, &x, &y));

  /* The layer answers pointer events at its symbols only, so drags elsewhere pan the map. */
  g_assert_true (gtk_widget_contains (GTK_WIDGET (layer), x, y));
  g_assert_true (lsm_sites_layer_pick (layer, x, y) == site);
  g_assert_true (lsm_map_view_activate_at (window->map_view, x, y));
  settle ();
}

gboolean
tiles_ready (gpointer data)
{
  ShumateMapSource *source = lsm_map_view_get_base_source (data);

  /* Tiles are drawn in workers: wait for all those asked for, not only the first. */
  return source != NULL && lsm_base_map_source_get_n_filled (LSM_BASE_MAP_SOURCE (source)) > 0
         && lsm_base_map_source_get_n_pending (LSM_BASE_MAP_SOURCE (source)) == 0;
}

/* The map as drawn on screen, once its base tiles are in, as ARGB pixels. */
guint32 *
map_pixels (LsmWindow *window,
            int       *width,
            int       *height)
{
  GtkWidget *map = GTK_WIDGET (window->map_view);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  graphene_rect_t bounds;
  guint32 *pixels;

  g_assert_true (wait_for (tiles_ready, window->map_view));
  settle ();
  gtk_test_widget_wait_for_draw (map);

  *width = gtk_widget_get_width (map);
  *height = gtk_widget_get_height (map);
  paintable = gtk_widget_paintable_new (map);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, *width, *height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  bounds = GRAPHENE_RECT_INIT (0, 0, *width, *height);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node, &bounds);
  pixels = g_new (guint32, *width * *height);
  gdk_texture_download (texture, (guchar *) pixels, *width * 4);

  return pixels;
}
