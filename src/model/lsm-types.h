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

/* Keep in sync with lsm_sector_get_id(): the ids are the data's and the command line's. */
typedef enum
{
  LSM_SECTOR_BORDER_GATE,
  LSM_SECTOR_BORDER_ECONOMIC_ZONE,
  LSM_SECTOR_INDUSTRIAL_ZONE,
  LSM_SECTOR_INDUSTRIAL_CLUSTER,
  LSM_SECTOR_HYDRO,
  LSM_SECTOR_THERMAL,
  LSM_SECTOR_WIND,
  LSM_SECTOR_OTHER_ENERGY,
  LSM_SECTOR_QUARRY,
  LSM_SECTOR_MANUFACTURING,
  LSM_SECTOR_OTHER,
  LSM_N_SECTORS
} LsmSector;

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
  LSM_FEATURE_UNIT_2025, /* a commune-level unit in force since 1 July 2025 */
} LsmFeatureKind;

G_END_DECLS
