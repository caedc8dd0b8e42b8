/* lsm-loader-async.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-loader"

#include "config.h"

#include "lsm-loader-private.h"

/* A load in a worker thread: asked for by a window, or begun by the application at start-up and
 * handed to the first window that asks. */

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LsmLoader *self = source_object;
  g_autoptr(GError) error = NULL;
  LsmCatalog *catalog;

  catalog = lsm_loader_load (self, cancellable, &error);
  if (catalog == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, catalog, g_object_unref);
}

/* Progress is notified on the main context of the thread that asks for the load. */
static void
run_in_thread (LsmLoader *self,
               GTask     *task)
{
  g_clear_pointer (&self->context, g_main_context_unref);
  self->context = g_main_context_ref_thread_default ();
  self->last_reported = 0;
  self->n_done = 0;
  self->n_total = 0;

  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, load_thread);
}

/* The started load's result goes to the one who asked for it, once both are there. */
static void
hand_over (LsmLoader *self)
{
  g_autoptr(GTask) waiter = NULL;

  if (!self->start_done || self->waiter == NULL)
    return;

  waiter = g_steal_pointer (&self->waiter);
  self->start_done = FALSE;
  g_clear_object (&self->start_cancellable);
  if (self->start_catalog != NULL)
    g_task_return_pointer (waiter, g_steal_pointer (&self->start_catalog), g_object_unref);
  else
    g_task_return_error (waiter, g_steal_pointer (&self->start_error));
}

static void
on_started_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  LsmLoader *self = LSM_LOADER (object);

  self->start_done = TRUE;
  self->start_catalog = g_task_propagate_pointer (G_TASK (result), &self->start_error);
  hand_over (self);
}

static void
cancel_start_cb (GCancellable *cancellable,
                 GCancellable *start)
{
  g_cancellable_cancel (start);
}

/**
 * lsm_loader_start:
 * @self: a loader
 *
 * Begins loading in a worker thread now, before anyone can take the result: the application
 * starts the data's load beside GTK's own start. The next lsm_loader_load_async() on @self
 * gets this load's result instead of loading again, and cancelling it cancels this load.
 * Progress is notified on the calling thread's main context.
 */
void
lsm_loader_start (LsmLoader *self)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (LSM_IS_LOADER (self));
  g_return_if_fail (self->start_cancellable == NULL && !self->start_done);

  self->start_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->start_cancellable, on_started_cb, NULL);
  run_in_thread (self, task);
}

/**
 * lsm_loader_load_async:
 * @self: a loader
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the calling thread's main context when done
 * @user_data: data for @callback
 *
 * Loads the data in a worker thread. #LsmLoader:progress is notified on the calling thread.
 */
void
lsm_loader_load_async (LsmLoader           *self,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (LSM_IS_LOADER (self));
  g_return_if_fail (self->waiter == NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lsm_loader_load_async);
  if (self->start_cancellable != NULL || self->start_done)
    {
      if (cancellable != NULL && !self->start_done)
        g_cancellable_connect (cancellable, G_CALLBACK (cancel_start_cb), g_object_ref (self->start_cancellable),
                               g_object_unref);
      self->waiter = g_steal_pointer (&task);
      hand_over (self);
      return;
    }

  run_in_thread (self, task);
}

/**
 * lsm_loader_load_finish:
 * @self: a loader
 * @result: the result
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the catalog
 */
LsmCatalog *
lsm_loader_load_finish (LsmLoader     *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (LSM_IS_LOADER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == lsm_loader_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
