/* lsm-online-source.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-online-source"

#include "config.h"

#include <libsoup/soup.h>

#include "lsm-online-source.h"

/* Raster tiles from an online server (OpenStreetMap by default), for libshumate's raster
 * renderer. Our own data source because libshumate 1.0.3's downloader sends its own User-Agent
 * whatever shumate_set_user_agent() says, and the OSM tile policy wants the application's. Tiles
 * are kept in libshumate's file cache for a week, and failures are counted and signalled
 * (libshumate drops them silently), so the window can say the online map is unavailable. */

#define MAX_AGE (7 * G_TIME_SPAN_DAY)

struct _LsmOnlineSource
{
  ShumateDataSource  parent_instance;

  char              *url_template;
  char              *user_agent;
  SoupSession       *session;
  ShumateFileCache  *cache;
  guint              n_failures;
};

G_DEFINE_FINAL_TYPE (LsmOnlineSource, lsm_online_source, SHUMATE_TYPE_DATA_SOURCE)

enum {
  TILE_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  int      x;
  int      y;
  int      zoom;
  GBytes  *cached;
  char    *etag;
} TileRequest;

static void
tile_request_free (gpointer data)
{
  TileRequest *request = data;

  g_clear_pointer (&request->cached, g_bytes_unref);
  g_clear_pointer (&request->etag, g_free);
  g_free (request);
}

/**
 * lsm_online_source_build_url:
 * @self: a source
 * @x: tile column
 * @y: tile row
 * @zoom: zoom level
 *
 * Returns: (transfer full): the tile's address
 */
char *
lsm_online_source_build_url (LsmOnlineSource *self,
                             int              x,
                             int              y,
                             int              zoom)
{
  g_autoptr(GString) url = g_string_new (self->url_template);
  char number[16];

  g_snprintf (number, sizeof number, "%d", zoom);
  g_string_replace (url, "{z}", number, 0);
  g_snprintf (number, sizeof number, "%d", x);
  g_string_replace (url, "{x}", number, 0);
  g_snprintf (number, sizeof number, "%d", y);
  g_string_replace (url, "{y}", number, 0);

  return g_string_free (g_steal_pointer (&url), FALSE);
}

static void
deliver (GTask  *task,
         GBytes *bytes)
{
  LsmOnlineSource *self = g_task_get_source_object (task);
  TileRequest *request = g_task_get_task_data (task);

  /* libshumate 1.0's raster renderer decodes in this signal, not from the result. */
  g_signal_emit_by_name (self, "received-data", request->x, request->y, request->zoom, bytes);
  g_task_return_pointer (task, g_bytes_ref (bytes), (GDestroyNotify) g_bytes_unref);
}

static void
fail (GTask  *task,
      GError *error)
{
  LsmOnlineSource *self = g_task_get_source_object (task);

  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      self->n_failures++;
      g_debug ("Tile failed: %s", error->message);
      g_signal_emit (self, signals[TILE_FAILED], 0, error);
    }

  g_task_return_error (task, error);
}

static void
on_stored_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!shumate_file_cache_store_tile_finish (SHUMATE_FILE_CACHE (object), result, &error))
    g_debug ("Failed to cache a tile: %s", error->message);
}

static void
on_downloaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LsmOnlineSource *self = g_task_get_source_object (task);
  TileRequest *request = g_task_get_task_data (task);
  SoupMessage *message = soup_session_get_async_result_message (SOUP_SESSION (object), result);
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;
  guint status;

  bytes = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  if (bytes == NULL)
    {
      /* Offline with a stale copy: the stale copy beats a blank tile. */
      if (request->cached != NULL)
        {
          g_clear_error (&error);
          deliver (task, request->cached);
        }
      else
        fail (task, error);
      return;
    }

  status = soup_message_get_status (message);
  if (status == SOUP_STATUS_NOT_MODIFIED && request->cached != NULL)
    {
      shumate_file_cache_mark_up_to_date (self->cache, request->x, request->y, request->zoom);
      deliver (task, request->cached);
      return;
    }

  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      g_autofree char *url = lsm_online_source_build_url (self, request->x, request->y, request->zoom);

      g_debug ("%s: HTTP %u", url, status);
      if (request->cached != NULL)
        deliver (task, request->cached);
      else
        fail (task, g_error_new (G_IO_ERROR, G_IO_ERROR_FAILED, "HTTP %u %s", status,
                                 soup_message_get_reason_phrase (message)));
      return;
    }

  shumate_file_cache_store_tile_async (self->cache, request->x, request->y, request->zoom, bytes,
                                      soup_message_headers_get_one (soup_message_get_response_headers (message), "ETag"),
                                      NULL, on_stored_cb, NULL);
  deliver (task, bytes);
}

