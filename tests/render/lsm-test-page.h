/* lsm-test-page.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lsm-page.h"

/* The render suites' page options, dated so that pages are the same from run to run. Inline:
 * the shared test utilities do not link the render layer. */
static inline void
lsm_test_page_options (LsmPageOptions *options,
                       LsmPaper        paper,
                       gboolean        landscape)
{
  lsm_page_options_init (options);
  options->paper = paper;
  options->landscape = landscape;
  options->date = g_date_time_new_utc (2026, 11, 22, 9, 0, 0);
}
