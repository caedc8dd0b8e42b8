/* lsm-window-layers.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-window"

#include "config.h"

#include <glib/gi18n.h>

#include "lsm-catalog.h"
#include "lsm-feature.h"
#include "lsm-layer.h"
#include "lsm-loader.h"
#include "lsm-window-private.h"

/* The user's files beside the bundled data: each is a layer; every view shows the merge of the
 * visible ones. Open Data…, a drop on the map and the command line all come here. */

typedef struct
{
  LsmWindow *window;
  char      *path;
} LayerLoad;

static void
layer_load_free (LayerLoad *load)
{
  g_object_unref (load->window);
  g_free (load->path);
  g_free (load);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LayerLoad, layer_load_free)

static LsmLayer *
find_layer (LsmWindow  *self,
            const char *path,
            guint      *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->layers));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LsmLayer) layer = g_list_model_get_item (G_LIST_MODEL (self->layers), i);

      if (!lsm_layer_is_bundled (layer) && g_strcmp0 (lsm_layer_get_path (layer), path) == 0)
        {
          if (position != NULL)
            *position = i;
          return layer;
        }
    }

  return NULL;
}

static void
save_layers (LsmWindow *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) paths = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->layers));

  if (self->settings == NULL)
    return;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LsmLayer) layer = g_list_model_get_item (G_LIST_MODEL (self->layers), i);

      /* The base layer comes from the command line or the bundled data, not from here. */
      if (i > 0 || !self->base_loaded)
        g_strv_builder_add (builder, lsm_layer_get_path (layer));
    }

  paths = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "layers", (const char * const *) paths);
}

static gboolean
dismiss_cb (gpointer data)
{
  adw_toast_dismiss (ADW_TOAST (data));
  return G_SOURCE_REMOVE;
}

/* libadwaita 1.2 crashes (a use after free in the overlay's animations) when a toast is
 * dismissed in the same main-loop turn as another is added (here the new data's problems
 * toast): dismiss it once the overlay has taken the new one. */
static void
dismiss_later (AdwToast *toast)
{
  if (toast != NULL)
    g_timeout_add_full (G_PRIORITY_DEFAULT, 200, dismiss_cb, toast, g_object_unref);
}

static void
show_error (LsmWindow  *self,
            const char *message)
{
  if (self->error_toast != NULL)
    adw_toast_dismiss (self->error_toast);
  g_set_object (&self->error_toast, _lsm_window_toast (self, message, 0));
}

/**
 * _lsm_window_show_layers:
 * @self: a window
 *
 * Shows the merge of the visible layers in every view, once it is made in a worker thread.
 */
void
_lsm_window_show_layers (LsmWindow *self)
{
  g_autoptr(GListStore) now = g_list_store_new (LSM_TYPE_LAYER);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->layers));

  /* The thread merges copies: the user may show, hide or reload a layer meanwhile. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LsmLayer) layer = g_list_model_get_item (G_LIST_MODEL (self->layers), i);
      g_autoptr(LsmLayer) copy = lsm_layer_new (lsm_layer_get_path (layer), lsm_layer_get_catalog (layer));

      lsm_layer_set_visible (copy, lsm_layer_get_visible (layer));
      g_list_store_append (now, copy);
    }
  _lsm_window_show_merge (self, G_LIST_MODEL (now));
}

/**
 * _lsm_window_take_new_skipped:
 * @self: a window
 *
 * What the problems toast counts: the items left out of the layers whose problems were not
 * told yet. Another layer shown or hidden, or a file read again with the same problems, has
 * nothing new to tell; the Layers list still shows every layer's problems.
 *
 * Returns: the number of items left out, of the layers with problems not told before
 */
guint
_lsm_window_take_new_skipped (LsmWindow *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->layers));
  guint n_skipped = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LsmLayer) layer = g_list_model_get_item (G_LIST_MODEL (self->layers), i);
      LsmCatalog *catalog = lsm_layer_get_catalog (layer);
      LsmCatalog *told = g_object_get_data (G_OBJECT (layer), "lsm-told-catalog");

      /* The catalog told is kept, not a copy of its problems: a million sites may have as
       * many, and a layer shown or hidden keeps its catalog, so most calls compare nothing. A
       * file read again is compared with what was told of it. */
      if (told != catalog
          && (told == NULL || !g_strv_equal (lsm_catalog_get_problems (told), lsm_catalog_get_problems (catalog))))
        n_skipped += lsm_catalog_get_n_skipped (catalog);
      g_object_set_data_full (G_OBJECT (layer), "lsm-told-catalog", g_object_ref (catalog), g_object_unref);
    }

  return n_skipped;
}

