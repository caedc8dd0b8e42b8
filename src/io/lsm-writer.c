/* lsm-writer.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-writer"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include <cpl_conv.h>

#include "lsm-gdal-private.h"
#include "lsm-writer.h"

/* Copies the catalog's layers and tables, as GDAL reads them, from one form to another: a
 * GeoPackage, a folder of GeoJSON and CSV, or a PostGIS schema. Copying what GDAL read, rather
 * than what the model kept, loses nothing the reader does not know about; a selection only drops
 * the sites it leaves out and the figure rows about them. */

G_DEFINE_QUARK (lsm-writer-error-quark, lsm_writer_error)

/* In a database every layer and table goes into this one schema, so the catalog can share a
 * database with anything else and be replaced as a whole. */
#define PG_SCHEMA "lsmap"

typedef struct
{
  const char *name;  /* in a data source */
  const char *file;  /* in a folder */
  gboolean    table; /* no geometry: a CSV in a folder */
} CatalogLayer;

/* The forms of data/README.md: the reader looks for the same names, and takes a layer named
 * communes_2025 for the units of 2025 before it looks at columns (their polygons with an area
 * would otherwise be taken for districts). */
static const CatalogLayer catalog_layers[] = {
  { "sites", "sites.geojson", FALSE },
  { "districts", "districts.geojson", FALSE },
  { "province", "province.geojson", FALSE },
  { "context", "context.geojson", FALSE },
  { "communes_2025", "communes-2025.geojson", FALSE },
  { "figures", "figures.csv", TRUE },
  { "sources", "sources.csv", TRUE },
};

typedef struct
{
  const char      *display;   /* DEST in messages, without a password */
  GHashTable      *site_ids;  /* the sites kept; NULL: all */
  LsmWriterFormat  format;
  GDALDatasetH     out;       /* GeoPackage or PostGIS; NULL for a folder */
  const char      *folder;    /* where a folder's files go */
  GCancellable    *cancellable;
} Writer;

/* A row at a time would make checking cost more than copying. */
#define CHECK_EVERY 256

gboolean
lsm_writer_parse_dest (const char       *dest,
                       LsmWriterFormat  *format,
                       GError          **error)
{
  if (g_str_has_prefix (dest, "PG:"))
    *format = LSM_WRITER_FORMAT_POSTGIS;
  else if (g_str_has_suffix (dest, "/") || g_file_test (dest, G_FILE_TEST_IS_DIR))
    *format = LSM_WRITER_FORMAT_FOLDER;
  else if (g_str_has_suffix (dest, ".gpkg"))
    *format = LSM_WRITER_FORMAT_GPKG;
  else if (strchr (dest, '.') == NULL || strrchr (dest, '.') < strrchr (dest, '/'))
    /* A new name without an extension is a new folder. */
    *format = LSM_WRITER_FORMAT_FOLDER;
  else
    {
      g_autofree char *display = g_filename_display_name (dest);

      /* Translators: %s is what the user gave after --convert= */
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--convert=%s: give a GeoPackage (.gpkg), a folder (ending in /) or a PostGIS database (PG:…)"),
                   display);
      return FALSE;
    }

  return TRUE;
}

static void
set_write_error (GError     **error,
                 const char  *display,
                 const char  *what)
{
  const char *cause = _lsm_gdal_get_last_failure ();

  g_debug ("Cannot write %s (%s): %s", display, what, cause ? cause : "(no message)");
  /* Translators: "energy.gpkg: cannot be written (layer “sites”): disk full" */
  g_set_error (error, LSM_WRITER_ERROR, LSM_WRITER_ERROR_FAILED, _("%s: cannot be written (%s): %s"),
               display, what, cause != NULL ? cause : _("GDAL gives no reason"));
}

static gboolean
keep_feature (Writer         *writer,
              const char     *name,
              OGRFeatureDefnH defn,
              OGRFeatureH     feature)
{
  int i_kind, i_subject, i_id;

  if (writer->site_ids == NULL)
    return TRUE;

  if (g_str_equal (name, "sites"))
    {
      i_id = OGR_FD_GetFieldIndex (defn, "id");
      return i_id < 0 || g_hash_table_contains (writer->site_ids, OGR_F_GetFieldAsString (feature, i_id));
    }

  if (g_str_equal (name, "figures"))
    {
      i_kind = OGR_FD_GetFieldIndex (defn, "subject_kind");
      i_subject = OGR_FD_GetFieldIndex (defn, "subject");
      if (i_kind < 0 || i_subject < 0 || !g_str_equal (OGR_F_GetFieldAsString (feature, i_kind), "site"))
        return TRUE;
      return g_hash_table_contains (writer->site_ids, OGR_F_GetFieldAsString (feature, i_subject));
    }

  return TRUE;
}

