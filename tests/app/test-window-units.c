/* test-window-units.c
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
#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <glib/gi18n.h>

#include "lsm-base-map-source.h"
#include "lsm-catalog.h"
#include "lsm-chart-view.h"
#include "lsm-choropleth-control.h"
#include "lsm-district-sites.h"
#include "lsm-feature.h"
#include "lsm-filter.h"
#include "lsm-export-dialog.h"
#include "lsm-labels.h"
#include "lsm-map-view.h"
#include "lsm-page.h"
#include "lsm-print-operation.h"
#include "lsm-scene.h"
#include "lsm-sidebar.h"
#include "lsm-site-table.h"
#include "lsm-sites-layer.h"
#include "lsm-style.h"
#include "lsm-test-app.h"
#include "lsm-test-utils.h"
#include "lsm-test-window.h"
#include "lsm-vocab.h"
#include "lsm-window-private.h"
#include "lsm-writer.h"

/* The units drawn on the map (2019 districts or 2025 communes), the choropleth and the district badges. */

/* A widget's bounds in the sites layer's coordinates, those of the symbols it draws. */
static void
widget_box (GtkWidget     *widget,
            LsmSitesLayer *layer,
            LsmBox        *box)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, GTK_WIDGET (layer), &bounds));
  *box = (LsmBox) { bounds.origin.x, bounds.origin.y, bounds.origin.x + bounds.size.width,
                    bounds.origin.y + bounds.size.height };
}

static void
assert_clear_of_symbols (const LsmBox  *box,
                         LsmSitesLayer *layer,
                         const char    *what)
{
  LsmClusterPlacement cluster;
  LsmFeature *site;
  LsmView view;
  double x, y;

  lsm_sites_layer_compute_view (layer, &view);
  for (guint i = 0; (site = lsm_sites_layer_get_drawn (layer, i, &x, &y)) != NULL; i++)
    {
      LsmBox symbol;

      lsm_symbol_box (&view, x, y, &symbol);
      if (lsm_box_intersects (box, &symbol))
        g_error ("%s covers the symbol of %s", what, lsm_feature_get_name (site));
    }
  for (guint i = 0; lsm_sites_layer_get_cluster (layer, i, &cluster, &x, &y); i++)
    {
      LsmBox symbol = { x - cluster.radius, y - cluster.radius, x + cluster.radius, y + cluster.radius };

      if (lsm_box_intersects (box, &symbol))
        g_error ("%s covers a cluster of %u sites", what, cluster.count);
    }
}

static guint
count_differing (const guint32 *a,
                 const guint32 *b,
                 guint          n)
{
  guint differing = 0;

  for (guint i = 0; i < n; i++)
    differing += a[i] != b[i];

  return differing;
}

/* The menu's choice of units redraws the base map with the communes of 2025, is kept in the
 * settings, and a click then opens the commune under the pointer. */
