/* lsm-labels.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-labels"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "lsm-catalog.h"
#include "lsm-clusters.h"
#include "lsm-district-sites.h"
#include "lsm-feature.h"
#include "lsm-labels.h"
#include "lsm-scene-private.h"

/* The one label placement for screen tiles and paper: every symbol is an obstacle, and each label
 * (a district's name, a site's number, its name) takes the first free one of its candidate
 * boxes, so no label covers a symbol or another label. Tiles get a placement made once per zoom
 * for the whole world, so that neighbouring tiles agree on where a name went. */

static const LsmRgb number_ink = { 0.10, 0.09, 0.11 };
static const LsmRgb name_ink = { 0.22, 0.21, 0.24 };

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

static PangoFontDescription *
make_font (double   size,
           gboolean italic,
           gboolean bold)
{
  PangoFontDescription *font = pango_font_description_from_string (LSM_LABEL_FONT);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : italic ? PANGO_WEIGHT_NORMAL
                                                                           : PANGO_WEIGHT_SEMIBOLD);
  pango_font_description_set_style (font, italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);

  return font;
}

PangoLayout *
_lsm_scene_make_label_layout (cairo_t    *cr,
                              const char *text,
                              double      size,
                              gboolean    italic,
                              gboolean    bold)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = make_font (size, italic, bold);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);

  return layout;
}

static gboolean
is_bold (const LsmLabel *label)
{
  return label->kind == LSM_LABEL_NUMBER || label->kind == LSM_LABEL_BADGE;
}

/**
 * lsm_label_get_font:
 * @label: a label
 *
 * The font @label was measured with: what draws it elsewhere (the screen's badges) uses it
 * to fit its box.
 *
 * Returns: (transfer full): the font, its size absolute (in view units)
 */
PangoFontDescription *
lsm_label_get_font (const LsmLabel *label)
{
  return make_font (label->size, label->italic, is_bold (label));
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
                                                                is_bold (label));
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

static guint
count_unplaced (GListModel *sites,
                LsmFeature *district)
{
  g_autoptr(GPtrArray) unplaced = NULL;

  if (sites == NULL || district == NULL || lsm_feature_get_kind (district) != LSM_FEATURE_DISTRICT)
    return 0;
  unplaced = lsm_district_list_unplaced (sites, district);
  return unplaced->len;
}

/* A badge's text sits inside a framed box. */
#define BADGE_PAD 1.5

/* Places an area's name (or a badge alone) over its point; with @count, a badge counting the
 * sites of @area that have no point goes right under the name, the two placed as one box so
 * that they move together. Takes @label's text. */
static void
place_area_label (LsmLabeler *labeler,
                  cairo_t    *cr,
                  GArray     *labels,
                  LsmLabel   *label,
                  LsmFeature *area,
                  const char *count)
{
  LsmLabel badge = { LSM_LABEL_BADGE, g_strdup (count) };
  double w, h, bw = 0, bh = 0, pad = label->kind == LSM_LABEL_BADGE ? BADGE_PAD : 0;
  LsmBox box;

  measure (cr, label, &w, &h);
  w += 2 * pad, h += 2 * pad;
  if (count != NULL)
    {
      badge.size = label->size * 0.75;
      badge.color = &number_ink;
      badge.anchor_x = label->anchor_x;
      badge.anchor_y = label->anchor_y;
      badge.area = area;
      measure (cr, &badge, &bw, &bh);
      bw += 2 * BADGE_PAD, bh += 2 * BADGE_PAD;
    }

  if (!lsm_labeler_place_over (labeler, label->anchor_x, label->anchor_y + bh / 2, MAX (w, bw), h + bh,
                               2.5 * h, &box))
    {
      label_clear (label);
      label_clear (&badge);
      return;
    }

  label->box = (LsmBox) { (box.x0 + box.x1 - w) / 2, box.y0, (box.x0 + box.x1 + w) / 2, box.y0 + h };
  g_array_append_val (labels, *label);
  if (count != NULL)
    {
      badge.box = (LsmBox) { (box.x0 + box.x1 - bw) / 2, box.y0 + h, (box.x0 + box.x1 + bw) / 2, box.y1 };
      g_array_append_val (labels, badge);
    }
  else
    label_clear (&badge);
}

