/* Yearly panels: `metrics --over Y1:Y2[:STEP]`, the view of each year by
 * the rules of --at, in one table (docs/metrics.md, "Panels"). */
#ifndef PN_PANEL_H
#define PN_PANEL_H

#include <stdbool.h>

#include "pipeline.h"

/* The most years a panel holds. */
#define PANEL_MAX_YEARS 10000
/* The most cells its table holds (about 1 GB of memory). */
#define PANEL_MAX_CELLS 25000000

typedef struct panel_years {
    int first, last, step;
} panel_years;

/* Parse --over's "Y1:Y2" or "Y1:Y2:STEP" (years 1 to 9999, as --at);
 * a usage error otherwise. Returns an exit code. */
int panel_parse(const char *command, const char *arg, panel_years *out);

/* Once the options are read: --over with --at or --between is a usage
 * error; the job's view becomes the panel's window (from_year..to_year:
 * every tie some year of the panel holds, so the pipeline's notes and its
 * graph are those of the whole panel) and drops isolates as --at does. */
int panel_check(cli_job *job, const panel_years *years);

/* The view line with "over=Y1:Y2[:STEP]" in place of the window's
 * "between=Y1-Y2" (job->view and the report's). Returns an exit code. */
int panel_view_line(cli_job *job, const panel_years *years);

/* "each year from 2012 to 2020", "every 2 years from 2012 to 2020". */
const char *panel_words(const panel_years *years, char *buf, size_t size);

/* Called for each year with its graph (the graph of --at YEAR): the
 * year's rows into *t, the panel's table (made by the first year). It runs
 * in a child process: it may add rows to *t and nothing else to job->out. */
typedef int (*panel_year_fn)(cli_job *job, void *ctx, const pn_graph *g, int year,
                             report_table **t);

/* For each year of the panel, the graph of the view in force that year
 * (pn_view_series), its ego note as a report note "note: YEAR: ...", then
 * fn, in a child process that starts from the igraph state of a single
 * --at run (docs/metrics.md, "Panels"). Then what a single --at run says of each year, merged: a
 * note naming the years whose view has no tie (with actor_rows, saying that those years have no
 * rows, or rows without ties), and on stderr (unless quiet) the ties left out for their basis, by
 * year. Returns an exit code. */
int panel_run(cli_job *job, const panel_years *years, panel_year_fn fn, void *ctx, bool actor_rows);

#endif
