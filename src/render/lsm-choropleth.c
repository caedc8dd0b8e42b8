/* lsm-choropleth.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-choropleth"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "lsm-chart.h"
#include "lsm-choropleth.h"
#include "lsm-feature.h"
#include "lsm-headline.h"
#include "lsm-overview.h"
#include "lsm-vocab.h"

/* Districts coloured by what the filter shows in each: the number of sites, or the MW or ha
 * those sites state. Four classes of equal width up to the largest district, in one hue from
 * light to dark, so the order survives a greyscale print; a district with none keeps a pale
 * grey, and the legend says what each shade means. */

static const struct
{
  const char *id;
  const char *label;
} kinds[] = {
  [LSM_CHOROPLETH_NONE] = { "none", NC_("choropleth", "None") },
  [LSM_CHOROPLETH_SITES] = { "sites", NC_("choropleth", "Number of sites") },
  [LSM_CHOROPLETH_CAPACITY] = { "capacity", NC_("choropleth", "Capacity (MW)") },
  [LSM_CHOROPLETH_AREA] = { "area", NC_("choropleth", "Planned area (ha)") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (kinds) == LSM_N_CHOROPLETH_KINDS);

/* ColorBrewer "Blues", lightness falling monotonically; [0] is "none". */
static const LsmRgb ramp[LSM_CHOROPLETH_N_CLASSES + 1] = {
  { 0.949, 0.949, 0.949 },
  { 0.776, 0.859, 0.937 },
  { 0.420, 0.682, 0.839 },
  { 0.129, 0.443, 0.710 },
  { 0.031, 0.188, 0.420 },
};

struct _LsmChoropleth
{
  GObject            parent_instance;

  LsmChoroplethKind  kind;
  GHashTable        *values;  /* district name → double *, only where above 0 */
  double             max;
  GHashTable        *unit_values; /* LsmFeature (a 2025 unit, borrowed) → double *, likewise */
  double             unit_max;
};

G_DEFINE_FINAL_TYPE (LsmChoropleth, lsm_choropleth, G_TYPE_OBJECT)

const char *
lsm_choropleth_kind_get_id (LsmChoroplethKind kind)
{
  g_return_val_if_fail (kind < LSM_N_CHOROPLETH_KINDS, NULL);

  return kinds[kind].id;
}

const char *
lsm_choropleth_kind_get_label (LsmChoroplethKind kind)
{
  g_return_val_if_fail (kind < LSM_N_CHOROPLETH_KINDS, NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, "choropleth", kinds[kind].label);
}

/**
 * lsm_choropleth_kind_parse:
 * @id: what the user typed after --choropleth=
 * @kind: (out): the kind
 * @error: return location for a %G_OPTION_ERROR listing the ids
 *
 * Returns: whether @id names a kind
 */
gboolean
lsm_choropleth_kind_parse (const char         *id,
                           LsmChoroplethKind  *kind,
                           GError            **error)
{
  for (guint k = 0; k < LSM_N_CHOROPLETH_KINDS; k++)
    if (g_strcmp0 (id, kinds[k].id) == 0)
      {
        *kind = k;
        return TRUE;
      }

  /* Translators: %s is what the user typed after --choropleth= */
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("Unknown choice “%s” for --choropleth: use none, sites, capacity or area"), id);
  return FALSE;
}

static void
lsm_choropleth_finalize (GObject *object)
{
  LsmChoropleth *self = (LsmChoropleth *) object;

  g_clear_pointer (&self->values, g_hash_table_unref);
  g_clear_pointer (&self->unit_values, g_hash_table_unref);

  G_OBJECT_CLASS (lsm_choropleth_parent_class)->finalize (object);
}

static void
lsm_choropleth_class_init (LsmChoroplethClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lsm_choropleth_finalize;
}

static void
lsm_choropleth_init (LsmChoropleth *self)
{
  self->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->unit_values = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
}

/* What one site adds to its area, as lsm_overview_sum_sectors() counts it for a district. */
static double
site_value (LsmChoroplethKind  kind,
            LsmFeature        *site)
{
  double value = 0;

  if (kind == LSM_CHOROPLETH_SITES)
    return 1;
  if (lsm_site_get_headline (site, kind == LSM_CHOROPLETH_CAPACITY ? LSM_COLUMN_CAPACITY : LSM_COLUMN_AREA, &value))
    return value;
  return 0;
}

