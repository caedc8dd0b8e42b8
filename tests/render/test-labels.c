/* test-labels.c
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
#include <sys/wait.h>

#include <cairo-pdf.h>
#include <glib/gstdio.h>

#include "lsm-atlas.h"
#include "lsm-catalog.h"
#include "lsm-clusters.h"
#include "lsm-district-sites.h"
#include "lsm-feature.h"
#include "lsm-filter.h"
#include "lsm-key.h"
#include "lsm-labels.h"
#include "lsm-page.h"
#include "lsm-test-page.h"
#include "lsm-scene.h"
#include "lsm-test-utils.h"
#include "lsm-vocab.h"

/* Labels, numbers and the key on the pages handed over, and the atlas. */

static LsmCatalog *catalog;
static LsmScene *scene;

/* No label meets another label, a symbol or a cluster symbol; returns how many labels of @kind
 * there are. */
static guint
assert_no_overlap (GArray        *labels,
                   GArray        *placements,
                   GArray        *clusters,
                   const LsmView *view,
                   LsmLabelKind   kind)
{
  guint n = 0;

  for (guint i = 0; i < labels->len; i++)
    {
      const LsmLabel *a = &g_array_index (labels, LsmLabel, i);

      n += a->kind == kind;
      for (guint j = i + 1; j < labels->len; j++)
        {
          const LsmLabel *b = &g_array_index (labels, LsmLabel, j);

          if (lsm_box_intersects (&a->box, &b->box))
            g_error ("labels “%s” and “%s” overlap", a->text, b->text);
        }

      for (guint j = 0; j < placements->len; j++)
        {
          const LsmPlacement *p = &g_array_index (placements, LsmPlacement, j);
          LsmBox symbol;

          lsm_symbol_box (view, p->x, p->y, &symbol);
          if (lsm_box_intersects (&a->box, &symbol))
            g_error ("label “%s” covers the symbol of %s", a->text, lsm_feature_get_name (p->site));
        }

      for (guint j = 0; j < clusters->len; j++)
        {
          const LsmClusterPlacement *c = &g_array_index (clusters, LsmClusterPlacement, j);
          LsmBox disc = { c->x - c->radius, c->y - c->radius, c->x + c->radius, c->y + c->radius };

          if (lsm_box_intersects (&a->box, &disc))
            g_error ("label “%s” covers a cluster of %u sites", a->text, c->count);
        }
    }

  return n;
}

static guint
count_clustered (GArray *clusters)
{
  guint n = 0;

  for (guint i = 0; i < clusters->len; i++)
    n += g_array_index (clusters, LsmClusterPlacement, i).count;

  return n;
}

