/* test-window.c
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

/* The real window on the bundled data, as a user sees it: what the panel's labels say, what the
 * map draws, what the list holds. */

/* The sites the map shows, as symbols or counted in a cluster. */
static guint
count_drawn_sites (LsmWindow *window)
{
  LsmSitesLayer *layer = sites_layer (window);
  guint total = lsm_sites_layer_get_n_drawn (layer);
  LsmClusterPlacement cluster;

  for (guint i = 0; lsm_sites_layer_get_cluster (layer, i, &cluster, NULL, NULL); i++)
    total += cluster.count;

  return total;
}

static void
test_window_shows_province (void)
{
  g_autoptr(LsmWindow) window = g_object_ref (open_window (NULL));
  LsmCatalog *catalog = lsm_window_get_catalog (window);

  g_assert_cmpuint (g_list_model_get_n_items (lsm_catalog_get_districts (catalog)), ==, 11);
  /* 15 of the 36 located sites are known only to their district: no symbol for them. */
  g_assert_cmpuint (count_drawn_sites (window), ==, 21);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->selection)), ==, 40);
  g_assert_cmpstr (adw_window_title_get_subtitle (window->window_title), ==,
                   "40 sites: 36 on the map (15 in district badges), 4 with no known location");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_sidebar_toggle (void)
{
  g_autoptr(LsmWindow) window = g_object_ref (open_window (NULL));
  GtkWidget *button = find_actionable (GTK_WIDGET (window), "win.show-sidebar");

  /* The header button shows the sidebar's state from the first frame, not only after a change. */
  g_assert_true (GTK_IS_TOGGLE_BUTTON (button));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->sidebar)));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sidebar", NULL));
  settle ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->sidebar)));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));

  g_signal_emit_by_name (button, "clicked");
  settle ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->sidebar)));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_app_icon (void)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());

  /* GtkApplication adds this path; the About window shows the icon from the build tree too. */
  gtk_icon_theme_add_resource_path (theme, RESOURCE_BASE "/icons");
  g_assert_true (gtk_icon_theme_has_icon (theme, APP_ID));
  g_assert_true (gtk_icon_theme_has_icon (theme, APP_ID "-symbolic"));
}

static gboolean
window_binds_key (GtkWidget       *widget,
                  guint            keyval,
                  GdkModifierType  modifiers)
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
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers)
            return TRUE;
        }
    }

  return FALSE;
}

