/* test-layers-data.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "lsm-base-map-source.h"
#include "lsm-catalog.h"
#include "lsm-feature.h"
#include "lsm-layer.h"
#include "lsm-map-view.h"
#include "lsm-sector.h"
#include "lsm-sites-layer.h"
#include "lsm-test-app.h"
#include "lsm-test-utils.h"
#include "lsm-view.h"
#include "lsm-vocab.h"
#include "lsm-window-private.h"
#include "test-layers.h"

/* What a layer's own data gives, in the language the suite runs in: lines and areas on the map
 * and in the panel, Vietnamese sector and status names in any interface, ids that stay apart
 * across layers, and the problems toast told once. */

#define AREA_NAME "Khu công nghiệp Lộc Bình mở rộng"
#define LINE_NAME "Kênh dẫn nước thủy điện Chi Lăng"

typedef struct
{
  LsmWindow *window;
  LsmLayer  *layer;
} Shown;

/* The views show the layer: its scene is made, in a thread. */
static gboolean
layer_shown (gpointer data)
{
  Shown *shown = data;
  LsmCatalog *catalog = lsm_window_get_catalog (shown->window);
  g_autoptr(LsmFeature) first = g_list_model_get_item (lsm_catalog_get_sites (lsm_layer_get_catalog (shown->layer)), 0);

  GListModel *sites = catalog != NULL ? lsm_catalog_get_sites (catalog) : NULL;

  for (guint i = 0; sites != NULL && i < g_list_model_get_n_items (sites); i++)
    {
      g_autoptr(LsmFeature) site = g_list_model_get_item (sites, i);

      if (site == first)
        return TRUE;
    }

  return FALSE;
}

static LsmLayer *
add_fixture_layer (LsmWindow  *window,
                   const char *path)
{
  guint n = g_list_model_get_n_items (lsm_window_get_layers (window));
  Shown shown = { window, NULL };

  lsm_window_add_layer (window, path);
  g_assert_true (has_layers (window, n + 1));
  shown.layer = g_list_model_get_item (lsm_window_get_layers (window), n);
  g_assert_true (wait_for (layer_shown, &shown));
  settle ();

  return shown.layer;
}

/* The layer's file read again, as its Reload does, and shown. */
static void
reload_layer (LsmWindow *window,
              LsmLayer  *layer)
{
  g_autoptr(LsmCatalog) before = g_object_ref (lsm_layer_get_catalog (layer));
  Shown shown = { window, layer };

  lsm_window_add_layer (window, lsm_layer_get_path (layer));
  while (lsm_layer_get_catalog (layer) == before)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (wait_for (layer_shown, &shown));
  settle ();
}

static char *
panel_text (LsmWindow *window)
{
  GString *text = g_string_new (NULL);

  collect_labels (GTK_WIDGET (window->detail_panel), text);
  return g_string_free (text, FALSE);
}

static gboolean
tiles_ready (gpointer data)
{
  ShumateMapSource *source = lsm_map_view_get_base_source (data);

  /* Tiles are drawn in workers: wait for all those asked for, not only the first. */
  return source != NULL && lsm_base_map_source_get_n_filled (LSM_BASE_MAP_SOURCE (source)) > 0
         && lsm_base_map_source_get_n_pending (LSM_BASE_MAP_SOURCE (source)) == 0;
}

/* Centres the map on (lon, lat) and gives where that point is drawn. */
static void
look_at (LsmWindow *window,
         double     lon,
         double     lat,
         double    *x,
         double    *y)
{
  LsmSitesLayer *layer = lsm_map_view_get_sites_layer (window->map_view);
  LsmView view;

  lsm_map_view_set_view (window->map_view, lat, lon, 13);
  settle ();
  g_assert_true (wait_for (tiles_ready, window->map_view));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window->map_view));
  settle ();
  lsm_sites_layer_compute_view (layer, &view);
  lsm_view_project (&view, lon, lat, x, y);
}

