/* lsm-highlight-layer.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <shumate/shumate.h>

#include "lsm-types.h"

G_BEGIN_DECLS

#define LSM_TYPE_HIGHLIGHT_LAYER (lsm_highlight_layer_get_type ())

G_DECLARE_FINAL_TYPE (LsmHighlightLayer, lsm_highlight_layer, LSM, HIGHLIGHT_LAYER, ShumateLayer)

LsmHighlightLayer *lsm_highlight_layer_new          (ShumateViewport   *viewport);
LsmFeature        *lsm_highlight_layer_get_district (LsmHighlightLayer *self);
void               lsm_highlight_layer_set_district (LsmHighlightLayer *self,
                                                     LsmFeature        *district);

G_END_DECLS