/* Takes the task's reference. */
static void
download (GTask *task)
{
  LsmOnlineSource *self = g_task_get_source_object (task);
  TileRequest *request = g_task_get_task_data (task);
  g_autofree char *url = lsm_online_source_build_url (self, request->x, request->y, request->zoom);
  g_autoptr(SoupMessage) message = soup_message_new (SOUP_METHOD_GET, url);

  if (message == NULL)
    {
      fail (task, g_error_new (G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "Not a web address: %s", url));
      g_object_unref (task);
      return;
    }

  if (request->etag != NULL)
    soup_message_headers_append (soup_message_get_request_headers (message), "If-None-Match", request->etag);

  soup_session_send_and_read_async (self->session, message, G_PRIORITY_DEFAULT,
                                    g_task_get_cancellable (task), on_downloaded_cb, task);
}

static void
on_cache_read_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GTask *task = user_data;
  TileRequest *request = g_task_get_task_data (task);
  g_autoptr(GDateTime) modified = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  request->cached = shumate_file_cache_get_tile_finish (SHUMATE_FILE_CACHE (object), &request->etag,
                                                        &modified, result, NULL);

  if (request->cached != NULL && modified != NULL && g_date_time_difference (now, modified) < MAX_AGE)
    {
      deliver (task, request->cached);
      g_object_unref (task);
      return;
    }

  download (task);
}

static void
lsm_online_source_get_tile_data_async (ShumateDataSource   *source,
                                       int                  x,
                                       int                  y,
                                       int                  zoom,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  LsmOnlineSource *self = LSM_ONLINE_SOURCE (source);
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  TileRequest *request = g_new0 (TileRequest, 1);

  request->x = x;
  request->y = y;
  request->zoom = zoom;
  g_task_set_source_tag (task, lsm_online_source_get_tile_data_async);
  g_task_set_task_data (task, request, tile_request_free);

  shumate_file_cache_get_tile_async (self->cache, x, y, zoom, cancellable, on_cache_read_cb, task);
}

static GBytes *
lsm_online_source_get_tile_data_finish (ShumateDataSource  *source,
                                        GAsyncResult       *result,
                                        GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
lsm_online_source_finalize (GObject *object)
{
  LsmOnlineSource *self = (LsmOnlineSource *) object;

  g_clear_pointer (&self->url_template, g_free);
  g_clear_pointer (&self->user_agent, g_free);
  g_clear_object (&self->session);
  g_clear_object (&self->cache);

  G_OBJECT_CLASS (lsm_online_source_parent_class)->finalize (object);
}

static void
lsm_online_source_class_init (LsmOnlineSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ShumateDataSourceClass *source_class = SHUMATE_DATA_SOURCE_CLASS (klass);

  object_class->finalize = lsm_online_source_finalize;
  source_class->get_tile_data_async = lsm_online_source_get_tile_data_async;
  source_class->get_tile_data_finish = lsm_online_source_get_tile_data_finish;

  /**
   * LsmOnlineSource::tile-failed:
   * @self: the source
   * @error: why
   *
   * Emitted for each tile that could not be had, online or from the cache.
   */
  signals[TILE_FAILED] =
    g_signal_new ("tile-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
lsm_online_source_init (LsmOnlineSource *self)
{
  self->user_agent = g_strdup_printf ("lsmap/%s (+https://github.com/lsmap/lsmap)", PACKAGE_VERSION);
  self->session = soup_session_new_with_options ("user-agent", self->user_agent,
                                                 "max-conns-per-host", 2,
                                                 "timeout", 20,
                                                 NULL);
}

/**
 * lsm_online_source_new:
 * @url_template: tile address with {z}, {x} and {y}
 *
 * Returns: (transfer full): a new source
 */
LsmOnlineSource *
lsm_online_source_new (const char *url_template)
{
  LsmOnlineSource *self;
  g_autofree char *key = NULL;

  g_return_val_if_fail (url_template != NULL, NULL);

  self = g_object_new (LSM_TYPE_ONLINE_SOURCE, NULL);
  self->url_template = g_strdup (url_template);
  /* One cache per server, so tiles of different servers never mix. */
  key = g_compute_checksum_for_string (G_CHECKSUM_SHA1, url_template, -1);
  key[12] = '\0';
  self->cache = shumate_file_cache_new_full (100 * 1000 * 1000, key, NULL);

  return self;
}

const char *
lsm_online_source_get_user_agent (LsmOnlineSource *self)
{
  g_return_val_if_fail (LSM_IS_ONLINE_SOURCE (self), NULL);

  return self->user_agent;
}

guint
lsm_online_source_get_n_failures (LsmOnlineSource *self)
{
  g_return_val_if_fail (LSM_IS_ONLINE_SOURCE (self), 0);

  return self->n_failures;
}
