/* lsm-overview.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "lsm-types.h"

G_BEGIN_DECLS

typedef struct
{
  char   *label;
  double  value;
  char   *value_text;  /* with qualifier, as the figure reads */
} LsmChartBar;

/* Figures of one scope that compare: one metric (or the parts of a whole) in one unit. */
typedef struct
{
  char   *title;
  char   *unit;        /* the data's unit id, or NULL for counts */
  GArray *bars;        /* LsmChartBar */
} LsmChart;

/* What the filter shows of one sector in one district (or the province). */
typedef struct
{
  guint   n_sites;
  guint   n_mapped;
  double  capacity_mw;  /* summed over the sites that state one */
  double  area_ha;
  guint   n_capacity;   /* how many sites the sum covers */
  guint   n_area;
} LsmSectorTotals;

#define LSM_TYPE_CHART (lsm_chart_get_type ())

GType      lsm_chart_get_type          (void) G_GNUC_CONST;
LsmChart  *lsm_chart_copy              (const LsmChart *self);
void       lsm_chart_free              (LsmChart       *self);
char      *lsm_chart_format_title      (const LsmChart *self);

GPtrArray *lsm_overview_list_charts    (GListModel     *figures);
void       lsm_overview_count_by_sector (GListModel    *sites,
                                         guint          n_sectors,
                                         guint         *n_sites,
                                         guint         *n_mapped);
guint      lsm_overview_count_sites    (GListModel     *sites,
                                        LsmSector       sector,
                                        guint          *n_mapped);
char      *lsm_overview_format_counts  (guint           n_sites,
                                        guint           n_mapped);
GArray    *lsm_overview_sum_sectors    (GListModel     *sites,
                                        const char     *district);
guint      lsm_overview_cite           (LsmCatalog     *catalog,
                                        GPtrArray      *cited,
                                        const char     *source_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LsmChart, lsm_chart_free)

G_END_DECLS
