/* test-data.c
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

/* The bundled data: what every user sees. These checks guard its integrity and a sample of
 * its figures against the seed articles' text. */

static LsmCatalog *catalog;

static LsmFigure *
find_figure_in (GListModel *figures,
                const char *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (figures); i++)
    {
      g_autoptr(LsmFigure) figure = g_list_model_get_item (figures, i);

      if (g_str_equal (lsm_figure_get_id (figure), id))
        return figure; /* owned by the catalog */
    }

  return NULL;
}

static LsmFigure *
find_figure (const char  *id,
             LsmFeature **owner)
{
  GListModel *lists[] = { lsm_catalog_get_sites (catalog), lsm_catalog_get_districts (catalog) };
  LsmFigure *figure;

  *owner = NULL;
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
      {
        g_autoptr(LsmFeature) feature = g_list_model_get_item (lists[l], i);

        if ((figure = find_figure_in (lsm_feature_get_figures (feature), id)) != NULL)
          {
            *owner = feature;
            return figure;
          }
      }

  return find_figure_in (lsm_catalog_get_aggregates (catalog), id);
}

static void
test_data_loads_cleanly (void)
{
  const char * const *problems = lsm_catalog_get_problems (catalog);

  for (guint i = 0; problems[i] != NULL; i++)
    g_test_message ("problem: %s", problems[i]);
  g_assert_null (problems[0]);
  g_assert_cmpuint (lsm_catalog_get_n_skipped (catalog), ==, 0);
}

static void
test_data_districts (void)
{
  const char *names[] = {
    "Lạng Sơn", "Tràng Định", "Bình Gia", "Văn Lãng", "Cao Lộc", "Văn Quan", "Bắc Sơn",
    "Hữu Lũng", "Chi Lăng", "Lộc Bình", "Đình Lập",
  };
  GListModel *districts = lsm_catalog_get_districts (catalog);
  double total_area = 0;

  g_assert_cmpuint (g_list_model_get_n_items (districts), ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      LsmFeature *district = lsm_catalog_lookup_district (catalog, names[i]);
      double lon, lat;

      g_assert_nonnull (district);
      g_assert_cmpstr (lsm_feature_get_name (district), ==, names[i]);
      g_assert_nonnull (lsm_feature_get_name_en (district));
      g_assert_true (lsm_feature_get_label_point (district, &lon, &lat));
      g_assert_true (lsm_catalog_district_at (catalog, lon, lat) == district);
      total_area += lsm_feature_get_area_km2 (district);
    }

  /* SOURCES.md: 8,332 km² measured, 8,310 km² official. */
  g_assert_cmpfloat_with_epsilon (total_area, 8332, 5);
  g_assert_nonnull (lsm_catalog_get_province_outline (catalog));
  g_assert_cmpuint (g_list_model_get_n_items (lsm_catalog_get_context (catalog)), ==, 6);
}

static void
test_data_sites (void)
{
  GListModel *sites = lsm_catalog_get_sites (catalog);
  guint n = g_list_model_get_n_items (sites);
  guint n_mapped = 0;
  g_autofree guint *per_sector = g_new0 (guint, lsm_sector_get_count ());

  g_assert_cmpuint (n, ==, 40);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LsmFeature) site = g_list_model_get_item (sites, i);
      gboolean mapped = lsm_feature_get_location (site, NULL, NULL);

      n_mapped += mapped;
      per_sector[lsm_feature_get_sector (site)]++;
      /* A misspelt sector would become a category of its own: the bundled data uses the table's. */
      g_assert_true (lsm_sector_is_builtin (lsm_feature_get_sector (site)));
      g_assert_nonnull (lsm_feature_get_name_en (site));
      g_assert_nonnull (lsm_feature_get_subtype (site));
      g_assert_cmpuint (lsm_feature_get_status (site), !=, LSM_STATUS_NONE);
      if (mapped)
        {
          g_assert_cmpuint (lsm_feature_get_precision (site), !=, LSM_PRECISION_UNKNOWN);
          g_assert_nonnull (lsm_feature_get_district (site));
          g_assert_nonnull (lsm_feature_get_coord_method (site));
        }
      else
        g_assert_cmpuint (lsm_feature_get_precision (site), ==, LSM_PRECISION_UNKNOWN);
    }

  g_assert_cmpuint (n_mapped, ==, 36);
  /* Every sector of the brief has sites. */
  for (guint s = 0; s < lsm_sector_get_count (); s++)
    g_assert_cmpuint (per_sector[s], >, 0);
}

