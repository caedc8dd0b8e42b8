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

static int
compare_placements (gconstpointer a,
                    gconstpointer b)
{
  const LsmPlacement *pa = a, *pb = b;

  if (pa->anchor_y != pb->anchor_y)
    return pa->anchor_y < pb->anchor_y ? -1 : 1;
  if (pa->anchor_x != pb->anchor_x)
    return pa->anchor_x < pb->anchor_x ? -1 : 1;

  return (int) lsm_feature_get_sector (pa->site) - (int) lsm_feature_get_sector (pb->site);
}

/**
 * lsm_scene_place_sites:
 * @self: a scene
 * @view: the viewport
 * @filter: (nullable): which sites to place
 *
 * Projects the visible, mapped sites and fans out those that share a point. The screen layer,
 * print and export all use this, so a site is where it is in every output.
 *
 * Returns: (transfer full) (element-type LsmPlacement): placements, in drawing order
 */
GArray *
lsm_scene_place_sites (LsmScene      *self,
                       const LsmView *view,
                       LsmFilter     *filter)
{
  GListModel *sites;
  GArray *placements;
  double radius = LSM_SYMBOL_RADIUS * view->scale;
  double margin = 4 * radius;
  guint n;

  g_return_val_if_fail (LSM_IS_SCENE (self), NULL);

  placements = g_array_new (FALSE, FALSE, sizeof (LsmPlacement));
  sites = lsm_catalog_get_sites (lsm_scene_get_catalog (self));
  n = g_list_model_get_n_items (sites);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LsmFeature) site = g_list_model_get_item (sites, i);
      LsmPlacement p = { site };
      double lon, lat;

      if (!lsm_feature_get_location (site, &lon, &lat))
        continue;
      if (filter != NULL && !lsm_filter_match (filter, site))
        continue;

      lsm_view_project (view, lon, lat, &p.anchor_x, &p.anchor_y);
      if (p.anchor_x < -margin || p.anchor_y < -margin
          || p.anchor_x > view->width + margin || p.anchor_y > view->height + margin)
        continue;

      p.x = p.anchor_x;
      p.y = p.anchor_y;
      g_array_append_val (placements, p);
    }

  g_array_sort (placements, compare_placements);

  /* Groups of sites closer than half a symbol go on a circle around their common point. */
  for (guint i = 0; i < placements->len; )
    {
      LsmPlacement *first = &g_array_index (placements, LsmPlacement, i);
      guint j = i + 1;

      while (j < placements->len
             && fabs (g_array_index (placements, LsmPlacement, j).anchor_x - first->anchor_x) < radius / 2
             && fabs (g_array_index (placements, LsmPlacement, j).anchor_y - first->anchor_y) < radius / 2)
        j++;

      if (j - i > 1)
        {
          guint count = j - i;
          double ring = _lsm_scene_fan_radius (count) * radius;

          for (guint k = 0; k < count; k++)
            {
              LsmPlacement *p = &g_array_index (placements, LsmPlacement, i + k);
              double a = -G_PI / 2 + k * 2 * G_PI / count;

              p->x = first->anchor_x + ring * cos (a);
              p->y = first->anchor_y + ring * sin (a);
            }
        }

      i = j;
    }

  return placements;
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

