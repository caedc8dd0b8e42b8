/* lsm-catalog-private.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lsm-catalog.h"

G_BEGIN_DECLS

void _lsm_catalog_add_problem     (LsmCatalog   *self,
                                   const char   *file,
                                   const char   *format,
                                   ...) G_GNUC_PRINTF (3, 4);
void _lsm_catalog_add_skipped     (LsmCatalog   *self,
                                   guint         n_skipped);
char *_lsm_catalog_make_printable (const char   *text);
void _lsm_catalog_set_sites       (LsmCatalog   *self,
                                   GPtrArray    *sites,
                                   const char   *file);
void _lsm_catalog_set_districts   (LsmCatalog   *self,
                                   GPtrArray    *districts,
                                   const char   *file);
void _lsm_catalog_set_context     (LsmCatalog   *self,
                                   GPtrArray    *context);
void _lsm_catalog_set_province    (LsmCatalog   *self,
                                   LsmGeometry  *outline);
void _lsm_catalog_set_sources     (LsmCatalog   *self,
                                   GPtrArray    *sources);
void _lsm_catalog_set_aggregates  (LsmCatalog   *self,
                                   GPtrArray    *figures,
                                   const char   *file);
void _lsm_catalog_check           (LsmCatalog   *self);
const char *_lsm_catalog_get_sites_file   (LsmCatalog *self);
const char *_lsm_catalog_get_figures_file (LsmCatalog *self);
void _lsm_catalog_set_units_2025  (LsmCatalog   *self,
                                   GPtrArray    *units);

G_END_DECLS