/* Independent of our own even-odd test: GEOS through GDAL, on the file as shipped. */
static void
test_data_sites_inside_districts (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("LSMAP_DATA_DIR"), "districts.geojson", NULL);
  g_autoptr(GHashTable) polygons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) OGR_G_DestroyGeometry);
  GListModel *sites = lsm_catalog_get_sites (catalog);
  GDALDatasetH ds;
  OGRLayerH layer;
  OGRFeatureH feature;
  guint checked = 0;

  lsm_loader_ensure_drivers ();
  ds = GDALOpenEx (path, GDAL_OF_VECTOR | GDAL_OF_READONLY, NULL, NULL, NULL);
  g_assert_nonnull (ds);
  layer = GDALDatasetGetLayer (ds, 0);
  while ((feature = OGR_L_GetNextFeature (layer)) != NULL)
    {
      g_hash_table_insert (polygons,
                           g_strdup (OGR_F_GetFieldAsString (feature, OGR_F_GetFieldIndex (feature, "name"))),
                           OGR_G_Clone (OGR_F_GetGeometryRef (feature)));
      OGR_F_Destroy (feature);
    }
  GDALClose (ds);
  g_assert_cmpuint (g_hash_table_size (polygons), ==, 11);

  for (guint i = 0; i < g_list_model_get_n_items (sites); i++)
    {
      g_autoptr(LsmFeature) site = g_list_model_get_item (sites, i);
      OGRGeometryH district, point;
      double lon, lat;

      if (!lsm_feature_get_location (site, &lon, &lat))
        continue;

      district = g_hash_table_lookup (polygons, lsm_feature_get_district (site));
      g_assert_nonnull (district);
      point = OGR_G_CreateGeometry (wkbPoint);
      OGR_G_SetPoint_2D (point, 0, lon, lat);
      if (!OGR_G_Contains (district, point))
        g_error ("%s (%f, %f) is not inside %s", lsm_feature_get_id (site), lat, lon,
                 lsm_feature_get_district (site));
      OGR_G_DestroyGeometry (point);
      checked++;
    }

  g_assert_cmpuint (checked, ==, 36);
}

static void
check_figures (GListModel *figures,
               GHashTable *ids,
               guint      *count)
{
  for (guint i = 0; i < g_list_model_get_n_items (figures); i++)
    {
      g_autoptr(LsmFigure) figure = g_list_model_get_item (figures, i);
      LsmSource *source = lsm_catalog_lookup_source (catalog, lsm_figure_get_source_id (figure));

      g_assert_true (g_hash_table_add (ids, (gpointer) lsm_figure_get_id (figure)));
      g_assert_nonnull (source);
      g_assert_nonnull (lsm_metric_get_label (lsm_figure_get_metric (figure)));
      g_assert_nonnull (lsm_figure_get_quote (figure));
      g_assert_cmpuint (strlen (lsm_figure_get_quote (figure)), >, 2);
      if (lsm_figure_get_period (figure) != NULL)
        g_assert_true (lsm_period_is_valid (lsm_figure_get_period (figure)));
      else
        g_assert_nonnull (lsm_figure_get_period_note (figure));
      if (lsm_figure_get_unit (figure) != NULL)
        g_assert_true (lsm_unit_is_known (lsm_figure_get_unit (figure)));
      if (lsm_figure_is_numeric (figure))
        g_assert_true (isfinite (lsm_figure_get_value (figure)));
      else
        {
          /* Statements are shown in Vietnamese and in English. */
          g_assert_nonnull (lsm_figure_get_text (figure));
          g_assert_nonnull (lsm_figure_get_text_en (figure));
        }
      (*count)++;
    }
}

/* The bundled table of @name, as GDAL reads it without the loader. */
static GDALDatasetH
open_table (const char *name)
{
  g_autofree char *file = g_strconcat (name, ".csv", NULL);
  g_autofree char *path = g_build_filename (g_getenv ("LSMAP_DATA_DIR"), file, NULL);
  GDALDatasetH ds;

  lsm_loader_ensure_drivers ();
  ds = GDALOpenEx (path, GDAL_OF_VECTOR | GDAL_OF_READONLY, NULL, NULL, NULL);
  g_assert_nonnull (ds);
  return ds;
}

