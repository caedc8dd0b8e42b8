/* lsm-sites-layer.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-sites-layer"

#include "config.h"

#include <math.h>

#include "lsm-feature.h"
#include "lsm-filter.h"
#include "lsm-sector-icon.h"
#include "lsm-site-tooltip.h"
#include "lsm-sites-layer.h"
#include "lsm-style.h"

/* All site symbols in one layer: one pre-rendered texture per sector and precision, appended as
 * texture nodes for the sites in view. A widget per site (ShumateMarker) costs O(N²) to add and
 * O(N) per frame; this costs one texture node per visible site. The layer answers pointer
 * events only near a symbol, so drags elsewhere still pan the map. */
struct _LsmSitesLayer
{
  ShumateLayer  parent_instance;

  LsmScene     *scene;
  LsmFilter    *filter;
  LsmFeature   *selected;
  GPtrArray    *textures; /* of GdkTexture, at sector * LSM_N_PRECISIONS + precision */
  int           texture_scale;

  /* The filter's model, placed (remade when its items change), and the last frame's placements. */
  LsmSiteMatch *match;
  GArray       *placements;
  LsmView       view;
  gboolean      placements_valid;
};

G_DEFINE_FINAL_TYPE (LsmSitesLayer, lsm_sites_layer, SHUMATE_TYPE_LAYER)

enum {
  SITE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Room for each precision's decoration: dashed halos are wider than the symbol. The cairo
 * renderer's cost per texture node grows with its area, so no texture is larger than needed. */
static double
texture_extent (LsmPrecision precision)
{
  switch (precision)
    {
    case LSM_PRECISION_DISTRICT:
      return LSM_SYMBOL_RADIUS * 4.2;
    case LSM_PRECISION_APPROX:
      return LSM_SYMBOL_RADIUS * 3.3;
    case LSM_PRECISION_EXACT:
    case LSM_PRECISION_COMMUNE:
    case LSM_PRECISION_UNKNOWN:
    default:
      return LSM_SYMBOL_RADIUS * 2.6;
    }
}

/* Above this many sites in view (low zoom on large data), one symbol per grid cell: a bound on the
 * texture nodes of a frame. The bundled data never comes near it. */
#define THIN_ABOVE 600

static void
clear_textures (LsmSitesLayer *self)
{
  for (guint i = 0; i < self->textures->len; i++)
    g_clear_object (&g_ptr_array_index (self->textures, i));
}

static GdkTexture *
get_texture (LsmSitesLayer *self,
             LsmSector      sector,
             LsmPrecision   precision)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  guint index = sector * LSM_N_PRECISIONS + precision;

  if (scale != self->texture_scale)
    {
      clear_textures (self);
      self->texture_scale = scale;
    }

  /* Sectors can be added at run time (a user's own categories). */
  if (index >= self->textures->len)
    g_ptr_array_set_size (self->textures, (sector + 1) * LSM_N_PRECISIONS);

  if (g_ptr_array_index (self->textures, index) == NULL)
    g_ptr_array_index (self->textures, index) =
      lsm_symbol_texture_new (sector, precision, (int) ceil (texture_extent (precision) * scale),
                              LSM_SYMBOL_RADIUS * scale);

  return g_ptr_array_index (self->textures, index);
}

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

static void
update_placements (LsmSitesLayer *self)
{
  LsmView view;

  lsm_sites_layer_compute_view (self, &view);
  if (self->placements_valid && memcmp (&view, &self->view, sizeof view) == 0)
    return;

  if (self->match == NULL)
    self->match = lsm_scene_match_sites (self->scene, self->filter);

  g_clear_pointer (&self->placements, g_array_unref);
  self->view = view;
  self->placements = lsm_scene_place_matched (self->scene, &view, self->match, THIN_ABOVE);
  self->placements_valid = TRUE;
}

static void
invalidate (LsmSitesLayer *self)
{
  self->placements_valid = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_filter_items_changed_cb (LsmSitesLayer *self)
{
  g_clear_pointer (&self->match, lsm_site_match_free);
  invalidate (self);
}

static void
rotate_point (LsmSitesLayer *self,
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

  update_placements (self);

  gtk_snapshot_save (snapshot);
  if (rotation != 0.0)
    {
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (width / 2, height / 2));
      gtk_snapshot_rotate (snapshot, rotation * 180 / G_PI);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (-width / 2, -height / 2));
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
      GdkTexture *texture = get_texture (self, lsm_feature_get_sector (p->site), precision);
      double extent = texture_extent (precision);

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

  gtk_snapshot_restore (snapshot);
}

/**
 * lsm_sites_layer_pick:
 * @self: a layer
 * @x: widget x
 * @y: widget y
 *
 * Returns: (transfer none) (nullable): the site whose symbol is under the point, the nearest
 *   if several are
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

  update_placements (self);
  rotate_point (self, &x, &y, -1);

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

  update_placements (self);
  for (guint i = 0; i < self->placements->len; i++)
    {
      const LsmPlacement *p = &g_array_index (self->placements, LsmPlacement, i);

      if (p->site == site)
        {
          *x = p->x;
          *y = p->y;
          rotate_point (self, x, y, 1);
          return TRUE;
        }
    }

  return FALSE;
}

guint
lsm_sites_layer_get_n_drawn (LsmSitesLayer *self)
{
  g_return_val_if_fail (LSM_IS_SITES_LAYER (self), 0);

  update_placements (self);
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
  return lsm_sites_layer_pick (LSM_SITES_LAYER (widget), x, y) != NULL;
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
    return;

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
  invalidate (LSM_SITES_LAYER (widget));
}

static void
lsm_sites_layer_dispose (GObject *object)
{
  LsmSitesLayer *self = (LsmSitesLayer *) object;

  clear_textures (self);
  g_clear_object (&self->selected);
  g_clear_object (&self->filter);
  g_clear_object (&self->scene);
  g_clear_pointer (&self->placements, g_array_unref);
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
   * Emitted when the user clicks a site's symbol.
   */
  signals[SITE_ACTIVATED] =
    g_signal_new ("site-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, LSM_TYPE_FEATURE);
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

  return self;
}
