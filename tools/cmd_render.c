/* paranet render FILE: a diagram of a view, as SVG, PDF, PNG, JPEG, EPS,
 * PostScript or DOT, at a size on paper, or the explorer (HTML). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "figure_opts.h"
#include "paranet/explorer.h"
#include "pipeline.h"

static const char help[] =
    "Usage: paranet render [OPTIONS] FILE\n"
    "\n"
    "Draw the network of a dataset (or of a view of it) with Graphviz, in\n"
    "process. The vocabulary of shapes, lines and colours is in docs/diagrams.md;\n"
    "the legend under the figure lists what it shows.\n"
    "\n"
    "Output:\n"
    "  -T, --format FMT        svg, pdf, png, jpg, eps, ps, dot or html (default: from\n"
    "                          the -o extension, else svg; -T wins over the extension);\n"
    "                          html is the explorer: one self-contained page with pan,\n"
    "                          zoom, search, filters and a year slider (docs/explorer.md)\n"
    "  -o, --output OUT        write to OUT, atomically ('-' or none: standard output)\n"
    "\n"
    "Size on paper (lengths with a unit: cm, mm, in or pt):\n"
    "      --width LEN         the figure's width, e.g. 16cm (aspect ratio kept)\n"
    "      --height LEN        its height; with --width: fit inside both\n"
    "                          (default: at most 16cm wide, never enlarged; a warning\n"
    "                          when the figure is taller than a 22cm text block)\n"
    "      --font-size PT      the labels' size on paper, in points (default 8)\n"
    "      --dpi N             resolution of PNG and JPEG (default 300)\n"
    "\n"
    "Drawing:\n"
    "      --layout ENGINE     dot, neato, fdp, sfdp, circo or twopi (default dot; sfdp\n"
    "                          for views of more than 150 actors or 600 ties), or geo:\n"
    "                          a map of the actors' coordinates (docs/render.md, Maps)\n"
    "      --extent W,S,E,N    the map's extent in degrees (default: the actors' box)\n"
    "      --labels-top N      name the map's N most tied actors, the rest as points\n"
    "                          (default 12; 0: all)\n"
    "      --labels-by METRIC  name the actors with the largest METRIC instead\n"
    "                          (e.g. betweenness; `paranet metrics --help`)\n"
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
    "  -h, --help              show this help\n";

static const char help_tail[] =
    "Examples:\n"
    "  paranet render datasets/tangsel.json -o tangsel.svg\n"
    "  paranet render datasets/bandung.json --width 16cm --font-size 8 -o fig1.pdf\n"
    "  paranet render datasets/tangsel.json --at 2016 --theme paper -o tangsel-2016.pdf\n"
    "  paranet render datasets/tangsel.json --ego daejeon --edge-labels both -o daejeon.png\n"
    "  paranet render datasets/tangsel.json -o tangsel.html\n"
    "  paranet render datasets/tangsel.json --layout geo -o tangsel-map.svg\n";

enum {
    OPT_LAYOUT = CLI_OPT_LAST,
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
    OPT_FORCE_LAYOUT,
    OPT_WIDTH,
    OPT_HEIGHT,
    OPT_FONT_SIZE,
    OPT_DPI,
    OPT_EXTENT,
    OPT_LABELS_TOP,
    OPT_LABELS_BY
};

/* The formats render writes: the diagram's, and the explorer. */
#define RENDER_FORMATS "svg, pdf, png, jpg, eps, ps, dot, html"

