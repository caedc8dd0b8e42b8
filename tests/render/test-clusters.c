/* test-clusters.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <locale.h>
#include <math.h>

#include "lsm-catalog.h"
#include "lsm-clusters.h"
#include "lsm-feature.h"
#include "lsm-filter.h"
#include "lsm-loader.h"
#include "lsm-scene.h"
#include "lsm-test-utils.h"

/* Dense synthetic data, as the map and the page show it: at every zoom and scale each site of
 * the filter's model is one symbol or in exactly one cluster, and the counts add up to the
 * model's. */

#define N_SITES 4000
#define N_ON_ONE_POINT 40

static LsmCatalog *catalog;
static LsmScene *scene;

/* A view over every site at @zoom and @scale, so nothing is culled. */
static void
view_over_all (LsmView *view,
               double   zoom,
               double   scale)
{
  LsmBounds bounds;
  double x0, y0, x1, y1, size = LSM_TILE_SIZE * exp2 (zoom);

  g_assert_true (lsm_catalog_get_bounds (catalog, &bounds));
  lsm_mercator_from_lonlat (106.1, 22.5, &x0, &y0);
  lsm_mercator_from_lonlat (107.4, 21.3, &x1, &y1);
  *view = (LsmView) { x0 * size - 40, y0 * size - 40, zoom, (x1 - x0) * size + 80, (y1 - y0) * size + 80, scale };
}

/* Counts how often each site is drawn, as a symbol or a cluster's member. */
static GHashTable *
tally (LsmSiteMatch *match,
       const LsmView *view,
       guint        *n_symbols,
       guint        *n_clusters,
       guint        *total)
{
  GHashTable *seen = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) clusters = g_array_new (FALSE, FALSE, sizeof (LsmClusterPlacement));
  g_autoptr(GArray) placements = lsm_scene_place_matched (scene, view, match, clusters);
  LsmClusters *index = lsm_site_match_get_clusters (match);

  *total = 0;
  for (guint i = 0; i < placements->len; i++)
    {
      LsmFeature *site = g_array_index (placements, LsmPlacement, i).site;

      g_hash_table_insert (seen, site, GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (seen, site)) + 1));
      (*total)++;
    }
  for (guint i = 0; i < clusters->len; i++)
    {
      const LsmClusterPlacement *c = &g_array_index (clusters, LsmClusterPlacement, i);

      g_assert_cmpuint (c->count, >=, 2);
      for (guint k = 0; k < c->count; k++)
        {
          LsmFeature *site = lsm_clusters_get_member (index, c->first + k);

          g_hash_table_insert (seen, site, GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (seen, site)) + 1));
        }
      *total += c->count;
    }
  *n_symbols = placements->len;
  *n_clusters = clusters->len;

  return seen;
}

static void
check_every_site_once (LsmFilter *filter)
{
  g_autoptr(LsmSiteMatch) match = lsm_scene_match_sites (scene, filter);
  GListModel *model = G_LIST_MODEL (filter);
  guint n_items = g_list_model_get_n_items (model);
  gboolean clustered_low = FALSE;
  const double scales[] = { 1.0, 300.0 / 72 / 1.5 };

  for (guint s = 0; s < G_N_ELEMENTS (scales); s++)
    for (double zoom = 6; zoom <= 22; zoom += 0.75)
      {
        g_autoptr(GHashTable) seen = NULL;
        guint n_symbols, n_clusters, total;
        LsmView view;

        view_over_all (&view, zoom, scales[s]);
        seen = tally (match, &view, &n_symbols, &n_clusters, &total);

        g_assert_cmpuint (total, ==, n_items);
        g_assert_cmpuint (g_hash_table_size (seen), ==, n_items);
        for (guint i = 0; i < n_items; i++)
          {
            g_autoptr(LsmFeature) site = g_list_model_get_item (model, i);

            g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (seen, site)), ==, 1);
          }

        /* Zoomed out on dense data, clusters keep a frame to a few hundred symbols. */
        if (zoom - log2 (scales[s]) <= 9)
          {
            g_assert_cmpuint (n_clusters, >, 0);
            g_assert_cmpuint (n_symbols + n_clusters, <, 800);
            clustered_low = TRUE;
          }
      }

  g_assert_true (clustered_low);
}

static void
test_clusters_every_site_once (void)
{
  g_autoptr(LsmFilter) filter = lsm_filter_new (lsm_catalog_get_sites (catalog));

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filter)), ==, N_SITES);
  check_every_site_once (filter);
}

