/* lsm-json-scan.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-json-scan"

#include "config.h"

#include <math.h>
#include <string.h>

#include "lsm-json-scan.h"

/* A JSON reader for one shape only: an array of flat objects, as every site and district carries
 * its figures. It reads the whole JSON grammar (nested values are checked and skipped, to a depth
 * limit) but builds no tree: json-glib's parser per feature cost more than GDAL's own reading. */

#define MAX_DEPTH 64

typedef struct
{
  const char *start;
  char       *p;       /* in a private copy of the text: strings are decoded in place */
  GArray     *members;
  char       *error;
} Scanner;

static gboolean
fail (Scanner    *s,
      const char *what)
{
  if (s->error == NULL)
    s->error = g_strdup_printf ("%s at character %u", what, (guint) (s->p - s->start) + 1);

  return FALSE;
}

static void
skip_space (Scanner *s)
{
  while (*s->p == ' ' || *s->p == '\t' || *s->p == '\n' || *s->p == '\r')
    s->p++;
}

static gboolean
read_hex4 (Scanner  *s,
           gunichar *out)
{
  gunichar c = 0;

  for (int i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (s->p[i]);

      if (digit < 0)
        return fail (s, "bad \\u escape");
      c = c * 16 + digit;
    }

  s->p += 4;
  *out = c;
  return TRUE;
}

/* Decodes a string where it stands: an escape is never shorter than what it stands for, so the
 * text shrinks and no memory is allocated. */
static gboolean
read_string (Scanner     *s,
             const char **out)
{
  char *w;

  s->p++; /* the opening quote */
  w = s->p;
  *out = w;
  for (;;)
    {
      char c = *s->p;

      if (c == '"')
        break;
      if (c == '\0')
        return fail (s, "unterminated string");
      if ((guchar) c < 0x20)
        return fail (s, "control character in a string");
      if (c != '\\')
        {
          *w++ = c;
          s->p++;
          continue;
        }

      s->p++;
      switch (*s->p++)
        {
        case '"': *w++ = '"'; break;
        case '\\': *w++ = '\\'; break;
        case '/': *w++ = '/'; break;
        case 'b': *w++ = '\b'; break;
        case 'f': *w++ = '\f'; break;
        case 'n': *w++ = '\n'; break;
        case 'r': *w++ = '\r'; break;
        case 't': *w++ = '\t'; break;
        case 'u':
          {
            gunichar u, low;

            if (!read_hex4 (s, &u))
              return FALSE;
            if (u >= 0xD800 && u < 0xDC00)
              {
                if (s->p[0] != '\\' || s->p[1] != 'u')
                  return fail (s, "lone surrogate");
                s->p += 2;
                if (!read_hex4 (s, &low) || low < 0xDC00 || low > 0xDFFF)
                  return fail (s, "bad surrogate pair");
                u = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00);
              }
            else if (u >= 0xDC00 && u < 0xE000)
              return fail (s, "lone surrogate");
            w += g_unichar_to_utf8 (u, w);
          }
          break;
        default:
          return fail (s, "bad escape");
        }
    }

  s->p++; /* the closing quote */
  *w = '\0';
  if (!g_utf8_validate (*out, w - *out, NULL))
    return fail (s, "text that is not UTF-8");

  return TRUE;
}

