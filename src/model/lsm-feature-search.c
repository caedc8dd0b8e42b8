/* lsm-feature-search.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-feature"

#include "config.h"

#include <string.h>

#include "lsm-feature-private.h"
#include "lsm-search.h"

/* A feature's folded search keys: made on the first search, shared between threads. */

/* The folded names, the feature's own first: a search ranks the features whose own names match
 * above those that only lie in a matching district. */
typedef struct
{
  gsize name_len;  /* how much of text is the folded name and name_en */
  char  text[];
} SearchKey;

static char *
fold_parts (const char * const *parts,
            guint               n_parts)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < n_parts; i++)
    {
      if (parts[i] == NULL)
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, parts[i]);
    }

  return lsm_search_fold (text->str);
}

/* Made when a search first needs it, not at load: most features of a large set are never
 * searched, and 100k keys cost more memory than the rest of their sites. Features are shared
 * between threads once published, hence the exchange: the loser of a race frees its copy. */
static const SearchKey *
ensure_search_key (LsmFeature *self)
{
  SearchKey *key = g_atomic_pointer_get (&self->search_key);
  const char *names[] = { self->name, self->name_en };
  const char *rest[] = {
    self->full_name, self->district, self->commune, self->subtype,
    self->unit_2025 != NULL ? self->unit_2025->full_name : NULL,
  };
  g_autofree char *folded_names = NULL;
  g_autofree char *folded_rest = NULL;
  gsize names_len, rest_len;

  if (key != NULL)
    return key;

  /* Folding the parts apart and joining them with a space gives what folding them joined by
   * line breaks gives: a break folds to one space, and no folded word holds one. */
  folded_names = fold_parts (names, G_N_ELEMENTS (names));
  folded_rest = fold_parts (rest, G_N_ELEMENTS (rest));
  names_len = strlen (folded_names);
  rest_len = strlen (folded_rest);
  key = g_malloc (sizeof (SearchKey) + names_len + 1 + rest_len + 1);
  key->name_len = names_len;
  memcpy (key->text, folded_names, names_len);
  if (names_len > 0 && rest_len > 0)
    key->text[names_len++] = ' ';
  memcpy (key->text + names_len, folded_rest, rest_len + 1);

  if (!g_atomic_pointer_compare_and_exchange (&self->search_key, NULL, key))
    {
      g_free (key);
      key = g_atomic_pointer_get (&self->search_key);
    }

  return key;
}

/* The names, district or unit changed: only while loading, before anyone searches. */
void
_lsm_feature_forget_search_key (LsmFeature *self)
{
  g_clear_pointer (&self->search_key, g_free);
}

const char *
lsm_feature_get_search_key (LsmFeature *self)
{
  g_return_val_if_fail (LSM_IS_FEATURE (self), NULL);

  return ensure_search_key (self)->text;
}

/**
 * lsm_feature_name_matches:
 * @self: a feature
 * @folded_query: a query folded with lsm_search_fold()
 *
 * Returns: whether the query matches the feature's own names, not only its district, commune
 *   or kind; such results come first
 */
gboolean
lsm_feature_name_matches (LsmFeature *self,
                          const char *folded_query)
{
  const SearchKey *key;

  g_return_val_if_fail (LSM_IS_FEATURE (self), FALSE);

  /* An empty query matches all: no key needed. */
  if (folded_query == NULL || *folded_query == '\0')
    return TRUE;
  key = ensure_search_key (self);
  return lsm_search_key_matches_within (key->text, key->name_len, folded_query);
}

/**
 * lsm_feature_matches:
 * @self: a feature
 * @folded_query: a query folded with lsm_search_fold()
 *
 * Returns: whether every word of the query occurs in the feature's names
 */
gboolean
lsm_feature_matches (LsmFeature *self,
                     const char *folded_query)
{
  g_return_val_if_fail (LSM_IS_FEATURE (self), FALSE);

  if (folded_query == NULL || *folded_query == '\0')
    return TRUE;
  return lsm_search_key_matches (ensure_search_key (self)->text, folded_query);
}
