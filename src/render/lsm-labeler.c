/* lsm-labeler.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-labels"

#include "config.h"

#include <math.h>

#include "lsm-labels.h"

/* Collision boxes for label placement, indexed by a grid so that each try looks only at the
 * boxes near it. */

struct _LsmLabeler
{
  LsmBox      frame;
  gboolean    bounded;
  double      cell;
  GArray     *boxes; /* LsmBox */
  GHashTable *grid;  /* cell key → GArray of box indices */
};

gboolean
lsm_box_intersects (const LsmBox *a,
                    const LsmBox *b)
{
  return a->x0 < b->x1 && b->x0 < a->x1 && a->y0 < b->y1 && b->y0 < a->y1;
}

static gint64
cell_key (gint64 cx,
          gint64 cy)
{
  return (cx << 32) ^ (cy & 0xffffffff);
}

/**
 * lsm_labeler_new:
 * @frame: (nullable): labels must lie inside it; %NULL for none
 * @cell: size of the grid cells that index the boxes, about a label's height
 *
 * Returns: (transfer full): an empty placement
 */
LsmLabeler *
lsm_labeler_new (const LsmBox *frame,
                 double        cell)
{
  LsmLabeler *self = g_new0 (LsmLabeler, 1);

  if (frame != NULL)
    {
      self->frame = *frame;
      self->bounded = TRUE;
    }
  self->cell = MAX (cell, 1.0);
  self->boxes = g_array_new (FALSE, FALSE, sizeof (LsmBox));
  self->grid = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_array_unref);

  return self;
}

void
lsm_labeler_free (LsmLabeler *self)
{
  g_array_unref (self->boxes);
  g_hash_table_unref (self->grid);
  g_free (self);
}

static void
cell_range (LsmLabeler   *self,
            const LsmBox *box,
            gint64       *cx0,
            gint64       *cy0,
            gint64       *cx1,
            gint64       *cy1)
{
  *cx0 = (gint64) floor (box->x0 / self->cell);
  *cy0 = (gint64) floor (box->y0 / self->cell);
  *cx1 = (gint64) floor (box->x1 / self->cell);
  *cy1 = (gint64) floor (box->y1 / self->cell);
}

static void
add_box (LsmLabeler   *self,
         const LsmBox *box)
{
  guint index = self->boxes->len;
  gint64 cx0, cy0, cx1, cy1;

  g_array_append_val (self->boxes, *box);
  cell_range (self, box, &cx0, &cy0, &cx1, &cy1);
  for (gint64 cy = cy0; cy <= cy1; cy++)
    for (gint64 cx = cx0; cx <= cx1; cx++)
      {
        gint64 key = cell_key (cx, cy);
        GArray *cell = g_hash_table_lookup (self->grid, &key);

        if (cell == NULL)
          {
            cell = g_array_new (FALSE, FALSE, sizeof (guint));
            g_hash_table_insert (self->grid, g_memdup2 (&key, sizeof key), cell);
          }
        g_array_append_val (cell, index);
      }
}

void
lsm_labeler_add_obstacle (LsmLabeler   *self,
                          const LsmBox *box)
{
  add_box (self, box);
}

static gboolean
is_free (LsmLabeler   *self,
         const LsmBox *box)
{
  gint64 cx0, cy0, cx1, cy1;

  if (self->bounded && (box->x0 < self->frame.x0 || box->y0 < self->frame.y0
                        || box->x1 > self->frame.x1 || box->y1 > self->frame.y1))
    return FALSE;

  cell_range (self, box, &cx0, &cy0, &cx1, &cy1);
  for (gint64 cy = cy0; cy <= cy1; cy++)
    for (gint64 cx = cx0; cx <= cx1; cx++)
      {
        gint64 key = cell_key (cx, cy);
        GArray *cell = g_hash_table_lookup (self->grid, &key);

        for (guint i = 0; cell != NULL && i < cell->len; i++)
          if (lsm_box_intersects (box, &g_array_index (self->boxes, LsmBox, g_array_index (cell, guint, i))))
            return FALSE;
      }

  return TRUE;
}

