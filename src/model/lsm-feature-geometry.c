/* lsm-feature-geometry.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-feature"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "lsm-feature-private.h"
#include "lsm-geometry.h"
#include "lsm-vocab.h"

/* Where a feature is: a site's point (kept as two numbers, a geometry made only when asked for),
 * a district's label point, a user's lines and areas, and what their size is in words. */

/**
 * lsm_feature_get_location:
 * @self: a site
 * @lon: (out) (optional): longitude
 * @lat: (out) (optional): latitude
 *
 * Returns: %TRUE if the site has a point on the map
 */
gboolean
lsm_feature_get_location (LsmFeature *self,
                          double     *lon,
                          double     *lat)
{
  guint n;
  const double *p;

  g_return_val_if_fail (LSM_IS_FEATURE (self), FALSE);

  if (self->has_point)
    {
      if (lon != NULL)
        *lon = self->lon;
      if (lat != NULL)
        *lat = self->lat;
      return TRUE;
    }

  if (self->geometry == NULL
      || lsm_geometry_get_geometry_type (self->geometry) != LSM_GEOMETRY_POINT)
    return FALSE;

  p = lsm_geometry_get_ring (self->geometry, 0, &n);
  if (lon != NULL)
    *lon = p[0];
  if (lat != NULL)
    *lat = p[1];

  return TRUE;
}

/**
 * lsm_feature_get_label_point:
 * @self: a district
 * @lon: (out) (optional): longitude
 * @lat: (out) (optional): latitude
 *
 * Returns: %TRUE if the feature has a point for its label
 */
gboolean
lsm_feature_get_label_point (LsmFeature *self,
                             double     *lon,
                             double     *lat)
{
  g_return_val_if_fail (LSM_IS_FEATURE (self), FALSE);

  if (!self->has_label_point)
    return lsm_feature_get_location (self, lon, lat);

  if (lon != NULL)
    *lon = self->lon;
  if (lat != NULL)
    *lat = self->lat;

  return TRUE;
}

/**
 * lsm_feature_get_geometry:
 * @self: a feature
 *
 * Returns: (transfer none) (nullable): the geometry, %NULL for a site with no known location
 */
LsmGeometry *
lsm_feature_get_geometry (LsmFeature *self)
{
  LsmGeometry *geometry;

  g_return_val_if_fail (LSM_IS_FEATURE (self), NULL);

  geometry = g_atomic_pointer_get (&self->geometry);
  if (geometry == NULL && self->has_point)
    {
      /* Features are shared between threads: the loser of a race drops its copy. */
      geometry = lsm_geometry_new_point (self->lon, self->lat);
      if (!g_atomic_pointer_compare_and_exchange (&self->geometry, NULL, geometry))
        {
          lsm_geometry_unref (geometry);
          geometry = g_atomic_pointer_get (&self->geometry);
        }
    }

  return geometry;
}

/* Three significant digits: a drawn shape's size is no more precise than the drawing. */
static double
round_significant (double value)
{
  double scale;

  if (value <= 0)
    return 0;
  scale = pow (10, floor (log10 (value)) - 2);
  return round (value / scale) * scale;
}

/**
 * lsm_feature_has_shape:
 * @self: a site
 *
 * Whether the site is a line or an area (a user's own layer may hold them), without making a
 * geometry for a site that only has a point: scenes ask this of every site.
 *
 * Returns: %TRUE for a site drawn as a line or an area
 */
gboolean
lsm_feature_has_shape (LsmFeature *self)
{
  g_return_val_if_fail (LSM_IS_FEATURE (self), FALSE);

  return !self->has_point && self->geometry != NULL
         && lsm_geometry_get_geometry_type (self->geometry) != LSM_GEOMETRY_POINT;
}

/**
 * lsm_feature_has_location:
 * @self: a site
 *
 * Returns: whether the site is somewhere on the map: a point, a line or an area
 */
gboolean
lsm_feature_has_location (LsmFeature *self)
{
  return lsm_feature_get_location (self, NULL, NULL) || lsm_feature_has_shape (self);
}

/**
 * lsm_feature_describe_shape:
 * @self: a site
 *
 * Returns: (transfer full) (nullable): what a site drawn as a line or an area is, with its
 *   length or area ("An area of 35.2 ha", "A line 2.45 km long"); %NULL for a point or no
 *   location
 */
char *
lsm_feature_describe_shape (LsmFeature *self)
{
  g_autofree char *size = NULL;
  double area;

  g_return_val_if_fail (LSM_IS_FEATURE (self), NULL);

  if (self->geometry == NULL)
    return NULL;

  switch (lsm_geometry_get_geometry_type (self->geometry))
    {
    case LSM_GEOMETRY_LINES:
      size = lsm_format_quantity (round_significant (lsm_geometry_get_length_m (self->geometry) / 1000),
                                  NULL, NULL, "km", LSM_QUALIFIER_NONE);
      /* Translators: %s is a length, "2.45 km" */
      return g_strdup_printf (_("A line %s long"), size);

    case LSM_GEOMETRY_POLYGONS:
      area = lsm_geometry_get_area_m2 (self->geometry);
      /* Hectares up to a square kilometre, as the press writes the areas of zones. */
      if (area >= 1e6)
        size = lsm_format_quantity (round_significant (area / 1e6), NULL, NULL, "km2", LSM_QUALIFIER_NONE);
      else
        size = lsm_format_quantity (round_significant (area / 1e4), NULL, NULL, "ha", LSM_QUALIFIER_NONE);
      /* Translators: %s is an area, "35.2 ha" or "4.1 km²" */
      return g_strdup_printf (_("An area of %s"), size);

    case LSM_GEOMETRY_POINT:
    default:
      return NULL;
    }
}
