/* lsm-loader-import.c
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
#include "lsm-figure-private.h"
#include "lsm-gdal-private.h"
#include "lsm-search.h"
#include "lsm-sector.h"
#include "lsm-vocab.h"

/* The forgiving import of a user's own file: any columns, any of points, lines or polygons.
 * Columns are given their roles by their names, once per layer; what has no role is kept as a
 * figure (numbers) or an attribute (the rest). A value that cannot be used is defaulted and
 * reported, never dropped unseen. lsmap's own data keeps its strict reader. */

typedef enum
{
  ROLE_NONE,
  ROLE_ID,
  ROLE_NAME,
  ROLE_SECTOR,
  ROLE_STATUS,
  ROLE_PRECISION,
  ROLE_DISTRICT,
  ROLE_COMMUNE,
  ROLE_LON,
  ROLE_LAT,
  N_ROLES
} Role;

/* Folded column names (lsm_search_fold: lower case, no diacritics, words apart), in the
 * order they are preferred. */
static const char * const role_names[N_ROLES][12] = {
  [ROLE_ID] = { "id", "ma", "code", "ma du an", "objectid", "fid", NULL },
  [ROLE_NAME] = { "name", "ten", "title", "ten du an", "ten cong trinh", "project", "project name",
                  "tieu de", "label", "nom", NULL },
  [ROLE_SECTOR] = { "sector", "linh vuc", "nganh", "category", "loai", "loai hinh", "type", "kind",
                    "class", NULL },
  [ROLE_STATUS] = { "status", "trang thai", "tinh trang", "state", NULL },
  [ROLE_PRECISION] = { "precision", "do chinh xac", "accuracy", NULL },
  [ROLE_DISTRICT] = { "district", "huyen", "quan huyen", NULL },
  [ROLE_COMMUNE] = { "commune", "xa", "phuong xa", NULL },
  [ROLE_LON] = { "lon", "lng", "long", "longitude", "kinh do", "x", NULL },
  [ROLE_LAT] = { "lat", "latitude", "vi do", "y", NULL },
};

/* A unit is read from the end of a column's name: "capacity_mw" is a capacity in MW. */
static const struct { const char *suffix; const char *unit; } unit_suffixes[] = {
  { " million kwh", "million_kWh" }, { " billion vnd", "billion_vnd" }, { " ty dong", "billion_vnd" },
  { " million vnd", "million_vnd" }, { " million usd", "million_usd" }, { " musd", "million_usd" },
  { " mw", "MW" }, { " ha", "ha" }, { " kwp", "kWp" }, { " kwh", "kWh" }, { " km2", "km2" },
  { " percent", "percent" }, { " pct", "percent" }, { " m3", "m3" }, { " tonnes", "t" },
  { " t", "t" },
};

/* Columns a driver adds of its own (KML's display settings): not the user's data. */
static const char * const driver_columns[] = {
  "tessellate", "extrude", "visibility", "draworder", "icon", "altitudemode", "snippet", NULL
};

struct _LsmImportColumns
{
  int        roles[N_ROLES];   /* field index per role, or -1 */
  int        n_fields;
  char     **folded;           /* per field */
  char      *stem;             /* the file's name without extension, for generated ids */
};

static Role
role_of (const char *folded,
         guint      *rank)
{
  for (guint role = ROLE_ID; role < N_ROLES; role++)
    for (guint i = 0; role_names[role][i] != NULL; i++)
      if (strcmp (folded, role_names[role][i]) == 0)
        {
          *rank = i;
          return role;
        }

  return ROLE_NONE;
}

/**
 * _lsm_import_columns_new:
 * @defn: the layer's definition
 * @display: the file's name in messages
 *
 * Gives each column its role by its name.
 *
 * Returns: (transfer full): the layer's columns
 */
