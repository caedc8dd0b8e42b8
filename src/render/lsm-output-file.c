/* lsm-output-file.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-output-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "lsm-output-file-private.h"

/* Writing a file the way a user expects "Save" to: the target is replaced by one rename, never
 * left half-written; a new file gets the mode the umask asks for, a replaced one keeps its own;
 * a failed write says why in errno's terms, where cairo would only say "error while writing to
 * output stream"; and the temporary file goes away even when the process is killed. SIGINT and
 * SIGTERM are the command line's to catch (lsm_output_file_remove_pending() is safe in a signal
 * handler); after SIGKILL, the next export to the same name removes the temporary files that no
 * live process holds a lock on. */

#define MAX_PENDING 4
#define MAX_PENDING_PATH 4096
#define STALE_AGE_S 10

struct _LsmOutputFile
{
  char *path;
  char *temp;
  int   fd;
  int   errsv; /* the first write error, 0 if none */
  int   slot;  /* in pending_paths, or -1 */
};

/* Read by a signal handler: fixed buffers, and a flag set only once the path is complete and
 * cleared before the buffer may change. */
static char pending_paths[MAX_PENDING][MAX_PENDING_PATH];
static volatile sig_atomic_t pending_used[MAX_PENDING];

static LsmOutputWriteFunc write_func = write;

void
_lsm_output_file_set_write_func (LsmOutputWriteFunc func)
{
  write_func = func != NULL ? func : write;
}

/**
 * lsm_output_describe_errno:
 * @errsv: an errno value
 *
 * Returns: (transfer full): the cause in the user's language, to follow "Cannot write “…”: "
 */
char *
lsm_output_describe_errno (int errsv)
{
  switch (errsv)
    {
    case ENOSPC:
    case EDQUOT:
      return g_strdup (_("no space left on device"));
    case EACCES:
    case EPERM:
      return g_strdup (_("permission denied"));
    case EROFS:
      return g_strdup (_("the disk is read-only"));
    case EFBIG:
      return g_strdup (_("the file is too large"));
    case ENOENT:
    case ENOTDIR:
      return g_strdup (_("the folder does not exist"));
    case EISDIR:
      return g_strdup (_("a folder has that name"));
    case EIO:
      return g_strdup (_("input/output error"));
    default:
      /* The C library's own translation. */
      return g_strdup (g_strerror (errsv));
    }
}

static void
set_errno_error (GError     **error,
                 const char  *path,
                 int          errsv)
{
  g_autofree char *cause = lsm_output_describe_errno (errsv);

  /* Translators: the first %s is a file name, the second the reason, e.g. "no space left on device" */
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv), _("Cannot write “%s”: %s"), path, cause);
}

static gboolean
is_temp_name (const char *name,
              const char *base)
{
  size_t len = strlen (base);

  /* ".BASE.XXXXXX", as g_mkstemp () fills the Xs */
  if (name[0] != '.' || strncmp (name + 1, base, len) != 0 || name[len + 1] != '.')
    return FALSE;

  name += len + 2;
  for (int i = 0; i < 6; i++)
    if (!g_ascii_isalnum (name[i]))
      return FALSE;

  return name[6] == '\0';
}

/* A live export holds a lock on its temporary file until it is renamed or removed, and the
 * kernel drops the lock of a killed process: an unlocked one that has not changed for a while is
 * what a killed run left. */
static void
remove_stale (const char *dir,
              const char *base)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = NULL;
      struct stat st;
      int fd;

      if (!is_temp_name (name, base))
        continue;

      path = g_build_filename (dir, name, NULL);
      fd = open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
      if (fd < 0)
        continue;

      if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode) && st.st_uid == getuid ()
          && now - st.st_mtime >= STALE_AGE_S && flock (fd, LOCK_EX | LOCK_NB) == 0)
        {
          g_debug ("Removing %s, left by an export that did not finish", path);
          g_unlink (path);
        }
      close (fd);
    }
}

static void
add_pending (LsmOutputFile *self)
{
  self->slot = -1;
  if (strlen (self->temp) >= MAX_PENDING_PATH)
    return;

  for (int i = 0; i < MAX_PENDING; i++)
    if (!pending_used[i])
      {
        strcpy (pending_paths[i], self->temp);
        pending_used[i] = 1;
        self->slot = i;
        return;
      }

  g_debug ("%s will not be removed if the program is interrupted", self->temp);
}

/**
 * lsm_output_file_remove_pending:
 *
 * Removes the temporary files of the exports under way. Async-signal-safe: for a handler of
 * SIGINT or SIGTERM, which then re-raises the signal.
 */
void
lsm_output_file_remove_pending (void)
{
  for (int i = 0; i < MAX_PENDING; i++)
    if (pending_used[i])
      unlink (pending_paths[i]);
}

