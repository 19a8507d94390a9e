/* paranet metrics FILE: per-actor and network-level metrics of a view. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analysis.h"
#include "table.h"

static const char help[] =
    "Usage: paranet metrics [OPTIONS] FILE\n"
    "\n"
    "A table of metrics, one row per actor of the view (docs/metrics.md gives\n"
    "each metric's definition). Rows are sorted by --sort, largest first, ties\n"
    "broken by actor id; numbers are printed as %.6f (counts as integers), NA\n"
    "where a value is undefined.\n"
    "\n"
    "Options:\n"
    "  -m, --metrics LIST  metrics to show, comma-separated, or 'all'. Default:\n"
    "                      degree (in-degree,out-degree when directed), strength\n"
    "                      (when weighted), betweenness, closeness, harmonic,\n"
    "                      eigenvector, pagerank, hub,authority (directed),\n"
    "                      constraint, effective-size, coreness, component,\n"
    "                      community; and the brokerage roles with --groups\n"
    "  -s, --sort M        sort by metric M (largest first), or 'id' or 'name'\n"
    "                      (default: the first metric shown)\n"
    "  -n, --top N         only the first N rows\n"
    "  -f, --format F      text (default), csv, tsv, json, md or latex (booktabs)\n"
    "      --groups G      country or kind: groups of the brokerage roles\n"
    "                      (coordinator, itinerant, gatekeeper, representative,\n"
    "                      liaison, brokerage); adds them to the default metrics\n"
    "      --network       network-level figures instead: actors, ties, density,\n"
    "                      components, diameter, mean path length, transitivity,\n"
    "                      assortativity by kind and country, modularity\n"
    "  -j, --jobs N        compute betweenness, closeness and harmonic in N\n"
    "                      processes (default 1; 0 or 'auto': one per CPU).\n"
    "                      Views under 2000 actors run in one process anyway.\n"
    "                      Results agree with --jobs 1 to about 1e-12 relative:\n"
    "                      the last printed digit of betweenness may differ\n"
    "      --cutoff HOPS   betweenness, closeness and harmonic count only\n"
    "                      shortest paths of at most HOPS hops (default 0: all):\n"
    "                      faster on large views, other numbers (the output\n"
    "                      says so)\n"
    "      --max-work N    constraint, effective size and the brokerage roles\n"
    "                      estimate their steps first and refuse above N\n"
    "                      (default 2e9, tens of seconds; 'none': no limit)\n"
    "  -q, --quiet         no progress and no notes on stderr, only errors\n"
    "                      (listed again under Limits: the same option)\n"
    "  -h, --help          show this help\n"
    "\n" VIEW_OPTS_HELP "\n"
    "Metric names: degree in-degree out-degree strength in-strength out-strength\n"
    "betweenness closeness harmonic eigenvector pagerank hub authority constraint\n"
    "effective-size coreness component community coordinator itinerant gatekeeper\n"
    "representative liaison brokerage\n"
    "\n"
    "Example:\n"
    "  paranet metrics datasets/tangsel.json --top 10 --format md\n"
    "  paranet metrics world.json -m betweenness,harmonic --jobs auto --cutoff 3\n";

enum { OPT_GROUPS = VIEW_OPT_LAST + 1, OPT_NETWORK, OPT_CUTOFF, OPT_MAX_WORK };

/* More processes than this is a typing error (the library uses at most 256). */
#define MAX_JOBS 1024

typedef struct row {
    size_t v;
    const char *id;
    const char *name;
    double key;
} row;

static int by_key(const void *a, const void *b)
{
    const row *x = a, *y = b;
    bool nx = isnan(x->key), ny = isnan(y->key);
    if (nx != ny)
        return nx ? 1 : -1; /* NA last */
    if (!nx && x->key != y->key)
        return x->key > y->key ? -1 : 1;
    return strcmp(x->id, y->id);
}

static int by_name(const void *a, const void *b)
{
    const row *x = a, *y = b;
    int c = strcmp(x->name, y->name);
    return c ? c : strcmp(x->id, y->id);
}

static int by_id(const void *a, const void *b)
{
    return strcmp(((const row *)a)->id, ((const row *)b)->id);
}