static gboolean
read_number (Scanner *s,
             double  *out)
{
  const char *begin = s->p;
  char *end;

  /* JSON's grammar: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
  if (*s->p == '-')
    s->p++;
  if (*s->p == '0')
    s->p++;
  else if (g_ascii_isdigit (*s->p))
    while (g_ascii_isdigit (*s->p))
      s->p++;
  else
    return fail (s, "bad number");
  if (*s->p == '.')
    {
      s->p++;
      if (!g_ascii_isdigit (*s->p))
        return fail (s, "bad number");
      while (g_ascii_isdigit (*s->p))
        s->p++;
    }
  if (*s->p == 'e' || *s->p == 'E')
    {
      s->p++;
      if (*s->p == '+' || *s->p == '-')
        s->p++;
      if (!g_ascii_isdigit (*s->p))
        return fail (s, "bad number");
      while (g_ascii_isdigit (*s->p))
        s->p++;
    }

  *out = g_ascii_strtod (begin, &end);
  if (end != s->p)
    return fail (s, "bad number");

  return TRUE;
}

static gboolean read_value (Scanner *s, LsmJsonValue *value, int depth);

/* Checks and skips an object or array below the figures' level. */
static gboolean
skip_compound (Scanner *s,
               int      depth)
{
  char close = *s->p == '{' ? '}' : ']';
  gboolean object = close == '}';
  gboolean first = TRUE;

  if (depth > MAX_DEPTH)
    return fail (s, "nested too deeply");

  s->p++;
  for (;;)
    {
      LsmJsonValue ignored;

      skip_space (s);
      if (*s->p == close && first)
        break;
      if (!first)
        {
          if (*s->p == close)
            break;
          if (*s->p != ',')
            return fail (s, "expected ‘,’");
          s->p++;
          skip_space (s);
        }
      first = FALSE;

      if (object)
        {
          const char *key;

          if (*s->p != '"' || !read_string (s, &key))
            return fail (s, "expected a member name");
          skip_space (s);
          if (*s->p != ':')
            return fail (s, "expected ‘:’");
          s->p++;
          skip_space (s);
        }
      if (!read_value (s, &ignored, depth + 1))
        return FALSE;
    }

  s->p++;
  return TRUE;
}

static gboolean
read_value (Scanner      *s,
            LsmJsonValue *value,
            int           depth)
{
  memset (value, 0, sizeof *value);
  skip_space (s);

  switch (*s->p)
    {
    case '"':
      value->kind = LSM_JSON_STRING;
      return read_string (s, &value->string);
    case '{':
    case '[':
      value->kind = LSM_JSON_COMPOUND;
      return skip_compound (s, depth);
    case 't':
      value->kind = LSM_JSON_BOOLEAN;
      value->boolean = TRUE;
      if (strncmp (s->p, "true", 4) != 0)
        return fail (s, "unexpected word");
      s->p += 4;
      return TRUE;
    case 'f':
      value->kind = LSM_JSON_BOOLEAN;
      if (strncmp (s->p, "false", 5) != 0)
        return fail (s, "unexpected word");
      s->p += 5;
      return TRUE;
    case 'n':
      value->kind = LSM_JSON_NULL;
      if (strncmp (s->p, "null", 4) != 0)
        return fail (s, "unexpected word");
      s->p += 4;
      return TRUE;
    default:
      value->kind = LSM_JSON_NUMBER;
      return read_number (s, &value->number);
    }
}

static gboolean
read_object (Scanner *s)
{
  gboolean first = TRUE;

  s->p++; /* { */
  for (;;)
    {
      LsmJsonMember member;

      skip_space (s);
      if (*s->p == '}')
        break;
      if (!first)
        {
          if (*s->p != ',')
            return fail (s, "expected ‘,’");
          s->p++;
          skip_space (s);
        }
      first = FALSE;

      if (*s->p != '"' || !read_string (s, &member.key))
        return fail (s, "expected a member name");
      skip_space (s);
      if (*s->p != ':')
        return fail (s, "expected ‘:’");
      s->p++;
      if (!read_value (s, &member.value, 2))
        return FALSE;
      g_array_append_val (s->members, member);
    }

  s->p++;
  return TRUE;
}

/**
 * _lsm_json_scan_objects:
 * @text: JSON text: an array
 * @func: called for each element
 * @user_data: data for @func
 * @error_message: (out) (optional): why the text is not JSON
 *
 * Returns: %FALSE if @text is not a JSON array (elements already reported stay reported)
 */
gboolean
_lsm_json_scan_objects (const char         *text,
                        LsmJsonObjectFunc   func,
                        gpointer            user_data,
                        char              **error_message)
{
  g_autofree char *copy = g_strdup (text);
  Scanner s = { copy, copy, g_array_new (FALSE, FALSE, sizeof (LsmJsonMember)) };
  gboolean ok = TRUE;
  guint index = 0;

  skip_space (&s);
  if (*s.p != '[')
    ok = fail (&s, "expected a list");
  else
    {
      s.p++;
      for (;; index++)
        {
          skip_space (&s);
          if (*s.p == ']' && index == 0)
            break;
          if (index > 0)
            {
              if (*s.p == ']')
                break;
              if (*s.p != ',')
                {
                  ok = fail (&s, "expected ‘,’");
                  break;
                }
              s.p++;
              skip_space (&s);
            }

          g_array_set_size (s.members, 0);
          if (*s.p == '{')
            {
              if (!(ok = read_object (&s)))
                break;
              func ((const LsmJsonMember *) (void *) s.members->data, s.members->len, index, user_data);
            }
          else
            {
              LsmJsonValue ignored;

              if (!(ok = read_value (&s, &ignored, 1)))
                break;
              func (NULL, 0, index, user_data);
            }
        }

      if (ok)
        {
          s.p++;
          skip_space (&s);
          if (*s.p != '\0')
            ok = fail (&s, "text after the list");
        }
    }

  if (!ok && error_message != NULL)
    *error_message = g_steal_pointer (&s.error);

  g_free (s.error);
  g_array_unref (s.members);

  return ok;
}

/**
 * _lsm_json_lookup:
 * @members: an object's members
 * @n_members: how many
 * @key: a member name
 *
 * Returns: the member's value; kind %LSM_JSON_ABSENT if there is none
 */
LsmJsonValue
_lsm_json_lookup (const LsmJsonMember *members,
                  guint                n_members,
                  const char          *key)
{
  LsmJsonValue absent = { LSM_JSON_ABSENT };

  for (guint i = 0; i < n_members; i++)
    if (strcmp (members[i].key, key) == 0)
      return members[i].value;

  return absent;
}
