/* lsm-window-overview.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-window"

#include "config.h"

#include <glib/gi18n.h>

#include "lsm-catalog.h"
#include "lsm-choropleth-control.h"
#include "lsm-overview-panel.h"
#include "lsm-scene.h"
#include "lsm-site-table.h"
#include "lsm-table-export.h"
#include "lsm-window-private.h"

/* Comparing sites, the window's side of it. The province overview takes the side panel
 * whenever nothing is selected, unless the user closed it; win.overview (the "Province"
 * button, Alt+Home) clears the selection and brings it back, at its top. The table of sites
 * sits under the map (Ctrl+T), its rows and the map's selection following each other. */

/**
 * _lsm_window_update_overview:
 * @self: a window
 *
 * Shows the overview when the detail panel has nothing to show and the user wants it.
 */
void
_lsm_window_update_overview (LsmWindow *self)
{
  gboolean shown = self->catalog != NULL
                   && lsm_detail_panel_get_feature (self->detail_panel) == NULL
                   && !self->overview_closed;

  gtk_widget_set_visible (GTK_WIDGET (self->overview_panel), shown);
  lsm_site_table_select (self->site_table, lsm_detail_panel_get_feature (self->detail_panel));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.close-overview", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.overview", self->catalog != NULL);
}

static void
lsm_window_overview_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  LsmWindow *self = LSM_WINDOW (widget);

  self->overview_closed = FALSE;
  lsm_window_select (self, NULL, FALSE);
  lsm_overview_panel_scroll_to_top (self->overview_panel);
  _lsm_window_update_overview (self);
}

static void
lsm_window_close_overview_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *param)
{
  LsmWindow *self = LSM_WINDOW (widget);

  self->overview_closed = TRUE;
  _lsm_window_update_overview (self);
}

static void
on_table_site_activated_cb (LsmWindow  *self,
                            LsmFeature *site)
{
  lsm_window_select (self, site, TRUE);
}

static void
lsm_window_show_table_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *param)
{
  LsmWindow *self = LSM_WINDOW (widget);
  GtkWidget *table = GTK_WIDGET (self->site_table);

  gtk_widget_set_visible (table, !gtk_widget_get_visible (table));
  if (gtk_widget_get_visible (table))
    gtk_widget_grab_focus (GTK_WIDGET (lsm_site_table_get_view (self->site_table)));
}

static void
on_export_table_response_cb (GtkNativeDialog *dialog,
                             int              response,
                             LsmWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (path != NULL && lsm_table_export (lsm_site_table_get_rows (self->site_table), path, &error))
        {
          g_autofree char *name = g_filename_display_basename (path);
          /* Translators: %s is a file name */
          g_autofree char *text = g_strdup_printf (_("Table written to “%s”"), name);

          _lsm_window_toast (self, text, 5);
        }
      else if (error != NULL)
        _lsm_window_toast (self, error->message, 0);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
lsm_window_export_table_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *param)
{
  LsmWindow *self = LSM_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) xlsx = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (_("Export Table"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (csv, _("CSV spreadsheet (.csv)"));
  gtk_file_filter_add_pattern (csv, "*.csv");
  gtk_file_filter_set_name (xlsx, _("Excel workbook (.xlsx)"));
  gtk_file_filter_add_pattern (xlsx, "*.xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), csv);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), xlsx);
  /* Translators: the suggested file name of an exported table; keep the .csv */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _("lang-son-sites.csv"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);

  g_signal_connect (dialog, "response", G_CALLBACK (on_export_table_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Districts coloured by what the filter shows: made anew when the choice or the filter
 * changes, then the base map redrawn with it. */
static void
update_choropleth (LsmWindow *self)
{
  LsmChoroplethControl *control = LSM_CHOROPLETH_CONTROL (lsm_sidebar_get_choropleth_control (self->sidebar));
  LsmChoroplethKind kind = lsm_choropleth_control_get_kind (control);
  g_autoptr(LsmChoropleth) choropleth = NULL;
  LsmChoropleth *old;

  if (self->scene == NULL)
    return;

  old = lsm_scene_get_choropleth (self->scene);
  if (kind == LSM_CHOROPLETH_NONE && old == NULL)
    return;

  if (kind != LSM_CHOROPLETH_NONE)
    choropleth = lsm_choropleth_new (kind, lsm_catalog_get_districts (self->catalog), G_LIST_MODEL (self->filter));
  lsm_scene_set_choropleth (self->scene, choropleth);
  lsm_choropleth_control_set_choropleth (control, choropleth, lsm_scene_get_units (self->scene));
  lsm_map_view_restyle (self->map_view);
}

void
_lsm_window_class_add_overview_actions (GtkWidgetClass *widget_class)
{
  g_type_ensure (LSM_TYPE_OVERVIEW_PANEL);
  g_type_ensure (LSM_TYPE_SITE_TABLE);
  g_type_ensure (LSM_TYPE_CHOROPLETH_CONTROL);

  gtk_widget_class_bind_template_child (widget_class, LsmWindow, overview_panel);
  gtk_widget_class_bind_template_child (widget_class, LsmWindow, site_table);
  gtk_widget_class_bind_template_callback (widget_class, on_table_site_activated_cb);

  gtk_widget_class_install_action (widget_class, "win.overview", NULL, lsm_window_overview_action);
  gtk_widget_class_install_action (widget_class, "win.close-overview", NULL, lsm_window_close_overview_action);
  gtk_widget_class_install_action (widget_class, "win.show-table", NULL, lsm_window_show_table_action);
  gtk_widget_class_install_action (widget_class, "win.export-table", NULL, lsm_window_export_table_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, GDK_ALT_MASK, "win.overview", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "win.show-table", NULL);
}

/**
 * _lsm_window_show_data_compared:
 * @self: a window
 *
 * Hands new data to the overview, the table and the district pages.
 */
void
_lsm_window_show_data_compared (LsmWindow *self)
{
  lsm_overview_panel_set_data (self->overview_panel, self->catalog, self->filter);
  lsm_site_table_set_filter (self->site_table, self->filter);
  lsm_detail_panel_set_filter (self->detail_panel, self->filter);
  _lsm_window_update_overview (self);

  /* Once per window: a new scene comes with each load, the choice and the filter stay. */
  if (!self->choropleth_connected)
    {
      g_signal_connect_object (lsm_sidebar_get_choropleth_control (self->sidebar), "notify::kind",
                               G_CALLBACK (update_choropleth), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->filter, "items-changed", G_CALLBACK (update_choropleth),
                               self, G_CONNECT_SWAPPED);
      self->choropleth_connected = TRUE;
    }
  update_choropleth (self);
}
