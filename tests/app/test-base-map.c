/* test-base-map.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <math.h>
#include <string.h>

#include <adwaita.h>

#include "lsm-base-map-source.h"
#include "lsm-catalog.h"
#include "lsm-scene.h"
#include "lsm-test-app.h"
#include "lsm-test-utils.h"
#include "lsm-view.h"

/* The offline base map's tiles, drawn in workers: the same pixels as drawn one by one on this
 * thread, and a cancelled tile leaving nothing half made. */

#define STRIDE ((int) LSM_TILE_SIZE * 4)

static LsmCatalog *catalog;

typedef struct
{
  guint     x, y, zoom;
  guint     n_done;
  gboolean  filled;
  GError   *error;
} Fill;

static void
on_filled_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Fill *fill = user_data;

  fill->filled = shumate_map_source_fill_tile_finish (SHUMATE_MAP_SOURCE (object), result, &fill->error);
  fill->n_done++;
}

static void
wait_for_fills (Fill  *fills,
                guint  n)
{
  for (guint i = 0; i < n; i++)
    while (fills[i].n_done == 0)
      g_main_context_iteration (NULL, TRUE);
}

/* The tile as the scene draws it here, on a scene of its own whose labels are made here too. */
static guchar *
draw_here (LsmScene *scene,
           guint     x,
           guint     y,
           guint     zoom)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, LSM_TILE_SIZE, LSM_TILE_SIZE);
  guchar *pixels = g_malloc (STRIDE * (int) LSM_TILE_SIZE);
  cairo_t *cr = cairo_create (surface);
  LsmView view;

  lsm_view_init_tile (&view, x, y, zoom);
  lsm_scene_draw (scene, cr, &view, LSM_SCENE_BASE, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  g_assert_cmpint (cairo_image_surface_get_stride (surface), ==, STRIDE);
  memcpy (pixels, cairo_image_surface_get_data (surface), STRIDE * (int) LSM_TILE_SIZE);
  cairo_surface_destroy (surface);

  return pixels;
}

static void
assert_tile_pixels (ShumateTile *tile,
                    LsmScene    *reference)
{
  GdkPaintable *paintable = shumate_tile_get_paintable (tile);
  g_autofree guchar *pixels = g_malloc (STRIDE * (int) LSM_TILE_SIZE);
  g_autofree guchar *expected = NULL;

  g_assert_true (GDK_IS_TEXTURE (paintable));
  gdk_texture_download (GDK_TEXTURE (paintable), pixels, STRIDE);
  expected = draw_here (reference, shumate_tile_get_x (tile), shumate_tile_get_y (tile),
                        shumate_tile_get_zoom_level (tile));
  g_assert_true (memcmp (pixels, expected, STRIDE * (int) LSM_TILE_SIZE) == 0);
}

/* The tiles around the province's middle at @zoom, @side × @side of them. */
static void
tiles_around_province (guint  zoom,
                       guint  side,
                       Fill  *fills)
{
  double mx, my;
  guint x0, y0;

  lsm_mercator_from_lonlat (106.6, 21.85, &mx, &my);
  x0 = (guint) floor (mx * exp2 (zoom)) - side / 2;
  y0 = (guint) floor (my * exp2 (zoom)) - side / 2;
  for (guint i = 0; i < side * side; i++)
    fills[i] = (Fill) { x0 + i % side, y0 + i / side, zoom, 0, FALSE, NULL };
}

/* Asks for every tile of @fills in one turn of the main loop, as libshumate asks for those in view. */
static GPtrArray *
ask_for_tiles (LsmBaseMapSource *source,
               Fill             *fills,
               guint             n,
               GCancellable     *cancellable)
{
  GPtrArray *tiles = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      ShumateTile *tile = shumate_tile_new_full (fills[i].x, fills[i].y, LSM_TILE_SIZE, fills[i].zoom);

      g_ptr_array_add (tiles, tile);
      shumate_map_source_fill_tile_async (SHUMATE_MAP_SOURCE (source), tile, cancellable, on_filled_cb, &fills[i]);
    }

  return tiles;
}

