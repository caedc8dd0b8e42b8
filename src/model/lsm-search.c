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
  GString *out;
  gboolean space = TRUE;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_strdup ("");

  out = g_string_sized_new (strlen (text));

  /* Per character, so that ASCII costs nothing and a whole-string normalization is avoided:
   * the first character of a full canonical decomposition is the base letter. */
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = (guchar) *p < 0x80 ? (gunichar) *p : g_utf8_get_char (p);

      if (c >= 0x80)
        {
          gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];

          switch (g_unichar_type (c))
            {
            case G_UNICODE_NON_SPACING_MARK:
            case G_UNICODE_SPACING_MARK:
            case G_UNICODE_ENCLOSING_MARK:
              continue; /* text that was already decomposed */
            default:
              break;
            }

          if (g_unichar_fully_decompose (c, FALSE, decomposed, G_N_ELEMENTS (decomposed)) > 0)
            c = decomposed[0];
          if (c == 0x0111 || c == 0x0110) /* đ, Đ do not decompose */
            c = 'd';
          c = g_unichar_tolower (c);
        }
      else
        c = g_ascii_tolower (c);

      if (c < 0x80 ? g_ascii_isalnum (c) : g_unichar_isalnum (c))
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

  return g_string_free (out, FALSE);
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
  return lsm_search_key_matches_within (key, key != NULL ? strlen (key) : 0, folded_query);
}

/**
 * lsm_search_key_matches_within:
 * @key: (nullable): a folded search key
 * @key_len: how much of @key to search: a part of it that ends before a space
 * @folded_query: (nullable): a folded query
 *
 * Returns: whether every word of @folded_query begins a word of @key that starts within the
 *   first @len bytes; as a word of the key holds no space, it also ends there
 */
gboolean
lsm_search_key_matches_within (const char *key,
                               gsize       key_len,
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

      while (!at_word_start && (found = strstr (found, needle)) != NULL && found < key + key_len)
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
