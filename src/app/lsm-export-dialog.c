/* lsm-export-dialog.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "lsm-export-dialog.h"
#include "lsm-filter.h"
#include "lsm-page-title.h"

/* Export a map page: format, area, paper or pixel size, orientation, resolution and title, then a
 * file name. The page is the one print and the command line make. */
struct _LsmExportDialog
{
  AdwWindow       parent_instance;

  /* template widgets */
  AdwEntryRow    *title_row;
  AdwComboRow    *format_row;
  AdwComboRow    *area_row;
  AdwComboRow    *atlas_row;
  GtkSwitch      *key_switch;
  GtkSwitch      *labels_switch;
  AdwComboRow    *paper_row;
  AdwComboRow    *orientation_row;
  AdwActionRow   *size_row;
  AdwActionRow   *dpi_row;
  GtkSpinButton  *width_spin;
  GtkSpinButton  *height_spin;
  GtkSpinButton  *dpi_spin;

  /* owned */
  LsmScene       *scene;
  LsmFilter      *filter;
  LsmBounds       view_bounds;
  gboolean        online;
  char           *pending_path;
};

G_DEFINE_FINAL_TYPE (LsmExportDialog, lsm_export_dialog, ADW_TYPE_WINDOW)

enum {
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum { FORMAT_PDF, FORMAT_PNG, FORMAT_SVG };
enum { AREA_PROVINCE, AREA_VIEW };
enum { PAPER_A4, PAPER_A3, PAPER_LETTER, PAPER_PIXELS };

static const char *extensions[] = { "pdf", "png", "svg" };

static void
update_sensitivity (LsmExportDialog *self)
{
  gboolean pixels = adw_combo_row_get_selected (self->paper_row) == PAPER_PIXELS;
  gboolean png = adw_combo_row_get_selected (self->format_row) == FORMAT_PNG;

  gtk_widget_set_sensitive (GTK_WIDGET (self->orientation_row), !pixels);
  gtk_widget_set_sensitive (GTK_WIDGET (self->size_row), pixels);
  gtk_widget_set_sensitive (GTK_WIDGET (self->dpi_row), png && !pixels);
  gtk_widget_set_sensitive (GTK_WIDGET (self->atlas_row),
                            adw_combo_row_get_selected (self->format_row) == FORMAT_PDF);
}

/**
 * lsm_export_dialog_get_options:
 * @self: a dialog
 * @options: (out caller-allocates): the page as the dialog describes it
 */
void
lsm_export_dialog_get_options (LsmExportDialog *self,
                               LsmPageOptions  *options)
{
  static const LsmPaper papers[] = { LSM_PAPER_A4, LSM_PAPER_A3, LSM_PAPER_LETTER, LSM_PAPER_PIXELS };
  const char *title = gtk_editable_get_text (GTK_EDITABLE (self->title_row));

  g_return_if_fail (LSM_IS_EXPORT_DIALOG (self));

  lsm_page_options_init (options);
  options->title = *title != '\0' ? lsm_page_cap_title (title, NULL) : NULL;
  options->paper = papers[MIN (adw_combo_row_get_selected (self->paper_row), G_N_ELEMENTS (papers) - 1)];
  options->landscape = adw_combo_row_get_selected (self->orientation_row) == 0;
  options->pixel_width = gtk_spin_button_get_value_as_int (self->width_spin);
  options->pixel_height = gtk_spin_button_get_value_as_int (self->height_spin);
  options->dpi = gtk_spin_button_get_value_as_int (self->dpi_spin);
  options->online = self->online;
  options->hide_key = !gtk_switch_get_active (self->key_switch);
  options->hide_labels = !gtk_switch_get_active (self->labels_switch);
  if (adw_combo_row_get_selected (self->format_row) == FORMAT_PDF)
    options->atlas = MIN (adw_combo_row_get_selected (self->atlas_row), LSM_ATLAS_BY_SECTOR);

  if (adw_combo_row_get_selected (self->area_row) == AREA_VIEW && !lsm_bounds_is_empty (&self->view_bounds))
    {
      options->extent = LSM_EXTENT_BOUNDS;
      options->bounds = self->view_bounds;
    }
  else if (lsm_filter_get_district (self->filter) != NULL)
    {
      /* A district filter frames its district, as on the command line. */
      options->extent = LSM_EXTENT_DISTRICT;
      options->district = g_strdup (lsm_filter_get_district (self->filter));
    }
}

/**
 * lsm_export_dialog_export_to:
 * @self: a dialog
 * @path: the file; its extension decides the format
 * @error: return location for an error
 *
 * Returns: whether the file was written
 */
gboolean
lsm_export_dialog_export_to (LsmExportDialog  *self,
                             const char       *path,
                             GError          **error)
{
  g_auto(LsmPageOptions) options;

  g_return_val_if_fail (LSM_IS_EXPORT_DIALOG (self), FALSE);

  lsm_export_dialog_get_options (self, &options);
  return lsm_page_export (self->scene, self->filter, &options, path, NULL, error);
}

static void
export_and_close (LsmExportDialog *self,
                  const char      *path)
{
  g_autoptr(GError) error = NULL;

  lsm_export_dialog_export_to (self, path, &error);
  g_signal_emit (self, signals[EXPORTED], 0, path, error);
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
export_pending_cb (gpointer data)
{
  g_autoptr(LsmExportDialog) self = data;
  g_autofree char *path = g_steal_pointer (&self->pending_path);

  if (path != NULL)
    export_and_close (self, path);

  return G_SOURCE_REMOVE;
}

static void
on_replace_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        LsmExportDialog  *self)
{
  /* After the message dialog is done with its own response: closing us destroys it. */
  if (g_strcmp0 (response, "replace") == 0)
    g_idle_add (export_pending_cb, g_object_ref (self));
  else
    g_clear_pointer (&self->pending_path, g_free);
}

/**
 * lsm_export_dialog_save:
 * @self: a dialog
 * @path: the file the user chose
 *
 * Exports to @path and closes, asking first if @path exists.
 */
void
lsm_export_dialog_save (LsmExportDialog *self,
                        const char      *path)
{
  g_return_if_fail (LSM_IS_EXPORT_DIALOG (self));

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *name = g_path_get_basename (path);
      g_autofree char *heading = g_strdup_printf (_("Replace “%s”?"), name);
      AdwMessageDialog *confirm;

      /* Overwriting a file is a decision, not a default. */
      confirm = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading,
                                                            _("A file with this name already exists. Replacing it overwrites its contents.")));
      adw_message_dialog_add_responses (confirm, "cancel", _("_Cancel"), "replace", _("_Replace"), NULL);
      adw_message_dialog_set_response_appearance (confirm, "replace", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (confirm, "cancel");
      adw_message_dialog_set_close_response (confirm, "cancel");
      g_free (self->pending_path);
      self->pending_path = g_strdup (path);
      g_signal_connect (confirm, "response", G_CALLBACK (on_replace_response_cb), self);
      gtk_window_present (GTK_WINDOW (confirm));
      return;
    }

  export_and_close (self, path);
}

