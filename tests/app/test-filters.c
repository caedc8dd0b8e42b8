/* test-filters.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <locale.h>

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "lsm-catalog.h"
#include "lsm-district-badges.h"
#include "lsm-feature.h"
#include "lsm-filter.h"
#include "lsm-sites-layer.h"
#include "lsm-table-export.h"
#include "lsm-test-app.h"
#include "lsm-test-utils.h"
#include "lsm-vocab.h"
#include "lsm-window-private.h"

/* Search and filters that say what they hide, driven as a user would: the "Show All" row of a
 * search, Reset Filters, the sectors' counts against what the map draws, and the table's column
 * of the communes of 2025. Run in English and, as filters-vi, in Vietnamese. */

#define TR(en, vi) (lsm_ui_is_vietnamese () ? (vi) : (en))

/* A button or a check button, by the label it shows. */
static gboolean
has_button_label (GtkWidget  *widget,
                  const char *label)
{
  return (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
         || (GTK_IS_CHECK_BUTTON (widget) && g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)), label) == 0);
}

static GtkWidget *
find_button_labelled (GtkWidget  *widget,
                      const char *label)
{
  return find_widget_matching (widget, has_button_label, label);
}

/* The sizes the screenshots are looked at in: a large screen and a small laptop's. */
static void
resize (LsmWindow *window,
        int        width,
        int        height)
{
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  settle ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
}

static gboolean
search_applied (gpointer data)
{
  return lsm_filter_get_search_text (data) != NULL;
}

static void
type_search (LsmWindow  *window,
             const char *text)
{
  gtk_editable_set_text (lsm_sidebar_get_search (window->sidebar), text);
  /* The entry reports the search after its typing delay. */
  g_assert_true (wait_for (search_applied, window->filter));
  settle ();
}

static void
show_only_sector (LsmWindow  *window,
                  const char *id)
{
  for (guint s = 0; s < lsm_sector_get_count (); s++)
    gtk_check_button_set_active (lsm_sidebar_get_sector_toggle (window->sidebar, s), s == lsm_test_sector (id));
  settle ();
}

/* The sector's row in the sidebar, as it reads. */
static char *
sector_row_text (LsmWindow  *window,
                 const char *id)
{
  GtkCheckButton *toggle = lsm_sidebar_get_sector_toggle (window->sidebar, lsm_test_sector (id));

  return shown_text (gtk_widget_get_parent (GTK_WIDGET (toggle)));
}

/* A search finds nothing while a filter hides its matches: the list says how many, and its
 * "Show All" lifts those filters only. */
static void
test_filters_show_all (void)
{
  g_autoptr(LsmWindow) window = g_object_ref (open_window (NULL));
  GListModel *list = G_LIST_MODEL (window->selection);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *thermal = NULL;
  GtkWidget *button;

  gtk_check_button_set_active (lsm_sidebar_get_sector_toggle (window->sidebar, lsm_test_sector ("hydro")), FALSE);
  gtk_check_button_set_active (lsm_sidebar_get_sector_toggle (window->sidebar, lsm_test_sector ("wind")), FALSE);
  type_search (window, "thuy dien");
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);

  before = shown_text (GTK_WIDGET (window->sidebar));
  lsm_test_assert_contains (before, TR ("5 more matches hidden by filters", "Còn 5 kết quả bị bộ lọc ẩn"));
  button = find_button_labelled (GTK_WIDGET (window->sidebar), TR ("_Show All", "_Hiện tất cả"));
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_drawable (button));
  resize (window, 1280, 900);
  save_screenshot_in_language (GTK_WIDGET (window), "filters-show-all-1280");
  resize (window, 1024, 700);
  save_screenshot_in_language (GTK_WIDGET (window), "filters-show-all-1024");

  g_signal_emit_by_name (button, "clicked");
  settle ();

  /* The five dams are listed; wind hid none of them and stays hidden; the row is gone. */
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 5);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(LsmFeature) site = g_list_model_get_item (list, i);

      g_assert_cmpuint (lsm_feature_get_sector (site), ==, lsm_test_sector ("hydro"));
    }
  g_assert_true (gtk_check_button_get_active (lsm_sidebar_get_sector_toggle (window->sidebar, lsm_test_sector ("hydro"))));
  g_assert_false (gtk_check_button_get_active (lsm_sidebar_get_sector_toggle (window->sidebar, lsm_test_sector ("wind"))));
  after = shown_text (GTK_WIDGET (window->sidebar));
  g_assert_null (strstr (after, TR ("matches hidden by filters", "kết quả bị bộ lọc ẩn")));
  g_assert_cmpstr (lsm_filter_get_search_text (window->filter), ==, "thuy dien");

  /* A sector the search finds nothing of: no match, and none hidden by the filters. */
  thermal = sector_row_text (window, "thermal");
  lsm_test_assert_contains (thermal, TR ("No matches", "Không có kết quả"));
  g_assert_null (strstr (thermal, TR ("hidden by filters", "bị bộ lọc ẩn")));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
