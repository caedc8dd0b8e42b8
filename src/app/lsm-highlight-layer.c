/* lsm-highlight-layer.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-highlight-layer"

#include "config.h"

#include <math.h>

#include "lsm-feature.h"
#include "lsm-highlight-layer.h"
#include "lsm-style.h"
#include "lsm-view.h"

/* The outline of the selected district, above the base map and below the sites. One polygon,
 * drawn only while a district is selected. */
struct _LsmHighlightLayer
{
  ShumateLayer  parent_instance;

  LsmFeature   *district;
};

G_DEFINE_FINAL_TYPE (LsmHighlightLayer, lsm_highlight_layer, SHUMATE_TYPE_LAYER)

static void
lsm_highlight_layer_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  LsmHighlightLayer *self = LSM_HIGHLIGHT_LAYER (widget);
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  LsmGeometry *geometry;
  cairo_t *cr;

  if (self->district == NULL || (geometry = lsm_feature_get_geometry (self->district)) == NULL)
    return;
  if (shumate_viewport_get_reference_map_source (viewport) == NULL)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  for (guint r = 0; r < lsm_geometry_get_n_rings (geometry); r++)
    {
      guint n;
      const double *p = lsm_geometry_get_ring (geometry, r, &n);

      for (guint i = 0; i < n; i++)
        {
          double x, y;

          shumate_viewport_location_to_widget_coords (viewport, widget, p[2 * i + 1], p[2 * i], &x, &y);
          if (i == 0)
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
        }
      cairo_close_path (cr);
    }

  lsm_style_set_source (cr, &lsm_style_selection, 0.12);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
  cairo_set_line_width (cr, 6);
  cairo_stroke_preserve (cr);
  lsm_style_set_source (cr, &lsm_style_selection, 1.0);
  cairo_set_line_width (cr, 3);
  cairo_stroke (cr);
  cairo_destroy (cr);
}

static void
lsm_highlight_layer_constructed (GObject *object)
{
  LsmHighlightLayer *self = (LsmHighlightLayer *) object;

  G_OBJECT_CLASS (lsm_highlight_layer_parent_class)->constructed (object);

  g_signal_connect_object (shumate_layer_get_viewport (SHUMATE_LAYER (self)), "notify",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
}

static void
lsm_highlight_layer_dispose (GObject *object)
{
  LsmHighlightLayer *self = (LsmHighlightLayer *) object;

  g_clear_object (&self->district);

  G_OBJECT_CLASS (lsm_highlight_layer_parent_class)->dispose (object);
}

static void
lsm_highlight_layer_class_init (LsmHighlightLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lsm_highlight_layer_constructed;
  object_class->dispose = lsm_highlight_layer_dispose;
  widget_class->snapshot = lsm_highlight_layer_snapshot;
}

static void
lsm_highlight_layer_init (LsmHighlightLayer *self)
{
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

LsmHighlightLayer *
lsm_highlight_layer_new (ShumateViewport *viewport)
{
  return g_object_new (LSM_TYPE_HIGHLIGHT_LAYER, "viewport", viewport, NULL);
}

/**
 * lsm_highlight_layer_get_district:
 * @self: a layer
 *
 * Returns: (transfer none) (nullable): the outlined district
 */
LsmFeature *
lsm_highlight_layer_get_district (LsmHighlightLayer *self)
{
  g_return_val_if_fail (LSM_IS_HIGHLIGHT_LAYER (self), NULL);

  return self->district;
}

void
lsm_highlight_layer_set_district (LsmHighlightLayer *self,
                                  LsmFeature        *district)
{
  g_return_if_fail (LSM_IS_HIGHLIGHT_LAYER (self));

  if (g_set_object (&self->district, district))
    gtk_widget_queue_draw (GTK_WIDGET (self));
}
