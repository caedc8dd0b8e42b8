/* lsm-sites-layer-clusters.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-sites-layer"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "lsm-feature.h"
#include "lsm-sites-layer-private.h"

/* What the sites layer does with its clusters: find the one under the pointer, zoom to its
 * members or list them. */

/* The cluster whose disc holds the point, in unrotated widget coordinates. */
const LsmClusterPlacement *
_lsm_sites_layer_find_cluster (LsmSitesLayer *self,
                               double         x,
                               double         y)
{
  const LsmClusterPlacement *found = NULL;
  double best = G_MAXDOUBLE;

  for (guint i = 0; i < self->clusters->len; i++)
    {
      const LsmClusterPlacement *c = &g_array_index (self->clusters, LsmClusterPlacement, i);
      double d = (c->x - x) * (c->x - x) + (c->y - y) * (c->y - y);

      if (d <= (c->radius + 2) * (c->radius + 2) && d < best)
        {
          best = d;
          found = c;
        }
    }

  return found;
}

/**
 * lsm_sites_layer_get_cluster:
 * @self: a layer
 * @index: which of the clusters drawn
 * @cluster: (out) (optional): the cluster
 * @x: (out) (optional): widget x of its symbol
 * @y: (out) (optional): widget y of its symbol
 *
 * Returns: %FALSE if fewer clusters are drawn
 */
gboolean
lsm_sites_layer_get_cluster (LsmSitesLayer       *self,
                             guint                index,
                             LsmClusterPlacement *cluster,
                             double              *x,
                             double              *y)
{
  const LsmClusterPlacement *c;
  double cx, cy;

  g_return_val_if_fail (LSM_IS_SITES_LAYER (self), FALSE);

  _lsm_sites_layer_update_placements (self);
  if (index >= self->clusters->len)
    return FALSE;

  c = &g_array_index (self->clusters, LsmClusterPlacement, index);
  cx = c->x;
  cy = c->y;
  _lsm_sites_layer_rotate_point (self, &cx, &cy, 1);
  if (cluster != NULL)
    *cluster = *c;
  if (x != NULL)
    *x = cx;
  if (y != NULL)
    *y = cy;

  return TRUE;
}

guint
lsm_sites_layer_get_n_clusters (LsmSitesLayer *self)
{
  g_return_val_if_fail (LSM_IS_SITES_LAYER (self), 0);

  _lsm_sites_layer_update_placements (self);
  return self->clusters->len;
}

/**
 * lsm_sites_layer_get_clusters:
 * @self: a layer
 *
 * Returns: (transfer none) (nullable): the clusters of the sites the layer shows, to read the
 *   members of a cluster from lsm_sites_layer_get_cluster()
 */
LsmClusters *
lsm_sites_layer_get_clusters (LsmSitesLayer *self)
{
  g_return_val_if_fail (LSM_IS_SITES_LAYER (self), NULL);

  _lsm_sites_layer_update_placements (self);
  return self->match != NULL ? lsm_site_match_get_clusters (self->match) : NULL;
}

static void
on_member_activated_cb (GtkListView   *list,
                        guint          position,
                        LsmSitesLayer *self)
{
  g_autoptr(LsmFeature) site = g_list_model_get_item (G_LIST_MODEL (gtk_list_view_get_model (list)), position);

  gtk_popover_popdown (GTK_POPOVER (self->members_popover));
  if (site != NULL)
    _lsm_sites_layer_emit_site_activated (self, site);
}

static void
setup_member_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_member_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  LsmFeature *site = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), lsm_feature_get_name (site));
}

/* Sites on one spot cannot be split by zooming: list them, and a choice acts as a click on its
 * symbol would. A list view, since one spot may hold thousands. */
