/* test-headline.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <locale.h>

#include "lsm-catalog.h"
#include "lsm-district-sites.h"
#include "lsm-feature.h"
#include "lsm-headline.h"
#include "lsm-overview.h"
#include "lsm-test-utils.h"
#include "lsm-vocab.h"

static void
test_headline_convert (void)
{
  double value = 0;

  g_assert_true (lsm_unit_convert (4121.79, "kWp", "MW", &value));
  g_assert_cmpfloat_with_epsilon (value, 4.12179, 1e-9);
  g_assert_true (lsm_unit_convert (1276, "km2", "ha", &value));
  g_assert_cmpfloat_with_epsilon (value, 127600, 1e-6);
  g_assert_true (lsm_unit_convert (101191, "million_vnd", "billion_vnd", &value));
  g_assert_cmpfloat_with_epsilon (value, 101.191, 1e-9);
  g_assert_true (lsm_unit_convert (110, "MW", "MW", &value));
  g_assert_cmpfloat (value, ==, 110);

  /* Different dimensions, unknown units and USD (no rate in the data) do not convert. */
  g_assert_false (lsm_unit_convert (1, "MW", "ha", &value));
  g_assert_false (lsm_unit_convert (1, "million_usd", "billion_vnd", &value));
  g_assert_false (lsm_unit_convert (1, "furlongs", "ha", &value));
  g_assert_false (lsm_unit_convert (1, NULL, "ha", &value));
}

static void
test_headline_parse_sort (void)
{
  g_autoptr(GError) error = NULL;
  LsmColumn column;
  gboolean reversed;

  g_assert_true (lsm_column_parse_sort ("capacity", &column, &reversed, &error));
  g_assert_cmpint (column, ==, LSM_COLUMN_CAPACITY);
  g_assert_false (reversed);
  g_assert_true (lsm_column_parse_sort ("-name", &column, &reversed, &error));
  g_assert_cmpint (column, ==, LSM_COLUMN_NAME);
  g_assert_true (reversed);

  g_assert_false (lsm_column_parse_sort ("size", &column, &reversed, &error));
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
  lsm_test_assert_contains (error->message, "“size”");
  lsm_test_assert_contains (error->message, "capacity");
}

static LsmFeature *
first_item (GListModel *model)
{
  return g_list_model_get_item (model, 0);
}

/* Largest first, sites without the figure last, in either direction. */
static void
test_headline_sort_bundled (void)
{
  g_autoptr(LsmCatalog) catalog = lsm_test_load_bundled ();
  GListModel *sites = lsm_catalog_get_sites (catalog);
  g_autoptr(GListModel) by_capacity = lsm_site_sort (sites, LSM_COLUMN_CAPACITY, FALSE);
  g_autoptr(GListModel) by_area = lsm_site_sort (sites, LSM_COLUMN_AREA, FALSE);
  g_autoptr(GListModel) by_area_reversed = lsm_site_sort (sites, LSM_COLUMN_AREA, TRUE);
  g_autoptr(LsmFeature) biggest = first_item (by_capacity);
  g_autoptr(LsmFeature) largest = first_item (by_area);
  g_autoptr(LsmFeature) smallest = first_item (by_area_reversed);
  g_autoptr(LsmFeature) last = g_list_model_get_item (by_area_reversed, g_list_model_get_n_items (sites) - 1);
  double capacity = 0, area = 0, small_area = 0, previous = G_MAXDOUBLE;
  guint n_with_area = 0;

  g_assert_cmpuint (g_list_model_get_n_items (by_capacity), ==, g_list_model_get_n_items (sites));
  g_assert_true (lsm_site_get_headline (biggest, LSM_COLUMN_CAPACITY, &capacity));
  g_assert_cmpfloat (capacity, ==, 110);
  lsm_test_assert_contains (lsm_feature_get_name (biggest), "Na Dương");

  for (guint i = 0; i < g_list_model_get_n_items (by_area); i++)
    {
      g_autoptr(LsmFeature) site = g_list_model_get_item (by_area, i);
      double value;

      if (!lsm_site_get_headline (site, LSM_COLUMN_AREA, &value))
        {
          previous = -1;
          continue;
        }
      g_assert_cmpfloat (previous, >=, value);
      previous = value;
      n_with_area++;
    }
  g_assert_cmpuint (n_with_area, >=, 5);
  g_assert_true (lsm_site_get_headline (largest, LSM_COLUMN_AREA, &area));
  g_assert_true (lsm_site_get_headline (smallest, LSM_COLUMN_AREA, &small_area));
  g_assert_cmpfloat (area, >, small_area);
  g_assert_false (lsm_site_get_headline (last, LSM_COLUMN_AREA, NULL));
}

