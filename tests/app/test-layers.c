/* test-layers.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <locale.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "lsm-application.h"
#include "lsm-catalog.h"
#include "lsm-feature.h"
#include "lsm-layer.h"
#include "lsm-test-app.h"
#include "test-layers.h"
#include "lsm-test-utils.h"
#include "lsm-vocab.h"
#include "lsm-window-private.h"

/* A user's own files, opened each way a user has, beside the bundled data: what the panel says
 * of their sites. Run in English and, as layers-vi, in Vietnamese. */

#define SITE_NAME "Điện mặt trời Lộc Bình"

void
collect_labels (GtkWidget *widget,
                GString   *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    {
      g_string_append (text, gtk_label_get_text (GTK_LABEL (widget)));
      g_string_append_c (text, '\n');
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_labels (child, text);
}

/* The three files every test opens: a plain GeoJSON, a CSV with longitude and latitude and a
 * GeoPackage GDAL writes. */
typedef struct
{
  char   *dir;
  GFile  *files[3];
} Files;

static void
files_init (Files *files)
{
  g_autofree char *geojson = g_test_build_filename (G_TEST_DIST, "fixtures", "user-sites.geojson", NULL);
  g_autofree char *csv = g_test_build_filename (G_TEST_DIST, "fixtures", "user-sites.csv", NULL);
  g_autofree char *gpkg = NULL;

  files->dir = g_dir_make_tmp ("lsm-layers-XXXXXX", NULL);
  gpkg = lsm_test_write_gpkg ("user-sites.geojson", files->dir);
  files->files[0] = g_file_new_for_path (geojson);
  files->files[1] = g_file_new_for_path (csv);
  files->files[2] = g_file_new_for_path (gpkg);
}

static void
files_clear (Files *files)
{
  for (guint i = 0; i < G_N_ELEMENTS (files->files); i++)
    g_clear_object (&files->files[i]);
  lsm_test_remove_dir (files->dir);
  g_free (files->dir);
}

LsmWindow *
new_window (void)
{
  LsmWindow *window;

  reset_settings ();
  window = lsm_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 860);
  gtk_window_present (GTK_WINDOW (window));
  lsm_window_load (window, NULL);

  /* GTK owns a window; the test keeps its own reference. */
  return g_object_ref (window);
}

LsmFeature *
site_named (LsmLayer   *layer,
            const char *name)
{
  GListModel *sites = lsm_catalog_get_sites (lsm_layer_get_catalog (layer));

  for (guint i = 0; i < g_list_model_get_n_items (sites); i++)
    {
      g_autoptr(LsmFeature) item = g_list_model_get_item (sites, i);

      if (g_strcmp0 (lsm_feature_get_name (item), name) == 0)
        return item;
    }

  g_error ("%s has no site “%s”", lsm_layer_get_title (layer), name);
  return NULL;
}

/* The bundled data and the three files, each a layer; the panel of the site in each says its
 * name, its exact position, the district it lies in and its capacity with the unit. */