static void
test_window_shortcuts_window_keys (void)
{
  g_autoptr(LsmWindow) window = g_object_ref (open_window (NULL));
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_BASE "/gtk/help-overlay.ui");
  g_autoptr(GSList) objects = gtk_builder_get_objects (builder);
  guint checked = 0;

  /* Every key the Shortcuts window lists works in the window or on its map; Ctrl+Q and Ctrl+? belong to the
   * application, which this test does not run. */
  for (GSList *l = objects; l != NULL; l = l->next)
    {
      g_autofree char *accelerator = NULL;
      g_auto(GStrv) keys = NULL;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;

      g_object_get (l->data, "accelerator", &accelerator, NULL);
      g_assert_nonnull (accelerator);
      keys = g_strsplit (accelerator, " ", -1);
      for (guint i = 0; keys[i] != NULL; i++)
        {
          guint keyval;
          GdkModifierType modifiers;

          g_assert_true (gtk_accelerator_parse (keys[i], &keyval, &modifiers));
          if (g_str_equal (keys[i], "<ctrl>q") || g_str_equal (keys[i], "<ctrl>question"))
            continue;
          /* The map's own keys work where its keyboard focus is. */
          if (!window_binds_key (GTK_WIDGET (window), keyval, modifiers)
              && !window_binds_key (GTK_WIDGET (window->map_view), keyval, modifiers))
            g_error ("The Shortcuts window lists %s, which neither the window nor the map binds", keys[i]);
          checked++;
        }
    }
  g_assert_cmpuint (checked, >=, 13);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_sector_toggles (void)
{
  g_autoptr(LsmWindow) window = g_object_ref (open_window (NULL));
  guint total;

  LsmSector hydro = lsm_test_sector ("hydro");

  for (guint s = 0; s < lsm_sector_get_count (); s++)
    gtk_check_button_set_active (lsm_sidebar_get_sector_toggle (window->sidebar, s), s == hydro);
  settle ();

  /* Map, list and counts read one filter; Thủy điện Tràng Định 2 is known only to its district. */
  g_assert_cmpuint (lsm_sites_layer_get_n_drawn (sites_layer (window)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->selection)), ==, 5);
  g_assert_cmpuint (lsm_sidebar_get_sector_count (window->sidebar, hydro, &total), ==, 5);
  g_assert_cmpuint (total, ==, 5);
  g_assert_cmpuint (lsm_sidebar_get_sector_count (window->sidebar, lsm_test_sector ("thermal"), &total), ==, 0);
  g_assert_cmpuint (total, ==, 2);
  for (guint s = 0; s < lsm_sector_get_count (); s++)
    g_assert_true (lsm_filter_get_sector_visible (lsm_window_get_filter (window), s) == (s == hydro));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* What every view shows is the filter's model: the list, the sidebar's counts as its labels
 * say them, the symbols the map draws (the model's sites drawn as points), the districts'
 * badges (the others that have a position) and the window's subtitle. */
static void
assert_views_agree (LsmWindow *window)
{
  LsmFilter *filter = lsm_window_get_filter (window);
  GListModel *model = G_LIST_MODEL (filter);
  guint n = g_list_model_get_n_items (model);
  guint mapped = 0, counted = 0, badged = 0, unplaced = 0;
  GListModel *districts = lsm_catalog_get_districts (lsm_window_get_catalog (window));
  g_autofree char *subtitle = lsm_filter_format_shown (filter);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->selection)), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LsmFeature) site = g_list_model_get_item (model, i);

      mapped += lsm_feature_is_drawn_as_point (site);
      unplaced += lsm_feature_get_location (site, NULL, NULL) && !lsm_feature_is_drawn_as_point (site);
    }
  g_assert_cmpuint (count_drawn_sites (window), ==, mapped);
  for (guint i = 0; i < g_list_model_get_n_items (districts); i++)
    {
      g_autoptr(LsmFeature) district = g_list_model_get_item (districts, i);
      GtkMenuButton *badge = lsm_district_badges_get_badge (lsm_map_view_get_district_badges (window->map_view),
                                                            district);

      badged += badge != NULL ? (guint) atoi (badge_text (badge)) : 0;
    }
  g_assert_cmpuint (badged, ==, unplaced);

  for (guint s = 0; s < lsm_sector_get_count (); s++)
    {
      const char *label = gtk_label_get_text (lsm_sidebar_get_sector_caption (window->sidebar, s));
      LsmFilterCounts counts;
      g_autofree char *expected = NULL;
      guint total;

      lsm_filter_get_counts (filter, s, &counts);
      expected = lsm_filter_counts_format (&counts, TRUE);
      g_assert_cmpstr (label, ==, *expected != '\0' ? expected : counts.matches < counts.total ? "No matches" : "No sites");
      g_assert_cmpuint (lsm_sidebar_get_sector_count (window->sidebar, s, &total), ==,
                        lsm_filter_get_n_visible (filter, s));
      g_assert_cmpuint (total, ==, lsm_filter_get_n_total (filter, s));
      counted += lsm_filter_get_n_visible (filter, s);
    }
  g_assert_cmpuint (counted, ==, n);
  g_assert_cmpstr (adw_window_title_get_subtitle (window->window_title), ==, subtitle);
}

static gboolean
search_applied (gpointer data)
{
  return lsm_filter_get_search_text (data) != NULL;
}

