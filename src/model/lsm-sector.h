/* lsm-sector.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lsm-types.h"

G_BEGIN_DECLS

/**
 * LsmSectorInfo:
 * @id: the data's and the command line's id, stable
 * @label: the name shown to users, a msgid in the "sector" context
 * @rgb: the symbol's colour, 0xRRGGBB
 * @shape: the symbol's shape
 * @order: where the sector is listed: lower first
 * @aliases: (nullable): other names a user's file may give the sector, "|" between them:
 *   the Vietnamese label first, so a Vietnamese file reads alike in any interface language
 *
 * One row of the sector table. Everything that shows or lists sectors reads it.
 */
typedef struct
{
  const char *id;
  const char *label;
  guint32     rgb;
  LsmShape    shape;
  guint       order;
  const char *aliases;
} LsmSectorInfo;

#define LSM_SECTOR_INVALID G_MAXUINT

const char *lsm_sector_get_id        (LsmSector            sector);
const char *lsm_sector_get_label     (LsmSector            sector);
const char *lsm_sector_get_icon_name (LsmSector            sector);
guint32     lsm_sector_get_rgb       (LsmSector            sector);
LsmShape    lsm_sector_get_shape     (LsmSector            sector);
gboolean    lsm_sector_is_builtin    (LsmSector            sector);
gboolean    lsm_sector_from_id       (const char          *id,
                                      LsmSector           *sector);
LsmSector  *lsm_sector_list          (guint               *n_sectors);
LsmSector   lsm_sector_register      (const LsmSectorInfo *info);
gboolean    lsm_sector_ensure        (const char          *id,
                                      LsmSector           *sector);
gboolean    lsm_sector_from_text     (const char          *text,
                                      LsmSector           *sector);

G_END_DECLS
