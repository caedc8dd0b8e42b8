/* test-json-scan.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include "lsm-json-scan.h"

typedef struct
{
  GPtrArray *seen; /* one string per element: "key=kind:value;…" or "not an object" */
} Collected;

static void
collect_cb (const LsmJsonMember *members,
            guint                n_members,
            guint                index,
            gpointer             user_data)
{
  Collected *collected = user_data;
  GString *line = g_string_new (NULL);

  if (members == NULL)
    g_string_append (line, "not an object");
  for (guint i = 0; members != NULL && i < n_members; i++)
    {
      const LsmJsonValue *v = &members[i].value;

      g_string_append_printf (line, "%s=", members[i].key);
      switch (v->kind)
        {
        case LSM_JSON_STRING: g_string_append_printf (line, "s:%s;", v->string); break;
        case LSM_JSON_NUMBER: g_string_append_printf (line, "n:%g;", v->number); break;
        case LSM_JSON_BOOLEAN: g_string_append_printf (line, "b:%d;", v->boolean); break;
        case LSM_JSON_NULL: g_string_append (line, "null;"); break;
        case LSM_JSON_COMPOUND: g_string_append (line, "compound;"); break;
        case LSM_JSON_ABSENT: default: g_assert_not_reached ();
        }
    }

  g_ptr_array_add (collected->seen, g_string_free (line, FALSE));
}

static GPtrArray *
scan_ok (const char *text)
{
  Collected collected = { g_ptr_array_new_with_free_func (g_free) };
  g_autofree char *error = NULL;

  if (!_lsm_json_scan_objects (text, collect_cb, &collected, &error))
    g_error ("%s: %s", text, error);

  return collected.seen;
}

static void
scan_fails (const char *text,
            const char *message)
{
  Collected collected = { g_ptr_array_new_with_free_func (g_free) };
  g_autofree char *error = NULL;

  g_assert_false (_lsm_json_scan_objects (text, collect_cb, &collected, &error));
  {
    g_autofree char *printable = g_strescape (text, NULL);

    g_test_message ("%s: %s", printable, error);
  }
  g_assert_nonnull (strstr (error, message));
  g_ptr_array_unref (collected.seen);
}

static void
test_json_scan_values (void)
{
  g_autoptr(GPtrArray) empty = scan_ok (" [ ] ");
  g_autoptr(GPtrArray) seen = scan_ok ("[{\"id\":\"a\",\"value\":110,\"max\":-1.5e3,\"big\":1E+2,\"zero\":0,"
                                       "\"ok\":true,\"no\":false,\"unit\":null,\"nested\":{\"x\":[1,{\"y\":[]}]}},"
                                       " 42, {}]");

  g_assert_cmpuint (empty->len, ==, 0);
  g_assert_cmpuint (seen->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (seen, 0), ==,
                   "id=s:a;value=n:110;max=n:-1500;big=n:100;zero=n:0;ok=b:1;no=b:0;unit=null;nested=compound;");
  g_assert_cmpstr (g_ptr_array_index (seen, 1), ==, "not an object");
  g_assert_cmpstr (g_ptr_array_index (seen, 2), ==, "");
}

static void
test_json_scan_strings (void)
{
  g_autoptr(GPtrArray) seen = scan_ok ("[{\"q\":\"a\\\"b\\\\c\\/d\\n\\u00e9\\ud83d\\ude00 Đồng Đăng\"}]");

  g_assert_cmpstr (g_ptr_array_index (seen, 0), ==, "q=s:a\"b\\c/d\né😀 Đồng Đăng;");
}

static void
test_json_scan_lookup (void)
{
  LsmJsonMember members[] = { { "a", { LSM_JSON_NUMBER, NULL, 1 } }, { "b", { LSM_JSON_STRING, "x" } } };

  g_assert_cmpint (_lsm_json_lookup (members, 2, "b").kind, ==, LSM_JSON_STRING);
  g_assert_cmpint (_lsm_json_lookup (members, 2, "c").kind, ==, LSM_JSON_ABSENT);
}

static void
test_json_scan_errors (void)
{
  g_autoptr(GString) deep = g_string_new ("[{\"x\":");

  scan_fails ("{\"a\":1}", "expected a list");
  scan_fails ("[{\"a\":\"open", "unterminated string");
  scan_fails ("[{\"a\":1} {\"b\":2}]", "expected ‘,’");
  scan_fails ("[{\"a\" 1}]", "expected ‘:’");
  scan_fails ("[{a:1}]", "expected a member name");
  scan_fails ("[{\"a\":\"\\x\"}]", "bad escape");
  scan_fails ("[{\"a\":\"\\ud800\"}]", "lone surrogate");
  scan_fails ("[{\"a\":\"\\u12G4\"}]", "bad \\u escape");
  scan_fails ("[{\"a\":\"tab\there\"}]", "control character");
  scan_fails ("[{\"a\":\"\xff\xfe\"}]", "not UTF-8");
  scan_fails ("[{\"a\":01}]", "bad number");
  scan_fails ("[{\"a\":1.}]", "bad number");
  scan_fails ("[{\"a\":.5}]", "bad number");
  scan_fails ("[{\"a\":NaN}]", "bad number");
  scan_fails ("[{\"a\":tru}]", "unexpected word");
  scan_fails ("[] x", "text after the list");

  for (int i = 0; i < 100; i++)
    g_string_append_c (deep, '[');
  scan_fails (deep->str, "nested too deeply");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lsm/json-scan/values", test_json_scan_values);
  g_test_add_func ("/lsm/json-scan/strings", test_json_scan_strings);
  g_test_add_func ("/lsm/json-scan/lookup", test_json_scan_lookup);
  g_test_add_func ("/lsm/json-scan/errors", test_json_scan_errors);

  return g_test_run ();
}
