/* lsm-search.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *lsm_search_fold        (const char *text);
gboolean  lsm_search_key_matches (const char *key,
                                  const char *folded_query);
gboolean  lsm_search_key_matches_within (const char *key,
                                         gsize       key_len,
                                         const char *folded_query);

G_END_DECLS
