/* lsm-headline.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-headline"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "lsm-feature.h"
#include "lsm-figure.h"
#include "lsm-headline.h"
#include "lsm-vocab.h"

/* A site's headline figures in units that compare across sites: the sources write capacity in
 * MW or kWp and areas in ha or km², so a sort on the raw values would put 4,121 kWp above
 * 110 MW. Everything converts here and nowhere else. */

static const struct
{
  const char *id;
  const char *label;
  const char *unit;        /* the comparable unit of a numeric column */
  const char *metrics[4];  /* the figures that give it, the first found wins */
} columns[] = {
  [LSM_COLUMN_NAME] = { "name", NC_("column", "Name"), NULL, { NULL } },
  [LSM_COLUMN_SECTOR] = { "sector", NC_("column", "Sector"), NULL, { NULL } },
  [LSM_COLUMN_DISTRICT] = { "district", NC_("column", "District"), NULL, { NULL } },
  [LSM_COLUMN_COMMUNE_2025] = { "commune_2025", NC_("column", "Commune (2025)"), NULL, { NULL } },
  [LSM_COLUMN_STATUS] = { "status", NC_("column", "Status"), NULL, { NULL } },
  [LSM_COLUMN_CAPACITY] = { "capacity", NC_("column", "Capacity (MW)"), "MW",
                            { "capacity", "installed_capacity", "total_capacity", NULL } },
  [LSM_COLUMN_AREA] = { "area", NC_("column", "Area (ha)"), "ha", { "area", "total_area", NULL } },
  [LSM_COLUMN_INVESTMENT] = { "investment", NC_("column", "Investment (billion VND)"), "billion_vnd",
                              { "investment", "registered_capital", NULL } },
  [LSM_COLUMN_YEAR] = { "year", NC_("column", "Year"), "year", { "commercial_operation_since", NULL } },
  [LSM_COLUMN_PRECISION] = { "precision", NC_("column", "Location"), NULL, { NULL } },
};

G_STATIC_ASSERT (G_N_ELEMENTS (columns) == LSM_N_COLUMNS);

/* Factors to one base unit per dimension; a unit missing here does not convert. */
static const struct
{
  const char *unit;
  const char *base;
  double      factor;
} conversions[] = {
  { "MW", "MW", 1 },
  { "kW", "MW", 1e-3 },
  { "kWp", "MW", 1e-3 },
  { "MWp", "MW", 1 },
  { "GW", "MW", 1e3 },
  { "ha", "ha", 1 },
  { "km2", "ha", 100 },
  { "m2", "ha", 1e-4 },
  { "billion_vnd", "billion_vnd", 1 },
  { "million_vnd", "billion_vnd", 1e-3 },
  { "trillion_vnd", "billion_vnd", 1e3 },
  { "year", "year", 1 },
};

const char *
lsm_column_get_id (LsmColumn column)
{
  g_return_val_if_fail (column < LSM_N_COLUMNS, NULL);

  return columns[column].id;
}

/**
 * lsm_column_get_label:
 * @column: a column
 *
 * Returns: the column's heading in the user's language, with its unit
 */
const char *
lsm_column_get_label (LsmColumn column)
{
  g_return_val_if_fail (column < LSM_N_COLUMNS, NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, "column", columns[column].label);
}

gboolean
lsm_column_is_numeric (LsmColumn column)
{
  g_return_val_if_fail (column < LSM_N_COLUMNS, FALSE);

  return columns[column].unit != NULL;
}

/**
 * lsm_column_applies:
 * @column: a column
 * @sites: all the sites shown, filtered or not
 *
 * The units of 2025 are a layer of their own, which other data may lack: without it, the
 * column would be empty in every row.
 *
 * Returns: whether the table and its export have @column for @sites
 */
gboolean
lsm_column_applies (LsmColumn   column,
                    GListModel *sites)
{
  guint n;

  g_return_val_if_fail (column < LSM_N_COLUMNS, FALSE);
  g_return_val_if_fail (sites == NULL || G_IS_LIST_MODEL (sites), FALSE);

  if (column != LSM_COLUMN_COMMUNE_2025)
    return TRUE;

  n = sites != NULL ? g_list_model_get_n_items (sites) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LsmFeature) site = g_list_model_get_item (sites, i);

      if (lsm_feature_get_unit_2025 (site) != NULL)
        return TRUE;
    }

  return FALSE;
}

/**
 * lsm_column_parse_sort:
 * @text: a column id, with a leading "-" to reverse the order
 * @column: (out): the column
 * @reversed: (out): whether the order is reversed
 * @error: return location for a %G_OPTION_ERROR naming the ids
 *
 * Returns: whether @text names a column
 */
