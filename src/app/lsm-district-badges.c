/* lsm-district-badges.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-district-badges"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "lsm-catalog.h"
#include "lsm-district-badges.h"
#include "lsm-district-sites.h"
#include "lsm-feature.h"
#include "lsm-filter.h"
#include "lsm-labels.h"
#include "lsm-view.h"
#include "lsm-vocab.h"

/* Sites known only to their district get no symbol (lsm_feature_is_drawn_as_point()): under
 * each district's label, a badge counts those the filter shows, and lists them when clicked.
 * At most one marker widget per district, so a handful; the sites themselves stay in the one
 * sites layer. Each badge goes in the room the base map's tiles left it under the district's
 * name (lsm_scene_get_tile_label()), placed with the name against every symbol as paper
 * places its badges, and moves when the tiles' zoom level does. */

struct _LsmDistrictBadges
{
  GObject             parent_instance;

  /* owned references */
  ShumateMarkerLayer *layer;
  LsmScene           *scene;
  LsmFilter          *filter;
  GHashTable         *badges; /* LsmFeature (district) → GtkMenuButton, borrowed from the layer */
  gboolean            named;  /* the map shows no district labels: the badges name them */
  int                 zoom;   /* the tiles' zoom level the badges are placed for */
};

G_DEFINE_FINAL_TYPE (LsmDistrictBadges, lsm_district_badges, G_TYPE_OBJECT)

enum {
  SITE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Below the district's name, which is centred on the same point: for a district the tiles kept
 * no room for (one whose only sites with no point are in a user's layer). */
#define BADGE_OFFSET 34

static void
on_site_clicked_cb (GtkButton         *button,
                    LsmDistrictBadges *self)
{
  LsmFeature *site = g_object_get_data (G_OBJECT (button), "lsm-site");
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_POPOVER);

  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
  g_signal_emit (self, signals[SITE_ACTIVATED], 0, site);
}

static GtkWidget *
make_list (LsmDistrictBadges *self,
           LsmFeature        *district,
           GPtrArray         *sites)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *heading;
  GtkWidget *note;

  heading = gtk_label_new (lsm_feature_get_full_name (district) != NULL ? lsm_feature_get_full_name (district)
                                                                        : lsm_feature_get_name (district));
  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_box_append (GTK_BOX (box), heading);
  note = gtk_label_new (_("Known only to the district: no source says where in it these sites are."));
  gtk_label_set_wrap (GTK_LABEL (note), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (note), 36);
  gtk_label_set_xalign (GTK_LABEL (note), 0);
  gtk_widget_add_css_class (note, "caption");
  gtk_widget_add_css_class (note, "dim-label");
  gtk_widget_set_margin_bottom (note, 4);
  gtk_box_append (GTK_BOX (box), note);

  for (guint i = 0; i < sites->len; i++)
    {
      LsmFeature *site = g_ptr_array_index (sites, i);
      LsmSector sector = lsm_feature_get_sector (site);
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *label = gtk_label_new (lsm_feature_get_name (site));
      GtkWidget *button = gtk_button_new ();

      gtk_box_append (GTK_BOX (row), gtk_image_new_from_icon_name (lsm_sector_get_icon_name (sector)));
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
      gtk_box_append (GTK_BOX (row), label);
      gtk_button_set_child (GTK_BUTTON (button), row);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, lsm_sector_get_label (sector));
      g_object_set_data_full (G_OBJECT (button), "lsm-site", g_object_ref (site), g_object_unref);
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_site_clicked_cb), self, 0);
      gtk_box_append (GTK_BOX (box), button);
    }

  return box;
}

/* The zoom level of the tiles shown: libshumate draws those of the whole part of the zoom. */
static int
tile_zoom (LsmDistrictBadges *self)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self->layer));

  return (int) floor (shumate_viewport_get_zoom_level (viewport));
}

/* Puts @badge where the tiles of the current zoom left it room, in the font and size it was
 * measured with there, so that it covers neither a symbol nor its district's name. */
