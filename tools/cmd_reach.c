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
    "                   instrument, years, status and the source of each\n"
    "  -h, --help       show this help\n"
    "\n" VIEW_OPTS_LEGACY_HELP "\n"
    "An actor that the view leaves out reaches nobody: the answer is empty\n"
    "(exit 0). An id not in the dataset is an error (exit 1).\n"
    "\n"
    "Example:\n"
    "  paranet reach datasets/tangsel.json --from daejeon --hops 2 --explain\n";

enum { OPT_FROM = VIEW_OPT_LAST + 1 };

static int print_report(const pn_graph *g, size_t actor, const char *file, const char *from,
                        long hops, bool paths, bool explain, const char *view, pn_diags *diags)
{
    const pn_dataset *ds = pn_graph_dataset(g);
    const pn_actor *a = pn_dataset_actor(ds, actor);
    printf("# paranet reach %s --from %s", file, from);
    if (hops > 0)
        printf(" --hops %ld", hops);
    if (paths)
        printf(" --paths");
    printf("\n# view: %s\n", view);
    size_t src;
    if (pn_graph_actor_vertex(g, actor, &src) != 0) {
        printf("# %s (%s) is not in this view: it reaches no actor\n", a->id, a->name);
        return EXIT_OK;
    }
    pn_reach *r = NULL;
    int rc = pn_reach_new(&r, g, src, (int)hops, diags);
    if (rc) {
        cli_print_diags(diags);
        return cli_exit_code(rc);
    }
    size_t n;
    const size_t *order = pn_reach_vertices(r, &n);
    printf("# %zu actor%s reachable from %s (%s)\n", n, n == 1 ? "" : "s", a->id, a->name);
    size_t *path = malloc((pn_graph_vertex_count(g) + 1) * sizeof(size_t));
    bool *cited = an_cited_new(ds);
    if (!path || !cited) {
        free(path);
        free(cited);
        pn_reach_free(r);
        return EXIT_INTERNAL;
    }
    if (n)
        printf(paths ? "distance\tid\tname\tvia\tpath\n" : "distance\tid\tname\tvia\n");
    for (size_t i = 0; i < n; i++) {
        size_t v = order[i], via = pn_reach_predecessor(r, v);
        int d = pn_reach_distance(r, v);
        const pn_actor *b = pn_dataset_actor(ds, pn_graph_vertex_actor(g, v));
        const pn_actor *p = pn_dataset_actor(ds, pn_graph_vertex_actor(g, via));
        printf("%d\t%s\t%s\t%s", d, b->id, b->name, p->id);
        size_t len = 0;
        if (paths) {
            len = pn_reach_path(r, v, path);
            putchar('\t');
            an_print_path(stdout, g, path, len);
        }
        putchar('\n');
        if (explain && paths) {
            an_explain_path(stdout, g, path, len, "    ", cited);
        } else if (explain) {
            /* The last hop only: linear in the output, whatever the distances. */
            size_t k;
            const size_t *ties = pn_path_hop_ties(g, via, v, &k);
            printf("    hop %d: %s (%s) -> %s (%s), %zu tie%s\n", d, p->id, p->name, b->id, b->name,
                   k, k == 1 ? "" : "s");
            for (size_t t = 0; t < k; t++)
                an_print_tie(stdout, ds, ties[t], "        ", cited);
        }
    }
    an_print_sources(stdout, ds, cited);
    free(cited);
    free(path);
    pn_reach_free(r);
    return EXIT_OK;
}

static int run(int argc, char **argv)
{
    static const struct option own[] = {{"from", required_argument, NULL, OPT_FROM},
                                        {"hops", required_argument, NULL, 'k'},
                                        {"explain", no_argument, NULL, 'e'},
                                        {"paths", no_argument, NULL, 'p'},
                                        {"help", no_argument, NULL, 'h'},
                                        {NULL, 0, NULL, 0}};
    const struct option *longopts = view_opts_merge(own);
    view_opts vo;
    view_opts_init(&vo);
    const char *from = NULL;
    long hops = 0;
    bool explain = false, paths = false;
    int code = EXIT_OK, c;
    while ((c = cli_getopt("reach", argc, argv, "k:eph", longopts)) != -1) {
        int v = view_opts_parse(&vo, "reach", c, optarg, argc, argv);
        if (v == 1)
            continue;
        if (v < 0) {
            code = EXIT_USAGE;
            goto done;
        }
        if (c == 'h') {
            fputs(help, stdout);
            goto done;
        } else if (c == OPT_FROM) {
            from = optarg;
        } else if (c == 'k') {
            if (!cli_parse_long(optarg, 1, 1000000, &hops)) {
                code = cli_usage_error("reach", "--hops needs a number of hops >= 1");
                goto done;
            }
        } else if (c == 'e') {
            explain = true;
        } else if (c == 'p') {
            paths = true;
        } else {
            code = EXIT_USAGE;
            goto done;
        }
    }
    view_opts_finish(&vo);
    if (optind != argc - 1) {
        code = cli_usage_error("reach", optind >= argc ? "no FILE given" : "one FILE only");
        goto done;
    }
    if (!from) {
        code = cli_usage_error("reach", "--from ID is required");
        goto done;
    }
    pn_diags *diags = NULL;
    pn_dataset *ds = NULL;
    pn_graph *g = NULL;
    char *view = NULL;
    if (pn_diags_new(&diags) != 0) {
        code = EXIT_INTERNAL;
        goto done;
    }
    const char *file = argv[optind];
    size_t actor = 0;
    code = cli_load(file, &vo.load, diags, &ds);
    if (code == EXIT_OK)
        code = an_find_actor("reach", "--from", ds, from, &actor);
    if (code == EXIT_OK)
        code = an_view_graph("reach", ds, &vo, diags, &g);
    if (code == EXIT_OK) {
        view = an_describe(&vo.view);
        code = view ? print_report(g, actor, strcmp(file, "-") == 0 ? "<stdin>" : file, from, hops,
                                   paths, explain, view, diags)
                    : EXIT_INTERNAL;
    }
    free(view);
    pn_graph_free(g);
    pn_dataset_free(ds);
    pn_diags_free(diags);
done:
    view_opts_free(&vo);
    return code;
}

/* Not yet on the pipeline (pipeline.h): its own main. */
const cli_spec pn_cmd_reach = {
    .name = "reach",
    .summary = "every actor one actor reaches, with distance, route and evidence",
    .help = help,
    .legacy_run = run};
