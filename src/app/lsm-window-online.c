/* lsm-window-online.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-window"

#include "config.h"

#include <glib/gi18n.h>

#include "lsm-window-private.h"

/* The online base map as the window tells it. win.online-map is ticked only while online tiles
 * are drawn or on their way; when they cannot be had, a banner above the map (never over its
 * zoom buttons, scale or attribution) says so in one translated sentence, the network's own
 * English going to the debug log, and the menu item reads "Unavailable". The online-map setting
 * keeps the user's choice: choosing the item again, or Retry, asks the server again. */

static gboolean
online_wanted (LsmWindow *self)
{
  return self->settings != NULL && g_settings_get_boolean (self->settings, "online-map");
}

/**
 * _lsm_window_online_map_shown:
 * @self: a window
 *
 * Returns: whether online tiles are drawn, and so credited, on the map now
 */
gboolean
_lsm_window_online_map_shown (LsmWindow *self)
{
  return lsm_map_view_get_online_state (self->map_view) == LSM_ONLINE_STATE_SHOWN;
}

static void
set_menu_label (LsmWindow *self,
                gboolean   unavailable)
{
  g_autoptr(GMenuItem) item = NULL;

  if (self->online_menu_unavailable == unavailable || self->base_map_section == NULL)
    return;

  self->online_menu_unavailable = unavailable;
  item = g_menu_item_new (unavailable ? _("Online Map (Unavailable)") : _("Online Map (_OpenStreetMap)"),
                          "win.online-map");
  g_menu_remove (self->base_map_section, 0);
  g_menu_insert_item (self->base_map_section, 0, item);
}

static void
sync_online (LsmWindow *self)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "online-map");
  gboolean unavailable = online_wanted (self)
                         && lsm_map_view_get_online_state (self->map_view) == LSM_ONLINE_STATE_UNAVAILABLE;

  if (action != NULL)
    g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_boolean (online_wanted (self) && !unavailable));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.online-map-retry", unavailable);
  gtk_revealer_set_reveal_child (self->online_banner, unavailable);
  set_menu_label (self, unavailable);
}

/**
 * _lsm_window_update_online_map:
 * @self: a window
 *
 * Asks the map for online tiles if the user wants them, else for none; again if they failed.
 */
void
_lsm_window_update_online_map (LsmWindow *self)
{
  g_autofree char *url = NULL;

  if (self->settings == NULL)
    return;

  if (g_settings_get_boolean (self->settings, "online-map"))
    url = g_settings_get_string (self->settings, "online-map-url");

  lsm_map_view_set_online (self->map_view, url);
  sync_online (self);
}

static void
on_online_map_activate_cb (GSimpleAction *action,
                           GVariant      *param,
                           LsmWindow     *self)
{
  g_autoptr(GVariant) state = g_action_get_state (G_ACTION (action));

  if (g_variant_get_boolean (state))
    g_settings_set_boolean (self->settings, "online-map", FALSE);
  else if (online_wanted (self))
    _lsm_window_update_online_map (self);
  else
    g_settings_set_boolean (self->settings, "online-map", TRUE);
}

static void
lsm_window_online_map_retry_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *param)
{
  _lsm_window_update_online_map (LSM_WINDOW (widget));
}

static void
lsm_window_online_map_off_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *param)
{
  LsmWindow *self = LSM_WINDOW (widget);

  if (self->settings != NULL)
    g_settings_set_boolean (self->settings, "online-map", FALSE);
}

void
_lsm_window_class_add_online_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.online-map-retry", NULL, lsm_window_online_map_retry_action);
  gtk_widget_class_install_action (widget_class, "win.online-map-off", NULL, lsm_window_online_map_off_action);
}

/**
 * _lsm_window_init_online:
 * @self: a window, its template and settings ready
 */
void
_lsm_window_init_online (LsmWindow *self)
{
  g_autoptr(GSimpleAction) action = NULL;

  g_signal_connect_object (self->map_view, "notify::online-state", G_CALLBACK (sync_online), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.online-map-retry", FALSE);
  if (self->settings == NULL)
    return;

  action = g_simple_action_new_stateful ("online-map", NULL,
                                         g_variant_new_boolean (g_settings_get_boolean (self->settings, "online-map")));
  g_signal_connect_object (action, "activate", G_CALLBACK (on_online_map_activate_cb), self, 0);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (action));
  g_signal_connect_object (self->settings, "changed::online-map", G_CALLBACK (_lsm_window_update_online_map),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::online-map-url", G_CALLBACK (_lsm_window_update_online_map),
                           self, G_CONNECT_SWAPPED);
}
