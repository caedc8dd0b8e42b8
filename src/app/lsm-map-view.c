/* lsm-map-view.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-map-view"

#include "config.h"

#include <math.h>

#include "lsm-base-map-source.h"
#include "lsm-catalog.h"
#include "lsm-district-badges.h"
#include "lsm-feature.h"
#include "lsm-filter.h"
#include "lsm-highlight-layer.h"
#include "lsm-map-view-private.h"
#include "lsm-scene.h"

G_DEFINE_FINAL_TYPE (LsmMapView, lsm_map_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ONLINE_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  FEATURE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/**
 * lsm_map_view_activate_at:
 * @self: a map view
 * @x: x in the map view's coordinates
 * @y: y in the map view's coordinates
 *
 * What a click does: the site under the point, else the district under it, becomes the
 * selection and ::feature-activated is emitted; a cluster under it zooms in or lists its sites.
 *
 * Returns: whether something was activated
 */
gboolean
lsm_map_view_activate_at (LsmMapView *self,
                          double      x,
                          double      y)
{
  ShumateViewport *viewport;
  LsmFeature *feature;
  double lat, lon;

  g_return_val_if_fail (LSM_IS_MAP_VIEW (self), FALSE);

  if (self->scene == NULL)
    return FALSE;

  feature = lsm_sites_layer_pick (self->sites_layer, x, y);
  if (feature == NULL && lsm_sites_layer_activate_cluster (self->sites_layer, x, y))
    return TRUE;
  if (feature == NULL)
    {
      viewport = lsm_map_view_get_viewport (self);
      shumate_viewport_widget_coords_to_location (viewport, GTK_WIDGET (self->sites_layer), x, y, &lat, &lon);
      feature = _lsm_map_view_area_at (self, lon, lat);
    }

  if (feature == NULL)
    return FALSE;

  _lsm_map_view_activate (self, feature);
  return TRUE;
}

/* The district, or the unit since 2025 when the map shows those, around a point. */
LsmFeature *
_lsm_map_view_area_at (LsmMapView *self,
                       double      longitude,
                       double      latitude)
{
  LsmCatalog *catalog = lsm_scene_get_catalog (self->scene);

  if (lsm_scene_get_units (self->scene) == LSM_UNITS_COMMUNES_2025)
    return lsm_catalog_unit_2025_at (catalog, longitude, latitude, 0);

  return lsm_catalog_district_at (catalog, longitude, latitude);
}

void
_lsm_map_view_activate (LsmMapView *self,
                        LsmFeature *feature)
{
  g_signal_emit (self, signals[FEATURE_ACTIVATED], 0, feature);
}

static void
on_site_activated_cb (LsmMapView *self,
                      LsmFeature *site)
{
  _lsm_map_view_activate (self, site);
}

static void
on_click_released_cb (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      LsmMapView      *self)
{
  /* Clicks on a symbol are the sites layer's; a double click zooms. */
  if (n_press != 1)
    return;

  lsm_map_view_activate_at (self, x, y);
}

ShumateViewport *
lsm_map_view_get_viewport (LsmMapView *self)
{
  g_return_val_if_fail (LSM_IS_MAP_VIEW (self), NULL);

  return shumate_simple_map_get_viewport (self->map);
}

/**
 * lsm_map_view_restyle:
 * @self: a map view
 *
 * Draws the base map anew after its scene's style changed (districts coloured by another
 * value), keeping the view, the sites and any online tiles.
 */
void
lsm_map_view_restyle (LsmMapView *self)
{
  g_return_if_fail (LSM_IS_MAP_VIEW (self));

  if (self->scene == NULL || self->base == NULL)
    return;

  g_clear_object (&self->base);
  self->base = lsm_base_map_source_new_restyled (self->scene, ++self->base_serial);
  shumate_simple_map_set_map_source (self->map, SHUMATE_MAP_SOURCE (self->base));
}

/**
 * lsm_map_view_get_map:
 * @self: a map view
 *
 * Returns: (transfer none): the #ShumateSimpleMap inside
 */
ShumateSimpleMap *
lsm_map_view_get_map (LsmMapView *self)
{
  g_return_val_if_fail (LSM_IS_MAP_VIEW (self), NULL);

  return self->map;
}

/**
 * lsm_map_view_get_sites_layer:
 * @self: a map view
 *
 * Returns: (transfer none) (nullable): the sites layer, once data is set
 */
