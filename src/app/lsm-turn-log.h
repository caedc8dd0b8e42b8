/* lsm-turn-log.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void   lsm_turn_log_install     (guint  budget_ms);
double lsm_turn_log_get_longest (guint *n_long);
void   lsm_turn_log_reset       (void);

G_END_DECLS
