/* lsm-page-private.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pangocairo.h>

#include "lsm-page.h"

G_BEGIN_DECLS

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

G_END_DECLS
