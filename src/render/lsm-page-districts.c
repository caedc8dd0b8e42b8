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
 * _lsm_page_add_district_notes:
 * @notes: (element-type LsmPageNote): a page's notes
 * @catalog: the data, for its districts
 * @sites: the sites the page shows
 *
 * Adds a heading, what it means and one note per district with such sites; nothing when no
 * shown site is known only to its district.
 */
void
_lsm_page_add_district_notes (GPtrArray  *notes,
                              LsmCatalog *catalog,
                              GListModel *sites)
{
  GListModel *districts = lsm_catalog_get_districts (catalog);
  g_autoptr(GListModel) all_unplaced = sites != NULL ? lsm_district_filter_unplaced (sites) : NULL;
  gboolean any = FALSE;

  for (guint i = 0; all_unplaced != NULL && i < g_list_model_get_n_items (districts); i++)
    {
      g_autoptr(LsmFeature) district = g_list_model_get_item (districts, i);
      g_autoptr(GPtrArray) unplaced = lsm_district_list_unplaced (all_unplaced, district);
      g_autoptr(GString) names = NULL;

      if (unplaced->len == 0)
        continue;

      if (!any)
        {
          _lsm_page_add_note (notes, LSM_PAGE_NOTE_HEADING, g_strdup (_("Known only to their district")), 0);
          _lsm_page_add_note (notes, LSM_PAGE_NOTE_TEXT,
                              g_strdup (_("No source says where in the district these sites are, so the map draws no point for them: "
                                          "a framed count by the district's name says how many.")), 0);
          any = TRUE;
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
      _lsm_page_add_note (notes, LSM_PAGE_NOTE_TEXT,
                          g_strdup_printf (C_("district key", "%s (%u): %s"), lsm_feature_get_name (district),
                                           unplaced->len, names->str), 0);
    }
}
