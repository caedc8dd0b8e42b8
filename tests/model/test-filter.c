/* test-filter.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <locale.h>

#include "lsm-feature-private.h"
#include "lsm-filter.h"
#include "lsm-test-utils.h"
#include "lsm-vocab.h"

/* The filter as every view sees it: the list model of the sites that pass, what it tells its
 * views when something changes, and the per-sector counts the sidebar and the legend show. */

static LsmFeature *
make_site (const char *name,
           LsmSector   sector,
           LsmStatus   status,
           const char *district)
{
  LsmFeature *site = _lsm_feature_new (LSM_FEATURE_SITE);

  site->id = g_strdup (name);
  site->name = g_strdup (name);
  site->sector = sector;
  site->status = status;
  site->district = g_intern_string (district);

  return site;
}

static GListStore *
make_sites (void)
{
  GListStore *store = g_list_store_new (LSM_TYPE_FEATURE);
  struct { const char *name; LsmSector sector; LsmStatus status; const char *district; } sites[] = {
    { "Thủy điện Bản Lải", lsm_test_sector ("hydro"), LSM_STATUS_PLANNED, "Lộc Bình" },
    { "Nhiệt điện Na Dương", lsm_test_sector ("thermal"), LSM_STATUS_OPERATING, "Lộc Bình" },
    { "Cửa khẩu Hữu Nghị", lsm_test_sector ("border_gate"), LSM_STATUS_OPERATING, "Cao Lộc" },
    { "Ga Đồng Đăng", lsm_test_sector ("border_gate"), LSM_STATUS_OPERATING, "Cao Lộc" },
    { "Thủy điện Thác Xăng", lsm_test_sector ("hydro"), LSM_STATUS_OPERATING, "Bình Gia" },
    { "Điện gió Lộc Bình", lsm_test_sector ("wind"), LSM_STATUS_PROPOSED, "Lộc Bình" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (sites); i++)
    {
      g_autoptr(LsmFeature) site = make_site (sites[i].name, sites[i].sector, sites[i].status, sites[i].district);

      g_list_store_append (store, site);
    }

  return store;
}

/* A view that knows the filter only from its signals: the mirror is what a GtkListView would
 * hold if it applied every items-changed as told. */
typedef struct
{
  GListStore *mirror;
  guint       items_changed;
  guint       n_items_notified;
  guint       changed;
} Watch;

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Watch      *watch)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < added; i++)
    g_ptr_array_add (items, g_list_model_get_item (model, position + i));
  g_list_store_splice (watch->mirror, position, removed, items->pdata, added);
  watch->items_changed++;
}

static void
on_n_items_cb (GObject    *object,
               GParamSpec *pspec,
               Watch      *watch)
{
  watch->n_items_notified++;
}

static void
on_changed_cb (LsmFilter *filter,
               Watch     *watch)
{
  watch->changed++;
}

static void
watch_init (Watch     *watch,
            LsmFilter *filter)
{
  watch->mirror = g_list_store_new (LSM_TYPE_FEATURE);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (filter)); i++)
    {
      g_autoptr(LsmFeature) site = g_list_model_get_item (G_LIST_MODEL (filter), i);

      g_list_store_append (watch->mirror, site);
    }
  g_signal_connect (filter, "items-changed", G_CALLBACK (on_items_changed_cb), watch);
  g_signal_connect (filter, "notify::n-items", G_CALLBACK (on_n_items_cb), watch);
  g_signal_connect (filter, "changed", G_CALLBACK (on_changed_cb), watch);
}

static void
watch_reset (Watch *watch)
{
  watch->items_changed = watch->n_items_notified = watch->changed = 0;
}

/* The filter's items are exactly the mirror's, and the counts add up to them. */
static void
assert_consistent (LsmFilter *filter,
                   Watch     *watch)
{
  GListModel *model = G_LIST_MODEL (filter);
  guint n = g_list_model_get_n_items (model);
  guint n_property = 0, sum = 0;

  g_object_get (filter, "n-items", &n_property, NULL);
  g_assert_cmpuint (n_property, ==, n);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (watch->mirror)), ==, n);
  g_assert_null (g_list_model_get_item (model, n));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LsmFeature) a = g_list_model_get_item (model, i);
      g_autoptr(LsmFeature) b = g_list_model_get_item (G_LIST_MODEL (watch->mirror), i);

      g_assert_true (a == b);
    }

  for (guint s = 0; s < lsm_sector_get_count (); s++)
    {
      g_assert_cmpuint (lsm_filter_get_n_visible (filter, s), <=, lsm_filter_get_n_total (filter, s));
      sum += lsm_filter_get_n_visible (filter, s);
    }
  g_assert_cmpuint (sum, ==, n);
}

