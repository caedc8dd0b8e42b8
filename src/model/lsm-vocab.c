/* lsm-vocab.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-vocab"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "lsm-term-private.h"
#include "lsm-vocab.h"

static const LsmTerm statuses[LSM_N_STATUSES] = {
  { NULL, NULL },
  /* The aliases: the Vietnamese label first, then what Vietnamese files also write. */
  { "operating", NC_("status", "Operating"),
    "Đang hoạt động|Đang vận hành|Hoạt động|Vận hành|Đã vận hành" },
  { "under_construction", NC_("status", "Under construction"),
    "Đang xây dựng|Đang thi công|Xây dựng|Thi công" },
  { "planned", NC_("status", "Planned"), "Quy hoạch|Kế hoạch|Trong quy hoạch" },
  { "proposed", NC_("status", "Proposed"), "Đề xuất|Đề nghị|Kiến nghị" },
  { "target", NC_("status", "Target"), "Mục tiêu" },
  { "unknown", NC_("status", "Unknown"), "Chưa rõ|Không rõ" },
};

static const LsmTerm precisions[LSM_N_PRECISIONS] = {
  { "unknown", NC_("precision", "Location unknown"), "Chưa rõ vị trí|Chưa rõ|Không rõ" },
  { "exact", NC_("precision", "Exact position"), "Vị trí chính xác|Chính xác" },
  { "approx", NC_("precision", "Approximate: a nearby or containing place"),
    "Gần đúng: một địa điểm lân cận hoặc bao quanh|Gần đúng|Ước lượng|Xấp xỉ" },
  { "commune", NC_("precision", "A point in the commune, not the site itself"),
    "Một điểm trong xã, không phải chính địa điểm|Xã|Cấp xã" },
  { "district", NC_("precision", "Known only to the district: no point, counted beside its name"),
    "Chỉ biết thuộc huyện: không vẽ điểm, đếm cạnh tên huyện|Huyện|Cấp huyện" },
};

/* The labels are formats: the qualified quantity. */
static const LsmTerm qualifiers[LSM_N_QUALIFIERS] = {
  { NULL, NULL },
  /* Translators: %s is a number with its unit, e.g. "about 1,632 ha" */
  { "about", N_("about %s") },
  /* Translators: %s is a number with its unit ("trên") */
  { "over", N_("over %s") },
  /* Translators: %s is a number with its unit ("hơn") */
  { "more_than", N_("more than %s") },
  /* Translators: %s is a number with its unit ("gần") */
  { "nearly", N_("nearly %s") },
  /* Translators: %s is a number with its unit ("ít nhất") */
  { "at_least", N_("at least %s") },
  /* Translators: %s is a number with its unit ("khoảng trên") */
  { "about_over", N_("a little over %s") },
  /* Translators: %s is a number with its unit ("khoảng gần") */
  { "about_nearly", N_("almost %s") },
  /* Translators: %s is a number with its unit ("ước đạt") */
  { "estimated", N_("an estimated %s") },
};

typedef struct
{
  LsmTerm  term;
  gboolean attached; /* written without a space after the number */
} Unit;

static const Unit units[] = {
  { { "ha", NC_("unit", "ha") }, FALSE },
  { { "km2", NC_("unit", "km²") }, FALSE },
  { { "km", NC_("unit", "km") }, FALSE },
  { { "MW", NC_("unit", "MW") }, FALSE },
  { { "kWp", NC_("unit", "kWp") }, FALSE },
  { { "kWh", NC_("unit", "kWh") }, FALSE },
  { { "million_kWh", NC_("unit", "million kWh") }, FALSE },
  { { "percent", NC_("unit", "%") }, TRUE },
  { { "percent_per_year", NC_("unit", "%/year") }, TRUE },
  { { "billion_vnd", NC_("unit", "billion VND") }, FALSE },
  { { "million_vnd", NC_("unit", "million VND") }, FALSE },
  { { "million_vnd_per_year", NC_("unit", "million VND/year") }, FALSE },
  { { "billion_vnd_per_year", NC_("unit", "billion VND/year") }, FALSE },
  { { "million_vnd_per_person_year", NC_("unit", "million VND per person per year") }, FALSE },
  { { "million_usd", NC_("unit", "million USD") }, FALSE },
  { { "thousand_people", NC_("unit", "thousand people") }, FALSE },
  { { "t", NC_("unit", "t") }, FALSE },
  { { "thousand_t", NC_("unit", "thousand t") }, FALSE },
  { { "million_t_per_year", NC_("unit", "million t/year") }, FALSE },
  { { "m3", NC_("unit", "m³") }, FALSE },
  { { "thousand_m3", NC_("unit", "thousand m³") }, FALSE },
  { { "million_m3_per_year", NC_("unit", "million m³/year") }, FALSE },
  { { "ha_per_year", NC_("unit", "ha/year") }, FALSE },
  { { "m_per_s", NC_("unit", "m/s") }, FALSE },
  { { "pieces", NC_("unit", "pieces") }, FALSE },
  { { "year", NULL }, FALSE },
};

