/* test-scene.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <locale.h>
#include <math.h>

#include "lsm-catalog.h"
#include "lsm-feature.h"
#include "lsm-filter.h"
#include "lsm-loader.h"
#include "lsm-scene.h"
#include "lsm-style.h"
#include "lsm-test-utils.h"

static LsmCatalog *catalog;

typedef struct
{
  cairo_surface_t *surface;
  LsmView          view;
} Render;

static void
render_clear (Render *render)
{
  g_clear_pointer (&render->surface, cairo_surface_destroy);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Render, render_clear)

static void
render_province (Render        *render,
                 LsmScene      *scene,
                 LsmSceneParts  parts,
                 LsmFilter     *filter)
{
  LsmBounds bounds;
  cairo_t *cr;

  g_assert_true (lsm_catalog_get_bounds (catalog, &bounds));
  lsm_view_init_fit (&render->view, &bounds, 1100, 1000, 20, 1.0);
  render->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1100, 1000);
  cr = cairo_create (render->surface);
  lsm_scene_draw (scene, cr, &render->view, parts, filter);
  cairo_destroy (cr);
  cairo_surface_flush (render->surface);
}

static guint32
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  return *(const guint32 *) (const void *) (data + (int) round (y) * stride + 4 * (int) round (x));
}

static const LsmPlacement *
find_placement (GArray     *placements,
                const char *id)
{
  for (guint i = 0; i < placements->len; i++)
    {
      const LsmPlacement *p = &g_array_index (placements, LsmPlacement, i);

      if (g_str_equal (lsm_feature_get_id (p->site), id))
        return p;
    }

  return NULL;
}

static void
test_scene_sites_in_their_colours (void)
{
  g_autoptr(LsmScene) scene = lsm_scene_new (catalog);
  g_auto(Render) render = { 0 };
  g_autoptr(GArray) placements = NULL;
  guint n_checked = 0;

  render_province (&render, scene, LSM_SCENE_ALL, NULL);
  placements = lsm_scene_place_sites (scene, &render.view, NULL, NULL);
  /* The 36 located sites but the 15 known only to their district. */
  g_assert_cmpuint (placements->len, ==, 21);
  for (guint i = 0; i < placements->len; i++)
    g_assert_cmpint (lsm_feature_get_precision (g_array_index (placements, LsmPlacement, i).site), !=,
                     LSM_PRECISION_DISTRICT);

  /* Solid symbols (exact or approximate positions) have the sector colour at their centre. */
  for (guint i = 0; i < placements->len; i++)
    {
      const LsmPlacement *p = &g_array_index (placements, LsmPlacement, i);
      LsmPrecision precision = lsm_feature_get_precision (p->site);
      LsmSector sector = lsm_feature_get_sector (p->site);

      if (precision != LSM_PRECISION_EXACT && precision != LSM_PRECISION_APPROX)
        continue;
      if (sector == lsm_test_sector ("other") || sector == lsm_test_sector ("quarry"))
        continue; /* a ring and a cross have no fill at their centre */

      if (!lsm_test_rgb_near (pixel_at (render.surface, p->x, p->y), lsm_style_get_sector_argb (sector)))
        g_error ("%s at %.0f,%.0f is %08x, not %08x", lsm_feature_get_id (p->site), p->x, p->y,
                 pixel_at (render.surface, p->x, p->y), lsm_style_get_sector_argb (sector));
      n_checked++;
    }

  g_assert_cmpuint (n_checked, >=, 5);
}

static void
test_scene_filter (void)
{
  g_autoptr(LsmScene) scene = lsm_scene_new (catalog);
  g_autoptr(LsmFilter) filter = lsm_filter_new (lsm_catalog_get_sites (catalog));
  g_auto(Render) all = { 0 };
  g_auto(Render) hydro = { 0 };
  g_autoptr(GArray) placements = NULL;
  g_autoptr(GArray) hydro_placements = NULL;
  const LsmPlacement *na_duong;
  guint32 thermal = lsm_style_get_sector_argb (lsm_test_sector ("thermal"));

  render_province (&all, scene, LSM_SCENE_ALL, NULL);
  placements = lsm_scene_place_sites (scene, &all.view, NULL, NULL);
  na_duong = find_placement (placements, "nd-na-duong-1");
  g_assert_nonnull (na_duong);
  g_assert_true (lsm_test_rgb_near (pixel_at (all.surface, na_duong->x, na_duong->y), thermal));

  lsm_filter_show_only_sectors (filter, (const char *[]) { "hydro", NULL });
  render_province (&hydro, scene, LSM_SCENE_ALL, filter);
  hydro_placements = lsm_scene_place_sites (scene, &hydro.view, filter, NULL);
  g_assert_cmpuint (hydro_placements->len, ==, 1); /* Thủy điện Tràng Định 2 is known only to its district */
  for (guint i = 0; i < hydro_placements->len; i++)
    g_assert_cmpuint (lsm_feature_get_sector (g_array_index (hydro_placements, LsmPlacement, i).site),
                      ==, lsm_test_sector ("hydro"));
  g_assert_false (lsm_test_rgb_near (pixel_at (hydro.surface, na_duong->x, na_duong->y), thermal));
}

