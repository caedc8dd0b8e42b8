/* lsm-key.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-page"

#include "config.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "lsm-feature.h"
#include "lsm-figure.h"
#include "lsm-clusters.h"
#include "lsm-key.h"
#include "lsm-page.h"
#include "lsm-page-private.h"
#include "lsm-scene.h"
#include "lsm-style.h"
#include "lsm-vocab.h"

/* The key of a page: one row per number on the map with the site's name, sector symbol, status,
 * headline figure and precision mark, in columns; the rows that do not fit go on to the next
 * page. */

#define FONT_SIZE   7.0
#define ROW_GAP     2.0
#define MIN_COLUMN  270.0
#define NUMBER_W    16.0
#define SYMBOL_W    12.0
#define MARK_W      12.0

static const LsmRgb ink = { 0.13, 0.12, 0.14 };

static void
row_free (gpointer data)
{
  LsmKeyRow *row = data;

  g_ptr_array_unref (row->sites);
  g_free (row);
}

/**
 * lsm_key_rows_new:
 * @sites: the symbols and clusters on a page
 *
 * Returns: (transfer full) (element-type LsmKeyRow): row i has number i + 1, as
 *   lsm_scene_layout_labels() numbers the symbols and then the clusters; a cluster's row lists
 *   its members
 */
GPtrArray *
lsm_key_rows_new (const LsmPageSites *sites)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (row_free);
  guint n_clusters = sites->clusters != NULL ? sites->clusters->len : 0;

  for (guint i = 0; i < sites->placements->len + n_clusters; i++)
    {
      LsmKeyRow *row = g_new0 (LsmKeyRow, 1);

      row->number = i + 1;
      row->sites = g_ptr_array_new ();
      if (i < sites->placements->len)
        g_ptr_array_add (row->sites, g_array_index (sites->placements, LsmPlacement, i).site);
      else
        {
          guint c = i - sites->placements->len;
          const LsmClusterPlacement *cluster = &g_array_index (sites->clusters, LsmClusterPlacement, c);

          for (guint k = 0; k < cluster->count; k++)
            g_ptr_array_add (row->sites, lsm_page_sites_get_member (sites, c, k));
        }
      g_ptr_array_add (rows, row);
    }

  return rows;
}

#define CLUSTER_NAMES_MAX 8

/* A cluster's row: how many sites and the first names, as the map cannot show them apart. */
static char *
cluster_names (const LsmKeyRow *row)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < MIN (row->sites->len, CLUSTER_NAMES_MAX); i++)
    {
      const char *name = lsm_feature_get_name (g_ptr_array_index (row->sites, i));

      g_string_append_printf (names, i > 0 ? ", %s" : "%s", name != NULL ? name : "—");
    }
  if (row->sites->len > CLUSTER_NAMES_MAX)
    g_string_append (names, ", …");

  /* Translators: a key row for a cluster symbol; %u is how many sites, %s their names */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u site: %s", "%u sites: %s", row->sites->len),
                          row->sites->len, names->str);
}

/**
 * lsm_key_format_headline:
 * @site: a site
 *
 * The site's first figure with a number: what it is, the amount with its unit, and when.
 *
 * Returns: (transfer full) (nullable): "Capacity: 220 MW (2024)", or %NULL when no figure has a
 *   number
 */
char *
lsm_key_format_headline (LsmFeature *site)
{
  GListModel *figures = lsm_feature_get_figures (site);

  for (guint i = 0; figures != NULL && i < g_list_model_get_n_items (figures); i++)
    {
      g_autoptr(LsmFigure) figure = g_list_model_get_item (figures, i);
      g_autofree char *value = NULL;
      g_autofree char *period = NULL;

      if (!lsm_figure_is_numeric (figure))
        continue;

      value = lsm_figure_format_value (figure);
      period = lsm_figure_format_period (figure);
      if (period != NULL)
        /* Translators: a site's headline figure: what, how much, when; "Capacity: 220 MW (2024)" */
        return g_strdup_printf (_("%s: %s (%s)"), lsm_figure_get_label (figure), value, period);
      /* Translators: a site's headline figure: what, how much; "Capacity: 220 MW" */
      return g_strdup_printf (_("%s: %s"), lsm_figure_get_label (figure), value);
    }

  return NULL;
}

typedef struct
{
  double name;
  double status;
  double figure;
} Widths;

static void
column_widths (double  width,
               Widths *w)
{
  double text = width - NUMBER_W - SYMBOL_W - MARK_W - 3 * 4;

  w->name = text * 0.40;
  w->status = text * 0.20;
  w->figure = text * 0.40;
}

/* Draws (or measures, with draw FALSE) one row; returns its height. */
static double
draw_cells (cairo_t       *cr,
            const char    *cells[4],
            const Widths  *w,
            double         x,
            double         y,
            gboolean       bold,
            gboolean       draw)
{
  double widths[4] = { NUMBER_W, w->name, w->status, w->figure };
  double offsets[4] = { 0, NUMBER_W + SYMBOL_W, NUMBER_W + SYMBOL_W + w->name + 4,
                        NUMBER_W + SYMBOL_W + w->name + w->status + 8 };
  double height = 0;

  for (guint c = 0; c < 4; c++)
    {
      g_autoptr(PangoLayout) layout = NULL;
      int lw, lh;

      if (cells[c] == NULL)
        continue;
      layout = _lsm_page_make_layout (cr, cells[c], FONT_SIZE, bold, widths[c]);
      pango_layout_get_size (layout, &lw, &lh);
      height = MAX (height, (double) lh / PANGO_SCALE);
      if (draw)
        {
          cairo_move_to (cr, x + offsets[c], y);
          lsm_style_set_source (cr, &ink, 1.0);
          pango_cairo_show_layout (cr, layout);
        }
    }

  return height;
}

