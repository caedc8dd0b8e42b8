/* lsm-geojson-rules.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-geojson-rules"

#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "lsm-catalog-private.h"
#include "lsm-geojson-rules.h"
#include "lsm-loader-private.h"

/* The rules of RFC 7946 that GDAL lets pass without a word: it drops a null feature, closes
 * nothing but reads an open ring as it is, keeps a line of one position and reads a point of one
 * number as no geometry. `lsmap --validate` names the feature and the rule it breaks. */

/* The whole file becomes a json-glib tree; beyond this size --validate checks GDAL's view only. */
#define MAX_CHECKED_SIZE (64 * 1024 * 1024)

/* GeometryCollections inside GeometryCollections: RFC 7946 §3.1.8 says to avoid them at all. */
#define MAX_COLLECTION_DEPTH 8

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
                   _("%s: nested more than %d levels deep"), file, MAX_DEPTH);
      return NULL;
    }

  if (!json_parser_load_from_data (parser, text, len, &local_error))
    {
      const char *where = local_error->message;

      if (g_str_has_prefix (where, "<data>:"))
        where += strlen ("<data>:");
      g_set_error (error, LSM_LOADER_ERROR, LSM_LOADER_ERROR_INVALID,
                   /* Translators: the second %s is json-glib's "LINE:COLUMN: Parse error: …" */
                   _("%s: not valid JSON, at line:column %s"), file, where);
      return NULL;
    }

  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error (error, LSM_LOADER_ERROR, LSM_LOADER_ERROR_EMPTY, _("%s: the file is empty"), file);
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

/*
 * load_file:
 * @path: a JSON file
 * @error: return location for an error naming the file and the cause
 *
 * Reads and parses a whole file, refusing files that are not regular and nesting that would
 * exhaust json-glib's recursive parser.
 *
 * Returns: (transfer full) (nullable): the root node
 */
static JsonNode *
load_file (const char  *path,
                     GError     **error)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize len;

  if (!_lsm_loader_check_path (path, FALSE, error))
    return NULL;

  if (!g_file_get_contents (path, &contents, &len, &local_error))
    {
      /* Only if it changed since the check: GLib's message names the file and the reason. */
      g_set_error (error, LSM_LOADER_ERROR, LSM_LOADER_ERROR_INVALID, "%s", local_error->message);
      return NULL;
    }

  if (len == 0)
    {
      g_set_error (error, LSM_LOADER_ERROR, LSM_LOADER_ERROR_EMPTY, _("%s: the file is empty"), name);
      return NULL;
    }

  return parse_text (contents, len, name, error);
}

static gboolean
is_number (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node)
         && (json_node_get_value_type (node) == G_TYPE_DOUBLE || json_node_get_value_type (node) == G_TYPE_INT64);
}

static char *
check_position (JsonNode *node)
{
  JsonArray *array = JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
  guint n = array != NULL ? json_array_get_length (array) : 0;

  for (guint i = 0; i < n; i++)
    if (!is_number (json_array_get_element (array, i)))
      n = 0;

  if (n < 2)
    return g_strdup (_("a position must be two or three numbers (RFC 7946 §3.1.1)"));

  return NULL;
}

/* An array of positions, at least @min of them; @too_few says why that many are needed. */
static char *
check_positions (JsonNode   *node,
                 guint       min,
                 const char *too_few)
{
  JsonArray *array;
  guint n;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return g_strdup (_("the coordinates are not a list of positions (RFC 7946 §3.1)"));

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      char *problem = check_position (json_array_get_element (array, i));

      if (problem != NULL)
        return problem;
    }

  return n < min ? g_strdup (too_few) : NULL;
}

static char *
check_line (JsonNode *node)
{
  return check_positions (node, 2, _("a LineString needs two or more positions (RFC 7946 §3.1.4)"));
}

