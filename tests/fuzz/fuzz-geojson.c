/* fuzz-geojson.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lsm-catalog.h"
#include "lsm-fuzz.h"
#include "lsm-loader.h"

/* One vector file as `lsmap --validate` reads it: GDAL opens it, the layer is recognised,
 * its features and figures are converted and checked against reference data. The file is
 * called sites.geojson, but GDAL goes by its contents, so other formats get tried too. */

static LsmCatalog *
get_reference (void)
{
  static LsmCatalog *reference;

  if (reference == NULL)
    {
      g_autoptr(LsmLoader) loader = lsm_loader_new (LSM_FUZZ_REFERENCE_DIR);
      g_autoptr(GError) error = NULL;

      reference = lsm_loader_load (loader, NULL, &error);
      g_assert_no_error (error);
    }

  return reference;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  gboolean valid;

  lsm_fuzz_init ();

  dir = lsm_fuzz_make_dir ();
  path = lsm_fuzz_write_file (dir, "sites.geojson", data, size);

  valid = lsm_loader_validate_file (path, get_reference (), problems);

  /* An invalid file is always told why. */
  g_assert_true (valid || problems->len > 0);
  for (guint i = 0; i < problems->len; i++)
    lsm_fuzz_assert_text (g_ptr_array_index (problems, i));

  lsm_fuzz_remove_dir (dir);
  return 0;
}
