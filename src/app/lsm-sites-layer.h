/* lsm-sites-layer.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <shumate/shumate.h>

#include "lsm-clusters.h"
#include "lsm-scene.h"

G_BEGIN_DECLS

#define LSM_TYPE_SITES_LAYER (lsm_sites_layer_get_type ())

G_DECLARE_FINAL_TYPE (LsmSitesLayer, lsm_sites_layer, LSM, SITES_LAYER, ShumateLayer)

LsmSitesLayer *lsm_sites_layer_new           (ShumateViewport *viewport,
                                              LsmScene        *scene,
                                              LsmFilter       *filter);
LsmFeature    *lsm_sites_layer_pick          (LsmSitesLayer   *self,
                                              double           x,
                                              double           y);
gboolean       lsm_sites_layer_get_position  (LsmSitesLayer   *self,
                                              LsmFeature      *site,
                                              double          *x,
                                              double          *y);
guint          lsm_sites_layer_get_n_drawn   (LsmSitesLayer   *self);
LsmFeature    *lsm_sites_layer_get_drawn     (LsmSitesLayer   *self,
                                              guint            index,
                                              double          *x,
                                              double          *y);
LsmFeature    *lsm_sites_layer_get_selected  (LsmSitesLayer   *self);
void           lsm_sites_layer_set_selected  (LsmSitesLayer   *self,
                                              LsmFeature      *site);
void           lsm_sites_layer_compute_view  (LsmSitesLayer   *self,
                                              LsmView         *view);
guint          lsm_sites_layer_get_n_clusters (LsmSitesLayer  *self);
gboolean       lsm_sites_layer_get_cluster   (LsmSitesLayer   *self,
                                              guint            index,
                                              LsmClusterPlacement *cluster,
                                              double          *x,
                                              double          *y);
LsmClusters   *lsm_sites_layer_get_clusters  (LsmSitesLayer   *self);
gboolean       lsm_sites_layer_activate_cluster (LsmSitesLayer *self,
                                              double           x,
                                              double           y);
GtkPopover    *lsm_sites_layer_get_members_popover (LsmSitesLayer *self);
gboolean       lsm_sites_layer_is_ready      (LsmSitesLayer   *self);

G_END_DECLS
