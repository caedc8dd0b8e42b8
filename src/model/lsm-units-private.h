/* lsm-units-private.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lsm-units.h"

G_BEGIN_DECLS

void _lsm_catalog_assign_units_2025 (LsmCatalog *catalog,
                                     const char *sites_file);

G_END_DECLS
