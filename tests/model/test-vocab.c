/* test-vocab.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <locale.h>
#include <string.h>

#include "lsm-search.h"
#include "lsm-vocab.h"

static void
test_vocab_sectors (void)
{
  LsmSector sector;

  for (guint s = 0; s < lsm_sector_get_count (); s++)
    {
      g_assert_true (lsm_sector_from_id (lsm_sector_get_id (s), &sector));
      g_assert_cmpuint (sector, ==, s);
      g_assert_nonnull (lsm_sector_get_label (s));
    }

  g_assert_true (lsm_sector_from_id ("hydro", &sector));
  g_assert_cmpstr (lsm_sector_get_id (sector), ==, "hydro");
  g_assert_false (lsm_sector_from_id ("Hydro", &sector));
  g_assert_false (lsm_sector_from_id (NULL, &sector));
  g_assert_true (lsm_sector_from_id ("border_gate", &sector));
  g_assert_cmpstr (lsm_sector_get_icon_name (sector), ==,
                   "lsm-sector-border-gate");
}

/* A row registered at run time is a sector like the built-in ones, listed at its order. */
static void
test_vocab_sector_register (void)
{
  static const LsmSectorInfo info = { "test_farming", "Farming", 0x2ec27e, LSM_SHAPE_PENTAGON, 55 };
  guint n_builtin = lsm_sector_get_count ();
  g_autofree LsmSector *list = NULL;
  LsmSector sector, found;
  guint n;

  sector = lsm_sector_register (&info);
  g_assert_cmpuint (sector, ==, n_builtin);
  g_assert_cmpuint (lsm_sector_get_count (), ==, n_builtin + 1);
  g_assert_true (lsm_sector_from_id ("test_farming", &found));
  g_assert_cmpuint (found, ==, sector);
  g_assert_cmpstr (lsm_sector_get_label (sector), ==, "Farming");
  g_assert_cmphex (lsm_sector_get_rgb (sector), ==, 0x2ec27e);
  g_assert_cmpuint (lsm_sector_get_shape (sector), ==, LSM_SHAPE_PENTAGON);
  g_assert_cmpstr (lsm_sector_get_icon_name (sector), ==, "lsm-sector-test-farming");
  g_assert_false (lsm_sector_is_builtin (sector));

  /* Registering an id again changes nothing. */
  g_assert_cmpuint (lsm_sector_register (&info), ==, sector);
  g_assert_cmpuint (lsm_sector_get_count (), ==, n_builtin + 1);

  /* Order 55: after hydropower (50), before thermal power (60). */
  list = lsm_sector_list (&n);
  g_assert_cmpuint (n, ==, n_builtin + 1);
  for (guint i = 0; i < n; i++)
    if (list[i] == sector)
      {
        g_assert_cmpstr (lsm_sector_get_id (list[i - 1]), ==, "hydro");
        g_assert_cmpstr (lsm_sector_get_id (list[i + 1]), ==, "thermal");
      }
  g_assert_cmpstr (lsm_sector_get_id (list[n - 1]), ==, "other");
}

/* Categories of a user's data: a label from the id, a style from the id alone, unlike every
 * built-in sector's; when the table is full, a clear refusal rather than a crash. */
static void
test_vocab_sector_ensure (void)
{
  LsmSector sector, again;
  gboolean full = FALSE;

  g_assert_true (lsm_sector_ensure ("hydro", &sector));
  g_assert_true (lsm_sector_is_builtin (sector));

  g_assert_true (lsm_sector_ensure ("data-centre_park", &sector));
  g_assert_cmpstr (lsm_sector_get_label (sector), ==, "Data centre park");
  g_assert_true (lsm_sector_ensure ("đường sắt", &sector));
  g_assert_cmpstr (lsm_sector_get_label (sector), ==, "Đường sắt");
  g_assert_true (lsm_sector_ensure ("đường sắt", &again));
  g_assert_cmpuint (again, ==, sector);

  for (guint i = 0; !full; i++)
    {
      g_autofree char *id = g_strdup_printf ("category_%u", i);
      guint32 rgb;

      if (!lsm_sector_ensure (id, &sector))
        {
          full = TRUE;
          g_assert_cmpuint (i, >, 10);
          break;
        }

      rgb = lsm_sector_get_rgb (sector);
      g_assert_cmpuint (lsm_sector_get_shape (sector), !=, LSM_SHAPE_RING);
      for (LsmSector s = 0; lsm_sector_is_builtin (s); s++)
        {
          guint32 other = lsm_sector_get_rgb (s);
          int dr = (int) (rgb >> 16 & 0xff) - (int) (other >> 16 & 0xff);
          int dg = (int) (rgb >> 8 & 0xff) - (int) (other >> 8 & 0xff);
          int db = (int) (rgb & 0xff) - (int) (other & 0xff);

          if (dr * dr + dg * dg + db * db <= 40 * 40)
            g_error ("%s's colour %06x is too close to %s's %06x", id, rgb, lsm_sector_get_id (s), other);
        }
    }
  g_assert_true (full);
}

