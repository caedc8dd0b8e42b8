/* lsm-window-units.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-window"

#include "config.h"

#include "lsm-choropleth-control.h"
#include "lsm-units.h"
#include "lsm-window-private.h"

/* The administrative units the map shows, as the window tells it: win.units is a radio choice
 * kept in the "units" setting. The scene draws the choice, so the base map, print and export
 * all show the same units. */

static LsmUnits
chosen_units (LsmWindow *self)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "units");
  g_autoptr(GVariant) state = action != NULL ? g_action_get_state (action) : NULL;
  LsmUnits units = LSM_UNITS_DISTRICTS;

  if (state != NULL)
    lsm_units_from_id (g_variant_get_string (state, NULL), &units);

  return units;
}

/**
 * _lsm_window_apply_units:
 * @self: a window
 *
 * Makes the scene draw the chosen units and the map draw them anew.
 */
void
_lsm_window_apply_units (LsmWindow *self)
{
  if (self->scene == NULL || lsm_scene_get_units (self->scene) == chosen_units (self))
    return;

  lsm_scene_set_units (self->scene, chosen_units (self));
  /* The legend's ranges are those of the areas now coloured. */
  lsm_choropleth_control_set_choropleth (LSM_CHOROPLETH_CONTROL (lsm_sidebar_get_choropleth_control (self->sidebar)),
                                         lsm_scene_get_choropleth (self->scene), chosen_units (self));
  lsm_map_view_refresh_base_map (self->map_view);
}

static void
on_units_change_state_cb (GSimpleAction *action,
                          GVariant      *value,
                          LsmWindow     *self)
{
  LsmUnits units;

  if (!lsm_units_from_id (g_variant_get_string (value, NULL), &units))
    return;

  g_simple_action_set_state (action, value);
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "units", lsm_units_get_id (units));
  _lsm_window_apply_units (self);
}

static void
on_units_setting_changed_cb (LsmWindow *self)
{
  g_autofree char *id = g_settings_get_string (self->settings, "units");
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "units");

  g_action_change_state (action, g_variant_new_string (id));
}

/**
 * _lsm_window_init_units:
 * @self: a window, its template and settings ready
 */
void
_lsm_window_init_units (LsmWindow *self)
{
  g_autoptr(GSimpleAction) action = NULL;
  g_autofree char *id = self->settings != NULL ? g_settings_get_string (self->settings, "units") : NULL;
  LsmUnits units = LSM_UNITS_DISTRICTS;

  lsm_units_from_id (id, &units);
  action = g_simple_action_new_stateful ("units", G_VARIANT_TYPE_STRING,
                                         g_variant_new_string (lsm_units_get_id (units)));
  g_signal_connect_object (action, "change-state", G_CALLBACK (on_units_change_state_cb), self, 0);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (action));

  if (self->settings != NULL)
    g_signal_connect_object (self->settings, "changed::units", G_CALLBACK (on_units_setting_changed_cb),
                             self, G_CONNECT_SWAPPED);
}