static void
on_layer_visible_cb (LsmLayer   *layer,
                     GParamSpec *pspec,
                     LsmWindow  *self)
{
  _lsm_window_show_layers (self);
}

/* Editors save in bursts (a temporary file, a rename, a change of attributes): one read after
 * the file has been quiet for a moment. */
#define RELOAD_DELAY_MS 500

typedef struct
{
  GFileMonitor *monitor;
  guint         timeout_id;
  LsmWindow    *window;  /* weak */
  char         *path;
} LayerWatch;

static void
layer_watch_free (gpointer data)
{
  LayerWatch *watch = data;

  g_clear_handle_id (&watch->timeout_id, g_source_remove);
  g_file_monitor_cancel (watch->monitor);
  g_object_unref (watch->monitor);
  g_clear_weak_pointer (&watch->window);
  g_free (watch->path);
  g_free (watch);
}

static gboolean
reload_cb (gpointer data)
{
  LayerWatch *watch = data;

  watch->timeout_id = 0;
  if (watch->window != NULL && g_file_test (watch->path, G_FILE_TEST_EXISTS))
    lsm_window_add_layer (watch->window, watch->path);

  return G_SOURCE_REMOVE;
}

static void
on_layer_file_changed_cb (GFileMonitor      *monitor,
                          GFile             *file,
                          GFile             *other,
                          GFileMonitorEvent  event,
                          LayerWatch        *watch)
{
  if (event != G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT && event != G_FILE_MONITOR_EVENT_CREATED
      && event != G_FILE_MONITOR_EVENT_CHANGED && event != G_FILE_MONITOR_EVENT_RENAMED
      && event != G_FILE_MONITOR_EVENT_MOVED_IN)
    return;

  g_clear_handle_id (&watch->timeout_id, g_source_remove);
  watch->timeout_id = g_timeout_add (RELOAD_DELAY_MS, reload_cb, watch);
}

static void
watch_layer (LsmWindow *self,
             LsmLayer  *layer)
{
  const char *path = lsm_layer_get_path (layer);
  g_autoptr(GFile) file = NULL;
  GFileMonitor *monitor;
  LayerWatch *watch;

  /* A database has no file to watch: its Reload action reads it again. */
  if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return;

  file = g_file_new_for_path (path);
  monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (monitor == NULL)
    return;

  watch = g_new0 (LayerWatch, 1);
  watch->monitor = monitor;
  watch->path = g_strdup (path);
  g_set_weak_pointer (&watch->window, self);
  g_signal_connect (monitor, "changed", G_CALLBACK (on_layer_file_changed_cb), watch);
  g_object_set_data_full (G_OBJECT (layer), "lsm-watch", watch, layer_watch_free);
}

static void
insert_layer (LsmWindow *self,
              guint      position,
              LsmLayer  *layer)
{
  g_signal_connect_object (layer, "notify::visible", G_CALLBACK (on_layer_visible_cb), self, 0);
  watch_layer (self, layer);
  g_list_store_insert (self->layers, position, layer);
}

/**
 * _lsm_window_set_base:
 * @self: a window
 * @path: (nullable): what the base layer was read from, %NULL for the bundled data
 * @catalog: what it holds
 *
 * The first layer: the boundaries and sources every other layer is shown on.
 */
void
_lsm_window_set_base (LsmWindow  *self,
                      const char *path,
                      LsmCatalog *catalog)
{
  g_autoptr(LsmLayer) layer = lsm_layer_new (path, catalog);

  _lsm_window_drop_base (self);
  self->base_loaded = TRUE;
  insert_layer (self, 0, layer);
  _lsm_window_show_layers (self);
}

/**
 * _lsm_window_drop_base:
 * @self: a window
 *
 * Forgets the base layer: its load was cancelled before it was shown.
 */
void
_lsm_window_drop_base (LsmWindow *self)
{
  if (!self->base_loaded)
    return;

  g_list_store_remove (self->layers, 0);
  self->base_loaded = FALSE;
}

