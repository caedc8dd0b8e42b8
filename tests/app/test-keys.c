/* test-keys.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <locale.h>
#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "lsm-catalog.h"
#include "lsm-feature.h"
#include "lsm-headline.h"
#include "lsm-map-view.h"
#include "lsm-sites-layer.h"
#include "lsm-test-app.h"
#include "lsm-test-utils.h"
#include "lsm-window-private.h"

/* The window without a mouse, as a keyboard and a screen reader user meet it: Tab into the
 * map, arrows between the sites, Enter to open one, Shift+Enter for its district, Tab through
 * the panel, and what the accessible names say. Run with GTK_A11Y=test, in English and in
 * Vietnamese. */

static gboolean
is_vietnamese (void)
{
  return g_str_has_prefix (setlocale (LC_MESSAGES, NULL), "vi");
}

static gboolean
trigger_matches (GtkShortcutTrigger *trigger,
                 guint               keyval,
                 GdkModifierType     modifiers)
{
  if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    return trigger_matches (gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)), keyval, modifiers)
           || trigger_matches (gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)), keyval, modifiers);

  return GTK_IS_KEYVAL_TRIGGER (trigger)
         && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval
         && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers;
}

/* GTK 4 cannot synthesize input. A key press runs the shortcuts of the focus widget, then of
 * each of its ancestors, until one takes it: this runs those same shortcuts (the map's
 * bindings, the window's pan and its Tab) in that order. */
static gboolean
press (LsmWindow       *window,
       guint            keyval,
       GdkModifierType  modifiers)
{
  GtkWidget *widget = gtk_root_get_focus (GTK_ROOT (window));

  for (widget = widget != NULL ? widget : GTK_WIDGET (window); widget != NULL; widget = gtk_widget_get_parent (widget))
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

          if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
            continue;

          for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
            {
              g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
              if (!trigger_matches (gtk_shortcut_get_trigger (shortcut), keyval, modifiers))
                continue;
              if (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                                widget, gtk_shortcut_get_arguments (shortcut)))
                {
                  settle ();
                  return TRUE;
                }
            }
        }
    }

  return FALSE;
}

/* The accessible label as a screen reader gets it. */
static char *
accessible_label (GtkWidget *widget)
{
  /* GTK 4.8 has no getter: the check hands back the value when it differs. */
  char *value = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                    "\x01");

  g_assert_nonnull (value);
  return value;
}

/* The site the map's accessible label names, or NULL if it names none. */
static LsmFeature *
announced_site (LsmWindow *window)
{
  g_autofree char *label = accessible_label (GTK_WIDGET (window->map_view));
  GListModel *sites = lsm_catalog_get_sites (lsm_window_get_catalog (window));
  g_autofree char *selected = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (sites); i++)
    {
      g_autoptr(LsmFeature) site = g_list_model_get_item (sites, i);
      g_autofree char *spoken = lsm_site_format_spoken (site);

      g_clear_pointer (&selected, g_free);
      selected = g_strdup_printf (C_("map symbol", "%s, selected"), spoken);
      if (g_str_equal (label, spoken) || g_str_equal (label, selected))
        return site;
    }

  return NULL;
}

static LsmSitesLayer *
sites_layer (LsmWindow *window)
{
  return lsm_map_view_get_sites_layer (window->map_view);
}

static gboolean
in_view (LsmWindow *window,
         double     x,
         double     y)
{
  GtkWidget *layer = GTK_WIDGET (sites_layer (window));

  return x >= 0 && y >= 0 && x <= gtk_widget_get_width (layer) && y <= gtk_widget_get_height (layer);
}

/* Tab from wherever the focus is until it is on the map. */
static void
tab_into_map (LsmWindow *window)
{
  for (guint i = 0; i < 200 && gtk_root_get_focus (GTK_ROOT (window)) != GTK_WIDGET (window->map_view); i++)
    g_assert_true (press (window, GDK_KEY_Tab, 0));

  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == GTK_WIDGET (window->map_view));
}

