/* lsm-loader-features.c
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
#include "lsm-vocab.h"

/* Maps the properties of OGR features onto sites and districts. A feature that cannot be used
 * is reported and skipped; one with a repairable flaw is reported and kept. */

/* Field indexes are looked up once per layer: OGR's lookup compares every field name. A row
 * asks for its columns in the same order as the row before, so the search starts after the
 * column found last. */
LsmGdalColumn *
_lsm_gdal_column (LsmLayerReader  *reader,
                  OGRFeatureDefnH  defn,
                  const char      *name)
{
  LsmGdalColumns *columns = reader->columns;
  LsmGdalColumn *column;

  for (guint k = 0, i = columns->next; k < columns->n_columns; k++, i++)
    {
      if (i >= columns->n_columns)
        i = 0;
      if (columns->columns[i].name == name)
        {
          columns->next = i + 1;
          return &columns->columns[i];
        }
    }

  /* More names than slots only costs OGR's lookup each time. */
  if (columns->n_columns == LSM_GDAL_MAX_COLUMNS)
    {
      static __thread LsmGdalColumn spill;

      spill = (LsmGdalColumn) { name, OGR_FD_GetFieldIndex (defn, name), OFTString, NULL };
      return &spill;
    }

  column = &columns->columns[columns->n_columns++];
  *column = (LsmGdalColumn) { name, OGR_FD_GetFieldIndex (defn, name), OFTString, NULL };
  if (column->index >= 0)
    column->type = OGR_Fld_GetType (OGR_FD_GetFieldDefn (defn, column->index));
  columns->next = columns->n_columns;
  return column;
}

/* NFC, so that names compare equal however they were typed; NULL if @value is not UTF-8. Most
 * text is plain ASCII, valid and NFC as it is; of the rest, only strings with combining marks
 * (U+0300–U+036F) need the full normalization. */
static char *
normalize (const char *value)
{
  const guchar *p = (const guchar *) value;

  while (*p != '\0' && *p < 0x80)
    p++;
  if (*p == '\0')
    return g_strdup (value);

  if (!g_utf8_validate ((const char *) p, -1, NULL))
    return NULL;
  for (; *p != '\0'; p++)
    {
      /* U+0300–U+036F are CC 80 … CD AF in UTF-8. */
      if ((p[0] == 0xCC && p[1] >= 0x80) || (p[0] == 0xCD && p[1] <= 0xAF))
        return g_utf8_normalize (value, -1, G_NORMALIZE_NFC);
    }

  return g_strdup (value);
}

char *
_lsm_gdal_normalize_text (const char *value)
{
  return normalize (value);
}

/* Takes @text. Words that repeat over many rows (a site's kind, district or commune; a figure's
 * unit) are kept once for the whole program rather than once per row. */
const char *
_lsm_gdal_intern_text (char *text)
{
  g_autofree char *owned = text;

  return g_intern_string (owned);
}

/* The interned NFC form of a cell's @value, NULL if it is not UTF-8. A value equal to the
 * column's last word is that word: it is valid and NFC already. */
const char *
_lsm_gdal_intern_cell (LsmGdalColumn  *column,
                       const char *value)
{
  char *text;

  if (column->last_word != NULL && strcmp (value, column->last_word) == 0)
    return column->last_word;
  if ((text = normalize (value)) == NULL)
    return NULL;

  return column->last_word = _lsm_gdal_intern_text (text);
}

/* Reads a text property. Absent or null gives NULL; a number where text belongs, or bytes that
 * are not UTF-8, is a problem. @intern: a word that repeats over many rows, interned rather
 * than copied. */
