/* lsm-scene-private.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pangocairo.h>

#include "lsm-labels.h"
#include "lsm-scene.h"

G_BEGIN_DECLS

/* A mapped site in Web Mercator units, projected once per scene; entries are sorted by y, then
 * x, so sites on one point are neighbours. */
typedef struct
{
  LsmFeature *site; /* borrowed from the catalog */
  double      mx;
  double      my;
  guint       group; /* index of the first entry on the same point */
} LsmSiteEntry;

double  _lsm_scene_fan_radius        (guint       count);
GArray *_lsm_scene_build_site_entries (LsmCatalog *catalog);
GArray *_lsm_scene_get_site_entries  (LsmScene   *self);
GHashTable *_lsm_scene_build_site_index (GArray   *entries);
GHashTable *_lsm_scene_get_site_index  (LsmScene   *self);

/* Where an area's name belongs, before placement. */
typedef struct
{
  LsmLabelKind  kind;
  char         *text;
  double        x;
  double        y;
  double        size;
  gboolean      italic;
  const LsmRgb *color;
  LsmFeature   *area;  /* borrowed: the district or unit named, or NULL */
} LsmLabelAnchor;

void    _lsm_scene_collect_area_labels (LsmScene      *self,
                                        const LsmView *view,
                                        GArray        *anchors);
void    _lsm_scene_draw_tile_labels  (LsmScene      *scene,
                                      GHashTable    *cache,
                                      cairo_t       *cr,
                                      const LsmView *view);
PangoLayout *_lsm_scene_make_label_layout (cairo_t    *cr,
                                           const char *text,
                                           double      size,
                                           gboolean    italic,
                                           gboolean    bold);

G_END_DECLS
