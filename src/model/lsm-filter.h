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

/**
 * LsmFilterCounts:
 * @total: the sites of the model, shown or not
 * @matches: those that match the search (all of them without one)
 * @shown: those the filter lets through: matches the other filters do not hide
 * @points: shown, and drawn on the map: a symbol at their point, or a line or an area
 * @in_districts: shown, known only to their district: counted in its badge on the map
 * @unlocated: shown, with no known location: on no map
 *
 * What the filter shows of a sector, or of all, split as the map draws it.
 */
typedef struct
{
  guint total;
  guint matches;
  guint shown;
  guint points;
  guint in_districts;
  guint unlocated;
} LsmFilterCounts;

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
const char  *lsm_filter_get_commune_2025   (LsmFilter          *self);
void         lsm_filter_set_commune_2025   (LsmFilter          *self,
                                            const char         *code);
const char  *lsm_filter_get_search_text    (LsmFilter          *self);
const char  *lsm_filter_get_folded_search  (LsmFilter          *self);
void         lsm_filter_set_search_text    (LsmFilter          *self,
                                            const char         *text);

guint        lsm_filter_get_n_visible      (LsmFilter          *self,
                                            LsmSector           sector);
guint        lsm_filter_get_n_total        (LsmFilter          *self,
                                            LsmSector           sector);
void         lsm_filter_get_counts         (LsmFilter          *self,
                                            LsmSector           sector,
                                            LsmFilterCounts    *counts);
void         lsm_filter_get_all_counts     (LsmFilter          *self,
                                            LsmFilterCounts    *counts);
char        *lsm_filter_counts_format      (const LsmFilterCounts *counts,
                                            gboolean            with_hidden);
char        *lsm_filter_format_shown       (LsmFilter          *self);

gboolean     lsm_filter_get_narrowed       (LsmFilter          *self);
void         lsm_filter_reset              (LsmFilter          *self);
guint        lsm_filter_get_n_hidden_matches (LsmFilter        *self);
void         lsm_filter_show_hidden_matches (LsmFilter         *self);

GStrv        lsm_filter_parse_sectors      (const char         *list,
                                            GError            **error);
GStrv        lsm_filter_parse_statuses     (const char         *list,
                                            GError            **error);

G_END_DECLS
