/* lsm-loader.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-loader"

#include "config.h"

#include <string.h>

#include "lsm-catalog-private.h"
#include "lsm-json-reader.h"
#include "lsm-loader-private.h"

/* Loads a data directory or any OGR source into a catalog, in a worker thread. GDAL itself is
 * behind lsm-loader-gdal.c and lsm-loader-features.c. */

struct _LsmLoader
{
  GObject       parent_instance;

  char         *path;
  double        progress;

  /* Worker-side progress: where to report it and how far we are. */
  GMainContext *context;
  double        last_reported;
  guint         n_done;
  guint         n_total;
};

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
  const char *dir = g_getenv ("LSMAP_DATA_DIR");

  return dir != NULL && *dir != '\0' ? dir : PKGDATADIR;
}

static void
lsm_loader_finalize (GObject *object)
{
  LsmLoader *self = (LsmLoader *) object;

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->context, g_main_context_unref);

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
  if (path == NULL)
    path = lsm_loader_get_default_data_dir ();

  return g_object_new (LSM_TYPE_LOADER, "path", path, NULL);
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

static gboolean
read_vector_file (LsmLoader     *self,
                  const char    *path,
                  LsmLayerKind   kind,
                  gboolean       required,
                  LsmCatalog    *catalog,
                  GCancellable  *cancellable,
                  GError       **error)
{
  if (!required && !g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;

  return _lsm_gdal_read_vector (path, kind, catalog, feature_done_cb, self, cancellable, NULL, error);
}

static gboolean
load_json_files (const char  *dir,
                 LsmCatalog  *catalog,
                 GError     **error)
{
  g_autofree char *sources_path = g_build_filename (dir, "sources.json", NULL);
  g_autofree char *aggregates_path = g_build_filename (dir, "aggregates.json", NULL);
  g_autoptr(GPtrArray) sources = NULL;

  if ((sources = _lsm_json_read_sources (sources_path, catalog, error)) == NULL)
    return FALSE;
  _lsm_catalog_set_sources (catalog, sources);

  if (g_file_test (aggregates_path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GPtrArray) figures = NULL;
      g_autofree char *display = g_path_get_basename (aggregates_path);

      if ((figures = _lsm_json_read_aggregates (aggregates_path, catalog, error)) == NULL)
        return FALSE;
      _lsm_catalog_set_aggregates (catalog, figures, display);
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

  if (self->context != NULL)
    {
      g_autofree char *sites = g_build_filename (dir, "sites.geojson", NULL);

      /* Sites dominate the load. */
      self->n_total = estimate_features (sites) + G_N_ELEMENTS (files);
    }

  if (!load_json_files (dir, catalog, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (dir, files[i].name, NULL);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (!read_vector_file (self, path, files[i].kind, files[i].required, catalog, cancellable, error))
        return FALSE;
    }

  return TRUE;
}

/* Any OGR source: its layers are taken by name or by their fields; what it lacks (districts,
 * sources) comes from the bundled data. */
static gboolean
load_source (LsmLoader     *self,
             const char    *path,
             LsmCatalog    *catalog,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autofree char *display = g_path_get_basename (path);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *sources = g_build_filename (dir, "sources.json", NULL);
  const char *fallback = lsm_loader_get_default_data_dir ();
  guint found = 0;

  if (self->context != NULL)
    self->n_total = estimate_features (path);

  if (!_lsm_gdal_read_vector (path, LSM_LAYER_AUTO, catalog, feature_done_cb, self, cancellable,
                              &found, error))
    return FALSE;

  if ((found & (1u << LSM_LAYER_SITES)) == 0)
    {
      g_set_error (error, LSM_LOADER_ERROR, LSM_LOADER_ERROR_NO_FEATURES,
                   "%s: no layer of sites (Point features with a “sector” property)", display);
      return FALSE;
    }

  if (!load_json_files (g_file_test (sources, G_FILE_TEST_EXISTS) ? dir : fallback, catalog, error))
    return FALSE;

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

  return TRUE;
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
  else
    ok = load_source (self, self->path, catalog, cancellable, error);

  _lsm_gdal_pop_quiet ();

  if (!ok)
    return NULL;

  _lsm_catalog_check (catalog);
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

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LsmLoader *self = source_object;
  g_autoptr(GError) error = NULL;
  LsmCatalog *catalog;

  catalog = load_catalog (self, cancellable, &error);
  if (catalog == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, catalog, g_object_unref);
}

/**
 * lsm_loader_load_async:
 * @self: a loader
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the calling thread's main context when done
 * @user_data: data for @callback
 *
 * Loads the data in a worker thread. #LsmLoader:progress is notified on the calling thread.
 */
void
lsm_loader_load_async (LsmLoader           *self,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (LSM_IS_LOADER (self));

  g_clear_pointer (&self->context, g_main_context_unref);
  self->context = g_main_context_ref_thread_default ();
  self->last_reported = 0;
  self->n_done = 0;
  self->n_total = 0;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lsm_loader_load_async);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, load_thread);
}

/**
 * lsm_loader_load_finish:
 * @self: a loader
 * @result: the result
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the catalog
 */
LsmCatalog *
lsm_loader_load_finish (LsmLoader     *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (LSM_IS_LOADER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == lsm_loader_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
copy_store (GListModel *from,
            GPtrArray  *to)
{
  guint n = g_list_model_get_n_items (from);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (to, g_list_model_get_item (from, i));
}

/* Start from the reference so that cross-file checks have something to check against. */
static void
copy_reference (LsmCatalog *catalog,
                LsmCatalog *reference)
{
  g_autoptr(GPtrArray) sites = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) districts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) aggregates = g_ptr_array_new_with_free_func (g_object_unref);

  copy_store (lsm_catalog_get_sites (reference), sites);
  copy_store (lsm_catalog_get_districts (reference), districts);
  copy_store (lsm_catalog_get_sources (reference), sources);
  copy_store (lsm_catalog_get_aggregates (reference), aggregates);
  _lsm_catalog_set_sites (catalog, sites, "sites.geojson");
  _lsm_catalog_set_districts (catalog, districts, "districts.geojson");
  _lsm_catalog_set_sources (catalog, sources);
  _lsm_catalog_set_aggregates (catalog, aggregates, "aggregates.json");
}

/**
 * lsm_loader_validate_file:
 * @path: a sites, districts, context or province vector file, or sources.json or
 *   aggregates.json
 * @reference: (nullable): a catalog the file is checked against (districts, sources, ids)
 * @problems: (element-type utf8): where to append one "FILE: problem" line per problem
 *
 * Returns: %TRUE if the file is valid lsmap data
 */
gboolean
lsm_loader_validate_file (const char *path,
                          LsmCatalog *reference,
                          GPtrArray  *problems)
{
  g_autoptr(LsmCatalog) catalog = lsm_catalog_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *display = g_path_get_basename (path);
  g_autofree char *prefix = g_strdup_printf ("%s: ", display);
  gboolean valid = TRUE;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (problems != NULL, FALSE);

  if (reference != NULL)
    copy_reference (catalog, reference);

  if (g_str_has_suffix (path, ".json"))
    {
      g_autoptr(GPtrArray) items = NULL;

      if ((items = _lsm_json_read_sources (path, catalog, NULL)) != NULL)
        _lsm_catalog_set_sources (catalog, items);
      else if ((items = _lsm_json_read_aggregates (path, catalog, &error)) != NULL)
        _lsm_catalog_set_aggregates (catalog, items, display);
    }
  else
    {
      _lsm_gdal_push_quiet ();
      _lsm_gdal_read_vector (path, LSM_LAYER_AUTO, catalog, NULL, NULL, NULL, NULL, &error);
      _lsm_gdal_pop_quiet ();
    }

  if (error != NULL)
    {
      /* Errors name the file by its basename; the user named it by its path. */
      const char *cause = error->message;

      if (g_str_has_prefix (cause, prefix))
        cause += strlen (prefix);
      else if (g_str_has_prefix (cause, display))
        cause += strlen (display);
      g_ptr_array_add (problems, g_strdup_printf ("%s: %s", path, cause));
      return FALSE;
    }

  _lsm_catalog_check (catalog);
  for (const char * const *p = lsm_catalog_get_problems (catalog); *p != NULL; p++)
    {
      if (g_str_has_prefix (*p, prefix))
        {
          g_ptr_array_add (problems, g_strdup_printf ("%s: %s", path, *p + strlen (prefix)));
          valid = FALSE;
        }
    }

  return valid;
}
