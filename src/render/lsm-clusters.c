/* lsm-clusters.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-clusters"

#include "config.h"

#include <math.h>
#include <string.h>

#include "lsm-clusters.h"
#include "lsm-feature.h"
#include "lsm-scene.h"
#include "lsm-style.h"

/* Where symbols would overlap, one cluster symbol stands for them, so every site is drawn as a
 * symbol or counted in exactly one cluster at every zoom. The hierarchy is built once per data or
 * filter change, greedily from the finest level up (as supercluster does): at level z, nodes of
 * level z + 1 closer than MERGE_PX at zoom z to the first of them join it at their weighted
 * centre, if they hold MIN_SITES sites or more.
 * Members are ordered so that every node's members are one range, and each level is sorted by
 * tile, so placing a view reads only the nodes of the tiles it covers. */

#define MAX_LEVEL 20                      /* past it, only sites on one spot are grouped */
#define N_LEVELS  (MAX_LEVEL + 2)         /* 0 … MAX_LEVEL, then the spots themselves */
#define MERGE_PX  (4 * LSM_SYMBOL_RADIUS) /* closer than this, cluster symbols would overlap */
/* Fewer sites than this near one another stay symbols: overlapping a little, each still seen
 * and clicked, and the bundled data look as they did before clusters at the default zoom. */
#define MIN_SITES 6

typedef struct
{
  double  mx;
  double  my;
  guint   first;  /* into members */
  guint   count;
  guint8  sector;
  guint8  spot;   /* one spot, unmerged: drawn as its sites (fanned out) if few */
} Node;

typedef struct
{
  Node    *nodes;
  guint64 *keys;     /* tile of each node at key_zoom, row-major: nodes are sorted by it */
  guint    n_nodes;
  int      key_zoom; /* the lowest level that shares this one */
} Level;

struct _LsmClusters
{
  const LsmSiteEntry    **members;
  guint                   n_sites;
  Level                  *levels[N_LEVELS]; /* levels with no merges share the finer one */
  Level                  *unique[N_LEVELS];
  guint                   n_unique;
};

static inline guint64
tile_key (double mx,
          double my,
          int    zoom)
{
  double n = exp2 (zoom);
  guint64 tx = (guint64) CLAMP (floor (mx * n), 0, n - 1);
  guint64 ty = (guint64) CLAMP (floor (my * n), 0, n - 1);

  return ty << 32 | tx;
}

typedef struct
{
  guint64 key;
  guint   index;
} Keyed;

static int
compare_keyed (gconstpointer a,
               gconstpointer b)
{
  const Keyed *ka = a, *kb = b;

  if (ka->key != kb->key)
    return ka->key < kb->key ? -1 : 1;
  return ka->index < kb->index ? -1 : ka->index > kb->index;
}

