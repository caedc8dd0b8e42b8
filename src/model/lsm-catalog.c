/* lsm-catalog.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-catalog"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "lsm-catalog-private.h"
#include "lsm-feature-list.h"
#include "lsm-feature-private.h"
#include "lsm-figure-private.h"
#include "lsm-search.h"
#include "lsm-source-private.h"
#include "lsm-units-private.h"

struct _LsmCatalog
{
  GObject      parent_instance;

  LsmFeatureList *sites;
  LsmFeatureList *districts;
  LsmFeatureList *context;
  LsmFeatureList *units_2025; /* the communes since 1 July 2025 */
  GListStore  *sources;       /* the articles */
  GListStore  *crosschecks;   /* outside records */
  GHashTable  *sources_by_id;
  GListStore  *aggregates;
  LsmGeometry *province;

  char        *sites_file;
  char        *districts_file;
  char        *aggregates_file;
  char        *as_of;

  GPtrArray   *problems;
  guint        n_skipped;
};

G_DEFINE_FINAL_TYPE (LsmCatalog, lsm_catalog, G_TYPE_OBJECT)

static void
lsm_catalog_finalize (GObject *object)
{
  LsmCatalog *self = (LsmCatalog *) object;

  g_clear_object (&self->sites);
  g_clear_object (&self->districts);
  g_clear_object (&self->context);
  g_clear_object (&self->units_2025);
  g_clear_object (&self->sources);
  g_clear_object (&self->crosschecks);
  g_clear_pointer (&self->sources_by_id, g_hash_table_unref);
  g_clear_object (&self->aggregates);
  g_clear_pointer (&self->province, lsm_geometry_unref);
  g_clear_pointer (&self->sites_file, g_free);
  g_clear_pointer (&self->districts_file, g_free);
  g_clear_pointer (&self->aggregates_file, g_free);
  g_clear_pointer (&self->as_of, g_free);
  g_clear_pointer (&self->problems, g_ptr_array_unref);

  G_OBJECT_CLASS (lsm_catalog_parent_class)->finalize (object);
}

static void
lsm_catalog_class_init (LsmCatalogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lsm_catalog_finalize;
}

static void
lsm_catalog_init (LsmCatalog *self)
{
  self->sites = lsm_feature_list_new ();
  self->districts = lsm_feature_list_new ();
  self->context = lsm_feature_list_new ();
  self->units_2025 = lsm_feature_list_new ();
  self->sources = g_list_store_new (LSM_TYPE_SOURCE);
  self->crosschecks = g_list_store_new (LSM_TYPE_SOURCE);
  self->sources_by_id = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  self->aggregates = g_list_store_new (LSM_TYPE_FIGURE);
  self->problems = g_ptr_array_new_null_terminated (0, g_free, TRUE);
}

LsmCatalog *
lsm_catalog_new (void)
{
  return g_object_new (LSM_TYPE_CATALOG, NULL);
}

/**
 * lsm_catalog_get_sites:
 * @self: a catalog
 *
 * Returns: (transfer none): a #GListModel of site #LsmFeature, mapped or not
 */
GListModel *
lsm_catalog_get_sites (LsmCatalog *self)
{
  g_return_val_if_fail (LSM_IS_CATALOG (self), NULL);

  return G_LIST_MODEL (self->sites);
}

/**
 * lsm_catalog_get_districts:
 * @self: a catalog
 *
 * Returns: (transfer none): a #GListModel of district #LsmFeature
 */
GListModel *
lsm_catalog_get_districts (LsmCatalog *self)
{
  g_return_val_if_fail (LSM_IS_CATALOG (self), NULL);

  return G_LIST_MODEL (self->districts);
}

/**
 * lsm_catalog_get_context:
 * @self: a catalog
 *
 * Returns: (transfer none): a #GListModel of the neighbouring provinces and the border line
 */
GListModel *
lsm_catalog_get_context (LsmCatalog *self)
{
  g_return_val_if_fail (LSM_IS_CATALOG (self), NULL);

  return G_LIST_MODEL (self->context);
}

/**
 * lsm_catalog_get_sources:
 * @self: a catalog
 *
 * Returns: (transfer none): a #GListModel of the #LsmSource every figure cites: the articles,
 *   never the outside records the curators checked them against
 */
GListModel *
lsm_catalog_get_sources (LsmCatalog *self)
{
  g_return_val_if_fail (LSM_IS_CATALOG (self), NULL);

  return G_LIST_MODEL (self->sources);
}

