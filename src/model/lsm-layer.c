/* lsm-layer.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-layer"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "lsm-catalog-private.h"
#include "lsm-layer.h"

/* One source the user sees: the bundled data or a file of their own, with what it holds, what
 * could not be read in it and whether it is shown. Every view shows the merge of the visible
 * layers, so a layer is never a special case for the list, the filter, print or export. */

struct _LsmLayer
{
  GObject     parent_instance;

  char       *path;     /* NULL for the bundled data */
  char       *title;
  LsmCatalog *catalog;
  gboolean    visible;
};

G_DEFINE_FINAL_TYPE (LsmLayer, lsm_layer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_CATALOG,
  PROP_VISIBLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
lsm_layer_finalize (GObject *object)
{
  LsmLayer *self = (LsmLayer *) object;

  g_free (self->path);
  g_free (self->title);
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (lsm_layer_parent_class)->finalize (object);
}

static void
lsm_layer_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  LsmLayer *self = LSM_LAYER (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;

    case PROP_VISIBLE:
      g_value_set_boolean (value, self->visible);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lsm_layer_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  LsmLayer *self = LSM_LAYER (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      lsm_layer_set_catalog (self, g_value_get_object (value));
      break;

    case PROP_VISIBLE:
      lsm_layer_set_visible (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lsm_layer_class_init (LsmLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lsm_layer_finalize;
  object_class->get_property = lsm_layer_get_property;
  object_class->set_property = lsm_layer_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL, LSM_TYPE_CATALOG,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_VISIBLE] =
    g_param_spec_boolean ("visible", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lsm_layer_init (LsmLayer *self)
{
  self->visible = TRUE;
}

/**
 * lsm_layer_new:
 * @path: (nullable): the file the layer was read from, %NULL for the bundled data
 * @catalog: what it holds
 *
 * Returns: (transfer full): a new visible layer
 */
LsmLayer *
lsm_layer_new (const char *path,
               LsmCatalog *catalog)
{
  LsmLayer *self = g_object_new (LSM_TYPE_LAYER, "catalog", catalog, NULL);

  self->path = g_strdup (path);
  self->title = path != NULL ? g_filename_display_basename (path) : g_strdup (_("Lạng Sơn data"));

  return self;
}

const char *
lsm_layer_get_path (LsmLayer *self)
{
  g_return_val_if_fail (LSM_IS_LAYER (self), NULL);

  return self->path;
}

const char *
lsm_layer_get_title (LsmLayer *self)
{
  g_return_val_if_fail (LSM_IS_LAYER (self), NULL);

  return self->title;
}

LsmCatalog *
lsm_layer_get_catalog (LsmLayer *self)
{
  g_return_val_if_fail (LSM_IS_LAYER (self), NULL);

  return self->catalog;
}

/**
 * lsm_layer_set_catalog:
 * @self: a layer
 * @catalog: what the layer's file holds now
 *
 * Replaces what the layer holds, as when its file is read again.
 */
void
lsm_layer_set_catalog (LsmLayer   *self,
                       LsmCatalog *catalog)
{
  g_return_if_fail (LSM_IS_LAYER (self));
  g_return_if_fail (LSM_IS_CATALOG (catalog));

  if (g_set_object (&self->catalog, catalog))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATALOG]);
}

gboolean
lsm_layer_get_visible (LsmLayer *self)
{
  g_return_val_if_fail (LSM_IS_LAYER (self), FALSE);

  return self->visible;
}

void
lsm_layer_set_visible (LsmLayer *self,
                       gboolean  visible)
{
  g_return_if_fail (LSM_IS_LAYER (self));

  visible = !!visible;
  if (self->visible == visible)
    return;

  self->visible = visible;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE]);
}

guint
lsm_layer_get_n_features (LsmLayer *self)
{
  g_return_val_if_fail (LSM_IS_LAYER (self), 0);

  return g_list_model_get_n_items (lsm_catalog_get_sites (self->catalog));
}

guint
lsm_layer_get_n_problems (LsmLayer *self)
{
  g_return_val_if_fail (LSM_IS_LAYER (self), 0);

  return g_strv_length ((char **) lsm_catalog_get_problems (self->catalog));
}

gboolean
lsm_layer_is_bundled (LsmLayer *self)
{
  g_return_val_if_fail (LSM_IS_LAYER (self), FALSE);

  return self->path == NULL;
}

static void
append_items (GPtrArray  *to,
              GListModel *from)
{
  for (guint i = 0; i < g_list_model_get_n_items (from); i++)
    g_ptr_array_add (to, g_list_model_get_item (from, i));
}

/**
 * lsm_layer_merge:
 * @layers: (element-type LsmLayer): the layers, the bundled data first if it is loaded
 *
 * What every view shows: the sites of the visible layers, on the boundaries, sources and
 * province figures of the first layer (the bundled data, shown or not), with the problems of
 * every layer.
 *
 * Returns: (transfer full): a new catalog
 */
LsmCatalog *
lsm_layer_merge (GListModel *layers)
{
  LsmCatalog *merged = lsm_catalog_new ();
  g_autoptr(GPtrArray) sites = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(LsmLayer) first = NULL;
  guint n = g_list_model_get_n_items (layers);

  g_return_val_if_fail (G_IS_LIST_MODEL (layers), merged);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LsmLayer) layer = g_list_model_get_item (layers, i);

      if (layer->visible)
        append_items (sites, lsm_catalog_get_sites (layer->catalog));
      /* Each line already names its file: "FILE: problem". */
      for (const char * const *p = lsm_catalog_get_problems (layer->catalog); *p != NULL; p++)
        {
          const char *colon = strstr (*p, ": ");
          g_autofree char *file = colon ? g_strndup (*p, colon - *p) : g_strdup (layer->title);

          _lsm_catalog_add_problem (merged, file, "%s", colon ? colon + 2 : *p);
        }
      _lsm_catalog_add_skipped (merged, lsm_catalog_get_n_skipped (layer->catalog));
    }
  _lsm_catalog_set_sites (merged, sites, NULL);

  if (n > 0)
    {
      LsmCatalog *base;
      g_autoptr(GPtrArray) districts = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GPtrArray) context = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GPtrArray) aggregates = g_ptr_array_new_with_free_func (g_object_unref);

      first = g_list_model_get_item (layers, 0);
      base = first->catalog;
      append_items (districts, lsm_catalog_get_districts (base));
      append_items (context, lsm_catalog_get_context (base));
      append_items (sources, lsm_catalog_get_sources (base));
      append_items (sources, lsm_catalog_get_crosschecks (base));
      append_items (aggregates, lsm_catalog_get_aggregates (base));
      _lsm_catalog_set_districts (merged, districts, NULL);
      _lsm_catalog_set_context (merged, context);
      _lsm_catalog_set_sources (merged, sources);
      _lsm_catalog_set_aggregates (merged, aggregates, NULL);
      if (lsm_catalog_get_province_outline (base) != NULL)
        _lsm_catalog_set_province (merged, lsm_catalog_get_province_outline (base));
    }

  return merged;
}
