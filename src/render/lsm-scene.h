/* lsm-scene.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "lsm-choropleth.h"
#include "lsm-types.h"
#include "lsm-units.h"
#include "lsm-view.h"

G_BEGIN_DECLS

typedef enum
{
  LSM_SCENE_BACKGROUND = 1 << 0,
  LSM_SCENE_CONTEXT    = 1 << 1,
  LSM_SCENE_DISTRICTS  = 1 << 2,
  LSM_SCENE_LABELS     = 1 << 3,
  LSM_SCENE_SITES      = 1 << 4,
  LSM_SCENE_NO_FILLS   = 1 << 5, /* outlines only, for drawing over other tiles */
  LSM_SCENE_WHOLE_LABELS = 1 << 6, /* only labels that fit the view whole (a page, not a tile) */
  LSM_SCENE_BASE       = LSM_SCENE_BACKGROUND | LSM_SCENE_CONTEXT | LSM_SCENE_DISTRICTS | LSM_SCENE_LABELS,
  LSM_SCENE_ALL        = LSM_SCENE_BASE | LSM_SCENE_SITES,
} LsmSceneParts;

/* Where a site's symbol goes. Sites that share a point are fanned out around it, so none hides
 * another; (anchor_x, anchor_y) is the true position. */
typedef struct
{
  LsmFeature *site; /* borrowed from the catalog */
  double      x;
  double      y;
  double      anchor_x;
  double      anchor_y;
} LsmPlacement;

/* The sites a filter lets through, with how sites sharing a point fan out. Cheap to place for
 * any view; remake it when the filter changes. */
typedef struct _LsmSiteMatch LsmSiteMatch;

/* Sites whose symbols would overlap, as clusters at every zoom: see lsm-clusters.h. */
typedef struct _LsmClusters LsmClusters;

#define LSM_TYPE_SCENE (lsm_scene_get_type ())

G_DECLARE_FINAL_TYPE (LsmScene, lsm_scene, LSM, SCENE, GObject)

LsmScene   *lsm_scene_new          (LsmCatalog    *catalog);
LsmCatalog *lsm_scene_get_catalog  (LsmScene      *self);
void        lsm_scene_set_units    (LsmScene      *self,
                                    LsmUnits       units);
LsmUnits    lsm_scene_get_units    (LsmScene      *self);
void        lsm_scene_draw         (LsmScene      *self,
                                    cairo_t       *cr,
                                    const LsmView *view,
                                    LsmSceneParts  parts,
                                    LsmFilter     *filter);
GArray     *lsm_scene_place_sites  (LsmScene      *self,
                                    const LsmView *view,
                                    LsmFilter     *filter,
                                    GArray       **clusters);
LsmSiteMatch *lsm_scene_match_sites (LsmScene     *self,
                                    LsmFilter     *filter);
LsmSiteMatch *lsm_scene_match_items (LsmScene     *self,
                                    GPtrArray     *sites,
                                    LsmSiteMatch  *all);
GArray     *lsm_scene_place_matched (LsmScene     *self,
                                    const LsmView *view,
                                    LsmSiteMatch  *match,
                                    GArray        *clusters);
LsmSiteMatch *lsm_scene_get_all_sites (LsmScene     *self);
LsmSiteMatch *lsm_scene_peek_all_sites (LsmScene    *self);
void          lsm_scene_prepare       (LsmScene     *self);
LsmClusters *lsm_site_match_get_clusters (LsmSiteMatch *match);
guint       lsm_site_match_get_n_sites (const LsmSiteMatch *match);
LsmSiteMatch *lsm_site_match_ref   (LsmSiteMatch  *match);
void        lsm_site_match_free    (LsmSiteMatch  *match);
guint       lsm_site_match_get_n_shapes (const LsmSiteMatch *match);
LsmFeature *lsm_site_match_get_shape_site (const LsmSiteMatch *match,
                                    guint          index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LsmSiteMatch, lsm_site_match_free)
void        lsm_scene_draw_sites   (LsmScene      *self,
                                    cairo_t       *cr,
                                    const LsmView *view,
                                    GArray        *placements);
void        lsm_scene_draw_clusters (LsmScene     *self,
                                    cairo_t       *cr,
                                    const LsmView *view,
                                    GArray        *clusters);
void        lsm_scene_draw_shapes  (LsmScene      *self,
                                    cairo_t       *cr,
                                    const LsmView *view,
                                    LsmSiteMatch  *match,
                                    LsmFeature    *selected);
LsmFeature *lsm_scene_pick_shape   (LsmScene      *self,
                                    const LsmView *view,
                                    LsmSiteMatch  *match,
                                    double         x,
                                    double         y);

void        lsm_scene_set_choropleth (LsmScene      *self,
                                      LsmChoropleth *choropleth);
LsmChoropleth *lsm_scene_get_choropleth (LsmScene   *self);

G_END_DECLS