LsmImportColumns *
_lsm_import_columns_new (OGRFeatureDefnH  defn,
                         const char      *display)
{
  LsmImportColumns *self = g_new0 (LsmImportColumns, 1);
  guint ranks[N_ROLES];
  const char *dot;

  self->n_fields = OGR_FD_GetFieldCount (defn);
  self->folded = g_new0 (char *, self->n_fields + 1);
  for (guint role = 0; role < N_ROLES; role++)
    {
      self->roles[role] = -1;
      ranks[role] = G_MAXUINT;
    }

  for (int i = 0; i < self->n_fields; i++)
    {
      guint rank;
      Role role;

      self->folded[i] = lsm_search_fold (OGR_Fld_GetNameRef (OGR_FD_GetFieldDefn (defn, i)));
      role = role_of (self->folded[i], &rank);
      if (role != ROLE_NONE && rank < ranks[role])
        {
          self->roles[role] = i;
          ranks[role] = rank;
        }
    }

  /* "Ten_du_an", "project_title": a name column by its last word when none is called name. */
  for (int i = 0; self->roles[ROLE_NAME] < 0 && i < self->n_fields; i++)
    if (g_str_has_suffix (self->folded[i], " name") || g_str_has_prefix (self->folded[i], "ten ")
        || g_str_has_suffix (self->folded[i], " title"))
      self->roles[ROLE_NAME] = i;

  dot = strrchr (display, '.');
  self->stem = dot != NULL && dot != display ? g_strndup (display, dot - display) : g_strdup (display);

  return self;
}

void
_lsm_import_columns_free (LsmImportColumns *self)
{
  g_strfreev (self->folded);
  g_free (self->stem);
  g_free (self);
}

static const char *
field_text (OGRFeatureH  feature,
            int          i)
{
  const char *value;

  if (i < 0 || !OGR_F_IsFieldSetAndNotNull (feature, i))
    return NULL;

  value = OGR_F_GetFieldAsString (feature, i);
  while (g_ascii_isspace (*value))
    value++;

  return *value != '\0' ? value : NULL;
}

static gboolean
is_number_field (OGRFeatureH feature,
                 int         i)
{
  OGRFieldType type = OGR_Fld_GetType (OGR_F_GetFieldDefnRef (feature, i));

  return type == OFTInteger || type == OFTInteger64 || type == OFTReal;
}

static LsmFigure *
figure_from_column (LsmImportColumns *columns,
                    OGRFeatureH       feature,
                    int               i,
                    const char       *site_id)
{
  const char *name = OGR_Fld_GetNameRef (OGR_F_GetFieldDefnRef (feature, i));
  const char *folded = columns->folded[i];
  LsmFigure *figure = _lsm_figure_new ();
  gsize metric_len = strlen (name);
  char *metric;

  for (guint k = 0; k < G_N_ELEMENTS (unit_suffixes); k++)
    if (g_str_has_suffix (folded, unit_suffixes[k].suffix) && strlen (folded) > strlen (unit_suffixes[k].suffix))
      {
        figure->unit = g_intern_static_string (unit_suffixes[k].unit);
        /* The suffix and its separator, as many bytes in the name as in its folded form. */
        metric_len -= MIN (metric_len, strlen (unit_suffixes[k].suffix));
        break;
      }

  figure->id = g_strdup_printf ("%s/%s", site_id, name);
  metric = g_ascii_strdown (name, metric_len);
  g_strdelimit (metric, " -", '_');
  figure->metric = _lsm_gdal_intern_text (metric);
  figure->numeric = TRUE;
  figure->value = OGR_F_GetFieldAsDouble (feature, i);
  figure->status = LSM_STATUS_NONE;

  return figure;
}

/* A point for lines and polygons, where the panel and the district lookup need one: on the
 * line or inside the area, which the middle of a bent line or a crescent is not. */
static void
set_label_point (LsmFeature *site)
{
  site->has_label_point = TRUE;
  lsm_geometry_get_inner_point (site->geometry, &site->lon, &site->lat);
}

static gboolean
read_coordinate (OGRFeatureH  feature,
                 int          i,
                 double      *out)
{
  g_autofree char *text = NULL;
  char *end;

  if (is_number_field (feature, i))
    {
      *out = OGR_F_GetFieldAsDouble (feature, i);
      return isfinite (*out);
    }

  /* OGR's text of a field lives only until the next field is read. */
  text = g_strstrip (g_strdup (field_text (feature, i)));
  *out = g_ascii_strtod (text, &end);
  return end != text && *end == '\0' && isfinite (*out);
}