/**
 * lsm_catalog_get_crosschecks:
 * @self: a catalog
 *
 * Returns: (transfer none): a #GListModel of the #LsmSource of kind %LSM_SOURCE_CROSSCHECK:
 *   outside records cited where they differ from the articles
 */
GListModel *
lsm_catalog_get_crosschecks (LsmCatalog *self)
{
  g_return_val_if_fail (LSM_IS_CATALOG (self), NULL);

  return G_LIST_MODEL (self->crosschecks);
}

/**
 * lsm_catalog_get_aggregates:
 * @self: a catalog
 *
 * Returns: (transfer none): a #GListModel of province- and sector-level #LsmFigure
 */
GListModel *
lsm_catalog_get_aggregates (LsmCatalog *self)
{
  g_return_val_if_fail (LSM_IS_CATALOG (self), NULL);

  return G_LIST_MODEL (self->aggregates);
}

/**
 * lsm_catalog_get_province_outline:
 * @self: a catalog
 *
 * Returns: (transfer none) (nullable): the province outline
 */
LsmGeometry *
lsm_catalog_get_province_outline (LsmCatalog *self)
{
  g_return_val_if_fail (LSM_IS_CATALOG (self), NULL);

  return self->province;
}

/**
 * lsm_catalog_get_bounds:
 * @self: a catalog
 * @bounds: (out): the extent of the districts
 *
 * Returns: %FALSE if the catalog has no districts
 */
gboolean
lsm_catalog_get_bounds (LsmCatalog *self,
                        LsmBounds  *bounds)
{
  guint n;

  g_return_val_if_fail (LSM_IS_CATALOG (self), FALSE);

  lsm_bounds_init_empty (bounds);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->districts));
  for (guint i = 0; i < n; i++)
    {
      LsmFeature *district = lsm_feature_list_peek (self->districts, i);
      LsmBounds b;

      if (district->geometry == NULL)
        continue;
      lsm_geometry_get_bounds (district->geometry, &b);
      lsm_bounds_extend (bounds, &b);
    }

  return !lsm_bounds_is_empty (bounds);
}

static LsmFeature *
find_by (LsmFeatureList *list,
         gboolean      (*match) (LsmFeature *feature, const char *key),
         const char     *key)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  if (key == NULL)
    return NULL;

  for (guint i = 0; i < n; i++)
    {
      LsmFeature *feature = lsm_feature_list_peek (list, i);

      if (match (feature, key))
        return feature;
    }

  return NULL;
}

static gboolean
feature_has_id (LsmFeature *feature,
                const char *id)
{
  return g_strcmp0 (feature->id, id) == 0;
}

static gboolean
feature_has_name (LsmFeature *feature,
                  const char *name)
{
  return g_strcmp0 (feature->name, name) == 0;
}

/**
 * lsm_catalog_lookup_source:
 * @self: a catalog
 * @id: a source id
 *
 * Returns: (transfer none) (nullable): the source, an article or an outside record
 */
LsmSource *
lsm_catalog_lookup_source (LsmCatalog *self,
                           const char *id)
{
  g_return_val_if_fail (LSM_IS_CATALOG (self), NULL);

  return id != NULL ? g_hash_table_lookup (self->sources_by_id, id) : NULL;
}

/**
 * lsm_catalog_lookup_site:
 * @self: a catalog
 * @id: a site id
 *
 * Returns: (transfer none) (nullable): the site
 */
LsmFeature *
lsm_catalog_lookup_site (LsmCatalog *self,
                         const char *id)
{
  g_return_val_if_fail (LSM_IS_CATALOG (self), NULL);

  return find_by (self->sites, feature_has_id, id);
}

/**
 * lsm_catalog_lookup_district:
 * @self: a catalog
 * @name: a district's name, Vietnamese or English, with or without diacritics
 *
 * Returns: (transfer none) (nullable): the district
 */
LsmFeature *
lsm_catalog_lookup_district (LsmCatalog *self,
                             const char *name)
{
  LsmFeature *exact;
  g_autofree char *folded = NULL;
  guint n;

  g_return_val_if_fail (LSM_IS_CATALOG (self), NULL);

  if ((exact = find_by (self->districts, feature_has_name, name)) != NULL)
    return exact;

  folded = lsm_search_fold (name);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->districts));
  for (guint i = 0; i < n; i++)
    {
      LsmFeature *district = lsm_feature_list_peek (self->districts, i);
      g_autofree char *a = lsm_search_fold (district->name);
      g_autofree char *b = lsm_search_fold (district->name_en);
      g_autofree char *c = lsm_search_fold (district->full_name);

      if (g_str_equal (folded, a) || g_str_equal (folded, b) || g_str_equal (folded, c))
        return district;
    }

  return NULL;
}

