/* lsm-window.c
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
#include "lsm-feature-list.h"
#include "lsm-filter.h"
#include "lsm-layer.h"
#include "lsm-loader.h"
#include "lsm-scene.h"
#include "lsm-search.h"
#include "lsm-vocab.h"
#include "lsm-window-private.h"

G_DEFINE_FINAL_TYPE (LsmWindow, lsm_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SHOW_SIDEBAR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* As the sidebar counts: what is on the map and what is listed but has no place on it. */
static void
update_subtitle (LsmWindow *self)
{
  g_autofree char *subtitle = lsm_filter_format_shown (self->filter);

  adw_window_title_set_subtitle (self->window_title, self->catalog != NULL ? subtitle : "");
}

static void
on_filter_changed_cb (LsmWindow *self)
{
  update_subtitle (self);
  _lsm_window_update_actions (self);
}

/**
 * lsm_window_select:
 * @self: a window
 * @feature: (nullable): a site or district; %NULL clears
 * @center: whether the map moves to it
 *
 * The one place selection changes: map, list and detail panel follow it.
 */
void
lsm_window_select (LsmWindow  *self,
                   LsmFeature *feature,
                   gboolean    center)
{
  g_return_if_fail (LSM_IS_WINDOW (self));

  if (self->selecting)
    return;

  self->selecting = TRUE;
  lsm_map_view_select (self->map_view, feature, center);
  lsm_detail_panel_set_feature (self->detail_panel, feature);
  gtk_widget_set_visible (GTK_WIDGET (self->detail_panel), feature != NULL);
  lsm_sidebar_select_site (self->sidebar, feature);
  self->selecting = FALSE;

  _lsm_window_update_actions (self);
  _lsm_window_update_overview (self);
}

static void
on_map_feature_activated_cb (LsmWindow  *self,
                             LsmFeature *feature)
{
  lsm_window_select (self, feature, FALSE);
}

static void
on_sidebar_site_activated_cb (LsmWindow  *self,
                              LsmFeature *site)
{
  lsm_window_select (self, site, TRUE);
}

static void
on_panel_site_activated_cb (LsmWindow  *self,
                            LsmFeature *site)
{
  lsm_window_select (self, site, TRUE);
}

static void
on_list_selection_changed_cb (LsmWindow *self)
{
  LsmFeature *site = gtk_single_selection_get_selected_item (self->selection);

  /* The row of the site already selected, shown late as the list grows: nothing new. */
  if (site != NULL && !self->selecting && site != lsm_detail_panel_get_feature (self->detail_panel))
    lsm_window_select (self, site, TRUE);
}

/**
 * _lsm_window_toast:
 * @self: a window
 * @text: plain text: a file name or an error message may hold `&` or `<`
 * @timeout: seconds, 0 to stay until dismissed
 *
 * Returns: (transfer none): the toast shown
 */
AdwToast *
_lsm_window_toast (LsmWindow  *self,
                   const char *text,
                   guint       timeout)
{
  /* Toast titles are Pango markup. */
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, timeout);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);

  return toast;
}

/* Whether @feature is one of @catalog's sites or districts: the same object, as a layer shown
 * or hidden keeps the objects of the other layers. */
static gboolean
catalog_holds (LsmCatalog *catalog,
               LsmFeature *feature)
{
  LsmFeatureList *lists[] = { LSM_FEATURE_LIST (lsm_catalog_get_sites (catalog)),
                              LSM_FEATURE_LIST (lsm_catalog_get_districts (catalog)) };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (lists[l])); i++)
      if (lsm_feature_list_peek (lists[l], i) == feature)
        return TRUE;

  return FALSE;
}