static guint
count_raw_figures (void)
{
  GDALDatasetH ds = open_table ("figures");
  guint total = (guint) OGR_L_GetFeatureCount (GDALDatasetGetLayer (ds, 0), TRUE);

  GDALClose (ds);
  return total;
}

static void
test_data_figures (void)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *lists[] = { lsm_catalog_get_sites (catalog), lsm_catalog_get_districts (catalog) };
  guint count = 0;

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
      {
        g_autoptr(LsmFeature) feature = g_list_model_get_item (lists[l], i);

        check_figures (lsm_feature_get_figures (feature), ids, &count);
      }
  check_figures (lsm_catalog_get_aggregates (catalog), ids, &count);

  g_assert_cmpuint (count, ==, lsm_catalog_count_figures (catalog));
  /* Nothing is lost on the way from the table: count its rows without the loader. */
  g_assert_cmpuint (count, ==, count_raw_figures ());
  /* The 194 extracted facts, plus the changes and shares they state. */
  g_assert_cmpuint (count, >=, 194);
}

static void
test_data_sources (void)
{
  GListModel *sources = lsm_catalog_get_sources (catalog);

  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(LsmSource) source = g_list_model_get_item (sources, i);

      g_assert_nonnull (lsm_source_get_title (source));
      g_assert_nonnull (lsm_source_get_file (source));
      /* A missing date is said, not hidden. */
      if (lsm_source_get_date (source) == NULL)
        g_assert_nonnull (lsm_source_get_date_note (source));
    }
}

static void
test_data_no_gadm (void)
{
  const char *files[] = {
    "sites.geojson", "districts.geojson", "province.geojson", "context.geojson", "sources.csv",
    "figures.csv", "communes-2025.geojson",
  };

  /* GADM's licence forbids redistribution, and so points derived from it too. */
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (g_getenv ("LSMAP_DATA_DIR"), files[i], NULL);
      g_autofree char *contents = NULL;
      g_autofree char *folded = NULL;

      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      folded = g_ascii_strdown (contents, -1);
      if (strstr (folded, "gadm") != NULL)
        g_error ("%s cites GADM", files[i]);
    }
}

/* Text for the program's users: no percent-encoded addresses, commit hashes or repository
 * paths; those belong in "provenance". */
static void
assert_plain_text (const char *what,
                   const char *text)
{
  g_autofree char *nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);

  if (!g_str_equal (nfc, text))
    g_error ("%s is not NFC: %s", what, text);
  if (g_regex_match_simple ("%[0-9A-F]{2}|[0-9a-f]{40}|github|https?:|gadm", text, G_REGEX_CASELESS, 0))
    g_error ("%s reads like a developer's note: %s", what, text);
}

typedef const char *(*GetText) (gpointer    object,
                                const char *key);

static const char *
json_text (gpointer    object,
           const char *key)
{
  return json_object_has_member (object, key) ? json_object_get_string_member (object, key) : NULL;
}

static const char *
row_text (gpointer    object,
          const char *key)
{
  int i = OGR_F_GetFieldIndex (object, key);

  if (i < 0 || !OGR_F_IsFieldSetAndNotNull (object, i) || *OGR_F_GetFieldAsString (object, i) == '\0')
    return NULL;
  return OGR_F_GetFieldAsString (object, i);
}

/* Every curator's text of @object has a Vietnamese and an English form, and none is left in
 * the one-language keys of before. */
static guint
check_both_languages (gpointer     object,
                      GetText      get,
                      const char  *owner,
                      const char **names)
{
  guint pairs = 0;

  for (guint n = 0; names[n] != NULL; n++)
    {
      g_autofree char *vi = g_strconcat (names[n], "_vi", NULL);
      g_autofree char *en = g_strconcat (names[n], "_en", NULL);
      g_autofree char *what = g_strdup_printf ("%s of %s", vi, owner);

      if (get (object, names[n]) != NULL)
        g_error ("%s has “%s” in one language only", owner, names[n]);
      g_assert_cmpint (get (object, vi) != NULL, ==, get (object, en) != NULL);
      if (get (object, vi) == NULL)
        continue;

      assert_plain_text (what, get (object, vi));
      assert_plain_text (what, get (object, en));
      g_assert_cmpstr (get (object, vi), !=, get (object, en));
      pairs++;
    }

  return pairs;
}