static void
on_layer_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(LayerLoad) load = user_data;
  LsmWindow *self = load->window;
  g_autoptr(LsmCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AdwToast) complaint = NULL;
  LsmLayer *layer;

  catalog = lsm_loader_load_finish (LSM_LOADER (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (catalog == NULL)
    {
      g_message ("Failed to load %s: %s", load->path, error->message);
      show_error (self, error->message);
      if (self->catalog != NULL)
        gtk_stack_set_visible_child_name (self->stack, "map");
      return;
    }

  /* The user fixed what was wrong: the old complaint no longer holds. */
  complaint = g_steal_pointer (&self->error_toast);

  if ((layer = find_layer (self, load->path, NULL)) != NULL)
    {
      /* Read again: the site looked at is the same site if its id is still in the file. */
      LsmFeature *selected = lsm_detail_panel_get_feature (self->detail_panel);
      g_autofree char *id = selected != NULL ? g_strdup (lsm_feature_get_id (selected)) : NULL;
      gboolean was_here = id != NULL && lsm_catalog_lookup_site (lsm_layer_get_catalog (layer), id) == selected;
      LsmFeature *again;

      lsm_layer_set_catalog (layer, catalog);
      _lsm_window_show_layers (self);
      if (was_here && (again = lsm_catalog_lookup_site (catalog, id)) != NULL)
        lsm_window_select (self, again, FALSE);
      dismiss_later (g_steal_pointer (&complaint));
      return;
    }
  else
    {
      g_autoptr(LsmLayer) added = lsm_layer_new (load->path, catalog);

      insert_layer (self, g_list_model_get_n_items (G_LIST_MODEL (self->layers)), added);
      save_layers (self);
    }

  _lsm_window_show_layers (self);
  dismiss_later (g_steal_pointer (&complaint));
}

static gboolean
scope_is_taken (LsmWindow  *self,
                const char *scope)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->layer_scopes);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (g_strcmp0 (value, scope) == 0)
      return TRUE;

  return FALSE;
}

/* The prefix of a layer's site ids: its file's name, numbered when another layer's file has
 * the same name. Given when the file is first added, so a reload keeps the ids. */
static const char *
layer_scope (LsmWindow  *self,
             const char *path)
{
  const char *scope = g_hash_table_lookup (self->layer_scopes, path);
  g_autofree char *name = NULL;
  char *candidate;

  if (scope != NULL)
    return scope;

  name = g_filename_display_basename (path);
  candidate = g_strdup (name);
  for (guint n = 2; scope_is_taken (self, candidate); n++)
    {
      g_free (candidate);
      candidate = g_strdup_printf ("%s (%u)", name, n);
    }
  g_hash_table_insert (self->layer_scopes, g_strdup (path), candidate);

  return candidate;
}

/**
 * lsm_window_add_layer:
 * @self: a window
 * @path: a file of the user's own
 *
 * Reads @path in a worker thread and shows it beside what is shown; a file already shown is
 * read again.
 */
void
lsm_window_add_layer (LsmWindow  *self,
                      const char *path)
{
  g_autoptr(LsmLoader) loader = NULL;
  LayerLoad *load;

  g_return_if_fail (LSM_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  if (self->cancellable == NULL)
    self->cancellable = g_cancellable_new ();

  loader = lsm_loader_new (path);
  lsm_loader_set_id_scope (loader, layer_scope (self, path));
  load = g_new0 (LayerLoad, 1);
  load->window = g_object_ref (self);
  load->path = g_strdup (path);
  lsm_loader_load_async (loader, self->cancellable, on_layer_loaded_cb, load);
}

/**
 * lsm_window_remove_layer:
 * @self: a window
 * @layer: one of its layers, not the first
 */
void
lsm_window_remove_layer (LsmWindow *self,
                         LsmLayer  *layer)
{
  guint position;

  g_return_if_fail (LSM_IS_WINDOW (self));
  g_return_if_fail (LSM_IS_LAYER (layer));

  if (find_layer (self, lsm_layer_get_path (layer), &position) == NULL
      || (position == 0 && self->base_loaded))
    return;

  g_signal_handlers_disconnect_by_func (layer, on_layer_visible_cb, self);
  g_hash_table_remove (self->layer_scopes, lsm_layer_get_path (layer));
  g_list_store_remove (self->layers, position);
  save_layers (self);
  _lsm_window_show_layers (self);
}

/**
 * lsm_window_get_layers:
 * @self: a window
 *
 * Returns: (transfer none): the window's #LsmLayer list, the base layer first
 */
GListModel *
lsm_window_get_layers (LsmWindow *self)
{
  g_return_val_if_fail (LSM_IS_WINDOW (self), NULL);

  return G_LIST_MODEL (self->layers);
}

/**
 * lsm_window_open_files:
 * @self: a window
 * @files: (element-type GFile): files chosen, dropped or named on the command line
 *
 * Adds each file as a layer.
 */
void
lsm_window_open_files (LsmWindow  *self,
                        GListModel *files)
{
  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        lsm_window_add_layer (self, path);
      else
        {
          g_autofree char *uri = g_file_get_uri (file);
          /* Translators: %s is an address such as https://… */
          g_autofree char *message = g_strdup_printf (_("%s: only files on this computer can be opened"), uri);

          show_error (self, message);
        }
    }
}

