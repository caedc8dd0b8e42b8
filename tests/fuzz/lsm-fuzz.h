/* lsm-fuzz.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "lsm-catalog.h"

G_BEGIN_DECLS

/* The entry point every harness defines, called by libFuzzer or by lsm-fuzz-main.c. */
int   LLVMFuzzerTestOneInput (const guint8 *data,
                              size_t        size);

void  lsm_fuzz_init          (void);
char *lsm_fuzz_make_dir      (void);
char *lsm_fuzz_write_file    (const char   *dir,
                              const char   *name,
                              const guint8 *data,
                              gsize         size);
void  lsm_fuzz_remove_dir    (const char   *dir);
void  lsm_fuzz_assert_text   (const char   *text);
LsmCatalog *lsm_fuzz_load_dir (const char  *dir,
                               GError     **error);

G_END_DECLS
