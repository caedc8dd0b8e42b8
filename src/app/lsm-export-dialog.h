/* lsm-export-dialog.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lsm-page.h"
#include "lsm-scene.h"

G_BEGIN_DECLS

#define LSM_TYPE_EXPORT_DIALOG (lsm_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LsmExportDialog, lsm_export_dialog, LSM, EXPORT_DIALOG, AdwWindow)

LsmExportDialog *lsm_export_dialog_new         (GtkWindow       *parent,
                                                LsmScene        *scene,
                                                LsmFilter       *filter,
                                                const LsmBounds *view_bounds,
                                                gboolean         online);
void             lsm_export_dialog_get_options (LsmExportDialog *self,
                                                LsmPageOptions  *options);
void             lsm_export_dialog_save        (LsmExportDialog *self,
                                                const char      *path);
gboolean         lsm_export_dialog_export_to   (LsmExportDialog *self,
                                                const char      *path,
                                                GError         **error);

G_END_DECLS
