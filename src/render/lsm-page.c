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

#define MARGIN     LSM_PAGE_MARGIN
#define GAP        LSM_PAGE_GAP
#define PRINT_SCALE 0.7 /* symbols and labels, against the screen's pixels */
#define NOTES_COLUMN 170.0 /* the least width of a column of notes under a map */
#define LEFT_OUT_H  12.0  /* a line saying what an SVG or PNG leaves out */

const LsmRgb _lsm_page_ink = { 0.13, 0.12, 0.14 };
const LsmRgb _lsm_page_grey = { 0.42, 0.41, 0.44 };

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
  g_clear_pointer (&section.notes, g_ptr_array_unref);
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

/* The share of the room under the header a tall page gives its map. */
static double
map_height (gboolean side,
            double   room)
{
  return side ? room : room * 0.62;
}

static GPtrArray *
key_rows (const LsmPageSites   *sites,
          const LsmPageOptions *options)
{
  GPtrArray *rows = lsm_key_rows_new (sites);

  if (options->hide_key)
    g_ptr_array_set_size (rows, 0);
  return rows;
}

/* The notes from @first that fit; an SVG or PNG has no following page, so it says when some are
 * left out. */
static void
draw_notes_in (cairo_t        *cr,
               LsmScene       *scene,
               LsmPageSection *section,
               guint           first,
               double          x,
               double          y,
               double          width,
               double          height,
               guint           n_columns)
{
  _lsm_page_draw_notes (cr, scene, section->notes, first, &section->next_note, x, y, width, height, n_columns, FALSE);
  if (!section->single || section->next_note >= section->notes->len)
    {
      _lsm_page_draw_notes (cr, scene, section->notes, first, &section->next_note, x, y, width, height, n_columns, TRUE);
      return;
    }

  height -= LEFT_OUT_H;
  _lsm_page_draw_notes (cr, scene, section->notes, first, &section->next_note, x, y, width, height, n_columns, TRUE);
  /* Translators: under a cut legend in an SVG or PNG export */
  draw_text (cr, _("More of the legend and sources did not fit: a PDF export has them all."),
             7.5, TRUE, x, y + height, width, &_lsm_page_ink);
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
  double column_w, frame_x, frame_y, frame_w, frame_h, top, bottom, key_h, need;
  double notes_x, notes_y, notes_w;
  guint notes_columns;
  LsmView view;
  LsmPageShown shown;

  /* Background, for PNG. */
  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_restore (cr);

  /* Nothing but the footer goes below bottom. */
  bottom = height - MARGIN - _lsm_page_footer_height (scene, options, cr, width, section) - GAP;
  column_w = side ? CLAMP (width * 0.24, 150, 240) : 0;
  frame_x = MARGIN;
  frame_w = side ? content - column_w - GAP : content;

  /* A first guess of the frame tells which sites are drawn, hence the header's note and the
   * key's length; the map then takes what they leave. */
  top = MARGIN + _lsm_page_draw_header (cr, catalog, filter, options, NULL, width, FALSE);
  fit_view (scene, options, frame_w, map_height (side, bottom - top), &view);
  sites = lsm_page_place_sites (scene, &view, filter);
  top = MARGIN + _lsm_page_draw_header (cr, catalog, filter, options, sites, width, FALSE);
  frame_y = top;

  section->rows = key_rows (sites, options);
  need = lsm_key_measure (cr, section->rows, frame_w);
  if (side)
    {
      /* Beside the notes' column, the map and its key share the height. */
      key_h = MIN (need, (bottom - top) * 0.45);
      frame_h = bottom - top - (key_h > 0 ? key_h + GAP : 0);
    }
  else
    {
      /* On tall paper the map keeps the full width and most of the height; the key and the notes
       * share the band under it. */
      frame_h = map_height (side, bottom - top);
      key_h = MIN (need, (bottom - top - frame_h - GAP) * 0.5);
    }

  fit_view (scene, options, frame_w, frame_h, &view);
  g_clear_pointer (&sites, lsm_page_sites_free);
  sites = lsm_page_place_sites (scene, &view, filter);
  g_ptr_array_unref (section->rows);
  section->rows = key_rows (sites, options);
  _lsm_page_count_shown (sites, &shown);
  shown.sites = filter != NULL ? G_LIST_MODEL (filter) : lsm_catalog_get_sites (catalog);
  section->notes = _lsm_page_notes_new (scene, &shown, section->contents);
  g_free (shown.counts);
  _lsm_page_draw_header (cr, catalog, filter, options, sites, width, TRUE);

  cairo_save (cr);
  cairo_translate (cr, frame_x, frame_y);
  cairo_rectangle (cr, 0, 0, frame_w, frame_h);
  cairo_clip (cr);
  lsm_scene_draw (scene, cr, &view, LSM_SCENE_BASE & ~LSM_SCENE_LABELS, NULL);
  lsm_scene_draw_shapes (scene, cr, &view, sites->match, NULL);
  lsm_scene_draw_sites (scene, cr, &view, sites->placements);
  lsm_scene_draw_clusters (scene, cr, &view, sites->clusters);
  labels = lsm_scene_layout_labels (scene, cr, &view, sites->placements, sites->clusters,
                                    LSM_LABELS_WHOLE | (options->hide_labels ? 0 : LSM_LABELS_NUMBERS),
                                    filter != NULL ? G_LIST_MODEL (filter) : lsm_catalog_get_sites (catalog));
  lsm_scene_draw_labels (cr, &view, labels);
  cairo_restore (cr);

  cairo_save (cr);
  cairo_rectangle (cr, frame_x, frame_y, frame_w, frame_h);
  lsm_style_set_source (cr, &_lsm_page_ink, 1.0);
  cairo_set_line_width (cr, 0.75);
  cairo_stroke (cr);
  cairo_restore (cr);

  _lsm_page_draw_north_arrow (cr, frame_x + frame_w - 18, frame_y + 24);
  _lsm_page_draw_scale_bar (cr, &view, frame_x + 14, frame_y + frame_h - 14, frame_w);

  /* The key under the map; what does not fit goes on. */
  section->next_row = section->rows->len;
  if (section->rows->len > 0)
    {
      double key_y = frame_y + frame_h + GAP;
      double room = key_h;

      if (section->single && need > key_h)
        room -= LEFT_OUT_H;
      lsm_key_draw (cr, section->rows, 0, &section->next_row, frame_x, key_y, frame_w, room, TRUE);
      if (section->single && section->next_row < section->rows->len)
        {
          guint left = section->rows->len - section->next_row;
          g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                /* Translators: under a cut map key in an SVG or PNG */
                                                                "+%u more numbered site: a PDF export lists the whole key.",
                                                                "+%u more numbered sites: a PDF export lists the whole key.",
                                                                left), left);

          draw_text (cr, more, 7.5, TRUE, frame_x, key_y + room, frame_w, &_lsm_page_ink);
        }
    }

  /* The notes: a column beside a wide map, columns under a tall one. */
  if (side)
    {
      notes_x = frame_x + frame_w + GAP;
      notes_y = frame_y;
      notes_w = column_w;
      notes_columns = 1;
    }
  else
    {
      notes_x = MARGIN;
      notes_y = frame_y + frame_h + GAP + (key_h > 0 ? key_h + GAP : 0);
      notes_w = content;
      notes_columns = MAX (1, (guint) (content / NOTES_COLUMN));
    }
  draw_notes_in (cr, scene, section, 0, notes_x, notes_y, notes_w, bottom - notes_y, notes_columns);

  _lsm_page_draw_footer (cr, scene, options, section, width, height);

  if (map != NULL)
    *map = (LsmPageMap) { frame_x, frame_y, frame_w, frame_h, view };
}

