/* lsm-loader-gdal.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-loader"

#include "config.h"

#include <math.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "lsm-catalog-private.h"
#include "lsm-feature-private.h"
#include "lsm-gdal-private.h"
#include "lsm-json-reader.h"

/* Opens OGR sources, converts their coordinate systems and geometries, and walks their layers.
 * GDAL's own messages go to the debug log; users get the file's name and the cause. */

#define CHECK_EVERY 256

static void
ensure_gdal (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      GDALAllRegister ();
      g_once_init_leave (&initialized, 1);
    }
}

/* Tells apart "no such file", "empty", "not vector data" and broken GeoJSON, in words a user
 * understands. GDAL's own message goes to the debug log only. */
static void
set_open_error (const char  *path,
                const char  *display,
                GError     **error)
{
  g_autofree char *contents = NULL;
  gsize len = 0;
  GStatBuf st;

  g_debug ("GDAL cannot open %s: %s", path, CPLGetLastErrorMsg ());

  if (g_stat (path, &st) != 0)
    {
      if (strstr (path, ":") != NULL && !g_str_has_prefix (path, "/"))
        g_set_error (error, LSM_LOADER_ERROR, LSM_LOADER_ERROR_NOT_FOUND,
                     "%s: the data source cannot be opened", display);
      else
        g_set_error (error, LSM_LOADER_ERROR, LSM_LOADER_ERROR_NOT_FOUND,
                     "%s: no such file", display);
      return;
    }

  if (S_ISREG (st.st_mode) && st.st_size == 0)
    {
      g_set_error (error, LSM_LOADER_ERROR, LSM_LOADER_ERROR_EMPTY, "%s: the file is empty", display);
      return;
    }

  if (S_ISREG (st.st_mode) && st.st_size < 64 * 1024 * 1024
      && g_file_get_contents (path, &contents, &len, NULL))
    {
      const char *p = contents;

      while (p < contents + len && g_ascii_isspace (*p))
        p++;

      if (p < contents + len && (*p == '{' || *p == '['))
        {
          g_autoptr(JsonParser) parser = json_parser_new_immutable ();
          g_autoptr(GError) json_error = NULL;

          /* GDAL only says "Failed to read GeoJSON data"; json-glib can say where. */
          if (!json_parser_load_from_data (parser, contents, len, &json_error))
            _lsm_json_set_parse_error (error, display, json_error);
          else
            g_set_error (error, LSM_LOADER_ERROR, LSM_LOADER_ERROR_INVALID,
                         "%s: not valid GeoJSON (a FeatureCollection is expected, nested at most 32 levels deep)",
                         display);
          return;
        }
    }

  g_set_error (error, LSM_LOADER_ERROR, LSM_LOADER_ERROR_NOT_VECTOR,
               "%s: not a vector data file that GDAL can read", display);
}

static GDALDatasetH
open_dataset (const char  *path,
              const char  *display,
              GError     **error)
{
  GDALDatasetH ds;

  ensure_gdal ();
  CPLErrorReset ();
  ds = GDALOpenEx (path, GDAL_OF_VECTOR | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR,
                   NULL, NULL, NULL);
  if (ds == NULL)
    set_open_error (path, display, error);

  return ds;
}

static OGRCoordinateTransformationH
make_transform (OGRLayerH    layer,
                const char  *display,
                GError     **error)
{
  OGRSpatialReferenceH source = OGR_L_GetSpatialRef (layer);
  g_auto(OGRSpatialReferenceH) wgs84 = NULL;
  OGRCoordinateTransformationH transform;

  if (source == NULL)
    return NULL; /* GeoJSON's default, and what a file without a CRS most likely is */

  wgs84 = OSRNewSpatialReference (NULL);
  OSRImportFromEPSG (wgs84, 4326);
  OSRSetAxisMappingStrategy (wgs84, OAMS_TRADITIONAL_GIS_ORDER);

  if (OSRIsSame (source, wgs84))
    return NULL;

  transform = OCTNewCoordinateTransformation (source, wgs84);
  if (transform == NULL)
    {
      const char *name = OSRGetName (source);

      g_debug ("No transformation from %s: %s", name ? name : "?", CPLGetLastErrorMsg ());
      g_set_error (error, LSM_LOADER_ERROR, LSM_LOADER_ERROR_CRS,
                   "%s: its coordinate system (%s) cannot be converted to WGS 84", display,
                   name ? name : "unnamed");
    }

  return transform;
}

