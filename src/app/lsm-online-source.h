/* lsm-online-source.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <shumate/shumate.h>

G_BEGIN_DECLS

#define LSM_TYPE_ONLINE_SOURCE (lsm_online_source_get_type ())

G_DECLARE_FINAL_TYPE (LsmOnlineSource, lsm_online_source, LSM, ONLINE_SOURCE, ShumateDataSource)

LsmOnlineSource *lsm_online_source_new              (const char      *url_template);
const char      *lsm_online_source_get_user_agent   (LsmOnlineSource *self);
guint            lsm_online_source_get_n_failures   (LsmOnlineSource *self);
char            *lsm_online_source_build_url        (LsmOnlineSource *self,
                                                     int              x,
                                                     int              y,
                                                     int              zoom);

G_END_DECLS
