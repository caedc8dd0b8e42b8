/* lsm-units.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-units"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "lsm-area-index.h"
#include "lsm-catalog-private.h"
#include "lsm-feature-list.h"
#include "lsm-feature-private.h"
#include "lsm-search.h"
#include "lsm-units-private.h"

/* The two sets of administrative units, and which 2025 unit each site lies in. The unit is
 * found once, when the catalog is checked, so every view (panel, search, filter, listings)
 * reads the same answer. */

static const struct
{
  const char *id;
  const char *label;
  const char *credit;
} units_table[LSM_N_UNITS] = {
  { "districts", NC_("units", "Districts (2019 – 30 June 2025)"), NULL },
  { "communes-2025", NC_("units", "Communes (since 1 July 2025)"),
    N_("Communes since 1 July 2025: thanglequoc/vietnamese-provinces-database, MIT licence, after the national mapping publisher’s merger map.") },
};

const char *
lsm_units_get_id (LsmUnits units)
{
  g_return_val_if_fail (units < LSM_N_UNITS, NULL);

  return units_table[units].id;
}

const char *
lsm_units_get_label (LsmUnits units)
{
  g_return_val_if_fail (units < LSM_N_UNITS, NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, "units", units_table[units].label);
}

/**
 * lsm_units_get_credit:
 * @units: a set of units
 *
 * Returns: (nullable): the attribution a page owes when it draws @units, beyond the district
 *   boundaries every page credits
 */
const char *
lsm_units_get_credit (LsmUnits units)
{
  g_return_val_if_fail (units < LSM_N_UNITS, NULL);

  return units_table[units].credit != NULL ? _(units_table[units].credit) : NULL;
}

