/* lsm-sites-layer-textures.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-sites-layer"

#include "config.h"

#include <math.h>

#include "lsm-feature.h"
#include "lsm-sites-layer-private.h"
#include "lsm-style.h"

/* The sites layer's symbols, each drawn once per sector and precision (and clusters once per
 * count) at the widget's scale, then reused by every frame. */

/* Room for each precision's decoration: dashed halos are wider than the symbol. The cairo
 * renderer's cost per texture node grows with its area, so no texture is larger than needed. */
double
_lsm_sites_layer_texture_extent (LsmPrecision precision)
{
  switch (precision)
    {
    case LSM_PRECISION_DISTRICT:
      return LSM_SYMBOL_RADIUS * 4.2;
    case LSM_PRECISION_APPROX:
      return LSM_SYMBOL_RADIUS * 3.3;
    case LSM_PRECISION_EXACT:
    case LSM_PRECISION_COMMUNE:
    case LSM_PRECISION_UNKNOWN:
    default:
      return LSM_SYMBOL_RADIUS * 2.6;
    }
}

/* Cluster textures kept at most: a frame shows a few hundred counts at most. */
#define MAX_CLUSTER_TEXTURES 2048

void
_lsm_sites_layer_clear_textures (LsmSitesLayer *self)
{
  for (guint i = 0; i < self->textures->len; i++)
    g_clear_object (&g_ptr_array_index (self->textures, i));
  if (self->cluster_textures != NULL)
    g_hash_table_remove_all (self->cluster_textures);
}

/* The texture keeps its surface (as "lsm-surface", at the widget's scale) for frames drawn with
 * cairo. */
/* Takes @surface: the texture shares its pixels. */
static GdkTexture *
texture_new_for_surface (cairo_surface_t *surface)
{
  g_autoptr(GBytes) bytes = NULL;

  cairo_surface_flush (surface);
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) cairo_image_surface_get_stride (surface) * cairo_image_surface_get_height (surface),
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  return gdk_memory_texture_new (cairo_image_surface_get_width (surface), cairo_image_surface_get_height (surface),
                                 GDK_MEMORY_DEFAULT, bytes, cairo_image_surface_get_stride (surface));
}

static GdkTexture *
texture_from_surface (cairo_surface_t *surface,
                      int              scale)
{
  GdkTexture *texture = texture_new_for_surface (cairo_surface_reference (surface));

  cairo_surface_set_device_scale (surface, scale, scale);
  g_object_set_data_full (G_OBJECT (texture), "lsm-surface", surface, (GDestroyNotify) cairo_surface_destroy);

  return texture;
}

static void
check_scale (LsmSitesLayer *self)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));

  if (scale != self->texture_scale)
    {
      _lsm_sites_layer_clear_textures (self);
      self->texture_scale = scale;
    }
}

GdkTexture *
_lsm_sites_layer_get_cluster_texture (LsmSitesLayer             *self,
                                      const LsmClusterPlacement *cluster)
{
  gpointer key = GSIZE_TO_POINTER (((gsize) cluster->count << 16) | cluster->sector);
  GdkTexture *texture;

  check_scale (self);
  texture = g_hash_table_lookup (self->cluster_textures, key);
  if (texture == NULL)
    {
      int scale = self->texture_scale;
      int size = (int) ceil (2 * cluster->radius * scale) + 2;
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
      cairo_t *cr = cairo_create (surface);

      lsm_style_draw_cluster (cr, cluster->sector, cluster->count, size / 2.0, size / 2.0,
                              cluster->radius * scale);
      cairo_destroy (cr);
      texture = texture_from_surface (surface, scale);
      if (g_hash_table_size (self->cluster_textures) >= MAX_CLUSTER_TEXTURES)
        g_hash_table_remove_all (self->cluster_textures);
      g_hash_table_insert (self->cluster_textures, key, texture);
    }

  return texture;
}

GdkTexture *
_lsm_sites_layer_get_texture (LsmSitesLayer *self,
                              LsmSector      sector,
                              LsmPrecision   precision)
{
  guint index = sector * LSM_N_PRECISIONS + precision;

  check_scale (self);
  /* Sectors can be added at run time (a user's own categories). */
  if (index >= self->textures->len)
    g_ptr_array_set_size (self->textures, (sector + 1) * LSM_N_PRECISIONS);

  if (g_ptr_array_index (self->textures, index) == NULL)
    {
      int scale = self->texture_scale;
      int size = (int) ceil (_lsm_sites_layer_texture_extent (precision) * scale);
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
      cairo_t *cr = cairo_create (surface);

      lsm_style_draw_symbol (cr, sector, precision, size / 2.0, size / 2.0, LSM_SYMBOL_RADIUS * scale);
      cairo_destroy (cr);
      g_ptr_array_index (self->textures, index) = texture_from_surface (surface, scale);
    }

  return g_ptr_array_index (self->textures, index);
}

static void
paint_surface (cairo_t    *cr,
               GdkTexture *texture,
               double      x,
               double      y,
               double      extent)
{
  cairo_set_source_surface (cr, g_object_get_data (G_OBJECT (texture), "lsm-surface"),
                            x - extent / 2, y - extent / 2);
  cairo_paint (cr);
}

/* The frame's symbols, leader lines and clusters painted from their surfaces: one cairo node
 * for a dense frame. */
void
_lsm_sites_layer_draw_with_cairo (LsmSitesLayer *self,
                                  cairo_t       *cr)
{
  cairo_set_line_width (cr, 1.0);
  for (guint i = 0; i < self->placements->len; i++)
    {
      const LsmPlacement *p = &g_array_index (self->placements, LsmPlacement, i);

      if (p->x == p->anchor_x && p->y == p->anchor_y)
        continue;
      cairo_move_to (cr, p->anchor_x, p->anchor_y);
      cairo_line_to (cr, p->x, p->y);
    }
  cairo_set_source_rgba (cr, 0.2, 0.2, 0.2, 0.8);
  cairo_stroke (cr);

  for (guint i = 0; i < self->placements->len; i++)
    {
      const LsmPlacement *p = &g_array_index (self->placements, LsmPlacement, i);
      LsmPrecision precision = lsm_feature_get_precision (p->site);

      if (p->site == self->selected)
        {
          cairo_new_path (cr);
          cairo_arc (cr, p->x, p->y, 12.5, 0, 2 * G_PI);
          cairo_set_source_rgb (cr, 0.21, 0.52, 0.89);
          cairo_set_line_width (cr, 3);
          cairo_stroke (cr);
        }
      paint_surface (cr, _lsm_sites_layer_get_texture (self, lsm_feature_get_sector (p->site), precision), p->x, p->y,
                     _lsm_sites_layer_texture_extent (precision));
    }

  for (guint i = 0; i < self->clusters->len; i++)
    {
      const LsmClusterPlacement *c = &g_array_index (self->clusters, LsmClusterPlacement, i);
      GdkTexture *texture = _lsm_sites_layer_get_cluster_texture (self, c);

      paint_surface (cr, texture, c->x, c->y, (double) gdk_texture_get_width (texture) / self->texture_scale);
    }
}