static void
assert_layers_shown (LsmWindow  *window,
                     const char *way)
{
  GListModel *layers = lsm_window_get_layers (window);
  g_autofree char *capacity = g_strdup_printf ("%s\n50 MW", lsm_metric_get_label ("capacity"));

  g_assert_true (has_layers (window, 4));
  g_assert_true (lsm_layer_is_bundled (g_list_model_get_item (layers, 0)));
  g_object_unref (g_list_model_get_item (layers, 0));

  /* Beside the bundled sites, not in their place. */
  g_assert_cmpuint (g_list_model_get_n_items (lsm_catalog_get_sites (lsm_window_get_catalog (window))), ==,
                    g_list_model_get_n_items (lsm_catalog_get_sites (lsm_layer_get_catalog (g_list_model_get_item (layers, 0)))) + 9);
  g_object_unref (g_list_model_get_item (layers, 0));

  for (guint i = 1; i < 4; i++)
    {
      g_autoptr(LsmLayer) layer = g_list_model_get_item (layers, i);
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *heading = NULL;

      g_assert_cmpuint (lsm_layer_get_n_features (layer), ==, 3);
      lsm_window_select (window, site_named (layer, SITE_NAME), TRUE);
      settle ();
      collect_labels (GTK_WIDGET (window->detail_panel), text);
      g_test_message ("%s, %s:\n%s", way, lsm_layer_get_title (layer), text->str);
      lsm_test_assert_contains (text->str, SITE_NAME);
      lsm_test_assert_contains (text->str, "21.76000, 106.92000");
      lsm_test_assert_contains (text->str, lsm_precision_get_label (LSM_PRECISION_EXACT));
      lsm_test_assert_contains (text->str, "Lộc Bình");
      lsm_test_assert_contains (text->str, capacity);
      heading = g_strdup_printf (_("From %s"), lsm_layer_get_title (layer));
      lsm_test_assert_contains (text->str, heading);
      /* Loads end in any order: the layer is known by its file. */
      if (!g_str_has_suffix (lsm_layer_get_title (layer), ".csv"))
        lsm_test_assert_contains (text->str, "owner\nCông ty ABC");
      else
        lsm_test_assert_contains (text->str, "ghi_chu\nmới");
    }

  save_screenshot_in_language (GTK_WIDGET (window), way);
}

static gboolean
file_chosen (gpointer data)
{
  g_autoptr(GListModel) chosen = gtk_file_chooser_get_files (data);

  return g_list_model_get_n_items (chosen) == 1;
}

static void
test_layers_open_data (void)
{
  g_autoptr(LsmWindow) window = new_window ();
  Files files;

  files_init (&files);
  for (guint i = 0; i < G_N_ELEMENTS (files.files); i++)
    {
      GtkFileChooser *chooser;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open", NULL));
      g_assert_nonnull (window->open_dialog);
      chooser = GTK_FILE_CHOOSER (window->open_dialog);
      g_assert_true (gtk_file_chooser_get_select_multiple (chooser));

      /* The user picks the file; the dialog answers. */
      g_assert_true (gtk_file_chooser_set_file (chooser, files.files[i], NULL));
      g_assert_true (wait_for (file_chosen, chooser));
      g_signal_emit_by_name (chooser, "response", GTK_RESPONSE_ACCEPT);
      g_assert_null (window->open_dialog);
    }

  assert_layers_shown (window, "open-data");

  files_clear (&files);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_layers_drop (void)
{
  g_autoptr(LsmWindow) window = new_window ();
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window->map_view));
  GtkDropTarget *target = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  GSList *list = NULL;
  Files files;
  gboolean accepted = FALSE;

  files_init (&files);
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && target == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);
  g_assert_true (gdk_content_formats_contain_gtype (gtk_drop_target_get_formats (target), GDK_TYPE_FILE_LIST));

  for (guint i = 0; i < G_N_ELEMENTS (files.files); i++)
    list = g_slist_append (list, files.files[i]);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (list));
  g_slist_free (list);
  g_signal_emit_by_name (target, "drop", &value, 400.0, 300.0, &accepted);
  g_assert_true (accepted);

  assert_layers_shown (window, "drop");

  files_clear (&files);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_layers_command_line (void)
{
  g_autoptr(LsmApplication) app = lsm_application_new ();
  g_autoptr(GError) error = NULL;
  LsmWindow *window;
  Files files;

  files_init (&files);
  reset_settings ();
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  /* What "lsmap FILE…" ends in, in the running instance. */
  g_application_open (G_APPLICATION (app), files.files, G_N_ELEMENTS (files.files), "");
  window = LSM_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  gtk_window_present (GTK_WINDOW (window));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 860);

  assert_layers_shown (window, "command-line");

  files_clear (&files);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The views show the visible layers: their merge's scene is made in a thread. */