/* The communes since 1 July 2025 hold the sites located in them: their own sums, not the old
 * districts'. */
static void
sum_units (LsmChoropleth *self,
           GListModel    *sites)
{
  guint n = g_list_model_get_n_items (sites);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LsmFeature) site = g_list_model_get_item (sites, i);
      LsmFeature *unit = lsm_feature_get_unit_2025 (site);
      double value = site_value (self->kind, site);
      double *sum;

      if (unit == NULL || value <= 0)
        continue;
      if ((sum = g_hash_table_lookup (self->unit_values, unit)) == NULL)
        g_hash_table_insert (self->unit_values, unit, (sum = g_new0 (double, 1)));
      *sum += value;
      self->unit_max = MAX (self->unit_max, *sum);
    }
}

/**
 * lsm_choropleth_new:
 * @kind: what to colour by
 * @districts: the districts
 * @sites: the sites to add up, such as the filter's
 *
 * Returns: (transfer full): the districts' values and shades, fixed until made anew
 */
LsmChoropleth *
lsm_choropleth_new (LsmChoroplethKind  kind,
                    GListModel        *districts,
                    GListModel        *sites)
{
  LsmChoropleth *self;
  guint n;

  g_return_val_if_fail (kind < LSM_N_CHOROPLETH_KINDS, NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (districts) && G_IS_LIST_MODEL (sites), NULL);

  self = g_object_new (LSM_TYPE_CHOROPLETH, NULL);
  self->kind = kind;
  n = g_list_model_get_n_items (districts);
  for (guint i = 0; i < n && kind != LSM_CHOROPLETH_NONE; i++)
    {
      g_autoptr(LsmFeature) district = g_list_model_get_item (districts, i);
      g_autoptr(GArray) totals = lsm_overview_sum_sectors (sites, lsm_feature_get_name (district));
      double value = 0;

      for (guint s = 0; s < totals->len; s++)
        {
          const LsmSectorTotals *t = &g_array_index (totals, LsmSectorTotals, s);

          value += kind == LSM_CHOROPLETH_SITES ? t->n_sites
                   : kind == LSM_CHOROPLETH_CAPACITY ? t->capacity_mw
                   : t->area_ha;
        }

      if (value > 0)
        {
          g_hash_table_insert (self->values, g_strdup (lsm_feature_get_name (district)), g_memdup2 (&value, sizeof value));
          self->max = MAX (self->max, value);
        }
    }
  if (kind != LSM_CHOROPLETH_NONE)
    sum_units (self, sites);

  return self;
}

LsmChoroplethKind
lsm_choropleth_get_kind (LsmChoropleth *self)
{
  g_return_val_if_fail (LSM_IS_CHOROPLETH (self), LSM_CHOROPLETH_NONE);

  return self->kind;
}

gboolean
lsm_choropleth_get_value (LsmChoropleth *self,
                          LsmFeature    *district,
                          double        *value)
{
  const double *found;

  g_return_val_if_fail (LSM_IS_CHOROPLETH (self), FALSE);

  if (lsm_feature_get_kind (district) == LSM_FEATURE_UNIT_2025)
    found = g_hash_table_lookup (self->unit_values, district);
  else
    found = g_hash_table_lookup (self->values, lsm_feature_get_name (district));
  *value = found != NULL ? *found : 0;
  return self->kind != LSM_CHOROPLETH_NONE;
}

static guint
class_of (double value,
          double max)
{
  if (value <= 0 || max <= 0)
    return 0;

  return CLAMP ((guint) ceil (value / max * LSM_CHOROPLETH_N_CLASSES), 1, LSM_CHOROPLETH_N_CLASSES);
}

/**
 * lsm_choropleth_get_rgb:
 * @self: a choropleth
 * @district: a district
 * @rgb: (out): its fill
 *
 * Returns: whether @self colours districts at all
 */
gboolean
lsm_choropleth_get_rgb (LsmChoropleth *self,
                        LsmFeature    *district,
                        LsmRgb        *rgb)
{
  double value;

  if (!lsm_choropleth_get_value (self, district, &value))
    return FALSE;

  *rgb = ramp[class_of (value, lsm_feature_get_kind (district) == LSM_FEATURE_UNIT_2025 ? self->unit_max : self->max)];
  return TRUE;
}

