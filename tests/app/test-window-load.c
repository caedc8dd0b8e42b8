/* test-window-load.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <locale.h>

#include <adwaita.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <glib/gi18n.h>

#include "lsm-base-map-source.h"
#include "lsm-catalog.h"
#include "lsm-chart-view.h"
#include "lsm-choropleth-control.h"
#include "lsm-district-sites.h"
#include "lsm-feature.h"
#include "lsm-filter.h"
#include "lsm-export-dialog.h"
#include "lsm-map-view.h"
#include "lsm-page.h"
#include "lsm-print-operation.h"
#include "lsm-scene.h"
#include "lsm-sidebar.h"
#include "lsm-site-table.h"
#include "lsm-sites-layer.h"
#include "lsm-style.h"
#include "lsm-test-app.h"
#include "lsm-test-utils.h"
#include "lsm-test-window.h"
#include "lsm-vocab.h"
#include "lsm-window-private.h"
#include "lsm-writer.h"

/* The window given data it cannot fully read: the error page, the toasts and the problems dialog, in the user's terms; PostGIS as a source. */

static gboolean
error_page_shown (gpointer data)
{
  LsmWindow *window = data;

  return g_strcmp0 (gtk_stack_get_visible_child_name (window->stack), "error") == 0;
}

static gboolean
overlay_says (LsmWindow  *window,
              const char *needle)
{
  g_autoptr(GString) text = g_string_new (NULL);

  collect_labels (GTK_WIDGET (window->toast_overlay), text);
  return strstr (text->str, needle) != NULL;
}

static gboolean
toast_names_folder (gpointer data)
{
  return overlay_says (data, "R&D <data>: no such file");
}

/* A new window that loads @path and fails: the error page's text goes to @text. */
static LsmWindow *
show_load_error (const char *path,
                 GString    *text)
{
  LsmWindow *window;

  reset_settings ();
  window = g_object_ref (lsm_window_new (NULL));
  gtk_window_present (GTK_WINDOW (window));
  lsm_window_load (window, path);
  g_assert_true (wait_for (error_page_shown, window));
  settle ();
  collect_labels (GTK_WIDGET (window->error_page), text);

  return window;
}

static void
test_window_load_errors_are_literal (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lsmap-errors-XXXXXX", NULL);
  g_autofree char *missing = g_build_filename (dir, "R&D <data>", NULL);
  g_autoptr(LsmWindow) window = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  /* Error pages and toasts take Pango markup; a folder named "R&D <data>" must still be named. */
  window = show_load_error (missing, text);
  lsm_test_assert_contains (text->str, "R&D <data>: no such file");

  /* Loaded data stays; the toast says why the new data did not come. */
  lsm_window_load (window, NULL);
  g_assert_true (wait_for (catalog_loaded, window));
  lsm_window_load (window, missing);
  g_assert_true (wait_for (toast_names_folder, window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "map");

  gtk_window_destroy (GTK_WINDOW (window));
  g_rmdir (dir);
}

/* A file name that is not UTF-8 still gets an error page that names it (GTK blanks a label
 * that is not UTF-8). */
static void
test_window_load_error_non_utf8 (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lsmap-errors-XXXXXX", NULL);
  g_autofree char *missing = g_build_filename (dir, "m\xe1y.geojson", NULL);  /* Latin-1 "máy" */
  g_autoptr(LsmWindow) window = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  window = show_load_error (missing, text);
  lsm_test_assert_contains (text->str, "m\xef\xbf\xbdy.geojson: no such file");

  gtk_window_destroy (GTK_WINDOW (window));
  g_rmdir (dir);
}

static gboolean
toast_says_no_answer (gpointer data)
{
  return overlay_says (data, "does not answer");
}

/* The department's shared database (tests/pg-run.sh starts one for this program): a site's
 * panel reads as from the files; a server that goes away, or a wrong password, is said. */
static void
test_window_postgis (void)
{
  const char *pg = lsm_test_postgis ();
  g_autofree char *wrong = NULL;
  g_autoptr(LsmWindow) window = NULL;
  g_autoptr(LsmWindow) refused = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *panel = NULL;

  g_assert_true (lsm_writer_convert (g_getenv ("LSMAP_DATA_DIR"), pg, NULL, TRUE, NULL, &error));
  g_assert_no_error (error);

  window = g_object_ref (open_window (pg));
  click_site (window, "nd-na-duong-1");
  panel = panel_text (window);
  lsm_test_assert_contains (panel, "Nhà máy nhiệt điện Na Dương I");
  lsm_test_assert_contains (panel, "Capacity\n110 MW\nas of 2024 · Operating · source 1");
  lsm_test_assert_contains (panel, "All of Thermal power in the province");

  /* Reloading from a server that has gone: the loaded data stays, the toast says why. */
  lsm_test_postgis_server ("--stop");
  lsm_window_load (window, pg);
  g_assert_true (wait_for (toast_says_no_answer, window));
  g_assert_true (overlay_says (window, "dbname=lsmap user=lsm_admin: the database server does not answer"));
  lsm_test_postgis_server ("--start");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "map");
  g_assert_nonnull (lsm_catalog_lookup_site (lsm_window_get_catalog (window), "nd-na-duong-1"));
  gtk_window_destroy (GTK_WINDOW (window));

  wrong = g_strdup_printf ("PG:host=%s dbname=lsmap user=lsm_reader password=secret-wrong",
                           g_getenv ("LSMAP_TEST_PG_HOST"));
  refused = show_load_error (wrong, text);
  lsm_test_assert_contains (text->str, "dbname=lsmap user=lsm_reader: the database refused the user name or password");
  g_assert_null (strstr (text->str, "secret-wrong"));
  gtk_window_destroy (GTK_WINDOW (refused));
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel))
        return ADW_MESSAGE_DIALOG (toplevel);
    }

  return NULL;
}

