/* lsm-fuzz-main.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "lsm-fuzz.h"

/* The regression run of a harness without libFuzzer (and without clang): every file of the
 * given folders, or the given files, fed to LLVMFuzzerTestOneInput once, in name order. A
 * crash, a sanitizer report or a failed assertion fails the test; TAP names the input. */

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
add_inputs (GPtrArray  *inputs,
            const char *arg)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (arg, G_FILE_TEST_IS_DIR))
    {
      g_ptr_array_add (inputs, g_strdup (arg));
      return;
    }

  if ((dir = g_dir_open (arg, 0, &error)) == NULL)
    g_error ("%s", error->message);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_build_filename (arg, name, NULL));
  g_ptr_array_sort (names, compare_paths);
  g_ptr_array_extend_and_steal (inputs, g_steal_pointer (&names));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func (g_free);

  for (int i = 1; i < argc; i++)
    add_inputs (inputs, argv[i]);
  if (inputs->len == 0)
    g_error ("usage: %s CORPUS-FOLDER-OR-FILE…", argv[0]);

  printf ("1..%u\n", inputs->len);
  for (guint i = 0; i < inputs->len; i++)
    {
      const char *path = g_ptr_array_index (inputs, i);
      g_autoptr(GError) error = NULL;
      g_autofree char *data = NULL;
      gsize size;

      if (!g_file_get_contents (path, &data, &size, &error))
        g_error ("%s", error->message);

      /* Printed first, so that a crash names its input. */
      fprintf (stderr, "# %s (%" G_GSIZE_FORMAT " bytes)\n", path, size);
      LLVMFuzzerTestOneInput ((const guint8 *) data, size);
      printf ("ok %u - %s\n", i + 1, path);
      fflush (stdout);
    }

  return 0;
}
