/* test-load-formats.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <locale.h>
#include <string.h>

#include <gdal.h>
#include <ogr_api.h>
#include <glib/gstdio.h>

#include "lsm-catalog.h"
#include "lsm-feature-private.h"
#include "lsm-figure-private.h"
#include "lsm-loader.h"
#include "lsm-test-utils.h"
#include "lsm-vocab.h"

/* The loader reads a layer's columns by the index it found for the layer, and keeps the words
 * that repeat from one row to the next: the same data must load the same from every format,
 * whatever order its columns are in. */

static const char * const data_files[] = {
  "sites.geojson", "districts.geojson", "province.geojson", "context.geojson", "communes-2025.geojson",
  "figures.csv", "figures.csvt", "sources.csv", "sources.csvt", NULL
};

/* The bundled data, copied: its tables then lie beside the converted sites. */
static char *
copy_bundled_data (void)
{
  char *dir = g_dir_make_tmp ("lsmap-formats-XXXXXX", NULL);

  lsm_test_copy_files (lsm_loader_get_default_data_dir (), dir, data_files);
  return dir;
}

static void
dump_text (GString    *out,
           const char *name,
           const char *value)
{
  g_string_append_printf (out, " %s=%s", name, value != NULL ? value : "∅");
}

static void
dump_both (GString       *out,
           const char    *name,
           const LsmText *text)
{
  g_string_append_printf (out, " %s=%s|%s", name, text->vi != NULL ? text->vi : "∅", text->en != NULL ? text->en : "∅");
}

static void
dump_figure (GString   *out,
             LsmFigure *figure)
{
  static const LsmText none;
  const LsmFigureRare *rare = figure->rare;

  g_string_append (out, "\n  figure");
  dump_text (out, "id", figure->id);
  dump_text (out, "metric", figure->metric);
  g_string_append_printf (out, " numeric=%d value=%.17g", figure->numeric, figure->value);
  dump_text (out, "text", figure->text);
  dump_text (out, "unit", figure->unit);
  dump_text (out, "period", figure->period);
  dump_text (out, "source", figure->source_id);
  dump_text (out, "quote", figure->quote);
  g_string_append_printf (out, " status=%s qualifier=%s", lsm_status_get_id (figure->status),
                          lsm_qualifier_get_id (figure->qualifier));
  if (rare == NULL)
    return;
  if (rare->has_value_max)
    g_string_append_printf (out, " max=%.17g", rare->value_max);
  if (rare->has_value_of)
    g_string_append_printf (out, " of=%.17g", rare->value_of);
  dump_text (out, "text_en", rare->text_en);
  dump_both (out, "period_note", &rare->period_note);
  dump_text (out, "relates_to", rare->relates_to);
  dump_both (out, "note", &rare->note);
  dump_text (out, "scope", rare->scope);
  dump_text (out, "crosscheck", rare->crosscheck_source_id);
  dump_both (out, "crosscheck_note", rare->crosscheck_source_id != NULL ? &rare->crosscheck_note : &none);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  return strcmp ((*(LsmFeature * const *) a)->id, (*(LsmFeature * const *) b)->id);
}

/* Every site's fields and figures, in the order of their ids; the words that are interned must
 * be the one interned string (a site's kind, district and commune; a figure's metric, unit,
 * period and source). */
