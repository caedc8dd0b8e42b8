/* lsm-test-app.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lsm-window.h"

G_BEGIN_DECLS

void       init_display_test (int       *argc,
                              char    ***argv);
gboolean   wait_for       (gboolean (*condition) (gpointer),
                           gpointer   data);
gboolean   catalog_loaded (gpointer   data);
void       settle         (void);
void       reset_settings (void);
LsmWindow *open_window    (const char *path);
GdkTexture *render_widget (GtkWidget  *widget);
void       save_screenshot (GtkWidget  *widget,
                            const char *name);
char      *shown_text     (GtkWidget  *widget);
void       save_screenshot_in_language (GtkWidget  *widget,
                                         const char *name);
GtkWidget *find_widget_matching (GtkWidget   *widget,
                                 gboolean   (*match) (GtkWidget *, const char *),
                                 const char  *data);
GtkWidget *find_actionable (GtkWidget  *widget,
                            const char *action);
void       activate_button (GtkWidget  *button);
const char *badge_text    (GtkMenuButton *badge);

G_END_DECLS
