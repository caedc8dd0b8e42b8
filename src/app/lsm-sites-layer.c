/* lsm-sites-layer.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-sites-layer"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "lsm-clusters.h"
#include "lsm-feature.h"
#include "lsm-filter.h"
#include "lsm-site-tooltip.h"
#include "lsm-sites-layer-private.h"
#include "lsm-style.h"

/* All site symbols in one layer: one pre-rendered texture per sector and precision, appended as
 * texture nodes for the sites in view. A widget per site (ShumateMarker) costs O(N²) to add and
 * O(N) per frame; this costs one texture node per visible symbol. Where symbols would overlap,
 * the scene's clusters stand for them, so a frame draws at most about one symbol per symbol-sized
 * spot and still accounts for every site. The layer answers pointer events only near a symbol,
 * so drags elsewhere still pan the map. */

G_DEFINE_FINAL_TYPE (LsmSitesLayer, lsm_sites_layer, SHUMATE_TYPE_LAYER)

enum {
  SITE_ACTIVATED,
  MATCHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/**
 * lsm_sites_layer_compute_view:
 * @self: a layer
 * @view: (out): the scene viewport matching the layer's widget and the map's viewport
 */
void
lsm_sites_layer_compute_view (LsmSitesLayer *self,
                              LsmView       *view)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  ShumateMapSource *reference = shumate_viewport_get_reference_map_source (viewport);
  double tile_size = reference != NULL ? shumate_map_source_get_tile_size (reference) : LSM_TILE_SIZE;
  double mx, my, size;

  /* Our views count 256 px tiles; a reference source with other tiles shifts the zoom. */
  view->zoom = shumate_viewport_get_zoom_level (viewport) + log2 (tile_size / LSM_TILE_SIZE);
  view->width = gtk_widget_get_width (GTK_WIDGET (self));
  view->height = gtk_widget_get_height (GTK_WIDGET (self));
  view->scale = 1.0;
  size = LSM_TILE_SIZE * exp2 (view->zoom);
  lsm_mercator_from_lonlat (shumate_location_get_longitude (SHUMATE_LOCATION (viewport)),
                            shumate_location_get_latitude (SHUMATE_LOCATION (viewport)), &mx, &my);
  view->x = mx * size - view->width / 2.0;
  view->y = my * size - view->height / 2.0;
}

void
_lsm_sites_layer_update_placements (LsmSitesLayer *self)
{
  LsmView view;

  lsm_sites_layer_compute_view (self, &view);
  if (self->placements_valid && memcmp (&view, &self->view, sizeof view) == 0)
    return;

  g_clear_pointer (&self->placements, g_array_unref);
  g_array_set_size (self->clusters, 0);
  self->view = view;

  if (self->match == NULL && self->matching != NULL)
    {
      /* The first match of large data is still being made: nothing to draw yet. */
      self->placements = g_array_new (FALSE, FALSE, sizeof (LsmPlacement));
      self->placements_valid = TRUE;
      return;
    }

  if (self->match == NULL)
    self->match = lsm_scene_match_sites (self->scene, self->filter);

  self->placements = lsm_scene_place_matched (self->scene, &view, self->match, self->clusters);
  self->placements_valid = TRUE;
}

static void
invalidate (LsmSitesLayer *self)
{
  self->placements_valid = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Up to this many sites, a match and its clusters take a few milliseconds and are made when
 * drawn; past it, in a thread, published once, while the frames go on. */
#define MATCH_IN_THREAD_ABOVE 20000

typedef struct
{
  LsmScene     *scene;
  GPtrArray    *sites;
  LsmSiteMatch *all;   /* the scene's match of every site, if made */
} MatchJob;

static void
match_job_free (gpointer data)
{
  MatchJob *job = data;

  g_object_unref (job->scene);
  g_ptr_array_unref (job->sites);
  g_clear_pointer (&job->all, lsm_site_match_free);
  g_free (job);
}

static void
match_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  MatchJob *job = task_data;
  LsmSiteMatch *match = lsm_scene_match_items (job->scene, job->sites, job->all);

  lsm_site_match_get_clusters (match);
  g_task_return_pointer (task, match, (GDestroyNotify) lsm_site_match_free);
}

static void
on_matched_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  LsmSitesLayer *self = LSM_SITES_LAYER (object);
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));
  LsmSiteMatch *match = g_task_propagate_pointer (G_TASK (result), NULL);

  /* A newer filter state, or the layer went: this match is stale. */
  if (g_cancellable_is_cancelled (cancellable))
    {
      g_clear_pointer (&match, lsm_site_match_free);
      return;
    }

  g_clear_object (&self->matching);
  g_clear_pointer (&self->match, lsm_site_match_free);
  self->match = match;
  invalidate (self);
  g_signal_emit (self, signals[MATCHED], 0);
}

