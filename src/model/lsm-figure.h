/* lsm-figure.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lsm-types.h"

G_BEGIN_DECLS

#define LSM_TYPE_FIGURE (lsm_figure_get_type ())

G_DECLARE_FINAL_TYPE (LsmFigure, lsm_figure, LSM, FIGURE, GObject)

const char   *lsm_figure_get_id          (LsmFigure    *self);
const char   *lsm_figure_get_metric      (LsmFigure    *self);
const char   *lsm_figure_get_label       (LsmFigure    *self);
gboolean      lsm_figure_is_numeric      (LsmFigure    *self);
double        lsm_figure_get_value       (LsmFigure    *self);
const double *lsm_figure_get_value_max   (LsmFigure    *self);
const double *lsm_figure_get_value_of    (LsmFigure    *self);
const char   *lsm_figure_get_text        (LsmFigure    *self);
const char   *lsm_figure_get_text_en     (LsmFigure    *self);
const char   *lsm_figure_get_unit        (LsmFigure    *self);
const char   *lsm_figure_get_period      (LsmFigure    *self);
const char   *lsm_figure_get_period_note (LsmFigure    *self);
LsmStatus     lsm_figure_get_status      (LsmFigure    *self);
LsmQualifier  lsm_figure_get_qualifier   (LsmFigure    *self);
const char   *lsm_figure_get_relates_to  (LsmFigure    *self);
const char   *lsm_figure_get_source_id   (LsmFigure    *self);
const char   *lsm_figure_get_quote       (LsmFigure    *self);
const char   *lsm_figure_get_note        (LsmFigure    *self);
const char   *lsm_figure_get_scope       (LsmFigure    *self);
const char   *lsm_figure_get_crosscheck_source_id (LsmFigure *self);
const char   *lsm_figure_get_crosscheck_note      (LsmFigure *self);
char         *lsm_figure_format_value    (LsmFigure    *self);
char         *lsm_figure_format_period   (LsmFigure    *self);
char         *lsm_figure_describe        (LsmFigure    *self,
                                          const char   *value,
                                          guint         citation);

G_END_DECLS
