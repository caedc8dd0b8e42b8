/* lsm-filter.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-filter"

#include "config.h"

#include "lsm-feature.h"
#include "lsm-filter-private.h"
#include "lsm-search.h"

/* One filter state for every view, and the sites it lets through. The map, the list, the legend
 * counts, the printer and the command line all read this list model and its counts, never a
 * predicate of their own, so what is printed is what is shown by construction.
 *
 * The filter is the model itself rather than a companion object: the state and its result
 * cannot drift apart, and a view needs one object, not two kept in step.
 *
 * Hidden sectors and statuses are kept as ids, not bits: sectors are rows of a table that can
 * grow at run time, and a saved filter must survive rows being added. A sector the filter has
 * never heard of is shown. */

static void lsm_filter_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LsmFilter, lsm_filter, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, lsm_filter_list_model_init))

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
in_unit_2025 (LsmFeature *site,
              const char *code)
{
  LsmFeature *unit = lsm_feature_get_unit_2025 (site);

  return unit != NULL && g_strcmp0 (lsm_feature_get_id (unit), code) == 0;
}

/* Whether anything but the search hides @site: what "Show all" lifts, and Reset clears. */
static gboolean
hidden_by (LsmFilter    *self,
           LsmFeature   *site,
           const guint8 *sector_hidden,
           guint         n_sectors,
           const guint8 *status_hidden,
           guint         n_statuses,
           LsmHiddenBy  *why)
{
  guint sector = lsm_feature_get_sector (site);
  guint status = lsm_feature_get_status (site);
  LsmHiddenBy reasons = 0;

  if (sector < n_sectors && sector_hidden[sector])
    reasons |= LSM_HIDDEN_BY_SECTOR;
  if (status < n_statuses && status_hidden[status])
    reasons |= LSM_HIDDEN_BY_STATUS;
  if (self->district != NULL && g_strcmp0 (self->district, lsm_feature_get_district (site)) != 0)
    reasons |= LSM_HIDDEN_BY_DISTRICT;
  if (self->commune_2025 != NULL && !in_unit_2025 (site, self->commune_2025))
    reasons |= LSM_HIDDEN_BY_COMMUNE;

  if (why != NULL)
    *why = reasons;
  return reasons != 0;
}

/* The one pass: the matching sites and the per-sector counts, together, once per change. */
static void
refilter (LsmFilter *self)
{
  guint n = self->model != NULL ? g_list_model_get_n_items (self->model) : 0;
  GPtrArray *old = self->items;
  GPtrArray *items = g_ptr_array_new_full (n, g_object_unref);
  g_autofree guint8 *sector_hidden = NULL;
  g_autofree guint8 *status_hidden = NULL;
  guint n_sectors, n_statuses;
  guint prefix = 0, suffix = 0, removed, added;

  sector_hidden = _lsm_filter_ids_hidden_indices (&_lsm_sector_vocabulary, self->hidden_sectors, &n_sectors);
  status_hidden = _lsm_filter_ids_hidden_indices (&_lsm_status_vocabulary, self->hidden_statuses, &n_statuses);

  _lsm_filter_counts_reset (self, n_sectors);
  self->n_hidden_matches = 0;
  self->narrowed = self->district != NULL || self->commune_2025 != NULL;
  for (guint i = 0; i < n_sectors; i++)
    self->narrowed |= sector_hidden[i];
  for (guint i = 0; i < n_statuses; i++)
    self->narrowed |= status_hidden[i];

  for (guint i = 0; i < n; i++)
    {
      LsmFeature *site = g_list_model_get_item (self->model, i);
      gboolean matches = lsm_feature_matches (site, self->folded_search);
      gboolean hidden = hidden_by (self, site, sector_hidden, n_sectors, status_hidden, n_statuses, NULL);

      _lsm_filter_counts_add (self, site, matches, matches && !hidden);
      if (!matches || hidden)
        {
          self->n_hidden_matches += matches && self->folded_search != NULL;
          g_object_unref (site);
          continue;
        }

      g_ptr_array_add (items, site);
    }

  /* One items-changed covering only the span that differs, so views keep the rest. */
  while (prefix < old->len && prefix < items->len && old->pdata[prefix] == items->pdata[prefix])
    prefix++;
  while (suffix < old->len - prefix && suffix < items->len - prefix
         && old->pdata[old->len - 1 - suffix] == items->pdata[items->len - 1 - suffix])
    suffix++;
  removed = old->len - prefix - suffix;
  added = items->len - prefix - suffix;

  self->items = items;
  if (removed > 0 || added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix, removed, added);
  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  g_ptr_array_unref (old);
}

