/* lsm-bench-memory.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* make bench, after lsm-bench: memory kept per loaded site, and the peak memory of --list against
 * --summary on the same synthetic data. Each catalog is loaded in a child of its own so that one
 * size's heap does not count towards the next. Not a test: numbers vary with the machine.
 *
 * lsm-bench-memory [--load] [SIZE…]: the sizes (default 100000 and 1000000); --load also times
 * the load of a GeoPackage of 100000 sites against a bare OGR read of the same files (median of
 * 5), the figure lsm-bench reports among its others. */

#include "config.h"

#include <locale.h>
#include <malloc.h>
#include <stdio.h>
#include <string.h>

#include "lsm-catalog.h"
#include "lsm-feature.h"
#include "lsm-figure.h"
#include "lsm-loader.h"
#include "lsm-test-utils.h"

#define LOAD_SITES 100000
#define LOAD_RUNS  5
#define LOAD_TARGET 1.15    /* load over the bare OGR read, GeoPackage */

#define KEPT_TARGET 400.0   /* bytes per site beyond its strings */
#define LIST_TARGET 1.1     /* --list peak over --summary peak */

static glong
read_status_kib (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL)
      || (line = strstr (status, field)) == NULL)
    g_error ("no %s in /proc/self/status", field);

  return strtol (line + strlen (field) + 1, NULL, 10);
}

static gsize
string_bytes (const char *s)
{
  return s != NULL ? strlen (s) + 1 : 0;
}

/* What the data itself hands the program per site: the sites' and their figures' strings. */
static gsize
count_string_bytes (LsmCatalog *catalog)
{
  GListModel *sites = lsm_catalog_get_sites (catalog);
  gsize total = 0;

  for (guint i = 0; i < g_list_model_get_n_items (sites); i++)
    {
      g_autoptr(LsmFeature) site = g_list_model_get_item (sites, i);
      GListModel *figures = lsm_feature_get_figures (site);
      const char *texts[] = {
        lsm_feature_get_id (site), lsm_feature_get_name (site), lsm_feature_get_name_en (site),
        lsm_feature_get_full_name (site), lsm_feature_get_subtype (site), lsm_feature_get_district (site),
        lsm_feature_get_commune (site), lsm_feature_get_coord_method (site),
        lsm_feature_get_provenance (site), lsm_feature_get_note (site),
      };

      for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
        total += string_bytes (texts[t]);

      for (guint f = 0; f < g_list_model_get_n_items (figures); f++)
        {
          g_autoptr(LsmFigure) figure = g_list_model_get_item (figures, f);
          const char *figure_texts[] = {
            lsm_figure_get_id (figure), lsm_figure_get_metric (figure), lsm_figure_get_text (figure),
            lsm_figure_get_text_en (figure), lsm_figure_get_unit (figure), lsm_figure_get_period (figure),
            lsm_figure_get_period_note (figure), lsm_figure_get_relates_to (figure),
            lsm_figure_get_source_id (figure), lsm_figure_get_quote (figure), lsm_figure_get_note (figure),
            lsm_figure_get_scope (figure), lsm_figure_get_crosscheck_source_id (figure),
            lsm_figure_get_crosscheck_note (figure),
          };

          for (guint t = 0; t < G_N_ELEMENTS (figure_texts); t++)
            total += string_bytes (figure_texts[t]);
        }
    }

  return total;
}

/* The child: loads @dir, then prints its resident set and the bytes of the sites' strings. The
 * strings are counted after the resident set is read: the per-site list models that walking the
 * figures makes are a view's cost, not the catalog's. */
