/* Shared by the analysing commands (metrics, reach, path, partners). */
#ifndef PN_ANALYSIS_H
#define PN_ANALYSIS_H

#include <stddef.h>

#include "cli.h"
#include "view_opts.h"

/* Find an actor by id for option `option` (e.g. "--from"). Unknown ids print
 * "paranet CMD: --from: no actor 'x' in FILE (did you mean 'y'?)" and give
 * EXIT_INVALID, as an unknown --ego does. Returns EXIT_OK and sets *out. */
int an_find_actor(const char *command, const char *option, const pn_dataset *ds, const char *id,
                  size_t *out);

/* Check the --ego id (with a suggestion), then build the view's graph.
 * Returns an exit code; *out is set on EXIT_OK. */
int an_view_graph(const char *command, const pn_dataset *ds, const view_opts *vo, pn_diags *diags,
                  pn_graph **out);

/* pn_view_describe into a new string (free()), or NULL. */
char *an_describe(const pn_view *view);

/* A tie's years: "2016" (since only), "2016-2018", "-2018" (until only), or "". */
const char *an_years(const pn_tie *t, char *buf, size_t size);

/* A tie's id, or "ties[N]" when it has none. */
const char *an_tie_label(const pn_dataset *ds, size_t tie, char *buf, size_t size);

/* Print one tie as evidence: "<indent>ID: type instrument years status (a -> b)"
 * and, below it, one line per citation: "<indent>  source: ID, page". Marks
 * the sources it cites in `cited` (may be NULL; an_cited_new). */
void an_print_tie(FILE *out, const pn_dataset *ds, size_t tie, const char *indent, bool *cited);

/* A zeroed flag per source of ds (free()), or NULL. */
bool *an_cited_new(const pn_dataset *ds);

/* "Sources cited above:" and the full citation of each flagged source. */
void an_print_sources(FILE *out, const pn_dataset *ds, const bool *cited);

/* Print a path as "a > b > c" (actor ids). */
void an_print_path(FILE *out, const pn_graph *g, const size_t *v, size_t len);

/* Print each hop of a path with the ties behind it (--explain). */
void an_explain_path(FILE *out, const pn_graph *g, const size_t *v, size_t len, const char *indent,
                     bool *cited);

#endif
