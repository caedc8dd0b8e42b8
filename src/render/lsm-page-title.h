/* lsm-page-title.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "lsm-key.h"
#include "lsm-types.h"

G_BEGIN_DECLS

char *lsm_page_filter_title    (LsmFilter  *filter,
                                const char *district);
char *lsm_page_filter_subtitle (LsmCatalog *catalog,
                                LsmFilter  *filter,
                                const char *district);
char *lsm_page_undrawn_note    (LsmFilter          *filter,
                                const LsmPageSites *sites);

G_END_DECLS
