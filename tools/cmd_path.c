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
    "                   years, status and the source of each (study and page)\n"
    "  -h, --help       show this help\n"
    "\n" VIEW_OPTS_LEGACY_HELP "\n"
    "No path, or an end the view leaves out, is an empty answer (exit 0).\n"
    "An id not in the dataset is an error (exit 1).\n"
    "\n"
    "Example:\n"
    "  paranet path datasets/tangsel.json --from daejeon --to banyumas --explain\n";

enum { OPT_FROM = VIEW_OPT_LAST + 1, OPT_TO };

static int print_report(const pn_graph *g, size_t a, size_t b, bool all, bool explain,
                        pn_diags *diags)
{
    const pn_dataset *ds = pn_graph_dataset(g);
    const pn_actor *aa = pn_dataset_actor(ds, a), *bb = pn_dataset_actor(ds, b);
    size_t va, vb;
    if (pn_graph_actor_vertex(g, a, &va) != 0 || pn_graph_actor_vertex(g, b, &vb) != 0) {
        const pn_actor *out = pn_graph_actor_vertex(g, a, NULL) != 0 ? aa : bb;
        printf("# %s (%s) is not in this view: no path\n", out->id, out->name);
        return EXIT_OK;
    }
    pn_paths *p = NULL;
    int rc = pn_paths_all(&p, g, va, vb, all ? 0 : 1, diags);
    if (rc) {
        cli_print_diags(diags);
        return cli_exit_code(rc);
    }
    size_t n = pn_paths_count(p);
    if (n == 0) {
        printf("# no path from %s to %s in this view\n", aa->id, bb->id);
        pn_paths_free(p);
        return EXIT_OK;
    }
    size_t len;
    pn_paths_get(p, 0, &len);
    if (all)
        printf("# %zu shortest path%s of %zu hop%s%s\n", n, n == 1 ? "" : "s", len - 1,
               len == 2 ? "" : "s", pn_paths_truncated(p) ? " (more left out)" : "");
    else
        printf("# shortest path: %zu hop%s%s\n", len - 1, len == 2 ? "" : "s",
               pn_paths_truncated(p) ? " (others of the same length: --all)" : "");
    bool *cited = an_cited_new(ds);
    if (!cited) {
        pn_paths_free(p);
        return EXIT_INTERNAL;
    }
    for (size_t i = 0; i < n; i++) {
        const size_t *v = pn_paths_get(p, i, &len);
        an_print_path(stdout, g, v, len);
        putchar('\n');
        if (explain)
            an_explain_path(stdout, g, v, len, "    ", cited);
    }
    an_print_sources(stdout, ds, cited);
    free(cited);
    pn_paths_free(p);
    return EXIT_OK;
}

static int run(int argc, char **argv)
{
    static const struct option own[] = {{"from", required_argument, NULL, OPT_FROM},
                                        {"to", required_argument, NULL, OPT_TO},
                                        {"all", no_argument, NULL, 'a'},
                                        {"explain", no_argument, NULL, 'e'},
                                        {"help", no_argument, NULL, 'h'},
                                        {NULL, 0, NULL, 0}};
    const struct option *longopts = view_opts_merge(own);
    view_opts vo;
    view_opts_init(&vo);
    const char *from = NULL, *to = NULL;
    bool all = false, explain = false;
    int code = EXIT_OK, c;
    while ((c = cli_getopt("path", argc, argv, "aeh", longopts)) != -1) {
        int v = view_opts_parse(&vo, "path", c, optarg, argc, argv);
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
        } else if (c == OPT_TO) {
            to = optarg;
        } else if (c == 'a') {
            all = true;
        } else if (c == 'e') {
            explain = true;
        } else {
            code = EXIT_USAGE;
            goto done;
        }
    }
    view_opts_finish(&vo);
    if (optind != argc - 1) {
        code = cli_usage_error("path", optind >= argc ? "no FILE given" : "one FILE only");
        goto done;
    }
    if (!from || !to) {
        code = cli_usage_error("path", "--from A and --to B are required");
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
    size_t a = 0, b = 0;
    code = cli_load(file, &vo.load, diags, &ds);
    if (code == EXIT_OK)
        code = an_find_actor("path", "--from", ds, from, &a);
    if (code == EXIT_OK)
        code = an_find_actor("path", "--to", ds, to, &b);
    if (code == EXIT_OK)
        code = an_view_graph("path", ds, &vo, diags, &g);
    if (code == EXIT_OK && !(view = an_describe(&vo.view)))
        code = EXIT_INTERNAL;
    if (code == EXIT_OK) {
        printf("# paranet path %s --from %s --to %s%s\n# view: %s\n",
               strcmp(file, "-") == 0 ? "<stdin>" : file, from, to, all ? " --all" : "", view);
        code = print_report(g, a, b, all, explain, diags);
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
const cli_spec pn_cmd_path = {.name = "path",
                              .summary = "the shortest path(s) between two actors, with evidence",
                              .help = help,
                              .legacy_run = run};
