/* lsm-writer.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define LSM_WRITER_ERROR (lsm_writer_error_quark ())

typedef enum
{
  LSM_WRITER_ERROR_EXISTS,
  LSM_WRITER_ERROR_FAILED,
  LSM_WRITER_ERROR_NO_SITES,
} LsmWriterError;

typedef enum
{
  LSM_WRITER_FORMAT_GPKG,
  LSM_WRITER_FORMAT_FOLDER,
  LSM_WRITER_FORMAT_POSTGIS,
} LsmWriterFormat;

GQuark   lsm_writer_error_quark (void);
gboolean lsm_writer_parse_dest  (const char       *dest,
                                 LsmWriterFormat  *format,
                                 GError          **error);
gboolean lsm_writer_convert     (const char       *source,
                                 const char       *dest,
                                 GHashTable       *site_ids,
                                 gboolean          overwrite,
                                 GCancellable     *cancellable,
                                 GError          **error);

G_END_DECLS
