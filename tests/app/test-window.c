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
#include "lsm-vocab.h"
#include "lsm-window-private.h"
#include "lsm-writer.h"

/* The real window on the bundled data, as a user sees it: what the panel's labels say, what the
 * map draws, what the list holds. */

static void
collect_labels (GtkWidget *widget,
                GString   *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    {
      g_string_append (text, gtk_label_get_text (GTK_LABEL (widget)));
      g_string_append_c (text, '\n');
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_labels (child, text);
}

static char *
panel_text (LsmWindow *window)
{
  GString *text = g_string_new (NULL);

  collect_labels (GTK_WIDGET (window->detail_panel), text);
  return g_string_free (text, FALSE);
}

static LsmSitesLayer *
sites_layer (LsmWindow *window)
{
  return lsm_map_view_get_sites_layer (window->map_view);
}

static void
click_site (LsmWindow  *window,
            const char *id)
{
  LsmFeature *site = lsm_catalog_lookup_site (lsm_window_get_catalog (window), id);
  LsmSitesLayer *layer = sites_layer (window);
  double x, y;

  g_assert_nonnull (site);
  g_assert_true (lsm_sites_layer_get_position (layer, site, &x, &y));

  /* The layer answers pointer events at its symbols only, so drags elsewhere pan the map. */
  g_assert_true (gtk_widget_contains (GTK_WIDGET (layer), x, y));
  g_assert_true (lsm_sites_layer_pick (layer, x, y) == site);
  g_assert_true (lsm_map_view_activate_at (window->map_view, x, y));
  settle ();
}

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

      badged += badge != NULL ? (guint) atoi (gtk_menu_button_get_label (badge)) : 0;
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

static gboolean
error_page_shown (gpointer data)
{
  LsmWindow *window = data;

  return g_strcmp0 (gtk_stack_get_visible_child_name (window->stack), "error") == 0;
}

static gboolean
overlay_says (LsmWindow  *window,
              const char *needle)
{
  g_autoptr(GString) text = g_string_new (NULL);

  collect_labels (GTK_WIDGET (window->toast_overlay), text);
  return strstr (text->str, needle) != NULL;
}

static gboolean
toast_names_folder (gpointer data)
{
  return overlay_says (data, "R&D <data>: no such file");
}

/* A new window that loads @path and fails: the error page's text goes to @text. */
static LsmWindow *
show_load_error (const char *path,
                 GString    *text)
{
  LsmWindow *window;

  reset_settings ();
  window = g_object_ref (lsm_window_new (NULL));
  gtk_window_present (GTK_WINDOW (window));
  lsm_window_load (window, path);
  g_assert_true (wait_for (error_page_shown, window));
  settle ();
  collect_labels (GTK_WIDGET (window->error_page), text);

  return window;
}

static void
test_window_load_errors_are_literal (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lsmap-errors-XXXXXX", NULL);
  g_autofree char *missing = g_build_filename (dir, "R&D <data>", NULL);
  g_autoptr(LsmWindow) window = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  /* Error pages and toasts take Pango markup; a folder named "R&D <data>" must still be named. */
  window = show_load_error (missing, text);
  lsm_test_assert_contains (text->str, "R&D <data>: no such file");

  /* Loaded data stays; the toast says why the new data did not come. */
  lsm_window_load (window, NULL);
  g_assert_true (wait_for (catalog_loaded, window));
  lsm_window_load (window, missing);
  g_assert_true (wait_for (toast_names_folder, window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "map");

  gtk_window_destroy (GTK_WINDOW (window));
  g_rmdir (dir);
}

/* A file name that is not UTF-8 still gets an error page that names it (GTK blanks a label
 * that is not UTF-8). */
static void
test_window_load_error_non_utf8 (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lsmap-errors-XXXXXX", NULL);
  g_autofree char *missing = g_build_filename (dir, "m\xe1y.geojson", NULL);  /* Latin-1 "máy" */
  g_autoptr(LsmWindow) window = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  window = show_load_error (missing, text);
  lsm_test_assert_contains (text->str, "m\xef\xbf\xbdy.geojson: no such file");

  gtk_window_destroy (GTK_WINDOW (window));
  g_rmdir (dir);
}

static gboolean
toast_says_no_answer (gpointer data)
{
  return overlay_says (data, "does not answer");
}

/* The department's shared database (tests/pg-run.sh starts one for this program): a site's
 * panel reads as from the files; a server that goes away, or a wrong password, is said. */
static void
test_window_postgis (void)
{
  const char *pg = lsm_test_postgis ();
  g_autofree char *wrong = NULL;
  g_autoptr(LsmWindow) window = NULL;
  g_autoptr(LsmWindow) refused = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *panel = NULL;

  g_assert_true (lsm_writer_convert (g_getenv ("LSMAP_DATA_DIR"), pg, NULL, TRUE, NULL, &error));
  g_assert_no_error (error);

  window = g_object_ref (open_window (pg));
  click_site (window, "nd-na-duong-1");
  panel = panel_text (window);
  lsm_test_assert_contains (panel, "Nhà máy nhiệt điện Na Dương I");
  lsm_test_assert_contains (panel, "Capacity\n110 MW\nas of 2024 · Operating · source 1");
  lsm_test_assert_contains (panel, "All of Thermal power in the province");

  /* Reloading from a server that has gone: the loaded data stays, the toast says why. */
  lsm_test_postgis_server ("--stop");
  lsm_window_load (window, pg);
  g_assert_true (wait_for (toast_says_no_answer, window));
  g_assert_true (overlay_says (window, "dbname=lsmap user=lsm_admin: the database server does not answer"));
  lsm_test_postgis_server ("--start");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "map");
  g_assert_nonnull (lsm_catalog_lookup_site (lsm_window_get_catalog (window), "nd-na-duong-1"));
  gtk_window_destroy (GTK_WINDOW (window));

  wrong = g_strdup_printf ("PG:host=%s dbname=lsmap user=lsm_reader password=secret-wrong",
                           g_getenv ("LSMAP_TEST_PG_HOST"));
  refused = show_load_error (wrong, text);
  lsm_test_assert_contains (text->str, "dbname=lsmap user=lsm_reader: the database refused the user name or password");
  g_assert_null (strstr (text->str, "secret-wrong"));
  gtk_window_destroy (GTK_WINDOW (refused));
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel))
        return ADW_MESSAGE_DIALOG (toplevel);
    }

  return NULL;
}

