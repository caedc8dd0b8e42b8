/* lsm-atlas.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-page"

#include "config.h"

#include <glib/gi18n.h>

#include "lsm-atlas.h"
#include "lsm-catalog.h"
#include "lsm-district-sites.h"
#include "lsm-feature.h"
#include "lsm-filter.h"
#include "lsm-page-private.h"
#include "lsm-page-title.h"
#include "lsm-scene.h"
#include "lsm-sector.h"
#include "lsm-vocab.h"

/* A document is a list of sections, each a map page and the pages its key runs on to. An atlas
 * adds an overview with a contents list and one section per district or sector, each with a copy
 * of the user's filter narrowed to it, so every page reads the filter's own model. */

typedef struct
{
  LsmFilter      *filter;
  LsmPageOptions  options;
  char           *name;     /* the district or sector; NULL for a plain map */
  gboolean        overview;
  guint           first_page;
  guint           n_pages;
  GPtrArray      *rows;     /* the key, as the map page laid it out */
  GPtrArray      *notes;    /* its legend and sources, likewise */
} Section;

typedef struct
{
  guint section;
  guint first_row; /* G_MAXUINT: the section's map page */
  guint first_note;
} Page;

struct _LsmDocument
{
  LsmScene *scene;
  GArray   *sections; /* Section */
  GArray   *pages;    /* Page */
  GStrv     contents;
};

static void
section_clear (gpointer data)
{
  Section *section = data;

  g_clear_object (&section->filter);
  lsm_page_options_clear (&section->options);
  g_clear_pointer (&section->name, g_free);
  g_clear_pointer (&section->rows, g_ptr_array_unref);
  g_clear_pointer (&section->notes, g_ptr_array_unref);
}

static void
copy_options (LsmPageOptions       *copy,
              const LsmPageOptions *options)
{
  *copy = *options;
  copy->title = g_strdup (options->title);
  copy->district = g_strdup (options->district);
  copy->date = options->date != NULL ? g_date_time_ref (options->date) : NULL;
}

static LsmFilter *
copy_filter (LsmScene  *scene,
             LsmFilter *filter)
{
  LsmFilter *copy;

  if (filter == NULL)
    return lsm_filter_new (lsm_catalog_get_sites (lsm_scene_get_catalog (scene)));

  copy = lsm_filter_new (lsm_filter_get_model (filter));
  lsm_filter_set_hidden_sectors (copy, lsm_filter_get_hidden_sectors (filter));
  lsm_filter_set_hidden_statuses (copy, lsm_filter_get_hidden_statuses (filter));
  lsm_filter_set_search_text (copy, lsm_filter_get_search_text (filter));
  lsm_filter_set_district (copy, lsm_filter_get_district (filter));

  return copy;
}

static void
add_section (LsmDocument          *self,
             LsmFilter            *filter,
             const LsmPageOptions *options,
             const char           *name,
             gboolean              overview)
{
  Section section = { 0 };

  section.filter = filter != NULL ? g_object_ref (filter) : NULL;
  copy_options (&section.options, options);
  section.name = g_strdup (name);
  section.overview = overview;
  g_array_append_val (self->sections, section);
}

/* Frames a sector's page to its sites, with some room round them. */
static gboolean
sites_bounds (LsmFilter *filter,
              LsmBounds *bounds)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (filter));

  lsm_bounds_init_empty (bounds);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LsmFeature) site = g_list_model_get_item (G_LIST_MODEL (filter), i);
      double lon, lat;

      if (!lsm_feature_is_drawn_as_point (site) || !lsm_feature_get_location (site, &lon, &lat))
        continue;
      bounds->west = MIN (bounds->west, lon - 0.04);
      bounds->east = MAX (bounds->east, lon + 0.04);
      bounds->south = MIN (bounds->south, lat - 0.04);
      bounds->north = MAX (bounds->north, lat + 0.04);
    }

  return !lsm_bounds_is_empty (bounds);
}

/**
 * lsm_document_new:
 * @scene: what to draw
 * @filter: (nullable): which sites
 * @options: the pages, a plain map or an atlas; their title, when set, heads every section
 *
 * Returns: (transfer full): a document; call lsm_document_paginate() before drawing
 */
