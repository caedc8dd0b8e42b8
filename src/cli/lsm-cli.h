/* lsm-cli.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stdio.h>

#include "lsm-types.h"

G_BEGIN_DECLS

typedef enum
{
  LSM_CLI_FORMAT_TEXT,
  LSM_CLI_FORMAT_CSV,
  LSM_CLI_FORMAT_JSON,
} LsmCliFormat;

gboolean lsm_cli_parse_format   (const char    *name,
                                 LsmCliFormat  *format,
                                 GError       **error);
void     lsm_cli_print_list     (FILE          *out,
                                 LsmFilter     *filter,
                                 LsmCliFormat   format);
void     lsm_cli_print_summary  (FILE          *out,
                                 LsmCatalog    *catalog);
int      lsm_cli_validate       (FILE          *out,
                                 const char * const *files,
                                 LsmCatalog    *reference);
char    *lsm_cli_describe_vocabulary (void);

G_END_DECLS
