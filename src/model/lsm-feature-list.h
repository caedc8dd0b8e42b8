/* lsm-feature-list.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "lsm-types.h"

G_BEGIN_DECLS

#define LSM_TYPE_FEATURE_LIST (lsm_feature_list_get_type ())

G_DECLARE_FINAL_TYPE (LsmFeatureList, lsm_feature_list, LSM, FEATURE_LIST, GObject)

LsmFeatureList *lsm_feature_list_new        (void);
void            lsm_feature_list_set        (LsmFeatureList *self,
                                             GPtrArray      *features);
LsmFeature     *lsm_feature_list_peek       (LsmFeatureList *self,
                                             guint           position);

G_END_DECLS
