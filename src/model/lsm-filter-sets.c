/* lsm-filter-sets.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-filter"

#include "config.h"

#include "lsm-filter-private.h"

/* The filter's sets of hidden sectors and statuses: the two differ only in their vocabulary,
 * so one set of helpers serves both. */

static void
set_hidden (LsmFilter          *self,
            char             ***hidden,
            const char * const *ids,
            guint               prop)
{
  char **normal = _lsm_filter_ids_normalize (ids);

  if (g_strv_equal ((const char * const *) normal, (const char * const *) *hidden))
    {
      g_strfreev (normal);
      return;
    }

  g_strfreev (*hidden);
  *hidden = normal;
  _lsm_filter_update (self, prop);
}

static void
set_visible (LsmFilter  *self,
             char     ***hidden,
             const char *id,
             gboolean    visible,
             guint       prop)
{
  g_auto(GStrv) ids = _lsm_filter_ids_with ((const char * const *) *hidden, id, !visible);

  set_hidden (self, hidden, (const char * const *) ids, prop);
}

/* Hides every row of the vocabulary not in @ids; rows added later are shown. */
static void
show_only (LsmFilter          *self,
           const LsmVocabulary *vocabulary,
           char             ***hidden,
           const char * const *ids,
           guint               prop)
{
  g_auto(GStrv) others = _lsm_filter_ids_complement (vocabulary, ids);

  set_hidden (self, hidden, (const char * const *) others, prop);
}

static gboolean
get_visible (char       **hidden,
             const char  *id)
{
  /* No id (a status of nothing), no way to hide it. */
  return id == NULL || !g_strv_contains ((const char * const *) hidden, id);
}

/**
 * lsm_filter_get_hidden_sectors:
 * @self: a filter
 *
 * Returns: (transfer none): the ids of the hidden sectors, sorted
 */
const char * const *
lsm_filter_get_hidden_sectors (LsmFilter *self)
{
  g_return_val_if_fail (LSM_IS_FILTER (self), NULL);

  return (const char * const *) self->hidden_sectors;
}

/**
 * lsm_filter_set_hidden_sectors:
 * @self: a filter
 * @ids: (nullable) (array zero-terminated=1): sector ids; ids of no known sector are kept, for
 *   a sector that may be registered later
 */
void
lsm_filter_set_hidden_sectors (LsmFilter          *self,
                               const char * const *ids)
{
  g_return_if_fail (LSM_IS_FILTER (self));

  set_hidden (self, &self->hidden_sectors, ids, PROP_HIDDEN_SECTORS);
}

/**
 * lsm_filter_get_sector_visible:
 * @self: a filter
 * @sector: a sector index, registered or not
 *
 * Returns: whether the sector's sites are shown; a sector the filter does not know is
 */
gboolean
lsm_filter_get_sector_visible (LsmFilter *self,
                               LsmSector  sector)
{
  g_return_val_if_fail (LSM_IS_FILTER (self), FALSE);

  return get_visible (self->hidden_sectors, _lsm_sector_vocabulary.get_id (sector));
}

void
lsm_filter_set_sector_visible (LsmFilter *self,
                               LsmSector  sector,
                               gboolean   visible)
{
  const char *id = _lsm_sector_vocabulary.get_id (sector);

  g_return_if_fail (LSM_IS_FILTER (self));
  g_return_if_fail (id != NULL);

  set_visible (self, &self->hidden_sectors, id, visible, PROP_HIDDEN_SECTORS);
}

/**
 * lsm_filter_show_only_sectors:
 * @self: a filter
 * @ids: (nullable) (array zero-terminated=1): the sector ids to show, e.g. from
 *   lsm_filter_parse_sectors()
 *
 * Hides every sector known now that is not in @ids, in one change.
 */
void
lsm_filter_show_only_sectors (LsmFilter          *self,
                              const char * const *ids)
{
  g_return_if_fail (LSM_IS_FILTER (self));

  show_only (self, &_lsm_sector_vocabulary, &self->hidden_sectors, ids, PROP_HIDDEN_SECTORS);
}

/**
 * lsm_filter_get_hidden_statuses:
 * @self: a filter
 *
 * Returns: (transfer none): the ids of the hidden statuses, sorted
 */
const char * const *
lsm_filter_get_hidden_statuses (LsmFilter *self)
{
  g_return_val_if_fail (LSM_IS_FILTER (self), NULL);

  return (const char * const *) self->hidden_statuses;
}

/**
 * lsm_filter_set_hidden_statuses:
 * @self: a filter
 * @ids: (nullable) (array zero-terminated=1): status ids
 */
void
lsm_filter_set_hidden_statuses (LsmFilter          *self,
                                const char * const *ids)
{
  g_return_if_fail (LSM_IS_FILTER (self));

  set_hidden (self, &self->hidden_statuses, ids, PROP_HIDDEN_STATUSES);
}

gboolean
lsm_filter_get_status_visible (LsmFilter *self,
                               LsmStatus  status)
{
  g_return_val_if_fail (LSM_IS_FILTER (self), FALSE);

  return get_visible (self->hidden_statuses, _lsm_status_vocabulary.get_id (status));
}

void
lsm_filter_set_status_visible (LsmFilter *self,
                               LsmStatus  status,
                               gboolean   visible)
{
  const char *id = _lsm_status_vocabulary.get_id (status);

  g_return_if_fail (LSM_IS_FILTER (self));
  g_return_if_fail (id != NULL);

  set_visible (self, &self->hidden_statuses, id, visible, PROP_HIDDEN_STATUSES);
}

/**
 * lsm_filter_show_only_statuses:
 * @self: a filter
 * @ids: (nullable) (array zero-terminated=1): the status ids to show
 *
 * Hides every status that is not in @ids, in one change.
 */
void
lsm_filter_show_only_statuses (LsmFilter          *self,
                               const char * const *ids)
{
  g_return_if_fail (LSM_IS_FILTER (self));

  show_only (self, &_lsm_status_vocabulary, &self->hidden_statuses, ids, PROP_HIDDEN_STATUSES);
}