static guint
count_named (LsmFilter  *filter,
             const char *prefix)
{
  guint found = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (filter)); i++)
    {
      g_autoptr(LsmFeature) site = g_list_model_get_item (G_LIST_MODEL (filter), i);

      found += g_str_has_prefix (lsm_feature_get_name (site), prefix);
    }

  return found;
}

static void
test_filter_state_changes (void)
{
  g_autoptr(GListStore) sites = make_sites ();
  g_autoptr(LsmFilter) filter = lsm_filter_new (G_LIST_MODEL (sites));
  Watch watch = { 0 };

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (filter)) == LSM_TYPE_FEATURE);
  g_assert_true (lsm_filter_get_model (filter) == G_LIST_MODEL (sites));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filter)), ==, 6);
  g_assert_cmpuint (lsm_filter_get_n_visible (filter, lsm_test_sector ("hydro")), ==, 2);
  g_assert_cmpuint (lsm_filter_get_n_total (filter, lsm_test_sector ("border_gate")), ==, 2);
  g_assert_cmpuint (lsm_filter_get_n_total (filter, lsm_test_sector ("quarry")), ==, 0);
  watch_init (&watch, filter);

  /* A sector: one items-changed, one new length, the counts of that pass. */
  lsm_filter_set_sector_visible (filter, lsm_test_sector ("hydro"), FALSE);
  g_assert_cmpuint (watch.items_changed, ==, 1);
  g_assert_cmpuint (watch.n_items_notified, ==, 1);
  g_assert_cmpuint (watch.changed, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filter)), ==, 4);
  g_assert_false (lsm_filter_get_sector_visible (filter, lsm_test_sector ("hydro")));
  g_assert_true (lsm_filter_get_sector_visible (filter, lsm_test_sector ("thermal")));
  g_assert_cmpuint (lsm_filter_get_n_visible (filter, lsm_test_sector ("hydro")), ==, 0);
  g_assert_cmpuint (lsm_filter_get_n_total (filter, lsm_test_sector ("hydro")), ==, 2);
  g_assert_cmpuint (lsm_filter_get_n_visible (filter, lsm_test_sector ("thermal")), ==, 1);
  g_assert_cmpstr (lsm_filter_get_hidden_sectors (filter)[0], ==, "hydro");
  g_assert_null (lsm_filter_get_hidden_sectors (filter)[1]);
  assert_consistent (filter, &watch);

  /* The same state again tells nobody anything. */
  watch_reset (&watch);
  lsm_filter_set_sector_visible (filter, lsm_test_sector ("hydro"), FALSE);
  lsm_filter_set_hidden_sectors (filter, (const char *[]) { "hydro", "hydro", NULL });
  g_assert_cmpuint (watch.items_changed, ==, 0);
  g_assert_cmpuint (watch.changed, ==, 0);

  /* Statuses: "planned or proposed" is two statuses and still one change. */
  lsm_filter_set_hidden_statuses (filter, (const char *[]) { "planned", "proposed", NULL });
  g_assert_cmpuint (watch.items_changed, ==, 1);
  g_assert_cmpuint (watch.n_items_notified, ==, 1);
  g_assert_false (lsm_filter_get_status_visible (filter, LSM_STATUS_PROPOSED));
  g_assert_true (lsm_filter_get_status_visible (filter, LSM_STATUS_OPERATING));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filter)), ==, 3);
  g_assert_cmpuint (lsm_filter_get_n_visible (filter, lsm_test_sector ("wind")), ==, 0);
  g_assert_cmpuint (lsm_filter_get_n_total (filter, lsm_test_sector ("wind")), ==, 1);
  assert_consistent (filter, &watch);

  /* A district. */
  watch_reset (&watch);
  lsm_filter_set_hidden_statuses (filter, NULL);
  lsm_filter_set_sector_visible (filter, lsm_test_sector ("hydro"), TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filter)), ==, 6);
  lsm_filter_set_district (filter, "Lộc Bình");
  g_assert_cmpuint (watch.items_changed, ==, 3);
  g_assert_cmpuint (watch.changed, ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filter)), ==, 3);
  g_assert_cmpuint (lsm_filter_get_n_visible (filter, lsm_test_sector ("hydro")), ==, 1);
  g_assert_cmpuint (lsm_filter_get_n_visible (filter, lsm_test_sector ("border_gate")), ==, 0);
  g_assert_cmpuint (lsm_filter_get_n_total (filter, lsm_test_sector ("border_gate")), ==, 2);
  assert_consistent (filter, &watch);

  /* The search folds diacritics, as the user types it. */
  watch_reset (&watch);
  lsm_filter_set_district (filter, NULL);
  lsm_filter_set_search_text (filter, "thuy dien");
  g_assert_cmpuint (watch.items_changed, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filter)), ==, 2);
  g_assert_cmpuint (count_named (filter, "Thủy điện"), ==, 2);
  g_assert_cmpuint (lsm_filter_get_n_visible (filter, lsm_test_sector ("hydro")), ==, 2);
  g_assert_cmpuint (lsm_filter_get_n_visible (filter, lsm_test_sector ("thermal")), ==, 0);
  assert_consistent (filter, &watch);

  /* A search that keeps the same sites changes no items. */
  watch_reset (&watch);
  lsm_filter_set_search_text (filter, "THỦY ĐIỆN");
  g_assert_cmpuint (watch.items_changed, ==, 0);
  g_assert_cmpuint (watch.n_items_notified, ==, 0);
  g_assert_cmpuint (watch.changed, ==, 1);

  g_signal_handlers_disconnect_by_data (filter, &watch);
  g_clear_object (&watch.mirror);
}