static char *
check_ring (JsonNode *node)
{
  char *problem = check_positions (node, 4, _("a polygon ring needs four or more positions (RFC 7946 §3.1.6)"));
  JsonArray *ring, *first, *last;

  if (problem != NULL)
    return problem;

  ring = json_node_get_array (node);
  first = json_array_get_array_element (ring, 0);
  last = json_array_get_array_element (ring, json_array_get_length (ring) - 1);
  if (json_array_get_length (first) != json_array_get_length (last))
    return g_strdup (_("a polygon ring is not closed: its first and last positions differ (RFC 7946 §3.1.6)"));
  for (guint i = 0; i < json_array_get_length (first); i++)
    if (json_array_get_double_element (first, i) != json_array_get_double_element (last, i))
      return g_strdup (_("a polygon ring is not closed: its first and last positions differ (RFC 7946 §3.1.6)"));

  return NULL;
}

typedef char *(*CheckFunc) (JsonNode *node);

static char *
check_each (JsonNode  *node,
            CheckFunc  check)
{
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return g_strdup (_("the coordinates are not a list of positions (RFC 7946 §3.1)"));

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      char *problem = check (json_array_get_element (array, i));

      if (problem != NULL)
        return problem;
    }

  return NULL;
}

static char *
check_points (JsonNode *node)
{
  return check_each (node, check_position);
}

static char *
check_polygon (JsonNode *node)
{
  return check_each (node, check_ring);
}

static char *
check_lines (JsonNode *node)
{
  return check_each (node, check_line);
}

static char *
check_polygons (JsonNode *node)
{
  return check_each (node, check_polygon);
}

static char *
check_geometry (JsonNode *node,
                guint     depth)
{
  static const struct { const char *type; CheckFunc check; } types[] = {
    { "Point", check_position },
    { "MultiPoint", check_points },
    { "LineString", check_line },
    { "MultiLineString", check_lines },
    { "Polygon", check_polygon },
    { "MultiPolygon", check_polygons },
  };
  JsonObject *object;
  JsonNode *coordinates;
  const char *type;

  if (JSON_NODE_HOLDS_NULL (node))
    return NULL; /* an unlocated feature (§3.2) */
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return g_strdup (_("the geometry is neither an object nor null (RFC 7946 §3.2)"));

  object = json_node_get_object (node);
  type = json_object_get_string_member_with_default (object, "type", NULL);
  if (type == NULL)
    return g_strdup (_("the geometry has no “type” (RFC 7946 §3.1)"));

  if (g_str_equal (type, "GeometryCollection"))
    {
      JsonNode *geometries = json_object_get_member (object, "geometries");

      if (depth >= MAX_COLLECTION_DEPTH)
        return g_strdup (_("GeometryCollections are nested too deeply (RFC 7946 §3.1.8)"));
      if (geometries == NULL || !JSON_NODE_HOLDS_ARRAY (geometries))
        return g_strdup (_("a GeometryCollection has no “geometries” list (RFC 7946 §3.1.8)"));
      for (guint i = 0; i < json_array_get_length (json_node_get_array (geometries)); i++)
        {
          char *problem = check_geometry (json_array_get_element (json_node_get_array (geometries), i),
                                          depth + 1);

          if (problem != NULL)
            return problem;
        }
      return NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      if (!g_str_equal (type, types[i].type))
        continue;

      coordinates = json_object_get_member (object, "coordinates");
      if (coordinates == NULL)
        return g_strdup (_("the geometry has no “coordinates” (RFC 7946 §3.1)"));
      return types[i].check (coordinates);
    }

  /* Translators: %s is the type the file gives, e.g. "Circle" */
  return g_strdup_printf (_("“%s” is not a GeoJSON geometry type (RFC 7946 §1.4)"), type);
}

static char *
feature_id (JsonObject *feature)
{
  JsonNode *properties = json_object_get_member (feature, "properties");
  JsonNode *id = NULL;

  /* The program's data keeps its ids among the properties; RFC 7946 beside them. */
  if (properties != NULL && JSON_NODE_HOLDS_OBJECT (properties))
    id = json_object_get_member (json_node_get_object (properties), "id");
  if (id == NULL || !JSON_NODE_HOLDS_VALUE (id))
    id = json_object_get_member (feature, "id");
  if (id == NULL || !JSON_NODE_HOLDS_VALUE (id))
    return NULL;

  if (json_node_get_value_type (id) == G_TYPE_STRING)
    return g_utf8_make_valid (json_node_get_string (id), -1);
  if (json_node_get_value_type (id) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (id));

  return NULL;
}