static void
place_badge (LsmDistrictBadges *self,
             LsmFeature        *district,
             GtkWidget         *badge)
{
  ShumateMarker *marker = SHUMATE_MARKER (gtk_widget_get_parent (badge));
  GtkWidget *label = gtk_menu_button_get_child (GTK_MENU_BUTTON (badge));
  const LsmLabel *room = lsm_scene_get_tile_label (self->scene, MAX (self->zoom, 0), LSM_LABEL_BADGE,
                                                    district);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
  g_autoptr(PangoFontDescription) font = NULL;
  LsmView world;
  double lon, lat, size;

  if (room == NULL)
    {
      lsm_feature_get_label_point (district, &lon, &lat);
      shumate_location_set_location (SHUMATE_LOCATION (marker), lat, lon);
      gtk_widget_set_margin_top (badge, BADGE_OFFSET);
      gtk_widget_set_size_request (badge, -1, -1);
      gtk_label_set_attributes (GTK_LABEL (label), NULL);
      return;
    }

  /* The marker is centred on its location: the room's centre, from world pixels at the zoom. */
  size = LSM_TILE_SIZE * exp2 (self->zoom);
  world = (LsmView) { 0, 0, self->zoom, size, size, 1.0 };
  lsm_view_unproject (&world, (room->box.x0 + room->box.x1) / 2, (room->box.y0 + room->box.y1) / 2,
                      &lon, &lat);
  shumate_location_set_location (SHUMATE_LOCATION (marker), lat, lon);
  gtk_widget_set_margin_top (badge, 0);
  /* Whole pixels inside the room: the text, measured the same way, needs less. */
  gtk_widget_set_size_request (badge, (int) floor (room->box.x1 - room->box.x0),
                               (int) floor (room->box.y1 - room->box.y0));
  font = lsm_label_get_font (room);
  pango_attr_list_insert (attrs, pango_attr_font_desc_new (font));
  gtk_label_set_attributes (GTK_LABEL (label), attrs);
}

static void
add_badge (LsmDistrictBadges *self,
           LsmFeature        *district,
           GPtrArray         *sites)
{
  g_autofree char *count = NULL;
  g_autofree char *tooltip = NULL;
  ShumateMarker *marker = shumate_marker_new ();
  GtkWidget *badge = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();

  if (self->named)
    /* Translators: a map badge where district names are not drawn: district, count of sites */
    count = g_strdup_printf (C_("district badge", "%s: %u"), lsm_feature_get_name (district), sites->len);
  else
    count = g_strdup_printf ("%u", sites->len);

  /* Translators: tooltip of a map badge; %u is a count of sites, %s a district */
  tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u site known only to %s: show it",
                                          "%u sites known only to %s: show them", sites->len),
                             sites->len, lsm_feature_get_name (district));
  /* A label of our own, not gtk_menu_button_set_label()'s, for the font of the tiles' room. */
  gtk_menu_button_set_child (GTK_MENU_BUTTON (badge), gtk_label_new (count));
  gtk_menu_button_set_always_show_arrow (GTK_MENU_BUTTON (badge), FALSE);
  gtk_widget_set_tooltip_text (badge, tooltip);
  gtk_widget_add_css_class (badge, "lsm-district-badge");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_popover_set_child (GTK_POPOVER (popover), make_list (self, district, sites));
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (badge), popover);

  shumate_marker_set_child (marker, badge);
  place_badge (self, district, badge);
  shumate_marker_layer_add_marker (self->layer, marker);
  g_hash_table_insert (self->badges, district, badge);
}

static void
on_zoom_level_changed_cb (LsmDistrictBadges *self)
{
  GHashTableIter iter;
  gpointer district, badge;

  if (tile_zoom (self) == self->zoom)
    return;

  self->zoom = tile_zoom (self);
  g_hash_table_iter_init (&iter, self->badges);
  while (g_hash_table_iter_next (&iter, &district, &badge))
    place_badge (self, district, badge);
}

static void
rebuild (LsmDistrictBadges *self)
{
  GListModel *districts = lsm_catalog_get_districts (lsm_scene_get_catalog (self->scene));
  g_autoptr(GListModel) unplaced = lsm_district_filter_unplaced (G_LIST_MODEL (self->filter));

  g_hash_table_remove_all (self->badges);
  shumate_marker_layer_remove_all (self->layer);

  for (guint i = 0; i < g_list_model_get_n_items (districts); i++)
    {
      g_autoptr(LsmFeature) district = g_list_model_get_item (districts, i);
      g_autoptr(GPtrArray) sites = lsm_district_list_unplaced (unplaced, district);

      if (sites->len > 0 && lsm_feature_get_label_point (district, NULL, NULL))
        add_badge (self, district, sites);
    }
}

