/* lsm-output-file.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _LsmOutputFile LsmOutputFile;

LsmOutputFile  *lsm_output_file_open           (const char     *path,
                                                GError        **error);
cairo_status_t  lsm_output_file_write_cb       (void                *closure,
                                                const unsigned char *data,
                                                unsigned int         length);
gboolean        lsm_output_file_commit         (LsmOutputFile  *self,
                                                cairo_status_t  status,
                                                GError        **error);
void            lsm_output_file_abort          (LsmOutputFile  *self);
void            lsm_output_file_remove_pending (void);
char           *lsm_output_describe_errno      (int             errsv);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LsmOutputFile, lsm_output_file_abort)

G_END_DECLS
