/* lsm-window-private.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lsm-detail-panel.h"
#include "lsm-map-view.h"
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
  GListStore           *sites;      /* the filter's model, spliced on each load */
  LsmFilter            *filter;     /* what every view shows */

  /* owned */
  GSettings            *settings;
  GCancellable         *cancellable;
  LsmCatalog           *catalog;
  LsmScene             *scene;

  /* borrowed */
  GtkSingleSelection   *selection;  /* the sidebar's list */
  gboolean              selecting;
  gboolean              show_sidebar;
  gboolean              online_failure_told;
};

void      _lsm_window_class_add_actions (GtkWidgetClass *widget_class);
void      _lsm_window_update_actions    (LsmWindow      *self);
AdwToast *_lsm_window_toast             (LsmWindow      *self,
                                         const char     *text,
                                         guint           timeout);

G_END_DECLS
