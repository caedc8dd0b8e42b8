/* lsm-page.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-page"

#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "lsm-atlas.h"
#include "lsm-catalog.h"
#include "lsm-clusters.h"
#include "lsm-feature.h"
#include "lsm-filter.h"
#include "lsm-key.h"
#include "lsm-labels.h"
#include "lsm-output-file.h"
#include "lsm-page-private.h"
#include "lsm-page-title.h"
#include "lsm-source.h"
#include "lsm-style.h"
#include "lsm-vocab.h"

/* One page layout for print, export and the command line: title, the map with a north arrow and a
 * scale bar true to the printed scale, a legend of what the map shows, the sources, attribution and
 * dates. Pure cairo and Pango, in points, so it needs no display. */

#define MARGIN     28.0
#define GAP        10.0
#define PRINT_SCALE 0.7 /* symbols and labels, against the screen's pixels */

static const LsmRgb ink = { 0.13, 0.12, 0.14 };
static const LsmRgb grey = { 0.42, 0.41, 0.44 };

void
lsm_page_options_init (LsmPageOptions *options)
{
  memset (options, 0, sizeof *options);
  options->paper = LSM_PAPER_A4;
  options->landscape = TRUE;
  options->pixel_width = 1600;
  options->pixel_height = 1200;
  options->dpi = 150;
  options->extent = LSM_EXTENT_PROVINCE;
}

void
lsm_page_options_clear (LsmPageOptions *options)
{
  g_clear_pointer (&options->title, g_free);
  g_clear_pointer (&options->district, g_free);
  g_clear_pointer (&options->date, g_date_time_unref);
}

/**
 * lsm_page_get_size:
 * @options: page options
 * @width_pt: (out): page width in points
 * @height_pt: (out): page height in points
 */
void
lsm_page_get_size (const LsmPageOptions *options,
                   double               *width_pt,
                   double               *height_pt)
{
  double w, h;

  switch (options->paper)
    {
    case LSM_PAPER_A3:
      w = 841.89, h = 1190.55;
      break;
    case LSM_PAPER_LETTER:
      w = 612, h = 792;
      break;
    case LSM_PAPER_PIXELS:
      *width_pt = options->pixel_width * 72.0 / 96.0;
      *height_pt = options->pixel_height * 72.0 / 96.0;
      return;
    case LSM_PAPER_A4:
    default:
      w = 595.28, h = 841.89;
      break;
    }

  *width_pt = options->landscape ? h : w;
  *height_pt = options->landscape ? w : h;
}

char *
lsm_page_default_title (void)
{
  return lsm_page_filter_title (NULL, NULL);
}

/**
 * lsm_page_cap_title:
 * @title: a title as the user gave it
 * @capped: (out) (optional): whether it was shortened
 *
 * Titles longer than %LSM_PAGE_TITLE_MAX characters end in an ellipsis there: a page has room for
 * a few lines, and laying out a pasted novel takes Pango most of a minute.
 *
 * Returns: (transfer full): the title to print
 */
char *
lsm_page_cap_title (const char *title,
                    gboolean   *capped)
{
  glong len = g_utf8_strlen (title, -1);
  g_autofree char *start = NULL;

  if (capped != NULL)
    *capped = len > LSM_PAGE_TITLE_MAX;
  if (len <= LSM_PAGE_TITLE_MAX)
    return g_strdup (title);

  start = g_utf8_substring (title, 0, LSM_PAGE_TITLE_MAX - 1);
  return g_strconcat (g_strchomp (start), "…", NULL);
}

gboolean
lsm_page_parse_paper (const char  *name,
                      LsmPaper    *paper,
                      GError     **error)
{
  if (g_ascii_strcasecmp (name, "a4") == 0)
    *paper = LSM_PAPER_A4;
  else if (g_ascii_strcasecmp (name, "a3") == 0)
    *paper = LSM_PAPER_A3;
  else if (g_ascii_strcasecmp (name, "letter") == 0)
    *paper = LSM_PAPER_LETTER;
  else
    {
      /* Translators: %s is what the user typed after --paper= */
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Unknown paper “%s”: use A4, A3 or letter"), name);
      return FALSE;
    }

  return TRUE;
}

