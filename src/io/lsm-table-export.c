/* lsm-table-export.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-table-export"

#include "config.h"

#include <errno.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "lsm-feature.h"
#include "lsm-gdal-private.h"
#include "lsm-headline.h"
#include "lsm-table-export.h"

/* "Export table…": the rows the table shows, in its order, with its headings and cells, as a
 * spreadsheet through GDAL (CSV or XLSX by the file's extension). Numbers are written as
 * numbers, so a spreadsheet sums and sorts them; coordinates follow for GIS users. GDAL writes
 * to a hidden file beside the target, renamed into place only when complete. */

G_DEFINE_QUARK (lsm-table-export-error-quark, lsm_table_export_error)

static const char *
driver_for (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".csv"))
    return "CSV";
  if (g_str_has_suffix (lower, ".xlsx"))
    return "XLSX";

  return NULL;
}

static gboolean
write_error (const char  *display,
             GError     **error)
{
  g_debug ("GDAL: %s", CPLGetLastErrorMsg ());
  /* Translators: %s is a file name */
  g_set_error (error, LSM_TABLE_EXPORT_ERROR, LSM_TABLE_EXPORT_ERROR_WRITE,
               _("Could not write “%s”: check that the folder exists and can be written to"), display);
  return FALSE;
}

static gboolean
create_fields (OGRLayerH       layer,
               const gboolean *applies)
{
  for (guint c = 0; c < LSM_N_COLUMNS; c++)
    {
      OGRFieldType type = lsm_column_is_numeric (c) ? (c == LSM_COLUMN_YEAR ? OFTInteger : OFTReal) : OFTString;
      OGRFieldDefnH field;
      OGRErr err;

      if (!applies[c])
        continue;

      field = OGR_Fld_Create (lsm_column_get_label (c), type);
      err = OGR_L_CreateField (layer, field, TRUE);
      OGR_Fld_Destroy (field);
      if (err != OGRERR_NONE)
        return FALSE;
    }

  for (guint i = 0; i < 2; i++)
    {
      /* Translators: column headings of an exported table, for GIS users */
      OGRFieldDefnH field = OGR_Fld_Create (i == 0 ? _("Latitude") : _("Longitude"), OFTReal);
      OGRErr err = OGR_L_CreateField (layer, field, TRUE);

      OGR_Fld_Destroy (field);
      if (err != OGRERR_NONE)
        return FALSE;
    }

  return TRUE;
}

static gboolean
write_row (OGRLayerH       layer,
           LsmFeature     *site,
           const gboolean *applies)
{
  g_auto(OGRFeatureH) row = OGR_F_Create (OGR_L_GetLayerDefn (layer));
  double lon, lat;
  int field = 0;

  for (guint c = 0; c < LSM_N_COLUMNS; c++)
    {
      double value;

      if (!applies[c])
        continue;

      if (lsm_column_is_numeric (c))
        {
          if (lsm_site_get_headline (site, c, &value))
            {
              if (c == LSM_COLUMN_YEAR)
                OGR_F_SetFieldInteger (row, field, (int) value);
              else
                OGR_F_SetFieldDouble (row, field, value);
            }
        }
      else
        {
          g_autofree char *text = lsm_site_format_column (site, c);

          OGR_F_SetFieldString (row, field, text);
        }
      field++;
    }

  if (lsm_feature_get_location (site, &lon, &lat))
    {
      OGR_F_SetFieldDouble (row, field, lat);
      OGR_F_SetFieldDouble (row, field + 1, lon);
    }

  return OGR_L_CreateFeature (layer, row) == OGRERR_NONE;
}

static gboolean
write_table (GListModel *sites,
             const char *driver_name,
             const char *path)
{
  GDALDriverH driver = GDALGetDriverByName (driver_name);
  g_auto(GDALDatasetH) dataset = NULL;
  OGRLayerH layer;
  guint n = g_list_model_get_n_items (sites);
  gboolean applies[LSM_N_COLUMNS];

  if (driver == NULL)
    return FALSE;

  for (guint c = 0; c < LSM_N_COLUMNS; c++)
    applies[c] = lsm_column_applies (c, sites);

  dataset = GDALCreate (driver, path, 0, 0, 0, GDT_Unknown, NULL);
  if (dataset == NULL)
    return FALSE;

  /* Translators: the name of the sheet in an exported spreadsheet */
  layer = GDALDatasetCreateLayer (dataset, _("Sites"), NULL, wkbNone, NULL);
  if (layer == NULL || !create_fields (layer, applies))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LsmFeature) site = g_list_model_get_item (sites, i);

      if (!write_row (layer, site, applies))
        return FALSE;
    }

  /* Closing is when XLSX is zipped up and CSV flushed: a failure there is a failed export. */
  CPLErrorReset ();
  GDALClose (g_steal_pointer (&dataset));

  return CPLGetLastErrorType () < CE_Failure;
}

/**
 * lsm_table_export:
 * @sites: the rows, in order
 * @path: a file name ending in .csv or .xlsx
 * @error: return location for a %LSM_TABLE_EXPORT_ERROR naming the file
 *
 * Returns: whether the whole table was written
 */
gboolean
lsm_table_export (GListModel  *sites,
                  const char  *path,
                  GError     **error)
{
  g_autofree char *display = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temp = NULL;
  const char *driver;
  gboolean ok;

  g_return_val_if_fail (G_IS_LIST_MODEL (sites), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  display = g_filename_display_name (path);
  driver = driver_for (path);
  if (driver == NULL)
    {
      /* Translators: %s is a file name */
      g_set_error (error, LSM_TABLE_EXPORT_ERROR, LSM_TABLE_EXPORT_ERROR_FORMAT,
                   _("Cannot export the table as “%s”: the name must end in .csv or .xlsx"), display);
      return FALSE;
    }

  /* The same extension, so GDAL writes the same format; hidden, so no one opens it half-made.
   * The extension appears once only: GDAL takes "x.xlsx.…" for a path inside an archive. */
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  temp = g_strdup_printf ("%s/.lsmap-%u-%s", dir, (guint) getpid (), base);

  _lsm_gdal_ensure_registered ();
  CPLPushErrorHandler (CPLQuietErrorHandler);
  ok = write_table (sites, driver, temp);
  CPLPopErrorHandler ();

  if (!ok)
    {
      g_remove (temp);
      return write_error (display, error);
    }

  if (g_rename (temp, path) != 0)
    {
      int saved = errno;

      g_remove (temp);
      /* Translators: %s is a file name, then the system's reason */
      g_set_error (error, LSM_TABLE_EXPORT_ERROR, LSM_TABLE_EXPORT_ERROR_WRITE,
                   _("Could not write “%s”: %s"), display, g_strerror (saved));
      return FALSE;
    }

  return TRUE;
}
