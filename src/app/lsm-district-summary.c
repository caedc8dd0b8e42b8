/* lsm-district-summary.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-district-summary"

#include "config.h"

#include <glib/gi18n.h>

#include "lsm-district-summary.h"
#include "lsm-feature.h"
#include "lsm-filter.h"
#include "lsm-overview-panel.h"
#include "lsm-overview.h"
#include "lsm-sector-icon.h"
#include "lsm-vocab.h"

/* The district page's own part: per sector, what the filter shows in the district (sites, and
 * the MW and ha they state), then those sites as buttons. It follows the filter as the map
 * does, so a hidden sector is gone here too. */
struct _LsmDistrictSummary
{
  GtkBox      parent_instance;

  /* owned */
  LsmFilter  *filter;
  LsmFeature *district;
};

G_DEFINE_FINAL_TYPE (LsmDistrictSummary, lsm_district_summary, GTK_TYPE_BOX)

enum {
  SITE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* "220 MW", or "220 MW from 2 of 3 sites" when some do not state it: a sum never passes for
 * the whole when it is not. */
static char *
format_sum (double      value,
            const char *unit,
            guint       n_stated,
            guint       n_sites)
{
  g_autofree char *quantity = lsm_format_quantity (value, NULL, NULL, unit, LSM_QUALIFIER_NONE);

  if (n_stated == n_sites)
    return g_steal_pointer (&quantity);

  /* Translators: a sum over the sites that state a figure, e.g. "220 MW from 2 of 3 sites" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s from %u of %u site", "%s from %u of %u sites", n_sites),
                          quantity, n_stated, n_sites);
}

static void
add_totals (LsmDistrictSummary *self,
            GArray             *totals)
{
  GtkWidget *grid = gtk_grid_new ();
  int row = 0;
  guint n_sectors;
  g_autofree LsmSector *sectors = lsm_sector_list (&n_sectors);

  gtk_grid_set_column_spacing (GTK_GRID (grid), 8);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  for (guint k = 0; k < n_sectors; k++)
    {
      LsmSector s = sectors[k];
      const LsmSectorTotals *t;
      GtkWidget *cell;
      g_autofree char *counts = NULL;

      if (s >= totals->len)
        continue;
      t = &g_array_index (totals, LsmSectorTotals, s);

      if (t->n_sites == 0)
        continue;

      cell = gtk_box_new (GTK_ORIENTATION_VERTICAL, 1);
      gtk_box_append (GTK_BOX (cell), lsm_panel_label_new (lsm_sector_get_label (s), "caption-heading"));
      counts = lsm_overview_format_counts (t->n_sites, t->n_mapped);
      gtk_box_append (GTK_BOX (cell), lsm_panel_label_new (counts, NULL));
      if (t->n_capacity > 0)
        {
          g_autofree char *sum = format_sum (t->capacity_mw, "MW", t->n_capacity, t->n_sites);

          gtk_box_append (GTK_BOX (cell), lsm_panel_label_new (sum, "lsm-figure-value"));
        }
      if (t->n_area > 0)
        {
          g_autofree char *sum = format_sum (t->area_ha, "ha", t->n_area, t->n_sites);

          gtk_box_append (GTK_BOX (cell), lsm_panel_label_new (sum, "lsm-figure-value"));
        }

      gtk_grid_attach (GTK_GRID (grid), lsm_sector_icon_new_image (s), 0, row, 1, 1);
      gtk_widget_set_valign (gtk_grid_get_child_at (GTK_GRID (grid), 0, row), GTK_ALIGN_START);
      gtk_grid_attach (GTK_GRID (grid), cell, 1, row, 1, 1);
      row++;
    }

  if (row == 0)
    gtk_box_append (GTK_BOX (self), lsm_panel_label_new (_("The filter shows no sites in this district."), "dim-label"));
  else
    gtk_box_append (GTK_BOX (self), grid);
}

static void
on_site_button_clicked_cb (GtkButton          *button,
                           LsmDistrictSummary *self)
{
  LsmFeature *site = g_object_get_data (G_OBJECT (button), "lsm-site");

  g_signal_emit (self, signals[SITE_ACTIVATED], 0, site);
}

static void
add_sites (LsmDistrictSummary *self)
{
  GListModel *sites = G_LIST_MODEL (self->filter);
  const char *name = lsm_feature_get_name (self->district);
  gboolean any = FALSE;
  guint n_sectors;
  g_autofree LsmSector *sectors = lsm_sector_list (&n_sectors);

  for (guint k = 0; k < n_sectors; k++)
    for (guint i = 0; i < g_list_model_get_n_items (sites); i++)
      {
        g_autoptr(LsmFeature) site = g_list_model_get_item (sites, i);
        LsmSector s = sectors[k];
        GtkWidget *button, *row, *label;
        /* Translators: a site's button on a district page as a screen reader reads it: name, sector, status */
        g_autofree char *accessible = NULL;

        if (lsm_feature_get_sector (site) != s || g_strcmp0 (lsm_feature_get_district (site), name) != 0)
          continue;

        if (!any)
          gtk_box_append (GTK_BOX (self), lsm_panel_label_new (_("Sites"), "heading"));
        any = TRUE;

        row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
        gtk_box_append (GTK_BOX (row), lsm_sector_icon_new_image (s));
        label = lsm_panel_label_new (lsm_feature_get_name (site), NULL);
        gtk_box_append (GTK_BOX (row), label);
        button = gtk_button_new ();
        gtk_button_set_child (GTK_BUTTON (button), row);
        gtk_widget_add_css_class (button, "flat");
        gtk_widget_set_tooltip_text (button, lsm_sector_get_label (s));
        accessible = g_strdup_printf (_("%s, %s, %s"), lsm_feature_get_name (site), lsm_sector_get_label (s),
                                      lsm_status_get_label (lsm_feature_get_status (site)));
        gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
        g_object_set_data_full (G_OBJECT (button), "lsm-site", g_object_ref (site), g_object_unref);
        g_signal_connect (button, "clicked", G_CALLBACK (on_site_button_clicked_cb), self);
        gtk_box_append (GTK_BOX (self), button);
      }
}

