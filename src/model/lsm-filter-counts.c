/* lsm-filter-counts.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-filter"

#include "config.h"

#include <glib/gi18n.h>

#include "lsm-district-sites.h"
#include "lsm-feature.h"
#include "lsm-filter-private.h"

/* What the filter shows, counted as the map draws it: a symbol at a point, a place in a
 * district's badge (lsm_feature_is_drawn_as_point()), or nowhere. "Hydropower 5 / 5" with one
 * symbol and one badge on the map told less than the truth; the sidebar, the window's subtitle
 * and the tests all read these counts and their one wording. */

void
_lsm_filter_counts_reset (LsmFilter *self,
                          guint      n_sectors)
{
  g_array_set_size (self->counts, 0);
  g_array_set_size (self->counts, n_sectors);
}

void
_lsm_filter_counts_add (LsmFilter  *self,
                        LsmFeature *site,
                        gboolean    matches,
                        gboolean    shown)
{
  guint sector = lsm_feature_get_sector (site);
  LsmFilterCounts *counts;

  if (sector >= self->counts->len)
    g_array_set_size (self->counts, sector + 1);
  counts = &g_array_index (self->counts, LsmFilterCounts, sector);

  counts->total++;
  counts->matches += matches;
  if (!shown)
    return;

  counts->shown++;
  if (lsm_feature_is_drawn_as_point (site) || lsm_feature_has_shape (site))
    counts->points++;
  else if (lsm_feature_get_location (site, NULL, NULL))
    counts->in_districts++;
  else
    counts->unlocated++;
}

/**
 * lsm_filter_get_counts:
 * @self: a filter
 * @sector: a sector index, registered or not
 * @counts: (out caller-allocates): what the filter shows of the sector
 */
void
lsm_filter_get_counts (LsmFilter       *self,
                       LsmSector        sector,
                       LsmFilterCounts *counts)
{
  g_return_if_fail (LSM_IS_FILTER (self));
  g_return_if_fail (counts != NULL);

  if (sector < self->counts->len)
    *counts = g_array_index (self->counts, LsmFilterCounts, sector);
  else
    *counts = (LsmFilterCounts) { 0, };
}

/**
 * lsm_filter_get_all_counts:
 * @self: a filter
 * @counts: (out caller-allocates): what the filter shows of every sector together
 */
void
lsm_filter_get_all_counts (LsmFilter       *self,
                           LsmFilterCounts *counts)
{
  g_return_if_fail (LSM_IS_FILTER (self));
  g_return_if_fail (counts != NULL);

  *counts = (LsmFilterCounts) { 0, };
  for (guint s = 0; s < self->counts->len; s++)
    {
      const LsmFilterCounts *c = &g_array_index (self->counts, LsmFilterCounts, s);

      counts->total += c->total;
      counts->matches += c->matches;
      counts->shown += c->shown;
      counts->points += c->points;
      counts->in_districts += c->in_districts;
      counts->unlocated += c->unlocated;
    }
}

/**
 * lsm_filter_get_n_visible:
 * @self: a filter
 * @sector: a sector index, registered or not
 *
 * Returns: how many of the sector's sites pass the filter
 */
guint
lsm_filter_get_n_visible (LsmFilter *self,
                          LsmSector  sector)
{
  LsmFilterCounts counts;

  g_return_val_if_fail (LSM_IS_FILTER (self), 0);

  lsm_filter_get_counts (self, sector, &counts);
  return counts.shown;
}

/**
 * lsm_filter_get_n_total:
 * @self: a filter
 * @sector: a sector index, registered or not
 *
 * Returns: how many of the model's sites are of the sector, shown or not
 */
guint
lsm_filter_get_n_total (LsmFilter *self,
                        LsmSector  sector)
{
  LsmFilterCounts counts;

  g_return_val_if_fail (LSM_IS_FILTER (self), 0);

  lsm_filter_get_counts (self, sector, &counts);
  return counts.total;
}

static void
append_part (GString    *text,
             const char *part)
{
  g_autofree char *joined = NULL;

  if (text->len == 0)
    {
      g_string_assign (text, part);
      return;
    }

  /* Translators: joins the parts of a count, e.g. "2 on the map" and "3 with no known location" */
  joined = g_strdup_printf (C_("count parts", "%s, %s"), text->str, part);
  g_string_assign (text, joined);
}

/**
 * lsm_filter_counts_format:
 * @counts: counts from lsm_filter_get_counts() or lsm_filter_get_all_counts()
 * @with_hidden: whether to say how many matches the filters hide
 *
 * Returns: (transfer full): e.g. "2 on the map (1 in a district badge), 3 with no known
 *   location, 1 hidden by filters"; empty when there is nothing to say
 */
char *
lsm_filter_counts_format (const LsmFilterCounts *counts,
                          gboolean               with_hidden)
{
  g_autoptr(GString) text = NULL;
  guint on_map, hidden;

  g_return_val_if_fail (counts != NULL, NULL);

  text = g_string_new (NULL);
  on_map = counts->points + counts->in_districts;
  /* What the search does not find is not hidden: it is not what was asked for. */
  hidden = counts->matches - counts->shown;

  if (on_map > 0 && counts->in_districts == 0)
    {
      /* Translators: sites drawn on the map as symbols */
      g_autofree char *part = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u on the map", "%u on the map",
                                                            on_map), on_map);

      append_part (text, part);
    }
  else if (on_map > 0)
    {
      /* Translators: sites on the map; the second number are those known only to their district,
       * counted in the district's badge on the map instead of a symbol of their own */
      g_autofree char *part = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u on the map (%u in a district badge)",
                                                            "%u on the map (%u in district badges)",
                                                            counts->in_districts),
                                               on_map, counts->in_districts);

      append_part (text, part);
    }

  if (counts->unlocated > 0)
    {
      /* Translators: sites shown in the list but on no map: no source says where they are */
      g_autofree char *part = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u with no known location",
                                                            "%u with no known location", counts->unlocated),
                                               counts->unlocated);

      append_part (text, part);
    }

  if (with_hidden && hidden > 0)
    {
      /* Translators: sites the sector, status, district or commune filters hide */
      g_autofree char *part = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u hidden by filters",
                                                            "%u hidden by filters", hidden), hidden);

      append_part (text, part);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * lsm_filter_format_shown:
 * @self: a filter
 *
 * Returns: (transfer full): what the filter shows of all sites, e.g. "5 of 40 sites: 2 on the
 *   map, 3 with no known location"
 */
char *
lsm_filter_format_shown (LsmFilter *self)
{
  LsmFilterCounts counts;
  g_autofree char *parts = NULL;

  g_return_val_if_fail (LSM_IS_FILTER (self), NULL);

  lsm_filter_get_all_counts (self, &counts);
  parts = lsm_filter_counts_format (&counts, FALSE);

  if (*parts == '\0')
    /* Translators: under the window title when no site is shown, e.g. "0 of 40 sites" */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u site", "%u of %u sites", counts.total),
                            counts.shown, counts.total);
  if (counts.shown == counts.total)
    /* Translators: under the window title, e.g. "40 sites: 36 on the map, 4 with no known location" */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u site: %s", "%u sites: %s", counts.total),
                            counts.total, parts);

  /* Translators: under the window title, e.g. "5 of 40 sites: 2 on the map, 3 with no known location" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u site: %s", "%u of %u sites: %s", counts.total),
                          counts.shown, counts.total, parts);
}