static char *
dump_sites (LsmCatalog *catalog,
            gboolean    located_only)
{
  GListModel *sites = lsm_catalog_get_sites (catalog);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func (g_object_unref);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (sites); i++)
    g_ptr_array_add (sorted, g_list_model_get_item (sites, i));
  g_ptr_array_sort (sorted, compare_ids);

  for (guint i = 0; i < sorted->len; i++)
    {
      LsmFeature *site = g_ptr_array_index (sorted, i);
      guint n_figures;
      LsmFigure * const *figures = _lsm_feature_peek_figures (site, &n_figures);
      double lon = 0, lat = 0;
      gboolean located = lsm_feature_get_location (site, &lon, &lat);

      if (located_only && !located)
        continue;

      g_assert_true (site->subtype == NULL || site->subtype == g_intern_string (site->subtype));
      g_assert_true (site->district == NULL || site->district == g_intern_string (site->district));
      g_assert_true (site->commune == NULL || site->commune == g_intern_string (site->commune));
      g_string_append (out, "site");
      dump_text (out, "id", site->id);
      dump_text (out, "name", site->name);
      dump_text (out, "name_en", site->name_en);
      dump_text (out, "kind", site->subtype);
      dump_text (out, "district", site->district);
      dump_text (out, "commune", site->commune);
      dump_text (out, "sector", lsm_sector_get_id (site->sector));
      dump_text (out, "status", lsm_status_get_id (site->status));
      dump_text (out, "precision", lsm_precision_get_id (site->precision));
      dump_both (out, "coord_method", &site->coord_method);
      dump_both (out, "note", &site->note);
      dump_text (out, "provenance", site->provenance);
      if (located)
        g_string_append_printf (out, " at=%.9f,%.9f", lon, lat);
      dump_text (out, "unit_2025", site->unit_2025 != NULL ? site->unit_2025->id : NULL);

      for (guint f = 0; f < n_figures; f++)
        {
          g_assert_true (figures[f]->metric == g_intern_string (figures[f]->metric));
          g_assert_true (figures[f]->unit == NULL || figures[f]->unit == g_intern_string (figures[f]->unit));
          g_assert_true (figures[f]->period == NULL || figures[f]->period == g_intern_string (figures[f]->period));
          g_assert_true (figures[f]->source_id == g_intern_string (figures[f]->source_id));
          dump_figure (out, figures[f]);
        }
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

/* The first line that differs, rather than two dumps of every site. */
static void
assert_same_dump (const char *got,
                  const char *expected)
{
  g_auto(GStrv) got_lines = g_strsplit (got, "\n", -1);
  g_auto(GStrv) expected_lines = g_strsplit (expected, "\n", -1);

  for (guint i = 0; got_lines[i] != NULL || expected_lines[i] != NULL; i++)
    {
      g_assert_nonnull (got_lines[i]);
      g_assert_nonnull (expected_lines[i]);
      g_assert_cmpstr (got_lines[i], ==, expected_lines[i]);
    }
}

/* @from's only layer, written as @to by GDAL with its columns in the reverse order. */
static void
write_reversed (const char *from,
                const char *to,
                const char *driver,
                const char *layer_name)
{
  GDALDatasetH src = GDALOpenEx (from, GDAL_OF_VECTOR, NULL, NULL, NULL);
  OGRFeatureDefnH defn;
  g_autoptr(GString) select = g_string_new (NULL);
  g_autoptr(GStrvBuilder) args = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;

  g_assert_nonnull (src);
  defn = OGR_L_GetLayerDefn (GDALDatasetGetLayer (src, 0));
  for (int i = OGR_FD_GetFieldCount (defn) - 1; i >= 0; i--)
    g_string_append_printf (select, "%s%s", select->len > 0 ? "," : "", OGR_Fld_GetNameRef (OGR_FD_GetFieldDefn (defn, i)));

  g_strv_builder_add_many (args, "-f", driver, "-select", select->str, NULL);
  if (layer_name != NULL)
    g_strv_builder_add_many (args, "-nln", layer_name, NULL);
  if (g_str_equal (driver, "CSV"))
    g_strv_builder_add_many (args, "-lco", "CREATE_CSVT=YES", NULL);
  argv = g_strv_builder_end (args);
  GDALClose (src);
  lsm_test_translate_vector (from, to, argv);
}

/* The bundled data from its folder, from a GeoPackage and from a FlatGeobuf of its sites:
 * every site's fields and figures alike. */
static void
test_formats_same_sites (void)
{
  g_autofree char *dir = copy_bundled_data ();
  g_autoptr(LsmCatalog) from_folder = lsm_test_load (dir);
  const char *formats[][2] = { { "GPKG", "sites.gpkg" }, { "FlatGeobuf", "sites.fgb" } };

  g_assert_cmpuint (g_list_model_get_n_items (lsm_catalog_get_sites (from_folder)), >=, 40);
  g_assert_cmpuint (lsm_catalog_count_figures (from_folder), >, 100);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *path = lsm_test_convert_sites (dir, formats[i][0], formats[i][1]);
      g_autoptr(LsmCatalog) catalog = lsm_test_load (path);
      /* GDAL writes no FlatGeobuf feature without a geometry. */
      gboolean located_only = g_str_equal (formats[i][0], "FlatGeobuf");
      g_autofree char *got = dump_sites (catalog, located_only);
      g_autofree char *expected = dump_sites (from_folder, located_only);

      g_test_message ("%s", formats[i][0]);
      assert_same_dump (got, expected);
      g_unlink (path);
    }

  lsm_test_remove_dir (dir);
}

/* The sites' and the figures' columns in the reverse order, in a GeoPackage read after the
 * folder's files in the usual order: each layer finds its own columns. */
