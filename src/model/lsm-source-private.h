/* lsm-source-private.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lsm-source.h"

G_BEGIN_DECLS

struct _LsmSource
{
  GObject   parent_instance;

  char     *id;
  char     *title;
  char     *outlet;
  gboolean  outlet_inferred;
  char     *outlet_note;  /* English: how the outlet was established */
  char     *author;
  char     *date;         /* ISO 8601 date, or NULL when the article prints none */
  char     *date_printed;
  char     *date_note;
  char     *file;
};

LsmSource *_lsm_source_new (void);

G_END_DECLS
