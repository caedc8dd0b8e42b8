/* test-cli-stream.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <glib.h>

#include "lsm-test-utils.h"

/* Enough sites that a --list kept whole in memory before writing stands out above what loading
 * them costs: text, the tersest format, measured 1.12x buffered against 1.05x streamed. */
#define N_SITES 100000
#define MAX_RATIO 1.1

static char *data_dir;

static glong
peak_kib (const char *mode,
          const char *format)
{
  g_autofree char *data = g_strdup_printf ("--data=%s", data_dir);
  const char *argv[] = { g_getenv ("LSMAP"), data, mode, format, NULL };
  int status;
  glong kib = lsm_test_run_peak_rss (argv, &status);

  g_assert_cmpint (status, ==, 0);
  return kib;
}

/* --list writes each site as it comes: its peak memory is that of --summary, which writes a
 * few lines, on the same data; measured in one run, as a ratio, so the machine does not matter. */
static void
test_cli_stream (gconstpointer data)
{
  const char *format = data;
  double summary, list;

#ifdef __SANITIZE_ADDRESS__
  /* Its shadow memory and quarantine are what the peak measures there, not the program's. */
  g_test_skip ("peak memory means nothing under AddressSanitizer");
  return;
#endif

  summary = peak_kib ("--summary", NULL);
  list = peak_kib ("--list", format);

  g_test_message ("%s: --list %.0f KiB, --summary %.0f KiB", format, list, summary);
  g_assert_cmpfloat (list / summary, <=, MAX_RATIO);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  g_test_init (&argc, &argv, NULL);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_unsetenv ("DISPLAY");
  g_unsetenv ("WAYLAND_DISPLAY");
  g_assert_nonnull (g_getenv ("LSMAP"));

#ifdef __SANITIZE_ADDRESS__
  data_dir = lsm_test_make_synthetic_data (0);
#else
  data_dir = lsm_test_make_synthetic_data (N_SITES);
#endif
  g_test_add_data_func ("/lsm/cli/stream/text", "--format=text", test_cli_stream);
  g_test_add_data_func ("/lsm/cli/stream/csv", "--format=csv", test_cli_stream);
  g_test_add_data_func ("/lsm/cli/stream/json", "--format=json", test_cli_stream);
  result = g_test_run ();
  lsm_test_remove_dir (data_dir);
  g_free (data_dir);

  return result;
}