/**
 * lsm_catalog_district_at:
 * @self: a catalog
 * @lon: longitude
 * @lat: latitude
 *
 * Returns: (transfer none) (nullable): the district containing the point
 */
LsmFeature *
lsm_catalog_district_at (LsmCatalog *self,
                         double      lon,
                         double      lat)
{
  guint n;

  g_return_val_if_fail (LSM_IS_CATALOG (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->districts));
  for (guint i = 0; i < n; i++)
    {
      LsmFeature *district = lsm_feature_list_peek (self->districts, i);

      if (district->geometry != NULL && lsm_geometry_contains (district->geometry, lon, lat))
        return district;
    }

  return NULL;
}

/**
 * lsm_catalog_list_aggregates:
 * @self: a catalog
 * @scope: "province" or a sector id
 *
 * Returns: (transfer full): a new #GListModel of the aggregate figures of @scope
 */
GListModel *
lsm_catalog_list_aggregates (LsmCatalog *self,
                             const char *scope)
{
  GListStore *store;
  guint n;

  g_return_val_if_fail (LSM_IS_CATALOG (self), NULL);

  store = g_list_store_new (LSM_TYPE_FIGURE);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->aggregates));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LsmFigure) figure = g_list_model_get_item (G_LIST_MODEL (self->aggregates), i);

      if (g_strcmp0 (lsm_figure_get_scope (figure), scope) == 0)
        g_list_store_append (store, figure);
    }

  return G_LIST_MODEL (store);
}

static guint
count_feature_figures (LsmFeatureList *list)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
  guint total = 0;

  for (guint i = 0; i < n; i++)
    {
      LsmFeature *feature = lsm_feature_list_peek (list, i);

      total += feature->n_figures;
    }

  return total;
}

guint
lsm_catalog_count_figures (LsmCatalog *self)
{
  g_return_val_if_fail (LSM_IS_CATALOG (self), 0);

  return count_feature_figures (self->sites)
         + count_feature_figures (self->districts)
         + g_list_model_get_n_items (G_LIST_MODEL (self->aggregates));
}

/**
 * lsm_catalog_get_as_of:
 * @self: a catalog
 *
 * Returns: (nullable): the date of the newest source (ISO 8601), the data's "as of" date
 */
const char *
lsm_catalog_get_as_of (LsmCatalog *self)
{
  g_return_val_if_fail (LSM_IS_CATALOG (self), NULL);

  return self->as_of;
}

/**
 * lsm_catalog_get_problems:
 * @self: a catalog
 *
 * Returns: (transfer none) (array zero-terminated=1): one line per problem found while
 *   loading, each "FILE: problem"
 */
const char * const *
lsm_catalog_get_problems (LsmCatalog *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (LSM_IS_CATALOG (self), NULL);

  /* An empty null-terminated GPtrArray may not have allocated its terminator yet. */
  if (self->problems->pdata == NULL)
    return none;

  return (const char * const *) self->problems->pdata;
}

guint
lsm_catalog_get_n_skipped (LsmCatalog *self)
{
  g_return_val_if_fail (LSM_IS_CATALOG (self), 0);

  return self->n_skipped;
}

/**
 * _lsm_catalog_make_printable:
 * @text: a message that may quote a file's bytes
 *
 * Messages quote values from the file. Broken UTF-8 cannot be shown, and a control character
 * would end the line or drive the terminal, so that one line would pass for two or hide its
 * start: both become U+FFFD.
 *
 * Returns: (transfer full): @text, valid UTF-8 on one line
 */
/* Most messages are already printable: a site outside the units is one line per site of a
 * large set, and the rewrite below costs more than the message. C0, DEL and C1 (C2 80 … C2 9F)
 * are what it would replace. */
static gboolean
is_printable (const char *text)
{
  const guchar *b;

  for (b = (const guchar *) text; *b != '\0'; b++)
    if (*b < 0x20 || *b == 0x7f || (b[0] == 0xc2 && b[1] >= 0x80 && b[1] <= 0x9f))
      return FALSE;
  return g_utf8_validate (text, -1, NULL);
}

char *
_lsm_catalog_make_printable (const char *text)
{
  g_autofree char *valid = NULL;
  GString *shown;

  if (is_printable (text))
    return g_strdup (text);

  valid = g_utf8_make_valid (text, -1);
  shown = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_string_append_unichar (shown, g_unichar_iscntrl (c) ? 0xFFFD : c);
    }

  return g_string_free (shown, FALSE);
}