static void
test_window_units (void)
{
  g_autoptr(LsmWindow) window = g_object_ref (open_window (NULL));
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  LsmCatalog *catalog = lsm_window_get_catalog (window);
  ShumateViewport *viewport = lsm_map_view_get_viewport (window->map_view);
  g_autofree guint32 *districts = NULL;
  g_autofree guint32 *communes = NULL;
  g_autofree guint32 *again = NULL;
  g_autofree char *text = NULL;
  LsmFeature *unit, *shown;
  int width, height;
  double x, y;

  districts = map_pixels (window, &width, &height);
  g_assert_cmpstr (shumate_map_source_get_id (lsm_map_view_get_base_source (window->map_view)), ==, "lsmap-offline");

  g_action_group_activate_action (G_ACTION_GROUP (window), "units", g_variant_new_string ("communes-2025"));
  settle ();
  g_assert_cmpstr (g_settings_get_string (settings, "units"), ==, "communes-2025");
  g_assert_cmpstr (shumate_map_source_get_id (lsm_map_view_get_base_source (window->map_view)), ==,
                   "lsmap-offline-communes-2025");
  communes = map_pixels (window, &width, &height);
  /* No district labels now: the badges of sites known only to a district name it. */
  g_assert_cmpstr (badge_text (lsm_district_badges_get_badge (lsm_map_view_get_district_badges (window->map_view),
                                                                             lsm_catalog_lookup_district (catalog, "Cao Lộc"))),
                   ==, "Cao Lộc: 6");
  g_test_message ("%u of %d pixels differ", count_differing (districts, communes, width * height), width * height);
  g_assert_cmpuint (count_differing (districts, communes, width * height), >, (guint) (width * height / 20));
  /* The sites stay on top of the new tiles. */
  g_assert_true (lsm_sites_layer_get_position (sites_layer (window),
                                               lsm_catalog_lookup_site (catalog, "nd-na-duong-1"), &x, &y));
  g_assert_cmphex (communes[(int) y * width + (int) x] | 0xff000000, ==, lsm_style_get_sector_argb (lsm_test_sector ("thermal")));

  /* A point of the old Chi Lăng away from every site: the commune there, with its sites. */
  shumate_viewport_location_to_widget_coords (viewport, GTK_WIDGET (sites_layer (window)), 21.60, 106.75, &x, &y);
  unit = lsm_catalog_unit_2025_at (catalog, 106.75, 21.60, 0);
  g_assert_nonnull (unit);
  g_assert_true (lsm_map_view_activate_at (window->map_view, x, y));
  settle ();
  shown = lsm_detail_panel_get_feature (window->detail_panel);
  g_assert_true (shown == unit);
  text = panel_text (window);
  lsm_test_assert_contains (text, lsm_feature_get_full_name (unit));
  lsm_test_assert_contains (text, "Unit since 1 July 2025");
  lsm_test_assert_contains (text, "km²");
  for (guint i = 0; i < g_list_model_get_n_items (lsm_catalog_get_sites (catalog)); i++)
    {
      g_autoptr(LsmFeature) site = g_list_model_get_item (lsm_catalog_get_sites (catalog), i);

      if (lsm_feature_is_in_area (site, unit))
        lsm_test_assert_contains (text, lsm_feature_get_name (site));
    }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-selection", NULL);

  /* The setting brings the districts back, tile for tile. */
  g_settings_set_string (settings, "units", "districts");
  settle ();
  again = map_pixels (window, &width, &height);
  g_assert_cmpuint (count_differing (districts, again, width * height), <, (guint) (width * height / 1000));

  gtk_window_destroy (GTK_WINDOW (window));
}

static guint32 *
render_pixels (GtkWidget *widget,
               int       *width_out)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  guint32 *pixels = g_new (guint32, width * height);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_texture_download (texture, (guchar *) pixels, width * 4);
  *width_out = width;

  return pixels;
}

/* Cairo rounds a channel either way. */
static gboolean
color_near (guint32 a,
            guint32 b)
{
  for (int shift = 0; shift < 24; shift += 8)
    if (ABS ((int) ((a >> shift) & 0xff) - (int) ((b >> shift) & 0xff)) > 2)
      return FALSE;

  return TRUE;
}

/* How many sample points inside @district show @argb on the map. */
static guint
count_district_pixels (LsmWindow  *window,
                       const char *district,
                       guint32     argb)
{
  LsmCatalog *catalog = lsm_window_get_catalog (window);
  LsmFeature *feature = lsm_catalog_lookup_district (catalog, district);
  ShumateViewport *viewport = lsm_map_view_get_viewport (window->map_view);
  GtkWidget *map = GTK_WIDGET (window->map_view);
  g_autofree guint32 *pixels = NULL;
  LsmBounds bounds;
  guint found = 0;
  int width;

  gtk_test_widget_wait_for_draw (map);
  pixels = render_pixels (map, &width);
  lsm_geometry_get_bounds (lsm_feature_get_geometry (feature), &bounds);
  for (int i = 1; i < 20; i++)
    for (int j = 1; j < 20; j++)
      {
        double lon = bounds.west + (bounds.east - bounds.west) * i / 20;
        double lat = bounds.south + (bounds.north - bounds.south) * j / 20;
        double x, y;

        if (lsm_catalog_district_at (catalog, lon, lat) != feature)
          continue;
        shumate_viewport_location_to_widget_coords (viewport, map, lat, lon, &x, &y);
        if (x < 0 || y < 0 || x >= width || y >= gtk_widget_get_height (map))
          continue;
        found += color_near (pixels[(int) y * width + (int) x], argb);
      }

  return found;
}

/* "Colour districts by": switch to capacity and the district with the most MW is the darkest
 * shade on the map, a district with none the pale one, and the legend says so. */
