/* test-search.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include "lsm-search.h"

static void
assert_folds_to (const char *text,
                 const char *expected)
{
  g_autofree char *folded = lsm_search_fold (text);

  g_assert_cmpstr (folded, ==, expected);
}

static void
test_search_fold_vietnamese (void)
{
  assert_folds_to ("Đồng Đăng", "dong dang");
  assert_folds_to ("HỮU LŨNG", "huu lung");
  assert_folds_to ("Hữu Lũng", "huu lung");
  assert_folds_to ("Nhà máy nhiệt điện Na Dương I", "nha may nhiet dien na duong i");
  assert_folds_to ("Thủy điện Bản Lải", "thuy dien ban lai");
  assert_folds_to ("Lộc Bình", "loc binh");
  assert_folds_to ("Đình Lập", "dinh lap");
}

static void
test_search_fold_decomposed_input (void)
{
  /* "Đồng" typed with combining marks (NFD) folds like the precomposed form. */
  assert_folds_to ("\xc4\x90o\xcc\x82\xcc\x80ng", "dong");
}

static void
test_search_fold_punctuation (void)
{
  assert_folds_to ("  Khu công nghiệp - đô thị - dịch vụ  ", "khu cong nghiep do thi dich vu");
  assert_folds_to ("<b>Nhà máy</b> & Co", "b nha may b co");
  assert_folds_to ("", "");
  assert_folds_to (NULL, "");
}

static void
test_search_fold_invalid_utf8 (void)
{
  assert_folds_to ("Nh\xe0 m\xe1y", "");
}

static void
test_search_matches (void)
{
  g_autofree char *key = lsm_search_fold ("Cửa khẩu quốc tế Hữu Nghị\nHuu Nghi International Border Gate");
  g_autofree char *q1 = lsm_search_fold ("huu nghi");
  g_autofree char *q2 = lsm_search_fold ("HỮU   NGHỊ");
  g_autofree char *q3 = lsm_search_fold ("nghi cua");
  g_autofree char *q4 = lsm_search_fold ("dong dang");

  g_assert_true (lsm_search_key_matches (key, q1));
  g_assert_true (lsm_search_key_matches (key, q2));
  g_assert_true (lsm_search_key_matches (key, q3));
  g_assert_false (lsm_search_key_matches (key, q4));
  g_assert_true (lsm_search_key_matches (key, ""));
  g_assert_true (lsm_search_key_matches (key, NULL));
  g_assert_false (lsm_search_key_matches (NULL, q1));
}

static void
test_search_matches_word_starts (void)
{
  g_autofree char *key = lsm_search_fold ("Khu công nghiệp Hữu Lũng");
  g_autofree char *prefix = lsm_search_fold ("huu lu");
  g_autofree char *inside = lsm_search_fold ("ung");

  g_assert_true (lsm_search_key_matches (key, prefix));
  g_assert_false (lsm_search_key_matches (key, inside));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lsm/search/fold-vietnamese", test_search_fold_vietnamese);
  g_test_add_func ("/lsm/search/fold-decomposed-input", test_search_fold_decomposed_input);
  g_test_add_func ("/lsm/search/fold-punctuation", test_search_fold_punctuation);
  g_test_add_func ("/lsm/search/fold-invalid-utf8", test_search_fold_invalid_utf8);
  g_test_add_func ("/lsm/search/matches", test_search_matches);
  g_test_add_func ("/lsm/search/matches-word-starts", test_search_matches_word_starts);

  return g_test_run ();
}