static JsonArray *
load_array (JsonParser *parser,
            const char *file,
            const char *member)
{
  g_autofree char *path = g_build_filename (g_getenv ("LSMAP_DATA_DIR"), file, NULL);
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);

  return json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), member);
}

static guint
check_table_texts (const char  *name,
                   const char **names)
{
  GDALDatasetH ds = open_table (name);
  OGRLayerH layer = GDALDatasetGetLayer (ds, 0);
  OGRFeatureH row;
  guint pairs = 0;

  while ((row = OGR_L_GetNextFeature (layer)) != NULL)
    {
      pairs += check_both_languages (row, row_text, row_text (row, "id"), names);
      OGR_F_Destroy (row);
    }

  GDALClose (ds);
  return pairs;
}

static void
test_data_texts_in_both_languages (void)
{
  const char *site_names[] = { "note", "coord_method", NULL };
  const char *figure_names[] = { "note", "period_note", "crosscheck_note", NULL };
  const char *source_names[] = { "outlet_note", "date_note", NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *list;
  guint pairs = 0;

  list = load_array (parser, "sites.geojson", "features");
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *site = json_object_get_object_member (json_array_get_object_element (list, i), "properties");
      const char *id = json_object_get_string_member (site, "id");

      /* Every site has a note and says how its point was found, or that it has none. */
      g_assert_cmpuint (check_both_languages (site, json_text, id, site_names), ==, 2);
      g_assert_false (json_object_has_member (site, "coord_source"));
      g_assert_false (json_object_has_member (site, "figures"));
      pairs += 2;
    }

  pairs += check_table_texts ("figures", figure_names);
  pairs += check_table_texts ("sources", source_names);

  /* 80 site texts and more than a hundred figure and source notes. */
  g_assert_cmpuint (pairs, >, 200);
}

static void
test_data_crosschecks (void)
{
  GListModel *articles = lsm_catalog_get_sources (catalog);
  GListModel *crosschecks = lsm_catalog_get_crosschecks (catalog);
  const char *ids[] = { "nd-naduong1-capacity", "prov-thermal-capacity" };
  LsmFeature *owner;
  LsmFigure *figure;
  LsmSource *record;

  for (guint i = 0; i < g_list_model_get_n_items (articles); i++)
    {
      g_autoptr(LsmSource) source = g_list_model_get_item (articles, i);

      g_assert_cmpint (lsm_source_get_kind (source), ==, LSM_SOURCE_ARTICLE);
    }
  g_assert_cmpuint (g_list_model_get_n_items (crosschecks), >=, 1);
  for (guint i = 0; i < g_list_model_get_n_items (crosschecks); i++)
    {
      g_autoptr(LsmSource) source = g_list_model_get_item (crosschecks, i);

      g_assert_cmpint (lsm_source_get_kind (source), ==, LSM_SOURCE_CROSSCHECK);
    }

  /* Na Dương I: the article's 110 MW stays; Global Energy Monitor's 2 × 50 MW is said beside it,
   * and again at the province's 210 MW that it explains. */
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      figure = find_figure (ids[i], &owner);
      g_assert_nonnull (figure);
      g_assert_cmpint (lsm_source_get_kind (lsm_catalog_lookup_source (catalog, lsm_figure_get_source_id (figure))),
                       ==, LSM_SOURCE_ARTICLE);
      record = lsm_catalog_lookup_source (catalog, lsm_figure_get_crosscheck_source_id (figure));
      g_assert_nonnull (record);
      g_assert_cmpint (lsm_source_get_kind (record), ==, LSM_SOURCE_CROSSCHECK);
      lsm_test_assert_contains (lsm_source_get_outlet (record), "Global Energy Monitor");
      lsm_test_assert_contains (lsm_figure_get_crosscheck_note (figure), "50 MW");
    }
}

typedef struct
{
  const char   *id;
  const char   *owner;  /* site or district id, NULL for an aggregate */
  double        value;
  const char   *unit;
  LsmQualifier  qualifier;
} Expected;

