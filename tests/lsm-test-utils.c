/* lsm-test-utils.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <glib/gstdio.h>

#include "lsm-loader.h"
#include "lsm-test-utils.h"

/* The bundled data, as LSMAP_DATA_DIR names it for the tests. */
LsmCatalog *
lsm_test_load_bundled (void)
{
  g_autoptr(LsmLoader) loader = lsm_loader_new (g_getenv ("LSMAP_DATA_DIR"));
  g_autoptr(GError) error = NULL;
  LsmCatalog *catalog = lsm_loader_load (loader, NULL, &error);

  g_assert_no_error (error);
  return catalog;
}

void
lsm_test_remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

guint
lsm_test_count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;

  return n;
}

/* What a reader of the PDF gets as text (poppler's pdftotext). */
char *
lsm_test_pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return out;
}

void
lsm_test_assert_contains (const char *haystack,
                          const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” not found in:\n%s", needle, haystack);
}

static const char *synthetic_sectors[] = {
  "border_gate", "industrial_zone", "industrial_cluster", "hydro", "thermal", "wind", "quarry", "other_energy",
};

/**
 * lsm_test_make_synthetic_dir:
 * @n_sites: sites to write, spread at random (fixed seed) over the province, each with a figure
 * @n_on_one_point: of those, how many share one point (the first ones)
 *
 * A data folder with the bundled boundaries and synthetic sites, for dense data.
 *
 * Returns: (transfer full): its path; remove it with lsm_test_remove_dir()
 */
char *
lsm_test_make_synthetic_dir (guint n_sites,
                             guint n_on_one_point)
{
  g_autofree char *dir = g_dir_make_tmp ("lsmap-bench-XXXXXX", NULL);
  g_autofree char *sites_path = g_build_filename (dir, "sites.geojson", NULL);
  const char *bundled = lsm_loader_get_default_data_dir ();
  const char *copies[] = { "districts.geojson", "province.geojson", "context.geojson", "sources.json", "aggregates.json" };
  g_autoptr(GString) json = g_string_new ("{\"type\":\"FeatureCollection\",\"features\":[\n");
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (copies); i++)
    {
      g_autofree char *from = g_build_filename (bundled, copies[i], NULL);
      g_autofree char *to = g_build_filename (dir, copies[i], NULL);
      g_autofree char *contents = NULL;
      gsize len;

      g_file_get_contents (from, &contents, &len, &error);
      g_assert_no_error (error);
      g_file_set_contents (to, contents, len, &error);
      g_assert_no_error (error);
    }

  for (guint i = 0; i < n_sites; i++)
    {
      double lon = g_rand_double_range (rand, 106.2, 107.3);
      double lat = g_rand_double_range (rand, 21.4, 22.4);

      if (i < n_on_one_point)
        {
          lon = 106.75;
          lat = 21.85;
        }

      g_string_append_printf (json,
        "%s{\"type\":\"Feature\",\"properties\":{\"id\":\"s%u\",\"name\":\"Nhà máy thử nghiệm số %u\","
        "\"name_en\":\"Test plant %u\",\"sector\":\"%s\",\"subtype\":\"test\",\"district\":null,"
        "\"commune\":null,\"status\":\"operating\",\"precision\":\"exact\",\"coord_method\":\"synthetic\","
        "\"coord_source\":\"lsm-bench\",\"figures\":[{\"id\":\"f%u\",\"metric\":\"capacity\",\"value\":%u,"
        "\"unit\":\"MW\",\"period\":\"2022\",\"status\":\"operating\",\"qualifier\":null,"
        "\"source\":\"mtdt-2024-cong-nghiep\",\"quote\":\"công suất %u MW\"}]},"
        "\"geometry\":{\"type\":\"Point\",\"coordinates\":[%.6f,%.6f]}}\n",
        i == 0 ? "" : ",", i, i, i, synthetic_sectors[i % G_N_ELEMENTS (synthetic_sectors)], i, i % 500, i % 500, lon, lat);
    }
  g_string_append (json, "]}\n");
  g_file_set_contents (sites_path, json->str, json->len, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&dir);
}
