/* lsm-filter-private.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lsm-filter.h"

G_BEGIN_DECLS

struct _LsmFilter
{
  GObject     parent_instance;

  /* the state */
  char      **hidden_sectors;   /* sorted, unique ids; never NULL */
  char      **hidden_statuses;
  char       *district;
  char       *commune_2025;     /* the code of a unit of 2025 */
  char       *search_text;
  char       *folded_search;

  /* owned references */
  GListModel *model;
  gulong      model_items_changed_id;

  /* the result of the last pass over the model */
  GPtrArray  *items;            /* LsmFeature, in the model's order */
  GArray     *n_visible;        /* guint per sector index */
  GArray     *n_total;
};

enum {
  PROP_0,
  PROP_MODEL,
  PROP_HIDDEN_SECTORS,
  PROP_HIDDEN_STATUSES,
  PROP_DISTRICT,
  PROP_SEARCH_TEXT,
  PROP_ITEM_TYPE,
  PROP_N_ITEMS,
  PROP_COMMUNE_2025,
  N_PROPS
};

/* Recomputes the sites and counts, notifies @prop (unless %PROP_0) and emits ::changed. */
void     _lsm_filter_update             (LsmFilter           *self,
                                         guint                prop);

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