static void
lsm_district_badges_dispose (GObject *object)
{
  LsmDistrictBadges *self = (LsmDistrictBadges *) object;

  if (self->badges != NULL)
    g_hash_table_remove_all (self->badges);
  g_clear_object (&self->layer);
  g_clear_object (&self->filter);
  g_clear_object (&self->scene);

  G_OBJECT_CLASS (lsm_district_badges_parent_class)->dispose (object);
}

static void
lsm_district_badges_finalize (GObject *object)
{
  LsmDistrictBadges *self = (LsmDistrictBadges *) object;

  g_clear_pointer (&self->badges, g_hash_table_unref);

  G_OBJECT_CLASS (lsm_district_badges_parent_class)->finalize (object);
}

static void
lsm_district_badges_class_init (LsmDistrictBadgesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lsm_district_badges_dispose;
  object_class->finalize = lsm_district_badges_finalize;

  /**
   * LsmDistrictBadges::site-activated:
   * @self: the badges
   * @site: the site chosen from a badge's list
   */
  signals[SITE_ACTIVATED] =
    g_signal_new ("site-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, LSM_TYPE_FEATURE);
}

static void
lsm_district_badges_init (LsmDistrictBadges *self)
{
  self->badges = g_hash_table_new (NULL, NULL);
}

/**
 * lsm_district_badges_new:
 * @viewport: the map's viewport
 * @scene: what the base map draws: its districts, and where its tiles left the badges room
 * @filter: which sites to count
 *
 * Returns: (transfer full): badges that follow @filter
 */
LsmDistrictBadges *
lsm_district_badges_new (ShumateViewport *viewport,
                         LsmScene        *scene,
                         LsmFilter       *filter)
{
  LsmDistrictBadges *self;

  g_return_val_if_fail (SHUMATE_IS_VIEWPORT (viewport), NULL);
  g_return_val_if_fail (LSM_IS_SCENE (scene), NULL);
  g_return_val_if_fail (LSM_IS_FILTER (filter), NULL);

  self = g_object_new (LSM_TYPE_DISTRICT_BADGES, NULL);
  self->layer = g_object_ref_sink (shumate_marker_layer_new_full (viewport, GTK_SELECTION_NONE));
  self->scene = g_object_ref (scene);
  self->filter = g_object_ref (filter);
  self->zoom = tile_zoom (self);
  g_signal_connect_object (filter, "changed", G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (viewport, "notify::zoom-level", G_CALLBACK (on_zoom_level_changed_cb), self,
                           G_CONNECT_SWAPPED);
  rebuild (self);

  return self;
}

/**
 * lsm_district_badges_set_named:
 * @self: the badges
 * @named: whether the badges give their district's name, for a map that labels other units
 */
void
lsm_district_badges_set_named (LsmDistrictBadges *self,
                               gboolean           named)
{
  g_return_if_fail (LSM_IS_DISTRICT_BADGES (self));

  if (self->named == !!named)
    return;

  self->named = !!named;
  rebuild (self);
}

/**
 * lsm_district_badges_get_layer:
 * @self: the badges
 *
 * Returns: (transfer none): the map layer that holds them
 */
ShumateLayer *
lsm_district_badges_get_layer (LsmDistrictBadges *self)
{
  g_return_val_if_fail (LSM_IS_DISTRICT_BADGES (self), NULL);

  return SHUMATE_LAYER (self->layer);
}

/**
 * lsm_district_badges_get_badge:
 * @self: the badges
 * @district: a district
 *
 * Returns: (transfer none) (nullable): the district's badge, if the filter shows any of its
 *   sites known only to it
 */
GtkMenuButton *
lsm_district_badges_get_badge (LsmDistrictBadges *self,
                               LsmFeature        *district)
{
  g_return_val_if_fail (LSM_IS_DISTRICT_BADGES (self), NULL);

  return g_hash_table_lookup (self->badges, district);
}
