/* test-page-layout.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

#include "lsm-catalog.h"
#include "lsm-feature.h"
#include "lsm-filter.h"
#include "lsm-key.h"
#include "lsm-page.h"
#include "lsm-test-page.h"
#include "lsm-scene.h"
#include "lsm-test-utils.h"

/* Where the exported pages put their text, read back from the PDF as word boxes (poppler's
 * pdftotext -bbox): in English and Vietnamese, on every paper and in both orientations, nothing
 * leaves the margins, runs into the footer or is drawn over other text. */

#define MARGIN 28.0

static LsmCatalog *catalog;
static LsmScene *scene;

typedef struct
{
  double x0, y0, x1, y1;
  char  *text;
} Word;

typedef struct
{
  double  width;
  double  height;
  GArray *words; /* Word */
} Page;

static void
word_clear (gpointer data)
{
  g_free (((Word *) data)->text);
}

static void
page_clear (gpointer data)
{
  g_clear_pointer (&((Page *) data)->words, g_array_unref);
}

/* The pages of @path with their words; pdftotext writes XHTML with one element per word. */
static GArray *
read_pages (const char *path)
{
  const char *argv[] = { "pdftotext", "-bbox", path, "-", NULL };
  g_autoptr(GRegex) page_re = g_regex_new ("<page width=\"([0-9.]+)\" height=\"([0-9.]+)\">", 0, 0, NULL);
  g_autoptr(GRegex) word_re = g_regex_new ("<word xMin=\"([0-9.-]+)\" yMin=\"([0-9.-]+)\" xMax=\"([0-9.-]+)\" "
                                           "yMax=\"([0-9.-]+)\">([^<]*)</word>", 0, 0, NULL);
  GArray *pages = g_array_new (FALSE, TRUE, sizeof (Page));
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  int status;

  g_array_set_clear_func (pages, page_clear);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GMatchInfo) page_match = NULL;
      g_autoptr(GMatchInfo) match = NULL;

      if (g_regex_match (page_re, lines[i], 0, &page_match))
        {
          g_autofree char *w = g_match_info_fetch (page_match, 1);
          g_autofree char *h = g_match_info_fetch (page_match, 2);
          Page page = { g_ascii_strtod (w, NULL), g_ascii_strtod (h, NULL), g_array_new (FALSE, TRUE, sizeof (Word)) };

          g_array_set_clear_func (page.words, word_clear);
          g_array_append_val (pages, page);
        }
      else if (g_regex_match (word_re, lines[i], 0, &match))
        {
          Word word;
          g_autofree char *x0 = g_match_info_fetch (match, 1);
          g_autofree char *y0 = g_match_info_fetch (match, 2);
          g_autofree char *x1 = g_match_info_fetch (match, 3);
          g_autofree char *y1 = g_match_info_fetch (match, 4);

          g_assert_cmpuint (pages->len, >, 0);
          word.x0 = g_ascii_strtod (x0, NULL), word.y0 = g_ascii_strtod (y0, NULL);
          word.x1 = g_ascii_strtod (x1, NULL), word.y1 = g_ascii_strtod (y1, NULL);
          word.text = g_match_info_fetch (match, 5);
          g_array_append_val (g_array_index (pages, Page, pages->len - 1).words, word);
        }
    }

  return pages;
}

/* Font boxes of neighbouring lines may touch: only a real overlap counts. */
static gboolean
words_overlap (const Word *a,
               const Word *b)
{
  return MIN (a->x1, b->x1) - MAX (a->x0, b->x0) > 1.0 && MIN (a->y1, b->y1) - MAX (a->y0, b->y0) > 2.0;
}

/* Every word inside the margins, none over another, and none above the footer reaching into it:
 * the footer starts with @footer_word. */
