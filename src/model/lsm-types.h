/* lsm-types.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _LsmCatalog  LsmCatalog;
typedef struct _LsmFeature  LsmFeature;
typedef struct _LsmFigure   LsmFigure;
typedef struct _LsmFilter   LsmFilter;
typedef struct _LsmGeometry LsmGeometry;
typedef struct _LsmSource   LsmSource;

/* An index into the sector table (lsm-sector.h): the built-in rows, then the ones registered
 * at run time. */
typedef guint LsmSector;

guint lsm_sector_get_count (void);

/* The symbol shapes a sector can have: the model says which, render/ draws them. */
typedef enum
{
  LSM_SHAPE_CIRCLE,
  LSM_SHAPE_RING,
  LSM_SHAPE_DIAMOND,
  LSM_SHAPE_SQUARE,
  LSM_SHAPE_TRIANGLE_UP,
  LSM_SHAPE_TRIANGLE_DOWN,
  LSM_SHAPE_PENTAGON,
  LSM_SHAPE_HEXAGON,
  LSM_SHAPE_OCTAGON,
  LSM_SHAPE_STAR,
  LSM_SHAPE_CROSS,
  LSM_N_SHAPES
} LsmShape;

typedef enum
{
  LSM_STATUS_NONE,
  LSM_STATUS_OPERATING,
  LSM_STATUS_UNDER_CONSTRUCTION,
  LSM_STATUS_PLANNED,
  LSM_STATUS_PROPOSED,
  LSM_STATUS_TARGET,
  LSM_STATUS_UNKNOWN,
  LSM_N_STATUSES
} LsmStatus;

typedef enum
{
  LSM_PRECISION_UNKNOWN,
  LSM_PRECISION_EXACT,
  LSM_PRECISION_APPROX,
  LSM_PRECISION_COMMUNE,
  LSM_PRECISION_DISTRICT,
  LSM_N_PRECISIONS
} LsmPrecision;

typedef enum
{
  LSM_QUALIFIER_NONE,
  LSM_QUALIFIER_ABOUT,
  LSM_QUALIFIER_OVER,
  LSM_QUALIFIER_MORE_THAN,
  LSM_QUALIFIER_NEARLY,
  LSM_QUALIFIER_AT_LEAST,
  LSM_QUALIFIER_ABOUT_OVER,
  LSM_QUALIFIER_ABOUT_NEARLY,
  LSM_QUALIFIER_ESTIMATED,
  LSM_N_QUALIFIERS
} LsmQualifier;

typedef enum
{
  LSM_FEATURE_SITE,
  LSM_FEATURE_DISTRICT,
  LSM_FEATURE_CONTEXT,
} LsmFeatureKind;

G_END_DECLS
