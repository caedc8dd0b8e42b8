/* lsm-print-operation.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-print-operation"

#include "config.h"

#include <glib/gi18n.h>

#include "lsm-print-operation.h"

/* Printing with the system dialog and its preview; the page is the one export makes, drawn as
 * vectors at the printer's resolution, so there is nothing to wait for and no screen pixels. */
struct _LsmPrintOperation
{
  GtkPrintOperation  parent_instance;

  LsmScene          *scene;
  LsmFilter         *filter;
  LsmPageOptions     options;
};

G_DEFINE_FINAL_TYPE (LsmPrintOperation, lsm_print_operation, GTK_TYPE_PRINT_OPERATION)

static void
lsm_print_operation_begin_print (GtkPrintOperation *operation,
                                 GtkPrintContext   *context)
{
  gtk_print_operation_set_n_pages (operation, 1);
}

static void
lsm_print_operation_draw_page (GtkPrintOperation *operation,
                               GtkPrintContext   *context,
                               int                page_nr)
{
  LsmPrintOperation *self = LSM_PRINT_OPERATION (operation);

  lsm_page_draw (self->scene, self->filter, &self->options, gtk_print_context_get_cairo_context (context),
                 gtk_print_context_get_width (context), gtk_print_context_get_height (context), NULL);
}

static void
lsm_print_operation_finalize (GObject *object)
{
  LsmPrintOperation *self = (LsmPrintOperation *) object;

  g_clear_object (&self->scene);
  g_clear_object (&self->filter);
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

  return self;
}