static void
test_filter_source_changes (void)
{
  g_autoptr(GListStore) sites = make_sites ();
  g_autoptr(LsmFilter) filter = lsm_filter_new (NULL);
  g_autoptr(LsmFeature) quarry = make_site ("Mỏ đá Hồng Phong", lsm_test_sector ("quarry"), LSM_STATUS_OPERATING, "Cao Lộc");
  g_autoptr(LsmFeature) gate = make_site ("Cửa khẩu Chi Ma", lsm_test_sector ("border_gate"), LSM_STATUS_OPERATING, "Lộc Bình");
  Watch watch = { 0 };

  watch_init (&watch, filter);
  lsm_filter_show_only_sectors (filter, (const char *[]) { "border_gate", "hydro", NULL });
  g_assert_cmpuint (watch.items_changed, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filter)), ==, 0);

  /* The model arrives: one items-changed for all of it. */
  lsm_filter_set_model (filter, G_LIST_MODEL (sites));
  g_assert_cmpuint (watch.items_changed, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filter)), ==, 4);
  assert_consistent (filter, &watch);

  /* A site the filter hides changes the totals only; the views still hear of it. */
  watch_reset (&watch);
  g_list_store_append (sites, quarry);
  g_assert_cmpuint (watch.items_changed, ==, 0);
  g_assert_cmpuint (watch.changed, ==, 1);
  g_assert_cmpuint (lsm_filter_get_n_total (filter, lsm_test_sector ("quarry")), ==, 1);
  g_assert_cmpuint (lsm_filter_get_n_visible (filter, lsm_test_sector ("quarry")), ==, 0);

  /* A site it shows goes where the source has it. */
  g_list_store_insert (sites, 1, gate);
  g_assert_cmpuint (watch.items_changed, ==, 1);
  g_assert_cmpuint (watch.n_items_notified, ==, 1);
  g_assert_cmpuint (lsm_filter_get_n_visible (filter, lsm_test_sector ("border_gate")), ==, 3);
  assert_consistent (filter, &watch);
  {
    g_autoptr(LsmFeature) second = g_list_model_get_item (G_LIST_MODEL (filter), 1);

    g_assert_true (second == gate);
  }

  /* A new load replaces everything at once. */
  watch_reset (&watch);
  g_list_store_splice (sites, 0, g_list_model_get_n_items (G_LIST_MODEL (sites)), NULL, 0);
  g_assert_cmpuint (watch.items_changed, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filter)), ==, 0);
  g_assert_cmpuint (lsm_filter_get_n_total (filter, lsm_test_sector ("border_gate")), ==, 0);
  assert_consistent (filter, &watch);

  g_signal_handlers_disconnect_by_data (filter, &watch);
  g_clear_object (&watch.mirror);
}

