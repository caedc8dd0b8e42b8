/* lsm-sidebar-rows.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-sidebar"

#include "config.h"

#include "lsm-feature.h"
#include "lsm-sidebar-private.h"

/* The site list's rows after a load, and the row of the window's selection. */

/* A list view makes widgets for up to 200 rows at once, and styles and measures them in the
 * next frame: a few hundred milliseconds in one main-loop turn when a load gives the list many
 * sites. The list grows to that a few rows a turn instead, once the sort is done (each of its
 * steps moves the rows shown, which are then made anew). */
#define ROWS_STEP 16
#define ROWS_MADE 200

static gboolean
grow_rows_cb (gpointer data)
{
  LsmSidebar *self = data;
  guint size = gtk_slice_list_model_get_size (self->rows);

  if (gtk_sort_list_model_get_pending (self->sorted) > 0)
    {
      /* on_sort_pending_cb goes on once the sort is done. */
      self->grow_id = 0;
      return G_SOURCE_REMOVE;
    }

  if (size >= ROWS_MADE || size >= g_list_model_get_n_items (G_LIST_MODEL (self->sorted)))
    {
      g_autoptr(LsmFeature) wanted = self->wanted != NULL ? g_object_ref (self->wanted) : NULL;

      gtk_slice_list_model_set_size (self->rows, G_MAXUINT);
      self->grow_id = 0;
      /* The site selected while its row was not yet shown. */
      if (wanted != NULL && gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION)
        lsm_sidebar_select_site (self, wanted);
      return G_SOURCE_REMOVE;
    }

  gtk_slice_list_model_set_size (self->rows, size + ROWS_STEP);
  return G_SOURCE_CONTINUE;
}

static void
grow_rows (LsmSidebar *self)
{
  /* Below the frame clock's priority: a frame is drawn between two steps. */
  if (self->grow_id == 0 && gtk_slice_list_model_get_size (self->rows) != G_MAXUINT)
    self->grow_id = g_idle_add_full (G_PRIORITY_LOW, grow_rows_cb, self, NULL);
}

static void
on_sort_pending_cb (LsmSidebar *self)
{
  if (gtk_sort_list_model_get_pending (self->sorted) == 0)
    grow_rows (self);
}

void
_lsm_sidebar_init_rows (LsmSidebar *self)
{
  g_signal_connect_object (self->sorted, "notify::pending", G_CALLBACK (on_sort_pending_cb), self, G_CONNECT_SWAPPED);
}

/**
 * lsm_sidebar_select_site:
 * @self: a sidebar
 * @site: (nullable): the window's selection; %NULL or a district selects no row
 *
 * Selects the row of @site; one not among the rows shown yet is selected once the list has
 * grown to it.
 */
void
lsm_sidebar_select_site (LsmSidebar *self,
                         LsmFeature *site)
{
  GListModel *rows = G_LIST_MODEL (self->selection);
  guint n = site != NULL ? g_list_model_get_n_items (rows) : 0;

  g_return_if_fail (LSM_IS_SIDEBAR (self));

  g_set_object (&self->wanted, site);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LsmFeature) item = g_list_model_get_item (rows, i);

      if (item == site)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }

  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

/**
 * lsm_sidebar_expect_sites:
 * @self: a sidebar
 * @n_sites: how many sites the filter's model is about to hold
 *
 * Called before new data is given to the filter: the list then shows a few rows more each
 * turn, not all it makes at once. (Shrinking the list from within the filter's change would
 * let the list read the sorted model before that has heard of the change.)
 */
void
lsm_sidebar_expect_sites (LsmSidebar *self,
                          guint       n_sites)
{
  g_return_if_fail (LSM_IS_SIDEBAR (self));

  if (n_sites <= ROWS_STEP)
    return;

  gtk_slice_list_model_set_size (self->rows, ROWS_STEP);
  grow_rows (self);
}
