/* lsm-loader.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-loader"

#define UNITS_2025_FILE "communes-2025.geojson"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "lsm-catalog-private.h"
#include "lsm-loader-private.h"
#include "lsm-paths.h"

/* Loads a data directory or any OGR source into a catalog, in a worker thread. GDAL itself is
 * behind lsm-loader-gdal.c and lsm-loader-features.c. */

G_DEFINE_FINAL_TYPE (LsmLoader, lsm_loader, G_TYPE_OBJECT)

G_DEFINE_QUARK (lsm-loader-error-quark, lsm_loader_error)

enum {
  PROP_0,
  PROP_PATH,
  PROP_PROGRESS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
lsm_loader_get_default_data_dir (void)
{
  return lsm_paths_get_data_dir ();
}

static void
lsm_loader_finalize (GObject *object)
{
  LsmLoader *self = (LsmLoader *) object;

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->id_scope, g_free);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_object (&self->start_cancellable);
  g_clear_object (&self->start_catalog);
  g_clear_error (&self->start_error);

  G_OBJECT_CLASS (lsm_loader_parent_class)->finalize (object);
}

static void
lsm_loader_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  LsmLoader *self = LSM_LOADER (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_PROGRESS:
      g_value_set_double (value, self->progress);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lsm_loader_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  LsmLoader *self = LSM_LOADER (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lsm_loader_class_init (LsmLoaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lsm_loader_finalize;
  object_class->get_property = lsm_loader_get_property;
  object_class->set_property = lsm_loader_set_property;

  /**
   * LsmLoader:path:
   *
   * A data directory, or any OGR vector source (file or connection string).
   */
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * LsmLoader:progress:
   *
   * How much of an asynchronous load is done, from 0 to 1; notified on the thread that
   * started the load.
   */
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, 0.0, 1.0, 0.0,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lsm_loader_init (LsmLoader *self)
{
}

/**
 * lsm_loader_new:
 * @path: (nullable): a data directory or OGR source; %NULL for the bundled data
 *
 * Returns: (transfer full): a new loader
 */
LsmLoader *
lsm_loader_new (const char *path)
{
  LsmLoader *self = g_object_new (LSM_TYPE_LOADER,
                                  "path", path != NULL ? path : lsm_loader_get_default_data_dir (),
                                  NULL);

  self->default_dir = path == NULL;
  return self;
}

/**
 * lsm_loader_set_id_scope:
 * @self: a loader
 * @scope: (nullable): what to prefix site ids with, "scope/id"; %NULL to keep them as read
 *
 * A file shown beside others as a layer may use the same ids as they do, or have none (and
 * get the same generated ones): a scope per layer keeps every id of the views unique, and the
 * same when the file is read again. Problems still name the ids as the file writes them.
 */
void
lsm_loader_set_id_scope (LsmLoader  *self,
                         const char *scope)
{
  g_return_if_fail (LSM_IS_LOADER (self));

  g_free (self->id_scope);
  self->id_scope = g_strdup (scope);
}

const char *
lsm_loader_get_path (LsmLoader *self)
{
  g_return_val_if_fail (LSM_IS_LOADER (self), NULL);

  return self->path;
}

double
lsm_loader_get_progress (LsmLoader *self)
{
  g_return_val_if_fail (LSM_IS_LOADER (self), 0.0);

  return self->progress;
}

typedef struct
{
  LsmLoader *loader;
  double     progress;
} ProgressUpdate;

static gboolean
publish_progress_cb (gpointer data)
{
  ProgressUpdate *update = data;

  if (update->loader->progress != update->progress)
    {
      update->loader->progress = update->progress;
      g_object_notify_by_pspec (G_OBJECT (update->loader), properties[PROP_PROGRESS]);
    }

  return G_SOURCE_REMOVE;
}

static void
progress_update_free (gpointer data)
{
  ProgressUpdate *update = data;

  g_object_unref (update->loader);
  g_free (update);
}

static void
report_progress (LsmLoader *self,
                 double     fraction)
{
  ProgressUpdate *update;

  if (self->context == NULL || (fraction - self->last_reported < 0.01 && fraction < 1.0))
    return;

  self->last_reported = fraction;
  update = g_new0 (ProgressUpdate, 1);
  update->loader = g_object_ref (self);
  update->progress = CLAMP (fraction, 0.0, 1.0);
  g_main_context_invoke_full (self->context, G_PRIORITY_DEFAULT, publish_progress_cb,
                              update, progress_update_free);
}

static void
feature_done (LsmLoader *self)
{
  self->n_done++;
  if (self->n_total > 0)
    report_progress (self, (double) self->n_done / self->n_total);
}

static void
feature_done_cb (gpointer data)
{
  feature_done (data);
}

/* "sites.geojson: no such file" → "no such file": messages name the file by its display name. */
const char *
_lsm_loader_cause_of (const GError *error,
                      const char   *display)
{
  const char *cause = error->message;
  gsize len = strlen (display);

  if (strncmp (cause, display, len) == 0)
    {
      cause += len;
      if (*cause == ':')
        cause++;
      while (*cause == ' ')
        cause++;
    }

  return cause;
}

/* An optional file that cannot be read is left out with a problem line; the rest still loads. */
static gboolean
skip_optional (LsmCatalog  *catalog,
               const char  *path,
               GError     **error)
{
  g_autofree char *display = g_filename_display_basename (path);

  g_assert (error != NULL && *error != NULL);

  if (g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return FALSE;

  /* Translators: the %s is why, e.g. "not valid JSON, at line:column 3:5: …" */
  _lsm_catalog_add_problem (catalog, display, _("left out, the rest is loaded: %s"),
                            _lsm_loader_cause_of (*error, display));
  g_clear_error (error);
  return TRUE;
}

static gboolean
read_vector_file (LsmLoader     *self,
                  const char    *path,
                  LsmLayerKind   kind,
                  gboolean       required,
                  LsmCatalog    *catalog,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!required && !g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;

  if (_lsm_gdal_read_vector (path, kind, catalog, feature_done_cb, self, cancellable, NULL, &local_error))
    return TRUE;

  if (!required && skip_optional (catalog, path, &local_error))
    return TRUE;

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* The units of 2025 are an optional layer, but one users expect since 1 July 2025: a missing
 * file is said too, not only a broken one. */
static gboolean
read_units_2025 (LsmLoader     *self,
                 const char    *dir,
                 LsmCatalog    *catalog,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autofree char *path = g_build_filename (dir, UNITS_2025_FILE, NULL);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      _lsm_catalog_add_problem (catalog, UNITS_2025_FILE, _("left out, the rest is loaded: %s"),
                                _("no such file"));
      return TRUE;
    }

  return read_vector_file (self, path, LSM_LAYER_UNITS_2025, FALSE, catalog, cancellable, error);
}

/* The tables of a folder: sources, then figures, which need the sites and districts read. A
 * table that is missing or cannot be read is one problem line; the rest still loads. */
static gboolean
load_tables (const char    *dir,
             guint          subjects,
             guint          found,
             LsmCatalog    *catalog,
             GCancellable  *cancellable,
             GError       **error)
{
  static const struct { const char *name; LsmLayerKind kind; } tables[] = {
    { "sources", LSM_LAYER_SOURCES },
    { "figures", LSM_LAYER_FIGURES },
  };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *path = _lsm_loader_find_table (dir, tables[i].name);
      g_autoptr(GError) local_error = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if ((found & (1u << tables[i].kind)) != 0)
        continue;  /* the source has it */

      if (path == NULL)
        {
          g_autofree char *folder = g_filename_display_name (dir);

          /* Translators: the first %s is a table name (figures, sources), the second a folder */
          _lsm_catalog_add_problem (catalog, tables[i].name, _("no table “%s” (a .csv, .xlsx or .ods file) in the folder “%s”"),
                                    tables[i].name, folder);
          continue;
        }

      if (!_lsm_gdal_read_table_file (path, tables[i].kind, subjects, NULL, catalog, &local_error)
          && !skip_optional (catalog, path, &local_error))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  return TRUE;
}

/* How many features a file holds, for progress, without a second pass over it: a GeoJSON file is
 * only parsed whole, so its count is extrapolated from its first bytes; other sources count
 * from their metadata (OGR's cheap count). An estimate: progress is clamped, and ends at 1. */
static guint
estimate_features (const char *path)
{
  enum { SAMPLE = 256 * 1024 };
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *sample = NULL;
  gsize got = 0;
  guint n = 0;
  goffset size;

  if (!g_str_has_suffix (path, ".geojson") && !g_str_has_suffix (path, ".json"))
    return _lsm_gdal_count_features (path);

  file = g_file_new_for_path (path);
  if ((in = g_file_read (file, NULL, NULL)) == NULL
      || (info = g_file_input_stream_query_info (in, G_FILE_ATTRIBUTE_STANDARD_SIZE, NULL, NULL)) == NULL)
    return 0;

  size = g_file_info_get_size (info);
  sample = g_malloc (SAMPLE + 1);
  if (!g_input_stream_read_all (G_INPUT_STREAM (in), sample, SAMPLE, &got, NULL, NULL) || got == 0)
    return 0;
  sample[got] = '\0';

  for (const char *at = sample; (at = strstr (at, "\"Feature\"")) != NULL; at++)
    n++;

  return got >= (gsize) size ? n : (guint) MIN ((double) n * size / got, G_MAXUINT / 2);
}

static gboolean
load_directory (LsmLoader     *self,
                const char    *dir,
                LsmCatalog    *catalog,
                GCancellable  *cancellable,
                GError       **error)
{
  static const struct { const char *name; LsmLayerKind kind; gboolean required; } files[] = {
    { "districts.geojson", LSM_LAYER_DISTRICTS, TRUE },
    { "province.geojson", LSM_LAYER_PROVINCE, FALSE },
    { "context.geojson", LSM_LAYER_CONTEXT, FALSE },
    { "sites.geojson", LSM_LAYER_SITES, TRUE },
  };
  static const char * const required[] = { "districts.geojson", "sites.geojson" };

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    {
      g_autofree char *path = g_build_filename (dir, required[i], NULL);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        {
          g_autofree char *folder = g_filename_display_name (dir);

          /* Translators: "sites.geojson: no such file in the data folder “/home/…/data”" */
          g_set_error (error, LSM_LOADER_ERROR, LSM_LOADER_ERROR_NOT_FOUND,
                       _("%s: no such file in the data folder “%s”"), required[i], folder);
          return FALSE;
        }
    }

  if (self->context != NULL)
    {
      g_autofree char *sites = g_build_filename (dir, "sites.geojson", NULL);

      g_autofree char *units = g_build_filename (dir, UNITS_2025_FILE, NULL);

      /* Sites dominate the load. */
      self->n_total = estimate_features (sites) + estimate_features (units)
                      + G_N_ELEMENTS (files);
    }

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (dir, files[i].name, NULL);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (!read_vector_file (self, path, files[i].kind, files[i].required, catalog, cancellable, error))
        return FALSE;
    }

  if (!read_units_2025 (self, dir, catalog, cancellable, error))
    return FALSE;

  return load_tables (dir, LSM_SUBJECT_ALL, 0, catalog, cancellable, error);
}

/* Any OGR source: its layers and tables are taken by name or by their columns. Tables it lacks
 * come from beside it; what is still missing (districts, sources, the province's figures) from
 * the bundled data. */
static gboolean
load_source (LsmLoader     *self,
             const char    *path,
             LsmCatalog    *catalog,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autofree char *display = _lsm_loader_display_name (path);
  g_autofree char *dir = g_path_get_dirname (path);
  /* A database has no folder: "PG:…" has no tables beside it. */
  gboolean local = !g_str_has_prefix (path, "PG:");
  g_autofree char *beside = local ? _lsm_loader_find_table (dir, "figures") : NULL;
  g_autofree char *sources = local ? _lsm_loader_find_table (dir, "sources") : NULL;
  const char *fallback = lsm_loader_get_default_data_dir ();
  guint found = 0;
  guint subjects = LSM_SUBJECT_ALL;

  if (self->context != NULL)
    self->n_total = estimate_features (path);

  if (!_lsm_gdal_read_vector (path, LSM_LAYER_AUTO, catalog, feature_done_cb, self, cancellable,
                              &found, error))
    return FALSE;

  if ((found & (1u << LSM_LAYER_SITES | 1u << LSM_LAYER_IMPORT)) == 0)
    {
      g_set_error (error, LSM_LOADER_ERROR, LSM_LOADER_ERROR_NO_FEATURES,
                   _("%s: no layer of points, lines or polygons"), display);
      return FALSE;
    }

  if ((found & (1u << LSM_LAYER_DISTRICTS)) == 0)
    {
      g_autofree char *districts = g_build_filename (fallback, "districts.geojson", NULL);
      g_autofree char *province = g_build_filename (fallback, "province.geojson", NULL);
      g_autofree char *context = g_build_filename (fallback, "context.geojson", NULL);

      if (!read_vector_file (self, districts, LSM_LAYER_DISTRICTS, TRUE, catalog, cancellable, error)
          || !read_vector_file (self, province, LSM_LAYER_PROVINCE, FALSE, catalog, cancellable, error)
          || !read_vector_file (self, context, LSM_LAYER_CONTEXT, FALSE, catalog, cancellable, error))
        return FALSE;
    }

  if ((found & (1u << LSM_LAYER_UNITS_2025)) == 0
      && !read_units_2025 (self, fallback, catalog, cancellable, error))
    return FALSE;

  if ((found & (1u << LSM_LAYER_IMPORT)) != 0)
    _lsm_import_find_districts (catalog);

  if ((found & (1u << LSM_LAYER_FIGURES)) != 0 || beside != NULL)
    return load_tables (beside != NULL || sources != NULL ? dir : fallback, LSM_SUBJECT_ALL, found,
                        catalog, cancellable, error);

  /* The bundled figures of the province and sectors still hold; those of the bundled sites, and
   * of its districts when the source has its own, do not describe this source. */
  subjects = LSM_SUBJECT_PROVINCE | LSM_SUBJECT_SECTOR;
  if ((found & (1u << LSM_LAYER_DISTRICTS)) == 0)
    subjects |= LSM_SUBJECT_DISTRICT;
  return load_tables (fallback, subjects, found, catalog, cancellable, error);
}

static LsmCatalog *
load_catalog (LsmLoader     *self,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(LsmCatalog) catalog = lsm_catalog_new ();
  gboolean ok;

  _lsm_gdal_push_quiet ();

  if (g_file_test (self->path, G_FILE_TEST_IS_DIR))
    ok = load_directory (self, self->path, catalog, cancellable, error);
  else if (self->default_dir && !g_file_test (self->path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *folder = g_filename_display_name (self->path);

      /* Nobody chose this folder: say which it is and how to choose one. Translators: %s is
       * a folder; --data and LSMAP_DATA_DIR are literal */
      g_set_error (error, LSM_LOADER_ERROR, LSM_LOADER_ERROR_NOT_FOUND,
                   _("No data folder at “%s”: choose another with --data=FOLDER or the LSMAP_DATA_DIR environment variable"),
                   folder);
      ok = FALSE;
    }
  else
    ok = load_source (self, self->path, catalog, cancellable, error);

  _lsm_gdal_pop_quiet ();

  if (!ok)
    return NULL;

  _lsm_catalog_check (catalog);
  if (self->id_scope != NULL)
    _lsm_import_scope_ids (catalog, self->id_scope);
  report_progress (self, 1.0);

  return g_steal_pointer (&catalog);
}

/**
 * lsm_loader_load:
 * @self: a loader
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error naming the file and the cause
 *
 * Loads the data synchronously. Bad features are skipped and reported through
 * lsm_catalog_get_problems(); a file that cannot be read at all is an error.
 *
 * Returns: (transfer full) (nullable): the catalog
 */
LsmCatalog *
lsm_loader_load (LsmLoader     *self,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_return_val_if_fail (LSM_IS_LOADER (self), NULL);

  return load_catalog (self, cancellable, error);
}
