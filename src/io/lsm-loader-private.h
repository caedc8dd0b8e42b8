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
  LSM_LAYER_FIGURES,   /* tables: rows without geometry */
  LSM_LAYER_SOURCES,
  LSM_LAYER_IMPORT,    /* a user's own file: sites from any columns and geometries */
  LSM_LAYER_UNITS_2025, /* the commune-level units since 1 July 2025 */
} LsmLayerKind;

/* What a figure row describes; a mask of them says which rows a reader takes. */
typedef enum
{
  LSM_SUBJECT_SITE     = 1 << 0,
  LSM_SUBJECT_DISTRICT = 1 << 1,
  LSM_SUBJECT_PROVINCE = 1 << 2,
  LSM_SUBJECT_SECTOR   = 1 << 3,
  LSM_SUBJECT_ALL      = 0xf,
} LsmSubjects;

/* Shared with lsm-loader-async.c, which runs a load in a worker thread. */
struct _LsmLoader
{
  GObject       parent_instance;

  char         *path;
  char         *id_scope;     /* prefixed to site ids: the layer they are shown in */
  double        progress;
  gboolean      default_dir;  /* the path is the data folder nobody chose */

  /* Worker-side progress: where to report it and how far we are. */
  GMainContext *context;
  double        last_reported;
  guint         n_done;
  guint         n_total;

  /* A load begun by lsm_loader_start(): its result, once there, waits for load_async. */
  GCancellable *start_cancellable;
  gboolean      start_done;
  LsmCatalog   *start_catalog;
  GError       *start_error;
  GTask        *waiter;
};

typedef void (*LsmFeatureDone) (gpointer data);

gboolean _lsm_gdal_read_vector     (const char     *path,
                                    LsmLayerKind    kind,
                                    LsmCatalog     *catalog,
                                    LsmFeatureDone  feature_done,
                                    gpointer        feature_done_data,
                                    GCancellable   *cancellable,
                                    guint          *found,
                                    GError        **error);
gboolean _lsm_gdal_read_table_file (const char     *path,
                                    LsmLayerKind    kind,
                                    guint           subjects,
                                    LsmCatalog     *reference,
                                    LsmCatalog     *catalog,
                                    GError        **error);
char    *_lsm_loader_find_table    (const char     *dir,
                                    const char     *name);
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
char    *_lsm_loader_display_name     (const char  *path);
const char *_lsm_loader_cause_of      (const GError *error,
                                       const char   *display);
gboolean _lsm_loader_is_online_path   (const char  *path);
gboolean _lsm_loader_check_path       (const char  *path,
                                       gboolean     directory_ok,
                                       GError     **error);
void     _lsm_import_find_districts   (LsmCatalog  *catalog);
void     _lsm_import_scope_ids        (LsmCatalog  *catalog,
                                       const char  *scope);

G_END_DECLS
