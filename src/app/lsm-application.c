/* lsm-application.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-application"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "lsm-application.h"
#include "lsm-atlas.h"
#include "lsm-catalog.h"
#include "lsm-cli.h"
#include "lsm-feature.h"
#include "lsm-filter.h"
#include "lsm-headline.h"
#include "lsm-loader.h"
#include "lsm-page.h"
#include "lsm-scene.h"
#include "lsm-source.h"
#include "lsm-turn-log.h"
#include "lsm-window.h"
#include "lsm-writer.h"

struct _LsmApplication
{
  AdwApplication  parent_instance;

  char           *data_path;
  gboolean        options_handled;
  LsmLoader      *preload;  /* the data's load, begun at startup, until a window takes it */
};

G_DEFINE_FINAL_TYPE (LsmApplication, lsm_application, ADW_TYPE_APPLICATION)

static const GOptionEntry main_entries[] = {
  { "data", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Use another data directory or OGR source (GeoJSON, GeoPackage, Shapefile, KML, PG:…)"),
    N_("PATH") },
  { "list", 'l', 0, G_OPTION_ARG_NONE, NULL, N_("List the sites and their figures, then exit"), NULL },
  { "sector", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Only these sectors (comma-separated ids)"),
    N_("SECTOR,…") },
  { "status", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Only these statuses (comma-separated ids)"),
    N_("STATUS,…") },
  { "district", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Only the sites of this district"),
    N_("NAME") },
  { "format", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Output format of --list: text, csv or json"),
    N_("FORMAT") },
  { "sort", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Order of --list: a column (name, sector, district, commune_2025, status, capacity, area, investment, year, precision); numbers largest first, text A to Z; a leading “-” reverses"),
    N_("COLUMN") },
  { "overview", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the province overview (text or json with --format), then exit"), NULL },
  { "summary", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print what the data holds and what could not be loaded, then exit"), NULL },
  { "export", 'e', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Export a map page to FILE (.pdf, .svg or .png), then exit"), N_("FILE") },
  { "paper", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Paper size of --export: A4 (default), A3 or letter"), N_("PAPER") },
  { "landscape", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Landscape paper"), NULL },
  { "dpi", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Resolution of a PNG export, 96 to 600 (default 150)"), N_("DPI") },
  { "size", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Export an image of this many pixels instead of a paper size"), N_("WIDTHxHEIGHT") },
  { "title", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Title of the exported page"), N_("TEXT") },
  { "atlas", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write an atlas to FILE (.pdf): an overview, then a map per district or sector, then exit"), N_("FILE") },
  { "atlas-by", 0, 0, G_OPTION_ARG_STRING, NULL, N_("What the atlas has a map for: district (default) or sector"),
    N_("district|sector") },
  { "convert", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the data (or what --sector, --status and --district select) to a GeoPackage (.gpkg), a folder of GeoJSON and CSV (ending in /) or a PostGIS database (PG:…), then exit"),
    N_("DEST") },
  { "overwrite", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Let --convert replace an existing file, folder or database schema"), NULL },
  { "choropleth", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Colour the districts of --export by: none, sites, capacity or area"), N_("BY") },
  { "units", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Administrative units of --export: districts (2019 – 30 June 2025, default) or communes-2025"), N_("UNITS") },
  { "validate", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Check that each FILE is valid lsmap data, print one line per problem, then exit"), NULL },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version, then exit"), NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[FILE…]") },
  { NULL }
};

static LsmCatalog *
load_catalog (LsmApplication  *self,
              GError         **error)
{
  g_autoptr(LsmLoader) loader = lsm_loader_new (self->data_path);

  return lsm_loader_load (loader, NULL, error);
}

/* Parsing every option before touching the filter: a bad id leaves nothing half-applied. */
static gboolean
build_filter (GVariantDict  *options,
              LsmCatalog    *catalog,
              LsmFilter     *filter,
              GError       **error)
{
  const char *list = NULL;
  const char *district = NULL;
  g_auto(GStrv) sectors = NULL;
  g_auto(GStrv) statuses = NULL;
  LsmFeature *match = NULL;

  if (g_variant_dict_lookup (options, "sector", "&s", &list)
      && (sectors = lsm_filter_parse_sectors (list, error)) == NULL)
    return FALSE;

  if (g_variant_dict_lookup (options, "status", "&s", &list)
      && (statuses = lsm_filter_parse_statuses (list, error)) == NULL)
    return FALSE;

  if (g_variant_dict_lookup (options, "district", "&s", &district)
      && (match = lsm_catalog_lookup_district (catalog, district)) == NULL)
    {
      /* Translators: %s is what the user typed after --district= */
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("No district is called “%s”"), district);
      return FALSE;
    }

  if (sectors != NULL)
    lsm_filter_show_only_sectors (filter, (const char * const *) sectors);
  if (statuses != NULL)
    lsm_filter_show_only_statuses (filter, (const char * const *) statuses);
  if (match != NULL)
    lsm_filter_set_district (filter, lsm_feature_get_name (match));
  lsm_filter_set_model (filter, lsm_catalog_get_sites (catalog));

  return TRUE;
}

static int
run_list (LsmApplication *self,
          GVariantDict   *options)
{
  g_autoptr(LsmCatalog) catalog = NULL;
  g_autoptr(LsmFilter) filter = lsm_filter_new (NULL);
  g_autoptr(GError) error = NULL;
  const char *format_name = NULL;
  LsmCliFormat format;

  const char *sort = NULL;
  LsmColumn column = LSM_COLUMN_NAME;
  gboolean reversed = FALSE;
  g_autoptr(GListModel) sorted = NULL;

  g_variant_dict_lookup (options, "format", "&s", &format_name);
  g_variant_dict_lookup (options, "sort", "&s", &sort);
  if (!lsm_cli_parse_format (format_name, &format, &error)
      || (sort != NULL && !lsm_column_parse_sort (sort, &column, &reversed, &error))
      || (catalog = load_catalog (self, &error)) == NULL
      || !build_filter (options, catalog, filter, &error))
    {
      g_printerr ("lsmap: %s\n", error->message);
      return lsm_cli_exit_status (error);
    }

  if (sort != NULL)
    sorted = lsm_site_sort (G_LIST_MODEL (filter), column, reversed);
  lsm_cli_print_list (stdout, sorted != NULL ? sorted : G_LIST_MODEL (filter), format);
  lsm_cli_print_problems (stderr, catalog);
  return 0;
}

static int
run_overview (LsmApplication *self,
              GVariantDict   *options)
{
  g_autoptr(LsmCatalog) catalog = NULL;
  g_autoptr(LsmFilter) filter = lsm_filter_new (NULL);
  g_autoptr(GError) error = NULL;
  const char *format_name = NULL;
  LsmCliFormat format;

  g_variant_dict_lookup (options, "format", "&s", &format_name);
  if (!lsm_cli_parse_format (format_name, &format, &error))
    {
      g_printerr ("lsmap: %s\n", error->message);
      return LSM_CLI_EXIT_USAGE;
    }
  if (format == LSM_CLI_FORMAT_CSV)
    {
      g_printerr ("lsmap: %s\n", _("--overview is written as text or json, not csv"));
      return LSM_CLI_EXIT_USAGE;
    }

  if ((catalog = load_catalog (self, &error)) == NULL
      || !build_filter (options, catalog, filter, &error))
    {
      g_printerr ("lsmap: %s\n", error->message);
      return lsm_cli_exit_status (error);
    }

  lsm_cli_print_overview (stdout, catalog, filter, format);
  return 0;
}

static int
run_validate (LsmApplication *self,
              GVariantDict   *options)
{
  g_autofree const char **files = NULL;
  g_autoptr(LsmCatalog) reference = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files) || files[0] == NULL)
    {
      g_printerr ("lsmap: %s\n", _("--validate needs one or more files"));
      return LSM_CLI_EXIT_USAGE;
    }

  /* The bundled data (or --data) is what site districts and citations are checked against. */
  reference = load_catalog (self, &error);
  if (reference == NULL)
    g_debug ("Validating without reference data: %s", error->message);

  return lsm_cli_validate (stdout, files, reference);
}

static int
run_export (LsmApplication *self,
            GVariantDict   *options,
            const char     *path,
            gboolean        atlas)
{
  const char *by_name = NULL;
  g_autoptr(LsmCatalog) catalog = NULL;
  g_autoptr(LsmFilter) filter = lsm_filter_new (NULL);
  g_autoptr(LsmScene) scene = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(LsmPageOptions) page;
  LsmPageFormat format;
  const char *by = NULL;
  LsmChoroplethKind kind;
  LsmUnits units;

  lsm_page_options_init (&page);
  page.atlas = atlas ? LSM_ATLAS_BY_DISTRICT : LSM_ATLAS_NONE;
  if (!lsm_page_format_from_path (path, &format, &error)
      || (atlas && g_variant_dict_lookup (options, "atlas-by", "&s", &by_name)
          && !lsm_atlas_parse_by (by_name, &page.atlas, &error)))
    {
      g_printerr ("lsmap: %s\n", error->message);
      return LSM_CLI_EXIT_USAGE;
    }

  if (!lsm_cli_parse_page_options (options, format, &page, &error)
      || !lsm_cli_parse_units (options, &units, &error)
      || (catalog = load_catalog (self, &error)) == NULL
      || !build_filter (options, catalog, filter, &error))
    {
      g_printerr ("lsmap: %s\n", error->message);
      return lsm_cli_exit_status (error);
    }

  /* --district frames that district as well as filtering its sites. */
  if (lsm_filter_get_district (filter) != NULL)
    {
      page.extent = LSM_EXTENT_DISTRICT;
      page.district = g_strdup (lsm_filter_get_district (filter));
    }

  scene = lsm_scene_new (catalog);
  if (g_variant_dict_lookup (options, "choropleth", "&s", &by))
    {
      g_autoptr(LsmChoropleth) choropleth = NULL;

      if (!lsm_choropleth_kind_parse (by, &kind, &error))
        {
          g_printerr ("lsmap: %s\n", error->message);
          return LSM_CLI_EXIT_USAGE;
        }
      choropleth = lsm_choropleth_new (kind, lsm_catalog_get_districts (catalog), G_LIST_MODEL (filter));
      lsm_scene_set_choropleth (scene, choropleth);
    }
  lsm_scene_set_units (scene, units);
  lsm_cli_remove_temp_files_on_signals ();
  if (!lsm_page_export (scene, filter, &page, path, NULL, &error))
    {
      g_printerr ("lsmap: %s\n", error->message);
      return LSM_CLI_EXIT_FAILURE;
    }

  lsm_cli_print_problems (stderr, catalog);
  return 0;
}

static int
run_summary (LsmApplication *self)
{
  g_autoptr(LsmCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;

  if ((catalog = load_catalog (self, &error)) == NULL)
    {
      g_printerr ("lsmap: %s\n", error->message);
      return LSM_CLI_EXIT_FAILURE;
    }

  lsm_cli_print_summary (stdout, catalog);
  return 0;
}

/* "lsmap FILE…" opens each file as a layer, in this instance or the one already running. The
 * files are an option of ours (for --validate), so GApplication does not see them itself. */
static void
open_remaining (LsmApplication *self,
                GVariantDict   *options)
{
  g_autofree const char **paths = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  if (!g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &paths) || paths[0] == NULL)
    return;

  for (guint i = 0; paths[i] != NULL; i++)
    g_ptr_array_add (files, g_file_new_for_commandline_arg (paths[i]));

  if (!g_application_register (G_APPLICATION (self), NULL, &error))
    {
      g_printerr ("lsmap: %s\n", error->message);
      return;
    }
  g_application_open (G_APPLICATION (self), (GFile **) files->pdata, files->len, "");
}

static int
run_convert (LsmApplication *self,
             GVariantDict   *options,
             const char     *dest)
{
  g_autoptr(LsmCatalog) catalog = NULL;
  g_autoptr(LsmFilter) filter = NULL;
  g_autoptr(GError) error = NULL;
  const char *source = self->data_path != NULL ? self->data_path : lsm_loader_get_default_data_dir ();
  gboolean selects = g_variant_dict_contains (options, "sector") || g_variant_dict_contains (options, "status")
                     || g_variant_dict_contains (options, "district");

  LsmWriterFormat format;

  /* Loading first: data that cannot be read is never half-written, and the filter needs it. */
  if (!lsm_writer_parse_dest (dest, &format, &error)
      || (catalog = load_catalog (self, &error)) == NULL
      || (selects && !build_filter (options, catalog, (filter = lsm_filter_new (NULL)), &error))
      || !lsm_cli_convert (source, filter, dest, g_variant_dict_contains (options, "overwrite"), &error))
    {
      g_printerr ("lsmap: %s\n", error->message);
      return lsm_cli_exit_status (error);
    }

  return 0;
}

/* A department points everyone's lsmap at its shared database with this one setting. */
static char *
configured_data_source (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *value = NULL;

  /* Uninstalled without the compiled schema: the window warns about settings, not this. */
  if (source == NULL || (schema = g_settings_schema_source_lookup (source, APP_ID, TRUE)) == NULL)
    return NULL;

  settings = g_settings_new (APP_ID);
  value = g_settings_get_string (settings, "data-source");
  return *value != '\0' ? g_steal_pointer (&value) : NULL;
}

static int
lsm_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  LsmApplication *self = LSM_APPLICATION (app);
  g_autoptr(GError) error = NULL;
  const char *data = NULL;
  const char *export = NULL;
  const char *convert = NULL;

  self->options_handled = TRUE;
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("lsmap %s\n", PACKAGE_VERSION);
      return 0;
    }

  g_free (self->data_path);
  if (g_variant_dict_lookup (options, "data", "^&ay", &data))
    self->data_path = g_strdup (data);
  else
    self->data_path = configured_data_source ();

  if (!lsm_cli_check_usage (options, &error))
    {
      g_printerr ("lsmap: %s\n", error->message);
      return LSM_CLI_EXIT_USAGE;
    }

  if (g_variant_dict_contains (options, "validate"))
    return run_validate (self, options);

  if (g_variant_dict_contains (options, "list"))
    return run_list (self, options);

  if (g_variant_dict_contains (options, "overview"))
    return run_overview (self, options);

  if (g_variant_dict_contains (options, "summary"))
    return run_summary (self);

  if (g_variant_dict_lookup (options, "export", "^&ay", &export))
    return run_export (self, options, export, FALSE);

  if (g_variant_dict_lookup (options, "atlas", "^&ay", &export))
    return run_export (self, options, export, TRUE);

  if (g_variant_dict_lookup (options, "convert", "^&ay", &convert))
    return run_convert (self, options, convert);

  open_remaining (self, options);
  return -1;
}

static GtkWindow *
ensure_window (LsmApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      window = GTK_WINDOW (lsm_window_new (GTK_APPLICATION (self)));
      if (self->preload != NULL)
        {
          g_autoptr(LsmLoader) preload = g_steal_pointer (&self->preload);

          lsm_window_load_from (LSM_WINDOW (window), self->data_path, preload);
        }
      else
        lsm_window_load (LSM_WINDOW (window), self->data_path);
      lsm_window_restore_layers (LSM_WINDOW (window));
    }

  return window;
}

static void
lsm_application_open (GApplication  *app,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  LsmApplication *self = LSM_APPLICATION (app);
  GtkWindow *window = ensure_window (self);
  g_autoptr(GListStore) list = g_list_store_new (G_TYPE_FILE);

  for (int i = 0; i < n_files; i++)
    g_list_store_append (list, files[i]);
  lsm_window_open_files (LSM_WINDOW (window), G_LIST_MODEL (list));
  gtk_window_present (window);
}

static gboolean
lsm_application_local_command_line (GApplication   *app,
                                    char         ***arguments,
                                    int            *exit_status)
{
  LsmApplication *self = LSM_APPLICATION (app);
  gboolean handled;

  self->options_handled = FALSE;
  handled = G_APPLICATION_CLASS (lsm_application_parent_class)->local_command_line (app, arguments, exit_status);

  /* GOption's own errors (an unknown option, a missing value) come back as 1 before our options
   * are looked at; they are bad usage like any other. */
  if (handled && !self->options_handled && *exit_status == 1)
    {
      g_printerr ("%s\n", _("Run “lsmap --help” to see the options."));
      *exit_status = LSM_CLI_EXIT_USAGE;
    }

  return handled;
}

static void
lsm_application_activate (GApplication *app)
{
  gtk_window_present (ensure_window (LSM_APPLICATION (app)));
}

static void
lsm_application_about_action (GSimpleAction *action,
                              GVariant      *param,
                              gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GtkWindow *window = gtk_application_get_active_window (app);
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (g_free);
  const char *boundaries[] = {
    "Government of Viet Nam, gis.chinhphu.vn (via daohoangson/dvhcvn, GPL-3.0) https://github.com/daohoangson/dvhcvn",
    "Natural Earth (public domain) https://www.naturalearthdata.com",
    "Thang Le Quoc, vietnamese-provinces-database (MIT) https://github.com/thanglequoc/vietnamese-provinces-database",
    NULL
  };
  LsmCatalog *catalog = window != NULL && LSM_IS_WINDOW (window) ? lsm_window_get_catalog (LSM_WINDOW (window)) : NULL;
  AdwAboutWindow *about;

  if (catalog != NULL)
    {
      GListModel *sources = lsm_catalog_get_sources (catalog);

      for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
        {
          g_autoptr(LsmSource) source = g_list_model_get_item (sources, i);

          g_ptr_array_add (articles, lsm_source_format_citation (source));
        }
    }
  g_ptr_array_add (articles, NULL);

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  gtk_window_set_transient_for (GTK_WINDOW (about), window);
  adw_about_window_set_application_name (about, _("Lạng Sơn Industry Map"));
  adw_about_window_set_application_icon (about, APP_ID);
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_developer_name (about, _("The lsmap authors"));
  adw_about_window_set_copyright (about, _("© 2026 The lsmap authors"));
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  adw_about_window_set_comments (about, _("Border gates, industrial zones and clusters, power plants, quarries and factories of Lạng Sơn province, with every documented figure and the article it comes from."));
  /* Translators: put your names here, one per line */
  adw_about_window_set_translator_credits (about, _("translator-credits"));
  adw_about_window_add_credit_section (about, _("Boundaries"), boundaries);
  if (articles->len > 1)
    adw_about_window_add_credit_section (about, _("Figures from"), (const char **) articles->pdata);
  /* A custom text: the GPL type would print the program's warranty notice under the data's title. */
  adw_about_window_add_legal_section (about, _("Boundary data"),
                                      _("© Government of Viet Nam, gis.chinhphu.vn; extracted by daohoangson/dvhcvn"),
                                      GTK_LICENSE_CUSTOM,
                                      _("District boundaries, the province outline and its neighbours are distributed under the GNU General Public License, version 3 or later. The China border line is derived from the province outline and the Natural Earth 1:10m border, which is in the public domain."));
  adw_about_window_add_legal_section (about, _("Communes since 1 July 2025"),
                                      _("© 2021 Thang Le Quoc (vietnamese-provinces-database), from the merger reference map of sapnhap.bando.com.vn"),
                                      GTK_LICENSE_MIT_X11, NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
lsm_application_quit_action (GSimpleAction *action,
                             GVariant      *param,
                             gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GList *windows = gtk_application_get_windows (app);

  /* Close windows first so that they save their state. */
  for (GList *l = windows; l != NULL; )
    {
      GList *next = l->next;

      gtk_window_close (GTK_WINDOW (l->data));
      l = next;
    }
}

static const GActionEntry app_actions[] = {
  { "about", lsm_application_about_action },
  { "quit", lsm_application_quit_action },
};

static void
lsm_application_startup (GApplication *app)
{
  LsmApplication *self = LSM_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  const char *turns = g_getenv ("LSMAP_DEBUG_TURNS");

  /* Only the first instance starts up, and its first window shows this data: reading it
   * beside GTK's own start (display, theme, the window's templates) takes it off the path to
   * the first frame. The options, read before, named the data. */
  self->preload = lsm_loader_new (self->data_path);
  lsm_loader_start (self->preload);

  G_APPLICATION_CLASS (lsm_application_parent_class)->startup (app);

  if (turns != NULL)
    lsm_turn_log_install ((guint) g_ascii_strtoull (turns, NULL, 10));

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
}

static void
lsm_application_finalize (GObject *object)
{
  LsmApplication *self = (LsmApplication *) object;

  g_clear_pointer (&self->data_path, g_free);
  g_clear_object (&self->preload);

  G_OBJECT_CLASS (lsm_application_parent_class)->finalize (object);
}

static void
lsm_application_class_init (LsmApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = lsm_application_finalize;
  app_class->local_command_line = lsm_application_local_command_line;
  app_class->handle_local_options = lsm_application_handle_local_options;
  app_class->startup = lsm_application_startup;
  app_class->activate = lsm_application_activate;
  app_class->open = lsm_application_open;
}

static void
lsm_application_init (LsmApplication *self)
{
  g_autofree char *description = lsm_cli_describe_vocabulary ();

  g_application_add_main_option_entries (G_APPLICATION (self), main_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Lạng Sơn industry map: border gates, industrial zones and clusters, power plants and mines, with every documented figure and its source."));
  g_application_set_option_context_description (G_APPLICATION (self), description);
}

LsmApplication *
lsm_application_new (void)
{
  return g_object_new (LSM_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}
