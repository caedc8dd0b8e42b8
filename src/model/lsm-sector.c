/* lsm-sector.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-sector"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "lsm-sector.h"
#include "lsm-term-private.h"

/* The sectors. Adding one is adding a row here (and its translation): the filter, the sidebar,
 * the legend, the style, the command line's help and the icons built into the application all
 * read this table. Ids are stable: data files, settings and the command line use them. Shape
 * tells sectors apart in grey print, colour on screen (GNOME palette colours). */
static const LsmSectorInfo builtin[] = {
  { "border_gate", NC_("sector", "Border gates"), 0xc01c28, LSM_SHAPE_DIAMOND, 10,
    "Cửa khẩu|Cửa khẩu quốc tế|Cửa khẩu chính|Cửa khẩu phụ|Border gate" },
  { "border_economic_zone", NC_("sector", "Border economic zone"), 0xe66100, LSM_SHAPE_HEXAGON, 20,
    "Khu kinh tế cửa khẩu|Khu kinh tế|KKT|KKTCK" },
  { "industrial_zone", NC_("sector", "Industrial zones"), 0x1c71d8, LSM_SHAPE_SQUARE, 30,
    "Khu công nghiệp|KCN|Industrial zone|Industrial park" },
  { "industrial_cluster", NC_("sector", "Industrial clusters"), 0x9141ac, LSM_SHAPE_PENTAGON, 40,
    "Cụm công nghiệp|CCN|Industrial cluster" },
  { "hydro", NC_("sector", "Hydropower"), 0x2190a4, LSM_SHAPE_CIRCLE, 50,
    "Thủy điện|Nhà máy thủy điện|Hydroelectric|Hydro power" },
  { "thermal", NC_("sector", "Thermal power"), 0x3d3846, LSM_SHAPE_TRIANGLE_UP, 60,
    "Nhiệt điện|Nhà máy nhiệt điện" },
  { "wind", NC_("sector", "Wind power"), 0x26a269, LSM_SHAPE_TRIANGLE_DOWN, 70,
    "Điện gió|Nhà máy điện gió|Wind farm" },
  { "other_energy", NC_("sector", "Other energy"), 0xe5a50a, LSM_SHAPE_STAR, 80,
    "Năng lượng khác" },
  { "quarry", NC_("sector", "Quarries and mines"), 0x865e3c, LSM_SHAPE_CROSS, 90,
    "Mỏ và khai thác khoáng sản|Mỏ|Mỏ đá|Khai thác khoáng sản|Khai thác đá|Quarry|Mine" },
  { "manufacturing", NC_("sector", "Manufacturing"), 0xc061cb, LSM_SHAPE_OCTAGON, 100,
    "Sản xuất công nghiệp|Sản xuất|Nhà máy|Factory" },
  { "other", NC_("sector", "Other sites"), 0x77767b, LSM_SHAPE_RING, 1000,
    "Địa điểm khác|Khác|Other" },
};

/* Categories found in a user's data list after the built-in sectors, before "Other sites". */
#define GENERATED_ORDER 900

/* A fixed capacity, so that readers on other threads never see the table move; a legend of
 * more categories than this would not be read anyway. */
#define MAX_SECTORS 256

typedef struct
{
  LsmSectorInfo info;
  char         *icon_name;
} Row;

/* Rows are appended, never changed or freed, so readers need no lock: a row is complete
 * before n_rows counts it. The loader registers rows from its worker thread. */
static const Row *rows[MAX_SECTORS];
static guint n_rows;
static GMutex register_lock;

static const Row *
row_new (const LsmSectorInfo *info,
         gboolean             copy_strings)
{
  Row *row = g_new0 (Row, 1);

  row->info = *info;
  if (copy_strings)
    {
      row->info.id = g_strdup (info->id);
      row->info.label = g_strdup (info->label);
      row->info.aliases = g_strdup (info->aliases);
    }
  /* Full colour, not symbolic: the colour is part of the sector's identity. */
  row->icon_name = g_strdup_printf ("lsm-sector-%s", info->id);
  g_strdelimit (row->icon_name, "_", '-');

  return row;
}

static void
ensure_table (void)
{
  static gsize initialized;

  G_STATIC_ASSERT (G_N_ELEMENTS (builtin) <= MAX_SECTORS);

  if (g_once_init_enter (&initialized))
    {
      for (guint i = 0; i < G_N_ELEMENTS (builtin); i++)
        rows[i] = row_new (&builtin[i], FALSE);
      g_atomic_int_set (&n_rows, G_N_ELEMENTS (builtin));
      g_once_init_leave (&initialized, 1);
    }
}

static const Row *
get_row (LsmSector sector)
{
  ensure_table ();

  if (sector >= (guint) g_atomic_int_get (&n_rows))
    return NULL;

  return rows[sector];
}

/**
 * lsm_sector_get_count:
 *
 * Returns: the number of sectors: valid #LsmSector values are 0 to this minus one
 */