static void
test_vocab_periods (void)
{
  const struct { const char *period; const char *text; } cases[] = {
    { "2022", "2022" },
    { "2021-2025", "2021–2025" },
    { "2018-Q1", "Q1 2018" },
    { "2019-01/2020-12", "01/2019 – 12/2020" },
    { "by 2030", "by 2030" },
    { "before 2030", "before 2030" },
    { "after 2030", "after 2030" },
    { "as of 2024", "as of 2024" },
  };
  const char *invalid[] = {
    "", "20222", "2025-2021", "2018-Q5", "2019-13/2020-01", "2020-12/2019-01", "by", "by 30",
    "sometime", "as of article (2024)", "2022 (target)",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = lsm_period_format (cases[i].period);

      g_assert_true (lsm_period_is_valid (cases[i].period));
      g_assert_cmpstr (text, ==, cases[i].text);
    }

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_assert_false (lsm_period_is_valid (invalid[i]));
      g_assert_null (lsm_period_format (invalid[i]));
    }
}

static void
test_vocab_numbers (void)
{
  const struct { double value; const char *text; } cases[] = {
    { 110, "110" },
    { 599.76, "599.76" },
    { 103.7, "103.7" },
    { 4121.79, "4121.79" },
    { 0.5, "0.5" },
    { -3, "-3" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = lsm_format_number (cases[i].value, FALSE);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_vocab_quantities (void)
{
  double max = 10, of = 181;
  g_autofree char *mw = lsm_format_quantity (110, NULL, NULL, "MW", LSM_QUALIFIER_NONE);
  g_autofree char *about = lsm_format_quantity (1632, NULL, NULL, "ha", LSM_QUALIFIER_ABOUT);
  g_autofree char *range = lsm_format_quantity (9, &max, NULL, "percent_per_year", LSM_QUALIFIER_NONE);
  g_autofree char *part = lsm_format_quantity (115, NULL, &of, NULL, LSM_QUALIFIER_NONE);
  g_autofree char *year = lsm_format_quantity (2005, NULL, NULL, "year", LSM_QUALIFIER_NONE);
  g_autofree char *percent = lsm_format_quantity (15.03, NULL, NULL, "percent", LSM_QUALIFIER_OVER);
  g_autofree char *count = lsm_format_quantity (35, NULL, NULL, NULL, LSM_QUALIFIER_NONE);
  g_autofree char *budget = lsm_format_quantity (101191, NULL, NULL, "million_vnd_per_year", LSM_QUALIFIER_NONE);
  g_autofree char *exact = lsm_format_quantity (12000, NULL, NULL, "million_vnd", LSM_QUALIFIER_NONE);
  g_autofree char *small = lsm_format_quantity (5200, NULL, NULL, "million_vnd", LSM_QUALIFIER_NONE);
  g_autofree char *big = lsm_format_quantity (890000000, NULL, NULL, "kWh", LSM_QUALIFIER_NONE);
  g_autofree char *negative = lsm_format_number (-4121.79, TRUE);

  /* C locale: thousands grouped with a comma all the same; the UI locale's grouping is tested
   * with the window. */
  g_assert_cmpstr (mw, ==, "110 MW");
  g_assert_cmpstr (about, ==, "about 1,632 ha");
  g_assert_cmpstr (big, ==, "890,000,000 kWh");
  g_assert_cmpstr (negative, ==, "-4,121.79");

  /* Large sums in millions as people say them, "about" when rounded. */
  g_assert_cmpstr (budget, ==, "about 101.2 billion VND/year");
  g_assert_cmpstr (exact, ==, "12 billion VND");
  g_assert_cmpstr (small, ==, "5,200 million VND");
  g_assert_cmpstr (range, ==, "9–10%/year");
  g_assert_cmpstr (part, ==, "115 of 181");
  g_assert_cmpstr (year, ==, "2005");
  g_assert_cmpstr (percent, ==, "over 15.03%");
  g_assert_cmpstr (count, ==, "35");
}

static void
test_vocab_units (void)
{
  g_assert_true (lsm_unit_is_known ("MW"));
  g_assert_true (lsm_unit_is_known ("billion_vnd"));
  g_assert_false (lsm_unit_is_known ("furlongs"));
  g_assert_false (lsm_unit_is_known (NULL));
  g_assert_cmpstr (lsm_unit_get_label ("km2"), ==, "km²");
}

static void
test_vocab_metrics (void)
{
  const char * const *ids = lsm_metric_list_ids ();
  guint n = 0;

  for (; ids[n] != NULL; n++)
    {
      const char *label = lsm_metric_get_label (ids[n]);

      g_assert_nonnull (label);
      g_assert_cmpstr (label, !=, "");
      g_assert_cmpstr (label, !=, ids[n]);
    }

  g_assert_cmpuint (n, >, 20);
  g_assert_null (lsm_metric_get_label ("no_such_metric"));
  g_assert_null (lsm_metric_get_label (NULL));
}

/* The Vietnamese translations of po/vi.po, msgctxt + "\004" + msgid → msgstr: what a
 * Vietnamese file writes, read here without a Vietnamese locale. */
static GHashTable *
read_vi_po (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "po", "vi.po", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GString) ctxt = g_string_new (NULL);
  g_autoptr(GString) id = g_string_new (NULL);
  g_autoptr(GString) str = g_string_new (NULL);
  GString *current = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; ; i++)
    {
      const char *line = lines[i];
      const char *quote;

      if (line == NULL || *line == '\0' || g_str_has_prefix (line, "msgctxt "))
        {
          if (id->len > 0 && str->len > 0)
            g_hash_table_insert (table, g_strdup_printf ("%s\004%s", ctxt->str, id->str), g_strdup (str->str));
          g_string_truncate (ctxt, 0);
          g_string_truncate (id, 0);
          g_string_truncate (str, 0);
          current = NULL;
          if (line == NULL)
            break;
        }

      if (g_str_has_prefix (line, "msgctxt "))
        current = ctxt;
      else if (g_str_has_prefix (line, "msgid "))
        current = id;
      else if (g_str_has_prefix (line, "msgstr "))
        current = str;
      else if (*line != '"')
        continue;

      if (current != NULL && (quote = strchr (line, '"')) != NULL)
        {
          g_autofree char *inner = g_strndup (quote + 1, strlen (quote + 1) - 1);
          g_autofree char *text = g_strcompress (inner);

          g_string_append (current, text);
        }
    }

  return table;
}

static const char *
vi_label (GHashTable *po,
          const char *context,
          const char *msgid)
{
  g_autofree char *key = g_strdup_printf ("%s\004%s", context, msgid);
  const char *label = g_hash_table_lookup (po, key);

  g_assert_nonnull (label);
  return label;
}

/* A user's file written in Vietnamese names sectors and statuses alike in every interface
 * language, with or without diacritics; and English ones too. The test runs in C.UTF-8. */
static void
test_vocab_vietnamese_names (void)
{
  g_autoptr(GHashTable) po = read_vi_po ();
  LsmSector sector, hydro;
  LsmStatus status;
  LsmPrecision precision;

  for (LsmSector s = 0; lsm_sector_is_builtin (s); s++)
    {
      const char *vi = vi_label (po, "sector", lsm_sector_get_label (s));
      g_autofree char *plain = lsm_search_fold (vi);

      g_test_message ("%s: %s", lsm_sector_get_id (s), vi);
      g_assert_true (lsm_sector_from_text (vi, &sector));
      g_assert_cmpuint (sector, ==, s);
      g_assert_true (lsm_sector_from_text (plain, &sector));
      g_assert_cmpuint (sector, ==, s);
    }
  g_assert_true (lsm_sector_from_id ("hydro", &hydro));
  g_assert_true (lsm_sector_from_text ("thuy dien", &sector));
  g_assert_cmpuint (sector, ==, hydro);
  g_assert_true (lsm_sector_from_text ("Nhà máy thuỷ điện", &sector));
  g_assert_cmpuint (sector, ==, hydro);
  g_assert_true (lsm_sector_from_text ("HYDROPOWER", &sector));
  g_assert_cmpuint (sector, ==, hydro);
  g_assert_false (lsm_sector_from_text ("thuy", &sector));

  for (LsmStatus s = LSM_STATUS_OPERATING; s < LSM_N_STATUSES; s++)
    {
      g_assert_true (lsm_status_from_text (vi_label (po, "status", lsm_status_get_label (s)), &status));
      g_assert_cmpuint (status, ==, s);
    }
  g_assert_true (lsm_status_from_text ("Đang vận hành", &status));
  g_assert_cmpuint (status, ==, LSM_STATUS_OPERATING);
  g_assert_true (lsm_status_from_text ("dang van hanh", &status));
  g_assert_cmpuint (status, ==, LSM_STATUS_OPERATING);
  g_assert_true (lsm_status_from_text ("Đang thi công", &status));
  g_assert_cmpuint (status, ==, LSM_STATUS_UNDER_CONSTRUCTION);

  for (LsmPrecision p = 0; p < LSM_N_PRECISIONS; p++)
    {
      g_assert_true (lsm_precision_from_text (vi_label (po, "precision", lsm_precision_get_label (p)), &precision));
      g_assert_cmpuint (precision, ==, p);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lsm/vocab/sectors", test_vocab_sectors);
  g_test_add_func ("/lsm/vocab/sector-register", test_vocab_sector_register);
  g_test_add_func ("/lsm/vocab/sector-ensure", test_vocab_sector_ensure);
  g_test_add_func ("/lsm/vocab/periods", test_vocab_periods);
  g_test_add_func ("/lsm/vocab/numbers", test_vocab_numbers);
  g_test_add_func ("/lsm/vocab/quantities", test_vocab_quantities);
  g_test_add_func ("/lsm/vocab/units", test_vocab_units);
  g_test_add_func ("/lsm/vocab/metrics", test_vocab_metrics);
  g_test_add_func ("/lsm/vocab/vietnamese-names", test_vocab_vietnamese_names);

  return g_test_run ();
}
