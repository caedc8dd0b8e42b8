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
#include "lsm-catalog.h"
#include "lsm-cli.h"
#include "lsm-feature.h"
#include "lsm-filter.h"
#include "lsm-loader.h"

struct _LsmApplication
{
  AdwApplication  parent_instance;

  char           *data_path;
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

static gboolean
build_filter (GVariantDict  *options,
              LsmCatalog    *catalog,
              LsmFilter     *filter,
              GError       **error)
{
  const char *sectors = NULL;
  const char *statuses = NULL;
  const char *district = NULL;

  if (g_variant_dict_lookup (options, "sector", "&s", &sectors))
    {
      guint mask;

      if (!lsm_filter_parse_sectors (sectors, &mask, error))
        return FALSE;
      lsm_filter_set_sectors (filter, mask);
    }

  if (g_variant_dict_lookup (options, "status", "&s", &statuses))
    {
      guint mask;

      if (!lsm_filter_parse_statuses (statuses, &mask, error))
        return FALSE;
      lsm_filter_set_statuses (filter, mask);
    }

  if (g_variant_dict_lookup (options, "district", "&s", &district))
    {
      LsmFeature *match = lsm_catalog_lookup_district (catalog, district);

      if (match == NULL)
        {
          /* Translators: %s is what the user typed after --district= */
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("No district is called “%s”"), district);
          return FALSE;
        }
      lsm_filter_set_district (filter, lsm_feature_get_name (match));
    }

  return TRUE;
}

static int
run_list (LsmApplication *self,
          GVariantDict   *options)
{
  g_autoptr(LsmCatalog) catalog = NULL;
  g_autoptr(LsmFilter) filter = lsm_filter_new ();
  g_autoptr(GError) error = NULL;
  const char *format_name = NULL;
  LsmCliFormat format;

  g_variant_dict_lookup (options, "format", "&s", &format_name);
  if (!lsm_cli_parse_format (format_name, &format, &error)
      || (catalog = load_catalog (self, &error)) == NULL
      || !build_filter (options, catalog, filter, &error))
    {
      g_printerr ("lsmap: %s\n", error->message);
      return 2;
    }

  lsm_cli_print_list (stdout, catalog, filter, format);
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
      return 2;
    }

  /* The bundled data (or --data) is what site districts and citations are checked against. */
  reference = load_catalog (self, &error);
  if (reference == NULL)
    g_debug ("Validating without reference data: %s", error->message);

  return lsm_cli_validate (stdout, files, reference);
}

static int
run_summary (LsmApplication *self)
{
  g_autoptr(LsmCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;

  if ((catalog = load_catalog (self, &error)) == NULL)
    {
      g_printerr ("lsmap: %s\n", error->message);
      return 1;
    }

  lsm_cli_print_summary (stdout, catalog);
  return 0;
}

static int
lsm_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  LsmApplication *self = LSM_APPLICATION (app);
  const char *data = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("lsmap %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (options, "data", "^&ay", &data))
    {
      g_free (self->data_path);
      self->data_path = g_strdup (data);
    }

  if (g_variant_dict_contains (options, "validate"))
    return run_validate (self, options);

  if (g_variant_dict_contains (options, "list"))
    return run_list (self, options);

  /* Until the map window exists, the program shows what it loaded. */
  return run_summary (self);
}

static void
lsm_application_finalize (GObject *object)
{
  LsmApplication *self = (LsmApplication *) object;

  g_clear_pointer (&self->data_path, g_free);

  G_OBJECT_CLASS (lsm_application_parent_class)->finalize (object);
}

static void
lsm_application_class_init (LsmApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = lsm_application_finalize;
  app_class->handle_local_options = lsm_application_handle_local_options;
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
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}
