/* test-messages.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <locale.h>
#include <string.h>

#include "lsm-loader.h"
#include "lsm-test-utils.h"

/* What `lsmap --validate` and the problems list show must be printable, one line per problem,
 * whatever bytes the file quotes into them (found by the fuzzers in tests/fuzz). */

static void
assert_printable (const char *line)
{
  g_assert_true (g_utf8_validate (line, -1, NULL));
  for (const char *p = line; *p != '\0'; p = g_utf8_next_char (p))
    g_assert_false (g_unichar_iscntrl (g_utf8_get_char (p)));
}

/* Validates a file with @contents; returns its one problem line. */
static char *
validate (const char *name,
          const char *contents)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lsmap-test-XXXXXX", &error);
  g_autofree char *path = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, name, NULL);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  g_assert_false (lsm_loader_validate_file (path, NULL, problems));
  lsm_test_remove_dir (dir);

  g_assert_cmpuint (problems->len, >=, 1);
  for (guint i = 0; i < problems->len; i++)
    assert_printable (g_ptr_array_index (problems, i));

  return g_strdup (g_ptr_array_index (problems, 0));
}

/* GDAL's JSON errors quote the bad token; what the user sees names the place and the kind of
 * error in words of our own, never the file's bytes. */
static void
test_messages_geojson_error_raw_bytes (void)
{
  g_autofree char *line = validate ("sites.geojson",
                                    "{\"type\": \"FeatureCollection\", \"features\": [\377\001\033[2K]}");

  lsm_test_assert_contains (line, "sites.geojson: not valid JSON, at line:column 1:");
  g_assert_null (strstr (line, "[2K"));
}

static void
test_messages_table_control_characters (void)
{
  /* A table cell quoted into a problem line: a newline would pass for a second problem, an
   * escape would drive the terminal (broken UTF-8 the table reader refuses on its own). */
  g_autofree char *line = validate ("figures.csv",
                                    "id,subject_kind,subject,metric,value,unit,period,status,source\n"
                                    "g1,province,lang-son,area,5,\"fur\nfigures.csv: \033[2Klongs\",as of 2024,operating,s\n");

  lsm_test_assert_contains (line, "unknown unit “fur\xef\xbf\xbd" "figures.csv: \xef\xbf\xbd[2Klongs”");
}

static void
test_messages_problem_control_characters (void)
{
  /* A newline would pass for a second problem; an escape would drive the terminal. */
  g_autofree char *line = validate ("sites.geojson",
                                    "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": "
                                    "\"Feature\", \"properties\": {\"id\": \"s1\", \"name\": \"A\", "
                                    "\"sector\": \"hydro\", \"status\": \"x\\nsites.geojson: \\u001b[2Kok\"}, "
                                    "\"geometry\": {\"type\": \"Point\", \"coordinates\": [106.7, 21.9]}}]}");

  lsm_test_assert_contains (line, "unknown status “x\xef\xbf\xbdsites.geojson: \xef\xbf\xbd[2Kok”");
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lsm/messages/geojson-error-raw-bytes", test_messages_geojson_error_raw_bytes);
  g_test_add_func ("/lsm/messages/table-control-characters", test_messages_table_control_characters);
  g_test_add_func ("/lsm/messages/problem-control-characters", test_messages_problem_control_characters);

  return g_test_run ();
}