menu_has_action (GMenuModel *menu,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &name)
          && g_str_equal (name, action))
        return TRUE;
      if (section != NULL && menu_has_action (section, action))
        return TRUE;
    }

  return FALSE;
}

static gboolean
is_primary_menu (GtkWidget  *widget,
                 const char *data)
{
  return GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget));
}

static gboolean
is_dropdown (GtkWidget  *widget,
             const char *data)
{
  return GTK_IS_DROP_DOWN (widget);
}

/* One action clears sectors, statuses and the district; it is there only while a filter is set,
 * in the sidebar, in the menu and as Ctrl+Shift+R; the search stays. */
static void
test_filters_reset (void)
{
  g_autoptr(LsmWindow) window = g_object_ref (open_window (NULL));
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GtkBuilder) overlay = gtk_builder_new_from_resource (RESOURCE_BASE "/gtk/help-overlay.ui");
  g_autoptr(GSList) shortcuts = gtk_builder_get_objects (overlay);
  g_auto(GStrv) hidden = NULL;
  g_autofree char *text = NULL;
  GtkWidget *button = find_actionable (GTK_WIDGET (window->sidebar), "win.reset-filters");
  GtkWidget *operating = find_button_labelled (GTK_WIDGET (window->sidebar), TR ("Operating", "Đang hoạt động"));
  GtkDropDown *district = GTK_DROP_DOWN (find_widget_matching (GTK_WIDGET (window->sidebar), is_dropdown, NULL));
  GtkMenuButton *menu = GTK_MENU_BUTTON (find_widget_matching (GTK_WIDGET (window), is_primary_menu, NULL));
  gboolean listed = FALSE;

  g_assert_nonnull (button);
  g_assert_nonnull (operating);
  g_assert_nonnull (menu);
  g_assert_true (menu_has_action (gtk_menu_button_get_menu_model (menu), "win.reset-filters"));
  for (GSList *l = shortcuts; l != NULL; l = l->next)
    {
      g_autofree char *accelerator = NULL;

      if (GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        g_object_get (l->data, "accelerator", &accelerator, NULL);
      listed |= g_strcmp0 (accelerator, "<ctrl><shift>r") == 0;
    }
  g_assert_true (listed);

  /* Nothing to reset yet. */
  g_assert_false (gtk_widget_is_sensitive (button));

  gtk_check_button_set_active (lsm_sidebar_get_sector_toggle (window->sidebar, lsm_test_sector ("wind")), FALSE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (operating), FALSE);
  gtk_drop_down_set_selected (district, 1);
  type_search (window, "na duong");
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->selection)), <, 40);
  hidden = g_settings_get_strv (settings, "hidden-sectors");
  g_assert_cmpuint (g_strv_length (hidden), ==, 1);

  g_signal_emit_by_name (button, "clicked");
  settle ();

  for (guint s = 0; s < lsm_sector_get_count (); s++)
    g_assert_true (gtk_check_button_get_active (lsm_sidebar_get_sector_toggle (window->sidebar, s)));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (operating)));
  g_assert_cmpuint (gtk_drop_down_get_selected (district), ==, 0);
  g_assert_false (gtk_widget_is_sensitive (button));
  g_clear_pointer (&hidden, g_strfreev);
  hidden = g_settings_get_strv (settings, "hidden-sectors");
  g_assert_cmpuint (g_strv_length (hidden), ==, 0);
  /* The search is what is looked for, not a filter: every match of it is listed again. */
  g_assert_cmpstr (gtk_editable_get_text (lsm_sidebar_get_search (window->sidebar)), ==, "na duong");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->selection)), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (window->filter)));
  g_clear_pointer (&text, g_free);
  text = shown_text (GTK_WIDGET (window->sidebar));
  g_assert_null (strstr (text, TR ("matches hidden by filters", "kết quả bị bộ lọc ẩn")));

  /* The same from the keyboard. */
  gtk_check_button_set_active (lsm_sidebar_get_sector_toggle (window->sidebar, lsm_test_sector ("wind")), FALSE);
  settle ();
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reset-filters", NULL));
  settle ();
  g_assert_true (gtk_check_button_get_active (lsm_sidebar_get_sector_toggle (window->sidebar, lsm_test_sector ("wind"))));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* "Hydropower 5 / 5" while one symbol and one district badge were drawn: the row says where the
 * five are, as the map shows them, and the window's subtitle agrees. */
