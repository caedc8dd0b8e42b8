/* test-output-file.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "lsm-output-file-private.h"
#include "lsm-page.h"
#include "lsm-scene.h"
#include "lsm-test-utils.h"

/* Exported files as the file system sees them: their mode, what a failed write says, and what
 * is left beside them afterwards. */

static LsmCatalog *catalog;
static LsmScene *scene;

static gboolean
export (const char  *path,
        GError     **error)
{
  g_auto(LsmPageOptions) options;

  lsm_page_options_init (&options);
  return lsm_page_export (scene, NULL, &options, path, NULL, error);
}

static guint
file_mode (const char *path)
{
  struct stat st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

static void
test_output_file_mode_from_umask (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lsmap-mode-XXXXXX", NULL);
  g_autofree char *shared = g_build_filename (dir, "shared.pdf", NULL);
  g_autofree char *private = g_build_filename (dir, "private.png", NULL);
  g_autofree char *kept = g_build_filename (dir, "kept.svg", NULL);
  g_autoptr(GError) error = NULL;
  mode_t old = umask (022);

  /* A new file: what the umask allows, as any program's. */
  g_assert_true (export (shared, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (shared), ==, 0644);

  umask (077);
  g_assert_true (export (private, &error));
  g_assert_cmpuint (file_mode (private), ==, 0600);

  /* A replaced file keeps the mode its owner gave it, whatever the umask. */
  umask (022);
  g_assert_true (g_file_set_contents (kept, "old", -1, NULL));
  g_assert_cmpint (g_chmod (kept, 0640), ==, 0);
  g_assert_true (export (kept, &error));
  g_assert_cmpuint (file_mode (kept), ==, 0640);
  g_assert_true (export (shared, &error));
  g_assert_cmpuint (file_mode (shared), ==, 0644);

  umask (old);
  g_assert_cmpuint (lsm_test_count_entries (dir), ==, 3);
  lsm_test_remove_dir (dir);
}

static gsize disk_room;

static ssize_t
full_disk_write (int         fd,
                 const void *data,
                 size_t      length)
{
  ssize_t n;

  if (disk_room == 0)
    {
      errno = ENOSPC;
      return -1;
    }

  n = write (fd, data, MIN (length, disk_room));
  if (n > 0)
    disk_room -= n;
  return n;
}

static void
test_output_file_full_disk (void)
{
  const char *names[] = { "map.pdf", "map.svg", "map.png" };
  g_autofree char *dir = g_dir_make_tmp ("lsmap-full-XXXXXX", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_autofree char *expected = g_strdup_printf ("Cannot write “%s”: no space left on device", path);
      g_autoptr(GError) error = NULL;

      /* The disk fills up part way through: the message says so, not "error while writing to
       * output stream", and nothing is left behind. */
      disk_room = 20000;
      _lsm_output_file_set_write_func (full_disk_write);
      g_assert_false (export (path, &error));
      _lsm_output_file_set_write_func (NULL);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
      g_assert_cmpstr (error->message, ==, expected);
      g_assert_cmpuint (lsm_test_count_entries (dir), ==, 0);
    }

  lsm_test_remove_dir (dir);
}

static void
test_output_file_too_large (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  struct rlimit limit = { 4096, 4096 };

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      return;
    }

  /* A real write(2) failing with EFBIG once the file passes the process's size limit. */
  dir = g_dir_make_tmp ("lsmap-fsize-XXXXXX", NULL);
  path = g_build_filename (dir, "map.pdf", NULL);
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  g_assert_false (export (path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  lsm_test_assert_contains (error->message, "map.pdf”: the file is too large");
  g_assert_cmpuint (lsm_test_count_entries (dir), ==, 0);
  lsm_test_remove_dir (dir);
}

static char *
make_temp (const char *dir,
           const char *name,
           gboolean    old)
{
  char *path = g_build_filename (dir, name, NULL);
  struct timeval then[2] = { { 1000000000, 0 }, { 1000000000, 0 } };

  g_assert_true (g_file_set_contents (path, "%PDF-1.5 partial", -1, NULL));
  if (old)
    g_assert_cmpint (utimes (path, then), ==, 0);

  return path;
}

static void
test_output_file_stale_temp (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lsmap-stale-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "map.pdf", NULL);
  g_autofree char *killed = make_temp (dir, ".map.pdf.a1B2c3", TRUE);
  g_autofree char *running = make_temp (dir, ".map.pdf.d4E5f6", TRUE);
  g_autofree char *fresh = make_temp (dir, ".map.pdf.g7H8i9", FALSE);
  g_autofree char *other = make_temp (dir, ".atlas.pdf.j0K1l2", TRUE);
  g_autoptr(GError) error = NULL;
  int fd = open (running, O_RDONLY);

  /* Another export, alive, holds its lock. */
  g_assert_cmpint (flock (fd, LOCK_EX), ==, 0);

  g_assert_true (export (path, &error));
  g_assert_no_error (error);

  /* What a killed run left is gone; what may still be written, or is another file's, stays. */
  g_assert_false (g_file_test (killed, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (running, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (fresh, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (lsm_test_count_entries (dir), ==, 4);

  close (fd);
  lsm_test_remove_dir (dir);
}

static void
test_output_file_pending_removed (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lsmap-pending-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "map.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LsmOutputFile) out = lsm_output_file_open (path, &error);

  /* What a signal handler calls: the export under way loses its temporary file. */
  g_assert_no_error (error);
  g_assert_cmpuint (lsm_test_count_entries (dir), ==, 1);
  lsm_output_file_remove_pending ();
  g_assert_cmpuint (lsm_test_count_entries (dir), ==, 0);
  g_assert_false (lsm_output_file_commit (g_steal_pointer (&out), CAIRO_STATUS_SUCCESS, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  lsm_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  catalog = lsm_test_load_bundled ();
  scene = lsm_scene_new (catalog);

  g_test_add_func ("/lsm/output-file/mode-from-umask", test_output_file_mode_from_umask);
  g_test_add_func ("/lsm/output-file/full-disk", test_output_file_full_disk);
  g_test_add_func ("/lsm/output-file/too-large", test_output_file_too_large);
  g_test_add_func ("/lsm/output-file/stale-temp", test_output_file_stale_temp);
  g_test_add_func ("/lsm/output-file/pending-removed", test_output_file_pending_removed);

  result = g_test_run ();
  g_clear_object (&scene);
  g_clear_object (&catalog);

  return result;
}