static void
show_members (LsmSitesLayer             *self,
              const LsmClusterPlacement *cluster,
              double                     x,
              double                     y)
{
  LsmClusters *clusters = lsm_site_match_get_clusters (self->match);
  g_autoptr(GListStore) members = g_list_store_new (LSM_TYPE_FEATURE);
  g_autofree gpointer *items = g_new (gpointer, MAX (cluster->count, 1));
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autofree char *title = NULL;
  GtkWidget *heading, *scrolled, *list;

  for (guint i = 0; i < cluster->count; i++)
    items[i] = lsm_clusters_get_member (clusters, cluster->first + i);
  g_list_store_splice (members, 0, 0, items, cluster->count);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_member_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_member_cb), NULL);
  list = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&members)))),
                            factory);
  gtk_list_view_set_single_click_activate (GTK_LIST_VIEW (list), TRUE);
  gtk_widget_add_css_class (list, "navigation-sidebar");
  g_signal_connect (list, "activate", G_CALLBACK (on_member_activated_cb), self);

  /* Translators: heading of the list of sites that share one point on the map */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u site at this point", "%u sites at this point",
                                        cluster->count), cluster->count);
  heading = gtk_label_new (title);
  gtk_widget_add_css_class (heading, "heading");
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_widget_set_size_request (scrolled, 260, -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), scrolled);

  gtk_popover_set_child (GTK_POPOVER (self->members_popover), box);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->members_popover),
                               &(GdkRectangle) { (int) x - 1, (int) y - 1, 2, 2 });
  gtk_popover_popup (GTK_POPOVER (self->members_popover));
}

/**
 * lsm_sites_layer_get_members_popover:
 * @self: a layer
 *
 * Returns: (transfer none): the popover listing a cluster's members
 */
GtkPopover *
lsm_sites_layer_get_members_popover (LsmSitesLayer *self)
{
  g_return_val_if_fail (LSM_IS_SITES_LAYER (self), NULL);

  return GTK_POPOVER (self->members_popover);
}

/**
 * lsm_sites_layer_activate_cluster:
 * @self: a layer
 * @x: widget x
 * @y: widget y
 *
 * What a click on a cluster does: zoom to its members' extent, so it splits; or, if zooming
 * cannot split it (its members on one point, or the map at its deepest zoom), list its members.
 *
 * Returns: whether a cluster was under the point
 */
gboolean
lsm_sites_layer_activate_cluster (LsmSitesLayer *self,
                                  double         x,
                                  double         y)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  const LsmClusterPlacement *found;
  LsmClusterPlacement cluster;
  double min_mx, min_my, max_mx, max_my, cx, cy, lat, lon, zoom, size;
  double offset, pad = 48;
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double ux = x, uy = y;

  g_return_val_if_fail (LSM_IS_SITES_LAYER (self), FALSE);

  if (shumate_viewport_get_reference_map_source (viewport) == NULL)
    return FALSE;

  _lsm_sites_layer_update_placements (self);
  _lsm_sites_layer_rotate_point (self, &ux, &uy, -1);
  found = _lsm_sites_layer_find_cluster (self, ux, uy);
  if (found == NULL)
    return FALSE;
  cluster = *found;

  offset = self->view.zoom - shumate_viewport_get_zoom_level (viewport);
  if (cluster.one_point || shumate_viewport_get_zoom_level (viewport) >= shumate_viewport_get_max_zoom_level (viewport))
    {
      show_members (self, &cluster, x, y);
      return TRUE;
    }

  lsm_clusters_get_extent (lsm_site_match_get_clusters (self->match), &cluster,
                           &min_mx, &min_my, &max_mx, &max_my);
  zoom = log2 (MIN ((MAX (width - 2 * pad, 1)) / MAX ((max_mx - min_mx) * LSM_TILE_SIZE, 1e-12),
                    (MAX (height - 2 * pad, 1)) / MAX ((max_my - min_my) * LSM_TILE_SIZE, 1e-12)));
  /* At least one level deeper, where the cluster's merge distance halves. */
  zoom = MAX (zoom - offset, shumate_viewport_get_zoom_level (viewport) + 1);
  zoom = MIN (zoom, shumate_viewport_get_max_zoom_level (viewport));

  size = LSM_TILE_SIZE * exp2 (self->view.zoom);
  cx = (min_mx + max_mx) / 2 * size - self->view.x;
  cy = (min_my + max_my) / 2 * size - self->view.y;
  _lsm_sites_layer_rotate_point (self, &cx, &cy, 1);
  shumate_viewport_widget_coords_to_location (viewport, GTK_WIDGET (self), cx, cy, &lat, &lon);
  shumate_location_set_location (SHUMATE_LOCATION (viewport), lat, lon);
  shumate_viewport_set_zoom_level (viewport, zoom);

  return TRUE;
}
