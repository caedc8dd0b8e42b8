/* lsm-headline.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "lsm-types.h"

G_BEGIN_DECLS

/* The columns of the table of sites and of "lsmap --list --sort=": the ids are the command
 * line's. Keep in sync with the table in lsm-headline.c. */
typedef enum
{
  LSM_COLUMN_NAME,
  LSM_COLUMN_SECTOR,
  LSM_COLUMN_DISTRICT,
  LSM_COLUMN_COMMUNE_2025,
  LSM_COLUMN_STATUS,
  LSM_COLUMN_CAPACITY,
  LSM_COLUMN_AREA,
  LSM_COLUMN_INVESTMENT,
  LSM_COLUMN_YEAR,
  LSM_COLUMN_PRECISION,
  LSM_N_COLUMNS
} LsmColumn;

const char *lsm_column_get_id          (LsmColumn     column);
const char *lsm_column_get_label       (LsmColumn     column);
gboolean    lsm_column_is_numeric      (LsmColumn     column);
gboolean    lsm_column_applies         (LsmColumn     column,
                                        GListModel   *sites);
gboolean    lsm_column_parse_sort      (const char   *text,
                                        LsmColumn    *column,
                                        gboolean     *reversed,
                                        GError      **error);

gboolean    lsm_unit_convert           (double        value,
                                        const char   *from,
                                        const char   *to,
                                        double       *result);

gboolean    lsm_site_get_headline      (LsmFeature   *site,
                                        LsmColumn     column,
                                        double       *value);
char       *lsm_site_format_column     (LsmFeature   *site,
                                        LsmColumn     column);
char       *lsm_site_format_spoken     (LsmFeature   *site);
int         lsm_site_compare           (LsmFeature   *a,
                                        LsmFeature   *b,
                                        LsmColumn     column,
                                        gboolean      reversed);
GListModel *lsm_site_sort              (GListModel   *sites,
                                        LsmColumn     column,
                                        gboolean      reversed);

G_END_DECLS
