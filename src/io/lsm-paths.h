/* lsm-paths.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean    lsm_paths_is_uninstalled (void);
const char *lsm_paths_get_data_dir   (void);
const char *lsm_paths_get_locale_dir (void);
const char *lsm_paths_get_schema_dir (void);

G_END_DECLS
