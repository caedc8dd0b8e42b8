/* test-window-overview.c
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

/* The window's pages beside the map: the overview, the table, a district's page, comparison, in English and Vietnamese. */

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
  activate_button (button);
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

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LSMAP_BUNDLED_DATA", g_getenv ("LSMAP_DATA_DIR"), TRUE);
  init_display_test (&argc, &argv);

  g_test_add_func ("/lsm/window/vietnamese", test_window_vietnamese);
  g_test_add_func ("/lsm/window/overview", test_window_overview);
  g_test_add_func ("/lsm/window/scale-metric", test_window_scale_metric);
  g_test_add_func ("/lsm/window/table", test_window_table);
  g_test_add_func ("/lsm/window/district-page", test_window_district_page);
  g_test_add_func ("/lsm/window/compare-vietnamese", test_window_compare_vietnamese);
  g_test_add_func ("/lsm/window/search-enter-at-once", test_window_search_enter_at_once);

  return g_test_run ();
}
