/* paranet render FILE: a diagram of a view, as DOT, SVG, PNG or PDF. */
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "pipeline.h"
#include "cli.h"
#include "view_opts.h"

static const char help[] =
    "Usage: paranet render [OPTIONS] FILE\n"
    "\n"
    "Draw the network of a dataset (or of a view of it) with Graphviz, in\n"
    "process. The vocabulary of shapes, lines and colours is in docs/diagrams.md;\n"
    "the legend under the figure lists what it shows.\n"
    "\n"
    "Output:\n"
    "  -T, --format FMT        dot, svg, png or pdf (default: from the -o\n"
    "                          extension, else svg)\n"
    "  -o, --output OUT        write to OUT, atomically ('-' or none: standard output)\n"
    "\n"
    "Drawing:\n"
    "      --layout ENGINE     dot, neato, fdp, sfdp, circo or twopi (default dot; sfdp\n"
    "                          for views of more than 150 actors or 600 ties)\n"
    "      --force-layout      lay out even a view over the layout's size limit\n"
    "                          (dot 150 actors or 600 ties, neato and fdp 700/2100,\n"
    "                          twopi 1500/4500, circo 60/180; sfdp none): without\n"
    "                          it such a view is refused (exit 2); see docs/render.md\n"
    "      --theme THEME       color (countries coloured) or paper (grays, serif)\n"
    "      --cluster BY        country (default), kind or none\n"
    "      --legend            draw the legend (default)\n"
    "      --no-legend         leave it out\n"
    "      --labels WHAT       name (default), id, or short (first alias, else name)\n"
    "      --edge-labels WHAT  none (default), instrument, year or both\n"
    "      --size-by METRIC    node size from a metric (see `paranet metrics --help`)\n"
    "      --highlight-path A,B  highlight a shortest path from A to B, fade the rest\n"
    "      --title TEXT        a title above the legend\n"
    "      --seed N            start seed of neato, fdp and sfdp (default 1)\n"
    "  -h, --help              show this help\n"
    "\n" VIEW_OPTS_LEGACY_HELP "\n"
    "Examples:\n"
    "  paranet render datasets/tangsel.json -o tangsel.svg\n"
    "  paranet render datasets/tangsel.json --at 2016 --theme paper -o tangsel-2016.pdf\n"
    "  paranet render datasets/tangsel.json --ego daejeon --edge-labels both -o daejeon.png\n";

enum {
    OPT_LAYOUT = VIEW_OPT_LAST + 1,
    OPT_THEME,
    OPT_CLUSTER,
    OPT_LEGEND,
    OPT_NO_LEGEND,
    OPT_LABELS,
    OPT_EDGE_LABELS,
    OPT_SIZE_BY,
    OPT_HIGHLIGHT_PATH,
    OPT_TITLE,
    OPT_SEED,
    OPT_FORCE_LAYOUT
};

/* The format an output file name asks for, or NULL. */
static const char *format_of(const char *path)
{
    static const char *const ext[][2] = {
        {".dot", "dot"}, {".gv", "dot"}, {".svg", "svg"}, {".png", "png"}, {".pdf", "pdf"}};
    size_t n = strlen(path);
    for (size_t i = 0; i < sizeof(ext) / sizeof(ext[0]); i++) {
        size_t m = strlen(ext[i][0]);
        if (n > m && strcasecmp(path + n - m, ext[i][0]) == 0)
            return ext[i][1];
    }
    return NULL;
}

static int enum_option(const char *option, const char *arg, int *out)
{
    int v = pn_diagram_option_parse(option, arg);
    if (v < 0)
        return cli_usage_error("render", "--%s must be one of %s (got '%s')", option,
                               pn_diagram_option_values(option), arg);
    *out = v;
    return EXIT_OK;
}

/* Above this many actors in the view, the default layout is sfdp, not dot. */
#define LARGE_VIEW 150

