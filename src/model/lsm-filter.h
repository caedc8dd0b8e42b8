/* lsm-filter.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lsm-types.h"

G_BEGIN_DECLS

#define LSM_TYPE_FILTER (lsm_filter_get_type ())

G_DECLARE_FINAL_TYPE (LsmFilter, lsm_filter, LSM, FILTER, GObject)

LsmFilter  *lsm_filter_new              (void);
guint       lsm_filter_get_sectors      (LsmFilter   *self);
void        lsm_filter_set_sectors      (LsmFilter   *self,
                                         guint        sectors);
gboolean    lsm_filter_get_sector_visible (LsmFilter *self,
                                         LsmSector    sector);
void        lsm_filter_set_sector_visible (LsmFilter *self,
                                         LsmSector    sector,
                                         gboolean     visible);
guint       lsm_filter_get_statuses     (LsmFilter   *self);
void        lsm_filter_set_statuses     (LsmFilter   *self,
                                         guint        statuses);
const char *lsm_filter_get_district     (LsmFilter   *self);
void        lsm_filter_set_district     (LsmFilter   *self,
                                         const char  *district);
const char *lsm_filter_get_search_text  (LsmFilter   *self);
const char *lsm_filter_get_folded_search (LsmFilter  *self);
void        lsm_filter_set_search_text  (LsmFilter   *self,
                                         const char  *text);
gboolean    lsm_filter_match            (LsmFilter   *self,
                                         LsmFeature  *feature);
gboolean    lsm_filter_parse_sectors    (const char  *list,
                                         guint       *sectors,
                                         GError     **error);
gboolean    lsm_filter_parse_statuses   (const char  *list,
                                         guint       *statuses,
                                         GError     **error);

#define LSM_FILTER_ALL_SECTORS  ((1u << LSM_N_SECTORS) - 1)
#define LSM_FILTER_ALL_STATUSES ((1u << LSM_N_STATUSES) - 1)

G_END_DECLS
