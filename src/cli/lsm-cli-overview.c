/* lsm-cli-overview.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-cli"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "lsm-catalog.h"
#include "lsm-cli.h"
#include "lsm-cli-private.h"
#include "lsm-figure.h"
#include "lsm-filter.h"
#include "lsm-overview.h"
#include "lsm-source.h"
#include "lsm-vocab.h"

/* "lsmap --overview": what the window's province overview shows, for a terminal or a script. */

#define BAR_WIDTH 24

static void
print_text_figures (FILE       *out,
                    LsmCatalog *catalog,
                    GListModel *figures,
                    GPtrArray  *cited)
{
  for (guint i = 0; i < g_list_model_get_n_items (figures); i++)
    {
      g_autoptr(LsmFigure) figure = g_list_model_get_item (figures, i);
      g_autofree char *value = lsm_figure_format_value (figure);
      g_autofree char *meta = lsm_figure_describe (figure, value,
                                                       lsm_overview_cite (catalog, cited, lsm_figure_get_source_id (figure)));
      const char *indent = lsm_figure_get_relates_to (figure) != NULL ? "      " : "    ";

      if (*meta != '\0')
        fprintf (out, "%s%s: %s (%s)\n", indent, lsm_figure_get_label (figure), value, meta);
      else
        fprintf (out, "%s%s: %s\n", indent, lsm_figure_get_label (figure), value);
    }
}

static void
print_text_charts (FILE      *out,
                   GPtrArray *charts)
{
  for (guint c = 0; c < charts->len; c++)
    {
      LsmChart *chart = g_ptr_array_index (charts, c);
      g_autofree char *title = lsm_chart_format_title (chart);
      double max = 0;
      guint width = 0;

      for (guint i = 0; i < chart->bars->len; i++)
        {
          LsmChartBar *bar = &g_array_index (chart->bars, LsmChartBar, i);

          max = MAX (max, bar->value);
          width = MAX (width, (guint) g_utf8_strlen (bar->label, -1));
        }

      fprintf (out, "    %s\n", title);
      for (guint i = 0; i < chart->bars->len; i++)
        {
          LsmChartBar *bar = &g_array_index (chart->bars, LsmChartBar, i);
          guint length = max > 0 ? (guint) lround (bar->value / max * BAR_WIDTH) : 0;

          fputs ("      ", out);
          _lsm_cli_print_padded (out, bar->label, width + 2);
          for (guint k = 0; k < length; k++)
            fputs ("█", out);
          fprintf (out, " %s\n", bar->value_text);
        }
    }
}

static void
add_json_charts (JsonBuilder *builder,
                 GPtrArray   *charts)
{
  json_builder_set_member_name (builder, "charts");
  json_builder_begin_array (builder);
  for (guint c = 0; c < charts->len; c++)
    {
      LsmChart *chart = g_ptr_array_index (charts, c);

      json_builder_begin_object (builder);
      _lsm_cli_add_string (builder, "title", chart->title);
      _lsm_cli_add_string (builder, "unit", chart->unit);
      json_builder_set_member_name (builder, "bars");
      json_builder_begin_array (builder);
      for (guint i = 0; i < chart->bars->len; i++)
        {
          LsmChartBar *bar = &g_array_index (chart->bars, LsmChartBar, i);

          json_builder_begin_object (builder);
          _lsm_cli_add_string (builder, "label", bar->label);
          _lsm_cli_add_number (builder, "value", &bar->value);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
print_text_counts (FILE  *out,
                   guint  n_sites,
                   guint  n_mapped)
{
  g_autofree char *counts = lsm_overview_format_counts (n_sites, n_mapped);

  fprintf (out, "    %s\n", counts);
}

/**
 * lsm_cli_print_overview:
 * @out: where to write
 * @catalog: the data
 * @filter: what the counts of sites follow
 * @format: text for people or json for programs
 *
 * Prints the province's own figures, then each sector's: how many sites the filter shows, the
 * figures about the whole sector and the charts they make.
 */
void
lsm_cli_print_overview (FILE         *out,
                        LsmCatalog   *catalog,
                        LsmFilter    *filter,
                        LsmCliFormat  format)
{
  g_autoptr(GPtrArray) cited = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GListModel) province = lsm_catalog_list_aggregates (catalog, "province");
  g_autoptr(GPtrArray) province_charts = lsm_overview_list_charts (province);
  g_autofree LsmSector *sectors = NULL;
  guint n_sectors = 0;

  if (format == LSM_CLI_FORMAT_JSON)
    {
      builder = json_builder_new ();
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "province");
      json_builder_begin_object (builder);
      _lsm_cli_add_figures (builder, province);
      add_json_charts (builder, province_charts);
      json_builder_end_object (builder);
      json_builder_set_member_name (builder, "sectors");
      json_builder_begin_array (builder);
    }
  else
    {
      fprintf (out, "%s\n", _("Lạng Sơn province"));
      print_text_figures (out, catalog, province, cited);
      print_text_charts (out, province_charts);
    }

  sectors = lsm_sector_list (&n_sectors);
  for (guint k = 0; k < n_sectors; k++)
    {
      LsmSector s = sectors[k];
      g_autoptr(GListModel) figures = lsm_catalog_list_aggregates (catalog, lsm_sector_get_id (s));
      g_autoptr(GPtrArray) charts = lsm_overview_list_charts (figures);
      guint n_mapped;
      guint n_sites = lsm_overview_count_sites (G_LIST_MODEL (filter), s, &n_mapped);
      double value;

      if (n_sites == 0 && g_list_model_get_n_items (figures) == 0)
        continue;

      if (format == LSM_CLI_FORMAT_JSON)
        {
          json_builder_begin_object (builder);
          _lsm_cli_add_string (builder, "id", lsm_sector_get_id (s));
          _lsm_cli_add_string (builder, "label", lsm_sector_get_label (s));
          value = n_sites;
          _lsm_cli_add_number (builder, "sites", &value);
          value = n_mapped;
          _lsm_cli_add_number (builder, "mapped", &value);
          _lsm_cli_add_figures (builder, figures);
          add_json_charts (builder, charts);
          json_builder_end_object (builder);
          continue;
        }

      fprintf (out, "\n%s\n", lsm_sector_get_label (s));
      print_text_counts (out, n_sites, n_mapped);
      print_text_figures (out, catalog, figures, cited);
      print_text_charts (out, charts);
    }

  if (format == LSM_CLI_FORMAT_JSON)
    {
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      _lsm_cli_print_json (out, builder);
      return;
    }

  if (cited->len > 0)
    fprintf (out, "\n%s\n", _("Sources"));
  for (guint i = 0; i < cited->len; i++)
    {
      g_autofree char *citation = lsm_source_format_citation (g_ptr_array_index (cited, i));
      /* Translators: a numbered entry in the list of sources: number, citation */
      g_autofree char *entry = g_strdup_printf (_("%u. %s"), i + 1, citation);

      fprintf (out, "  %s\n", entry);
    }
}
