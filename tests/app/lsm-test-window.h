/* lsm-test-window.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lsm-sites-layer.h"
#include "lsm-window.h"

G_BEGIN_DECLS

/* Helpers shared by the window's suites: what the panels say, the sites drawn, clicks. */
void           collect_labels (GtkWidget  *widget,
                               GString    *text);
char          *panel_text     (LsmWindow  *window);
LsmSitesLayer *sites_layer    (LsmWindow  *window);
void           click_site     (LsmWindow  *window,
                               const char *id);
gboolean       tiles_ready    (gpointer    data);
guint32       *map_pixels     (LsmWindow  *window,
                               int        *width,
                               int        *height);

G_END_DECLS
