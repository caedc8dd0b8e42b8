/* lsm-cli-list.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "lsm-catalog.h"
#include "lsm-cli.h"
#include "lsm-cli-private.h"
#include "lsm-feature.h"
#include "lsm-figure.h"
#include "lsm-units.h"
#include "lsm-vocab.h"

/* --list and --summary: each site written as it is read, in text, CSV or JSON. */

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_number (JsonBuilder  *builder,
            const char   *member,
            const double *value)
{
  json_builder_set_member_name (builder, member);
  if (value == NULL)
    json_builder_add_null_value (builder);
  else if (*value == (gint64) *value && ABS (*value) < 1e15)
    json_builder_add_int_value (builder, (gint64) *value);
  else
    json_builder_add_double_value (builder, *value);
}

static void
add_figure (JsonBuilder *builder,
            LsmFigure   *figure)
{
  json_builder_begin_object (builder);
  add_string (builder, "id", lsm_figure_get_id (figure));
  add_string (builder, "metric", lsm_figure_get_metric (figure));
  add_string (builder, "label", lsm_figure_get_label (figure));
  if (lsm_figure_is_numeric (figure))
    {
      double value = lsm_figure_get_value (figure);

      add_number (builder, "value", &value);
    }
  else
    add_string (builder, "value", lsm_figure_get_text (figure));
  add_string (builder, "value_en", lsm_figure_get_text_en (figure));
  add_number (builder, "value_max", lsm_figure_get_value_max (figure));
  add_number (builder, "value_of", lsm_figure_get_value_of (figure));
  add_string (builder, "unit", lsm_figure_get_unit (figure));
  add_string (builder, "period", lsm_figure_get_period (figure));
  add_string (builder, "period_note", lsm_figure_get_period_note (figure));
  add_string (builder, "status", lsm_status_get_id (lsm_figure_get_status (figure)));
  add_string (builder, "qualifier", lsm_qualifier_get_id (lsm_figure_get_qualifier (figure)));
  add_string (builder, "relates_to", lsm_figure_get_relates_to (figure));
  add_string (builder, "source", lsm_figure_get_source_id (figure));
  add_string (builder, "quote", lsm_figure_get_quote (figure));
  add_string (builder, "note", lsm_figure_get_note (figure));
  json_builder_set_member_name (builder, "crosscheck");
  if (lsm_figure_get_crosscheck_source_id (figure) != NULL)
    {
      json_builder_begin_object (builder);
      add_string (builder, "source", lsm_figure_get_crosscheck_source_id (figure));
      add_string (builder, "note", lsm_figure_get_crosscheck_note (figure));
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
}

static void
add_unit_2025 (JsonBuilder *builder,
               LsmFeature  *unit)
{
  json_builder_set_member_name (builder, "commune_2025");
  if (unit == NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }

  json_builder_begin_object (builder);
  add_string (builder, "code", lsm_feature_get_id (unit));
  add_string (builder, "name", lsm_feature_get_full_name (unit));
  json_builder_end_object (builder);
}

static void
add_site (JsonBuilder *builder,
          LsmFeature  *site)
{
  GListModel *figures = lsm_feature_get_figures (site);
  double lon, lat;
  gboolean mapped = lsm_feature_get_location (site, &lon, &lat);

  json_builder_begin_object (builder);
  add_string (builder, "id", lsm_feature_get_id (site));
  add_string (builder, "name", lsm_feature_get_name (site));
  add_string (builder, "name_en", lsm_feature_get_name_en (site));
  add_string (builder, "sector", lsm_sector_get_id (lsm_feature_get_sector (site)));
  add_string (builder, "subtype", lsm_feature_get_subtype (site));
  add_string (builder, "district", lsm_feature_get_district (site));
  add_string (builder, "commune", lsm_feature_get_commune (site));
  add_unit_2025 (builder, lsm_feature_get_unit_2025 (site));
  add_string (builder, "status", lsm_status_get_id (lsm_feature_get_status (site)));
  add_number (builder, "lat", mapped ? &lat : NULL);
  add_number (builder, "lon", mapped ? &lon : NULL);
  add_string (builder, "precision", lsm_precision_get_id (lsm_feature_get_precision (site)));
  add_string (builder, "coord_method", lsm_feature_get_coord_method (site));
  add_string (builder, "provenance", lsm_feature_get_provenance (site));
  add_string (builder, "note", lsm_feature_get_note (site));
  _lsm_cli_add_figures (builder, figures);
  json_builder_end_object (builder);
}

/* One element of the list, written as it comes so that the whole list is never in memory:
 * the text json-glib gives the list, element by element. */
static void
print_json_site (FILE       *out,
                 LsmFeature *site,
                 gboolean    first)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  add_site (builder, site);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);

  fputs (first ? "\n  " : ",\n  ", out);
  for (const char *p = text; *p != '\0'; p++)
    {
      fputc (*p, out);
      if (*p == '\n')
        fputs ("  ", out);
    }
}

