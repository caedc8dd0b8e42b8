/* lsm-map-view-private.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lsm-base-map-source.h"
#include "lsm-highlight-layer.h"
#include "lsm-map-view.h"

G_BEGIN_DECLS

/* The map: ShumateSimpleMap with our offline base map as reference source, optionally online
 * tiles above it, the selected district's outline, and all sites in one layer. A click emits
 * ::feature-activated with the site under the pointer, else the district. */
struct _LsmMapView
{
  GtkWidget          parent_instance;

  ShumateSimpleMap  *map;
  LsmHighlightLayer *highlight;
  LsmSitesLayer     *sites_layer;
  LsmDistrictBadges *badges;
  ShumateMapLayer   *online_layer;
  ShumateMapLayer   *outline_layer;

  LsmOnlineSource   *online_source;
  ShumateMapSource  *online_renderer;
  ShumateMapSource  *outline_source;
  char              *online_url;
  LsmOnlineState     online_state;
  gboolean           online_credited;
  guint              online_failed_source;

  LsmScene          *scene;
  LsmFilter         *filter;
  LsmBaseMapSource  *base;
  LsmFeature        *selected;
  gboolean           fit_pending;
  guint              base_serial;

  /* the keyboard's stop: a site, or the first member of a cluster */
  LsmFeature        *focus_site;
};

void        _lsm_map_view_remove_online    (LsmMapView     *self);
void        _lsm_map_view_set_online_state (LsmMapView     *self,
                                            LsmOnlineState  state);
void        _lsm_map_view_activate         (LsmMapView     *self,
                                            LsmFeature     *feature);
LsmFeature *_lsm_map_view_area_at          (LsmMapView     *self,
                                            double          longitude,
                                            double          latitude);

void        _lsm_map_view_class_init_focus (GtkWidgetClass *widget_class);
void        _lsm_map_view_init_focus       (LsmMapView     *self);
void        _lsm_map_view_update_focus_description (LsmMapView *self);
void        _lsm_map_view_focus_follow     (LsmMapView     *self,
                                            LsmFeature     *feature);

G_END_DECLS
