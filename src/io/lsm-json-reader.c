/* lsm-json-reader.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-json-reader"

#include "config.h"

#include <math.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "lsm-catalog-private.h"
#include "lsm-figure-private.h"
#include "lsm-json-reader.h"
#include "lsm-json-scan.h"
#include "lsm-loader.h"
#include "lsm-source-private.h"
#include "lsm-vocab.h"

/* json-glib parses recursively; refuse absurd nesting before it can exhaust the stack. */
#define MAX_DEPTH 64

static gboolean
depth_is_sane (const char *text,
               gsize       len)
{
  gboolean in_string = FALSE;
  int depth = 0;

  for (gsize i = 0; i < len; i++)
    {
      char c = text[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > MAX_DEPTH)
            return FALSE;
        }
      else if (c == ']' || c == '}')
        depth--;
    }

  return TRUE;
}

/**
 * _lsm_json_set_parse_error:
 * @error: return location for the error
 * @file: the file name, for the message
 * @json_error: what json-glib said
 *
 * Says where json-glib found the file broken. Its message quotes the bad token as raw bytes
 * of the file, which may be broken UTF-8 or control characters.
 */
void
_lsm_json_set_parse_error (GError       **error,
                           const char    *file,
                           const GError  *json_error)
{
  const char *where = json_error->message;
  g_autofree char *shown = NULL;

  /* json-glib says "<data>:LINE:COLUMN: Parse error: …" */
  if (g_str_has_prefix (where, "<data>:"))
    where += strlen ("<data>:");

  shown = _lsm_catalog_make_printable (where);
  g_set_error (error, LSM_LOADER_ERROR, LSM_LOADER_ERROR_INVALID,
               "%s: not valid JSON, at line:column %s", file, shown);
}

static JsonNode *
parse_text_with (JsonParser  *parser,
                 const char  *text,
                 gsize        len,
                 const char  *file,
                 GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!depth_is_sane (text, len))
    {
      g_set_error (error, LSM_LOADER_ERROR, LSM_LOADER_ERROR_INVALID,
                   "%s: nested more than %d levels deep", file, MAX_DEPTH);
      return NULL;
    }

  if (!json_parser_load_from_data (parser, text, len, &local_error))
    {
      _lsm_json_set_parse_error (error, file, local_error);
      return NULL;
    }

  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error (error, LSM_LOADER_ERROR, LSM_LOADER_ERROR_EMPTY, "%s: the file is empty", file);
      return NULL;
    }

  return json_node_ref (json_parser_get_root (parser));
}

static JsonNode *
parse_text (const char  *text,
            gsize        len,
            const char  *file,
            GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();

  return parse_text_with (parser, text, len, file, error);
}

/* One figure reader for both paths: json-glib objects (the aggregates file) and scanned objects
 * (the figure lists of sites and districts). */
typedef LsmJsonValue (*MemberFunc) (gconstpointer object,
                                    const char   *key);

static LsmJsonValue
json_glib_member (gconstpointer object,
                  const char   *key)
{
  JsonNode *node = json_object_get_member ((JsonObject *) object, key);
  LsmJsonValue value = { LSM_JSON_ABSENT };

  if (node == NULL)
    return value;

  if (JSON_NODE_HOLDS_NULL (node))
    value.kind = LSM_JSON_NULL;
  else if (!JSON_NODE_HOLDS_VALUE (node))
    value.kind = LSM_JSON_COMPOUND;
  else if (json_node_get_value_type (node) == G_TYPE_STRING)
    {
      value.kind = LSM_JSON_STRING;
      value.string = json_node_get_string (node);
    }
  else if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    {
      value.kind = LSM_JSON_BOOLEAN;
      value.boolean = json_node_get_boolean (node);
    }
  else
    {
      value.kind = LSM_JSON_NUMBER;
      value.number = json_node_get_double (node);
    }

  return value;
}

typedef struct
{
  const LsmJsonMember *members;
  guint                n_members;
} ScannedObject;

static LsmJsonValue
scanned_member (gconstpointer object,
                const char   *key)
{
  const ScannedObject *scanned = object;

  return _lsm_json_lookup (scanned->members, scanned->n_members, key);
}

