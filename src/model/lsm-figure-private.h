/* lsm-figure-private.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lsm-figure.h"
#include "lsm-text.h"

G_BEGIN_DECLS

/* Filled in once by the reader, then never changed: figures are shared across threads
 * only after loading has finished. */
struct _LsmFigure
{
  GObject       parent_instance;

  char         *id;
  char         *metric;
  gboolean      numeric;
  double        value;
  gboolean      has_value_max;
  double        value_max;
  gboolean      has_value_of;
  double        value_of;
  char         *text;
  char         *text_en;
  char         *unit;
  char         *period;
  LsmText       period_note;
  LsmStatus     status;
  LsmQualifier  qualifier;
  char         *relates_to;
  char         *source_id;
  char         *quote;
  LsmText       note;
  char         *scope;
  char         *crosscheck_source_id;  /* an outside record that differs, never an article */
  LsmText       crosscheck_note;
};

LsmFigure *_lsm_figure_new (void);

G_END_DECLS