/* Parse --metrics into indices; "all" gives every metric. */
static int parse_metrics(const char *arg, size_t *idx, size_t *n)
{
    *n = 0;
    if (strcmp(arg, "all") == 0) {
        for (size_t i = 0; i < pn_metric_count(); i++)
            idx[(*n)++] = i;
        return 0;
    }
    char *copy = strdup(arg);
    if (!copy)
        return EXIT_INTERNAL;
    int code = 0;
    for (char *save = NULL, *tok = strtok_r(copy, ",", &save); tok;
         tok = strtok_r(NULL, ",", &save)) {
        size_t m;
        if (pn_metric_find(tok, &m) != 0) {
            const char *near = NULL;
            size_t best = 4;
            for (size_t i = 0; i < pn_metric_count(); i++) {
                size_t d = pn_edit_distance(tok, pn_metric_name(i), 3);
                if (d < best) {
                    best = d;
                    near = pn_metric_name(i);
                }
            }
            if (near)
                code = cli_usage_error("metrics",
                                       "--metrics: unknown metric '%s' (did you mean "
                                       "'%s'?)",
                                       tok, near);
            else
                code = cli_usage_error("metrics", "--metrics: unknown metric '%s'", tok);
            break;
        }
        bool dup = false;
        for (size_t i = 0; i < *n; i++)
            dup |= idx[i] == m;
        if (!dup && *n < pn_metric_count())
            idx[(*n)++] = m;
    }
    free(copy);
    if (!code && *n == 0)
        code = cli_usage_error("metrics", "--metrics needs at least one metric name");
    return code;
}

static void default_metrics(const pn_graph *g, bool groups, size_t *idx, size_t *n)
{
    static const char *const undirected[] = {
        "degree",     "betweenness",    "closeness", "harmonic",  "eigenvector", "pagerank",
        "constraint", "effective-size", "coreness",  "component", "community",   NULL};
    static const char *const roles[] = {"coordinator", "itinerant", "gatekeeper", "representative",
                                        "liaison",     "brokerage", NULL};
    *n = 0;
    for (const char *const *p = undirected; *p; p++) {
        pn_metric_find(*p, &idx[(*n)++]);
        if (strcmp(*p, "degree") == 0 && pn_graph_directed(g)) {
            pn_metric_find("in-degree", &idx[(*n)++]);
            pn_metric_find("out-degree", &idx[(*n)++]);
        }
        if (strcmp(*p, "degree") == 0 && pn_graph_weights(g))
            pn_metric_find("strength", &idx[(*n)++]);
        if (strcmp(*p, "pagerank") == 0 && pn_graph_directed(g)) {
            pn_metric_find("hub", &idx[(*n)++]);
            pn_metric_find("authority", &idx[(*n)++]);
        }
    }
    for (const char *const *p = roles; groups && *p; p++)
        pn_metric_find(*p, &idx[(*n)++]);
}

static int network_table(const pn_graph *g, table_format fmt, const char *title, const char *view,
                         pn_diags *diags)
{
    pn_network_metrics m;
    int rc = pn_network_metrics_compute(g, &m, diags);
    if (rc) {
        cli_print_diags(diags);
        return cli_exit_code(rc);
    }
    static const char *head[] = {"metric", "value"};
    static const bool numeric[] = {false, true};
    table t;
    if (table_init(&t, 2, head, numeric))
        return EXIT_INTERNAL;
    struct {
        const char *name;
        double value;
        bool integer;
    } items[] = {
        {"actors", (double)m.actors, true},
        {"ties", (double)m.ties, true},
        {"edges", (double)m.edges, true},
        {"density", m.density, false},
        {"components", (double)m.components, true},
        {"diameter", m.diameter, true},
        {"mean-path-length", m.mean_path, false},
        {"transitivity", m.transitivity, false},
        {"assortativity-kind", m.assortativity_kind, false},
        {"assortativity-country", m.assortativity_country, false},
        {"communities", (double)m.communities, true},
        {"modularity", m.modularity, false},
    };
    for (size_t i = 0; i < sizeof(items) / sizeof(items[0]); i++) {
        char num[64];
        const char *cells[2] = {items[i].name,
                                table_number(items[i].value, items[i].integer, num, sizeof(num))};
        table_add(&t, cells);
    }
    int code = t.failed ? EXIT_INTERNAL : EXIT_OK;
    if (code == EXIT_OK)
        table_write(&t, fmt, stdout, title, view);
    table_free(&t);
    return code;
}

