/* lsm-output-file-private.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sys/types.h>

#include "lsm-output-file.h"

G_BEGIN_DECLS

/* For tests: a full disk cannot be had on demand, a write function that fails like one can. */
typedef ssize_t (*LsmOutputWriteFunc) (int         fd,
                                       const void *data,
                                       size_t      length);

void _lsm_output_file_set_write_func (LsmOutputWriteFunc func);

G_END_DECLS