static void
test_labels_pages (void)
{
  const LsmPaper papers[] = { LSM_PAPER_A4, LSM_PAPER_A3 };
  GListModel *districts = lsm_catalog_get_districts (catalog);
  cairo_surface_t *surface = cairo_pdf_surface_create (NULL, 600, 600);
  cairo_t *cr = cairo_create (surface);
  guint n_checked = 0;

  for (guint p = 0; p < G_N_ELEMENTS (papers); p++)
    for (int landscape = 0; landscape < 2; landscape++)
      for (int d = -1; d < (int) g_list_model_get_n_items (districts); d++)
        {
          g_autoptr(LsmFilter) filter = lsm_filter_new (lsm_catalog_get_sites (catalog));
          g_autoptr(LsmPageSites) sites = NULL;
          g_autoptr(GArray) labels = NULL;
          g_auto(LsmPageOptions) options;
          double width, height;
          LsmPageMap map;

          lsm_test_page_options (&options, papers[p], landscape);
          if (d >= 0)
            {
              g_autoptr(LsmFeature) district = g_list_model_get_item (districts, d);

              options.extent = LSM_EXTENT_DISTRICT;
              options.district = g_strdup (lsm_feature_get_name (district));
              lsm_filter_set_district (filter, options.district);
            }

          lsm_page_get_size (&options, &width, &height);
          lsm_page_draw (scene, filter, &options, cr, width, height, &map);

          sites = lsm_page_place_sites (scene, &map.view, filter);
          labels = lsm_scene_layout_labels (scene, cr, &map.view, sites->placements, sites->clusters,
                                            LSM_LABELS_WHOLE | LSM_LABELS_NUMBERS, G_LIST_MODEL (filter));
          /* Every symbol on the page has its number beside it. */
          g_assert_cmpuint (assert_no_overlap (labels, sites->placements, sites->clusters, &map.view, LSM_LABEL_NUMBER),
                            ==, sites->placements->len + sites->clusters->len);
          if (d < 0)
            g_assert_cmpuint (assert_no_overlap (labels, sites->placements, sites->clusters, &map.view,
                                                 LSM_LABEL_DISTRICT), >=, 10);
          n_checked++;
        }

  g_assert_cmpuint (n_checked, ==, 4 * 12);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* A district's count of sites with no point hangs right under its name, wherever the placement
 * moved the name; over the 2025 communes it names its district, near the district's point. */
static void
test_labels_district_badges (void)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (NULL, 842, 595);
  cairo_t *cr = cairo_create (surface);
  GListModel *districts = lsm_catalog_get_districts (catalog);
  GListModel *all = lsm_catalog_get_sites (catalog);
  guint n_badged = 0;

  for (LsmUnits units = LSM_UNITS_DISTRICTS; units <= LSM_UNITS_COMMUNES_2025; units++)
    {
      g_autoptr(LsmPageSites) sites = NULL;
      g_autoptr(GArray) labels = NULL;
      g_auto(LsmPageOptions) options;
      double width, height;
      LsmPageMap map;

      lsm_scene_set_units (scene, units);
      lsm_test_page_options (&options, LSM_PAPER_A4, TRUE);
      lsm_page_get_size (&options, &width, &height);
      lsm_page_draw (scene, NULL, &options, cr, width, height, &map);
      sites = lsm_page_place_sites (scene, &map.view, NULL);
      labels = lsm_scene_layout_labels (scene, cr, &map.view, sites->placements, sites->clusters,
                                        LSM_LABELS_WHOLE | LSM_LABELS_NUMBERS, all);
      assert_no_overlap (labels, sites->placements, sites->clusters, &map.view, LSM_LABEL_BADGE);

      for (guint d = 0; d < g_list_model_get_n_items (districts); d++)
        {
          g_autoptr(LsmFeature) district = g_list_model_get_item (districts, d);
          g_autoptr(GPtrArray) unplaced = lsm_district_list_unplaced (all, district);
          g_autofree char *count = g_strdup_printf ("%u", unplaced->len);
          g_autofree char *named = g_strdup_printf ("%s: %u", lsm_feature_get_name (district), unplaced->len);
          const LsmLabel *badge = NULL, *name = NULL;
          double lon, lat, x, y;

          if (unplaced->len == 0)
            continue;
          for (guint i = 0; i < labels->len; i++)
            {
              const LsmLabel *l = &g_array_index (labels, LsmLabel, i);

              if (l->kind == LSM_LABEL_DISTRICT && g_strcmp0 (l->text, lsm_feature_get_name (district)) == 0)
                name = l;
              else if (l->kind == LSM_LABEL_BADGE
                       && g_strcmp0 (l->text, units == LSM_UNITS_DISTRICTS ? count : named) == 0
                       && (units != LSM_UNITS_DISTRICTS || (name != NULL && l == name + 1)))
                badge = l;
            }
          if (badge == NULL)
            g_error ("%s has no badge", lsm_feature_get_name (district));
          n_badged++;

          if (units == LSM_UNITS_DISTRICTS)
            {
              /* Right under the name, centred on it. */
              g_assert_cmpfloat_with_epsilon (badge->box.y0, name->box.y1, 0.01);
              g_assert_cmpfloat_with_epsilon (badge->box.x0 + badge->box.x1, name->box.x0 + name->box.x1, 0.01);
              continue;
            }
          g_assert_true (lsm_feature_get_label_point (district, &lon, &lat));
          lsm_view_project (&map.view, lon, lat, &x, &y);
          g_assert_cmpfloat (fabs ((badge->box.y0 + badge->box.y1) / 2 - y), <, 4 * (badge->box.y1 - badge->box.y0));
        }
    }

  lsm_scene_set_units (scene, LSM_UNITS_DISTRICTS);
  g_assert_cmpuint (n_badged, >=, 2 * 5);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The base-map tiles: district names clear of every site, whatever the filter, at every zoom. */
static void
test_labels_tiles (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 256, 256);
  cairo_t *cr = cairo_create (surface);
  gboolean chi_lang = FALSE;

  for (guint zoom = 8; zoom <= 13; zoom++)
    for (guint s = 1; s <= 2; s++)
      {
        double size = LSM_TILE_SIZE * exp2 (zoom);
        LsmView world = { 0, 0, zoom, size, size, s };
        g_autoptr(LsmSiteMatch) match = lsm_scene_match_sites (scene, NULL);
        g_autoptr(GArray) clusters = g_array_new (FALSE, FALSE, sizeof (LsmClusterPlacement));
        g_autoptr(GArray) placements = lsm_scene_place_matched (scene, &world, match, clusters);
        g_autoptr(GArray) labels = lsm_scene_layout_labels (scene, cr, &world, placements, clusters, 0, NULL);

        g_assert_cmpuint (assert_no_overlap (labels, placements, clusters, &world, LSM_LABEL_DISTRICT), >=, 10);
        for (guint i = 0; i < labels->len; i++)
          chi_lang |= g_strcmp0 (g_array_index (labels, LsmLabel, i).text, "Chi Lăng") == 0;
      }

  g_assert_true (chi_lang);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static char *
normalized_text (const char *path)
{
  const char *argv[] = { "pdftotext", path, "-", NULL };
  g_autofree char *out = NULL;
  g_auto(GStrv) words = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, NULL));
  words = g_strsplit_set (out, " \n\t\f", -1);

  return g_strjoinv (" ", words);
}