static int
measure_child (const char *dir)
{
  g_autoptr(LsmLoader) loader = lsm_loader_new (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(LsmCatalog) catalog = lsm_loader_load (loader, NULL, &error);
  glong rss;

  g_assert_no_error (error);
  /* What the load freed is not kept: hand it back before reading the resident set. */
  malloc_trim (0);
  rss = read_status_kib ("VmRSS:");
  printf ("%ld %u %" G_GSIZE_FORMAT "\n", rss, g_list_model_get_n_items (lsm_catalog_get_sites (catalog)),
          count_string_bytes (catalog));

  return 0;
}

typedef struct
{
  glong rss_kib;
  guint n_sites;
  gsize string_bytes;
} Measure;

static Measure
measure (const char *self_path,
         const char *dir)
{
  const char *argv[] = { self_path, "--measure", dir, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  Measure m = { 0 };
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  if (sscanf (out, "%ld %u %" G_GSIZE_FORMAT, &m.rss_kib, &m.n_sites, &m.string_bytes) != 3)
    g_error ("the measuring child printed “%s”", out);

  return m;
}

static double
peak_mib (const char *dir,
          const char *mode,
          const char *format)
{
  g_autofree char *data = g_strdup_printf ("--data=%s", dir);
  const char *argv[] = { LSM_BENCH_LSMAP, data, mode, format, NULL };
  int status;
  glong kib = lsm_test_run_peak_rss (argv, &status);

  if (status != 0)
    g_error ("lsmap %s %s exited with %d", mode, format != NULL ? format : "", status);

  return kib / 1024.0;
}

/* Our load of a GeoPackage of synthetic sites against a bare OGR read of every file it reads,
 * alternated so that the machine's load falls on both alike. */
static void
time_load (void)
{
  g_autofree char *dir = lsm_test_make_synthetic_dir (LOAD_SITES, 0);
  g_autofree char *gpkg = lsm_test_convert_sites (dir, "GPKG", "sites.gpkg");
  g_auto(GStrv) files = lsm_test_files_read_by_load (dir, gpkg);
  double ours[LOAD_RUNS], ogr[LOAD_RUNS];

  for (guint run = 0; run < LOAD_RUNS; run++)
    {
      g_autoptr(LsmLoader) loader = lsm_loader_new (gpkg);
      g_autoptr(LsmCatalog) catalog = NULL;
      g_autoptr(GError) error = NULL;
      gint64 start;

      ogr[run] = lsm_test_time_ogr_read ((const char * const *) files);
      start = g_get_monotonic_time ();
      catalog = lsm_loader_load (loader, NULL, &error);
      g_assert_no_error (error);
      ours[run] = (g_get_monotonic_time () - start) / 1000.0;
    }

  printf ("load, GeoPackage, %u sites (ms, median of %u): ours %.0f, bare OGR read %.0f, ratio %.2f (target %.2f)\n",
          LOAD_SITES, LOAD_RUNS, lsm_test_median (ours, LOAD_RUNS), lsm_test_median (ogr, LOAD_RUNS),
          lsm_test_median (ours, LOAD_RUNS) / lsm_test_median (ogr, LOAD_RUNS), LOAD_TARGET);
  lsm_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean with_load = FALSE;
  g_autofree char *self_path = NULL;
  g_autofree char *empty_dir = NULL;
  const char *formats[] = { "--format=text", "--format=csv", "--format=json" };
  const char *labels[] = {
    "RSS after load, per site (B)", "  of which its strings (B)", "  kept beyond strings (B)",
    "--summary peak (MiB)", "--list text peak ÷ --summary", "--list csv peak ÷ --summary",
    "--list json peak ÷ --summary",
  };
  double (*rows)[G_N_ELEMENTS (labels)];
  Measure empty;

  setlocale (LC_ALL, "C.UTF-8");

  if (argc > 1 && g_str_equal (argv[1], "--measure"))
    {
      if (argc != 3)
        g_error ("--measure takes one folder");
      return measure_child (argv[2]);
    }

  for (int i = 1; i < argc; i++)
    {
      guint n = (guint) g_ascii_strtoull (argv[i], NULL, 10);

      if (g_str_equal (argv[i], "--load"))
        with_load = TRUE;
      else if (n > 0)
        g_array_append_val (sizes, n);
      else
        g_error ("usage: lsm-bench-memory [--load] [SIZE…]");
    }
  if (sizes->len == 0)
    {
      const guint defaults[] = { 100000, 1000000 };

      g_array_append_vals (sizes, defaults, G_N_ELEMENTS (defaults));
    }
  rows = g_malloc0_n (sizes->len, sizeof *rows);
  lsm_loader_ensure_drivers ();
  if (with_load)
    time_load ();

  self_path = g_canonicalize_filename (argv[0], NULL);
  empty_dir = lsm_test_make_synthetic_data (0);
  empty = measure (self_path, empty_dir);
  lsm_test_remove_dir (empty_dir);

  for (guint s = 0; s < sizes->len; s++)
    {
      guint n = g_array_index (sizes, guint, s);
      g_autofree char *dir = lsm_test_make_synthetic_data (n);
      Measure m = measure (self_path, dir);

      g_assert_cmpuint (m.n_sites, ==, n);
      rows[s][0] = (m.rss_kib - empty.rss_kib) * 1024.0 / m.n_sites;
      rows[s][1] = (double) m.string_bytes / m.n_sites;
      rows[s][2] = rows[s][0] - rows[s][1];
      rows[s][3] = peak_mib (dir, "--summary", NULL);
      for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
        rows[s][4 + f] = peak_mib (dir, "--list", formats[f]) / rows[s][3];
      lsm_test_remove_dir (dir);
    }

  printf ("%-30s", "memory (synthetic sites)");
  for (guint s = 0; s < sizes->len; s++)
    printf (" %12u", g_array_index (sizes, guint, s));
  printf (" %8s\n", "target");
  for (guint r = 0; r < G_N_ELEMENTS (labels); r++)
    {
      printf ("%-30s", labels[r]);
      for (guint s = 0; s < sizes->len; s++)
        printf (" %12.*f", r < 3 ? 0 : r == 3 ? 1 : 3, rows[s][r]);
      if (r == 2)
        printf (" %8.0f", KEPT_TARGET);
      else if (r > 3)
        printf (" %8.1f", LIST_TARGET);
      printf ("\n");
    }

  g_free (rows);
  return 0;
}