static gboolean
merge_shown (LsmWindow *window)
{
  GListModel *layers = lsm_window_get_layers (window);
  guint n_sites = 0;

  for (guint i = 0; i < g_list_model_get_n_items (layers); i++)
    {
      g_autoptr(LsmLayer) layer = g_list_model_get_item (layers, i);

      if (lsm_layer_get_visible (layer))
        n_sites += lsm_layer_get_n_features (layer);
    }

  return lsm_window_get_catalog (window) != NULL
         && g_list_model_get_n_items (lsm_catalog_get_sites (lsm_window_get_catalog (window))) == n_sites;
}

gboolean
has_layers (LsmWindow *window,
            guint      n)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  /* The merge of the layers is shown once its scene is made in a thread. */
  while (g_list_model_get_n_items (lsm_window_get_layers (window)) != n || window->making_scene != NULL
         || !merge_shown (window))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, TRUE);
    }
  settle ();
  return TRUE;
}

char *
window_text (LsmWindow *window)
{
  GString *text = g_string_new (NULL);

  collect_labels (GTK_WIDGET (window), text);
  return g_string_free (text, FALSE);
}

static guint
n_shown (LsmWindow *window)
{
  LsmCatalog *shown = lsm_window_get_catalog (window);

  return shown != NULL ? g_list_model_get_n_items (lsm_catalog_get_sites (shown)) : 0;
}

typedef struct
{
  LsmWindow *window;
  guint      n;
} Shown;

static gboolean
shows_n_sites (gpointer data)
{
  Shown *shown = data;

  return n_shown (shown->window) == shown->n;
}

/* A change of layers is shown once its merge's scene is built, in a thread. */
static void
assert_n_shown (LsmWindow *window,
                guint      n)
{
  Shown shown = { window, n };

  wait_for (shows_n_sites, &shown);
  g_assert_cmpuint (n_shown (window), ==, n);
}

/* The Layers list: each source with its count, its problems, a switch and a remove button;
 * the bundled data can be hidden; what is open is remembered, and a file that is gone is said. */
