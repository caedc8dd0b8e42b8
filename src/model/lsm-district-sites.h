/* lsm-district-sites.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "lsm-types.h"

G_BEGIN_DECLS

gboolean   lsm_feature_is_drawn_as_point (LsmFeature *site);
GListModel *lsm_district_filter_unplaced (GListModel *sites);
GPtrArray *lsm_district_list_unplaced    (GListModel *sites,
                                          LsmFeature *district);

G_END_DECLS
