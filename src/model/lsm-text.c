/* lsm-text.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lsm-text.h"
#include "lsm-vocab.h"

/**
 * lsm_text_get:
 * @text: a text in both languages
 *
 * Returns: (nullable): the text in the interface's language, else in the other one, else %NULL
 */
const char *
lsm_text_get (const LsmText *text)
{
  const char *wanted, *other;

  g_return_val_if_fail (text != NULL, NULL);

  wanted = lsm_ui_is_vietnamese () ? text->vi : text->en;
  other = lsm_ui_is_vietnamese () ? text->en : text->vi;

  return wanted != NULL ? wanted : other;
}

gboolean
lsm_text_is_set (const LsmText *text)
{
  g_return_val_if_fail (text != NULL, FALSE);

  return text->vi != NULL || text->en != NULL;
}

void
lsm_text_clear (LsmText *text)
{
  g_return_if_fail (text != NULL);

  g_clear_pointer (&text->vi, g_free);
  g_clear_pointer (&text->en, g_free);
}
