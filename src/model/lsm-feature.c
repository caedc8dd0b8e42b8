/* lsm-feature.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-feature"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "lsm-feature-private.h"
#include "lsm-figure.h"
#include "lsm-geometry.h"
#include "lsm-vocab.h"

G_DEFINE_FINAL_TYPE (LsmFeature, lsm_feature, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_NAME_EN,
  PROP_SECTOR,
  PROP_STATUS,
  PROP_DISTRICT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
lsm_feature_finalize (GObject *object)
{
  LsmFeature *self = (LsmFeature *) object;

  if (self->texts != NULL)
    lsm_text_store_unref (self->texts);
  else
    {
      g_free (self->id);
      g_free (self->name);
      g_free (self->name_en);
      g_free (self->full_name);
      lsm_text_clear (&self->coord_method);
      g_free (self->provenance);
      lsm_text_clear (&self->note);
    }
  g_free (self->search_key);
  g_clear_pointer ((LsmGeometry **) &self->geometry, lsm_geometry_unref);
  _lsm_feature_set_figures (self, NULL);
  if (self->extra != NULL)
    {
      g_clear_object (&self->extra->figures);
      g_clear_pointer (&self->extra->attributes, g_ptr_array_unref);
      g_clear_pointer (&self->extra, g_free);
    }
  g_clear_object (&self->unit_2025);

  G_OBJECT_CLASS (lsm_feature_parent_class)->finalize (object);
}

static void
lsm_feature_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  LsmFeature *self = LSM_FEATURE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, lsm_feature_get_id (self));
      break;

    case PROP_NAME:
      g_value_set_string (value, lsm_feature_get_name (self));
      break;

    case PROP_NAME_EN:
      g_value_set_string (value, lsm_feature_get_name_en (self));
      break;

    case PROP_SECTOR:
      g_value_set_uint (value, lsm_feature_get_sector (self));
      break;

    case PROP_STATUS:
      g_value_set_uint (value, lsm_feature_get_status (self));
      break;

    case PROP_DISTRICT:
      g_value_set_string (value, lsm_feature_get_district (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lsm_feature_class_init (LsmFeatureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lsm_feature_finalize;
  object_class->get_property = lsm_feature_get_property;

  /**
   * LsmFeature:id:
   *
   * The feature's id, unique within its kind.
   */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * LsmFeature:name:
   *
   * The Vietnamese name.
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * LsmFeature:name-en:
   *
   * The English name.
   */
  properties[PROP_NAME_EN] =
    g_param_spec_string ("name-en", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * LsmFeature:sector:
   *
   * The #LsmSector of a site: sectors can be added at run time, so there is no fixed maximum.
   */
  properties[PROP_SECTOR] =
    g_param_spec_uint ("sector", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * LsmFeature:status:
   *
   * The #LsmStatus of a site.
   */
  properties[PROP_STATUS] =
    g_param_spec_uint ("status", NULL, NULL, 0, LSM_N_STATUSES - 1, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * LsmFeature:district:
   *
   * The name of the district a site lies in.
   */
  properties[PROP_DISTRICT] =
    g_param_spec_string ("district", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lsm_feature_init (LsmFeature *self)
{
  self->status = LSM_STATUS_UNKNOWN;
  self->precision = LSM_PRECISION_UNKNOWN;
}

LsmFeature *
_lsm_feature_new (LsmFeatureKind kind)
{
  LsmFeature *self = g_object_new (LSM_TYPE_FEATURE, NULL);

  self->kind = kind;
  return self;
}

/* A site as the loader leaves it: its own strings in @texts, the store of its whole layer, rather
 * than one allocation each (each costs more in the allocator's bookkeeping than most of them
 * hold), and its point as two numbers rather than a geometry. Only before the feature is
 * published; its strings never change after this. */
void
_lsm_feature_compact (LsmFeature   *self,
                      LsmTextStore *texts)
{
  char **fields[] = {
    &self->id, &self->name, &self->name_en, &self->full_name, &self->provenance,
    &self->coord_method.vi, &self->coord_method.en, &self->note.vi, &self->note.en,
  };

  g_return_if_fail (self->texts == NULL);

  if (self->geometry != NULL && lsm_geometry_get_geometry_type (self->geometry) == LSM_GEOMETRY_POINT)
    {
      guint n;
      const double *p = lsm_geometry_get_ring (self->geometry, 0, &n);

      self->lon = p[0];
      self->lat = p[1];
      self->has_point = TRUE;
      g_clear_pointer ((LsmGeometry **) &self->geometry, lsm_geometry_unref);
    }

  self->texts = lsm_text_store_ref (texts);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    *fields[i] = lsm_text_store_take (texts, *fields[i]);
}

/* Made on the first need: the panel asks for a site's figures on the main thread only. */
LsmFeatureExtra *
_lsm_feature_get_extra (LsmFeature *self)
{
  if (self->extra == NULL)
    self->extra = g_new0 (LsmFeatureExtra, 1);

  return self->extra;
}

/* The figures as an array of @n_figures (optional), whether or not they needed one. */
LsmFigure * const *
_lsm_feature_peek_figures (LsmFeature *self,
                           guint      *n_figures)
{
  if (n_figures != NULL)
    *n_figures = self->n_figures;
  if (self->n_figures == 1)
    return (LsmFigure * const *) &self->figure_list;

  return self->figure_list;
}

LsmFeatureKind
lsm_feature_get_kind (LsmFeature *self)
{
  g_return_val_if_fail (LSM_IS_FEATURE (self), LSM_FEATURE_SITE);

  return self->kind;
}

const char *
lsm_feature_get_id (LsmFeature *self)
{
  g_return_val_if_fail (LSM_IS_FEATURE (self), NULL);

  return self->id;
}

const char *
lsm_feature_get_name (LsmFeature *self)
{
  g_return_val_if_fail (LSM_IS_FEATURE (self), NULL);

  return self->name;
}

const char *
lsm_feature_get_name_en (LsmFeature *self)
{
  g_return_val_if_fail (LSM_IS_FEATURE (self), NULL);

  return self->name_en;
}

const char *
lsm_feature_get_full_name (LsmFeature *self)
{
  g_return_val_if_fail (LSM_IS_FEATURE (self), NULL);

  return self->full_name;
}

LsmSector
lsm_feature_get_sector (LsmFeature *self)
{
  g_return_val_if_fail (LSM_IS_FEATURE (self), 0);

  return self->sector;
}

const char *
lsm_feature_get_subtype (LsmFeature *self)
{
  g_return_val_if_fail (LSM_IS_FEATURE (self), NULL);

  return self->subtype;
}

LsmStatus
lsm_feature_get_status (LsmFeature *self)
{
  g_return_val_if_fail (LSM_IS_FEATURE (self), LSM_STATUS_UNKNOWN);

  return self->status;
}

const char *
lsm_feature_get_district (LsmFeature *self)
{
  g_return_val_if_fail (LSM_IS_FEATURE (self), NULL);

  return self->district;
}

const char *
lsm_feature_get_commune (LsmFeature *self)
{
  g_return_val_if_fail (LSM_IS_FEATURE (self), NULL);

  return self->commune;
}

LsmPrecision
lsm_feature_get_precision (LsmFeature *self)
{
  g_return_val_if_fail (LSM_IS_FEATURE (self), LSM_PRECISION_UNKNOWN);

  return self->precision;
}

/**
 * lsm_feature_get_coord_method:
 * @self: a site
 *
 * Returns: (nullable): how the point was found, in the interface's language when the data has it
 */
const char *
lsm_feature_get_coord_method (LsmFeature *self)
{
  g_return_val_if_fail (LSM_IS_FEATURE (self), NULL);

  return lsm_text_get (&self->coord_method);
}

/**
 * lsm_feature_get_provenance:
 * @self: a site
 *
 * Returns: (nullable): where the coordinate comes from, as citations (addresses, repositories,
 *   commits) for whoever audits the data; not translated
 */
const char *
lsm_feature_get_provenance (LsmFeature *self)
{
  g_return_val_if_fail (LSM_IS_FEATURE (self), NULL);

  return self->provenance;
}

/**
 * lsm_feature_get_note:
 * @self: a site
 *
 * Returns: (nullable): the curators' note, in the interface's language when the data has it
 */
const char *
lsm_feature_get_note (LsmFeature *self)
{
  g_return_val_if_fail (LSM_IS_FEATURE (self), NULL);

  return lsm_text_get (&self->note);
}

double
lsm_feature_get_area_km2 (LsmFeature *self)
{
  g_return_val_if_fail (LSM_IS_FEATURE (self), 0.0);

  return self->extra != NULL ? self->extra->area_km2 : 0.0;
}

/**
 * lsm_feature_get_figures:
 * @self: a feature
 *
 * Returns: (transfer none): a #GListModel of #LsmFigure
 */
GListModel *
lsm_feature_get_figures (LsmFeature *self)
{
  g_return_val_if_fail (LSM_IS_FEATURE (self), NULL);

  /* A GListStore per feature is costly for 100k sites; only the features a view shows need one. */
  if (_lsm_feature_get_extra (self)->figures == NULL)
    {
      guint n;
      LsmFigure * const *figures = _lsm_feature_peek_figures (self, &n);

      self->extra->figures = g_list_store_new (LSM_TYPE_FIGURE);
      g_list_store_splice (self->extra->figures, 0, 0, (gpointer *) figures, n);
    }

  return G_LIST_MODEL (self->extra->figures);
}

/* Takes @figures (nullable: most sites of a large set have none, and an empty array per site
 * adds up), and keeps only its items: a GPtrArray's own struct would cost a site more than its
 * figure's pointer. Only before the feature is published. */
void
_lsm_feature_set_figures (LsmFeature *self,
                          GPtrArray  *figures)
{
  guint n;
  LsmFigure * const *old = _lsm_feature_peek_figures (self, &n);

  for (guint i = 0; i < n; i++)
    g_object_unref (old[i]);
  if (n > 1)
    g_free (self->figure_list);
  self->figure_list = NULL;
  self->n_figures = 0;
  if (self->extra != NULL)
    g_clear_object (&self->extra->figures);

  /* Most sites have one figure: it needs no array. */
  if (figures != NULL && figures->len == 1)
    {
      self->figure_list = g_ptr_array_steal_index (figures, 0);
      self->n_figures = 1;
    }
  else if (figures != NULL && figures->len > 1)
    {
      gsize len;

      g_ptr_array_set_free_func (figures, NULL);
      self->figure_list = g_ptr_array_steal (figures, &len);
      self->figure_list = g_renew (LsmFigure *, self->figure_list, len);
      self->n_figures = len;
    }
  g_clear_pointer (&figures, g_ptr_array_unref);
}

void
_lsm_feature_add_attribute (LsmFeature *self,
                            const char *name,
                            const char *value)
{
  LsmFeatureExtra *extra = _lsm_feature_get_extra (self);

  if (extra->attributes == NULL)
    extra->attributes = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (extra->attributes, g_strdup (name));
  g_ptr_array_add (extra->attributes, g_strdup (value));
}

/**
 * lsm_feature_is_imported:
 * @self: a feature
 *
 * Returns: %TRUE for a feature of a user's own file, which cites no article
 */
gboolean
lsm_feature_is_imported (LsmFeature *self)
{
  g_return_val_if_fail (LSM_IS_FEATURE (self), FALSE);

  return self->imported;
}

/**
 * lsm_feature_get_n_attributes:
 * @self: a feature
 *
 * Returns: how many columns of a user's file the feature shows as they are
 */
guint
lsm_feature_get_n_attributes (LsmFeature *self)
{
  g_return_val_if_fail (LSM_IS_FEATURE (self), 0);

  return self->extra != NULL && self->extra->attributes != NULL ? self->extra->attributes->len / 2 : 0;
}

/**
 * lsm_feature_get_attribute:
 * @self: a feature
 * @index: from 0 to lsm_feature_get_n_attributes() - 1
 * @value: (out) (transfer none): the column's value
 *
 * Returns: (transfer none): the column's name, as the file spells it
 */
const char *
lsm_feature_get_attribute (LsmFeature  *self,
                           guint        index,
                           const char **value)
{
  g_return_val_if_fail (LSM_IS_FEATURE (self), NULL);
  g_return_val_if_fail (index < lsm_feature_get_n_attributes (self), NULL);

  *value = g_ptr_array_index (self->extra->attributes, 2 * index + 1);
  return g_ptr_array_index (self->extra->attributes, 2 * index);
}

/**
 * lsm_feature_get_unit_2025:
 * @self: a site
 *
 * Returns: (transfer none) (nullable): the commune-level unit of 2025 the site lies in, for a
 *   located site of a catalog that has the 2025 units
 */
LsmFeature *
lsm_feature_get_unit_2025 (LsmFeature *self)
{
  g_return_val_if_fail (LSM_IS_FEATURE (self), NULL);

  return self->unit_2025;
}

/**
 * lsm_feature_get_district_label:
 * @self: a site
 *
 * Returns: (transfer none): the site's district, or what a list says in its place: a site with
 *   a location outside every district is not one whose location is unknown
 */
const char *
lsm_feature_get_district_label (LsmFeature *self)
{
  g_return_val_if_fail (LSM_IS_FEATURE (self), NULL);

  if (self->district != NULL)
    return self->district;

  return lsm_feature_has_location (self) ? C_("district", "outside the province")
                                         : C_("district", "location unknown");
}