void
_lsm_catalog_add_problem (LsmCatalog *self,
                          const char *file,
                          const char *format,
                          ...)
{
  g_autoptr(GString) line = g_string_new (file);
  va_list args;

  /* A large file may have a problem per feature: one allocation each, and no debug line
   * formatted for nobody. */
  g_string_append (line, ": ");
  va_start (args, format);
  g_string_append_vprintf (line, format, args);
  va_end (args);

  if (is_printable (line->str))
    g_ptr_array_add (self->problems, g_string_free (g_steal_pointer (&line), FALSE));
  else
    g_ptr_array_add (self->problems, _lsm_catalog_make_printable (line->str));
  if (!g_log_writer_default_would_drop (G_LOG_LEVEL_DEBUG, G_LOG_DOMAIN))
    g_debug ("%s", (const char *) g_ptr_array_index (self->problems, self->problems->len - 1));
}

void
_lsm_catalog_add_skipped (LsmCatalog *self,
                          guint       n_skipped)
{
  self->n_skipped += n_skipped;
}

static void
store_set (GListStore *store,
           GPtrArray  *items)
{
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       items->pdata, items->len);
}

void
_lsm_catalog_set_sites (LsmCatalog *self,
                        GPtrArray  *sites,
                        const char *file)
{
  lsm_feature_list_set (self->sites, sites);
  g_free (self->sites_file);
  self->sites_file = g_strdup (file);
}

void
_lsm_catalog_set_districts (LsmCatalog *self,
                            GPtrArray  *districts,
                            const char *file)
{
  lsm_feature_list_set (self->districts, districts);
  g_free (self->districts_file);
  self->districts_file = g_strdup (file);
}

void
_lsm_catalog_set_context (LsmCatalog *self,
                          GPtrArray  *context)
{
  lsm_feature_list_set (self->context, context);
}

void
_lsm_catalog_set_province (LsmCatalog  *self,
                           LsmGeometry *outline)
{
  g_clear_pointer (&self->province, lsm_geometry_unref);
  if (outline != NULL)
    self->province = lsm_geometry_ref (outline);
}

void
_lsm_catalog_set_sources (LsmCatalog *self,
                          GPtrArray  *sources)
{
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) crosschecks = g_ptr_array_new_with_free_func (g_object_unref);

  /* Split here, once, so that whatever counts or numbers "the sources" counts the articles. */
  g_hash_table_remove_all (self->sources_by_id);
  for (guint i = 0; i < sources->len; i++)
    {
      LsmSource *source = g_ptr_array_index (sources, i);

      g_hash_table_insert (self->sources_by_id, source->id, g_object_ref (source));
      g_ptr_array_add (source->kind == LSM_SOURCE_CROSSCHECK ? crosschecks : articles, g_object_ref (source));
    }
  store_set (self->sources, articles);
  store_set (self->crosschecks, crosschecks);

  /* The data is as recent as its newest article. */
  g_clear_pointer (&self->as_of, g_free);
  for (guint i = 0; i < articles->len; i++)
    {
      LsmSource *source = g_ptr_array_index (articles, i);

      if (source->date != NULL && g_strcmp0 (source->date, self->as_of) > 0)
        {
          g_free (self->as_of);
          self->as_of = g_strdup (source->date);
        }
    }
}

const char *
_lsm_catalog_get_sites_file (LsmCatalog *self)
{
  return self->sites_file;
}

const char *
_lsm_catalog_get_figures_file (LsmCatalog *self)
{
  return self->aggregates_file;
}

void
_lsm_catalog_set_aggregates (LsmCatalog *self,
                             GPtrArray  *figures,
                             const char *file)
{
  store_set (self->aggregates, figures);
  g_free (self->aggregates_file);
  self->aggregates_file = g_strdup (file);
}

/**
 * lsm_catalog_get_units_2025:
 * @self: a catalog
 *
 * Returns: (transfer none): a #GListModel of the commune-level units in force since
 *   1 July 2025 (empty when the data has none)
 */
GListModel *
lsm_catalog_get_units_2025 (LsmCatalog *self)
{
  g_return_val_if_fail (LSM_IS_CATALOG (self), NULL);

  return G_LIST_MODEL (self->units_2025);
}

void
_lsm_catalog_set_units_2025 (LsmCatalog *self,
                             GPtrArray  *units)
{
  lsm_feature_list_set (self->units_2025, units);
}
