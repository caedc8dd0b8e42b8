/* lsm-scene-private.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lsm-scene.h"

G_BEGIN_DECLS

double _lsm_scene_fan_radius (guint count);

G_END_DECLS