static void
on_filter_items_changed_cb (LsmSitesLayer *self)
{
  GListModel *model = G_LIST_MODEL (self->filter);
  guint n = g_list_model_get_n_items (model);
  g_autoptr(GTask) task = NULL;
  MatchJob *job;

  if (self->matching != NULL)
    g_cancellable_cancel (self->matching);
  g_clear_object (&self->matching);

  if (n <= MATCH_IN_THREAD_ABOVE)
    {
      g_clear_pointer (&self->match, lsm_site_match_free);
      invalidate (self);
      return;
    }

  /* The model is read here, on its thread; the old match is drawn until the new one is made. */
  job = g_new0 (MatchJob, 1);
  job->scene = g_object_ref (self->scene);
  job->sites = g_ptr_array_new_full (n, g_object_unref);
  /* Read here: the scene makes it on this thread when not prepared. */
  if (lsm_scene_peek_all_sites (self->scene) != NULL)
    job->all = lsm_site_match_ref (lsm_scene_peek_all_sites (self->scene));
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (job->sites, g_list_model_get_item (model, i));

  self->matching = g_cancellable_new ();
  task = g_task_new (self, self->matching, on_matched_cb, NULL);
  g_task_set_task_data (task, job, match_job_free);
  g_task_run_in_thread (task, match_thread);
}

/**
 * lsm_sites_layer_is_ready:
 * @self: a layer
 *
 * Returns: %FALSE while the sites to show are being matched and clustered in a thread
 */
gboolean
lsm_sites_layer_is_ready (LsmSitesLayer *self)
{
  g_return_val_if_fail (LSM_IS_SITES_LAYER (self), FALSE);

  return self->matching == NULL;
}

void
_lsm_sites_layer_rotate_point (LsmSitesLayer *self,
                               double        *x,
                               double        *y,
                               double         direction)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  double angle = shumate_viewport_get_rotation (viewport) * direction;
  double cx = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
  double cy = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
  double dx = *x - cx, dy = *y - cy;

  if (angle == 0.0)
    return;

  *x = cx + dx * cos (angle) - dy * sin (angle);
  *y = cy + dx * sin (angle) + dy * cos (angle);
}

static void report_first_frame (LsmSitesLayer *self);

/* Past this many symbols in a frame, one cairo node painting the symbols' surfaces costs far
 * less than a texture node each with the cairo renderer (about 0.15 ms a node here); below,
 * nodes spare the widget-sized surface. */
#define NODES_UP_TO 64

