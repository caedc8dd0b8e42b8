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

G_BEGIN_DECLS

/* Handles are void * typedefs, hence g_auto rather than g_autoptr. */
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (GDALDatasetH, GDALClose, NULL)
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (OGRFeatureH, OGR_F_Destroy, NULL)
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (OGRSpatialReferenceH, OSRDestroySpatialReference, NULL)
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (OGRCoordinateTransformationH, OCTDestroyCoordinateTransformation, NULL)

typedef struct
{
  const char                   *display;   /* the file's name in messages */
  LsmCatalog                   *catalog;   /* collects problems */
  OGRCoordinateTransformationH  transform; /* to WGS 84, or NULL */
  GHashTable                   *fields;    /* field name (a literal) → index, per layer */
} LsmLayerReader;

GDALDatasetH _lsm_gdal_open              (const char  *path,
                                          const char  *display,
                                          GError     **error);
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
LsmFeature  *_lsm_gdal_read_area        (LsmLayerReader  *reader,
                                         OGRFeatureH      feature,
                                         guint            ordinal,
                                         LsmLayerKind     kind);

G_END_DECLS
