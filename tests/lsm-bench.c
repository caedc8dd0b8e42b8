/* lsm-bench.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* make bench: one run, one table. Synthetic sites (1k, 10k, 100k) over the province; load time
 * against a bare OGR read loop of the same files; frame time while panning for the empty map, our
 * sites layer and a ShumateMarkerLayer with one marker per site; time to the first frame of the
 * real window on the bundled data. Not a test: numbers vary with the machine. */

#include "config.h"

#include <locale.h>
#include <math.h>

#include <adwaita.h>
#include <glib/gstdio.h>
#include <gdal.h>
#include <ogr_api.h>

#include "lsm-base-map-source.h"
#include "lsm-catalog.h"
#include "lsm-feature.h"
#include "lsm-filter.h"
#include "lsm-loader.h"
#include "lsm-map-view.h"
#include "lsm-page.h"
#include "lsm-scene.h"
#include "lsm-sites-layer.h"
#include "lsm-style.h"
#include "lsm-test-utils.h"
#include "lsm-vocab.h"
#include "lsm-window.h"

#define N_FRAMES 60

/* What any GDAL program must do at least: open each file and read every field of every feature. */
static double
time_ogr_loop (const char *dir)
{
  const char *files[] = { "districts.geojson", "province.geojson", "context.geojson", "sites.geojson" };
  gint64 start = g_get_monotonic_time ();
  volatile double sink = 0;

  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    {
      g_autofree char *path = g_build_filename (dir, files[f], NULL);
      GDALDatasetH ds = GDALOpenEx (path, GDAL_OF_VECTOR | GDAL_OF_READONLY, NULL, NULL, NULL);
      OGRLayerH layer = GDALDatasetGetLayer (ds, 0);
      OGRFeatureH feature;

      while ((feature = OGR_L_GetNextFeature (layer)) != NULL)
        {
          OGRGeometryH geometry = OGR_F_GetGeometryRef (feature);

          for (int i = 0; i < OGR_F_GetFieldCount (feature); i++)
            sink += strlen (OGR_F_GetFieldAsString (feature, i));
          if (geometry != NULL)
            sink += OGR_G_GetPointCount (geometry);
          OGR_F_Destroy (feature);
        }
      GDALClose (ds);
    }

  return (g_get_monotonic_time () - start) / 1000.0;
}

static double
time_load (const char  *dir,
           LsmCatalog **out)
{
  double best = INFINITY;

  for (int run = 0; run < 2; run++)
    {
      g_autoptr(LsmLoader) loader = lsm_loader_new (dir);
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();

      g_clear_object (out);
      *out = lsm_loader_load (loader, NULL, &error);
      g_assert_no_error (error);
      best = MIN (best, (g_get_monotonic_time () - start) / 1000.0);
    }

  return best;
}

typedef struct
{
  GtkWidget       *window;
  ShumateViewport *viewport;
  GArray          *work;    /* ms per frame, before-paint to after-paint */
  gint64           paint_start;
  gint64           first;
  gint64           last;
  guint            frame;
  gboolean         done;
} Pan;

static void
on_before_paint (GdkFrameClock *clock,
                 Pan           *pan)
{
  pan->paint_start = g_get_monotonic_time ();
}

static void
on_after_paint (GdkFrameClock *clock,
                Pan           *pan)
{
  double ms = (g_get_monotonic_time () - pan->paint_start) / 1000.0;

  if (pan->frame > 5)
    g_array_append_val (pan->work, ms);
}

