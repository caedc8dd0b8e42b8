/* lsm-gdal-guard.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-loader"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include <cpl_conv.h>
#include <cpl_http.h>
#include <cpl_vsi.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "lsm-gdal-private.h"

/* Everything between GDAL and the user's files: which drivers may open them, what GDAL may not
 * reach (the network), what it said when it failed, and how that is told to the user. */

/* What the program reads. Online services (WFS, OGC API, Elasticsearch …) are not here: a file
 * never makes GDAL pick them. PostgreSQL is, for a "PG:" source the user names. */
static const char * const allowed_drivers[] = {
  "GeoJSON", "GeoJSONSeq", "GPKG", "SQLite", "ESRI Shapefile", "KML", "LIBKML", "GPX", "GML",
  "CSV", "XLSX", "ODS", "FlatGeobuf", "OpenFileGDB", "MapInfo File", "OGR_VRT", "PostgreSQL",
  NULL
};

/* A VRT may name a VRT; real data never needs deeper chains. */
#define MAX_VRT_DEPTH 4

typedef struct
{
  guint  depth;
  guint  n_failures;
  char  *first_failure;  /* since the last _lsm_gdal_reset_errors () */
  char  *last_failure;
  char  *refused_url;
} Guard;

static void
guard_free (gpointer data)
{
  Guard *guard = data;

  g_free (guard->first_failure);
  g_free (guard->last_failure);
  g_free (guard->refused_url);
  g_free (guard);
}

/* GDAL's handler stacks are per thread, and so is this. */
static GPrivate guard_key = G_PRIVATE_INIT (guard_free);

static void
ensure_gdal (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      GDALAllRegister ();
      g_once_init_leave (&initialized, 1);
    }
}

static void CPL_STDCALL
collect_error_cb (CPLErr      level,
                  CPLErrorNum number,
                  const char *message)
{
  Guard *guard = CPLGetErrorHandlerUserData ();

  g_debug ("GDAL: %s", message);
  if (level < CE_Failure)
    return;

  guard->n_failures++;
  if (guard->first_failure == NULL)
    guard->first_failure = g_strdup (message);
  g_free (guard->last_failure);
  guard->last_failure = g_strdup (message);
}

/* Every HTTP request GDAL itself makes (GeoJSON or WFS from a URL, a VRT naming one) lands here
 * and is refused: opening a file never reaches the network. */
static CPLHTTPResult *
refuse_http_cb (const char             *url,
                CSLConstList            options,
                GDALProgressFunc        progress,
                void                   *progress_data,
                CPLHTTPFetchWriteFunc   write,
                void                   *write_data,
                void                   *user_data)
{
  Guard *guard = user_data;
  CPLHTTPResult *result = CPLCalloc (1, sizeof *result);

  g_debug ("Refused a request to %s", url);
  if (guard->refused_url == NULL)
    guard->refused_url = g_strdup (url);
  result->nStatus = 1;
  result->pszErrBuf = CPLStrdup ("network access is refused");

  return result;
}

void
_lsm_gdal_push_quiet (void)
{
  Guard *guard = g_private_get (&guard_key);

  ensure_gdal ();
  if (guard == NULL)
    {
      guard = g_new0 (Guard, 1);
      g_private_set (&guard_key, guard);
    }

  if (guard->depth++ > 0)
    return;

  CPLPushErrorHandlerEx (collect_error_cb, guard);
  CPLHTTPPushFetchCallback (refuse_http_cb, guard);
  /* /vsicurl/ and the cloud file systems built on it do not use the callback above; they open
   * only this one name, which no URL has. */
  CPLSetThreadLocalConfigOption ("CPL_VSIL_CURL_ALLOWED_FILENAME", "/lsmap/network-is-refused");
}

void
_lsm_gdal_pop_quiet (void)
{
  Guard *guard = g_private_get (&guard_key);

  g_return_if_fail (guard != NULL && guard->depth > 0);

  if (--guard->depth > 0)
    return;

  CPLSetThreadLocalConfigOption ("CPL_VSIL_CURL_ALLOWED_FILENAME", NULL);
  CPLHTTPPopFetchCallback ();
  CPLPopErrorHandler ();
  g_clear_pointer (&guard->first_failure, g_free);
  g_clear_pointer (&guard->last_failure, g_free);
  g_clear_pointer (&guard->refused_url, g_free);
}

static Guard *
get_guard (void)
{
  Guard *guard = g_private_get (&guard_key);

  g_assert (guard != NULL && guard->depth > 0);
  return guard;
}

