/* lsm-area-index.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-area-index"

#include "config.h"

#include <math.h>

#include "lsm-area-index.h"
#include "lsm-feature.h"
#include "lsm-geometry.h"

/* Which area contains a point, for every site of a large set: a point-in-polygon test walks
 * every vertex of each area whose box holds the point, and the communes of 2025 have
 * thousands. A grid over the areas tells most points at once: a cell that no edge of any area
 * crosses lies wholly inside one area, or outside all, and neighbouring such cells share the
 * answer, so one test per connected group of cells answers all of them. Only points in cells
 * that an edge crosses are tested as before. */

#define GRID 256

enum
{
  OUTSIDE  = -1,  /* in no area */
  BOUNDARY = -2,  /* an edge crosses it: test the point itself */
  UNKNOWN  = -3,
};

struct _LsmAreaIndex
{
  GPtrArray *areas;   /* LsmFeature, referenced */
  LsmBounds  bounds;
  double     cell_w;
  double     cell_h;
  gint16    *cells;   /* GRID × GRID: an area's index, or one of the values above */
};

static int
cell_x (LsmAreaIndex *self,
        double        lon)
{
  return CLAMP ((int) floor ((lon - self->bounds.west) / self->cell_w), 0, GRID - 1);
}

static int
cell_y (LsmAreaIndex *self,
        double        lat)
{
  return CLAMP ((int) floor ((lat - self->bounds.south) / self->cell_h), 0, GRID - 1);
}

/* The exact answer, as lsm_geometry_contains() gives it for each area in turn. */
static int
test_point (LsmAreaIndex *self,
            double        lon,
            double        lat)
{
  for (guint i = 0; i < self->areas->len; i++)
    {
      LsmGeometry *geometry = lsm_feature_get_geometry (g_ptr_array_index (self->areas, i));

      if (geometry != NULL && lsm_geometry_contains (geometry, lon, lat))
        return (int) i;
    }

  return OUTSIDE;
}

static void
mark_edges (LsmAreaIndex *self,
            LsmGeometry  *geometry)
{
  for (guint r = 0; r < lsm_geometry_get_n_rings (geometry); r++)
    {
      guint n;
      const double *p = lsm_geometry_get_ring (geometry, r, &n);

      for (guint i = 0; i < n; i++)
        {
          guint j = i + 1 < n ? i + 1 : 0;
          int x0 = cell_x (self, MIN (p[2 * i], p[2 * j])), x1 = cell_x (self, MAX (p[2 * i], p[2 * j]));
          int y0 = cell_y (self, MIN (p[2 * i + 1], p[2 * j + 1])), y1 = cell_y (self, MAX (p[2 * i + 1], p[2 * j + 1]));

          /* The edge's box: more cells than the edge crosses, never fewer. */
          for (int y = y0; y <= y1; y++)
            for (int x = x0; x <= x1; x++)
              self->cells[y * GRID + x] = BOUNDARY;
        }
    }
}

/* Gives the cell's group (the cells reached through neighbours no edge crosses) one answer. */
static void
fill_group (LsmAreaIndex *self,
            int           start,
            GArray       *stack)
{
  double lon = self->bounds.west + (start % GRID + 0.5) * self->cell_w;
  double lat = self->bounds.south + (start / GRID + 0.5) * self->cell_h;
  gint16 answer = (gint16) test_point (self, lon, lat);

  g_array_set_size (stack, 0);
  g_array_append_val (stack, start);
  self->cells[start] = answer;
  while (stack->len > 0)
    {
      int cell = g_array_index (stack, int, stack->len - 1);
      int x = cell % GRID, y = cell / GRID;
      const int next[] = { x > 0 ? cell - 1 : -1, x < GRID - 1 ? cell + 1 : -1,
                           y > 0 ? cell - GRID : -1, y < GRID - 1 ? cell + GRID : -1 };

      g_array_set_size (stack, stack->len - 1);
      for (guint k = 0; k < G_N_ELEMENTS (next); k++)
        if (next[k] >= 0 && self->cells[next[k]] == UNKNOWN)
          {
            self->cells[next[k]] = answer;
            g_array_append_val (stack, next[k]);
          }
    }
}

/**
 * _lsm_area_index_new:
 * @areas: a #GListModel of areas (districts, units of 2025), whose geometries do not change
 *
 * Returns: (transfer full): an index answering what _lsm_area_index_find() asks
 */