static gboolean
pan_tick (GtkWidget     *widget,
          GdkFrameClock *clock,
          gpointer       data)
{
  Pan *pan = data;
  double lat = shumate_location_get_latitude (SHUMATE_LOCATION (pan->viewport));
  double lon = shumate_location_get_longitude (SHUMATE_LOCATION (pan->viewport));

  pan->frame++;
  if (pan->frame == 6)
    pan->first = g_get_monotonic_time ();
  if (pan->frame >= N_FRAMES + 6)
    {
      pan->last = g_get_monotonic_time ();
      pan->done = TRUE;
      return G_SOURCE_REMOVE;
    }

  /* A slow circle: every frame moves, tiles are mostly cached, like a user's drag. */
  shumate_location_set_location (SHUMATE_LOCATION (pan->viewport),
                                 lat + 0.004 * sin (pan->frame / 6.0), lon + 0.004 * cos (pan->frame / 6.0));
  return G_SOURCE_CONTINUE;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

typedef struct
{
  double work_p50;
  double fps;
} FrameStats;

static FrameStats
measure_pan (GtkWidget       *window,
             ShumateViewport *viewport)
{
  Pan pan = { window, viewport, g_array_new (FALSE, FALSE, sizeof (double)) };
  GdkFrameClock *clock;
  FrameStats stats;
  gulong before, after;

  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);
  /* Let the first tiles arrive. */
  for (int i = 0; i < 50; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;

  clock = gtk_widget_get_frame_clock (window);
  before = g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), &pan);
  after = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &pan);
  gtk_widget_add_tick_callback (window, pan_tick, &pan, NULL);

  while (!pan.done)
    g_main_context_iteration (NULL, TRUE);

  g_signal_handler_disconnect (clock, before);
  g_signal_handler_disconnect (clock, after);
  g_array_sort (pan.work, compare_doubles);
  stats.work_p50 = pan.work->len > 0 ? g_array_index (pan.work, double, pan.work->len / 2) : NAN;
  stats.fps = N_FRAMES / ((pan.last - pan.first) / (double) G_USEC_PER_SEC);
  g_array_unref (pan.work);

  return stats;
}

