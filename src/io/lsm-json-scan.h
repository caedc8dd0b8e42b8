/* lsm-json-scan.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  LSM_JSON_ABSENT,
  LSM_JSON_NULL,
  LSM_JSON_STRING,
  LSM_JSON_NUMBER,
  LSM_JSON_BOOLEAN,
  LSM_JSON_COMPOUND, /* an object or array, skipped */
} LsmJsonKind;

typedef struct
{
  LsmJsonKind  kind;
  const char  *string;  /* UTF-8, valid until the callback returns */
  double       number;
  gboolean     boolean;
} LsmJsonValue;

typedef struct
{
  const char   *key;
  LsmJsonValue  value;
} LsmJsonMember;

/* Called for each element of the array; @members is NULL when the element is not an object. */
typedef void (*LsmJsonObjectFunc) (const LsmJsonMember *members,
                                   guint                n_members,
                                   guint                index,
                                   gpointer             user_data);

gboolean     _lsm_json_scan_objects (const char         *text,
                                     LsmJsonObjectFunc   func,
                                     gpointer            user_data,
                                     char              **error_message);
LsmJsonValue _lsm_json_lookup       (const LsmJsonMember *members,
                                     guint               n_members,
                                     const char         *key);

G_END_DECLS