static void
assert_pages_fit (const char *path,
                  const char *footer_word,
                  const char *what)
{
  g_autoptr(GArray) pages = read_pages (path);

  g_assert_cmpuint (pages->len, >, 0);
  for (guint p = 0; p < pages->len; p++)
    {
      const Page *page = &g_array_index (pages, Page, p);
      double footer_top = -1;

      for (guint i = 0; i < page->words->len; i++)
        {
          const Word *w = &g_array_index (page->words, Word, i);

          if (g_strcmp0 (w->text, footer_word) == 0)
            footer_top = MAX (footer_top, w->y0);
        }
      if (footer_top < 0)
        g_error ("%s, page %u: no footer", what, p + 1);

      for (guint i = 0; i < page->words->len; i++)
        {
          const Word *w = &g_array_index (page->words, Word, i);
          /* The page number sits on the footer's last line, right of its text. */
          gboolean page_number = w->x0 >= page->width - MARGIN - 70 && w->y1 >= page->height - MARGIN - 1.5;

          if (w->x0 < MARGIN - 1 || w->y0 < MARGIN - 1 || w->x1 > page->width - MARGIN + 1
              || w->y1 > page->height - MARGIN + 1)
            g_error ("%s, page %u: “%s” at %.0f,%.0f–%.0f,%.0f is outside the margins", what, p + 1, w->text,
                     w->x0, w->y0, w->x1, w->y1);
          if (w->y0 < footer_top - 1 && w->y1 > footer_top + 1 && !page_number)
            g_error ("%s, page %u: “%s” runs into the footer", what, p + 1, w->text);
          for (guint j = i + 1; j < page->words->len; j++)
            {
              const Word *o = &g_array_index (page->words, Word, j);

              if (words_overlap (w, o))
                g_error ("%s, page %u: “%s” is drawn over “%s”", what, p + 1, w->text, o->text);
            }
        }
    }
}

/* Runs the real program, as a user would, in @language. */
static void
export_with (const char         *language,
             const char * const *args,
             const char         *path)
{
  g_autofree char *build = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  g_autofree char *export = g_strdup_printf ("--export=%s", path);
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status;

  env = g_environ_setenv (env, "LANGUAGE", language, TRUE);
  env = g_environ_setenv (env, "LC_ALL", g_str_equal (language, "vi") ? "vi_VN.UTF-8" : "C.UTF-8", TRUE);
  env = g_environ_setenv (env, "LSMAP_LOCALEDIR", build, TRUE);
  g_ptr_array_add (argv, (char *) g_getenv ("LSMAP"));
  if (!g_str_has_prefix (args[0], "--atlas"))
    g_ptr_array_add (argv, export);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err, &status, &error);
  g_assert_no_error (error);
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("lsmap failed: %s", err);
}

static void
test_page_layout_inside_margins (void)
{
  static const char *cases[][5] = {
    { "--paper=a4", "--units=districts", NULL },
    { "--paper=a4", "--landscape", "--units=districts", NULL },
    { "--paper=a4", "--landscape", "--units=communes-2025", NULL },
    { "--paper=a3", "--units=communes-2025", NULL },
    { "--paper=a3", "--landscape", "--units=districts", NULL },
    { "--paper=a4", "--landscape", "--choropleth=capacity", "--units=communes-2025", NULL },
  };
  static const char *languages[][2] = { { "en", "Boundaries:" }, { "vi", "Ranh" } };
  g_autofree char *dir = g_dir_make_tmp ("lsmap-layout-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "page.pdf", NULL);

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
      {
        g_autofree char *args = g_strjoinv (" ", (char **) cases[c]);
        g_autofree char *what = g_strdup_printf ("%s %s", languages[l][0], args);

        export_with (languages[l][0], cases[c], path);
        assert_pages_fit (path, languages[l][1], what);
      }

  lsm_test_remove_dir (dir);
}

static void
test_page_layout_atlas_inside_margins (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lsmap-layout-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "atlas.pdf", NULL);
  g_autofree char *atlas = g_strdup_printf ("--atlas=%s", path);
  const char *args[] = { atlas, "--paper=a4", "--landscape", NULL };

  export_with ("vi", args, path);
  assert_pages_fit (path, "Ranh", "vi atlas");
  lsm_test_remove_dir (dir);
}

/* On tall paper the map keeps the page's width and most of its height: the key and the legend
 * go under it and on to the next page. */
static void
test_page_layout_portrait_map_leads (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lsmap-layout-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "page.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_auto(LsmPageOptions) options;
  LsmPaper papers[] = { LSM_PAPER_A4, LSM_PAPER_A3 };

  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    {
      double width, height;
      LsmPageMap map;

      lsm_test_page_options (&options, papers[i], FALSE);
      lsm_page_get_size (&options, &width, &height);
      g_assert_true (lsm_page_export (scene, NULL, &options, path, &map, &error));
      g_assert_no_error (error);
      g_assert_cmpfloat (map.width, >=, width - 2 * MARGIN - 1);
      g_assert_cmpfloat (map.height, >=, 0.5 * (height - 2 * MARGIN));
      lsm_page_options_clear (&options);
    }

  lsm_test_remove_dir (dir);
}

