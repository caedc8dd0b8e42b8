/* lsm-key.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

#include "lsm-scene.h"
#include "lsm-types.h"

G_BEGIN_DECLS

/* What a page draws in its frame: single symbols, numbered first in the key, then clusters
 * (LsmClusterPlacement), one key row each; lsm_page_place_sites() makes it. */
typedef struct _LsmPageSites
{
  GArray       *placements;
  GArray       *clusters;
  LsmSiteMatch *match; /* owns the clusters' members */
} LsmPageSites;

/* One numbered row of a page's key. It holds a list so that a cluster of sites drawn as one
 * symbol can later take one number; today each row has one site. */
typedef struct
{
  guint      number;
  GPtrArray *sites; /* LsmFeature, borrowed from the catalog */
} LsmKeyRow;

GPtrArray *lsm_key_rows_new        (const LsmPageSites *sites);
char      *lsm_key_format_headline (LsmFeature *site);
double     lsm_key_draw            (cairo_t    *cr,
                                    GPtrArray  *rows,
                                    guint       first,
                                    guint      *next,
                                    double      x,
                                    double      y,
                                    double      width,
                                    double      height,
                                    gboolean    draw);
double     lsm_key_measure         (cairo_t    *cr,
                                    GPtrArray  *rows,
                                    double      width);

G_END_DECLS
