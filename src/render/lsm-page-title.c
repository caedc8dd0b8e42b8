/* lsm-page-title.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-page"

#include "config.h"

#include <glib/gi18n.h>

#include "lsm-catalog.h"
#include "lsm-district-sites.h"
#include "lsm-feature.h"
#include "lsm-clusters.h"
#include "lsm-filter.h"
#include "lsm-page.h"
#include "lsm-page-private.h"
#include "lsm-page-title.h"
#include "lsm-scene.h"
#include "lsm-sector.h"
#include "lsm-vocab.h"

/* What a page says about the filter it shows: a title naming the sectors, a subtitle naming the
 * district, statuses and search, and a note of what matches but cannot be drawn. A page handed
 * over must say what it leaves out. */

/* The sectors a title may call energy projects. A "group" column in the sector table would be
 * their right home once other groups need titles too. */
static gboolean
is_energy (LsmSector sector)
{
  static const char *energy[] = { "hydro", "thermal", "wind", "other_energy", NULL };

  return g_strv_contains (energy, lsm_sector_get_id (sector));
}

static void
append_lower (GString    *list,
              const char *label)
{
  g_autofree char *lower = g_utf8_strdown (label, -1);

  if (list->len > 0)
    /* Translators: between items of a list in a title: "hydropower, thermal power" */
    g_string_append (list, C_("list", ", "));
  g_string_append (list, lower);
}

/* Lower-case labels of the visible ones, or NULL when all are visible. */
static char *
list_sectors (LsmFilter *filter,
              gboolean  *all_energy)
{
  g_autoptr(GString) list = g_string_new (NULL);
  guint n_sectors, n_visible = 0;
  g_autofree LsmSector *sectors = lsm_sector_list (&n_sectors);

  *all_energy = TRUE;
  for (guint i = 0; i < n_sectors; i++)
    {
      LsmSector s = sectors[i];

      if (!lsm_filter_get_sector_visible (filter, s))
        continue;

      n_visible++;
      *all_energy &= is_energy (s);
      append_lower (list, lsm_sector_get_label (s));
    }

  if (n_visible == n_sectors || n_visible == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&list), FALSE);
}

/**
 * lsm_page_filter_title:
 * @filter: (nullable): which sites the page shows
 * @district: (nullable): the district the page is framed to
 *
 * Returns: (transfer full): the default title of a page: "Energy projects in Lạng Sơn: hydropower,
 *   thermal power, wind power" when the filter keeps only some sectors
 */
char *
lsm_page_filter_title (LsmFilter  *filter,
                       const char *district)
{
  g_autofree char *sectors = NULL;
  gboolean all_energy = FALSE;

  if (filter != NULL)
    sectors = list_sectors (filter, &all_energy);

  if (sectors != NULL && all_energy)
    /* Translators: a printed map's title; %s lists sectors, e.g. "hydropower, wind power" */
    return g_strdup_printf (_("Energy projects in Lạng Sơn: %s"), sectors);
  if (sectors != NULL)
    /* Translators: a printed map's title; %s lists sectors, e.g. "border gates, quarries and mines" */
    return g_strdup_printf (_("Industrial development in Lạng Sơn: %s"), sectors);
  if (district != NULL)
    /* Translators: a printed map's default title; %s is a district, e.g. "Chi Lăng" */
    return g_strdup_printf (_("Industrial development in %s, Lạng Sơn province"), district);

  return g_strdup (_("Industrial development in Lạng Sơn province"));
}

/* "Huyện Chi Lăng", "Thành phố Lạng Sơn" as the data write them; in English, "Chi Lăng district"
 * or "Lạng Sơn city" after the same official name. */
static char *
describe_district (LsmCatalog *catalog,
                   const char *name)
{
  LsmFeature *district = lsm_catalog_lookup_district (catalog, name);
  const char *full = district != NULL ? lsm_feature_get_full_name (district) : NULL;

  if (full != NULL && lsm_ui_is_vietnamese ())
    return g_strdup (full);
  if (full != NULL && g_str_has_prefix (full, "Thành phố"))
    /* Translators: a page's subtitle; %s is a city, "Lạng Sơn" */
    return g_strdup_printf (_("%s city"), name);

  /* Translators: a page's subtitle; %s is a district, e.g. "Chi Lăng" */
  return g_strdup_printf (_("%s district"), name);
}