static void
show_catalog (LsmWindow  *self,
              LsmCatalog *catalog,
              LsmScene   *scene)
{
  LsmFeature *selected = lsm_detail_panel_get_feature (self->detail_panel);
  /* Showing or hiding another layer, or reading a file again, keeps what the user looks at. */
  g_autoptr(LsmFeature) keep = selected != NULL && catalog_holds (catalog, selected) ? g_object_ref (selected) : NULL;
  guint n_skipped = _lsm_window_take_new_skipped (self);
  gboolean first = self->catalog == NULL;

  lsm_window_select (self, NULL, FALSE);
  g_set_object (&self->catalog, catalog);
  g_set_object (&self->scene, scene);
  _lsm_window_apply_units (self);

  /* The catalog's own list, not a copy: one pass of the filter, one items-changed. */
  lsm_sidebar_expect_sites (self->sidebar, g_list_model_get_n_items (lsm_catalog_get_sites (catalog)));
  lsm_filter_set_model (self->filter, lsm_catalog_get_sites (catalog));

  lsm_detail_panel_set_catalog (self->detail_panel, catalog);
  _lsm_window_show_data_compared (self);
  lsm_sidebar_set_catalog (self->sidebar, catalog);
  lsm_map_view_set_data (self->map_view, self->scene, self->filter);
  if (first)
    _lsm_window_update_online_map (self);

  /* The first data of a session opens where the user left the map; new data fits anew. */
  if (first && self->settings != NULL && g_settings_get_double (self->settings, "view-zoom") > 0)
    lsm_map_view_set_view (self->map_view,
                           g_settings_get_double (self->settings, "view-latitude"),
                           g_settings_get_double (self->settings, "view-longitude"),
                           g_settings_get_double (self->settings, "view-zoom"));
  gtk_stack_set_visible_child_name (self->stack, "map");
  update_subtitle (self);
  _lsm_window_update_actions (self);
  if (keep != NULL)
    lsm_window_select (self, keep, FALSE);

  if (n_skipped > 0)
    {
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "%u item of the data could not be loaded",
                                                             "%u items of the data could not be loaded",
                                                             n_skipped), n_skipped);
      AdwToast *toast = _lsm_window_toast (self, title, 0);

      adw_toast_set_button_label (toast, _("_Details"));
      adw_toast_set_action_name (toast, "win.show-problems");
      for (const char * const *p = lsm_catalog_get_problems (catalog); *p != NULL; p++)
        g_message ("%s", *p);
    }
}

/* Merging the layers copies every site of each, and the scene projects and indexes them: model
 * and render code, a second or more at a million sites, so not on the main loop. */
static void
make_scene_thread (GTask        *task,
                   gpointer      source,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  g_autoptr(LsmCatalog) merged = lsm_layer_merge (task_data);
  LsmScene *scene = NULL;

  if (!g_cancellable_is_cancelled (cancellable))
    {
      scene = lsm_scene_new (merged);
      lsm_scene_prepare (scene);
    }
  g_task_return_pointer (task, scene, g_object_unref);
}

static void
on_scene_made_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  LsmWindow *self = LSM_WINDOW (object);
  g_autoptr(LsmScene) scene = g_task_propagate_pointer (G_TASK (result), NULL);

  if (scene == NULL || g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;

  /* Not cancelled, so no newer catalog is being made: none is, once this one is shown. */
  g_clear_object (&self->making_scene);
  show_catalog (self, lsm_scene_get_catalog (scene), scene);
}

/**
 * _lsm_window_show_merge:
 * @self: a window
 * @layers: (element-type LsmLayer): the layers as they are now, given to a worker thread: no
 *   one else may change them
 *
 * Shows the merge of @layers once it and its scene are made. A newer merge supersedes one
 * still being made.
 */
void
_lsm_window_show_merge (LsmWindow  *self,
                        GListModel *layers)
{
  g_autoptr(GTask) task = NULL;

  g_cancellable_cancel (self->making_scene);
  g_clear_object (&self->making_scene);
  self->making_scene = g_cancellable_new ();
  task = g_task_new (self, self->making_scene, on_scene_made_cb, NULL);
  g_task_set_name (task, "lsm-window make scene");
  g_task_set_task_data (task, g_object_ref (layers), g_object_unref);
  g_task_run_in_thread (task, make_scene_thread);
}

static void
on_load_progress_cb (LsmWindow  *self,
                     GParamSpec *pspec,
                     LsmLoader  *loader)
{
  gtk_progress_bar_set_fraction (self->load_progress, lsm_loader_get_progress (loader));
}

/* Back to what was shown, or, with nothing yet, to a page that offers other data. The load
 * may have ended and its scene be in the making: that is cancelled too, and the data read
 * goes with it. */
static void
on_cancel_load_clicked_cb (LsmWindow *self)
{
  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->making_scene);
  g_clear_object (&self->making_scene);
  if (self->catalog != NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "map");
      return;
    }

  _lsm_window_drop_base (self);

  adw_status_page_set_description (self->error_page, _("Loading was cancelled."));
  gtk_stack_set_visible_child_name (self->stack, "error");
}

