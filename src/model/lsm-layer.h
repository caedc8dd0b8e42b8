/* lsm-layer.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "lsm-types.h"

G_BEGIN_DECLS

#define LSM_TYPE_LAYER (lsm_layer_get_type ())

G_DECLARE_FINAL_TYPE (LsmLayer, lsm_layer, LSM, LAYER, GObject)

LsmLayer   *lsm_layer_new            (const char *path,
                                      LsmCatalog *catalog);
const char *lsm_layer_get_path       (LsmLayer   *self);
const char *lsm_layer_get_title      (LsmLayer   *self);
LsmCatalog *lsm_layer_get_catalog    (LsmLayer   *self);
void        lsm_layer_set_catalog    (LsmLayer   *self,
                                      LsmCatalog *catalog);
gboolean    lsm_layer_get_visible    (LsmLayer   *self);
void        lsm_layer_set_visible    (LsmLayer   *self,
                                      gboolean    visible);
guint       lsm_layer_get_n_features (LsmLayer   *self);
guint       lsm_layer_get_n_problems (LsmLayer   *self);
gboolean    lsm_layer_is_bundled     (LsmLayer   *self);

LsmCatalog *lsm_layer_merge          (GListModel *layers);

G_END_DECLS
