/* test-export.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <locale.h>
#include <math.h>

#include <cairo.h>
#include <glib/gstdio.h>

#include "lsm-catalog.h"
#include "lsm-clusters.h"
#include "lsm-district-sites.h"
#include "lsm-feature.h"
#include "lsm-filter.h"
#include "lsm-loader.h"
#include "lsm-page.h"
#include "lsm-scene.h"
#include "lsm-source.h"
#include "lsm-style.h"
#include "lsm-test-page.h"
#include "lsm-test-utils.h"
#include "lsm-vocab.h"

/* The exported page as its reader gets it: the PDF's text, the PNG's pixels, the SVG's markup;
 * no display needed. */

static LsmCatalog *catalog;
static LsmScene *scene;

static char *
temp_dir (void)
{
  return g_dir_make_tmp ("lsmap-export-XXXXXX", NULL);
}

static LsmFilter *
energy_filter (void)
{
  LsmFilter *filter = lsm_filter_new (lsm_catalog_get_sites (catalog));

  lsm_filter_show_only_sectors (filter, (const char *[]) { "hydro", "thermal", "wind", NULL });
  return filter;
}

static void
test_export_pdf_text (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "energy.pdf", NULL);
  g_autoptr(LsmFilter) filter = energy_filter ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(LsmPageOptions) options;
  GListModel *sources = lsm_catalog_get_sources (catalog);

  lsm_test_page_options (&options, LSM_PAPER_A4, TRUE);
  options.title = g_strdup ("Năng lượng — Lạng Sơn <test> & co");
  g_assert_true (lsm_page_export (scene, filter, &options, path, NULL, &error));
  g_assert_no_error (error);

  /* Written in place, with no temporary file left beside it. */
  g_assert_cmpuint (lsm_test_count_entries (dir), ==, 1);

  text = lsm_test_pdf_text (path);
  lsm_test_assert_contains (text, "Năng lượng — Lạng Sơn <test> & co");
  lsm_test_assert_contains (text, "22 November 2026");
  lsm_test_assert_contains (text, "1 January 2024");
  /* The sectors count the symbols on the map; sites known only to their district are no
   * symbols, and the key lists them by district instead. */
  lsm_test_assert_contains (text, "Hydropower (1)");
  lsm_test_assert_contains (text, "Thermal power (2)");
  g_assert_null (strstr (text, "Wind power"));
  lsm_test_assert_contains (text, "Known only to their district");
  lsm_test_assert_contains (text, "Chi Lăng (1): Nhà máy điện gió tại huyện Chi Lăng");
  lsm_test_assert_contains (text, "Tràng Định (1): Thủy điện Tràng Định 2");
  g_assert_null (strstr (text, "Border gates"));
  g_assert_null (strstr (text, "Industrial zones"));
  g_assert_null (strstr (text, "Quarries and mines"));
  lsm_test_assert_contains (text, "20 km");
  lsm_test_assert_contains (text, "Boundaries: Government of Viet Nam");
  g_assert_null (strstr (text, "OpenStreetMap"));
  lsm_test_assert_contains (text, "Trà");   /* a district label with its diacritics: Tràng Định */

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(LsmSource) source = g_list_model_get_item (sources, i);
      g_auto(GStrv) words = g_strsplit (lsm_source_get_title (source), " ", 4);

      /* pdftotext may wrap a title; its first words stay together. */
      g_autofree char *start = g_strjoin (" ", words[0], words[1], words[2], NULL);

      lsm_test_assert_contains (text, start);
    }

  lsm_test_remove_dir (dir);
}

static void
test_export_online_credit (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "online.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(LsmPageOptions) options;

  lsm_test_page_options (&options, LSM_PAPER_A4, TRUE);
  options.online = TRUE;
  g_assert_true (lsm_page_export (scene, NULL, &options, path, NULL, &error));
  text = lsm_test_pdf_text (path);
  lsm_test_assert_contains (text, "© OpenStreetMap contributors");

  lsm_test_remove_dir (dir);
}

