/* lsm-page.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-page"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "lsm-catalog.h"
#include "lsm-clusters.h"
#include "lsm-feature.h"
#include "lsm-filter.h"
#include "lsm-page.h"
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
  return g_strdup (_("Industrial development in Lạng Sơn province"));
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
  guint counts[LSM_N_SECTORS];
  guint precisions[LSM_N_PRECISIONS];
  guint total;
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

  y += draw_text (cr, _("Sectors"), 9, TRUE, x, y, width, color) + 3;
  for (guint s = 0; s < LSM_N_SECTORS; s++)
    {
      g_autofree char *entry = NULL;

      if (shown->counts[s] == 0)
        continue;

      /* Translators: a legend entry: sector, number of sites on the map */
      entry = g_strdup_printf (C_("legend entry", "%s (%u)"), lsm_sector_get_label (s), shown->counts[s]);
      if (draw)
        lsm_style_draw_symbol (cr, s, LSM_PRECISION_EXACT, x + 5, y + 5.5, 4.5);
      y += MAX (12, draw_text (cr, entry, 8, FALSE, x + 15, y, width - 15, color)) + 1;
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

  if (shown->n_clusters > 0)
    {
      g_autofree char *sites = NULL, *entry = NULL;

      y += 6;
      y += draw_text (cr, _("Clusters"), 9, TRUE, x, y, width, color) + 3;
      /* Translators: part of a legend entry, "%u sites in 12 clusters" */
      sites = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u site", "%u sites", shown->clustered),
                               shown->clustered);
      /* Translators: a legend entry; %s is "%u sites"; the number is how many cluster symbols the map has */
      entry = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s in %u cluster", "%s in %u clusters",
                                            shown->n_clusters),
                               sites, shown->n_clusters);
      if (draw)
        lsm_style_draw_cluster (cr, LSM_SECTOR_OTHER, 9, x + 5, y + 5.5, 5.5);
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
footer_text (const LsmPageOptions *options)
{
  g_autoptr(GString) text = g_string_new (_("Boundaries: Government of Viet Nam (gis.chinhphu.vn), via dvhcvn, GPL-3.0; border line derived with Natural Earth."));

  if (options->online)
    {
      g_string_append_c (text, ' ');
      g_string_append (text, _("Background map: © OpenStreetMap contributors."));
    }

  g_string_append_c (text, ' ');
  /* Translators: %s is the program's version */
  g_string_append_printf (text, _("Made with lsmap %s. Hollow symbols mark commune or district points, not the sites themselves."),
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
count_shown (LsmClusters *index,
             GArray      *placements,
             GArray      *clusters,
             Shown       *shown)
{
  memset (shown, 0, sizeof *shown);
  for (guint i = 0; i < placements->len; i++)
    count_site (g_array_index (placements, LsmPlacement, i).site, shown);

  for (guint i = 0; i < clusters->len; i++)
    {
      const LsmClusterPlacement *c = &g_array_index (clusters, LsmClusterPlacement, i);

      for (guint k = 0; k < c->count; k++)
        count_site (lsm_clusters_get_member (index, c->first + k), shown);
      shown->clustered += c->count;
      shown->n_clusters++;
    }
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
 * Draws one page: the layout every output shares.
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
  LsmCatalog *catalog = lsm_scene_get_catalog (scene);
  g_autofree char *title = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *printed = g_strstrip (format_date (options->date != NULL ? options->date : now));
  g_autofree char *as_of = format_iso_date (lsm_catalog_get_as_of (catalog));
  g_autofree char *subtitle = NULL;
  g_autofree char *footer = footer_text (options);
  g_autoptr(GArray) placements = NULL;
  g_autoptr(GArray) clusters = NULL;
  g_autoptr(LsmSiteMatch) match = NULL;
  gboolean side = width > height;
  double content = width - 2 * MARGIN;
  double legend_width, frame_x, frame_y, frame_w, frame_h, footer_h, top, bottom;
  LsmBounds bounds;
  LsmView view;
  Shown shown;

  if (options->title != NULL)
    title = g_strdup (options->title);
  else if (options->extent == LSM_EXTENT_DISTRICT && options->district != NULL)
    /* Translators: a printed map's default title; %s is a district, e.g. "Chi Lăng" */
    title = g_strdup_printf (_("Industrial development in %s, Lạng Sơn province"), options->district);
  else
    title = lsm_page_default_title ();

  /* Background, for PNG. */
  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_restore (cr);

  /* Header. */
  top = MARGIN;
  top += draw_text (cr, title, 16, TRUE, MARGIN, top, content, &ink) + 2;

  /* The map first, to count what it shows. */
  footer_h = draw_text (cr, footer, 6.5, FALSE, MARGIN, 0, content, NULL);
  bottom = height - MARGIN - footer_h - GAP;
  legend_width = side ? CLAMP (width * 0.24, 150, 240) : 0;

  /* Translators: under a printed map's title: when printed, and how old the data are */
  subtitle = g_strdup_printf (_("Printed %s · figures as published up to %s"), printed, as_of ? as_of : "—");
  top += draw_text (cr, subtitle, 8.5, FALSE, MARGIN, top, content, &grey) + GAP;

  frame_x = MARGIN;
  frame_y = top;
  frame_w = side ? content - legend_width - GAP : content;
  frame_h = side ? bottom - top : (bottom - top) * 0.66;

  if (!page_bounds (scene, options, &bounds))
    lsm_bounds_init_empty (&bounds);
  lsm_view_init_fit (&view, &bounds, frame_w, frame_h, 12, PRINT_SCALE);
  match = lsm_scene_match_sites (scene, filter);
  clusters = g_array_new (FALSE, FALSE, sizeof (LsmClusterPlacement));
  placements = lsm_scene_place_matched (scene, &view, match, clusters);
  count_shown (lsm_site_match_get_clusters (match), placements, clusters, &shown);

  cairo_save (cr);
  cairo_translate (cr, frame_x, frame_y);
  cairo_rectangle (cr, 0, 0, frame_w, frame_h);
  cairo_clip (cr);
  lsm_scene_draw (scene, cr, &view, LSM_SCENE_BASE | LSM_SCENE_WHOLE_LABELS, NULL);
  lsm_scene_draw_sites (scene, cr, &view, placements);
  lsm_scene_draw_clusters (scene, cr, &view, clusters);
  cairo_restore (cr);

  cairo_save (cr);
  cairo_rectangle (cr, frame_x, frame_y, frame_w, frame_h);
  lsm_style_set_source (cr, &ink, 1.0);
  cairo_set_line_width (cr, 0.75);
  cairo_stroke (cr);
  cairo_restore (cr);

  draw_north_arrow (cr, frame_x + frame_w - 18, frame_y + 24);
  draw_scale_bar (cr, &view, frame_x + 14, frame_y + frame_h - 14, frame_w);

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
      double y = frame_y + frame_h + GAP;
      double column = (content - GAP) / 2;

      draw_legend (cr, scene, &shown, MARGIN, y, column * 0.8, TRUE);
      draw_sources (cr, catalog, MARGIN + column * 0.8 + GAP, y, content - column * 0.8 - GAP, TRUE);
    }

  draw_text (cr, footer, 6.5, FALSE, MARGIN, height - MARGIN - footer_h, content, &grey);

  if (map != NULL)
    *map = (LsmPageMap) { frame_x, frame_y, frame_w, frame_h, view };
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
      /* Translators: %s is a file name the user gave */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("“%s”: unknown format; the name must end in .pdf, .svg or .png"), path);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_surface (cairo_surface_t  *surface,
               const char       *path,
               GError          **error)
{
  cairo_status_t status = cairo_surface_status (surface);

  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;

  /* Translators: the first %s is a file name, the second the reason */
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot write “%s”: %s"), path,
               cairo_status_to_string (status));
  return FALSE;
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
 * left half-written.
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
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *template = g_strdup_printf (".%s.XXXXXX", base);
  g_autofree char *temp = g_build_filename (dir, template, NULL);
  cairo_surface_t *surface = NULL;
  LsmPageFormat format;
  double width, height, scale = 1;
  gboolean ok = FALSE;
  cairo_t *cr;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);

  if (!lsm_page_format_from_path (path, &format, error))
    return FALSE;

  fd = g_mkstemp (temp);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("Cannot write “%s”: %s"),
                   path, g_strerror (saved));
      return FALSE;
    }
  close (fd);

  lsm_page_get_size (options, &width, &height);
  switch (format)
    {
    case LSM_PAGE_FORMAT_PDF:
      surface = cairo_pdf_surface_create (temp, width, height);
      break;
    case LSM_PAGE_FORMAT_SVG:
      surface = cairo_svg_surface_create (temp, width, height);
      cairo_svg_surface_restrict_to_version (surface, CAIRO_SVG_VERSION_1_2);
      break;
    case LSM_PAGE_FORMAT_PNG:
    default:
      scale = options->paper == LSM_PAPER_PIXELS ? 96.0 / 72.0 : CLAMP (options->dpi, 96, 600) / 72.0;
      surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (width * scale), (int) ceil (height * scale));
      break;
    }

  if (check_surface (surface, path, error))
    {
      LsmPageMap page_map;

      cr = cairo_create (surface);
      cairo_scale (cr, scale, scale);
      lsm_page_draw (scene, filter, options, cr, width, height, &page_map);
      cairo_destroy (cr);

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

      if (format == LSM_PAGE_FORMAT_PNG)
        {
          cairo_status_t status = cairo_surface_write_to_png (surface, temp);

          if (status != CAIRO_STATUS_SUCCESS)
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot write “%s”: %s"), path,
                         cairo_status_to_string (status));
          ok = status == CAIRO_STATUS_SUCCESS;
        }
      else
        {
          cairo_surface_finish (surface);
          ok = check_surface (surface, path, error);
        }
    }

  cairo_surface_destroy (surface);

  if (ok && g_rename (temp, path) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("Cannot write “%s”: %s"),
                   path, g_strerror (saved));
      ok = FALSE;
    }

  if (!ok)
    g_unlink (temp);

  return ok;
}