static void
print_csv_field (FILE       *out,
                 const char *value,
                 gboolean    last)
{
  if (value != NULL)
    {
      fputc ('"', out);
      for (const char *p = value; *p != '\0'; p++)
        {
          if (*p == '"')
            fputc ('"', out);
          fputc (*p, out);
        }
      fputc ('"', out);
    }

  fputc (last ? '\n' : ',', out);
}

static void
print_csv_site (FILE       *out,
                LsmFeature *site)
{
  char lat[G_ASCII_DTOSTR_BUF_SIZE] = "";
  char lon[G_ASCII_DTOSTR_BUF_SIZE] = "";
  g_autofree char *n_figures = NULL;
  LsmFeature *unit = lsm_feature_get_unit_2025 (site);
  double x, y;

  if (lsm_feature_get_location (site, &x, &y))
    {
      g_ascii_formatd (lat, sizeof lat, "%.6f", y);
      g_ascii_formatd (lon, sizeof lon, "%.6f", x);
    }
  n_figures = g_strdup_printf ("%u", g_list_model_get_n_items (lsm_feature_get_figures (site)));

  print_csv_field (out, lsm_feature_get_id (site), FALSE);
  print_csv_field (out, lsm_feature_get_name (site), FALSE);
  print_csv_field (out, lsm_feature_get_name_en (site), FALSE);
  print_csv_field (out, lsm_sector_get_id (lsm_feature_get_sector (site)), FALSE);
  print_csv_field (out, lsm_feature_get_subtype (site), FALSE);
  print_csv_field (out, lsm_feature_get_district (site), FALSE);
  print_csv_field (out, lsm_feature_get_commune (site), FALSE);
  print_csv_field (out, lsm_status_get_id (lsm_feature_get_status (site)), FALSE);
  print_csv_field (out, lat, FALSE);
  print_csv_field (out, lon, FALSE);
  print_csv_field (out, lsm_precision_get_id (lsm_feature_get_precision (site)), FALSE);
  print_csv_field (out, n_figures, FALSE);
  print_csv_field (out, lsm_feature_get_note (site), FALSE);
  /* After the columns of old, so that programs reading them by position still can. */
  print_csv_field (out, unit != NULL ? lsm_feature_get_id (unit) : NULL, FALSE);
  print_csv_field (out, unit != NULL ? lsm_feature_get_full_name (unit) : NULL, TRUE);
}

/* printf pads by bytes; Vietnamese labels need padding by characters. */
static void
print_padded (FILE       *out,
              const char *text,
              guint       width)
{
  glong len = g_utf8_strlen (text, -1);

  fputs (text, out);
  for (glong i = len; i < (glong) width; i++)
    fputc (' ', out);
}

static void
print_text_site (FILE       *out,
                 LsmFeature *site)
{
  GListModel *figures = lsm_feature_get_figures (site);
  g_autofree char *unit_2025 = lsm_feature_describe_unit_2025 (site);

  /* Translators: one site in "lsmap --list": name, sector, district, status */
  fprintf (out, _("%s — %s, %s, %s\n"),
           lsm_feature_get_name (site),
           lsm_sector_get_label (lsm_feature_get_sector (site)),
           lsm_feature_get_district_label (site),
           lsm_status_get_label (lsm_feature_get_status (site)));
  if (unit_2025 != NULL)
    fprintf (out, "    %s\n", unit_2025);
  if (lsm_feature_get_note (site) != NULL)
    fprintf (out, "    %s: %s\n", _("Note"), lsm_feature_get_note (site));

  for (guint i = 0; i < g_list_model_get_n_items (figures); i++)
    {
      g_autoptr(LsmFigure) figure = g_list_model_get_item (figures, i);
      g_autofree char *value = lsm_figure_format_value (figure);
      g_autofree char *period = lsm_figure_format_period (figure);

      /* "Commercial operation since: 2005 (2005)" says nothing twice. */
      if (period != NULL && !g_str_equal (period, value))
        fprintf (out, "    %s: %s (%s)\n", lsm_figure_get_label (figure), value, period);
      else
        fprintf (out, "    %s: %s\n", lsm_figure_get_label (figure), value);
    }
}

/**
 * lsm_cli_print_list:
 * @out: where to write
 * @sites: the sites to list: the filter's model, as the window's list and the printed map have
 *   it, or a sorted copy of it
 * @format: text for people, csv or json for programs
 *
 * Prints @sites. JSON and CSV are locale-independent.
 */
