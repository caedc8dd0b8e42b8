/* lsm-sites-layer-private.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lsm-sites-layer.h"

G_BEGIN_DECLS

struct _LsmSitesLayer
{
  ShumateLayer  parent_instance;

  LsmScene     *scene;
  LsmFilter    *filter;
  LsmFeature   *selected;
  GPtrArray    *textures; /* of GdkTexture, at sector * LSM_N_PRECISIONS + precision */
  GHashTable   *cluster_textures; /* sector × count → GdkTexture */
  int           texture_scale;

  /* The filter's model, placed and clustered (remade when its items change), and the last
   * frame's placements. */
  LsmSiteMatch *match;
  GArray       *placements;
  GArray       *clusters;
  LsmView       view;
  gboolean      placements_valid;
  GCancellable *matching; /* a match being made in a thread */

  GtkWidget    *members_popover;
};

void _lsm_sites_layer_update_placements   (LsmSitesLayer *self);
double      _lsm_sites_layer_texture_extent      (LsmPrecision   precision);
void        _lsm_sites_layer_clear_textures      (LsmSitesLayer *self);
GdkTexture *_lsm_sites_layer_get_texture         (LsmSitesLayer *self,
                                                  LsmSector      sector,
                                                  LsmPrecision   precision);
GdkTexture *_lsm_sites_layer_get_cluster_texture (LsmSitesLayer             *self,
                                                  const LsmClusterPlacement *cluster);
void        _lsm_sites_layer_draw_with_cairo     (LsmSitesLayer *self,
                                                  cairo_t       *cr);
void _lsm_sites_layer_rotate_point        (LsmSitesLayer *self,
                                           double        *x,
                                           double        *y,
                                           double         direction);
void _lsm_sites_layer_emit_site_activated (LsmSitesLayer *self,
                                           LsmFeature    *site);
const LsmClusterPlacement *_lsm_sites_layer_find_cluster (LsmSitesLayer *self,
                                                          double         x,
                                                          double         y);

G_END_DECLS