static void
test_scene_fan_out (void)
{
  g_autoptr(LsmScene) scene = lsm_scene_new (catalog);
  g_auto(Render) render = { 0 };
  g_autoptr(GArray) placements = NULL;
  guint shared = 0;

  render_province (&render, scene, 0, NULL);
  placements = lsm_scene_place_sites (scene, &render.view, NULL, NULL);

  for (guint i = 0; i < placements->len; i++)
    for (guint j = i + 1; j < placements->len; j++)
      {
        const LsmPlacement *a = &g_array_index (placements, LsmPlacement, i);
        const LsmPlacement *b = &g_array_index (placements, LsmPlacement, j);

        if (a->anchor_x == b->anchor_x && a->anchor_y == b->anchor_y)
          {
            /* Sites on one point (e.g. five at Cao Lộc's reference point) never cover each other. */
            g_assert_cmpfloat (hypot (a->x - b->x, a->y - b->y), >=, 1.9 * LSM_SYMBOL_RADIUS);
            shared++;
          }
      }

  g_assert_cmpuint (shared, >, 0);
}

static void
test_scene_neighbouring_districts_differ (void)
{
  g_autoptr(LsmScene) scene = lsm_scene_new (catalog);
  g_auto(Render) render = { 0 };
  const char *pairs[][2] = { { "Lạng Sơn", "Cao Lộc" }, { "Chi Lăng", "Hữu Lũng" }, { "Lộc Bình", "Đình Lập" } };

  render_province (&render, scene, LSM_SCENE_BACKGROUND | LSM_SCENE_DISTRICTS, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      double lon, lat, x1, y1, x2, y2;

      lsm_feature_get_label_point (lsm_catalog_lookup_district (catalog, pairs[i][0]), &lon, &lat);
      lsm_view_project (&render.view, lon, lat, &x1, &y1);
      lsm_feature_get_label_point (lsm_catalog_lookup_district (catalog, pairs[i][1]), &lon, &lat);
      lsm_view_project (&render.view, lon, lat, &x2, &y2);
      g_assert_cmphex (pixel_at (render.surface, x1, y1), !=, pixel_at (render.surface, x2, y2));
    }
}

/* A 256 px tile is exactly the matching square of a larger view: no seams between tiles. */
static void
test_scene_tiles_match_views (void)
{
  g_autoptr(LsmScene) scene = lsm_scene_new (catalog);
  LsmView big = { .x = 406 * 256, .y = 223 * 256, .zoom = 9, .width = 512, .height = 512, .scale = 1 };
  cairo_surface_t *whole = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 512, 512);
  cairo_surface_t *tile = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 256, 256);
  LsmView tile_view;
  cairo_t *cr;
  guint differing = 0;

  cr = cairo_create (whole);
  lsm_scene_draw (scene, cr, &big, LSM_SCENE_BASE, NULL);
  cairo_destroy (cr);

  lsm_view_init_tile (&tile_view, 407, 224, 9);
  cr = cairo_create (tile);
  lsm_scene_draw (scene, cr, &tile_view, LSM_SCENE_BASE, NULL);
  cairo_destroy (cr);

  cairo_surface_flush (whole);
  cairo_surface_flush (tile);
  for (int y = 0; y < 256; y++)
    for (int x = 0; x < 256; x++)
      differing += !lsm_test_rgb_near (pixel_at (tile, x, y), pixel_at (whole, 256 + x, 256 + y));

  /* Antialiasing at the clip edge may differ by a few pixels, nothing more. */
  g_assert_cmpuint (differing, <, 64);

  cairo_surface_destroy (whole);
  cairo_surface_destroy (tile);
}

static guint
count_drawn (cairo_surface_t *surface)
{
  guint n = 0;

  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      n += (pixel_at (surface, x, y) >> 24) > 128;

  return n;
}

/* The communes of 2025 are drawn with the same border line and labelled by name, in place of
 * the districts; the districts stay the default. */
static void
test_scene_units (void)
{
  g_autoptr(LsmScene) scene = lsm_scene_new (catalog);
  LsmSceneParts parts[] = { LSM_SCENE_DISTRICTS | LSM_SCENE_NO_FILLS, LSM_SCENE_LABELS };

  g_assert_cmpint (lsm_scene_get_units (scene), ==, LSM_UNITS_DISTRICTS);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_auto(Render) districts = { 0 };
      g_auto(Render) communes = { 0 };
      g_auto(Render) again = { 0 };
      guint n_districts, n_communes;

      render_province (&districts, scene, parts[i], NULL);
      lsm_scene_set_units (scene, LSM_UNITS_COMMUNES_2025);
      g_assert_cmpint (lsm_scene_get_units (scene), ==, LSM_UNITS_COMMUNES_2025);
      render_province (&communes, scene, parts[i], NULL);
      lsm_scene_set_units (scene, LSM_UNITS_DISTRICTS);
      render_province (&again, scene, parts[i], NULL);

      n_districts = count_drawn (districts.surface);
      n_communes = count_drawn (communes.surface);
      g_test_message ("parts %x: %u pixels with districts, %u with communes", parts[i], n_districts, n_communes);
      g_assert_cmpuint (n_communes, >, 3 * n_districts / 2);
      g_assert_cmpuint (count_drawn (again.surface), ==, n_districts);
    }
}

int
main (int   argc,
      char *argv[])
{
  int result;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  catalog = lsm_test_load_bundled ();

  g_test_add_func ("/lsm/scene/sites-in-their-colours", test_scene_sites_in_their_colours);
  g_test_add_func ("/lsm/scene/filter", test_scene_filter);
  g_test_add_func ("/lsm/scene/fan-out", test_scene_fan_out);
  g_test_add_func ("/lsm/scene/neighbouring-districts-differ", test_scene_neighbouring_districts_differ);
  g_test_add_func ("/lsm/scene/tiles-match-views", test_scene_tiles_match_views);
  g_test_add_func ("/lsm/scene/units", test_scene_units);

  result = g_test_run ();
  g_clear_object (&catalog);

  return result;
}
