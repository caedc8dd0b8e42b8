/* lsm-loader-validate.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-loader"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "lsm-catalog-private.h"
#include "lsm-geojson-rules.h"
#include "lsm-loader-private.h"

/* --validate: one file checked on its own, or against a reference catalog, line by line. */
static void
copy_store (GListModel *from,
            GPtrArray  *to)
{
  guint n = g_list_model_get_n_items (from);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (to, g_list_model_get_item (from, i));
}

/* Start from the reference so that cross-file checks have something to check against. */
static void
copy_reference (LsmCatalog *catalog,
                LsmCatalog *reference,
                gboolean    sources_only)
{
  g_autoptr(GPtrArray) sites = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) districts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) aggregates = g_ptr_array_new_with_free_func (g_object_unref);

  copy_store (lsm_catalog_get_sources (reference), sources);
  copy_store (lsm_catalog_get_crosschecks (reference), sources);
  _lsm_catalog_set_sources (catalog, sources);
  if (sources_only)
    return;

  copy_store (lsm_catalog_get_sites (reference), sites);
  copy_store (lsm_catalog_get_districts (reference), districts);
  copy_store (lsm_catalog_get_aggregates (reference), aggregates);
  _lsm_catalog_set_sites (catalog, sites, "sites.geojson");
  _lsm_catalog_set_districts (catalog, districts, "districts.geojson");
  _lsm_catalog_set_aggregates (catalog, aggregates, "figures.csv");
}

/**
 * lsm_loader_validate_file:
 * @path: a sites, districts, context or province vector file, or a table of figures or sources
 * @reference: (nullable): a catalog the file is checked against (districts, sources, ids)
 * @problems: (element-type utf8): where to append one "FILE: problem" line per problem
 *
 * Returns: %TRUE if the file is valid lsmap data
 */
gboolean
lsm_loader_validate_file (const char *path,
                          LsmCatalog *reference,
                          GPtrArray  *problems)
{
  g_autoptr(LsmCatalog) catalog = lsm_catalog_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *display = g_filename_display_basename (path);
  g_autofree char *prefix = g_strdup_printf ("%s: ", display);
  g_autofree char *shown = g_filename_display_name (path);
  gboolean valid = TRUE;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (problems != NULL, FALSE);

  if (g_str_has_suffix (path, ".csv") || g_str_has_suffix (path, ".xlsx") || g_str_has_suffix (path, ".ods"))
    {
      /* A table is checked against the reference's sites and sources, which it does not change. */
      if (reference != NULL)
        copy_reference (catalog, reference, TRUE);
      _lsm_gdal_read_table_file (path, LSM_LAYER_AUTO, LSM_SUBJECT_ALL, reference, catalog, &error);
    }
  else
    {
      if (reference != NULL)
        copy_reference (catalog, reference, FALSE);
      /* GDAL reads what it can; the GeoJSON rules it lets pass are checked on their own. */
      if (_lsm_gdal_read_vector (path, LSM_LAYER_AUTO, catalog, NULL, NULL, NULL, NULL, &error))
        _lsm_geojson_check_rules (path, display, catalog);
    }

  if (error != NULL)
    {
      /* Errors name the file by its basename; the user named it by its path. */
      g_ptr_array_add (problems, g_strdup_printf ("%s: %s", shown, _lsm_loader_cause_of (error, display)));
      return FALSE;
    }

  _lsm_catalog_check (catalog);
  for (const char * const *p = lsm_catalog_get_problems (catalog); *p != NULL; p++)
    {
      if (g_str_has_prefix (*p, prefix))
        {
          g_ptr_array_add (problems, g_strdup_printf ("%s: %s", shown, *p + strlen (prefix)));
          valid = FALSE;
        }
    }

  return valid;
}
