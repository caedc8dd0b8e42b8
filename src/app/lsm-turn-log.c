/* lsm-turn-log.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-turns"

#include "config.h"

#include <execinfo.h>
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include "lsm-turn-log.h"

/* A main-loop turn that runs long freezes the window, and a timer around it says only that it
 * did: what froze it is the source being dispatched and the code it was in. A watcher thread
 * sees a turn pass the budget and signals the main thread, whose handler notes the source and
 * its stack; the turn's length and that note are logged when the turn ends. GLib's poll
 * function marks where each turn starts and ends: it is called once per turn, between them. */

#define MAX_FRAMES 64
#define MAX_SAMPLES 64

static struct
{
  GPollFunc  poll;
  gint64     budget;        /* µs */
  pthread_t  main_thread;
  gpointer   turn_start;    /* atomic, a monotonic time; NULL while the main loop waits in poll */
  int        asked;         /* atomic: a sample is asked and not yet taken */
  int        n_samples;     /* atomic: taken in this turn */
  gint64     next_sample;   /* µs into the turn */
  void      *frames[MAX_SAMPLES][MAX_FRAMES];
  int        n_frames[MAX_SAMPLES];
  char       source[128];
  guint      n_long;
  gint64     longest;
} turns;

static gint64 get_turn_start (void);

static void
on_sample_signal (int sig)
{
  GSource *source = g_main_current_source ();
  const char *name = source != NULL ? g_source_get_name (source) : NULL;
  int sample = g_atomic_int_get (&turns.n_samples);
  gsize i = 0;

  if (sample >= MAX_SAMPLES || get_turn_start () == 0)
    {
      g_atomic_int_set (&turns.asked, 0);
      return;
    }

  /* Only what is safe in a handler: a copy by hand, backtrace() preloaded at install. */
  if (sample == 0)
    {
      for (const char *p = name != NULL ? name : "(unnamed source)"; *p != '\0' && i + 1 < sizeof turns.source; p++)
        turns.source[i++] = *p;
      turns.source[i] = '\0';
    }
  turns.n_frames[sample] = backtrace (turns.frames[sample], MAX_FRAMES);
  g_atomic_int_set (&turns.n_samples, sample + 1);
  g_atomic_int_set (&turns.asked, 0);
}

/* A pointer, so that it is read and written whole from either thread. */
static gint64
get_turn_start (void)
{
  return (gint64) GPOINTER_TO_SIZE (g_atomic_pointer_get (&turns.turn_start));
}

static void
set_turn_start (gint64 start)
{
  g_atomic_pointer_set (&turns.turn_start, GSIZE_TO_POINTER ((gsize) start));
}

static gpointer
watch_thread (gpointer data)
{
  for (;;)
    {
      gint64 start = get_turn_start ();

      /* One sample each budget into a long turn: where its time goes, not only where it was. */
      if (start != 0 && g_get_monotonic_time () - start > turns.budget * (g_atomic_int_get (&turns.n_samples) + 1)
          && g_atomic_int_compare_and_exchange (&turns.asked, 0, 1))
        pthread_kill (turns.main_thread, SIGPROF);
      g_usleep (MAX (turns.budget / 4, 2000));
    }
  return NULL;
}

static int
timed_poll (GPollFD *fds,
            guint    n_fds,
            int      timeout)
{
  gint64 start = get_turn_start ();
  gint64 length = start != 0 ? g_get_monotonic_time () - start : 0;
  int result;

  set_turn_start (0);
  if (length > turns.budget)
    {
      turns.n_long++;
      turns.longest = MAX (turns.longest, length);
      g_message ("main-loop turn of %" G_GINT64_FORMAT " ms, in %s", length / 1000,
                 g_atomic_int_get (&turns.n_samples) > 0 ? turns.source : "(no sample)");
      for (int i = 0; i < g_atomic_int_get (&turns.n_samples); i++)
        {
          g_message ("  sample at %" G_GINT64_FORMAT " ms:", (i + 1) * turns.budget / 1000);
          /* The first two frames are the handler and the signal's return. */
          if (turns.n_frames[i] > 2)
            backtrace_symbols_fd (turns.frames[i] + 2, turns.n_frames[i] - 2, STDERR_FILENO);
        }
    }

  result = turns.poll (fds, n_fds, timeout);
  g_atomic_int_set (&turns.n_samples, 0);
  set_turn_start (g_get_monotonic_time ());

  return result;
}

/**
 * lsm_turn_log_install:
 * @budget_ms: the longest turn not logged
 *
 * Logs each turn of the default main context longer than @budget_ms, with the source it was
 * dispatching and the main thread's stack @budget_ms into it. For finding stalls, not for
 * users: LSMAP_DEBUG_TURNS=MS turns it on in lsmap.
 */
void
lsm_turn_log_install (guint budget_ms)
{
  struct sigaction action = { 0 };
  void *frame;

  g_return_if_fail (turns.poll == NULL);

  turns.budget = (gint64) MAX (budget_ms, 1) * 1000;
  turns.main_thread = pthread_self ();
  /* backtrace() loads its unwinder on first use, which a signal handler must not do. */
  backtrace (&frame, 1);
  action.sa_handler = on_sample_signal;
  action.sa_flags = SA_RESTART;
  sigemptyset (&action.sa_mask);
  sigaction (SIGPROF, &action, NULL);

  turns.poll = g_main_context_get_poll_func (NULL);
  g_main_context_set_poll_func (NULL, timed_poll);
  set_turn_start (g_get_monotonic_time ());
  g_thread_unref (g_thread_new ("lsm-turn-log", watch_thread, NULL));
}

/**
 * lsm_turn_log_get_longest:
 * @n_long: (out) (optional): how many turns were longer than the budget
 *
 * Returns: the longest turn logged so far, in milliseconds; 0 when none was
 */
double
lsm_turn_log_get_longest (guint *n_long)
{
  if (n_long != NULL)
    *n_long = turns.n_long;
  return turns.longest / 1000.0;
}

/**
 * lsm_turn_log_reset:
 *
 * Forgets the turns logged so far.
 */
void
lsm_turn_log_reset (void)
{
  turns.n_long = 0;
  turns.longest = 0;
}
