/* lsm-labels.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-labels"

#include "config.h"

#include <math.h>

#include <pango/pangocairo.h>

#include "lsm-clusters.h"
#include "lsm-feature.h"
#include "lsm-labels.h"
#include "lsm-scene-private.h"

/* The one label placement for screen tiles and paper: every symbol is an obstacle, and each label
 * (a district's name, a site's number, its name) takes the first free one of its candidate
 * boxes, so no label covers a symbol or another label. Tiles get a placement made once per zoom
 * for the whole world, so that neighbouring tiles agree on where a name went. */

static const LsmRgb number_ink = { 0.10, 0.09, 0.11 };
static const LsmRgb name_ink = { 0.22, 0.21, 0.24 };

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

/**
 * lsm_symbol_box:
 * @view: the view the symbol is drawn in
 * @x: its centre
 * @y: its centre
 * @box: (out): the room it takes, its outline and precision mark included
 */
void
lsm_symbol_box (const LsmView *view,
                double         x,
                double         y,
                LsmBox        *box)
{
  double r = LSM_SYMBOL_RADIUS * view->scale * 1.15;

  *box = (LsmBox) { x - r, y - r, x + r, y + r };
}

PangoLayout *
_lsm_scene_make_label_layout (cairo_t    *cr,
                              const char *text,
                              double      size,
                              gboolean    italic,
                              gboolean    bold)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (LSM_LABEL_FONT);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : italic ? PANGO_WEIGHT_NORMAL
                                                                           : PANGO_WEIGHT_SEMIBOLD);
  pango_font_description_set_style (font, italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);

  return layout;
}

static void
label_clear (gpointer data)
{
  g_free (((LsmLabel *) data)->text);
}

static void
measure (cairo_t    *cr,
         LsmLabel   *label,
         double     *width,
         double     *height)
{
  g_autoptr(PangoLayout) layout = _lsm_scene_make_label_layout (cr, label->text, label->size, label->italic,
                                                                label->kind == LSM_LABEL_NUMBER);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  *width = (double) logical.width / PANGO_SCALE;
  *height = (double) logical.height / PANGO_SCALE;
}

static void
anchor_clear (gpointer data)
{
  g_free (((LsmLabelAnchor *) data)->text);
}

/**
 * lsm_scene_layout_labels:
 * @scene: a scene
 * @cr: a cairo context to measure text with, like the one the labels will be drawn on
 * @view: the viewport
 * @placements: (element-type LsmPlacement): the symbols drawn, obstacles to every label
 * @clusters: (nullable) (element-type LsmClusterPlacement): the cluster symbols drawn, obstacles too
 * @flags: whether labels must stay inside the view, whether to number the symbols
 *
 * Places the names of districts and neighbouring places and, with %LSM_LABELS_NUMBERS, the
 * number of each placement (its index + 1: the key's row), then of each cluster (numbered on
 * after the placements), and a placement's name where there is room. Labels
 * that find no room are left out, except numbers, which move further out on a leader line; a
 * number that still finds none is left out too (the key lists it all the same).
 *
 * Returns: (transfer full) (element-type LsmLabel): the labels placed, in drawing order
 */
