/* lsm-application.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LSM_TYPE_APPLICATION (lsm_application_get_type ())

G_DECLARE_FINAL_TYPE (LsmApplication, lsm_application, LSM, APPLICATION, AdwApplication)

LsmApplication *lsm_application_new (void);

G_END_DECLS