/**
 * lsm_page_filter_subtitle:
 * @catalog: the data, for the district's full name
 * @filter: (nullable): which sites the page shows
 * @district: (nullable): the district the page is framed to, if the filter has none
 *
 * Returns: (transfer full) (nullable): "Chi Lăng district · operating, planned · matching “xi
 *   măng”", or %NULL when nothing narrows the page
 */
char *
lsm_page_filter_subtitle (LsmCatalog *catalog,
                          LsmFilter  *filter,
                          const char *district)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *search = NULL;

  if (filter != NULL && lsm_filter_get_district (filter) != NULL)
    district = lsm_filter_get_district (filter);
  if (district != NULL)
    g_ptr_array_add (parts, describe_district (catalog, district));

  if (filter != NULL)
    {
      g_autoptr(GString) statuses = g_string_new (NULL);
      guint n_visible = 0, n_statuses = 0;

      for (guint s = LSM_STATUS_OPERATING; s < LSM_N_STATUSES; s++, n_statuses++)
        {
          if (!lsm_filter_get_status_visible (filter, s))
            continue;
          n_visible++;
          append_lower (statuses, lsm_status_get_label (s));
        }
      if (n_visible > 0 && n_visible < n_statuses)
        g_ptr_array_add (parts, g_string_free (g_steal_pointer (&statuses), FALSE));

      search = lsm_filter_get_search_text (filter);
      if (search != NULL && *search != '\0')
        /* Translators: a page's subtitle: the text the user searched for */
        g_ptr_array_add (parts, g_strdup_printf (_("matching “%s”"), search));
    }

  if (parts->len == 0)
    return NULL;

  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

/**
 * lsm_page_undrawn_note:
 * @filter: (nullable): which sites the page shows
 * @sites: the sites drawn, as symbols or in clusters
 *
 * Returns: (transfer full) (nullable): "Hydropower: +3 sites whose location is not known", one
 *   sentence per sector, and how many lie outside the frame; %NULL when every match is drawn
 */
char *
lsm_page_undrawn_note (LsmFilter          *filter,
                       const LsmPageSites *sites)
{
  g_autoptr(GHashTable) drawn = g_hash_table_new (NULL, NULL);
  g_autoptr(GString) note = g_string_new (NULL);
  guint n_sectors;
  g_autofree LsmSector *sectors = lsm_sector_list (&n_sectors);
  g_autofree guint *unknown = g_new0 (guint, lsm_sector_get_count ());
  guint outside = 0;
  guint n;

  if (filter == NULL)
    return NULL;

  for (guint i = 0; i < sites->placements->len; i++)
    g_hash_table_add (drawn, g_array_index (sites->placements, LsmPlacement, i).site);
  for (guint c = 0; sites->clusters != NULL && c < sites->clusters->len; c++)
    for (guint k = 0; k < g_array_index (sites->clusters, LsmClusterPlacement, c).count; k++)
      g_hash_table_add (drawn, lsm_page_sites_get_member (sites, c, k));
  /* Lines and areas are drawn as they are, not as symbols. */
  for (guint i = 0; i < lsm_site_match_get_n_shapes (sites->match); i++)
    g_hash_table_add (drawn, lsm_site_match_get_shape_site (sites->match, i));

  n = g_list_model_get_n_items (G_LIST_MODEL (filter));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LsmFeature) site = g_list_model_get_item (G_LIST_MODEL (filter), i);
      double lon, lat;

      /* Sites known only to their district are no points anywhere: the legend lists them. */
      if (g_hash_table_contains (drawn, site)
          || (lsm_feature_get_location (site, NULL, NULL) && !lsm_feature_is_drawn_as_point (site)))
        continue;
      if (lsm_feature_get_location (site, &lon, &lat))
        outside++;
      else
        unknown[lsm_feature_get_sector (site)]++;
    }

  for (guint i = 0; i < n_sectors; i++)
    {
      LsmSector s = sectors[i];

      if (unknown[s] == 0)
        continue;
      if (note->len > 0)
        g_string_append (note, " ");
      /* Translators: a note under a printed map; %s is a sector, %u how many of its sites match */
      g_string_append_printf (note, g_dngettext (GETTEXT_PACKAGE, "%s: +%u site whose location is not known.",
                                                 "%s: +%u sites whose location is not known.", unknown[s]),
                              lsm_sector_get_label (s), unknown[s]);
    }

  if (outside > 0)
    {
      if (note->len > 0)
        g_string_append (note, " ");
      /* Translators: a note under a printed map */
      g_string_append_printf (note, g_dngettext (GETTEXT_PACKAGE, "+%u matching site lies outside the map's frame.",
                                                 "+%u matching sites lie outside the map's frame.", outside),
                              outside);
    }

  if (note->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&note), FALSE);
}

