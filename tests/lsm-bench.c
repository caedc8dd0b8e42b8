/* lsm-bench.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* make bench: one run, one set of tables, every figure the median of several repetitions in the
 * same run, so ratios compare like with like. Synthetic sites over the province. See
 * tests/BENCHMARKS.md for what each figure measures. Not a test: numbers vary with the machine.
 *
 * lsm-bench [MAX_SITES [RUNS]]: sizes up to MAX_SITES (default 1000000), RUNS repetitions
 * (default 3; sizes of a million sites are loaded once). The synthetic data are kept in the
 * cache folder.
 * lsm-bench --frames SIZE [--runs RUNS]: the frames of that size alone.
 * lsm-bench --window-load SITES: only the window loading a GeoPackage of SITES sites; names the
 * main-loop turns over 50 ms.
 * lsm-bench --window-cancel SITES: the same load cancelled while read, then while installed,
 * then the bundled data opened: the memory each leaves.
 * lsm-bench --start [--runs RUNS]: only exec to the first frame, against a bare window. */

#include "config.h"

#include <locale.h>
#include <malloc.h>
#include <math.h>
#include <unistd.h>

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gdal.h>
#include <gdal_utils.h>
#include <ogr_api.h>

#include "lsm-base-map-source.h"
#include "lsm-bench.h"
#include "lsm-catalog.h"
#include "lsm-feature.h"
#include "lsm-clusters.h"
#include "lsm-filter.h"
#include "lsm-loader.h"
#include "lsm-map-view.h"
#include "lsm-page.h"
#include "lsm-scene.h"
#include "lsm-sector-icon.h"
#include "lsm-sites-layer.h"
#include "lsm-style.h"
#include "lsm-turn-log.h"
#include "lsm-test-utils.h"
#include "lsm-vocab.h"
#include "lsm-window-private.h"

#define N_FRAMES 60

/* A row, printed when measured (to follow a long run) and kept for its table at the end. */
static void
add_row (GPtrArray *rows,
         char      *row)
{
  g_print ("  %s\n", row);
  g_ptr_array_add (rows, row);
}

static guint n_runs = 3;

/* Resident memory now, in bytes. */
double
lsm_bench_resident_bytes (void)
{
  g_autofree char *statm = NULL;
  unsigned long size = 0, resident = 0;

  if (!g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL)
      || sscanf (statm, "%lu %lu", &size, &resident) != 2)
    return NAN;

  return (double) resident * sysconf (_SC_PAGESIZE);
}

static LsmCatalog *
load (const char *path,
      double     *ms)
{
  g_autoptr(LsmLoader) loader = lsm_loader_new (path);
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  LsmCatalog *catalog = lsm_loader_load (loader, NULL, &error);

  g_assert_no_error (error);
  *ms = (g_get_monotonic_time () - start) / 1000.0;
  return catalog;
}

typedef enum { PAN, ZOOM } Motion;

typedef struct
{
  ShumateViewport *viewport;
  LsmSitesLayer   *layer;
  Motion           motion;
  double           zoom;
  GArray          *work;    /* ms per frame, before-paint to after-paint */
  gint64           paint_start;
  guint            frame;
  double           symbols;
  double           clusters;
  guint            counted;
  gboolean         done;
} Frames;

static void
on_before_paint (GdkFrameClock *clock,
                 Frames        *frames)
{
  frames->paint_start = g_get_monotonic_time ();
}

static void
on_after_paint (GdkFrameClock *clock,
                Frames        *frames)
{
  double ms = (g_get_monotonic_time () - frames->paint_start) / 1000.0;

  if (frames->frame <= 5)
    return;
  g_array_append_val (frames->work, ms);
  if (frames->layer != NULL)
    {
      /* What this frame drew: the layer keeps the frame's placements. */
      frames->symbols += lsm_sites_layer_get_n_drawn (frames->layer);
      frames->clusters += lsm_sites_layer_get_n_clusters (frames->layer);
      frames->counted++;
    }
}

static gboolean
frame_tick (GtkWidget     *widget,
            GdkFrameClock *clock,
            gpointer       data)
{
  Frames *frames = data;
  double lat = shumate_location_get_latitude (SHUMATE_LOCATION (frames->viewport));
  double lon = shumate_location_get_longitude (SHUMATE_LOCATION (frames->viewport));

  if (++frames->frame >= N_FRAMES + 6)
    {
      frames->done = TRUE;
      return G_SOURCE_REMOVE;
    }

  /* Pan: a slow circle, tiles mostly cached, like a drag. Zoom: in and out over a level and a
   * half, every frame at a new fractional zoom, like a pinch. */
  if (frames->motion == PAN)
    shumate_location_set_location (SHUMATE_LOCATION (frames->viewport),
                                   lat + 0.004 * sin (frames->frame / 6.0), lon + 0.004 * cos (frames->frame / 6.0));
  else
    shumate_viewport_set_zoom_level (frames->viewport, frames->zoom + 0.75 - 0.75 * cos (frames->frame / 8.0));

  return G_SOURCE_CONTINUE;
}