void
_lsm_gdal_reset_errors (void)
{
  Guard *guard = get_guard ();

  g_clear_pointer (&guard->first_failure, g_free);
  g_clear_pointer (&guard->last_failure, g_free);
  CPLErrorReset ();
}

guint
_lsm_gdal_get_n_failures (void)
{
  return get_guard ()->n_failures;
}

const char *
_lsm_gdal_get_last_failure (void)
{
  return get_guard ()->last_failure;
}

/* GDAL's JSON parser says "At line L, character C: what". */
static gboolean
parse_location (const char  *message,
                int         *line,
                int         *column,
                const char **what)
{
  int consumed = 0;

  if (message == NULL || sscanf (message, "At line %d, character %d: %n", line, column, &consumed) < 2
      || consumed == 0)
    return FALSE;

  *what = message + consumed;
  return TRUE;
}

/**
 * _lsm_gdal_failure_has_location:
 * @message: (nullable): a message of GDAL
 *
 * Returns: whether it is a JSON syntax error at a place in the file
 */
gboolean
_lsm_gdal_failure_has_location (const char *message)
{
  const char *what;
  int line, column;

  return parse_location (message, &line, &column, &what);
}

static const char *
describe_syntax (const char *what)
{
  if (g_str_has_prefix (what, "Unterminated object"))
    return _("an object is not closed");
  if (g_str_has_prefix (what, "Unterminated array"))
    return _("a list is not closed");
  if (g_str_has_prefix (what, "Unterminated string"))
    return _("a text is not closed");
  if (g_str_has_prefix (what, "Unexpected character"))
    return _("a character that does not belong there");
  if (g_str_has_prefix (what, "Invalid number"))
    return _("a number that is not valid");
  if (g_str_has_prefix (what, "Missing value"))
    return _("a value is missing");

  return _("a syntax error");
}

static gboolean
is_size_limit (const char *what)
{
  /* GDAL's JSON parser says "Too many characters in number" for any over-long token, and its
   * GeoJSON driver "GeoJSON object too complex/large" for an over-large feature. */
  return g_str_has_prefix (what, "Too many characters") || strstr (what, "too complex") != NULL
         || strstr (what, "too large") != NULL;
}

/**
 * _lsm_gdal_describe_failure:
 * @message: (nullable): a message GDAL gave while reading one feature
 *
 * Returns: (transfer full): the cause, in the user's language
 */
char *
_lsm_gdal_describe_failure (const char *message)
{
  const char *what = message;
  int line, column;

  if (message == NULL)
    return g_strdup (_("GDAL cannot read it"));

  if (parse_location (message, &line, &column, &what))
    {
      if (is_size_limit (what))
        /* Translators: a limit of GDAL, the library that reads the files */
        return g_strdup_printf (_("a value at line %d, character %d is longer than GDAL reads (10 MB)"),
                                line, column);
      /* Translators: the last %s is what is wrong, e.g. "an object is not closed" */
      return g_strdup_printf (_("not valid JSON at line %d, character %d: %s"), line, column,
                              describe_syntax (what));
    }

  if (strstr (message, "Invalid 'x' coordinate") != NULL || strstr (message, "Invalid 'y' coordinate") != NULL
      || strstr (message, "Invalid 'z' coordinate") != NULL)
    return g_strdup (_("a coordinate is not a number"));
  if (is_size_limit (message))
    return g_strdup (_("a feature is larger than GDAL reads at once"));

  return g_strdup (_("GDAL cannot read it"));
}

/* Tells apart an empty file, broken JSON (and where), GDAL's size and nesting limits, and a file
 * that is no vector data at all, from what GDAL said. GDAL's own words go to the debug log. */
