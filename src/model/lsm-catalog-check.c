/* lsm-catalog-check.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-catalog"

#include "config.h"

#include <glib/gi18n.h>

#include "lsm-catalog-private.h"
#include "lsm-feature-list.h"
#include "lsm-feature-private.h"
#include "lsm-figure-private.h"
#include "lsm-source-private.h"
#include "lsm-units-private.h"

/* The checks across files, once everything is read: ids, citations, districts, locations. */

static void
check_citation (LsmCatalog *self,
                LsmFigure  *figure,
                const char *file,
                const char *owner)
{
  LsmSource *source = lsm_catalog_lookup_source (self, figure->source_id);
  LsmSource *crosscheck = lsm_catalog_lookup_source (self, _LSM_FIGURE_RARE (figure, crosscheck_source_id));

  if (source == NULL)
    _lsm_catalog_add_problem (self, file, _("figure “%s” of %s cites an unknown source “%s”"),
                              figure->id, owner, figure->source_id);
  else if (source->kind != LSM_SOURCE_ARTICLE)
    _lsm_catalog_add_problem (self, file, _("figure “%s” of %s cites “%s”, which is a cross-check, not an article"),
                              figure->id, owner, figure->source_id);

  if (_LSM_FIGURE_RARE (figure, crosscheck_source_id) == NULL)
    return;
  if (crosscheck == NULL)
    _lsm_catalog_add_problem (self, file, _("figure “%s” of %s: unknown cross-check source “%s”"),
                              figure->id, owner, _LSM_FIGURE_RARE (figure, crosscheck_source_id));
  else if (crosscheck->kind != LSM_SOURCE_CROSSCHECK)
    _lsm_catalog_add_problem (self, file, _("figure “%s” of %s: “%s” is an article, not a cross-check"),
                              figure->id, owner, _LSM_FIGURE_RARE (figure, crosscheck_source_id));
  if (figure->rare == NULL || !lsm_text_is_set (&figure->rare->crosscheck_note))
    _lsm_catalog_add_problem (self, file, _("figure “%s” of %s cites a cross-check without a note"),
                              figure->id, owner);
}

static void
check_figures (LsmCatalog        *self,
               LsmFigure * const *figures,
               guint       n_figures,
               const char *file,
               const char *owner,
               GHashTable *figure_ids)
{
  gboolean have_sources = g_list_model_get_n_items (lsm_catalog_get_sources (self)) > 0;

  for (guint i = 0; i < n_figures; i++)
    {
      LsmFigure *figure = figures[i];

      if (!g_hash_table_add (figure_ids, figure->id))
        _lsm_catalog_add_problem (self, file, _("figure “%s” of %s: the id is used twice"),
                                  figure->id, owner);
      /* A figure read from a user's own column cites that file, not an article. */
      if (have_sources && figure->source_id != NULL)
        check_citation (self, figure, file, owner);
    }
}

static void
check_relations (LsmCatalog        *self,
                 LsmFigure * const *figures,
                 guint       n_figures,
                 const char *file,
                 GHashTable *figure_ids)
{
  for (guint i = 0; i < n_figures; i++)
    {
      LsmFigure *figure = figures[i];
      const char *relates_to = _LSM_FIGURE_RARE (figure, relates_to);

      if (relates_to != NULL && !g_hash_table_contains (figure_ids, relates_to))
        _lsm_catalog_add_problem (self, file, _("figure “%s” relates to an unknown figure “%s”"),
                                  figure->id, relates_to);
    }
}

static void
check_site_location (LsmCatalog *self,
                     LsmFeature *site)
{
  LsmFeature *district;
  double lon, lat;

  if (site->district == NULL)
    return;

  district = lsm_catalog_lookup_district (self, site->district);
  if (district == NULL || g_strcmp0 (district->name, site->district) != 0)
    {
      _lsm_catalog_add_problem (self, _lsm_catalog_get_sites_file (self), _("site “%s” names an unknown district “%s”"),
                                site->id, site->district);
      return;
    }

  if (lsm_feature_get_location (site, &lon, &lat)
      && district->geometry != NULL
      && !lsm_geometry_contains (district->geometry, lon, lat))
    _lsm_catalog_add_problem (self, _lsm_catalog_get_sites_file (self),
                              _("site “%s” at %.5f, %.5f lies outside its district “%s”"),
                              site->id, lat, lon, site->district);
}

/* Cross-file checks, run once everything is read: ids, citations, districts, locations. */
void
_lsm_catalog_check (LsmCatalog *self)
{
  g_autoptr(GHashTable) site_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) figure_ids = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_sites = g_list_model_get_n_items (lsm_catalog_get_sites (self));
  guint n_districts = g_list_model_get_n_items (lsm_catalog_get_districts (self));
  const char *sites_file = _lsm_catalog_get_sites_file (self) != NULL ? _lsm_catalog_get_sites_file (self) : "sites";
  /* Every figure is a row of the one figures table. */
  const char *figures_file = _lsm_catalog_get_figures_file (self) != NULL ? _lsm_catalog_get_figures_file (self) : "figures";
  g_autoptr(GPtrArray) aggregates = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (lsm_catalog_get_aggregates (self)); i++)
    g_ptr_array_add (aggregates, g_list_model_get_item (lsm_catalog_get_aggregates (self), i));

  for (guint i = 0; i < n_sites; i++)
    {
      LsmFeature *site = lsm_feature_list_peek (LSM_FEATURE_LIST (lsm_catalog_get_sites (self)), i);

      if (!g_hash_table_add (site_ids, site->id))
        _lsm_catalog_add_problem (self, sites_file, _("site id “%s” is used twice"), site->id);
      check_figures (self, _lsm_feature_peek_figures (site, NULL), site->n_figures, figures_file, site->id, figure_ids);
      if (n_districts > 0)
        check_site_location (self, site);
    }

  for (guint i = 0; i < n_districts; i++)
    {
      LsmFeature *district = lsm_feature_list_peek (LSM_FEATURE_LIST (lsm_catalog_get_districts (self)), i);

      check_figures (self, _lsm_feature_peek_figures (district, NULL), district->n_figures, figures_file, district->name,
                     figure_ids);
    }

  check_figures (self, (LsmFigure **) aggregates->pdata, aggregates->len, figures_file, "the province", figure_ids);

  for (guint i = 0; i < n_sites; i++)
    {
      LsmFeature *site = lsm_feature_list_peek (LSM_FEATURE_LIST (lsm_catalog_get_sites (self)), i);

      check_relations (self, _lsm_feature_peek_figures (site, NULL), site->n_figures, figures_file, figure_ids);
    }
  for (guint i = 0; i < n_districts; i++)
    {
      LsmFeature *district = lsm_feature_list_peek (LSM_FEATURE_LIST (lsm_catalog_get_districts (self)), i);

      check_relations (self, _lsm_feature_peek_figures (district, NULL), district->n_figures, figures_file, figure_ids);
    }
  check_relations (self, (LsmFigure **) aggregates->pdata, aggregates->len, figures_file, figure_ids);
  _lsm_catalog_assign_units_2025 (self, sites_file);
}
