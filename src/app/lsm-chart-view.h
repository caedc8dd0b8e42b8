/* lsm-chart-view.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "lsm-overview.h"

G_BEGIN_DECLS

#define LSM_TYPE_CHART_VIEW (lsm_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (LsmChartView, lsm_chart_view, LSM, CHART_VIEW, GtkDrawingArea)

GtkWidget      *lsm_chart_view_new       (const LsmChart *chart);
const LsmChart *lsm_chart_view_get_chart (LsmChartView   *self);

G_END_DECLS