/* A page that carries the key and then the notes on from the map page before it. */
void
_lsm_page_draw_key_page (LsmScene             *scene,
                         LsmFilter            *filter,
                         const LsmPageOptions *options,
                         cairo_t              *cr,
                         double                width,
                         double                height,
                         LsmPageSection       *section)
{
  g_autofree char *title = _lsm_page_title (filter, options);
  /* Translators: the heading of a page that carries a map's key and legend on; %s is the map's title */
  g_autofree char *heading = g_strdup_printf (_("%s — continued"), title);
  double content = width - 2 * MARGIN;
  double top = MARGIN, bottom = height - MARGIN - _lsm_page_footer_height (scene, options, cr, width, section) - GAP;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_restore (cr);

  top += draw_text (cr, heading, 12, TRUE, MARGIN, top, content, &_lsm_page_ink) + GAP;
  section->next_row = section->first_row;
  if (section->first_row < section->rows->len)
    {
      top += lsm_key_draw (cr, section->rows, section->first_row, &section->next_row, MARGIN, top, content,
                           bottom - top, TRUE) + GAP;
      /* A row taller than a whole page would stop the key for good: move on regardless. */
      if (section->next_row == section->first_row)
        section->next_row = section->first_row + 1;
    }

  section->next_note = section->first_note;
  if (section->next_row >= section->rows->len && section->first_note < section->notes->len)
    {
      guint before = section->first_note;

      draw_notes_in (cr, scene, section, section->first_note, MARGIN, top, content, bottom - top,
                     MAX (1, (guint) (content / NOTES_COLUMN)));
      /* Likewise for a note taller than the room left, once a page holds nothing else. */
      if (section->next_note == before && section->first_row >= section->rows->len)
        section->next_note = before + 1;
    }
  _lsm_page_draw_footer (cr, scene, options, section, width, height);
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
          g_clear_pointer (&section.notes, g_ptr_array_unref);
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
