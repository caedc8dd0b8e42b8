/* lsm-scene-sites.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-scene"

#include "config.h"

#include <math.h>

#include "lsm-catalog.h"
#include "lsm-clusters.h"
#include "lsm-district-sites.h"
#include "lsm-feature.h"
#include "lsm-filter.h"
#include "lsm-scene-private.h"
#include "lsm-style.h"

/* Where site symbols go and how they are drawn as vectors. The screen layer, print and export
 * all place sites here, so a site is in the same spot in every output. */

double
_lsm_scene_fan_radius (guint count)
{
  /* In symbol radii; lsm_scene_place_sites() uses the same. */
  return count < 2 ? 0.0 : MAX (2.4, count * 2.3 / (2 * G_PI));
}

struct _LsmSiteMatch
{
  gatomicrefcount ref_count; /* the scene's match of every site is shared with the layers */
  GArray *entries;    /* const LsmSiteEntry *, in the scene's order */
  GArray *fan_index;  /* guint: position among the matched sites on the same point */
  GArray *fan_count;  /* guint: matched sites on the same point */
  LsmClusters *clusters; /* made on first use */
  GPtrArray *shapes;  /* const Shape *: the matched sites drawn as lines or areas */
};

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const LsmSiteEntry *ea = a, *eb = b;

  if (ea->my != eb->my)
    return ea->my < eb->my ? -1 : 1;
  if (ea->mx != eb->mx)
    return ea->mx < eb->mx ? -1 : 1;

  return (int) lsm_feature_get_sector (ea->site) - (int) lsm_feature_get_sector (eb->site);
}

/* Projects every mapped site once: the logs and tangents of Mercator stay out of the frame. */
GArray *
_lsm_scene_build_site_entries (LsmCatalog *catalog)
{
  GListModel *sites = lsm_catalog_get_sites (catalog);
  guint n = g_list_model_get_n_items (sites);
  GArray *entries = g_array_sized_new (FALSE, FALSE, sizeof (LsmSiteEntry), n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LsmFeature) site = g_list_model_get_item (sites, i);
      LsmSiteEntry entry = { site };
      double lon, lat;

      if (!lsm_feature_is_drawn_as_point (site) || !lsm_feature_get_location (site, &lon, &lat))
        continue;

      lsm_mercator_from_lonlat (lon, lat, &entry.mx, &entry.my);
      g_array_append_val (entries, entry);
    }

  g_array_sort (entries, compare_entries);

  for (guint i = 0; i < entries->len; i++)
    {
      LsmSiteEntry *entry = &g_array_index (entries, LsmSiteEntry, i);
      const LsmSiteEntry *previous = i > 0 ? &g_array_index (entries, LsmSiteEntry, i - 1) : NULL;

      entry->group = previous != NULL && previous->mx == entry->mx && previous->my == entry->my
                     ? previous->group : i;
    }

  return entries;
}

GHashTable *
_lsm_scene_build_site_index (GArray *entries)
{
  GHashTable *index = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < entries->len; i++)
    g_hash_table_insert (index, g_array_index (entries, LsmSiteEntry, i).site, GUINT_TO_POINTER (i + 1));

  return index;
}

/* The match of the entries marked in @shown (%NULL: all). */
static LsmSiteMatch *
match_shown (GArray        *entries,
             const guint8  *shown)
{
  LsmSiteMatch *match = g_new0 (LsmSiteMatch, 1);

  g_atomic_ref_count_init (&match->ref_count);
  match->entries = g_array_new (FALSE, FALSE, sizeof (const LsmSiteEntry *));
  match->fan_index = g_array_new (FALSE, FALSE, sizeof (guint));
  match->fan_count = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < entries->len; )
    {
      guint group = g_array_index (entries, LsmSiteEntry, i).group;
      guint first = match->entries->len;
      guint j;

      for (j = i; j < entries->len && g_array_index (entries, LsmSiteEntry, j).group == group; j++)
        {
          const LsmSiteEntry *entry = &g_array_index (entries, LsmSiteEntry, j);
          guint index = match->entries->len - first;

          if (shown != NULL && !shown[j])
            continue;
          g_array_append_val (match->entries, entry);
          g_array_append_val (match->fan_index, index);
        }

      for (guint k = first; k < match->entries->len; k++)
        {
          guint count = match->entries->len - first;

          g_array_append_val (match->fan_count, count);
        }

      i = j;
    }

  return match;
}

/* Returns: whether @site was mapped and not yet marked. */
static gboolean
mark_shown (GHashTable *index,
            guint8     *shown,
            LsmFeature *site)
{
  guint position = GPOINTER_TO_UINT (g_hash_table_lookup (index, site));

  if (position == 0 || shown[position - 1])
    return FALSE;

  shown[position - 1] = TRUE;
  return TRUE;
}

/**
 * lsm_scene_match_sites:
 * @self: a scene
 * @filter: (nullable): which sites; %NULL for all
 *
 * Reads the filter's model, never a predicate of its own: a site is placed if and only if the
 * list and the counts hold it. Sites of the model that the scene has no position for are not.
 *
 * Returns: (transfer full): the mapped sites of @filter's model
 */