static const LsmTermTable status_table = LSM_TERM_TABLE ("status", statuses);
static const LsmTermTable precision_table = LSM_TERM_TABLE ("precision", precisions);
static const LsmTermTable qualifier_table = LSM_TERM_TABLE (NULL, qualifiers);
static const LsmTermTable unit_table = LSM_TERM_TABLE ("unit", units);

LSM_DEFINE_TERM_ACCESSORS (LsmStatus, lsm_status, status_table)
LSM_DEFINE_TERM_ACCESSORS (LsmPrecision, lsm_precision, precision_table)
LSM_DEFINE_TERM_ACCESSORS (LsmQualifier, lsm_qualifier, qualifier_table)

static const Unit *
unit_lookup (const char *id)
{
  guint index;

  if (!_lsm_term_table_find (&unit_table, id, &index))
    return NULL;

  return &units[index];
}

gboolean
lsm_unit_is_known (const char *unit)
{
  return unit_lookup (unit) != NULL;
}

const char *
lsm_unit_get_label (const char *unit)
{
  guint index;

  if (!_lsm_term_table_find (&unit_table, unit, &index))
    return unit;

  return _lsm_term_table_get_label (&unit_table, index);
}

static gboolean
parse_year (const char *s,
            gsize       len,
            guint      *year)
{
  guint64 v = 0;

  if (len != 4)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isdigit (s[i]))
        return FALSE;
      v = v * 10 + (s[i] - '0');
    }

  if (v < 1900 || v > 2100)
    return FALSE;

  *year = (guint) v;
  return TRUE;
}

static gboolean
parse_month (const char *s,
             guint      *year,
             guint      *month)
{
  /* YYYY-MM */
  if (strlen (s) != 7 || s[4] != '-' || !parse_year (s, 4, year))
    return FALSE;
  if (!g_ascii_isdigit (s[5]) || !g_ascii_isdigit (s[6]))
    return FALSE;

  *month = (s[5] - '0') * 10 + (s[6] - '0');
  return *month >= 1 && *month <= 12;
}

typedef enum
{
  PERIOD_INVALID,
  PERIOD_YEAR,
  PERIOD_YEARS,
  PERIOD_QUARTER,
  PERIOD_MONTHS,
  PERIOD_BY,
  PERIOD_BEFORE,
  PERIOD_AFTER,
  PERIOD_AS_OF,
} PeriodKind;

typedef struct
{
  PeriodKind kind;
  guint      a;
  guint      b;
  guint      c;
  guint      d;
} Period;

