/* Shared by the analysing commands (metrics, reach, path, partners). */
#ifndef PN_ANALYSIS_H
#define PN_ANALYSIS_H

#include <stddef.h>

#include "cli.h"
#include "pipeline.h"
#include "report.h"
#include "view_opts.h"

/* Find an actor by id for option `option` (e.g. "--from"). Unknown ids print
 * "paranet CMD: --from: no actor 'x' in FILE (did you mean 'y'?)" and give
 * EXIT_INVALID, as an unknown --ego does. Returns EXIT_OK and sets *out. */
int an_find_actor(const char *command, const char *option, const pn_dataset *ds, const char *id,
                  size_t *out);

/* The actors a command's options name (reach --from; path --from, --to;
 * partners --actor) and -e, --explain: the head of the command's state, so
 * that an_actors_option, an_actors_check and an_actors_loaded serve as its
 * cli_spec callbacks (or its own option callback ends in an_actors_option). */
typedef struct an_actors {
    size_t n;              /* options: 1 or 2 */
    int val[2];            /* their getopt values */
    const char *option[2]; /* their names, "--from" */
    const char *required;  /* the usage message when one is missing */
    const char *id[2];     /* as given */
    size_t actor[2];       /* found, once loaded */
    bool explain;
} an_actors;

/* An actor option or -e; EXIT_USAGE for any other. */
int an_actors_option(cli_job *job, void *state, int c, const char *arg);

/* Every actor option given, or the usage error. */
int an_actors_check(cli_job *job, void *state);

/* Look up each id (cli_find_actor). */
int an_actors_loaded(cli_job *job, void *state);

/* pn_view_describe into a new string (free()), or NULL. */
char *an_describe(const pn_view *view);

/* A tie's years: "2016" (since only), "2016-2018", "-2018" (until only), or "". */
const char *an_years(const pn_tie *t, char *buf, size_t size);

/* A tie's id, or "ties[N]" when it has none. */
const char *an_tie_label(const pn_dataset *ds, size_t tie, char *buf, size_t size);

/* A path's actor ids joined by " > " ("a > b > c"; free()), or NULL. */
char *an_path_text(const pn_graph *g, const size_t *v, size_t len);

/* --explain: the ties behind an answer and their sources, as two tables of
 * the report, and the same as text lines under the rows they explain.
 *
 *   "evidence"  the command's lead columns (reach: actor, hop, from, to),
 *               then one row per tie and citation: tie, type, instrument,
 *               years, status, basis, tie_from, tie_to, directed, source,
 *               page (a tie citing no source: one row, source and page
 *               empty). Hidden in the text format, which shows each tie
 *               under the row it explains:
 *                 <indent>ID: type instrument years status [basis] (a -> b)
 *                 <indent>  source: ID, page
 *               ("[basis]" only when it is not "reported": "[recommended]")
 *   "sources"   id, cite, url of each source cited, in dataset order; in
 *               text "\nSources cited above:" and "  ID: cite url" lines
 *               (nothing when none is cited).
 */
typedef struct an_evidence {
    report *out;
    const pn_dataset *ds;
    report_table *ties;
    size_t nlead;
    bool *cited; /* per source of ds */
} an_evidence;

/* Start the evidence table with lead columns (lead_numeric may be NULL).
 * Returns EXIT_OK or EXIT_INTERNAL. */
int an_evidence_init(an_evidence *ev, report *out, const pn_dataset *ds, size_t nlead,
                     const char *const *lead, const bool *lead_numeric);

/* The same with the lead columns of hops: key (numeric or not), hop, from, to. */
int an_evidence_init_hops(an_evidence *ev, report *out, const pn_dataset *ds, const char *key,
                          bool key_numeric);

/* A tie's rows after the lead cells, and its text lines under the last row
 * of `shown`. */
void an_evidence_tie(an_evidence *ev, const char *const *lead, size_t tie, report_table *shown,
                     const char *indent);

/* Each hop of a path (graph vertices v[0..len-1], the first hop numbered
 * first_hop): "<indent>hop N: a (A) -> b (B), K ties" under the last row of
 * `shown`, then its ties (lead cells: key, N, a, b; indent deeper by 4). */
void an_evidence_hops(an_evidence *ev, const pn_graph *g, const char *key, const size_t *v,
                      size_t len, size_t first_hop, report_table *shown, const char *indent);

/* Add the sources table and free what ev holds. */
void an_evidence_finish(an_evidence *ev);

#endif