static gboolean
coords_are_valid (const double *coords,
                  guint         n_points)
{
  for (guint i = 0; i < n_points; i++)
    {
      double lon = coords[2 * i], lat = coords[2 * i + 1];

      if (!isfinite (lon) || !isfinite (lat) || lon < -180 || lon > 180 || lat < -90 || lat > 90)
        return FALSE;
    }

  return TRUE;
}

static void
append_points (OGRGeometryH  geometry,
               GArray       *coords,
               GArray       *ends)
{
  int n = OGR_G_GetPointCount (geometry);
  guint start = coords->len;
  guint end;

  if (n <= 0)
    return;

  g_array_set_size (coords, start + 2 * n);
  OGR_G_GetPoints (geometry,
                   &g_array_index (coords, double, start), 2 * sizeof (double),
                   &g_array_index (coords, double, start + 1), 2 * sizeof (double),
                   NULL, 0);
  end = coords->len / 2;
  g_array_append_val (ends, end);
}

/* Collects the rings of (multi)polygons or the parts of (multi)lines, depth first. */
static void
collect_parts (OGRGeometryH  geometry,
               GArray       *coords,
               GArray       *ends)
{
  OGRwkbGeometryType type = wkbFlatten (OGR_G_GetGeometryType (geometry));

  switch (type)
    {
    case wkbPoint:
    case wkbLineString:
    case wkbLinearRing:
      append_points (geometry, coords, ends);
      break;

    case wkbPolygon:
    case wkbMultiPolygon:
    case wkbMultiLineString:
    case wkbMultiPoint:
    case wkbGeometryCollection:
      for (int i = 0; i < OGR_G_GetGeometryCount (geometry); i++)
        collect_parts (OGR_G_GetGeometryRef (geometry, i), coords, ends);
      break;

    default:
      break;
    }
}

static const char *
geometry_word (OGRwkbGeometryType type)
{
  switch (wkbFlatten (type))
    {
    case wkbPoint: return "a Point";
    case wkbMultiPoint: return "a MultiPoint";
    case wkbLineString: return "a LineString";
    case wkbMultiLineString: return "a MultiLineString";
    case wkbPolygon: return "a Polygon";
    case wkbMultiPolygon: return "a MultiPolygon";
    case wkbGeometryCollection: return "a GeometryCollection";
    default: return "an unsupported geometry";
    }
}

/* Converts, reprojects and checks a geometry. Returns NULL with *problem set when it cannot be
 * used. */
LsmGeometry *
_lsm_gdal_convert_geometry (LsmLayerReader  *reader,
                  OGRGeometryH  geometry,
                  LsmLayerKind     kind,
                  char        **problem)
{
  OGRwkbGeometryType type;
  LsmGeometryType gtype;
  g_autoptr(GArray) coords = NULL;
  g_autoptr(GArray) ends = NULL;
  OGRGeometryH linear = NULL;
  LsmGeometry *result;

  if (OGR_G_HasCurveGeometry (geometry, FALSE))
    geometry = linear = OGR_G_GetLinearGeometry (geometry, 0, NULL);

  type = wkbFlatten (OGR_G_GetGeometryType (geometry));
  switch (type)
    {
    case wkbPoint:
      gtype = LSM_GEOMETRY_POINT;
      break;
    case wkbLineString:
    case wkbMultiLineString:
      gtype = LSM_GEOMETRY_LINES;
      break;
    case wkbPolygon:
    case wkbMultiPolygon:
      gtype = LSM_GEOMETRY_POLYGONS;
      break;
    default:
      gtype = (LsmGeometryType) -1;
      break;
    }

  if ((kind == LSM_LAYER_SITES && gtype != LSM_GEOMETRY_POINT)
      || ((kind == LSM_LAYER_DISTRICTS || kind == LSM_LAYER_PROVINCE) && gtype != LSM_GEOMETRY_POLYGONS)
      || gtype == (LsmGeometryType) -1)
    {
      static const char *expected[] = {
        [LSM_LAYER_SITES] = "a Point",
        [LSM_LAYER_DISTRICTS] = "a Polygon or MultiPolygon",
        [LSM_LAYER_PROVINCE] = "a Polygon or MultiPolygon",
        [LSM_LAYER_CONTEXT] = "a line or a polygon",
        [LSM_LAYER_AUTO] = "a point, line or polygon",
      };

      *problem = g_strdup_printf ("has %s geometry where %s is expected",
                                  geometry_word (type), expected[kind]);
      g_clear_pointer (&linear, OGR_G_DestroyGeometry);
      return NULL;
    }

  if (reader->transform != NULL && OGR_G_Transform (geometry, reader->transform) != OGRERR_NONE)
    {
      *problem = g_strdup ("has coordinates that cannot be converted to WGS 84");
      g_clear_pointer (&linear, OGR_G_DestroyGeometry);
      return NULL;
    }

  if (gtype == LSM_GEOMETRY_POINT)
    {
      /* Sites are points, and there may be many: no intermediate arrays. */
      double xy[2] = { OGR_G_GetX (geometry, 0), OGR_G_GetY (geometry, 0) };

      g_clear_pointer (&linear, OGR_G_DestroyGeometry);
      if (!coords_are_valid (xy, 1))
        {
          *problem = g_strdup ("has coordinates outside the range of longitude and latitude");
          return NULL;
        }
      return lsm_geometry_new_point (xy[0], xy[1]);
    }

  coords = g_array_new (FALSE, FALSE, sizeof (double));
  ends = g_array_new (FALSE, FALSE, sizeof (guint));
  collect_parts (geometry, coords, ends);
  g_clear_pointer (&linear, OGR_G_DestroyGeometry);

  if (ends->len == 0)
    {
      *problem = g_strdup ("has an empty geometry");
      return NULL;
    }
  if (!coords_are_valid ((const double *) (void *) coords->data, coords->len / 2))
    {
      *problem = g_strdup ("has coordinates outside the range of longitude and latitude");
      return NULL;
    }

  result = lsm_geometry_new (gtype, g_steal_pointer (&coords), g_steal_pointer (&ends));
  return result;
}