static void
test_headline_cells (void)
{
  g_autoptr(LsmCatalog) catalog = lsm_test_load_bundled ();
  g_autoptr(GListModel) sorted = lsm_site_sort (lsm_catalog_get_sites (catalog), LSM_COLUMN_CAPACITY, FALSE);
  g_autoptr(LsmFeature) site = first_item (sorted);
  g_autofree char *capacity = lsm_site_format_column (site, LSM_COLUMN_CAPACITY);
  g_autofree char *investment = lsm_site_format_column (site, LSM_COLUMN_INVESTMENT);
  g_autofree char *sector = lsm_site_format_column (site, LSM_COLUMN_SECTOR);

  g_assert_cmpstr (capacity, ==, "110");
  g_assert_cmpstr (investment, ==, "");
  g_assert_cmpstr (sector, ==, "Thermal power");
  g_assert_cmpstr (lsm_column_get_label (LSM_COLUMN_CAPACITY), ==, "Capacity (MW)");
}

static const LsmChart *
find_chart (GPtrArray  *charts,
            const char *title)
{
  for (guint i = 0; i < charts->len; i++)
    {
      const LsmChart *chart = g_ptr_array_index (charts, i);

      if (g_strcmp0 (chart->title, title) == 0)
        return chart;
    }

  g_error ("No chart “%s”", title);
}

static void
assert_bar (const LsmChart *chart,
            guint           index,
            const char     *label,
            double          value)
{
  const LsmChartBar *bar;

  g_assert_cmpuint (index, <, chart->bars->len);
  bar = &g_array_index (chart->bars, LsmChartBar, index);
  g_assert_cmpstr (bar->label, ==, label);
  g_assert_cmpfloat_with_epsilon (bar->value, value, 1e-9);
}

/* The parts the issue names: hydro by status, wind before / after 2030, zone area by 2030 /
 * 2050, export / import targets beside their sum. */
static void
test_overview_charts (void)
{
  g_autoptr(LsmCatalog) catalog = lsm_test_load_bundled ();
  g_autoptr(GListModel) hydro = lsm_catalog_list_aggregates (catalog, "hydro");
  g_autoptr(GListModel) wind = lsm_catalog_list_aggregates (catalog, "wind");
  g_autoptr(GListModel) zones = lsm_catalog_list_aggregates (catalog, "industrial_zone");
  g_autoptr(GListModel) province = lsm_catalog_list_aggregates (catalog, "province");
  g_autoptr(GPtrArray) hydro_charts = lsm_overview_list_charts (hydro);
  g_autoptr(GPtrArray) wind_charts = lsm_overview_list_charts (wind);
  g_autoptr(GPtrArray) zone_charts = lsm_overview_list_charts (zones);
  g_autoptr(GPtrArray) province_charts = lsm_overview_list_charts (province);
  const LsmChart *chart;
  g_autofree char *title = NULL;

  chart = find_chart (hydro_charts, "Total capacity");
  g_assert_cmpstr (chart->unit, ==, "MW");
  g_assert_cmpuint (chart->bars->len, ==, 4);
  assert_bar (chart, 0, "In total", 103.7);
  assert_bar (chart, 1, "Operating", 34.9);
  assert_bar (chart, 2, "Under construction", 63.8);
  assert_bar (chart, 3, "Planned", 5);
  title = lsm_chart_format_title (chart);
  g_assert_cmpstr (title, ==, "Total capacity (MW)");

  chart = find_chart (wind_charts, "Total capacity");
  assert_bar (chart, 0, "as of 2024", 4696);
  assert_bar (chart, 1, "before 2030", 3570);
  assert_bar (chart, 2, "after 2030", 1126);

  chart = find_chart (zone_charts, "Total area");
  g_assert_cmpstr (chart->unit, ==, "ha");
  assert_bar (chart, 0, "by 2030", 2055);
  assert_bar (chart, 1, "by 2050", 3455);

  chart = find_chart (province_charts, "Export-import turnover, by 2025, Target");
  assert_bar (chart, 0, "Export-import turnover", 6650);
  assert_bar (chart, 1, "Export turnover", 3890);
  assert_bar (chart, 2, "Import turnover", 2760);
  g_assert_cmpstr (g_array_index (chart->bars, LsmChartBar, 0).value_text, ==, "about 6,650");

  /* Shares and growth rates make no bars. */
  for (guint i = 0; i < province_charts->len; i++)
    {
      const LsmChart *c = g_ptr_array_index (province_charts, i);

      g_assert_cmpstr (c->unit, !=, "percent");
      g_assert_cmpstr (c->unit, !=, "percent_per_year");
    }
}

