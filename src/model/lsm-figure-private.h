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

/* What few figures have: kept apart so that the many without it do not pay for its fields. */
typedef struct
{
  gboolean      has_value_max;
  double        value_max;
  gboolean      has_value_of;
  double        value_of;
  char         *text_en;
  LsmText       period_note;
  char         *relates_to;
  LsmText       note;
  char         *scope;
  const char   *crosscheck_source_id;  /* an outside record that differs, never an article; interned */
  LsmText       crosscheck_note;
} LsmFigureRare;

/* Filled in once by the reader, then never changed: figures are shared across threads
 * only after loading has finished. The short words that repeat over every row (metric, unit,
 * period, source) are interned: a million figures name a few dozen of them. */
struct _LsmFigure
{
  GObject        parent_instance;

  char          *id;
  const char    *metric;
  double         value;
  char          *text;
  const char    *unit;
  const char    *period;
  const char    *source_id;
  char          *quote;
  LsmFigureRare *rare;      /* NULL when the figure has none of it */
  LsmTextStore  *texts;     /* once compacted: where id, text and quote live */
  guint8         status;    /* LsmStatus */
  guint8         qualifier; /* LsmQualifier */
  gboolean       numeric : 1;
};

LsmFigure *_lsm_figure_new      (void);
void       _lsm_figure_set_rare (LsmFigure     *self,
                                 LsmFigureRare *rare);
void       _lsm_figure_compact  (LsmFigure     *self,
                                 LsmTextStore  *texts);

/* For the loader's checks: NULL when the figure has no such part. */
#define _LSM_FIGURE_RARE(figure, member) ((figure)->rare != NULL ? (figure)->rare->member : NULL)

G_END_DECLS
