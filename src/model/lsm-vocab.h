/* lsm-vocab.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lsm-sector.h"
#include "lsm-types.h"

G_BEGIN_DECLS

const char *lsm_status_get_id          (LsmStatus     status);
const char *lsm_status_get_label       (LsmStatus     status);
gboolean    lsm_status_from_text       (const char   *text,
                                        LsmStatus    *status);
gboolean    lsm_status_from_id         (const char   *id,
                                        LsmStatus    *status);

const char *lsm_precision_get_id       (LsmPrecision  precision);
const char *lsm_precision_get_label    (LsmPrecision  precision);
gboolean    lsm_precision_from_text    (const char   *text,
                                        LsmPrecision *precision);
gboolean    lsm_precision_from_id      (const char   *id,
                                        LsmPrecision *precision);

const char *lsm_qualifier_get_id       (LsmQualifier  qualifier);
const char *lsm_qualifier_get_label    (LsmQualifier  qualifier);
gboolean    lsm_qualifier_from_text    (const char   *text,
                                        LsmQualifier *qualifier);
gboolean    lsm_qualifier_from_id      (const char   *id,
                                        LsmQualifier *qualifier);

const char *lsm_metric_get_label       (const char   *metric);
const char * const *lsm_metric_list_ids (void);

gboolean    lsm_unit_is_known          (const char   *unit);
const char *lsm_unit_get_label         (const char   *unit);

gboolean    lsm_period_is_valid        (const char   *period);
char       *lsm_period_format          (const char   *period);

gboolean    lsm_ui_is_vietnamese       (void);

char       *lsm_format_number          (double        value,
                                        gboolean      grouping);
char       *lsm_format_quantity        (double        value,
                                        const double *value_max,
                                        const double *value_of,
                                        const char   *unit,
                                        LsmQualifier  qualifier);

G_END_DECLS