/**
 * lsm_scene_layout_labels:
 * @scene: a scene
 * @cr: a cairo context to measure text with, like the one the labels will be drawn on
 * @view: the viewport
 * @placements: (element-type LsmPlacement): the symbols drawn, obstacles to every label
 * @clusters: (nullable) (element-type LsmClusterPlacement): the cluster symbols drawn, obstacles too
 * @flags: whether labels must stay inside the view, whether to number the symbols
 * @badge_sites: (nullable): the sites shown: a district with some known only to it gets a badge
 *   counting them, attached under its name; %NULL for none
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
                         LsmLabelFlags  flags,
                         GListModel    *badge_sites)
{
  GArray *labels = g_array_new (FALSE, TRUE, sizeof (LsmLabel));
  g_autoptr(GArray) anchors = g_array_new (FALSE, TRUE, sizeof (LsmLabelAnchor));
  /* One pass over the sites; each district then counts among the few with no point. */
  g_autoptr(GListModel) unplaced = badge_sites != NULL ? lsm_district_filter_unplaced (badge_sites) : NULL;
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

  /* Over the 2025 communes the old districts have no label to hang a badge on: each badge names
   * its district, where the district's name would be, before the communes' names take the room. */
  if (unplaced != NULL && lsm_scene_get_units (scene) != LSM_UNITS_DISTRICTS)
    {
      GListModel *districts = lsm_catalog_get_districts (lsm_scene_get_catalog (scene));

      for (guint i = 0; i < g_list_model_get_n_items (districts); i++)
        {
          g_autoptr(LsmFeature) district = g_list_model_get_item (districts, i);
          guint n_unplaced = count_unplaced (unplaced, district);
          LsmLabel label = { LSM_LABEL_BADGE };
          double lon, lat;

          if (n_unplaced == 0 || !lsm_feature_get_label_point (district, &lon, &lat))
            continue;
          /* Translators: a map badge where district names are not drawn: district, count of sites */
          label.text = g_strdup_printf (C_("district badge", "%s: %u"), lsm_feature_get_name (district), n_unplaced);
          label.size = 8.5 * view->scale;
          label.color = &number_ink;
          label.area = district;
          lsm_view_project (view, lon, lat, &label.anchor_x, &label.anchor_y);
          place_area_label (labeler, cr, labels, &label, NULL, NULL);
        }
    }

  _lsm_scene_collect_area_labels (scene, view, anchors);
  for (guint i = 0; i < anchors->len; i++)
    {
      LsmLabelAnchor *a = &g_array_index (anchors, LsmLabelAnchor, i);
      LsmLabel label = { a->kind, g_steal_pointer (&a->text) };
      guint n_unplaced = a->kind == LSM_LABEL_DISTRICT ? count_unplaced (unplaced, a->area) : 0;
      g_autofree char *count = n_unplaced > 0 ? g_strdup_printf ("%u", n_unplaced) : NULL;

      label.size = a->size;
      label.italic = a->italic;
      label.color = a->color;
      label.anchor_x = a->x;
      label.anchor_y = a->y;
      label.area = a->area;
      place_area_label (labeler, cr, labels, &label, a->area, count);
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

  layout = _lsm_scene_make_label_layout (cr, label->text, label->size, label->italic, is_bold (label));
  cairo_save (cr);
  if (label->kind == LSM_LABEL_BADGE)
    {
      const LsmBox *b = &label->box;

      cairo_rectangle (cr, b->x0 + 0.5, b->y0 + 0.5, b->x1 - b->x0 - 1, b->y1 - b->y0 - 1);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill_preserve (cr);
      lsm_style_set_source (cr, label->color, 1.0);
      cairo_set_line_width (cr, 0.8 * view->scale);
      cairo_stroke (cr);
      cairo_move_to (cr, b->x0 + BADGE_PAD, b->y0 + BADGE_PAD);
      pango_cairo_show_layout (cr, layout);
      cairo_restore (cr);
      return;
    }
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
 * site whatever the filter (tiles do not follow it), with room under each district's name for
 * the badge of its sites with no point, as on paper. @cr measures text. */
static GArray *
tile_labels (LsmScene *scene,
             cairo_t  *cr,
             double    zoom,
             double    scale)
{
  /* Held while a zoom's labels are made: tiles of that zoom drawn in other threads wait for
   * them rather than make them again. Entries are never removed, so they outlive the lock. */
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (_lsm_scene_get_tile_labels_lock (scene));
  GHashTable *cache = _lsm_scene_get_tile_labels (scene);
  /* Each set of units has its own labels. */
  g_autofree char *key = g_strdup_printf ("%.3f/%.3f/%s", zoom, scale,
                                          lsm_units_get_id (lsm_scene_get_units (scene)));
  GArray *labels = g_hash_table_lookup (cache, key);

  if (labels == NULL)
    {
      double size = LSM_TILE_SIZE * exp2 (zoom);
      LsmView world = { 0, 0, zoom, size, size, scale };
      g_autoptr(GArray) clusters = g_array_new (FALSE, FALSE, sizeof (LsmClusterPlacement));
      g_autoptr(GArray) placements = lsm_scene_place_matched (scene, &world, lsm_scene_get_all_sites (scene),
                                                              clusters);
      /* A scene's sites never change: those with no point are found once, not at each zoom. */
      GListModel *unplaced = g_object_get_data (G_OBJECT (scene), "lsm-unplaced-sites");

      if (unplaced == NULL)
        {
          GListModel *sites = lsm_catalog_get_sites (lsm_scene_get_catalog (scene));

          unplaced = lsm_district_filter_unplaced (sites);
          g_object_set_data_full (G_OBJECT (scene), "lsm-unplaced-sites", unplaced, g_object_unref);
        }
      labels = lsm_scene_layout_labels (scene, cr, &world, placements, clusters, 0, unplaced);
      g_hash_table_insert (cache, g_steal_pointer (&key), labels);
    }

  return labels;
}

void
_lsm_scene_draw_tile_labels (LsmScene      *scene,
                             cairo_t       *cr,
                             const LsmView *view)
{
  GArray *labels = tile_labels (scene, cr, view->zoom, view->scale);
  LsmBox tile = { 0, 0, view->width, view->height };

  cairo_save (cr);
  cairo_translate (cr, -view->x, -view->y);
  tile.x0 += view->x, tile.x1 += view->x, tile.y0 += view->y, tile.y1 += view->y;
  for (guint i = 0; i < labels->len; i++)
    {
      LsmLabel *label = &g_array_index (labels, LsmLabel, i);
      LsmBox halo = { label->box.x0 - 4, label->box.y0 - 4, label->box.x1 + 4, label->box.y1 + 4 };

      /* A badge's room only: the screen's badge goes there, counting what the filter shows. */
      if (label->kind != LSM_LABEL_BADGE && lsm_box_intersects (&halo, &tile))
        draw_label (cr, view, label);
    }
  cairo_restore (cr);
}

/**
 * lsm_scene_get_tile_label:
 * @scene: a scene
 * @zoom: the zoom level of the tiles shown
 * @kind: %LSM_LABEL_DISTRICT or %LSM_LABEL_BADGE
 * @area: a district
 *
 * Where the screen tiles of @zoom put @area's name, or left room for its badge: under its
 * name, placed with it as one box against every symbol, as on paper (or alone where the name
 * would be, over the units of 2025). Made with the tiles' labels, once per zoom.
 *
 * Returns: (transfer none) (nullable): the label, its box in world pixels at @zoom; %NULL if
 *   there is none (no room, or for a badge no site of @area without a point)
 */
const LsmLabel *
lsm_scene_get_tile_label (LsmScene     *scene,
                          guint         zoom,
                          LsmLabelKind  kind,
                          LsmFeature   *area)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  GArray *labels;

  g_return_val_if_fail (LSM_IS_SCENE (scene), NULL);
  g_return_val_if_fail (LSM_IS_FEATURE (area), NULL);

  /* Text measures the same on any image surface: the tiles' is one too. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  labels = tile_labels (scene, cr, zoom, 1.0);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  for (guint i = 0; i < labels->len; i++)
    {
      const LsmLabel *label = &g_array_index (labels, LsmLabel, i);

      if (label->kind == kind && label->area == area)
        return label;
    }

  return NULL;
}