static void
test_filter_new_sector (void)
{
  g_autoptr(GListStore) sites = make_sites ();
  g_autoptr(LsmFilter) filter = lsm_filter_new (G_LIST_MODEL (sites));
  /* The index the next row of the sector table gets, registered after the filter was made. */
  LsmSector later = lsm_sector_get_count ();
  g_autoptr(LsmFeature) site = make_site ("Khu công nghệ cao", later, LSM_STATUS_PLANNED, "Chi Lăng");
  g_autoptr(LsmFeature) found = NULL;

  lsm_filter_show_only_sectors (filter, (const char *[]) { "hydro", NULL });
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filter)), ==, 2);

  g_list_store_append (sites, site);
  g_assert_true (lsm_filter_get_sector_visible (filter, later));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filter)), ==, 3);
  found = g_list_model_get_item (G_LIST_MODEL (filter), 2);
  g_assert_true (found == site);
  g_assert_cmpuint (lsm_filter_get_n_visible (filter, later), ==, 1);
  g_assert_cmpuint (lsm_filter_get_n_total (filter, later), ==, 1);
  g_assert_cmpuint (lsm_filter_get_n_total (filter, later + 1), ==, 0);

  /* A saved id of a row not registered yet is kept, and hides nothing now. */
  lsm_filter_set_hidden_sectors (filter, (const char *[]) { "space_port", NULL });
  g_assert_cmpstr (lsm_filter_get_hidden_sectors (filter)[0], ==, "space_port");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filter)), ==, 7);
}

static void
test_filter_properties (void)
{
  g_autoptr(GListStore) sites = make_sites ();
  g_autoptr(LsmFilter) filter = lsm_filter_new (G_LIST_MODEL (sites));
  g_auto(GStrv) hidden = NULL;
  GListModel *model = NULL;

  /* What GSettings and GtkBuilder bind to. */
  g_object_set (filter, "hidden-sectors", (const char *[]) { "wind", "hydro", NULL }, NULL);
  g_object_get (filter, "hidden-sectors", &hidden, "model", &model, NULL);
  g_assert_cmpuint (g_strv_length (hidden), ==, 2);
  g_assert_cmpstr (hidden[0], ==, "hydro");
  g_assert_cmpstr (hidden[1], ==, "wind");
  g_assert_true (model == G_LIST_MODEL (sites));
  g_object_unref (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filter)), ==, 3);

  g_object_set (filter, "district", "", NULL);
  g_assert_null (lsm_filter_get_district (filter));
  g_object_set (filter, "hidden-statuses", (const char *[]) { "operating", NULL }, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filter)), ==, 0);
  g_assert_cmpuint (lsm_filter_get_n_total (filter, lsm_test_sector ("border_gate")), ==, 2);
}

static void
test_filter_parse (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) sectors = lsm_filter_parse_sectors (" wind,hydro ,,hydro", &error);
  g_auto(GStrv) statuses = NULL;
  g_auto(GStrv) bad = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (sectors), ==, 2);
  g_assert_cmpstr (sectors[0], ==, "hydro");
  g_assert_cmpstr (sectors[1], ==, "wind");

  statuses = lsm_filter_parse_statuses ("operating", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (statuses[0], ==, "operating");

  bad = lsm_filter_parse_sectors ("hydro,Hydro,dreaming", &error);
  g_assert_null (bad);
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
  g_assert_nonnull (strstr (error->message, "“Hydro”"));
  g_clear_error (&error);

  bad = lsm_filter_parse_statuses ("operating,dreaming", &error);
  g_assert_null (bad);
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
  g_assert_nonnull (strstr (error->message, "“dreaming”"));
}