LsmDistrictBadges *
lsm_map_view_get_district_badges (LsmMapView *self)
{
  g_return_val_if_fail (LSM_IS_MAP_VIEW (self), NULL);

  return self->badges;
}

LsmSitesLayer *
lsm_map_view_get_sites_layer (LsmMapView *self)
{
  g_return_val_if_fail (LSM_IS_MAP_VIEW (self), NULL);

  return self->sites_layer;
}

/**
 * lsm_map_view_get_base_source:
 * @self: a map view
 *
 * Returns: (transfer none) (nullable): the offline base map
 */
ShumateMapSource *
lsm_map_view_get_base_source (LsmMapView *self)
{
  g_return_val_if_fail (LSM_IS_MAP_VIEW (self), NULL);

  return SHUMATE_MAP_SOURCE (self->base);
}

static void
remove_layers (LsmMapView *self)
{
  if (self->sites_layer != NULL)
    shumate_simple_map_remove_overlay_layer (self->map, SHUMATE_LAYER (self->sites_layer));
  if (self->highlight != NULL)
    shumate_simple_map_remove_overlay_layer (self->map, SHUMATE_LAYER (self->highlight));
  if (self->badges != NULL)
    shumate_simple_map_remove_overlay_layer (self->map, lsm_district_badges_get_layer (self->badges));
  g_clear_object (&self->badges);
  self->sites_layer = NULL;
  self->highlight = NULL;
}

/**
 * lsm_map_view_set_data:
 * @self: a map view
 * @scene: what to draw
 * @filter: which sites to show
 *
 * Shows new data; the first view fits the province.
 */
void
lsm_map_view_set_data (LsmMapView *self,
                       LsmScene   *scene,
                       LsmFilter  *filter)
{
  ShumateViewport *viewport;

  g_return_if_fail (LSM_IS_MAP_VIEW (self));
  g_return_if_fail (LSM_IS_SCENE (scene));
  g_return_if_fail (LSM_IS_FILTER (filter));

  _lsm_map_view_remove_online (self);
  remove_layers (self);
  g_clear_object (&self->selected);
  g_clear_object (&self->focus_site);
  g_set_object (&self->scene, scene);
  g_set_object (&self->filter, filter);

  viewport = lsm_map_view_get_viewport (self);
  self->highlight = lsm_highlight_layer_new (viewport);
  shumate_simple_map_add_overlay_layer (self->map, SHUMATE_LAYER (self->highlight));
  self->sites_layer = lsm_sites_layer_new (viewport, scene, filter);
  g_signal_connect_object (self->sites_layer, "site-activated", G_CALLBACK (on_site_activated_cb),
                           self, G_CONNECT_SWAPPED);
  shumate_simple_map_add_overlay_layer (self->map, SHUMATE_LAYER (self->sites_layer));
  self->badges = lsm_district_badges_new (viewport, scene, filter);
  g_signal_connect_object (self->badges, "site-activated", G_CALLBACK (on_site_activated_cb),
                           self, G_CONNECT_SWAPPED);
  shumate_simple_map_add_overlay_layer (self->map, lsm_district_badges_get_layer (self->badges));

  /* Online tiles stay on, with outlines of the new data over them. */
  lsm_map_view_refresh_base_map (self);

  self->fit_pending = TRUE;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
raise_layer (LsmMapView   *self,
             ShumateLayer *layer)
{
  ShumateMap *map = shumate_simple_map_get_map (self->map);
  g_autoptr(ShumateLayer) keep = NULL;

  if (layer == NULL)
    return;

  keep = g_object_ref (layer);
  shumate_map_remove_layer (map, layer);
  shumate_map_add_layer (map, layer);
}

/**
 * lsm_map_view_refresh_base_map:
 * @self: a map view
 *
 * Draws the base map anew after the scene changed what it draws (the administrative units).
 */
void
lsm_map_view_refresh_base_map (LsmMapView *self)
{
  g_return_if_fail (LSM_IS_MAP_VIEW (self));

  if (self->scene == NULL)
    return;

  g_clear_object (&self->base);
  self->base = lsm_base_map_source_new (self->scene);
  shumate_simple_map_set_map_source (self->map, SHUMATE_MAP_SOURCE (self->base));

  if (self->online_url != NULL)
    {
      g_autofree char *url = g_strdup (self->online_url);

      lsm_map_view_set_online (self, url);
    }

  if (self->badges != NULL)
    lsm_district_badges_set_named (self->badges, lsm_scene_get_units (self->scene) != LSM_UNITS_DISTRICTS);
  _lsm_map_view_update_focus_description (self);

  /* The new base layer goes on top of the map's layers: the others go back over it, in order. */
  raise_layer (self, SHUMATE_LAYER (self->online_layer));
  raise_layer (self, SHUMATE_LAYER (self->outline_layer));
  raise_layer (self, SHUMATE_LAYER (self->highlight));
  raise_layer (self, SHUMATE_LAYER (self->sites_layer));
  raise_layer (self, self->badges != NULL ? lsm_district_badges_get_layer (self->badges) : NULL);
}

void
_lsm_map_view_set_online_state (LsmMapView     *self,
                                LsmOnlineState  state)
{
  if (self->online_state == state)
    return;

  self->online_state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ONLINE_STATE]);
}

