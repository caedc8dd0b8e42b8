/* lsm-clusters.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "lsm-types.h"
#include "lsm-scene-private.h"
#include "lsm-view.h"

G_BEGIN_DECLS

/* One cluster symbol: @count sites, drawn where symbols of its members would overlap. Its members
 * are lsm_clusters_get_member (clusters, first + i) for i < count. */
typedef struct
{
  double    x;         /* view px */
  double    y;
  double    radius;    /* view px */
  guint     first;
  guint     count;
  LsmSector sector;    /* the most common among its members */
  gboolean  one_point; /* all its members on one spot: zooming in cannot split it */
} LsmClusterPlacement;

/* Sites that share a spot and fan out around it, up to this many; more become a cluster. */
#define LSM_CLUSTERS_FAN_MAX 12

LsmClusters *lsm_clusters_new         (const LsmSiteEntry *const *entries,
                                       guint                  n_entries);

void         lsm_clusters_free        (LsmClusters           *self);
guint        lsm_clusters_get_n_sites (const LsmClusters     *self);
LsmFeature  *lsm_clusters_get_member  (const LsmClusters     *self,
                                       guint                  index);
void         lsm_clusters_get_extent  (const LsmClusters     *self,
                                       const LsmClusterPlacement *cluster,
                                       double                *min_mx,
                                       double                *min_my,
                                       double                *max_mx,
                                       double                *max_my);
void         lsm_clusters_place       (const LsmClusters     *self,
                                       const LsmView         *view,
                                       GArray                *placements,
                                       GArray                *clusters);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LsmClusters, lsm_clusters_free)

G_END_DECLS