static void
test_window_views_agree (void)
{
  g_autoptr(LsmWindow) window = g_object_ref (open_window (NULL));
  LsmFilter *filter = lsm_window_get_filter (window);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_auto(GStrv) hidden = NULL;
  g_autofree char *district = NULL;
  guint before;

  assert_views_agree (window);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filter)), ==, 40);

  /* A sector toggle: the filter, and through it the setting. */
  gtk_check_button_set_active (lsm_sidebar_get_sector_toggle (window->sidebar, lsm_test_sector ("border_gate")), FALSE);
  settle ();
  assert_views_agree (window);
  g_assert_cmpuint (lsm_filter_get_n_visible (filter, lsm_test_sector ("border_gate")), ==, 0);
  g_assert_cmpuint (lsm_filter_get_n_total (filter, lsm_test_sector ("border_gate")), >, 0);
  hidden = g_settings_get_strv (settings, "hidden-sectors");
  g_assert_cmpuint (g_strv_length (hidden), ==, 1);
  g_assert_cmpstr (hidden[0], ==, "border_gate");

  /* A status, as the filter's own call. */
  before = g_list_model_get_n_items (G_LIST_MODEL (filter));
  lsm_filter_set_status_visible (filter, LSM_STATUS_OPERATING, FALSE);
  settle ();
  assert_views_agree (window);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filter)), <, before);

  /* A district, from the setting. */
  g_settings_set_string (settings, "district", "Lộc Bình");
  settle ();
  g_assert_cmpstr (lsm_filter_get_district (filter), ==, "Lộc Bình");
  assert_views_agree (window);

  /* A search, typed. */
  lsm_filter_set_district (filter, NULL);
  lsm_filter_set_status_visible (filter, LSM_STATUS_OPERATING, TRUE);
  gtk_editable_set_text (lsm_sidebar_get_search (window->sidebar), "thuy dien");
  g_assert_true (wait_for (search_applied, filter));
  settle ();
  assert_views_agree (window);
  g_assert_cmpuint (lsm_filter_get_n_visible (filter, lsm_test_sector ("hydro")), >, 0);
  district = g_settings_get_string (settings, "district");
  g_assert_cmpstr (district, ==, "");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_click_na_duong (void)
{
  g_autoptr(LsmWindow) window = g_object_ref (open_window (NULL));
  g_autofree char *text = NULL;

  click_site (window, "nd-na-duong-1");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->detail_panel)));

  text = panel_text (window);
  lsm_test_assert_contains (text, "Nhà máy nhiệt điện Na Dương I");
  lsm_test_assert_contains (text, "Capacity\n110 MW\nas of 2024 · Operating · source 1");
  lsm_test_assert_contains (text, "Commercial operation since\n2005\nOperating · source 1\n");
  lsm_test_assert_contains (text, "Exact position");
  lsm_test_assert_contains (text, "Now in Xã Na Dương (since 1 July 2025)");
  lsm_test_assert_contains (text, "21.69811, 106.97600");
  lsm_test_assert_contains (text, "“Định hướng phát triển nền công nghiệp ở tỉnh Lạng Sơn”");
  lsm_test_assert_contains (text, "All of Thermal power in the province");
  lsm_test_assert_contains (text, "210 MW");
  g_assert_true (lsm_sites_layer_get_selected (sites_layer (window))
                 == lsm_catalog_lookup_site (lsm_window_get_catalog (window), "nd-na-duong-1"));

  /* Escape clears. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-selection", NULL);
  settle ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->detail_panel)));
  g_assert_null (lsm_sites_layer_get_selected (sites_layer (window)));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_list_view (GtkWidget  *widget,
              const char *unused)
{
  return GTK_IS_LIST_VIEW (widget);
}

/* What the layer draws: every site of the list, as a symbol or in one cluster. */
static void
assert_every_site_drawn (LsmWindow *window)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (lsm_window_get_filter (window)));

  /* The whole province is in view at the default zoom. */
  g_assert_cmpuint (count_drawn_sites (window), ==, n_items);
}

/* Dense data: clusters with counts; a click on one zooms in until it splits, and a cluster of
 * sites on one point lists them, a choice selecting it as a click on its symbol would. */
static void
test_window_click_cluster (void)
{
  g_autofree char *dir = lsm_test_make_synthetic_dir (3000, 40);
  g_autoptr(LsmWindow) window = g_object_ref (open_window (dir));
  LsmSitesLayer *layer = sites_layer (window);
  ShumateViewport *viewport = lsm_map_view_get_viewport (window->map_view);
  LsmClusterPlacement cluster, picked = { 0 };
  double zoom = shumate_viewport_get_zoom_level (viewport);
  double x = 0, y = 0;
  GtkPopover *popover;
  GtkWidget *list;
  LsmFeature *member;
  g_autofree char *text = NULL;

  g_assert_cmpuint (lsm_sites_layer_get_n_clusters (layer), >, 0);
  assert_every_site_drawn (window);

  /* The biggest cluster: it splits when zoomed. */
  for (guint i = 0; lsm_sites_layer_get_cluster (layer, i, &cluster, NULL, NULL); i++)
    if (!cluster.one_point && cluster.count > picked.count)
      lsm_sites_layer_get_cluster (layer, i, &picked, &x, &y);
  g_assert_cmpuint (picked.count, >, 1);
  g_assert_true (gtk_widget_contains (GTK_WIDGET (layer), x, y));
  g_assert_null (lsm_sites_layer_pick (layer, x, y));
  g_assert_true (lsm_map_view_activate_at (window->map_view, x, y));
  settle ();
  g_assert_cmpfloat (shumate_viewport_get_zoom_level (viewport), >=, zoom + 1);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (lsm_sites_layer_get_members_popover (layer))));

  /* The sites on one point. */
  shumate_location_set_location (SHUMATE_LOCATION (viewport), 21.85, 106.75);
  shumate_viewport_set_zoom_level (viewport, 15);
  settle ();
  picked.count = 0;
  for (guint i = 0; lsm_sites_layer_get_cluster (layer, i, &cluster, NULL, NULL); i++)
    if (cluster.one_point)
      lsm_sites_layer_get_cluster (layer, i, &picked, &x, &y);
  g_assert_cmpuint (picked.count, ==, 40);
  zoom = shumate_viewport_get_zoom_level (viewport);
  g_assert_true (lsm_map_view_activate_at (window->map_view, x, y));
  settle ();
  g_assert_cmpfloat (shumate_viewport_get_zoom_level (viewport), ==, zoom);

  popover = lsm_sites_layer_get_members_popover (layer);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  list = find_widget_matching (GTK_WIDGET (popover), is_list_view, NULL);
  g_assert_nonnull (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)))), ==, 40);
  member = lsm_clusters_get_member (lsm_sites_layer_get_clusters (layer), picked.first + 3);
  g_signal_emit_by_name (list, "activate", 3);
  settle ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_true (lsm_sites_layer_get_selected (layer) == member);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->detail_panel)));
  text = panel_text (window);
  lsm_test_assert_contains (text, lsm_feature_get_name (member));

  gtk_window_destroy (GTK_WINDOW (window));
  lsm_test_remove_dir (dir);
}

