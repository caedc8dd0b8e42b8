/* lsm-detail-panel.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "lsm-types.h"

G_BEGIN_DECLS

#define LSM_TYPE_DETAIL_PANEL (lsm_detail_panel_get_type ())

G_DECLARE_FINAL_TYPE (LsmDetailPanel, lsm_detail_panel, LSM, DETAIL_PANEL, GtkWidget)

void        lsm_detail_panel_set_catalog (LsmDetailPanel *self,
                                          LsmCatalog     *catalog);
void        lsm_detail_panel_set_filter  (LsmDetailPanel *self,
                                          LsmFilter      *filter);
LsmFeature *lsm_detail_panel_get_feature (LsmDetailPanel *self);
void        lsm_detail_panel_set_feature (LsmDetailPanel *self,
                                          LsmFeature     *feature);

G_END_DECLS