static int run(int argc, char **argv)
{
    static const struct option own[] = {
        {"format", required_argument, NULL, 'T'},
        {"output", required_argument, NULL, 'o'},
        {"layout", required_argument, NULL, OPT_LAYOUT},
        {"theme", required_argument, NULL, OPT_THEME},
        {"cluster", required_argument, NULL, OPT_CLUSTER},
        {"legend", no_argument, NULL, OPT_LEGEND},
        {"no-legend", no_argument, NULL, OPT_NO_LEGEND},
        {"labels", required_argument, NULL, OPT_LABELS},
        {"edge-labels", required_argument, NULL, OPT_EDGE_LABELS},
        {"size-by", required_argument, NULL, OPT_SIZE_BY},
        {"highlight-path", required_argument, NULL, OPT_HIGHLIGHT_PATH},
        {"title", required_argument, NULL, OPT_TITLE},
        {"seed", required_argument, NULL, OPT_SEED},
        {"force-layout", no_argument, NULL, OPT_FORCE_LAYOUT},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    const struct option *longopts = view_opts_merge(own);
    view_opts vo;
    view_opts_init(&vo);
    pn_diagram_options o = PN_DIAGRAM_OPTIONS_INIT;
    const char *format = NULL, *output = NULL;
    char *path_from = NULL;
    pn_diags *diags = NULL;
    pn_dataset *ds = NULL;
    char *data = NULL;
    size_t len = 0;
    int code = EXIT_OK, c, v = 0;
    bool layout_given = false;
    long seed;
    while ((c = cli_getopt("render", argc, argv, "T:o:h", longopts)) != -1) {
        int r = view_opts_parse(&vo, "render", c, optarg, argc, argv);
        if (r == 1)
            continue;
        if (r < 0) {
            code = EXIT_USAGE;
            goto done;
        }
        switch (c) {
        case 'h':
            fputs(help, stdout);
            goto done;
        case 'T':
            if (strcmp(optarg, "dot") && strcmp(optarg, "svg") && strcmp(optarg, "png") &&
                strcmp(optarg, "pdf")) {
                code =
                    cli_usage_error("render", "-T must be dot, svg, png or pdf (got '%s')", optarg);
                goto done;
            }
            format = optarg;
            break;
        case 'o':
            output = optarg;
            break;
        case OPT_LAYOUT:
            code = enum_option("layout", optarg, &v);
            o.layout = (pn_diagram_layout)v;
            layout_given = true;
            break;
        case OPT_THEME:
            code = enum_option("theme", optarg, &v);
            o.theme = (pn_diagram_theme)v;
            break;
        case OPT_CLUSTER:
            code = enum_option("cluster", optarg, &v);
            o.cluster = (pn_diagram_cluster)v;
            break;
        case OPT_LABELS:
            code = enum_option("labels", optarg, &v);
            o.labels = (pn_diagram_labels)v;
            break;
        case OPT_EDGE_LABELS:
            code = enum_option("edge-labels", optarg, &v);
            o.edge_labels = (pn_diagram_edge_labels)v;
            break;
        case OPT_LEGEND:
        case OPT_NO_LEGEND:
            o.legend = c == OPT_LEGEND;
            break;
        case OPT_SIZE_BY:
            if (pn_metric_find(optarg, NULL) != 0) {
                code = cli_usage_error("render",
                                       "--size-by: unknown metric '%s' (see `paranet "
                                       "metrics --help`)",
                                       optarg);
                goto done;
            }
            o.size_by = optarg;
            break;
        case OPT_HIGHLIGHT_PATH: {
            const char *comma = strchr(optarg, ',');
            if (!comma || comma == optarg || !comma[1] || strchr(comma + 1, ',')) {
                code = cli_usage_error("render", "--highlight-path needs two actor ids: A,B");
                goto done;
            }
            free(path_from);
            path_from = strndup(optarg, (size_t)(comma - optarg));
            if (!path_from) {
                code = EXIT_INTERNAL;
                goto done;
            }
            o.path_from = path_from;
            o.path_to = comma + 1;
            break;
        }
        case OPT_TITLE:
            o.title = optarg;
            break;
        case OPT_FORCE_LAYOUT:
            o.force_layout = true;
            break;
        case OPT_SEED:
            if (!cli_parse_long(optarg, 0, 2147483647L, &seed)) {
                code = cli_usage_error("render", "--seed needs a number >= 0");
                goto done;
            }
            o.seed = (unsigned)seed;
            break;
        default:
            code = EXIT_USAGE;
            goto done;
        }
        if (code != EXIT_OK)
            goto done;
    }
    view_opts_finish(&vo);
    if (optind != argc - 1) {
        code = cli_usage_error("render", optind >= argc ? "no FILE given" : "one FILE only");
        goto done;
    }
    if (output && strcmp(output, "-") == 0)
        output = NULL;
    if (!format)
        format = output && format_of(output) ? format_of(output) : "svg";
    o.view = vo.view;
    if (pn_diags_new(&diags) != 0) {
        code = EXIT_INTERNAL;
        goto done;
    }
    code = cli_load(argv[optind], &vo.load, diags, &ds);
    if (code != EXIT_OK)
        goto done;
    size_t actor;
    if (o.view.ego && (code = an_find_actor("render", "--ego", ds, o.view.ego, &actor)) != 0)
        goto done;
    if (o.path_from &&
        ((code = an_find_actor("render", "--highlight-path", ds, o.path_from, &actor)) != 0 ||
         (code = an_find_actor("render", "--highlight-path", ds, o.path_to, &actor)) != 0))
        goto done;
    pn_diags_clear(diags);
    if (!layout_given && o.layout == PN_LAYOUT_DOT) {
        /* dot with clusters takes minutes past a few hundred actors (over 100 s
         * at 1,000 here); sfdp takes a second. Say so rather than hang. */
        pn_graph *g = NULL;
        size_t max_actors, max_ties;
        pn_diagram_layout_limits(PN_LAYOUT_DOT, &max_actors, &max_ties);
        if (pn_view_graph(&g, ds, &o.view, NULL) == 0 &&
            (pn_graph_vertex_count(g) > LARGE_VIEW || pn_graph_edge_count(g) > max_ties)) {
            fprintf(stderr,
                    "paranet render: %zu actors: using --layout sfdp (dot would take minutes; "
                    "give --layout dot --force-layout to insist)\n",
                    pn_graph_vertex_count(g));
            o.layout = PN_LAYOUT_SFDP;
        }
        pn_graph_free(g);
    }
    int rc = pn_diagram_render(ds, &o, format, &data, &len, diags);
    cli_print_diags(diags);
    if (rc != 0) {
        /* Over a layout's size limit: the option asked for what cannot be
         * done in reasonable time, a usage error. */
        code = rc == PN_ELIMIT ? EXIT_USAGE : cli_exit_code(rc);
        goto done;
    }
    pn_diags_clear(diags);
    if (output) {
        if (cli_write_output(output, data, len, diags) != 0) {
            cli_print_diags(diags);
            code = EXIT_IO;
        }
    } else if (fwrite(data, 1, len, stdout) != len || fflush(stdout) != 0) {
        fprintf(stderr, "paranet render: cannot write to standard output\n");
        code = EXIT_IO;
    }
done:
    free(data);
    pn_dataset_free(ds);
    pn_diags_free(diags);
    free(path_from);
    view_opts_free(&vo);
    return code;
}

/* Not yet on the pipeline (pipeline.h): its own main. */
const cli_spec pn_cmd_render = {.name = "render",
                                .summary = "draw a diagram of a view: DOT, SVG, PNG or PDF",
                                .help = help,
                                .legacy_run = run};
