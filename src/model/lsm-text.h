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

const char *lsm_text_get   (const LsmText *text);
gboolean    lsm_text_is_set (const LsmText *text);
void        lsm_text_clear (LsmText       *text);

G_END_DECLS
