/* lsm-map-view-online.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-map-view"

#include "config.h"

#include "lsm-map-view-private.h"
#include "lsm-online-source.h"

/* The map view's online base map: raster tiles under the overlays, the district outlines of
 * the offline map drawn over them, the attribution once a tile is drawn, and the fall-back to
 * the offline map alone on the first failure. */

G_DEFINE_ENUM_TYPE (LsmOnlineState, lsm_online_state,
                    G_DEFINE_ENUM_VALUE (LSM_ONLINE_STATE_OFF, "off"),
                    G_DEFINE_ENUM_VALUE (LSM_ONLINE_STATE_LOADING, "loading"),
                    G_DEFINE_ENUM_VALUE (LSM_ONLINE_STATE_SHOWN, "shown"),
                    G_DEFINE_ENUM_VALUE (LSM_ONLINE_STATE_UNAVAILABLE, "unavailable"))

void
_lsm_map_view_remove_online (LsmMapView *self)
{
  ShumateMap *map = shumate_simple_map_get_map (self->map);

  if (self->online_layer != NULL)
    shumate_map_remove_layer (map, SHUMATE_LAYER (self->online_layer));
  if (self->outline_layer != NULL)
    shumate_map_remove_layer (map, SHUMATE_LAYER (self->outline_layer));
  if (self->online_credited)
    shumate_license_remove_map_source (shumate_simple_map_get_license (self->map), self->online_renderer);
  if (self->online_source != NULL)
    g_signal_handlers_disconnect_by_data (self->online_source, self);

  g_clear_handle_id (&self->online_failed_source, g_source_remove);
  self->online_credited = FALSE;
  self->online_layer = NULL;
  self->outline_layer = NULL;
  g_clear_object (&self->online_renderer);
  g_clear_object (&self->outline_source);
  g_clear_object (&self->online_source);
}

/**
 * lsm_map_view_get_online_state:
 * @self: a map view
 *
 * Returns: whether online tiles are asked for, drawn or unavailable
 */
LsmOnlineState
lsm_map_view_get_online_state (LsmMapView *self)
{
  g_return_val_if_fail (LSM_IS_MAP_VIEW (self), LSM_ONLINE_STATE_OFF);

  return self->online_state;
}

/* The attribution is there from the first tile drawn, not from the moment tiles are asked for. */
static void
on_online_received_cb (LsmMapView *self)
{
  if (self->online_credited || self->online_state != LSM_ONLINE_STATE_LOADING)
    return;

  self->online_credited = TRUE;
  shumate_license_append_map_source (shumate_simple_map_get_license (self->map), self->online_renderer);
  _lsm_map_view_set_online_state (self, LSM_ONLINE_STATE_SHOWN);
}

static gboolean
online_failed_idle_cb (gpointer data)
{
  LsmMapView *self = data;

  self->online_failed_source = 0;
  _lsm_map_view_remove_online (self);
  _lsm_map_view_set_online_state (self, LSM_ONLINE_STATE_UNAVAILABLE);

  return G_SOURCE_REMOVE;
}

/* A map half online, half offline would mislead, and libshumate would not ask again for the
 * failed tiles until they leave the view: on the first failure the online layer goes, with its
 * attribution, and the window says so. Out of the signal emission, which the layer's own tile
 * request is still waiting on. */
static void
on_online_tile_failed_cb (LsmMapView   *self,
                          const GError *error)
{
  g_debug ("The online map is unavailable: %s", error->message);
  if (self->online_failed_source == 0)
    self->online_failed_source = g_idle_add (online_failed_idle_cb, self);
}

static void
add_layer_below_overlays (LsmMapView   *self,
                          ShumateLayer *layer)
{
  ShumateMap *map = shumate_simple_map_get_map (self->map);

  /* Debian's libshumate 1.0.3 declares shumate_simple_map_insert_overlay_layer() but does
   * not export it; the map's own call does the same. */
  if (self->highlight != NULL)
    shumate_map_insert_layer_behind (map, layer, SHUMATE_LAYER (self->highlight));
  else
    shumate_map_add_layer (map, layer);
}

/**
 * lsm_map_view_set_online:
 * @self: a map view
 * @url_template: (nullable): an online raster tile address with {z}, {x}, {y}, or %NULL for the
 *   offline map only
 *
 * Shows online tiles with the district outlines and labels drawn over them, and adds their
 * attribution to the map once one is drawn. #LsmMapView:online-state follows what happens.
 *
 * Returns: (transfer none) (nullable): the online source, to watch for failures
 */
LsmOnlineSource *
lsm_map_view_set_online (LsmMapView *self,
                         const char *url_template)
{
  ShumateViewport *viewport;

  g_return_val_if_fail (LSM_IS_MAP_VIEW (self), NULL);

  _lsm_map_view_remove_online (self);
  g_free (self->online_url);
  self->online_url = g_strdup (url_template);

  if (url_template == NULL)
    _lsm_map_view_set_online_state (self, LSM_ONLINE_STATE_OFF);
  if (url_template == NULL || self->scene == NULL)
    return NULL;

  viewport = lsm_map_view_get_viewport (self);
  self->online_source = lsm_online_source_new (url_template);
  self->online_renderer = SHUMATE_MAP_SOURCE (shumate_raster_renderer_new_full ("lsmap-online", "OpenStreetMap",
                                                                                 "© OpenStreetMap contributors",
                                                                                 "https://www.openstreetmap.org/copyright",
                                                                                 0, 19, 256, SHUMATE_MAP_PROJECTION_MERCATOR,
                                                                                 SHUMATE_DATA_SOURCE (self->online_source)));
  g_signal_connect_object (self->online_source, "received-data", G_CALLBACK (on_online_received_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->online_source, "tile-failed", G_CALLBACK (on_online_tile_failed_cb), self,
                           G_CONNECT_SWAPPED);
  self->online_layer = shumate_map_layer_new (self->online_renderer, viewport);
  add_layer_below_overlays (self, SHUMATE_LAYER (self->online_layer));

  self->outline_source = SHUMATE_MAP_SOURCE (lsm_base_map_source_new_overlay (self->scene));
  self->outline_layer = shumate_map_layer_new (self->outline_source, viewport);
  add_layer_below_overlays (self, SHUMATE_LAYER (self->outline_layer));

  _lsm_map_view_set_online_state (self, LSM_ONLINE_STATE_LOADING);

  return self->online_source;
}
