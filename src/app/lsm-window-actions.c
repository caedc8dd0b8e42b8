/* lsm-window-actions.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-window"

#include "config.h"

#include <glib/gi18n.h>

#include "lsm-catalog.h"
#include "lsm-export-dialog.h"
#include "lsm-filter.h"
#include "lsm-print-operation.h"
#include "lsm-window-private.h"

static void
on_open_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     LsmWindow       *self)
{
  /* Each chosen file is a layer beside what is shown, never in its place. */
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));

      lsm_window_open_files (self, files);
    }

  if (self->open_dialog == GTK_FILE_CHOOSER_NATIVE (dialog))
    self->open_dialog = NULL;
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
lsm_window_open_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  LsmWindow *self = LSM_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) vector = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  const char *patterns[] = { "*.geojson", "*.json", "*.gpkg", "*.shp", "*.kml", "*.gml", "*.fgb", "*.csv",
                             "*.xlsx", "*.ods" };

  dialog = gtk_file_chooser_native_new (_("Open Data"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (vector, _("Map data (GeoJSON, GeoPackage, Shapefile, KML…)"));
  for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
    gtk_file_filter_add_pattern (vector, patterns[i]);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), vector);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (dialog), TRUE);
  self->open_dialog = dialog;

  g_signal_connect (dialog, "response", G_CALLBACK (on_open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
lsm_window_search_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  LsmWindow *self = LSM_WINDOW (widget);

  g_object_set (self, "show-sidebar", TRUE, NULL);
  lsm_sidebar_focus_search (self->sidebar);
}

static void
lsm_window_clear_selection_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *param)
{
  lsm_window_select (LSM_WINDOW (widget), NULL, FALSE);
}

/* The search stays: it is what the user is looking for, the filters are where. */
static void
lsm_window_reset_filters_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *param)
{
  lsm_filter_reset (LSM_WINDOW (widget)->filter);
}

static void
lsm_window_zoom_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  LsmWindow *self = LSM_WINDOW (widget);

  lsm_map_view_zoom (self->map_view, g_str_equal (action_name, "win.zoom-in") ? 1.0 : -1.0);
}

static void
lsm_window_pan_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  LsmWindow *self = LSM_WINDOW (widget);
  double dx, dy;

  g_variant_get (param, "(dd)", &dx, &dy);
  lsm_map_view_pan (self->map_view, dx, dy);
}

static void
lsm_window_fit_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  lsm_map_view_fit_province (LSM_WINDOW (widget)->map_view);
}

/* What the map shows now, for "Current view" and for printing it. */
static void
view_bounds (LsmWindow *self,
             LsmBounds *bounds)
{
  ShumateViewport *viewport = lsm_map_view_get_viewport (self->map_view);
  GtkWidget *map = GTK_WIDGET (self->map_view);
  double lat0, lon0, lat1, lon1;

  shumate_viewport_widget_coords_to_location (viewport, map, 0, 0, &lat0, &lon0);
  shumate_viewport_widget_coords_to_location (viewport, map, gtk_widget_get_width (map),
                                              gtk_widget_get_height (map), &lat1, &lon1);
  *bounds = (LsmBounds) { MIN (lon0, lon1), MIN (lat0, lat1), MAX (lon0, lon1), MAX (lat0, lat1) };
}

static void
on_exported_cb (LsmExportDialog *dialog,
                const char      *path,
                const GError    *error,
                LsmWindow       *self)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *title = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(GFile) file = NULL;
  AdwToast *toast;

  if (error != NULL)
    {
      _lsm_window_toast (self, error->message, 0);
      return;
    }

  /* Translators: %s is a file name */
  title = g_strdup_printf (_("Exported “%s”"), name);
  toast = _lsm_window_toast (self, title, 5);
  file = g_file_new_for_path (path);
  uri = g_file_get_uri (file);
  adw_toast_set_button_label (toast, _("_Open"));
  /* The target first: an action with a parameter cannot be set without one. */
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  adw_toast_set_action_name (toast, "win.open-exported");
}

/* GtkFileLauncher needs GTK 4.10: the desktop's default application opens the file. */
static void
lsm_window_open_exported_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *param)
{
  LsmWindow *self = LSM_WINDOW (widget);
  g_autoptr(GdkAppLaunchContext) context = gdk_display_get_app_launch_context (gtk_widget_get_display (widget));
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri (g_variant_get_string (param, NULL), G_APP_LAUNCH_CONTEXT (context), &error))
    {
      g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));
      g_autofree char *name = g_file_get_parse_name (file);
      /* Translators: %s is a file, then why it could not be opened */
      g_autofree char *text = g_strdup_printf (_("Cannot open “%s”: %s"), name, error->message);

      _lsm_window_toast (self, text, 0);
    }
}