static gboolean
read_cell (LsmLayerReader  *reader,
           OGRFeatureH      feature,
           const char      *name,
           gboolean         intern,
           const char     **out,
           const char     **problem)
{
  LsmGdalColumn *column = _lsm_gdal_column (reader, OGR_F_GetDefnRef (feature), name);
  const char *value;

  *out = NULL;
  if (column->index < 0 || !OGR_F_IsFieldSetAndNotNull (feature, column->index))
    return TRUE;

  if (column->type != OFTString)
    {
      *problem = _("must be text");
      return FALSE;
    }

  value = OGR_F_GetFieldAsString (feature, column->index);
  if ((*out = intern ? _lsm_gdal_intern_cell (column, value) : normalize (value)) == NULL)
    {
      *problem = _("is not valid UTF-8 text");
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_text (LsmLayerReader *reader,
           OGRFeatureH     feature,
           const char     *name,
           char          **out,
           const char    **problem)
{
  return read_cell (reader, feature, name, FALSE, (const char **) out, problem);
}

static gboolean
read_word (LsmLayerReader  *reader,
           OGRFeatureH      feature,
           const char      *name,
           const char     **out,
           const char     **problem)
{
  return read_cell (reader, feature, name, TRUE, out, problem);
}

/* A curator's text in both languages: "<name>_vi" and "<name>_en"; a plain "<name>" is
 * English, as in data written before the texts had both. The names must be literals: the
 * field cache keys them by address. */
static gboolean
read_both (LsmLayerReader *reader,
           OGRFeatureH     feature,
           const char     *vi_name,
           const char     *en_name,
           const char     *plain_name,
           LsmText        *out,
           const char    **problem)
{
  g_autofree char *plain = NULL;

  if (!read_text (reader, feature, vi_name, &out->vi, problem)
      || !read_text (reader, feature, en_name, &out->en, problem)
      || !read_text (reader, feature, plain_name, &plain, problem))
    return FALSE;

  if (out->en == NULL)
    out->en = g_steal_pointer (&plain);
  return TRUE;
}

static gboolean
read_number (LsmLayerReader *reader,
             OGRFeatureH  feature,
             const char  *name,
             double      *out)
{
  LsmGdalColumn *column = _lsm_gdal_column (reader, OGR_F_GetDefnRef (feature), name);
  int i = column->index;

  if (i < 0 || !OGR_F_IsFieldSetAndNotNull (feature, i))
    return FALSE;

  if (column->type != OFTReal && column->type != OFTInteger && column->type != OFTInteger64)
    return FALSE;

  *out = OGR_F_GetFieldAsDouble (feature, i);
  return isfinite (*out);
}

static char *
read_id (LsmLayerReader *reader,
         OGRFeatureH  feature,
         const char **problem)
{
  LsmGdalColumn *column = _lsm_gdal_column (reader, OGR_F_GetDefnRef (feature), "id");
  int i = column->index;
  char *id = NULL;

  if (i < 0 && reader->fid_is_id)
    return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) OGR_F_GetFID (feature));
  if (i < 0 || !OGR_F_IsFieldSetAndNotNull (feature, i))
    return NULL;

  if (column->type == OFTInteger || column->type == OFTInteger64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) OGR_F_GetFieldAsInteger64 (feature, i));

  if (!read_text (reader, feature, "id", &id, problem))
    return NULL;

  return id;
}

/* "feature 12 (kcn-x)", made only when a message needs it: formatting it for every feature of a
 * large file costs more than reading some of its fields. */
#define WHAT(id) (what != NULL ? what : (what = _lsm_loader_describe_feature (ordinal, (id))))

/**
 * _lsm_gdal_describe_feature:
 * @reader: the layer's reader
 * @feature: a feature
 * @ordinal: its number in the layer, from 1
 *
 * Returns: (transfer full): "feature 12 (kcn-x)", or "feature 12" when it has no usable id
 */
char *
_lsm_gdal_describe_feature (LsmLayerReader *reader,
                            OGRFeatureH     feature,
                            guint           ordinal)
{
  const char *problem = NULL;
  g_autofree char *id = read_id (reader, feature, &problem);

  return _lsm_loader_describe_feature (ordinal, id);
}