LsmDocument *
lsm_document_new (LsmScene             *scene,
                  LsmFilter            *filter,
                  const LsmPageOptions *options)
{
  LsmAtlasBy by = options->atlas;
  LsmDocument *self = g_new0 (LsmDocument, 1);
  LsmCatalog *catalog = lsm_scene_get_catalog (scene);
  g_autofree char *title = options->title != NULL ? g_strdup (options->title)
                                                  : lsm_page_filter_title (filter, NULL);

  self->scene = g_object_ref (scene);
  self->sections = g_array_new (FALSE, TRUE, sizeof (Section));
  g_array_set_clear_func (self->sections, section_clear);
  self->pages = g_array_new (FALSE, TRUE, sizeof (Page));

  if (by == LSM_ATLAS_NONE)
    {
      add_section (self, filter, options, NULL, FALSE);
      return self;
    }

  add_section (self, filter, options, NULL, TRUE);
  g_free (g_array_index (self->sections, Section, 0).options.title);
  g_array_index (self->sections, Section, 0).options.title = g_strdup (title);

  if (by == LSM_ATLAS_BY_DISTRICT)
    {
      GListModel *districts = lsm_catalog_get_districts (catalog);

      for (guint i = 0; i < g_list_model_get_n_items (districts); i++)
        {
          g_autoptr(LsmFeature) district = g_list_model_get_item (districts, i);
          const char *name = lsm_feature_get_name (district);
          g_autoptr(LsmFilter) narrowed = copy_filter (scene, filter);
          LsmPageOptions page;

          if (name == NULL)
            continue;
          lsm_filter_set_district (narrowed, name);
          copy_options (&page, options);
          g_free (page.title);
          /* Translators: an atlas page's title: the atlas's title, then a district or sector */
          page.title = g_strdup_printf (_("%s — %s"), title, name);
          page.extent = LSM_EXTENT_DISTRICT;
          g_free (page.district);
          page.district = g_strdup (name);
          add_section (self, narrowed, &page, name, FALSE);
          lsm_page_options_clear (&page);
        }
    }
  else
    {
      guint n_sectors;
      g_autofree LsmSector *sectors = lsm_sector_list (&n_sectors);

      for (guint i = 0; i < n_sectors; i++)
        {
          LsmSector s = sectors[i];
          const char *only[] = { lsm_sector_get_id (s), NULL };
          g_autoptr(LsmFilter) narrowed = NULL;
          LsmPageOptions page;

          if (filter != NULL && !lsm_filter_get_sector_visible (filter, s))
            continue;
          narrowed = copy_filter (scene, filter);
          lsm_filter_show_only_sectors (narrowed, only);
          if (g_list_model_get_n_items (G_LIST_MODEL (narrowed)) == 0)
            continue;

          copy_options (&page, options);
          g_free (page.title);
          page.title = g_strdup_printf (_("%s — %s"), title, lsm_sector_get_label (s));
          if (sites_bounds (narrowed, &page.bounds))
            page.extent = LSM_EXTENT_BOUNDS;
          add_section (self, narrowed, &page, lsm_sector_get_label (s), FALSE);
          lsm_page_options_clear (&page);
        }
    }

  return self;
}

void
lsm_document_free (LsmDocument *self)
{
  g_clear_object (&self->scene);
  g_array_unref (self->sections);
  g_array_unref (self->pages);
  g_strfreev (self->contents);
  g_free (self);
}

static void
add_page (LsmDocument *self,
          guint        section,
          guint        first_row,
          guint        first_note)
{
  Page page = { section, first_row, first_note };

  g_array_append_val (self->pages, page);
}

/**
 * lsm_document_paginate:
 * @self: a document
 * @cr: a cairo context like the one pages will be drawn on, to measure text with
 * @width: page width in points
 * @height: page height in points
 *
 * Lays out every page once, off the page, to learn how far each key runs.
 *
 * Returns: the number of pages
 */
/* Lays every page out once, off the page, with the overview listing @contents. */
static void
lay_out (LsmDocument        *self,
         const char * const *contents,
         cairo_t            *cr,
         double              width,
         double              height)
{
  g_array_set_size (self->pages, 0);
  for (guint s = 0; s < self->sections->len; s++)
    {
      Section *section = &g_array_index (self->sections, Section, s);
      LsmPageSection page = { 0 };

      section->first_page = self->pages->len;
      add_page (self, s, G_MAXUINT, 0);
      page.contents = section->overview ? contents : NULL;
      page.page_label = "";
      _lsm_page_draw_section (self->scene, section->filter, &section->options, cr, width, height, NULL, &page);
      g_clear_pointer (&section->rows, g_ptr_array_unref);
      g_clear_pointer (&section->notes, g_ptr_array_unref);
      section->rows = g_steal_pointer (&page.rows);
      section->notes = g_steal_pointer (&page.notes);

      while (page.next_row < section->rows->len || page.next_note < section->notes->len)
        {
          add_page (self, s, page.next_row, page.next_note);
          page.first_row = page.next_row;
          page.first_note = page.next_note;
          page.rows = section->rows;
          page.notes = section->notes;
          _lsm_page_draw_key_page (self->scene, section->filter, &section->options, cr, width, height, &page);
          page.rows = NULL;
          page.notes = NULL;
        }
      section->n_pages = self->pages->len - section->first_page;
    }
}