static void
lsm_sites_layer_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  LsmSitesLayer *self = LSM_SITES_LAYER (widget);
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  double rotation = shumate_viewport_get_rotation (viewport);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);

  if (shumate_viewport_get_reference_map_source (viewport) == NULL)
    return;

  _lsm_sites_layer_update_placements (self);

  gtk_snapshot_save (snapshot);
  if (rotation != 0.0)
    {
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (width / 2, height / 2));
      gtk_snapshot_rotate (snapshot, rotation * 180 / G_PI);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (-width / 2, -height / 2));
    }

  if (self->match != NULL && lsm_site_match_get_n_shapes (self->match) > 0)
    {
      /* Lines and areas of a user's layer, under every symbol; rotated, the corners reach
       * further. */
      double reach = hypot (width, height);
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT ((width - reach) / 2,
                                                                             (height - reach) / 2, reach, reach));

      lsm_scene_draw_shapes (self->scene, cr, &self->view, self->match, self->selected);
      cairo_destroy (cr);
    }

  if (self->placements->len + self->clusters->len > NODES_UP_TO)
    {
      /* Painted into memory, then one paint of it: the renderer's target may be an X server,
       * where every painted surface is a round trip. A cairo node, not a texture: the cairo
       * renderer converts a memory texture's pixels one by one each time it draws one, and a new
       * one each frame cost most of the frame. Rotated, the view's corners reach further. */
      double reach = rotation != 0.0 ? hypot (width, height) : MAX (width, height);
      double rx = rotation != 0.0 ? (width - reach) / 2 : 0, ry = rotation != 0.0 ? (height - reach) / 2 : 0;
      double rw = rotation != 0.0 ? reach : width, rh = rotation != 0.0 ? reach : height;
      int scale = gtk_widget_get_scale_factor (widget);
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (rw * scale),
                                                             (int) ceil (rh * scale));
      cairo_t *cr = cairo_create (surface);

      cairo_scale (cr, scale, scale);
      cairo_translate (cr, -rx, -ry);
      _lsm_sites_layer_draw_with_cairo (self, cr);
      cairo_destroy (cr);
      cairo_surface_set_device_scale (surface, scale, scale);
      cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (rx, ry, rw, rh));
      cairo_set_source_surface (cr, surface, rx, ry);
      cairo_paint (cr);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
      gtk_snapshot_restore (snapshot);
      report_first_frame (self);
      return;
    }

  /* Leader lines from fanned-out symbols to their true point: thin rotated colour nodes, far
   * cheaper than a widget-sized cairo node. */
  for (guint i = 0; i < self->placements->len; i++)
    {
      const LsmPlacement *p = &g_array_index (self->placements, LsmPlacement, i);
      const GdkRGBA ink = { 0.2, 0.2, 0.2, 0.8 };
      double dx = p->x - p->anchor_x, dy = p->y - p->anchor_y;

      if (dx == 0 && dy == 0)
        continue;

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (p->anchor_x, p->anchor_y));
      gtk_snapshot_rotate (snapshot, atan2 (dy, dx) * 180 / G_PI);
      gtk_snapshot_append_color (snapshot, &ink, &GRAPHENE_RECT_INIT (0, -0.5, hypot (dx, dy), 1));
      gtk_snapshot_append_color (snapshot, &ink, &GRAPHENE_RECT_INIT (-1.5, -1.5, 3, 3));
      gtk_snapshot_restore (snapshot);
    }

  for (guint i = 0; i < self->placements->len; i++)
    {
      const LsmPlacement *p = &g_array_index (self->placements, LsmPlacement, i);
      LsmPrecision precision = lsm_feature_get_precision (p->site);
      GdkTexture *texture = _lsm_sites_layer_get_texture (self, lsm_feature_get_sector (p->site), precision);
      double extent = _lsm_sites_layer_texture_extent (precision);

      if (p->site == self->selected)
        {
          GskRoundedRect ring;

          gsk_rounded_rect_init_from_rect (&ring, &GRAPHENE_RECT_INIT (p->x - 14, p->y - 14, 28, 28), 14);
          gtk_snapshot_append_border (snapshot, &ring, (float[4]) { 3, 3, 3, 3 },
                                      (GdkRGBA[4]) { { 0.21, 0.52, 0.89, 1 }, { 0.21, 0.52, 0.89, 1 },
                                                     { 0.21, 0.52, 0.89, 1 }, { 0.21, 0.52, 0.89, 1 } });
        }

      gtk_snapshot_append_texture (snapshot, texture,
                                   &GRAPHENE_RECT_INIT (p->x - extent / 2, p->y - extent / 2, extent, extent));
    }

  for (guint i = 0; i < self->clusters->len; i++)
    {
      const LsmClusterPlacement *c = &g_array_index (self->clusters, LsmClusterPlacement, i);
      GdkTexture *texture = _lsm_sites_layer_get_cluster_texture (self, c);
      double extent = (double) gdk_texture_get_width (texture) / self->texture_scale;

      gtk_snapshot_append_texture (snapshot, texture,
                                   &GRAPHENE_RECT_INIT (c->x - extent / 2, c->y - extent / 2, extent, extent));
    }

  gtk_snapshot_restore (snapshot);
  report_first_frame (self);
}

/* LSMAP_REPORT_FIRST_FRAME=1: print when the first frame with sites was drawn (monotonic µs)
 * and quit, so a benchmark can time a start from exec to sites on screen. */
static void
report_first_frame (LsmSitesLayer *self)
{
  if (self->placements->len + self->clusters->len > 0 && g_getenv ("LSMAP_REPORT_FIRST_FRAME") != NULL)
    {
      static gboolean reported;

      if (!reported)
        {
          reported = TRUE;
          g_print ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
          g_application_quit (g_application_get_default ());
        }
    }
}

/**
 * lsm_sites_layer_pick:
 * @self: a layer
 * @x: widget x
 * @y: widget y
 *
 * Returns: (transfer none) (nullable): the site whose symbol is under the point, the nearest
 *   if several are, else the site whose line or area is; %NULL where a cluster, drawn over
 *   symbols, covers the point
 */