/* Every drawn site's name and key row (number, status, headline figure) is in the PDF. */
static void
test_labels_key_in_pdf (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lsmap-labels-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "key.pdf", NULL);
  g_autoptr(LsmFilter) filter = lsm_filter_new (lsm_catalog_get_sites (catalog));
  g_autoptr(GError) error = NULL;
  g_autoptr(LsmPageSites) sites = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  guint n_listed = 0;
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  g_autofree char *layout = NULL;
  g_auto(LsmPageOptions) options;
  LsmPageMap map;

  lsm_test_page_options (&options, LSM_PAPER_A4, FALSE);
  g_assert_true (lsm_page_export (scene, filter, &options, path, &map, &error));
  g_assert_no_error (error);
  raw = normalized_text (path);
  text = lsm_test_squeeze (raw);
  layout = lsm_test_pdf_text (path);

  sites = lsm_page_place_sites (scene, &map.view, filter);
  rows = lsm_key_rows_new (sites);
  /* The key lists every site drawn: a cluster's row lists its members. */
  for (guint i = 0; i < rows->len; i++)
    n_listed += ((LsmKeyRow *) g_ptr_array_index (rows, i))->sites->len;
  g_assert_cmpuint (n_listed, ==, sites->placements->len + count_clustered (sites->clusters));
  g_assert_cmpuint (n_listed, >, 20);
  for (guint i = 0; i < rows->len; i++)
    {
      LsmKeyRow *row = g_ptr_array_index (rows, i);
      LsmFeature *site = g_ptr_array_index (row->sites, 0);
      g_autofree char *name = lsm_test_squeeze (lsm_feature_get_name (site));
      g_autofree char *headline = lsm_key_format_headline (site);
      g_autofree char *number = g_strdup_printf ("\n%-2u ", row->number);

      lsm_test_assert_contains (text, name);
      lsm_test_assert_contains (layout, number);
      if (row->sites->len > 1)
        {
          g_autofree char *count = g_strdup_printf ("%u sites:", row->sites->len);

          lsm_test_assert_contains (text, count);
          for (guint k = 1; k < MIN (row->sites->len, 8); k++)
            {
              LsmFeature *other = g_ptr_array_index (row->sites, k);
              g_autofree char *member = lsm_test_squeeze (lsm_feature_get_name (other));

              lsm_test_assert_contains (text, member);
            }
        }
      else if (headline != NULL)
        {
          g_autofree char *squeezed = lsm_test_squeeze (headline);

          lsm_test_assert_contains (text, squeezed);
        }
    }

  /* What the filter keeps but the map cannot show is said. */
  lsm_test_assert_contains (text, "Hydropower: +3 sites whose location is not known.");
  g_assert_true (strstr (text, "Page 2 of") != NULL);
  lsm_test_remove_dir (dir);
}

