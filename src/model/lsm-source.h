/* lsm-source.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lsm-types.h"

G_BEGIN_DECLS

#define LSM_TYPE_SOURCE (lsm_source_get_type ())

typedef enum
{
  LSM_SOURCE_ARTICLE,     /* one of the press articles the figures are read from */
  LSM_SOURCE_CROSSCHECK,  /* an outside record, cited only where it differs from them */
} LsmSourceKind;

G_DECLARE_FINAL_TYPE (LsmSource, lsm_source, LSM, SOURCE, GObject)

gboolean    lsm_source_kind_from_id        (const char    *id,
                                            LsmSourceKind *kind);

const char *lsm_source_get_id              (LsmSource *self);
LsmSourceKind lsm_source_get_kind          (LsmSource *self);
const char *lsm_source_get_title           (LsmSource *self);
const char *lsm_source_get_outlet          (LsmSource *self);
gboolean    lsm_source_get_outlet_inferred (LsmSource *self);
const char *lsm_source_get_outlet_note     (LsmSource *self);
const char *lsm_source_get_author          (LsmSource *self);
const char *lsm_source_get_date            (LsmSource *self);
const char *lsm_source_get_date_printed    (LsmSource *self);
const char *lsm_source_get_date_note       (LsmSource *self);
const char *lsm_source_get_file            (LsmSource *self);
char       *lsm_source_format_citation     (LsmSource *self);

G_END_DECLS
