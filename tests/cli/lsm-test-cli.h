/* lsm-test-cli.h
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Running the real program for the command line's suites, and reading what it prints. */

/* The locale run_lsmap gives the program: C, or Vietnamese with its translation. */
extern gboolean run_in_vietnamese;

int         run_lsmap_argv (char       **out,
                            char       **err,
                            GStrv        envp,
                            const char  *first_arg,
                            va_list      args);
GStrv       cli_environ    (void);
int         run_lsmap      (char       **out,
                            char       **err,
                            const char  *first_arg,
                            ...);
JsonArray  *list_json      (JsonNode   **root_out,
                            const char  *first_filter,
                            const char  *second_filter);
JsonObject *find_site      (JsonArray   *sites,
                            const char  *id);

G_END_DECLS