gboolean
lsm_units_from_id (const char *id,
                   LsmUnits   *units)
{
  for (guint i = 0; id != NULL && i < LSM_N_UNITS; i++)
    {
      if (g_str_equal (id, units_table[i].id))
        {
          *units = i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * lsm_units_parse:
 * @text: what the user typed
 * @units: (out): the units
 * @error: return location for a %G_OPTION_ERROR naming the value
 *
 * Returns: whether @text is exactly one of the ids
 */
gboolean
lsm_units_parse (const char  *text,
                 LsmUnits    *units,
                 GError     **error)
{
  if (lsm_units_from_id (text, units))
    return TRUE;

  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               /* Translators: %s is what the user typed; "districts" and "communes-2025" are ids, keep them */
               _("Unknown units “%s”: use districts or communes-2025"), text != NULL ? text : "");
  return FALSE;
}

/**
 * lsm_catalog_unit_2025_at:
 * @catalog: a catalog
 * @lon: longitude
 * @lat: latitude
 * @tolerance_m: how far outside every unit the point may lie and still take the nearest
 *
 * Returns: (transfer none) (nullable): the 2025 unit containing the point, else the nearest
 *   one within @tolerance_m
 */
/* The unit nearest the point within @tolerance_m, for a point that none contains. */
static LsmFeature *
nearest_unit (GListModel *units,
              double      lon,
              double      lat,
              double      tolerance_m)
{
  LsmFeature *nearest = NULL;
  double best = INFINITY;
  /* A degree of latitude is at least 110 km: a cheap box test before the distance. */
  double margin = tolerance_m / 110000.0 / MAX (cos (lat * G_PI / 180.0), 0.01);
  guint n = g_list_model_get_n_items (units);

  for (guint i = 0; i < n; i++)
    {
      LsmFeature *unit = lsm_feature_list_peek (LSM_FEATURE_LIST (units), i);
      LsmBounds b;
      double d;

      if (unit->geometry == NULL)
        continue;
      lsm_geometry_get_bounds (unit->geometry, &b);
      if (lon < b.west - margin || lon > b.east + margin || lat < b.south - margin || lat > b.north + margin)
        continue;

      d = lsm_geometry_distance_m (unit->geometry, lon, lat);
      if (d <= tolerance_m && d < best)
        {
          best = d;
          nearest = unit;
        }
    }

  return nearest;
}

LsmFeature *
lsm_catalog_unit_2025_at (LsmCatalog *catalog,
                          double      lon,
                          double      lat,
                          double      tolerance_m)
{
  GListModel *units;
  guint n;

  g_return_val_if_fail (LSM_IS_CATALOG (catalog), NULL);

  units = lsm_catalog_get_units_2025 (catalog);
  n = g_list_model_get_n_items (units);
  for (guint i = 0; i < n; i++)
    {
      LsmFeature *unit = lsm_feature_list_peek (LSM_FEATURE_LIST (units), i);

      if (unit->geometry != NULL && lsm_geometry_contains (unit->geometry, lon, lat))
        return unit;
    }

  /* Outside every unit: measuring is only worth it near one, which its box tells cheaply. */
  return nearest_unit (units, lon, lat, tolerance_m);
}

/**
 * lsm_catalog_lookup_unit_2025:
 * @catalog: a catalog
 * @code_or_name: a unit's code, or its name or full name, with or without diacritics
 *
 * Returns: (transfer none) (nullable): the unit
 */
LsmFeature *
lsm_catalog_lookup_unit_2025 (LsmCatalog *catalog,
                              const char *code_or_name)
{
  g_autofree char *folded = NULL;
  GListModel *units;

  g_return_val_if_fail (LSM_IS_CATALOG (catalog), NULL);

  if (code_or_name == NULL)
    return NULL;

  folded = lsm_search_fold (code_or_name);
  units = lsm_catalog_get_units_2025 (catalog);
  for (guint i = 0; i < g_list_model_get_n_items (units); i++)
    {
      g_autoptr(LsmFeature) unit = g_list_model_get_item (units, i);
      const char *names[] = { unit->name, unit->name_en, unit->full_name };

      if (g_strcmp0 (unit->id, code_or_name) == 0)
        return unit;
      for (guint j = 0; j < G_N_ELEMENTS (names); j++)
        {
          g_autofree char *name = names[j] != NULL ? lsm_search_fold (names[j]) : NULL;

          if (name != NULL && g_str_equal (name, folded))
            return unit;
        }
    }

  return NULL;
}

/**
 * lsm_feature_describe_unit_2025:
 * @site: a site
 *
 * Returns: (transfer full) (nullable): "Now in Xã Lợi Bác (since 1 July 2025)", or %NULL when
 *   the site has no 2025 unit
 */
char *
lsm_feature_describe_unit_2025 (LsmFeature *site)
{
  LsmFeature *unit;

  g_return_val_if_fail (LSM_IS_FEATURE (site), NULL);

  if ((unit = lsm_feature_get_unit_2025 (site)) == NULL)
    return NULL;

  /* Translators: %s is a commune-level unit of 2025 with its kind, e.g. "Xã Lợi Bác" */
  return g_strdup_printf (_("Now in %s (since 1 July 2025)"),
                          unit->full_name != NULL ? unit->full_name : unit->name);
}

/**
 * lsm_feature_is_area:
 * @feature: a feature
 *
 * Returns: whether @feature is an administrative unit a user can select: a district, or a
 *   commune-level unit of 2025
 */
gboolean
lsm_feature_is_area (LsmFeature *feature)
{
  g_return_val_if_fail (LSM_IS_FEATURE (feature), FALSE);

  return feature->kind == LSM_FEATURE_DISTRICT || feature->kind == LSM_FEATURE_UNIT_2025;
}

/**
 * lsm_feature_is_in_area:
 * @site: a site
 * @area: a district or a unit of 2025
 *
 * A site is in a district when it names it (its point may be unknown), and in a unit of 2025
 * when its point lies there.
 *
 * Returns: whether @site belongs to @area
 */
gboolean
lsm_feature_is_in_area (LsmFeature *site,
                        LsmFeature *area)
{
  g_return_val_if_fail (LSM_IS_FEATURE (site), FALSE);
  g_return_val_if_fail (LSM_IS_FEATURE (area), FALSE);

  /* By code: a user's layer finds its units in a catalog of its own, the window shows another. */
  if (area->kind == LSM_FEATURE_UNIT_2025)
    return site->unit_2025 != NULL && g_strcmp0 (site->unit_2025->id, area->id) == 0;

  return g_strcmp0 (site->district, area->name) == 0;
}

void
_lsm_catalog_assign_units_2025 (LsmCatalog *catalog,
                                const char *sites_file)
{
  GListModel *sites = lsm_catalog_get_sites (catalog);
  GListModel *units = lsm_catalog_get_units_2025 (catalog);
  g_autoptr(LsmAreaIndex) index = NULL;
  /* Translators: %s is a site's id, %.0f a distance in metres */
  const char *outside = _("site “%s” lies more than %.0f m outside every unit of 2025");

  if (g_list_model_get_n_items (units) == 0)
    return;

  /* The same answers as lsm_catalog_unit_2025_at(), without testing every site's point
   * against the units' vertices. */
  index = _lsm_area_index_new (units);
  for (guint i = 0; i < g_list_model_get_n_items (sites); i++)
    {
      LsmFeature *site = lsm_feature_list_peek (LSM_FEATURE_LIST (sites), i);
      LsmFeature *unit;
      double lon, lat;

      /* A user's line or area has its unit where its label goes, as it has its district. */
      if (site->imported ? !lsm_feature_get_label_point (site, &lon, &lat)
                         : !lsm_feature_get_location (site, &lon, &lat))
        continue;

      unit = _lsm_area_index_find (index, lon, lat);
      if (unit == NULL && _lsm_area_index_is_near_edge (index, lon, lat, LSM_UNIT_2025_TOLERANCE_M))
        unit = nearest_unit (units, lon, lat, LSM_UNIT_2025_TOLERANCE_M);
      g_set_object (&site->unit_2025, unit);
      /* A user's file may reach beyond the province: no unit there is no fault of the file. */
      if (unit == NULL && !site->imported)
        _lsm_catalog_add_problem (catalog, sites_file, outside, site->id, LSM_UNIT_2025_TOLERANCE_M);
      _lsm_feature_forget_search_key (site);
    }
}