/* Tab until the map announces a site (not a cluster). */
static LsmFeature *
tab_to_site (LsmWindow *window)
{
  tab_into_map (window);
  for (guint i = 0; i < 100 && announced_site (window) == NULL; i++)
    {
      g_assert_true (press (window, GDK_KEY_Tab, 0));
      g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == GTK_WIDGET (window->map_view));
    }

  g_assert_nonnull (announced_site (window));
  return announced_site (window);
}

static GtkLabel *
title_label (LsmWindow *window)
{
  GtkWidget *widget = GTK_WIDGET (window->detail_panel);

  /* The header's title: the first label, depth first. */
  while (widget != NULL && !GTK_IS_LABEL (widget))
    {
      GtkWidget *next = gtk_widget_get_first_child (widget);

      while (next == NULL && widget != GTK_WIDGET (window->detail_panel))
        {
          next = gtk_widget_get_next_sibling (widget);
          widget = gtk_widget_get_parent (widget);
        }
      widget = next;
    }

  g_assert_nonnull (widget);
  g_assert_true (gtk_widget_has_css_class (widget, "title-3"));
  return GTK_LABEL (widget);
}

static const char *
panel_title (LsmWindow *window)
{
  return gtk_label_get_text (title_label (window));
}

static gboolean
is_dark (guint32 pixel)
{
  return ((pixel >> 16) & 0xff) < 90 && ((pixel >> 8) & 0xff) < 90 && (pixel & 0xff) < 90;
}

/* A ring of dark ink around @site's symbol, on all four sides. */
static void
assert_ring (LsmWindow  *window,
             LsmFeature *site)
{
  GtkWidget *map = GTK_WIDGET (window->map_view);
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guint32 *pixels = NULL;
  graphene_point_t centre;
  double x, y;
  int width;
  const int offsets[][2] = { { 17, 0 }, { -17, 0 }, { 0, 17 }, { 0, -17 } };

  gtk_test_widget_wait_for_draw (map);
  g_assert_true (lsm_sites_layer_get_position (sites_layer (window), site, &x, &y));
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (sites_layer (window)), map, &GRAPHENE_POINT_INIT (x, y),
                                           &centre));
  texture = render_widget (map);
  width = gdk_texture_get_width (texture);
  pixels = g_new (guint32, width * gdk_texture_get_height (texture));
  gdk_texture_download (texture, (guchar *) pixels, width * 4);

  for (guint i = 0; i < G_N_ELEMENTS (offsets); i++)
    {
      int px = (int) round (centre.x) + offsets[i][0], py = (int) round (centre.y) + offsets[i][1];
      gboolean dark = FALSE;

      /* The line is 2.5 px wide: one of the pixels across it is dark. */
      for (int d = -1; d <= 1 && !dark; d++)
        dark = is_dark (pixels[(py + d * (offsets[i][0] == 0)) * width + px + d * (offsets[i][1] == 0)]);
      if (!dark)
        g_error ("no focus ring at %d,%d around %s", px, py, lsm_feature_get_name (site));
    }
}

/* The score that makes a stop the nearest one to the right: distance along the way plus twice
 * the distance off it. */
static double
rightward (double x0,
           double y0,
           double x,
           double y)
{
  return x - x0 < 1 ? G_MAXDOUBLE : (x - x0) + 2 * fabs (y - y0);
}

