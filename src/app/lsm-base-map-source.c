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
 * also the viewport's reference source. Tiles are drawn in workers: libshumate asks for every
 * tile in view in one turn, and a new zoom's labels are laid out by the first of them, which on
 * the main loop was a stall of up to a second with 100k sites. */
struct _LsmBaseMapSource
{
  ShumateMapSource  parent_instance;

  LsmScene         *scene;
  LsmSceneParts     parts;
  guint             n_filled;
  guint             n_pending;
};

typedef struct
{
  ShumateTile *tile;
  guint        x, y, zoom;
} TileRequest;

static void
tile_request_free (TileRequest *request)
{
  g_object_unref (request->tile);
  g_free (request);
}

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
draw_tile_in_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  TileRequest *request = task_data;

  /* A tile scrolled out of view before a worker took it is never drawn. The scene's caches are
   * made whole or not at all, so a cancel during the draw only throws the pixels away. */
  if (g_task_return_error_if_cancelled (task))
    return;

  g_task_return_pointer (task, render_tile (source_object, request->x, request->y, request->zoom),
                         g_object_unref);
}

static void
on_tile_drawn_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  LsmBaseMapSource *self = LSM_BASE_MAP_SOURCE (object);
  g_autoptr(GTask) task = user_data;
  TileRequest *request = g_task_get_task_data (task);
  g_autoptr(GdkTexture) texture = NULL;
  GError *error = NULL;

  self->n_pending--;
  texture = g_task_propagate_pointer (G_TASK (result), &error);
  if (texture == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  shumate_tile_set_paintable (request->tile, GDK_PAINTABLE (texture));
  shumate_tile_set_fade_in (request->tile, FALSE);
  shumate_tile_set_state (request->tile, SHUMATE_STATE_DONE);
  self->n_filled++;

  g_task_return_boolean (task, TRUE);
}

static void
lsm_base_map_source_fill_tile_async (ShumateMapSource    *source,
                                     ShumateTile         *tile,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  LsmBaseMapSource *self = LSM_BASE_MAP_SOURCE (source);
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GTask) draw = NULL;
  TileRequest *request = g_new0 (TileRequest, 1);

  g_task_set_source_tag (task, lsm_base_map_source_fill_tile_async);
  request->tile = g_object_ref (tile);
  request->x = shumate_tile_get_x (tile);
  request->y = shumate_tile_get_y (tile);
  request->zoom = shumate_tile_get_zoom_level (tile);
  g_task_set_task_data (task, request, (GDestroyNotify) tile_request_free);

  /* The tile is set on this thread, where libshumate reads it; the worker only draws. */
  draw = g_task_new (self, cancellable, on_tile_drawn_cb, task);
  g_task_set_source_tag (draw, draw_tile_in_thread);
  /* Owned by the task, which the draw's callback keeps until the draw is done. */
  g_task_set_task_data (draw, request, NULL);
  self->n_pending++;
  g_task_run_in_thread (draw, draw_tile_in_thread);
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
/* The id keys libshumate's tile cache, so each set of units gets its own. */
static char *
units_source_id (LsmScene   *scene,
                 const char *base)
{
  LsmUnits units = lsm_scene_get_units (scene);

  if (units == LSM_UNITS_DISTRICTS)
    return g_strdup (base);

  return g_strconcat (base, "-", lsm_units_get_id (units), NULL);
}

LsmBaseMapSource *
lsm_base_map_source_new (LsmScene *scene)
{
  g_autofree char *id = NULL;
  g_autoptr(GString) license = NULL;
  const char *credit;

  g_return_val_if_fail (LSM_IS_SCENE (scene), NULL);

  id = units_source_id (scene, "lsmap-offline");
  license = g_string_new (_("Boundaries: Government of Viet Nam (gis.chinhphu.vn), via dvhcvn, GPL-3.0"));
  if ((credit = lsm_units_get_credit (lsm_scene_get_units (scene))) != NULL)
    g_string_append_printf (license, "\n%s", credit);

  return make_source (scene, id, _("Offline map"), license->str, LSM_SCENE_BASE);
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
  g_autofree char *id = NULL;

  g_return_val_if_fail (LSM_IS_SCENE (scene), NULL);

  id = units_source_id (scene, "lsmap-offline-outlines");
  return make_source (scene, id, _("District outlines"), NULL,
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

/**
 * lsm_base_map_source_get_n_pending:
 * @self: a source
 *
 * Returns: how many tiles asked for are still being drawn, for tests and benchmarks
 */
guint
lsm_base_map_source_get_n_pending (LsmBaseMapSource *self)
{
  g_return_val_if_fail (LSM_IS_BASE_MAP_SOURCE (self), 0);

  return self->n_pending;
}