LsmFeature *
lsm_sites_layer_pick (LsmSitesLayer *self,
                      double         x,
                      double         y)
{
  double best = (LSM_SYMBOL_RADIUS + 3) * (LSM_SYMBOL_RADIUS + 3);
  LsmFeature *found = NULL;

  g_return_val_if_fail (LSM_IS_SITES_LAYER (self), NULL);

  if (shumate_viewport_get_reference_map_source (shumate_layer_get_viewport (SHUMATE_LAYER (self))) == NULL)
    return NULL;

  _lsm_sites_layer_update_placements (self);
  _lsm_sites_layer_rotate_point (self, &x, &y, -1);
  if (_lsm_sites_layer_find_cluster (self, x, y) != NULL)
    return NULL;

  for (guint i = 0; i < self->placements->len; i++)
    {
      const LsmPlacement *p = &g_array_index (self->placements, LsmPlacement, i);
      double d = (p->x - x) * (p->x - x) + (p->y - y) * (p->y - y);

      if (d <= best)
        {
          best = d;
          found = p->site;
        }
    }

  /* Symbols are drawn over lines and areas. */
  if (found == NULL)
    found = lsm_scene_pick_shape (self->scene, &self->view, self->match, x, y);

  return found;
}

/**
 * lsm_sites_layer_get_position:
 * @self: a layer
 * @site: a site
 * @x: (out): widget x of its symbol
 * @y: (out): widget y of its symbol
 *
 * Returns: %FALSE if the site is not drawn
 */