/* The counts are the filter's model's, not the catalog's. */
static void
test_clusters_follow_the_filter (void)
{
  g_autoptr(LsmFilter) filter = lsm_filter_new (lsm_catalog_get_sites (catalog));

  lsm_filter_set_sector_visible (filter, lsm_test_sector ("hydro"), FALSE);
  lsm_filter_set_sector_visible (filter, lsm_test_sector ("quarry"), FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filter)), <, N_SITES);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filter)), >, 0);
  check_every_site_once (filter);
}

/* Sites on one point make a cluster no zoom splits: it knows so, and lists exactly them. */
static void
test_clusters_one_point_lists_members (void)
{
  g_autoptr(LsmSiteMatch) match = lsm_scene_match_sites (scene, NULL);
  LsmClusters *index = lsm_site_match_get_clusters (match);

  for (double zoom = 14; zoom <= 24; zoom += 1)
    {
      g_autoptr(GArray) clusters = g_array_new (FALSE, FALSE, sizeof (LsmClusterPlacement));
      g_autoptr(GArray) placements = NULL;
      const LsmClusterPlacement *shared = NULL;
      double min_mx, min_my, max_mx, max_my;
      LsmView view;

      view_over_all (&view, zoom, 1.0);
      placements = lsm_scene_place_matched (scene, &view, match, clusters);
      for (guint i = 0; i < clusters->len; i++)
        if (g_array_index (clusters, LsmClusterPlacement, i).one_point)
          {
            g_assert_null (shared);
            shared = &g_array_index (clusters, LsmClusterPlacement, i);
          }

      g_assert_nonnull (shared);
      g_assert_cmpuint (shared->count, ==, N_ON_ONE_POINT);
      lsm_clusters_get_extent (index, shared, &min_mx, &min_my, &max_mx, &max_my);
      g_assert_cmpfloat (min_mx, ==, max_mx);
      g_assert_cmpfloat (min_my, ==, max_my);
      for (guint k = 0; k < shared->count; k++)
        {
          LsmFeature *site = lsm_clusters_get_member (index, shared->first + k);
          double lon, lat;

          g_assert_true (lsm_feature_get_location (site, &lon, &lat));
          g_assert_cmpfloat_with_epsilon (lon, 106.75, 1e-9);
          g_assert_cmpfloat_with_epsilon (lat, 21.85, 1e-9);
        }

      /* Deep enough, the other sites are their own symbols. */
      if (zoom >= 20)
        g_assert_cmpuint (placements->len, >, N_SITES * 9 / 10);
    }
}

/* A cluster does not depend on where the view is, only on the zoom: panning does not
 * reshuffle what the user is looking at. */
static void
test_clusters_stable_when_panning (void)
{
  g_autoptr(LsmSiteMatch) match = lsm_scene_match_sites (scene, NULL);
  g_autoptr(GArray) a = g_array_new (FALSE, FALSE, sizeof (LsmClusterPlacement));
  g_autoptr(GArray) b = g_array_new (FALSE, FALSE, sizeof (LsmClusterPlacement));
  g_autoptr(GArray) pa = NULL, pb = NULL;
  LsmView va, vb;
  guint compared = 0;

  view_over_all (&va, 10, 1.0);
  va.width = 1024;
  va.height = 768;
  va.x += 200;
  va.y += 200;
  vb = va;
  vb.x += 300;
  vb.y += 120;
  pa = lsm_scene_place_matched (scene, &va, match, a);
  pb = lsm_scene_place_matched (scene, &vb, match, b);

  for (guint i = 0; i < a->len; i++)
    {
      const LsmClusterPlacement *ca = &g_array_index (a, LsmClusterPlacement, i);
      gboolean found = FALSE;

      /* Well inside both views. */
      if (ca->x < 350 || ca->y < 170 || ca->x > 974 || ca->y > 718)
        continue;
      for (guint j = 0; j < b->len && !found; j++)
        {
          const LsmClusterPlacement *cb = &g_array_index (b, LsmClusterPlacement, j);

          found = cb->count == ca->count && fabs (cb->x + 300 - ca->x) < 1e-6 && fabs (cb->y + 120 - ca->y) < 1e-6;
        }
      g_assert_true (found);
      compared++;
    }
  g_assert_cmpuint (compared, >, 5);
}

/* The base map's tiles place their labels clear of every site's symbol and cluster. Clustering
 * every site takes seconds at a million: made once per scene (the window does it in the scene's
 * thread), never again on the main loop for each zoom's tiles. */
