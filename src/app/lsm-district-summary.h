/* lsm-district-summary.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "lsm-types.h"

G_BEGIN_DECLS

#define LSM_TYPE_DISTRICT_SUMMARY (lsm_district_summary_get_type ())

G_DECLARE_FINAL_TYPE (LsmDistrictSummary, lsm_district_summary, LSM, DISTRICT_SUMMARY, GtkBox)

GtkWidget *lsm_district_summary_new (LsmFilter  *filter,
                                     LsmFeature *district);

G_END_DECLS