/* A fixture file, with the small data directory for what a single file lacks. */
static LsmWindow *
open_fixture_window (const char *file)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", file, NULL);
  g_autofree char *mini = g_test_build_filename (G_TEST_DIST, "fixtures", "mini", NULL);
  LsmWindow *window;

  g_setenv ("LSMAP_DATA_DIR", mini, TRUE);
  window = g_object_ref (open_window (path));
  g_setenv ("LSMAP_DATA_DIR", g_getenv ("LSMAP_BUNDLED_DATA"), TRUE);

  return window;
}

static void
test_window_problems_listed (void)
{
  g_autoptr(LsmWindow) window = open_fixture_window ("missing-properties.geojson");
  g_autoptr(GString) text = g_string_new (NULL);
  AdwMessageDialog *dialog;

  /* The toast counts what was left out; its Details button says which and why. A site of a
   * sector no table knows is not left out. */
  g_assert_true (overlay_says (window, "2 items of the data could not be loaded"));
  g_assert_null (find_message_dialog ());
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-problems", NULL));
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Problems in the Data");
  collect_labels (GTK_WIDGET (dialog), text);
  lsm_test_assert_contains (text->str, "missing-properties.geojson: feature 2 (noname) has no “name”");
  g_assert_null (strstr (text->str, "badsector"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A category of the user's own file: a row of its own in the sidebar (name, symbol, count),
 * and its toggle hides its sites on the map and in the list. */
static void
test_window_own_category (void)
{
  g_autoptr(LsmWindow) window = open_fixture_window ("own-category.geojson");
  g_autoptr(GString) text = g_string_new (NULL);
  GtkCheckButton *toggle;
  GtkWidget *icon;
  LsmSector farm;
  guint total;

  g_assert_true (lsm_sector_from_id ("solar_farm", &farm));
  toggle = lsm_sidebar_get_sector_toggle (window->sidebar, farm);
  g_assert_true (gtk_check_button_get_active (toggle));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (toggle)));
  icon = gtk_widget_get_next_sibling (GTK_WIDGET (toggle));
  g_assert_cmpint (gtk_image_get_storage_type (GTK_IMAGE (icon)), ==, GTK_IMAGE_PAINTABLE);
  collect_labels (gtk_widget_get_parent (GTK_WIDGET (toggle)), text);
  lsm_test_assert_contains (text->str, "Solar farm");
  lsm_test_assert_contains (text->str, "2 on the map");
  g_assert_cmpuint (lsm_sidebar_get_sector_count (window->sidebar, farm, &total), ==, 2);
  g_assert_cmpuint (total, ==, 2);
  g_assert_cmpuint (lsm_sites_layer_get_n_drawn (sites_layer (window)), ==, 3);

  gtk_check_button_set_active (toggle, FALSE);
  settle ();
  g_assert_cmpuint (lsm_sites_layer_get_n_drawn (sites_layer (window)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->selection)), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LSMAP_BUNDLED_DATA", g_getenv ("LSMAP_DATA_DIR"), TRUE);
  init_display_test (&argc, &argv);

  g_test_add_func ("/lsm/window/load-errors-are-literal", test_window_load_errors_are_literal);
  g_test_add_func ("/lsm/window/load-error-non-utf8", test_window_load_error_non_utf8);
  g_test_add_func ("/lsm/window/problems-listed", test_window_problems_listed);
  g_test_add_func ("/lsm/window/own-category", test_window_own_category);
  g_test_add_func ("/lsm/window/postgis", test_window_postgis);

  return g_test_run ();
}
