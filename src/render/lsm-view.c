/* lsm-view.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-view"

#include "config.h"

#include <math.h>

#include "lsm-view.h"

#define EARTH_RADIUS 6378137.0

/**
 * lsm_mercator_from_lonlat:
 * @lon: longitude
 * @lat: latitude
 * @mx: (out): x in 0…1 from the antimeridian eastwards
 * @my: (out): y in 0…1 from the north edge southwards
 *
 * The same projection libshumate uses, so our drawing lines up with its viewport.
 */
void
lsm_mercator_from_lonlat (double  lon,
                          double  lat,
                          double *mx,
                          double *my)
{
  double phi = CLAMP (lat, -85.0511287798, 85.0511287798) * G_PI / 180.0;

  *mx = (lon + 180.0) / 360.0;
  *my = (1.0 - log (tan (phi) + 1.0 / cos (phi)) / G_PI) / 2.0;
}

static double
world_size (double zoom)
{
  return LSM_TILE_SIZE * exp2 (zoom);
}

void
lsm_view_project (const LsmView *view,
                  double         lon,
                  double         lat,
                  double        *px,
                  double        *py)
{
  double mx, my, size = world_size (view->zoom);

  lsm_mercator_from_lonlat (lon, lat, &mx, &my);
  *px = mx * size - view->x;
  *py = my * size - view->y;
}

void
lsm_view_unproject (const LsmView *view,
                    double         px,
                    double         py,
                    double        *lon,
                    double        *lat)
{
  double size = world_size (view->zoom);
  double mx = (px + view->x) / size;
  double my = (py + view->y) / size;

  *lon = mx * 360.0 - 180.0;
  *lat = atan (sinh (G_PI * (1.0 - 2.0 * my))) * 180.0 / G_PI;
}

/**
 * lsm_view_init_fit:
 * @view: (out): the view
 * @bounds: what must be visible
 * @width: device width
 * @height: device height
 * @margin: device units to keep free on every side
 * @scale: symbol and text scale
 *
 * Chooses the largest fractional zoom at which @bounds fits, centred.
 */
void
lsm_view_init_fit (LsmView         *view,
                   const LsmBounds *bounds,
                   double           width,
                   double           height,
                   double           margin,
                   double           scale)
{
  double x0, y0, x1, y1, zx, zy, size;

  lsm_mercator_from_lonlat (bounds->west, bounds->north, &x0, &y0);
  lsm_mercator_from_lonlat (bounds->east, bounds->south, &x1, &y1);

  zx = log2 (MAX (width - 2 * margin, 1.0) / (LSM_TILE_SIZE * MAX (x1 - x0, 1e-9)));
  zy = log2 (MAX (height - 2 * margin, 1.0) / (LSM_TILE_SIZE * MAX (y1 - y0, 1e-9)));

  view->zoom = CLAMP (MIN (zx, zy), 0.0, 20.0);
  view->width = width;
  view->height = height;
  view->scale = scale;
  size = world_size (view->zoom);
  view->x = (x0 + x1) / 2.0 * size - width / 2.0;
  view->y = (y0 + y1) / 2.0 * size - height / 2.0;
}

void
lsm_view_init_tile (LsmView *view,
                    guint    x,
                    guint    y,
                    guint    zoom)
{
  view->zoom = zoom;
  view->x = x * LSM_TILE_SIZE;
  view->y = y * LSM_TILE_SIZE;
  view->width = LSM_TILE_SIZE;
  view->height = LSM_TILE_SIZE;
  view->scale = 1.0;
}

/**
 * lsm_view_meters_per_unit:
 * @view: a view
 *
 * Returns: ground metres per device unit at the view's centre latitude
 */
double
lsm_view_meters_per_unit (const LsmView *view)
{
  double lon, lat;

  lsm_view_unproject (view, view->width / 2.0, view->height / 2.0, &lon, &lat);

  return cos (lat * G_PI / 180.0) * 2.0 * G_PI * EARTH_RADIUS / world_size (view->zoom);
}