static void
test_window_choropleth (void)
{
  g_autoptr(LsmWindow) window = g_object_ref (open_window (NULL));
  LsmChoroplethControl *control = LSM_CHOROPLETH_CONTROL (lsm_sidebar_get_choropleth_control (window->sidebar));
  guint32 darkest = 0xff08306b, none = 0xfff2f2f2;
  g_autoptr(GString) legend = g_string_new (NULL);

  g_assert_true (wait_for (tiles_ready, window->map_view));
  settle ();
  g_assert_cmpuint (count_district_pixels (window, "Lộc Bình", darkest), ==, 0);
  g_assert_cmpuint (count_district_pixels (window, "Đình Lập", none), ==, 0);

  lsm_choropleth_control_set_kind (control, LSM_CHOROPLETH_CAPACITY);
  settle ();
  g_assert_true (wait_for (tiles_ready, window->map_view));
  settle ();
  save_screenshot (GTK_WIDGET (window), "choropleth-capacity.png");
  save_screenshot (GTK_WIDGET (control), "choropleth-legend.png");
  g_assert_cmpuint (count_district_pixels (window, "Lộc Bình", darkest), >, 5);
  g_assert_cmpuint (count_district_pixels (window, "Đình Lập", none), >, 5);
  g_assert_nonnull (lsm_scene_get_choropleth (window->scene));
  g_assert_cmpuint (lsm_choropleth_get_kind (lsm_scene_get_choropleth (window->scene)), ==, LSM_CHOROPLETH_CAPACITY);

  /* The counts follow the filter: without thermal power no district has MW. */
  lsm_filter_set_sector_visible (window->filter, lsm_test_sector ("thermal"), FALSE);
  settle ();
  g_assert_true (wait_for (tiles_ready, window->map_view));
  settle ();
  g_assert_cmpuint (count_district_pixels (window, "Lộc Bình", darkest), ==, 0);
  g_assert_cmpuint (count_district_pixels (window, "Lộc Bình", none), >, 5);
  lsm_filter_set_sector_visible (window->filter, lsm_test_sector ("thermal"), TRUE);

  lsm_choropleth_control_set_kind (control, LSM_CHOROPLETH_NONE);
  settle ();
  g_assert_true (wait_for (tiles_ready, window->map_view));
  settle ();
  g_assert_cmpuint (count_district_pixels (window, "Lộc Bình", darkest), ==, 0);
  g_assert_null (lsm_scene_get_choropleth (window->scene));

  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
find_button_labelled (GtkWidget  *widget,
                      const char *text)
{
  if (GTK_IS_BUTTON (widget))
    {
      g_autoptr(GString) labels = g_string_new (NULL);

      collect_labels (widget, labels);
      if (strstr (labels->str, text) != NULL)
        return widget;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_labelled (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Sites known only to their district are no points on the map: a badge by the district's name
 * counts them and lists them; choosing one opens its panel. */
static void
test_window_district_badges (void)
{
  g_autoptr(LsmWindow) window = g_object_ref (open_window (NULL));
  LsmCatalog *catalog = lsm_window_get_catalog (window);
  LsmDistrictBadges *badges = lsm_map_view_get_district_badges (window->map_view);
  LsmFeature *cao_loc = lsm_catalog_lookup_district (catalog, "Cao Lộc");
  LsmFeature *wte = lsm_catalog_lookup_site (catalog, "wte-cao-loc");
  GtkMenuButton *badge = lsm_district_badges_get_badge (badges, cao_loc);
  GtkPopover *popover;
  GtkWidget *choice;
  g_autofree char *list = NULL;
  g_autofree char *text = NULL;
  GString *labels = g_string_new (NULL);
  double x, y;

  g_assert_false (lsm_sites_layer_get_position (sites_layer (window), wte, &x, &y));
  g_assert_nonnull (badge);
  g_assert_cmpstr (badge_text (badge), ==, "6");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (badge)));

  gtk_menu_button_popup (badge);
  settle ();
  popover = gtk_menu_button_get_popover (badge);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  collect_labels (GTK_WIDGET (popover), labels);
  list = g_string_free (labels, FALSE);
  lsm_test_assert_contains (list, "Huyện Cao Lộc");
  lsm_test_assert_contains (list, lsm_feature_get_name (wte));
  lsm_test_assert_contains (list, "Khu chế xuất 1");

  choice = find_button_labelled (GTK_WIDGET (popover), lsm_feature_get_name (wte));
  g_assert_nonnull (choice);
  g_signal_emit_by_name (choice, "clicked");
  settle ();
  g_assert_true (lsm_detail_panel_get_feature (window->detail_panel) == wte);
  text = panel_text (window);
  lsm_test_assert_contains (text, "Known only to the district: no point, counted beside its name");

  /* The badges count what the filter shows. */
  lsm_filter_show_only_sectors (window->filter, (const char *[]) { "other_energy", NULL });
  settle ();
  g_assert_cmpstr (badge_text (lsm_district_badges_get_badge (badges, cao_loc)), ==, "1");
  g_assert_null (lsm_district_badges_get_badge (badges, lsm_catalog_lookup_district (catalog, "Hữu Lũng")));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The filter by 2025 unit, beside the district's: the setting, the drop-down and the list agree. */
/* On screen as on paper, a badge hangs right under its district's name, the two placed as one
 * box: it covers no symbol, no cluster and not the name (the tiles draw the name where the
 * labels' placement put it, which may be off the district's label point). */
static void
test_window_district_badges_placed (void)
{
  g_autoptr(LsmWindow) window = g_object_ref (open_window (NULL));
  LsmSitesLayer *layer = sites_layer (window);
  LsmDistrictBadges *badges = lsm_map_view_get_district_badges (window->map_view);
  GListModel *districts = lsm_catalog_get_districts (lsm_window_get_catalog (window));
  guint n_badges = 0;
  LsmView view;
  double zoom, f;

  g_assert_true (wait_for (tiles_ready, window->map_view));
  lsm_sites_layer_compute_view (layer, &view);
  zoom = floor (view.zoom);
  f = exp2 (view.zoom - zoom);

  for (guint i = 0; i < g_list_model_get_n_items (districts); i++)
    {
      g_autoptr(LsmFeature) district = g_list_model_get_item (districts, i);
      GtkMenuButton *badge = lsm_district_badges_get_badge (badges, district);
      g_autofree char *what = NULL;
      const LsmLabel *name;
      LsmBox box, name_box;

      if (badge == NULL)
        continue;
      n_badges++;
      what = g_strdup_printf ("The badge of %s", lsm_feature_get_name (district));
      widget_box (GTK_WIDGET (badge), layer, &box);
      assert_clear_of_symbols (&box, layer, what);

      /* The name as the tiles draw it, from world pixels at their zoom to the layer's. */
      name = lsm_scene_get_tile_label (window->scene, (guint) zoom, LSM_LABEL_DISTRICT, district);
      g_assert_nonnull (name);
      name_box = (LsmBox) { name->box.x0 * f - view.x, name->box.y0 * f - view.y,
                            name->box.x1 * f - view.x, name->box.y1 * f - view.y };
      g_assert_false (lsm_box_intersects (&box, &name_box));
      g_assert_cmpfloat (box.y0, >=, name_box.y1 - 0.5);
      g_assert_cmpfloat (box.y0, <=, name_box.y1 + 4);
      g_assert_cmpfloat (fabs ((box.x0 + box.x1) / 2 - (name_box.x0 + name_box.x1) / 2), <, 2);
    }
  g_assert_cmpuint (n_badges, >=, 8);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_commune_2025_filter (void)
{
  g_autoptr(LsmWindow) window = g_object_ref (open_window (NULL));
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkDropDown *dropdown = NULL;
  GtkStringObject *item;

  g_settings_set_string (settings, "commune-2025", "06526");
  settle ();
  g_assert_cmpstr (lsm_filter_get_commune_2025 (window->filter), ==, "06526");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->selection)), ==, 5);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (window->selection)); i++)
    {
      g_autoptr(LsmFeature) site = g_list_model_get_item (G_LIST_MODEL (window->selection), i);

      g_assert_cmpstr (lsm_feature_get_id (lsm_feature_get_unit_2025 (site)), ==, "06526");
    }

  dropdown = GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (window->sidebar), LSM_TYPE_SIDEBAR,
                                                           "commune_2025_dropdown"));
  item = gtk_drop_down_get_selected_item (dropdown);
  g_assert_cmpstr (gtk_string_object_get_string (item), ==, "Xã Na Dương");

  /* Choosing "All communes" shows every site again. */
  gtk_drop_down_set_selected (dropdown, 0);
  settle ();
  g_assert_null (lsm_filter_get_commune_2025 (window->filter));
  g_assert_cmpstr (g_settings_get_string (settings, "commune-2025"), ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->selection)), ==, 40);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LSMAP_BUNDLED_DATA", g_getenv ("LSMAP_DATA_DIR"), TRUE);
  init_display_test (&argc, &argv);

  g_test_add_func ("/lsm/window/choropleth", test_window_choropleth);
  g_test_add_func ("/lsm/window/units", test_window_units);
  g_test_add_func ("/lsm/window/district-badges", test_window_district_badges);
  g_test_add_func ("/lsm/window/district-badges-placed", test_window_district_badges_placed);
  g_test_add_func ("/lsm/window/commune-2025-filter", test_window_commune_2025_filter);

  return g_test_run ();
}
