/* lsm-scene-shapes.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-scene"

#include "config.h"

#include <math.h>

#include "lsm-catalog.h"
#include "lsm-feature.h"
#include "lsm-geometry.h"
#include "lsm-scene-private.h"
#include "lsm-style.h"

/* A scene's shapes, projected to Web Mercator once: the boundaries it draws, and sites that are
 * lines or areas (a road, a zone a user drew), in their sector's colour: lines as
 * strokes, areas as a translucent fill under their outline. Only a user's own layers have them;
 * a scene without any costs the point-only paths nothing. The screen layer, print and export
 * draw and pick them here, so they look alike everywhere. */

void
_lsm_scene_shape_clear (gpointer data)
{
  Shape *shape = data;

  g_clear_pointer (&shape->coords, g_free);
  g_clear_pointer (&shape->ring_ends, g_free);
}

void
_lsm_scene_shape_init (Shape       *shape,
                       LsmFeature  *feature,
                       LsmGeometry *geometry)
{
  guint n_points = 0, offset = 0;

  shape->feature = feature;
  shape->n_rings = lsm_geometry_get_n_rings (geometry);
  shape->lines = lsm_geometry_get_geometry_type (geometry) == LSM_GEOMETRY_LINES;
  shape->ring_ends = g_new (guint, shape->n_rings);

  for (guint r = 0; r < shape->n_rings; r++)
    {
      guint n;

      lsm_geometry_get_ring (geometry, r, &n);
      n_points += n;
      shape->ring_ends[r] = n_points;
    }

  shape->coords = g_new (double, 2 * n_points);
  shape->bounds[0] = shape->bounds[1] = INFINITY;
  shape->bounds[2] = shape->bounds[3] = -INFINITY;

  for (guint r = 0; r < shape->n_rings; r++)
    {
      guint n;
      const double *p = lsm_geometry_get_ring (geometry, r, &n);

      for (guint i = 0; i < n; i++, offset++)
        {
          double *q = shape->coords + 2 * offset;

          lsm_mercator_from_lonlat (p[2 * i], p[2 * i + 1], &q[0], &q[1]);
          shape->bounds[0] = MIN (shape->bounds[0], q[0]);
          shape->bounds[1] = MIN (shape->bounds[1], q[1]);
          shape->bounds[2] = MAX (shape->bounds[2], q[0]);
          shape->bounds[3] = MAX (shape->bounds[3], q[1]);
        }
    }
}

gboolean
_lsm_scene_shape_visible (const Shape   *shape,
                          const LsmView *view,
                          double         size)
{
  return shape->bounds[2] * size >= view->x && shape->bounds[0] * size <= view->x + view->width
         && shape->bounds[3] * size >= view->y && shape->bounds[1] * size <= view->y + view->height;
}

void
_lsm_scene_shape_path (cairo_t       *cr,
                       const Shape   *shape,
                       const LsmView *view,
                       double         size)
{
  guint start = 0;

  for (guint r = 0; r < shape->n_rings; r++)
    {
      for (guint i = start; i < shape->ring_ends[r]; i++)
        {
          double x = shape->coords[2 * i] * size - view->x;
          double y = shape->coords[2 * i + 1] * size - view->y;

          if (i == start)
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
        }
      if (!shape->lines)
        cairo_close_path (cr);
      start = shape->ring_ends[r];
    }
}

/* In view pixels at scale 1: how near a click must come to a line to pick it. */
#define PICK_TOLERANCE 6.0

GArray *
_lsm_scene_build_site_shapes (LsmCatalog *catalog)
{
  GListModel *sites = lsm_catalog_get_sites (catalog);
  guint n = g_list_model_get_n_items (sites);
  GArray *shapes = g_array_new (FALSE, TRUE, sizeof (Shape));

  g_array_set_clear_func (shapes, _lsm_scene_shape_clear);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LsmFeature) site = g_list_model_get_item (sites, i);
      Shape shape = { 0 };

      if (!lsm_feature_has_shape (site))
        continue;

      _lsm_scene_shape_init (&shape, site, lsm_feature_get_geometry (site));
      g_array_append_val (shapes, shape);
    }

  return shapes;
}

/* Areas first, the largest under the smallest, then lines over them: what is drawn last is
 * picked first. */
static int
compare_drawing_order (gconstpointer a,
                       gconstpointer b)
{
  const Shape *sa = *(const Shape **) a, *sb = *(const Shape **) b;
  double area_a = (sa->bounds[2] - sa->bounds[0]) * (sa->bounds[3] - sa->bounds[1]);
  double area_b = (sb->bounds[2] - sb->bounds[0]) * (sb->bounds[3] - sb->bounds[1]);

  if (sa->lines != sb->lines)
    return sa->lines ? 1 : -1;
  if (area_a != area_b)
    return area_a > area_b ? -1 : 1;

  return 0;
}

/**
 * _lsm_scene_match_shapes:
 * @self: a scene
 * @model: (nullable): a filter's model
 * @items: (nullable) (element-type LsmFeature): or a copy of it
 *
 * Returns: (transfer full) (element-type Shape): the shapes of the sites of @model or @items,
 *   every shape if both are %NULL, in drawing order
 */
