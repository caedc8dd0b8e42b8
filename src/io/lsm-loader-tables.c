/* lsm-loader-tables.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-loader"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "lsm-catalog-private.h"
#include "lsm-feature-list.h"
#include "lsm-feature-private.h"
#include "lsm-figure-private.h"
#include "lsm-gdal-private.h"
#include "lsm-loader-cells.h"
#include "lsm-source-private.h"
#include "lsm-vocab.h"

/* Reads the catalog's tables, figures and sources (data/README.md), from any OGR layer: a CSV of
 * the data folder, a spreadsheet, a table of a GeoPackage or of a database (cells:
 * lsm-loader-cells.c). A bad row is one problem line naming the table and the row, and is left
 * out; the good rows load. */

typedef struct
{
  LsmCatalog *catalog;
  const char *display;
  guint       subjects;
  GHashTable *ids;           /* every id of the table so far */
  GHashTable *sites;         /* id → LsmFeature, borrowed from the catalog */
  GHashTable *districts;     /* id → LsmFeature */
  GArray     *placed;        /* Placed: the figures of sites and districts, in rows' order */
  GPtrArray  *aggregates;    /* province and sector figures */
  GPtrArray  *sources;
  /* The words last found in the vocabularies: most rows repeat the row before. */
  const char *known_metric;
  const char *known_unit;
  const char *known_period;
} TableContext;

static GHashTable *
index_features (GListModel *features)
{
  GHashTable *index = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = g_list_model_get_n_items (features);

  for (guint i = 0; i < n; i++)
    {
      LsmFeature *feature = lsm_feature_list_peek (LSM_FEATURE_LIST (features), i);

      if (feature->id != NULL)
        g_hash_table_insert (index, feature->id, feature);
    }

  return index;
}

/* Whether @word (interned) is in its vocabulary, asked again only when it changes. */
static gboolean
is_known (const char  *word,
          const char **known,
          gboolean   (*check) (const char *word))
{
  if (word == *known)
    return TRUE;
  if (!check (word))
    return FALSE;
  *known = word;
  return TRUE;
}

static gboolean
metric_is_known (const char *metric)
{
  return lsm_metric_get_label (metric) != NULL;
}

static gboolean
read_figure_vocab (LsmTableRow  *row,
                   TableContext *context,
                   LsmFigure    *figure)
{
  const char *status = NULL;
  const char *qualifier = NULL;
  LsmStatus status_value;
  LsmQualifier qualifier_value;

  if (!_lsm_table_cell_interned (row, "status", &status) || !_lsm_table_cell_interned (row, "qualifier", &qualifier))
    return FALSE;

  /* Vocabulary problems are reported but the figure is kept: its value is still true. */
  if (!is_known (figure->metric, &context->known_metric, metric_is_known))
    LSM_TABLE_ROW_PROBLEM (row, _("unknown metric “%s”"), figure->metric);
  if (figure->unit != NULL && !is_known (figure->unit, &context->known_unit, lsm_unit_is_known))
    LSM_TABLE_ROW_PROBLEM (row, _("unknown unit “%s”"), figure->unit);
  if (figure->period != NULL && !is_known (figure->period, &context->known_period, lsm_period_is_valid))
    LSM_TABLE_ROW_PROBLEM (row, _("period “%s” is not in a known form"), figure->period);
  if (status != NULL && !lsm_status_from_id (status, &status_value))
    LSM_TABLE_ROW_PROBLEM (row, _("unknown status “%s”"), status);
  else if (status != NULL)
    figure->status = status_value;
  if (qualifier != NULL && !lsm_qualifier_from_id (qualifier, &qualifier_value))
    LSM_TABLE_ROW_PROBLEM (row, _("unknown qualifier “%s”"), qualifier);
  else if (qualifier != NULL)
    figure->qualifier = qualifier_value;

  return TRUE;
}

static void
clear_rare (LsmFigureRare *rare)
{
  g_free (rare->text_en);
  lsm_text_clear (&rare->period_note);
  g_free (rare->relates_to);
  lsm_text_clear (&rare->note);
  lsm_text_clear (&rare->crosscheck_note);
}

