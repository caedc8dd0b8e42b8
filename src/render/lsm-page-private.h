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
  const char * const *contents;   /* an atlas's overview: its pages, listed first in its notes */
  const char         *page_label; /* "Page 2 of 12"; NULL: none */
  gboolean            single;     /* no following pages (SVG, PNG): say what is left out */
  guint               first_row;  /* a following page: the first key row it shows */
  guint               first_note; /* a following page: the first note it shows */
  GPtrArray          *rows;       /* out: the map page's key (LsmKeyRow), transfer full */
  GPtrArray          *notes;      /* out: the map page's legend and sources (LsmPageNote), transfer full */
  guint               next_row;   /* out: the first row no page has shown yet */
  guint               next_note;  /* out: the first note no page has shown yet */
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

/* A page's legend, sources and an atlas's contents, in reading order: what does not fit beside
 * the map runs on to the following pages, as the key does. */
typedef enum
{
  LSM_PAGE_NOTE_HEADING,
  LSM_PAGE_NOTE_TEXT,       /* a paragraph in small print */
  LSM_PAGE_NOTE_ENTRY,      /* a line of a list */
  LSM_PAGE_NOTE_SECTOR,     /* value: the LsmSector, drawn with its symbol */
  LSM_PAGE_NOTE_PRECISION,  /* value: the LsmPrecision, drawn with its mark */
  LSM_PAGE_NOTE_CLUSTER,    /* drawn with a cluster symbol */
  LSM_PAGE_NOTE_CHOROPLETH, /* the scene's choropleth legend */
} LsmPageNoteKind;

typedef struct
{
  LsmPageNoteKind  kind;
  char            *text;
  guint            value;
} LsmPageNote;

GPtrArray *_lsm_page_notes_new          (LsmScene           *scene,
                                         const LsmPageShown *shown,
                                         const char * const *contents);
void       _lsm_page_add_note           (GPtrArray          *notes,
                                         LsmPageNoteKind     kind,
                                         char               *text,
                                         guint               value);
void       _lsm_page_add_district_notes (GPtrArray          *notes,
                                         LsmCatalog         *catalog,
                                         GListModel         *sites);
double     _lsm_page_draw_notes         (cairo_t            *cr,
                                         LsmScene           *scene,
                                         GPtrArray          *notes,
                                         guint               first,
                                         guint              *next,
                                         double              x,
                                         double              y,
                                         double              width,
                                         double              height,
                                         guint               n_columns,
                                         gboolean            draw);

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

void   _lsm_page_draw_north_arrow (cairo_t       *cr,
                                   double         x,
                                   double         y);
void   _lsm_page_draw_scale_bar   (cairo_t       *cr,
                                   const LsmView *view,
                                   double         x,
                                   double         y,
                                   double         frame_width);

G_END_DECLS
