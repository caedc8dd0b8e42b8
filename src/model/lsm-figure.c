/* lsm-figure.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-figure"

#include "config.h"

#include <glib/gi18n.h>

#include "lsm-figure-private.h"
#include "lsm-vocab.h"

G_DEFINE_FINAL_TYPE (LsmFigure, lsm_figure, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_METRIC,
  PROP_STATUS,
  PROP_SOURCE_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
lsm_figure_finalize (GObject *object)
{
  LsmFigure *self = (LsmFigure *) object;

  if (self->texts != NULL)
    lsm_text_store_unref (self->texts);
  else
    {
      g_free (self->id);
      g_free (self->text);
      g_free (self->quote);
    }
  _lsm_figure_set_rare (self, NULL);

  G_OBJECT_CLASS (lsm_figure_parent_class)->finalize (object);
}

static void
lsm_figure_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  LsmFigure *self = LSM_FIGURE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, lsm_figure_get_id (self));
      break;

    case PROP_METRIC:
      g_value_set_string (value, lsm_figure_get_metric (self));
      break;

    case PROP_STATUS:
      g_value_set_uint (value, lsm_figure_get_status (self));
      break;

    case PROP_SOURCE_ID:
      g_value_set_string (value, lsm_figure_get_source_id (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lsm_figure_class_init (LsmFigureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lsm_figure_finalize;
  object_class->get_property = lsm_figure_get_property;

  /**
   * LsmFigure:id:
   *
   * The figure's id, unique across the data.
   */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * LsmFigure:metric:
   *
   * What the figure measures, an id of the metric vocabulary.
   */
  properties[PROP_METRIC] =
    g_param_spec_string ("metric", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * LsmFigure:status:
   *
   * The #LsmStatus the figure reports (operating, planned, target…).
   */
  properties[PROP_STATUS] =
    g_param_spec_uint ("status", NULL, NULL, 0, LSM_N_STATUSES - 1, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * LsmFigure:source-id:
   *
   * The id of the article the figure comes from.
   */
  properties[PROP_SOURCE_ID] =
    g_param_spec_string ("source-id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lsm_figure_init (LsmFigure *self)
{
}

LsmFigure *
_lsm_figure_new (void)
{
  return g_object_new (LSM_TYPE_FIGURE, NULL);
}

/* The figure's own strings move into @texts, shared by the figures of one table. Only before the
 * figure is published. */
void
_lsm_figure_compact (LsmFigure    *self,
                     LsmTextStore *texts)
{
  g_return_if_fail (self->texts == NULL);

  self->texts = lsm_text_store_ref (texts);
  self->id = lsm_text_store_take (texts, self->id);
  self->text = lsm_text_store_take (texts, self->text);
  self->quote = lsm_text_store_take (texts, self->quote);
}

/* Takes @rare's contents (nullable: clears), and keeps them only if there are any. */
void
_lsm_figure_set_rare (LsmFigure     *self,
                      LsmFigureRare *rare)
{
  if (self->rare != NULL)
    {
      g_free (self->rare->text_en);
      lsm_text_clear (&self->rare->period_note);
      g_free (self->rare->relates_to);
      lsm_text_clear (&self->rare->note);
      g_free (self->rare->scope);
      lsm_text_clear (&self->rare->crosscheck_note);
      g_clear_pointer (&self->rare, g_free);
    }

  if (rare != NULL
      && (rare->has_value_max || rare->has_value_of || rare->text_en != NULL
          || lsm_text_is_set (&rare->period_note) || rare->relates_to != NULL
          || lsm_text_is_set (&rare->note) || rare->scope != NULL
          || rare->crosscheck_source_id != NULL || lsm_text_is_set (&rare->crosscheck_note)))
    self->rare = g_memdup2 (rare, sizeof *rare);
}

const char *
lsm_figure_get_id (LsmFigure *self)
{
  g_return_val_if_fail (LSM_IS_FIGURE (self), NULL);

  return self->id;
}

const char *
lsm_figure_get_metric (LsmFigure *self)
{
  g_return_val_if_fail (LSM_IS_FIGURE (self), NULL);

  return self->metric;
}

/**
 * lsm_figure_get_label:
 * @self: a figure
 *
 * Returns: (transfer none): the metric's label in the user's language, or the metric id
 *   when the vocabulary does not know it
 */
const char *
lsm_figure_get_label (LsmFigure *self)
{
  const char *label;

  g_return_val_if_fail (LSM_IS_FIGURE (self), NULL);

  label = lsm_metric_get_label (self->metric);
  return label != NULL ? label : self->metric;
}

gboolean
lsm_figure_is_numeric (LsmFigure *self)
{
  g_return_val_if_fail (LSM_IS_FIGURE (self), FALSE);

  return self->numeric;
}

double
lsm_figure_get_value (LsmFigure *self)
{
  g_return_val_if_fail (LSM_IS_FIGURE (self), 0.0);

  return self->value;
}

/**
 * lsm_figure_get_value_max:
 * @self: a figure
 *
 * Returns: (nullable) (transfer none): the upper end of a range, or %NULL
 */
const double *
lsm_figure_get_value_max (LsmFigure *self)
{
  g_return_val_if_fail (LSM_IS_FIGURE (self), NULL);

  return self->rare != NULL && self->rare->has_value_max ? &self->rare->value_max : NULL;
}

/**
 * lsm_figure_get_value_of:
 * @self: a figure
 *
 * Returns: (nullable) (transfer none): the whole of a part ("115 of 181"), or %NULL
 */
const double *
lsm_figure_get_value_of (LsmFigure *self)
{
  g_return_val_if_fail (LSM_IS_FIGURE (self), NULL);

  return self->rare != NULL && self->rare->has_value_of ? &self->rare->value_of : NULL;
}

const char *
lsm_figure_get_text (LsmFigure *self)
{
  g_return_val_if_fail (LSM_IS_FIGURE (self), NULL);

  return self->text;
}

const char *
lsm_figure_get_text_en (LsmFigure *self)
{
  g_return_val_if_fail (LSM_IS_FIGURE (self), NULL);

  return _LSM_FIGURE_RARE (self, text_en);
}

const char *
lsm_figure_get_unit (LsmFigure *self)
{
  g_return_val_if_fail (LSM_IS_FIGURE (self), NULL);

  return self->unit;
}

const char *
lsm_figure_get_period (LsmFigure *self)
{
  g_return_val_if_fail (LSM_IS_FIGURE (self), NULL);

  return self->period;
}

const char *
lsm_figure_get_period_note (LsmFigure *self)
{
  g_return_val_if_fail (LSM_IS_FIGURE (self), NULL);

  return self->rare != NULL ? lsm_text_get (&self->rare->period_note) : NULL;
}

LsmStatus
lsm_figure_get_status (LsmFigure *self)
{
  g_return_val_if_fail (LSM_IS_FIGURE (self), LSM_STATUS_NONE);

  return self->status;
}

LsmQualifier
lsm_figure_get_qualifier (LsmFigure *self)
{
  g_return_val_if_fail (LSM_IS_FIGURE (self), LSM_QUALIFIER_NONE);

  return self->qualifier;
}

const char *
lsm_figure_get_relates_to (LsmFigure *self)
{
  g_return_val_if_fail (LSM_IS_FIGURE (self), NULL);

  return _LSM_FIGURE_RARE (self, relates_to);
}

const char *
lsm_figure_get_source_id (LsmFigure *self)
{
  g_return_val_if_fail (LSM_IS_FIGURE (self), NULL);

  return self->source_id;
}

const char *
lsm_figure_get_quote (LsmFigure *self)
{
  g_return_val_if_fail (LSM_IS_FIGURE (self), NULL);

  return self->quote;
}

const char *
lsm_figure_get_note (LsmFigure *self)
{
  g_return_val_if_fail (LSM_IS_FIGURE (self), NULL);

  return self->rare != NULL ? lsm_text_get (&self->rare->note) : NULL;
}

/**
 * lsm_figure_get_crosscheck_source_id:
 * @self: a figure
 *
 * Returns: (nullable): the id of an outside record (a source of kind
 *   %LSM_SOURCE_CROSSCHECK) that gives a different value, or %NULL
 */
const char *
lsm_figure_get_crosscheck_source_id (LsmFigure *self)
{
  g_return_val_if_fail (LSM_IS_FIGURE (self), NULL);

  return _LSM_FIGURE_RARE (self, crosscheck_source_id);
}

/**
 * lsm_figure_get_crosscheck_note:
 * @self: a figure
 *
 * Returns: (nullable): what the outside record says, in the interface's language; the
 *   figure itself keeps the article's value
 */
const char *
lsm_figure_get_crosscheck_note (LsmFigure *self)
{
  g_return_val_if_fail (LSM_IS_FIGURE (self), NULL);

  return self->rare != NULL ? lsm_text_get (&self->rare->crosscheck_note) : NULL;
}

/**
 * lsm_figure_get_scope:
 * @self: a figure
 *
 * Returns: (nullable): "province" or a sector id for aggregate figures, %NULL for the
 *   figures of a site or district
 */
const char *
lsm_figure_get_scope (LsmFigure *self)
{
  g_return_val_if_fail (LSM_IS_FIGURE (self), NULL);

  return _LSM_FIGURE_RARE (self, scope);
}

/**
 * lsm_figure_format_value:
 * @self: a figure
 *
 * Returns: (transfer full): the value, unit and qualifier in the user's language and
 *   number format, e.g. "about 1,632 ha"
 */
char *
lsm_figure_format_value (LsmFigure *self)
{
  g_return_val_if_fail (LSM_IS_FIGURE (self), NULL);

  if (!self->numeric)
    {
      const char *text_en = lsm_figure_get_text_en (self);

      if (text_en != NULL && !lsm_ui_is_vietnamese ())
        return g_strdup (text_en);
      return g_strdup (self->text != NULL ? self->text : "");
    }

  return lsm_format_quantity (self->value,
                              lsm_figure_get_value_max (self),
                              lsm_figure_get_value_of (self),
                              self->unit,
                              self->qualifier);
}

/**
 * lsm_figure_format_period:
 * @self: a figure
 *
 * Returns: (transfer full) (nullable): the period in the user's language, or %NULL
 */
char *
lsm_figure_format_period (LsmFigure *self)
{
  g_return_val_if_fail (LSM_IS_FIGURE (self), NULL);

  if (self->period == NULL)
    return NULL;

  return lsm_period_format (self->period);
}

/**
 * lsm_figure_describe:
 * @self: a figure
 * @value: (nullable): the figure's value as shown beside the description
 * @citation: the figure's source number in the list shown with it, or 0
 *
 * Returns: (transfer full): the figure's period, status and source mark, e.g.
 *   "as of 2024 · Operating · source 2"; empty when there is none
 */
char *
lsm_figure_describe (LsmFigure  *self,
                     const char *value,
                     guint       citation)
{
  g_autofree char *period = NULL;
  g_autoptr(GString) line = g_string_new (NULL);

  g_return_val_if_fail (LSM_IS_FIGURE (self), NULL);

  period = lsm_figure_format_period (self);

  /* "Commercial operation since: 2005" needs no "2005" under it. */
  if (period != NULL && g_strcmp0 (period, value) != 0)
    g_string_append (line, period);
  else if (lsm_figure_get_period_note (self) != NULL)
    g_string_append (line, C_("period", "period not stated"));

  if (self->status != LSM_STATUS_NONE)
    {
      if (line->len > 0)
        g_string_append (line, " · ");
      g_string_append (line, lsm_status_get_label (self->status));
    }

  if (citation > 0)
    {
      if (line->len > 0)
        g_string_append (line, " · ");
      /* Translators: a citation mark pointing into the list of sources, e.g. "source 2" */
      g_string_append_printf (line, _("source %u"), citation);
    }

  return g_string_free (g_steal_pointer (&line), FALSE);
}
