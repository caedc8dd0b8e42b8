/* lsm-page-legend.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-page"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "lsm-catalog.h"
#include "lsm-choropleth.h"
#include "lsm-clusters.h"
#include "lsm-feature.h"
#include "lsm-figure.h"
#include "lsm-page-private.h"
#include "lsm-source.h"
#include "lsm-style.h"
#include "lsm-vocab.h"

/* What a page says beside its map, as notes that run on from page to page: an atlas's contents,
 * the legend of what it shows and the sources; then the credits in the footer, and the north
 * arrow and scale bar over the map. */

static void
note_free (gpointer data)
{
  LsmPageNote *note = data;

  g_free (note->text);
  g_free (note);
}

/* Takes @text. */
void
_lsm_page_add_note (GPtrArray       *notes,
                    LsmPageNoteKind  kind,
                    char            *text,
                    guint            value)
{
  LsmPageNote *note = g_new0 (LsmPageNote, 1);

  note->kind = kind;
  note->text = text;
  note->value = value;
  g_ptr_array_add (notes, note);
}

static void
add_legend_notes (GPtrArray          *notes,
                  LsmScene           *scene,
                  const LsmPageShown *shown)
{
  guint n_sectors;
  g_autofree LsmSector *sectors = lsm_sector_list (&n_sectors);

  /* A legend of nothing would read as a mistake: say so instead. */
  if (shown->total == 0)
    _lsm_page_add_note (notes, LSM_PAGE_NOTE_TEXT, g_strdup (_("No site that the filter keeps is on this map.")), 0);
  else
    _lsm_page_add_note (notes, LSM_PAGE_NOTE_HEADING, g_strdup (_("Sectors")), 0);
  for (guint i = 0; i < n_sectors; i++)
    {
      LsmSector s = sectors[i];

      if (shown->counts[s] == 0)
        continue;
      /* Translators: a legend entry: sector, number of sites on the map */
      _lsm_page_add_note (notes, LSM_PAGE_NOTE_SECTOR,
                          g_strdup_printf (C_("legend entry", "%s (%u)"), lsm_sector_get_label (s), shown->counts[s]), s);
    }

  /* Coloured areas say what their shades mean, before the symbols' precision. */
  if (lsm_scene_get_choropleth (scene) != NULL)
    _lsm_page_add_note (notes, LSM_PAGE_NOTE_CHOROPLETH, NULL, 0);

  if (shown->total > 0)
    _lsm_page_add_note (notes, LSM_PAGE_NOTE_HEADING, g_strdup (_("Location precision")), 0);
  for (guint p = LSM_PRECISION_EXACT; p < LSM_N_PRECISIONS; p++)
    if (shown->precisions[p] > 0)
      _lsm_page_add_note (notes, LSM_PAGE_NOTE_PRECISION, g_strdup (lsm_precision_get_label (p)), p);

  _lsm_page_add_district_notes (notes, lsm_scene_get_catalog (scene), shown->sites);

  if (shown->n_clusters > 0)
    {
      /* Translators: part of a legend entry, "%u sites in 12 clusters" */
      g_autofree char *sites = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u site", "%u sites", shown->clustered),
                                                shown->clustered);

      _lsm_page_add_note (notes, LSM_PAGE_NOTE_HEADING, g_strdup (_("Clusters")), 0);
      /* Translators: a legend entry; %s is "%u sites"; the number is how many cluster symbols the map has */
      _lsm_page_add_note (notes, LSM_PAGE_NOTE_CLUSTER,
                          g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s in %u cluster", "%s in %u clusters",
                                                        shown->n_clusters),
                                           sites, shown->n_clusters), 0);
    }
}

/* The articles, then the outside records that the shown sites' figures are checked against:
 * those are cited where their data is used, and never numbered with the articles. */
