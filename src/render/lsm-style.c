/* lsm-style.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-style"

#include "config.h"

#include <math.h>

#include <pango/pangocairo.h>

#include "lsm-sector.h"
#include "lsm-style.h"
#include "lsm-vocab.h"

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0 }

/* Pale, distinct fills for neighbouring districts (four colours suffice for a map). */
static const LsmRgb district_fills[] = {
  RGB (0xf6f0d8), RGB (0xe3efd9), RGB (0xf3e1dc), RGB (0xdfe8f3), RGB (0xece3f2),
};

const LsmRgb lsm_style_background = RGB (0xf4f3f1);
const LsmRgb lsm_style_neighbour_fill = RGB (0xe6e4e1);
const LsmRgb lsm_style_neighbour_text = RGB (0x8a8985);
const LsmRgb lsm_style_district_line = RGB (0x8f8c87);
const LsmRgb lsm_style_province_line = RGB (0x4a4750);
const LsmRgb lsm_style_border_line = RGB (0xa51d2d);
const LsmRgb lsm_style_label_text = RGB (0x33312e);
const LsmRgb lsm_style_selection = RGB (0x3584e4);

void
lsm_style_set_source (cairo_t      *cr,
                      const LsmRgb *rgb,
                      double        alpha)
{
  cairo_set_source_rgba (cr, rgb->red, rgb->green, rgb->blue, alpha);
}

/* The colours and shapes of sectors are the sector table's (lsm-sector.c). */
void
lsm_style_get_sector_rgb (LsmSector  sector,
                          LsmRgb    *rgb)
{
  guint32 c;

  g_return_if_fail (sector < lsm_sector_get_count ());

  c = lsm_sector_get_rgb (sector);
  rgb->red = (c >> 16 & 0xff) / 255.0;
  rgb->green = (c >> 8 & 0xff) / 255.0;
  rgb->blue = (c & 0xff) / 255.0;
}

/**
 * lsm_style_get_sector_argb:
 * @sector: a sector
 *
 * Returns: the sector's colour as opaque 0xAARRGGBB, for pixel tests
 */
guint32
lsm_style_get_sector_argb (LsmSector sector)
{
  g_return_val_if_fail (sector < lsm_sector_get_count (), 0);

  return 0xff000000 | lsm_sector_get_rgb (sector);
}

void
lsm_style_get_district_rgb (guint   color_index,
                            LsmRgb *rgb)
{
  *rgb = district_fills[color_index % G_N_ELEMENTS (district_fills)];
}

static void
polygon_path (cairo_t *cr,
              double   x,
              double   y,
              double   r,
              int      n,
              double   start)
{
  for (int i = 0; i < n; i++)
    {
      double a = start + i * 2 * G_PI / n;

      if (i == 0)
        cairo_move_to (cr, x + r * cos (a), y + r * sin (a));
      else
        cairo_line_to (cr, x + r * cos (a), y + r * sin (a));
    }
  cairo_close_path (cr);
}

static void
shape_path (cairo_t *cr,
            LsmShape shape,
            double   x,
            double   y,
            double   r)
{
  switch (shape)
    {
    case LSM_SHAPE_DIAMOND:
      polygon_path (cr, x, y, r, 4, -G_PI / 2);
      break;
    case LSM_SHAPE_HEXAGON:
      polygon_path (cr, x, y, r, 6, 0);
      break;
    case LSM_SHAPE_SQUARE:
      polygon_path (cr, x, y, r, 4, -G_PI / 4);
      break;
    case LSM_SHAPE_PENTAGON:
      polygon_path (cr, x, y, r, 5, -G_PI / 2);
      break;
    case LSM_SHAPE_TRIANGLE_UP:
      polygon_path (cr, x, y + r * 0.15, r * 1.1, 3, -G_PI / 2);
      break;
    case LSM_SHAPE_TRIANGLE_DOWN:
      polygon_path (cr, x, y - r * 0.15, r * 1.1, 3, G_PI / 2);
      break;
    case LSM_SHAPE_OCTAGON:
      polygon_path (cr, x, y, r, 8, G_PI / 8);
      break;
    case LSM_SHAPE_STAR:
      for (int i = 0; i < 10; i++)
        {
          double a = -G_PI / 2 + i * G_PI / 5;
          double rr = i % 2 == 0 ? r * 1.15 : r * 0.5;

          if (i == 0)
            cairo_move_to (cr, x + rr * cos (a), y + rr * sin (a));
          else
            cairo_line_to (cr, x + rr * cos (a), y + rr * sin (a));
        }
      cairo_close_path (cr);
      break;
    case LSM_SHAPE_CROSS:
      {
        double a = r * 0.9, t = a / 3;

        cairo_move_to (cr, x - t, y - a);
        cairo_line_to (cr, x + t, y - a);
        cairo_line_to (cr, x + t, y - t);
        cairo_line_to (cr, x + a, y - t);
        cairo_line_to (cr, x + a, y + t);
        cairo_line_to (cr, x + t, y + t);
        cairo_line_to (cr, x + t, y + a);
        cairo_line_to (cr, x - t, y + a);
        cairo_line_to (cr, x - t, y + t);
        cairo_line_to (cr, x - a, y + t);
        cairo_line_to (cr, x - a, y - t);
        cairo_line_to (cr, x - t, y - t);
        cairo_close_path (cr);
      }
      break;
    case LSM_SHAPE_CIRCLE:
    case LSM_SHAPE_RING:
    default:
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r * 0.85, 0, 2 * G_PI);
      cairo_close_path (cr);
      break;
    }
}

