/* lsm-page-private.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lsm-page.h"
#include "lsm-style.h"

G_BEGIN_DECLS

double _lsm_page_draw_text         (cairo_t      *cr,
                                    const char   *text,
                                    double        size,
                                    gboolean      bold,
                                    double        x,
                                    double        y,
                                    double        width,
                                    const LsmRgb *color);
double _lsm_page_draw_district_key (cairo_t      *cr,
                                    LsmCatalog   *catalog,
                                    GListModel   *sites,
                                    double        x,
                                    double        y,
                                    double        width,
                                    const LsmRgb *color);

G_END_DECLS