static void
test_labels_filter_title (void)
{
  g_autoptr(LsmFilter) filter = lsm_filter_new (lsm_catalog_get_sites (catalog));
  g_autofree char *dir = g_dir_make_tmp ("lsmap-labels-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "energy.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(LsmPageOptions) options;

  lsm_filter_show_only_sectors (filter, (const char *[]) { "hydro", "thermal", "wind", NULL });
  lsm_filter_set_district (filter, "Chi Lăng");
  lsm_test_page_options (&options, LSM_PAPER_A4, TRUE);
  g_assert_true (lsm_page_export (scene, filter, &options, path, NULL, &error));
  g_assert_no_error (error);
  text = lsm_test_pdf_text (path);
  lsm_test_assert_contains (text, "Energy projects in Lạng Sơn: hydropower, thermal power, wind power");
  lsm_test_assert_contains (text, "Chi Lăng district");
  lsm_test_remove_dir (dir);
}

static void
test_labels_atlas (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lsmap-labels-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "atlas.pdf", NULL);
  g_autofree char *bad = g_build_filename (dir, "atlas.png", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) pages = NULL;
  g_auto(LsmPageOptions) options;
  GListModel *districts = lsm_catalog_get_districts (catalog);
  guint n_pages, first;

  lsm_test_page_options (&options, LSM_PAPER_A4, TRUE);
  options.atlas = LSM_ATLAS_BY_DISTRICT;
  g_assert_true (lsm_page_export (scene, NULL, &options, path, NULL, &error));
  g_assert_no_error (error);

  text = lsm_test_pdf_text (path);
  pages = g_strsplit (text, "\f", -1);
  /* The overview, the pages its key and legend run on to, then one page per district; pdftotext
   * ends every page with a form feed. */
  n_pages = g_strv_length (pages) - 1;
  first = n_pages - 11;
  g_assert_cmpuint (first, >=, 1);
  g_assert_cmpuint (first, <=, 2);
  lsm_test_assert_contains (pages[0], "Contents");
  for (guint i = 0; i < g_list_model_get_n_items (districts); i++)
    {
      g_autoptr(LsmFeature) district = g_list_model_get_item (districts, i);
      g_autofree char *title = g_strdup_printf ("Industrial development in Lạng Sơn province — %s",
                                                lsm_feature_get_name (district));
      g_autofree char *entry = g_strdup_printf ("%s — page %u", lsm_feature_get_name (district), first + i + 1);
      g_autofree char *number = g_strdup_printf ("Page %u of %u", first + i + 1, n_pages);

      lsm_test_assert_contains (pages[first + i], title);
      lsm_test_assert_contains (pages[first + i], number);
      lsm_test_assert_contains (pages[0], entry);
    }

  g_assert_false (lsm_page_export (scene, NULL, &options, bad, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
  lsm_test_remove_dir (dir);
}

static int
run_lsmap (const char * const *args,
           char              **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status;

  g_ptr_array_add (argv, (char *) g_getenv ("LSMAP"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, err, &status, &error);
  g_assert_no_error (error);

  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
test_labels_atlas_command_line (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lsmap-labels-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "sectors.pdf", NULL);
  g_autofree char *atlas = g_strdup_printf ("--atlas=%s", path);
  g_autofree char *text = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) pages = NULL;
  const char *by_sector[] = { atlas, "--atlas-by=sector", "--sector=hydro,wind", "--title=Năng lượng", "--paper=A3", NULL };
  const char *bad_by[] = { atlas, "--atlas-by=commune", NULL };
  const char *by_alone[] = { "--atlas-by=sector", NULL };

  g_assert_cmpint (run_lsmap (by_sector, &err), ==, 0);
  text = lsm_test_pdf_text (path);
  pages = g_strsplit (text, "\f", -1);
  g_assert_cmpuint (g_strv_length (pages), ==, 1 + 2 + 1);
  lsm_test_assert_contains (pages[0], "Năng lượng");
  lsm_test_assert_contains (pages[1], "Năng lượng — Hydropower");
  lsm_test_assert_contains (pages[2], "Năng lượng — Wind power");
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_lsmap (bad_by, &err), ==, 2);
  lsm_test_assert_contains (err, "--atlas-by “commune”");
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_lsmap (by_alone, &err), ==, 2);
  lsm_test_assert_contains (err, "--atlas-by applies only to --atlas");
  lsm_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  catalog = lsm_test_load_bundled ();
  scene = lsm_scene_new (catalog);

  g_test_add_func ("/lsm/labels/pages", test_labels_pages);
  g_test_add_func ("/lsm/labels/tiles", test_labels_tiles);
  g_test_add_func ("/lsm/labels/district-badges", test_labels_district_badges);
  g_test_add_func ("/lsm/labels/key-in-pdf", test_labels_key_in_pdf);
  g_test_add_func ("/lsm/labels/filter-title", test_labels_filter_title);
  g_test_add_func ("/lsm/labels/atlas", test_labels_atlas);
  g_test_add_func ("/lsm/labels/atlas-command-line", test_labels_atlas_command_line);

  status = g_test_run ();
  g_clear_object (&scene);
  g_clear_object (&catalog);

  return status;
}