static void
test_export_long_title (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "long.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) title = g_string_new (NULL);
  g_autofree char *text = NULL;
  g_autofree char *printed = NULL;
  g_auto(LsmPageOptions) options;
  gint64 start = g_get_monotonic_time ();
  char *ellipsis;

  /* A pasted page of text: the page prints the first 200 characters, ellipsized, at once. */
  while (title->len < 100000)
    g_string_append (title, "Khu công nghiệp ");
  lsm_test_page_options (&options, LSM_PAPER_A4, TRUE);
  options.title = g_string_free (g_steal_pointer (&title), FALSE);
  g_assert_true (lsm_page_export (scene, NULL, &options, path, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);

  text = lsm_test_pdf_text (path);
  ellipsis = strstr (text, "…");
  g_assert_nonnull (ellipsis);
  printed = g_strndup (text, ellipsis - text);
  g_strdelimit (printed, "\n", ' ');
  g_assert_cmpint (g_utf8_strlen (printed, -1), <=, LSM_PAGE_TITLE_MAX + 20);
  lsm_test_assert_contains (text, "Sources");

  lsm_test_remove_dir (dir);
}

static guint32
pixel (cairo_surface_t *surface,
       double           x,
       double           y)
{
  const guchar *data = cairo_image_surface_get_data (surface);

  return 0xff000000 | *(const guint32 *) (const void *) (data + (int) y * cairo_image_surface_get_stride (surface) + 4 * (int) x);
}

static void
test_export_png_pixels (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "hydro-thermal.png", NULL);
  g_autoptr(LsmFilter) filter = lsm_filter_new (lsm_catalog_get_sites (catalog));
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) placements = NULL;
  g_auto(LsmPageOptions) options;
  cairo_surface_t *png;
  LsmPageMap map;
  guint checked = 0;

  lsm_test_page_options (&options, LSM_PAPER_A4, TRUE);
  options.dpi = 200;
  lsm_filter_show_only_sectors (filter, (const char *[]) { "hydro", "thermal", NULL });
  g_assert_true (lsm_page_export (scene, filter, &options, path, &map, &error));
  g_assert_no_error (error);

  png = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  /* A4 landscape at 200 dpi. */
  g_assert_cmpint (cairo_image_surface_get_width (png), ==, (int) ceil (841.89 * 200 / 72));

  /* Every filled symbol has its sector's colour where the page put it. */
  placements = lsm_scene_place_sites (scene, &map.view, filter, NULL);
  g_assert_cmpuint (placements->len, ==, 3); /* hydro and thermal, but Thủy điện Tràng Định 2: known only to its district */
  for (guint i = 0; i < placements->len; i++)
    {
      const LsmPlacement *p = &g_array_index (placements, LsmPlacement, i);
      LsmPrecision precision = lsm_feature_get_precision (p->site);

      if (precision != LSM_PRECISION_EXACT && precision != LSM_PRECISION_APPROX)
        continue;
      g_assert_true (lsm_test_rgb_near (pixel (png, map.x + p->x, map.y + p->y),
                           lsm_style_get_sector_argb (lsm_feature_get_sector (p->site))));
      checked++;
    }
  g_assert_cmpuint (checked, >=, 2);

  /* No filtered-out sector's colour anywhere on the map. */
  for (guint s = 0; s < lsm_sector_get_count (); s++)
    {
      guint found = 0;

      /* "Other sites" are grey, a colour antialiased lines also make. */
      if (s == lsm_test_sector ("hydro") || s == lsm_test_sector ("thermal") || s == lsm_test_sector ("other"))
        continue;
      for (double y = map.y; y < map.y + map.height; y++)
        for (double x = map.x; x < map.x + map.width; x++)
          found += lsm_test_rgb_near (pixel (png, x, y), lsm_style_get_sector_argb (s));
      if (found > 8)
        g_error ("%u pixels of %s's colour on a map without it", found, lsm_sector_get_id (s));
    }

  cairo_surface_destroy (png);
  lsm_test_remove_dir (dir);
}

/* A sector added through the table alone: a row registered here, a file that uses it. The
 * filter hides it, the legend counts it, the map draws it in its colour. */
