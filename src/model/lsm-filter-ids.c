/* lsm-filter-ids.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-filter"

#include "config.h"

#include <glib/gi18n.h>

#include "lsm-filter-private.h"
#include "lsm-vocab.h"

/* The filter's hidden sectors and statuses are sets of ids, sorted and unique, so equal sets
 * compare equal and a GSettings binding does not loop; these helpers keep them so and turn
 * them into indices for the filter's pass, and parse what the command line gives. */

static const char *
sector_get_id (guint index)
{
  return index < lsm_sector_get_count () ? lsm_sector_get_id (index) : NULL;
}

static gboolean
sector_from_id (const char *id,
                guint      *index)
{
  LsmSector sector;

  if (!lsm_sector_from_id (id, &sector))
    return FALSE;

  *index = sector;
  return TRUE;
}

static guint
status_get_count (void)
{
  return LSM_N_STATUSES;
}

static const char *
status_get_id (guint index)
{
  return index < LSM_N_STATUSES ? lsm_status_get_id (index) : NULL;
}

static gboolean
status_from_id (const char *id,
                guint      *index)
{
  LsmStatus status;

  if (!lsm_status_from_id (id, &status))
    return FALSE;

  *index = status;
  return TRUE;
}

const LsmVocabulary _lsm_sector_vocabulary = { lsm_sector_get_count, sector_get_id, sector_from_id };
const LsmVocabulary _lsm_status_vocabulary = { status_get_count, status_get_id, status_from_id };

/* Which indices the hidden ids name, as of now: rows registered since the last pass count. */
guint8 *
_lsm_filter_ids_hidden_indices (const LsmVocabulary *vocabulary,
                                char               **ids,
                                guint               *n_indices)
{
  guint n = vocabulary->get_count ();
  guint8 *hidden = g_new0 (guint8, MAX (n, 1));

  for (guint i = 0; ids[i] != NULL; i++)
    {
      guint index;

      if (vocabulary->from_id (ids[i], &index) && index < n)
        hidden[index] = TRUE;
    }

  *n_indices = n;
  return hidden;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Sorted and unique, so equal sets compare equal and a binding does not loop. */
char **
_lsm_filter_ids_normalize (const char * const *ids)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  GPtrArray *unique = g_ptr_array_new ();

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    if (*ids[i] != '\0')
      g_ptr_array_add (sorted, (gpointer) ids[i]);
  g_ptr_array_sort (sorted, compare_ids);

  for (guint i = 0; i < sorted->len; i++)
    if (i == 0 || strcmp (sorted->pdata[i], sorted->pdata[i - 1]) != 0)
      g_ptr_array_add (unique, g_strdup (sorted->pdata[i]));
  g_ptr_array_add (unique, NULL);

  return (char **) g_ptr_array_free (unique, FALSE);
}

/* A copy of @ids with @id in it or not. */
char **
_lsm_filter_ids_with (const char * const *ids,
                      const char         *id,
                      gboolean            present)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) result = NULL;

  for (guint i = 0; ids[i] != NULL; i++)
    if (strcmp (ids[i], id) != 0)
      g_strv_builder_add (builder, ids[i]);
  if (present)
    g_strv_builder_add (builder, id);

  result = g_strv_builder_end (builder);
  return _lsm_filter_ids_normalize ((const char * const *) result);
}

/* The ids of the vocabulary's rows, as of now, that are not in @ids. */
char **
_lsm_filter_ids_complement (const LsmVocabulary *vocabulary,
                            const char * const  *ids)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n = vocabulary->get_count ();

  for (guint i = 0; i < n; i++)
    {
      const char *id = vocabulary->get_id (i);

      if (id != NULL && (ids == NULL || !g_strv_contains (ids, id)))
        g_strv_builder_add (builder, id);
    }

  return g_strv_builder_end (builder);
}

static GStrv
parse_list (const char       *list,
            const LsmVocabulary *vocabulary,
            const char       *unknown_format,
            GError          **error)
{
  g_auto(GStrv) ids = g_strsplit (list, ",", -1);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      char *id = g_strstrip (ids[i]);
      guint index;

      if (*id != '\0' && !vocabulary->from_id (id, &index))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, unknown_format, id);
          return NULL;
        }
    }

  return _lsm_filter_ids_normalize ((const char * const *) ids);
}

/**
 * lsm_filter_parse_sectors:
 * @list: comma-separated sector ids, as typed after `--sector=`
 * @error: return location for an error naming the first unknown id
 *
 * Returns: (transfer full) (nullable): the ids, sorted, or %NULL if one is not a sector
 */
GStrv
lsm_filter_parse_sectors (const char  *list,
                          GError     **error)
{
  g_return_val_if_fail (list != NULL, NULL);

  /* Translators: %s is what the user typed after --sector= */
  return parse_list (list, &_lsm_sector_vocabulary, _("Unknown sector “%s” (see --help for the list)"), error);
}

/**
 * lsm_filter_parse_statuses:
 * @list: comma-separated status ids, as typed after `--status=`
 * @error: return location for an error naming the first unknown id
 *
 * Returns: (transfer full) (nullable): the ids, sorted, or %NULL if one is not a status
 */
GStrv
lsm_filter_parse_statuses (const char  *list,
                           GError     **error)
{
  g_return_val_if_fail (list != NULL, NULL);

  /* Translators: %s is what the user typed after --status= */
  return parse_list (list, &_lsm_status_vocabulary, _("Unknown status “%s” (see --help for the list)"), error);
}
