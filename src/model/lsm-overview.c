/* lsm-overview.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-overview"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "lsm-catalog.h"
#include "lsm-feature.h"
#include "lsm-figure.h"
#include "lsm-headline.h"
#include "lsm-overview.h"
#include "lsm-vocab.h"

/* The province at a glance: which of a scope's figures make a chart, and how many sites each
 * sector shows. Pure data, so the panel, "lsmap --overview" and exports say the same. */

/* Metrics that measure the same thing under different names, and the parts of a whole. Parts
 * are charted once per period and status: export and import targets for 2025 beside their sum,
 * not beside the figures of 2018. */
static const struct
{
  const char *metric;
  const char *family;
  gboolean    split;
} families[] = {
  { "capacity", "capacity", FALSE },
  { "installed_capacity", "capacity", FALSE },
  { "total_capacity", "capacity", FALSE },
  { "area", "area", FALSE },
  { "total_area", "area", FALSE },
  { "export_import_turnover", "export_import_turnover", TRUE },
  { "export_turnover", "export_import_turnover", TRUE },
  { "import_turnover", "export_import_turnover", TRUE },
};

static void
clear_bar (gpointer data)
{
  LsmChartBar *bar = data;

  g_free (bar->label);
  g_free (bar->value_text);
}

static LsmChart *
chart_new (void)
{
  LsmChart *self = g_new0 (LsmChart, 1);

  self->bars = g_array_new (FALSE, TRUE, sizeof (LsmChartBar));
  g_array_set_clear_func (self->bars, clear_bar);

  return self;
}

void
lsm_chart_free (LsmChart *self)
{
  if (self == NULL)
    return;

  g_free (self->title);
  g_free (self->unit);
  g_array_unref (self->bars);
  g_free (self);
}

LsmChart *
lsm_chart_copy (const LsmChart *self)
{
  LsmChart *copy = chart_new ();

  copy->title = g_strdup (self->title);
  copy->unit = g_strdup (self->unit);
  for (guint i = 0; i < self->bars->len; i++)
    {
      const LsmChartBar *bar = &g_array_index (self->bars, LsmChartBar, i);
      LsmChartBar dup = { g_strdup (bar->label), bar->value, g_strdup (bar->value_text) };

      g_array_append_val (copy->bars, dup);
    }

  return copy;
}

G_DEFINE_BOXED_TYPE (LsmChart, lsm_chart, lsm_chart_copy, lsm_chart_free)

/**
 * lsm_chart_format_title:
 * @self: a chart
 *
 * Returns: (transfer full): the title with its unit, e.g. "Total capacity (MW)"
 */
char *
lsm_chart_format_title (const LsmChart *self)
{
  const char *unit = self->unit != NULL ? lsm_unit_get_label (self->unit) : NULL;

  if (unit == NULL)
    return g_strdup (self->title);

  /* Translators: a chart's title and its unit, e.g. "Total capacity (MW)" */
  return g_strdup_printf (C_("chart", "%s (%s)"), self->title, unit);
}

static const char *
family_of (const char *metric,
           gboolean   *split)
{
  *split = FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (families); i++)
    if (strcmp (families[i].metric, metric) == 0)
      {
        *split = families[i].split;
        return families[i].family;
      }

  return metric;
}

/* Shares and growth rates do not add up or compare as amounts; ranges have no one bar. */
static gboolean
chartable (LsmFigure *figure)
{
  const char *unit = lsm_figure_get_unit (figure);

  return lsm_figure_is_numeric (figure)
         && lsm_figure_get_value_max (figure) == NULL
         && lsm_figure_get_value_of (figure) == NULL
         && lsm_figure_get_value (figure) >= 0
         && g_strcmp0 (unit, "percent") != 0
         && g_strcmp0 (unit, "percent_per_year") != 0
         && g_strcmp0 (unit, "year") != 0;
}

static char *
group_key (LsmFigure *figure)
{
  gboolean split;
  const char *family = family_of (lsm_figure_get_metric (figure), &split);

  if (split)
    return g_strdup_printf ("%s|%s|%s|%d", family, lsm_figure_get_unit (figure) ?: "",
                            lsm_figure_get_period (figure) ?: "", lsm_figure_get_status (figure));

  return g_strdup_printf ("%s|%s", family, lsm_figure_get_unit (figure) ?: "");
}

static char *
status_text (LsmFigure *figure)
{
  LsmStatus status = lsm_figure_get_status (figure);

  if (status == LSM_STATUS_NONE)
    /* Translators: a chart's bar for a figure of every status together */
    return g_strdup (C_("chart", "In total"));

  return g_strdup (lsm_status_get_label (status));
}

static char *
period_text (LsmFigure *figure)
{
  g_autofree char *period = lsm_figure_format_period (figure);

  if (period == NULL)
    /* Translators: a chart's bar for a figure whose period the source does not state */
    return g_strdup (C_("chart", "No period stated"));

  return g_steal_pointer (&period);
}