/* "Show all" lifts only the filters that hide a match; Reset clears every filter but the
 * search; each is one change for the views. */
static void
test_filter_hidden_matches (void)
{
  g_autoptr(GListStore) sites = make_sites ();
  g_autoptr(LsmFilter) filter = lsm_filter_new (G_LIST_MODEL (sites));
  g_autofree char *text = NULL;
  LsmFilterCounts counts;
  Watch watch = { 0 };

  g_assert_false (lsm_filter_get_narrowed (filter));
  lsm_filter_set_sector_visible (filter, lsm_test_sector ("hydro"), FALSE);
  lsm_filter_set_sector_visible (filter, lsm_test_sector ("wind"), FALSE);
  lsm_filter_set_status_visible (filter, LSM_STATUS_OPERATING, FALSE);
  g_assert_true (lsm_filter_get_narrowed (filter));
  g_assert_cmpuint (lsm_filter_get_n_hidden_matches (filter), ==, 0);

  /* Both hydro sites match; one is operating, hidden twice over. */
  lsm_filter_set_search_text (filter, "thuy dien");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filter)), ==, 0);
  g_assert_cmpuint (lsm_filter_get_n_hidden_matches (filter), ==, 2);
  lsm_filter_get_counts (filter, lsm_test_sector ("hydro"), &counts);
  g_assert_cmpuint (counts.total, ==, 2);
  g_assert_cmpuint (counts.matches, ==, 2);
  g_assert_cmpuint (counts.shown, ==, 0);
  /* The thermal plant is not found: not hidden by the filters either. */
  lsm_filter_get_counts (filter, lsm_test_sector ("thermal"), &counts);
  g_assert_cmpuint (counts.matches, ==, 0);
  text = lsm_filter_counts_format (&counts, TRUE);
  g_assert_cmpstr (text, ==, "");

  watch_init (&watch, filter);
  lsm_filter_show_hidden_matches (filter);
  g_assert_cmpuint (watch.changed, ==, 1);
  g_assert_cmpuint (watch.items_changed, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filter)), ==, 2);
  g_assert_cmpuint (lsm_filter_get_n_hidden_matches (filter), ==, 0);
  g_assert_true (lsm_filter_get_sector_visible (filter, lsm_test_sector ("hydro")));
  g_assert_true (lsm_filter_get_status_visible (filter, LSM_STATUS_OPERATING));
  /* Wind hid no match: it stays hidden. */
  g_assert_false (lsm_filter_get_sector_visible (filter, lsm_test_sector ("wind")));
  assert_consistent (filter, &watch);

  /* A district that excludes a match is cleared; one search, the other filters. */
  lsm_filter_set_district (filter, "Lộc Bình");
  g_assert_cmpuint (lsm_filter_get_n_hidden_matches (filter), ==, 1);
  lsm_filter_show_hidden_matches (filter);
  g_assert_null (lsm_filter_get_district (filter));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filter)), ==, 2);

  watch_reset (&watch);
  lsm_filter_set_district (filter, "Cao Lộc");
  lsm_filter_set_commune_2025 (filter, "00000");
  watch_reset (&watch);
  lsm_filter_reset (filter);
  g_assert_cmpuint (watch.changed, ==, 1);
  g_assert_false (lsm_filter_get_narrowed (filter));
  g_assert_null (lsm_filter_get_district (filter));
  g_assert_null (lsm_filter_get_commune_2025 (filter));
  g_assert_null (lsm_filter_get_hidden_sectors (filter)[0]);
  g_assert_null (lsm_filter_get_hidden_statuses (filter)[0]);
  g_assert_cmpstr (lsm_filter_get_search_text (filter), ==, "thuy dien");
  assert_consistent (filter, &watch);

  g_clear_object (&watch.mirror);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lsm/filter/state-changes", test_filter_state_changes);
  g_test_add_func ("/lsm/filter/source-changes", test_filter_source_changes);
  g_test_add_func ("/lsm/filter/new-sector", test_filter_new_sector);
  g_test_add_func ("/lsm/filter/properties", test_filter_properties);
  g_test_add_func ("/lsm/filter/parse", test_filter_parse);

  g_test_add_func ("/lsm/filter/hidden-matches", test_filter_hidden_matches);

  return g_test_run ();
}
