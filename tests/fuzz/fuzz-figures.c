/* fuzz-figures.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lsm-catalog-private.h"
#include "lsm-figure.h"
#include "lsm-fuzz.h"
#include "lsm-json-reader.h"

/* The "figures" property of a site or district: GDAL hands it out as a NUL-terminated
 * string, which the property scanner and the figure reader turn into figures. */

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(LsmCatalog) catalog = lsm_catalog_new ();
  g_autoptr(GPtrArray) figures = NULL;
  g_autofree char *text = NULL;

  lsm_fuzz_init ();

  text = g_strndup ((const char *) data, size);
  figures = _lsm_json_read_figures (text, "sites.geojson", "site-1", catalog);

  g_assert_nonnull (figures);
  for (guint i = 0; i < figures->len; i++)
    g_assert_true (LSM_IS_FIGURE (g_ptr_array_index (figures, i)));
  for (const char * const *p = lsm_catalog_get_problems (catalog); *p != NULL; p++)
    lsm_fuzz_assert_text (*p);

  return 0;
}