static char *
format_date (GDateTime *date)
{
  /* Translators: a date on a printed map, strftime format; e.g. "%d/%m/%Y" */
  return g_date_time_format (date, C_("printed date", "%-d %B %Y"));
}

static char *
format_iso_date (const char *iso)
{
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *with_time = NULL;

  if (iso == NULL)
    return NULL;

  with_time = g_strdup_printf ("%sT00:00:00Z", iso);
  date = g_date_time_new_from_iso8601 (with_time, NULL);
  if (date == NULL)
    return g_strdup (iso);

  return g_strstrip (format_date (date));
}

static PangoLayout *
make_layout (cairo_t    *cr,
             const char *text,
             double      size,
             gboolean    bold,
             double      width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (LSM_LABEL_FONT);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_text (layout, text, -1);

  return layout;
}

/* The page's text style, for the key's cells. */
PangoLayout *
_lsm_page_make_layout (cairo_t    *cr,
                       const char *text,
                       double      size,
                       gboolean    bold,
                       double      width)
{
  return make_layout (cr, text, size, bold, width);
}

/* Draws text (never markup) and returns its height. */
static double
draw_text (cairo_t      *cr,
           const char   *text,
           double        size,
           gboolean      bold,
           double        x,
           double        y,
           double        width,
           const LsmRgb *color)
{
  g_autoptr(PangoLayout) layout = make_layout (cr, text, size, bold, width);
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  if (color != NULL)
    {
      cairo_move_to (cr, x, y);
      lsm_style_set_source (cr, color, 1.0);
      pango_cairo_show_layout (cr, layout);
    }

  return (double) h / PANGO_SCALE;
}

double
_lsm_page_draw_text (cairo_t      *cr,
                     const char   *text,
                     double        size,
                     gboolean      bold,
                     double        x,
                     double        y,
                     double        width,
                     const LsmRgb *color)
{
  return draw_text (cr, text, size, bold, x, y, width, color);
}

static gboolean
page_bounds (LsmScene             *scene,
             const LsmPageOptions *options,
             LsmBounds            *bounds)
{
  LsmCatalog *catalog = lsm_scene_get_catalog (scene);

  if (options->extent == LSM_EXTENT_BOUNDS && !lsm_bounds_is_empty (&options->bounds))
    {
      *bounds = options->bounds;
      return TRUE;
    }

  if (options->extent == LSM_EXTENT_DISTRICT)
    {
      LsmFeature *district = lsm_catalog_lookup_district (catalog, options->district);

      if (district != NULL && lsm_feature_get_geometry (district) != NULL)
        {
          lsm_geometry_get_bounds (lsm_feature_get_geometry (district), bounds);
          return TRUE;
        }
    }

  return lsm_catalog_get_bounds (catalog, bounds);
}

static void
draw_north_arrow (cairo_t *cr,
                  double   x,
                  double   y)
{
  cairo_save (cr);
  cairo_new_path (cr);
  cairo_move_to (cr, x, y - 14);
  cairo_line_to (cr, x + 6, y + 6);
  cairo_line_to (cr, x, y + 2);
  cairo_line_to (cr, x - 6, y + 6);
  cairo_close_path (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_line_width (cr, 2.5);
  cairo_stroke_preserve (cr);
  lsm_style_set_source (cr, &ink, 1.0);
  cairo_fill (cr);
  draw_text (cr, C_("north arrow", "N"), 9, TRUE, x - 3.5, y + 7, -1, &ink);
  cairo_restore (cr);
}

/* A bar of 1, 2 or 5 × 10ⁿ metres, about a fifth of the frame: true to scale on the page. */
static void
draw_scale_bar (cairo_t       *cr,
                const LsmView *view,
                double         x,
                double         y,
                double         frame_width)
{
  double metres_per_pt = lsm_view_meters_per_unit (view);
  double wanted = frame_width * 0.2 * metres_per_pt;
  double step = pow (10, floor (log10 (wanted)));
  double metres = wanted >= 5 * step ? 5 * step : wanted >= 2 * step ? 2 * step : step;
  double length = metres / metres_per_pt;
  g_autofree char *number = lsm_format_number (metres >= 1000 ? metres / 1000 : metres, TRUE);
  /* Translators: a scale bar's length: "10 km", "500 m" */
  g_autofree char *label = g_strdup_printf (metres >= 1000 ? C_("scale bar", "%s km") : C_("scale bar", "%s m"), number);

  cairo_save (cr);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.85);
  cairo_rectangle (cr, x - 5, y - 16, length + 10, 24);
  cairo_fill (cr);
  lsm_style_set_source (cr, &ink, 1.0);
  cairo_rectangle (cr, x, y, length / 2, 3.5);
  cairo_fill (cr);
  cairo_rectangle (cr, x, y, length, 3.5);
  cairo_set_line_width (cr, 0.75);
  cairo_stroke (cr);
  draw_text (cr, label, 7.5, FALSE, x, y - 12, -1, &ink);
  cairo_restore (cr);
}