static gboolean
read_position (LsmLayerReader   *reader,
               LsmImportColumns *columns,
               OGRFeatureH       feature,
               LsmFeature       *site,
               const char       *what)
{
  OGRGeometryH geometry = OGR_F_GetGeometryRef (feature);
  int lon_i = columns->roles[ROLE_LON], lat_i = columns->roles[ROLE_LAT];
  g_autofree char *problem = NULL;

  if (geometry != NULL && !OGR_G_IsEmpty (geometry))
    {
      site->geometry = _lsm_gdal_convert_geometry (reader, geometry, LSM_LAYER_AUTO, &problem);
    }
  else if (field_text (feature, lon_i) != NULL && field_text (feature, lat_i) != NULL)
    {
      double lon, lat;

      if (!read_coordinate (feature, lon_i, &lon) || !read_coordinate (feature, lat_i, &lat))
        problem = g_strdup (_("has a longitude or latitude that is not a number"));
      else if (lon < -180 || lon > 180 || lat < -90 || lat > 90)
        problem = g_strdup (_("has coordinates outside the range of longitude and latitude"));
      else
        site->geometry = lsm_geometry_new_point (lon, lat);
    }
  else
    {
      /* Listed, not mapped: the row is still the user's. */
      /* Translators: %s names a feature, "feature 3 (x)" */
      _lsm_catalog_add_problem (reader->catalog, reader->display,
                                _("%s has no position: listed, not on the map"), what);
      return TRUE;
    }

  if (site->geometry == NULL)
    {
      /* Translators: the first %s names a feature, the second is why */
      _lsm_catalog_add_problem (reader->catalog, reader->display, _("%s %s: skipped"), what, problem);
      return FALSE;
    }

  if (lsm_geometry_get_geometry_type (site->geometry) != LSM_GEOMETRY_POINT)
    set_label_point (site);
  return TRUE;
}

static void
read_precision (LsmLayerReader   *reader,
                LsmImportColumns *columns,
                OGRFeatureH       feature,
                LsmFeature       *site,
                const char       *what)
{
  const char *precision = field_text (feature, columns->roles[ROLE_PRECISION]);
  gboolean point = site->geometry != NULL
                   && lsm_geometry_get_geometry_type (site->geometry) == LSM_GEOMETRY_POINT;

  /* A real point is where the thing is; a line or an area is only about there. */
  site->precision = site->geometry == NULL ? LSM_PRECISION_UNKNOWN
                    : point ? LSM_PRECISION_EXACT : LSM_PRECISION_APPROX;
  if (precision == NULL || site->geometry == NULL)
    return;

  if (!lsm_precision_from_text (precision, &site->precision) || site->precision == LSM_PRECISION_UNKNOWN)
    {
      /* Translators: the first %s names a feature, the second is a value, the third a precision */
      _lsm_catalog_add_problem (reader->catalog, reader->display,
                                _("%s: unknown precision “%s”, taken as “%s”"), what, precision,
                                lsm_precision_get_label (point ? LSM_PRECISION_EXACT : LSM_PRECISION_APPROX));
      site->precision = point ? LSM_PRECISION_EXACT : LSM_PRECISION_APPROX;
    }
}

static void
read_category (LsmLayerReader   *reader,
               LsmImportColumns *columns,
               OGRFeatureH       feature,
               LsmFeature       *site,
               const char       *what)
{
  /* OGR's text of a field that is no string lives only until the next field is read. */
  g_autofree char *sector = g_strdup (field_text (feature, columns->roles[ROLE_SECTOR]));
  const char *status = field_text (feature, columns->roles[ROLE_STATUS]);

  lsm_sector_from_id ("other", &site->sector);
  if (sector != NULL && !lsm_sector_from_text (sector, &site->sector)
      && g_utf8_validate (sector, -1, NULL) && !lsm_sector_ensure (sector, &site->sector))
    {
      _lsm_catalog_add_problem (reader->catalog, reader->display,
                                _("%s: too many sectors to add “%s”; shown as “other”"), what, sector);
      lsm_sector_from_id ("other", &site->sector);
    }

  site->status = LSM_STATUS_UNKNOWN;
  if (status != NULL && !lsm_status_from_text (status, &site->status))
    /* Translators: the first %s names a feature, the second is a value */
    _lsm_catalog_add_problem (reader->catalog, reader->display,
                              _("%s: unknown status “%s”, taken as unknown"), what, status);
}

