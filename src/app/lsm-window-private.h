/* lsm-window-private.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lsm-detail-panel.h"
#include "lsm-layers-list.h"
#include "lsm-map-view.h"
#include "lsm-overview-panel.h"
#include "lsm-site-table.h"
#include "lsm-sidebar.h"
#include "lsm-window.h"

G_BEGIN_DECLS

struct _LsmWindow
{
  AdwApplicationWindow  parent_instance;

  /* template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkStack             *stack;
  AdwStatusPage        *error_page;
  GtkProgressBar       *load_progress;
  LsmSidebar           *sidebar;
  LsmMapView           *map_view;
  LsmDetailPanel       *detail_panel;
  LsmOverviewPanel     *overview_panel;
  LsmSiteTable         *site_table;
  LsmFilter            *filter;     /* what every view shows */
  GtkRevealer          *online_banner;
  LsmLayersList        *layers_list;
  GMenu                *base_map_section;

  /* owned */
  GSettings            *settings;
  GCancellable         *cancellable;
  GCancellable         *making_scene; /* the scene being made for the catalog to show, or NULL */
  LsmCatalog           *catalog;    /* the merge of the visible layers */
  LsmScene             *scene;
  GListStore           *layers;     /* LsmLayer, the base layer first once it is loaded */
  GHashTable           *layer_scopes; /* path → the id scope of a user's layer, kept across reloads */
  char                 *base_path;
  gboolean              base_loaded;
  AdwToast             *error_toast;
  GtkFileChooserNative *open_dialog; /* while Open Data… is asked */

  /* borrowed */
  GtkSingleSelection   *selection;  /* the sidebar's list */
  gboolean              selecting;
  gboolean              show_sidebar;
  gboolean              online_menu_unavailable;
  gboolean              overview_closed;
  gboolean              choropleth_connected;
};

void      _lsm_window_class_add_actions (GtkWidgetClass *widget_class);
void      _lsm_window_update_actions    (LsmWindow      *self);
AdwToast *_lsm_window_toast             (LsmWindow      *self,
                                         const char     *text,
                                         guint           timeout);
void      _lsm_window_show_merge        (LsmWindow      *self,
                                         GListModel     *layers);
void      _lsm_window_show_problems     (LsmWindow      *self,
                                         LsmCatalog     *catalog);
void      _lsm_window_class_add_layer_actions (GtkWidgetClass *widget_class);
void      _lsm_window_init_layers       (LsmWindow      *self);
void      _lsm_window_show_layers       (LsmWindow      *self);
guint     _lsm_window_take_new_skipped  (LsmWindow      *self);
void      _lsm_window_set_base          (LsmWindow      *self,
                                         const char     *path,
                                         LsmCatalog     *catalog);
void      _lsm_window_drop_base         (LsmWindow      *self);
void      _lsm_window_class_add_online_actions (GtkWidgetClass *widget_class);
void      _lsm_window_init_online       (LsmWindow      *self);
void      _lsm_window_update_online_map (LsmWindow      *self);
gboolean  _lsm_window_online_map_shown  (LsmWindow      *self);
void      _lsm_window_class_add_overview_actions (GtkWidgetClass *widget_class);
void      _lsm_window_update_overview   (LsmWindow      *self);
void      _lsm_window_show_data_compared (LsmWindow     *self);
void      _lsm_window_init_units        (LsmWindow      *self);
void      _lsm_window_apply_units       (LsmWindow      *self);

G_END_DECLS
