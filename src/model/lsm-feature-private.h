/* lsm-feature-private.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lsm-feature.h"
#include "lsm-text.h"

G_BEGIN_DECLS

/* What only some features need, kept apart: a site of a large set has none of it. */
typedef struct
{
  double      area_km2;
  GListStore *figures;     /* the list model of the figures, made on first request */
  GPtrArray  *attributes;  /* a user's columns that are no figure: name, value, name, … */
} LsmFeatureExtra;

/* Filled in by the loader's worker thread, immutable once published. */
struct _LsmFeature
{
  GObject         parent_instance;

  LsmFeatureKind  kind;
  LsmSector       sector;
  LsmStatus       status;
  LsmPrecision    precision;
  char           *id;
  char           *name;
  char           *name_en;
  char           *full_name;
  const char     *subtype;     /* interned, as are district and commune: small sets */
  const char     *district;
  const char     *commune;
  LsmText         coord_method;
  char           *provenance;    /* citations of the coordinate, for auditors */
  LsmText         note;
  LsmTextStore   *texts;         /* once compacted: where the strings above live */
  guint           n_figures;
  guint           has_label_point : 1; /* lon, lat are where an area's label goes */
  guint           has_point : 1; /* lon, lat are a site's point, kept rather than a geometry */
  guint           imported : 1;  /* from a user's own file, not lsmap's data */
  double          lon;           /* a feature has a point or a label point, never both */
  double          lat;
  gpointer        geometry;      /* LsmGeometry; made from the point on request (atomic) */
  gpointer        figure_list;   /* the one LsmFigure, or an array of n_figures; read it with
                                  * _lsm_feature_peek_figures(); the list model is made on first request */
  gpointer        search_key;    /* folded names, made on the first search (atomic) */
  LsmFeature     *unit_2025;     /* a located site's unit since 1 July 2025 */
  LsmFeatureExtra *extra;        /* what few features have; NULL for most sites */
};

LsmFeature *_lsm_feature_new             (LsmFeatureKind  kind);
void        _lsm_feature_forget_search_key (LsmFeature   *self);
LsmFeatureExtra *_lsm_feature_get_extra  (LsmFeature   *self);
void        _lsm_feature_compact          (LsmFeature   *self,
                                           LsmTextStore *texts);
LsmFigure * const *_lsm_feature_peek_figures (LsmFeature *self,
                                              guint      *n_figures);
void        _lsm_feature_set_figures       (LsmFeature   *self,
                                            GPtrArray    *figures);
void        _lsm_feature_add_attribute     (LsmFeature   *self,
                                            const char   *name,
                                            const char   *value);

G_END_DECLS