static void
set_open_error (const char  *path,
                const char  *display,
                const char  *failure,
                GError     **error)
{
  const char *what = NULL;
  int line, column;
  GStatBuf st;

  g_debug ("GDAL cannot open %s: %s", path, failure ? failure : "(no message)");

  if (g_stat (path, &st) == 0 && S_ISREG (st.st_mode) && st.st_size == 0)
    {
      g_set_error (error, LSM_LOADER_ERROR, LSM_LOADER_ERROR_EMPTY, _("%s: the file is empty"), display);
      return;
    }

  if (parse_location (failure, &line, &column, &what))
    {
      if (g_str_has_prefix (what, "Too many nested"))
        /* Translators: %d are a line and a character position in the file */
        g_set_error (error, LSM_LOADER_ERROR, LSM_LOADER_ERROR_INVALID,
                     _("%s: not valid GeoJSON: lists and objects are nested too deeply at line %d, character %d"),
                     display, line, column);
      else if (is_size_limit (what))
        g_set_error (error, LSM_LOADER_ERROR, LSM_LOADER_ERROR_TOO_LARGE,
                     _("%s: a value at line %d, character %d is longer than GDAL reads (10 MB)"),
                     display, line, column);
      else
        /* Translators: the last %s is what is wrong, e.g. "an object is not closed" */
        g_set_error (error, LSM_LOADER_ERROR, LSM_LOADER_ERROR_INVALID,
                     _("%s: not valid JSON, at line:column %d:%d: %s"), display, line, column,
                     describe_syntax (what));
      return;
    }

  if (failure != NULL && is_size_limit (failure))
    {
      g_set_error (error, LSM_LOADER_ERROR, LSM_LOADER_ERROR_TOO_LARGE,
                   _("%s: a feature is larger than GDAL reads at once"), display);
      return;
    }

  if (failure != NULL && strstr (failure, "GeoJSON") != NULL)
    {
      g_set_error (error, LSM_LOADER_ERROR, LSM_LOADER_ERROR_INVALID,
                   _("%s: not valid GeoJSON (a FeatureCollection is expected)"), display);
      return;
    }

  g_set_error (error, LSM_LOADER_ERROR, LSM_LOADER_ERROR_NOT_VECTOR,
               _("%s: not a vector data file that GDAL can read"), display);
}

typedef struct
{
  GPtrArray *sources;
  gboolean   in_source;
  gboolean   relative;
  GString   *text;
} VrtScan;

static void
vrt_start_cb (GMarkupParseContext  *context,
              const char           *element,
              const char          **names,
              const char          **values,
              gpointer              user_data,
              GError              **error)
{
  VrtScan *scan = user_data;

  if (!g_str_equal (element, "SrcDataSource"))
    return;

  scan->in_source = TRUE;
  scan->relative = FALSE;
  g_string_truncate (scan->text, 0);
  for (guint i = 0; names[i] != NULL; i++)
    if (g_ascii_strcasecmp (names[i], "relativeToVRT") == 0)
      scan->relative = g_str_equal (values[i], "1") || g_ascii_strcasecmp (values[i], "true") == 0;
}

static void
vrt_text_cb (GMarkupParseContext  *context,
             const char           *text,
             gsize                 len,
             gpointer              user_data,
             GError              **error)
{
  VrtScan *scan = user_data;

  if (scan->in_source)
    g_string_append_len (scan->text, text, len);
}

static void
vrt_end_cb (GMarkupParseContext  *context,
            const char           *element,
            gpointer              user_data,
            GError              **error)
{
  VrtScan *scan = user_data;

  if (!scan->in_source || !g_str_equal (element, "SrcDataSource"))
    return;

  scan->in_source = FALSE;
  g_ptr_array_add (scan->sources, g_strdup_printf ("%c%s", scan->relative ? 'r' : 'a',
                                                    g_strstrip (scan->text->str)));
}

/* An OGR VRT opens its sources only when a layer is read, with every driver GDAL has: check
 * them first, so that a missing source is named and an online one never contacted. */
static gboolean
check_vrt_sources (const char  *path,
                   const char  *display,
                   guint        depth,
                   GError     **error)
{
  static const GMarkupParser parser = { vrt_start_cb, vrt_end_cb, vrt_text_cb, NULL, NULL };
  g_autofree char *contents = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) text = g_string_new (NULL);
  VrtScan scan = { sources, FALSE, FALSE, text };
  char head[1024];
  gsize len = 0;

  /* Where GDAL looks too: a VRT says so in its first kilobyte. */
  _lsm_loader_read_head (path, head, sizeof head);
  if (strstr (head, "<OGRVRTDataSource") == NULL || !g_file_get_contents (path, &contents, &len, NULL))
    return TRUE; /* not a VRT: GDAL decides what it is */

  if (depth >= MAX_VRT_DEPTH)
    {
      g_set_error (error, LSM_LOADER_ERROR, LSM_LOADER_ERROR_INVALID,
                   _("%s: VRT files name each other more than %d levels deep"), display, MAX_VRT_DEPTH);
      return FALSE;
    }

  context = g_markup_parse_context_new (&parser, 0, &scan, NULL);
  if (!g_markup_parse_context_parse (context, contents, len, NULL)
      || !g_markup_parse_context_end_parse (context, NULL))
    return TRUE; /* GDAL words the error */

  for (guint i = 0; i < sources->len; i++)
    {
      const char *entry = g_ptr_array_index (sources, i);
      const char *name = entry + 1;
      g_autofree char *source = NULL;
      g_autofree char *source_display = g_filename_display_name (name);

      if (_lsm_loader_is_online_path (name))
        {
          /* Translators: %s are the VRT file and the source it names */
          g_set_error (error, LSM_LOADER_ERROR, LSM_LOADER_ERROR_REFUSED,
                       _("%s: its source “%s” is online or not a plain file; only local files are opened"),
                       display, source_display);
          return FALSE;
        }

      source = entry[0] == 'r' && !g_path_is_absolute (name) ? g_build_filename (dir, name, NULL)
                                                              : g_strdup (name);
      if (!_lsm_loader_check_path (source, TRUE, error))
        {
          g_prefix_error (error, _("%s: its source cannot be used: "), display);
          return FALSE;
        }
      if (!check_vrt_sources (source, source_display, depth + 1, error))
        return FALSE;
    }

  return TRUE;
}

