/* lsm-view.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lsm-geometry.h"

G_BEGIN_DECLS

/* A Web Mercator viewport: what the tiles, the screen, the printer and the exporter draw. World
 * coordinates are pixels of a 256 px tile pyramid at @zoom; @scale multiplies symbol sizes,
 * line widths and fonts (2 for HiDPI, 300/96 for a 300 dpi PNG). */
typedef struct
{
  double x;      /* world x of the left edge */
  double y;      /* world y of the top edge */
  double zoom;
  double width;  /* device units */
  double height;
  double scale;
} LsmView;

#define LSM_TILE_SIZE 256.0

void   lsm_view_init_fit        (LsmView         *view,
                                 const LsmBounds *bounds,
                                 double           width,
                                 double           height,
                                 double           margin,
                                 double           scale);
void   lsm_view_init_tile       (LsmView         *view,
                                 guint            x,
                                 guint            y,
                                 guint            zoom);
void   lsm_view_project         (const LsmView   *view,
                                 double           lon,
                                 double           lat,
                                 double          *px,
                                 double          *py);
void   lsm_view_unproject       (const LsmView   *view,
                                 double           px,
                                 double           py,
                                 double          *lon,
                                 double          *lat);
double lsm_view_meters_per_unit (const LsmView   *view);
void   lsm_mercator_from_lonlat (double           lon,
                                 double           lat,
                                 double          *mx,
                                 double          *my);

G_END_DECLS
