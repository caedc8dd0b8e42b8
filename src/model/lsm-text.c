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

struct _LsmTextStore
{
  gatomicrefcount  ref_count;
  GStringChunk    *chunk;
};

LsmTextStore *
lsm_text_store_new (void)
{
  LsmTextStore *self = g_new0 (LsmTextStore, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->chunk = g_string_chunk_new (16 * 1024);
  return self;
}

LsmTextStore *
lsm_text_store_ref (LsmTextStore *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
lsm_text_store_unref (LsmTextStore *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_string_chunk_free (self->chunk);
      g_free (self);
    }
}

/**
 * lsm_text_store_take:
 * @self: a store
 * @text: (transfer full) (nullable): a string
 *
 * Returns: (transfer none) (nullable): a copy of @text in the store, which frees @text
 */
char *
lsm_text_store_take (LsmTextStore *self,
                     char         *text)
{
  g_autofree char *owned = text;

  g_return_val_if_fail (self != NULL, NULL);

  return owned != NULL ? g_string_chunk_insert (self->chunk, owned) : NULL;
}