/**
 * lsm_labeler_try:
 * @self: a placement
 * @box: where a label would go
 *
 * Takes @box if it is free.
 *
 * Returns: whether @box was free and is now taken
 */
gboolean
lsm_labeler_try (LsmLabeler   *self,
                 const LsmBox *box)
{
  if (!is_free (self, box))
    return FALSE;

  add_box (self, box);
  return TRUE;
}

/**
 * lsm_labeler_place_beside:
 * @self: a placement
 * @x: the symbol's centre
 * @y: the symbol's centre
 * @radius: the symbol's radius
 * @width: the label's size
 * @height: the label's size
 * @n_rings: how far out to look, in rings of eight positions each
 * @placed: (out): where the label went
 * @ring: (out): which ring, 0 for beside the symbol
 *
 * Tries the eight positions around a symbol, right first as cartographers do, then the same
 * further out (to be tied to the symbol by a leader line).
 *
 * Returns: whether the label found room
 */
gboolean
lsm_labeler_place_beside (LsmLabeler *self,
                          double      x,
                          double      y,
                          double      radius,
                          double      width,
                          double      height,
                          guint       n_rings,
                          LsmBox     *placed,
                          guint      *ring)
{
  /* Unit directions: right, left, upper right, lower right, above, below, upper left, lower left. */
  static const double dirs[8][2] = {
    { 1, 0 }, { -1, 0 }, { 1, -1 }, { 1, 1 }, { 0, -1 }, { 0, 1 }, { -1, -1 }, { -1, 1 },
  };

  for (guint r = 0; r < n_rings; r++)
    {
      double d = radius * (1.15 + 1.6 * r) + 1.0;

      for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
        {
          double dx = dirs[i][0], dy = dirs[i][1];
          /* The box's corner or edge nearest the symbol sits at distance d in that direction. */
          double bx = x + dx * d * (dy != 0 ? 0.75 : 1) - (dx < 0 ? width : dx == 0 ? width / 2 : 0);
          double by = y + dy * d * (dx != 0 ? 0.75 : 1) - (dy < 0 ? height : dy == 0 ? height / 2 : 0);
          LsmBox box = { bx, by, bx + width, by + height };

          if (lsm_labeler_try (self, &box))
            {
              *placed = box;
              *ring = r;
              return TRUE;
            }
        }
    }

  return FALSE;
}

/**
 * lsm_labeler_place_over:
 * @self: a placement
 * @x: where the label's centre belongs
 * @y: where the label's centre belongs
 * @width: the label's size
 * @height: the label's size
 * @max_shift: how far the label may move off its point
 * @placed: (out): where the label went
 *
 * For names of areas: centred on their point, or moved off it in half-height steps, nearest
 * first, until free.
 *
 * Returns: whether the label found room
 */
gboolean
lsm_labeler_place_over (LsmLabeler *self,
                        double      x,
                        double      y,
                        double      width,
                        double      height,
                        double      max_shift,
                        LsmBox     *placed)
{
  double step = MAX (height / 2, 1.0);
  guint n = (guint) (max_shift / step);

  for (guint k = 0; k <= n; k++)
    for (int j = -(int) k; j <= (int) k; j++)
      for (int i = -(int) k; i <= (int) k; i++)
        {
          LsmBox box;

          /* Only the square ring k: inner rings were tried before. */
          if (MAX (ABS (i), ABS (j)) != (int) k)
            continue;

          box.x0 = x - width / 2 + i * step * 2;
          box.y0 = y - height / 2 + j * step;
          box.x1 = box.x0 + width;
          box.y1 = box.y0 + height;
          if (lsm_labeler_try (self, &box))
            {
              *placed = box;
              return TRUE;
            }
        }

  return FALSE;
}
