/* lsm-loader-cells.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-loader"

#include "config.h"

#include <errno.h>
#include <math.h>

#include <glib/gi18n.h>

#include "lsm-catalog-private.h"
#include "lsm-loader-cells.h"

/* A table's cells are read by column name whatever type the driver gave the column: a
 * spreadsheet types a column of codes as numbers, a CSV without its .csvt has text only. An
 * unreadable cell is one problem line naming the table and the row. */

const char *
_lsm_table_row_what (LsmTableRow *row)
{
  if (row->what == NULL)
    row->what = row->id != NULL
                /* Translators: "row 7 (bg-x-capacity)": a row of a table by its number and id */
                ? g_strdup_printf (_("row %u (%s)"), row->number, row->id)
                /* Translators: "row 7": a row of a table by its number */
                : g_strdup_printf (_("row %u"), row->number);
  return row->what;
}

/* The column @name, or NULL when the row has no value in it. */
static LsmGdalColumn *
column (LsmTableRow *row,
        const char  *name)
{
  LsmGdalColumn *found = _lsm_gdal_column (&row->reader, OGR_F_GetDefnRef (row->row), name);

  return found->index >= 0 && OGR_F_IsFieldSetAndNotNull (row->row, found->index) ? found : NULL;
}

/* An empty cell is no value; @intern: a word that repeats over rows (a metric, a unit, a
 * source), interned rather than copied. @name must be a literal: the column cache keys it by
 * address. */
static gboolean
cell_read (LsmTableRow  *row,
           const char   *name,
           gboolean      intern,
           const char  **out)
{
  LsmGdalColumn *cell = column (row, name);
  const char *value;

  *out = NULL;
  if (cell == NULL || *(value = OGR_F_GetFieldAsString (row->row, cell->index)) == '\0')
    return TRUE;

  *out = intern ? _lsm_gdal_intern_cell (cell, value) : _lsm_gdal_normalize_text (value);
  if (*out == NULL)
    {
      LSM_TABLE_ROW_PROBLEM (row, _("“%s” is not valid UTF-8 text"), name);
      return FALSE;
    }

  return TRUE;
}

gboolean
_lsm_table_cell_text (LsmTableRow  *row,
                      const char   *name,
                      char        **out)
{
  return cell_read (row, name, FALSE, (const char **) out);
}

gboolean
_lsm_table_cell_interned (LsmTableRow  *row,
                          const char   *name,
                          const char  **out)
{
  return cell_read (row, name, TRUE, out);
}

/* A curator's text: "<name>_vi" and "<name>_en"; a plain "<name>" is English. */
gboolean
_lsm_table_cell_both (LsmTableRow *row,
                      const char  *vi_name,
                      const char  *en_name,
                      const char  *plain_name,
                      LsmText     *out)
{
  g_autofree char *plain = NULL;

  if (!_lsm_table_cell_text (row, vi_name, &out->vi)
      || !_lsm_table_cell_text (row, en_name, &out->en)
      || !_lsm_table_cell_text (row, plain_name, &plain))
    return FALSE;

  if (out->en == NULL)
    out->en = g_steal_pointer (&plain);
  return TRUE;
}

gboolean
_lsm_table_cell_number (LsmTableRow *row,
                        const char  *name,
                        gboolean    *present,
                        double      *out)
{
  LsmGdalColumn *cell = column (row, name);

  *present = FALSE;
  if (cell == NULL)
    return TRUE;

  if (cell->type == OFTReal || cell->type == OFTInteger || cell->type == OFTInteger64)
    *out = OGR_F_GetFieldAsDouble (row->row, cell->index);
  else
    {
      g_autofree char *text = g_strstrip (g_strdup (OGR_F_GetFieldAsString (row->row, cell->index)));
      char *end = NULL;

      if (*text == '\0')
        return TRUE;

      errno = 0;
      *out = g_ascii_strtod (text, &end);
      if (end == text || *end != '\0' || errno != 0)
        {
          g_autofree char *shown = g_utf8_make_valid (text, -1);

          /* Translators: "“value” is not a number: “about 50”" */
          LSM_TABLE_ROW_PROBLEM (row, _("“%s” is not a number: “%s”"), name, shown);
          return FALSE;
        }
    }

  if (!isfinite (*out))
    {
      LSM_TABLE_ROW_PROBLEM (row, _("“%s” is not a finite number"), name);
      return FALSE;
    }

  *present = TRUE;
  return TRUE;
}