void
_lsm_filter_update (LsmFilter *self,
                    guint      prop)
{
  self->pending |= 1u << prop;
  if (self->frozen > 0)
    return;

  refilter (self);
  for (guint p = PROP_0 + 1; p < N_PROPS; p++)
    if (self->pending & (1u << p))
      g_object_notify_by_pspec (G_OBJECT (self), properties[p]);
  self->pending = 0;
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Several changes, one pass and one ::changed: a user's one action is one step for the views. */
static void
freeze (LsmFilter *self)
{
  self->frozen++;
}

static void
thaw (LsmFilter *self)
{
  g_assert (self->frozen > 0);

  if (--self->frozen == 0 && self->pending != 0)
    _lsm_filter_update (self, PROP_0);
}

static void
on_model_items_changed_cb (LsmFilter *self)
{
  _lsm_filter_update (self, PROP_0);
}

static GType
lsm_filter_get_item_type (GListModel *model)
{
  return LSM_TYPE_FEATURE;
}

static guint
lsm_filter_get_n_items (GListModel *model)
{
  return LSM_FILTER (model)->items->len;
}

static gpointer
lsm_filter_get_item (GListModel *model,
                     guint       position)
{
  LsmFilter *self = LSM_FILTER (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
lsm_filter_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = lsm_filter_get_item_type;
  iface->get_n_items = lsm_filter_get_n_items;
  iface->get_item = lsm_filter_get_item;
}

static void
lsm_filter_dispose (GObject *object)
{
  LsmFilter *self = (LsmFilter *) object;

  if (self->model != NULL)
    g_clear_signal_handler (&self->model_items_changed_id, self->model);
  g_clear_object (&self->model);
  if (self->items != NULL)
    g_ptr_array_set_size (self->items, 0);

  G_OBJECT_CLASS (lsm_filter_parent_class)->dispose (object);
}

static void
lsm_filter_finalize (GObject *object)
{
  LsmFilter *self = (LsmFilter *) object;

  g_clear_pointer (&self->hidden_sectors, g_strfreev);
  g_clear_pointer (&self->hidden_statuses, g_strfreev);
  g_clear_pointer (&self->district, g_free);
  g_clear_pointer (&self->commune_2025, g_free);
  g_clear_pointer (&self->search_text, g_free);
  g_clear_pointer (&self->folded_search, g_free);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->counts, g_array_unref);

  G_OBJECT_CLASS (lsm_filter_parent_class)->finalize (object);
}

static void
lsm_filter_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  LsmFilter *self = LSM_FILTER (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, lsm_filter_get_model (self));
      break;

    case PROP_HIDDEN_SECTORS:
      g_value_set_boxed (value, lsm_filter_get_hidden_sectors (self));
      break;

    case PROP_HIDDEN_STATUSES:
      g_value_set_boxed (value, lsm_filter_get_hidden_statuses (self));
      break;

    case PROP_DISTRICT:
      g_value_set_string (value, lsm_filter_get_district (self));
      break;

    case PROP_SEARCH_TEXT:
      g_value_set_string (value, lsm_filter_get_search_text (self));
      break;

    case PROP_ITEM_TYPE:
      g_value_set_gtype (value, LSM_TYPE_FEATURE);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;

    case PROP_COMMUNE_2025:
      g_value_set_string (value, lsm_filter_get_commune_2025 (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lsm_filter_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  LsmFilter *self = LSM_FILTER (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      lsm_filter_set_model (self, g_value_get_object (value));
      break;

    case PROP_HIDDEN_SECTORS:
      lsm_filter_set_hidden_sectors (self, g_value_get_boxed (value));
      break;

    case PROP_HIDDEN_STATUSES:
      lsm_filter_set_hidden_statuses (self, g_value_get_boxed (value));
      break;

    case PROP_DISTRICT:
      lsm_filter_set_district (self, g_value_get_string (value));
      break;

    case PROP_SEARCH_TEXT:
      lsm_filter_set_search_text (self, g_value_get_string (value));
      break;

    case PROP_COMMUNE_2025:
      lsm_filter_set_commune_2025 (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lsm_filter_class_init (LsmFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lsm_filter_dispose;
  object_class->finalize = lsm_filter_finalize;
  object_class->get_property = lsm_filter_get_property;
  object_class->set_property = lsm_filter_set_property;

  /**
   * LsmFilter:model:
   *
   * The sites to filter, a #GListModel of #LsmFeature.
   */
  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * LsmFilter:hidden-sectors:
   *
   * The ids of the sectors whose sites are hidden; any other sector is shown.
   */
  properties[PROP_HIDDEN_SECTORS] =
    g_param_spec_boxed ("hidden-sectors", NULL, NULL, G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * LsmFilter:hidden-statuses:
   *
   * The ids of the statuses whose sites are hidden; any other status is shown.
   */
  properties[PROP_HIDDEN_STATUSES] =
    g_param_spec_boxed ("hidden-statuses", NULL, NULL, G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * LsmFilter:district:
   *
   * The name of the only district whose sites are shown, or %NULL for all.
   */
  properties[PROP_DISTRICT] =
    g_param_spec_string ("district", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * LsmFilter:commune-2025:
   *
   * The code of the only commune-level unit of 2025 whose sites are shown, or %NULL for all.
   */
  properties[PROP_COMMUNE_2025] =
    g_param_spec_string ("commune-2025", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * LsmFilter:search-text:
   *
   * Text the sites' names must contain, ignoring case and diacritics.
   */
  properties[PROP_SEARCH_TEXT] =
    g_param_spec_string ("search-text", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * LsmFilter:item-type:
   *
   * The type of the items, #LsmFeature.
   */
  properties[PROP_ITEM_TYPE] =
    g_param_spec_gtype ("item-type", NULL, NULL, G_TYPE_OBJECT,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * LsmFilter:n-items:
   *
   * The number of sites that pass the filter.
   */
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LsmFilter::changed:
   *
   * Emitted once after any part of the filter or its model changed, when the list and the
   * counts are up to date.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
lsm_filter_init (LsmFilter *self)
{
  self->hidden_sectors = g_new0 (char *, 1);
  self->hidden_statuses = g_new0 (char *, 1);
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->counts = g_array_new (FALSE, TRUE, sizeof (LsmFilterCounts));
}

/**
 * lsm_filter_new:
 * @model: (nullable) (transfer none): the sites to filter
 *
 * Returns: (transfer full): a filter that shows every site of @model
 */
LsmFilter *
lsm_filter_new (GListModel *model)
{
  g_return_val_if_fail (model == NULL || G_IS_LIST_MODEL (model), NULL);

  return g_object_new (LSM_TYPE_FILTER, "model", model, NULL);
}

/**
 * lsm_filter_get_model:
 * @self: a filter
 *
 * Returns: (transfer none) (nullable): the sites filtered
 */
GListModel *
lsm_filter_get_model (LsmFilter *self)
{
  g_return_val_if_fail (LSM_IS_FILTER (self), NULL);

  return self->model;
}

void
lsm_filter_set_model (LsmFilter  *self,
                      GListModel *model)
{
  g_return_if_fail (LSM_IS_FILTER (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_clear_signal_handler (&self->model_items_changed_id, self->model);
  g_set_object (&self->model, model);
  if (model != NULL)
    self->model_items_changed_id =
      g_signal_connect_swapped (model, "items-changed", G_CALLBACK (on_model_items_changed_cb), self);

  _lsm_filter_update (self, PROP_MODEL);
}

const char *
lsm_filter_get_district (LsmFilter *self)
{
  g_return_val_if_fail (LSM_IS_FILTER (self), NULL);

  return self->district;
}

void
lsm_filter_set_district (LsmFilter  *self,
                         const char *district)
{
  g_return_if_fail (LSM_IS_FILTER (self));

  if (district != NULL && *district == '\0')
    district = NULL;
  if (g_strcmp0 (self->district, district) == 0)
    return;

  g_free (self->district);
  self->district = g_strdup (district);
  _lsm_filter_update (self, PROP_DISTRICT);
}

const char *
lsm_filter_get_commune_2025 (LsmFilter *self)
{
  g_return_val_if_fail (LSM_IS_FILTER (self), NULL);

  return self->commune_2025;
}

void
lsm_filter_set_commune_2025 (LsmFilter  *self,
                             const char *code)
{
  g_return_if_fail (LSM_IS_FILTER (self));

  if (code != NULL && *code == '\0')
    code = NULL;
  if (g_strcmp0 (self->commune_2025, code) == 0)
    return;

  g_free (self->commune_2025);
  self->commune_2025 = g_strdup (code);
  _lsm_filter_update (self, PROP_COMMUNE_2025);
}

const char *
lsm_filter_get_search_text (LsmFilter *self)
{
  g_return_val_if_fail (LSM_IS_FILTER (self), NULL);

  return self->search_text;
}

/**
 * lsm_filter_get_folded_search:
 * @self: a filter
 *
 * Returns: (nullable): the search text folded with lsm_search_fold()
 */
const char *
lsm_filter_get_folded_search (LsmFilter *self)
{
  g_return_val_if_fail (LSM_IS_FILTER (self), NULL);

  return self->folded_search;
}

void
lsm_filter_set_search_text (LsmFilter  *self,
                            const char *text)
{
  g_return_if_fail (LSM_IS_FILTER (self));

  if (text != NULL && *text == '\0')
    text = NULL;
  if (g_strcmp0 (self->search_text, text) == 0)
    return;

  g_free (self->search_text);
  g_free (self->folded_search);
  self->search_text = g_strdup (text);
  self->folded_search = text != NULL ? lsm_search_fold (text) : NULL;
  _lsm_filter_update (self, PROP_SEARCH_TEXT);
}

/**
 * lsm_filter_get_narrowed:
 * @self: a filter
 *
 * Returns: whether a sector, status, district or commune filter hides sites; the search is not
 *   counted: "Reset filters" keeps it
 */
gboolean
lsm_filter_get_narrowed (LsmFilter *self)
{
  g_return_val_if_fail (LSM_IS_FILTER (self), FALSE);

  return self->narrowed;
}

/**
 * lsm_filter_reset:
 * @self: a filter
 *
 * Shows every sector, status, district and commune again, in one change; the search stays.
 */
void
lsm_filter_reset (LsmFilter *self)
{
  g_return_if_fail (LSM_IS_FILTER (self));

  freeze (self);
  lsm_filter_set_hidden_sectors (self, NULL);
  lsm_filter_set_hidden_statuses (self, NULL);
  lsm_filter_set_district (self, NULL);
  lsm_filter_set_commune_2025 (self, NULL);
  thaw (self);
}

/**
 * lsm_filter_get_n_hidden_matches:
 * @self: a filter
 *
 * Returns: how many sites match the search but are hidden by the other filters; 0 without a
 *   search
 */
guint
lsm_filter_get_n_hidden_matches (LsmFilter *self)
{
  g_return_val_if_fail (LSM_IS_FILTER (self), 0);

  return self->n_hidden_matches;
}

/**
 * lsm_filter_show_hidden_matches:
 * @self: a filter
 *
 * Lifts, in one change, the filters that hide matches of the search: the sectors and statuses
 * of those sites are shown, and a district or commune that excludes one of them is cleared.
 * Filters that hide no match stay.
 */
void
lsm_filter_show_hidden_matches (LsmFilter *self)
{
  g_autofree guint8 *sector_hidden = NULL;
  g_autofree guint8 *status_hidden = NULL;
  guint n_sectors, n_statuses;
  guint n;
  LsmHiddenBy all = 0;

  g_return_if_fail (LSM_IS_FILTER (self));

  if (self->folded_search == NULL || self->model == NULL)
    return;

  sector_hidden = _lsm_filter_ids_hidden_indices (&_lsm_sector_vocabulary, self->hidden_sectors, &n_sectors);
  status_hidden = _lsm_filter_ids_hidden_indices (&_lsm_status_vocabulary, self->hidden_statuses, &n_statuses);

  freeze (self);
  n = g_list_model_get_n_items (self->model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LsmFeature) site = g_list_model_get_item (self->model, i);
      LsmHiddenBy why;

      if (!lsm_feature_matches (site, self->folded_search)
          || !hidden_by (self, site, sector_hidden, n_sectors, status_hidden, n_statuses, &why))
        continue;

      all |= why;
      if (why & LSM_HIDDEN_BY_SECTOR)
        lsm_filter_set_sector_visible (self, lsm_feature_get_sector (site), TRUE);
      if (why & LSM_HIDDEN_BY_STATUS)
        lsm_filter_set_status_visible (self, lsm_feature_get_status (site), TRUE);
    }
  if (all & LSM_HIDDEN_BY_DISTRICT)
    lsm_filter_set_district (self, NULL);
  if (all & LSM_HIDDEN_BY_COMMUNE)
    lsm_filter_set_commune_2025 (self, NULL);
  thaw (self);
}
