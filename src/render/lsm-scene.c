/* lsm-scene.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-scene"

#include "config.h"

#include <math.h>

#include <pango/pangocairo.h>

#include "lsm-catalog.h"
#include "lsm-choropleth.h"
#include "lsm-clusters.h"
#include "lsm-feature.h"
#include "lsm-filter.h"
#include "lsm-scene-private.h"
#include "lsm-style.h"
#include "lsm-units.h"
#include "lsm-vocab.h"

/* Pure cairo + Pango drawing of the map for any viewport: the offline base-map tiles, print,
 * PDF/SVG/PNG export and the command line all call this, so they look alike. Geometry is
 * projected once, to Web Mercator units (0…1), when the scene is made. */

struct _LsmScene
{
  GObject     parent_instance;

  LsmCatalog *catalog;
  GArray     *districts; /* Shape */
  GArray     *units_2025; /* Shape: the communes since 1 July 2025 */
  LsmUnits    units;     /* which of the two is drawn */
  GArray     *context;   /* Shape */
  GPtrArray  *places;    /* LsmFeature: point labels such as "Trung Quốc" */
  GArray     *sites;     /* LsmSiteEntry */
  GArray     *site_shapes; /* Shape: sites drawn as lines or areas */
  GHashTable *site_index; /* LsmFeature → its entry's index + 1 */
  GHashTable *tile_labels; /* "zoom/scale" → GArray of LsmLabel, made on first use */
  LsmSiteMatch *all_sites; /* every mapped site and its clusters, which tiles' labels avoid */
  Shape       province;
  LsmChoropleth *choropleth; /* district fills by value, or NULL */
  /* Screen tiles are drawn in workers: a draw reads the units and choropleth under a reader
   * lock, the main thread changes them under the writer lock. The caches made on first use
   * each have a lock held while one is made, so two threads never make it twice. */
  GRWLock     style_lock;
  GMutex      tile_labels_lock;
  GMutex      all_sites_lock;
};

G_DEFINE_FINAL_TYPE (LsmScene, lsm_scene, G_TYPE_OBJECT)

/* Districts that share a boundary share vertices in the official data; a greedy colouring over
 * that adjacency gives neighbours different fills. */
static void
color_districts (GArray *districts)
{
  g_autoptr(GHashTable) owners = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint n = districts->len;
  g_autofree gboolean *adjacent = g_new0 (gboolean, n * n);

  for (guint d = 0; d < n; d++)
    {
      Shape *shape = &g_array_index (districts, Shape, d);
      guint n_points = shape->n_rings > 0 ? shape->ring_ends[shape->n_rings - 1] : 0;

      for (guint i = 0; i < n_points; i++)
        {
          gint64 key = (gint64) llround (shape->coords[2 * i] * 1e7) * 100000000LL
                       + llround (shape->coords[2 * i + 1] * 1e7);
          gpointer other;

          if (g_hash_table_lookup_extended (owners, &key, NULL, &other))
            {
              guint o = GPOINTER_TO_UINT (other);

              if (o != d)
                adjacent[o * n + d] = adjacent[d * n + o] = TRUE;
            }
          else
            {
              gint64 *k = g_new (gint64, 1);

              *k = key;
              g_hash_table_insert (owners, k, GUINT_TO_POINTER (d));
            }
        }
    }

  for (guint d = 0; d < n; d++)
    {
      guint used = 0;

      for (guint o = 0; o < d; o++)
        if (adjacent[d * n + o])
          used |= 1u << g_array_index (districts, Shape, o).color;

      for (guint c = 0; c < 32; c++)
        if ((used & (1u << c)) == 0)
          {
            g_array_index (districts, Shape, d).color = c;
            break;
          }
    }
}

static void
lsm_scene_finalize (GObject *object)
{
  LsmScene *self = (LsmScene *) object;

  g_clear_pointer (&self->districts, g_array_unref);
  g_clear_object (&self->choropleth);
  g_clear_pointer (&self->units_2025, g_array_unref);
  g_clear_pointer (&self->context, g_array_unref);
  g_clear_pointer (&self->places, g_ptr_array_unref);
  g_clear_pointer (&self->sites, g_array_unref);
  g_clear_pointer (&self->site_index, g_hash_table_unref);
  g_clear_pointer (&self->site_shapes, g_array_unref);
  g_clear_pointer (&self->tile_labels, g_hash_table_unref);
  g_clear_pointer (&self->all_sites, lsm_site_match_free);
  _lsm_scene_shape_clear (&self->province);
  g_clear_object (&self->catalog);
  g_rw_lock_clear (&self->style_lock);
  g_mutex_clear (&self->tile_labels_lock);
  g_mutex_clear (&self->all_sites_lock);

  G_OBJECT_CLASS (lsm_scene_parent_class)->finalize (object);
}

