/* test-layers.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lsm-layer.h"
#include "lsm-window.h"

G_BEGIN_DECLS

/* The layers suite's helpers, shared by its two files. */
void        collect_labels       (GtkWidget  *widget,
                                  GString    *text);
LsmWindow  *new_window           (void);
LsmFeature *site_named           (LsmLayer   *layer,
                                  const char *name);
gboolean    has_layers           (LsmWindow  *window,
                                  guint       n);
char       *window_text          (LsmWindow  *window);

/* test-layers-data.c: what a layer's own data gives. */
void        add_layer_data_tests (void);

G_END_DECLS