static void
test_export_fixture_sector (void)
{
  static const LsmSectorInfo info = { "test_solar", "Solar farms", 0xdc8add, LSM_SHAPE_SQUARE, 55 };
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "fixture-sector.geojson", NULL);
  g_autofree char *dir = temp_dir ();
  g_autofree char *pdf = g_build_filename (dir, "solar.pdf", NULL);
  g_autofree char *png_path = g_build_filename (dir, "solar.png", NULL);
  LsmSector sector = lsm_sector_register (&info);
  g_autoptr(LsmLoader) loader = lsm_loader_new (fixture);
  g_autoptr(LsmCatalog) solar = NULL;
  g_autoptr(LsmScene) solar_scene = NULL;
  g_autoptr(LsmFilter) filter = NULL;
  g_autoptr(GArray) placements = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(LsmPageOptions) options;
  cairo_surface_t *png;
  LsmFeature *sun;
  LsmPageMap map;
  guint checked = 0;

  g_assert_cmpuint (sector, !=, LSM_SECTOR_INVALID);
  solar = lsm_loader_load (loader, NULL, &error);
  g_assert_no_error (error);
  solar_scene = lsm_scene_new (solar);
  sun = lsm_catalog_lookup_site (solar, "sun-1");
  g_assert_nonnull (sun);
  g_assert_cmpuint (lsm_feature_get_sector (sun), ==, sector);

  /* The filter: the sector's toggle hides its sites, and only them. */
  filter = lsm_filter_new (lsm_catalog_get_sites (solar));
  g_assert_cmpuint (lsm_filter_get_n_visible (filter, sector), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filter)), ==, 4);
  lsm_filter_set_sector_visible (filter, sector, FALSE);
  g_assert_cmpuint (lsm_filter_get_n_visible (filter, sector), ==, 0);
  g_assert_cmpuint (lsm_filter_get_n_total (filter, sector), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filter)), ==, 1);
  lsm_filter_set_sector_visible (filter, sector, TRUE);

  /* The legend, with the sites the map shows. */
  lsm_test_page_options (&options, LSM_PAPER_A4, TRUE);
  g_assert_true (lsm_page_export (solar_scene, filter, &options, pdf, NULL, &error));
  g_assert_no_error (error);
  text = lsm_test_pdf_text (pdf);
  lsm_test_assert_contains (text, "Solar farms (3)");
  lsm_test_assert_contains (text, "Hydropower (1)");

  /* The style: the row's colour at each of its symbols. */
  options.dpi = 200;
  g_assert_true (lsm_page_export (solar_scene, filter, &options, png_path, &map, &error));
  g_assert_no_error (error);
  png = cairo_image_surface_create_from_png (png_path);
  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  placements = lsm_scene_place_sites (solar_scene, &map.view, filter, NULL);
  for (guint i = 0; i < placements->len; i++)
    {
      const LsmPlacement *p = &g_array_index (placements, LsmPlacement, i);

      if (lsm_feature_get_sector (p->site) != sector)
        continue;
      g_assert_true (lsm_test_rgb_near (pixel (png, map.x + p->x, map.y + p->y), 0xffdc8add));
      checked++;
    }
  g_assert_cmpuint (checked, ==, 3);

  cairo_surface_destroy (png);
  lsm_test_remove_dir (dir);
}

static void
test_export_png_size (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "small.png", NULL);
  g_autoptr(GError) error = NULL;
  g_auto(LsmPageOptions) options;
  cairo_surface_t *png;

  lsm_test_page_options (&options, LSM_PAPER_A4, TRUE);
  options.paper = LSM_PAPER_PIXELS;
  options.pixel_width = 1200;
  options.pixel_height = 900;
  g_assert_true (lsm_page_export (scene, NULL, &options, path, NULL, &error));
  png = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_image_surface_get_width (png), ==, 1200);
  g_assert_cmpint (cairo_image_surface_get_height (png), ==, 900);
  cairo_surface_destroy (png);

  lsm_test_remove_dir (dir);
}

static void
test_export_svg_parses (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "map.svg", NULL);
  g_autoptr(LsmFilter) filter = energy_filter ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_auto(LsmPageOptions) options;
  GMarkupParser parser = { 0 };
  GMarkupParseContext *context;
  gsize len;

  lsm_test_page_options (&options, LSM_PAPER_A4, TRUE);
  options.landscape = FALSE;
  g_assert_true (lsm_page_export (scene, filter, &options, path, NULL, &error));
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_nonnull (strstr (contents, "<svg"));

  context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
  g_assert_true (g_markup_parse_context_parse (context, contents, len, &error));
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
  g_markup_parse_context_free (context);

  lsm_test_remove_dir (dir);
}

