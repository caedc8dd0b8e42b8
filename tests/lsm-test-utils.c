/* lsm-test-utils.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

#include <gdal.h>
#include <gdal_utils.h>
#include <ogr_api.h>
#include <string.h>

#include "lsm-loader.h"
#include "lsm-test-utils.h"
#include "lsm-vocab.h"

/* @path, a folder or a file, which must load. */
LsmCatalog *
lsm_test_load (const char *path)
{
  g_autoptr(LsmLoader) loader = lsm_loader_new (path);
  g_autoptr(GError) error = NULL;
  LsmCatalog *catalog = lsm_loader_load (loader, NULL, &error);

  g_assert_no_error (error);
  return catalog;
}

/* The bundled data, as LSMAP_DATA_DIR names it for the tests. */
LsmCatalog *
lsm_test_load_bundled (void)
{
  return lsm_test_load (g_getenv ("LSMAP_DATA_DIR"));
}

/* Copies the files @names (NULL-terminated) from the folder @from to the folder @to. */
void
lsm_test_copy_files (const char         *from,
                     const char         *to,
                     const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *source = g_build_filename (from, names[i], NULL);
      g_autofree char *target = g_build_filename (to, names[i], NULL);
      g_autofree char *contents = NULL;
      gsize len;

      g_assert_true (g_file_get_contents (source, &contents, &len, NULL));
      g_assert_true (g_file_set_contents (target, contents, len, NULL));
    }
}

void
lsm_test_remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        lsm_test_remove_dir (path);
      else
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

static char *
pdf_text (const char *path,
          const char *mode)
{
  const char *argv[] = { "pdftotext", mode, path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return out;
}

/* What a reader of the PDF gets as text (poppler's pdftotext). */
char *
lsm_test_pdf_text (const char *path)
{
  return pdf_text (path, "-layout");
}

/* The PDF's text in the order it is drawn, so that a wrapped cell of a table reads on. */
char *
lsm_test_pdf_raw_text (const char *path)
{
  return pdf_text (path, "-raw");
}

/* @text with each run of spaces, line and page breaks made one space. */
char *
lsm_test_squeeze (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \n\f", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_string_append_printf (out, out->len > 0 ? " %s" : "%s", words[i]);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

void
lsm_test_assert_contains (const char *haystack,
                          const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” not found in:\n%s", needle, haystack);
}

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
  g_autofree char *figures_path = g_build_filename (dir, "figures.csv", NULL);
  const char *bundled = lsm_loader_get_default_data_dir ();
  const char *copies[] = { "districts.geojson", "province.geojson", "context.geojson", "sources.csv", "sources.csvt",
                           "figures.csvt" };
  g_autoptr(GString) json = g_string_new ("{\"type\":\"FeatureCollection\",\"features\":[\n");
  /* One figure per site, in the columns of the bundled table (its .csvt is copied). */
  g_autoptr(GString) figures = g_string_new ("id,subject_kind,subject,metric,value,value_text,value_en,value_max,"
                                             "value_of,unit,period,period_note_vi,period_note_en,status,qualifier,"
                                             "relates_to,source,quote,note_vi,note_en,crosscheck_source,"
                                             "crosscheck_note_vi,crosscheck_note_en\n");
  g_autoptr(GRand) rand = g_rand_new_with_seed (LSM_TEST_SYNTHETIC_SEED);
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
      char lon_text[G_ASCII_DTOSTR_BUF_SIZE], lat_text[G_ASCII_DTOSTR_BUF_SIZE];

      if (i < n_on_one_point)
        {
          lon = 106.75;
          lat = 21.85;
        }

      /* A point, not the locale's comma: suites also run in Vietnamese. */
      g_ascii_formatd (lon_text, sizeof lon_text, "%.6f", lon);
      g_ascii_formatd (lat_text, sizeof lat_text, "%.6f", lat);
      g_string_append_printf (json,
        "%s{\"type\":\"Feature\",\"properties\":{\"id\":\"s%u\",\"name\":\"Nhà máy thử nghiệm số %u\","
        "\"name_en\":\"Test plant %u\",\"sector\":\"%s\",\"subtype\":\"test\",\"district\":null,"
        "\"commune\":null,\"status\":\"operating\",\"precision\":\"exact\",\"coord_method\":\"synthetic\","
        "\"coord_source\":\"lsm-bench\"},"
        "\"geometry\":{\"type\":\"Point\",\"coordinates\":[%s,%s]}}\n",
        i == 0 ? "" : ",", i, i, i, lsm_sector_get_id (i % lsm_sector_get_count ()), lon_text, lat_text);
      g_string_append_printf (figures, "f%u,site,s%u,capacity,%u,,,,,MW,2022,,,operating,,,mtdt-2024-cong-nghiep,"
                              "công suất %u MW,,,,,\n", i, i, i % 500, i % 500);
    }
  g_string_append (json, "]}\n");
  g_file_set_contents (sites_path, json->str, json->len, &error);
  g_assert_no_error (error);
  g_file_set_contents (figures_path, figures->str, figures->len, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&dir);
}