LsmSiteMatch *
lsm_scene_match_sites (LsmScene  *self,
                       LsmFilter *filter)
{
  GArray *entries = _lsm_scene_get_site_entries (self);
  g_autofree guint8 *shown = NULL;
  LsmSiteMatch *match;

  if (filter != NULL)
    {
      GHashTable *index = _lsm_scene_get_site_index (self);
      guint n = g_list_model_get_n_items (G_LIST_MODEL (filter));

      shown = g_malloc0 (MAX (entries->len, 1));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(LsmFeature) site = g_list_model_get_item (G_LIST_MODEL (filter), i);

          mark_shown (index, shown, site);
        }
    }

  match = match_shown (entries, shown);
  match->shapes = _lsm_scene_match_shapes (self, filter != NULL ? G_LIST_MODEL (filter) : NULL, NULL);
  return match;
}

/**
 * lsm_scene_match_items:
 * @self: a scene
 * @sites: (element-type LsmFeature): a copy of a filter's model, taken on its thread
 * @all: (nullable): lsm_scene_peek_all_sites(), read on the scene's thread
 *
 * lsm_scene_match_sites() for another thread: the scene is not changed after it is made, and
 * @sites is the caller's. When @sites shows every site, that is @all, whose clusters are made
 * already: at a million sites, clustering them again would take many seconds.
 *
 * Returns: (transfer full): the mapped sites of @sites
 */
LsmSiteMatch *
lsm_scene_match_items (LsmScene     *self,
                       GPtrArray    *sites,
                       LsmSiteMatch *all)
{
  GArray *entries = _lsm_scene_get_site_entries (self);
  GHashTable *index = _lsm_scene_get_site_index (self);
  g_autofree guint8 *shown = g_malloc0 (MAX (entries->len, 1));
  g_autoptr(GPtrArray) shapes = NULL;
  LsmSiteMatch *match;
  guint n_shown = 0;

  for (guint i = 0; i < sites->len; i++)
    n_shown += mark_shown (index, shown, g_ptr_array_index (sites, i));

  shapes = _lsm_scene_match_shapes (self, NULL, sites);
  /* As many of the same sites and shapes: the same ones. */
  if (all != NULL && n_shown == entries->len && shapes->len == all->shapes->len)
    return lsm_site_match_ref (all);

  match = match_shown (entries, shown);
  match->shapes = g_steal_pointer (&shapes);
  return match;
}

guint
lsm_site_match_get_n_sites (const LsmSiteMatch *match)
{
  return match->entries->len;
}

/**
 * lsm_site_match_ref:
 * @match: matched sites
 *
 * Returns: (transfer full): @match, with one more reference; lsm_site_match_free() drops one
 */
LsmSiteMatch *
lsm_site_match_ref (LsmSiteMatch *match)
{
  g_atomic_ref_count_inc (&match->ref_count);
  return match;
}

/**
 * lsm_site_match_free:
 * @match: matched sites
 *
 * Drops a reference to @match; the last one frees it.
 */
void
lsm_site_match_free (LsmSiteMatch *match)
{
  if (!g_atomic_ref_count_dec (&match->ref_count))
    return;

  g_array_unref (match->entries);
  g_array_unref (match->fan_index);
  g_array_unref (match->fan_count);
  g_clear_pointer (&match->clusters, lsm_clusters_free);
  g_clear_pointer (&match->shapes, g_ptr_array_unref);
  g_free (match);
}

GPtrArray *
_lsm_site_match_get_shapes (const LsmSiteMatch *match)
{
  return match->shapes;
}

/**
 * lsm_site_match_get_clusters:
 * @match: matched sites
 *
 * Builds the clusters of every zoom on first use, then keeps them with the match. Reads only
 * the match: the loader's thread may call it before the match is published.
 *
 * Returns: (transfer none): the clusters of the matched sites
 */
LsmClusters *
lsm_site_match_get_clusters (LsmSiteMatch *match)
{
  if (match->clusters == NULL)
    match->clusters = lsm_clusters_new ((const LsmSiteEntry *const *) match->entries->data,
                                        match->entries->len);

  return match->clusters;
}

/**
 * lsm_scene_place_matched:
 * @self: a scene
 * @view: the viewport
 * @match: the sites to place
 * @clusters: (nullable) (element-type LsmClusterPlacement): gets the clusters; %NULL to place
 *   every site as its own symbol
 *
 * Places the matched sites in view. Sites sharing a point are fanned out around it. With
 * @clusters, sites whose symbols would overlap become one cluster each, and the cost is that of
 * what the view shows; without, it is linear in the matched sites.
 *
 * Returns: (transfer full) (element-type LsmPlacement): placements, top to bottom
 */