/* Reads an optional string member: absent and null give NULL; another type is a problem. */
static gboolean
get_string (MemberFunc     get,
            gconstpointer  object,
            const char    *member,
            char         **out,
            const char   **problem)
{
  LsmJsonValue value = get (object, member);

  *out = NULL;
  if (value.kind == LSM_JSON_ABSENT || value.kind == LSM_JSON_NULL)
    return TRUE;

  if (value.kind != LSM_JSON_STRING)
    {
      *problem = member;
      return FALSE;
    }

  *out = g_strdup (value.string);
  return TRUE;
}

static gboolean
get_number (MemberFunc     get,
            gconstpointer  object,
            const char    *member,
            gboolean      *present,
            double        *out)
{
  LsmJsonValue value = get (object, member);

  *present = FALSE;
  if (value.kind == LSM_JSON_ABSENT || value.kind == LSM_JSON_NULL)
    return TRUE;
  if (value.kind != LSM_JSON_NUMBER)
    return FALSE;

  *out = value.number;
  *present = isfinite (*out);
  return *present;
}

static LsmFigure *
read_figure (MemberFunc     get,
             gconstpointer  object,
             guint          index,
             const char    *file,
             const char    *owner,
             LsmCatalog    *problems)
{
  g_autoptr(LsmFigure) figure = _lsm_figure_new ();
  g_autofree char *status = NULL;
  g_autofree char *qualifier = NULL;
  const char *bad = NULL;
  LsmJsonValue value;
  gboolean present;

  if (!get_string (get, object, "id", &figure->id, &bad)
      || !get_string (get, object, "metric", &figure->metric, &bad)
      || !get_string (get, object, "value_en", &figure->text_en, &bad)
      || !get_string (get, object, "unit", &figure->unit, &bad)
      || !get_string (get, object, "period", &figure->period, &bad)
      || !get_string (get, object, "period_note", &figure->period_note, &bad)
      || !get_string (get, object, "status", &status, &bad)
      || !get_string (get, object, "qualifier", &qualifier, &bad)
      || !get_string (get, object, "relates_to", &figure->relates_to, &bad)
      || !get_string (get, object, "source", &figure->source_id, &bad)
      || !get_string (get, object, "quote", &figure->quote, &bad)
      || !get_string (get, object, "note", &figure->note, &bad)
      || !get_string (get, object, "scope", &figure->scope, &bad))
    {
      _lsm_catalog_add_problem (problems, file, "figure %u of %s: “%s” must be text",
                                index + 1, owner, bad);
      return NULL;
    }

  if (figure->id == NULL || *figure->id == '\0')
    {
      _lsm_catalog_add_problem (problems, file, "figure %u of %s has no id", index + 1, owner);
      return NULL;
    }
  if (figure->metric == NULL)
    {
      _lsm_catalog_add_problem (problems, file, "figure “%s” has no metric", figure->id);
      return NULL;
    }
  if (figure->source_id == NULL)
    {
      _lsm_catalog_add_problem (problems, file, "figure “%s” cites no source", figure->id);
      return NULL;
    }

  value = get (object, "value");
  if (value.kind == LSM_JSON_STRING)
    figure->text = g_strdup (value.string);
  else if (get_number (get, object, "value", &present, &figure->value) && present)
    figure->numeric = TRUE;
  else
    {
      _lsm_catalog_add_problem (problems, file,
                                "figure “%s”: the value is missing or not a finite number",
                                figure->id);
      return NULL;
    }

  if (!get_number (get, object, "value_max", &figure->has_value_max, &figure->value_max)
      || !get_number (get, object, "value_of", &figure->has_value_of, &figure->value_of))
    {
      _lsm_catalog_add_problem (problems, file,
                                "figure “%s”: value_max and value_of must be finite numbers",
                                figure->id);
      return NULL;
    }

  /* Vocabulary problems are reported but the figure is kept: its value is still true. */
  if (lsm_metric_get_label (figure->metric) == NULL)
    _lsm_catalog_add_problem (problems, file, "figure “%s”: unknown metric “%s”",
                              figure->id, figure->metric);
  if (figure->unit != NULL && !lsm_unit_is_known (figure->unit))
    _lsm_catalog_add_problem (problems, file, "figure “%s”: unknown unit “%s”",
                              figure->id, figure->unit);
  if (figure->period != NULL && !lsm_period_is_valid (figure->period))
    _lsm_catalog_add_problem (problems, file, "figure “%s”: period “%s” is not in a known form",
                              figure->id, figure->period);
  if (status != NULL && !lsm_status_from_id (status, &figure->status))
    _lsm_catalog_add_problem (problems, file, "figure “%s”: unknown status “%s”",
                              figure->id, status);
  if (qualifier != NULL && !lsm_qualifier_from_id (qualifier, &figure->qualifier))
    _lsm_catalog_add_problem (problems, file, "figure “%s”: unknown qualifier “%s”",
                              figure->id, qualifier);

  return g_steal_pointer (&figure);
}

