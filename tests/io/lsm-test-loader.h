/* lsm-test-loader.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lsm-catalog.h"

G_BEGIN_DECLS

/* Loading a fixture for the loader's suites. */
LsmCatalog *load_ok           (const char *path);
char       *mini_dir          (void);
void        assert_load_fails (const char *path,
                               int         code,
                               const char *message);
void        loader_test_init  (int        *argc,
                               char     ***argv);

G_END_DECLS
