/* paranet path FILE --from A --to B: the shortest path(s), with evidence. */
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "pipeline.h"

static const char help[] =
    "Usage: paranet path [OPTIONS] FILE --from A --to B\n"
    "\n"
    "The shortest path from actor A to actor B in the view, in hops. Among\n"
    "shortest paths of equal length the one printed is the smallest sequence\n"
    "of actor ids; --all prints every shortest path in that order. In a\n"
    "directed view paths follow directed ties forward (undirected ties both\n"
    "ways). See docs/path.md.\n"
    "\n"
    "Options:\n"
    "      --from A     where the path starts (required)\n"
    "      --to B       where it ends (required)\n"
    "  -a, --all        every shortest path (at most 10000), not just one\n"
    "  -e, --explain    every hop with the ties behind it: type, instrument,\n"
    "                   years, status, basis when not \"reported\"\n"
    "                   (\"[recommended]\") and the source of each (study and\n"
    "                   page)\n"
    "  -h, --help       show this help\n";

static const char help_tail[] =
    "No path, or an end the view leaves out, is an empty answer (exit 0).\n"
    "An id not in the dataset is an error (exit 1).\n"
    "Tables (docs/path.md): one row per path; with --explain, \"evidence\"\n"
    "(one row per tie and citation of each hop) and \"sources\".\n"
    "\n"
    "Example:\n"
    "  paranet path datasets/tangsel.json --from daejeon --to banyumas --explain\n"
    "  paranet path datasets/tangsel.json --from daejeon --to banyumas --explain --format json\n";

enum { OPT_FROM = CLI_OPT_LAST, OPT_TO };

typedef struct path_state {
    an_actors who; /* --from, --to, --explain */
    bool all;
} path_state;

static void init(void *state)
{
    an_actors who = {2,
                     {OPT_FROM, OPT_TO},
                     {"--from", "--to"},
                     "--from A and --to B are required",
                     {NULL},
                     {0},
                     false};
    ((path_state *)state)->who = who;
}

static int option(cli_job *job, void *state, int c, const char *arg)
{
    if (c != 'a')
        return an_actors_option(job, state, c, arg);
    ((path_state *)state)->all = true;
    return EXIT_OK;
}

/* The notes, and one row per path (its text the path). */
static int rows(cli_job *job, const path_state *st, const pn_paths *p, report_table *t,
                an_evidence *ev)
{
    const pn_dataset *ds = job->ds;
    size_t n = pn_paths_count(p), len;
    if (n == 0) {
        report_note(&job->out, "no path from %s to %s in this view",
                    pn_dataset_actor(ds, st->who.actor[0])->id,
                    pn_dataset_actor(ds, st->who.actor[1])->id);
        return EXIT_OK;
    }
    pn_paths_get(p, 0, &len);
    if (st->all)
        report_note(&job->out, "%zu shortest path%s of %zu hop%s%s", n, n == 1 ? "" : "s", len - 1,
                    len == 2 ? "" : "s", pn_paths_truncated(p) ? " (more left out)" : "");
    else
        report_note(&job->out, "shortest path: %zu hop%s%s", len - 1, len == 2 ? "" : "s",
                    pn_paths_truncated(p) ? " (others of the same length: --all)" : "");
    for (size_t i = 0; i < n && !job->out.failed; i++) {
        const size_t *v = pn_paths_get(p, i, &len);
        char *text = an_path_text(job->graph, v, len);
        if (!text)
            return EXIT_INTERNAL;
        char number[32], hops[32];
        snprintf(number, sizeof(number), "%zu", i + 1);
        snprintf(hops, sizeof(hops), "%zu", len - 1);
        const char *cells[] = {number, hops, text};
        report_row(&job->out, t, cells);
        report_row_text(&job->out, t, "%s", text);
        free(text);
        if (st->who.explain)
            an_evidence_hops(ev, job->graph, number, v, len, 1, t, "    ");
    }
    return EXIT_OK;
}

static int compute(cli_job *job, void *state)
{
    path_state *st = state;
    const pn_graph *g = job->graph;
    report_set_title(&job->out, "paranet path %s --from %s --to %s%s", job->file, st->who.id[0],
                     st->who.id[1], st->all ? " --all" : "");
    report_set_subject(&job->out, "%s from %s to %s",
                       st->all ? "The shortest paths" : "A shortest path",
                       pn_dataset_actor(job->ds, st->who.actor[0])->name,
                       pn_dataset_actor(job->ds, st->who.actor[1])->name);
    static const char *const head[] = {"path", "hops", "actors"};
    static const bool numeric[] = {true, true, false};
    report_table *t = report_table_new(&job->out, NULL, 3, head, numeric);
    an_evidence ev = {0};
    int code =
        st->who.explain ? an_evidence_init_hops(&ev, &job->out, job->ds, "path", true) : EXIT_OK;
    size_t va, vb;
    pn_paths *p = NULL;
    bool in_a = pn_graph_actor_vertex(g, st->who.actor[0], &va) == 0;
    bool in_b = pn_graph_actor_vertex(g, st->who.actor[1], &vb) == 0;
    if (code == EXIT_OK && (!in_a || !in_b)) {
        const pn_actor *out = pn_dataset_actor(job->ds, in_a ? st->who.actor[1] : st->who.actor[0]);
        report_note(&job->out, "%s (%s) is not in this view: no path", out->id, out->name);
    } else if (code == EXIT_OK) {
        code = cli_fail(job, pn_paths_all(&p, g, va, vb, st->all ? 0 : 1, job->diags));
    }
    if (code == EXIT_OK && p)
        code = rows(job, st, p, t, &ev);
    if (st->who.explain)
        an_evidence_finish(&ev);
    pn_paths_free(p);
    return code;
}

static const struct option options[] = {{"from", required_argument, NULL, OPT_FROM},
                                        {"to", required_argument, NULL, OPT_TO},
                                        {"all", no_argument, NULL, 'a'},
                                        {"explain", no_argument, NULL, 'e'},
                                        {NULL, 0, NULL, 0}};

const cli_spec pn_cmd_path = {
    .name = "path",
    .summary = "the shortest path(s) between two actors, with evidence",
    .help = help,
    .help_tail = help_tail,
    .uses = CLI_LOAD | CLI_VIEW | CLI_GRAPH | CLI_FORMAT,
    .shortopts = "ae",
    .options = options,
    .state_size = sizeof(path_state),
    .init = init,
    .option = option,
    .check = an_actors_check,
    .loaded = an_actors_loaded,
    .compute = compute,
};