LsmFeature *
_lsm_gdal_read_site (LsmLayerReader *reader,
           OGRFeatureH  feature,
           guint        ordinal)
{
  g_autoptr(LsmFeature) site = _lsm_feature_new (LSM_FEATURE_SITE);
  g_autofree char *what = NULL;
  const char *sector = NULL;
  const char *status = NULL;
  const char *precision = NULL;
  const char *problem = NULL;
  const char *field = NULL;
  OGRGeometryH geometry;

  site->id = read_id (reader, feature, &problem);
  if (problem != NULL)
    {
      _lsm_catalog_add_problem (reader->catalog, reader->display, _("%s: “id” %s"), WHAT (site->id), problem);
      return NULL;
    }

#define TEXT(member, name) \
  if (!read_text (reader, feature, name, &site->member, &problem)) { field = name; goto bad_field; }
  TEXT (name, "name");
  TEXT (name_en, "name_en");
#define INTERNED(member, name) \
  if (!read_word (reader, feature, name, &site->member, &problem)) { field = name; goto bad_field; }
  INTERNED (subtype, "subtype");
  INTERNED (district, "district");
  INTERNED (commune, "commune");
  TEXT (provenance, "provenance");
  if (site->provenance == NULL)
    TEXT (provenance, "coord_source");
#undef TEXT
#define BOTH(member, name) \
  if (!read_both (reader, feature, name "_vi", name "_en", name, &site->member, &problem)) { field = name; goto bad_field; }
  BOTH (coord_method, "coord_method");
  BOTH (note, "note");
#undef BOTH
  if (!read_word (reader, feature, "sector", &sector, &problem))
    { field = "sector"; goto bad_field; }
  if (!read_word (reader, feature, "status", &status, &problem))
    { field = "status"; goto bad_field; }
  if (!read_word (reader, feature, "precision", &precision, &problem))
    { field = "precision"; goto bad_field; }

  if (site->id == NULL || site->name == NULL)
    {
      _lsm_catalog_add_problem (reader->catalog, reader->display, site->id == NULL ? _("%s has no “id”") : _("%s has no “name”"),
                                WHAT (site->id));
      return NULL;
    }

  if (sector == NULL || *sector == '\0')
    {
      _lsm_catalog_add_problem (reader->catalog, reader->display, _("%s has no “sector”"), WHAT (site->id));
      return NULL;
    }

  /* A category of the user's own gets a style of its own: the site is shown, not dropped. */
  if (!lsm_sector_ensure (sector, &site->sector))
    {
      /* Translators: the first %s names a site, the second is a sector id */
      _lsm_catalog_add_problem (reader->catalog, reader->display,
                                _("%s: too many sectors to add “%s”; shown as “other”"), WHAT (site->id), sector);
      lsm_sector_from_id ("other", &site->sector);
    }

  if (status != NULL && !lsm_status_from_id (status, &site->status))
    {
      _lsm_catalog_add_problem (reader->catalog, reader->display, _("%s: unknown status “%s”"),
                                WHAT (site->id), status);
      site->status = LSM_STATUS_UNKNOWN;
    }

  geometry = OGR_F_GetGeometryRef (feature);
  if (geometry != NULL && OGR_G_IsEmpty (geometry))
    {
      /* GDAL reads a point with a NaN coordinate as an empty point. */
      _lsm_catalog_add_problem (reader->catalog, reader->display,
                                _("%s has an empty geometry or coordinates that are not numbers"), WHAT (site->id));
      return NULL;
    }
  else if (geometry != NULL)
    {
      g_autofree char *geometry_problem = NULL;

      site->geometry = _lsm_gdal_convert_geometry (reader, geometry, LSM_LAYER_SITES, &geometry_problem);
      if (site->geometry == NULL)
        {
          _lsm_catalog_add_problem (reader->catalog, reader->display, "%s %s", WHAT (site->id),
                                    geometry_problem);
          return NULL;
        }
    }

  if (precision != NULL && !lsm_precision_from_id (precision, &site->precision))
    {
      /* Claim no more than we know. */
      _lsm_catalog_add_problem (reader->catalog, reader->display, _("%s: unknown precision “%s”"),
                                WHAT (site->id), precision);
      site->precision = site->geometry ? LSM_PRECISION_DISTRICT : LSM_PRECISION_UNKNOWN;
    }
  else if (precision == NULL)
    site->precision = site->geometry ? LSM_PRECISION_DISTRICT : LSM_PRECISION_UNKNOWN;

  if (site->geometry == NULL && site->precision != LSM_PRECISION_UNKNOWN)
    {
      /* Kept, unmapped: the site and its figures are still true. */
      _lsm_catalog_add_problem (reader->catalog, reader->display,
                                _("%s has no geometry but its precision is “%s”"),
                                WHAT (site->id), lsm_precision_get_id (site->precision));
      site->precision = LSM_PRECISION_UNKNOWN;
    }
  else if (site->geometry != NULL && site->precision == LSM_PRECISION_UNKNOWN)
    _lsm_catalog_add_problem (reader->catalog, reader->display,
                              _("%s has a geometry but its precision is “unknown”"), WHAT (site->id));

  _lsm_feature_compact (site, reader->texts);
  return g_steal_pointer (&site);

bad_field:
  _lsm_catalog_add_problem (reader->catalog, reader->display, _("%s: “%s” %s"), WHAT (site->id), field, problem);
  return NULL;
}