/* A CSV cell that is empty is null (data/README.md); other forms must not turn it into "". */
static void
null_empty_strings (OGRFeatureDefnH defn,
                    OGRFeatureH     feature)
{
  for (int i = 0; i < OGR_FD_GetFieldCount (defn); i++)
    if (OGR_Fld_GetType (OGR_FD_GetFieldDefn (defn, i)) == OFTString
        && OGR_F_IsFieldSetAndNotNull (feature, i) && *OGR_F_GetFieldAsString (feature, i) == '\0')
      OGR_F_SetFieldNull (feature, i);
}

static OGRLayerH
create_layer (Writer            *writer,
              const CatalogLayer *entry,
              OGRLayerH          source,
              GDALDatasetH      *folder_ds,
              GError           **error)
{
  OGRwkbGeometryType type = entry->table ? wkbNone : OGR_L_GetGeomType (source);
  OGRSpatialReferenceH srs = entry->table ? NULL : OGR_L_GetSpatialRef (source);
  g_auto(OGRSpatialReferenceH) wgs84 = NULL;
  GDALDatasetH ds = writer->out;
  const char *options[4] = { NULL };
  OGRLayerH layer;

  if (!entry->table)
    {
      wgs84 = OSRNewSpatialReference (NULL);
      OSRImportFromEPSG (wgs84, 4326);
      OSRSetAxisMappingStrategy (wgs84, OAMS_TRADITIONAL_GIS_ORDER);
      /* GeoJSON without a "crs" member is WGS 84; and GeoJSON's CRS84 is WGS 84 under a name
       * that PostGIS has no SRID for. */
      if (srs == NULL || OSRIsSame (srs, wgs84))
        srs = wgs84;
    }

  switch (writer->format)
    {
    case LSM_WRITER_FORMAT_FOLDER:
      {
        const char *driver_name = entry->table ? "CSV" : "GeoJSON";
        g_autofree char *path = g_build_filename (writer->folder, entry->file, NULL);

        ds = *folder_ds = GDALCreate (GDALGetDriverByName (driver_name), path, 0, 0, 0, GDT_Unknown, NULL);
        if (ds == NULL)
          {
            set_write_error (error, writer->display, entry->file);
            return NULL;
          }
        if (entry->table)
          options[0] = "CREATE_CSVT=YES";
      }
      break;

    case LSM_WRITER_FORMAT_POSTGIS:
      options[0] = "SCHEMA=" PG_SCHEMA;
      options[1] = "GEOMETRY_NAME=geom";
      break;

    case LSM_WRITER_FORMAT_GPKG:
    default:
      break;
    }

  layer = GDALDatasetCreateLayer (ds, entry->name, srs, type, (char **) options);
  if (layer == NULL)
    {
      set_write_error (error, writer->display, entry->name);
      return NULL;
    }

  return layer;
}

static gboolean
execute (GDALDatasetH  ds,
         const char   *sql)
{
  OGRLayerH result;

  _lsm_gdal_reset_errors ();
  result = GDALDatasetExecuteSQL (ds, sql, NULL, NULL);
  if (result != NULL)
    GDALDatasetReleaseResultSet (ds, result);

  return _lsm_gdal_get_n_failures () == 0;
}