static gboolean
has_label (GtkWidget  *widget,
           const char *label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
sites_layer_ready (gpointer data)
{
  LsmWindow *window = data;

  return lsm_window_get_catalog (window) != NULL && lsm_sites_layer_is_ready (sites_layer (window));
}

/* Large data: a progress bar and a Cancel button while it loads; then the sites are matched and
 * clustered in a thread, and every one is drawn once published. */
static void
test_window_large_data (void)
{
  g_autofree char *dir = lsm_test_make_synthetic_dir (30000, 0);
  g_autoptr(LsmWindow) window = NULL;
  GtkWidget *cancel;

  reset_settings ();
  window = g_object_ref (lsm_window_new (NULL));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 860);
  gtk_window_present (GTK_WINDOW (window));

  lsm_window_load (window, dir);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "loading");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->load_progress)));
  cancel = find_widget_matching (GTK_WIDGET (window->stack), has_label, "_Cancel");
  g_assert_nonnull (cancel);
  g_signal_emit_by_name (cancel, "clicked");
  settle ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "error");
  g_assert_null (lsm_window_get_catalog (window));

  lsm_window_load (window, dir);
  g_assert_true (wait_for (sites_layer_ready, window));
  settle ();
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (window->load_progress), ==, 1.0);
  g_assert_cmpuint (lsm_sites_layer_get_n_clusters (sites_layer (window)), >, 0);
  assert_every_site_drawn (window);

  gtk_window_destroy (GTK_WINDOW (window));
  lsm_test_remove_dir (dir);
}