static void
add_source_notes (GPtrArray  *notes,
                  LsmCatalog *catalog,
                  GListModel *sites)
{
  GListModel *sources = lsm_catalog_get_sources (catalog);
  g_autoptr(GPtrArray) checks = g_ptr_array_new_with_free_func (g_object_unref);

  _lsm_page_add_note (notes, LSM_PAGE_NOTE_HEADING, g_strdup (_("Sources")), 0);
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(LsmSource) source = g_list_model_get_item (sources, i);
      g_autofree char *citation = lsm_source_format_citation (source);

      _lsm_page_add_note (notes, LSM_PAGE_NOTE_TEXT, g_strdup_printf (_("%u. %s"), i + 1, citation), 0);
    }

  for (guint i = 0; sites != NULL && i < g_list_model_get_n_items (sites); i++)
    {
      g_autoptr(LsmFeature) site = g_list_model_get_item (sites, i);
      GListModel *figures = lsm_feature_get_figures (site);

      for (guint j = 0; figures != NULL && j < g_list_model_get_n_items (figures); j++)
        {
          g_autoptr(LsmFigure) figure = g_list_model_get_item (figures, j);
          const char *id = lsm_figure_get_crosscheck_source_id (figure);
          LsmSource *check = id != NULL ? lsm_catalog_lookup_source (catalog, id) : NULL;

          if (check != NULL && !g_ptr_array_find (checks, check, NULL))
            g_ptr_array_add (checks, g_object_ref (check));
        }
    }

  if (checks->len == 0)
    return;
  _lsm_page_add_note (notes, LSM_PAGE_NOTE_HEADING, g_strdup (_("Cross-checked against")), 0);
  _lsm_page_add_note (notes, LSM_PAGE_NOTE_TEXT,
                      g_strdup (_("Outside records where they differ from the articles; the map keeps the articles' figures.")), 0);
  for (guint i = 0; i < checks->len; i++)
    _lsm_page_add_note (notes, LSM_PAGE_NOTE_TEXT, lsm_source_format_citation (g_ptr_array_index (checks, i)), 0);
}

/**
 * _lsm_page_notes_new:
 * @scene: what the page draws
 * @shown: what its map shows
 * @contents: (nullable): an atlas overview's list of its pages
 *
 * What a page says beside its map, as notes that fill columns and run on to following pages
 * when they do not fit (see _lsm_page_draw_notes()).
 *
 * Returns: (transfer full) (element-type LsmPageNote): the notes, in reading order
 */
GPtrArray *
_lsm_page_notes_new (LsmScene           *scene,
                     const LsmPageShown *shown,
                     const char * const *contents)
{
  GPtrArray *notes = g_ptr_array_new_with_free_func (note_free);

  if (contents != NULL && contents[0] != NULL)
    {
      _lsm_page_add_note (notes, LSM_PAGE_NOTE_HEADING, g_strdup (_("Contents")), 0);
      for (guint i = 0; contents[i] != NULL; i++)
        _lsm_page_add_note (notes, LSM_PAGE_NOTE_ENTRY, g_strdup (contents[i]), 0);
    }
  add_legend_notes (notes, scene, shown);
  add_source_notes (notes, lsm_scene_get_catalog (scene), shown->sites);

  return notes;
}

/* Draws (or with draw FALSE measures) one note; a heading keeps its space above it only below
 * another note. */
static double
draw_note (cairo_t           *cr,
           LsmScene          *scene,
           const LsmPageNote *note,
           double             x,
           double             y,
           double             width,
           gboolean           at_top,
           gboolean           draw)
{
  const LsmRgb *color = draw ? &_lsm_page_ink : NULL;
  double above = at_top ? 0 : 6;
  LsmSector other;

  switch (note->kind)
    {
    case LSM_PAGE_NOTE_HEADING:
      return above + _lsm_page_draw_text (cr, note->text, 9, TRUE, x, y + above, width, color) + 3;
    case LSM_PAGE_NOTE_TEXT:
      return _lsm_page_draw_text (cr, note->text, 7, FALSE, x, y, width, color) + 2;
    case LSM_PAGE_NOTE_ENTRY:
      return _lsm_page_draw_text (cr, note->text, 8, FALSE, x, y, width, color) + 1;
    case LSM_PAGE_NOTE_CHOROPLETH:
      if (draw)
        lsm_style_set_source (cr, &_lsm_page_ink, 1.0);
      return above + lsm_choropleth_draw_units_legend (lsm_scene_get_choropleth (scene), lsm_scene_get_units (scene),
                                                       cr, x, y + above, width, 8, draw);
    case LSM_PAGE_NOTE_SECTOR:
      if (draw)
        lsm_style_draw_symbol (cr, note->value, LSM_PRECISION_EXACT, x + 5, y + 5.5, 4.5);
      break;
    case LSM_PAGE_NOTE_PRECISION:
      if (draw)
        lsm_style_draw_precision_mark (cr, note->value, x + 5, y + 5.5, 3.6);
      break;
    case LSM_PAGE_NOTE_CLUSTER:
    default:
      /* The legend's sample is neutral: a cluster's colour is its most common sector. */
      if (draw && lsm_sector_from_id ("other", &other))
        lsm_style_draw_cluster (cr, other, 9, x + 5, y + 5.5, 5.5);
      break;
    }

  return MAX (12, _lsm_page_draw_text (cr, note->text, 8, FALSE, x + 15, y, width - 15, color)) + 1;
}