guint
lsm_sector_get_count (void)
{
  ensure_table ();

  return g_atomic_int_get (&n_rows);
}

const char *
lsm_sector_get_id (LsmSector sector)
{
  const Row *row = get_row (sector);

  g_return_val_if_fail (row != NULL, NULL);

  return row->info.id;
}

/**
 * lsm_sector_get_label:
 * @sector: a sector
 *
 * Returns: the sector's name in the user's language
 */
const char *
lsm_sector_get_label (LsmSector sector)
{
  const Row *row = get_row (sector);

  g_return_val_if_fail (row != NULL, NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, "sector", row->info.label);
}

/**
 * lsm_sector_get_icon_name:
 * @sector: a sector
 *
 * Returns: the name of the sector's icon: the application's resources hold one for each
 *   built-in sector (see lsm_sector_is_builtin())
 */
const char *
lsm_sector_get_icon_name (LsmSector sector)
{
  const Row *row = get_row (sector);

  g_return_val_if_fail (row != NULL, NULL);

  return row->icon_name;
}

/**
 * lsm_sector_get_rgb:
 * @sector: a sector
 *
 * Returns: the colour of the sector's symbol, 0xRRGGBB
 */
guint32
lsm_sector_get_rgb (LsmSector sector)
{
  const Row *row = get_row (sector);

  g_return_val_if_fail (row != NULL, 0);

  return row->info.rgb;
}

LsmShape
lsm_sector_get_shape (LsmSector sector)
{
  const Row *row = get_row (sector);

  g_return_val_if_fail (row != NULL, LSM_SHAPE_CIRCLE);

  return row->info.shape;
}

/**
 * lsm_sector_is_builtin:
 * @sector: a sector
 *
 * Returns: whether @sector is a row of the built-in table, rather than one registered at run
 *   time
 */
gboolean
lsm_sector_is_builtin (LsmSector sector)
{
  return sector < G_N_ELEMENTS (builtin);
}

gboolean
lsm_sector_from_id (const char *id,
                    LsmSector  *sector)
{
  guint n = lsm_sector_get_count ();

  if (id == NULL)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      if (strcmp (rows[i]->info.id, id) == 0)
        {
          *sector = i;
          return TRUE;
        }
    }

  return FALSE;
}

static int
compare_order (const void *a,
               const void *b)
{
  LsmSector sa = *(const LsmSector *) a;
  LsmSector sb = *(const LsmSector *) b;

  if (rows[sa]->info.order != rows[sb]->info.order)
    return rows[sa]->info.order < rows[sb]->info.order ? -1 : 1;

  return sa < sb ? -1 : sa > sb;
}

/**
 * lsm_sector_list:
 * @n_sectors: (out): the number of sectors
 *
 * Returns: (transfer full) (array length=n_sectors): every sector, in the order lists show them
 */
LsmSector *
lsm_sector_list (guint *n_sectors)
{
  guint n = lsm_sector_get_count ();
  LsmSector *list;

  g_return_val_if_fail (n_sectors != NULL, NULL);

  list = g_new (LsmSector, n);

  for (guint i = 0; i < n; i++)
    list[i] = i;
  qsort (list, n, sizeof list[0], compare_order);

  *n_sectors = n;
  return list;
}

static LsmSector
register_locked (const LsmSectorInfo *info)
{
  LsmSector sector;
  guint n = lsm_sector_get_count ();

  if (lsm_sector_from_id (info->id, &sector))
    return sector;

  if (n == MAX_SECTORS)
    return LSM_SECTOR_INVALID;

  rows[n] = row_new (info, TRUE);
  g_atomic_int_set (&n_rows, n + 1);

  return n;
}

/**
 * lsm_sector_register:
 * @info: the new sector's row; it is copied
 *
 * Adds a row to the sector table, as a test fixture or a plugin's data needs. A row whose id is
 * already in the table is not replaced.
 *
 * Returns: the sector with @info's id, or %LSM_SECTOR_INVALID if the table is full
 */
LsmSector
lsm_sector_register (const LsmSectorInfo *info)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (info != NULL, LSM_SECTOR_INVALID);
  g_return_val_if_fail (info->id != NULL && *info->id != '\0', LSM_SECTOR_INVALID);
  g_return_val_if_fail (info->label != NULL, LSM_SECTOR_INVALID);
  g_return_val_if_fail (info->shape < LSM_N_SHAPES, LSM_SECTOR_INVALID);

  locker = g_mutex_locker_new (&register_lock);
  return register_locked (info);
}

static guint32
hash_id (const char *id)
{
  guint32 h = 2166136261u;

  /* FNV-1a: fixed here, so a category keeps its colour across versions of GLib. */
  for (const char *p = id; *p != '\0'; p++)
    {
      h ^= (guchar) *p;
      h *= 16777619u;
    }

  return h;
}

