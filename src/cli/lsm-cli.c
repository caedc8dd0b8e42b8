/* lsm-cli.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-cli"

#include "config.h"

#include <signal.h>

#include <glib/gi18n.h>
#include <glib-unix.h>

#include "lsm-catalog.h"
#include "lsm-cli.h"
#include "lsm-feature.h"
#include "lsm-filter.h"
#include "lsm-loader.h"
#include "lsm-output-file.h"
#include "lsm-units.h"
#include "lsm-vocab.h"
#include "lsm-writer.h"

gboolean
lsm_cli_parse_format (const char    *name,
                      LsmCliFormat  *format,
                      GError       **error)
{
  if (name == NULL || g_str_equal (name, "text"))
    *format = LSM_CLI_FORMAT_TEXT;
  else if (g_str_equal (name, "csv"))
    *format = LSM_CLI_FORMAT_CSV;
  else if (g_str_equal (name, "json"))
    *format = LSM_CLI_FORMAT_JSON;
  else
    {
      /* Translators: %s is what the user typed after --format= */
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Unknown format “%s”: use text, csv or json"), name);
      return FALSE;
    }

  return TRUE;
}

/**
 * lsm_cli_validate:
 * @out: where to write the problems
 * @files: the files to check
 * @reference: (nullable): the data the files are checked against
 *
 * Returns: 0 if every file is valid lsmap data, else 1
 */
int
lsm_cli_validate (FILE               *out,
                  const char * const *files,
                  LsmCatalog         *reference)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  gboolean valid = TRUE;

  for (guint i = 0; files[i] != NULL; i++)
    valid &= lsm_loader_validate_file (files[i], reference, problems);

  for (guint i = 0; i < problems->len; i++)
    fprintf (out, "%s\n", (const char *) g_ptr_array_index (problems, i));

  return valid ? 0 : 1;
}

/**
 * lsm_cli_describe_vocabulary:
 *
 * Returns: (transfer full): the sector and status ids with their labels, for --help
 */
char *
lsm_cli_describe_vocabulary (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_sectors;
  g_autofree LsmSector *sectors = lsm_sector_list (&n_sectors);

  g_string_append (text, _("Sectors (--sector):"));
  g_string_append_c (text, '\n');
  for (guint i = 0; i < n_sectors; i++)
    g_string_append_printf (text, "  %-22s %s\n", lsm_sector_get_id (sectors[i]), lsm_sector_get_label (sectors[i]));

  g_string_append_c (text, '\n');
  g_string_append (text, _("Statuses (--status):"));
  g_string_append_c (text, '\n');
  for (guint s = LSM_STATUS_OPERATING; s < LSM_N_STATUSES; s++)
    g_string_append_printf (text, "  %-22s %s\n", lsm_status_get_id (s), lsm_status_get_label (s));

  g_string_append_c (text, '\n');
  g_string_append (text, _("Formats (--format): text, csv, json"));
  g_string_append (text, "\n\n");
  g_string_append (text, _("Exit status: 0 on success; 1 if data cannot be read, a file cannot be written or --validate finds problems; 2 for bad usage (an unknown option, a bad value, options that do not go together)."));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The modes, and the options that mean something only in one of them: given elsewhere they
 * would be ignored, and the user would think they had been applied. */
static const char *modes[] = { "validate", "list", "summary", "export", "atlas", "convert", "overview" };
/* An option may belong to several modes: one row per mode. */
static const struct { const char *option; const char *mode; } mode_options[] = {
  { "format", "list" },
  { "format", "overview" },
  { "sort", "list" },
  { "choropleth", "export" },
  { "paper", "export" },
  { "paper", "atlas" },
  { "landscape", "export" },
  { "landscape", "atlas" },
  { "dpi", "export" },
  { "size", "export" },
  { "title", "export" },
  { "title", "atlas" },
  { "atlas-by", "atlas" },
  { "overwrite", "convert" },
  { "units", "export" },
};

static gboolean
usage_error (GError     **error,
             const char  *format,
             ...) G_GNUC_PRINTF (2, 3);

static gboolean
usage_error (GError     **error,
             const char  *format,
             ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, format, args));
  va_end (args);

  return FALSE;
}