static LsmFigure *
read_figure (LsmTableRow  *row,
             TableContext *context)
{
  g_autoptr(LsmFigure) figure = _lsm_figure_new ();
  g_autofree char *text = NULL;
  LsmFigureRare rare = { 0 };
  gboolean numeric;

  figure->id = g_strdup (row->id);
  if (!_lsm_table_cell_interned (row, "metric", &figure->metric)
      || !_lsm_table_cell_text (row, "value_text", &text)
      || !_lsm_table_cell_text (row, "value_en", &rare.text_en)
      || !_lsm_table_cell_interned (row, "unit", &figure->unit)
      || !_lsm_table_cell_interned (row, "period", &figure->period)
      || !_lsm_table_cell_both (row, "period_note_vi", "period_note_en", "period_note", &rare.period_note)
      || !_lsm_table_cell_text (row, "relates_to", &rare.relates_to)
      || !_lsm_table_cell_interned (row, "source", &figure->source_id)
      || !_lsm_table_cell_text (row, "quote", &figure->quote)
      || !_lsm_table_cell_both (row, "note_vi", "note_en", "note", &rare.note)
      || !_lsm_table_cell_interned (row, "crosscheck_source", &rare.crosscheck_source_id)
      || !_lsm_table_cell_both (row, "crosscheck_note_vi", "crosscheck_note_en", "crosscheck_note",
                     &rare.crosscheck_note)
      || !_lsm_table_cell_number (row, "value", &numeric, &figure->value)
      || !_lsm_table_cell_number (row, "value_max", &rare.has_value_max, &rare.value_max)
      || !_lsm_table_cell_number (row, "value_of", &rare.has_value_of, &rare.value_of))
    {
      clear_rare (&rare);
      return NULL;
    }
  /* The figure owns them from here, also when it is dropped below. */
  _lsm_figure_set_rare (figure, &rare);

  if (figure->metric == NULL)
    {
      LSM_TABLE_ROW_PROBLEM (row, "%s", _("it has no metric"));
      return NULL;
    }
  if (figure->source_id == NULL)
    {
      LSM_TABLE_ROW_PROBLEM (row, "%s", _("it cites no source"));
      return NULL;
    }
  if (numeric == (text != NULL))
    {
      LSM_TABLE_ROW_PROBLEM (row, "%s", numeric ? _("it has both a “value” and a “value_text”")
                                      : _("it has neither a “value” nor a “value_text”"));
      return NULL;
    }

  figure->numeric = numeric;
  figure->text = g_steal_pointer (&text);
  if (!read_figure_vocab (row, context, figure))
    return NULL;

  return g_steal_pointer (&figure);
}

/* A row that describes a site or district; its figure is NULL when the row is then left out.
 * The rows are grouped by subject once, when the table is published, rather than each row
 * looking up a list of its subject's. */
typedef struct
{
  LsmFeature *subject;
  LsmFigure  *figure;
  guint       order;
} Placed;

static void
clear_placed (gpointer data)
{
  g_clear_object (&((Placed *) data)->figure);
}

static int
compare_placed (gconstpointer a,
                gconstpointer b)
{
  const Placed *x = a, *y = b;

  if (x->subject != y->subject)
    return (guintptr) x->subject < (guintptr) y->subject ? -1 : 1;
  return x->order < y->order ? -1 : x->order > y->order;
}

static void
claim (TableContext *context,
       LsmFeature   *feature)
{
  Placed placed = { feature, NULL, context->placed->len };

  g_array_append_val (context->placed, placed);
}

typedef enum
{
  PLACED,
  PASSED_OVER,  /* a row for another reader */
  BAD,
} Placement;