GArray *
lsm_scene_place_matched (LsmScene     *self,
                         const LsmView *view,
                         LsmSiteMatch *match,
                         GArray       *clusters)
{
  double radius = LSM_SYMBOL_RADIUS * view->scale;
  double margin = 4 * radius;
  double size = LSM_TILE_SIZE * exp2 (view->zoom);
  double x0 = view->x - margin, y0 = view->y - margin;
  double x1 = view->x + view->width + margin, y1 = view->y + view->height + margin;
  GArray *placements = g_array_new (FALSE, FALSE, sizeof (LsmPlacement));

  g_return_val_if_fail (LSM_IS_SCENE (self), placements);

  if (clusters != NULL)
    {
      lsm_clusters_place (lsm_site_match_get_clusters (match), view, placements, clusters);
      return placements;
    }

  for (guint i = 0; i < match->entries->len; i++)
    {
      const LsmSiteEntry *e = g_array_index (match->entries, const LsmSiteEntry *, i);
      guint count = g_array_index (match->fan_count, guint, i);
      double wx = e->mx * size, wy = e->my * size;
      LsmPlacement p;

      if (wx < x0 || wx > x1 || wy < y0 || wy > y1)
        continue;

      p.site = e->site;
      p.anchor_x = p.x = wx - view->x;
      p.anchor_y = p.y = wy - view->y;
      if (count > 1)
        {
          double ring = _lsm_scene_fan_radius (count) * radius;
          double a = -G_PI / 2 + g_array_index (match->fan_index, guint, i) * 2 * G_PI / count;

          p.x += ring * cos (a);
          p.y += ring * sin (a);
        }
      g_array_append_val (placements, p);
    }

  return placements;
}

/**
 * lsm_scene_place_sites:
 * @self: a scene
 * @view: the viewport
 * @filter: (nullable): which sites to place
 * @clusters: (out) (optional) (transfer full) (element-type LsmClusterPlacement): the clusters
 *   at @view's zoom and scale; %NULL to place every site as its own symbol
 *
 * Places every mapped site of @filter's model, fanning out those that share a point.
 * Print and export use this; the screen layer keeps a #LsmSiteMatch.
 *
 * Returns: (transfer full) (element-type LsmPlacement): placements, in drawing order
 */
GArray *
lsm_scene_place_sites (LsmScene      *self,
                       const LsmView *view,
                       LsmFilter     *filter,
                       GArray       **clusters)
{
  g_autoptr(LsmSiteMatch) match = NULL;

  g_return_val_if_fail (LSM_IS_SCENE (self), NULL);

  match = lsm_scene_match_sites (self, filter);
  if (clusters != NULL)
    *clusters = g_array_new (FALSE, FALSE, sizeof (LsmClusterPlacement));
  return lsm_scene_place_matched (self, view, match, clusters != NULL ? *clusters : NULL);
}

/**
 * lsm_scene_draw_clusters:
 * @self: a scene
 * @cr: a cairo context in view coordinates
 * @view: the viewport
 * @clusters: (element-type LsmClusterPlacement): from lsm_scene_place_sites()
 */
void
lsm_scene_draw_clusters (LsmScene      *self,
                         cairo_t       *cr,
                         const LsmView *view,
                         GArray        *clusters)
{
  g_return_if_fail (LSM_IS_SCENE (self));

  for (guint i = 0; i < clusters->len; i++)
    {
      const LsmClusterPlacement *c = &g_array_index (clusters, LsmClusterPlacement, i);

      lsm_style_draw_cluster (cr, c->sector, c->count, c->x, c->y, c->radius);
    }
}

/**
 * lsm_scene_draw_sites:
 * @self: a scene
 * @cr: a cairo context in view coordinates
 * @view: the viewport
 * @placements: (element-type LsmPlacement): from lsm_scene_place_sites()
 *
 * Draws site symbols as vectors (print, PDF, SVG); leader lines tie fanned-out symbols to
 * their true point.
 */
void
lsm_scene_draw_sites (LsmScene      *self,
                      cairo_t       *cr,
                      const LsmView *view,
                      GArray        *placements)
{
  double radius = LSM_SYMBOL_RADIUS * view->scale;

  g_return_if_fail (LSM_IS_SCENE (self));

  cairo_save (cr);
  for (guint i = 0; i < placements->len; i++)
    {
      const LsmPlacement *p = &g_array_index (placements, LsmPlacement, i);

      if (p->x == p->anchor_x && p->y == p->anchor_y)
        continue;

      cairo_new_path (cr);
      cairo_move_to (cr, p->anchor_x, p->anchor_y);
      cairo_line_to (cr, p->x, p->y);
      cairo_set_source_rgba (cr, 0.2, 0.2, 0.2, 0.8);
      cairo_set_line_width (cr, 1.0 * view->scale);
      cairo_stroke (cr);
      cairo_arc (cr, p->anchor_x, p->anchor_y, 2.0 * view->scale, 0, 2 * G_PI);
      cairo_fill (cr);
    }

  for (guint i = 0; i < placements->len; i++)
    {
      const LsmPlacement *p = &g_array_index (placements, LsmPlacement, i);

      lsm_style_draw_symbol (cr, lsm_feature_get_sector (p->site),
                             lsm_feature_get_precision (p->site), p->x, p->y, radius);
    }
  cairo_restore (cr);
}