typedef struct
{
  double work_p50;
  double symbols;
  double clusters;
} FrameStats;

static gboolean
layer_ready (LsmSitesLayer *layer)
{
  return layer == NULL || lsm_sites_layer_is_ready (layer);
}

static FrameStats
measure_frames (GtkWidget     *window,
                LsmMapView    *view,
                LsmSitesLayer *layer,
                Motion         motion)
{
  ShumateViewport *viewport = lsm_map_view_get_viewport (view);
  Frames frames = { viewport, layer, motion, 0, g_array_new (FALSE, FALSE, sizeof (double)) };
  GdkFrameClock *clock;
  FrameStats stats;
  gulong before, after;

  while (!layer_ready (layer))
    g_main_context_iteration (NULL, TRUE);
  /* Let the first tiles arrive. */
  for (int i = 0; i < 50; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
  /* The map fits the province once allocated: zoom about that. */
  frames.zoom = shumate_viewport_get_zoom_level (viewport);

  clock = gtk_widget_get_frame_clock (window);
  before = g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), &frames);
  after = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &frames);
  gtk_widget_add_tick_callback (window, frame_tick, &frames, NULL);
  while (!frames.done)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, before);
  g_signal_handler_disconnect (clock, after);

  shumate_viewport_set_zoom_level (viewport, frames.zoom);
  stats.work_p50 = lsm_test_median ((double *) frames.work->data, frames.work->len);
  stats.symbols = frames.counted ? frames.symbols / frames.counted : 0;
  stats.clusters = frames.counted ? frames.clusters / frames.counted : 0;
  g_array_unref (frames.work);

  return stats;
}

static GtkWidget *
make_map_window (LsmScene     *scene,
                 gboolean      with_sites,
                 LsmMapView  **out_view)
{
  GtkWidget *window = gtk_window_new ();
  LsmMapView *view = g_object_new (LSM_TYPE_MAP_VIEW, NULL);
  g_autoptr(LsmFilter) filter = lsm_filter_new (lsm_catalog_get_sites (lsm_scene_get_catalog (scene)));

  if (!with_sites)
    lsm_filter_show_only_sectors (filter, NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  lsm_map_view_set_data (view, scene, filter);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);
  *out_view = view;

  return window;
}

/* Median over the runs of each run's median frame, alternating the empty map and ours. */
static void
bench_frames (LsmScene   *scene,
              Motion      motion,
              FrameStats *empty,
              FrameStats *ours)
{
  g_autofree double *e = g_new (double, n_runs);
  g_autofree double *o = g_new (double, n_runs);

  for (guint run = 0; run < n_runs; run++)
    for (int with_sites = 0; with_sites < 2; with_sites++)
      {
        LsmMapView *view;
        GtkWidget *window = make_map_window (scene, with_sites, &view);
        FrameStats stats = measure_frames (window, view, with_sites ? lsm_map_view_get_sites_layer (view) : NULL,
                                           motion);

        (with_sites ? o : e)[run] = stats.work_p50;
        if (with_sites)
          *ours = stats;
        gtk_window_destroy (GTK_WINDOW (window));
      }

  empty->work_p50 = lsm_test_median (e, n_runs);
  ours->work_p50 = lsm_test_median (o, n_runs);
}

/* Exec to the first frame: the program prints the monotonic time of that frame. */
static double
time_start (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  gint64 start = g_get_monotonic_time (), frame = 0;
  const char *line;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                &status, &error);
  g_assert_no_error (error);
  line = out != NULL ? strstr (out, "first-frame ") : NULL;
  if (line == NULL)
    return NAN;
  frame = g_ascii_strtoll (line + strlen ("first-frame "), NULL, 10);

  return (frame - start) / 1000.0;
}

