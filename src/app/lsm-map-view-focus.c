/* lsm-map-view-focus.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-map-view"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "lsm-feature.h"
#include "lsm-headline.h"
#include "lsm-map-view-private.h"
#include "lsm-style.h"

/* The map without a mouse. The symbols in view are the stops of a keyboard focus: a site, or a
 * cluster as one stop. Tab walks them in reading order and then leaves the map; an arrow goes
 * to the nearest stop that way, or, where there is none, pans the map. Enter or space does
 * what a click on the stop does; Shift+Enter opens the district (or commune) around it. The stop is
 * remembered by its site (a cluster's by its first member), so it survives the pans, zooms and
 * filters that remake the symbols: after a cluster zooms open, the focus is on the part that
 * holds that member. A ring drawn over the map shows it, and the map's accessible label says
 * what it is. */

typedef struct
{
  LsmFeature *site;      /* the site, or the first member of a cluster */
  double      x;         /* map view coordinates */
  double      y;
  double      layer_x;   /* the sites layer's coordinates, to act as a click there does */
  double      layer_y;
  double      radius;
  guint       count;     /* sites it stands for: 1, or a cluster's */
  guint       first;     /* a cluster's first member */
  gboolean    one_point; /* a cluster that zooming cannot split */
} Stop;

/* Sites closer than this in height read as one line, left to right. */
#define READING_LINE 16.0

/* The share of the view an arrow pans by where no site lies its way, as Shift+arrow does. */
#define PAN_STEP 0.25

/* Room between a symbol and the ring, so a selected symbol's own ring stays visible inside. */
#define RING_GAP 9.0

static int
compare_reading_order (gconstpointer a,
                       gconstpointer b)
{
  const Stop *sa = a, *sb = b;
  int line_a = (int) floor (sa->y / READING_LINE), line_b = (int) floor (sb->y / READING_LINE);

  if (line_a != line_b)
    return line_a < line_b ? -1 : 1;
  if (sa->x != sb->x)
    return sa->x < sb->x ? -1 : 1;

  return sa->y < sb->y ? -1 : sa->y > sb->y;
}

static void
add_stop (LsmMapView *self,
          GArray     *stops,
          Stop       *stop)
{
  graphene_point_t point;

  if (!gtk_widget_compute_point (GTK_WIDGET (self->sites_layer), GTK_WIDGET (self),
                                 &GRAPHENE_POINT_INIT (stop->layer_x, stop->layer_y), &point))
    return;
  if (point.x < 0 || point.y < 0
      || point.x > gtk_widget_get_width (GTK_WIDGET (self)) || point.y > gtk_widget_get_height (GTK_WIDGET (self)))
    return;

  stop->x = point.x;
  stop->y = point.y;
  g_array_append_val (stops, *stop);
}

/* The stops in view, in reading order. */
static GArray *
collect_stops (LsmMapView *self)
{
  GArray *stops = g_array_new (FALSE, TRUE, sizeof (Stop));
  LsmClusters *clusters;
  LsmClusterPlacement cluster;
  LsmFeature *site;
  double x, y;

  if (self->sites_layer == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self->sites_layer)))
    return stops;

  for (guint i = 0; (site = lsm_sites_layer_get_drawn (self->sites_layer, i, &x, &y)) != NULL; i++)
    add_stop (self, stops, &(Stop) { .site = site, .layer_x = x, .layer_y = y, .radius = LSM_SYMBOL_RADIUS,
                                     .count = 1 });

  clusters = lsm_sites_layer_get_clusters (self->sites_layer);
  for (guint i = 0; clusters != NULL && lsm_sites_layer_get_cluster (self->sites_layer, i, &cluster, &x, &y); i++)
    add_stop (self, stops, &(Stop) { .site = lsm_clusters_get_member (clusters, cluster.first),
                                     .layer_x = x, .layer_y = y, .radius = cluster.radius,
                                     .count = cluster.count, .first = cluster.first,
                                     .one_point = cluster.one_point });

  g_array_sort (stops, compare_reading_order);

  return stops;
}