static guint32
map_pixel (LsmWindow *window,
           double     x,
           double     y)
{
  GtkWidget *map = GTK_WIDGET (window->map_view);
  int width = gtk_widget_get_width (map), height = gtk_widget_get_height (map);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (map);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guint32 *pixels = g_new (guint32, width * height);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_texture_download (texture, (guchar *) pixels, width * 4);

  return pixels[(int) y * width + (int) x];
}

static void
assert_coordinates_shown (const char *text,
                          LsmFeature *site)
{
  char lat_text[G_ASCII_DTOSTR_BUF_SIZE], lon_text[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *coordinates = NULL;
  double lon, lat;

  g_assert_true (lsm_feature_get_label_point (site, &lon, &lat));
  g_ascii_formatd (lat_text, sizeof lat_text, "%.5f", lat);
  g_ascii_formatd (lon_text, sizeof lon_text, "%.5f", lon);
  coordinates = g_strdup_printf ("%s, %s", lat_text, lon_text);
  lsm_test_assert_contains (text, coordinates);
}

/* "An area of 4.59 km²", "Một tuyến dài 8,58 km": the number as the panel writes numbers. */
static void
assert_size_shown (const char *text,
                   const char *format,
                   double      value,
                   const char *unit)
{
  g_autofree char *quantity = lsm_format_quantity (value, NULL, NULL, unit, LSM_QUALIFIER_NONE);
  g_autofree char *expected = g_strdup_printf (format, quantity);

  lsm_test_assert_contains (text, expected);
}

/* A GeoJSON of an area and a line: drawn in their sector's colour, a click inside the area or
 * beside the line shows it, and the panel says what it is, how large, and where. */
static void
test_layers_shapes (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "user-shapes.geojson", NULL);
  g_autoptr(LsmWindow) window = new_window ();
  g_autoptr(LsmLayer) layer = NULL;
  g_autofree char *text = NULL;
  LsmFeature *area, *line;
  LsmSector hydro;
  guint32 pixel;
  double x, y;

  g_assert_true (has_layers (window, 1));
  layer = add_fixture_layer (window, path);
  area = site_named (layer, AREA_NAME);
  line = site_named (layer, LINE_NAME);
  g_assert_true (lsm_sector_from_id ("hydro", &hydro));

  /* Inside the area: its blue over the district's pale fill, and a click there is the area's. */
  look_at (window, 106.91, 21.75, &x, &y);
  pixel = map_pixel (window, x, y);
  g_test_message ("pixel inside the area: %08x", pixel);
  g_assert_cmpuint (pixel & 0xff, >, (pixel >> 16 & 0xff) + 20);
  g_assert_true (lsm_map_view_activate_at (window->map_view, x, y));
  settle ();
  g_assert_true (lsm_detail_panel_get_feature (window->detail_panel) == area);
  text = panel_text (window);
  g_test_message ("%s", text);
  lsm_test_assert_contains (text, AREA_NAME);
  assert_size_shown (text, _("An area of %s"), 4.59, "km2");
  lsm_test_assert_contains (text, _("A point inside it (latitude, longitude)"));
  lsm_test_assert_contains (text, "Lộc Bình");
  assert_coordinates_shown (text, area);
  save_screenshot_in_language (GTK_WIDGET (window), "shapes-area");
  g_clear_pointer (&text, g_free);

  /* Four pixels beside the line still pick it. */
  look_at (window, 106.62, 21.62, &x, &y);
  g_assert_true (lsm_map_view_activate_at (window->map_view, x, y + 4));
  settle ();
  g_assert_true (lsm_detail_panel_get_feature (window->detail_panel) == line);
  text = panel_text (window);
  g_test_message ("%s", text);
  lsm_test_assert_contains (text, LINE_NAME);
  assert_size_shown (text, _("A line %s long"), 8.58, "km");
  lsm_test_assert_contains (text, _("Its midpoint (latitude, longitude)"));
  lsm_test_assert_contains (text, "Chi Lăng");
  lsm_test_assert_contains (text, lsm_sector_get_label (hydro));
  lsm_test_assert_contains (text, lsm_status_get_label (LSM_STATUS_OPERATING));
  assert_coordinates_shown (text, line);
  save_screenshot_in_language (GTK_WIDGET (window), "shapes-line");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A CSV written in Vietnamese names its sectors and statuses for every interface language,
 * with or without diacritics. */
static void
test_layers_vietnamese_names (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "user-vietnamese.csv", NULL);
  g_autoptr(LsmWindow) window = new_window ();
  g_autoptr(LsmLayer) layer = NULL;
  g_autofree char *text = NULL;
  LsmFeature *hydro_site, *quarry_site;
  LsmSector hydro, quarry;

  g_assert_true (has_layers (window, 1));
  layer = add_fixture_layer (window, path);
  g_assert_true (lsm_sector_from_id ("hydro", &hydro));
  g_assert_true (lsm_sector_from_id ("quarry", &quarry));

  hydro_site = site_named (layer, "Thủy điện suối Văn Lãng");
  g_assert_cmpuint (lsm_feature_get_sector (hydro_site), ==, hydro);
  g_assert_cmpint (lsm_feature_get_status (hydro_site), ==, LSM_STATUS_OPERATING);
  quarry_site = site_named (layer, "Mỏ đá Đồng Mỏ");
  g_assert_cmpuint (lsm_feature_get_sector (quarry_site), ==, quarry);
  g_assert_cmpint (lsm_feature_get_status (quarry_site), ==, LSM_STATUS_UNDER_CONSTRUCTION);
  g_assert_cmpuint (lsm_layer_get_n_problems (layer), ==, 0);

  lsm_window_select (window, hydro_site, TRUE);
  settle ();
  text = panel_text (window);
  lsm_test_assert_contains (text, lsm_sector_get_label (hydro));
  lsm_test_assert_contains (text, lsm_status_get_label (LSM_STATUS_OPERATING));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Two files of the same name without ids, in two folders: every site keeps an id of its own,
 * the same after a reload. */
static void
test_layers_distinct_ids (void)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "user-sites.geojson", NULL);
  g_autofree char *dir = g_dir_make_tmp ("lsm-ids-XXXXXX", NULL);
  g_autofree char *dir_a = g_build_filename (dir, "a", NULL);
  g_autofree char *dir_b = g_build_filename (dir, "b", NULL);
  g_autofree char *path_a = g_build_filename (dir_a, "sites.geojson", NULL);
  g_autofree char *path_b = g_build_filename (dir_b, "sites.geojson", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *id_b = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(LsmWindow) window = new_window ();
  g_autoptr(LsmLayer) layer_a = NULL;
  g_autoptr(LsmLayer) layer_b = NULL;
  LsmCatalog *merged;
  LsmFeature *site_b;
  GListModel *sites;

  g_assert_true (g_file_get_contents (fixture, &contents, NULL, NULL));
  g_assert_cmpint (g_mkdir (dir_a, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (dir_b, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path_a, contents, -1, NULL));
  g_assert_true (g_file_set_contents (path_b, contents, -1, NULL));

  g_assert_true (has_layers (window, 1));
  layer_a = add_fixture_layer (window, path_a);
  layer_b = add_fixture_layer (window, path_b);
  settle ();

  merged = lsm_window_get_catalog (window);
  sites = lsm_catalog_get_sites (merged);
  for (guint i = 0; i < g_list_model_get_n_items (sites); i++)
    {
      g_autoptr(LsmFeature) site = g_list_model_get_item (sites, i);

      if (!g_hash_table_add (ids, g_strdup (lsm_feature_get_id (site))))
        g_error ("the id “%s” is used twice", lsm_feature_get_id (site));
    }

  site_b = site_named (layer_b, "Kho Đồng Đăng");
  id_b = g_strdup (lsm_feature_get_id (site_b));
  g_assert_true (lsm_catalog_lookup_site (merged, id_b) == site_b);
  g_assert_true (lsm_catalog_lookup_site (merged, lsm_feature_get_id (site_named (layer_a, "Kho Đồng Đăng"))) != site_b);

  /* Read again: the same ids. */
  reload_layer (window, layer_b);
  g_assert_cmpstr (lsm_feature_get_id (site_named (layer_b, "Kho Đồng Đăng")), ==, id_b);

  gtk_window_destroy (GTK_WINDOW (window));
  lsm_test_remove_dir (dir);
}

/* Whether a label on screen, not one being taken away, says @needle. */
static gboolean
shown_label_says (GtkWidget  *widget,
                  const char *needle)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) && gtk_widget_get_child_visible (widget)
      && strstr (gtk_label_get_text (GTK_LABEL (widget)), needle) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (shown_label_says (child, needle))
      return TRUE;

  return FALSE;
}

