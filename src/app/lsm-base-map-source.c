/* lsm-base-map-source.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-base-map-source"

#include "config.h"

#include <glib/gi18n.h>

#include "lsm-base-map-source.h"

/* The offline base map: districts, neighbours, border and labels drawn into 256 px tiles by the
 * scene renderer. libshumate caches the tiles, so panning costs what plain tiles cost; this is
 * also the viewport's reference source. */
struct _LsmBaseMapSource
{
  ShumateMapSource  parent_instance;

  LsmScene         *scene;
  LsmSceneParts     parts;
  guint             n_filled;
};

G_DEFINE_FINAL_TYPE (LsmBaseMapSource, lsm_base_map_source, SHUMATE_TYPE_MAP_SOURCE)

static GdkTexture *
render_tile (LsmBaseMapSource *self,
             guint             x,
             guint             y,
             guint             zoom)
{
  g_autoptr(GBytes) bytes = NULL;
  cairo_surface_t *surface;
  GdkTexture *texture;
  LsmView view;
  cairo_t *cr;

  lsm_view_init_tile (&view, x, y, zoom);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, LSM_TILE_SIZE, LSM_TILE_SIZE);
  cr = cairo_create (surface);
  lsm_scene_draw (self->scene, cr, &view, self->parts, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      cairo_image_surface_get_stride (surface) * LSM_TILE_SIZE,
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  texture = gdk_memory_texture_new (LSM_TILE_SIZE, LSM_TILE_SIZE, GDK_MEMORY_DEFAULT, bytes,
                                    cairo_image_surface_get_stride (surface));

  return texture;
}

static void
lsm_base_map_source_fill_tile_async (ShumateMapSource    *source,
                                     ShumateTile         *tile,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  LsmBaseMapSource *self = LSM_BASE_MAP_SOURCE (source);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GdkTexture) texture = NULL;

  g_task_set_source_tag (task, lsm_base_map_source_fill_tile_async);

  /* About a millisecond per tile: cheaper on this thread than a round trip to a worker. */
  texture = render_tile (self, shumate_tile_get_x (tile), shumate_tile_get_y (tile),
                         shumate_tile_get_zoom_level (tile));
  shumate_tile_set_paintable (tile, GDK_PAINTABLE (texture));
  shumate_tile_set_fade_in (tile, FALSE);
  shumate_tile_set_state (tile, SHUMATE_STATE_DONE);
  self->n_filled++;

  g_task_return_boolean (task, TRUE);
}

static gboolean
lsm_base_map_source_fill_tile_finish (ShumateMapSource  *source,
                                      GAsyncResult      *result,
                                      GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
lsm_base_map_source_finalize (GObject *object)
{
  LsmBaseMapSource *self = (LsmBaseMapSource *) object;

  g_clear_object (&self->scene);

  G_OBJECT_CLASS (lsm_base_map_source_parent_class)->finalize (object);
}

static void
lsm_base_map_source_class_init (LsmBaseMapSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ShumateMapSourceClass *source_class = SHUMATE_MAP_SOURCE_CLASS (klass);

  object_class->finalize = lsm_base_map_source_finalize;
  source_class->fill_tile_async = lsm_base_map_source_fill_tile_async;
  source_class->fill_tile_finish = lsm_base_map_source_fill_tile_finish;
}

static void
lsm_base_map_source_init (LsmBaseMapSource *self)
{
}

static LsmBaseMapSource *
make_source (LsmScene      *scene,
             const char    *id,
             const char    *name,
             const char    *license,
             LsmSceneParts  parts)
{
  LsmBaseMapSource *self;

  g_return_val_if_fail (LSM_IS_SCENE (scene), NULL);

  self = g_object_new (LSM_TYPE_BASE_MAP_SOURCE,
                       "id", id,
                       "name", name,
                       "license", license,
                       "min-zoom-level", 6,
                       "max-zoom-level", 17,
                       "tile-size", (guint) LSM_TILE_SIZE,
                       "projection", SHUMATE_MAP_PROJECTION_MERCATOR,
                       NULL);
  self->scene = g_object_ref (scene);
  self->parts = parts;

  return self;
}

/**
 * lsm_base_map_source_new:
 * @scene: what to draw
 *
 * Returns: (transfer full): a map source drawing @scene's base layers
 */
LsmBaseMapSource *
lsm_base_map_source_new (LsmScene *scene)
{
  return make_source (scene, "lsmap-offline", _("Offline map"),
                      _("Boundaries: Government of Viet Nam (gis.chinhphu.vn), via dvhcvn, GPL-3.0"),
                      LSM_SCENE_BASE);
}

/**
 * lsm_base_map_source_new_restyled:
 * @scene: what to draw
 * @serial: how many times the scene's style changed
 *
 * Returns: (transfer full): like lsm_base_map_source_new(), under an id of its own: tiles
 *   cached for the scene's earlier style (districts coloured by something else) are not reused
 */
LsmBaseMapSource *
lsm_base_map_source_new_restyled (LsmScene *scene,
                                  guint     serial)
{
  g_autofree char *id = g_strdup_printf ("lsmap-offline-%u", serial);

  return make_source (scene, id, _("Offline map"),
                      _("Boundaries: Government of Viet Nam (gis.chinhphu.vn), via dvhcvn, GPL-3.0"),
                      LSM_SCENE_BASE);
}

/**
 * lsm_base_map_source_new_overlay:
 * @scene: what to draw
 *
 * Returns: (transfer full): a map source with district outlines, the border and labels on a
 *   transparent background, to draw over online tiles
 */
LsmBaseMapSource *
lsm_base_map_source_new_overlay (LsmScene *scene)
{
  /* Its licence is the base map's, which the map already credits. */
  return make_source (scene, "lsmap-offline-outlines", _("District outlines"), NULL,
                      LSM_SCENE_CONTEXT | LSM_SCENE_DISTRICTS | LSM_SCENE_LABELS | LSM_SCENE_NO_FILLS);
}

/**
 * lsm_base_map_source_get_n_filled:
 * @self: a source
 *
 * Returns: how many tiles it has drawn, for tests and benchmarks
 */
guint
lsm_base_map_source_get_n_filled (LsmBaseMapSource *self)
{
  g_return_val_if_fail (LSM_IS_BASE_MAP_SOURCE (self), 0);

  return self->n_filled;
}
