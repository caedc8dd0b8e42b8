/* lsm-window-overview.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-window"

#include "config.h"

#include "lsm-overview-panel.h"
#include "lsm-window-private.h"

/* The province overview takes the side panel whenever nothing is selected, unless the user
 * closed it; win.overview (the "Province" button, Alt+Home) clears the selection and brings it
 * back, at its top. */

/**
 * _lsm_window_update_overview:
 * @self: a window
 *
 * Shows the overview when the detail panel has nothing to show and the user wants it.
 */
void
_lsm_window_update_overview (LsmWindow *self)
{
  gboolean shown = self->catalog != NULL
                   && lsm_detail_panel_get_feature (self->detail_panel) == NULL
                   && !self->overview_closed;

  gtk_widget_set_visible (GTK_WIDGET (self->overview_panel), shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.close-overview", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.overview", self->catalog != NULL);
}

static void
lsm_window_overview_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  LsmWindow *self = LSM_WINDOW (widget);

  self->overview_closed = FALSE;
  lsm_window_select (self, NULL, FALSE);
  lsm_overview_panel_scroll_to_top (self->overview_panel);
  _lsm_window_update_overview (self);
}

static void
lsm_window_close_overview_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *param)
{
  LsmWindow *self = LSM_WINDOW (widget);

  self->overview_closed = TRUE;
  _lsm_window_update_overview (self);
}

void
_lsm_window_class_add_overview_actions (GtkWidgetClass *widget_class)
{
  g_type_ensure (LSM_TYPE_OVERVIEW_PANEL);

  gtk_widget_class_install_action (widget_class, "win.overview", NULL, lsm_window_overview_action);
  gtk_widget_class_install_action (widget_class, "win.close-overview", NULL, lsm_window_close_overview_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, GDK_ALT_MASK, "win.overview", NULL);
}
