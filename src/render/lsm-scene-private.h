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

/* An area or a line in Web Mercator units, projected once per scene. */
typedef struct
{
  LsmFeature *feature;   /* borrowed */
  double     *coords;    /* mercator x, y pairs */
  guint      *ring_ends;
  guint       n_rings;
  double      bounds[4]; /* x0, y0, x1, y1 in mercator units */
  guint       color;     /* district fill index */
  gboolean    lines;     /* a line, not a polygon */
  double      label_x;   /* fixed label point in mercator units, for polygons without one */
  double      label_y;
} Shape;

void     _lsm_scene_shape_init       (Shape         *shape,
                                      LsmFeature    *feature,
                                      LsmGeometry   *geometry);
void     _lsm_scene_shape_clear      (gpointer       data);
gboolean _lsm_scene_shape_visible    (const Shape   *shape,
                                      const LsmView *view,
                                      double         size);
void     _lsm_scene_shape_path       (cairo_t       *cr,
                                      const Shape   *shape,
                                      const LsmView *view,
                                      double         size);

/* Sites drawn as lines and areas (lsm-scene-shapes.c). */
GArray    *_lsm_scene_build_site_shapes (LsmCatalog *catalog);
GArray    *_lsm_scene_get_site_shapes   (LsmScene   *self);
GPtrArray *_lsm_scene_match_shapes      (LsmScene   *self,
                                         GListModel *model,
                                         GPtrArray  *items);
GPtrArray *_lsm_site_match_get_shapes   (const LsmSiteMatch *match);

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
GHashTable *_lsm_scene_get_tile_labels (LsmScene   *self);
GMutex     *_lsm_scene_get_tile_labels_lock (LsmScene *self);
void    _lsm_scene_draw_tile_labels  (LsmScene      *scene,
                                      cairo_t       *cr,
                                      const LsmView *view);
PangoLayout *_lsm_scene_make_label_layout (cairo_t    *cr,
                                           const char *text,
                                           double      size,
                                           gboolean    italic,
                                           gboolean    bold);

G_END_DECLS