LsmAreaIndex *
_lsm_area_index_new (GListModel *areas)
{
  LsmAreaIndex *self = g_new0 (LsmAreaIndex, 1);
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (int));
  guint n = g_list_model_get_n_items (areas);

  self->areas = g_ptr_array_new_with_free_func (g_object_unref);
  lsm_bounds_init_empty (&self->bounds);
  for (guint i = 0; i < n && i < G_MAXINT16; i++)
    {
      LsmFeature *area = g_list_model_get_item (areas, i);
      LsmGeometry *geometry = lsm_feature_get_geometry (area);
      LsmBounds b;

      g_ptr_array_add (self->areas, area);
      if (geometry == NULL)
        continue;
      lsm_geometry_get_bounds (geometry, &b);
      lsm_bounds_extend (&self->bounds, &b);
    }

  self->cells = g_new (gint16, GRID * GRID);
  if (lsm_bounds_is_empty (&self->bounds))
    {
      for (int c = 0; c < GRID * GRID; c++)
        self->cells[c] = OUTSIDE;
      self->cell_w = self->cell_h = 1.0;
      return self;
    }

  self->cell_w = MAX (self->bounds.east - self->bounds.west, 1e-9) / GRID;
  self->cell_h = MAX (self->bounds.north - self->bounds.south, 1e-9) / GRID;
  for (int c = 0; c < GRID * GRID; c++)
    self->cells[c] = UNKNOWN;
  for (guint i = 0; i < self->areas->len; i++)
    {
      LsmGeometry *geometry = lsm_feature_get_geometry (g_ptr_array_index (self->areas, i));

      if (geometry != NULL)
        mark_edges (self, geometry);
    }
  for (int c = 0; c < GRID * GRID; c++)
    if (self->cells[c] == UNKNOWN)
      fill_group (self, c, stack);

  return self;
}

void
_lsm_area_index_free (LsmAreaIndex *self)
{
  g_ptr_array_unref (self->areas);
  g_free (self->cells);
  g_free (self);
}

/**
 * _lsm_area_index_find:
 * @self: an index
 * @lon: longitude
 * @lat: latitude
 *
 * Returns: (transfer none) (nullable): the first area (in the model's order) that contains the
 *   point, as testing each in turn finds it
 */
LsmFeature *
_lsm_area_index_find (LsmAreaIndex *self,
                      double        lon,
                      double        lat)
{
  int answer;

  if (!(lon >= self->bounds.west && lon <= self->bounds.east
        && lat >= self->bounds.south && lat <= self->bounds.north))
    return NULL;

  answer = self->cells[cell_y (self, lat) * GRID + cell_x (self, lon)];
  if (answer == BOUNDARY)
    answer = test_point (self, lon, lat);

  return answer >= 0 ? g_ptr_array_index (self->areas, answer) : NULL;
}

/**
 * _lsm_area_index_is_near_edge:
 * @self: an index
 * @lon: longitude
 * @lat: latitude
 * @distance_m: how near
 *
 * Returns: %FALSE if no edge of any area lies within @distance_m of the point, so that no
 *   distance needs measuring; %TRUE if one may
 */
gboolean
_lsm_area_index_is_near_edge (LsmAreaIndex *self,
                              double        lon,
                              double        lat,
                              double        distance_m)
{
  /* Degrees to metres as lsm_geometry_distance_m() counts them, a little short to be safe. */
  double m_per_degree = 110000.0;
  double cell_m = MIN (self->cell_w * m_per_degree * cos (lat * G_PI / 180.0), self->cell_h * m_per_degree);
  int reach, cx, cy;

  if (lsm_bounds_is_empty (&self->bounds) || cell_m <= 0)
    return TRUE;

  /* Outside the grid by more than the distance: beyond every area's box, so beyond its edges. */
  if (lon < self->bounds.west - distance_m / (m_per_degree * MAX (cos (lat * G_PI / 180.0), 0.01))
      || lon > self->bounds.east + distance_m / (m_per_degree * MAX (cos (lat * G_PI / 180.0), 0.01))
      || lat < self->bounds.south - distance_m / m_per_degree
      || lat > self->bounds.north + distance_m / m_per_degree)
    return FALSE;
  if (lon < self->bounds.west || lon > self->bounds.east || lat < self->bounds.south || lat > self->bounds.north)
    return TRUE;

  /* Every cell within the distance holds no edge: then no edge is that near. */
  reach = (int) ceil (distance_m / cell_m);
  cx = cell_x (self, lon);
  cy = cell_y (self, lat);
  for (int y = MAX (cy - reach, 0); y <= MIN (cy + reach, GRID - 1); y++)
    for (int x = MAX (cx - reach, 0); x <= MIN (cx + reach, GRID - 1); x++)
      if (self->cells[y * GRID + x] == BOUNDARY)
        return TRUE;

  return FALSE;
}
