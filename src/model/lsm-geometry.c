/* lsm-geometry.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-geometry"

#include "config.h"

#include <math.h>

#include "lsm-geometry.h"

/* Immutable lon/lat geometry in EPSG:4326. Rings and lines share one coordinate array;
 * polygons are filled even-odd, so holes and multipolygons need no extra structure. */
struct _LsmGeometry
{
  gatomicrefcount  ref_count;
  LsmGeometryType  type;
  double          *coords;    /* lon, lat pairs */
  guint           *ring_ends; /* exclusive end of each ring, in points */
  guint            n_rings;
  gboolean         inline_storage;  /* coords and ring_ends follow the struct */
  LsmBounds        bounds;
};

typedef struct
{
  double coords[2];
  guint  ring_end;
} PointStorage;

G_DEFINE_BOXED_TYPE (LsmGeometry, lsm_geometry, lsm_geometry_ref, lsm_geometry_unref)

void
lsm_bounds_init_empty (LsmBounds *bounds)
{
  bounds->west = bounds->south = INFINITY;
  bounds->east = bounds->north = -INFINITY;
}

gboolean
lsm_bounds_is_empty (const LsmBounds *bounds)
{
  return !(bounds->west <= bounds->east && bounds->south <= bounds->north);
}

void
lsm_bounds_extend (LsmBounds       *bounds,
                   const LsmBounds *other)
{
  bounds->west = MIN (bounds->west, other->west);
  bounds->south = MIN (bounds->south, other->south);
  bounds->east = MAX (bounds->east, other->east);
  bounds->north = MAX (bounds->north, other->north);
}

/**
 * lsm_geometry_new:
 * @type: the kind of geometry
 * @coords: (transfer full): lon, lat pairs as doubles
 * @ring_ends: (transfer full): the exclusive end (in points) of each ring or line, as guints
 *
 * Returns: (transfer full): a new geometry
 */
