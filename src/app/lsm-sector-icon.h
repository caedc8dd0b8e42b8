/* lsm-sector-icon.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "lsm-types.h"

G_BEGIN_DECLS

GdkTexture *lsm_symbol_texture_new    (LsmSector     sector,
                                       LsmPrecision  precision,
                                       int           size,
                                       double        radius);
void        lsm_sector_icon_set_image (GtkImage     *image,
                                       LsmSector     sector);
GtkWidget  *lsm_sector_icon_new_image (LsmSector     sector);

G_END_DECLS