/**
 * lsm_output_file_open:
 * @path: the file to write
 * @error: return location for an error naming @path and the cause
 *
 * Opens a temporary file beside @path for lsm_output_file_write_cb().
 *
 * Returns: (transfer full) (nullable): the file, for lsm_output_file_commit() or
 *   lsm_output_file_abort()
 */
LsmOutputFile *
lsm_output_file_open (const char  *path,
                      GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *template = g_strdup_printf (".%s.XXXXXX", base);
  g_autofree char *temp = g_build_filename (dir, template, NULL);
  LsmOutputFile *self = NULL;
  sigset_t interruptions, old_mask;
  struct stat st;
  gboolean replacing;
  int fd, errsv;

  g_return_val_if_fail (path != NULL, NULL);

  replacing = g_stat (path, &st) == 0 && S_ISREG (st.st_mode);
  remove_stale (dir, base);

  /* An interruption between creating the file and listing it would leave it behind. */
  sigemptyset (&interruptions);
  sigaddset (&interruptions, SIGINT);
  sigaddset (&interruptions, SIGTERM);
  sigaddset (&interruptions, SIGHUP);
  pthread_sigmask (SIG_BLOCK, &interruptions, &old_mask);

  /* 0666 and the kernel applies the umask, as for any new file; no umask () call, which would
   * change it for every thread. */
  fd = g_mkstemp_full (temp, O_WRONLY | O_CLOEXEC, 0666);
  errsv = errno;
  if (fd >= 0)
    {
      self = g_new0 (LsmOutputFile, 1);
      self->path = g_strdup (path);
      self->temp = g_steal_pointer (&temp);
      self->fd = fd;
      add_pending (self);
    }
  pthread_sigmask (SIG_SETMASK, &old_mask, NULL);

  if (fd < 0)
    {
      set_errno_error (error, path, errsv);
      return NULL;
    }

  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    g_debug ("Cannot lock %s: %s", self->temp, g_strerror (errno));
  if (replacing && fchmod (fd, st.st_mode & 07777) != 0)
    g_debug ("Cannot keep the mode of %s: %s", path, g_strerror (errno));

  return self;
}

/**
 * lsm_output_file_write_cb:
 * @closure: an #LsmOutputFile
 * @data: bytes to write
 * @length: how many
 *
 * A #cairo_write_func_t that keeps errno, for lsm_output_file_commit().
 */
cairo_status_t
lsm_output_file_write_cb (void                *closure,
                          const unsigned char *data,
                          unsigned int         length)
{
  LsmOutputFile *self = closure;

  if (self->errsv != 0)
    return CAIRO_STATUS_WRITE_ERROR;

  while (length > 0)
    {
      ssize_t n = write_func (self->fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          self->errsv = n < 0 ? errno : EIO;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      data += n;
      length -= n;
    }

  return CAIRO_STATUS_SUCCESS;
}

static void
output_file_free (LsmOutputFile *self)
{
  if (self->slot >= 0)
    pending_used[self->slot] = 0;
  if (self->fd >= 0)
    close (self->fd);
  g_free (self->path);
  g_free (self->temp);
  g_free (self);
}

/**
 * lsm_output_file_abort:
 * @self: (transfer full): a file
 *
 * Removes the temporary file; the target is left as it was.
 */
void
lsm_output_file_abort (LsmOutputFile *self)
{
  if (self == NULL)
    return;

  g_unlink (self->temp);
  output_file_free (self);
}

/**
 * lsm_output_file_commit:
 * @self: (transfer full): a file
 * @status: what cairo made of the writing
 * @error: return location for an error naming the target and the cause
 *
 * Renames the temporary file into place if everything was written, else removes it.
 *
 * Returns: whether the target now holds the new contents
 */
gboolean
lsm_output_file_commit (LsmOutputFile   *self,
                        cairo_status_t   status,
                        GError         **error)
{
  int fd, errsv;

  g_return_val_if_fail (self != NULL, FALSE);

  fd = self->fd;
  errsv = self->errsv;
  self->fd = -1;
  if (errsv == 0 && status == CAIRO_STATUS_NO_MEMORY)
    errsv = ENOMEM;
  else if (errsv == 0 && status == CAIRO_STATUS_WRITE_ERROR)
    errsv = EIO;

  /* A network file system may report a failed write only now. */
  if (close (fd) != 0 && errsv == 0 && status == CAIRO_STATUS_SUCCESS)
    errsv = errno;

  if (errsv == 0 && status == CAIRO_STATUS_SUCCESS && g_rename (self->temp, self->path) != 0)
    errsv = errno;

  if (errsv == 0 && status == CAIRO_STATUS_SUCCESS)
    {
      output_file_free (self);
      return TRUE;
    }

  if (errsv != 0)
    set_errno_error (error, self->path, errsv);
  else
    /* Translators: the first %s is a file name, the second cairo's reason (in English) */
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot draw “%s”: %s"), self->path,
                 cairo_status_to_string (status));

  lsm_output_file_abort (self);
  return FALSE;
}