static gboolean
fit_size (LsmMapView *self,
          double      width,
          double      height)
{
  ShumateViewport *viewport = lsm_map_view_get_viewport (self);
  LsmBounds bounds;
  LsmView view;
  double lat, lon;

  if (self->scene == NULL || width < 1 || height < 1
      || !lsm_catalog_get_bounds (lsm_scene_get_catalog (self->scene), &bounds))
    return FALSE;

  lsm_view_init_fit (&view, &bounds, width, height, 24, 1.0);
  lsm_view_unproject (&view, width / 2, height / 2, &lon, &lat);
  shumate_viewport_set_zoom_level (viewport, view.zoom);
  shumate_location_set_location (SHUMATE_LOCATION (viewport), lat, lon);

  return TRUE;
}

static gboolean
fit (LsmMapView *self)
{
  return fit_size (self, gtk_widget_get_width (GTK_WIDGET (self)), gtk_widget_get_height (GTK_WIDGET (self)));
}

void
lsm_map_view_fit_province (LsmMapView *self)
{
  g_return_if_fail (LSM_IS_MAP_VIEW (self));

  if (!fit (self))
    {
      self->fit_pending = TRUE;
      gtk_widget_queue_allocate (GTK_WIDGET (self));
    }
}

/**
 * lsm_map_view_set_view:
 * @self: a map view
 * @latitude: centre latitude
 * @longitude: centre longitude
 * @zoom: zoom level
 *
 * Shows a given view, e.g. the one the user left, instead of fitting the province.
 */
void
lsm_map_view_set_view (LsmMapView *self,
                       double      latitude,
                       double      longitude,
                       double      zoom)
{
  ShumateViewport *viewport;

  g_return_if_fail (LSM_IS_MAP_VIEW (self));

  self->fit_pending = FALSE;
  viewport = lsm_map_view_get_viewport (self);
  shumate_viewport_set_zoom_level (viewport, zoom);
  shumate_location_set_location (SHUMATE_LOCATION (viewport), latitude, longitude);
}

/**
 * lsm_map_view_zoom:
 * @self: a map view
 * @steps: zoom levels to add (negative to zoom out)
 */
void
lsm_map_view_zoom (LsmMapView *self,
                   double      steps)
{
  ShumateViewport *viewport;

  g_return_if_fail (LSM_IS_MAP_VIEW (self));

  viewport = lsm_map_view_get_viewport (self);
  shumate_viewport_set_zoom_level (viewport, shumate_viewport_get_zoom_level (viewport) + steps);
}

/**
 * lsm_map_view_pan:
 * @self: a map view
 * @dx: fraction of the width to move east
 * @dy: fraction of the height to move south
 */
void
lsm_map_view_pan (LsmMapView *self,
                  double      dx,
                  double      dy)
{
  ShumateViewport *viewport;
  double lat, lon;

  g_return_if_fail (LSM_IS_MAP_VIEW (self));

  viewport = lsm_map_view_get_viewport (self);
  shumate_viewport_widget_coords_to_location (viewport, GTK_WIDGET (self),
                                              gtk_widget_get_width (GTK_WIDGET (self)) * (0.5 + dx),
                                              gtk_widget_get_height (GTK_WIDGET (self)) * (0.5 + dy),
                                              &lat, &lon);
  shumate_location_set_location (SHUMATE_LOCATION (viewport), lat, lon);
}

/**
 * lsm_map_view_get_selected:
 * @self: a map view
 *
 * Returns: (transfer none) (nullable): the selected site or district
 */
LsmFeature *
lsm_map_view_get_selected (LsmMapView *self)
{
  g_return_val_if_fail (LSM_IS_MAP_VIEW (self), NULL);

  return self->selected;
}