static int actor_table(const pn_graph *g, const size_t *idx, size_t nm, const char *sort, long top,
                       const pn_metric_options *mo, table_format fmt, const char *title,
                       const char *view, pn_diags *diags)
{
    const pn_dataset *ds = pn_graph_dataset(g);
    size_t n = pn_graph_vertex_count(g);
    int code = EXIT_INTERNAL, rc = 0;
    double *values = malloc((nm * n + 1) * sizeof(double));
    double *key = malloc((n + 1) * sizeof(double));
    row *rows = malloc((n + 1) * sizeof(row));
    const char **head = malloc((nm + 6) * sizeof(char *));
    bool *numeric = malloc((nm + 6) * sizeof(bool));
    const char **cells = malloc((nm + 6) * sizeof(char *));
    char(*nums)[64] = malloc((nm + 2) * sizeof(*nums));
    const char **names = malloc((nm + 1) * sizeof(char *));
    double **outs = malloc((nm + 1) * sizeof(double *));
    table t = {0};
    bool has_table = false;
    if (!values || !key || !rows || !head || !numeric || !cells || !nums || !names || !outs)
        goto cleanup;
    /* One call for the columns and the sort key: betweenness, closeness and
     * harmonic come from one sweep (the same bits as one by one). */
    size_t sort_metric = SIZE_MAX, asked = nm;
    bool key_shown = false;
    if (strcmp(sort, "id") != 0 && strcmp(sort, "name") != 0)
        pn_metric_find(sort, &sort_metric);
    for (size_t k = 0; k < nm; k++) {
        names[k] = pn_metric_name(idx[k]);
        outs[k] = values + k * n;
        key_shown |= idx[k] == sort_metric;
    }
    if (sort_metric != SIZE_MAX && !key_shown) {
        names[asked] = sort;
        outs[asked++] = key;
    }
    rc = pn_metric_vectors(g, names, asked, mo, outs, diags);
    for (size_t k = 0; !rc && k < nm; k++)
        if (idx[k] == sort_metric)
            memcpy(key, values + k * n, n * sizeof(double));
    if (rc) {
        cli_print_diags(diags);
        code = cli_exit_code(rc);
        goto cleanup;
    }
    for (size_t v = 0; v < n; v++) {
        const pn_actor *a = pn_dataset_actor(ds, pn_graph_vertex_actor(g, v));
        rows[v] = (row){v, a->id, a->name, sort_metric == SIZE_MAX ? 0 : key[v]};
    }
    qsort(rows, n, sizeof(row),
          strcmp(sort, "id") == 0     ? by_id
          : strcmp(sort, "name") == 0 ? by_name
                                      : by_key);
    static const char *fixed[] = {"rank", "id", "name", "kind", "country"};
    for (size_t c = 0; c < 5; c++) {
        head[c] = fixed[c];
        numeric[c] = c == 0;
    }
    for (size_t k = 0; k < nm; k++) {
        head[5 + k] = pn_metric_name(idx[k]);
        numeric[5 + k] = true;
    }
    if (table_init(&t, nm + 5, head, numeric))
        goto cleanup;
    has_table = true;
    size_t shown = top > 0 && (size_t)top < n ? (size_t)top : n;
    for (size_t r = 0; r < shown; r++) {
        size_t v = rows[r].v;
        const pn_actor *a = pn_dataset_actor(ds, pn_graph_vertex_actor(g, v));
        snprintf(nums[nm], sizeof(nums[nm]), "%zu", r + 1);
        cells[0] = nums[nm];
        cells[1] = a->id;
        cells[2] = a->name;
        cells[3] = pn_kind_name(a->kind);
        cells[4] = a->country;
        for (size_t k = 0; k < nm; k++)
            cells[5 + k] = table_number(values[k * n + v], pn_metric_is_integer(idx[k]), nums[k],
                                        sizeof(nums[k]));
        table_add(&t, cells);
    }
    if (t.failed)
        goto cleanup;
    table_write(&t, fmt, stdout, title, view);
    code = EXIT_OK;
cleanup:
    if (has_table)
        table_free(&t);
    free(values);
    free(key);
    free(rows);
    free(head);
    free(numeric);
    free(cells);
    free(nums);
    free(names);
    free(outs);
    return code;
}

static bool is_path_metric(const char *name)
{
    return strcmp(name, "betweenness") == 0 || strcmp(name, "closeness") == 0 ||
           strcmp(name, "harmonic") == 0;
}

