/* lsm-json-reader.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "lsm-catalog.h"

G_BEGIN_DECLS

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

JsonNode  *_lsm_json_load_file       (const char  *path,
                                      GError     **error);

G_END_DECLS