/* A fixture file, with the small data directory for what a single file lacks. */
static LsmWindow *
open_fixture_window (const char *file)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", file, NULL);
  g_autofree char *mini = g_test_build_filename (G_TEST_DIST, "fixtures", "mini", NULL);
  LsmWindow *window;

  g_setenv ("LSMAP_DATA_DIR", mini, TRUE);
  window = g_object_ref (open_window (path));
  g_setenv ("LSMAP_DATA_DIR", g_getenv ("LSMAP_BUNDLED_DATA"), TRUE);

  return window;
}

static void
test_window_problems_listed (void)
{
  g_autoptr(LsmWindow) window = open_fixture_window ("missing-properties.geojson");
  g_autoptr(GString) text = g_string_new (NULL);
  AdwMessageDialog *dialog;

  /* The toast counts what was left out; its Details button says which and why. A site of a
   * sector no table knows is not left out. */
  g_assert_true (overlay_says (window, "2 items of the data could not be loaded"));
  g_assert_null (find_message_dialog ());
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-problems", NULL));
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Problems in the Data");
  collect_labels (GTK_WIDGET (dialog), text);
  lsm_test_assert_contains (text->str, "missing-properties.geojson: feature 2 (noname) has no “name”");
  g_assert_null (strstr (text->str, "badsector"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A category of the user's own file: a row of its own in the sidebar (name, symbol, count),
 * and its toggle hides its sites on the map and in the list. */
static void
test_window_own_category (void)
{
  g_autoptr(LsmWindow) window = open_fixture_window ("own-category.geojson");
  g_autoptr(GString) text = g_string_new (NULL);
  GtkCheckButton *toggle;
  GtkWidget *icon;
  LsmSector farm;
  guint total;

  g_assert_true (lsm_sector_from_id ("solar_farm", &farm));
  toggle = lsm_sidebar_get_sector_toggle (window->sidebar, farm);
  g_assert_true (gtk_check_button_get_active (toggle));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (toggle)));
  icon = gtk_widget_get_next_sibling (GTK_WIDGET (toggle));
  g_assert_cmpint (gtk_image_get_storage_type (GTK_IMAGE (icon)), ==, GTK_IMAGE_PAINTABLE);
  collect_labels (gtk_widget_get_parent (GTK_WIDGET (toggle)), text);
  lsm_test_assert_contains (text->str, "Solar farm");
  lsm_test_assert_contains (text->str, "2 on the map");
  g_assert_cmpuint (lsm_sidebar_get_sector_count (window->sidebar, farm, &total), ==, 2);
  g_assert_cmpuint (total, ==, 2);
  g_assert_cmpuint (lsm_sites_layer_get_n_drawn (sites_layer (window)), ==, 3);

  gtk_check_button_set_active (toggle, FALSE);
  settle ();
  g_assert_cmpuint (lsm_sites_layer_get_n_drawn (sites_layer (window)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->selection)), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
tiles_ready (gpointer data)
{
  ShumateMapSource *source = lsm_map_view_get_base_source (data);

  return source != NULL && lsm_base_map_source_get_n_filled (LSM_BASE_MAP_SOURCE (source)) > 0;
}

/* The map as drawn on screen, once its base tiles are in, as ARGB pixels. */
static guint32 *
map_pixels (LsmWindow *window,
            int       *width,
            int       *height)
{
  GtkWidget *map = GTK_WIDGET (window->map_view);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  graphene_rect_t bounds;
  guint32 *pixels;

  g_assert_true (wait_for (tiles_ready, window->map_view));
  settle ();
  gtk_test_widget_wait_for_draw (map);

  *width = gtk_widget_get_width (map);
  *height = gtk_widget_get_height (map);
  paintable = gtk_widget_paintable_new (map);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, *width, *height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  bounds = GRAPHENE_RECT_INIT (0, 0, *width, *height);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node, &bounds);
  pixels = g_new (guint32, *width * *height);
  gdk_texture_download (texture, (guchar *) pixels, *width * 4);

  return pixels;
}

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

static GtkExpander *
find_expander (GtkWidget *widget)
{
  if (GTK_IS_EXPANDER (widget))
    return GTK_EXPANDER (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkExpander *found = find_expander (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The Vietnamese panel of every site: the curators' notes in Vietnamese, and the citations of
 * where a point comes from folded away under "Provenance". */
static void
assert_vietnamese_panels (LsmWindow *window)
{
  GListModel *list = G_LIST_MODEL (window->selection);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(LsmFeature) site = g_list_model_get_item (list, i);
      g_autofree char *raw = NULL;
      g_autoptr(GString) text = NULL;
      GtkExpander *expander;

      gtk_single_selection_set_selected (window->selection, i);
      settle ();
      raw = panel_text (window);
      text = g_string_new (raw);
      /* The English name under the title is a name, not a curator's text. */
      if (lsm_feature_get_name_en (site) != NULL)
        g_string_replace (text, lsm_feature_get_name_en (site), "", 0);
      if (g_regex_match_simple ("\\b(the|The|of|and|is|not|from)\\b|https?:", text->str, 0, 0))
        g_error ("the Vietnamese panel of %s shows English:\n%s", lsm_feature_get_id (site), text->str);

      expander = find_expander (GTK_WIDGET (window->detail_panel));
      if (lsm_feature_get_location (site, NULL, NULL))
        {
          g_assert_nonnull (expander);
          g_assert_cmpstr (gtk_expander_get_label (expander), ==, "Nguồn gốc tọa độ");
          g_assert_false (gtk_expander_get_expanded (expander));
        }
    }
}

static void
test_window_vietnamese (void)
{
  g_autoptr(LsmWindow) window = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expanded = NULL;
  GtkExpander *expander;

  /* Run by meson as its own process with LANGUAGE=vi and LC_ALL=vi_VN.UTF-8. */
  if (!g_str_has_prefix (setlocale (LC_MESSAGES, NULL), "vi_VN"))
    {
      g_test_skip ("runs only in a Vietnamese locale (the window-vi test)");
      return;
    }

  window = g_object_ref (open_window (NULL));
  click_site (window, "nd-na-duong-1");
  text = panel_text (window);
  lsm_test_assert_contains (text, "Nhiệt điện");
  lsm_test_assert_contains (text, "Công suất\n110 MW\ntính đến năm 2024 · Đang hoạt động · nguồn 1");
  lsm_test_assert_contains (text, "Vị trí chính xác");
  lsm_test_assert_contains (text, "Nhà máy đốt than non, lấy than từ mỏ Na Dương.");
  lsm_test_assert_contains (text, "Đối chiếu (“Na Duong power station”, Global Energy Monitor Wiki): "
                                  "Global Energy Monitor ghi Na Dương I gồm 2 tổ máy 50 MW");
  g_assert_null (strstr (text, "Global Power Plant Database"));
  g_assert_cmpstr (adw_window_title_get_subtitle (window->window_title), ==,
                   "40 địa điểm: 36 trên bản đồ (15 đếm cạnh tên huyện), 4 chưa rõ vị trí");

  /* Opened, the expander shows where the point comes from. */
  expander = find_expander (GTK_WIDGET (window->detail_panel));
  g_assert_nonnull (expander);
  gtk_expander_set_expanded (expander, TRUE);
  settle ();
  expanded = panel_text (window);
  lsm_test_assert_contains (expanded, "Global Power Plant Database");

  assert_vietnamese_panels (window);

  gtk_window_destroy (GTK_WINDOW (window));
}

static char *
overview_text (LsmWindow *window)
{
  GString *text = g_string_new (NULL);

  collect_labels (GTK_WIDGET (window->overview_panel), text);
  return g_string_free (text, FALSE);
}

static LsmChartView *
find_chart_view (GtkWidget  *widget,
                 const char *unit)
{
  if (LSM_IS_CHART_VIEW (widget)
      && g_strcmp0 (lsm_chart_view_get_chart (LSM_CHART_VIEW (widget))->unit, unit) == 0)
    return LSM_CHART_VIEW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      LsmChartView *found = find_chart_view (child, unit);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Nothing selected: the panel is the province at a glance; a selection replaces it, and the
 * Province button brings it back. */
static void
test_window_overview (void)
{
  g_autoptr(LsmWindow) window = g_object_ref (open_window (NULL));
  GtkWidget *overview = GTK_WIDGET (window->overview_panel);
  g_autofree char *text = NULL;
  g_autofree char *filtered = NULL;
  GtkWidget *button;

  g_assert_true (gtk_widget_get_visible (overview));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->detail_panel)));
  save_screenshot (GTK_WIDGET (window), "overview-1280.png");

  text = overview_text (window);
  lsm_test_assert_contains (text, "Lạng Sơn province\n40 sites: 36 on the map, 4 with no known location\n");
  lsm_test_assert_contains (text, "Hydropower\n5 sites: 2 on the map, 3 with no known location\n");
  lsm_test_assert_contains (text, "Total capacity\n34.9 MW\nas of 2024 · Operating · source ");
  lsm_test_assert_contains (text, "Population\nabout 802 thousand people\nas of 2024 · source ");
  lsm_test_assert_contains (text, "GRDP growth\n7.22%\n2022 · source ");
  lsm_test_assert_contains (text, "Sources\n1. ");
  g_assert_nonnull (find_chart_view (overview, "MW"));
  g_assert_nonnull (find_chart_view (overview, "ha"));
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (find_chart_view (overview, "MW"))), >, 60);
  save_screenshot (GTK_WIDGET (find_chart_view (overview, "MW")), "overview-chart.png");

  /* The counts follow the filter, as the map does. */
  lsm_filter_set_sector_visible (window->filter, lsm_test_sector ("hydro"), FALSE);
  settle ();
  filtered = overview_text (window);
  lsm_test_assert_contains (filtered, "Hydropower\n0 sites\n");
  lsm_test_assert_contains (filtered, "35 sites: 34 on the map, 1 with no known location\n");
  lsm_filter_set_sector_visible (window->filter, lsm_test_sector ("hydro"), TRUE);
  settle ();

  click_site (window, "nd-na-duong-1");
  g_assert_false (gtk_widget_get_visible (overview));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->detail_panel)));

  /* The header bar's Province button. */
  button = find_actionable (GTK_WIDGET (window), "win.overview");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));
  gtk_widget_activate (button);
  settle ();
  g_assert_true (gtk_widget_get_visible (overview));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->detail_panel)));
  g_assert_null (lsm_detail_panel_get_feature (window->detail_panel));

  /* Closed, it stays closed until asked for. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.close-overview", NULL));
  settle ();
  g_assert_false (gtk_widget_get_visible (overview));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.overview", NULL));
  settle ();
  g_assert_true (gtk_widget_get_visible (overview));

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 700);
  settle ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  save_screenshot (GTK_WIDGET (window), "overview-1024.png");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The scale bar reads in km only. */
