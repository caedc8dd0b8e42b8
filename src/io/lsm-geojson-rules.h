/* lsm-geojson-rules.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lsm-catalog.h"

G_BEGIN_DECLS

void _lsm_geojson_check_rules (const char *path,
                               const char *display,
                               LsmCatalog *problems);

G_END_DECLS