/* A sector of the table, by its id. */
LsmSector
lsm_test_sector (const char *id)
{
  LsmSector sector = LSM_SECTOR_INVALID;

  if (!lsm_sector_from_id (id, &sector))
    g_error ("no sector “%s” in the table", id);

  return sector;
}

/* Whether two colours (0xRRGGBB, any alpha above) are the same but for rounding. */
gboolean
lsm_test_rgb_near (guint32 a,
                   guint32 b)
{
  for (int shift = 0; shift < 24; shift += 8)
    if (ABS ((int) ((a >> shift) & 0xff) - (int) ((b >> shift) & 0xff)) > 3)
      return FALSE;

  return TRUE;
}

/* @from written anew as @to by GDAL (ogr2ogr's options in @argv), as a user's own tools would. */
static void
translate_vector (const char *from,
                  const char *to,
                  char      **argv)
{
  GDALVectorTranslateOptions *options = GDALVectorTranslateOptionsNew (argv, NULL);
  GDALDatasetH src, out;
  int usage_error = 0;

  lsm_loader_ensure_drivers ();
  src = GDALOpenEx (from, GDAL_OF_VECTOR, NULL, NULL, NULL);
  g_assert_nonnull (src);
  out = GDALVectorTranslate (to, NULL, 1, &src, options, &usage_error);
  g_assert_nonnull (out);
  GDALClose (out);
  GDALClose (src);
  GDALVectorTranslateOptionsFree (options);
}

void
lsm_test_translate_vector (const char *from,
                           const char *to,
                           char      **argv)
{
  translate_vector (from, to, argv);
}

/* A GeoPackage written by GDAL, as a user's own tools would write it, from a fixture. */
char *
lsm_test_write_gpkg (const char *fixture,
                     const char *dir)
{
  g_autofree char *src_path = g_test_build_filename (G_TEST_DIST, "fixtures", fixture, NULL);
  char *gpkg = g_build_filename (dir, "user-sites.gpkg", NULL);
  char *argv[] = { "-f", "GPKG", NULL };

  translate_vector (src_path, gpkg, argv);
  return gpkg;
}

/**
 * lsm_test_postgis:
 *
 * Returns: the "PG:…" connection string of the database tests/pg-run.sh made for this test
 *   program. Not a skip: the tests that need it always run under that script.
 */
const char *
lsm_test_postgis (void)
{
  const char *pg = g_getenv ("LSMAP_TEST_PG");

  if (pg == NULL)
    g_error ("LSMAP_TEST_PG is not set: run this test through tests/pg-run.sh");
  return pg;
}

/**
 * lsm_test_postgis_server:
 * @what: "--stop" or "--start"
 *
 * Stops or starts again the server of lsm_test_postgis().
 */
