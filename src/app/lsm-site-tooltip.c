/* lsm-site-tooltip.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-sites-layer"

#include "config.h"

#include <glib/gi18n.h>

#include "lsm-feature.h"
#include "lsm-key.h"
#include "lsm-site-tooltip.h"
#include "lsm-style.h"
#include "lsm-vocab.h"

/* Hovering a symbol names it, with the headline figure the printed key gives: the layer's own
 * pick decides which symbol is under the pointer, so the tooltip and a click always agree. */

char *
_lsm_site_tooltip_markup (LsmFeature *site)
{
  g_autofree char *headline = lsm_key_format_headline (site);
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autofree char *name = g_markup_escape_text (lsm_feature_get_name (site) != NULL ? lsm_feature_get_name (site) : "", -1);
  g_autofree char *sector = g_markup_escape_text (lsm_sector_get_label (lsm_feature_get_sector (site)), -1);

  g_string_append_printf (markup, "<b>%s</b>\n%s", name, sector);
  if (headline != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (headline, -1);

      g_string_append_printf (markup, "\n%s", escaped);
    }

  return g_string_free (g_steal_pointer (&markup), FALSE);
}

static gboolean
on_query_tooltip_cb (GtkWidget  *widget,
                     int         x,
                     int         y,
                     gboolean    keyboard,
                     GtkTooltip *tooltip,
                     gpointer    data)
{
  LsmSitesLayer *layer = LSM_SITES_LAYER (widget);
  LsmFeature *site;
  g_autofree char *markup = NULL;
  double sx, sy;
  int r = (int) LSM_SYMBOL_RADIUS + 3;

  if (keyboard || (site = lsm_sites_layer_pick (layer, x, y)) == NULL)
    return FALSE;

  markup = _lsm_site_tooltip_markup (site);
  gtk_tooltip_set_markup (tooltip, markup);
  /* Moving off the symbol asks again, so the next symbol gets its own tooltip. */
  if (lsm_sites_layer_get_position (layer, site, &sx, &sy))
    gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int) sx - r, (int) sy - r, 2 * r, 2 * r });

  return TRUE;
}

/**
 * _lsm_site_tooltip_attach:
 * @layer: the sites layer
 *
 * Gives each symbol of @layer a tooltip with the site's name, sector and headline figure.
 */
void
_lsm_site_tooltip_attach (LsmSitesLayer *layer)
{
  gtk_widget_set_has_tooltip (GTK_WIDGET (layer), TRUE);
  g_signal_connect (layer, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), NULL);
}