static gboolean
copy_layer (Writer             *writer,
            const CatalogLayer *entry,
            OGRLayerH           source,
            gboolean            from_csv,
            GError            **error)
{
  OGRFeatureDefnH source_defn = OGR_L_GetLayerDefn (source);
  g_auto(GDALDatasetH) folder_ds = NULL;
  OGRFeatureDefnH out_defn;
  OGRLayerH out;
  OGRFeatureH feature;
  guint n = 0;

  if ((out = create_layer (writer, entry, source, &folder_ds, error)) == NULL)
    return FALSE;

  for (int i = 0; i < OGR_FD_GetFieldCount (source_defn); i++)
    {
      OGRFieldDefnH in = OGR_FD_GetFieldDefn (source_defn, i);
      OGRFieldDefnH field = OGR_Fld_Create (OGR_Fld_GetNameRef (in), OGR_Fld_GetType (in));
      OGRErr err;

      /* The reader parses JSON text itself; PostgreSQL's json type would refuse what the
       * reader reports as a problem, and the whole copy with it. Widths are left to each
       * form. */
      if (OGR_Fld_GetSubType (in) != OFSTJSON)
        OGR_Fld_SetSubType (field, OGR_Fld_GetSubType (in));
      err = OGR_L_CreateField (out, field, TRUE);
      OGR_Fld_Destroy (field);
      if (err != OGRERR_NONE)
        {
          set_write_error (error, writer->display, entry->name);
          return FALSE;
        }
    }

  out_defn = OGR_L_GetLayerDefn (out);
  OGR_L_ResetReading (source);
  while ((feature = OGR_L_GetNextFeature (source)) != NULL)
    {
      g_auto(OGRFeatureH) in = feature;
      g_auto(OGRFeatureH) copy = NULL;

      if (++n % CHECK_EVERY == 0 && g_cancellable_set_error_if_cancelled (writer->cancellable, error))
        return FALSE;
      if (!keep_feature (writer, entry->name, source_defn, in))
        continue;

      copy = OGR_F_Create (out_defn);
      if (OGR_F_SetFrom (copy, in, TRUE) != OGRERR_NONE)
        {
          set_write_error (error, writer->display, entry->name);
          return FALSE;
        }
      /* The reader keeps rows in their order; new ids keep it in every form. */
      OGR_F_SetFID (copy, OGRNullFID);
      if (from_csv)
        null_empty_strings (out_defn, copy);
      if (OGR_L_CreateFeature (out, copy) != OGRERR_NONE)
        {
          set_write_error (error, writer->display, entry->name);
          return FALSE;
        }
    }

  /* PostgreSQL puts a row wherever there is room, and a plain read returns rows in that order:
   * rewriting the table in the order of its key gives the reader the rows in their order. */
  if (writer->format == LSM_WRITER_FORMAT_POSTGIS)
    {
      g_autofree char *sql = g_strdup_printf ("CLUSTER %s.\"%s\" USING \"%s_pkey\"", PG_SCHEMA,
                                              entry->name, entry->name);

      if (OGR_L_SyncToDisk (out) != OGRERR_NONE || !execute (writer->out, sql))
        {
          set_write_error (error, writer->display, entry->name);
          return FALSE;
        }
    }

  /* GDAL 3.6's GDALClose() returns nothing: a failed flush shows as an error message. */
  if (folder_ds != NULL)
    {
      _lsm_gdal_reset_errors ();
      GDALClose (g_steal_pointer (&folder_ds));
      if (_lsm_gdal_get_n_failures () > 0)
        {
          set_write_error (error, writer->display, entry->file);
          return FALSE;
        }
    }

  return TRUE;
}

/* Opens a catalog layer of a folder (its own file) or of a data source (by name); *layer is
 * NULL for one the source does not have. */
