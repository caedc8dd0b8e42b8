/* lsm-search.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-search"

#include "config.h"

#include <string.h>

#include "lsm-search.h"

/**
 * lsm_search_fold:
 * @text: (nullable): UTF-8 text
 *
 * Folds @text for diacritic- and case-insensitive matching: decomposes it (NFD), drops the
 * combining marks, maps đ/Đ to d (they do not decompose), case-folds, and turns punctuation
 * and runs of white space into single spaces. "Đồng Đăng" and "dong dang" fold alike.
 *
 * Returns: (transfer full): the folded text
 */
char *
lsm_search_fold (const char *text)
{
  g_autofree char *nfd = NULL;
  g_autofree char *folded = NULL;
  g_autoptr(GString) stripped = NULL;
  g_autoptr(GString) out = NULL;
  gboolean space = TRUE;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_strdup ("");

  nfd = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  stripped = g_string_sized_new (strlen (nfd));

  for (const char *p = nfd; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (g_unichar_type (c))
        {
        case G_UNICODE_NON_SPACING_MARK:
        case G_UNICODE_SPACING_MARK:
        case G_UNICODE_ENCLOSING_MARK:
          continue;
        default:
          break;
        }

      if (c == 0x0111 || c == 0x0110) /* đ, Đ */
        c = 'd';

      g_string_append_unichar (stripped, c);
    }

  folded = g_utf8_casefold (stripped->str, stripped->len);
  out = g_string_sized_new (strlen (folded));

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        {
          g_string_append_unichar (out, c);
          space = FALSE;
        }
      else if (!space)
        {
          g_string_append_c (out, ' ');
          space = TRUE;
        }
    }

  if (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * lsm_search_key_matches:
 * @key: (nullable): a folded search key
 * @folded_query: (nullable): a folded query
 *
 * Returns: whether every word of @folded_query begins a word of @key ("dong dang" finds
 *   "Đồng Đăng", "lung" finds "Hữu Lũng" but not "lũng" inside another word); an empty query
 *   matches all
 */
gboolean
lsm_search_key_matches (const char *key,
                        const char *folded_query)
{
  const char *word;

  if (folded_query == NULL || *folded_query == '\0')
    return TRUE;
  if (key == NULL)
    return FALSE;

  word = folded_query;
  while (*word != '\0')
    {
      const char *end = strchr (word, ' ');
      gsize len = end != NULL ? (gsize) (end - word) : strlen (word);
      g_autofree char *needle = g_strndup (word, len);
      const char *found = key;
      gboolean at_word_start = FALSE;

      while (!at_word_start && (found = strstr (found, needle)) != NULL)
        {
          at_word_start = found == key || found[-1] == ' ';
          found++;
        }

      if (!at_word_start)
        return FALSE;

      word += len;
      while (*word == ' ')
        word++;
    }

  return TRUE;
}