void
lsm_test_postgis_server (const char *what)
{
  const char *argv[] = { g_getenv ("LSMAP_TEST_PG_CTL"), what, NULL };
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_nonnull (argv[0]);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

/* Writes @n_sites synthetic sites over the province, one figure each, beside copies of the
 * bundled boundaries and tables, into a new folder under /tmp: the data of the memory and
 * streaming checks. Written as it goes, so that a million sites need no buffer. */
char *
lsm_test_make_synthetic_data (guint n_sites)
{
  const char * const copies[] = { "districts.geojson", "province.geojson", "context.geojson", "sources.csv",
                                  "sources.csvt", "figures.csvt", NULL };
  g_autofree char *dir = g_dir_make_tmp ("lsmap-synthetic-XXXXXX", NULL);
  g_autofree char *sites_path = g_build_filename (dir, "sites.geojson", NULL);
  g_autofree char *figures_path = g_build_filename (dir, "figures.csv", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (LSM_TEST_SYNTHETIC_SEED);
  FILE *sites, *figures;

  g_assert_nonnull (dir);
  lsm_test_copy_files (lsm_loader_get_default_data_dir (), dir, copies);
  sites = fopen (sites_path, "w");
  figures = fopen (figures_path, "w");
  g_assert_nonnull (sites);
  g_assert_nonnull (figures);

  fputs ("{\"type\":\"FeatureCollection\",\"features\":[\n", sites);
  fputs ("id,subject_kind,subject,metric,value,value_text,value_en,value_max,value_of,unit,period,"
         "period_note_vi,period_note_en,status,qualifier,relates_to,source,quote,note_vi,note_en,"
         "crosscheck_source,crosscheck_note_vi,crosscheck_note_en\n", figures);
  for (guint i = 0; i < n_sites; i++)
    {
      double lon = g_rand_double_range (rand, 106.2, 107.3);
      double lat = g_rand_double_range (rand, 21.4, 22.4);
      char lon_text[G_ASCII_DTOSTR_BUF_SIZE], lat_text[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (lon_text, sizeof lon_text, "%.6f", lon);
      g_ascii_formatd (lat_text, sizeof lat_text, "%.6f", lat);
      fprintf (sites, "%s{\"type\":\"Feature\",\"properties\":{\"id\":\"s%u\",\"name\":\"Nhà máy thử nghiệm số %u\","
               "\"name_en\":\"Test plant %u\",\"sector\":\"%s\",\"subtype\":\"test\",\"status\":\"operating\","
               "\"precision\":\"exact\",\"coord_method\":\"synthetic\",\"coord_source\":\"synthetic\"},"
               "\"geometry\":{\"type\":\"Point\",\"coordinates\":[%s,%s]}}\n",
               i == 0 ? "" : ",", i, i, i, lsm_sector_get_id (i % lsm_sector_get_count ()), lon_text, lat_text);
      fprintf (figures, "f%u,site,s%u,capacity,%u,,,,,MW,2022,,,operating,,,mtdt-2024-cong-nghiep,"
               "công suất %u MW,,,,,\n", i, i, i % 500, i % 500);
    }
  fputs ("]}\n", sites);
  g_assert_cmpint (fclose (sites), ==, 0);
  g_assert_cmpint (fclose (figures), ==, 0);

  return g_steal_pointer (&dir);
}

/* Runs @argv with its output thrown away; returns the child's peak resident set in KiB, from
 * its own rusage (wait4), so that earlier children do not count. */
glong
lsm_test_run_peak_rss (const char * const *argv,
                       int                *exit_status)
{
  g_autoptr(GError) error = NULL;
  struct rusage usage;
  GPid pid;
  int status;

  g_spawn_async (NULL, (char **) argv, NULL,
                 G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                 NULL, NULL, &pid, &error);
  g_assert_no_error (error);
  g_assert_cmpint (wait4 (pid, &status, 0, &usage), ==, pid);
  g_spawn_close_pid (pid);

  if (exit_status != NULL)
    *exit_status = WIFEXITED (status) ? WEXITSTATUS (status) : -1;

  return usage.ru_maxrss;
}

/* What any GDAL program must do at least: open each file and read every field of every feature. */
double
lsm_test_time_ogr_read (const char * const *paths)
{
  gint64 start = g_get_monotonic_time ();
  volatile double sink = 0;

  for (guint f = 0; paths[f] != NULL; f++)
    {
      GDALDatasetH ds = GDALOpenEx (paths[f], GDAL_OF_VECTOR | GDAL_OF_READONLY, NULL, NULL, NULL);

      g_assert_nonnull (ds);
      for (int l = 0; l < GDALDatasetGetLayerCount (ds); l++)
        {
          OGRLayerH layer = GDALDatasetGetLayer (ds, l);
          OGRFeatureH feature;

          while ((feature = OGR_L_GetNextFeature (layer)) != NULL)
            {
              OGRGeometryH geometry = OGR_F_GetGeometryRef (feature);

              for (int i = 0; i < OGR_F_GetFieldCount (feature); i++)
                sink += strlen (OGR_F_GetFieldAsString (feature, i));
              if (geometry != NULL)
                sink += OGR_G_GetPointCount (geometry);
              OGR_F_Destroy (feature);
            }
        }
      GDALClose (ds);
    }

  return (g_get_monotonic_time () - start) / 1000.0;
}

/* The synthetic sites of @dir as one file of another format, as GDAL writes it. */
char *
lsm_test_convert_sites (const char *dir,
                        const char *driver,
                        const char *name)
{
  g_autofree char *from = g_build_filename (dir, "sites.geojson", NULL);
  char *to = g_build_filename (dir, name, NULL);
  char *argv[] = { "-f", (char *) driver, "-nln", "sites", NULL };

  translate_vector (from, to, argv);
  return to;
}

/**
 * lsm_test_files_read_by_load:
 * @dir: a folder of synthetic data (lsm_test_make_synthetic_dir())
 * @sites: (nullable): its sites in another format, loaded in place of the folder; their
 *   boundaries then come from the bundled data, their tables from beside them
 *
 * Returns: (transfer full): every file lsm_loader_load() reads for that source, for a bare OGR
 *   read of the same files
 */
char **
lsm_test_files_read_by_load (const char *dir,
                             const char *sites)
{
  const char * const boundaries[] = { "districts.geojson", "province.geojson", "context.geojson",
                                      "communes-2025.geojson" };
  const char * const tables[] = { "sources.csv", "figures.csv" };
  const char *from = sites != NULL ? lsm_loader_get_default_data_dir () : dir;
  GPtrArray *files = g_ptr_array_new ();

  g_ptr_array_add (files, sites != NULL ? g_strdup (sites) : g_build_filename (dir, "sites.geojson", NULL));
  for (guint i = 0; i < G_N_ELEMENTS (boundaries); i++)
    g_ptr_array_add (files, g_build_filename (from, boundaries[i], NULL));
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    g_ptr_array_add (files, g_build_filename (dir, tables[i], NULL));

  /* A folder without the units of 2025 loads without them. */
  for (guint i = files->len; i > 0; i--)
    if (!g_file_test (g_ptr_array_index (files, i - 1), G_FILE_TEST_EXISTS))
      g_free (g_ptr_array_steal_index (files, i - 1));
  g_ptr_array_add (files, NULL);

  return (char **) g_ptr_array_free (files, FALSE);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* The median of @n timings (NAN for none), leaving them in their order. */
double
lsm_test_median (const double *values,
                 guint         n)
{
  g_autofree double *sorted = g_memdup2 (values, n * sizeof (double));

  if (n == 0)
    return NAN;
  qsort (sorted, n, sizeof (double), compare_doubles);
  return n % 2 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}