GArray *
lsm_scene_layout_labels (LsmScene      *scene,
                         cairo_t       *cr,
                         const LsmView *view,
                         GArray        *placements,
                         GArray        *clusters,
                         LsmLabelFlags  flags)
{
  GArray *labels = g_array_new (FALSE, TRUE, sizeof (LsmLabel));
  g_autoptr(GArray) anchors = g_array_new (FALSE, TRUE, sizeof (LsmLabelAnchor));
  g_autoptr(LsmLabeler) labeler = NULL;
  LsmBox frame = { 0, 0, view->width, view->height };
  double radius = LSM_SYMBOL_RADIUS * view->scale;
  guint n_numbers, n_symbols, n_clusters = clusters != NULL ? clusters->len : 0;

  g_array_set_clear_func (labels, label_clear);
  g_array_set_clear_func (anchors, anchor_clear);
  labeler = lsm_labeler_new ((flags & LSM_LABELS_WHOLE) ? &frame : NULL, 24 * view->scale);

  for (guint i = 0; placements != NULL && i < placements->len; i++)
    {
      const LsmPlacement *p = &g_array_index (placements, LsmPlacement, i);
      LsmBox box;

      lsm_symbol_box (view, p->x, p->y, &box);
      lsm_labeler_add_obstacle (labeler, &box);
      if (p->x != p->anchor_x || p->y != p->anchor_y)
        {
          /* The dot at a fan's true point. */
          lsm_symbol_box (view, p->anchor_x, p->anchor_y, &box);
          box.x0 += radius * 0.7, box.y0 += radius * 0.7, box.x1 -= radius * 0.7, box.y1 -= radius * 0.7;
          lsm_labeler_add_obstacle (labeler, &box);
        }
    }

  for (guint i = 0; i < n_clusters; i++)
    {
      const LsmClusterPlacement *c = &g_array_index (clusters, LsmClusterPlacement, i);
      LsmBox box = { c->x - c->radius, c->y - c->radius, c->x + c->radius, c->y + c->radius };

      lsm_labeler_add_obstacle (labeler, &box);
    }

  /* Numbers first: a site the reader cannot find in the key is worse than a missing name. */
  n_symbols = placements != NULL ? placements->len : 0;
  for (guint i = 0; (flags & LSM_LABELS_NUMBERS) && i < n_symbols + n_clusters; i++)
    {
      LsmLabel label = { LSM_LABEL_NUMBER, g_strdup_printf ("%u", i + 1) };
      double x, y, r, w, h;
      guint ring;

      if (i < n_symbols)
        {
          const LsmPlacement *p = &g_array_index (placements, LsmPlacement, i);

          x = p->x, y = p->y, r = radius;
        }
      else
        {
          const LsmClusterPlacement *c = &g_array_index (clusters, LsmClusterPlacement, i - n_symbols);

          x = c->x, y = c->y, r = c->radius;
        }
      label.size = 10 * view->scale;
      label.color = &number_ink;
      label.number = i + 1;
      label.anchor_x = x;
      label.anchor_y = y;
      measure (cr, &label, &w, &h);
      if (!lsm_labeler_place_beside (labeler, x, y, r, w, h, 5, &label.box, &ring))
        {
          label_clear (&label);
          continue;
        }
      label.leader = ring > 0;
      g_array_append_val (labels, label);
    }
  n_numbers = labels->len;

  _lsm_scene_collect_area_labels (scene, view, anchors);
  for (guint i = 0; i < anchors->len; i++)
    {
      LsmLabelAnchor *a = &g_array_index (anchors, LsmLabelAnchor, i);
      LsmLabel label = { a->kind, g_steal_pointer (&a->text) };
      double w, h;

      label.size = a->size;
      label.italic = a->italic;
      label.color = a->color;
      label.anchor_x = a->x;
      label.anchor_y = a->y;
      measure (cr, &label, &w, &h);
      if (!lsm_labeler_place_over (labeler, a->x, a->y, w, h, 2.5 * h, &label.box))
        {
          label_clear (&label);
          continue;
        }
      g_array_append_val (labels, label);
    }

  /* Names last, where they fit beside a number that sits by its symbol. */
  for (guint i = 0; i < n_numbers; i++)
    {
      LsmLabel number = g_array_index (labels, LsmLabel, i);
      const LsmPlacement *p;
      const char *name;
      LsmLabel label = { LSM_LABEL_NAME };
      double w, h, cy = (number.box.y0 + number.box.y1) / 2;
      LsmBox right, left;

      /* A cluster's names are in its key row: they would not fit beside it. */
      if (number.leader || number.number > n_symbols)
        continue;
      p = &g_array_index (placements, LsmPlacement, number.number - 1);
      if ((name = lsm_feature_get_name (p->site)) == NULL)
        continue;

      label.text = g_strdup (name);
      label.size = 8.5 * view->scale;
      label.color = &name_ink;
      label.number = number.number;
      label.anchor_x = p->x;
      label.anchor_y = p->y;
      measure (cr, &label, &w, &h);
      right = (LsmBox) { number.box.x1 + 1, cy - h / 2, number.box.x1 + 1 + w, cy + h / 2 };
      left = (LsmBox) { number.box.x0 - 1 - w, cy - h / 2, number.box.x0 - 1, cy + h / 2 };
      if (lsm_labeler_try (labeler, &right))
        label.box = right;
      else if (lsm_labeler_try (labeler, &left))
        label.box = left;
      else
        {
          label_clear (&label);
          continue;
        }
      g_array_append_val (labels, label);
    }

  return labels;
}

