/* lsm-loader-private.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "lsm-catalog.h"
#include "lsm-loader.h"

G_BEGIN_DECLS

typedef enum
{
  LSM_LAYER_AUTO,      /* each layer by its name, else its fields */
  LSM_LAYER_SITES,
  LSM_LAYER_DISTRICTS,
  LSM_LAYER_CONTEXT,
  LSM_LAYER_PROVINCE,
  LSM_LAYER_UNITS_2025, /* the commune-level units since 1 July 2025 */
} LsmLayerKind;

typedef void (*LsmFeatureDone) (gpointer data);

gboolean _lsm_gdal_read_vector     (const char     *path,
                                    LsmLayerKind    kind,
                                    LsmCatalog     *catalog,
                                    LsmFeatureDone  feature_done,
                                    gpointer        feature_done_data,
                                    GCancellable   *cancellable,
                                    guint          *found,
                                    GError        **error);
guint    _lsm_gdal_count_features  (const char     *path);
void     _lsm_gdal_push_quiet      (void);
void     _lsm_gdal_pop_quiet       (void);

int      _lsm_loader_error_from_errno (int          errno_value);
void     _lsm_loader_set_errno_error  (GError     **error,
                                       int          errno_value,
                                       const char  *display);
char    *_lsm_loader_describe_feature (guint        ordinal,
                                       const char  *id);
void     _lsm_loader_read_head        (const char  *path,
                                       char        *buffer,
                                       gsize        size);
gboolean _lsm_loader_is_online_path   (const char  *path);
gboolean _lsm_loader_check_path       (const char  *path,
                                       gboolean     directory_ok,
                                       GError     **error);

G_END_DECLS