typedef struct
{
  guint *counts; /* per sector */
  guint precisions[LSM_N_PRECISIONS];
  guint total;
  GListModel *sites; /* borrowed: what the page shows, placed or not */
  guint clustered; /* of total, sites counted in clusters */
  guint n_clusters;
} Shown;

static double
draw_legend (cairo_t      *cr,
             LsmScene     *scene,
             const Shown  *shown,
             double        x,
             double        y,
             double        width,
             gboolean      draw)
{
  const LsmRgb *color = draw ? &ink : NULL;
  double top = y;
  guint n_sectors;
  g_autofree LsmSector *sectors = lsm_sector_list (&n_sectors);

  y += draw_text (cr, _("Sectors"), 9, TRUE, x, y, width, color) + 3;
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
      y += MAX (12, draw_text (cr, entry, 8, FALSE, x + 15, y, width - 15, color)) + 1;
    }

  /* Coloured districts say what their shades mean, before the symbols' precision. */
  if (lsm_scene_get_choropleth (scene) != NULL)
    {
      if (draw)
        lsm_style_set_source (cr, &ink, 1.0);
      y += 6 + lsm_choropleth_draw_legend (lsm_scene_get_choropleth (scene), cr, x, y + 6, width, 8, draw);
    }

  y += 6;
  y += draw_text (cr, _("Location precision"), 9, TRUE, x, y, width, color) + 3;
  for (guint p = LSM_PRECISION_EXACT; p < LSM_N_PRECISIONS; p++)
    {
      if (shown->precisions[p] == 0)
        continue;
      if (draw)
        lsm_style_draw_precision_mark (cr, p, x + 5, y + 5.5, 3.6);
      y += MAX (12, draw_text (cr, lsm_precision_get_label (p), 8, FALSE, x + 15, y, width - 15, color)) + 1;
    }
  y += _lsm_page_draw_district_key (cr, lsm_scene_get_catalog (scene), shown->sites, x, y, width, color);

  if (shown->n_clusters > 0)
    {
      g_autofree char *sites = NULL, *entry = NULL;
      LsmSector other;

      y += 6;
      y += draw_text (cr, _("Clusters"), 9, TRUE, x, y, width, color) + 3;
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
      y += MAX (12, draw_text (cr, entry, 8, FALSE, x + 15, y, width - 15, color)) + 1;
    }

  return y - top;
}

static double
draw_sources (cairo_t    *cr,
              LsmCatalog *catalog,
              double      x,
              double      y,
              double      width,
              gboolean    draw)
{
  GListModel *sources = lsm_catalog_get_sources (catalog);
  const LsmRgb *color = draw ? &ink : NULL;
  double top = y;
  guint n_sectors;
  g_autofree LsmSector *sectors = lsm_sector_list (&n_sectors);

  y += draw_text (cr, _("Sources"), 9, TRUE, x, y, width, color) + 3;
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(LsmSource) source = g_list_model_get_item (sources, i);
      g_autofree char *citation = lsm_source_format_citation (source);
      g_autofree char *entry = g_strdup_printf (_("%u. %s"), i + 1, citation);

      y += draw_text (cr, entry, 7, FALSE, x, y, width, color) + 2;
    }

  return y - top;
}

static char *
footer_text (const LsmPageOptions *options,
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
            Shown      *shown)
{
  shown->counts[lsm_feature_get_sector (site)]++;
  shown->precisions[lsm_feature_get_precision (site)]++;
  shown->total++;
}

