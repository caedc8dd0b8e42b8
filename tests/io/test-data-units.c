/* test-data-units.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include <gdal.h>
#include <json-glib/json-glib.h>
#include <ogr_api.h>

#include "lsm-catalog.h"
#include "lsm-feature.h"
#include "lsm-figure.h"
#include "lsm-loader.h"
#include "lsm-source.h"
#include "lsm-test-utils.h"
#include "lsm-vocab.h"

/* The bundled communes of 2025 and the units of the sites inside them. */

static LsmCatalog *catalog;

/* The 2025 commune-level units, read with GDAL as they ship, keyed by their 5-digit code. */
static GHashTable *
load_communes_2025 (guint *n_communes,
                    guint *n_wards)
{
  g_autofree char *path = g_build_filename (g_getenv ("LSMAP_DATA_DIR"), "communes-2025.geojson", NULL);
  GHashTable *units = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) OGR_G_DestroyGeometry);
  GDALDatasetH ds;
  OGRFeatureH feature;

  lsm_loader_ensure_drivers ();
  ds = GDALOpenEx (path, GDAL_OF_VECTOR | GDAL_OF_READONLY, NULL, NULL, NULL);
  g_assert_nonnull (ds);
  *n_communes = *n_wards = 0;
  while ((feature = OGR_L_GetNextFeature (GDALDatasetGetLayer (ds, 0))) != NULL)
    {
      const char *code = OGR_F_GetFieldAsString (feature, OGR_F_GetFieldIndex (feature, "code"));
      const char *kind = OGR_F_GetFieldAsString (feature, OGR_F_GetFieldIndex (feature, "kind"));
      const char *full_name = OGR_F_GetFieldAsString (feature, OGR_F_GetFieldIndex (feature, "full_name"));
      OGRGeometryH geometry = OGR_F_GetGeometryRef (feature);

      g_assert_true (g_regex_match_simple ("^[0-9]{5}$", code, 0, 0));
      g_assert_nonnull (geometry);
      g_assert_cmpint (wkbFlatten (OGR_G_GetGeometryType (geometry)), ==, wkbPolygon);
      if (!OGR_G_IsValid (geometry))
        g_error ("unit %s (%s) is not a valid polygon", code, full_name);
      if (g_str_equal (kind, "commune"))
        {
          g_assert_true (g_str_has_prefix (full_name, "Xã "));
          (*n_communes)++;
        }
      else
        {
          g_assert_cmpstr (kind, ==, "ward");
          g_assert_true (g_str_has_prefix (full_name, "Phường "));
          (*n_wards)++;
        }
      /* Codes are unique. */
      g_assert_true (g_hash_table_insert (units, g_strdup (code), OGR_G_Clone (geometry)));
      OGR_F_Destroy (feature);
    }
  GDALClose (ds);

  return units;
}

static void
test_data_communes_2025 (void)
{
  g_autofree char *licence = g_build_filename (g_getenv ("LSMAP_DATA_DIR"), "LICENSE.communes-2025.MIT", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GHashTable) units = NULL;
  guint n_communes, n_wards;

  /* Since 1 July 2025: 61 xã and 4 phường, with their MIT licence beside them. */
  units = load_communes_2025 (&n_communes, &n_wards);
  g_assert_cmpuint (g_hash_table_size (units), ==, 65);
  g_assert_cmpuint (n_communes, ==, 61);
  g_assert_cmpuint (n_wards, ==, 4);

  g_assert_true (g_file_get_contents (licence, &text, NULL, NULL));
  lsm_test_assert_contains (text, "MIT License");
  lsm_test_assert_contains (text, "Copyright (c) 2021 Thang Le Quoc");
}

