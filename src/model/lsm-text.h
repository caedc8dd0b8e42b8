/* lsm-text.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A curator's text written in both languages of the program. Either may be missing (data from
 * elsewhere often has English only); the reader then gets the other rather than nothing. */
typedef struct
{
  char *vi;
  char *en;
} LsmText;

/* Strings that live as long as the features and figures of one load: the loader copies their
 * own strings into it, one after another, rather than allocating each on its own. Filled by one
 * thread; referenced by every feature or figure that points into it. */
typedef struct _LsmTextStore LsmTextStore;

LsmTextStore *lsm_text_store_new    (void);
LsmTextStore *lsm_text_store_ref    (LsmTextStore *self);
void          lsm_text_store_unref  (LsmTextStore *self);
char         *lsm_text_store_take   (LsmTextStore *self,
                                     char         *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LsmTextStore, lsm_text_store_unref)

const char *lsm_text_get   (const LsmText *text);
gboolean    lsm_text_is_set (const LsmText *text);
void        lsm_text_clear (LsmText       *text);

G_END_DECLS
