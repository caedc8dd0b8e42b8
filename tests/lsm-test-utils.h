/* lsm-test-utils.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lsm-catalog.h"

G_BEGIN_DECLS

/* The seed of the synthetic sites' spread: a cache of them is keyed by it. */
#define LSM_TEST_SYNTHETIC_SEED 42

LsmCatalog *lsm_test_load           (const char *path);
LsmCatalog *lsm_test_load_bundled   (void);
void        lsm_test_remove_dir     (const char *dir);
void        lsm_test_copy_files     (const char         *from,
                                     const char         *to,
                                     const char * const *names);
guint       lsm_test_count_entries  (const char *dir);
char       *lsm_test_pdf_text       (const char *path);
char       *lsm_test_pdf_raw_text   (const char *path);
char       *lsm_test_squeeze        (const char *text);
void        lsm_test_assert_contains (const char *haystack,
                                      const char *needle);
gboolean    lsm_test_rgb_near       (guint32     a,
                                      guint32     b);
const char *lsm_test_postgis        (void);
void        lsm_test_postgis_server (const char *what);
LsmSector   lsm_test_sector         (const char *id);
char       *lsm_test_make_synthetic_data (guint n_sites);
glong       lsm_test_run_peak_rss   (const char * const *argv,
                                     int                *exit_status);

char       *lsm_test_write_gpkg     (const char *fixture,
                                     const char *dir);

char       *lsm_test_make_synthetic_dir (guint     n_sites,
                                         guint     n_on_one_point);
double      lsm_test_time_ogr_read  (const char * const *paths);
double      lsm_test_median         (const double       *values,
                                     guint               n);
char      **lsm_test_files_read_by_load (const char *dir,
                                         const char *sites);
void        lsm_test_translate_vector (const char *from,
                                       const char *to,
                                       char      **argv);
char       *lsm_test_convert_sites  (const char *dir,
                                     const char *driver,
                                     const char *name);

G_END_DECLS