static gboolean
all_equal (GPtrArray *texts)
{
  for (guint i = 1; i < texts->len; i++)
    if (g_strcmp0 (g_ptr_array_index (texts, 0), g_ptr_array_index (texts, i)) != 0)
      return FALSE;

  return TRUE;
}

/* A bar says what differs from the others in its chart: the metric (parts of a whole), the
 * status (hydro operating / under construction), the period (wind before / after 2030). */
static LsmChart *
make_chart (GPtrArray *group)
{
  g_autoptr(GPtrArray) metrics = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) statuses = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) periods = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(LsmChart) chart = chart_new ();
  LsmFigure *first = g_ptr_array_index (group, 0);
  gboolean same_metric, same_status, same_period;
  gboolean split;

  family_of (lsm_figure_get_metric (first), &split);
  for (guint i = 0; i < group->len; i++)
    {
      LsmFigure *figure = g_ptr_array_index (group, i);

      /* "Capacity" and "Total capacity" are one measure; only parts of a whole differ. */
      g_ptr_array_add (metrics, g_strdup (lsm_figure_get_label (split ? figure : first)));
      g_ptr_array_add (statuses, status_text (figure));
      g_ptr_array_add (periods, period_text (figure));
    }

  same_metric = all_equal (metrics);
  same_status = all_equal (statuses);
  same_period = all_equal (periods);
  if (same_metric && same_status && same_period)
    return NULL;

  if (same_metric)
    chart->title = g_strdup (lsm_figure_get_label (first));
  chart->unit = g_strdup (lsm_figure_get_unit (first));

  for (guint i = 0; i < group->len; i++)
    {
      LsmFigure *figure = g_ptr_array_index (group, i);
      g_autoptr(GPtrArray) parts = g_ptr_array_new ();
      LsmChartBar bar = { NULL, lsm_figure_get_value (figure), NULL };

      if (!same_metric)
        g_ptr_array_add (parts, g_ptr_array_index (metrics, i));
      if (!same_status)
        g_ptr_array_add (parts, g_ptr_array_index (statuses, i));
      if (!same_period)
        g_ptr_array_add (parts, g_ptr_array_index (periods, i));
      g_ptr_array_add (parts, NULL);

      /* Translators: the separator between what tells a chart's bars apart, e.g. "Operating, as of 2024" */
      bar.label = g_strjoinv (C_("chart", ", "), (char **) parts->pdata);
      bar.value_text = lsm_format_quantity (bar.value, NULL, NULL, NULL, lsm_figure_get_qualifier (figure));
      g_array_append_val (chart->bars, bar);
    }

  /* The parts of a whole are titled by the whole, with the period and status they share. */
  if (!same_metric)
    {
      const char *whole = lsm_metric_get_label (family_of (lsm_figure_get_metric (first), &split));

      if (lsm_figure_get_status (first) == LSM_STATUS_NONE)
        /* Translators: a chart's title: what is measured and its period, e.g. "Export-import turnover, Q1 2018" */
        chart->title = g_strdup_printf (C_("chart", "%s, %s"), whole, (char *) g_ptr_array_index (periods, 0));
      else
        /* Translators: a chart's title: what is measured, its period and status, e.g. "Export-import turnover, by 2025, target" */
        chart->title = g_strdup_printf (C_("chart", "%s, %s, %s"), whole, (char *) g_ptr_array_index (periods, 0),
                                        (char *) g_ptr_array_index (statuses, 0));
    }

  return g_steal_pointer (&chart);
}

/**
 * lsm_overview_list_charts:
 * @figures: the figures of one scope (a sector or the province)
 *
 * Returns: (transfer full) (element-type LsmChart): the charts the figures make, in the order
 *   of their first figure
 */
GPtrArray *
lsm_overview_list_charts (GListModel *figures)
{
  g_autoptr(GPtrArray) charts = g_ptr_array_new_with_free_func ((GDestroyNotify) lsm_chart_free);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (figures), NULL);

  n = g_list_model_get_n_items (figures);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LsmFigure) figure = g_list_model_get_item (figures, i);
      g_autofree char *key = NULL;
      guint index;

      if (!chartable (figure))
        continue;

      key = group_key (figure);
      if (!g_ptr_array_find_with_equal_func (keys, key, g_str_equal, &index))
        {
          index = keys->len;
          g_ptr_array_add (keys, g_steal_pointer (&key));
          g_ptr_array_add (groups, g_ptr_array_new_with_free_func (g_object_unref));
        }
      g_ptr_array_add (g_ptr_array_index (groups, index), g_object_ref (figure));
    }

  for (guint i = 0; i < groups->len; i++)
    {
      GPtrArray *group = g_ptr_array_index (groups, i);
      LsmChart *chart;

      if (group->len >= 2 && (chart = make_chart (group)) != NULL)
        g_ptr_array_add (charts, chart);
    }

  return g_steal_pointer (&charts);
}

