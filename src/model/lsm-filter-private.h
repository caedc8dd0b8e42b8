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
  GArray     *counts;           /* LsmFilterCounts per sector index */
  guint       n_hidden_matches; /* match the search, hidden by the other filters */
  gboolean    narrowed;         /* a filter other than the search is set */

  /* changes made as one */
  guint       frozen;
  guint       pending;          /* 1 << property of each change not yet told */
};

/* What, besides the search, hides a site. */
typedef enum
{
  LSM_HIDDEN_BY_SECTOR   = 1 << 0,
  LSM_HIDDEN_BY_STATUS   = 1 << 1,
  LSM_HIDDEN_BY_DISTRICT = 1 << 2,
  LSM_HIDDEN_BY_COMMUNE  = 1 << 3,
} LsmHiddenBy;

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
void     _lsm_filter_counts_reset       (LsmFilter           *self,
                                         guint                n_sectors);
void     _lsm_filter_counts_add         (LsmFilter           *self,
                                         LsmFeature          *site,
                                         gboolean             matches,
                                         gboolean             shown);

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