static void
test_filters_counts (void)
{
  g_autoptr(LsmWindow) window = g_object_ref (open_window (NULL));
  LsmSitesLayer *layer = lsm_map_view_get_sites_layer (window->map_view);
  LsmDistrictBadges *badges = lsm_map_view_get_district_badges (window->map_view);
  GListModel *districts = lsm_catalog_get_districts (lsm_window_get_catalog (window));
  g_autofree char *hydro = NULL;
  g_autofree char *thermal = NULL;
  g_autofree char *all = NULL;
  guint badged = 0;

  all = sector_row_text (window, "hydro");
  lsm_test_assert_contains (all, TR ("2 on the map (1 in a district badge), 3 with no known location",
                                     "2 trên bản đồ (1 đếm cạnh tên huyện), 3 chưa rõ vị trí"));
  g_assert_cmpstr (adw_window_title_get_subtitle (window->window_title), ==,
                   TR ("40 sites: 36 on the map (15 in district badges), 4 with no known location",
                       "40 địa điểm: 36 trên bản đồ (15 đếm cạnh tên huyện), 4 chưa rõ vị trí"));

  show_only_sector (window, "hydro");
  hydro = sector_row_text (window, "hydro");
  thermal = sector_row_text (window, "thermal");
  lsm_test_assert_contains (hydro, TR ("Hydropower", "Thủy điện"));
  lsm_test_assert_contains (hydro, TR ("2 on the map (1 in a district badge), 3 with no known location",
                                       "2 trên bản đồ (1 đếm cạnh tên huyện), 3 chưa rõ vị trí"));
  lsm_test_assert_contains (thermal, TR ("2 hidden by filters", "2 bị bộ lọc ẩn"));
  g_assert_cmpstr (adw_window_title_get_subtitle (window->window_title), ==,
                   TR ("5 of 40 sites: 2 on the map (1 in a district badge), 3 with no known location",
                       "5/40 địa điểm: 2 trên bản đồ (1 đếm cạnh tên huyện), 3 chưa rõ vị trí"));

  /* What the map draws: one symbol, and one site counted in Tràng Định's badge. */
  g_assert_cmpuint (lsm_sites_layer_get_n_drawn (layer), ==, 1);
  for (guint i = 0; i < g_list_model_get_n_items (districts); i++)
    {
      g_autoptr(LsmFeature) district = g_list_model_get_item (districts, i);
      GtkMenuButton *badge = lsm_district_badges_get_badge (badges, district);

      badged += badge != NULL ? (guint) atoi (badge_text (badge)) : 0;
    }
  g_assert_cmpuint (badged, ==, 1);
  resize (window, 1280, 900);
  save_screenshot_in_language (GTK_WIDGET (window), "filters-counts-1280");
  resize (window, 1024, 700);
  save_screenshot_in_language (GTK_WIDGET (window), "filters-counts-1024");

  /* Nothing of the sector shown: the row says so, in its words. */
  lsm_filter_set_status_visible (window->filter, LSM_STATUS_OPERATING, FALSE);
  lsm_filter_set_status_visible (window->filter, LSM_STATUS_PLANNED, FALSE);
  lsm_filter_set_status_visible (window->filter, LSM_STATUS_PROPOSED, FALSE);
  lsm_filter_set_status_visible (window->filter, LSM_STATUS_UNDER_CONSTRUCTION, FALSE);
  lsm_filter_set_status_visible (window->filter, LSM_STATUS_UNKNOWN, FALSE);
  settle ();
  g_clear_pointer (&hydro, g_free);
  hydro = sector_row_text (window, "hydro");
  lsm_test_assert_contains (hydro, TR ("5 hidden by filters", "5 bị bộ lọc ẩn"));
  g_assert_null (strstr (hydro, TR ("on the map", "trên bản đồ")));

  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkColumnViewColumn *
column_titled (GtkColumnView *view,
               const char    *title)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column;
    }

  return NULL;
}

static const char *
unit_name (GListModel *rows,
           guint       position)
{
  g_autoptr(LsmFeature) site = g_list_model_get_item (rows, position);
  LsmFeature *unit = lsm_feature_get_unit_2025 (site);

  return unit != NULL ? lsm_feature_get_full_name (unit) : NULL;
}

/* The commune each site is in since 1 July 2025, as the panel's "Now in …": a column of the
 * table that sorts, hides and goes into "Export Table…". */