static void
draw_leader (cairo_t        *cr,
             const LsmView  *view,
             const LsmLabel *label)
{
  double tx = CLAMP (label->anchor_x, label->box.x0, label->box.x1);
  double ty = CLAMP (label->anchor_y, label->box.y0, label->box.y1);
  double dx = tx - label->anchor_x, dy = ty - label->anchor_y;
  double d = hypot (dx, dy), r = LSM_SYMBOL_RADIUS * view->scale * 1.15;

  if (d <= r)
    return;

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_move_to (cr, label->anchor_x + dx * r / d, label->anchor_y + dy * r / d);
  cairo_line_to (cr, tx, ty);
  lsm_style_set_source (cr, label->color, 0.8);
  cairo_set_line_width (cr, 0.8 * view->scale);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_label (cairo_t        *cr,
            const LsmView  *view,
            const LsmLabel *label)
{
  g_autoptr(PangoLayout) layout = NULL;

  if (label->leader)
    draw_leader (cr, view, label);

  layout = _lsm_scene_make_label_layout (cr, label->text, label->size, label->italic,
                                         label->kind == LSM_LABEL_NUMBER);
  cairo_save (cr);
  cairo_move_to (cr, label->box.x0, label->box.y0);
  pango_cairo_layout_path (cr, layout);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.85);
  cairo_set_line_width (cr, label->size * 0.28);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
  cairo_move_to (cr, label->box.x0, label->box.y0);
  lsm_style_set_source (cr, label->color, 1.0);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

/**
 * lsm_scene_draw_labels:
 * @cr: a cairo context in view coordinates
 * @view: the viewport
 * @labels: (element-type LsmLabel): from lsm_scene_layout_labels()
 *
 * Draws each label in its box, with a white halo.
 */
void
lsm_scene_draw_labels (cairo_t       *cr,
                       const LsmView *view,
                       GArray        *labels)
{
  for (guint i = 0; i < labels->len; i++)
    draw_label (cr, view, &g_array_index (labels, LsmLabel, i));
}

/* The tiles' labels: placed once per zoom and scale over the whole world, against every mapped
 * site whatever the filter (tiles do not follow it), then cut to each tile. */
void
_lsm_scene_draw_tile_labels (LsmScene      *scene,
                             GHashTable    *cache,
                             cairo_t       *cr,
                             const LsmView *view)
{
  /* Each set of units has its own labels. */
  g_autofree char *key = g_strdup_printf ("%.3f/%.3f/%s", view->zoom, view->scale,
                                          lsm_units_get_id (lsm_scene_get_units (scene)));
  GArray *labels = g_hash_table_lookup (cache, key);
  LsmBox tile = { 0, 0, view->width, view->height };

  if (labels == NULL)
    {
      double size = LSM_TILE_SIZE * exp2 (view->zoom);
      LsmView world = { 0, 0, view->zoom, size, size, view->scale };
      g_autoptr(GArray) clusters = g_array_new (FALSE, FALSE, sizeof (LsmClusterPlacement));
      g_autoptr(GArray) placements = lsm_scene_place_matched (scene, &world, lsm_scene_get_all_sites (scene),
                                                              clusters);

      labels = lsm_scene_layout_labels (scene, cr, &world, placements, clusters, 0);
      g_hash_table_insert (cache, g_steal_pointer (&key), labels);
    }

  cairo_save (cr);
  cairo_translate (cr, -view->x, -view->y);
  tile.x0 += view->x, tile.x1 += view->x, tile.y0 += view->y, tile.y1 += view->y;
  for (guint i = 0; i < labels->len; i++)
    {
      LsmLabel *label = &g_array_index (labels, LsmLabel, i);
      LsmBox halo = { label->box.x0 - 4, label->box.y0 - 4, label->box.x1 + 4, label->box.y1 + 4 };

      if (lsm_box_intersects (&halo, &tile))
        draw_label (cr, view, label);
    }
  cairo_restore (cr);
}