/* The stop that is @site or holds it, or -1. */
static int
find_stop (LsmMapView *self,
           GArray     *stops,
           LsmFeature *site)
{
  LsmClusters *clusters;

  if (site == NULL || stops->len == 0)
    return -1;

  for (guint i = 0; i < stops->len; i++)
    if (g_array_index (stops, Stop, i).site == site)
      return i;

  clusters = lsm_sites_layer_get_clusters (self->sites_layer);
  for (guint i = 0; clusters != NULL && i < stops->len; i++)
    {
      const Stop *stop = &g_array_index (stops, Stop, i);

      for (guint m = 1; m < stop->count; m++)
        if (lsm_clusters_get_member (clusters, stop->first + m) == site)
          return i;
    }

  return -1;
}

/* When the map has the keyboard focus: the stops in view, and in @current the one with the
 * focus, or -1. */
static GArray *
focused_stops (LsmMapView *self,
               int        *current)
{
  GArray *stops;

  if (!gtk_widget_is_focus (GTK_WIDGET (self)))
    return NULL;

  stops = collect_stops (self);
  *current = find_stop (self, stops, self->focus_site);

  return stops;
}

/* The nearest stop whose direction from (ox, oy) is (dx, dy), one off the line weighing more
 * than one along it; -1 if none lies that way. */
static int
find_in_direction (GArray *stops,
                   int     from,
                   double  ox,
                   double  oy,
                   int     dx,
                   int     dy)
{
  double best_score = G_MAXDOUBLE;
  int best = -1;

  for (guint i = 0; i < stops->len; i++)
    {
      const Stop *stop = &g_array_index (stops, Stop, i);
      double vx = stop->x - ox, vy = stop->y - oy;
      double along = vx * dx + vy * dy;
      double across = fabs (vx * dy - vy * dx);

      if ((int) i == from || along < 1.0)
        continue;
      if (along + 2 * across < best_score)
        {
          best_score = along + 2 * across;
          best = i;
        }
    }

  return best;
}

static char *
describe_stop (LsmMapView *self,
               const Stop *stop)
{
  g_autofree char *spoken = NULL;

  if (stop == NULL)
    return g_strdup (_("Map"));

  if (stop->count > 1 && stop->one_point)
    /* Translators: what a screen reader says for a cluster of sites on one point of the map */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u site at one point: Enter lists it",
                                         "%u sites at one point: Enter lists them", stop->count), stop->count);
  if (stop->count > 1)
    /* Translators: what a screen reader says for a cluster of sites on the map */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u site close together: Enter zooms in",
                                         "%u sites close together: Enter zooms in", stop->count), stop->count);

  spoken = lsm_site_format_spoken (stop->site);
  if (stop->site != self->selected)
    return g_steal_pointer (&spoken);

  /* Translators: what a screen reader says for the selected site on the map: name, sector, status */
  return g_strdup_printf (C_("map symbol", "%s, selected"), spoken);
}

