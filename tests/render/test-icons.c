/* test-icons.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <locale.h>

#include <gdk-pixbuf/gdk-pixbuf.h>

#include "lsm-style.h"
#include "lsm-test-utils.h"
#include "lsm-vocab.h"

/* The icons built into the application: one per sector of the table and per precision mark,
 * each an SVG that an icon loader reads, showing the map symbol's colour. */

#define ACTIONS RESOURCE_BASE "/icons/scalable/actions/"

static GdkPixbuf *
load_icon (const char *name)
{
  g_autofree char *path = g_strconcat (ACTIONS, name, ".svg", NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  GdkPixbuf *pixbuf;

  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (bytes, NULL), "<?xml"));
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "<svg"));

  /* Through the same loader GTK's icon theme uses for SVG. */
  pixbuf = gdk_pixbuf_new_from_resource_at_scale (path, 32, 32, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, 32);

  return pixbuf;
}

static guint32
centre_rgb (GdkPixbuf *pixbuf)
{
  const guchar *p = gdk_pixbuf_read_pixels (pixbuf)
                    + 16 * gdk_pixbuf_get_rowstride (pixbuf) + 16 * gdk_pixbuf_get_n_channels (pixbuf);

  return (guint32) p[0] << 16 | (guint32) p[1] << 8 | p[2];
}

static void
test_icons_sectors (void)
{
  g_assert_cmpuint (lsm_sector_get_count (), >, 0);

  for (LsmSector s = 0; s < lsm_sector_get_count (); s++)
    {
      g_autoptr(GdkPixbuf) icon = load_icon (lsm_sector_get_icon_name (s));

      /* A ring is hollow at its centre. */
      if (lsm_sector_get_shape (s) != LSM_SHAPE_RING && !lsm_test_rgb_near (centre_rgb (icon), lsm_sector_get_rgb (s)))
        g_error ("%s's icon is %06x at its centre, not %06x", lsm_sector_get_id (s),
                 centre_rgb (icon), lsm_sector_get_rgb (s));
    }
}

static void
test_icons_precisions (void)
{
  for (LsmPrecision p = LSM_PRECISION_EXACT; p < LSM_N_PRECISIONS; p++)
    {
      g_autofree char *name = lsm_style_dup_precision_icon_name (p);
      g_autoptr(GdkPixbuf) icon = load_icon (name);

      /* Hollow marks are white inside; solid ones the neutral ink. */
      if (p == LSM_PRECISION_COMMUNE || p == LSM_PRECISION_DISTRICT)
        g_assert_true (lsm_test_rgb_near (centre_rgb (icon), 0xffffff));
      else
        g_assert_true (lsm_test_rgb_near (centre_rgb (icon), 0x3d3846));
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lsm/icons/sectors", test_icons_sectors);
  g_test_add_func ("/lsm/icons/precisions", test_icons_precisions);

  return g_test_run ();
}