static void
on_file_chosen_cb (GtkNativeDialog *chooser,
                   int              response,
                   LsmExportDialog *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = g_file_get_path (file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (path != NULL)
    lsm_export_dialog_save (self, path);
}

static void
on_export_clicked_cb (LsmExportDialog *self)
{
  guint format = adw_combo_row_get_selected (self->format_row);
  g_autofree char *name = g_strdup_printf ("%s.%s", C_("file name", "lang-son-map"), extensions[MIN (format, 2)]);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export Map"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_file_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
lsm_export_dialog_dispose (GObject *object)
{
  LsmExportDialog *self = (LsmExportDialog *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), LSM_TYPE_EXPORT_DIALOG);
  g_clear_object (&self->scene);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->pending_path, g_free);

  G_OBJECT_CLASS (lsm_export_dialog_parent_class)->dispose (object);
}

static void
lsm_export_dialog_class_init (LsmExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lsm_export_dialog_dispose;

  /**
   * LsmExportDialog::exported:
   * @self: the dialog
   * @path: the file
   * @error: (nullable): why it was not written
   */
  signals[EXPORTED] =
    g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_ERROR);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/lsm-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LsmExportDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, LsmExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, LsmExportDialog, area_row);
  gtk_widget_class_bind_template_child (widget_class, LsmExportDialog, atlas_row);
  gtk_widget_class_bind_template_child (widget_class, LsmExportDialog, key_switch);
  gtk_widget_class_bind_template_child (widget_class, LsmExportDialog, labels_switch);
  gtk_widget_class_bind_template_child (widget_class, LsmExportDialog, paper_row);
  gtk_widget_class_bind_template_child (widget_class, LsmExportDialog, orientation_row);
  gtk_widget_class_bind_template_child (widget_class, LsmExportDialog, size_row);
  gtk_widget_class_bind_template_child (widget_class, LsmExportDialog, dpi_row);
  gtk_widget_class_bind_template_child (widget_class, LsmExportDialog, width_spin);
  gtk_widget_class_bind_template_child (widget_class, LsmExportDialog, height_spin);
  gtk_widget_class_bind_template_child (widget_class, LsmExportDialog, dpi_spin);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, update_sensitivity);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lsm_export_dialog_init (LsmExportDialog *self)
{
  GtkEditable *text;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* The page's limit, where the user types: a pasted page of text stops at it. */
  text = gtk_editable_get_delegate (GTK_EDITABLE (self->title_row));
  if (GTK_IS_TEXT (text))
    gtk_text_set_max_length (GTK_TEXT (text), LSM_PAGE_TITLE_MAX);
  update_sensitivity (self);
}

/**
 * lsm_export_dialog_new:
 * @parent: the window
 * @scene: what to draw
 * @filter: which sites
 * @view_bounds: (nullable): what the map shows now, for "Current view"
 * @online: whether OpenStreetMap tiles are shown (to credit them)
 *
 * Returns: (transfer none): a new dialog, owned by GTK until closed
 */
LsmExportDialog *
lsm_export_dialog_new (GtkWindow       *parent,
                       LsmScene        *scene,
                       LsmFilter       *filter,
                       const LsmBounds *view_bounds,
                       gboolean         online)
{
  LsmExportDialog *self = g_object_new (LSM_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  g_autofree char *title = NULL;

  self->scene = g_object_ref (scene);
  self->filter = g_object_ref (filter);
  self->online = online;
  /* The title says what the filter keeps; the user may write another. */
  title = lsm_page_filter_title (filter, lsm_filter_get_district (filter));
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), title);
  if (view_bounds != NULL)
    self->view_bounds = *view_bounds;
  else
    lsm_bounds_init_empty (&self->view_bounds);

  return self;
}
