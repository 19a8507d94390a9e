/* paranet reach FILE --from ID: every actor reachable, its distance and the
 * actor it is reached through (the whole path with --paths). */
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "pipeline.h"

static const char help[] =
    "Usage: paranet reach [OPTIONS] FILE --from ID\n"
    "\n"
    "Every actor the given actor reaches in the view, its distance in hops and\n"
    "the actor it is reached through (`via`: the one before it on a shortest\n"
    "path), so that each path can be followed back to the start; --paths\n"
    "prints every path in full. Among shortest paths of equal length the one\n"
    "chosen is the smallest sequence of actor ids (compared from the start).\n"
    "Rows are sorted by distance, then by id. In a directed view paths follow\n"
    "directed ties forward (undirected ties both ways). See docs/reach.md.\n"
    "\n"
    "Options:\n"
    "      --from ID    the actor to start from (required)\n"
    "  -k, --hops K     only actors within K hops\n"
    "  -p, --paths      add a column with the whole path to each actor (its\n"
    "                   size grows with distance: a chain of N actors prints\n"
    "                   N^2/2 ids)\n"
    "  -e, --explain    under each actor, the hop that reaches it (with --paths,\n"
    "                   every hop of its path) with the ties behind it: type,\n"
    "                   instrument, years, status, basis when not \"reported\"\n"
    "                   (\"[recommended]\") and the source of each\n"
    "  -h, --help       show this help\n";

static const char help_tail[] =
    "An actor that the view leaves out reaches nobody: the answer is empty\n"
    "(exit 0). An id not in the dataset is an error (exit 1).\n"
    "Tables (docs/reach.md): the actors reached; with --explain, \"evidence\"\n"
    "(one row per tie and citation of each hop) and \"sources\".\n"
    "\n"
    "Example:\n"
    "  paranet reach datasets/tangsel.json --from daejeon --hops 2 --explain\n"
    "  paranet reach datasets/tangsel.json --from daejeon --format csv\n";

enum { OPT_FROM = CLI_OPT_LAST };

typedef struct reach_state {
    an_actors who; /* --from, --explain */
    long hops;
    bool paths;
} reach_state;

static void init(void *state)
{
    an_actors who = {1, {OPT_FROM}, {"--from"}, "--from ID is required", {NULL}, {0}, false};
    ((reach_state *)state)->who = who;
}

static int option(cli_job *job, void *state, int c, const char *arg)
{
    reach_state *st = state;
    switch (c) {
    case 'k':
        if (!cli_parse_long(arg, 1, 1000000, &st->hops))
            return cli_usage_error("reach", "--hops needs a number of hops >= 1");
        return EXIT_OK;
    case 'p':
        st->paths = true;
        return EXIT_OK;
    default:
        return an_actors_option(job, state, c, arg);
    }
}

/* One row per actor reached; its text the tab-separated cells. */
static int rows(cli_job *job, const reach_state *st, const pn_reach *r, report_table *t,
                an_evidence *ev)
{
    const pn_graph *g = job->graph;
    const pn_dataset *ds = job->ds;
    size_t n;
    const size_t *order = pn_reach_vertices(r, &n);
    size_t *path = malloc((pn_graph_vertex_count(g) + 1) * sizeof(size_t));
    if (!path)
        return EXIT_INTERNAL;
    for (size_t i = 0; i < n && !job->out.failed; i++) {
        size_t v = order[i], via = pn_reach_predecessor(r, v);
        int d = pn_reach_distance(r, v);
        const pn_actor *b = pn_dataset_actor(ds, pn_graph_vertex_actor(g, v));
        const pn_actor *p = pn_dataset_actor(ds, pn_graph_vertex_actor(g, via));
        char dist[32];
        snprintf(dist, sizeof(dist), "%d", d);
        size_t len = st->paths ? pn_reach_path(r, v, path) : 0;
        char *text = st->paths ? an_path_text(g, path, len) : NULL;
        if (st->paths && !text) {
            free(path);
            return EXIT_INTERNAL;
        }
        const char *cells[] = {dist, b->id, b->name, p->id, text};
        report_row(&job->out, t, cells);
        report_row_text(&job->out, t, "%s\t%s\t%s\t%s%s%s", dist, b->id, b->name, p->id,
                        st->paths ? "\t" : "", st->paths ? text : "");
        free(text);
        if (st->who.explain && st->paths)
            an_evidence_hops(ev, g, b->id, path, len, 1, t, "    ");
        else if (st->who.explain) /* the last hop only: linear in the output */
            an_evidence_hops(ev, g, b->id, (const size_t[]){via, v}, 2, (size_t)d, t, "    ");
    }
    free(path);
    return EXIT_OK;
}

static int compute(cli_job *job, void *state)
{
    reach_state *st = state;
    const pn_actor *a = pn_dataset_actor(job->ds, st->who.actor[0]);
    char hops[32] = "";
    if (st->hops > 0)
        snprintf(hops, sizeof(hops), " --hops %ld", st->hops);
    report_set_title(&job->out, "paranet reach %s --from %s%s%s", job->file, st->who.id[0], hops,
                     st->paths ? " --paths" : "");
    if (st->hops > 0)
        report_set_subject(&job->out, "The actors within %ld hop%s of %s and their distance",
                           st->hops, st->hops == 1 ? "" : "s", a->name);
    else
        report_set_subject(&job->out, "The actors %s reaches and their distance", a->name);
    static const char *const head[] = {"distance", "id", "name", "via", "path"};
    static const bool numeric[] = {true, false, false, false, false};
    report_table *t = report_table_new(&job->out, NULL, st->paths ? 5 : 4, head, numeric);
    report_table_text_head(&job->out, t,
                           st->paths ? "distance\tid\tname\tvia\tpath" : "distance\tid\tname\tvia");
    an_evidence ev = {0};
    int code =
        st->who.explain ? an_evidence_init_hops(&ev, &job->out, job->ds, "actor", false) : EXIT_OK;
    size_t src;
    pn_reach *r = NULL;
    bool in_view = pn_graph_actor_vertex(job->graph, st->who.actor[0], &src) == 0;
    if (code == EXIT_OK && !in_view)
        report_note(&job->out, "%s (%s) is not in this view: it reaches no actor", a->id, a->name);
    else if (code == EXIT_OK)
        code = cli_fail(job, pn_reach_new(&r, job->graph, src, (int)st->hops, job->diags));
    if (code == EXIT_OK && r) {
        size_t n;
        pn_reach_vertices(r, &n);
        report_note(&job->out, "%zu actor%s reachable from %s (%s)", n, n == 1 ? "" : "s", a->id,
                    a->name);
        code = rows(job, st, r, t, &ev);
    }
    if (st->who.explain)
        an_evidence_finish(&ev);
    pn_reach_free(r);
    return code;
}

static const struct option options[] = {{"from", required_argument, NULL, OPT_FROM},
                                        {"hops", required_argument, NULL, 'k'},
                                        {"explain", no_argument, NULL, 'e'},
                                        {"paths", no_argument, NULL, 'p'},
                                        {NULL, 0, NULL, 0}};

const cli_spec pn_cmd_reach = {
    .name = "reach",
    .summary = "every actor one actor reaches, with distance, route and evidence",
    .help = help,
    .help_tail = help_tail,
    .uses = CLI_LOAD | CLI_VIEW | CLI_GRAPH | CLI_FORMAT,
    .shortopts = "k:ep",
    .options = options,
    .state_size = sizeof(reach_state),
    .init = init,
    .option = option,
    .check = an_actors_check,
    .loaded = an_actors_loaded,
    .compute = compute,
};
