/* lsm-chart.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "lsm-overview.h"

G_BEGIN_DECLS

#define LSM_CHART_FONT_SIZE 12.0  /* CSS px */

double   lsm_chart_get_height   (const LsmChart    *chart);
gboolean lsm_chart_get_bar_rect (const LsmChart    *chart,
                                 double             width,
                                 guint              index,
                                 cairo_rectangle_t *rect);
PangoLayout *lsm_chart_make_layout (cairo_t          *cr,
                                    const char       *text,
                                    gboolean          bold,
                                    double            width);
void     lsm_chart_draw         (const LsmChart    *chart,
                                 cairo_t           *cr,
                                 double             width);

G_END_DECLS