/* lsmap --convert puts the catalog in the schema "lsmap"; a connection string that names its
 * own schemas is taken as it is. The tables (figures, sources) have no geometry, and GDAL lists
 * those only when asked. */
static const char * const *
database_options (const char *path)
{
  static const char * const lsmap_schema[] = { "LIST_ALL_TABLES=YES", "SCHEMAS=lsmap", NULL };
  static const char * const own_schemas[] = { "LIST_ALL_TABLES=YES", NULL };
  g_autofree char *lower = NULL;

  if (!g_str_has_prefix (path, "PG:"))
    return NULL;

  lower = g_ascii_strdown (path, -1);
  if (strstr (lower, "schemas=") != NULL || strstr (lower, "active_schema=") != NULL)
    return own_schemas;

  return lsmap_schema;
}

/**
 * _lsm_gdal_set_database_error:
 * @error: return location for the error
 * @display: the database as messages name it, without its password
 * @failure: (nullable): what GDAL and libpq said
 *
 * Tells why a database cannot be opened or written in the user's language; libpq's own words
 * (English) go to the debug log.
 */
void
_lsm_gdal_set_database_error (GError     **error,
                              const char  *display,
                              const char  *failure)
{
  g_debug ("Cannot open the database %s: %s", display, failure ? failure : "(no message)");

  if (failure != NULL && strstr (failure, "password") != NULL)
    g_set_error (error, LSM_LOADER_ERROR, LSM_LOADER_ERROR_PERMISSION,
                 /* Translators: %s is a database connection ("PG:dbname=… host=…") */
                 _("%s: the database refused the user name or password"), display);
  else if (failure != NULL && (strstr (failure, "does not exist") != NULL))
    g_set_error (error, LSM_LOADER_ERROR, LSM_LOADER_ERROR_NOT_FOUND,
                 _("%s: the database or the user does not exist"), display);
  else if (failure != NULL && (strstr (failure, "connect") != NULL || strstr (failure, "server") != NULL
                               || strstr (failure, "terminat") != NULL))
    g_set_error (error, LSM_LOADER_ERROR, LSM_LOADER_ERROR_NOT_FOUND,
                 _("%s: the database server does not answer; is it running, and is the host right?"),
                 display);
  else
    g_set_error (error, LSM_LOADER_ERROR, LSM_LOADER_ERROR_INVALID,
                 _("%s: the database cannot be opened"), display);
}

/**
 * _lsm_gdal_open:
 * @path: a local file or folder, or a "PG:" connection
 * @display: the name of the source in messages
 * @error: return location for an error naming the source and the cause
 *
 * Opens a vector source with the drivers the program supports, after checking that it is a
 * file or folder that can be opened without blocking and that names nothing online. Must run
 * between _lsm_gdal_push_quiet() and _lsm_gdal_pop_quiet().
 *
 * Returns: (transfer full) (nullable): the dataset
 */
GDALDatasetH
_lsm_gdal_open (const char  *path,
                const char  *display,
                GError     **error)
{
  /* A spreadsheet's numbers are numbers, and a WKT column is its geometry. Only for CSV: other
   * drivers warn about options they do not know. */
  static const char * const csv_options[] = {
    "AUTODETECT_TYPE=YES", "GEOM_POSSIBLE_NAMES=wkt,WKT,geometry,geom,the_geom",
    "KEEP_GEOM_COLUMNS=NO", NULL
  };
  gboolean csv = g_str_has_suffix (path, ".csv") || g_str_has_suffix (path, ".CSV");
  GDALDatasetH ds;

  if (!_lsm_loader_check_path (path, TRUE, error))
    return NULL;
  if (!g_str_has_prefix (path, "PG:") && !check_vrt_sources (path, display, 0, error))
    return NULL;

  _lsm_gdal_reset_errors ();
  ds = GDALOpenEx (path, GDAL_OF_VECTOR | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR,
                   allowed_drivers,
                   csv ? csv_options : (const char * const *) database_options (path), NULL);
  if (ds == NULL && g_str_has_prefix (path, "PG:"))
    _lsm_gdal_set_database_error (error, display, get_guard ()->first_failure);
  else if (ds == NULL)
    set_open_error (path, display, get_guard ()->first_failure, error);

  return ds;
}