static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            LsmWindow     *self)
{
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  for (GSList *l = gdk_file_list_get_files (g_value_get_boxed (value)); l != NULL; l = l->next)
    g_list_store_append (files, l->data);
  lsm_window_open_files (self, G_LIST_MODEL (files));

  return TRUE;
}

/**
 * lsm_window_restore_layers:
 * @self: a window
 *
 * Reopens the files the user had open; one that is gone is said and forgotten.
 */
void
lsm_window_restore_layers (LsmWindow *self)
{
  g_auto(GStrv) paths = NULL;

  g_return_if_fail (LSM_IS_WINDOW (self));

  if (self->settings == NULL)
    return;

  paths = g_settings_get_strv (self->settings, "layers");
  for (guint i = 0; paths[i] != NULL; i++)
    {
      if (g_file_test (paths[i], G_FILE_TEST_EXISTS))
        lsm_window_add_layer (self, paths[i]);
      else
        {
          g_autofree char *shown = g_filename_display_name (paths[i]);
          /* Translators: %s is a file the user had opened before */
          g_autofree char *message = g_strdup_printf (_("%s is gone: it is no longer shown"), shown);

          /* Not an error a later load would answer: it stays until read. */
          _lsm_window_toast (self, message, 0);
        }
    }
}

static LsmLayer *
layer_of_target (LsmWindow *self,
                 GVariant  *param)
{
  const char *path = g_variant_get_string (param, NULL);
  g_autoptr(LsmLayer) first = NULL;

  /* The base layer has no file of its own to name it: "" does. */
  if (*path != '\0')
    return find_layer (self, path, NULL);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->layers)) == 0)
    return NULL;
  first = g_list_model_get_item (G_LIST_MODEL (self->layers), 0);
  return first;
}

static void
lsm_window_remove_layer_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *param)
{
  LsmWindow *self = LSM_WINDOW (widget);
  LsmLayer *layer = layer_of_target (self, param);

  if (layer != NULL)
    lsm_window_remove_layer (self, layer);
}

static void
lsm_window_reload_layer_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *param)
{
  LsmWindow *self = LSM_WINDOW (widget);
  LsmLayer *layer = layer_of_target (self, param);

  if (layer != NULL && !lsm_layer_is_bundled (layer))
    lsm_window_add_layer (self, lsm_layer_get_path (layer));
}

static void
lsm_window_show_layer_problems_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *param)
{
  LsmWindow *self = LSM_WINDOW (widget);
  LsmLayer *layer = layer_of_target (self, param);

  if (layer != NULL)
    _lsm_window_show_problems (self, lsm_layer_get_catalog (layer));
}

void
_lsm_window_class_add_layer_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.remove-layer", "s", lsm_window_remove_layer_action);
  gtk_widget_class_install_action (widget_class, "win.reload-layer", "s", lsm_window_reload_layer_action);
  gtk_widget_class_install_action (widget_class, "win.show-layer-problems", "s",
                                   lsm_window_show_layer_problems_action);
}

void
_lsm_window_init_layers (LsmWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  self->layers = g_list_store_new (LSM_TYPE_LAYER);
  self->layer_scopes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  lsm_layers_list_set_model (self->layers_list, G_LIST_MODEL (self->layers));
  g_signal_connect_object (target, "drop", G_CALLBACK (on_drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->map_view), GTK_EVENT_CONTROLLER (target));
}
