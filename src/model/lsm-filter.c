/* lsm-filter.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-filter"

#include "config.h"

#include <glib/gi18n.h>

#include "lsm-feature.h"
#include "lsm-filter.h"
#include "lsm-search.h"
#include "lsm-vocab.h"

/* One filter state for every view: the map, the list, the legend counts, the printer and the
 * command line all ask it, so what is printed is what is shown. */
struct _LsmFilter
{
  GObject  parent_instance;

  guint    sectors;  /* bit per LsmSector */
  guint    statuses; /* bit per LsmStatus */
  char    *district;
  char    *search_text;
  char    *folded_search;
};

G_DEFINE_FINAL_TYPE (LsmFilter, lsm_filter, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SECTORS,
  PROP_STATUSES,
  PROP_DISTRICT,
  PROP_SEARCH_TEXT,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
lsm_filter_finalize (GObject *object)
{
  LsmFilter *self = (LsmFilter *) object;

  g_clear_pointer (&self->district, g_free);
  g_clear_pointer (&self->search_text, g_free);
  g_clear_pointer (&self->folded_search, g_free);

  G_OBJECT_CLASS (lsm_filter_parent_class)->finalize (object);
}

static void
lsm_filter_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  LsmFilter *self = LSM_FILTER (object);

  switch (prop_id)
    {
    case PROP_SECTORS:
      g_value_set_uint (value, lsm_filter_get_sectors (self));
      break;

    case PROP_STATUSES:
      g_value_set_uint (value, lsm_filter_get_statuses (self));
      break;

    case PROP_DISTRICT:
      g_value_set_string (value, lsm_filter_get_district (self));
      break;

    case PROP_SEARCH_TEXT:
      g_value_set_string (value, lsm_filter_get_search_text (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lsm_filter_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  LsmFilter *self = LSM_FILTER (object);

  switch (prop_id)
    {
    case PROP_SECTORS:
      lsm_filter_set_sectors (self, g_value_get_uint (value));
      break;

    case PROP_STATUSES:
      lsm_filter_set_statuses (self, g_value_get_uint (value));
      break;

    case PROP_DISTRICT:
      lsm_filter_set_district (self, g_value_get_string (value));
      break;

    case PROP_SEARCH_TEXT:
      lsm_filter_set_search_text (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lsm_filter_class_init (LsmFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lsm_filter_finalize;
  object_class->get_property = lsm_filter_get_property;
  object_class->set_property = lsm_filter_set_property;

  /**
   * LsmFilter:sectors:
   *
   * The visible sectors, one bit per #LsmSector.
   */
  properties[PROP_SECTORS] =
    g_param_spec_uint ("sectors", NULL, NULL, 0, LSM_FILTER_ALL_SECTORS, LSM_FILTER_ALL_SECTORS,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * LsmFilter:statuses:
   *
   * The visible statuses, one bit per #LsmStatus.
   */
  properties[PROP_STATUSES] =
    g_param_spec_uint ("statuses", NULL, NULL, 0, LSM_FILTER_ALL_STATUSES, LSM_FILTER_ALL_STATUSES,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * LsmFilter:district:
   *
   * The name of the only district whose sites are shown, or %NULL for all.
   */
  properties[PROP_DISTRICT] =
    g_param_spec_string ("district", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * LsmFilter:search-text:
   *
   * Text the sites' names must contain, ignoring case and diacritics.
   */
  properties[PROP_SEARCH_TEXT] =
    g_param_spec_string ("search-text", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LsmFilter::changed:
   *
   * Emitted once after any part of the filter changed.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
lsm_filter_init (LsmFilter *self)
{
  self->sectors = LSM_FILTER_ALL_SECTORS;
  self->statuses = LSM_FILTER_ALL_STATUSES;
}

LsmFilter *
lsm_filter_new (void)
{
  return g_object_new (LSM_TYPE_FILTER, NULL);
}

static void
changed (LsmFilter *self,
         guint      prop)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  g_signal_emit (self, signals[CHANGED], 0);
}

guint
lsm_filter_get_sectors (LsmFilter *self)
{
  g_return_val_if_fail (LSM_IS_FILTER (self), 0);

  return self->sectors;
}

void
lsm_filter_set_sectors (LsmFilter *self,
                        guint      sectors)
{
  g_return_if_fail (LSM_IS_FILTER (self));

  sectors &= LSM_FILTER_ALL_SECTORS;
  if (self->sectors == sectors)
    return;

  self->sectors = sectors;
  changed (self, PROP_SECTORS);
}

gboolean
lsm_filter_get_sector_visible (LsmFilter *self,
                               LsmSector  sector)
{
  g_return_val_if_fail (LSM_IS_FILTER (self), FALSE);
  g_return_val_if_fail (sector < LSM_N_SECTORS, FALSE);

  return (self->sectors & (1u << sector)) != 0;
}

void
lsm_filter_set_sector_visible (LsmFilter *self,
                               LsmSector  sector,
                               gboolean   visible)
{
  g_return_if_fail (LSM_IS_FILTER (self));
  g_return_if_fail (sector < LSM_N_SECTORS);

  if (visible)
    lsm_filter_set_sectors (self, self->sectors | (1u << sector));
  else
    lsm_filter_set_sectors (self, self->sectors & ~(1u << sector));
}

guint
lsm_filter_get_statuses (LsmFilter *self)
{
  g_return_val_if_fail (LSM_IS_FILTER (self), 0);

  return self->statuses;
}

void
lsm_filter_set_statuses (LsmFilter *self,
                         guint      statuses)
{
  g_return_if_fail (LSM_IS_FILTER (self));

  statuses &= LSM_FILTER_ALL_STATUSES;
  if (self->statuses == statuses)
    return;

  self->statuses = statuses;
  changed (self, PROP_STATUSES);
}

const char *
lsm_filter_get_district (LsmFilter *self)
{
  g_return_val_if_fail (LSM_IS_FILTER (self), NULL);

  return self->district;
}

void
lsm_filter_set_district (LsmFilter  *self,
                         const char *district)
{
  g_return_if_fail (LSM_IS_FILTER (self));

  if (district != NULL && *district == '\0')
    district = NULL;
  if (g_strcmp0 (self->district, district) == 0)
    return;

  g_free (self->district);
  self->district = g_strdup (district);
  changed (self, PROP_DISTRICT);
}

const char *
lsm_filter_get_search_text (LsmFilter *self)
{
  g_return_val_if_fail (LSM_IS_FILTER (self), NULL);

  return self->search_text;
}

/**
 * lsm_filter_get_folded_search:
 * @self: a filter
 *
 * Returns: (nullable): the search text folded with lsm_search_fold()
 */
const char *
lsm_filter_get_folded_search (LsmFilter *self)
{
  g_return_val_if_fail (LSM_IS_FILTER (self), NULL);

  return self->folded_search;
}

void
lsm_filter_set_search_text (LsmFilter  *self,
                            const char *text)
{
  g_return_if_fail (LSM_IS_FILTER (self));

  if (text != NULL && *text == '\0')
    text = NULL;
  if (g_strcmp0 (self->search_text, text) == 0)
    return;

  g_free (self->search_text);
  g_free (self->folded_search);
  self->search_text = g_strdup (text);
  self->folded_search = text != NULL ? lsm_search_fold (text) : NULL;
  changed (self, PROP_SEARCH_TEXT);
}

/**
 * lsm_filter_match:
 * @self: a filter
 * @feature: a site
 *
 * Returns: whether the site passes the sector, status, district and search filters
 */
gboolean
lsm_filter_match (LsmFilter  *self,
                  LsmFeature *feature)
{
  g_return_val_if_fail (LSM_IS_FILTER (self), FALSE);
  g_return_val_if_fail (LSM_IS_FEATURE (feature), FALSE);

  if ((self->sectors & (1u << lsm_feature_get_sector (feature))) == 0)
    return FALSE;
  if ((self->statuses & (1u << lsm_feature_get_status (feature))) == 0)
    return FALSE;
  if (self->district != NULL && g_strcmp0 (self->district, lsm_feature_get_district (feature)) != 0)
    return FALSE;

  return lsm_feature_matches (feature, self->folded_search);
}

typedef gboolean (*FromId) (const char *id, guint *value);

static gboolean
sector_from_id (const char *id,
                guint      *value)
{
  LsmSector sector;

  if (!lsm_sector_from_id (id, &sector))
    return FALSE;

  *value = sector;
  return TRUE;
}

static gboolean
status_from_id (const char *id,
                guint      *value)
{
  LsmStatus status;

  if (!lsm_status_from_id (id, &status))
    return FALSE;

  *value = status;
  return TRUE;
}

static gboolean
parse_list (const char  *list,
            FromId       from_id,
            const char  *unknown_format,
            guint       *mask,
            GError     **error)
{
  g_auto(GStrv) ids = g_strsplit (list, ",", -1);
  guint result = 0;

  for (guint i = 0; ids[i] != NULL; i++)
    {
      char *id = g_strstrip (ids[i]);
      guint value;

      if (*id == '\0')
        continue;
      if (!from_id (id, &value))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, unknown_format, id);
          return FALSE;
        }
      result |= 1u << value;
    }

  *mask = result;
  return TRUE;
}

/**
 * lsm_filter_parse_sectors:
 * @list: comma-separated sector ids
 * @sectors: (out): the sector bits
 * @error: return location for an error
 *
 * Returns: %FALSE if an id is not a sector
 */
gboolean
lsm_filter_parse_sectors (const char  *list,
                          guint       *sectors,
                          GError     **error)
{
  /* Translators: %s is what the user typed after --sector= */
  return parse_list (list, sector_from_id, _("Unknown sector “%s” (see --help for the list)"),
                     sectors, error);
}

/**
 * lsm_filter_parse_statuses:
 * @list: comma-separated status ids
 * @statuses: (out): the status bits
 * @error: return location for an error
 *
 * Returns: %FALSE if an id is not a status
 */
gboolean
lsm_filter_parse_statuses (const char  *list,
                           guint       *statuses,
                           GError     **error)
{
  /* Translators: %s is what the user typed after --status= */
  return parse_list (list, status_from_id, _("Unknown status “%s” (see --help for the list)"),
                     statuses, error);
}
