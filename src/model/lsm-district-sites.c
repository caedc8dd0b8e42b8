/* lsm-district-sites.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-district-sites"

#include "config.h"

#include "lsm-district-sites.h"
#include "lsm-feature.h"

/* A site known only to its district has, in the data, the district's reference point. Drawn
 * there it would read as its location (six such sites once shared one point in Cao Lộc, far from
 * anywhere they can be), so no view draws it as a point: the map, the page and the sites layer
 * list it with its district instead, all by the one predicate below. */

/**
 * lsm_feature_is_drawn_as_point:
 * @site: a site
 *
 * Returns: whether the site gets a symbol at its point: it has one, and it is known better than
 *   to its district
 */
gboolean
lsm_feature_is_drawn_as_point (LsmFeature *site)
{
  g_return_val_if_fail (LSM_IS_FEATURE (site), FALSE);

  return lsm_feature_get_location (site, NULL, NULL)
         && lsm_feature_get_precision (site) != LSM_PRECISION_DISTRICT;
}

/**
 * lsm_district_filter_unplaced:
 * @sites: a #GListModel of sites, usually a filter
 *
 * The sites of every district that are not drawn as points, in one pass: what
 * lsm_district_list_unplaced() then reads once per district, so a million sites are read once,
 * not once per district.
 *
 * Returns: (transfer full): the sites of @sites with a point that are not drawn there, in the
 *   model's order
 */
GListModel *
lsm_district_filter_unplaced (GListModel *sites)
{
  GListStore *unplaced = g_list_store_new (LSM_TYPE_FEATURE);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (G_IS_LIST_MODEL (sites), G_LIST_MODEL (unplaced));

  for (guint i = 0; i < g_list_model_get_n_items (sites); i++)
    {
      g_autoptr(LsmFeature) site = g_list_model_get_item (sites, i);

      if (lsm_feature_get_location (site, NULL, NULL) && !lsm_feature_is_drawn_as_point (site))
        g_ptr_array_add (found, g_steal_pointer (&site));
    }
  g_list_store_splice (unplaced, 0, 0, found->pdata, found->len);

  return G_LIST_MODEL (unplaced);
}

/**
 * lsm_district_list_unplaced:
 * @sites: a #GListModel of sites, usually a filter
 * @district: a district
 *
 * Returns: (transfer full) (element-type LsmFeature): the sites of @sites that name @district
 *   and are not drawn as points, in the model's order
 */
GPtrArray *
lsm_district_list_unplaced (GListModel *sites,
                            LsmFeature *district)
{
  GPtrArray *unplaced = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (G_IS_LIST_MODEL (sites), unplaced);
  g_return_val_if_fail (LSM_IS_FEATURE (district), unplaced);

  for (guint i = 0; i < g_list_model_get_n_items (sites); i++)
    {
      g_autoptr(LsmFeature) site = g_list_model_get_item (sites, i);

      if (lsm_feature_get_location (site, NULL, NULL) && !lsm_feature_is_drawn_as_point (site)
          && g_strcmp0 (lsm_feature_get_district (site), lsm_feature_get_name (district)) == 0)
        g_ptr_array_add (unplaced, g_steal_pointer (&site));
    }

  return unplaced;
}