static void
test_formats_column_order (void)
{
  g_autofree char *dir = copy_bundled_data ();
  g_autofree char *reversed_dir = g_dir_make_tmp ("lsmap-reversed-XXXXXX", NULL);
  g_autofree char *sites = g_build_filename (dir, "sites.geojson", NULL);
  g_autofree char *figures = g_build_filename (dir, "figures.csv", NULL);
  g_autofree char *gpkg = g_build_filename (reversed_dir, "sites.gpkg", NULL);
  g_autofree char *reversed_figures = g_build_filename (reversed_dir, "figures.csv", NULL);
  g_autofree char *sources_from = g_build_filename (dir, "sources.csv", NULL);
  g_autofree char *sources_to = g_build_filename (reversed_dir, "sources.csv", NULL);
  g_autoptr(LsmCatalog) from_folder = lsm_test_load (dir);
  g_autofree char *expected = dump_sites (from_folder, FALSE);
  g_autoptr(LsmCatalog) reversed = NULL;
  g_autofree char *got = NULL;

  write_reversed (sites, gpkg, "GPKG", "sites");
  write_reversed (figures, reversed_figures, "CSV", NULL);
  write_reversed (sources_from, sources_to, "CSV", NULL);

  reversed = lsm_test_load (gpkg);
  got = dump_sites (reversed, FALSE);
  assert_same_dump (got, expected);
  g_assert_cmpuint (lsm_catalog_count_figures (reversed), ==, lsm_catalog_count_figures (from_folder));

  lsm_test_remove_dir (reversed_dir);
  lsm_test_remove_dir (dir);
}

/* A word repeated from row to row, typed composed on one row and decomposed on the next, and
 * one that is not UTF-8 after a valid one: each row is read for itself. */
static void
test_formats_repeated_words (void)
{
  g_autofree char *dir = copy_bundled_data ();
  g_autofree char *sites = g_build_filename (dir, "sites.geojson", NULL);
  g_autofree char *figures = g_build_filename (dir, "figures.csv", NULL);
  g_autofree char *csvt = g_build_filename (dir, "figures.csvt", NULL);
  /* "Lộc Bình", composed, then decomposed (o + U+0323 + U+0302, I + U+0300). */
  const char *composed = "L\xe1\xbb\x99" "c B\xc3\xacnh";
  const char *decomposed = "Lo\xcc\xa3\xcc\x82" "c Bi\xcc\x80nh";
  const char *districts[] = { composed, decomposed, decomposed, composed, "L\xe1\xbb\x99" "c B\xff" "nh" };
  g_autoptr(GString) json = g_string_new ("{\"type\":\"FeatureCollection\",\"features\":[");
  g_autoptr(GString) rows = g_string_new ("id,subject_kind,subject,metric,value,unit,period,source\n");
  g_autoptr(LsmCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *problems;
  guint bad = 0;

  for (guint i = 0; i < G_N_ELEMENTS (districts); i++)
    {
      g_string_append_printf (json, "%s{\"type\":\"Feature\",\"properties\":{\"id\":\"r%u\",\"name\":\"Site %u\","
                              "\"sector\":\"energy\",\"district\":\"%s\",\"precision\":\"district\"},"
                              "\"geometry\":{\"type\":\"Point\",\"coordinates\":[106.76,21.85]}}",
                              i > 0 ? "," : "", i, i, districts[i]);
      /* The unit alternates, and one row's unit is not UTF-8. */
      g_string_append_printf (rows, "f%u,site,r%u,capacity,%u,%s,2024,mtdt-2024-cong-nghiep\n", i, i, i + 1,
                              i == 3 ? "M\xff" : i % 2 ? "ha" : "MW");
    }
  g_string_append (json, "]}");
  g_file_set_contents (sites, json->str, json->len, &error);
  g_assert_no_error (error);
  g_file_set_contents (figures, rows->str, rows->len, &error);
  g_assert_no_error (error);
  g_unlink (csvt);

  catalog = lsm_test_load (dir);
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *id = g_strdup_printf ("r%u", i);
      LsmFeature *site = lsm_catalog_lookup_site (catalog, id);
      guint n;
      LsmFigure * const *list;

      g_assert_nonnull (site);
      g_assert_cmpstr (site->district, ==, composed);
      g_assert_true (site->district == g_intern_string (composed));
      list = _lsm_feature_peek_figures (site, &n);
      g_assert_cmpuint (n, ==, i == 3 ? 0 : 1);
      if (n > 0)
        g_assert_cmpstr (list[0]->unit, ==, i % 2 ? "ha" : "MW");
    }
  g_assert_null (lsm_catalog_lookup_site (catalog, "r4"));

  problems = lsm_catalog_get_problems (catalog);
  for (guint i = 0; problems[i] != NULL; i++)
    {
      g_test_message ("problem: %s", problems[i]);
      bad += (strstr (problems[i], "sites.geojson: feature 5 (r4): “district” is not valid UTF-8") != NULL)
             + (strstr (problems[i], "figures.csv: row 5 (f3): “unit” is not valid UTF-8") != NULL);
    }
  g_assert_cmpuint (bad, ==, 2);

  lsm_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  lsm_loader_ensure_drivers ();

  g_test_add_func ("/lsm/load-formats/same-sites", test_formats_same_sites);
  g_test_add_func ("/lsm/load-formats/column-order", test_formats_column_order);
  g_test_add_func ("/lsm/load-formats/repeated-words", test_formats_repeated_words);

  return g_test_run ();
}
