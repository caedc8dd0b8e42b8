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

#include <glib/gi18n.h>

#include "lsm-catalog-private.h"
#include "lsm-feature-private.h"
#include "lsm-gdal-private.h"

/* Opens OGR sources, converts their coordinate systems and geometries, and walks their layers.
 * GDAL's own messages go to the debug log; users get the file's name and the cause. */

#define CHECK_EVERY 256

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
                   /* Translators: the second %s is the name of a coordinate system */
                   _("%s: its coordinate system (%s) cannot be converted to WGS 84"), display,
                   name ? name : _("unnamed"));
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

/* GDAL's readers stop nesting well before this; the bound keeps the recursion safe anyway. */
#define MAX_PART_DEPTH 32

/* Collects the rings of (multi)polygons or the parts of (multi)lines, depth first. */
static void
collect_parts (OGRGeometryH  geometry,
               GArray       *coords,
               GArray       *ends,
               guint         depth)
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
        if (depth < MAX_PART_DEPTH)
          collect_parts (OGR_G_GetGeometryRef (geometry, i), coords, ends, depth + 1);
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
    case wkbPoint: return "Point";
    case wkbMultiPoint: return "MultiPoint";
    case wkbLineString: return "LineString";
    case wkbMultiLineString: return "MultiLineString";
    case wkbPolygon: return "Polygon";
    case wkbMultiPolygon: return "MultiPolygon";
    case wkbGeometryCollection: return "GeometryCollection";
    default: return NULL;
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
      || ((kind == LSM_LAYER_DISTRICTS || kind == LSM_LAYER_PROVINCE || kind == LSM_LAYER_UNITS_2025)
          && gtype != LSM_GEOMETRY_POLYGONS)
      || gtype == (LsmGeometryType) -1)
    {
      static const char *expected[] = {
        [LSM_LAYER_SITES] = N_("a Point"),
        [LSM_LAYER_DISTRICTS] = N_("a Polygon or MultiPolygon"),
        [LSM_LAYER_PROVINCE] = N_("a Polygon or MultiPolygon"),
        [LSM_LAYER_CONTEXT] = N_("a line or a polygon"),
        [LSM_LAYER_AUTO] = N_("a point, line or polygon"),
        [LSM_LAYER_UNITS_2025] = N_("a Polygon or MultiPolygon"),
      };
      const char *word = geometry_word (type);

      if (word != NULL)
        /* Translators: "has a LineString geometry where a Point is expected"; the first %s is a
         * GeoJSON geometry type */
        *problem = g_strdup_printf (_("has a %s geometry where %s is expected"), word, _(expected[kind]));
      else
        /* Translators: %s is e.g. "a Point" */
        *problem = g_strdup_printf (_("has an unsupported geometry where %s is expected"), _(expected[kind]));
      g_clear_pointer (&linear, OGR_G_DestroyGeometry);
      return NULL;
    }

  if (reader->transform != NULL && OGR_G_Transform (geometry, reader->transform) != OGRERR_NONE)
    {
      *problem = g_strdup (_("has coordinates that cannot be converted to WGS 84"));
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
          *problem = g_strdup (_("has coordinates outside the range of longitude and latitude"));
          return NULL;
        }
      return lsm_geometry_new_point (xy[0], xy[1]);
    }

  coords = g_array_new (FALSE, FALSE, sizeof (double));
  ends = g_array_new (FALSE, FALSE, sizeof (guint));
  collect_parts (geometry, coords, ends, 0);
  g_clear_pointer (&linear, OGR_G_DestroyGeometry);

  if (ends->len == 0)
    {
      *problem = g_strdup (_("has an empty geometry"));
      return NULL;
    }
  if (!coords_are_valid ((const double *) (void *) coords->data, coords->len / 2))
    {
      *problem = g_strdup (_("has coordinates outside the range of longitude and latitude"));
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
  g_autofree LsmGdalColumns *layer_columns = g_new0 (LsmGdalColumns, 1);
  g_autoptr(LsmTextStore) texts = lsm_text_store_new ();
  LsmLayerReader reader = { display, catalog, NULL, layer_columns, g_strcmp0 (OGR_L_GetFIDColumn (layer), "id") == 0, texts };
  g_autoptr(LsmImportColumns) columns = NULL;
  guint ordinal = 0;
  guint skipped = 0;
  guint failures;
  OGRFeatureH raw;

  transform = make_transform (layer, display, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  reader.transform = transform;
  if (kind == LSM_LAYER_IMPORT)
    columns = _lsm_import_columns_new (OGR_L_GetLayerDefn (layer), display);

  if (OGR_FD_GetFieldIndex (OGR_L_GetLayerDefn (layer), "figures") >= 0)
    /* Data from before the tables: say where its figures went rather than lose them unsaid. */
    _lsm_catalog_add_problem (catalog, display,
                              _("its features carry “figures” lists, which are no longer read: figures belong in a table “figures”"));

  OGR_L_ResetReading (layer);
  _lsm_gdal_reset_errors ();
  failures = _lsm_gdal_get_n_failures ();
  while ((raw = OGR_L_GetNextFeature (layer)) != NULL)
    {
      g_auto(OGRFeatureH) feature = raw;
      LsmFeature *item = NULL;

      ordinal++;
      if (ordinal % CHECK_EVERY == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      if (_lsm_gdal_get_n_failures () != failures && OGR_F_GetGeometryRef (feature) == NULL
          && !_lsm_gdal_failure_has_location (_lsm_gdal_get_last_failure ()))
        {
          /* GDAL complained and handed out a feature without the geometry it could not read
           * (text for coordinates): skip it, named. GDAL reads large files ahead in batches, so
           * the complaint is matched to the first such feature, not to the moment it came. */
          g_autofree char *what = _lsm_gdal_describe_feature (&reader, feature, ordinal);
          g_autofree char *cause = _lsm_gdal_describe_failure (_lsm_gdal_get_last_failure ());

          /* Translators: "feature 3 (kcn-x) cannot be read: a coordinate is not a number" */
          _lsm_catalog_add_problem (catalog, display, _("%s cannot be read: %s"), what, cause);
          failures = _lsm_gdal_get_n_failures ();
        }
      else if (kind == LSM_LAYER_SITES)
        item = _lsm_gdal_read_site (&reader, feature, ordinal);
      else if (kind == LSM_LAYER_IMPORT)
        item = _lsm_gdal_import_site (&reader, columns, feature, ordinal);
      else
        item = _lsm_gdal_read_area (&reader, feature, ordinal, kind);

      if (item != NULL)
        g_ptr_array_add (features, item);
      else
        skipped++;

      if (feature_done != NULL)
        feature_done (feature_done_data);
    }

  if (_lsm_gdal_get_n_failures () != failures)
    {
      g_autofree char *cause = _lsm_gdal_describe_failure (_lsm_gdal_get_last_failure ());

      g_debug ("GDAL error while reading %s: %s", display, _lsm_gdal_get_last_failure ());
      if (ordinal > 0 && !_lsm_gdal_failure_has_location (_lsm_gdal_get_last_failure ()))
        {
          /* Features were read, with a complaint that no feature explains: say so, keep them. */
          /* Translators: the second %s is the cause */
          _lsm_catalog_add_problem (catalog, display, _("parts of the file cannot be read: %s"), cause);
        }
      else if (ordinal == 0)
        {
          g_set_error (error, LSM_LOADER_ERROR, LSM_LOADER_ERROR_INVALID,
                       /* Translators: the second %s is the cause */
                       _("%s: its features cannot be read: %s"), display, cause);
          return NULL;
        }
      else
        {
          /* The JSON breaks off: what follows cannot be read. */
          g_set_error (error, LSM_LOADER_ERROR, LSM_LOADER_ERROR_INVALID,
                       /* Translators: %u is a feature number, the last %s the cause */
                       _("%s: the file is damaged after feature %u: %s"), display, ordinal, cause);
          return NULL;
        }
    }

  _lsm_catalog_add_skipped (catalog, skipped);

  if (features->len == 0 && ordinal > 0)
    {
      g_set_error (error, LSM_LOADER_ERROR, LSM_LOADER_ERROR_NO_FEATURES,
                   _("%s: none of its %u features can be used"), display, ordinal);
      return NULL;
    }

  return g_steal_pointer (&features);
}

/* lsmap's own sites carry these columns; a user's list of projects has none of them. */
static gboolean
has_site_schema (OGRFeatureDefnH defn)
{
  return OGR_FD_GetFieldIndex (defn, "sector") >= 0
         && (OGR_FD_GetFieldIndex (defn, "precision") >= 0
             || OGR_FD_GetFieldIndex (defn, "figures") >= 0
             || OGR_FD_GetFieldIndex (defn, "coord_method") >= 0
             || OGR_FD_GetFieldIndex (defn, "coord_method_vi") >= 0);
}

static LsmLayerKind
classify_layer (OGRLayerH layer)
{
  const char *name = OGR_L_GetName (layer);
  OGRFeatureDefnH defn = OGR_L_GetLayerDefn (layer);
  OGRwkbGeometryType type = wkbFlatten (OGR_L_GetGeomType (layer));

  if (g_str_has_prefix (name, "districts"))
    return LSM_LAYER_DISTRICTS;
  if (g_str_has_prefix (name, "province"))
    return LSM_LAYER_PROVINCE;
  if (g_str_has_prefix (name, "context"))
    return LSM_LAYER_CONTEXT;
  if (g_str_has_prefix (name, "figures"))
    return LSM_LAYER_FIGURES;
  if (g_str_has_prefix (name, "sources"))
    return LSM_LAYER_SOURCES;
  if (g_str_has_prefix (name, "communes") || g_str_has_prefix (name, "units_2025"))
    return LSM_LAYER_UNITS_2025;

  if (OGR_FD_GetFieldIndex (defn, "subject_kind") >= 0)
    return LSM_LAYER_FIGURES;
  /* A user's table of projects may have a title too; one of articles has their outlets. */
  if (type == wkbNone && OGR_FD_GetFieldIndex (defn, "title") >= 0 && OGR_FD_GetFieldIndex (defn, "outlet") >= 0)
    return LSM_LAYER_SOURCES;

  if (OGR_FD_GetFieldIndex (defn, "area_km2") >= 0 || OGR_FD_GetFieldIndex (defn, "label_lat") >= 0)
    return LSM_LAYER_DISTRICTS;
  if (has_site_schema (defn))
    return LSM_LAYER_SITES;

  /* Anything else is a user's own: points, lines or areas with whatever columns it has. */
  return LSM_LAYER_IMPORT;
}

guint
_lsm_gdal_count_features (const char *path)
{
  g_auto(GDALDatasetH) ds = NULL;
  guint total = 0;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return 0;

  _lsm_gdal_push_quiet ();
  ds = _lsm_gdal_open (path, path, NULL);
  _lsm_gdal_pop_quiet ();
  for (int i = 0; ds != NULL && i < GDALDatasetGetLayerCount (ds); i++)
    {
      GIntBig n = OGR_L_GetFeatureCount (GDALDatasetGetLayer (ds, i), FALSE);

      total += n > 0 ? (guint) n : 0;
    }

  return total;
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
    case LSM_LAYER_UNITS_2025:
      _lsm_catalog_set_units_2025 (catalog, features);
      break;
    case LSM_LAYER_PROVINCE:
      if (features->len > 0)
        _lsm_catalog_set_province (catalog, LSM_FEATURE (g_ptr_array_index (features, 0))->geometry);
      break;
    case LSM_LAYER_IMPORT:
      {
        /* Every layer of a GeoPackage adds its sites to the ones before. */
        GListModel *before = lsm_catalog_get_sites (catalog);
        g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);

        for (guint i = 0; i < g_list_model_get_n_items (before); i++)
          g_ptr_array_add (all, g_list_model_get_item (before, i));
        for (guint i = 0; i < features->len; i++)
          g_ptr_array_add (all, g_object_ref (g_ptr_array_index (features, i)));
        _lsm_catalog_set_sites (catalog, all, display);
      }
      break;
    case LSM_LAYER_AUTO:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
read_dataset (GDALDatasetH     ds,
              LsmLayerKind     kind,
              const char      *display,
              LsmCatalog      *catalog,
              LsmFeatureDone   feature_done,
              gpointer         feature_done_data,
              GCancellable    *cancellable,
              guint           *found,
              GError         **error)
{
  int n_layers;

  n_layers = GDALDatasetGetLayerCount (ds);
  if (n_layers < 1)
    {
      g_set_error (error, LSM_LOADER_ERROR, LSM_LOADER_ERROR_NO_FEATURES, _("%s has no layers"), display);
      return FALSE;
    }

  /* Tables last: figures are attached to the sites and districts they describe. */
  for (int i = 0; i < 2 * (kind == LSM_LAYER_AUTO ? n_layers : 1); i++)
    {
      OGRLayerH layer = GDALDatasetGetLayer (ds, i % n_layers);
      LsmLayerKind layer_kind = kind != LSM_LAYER_AUTO ? kind : classify_layer (layer);
      gboolean is_table = layer_kind == LSM_LAYER_FIGURES || layer_kind == LSM_LAYER_SOURCES;
      g_autoptr(GPtrArray) features = NULL;

      if (is_table != (i >= (kind == LSM_LAYER_AUTO ? n_layers : 1)))
        continue;

      if (is_table)
        {
          /* Translators: "lsmap.gpkg, table “figures”": a table of a database or GeoPackage */
          g_autofree char *table = g_strdup_printf (_("%s, table “%s”"), display, OGR_L_GetName (layer));

          if (!_lsm_gdal_read_table_layer (layer, layer_kind, table, 0, LSM_SUBJECT_ALL, NULL,
                                           catalog, error))
            return FALSE;
          if (found != NULL)
            *found |= 1u << layer_kind;
          continue;
        }

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
  g_autofree char *display = _lsm_loader_display_name (path);
  GDALDatasetH ds;
  gboolean ok = FALSE;

  if (found != NULL)
    *found = 0;

  _lsm_gdal_push_quiet ();
  ds = _lsm_gdal_open (path, display, error);
  if (ds != NULL)
    {
      ok = read_dataset (ds, kind, display, catalog, feature_done, feature_done_data, cancellable,
                         found, error);
      GDALClose (ds);
    }
  _lsm_gdal_pop_quiet ();

  return ok;
}
