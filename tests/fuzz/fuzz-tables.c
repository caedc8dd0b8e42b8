/* fuzz-tables.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lsm-fuzz.h"

/* The tables of a data folder as the loader reads them through GDAL: the input is the folder's
 * figures table and, read again, its sources table, beside the sites and districts of
 * tests/fixtures/mini, so that rows can name real sites and the cross-checks run. The first
 * byte says how: bit 0 adds the bundled figures.csvt, bit 1 sources.csvt (without them a CSV
 * is text only), bit 2 names the tables .xlsx, bit 3 .ods (GDAL then goes by the bytes). */

enum {
  WITH_FIGURES_TYPES = 1 << 0,
  WITH_SOURCES_TYPES = 1 << 1,
  AS_XLSX = 1 << 2,
  AS_ODS = 1 << 3,
};

static void
copy_reference_file (const char *dir,
                     const char *name)
{
  g_autofree char *from = g_build_filename (LSM_FUZZ_REFERENCE_DIR, name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize len = 0;

  g_file_get_contents (from, &contents, &len, &error);
  g_assert_no_error (error);
  g_free (lsm_fuzz_write_file (dir, name, (const guint8 *) contents, len));
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(LsmCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *figures = NULL;
  g_autofree char *sources = NULL;
  const char *extension;
  guint8 how;

  if (size < 1)
    return 0;

  lsm_fuzz_init ();

  how = data[0];
  data++;
  size--;
  extension = (how & AS_XLSX) != 0 ? "xlsx" : (how & AS_ODS) != 0 ? "ods" : "csv";

  dir = lsm_fuzz_make_dir ();
  copy_reference_file (dir, "districts.geojson");
  copy_reference_file (dir, "sites.geojson");
  if ((how & WITH_FIGURES_TYPES) != 0)
    copy_reference_file (dir, "figures.csvt");
  if ((how & WITH_SOURCES_TYPES) != 0)
    copy_reference_file (dir, "sources.csvt");

  figures = g_strconcat ("figures.", extension, NULL);
  sources = g_strconcat ("sources.", extension, NULL);
  g_free (lsm_fuzz_write_file (dir, figures, data, size));
  g_free (lsm_fuzz_write_file (dir, sources, data, size));

  /* A bad table is a problem line, never the end of the load. */
  catalog = lsm_fuzz_load_dir (dir, &error);
  g_assert_no_error (error);

  lsm_fuzz_remove_dir (dir);
  return 0;
}