void
lsm_cli_print_list (FILE         *out,
                    GListModel   *sites,
                    LsmCliFormat  format)
{
  guint n = g_list_model_get_n_items (sites);

  if (format == LSM_CLI_FORMAT_JSON)
    fputc ('[', out);
  else if (format == LSM_CLI_FORMAT_CSV)
    fputs ("id,name,name_en,sector,subtype,district,commune,status,lat,lon,precision,figures,note,commune_2025_code,commune_2025\n", out);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LsmFeature) site = g_list_model_get_item (sites, i);

      switch (format)
        {
        case LSM_CLI_FORMAT_JSON:
          print_json_site (out, site, i == 0);
          break;
        case LSM_CLI_FORMAT_CSV:
          print_csv_site (out, site);
          break;
        case LSM_CLI_FORMAT_TEXT:
        default:
          print_text_site (out, site);
          break;
        }
    }

  if (format == LSM_CLI_FORMAT_JSON)
    fputs (n > 0 ? "\n]\n" : "]\n", out);
}

/**
 * lsm_cli_print_summary:
 * @out: where to write
 * @catalog: the data
 *
 * Prints what the catalog holds and what could not be loaded.
 */
void
lsm_cli_print_summary (FILE       *out,
                       LsmCatalog *catalog)
{
  GListModel *sites = lsm_catalog_get_sites (catalog);
  guint n_sites = g_list_model_get_n_items (sites);
  guint n_mapped = 0;
  guint n_sectors;
  g_autofree LsmSector *sectors = lsm_sector_list (&n_sectors);
  g_autofree guint *per_sector = g_new0 (guint, n_sectors);
  guint n_districts = g_list_model_get_n_items (lsm_catalog_get_districts (catalog));
  guint n_sources = g_list_model_get_n_items (lsm_catalog_get_sources (catalog));
  guint n_figures = lsm_catalog_count_figures (catalog);

  for (guint i = 0; i < n_sites; i++)
    {
      g_autoptr(LsmFeature) site = g_list_model_get_item (sites, i);

      per_sector[lsm_feature_get_sector (site)]++;
      if (lsm_feature_has_location (site))
        n_mapped++;
    }

  /* Translators: %u are counts of districts, sites, mapped sites, figures and sources */
  fprintf (out, _("Lạng Sơn: %u districts, %u sites (%u on the map), %u figures from %u sources\n"),
           n_districts, n_sites, n_mapped, n_figures, n_sources);

  for (guint i = 0; i < n_sectors; i++)
    {
      fputs ("  ", out);
      print_padded (out, lsm_sector_get_label (sectors[i]), 30);
      fprintf (out, "%3u\n", per_sector[sectors[i]]);
    }

  lsm_cli_print_problems (out, catalog);
}

/**
 * lsm_cli_print_problems:
 * @out: where to write
 * @catalog: loaded data
 *
 * Says what of @catalog's files could not be loaded, one line per problem, so that a listing
 * never leaves out a feature silently.
 */
void
lsm_cli_print_problems (FILE       *out,
                        LsmCatalog *catalog)
{
  guint n_skipped = lsm_catalog_get_n_skipped (catalog);
  const char * const *problems = lsm_catalog_get_problems (catalog);

  if (n_skipped > 0)
    fprintf (out, g_dngettext (GETTEXT_PACKAGE, "%u item could not be loaded.\n",
                               "%u items could not be loaded.\n", n_skipped), n_skipped);

  for (const char * const *p = problems; p != NULL && *p != NULL; p++)
    fprintf (out, "  %s\n", *p);
}

/* For every file of the command line: one JSON shape of the figures, one padding rule. */
void
_lsm_cli_add_figures (JsonBuilder *builder,
                      GListModel  *figures)
{
  json_builder_set_member_name (builder, "figures");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (figures); i++)
    {
      g_autoptr(LsmFigure) figure = g_list_model_get_item (figures, i);

      add_figure (builder, figure);
    }
  json_builder_end_array (builder);
}

void
_lsm_cli_add_string (JsonBuilder *builder,
                     const char  *member,
                     const char  *value)
{
  add_string (builder, member, value);
}

void
_lsm_cli_add_number (JsonBuilder  *builder,
                     const char   *member,
                     const double *value)
{
  add_number (builder, member, value);
}

void
_lsm_cli_print_padded (FILE       *out,
                       const char *text,
                       guint       width)
{
  print_padded (out, text, width);
}

void
_lsm_cli_print_json (FILE        *out,
                     JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  fputs (text, out);
  fputc ('\n', out);
}
