/* lsm-filter-private.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lsm-filter.h"

G_BEGIN_DECLS

/* Sectors and statuses differ only in their vocabulary: one set of id helpers serves both. */
typedef struct
{
  guint       (*get_count) (void);
  const char *(*get_id)    (guint       index);
  gboolean    (*from_id)   (const char *id,
                            guint      *index);
} LsmVocabulary;

extern const LsmVocabulary _lsm_sector_vocabulary;
extern const LsmVocabulary _lsm_status_vocabulary;

char   **_lsm_filter_ids_normalize      (const char * const  *ids);
char   **_lsm_filter_ids_with           (const char * const  *ids,
                                         const char          *id,
                                         gboolean             present);
char   **_lsm_filter_ids_complement     (const LsmVocabulary *vocabulary,
                                         const char * const  *ids);
guint8  *_lsm_filter_ids_hidden_indices (const LsmVocabulary *vocabulary,
                                         char               **ids,
                                         guint               *n_indices);

G_END_DECLS