static void
test_window_scale_metric (void)
{
  g_autoptr(LsmWindow) window = g_object_ref (open_window (NULL));
  ShumateScale *scale = shumate_simple_map_get_scale (lsm_map_view_get_map (window->map_view));

  g_assert_cmpint (shumate_scale_get_unit (scale), ==, SHUMATE_UNIT_METRIC);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A hidden column keeps its widgets, hidden: read only what is shown. */
static char *
table_text (LsmWindow *window)
{
  return shown_text (GTK_WIDGET (lsm_site_table_get_view (window->site_table)));
}

/* "Which are biggest": sort by capacity and read the first row; a row picked is the map's
 * selection, and a symbol clicked is the table's. */
static void
test_window_table (void)
{
  g_autoptr(LsmWindow) window = g_object_ref (open_window (NULL));
  LsmSiteTable *table = window->site_table;
  GtkColumnView *view = lsm_site_table_get_view (table);
  GListModel *rows = lsm_site_table_get_rows (table);
  GtkSelectionModel *selection = gtk_column_view_get_model (view);
  g_autoptr(LsmFeature) first = NULL;
  g_autoptr(LsmFeature) second = NULL;
  g_autofree char *text = NULL;
  const char *row;
  GtkWidget *toggle;

  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (table)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-table", NULL));
  settle ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (table)));
  toggle = find_actionable (GTK_WIDGET (window), "win.export-table");
  g_assert_nonnull (toggle);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 40);

  gtk_column_view_sort_by_column (view, lsm_site_table_get_column (table, LSM_COLUMN_CAPACITY), GTK_SORT_ASCENDING);
  settle ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  first = g_list_model_get_item (rows, 0);
  second = g_list_model_get_item (rows, 1);
  g_assert_cmpstr (lsm_feature_get_id (first), ==, "nd-na-duong-1");
  g_assert_cmpstr (lsm_feature_get_id (second), ==, "nd-na-duong-2");

  /* What the first row reads, after the headings. */
  text = table_text (window);
  row = strstr (text, "Location\n");
  g_assert_nonnull (row);
  lsm_test_assert_contains (row, "Location\nNhà máy nhiệt điện Na Dương I\nThermal power\nLộc Bình\nXã Na Dương\nOperating\n110\n");
  /* The sorted table opens at its top: the biggest is in sight. */
  g_assert_cmpfloat (gtk_adjustment_get_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view))), ==, 0);
  settle ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  save_screenshot (GTK_WIDGET (window), "table-1280.png");

  /* A row picked selects the site on the map and opens its panel. */
  gtk_selection_model_select_item (selection, 1, TRUE);
  settle ();
  g_assert_true (lsm_map_view_get_selected (window->map_view) == second);
  g_assert_true (lsm_detail_panel_get_feature (window->detail_panel) == second);

  /* A symbol clicked on the map selects its row. */
  click_site (window, "nd-na-duong-1");
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (selection)), ==, 0);

  /* Escape: no row. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-selection", NULL));
  settle ();
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (selection)), ==, GTK_INVALID_LIST_POSITION);

  /* The table follows the filter; a hidden column is gone from the view. */
  lsm_filter_set_sector_visible (window->filter, lsm_test_sector ("thermal"), FALSE);
  settle ();
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 38);
  gtk_column_view_column_set_visible (lsm_site_table_get_column (table, LSM_COLUMN_PRECISION), FALSE);
  settle ();
  g_clear_pointer (&text, g_free);
  text = table_text (window);
  g_assert_null (strstr (text, "Location\n"));

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 700);
  settle ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  save_screenshot (GTK_WIDGET (window), "table-1024.png");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A district's page: per sector, what the filter shows there, and those sites only. */
