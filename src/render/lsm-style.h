/* lsm-style.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "lsm-types.h"

G_BEGIN_DECLS

/* One place for colours, symbol shapes, line widths and fonts: the map tiles, the sites layer,
 * the legend, print and export all draw with these, and so are the sector icons built into the
 * application (lsm-make-icons.c). */

typedef struct
{
  double red;
  double green;
  double blue;
} LsmRgb;

#define LSM_SYMBOL_RADIUS 8.0  /* CSS px, circumscribed */
#define LSM_ICON_SYMBOL_RADIUS 6.2  /* in a 16 px icon: room for the star's points */
#define LSM_LABEL_FONT    "Sans"

void     lsm_style_get_sector_rgb     (LsmSector     sector,
                                       LsmRgb       *rgb);
guint32  lsm_style_get_sector_argb    (LsmSector     sector);
void     lsm_style_draw_symbol        (cairo_t      *cr,
                                       LsmSector     sector,
                                       LsmPrecision  precision,
                                       double        x,
                                       double        y,
                                       double        radius);
void     lsm_style_draw_precision_mark (cairo_t     *cr,
                                       LsmPrecision  precision,
                                       double        x,
                                       double        y,
                                       double        radius);
double   lsm_style_get_cluster_radius (guint         count);
void     lsm_style_draw_cluster       (cairo_t      *cr,
                                       LsmSector     sector,
                                       guint         count,
                                       double        x,
                                       double        y,
                                       double        radius);
char    *lsm_style_dup_precision_icon_name (LsmPrecision precision);
void     lsm_style_get_district_rgb   (guint         color_index,
                                       LsmRgb       *rgb);
void     lsm_style_set_source         (cairo_t      *cr,
                                       const LsmRgb *rgb,
                                       double        alpha);

/* Map colours (sRGB 0–1) */
extern const LsmRgb lsm_style_background;
extern const LsmRgb lsm_style_neighbour_fill;
extern const LsmRgb lsm_style_neighbour_text;
extern const LsmRgb lsm_style_district_line;
extern const LsmRgb lsm_style_province_line;
extern const LsmRgb lsm_style_border_line;
extern const LsmRgb lsm_style_label_text;
extern const LsmRgb lsm_style_selection;

G_END_DECLS
