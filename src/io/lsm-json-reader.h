/* lsm-json-reader.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lsm-catalog.h"

G_BEGIN_DECLS

void       _lsm_json_set_parse_error (GError       **error,
                                      const char    *file,
                                      const GError  *json_error);

GPtrArray *_lsm_json_read_figures    (const char  *json_text,
                                      const char  *file,
                                      const char  *owner,
                                      LsmCatalog  *problems);
GPtrArray *_lsm_json_read_sources    (const char  *path,
                                      LsmCatalog  *problems,
                                      GError     **error);
GPtrArray *_lsm_json_read_aggregates (const char  *path,
                                      LsmCatalog  *problems,
                                      GError     **error);

G_END_DECLS
