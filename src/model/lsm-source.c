/* lsm-source.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-source"

#include "config.h"

#include <glib/gi18n.h>

#include "lsm-source-private.h"

G_DEFINE_FINAL_TYPE (LsmSource, lsm_source, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
lsm_source_finalize (GObject *object)
{
  LsmSource *self = (LsmSource *) object;

  g_free (self->id);
  g_free (self->title);
  g_free (self->outlet);
  lsm_text_clear (&self->outlet_note);
  g_free (self->author);
  g_free (self->date);
  g_free (self->date_printed);
  lsm_text_clear (&self->date_note);
  g_free (self->file);

  G_OBJECT_CLASS (lsm_source_parent_class)->finalize (object);
}

static void
lsm_source_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  LsmSource *self = LSM_SOURCE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, lsm_source_get_id (self));
      break;

    case PROP_TITLE:
      g_value_set_string (value, lsm_source_get_title (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lsm_source_class_init (LsmSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lsm_source_finalize;
  object_class->get_property = lsm_source_get_property;

  /**
   * LsmSource:id:
   *
   * The id figures cite.
   */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * LsmSource:title:
   *
   * The article's title as printed.
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lsm_source_init (LsmSource *self)
{
}

LsmSource *
_lsm_source_new (void)
{
  return g_object_new (LSM_TYPE_SOURCE, NULL);
}

const char *
lsm_source_get_id (LsmSource *self)
{
  g_return_val_if_fail (LSM_IS_SOURCE (self), NULL);

  return self->id;
}

/**
 * lsm_source_kind_from_id:
 * @id: "article" or "crosscheck"
 * @kind: (out): the kind
 *
 * Returns: whether @id names a kind
 */
gboolean
lsm_source_kind_from_id (const char    *id,
                         LsmSourceKind *kind)
{
  if (g_strcmp0 (id, "article") == 0)
    *kind = LSM_SOURCE_ARTICLE;
  else if (g_strcmp0 (id, "crosscheck") == 0)
    *kind = LSM_SOURCE_CROSSCHECK;
  else
    return FALSE;

  return TRUE;
}

LsmSourceKind
lsm_source_get_kind (LsmSource *self)
{
  g_return_val_if_fail (LSM_IS_SOURCE (self), LSM_SOURCE_ARTICLE);

  return self->kind;
}

const char *
lsm_source_get_title (LsmSource *self)
{
  g_return_val_if_fail (LSM_IS_SOURCE (self), NULL);

  return self->title;
}

const char *
lsm_source_get_outlet (LsmSource *self)
{
  g_return_val_if_fail (LSM_IS_SOURCE (self), NULL);

  return self->outlet;
}

gboolean
lsm_source_get_outlet_inferred (LsmSource *self)
{
  g_return_val_if_fail (LSM_IS_SOURCE (self), FALSE);

  return self->outlet_inferred;
}

const char *
lsm_source_get_outlet_note (LsmSource *self)
{
  g_return_val_if_fail (LSM_IS_SOURCE (self), NULL);

  return lsm_text_get (&self->outlet_note);
}

const char *
lsm_source_get_author (LsmSource *self)
{
  g_return_val_if_fail (LSM_IS_SOURCE (self), NULL);

  return self->author;
}

const char *
lsm_source_get_date (LsmSource *self)
{
  g_return_val_if_fail (LSM_IS_SOURCE (self), NULL);

  return self->date;
}

const char *
lsm_source_get_date_printed (LsmSource *self)
{
  g_return_val_if_fail (LSM_IS_SOURCE (self), NULL);

  return self->date_printed;
}

const char *
lsm_source_get_date_note (LsmSource *self)
{
  g_return_val_if_fail (LSM_IS_SOURCE (self), NULL);

  return lsm_text_get (&self->date_note);
}

const char *
lsm_source_get_file (LsmSource *self)
{
  g_return_val_if_fail (LSM_IS_SOURCE (self), NULL);

  return self->file;
}

/**
 * lsm_source_format_citation:
 * @self: a source
 *
 * Returns: (transfer full): "Title", outlet, date — with inferred parts marked
 */
char *
lsm_source_format_citation (LsmSource *self)
{
  g_autofree char *outlet = NULL;
  g_autofree char *date = NULL;

  g_return_val_if_fail (LSM_IS_SOURCE (self), NULL);

  if (self->outlet == NULL)
    outlet = g_strdup (_("outlet not printed"));
  else if (self->outlet_inferred)
    /* Translators: an outlet the article does not print, inferred by the curators */
    outlet = g_strdup_printf (_("%s (inferred)"), self->outlet);
  else
    outlet = g_strdup (self->outlet);

  /* An outside database is not dated like an article: saying so for each would be noise. */
  if (self->date == NULL && self->kind == LSM_SOURCE_CROSSCHECK)
    /* Translators: a citation of an outside record: “title”, publisher */
    return g_strdup_printf (_("“%s”, %s"), self->title, outlet);

  if (self->date != NULL)
    date = g_strdup (self->date);
  else
    date = g_strdup (_("date not printed"));

  /* Translators: a citation: “title”, outlet, date */
  return g_strdup_printf (_("“%s”, %s, %s"), self->title, outlet, date);
}