static char *
format_date (GDateTime *date)
{
  /* Translators: a date on a printed map, strftime format; e.g. "%d/%m/%Y" */
  return g_date_time_format (date, C_("printed date", "%-d %B %Y"));
}

static char *
format_iso_date (const char *iso)
{
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *with_time = NULL;

  if (iso == NULL)
    return NULL;

  with_time = g_strdup_printf ("%sT00:00:00Z", iso);
  date = g_date_time_new_from_iso8601 (with_time, NULL);
  if (date == NULL)
    return g_strdup (iso);

  return g_strstrip (format_date (date));
}

char *
_lsm_page_title (LsmFilter            *filter,
                 const LsmPageOptions *options)
{
  if (options->title != NULL)
    return lsm_page_cap_title (options->title, NULL);

  return lsm_page_filter_title (filter, options->extent == LSM_EXTENT_DISTRICT ? options->district : NULL);
}

/* Title, what the filter keeps, dates and what is not drawn; returns the height used. */
double
_lsm_page_draw_header (cairo_t              *cr,
                       LsmCatalog           *catalog,
                       LsmFilter            *filter,
                       const LsmPageOptions *options,
                       const LsmPageSites   *sites,
                       double                width,
                       gboolean              draw)
{
  g_autofree char *title = _lsm_page_title (filter, options);
  g_autofree char *narrowed = lsm_page_filter_subtitle (catalog, filter, options->extent == LSM_EXTENT_DISTRICT
                                                                ? options->district : NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *printed = g_strstrip (format_date (options->date != NULL ? options->date : now));
  g_autofree char *as_of = format_iso_date (lsm_catalog_get_as_of (catalog));
  g_autofree char *subtitle = NULL;
  g_autofree char *note = sites != NULL ? lsm_page_undrawn_note (filter, sites) : NULL;
  double content = width - 2 * LSM_PAGE_MARGIN;
  double top = LSM_PAGE_MARGIN;

  top += _lsm_page_draw_text (cr, title, 16, TRUE, LSM_PAGE_MARGIN, top, content, draw ? &_lsm_page_ink : NULL) + 2;
  if (narrowed != NULL)
    top += _lsm_page_draw_text (cr, narrowed, 10.5, FALSE, LSM_PAGE_MARGIN, top, content, draw ? &_lsm_page_ink : NULL) + 2;

  /* Translators: under a printed map's title: when printed, and how old the data are */
  subtitle = g_strdup_printf (_("Printed %s · figures as published up to %s"), printed, as_of ? as_of : "—");
  top += _lsm_page_draw_text (cr, subtitle, 8.5, FALSE, LSM_PAGE_MARGIN, top, content, draw ? &_lsm_page_grey : NULL);
  if (note != NULL)
    top += 2 + _lsm_page_draw_text (cr, note, 8.5, TRUE, LSM_PAGE_MARGIN, top, content, draw ? &_lsm_page_ink : NULL);

  return top + LSM_PAGE_GAP - LSM_PAGE_MARGIN;
}
