/* lsm-print-operation.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "lsm-page.h"
#include "lsm-scene.h"

G_BEGIN_DECLS

#define LSM_TYPE_PRINT_OPERATION (lsm_print_operation_get_type ())

G_DECLARE_FINAL_TYPE (LsmPrintOperation, lsm_print_operation, LSM, PRINT_OPERATION, GtkPrintOperation)

LsmPrintOperation *lsm_print_operation_new (LsmScene             *scene,
                                            LsmFilter            *filter,
                                            const LsmPageOptions *options);

G_END_DECLS
