/* test-cli-list.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <locale.h>
#include <signal.h>
#include <sys/stat.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "lsm-test-cli.h"
#include "lsm-test-utils.h"

/* lsmap --list sorted, with shapes and with the communes of 2025. */

/* "which wind projects are biggest": the first row of --sort=capacity is the largest. */
static void
test_cli_list_sort (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *reversed = NULL;
  g_autofree char *err2 = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) reversed_lines = NULL;

  g_assert_cmpint (run_lsmap (&out, &err, "--list", "--format=csv", "--sort=capacity", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  lines = g_strsplit (out, "\n", -1);
  g_assert_true (g_str_has_prefix (lines[1], "\"nd-na-duong-1\","));
  g_assert_true (g_str_has_prefix (lines[2], "\"nd-na-duong-2\","));

  /* Reversed: the smallest capacity first, sites without one still after it. */
  g_assert_cmpint (run_lsmap (&reversed, &err2, "--list", "--format=csv", "--sort=-capacity", NULL), ==, 0);
  reversed_lines = g_strsplit (reversed, "\n", -1);
  g_assert_false (g_str_has_prefix (reversed_lines[1], "\"nd-na-duong-1\","));
  g_assert_true (g_str_has_prefix (reversed_lines[2], "\"nd-na-duong-1\",")
                 || g_str_has_prefix (reversed_lines[2], "\"nd-na-duong-2\","));
  g_assert_cmpuint (g_strv_length (reversed_lines), ==, g_strv_length (lines));
}

/* The table's column of the communes of 2025 is a sort key of the command line too. */
static void
test_cli_list_sort_commune_2025 (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  guint n;

  g_assert_cmpint (run_lsmap (&out, &err, "--list", "--format=csv", "--sort=commune_2025", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  lines = g_strsplit (out, "\n", -1);
  n = g_strv_length (lines);
  g_assert_true (g_str_has_prefix (lines[1], "\"kcn-dtdv-huu-lung\","));
  g_assert_true (g_str_has_suffix (lines[1], ",\"Xã Cai Kinh\""));
  /* The last line is empty; before it, a site no unit holds: its point is not known. */
  g_assert_true (g_str_has_suffix (lines[n - 2], ",,"));
}

static void
test_cli_list_sort_errors (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *out2 = NULL;
  g_autofree char *err2 = NULL;

  g_assert_cmpint (run_lsmap (&out, &err, "--list", "--sort=size", NULL), ==, 2);
  lsm_test_assert_contains (err, "“size”");
  lsm_test_assert_contains (err, "capacity");
  g_assert_cmpint (run_lsmap (&out2, &err2, "--export=x.pdf", "--sort=area", NULL), ==, 2);
  lsm_test_assert_contains (err2, "--sort");
}

/* A user's lines and areas are on the map, a line outside the province is not "location
 * unknown", and a feature that cannot be drawn is said, not dropped from the listing in silence. */
static void
test_cli_list_shapes (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lsmap-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "tuyen-va-vung.geojson", NULL);
  g_autofree char *data = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *json =
    "{\"type\":\"FeatureCollection\",\"features\":["
    "{\"type\":\"Feature\",\"properties\":{\"name\":\"Line inside\",\"sector\":\"wind\"},"
    "\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[106.70,21.80],[106.80,21.90]]}},"
    "{\"type\":\"Feature\",\"properties\":{\"name\":\"Area inside\",\"sector\":\"hydro\"},"
    "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[106.7,21.8],[106.8,21.8],[106.8,21.9],[106.7,21.8]]]}},"
    "{\"type\":\"Feature\",\"properties\":{\"name\":\"Line far away\",\"sector\":\"wind\"},"
    "\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[0,0],[1,1]]}},"
    "{\"type\":\"Feature\",\"properties\":{\"name\":\"Collection\",\"sector\":\"wind\"},"
    "\"geometry\":{\"type\":\"GeometryCollection\",\"geometries\":[{\"type\":\"Point\",\"coordinates\":[106.7,21.8]}]}}"
    "]}";

  g_assert_true (g_file_set_contents (path, json, -1, NULL));
  data = g_strdup_printf ("--data=%s", path);

  g_assert_cmpint (run_lsmap (&out, &err, data, "--summary", NULL), ==, 0);
  lsm_test_assert_contains (out, run_in_vietnamese ? "3 địa điểm (3 trên bản đồ)" : "3 sites (3 on the map)");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_lsmap (&out, &err, data, "--list", NULL), ==, 0);
  lsm_test_assert_contains (out, run_in_vietnamese ? "Line far away — Điện gió, ngoài tỉnh"
                                                   : "Line far away — Wind power, outside the province");
  g_assert_null (strstr (out, "Collection"));
  lsm_test_assert_contains (err, "tuyen-va-vung.geojson");
  lsm_test_assert_contains (err, "GeometryCollection");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A map made of the file says what it leaves out, as the listing does. */
  pdf = g_strdup_printf ("--export=%s/map.pdf", dir);
  g_assert_cmpint (run_lsmap (&out, &err, data, pdf, NULL), ==, 0);
  lsm_test_assert_contains (err, "GeometryCollection");

  lsm_test_remove_dir (dir);
}

/* Each located site names its unit of 2025 as an object; an unlocated one has null. */
static void
test_cli_list_commune_2025 (void)
{
  g_autoptr(JsonNode) root = NULL;
  JsonArray *sites = list_json (&root, NULL, NULL);
  JsonObject *unit;
  guint n_located = 0;

  for (guint i = 0; i < json_array_get_length (sites); i++)
    {
      JsonObject *site = json_array_get_object_element (sites, i);
      JsonNode *member = json_object_get_member (site, "commune_2025");

      g_assert_nonnull (member);
      if (json_object_get_null_member (site, "lat"))
        {
          g_assert_true (JSON_NODE_HOLDS_NULL (member));
          continue;
        }

      n_located++;
      g_assert_true (JSON_NODE_HOLDS_OBJECT (member));
      unit = json_node_get_object (member);
      g_assert_cmpuint (strlen (json_object_get_string_member (unit, "code")), ==, 5);
      g_assert_true (g_str_has_prefix (json_object_get_string_member (unit, "name"), "Xã ")
                     || g_str_has_prefix (json_object_get_string_member (unit, "name"), "Phường "));
    }
  g_assert_cmpuint (n_located, ==, 36);

  unit = json_object_get_object_member (find_site (sites, "nd-na-duong-1"), "commune_2025");
  g_assert_cmpstr (json_object_get_string_member (unit, "code"), ==, "06526");
  g_assert_cmpstr (json_object_get_string_member (unit, "name"), ==, "Xã Na Dương");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_assert_nonnull (g_getenv ("LSMAP"));
  g_assert_nonnull (g_getenv ("LSMAP_DATA_DIR"));

  g_test_add_func ("/lsm/cli/list-sort", test_cli_list_sort);
  g_test_add_func ("/lsm/cli/list-sort-commune-2025", test_cli_list_sort_commune_2025);
  g_test_add_func ("/lsm/cli/list-sort-errors", test_cli_list_sort_errors);
  g_test_add_func ("/lsm/cli/list-commune-2025", test_cli_list_commune_2025);
  g_test_add_func ("/lsm/cli/list-shapes", test_cli_list_shapes);

  return g_test_run ();
}