static void
test_layers_list (void)
{
  g_autofree char *csv = g_test_build_filename (G_TEST_DIST, "fixtures", "user-sites.csv", NULL);
  g_autofree char *geojson = g_test_build_filename (G_TEST_DIST, "fixtures", "user-sites.geojson", NULL);
  g_autofree char *restored_text = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(LsmWindow) window = new_window ();
  g_autoptr(LsmWindow) restored = NULL;
  g_auto(GStrv) saved = NULL;
  GtkListBox *list_box = lsm_layers_list_get_list_box (window->layers_list);
  GtkWidget *row;
  GtkSwitch *bundled_switch = NULL;
  guint n_bundled;
  const char *gone[] = { NULL, "/nonexistent/gone.geojson", NULL };

  g_assert_true (has_layers (window, 1));
  n_bundled = n_shown (window);

  /* A file that cannot be read says so; the next good load takes the complaint away. */
  lsm_window_add_layer (window, "/nonexistent/missing.geojson");
  while (window->error_toast == NULL)
    g_main_context_iteration (NULL, TRUE);
  lsm_window_add_layer (window, csv);
  g_assert_true (has_layers (window, 2));
  g_assert_null (window->error_toast);
  assert_n_shown (window, n_bundled + 3);

  saved = g_settings_get_strv (settings, "layers");
  g_assert_cmpuint (g_strv_length (saved), ==, 1);
  g_assert_cmpstr (saved[0], ==, csv);

  row = GTK_WIDGET (gtk_list_box_get_row_at_index (list_box, 1));
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "user-sites.csv");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   lsm_ui_is_vietnamese () ? "3 địa điểm · 2 vấn đề" : "3 sites · 2 problems");
  gtk_popover_popup (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (window->layers_list), GTK_TYPE_POPOVER)));
  settle ();
  save_screenshot_in_language (gtk_widget_get_ancestor (GTK_WIDGET (window->layers_list), GTK_TYPE_POPOVER), "layers-list");

  /* The bundled data hidden: only the user's sites are listed and counted. */
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (list_box, 0));
  for (GtkWidget *w = row; w != NULL && bundled_switch == NULL; )
    {
      /* Depth first, for the row's switch. */
      if (GTK_IS_SWITCH (w))
        bundled_switch = GTK_SWITCH (w);
      else if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != row && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = w == row ? NULL : gtk_widget_get_next_sibling (w);
        }
    }
  g_assert_nonnull (bundled_switch);
  gtk_switch_set_active (bundled_switch, FALSE);
  g_assert_true (has_layers (window, 2));
  g_assert_cmpuint (n_shown (window), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->selection)), ==, 3);
  gtk_switch_set_active (bundled_switch, TRUE);
  g_assert_true (has_layers (window, 2));
  g_assert_cmpuint (n_shown (window), ==, n_bundled + 3);

  /* Removed: gone from the views and from what is reopened. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.remove-layer", "s", csv));
  g_assert_true (has_layers (window, 1));
  assert_n_shown (window, n_bundled);
  g_clear_pointer (&saved, g_strfreev);
  saved = g_settings_get_strv (settings, "layers");
  g_assert_cmpuint (g_strv_length (saved), ==, 0);

  /* At the next start: what was open opens again; a file that is gone is named. */
  gone[0] = geojson;
  g_settings_set_strv (settings, "layers", gone);
  restored = g_object_ref (lsm_window_new (NULL));
  gtk_window_present (GTK_WINDOW (restored));
  lsm_window_load (restored, NULL);
  lsm_window_restore_layers (restored);
  g_assert_true (has_layers (restored, 2));
  restored_text = window_text (restored);
  lsm_test_assert_contains (restored_text, "gone.geojson");

  gtk_window_destroy (GTK_WINDOW (restored));
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
panel_says_60 (gpointer data)
{
  LsmWindow *window = data;
  g_autoptr(GString) text = g_string_new (NULL);

  collect_labels (GTK_WIDGET (window->detail_panel), text);
  return strstr (text->str, "60 MW") != NULL;
}

/* A file changed on disk is read again, and the site looked at stays selected. */
static void
test_layers_reload (void)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "user-sites.geojson", NULL);
  g_autofree char *dir = g_dir_make_tmp ("lsm-reload-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "projects.geojson", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GString) changed = NULL;
  g_autoptr(LsmWindow) window = new_window ();
  g_autoptr(LsmLayer) layer = NULL;
  g_autoptr(LsmCatalog) before = NULL;

  g_assert_true (g_file_get_contents (fixture, &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  g_assert_true (has_layers (window, 1));
  lsm_window_add_layer (window, path);
  g_assert_true (has_layers (window, 2));

  layer = g_list_model_get_item (lsm_window_get_layers (window), 1);
  before = g_object_ref (lsm_layer_get_catalog (layer));
  lsm_window_select (window, site_named (layer, SITE_NAME), FALSE);
  settle ();

  changed = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (changed, "\"capacity_mw\": 50", "\"capacity_mw\": 60", 1), ==, 1);
  g_assert_true (g_file_set_contents (path, changed->str, -1, NULL));

  g_assert_true (wait_for (panel_says_60, window));
  g_assert_true (lsm_layer_get_catalog (layer) != before);
  g_assert_cmpstr (lsm_feature_get_name (lsm_detail_panel_get_feature (window->detail_panel)), ==, SITE_NAME);

  gtk_window_destroy (GTK_WINDOW (window));
  lsm_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  init_display_test (&argc, &argv);

  g_test_add_func ("/lsm/layers/open-data", test_layers_open_data);
  g_test_add_func ("/lsm/layers/drop", test_layers_drop);
  g_test_add_func ("/lsm/layers/command-line", test_layers_command_line);
  g_test_add_func ("/lsm/layers/list", test_layers_list);
  g_test_add_func ("/lsm/layers/reload", test_layers_reload);
  add_layer_data_tests ();

  return g_test_run ();
}