/* A point said to lie in a 2025 unit lies in it, by GEOS. */
static void
test_data_points_in_2025_units (void)
{
  g_autoptr(GHashTable) units = NULL;
  g_autoptr(GRegex) cited = g_regex_new ("\\(([0-9]{5})\\) in data/communes-2025\\.geojson", 0, 0, NULL);
  GListModel *sites = lsm_catalog_get_sites (catalog);
  guint n_communes, n_wards, checked = 0;

  units = load_communes_2025 (&n_communes, &n_wards);
  for (guint i = 0; i < g_list_model_get_n_items (sites); i++)
    {
      g_autoptr(LsmFeature) site = g_list_model_get_item (sites, i);
      g_autoptr(GMatchInfo) match = NULL;
      g_autofree char *code = NULL;
      OGRGeometryH point;
      double lon, lat;

      if (!lsm_feature_get_location (site, &lon, &lat)
          || !g_regex_match (cited, lsm_feature_get_provenance (site), 0, &match))
        continue;

      code = g_match_info_fetch (match, 1);
      g_assert_nonnull (g_hash_table_lookup (units, code));
      point = OGR_G_CreateGeometry (wkbPoint);
      OGR_G_SetPoint_2D (point, 0, lon, lat);
      if (!OGR_G_Contains (g_hash_table_lookup (units, code), point))
        g_error ("%s (%f, %f) is not inside unit %s", lsm_feature_get_id (site), lat, lon, code);
      OGR_G_DestroyGeometry (point);
      checked++;
    }

  /* The 16 points that were commune centroids of a source we may not ship. */
  g_assert_cmpuint (checked, ==, 16);
}

/* Every located site's unit of 2025 is the one GEOS finds: the unit containing it, else the
 * nearest, which must be within 200 m (the border gates on the border line). */
static void
test_data_units_2025_of_sites (void)
{
  g_autoptr(GHashTable) units = NULL;
  GListModel *sites = lsm_catalog_get_sites (catalog);
  guint n_communes, n_wards, checked = 0, outside = 0;

  units = load_communes_2025 (&n_communes, &n_wards);
  g_assert_cmpuint (g_list_model_get_n_items (lsm_catalog_get_units_2025 (catalog)), ==, 65);
  for (guint i = 0; i < g_list_model_get_n_items (sites); i++)
    {
      g_autoptr(LsmFeature) site = g_list_model_get_item (sites, i);
      OGRGeometryH point = OGR_G_CreateGeometry (wkbPoint);
      const char *expected = NULL;
      double lon, lat, nearest = INFINITY;
      GHashTableIter iter;
      gpointer code, polygon;

      if (!lsm_feature_get_location (site, &lon, &lat))
        {
          g_assert_null (lsm_feature_get_unit_2025 (site));
          OGR_G_DestroyGeometry (point);
          continue;
        }

      OGR_G_SetPoint_2D (point, 0, lon, lat);
      g_hash_table_iter_init (&iter, units);
      while (g_hash_table_iter_next (&iter, &code, &polygon))
        {
          double d = OGR_G_Contains (polygon, point) ? -1 : OGR_G_Distance (polygon, point);

          if (d < nearest)
            {
              nearest = d;
              expected = code;
            }
        }
      OGR_G_DestroyGeometry (point);

      /* Degrees to metres: a degree of longitude here is shorter than one of latitude. */
      if (nearest >= 0)
        {
          g_assert_cmpfloat (nearest * 111195.0 * cos (lat * G_PI / 180), <, 200.0);
          outside++;
        }
      g_assert_nonnull (lsm_feature_get_unit_2025 (site));
      if (g_strcmp0 (lsm_feature_get_id (lsm_feature_get_unit_2025 (site)), expected) != 0)
        g_error ("%s (%f, %f) is given unit %s, GEOS finds %s", lsm_feature_get_id (site), lat, lon,
                 lsm_feature_get_id (lsm_feature_get_unit_2025 (site)), expected);
      checked++;
    }

  g_assert_cmpuint (checked, ==, 36);
  g_test_message ("%u sites lie just outside the units and take the nearest", outside);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  catalog = lsm_test_load_bundled ();

  g_test_add_func ("/lsm/data/communes-2025", test_data_communes_2025);
  g_test_add_func ("/lsm/data/points-in-2025-units", test_data_points_in_2025_units);
  g_test_add_func ("/lsm/data/units-2025-of-sites", test_data_units_2025_of_sites);

  result = g_test_run ();
  g_clear_object (&catalog);

  return result;
}