static void
on_loaded_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(LsmWindow) self = user_data;
  g_autoptr(LsmCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;

  g_signal_handlers_disconnect_by_func (object, on_load_progress_cb, self);
  catalog = lsm_loader_load_finish (LSM_LOADER (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (catalog == NULL)
    {
      g_message ("Failed to load data: %s", error->message);
      if (self->catalog != NULL)
        {
          /* Keep showing what was there; say why the new data did not come. */
          _lsm_window_toast (self, error->message, 0);
          gtk_stack_set_visible_child_name (self->stack, "map");
        }
      else
        {
          /* The description is Pango markup too, and GTK blanks text that is not UTF-8. */
          g_autofree char *valid = g_utf8_make_valid (error->message, -1);
          g_autofree char *escaped = g_markup_escape_text (valid, -1);

          adw_status_page_set_description (self->error_page, escaped);
          gtk_stack_set_visible_child_name (self->stack, "error");
        }
      return;
    }

  _lsm_window_set_base (self, self->base_path, catalog);
}

/**
 * lsm_window_load:
 * @self: a window
 * @path: (nullable): a data directory or OGR source, %NULL for the bundled data
 *
 * Loads in a worker thread; the window shows progress, then the data or the error.
 */
void
lsm_window_load (LsmWindow  *self,
                 const char *path)
{
  g_autoptr(LsmLoader) loader = lsm_loader_new (path);

  g_return_if_fail (LSM_IS_WINDOW (self));

  lsm_window_load_from (self, path, loader);
}

/**
 * lsm_window_load_from:
 * @self: a window
 * @path: (nullable): what @loader reads, %NULL for the bundled data
 * @loader: a loader of @path, maybe started already with lsm_loader_start()
 *
 * As lsm_window_load(), with the result of a load that may have begun before the window.
 */
void
lsm_window_load_from (LsmWindow  *self,
                      const char *path,
                      LsmLoader  *loader)
{
  g_return_if_fail (LSM_IS_WINDOW (self));
  g_return_if_fail (LSM_IS_LOADER (loader));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  gtk_progress_bar_set_fraction (self->load_progress, lsm_loader_get_progress (loader));
  g_signal_connect_object (loader, "notify::progress", G_CALLBACK (on_load_progress_cb), self,
                           G_CONNECT_SWAPPED);
  if (self->catalog == NULL)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  g_free (self->base_path);
  self->base_path = g_strdup (path);

  lsm_loader_load_async (loader, self->cancellable, on_loaded_cb, g_object_ref (self));
}

/**
 * lsm_window_get_catalog:
 * @self: a window
 *
 * Returns: (transfer none) (nullable): the data shown
 */
LsmCatalog *
lsm_window_get_catalog (LsmWindow *self)
{
  g_return_val_if_fail (LSM_IS_WINDOW (self), NULL);

  return self->catalog;
}

/**
 * lsm_window_get_filter:
 * @self: a window
 *
 * Returns: (transfer none): the filter every view reads
 */
LsmFilter *
lsm_window_get_filter (LsmWindow *self)
{
  g_return_val_if_fail (LSM_IS_WINDOW (self), NULL);

  return self->filter;
}

static gboolean
lsm_window_close_request (GtkWindow *window)
{
  LsmWindow *self = LSM_WINDOW (window);

  if (self->settings != NULL && self->catalog != NULL)
    {
      ShumateViewport *viewport = lsm_map_view_get_viewport (self->map_view);

      g_settings_set_double (self->settings, "view-latitude", shumate_location_get_latitude (SHUMATE_LOCATION (viewport)));
      g_settings_set_double (self->settings, "view-longitude", shumate_location_get_longitude (SHUMATE_LOCATION (viewport)));
      g_settings_set_double (self->settings, "view-zoom", shumate_viewport_get_zoom_level (viewport));
    }

  return GTK_WINDOW_CLASS (lsm_window_parent_class)->close_request (window);
}

static void
lsm_window_dispose (GObject *object)
{
  LsmWindow *self = (LsmWindow *) object;

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->making_scene);
  /* The online-map action would otherwise tell a disposed window of later changes. */
  g_action_map_remove_action (G_ACTION_MAP (self), "online-map");
  g_action_map_remove_action (G_ACTION_MAP (self), "units");
  gtk_widget_dispose_template (GTK_WIDGET (self), LSM_TYPE_WINDOW);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->making_scene);
  self->selection = NULL;
  g_clear_object (&self->scene);
  g_clear_object (&self->catalog);
  g_clear_object (&self->layers);
  g_clear_pointer (&self->layer_scopes, g_hash_table_unref);
  g_clear_object (&self->error_toast);
  g_clear_pointer (&self->base_path, g_free);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (lsm_window_parent_class)->dispose (object);
}

