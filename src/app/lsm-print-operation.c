/* lsm-print-operation.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-print-operation"

#include "config.h"

#include <glib/gi18n.h>

#include "lsm-atlas.h"
#include "lsm-page-title.h"
#include "lsm-print-operation.h"

/* Printing with the system dialog and its preview; the pages are the ones a PDF export makes
 * (one #LsmDocument), drawn as vectors at the printer's resolution, so there is nothing to wait
 * for and no screen pixels. A "Map" tab of the dialog holds the title, key, labels and atlas. */
struct _LsmPrintOperation
{
  GtkPrintOperation  parent_instance;

  LsmScene          *scene;
  LsmFilter         *filter;
  LsmPageOptions     options;
  LsmDocument       *document;

  /* the custom tab, while the dialog is up */
  GtkEditable       *title_entry;
  GtkCheckButton    *key_check;
  GtkCheckButton    *labels_check;
  GtkDropDown       *atlas_dropdown;
};

G_DEFINE_FINAL_TYPE (LsmPrintOperation, lsm_print_operation, GTK_TYPE_PRINT_OPERATION)

static void
lsm_print_operation_begin_print (GtkPrintOperation *operation,
                                 GtkPrintContext   *context)
{
  LsmPrintOperation *self = LSM_PRINT_OPERATION (operation);

  g_clear_pointer (&self->document, lsm_document_free);
  self->document = lsm_document_new (self->scene, self->filter, &self->options);
  gtk_print_operation_set_n_pages (operation,
                                   lsm_document_paginate (self->document, gtk_print_context_get_cairo_context (context),
                                                          gtk_print_context_get_width (context),
                                                          gtk_print_context_get_height (context)));
}

static void
lsm_print_operation_draw_page (GtkPrintOperation *operation,
                               GtkPrintContext   *context,
                               int                page_nr)
{
  LsmPrintOperation *self = LSM_PRINT_OPERATION (operation);

  lsm_document_draw_page (self->document, page_nr, gtk_print_context_get_cairo_context (context),
                          gtk_print_context_get_width (context), gtk_print_context_get_height (context), NULL);
}

static GtkWidget *
add_row (GtkGrid    *grid,
         int         row,
         const char *label,
         GtkWidget  *widget)
{
  if (label != NULL)
    {
      GtkWidget *caption = gtk_label_new_with_mnemonic (label);

      gtk_label_set_xalign (GTK_LABEL (caption), 0);
      gtk_label_set_mnemonic_widget (GTK_LABEL (caption), widget);
      gtk_grid_attach (grid, caption, 0, row, 1, 1);
    }
  gtk_widget_set_hexpand (widget, TRUE);
  gtk_grid_attach (grid, widget, 1, row, 1, 1);

  return widget;
}

static GtkWidget *
lsm_print_operation_create_custom_widget (GtkPrintOperation *operation)
{
  LsmPrintOperation *self = LSM_PRINT_OPERATION (operation);
  const char *atlases[] = { _("One map"), _("Overview and one map per district"),
                            _("Overview and one map per sector"), NULL };
  g_autofree char *title = self->options.title != NULL ? g_strdup (self->options.title)
                                                       : lsm_page_filter_title (self->filter, self->options.district);
  GtkGrid *grid = GTK_GRID (gtk_grid_new ());
  GtkWidget *entry = gtk_entry_new ();

  gtk_grid_set_row_spacing (grid, 8);
  gtk_grid_set_column_spacing (grid, 12);
  g_object_set (grid, "margin-top", 18, "margin-bottom", 18, "margin-start", 18, "margin-end", 18, NULL);

  gtk_entry_set_max_length (GTK_ENTRY (entry), LSM_PAGE_TITLE_MAX);
  gtk_editable_set_text (GTK_EDITABLE (entry), title);
  self->title_entry = GTK_EDITABLE (add_row (grid, 0, _("_Title"), entry));
  self->key_check = GTK_CHECK_BUTTON (add_row (grid, 1, NULL, gtk_check_button_new_with_mnemonic (_("_Key table"))));
  gtk_check_button_set_active (self->key_check, !self->options.hide_key);
  self->labels_check = GTK_CHECK_BUTTON (add_row (grid, 2, NULL,
                                                  gtk_check_button_new_with_mnemonic (_("Site _numbers and names"))));
  gtk_check_button_set_active (self->labels_check, !self->options.hide_labels);
  self->atlas_dropdown = GTK_DROP_DOWN (add_row (grid, 3, _("_Atlas"), gtk_drop_down_new_from_strings (atlases)));
  gtk_drop_down_set_selected (self->atlas_dropdown, self->options.atlas);

  return GTK_WIDGET (grid);
}