/* The canonical name of a format render writes, or NULL. */
static const char *format_name(const char *name)
{
    if (strcasecmp(name, "html") == 0 || strcasecmp(name, "htm") == 0)
        return "html";
    return pn_diagram_format_name(name);
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

typedef struct render_state {
    pn_diagram_options o;
    const char *format;
    char *path_from;
    bool layout_given;
} render_state;

static void init(void *state)
{
    render_state *st = state;
    pn_diagram_options o = PN_DIAGRAM_OPTIONS_INIT;
    st->o = o;
}

static void free_state(void *state)
{
    free(((render_state *)state)->path_from);
}

static int highlight_path(render_state *st, const char *arg)
{
    const char *comma = strchr(arg, ',');
    if (!comma || comma == arg || !comma[1] || strchr(comma + 1, ','))
        return cli_usage_error("render", "--highlight-path needs two actor ids: A,B");
    free(st->path_from);
    st->path_from = strndup(arg, (size_t)(comma - arg));
    if (!st->path_from)
        return EXIT_INTERNAL;
    st->o.path_from = st->path_from;
    st->o.path_to = comma + 1;
    return EXIT_OK;
}

/* An option naming a metric (metrics.h names): *out, or a usage error. */
static int metric_option(const char *option, const char *arg, const char **out)
{
    if (pn_metric_find(arg, NULL) != 0)
        return cli_usage_error("render", "%s: unknown metric '%s' (see `paranet metrics --help`)",
                               option, arg);
    *out = arg;
    return EXIT_OK;
}

static int option(cli_job *job, void *state, int c, const char *arg)
{
    (void)job;
    render_state *st = state;
    pn_diagram_options *o = &st->o;
    int code = EXIT_OK, v = 0;
    long number;
    switch (c) {
    case 'T':
        if (!format_name(arg))
            return cli_usage_error("render", "-T: cannot write '%s'; paranet renders %s", arg,
                                   RENDER_FORMATS);
        st->format = format_name(arg);
        return EXIT_OK;
    case OPT_WIDTH:
        return fig_length_option("render", "width", arg, &o->geometry.width);
    case OPT_HEIGHT:
        return fig_length_option("render", "height", arg, &o->geometry.height);
    case OPT_FONT_SIZE:
        return fig_font_size_option("render", arg, &o->geometry.font_size);
    case OPT_DPI:
        return fig_dpi_option("render", arg, &o->geometry.dpi);
    case OPT_LAYOUT:
        code = enum_option("layout", arg, &v);
        o->layout = (pn_diagram_layout)v;
        st->layout_given = true;
        return code;
    case OPT_THEME:
        code = enum_option("theme", arg, &v);
        o->theme = (pn_diagram_theme)v;
        return code;
    case OPT_CLUSTER:
        code = enum_option("cluster", arg, &v);
        o->cluster = (pn_diagram_cluster)v;
        return code;
    case OPT_LABELS:
        code = enum_option("labels", arg, &v);
        o->labels = (pn_diagram_labels)v;
        return code;
    case OPT_EDGE_LABELS:
        code = enum_option("edge-labels", arg, &v);
        o->edge_labels = (pn_diagram_edge_labels)v;
        return code;
    case OPT_LEGEND:
    case OPT_NO_LEGEND:
        o->legend = c == OPT_LEGEND;
        return EXIT_OK;
    case OPT_SIZE_BY:
        return metric_option("--size-by", arg, &o->size_by);
    case OPT_HIGHLIGHT_PATH:
        return highlight_path(st, arg);
    case OPT_TITLE:
        o->title = arg;
        return EXIT_OK;
    case OPT_FORCE_LAYOUT:
        o->force_layout = true;
        return EXIT_OK;
    case OPT_EXTENT: {
        double *e = o->map.extent;
        char tail = 0;
        if (sscanf(arg, "%lf,%lf,%lf,%lf%c", &e[0], &e[1], &e[2], &e[3], &tail) != 4 ||
            !(e[0] >= -180 && e[0] < e[2] && e[2] <= 180 && e[1] >= -90 && e[1] < e[3] &&
              e[3] <= 90))
            return cli_usage_error("render",
                                   "--extent needs west,south,east,north in degrees (west < "
                                   "east, -180 to 180; south < north, -90 to 90), got '%s'",
                                   arg);
        return EXIT_OK;
    }
    case OPT_LABELS_TOP:
        if (!cli_parse_long(arg, 0, 1000000L, &number))
            return cli_usage_error("render", "--labels-top needs a number >= 0");
        o->map.labels = number == 0 ? SIZE_MAX : (size_t)number;
        return EXIT_OK;
    case OPT_LABELS_BY:
        return metric_option("--labels-by", arg, &o->map.label_by);
    case OPT_SEED:
        if (!cli_parse_long(arg, 0, 2147483647L, &number))
            return cli_usage_error("render", "--seed needs a number >= 0");
        o->seed = (unsigned)number;
        return EXIT_OK;
    default:
        return EXIT_USAGE;
    }
}

static int check(cli_job *job, void *state)
{
    render_state *st = state;
    const pn_diagram_map *map = &st->o.map;
    bool extent =
        map->extent[0] != 0 || map->extent[1] != 0 || map->extent[2] != 0 || map->extent[3] != 0;
    if (st->o.layout != PN_LAYOUT_GEO && (extent || map->labels || map->label_by))
        return cli_usage_error("render", "%s is for maps: give --layout geo",
                               extent          ? "--extent"
                               : map->label_by ? "--labels-by"
                                               : "--labels-top");
    if (job->output && strcmp(job->output, "-") == 0)
        job->output = NULL;
    const char *ext = job->output ? fig_extension(job->output) : NULL;
    const char *named = ext ? format_name(ext) : NULL;
    if (!st->format && ext && !named)
        return cli_usage_error("render", "cannot write .%s; paranet renders %s (or give -T)", ext,
                               RENDER_FORMATS);
    if (st->format && named && strcmp(named, st->format) != 0)
        fprintf(stderr, "paranet render: note: writing %s into %s, as -T says\n", st->format,
                job->output);
    if (!st->format)
        st->format = named ? named : "svg";
    return EXIT_OK;
}

/* dot with clusters takes minutes past a few hundred actors (over 100 s at
 * 1,000 here); sfdp takes a second. Say so rather than hang. */
static void choose_layout(const cli_job *job, pn_diagram_options *o)
{
    pn_graph *g = NULL;
    size_t max_actors, max_ties;
    pn_diagram_layout_limits(PN_LAYOUT_DOT, &max_actors, &max_ties);
    if (pn_view_graph(&g, job->ds, &o->view, NULL) == 0 &&
        (pn_graph_vertex_count(g) > LARGE_VIEW || pn_graph_edge_count(g) > max_ties)) {
        fprintf(stderr,
                "paranet render: %zu actors: using --layout sfdp (dot would take minutes; "
                "give --layout dot --force-layout to insist)\n",
                pn_graph_vertex_count(g));
        o->layout = PN_LAYOUT_SFDP;
    }
    pn_graph_free(g);
}

static int compute(cli_job *job, void *state)
{
    render_state *st = state;
    pn_diagram_options *o = &st->o;
    o->view = job->vo.view; /* as the pipeline settled it on the dataset */
    size_t actor;
    int code = EXIT_OK;
    if (o->path_from &&
        ((code = cli_find_actor(job, "--highlight-path", o->path_from, &actor)) != EXIT_OK ||
         (code = cli_find_actor(job, "--highlight-path", o->path_to, &actor)) != EXIT_OK))
        return code;
    pn_diags_clear(job->diags);
    bool html = strcmp(st->format, "html") == 0;
    if (html && job->basis_dropped && o->view.bases == PN_VIEW_BASES_DEFAULT) {
        /* The pipeline settled the default bases: the explorer draws every
         * basis and opens with its basis filter at the default. */
        o->view.bases = 0;
        o->view.drop_isolates = job->vo.tie_filter && !job->vo.keep_isolates;
    }
    if (!st->layout_given && o->layout == PN_LAYOUT_DOT)
        choose_layout(job, o);
    char *data = NULL;
    size_t len = 0;
    int rc = html ? pn_explorer_render(job->ds, o, &data, &len, job->diags)
                  : pn_diagram_render(job->ds, o, st->format, &data, &len, job->diags);
    cli_print_diags(job->diags);
    if (rc != 0) {
        /* Over a layout's size limit: the option asked for what cannot be
         * done in reasonable time, a usage error. */
        free(data);
        return rc == PN_ELIMIT ? EXIT_USAGE : cli_exit_code(rc);
    }
    pn_diags_clear(job->diags);
    if (job->output) {
        if (cli_write_output(job->output, data, len, job->diags) != 0) {
            cli_print_diags(job->diags);
            code = EXIT_IO;
        }
    } else if (fwrite(data, 1, len, stdout) != len || fflush(stdout) != 0) {
        fprintf(stderr, "paranet render: cannot write to standard output\n");
        code = EXIT_IO;
    }
    free(data);
    return code;
}

static const struct option options[] = {
    {"format", required_argument, NULL, 'T'},
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
    {"width", required_argument, NULL, OPT_WIDTH},
    {"height", required_argument, NULL, OPT_HEIGHT},
    {"font-size", required_argument, NULL, OPT_FONT_SIZE},
    {"dpi", required_argument, NULL, OPT_DPI},
    {"extent", required_argument, NULL, OPT_EXTENT},
    {"labels-top", required_argument, NULL, OPT_LABELS_TOP},
    {"labels-by", required_argument, NULL, OPT_LABELS_BY},
    {NULL, 0, NULL, 0}};

/* -T, --format is the image format: not CLI_FORMAT (the report formats). */
const cli_spec pn_cmd_render = {
    .name = "render",
    .summary = "draw a diagram of a view: SVG, PDF, PNG, JPEG, EPS, PS, DOT or the HTML explorer",
    .help = help,
    .help_tail = help_tail,
    .uses = CLI_LOAD | CLI_VIEW | CLI_OUTPUT,
    .shortopts = "T:",
    .options = options,
    .state_size = sizeof(render_state),
    .init = init,
    .option = option,
    .check = check,
    .compute = compute,
    .free = free_state,
};
