/* lsm-page-legend.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-page"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "lsm-catalog.h"
#include "lsm-choropleth.h"
#include "lsm-clusters.h"
#include "lsm-feature.h"
#include "lsm-page-private.h"
#include "lsm-source.h"
#include "lsm-style.h"
#include "lsm-vocab.h"

/* What a page says beside its map: the legend of what it shows, the sources, the credits and an
 * atlas's contents. */

double
_lsm_page_draw_legend (cairo_t      *cr,
             LsmScene     *scene,
             const LsmPageShown  *shown,
             double        x,
             double        y,
             double        width,
             gboolean      draw)
{
  const LsmRgb *color = draw ? &_lsm_page_ink : NULL;
  double top = y;
  guint n_sectors;
  g_autofree LsmSector *sectors = lsm_sector_list (&n_sectors);

  y += _lsm_page_draw_text (cr, _("Sectors"), 9, TRUE, x, y, width, color) + 3;
  for (guint i = 0; i < n_sectors; i++)
    {
      LsmSector s = sectors[i];
      g_autofree char *entry = NULL;

      if (shown->counts[s] == 0)
        continue;

      /* Translators: a legend entry: sector, number of sites on the map */
      entry = g_strdup_printf (C_("legend entry", "%s (%u)"), lsm_sector_get_label (s), shown->counts[s]);
      if (draw)
        lsm_style_draw_symbol (cr, s, LSM_PRECISION_EXACT, x + 5, y + 5.5, 4.5);
      y += MAX (12, _lsm_page_draw_text (cr, entry, 8, FALSE, x + 15, y, width - 15, color)) + 1;
    }

  /* Coloured districts say what their shades mean, before the symbols' precision. */
  if (lsm_scene_get_choropleth (scene) != NULL)
    {
      if (draw)
        lsm_style_set_source (cr, &_lsm_page_ink, 1.0);
      y += 6 + lsm_choropleth_draw_legend (lsm_scene_get_choropleth (scene), cr, x, y + 6, width, 8, draw);
    }

  y += 6;
  y += _lsm_page_draw_text (cr, _("Location precision"), 9, TRUE, x, y, width, color) + 3;
  for (guint p = LSM_PRECISION_EXACT; p < LSM_N_PRECISIONS; p++)
    {
      if (shown->precisions[p] == 0)
        continue;
      if (draw)
        lsm_style_draw_precision_mark (cr, p, x + 5, y + 5.5, 3.6);
      y += MAX (12, _lsm_page_draw_text (cr, lsm_precision_get_label (p), 8, FALSE, x + 15, y, width - 15, color)) + 1;
    }
  y += _lsm_page_draw_district_key (cr, lsm_scene_get_catalog (scene), shown->sites, x, y, width, color);

  if (shown->n_clusters > 0)
    {
      g_autofree char *sites = NULL, *entry = NULL;
      LsmSector other;

      y += 6;
      y += _lsm_page_draw_text (cr, _("Clusters"), 9, TRUE, x, y, width, color) + 3;
      /* Translators: part of a legend entry, "%u sites in 12 clusters" */
      sites = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u site", "%u sites", shown->clustered),
                               shown->clustered);
      /* Translators: a legend entry; %s is "%u sites"; the number is how many cluster symbols the map has */
      entry = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s in %u cluster", "%s in %u clusters",
                                            shown->n_clusters),
                               sites, shown->n_clusters);
      /* The legend's sample is neutral: a cluster's colour is its most common sector. */
      if (draw && lsm_sector_from_id ("other", &other))
        lsm_style_draw_cluster (cr, other, 9, x + 5, y + 5.5, 5.5);
      y += MAX (12, _lsm_page_draw_text (cr, entry, 8, FALSE, x + 15, y, width - 15, color)) + 1;
    }

  return y - top;
}

double
_lsm_page_draw_sources (cairo_t    *cr,
              LsmCatalog *catalog,
              double      x,
              double      y,
              double      width,
              gboolean    draw)
{
  GListModel *sources = lsm_catalog_get_sources (catalog);
  const LsmRgb *color = draw ? &_lsm_page_ink : NULL;
  double top = y;
  guint n_sectors;
  g_autofree LsmSector *sectors = lsm_sector_list (&n_sectors);

  y += _lsm_page_draw_text (cr, _("Sources"), 9, TRUE, x, y, width, color) + 3;
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(LsmSource) source = g_list_model_get_item (sources, i);
      g_autofree char *citation = lsm_source_format_citation (source);
      g_autofree char *entry = g_strdup_printf (_("%u. %s"), i + 1, citation);

      y += _lsm_page_draw_text (cr, entry, 7, FALSE, x, y, width, color) + 2;
    }

  return y - top;
}

