/* lsm-bench.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

double lsm_bench_resident_bytes     (void);
char  *lsm_bench_cached_gpkg        (guint       n_sites);
void   lsm_bench_window_load        (const char *path,
                                     guint       n_sites);
int    lsm_bench_window_load_only   (guint       n_sites);
int    lsm_bench_window_cancel_only (guint       n_sites);

G_END_DECLS
