/* lsm-page-private.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pangocairo.h>

#include "lsm-page.h"
#include "lsm-style.h"

G_BEGIN_DECLS

/* Every page's margin and the gap between its parts, in points. */
#define LSM_PAGE_MARGIN 28.0
#define LSM_PAGE_GAP    10.0

/* The page's text colours. */
extern const LsmRgb _lsm_page_ink;
extern const LsmRgb _lsm_page_grey;


/* What one page of a document needs beyond LsmPageOptions, and what it reports back. */
typedef struct
{
  const char * const *contents;   /* an atlas's overview: its pages, listed in place of the key */
  const char         *page_label; /* "Page 2 of 12"; NULL: none */
  gboolean            single;     /* no following pages (SVG, PNG): say what of the key is left */
  guint               first_row;  /* a key page: the first row it shows */
  GPtrArray          *rows;       /* out: the map page's key (LsmKeyRow), transfer full */
  guint               next_row;   /* out: the first row no page has shown yet */
} LsmPageSection;

void _lsm_page_draw_section  (LsmScene             *scene,
                              LsmFilter            *filter,
                              const LsmPageOptions *options,
                              cairo_t              *cr,
                              double                width,
                              double                height,
                              LsmPageMap           *map,
                              LsmPageSection       *section);
void _lsm_page_draw_key_page (LsmScene             *scene,
                              LsmFilter            *filter,
                              const LsmPageOptions *options,
                              cairo_t              *cr,
                              double                width,
                              double                height,
                              LsmPageSection       *section);

PangoLayout *_lsm_page_make_layout (cairo_t    *cr,
                                    const char *text,
                                    double      size,
                                    gboolean    bold,
                                    double      width);

double _lsm_page_draw_text         (cairo_t      *cr,
                                    const char   *text,
                                    double        size,
                                    gboolean      bold,
                                    double        x,
                                    double        y,
                                    double        width,
                                    const LsmRgb *color);
double _lsm_page_draw_district_key (cairo_t      *cr,
                                    LsmCatalog   *catalog,
                                    GListModel   *sites,
                                    double        x,
                                    double        y,
                                    double        width,
                                    const LsmRgb *color);

/* What a map page shows, for its legend: the sites in clusters count too. */
typedef struct
{
  guint      *counts;     /* per sector */
  guint       precisions[LSM_N_PRECISIONS];
  guint       total;
  GListModel *sites;      /* borrowed: what the page shows, placed or not */
  guint       clustered;  /* of total, sites counted in clusters */
  guint       n_clusters;
} LsmPageShown;

void   _lsm_page_count_shown   (const LsmPageSites   *sites,
                                LsmPageShown         *shown);
double _lsm_page_draw_legend   (cairo_t              *cr,
                                LsmScene             *scene,
                                const LsmPageShown   *shown,
                                double                x,
                                double                y,
                                double                width,
                                gboolean              draw);
double _lsm_page_draw_sources  (cairo_t              *cr,
                                LsmCatalog           *catalog,
                                double                x,
                                double                y,
                                double                width,
                                gboolean              draw);
double _lsm_page_draw_contents (cairo_t              *cr,
                                const char * const   *contents,
                                double                x,
                                double                y,
                                double                width,
                                gboolean              draw);
char  *_lsm_page_footer_text   (const LsmPageOptions *options,
                                LsmUnits              units);

char  *_lsm_page_title          (LsmFilter            *filter,
                                 const LsmPageOptions *options);
double _lsm_page_draw_header    (cairo_t              *cr,
                                 LsmCatalog           *catalog,
                                 LsmFilter            *filter,
                                 const LsmPageOptions *options,
                                 const LsmPageSites   *sites,
                                 double                width,
                                 gboolean              draw);
void   _lsm_page_draw_footer    (cairo_t              *cr,
                                 LsmScene             *scene,
                                 const LsmPageOptions *options,
                                 const LsmPageSection *section,
                                 double                width,
                                 double                height);
double _lsm_page_footer_height  (LsmScene             *scene,
                                 const LsmPageOptions *options,
                                 cairo_t              *cr,
                                 double                width,
                                 const LsmPageSection *section);

G_END_DECLS