static gboolean
open_source_layer (const char          *source,
                   GDALDatasetH         source_ds,
                   const CatalogLayer  *entry,
                   GDALDatasetH        *file_ds,
                   OGRLayerH           *layer,
                   gboolean            *from_csv,
                   GError             **error)
{
  g_autofree char *path = NULL;
  g_autofree char *base = NULL;

  *layer = NULL;
  *from_csv = FALSE;

  if (source_ds != NULL)
    {
      *layer = GDALDatasetGetLayerByName (source_ds, entry->name);
      return TRUE;
    }

  path = entry->table ? _lsm_loader_find_table (source, entry->name)
                      : g_build_filename (source, entry->file, NULL);
  if (path == NULL || !g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;

  base = g_path_get_basename (path);
  if ((*file_ds = _lsm_gdal_open (path, base, error)) == NULL)
    return FALSE;
  *layer = GDALDatasetGetLayer (*file_ds, 0);
  *from_csv = g_str_has_suffix (path, ".csv");

  return TRUE;
}

static gboolean
copy_catalog (Writer      *writer,
              const char  *source,
              GError     **error)
{
  g_autofree char *source_display = _lsm_loader_display_name (source);
  g_auto(GDALDatasetH) source_ds = NULL;
  gboolean is_folder = g_file_test (source, G_FILE_TEST_IS_DIR);

  if (!is_folder && (source_ds = _lsm_gdal_open (source, source_display, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (catalog_layers); i++)
    {
      g_auto(GDALDatasetH) file_ds = NULL;
      OGRLayerH layer;
      gboolean from_csv;

      if (g_cancellable_set_error_if_cancelled (writer->cancellable, error))
        return FALSE;
      if (!open_source_layer (source, source_ds, &catalog_layers[i], &file_ds, &layer, &from_csv, error))
        return FALSE;
      if (layer == NULL && i == 0)
        {
          g_set_error (error, LSM_WRITER_ERROR, LSM_WRITER_ERROR_NO_SITES,
                       _("%s: no layer “sites” to convert"), source_display);
          return FALSE;
        }
      if (layer != NULL && !copy_layer (writer, &catalog_layers[i], layer, from_csv, error))
        return FALSE;
    }

  return TRUE;
}

/* Only what this writer made: the scratch folder and the files it wrote or moved there. */
static void
delete_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if ((dir = g_dir_open (path, 0, NULL)) != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
          delete_tree (child);
        else
          g_unlink (child);
      }
  g_rmdir (path);
}

static gboolean
refuse_existing (const char  *display,
                 GError     **error)
{
  /* Translators: %s is a file, folder or database; --overwrite is literal */
  g_set_error (error, LSM_WRITER_ERROR, LSM_WRITER_ERROR_EXISTS,
               _("%s already exists: add --overwrite to replace it"), display);
  return FALSE;
}

/* Files appear whole or not at all: everything is written inside a hidden folder beside DEST,
 * then renamed into place. */
static gboolean
convert_to_files (Writer      *writer,
                  const char  *source,
                  const char  *dest,
                  gboolean     overwrite,
                  GError     **error)
{
  g_autofree char *trimmed = g_strdup (dest);
  g_autofree char *parent = NULL;
  g_autofree char *base = NULL;
  g_autofree char *scratch = NULL;
  g_autofree char *staged = NULL;
  g_autofree char *old = NULL;
  gboolean ok = FALSE;
  int saved_errno;

  while (strlen (trimmed) > 1 && g_str_has_suffix (trimmed, "/"))
    trimmed[strlen (trimmed) - 1] = '\0';
  parent = g_path_get_dirname (trimmed);
  base = g_path_get_basename (trimmed);

  if (g_file_test (trimmed, G_FILE_TEST_EXISTS) && !overwrite)
    return refuse_existing (writer->display, error);

  scratch = g_build_filename (parent, ".lsmap-convert-XXXXXX", NULL);
  if (g_mkdtemp (scratch) == NULL)
    goto out_errno;
  staged = g_build_filename (scratch, base, NULL);
  old = g_build_filename (scratch, "old", NULL);

  if (writer->format == LSM_WRITER_FORMAT_FOLDER)
    {
      if (g_mkdir (staged, 0777) != 0)
        goto out_errno;
      writer->folder = staged;
      ok = copy_catalog (writer, source, error);
    }
  else
    {
      writer->out = GDALCreate (GDALGetDriverByName ("GPKG"), staged, 0, 0, 0, GDT_Unknown, NULL);
      if (writer->out == NULL)
        set_write_error (error, writer->display, base);
      else
        {
          /* One transaction: far faster than one per row. */
          GDALDatasetStartTransaction (writer->out, FALSE);
          ok = copy_catalog (writer, source, error);
          if (ok && GDALDatasetCommitTransaction (writer->out) != OGRERR_NONE)
            {
              set_write_error (error, writer->display, base);
              ok = FALSE;
            }
          _lsm_gdal_reset_errors ();
          GDALClose (g_steal_pointer (&writer->out));
          if (ok && _lsm_gdal_get_n_failures () > 0)
            {
              set_write_error (error, writer->display, base);
              ok = FALSE;
            }
        }
    }

  if (ok)
    {
      /* A folder cannot be renamed over a full one: the old one steps aside first. */
      if (writer->format == LSM_WRITER_FORMAT_FOLDER && g_file_test (trimmed, G_FILE_TEST_IS_DIR)
          && g_rename (trimmed, old) != 0)
        goto out_errno;
      if (g_rename (staged, trimmed) != 0)
        goto out_errno;
    }
  goto out;

out_errno:
  saved_errno = errno;
  /* Translators: the second %s is the system's reason */
  g_set_error (error, LSM_WRITER_ERROR, LSM_WRITER_ERROR_FAILED, _("%s: cannot be written: %s"),
               writer->display, g_strerror (saved_errno));
  ok = FALSE;

out:
  delete_tree (scratch);
  return ok;
}

/* The whole schema is replaced in one transaction: readers see the old catalog or the new one. */
static gboolean
convert_to_postgis (Writer      *writer,
                    const char  *source,
                    const char  *dest,
                    gboolean     overwrite,
                    GError     **error)
{
  static const char * const open_options[] = { "LIST_ALL_TABLES=YES", "SCHEMAS=" PG_SCHEMA, NULL };
  static const char * const drivers[] = { "PostgreSQL", NULL };
  gboolean ok;

  /* COPY reports a bad row only at the end of a layer, without saying which. */
  CPLSetThreadLocalConfigOption ("PG_USE_COPY", "NO");
  _lsm_gdal_reset_errors ();
  writer->out = GDALOpenEx (dest, GDAL_OF_VECTOR | GDAL_OF_UPDATE | GDAL_OF_VERBOSE_ERROR, drivers,
                            open_options, NULL);
  if (writer->out == NULL)
    {
      CPLSetThreadLocalConfigOption ("PG_USE_COPY", NULL);
      _lsm_gdal_set_database_error (error, writer->display, _lsm_gdal_get_last_failure ());
      return FALSE;
    }

  if (GDALDatasetGetLayerCount (writer->out) > 0 && !overwrite)
    {
      g_autofree char *what = g_strdup_printf (_("the lsmap schema of %s"), writer->display);

      GDALClose (g_steal_pointer (&writer->out));
      return refuse_existing (what, error);
    }

  ok = GDALDatasetStartTransaction (writer->out, FALSE) == OGRERR_NONE;
  for (int i = GDALDatasetGetLayerCount (writer->out) - 1; ok && i >= 0; i--)
    ok = GDALDatasetDeleteLayer (writer->out, i) == OGRERR_NONE;
  ok = ok && execute (writer->out, "CREATE SCHEMA IF NOT EXISTS " PG_SCHEMA);
  if (!ok)
    set_write_error (error, writer->display, PG_SCHEMA);

  ok = ok && copy_catalog (writer, source, error);

  /* Everyone the database lets in may read the catalog; only its owner changes it. */
  if (ok && !(execute (writer->out, "GRANT USAGE ON SCHEMA " PG_SCHEMA " TO PUBLIC")
              && execute (writer->out, "GRANT SELECT ON ALL TABLES IN SCHEMA " PG_SCHEMA " TO PUBLIC")))
    {
      set_write_error (error, writer->display, PG_SCHEMA);
      ok = FALSE;
    }

  if (ok && GDALDatasetCommitTransaction (writer->out) != OGRERR_NONE)
    {
      set_write_error (error, writer->display, PG_SCHEMA);
      ok = FALSE;
    }
  else if (!ok)
    GDALDatasetRollbackTransaction (writer->out);

  GDALClose (g_steal_pointer (&writer->out));
  CPLSetThreadLocalConfigOption ("PG_USE_COPY", NULL);
  return ok;
}

/**
 * lsm_writer_convert:
 * @source: a data folder or OGR source in the catalog's form (data/README.md)
 * @dest: a GeoPackage (.gpkg), a folder, or a PostGIS database ("PG:…")
 * @site_ids: (nullable) (element-type utf8 utf8): the ids of the sites to keep; %NULL keeps all.
 *   Districts, the province, sectors and sources keep all their figures.
 * @overwrite: whether an existing @dest (for a database: its lsmap schema) may be replaced
 * @cancellable: (nullable): a #GCancellable; once cancelled, the writer stops, removes what it
 *   staged (or rolls the transaction back) and returns %G_IO_ERROR_CANCELLED
 * @error: return location for an error naming @dest and the cause
 *
 * Writes the catalog of @source to @dest: files atomically, a database in one transaction.
 *
 * Returns: %TRUE if @dest holds the whole catalog, %FALSE if it is unchanged
 */
gboolean
lsm_writer_convert (const char    *source,
                    const char    *dest,
                    GHashTable    *site_ids,
                    gboolean       overwrite,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autofree char *display = _lsm_loader_display_name (dest);
  Writer writer = { display, site_ids, 0, NULL, NULL, cancellable };
  gboolean ok;

  g_return_val_if_fail (source != NULL, FALSE);
  g_return_val_if_fail (dest != NULL, FALSE);

  if (!lsm_writer_parse_dest (dest, &writer.format, error))
    return FALSE;

  _lsm_gdal_push_quiet ();
  if (writer.format == LSM_WRITER_FORMAT_POSTGIS)
    ok = convert_to_postgis (&writer, source, dest, overwrite, error);
  else
    ok = convert_to_files (&writer, source, dest, overwrite, error);
  _lsm_gdal_pop_quiet ();

  return ok;
}