static void
lsm_scene_class_init (LsmSceneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lsm_scene_finalize;
}

static void
lsm_scene_init (LsmScene *self)
{
  self->districts = g_array_new (FALSE, TRUE, sizeof (Shape));
  g_array_set_clear_func (self->districts, _lsm_scene_shape_clear);
  self->units_2025 = g_array_new (FALSE, TRUE, sizeof (Shape));
  g_array_set_clear_func (self->units_2025, _lsm_scene_shape_clear);
  self->context = g_array_new (FALSE, TRUE, sizeof (Shape));
  g_array_set_clear_func (self->context, _lsm_scene_shape_clear);
  self->places = g_ptr_array_new_with_free_func (g_object_unref);
  g_rw_lock_init (&self->style_lock);
  g_mutex_init (&self->tile_labels_lock);
  g_mutex_init (&self->all_sites_lock);
}

/* Fixed in world space, so that every tile agrees on where a neighbour's name goes. */
static void
find_label_point (Shape       *shape,
                  LsmGeometry *geometry)
{
  double lon, lat;

  lsm_geometry_get_inner_point (geometry, &lon, &lat);
  lsm_mercator_from_lonlat (lon, lat, &shape->label_x, &shape->label_y);
}

static void
add_shapes (GArray     *shapes,
            GPtrArray  *places,
            GListModel *features)
{
  for (guint i = 0; i < g_list_model_get_n_items (features); i++)
    {
      g_autoptr(LsmFeature) feature = g_list_model_get_item (features, i);
      LsmGeometry *geometry = lsm_feature_get_geometry (feature);
      Shape shape = { 0 };

      if (geometry == NULL)
        continue;
      if (lsm_geometry_get_geometry_type (geometry) == LSM_GEOMETRY_POINT)
        {
          if (places != NULL && lsm_feature_get_name (feature) != NULL)
            g_ptr_array_add (places, g_object_ref (feature));
          continue;
        }

      _lsm_scene_shape_init (&shape, feature, geometry);
      find_label_point (&shape, geometry);
      g_array_append_val (shapes, shape);
    }
}

/**
 * lsm_scene_new:
 * @catalog: the data to draw
 *
 * Returns: (transfer full): a new scene
 */
LsmScene *
lsm_scene_new (LsmCatalog *catalog)
{
  LsmScene *self;
  LsmGeometry *outline;

  g_return_val_if_fail (LSM_IS_CATALOG (catalog), NULL);

  self = g_object_new (LSM_TYPE_SCENE, NULL);
  self->catalog = g_object_ref (catalog);
  add_shapes (self->districts, NULL, lsm_catalog_get_districts (catalog));
  add_shapes (self->context, self->places, lsm_catalog_get_context (catalog));
  color_districts (self->districts);
  self->sites = _lsm_scene_build_site_entries (catalog);
  add_shapes (self->units_2025, NULL, lsm_catalog_get_units_2025 (catalog));
  color_districts (self->units_2025);
  /* Now, not on first use: a scene's sites never change once made, so threads may read them. */
  self->site_index = _lsm_scene_build_site_index (self->sites);
  self->site_shapes = _lsm_scene_build_site_shapes (catalog);

  if ((outline = lsm_catalog_get_province_outline (catalog)) != NULL)
    _lsm_scene_shape_init (&self->province, NULL, outline);

  return self;
}

/* The tiles' labels, and the screen's badges that go where the tiles left them room: read
 * or added to from any thread under the lock of _lsm_scene_get_tile_labels_lock(). */
GHashTable *
_lsm_scene_get_tile_labels (LsmScene *self)
{
  if (self->tile_labels == NULL)
    self->tile_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify) g_array_unref);

  return self->tile_labels;
}

GMutex *
_lsm_scene_get_tile_labels_lock (LsmScene *self)
{
  return &self->tile_labels_lock;
}

GArray *
_lsm_scene_get_site_entries (LsmScene *self)
{
  return self->sites;
}

GHashTable *
_lsm_scene_get_site_index (LsmScene *self)
{
  return self->site_index;
}

GArray *
_lsm_scene_get_site_shapes (LsmScene *self)
{
  return self->site_shapes;
}

