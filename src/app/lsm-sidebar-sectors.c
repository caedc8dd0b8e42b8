/* lsm-sidebar-sectors.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-sidebar"

#include "config.h"

#include <glib/gi18n.h>

#include "lsm-filter.h"
#include "lsm-sector-icon.h"
#include "lsm-sidebar-private.h"
#include "lsm-vocab.h"

/* The sidebar's sector rows: a toggle, the sector's symbol and name, and what the filter shows
 * of it. */

static void
on_sector_toggled_cb (GtkCheckButton *check,
                      LsmSidebar     *self)
{
  LsmSector sector = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "lsm-sector"));

  if (!self->syncing && self->filter != NULL)
    lsm_filter_set_sector_visible (self->filter, sector, gtk_check_button_get_active (check));
}

/* One row per sector of the table, in its order; again when sectors were added (a user's
 * data with categories of its own). */
void
_lsm_sidebar_build_sector_rows (LsmSidebar *self)
{
  guint n_sectors;
  g_autofree LsmSector *sectors = lsm_sector_list (&n_sectors);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sector_list))) != NULL)
    gtk_list_box_remove (self->sector_list, child);
  g_ptr_array_set_size (self->sector_checks, n_sectors);
  g_ptr_array_set_size (self->sector_counts, n_sectors);

  for (guint i = 0; i < n_sectors; i++)
    {
      LsmSector s = sectors[i];
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *check = gtk_check_button_new ();
      GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *label = gtk_label_new (lsm_sector_get_label (s));
      GtkWidget *count = gtk_label_new (NULL);

      gtk_widget_set_margin_start (row, 8);
      gtk_widget_set_margin_end (row, 8);
      gtk_widget_set_margin_top (row, 2);
      gtk_widget_set_margin_bottom (row, 2);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_hexpand (texts, TRUE);
      /* Under the name, what of the sector is where: "2 on the map, 3 with no known location". */
      gtk_label_set_xalign (GTK_LABEL (count), 0);
      gtk_label_set_wrap (GTK_LABEL (count), TRUE);
      gtk_widget_add_css_class (count, "caption");
      gtk_widget_add_css_class (count, "dim-label");
      gtk_box_append (GTK_BOX (texts), label);
      gtk_box_append (GTK_BOX (texts), count);
      gtk_box_append (GTK_BOX (row), check);
      gtk_box_append (GTK_BOX (row), lsm_sector_icon_new_image (s));
      gtk_image_set_pixel_size (GTK_IMAGE (gtk_widget_get_last_child (row)), 20);
      gtk_box_append (GTK_BOX (row), texts);
      gtk_list_box_append (self->sector_list, row);

      /* The whole row toggles: the label is the check button's mnemonic target. */
      gtk_accessible_update_relation (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, count, NULL, -1);
      g_object_set_data (G_OBJECT (check), "lsm-sector", GUINT_TO_POINTER (s));
      g_signal_connect (check, "toggled", G_CALLBACK (on_sector_toggled_cb), self);
      g_ptr_array_index (self->sector_checks, s) = check;
      g_ptr_array_index (self->sector_counts, s) = count;
    }
}

static void
on_sector_row_activated_cb (GtkListBox    *list,
                            GtkListBoxRow *row,
                            LsmSidebar    *self)
{
  GtkWidget *check = gtk_widget_get_first_child (gtk_list_box_row_get_child (row));

  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), !gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
}

void
_lsm_sidebar_init_sectors (LsmSidebar *self)
{
  gtk_list_box_set_activate_on_single_click (self->sector_list, TRUE);
  g_signal_connect (self->sector_list, "row-activated", G_CALLBACK (on_sector_row_activated_cb), self);
  _lsm_sidebar_build_sector_rows (self);
}

void
_lsm_sidebar_sync_sector_checks (LsmSidebar *self)
{
  for (guint s = 0; s < self->sector_checks->len; s++)
    gtk_check_button_set_active (g_ptr_array_index (self->sector_checks, s),
                                 lsm_filter_get_sector_visible (self->filter, s));
}

void
_lsm_sidebar_update_sector_counts (LsmSidebar *self)
{
  g_array_set_size (self->visible, self->sector_checks->len);
  g_array_set_size (self->total, self->sector_checks->len);
  for (guint s = 0; s < self->sector_checks->len; s++)
    {
      LsmFilterCounts counts;
      g_autofree char *text = NULL;

      lsm_filter_get_counts (self->filter, s, &counts);
      g_array_index (self->visible, guint, s) = counts.shown;
      g_array_index (self->total, guint, s) = counts.total;
      text = lsm_filter_counts_format (&counts, TRUE);

      /* Nothing to say: the sector has no sites, or none the search finds. */
      gtk_label_set_text (g_ptr_array_index (self->sector_counts, s),
                          *text != '\0' ? text : counts.matches < counts.total ? _("No matches") : _("No sites"));
      gtk_widget_set_sensitive (g_ptr_array_index (self->sector_checks, s), counts.total > 0);
    }
}

/**
 * lsm_sidebar_get_sector_count:
 * @self: a sidebar
 * @sector: a sector
 * @total: (out) (optional): all sites of the sector
 *
 * Returns: the sector's sites the filters show, as the sidebar displays it
 */
guint
lsm_sidebar_get_sector_count (LsmSidebar *self,
                              LsmSector   sector,
                              guint      *total)
{
  g_return_val_if_fail (LSM_IS_SIDEBAR (self), 0);
  g_return_val_if_fail (sector < self->sector_checks->len, 0);

  if (total != NULL)
    *total = sector < self->total->len ? g_array_index (self->total, guint, sector) : 0;

  return sector < self->visible->len ? g_array_index (self->visible, guint, sector) : 0;
}

/**
 * lsm_sidebar_get_sector_toggle:
 * @self: a sidebar
 * @sector: a sector
 *
 * Returns: (transfer none): the sector's check button
 */
GtkCheckButton *
lsm_sidebar_get_sector_toggle (LsmSidebar *self,
                               LsmSector   sector)
{
  g_return_val_if_fail (LSM_IS_SIDEBAR (self), NULL);
  g_return_val_if_fail (sector < self->sector_checks->len, NULL);

  return g_ptr_array_index (self->sector_checks, sector);
}

/**
 * lsm_sidebar_get_sector_caption:
 * @self: a sidebar
 * @sector: a sector
 *
 * Returns: (transfer none): the label under the sector's name that says where its sites are
 */
GtkLabel *
lsm_sidebar_get_sector_caption (LsmSidebar *self,
                                LsmSector   sector)
{
  g_return_val_if_fail (LSM_IS_SIDEBAR (self), NULL);
  g_return_val_if_fail (sector < self->sector_counts->len, NULL);

  return g_ptr_array_index (self->sector_counts, sector);
}
