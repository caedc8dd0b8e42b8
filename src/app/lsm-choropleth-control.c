/* lsm-choropleth-control.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-choropleth-control"

#include "config.h"

#include <glib/gi18n.h>

#include "lsm-choropleth-control.h"

/* "Colour districts by" in the sidebar, with the legend of the shades drawn by the same code
 * as the printed page's. The window makes the choropleth; this only picks and explains it. */
struct _LsmChoroplethControl
{
  GtkBox          parent_instance;

  /* children */
  GtkDropDown    *choice;
  GtkDrawingArea *legend;

  /* owned */
  LsmChoropleth  *choropleth;
  LsmUnits        units; /* the areas coloured: districts and communes have their own ranges */
};

G_DEFINE_FINAL_TYPE (LsmChoroplethControl, lsm_choropleth_control, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define LEGEND_WIDTH 240

static void
draw_legend_cb (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        user_data)
{
  LsmChoroplethControl *self = user_data;
  GdkRGBA color;

  if (self->choropleth == NULL)
    return;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  gdk_cairo_set_source_rgba (cr, &color);
  lsm_choropleth_draw_units_legend (self->choropleth, self->units, cr, 0, 0, width, 12, TRUE);
}

static void
update_legend (LsmChoroplethControl *self)
{
  double height = 0;

  if (self->choropleth != NULL)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
      cairo_t *cr = cairo_create (surface);

      height = lsm_choropleth_draw_units_legend (self->choropleth, self->units, cr, 0, 0, LEGEND_WIDTH, 12, FALSE);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }

  gtk_drawing_area_set_content_height (self->legend, (int) height + 2);
  gtk_widget_set_visible (GTK_WIDGET (self->legend), height > 0);
  gtk_widget_queue_draw (GTK_WIDGET (self->legend));
}

LsmChoroplethKind
lsm_choropleth_control_get_kind (LsmChoroplethControl *self)
{
  guint selected;

  g_return_val_if_fail (LSM_IS_CHOROPLETH_CONTROL (self), LSM_CHOROPLETH_NONE);

  selected = gtk_drop_down_get_selected (self->choice);
  return selected < LSM_N_CHOROPLETH_KINDS ? selected : LSM_CHOROPLETH_NONE;
}

void
lsm_choropleth_control_set_kind (LsmChoroplethControl *self,
                                 LsmChoroplethKind     kind)
{
  g_return_if_fail (LSM_IS_CHOROPLETH_CONTROL (self));
  g_return_if_fail (kind < LSM_N_CHOROPLETH_KINDS);

  gtk_drop_down_set_selected (self->choice, kind);
}

/**
 * lsm_choropleth_control_set_choropleth:
 * @self: a control
 * @choropleth: (nullable): what the map's areas are coloured by, for the legend
 * @units: which areas the map draws
 */
void
lsm_choropleth_control_set_choropleth (LsmChoroplethControl *self,
                                       LsmChoropleth        *choropleth,
                                       LsmUnits              units)
{
  g_return_if_fail (LSM_IS_CHOROPLETH_CONTROL (self));

  g_set_object (&self->choropleth, choropleth);
  self->units = units;
  update_legend (self);
}

static void
on_selected_cb (LsmChoroplethControl *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

static void
lsm_choropleth_control_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  LsmChoroplethControl *self = LSM_CHOROPLETH_CONTROL (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_uint (value, lsm_choropleth_control_get_kind (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lsm_choropleth_control_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  LsmChoroplethControl *self = LSM_CHOROPLETH_CONTROL (object);

  switch (prop_id)
    {
    case PROP_KIND:
      lsm_choropleth_control_set_kind (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lsm_choropleth_control_dispose (GObject *object)
{
  LsmChoroplethControl *self = (LsmChoroplethControl *) object;

  g_clear_object (&self->choropleth);

  G_OBJECT_CLASS (lsm_choropleth_control_parent_class)->dispose (object);
}

static void
lsm_choropleth_control_class_init (LsmChoroplethControlClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lsm_choropleth_control_dispose;
  object_class->get_property = lsm_choropleth_control_get_property;
  object_class->set_property = lsm_choropleth_control_set_property;

  /**
   * LsmChoroplethControl:kind:
   *
   * What districts are coloured by, a #LsmChoroplethKind.
   */
  properties[PROP_KIND] =
    g_param_spec_uint ("kind", NULL, NULL, 0, LSM_N_CHOROPLETH_KINDS - 1, LSM_CHOROPLETH_NONE,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lsm_choropleth_control_init (LsmChoroplethControl *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GtkWidget *heading;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 6);

  for (guint k = 0; k < LSM_N_CHOROPLETH_KINDS; k++)
    gtk_string_list_append (labels, lsm_choropleth_kind_get_label (k));

  heading = gtk_label_new_with_mnemonic (_("_Colour Districts By"));
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (self), heading);

  self->choice = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL));
  gtk_label_set_mnemonic_widget (GTK_LABEL (heading), GTK_WIDGET (self->choice));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->choice), GTK_ACCESSIBLE_RELATION_LABELLED_BY, heading, NULL, -1);
  g_signal_connect_swapped (self->choice, "notify::selected", G_CALLBACK (on_selected_cb), self);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->choice));

  self->legend = GTK_DRAWING_AREA (gtk_drawing_area_new ());
  gtk_drawing_area_set_draw_func (self->legend, draw_legend_cb, self, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->legend), FALSE);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->legend));
}
