/* lsm-catalog.h
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

#define LSM_TYPE_CATALOG (lsm_catalog_get_type ())

G_DECLARE_FINAL_TYPE (LsmCatalog, lsm_catalog, LSM, CATALOG, GObject)

LsmCatalog   *lsm_catalog_new                  (void);
GListModel   *lsm_catalog_get_sites            (LsmCatalog *self);
GListModel   *lsm_catalog_get_districts        (LsmCatalog *self);
GListModel   *lsm_catalog_get_context          (LsmCatalog *self);
GListModel   *lsm_catalog_get_sources          (LsmCatalog *self);
GListModel   *lsm_catalog_get_crosschecks      (LsmCatalog *self);
GListModel   *lsm_catalog_get_aggregates       (LsmCatalog *self);
LsmGeometry  *lsm_catalog_get_province_outline (LsmCatalog *self);
gboolean      lsm_catalog_get_bounds           (LsmCatalog *self,
                                                LsmBounds  *bounds);
LsmSource    *lsm_catalog_lookup_source        (LsmCatalog *self,
                                                const char *id);
LsmFeature   *lsm_catalog_lookup_site          (LsmCatalog *self,
                                                const char *id);
LsmFeature   *lsm_catalog_lookup_district      (LsmCatalog *self,
                                                const char *name);
LsmFeature   *lsm_catalog_district_at          (LsmCatalog *self,
                                                double      lon,
                                                double      lat);
GListModel   *lsm_catalog_list_aggregates      (LsmCatalog *self,
                                                const char *scope);
guint         lsm_catalog_count_figures        (LsmCatalog *self);
const char   *lsm_catalog_get_as_of            (LsmCatalog *self);
const char * const *lsm_catalog_get_problems   (LsmCatalog *self);
guint         lsm_catalog_get_n_skipped        (LsmCatalog *self);

G_END_DECLS