/* Where the figure goes: the list of its site or district, or the aggregates. */
static Placement
place_figure (LsmTableRow   *row,
              TableContext  *context,
              LsmFigure     *figure,
              GPtrArray    **list)
{
  g_autofree char *kind = NULL;
  g_autofree char *subject = NULL;
  LsmFeature *feature;
  LsmSector sector;

  if (!_lsm_table_cell_text (row, "subject_kind", &kind) || !_lsm_table_cell_text (row, "subject", &subject))
    return BAD;

  *list = NULL;
  if (g_strcmp0 (kind, "site") == 0 || g_strcmp0 (kind, "district") == 0)
    {
      gboolean is_site = kind[0] == 's';

      if ((context->subjects & (is_site ? LSM_SUBJECT_SITE : LSM_SUBJECT_DISTRICT)) == 0)
        return PASSED_OVER;

      feature = subject != NULL ? g_hash_table_lookup (is_site ? context->sites : context->districts, subject)
                                : NULL;
      if (feature == NULL)
        {
          if (is_site)
            /* Translators: the figure's site is not in the layer of sites */
            LSM_TABLE_ROW_PROBLEM (row, _("it describes a site “%s” that does not exist"), subject ? subject : "");
          else
            LSM_TABLE_ROW_PROBLEM (row, _("it describes a district “%s” that does not exist"), subject ? subject : "");
          return BAD;
        }
      claim (context, feature);
      return PLACED;
    }

  if (g_strcmp0 (kind, "province") == 0 || g_strcmp0 (kind, "sector") == 0)
    {
      gboolean is_province = kind[0] == 'p';

      if ((context->subjects & (is_province ? LSM_SUBJECT_PROVINCE : LSM_SUBJECT_SECTOR)) == 0)
        return PASSED_OVER;

      if (!is_province && (subject == NULL || !lsm_sector_from_id (subject, &sector)))
        {
          LSM_TABLE_ROW_PROBLEM (row, _("it describes a sector “%s” that does not exist"), subject ? subject : "");
          return BAD;
        }
      {
        LsmFigureRare rare = figure->rare != NULL ? *figure->rare : (LsmFigureRare) { 0 };

        /* The rare part moves over whole, with the scope added. */
        g_clear_pointer (&figure->rare, g_free);
        rare.scope = is_province ? g_strdup ("province") : g_steal_pointer (&subject);
        _lsm_figure_set_rare (figure, &rare);
      }
      *list = context->aggregates;
      return PLACED;
    }

  /* Translators: site, district, province and sector are literal values */
  LSM_TABLE_ROW_PROBLEM (row, _("unknown “subject_kind” “%s” (site, district, province or sector)"), kind ? kind : "");
  return BAD;
}

static LsmSource *
read_source (LsmTableRow *row)
{
  g_autoptr(LsmSource) source = _lsm_source_new ();
  g_autofree char *kind = NULL;
  g_autofree char *inferred = NULL;

  source->id = g_strdup (row->id);
  if (!_lsm_table_cell_text (row, "title", &source->title)
      || !_lsm_table_cell_text (row, "kind", &kind)
      || !_lsm_table_cell_text (row, "outlet", &source->outlet)
      || !_lsm_table_cell_both (row, "outlet_note_vi", "outlet_note_en", "outlet_note", &source->outlet_note)
      || !_lsm_table_cell_text (row, "author", &source->author)
      || !_lsm_table_cell_text (row, "date", &source->date)
      || !_lsm_table_cell_text (row, "date_printed", &source->date_printed)
      || !_lsm_table_cell_both (row, "date_note_vi", "date_note_en", "date_note", &source->date_note)
      || !_lsm_table_cell_text (row, "file", &source->file)
      || !_lsm_table_cell_text (row, "outlet_inferred", &inferred))
    return NULL;

  if (source->title == NULL)
    {
      LSM_TABLE_ROW_PROBLEM (row, "%s", _("it has no title"));
      return NULL;
    }

  /* Data from before the kinds has articles only. */
  if (kind != NULL && !lsm_source_kind_from_id (kind, &source->kind))
    {
      LSM_TABLE_ROW_PROBLEM (row, _("unknown kind “%s” (article or crosscheck)"), kind);
      return NULL;
    }

  source->outlet_inferred = inferred != NULL && (g_str_equal (inferred, "1") || g_ascii_strcasecmp (inferred, "true") == 0);
  return g_steal_pointer (&source);
}

static gboolean
read_row (LsmTableRow  *row,
          LsmLayerKind  kind,
          TableContext *context)
{
  if (!_lsm_table_cell_text (row, "id", &row->id))
    return FALSE;
  if (row->id == NULL)
    {
      LSM_TABLE_ROW_PROBLEM (row, "%s", _("it has no id"));
      return FALSE;
    }

  if (kind == LSM_LAYER_SOURCES)
    {
      LsmSource *source;

      if (g_hash_table_contains (context->ids, row->id))
        {
          LSM_TABLE_ROW_PROBLEM (row, "%s", _("its id is used by an earlier row"));
          return FALSE;
        }
      if ((source = read_source (row)) == NULL)
        return FALSE;
      g_hash_table_add (context->ids, source->id);
      g_ptr_array_add (context->sources, source);
    }
  else
    {
      g_autoptr(LsmFigure) figure = NULL;
      GPtrArray *list = NULL;
      Placement placement;

      if ((figure = read_figure (row, context)) == NULL)
        return FALSE;
      if ((placement = place_figure (row, context, figure, &list)) != PLACED)
        return placement == PASSED_OVER;
      if (g_hash_table_contains (context->ids, figure->id))
        {
          LSM_TABLE_ROW_PROBLEM (row, "%s", _("its id is used by an earlier row"));
          return FALSE;
        }
      /* The table borrows the id from the store, which the kept figure keeps alive. */
      _lsm_figure_compact (figure, row->reader.texts);
      g_hash_table_add (context->ids, figure->id);
      if (list != NULL)
        g_ptr_array_add (list, g_steal_pointer (&figure));
      else
        g_array_index (context->placed, Placed, context->placed->len - 1).figure = g_steal_pointer (&figure);
    }

  return TRUE;
}

