/* lsm-geometry.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lsm-types.h"

G_BEGIN_DECLS

#define LSM_TYPE_GEOMETRY (lsm_geometry_get_type ())

typedef enum
{
  LSM_GEOMETRY_POINT,
  LSM_GEOMETRY_LINES,
  LSM_GEOMETRY_POLYGONS,
} LsmGeometryType;

typedef struct
{
  double west;
  double south;
  double east;
  double north;
} LsmBounds;

GType            lsm_geometry_get_type       (void) G_GNUC_CONST;
LsmGeometry     *lsm_geometry_new_point      (double              lon,
                                              double              lat);
LsmGeometry     *lsm_geometry_new            (LsmGeometryType     type,
                                              GArray             *coords,
                                              GArray             *ring_ends);
LsmGeometry     *lsm_geometry_ref            (LsmGeometry        *self);
void             lsm_geometry_unref          (LsmGeometry        *self);
LsmGeometryType  lsm_geometry_get_geometry_type (const LsmGeometry *self);
guint            lsm_geometry_get_n_rings    (const LsmGeometry  *self);
const double    *lsm_geometry_get_ring       (const LsmGeometry  *self,
                                              guint               ring,
                                              guint              *n_points);
void             lsm_geometry_get_bounds     (const LsmGeometry  *self,
                                              LsmBounds          *bounds);
gboolean         lsm_geometry_contains       (const LsmGeometry  *self,
                                              double              lon,
                                              double              lat);
double           lsm_geometry_distance_m     (const LsmGeometry  *self,
                                              double              lon,
                                              double              lat);
void             lsm_geometry_get_inner_point (const LsmGeometry *self,
                                              double             *lon,
                                              double             *lat);
double           lsm_geometry_get_length_m   (const LsmGeometry  *self);
double           lsm_geometry_get_area_m2    (const LsmGeometry  *self);

void             lsm_bounds_init_empty       (LsmBounds          *bounds);
void             lsm_bounds_extend           (LsmBounds          *bounds,
                                              const LsmBounds    *other);
gboolean         lsm_bounds_is_empty         (const LsmBounds    *bounds);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LsmGeometry, lsm_geometry_unref)

G_END_DECLS
