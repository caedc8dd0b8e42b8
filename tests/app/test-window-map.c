/* test-window-map.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <locale.h>

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

/* The map's pixels, the state a window restores, the online base map and its failures, printing and export. */

static void
test_window_pixels (void)
{
  g_autoptr(LsmWindow) window = g_object_ref (open_window (NULL));
  LsmFeature *site = lsm_catalog_lookup_site (lsm_window_get_catalog (window), "nd-na-duong-1");
  g_autofree guint32 *pixels = NULL;
  int width, height;
  double x, y;

  pixels = map_pixels (window, &width, &height);

  /* The thermal plant's colour where the layer says it is. */
  g_assert_true (lsm_sites_layer_get_position (sites_layer (window), site, &x, &y));
  g_assert_cmphex (pixels[(int) y * width + (int) x] | 0xff000000, ==, lsm_style_get_sector_argb (lsm_test_sector ("thermal")));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_restores_state (void)
{
  g_autoptr(LsmWindow) window = NULL;
  g_autoptr(GSettings) settings = NULL;
  ShumateViewport *viewport;
  g_autoptr(GStrvBuilder) others = g_strv_builder_new ();
  g_auto(GStrv) hidden = NULL;

  /* Every sector hidden but hydropower. */
  for (guint s = 0; s < lsm_sector_get_count (); s++)
    if (s != lsm_test_sector ("hydro"))
      g_strv_builder_add (others, lsm_sector_get_id (s));
  hidden = g_strv_builder_end (others);

  reset_settings ();
  settings = g_settings_new (APP_ID);
  g_settings_set_double (settings, "view-latitude", 21.7);
  g_settings_set_double (settings, "view-longitude", 106.9);
  g_settings_set_double (settings, "view-zoom", 11.5);
  g_settings_set_strv (settings, "hidden-sectors", (const char * const *) hidden);

  /* GTK owns a window's first reference; the test keeps its own. */
  window = g_object_ref (lsm_window_new (NULL));
  gtk_window_present (GTK_WINDOW (window));
  lsm_window_load (window, NULL);
  g_assert_true (wait_for (catalog_loaded, window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  settle ();

  viewport = lsm_map_view_get_viewport (window->map_view);
  g_assert_cmpfloat_with_epsilon (shumate_location_get_latitude (SHUMATE_LOCATION (viewport)), 21.7, 1e-6);
  g_assert_cmpfloat_with_epsilon (shumate_location_get_longitude (SHUMATE_LOCATION (viewport)), 106.9, 1e-6);
  g_assert_cmpfloat_with_epsilon (shumate_viewport_get_zoom_level (viewport), 11.5, 1e-6);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->selection)), ==, 5);
  g_assert_false (gtk_check_button_get_active (lsm_sidebar_get_sector_toggle (window->sidebar, lsm_test_sector ("thermal"))));

  /* Zooming and closing saves the view for next time. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "view-zoom"), 12.5, 1e-6);
}

typedef struct
{
  GBytes *png;
  char   *user_agent;
  guint   n_requests;
  guint   status;
} TileServer;

static void
serve_tile_cb (SoupServer        *server,
               SoupServerMessage *message,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  TileServer *tiles = user_data;

  tiles->n_requests++;
  g_free (tiles->user_agent);
  tiles->user_agent = g_strdup (soup_message_headers_get_one (soup_server_message_get_request_headers (message),
                                                              "User-Agent"));
  if (tiles->status != SOUP_STATUS_OK)
    {
      soup_server_message_set_status (message, tiles->status, NULL);
      return;
    }

  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (message, "image/png", SOUP_MEMORY_COPY,
                                    g_bytes_get_data (tiles->png, NULL), g_bytes_get_size (tiles->png));
}

static cairo_status_t
append_png_cb (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static GBytes *
make_tile (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 256, 256);
  cairo_t *cr = cairo_create (surface);
  GByteArray *png = g_byte_array_new ();

  cairo_set_source_rgb (cr, 0, 1, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_write_to_png_stream (surface, append_png_cb, png);
  cairo_surface_destroy (surface);

  return g_byte_array_free_to_bytes (png);
}

static gboolean
tiles_requested (gpointer data)
{
  return ((TileServer *) data)->n_requests > 0;
}

static gboolean
online_unavailable (gpointer data)
{
  return lsm_map_view_get_online_state (LSM_WINDOW (data)->map_view) == LSM_ONLINE_STATE_UNAVAILABLE;
}

static gboolean
online_shown (gpointer data)
{
  return lsm_map_view_get_online_state (LSM_WINDOW (data)->map_view) == LSM_ONLINE_STATE_SHOWN;
}

static char *
widget_text (GtkWidget *widget)
{
  GString *text = g_string_new (NULL);

  collect_labels (widget, text);
  return g_string_free (text, FALSE);
}

static gboolean
action_ticked (LsmWindow *window)
{
  g_autoptr(GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (window), "online-map");

  return g_variant_get_boolean (state);
}

static char *
online_menu_label (LsmWindow *window)
{
  char *label = NULL;

  g_assert_true (g_menu_model_get_item_attribute (G_MENU_MODEL (window->base_map_section), 0, "label", "s", &label));
  return label;
}

/* What a user sees when the online map cannot be had, whatever the cause: one sentence in their
 * language above the map, no credit for tiles that are not drawn, an unticked menu item that
 * says why. */
static void
assert_online_unavailable (LsmWindow *window)
{
  g_autofree char *banner = NULL;
  g_autofree char *map = NULL;
  g_autofree char *all = NULL;
  g_autofree char *label = NULL;
  graphene_rect_t banner_bounds, map_bounds;

  settle ();
  g_assert_true (gtk_revealer_get_reveal_child (window->online_banner));
  banner = widget_text (GTK_WIDGET (window->online_banner));
  lsm_test_assert_contains (banner, _("The online map is unavailable, so the offline map is shown."));
  g_assert_null (strstr (banner, "HTTP"));
  g_assert_null (strstr (banner, "onnect"));
  g_assert_null (strstr (banner, "efused"));

  /* Said once, and not in a toast over the scale bar. */
  all = widget_text (GTK_WIDGET (window->toast_overlay));
  g_assert_null (strstr (strstr (all, _("The online map is unavailable, so the offline map is shown.")) + 1,
                         _("The online map is unavailable, so the offline map is shown.")));
  g_assert_null (strstr (all, "The online map is unavailable ("));
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (window->online_banner), GTK_WIDGET (window), &banner_bounds));
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (window->map_view), GTK_WIDGET (window), &map_bounds));
  g_assert_cmpfloat (banner_bounds.origin.y + banner_bounds.size.height, <=, map_bounds.origin.y);

  map = widget_text (GTK_WIDGET (window->map_view));
  g_assert_null (strstr (map, "OpenStreetMap"));
  g_assert_false (_lsm_window_online_map_shown (window));

  g_assert_false (action_ticked (window));
  label = online_menu_label (window);
  g_assert_cmpstr (label, ==, _("Online Map (Unavailable)"));
}