static gboolean
check_columns (OGRLayerH     layer,
               LsmLayerKind  kind,
               const char   *display,
               GError      **error)
{
  static const char * const figures[] = { "id", "subject_kind", "metric", "source", NULL };
  static const char * const sources[] = { "id", "title", NULL };
  OGRFeatureDefnH defn = OGR_L_GetLayerDefn (layer);

  for (const char * const *name = kind == LSM_LAYER_SOURCES ? sources : figures; *name != NULL; name++)
    {
      if (OGR_FD_GetFieldIndex (defn, *name) >= 0)
        continue;

      g_set_error (error, LSM_LOADER_ERROR, LSM_LOADER_ERROR_INVALID,
                   kind == LSM_LAYER_SOURCES
                   /* Translators: "sources.csv: not a table of sources: it has no column “title”" */
                   ? _("%s: not a table of sources: it has no column “%s”")
                   : _("%s: not a table of figures: it has no column “%s”"),
                   display, *name);
      return FALSE;
    }

  return TRUE;
}

/* A site or district that only carries figures being checked, so that the catalog's checks name
 * the subject of each. */
static LsmFeature *
stand_in (LsmFeature *feature)
{
  LsmFeature *copy = _lsm_feature_new (feature->kind);

  copy->id = g_strdup (feature->id);
  copy->name = g_strdup (feature->name);
  return copy;
}

static void
publish (TableContext *context,
         LsmLayerKind  kind,
         gboolean      attach)
{
  g_autoptr(GPtrArray) sites = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) districts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) figures = g_ptr_array_new_with_free_func (g_object_unref);
  GArray *placed = context->placed;

  if (kind == LSM_LAYER_SOURCES)
    {
      _lsm_catalog_set_sources (context->catalog, context->sources);
      return;
    }

  _lsm_catalog_set_aggregates (context->catalog, context->aggregates, context->display);

  g_array_sort (placed, compare_placed);
  for (guint i = 0, end; i < placed->len; i = end)
    {
      LsmFeature *feature = g_array_index (placed, Placed, i).subject;
      LsmFeature *owner = attach ? feature : stand_in (feature);

      for (end = i; end < placed->len && g_array_index (placed, Placed, end).subject == feature; end++)
        if (g_array_index (placed, Placed, end).figure != NULL)
          g_ptr_array_add (figures, g_steal_pointer (&g_array_index (placed, Placed, end).figure));

      /* It takes the figures and leaves the array empty for the next. */
      g_ptr_array_set_free_func (figures, g_object_unref);
      _lsm_feature_set_figures (owner, g_ptr_array_ref (figures));
      if (!attach)
        g_ptr_array_add (feature->kind == LSM_FEATURE_SITE ? sites : districts, owner);
    }

  if (!attach)
    {
      _lsm_catalog_set_sites (context->catalog, sites, context->display);
      _lsm_catalog_set_districts (context->catalog, districts, context->display);
    }
}

/**
 * _lsm_gdal_read_table_layer:
 * @layer: a layer of figures or sources
 * @kind: %LSM_LAYER_FIGURES or %LSM_LAYER_SOURCES
 * @display: the table's name in messages
 * @header_rows: rows above the first one read, so that row numbers are the ones the user sees
 * @subjects: the #LsmSubjects whose figures are taken; rows of others are passed over quietly
 * @reference: (nullable): where the sites and districts are, to check the figures against
 *   without changing them; %NULL: @catalog has them and receives their figures
 * @catalog: receives the rows and the problems
 * @error: return location for an error when the layer is no such table
 *
 * Returns: %FALSE if the layer cannot be read as that table at all
 */