static guint32
rgb_from_hsv (double h,
              double s,
              double v)
{
  double c = v * s;
  double x = c * (1 - fabs (fmod (h / 60, 2) - 1));
  double m = v - c;
  double r = 0, g = 0, b = 0;

  switch ((int) (h / 60) % 6)
    {
    case 0: r = c; g = x; break;
    case 1: r = x; g = c; break;
    case 2: g = c; b = x; break;
    case 3: g = x; b = c; break;
    case 4: r = x; b = c; break;
    default: r = c; b = x; break;
    }

  return (guint32) lround ((r + m) * 255) << 16 | (guint32) lround ((g + m) * 255) << 8
         | (guint32) lround ((b + m) * 255);
}

/* A cheap perceptual distance ("redmean"), 0 to about 765. */
static double
colour_distance (guint32 a,
                 guint32 b)
{
  double ra = a >> 16 & 0xff, ga = a >> 8 & 0xff, ba = a & 0xff;
  double rb = b >> 16 & 0xff, gb = b >> 8 & 0xff, bb = b & 0xff;
  double rm = (ra + rb) / 2;

  return sqrt ((2 + rm / 256) * (ra - rb) * (ra - rb) + 4 * (ga - gb) * (ga - gb)
               + (2 + (255 - rm) / 256) * (ba - bb) * (ba - bb));
}

/* Far enough that nobody takes a generated category's symbol for a built-in sector's. */
#define MIN_DISTANCE 100.0

/* A colour and shape from the id alone, so a category looks the same in every session
 * whatever else the data holds, and unlike every built-in sector. */
static void
generate_style (const char    *id,
                LsmSectorInfo *info)
{
  static const double values[] = { 0.55, 0.40, 0.72 };
  guint32 h = hash_id (id);
  guint32 best = 0;
  double best_distance = -1;

  for (guint i = 0; i < 48 && best_distance < MIN_DISTANCE; i++)
    {
      double hue = fmod ((h % 360) + i * 137.508, 360);
      guint32 rgb = rgb_from_hsv (hue, 0.8, values[(h / 360 + i) % G_N_ELEMENTS (values)]);
      double distance = G_MAXDOUBLE;

      for (guint b = 0; b < G_N_ELEMENTS (builtin); b++)
        distance = MIN (distance, colour_distance (rgb, builtin[b].rgb));
      if (distance > best_distance)
        {
          best = rgb;
          best_distance = distance;
        }
    }

  info->rgb = best;
  /* Any shape but the ring, which reads as "Other sites". */
  info->shape = (h >> 20) % (LSM_N_SHAPES - 1);
  if (info->shape >= LSM_SHAPE_RING)
    info->shape++;
}

static char *
prettify_id (const char *id)
{
  g_autofree char *spaced = g_strdelimit (g_strdup (id), "_-", ' ');
  g_autoptr(GString) label = g_string_new (NULL);
  gunichar first = g_utf8_get_char (spaced);

  g_string_append_unichar (label, g_unichar_totitle (first));
  g_string_append (label, g_utf8_next_char (spaced));

  return g_string_free (g_steal_pointer (&label), FALSE);
}

/**
 * lsm_sector_ensure:
 * @id: a sector id, valid UTF-8
 * @sector: (out): the sector
 *
 * Finds the sector with @id, or registers a category for it: labelled with the id written as
 * words, with a colour and shape derived from the id and distinct from the built-in sectors'.
 * A user's data may use categories no table knows; their sites are shown, not dropped.
 *
 * Returns: %FALSE only if the table is full
 */
gboolean
lsm_sector_ensure (const char *id,
                   LsmSector  *sector)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autofree char *label = NULL;
  LsmSectorInfo info = { id, NULL, 0, LSM_SHAPE_CIRCLE, GENERATED_ORDER, NULL };

  g_return_val_if_fail (id != NULL && *id != '\0', FALSE);
  g_return_val_if_fail (g_utf8_validate (id, -1, NULL), FALSE);

  if (lsm_sector_from_id (id, sector))
    return TRUE;

  label = prettify_id (id);
  info.label = label;
  generate_style (id, &info);

  locker = g_mutex_locker_new (&register_lock);
  *sector = register_locked (&info);

  return *sector != LSM_SECTOR_INVALID;
}

/**
 * lsm_sector_from_text:
 * @text: a value of a user's file
 * @sector: (out): the sector it names
 *
 * Finds the sector @text names by its id, its label or an alias, in English, in Vietnamese or
 * in the user's language, diacritics optional.
 *
 * Returns: %FALSE if no sector is named so
 */
gboolean
lsm_sector_from_text (const char *text,
                      LsmSector  *sector)
{
  g_return_val_if_fail (text != NULL, FALSE);

  ensure_table ();
  for (guint i = 0; i < (guint) g_atomic_int_get (&n_rows); i++)
    if (_lsm_term_matches (text, rows[i]->info.id, rows[i]->info.label, lsm_sector_get_label (i),
                           rows[i]->info.aliases))
      {
        *sector = i;
        return TRUE;
      }

  return FALSE;
}