static GPtrArray *
read_figure_array (JsonNode   *array_node,
                   const char *file,
                   const char *owner,
                   LsmCatalog *problems)
{
  g_autoptr(GPtrArray) figures = g_ptr_array_new_with_free_func (g_object_unref);
  JsonArray *array;
  guint n;

  if (array_node == NULL || JSON_NODE_HOLDS_NULL (array_node))
    return g_steal_pointer (&figures);

  if (!JSON_NODE_HOLDS_ARRAY (array_node))
    {
      _lsm_catalog_add_problem (problems, file, "the figures of %s are not a list", owner);
      return g_steal_pointer (&figures);
    }

  array = json_node_get_array (array_node);
  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      LsmFigure *figure = NULL;

      if (JSON_NODE_HOLDS_OBJECT (element))
        figure = read_figure (json_glib_member, json_node_get_object (element), i, file, owner, problems);
      else
        _lsm_catalog_add_problem (problems, file, "figure %u of %s is not an object", i + 1, owner);

      if (figure != NULL)
        g_ptr_array_add (figures, figure);
      else
        _lsm_catalog_add_skipped (problems, 1);
    }

  return g_steal_pointer (&figures);
}

typedef struct
{
  GPtrArray  *figures;
  const char *file;
  const char *owner;
  LsmCatalog *problems;
} ScanContext;

static void
on_scanned_figure_cb (const LsmJsonMember *members,
                      guint                n_members,
                      guint                index,
                      gpointer             user_data)
{
  ScanContext *context = user_data;
  ScannedObject object = { members, n_members };
  LsmFigure *figure = NULL;

  if (members != NULL)
    figure = read_figure (scanned_member, &object, index, context->file, context->owner, context->problems);
  else
    _lsm_catalog_add_problem (context->problems, context->file, "figure %u of %s is not an object",
                              index + 1, context->owner);

  if (figure != NULL)
    g_ptr_array_add (context->figures, figure);
  else
    _lsm_catalog_add_skipped (context->problems, 1);
}

/**
 * _lsm_json_read_figures:
 * @json_text: (nullable): a JSON array of figure objects, as GDAL hands out a list property
 * @file: the file name, for messages
 * @owner: the site or district, for messages
 * @problems: the catalog that collects problems
 *
 * Returns: (transfer full): the figures that could be read; the others are reported
 */
GPtrArray *
_lsm_json_read_figures (const char *json_text,
                        const char *file,
                        const char *owner,
                        LsmCatalog *problems)
{
  ScanContext context = { g_ptr_array_new_with_free_func (g_object_unref), file, owner, problems };
  g_autofree char *error = NULL;

  if (json_text == NULL || *json_text == '\0')
    return context.figures;

  if (!_lsm_json_scan_objects (json_text, on_scanned_figure_cb, &context, &error))
    {
      _lsm_catalog_add_problem (problems, file, "the figures of %s are not a JSON list of figures",
                                owner);
      g_debug ("%s: %s", owner, error);
    }

  return context.figures;
}

static JsonObject *
load_object_file (const char  *path,
                  const char  *member,
                  JsonNode   **root_out,
                  GError     **error)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonNode) root = NULL;
  gsize len;

  if (!g_file_get_contents (path, &contents, &len, &local_error))
    {
      int code = g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT)
                 ? LSM_LOADER_ERROR_NOT_FOUND : LSM_LOADER_ERROR_INVALID;

      g_set_error (error, LSM_LOADER_ERROR, code, "%s: %s", name,
                   code == LSM_LOADER_ERROR_NOT_FOUND ? "no such file" : local_error->message);
      return NULL;
    }

  if (len == 0)
    {
      g_set_error (error, LSM_LOADER_ERROR, LSM_LOADER_ERROR_EMPTY, "%s: the file is empty", name);
      return NULL;
    }

  if ((root = parse_text (contents, len, name, error)) == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (root)
      || !json_object_has_member (json_node_get_object (root), member))
    {
      g_set_error (error, LSM_LOADER_ERROR, LSM_LOADER_ERROR_INVALID,
                   "%s: expected an object with a “%s” list", name, member);
      return NULL;
    }

  *root_out = g_steal_pointer (&root);
  return json_node_get_object (*root_out);
}