/* @ordinal counts the objects of the list, as GDAL numbers the features it reads. */
static void
check_feature (JsonObject *feature,
               guint       ordinal,
               const char *display,
               LsmCatalog *problems)
{
  g_autofree char *id = feature_id (feature);
  g_autofree char *what = _lsm_loader_describe_feature (ordinal, id);
  g_autofree char *problem = NULL;
  JsonNode *geometry = json_object_get_member (feature, "geometry");

  if (g_strcmp0 (json_object_get_string_member_with_default (feature, "type", NULL), "Feature") != 0)
    problem = g_strdup (_("its “type” is not “Feature” (RFC 7946 §3.2)"));
  else if (geometry == NULL)
    problem = g_strdup (_("it has no “geometry”; a feature without a location has “geometry”: null (RFC 7946 §3.2)"));
  else
    problem = check_geometry (geometry, 0);

  if (problem != NULL)
    /* Translators: "feature 3 (kcn-x) breaks a rule of GeoJSON: a LineString needs …" */
    _lsm_catalog_add_problem (problems, display, _("%s breaks a rule of GeoJSON: %s"), what, problem);
}

/**
 * _lsm_geojson_check_rules:
 * @path: a file GDAL has read
 * @display: its name in messages
 * @problems: where the problems go
 *
 * Adds one problem per feature that breaks a rule of RFC 7946, and one for a collection with
 * nothing in it. Files that are not GeoJSON, or too large, are left to GDAL's checks.
 */
void
_lsm_geojson_check_rules (const char *path,
                          const char *display,
                          LsmCatalog *problems)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *object;
  JsonNode *features;
  const char *type;
  char head[256] = "";
  GStatBuf st;

  if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode) || st.st_size > MAX_CHECKED_SIZE)
    return;

  /* GDAL has opened it, so it is a regular file that can be read; is it JSON? */
  _lsm_loader_read_head (path, head, sizeof head);
  if (*g_strchug (head) != '{')
    return;

  if ((root = load_file (path, &error)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_debug ("Not checking the GeoJSON rules of %s: %s", display, error ? error->message : "not an object");
      return;
    }

  object = json_node_get_object (root);
  type = json_object_get_string_member_with_default (object, "type", "");
  if (g_str_equal (type, "Feature"))
    {
      check_feature (object, 1, display, problems);
      return;
    }
  if (!g_str_equal (type, "FeatureCollection"))
    {
      _lsm_catalog_add_problem (problems, display,
                                _("the file is not a FeatureCollection or a Feature (RFC 7946 §3)"));
      return;
    }

  features = json_object_get_member (object, "features");
  if (features == NULL || !JSON_NODE_HOLDS_ARRAY (features))
    {
      _lsm_catalog_add_problem (problems, display, _("its “features” are not a list (RFC 7946 §3.3)"));
      return;
    }

  if (json_array_get_length (json_node_get_array (features)) == 0)
    {
      _lsm_catalog_add_problem (problems, display,
                                _("the FeatureCollection has no features: there is nothing to show"));
      return;
    }

  for (guint i = 0, ordinal = 0; i < json_array_get_length (json_node_get_array (features)); i++)
    {
      JsonNode *node = json_array_get_element (json_node_get_array (features), i);

      if (JSON_NODE_HOLDS_OBJECT (node))
        check_feature (json_node_get_object (node), ++ordinal, display, problems);
      else
        /* Translators: %u is a position in the file's list of features, from 1 */
        _lsm_catalog_add_problem (problems, display,
                                  _("entry %u of “features” is not a Feature object (RFC 7946 §3.2)"), i + 1);
    }
}