gboolean
lsm_column_parse_sort (const char  *text,
                       LsmColumn   *column,
                       gboolean    *reversed,
                       GError     **error)
{
  const char *id = text;
  g_autoptr(GString) ids = g_string_new (NULL);

  g_return_val_if_fail (text != NULL, FALSE);

  *reversed = *id == '-';
  if (*reversed)
    id++;

  for (guint c = 0; c < LSM_N_COLUMNS; c++)
    {
      if (g_ascii_strcasecmp (id, columns[c].id) == 0)
        {
          *column = c;
          return TRUE;
        }
      if (ids->len > 0)
        g_string_append (ids, ", ");
      g_string_append (ids, columns[c].id);
    }

  /* Translators: %s is what the user typed after --sort=, then the list of column ids */
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("Unknown column “%s” for --sort: use one of %s, with a leading “-” to reverse"),
               text, ids->str);
  return FALSE;
}

/**
 * lsm_unit_convert:
 * @value: a value in @from
 * @from: (nullable): the data's unit id
 * @to: the unit id wanted
 * @result: (out): @value in @to
 *
 * Returns: whether @from converts to @to
 */
gboolean
lsm_unit_convert (double      value,
                  const char *from,
                  const char *to,
                  double     *result)
{
  double from_factor = 0, to_factor = 0;
  const char *from_base = NULL, *to_base = NULL;

  if (from == NULL || to == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (conversions); i++)
    {
      if (strcmp (conversions[i].unit, from) == 0)
        {
          from_base = conversions[i].base;
          from_factor = conversions[i].factor;
        }
      if (strcmp (conversions[i].unit, to) == 0)
        {
          to_base = conversions[i].base;
          to_factor = conversions[i].factor;
        }
    }

  if (from_base == NULL || to_base == NULL || strcmp (from_base, to_base) != 0)
    return FALSE;

  *result = value * from_factor / to_factor;
  return TRUE;
}

/**
 * lsm_site_get_headline:
 * @site: a site
 * @column: a numeric column
 * @value: (out) (optional): the figure in the column's unit
 *
 * A range counts by its lower end, as the sources' "9–10 MW" promises at least 9.
 *
 * Returns: whether @site has a figure for @column
 */
gboolean
lsm_site_get_headline (LsmFeature *site,
                       LsmColumn   column,
                       double     *value)
{
  GListModel *figures;
  guint n;

  g_return_val_if_fail (LSM_IS_FEATURE (site), FALSE);
  g_return_val_if_fail (column < LSM_N_COLUMNS, FALSE);

  if (columns[column].unit == NULL)
    return FALSE;

  figures = lsm_feature_get_figures (site);
  n = g_list_model_get_n_items (figures);
  for (guint m = 0; m < G_N_ELEMENTS (columns[column].metrics) && columns[column].metrics[m] != NULL; m++)
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(LsmFigure) figure = g_list_model_get_item (figures, i);
        double converted;

        /* A share or a change stated with a figure is not the site's own. */
        if (!lsm_figure_is_numeric (figure)
            || lsm_figure_get_relates_to (figure) != NULL
            || g_strcmp0 (lsm_figure_get_metric (figure), columns[column].metrics[m]) != 0
            || !lsm_unit_convert (lsm_figure_get_value (figure), lsm_figure_get_unit (figure),
                                  columns[column].unit, &converted))
          continue;

        if (value != NULL)
          *value = converted;
        return TRUE;
      }

  return FALSE;
}

/* The unit's name with its kind, "Xã Lợi Bác", as the panel says "Now in Xã Lợi Bác". */
static const char *
unit_2025_name (LsmFeature *site)
{
  LsmFeature *unit = lsm_feature_get_unit_2025 (site);

  if (unit == NULL)
    return NULL;

  return lsm_feature_get_full_name (unit) != NULL ? lsm_feature_get_full_name (unit) : lsm_feature_get_name (unit);
}

/**
 * lsm_site_format_column:
 * @site: a site
 * @column: a column
 *
 * Returns: (transfer full): the cell's text in the user's language; empty when the sources
 *   give nothing
 */
