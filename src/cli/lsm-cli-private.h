/* lsm-cli-private.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stdio.h>

#include <json-glib/json-glib.h>

#include "lsm-types.h"

G_BEGIN_DECLS

void _lsm_cli_add_figures  (JsonBuilder  *builder,
                            GListModel   *figures);
void _lsm_cli_add_string   (JsonBuilder  *builder,
                            const char   *member,
                            const char   *value);
void _lsm_cli_add_number   (JsonBuilder  *builder,
                            const char   *member,
                            const double *value);
void _lsm_cli_print_padded (FILE         *out,
                            const char   *text,
                            guint         width);
void _lsm_cli_print_json   (FILE         *out,
                            JsonBuilder  *builder);

G_END_DECLS