/* The first position in @keyed (sorted) whose key is at least @key. */
static guint
lower_bound (const Keyed *keyed,
             guint        n,
             guint64      key)
{
  guint lo = 0, hi = n;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (keyed[mid].key < key)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

static guint8
dominant (const guint *counts,
          guint        n_sectors)
{
  guint8 best = 0;

  for (guint s = 1; s < n_sectors; s++)
    if (counts[s] > counts[best])
      best = s;

  return best;
}

/* Clusters @fine (level zoom + 1) into a new array; parent[i] is the new node of fine node i. */
static Node *
merge_level (const Node  *fine,
             const guint *fine_counts,
             guint        n_fine,
             int          zoom,
             guint       *parent,
             guint        n_sectors,
             guint      **counts_out,
             guint       *n_out)
{
  double r = MERGE_PX / (LSM_TILE_SIZE * exp2 (zoom));
  double cells = 1.0 / r;
  g_autofree Keyed *keyed = g_new (Keyed, MAX (n_fine, 1));
  g_autofree guint8 *taken = g_malloc0 (MAX (n_fine, 1));
  Node *nodes = g_new (Node, MAX (n_fine, 1));
  guint *counts = g_new0 (guint, (gsize) MAX (n_fine, 1) * n_sectors);
  g_autoptr(GArray) near = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n = 0;

  for (guint i = 0; i < n_fine; i++)
    {
      guint64 cx = (guint64) floor (fine[i].mx * cells), cy = (guint64) floor (fine[i].my * cells);

      keyed[i] = (Keyed) { cy << 32 | cx, i };
    }
  qsort (keyed, n_fine, sizeof *keyed, compare_keyed);

  /* In cell order, so clusters grow from one corner and no node waits on a far one. */
  for (guint k = 0; k < n_fine; k++)
    {
      guint i = keyed[k].index;
      guint64 cx = keyed[k].key & 0xffffffff, cy = keyed[k].key >> 32;
      double wx = 0, wy = 0;
      guint members = 0, total = 0;
      Node *node = &nodes[n];

      if (taken[i])
        continue;

      /* The untaken neighbours; too few sites among them stay symbols, as small fans do. */
      g_array_set_size (near, 0);
      for (guint64 row = cy > 0 ? cy - 1 : 0; row <= cy + 1; row++)
        {
          guint64 from = row << 32 | (cx > 0 ? cx - 1 : 0), to = row << 32 | (cx + 1);

          for (guint m = lower_bound (keyed, n_fine, from); m < n_fine && keyed[m].key <= to; m++)
            {
              guint j = keyed[m].index;
              double dx = fine[j].mx - fine[i].mx, dy = fine[j].my - fine[i].my;

              if (taken[j] || dx * dx + dy * dy > r * r)
                continue;

              g_array_append_val (near, j);
              total += fine[j].count;
            }
        }
      if (total < MIN_SITES)
        g_array_set_size (near, 0);
      if (near->len == 0)
        g_array_append_val (near, i);

      total = 0;
      for (guint m = 0; m < near->len; m++)
        {
          guint j = g_array_index (near, guint, m);

          taken[j] = TRUE;
          parent[j] = n;
          wx += fine[j].mx * fine[j].count;
          wy += fine[j].my * fine[j].count;
          total += fine[j].count;
          members++;
          for (guint s = 0; s < n_sectors; s++)
            counts[(gsize) n * n_sectors + s] += fine_counts[(gsize) j * n_sectors + s];
        }

      node->mx = members == 1 ? fine[i].mx : wx / total;
      node->my = members == 1 ? fine[i].my : wy / total;
      node->count = total;
      node->first = 0;
      node->spot = members == 1 && fine[i].spot;
      node->sector = dominant (&counts[(gsize) n * n_sectors], n_sectors);
      n++;
    }

  *counts_out = counts;
  *n_out = n;
  return g_renew (Node, nodes, MAX (n, 1));
}

static void
index_level (Level *level)
{
  g_autofree Keyed *keyed = g_new (Keyed, MAX (level->n_nodes, 1));
  Node *sorted = g_new (Node, MAX (level->n_nodes, 1));

  for (guint i = 0; i < level->n_nodes; i++)
    keyed[i] = (Keyed) { tile_key (level->nodes[i].mx, level->nodes[i].my, level->key_zoom), i };
  qsort (keyed, level->n_nodes, sizeof *keyed, compare_keyed);

  level->keys = g_new (guint64, MAX (level->n_nodes, 1));
  for (guint i = 0; i < level->n_nodes; i++)
    {
      sorted[i] = level->nodes[keyed[i].index];
      level->keys[i] = keyed[i].key;
    }
  g_free (level->nodes);
  level->nodes = sorted;
}

/**
 * lsm_clusters_new:
 * @points: (array length=n_points): the sites, those on one spot next to each other (as the
 *   scene sorts its entries)
 * @n_points: how many
 *
 * Builds the clusters of every zoom. Touches no GTK and no shared state: it may run in a thread.
 *
 * Returns: (transfer full): the clusters
 */
LsmClusters *
lsm_clusters_new (const LsmSiteEntry *const *points,
                  guint                     n_points)
{
  LsmClusters *self = g_new0 (LsmClusters, 1);
  g_autofree guint *parents[N_LEVELS] = { NULL };
  g_autofree guint *spot_start = NULL;
  guint *counts;
  Level *leaves = g_new0 (Level, 1);
  /* Read once: a user's own categories may add sectors while this runs in a thread. */
  guint n_sectors = lsm_sector_get_count ();
  guint n_spots = 0;

  self->n_sites = n_points;
  self->members = g_new (const LsmSiteEntry *, MAX (n_points, 1));

  /* The finest level: one node per spot. */
  leaves->nodes = g_new (Node, MAX (n_points, 1));
  spot_start = g_new (guint, MAX (n_points, 1));
  counts = g_new0 (guint, (gsize) MAX (n_points, 1) * n_sectors);
  for (guint i = 0; i < n_points; )
    {
      guint j = i;
      Node *node = &leaves->nodes[n_spots];

      while (j < n_points && points[j]->mx == points[i]->mx && points[j]->my == points[i]->my)
        counts[(gsize) n_spots * n_sectors + lsm_feature_get_sector (points[j++]->site)]++;

      *node = (Node) { points[i]->mx, points[i]->my, 0, j - i, 0, TRUE };
      node->sector = dominant (&counts[(gsize) n_spots * n_sectors], n_sectors);
      spot_start[n_spots++] = i;
      i = j;
    }
  leaves->n_nodes = n_spots;
  leaves->key_zoom = N_LEVELS - 1;
  self->levels[N_LEVELS - 1] = leaves;
  self->unique[self->n_unique++] = leaves;

  for (int z = N_LEVELS - 2; z >= 0; z--)
    {
      Level *fine = self->levels[z + 1];
      guint *coarse_counts = NULL;
      guint n = 0;
      guint *parent = g_new (guint, MAX (fine->n_nodes, 1));
      Node *nodes = merge_level (fine->nodes, counts, fine->n_nodes, z, parent, n_sectors, &coarse_counts, &n);

      if (n == fine->n_nodes)
        {
          /* Nothing merged: share the finer level, indexed for the coarsest zoom that reads it. */
          g_free (nodes);
          g_free (parent);
          g_free (coarse_counts);
          fine->key_zoom = z;
          self->levels[z] = fine;
          continue;
        }

      g_free (counts);
      counts = coarse_counts;
      parents[z + 1] = parent;
      self->levels[z] = g_new0 (Level, 1);
      self->levels[z]->nodes = nodes;
      self->levels[z]->n_nodes = n;
      self->levels[z]->key_zoom = z;
      self->unique[self->n_unique++] = self->levels[z];
    }
  g_free (counts);

  /* Member ranges, from the coarsest level down: a node's children split its range. */
  {
    guint first = 0;

    for (guint i = 0; i < self->levels[0]->n_nodes; i++)
      {
        self->levels[0]->nodes[i].first = first;
        first += self->levels[0]->nodes[i].count;
      }
  }
  for (int z = 0; z < N_LEVELS - 1; z++)
    {
      Level *coarse = self->levels[z], *fine = self->levels[z + 1];
      g_autofree guint *cursor = NULL;

      if (coarse == fine)
        continue;

      cursor = g_new0 (guint, MAX (coarse->n_nodes, 1));
      for (guint i = 0; i < fine->n_nodes; i++)
        {
          guint p = parents[z + 1][i];

          fine->nodes[i].first = coarse->nodes[p].first + cursor[p];
          cursor[p] += fine->nodes[i].count;
        }
    }
  for (guint s = 0; s < n_spots; s++)
    for (guint k = 0; k < leaves->nodes[s].count; k++)
      self->members[leaves->nodes[s].first + k] = points[spot_start[s] + k];

  for (guint u = 0; u < self->n_unique; u++)
    index_level (self->unique[u]);

  for (guint z = 0; z < N_LEVELS; z++)
    g_clear_pointer (&parents[z], g_free);

  return self;
}

void
lsm_clusters_free (LsmClusters *self)
{
  for (guint u = 0; u < self->n_unique; u++)
    {
      g_free (self->unique[u]->nodes);
      g_free (self->unique[u]->keys);
      g_free (self->unique[u]);
    }
  g_free (self->members);
  g_free (self);
}

guint
lsm_clusters_get_n_sites (const LsmClusters *self)
{
  return self->n_sites;
}

/**
 * lsm_clusters_get_member:
 * @self: clusters
 * @index: a member index, from a cluster's range
 *
 * Returns: (transfer none): the site
 */
LsmFeature *
lsm_clusters_get_member (const LsmClusters *self,
                         guint              index)
{
  g_return_val_if_fail (index < self->n_sites, NULL);

  return self->members[index]->site;
}

/**
 * lsm_clusters_get_extent:
 * @self: clusters
 * @cluster: one of them
 * @min_mx: (out): the members' bounds, in Web Mercator units
 * @min_my: (out):
 * @max_mx: (out):
 * @max_my: (out):
 */
void
lsm_clusters_get_extent (const LsmClusters         *self,
                         const LsmClusterPlacement *cluster,
                         double                    *min_mx,
                         double                    *min_my,
                         double                    *max_mx,
                         double                    *max_my)
{
  *min_mx = *min_my = G_MAXDOUBLE;
  *max_mx = *max_my = -G_MAXDOUBLE;
  for (guint i = cluster->first; i < cluster->first + cluster->count && i < self->n_sites; i++)
    {
      *min_mx = MIN (*min_mx, self->members[i]->mx);
      *min_my = MIN (*min_my, self->members[i]->my);
      *max_mx = MAX (*max_mx, self->members[i]->mx);
      *max_my = MAX (*max_my, self->members[i]->my);
    }
}

static int
compare_placements (gconstpointer a,
                    gconstpointer b)
{
  const LsmPlacement *pa = a, *pb = b;

  if (pa->anchor_y != pb->anchor_y)
    return pa->anchor_y < pb->anchor_y ? -1 : 1;
  if (pa->anchor_x != pb->anchor_x)
    return pa->anchor_x < pb->anchor_x ? -1 : 1;
  return 0;
}

/**
 * lsm_clusters_place:
 * @self: clusters
 * @view: the viewport; its scale sets the level, so a page clusters at its own scale
 * @placements: (element-type LsmPlacement): gets the sites drawn as symbols, top to bottom
 * @clusters: (element-type LsmClusterPlacement): gets the clusters
 *
 * Places what the view shows. Reads only the nodes of the tiles the view covers.
 */
void
lsm_clusters_place (const LsmClusters *self,
                    const LsmView     *view,
                    GArray            *placements,
                    GArray            *clusters)
{
  double radius = LSM_SYMBOL_RADIUS * view->scale;
  double size = LSM_TILE_SIZE * exp2 (view->zoom);
  /* Room for the widest fan and the largest cluster symbol reaching into the view. */
  double margin = (_lsm_scene_fan_radius (LSM_CLUSTERS_FAN_MAX) + 4) * radius;
  double x0 = view->x - margin, y0 = view->y - margin;
  double x1 = view->x + view->width + margin, y1 = view->y + view->height + margin;
  double level = view->zoom - log2 (view->scale);
  const Level *nodes;
  guint64 tx0, ty0, tx1, ty1;
  guint first_new = placements->len;

  /* The nearest level: between two, overlaps and over-merging are both at most half a level's. */
  level = floor (level + 0.5);
  nodes = self->levels[level < 0 ? 0 : level >= N_LEVELS - 1 ? N_LEVELS - 1 : (int) level];
  if (nodes->n_nodes == 0)
    return;

  tx0 = tile_key (x0 / size, y0 / size, nodes->key_zoom) & 0xffffffff;
  ty0 = tile_key (x0 / size, y0 / size, nodes->key_zoom) >> 32;
  tx1 = tile_key (x1 / size, y1 / size, nodes->key_zoom) & 0xffffffff;
  ty1 = tile_key (x1 / size, y1 / size, nodes->key_zoom) >> 32;

  for (guint64 row = ty0; row <= ty1; row++)
    {
      guint64 from = row << 32 | tx0, to = row << 32 | tx1;
      guint lo = 0, hi = nodes->n_nodes;

      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;

          if (nodes->keys[mid] < from)
            lo = mid + 1;
          else
            hi = mid;
        }

      for (guint i = lo; i < nodes->n_nodes && nodes->keys[i] <= to; i++)
        {
          const Node *node = &nodes->nodes[i];
          double wx = node->mx * size, wy = node->my * size;

          if (wx < x0 || wx > x1 || wy < y0 || wy > y1)
            continue;

          if (node->spot && node->count <= LSM_CLUSTERS_FAN_MAX)
            {
              for (guint k = 0; k < node->count; k++)
                {
                  LsmPlacement p;

                  p.site = self->members[node->first + k]->site;
                  p.anchor_x = p.x = wx - view->x;
                  p.anchor_y = p.y = wy - view->y;
                  if (node->count > 1)
                    {
                      double ring = _lsm_scene_fan_radius (node->count) * radius;
                      double a = -G_PI / 2 + k * 2 * G_PI / node->count;

                      p.x += ring * cos (a);
                      p.y += ring * sin (a);
                    }
                  g_array_append_val (placements, p);
                }
            }
          else
            {
              LsmClusterPlacement c;

              c.x = wx - view->x;
              c.y = wy - view->y;
              c.radius = lsm_style_get_cluster_radius (node->count) * view->scale;
              c.first = node->first;
              c.count = node->count;
              c.sector = node->sector;
              c.one_point = node->spot;
              g_array_append_val (clusters, c);
            }
        }
    }

  if (placements->len > first_new)
    qsort (&g_array_index (placements, LsmPlacement, first_new), placements->len - first_new,
           sizeof (LsmPlacement), compare_placements);
}
