/* lsm-cli.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stdio.h>

#include "lsm-page.h"
#include "lsm-types.h"
#include "lsm-units.h"

G_BEGIN_DECLS

/* Bad usage (an unknown option, a bad value, options that do not go together) exits with 2, as
 * getopt-style tools do; anything else that fails (data that cannot be read, a file that cannot
 * be written, problems found by --validate) with 1. */
#define LSM_CLI_EXIT_FAILURE 1
#define LSM_CLI_EXIT_USAGE   2

typedef enum
{
  LSM_CLI_FORMAT_TEXT,
  LSM_CLI_FORMAT_CSV,
  LSM_CLI_FORMAT_JSON,
} LsmCliFormat;

gboolean lsm_cli_parse_format   (const char    *name,
                                 LsmCliFormat  *format,
                                 GError       **error);
void     lsm_cli_print_problems (FILE          *out,
                                 LsmCatalog    *catalog);
void     lsm_cli_print_list     (FILE          *out,
                                 GListModel    *sites,
                                 LsmCliFormat   format);
void     lsm_cli_print_overview (FILE          *out,
                                 LsmCatalog    *catalog,
                                 LsmFilter     *filter,
                                 LsmCliFormat   format);
void     lsm_cli_print_summary  (FILE          *out,
                                 LsmCatalog    *catalog);
int      lsm_cli_validate       (FILE          *out,
                                 const char * const *files,
                                 LsmCatalog    *reference);
char    *lsm_cli_describe_vocabulary (void);
gboolean lsm_cli_check_usage    (GVariantDict  *options,
                                 GError       **error);
gboolean lsm_cli_parse_page_options (GVariantDict   *options,
                                 LsmPageFormat   format,
                                 LsmPageOptions *page,
                                 GError        **error);
gboolean lsm_cli_convert        (const char    *source,
                                 LsmFilter     *filter,
                                 const char    *dest,
                                 gboolean       overwrite,
                                 GError       **error);
gboolean lsm_cli_parse_units    (GVariantDict  *options,
                                 LsmUnits      *units,
                                 GError       **error);
int      lsm_cli_exit_status    (const GError  *error);
void     lsm_cli_remove_temp_files_on_signals (void);

G_END_DECLS
