/* lsm-layers-list.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-layers-list"

#include "config.h"

#include <glib/gi18n.h>

#include "lsm-layer.h"
#include "lsm-layers-list.h"

/* Each source shown: its features, its problems, a switch to show it and, for the user's own
 * files, a button to remove it. The window's actions do the work, keyed by the layer's file. */

struct _LsmLayersList
{
  AdwBin      parent_instance;

  GtkListBox *list_box;
};

G_DEFINE_FINAL_TYPE (LsmLayersList, lsm_layers_list, ADW_TYPE_BIN)

static void
update_row (AdwActionRow *row,
            LsmLayer     *layer)
{
  guint n_features = lsm_layer_get_n_features (layer);
  guint n_problems = lsm_layer_get_n_problems (layer);
  g_autofree char *features = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u site", "%u sites", n_features),
                                               n_features);
  g_autofree char *subtitle = NULL;
  GtkWidget *details = g_object_get_data (G_OBJECT (row), "lsm-details");

  if (n_problems > 0)
    /* Translators: under a layer's name: "12 sites · 2 problems" */
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u problem", "%s · %u problems", n_problems),
                                features, n_problems);
  adw_action_row_set_subtitle (row, subtitle != NULL ? subtitle : features);
  gtk_widget_set_visible (details, n_problems > 0);
}

static void
on_layer_catalog_cb (LsmLayer     *layer,
                     GParamSpec   *pspec,
                     AdwActionRow *row)
{
  update_row (row, layer);
}

/* The row's buttons act on the layer through the window's actions, by the layer's file. */
static void
add_button (GtkWidget  *row,
            GtkWidget  *button,
            const char *tooltip,
            const char *action,
            GVariant   *target)
{
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  if (tooltip != NULL)
    gtk_widget_set_tooltip_text (button, tooltip);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  LsmLayer *layer = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *visible = gtk_switch_new ();
  GtkWidget *details = gtk_button_new_with_mnemonic (_("_Details"));
  const char *path = lsm_layer_get_path (layer);
  GVariant *target = g_variant_new_string (path != NULL ? path : "");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), lsm_layer_get_title (layer));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (path != NULL)
    gtk_widget_set_tooltip_text (row, path);

  add_button (row, details, NULL, "win.show-layer-problems", target);
  g_object_set_data (G_OBJECT (row), "lsm-details", details);

  gtk_widget_set_valign (visible, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (visible, _("Show on the map and in the list"));
  g_object_bind_property (layer, "visible", visible, "active", G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), visible);

  /* A database changes without a file to watch: the user says when to read it again. */
  if (path != NULL && !g_file_test (path, G_FILE_TEST_EXISTS))
    add_button (row, gtk_button_new_from_icon_name ("view-refresh-symbolic"), _("Reload"),
                "win.reload-layer", target);

  if (!lsm_layer_is_bundled (layer))
    add_button (row, gtk_button_new_from_icon_name ("user-trash-symbolic"), _("Remove Layer"),
                "win.remove-layer", target);

  update_row (ADW_ACTION_ROW (row), layer);
  g_signal_connect_object (layer, "notify::catalog", G_CALLBACK (on_layer_catalog_cb), row, 0);

  return row;
}

static void
lsm_layers_list_class_init (LsmLayersListClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/lsm-layers-list.ui");
  gtk_widget_class_bind_template_child (widget_class, LsmLayersList, list_box);
}

static void
lsm_layers_list_init (LsmLayersList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * lsm_layers_list_set_model:
 * @self: a layers list
 * @layers: (element-type LsmLayer): the window's layers
 */
void
lsm_layers_list_set_model (LsmLayersList *self,
                           GListModel    *layers)
{
  g_return_if_fail (LSM_IS_LAYERS_LIST (self));
  g_return_if_fail (G_IS_LIST_MODEL (layers));

  gtk_list_box_bind_model (self->list_box, layers, create_row, NULL, NULL);
}

GtkListBox *
lsm_layers_list_get_list_box (LsmLayersList *self)
{
  g_return_val_if_fail (LSM_IS_LAYERS_LIST (self), NULL);

  return self->list_box;
}