/* With --cutoff, say so where a reader of the table sees it: in the view
 * line (every format prints it: a comment, the Markdown header, the LaTeX
 * caption, JSON "view"), besides the title's "--cutoff K"; and on stderr
 * unless quiet. *view is replaced by a longer string. */
static int cutoff_note(const size_t *idx, size_t nm, const char *sort, int cutoff, bool quiet,
                       char **view)
{
    bool used = is_path_metric(sort);
    for (size_t k = 0; k < nm; k++)
        used |= is_path_metric(pn_metric_name(idx[k]));
    if (!used) {
        if (!quiet)
            fprintf(stderr,
                    "paranet metrics: note: --cutoff %d changes nothing here: none of "
                    "the metrics shown is betweenness, closeness or harmonic\n",
                    cutoff);
        return EXIT_OK;
    }
    if (!quiet)
        fprintf(stderr,
                "paranet metrics: note: --cutoff %d: betweenness, closeness and harmonic count "
                "only shortest paths of at most %d hop%s, so they differ from the exact values\n",
                cutoff, cutoff, cutoff == 1 ? "" : "s");
    size_t len = strlen(*view) + 128;
    char *longer = malloc(len);
    if (!longer)
        return EXIT_INTERNAL;
    snprintf(longer, len, "%s; betweenness, closeness, harmonic: paths of at most %d hop%s", *view,
             cutoff, cutoff == 1 ? "" : "s");
    free(*view);
    *view = longer;
    return EXIT_OK;
}

