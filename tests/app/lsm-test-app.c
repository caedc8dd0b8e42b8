/* lsm-test-app.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "lsm-test-app.h"
#include "lsm-vocab.h"
#include "lsm-window.h"

/* Helpers of the display suites: the real window on the bundled data, waited for as a user
 * would. */

gboolean
wait_for (gboolean (*condition) (gpointer), gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, TRUE);
    }

  return TRUE;
}

gboolean
catalog_loaded (gpointer data)
{
  return lsm_window_get_catalog (data) != NULL;
}

static gboolean
idle_done (gpointer data)
{
  return !g_main_context_pending (NULL);
}

void
settle (void)
{
  for (int i = 0; i < 5; i++)
    {
      wait_for (idle_done, NULL);
      g_usleep (10000);
    }
}

void
reset_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);
}

LsmWindow *
open_window (const char *path)
{
  LsmWindow *window;

  /* Every test starts as a first run; persistence has its own test. */
  reset_settings ();
  window = lsm_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 860);
  gtk_window_present (GTK_WINDOW (window));
  lsm_window_load (window, path);
  g_assert_true (wait_for (catalog_loaded, window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  settle ();

  return window;
}

static void
collect_shown_labels (GtkWidget *widget,
                      GString   *text)
{
  if (!gtk_widget_get_visible (widget))
    return;

  if (GTK_IS_LABEL (widget))
    g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_shown_labels (child, text);
}

/* What @widget reads: its labels, one a line, leaving out what is hidden. */
char *
shown_text (GtkWidget *widget)
{
  GString *text = g_string_new (NULL);

  collect_shown_labels (widget, text);
  return g_string_free (text, FALSE);
}

/**
 * render_widget:
 * @widget: a drawn widget
 *
 * Returns: (transfer full): what @widget shows, rendered as the window renders it
 */
GdkTexture *
render_widget (GtkWidget *widget)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);

  return gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                      &GRAPHENE_RECT_INIT (0, 0, width, height));
}

/* With LSMAP_SCREENSHOT_DIR set, writes what @widget shows there, for a person to look at. */
void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  const char *dir = g_getenv ("LSMAP_SCREENSHOT_DIR");
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;

  texture = render_widget (widget);
  path = g_build_filename (dir, name, NULL);
  gdk_texture_save_to_png (texture, path);
}


/* The same as NAME-en.png or NAME-vi.png, for the suites run in both languages. */
void
save_screenshot_in_language (GtkWidget  *widget,
                             const char *name)
{
  g_autofree char *file_name = g_strdup_printf ("%s-%s.png", name, lsm_ui_is_vietnamese () ? "vi" : "en");

  save_screenshot (widget, file_name);
}

/* The first widget under @widget, itself included, that @match accepts. */
GtkWidget *
find_widget_matching (GtkWidget   *widget,
                      gboolean   (*match) (GtkWidget *, const char *),
                      const char  *data)
{
  if (match (widget, data))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget_matching (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
has_action (GtkWidget  *widget,
            const char *action)
{
  return GTK_IS_ACTIONABLE (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

GtkWidget *
find_actionable (GtkWidget  *widget,
                 const char *action)
{
  return find_widget_matching (widget, has_action, action);
}

static void
on_clicked_cb (GtkButton *button,
               gboolean  *clicked)
{
  *clicked = TRUE;
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

/* What a district badge on the map says. */
const char *
badge_text (GtkMenuButton *badge)
{
  return gtk_label_get_text (GTK_LABEL (gtk_menu_button_get_child (badge)));
}

/**
 * activate_button:
 * @button: a #GtkButton
 *
 * Activates @button as Enter or Space would, and returns once it has been clicked. GTK first
 * shows it pressed and emits ::clicked from a 250 ms timeout, which settle() does not wait
 * for: it returns once the main loop is idle, and whether the timeout is due by then depends on
 * how long the redraws took.
 */
void
activate_button (GtkWidget *button)
{
  gboolean clicked = FALSE;
  gulong handler;

  g_assert_true (GTK_IS_BUTTON (button));
  handler = g_signal_connect (button, "clicked", G_CALLBACK (on_clicked_cb), &clicked);
  g_assert_true (gtk_widget_activate (button));
  g_assert_true (wait_for (flag_set, &clicked));
  g_signal_handler_disconnect (button, handler);
}

/**
 * init_display_test:
 * @argc: main's
 * @argv: main's
 *
 * What every display suite's main does first: the user's locale with our translations from
 * the build tree, GTK in test mode, libadwaita, and the generated icons.
 */
void
init_display_test (int    *argc,
                   char ***argv)
{
  g_autoptr(GtkCssProvider) style = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("LSMAP_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  gtk_test_init (argc, argv, NULL);
  adw_init ();
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    RESOURCE_BASE "/icons");
  /* The stylesheet AdwApplication gives the user's windows: sizes are tested as they are seen. */
  style = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (style, RESOURCE_BASE "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (style),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}