/**
 * lsm_scene_get_all_sites:
 * @self: a scene
 *
 * Every mapped site, whatever a filter shows, with its clusters, made once. Clustering a
 * million sites takes seconds: lsm_scene_prepare() makes it in a thread before the scene is
 * shown, or the first tile with labels makes it.
 *
 * Returns: (transfer none): the match of every mapped site
 */
LsmSiteMatch *
lsm_scene_get_all_sites (LsmScene *self)
{
  LsmSiteMatch *all_sites;

  g_return_val_if_fail (LSM_IS_SCENE (self), NULL);

  g_mutex_lock (&self->all_sites_lock);
  if (self->all_sites == NULL)
    {
      all_sites = lsm_scene_match_sites (self, NULL);
      lsm_site_match_get_clusters (all_sites);
      g_atomic_pointer_set (&self->all_sites, all_sites);
    }
  g_mutex_unlock (&self->all_sites_lock);

  return self->all_sites;
}

/**
 * lsm_scene_peek_all_sites:
 * @self: a scene
 *
 * Returns: (transfer none) (nullable): the match of lsm_scene_get_all_sites() if it was made
 *   already, else %NULL (never made here: it may take seconds)
 */
LsmSiteMatch *
lsm_scene_peek_all_sites (LsmScene *self)
{
  g_return_val_if_fail (LSM_IS_SCENE (self), NULL);

  return g_atomic_pointer_get (&self->all_sites);
}

/**
 * lsm_scene_prepare:
 * @self: a scene not yet shown
 *
 * Makes, in the caller's thread, what the scene would otherwise make on the main loop when it
 * is first drawn. Call it before the scene is handed to another thread.
 */
void
lsm_scene_prepare (LsmScene *self)
{
  g_return_if_fail (LSM_IS_SCENE (self));

  lsm_scene_get_all_sites (self);
}

/**
 * lsm_scene_get_catalog:
 * @self: a scene
 *
 * Returns: (transfer none): the catalog it draws
 */
LsmCatalog *
lsm_scene_get_catalog (LsmScene *self)
{
  g_return_val_if_fail (LSM_IS_SCENE (self), NULL);

  return self->catalog;
}

/**
 * lsm_scene_set_units:
 * @self: a scene
 * @units: the administrative units to draw
 *
 * Chooses the districts of 2019 – 30 June 2025 or the communes since 1 July 2025 as the areas
 * drawn, outlined and labelled. A catalog without the communes keeps its districts.
 */
void
lsm_scene_set_units (LsmScene *self,
                     LsmUnits  units)
{
  g_return_if_fail (LSM_IS_SCENE (self));
  g_return_if_fail (units < LSM_N_UNITS);

  g_rw_lock_writer_lock (&self->style_lock);
  self->units = units;
  g_rw_lock_writer_unlock (&self->style_lock);
}

/**
 * lsm_scene_get_units:
 * @self: a scene
 *
 * Returns: the administrative units the scene draws
 */
LsmUnits
lsm_scene_get_units (LsmScene *self)
{
  g_return_val_if_fail (LSM_IS_SCENE (self), LSM_UNITS_DISTRICTS);

  return self->units == LSM_UNITS_COMMUNES_2025 && self->units_2025->len > 0
         ? LSM_UNITS_COMMUNES_2025 : LSM_UNITS_DISTRICTS;
}

static GArray *
drawn_areas (LsmScene *self)
{
  return lsm_scene_get_units (self) == LSM_UNITS_COMMUNES_2025 ? self->units_2025 : self->districts;
}

static double
world_size (const LsmView *view)
{
  return LSM_TILE_SIZE * exp2 (view->zoom);
}

static double
label_size (const LsmView *view)
{
  /* Readable when the province fills a window (zoom ≈ 9), growing slowly when zooming in. */
  return CLAMP (11.0 + (view->zoom - 9.0) * 1.5, 9.0, 16.0) * view->scale;
}

typedef enum
{
  CONTEXT_FILLS,
  CONTEXT_LINES,
} ContextPass;