static void
lsm_print_operation_custom_widget_apply (GtkPrintOperation *operation,
                                         GtkWidget         *widget)
{
  LsmPrintOperation *self = LSM_PRINT_OPERATION (operation);
  const char *title = gtk_editable_get_text (self->title_entry);

  g_clear_pointer (&self->options.title, g_free);
  if (*title != '\0')
    self->options.title = lsm_page_cap_title (title, NULL);
  self->options.hide_key = !gtk_check_button_get_active (self->key_check);
  self->options.hide_labels = !gtk_check_button_get_active (self->labels_check);
  self->options.atlas = MIN (gtk_drop_down_get_selected (self->atlas_dropdown), LSM_ATLAS_BY_SECTOR);
}

static void
lsm_print_operation_finalize (GObject *object)
{
  LsmPrintOperation *self = (LsmPrintOperation *) object;

  g_clear_object (&self->scene);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->document, lsm_document_free);
  lsm_page_options_clear (&self->options);

  G_OBJECT_CLASS (lsm_print_operation_parent_class)->finalize (object);
}

static void
lsm_print_operation_class_init (LsmPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *print_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->finalize = lsm_print_operation_finalize;
  print_class->begin_print = lsm_print_operation_begin_print;
  print_class->draw_page = lsm_print_operation_draw_page;
  print_class->create_custom_widget = lsm_print_operation_create_custom_widget;
  print_class->custom_widget_apply = lsm_print_operation_custom_widget_apply;
}

static void
lsm_print_operation_init (LsmPrintOperation *self)
{
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  /* A map reads best across the page; the dialog lets the user change it. */
  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), setup);
  gtk_print_operation_set_unit (GTK_PRINT_OPERATION (self), GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (GTK_PRINT_OPERATION (self), TRUE);
  gtk_print_operation_set_embed_page_setup (GTK_PRINT_OPERATION (self), TRUE);
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), _("Lạng Sơn industry map"));
  /* Translators: the tab of the print dialog with the map's own options */
  gtk_print_operation_set_custom_tab_label (GTK_PRINT_OPERATION (self), C_("print tab", "Map"));
}

/**
 * lsm_print_operation_new:
 * @scene: what to draw
 * @filter: which sites
 * @options: title, area and credits; the paper comes from the print dialog
 *
 * Returns: (transfer full): a new print operation
 */
LsmPrintOperation *
lsm_print_operation_new (LsmScene             *scene,
                         LsmFilter            *filter,
                         const LsmPageOptions *options)
{
  LsmPrintOperation *self = g_object_new (LSM_TYPE_PRINT_OPERATION, NULL);

  self->scene = g_object_ref (scene);
  self->filter = g_object_ref (filter);
  lsm_page_options_init (&self->options);
  self->options.title = g_strdup (options->title);
  self->options.extent = options->extent;
  self->options.district = g_strdup (options->district);
  self->options.bounds = options->bounds;
  self->options.online = options->online;
  self->options.hide_key = options->hide_key;
  self->options.hide_labels = options->hide_labels;
  self->options.atlas = options->atlas;

  return self;
}