static gboolean
is_heading (const LsmPageNote *note)
{
  return note->kind == LSM_PAGE_NOTE_HEADING;
}

/**
 * _lsm_page_draw_notes:
 * @cr: a cairo context in points
 * @scene: what the page draws
 * @notes: (element-type LsmPageNote): from _lsm_page_notes_new()
 * @first: the first note to draw
 * @next: (out): the first note left for the next page; @notes->len when all fit
 * @x: the notes' room
 * @y: the notes' room
 * @width: the notes' room
 * @height: the notes' room; nothing is drawn below @y + @height
 * @n_columns: how many columns @width is cut into
 * @draw: %FALSE to measure only
 *
 * Fills the columns in turn with whole notes; a heading never ends a column.
 *
 * Returns: the height used
 */
double
_lsm_page_draw_notes (cairo_t   *cr,
                      LsmScene  *scene,
                      GPtrArray *notes,
                      guint      first,
                      guint     *next,
                      double     x,
                      double     y,
                      double     width,
                      double     height,
                      guint      n_columns,
                      gboolean   draw)
{
  double column = (width - (n_columns - 1) * LSM_PAGE_GAP) / MAX (n_columns, 1);
  double used = 0;
  guint r = first;

  for (guint c = 0; c < n_columns && r < notes->len; c++)
    {
      double cx = x + c * (column + LSM_PAGE_GAP);
      double cy = y;

      while (r < notes->len)
        {
          const LsmPageNote *note = g_ptr_array_index (notes, r);
          double h = draw_note (cr, scene, note, cx, cy, column, cy == y, FALSE);
          double with_next = h;

          if (is_heading (note) && r + 1 < notes->len)
            with_next += draw_note (cr, scene, g_ptr_array_index (notes, r + 1), cx, cy + h, column, FALSE, FALSE);
          if (cy + with_next > y + height)
            break;
          if (draw)
            draw_note (cr, scene, note, cx, cy, column, cy == y, TRUE);
          cy += h;
          r++;
        }
      used = MAX (used, cy - y);
    }

  *next = r;
  return used;
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
count_site (LsmFeature   *site,
            LsmPageShown *shown)
{
  shown->counts[lsm_feature_get_sector (site)]++;
  shown->precisions[lsm_feature_get_precision (site)]++;
  shown->total++;
}

/* What the map shows, the sites in clusters too: the legend's counts are the sites'. */
void
_lsm_page_count_shown (const LsmPageSites *sites,
                       LsmPageShown       *shown)
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

/* Over the map: north and a scale bar. */
void
_lsm_page_draw_north_arrow (cairo_t *cr,
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
  lsm_style_set_source (cr, &_lsm_page_ink, 1.0);
  cairo_fill (cr);
  _lsm_page_draw_text (cr, C_("north arrow", "N"), 9, TRUE, x - 3.5, y + 7, -1, &_lsm_page_ink);
  cairo_restore (cr);
}

/* A bar of 1, 2 or 5 × 10ⁿ metres, about a fifth of the frame: true to scale on the page. */
void
_lsm_page_draw_scale_bar (cairo_t       *cr,
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
  lsm_style_set_source (cr, &_lsm_page_ink, 1.0);
  cairo_rectangle (cr, x, y, length / 2, 3.5);
  cairo_fill (cr);
  cairo_rectangle (cr, x, y, length, 3.5);
  cairo_set_line_width (cr, 0.75);
  cairo_stroke (cr);
  _lsm_page_draw_text (cr, label, 7.5, FALSE, x, y - 12, -1, &_lsm_page_ink);
  cairo_restore (cr);
}
