/* fuzz-folder.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "lsm-fuzz.h"

/* A whole data folder, loaded as the application loads one. One input holds all its files:
 *
 *   --- sources.csv
 *   id,kind,title,…
 *   --- sites.geojson
 *   {"type": "FeatureCollection", …}
 *
 * A line "--- NAME" starts a file; the newline before it belongs to the separator. Only the
 * names the loader reads are written, so an input cannot put a file anywhere else. */

#define SEPARATOR "--- "

static const char * const folder_files[] = {
  "figures.csv",
  "figures.csvt",
  "figures.xlsx",
  "figures.ods",
  "sources.csv",
  "sources.csvt",
  "sources.xlsx",
  "sources.ods",
  "districts.geojson",
  "province.geojson",
  "context.geojson",
  "sites.geojson",
};

/* Where the next "--- " at the start of a line begins, or @end. */
static const guint8 *
find_separator (const guint8 *data,
                const guint8 *from,
                const guint8 *end)
{
  for (const guint8 *p = from; p + strlen (SEPARATOR) <= end; p++)
    if ((p == data || p[-1] == '\n') && memcmp (p, SEPARATOR, strlen (SEPARATOR)) == 0)
      return p;

  return end;
}

static gboolean
is_folder_file (const guint8 *name,
                gsize         len)
{
  for (guint i = 0; i < G_N_ELEMENTS (folder_files); i++)
    if (strlen (folder_files[i]) == len && memcmp (name, folder_files[i], len) == 0)
      return TRUE;

  return FALSE;
}

static void
write_files (const char   *dir,
             const guint8 *data,
             gsize         size)
{
  const guint8 *end = data + size;
  const guint8 *p = find_separator (data, data, end);

  while (p < end)
    {
      const guint8 *name = p + strlen (SEPARATOR);
      const guint8 *eol = memchr (name, '\n', end - name);
      const guint8 *contents = eol != NULL ? eol + 1 : end;
      const guint8 *next = find_separator (data, contents, end);
      const guint8 *contents_end = next < end ? next - 1 : end;

      if (eol != NULL && is_folder_file (name, eol - name))
        {
          g_autofree char *file = g_strndup ((const char *) name, eol - name);

          g_free (lsm_fuzz_write_file (dir, file, contents, MAX (contents, contents_end) - contents));
        }

      p = next;
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(LsmCatalog) catalog = NULL;
  g_autofree char *dir = NULL;

  lsm_fuzz_init ();

  dir = lsm_fuzz_make_dir ();
  write_files (dir, data, size);

  /* Either a catalog or a reason, in words that can be shown. */
  catalog = lsm_fuzz_load_dir (dir, NULL);

  lsm_fuzz_remove_dir (dir);
  return 0;
}
