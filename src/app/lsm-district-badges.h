/* lsm-district-badges.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <shumate/shumate.h>

#include "lsm-scene.h"
#include "lsm-types.h"

G_BEGIN_DECLS

#define LSM_TYPE_DISTRICT_BADGES (lsm_district_badges_get_type ())

G_DECLARE_FINAL_TYPE (LsmDistrictBadges, lsm_district_badges, LSM, DISTRICT_BADGES, GObject)

LsmDistrictBadges *lsm_district_badges_new       (ShumateViewport   *viewport,
                                                  LsmScene          *scene,
                                                  LsmFilter         *filter);
void               lsm_district_badges_set_named (LsmDistrictBadges *self,
                                                  gboolean           named);
ShumateLayer      *lsm_district_badges_get_layer (LsmDistrictBadges *self);
GtkMenuButton     *lsm_district_badges_get_badge (LsmDistrictBadges *self,
                                                  LsmFeature        *district);

G_END_DECLS