static double
draw_row (cairo_t         *cr,
          const LsmKeyRow *row,
          const Widths    *w,
          double           x,
          double           y,
          gboolean         draw)
{
  LsmFeature *site = g_ptr_array_index (row->sites, 0);
  g_autofree char *number = g_strdup_printf ("%u", row->number);
  g_autofree char *headline = NULL;
  g_autofree char *names = NULL;
  const char *cells[4] = { number };
  double height;

  if (row->sites->len > 1)
    {
      names = cluster_names (row);
      cells[1] = names, cells[2] = "—", cells[3] = "—";
      height = draw_cells (cr, cells, w, x, y, FALSE, draw);
      if (draw)
        lsm_style_draw_cluster (cr, lsm_feature_get_sector (site), row->sites->len,
                                x + NUMBER_W + SYMBOL_W / 2 - 1, y + FONT_SIZE * 0.65, 4.8);
      return MAX (height, 10) + ROW_GAP;
    }

  headline = lsm_key_format_headline (site);
  cells[1] = lsm_feature_get_name (site);
  cells[2] = lsm_status_get_label (lsm_feature_get_status (site));
  cells[3] = headline != NULL ? headline : "—";
  height = draw_cells (cr, cells, w, x, y, FALSE, draw);

  if (draw)
    {
      double mark_x = x + NUMBER_W + SYMBOL_W + w->name + w->status + w->figure + 12 + MARK_W / 2;

      lsm_style_draw_symbol (cr, lsm_feature_get_sector (site), LSM_PRECISION_EXACT,
                             x + NUMBER_W + SYMBOL_W / 2 - 1, y + FONT_SIZE * 0.65, 4.2);
      lsm_style_draw_precision_mark (cr, lsm_feature_get_precision (site), mark_x, y + FONT_SIZE * 0.65, 3.4);
    }

  return MAX (height, 10) + ROW_GAP;
}

/**
 * lsm_key_draw:
 * @cr: a cairo context in points
 * @rows: (element-type LsmKeyRow): the key
 * @first: the first row to draw
 * @next: (out): the first row left for the next page; @rows->len when all fit
 * @x: where the key goes
 * @y: where the key goes
 * @width: the room for it
 * @height: the room for it
 * @draw: %FALSE to measure only
 *
 * Draws a header and then as many rows as fit, in as many columns as @width holds.
 *
 * Returns: the height used
 */
double
lsm_key_draw (cairo_t   *cr,
              GPtrArray *rows,
              guint      first,
              guint     *next,
              double     x,
              double     y,
              double     width,
              double     height,
              gboolean   draw)
{
  guint n_columns = MAX (1, (guint) (width / MIN_COLUMN));
  double column = (width - (n_columns - 1) * 10) / n_columns;
  const char *header[4] = {
    /* Translators: the heading of the number column in a map's key */
    C_("key", "No."),
    C_("key", "Name"),
    C_("key", "Status"),
    /* Translators: the heading of the key's column of each site's main figure */
    C_("key", "Main figure"),
  };
  double used = 0;
  guint r = first;
  Widths w;

  column_widths (column, &w);
  for (guint c = 0; c < n_columns && r < rows->len; c++)
    {
      double cx = x + c * (column + 10);
      double cy = y;
      double header_h = draw_cells (cr, header, &w, cx, cy, TRUE, FALSE) + ROW_GAP;

      if (header_h + 12 > height)
        break;
      draw_cells (cr, header, &w, cx, cy, TRUE, draw);
      cy += header_h;

      while (r < rows->len)
        {
          double h = draw_row (cr, g_ptr_array_index (rows, r), &w, cx, cy, FALSE);

          if (cy + h > y + height)
            break;
          draw_row (cr, g_ptr_array_index (rows, r), &w, cx, cy, draw);
          cy += h;
          r++;
        }
      used = MAX (used, cy - y);
    }

  *next = r;
  return used;
}

/**
 * lsm_key_measure:
 * @cr: a cairo context in points
 * @rows: (element-type LsmKeyRow): the key
 * @width: the room for it
 *
 * Returns: the least height in which the whole key fits, in as many columns as @width holds
 */
double
lsm_key_measure (cairo_t   *cr,
                 GPtrArray *rows,
                 double     width)
{
  guint n_columns = MAX (1, (guint) (width / MIN_COLUMN));
  guint next;
  double one = lsm_key_draw (cr, rows, 0, &next, 0, 0, width, G_MAXDOUBLE, FALSE);
  double height = one / n_columns;

  if (rows->len == 0)
    return 0;

  /* Columns break between rows, so a little more than a share of the whole may be needed. */
  while (height < one && (lsm_key_draw (cr, rows, 0, &next, 0, 0, width, height, FALSE), next < rows->len))
    height += FONT_SIZE;

  return MIN (height, one);
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