static void
test_clusters_tiles_cluster_once (void)
{
  g_autoptr(LsmScene) fresh = lsm_scene_new (catalog);
  g_autoptr(LsmSiteMatch) every = lsm_scene_match_sites (fresh, NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, LSM_TILE_SIZE, LSM_TILE_SIZE);
  cairo_t *cr = cairo_create (surface);
  LsmSiteMatch *all;
  double mx, my;

  lsm_scene_prepare (fresh);
  all = lsm_scene_get_all_sites (fresh);
  g_assert_cmpuint (lsm_site_match_get_n_sites (all), ==, lsm_site_match_get_n_sites (every));
  g_assert_nonnull (lsm_site_match_get_clusters (all));

  lsm_mercator_from_lonlat (106.76, 21.85, &mx, &my);
  for (guint zoom = 7; zoom <= 11; zoom++)
    {
      LsmView view;

      lsm_view_init_tile (&view, (guint) (mx * exp2 (zoom)), (guint) (my * exp2 (zoom)), zoom);
      lsm_scene_draw (fresh, cr, &view, LSM_SCENE_BASE, NULL);
      g_assert_true (lsm_scene_get_all_sites (fresh) == all);
      g_assert_true (lsm_site_match_get_clusters (all) == lsm_site_match_get_clusters (lsm_scene_get_all_sites (fresh)));
    }

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* A thread's match of every site (the map's, whatever filter shows them all) is the scene's,
 * clustered once: a million sites are not clustered twice. One site fewer, or one twice in
 * place of another, is a match of its own. */
static void
test_clusters_every_site_shares_the_scene_match (void)
{
  g_autoptr(LsmScene) fresh = lsm_scene_new (catalog);
  GListModel *sites = lsm_catalog_get_sites (catalog);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(LsmSiteMatch) every = NULL;
  g_autoptr(LsmSiteMatch) fewer = NULL;
  g_autoptr(LsmSiteMatch) doubled = NULL;
  LsmSiteMatch *all;

  g_assert_null (lsm_scene_peek_all_sites (fresh));
  lsm_scene_prepare (fresh);
  all = lsm_scene_peek_all_sites (fresh);
  g_assert_nonnull (all);

  for (guint i = 0; i < g_list_model_get_n_items (sites); i++)
    g_ptr_array_add (items, g_list_model_get_item (sites, i));
  every = lsm_scene_match_items (fresh, items, all);
  g_assert_true (every == all);
  g_assert_true (lsm_site_match_get_clusters (every) == lsm_site_match_get_clusters (all));

  g_ptr_array_remove_index (items, items->len - 1);
  fewer = lsm_scene_match_items (fresh, items, all);
  g_assert_true (fewer != all);
  g_assert_cmpuint (lsm_site_match_get_n_sites (fewer), ==, lsm_site_match_get_n_sites (all) - 1);
  g_assert_cmpuint (lsm_clusters_get_n_sites (lsm_site_match_get_clusters (fewer)), ==,
                    lsm_site_match_get_n_sites (all) - 1);

  g_ptr_array_add (items, g_object_ref (g_ptr_array_index (items, 0)));
  doubled = lsm_scene_match_items (fresh, items, all);
  g_assert_true (doubled != all);
  g_assert_cmpuint (lsm_site_match_get_n_sites (doubled), ==, lsm_site_match_get_n_sites (all) - 1);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autoptr(LsmLoader) loader = NULL;
  g_autoptr(GError) error = NULL;
  int result;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  dir = lsm_test_make_synthetic_dir (N_SITES, N_ON_ONE_POINT);
  loader = lsm_loader_new (dir);
  catalog = lsm_loader_load (loader, NULL, &error);
  g_assert_no_error (error);
  scene = lsm_scene_new (catalog);

  g_test_add_func ("/lsm/clusters/every-site-once", test_clusters_every_site_once);
  g_test_add_func ("/lsm/clusters/follow-the-filter", test_clusters_follow_the_filter);
  g_test_add_func ("/lsm/clusters/one-point-lists-members", test_clusters_one_point_lists_members);
  g_test_add_func ("/lsm/clusters/stable-when-panning", test_clusters_stable_when_panning);
  g_test_add_func ("/lsm/clusters/tiles-cluster-once", test_clusters_tiles_cluster_once);
  g_test_add_func ("/lsm/clusters/every-site-shares-the-scene-match",
                   test_clusters_every_site_shares_the_scene_match);

  result = g_test_run ();
  g_clear_object (&scene);
  g_clear_object (&catalog);
  lsm_test_remove_dir (dir);

  return result;
}