static void
test_keys_map_sites (void)
{
  g_autoptr(LsmWindow) window = g_object_ref (open_window (NULL));
  LsmSitesLayer *layer = sites_layer (window);
  g_autofree char *description = NULL;
  g_autofree char *label = NULL;
  g_autofree char *spoken = NULL;
  g_autofree char *selected = NULL;
  LsmFeature *first, *next, *expected = NULL;
  double best = G_MAXDOUBLE, x0, y0, x, y;
  LsmFeature *site;

  /* Before the map has the focus it is a map, and says how to use it. */
  label = accessible_label (GTK_WIDGET (window->map_view));
  g_assert_cmpstr (label, ==, is_vietnamese () ? "Bản đồ" : "Map");
  description = gtk_test_accessible_check_property (GTK_ACCESSIBLE (window->map_view),
                                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "");
  g_assert_nonnull (description);
  g_assert_nonnull (strstr (description, is_vietnamese () ? "Phím mũi tên" : "Arrow keys"));

  first = tab_to_site (window);
  g_assert_true (lsm_sites_layer_get_position (layer, first, &x0, &y0));
  g_assert_true (in_view (window, x0, y0));

  /* Right: the nearest stop that way, sites and clusters alike. */
  for (guint i = 0; (site = lsm_sites_layer_get_drawn (layer, i, &x, &y)) != NULL; i++)
    if (in_view (window, x, y) && rightward (x0, y0, x, y) < best)
      {
        best = rightward (x0, y0, x, y);
        expected = site;
      }
  for (guint i = 0; lsm_sites_layer_get_cluster (layer, i, NULL, &x, &y); i++)
    if (in_view (window, x, y) && rightward (x0, y0, x, y) < best)
      {
        best = rightward (x0, y0, x, y);
        expected = NULL;
      }

  /* The bundled data at the province's view: a site lies right of the first. */
  g_assert_nonnull (expected);
  g_assert_true (press (window, GDK_KEY_Right, 0));
  next = announced_site (window);
  g_assert_nonnull (next);
  g_assert_cmpstr (lsm_feature_get_id (next), ==, lsm_feature_get_id (expected));
  g_assert_true (lsm_sites_layer_get_position (layer, next, &x, &y));
  g_assert_cmpfloat (x, >, x0);
  first = next;

  /* The focus is visible: a dark ring around the symbol, clear of the symbol itself. */
  assert_ring (window, first);
  save_screenshot (GTK_WIDGET (window), is_vietnamese () ? "keys-focus-vi.png" : "keys-focus-en.png");

  /* Enter opens it, as a click does; the map keeps the focus and says it is selected. */
  g_assert_true (press (window, GDK_KEY_Return, 0));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->detail_panel)));
  g_assert_cmpstr (panel_title (window), ==, lsm_feature_get_name (first));
  g_assert_true (lsm_map_view_get_selected (window->map_view) == first);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == GTK_WIDGET (window->map_view));
  spoken = lsm_site_format_spoken (first);
  selected = g_strdup_printf (C_("map symbol", "%s, selected"), spoken);
  g_clear_pointer (&label, g_free);
  label = accessible_label (GTK_WIDGET (window->map_view));
  g_assert_cmpstr (label, ==, selected);
  /* Name, sector and status, in the user's language. */
  g_assert_nonnull (strstr (label, lsm_feature_get_name (first)));
  g_assert_nonnull (strstr (label, is_vietnamese () ? "đã chọn" : "selected"));
  assert_ring (window, first);
  save_screenshot (GTK_WIDGET (window), is_vietnamese () ? "keys-selected-vi.png" : "keys-selected-en.png");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_keys_map_arrows_pan (void)
{
  g_autoptr(LsmWindow) window = g_object_ref (open_window (NULL));
  ShumateViewport *viewport = lsm_map_view_get_viewport (window->map_view);
  LsmFeature *site;
  double lat, lon;
  guint steps = 0;

  tab_to_site (window);

  /* Right until no site lies that way: then the key pans the map, and the focus stays put. */
  for (site = announced_site (window); steps < 100; steps++)
    {
      lon = shumate_location_get_longitude (SHUMATE_LOCATION (viewport));
      g_assert_true (press (window, GDK_KEY_Right, 0));
      if (shumate_location_get_longitude (SHUMATE_LOCATION (viewport)) != lon)
        break;
    }
  g_assert_cmpuint (steps, <, 100);
  g_assert_cmpfloat (shumate_location_get_longitude (SHUMATE_LOCATION (viewport)), >, lon);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == GTK_WIDGET (window->map_view));
  g_assert_nonnull (site);

  /* Shift+arrow always pans. */
  lat = shumate_location_get_latitude (SHUMATE_LOCATION (viewport));
  g_assert_true (press (window, GDK_KEY_Down, GDK_SHIFT_MASK));
  g_assert_cmpfloat (shumate_location_get_latitude (SHUMATE_LOCATION (viewport)), <, lat);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_keys_cluster (void)
{
  g_autofree char *dir = lsm_test_make_synthetic_dir (3000, 40);
  g_autoptr(LsmWindow) window = g_object_ref (open_window (dir));
  ShumateViewport *viewport = lsm_map_view_get_viewport (window->map_view);
  g_autofree char *label = NULL;
  g_autofree char *after = NULL;
  double zoom;
  guint i;

  g_assert_cmpuint (lsm_sites_layer_get_n_clusters (sites_layer (window)), >, 0);

  /* A cluster is one stop, announced as what it is. */
  tab_into_map (window);
  for (i = 0; i < 100; i++)
    {
      g_clear_pointer (&label, g_free);
      label = accessible_label (GTK_WIDGET (window->map_view));
      if (strstr (label, is_vietnamese () ? "phóng to" : "zooms in") != NULL)
        break;
      g_assert_true (press (window, GDK_KEY_Tab, 0));
      g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == GTK_WIDGET (window->map_view));
    }
  g_assert_cmpuint (i, <, 100);
  g_assert_null (announced_site (window));

  /* Enter zooms into it, as a click does. */
  zoom = shumate_viewport_get_zoom_level (viewport);
  g_assert_true (press (window, GDK_KEY_Return, 0));
  g_assert_cmpfloat (shumate_viewport_get_zoom_level (viewport), >=, zoom + 1);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->detail_panel)));

  /* The focus stays on what the cluster held, and says what that is now. */
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == GTK_WIDGET (window->map_view));
  after = accessible_label (GTK_WIDGET (window->map_view));
  g_assert_cmpstr (after, !=, label);
  g_assert_cmpstr (after, !=, is_vietnamese () ? "Bản đồ" : "Map");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_keys_district (void)
{
  g_autoptr(LsmWindow) window = g_object_ref (open_window (NULL));
  LsmCatalog *catalog = lsm_window_get_catalog (window);
  LsmFeature *site, *district, *shown;
  double lon, lat;

  /* A small screen: the keys do not depend on the room the map has. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 700);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  settle ();

  site = tab_to_site (window);
  g_assert_true (lsm_feature_get_location (site, &lon, &lat));
  district = lsm_catalog_district_at (catalog, lon, lat);
  g_assert_nonnull (district);

  /* Shift+Enter opens the district around the focused site. */
  g_assert_true (press (window, GDK_KEY_Return, GDK_SHIFT_MASK));
  shown = lsm_detail_panel_get_feature (window->detail_panel);
  g_assert_true (shown == district);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->detail_panel)));
  g_assert_cmpstr (panel_title (window), ==, lsm_feature_get_full_name (district) != NULL
                                             ? lsm_feature_get_full_name (district)
                                             : lsm_feature_get_name (district));
  save_screenshot (GTK_WIDGET (window), is_vietnamese () ? "keys-district-1024-vi.png" : "keys-district-1024-en.png");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Over the communes of 2025, Shift+Enter opens the commune around the focus, and the map says so. */