static void
bench_start (void)
{
  const char *lsmap = g_getenv ("LSMAP");
  const char *bare = g_getenv ("LSM_BENCH_BARE");
  guint n = MAX (n_runs, 5);
  g_autofree double *ours = g_new (double, n);
  g_autofree double *floor_ms = g_new (double, n);

  if (lsmap == NULL || bare == NULL)
    {
      g_print ("\nStart: set LSMAP and LSM_BENCH_BARE (make bench does)\n");
      return;
    }

  g_setenv ("LSMAP_REPORT_FIRST_FRAME", "1", TRUE);
  for (guint run = 0; run < n; run++)
    {
      floor_ms[run] = time_start ((const char *[]) { bare, NULL });
      ours[run] = time_start ((const char *[]) { lsmap, NULL });
    }
  g_unsetenv ("LSMAP_REPORT_FIRST_FRAME");

  g_print ("\n| start, exec to first frame (median of %u) | ms |\n|---|---:|\n", n);
  g_print ("| bare AdwApplicationWindow | %.0f |\n", lsm_test_median (floor_ms, n));
  g_print ("| lsmap, bundled data, sites drawn | %.0f |\n", lsm_test_median (ours, n));
  g_print ("| lsmap ÷ bare | %.2f× |\n", lsm_test_median (ours, n) / lsm_test_median (floor_ms, n));
}

/* One size's synthetic data: the folder (GeoJSON) and its sites as GeoPackage and FlatGeobuf. */
typedef struct
{
  char *dir;
  char *gpkg;
  char *fgb;
} BenchData;