static void
test_filters_table_commune (void)
{
  g_autoptr(LsmWindow) window = g_object_ref (open_window (NULL));
  GtkColumnView *view = lsm_site_table_get_view (window->site_table);
  GListModel *rows = lsm_site_table_get_rows (window->site_table);
  const char *title = TR ("Commune (2025)", "Xã, phường (2025)");
  GtkColumnViewColumn *column = column_titled (view, title);
  g_autofree char *text = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *toggle;
  const char *first_row;
  guint n;

  g_assert_nonnull (column);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-table", NULL));
  settle ();
  g_assert_true (gtk_column_view_column_get_visible (column));

  gtk_column_view_sort_by_column (view, column, GTK_SORT_ASCENDING);
  settle ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  n = g_list_model_get_n_items (rows);
  g_assert_cmpuint (n, ==, 40);
  text = shown_text (GTK_WIDGET (view));
  first_row = strstr (text, TR ("Location\n", "Vị trí\n"));
  g_assert_nonnull (first_row);
  lsm_test_assert_contains (first_row, "Khu công nghiệp - đô thị - dịch vụ Hữu Lũng\n");
  lsm_test_assert_contains (first_row, "Hữu Lũng\nXã Cai Kinh\n");
  /* A→Z, and the sites no unit holds (no known point) last. */
  for (guint i = 1; i < n; i++)
    if (unit_name (rows, i) != NULL)
      g_assert_cmpint (g_utf8_collate (unit_name (rows, i - 1), unit_name (rows, i)), <=, 0);
    else
      g_assert_true (i + 1 == n || unit_name (rows, i + 1) == NULL);
  g_assert_null (unit_name (rows, n - 1));
  resize (window, 1280, 900);
  save_screenshot_in_language (GTK_WIDGET (window), "filters-table-commune-1280");
  resize (window, 1024, 700);
  save_screenshot_in_language (GTK_WIDGET (window), "filters-table-commune-1024");

  /* Clicked again, the order turns round, as every column of the table does. */
  gtk_column_view_sort_by_column (view, column, GTK_SORT_DESCENDING);
  settle ();
  g_assert_cmpstr (unit_name (rows, n - 1), ==, "Xã Cai Kinh");

  /* Exported as the table has it. */
  dir = g_dir_make_tmp ("lsm-filters-XXXXXX", NULL);
  path = g_build_filename (dir, "sites.csv", NULL);
  g_assert_true (lsm_table_export (rows, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &csv, NULL, NULL));
  lsm_test_assert_contains (csv, title);
  lsm_test_remove_dir (dir);

  /* Hidden from the Columns popover, like every column. */
  toggle = find_button_labelled (GTK_WIDGET (window->site_table), title);
  g_assert_nonnull (toggle);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (toggle), FALSE);
  settle ();
  g_assert_false (gtk_column_view_column_get_visible (column));
  g_clear_pointer (&text, g_free);
  text = shown_text (GTK_WIDGET (view));
  g_assert_null (strstr (text, "Xã Cai Kinh"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Data without the units of 2025 has no such column: it would be empty in every row. */
static void
test_filters_table_without_units (void)
{
  static const char * const names[] = {
    "context.geojson", "districts.geojson", "figures.csv", "figures.csvt", "province.geojson",
    "sites.geojson", "sources.csv", "sources.csvt", NULL,
  };
  g_autofree char *mini = g_test_build_filename (G_TEST_DIST, "fixtures", "mini", NULL);
  g_autofree char *dir = g_dir_make_tmp ("lsm-no-units-XXXXXX", NULL);
  g_autoptr(LsmWindow) window = NULL;
  const char *title = TR ("Commune (2025)", "Xã, phường (2025)");
  GtkColumnViewColumn *column;

  lsm_test_copy_files (mini, dir, names);
  window = g_object_ref (open_window (dir));
  column = column_titled (lsm_site_table_get_view (window->site_table), title);

  g_assert_cmpuint (g_list_model_get_n_items (lsm_catalog_get_units_2025 (lsm_window_get_catalog (window))), ==, 0);
  g_assert_nonnull (column);
  g_assert_false (gtk_column_view_column_get_visible (column));
  g_assert_false (gtk_widget_get_visible (find_button_labelled (GTK_WIDGET (window->site_table), title)));

  gtk_window_destroy (GTK_WINDOW (window));
  lsm_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  init_display_test (&argc, &argv);

  g_test_add_func ("/lsm/filters/show-all", test_filters_show_all);
  g_test_add_func ("/lsm/filters/reset", test_filters_reset);
  g_test_add_func ("/lsm/filters/counts", test_filters_counts);
  g_test_add_func ("/lsm/filters/table-commune", test_filters_table_commune);
  g_test_add_func ("/lsm/filters/table-without-units", test_filters_table_without_units);

  return g_test_run ();
}