/**
 * lsm_overview_count_by_sector:
 * @sites: a model of sites, such as a filter
 * @n_sectors: the length of @n_sites and @n_mapped: sectors from 0 to @n_sectors - 1 are counted
 * @n_sites: (array length=n_sectors) (out caller-allocates): how many sites of each sector
 *   @sites holds
 * @n_mapped: (array length=n_sectors) (out caller-allocates): how many of them have a known
 *   location
 *
 * One pass over @sites for every sector: a panel of all sectors over a million sites must not
 * read them once per sector.
 */
void
lsm_overview_count_by_sector (GListModel *sites,
                              guint       n_sectors,
                              guint      *n_sites,
                              guint      *n_mapped)
{
  guint n = g_list_model_get_n_items (sites);

  memset (n_sites, 0, n_sectors * sizeof (guint));
  memset (n_mapped, 0, n_sectors * sizeof (guint));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LsmFeature) site = g_list_model_get_item (sites, i);
      guint sector = lsm_feature_get_sector (site);

      if (sector >= n_sectors)
        continue;
      n_sites[sector]++;
      if (lsm_feature_has_location (site))
        n_mapped[sector]++;
    }
}

/**
 * lsm_overview_count_sites:
 * @sites: a model of sites, such as a filter
 * @sector: a sector
 * @n_mapped: (out) (optional): how many of them have a known location
 *
 * Returns: how many sites of @sector @sites holds
 */
guint
lsm_overview_count_sites (GListModel *sites,
                          LsmSector   sector,
                          guint      *n_mapped)
{
  g_autofree guint *counts = g_new (guint, sector + 1);
  g_autofree guint *mapped = g_new (guint, sector + 1);

  lsm_overview_count_by_sector (sites, sector + 1, counts, mapped);
  if (n_mapped != NULL)
    *n_mapped = mapped[sector];

  return counts[sector];
}

/**
 * lsm_overview_cite:
 * @catalog: the data
 * @cited: (element-type LsmSource): the sources cited so far, in order
 * @source_id: (nullable): the source of a figure
 *
 * Numbers sources in the order a page first cites them, so "source 2" is the second entry of
 * the list printed under it.
 *
 * Returns: the source's number from 1, or 0 when it is not known
 */
guint
lsm_overview_cite (LsmCatalog *catalog,
                   GPtrArray  *cited,
                   const char *source_id)
{
  LsmSource *source = lsm_catalog_lookup_source (catalog, source_id);
  guint index;

  if (source == NULL)
    return 0;
  if (g_ptr_array_find (cited, source, &index))
    return index + 1;

  g_ptr_array_add (cited, g_object_ref (source));
  return cited->len;
}

/**
 * lsm_overview_format_counts:
 * @n_sites: how many sites are shown
 * @n_mapped: how many of them have a known location
 *
 * Returns: (transfer full): e.g. "5 sites: 2 on the map, 3 with no known location", so the
 *   count agrees with the symbols drawn
 */
char *
lsm_overview_format_counts (guint n_sites,
                            guint n_mapped)
{
  /* Translators: how many sites are shown, e.g. "5 sites" */
  g_autofree char *sites = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u site", "%u sites", n_sites), n_sites);

  if (n_mapped == n_sites)
    return g_steal_pointer (&sites);

  /* Translators: "5 sites: 2 on the map, 3 with no known location" */
  return g_strdup_printf (_("%s: %u on the map, %u with no known location"), sites, n_mapped, n_sites - n_mapped);
}

/**
 * lsm_overview_sum_sectors:
 * @sites: a model of sites, such as a filter
 * @district: (nullable): a district's name, or %NULL for the whole province
 *
 * Adds up what @sites holds per sector: the count, how many are on the map, and the capacity
 * and area of those that state one, in MW and ha.
 *
 * Returns: (transfer full) (element-type LsmSectorTotals): one entry per sector, indexed by it
 */
GArray *
lsm_overview_sum_sectors (GListModel *sites,
                          const char *district)
{
  guint n = g_list_model_get_n_items (sites);
  GArray *totals = g_array_new (FALSE, TRUE, sizeof (LsmSectorTotals));

  g_array_set_size (totals, lsm_sector_get_count ());
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LsmFeature) site = g_list_model_get_item (sites, i);
      LsmSector sector = lsm_feature_get_sector (site);
      LsmSectorTotals *t;
      double value;

      if (district != NULL && g_strcmp0 (lsm_feature_get_district (site), district) != 0)
        continue;

      /* Sectors a loaded file adds after the count was taken. */
      if (sector >= totals->len)
        g_array_set_size (totals, sector + 1);
      t = &g_array_index (totals, LsmSectorTotals, sector);

      t->n_sites++;
      t->n_mapped += lsm_feature_has_location (site);
      if (lsm_site_get_headline (site, LSM_COLUMN_CAPACITY, &value))
        {
          t->capacity_mw += value;
          t->n_capacity++;
        }
      if (lsm_site_get_headline (site, LSM_COLUMN_AREA, &value))
        {
          t->area_ha += value;
          t->n_area++;
        }
    }

  return totals;
}
