/* lsm-map-view.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <shumate/shumate.h>

#include "lsm-district-badges.h"
#include "lsm-online-source.h"
#include "lsm-sites-layer.h"
#include "lsm-types.h"

G_BEGIN_DECLS

/* What the online base map is doing, for the window to say so. */
typedef enum
{
  LSM_ONLINE_STATE_OFF,
  LSM_ONLINE_STATE_LOADING,     /* asked for, no tile yet */
  LSM_ONLINE_STATE_SHOWN,       /* tiles drawn, and credited */
  LSM_ONLINE_STATE_UNAVAILABLE, /* a tile could not be had: only the offline map is drawn */
} LsmOnlineState;

#define LSM_TYPE_ONLINE_STATE (lsm_online_state_get_type ())
GType lsm_online_state_get_type (void);

#define LSM_TYPE_MAP_VIEW (lsm_map_view_get_type ())

G_DECLARE_FINAL_TYPE (LsmMapView, lsm_map_view, LSM, MAP_VIEW, GtkWidget)

void              lsm_map_view_set_data          (LsmMapView  *self,
                                                  LsmScene    *scene,
                                                  LsmFilter   *filter);
LsmFeature       *lsm_map_view_get_selected      (LsmMapView  *self);
void              lsm_map_view_select            (LsmMapView  *self,
                                                  LsmFeature  *feature,
                                                  gboolean     center);
void              lsm_map_view_fit_province      (LsmMapView  *self);
void              lsm_map_view_set_view          (LsmMapView  *self,
                                                  double       latitude,
                                                  double       longitude,
                                                  double       zoom);
void              lsm_map_view_zoom              (LsmMapView  *self,
                                                  double       steps);
void              lsm_map_view_pan               (LsmMapView  *self,
                                                  double       dx,
                                                  double       dy);
gboolean          lsm_map_view_activate_at       (LsmMapView  *self,
                                                  double       x,
                                                  double       y);
ShumateViewport  *lsm_map_view_get_viewport      (LsmMapView  *self);
ShumateSimpleMap *lsm_map_view_get_map           (LsmMapView  *self);
void              lsm_map_view_restyle           (LsmMapView  *self);
LsmSitesLayer    *lsm_map_view_get_sites_layer   (LsmMapView  *self);
LsmDistrictBadges *lsm_map_view_get_district_badges (LsmMapView *self);
ShumateMapSource *lsm_map_view_get_base_source   (LsmMapView  *self);
LsmOnlineSource  *lsm_map_view_set_online       (LsmMapView  *self,
                                                  const char  *url_template);
LsmOnlineState    lsm_map_view_get_online_state (LsmMapView  *self);
void              lsm_map_view_refresh_base_map (LsmMapView  *self);

G_END_DECLS
