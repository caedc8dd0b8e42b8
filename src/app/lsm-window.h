/* lsm-window.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lsm-layer.h"
#include "lsm-loader.h"
#include "lsm-types.h"

G_BEGIN_DECLS

#define LSM_TYPE_WINDOW (lsm_window_get_type ())

G_DECLARE_FINAL_TYPE (LsmWindow, lsm_window, LSM, WINDOW, AdwApplicationWindow)

LsmWindow  *lsm_window_new          (GtkApplication *application);
void        lsm_window_load         (LsmWindow      *self,
                                     const char     *path);
void        lsm_window_load_from    (LsmWindow      *self,
                                     const char     *path,
                                     LsmLoader      *loader);
LsmCatalog *lsm_window_get_catalog  (LsmWindow      *self);
LsmFilter  *lsm_window_get_filter   (LsmWindow      *self);
void        lsm_window_select       (LsmWindow      *self,
                                     LsmFeature     *feature,
                                     gboolean        center);
void        lsm_window_add_layer    (LsmWindow      *self,
                                     const char     *path);
void        lsm_window_remove_layer (LsmWindow      *self,
                                     LsmLayer       *layer);
GListModel *lsm_window_get_layers   (LsmWindow      *self);
void        lsm_window_restore_layers (LsmWindow    *self);
void        lsm_window_open_files   (LsmWindow      *self,
                                     GListModel     *files);

G_END_DECLS