/* Every column without a role is shown: numbers as figures, the rest as they are written. */
static GPtrArray *
read_rest (LsmLayerReader   *reader,
           LsmImportColumns *columns,
           OGRFeatureH       feature,
           LsmFeature       *site,
           const char       *what)
{
  g_autoptr(GPtrArray) figures = g_ptr_array_new_with_free_func (g_object_unref);

  for (int i = 0; i < columns->n_fields; i++)
    {
      const char *value;
      gboolean has_role = FALSE;

      for (guint role = ROLE_ID; role < N_ROLES && !has_role; role++)
        has_role = columns->roles[role] == i;
      if (has_role || g_strv_contains (driver_columns, columns->folded[i])
          || (value = field_text (feature, i)) == NULL)
        continue;

      if (is_number_field (feature, i) && isfinite (OGR_F_GetFieldAsDouble (feature, i)))
        g_ptr_array_add (figures, figure_from_column (columns, feature, i, site->id));
      else if (g_utf8_validate (value, -1, NULL))
        _lsm_feature_add_attribute (site, OGR_Fld_GetNameRef (OGR_F_GetFieldDefnRef (feature, i)),
                                    value);
      else
        /* Translators: the first %s names a feature, the second a column */
        _lsm_catalog_add_problem (reader->catalog, reader->display,
                                  _("%s: “%s” is not valid UTF-8 text: left out"), what,
                                  OGR_Fld_GetNameRef (OGR_F_GetFieldDefnRef (feature, i)));
    }

  return g_steal_pointer (&figures);
}

static char *
read_label (OGRFeatureH  feature,
            int          i)
{
  const char *value = field_text (feature, i);

  if (value == NULL || !g_utf8_validate (value, -1, NULL))
    return NULL;

  return g_utf8_normalize (value, -1, G_NORMALIZE_NFC);
}

/**
 * _lsm_gdal_import_site:
 * @reader: the layer's reader
 * @columns: the layer's columns
 * @feature: a feature of a user's file
 * @ordinal: its number in the layer, from 1
 *
 * Returns: (transfer full) (nullable): the site, %NULL (reported) if it cannot be used
 */
LsmFeature *
_lsm_gdal_import_site (LsmLayerReader   *reader,
                       LsmImportColumns *columns,
                       OGRFeatureH       feature,
                       guint             ordinal)
{
  g_autoptr(LsmFeature) site = _lsm_feature_new (LSM_FEATURE_SITE);
  g_autofree char *what = NULL;

  site->imported = TRUE;
  site->id = read_label (feature, columns->roles[ROLE_ID]);
  if (site->id == NULL)
    site->id = g_strdup_printf ("%s-%u", columns->stem, ordinal);
  what = _lsm_loader_describe_feature (ordinal, site->id);

  site->name = read_label (feature, columns->roles[ROLE_NAME]);
  if (site->name == NULL)
    {
      /* Translators: a site without a name, by its number in the file */
      site->name = g_strdup_printf (_("%s, feature %u"), columns->stem, ordinal);
    }
  site->district = _lsm_gdal_intern_text (read_label (feature, columns->roles[ROLE_DISTRICT]));
  site->commune = _lsm_gdal_intern_text (read_label (feature, columns->roles[ROLE_COMMUNE]));
  site->provenance = g_strdup (reader->display);

  if (!read_position (reader, columns, feature, site, what))
    return NULL;
  read_precision (reader, columns, feature, site, what);
  read_category (reader, columns, feature, site, what);
  _lsm_feature_set_figures (site, read_rest (reader, columns, feature, site, what));
  _lsm_feature_compact (site, reader->texts);

  return g_steal_pointer (&site);
}

/**
 * _lsm_import_find_districts:
 * @catalog: a catalog with districts
 *
 * Gives each site that names no district the one its point lies in.
 */
void
_lsm_import_find_districts (LsmCatalog *catalog)
{
  GListModel *sites = lsm_catalog_get_sites (catalog);
  guint n = g_list_model_get_n_items (sites);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LsmFeature) site = g_list_model_get_item (sites, i);
      LsmFeature *district;
      double lon, lat;

      if (site->district != NULL || !lsm_feature_get_label_point (site, &lon, &lat))
        continue;

      district = lsm_catalog_district_at (catalog, lon, lat);
      if (district != NULL)
        {
          site->district = g_intern_string (district->name);
          _lsm_feature_forget_search_key (site);
        }
    }
}

/**
 * _lsm_import_scope_ids:
 * @catalog: a catalog just read, not yet published
 * @scope: the layer's scope
 *
 * Prefixes every site id with @scope (see lsm_loader_set_id_scope()).
 */
void
_lsm_import_scope_ids (LsmCatalog *catalog,
                       const char *scope)
{
  GListModel *sites = lsm_catalog_get_sites (catalog);
  guint n = g_list_model_get_n_items (sites);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LsmFeature) site = g_list_model_get_item (sites, i);
      char *scoped = g_strdup_printf ("%s/%s", scope, site->id);

      /* A compacted site's strings belong to its layer's store, not to the site. */
      if (site->texts != NULL)
        site->id = lsm_text_store_take (site->texts, scoped);
      else
        {
          g_free (site->id);
          site->id = scoped;
        }
    }
}
