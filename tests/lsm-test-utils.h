/* lsm-test-utils.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lsm-catalog.h"

G_BEGIN_DECLS

LsmCatalog *lsm_test_load_bundled   (void);
void        lsm_test_remove_dir     (const char *dir);
guint       lsm_test_count_entries  (const char *dir);
char       *lsm_test_pdf_text       (const char *path);
void        lsm_test_assert_contains (const char *haystack,
                                      const char *needle);
char       *lsm_test_make_synthetic_dir (guint     n_sites,
                                         guint     n_on_one_point);

G_END_DECLS