static int run(int argc, char **argv)
{
    static const struct option own[] = {{"metrics", required_argument, NULL, 'm'},
                                        {"sort", required_argument, NULL, 's'},
                                        {"top", required_argument, NULL, 'n'},
                                        {"format", required_argument, NULL, 'f'},
                                        {"groups", required_argument, NULL, OPT_GROUPS},
                                        {"network", no_argument, NULL, OPT_NETWORK},
                                        {"jobs", required_argument, NULL, 'j'},
                                        {"cutoff", required_argument, NULL, OPT_CUTOFF},
                                        {"max-work", required_argument, NULL, OPT_MAX_WORK},
                                        {"quiet", no_argument, NULL, 'q'},
                                        {"help", no_argument, NULL, 'h'},
                                        {NULL, 0, NULL, 0}};
    const struct option *longopts = view_opts_merge(own);
    view_opts vo;
    view_opts_init(&vo);
    const char *metrics_arg = NULL, *sort = NULL;
    long top = 0;
    table_format fmt = FMT_TEXT;
    bool network = false, groups = false, quiet = false;
    pn_metric_options mo = PN_METRIC_OPTIONS_INIT;
    int code = EXIT_OK, c;
    while ((c = cli_getopt("metrics", argc, argv, "m:s:n:f:j:qh", longopts)) != -1) {
        int v = view_opts_parse(&vo, "metrics", c, optarg, argc, argv);
        if (v == 1)
            continue;
        if (v < 0) {
            code = EXIT_USAGE;
            goto done;
        }
        switch (c) {
        case 'h':
            fputs(help, stdout);
            goto done;
        case 'm':
            metrics_arg = optarg;
            break;
        case 's':
            sort = optarg;
            if (strcmp(sort, "id") && strcmp(sort, "name") && pn_metric_find(sort, NULL)) {
                code = cli_usage_error("metrics", "--sort: unknown metric '%s'", sort);
                goto done;
            }
            break;
        case 'n':
            if (!cli_parse_long(optarg, 1, 1000000000L, &top)) {
                code = cli_usage_error("metrics", "--top needs a number >= 1");
                goto done;
            }
            break;
        case 'f':
            if (!table_parse_format(optarg, &fmt)) {
                code = cli_usage_error("metrics", "--format must be text, csv, tsv, json, md or "
                                                  "latex");
                goto done;
            }
            break;
        case OPT_GROUPS:
            groups = true;
            if (strcmp(optarg, "country") == 0)
                mo.groups = PN_GROUP_COUNTRY;
            else if (strcmp(optarg, "kind") == 0)
                mo.groups = PN_GROUP_KIND;
            else {
                code = cli_usage_error("metrics", "--groups must be country or kind");
                goto done;
            }
            break;
        case OPT_NETWORK:
            network = true;
            break;
        case 'j': {
            long jobs = 0;
            if (strcmp(optarg, "auto") != 0 && !cli_parse_long(optarg, 0, MAX_JOBS, &jobs)) {
                code = cli_usage_error("metrics",
                                       "--jobs needs a number of processes from 1 to %d, or 0 "
                                       "or 'auto' for one per CPU (got '%s')",
                                       MAX_JOBS, optarg);
                goto done;
            }
            if (jobs == 0) {
                long cpus = sysconf(_SC_NPROCESSORS_ONLN);
                jobs = cpus < 1 ? 1 : cpus > MAX_JOBS ? MAX_JOBS : cpus;
            }
            mo.workers = (int)jobs;
            break;
        }
        case OPT_CUTOFF: {
            long hops = 0;
            if (!cli_parse_long(optarg, 0, 1000000, &hops)) {
                code = cli_usage_error("metrics",
                                       "--cutoff needs a number of hops >= 1, or 0 for no "
                                       "cutoff (got '%s')",
                                       optarg);
                goto done;
            }
            mo.cutoff = (int)hops;
            break;
        }
        case OPT_MAX_WORK: {
            char *end = NULL;
            double work = strtod(optarg, &end);
            if (strcmp(optarg, "none") == 0) {
                mo.max_work = -1;
            } else if (!*optarg || *end || !(work >= 1 && work <= 1e300)) {
                code = cli_usage_error("metrics",
                                       "--max-work needs a number of steps >= 1 (such as 1e10), "
                                       "or 'none' (got '%s')",
                                       optarg);
                goto done;
            } else {
                mo.max_work = work;
            }
            break;
        }
        case 'q':
            quiet = true;
            break;
        default:
            code = EXIT_USAGE;
            goto done;
        }
    }
    view_opts_finish(&vo);
    if (optind != argc - 1) {
        code = cli_usage_error("metrics", optind >= argc ? "no FILE given" : "one FILE only");
        goto done;
    }
    if (network && mo.cutoff > 0) {
        code = cli_usage_error("metrics", "--cutoff applies to betweenness, closeness and "
                                          "harmonic, not to --network");
        goto done;
    }
    cli_progress_setup(NULL, quiet);
    cli_progress_metrics(&mo);
    size_t *idx = malloc((pn_metric_count() + 1) * sizeof(size_t));
    size_t nm = 0;
    if (!idx) {
        code = EXIT_INTERNAL;
        goto done;
    }
    if (metrics_arg && (code = parse_metrics(metrics_arg, idx, &nm)) != 0) {
        free(idx);
        goto done;
    }
    pn_diags *diags = NULL;
    pn_dataset *ds = NULL;
    pn_graph *g = NULL;
    char *view = NULL, *title = NULL;
    if (pn_diags_new(&diags) != 0) {
        free(idx);
        code = EXIT_INTERNAL;
        goto done;
    }
    const char *file = argv[optind];
    code = cli_load(file, &vo.load, diags, &ds);
    if (code == EXIT_OK)
        code = an_view_graph("metrics", ds, &vo, diags, &g);
    if (code == EXIT_OK) {
        view = an_describe(&vo.view);
        const char *name = strcmp(file, "-") == 0 ? "<stdin>" : file;
        size_t len = strlen(name) + 64;
        title = malloc(len);
        if (!view || !title) {
            code = EXIT_INTERNAL;
        } else if (network) {
            snprintf(title, len, "paranet metrics --network %s", name);
            code = network_table(g, fmt, title, view, diags);
        } else {
            if (!metrics_arg)
                default_metrics(g, groups, idx, &nm);
            const char *by = sort ? sort : pn_metric_name(idx[0]);
            if (mo.cutoff > 0) {
                snprintf(title, len, "paranet metrics --cutoff %d %s", mo.cutoff, name);
                code = cutoff_note(idx, nm, by, mo.cutoff, quiet, &view);
            } else {
                snprintf(title, len, "paranet metrics %s", name);
            }
            if (code == EXIT_OK)
                code = actor_table(g, idx, nm, by, top, &mo, fmt, title, view, diags);
        }
    }
    free(view);
    free(title);
    free(idx);
    pn_graph_free(g);
    pn_dataset_free(ds);
    pn_diags_free(diags);
done:
    view_opts_free(&vo);
    return code;
}

const cli_command pn_cmd_metrics = {
    "metrics", "centrality, brokerage and network figures of a view, as a table", help, run};