static void
announce (LsmMapView *self,
          const Stop *stop)
{
  g_autofree char *label = describe_stop (self, stop);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
focus_stop (LsmMapView *self,
            const Stop *stop)
{
  LsmFeature *site = stop != NULL ? stop->site : NULL;

  g_set_object (&self->focus_site, site);
  announce (self, stop);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Says what the stop with the focus now is, after the symbols were remade under it. */
static void
announce_current (LsmMapView *self)
{
  g_autoptr(GArray) stops = collect_stops (self);
  int current = find_stop (self, stops, self->focus_site);

  announce (self, current >= 0 ? &g_array_index (stops, Stop, current) : NULL);
}

/* A site selected elsewhere (the table, the search) is where the keyboard goes on from; any
 * selection changes whether the stop is read as selected. */
void
_lsm_map_view_focus_follow (LsmMapView *self,
                            LsmFeature *feature)
{
  if (feature != NULL && !lsm_feature_is_area (feature))
    {
      g_set_object (&self->focus_site, feature);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }

  announce_current (self);
}

static gboolean
move_cb (GtkWidget *widget,
         GVariant  *args,
         gpointer   user_data)
{
  LsmMapView *self = LSM_MAP_VIEW (widget);
  g_autoptr(GArray) stops = NULL;
  int dx, dy, current, next;
  double ox, oy;

  stops = focused_stops (self, &current);
  if (stops == NULL)
    return FALSE;

  g_variant_get (args, "(ii)", &dx, &dy);
  ox = current >= 0 ? g_array_index (stops, Stop, current).x : gtk_widget_get_width (widget) / 2.0;
  oy = current >= 0 ? g_array_index (stops, Stop, current).y : gtk_widget_get_height (widget) / 2.0;
  next = find_in_direction (stops, current, ox, oy, dx, dy);

  /* Nothing that way: the map pans, bringing what lies beyond into view. Left to the window,
   * the key would move the focus out of the map. */
  if (next < 0)
    {
      lsm_map_view_pan (self, dx * PAN_STEP, dy * PAN_STEP);
      return TRUE;
    }

  focus_stop (self, &g_array_index (stops, Stop, next));
  return TRUE;
}

static gboolean
activate_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  LsmMapView *self = LSM_MAP_VIEW (widget);
  g_autoptr(GArray) stops = NULL;
  const Stop *stop;
  int current;

  stops = focused_stops (self, &current);
  if (stops == NULL || current < 0)
    return FALSE;

  stop = &g_array_index (stops, Stop, current);
  if (stop->count == 1)
    {
      _lsm_map_view_activate (self, stop->site);
      return TRUE;
    }

  /* Zoomed in, the focus is on the part of the cluster that holds its first member. */
  lsm_sites_layer_activate_cluster (self->sites_layer, stop->layer_x, stop->layer_y);
  announce_current (self);
  return TRUE;
}

static gboolean
activate_district_cb (GtkWidget *widget,
                      GVariant  *args,
                      gpointer   user_data)
{
  LsmMapView *self = LSM_MAP_VIEW (widget);
  ShumateViewport *viewport;
  g_autoptr(GArray) stops = NULL;
  LsmFeature *area;
  int current;
  double lat, lon;

  stops = focused_stops (self, &current);
  if (stops == NULL || self->scene == NULL)
    return FALSE;

  /* The district around the focused site's true point, else around the focused cluster,
   * else around the middle of the map. */
  viewport = lsm_map_view_get_viewport (self);
  if (current < 0)
    shumate_viewport_widget_coords_to_location (viewport, widget, gtk_widget_get_width (widget) / 2.0,
                                                gtk_widget_get_height (widget) / 2.0, &lat, &lon);
  else if (g_array_index (stops, Stop, current).count > 1
           || !lsm_feature_get_location (self->focus_site, &lon, &lat))
    shumate_viewport_widget_coords_to_location (viewport, GTK_WIDGET (self->sites_layer),
                                                g_array_index (stops, Stop, current).layer_x,
                                                g_array_index (stops, Stop, current).layer_y, &lat, &lon);

  area = _lsm_map_view_area_at (self, lon, lat);
  if (area == NULL)
    return FALSE;

  _lsm_map_view_activate (self, area);
  return TRUE;
}

static gboolean
lsm_map_view_focus (GtkWidget        *widget,
                    GtkDirectionType  direction)
{
  LsmMapView *self = LSM_MAP_VIEW (widget);
  GtkWidgetClass *parent_class = g_type_class_peek (GTK_TYPE_WIDGET);
  gboolean forward = direction == GTK_DIR_TAB_FORWARD;
  gboolean tab = forward || direction == GTK_DIR_TAB_BACKWARD;
  gboolean was_focus = gtk_widget_is_focus (widget);
  g_autoptr(GArray) stops = NULL;
  int current;

  if (was_focus && tab)
    {
      stops = collect_stops (self);
      current = find_stop (self, stops, self->focus_site);
      current = current < 0 ? (forward ? 0 : -1) : current + (forward ? 1 : -1);
      if (current >= 0 && current < (int) stops->len)
        {
          focus_stop (self, &g_array_index (stops, Stop, current));
          return TRUE;
        }

      /* Past the last stop: on to the map's own buttons, then out of the map. */
      focus_stop (self, NULL);
      return parent_class->focus (widget, direction);
    }

  if (!parent_class->focus (widget, direction))
    return FALSE;

  /* Coming in: the remembered stop if it is still in view, else the first (or, backwards, the
   * last) one. */
  if (!was_focus && tab && gtk_widget_is_focus (widget))
    {
      stops = collect_stops (self);
      current = find_stop (self, stops, self->focus_site);
      if (current < 0 && stops->len > 0)
        current = forward ? 0 : (int) stops->len - 1;
      focus_stop (self, current >= 0 ? &g_array_index (stops, Stop, current) : NULL);
    }

  return TRUE;
}

static void
draw_ring (cairo_t *cr)
{
  /* Dark on a white halo: visible on any tile and fill, in greyscale too, and apart from the
   * blue ring of the selection. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_line_width (cr, 6);
  cairo_stroke_preserve (cr);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  cairo_set_line_width (cr, 2.5);
  cairo_stroke (cr);
}

static void
lsm_map_view_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  LsmMapView *self = LSM_MAP_VIEW (widget);
  GtkWidgetClass *parent_class = g_type_class_peek (GTK_TYPE_WIDGET);
  double width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  g_autoptr(GArray) stops = NULL;
  cairo_t *cr;
  int current;

  parent_class->snapshot (widget, snapshot);

  stops = focused_stops (self, &current);
  if (stops == NULL)
    return;

  if (current < 0)
    {
      /* No symbol has the focus: the map itself shows it. */
      cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
      cairo_rectangle (cr, 3, 3, width - 6, height - 6);
    }
  else
    {
      const Stop *stop = &g_array_index (stops, Stop, current);
      double r = stop->radius + RING_GAP;

      cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (stop->x - r - 4, stop->y - r - 4,
                                                                     2 * r + 8, 2 * r + 8));
      cairo_arc (cr, stop->x, stop->y, r, 0, 2 * G_PI);
    }
  draw_ring (cr);
  cairo_destroy (cr);
}

