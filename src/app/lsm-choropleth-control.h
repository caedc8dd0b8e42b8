/* lsm-choropleth-control.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "lsm-choropleth.h"

G_BEGIN_DECLS

#define LSM_TYPE_CHOROPLETH_CONTROL (lsm_choropleth_control_get_type ())

G_DECLARE_FINAL_TYPE (LsmChoroplethControl, lsm_choropleth_control, LSM, CHOROPLETH_CONTROL, GtkBox)

LsmChoroplethKind lsm_choropleth_control_get_kind       (LsmChoroplethControl *self);
void              lsm_choropleth_control_set_kind       (LsmChoroplethControl *self,
                                                         LsmChoroplethKind     kind);
void              lsm_choropleth_control_set_choropleth (LsmChoroplethControl *self,
                                                         LsmChoropleth        *choropleth,
                                                         LsmUnits              units);

G_END_DECLS