/* Values as the seed articles print them (Vietnamese number format converted). */
static const Expected expected[] = {
  { "nd-naduong1-capacity", "nd-na-duong-1", 110, "MW", LSM_QUALIFIER_NONE },
  { "nd-naduong1-commissioned", "nd-na-duong-1", 2005, "year", LSM_QUALIFIER_NONE },
  { "nd-naduong2-capacity", "nd-na-duong-2", 110, "MW", LSM_QUALIFIER_NONE },
  { "prov-thermal-capacity", NULL, 210, "MW", LSM_QUALIFIER_NONE },
  { "prov-hydro-count", NULL, 10, NULL, LSM_QUALIFIER_NONE },
  { "prov-hydro-capacity", NULL, 103.7, "MW", LSM_QUALIFIER_NONE },
  { "prov-hydro-operating", NULL, 34.9, "MW", LSM_QUALIFIER_NONE },
  { "prov-hydro-uc", NULL, 63.8, "MW", LSM_QUALIFIER_NONE },
  { "prov-wind-proposed-count", NULL, 35, NULL, LSM_QUALIFIER_NONE },
  { "prov-wind-proposed-mw", NULL, 4696, "MW", LSM_QUALIFIER_NONE },
  { "prov-wind-tech-potential", NULL, 6500, "MW", LSM_QUALIFIER_ABOUT },
  { "prov-kcn-2030-count", NULL, 6, NULL, LSM_QUALIFIER_NONE },
  { "prov-kcn-2030-area", NULL, 2055, "ha", LSM_QUALIFIER_NONE },
  { "prov-kcn-2050-count", NULL, 11, NULL, LSM_QUALIFIER_NONE },
  { "prov-kcn-2050-area", NULL, 3455, "ha", LSM_QUALIFIER_NONE },
  { "prov-ccn-planned-count", NULL, 35, NULL, LSM_QUALIFIER_NONE },
  { "prov-ccn-planned-area", NULL, 1632, "ha", LSM_QUALIFIER_ABOUT },
  { "prov-solar-rooftop-count", NULL, 145, NULL, LSM_QUALIFIER_NONE },
  { "prov-solar-rooftop-kwp", NULL, 4121.79, "kWp", LSM_QUALIFIER_NONE },
  { "kcn-huulung-area", "kcn-huu-lung", 599.76, "ha", LSM_QUALIFIER_NONE },
  { "kcn-dongbanh-area", "kcn-dong-banh", 162, "ha", LSM_QUALIFIER_NONE },
  { "cl-ccn-chilang-area", "ccn-chi-lang", 24.55, "ha", LSM_QUALIFIER_NONE },
  { "cl-ind-establishments", "187", 65, NULL, LSM_QUALIFIER_NONE },
  { "cl-ind-output-2022", "187", 2346.2, "billion_vnd", LSM_QUALIFIER_ESTIMATED },
  { "cl-retail-2022", "187", 1134, "billion_vnd", LSM_QUALIFIER_NONE },
};

static void
test_data_seed_values (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      LsmFeature *owner;
      LsmFigure *figure = find_figure (expected[i].id, &owner);

      if (figure == NULL)
        g_error ("figure %s is missing", expected[i].id);
      if (expected[i].owner != NULL)
        g_assert_cmpstr (lsm_feature_get_id (owner), ==, expected[i].owner);
      else
        g_assert_null (owner);

      g_assert_true (lsm_figure_is_numeric (figure));
      g_assert_cmpfloat_with_epsilon (lsm_figure_get_value (figure), expected[i].value, 1e-9);
      g_assert_cmpstr (lsm_figure_get_unit (figure), ==, expected[i].unit);
      g_assert_cmpuint (lsm_figure_get_qualifier (figure), ==, expected[i].qualifier);
    }
}

int
main (int   argc,
      char *argv[])
{
  int result;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  catalog = lsm_test_load_bundled ();

  g_test_add_func ("/lsm/data/loads-cleanly", test_data_loads_cleanly);
  g_test_add_func ("/lsm/data/districts", test_data_districts);
  g_test_add_func ("/lsm/data/sites", test_data_sites);
  g_test_add_func ("/lsm/data/sites-inside-districts", test_data_sites_inside_districts);
  g_test_add_func ("/lsm/data/figures", test_data_figures);
  g_test_add_func ("/lsm/data/sources", test_data_sources);
  g_test_add_func ("/lsm/data/seed-values", test_data_seed_values);
  g_test_add_func ("/lsm/data/no-gadm", test_data_no_gadm);
  g_test_add_func ("/lsm/data/texts-in-both-languages", test_data_texts_in_both_languages);
  g_test_add_func ("/lsm/data/crosschecks", test_data_crosschecks);

  result = g_test_run ();
  g_clear_object (&catalog);

  return result;
}
