/* lsm-choropleth.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "lsm-style.h"
#include "lsm-types.h"
#include "lsm-units.h"

G_BEGIN_DECLS

/* What "Colour districts by" colours them by; the ids are --choropleth='s. */
typedef enum
{
  LSM_CHOROPLETH_NONE,
  LSM_CHOROPLETH_SITES,
  LSM_CHOROPLETH_CAPACITY,
  LSM_CHOROPLETH_AREA,
  LSM_N_CHOROPLETH_KINDS
} LsmChoroplethKind;

#define LSM_CHOROPLETH_N_CLASSES 4

const char *lsm_choropleth_kind_get_id    (LsmChoroplethKind  kind);
const char *lsm_choropleth_kind_get_label (LsmChoroplethKind  kind);
gboolean    lsm_choropleth_kind_parse     (const char        *id,
                                           LsmChoroplethKind *kind,
                                           GError           **error);

#define LSM_TYPE_CHOROPLETH (lsm_choropleth_get_type ())

G_DECLARE_FINAL_TYPE (LsmChoropleth, lsm_choropleth, LSM, CHOROPLETH, GObject)

LsmChoropleth    *lsm_choropleth_new          (LsmChoroplethKind  kind,
                                               GListModel        *districts,
                                               GListModel        *sites);
LsmChoroplethKind lsm_choropleth_get_kind     (LsmChoropleth     *self);
gboolean          lsm_choropleth_get_value    (LsmChoropleth     *self,
                                               LsmFeature        *district,
                                               double            *value);
gboolean          lsm_choropleth_get_rgb      (LsmChoropleth     *self,
                                               LsmFeature        *district,
                                               LsmRgb            *rgb);
double            lsm_choropleth_draw_legend  (LsmChoropleth     *self,
                                               cairo_t           *cr,
                                               double             x,
                                               double             y,
                                               double             width,
                                               double             font_size,
                                               gboolean           draw);
double            lsm_choropleth_draw_units_legend (LsmChoropleth *self,
                                                    LsmUnits       units,
                                                    cairo_t       *cr,
                                                    double         x,
                                                    double         y,
                                                    double         width,
                                                    double         font_size,
                                                    gboolean       draw);

G_END_DECLS
