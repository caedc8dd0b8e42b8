/* lsm-source-private.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lsm-source.h"
#include "lsm-text.h"

G_BEGIN_DECLS

struct _LsmSource
{
  GObject   parent_instance;

  char     *id;
  LsmSourceKind kind;
  char     *title;
  char     *outlet;
  gboolean  outlet_inferred;
  LsmText   outlet_note;  /* how the outlet was established */
  char     *author;
  char     *date;         /* ISO 8601 date, or NULL when the article prints none */
  char     *date_printed;
  LsmText   date_note;
  char     *file;
};

LsmSource *_lsm_source_new (void);

G_END_DECLS