/**
 * lsm_map_view_select:
 * @self: a map view
 * @feature: (nullable): a site or district, or %NULL to clear
 * @center: whether to move the map to it
 */
void
lsm_map_view_select (LsmMapView *self,
                     LsmFeature *feature,
                     gboolean    center)
{
  gboolean district;
  double lon, lat;

  g_return_if_fail (LSM_IS_MAP_VIEW (self));

  g_set_object (&self->selected, feature);
  district = feature != NULL && lsm_feature_is_area (feature);

  if (self->highlight != NULL)
    lsm_highlight_layer_set_district (self->highlight, district ? feature : NULL);
  if (self->sites_layer != NULL)
    lsm_sites_layer_set_selected (self->sites_layer, district ? NULL : feature);
  _lsm_map_view_focus_follow (self, feature);

  if (center && feature != NULL && lsm_feature_get_label_point (feature, &lon, &lat))
    shumate_location_set_location (SHUMATE_LOCATION (lsm_map_view_get_viewport (self)), lat, lon);
}

static void
lsm_map_view_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  LsmMapView *self = LSM_MAP_VIEW (widget);

  /* Before the map is allocated, so that its layers are placed for the fitted view and the
   * first frame draws the province, not the viewport's default view with no site in it. */
  if (self->fit_pending && fit_size (self, width, height))
    self->fit_pending = FALSE;

  gtk_widget_allocate (GTK_WIDGET (self->map), width, height, baseline, NULL);
}

static void
lsm_map_view_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  LsmMapView *self = LSM_MAP_VIEW (widget);

  gtk_widget_measure (GTK_WIDGET (self->map), orientation, for_size, minimum, natural,
                      minimum_baseline, natural_baseline);
  *natural = MAX (*natural, orientation == GTK_ORIENTATION_HORIZONTAL ? 640 : 480);
}

static void
lsm_map_view_dispose (GObject *object)
{
  LsmMapView *self = (LsmMapView *) object;

  g_clear_handle_id (&self->online_failed_source, g_source_remove);
  if (self->online_source != NULL)
    g_signal_handlers_disconnect_by_data (self->online_source, self);
  if (self->map != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->map));
      self->map = NULL;
    }
  self->sites_layer = NULL;
  self->highlight = NULL;
  g_clear_object (&self->badges);
  self->online_layer = NULL;
  self->outline_layer = NULL;
  g_clear_object (&self->online_renderer);
  g_clear_object (&self->outline_source);
  g_clear_object (&self->online_source);
  g_clear_pointer (&self->online_url, g_free);
  g_clear_object (&self->selected);
  g_clear_object (&self->focus_site);
  g_clear_object (&self->base);
  g_clear_object (&self->filter);
  g_clear_object (&self->scene);

  G_OBJECT_CLASS (lsm_map_view_parent_class)->dispose (object);
}

static void
lsm_map_view_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  LsmMapView *self = LSM_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_ONLINE_STATE:
      g_value_set_enum (value, lsm_map_view_get_online_state (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lsm_map_view_class_init (LsmMapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lsm_map_view_dispose;
  object_class->get_property = lsm_map_view_get_property;

  /**
   * LsmMapView:online-state:
   *
   * Whether online tiles are asked for, drawn (and credited) or unavailable.
   */
  properties[PROP_ONLINE_STATE] =
    g_param_spec_enum ("online-state", NULL, NULL, LSM_TYPE_ONLINE_STATE, LSM_ONLINE_STATE_OFF,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  widget_class->size_allocate = lsm_map_view_size_allocate;
  widget_class->measure = lsm_map_view_measure;

  /**
   * LsmMapView::feature-activated:
   * @self: the map view
   * @feature: the #LsmFeature clicked: a site, else the district under the pointer
   */
  signals[FEATURE_ACTIVATED] =
    g_signal_new ("feature-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, LSM_TYPE_FEATURE);

  gtk_widget_class_set_css_name (widget_class, "lsm-map-view");
  _lsm_map_view_class_init_focus (widget_class);
}

static void
lsm_map_view_init (LsmMapView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  self->map = shumate_simple_map_new ();
  gtk_widget_set_parent (GTK_WIDGET (self->map), GTK_WIDGET (self));
  /* The province measures in km; a second line in miles only crowds the corner. */
  shumate_scale_set_unit (shumate_simple_map_get_scale (self->map), SHUMATE_UNIT_METRIC);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);

  /* Bubble phase: the sites layer gets its clicks first; drags cancel a click. */
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_BUBBLE);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  _lsm_map_view_init_focus (self);
}
