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
  char           *texts;         /* once packed: the block the strings above point into */
  double          area_km2;
  double          label_lon;
  double          label_lat;
  gboolean        has_label_point;
  gboolean        has_point;     /* a site's point, kept as lon, lat rather than a geometry */
  double          lon;
  double          lat;
  gpointer        geometry;      /* LsmGeometry; made from the point on request (atomic) */
  LsmFigure     **figure_list;   /* n_figures LsmFigure, NULL for none; the list model is made on first request */
  guint           n_figures;
  gboolean        imported;      /* from a user's own file, not lsmap's data */
  GListStore     *figures;
  gpointer        search_key;    /* folded names, made on the first search (atomic) */
  GPtrArray      *attributes;    /* a user's columns that are no figure: name, value, name, … */
  LsmFeature     *unit_2025;     /* a located site's unit since 1 July 2025 */
};

LsmFeature *_lsm_feature_new             (LsmFeatureKind  kind);
void        _lsm_feature_forget_search_key (LsmFeature   *self);
void        _lsm_feature_compact          (LsmFeature   *self);
void        _lsm_feature_set_figures       (LsmFeature   *self,
                                            GPtrArray    *figures);
void        _lsm_feature_add_attribute     (LsmFeature   *self,
                                            const char   *name,
                                            const char   *value);

G_END_DECLS