static void
test_overview_counts (void)
{
  g_autoptr(LsmCatalog) catalog = lsm_test_load_bundled ();
  guint n_mapped = 0;

  g_assert_cmpuint (lsm_overview_count_sites (lsm_catalog_get_sites (catalog), lsm_test_sector ("hydro"), &n_mapped), ==, 5);
  g_assert_cmpuint (n_mapped, ==, 2);
}

/* The overview's counts of every sector, in one pass, are each sector's own count. */
static void
test_overview_count_by_sector (void)
{
  g_autoptr(LsmCatalog) catalog = lsm_test_load_bundled ();
  GListModel *sites = lsm_catalog_get_sites (catalog);
  g_autofree LsmSector *sectors = NULL;
  g_autofree guint *n_sites = NULL;
  g_autofree guint *n_mapped = NULL;
  guint n_sectors = 0, n_counted = 0, total = 0;

  sectors = lsm_sector_list (&n_sectors);
  for (guint k = 0; k < n_sectors; k++)
    n_counted = MAX (n_counted, (guint) sectors[k] + 1);
  n_sites = g_new (guint, n_counted);
  n_mapped = g_new (guint, n_counted);
  lsm_overview_count_by_sector (sites, n_counted, n_sites, n_mapped);

  for (guint k = 0; k < n_sectors; k++)
    {
      guint count = 0, mapped = 0;

      for (guint i = 0; i < g_list_model_get_n_items (sites); i++)
        {
          g_autoptr(LsmFeature) site = g_list_model_get_item (sites, i);

          if (lsm_feature_get_sector (site) != sectors[k])
            continue;
          count++;
          mapped += lsm_feature_get_location (site, NULL, NULL);
        }
      g_assert_cmpuint (n_sites[sectors[k]], ==, count);
      g_assert_cmpuint (n_mapped[sectors[k]], ==, mapped);
      total += count;
    }
  g_assert_cmpuint (total, ==, g_list_model_get_n_items (sites));
  g_assert_cmpuint (n_sites[lsm_test_sector ("hydro")], ==, 5);
}

/* Sites known only to their district, gathered in one pass, are each district's own. */
static void
test_district_filter_unplaced (void)
{
  g_autoptr(LsmCatalog) catalog = lsm_test_load_bundled ();
  GListModel *sites = lsm_catalog_get_sites (catalog);
  GListModel *districts = lsm_catalog_get_districts (catalog);
  g_autoptr(GListModel) unplaced = lsm_district_filter_unplaced (sites);
  guint expected = 0, listed = 0;

  for (guint i = 0; i < g_list_model_get_n_items (sites); i++)
    {
      g_autoptr(LsmFeature) site = g_list_model_get_item (sites, i);

      expected += lsm_feature_get_location (site, NULL, NULL) && !lsm_feature_is_drawn_as_point (site);
    }
  g_assert_cmpuint (expected, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (unplaced), ==, expected);

  for (guint d = 0; d < g_list_model_get_n_items (districts); d++)
    {
      g_autoptr(LsmFeature) district = g_list_model_get_item (districts, d);
      g_autoptr(GPtrArray) from_all = lsm_district_list_unplaced (sites, district);
      g_autoptr(GPtrArray) from_unplaced = lsm_district_list_unplaced (unplaced, district);

      g_assert_cmpuint (from_unplaced->len, ==, from_all->len);
      for (guint i = 0; i < from_all->len; i++)
        g_assert_true (from_unplaced->pdata[i] == from_all->pdata[i]);
      listed += from_all->len;
    }
  g_assert_cmpuint (listed, <=, expected);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lsm/headline/convert", test_headline_convert);
  g_test_add_func ("/lsm/headline/parse-sort", test_headline_parse_sort);
  g_test_add_func ("/lsm/headline/sort-bundled", test_headline_sort_bundled);
  g_test_add_func ("/lsm/headline/cells", test_headline_cells);
  g_test_add_func ("/lsm/overview/charts", test_overview_charts);
  g_test_add_func ("/lsm/overview/counts", test_overview_counts);
  g_test_add_func ("/lsm/overview/count-by-sector", test_overview_count_by_sector);
  g_test_add_func ("/lsm/district/filter-unplaced", test_district_filter_unplaced);

  return g_test_run ();
}
