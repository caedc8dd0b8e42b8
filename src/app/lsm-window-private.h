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
  LsmSidebar           *sidebar;
  LsmMapView           *map_view;
  LsmDetailPanel       *detail_panel;

  /* owned */
  GSettings            *settings;
  GCancellable         *cancellable;
  LsmCatalog           *catalog;
  LsmScene             *scene;
  LsmFilter            *filter;
  GListStore           *sites;      /* what the list shows, spliced on each load */
  GtkCustomFilter      *list_filter;
  GtkCustomSorter      *relevance;
  GtkSingleSelection   *selection;
  gboolean              selecting;
  gboolean              show_sidebar;
  gboolean              online_failure_told;
  guint                 n_sectors;  /* the sectors the filter state has heard of */
};

void      _lsm_window_class_add_actions (GtkWidgetClass *widget_class);
void      _lsm_window_update_actions    (LsmWindow      *self);
AdwToast *_lsm_window_toast             (LsmWindow      *self,
                                         const char     *text,
                                         guint           timeout);

G_END_DECLS
