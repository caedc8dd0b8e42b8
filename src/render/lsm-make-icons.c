/* lsm-make-icons.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-make-icons"

#include "config.h"

#include <errno.h>

#include <cairo-svg.h>
#include <glib/gstdio.h>

#include "lsm-sector.h"
#include "lsm-style.h"

/* Run at build time: writes the icon of every sector in the table and of every precision mark
 * as SVG, drawn by the style code the map uses, and the .gresource.xml that lists them. The
 * sidebar's icons are then the map's symbols by construction. */

#define ICON_SIZE 16.0
/* Room for the district halo within 16 px. */
#define PRECISION_RADIUS 3.8

typedef void (*DrawFunc) (cairo_t *cr,
                          guint    value);

static void
draw_sector (cairo_t *cr,
             guint    sector)
{
  lsm_style_draw_symbol (cr, sector, LSM_PRECISION_EXACT, ICON_SIZE / 2, ICON_SIZE / 2,
                         LSM_ICON_SYMBOL_RADIUS);
}

static void
draw_precision (cairo_t *cr,
                guint    precision)
{
  lsm_style_draw_precision_mark (cr, precision, ICON_SIZE / 2, ICON_SIZE / 2, PRECISION_RADIUS);
}

static gboolean
write_icon (const char *dir,
            const char *name,
            DrawFunc    draw,
            guint       value,
            GString    *xml)
{
  g_autofree char *file = g_strconcat (name, ".svg", NULL);
  g_autofree char *path = g_build_filename (dir, "icons", "scalable", "actions", file, NULL);
  g_autofree char *entry = NULL;
  cairo_surface_t *surface = cairo_svg_surface_create (path, ICON_SIZE, ICON_SIZE);
  cairo_status_t status;
  cairo_t *cr;

  cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
  cr = cairo_create (surface);
  draw (cr, value);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_printerr ("%s: %s\n", path, cairo_status_to_string (status));
      return FALSE;
    }

  entry = g_markup_printf_escaped ("    <file>icons/scalable/actions/%s</file>\n", file);
  g_string_append (xml, entry);
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *actions = NULL;
  g_autoptr(GString) xml = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  if (argc != 2)
    {
      g_printerr ("Usage: %s OUTPUT.gresource.xml\n", argv[0]);
      return 2;
    }

  dir = g_path_get_dirname (argv[1]);
  actions = g_build_filename (dir, "icons", "scalable", "actions", NULL);
  if (g_mkdir_with_parents (actions, 0755) != 0)
    {
      g_printerr ("%s: %s\n", actions, g_strerror (errno));
      return 1;
    }

  g_string_append (xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        "<!-- Written by lsm-make-icons: the icons are drawn by render/lsm-style.c. -->\n"
                        "<gresources>\n"
                        "  <gresource prefix=\"" RESOURCE_BASE "\">\n");

  /* GtkApplication adds RESOURCE_BASE/icons to the icon theme. */
  for (LsmSector s = 0; s < lsm_sector_get_count (); s++)
    if (!write_icon (dir, lsm_sector_get_icon_name (s), draw_sector, s, xml))
      return 1;

  for (LsmPrecision p = LSM_PRECISION_EXACT; p < LSM_N_PRECISIONS; p++)
    {
      g_autofree char *name = lsm_style_dup_precision_icon_name (p);

      if (!write_icon (dir, name, draw_precision, p, xml))
        return 1;
    }

  g_string_append (xml, "  </gresource>\n</gresources>\n");

  if (!g_file_set_contents (argv[1], xml->str, xml->len, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  return 0;
}