static void
dashed_ring (cairo_t *cr,
             double   x,
             double   y,
             double   r,
             double   line,
             double   dash)
{
  double dashes[] = { dash, dash * 0.8 };

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_arc (cr, x, y, r, 0, 2 * G_PI);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_set_line_width (cr, line);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
  cairo_set_line_width (cr, line * 2.5);
  cairo_stroke_preserve (cr);
  cairo_set_line_width (cr, line);
  cairo_set_source_rgb (cr, 0.24, 0.22, 0.27);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_styled (cairo_t      *cr,
             LsmShape      shape,
             const LsmRgb *color,
             LsmPrecision  precision,
             double        x,
             double        y,
             double        radius)
{
  LsmRgb rgb = *color;
  gboolean hollow = precision == LSM_PRECISION_COMMUNE || precision == LSM_PRECISION_DISTRICT;

  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  if (precision == LSM_PRECISION_DISTRICT)
    dashed_ring (cr, x, y, radius * 1.9, radius * 0.14, radius * 0.35);
  else if (precision == LSM_PRECISION_APPROX)
    dashed_ring (cr, x, y, radius * 1.45, radius * 0.14, radius * 0.3);

  cairo_new_path (cr);
  shape_path (cr, shape, x, y, radius);

  if (shape == LSM_SHAPE_RING)
    {
      /* A ring is hollow by nature: halo, then the coloured stroke. */
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_set_line_width (cr, radius * 0.55);
      cairo_stroke_preserve (cr);
      lsm_style_set_source (cr, &rgb, 1.0);
      cairo_set_line_width (cr, radius * (hollow ? 0.2 : 0.3));
      cairo_stroke (cr);
    }
  else if (hollow)
    {
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill_preserve (cr);
      lsm_style_set_source (cr, &rgb, 1.0);
      cairo_set_line_width (cr, radius * 0.3);
      cairo_stroke (cr);
    }
  else
    {
      lsm_style_set_source (cr, &rgb, 1.0);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_set_line_width (cr, radius * 0.22);
      cairo_stroke (cr);
    }

  cairo_restore (cr);
}

/**
 * lsm_style_draw_symbol:
 * @cr: a cairo context
 * @sector: the site's sector
 * @precision: how precisely the site is located
 * @x: centre x
 * @y: centre y
 * @radius: circumscribed radius in user units
 *
 * Draws a site symbol. Sites placed at a commune or district point are drawn hollow (and a
 * district point gets a wide dashed halo; an approximate one a tight dashed ring), so nobody
 * takes them for surveyed positions.
 */
void
lsm_style_draw_symbol (cairo_t      *cr,
                       LsmSector     sector,
                       LsmPrecision  precision,
                       double        x,
                       double        y,
                       double        radius)
{
  LsmRgb rgb;

  g_return_if_fail (sector < lsm_sector_get_count ());

  lsm_style_get_sector_rgb (sector, &rgb);
  draw_styled (cr, lsm_sector_get_shape (sector), &rgb, precision, x, y, radius);
}


/**
 * lsm_style_draw_precision_mark:
 * @cr: a cairo context
 * @precision: the precision to explain
 * @x: centre x
 * @y: centre y
 * @radius: circumscribed radius
 *
 * A neutral symbol in the given precision's style, for legends.
 */
void
lsm_style_draw_precision_mark (cairo_t      *cr,
                               LsmPrecision  precision,
                               double        x,
                               double        y,
                               double        radius)
{
  static const LsmRgb neutral = RGB (0x3d3846);

  /* Sites known only to their district are no symbols: their mark is the map's counted badge. */
  if (precision == LSM_PRECISION_DISTRICT)
    {
      double w = radius * 1.8, h = radius * 1.15;

      cairo_save (cr);
      cairo_new_sub_path (cr);
      cairo_arc (cr, x - w / 2 + h / 2, y, h / 2, G_PI / 2, 3 * G_PI / 2);
      cairo_arc (cr, x + w / 2 - h / 2, y, h / 2, -G_PI / 2, G_PI / 2);
      cairo_close_path (cr);
      lsm_style_set_source (cr, &neutral, 1.0);
      cairo_fill (cr);
      cairo_move_to (cr, x - h * 0.18, y - h * 0.18);
      cairo_line_to (cr, x + h * 0.05, y - h * 0.32);
      cairo_line_to (cr, x + h * 0.05, y + h * 0.32);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_set_line_width (cr, h * 0.16);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke (cr);
      cairo_restore (cr);
      return;
    }

  /* A plain circle: the legend explains the outline, not the sector. */
  draw_styled (cr, LSM_SHAPE_CIRCLE, &neutral, precision, x, y, radius);
}

/**
 * lsm_style_dup_precision_icon_name:
 * @precision: a precision
 *
 * Returns: (transfer full): the name of the icon of lsm_style_draw_precision_mark()'s mark
 */
char *
lsm_style_dup_precision_icon_name (LsmPrecision precision)
{
  g_return_val_if_fail (precision < LSM_N_PRECISIONS, NULL);

  return g_strdup_printf ("lsm-precision-%s", lsm_precision_get_id (precision));
}

/**
 * lsm_style_get_cluster_radius:
 * @count: sites in the cluster
 *
 * Returns: the radius of a cluster symbol in CSS px: growing with the count's digits, so the
 *   label fits and a bigger cluster reads as bigger
 */
double
lsm_style_get_cluster_radius (guint count)
{
  return LSM_SYMBOL_RADIUS * (1.0 + 0.3 * log10 (MAX (count, 2)));
}

/**
 * lsm_style_draw_cluster:
 * @cr: a cairo context
 * @sector: the most common sector among its sites
 * @count: how many sites it stands for
 * @x: centre x
 * @y: centre y
 * @radius: from lsm_style_get_cluster_radius(), times the output's scale
 *
 * A disc in the sector's colour, ringed white and grey so it stands apart from site symbols,
 * with the count in it.
 */
void
lsm_style_draw_cluster (cairo_t   *cr,
                        LsmSector  sector,
                        guint      count,
                        double     x,
                        double     y,
                        double     radius)
{
  g_autofree char *label = g_strdup_printf ("%u", count);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (LSM_LABEL_FONT);
  PangoLayout *layout;
  PangoRectangle ink;
  LsmRgb rgb;
  double scale = radius / lsm_style_get_cluster_radius (count);

  g_return_if_fail (sector < lsm_sector_get_count ());

  lsm_style_get_sector_rgb (sector, &rgb);
  cairo_save (cr);
  cairo_new_path (cr);
  cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
  lsm_style_set_source (cr, &rgb, 0.35);
  cairo_fill (cr);
  cairo_arc (cr, x, y, radius * 0.78, 0, 2 * G_PI);
  lsm_style_set_source (cr, &rgb, 1.0);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_line_width (cr, 1.5 * scale);
  cairo_stroke (cr);

  layout = pango_cairo_create_layout (cr);
  pango_font_description_set_absolute_size (font, 9.0 * scale * PANGO_SCALE);
  pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, label, -1);
  pango_layout_get_pixel_extents (layout, &ink, NULL);
  /* Wide counts shrink to the disc rather than spill over it. */
  if (ink.width > radius * 1.5)
    {
      double fit = radius * 1.5 / ink.width;

      pango_font_description_set_absolute_size (font, 9.0 * scale * fit * PANGO_SCALE);
      pango_layout_set_font_description (layout, font);
      pango_layout_get_pixel_extents (layout, &ink, NULL);
    }
  cairo_move_to (cr, x - ink.x - ink.width / 2.0, y - ink.y - ink.height / 2.0);
  cairo_set_source_rgb (cr, 1, 1, 1);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
  cairo_restore (cr);
}
