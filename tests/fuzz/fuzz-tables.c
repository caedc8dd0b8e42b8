/* fuzz-tables.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lsm-catalog-private.h"
#include "lsm-fuzz.h"
#include "lsm-json-reader.h"

/* The JSON tables of a data folder, sources.json and aggregates.json: each input is read as
 * both, then the catalog's cross-checks run over what was read. */

static void
check_problems (LsmCatalog *catalog)
{
  for (const char * const *p = lsm_catalog_get_problems (catalog); *p != NULL; p++)
    lsm_fuzz_assert_text (*p);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(LsmCatalog) catalog = lsm_catalog_new ();
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GPtrArray) figures = NULL;
  g_autoptr(GError) sources_error = NULL;
  g_autoptr(GError) figures_error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *sources_path = NULL;
  g_autofree char *aggregates_path = NULL;

  lsm_fuzz_init ();

  dir = lsm_fuzz_make_dir ();
  sources_path = lsm_fuzz_write_file (dir, "sources.json", data, size);
  aggregates_path = lsm_fuzz_write_file (dir, "aggregates.json", data, size);

  sources = _lsm_json_read_sources (sources_path, catalog, &sources_error);
  g_assert_true ((sources == NULL) == (sources_error != NULL));
  if (sources != NULL)
    _lsm_catalog_set_sources (catalog, sources);
  else
    lsm_fuzz_assert_text (sources_error->message);

  figures = _lsm_json_read_aggregates (aggregates_path, catalog, &figures_error);
  g_assert_true ((figures == NULL) == (figures_error != NULL));
  if (figures != NULL)
    _lsm_catalog_set_aggregates (catalog, figures, "aggregates.json");
  else
    lsm_fuzz_assert_text (figures_error->message);

  _lsm_catalog_check (catalog);
  check_problems (catalog);

  lsm_fuzz_remove_dir (dir);
  return 0;
}