static Period
period_parse (const char *s)
{
  static const struct { const char *prefix; PeriodKind kind; } prefixed[] = {
    { "by ", PERIOD_BY },
    { "before ", PERIOD_BEFORE },
    { "after ", PERIOD_AFTER },
    { "as of ", PERIOD_AS_OF },
  };
  Period p = { PERIOD_INVALID };
  gsize len;

  if (s == NULL)
    return p;

  len = strlen (s);

  for (guint i = 0; i < G_N_ELEMENTS (prefixed); i++)
    {
      gsize plen = strlen (prefixed[i].prefix);

      if (g_str_has_prefix (s, prefixed[i].prefix))
        {
          if (parse_year (s + plen, len - plen, &p.a))
            p.kind = prefixed[i].kind;
          return p;
        }
    }

  if (parse_year (s, len, &p.a))
    p.kind = PERIOD_YEAR;
  else if (len == 9 && s[4] == '-' && parse_year (s, 4, &p.a) && parse_year (s + 5, 4, &p.b) && p.a < p.b)
    p.kind = PERIOD_YEARS;
  else if (len == 7 && s[4] == '-' && s[5] == 'Q' && s[6] >= '1' && s[6] <= '4' && parse_year (s, 4, &p.a))
    {
      p.b = s[6] - '0';
      p.kind = PERIOD_QUARTER;
    }
  else if (len == 15 && s[7] == '/')
    {
      g_autofree char *first = g_strndup (s, 7);

      if (parse_month (first, &p.a, &p.b) && parse_month (s + 8, &p.c, &p.d)
          && p.a * 12 + p.b <= p.c * 12 + p.d)
        p.kind = PERIOD_MONTHS;
    }

  return p;
}

gboolean
lsm_period_is_valid (const char *period)
{
  return period_parse (period).kind != PERIOD_INVALID;
}

/**
 * lsm_period_format:
 * @period: a period in the data's notation ("2021-2025", "by 2030", "2018-Q1", …)
 *
 * Returns: (transfer full) (nullable): the period in the user's language, or %NULL if
 *   @period is not in the data's notation.
 */
char *
lsm_period_format (const char *period)
{
  Period p = period_parse (period);

  switch (p.kind)
    {
    case PERIOD_YEAR:
      return g_strdup_printf ("%u", p.a);
    case PERIOD_YEARS:
      /* Translators: a range of years, e.g. "2021–2025" */
      return g_strdup_printf (C_("period", "%u–%u"), p.a, p.b);
    case PERIOD_QUARTER:
      /* Translators: a quarter of a year: %1$u is the quarter (1–4), %2$u the year */
      return g_strdup_printf (C_("period", "Q%1$u %2$u"), p.b, p.a);
    case PERIOD_MONTHS:
      /* Translators: a range of months: month/year – month/year */
      return g_strdup_printf (C_("period", "%02u/%u – %02u/%u"), p.b, p.a, p.d, p.c);
    case PERIOD_BY:
      /* Translators: a deadline year, "đến năm 2030" */
      return g_strdup_printf (C_("period", "by %u"), p.a);
    case PERIOD_BEFORE:
      return g_strdup_printf (C_("period", "before %u"), p.a);
    case PERIOD_AFTER:
      return g_strdup_printf (C_("period", "after %u"), p.a);
    case PERIOD_AS_OF:
      /* Translators: the state at the time of the article, "tính đến năm 2024" */
      return g_strdup_printf (C_("period", "as of %u"), p.a);
    case PERIOD_INVALID:
    default:
      return NULL;
    }
}

/**
 * lsm_ui_is_vietnamese:
 *
 * Returns: whether the interface speaks Vietnamese: statements printed in Vietnamese need no
 *   English gloss, and place names need no English form
 */
gboolean
lsm_ui_is_vietnamese (void)
{
  /* Translators: the language code of your translation ("vi" for Vietnamese) */
  return g_str_has_prefix (C_("language code of this translation", "en"), "vi");
}

static int
count_decimals (double value)
{
  for (int d = 0; d < 6; d++)
    {
      double scale = pow (10, d);

      if (fabs (round (value * scale) / scale - value) < 1e-9 * MAX (1.0, fabs (value)))
        return d;
    }

  return 6;
}

/**
 * lsm_format_number:
 * @value: a finite number
 * @grouping: whether to group thousands as the user's locale does (with a comma where it
 *   does not say)
 *
 * Formats @value with as many decimals as it has (up to 6), with the locale's
 * decimal separator.
 *
 * Returns: (transfer full): the number as text
 */