static void
on_is_focus_cb (LsmMapView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_lsm_map_view_class_init_focus (GtkWidgetClass *widget_class)
{
  static const struct { guint key; int dx, dy; } moves[] = {
    { GDK_KEY_Left, -1, 0 }, { GDK_KEY_Right, 1, 0 }, { GDK_KEY_Up, 0, -1 }, { GDK_KEY_Down, 0, 1 },
    { GDK_KEY_KP_Left, -1, 0 }, { GDK_KEY_KP_Right, 1, 0 }, { GDK_KEY_KP_Up, 0, -1 }, { GDK_KEY_KP_Down, 0, 1 },
  };
  static const guint activate_keys[] = { GDK_KEY_Return, GDK_KEY_KP_Enter, GDK_KEY_ISO_Enter, GDK_KEY_space,
                                         GDK_KEY_KP_Space };

  widget_class->focus = lsm_map_view_focus;
  widget_class->snapshot = lsm_map_view_snapshot;

  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    gtk_widget_class_add_binding (widget_class, moves[i].key, 0, move_cb, "(ii)", moves[i].dx, moves[i].dy);
  for (guint i = 0; i < G_N_ELEMENTS (activate_keys); i++)
    gtk_widget_class_add_binding (widget_class, activate_keys[i], 0, activate_cb, NULL);
  for (guint i = 0; i < 3; i++)
    gtk_widget_class_add_binding (widget_class, activate_keys[i], GDK_SHIFT_MASK, activate_district_cb, NULL);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

void
_lsm_map_view_init_focus (LsmMapView *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect_object (focus, "notify::is-focus", G_CALLBACK (on_is_focus_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Map"), -1);
  _lsm_map_view_update_focus_description (self);
}

/* Shift+Enter opens the unit the map draws: say which. */
void
_lsm_map_view_update_focus_description (LsmMapView *self)
{
  gboolean communes = self->scene != NULL && lsm_scene_get_units (self->scene) == LSM_UNITS_COMMUNES_2025;

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  communes
                                  ? _("Arrow keys or Tab move between the sites in view; Enter opens the focused one, "
                                      "Shift+Enter its commune (since 2025).")
                                  : _("Arrow keys or Tab move between the sites in view; Enter opens the focused one, "
                                      "Shift+Enter its district."),
                                  -1);
}
