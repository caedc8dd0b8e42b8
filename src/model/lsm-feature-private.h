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
  char           *id;
  char           *name;
  char           *name_en;
  char           *full_name;
  LsmSector       sector;
  char           *subtype;
  LsmStatus       status;
  char           *district;
  char           *commune;
  LsmPrecision    precision;
  LsmText         coord_method;
  char           *provenance;    /* citations of the coordinate, for auditors */
  LsmText         note;
  double          area_km2;
  gboolean        has_label_point;
  double          label_lon;
  double          label_lat;
  LsmGeometry    *geometry;
  GPtrArray      *figure_list;   /* LsmFigure; the list model is made on first request */
  GListStore     *figures;
  char           *search_key;
  char           *name_key;      /* folded names only, to rank search results */
  GPtrArray      *attributes;    /* a user's columns that are no figure: name, value, name, … */
  gboolean        imported;      /* from a user's own file, not lsmap's data */
};

LsmFeature *_lsm_feature_new             (LsmFeatureKind  kind);
void        _lsm_feature_update_search_key (LsmFeature   *self);
void        _lsm_feature_set_figures       (LsmFeature   *self,
                                            GPtrArray    *figures);
void        _lsm_feature_add_attribute     (LsmFeature   *self,
                                            const char   *name,
                                            const char   *value);

G_END_DECLS
