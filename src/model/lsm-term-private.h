/* lsm-term-private.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The id↔label vocabularies (statuses, precisions, qualifiers, units, metrics) are tables whose
 * rows start with an LsmTerm: one lookup and one translation serve them all. */
typedef struct
{
  const char *id;
  const char *label;   /* a msgid in the table's context; NULL for a value without a name */
  const char *aliases; /* NULL, or names a user's file may write, "|" between them: the
                        * Vietnamese label first, then synonyms (see _lsm_term_matches()) */
} LsmTerm;

typedef struct
{
  const char    *context; /* the labels' msgctxt, or NULL for plain N_() */
  gconstpointer  rows;
  gsize          stride;
  guint          n_rows;
} LsmTermTable;

#define LSM_TERM_TABLE(msgctxt, array) { msgctxt, array, sizeof (array)[0], G_N_ELEMENTS (array) }

gboolean    _lsm_term_table_find      (const LsmTermTable *table,
                                       const char         *id,
                                       guint              *index);
const char *_lsm_term_table_get_id    (const LsmTermTable *table,
                                       guint               index);
const char *_lsm_term_table_get_label (const LsmTermTable *table,
                                       guint               index);
gboolean    _lsm_term_matches         (const char         *text,
                                       const char         *id,
                                       const char         *msgid,
                                       const char         *label,
                                       const char         *aliases);
gboolean    _lsm_term_table_match     (const LsmTermTable *table,
                                       const char         *text,
                                       guint              *index);

/* prefix_get_id(), prefix_get_label() and prefix_from_id() of an enumeration whose values index
 * the table. */
#define LSM_DEFINE_TERM_ACCESSORS(Type, prefix, table)                 \
  const char *                                                         \
  prefix##_get_id (Type value)                                         \
  {                                                                    \
    return _lsm_term_table_get_id (&(table), value);                   \
  }                                                                    \
                                                                       \
  const char *                                                         \
  prefix##_get_label (Type value)                                      \
  {                                                                    \
    return _lsm_term_table_get_label (&(table), value);                \
  }                                                                    \
                                                                       \
  gboolean                                                             \
  prefix##_from_id (const char *id,                                    \
                    Type       *value)                                 \
  {                                                                    \
    guint index;                                                       \
                                                                       \
    if (!_lsm_term_table_find (&(table), id, &index))                  \
      return FALSE;                                                    \
    *value = index;                                                    \
    return TRUE;                                                       \
  }                                                                    \
                                                                       \
  gboolean                                                             \
  prefix##_from_text (const char *text,                                \
                      Type       *value)                               \
  {                                                                    \
    guint index;                                                       \
                                                                       \
    if (!_lsm_term_table_match (&(table), text, &index))               \
      return FALSE;                                                    \
    *value = index;                                                    \
    return TRUE;                                                       \
  }

G_END_DECLS
