/* lsm-sidebar-private.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lsm-sidebar.h"

G_BEGIN_DECLS

/* Operating, under construction, planned or proposed, target: lsm-sidebar.c lists them. */
#define LSM_SIDEBAR_N_STATUS_CHOICES 4

struct _LsmSidebar
{
  GtkWidget           parent_instance;

  /* template widgets */
  GtkSearchEntry     *search_entry;
  GtkWidget          *choropleth_control;
  GtkListBox         *sector_list;
  GtkBox             *status_box;
  GtkDropDown        *district_dropdown;
  GtkDropDown        *commune_2025_dropdown; /* "All", then the catalog's units in order */
  GtkLabel           *sites_heading;
  GtkListView        *site_list;
  GtkStack           *pages;
  GtkBox             *precision_box;
  GtkSingleSelection *selection;
  GtkSliceListModel  *rows;          /* the sorted sites, shown a few more each turn after a load */
  GtkSortListModel   *sorted;
  GtkCustomSorter    *relevance;
  GtkWidget          *hidden_matches; /* "3 more matches hidden by filters — Show All" */
  GtkLabel           *hidden_matches_label;

  /* owned */
  LsmCatalog         *catalog;
  LsmFilter          *filter;
  GPtrArray          *sector_checks; /* GtkCheckButton per LsmSector, in sector_list */
  GPtrArray          *sector_counts; /* GtkLabel per LsmSector */
  GtkCheckButton     *status_checks[LSM_SIDEBAR_N_STATUS_CHOICES];
  GArray             *visible;       /* guint per LsmSector, as the labels show them */
  GArray             *total;
  gboolean            syncing;
  guint               grow_id;
  LsmFeature         *wanted;        /* the window's selection, its row perhaps not shown yet */
};

void _lsm_sidebar_init_sectors         (LsmSidebar *self);
void _lsm_sidebar_build_sector_rows    (LsmSidebar *self);
void _lsm_sidebar_sync_sector_checks   (LsmSidebar *self);
void _lsm_sidebar_update_sector_counts (LsmSidebar *self);
void _lsm_sidebar_init_rows            (LsmSidebar *self);

G_END_DECLS
