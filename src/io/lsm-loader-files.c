/* lsm-loader-files.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-loader"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "lsm-loader-private.h"

/* What the loader may open, looked at before anything opens it, and the words for why a file
 * cannot be read: shared by the GDAL and the JSON readers. */

/**
 * _lsm_loader_error_from_errno:
 * @errno_value: why a file could not be opened or read
 *
 * Returns: the #LsmLoaderError that tells the user the same
 */
int
_lsm_loader_error_from_errno (int errno_value)
{
  switch (errno_value)
    {
    case ENOENT:
    case ENOTDIR:
    case ELOOP:
    case ENAMETOOLONG:
      return LSM_LOADER_ERROR_NOT_FOUND;
    case EACCES:
    case EPERM:
      return LSM_LOADER_ERROR_PERMISSION;
    case EFBIG:
    case EOVERFLOW:
    case ENOMEM:
      return LSM_LOADER_ERROR_TOO_LARGE;
    default:
      return LSM_LOADER_ERROR_INVALID;
    }
}

void
_lsm_loader_set_errno_error (GError     **error,
                             int          errno_value,
                             const char  *display)
{
  int code = _lsm_loader_error_from_errno (errno_value);

  switch (code)
    {
    case LSM_LOADER_ERROR_NOT_FOUND:
      g_set_error (error, LSM_LOADER_ERROR, code, _("%s: no such file"), display);
      break;
    case LSM_LOADER_ERROR_PERMISSION:
      g_set_error (error, LSM_LOADER_ERROR, code, _("%s: permission denied: you may not read it"), display);
      break;
    case LSM_LOADER_ERROR_TOO_LARGE:
      g_set_error (error, LSM_LOADER_ERROR, code, _("%s: the file is too large to be read"), display);
      break;
    default:
      /* Translators: the second %s is the system's reason, e.g. "Input/output error" */
      g_set_error (error, LSM_LOADER_ERROR, code, _("%s: cannot be read: %s"), display,
                   g_strerror (errno_value));
      break;
    }
}

/**
 * _lsm_loader_read_head:
 * @path: a file that _lsm_loader_check_path() accepted
 * @buffer: where the first bytes go, NUL-terminated
 * @size: the size of @buffer
 *
 * What a file's first bytes say it is, without reading all of a large one.
 */
void
_lsm_loader_read_head (const char *path,
                       char       *buffer,
                       gsize       size)
{
  FILE *file = g_fopen (path, "rb");
  gsize len = 0;

  if (file != NULL)
    {
      len = fread (buffer, 1, size - 1, file);
      fclose (file);
    }
  buffer[len] = '\0';
}

/**
 * _lsm_loader_describe_feature:
 * @ordinal: a feature's number in its file, from 1
 * @id: (nullable): its id
 *
 * Returns: (transfer full): "feature 12 (kcn-x)", as every message names a feature
 */
char *
_lsm_loader_describe_feature (guint       ordinal,
                              const char *id)
{
  if (id != NULL)
    /* Translators: "feature 12 (kcn-x)": a feature of a file by its number and id */
    return g_strdup_printf (_("feature %u (%s)"), ordinal, id);

  /* Translators: "feature 12": a feature of a file by its number */
  return g_strdup_printf (_("feature %u"), ordinal);
}

/**
 * _lsm_loader_display_name:
 * @path: a file, a folder or a "PG:" connection string
 *
 * Returns: (transfer full): how messages name @path: a file by its name, a database by its
 *   connection string without the password (messages end up in logs and screenshots)
 */
char *
_lsm_loader_display_name (const char *path)
{
  g_autoptr(GString) shown = NULL;
  const char *p;

  if (!g_str_has_prefix (path, "PG:"))
    return g_filename_display_basename (path);

  shown = g_string_new ("PG:");
  p = path + 3;
  while (*p != '\0')
    {
      const char *start;
      gboolean quoted = FALSE;

      while (*p == ' ')
        p++;
      start = p;
      /* libpq's syntax: key=value, the value maybe in single quotes with \' and \\ escapes. */
      while (*p != '\0' && (quoted || *p != ' '))
        {
          if (*p == '\\' && p[1] != '\0')
            p++;
          else if (*p == '\'')
            quoted = !quoted;
          p++;
        }
      if (p > start && g_ascii_strncasecmp (start, "password", 8) != 0)
        {
          if (shown->len > 3)
            g_string_append_c (shown, ' ');
          g_string_append_len (shown, start, p - start);
        }
    }

  return g_utf8_make_valid (shown->str, -1);
}

/* URLs, GDAL's virtual file systems (/vsicurl/, /vsis3/ …) and web services ("WFS:…"). A
 * database the user names ("PG:…") is an explicit choice and is let through. */
gboolean
_lsm_loader_is_online_path (const char *path)
{
  const char *p = path;

  if (g_str_has_prefix (path, "/vsi") || strstr (path, "://") != NULL)
    return TRUE;

  while (g_ascii_isalnum (*p) || *p == '_')
    p++;

  return *p == ':' && p - path > 1;
}

/**
 * _lsm_loader_check_path:
 * @path: a file, a folder (if @directory_ok) or a "PG:" connection
 * @directory_ok: whether a folder is acceptable
 * @error: return location for an error naming the file and the cause
 *
 * Every input is looked at before it is opened: opening a FIFO or a device blocks forever, and
 * only open() tells a permission problem apart from a missing file (GDAL says neither).
 *
 * Returns: %TRUE if @path can be opened without blocking and names nothing online
 */
gboolean
_lsm_loader_check_path (const char  *path,
                        gboolean     directory_ok,
                        GError     **error)
{
  g_autofree char *display = g_filename_display_basename (path);
  GStatBuf st;
  int fd;

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      if (g_str_has_prefix (path, "PG:"))
        return TRUE;
      if (_lsm_loader_is_online_path (path))
        {
          g_set_error (error, LSM_LOADER_ERROR, LSM_LOADER_ERROR_REFUSED,
                       _("%s: only local files and databases are opened; online sources are refused"),
                       display);
          return FALSE;
        }
      _lsm_loader_set_errno_error (error, saved_errno, display);
      return FALSE;
    }

  if (S_ISDIR (st.st_mode) && !directory_ok)
    {
      g_set_error (error, LSM_LOADER_ERROR, LSM_LOADER_ERROR_NOT_REGULAR,
                   _("%s: a folder where a file is expected"), display);
      return FALSE;
    }
  if (!S_ISDIR (st.st_mode) && !S_ISREG (st.st_mode))
    {
      g_set_error (error, LSM_LOADER_ERROR, LSM_LOADER_ERROR_NOT_REGULAR,
                   _("%s: not a regular file (pipes, sockets and devices are never opened)"), display);
      return FALSE;
    }

  /* O_NONBLOCK: should it have become a FIFO since, this open still returns. */
  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      _lsm_loader_set_errno_error (error, errno, display);
      return FALSE;
    }
  close (fd);

  return TRUE;
}