static void
test_keys_commune (void)
{
  g_autoptr(LsmWindow) window = g_object_ref (open_window (NULL));
  LsmCatalog *catalog = lsm_window_get_catalog (window);
  g_autofree char *description = NULL;
  LsmFeature *site, *commune;
  double lon, lat;

  g_action_group_activate_action (G_ACTION_GROUP (window), "units", g_variant_new_string ("communes-2025"));
  settle ();
  description = gtk_test_accessible_check_property (GTK_ACCESSIBLE (window->map_view),
                                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "");
  g_assert_nonnull (description);
  g_assert_nonnull (strstr (description, is_vietnamese () ? "mở xã (từ năm 2025)" : "its commune (since 2025)"));

  site = tab_to_site (window);
  g_assert_true (lsm_feature_get_location (site, &lon, &lat));
  commune = lsm_catalog_unit_2025_at (catalog, lon, lat, 0);
  g_assert_nonnull (commune);
  g_assert_true (press (window, GDK_KEY_Return, GDK_SHIFT_MASK));
  g_assert_true (lsm_detail_panel_get_feature (window->detail_panel) == commune);

  /* Back to the districts, back to their wording. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "units", g_variant_new_string ("districts"));
  settle ();
  g_clear_pointer (&description, g_free);
  description = gtk_test_accessible_check_property (GTK_ACCESSIBLE (window->map_view),
                                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "");
  g_assert_nonnull (strstr (description, is_vietnamese () ? "mở huyện" : "its district"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_in (GtkWidget *widget,
       GtkWidget *ancestor)
{
  return widget == ancestor || gtk_widget_is_ancestor (widget, ancestor);
}

static void
test_keys_panel_tab (void)
{
  g_autoptr(LsmWindow) window = g_object_ref (open_window (NULL));
  GtkWidget *panel = GTK_WIDGET (window->detail_panel);
  guint in_panel = 0;

  /* A site with coordinates to copy, figures and sources: every kind of label. */
  lsm_window_select (window, lsm_catalog_lookup_site (lsm_window_get_catalog (window), "nd-na-duong-1"), FALSE);
  settle ();
  g_assert_true (gtk_widget_get_visible (panel));

  /* Tab goes through the panel's buttons, never into its text as a caret, and on out. */
  tab_into_map (window);
  for (guint i = 0; i < 400; i++)
    {
      GtkWidget *focus;

      g_assert_true (press (window, GDK_KEY_Tab, 0));
      focus = gtk_root_get_focus (GTK_ROOT (window));
      if (focus == NULL || !is_in (focus, panel))
        {
          if (in_panel > 0)
            break;
          continue;
        }
      in_panel++;
      if (GTK_IS_LABEL (focus) || gtk_widget_get_ancestor (focus, GTK_TYPE_LABEL) != NULL)
        g_error ("Tab put a caret into the panel's text “%s”",
                 GTK_IS_LABEL (focus) ? gtk_label_get_text (GTK_LABEL (focus)) : G_OBJECT_TYPE_NAME (focus));
    }
  g_assert_cmpuint (in_panel, >, 0);

  /* The text can still be selected and copied. */
  g_assert_true (gtk_label_get_selectable (title_label (window)));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
collect_cells (GtkWidget  *widget,
               const char *name,
               GPtrArray  *found)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), name) == 0)
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_cells (child, name, found);
}

