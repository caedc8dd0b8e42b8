/* lsm-area-index.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "lsm-types.h"

G_BEGIN_DECLS

typedef struct _LsmAreaIndex LsmAreaIndex;

LsmAreaIndex *_lsm_area_index_new  (GListModel   *areas);
void          _lsm_area_index_free (LsmAreaIndex *self);
LsmFeature   *_lsm_area_index_find (LsmAreaIndex *self,
                                    double        lon,
                                    double        lat);

gboolean      _lsm_area_index_is_near_edge (LsmAreaIndex *self,
                                            double        lon,
                                            double        lat,
                                            double        distance_m);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LsmAreaIndex, _lsm_area_index_free)

G_END_DECLS