static void
test_export_failures_leave_nothing (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *existing = g_build_filename (dir, "keep.pdf", NULL);
  g_autofree char *unknown = g_build_filename (dir, "map.xyz", NULL);
  g_autofree char *nowhere = g_build_filename (dir, "missing", "map.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(LsmPageOptions) options;

  lsm_test_page_options (&options, LSM_PAPER_A4, TRUE);
  g_assert_true (g_file_set_contents (existing, "old", -1, NULL));

  g_assert_false (lsm_page_export (scene, NULL, &options, unknown, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_assert_nonnull (strstr (error->message, "map.xyz"));
  g_clear_error (&error);

  g_assert_false (lsm_page_export (scene, NULL, &options, nowhere, NULL, &error));
  g_assert_nonnull (strstr (error->message, "Cannot write"));
  g_assert_nonnull (strstr (error->message, nowhere));
  g_clear_error (&error);

  /* Only the old file is there, untouched; no temporary files. */
  g_assert_cmpuint (lsm_test_count_entries (dir), ==, 1);
  g_assert_true (g_file_get_contents (existing, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");

  /* Replacing a file replaces it whole. */
  g_assert_true (lsm_page_export (scene, NULL, &options, existing, NULL, &error));
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (existing, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_cmpuint (lsm_test_count_entries (dir), ==, 1);

  lsm_test_remove_dir (dir);
}

static void
test_export_district_frames_it (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "loc-binh.pdf", NULL);
  g_autoptr(LsmFilter) filter = lsm_filter_new (lsm_catalog_get_sites (catalog));
  g_autoptr(GError) error = NULL;
  g_auto(LsmPageOptions) options;
  LsmPageMap map;
  LsmBounds district;
  double x0, y0, x1, y1;

  lsm_test_page_options (&options, LSM_PAPER_A4, TRUE);
  options.extent = LSM_EXTENT_DISTRICT;
  options.district = g_strdup ("Lộc Bình");
  lsm_filter_set_district (filter, "Lộc Bình");
  g_assert_true (lsm_page_export (scene, filter, &options, path, &map, &error));
  {
    g_autofree char *text = lsm_test_pdf_text (path);

    lsm_test_assert_contains (text, "Industrial development in Lộc Bình, Lạng Sơn province");
  }

  /* The district fills the frame (to the fit's margin), not the province. */
  lsm_geometry_get_bounds (lsm_feature_get_geometry (lsm_catalog_lookup_district (catalog, "Lộc Bình")), &district);
  lsm_view_project (&map.view, district.west, district.north, &x0, &y0);
  lsm_view_project (&map.view, district.east, district.south, &x1, &y1);
  g_assert_true (x1 - x0 > map.width * 0.9 || y1 - y0 > map.height * 0.9);

  lsm_test_remove_dir (dir);
}

/* The legend counts the sites of the filter's model that the map shows, whatever the model:
 * here a hand-picked list, not the catalog. */
static void
test_export_legend_is_the_model (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "picked.pdf", NULL);
  GListModel *all = lsm_catalog_get_sites (catalog);
  g_autoptr(GListStore) picked = g_list_store_new (LSM_TYPE_FEATURE);
  g_autoptr(LsmFilter) filter = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(LsmPageOptions) options;
  gboolean took_wind = FALSE;
  double lon, lat;

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(LsmFeature) site = g_list_model_get_item (all, i);
      LsmSector sector = lsm_feature_get_sector (site);

      if (sector == lsm_test_sector ("wind") && !took_wind && lsm_feature_get_location (site, &lon, &lat))
        took_wind = TRUE;
      else if (sector != lsm_test_sector ("thermal") && sector != lsm_test_sector ("hydro"))
        continue;
      g_list_store_append (picked, site);
    }
  filter = lsm_filter_new (G_LIST_MODEL (picked));
  lsm_filter_set_sector_visible (filter, lsm_test_sector ("hydro"), FALSE);

  lsm_test_page_options (&options, LSM_PAPER_A4, TRUE);
  g_assert_true (lsm_page_export (scene, filter, &options, path, NULL, &error));
  g_assert_no_error (error);
  text = lsm_test_pdf_text (path);

  /* The wind farm is known only to its district: in the key by its district, not a symbol. */
  g_assert_null (strstr (text, "Wind power ("));
  lsm_test_assert_contains (text, "Known only to their district");
  for (guint s = 0; s < lsm_sector_get_count (); s++)
    {
      g_autofree char *entry = NULL;
      g_autofree char *any = g_strdup_printf ("%s (", lsm_sector_get_label (s));
      guint mapped = 0;

      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (filter)); i++)
        {
          g_autoptr(LsmFeature) site = g_list_model_get_item (G_LIST_MODEL (filter), i);

          mapped += lsm_feature_get_sector (site) == s && lsm_feature_is_drawn_as_point (site);
        }

      if (mapped == 0)
        {
          g_assert_null (strstr (text, any));
          continue;
        }
      entry = g_strdup_printf ("%s (%u)", lsm_sector_get_label (s), mapped);
      lsm_test_assert_contains (text, entry);
    }

  lsm_test_remove_dir (dir);
}

/* Dense data on paper: clusters at the page's scale, whose counts and symbols add up to every
 * site, and a legend that counts the sites in clusters as well as each sector's. */
static void
test_export_dense_clusters (void)
{
  g_autofree char *data = lsm_test_make_synthetic_dir (3000, 0);
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "dense.pdf", NULL);
  g_autoptr(LsmLoader) loader = lsm_loader_new (data);
  g_autoptr(GError) error = NULL;
  g_autoptr(LsmCatalog) dense = lsm_loader_load (loader, NULL, &error);
  g_autoptr(LsmScene) dense_scene = NULL;
  g_autoptr(GArray) placements = NULL;
  g_autoptr(GArray) clusters = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  g_autofree char *entry = NULL;
  g_auto(LsmPageOptions) options;
  guint clustered = 0, sectors = 0;
  LsmPageMap map;
  const char *at;

  g_assert_no_error (error);
  dense_scene = lsm_scene_new (dense);
  lsm_test_page_options (&options, LSM_PAPER_A4, TRUE);
  g_assert_true (lsm_page_export (dense_scene, NULL, &options, path, &map, &error));
  g_assert_no_error (error);

  placements = lsm_scene_place_sites (dense_scene, &map.view, NULL, &clusters);
  g_assert_cmpuint (clusters->len, >, 0);
  for (guint i = 0; i < clusters->len; i++)
    clustered += g_array_index (clusters, LsmClusterPlacement, i).count;
  g_assert_cmpuint (clustered + placements->len, ==, 3000);

  /* pdftotext may break a legend entry over lines. */
  text = lsm_test_pdf_text (path);
  flat = g_strdup (text);
  g_strdelimit (flat, "\n", ' ');
  entry = g_strdup_printf ("%u sites in %u clusters", clustered, clusters->len);
  lsm_test_assert_contains (flat, entry);

  for (guint s = 0; s < lsm_sector_get_count (); s++)
    {
      g_autofree char *label = g_strdup_printf ("%s (", lsm_sector_get_label (s));

      if ((at = strstr (flat, label)) != NULL)
        sectors += (guint) g_ascii_strtoull (at + strlen (label), NULL, 10);
    }
  g_assert_cmpuint (sectors, ==, 3000);

  lsm_test_remove_dir (dir);
  lsm_test_remove_dir (data);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  catalog = lsm_test_load_bundled ();
  scene = lsm_scene_new (catalog);

  g_test_add_func ("/lsm/export/pdf-text", test_export_pdf_text);
  g_test_add_func ("/lsm/export/online-credit", test_export_online_credit);
  g_test_add_func ("/lsm/export/long-title", test_export_long_title);
  g_test_add_func ("/lsm/export/png-pixels", test_export_png_pixels);
  g_test_add_func ("/lsm/export/png-size", test_export_png_size);
  g_test_add_func ("/lsm/export/fixture-sector", test_export_fixture_sector);
  g_test_add_func ("/lsm/export/svg-parses", test_export_svg_parses);
  g_test_add_func ("/lsm/export/failures-leave-nothing", test_export_failures_leave_nothing);
  g_test_add_func ("/lsm/export/district-frames-it", test_export_district_frames_it);
  g_test_add_func ("/lsm/export/legend-is-the-model", test_export_legend_is_the_model);
  g_test_add_func ("/lsm/export/dense-clusters", test_export_dense_clusters);

  result = g_test_run ();
  g_clear_object (&scene);
  g_clear_object (&catalog);

  return result;
}