char *
lsm_format_number (double   value,
                   gboolean grouping)
{
  int decimals = count_decimals (value);
  g_autofree char *plain = g_strdup_printf ("%.*f", decimals, value);
  const struct lconv *lc = localeconv ();
  const char *separator;
  const char *digits = plain;
  const char *end;
  GString *text;

  if (!grouping)
    return g_steal_pointer (&plain);

  /* Thousands are grouped in every locale: where the locale names no separator (C, POSIX),
   * with a comma, or a point where the comma is the decimal separator. */
  separator = lc->thousands_sep != NULL && *lc->thousands_sep != '\0' ? lc->thousands_sep
              : g_strcmp0 (lc->decimal_point, ",") == 0 ? "." : ",";

  text = g_string_new (NULL);
  if (*digits == '-')
    g_string_append_c (text, *digits++);
  for (end = digits; g_ascii_isdigit (*end); end++)
    ;
  for (const char *p = digits; p < end; p++)
    {
      g_string_append_c (text, *p);
      if ((end - p - 1) % 3 == 0 && p + 1 < end)
        g_string_append (text, separator);
    }
  g_string_append (text, end);

  return g_string_free (text, FALSE);
}

/* Large sums in millions read as people say them: "101,191 million VND/year" is "about 101.2
 * billion VND/year". Only where the larger unit exists and the value is a single amount. */
static const struct
{
  const char *unit;
  const char *larger;
} larger_units[] = {
  { "million_vnd", "billion_vnd" },
  { "million_vnd_per_year", "billion_vnd_per_year" },
};

static void
rescale (double        *value,
         const char   **unit,
         LsmQualifier  *qualifier)
{
  for (guint i = 0; i < G_N_ELEMENTS (larger_units); i++)
    {
      double scaled, rounded;

      if (*unit == NULL || strcmp (*unit, larger_units[i].unit) != 0 || fabs (*value) < 10000)
        continue;

      scaled = *value / 1000;
      rounded = round (scaled * 10) / 10;
      if (rounded != scaled && *qualifier == LSM_QUALIFIER_NONE)
        *qualifier = LSM_QUALIFIER_ABOUT;
      *value = rounded;
      *unit = larger_units[i].larger;
      return;
    }
}

/**
 * lsm_format_quantity:
 * @value: the value
 * @value_max: (nullable): the upper end of a range
 * @value_of: (nullable): the whole, for "115 of 181"
 * @unit: (nullable): a unit id
 * @qualifier: "about", "over", …
 *
 * Returns: (transfer full): the quantity for display, e.g. "about 1,632 ha"
 */
char *
lsm_format_quantity (double        value,
                     const double *value_max,
                     const double *value_of,
                     const char   *unit,
                     LsmQualifier  qualifier)
{
  const Unit *u;
  gboolean grouping;
  g_autofree char *number = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *with_unit = NULL;

  if (value_max == NULL && value_of == NULL)
    rescale (&value, &unit, &qualifier);
  u = unit_lookup (unit);
  grouping = !(u != NULL && strcmp (u->term.id, "year") == 0);
  number = lsm_format_number (value, grouping);

  if (value_max != NULL)
    {
      g_autofree char *max = lsm_format_number (*value_max, grouping);

      /* Translators: a range of values, e.g. "9–10" */
      amount = g_strdup_printf (C_("range", "%s–%s"), number, max);
    }
  else if (value_of != NULL)
    {
      g_autofree char *whole = lsm_format_number (*value_of, grouping);

      /* Translators: a part of a whole, e.g. "115 of 181" (communes) */
      amount = g_strdup_printf (C_("part", "%s of %s"), number, whole);
    }
  else
    amount = g_steal_pointer (&number);

  if (u == NULL && unit != NULL)
    with_unit = g_strdup_printf ("%s %s", amount, unit);
  else if (u == NULL || u->term.label == NULL)
    with_unit = g_steal_pointer (&amount);
  else if (u->attached)
    with_unit = g_strconcat (amount, lsm_unit_get_label (unit), NULL);
  else
    /* Translators: a number and its unit, e.g. "110 MW" */
    with_unit = g_strdup_printf (C_("quantity", "%s %s"), amount, lsm_unit_get_label (unit));

  if (qualifier == LSM_QUALIFIER_NONE || qualifier >= LSM_N_QUALIFIERS)
    return g_steal_pointer (&with_unit);

  return g_strdup_printf (lsm_qualifier_get_label (qualifier), with_unit);
}
