/* lsm-site-table.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "lsm-headline.h"
#include "lsm-types.h"

G_BEGIN_DECLS

#define LSM_TYPE_SITE_TABLE (lsm_site_table_get_type ())

G_DECLARE_FINAL_TYPE (LsmSiteTable, lsm_site_table, LSM, SITE_TABLE, GtkWidget)

void                 lsm_site_table_set_filter (LsmSiteTable *self,
                                                LsmFilter    *filter);
GListModel          *lsm_site_table_get_rows   (LsmSiteTable *self);
GtkColumnView       *lsm_site_table_get_view   (LsmSiteTable *self);
GtkColumnViewColumn *lsm_site_table_get_column (LsmSiteTable *self,
                                                LsmColumn     column);
void                 lsm_site_table_select     (LsmSiteTable *self,
                                                LsmFeature   *site);
GtkCheckButton      *lsm_site_table_get_column_toggle (LsmSiteTable *self,
                                                LsmColumn     column);

G_END_DECLS