static void
draw_context (LsmScene      *self,
              cairo_t       *cr,
              const LsmView *view,
              double         size,
              ContextPass    pass)
{
  for (guint i = 0; i < self->context->len; i++)
    {
      const Shape *shape = &g_array_index (self->context, Shape, i);

      if (!_lsm_scene_shape_visible (shape, view, size) || shape->lines != (pass == CONTEXT_LINES))
        continue;

      cairo_new_path (cr);
      _lsm_scene_shape_path (cr, shape, view, size);

      if (pass == CONTEXT_LINES)
        {
          double dashes[] = { 6 * view->scale, 3 * view->scale, 1.5 * view->scale, 3 * view->scale };

          cairo_save (cr);
          lsm_style_set_source (cr, &lsm_style_border_line, 0.9);
          cairo_set_line_width (cr, 2.2 * view->scale);
          cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
          cairo_stroke (cr);
          cairo_restore (cr);
        }
      else
        {
          lsm_style_set_source (cr, &lsm_style_neighbour_fill, 1.0);
          cairo_fill_preserve (cr);
          cairo_set_source_rgb (cr, 1, 1, 1);
          cairo_set_line_width (cr, 1.0 * view->scale);
          cairo_stroke (cr);
        }
    }
}

static void
draw_districts (LsmScene      *self,
                cairo_t       *cr,
                const LsmView *view,
                double         size,
                gboolean       fill)
{
  GArray *areas = drawn_areas (self);

  cairo_save (cr);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  for (guint i = 0; i < areas->len; i++)
    {
      const Shape *shape = &g_array_index (areas, Shape, i);
      LsmRgb rgb;

      if (!_lsm_scene_shape_visible (shape, view, size))
        continue;

      if (self->choropleth == NULL || !lsm_choropleth_get_rgb (self->choropleth, shape->feature, &rgb))
        lsm_style_get_district_rgb (shape->color, &rgb);
      cairo_new_path (cr);
      _lsm_scene_shape_path (cr, shape, view, size);
      if (fill)
        {
          lsm_style_set_source (cr, &rgb, 1.0);
          cairo_fill_preserve (cr);
        }
      lsm_style_set_source (cr, &lsm_style_district_line, 1.0);
      cairo_set_line_width (cr, 0.8 * view->scale);
      cairo_stroke (cr);
    }

  if (self->province.n_rings > 0 && _lsm_scene_shape_visible (&self->province, view, size))
    {
      cairo_new_path (cr);
      _lsm_scene_shape_path (cr, &self->province, view, size);
      lsm_style_set_source (cr, &lsm_style_province_line, 1.0);
      cairo_set_line_width (cr, 1.8 * view->scale);
      cairo_stroke (cr);
    }

  cairo_restore (cr);
}

static void
add_anchor (GArray        *anchors,
            LsmLabelKind   kind,
            char          *text,
            double         x,
            double         y,
            double         size,
            gboolean       italic,
            const LsmRgb  *color,
            LsmFeature    *area)
{
  LsmLabelAnchor anchor = { kind, text, x, y, size, italic, color, area };

  g_array_append_val (anchors, anchor);
}

/* The names the base map carries, most important first: districts, then countries, then the
 * neighbouring provinces. */
void
_lsm_scene_collect_area_labels (LsmScene      *self,
                                const LsmView *view,
                                GArray        *anchors)
{
  double margin = 80 * view->scale;
  double size = world_size (view);
  GArray *areas = drawn_areas (self);
  /* 65 communes share the room of 11 districts. */
  double area_label_size = label_size (view) * (areas == self->units_2025 ? 0.8 : 1.0);

  for (guint i = 0; i < areas->len; i++)
    {
      const Shape *shape = &g_array_index (areas, Shape, i);
      double lon, lat, x, y;

      if (!lsm_feature_get_label_point (shape->feature, &lon, &lat))
        continue;

      lsm_view_project (view, lon, lat, &x, &y);
      if (x < -margin || y < -margin || x > view->width + margin || y > view->height + margin)
        continue;

      add_anchor (anchors, LSM_LABEL_DISTRICT, g_strdup (lsm_feature_get_name (shape->feature)), x, y,
                  area_label_size, FALSE, &lsm_style_label_text, shape->feature);
    }

  for (guint i = 0; i < self->places->len; i++)
    {
      LsmFeature *place = g_ptr_array_index (self->places, i);
      double lon, lat, x, y;

      lsm_feature_get_location (place, &lon, &lat);
      lsm_view_project (view, lon, lat, &x, &y);
      if (x < -margin || y < -margin || x > view->width + margin || y > view->height + margin)
        continue;

      /* Countries get the reader's name for them; places in Viet Nam keep their own. */
      add_anchor (anchors, LSM_LABEL_PLACE,
                  g_utf8_strup (!lsm_ui_is_vietnamese () && lsm_feature_get_name_en (place) != NULL
                                ? lsm_feature_get_name_en (place) : lsm_feature_get_name (place), -1),
                  x, y, label_size (view) * 1.2, FALSE, &lsm_style_neighbour_text, NULL);
    }

  for (guint i = 0; i < self->context->len; i++)
    {
      const Shape *shape = &g_array_index (self->context, Shape, i);
      const char *name = lsm_feature_get_name (shape->feature);

      if (shape->lines || name == NULL || !_lsm_scene_shape_visible (shape, view, size))
        continue;

      add_anchor (anchors, LSM_LABEL_PLACE, g_strdup (name), shape->label_x * size - view->x,
                  shape->label_y * size - view->y, label_size (view), TRUE, &lsm_style_neighbour_text, NULL);
    }
}