/**
 * lsm_cli_check_usage:
 * @options: the parsed command line
 * @error: return location for a %G_OPTION_ERROR naming the option
 *
 * Checks that the options go together: one mode at most, each option with its mode, files only
 * for --validate.
 *
 * Returns: whether the command line makes sense
 */
gboolean
lsm_cli_check_usage (GVariantDict  *options,
                     GError       **error)
{
  g_autofree const char **files = NULL;
  const char *mode = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      if (!g_variant_dict_contains (options, modes[i]))
        continue;
      if (mode != NULL)
        /* Translators: both %s are options, e.g. "--list" and "--export" */
        return usage_error (error, _("--%s and --%s cannot be used together"), mode, modes[i]);
      mode = modes[i];
    }

  for (guint i = 0; i < G_N_ELEMENTS (mode_options); i++)
    {
      gboolean applies = FALSE;

      if (!g_variant_dict_contains (options, mode_options[i].option))
        continue;
      /* An option may belong to several modes: --format to --list and --overview. */
      for (guint j = 0; j < G_N_ELEMENTS (mode_options); j++)
        applies |= g_str_equal (mode_options[j].option, mode_options[i].option)
                    && g_strcmp0 (mode, mode_options[j].mode) == 0;
      if (!applies)
        /* Translators: both %s are options, e.g. "--dpi" and "--export" */
        return usage_error (error, _("--%s applies only to --%s"), mode_options[i].option, mode_options[i].mode);
    }

  /* Without a mode, files are opened in the window as layers. */
  if (mode != NULL && g_strcmp0 (mode, "validate") != 0
      && g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files) && files[0] != NULL)
    {
      g_autofree char *name = g_filename_display_name (files[0]);

      /* Translators: %s is a file name given without an option */
      return usage_error (error, _("“%s”: files are read only with --validate; to open data, use --data=%s"),
                          name, name);
    }

  return TRUE;
}

static gboolean
parse_size (const char  *text,
            guint       *width,
            guint       *height)
{
  g_auto(GStrv) parts = g_strsplit_set (text, "xX", -1);
  guint64 w, h;

  if (g_strv_length (parts) != 2
      || !g_ascii_string_to_unsigned (parts[0], 10, 200, 20000, &w, NULL)
      || !g_ascii_string_to_unsigned (parts[1], 10, 200, 20000, &h, NULL)
      || w * h > 100 * 1000 * 1000)
    return FALSE;

  *width = w;
  *height = h;
  return TRUE;
}

/**
 * lsm_cli_parse_page_options:
 * @options: the parsed command line
 * @format: the format --export asks for
 * @page: (inout): options to fill in
 * @error: return location for a %G_OPTION_ERROR naming the option
 *
 * Reads --paper, --landscape, --dpi, --size and --title strictly: a value that is not exactly
 * right is an error, never a silent default. A title longer than %LSM_PAGE_TITLE_MAX characters
 * is shortened, with a note on stderr.
 *
 * Returns: whether every page option was valid
 */