char *
_lsm_page_footer_text (const LsmPageOptions *options,
             LsmUnits              units)
{
  g_autoptr(GString) text = g_string_new (_("Boundaries: Government of Viet Nam (gis.chinhphu.vn), via dvhcvn, GPL-3.0; border line derived with Natural Earth."));

  if (lsm_units_get_credit (units) != NULL)
    {
      g_string_append_c (text, ' ');
      g_string_append (text, lsm_units_get_credit (units));
    }

  if (options->online)
    {
      g_string_append_c (text, ' ');
      g_string_append (text, _("Background map: © OpenStreetMap contributors."));
    }

  g_string_append_c (text, ' ');
  /* Translators: %s is the program's version */
  g_string_append_printf (text, _("Made with lsmap %s. Hollow symbols mark commune points, not the sites themselves."),
                          PACKAGE_VERSION);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
count_site (LsmFeature *site,
            LsmPageShown      *shown)
{
  shown->counts[lsm_feature_get_sector (site)]++;
  shown->precisions[lsm_feature_get_precision (site)]++;
  shown->total++;
}

/* What the map shows, the sites in clusters too: the legend's counts are the sites'. */
void
_lsm_page_count_shown (const LsmPageSites *sites,
             LsmPageShown              *shown)
{
  memset (shown, 0, sizeof *shown);
  shown->counts = g_new0 (guint, lsm_sector_get_count ());
  for (guint i = 0; i < sites->placements->len; i++)
    count_site (g_array_index (sites->placements, LsmPlacement, i).site, shown);

  for (guint i = 0; i < sites->clusters->len; i++)
    {
      const LsmClusterPlacement *c = &g_array_index (sites->clusters, LsmClusterPlacement, i);

      for (guint k = 0; k < c->count; k++)
        count_site (lsm_page_sites_get_member (sites, i, k), shown);
      shown->clustered += c->count;
      shown->n_clusters++;
    }
}

/* An atlas overview's list of its pages, in the key's place. */
double
_lsm_page_draw_contents (cairo_t            *cr,
               const char * const *contents,
               double              x,
               double              y,
               double              width,
               gboolean            draw)
{
  const LsmRgb *color = draw ? &_lsm_page_ink : NULL;
  double top = y;

  y += _lsm_page_draw_text (cr, _("Contents"), 9, TRUE, x, y, width, color) + 3;
  for (guint i = 0; contents[i] != NULL; i++)
    y += _lsm_page_draw_text (cr, contents[i], 8, FALSE, x, y, width, color) + 1;

  return y - top;
}

void
_lsm_page_draw_footer (cairo_t              *cr,
             LsmScene             *scene,
             const LsmPageOptions *options,
             const LsmPageSection *section,
             double                width,
             double                height)
{
  g_autofree char *footer = _lsm_page_footer_text (options, lsm_scene_get_units (scene));
  double content = width - 2 * LSM_PAGE_MARGIN;
  double label_w = 70; /* kept on pages without a number too, so they all lay out alike */
  double footer_h = _lsm_page_draw_text (cr, footer, 6.5, FALSE, LSM_PAGE_MARGIN, 0, content - label_w, NULL);

  _lsm_page_draw_text (cr, footer, 6.5, FALSE, LSM_PAGE_MARGIN, height - LSM_PAGE_MARGIN - footer_h, content - label_w, &_lsm_page_grey);
  if (section->page_label != NULL)
    {
      g_autoptr(PangoLayout) layout = _lsm_page_make_layout (cr, section->page_label, 8, TRUE, -1);
      int w, h;

      pango_layout_get_size (layout, &w, &h);
      cairo_move_to (cr, width - LSM_PAGE_MARGIN - (double) w / PANGO_SCALE, height - LSM_PAGE_MARGIN - (double) h / PANGO_SCALE);
      lsm_style_set_source (cr, &_lsm_page_ink, 1.0);
      pango_cairo_show_layout (cr, layout);
    }
}

double
_lsm_page_footer_height (LsmScene             *scene,
               const LsmPageOptions *options,
               cairo_t              *cr,
               double                width,
               const LsmPageSection *section)
{
  g_autofree char *footer = _lsm_page_footer_text (options, lsm_scene_get_units (scene));

  return _lsm_page_draw_text (cr, footer, 6.5, FALSE, LSM_PAGE_MARGIN, 0, width - 2 * LSM_PAGE_MARGIN - 70, NULL);
}
