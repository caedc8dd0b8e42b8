/* lsm-overview-panel.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "lsm-types.h"

G_BEGIN_DECLS

#define LSM_TYPE_OVERVIEW_PANEL (lsm_overview_panel_get_type ())

G_DECLARE_FINAL_TYPE (LsmOverviewPanel, lsm_overview_panel, LSM, OVERVIEW_PANEL, GtkWidget)

void lsm_overview_panel_set_data      (LsmOverviewPanel *self,
                                       LsmCatalog       *catalog,
                                       LsmFilter        *filter);
void lsm_overview_panel_scroll_to_top (LsmOverviewPanel *self);

GtkWidget *lsm_panel_label_new        (const char       *text,
                                       const char       *css_class);

G_END_DECLS
