/* lsm-table-export.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define LSM_TABLE_EXPORT_ERROR (lsm_table_export_error_quark ())

typedef enum
{
  LSM_TABLE_EXPORT_ERROR_FORMAT,
  LSM_TABLE_EXPORT_ERROR_WRITE,
} LsmTableExportError;

GQuark   lsm_table_export_error_quark (void);
gboolean lsm_table_export             (GListModel  *sites,
                                       const char  *path,
                                       GError     **error);

G_END_DECLS