gboolean
_lsm_gdal_read_table_layer (OGRLayerH     layer,
                            LsmLayerKind  kind,
                            const char   *display,
                            guint         header_rows,
                            guint         subjects,
                            LsmCatalog   *reference,
                            LsmCatalog   *catalog,
                            GError      **error)
{
  g_autofree LsmGdalColumns *columns = g_new0 (LsmGdalColumns, 1);
  g_autoptr(LsmTextStore) texts = lsm_text_store_new ();
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  LsmCatalog *subjects_from = reference != NULL ? reference : catalog;
  g_autoptr(GHashTable) sites = index_features (lsm_catalog_get_sites (subjects_from));
  g_autoptr(GHashTable) districts = index_features (lsm_catalog_get_districts (subjects_from));
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (Placed));
  g_autoptr(GPtrArray) aggregates = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func (g_object_unref);
  TableContext context = { catalog, display, subjects, ids, sites, districts, placed, aggregates, sources, NULL, NULL, NULL };
  guint ordinal = 0, skipped = 0;
  OGRFeatureH raw;

  g_return_val_if_fail (kind == LSM_LAYER_FIGURES || kind == LSM_LAYER_SOURCES, FALSE);

  if (!check_columns (layer, kind, display, error))
    return FALSE;
  g_array_set_clear_func (placed, clear_placed);

  OGR_L_ResetReading (layer);
  while ((raw = OGR_L_GetNextFeature (layer)) != NULL)
    {
      LsmTableRow row = { { display, catalog, NULL, columns, FALSE, texts }, raw, ++ordinal + header_rows, NULL, NULL };

      if (!read_row (&row, kind, &context))
        skipped++;

      g_free (row.id);
      g_free (row.what);
      OGR_F_Destroy (raw);
    }

  _lsm_catalog_add_skipped (catalog, skipped);
  publish (&context, kind, reference == NULL);
  return TRUE;
}

/**
 * _lsm_gdal_read_table_file:
 * @path: a CSV, XLSX or ODS file whose first sheet is the table
 * @kind: %LSM_LAYER_FIGURES or %LSM_LAYER_SOURCES, or %LSM_LAYER_AUTO to tell by the columns
 * @subjects: the #LsmSubjects whose figures are taken
 * @reference: (nullable): where the sites and districts are, if not in @catalog
 * @catalog: receives the rows and the problems
 * @error: return location for an error naming the file and the cause
 *
 * Returns: %FALSE if the file cannot be read as a table
 */
gboolean
_lsm_gdal_read_table_file (const char    *path,
                           LsmLayerKind   kind,
                           guint          subjects,
                           LsmCatalog    *reference,
                           LsmCatalog    *catalog,
                           GError       **error)
{
  g_autofree char *display = g_filename_display_basename (path);
  LsmGdalTable table;
  OGRLayerH layer;
  gboolean ok = FALSE;

  _lsm_gdal_push_quiet ();
  if (_lsm_gdal_open_table (path, display, &table, error))
    {
      if (GDALDatasetGetLayerCount (table.ds) < 1 || (layer = GDALDatasetGetLayer (table.ds, 0)) == NULL)
        g_set_error (error, LSM_LOADER_ERROR, LSM_LOADER_ERROR_NO_FEATURES, _("%s has no layers"), display);
      else
        {
          if (kind == LSM_LAYER_AUTO)
            kind = OGR_FD_GetFieldIndex (OGR_L_GetLayerDefn (layer), "title") >= 0
                   && OGR_FD_GetFieldIndex (OGR_L_GetLayerDefn (layer), "subject_kind") < 0
                   ? LSM_LAYER_SOURCES : LSM_LAYER_FIGURES;
          /* A file table has its header in row 1. */
          ok = _lsm_gdal_read_table_layer (layer, kind, display, 1, subjects, reference, catalog, error);
        }
      _lsm_gdal_close_table (&table);
    }
  _lsm_gdal_pop_quiet ();

  return ok;
}

/**
 * _lsm_loader_find_table:
 * @dir: a folder
 * @name: a table's name, e.g. "figures"
 *
 * Returns: (transfer full) (nullable): NAME.csv, NAME.xlsx or NAME.ods in @dir, the first that
 *   exists
 */
char *
_lsm_loader_find_table (const char *dir,
                        const char *name)
{
  static const char * const extensions[] = { ".csv", ".xlsx", ".ods" };

  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    {
      g_autofree char *file = g_strconcat (name, extensions[i], NULL);
      g_autofree char *path = g_build_filename (dir, file, NULL);

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&path);
    }

  return NULL;
}