/* The data gives no label points for the units of 2025: one inside each, computed once. The
 * geometry is already in WGS 84 (converting it transformed it in place). */
static void
set_label_point_on_surface (LsmFeature   *area,
                            OGRGeometryH  geometry)
{
  OGRGeometryH point = OGR_G_PointOnSurface (geometry);

  if (point != NULL && !OGR_G_IsEmpty (point))
    {
      area->lon = OGR_G_GetX (point, 0);
      area->lat = OGR_G_GetY (point, 0);
      area->has_label_point = TRUE;
    }
  g_clear_pointer (&point, OGR_G_DestroyGeometry);
}

LsmFeature *
_lsm_gdal_read_area (LsmLayerReader *reader,
           OGRFeatureH  feature,
           guint        ordinal,
           LsmLayerKind    kind)
{
  g_autoptr(LsmFeature) area = NULL;
  g_autofree char *what = NULL;
  g_autofree char *geometry_problem = NULL;
  const char *problem = NULL;
  const char *field = NULL;
  OGRGeometryH geometry;
  double area_km2;

  area = _lsm_feature_new (kind == LSM_LAYER_DISTRICTS ? LSM_FEATURE_DISTRICT
                           : kind == LSM_LAYER_UNITS_2025 ? LSM_FEATURE_UNIT_2025 : LSM_FEATURE_CONTEXT);
  /* A unit of 2025 is known by its statistics code, kept as text: "06526" has a leading 0. */
  if (kind == LSM_LAYER_UNITS_2025)
    read_text (reader, feature, "code", &area->id, &problem);
  if (area->id == NULL && problem == NULL)
    area->id = read_id (reader, feature, &problem);
  if (problem != NULL)
    {
      _lsm_catalog_add_problem (reader->catalog, reader->display, _("%s: “id” %s"), WHAT (area->id), problem);
      return NULL;
    }

  if (!read_text (reader, feature, "name", &area->name, &problem))
    field = "name";
  else if (!read_text (reader, feature, "name_en", &area->name_en, &problem))
    field = "name_en";
  else if (!read_text (reader, feature, "full_name", &area->full_name, &problem))
    field = "full_name";
  else if (!read_word (reader, feature, "kind", &area->subtype, &problem))
    field = "kind";

  if (field != NULL)
    {
      _lsm_catalog_add_problem (reader->catalog, reader->display, _("%s: “%s” %s"), WHAT (area->id), field, problem);
      return NULL;
    }

  if ((kind == LSM_LAYER_DISTRICTS || kind == LSM_LAYER_UNITS_2025) && area->name == NULL)
    {
      _lsm_catalog_add_problem (reader->catalog, reader->display, _("%s has no “name”"), WHAT (area->id));
      return NULL;
    }

  geometry = OGR_F_GetGeometryRef (feature);
  if (geometry == NULL || OGR_G_IsEmpty (geometry))
    {
      _lsm_catalog_add_problem (reader->catalog, reader->display, _("%s has no geometry"), WHAT (area->id));
      return NULL;
    }

  area->geometry = _lsm_gdal_convert_geometry (reader, geometry, kind, &geometry_problem);
  if (area->geometry == NULL)
    {
      _lsm_catalog_add_problem (reader->catalog, reader->display, "%s %s", WHAT (area->id), geometry_problem);
      return NULL;
    }

  if (read_number (reader, feature, "area_km2", &area_km2))
    _lsm_feature_get_extra (area)->area_km2 = area_km2;
  if (read_number (reader, feature, "label_lon", &area->lon)
      && read_number (reader, feature, "label_lat", &area->lat))
    {
      area->has_label_point = area->lon >= -180 && area->lon <= 180
                              && area->lat >= -90 && area->lat <= 90;
      if (!area->has_label_point)
        _lsm_catalog_add_problem (reader->catalog, reader->display,
                                  _("%s: the label point is out of range"), WHAT (area->id));
    }
  else if (kind == LSM_LAYER_UNITS_2025 && !OGR_G_HasCurveGeometry (geometry, FALSE))
    set_label_point_on_surface (area, geometry);


  return g_steal_pointer (&area);
}
