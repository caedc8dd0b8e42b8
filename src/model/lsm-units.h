/* lsm-units.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "lsm-types.h"

G_BEGIN_DECLS

/* Which administrative units the map shows: Viet Nam abolished the district level on
 * 1 July 2025. The ids are the command line's and the settings'. */
typedef enum
{
  LSM_UNITS_DISTRICTS,
  LSM_UNITS_COMMUNES_2025,
  LSM_N_UNITS
} LsmUnits;

/* How far outside every 2025 unit a site may lie and still take the nearest: border gates sit
 * on the border line, which the two sides' data draw a little apart. */
#define LSM_UNIT_2025_TOLERANCE_M 200.0

const char *lsm_units_get_id              (LsmUnits     units);
const char *lsm_units_get_label           (LsmUnits     units);
const char *lsm_units_get_credit          (LsmUnits     units);
gboolean    lsm_units_from_id             (const char  *id,
                                           LsmUnits    *units);
gboolean    lsm_units_parse               (const char  *text,
                                           LsmUnits    *units,
                                           GError     **error);

LsmFeature *lsm_catalog_unit_2025_at      (LsmCatalog  *catalog,
                                           double       lon,
                                           double       lat,
                                           double       tolerance_m);
LsmFeature *lsm_catalog_lookup_unit_2025  (LsmCatalog  *catalog,
                                           const char  *code_or_name);
char       *lsm_feature_describe_unit_2025 (LsmFeature *site);
gboolean    lsm_feature_is_in_area        (LsmFeature  *site,
                                           LsmFeature  *area);
gboolean    lsm_feature_is_area           (LsmFeature  *feature);

G_END_DECLS
