/* lsm-loader-cells.h: the cells of a table's row, read whatever type the driver gave the column
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lsm-gdal-private.h"

G_BEGIN_DECLS

typedef struct
{
  LsmLayerReader  reader;
  OGRFeatureH     row;
  guint           number;  /* as the user finds it: a spreadsheet's row, a CSV's line */
  char           *id;
  char           *what;    /* "row 7 (bg-x)", made when a message needs it */
} LsmTableRow;

#define LSM_TABLE_ROW_PROBLEM(row, format, ...) \
  G_STMT_START { \
    g_autofree char *row_problem_ = g_strdup_printf (format, __VA_ARGS__); \
    _lsm_catalog_add_problem ((row)->reader.catalog, (row)->reader.display, "%s: %s", \
                              _lsm_table_row_what (row), row_problem_); \
  } G_STMT_END

const char *_lsm_table_row_what       (LsmTableRow *row);
gboolean    _lsm_table_cell_text      (LsmTableRow *row,
                                       const char  *name,
                                       char       **out);
gboolean    _lsm_table_cell_interned  (LsmTableRow *row,
                                       const char  *name,
                                       const char **out);
gboolean    _lsm_table_cell_both      (LsmTableRow *row,
                                       const char  *vi_name,
                                       const char  *en_name,
                                       const char  *plain_name,
                                       LsmText     *out);
gboolean    _lsm_table_cell_number    (LsmTableRow *row,
                                       const char  *name,
                                       gboolean    *present,
                                       double      *out);

G_END_DECLS