static void
test_window_list_selection_centres_map (void)
{
  g_autoptr(LsmWindow) window = g_object_ref (open_window (NULL));
  ShumateViewport *viewport = lsm_map_view_get_viewport (window->map_view);
  GListModel *list = G_LIST_MODEL (window->selection);
  g_autofree char *text = NULL;
  guint position = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(LsmFeature) site = g_list_model_get_item (list, i);

      if (g_str_equal (lsm_feature_get_id (site), "hydro-ban-lai"))
        position = i;
    }
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);

  gtk_single_selection_set_selected (window->selection, position);
  settle ();

  text = panel_text (window);
  lsm_test_assert_contains (text, "Thủy điện / Hồ chứa nước Bản Lải");
  lsm_test_assert_contains (text, "A point in the commune, not the site itself");
  g_assert_cmpfloat_with_epsilon (shumate_location_get_latitude (SHUMATE_LOCATION (viewport)), 21.72675, 1e-4);
  g_assert_cmpfloat_with_epsilon (shumate_location_get_longitude (SHUMATE_LOCATION (viewport)), 107.09865, 1e-4);

  /* The map's selection follows the list's. */
  g_assert_true (lsm_map_view_get_selected (window->map_view)
                 == lsm_catalog_lookup_site (lsm_window_get_catalog (window), "hydro-ban-lai"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_district_click (void)
{
  g_autoptr(LsmWindow) window = g_object_ref (open_window (NULL));
  LsmFeature *chi_lang = lsm_catalog_lookup_district (lsm_window_get_catalog (window), "Chi Lăng");
  ShumateViewport *viewport = lsm_map_view_get_viewport (window->map_view);
  g_autofree char *text = NULL;
  double x, y;

  /* A point of Chi Lăng away from every site. */
  shumate_viewport_location_to_widget_coords (viewport, GTK_WIDGET (sites_layer (window)), 21.60, 106.75, &x, &y);
  g_assert_null (lsm_sites_layer_pick (sites_layer (window), x, y));
  g_assert_true (lsm_map_view_activate_at (window->map_view, x, y));
  settle ();

  g_assert_true (lsm_detail_panel_get_feature (window->detail_panel) == chi_lang);
  text = panel_text (window);
  lsm_test_assert_contains (text, "Huyện Chi Lăng");
  lsm_test_assert_contains (text, "704.5 km²");
  lsm_test_assert_contains (text, "65");
  lsm_test_assert_contains (text, "an estimated 2,346.2 billion VND");
  lsm_test_assert_contains (text, "Mỏ đá Đồng Bành");

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
list_filtered (gpointer data)
{
  return g_list_model_get_n_items (data) < 40;
}

static void
test_window_search_folds_diacritics (void)
{
  g_autoptr(LsmWindow) window = g_object_ref (open_window (NULL));
  GListModel *list = G_LIST_MODEL (window->selection);
  g_autofree char *text = NULL;
  gboolean found_gate = FALSE;

  gtk_editable_set_text (lsm_sidebar_get_search (window->sidebar), "dong dang");
  /* The entry reports a search after its typing delay. */
  g_assert_true (wait_for (list_filtered, list));
  settle ();

  g_assert_cmpuint (g_list_model_get_n_items (list), >=, 2);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(LsmFeature) site = g_list_model_get_item (list, i);

      found_gate |= g_str_equal (lsm_feature_get_name (site), "Cửa khẩu quốc tế đường sắt Ga Đồng Đăng");
      g_test_message ("found %s", lsm_feature_get_name (site));
      g_assert_true (lsm_feature_matches (site, "dong dang"));
    }
  g_assert_true (found_gate);

  /* Sites named Đồng Đăng come before the Hữu Nghị gate, which is in thị trấn Đồng Đăng; Enter
   * selects the first. */
  {
    g_autoptr(LsmFeature) first = g_list_model_get_item (list, 0);

    g_assert_nonnull (strstr (lsm_feature_get_name (first), "Đồng Đăng"));
  }
  g_signal_emit_by_name (lsm_sidebar_get_search (window->sidebar), "activate");
  settle ();
  g_assert_nonnull (lsm_detail_panel_get_feature (window->detail_panel));
  text = panel_text (window);
  lsm_test_assert_contains (text, "Đồng Đăng");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_markup_is_literal (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "markup.geojson", NULL);
  g_autofree char *mini = g_test_build_filename (G_TEST_DIST, "fixtures", "mini", NULL);
  g_autoptr(LsmWindow) window = NULL;
  g_autofree char *text = NULL;

  g_setenv ("LSMAP_DATA_DIR", mini, TRUE);
  window = g_object_ref (open_window (path));
  g_setenv ("LSMAP_DATA_DIR", g_getenv ("LSMAP_BUNDLED_DATA"), TRUE);

  lsm_window_select (window, lsm_catalog_lookup_site (lsm_window_get_catalog (window), "markup"), TRUE);
  settle ();
  text = panel_text (window);
  lsm_test_assert_contains (text, "<b>Nhà máy</b> & <i>Co</i> <span foreground='red'>");

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LSMAP_BUNDLED_DATA", g_getenv ("LSMAP_DATA_DIR"), TRUE);
  init_display_test (&argc, &argv);

  g_test_add_func ("/lsm/window/shows-province", test_window_shows_province);
  g_test_add_func ("/lsm/window/sidebar-toggle", test_window_sidebar_toggle);
  g_test_add_func ("/lsm/window/app-icon", test_window_app_icon);
  g_test_add_func ("/lsm/window/shortcuts-window-keys", test_window_shortcuts_window_keys);
  g_test_add_func ("/lsm/window/sector-toggles", test_window_sector_toggles);
  g_test_add_func ("/lsm/window/views-agree", test_window_views_agree);
  g_test_add_func ("/lsm/window/click-na-duong", test_window_click_na_duong);
  g_test_add_func ("/lsm/window/click-cluster", test_window_click_cluster);
  g_test_add_func ("/lsm/window/large-data", test_window_large_data);
  g_test_add_func ("/lsm/window/list-selection-centres-map", test_window_list_selection_centres_map);
  g_test_add_func ("/lsm/window/district-click", test_window_district_click);
  g_test_add_func ("/lsm/window/search-folds-diacritics", test_window_search_folds_diacritics);
  g_test_add_func ("/lsm/window/markup-is-literal", test_window_markup_is_literal);

  return g_test_run ();
}
