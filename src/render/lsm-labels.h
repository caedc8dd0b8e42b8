/* lsm-labels.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>
#include <pango/pango.h>

#include "lsm-scene.h"
#include "lsm-style.h"
#include "lsm-types.h"

G_BEGIN_DECLS

/* A rectangle in view coordinates, x0 < x1 and y0 < y1. */
typedef struct
{
  double x0;
  double y0;
  double x1;
  double y1;
} LsmBox;

gboolean    lsm_box_intersects       (const LsmBox *a,
                                      const LsmBox *b);

/* Greedy placement: obstacles first (symbols), then labels in order of importance; each label
 * takes the first of its candidate positions that meets no box placed before it. */
typedef struct _LsmLabeler LsmLabeler;

LsmLabeler *lsm_labeler_new          (const LsmBox *frame,
                                      double        cell);
void        lsm_labeler_free         (LsmLabeler   *self);
void        lsm_labeler_add_obstacle (LsmLabeler   *self,
                                      const LsmBox *box);
gboolean    lsm_labeler_try          (LsmLabeler   *self,
                                      const LsmBox *box);
gboolean    lsm_labeler_place_beside (LsmLabeler   *self,
                                      double        x,
                                      double        y,
                                      double        radius,
                                      double        width,
                                      double        height,
                                      guint         n_rings,
                                      LsmBox       *placed,
                                      guint        *ring);
gboolean    lsm_labeler_place_over   (LsmLabeler   *self,
                                      double        x,
                                      double        y,
                                      double        width,
                                      double        height,
                                      double        max_shift,
                                      LsmBox       *placed);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LsmLabeler, lsm_labeler_free)

typedef enum
{
  LSM_LABEL_DISTRICT,
  LSM_LABEL_PLACE,    /* a country or neighbouring province */
  LSM_LABEL_NUMBER,   /* a site's number in the key */
  LSM_LABEL_NAME,     /* a site's name, beside its number where it fits */
  LSM_LABEL_BADGE,    /* how many of a district's sites have no point, framed under its name */
} LsmLabelKind;

/* One label as placed; @box is where its text goes, in view coordinates. */
typedef struct
{
  LsmLabelKind  kind;
  char         *text;
  LsmBox        box;
  double        size;
  gboolean      italic;
  const LsmRgb *color;
  gboolean      leader;   /* placed away from its symbol: a line ties it to (anchor_x, anchor_y) */
  double        anchor_x;
  double        anchor_y;
  guint         number;   /* LSM_LABEL_NUMBER and LSM_LABEL_NAME: the key's number */
  LsmFeature   *area;     /* a district's name, or its badge: the district (borrowed) */
} LsmLabel;

typedef enum
{
  LSM_LABELS_WHOLE   = 1 << 0, /* keep every label inside the view (a page, not a tile) */
  LSM_LABELS_NUMBERS = 1 << 1, /* number the placements, 1 up, and name them where room is */
} LsmLabelFlags;

GArray     *lsm_scene_layout_labels  (LsmScene      *scene,
                                      cairo_t       *cr,
                                      const LsmView *view,
                                      GArray        *placements,
                                      GArray        *clusters,
                                      LsmLabelFlags  flags,
                                      GListModel    *badge_sites);
void        lsm_scene_draw_labels    (cairo_t       *cr,
                                      const LsmView *view,
                                      GArray        *labels);
void        lsm_symbol_box           (const LsmView *view,
                                      double         x,
                                      double         y,
                                      LsmBox        *box);
PangoFontDescription *
            lsm_label_get_font       (const LsmLabel *label);
const LsmLabel *
            lsm_scene_get_tile_label (LsmScene      *scene,
                                      guint          zoom,
                                      LsmLabelKind   kind,
                                      LsmFeature    *area);

G_END_DECLS
