/* lsm-base-map-source.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <shumate/shumate.h>

#include "lsm-scene.h"

G_BEGIN_DECLS

#define LSM_TYPE_BASE_MAP_SOURCE (lsm_base_map_source_get_type ())

G_DECLARE_FINAL_TYPE (LsmBaseMapSource, lsm_base_map_source, LSM, BASE_MAP_SOURCE, ShumateMapSource)

LsmBaseMapSource *lsm_base_map_source_new        (LsmScene         *scene);
LsmBaseMapSource *lsm_base_map_source_new_restyled (LsmScene       *scene,
                                                   guint           serial);
LsmBaseMapSource *lsm_base_map_source_new_overlay (LsmScene        *scene);
guint             lsm_base_map_source_get_n_filled (LsmBaseMapSource *self);
guint             lsm_base_map_source_get_n_pending (LsmBaseMapSource *self);

G_END_DECLS