static char *
format_bound (LsmChoropleth *self,
              double         value)
{
  /* Counts are whole; MW and ha read well to one decimal below ten and whole above. */
  double shown = self->kind == LSM_CHOROPLETH_SITES || value >= 10 ? round (value) : round (value * 10) / 10;

  return lsm_format_number (shown, TRUE);
}

static double
draw_entry (cairo_t      *cr,
            const LsmRgb *fill,
            const char   *text,
            double        x,
            double        y,
            double        width,
            gboolean      draw)
{
  g_autoptr(PangoLayout) layout = lsm_chart_make_layout (cr, text, FALSE, width - 22);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  if (draw)
    {
      cairo_save (cr);
      cairo_rectangle (cr, x + 0.5, y + (h - 12) / 2.0 + 0.5, 16, 11);
      cairo_set_source_rgb (cr, fill->red, fill->green, fill->blue);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 0.4, 0.4, 0.4);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
      cairo_restore (cr);
      cairo_move_to (cr, x + 22, y);
      pango_cairo_show_layout (cr, layout);
    }

  return MAX (h, 13) + 2;
}

/**
 * lsm_choropleth_draw_units_legend:
 * @self: a choropleth
 * @units: the areas coloured: their shades' ranges differ
 * @cr: where to draw, with its source set to the text colour
 * @x: left edge
 * @y: top edge
 * @width: the width available
 * @font_size: the text's size, in the units of @cr
 * @draw: %FALSE to measure only
 *
 * Returns: the legend's height, 0 when areas are not coloured
 */
double
lsm_choropleth_draw_units_legend (LsmChoropleth *self,
                                  LsmUnits       units,
                                  cairo_t       *cr,
                                  double         x,
                                  double         y,
                                  double         width,
                                  double         font_size,
                                  gboolean       draw)
{
  double max = units == LSM_UNITS_COMMUNES_2025 ? self->unit_max : self->max;
  g_autoptr(PangoLayout) title = NULL;
  double scale = font_size / LSM_CHART_FONT_SIZE;
  double top = 0;
  int w, h;

  g_return_val_if_fail (LSM_IS_CHOROPLETH (self), 0);

  if (self->kind == LSM_CHOROPLETH_NONE)
    return 0;

  /* Drawn at the charts' size, scaled to the page's or the panel's. */
  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, scale, scale);
  x = 0;
  y = 0;
  width /= scale;

  title = lsm_chart_make_layout (cr, lsm_choropleth_kind_get_label (self->kind), TRUE, width);
  pango_layout_get_pixel_size (title, &w, &h);
  if (draw)
    {
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, title);
    }
  y += h + 4;

  for (guint c = LSM_CHOROPLETH_N_CLASSES; c >= 1 && max > 0; c--)
    {
      g_autofree char *low = format_bound (self, max * (c - 1) / LSM_CHOROPLETH_N_CLASSES);
      g_autofree char *high = format_bound (self, max * c / LSM_CHOROPLETH_N_CLASSES);
      /* Translators: a range of values, e.g. "9–10" */
      g_autofree char *text = g_strdup_printf (C_("range", "%s–%s"), low, high);

      y += draw_entry (cr, &ramp[c], text, x, y, width, draw);
    }
  /* Translators: the legend entry of districts where the filter shows nothing to add up */
  y += draw_entry (cr, &ramp[0], C_("choropleth", "None shown"), x, y, width, draw);
  cairo_restore (cr);

  return (y - top) * scale;
}

/**
 * lsm_choropleth_draw_legend:
 * @self: a choropleth
 * @cr: where to draw, with its source set to the text colour
 * @x: left edge
 * @y: top edge
 * @width: the width available
 * @font_size: the text's size, in the units of @cr
 * @draw: %FALSE to measure only
 *
 * The legend of coloured districts; see lsm_choropleth_draw_units_legend().
 *
 * Returns: the legend's height, 0 when districts are not coloured
 */
double
lsm_choropleth_draw_legend (LsmChoropleth *self,
                            cairo_t       *cr,
                            double         x,
                            double         y,
                            double         width,
                            double         font_size,
                            gboolean       draw)
{
  return lsm_choropleth_draw_units_legend (self, LSM_UNITS_DISTRICTS, cr, x, y, width, font_size, draw);
}
