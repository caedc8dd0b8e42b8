/* lsm-sidebar.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "lsm-types.h"

G_BEGIN_DECLS

#define LSM_TYPE_SIDEBAR (lsm_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (LsmSidebar, lsm_sidebar, LSM, SIDEBAR, GtkWidget)

void         lsm_sidebar_set_filter     (LsmSidebar         *self,
                                         LsmFilter          *filter);
LsmFilter   *lsm_sidebar_get_filter     (LsmSidebar         *self);
void         lsm_sidebar_set_catalog    (LsmSidebar         *self,
                                         LsmCatalog         *catalog);
GtkSingleSelection *lsm_sidebar_get_selection (LsmSidebar   *self);
void                lsm_sidebar_select_site   (LsmSidebar   *self,
                                               LsmFeature   *site);
void                lsm_sidebar_expect_sites  (LsmSidebar   *self,
                                               guint         n_sites);
void         lsm_sidebar_focus_search   (LsmSidebar         *self);
GtkEditable *lsm_sidebar_get_search     (LsmSidebar         *self);
GtkWidget   *lsm_sidebar_get_choropleth_control (LsmSidebar *self);
guint        lsm_sidebar_get_sector_count (LsmSidebar       *self,
                                         LsmSector           sector,
                                         guint              *total);
GtkCheckButton *lsm_sidebar_get_sector_toggle (LsmSidebar   *self,
                                         LsmSector           sector);
GtkLabel    *lsm_sidebar_get_sector_caption (LsmSidebar     *self,
                                         LsmSector           sector);

G_END_DECLS