static GPtrArray *
read_layer (OGRLayerH        layer,
            LsmLayerKind     kind,
            const char      *display,
            LsmCatalog      *catalog,
            LsmFeatureDone   feature_done,
            gpointer         feature_done_data,
            GCancellable    *cancellable,
            GError         **error)
{
  g_autoptr(GPtrArray) features = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(OGRCoordinateTransformationH) transform = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GHashTable) fields = g_hash_table_new (g_direct_hash, g_direct_equal);
  LsmLayerReader reader = { display, catalog, NULL, fields };
  guint ordinal = 0;
  guint skipped = 0;
  OGRFeatureH raw;

  transform = make_transform (layer, display, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  reader.transform = transform;

  OGR_L_ResetReading (layer);
  CPLErrorReset ();
  while ((raw = OGR_L_GetNextFeature (layer)) != NULL)
    {
      g_auto(OGRFeatureH) feature = raw;
      LsmFeature *item;

      ordinal++;
      if (ordinal % CHECK_EVERY == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      if (kind == LSM_LAYER_SITES)
        item = _lsm_gdal_read_site (&reader, feature, ordinal);
      else
        item = _lsm_gdal_read_area (&reader, feature, ordinal, kind);

      if (item != NULL)
        g_ptr_array_add (features, item);
      else
        skipped++;

      if (feature_done != NULL)
        feature_done (feature_done_data);
    }

  if (CPLGetLastErrorType () >= CE_Failure)
    {
      g_debug ("GDAL error while reading %s: %s", display, CPLGetLastErrorMsg ());
      g_set_error (error, LSM_LOADER_ERROR, LSM_LOADER_ERROR_INVALID,
                   "%s: the file is damaged after feature %u", display, ordinal);
      return NULL;
    }

  _lsm_catalog_add_skipped (catalog, skipped);

  if (features->len == 0 && ordinal > 0)
    {
      g_set_error (error, LSM_LOADER_ERROR, LSM_LOADER_ERROR_NO_FEATURES,
                   "%s: none of its %u features can be used", display, ordinal);
      return NULL;
    }

  return g_steal_pointer (&features);
}

static LsmLayerKind
classify_layer (OGRLayerH layer)
{
  const char *name = OGR_L_GetName (layer);
  OGRFeatureDefnH defn = OGR_L_GetLayerDefn (layer);
  OGRwkbGeometryType type = wkbFlatten (OGR_L_GetGeomType (layer));

  if (g_str_has_prefix (name, "sites"))
    return LSM_LAYER_SITES;
  if (g_str_has_prefix (name, "districts"))
    return LSM_LAYER_DISTRICTS;
  if (g_str_has_prefix (name, "province"))
    return LSM_LAYER_PROVINCE;
  if (g_str_has_prefix (name, "context"))
    return LSM_LAYER_CONTEXT;

  if (OGR_FD_GetFieldIndex (defn, "sector") >= 0)
    return LSM_LAYER_SITES;
  if (OGR_FD_GetFieldIndex (defn, "area_km2") >= 0 || OGR_FD_GetFieldIndex (defn, "label_lat") >= 0)
    return LSM_LAYER_DISTRICTS;
  if (type == wkbPoint)
    return LSM_LAYER_SITES;

  /* Anything else is drawn as context: neighbours, borders, roads. */
  return LSM_LAYER_CONTEXT;
}

guint
_lsm_gdal_count_features (const char *path)
{
  g_auto(GDALDatasetH) ds = NULL;
  guint total = 0;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return 0;

  ensure_gdal ();
  ds = GDALOpenEx (path, GDAL_OF_VECTOR | GDAL_OF_READONLY, NULL, NULL, NULL);
  for (int i = 0; ds != NULL && i < GDALDatasetGetLayerCount (ds); i++)
    {
      GIntBig n = OGR_L_GetFeatureCount (GDALDatasetGetLayer (ds, i), FALSE);

      total += n > 0 ? (guint) n : 0;
    }

  return total;
}

void
_lsm_gdal_push_quiet (void)
{
  ensure_gdal ();
  CPLPushErrorHandler (CPLQuietErrorHandler);
}

void
_lsm_gdal_pop_quiet (void)
{
  CPLPopErrorHandler ();
}

static void
publish_layer (LsmCatalog   *catalog,
               LsmLayerKind  kind,
               GPtrArray    *features,
               const char   *display)
{
  switch (kind)
    {
    case LSM_LAYER_SITES:
      _lsm_catalog_set_sites (catalog, features, display);
      break;
    case LSM_LAYER_DISTRICTS:
      _lsm_catalog_set_districts (catalog, features, display);
      break;
    case LSM_LAYER_CONTEXT:
      _lsm_catalog_set_context (catalog, features);
      break;
    case LSM_LAYER_PROVINCE:
      if (features->len > 0)
        _lsm_catalog_set_province (catalog, LSM_FEATURE (g_ptr_array_index (features, 0))->geometry);
      break;
    case LSM_LAYER_AUTO:
    default:
      g_assert_not_reached ();
    }
}

/**
 * _lsm_gdal_read_vector:
 * @path: a file or OGR connection string
 * @kind: what the first layer holds, or %LSM_LAYER_AUTO to take every layer by its name or fields
 * @catalog: receives the features and the problems
 * @feature_done: (nullable): called after each feature, for progress
 * @feature_done_data: data for @feature_done
 * @cancellable: (nullable): a #GCancellable
 * @found: (out) (optional): one bit per #LsmLayerKind read
 * @error: return location for an error naming the file and the cause
 *
 * Must run between _lsm_gdal_push_quiet() and _lsm_gdal_pop_quiet().
 *
 * Returns: %FALSE if the source cannot be read at all
 */
gboolean
_lsm_gdal_read_vector (const char      *path,
                       LsmLayerKind     kind,
                       LsmCatalog      *catalog,
                       LsmFeatureDone   feature_done,
                       gpointer         feature_done_data,
                       GCancellable    *cancellable,
                       guint           *found,
                       GError         **error)
{
  g_autofree char *display = g_path_get_basename (path);
  g_auto(GDALDatasetH) ds = NULL;
  int n_layers;

  if (found != NULL)
    *found = 0;

  if ((ds = open_dataset (path, display, error)) == NULL)
    return FALSE;

  n_layers = GDALDatasetGetLayerCount (ds);
  if (n_layers < 1)
    {
      g_set_error (error, LSM_LOADER_ERROR, LSM_LOADER_ERROR_NO_FEATURES, "%s has no layers", display);
      return FALSE;
    }

  for (int i = 0; i < (kind == LSM_LAYER_AUTO ? n_layers : 1); i++)
    {
      OGRLayerH layer = GDALDatasetGetLayer (ds, i);
      LsmLayerKind layer_kind = kind != LSM_LAYER_AUTO ? kind : classify_layer (layer);
      g_autoptr(GPtrArray) features = NULL;

      if (layer_kind == LSM_LAYER_CONTEXT && g_str_has_prefix (display, "province"))
        layer_kind = LSM_LAYER_PROVINCE;

      features = read_layer (layer, layer_kind, display, catalog, feature_done, feature_done_data,
                             cancellable, error);
      if (features == NULL)
        return FALSE;

      publish_layer (catalog, layer_kind, features, display);
      if (found != NULL)
        *found |= 1u << layer_kind;
    }

  return TRUE;
}
