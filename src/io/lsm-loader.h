/* lsm-loader.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "lsm-types.h"

G_BEGIN_DECLS

#define LSM_LOADER_ERROR (lsm_loader_error_quark ())

typedef enum
{
  LSM_LOADER_ERROR_NOT_FOUND,
  LSM_LOADER_ERROR_EMPTY,
  LSM_LOADER_ERROR_NOT_VECTOR,
  LSM_LOADER_ERROR_INVALID,
  LSM_LOADER_ERROR_CRS,
  LSM_LOADER_ERROR_NO_FEATURES,
  LSM_LOADER_ERROR_PERMISSION,
  LSM_LOADER_ERROR_NOT_REGULAR,
  LSM_LOADER_ERROR_TOO_LARGE,
  LSM_LOADER_ERROR_REFUSED,
} LsmLoaderError;

#define LSM_TYPE_LOADER (lsm_loader_get_type ())

G_DECLARE_FINAL_TYPE (LsmLoader, lsm_loader, LSM, LOADER, GObject)

GQuark      lsm_loader_error_quark     (void);
const char *lsm_loader_get_default_data_dir (void);
LsmLoader  *lsm_loader_new             (const char           *path);
const char *lsm_loader_get_path        (LsmLoader            *self);
void        lsm_loader_set_id_scope    (LsmLoader            *self,
                                        const char           *scope);
double      lsm_loader_get_progress    (LsmLoader            *self);
LsmCatalog *lsm_loader_load            (LsmLoader            *self,
                                        GCancellable         *cancellable,
                                        GError              **error);
void        lsm_loader_start           (LsmLoader            *self);
void        lsm_loader_load_async      (LsmLoader            *self,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
LsmCatalog *lsm_loader_load_finish     (LsmLoader            *self,
                                        GAsyncResult         *result,
                                        GError              **error);
gboolean    lsm_loader_validate_file   (const char           *path,
                                        LsmCatalog           *reference,
                                        GPtrArray            *problems);

/* Registers GDAL's drivers once, whatever thread asks first; for code that calls GDAL itself
 * beside the loader (tests writing fixtures). */
void          lsm_loader_ensure_drivers   (void);

G_END_DECLS
