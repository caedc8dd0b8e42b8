/* lsm-site-tooltip.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lsm-sites-layer.h"

G_BEGIN_DECLS

void  _lsm_site_tooltip_attach (LsmSitesLayer *layer);
char *_lsm_site_tooltip_markup (LsmFeature    *site);

G_END_DECLS