/**
 * lsm_scene_draw:
 * @self: a scene
 * @cr: a cairo context whose origin is the view's top-left corner
 * @view: the viewport
 * @parts: what to draw
 * @filter: (nullable): which sites to draw, with %LSM_SCENE_SITES
 *
 * Draws the map for @view. Any thread may draw while the main thread changes the scene's units
 * or choropleth: the change waits for the draws under way.
 */
void
lsm_scene_draw (LsmScene      *self,
                cairo_t       *cr,
                const LsmView *view,
                LsmSceneParts  parts,
                LsmFilter     *filter)
{
  double size;

  g_return_if_fail (LSM_IS_SCENE (self));
  g_return_if_fail (cr != NULL);

  g_rw_lock_reader_lock (&self->style_lock);
  size = world_size (view);
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, view->width, view->height);
  cairo_clip (cr);

  if (parts & LSM_SCENE_BACKGROUND)
    {
      lsm_style_set_source (cr, &lsm_style_background, 1.0);
      cairo_paint (cr);
    }

  if ((parts & LSM_SCENE_CONTEXT) && !(parts & LSM_SCENE_NO_FILLS))
    draw_context (self, cr, view, size, CONTEXT_FILLS);
  if (parts & LSM_SCENE_DISTRICTS)
    draw_districts (self, cr, view, size, !(parts & LSM_SCENE_NO_FILLS));
  if (parts & LSM_SCENE_CONTEXT)
    draw_context (self, cr, view, size, CONTEXT_LINES);
  if (parts & LSM_SCENE_LABELS)
    {
      if (parts & LSM_SCENE_WHOLE_LABELS)
        {
          g_autoptr(GArray) clusters = NULL;
          g_autoptr(GArray) placements = (parts & LSM_SCENE_SITES) ? lsm_scene_place_sites (self, view, filter, &clusters)
                                                                   : NULL;
          g_autoptr(GArray) labels = lsm_scene_layout_labels (self, cr, view, placements, clusters, LSM_LABELS_WHOLE, NULL);

          lsm_scene_draw_labels (cr, view, labels);
        }
      else
        _lsm_scene_draw_tile_labels (self, cr, view);
    }

  if (parts & LSM_SCENE_SITES)
    {
      g_autoptr(LsmSiteMatch) match = lsm_scene_match_sites (self, filter);
      g_autoptr(GArray) clusters = g_array_new (FALSE, FALSE, sizeof (LsmClusterPlacement));
      g_autoptr(GArray) placements = lsm_scene_place_matched (self, view, match, clusters);

      lsm_scene_draw_shapes (self, cr, view, match, NULL);
      lsm_scene_draw_sites (self, cr, view, placements);
      lsm_scene_draw_clusters (self, cr, view, clusters);
    }

  cairo_restore (cr);
  g_rw_lock_reader_unlock (&self->style_lock);
}

/**
 * lsm_scene_set_choropleth:
 * @self: a scene
 * @choropleth: (nullable): district fills by value, or %NULL for the plain map
 *
 * Screen tiles, print and export drawn after this colour districts by @choropleth.
 */
void
lsm_scene_set_choropleth (LsmScene      *self,
                          LsmChoropleth *choropleth)
{
  g_return_if_fail (LSM_IS_SCENE (self));

  g_rw_lock_writer_lock (&self->style_lock);
  g_set_object (&self->choropleth, choropleth);
  g_rw_lock_writer_unlock (&self->style_lock);
}

/**
 * lsm_scene_get_choropleth:
 * @self: a scene
 *
 * Returns: (transfer none) (nullable): what districts are coloured by
 */
LsmChoropleth *
lsm_scene_get_choropleth (LsmScene *self)
{
  g_return_val_if_fail (LSM_IS_SCENE (self), NULL);

  return self->choropleth;
}