GPtrArray *
_lsm_scene_match_shapes (LsmScene   *self,
                         GListModel *model,
                         GPtrArray  *items)
{
  GArray *shapes = _lsm_scene_get_site_shapes (self);
  GPtrArray *matched = g_ptr_array_new ();
  g_autoptr(GHashTable) shown = NULL;

  if (shapes->len == 0)
    return matched;

  if (model != NULL || items != NULL)
    {
      guint n = model != NULL ? g_list_model_get_n_items (model) : items->len;

      shown = g_hash_table_new (NULL, NULL);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(LsmFeature) site = model != NULL ? g_list_model_get_item (model, i)
                                                     : g_object_ref (g_ptr_array_index (items, i));

          if (lsm_feature_has_shape (site))
            g_hash_table_add (shown, site);
        }
    }

  for (guint i = 0; i < shapes->len; i++)
    {
      Shape *shape = &g_array_index (shapes, Shape, i);

      if (shown == NULL || g_hash_table_contains (shown, shape->feature))
        g_ptr_array_add (matched, shape);
    }
  g_ptr_array_sort (matched, compare_drawing_order);

  return matched;
}

/**
 * lsm_site_match_get_n_shapes:
 * @match: matched sites
 *
 * Returns: how many of them are drawn as lines or areas, not as symbols
 */
guint
lsm_site_match_get_n_shapes (const LsmSiteMatch *match)
{
  return _lsm_site_match_get_shapes (match)->len;
}

/**
 * lsm_site_match_get_shape_site:
 * @match: matched sites
 * @index: below lsm_site_match_get_n_shapes()
 *
 * Returns: (transfer none): the site of that line or area
 */
LsmFeature *
lsm_site_match_get_shape_site (const LsmSiteMatch *match,
                               guint               index)
{
  GPtrArray *shapes = _lsm_site_match_get_shapes (match);

  g_return_val_if_fail (index < shapes->len, NULL);

  return ((const Shape *) g_ptr_array_index (shapes, index))->feature;
}

/**
 * lsm_scene_draw_shapes:
 * @self: a scene
 * @cr: a cairo context in view coordinates
 * @view: the viewport
 * @match: the sites to draw
 * @selected: (nullable): the site to highlight
 *
 * Draws the matched sites that are lines or areas, each in its sector's colour, under the
 * symbols of the others.
 */
void
lsm_scene_draw_shapes (LsmScene      *self,
                       cairo_t       *cr,
                       const LsmView *view,
                       LsmSiteMatch  *match,
                       LsmFeature    *selected)
{
  GPtrArray *shapes = _lsm_site_match_get_shapes (match);
  double size = LSM_TILE_SIZE * exp2 (view->zoom);

  g_return_if_fail (LSM_IS_SCENE (self));

  if (shapes->len == 0)
    return;

  cairo_save (cr);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (guint i = 0; i < shapes->len; i++)
    {
      const Shape *shape = g_ptr_array_index (shapes, i);
      LsmRgb rgb;

      if (!_lsm_scene_shape_visible (shape, view, size))
        continue;

      lsm_style_get_sector_rgb (lsm_feature_get_sector (shape->feature), &rgb);
      cairo_new_path (cr);
      _lsm_scene_shape_path (cr, shape, view, size);
      if (shape->feature == selected)
        {
          /* The selection's blue, as around a selected symbol, outside the shape's own ink. */
          cairo_set_source_rgb (cr, 0.21, 0.52, 0.89);
          cairo_set_line_width (cr, (shape->lines ? 9.0 : 6.0) * view->scale);
          cairo_stroke_preserve (cr);
        }
      if (shape->lines)
        {
          /* A pale casing keeps a line readable on any district's fill. */
          cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
          cairo_set_line_width (cr, 5.0 * view->scale);
          cairo_stroke_preserve (cr);
          lsm_style_set_source (cr, &rgb, 1.0);
          cairo_set_line_width (cr, 3.0 * view->scale);
          cairo_stroke (cr);
        }
      else
        {
          lsm_style_set_source (cr, &rgb, 0.3);
          cairo_fill_preserve (cr);
          lsm_style_set_source (cr, &rgb, 1.0);
          cairo_set_line_width (cr, 2.0 * view->scale);
          cairo_stroke (cr);
        }
    }
  cairo_restore (cr);
}

/**
 * lsm_scene_pick_shape:
 * @self: a scene
 * @view: the viewport
 * @match: the sites drawn
 * @x: view x
 * @y: view y
 *
 * Returns: (transfer none) (nullable): the site whose line passes near the point, or whose
 *   area holds it: the one drawn on top
 */
LsmFeature *
lsm_scene_pick_shape (LsmScene      *self,
                      const LsmView *view,
                      LsmSiteMatch  *match,
                      double         x,
                      double         y)
{
  GPtrArray *shapes;
  double tolerance_m = PICK_TOLERANCE * view->scale * lsm_view_meters_per_unit (view);
  double lon, lat;

  g_return_val_if_fail (LSM_IS_SCENE (self), NULL);

  if (match == NULL)
    return NULL;

  shapes = _lsm_site_match_get_shapes (match);
  lsm_view_unproject (view, x, y, &lon, &lat);
  for (guint i = shapes->len; i > 0; i--)
    {
      const Shape *shape = g_ptr_array_index (shapes, i - 1);
      LsmGeometry *geometry = lsm_feature_get_geometry (shape->feature);

      if (shape->lines ? lsm_geometry_distance_m (geometry, lon, lat) <= tolerance_m
                       : lsm_geometry_contains (geometry, lon, lat))
        return shape->feature;
    }

  return NULL;
}