/* What the map shows, the sites in clusters too: the legend's counts are the sites'. */
static void
count_shown (const LsmPageSites *sites,
             Shown              *shown)
{
  memset (shown, 0, sizeof *shown);
  shown->counts = g_new0 (guint, lsm_sector_get_count ());
  for (guint i = 0; i < sites->placements->len; i++)
    count_site (g_array_index (sites->placements, LsmPlacement, i).site, shown);
  for (guint i = 0; i < lsm_site_match_get_n_shapes (sites->match); i++)
    count_site (lsm_site_match_get_shape_site (sites->match, i), shown);

  for (guint i = 0; i < sites->clusters->len; i++)
    {
      const LsmClusterPlacement *c = &g_array_index (sites->clusters, LsmClusterPlacement, i);

      for (guint k = 0; k < c->count; k++)
        count_site (lsm_page_sites_get_member (sites, i, k), shown);
      shown->clustered += c->count;
      shown->n_clusters++;
    }
}

static char *
page_title (LsmFilter            *filter,
            const LsmPageOptions *options)
{
  if (options->title != NULL)
    return lsm_page_cap_title (options->title, NULL);

  return lsm_page_filter_title (filter, options->extent == LSM_EXTENT_DISTRICT ? options->district : NULL);
}

/* Title, what the filter keeps, dates and what is not drawn; returns the height used. */
static double
draw_header (cairo_t              *cr,
             LsmCatalog           *catalog,
             LsmFilter            *filter,
             const LsmPageOptions *options,
             const LsmPageSites   *sites,
             double                width,
             gboolean              draw)
{
  g_autofree char *title = page_title (filter, options);
  g_autofree char *narrowed = lsm_page_filter_subtitle (catalog, filter, options->extent == LSM_EXTENT_DISTRICT
                                                                ? options->district : NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *printed = g_strstrip (format_date (options->date != NULL ? options->date : now));
  g_autofree char *as_of = format_iso_date (lsm_catalog_get_as_of (catalog));
  g_autofree char *subtitle = NULL;
  g_autofree char *note = sites != NULL ? lsm_page_undrawn_note (filter, sites) : NULL;
  double content = width - 2 * MARGIN;
  double top = MARGIN;

  top += draw_text (cr, title, 16, TRUE, MARGIN, top, content, draw ? &ink : NULL) + 2;
  if (narrowed != NULL)
    top += draw_text (cr, narrowed, 10.5, FALSE, MARGIN, top, content, draw ? &ink : NULL) + 2;

  /* Translators: under a printed map's title: when printed, and how old the data are */
  subtitle = g_strdup_printf (_("Printed %s · figures as published up to %s"), printed, as_of ? as_of : "—");
  top += draw_text (cr, subtitle, 8.5, FALSE, MARGIN, top, content, draw ? &grey : NULL);
  if (note != NULL)
    top += 2 + draw_text (cr, note, 8.5, TRUE, MARGIN, top, content, draw ? &ink : NULL);

  return top + GAP - MARGIN;
}

static void
draw_footer (cairo_t              *cr,
             LsmScene             *scene,
             const LsmPageOptions *options,
             const LsmPageSection *section,
             double                width,
             double                height)
{
  g_autofree char *footer = footer_text (options, lsm_scene_get_units (scene));
  double content = width - 2 * MARGIN;
  double label_w = 70; /* kept on pages without a number too, so they all lay out alike */
  double footer_h = draw_text (cr, footer, 6.5, FALSE, MARGIN, 0, content - label_w, NULL);

  draw_text (cr, footer, 6.5, FALSE, MARGIN, height - MARGIN - footer_h, content - label_w, &grey);
  if (section->page_label != NULL)
    {
      g_autoptr(PangoLayout) layout = make_layout (cr, section->page_label, 8, TRUE, -1);
      int w, h;

      pango_layout_get_size (layout, &w, &h);
      cairo_move_to (cr, width - MARGIN - (double) w / PANGO_SCALE, height - MARGIN - (double) h / PANGO_SCALE);
      lsm_style_set_source (cr, &ink, 1.0);
      pango_cairo_show_layout (cr, layout);
    }
}

static double
footer_height (LsmScene             *scene,
               const LsmPageOptions *options,
               cairo_t              *cr,
               double                width,
               const LsmPageSection *section)
{
  g_autofree char *footer = footer_text (options, lsm_scene_get_units (scene));

  return draw_text (cr, footer, 6.5, FALSE, MARGIN, 0, width - 2 * MARGIN - 70, NULL);
}

/* An atlas overview's list of its pages, in the key's place. */
static double
draw_contents (cairo_t            *cr,
               const char * const *contents,
               double              x,
               double              y,
               double              width,
               gboolean            draw)
{
  const LsmRgb *color = draw ? &ink : NULL;
  double top = y;

  y += draw_text (cr, _("Contents"), 9, TRUE, x, y, width, color) + 3;
  for (guint i = 0; contents[i] != NULL; i++)
    y += draw_text (cr, contents[i], 8, FALSE, x, y, width, color) + 1;

  return y - top;
}

/**
 * lsm_page_draw:
 * @scene: what to draw
 * @filter: (nullable): which sites
 * @options: the page
 * @cr: a cairo context in points, origin at the page's top left
 * @width: page width in points
 * @height: page height in points
 * @map: (out) (optional): where the map went
 *
 * Draws the first page of a map: the layout every output shares. Key rows that do not fit are
 * left for following pages (see #LsmDocument).
 */
void
lsm_page_draw (LsmScene             *scene,
               LsmFilter            *filter,
               const LsmPageOptions *options,
               cairo_t              *cr,
               double                width,
               double                height,
               LsmPageMap           *map)
{
  LsmPageSection section = { 0 };

  _lsm_page_draw_section (scene, filter, options, cr, width, height, map, &section);
  g_clear_pointer (&section.rows, g_ptr_array_unref);
}

/**
 * lsm_page_place_sites:
 * @scene: what to draw
 * @view: the page's map frame
 * @filter: (nullable): which sites
 *
 * The symbols and clusters a page draws and numbers: those whose point is inside the frame
 * (lsm_scene_place_sites() keeps a margin, for tiles). Clusters are made at the page's scale.
 *
 * Returns: (transfer full): the placements and clusters, in the key's order
 */
LsmPageSites *
lsm_page_place_sites (LsmScene      *scene,
                      const LsmView *view,
                      LsmFilter     *filter)
{
  LsmPageSites *sites = g_new0 (LsmPageSites, 1);

  sites->match = lsm_scene_match_sites (scene, filter);
  sites->clusters = g_array_new (FALSE, FALSE, sizeof (LsmClusterPlacement));
  sites->placements = lsm_scene_place_matched (scene, view, sites->match, sites->clusters);

  for (guint i = sites->placements->len; i > 0; i--)
    {
      const LsmPlacement *p = &g_array_index (sites->placements, LsmPlacement, i - 1);

      if (p->anchor_x < 0 || p->anchor_y < 0 || p->anchor_x > view->width || p->anchor_y > view->height)
        g_array_remove_index (sites->placements, i - 1);
    }
  for (guint i = sites->clusters->len; i > 0; i--)
    {
      const LsmClusterPlacement *c = &g_array_index (sites->clusters, LsmClusterPlacement, i - 1);

      if (c->x < 0 || c->y < 0 || c->x > view->width || c->y > view->height)
        g_array_remove_index (sites->clusters, i - 1);
    }

  return sites;
}

void
lsm_page_sites_free (LsmPageSites *sites)
{
  g_clear_pointer (&sites->placements, g_array_unref);
  g_clear_pointer (&sites->clusters, g_array_unref);
  g_clear_pointer (&sites->match, lsm_site_match_free);
  g_free (sites);
}

/**
 * lsm_page_sites_get_member:
 * @sites: from lsm_page_place_sites()
 * @cluster: the index of a cluster in @sites->clusters
 * @index: below that cluster's count
 *
 * Returns: (transfer none): one site of the cluster
 */
LsmFeature *
lsm_page_sites_get_member (const LsmPageSites *sites,
                           guint               cluster,
                           guint               index)
{
  const LsmClusterPlacement *c = &g_array_index (sites->clusters, LsmClusterPlacement, cluster);

  g_return_val_if_fail (index < c->count, NULL);
  return lsm_clusters_get_member (lsm_site_match_get_clusters (sites->match), c->first + index);
}

static void
fit_view (LsmScene             *scene,
          const LsmPageOptions *options,
          double                frame_w,
          double                frame_h,
          LsmView              *view)
{
  LsmBounds bounds;

  if (!page_bounds (scene, options, &bounds))
    lsm_bounds_init_empty (&bounds);
  lsm_view_init_fit (view, &bounds, frame_w, frame_h, 12, PRINT_SCALE);
}

void
_lsm_page_draw_section (LsmScene             *scene,
                        LsmFilter            *filter,
                        const LsmPageOptions *options,
                        cairo_t              *cr,
                        double                width,
                        double                height,
                        LsmPageMap           *map,
                        LsmPageSection       *section)
{
  LsmCatalog *catalog = lsm_scene_get_catalog (scene);
  g_autoptr(LsmPageSites) sites = NULL;
  g_autoptr(GArray) labels = NULL;
  gboolean side = width > height;
  double content = width - 2 * MARGIN;
  double legend_width, frame_x, frame_y, frame_w, frame_h, footer_h, top, bottom, band, key_h, need;
  gboolean numbered;
  LsmView view;
  Shown shown;

  /* Background, for PNG. */
  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_restore (cr);

  footer_h = footer_height (scene, options, cr, width, section);
  bottom = height - MARGIN - footer_h - GAP;
  legend_width = side ? CLAMP (width * 0.24, 150, 240) : 0;
  frame_x = MARGIN;
  frame_w = side ? content - legend_width - GAP : content;

  /* A first guess of the frame tells which sites are drawn, hence the header's note and the
   * key's length; the map then takes what they leave. */
  top = MARGIN + draw_header (cr, catalog, filter, options, NULL, width, FALSE);
  band = side ? bottom - top : (bottom - top) * 0.66;
  fit_view (scene, options, frame_w, band, &view);
  sites = lsm_page_place_sites (scene, &view, filter);
  top = MARGIN + draw_header (cr, catalog, filter, options, sites, width, FALSE);
  band = side ? bottom - top : (bottom - top) * 0.66;
  if (!side)
    {
      /* Under a tall map, the legend and sources band keeps the room it needs. */
      double column = (content - GAP) / 2;
      double below;

      count_shown (sites, &shown);
      shown.sites = filter != NULL ? G_LIST_MODEL (filter) : lsm_catalog_get_sites (catalog);
      below = MAX (draw_legend (cr, scene, &shown, MARGIN, 0, column * 0.8, FALSE),
                   draw_sources (cr, catalog, 0, 0, content - column * 0.8 - GAP, FALSE));
      g_free (shown.counts);
      band = MAX (MIN (band, bottom - top - below - GAP), (bottom - top) * 0.4);
    }

  section->rows = lsm_key_rows_new (sites);
  if (options->hide_key)
    g_ptr_array_set_size (section->rows, 0);
  if (section->contents != NULL)
    need = draw_contents (cr, section->contents, 0, 0, frame_w, FALSE);
  else
    need = lsm_key_measure (cr, section->rows, frame_w);
  key_h = MIN (need, band * 0.45);
  frame_y = top;
  frame_h = band - (key_h > 0 ? key_h + GAP : 0);

  fit_view (scene, options, frame_w, frame_h, &view);
  g_clear_pointer (&sites, lsm_page_sites_free);
  sites = lsm_page_place_sites (scene, &view, filter);
  g_ptr_array_unref (section->rows);
  section->rows = lsm_key_rows_new (sites);
  if (options->hide_key)
    g_ptr_array_set_size (section->rows, 0);
  count_shown (sites, &shown);
  shown.sites = filter != NULL ? G_LIST_MODEL (filter) : lsm_catalog_get_sites (catalog);
  draw_header (cr, catalog, filter, options, sites, width, TRUE);

  cairo_save (cr);
  cairo_translate (cr, frame_x, frame_y);
  cairo_rectangle (cr, 0, 0, frame_w, frame_h);
  cairo_clip (cr);
  lsm_scene_draw (scene, cr, &view, LSM_SCENE_BASE & ~LSM_SCENE_LABELS, NULL);
  lsm_scene_draw_shapes (scene, cr, &view, sites->match, NULL);
  lsm_scene_draw_sites (scene, cr, &view, sites->placements);
  lsm_scene_draw_clusters (scene, cr, &view, sites->clusters);
  numbered = section->contents == NULL && !options->hide_labels;
  labels = lsm_scene_layout_labels (scene, cr, &view, sites->placements, sites->clusters,
                                    LSM_LABELS_WHOLE | (numbered ? LSM_LABELS_NUMBERS : 0));
  lsm_scene_draw_labels (cr, &view, labels);
  cairo_restore (cr);

  cairo_save (cr);
  cairo_rectangle (cr, frame_x, frame_y, frame_w, frame_h);
  lsm_style_set_source (cr, &ink, 1.0);
  cairo_set_line_width (cr, 0.75);
  cairo_stroke (cr);
  cairo_restore (cr);

  draw_north_arrow (cr, frame_x + frame_w - 18, frame_y + 24);
  draw_scale_bar (cr, &view, frame_x + 14, frame_y + frame_h - 14, frame_w);

  /* The key (or an atlas's contents) under the map; what does not fit goes on. */
  section->next_row = section->rows->len;
  if (section->contents != NULL)
    draw_contents (cr, section->contents, frame_x, frame_y + frame_h + GAP, frame_w, TRUE);
  else if (section->rows->len > 0)
    {
      double key_y = frame_y + frame_h + GAP;

      if (section->single && need > key_h)
        key_h -= 12;
      lsm_key_draw (cr, section->rows, 0, &section->next_row, frame_x, key_y, frame_w, key_h, TRUE);
      if (section->single && section->next_row < section->rows->len)
        {
          guint left = section->rows->len - section->next_row;
          g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                /* Translators: under a cut map key in an SVG or PNG */
                                                                "+%u more numbered site: a PDF export lists the whole key.",
                                                                "+%u more numbered sites: a PDF export lists the whole key.",
                                                                left), left);

          draw_text (cr, more, 7.5, TRUE, frame_x, key_y + key_h, frame_w, &ink);
        }
    }

  /* Legend and sources: a column beside a wide map, a band under a tall one. */
  if (side)
    {
      double x = frame_x + frame_w + GAP;
      double y = frame_y;

      y += draw_legend (cr, scene, &shown, x, y, legend_width, TRUE) + GAP;
      draw_sources (cr, catalog, x, y, legend_width, TRUE);
    }
  else
    {
      double y = frame_y + band + GAP;
      double column = (content - GAP) / 2;

      draw_legend (cr, scene, &shown, MARGIN, y, column * 0.8, TRUE);
      draw_sources (cr, catalog, MARGIN + column * 0.8 + GAP, y, content - column * 0.8 - GAP, TRUE);
    }

  draw_footer (cr, scene, options, section, width, height);
  g_free (shown.counts);

  if (map != NULL)
    *map = (LsmPageMap) { frame_x, frame_y, frame_w, frame_h, view };
}

