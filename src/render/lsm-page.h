/* lsm-page.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "lsm-key.h"
#include "lsm-scene.h"
#include "lsm-types.h"

G_BEGIN_DECLS

/* Characters of a page title; longer ones are ellipsized (lsm_page_cap_title()). */
#define LSM_PAGE_TITLE_MAX 200

typedef enum
{
  LSM_PAPER_A4,
  LSM_PAPER_A3,
  LSM_PAPER_LETTER,
  LSM_PAPER_PIXELS, /* pixel_width × pixel_height, at 96 dpi */
} LsmPaper;

typedef enum
{
  LSM_EXTENT_PROVINCE,
  LSM_EXTENT_DISTRICT,
  LSM_EXTENT_BOUNDS, /* e.g. what the window shows */
} LsmExtent;

typedef enum
{
  LSM_PAGE_FORMAT_PDF,
  LSM_PAGE_FORMAT_SVG,
  LSM_PAGE_FORMAT_PNG,
} LsmPageFormat;

typedef enum
{
  LSM_ATLAS_NONE,        /* one map, its key carried on over following pages */
  LSM_ATLAS_BY_DISTRICT, /* an overview, then a map per district */
  LSM_ATLAS_BY_SECTOR,   /* an overview, then a map per sector the filter keeps */
} LsmAtlasBy;

/* Everything a printed or exported page depends on besides the data and the filter. */
typedef struct
{
  char       *title;     /* NULL: the localized default */
  LsmPaper    paper;
  gboolean    landscape;
  guint       pixel_width;
  guint       pixel_height;
  double      dpi;       /* PNG resolution for paper sizes, 96–600 */
  LsmExtent   extent;
  char       *district;  /* with LSM_EXTENT_DISTRICT */
  LsmBounds   bounds;    /* with LSM_EXTENT_BOUNDS */
  gboolean    online;    /* OpenStreetMap tiles were shown: credit them */
  GDateTime  *date;      /* printing date; NULL: now */
  gboolean    hide_key;    /* no numbered key under the map */
  gboolean    hide_labels; /* no site numbers or names on the map */
  LsmAtlasBy  atlas;     /* PDF and print only */
} LsmPageOptions;

/* Where the page put the map, for callers that need to find things on it (tests). */
typedef struct
{
  double  x;
  double  y;
  double  width;
  double  height;
  LsmView view;
} LsmPageMap;

void          lsm_page_options_init  (LsmPageOptions       *options);
void          lsm_page_options_clear (LsmPageOptions       *options);
void          lsm_page_get_size      (const LsmPageOptions *options,
                                      double               *width_pt,
                                      double               *height_pt);
char         *lsm_page_default_title (void);
char         *lsm_page_cap_title     (const char           *title,
                                      gboolean             *capped);
void          lsm_page_draw          (LsmScene             *scene,
                                      LsmFilter            *filter,
                                      const LsmPageOptions *options,
                                      cairo_t              *cr,
                                      double                width,
                                      double                height,
                                      LsmPageMap           *map);
gboolean      lsm_page_format_from_path (const char        *path,
                                      LsmPageFormat        *format,
                                      GError              **error);
gboolean      lsm_page_export        (LsmScene             *scene,
                                      LsmFilter            *filter,
                                      const LsmPageOptions *options,
                                      const char           *path,
                                      LsmPageMap           *map,
                                      GError              **error);
LsmPageSites *lsm_page_place_sites   (LsmScene             *scene,
                                      const LsmView        *view,
                                      LsmFilter            *filter);
void          lsm_page_sites_free    (LsmPageSites         *sites);
LsmFeature   *lsm_page_sites_get_member (const LsmPageSites *sites,
                                      guint                 cluster,
                                      guint                 index);
gboolean      lsm_page_parse_paper   (const char           *name,
                                      LsmPaper             *paper,
                                      GError              **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LsmPageOptions, lsm_page_options_clear)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LsmPageSites, lsm_page_sites_free)

G_END_DECLS