static void
bench_data_clear (BenchData *data)
{
  g_clear_pointer (&data->dir, g_free);
  g_clear_pointer (&data->gpkg, g_free);
  g_clear_pointer (&data->fgb, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BenchData, bench_data_clear)

/* The synthetic data of @n sites, from the cache folder when an earlier run made it: at a million
 * sites, writing the GeoJSON and translating it twice costs minutes. Keyed by size and seed; a
 * folder is moved into the cache whole once written, so a run cut short leaves none half made. */
static void
bench_data_get (guint      n,
                BenchData *data)
{
  g_autofree char *name = g_strdup_printf ("sites-%u-seed%u", n, LSM_TEST_SYNTHETIC_SEED);
  g_autofree char *parent = g_build_filename (g_get_user_cache_dir (), "lsmap-bench", NULL);
  g_autofree char *cached = g_build_filename (parent, name, NULL);
  gint64 start = g_get_monotonic_time ();

  if (!g_file_test (cached, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *made = lsm_test_make_synthetic_dir (n, 0);

      g_free (lsm_test_convert_sites (made, "GPKG", "sites.gpkg"));
      g_free (lsm_test_convert_sites (made, "FlatGeobuf", "sites.fgb"));
      g_assert_cmpint (g_mkdir_with_parents (parent, 0755), ==, 0);
      /* Another run may have made it meanwhile: keep the first. */
      if (g_rename (made, cached) != 0)
        lsm_test_remove_dir (made);
      g_print ("  %u sites: data made in %.1f s, kept in %s\n", n, (g_get_monotonic_time () - start) / 1e6,
               cached);
    }

  data->dir = g_steal_pointer (&cached);
  data->gpkg = g_build_filename (data->dir, "sites.gpkg", NULL);
  data->fgb = g_build_filename (data->dir, "sites.fgb", NULL);
}

/* The synthetic GeoPackage of @n_sites, the tables beside it. */
char *
lsm_bench_cached_gpkg (guint n_sites)
{
  g_auto(BenchData) data = { 0 };

  bench_data_get (n_sites, &data);
  return g_steal_pointer (&data.gpkg);
}

static void
bench_export (LsmScene   *scene,
              const char *label)
{
  g_autofree char *dir = g_dir_make_tmp ("lsmap-bench-XXXXXX", NULL);
  const char *names[] = { "page.pdf", "page.png" };

  for (guint f = 0; f < G_N_ELEMENTS (names); f++)
    {
      g_autofree char *path = g_build_filename (dir, names[f], NULL);
      g_autofree double *ms = g_new (double, n_runs);

      for (guint run = 0; run < n_runs; run++)
        {
          g_auto(LsmPageOptions) page;
          gint64 start;

          lsm_page_options_init (&page);
          page.dpi = 300;
          start = g_get_monotonic_time ();
          g_assert_true (lsm_page_export (scene, NULL, &page, path, NULL, NULL));
          ms[run] = (g_get_monotonic_time () - start) / 1000.0;
        }
      g_print ("| %s | %s | %.0f |\n", label, names[f] + 5, lsm_test_median (ms, n_runs));
    }
  lsm_test_remove_dir (dir);
}

/* Loads: ours against a bare OGR read of the same files, alternated, @runs of each; the first
 * load of the GeoPackage was timed already (@gpkg_ms). */
static void
bench_loads (const BenchData *data,
             guint            n,
             guint            runs,
             double           gpkg_ms,
             GPtrArray       *rows)
{
  const struct { const char *format; const char *path; const char *sites; } sources[] = {
    { "GeoJSON", data->dir, NULL },
    { "GeoPackage", data->gpkg, data->gpkg },
    { "FlatGeobuf", data->fgb, data->fgb },
  };

  for (guint s = 0; s < G_N_ELEMENTS (sources); s++)
    {
      g_auto(GStrv) files = lsm_test_files_read_by_load (data->dir, sources[s].sites);
      g_autofree double *ours = g_new (double, runs);
      g_autofree double *ogr = g_new (double, runs);

      for (guint run = 0; run < runs; run++)
        {
          ogr[run] = lsm_test_time_ogr_read ((const char * const *) files);
          if (run == 0 && sources[s].path == data->gpkg)
            ours[run] = gpkg_ms;
          else
            g_object_unref (load (sources[s].path, &ours[run]));
        }
      add_row (rows, g_strdup_printf ("| %u | %s | %u | %.0f | %.0f | %.2f× |", n, sources[s].format, runs,
                                      lsm_test_median (ours, runs), lsm_test_median (ogr, runs),
                                      lsm_test_median (ours, runs) / lsm_test_median (ogr, runs)));
    }
}

/* What the window makes in its scene thread before it shows a scene (the match of every site
 * and its clusters, seconds at a million sites): made here too, or the first tile would make it
 * on the main loop while the frames wait. */
static void
prepare_scene (LsmScene *scene,
               guint     n)
{
  gint64 start = g_get_monotonic_time ();

  lsm_scene_prepare (scene);
  g_print ("  %u sites: scene prepared in %.0f ms\n", n, (g_get_monotonic_time () - start) / 1000.0);
}

/* Pan and zoom at one size, as one row of the frames' table. */
static void
bench_size_frames (LsmScene  *scene,
                   guint      n,
                   GPtrArray *rows)
{
  FrameStats pan_empty, pan_ours, zoom_empty, zoom_ours;

  bench_frames (scene, PAN, &pan_empty, &pan_ours);
  bench_frames (scene, ZOOM, &zoom_empty, &zoom_ours);
  add_row (rows, g_strdup_printf ("| %u | %.1f | %.1f | %.2f× | %.0f + %.0f | %.1f | %.1f | %.2f× | %.0f + %.0f |",
                                  n, pan_empty.work_p50, pan_ours.work_p50,
                                  pan_ours.work_p50 / pan_empty.work_p50,
                                  pan_ours.symbols, pan_ours.clusters,
                                  zoom_empty.work_p50, zoom_ours.work_p50,
                                  zoom_ours.work_p50 / zoom_empty.work_p50,
                                  zoom_ours.symbols, zoom_ours.clusters));
}

static void
print_frame_table (GPtrArray *rows)
{
  g_print ("\n| sites | pan p50 (ms): empty map | with sites | ÷ empty | drawn per frame: symbols + clusters | zoom p50 (ms): empty map | with sites | ÷ empty | drawn per frame |\n");
  g_print ("|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
  for (guint i = 0; i < rows->len; i++)
    g_print ("%s\n", (char *) rows->pdata[i]);
}

/* --frames SIZE: the frames' row of one size alone, its GeoPackage loaded once. */
static int
bench_frames_only (guint n)
{
  g_auto(BenchData) data = { 0 };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(LsmCatalog) catalog = NULL;
  g_autoptr(LsmScene) scene = NULL;
  double ms;

  bench_data_get (n, &data);
  catalog = load (data.gpkg, &ms);
  scene = lsm_scene_new (catalog);
  g_print ("  %u sites: loaded in %.0f ms\n", n, ms);
  prepare_scene (scene, n);
  bench_size_frames (scene, n, rows);
  print_frame_table (rows);

  return 0;
}

int
main (int   argc,
      char *argv[])
{
  const guint all_sizes[] = { 1000, 10000, 100000, 1000000 };
  int frames_size = 0, runs_option = 0, window_size = 0, cancel_size = 0;
  gboolean start_only = FALSE;
  const GOptionEntry entries[] = {
    { "frames", 0, 0, G_OPTION_ARG_INT, &frames_size, "Only the pan and zoom frames at SIZE sites", "SIZE" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs_option, "Repetitions of each figure (default 3)", "RUNS" },
    { "window-load", 0, 0, G_OPTION_ARG_INT, &window_size, "Only the window loading SITES sites", "SITES" },
    { "window-cancel", 0, 0, G_OPTION_ARG_INT, &cancel_size, "Only that load cancelled, and the memory it leaves", "SITES" },
    { "start", 0, 0, G_OPTION_ARG_NONE, &start_only, "Only exec to the first frame, against a bare window", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("[MAX_SITES [RUNS]]");
  g_autoptr(GError) error = NULL;
  guint max_sites;
  g_autoptr(GPtrArray) frame_rows = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) load_rows = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) memory_rows = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) gpkgs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(LsmScene) scene_100k = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);
  max_sites = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 1000000;
  if (argc > 2)
    n_runs = MAX (1, (guint) g_ascii_strtoull (argv[2], NULL, 10));
  if (runs_option > 0)
    n_runs = runs_option;

  setlocale (LC_ALL, "C.UTF-8");
  /* Rows as they come, so a long run shows where it is. */
  setvbuf (stdout, NULL, _IOLBF, 0);

  /* --start: only exec to the first frame, which needs no synthetic data. */
  if (start_only)
    {
      bench_start ();
      return 0;
    }

  adw_init ();
  lsm_loader_ensure_drivers ();
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    RESOURCE_BASE "/icons");
  if (window_size > 0)
    return lsm_bench_window_load_only (window_size);
  if (cancel_size > 0)
    return lsm_bench_window_cancel_only (cancel_size);

  g_print ("lsmap benchmark — GSK renderer %s, 1024×768 map, %d frames per motion, medians of %u runs\n",
           g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "default", N_FRAMES, n_runs);
  if (frames_size > 0)
    return bench_frames_only (frames_size);

  for (guint i = 0; i < G_N_ELEMENTS (all_sizes) && all_sizes[i] <= max_sites; i++)
    {
      guint n = all_sizes[i];
      guint runs = n >= 1000000 ? 1 : n_runs;
      g_auto(BenchData) data = { 0 };
      g_autoptr(LsmCatalog) catalog = NULL;
      g_autoptr(LsmScene) scene = NULL;
      double before, after_load, after_scene, ms;

      bench_data_get (n, &data);

      /* Memory kept: the catalog, then the scene with its index and the clusters of every site
       * (what the window's scene thread makes). This load is also the first timed GeoPackage
       * load: a million sites take tens of seconds to load. */
      before = lsm_bench_resident_bytes ();
      catalog = load (data.gpkg, &ms);
      after_load = lsm_bench_resident_bytes ();
      scene = lsm_scene_new (catalog);
      prepare_scene (scene, n);
      after_scene = lsm_bench_resident_bytes ();
      add_row (memory_rows, g_strdup_printf ("| %u | %.0f | %.0f |", n, (after_load - before) / n,
                                             (after_scene - after_load) / n));

      if (n >= 100000)
        bench_loads (&data, n, runs, ms, load_rows);
      bench_size_frames (scene, n, frame_rows);
      if (n == 100000)
        scene_100k = g_object_ref (scene);

      g_ptr_array_add (gpkgs, g_steal_pointer (&data.gpkg));
    }

  print_frame_table (frame_rows);

  g_print ("\n| sites | format | runs | load (ms) | bare OGR read (ms) | load ÷ OGR |\n|---:|---|---:|---:|---:|---:|\n");
  for (guint i = 0; i < load_rows->len; i++)
    g_print ("%s\n", (char *) load_rows->pdata[i]);

  g_print ("\n| sites | kept by the catalog (bytes/site) | scene, index and clusters (bytes/site) |\n|---:|---:|---:|\n");
  for (guint i = 0; i < memory_rows->len; i++)
    g_print ("%s\n", (char *) memory_rows->pdata[i]);

  bench_start ();

  lsm_turn_log_install (50);
  g_print ("\n| window loading large data | to sites drawn (ms) | longest main-loop stall (ms) |\n|---|---:|---:|\n");
  for (guint i = 0; i < gpkgs->len; i++)
    if (all_sizes[i] >= 100000)
      lsm_bench_window_load (gpkgs->pdata[i], all_sizes[i]);

  g_print ("\n| A4 page, 300 dpi | format | time (ms) |\n|---|---|---:|\n");
  {
    g_autoptr(LsmLoader) loader = lsm_loader_new (NULL);
    g_autoptr(LsmCatalog) catalog = lsm_loader_load (loader, NULL, NULL);
    g_autoptr(LsmScene) scene = lsm_scene_new (catalog);

    bench_export (scene, "bundled data");
    if (scene_100k != NULL)
      bench_export (scene_100k, "100000 sites");
  }

  return 0;
}
