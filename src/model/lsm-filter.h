/* lsm-filter.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "lsm-types.h"

G_BEGIN_DECLS

#define LSM_TYPE_FILTER (lsm_filter_get_type ())

G_DECLARE_FINAL_TYPE (LsmFilter, lsm_filter, LSM, FILTER, GObject)

LsmFilter   *lsm_filter_new                (GListModel         *model);
GListModel  *lsm_filter_get_model          (LsmFilter          *self);
void         lsm_filter_set_model          (LsmFilter          *self,
                                            GListModel         *model);

const char * const *lsm_filter_get_hidden_sectors  (LsmFilter  *self);
void         lsm_filter_set_hidden_sectors (LsmFilter          *self,
                                            const char * const *ids);
gboolean     lsm_filter_get_sector_visible (LsmFilter          *self,
                                            LsmSector           sector);
void         lsm_filter_set_sector_visible (LsmFilter          *self,
                                            LsmSector           sector,
                                            gboolean            visible);
void         lsm_filter_show_only_sectors  (LsmFilter          *self,
                                            const char * const *ids);

const char * const *lsm_filter_get_hidden_statuses (LsmFilter  *self);
void         lsm_filter_set_hidden_statuses (LsmFilter         *self,
                                            const char * const *ids);
gboolean     lsm_filter_get_status_visible (LsmFilter          *self,
                                            LsmStatus           status);
void         lsm_filter_set_status_visible (LsmFilter          *self,
                                            LsmStatus           status,
                                            gboolean            visible);
void         lsm_filter_show_only_statuses (LsmFilter          *self,
                                            const char * const *ids);

const char  *lsm_filter_get_district       (LsmFilter          *self);
void         lsm_filter_set_district       (LsmFilter          *self,
                                            const char         *district);
const char  *lsm_filter_get_search_text    (LsmFilter          *self);
const char  *lsm_filter_get_folded_search  (LsmFilter          *self);
void         lsm_filter_set_search_text    (LsmFilter          *self,
                                            const char         *text);

guint        lsm_filter_get_n_visible      (LsmFilter          *self,
                                            LsmSector           sector);
guint        lsm_filter_get_n_total        (LsmFilter          *self,
                                            LsmSector           sector);

GStrv        lsm_filter_parse_sectors      (const char         *list,
                                            GError            **error);
GStrv        lsm_filter_parse_statuses     (const char         *list,
                                            GError            **error);

G_END_DECLS