gboolean
lsm_cli_parse_page_options (GVariantDict    *options,
                            LsmPageFormat    format,
                            LsmPageOptions  *page,
                            GError         **error)
{
  const char *paper = NULL;
  const char *size = NULL;
  const char *dpi = NULL;
  const char *title = NULL;

  if (g_variant_dict_lookup (options, "size", "&s", &size))
    {
      const char *conflicts[] = { "paper", "landscape", "dpi" };

      for (guint i = 0; i < G_N_ELEMENTS (conflicts); i++)
        if (g_variant_dict_contains (options, conflicts[i]))
          return usage_error (error, _("--%s and --%s cannot be used together"), "size", conflicts[i]);

      if (!parse_size (size, &page->pixel_width, &page->pixel_height))
        /* Translators: %s is what the user typed after --size= */
        return usage_error (error, _("--size “%s”: must be WIDTHxHEIGHT in pixels, each from 200 to 20000, at most 100 million pixels in all"),
                            size);
      page->paper = LSM_PAPER_PIXELS;
    }

  if (g_variant_dict_lookup (options, "paper", "&s", &paper) && !lsm_page_parse_paper (paper, &page->paper, error))
    {
      g_prefix_error (error, "--paper: ");
      return FALSE;
    }
  page->landscape = g_variant_dict_contains (options, "landscape");

  if (g_variant_dict_lookup (options, "dpi", "&s", &dpi))
    {
      guint64 value;

      if (format != LSM_PAGE_FORMAT_PNG)
        return usage_error (error, _("--dpi applies only to PNG exports"));
      if (!g_ascii_string_to_unsigned (dpi, 10, 96, 600, &value, NULL))
        /* Translators: %s is what the user typed after --dpi= */
        return usage_error (error, _("--dpi “%s”: must be a whole number from 96 to 600"), dpi);
      page->dpi = value;
    }

  if (g_variant_dict_lookup (options, "title", "&s", &title))
    {
      gboolean capped;
      g_autofree char *stripped = g_strstrip (g_strdup (title));

      if (*stripped == '\0')
        return usage_error (error, _("--title is empty"));

      g_free (page->title);
      page->title = lsm_page_cap_title (title, &capped);
      if (capped)
        {
          /* Translators: %d is the most characters a title may have */
          g_autofree char *note = g_strdup_printf (_("--title is longer than %d characters: it is shortened"),
                                                   LSM_PAGE_TITLE_MAX);

          g_printerr ("lsmap: %s\n", note);
        }
    }

  return TRUE;
}

typedef struct
{
  const char   *source;
  const char   *dest;
  GHashTable   *ids;
  gboolean      overwrite;
  GCancellable *cancellable;
  GMainContext *context;
  GError       *error;
  gboolean      ok;
  gboolean      done;       /* atomic: the writer has returned */
  int           signal;     /* the signal that stopped it, or 0 */
} Conversion;

static gpointer
convert_thread (gpointer data)
{
  Conversion *conversion = data;

  conversion->ok = lsm_writer_convert (conversion->source, conversion->dest, conversion->ids,
                                       conversion->overwrite, conversion->cancellable,
                                       &conversion->error);
  g_atomic_int_set (&conversion->done, TRUE);
  g_main_context_wakeup (conversion->context);
  return NULL;
}

typedef struct
{
  Conversion *conversion;
  int         signal;
} Interrupt;

static gboolean
on_interrupt_cb (gpointer data)
{
  Interrupt *interrupt = data;

  if (interrupt->conversion->signal == 0)
    interrupt->conversion->signal = interrupt->signal;
  g_cancellable_cancel (interrupt->conversion->cancellable);
  return G_SOURCE_CONTINUE;
}

/* Ctrl+C or kill while the writer works: killing the process at once would leave its staging
 * folder beside DEST (or hold the database's transaction open until the server notices). The
 * writer runs in a thread; the signal cancels it, it removes what it staged, and the process
 * then dies of the same signal, so the caller still sees how it ended. */