/* The overview's contents; with @placeholder, lines as long as the real ones will be. */
static GStrv
make_contents (LsmDocument *self,
               gboolean     placeholder)
{
  g_autoptr(GPtrArray) contents = g_ptr_array_new_with_free_func (g_free);

  for (guint s = 0; s < self->sections->len; s++)
    {
      Section *section = &g_array_index (self->sections, Section, s);
      guint number = placeholder ? 10 * self->sections->len : section->first_page + 1;

      if (section->name != NULL)
        /* Translators: a line of an atlas's contents: a district or sector, its page */
        g_ptr_array_add (contents, g_strdup_printf (_("%s — page %u"), section->name, number));
    }
  g_ptr_array_add (contents, NULL);

  return (GStrv) g_ptr_array_steal (contents, NULL);
}

/**
 * lsm_document_paginate:
 * @self: a document
 * @cr: a cairo context like the one pages will be drawn on, to measure text with
 * @width: page width in points
 * @height: page height in points
 *
 * Lays out every page off the page, to learn how far each key and legend runs; an atlas twice,
 * since its contents list the pages that its overview's length moves.
 *
 * Returns: the number of pages
 */
guint
lsm_document_paginate (LsmDocument *self,
                       cairo_t     *cr,
                       double       width,
                       double       height)
{
  g_auto(GStrv) placeholder = make_contents (self, TRUE);

  /* A group on the same target measures text as the pages will, and is thrown away. */
  cairo_save (cr);
  cairo_push_group (cr);
  lay_out (self, (const char * const *) placeholder, cr, width, height);
  g_strfreev (self->contents);
  self->contents = make_contents (self, FALSE);
  if (g_strv_length (self->contents) > 0)
    {
      lay_out (self, (const char * const *) self->contents, cr, width, height);
      g_strfreev (self->contents);
      self->contents = make_contents (self, FALSE);
    }
  cairo_pattern_destroy (cairo_pop_group (cr));
  cairo_restore (cr);

  return self->pages->len;
}

/**
 * lsm_document_draw_page:
 * @self: a paginated document
 * @page: which page, from 0
 * @cr: a cairo context in points
 * @width: page width in points
 * @height: page height in points
 * @map: (out) (optional): where the map went, on a map page
 */
void
lsm_document_draw_page (LsmDocument *self,
                        guint        page,
                        cairo_t     *cr,
                        double       width,
                        double       height,
                        LsmPageMap  *map)
{
  const Page *p;
  Section *section;
  LsmPageSection draw = { 0 };
  g_autofree char *label = NULL;

  g_return_if_fail (page < self->pages->len);

  p = &g_array_index (self->pages, Page, page);
  section = &g_array_index (self->sections, Section, p->section);
  if (self->pages->len > 1)
    /* Translators: a page number at the foot of a printed page */
    label = g_strdup_printf (_("Page %u of %u"), page + 1, self->pages->len);
  draw.page_label = label;
  draw.contents = section->overview ? (const char * const *) self->contents : NULL;

  if (p->first_row == G_MAXUINT)
    {
      _lsm_page_draw_section (self->scene, section->filter, &section->options, cr, width, height, map, &draw);
      g_clear_pointer (&draw.rows, g_ptr_array_unref);
      g_clear_pointer (&draw.notes, g_ptr_array_unref);
    }
  else
    {
      draw.rows = section->rows;
      draw.notes = section->notes;
      draw.first_row = p->first_row;
      draw.first_note = p->first_note;
      _lsm_page_draw_key_page (self->scene, section->filter, &section->options, cr, width, height, &draw);
    }
}

gboolean
lsm_atlas_parse_by (const char  *name,
                    LsmAtlasBy  *by,
                    GError     **error)
{
  if (g_ascii_strcasecmp (name, "district") == 0)
    *by = LSM_ATLAS_BY_DISTRICT;
  else if (g_ascii_strcasecmp (name, "sector") == 0)
    *by = LSM_ATLAS_BY_SECTOR;
  else
    {
      /* Translators: %s is what the user typed after --atlas-by= */
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--atlas-by “%s”: use district or sector"), name);
      return FALSE;
    }

  return TRUE;
}

