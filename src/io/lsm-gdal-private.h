/* lsm-gdal-private.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* Shared by the loader's GDAL files, lsm-loader-gdal.c and lsm-loader-features.c: the only
 * files that include GDAL headers. */

#include <cpl_error.h>
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include "lsm-loader-private.h"
#include "lsm-text.h"

G_BEGIN_DECLS

/* Handles are void * typedefs, hence g_auto rather than g_autoptr. */
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (GDALDatasetH, GDALClose, NULL)
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (OGRFeatureH, OGR_F_Destroy, NULL)
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (OGRSpatialReferenceH, OSRDestroySpatialReference, NULL)
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (OGRCoordinateTransformationH, OCTDestroyCoordinateTransformation, NULL)

typedef struct _LsmImportColumns LsmImportColumns;

/* A column a reader asks for by name (a literal, kept by address), found once per layer. */
typedef struct
{
  const char   *name;
  int           index;      /* -1: the layer has no such column */
  OGRFieldType  type;
  const char   *last_word;  /* the word last interned from it: most rows repeat it */
} LsmGdalColumn;

#define LSM_GDAL_MAX_COLUMNS 48

/* The columns of one layer, in the order the rows ask for them: the next one asked is most
 * often the one after the last found. */
typedef struct
{
  guint     n_columns;
  guint     next;
  LsmGdalColumn columns[LSM_GDAL_MAX_COLUMNS];
} LsmGdalColumns;

typedef struct
{
  const char                   *display;   /* the file's name in messages */
  LsmCatalog                   *catalog;   /* collects problems */
  OGRCoordinateTransformationH  transform; /* to WGS 84, or NULL */
  LsmGdalColumns                   *columns;   /* per layer */
  gboolean                      fid_is_id; /* a GeoPackage made from GeoJSON keeps "id" as its FID */
  LsmTextStore                 *texts;     /* the strings of the layer's features */
} LsmLayerReader;

/* A table file opened by _lsm_gdal_open_table(). */
typedef struct
{
  GDALDatasetH  ds;
  GMappedFile  *mapping;      /* a CSV's bytes, read by GDAL in place */
  char         *memory_path;  /* where GDAL sees them */
  gboolean      headers_set;  /* a spreadsheet's first row is its header */
} LsmGdalTable;

GDALDatasetH _lsm_gdal_open              (const char  *path,
                                          const char  *display,
                                          GError     **error);
void         _lsm_gdal_set_database_error (GError    **error,
                                          const char *display,
                                          const char *failure);
gboolean     _lsm_gdal_open_table        (const char    *path,
                                          const char    *display,
                                          LsmGdalTable  *table,
                                          GError       **error);
void         _lsm_gdal_close_table       (LsmGdalTable  *table);
void         _lsm_gdal_reset_errors      (void);
guint        _lsm_gdal_get_n_failures    (void);
const char  *_lsm_gdal_get_last_failure  (void);
char        *_lsm_gdal_describe_failure  (const char  *message);
gboolean     _lsm_gdal_failure_has_location (const char *message);
char        *_lsm_gdal_describe_feature  (LsmLayerReader *reader,
                                          OGRFeatureH     feature,
                                          guint           ordinal);

LsmGeometry *_lsm_gdal_convert_geometry (LsmLayerReader  *reader,
                                         OGRGeometryH     geometry,
                                         LsmLayerKind     kind,
                                         char           **problem);
LsmFeature  *_lsm_gdal_read_site        (LsmLayerReader  *reader,
                                         OGRFeatureH      feature,
                                         guint            ordinal);
LsmGdalColumn   *_lsm_gdal_column           (LsmLayerReader  *reader,
                                         OGRFeatureDefnH  defn,
                                         const char      *name);
char        *_lsm_gdal_normalize_text   (const char      *value);
const char  *_lsm_gdal_intern_cell      (LsmGdalColumn       *column,
                                         const char      *value);
const char  *_lsm_gdal_intern_text     (char            *text);
void         _lsm_gdal_ensure_registered (void);
gboolean     _lsm_gdal_read_table_layer (OGRLayerH        layer,
                                         LsmLayerKind     kind,
                                         const char      *display,
                                         guint            header_rows,
                                         guint            subjects,
                                         LsmCatalog      *reference,
                                         LsmCatalog      *catalog,
                                         GError         **error);
LsmFeature  *_lsm_gdal_read_area        (LsmLayerReader  *reader,
                                         OGRFeatureH      feature,
                                         guint            ordinal,
                                         LsmLayerKind     kind);

LsmImportColumns *_lsm_import_columns_new  (OGRFeatureDefnH   defn,
                                            const char       *display);
void              _lsm_import_columns_free (LsmImportColumns *self);
LsmFeature       *_lsm_gdal_import_site    (LsmLayerReader   *reader,
                                            LsmImportColumns *columns,
                                            OGRFeatureH       feature,
                                            guint             ordinal);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LsmImportColumns, _lsm_import_columns_free)

G_END_DECLS