static void
test_tiles_in_workers (void)
{
  /* Fresh scenes: no zoom's labels made yet, so the first tiles of each zoom make them, in
   * several threads at once. */
  g_autoptr(LsmScene) scene = lsm_scene_new (catalog);
  g_autoptr(LsmScene) reference = lsm_scene_new (catalog);
  g_autoptr(LsmBaseMapSource) source = lsm_base_map_source_new (scene);
  g_autoptr(GPtrArray) tiles = NULL;
  Fill fills[18];

  tiles_around_province (9, 3, fills);
  tiles_around_province (10, 3, fills + 9);
  tiles = ask_for_tiles (source, fills, G_N_ELEMENTS (fills), NULL);

  /* None drawn in that turn: the main loop goes on while workers draw. */
  g_assert_cmpuint (lsm_base_map_source_get_n_filled (source), ==, 0);
  g_assert_cmpuint (lsm_base_map_source_get_n_pending (source), ==, G_N_ELEMENTS (fills));
  for (guint i = 0; i < tiles->len; i++)
    g_assert_cmpint (shumate_tile_get_state (g_ptr_array_index (tiles, i)), !=, SHUMATE_STATE_DONE);

  wait_for_fills (fills, G_N_ELEMENTS (fills));
  g_assert_cmpuint (lsm_base_map_source_get_n_filled (source), ==, G_N_ELEMENTS (fills));
  g_assert_cmpuint (lsm_base_map_source_get_n_pending (source), ==, 0);
  for (guint i = 0; i < tiles->len; i++)
    {
      g_assert_no_error (fills[i].error);
      g_assert_true (fills[i].filled);
      g_assert_cmpint (shumate_tile_get_state (g_ptr_array_index (tiles, i)), ==, SHUMATE_STATE_DONE);
      assert_tile_pixels (g_ptr_array_index (tiles, i), reference);
    }
}

static void
test_cancelled_tile (void)
{
  g_autoptr(LsmScene) scene = lsm_scene_new (catalog);
  g_autoptr(LsmScene) reference = lsm_scene_new (catalog);
  g_autoptr(LsmBaseMapSource) source = lsm_base_map_source_new (scene);
  g_autoptr(GPtrArray) tiles = NULL;
  g_autoptr(GPtrArray) again_tiles = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Fill fills[9], again;

  /* Scrolled out of view at once: some cancelled before a worker took them, others while it
   * drew them (making this zoom's labels). */
  tiles_around_province (11, 3, fills);
  tiles = ask_for_tiles (source, fills, G_N_ELEMENTS (fills), cancellable);
  g_usleep (G_USEC_PER_SEC / 100);
  g_cancellable_cancel (cancellable);
  wait_for_fills (fills, G_N_ELEMENTS (fills));

  for (guint i = 0; i < G_N_ELEMENTS (fills); i++)
    {
      g_assert_error (fills[i].error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_assert_false (fills[i].filled);
      g_assert_cmpint (shumate_tile_get_state (g_ptr_array_index (tiles, i)), !=, SHUMATE_STATE_DONE);
      g_clear_error (&fills[i].error);
    }
  g_assert_cmpuint (lsm_base_map_source_get_n_filled (source), ==, 0);
  g_assert_cmpuint (lsm_base_map_source_get_n_pending (source), ==, 0);

  /* Asked for again, the tile is whole: its zoom's labels were not left half made. */
  again = (Fill) { fills[4].x, fills[4].y, fills[4].zoom, 0, FALSE, NULL };
  again_tiles = ask_for_tiles (source, &again, 1, NULL);
  wait_for_fills (&again, 1);
  g_assert_no_error (again.error);
  g_assert_true (again.filled);
  g_assert_cmpint (shumate_tile_get_state (g_ptr_array_index (again_tiles, 0)), ==, SHUMATE_STATE_DONE);
  assert_tile_pixels (g_ptr_array_index (again_tiles, 0), reference);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  init_display_test (&argc, &argv);
  catalog = lsm_test_load_bundled ();

  g_test_add_func ("/lsm/base-map/tiles-in-workers", test_tiles_in_workers);
  g_test_add_func ("/lsm/base-map/cancelled-tile", test_cancelled_tile);

  status = g_test_run ();
  g_clear_object (&catalog);

  return status;
}
