/* lsm-layers-list.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LSM_TYPE_LAYERS_LIST (lsm_layers_list_get_type ())

G_DECLARE_FINAL_TYPE (LsmLayersList, lsm_layers_list, LSM, LAYERS_LIST, AdwBin)

void        lsm_layers_list_set_model (LsmLayersList *self,
                                       GListModel    *layers);
GtkListBox *lsm_layers_list_get_list_box (LsmLayersList *self);

G_END_DECLS