static GtkWidget *
make_map_window (LsmCatalog  *catalog,
                 gboolean     with_sites,
                 LsmMapView **out_view)
{
  GtkWidget *window = gtk_window_new ();
  LsmMapView *view = g_object_new (LSM_TYPE_MAP_VIEW, NULL);
  g_autoptr(LsmScene) scene = lsm_scene_new (catalog);
  g_autoptr(LsmFilter) filter = lsm_filter_new (lsm_catalog_get_sites (catalog));

  if (!with_sites)
    lsm_filter_show_only_sectors (filter, NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  lsm_map_view_set_data (view, scene, filter);
  *out_view = view;

  return window;
}

static FrameStats
bench_map (LsmCatalog *catalog,
           gboolean    with_sites)
{
  LsmMapView *view;
  GtkWidget *window = make_map_window (catalog, with_sites, &view);
  FrameStats stats = measure_pan (window, lsm_map_view_get_viewport (view));

  gtk_window_destroy (GTK_WINDOW (window));
  return stats;
}

static FrameStats
bench_markers (LsmCatalog *catalog,
               double     *build_ms)
{
  LsmMapView *view;
  GtkWidget *window = make_map_window (catalog, FALSE, &view);
  ShumateViewport *viewport = lsm_map_view_get_viewport (view);
  ShumateMarkerLayer *layer = shumate_marker_layer_new (viewport);
  GListModel *sites = lsm_catalog_get_sites (catalog);
  gint64 start = g_get_monotonic_time ();
  FrameStats stats;

  for (guint i = 0; i < g_list_model_get_n_items (sites); i++)
    {
      g_autoptr(LsmFeature) site = g_list_model_get_item (sites, i);
      ShumateMarker *marker = shumate_marker_new ();
      double lon, lat;

      if (!lsm_feature_get_location (site, &lon, &lat))
        continue;
      shumate_location_set_location (SHUMATE_LOCATION (marker), lat, lon);
      shumate_marker_set_child (marker, gtk_image_new_from_icon_name (lsm_sector_get_icon_name (lsm_feature_get_sector (site))));
      shumate_marker_layer_add_marker (layer, marker);
    }
  *build_ms = (g_get_monotonic_time () - start) / 1000.0;
  shumate_simple_map_add_overlay_layer (lsm_map_view_get_map (view), SHUMATE_LAYER (layer));

  stats = measure_pan (window, viewport);
  gtk_window_destroy (GTK_WINDOW (window));

  return stats;
}

static gboolean
window_loaded (gpointer data)
{
  return lsm_window_get_catalog (data) != NULL;
}

static void
on_first_paint (GdkFrameClock *clock,
                gint64        *when)
{
  if (*when == 0)
    *when = g_get_monotonic_time ();
}

/* From creating the window to the first frame that shows the loaded data. */
static double
bench_first_frame (void)
{
  gint64 start = g_get_monotonic_time ();
  LsmWindow *window = lsm_window_new (NULL);
  gint64 painted = 0;
  gulong handler;
  GdkFrameClock *clock;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  lsm_window_load (window, NULL);
  while (!window_loaded (window))
    g_main_context_iteration (NULL, TRUE);

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_first_paint), &painted);
  while (painted == 0)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
  gtk_window_destroy (GTK_WINDOW (window));

  return (painted - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  const guint sizes[] = { 1000, 10000, 100000 };
  FrameStats empty;
  double first_frame;

  setlocale (LC_ALL, "C.UTF-8");
  adw_init ();
  GDALAllRegister ();
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    RESOURCE_BASE "/icons");

  g_print ("lsmap benchmark — GSK renderer %s, %d frames panned per map, 1024×768 map\n\n",
           g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "default", N_FRAMES);
  g_print ("| sites | load (ms) | bare OGR loop (ms) | load ÷ OGR | pan frame p50 (ms): empty map | our layer | our ÷ empty | fps, our layer | marker layer p50 (ms) | fps, markers | our layer set-up (ms) | markers build (ms) | markers ÷ ours, set-up |\n");
  g_print ("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *dir = lsm_test_make_synthetic_dir (sizes[i], 0);
      g_autoptr(LsmCatalog) catalog = NULL;
      /* Best of two for both, so neither gains from a warm file cache alone. */
      double ogr = MIN (time_ogr_loop (dir), time_ogr_loop (dir));
      double load = time_load (dir, &catalog);
      FrameStats ours, markers = { NAN, NAN };
      double build = NAN, setup;
      gint64 start;

      /* What putting the sites on the map costs our layer: projecting and matching them once. */
      start = g_get_monotonic_time ();
      {
        g_autoptr(LsmScene) scene = lsm_scene_new (catalog);
        g_autoptr(LsmSiteMatch) match = lsm_scene_match_sites (scene, NULL);

        g_assert_cmpuint (lsm_site_match_get_n_sites (match), ==, sizes[i]);
      }
      setup = (g_get_monotonic_time () - start) / 1000.0;

      empty = bench_map (catalog, FALSE);
      ours = bench_map (catalog, TRUE);
      if (sizes[i] <= 10000)
        markers = bench_markers (catalog, &build);

      g_print ("| %u | %.0f | %.0f | %.2f× | %.1f | %.1f | %.2f× | %.0f | %.1f | %.1f | %.1f | %.0f | %.0f× |\n",
               sizes[i], load, ogr, load / ogr, empty.work_p50, ours.work_p50, ours.work_p50 / empty.work_p50,
               ours.fps, markers.work_p50, markers.fps, setup, build, build / setup);
      lsm_test_remove_dir (dir);
    }

  first_frame = bench_first_frame ();
  g_print ("\nFirst frame of the window on the bundled data: %.0f ms\n", first_frame);

  /* The hand-out page: A4 at 300 dpi, all sites, best of three. */
  {
    g_autoptr(LsmLoader) loader = lsm_loader_new (NULL);
    g_autoptr(LsmCatalog) bundled = lsm_loader_load (loader, NULL, NULL);
    g_autoptr(LsmScene) scene = lsm_scene_new (bundled);
    g_autofree char *dir = g_dir_make_tmp ("lsmap-bench-XXXXXX", NULL);
    const char *names[] = { "page.pdf", "page.png" };

    g_print ("\n| A4 page, 300 dpi | time (ms) |\n|---|---:|\n");
    for (guint f = 0; f < G_N_ELEMENTS (names); f++)
      {
        g_autofree char *path = g_build_filename (dir, names[f], NULL);
        double best = INFINITY;

        for (int run = 0; run < 3; run++)
          {
            g_auto(LsmPageOptions) page;
            gint64 start;

            lsm_page_options_init (&page);
            page.dpi = 300;
            start = g_get_monotonic_time ();
            g_assert_true (lsm_page_export (scene, NULL, &page, path, NULL, NULL));
            best = MIN (best, (g_get_monotonic_time () - start) / 1000.0);
          }
        g_print ("| %s | %.0f |\n", names[f] + 5, best);
      }
    lsm_test_remove_dir (dir);
  }

  return 0;
}