static void
test_window_online_map (void)
{
  TileServer tiles = { make_tile (), NULL, 0, SOUP_STATUS_OK };
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(LsmWindow) window = NULL;
  g_autofree char *map_text = NULL;
  g_autofree char *label = NULL;
  g_autofree char *url = NULL;
  GSList *uris;
  guint before;

  soup_server_add_handler (server, NULL, serve_tile_cb, &tiles, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  /* The port changes every run, so the tile cache never answers for the server. */
  url = g_strdup_printf ("http://127.0.0.1:%d/{z}/{x}/{y}.png", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  window = g_object_ref (open_window (NULL));
  settings = g_settings_new (APP_ID);
  g_settings_set_string (settings, "online-map-url", url);
  g_action_group_activate_action (G_ACTION_GROUP (window), "online-map", NULL);
  g_assert_true (g_settings_get_boolean (settings, "online-map"));
  g_assert_true (action_ticked (window));

  g_assert_true (wait_for (tiles_requested, &tiles));
  g_assert_true (wait_for (online_shown, window));
  settle ();
  g_assert_true (g_str_has_prefix (tiles.user_agent, "lsmap/" PACKAGE_VERSION " "));

  map_text = widget_text (GTK_WIDGET (window->map_view));
  lsm_test_assert_contains (map_text, "© OpenStreetMap contributors");
  g_assert_true (_lsm_window_online_map_shown (window));
  g_assert_false (gtk_revealer_get_reveal_child (window->online_banner));

  /* The server fails: the map falls back to what it can draw, and says so. */
  tiles.status = SOUP_STATUS_SERVICE_UNAVAILABLE;
  before = tiles.n_requests;
  lsm_map_view_zoom (window->map_view, 1);
  g_assert_true (wait_for (online_unavailable, window));
  g_assert_cmpuint (tiles.n_requests, >, before);
  assert_online_unavailable (window);
  g_assert_true (g_settings_get_boolean (settings, "online-map"));

  /* Choosing the item again asks again; the server is back. */
  tiles.status = SOUP_STATUS_OK;
  g_action_group_activate_action (G_ACTION_GROUP (window), "online-map", NULL);
  g_assert_true (action_ticked (window));
  g_assert_true (wait_for (online_shown, window));
  settle ();
  g_assert_false (gtk_revealer_get_reveal_child (window->online_banner));
  label = online_menu_label (window);
  g_assert_cmpstr (label, ==, _("Online Map (_OpenStreetMap)"));

  g_action_group_activate_action (G_ACTION_GROUP (window), "online-map", NULL);
  g_assert_false (g_settings_get_boolean (settings, "online-map"));
  g_assert_false (action_ticked (window));
  settle ();
  g_clear_pointer (&map_text, g_free);
  map_text = widget_text (GTK_WIDGET (window->map_view));
  g_assert_null (strstr (map_text, "OpenStreetMap"));

  gtk_window_destroy (GTK_WINDOW (window));
  g_bytes_unref (tiles.png);
  g_free (tiles.user_agent);
}

static void
test_window_online_map_offline (void)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any_port = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(LsmWindow) window = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;

  /* A port with nothing listening: every tile is refused, as with no network at all. */
  g_assert_true (g_socket_bind (socket, any_port, FALSE, &error));
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  url = g_strdup_printf ("http://127.0.0.1:%u/{z}/{x}/{y}.png",
                         g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  g_socket_close (socket, NULL);

  window = g_object_ref (open_window (NULL));
  settings = g_settings_new (APP_ID);
  g_settings_set_string (settings, "online-map-url", url);
  g_action_group_activate_action (G_ACTION_GROUP (window), "online-map", NULL);
  g_assert_true (wait_for (online_unavailable, window));
  assert_online_unavailable (window);

  if (g_str_has_prefix (setlocale (LC_MESSAGES, NULL), "vi_VN"))
    {
      g_autofree char *banner = widget_text (GTK_WIDGET (window->online_banner));
      g_autofree char *label = online_menu_label (window);

      lsm_test_assert_contains (banner, "Bản đồ trực tuyến");
      lsm_test_assert_contains (label, "Bản đồ trực tuyến");
      g_assert_null (strstr (banner, "unavailable"));
    }

  /* Retry asks again, and is told the same. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.online-map-retry", NULL);
  g_assert_true (action_ticked (window));
  g_assert_true (wait_for (online_unavailable, window));
  assert_online_unavailable (window);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.online-map-off", NULL);
  settle ();
  g_assert_false (g_settings_get_boolean (settings, "online-map"));
  g_assert_false (gtk_revealer_get_reveal_child (window->online_banner));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
file_written (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_IS_REGULAR);
}

static void
test_window_print_to_pdf (void)
{
  g_autoptr(LsmWindow) window = g_object_ref (open_window (NULL));
  g_autofree char *dir = g_dir_make_tmp ("lsmap-print-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "printed.pdf", NULL);
  g_autoptr(LsmPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(LsmPageOptions) options;
  g_autofree char *text = NULL;
  GtkPrintOperationResult result;

  /* The print path (draw-page), without a dialog: GTK's own PDF export. */
  lsm_page_options_init (&options);
  operation = lsm_print_operation_new (window->scene, window->filter, &options);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), path);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_EXPORT,
                                    GTK_WINDOW (window), &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_true (wait_for (file_written, path));

  text = lsm_test_pdf_text (path);
  lsm_test_assert_contains (text, "Industrial development in Lạng Sơn province");
  lsm_test_assert_contains (text, "Hydropower (1)");
  lsm_test_assert_contains (text, "Cao Lộc (6): ");
  lsm_test_assert_contains (text, "Sources");

  g_unlink (path);
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
find_entry_row (GtkWidget *widget)
{
  if (ADW_IS_ENTRY_ROW (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_entry_row (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_window_export_asks_before_replacing (void)
{
  g_autoptr(LsmWindow) window = g_object_ref (open_window (NULL));
  g_autofree char *dir = g_dir_make_tmp ("lsmap-replace-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "map.pdf", NULL);
  g_autofree char *contents = NULL;
  LsmExportDialog *dialog;
  AdwMessageDialog *confirm = NULL;
  g_autofree char *long_title = g_strnfill (100000, 'a');
  GtkWidget *title_row;
  GListModel *toplevels;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
  settle ();

  toplevels = gtk_window_get_toplevels ();
  dialog = NULL;
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (LSM_IS_EXPORT_DIALOG (w))
        dialog = LSM_EXPORT_DIALOG (w);
    }
  g_assert_nonnull (dialog);

  /* A pasted page of text stops at the page's limit for titles. */
  title_row = find_entry_row (GTK_WIDGET (dialog));
  g_assert_nonnull (title_row);
  gtk_editable_set_text (GTK_EDITABLE (title_row), long_title);
  g_assert_cmpint (g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (title_row)), -1), ==, LSM_PAGE_TITLE_MAX);

  lsm_export_dialog_save (dialog, path);
  settle ();

  /* Nothing is overwritten before the user says so. */
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w))
        confirm = ADW_MESSAGE_DIALOG (w);
    }
  g_assert_nonnull (confirm);
  lsm_test_assert_contains (adw_message_dialog_get_heading (confirm), "Replace “map.pdf”?");

  adw_message_dialog_response (confirm, "replace");
  settle ();
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  g_unlink (path);
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LSMAP_BUNDLED_DATA", g_getenv ("LSMAP_DATA_DIR"), TRUE);
  init_display_test (&argc, &argv);

  g_test_add_func ("/lsm/window/pixels", test_window_pixels);
  g_test_add_func ("/lsm/window/restores-state", test_window_restores_state);
  g_test_add_func ("/lsm/window/online-map", test_window_online_map);
  g_test_add_func ("/lsm/window/online-map-offline", test_window_online_map_offline);
  g_test_add_func ("/lsm/window/print-to-pdf", test_window_print_to_pdf);
  g_test_add_func ("/lsm/window/export-asks-before-replacing", test_window_export_asks_before_replacing);

  return g_test_run ();
}
