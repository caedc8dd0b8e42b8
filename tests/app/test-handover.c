/* test-handover.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <locale.h>

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "lsm-catalog.h"
#include "lsm-export-dialog.h"
#include "lsm-filter.h"
#include "lsm-map-view.h"
#include "lsm-page.h"
#include "lsm-print-operation.h"
#include "lsm-site-tooltip.h"
#include "lsm-sites-layer.h"
#include "lsm-test-app.h"
#include "lsm-test-utils.h"
#include "lsm-window-private.h"

/* What the window adds for maps handed over: the print dialog's Map tab and its pages, the
 * Exported toast's Open button, the symbols' tooltips. */

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type,
             guint     *skip)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && (*skip)-- == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, skip);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
nth_widget (GtkWidget *widget,
            GType      type,
            guint      n)
{
  return find_widget (widget, type, &n);
}

static gboolean
file_written (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_IS_REGULAR);
}

static char *
print_to_pdf (LsmPrintOperation *operation,
              LsmWindow         *window,
              const char        *path)
{
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), path);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_EXPORT,
                                    GTK_WINDOW (window), &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_true (wait_for (file_written, (gpointer) path));

  return lsm_test_pdf_text (path);
}

/* The Map tab's choices reach the pages, and the printed pages are the exported ones. */
static void
test_handover_print_tab (void)
{
  g_autoptr(LsmWindow) window = g_object_ref (open_window (NULL));
  g_autofree char *dir = g_dir_make_tmp ("lsmap-print-XXXXXX", NULL);
  g_autofree char *printed = g_build_filename (dir, "printed.pdf", NULL);
  g_autofree char *exported = g_build_filename (dir, "exported.pdf", NULL);
  g_autoptr(LsmPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *print_text = NULL;
  g_autofree char *export_text = NULL;
  g_auto(GStrv) pages = NULL;
  g_autofree char *chi_lang = NULL;
  g_auto(LsmPageOptions) options;
  GtkWidget *tab = NULL;
  GtkWidget *entry, *key, *labels, *atlas;
  guint n_pages, first;

  lsm_page_options_init (&options);
  operation = lsm_print_operation_new (window->scene, window->filter, &options);
  g_signal_emit_by_name (operation, "create-custom-widget", &tab);
  g_assert_nonnull (tab);
  g_object_ref_sink (tab);

  entry = nth_widget (tab, GTK_TYPE_ENTRY, 0);
  key = nth_widget (tab, GTK_TYPE_CHECK_BUTTON, 0);
  labels = nth_widget (tab, GTK_TYPE_CHECK_BUTTON, 1);
  atlas = nth_widget (tab, GTK_TYPE_DROP_DOWN, 0);
  g_assert_nonnull (entry);
  g_assert_nonnull (atlas);
  /* The title offered is the one the filter gives. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Industrial development in Lạng Sơn province");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (key)));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (labels)));

  gtk_editable_set_text (GTK_EDITABLE (entry), "Bản đồ bàn giao");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (atlas), LSM_ATLAS_BY_DISTRICT);
  g_signal_emit_by_name (operation, "custom-widget-apply", tab);

  print_text = print_to_pdf (operation, window, printed);
  pages = g_strsplit (print_text, "\f", -1);
  /* The overview and the pages its key and legend run on to, then the 11 districts; pdftotext
   * ends each page with a form feed. Chi Lăng is the ninth district. */
  n_pages = g_strv_length (pages) - 1;
  first = n_pages - 11;
  g_assert_cmpuint (first, >=, 1);
  g_assert_cmpuint (first, <=, 2);
  lsm_test_assert_contains (pages[0], "Contents");
  chi_lang = g_strdup_printf ("Page %u of %u", first + 9, n_pages);
  lsm_test_assert_contains (pages[first + 8], "Bản đồ bàn giao — Chi Lăng");
  lsm_test_assert_contains (pages[first + 8], chi_lang);

  /* What the preview and the printer get is what Export writes. */
  options.title = g_strdup ("Bản đồ bàn giao");
  options.atlas = LSM_ATLAS_BY_DISTRICT;
  g_assert_true (lsm_page_export (window->scene, window->filter, &options, exported, NULL, &error));
  g_assert_no_error (error);
  export_text = lsm_test_pdf_text (exported);
  g_assert_cmpstr (print_text, ==, export_text);

  g_object_unref (tab);
  lsm_test_remove_dir (dir);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The Exported toast has an Open button that opens that very file. */
static void
test_handover_exported_toast_opens (void)
{
  g_autoptr(LsmWindow) window = g_object_ref (open_window (NULL));
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "lsmap map & co.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  GListModel *toplevels = gtk_window_get_toplevels ();
  LsmExportDialog *dialog = NULL;
  GtkWidget *button = NULL;
  GVariant *target;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
  settle ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (LSM_IS_EXPORT_DIALOG (w))
        dialog = LSM_EXPORT_DIALOG (w);
    }
  g_assert_nonnull (dialog);
  g_signal_emit_by_name (dialog, "exported", path, NULL);
  settle ();

  for (guint i = 0; (button = nth_widget (GTK_WIDGET (window->toast_overlay), GTK_TYPE_BUTTON, i)) != NULL; i++)
    if (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (button)), "_Open") == 0)
      break;
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.open-exported");
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button));
  g_assert_nonnull (target);
  g_assert_cmpstr (g_variant_get_string (target, NULL), ==, uri);
  g_assert_true (gtk_widget_is_sensitive (button));

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The Export dialog offers the filter's title and the atlas, key and labels choices. */
static void
test_handover_export_dialog (void)
{
  g_autoptr(LsmWindow) window = g_object_ref (open_window (NULL));
  GListModel *toplevels = gtk_window_get_toplevels ();
  LsmExportDialog *dialog = NULL;
  g_auto(LsmPageOptions) options;
  GtkWidget *title, *format, *atlas, *key, *labels;

  lsm_filter_show_only_sectors (window->filter, (const char *[]) { "hydro", "thermal", "wind", NULL });
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
  settle ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (LSM_IS_EXPORT_DIALOG (w))
        dialog = LSM_EXPORT_DIALOG (w);
    }
  g_assert_nonnull (dialog);

  title = nth_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, 0);
  format = nth_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, 0);
  atlas = nth_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, 2);
  key = nth_widget (GTK_WIDGET (dialog), GTK_TYPE_SWITCH, 0);
  labels = nth_widget (GTK_WIDGET (dialog), GTK_TYPE_SWITCH, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==,
                   "Energy projects in Lạng Sơn: hydropower, thermal power, wind power");

  adw_combo_row_set_selected (ADW_COMBO_ROW (atlas), LSM_ATLAS_BY_SECTOR);
  gtk_switch_set_active (GTK_SWITCH (labels), FALSE);
  lsm_export_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.atlas, ==, LSM_ATLAS_BY_SECTOR);
  g_assert_false (options.hide_key);
  g_assert_true (options.hide_labels);
  lsm_page_options_clear (&options);

  /* An atlas is a PDF: for a PNG the choice is off and not applied. */
  gtk_switch_set_active (GTK_SWITCH (key), FALSE);
  adw_combo_row_set_selected (ADW_COMBO_ROW (format), 1);
  g_assert_false (gtk_widget_get_sensitive (atlas));
  lsm_export_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.atlas, ==, LSM_ATLAS_NONE);
  g_assert_true (options.hide_key);

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Hovering a symbol names the site and gives its headline figure; elsewhere, nothing. */
static void
test_handover_symbol_tooltip (void)
{
  g_autoptr(LsmWindow) window = g_object_ref (open_window (NULL));
  LsmSitesLayer *layer = lsm_map_view_get_sites_layer (window->map_view);
  LsmFeature *site = lsm_catalog_lookup_site (lsm_window_get_catalog (window), "nd-na-duong-1");
  GtkTooltip *tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  g_autofree char *markup = NULL;
  gboolean shown = FALSE;
  double x, y;

  g_assert_nonnull (site);
  g_assert_true (gtk_widget_get_has_tooltip (GTK_WIDGET (layer)));
  g_assert_true (lsm_sites_layer_get_position (layer, site, &x, &y));

  g_signal_emit_by_name (layer, "query-tooltip", (int) x, (int) y, FALSE, tooltip, &shown);
  g_assert_true (shown);
  g_signal_emit_by_name (layer, "query-tooltip", 2, 2, FALSE, tooltip, &shown);
  g_assert_false (shown);

  markup = _lsm_site_tooltip_markup (site);
  g_assert_cmpstr (markup, ==, "<b>Nhà máy nhiệt điện Na Dương I</b>\nThermal power\nCapacity: 110 MW (as of 2024)");

  g_object_unref (tooltip);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LSMAP_BUNDLED_DATA", g_getenv ("LSMAP_DATA_DIR"), TRUE);
  init_display_test (&argc, &argv);

  g_test_add_func ("/lsm/handover/print-tab", test_handover_print_tab);
  g_test_add_func ("/lsm/handover/exported-toast-opens", test_handover_exported_toast_opens);
  g_test_add_func ("/lsm/handover/symbol-tooltip", test_handover_symbol_tooltip);
  g_test_add_func ("/lsm/handover/export-dialog", test_handover_export_dialog);

  return g_test_run ();
}
