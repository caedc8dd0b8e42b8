/* lsm-term.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-term"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "lsm-search.h"
#include "lsm-term-private.h"

static const LsmTerm *
get_term (const LsmTermTable *table,
          guint               index)
{
  return (const LsmTerm *) ((const char *) table->rows + index * table->stride);
}

/**
 * _lsm_term_table_find:
 * @table: a vocabulary
 * @id: (nullable): an id, as the data writes it
 * @index: (out): the row with @id
 *
 * Returns: whether a row has @id; ids are matched exactly
 */
gboolean
_lsm_term_table_find (const LsmTermTable *table,
                      const char         *id,
                      guint              *index)
{
  if (id == NULL)
    return FALSE;

  for (guint i = 0; i < table->n_rows; i++)
    {
      const char *row_id = get_term (table, i)->id;

      if (row_id != NULL && strcmp (row_id, id) == 0)
        {
          *index = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
_lsm_term_table_get_id (const LsmTermTable *table,
                        guint               index)
{
  g_return_val_if_fail (index < table->n_rows, NULL);

  return get_term (table, index)->id;
}

/**
 * _lsm_term_table_get_label:
 * @table: a vocabulary
 * @index: a row
 *
 * Returns: the row's label in the user's language, or "" for a value without a name
 */
const char *
_lsm_term_table_get_label (const LsmTermTable *table,
                           guint               index)
{
  const char *label;

  g_return_val_if_fail (index < table->n_rows, NULL);

  label = get_term (table, index)->label;
  if (label == NULL)
    return "";
  if (table->context == NULL)
    return g_dgettext (GETTEXT_PACKAGE, label);

  return g_dpgettext2 (GETTEXT_PACKAGE, table->context, label);
}

/**
 * _lsm_term_matches:
 * @text: a value as a user's file writes it
 * @id: (nullable): a row's id
 * @msgid: (nullable): its label in English
 * @label: (nullable): its label in the user's language
 * @aliases: (nullable): other names of the row, "|" between them
 *
 * The aliases hold the Vietnamese names, so that a Vietnamese file is read alike whatever the
 * language of the interface, and whether or not a Vietnamese locale is installed.
 *
 * Returns: %TRUE if @text names the row, whatever the case, the diacritics or the punctuation
 *   ("Thủy điện", "thuy dien", "HYDRO")
 */
gboolean
_lsm_term_matches (const char *text,
                   const char *id,
                   const char *msgid,
                   const char *label,
                   const char *aliases)
{
  g_autofree char *folded = lsm_search_fold (text);
  g_auto(GStrv) others = aliases != NULL ? g_strsplit (aliases, "|", -1) : NULL;
  const char *names[] = { id, msgid, label };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *name = names[i] != NULL ? lsm_search_fold (names[i]) : NULL;

      if (name != NULL && *name != '\0' && strcmp (folded, name) == 0)
        return TRUE;
    }

  for (guint i = 0; others != NULL && others[i] != NULL; i++)
    {
      g_autofree char *name = lsm_search_fold (others[i]);

      if (*name != '\0' && strcmp (folded, name) == 0)
        return TRUE;
    }

  return FALSE;
}

gboolean
_lsm_term_table_match (const LsmTermTable *table,
                       const char         *text,
                       guint              *index)
{
  for (guint i = 0; i < table->n_rows; i++)
    {
      const LsmTerm *term = get_term (table, i);

      if (term->id != NULL
          && _lsm_term_matches (text, term->id, term->label, _lsm_term_table_get_label (table, i), term->aliases))
        {
          *index = i;
          return TRUE;
        }
    }

  return FALSE;
}
