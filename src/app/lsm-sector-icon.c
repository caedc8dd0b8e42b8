/* lsm-sector-icon.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-sector-icon"

#include "config.h"

#include "lsm-sector-icon.h"
#include "lsm-style.h"
#include "lsm-vocab.h"

/**
 * lsm_symbol_texture_new:
 * @sector: a sector
 * @precision: how precisely the site is located
 * @size: the texture's width and height in pixels
 * @radius: the symbol's radius in pixels
 *
 * Returns: (transfer full): the map's symbol, centred in a texture
 */
GdkTexture *
lsm_symbol_texture_new (LsmSector    sector,
                        LsmPrecision precision,
                        int          size,
                        double       radius)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GBytes) bytes = NULL;

  lsm_style_draw_symbol (cr, sector, precision, size / 2.0, size / 2.0, radius);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      cairo_image_surface_get_stride (surface) * size,
                                      (GDestroyNotify) cairo_surface_destroy, surface);

  return gdk_memory_texture_new (size, size, GDK_MEMORY_DEFAULT, bytes,
                                 cairo_image_surface_get_stride (surface));
}

/**
 * lsm_sector_icon_set_image:
 * @image: an image
 * @sector: a sector
 *
 * Shows the sector's icon. The built-in sectors' icons are in the resources (drawn at build
 * time); a sector registered at run time, such as a category of the user's data, gets its
 * symbol drawn now by the same code.
 */
void
lsm_sector_icon_set_image (GtkImage  *image,
                           LsmSector  sector)
{
  g_autoptr(GdkTexture) texture = NULL;

  g_return_if_fail (GTK_IS_IMAGE (image));

  if (lsm_sector_is_builtin (sector))
    {
      gtk_image_set_from_icon_name (image, lsm_sector_get_icon_name (sector));
      return;
    }

  /* As the built-in icons draw it in 16 px, at twice the size for HiDPI and the sidebar's 20 px. */
  texture = lsm_symbol_texture_new (sector, LSM_PRECISION_EXACT, 32, 32 * LSM_ICON_SYMBOL_RADIUS / 16);
  gtk_image_set_from_paintable (image, GDK_PAINTABLE (texture));
}

/**
 * lsm_sector_icon_new_image:
 * @sector: a sector
 *
 * Returns: (transfer floating): an image of the sector's icon
 */
GtkWidget *
lsm_sector_icon_new_image (LsmSector sector)
{
  GtkWidget *image = gtk_image_new ();

  lsm_sector_icon_set_image (GTK_IMAGE (image), sector);
  return image;
}
