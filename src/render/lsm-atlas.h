/* lsm-atlas.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "lsm-page.h"

G_BEGIN_DECLS

/* The pages of a printed or exported map: print, PDF export and the atlas all page through it. */
typedef struct _LsmDocument LsmDocument;

LsmDocument *lsm_document_new       (LsmScene             *scene,
                                     LsmFilter            *filter,
                                     const LsmPageOptions *options);
void         lsm_document_free      (LsmDocument          *self);
guint        lsm_document_paginate  (LsmDocument          *self,
                                     cairo_t              *cr,
                                     double                width,
                                     double                height);
void         lsm_document_draw_page (LsmDocument          *self,
                                     guint                 page,
                                     cairo_t              *cr,
                                     double                width,
                                     double                height,
                                     LsmPageMap           *map);
gboolean     lsm_atlas_parse_by     (const char           *name,
                                     LsmAtlasBy           *by,
                                     GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LsmDocument, lsm_document_free)

G_END_DECLS