static void
test_keys_table_names (void)
{
  g_autoptr(LsmWindow) window = g_object_ref (open_window (NULL));
  LsmFeature *site = lsm_catalog_lookup_site (lsm_window_get_catalog (window), "nd-na-duong-1");
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autofree char *spoken = lsm_site_format_spoken (site);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-table", NULL);
  settle ();
  collect_cells (GTK_WIDGET (window->site_table), lsm_feature_get_name (site), labels);
  g_assert_cmpuint (labels->len, >, 0);

  /* The name's cell, the row's unit a screen reader reads in GTK 4.8, says what the site is. */
  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *cell = gtk_widget_get_parent (gtk_widget_get_parent (g_ptr_array_index (labels, i)));
      g_autofree char *label = accessible_label (cell);

      g_assert_cmpstr (label, ==, spoken);
      g_assert_nonnull (strstr (label, is_vietnamese () ? "Nhiệt điện" : "Thermal"));
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LSMAP_BUNDLED_DATA", g_getenv ("LSMAP_DATA_DIR"), TRUE);
  init_display_test (&argc, &argv);

  g_test_add_func ("/lsm/keys/map-sites", test_keys_map_sites);
  g_test_add_func ("/lsm/keys/map-arrows-pan", test_keys_map_arrows_pan);
  g_test_add_func ("/lsm/keys/cluster", test_keys_cluster);
  g_test_add_func ("/lsm/keys/district", test_keys_district);
  g_test_add_func ("/lsm/keys/commune", test_keys_commune);
  g_test_add_func ("/lsm/keys/panel-tab", test_keys_panel_tab);
  g_test_add_func ("/lsm/keys/table-names", test_keys_table_names);

  return g_test_run ();
}
