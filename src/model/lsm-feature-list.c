/* lsm-feature-list.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-feature-list"

#include "config.h"

#include "lsm-feature.h"
#include "lsm-feature-list.h"

/* The catalog's layers as a GListModel over one array: a GListStore keeps a tree node per item,
 * which for a million sites costs more than many of the sites themselves, and finds an item in
 * O(log n) where an array needs O(1). Layers are replaced whole, never edited. */

struct _LsmFeatureList
{
  GObject    parent_instance;

  GPtrArray *items;  /* LsmFeature, owned */
};

static GType
lsm_feature_list_get_item_type (GListModel *model)
{
  return LSM_TYPE_FEATURE;
}

static guint
lsm_feature_list_get_n_items (GListModel *model)
{
  return LSM_FEATURE_LIST (model)->items->len;
}

static gpointer
lsm_feature_list_get_item (GListModel *model,
                           guint       position)
{
  LsmFeatureList *self = LSM_FEATURE_LIST (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
lsm_feature_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = lsm_feature_list_get_item_type;
  iface->get_n_items = lsm_feature_list_get_n_items;
  iface->get_item = lsm_feature_list_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (LsmFeatureList, lsm_feature_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, lsm_feature_list_model_init))

static void
lsm_feature_list_finalize (GObject *object)
{
  LsmFeatureList *self = (LsmFeatureList *) object;

  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (lsm_feature_list_parent_class)->finalize (object);
}

static void
lsm_feature_list_class_init (LsmFeatureListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lsm_feature_list_finalize;
}

static void
lsm_feature_list_init (LsmFeatureList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

LsmFeatureList *
lsm_feature_list_new (void)
{
  return g_object_new (LSM_TYPE_FEATURE_LIST, NULL);
}

/**
 * lsm_feature_list_set:
 * @self: a list
 * @features: (element-type LsmFeature): the new items, referenced
 *
 * Replaces every item with @features, in one items-changed.
 */
void
lsm_feature_list_set (LsmFeatureList *self,
                      GPtrArray      *features)
{
  g_autoptr(GPtrArray) old = NULL;
  guint removed;

  g_return_if_fail (LSM_IS_FEATURE_LIST (self));
  g_return_if_fail (features != NULL);

  old = g_steal_pointer (&self->items);
  removed = old->len;
  self->items = g_ptr_array_new_full (features->len, g_object_unref);
  for (guint i = 0; i < features->len; i++)
    g_ptr_array_add (self->items, g_object_ref (g_ptr_array_index (features, i)));

  if (removed > 0 || features->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, features->len);
}

/**
 * lsm_feature_list_peek:
 * @self: a list
 * @position: an item's position
 *
 * Returns: (transfer none): the item, without the reference g_list_model_get_item() takes:
 *   for loops over every site
 */
LsmFeature *
lsm_feature_list_peek (LsmFeatureList *self,
                       guint           position)
{
  g_return_val_if_fail (LSM_IS_FEATURE_LIST (self), NULL);
  g_return_val_if_fail (position < self->items->len, NULL);

  return g_ptr_array_index (self->items, position);
}