static void
rebuild (LsmDistrictSummary *self)
{
  g_autoptr(GArray) totals = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_box_remove (GTK_BOX (self), child);

  /* Translators: heading of a district page's totals, which follow the sidebar's filters */
  gtk_box_append (GTK_BOX (self), lsm_panel_label_new (_("In this district, with the current filters"), "heading"));
  totals = lsm_overview_sum_sectors (G_LIST_MODEL (self->filter), lsm_feature_get_name (self->district));
  add_totals (self, totals);
  add_sites (self);
}

static void
lsm_district_summary_dispose (GObject *object)
{
  LsmDistrictSummary *self = (LsmDistrictSummary *) object;

  g_clear_object (&self->filter);
  g_clear_object (&self->district);

  G_OBJECT_CLASS (lsm_district_summary_parent_class)->dispose (object);
}

static void
lsm_district_summary_class_init (LsmDistrictSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lsm_district_summary_dispose;

  /**
   * LsmDistrictSummary::site-activated:
   * @self: the summary
   * @site: a site picked from the district's list
   */
  signals[SITE_ACTIVATED] =
    g_signal_new ("site-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, LSM_TYPE_FEATURE);
}

static void
lsm_district_summary_init (LsmDistrictSummary *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 6);
}

/**
 * lsm_district_summary_new:
 * @filter: what the map shows
 * @district: a district
 *
 * Returns: (transfer floating): the district's totals and sites, following @filter
 */
GtkWidget *
lsm_district_summary_new (LsmFilter  *filter,
                          LsmFeature *district)
{
  LsmDistrictSummary *self;

  g_return_val_if_fail (LSM_IS_FILTER (filter), NULL);
  g_return_val_if_fail (LSM_IS_FEATURE (district), NULL);

  self = g_object_new (LSM_TYPE_DISTRICT_SUMMARY, NULL);
  self->filter = g_object_ref (filter);
  self->district = g_object_ref (district);
  g_signal_connect_object (filter, "items-changed", G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
  rebuild (self);

  return GTK_WIDGET (self);
}