/**
 * _lsm_json_read_sources:
 * @path: path of sources.json
 * @problems: the catalog that collects problems
 * @error: return location for a file-level error
 *
 * Returns: (transfer full) (nullable): the #LsmSource entries
 */
GPtrArray *
_lsm_json_read_sources (const char  *path,
                        LsmCatalog  *problems,
                        GError     **error)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  JsonObject *object;
  JsonNode *list;
  guint n;

  if ((object = load_object_file (path, "sources", &root, error)) == NULL)
    return NULL;

  list = json_object_get_member (object, "sources");
  if (!JSON_NODE_HOLDS_ARRAY (list))
    {
      g_set_error (error, LSM_LOADER_ERROR, LSM_LOADER_ERROR_INVALID,
                   "%s: “sources” is not a list", name);
      return NULL;
    }

  sources = g_ptr_array_new_with_free_func (g_object_unref);
  n = json_array_get_length (json_node_get_array (list));
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (json_node_get_array (list), i);
      g_autoptr(LsmSource) source = _lsm_source_new ();
      const char *bad = NULL;
      JsonObject *entry;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          _lsm_catalog_add_problem (problems, name, "source %u is not an object", i + 1);
          _lsm_catalog_add_skipped (problems, 1);
          continue;
        }

      entry = json_node_get_object (node);
      if (!get_string (json_glib_member, entry, "id", &source->id, &bad)
          || !get_string (json_glib_member, entry, "title", &source->title, &bad)
          || !get_string (json_glib_member, entry, "outlet", &source->outlet, &bad)
          || !get_string (json_glib_member, entry, "outlet_note", &source->outlet_note, &bad)
          || !get_string (json_glib_member, entry, "author", &source->author, &bad)
          || !get_string (json_glib_member, entry, "date", &source->date, &bad)
          || !get_string (json_glib_member, entry, "date_printed", &source->date_printed, &bad)
          || !get_string (json_glib_member, entry, "date_note", &source->date_note, &bad)
          || !get_string (json_glib_member, entry, "file", &source->file, &bad))
        {
          _lsm_catalog_add_problem (problems, name, "source %u: “%s” must be text", i + 1, bad);
          _lsm_catalog_add_skipped (problems, 1);
          continue;
        }

      if (source->id == NULL || source->title == NULL)
        {
          _lsm_catalog_add_problem (problems, name, "source %u needs an id and a title", i + 1);
          _lsm_catalog_add_skipped (problems, 1);
          continue;
        }

      source->outlet_inferred = json_object_get_boolean_member_with_default (entry, "outlet_inferred",
                                                                              FALSE);
      g_ptr_array_add (sources, g_steal_pointer (&source));
    }

  return g_steal_pointer (&sources);
}

/**
 * _lsm_json_read_aggregates:
 * @path: path of aggregates.json
 * @problems: the catalog that collects problems
 * @error: return location for a file-level error
 *
 * Returns: (transfer full) (nullable): the province- and sector-level #LsmFigure
 */
GPtrArray *
_lsm_json_read_aggregates (const char  *path,
                           LsmCatalog  *problems,
                           GError     **error)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) figures = NULL;
  JsonObject *object;

  if ((object = load_object_file (path, "figures", &root, error)) == NULL)
    return NULL;

  figures = read_figure_array (json_object_get_member (object, "figures"), name, "the province",
                               problems);

  for (guint i = 0; i < figures->len; )
    {
      LsmFigure *figure = g_ptr_array_index (figures, i);
      LsmSector sector;

      if (g_strcmp0 (figure->scope, "province") == 0 || lsm_sector_from_id (figure->scope, &sector))
        {
          i++;
          continue;
        }

      _lsm_catalog_add_problem (problems, name, "figure “%s”: scope “%s” is neither “province” nor a sector",
                                figure->id, figure->scope ? figure->scope : "");
      _lsm_catalog_add_skipped (problems, 1);
      g_ptr_array_remove_index (figures, i);
    }

  return g_steal_pointer (&figures);
}