static gboolean
convert_interruptibly (Conversion  *conversion,
                       GError     **error)
{
  const int signals[] = { SIGINT, SIGTERM, SIGHUP };
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  GSource *sources[G_N_ELEMENTS (signals)] = { NULL };
  Interrupt interrupts[G_N_ELEMENTS (signals)];
  GThread *thread;

  conversion->context = context;
  conversion->cancellable = cancellable;
  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    {
      struct sigaction old;

      /* A signal the caller ignores (nohup, a background job) stays ignored. */
      if (sigaction (signals[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
        continue;
      interrupts[i] = (Interrupt) { conversion, signals[i] };
      sources[i] = g_unix_signal_source_new (signals[i]);
      g_source_set_callback (sources[i], on_interrupt_cb, &interrupts[i], NULL);
      g_source_attach (sources[i], context);
    }

  thread = g_thread_new ("lsm-convert", convert_thread, conversion);
  while (!g_atomic_int_get (&conversion->done))
    g_main_context_iteration (context, TRUE);
  g_thread_join (thread);

  /* With its sources gone, GLib gives each signal back its default action. */
  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    if (sources[i] != NULL)
      {
        g_source_destroy (sources[i]);
        g_source_unref (sources[i]);
      }

  if (conversion->signal != 0)
    {
      g_clear_error (&conversion->error);
      signal (conversion->signal, SIG_DFL);
      raise (conversion->signal);
    }

  if (!conversion->ok)
    g_propagate_error (error, g_steal_pointer (&conversion->error));
  return conversion->ok;
}

/**
 * lsm_cli_convert:
 * @source: the data folder or OGR source the catalog was read from
 * @filter: (nullable): the sites to keep, as --sector, --status and --district select them;
 *   %NULL keeps all
 * @dest: what --convert names
 * @overwrite: whether --overwrite was given
 * @error: return location for an error naming @dest
 *
 * Returns: whether @dest now holds the (selected) catalog
 */
gboolean
lsm_cli_convert (const char  *source,
                 LsmFilter   *filter,
                 const char  *dest,
                 gboolean     overwrite,
                 GError     **error)
{
  g_autoptr(GHashTable) ids = NULL;
  Conversion conversion = { source, dest, NULL, overwrite };

  if (filter != NULL)
    {
      GListModel *sites = G_LIST_MODEL (filter);

      ids = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < g_list_model_get_n_items (sites); i++)
        {
          g_autoptr(LsmFeature) site = g_list_model_get_item (sites, i);

          /* The catalog outlives the table and owns the ids. */
          g_hash_table_add (ids, (gpointer) lsm_feature_get_id (site));
        }
    }

  conversion.ids = ids;
  return convert_interruptibly (&conversion, error);
}

/**
 * lsm_cli_parse_units:
 * @options: the parsed command line
 * @units: (out): the units --units asks for; districts without it
 * @error: return location for a %G_OPTION_ERROR naming the option
 *
 * Returns: whether --units, if given, names one of the sets of units exactly
 */
gboolean
lsm_cli_parse_units (GVariantDict  *options,
                     LsmUnits      *units,
                     GError       **error)
{
  const char *text = NULL;

  *units = LSM_UNITS_DISTRICTS;
  if (!g_variant_dict_lookup (options, "units", "&s", &text))
    return TRUE;

  if (!lsm_units_parse (text, units, error))
    {
      g_prefix_error (error, "--units: ");
      return FALSE;
    }

  return TRUE;
}

/**
 * lsm_cli_exit_status:
 * @error: why a command failed
 *
 * Returns: %LSM_CLI_EXIT_USAGE for an option error, else %LSM_CLI_EXIT_FAILURE
 */
int
lsm_cli_exit_status (const GError *error)
{
  return error != NULL && error->domain == G_OPTION_ERROR ? LSM_CLI_EXIT_USAGE : LSM_CLI_EXIT_FAILURE;
}

static void
on_fatal_signal (int sig)
{
  /* Only async-signal-safe calls here. */
  lsm_output_file_remove_pending ();
  signal (sig, SIG_DFL);
  raise (sig);
}

/**
 * lsm_cli_remove_temp_files_on_signals:
 *
 * Makes an interrupted export (Ctrl+C, kill) remove its temporary file, then die of the same
 * signal, so the caller still sees how the program ended.
 */
void
lsm_cli_remove_temp_files_on_signals (void)
{
  const int signals[] = { SIGINT, SIGTERM, SIGHUP };
  struct sigaction action = { 0 };

  action.sa_handler = on_fatal_signal;
  action.sa_flags = SA_RESETHAND;
  sigemptyset (&action.sa_mask);
  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    {
      struct sigaction old;

      /* A signal the caller ignores (nohup) stays ignored. */
      if (sigaction (signals[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
        continue;
      sigaction (signals[i], &action, NULL);
    }
}
