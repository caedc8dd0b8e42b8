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

/**
 * lsm_geometry_get_inner_point:
 * @self: a geometry
 * @lon: (out): longitude
 * @lat: (out): latitude
 *
 * A point that stands for the geometry where one point is needed (a label, the district it
 * lies in): for polygons the inside point nearest the middle of their bounds, which a
 * centroid of a crescent or a ring would not be; for lines the point halfway along them.
 */
void
lsm_geometry_get_inner_point (const LsmGeometry *self,
                              double            *lon,
                              double            *lat)
{
  const LsmBounds *b;
  double cx, cy, best = INFINITY;

  g_return_if_fail (self != NULL);

  b = &self->bounds;
  cx = (b->west + b->east) / 2;
  cy = (b->south + b->north) / 2;
  *lon = cx;
  *lat = cy;

  if (self->type == LSM_GEOMETRY_LINES)
    {
      double half = lsm_geometry_get_length_m (self) / 2 / METRES_PER_DEGREE;
      double kx = cos (cy * G_PI / 180.0);

      for (guint r = 0; r < self->n_rings; r++)
        {
          guint n;
          const double *p = lsm_geometry_get_ring (self, r, &n);

          *lon = p[0];
          *lat = p[1];
          for (guint i = 1; i < n; i++)
            {
              double dx = (p[2 * i] - p[2 * i - 2]) * kx, dy = p[2 * i + 1] - p[2 * i - 1];
              double d = hypot (dx, dy);

              if (d >= half && d > 0)
                {
                  *lon = p[2 * i - 2] + (p[2 * i] - p[2 * i - 2]) * half / d;
                  *lat = p[2 * i - 1] + dy * half / d;
                  return;
                }
              half -= d;
              *lon = p[2 * i];
              *lat = p[2 * i + 1];
            }
        }
      return;
    }

  if (self->type != LSM_GEOMETRY_POLYGONS)
    {
      *lon = self->coords[0];
      *lat = self->coords[1];
      return;
    }

  for (int i = 0; i <= 24; i++)
    for (int j = 0; j <= 24; j++)
      {
        double x = b->west + (b->east - b->west) * i / 24.0;
        double y = b->south + (b->north - b->south) * j / 24.0;
        double d = hypot (x - cx, y - cy);

        if (d < best && lsm_geometry_contains (self, x, y))
          {
            best = d;
            *lon = x;
            *lat = y;
          }
      }
}

/**
 * lsm_geometry_get_length_m:
 * @self: a line geometry
 *
 * Returns: the length of its lines in metres; 0 for points and polygons
 */
double
lsm_geometry_get_length_m (const LsmGeometry *self)
{
  double kx, length = 0;

  g_return_val_if_fail (self != NULL, 0);

  if (self->type != LSM_GEOMETRY_LINES)
    return 0;

  kx = cos ((self->bounds.south + self->bounds.north) / 2 * G_PI / 180.0);
  for (guint r = 0; r < self->n_rings; r++)
    {
      guint n;
      const double *p = lsm_geometry_get_ring (self, r, &n);

      for (guint i = 1; i < n; i++)
        length += hypot ((p[2 * i] - p[2 * i - 2]) * kx, p[2 * i + 1] - p[2 * i - 1]);
    }

  return length * METRES_PER_DEGREE;
}

/**
 * lsm_geometry_get_area_m2:
 * @self: a polygon geometry
 *
 * Rings inside an odd number of the others are holes, as lsm_geometry_contains() has them,
 * whatever way the file winds them.
 *
 * Returns: the area in square metres; 0 for points and lines
 */
double
lsm_geometry_get_area_m2 (const LsmGeometry *self)
{
  double kx, area = 0;

  g_return_val_if_fail (self != NULL, 0);

  if (self->type != LSM_GEOMETRY_POLYGONS)
    return 0;

  kx = cos ((self->bounds.south + self->bounds.north) / 2 * G_PI / 180.0);
  for (guint r = 0; r < self->n_rings; r++)
    {
      guint n;
      const double *p = lsm_geometry_get_ring (self, r, &n);
      double twice = 0;
      guint depth = 0;

      for (guint i = 0, j = n - 1; i < n; j = i++)
        twice += (p[2 * j] * kx) * p[2 * i + 1] - (p[2 * i] * kx) * p[2 * j + 1];

      for (guint o = 0; o < self->n_rings; o++)
        {
          guint m;
          const double *q = lsm_geometry_get_ring (self, o, &m);
          gboolean inside = FALSE;

          for (guint i = 0, j = m - 1; o != r && i < m; j = i++)
            if ((q[2 * i + 1] > p[1]) != (q[2 * j + 1] > p[1])
                && p[0] < (q[2 * j] - q[2 * i]) * (p[1] - q[2 * i + 1]) / (q[2 * j + 1] - q[2 * i + 1]) + q[2 * i])
              inside = !inside;
          depth += inside;
        }

      area += (depth % 2 == 0 ? 0.5 : -0.5) * fabs (twice);
    }

  return area * METRES_PER_DEGREE * METRES_PER_DEGREE;
}
