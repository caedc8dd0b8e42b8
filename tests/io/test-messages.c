/* test-messages.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <locale.h>

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

static void
test_messages_json_error_control_character (void)
{
  g_autofree char *line = validate ("sources.json", "{\"sources\": [{\"title\": \"a\001b\": 1}]}");

  /* json-glib quotes the string before the stray colon, control character and all. */
  lsm_test_assert_contains (line, "sources.json: not valid JSON, at line:column 1:");
  lsm_test_assert_contains (line, "\"a\xef\xbf\xbd" "b\"");
}

static void
test_messages_json_error_broken_utf8 (void)
{
  /* A lone surrogate escape: json-glib quotes it as bytes that are not UTF-8. */
  g_autofree char *line = validate ("aggregates.json", "{\"figures\": [{\"id\": \"ab\\ud800 c\": 1}]}");

  lsm_test_assert_contains (line, "aggregates.json: not valid JSON, at line:column 1:");
  lsm_test_assert_contains (line, "\"ab\xef\xbf\xbd");
}

static void
test_messages_geojson_error_broken_utf8 (void)
{
  g_autofree char *line = validate ("sites.geojson",
                                    "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": "
                                    "\"Feature\", \"properties\": {\"name\": \"ab\\ud800 c\": 1}}]}");

  lsm_test_assert_contains (line, "sites.geojson: not valid JSON, at line:column 1:");
  lsm_test_assert_contains (line, "\"ab\xef\xbf\xbd");
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

  g_test_add_func ("/lsm/messages/json-error-control-character", test_messages_json_error_control_character);
  g_test_add_func ("/lsm/messages/json-error-broken-utf8", test_messages_json_error_broken_utf8);
  g_test_add_func ("/lsm/messages/geojson-error-broken-utf8", test_messages_geojson_error_broken_utf8);
  g_test_add_func ("/lsm/messages/problem-control-characters", test_messages_problem_control_characters);

  return g_test_run ();
}
