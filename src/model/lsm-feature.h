/* lsm-feature.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "lsm-geometry.h"
#include "lsm-types.h"

G_BEGIN_DECLS

#define LSM_TYPE_FEATURE (lsm_feature_get_type ())

G_DECLARE_FINAL_TYPE (LsmFeature, lsm_feature, LSM, FEATURE, GObject)

LsmFeatureKind  lsm_feature_get_kind         (LsmFeature *self);
const char     *lsm_feature_get_id           (LsmFeature *self);
const char     *lsm_feature_get_name         (LsmFeature *self);
const char     *lsm_feature_get_name_en      (LsmFeature *self);
const char     *lsm_feature_get_full_name    (LsmFeature *self);
LsmSector       lsm_feature_get_sector       (LsmFeature *self);
const char     *lsm_feature_get_subtype      (LsmFeature *self);
LsmStatus       lsm_feature_get_status       (LsmFeature *self);
const char     *lsm_feature_get_district     (LsmFeature *self);
const char     *lsm_feature_get_commune      (LsmFeature *self);
LsmPrecision    lsm_feature_get_precision    (LsmFeature *self);
const char     *lsm_feature_get_coord_method (LsmFeature *self);
const char     *lsm_feature_get_provenance   (LsmFeature *self);
const char     *lsm_feature_get_note         (LsmFeature *self);
double          lsm_feature_get_area_km2     (LsmFeature *self);
gboolean        lsm_feature_get_location     (LsmFeature *self,
                                              double     *lon,
                                              double     *lat);
gboolean        lsm_feature_get_label_point  (LsmFeature *self,
                                              double     *lon,
                                              double     *lat);
LsmGeometry    *lsm_feature_get_geometry     (LsmFeature *self);
GListModel     *lsm_feature_get_figures      (LsmFeature *self);
char           *lsm_feature_describe_shape   (LsmFeature *self);
gboolean        lsm_feature_has_shape        (LsmFeature *self);
gboolean        lsm_feature_has_location     (LsmFeature *self);
const char     *lsm_feature_get_district_label (LsmFeature *self);
gboolean        lsm_feature_is_imported      (LsmFeature *self);
guint           lsm_feature_get_n_attributes (LsmFeature *self);
const char     *lsm_feature_get_attribute    (LsmFeature *self,
                                              guint       index,
                                              const char **value);
const char     *lsm_feature_get_search_key   (LsmFeature *self);
LsmFeature     *lsm_feature_get_unit_2025    (LsmFeature *self);
gboolean        lsm_feature_matches          (LsmFeature *self,
                                              const char *folded_query);
gboolean        lsm_feature_name_matches     (LsmFeature *self,
                                              const char *folded_query);

G_END_DECLS