static void
lsm_window_export_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  LsmWindow *self = LSM_WINDOW (widget);
  LsmExportDialog *dialog;
  LsmBounds bounds;

  view_bounds (self, &bounds);
  dialog = lsm_export_dialog_new (GTK_WINDOW (self), self->scene, self->filter, &bounds, _lsm_window_online_map_shown (self));
  g_signal_connect_object (dialog, "exported", G_CALLBACK (on_exported_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_print_done_cb (GtkPrintOperation       *operation,
                  GtkPrintOperationResult  result,
                  LsmWindow               *self)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      _lsm_window_toast (self, error->message, 0);
    }
}

static void
lsm_window_print_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  LsmWindow *self = LSM_WINDOW (widget);
  g_autoptr(LsmPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(LsmPageOptions) options;

  lsm_page_options_init (&options);
  options.online = _lsm_window_online_map_shown (self);
  if (lsm_filter_get_district (self->filter) != NULL)
    {
      options.extent = LSM_EXTENT_DISTRICT;
      options.district = g_strdup (lsm_filter_get_district (self->filter));
    }

  operation = lsm_print_operation_new (self->scene, self->filter, &options);
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (operation), TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done_cb), self, 0);
  if (gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    _lsm_window_toast (self, error->message, 0);
}

static void
lsm_window_show_problems_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *param)
{
  LsmWindow *self = LSM_WINDOW (widget);

  if (self->catalog != NULL)
    _lsm_window_show_problems (self, self->catalog);
}

/**
 * _lsm_window_show_problems:
 * @self: a window
 * @catalog: the data whose problems to list: everything shown, or one layer
 */
void
_lsm_window_show_problems (LsmWindow  *self,
                           LsmCatalog *catalog)
{
  const char * const *problems = lsm_catalog_get_problems (catalog);
  g_autofree char *lines = NULL;
  GtkWidget *dialog;
  GtkWidget *label;

  if (problems[0] == NULL)
    return;

  /* Problems include warnings about items that did load, so the heading gives no count. */
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Problems in the Data"),
                                   _("The rest of the data is shown. Each line names the file and the cause."));
  lines = g_strjoinv ("\n", (char **) problems);
  label = gtk_label_new (lines);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "monospace");

  /* GTK 4.8's scrolled window measures its child without a width, which undercounts wrapped
   * lines; a short list goes in as it is, a long one gets a scrolled area of fixed height. */
  if (g_strv_length ((char **) problems) <= 12)
    adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), label);
  else
    {
      GtkWidget *scrolled = gtk_scrolled_window_new ();

      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
      gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scrolled), TRUE);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
    }

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_lsm_window_update_actions (LsmWindow *self)
{
  gboolean loaded = self->catalog != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.clear-selection",
                                 lsm_detail_panel_get_feature (self->detail_panel) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-in", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-out", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.fit", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.pan", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reset-filters", lsm_filter_get_narrowed (self->filter));
}

void
_lsm_window_class_add_actions (GtkWidgetClass *widget_class)
{
  static const struct { guint key; double dx, dy; } pans[] = {
    { GDK_KEY_Left, -0.25, 0 }, { GDK_KEY_Right, 0.25, 0 }, { GDK_KEY_Up, 0, -0.25 }, { GDK_KEY_Down, 0, 0.25 },
  };

  gtk_widget_class_install_action (widget_class, "win.open", NULL, lsm_window_open_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, lsm_window_search_action);
  gtk_widget_class_install_action (widget_class, "win.clear-selection", NULL, lsm_window_clear_selection_action);
  gtk_widget_class_install_action (widget_class, "win.reset-filters", NULL, lsm_window_reset_filters_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, lsm_window_zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, lsm_window_zoom_action);
  gtk_widget_class_install_action (widget_class, "win.fit", NULL, lsm_window_fit_action);
  gtk_widget_class_install_action (widget_class, "win.pan", "(dd)", lsm_window_pan_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, lsm_window_export_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, lsm_window_print_action);
  gtk_widget_class_install_action (widget_class, "win.open-exported", "s", lsm_window_open_exported_action);
  gtk_widget_class_install_action (widget_class, "win.show-problems", NULL, lsm_window_show_problems_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.clear-selection", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.reset-filters", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "win.fit", NULL);
  /* Shift+arrow: GtkWindow's own bindings of the plain arrows come first and move the focus,
   * so those never reached the map; on the map itself they move between its sites. */
  for (guint i = 0; i < G_N_ELEMENTS (pans); i++)
    gtk_widget_class_add_binding_action (widget_class, pans[i].key, GDK_SHIFT_MASK, "win.pan", "(dd)",
                                         pans[i].dx, pans[i].dy);

  gtk_widget_class_install_property_action (widget_class, "win.show-sidebar", "show-sidebar");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.show-sidebar", NULL);
}