gboolean
lsm_sites_layer_get_position (LsmSitesLayer *self,
                              LsmFeature    *site,
                              double        *x,
                              double        *y)
{
  g_return_val_if_fail (LSM_IS_SITES_LAYER (self), FALSE);

  _lsm_sites_layer_update_placements (self);
  for (guint i = 0; i < self->placements->len; i++)
    {
      const LsmPlacement *p = &g_array_index (self->placements, LsmPlacement, i);

      if (p->site == site)
        {
          *x = p->x;
          *y = p->y;
          _lsm_sites_layer_rotate_point (self, x, y, 1);
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * lsm_sites_layer_get_drawn:
 * @self: a layer
 * @index: which of the symbols drawn, below lsm_sites_layer_get_n_drawn()
 * @x: (out): widget x of its symbol
 * @y: (out): widget y of its symbol
 *
 * Returns: (transfer none) (nullable): the site drawn there, %NULL past the last
 */
LsmFeature *
lsm_sites_layer_get_drawn (LsmSitesLayer *self,
                           guint          index,
                           double        *x,
                           double        *y)
{
  const LsmPlacement *p;

  g_return_val_if_fail (LSM_IS_SITES_LAYER (self), NULL);

  _lsm_sites_layer_update_placements (self);
  if (index >= self->placements->len)
    return NULL;

  p = &g_array_index (self->placements, LsmPlacement, index);
  *x = p->x;
  *y = p->y;
  _lsm_sites_layer_rotate_point (self, x, y, 1);

  return p->site;
}

guint
lsm_sites_layer_get_n_drawn (LsmSitesLayer *self)
{
  g_return_val_if_fail (LSM_IS_SITES_LAYER (self), 0);

  _lsm_sites_layer_update_placements (self);
  return self->placements->len;
}

/**
 * lsm_sites_layer_get_selected:
 * @self: a layer
 *
 * Returns: (transfer none) (nullable): the highlighted site
 */
LsmFeature *
lsm_sites_layer_get_selected (LsmSitesLayer *self)
{
  g_return_val_if_fail (LSM_IS_SITES_LAYER (self), NULL);

  return self->selected;
}

void
lsm_sites_layer_set_selected (LsmSitesLayer *self,
                              LsmFeature    *site)
{
  g_return_if_fail (LSM_IS_SITES_LAYER (self));

  if (g_set_object (&self->selected, site))
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
lsm_sites_layer_contains (GtkWidget *widget,
                          double     x,
                          double     y)
{
  LsmSitesLayer *self = LSM_SITES_LAYER (widget);

  if (lsm_sites_layer_pick (self, x, y) != NULL)
    return TRUE;

  _lsm_sites_layer_rotate_point (self, &x, &y, -1);
  return _lsm_sites_layer_find_cluster (self, x, y) != NULL;
}

void
_lsm_sites_layer_emit_site_activated (LsmSitesLayer *self,
                                      LsmFeature    *site)
{
  g_signal_emit (self, signals[SITE_ACTIVATED], 0, site);
}

static void
on_click_released_cb (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      LsmSitesLayer   *self)
{
  LsmFeature *site = lsm_sites_layer_pick (self, x, y);

  if (site == NULL)
    {
      if (lsm_sites_layer_activate_cluster (self, x, y))
        gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      return;
    }

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  g_signal_emit (self, signals[SITE_ACTIVATED], 0, site);
}

static void
lsm_sites_layer_constructed (GObject *object)
{
  LsmSitesLayer *self = (LsmSitesLayer *) object;
  ShumateViewport *viewport;

  G_OBJECT_CLASS (lsm_sites_layer_parent_class)->constructed (object);

  viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  g_signal_connect_object (viewport, "notify", G_CALLBACK (invalidate), self, G_CONNECT_SWAPPED);
}

static void
lsm_sites_layer_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  LsmSitesLayer *self = LSM_SITES_LAYER (widget);

  if (gtk_widget_get_visible (self->members_popover))
    gtk_popover_present (GTK_POPOVER (self->members_popover));
  invalidate (self);
}

static void
lsm_sites_layer_dispose (GObject *object)
{
  LsmSitesLayer *self = (LsmSitesLayer *) object;

  if (self->matching != NULL)
    g_cancellable_cancel (self->matching);
  g_clear_object (&self->matching);
  _lsm_sites_layer_clear_textures (self);
  g_clear_pointer (&self->cluster_textures, g_hash_table_unref);
  g_clear_pointer (&self->members_popover, gtk_widget_unparent);
  g_clear_object (&self->selected);
  g_clear_object (&self->filter);
  g_clear_object (&self->scene);
  g_clear_pointer (&self->placements, g_array_unref);
  g_clear_pointer (&self->clusters, g_array_unref);
  g_clear_pointer (&self->match, lsm_site_match_free);

  G_OBJECT_CLASS (lsm_sites_layer_parent_class)->dispose (object);
}

static void
lsm_sites_layer_finalize (GObject *object)
{
  LsmSitesLayer *self = (LsmSitesLayer *) object;

  g_ptr_array_unref (self->textures);

  G_OBJECT_CLASS (lsm_sites_layer_parent_class)->finalize (object);
}

static void
lsm_sites_layer_class_init (LsmSitesLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lsm_sites_layer_constructed;
  object_class->dispose = lsm_sites_layer_dispose;
  object_class->finalize = lsm_sites_layer_finalize;
  widget_class->snapshot = lsm_sites_layer_snapshot;
  widget_class->contains = lsm_sites_layer_contains;
  widget_class->size_allocate = lsm_sites_layer_size_allocate;

  /**
   * LsmSitesLayer::site-activated:
   * @self: the layer
   * @site: the #LsmFeature clicked
   *
   * Emitted when the user clicks a site's symbol, or picks a site from a cluster's list.
   */
  signals[SITE_ACTIVATED] =
    g_signal_new ("site-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, LSM_TYPE_FEATURE);

  /**
   * LsmSitesLayer::matched:
   * @self: the layer
   *
   * Emitted when sites matched in a thread are published and drawn from the next frame.
   */
  signals[MATCHED] =
    g_signal_new ("matched", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
lsm_sites_layer_init (LsmSitesLayer *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  self->textures = g_ptr_array_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");

  self->clusters = g_array_new (FALSE, FALSE, sizeof (LsmClusterPlacement));
  self->cluster_textures = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->members_popover = gtk_popover_new ();
  gtk_widget_set_parent (self->members_popover, GTK_WIDGET (self));
  _lsm_site_tooltip_attach (self);
}

/**
 * lsm_sites_layer_new:
 * @viewport: the map's viewport
 * @scene: the scene that places the sites
 * @filter: the sites to show: the layer draws the mapped items of its model
 *
 * Returns: (transfer full): a new layer
 */
LsmSitesLayer *
lsm_sites_layer_new (ShumateViewport *viewport,
                     LsmScene        *scene,
                     LsmFilter       *filter)
{
  LsmSitesLayer *self;

  g_return_val_if_fail (SHUMATE_IS_VIEWPORT (viewport), NULL);
  g_return_val_if_fail (LSM_IS_SCENE (scene), NULL);
  g_return_val_if_fail (LSM_IS_FILTER (filter), NULL);

  self = g_object_new (LSM_TYPE_SITES_LAYER, "viewport", viewport, NULL);
  self->scene = g_object_ref (scene);
  self->filter = g_object_ref (filter);
  g_signal_connect_object (filter, "items-changed", G_CALLBACK (on_filter_items_changed_cb), self,
                           G_CONNECT_SWAPPED);
  on_filter_items_changed_cb (self);

  return self;
}