/* A page that carries the key on from the map page before it. */
void
_lsm_page_draw_key_page (LsmScene             *scene,
                         LsmFilter            *filter,
                         const LsmPageOptions *options,
                         cairo_t              *cr,
                         double                width,
                         double                height,
                         LsmPageSection       *section)
{
  g_autofree char *title = page_title (filter, options);
  /* Translators: the heading of a page that carries a map's key on; %s is the map's title */
  g_autofree char *heading = g_strdup_printf (_("%s — key, continued"), title);
  double content = width - 2 * MARGIN;
  double top = MARGIN, bottom = height - MARGIN - footer_height (scene, options, cr, width, section) - GAP;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_restore (cr);

  top += draw_text (cr, heading, 12, TRUE, MARGIN, top, content, &ink) + GAP;
  lsm_key_draw (cr, section->rows, section->first_row, &section->next_row, MARGIN, top, content, bottom - top, TRUE);
  /* A row taller than a whole page would stop the key for good: move on regardless. */
  if (section->next_row == section->first_row)
    section->next_row = section->first_row + 1;
  draw_footer (cr, scene, options, section, width, height);
}

gboolean
lsm_page_format_from_path (const char     *path,
                           LsmPageFormat  *format,
                           GError        **error)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".pdf"))
    *format = LSM_PAGE_FORMAT_PDF;
  else if (g_str_has_suffix (lower, ".svg"))
    *format = LSM_PAGE_FORMAT_SVG;
  else if (g_str_has_suffix (lower, ".png"))
    *format = LSM_PAGE_FORMAT_PNG;
  else
    {
      g_autofree char *display = g_filename_display_name (path);

      /* Translators: %s is a file name the user gave */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("“%s”: unknown format; the name must end in .pdf, .svg or .png"), display);
      return FALSE;
    }

  return TRUE;
}