char *
lsm_site_format_column (LsmFeature *site,
                        LsmColumn   column)
{
  double value;

  g_return_val_if_fail (LSM_IS_FEATURE (site), NULL);

  switch (column)
    {
    case LSM_COLUMN_NAME:
      return g_strdup (lsm_feature_get_name (site));
    case LSM_COLUMN_SECTOR:
      return g_strdup (lsm_sector_get_label (lsm_feature_get_sector (site)));
    case LSM_COLUMN_DISTRICT:
      return g_strdup (lsm_feature_get_district (site) != NULL ? lsm_feature_get_district (site) : "");
    case LSM_COLUMN_COMMUNE_2025:
      return g_strdup (unit_2025_name (site) != NULL ? unit_2025_name (site) : "");
    case LSM_COLUMN_STATUS:
      return g_strdup (lsm_status_get_label (lsm_feature_get_status (site)));
    case LSM_COLUMN_PRECISION:
      return g_strdup (lsm_precision_get_label (lsm_feature_get_precision (site)));
    case LSM_COLUMN_YEAR:
      if (!lsm_site_get_headline (site, column, &value))
        return g_strdup ("");
      return lsm_format_number (value, FALSE);
    case LSM_COLUMN_CAPACITY:
    case LSM_COLUMN_AREA:
    case LSM_COLUMN_INVESTMENT:
      if (!lsm_site_get_headline (site, column, &value))
        return g_strdup ("");
      return lsm_format_number (value, TRUE);
    case LSM_N_COLUMNS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * lsm_site_format_spoken:
 * @site: a site
 *
 * What a screen reader says for a site, on the map or in the table: its name, sector and
 * status, so a listener knows what it is and how far along, not only what it is called.
 *
 * Returns: (transfer full): the text in the user's language
 */
char *
lsm_site_format_spoken (LsmFeature *site)
{
  g_return_val_if_fail (LSM_IS_FEATURE (site), NULL);

  /* Translators: a site as a screen reader reads it, on the map or in the table: name, sector, status */
  return g_strdup_printf (_("%s, %s, %s"), lsm_feature_get_name (site),
                          lsm_sector_get_label (lsm_feature_get_sector (site)),
                          lsm_status_get_label (lsm_feature_get_status (site)));
}

static int
compare_text (const char *a,
              const char *b)
{
  g_autofree char *key_a = g_utf8_collate_key (a != NULL ? a : "", -1);
  g_autofree char *key_b = g_utf8_collate_key (b != NULL ? b : "", -1);

  return strcmp (key_a, key_b);
}

/* Best known first: an exact point, then ever coarser ones, then none. */
static int
precision_rank (LsmPrecision precision)
{
  return precision == LSM_PRECISION_UNKNOWN ? LSM_N_PRECISIONS : (int) precision;
}

/**
 * lsm_site_compare:
 * @a: a site
 * @b: another site
 * @column: the column to compare by
 *
 * @reversed: whether to reverse the order
 *
 * Numbers sort largest first and text A→Z, as "which are biggest" is the question a table of
 * capacities answers; sites without the figure come last either way. Ties fall back to the
 * name, so the order never depends on the data's order.
 *
 * Returns: <0, 0 or >0 as for qsort()
 */
int
lsm_site_compare (LsmFeature *a,
                  LsmFeature *b,
                  LsmColumn   column,
                  gboolean    reversed)
{
  int result = 0;
  int sign = reversed ? -1 : 1;

  g_return_val_if_fail (LSM_IS_FEATURE (a) && LSM_IS_FEATURE (b), 0);

  if (lsm_column_is_numeric (column))
    {
      double va, vb;
      gboolean has_a = lsm_site_get_headline (a, column, &va);
      gboolean has_b = lsm_site_get_headline (b, column, &vb);

      if (has_a != has_b)
        return has_a ? -1 : 1;
      if (has_a && va != vb)
        result = va > vb ? -1 : 1;
    }
  else if (column == LSM_COLUMN_SECTOR)
    result = (int) lsm_feature_get_sector (a) - (int) lsm_feature_get_sector (b);
  else if (column == LSM_COLUMN_STATUS)
    result = (int) lsm_feature_get_status (a) - (int) lsm_feature_get_status (b);
  else if (column == LSM_COLUMN_PRECISION)
    result = precision_rank (lsm_feature_get_precision (a)) - precision_rank (lsm_feature_get_precision (b));
  else if (column == LSM_COLUMN_DISTRICT || column == LSM_COLUMN_COMMUNE_2025)
    {
      gboolean district = column == LSM_COLUMN_DISTRICT;
      const char *da = district ? lsm_feature_get_district (a) : unit_2025_name (a);
      const char *db = district ? lsm_feature_get_district (b) : unit_2025_name (b);

      if ((da == NULL) != (db == NULL))
        return da == NULL ? 1 : -1;
      result = compare_text (da, db);
    }

  if (result == 0)
    result = compare_text (lsm_feature_get_name (a), lsm_feature_get_name (b));

  return sign * result;
}

typedef struct
{
  LsmColumn column;
  gboolean  reversed;
} SortSpec;

static int
compare_sites_cb (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const SortSpec *spec = user_data;

  return lsm_site_compare ((LsmFeature *) a, (LsmFeature *) b, spec->column, spec->reversed);
}

/**
 * lsm_site_sort:
 * @sites: a model of sites, such as a filter
 * @column: the column to sort by
 * @reversed: whether to reverse the order (sites without the figure stay last)
 *
 * Returns: (transfer full): a new model of the same sites in order
 */
GListModel *
lsm_site_sort (GListModel *sites,
               LsmColumn   column,
               gboolean    reversed)
{
  GListStore *store = g_list_store_new (LSM_TYPE_FEATURE);
  SortSpec spec = { column, reversed };
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (sites), NULL);
  g_return_val_if_fail (column < LSM_N_COLUMNS, NULL);

  n = g_list_model_get_n_items (sites);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LsmFeature) site = g_list_model_get_item (sites, i);

      g_list_store_append (store, site);
    }
  g_list_store_sort (store, compare_sites_cb, &spec);

  return G_LIST_MODEL (store);
}
