/* lsm-page-districts.c
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
#include "lsm-page-private.h"

/* On paper, the sites known only to their district are in the page's key, by district: the
 * map has no point for them (lsm_feature_is_drawn_as_point()). */

/**
 * _lsm_page_draw_district_key:
 * @cr: a cairo context
 * @catalog: the data, for its districts
 * @sites: the sites the page shows
 * @x: left edge
 * @y: top edge
 * @width: the key's width
 * @color: (nullable): the text colour; %NULL only measures
 *
 * Returns: the height of the key's section, 0 when no shown site is known only to its district
 */
double
_lsm_page_draw_district_key (cairo_t      *cr,
                             LsmCatalog   *catalog,
                             GListModel   *sites,
                             double        x,
                             double        y,
                             double        width,
                             const LsmRgb *color)
{
  GListModel *districts = lsm_catalog_get_districts (catalog);
  g_autoptr(GListModel) all_unplaced = lsm_district_filter_unplaced (sites);
  double top = y;

  for (guint i = 0; i < g_list_model_get_n_items (districts); i++)
    {
      g_autoptr(LsmFeature) district = g_list_model_get_item (districts, i);
      g_autoptr(GPtrArray) unplaced = lsm_district_list_unplaced (all_unplaced, district);
      g_autoptr(GString) names = NULL;
      g_autofree char *entry = NULL;

      if (unplaced->len == 0)
        continue;

      if (y == top)
        {
          y += 6;
          y += _lsm_page_draw_text (cr, _("Known only to their district"), 9, TRUE, x, y, width, color) + 3;
          y += _lsm_page_draw_text (cr, _("No source says where in the district these sites are, so the map draws no point for them."),
                                    7, FALSE, x, y, width, color) + 3;
        }

      names = g_string_new (NULL);
      for (guint j = 0; j < unplaced->len; j++)
        {
          if (j > 0)
            /* Translators: between the names of sites in a list */
            g_string_append (names, C_("list separator", "; "));
          g_string_append (names, lsm_feature_get_name (g_ptr_array_index (unplaced, j)));
        }

      /* Translators: a key entry on a printed map: district, number of sites, their names */
      entry = g_strdup_printf (C_("district key", "%s (%u): %s"), lsm_feature_get_name (district),
                               unplaced->len, names->str);
      y += _lsm_page_draw_text (cr, entry, 7, FALSE, x, y, width, color) + 2;
    }

  return y - top;
}