/**
 * lsm_page_export:
 * @scene: what to draw
 * @filter: (nullable): which sites
 * @options: the page
 * @path: where to write; the format comes from its extension
 * @map: (out) (optional): where the map went, in the output's units (pixels for PNG)
 * @error: return location for an error naming the file and the cause
 *
 * Writes the page to a temporary file beside @path and renames it into place, so @path is never
 * left half-written (see #LsmOutputFile). A PDF carries a long key on over following pages and
 * may be an atlas (@options' atlas); an SVG or PNG is one page.
 *
 * Returns: whether the file was written
 */
gboolean
lsm_page_export (LsmScene             *scene,
                 LsmFilter            *filter,
                 const LsmPageOptions *options,
                 const char           *path,
                 LsmPageMap           *map,
                 GError              **error)
{
  g_autoptr(LsmOutputFile) out = NULL;
  cairo_surface_t *surface = NULL;
  cairo_status_t status;
  LsmPageFormat format;
  double width, height, scale = 1;
  LsmPageMap page_map = { 0 };
  cairo_t *cr;

  g_return_val_if_fail (path != NULL, FALSE);

  if (!lsm_page_format_from_path (path, &format, error))
    return FALSE;
  if (options->atlas != LSM_ATLAS_NONE && format != LSM_PAGE_FORMAT_PDF)
    {
      g_autofree char *display = g_filename_display_name (path);

      /* Translators: %s is a file name the user gave for an atlas */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("“%s”: an atlas has many pages and is written as PDF only; the name must end in .pdf"), display);
      return FALSE;
    }

  out = lsm_output_file_open (path, error);
  if (out == NULL)
    return FALSE;

  lsm_page_get_size (options, &width, &height);
  switch (format)
    {
    case LSM_PAGE_FORMAT_PDF:
      surface = cairo_pdf_surface_create_for_stream (lsm_output_file_write_cb, out, width, height);
      break;
    case LSM_PAGE_FORMAT_SVG:
      surface = cairo_svg_surface_create_for_stream (lsm_output_file_write_cb, out, width, height);
      cairo_svg_surface_restrict_to_version (surface, CAIRO_SVG_VERSION_1_2);
      break;
    case LSM_PAGE_FORMAT_PNG:
    default:
      scale = options->paper == LSM_PAPER_PIXELS ? 96.0 / 72.0 : CLAMP (options->dpi, 96, 600) / 72.0;
      surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (width * scale), (int) ceil (height * scale));
      break;
    }

  status = cairo_surface_status (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    {
      cr = cairo_create (surface);
      cairo_scale (cr, scale, scale);
      if (format == LSM_PAGE_FORMAT_PDF)
        {
          g_autoptr(LsmDocument) document = lsm_document_new (scene, filter, options);
          guint n_pages = lsm_document_paginate (document, cr, width, height);

          for (guint i = 0; i < n_pages; i++)
            {
              lsm_document_draw_page (document, i, cr, width, height, i == 0 ? &page_map : NULL);
              cairo_show_page (cr);
            }
        }
      else
        {
          LsmPageSection section = { .single = TRUE };

          _lsm_page_draw_section (scene, filter, options, cr, width, height, &page_map, &section);
          g_clear_pointer (&section.rows, g_ptr_array_unref);
        }
      cairo_destroy (cr);

      if (format == LSM_PAGE_FORMAT_PNG)
        status = cairo_surface_write_to_png_stream (surface, lsm_output_file_write_cb, out);
      else
        {
          cairo_surface_finish (surface);
          status = cairo_surface_status (surface);
        }
    }
  cairo_surface_destroy (surface);

  if (!lsm_output_file_commit (g_steal_pointer (&out), status, error))
    return FALSE;

  if (map != NULL)
    {
      /* In the output's units: pixels for PNG. */
      *map = page_map;
      map->x *= scale, map->y *= scale, map->width *= scale, map->height *= scale;
      map->view.zoom += log2 (scale);
      map->view.x *= scale, map->view.y *= scale;
      map->view.width *= scale, map->view.height *= scale;
      map->view.scale *= scale;
    }

  return TRUE;
}