LsmGeometry *
lsm_geometry_new (LsmGeometryType  type,
                  GArray          *coords,
                  GArray          *ring_ends)
{
  LsmGeometry *self;
  guint n_points;

  g_return_val_if_fail (coords != NULL, NULL);
  g_return_val_if_fail (ring_ends != NULL, NULL);
  g_return_val_if_fail (coords->len % 2 == 0, NULL);

  n_points = coords->len / 2;

  self = g_new0 (LsmGeometry, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->type = type;
  self->n_rings = ring_ends->len;
  self->coords = (double *) (void *) g_array_free (coords, FALSE);
  self->ring_ends = (guint *) (void *) g_array_free (ring_ends, FALSE);

  lsm_bounds_init_empty (&self->bounds);
  for (guint i = 0; i < n_points; i++)
    {
      LsmBounds p = { self->coords[2 * i], self->coords[2 * i + 1],
                      self->coords[2 * i], self->coords[2 * i + 1] };

      lsm_bounds_extend (&self->bounds, &p);
    }

  return self;
}

LsmGeometry *
lsm_geometry_new_point (double lon,
                        double lat)
{
  /* Every site has one: the point and its one ring end live in the same block as the header. */
  LsmGeometry *self = g_malloc0 (sizeof (LsmGeometry) + sizeof (PointStorage));
  PointStorage *storage = (PointStorage *) (void *) (self + 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->type = LSM_GEOMETRY_POINT;
  self->n_rings = 1;
  self->inline_storage = TRUE;
  self->coords = storage->coords;
  self->coords[0] = lon;
  self->coords[1] = lat;
  self->ring_ends = &storage->ring_end;
  self->ring_ends[0] = 1;
  self->bounds = (LsmBounds) { lon, lat, lon, lat };

  return self;
}

LsmGeometry *
lsm_geometry_ref (LsmGeometry *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
lsm_geometry_unref (LsmGeometry *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      if (!self->inline_storage)
        {
          g_free (self->coords);
          g_free (self->ring_ends);
        }
      g_free (self);
    }
}

LsmGeometryType
lsm_geometry_get_geometry_type (const LsmGeometry *self)
{
  g_return_val_if_fail (self != NULL, LSM_GEOMETRY_POINT);

  return self->type;
}

guint
lsm_geometry_get_n_rings (const LsmGeometry *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_rings;
}

/**
 * lsm_geometry_get_ring:
 * @self: a geometry
 * @ring: index of the ring, line or point
 * @n_points: (out): number of points
 *
 * Returns: (transfer none): lon, lat pairs
 */
const double *
lsm_geometry_get_ring (const LsmGeometry *self,
                       guint              ring,
                       guint             *n_points)
{
  guint start;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (ring < self->n_rings, NULL);

  start = ring == 0 ? 0 : self->ring_ends[ring - 1];
  *n_points = self->ring_ends[ring] - start;

  return self->coords + 2 * start;
}

void
lsm_geometry_get_bounds (const LsmGeometry *self,
                         LsmBounds         *bounds)
{
  g_return_if_fail (self != NULL);

  *bounds = self->bounds;
}

/**
 * lsm_geometry_contains:
 * @self: a polygon geometry
 * @lon: longitude
 * @lat: latitude
 *
 * Even-odd test over all rings, so holes count as outside.
 *
 * Returns: whether the point lies inside
 */
gboolean
lsm_geometry_contains (const LsmGeometry *self,
                       double             lon,
                       double             lat)
{
  gboolean inside = FALSE;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->type != LSM_GEOMETRY_POLYGONS)
    return FALSE;
  if (lon < self->bounds.west || lon > self->bounds.east
      || lat < self->bounds.south || lat > self->bounds.north)
    return FALSE;

  for (guint r = 0; r < self->n_rings; r++)
    {
      guint n;
      const double *p = lsm_geometry_get_ring (self, r, &n);

      for (guint i = 0, j = n - 1; i < n; j = i++)
        {
          double xi = p[2 * i], yi = p[2 * i + 1];
          double xj = p[2 * j], yj = p[2 * j + 1];

          if ((yi > lat) != (yj > lat)
              && lon < (xj - xi) * (lat - yi) / (yj - yi) + xi)
            inside = !inside;
        }
    }

  return inside;
}

/* Metres per degree of latitude on the WGS 84 mean sphere; at the scale of a province an
 * equirectangular projection around the point errs by well under a metre in 200. */
#define METRES_PER_DEGREE 111195.08

/**
 * lsm_geometry_distance_m:
 * @self: a polygon or line geometry
 * @lon: longitude
 * @lat: latitude
 *
 * Returns: the distance from the point to the nearest edge in metres, 0 inside a polygon
 */
double
lsm_geometry_distance_m (const LsmGeometry *self,
                         double             lon,
                         double             lat)
{
  double kx, best = INFINITY;

  g_return_val_if_fail (self != NULL, INFINITY);

  if (lsm_geometry_contains (self, lon, lat))
    return 0.0;

  kx = cos (lat * G_PI / 180.0);
  for (guint r = 0; r < self->n_rings; r++)
    {
      guint n;
      const double *p = lsm_geometry_get_ring (self, r, &n);

      for (guint i = 0; i < n; i++)
        {
          /* The segment from point i to the next one, in local metres around (lon, lat). */
          double ax = (p[2 * i] - lon) * kx, ay = p[2 * i + 1] - lat;
          guint j = i + 1 < n ? i + 1 : 0;
          double bx = (p[2 * j] - lon) * kx, by = p[2 * j + 1] - lat;
          double dx = bx - ax, dy = by - ay;
          double len2 = dx * dx + dy * dy;
          double t = len2 > 0 ? CLAMP (-(ax * dx + ay * dy) / len2, 0.0, 1.0) : 0.0;

          double ex = ax + t * dx, ey = ay + t * dy;

          if (j == 0 && self->type != LSM_GEOMETRY_POLYGONS && n > 1)
            break; /* lines are not closed */
          /* Squares compare alike, and a root per segment would cost more than the rest. */
          best = MIN (best, ex * ex + ey * ey);
        }
    }

  return sqrt (best) * METRES_PER_DEGREE;
}