static gboolean
toast_says (LsmWindow  *window,
            const char *needle)
{
  return shown_label_says (GTK_WIDGET (window->toast_overlay), needle);
}

static gboolean
toast_shown (gpointer data)
{
  g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item of the data could not be loaded",
                                                         "%u items of the data could not be loaded", 1), 1);

  return toast_says (data, title);
}


static gboolean
toast_gone (gpointer data)
{
  return !toast_shown (data);
}

static GtkWidget *
find_close_button (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), "window-close-symbolic") == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_close_button (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The close button of the toast shown, as the user clicks it: not the panel's, under the
 * overlay's child. */
static GtkWidget *
find_toast_close_button (AdwToastOverlay *overlay)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (overlay)); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = child != adw_toast_overlay_get_child (overlay) ? find_close_button (child) : NULL;

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The problems toast of a layer comes once: not again when another layer is hidden or shown,
 * nor when the file is read again with the same problems; a new problem is told anew. */
static void
test_layers_toast_once (void)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "user-skipped.geojson", NULL);
  g_autofree char *dir = g_dir_make_tmp ("lsm-toast-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "projects.geojson", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GString) changed = NULL;
  g_autoptr(LsmWindow) window = new_window ();
  g_autoptr(LsmLayer) bundled = NULL;
  g_autoptr(LsmLayer) layer = NULL;
  GtkWidget *close;

  g_assert_true (g_file_get_contents (fixture, &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  g_assert_true (has_layers (window, 1));
  bundled = g_list_model_get_item (lsm_window_get_layers (window), 0);
  layer = add_fixture_layer (window, path);

  g_assert_true (wait_for (toast_shown, window));
  close = find_toast_close_button (window->toast_overlay);
  g_assert_nonnull (close);
  gtk_widget_activate (close);
  g_assert_true (wait_for (toast_gone, window));

  lsm_layer_set_visible (bundled, FALSE);
  g_assert_true (has_layers (window, 2));
  lsm_layer_set_visible (bundled, TRUE);
  g_assert_true (has_layers (window, 2));
  reload_layer (window, layer);
  g_assert_false (toast_shown (window));

  /* A status no table knows: a new problem beside the old one, told anew. */
  changed = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (changed, "\"Kho Na Dương\"", "\"Kho Na Dương\", \"status\": \"sắp xong\"", 1), ==, 1);
  g_assert_true (g_file_set_contents (path, changed->str, -1, NULL));
  g_assert_true (wait_for (toast_shown, window));

  gtk_window_destroy (GTK_WINDOW (window));
  lsm_test_remove_dir (dir);
}

void
add_layer_data_tests (void)
{
  g_test_add_func ("/lsm/layers/shapes", test_layers_shapes);
  g_test_add_func ("/lsm/layers/vietnamese-names", test_layers_vietnamese_names);
  g_test_add_func ("/lsm/layers/distinct-ids", test_layers_distinct_ids);
  g_test_add_func ("/lsm/layers/toast-once", test_layers_toast_once);
}