static void
lsm_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  LsmWindow *self = LSM_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SHOW_SIDEBAR:
      g_value_set_boolean (value, self->show_sidebar);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lsm_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  LsmWindow *self = LSM_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SHOW_SIDEBAR:
      if (self->show_sidebar != g_value_get_boolean (value))
        {
          self->show_sidebar = g_value_get_boolean (value);
          if (self->sidebar != NULL)
            gtk_widget_set_visible (GTK_WIDGET (self->sidebar), self->show_sidebar);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lsm_window_class_init (LsmWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = lsm_window_dispose;
  object_class->get_property = lsm_window_get_property;
  object_class->set_property = lsm_window_set_property;
  window_class->close_request = lsm_window_close_request;

  /**
   * LsmWindow:show-sidebar:
   *
   * Whether the sidebar with filters and the site list is shown.
   */
  properties[PROP_SHOW_SIDEBAR] =
    g_param_spec_boolean ("show-sidebar", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LSM_TYPE_FEATURE);
  g_type_ensure (LSM_TYPE_FILTER);
  g_type_ensure (LSM_TYPE_SIDEBAR);
  g_type_ensure (LSM_TYPE_MAP_VIEW);
  g_type_ensure (LSM_TYPE_DETAIL_PANEL);
  g_type_ensure (LSM_TYPE_LAYERS_LIST);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/lsm-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LsmWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LsmWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, LsmWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, LsmWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, LsmWindow, load_progress);
  gtk_widget_class_bind_template_child (widget_class, LsmWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, LsmWindow, map_view);
  gtk_widget_class_bind_template_child (widget_class, LsmWindow, detail_panel);
  gtk_widget_class_bind_template_child (widget_class, LsmWindow, filter);
  gtk_widget_class_bind_template_child (widget_class, LsmWindow, online_banner);
  gtk_widget_class_bind_template_child (widget_class, LsmWindow, layers_list);
  gtk_widget_class_bind_template_child (widget_class, LsmWindow, base_map_section);
  gtk_widget_class_bind_template_callback (widget_class, on_map_feature_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_load_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_site_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_panel_site_activated_cb);

  _lsm_window_class_add_actions (widget_class);
  _lsm_window_class_add_online_actions (widget_class);
  _lsm_window_class_add_layer_actions (widget_class);
  _lsm_window_class_add_overview_actions (widget_class);
}

static gboolean
district_from_setting (GValue   *value,
                       GVariant *variant,
                       gpointer  user_data)
{
  g_value_set_string (value, g_variant_get_string (variant, NULL));
  return TRUE;
}

/* No district is the empty string: a GVariant string cannot be NULL. */
static GVariant *
district_to_setting (const GValue       *value,
                     const GVariantType *expected_type,
                     gpointer            user_data)
{
  const char *district = g_value_get_string (value);

  return g_variant_new_string (district != NULL ? district : "");
}

static GSettings *
open_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* Running uninstalled without the compiled schema must not abort: just forget settings. */
  if (source == NULL || (schema = g_settings_schema_source_lookup (source, APP_ID, TRUE)) == NULL)
    {
      g_warning ("GSettings schema %s is not installed; settings will not be kept", APP_ID);
      return NULL;
    }

  return g_settings_new (APP_ID);
}

static void
lsm_window_init (LsmWindow *self)
{
  /* Before the template: its toggle button reads the action's state once, while being built. */
  self->show_sidebar = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = open_settings ();
  self->selection = lsm_sidebar_get_selection (self->sidebar);
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (on_list_selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter, "changed", G_CALLBACK (on_filter_changed_cb), self, G_CONNECT_SWAPPED);

  if (self->settings != NULL)
    {
      g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "show-sidebar", self, "show-sidebar", G_SETTINGS_BIND_DEFAULT);

      /* The filter keeps ids, so a saved filter survives sectors being added to the table. */
      g_settings_bind (self->settings, "hidden-sectors", self->filter, "hidden-sectors", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "hidden-statuses", self->filter, "hidden-statuses", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind_with_mapping (self->settings, "district", self->filter, "district", G_SETTINGS_BIND_DEFAULT,
                                    district_from_setting, district_to_setting, NULL, NULL);
      g_settings_bind_with_mapping (self->settings, "commune-2025", self->filter, "commune-2025",
                                    G_SETTINGS_BIND_DEFAULT, district_from_setting, district_to_setting, NULL, NULL);
    }

  _lsm_window_init_online (self);
  _lsm_window_init_layers (self);
  _lsm_window_init_units (self);

  _lsm_window_update_actions (self);
}

/**
 * lsm_window_new:
 * @application: the application
 *
 * Returns: (transfer full): a new window
 */
LsmWindow *
lsm_window_new (GtkApplication *application)
{
  return g_object_new (LSM_TYPE_WINDOW, "application", application, NULL);
}