/* The overview numbers its symbols and keys them like every other page, before the districts'
 * pages begin. */
static void
test_page_layout_atlas_overview_keyed (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lsmap-layout-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "atlas.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LsmPageSites) sites = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(LsmFeature) first = g_list_model_get_item (lsm_catalog_get_districts (catalog), 0);
  g_autofree char *first_title = NULL;
  g_autofree char *text = NULL;
  g_autofree char *head = NULL;
  g_autofree char *overview = NULL;
  g_auto(LsmPageOptions) options;
  LsmPageMap map;
  const char *end;

  lsm_test_page_options (&options, LSM_PAPER_A4, TRUE);
  options.atlas = LSM_ATLAS_BY_DISTRICT;
  g_assert_true (lsm_page_export (scene, NULL, &options, path, &map, &error));
  g_assert_no_error (error);

  text = lsm_test_pdf_raw_text (path);
  first_title = g_strdup_printf ("Industrial development in Lạng Sơn province — %s", lsm_feature_get_name (first));
  end = strstr (text, first_title);
  g_assert_nonnull (end);
  head = g_strndup (text, end - text);
  overview = lsm_test_squeeze (head);
  lsm_test_assert_contains (overview, "Main figure");
  /* A district with no site says so, rather than heading an empty legend. */
  lsm_test_assert_contains (end, "No site that the filter keeps is on this map.");

  sites = lsm_page_place_sites (scene, &map.view, NULL);
  rows = lsm_key_rows_new (sites);
  g_assert_cmpuint (rows->len, >, 10);
  for (guint i = 0; i < rows->len; i++)
    {
      LsmKeyRow *row = g_ptr_array_index (rows, i);
      g_autofree char *name = lsm_test_squeeze (lsm_feature_get_name (g_ptr_array_index (row->sites, 0)));

      lsm_test_assert_contains (overview, name);
    }

  lsm_test_remove_dir (dir);
}

/* An outside record that a shown figure is checked against is cited on the page, apart from
 * the articles; a page without such figures does not cite it. */
static void
test_page_layout_crosscheck_cited (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lsmap-layout-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "page.pdf", NULL);
  g_autoptr(LsmFilter) thermal = lsm_filter_new (lsm_catalog_get_sites (catalog));
  g_autoptr(LsmFilter) gates = lsm_filter_new (lsm_catalog_get_sites (catalog));
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *with = NULL;
  g_autofree char *without = NULL;
  g_auto(LsmPageOptions) options;

  lsm_test_page_options (&options, LSM_PAPER_A4, TRUE);
  lsm_filter_show_only_sectors (thermal, (const char *[]) { "thermal", NULL });
  lsm_filter_show_only_sectors (gates, (const char *[]) { "border_gate", NULL });

  g_assert_true (lsm_page_export (scene, thermal, &options, path, NULL, &error));
  g_assert_no_error (error);
  text = lsm_test_pdf_text (path);
  with = lsm_test_squeeze (text);
  lsm_test_assert_contains (with, "Cross-checked against");
  lsm_test_assert_contains (with, "“Na Duong power station”, Global Energy Monitor Wiki");

  g_assert_true (lsm_page_export (scene, gates, &options, path, NULL, &error));
  g_assert_no_error (error);
  g_free (text);
  text = lsm_test_pdf_text (path);
  without = lsm_test_squeeze (text);
  lsm_test_assert_contains (without, "Sources");
  g_assert_null (strstr (without, "Global Energy Monitor"));

  lsm_test_remove_dir (dir);
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

  g_test_add_func ("/lsm/page-layout/inside-margins", test_page_layout_inside_margins);
  g_test_add_func ("/lsm/page-layout/atlas-inside-margins", test_page_layout_atlas_inside_margins);
  g_test_add_func ("/lsm/page-layout/portrait-map-leads", test_page_layout_portrait_map_leads);
  g_test_add_func ("/lsm/page-layout/atlas-overview-keyed", test_page_layout_atlas_overview_keyed);
  g_test_add_func ("/lsm/page-layout/crosscheck-cited", test_page_layout_crosscheck_cited);

  result = g_test_run ();
  g_clear_object (&scene);
  g_clear_object (&catalog);

  return result;
}