/**
 * _lsm_gdal_open_table:
 * @path: a CSV, XLSX or ODS file holding one table
 * @display: the name of the file in messages
 * @table: (out caller-allocates): filled with the dataset and what it needs kept alive
 * @error: return location for an error naming the file and the cause
 *
 * Opens a table file. A spreadsheet's first row is always its header. A CSV is read from memory
 * without the .csvt beside it: with the types, GDAL turns a cell that does not fit into a null
 * and warns once per file, and the loader must name every such row. Must run between
 * _lsm_gdal_push_quiet() and _lsm_gdal_pop_quiet(); close with _lsm_gdal_close_table().
 *
 * Returns: %FALSE if it cannot be opened
 */
gboolean
_lsm_gdal_open_table (const char    *path,
                      const char    *display,
                      LsmGdalTable  *table,
                      GError       **error)
{
  static const char * const csv[] = { "CSV", NULL };
  static const char * const xlsx[] = { "XLSX", NULL };
  static const char * const ods[] = { "ODS", NULL };
  g_autofree char *lower = g_ascii_strdown (path, -1);
  g_autoptr(GError) local_error = NULL;
  const char *open_path = path;

  memset (table, 0, sizeof *table);
  if (!_lsm_loader_check_path (path, FALSE, error))
    return FALSE;

  _lsm_gdal_reset_errors ();
  if (g_str_has_suffix (lower, ".csv"))
    {
      static gint counter;

      if ((table->mapping = g_mapped_file_new (path, FALSE, &local_error)) == NULL)
        {
          g_set_error (error, LSM_LOADER_ERROR, LSM_LOADER_ERROR_INVALID, "%s: %s", display,
                       local_error->message);
          return FALSE;
        }
      if (g_mapped_file_get_length (table->mapping) == 0)
        {
          g_set_error (error, LSM_LOADER_ERROR, LSM_LOADER_ERROR_EMPTY, _("%s: the file is empty"), display);
          _lsm_gdal_close_table (table);
          return FALSE;
        }
      table->memory_path = g_strdup_printf ("/vsimem/lsmap-table-%d/%s", g_atomic_int_add (&counter, 1),
                                            "table.csv");
      VSIFCloseL (VSIFileFromMemBuffer (table->memory_path,
                                        (GByte *) g_mapped_file_get_contents (table->mapping),
                                        g_mapped_file_get_length (table->mapping), FALSE));
      open_path = table->memory_path;
      table->ds = GDALOpenEx (open_path, GDAL_OF_VECTOR | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR,
                              csv, NULL, NULL);
    }
  else
    {
      /* GDAL 3.6 ignores the HEADERS open option; the drivers read their options when the
       * sheet is first parsed, so they stay set until the table is closed. */
      CPLSetThreadLocalConfigOption ("OGR_XLSX_HEADERS", "FORCE");
      CPLSetThreadLocalConfigOption ("OGR_ODS_HEADERS", "FORCE");
      table->headers_set = TRUE;
      table->ds = GDALOpenEx (path, GDAL_OF_VECTOR | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR,
                              g_str_has_suffix (lower, ".ods") ? ods : xlsx, NULL, NULL);
    }

  if (table->ds == NULL)
    {
      set_open_error (path, display, get_guard ()->first_failure, error);
      _lsm_gdal_close_table (table);
      return FALSE;
    }

  return TRUE;
}

void
_lsm_gdal_close_table (LsmGdalTable *table)
{
  g_clear_pointer (&table->ds, GDALClose);
  if (table->memory_path != NULL)
    VSIUnlink (table->memory_path);
  g_clear_pointer (&table->memory_path, g_free);
  g_clear_pointer (&table->mapping, g_mapped_file_unref);
  if (table->headers_set)
    {
      CPLSetThreadLocalConfigOption ("OGR_XLSX_HEADERS", NULL);
      CPLSetThreadLocalConfigOption ("OGR_ODS_HEADERS", NULL);
      table->headers_set = FALSE;
    }
}