static void
test_window_district_page (void)
{
  g_autoptr(LsmWindow) window = g_object_ref (open_window (NULL));
  LsmFeature *chi_lang = lsm_catalog_lookup_district (lsm_window_get_catalog (window), "Chi Lăng");
  g_autofree char *text = NULL;
  g_autofree char *filtered = NULL;

  lsm_window_select (window, chi_lang, FALSE);
  settle ();
  text = panel_text (window);
  save_screenshot (GTK_WIDGET (window->detail_panel), "district-page.png");
  lsm_test_assert_contains (text, "In this district, with the current filters\nIndustrial zones\n1 site\n162 ha\n"
                                  "Industrial clusters\n3 sites\n91.01 ha from 2 of 3 sites\n");
  lsm_test_assert_contains (text, "Mỏ đá Đồng Bành");

  lsm_filter_set_sector_visible (window->filter, lsm_test_sector ("quarry"), FALSE);
  settle ();
  filtered = panel_text (window);
  g_assert_null (strstr (filtered, "Mỏ đá Đồng Bành"));
  g_assert_null (strstr (filtered, "Quarries and mines\n"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The overview, the table and a district page as a Vietnamese official reads them. */
static void
test_window_compare_vietnamese (void)
{
  g_autoptr(LsmWindow) window = NULL;
  g_autofree char *overview = NULL;
  g_autofree char *table = NULL;
  g_autofree char *district = NULL;
  g_autofree char *title = NULL;
  LsmSiteTable *site_table;

  if (!g_str_has_prefix (setlocale (LC_MESSAGES, NULL), "vi_VN"))
    {
      g_test_skip ("runs only in a Vietnamese locale (the window-vi-compare test)");
      return;
    }

  window = g_object_ref (open_window (NULL));
  site_table = window->site_table;
  overview = overview_text (window);
  save_screenshot (GTK_WIDGET (window), "overview-vi.png");
  lsm_test_assert_contains (overview, "Tỉnh Lạng Sơn\n40 địa điểm: 36 trên bản đồ, 4 chưa rõ vị trí\n");
  lsm_test_assert_contains (overview, "Thủy điện\n5 địa điểm: 2 trên bản đồ, 3 chưa rõ vị trí\n");
  lsm_test_assert_contains (overview, "Dân số\nkhoảng 802 nghìn người\ntính đến năm 2024 · nguồn ");
  lsm_test_assert_contains (overview, "Số liệu chung của tỉnh\n");
  title = lsm_chart_format_title (lsm_chart_view_get_chart (find_chart_view (GTK_WIDGET (window->overview_panel), "MW")));
  g_assert_cmpstr (title, ==, "Tổng công suất (MW)");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-table", NULL));
  gtk_column_view_sort_by_column (lsm_site_table_get_view (site_table),
                                  lsm_site_table_get_column (site_table, LSM_COLUMN_CAPACITY), GTK_SORT_ASCENDING);
  settle ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  table = table_text (window);
  lsm_test_assert_contains (table, "Tên\nNgành\nHuyện\nXã, phường (2025)\nTình trạng\nCông suất (MW)\n"
                                   "Diện tích (ha)\nVốn đầu tư (tỷ đồng)\nNăm\nVị trí\n"
                                   "Nhà máy nhiệt điện Na Dương I\nNhiệt điện\nLộc Bình\nXã Na Dương\nĐang hoạt động\n110\n");

  lsm_window_select (window, lsm_catalog_lookup_district (lsm_window_get_catalog (window), "Chi Lăng"), FALSE);
  settle ();
  district = panel_text (window);
  lsm_test_assert_contains (district, "Trong huyện, theo bộ lọc hiện tại\nKhu công nghiệp\n1 địa điểm\n162 ha\n"
                                      "Cụm công nghiệp\n3 địa điểm\n91,01 ha (theo 2 trong số 3 địa điểm)\n");
  save_screenshot (GTK_WIDGET (window), "district-vi.png");

  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkAdjustment *
find_panel_adjustment (GtkWidget *widget)
{
  if (GTK_IS_SCROLLED_WINDOW (widget))
    return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkAdjustment *found = find_panel_adjustment (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Enter at once after typing opens what was typed; Escape in the search box closes the
 * panel; each new selection opens the panel at its top. */
static void
test_window_search_enter_at_once (void)
{
  g_autoptr(LsmWindow) window = g_object_ref (open_window (NULL));
  GtkEditable *search = lsm_sidebar_get_search (window->sidebar);
  GtkAdjustment *scroll;
  LsmFeature *shown;

  /* No waiting for the entry's typing delay: a fast typist's Enter. */
  gtk_editable_set_text (search, "na duong");
  g_signal_emit_by_name (search, "activate");
  settle ();
  shown = lsm_detail_panel_get_feature (window->detail_panel);
  g_assert_nonnull (shown);
  lsm_test_assert_contains (lsm_feature_get_name (shown), "Na Dương");

  /* Scrolled down, then a new selection: read from the top. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 700);
  settle ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  scroll = find_panel_adjustment (GTK_WIDGET (window->detail_panel));
  gtk_adjustment_set_value (scroll, gtk_adjustment_get_upper (scroll));
  g_assert_cmpfloat (gtk_adjustment_get_value (scroll), >, 0);
  click_site (window, "nd-na-duong-2");
  g_assert_cmpfloat (gtk_adjustment_get_value (scroll), ==, 0);

  /* Escape while typing in the search box, as the search entry reports it. */
  gtk_widget_grab_focus (GTK_WIDGET (search));
  g_signal_emit_by_name (search, "stop-search");
  settle ();
  g_assert_null (lsm_detail_panel_get_feature (window->detail_panel));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->detail_panel)));

  gtk_window_destroy (GTK_WINDOW (window));
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
  g_assert_cmpstr (gtk_menu_button_get_label (lsm_district_badges_get_badge (lsm_map_view_get_district_badges (window->map_view),
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
  g_assert_cmpstr (gtk_menu_button_get_label (badge), ==, "6");
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
  g_assert_cmpstr (gtk_menu_button_get_label (lsm_district_badges_get_badge (badges, cao_loc)), ==, "1");
  g_assert_null (lsm_district_badges_get_badge (badges, lsm_catalog_lookup_district (catalog, "Hữu Lũng")));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The filter by 2025 unit, beside the district's: the setting, the drop-down and the list agree. */
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
  g_test_add_func ("/lsm/window/load-errors-are-literal", test_window_load_errors_are_literal);
  g_test_add_func ("/lsm/window/load-error-non-utf8", test_window_load_error_non_utf8);
  g_test_add_func ("/lsm/window/problems-listed", test_window_problems_listed);
  g_test_add_func ("/lsm/window/own-category", test_window_own_category);
  g_test_add_func ("/lsm/window/pixels", test_window_pixels);
  g_test_add_func ("/lsm/window/restores-state", test_window_restores_state);
  g_test_add_func ("/lsm/window/online-map", test_window_online_map);
  g_test_add_func ("/lsm/window/online-map-offline", test_window_online_map_offline);
  g_test_add_func ("/lsm/window/print-to-pdf", test_window_print_to_pdf);
  g_test_add_func ("/lsm/window/export-asks-before-replacing", test_window_export_asks_before_replacing);
  g_test_add_func ("/lsm/window/vietnamese", test_window_vietnamese);
  g_test_add_func ("/lsm/window/postgis", test_window_postgis);
  g_test_add_func ("/lsm/window/overview", test_window_overview);
  g_test_add_func ("/lsm/window/scale-metric", test_window_scale_metric);
  g_test_add_func ("/lsm/window/table", test_window_table);
  g_test_add_func ("/lsm/window/district-page", test_window_district_page);
  g_test_add_func ("/lsm/window/compare-vietnamese", test_window_compare_vietnamese);
  g_test_add_func ("/lsm/window/search-enter-at-once", test_window_search_enter_at_once);
  g_test_add_func ("/lsm/window/choropleth", test_window_choropleth);
  g_test_add_func ("/lsm/window/units", test_window_units);
  g_test_add_func ("/lsm/window/district-badges", test_window_district_badges);
  g_test_add_func ("/lsm/window/commune-2025-filter", test_window_commune_2025_filter);

  return g_test_run ();
}
