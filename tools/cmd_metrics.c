/* paranet metrics FILE: per-actor and network-level metrics of a view. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analysis.h"
#include "ego_note.h"
#include "metrics_groups.h"
#include "panel.h"
#include "pipeline.h"

static const char help[] =
    "Usage: paranet metrics [OPTIONS] FILE\n"
    "\n"
    "A table of metrics, one row per actor of the view (docs/metrics.md gives\n"
    "each metric's definition). Rows are sorted by --sort, largest first, equal\n"
    "values by actor id; values equal as printed share a rank (1, 2, 2, 4);\n"
    "numbers have 6 decimals (3 in md and latex; --precision), counts are\n"
    "integers, NA where a value is undefined. When over 80% of the view's\n"
    "ties touch one actor, a note says so.\n"
    "\n"
    "Options:\n"
    "  -m, --metrics LIST  metrics to show, comma-separated, or 'all'. Default:\n"
    "                      degree, ties (in-degree,out-degree when directed),\n"
    "                      strength (when weighted), betweenness, closeness,\n"
    "                      harmonic, eigenvector, pagerank, hub,authority\n"
    "                      (directed), constraint, effective-size, coreness,\n"
    "                      component, community; and the brokerage roles with\n"
    "                      --groups\n"
    "  -s, --sort M        sort by metric M (largest first), or 'id' or 'name'\n"
    "                      (default: the first metric shown); with id or name\n"
    "                      the rank is the row's position\n"
    "  -n, --top N         only the first N rows\n"
    "      --groups G      country, kind, region or an extra field of the actors:\n"
    "                      groups of the brokerage roles (coordinator, itinerant,\n"
    "                      gatekeeper, representative, liaison, brokerage), their\n"
    "                      z-scores (-m coordinator-z...) and ei; adds the roles\n"
    "                      to the default metrics. With --network: the E-I index\n"
    "                      overall and per group, and the roles against random\n"
    "                      groups (expected, sd, z)\n"
    "      --network       network-level figures instead: actors, ties, density,\n"
    "                      components, diameter, mean path length, transitivity,\n"
    "                      assortativity by kind and country, modularity, degree\n"
    "                      and betweenness centralization (Freeman)\n"
    "      --assort A      with --network: assortativity by actor attribute A\n"
    "                      (country, kind, region or an extra field; numeric when\n"
    "                      every value is a number, or A:nominal, A:numeric);\n"
    "                      repeatable\n"
    "      --over Y1:Y2[:STEP]\n"
    "                      a yearly panel: the view of each year from Y1 to Y2\n"
    "                      (every STEP years) by the rules of --at, in one table\n"
    "                      with a year column first (--network: a row per year);\n"
    "                      each year's rows are those of --at YEAR\n"
    "  -j, --jobs N        compute betweenness, closeness and harmonic in N\n"
    "                      processes (default, 0 or 'auto': one per online\n"
    "                      CPU). Views under 2000 actors run in one process\n"
    "                      anyway. The numbers are the same bits for any N\n"
    "      --cutoff HOPS   betweenness, closeness and harmonic count only\n"
    "                      shortest paths of at most HOPS hops (default 0: all):\n"
    "                      faster on large views, other numbers (the output\n"
    "                      says so)\n"
    "      --max-work N    constraint, effective size and the brokerage roles\n"
    "                      estimate their steps first and refuse above N\n"
    "                      (default 2e9, tens of seconds; 'none': no limit)\n"
    "  -q, --quiet         no progress and no notes on stderr, only errors\n"
    "                      (listed again under Limits: the same option)\n"
    "  -h, --help          show this help\n";

static const char help_tail[] =
    "Metric names: degree ties in-degree out-degree strength in-strength\n"
    "out-strength betweenness closeness harmonic eigenvector pagerank hub\n"
    "authority constraint effective-size coreness component community\n"
    "coordinator itinerant gatekeeper representative liaison brokerage ei\n"
    "coordinator-z itinerant-z gatekeeper-z representative-z liaison-z\n"
    "brokerage-z\n"
    "\n"
    "Example:\n"
    "  paranet metrics datasets/tangsel.json --top 10 --format md\n"
    "  paranet metrics world.json -m betweenness,harmonic --jobs auto --cutoff 3\n"
    "  paranet metrics datasets/tangsel.json --over 2012:2020 -m degree -f csv\n";

enum { OPT_GROUPS = CLI_OPT_LAST, OPT_NETWORK, OPT_CUTOFF, OPT_MAX_WORK, OPT_ASSORT, OPT_OVER };

/* More processes than this is a typing error (the library uses at most 256). */
#define MAX_JOBS 1024

typedef struct row {
    size_t v;
    const char *id;
    const char *name;
    double key;
} row;

/* A value as the table prints it, so that values a reader sees as equal
 * sort by id and share a rank. */
static double as_shown(const report *r, double x, bool integer)
{
    char buf[64];
    if (isnan(x) || isinf(x))
        return x;
    return strtod(report_number(r, x, integer, buf, sizeof(buf)), NULL);
}

static bool same_key(double x, double y)
{
    return isnan(x) ? isnan(y) : x == y;
}

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
        if (strcmp(*p, "degree") == 0)
            pn_metric_find("ties", &idx[(*n)++]);
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

/* A metric in a caption's words: "betweenness", "PageRank", "effective size". */
static void metric_words(const char *name, char *buf, size_t size)
{
    snprintf(buf, size, "%s", strcmp(name, "pagerank") == 0 ? "PageRank" : name);
    if (strcmp(name, "effective-size") == 0)
        snprintf(buf, size, "effective size");
}

/* The kind of a metric, for captions of many metrics. */
static int metric_group(const char *name)
{
    static const char *const holes[] = {"constraint", "effective-size", NULL};
    static const char *const cohesion[] = {"coreness", "component", "community", NULL};
    static const char *const roles[] = {"coordinator", "itinerant", "gatekeeper", "representative",
                                        "liaison",     "brokerage", NULL};
    const char *const *groups[] = {holes, cohesion, roles};
    for (int g = 0; g < 3; g++)
        for (const char *const *p = groups[g]; *p; p++)
            if (strcmp(name, *p) == 0)
                return g + 1;
    return 0; /* centrality */
}

/* The table's subject: "Betweenness and harmonic of the 25 actors",
 * "Centrality, structural holes and cohesion of the 10 actors of highest
 * degree (of 25)". */
static void set_subject(report *out, const size_t *idx, size_t nm, const char *sort, size_t shown,
                        size_t n, int cutoff, const char *years)
{
    char what[512] = "", one[64];
    size_t len = 0;
    if (nm <= 4) {
        for (size_t k = 0; k < nm; k++) {
            metric_words(pn_metric_name(idx[k]), one, sizeof(one));
            len += (size_t)snprintf(what + len, sizeof(what) - len, "%s%s",
                                    k == 0        ? ""
                                    : k + 1 == nm ? " and "
                                                  : ", ",
                                    one);
        }
    } else {
        static const char *const names[] = {"centrality", "structural holes", "cohesion",
                                            "brokerage roles"};
        bool has[4] = {false, false, false, false};
        size_t groups = 0, k = 0;
        for (size_t i = 0; i < nm; i++)
            has[metric_group(pn_metric_name(idx[i]))] = true;
        for (int g = 0; g < 4; g++)
            groups += has[g];
        for (int g = 0; g < 4; g++)
            if (has[g] && ++k)
                len += (size_t)snprintf(what + len, sizeof(what) - len, "%s%s",
                                        k == 1        ? ""
                                        : k == groups ? " and "
                                                      : ", ",
                                        names[g]);
    }
    what[0] = (char)(what[0] >= 'a' && what[0] <= 'z' ? what[0] - 'a' + 'A' : what[0]);
    char hops[128] = "";
    if (cutoff > 0)
        snprintf(hops, sizeof(hops), ", counting paths of at most %d hop%s", cutoff,
                 cutoff == 1 ? "" : "s");
    metric_words(sort, one, sizeof(one));
    if (years && shown == n) /* a panel: "..., each year from 2012 to 2020" */
        report_set_subject(out, "%s of the actors, %s%s", what, years, hops);
    else if (years && (strcmp(sort, "id") == 0 || strcmp(sort, "name") == 0))
        report_set_subject(out, "%s of the first %zu actors by %s, %s%s", what, shown, sort, years,
                           hops);
    else if (years)
        report_set_subject(out, "%s of the %zu actors of highest %s, %s%s", what, shown, one, years,
                           hops);
    else if (shown == n)
        report_set_subject(out, "%s of the %zu actors%s", what, n, hops);
    else if (strcmp(sort, "id") == 0 || strcmp(sort, "name") == 0)
        report_set_subject(out, "%s of the first %zu actors by %s (of %zu)%s", what, shown, sort, n,
                           hops);
    else
        report_set_subject(out, "%s of the %zu actors of highest %s (of %zu)%s", what, shown, one,
                           n, hops);
}

typedef struct metrics_state {
    const char *metrics_arg, *sort;
    long top;
    bool network, groups;
    pn_metric_options mo;
    size_t *idx;
    size_t nm;
    const char *assort[METRICS_MAX_ASSORT];
    size_t n_assort;
    bool over; /* --over: a panel of these years */
    const char *over_arg;
    panel_years years;
} metrics_state;

/* The network-level figures of g, in table order. */
typedef struct figure {
    const char *name;
    double value;
    bool integer;
} figure;

enum { N_FIGURES = 14 };

static int network_figures(cli_job *job, const pn_graph *g, figure *items, pn_network_metrics *m)
{
    int rc = pn_network_metrics_compute(g, m, job->diags);
    if (rc)
        return cli_fail(job, rc);
    const figure all[N_FIGURES] = {
        {"actors", (double)m->actors, true},
        {"ties", (double)m->ties, true},
        {"edges", (double)m->edges, true},
        {"density", m->density, false},
        {"components", (double)m->components, true},
        {"diameter", m->diameter, true},
        {"mean-path-length", m->mean_path, false},
        {"transitivity", m->transitivity, false},
        {"assortativity-kind", m->assortativity_kind, false},
        {"assortativity-country", m->assortativity_country, false},
        {"communities", (double)m->communities, true},
        {"modularity", m->modularity, false},
        {"degree-centralization", m->degree_centralization, false},
        {"betweenness-centralization", m->betweenness_centralization, false},
    };
    memcpy(items, all, sizeof(all));
    return EXIT_OK;
}

static int network_table(cli_job *job, const metrics_state *st)
{
    pn_network_metrics m;
    figure items[N_FIGURES];
    int code = network_figures(job, job->graph, items, &m);
    if (code != EXIT_OK)
        return code;
    static const char *const head[] = {"metric", "value"};
    static const bool numeric[] = {false, true};
    report_set_subject(&job->out, "Network-level figures of the %zu actors and %zu ties", m.actors,
                       m.ties);
    report_table *t = report_table_new(&job->out, NULL, 2, head, numeric);
    for (size_t i = 0; i < N_FIGURES; i++) {
        char num[64];
        const char *cells[2] = {items[i].name, report_number(&job->out, items[i].value,
                                                             items[i].integer, num, sizeof(num))};
        report_row(&job->out, t, cells);
    }
    code = metrics_assort_rows(job, t, st->assort, st->n_assort);
    return code == EXIT_OK && st->groups ? metrics_group_tables(job, t, &st->mo) : code;
}

/* --network --over: a row of the year's figures (the table made on the
 * first year: year, then a column per figure). */
static int network_year(cli_job *job, const pn_graph *g, int year, report_table **t)
{
    pn_network_metrics m;
    figure items[N_FIGURES];
    int code = network_figures(job, g, items, &m);
    if (code != EXIT_OK)
        return code;
    const char *head[N_FIGURES + 1], *cells[N_FIGURES + 1];
    bool numeric[N_FIGURES + 1];
    char nums[N_FIGURES + 1][64];
    head[0] = "year";
    numeric[0] = true;
    snprintf(nums[N_FIGURES], sizeof(nums[N_FIGURES]), "%d", year);
    cells[0] = nums[N_FIGURES];
    for (size_t i = 0; i < N_FIGURES; i++) {
        head[i + 1] = items[i].name;
        numeric[i + 1] = true;
        cells[i + 1] =
            report_number(&job->out, items[i].value, items[i].integer, nums[i], sizeof(nums[i]));
    }
    if (!*t)
        *t = report_table_new(&job->out, NULL, N_FIGURES + 1, head, numeric);
    report_row(&job->out, *t, cells);
    return EXIT_OK;
}

/* The rows of g's actors into *t (made on the first call). year 0: the
 * table of one view (rank, id, ...); otherwise a year column first, the
 * rows of that year's view. */
static int actor_rows(cli_job *job, const pn_graph *g, const size_t *idx, size_t nm,
                      const char *sort, long top, const pn_metric_options *mo, int year,
                      report_table **t)
{
    const pn_dataset *ds = pn_graph_dataset(g);
    size_t n = pn_graph_vertex_count(g);
    int code = EXIT_INTERNAL, rc = 0;
    double *values = malloc((nm * n + 1) * sizeof(double));
    double *key = malloc((n + 1) * sizeof(double));
    row *rows = malloc((n + 1) * sizeof(row));
    const char **head = malloc((nm + 7) * sizeof(char *));
    bool *numeric = malloc((nm + 7) * sizeof(bool));
    const char **cells = malloc((nm + 7) * sizeof(char *));
    char(*nums)[64] = malloc((nm + 3) * sizeof(*nums));
    const char **names = malloc((nm + 1) * sizeof(char *));
    double **outs = malloc((nm + 1) * sizeof(double *));
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
    rc = pn_metric_vectors(g, names, asked, mo, outs, job->diags);
    for (size_t k = 0; !rc && k < nm; k++)
        if (idx[k] == sort_metric)
            memcpy(key, values + k * n, n * sizeof(double));
    if (rc) {
        code = cli_fail(job, rc);
        goto cleanup;
    }
    bool integer = sort_metric != SIZE_MAX && pn_metric_is_integer(sort_metric);
    for (size_t v = 0; v < n; v++) {
        const pn_actor *a = pn_dataset_actor(ds, pn_graph_vertex_actor(g, v));
        rows[v] = (row){v, a->id, a->name,
                        sort_metric == SIZE_MAX ? 0 : as_shown(&job->out, key[v], integer)};
    }
    qsort(rows, n, sizeof(row),
          strcmp(sort, "id") == 0     ? by_id
          : strcmp(sort, "name") == 0 ? by_name
                                      : by_key);
    static const char *fixed[] = {"year", "rank", "id", "name", "kind", "country"};
    size_t lead = year ? 6 : 5; /* the columns before the metrics */
    for (size_t c = 0; c < lead; c++) {
        head[c] = fixed[c + 6 - lead];
        numeric[c] = c + 6 - lead <= 1;
    }
    for (size_t k = 0; k < nm; k++) {
        head[lead + k] = pn_metric_name(idx[k]);
        numeric[lead + k] = true;
    }
    if (!*t)
        *t = report_table_new(&job->out, NULL, nm + lead, head, numeric);
    size_t shown = top > 0 && (size_t)top < n ? (size_t)top : n, rank = 0;
    if (!year)
        set_subject(&job->out, idx, nm, sort, shown, n, mo->cutoff, NULL);
    snprintf(nums[nm + 1], sizeof(nums[nm + 1]), "%d", year);
    for (size_t r = 0; r < shown; r++) {
        size_t v = rows[r].v;
        const pn_actor *a = pn_dataset_actor(ds, pn_graph_vertex_actor(g, v));
        /* Standard competition ranking on the sort metric (1, 2, 2, 4); by
         * id or name, the position. */
        if (r == 0 || sort_metric == SIZE_MAX || !same_key(rows[r].key, rows[r - 1].key))
            rank = r + 1;
        snprintf(nums[nm], sizeof(nums[nm]), "%zu", rank);
        const char **c = cells + lead - 5;
        cells[0] = nums[nm + 1]; /* the year, when lead is 6 */
        c[0] = nums[nm];
        c[1] = a->id;
        c[2] = a->name;
        c[3] = pn_kind_name(a->kind);
        c[4] = a->country;
        for (size_t k = 0; k < nm; k++)
            c[5 + k] = report_number(&job->out, values[k * n + v], pn_metric_is_integer(idx[k]),
                                     nums[k], sizeof(nums[k]));
        report_row(&job->out, *t, cells);
    }
    code = EXIT_OK;
cleanup:
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
static int cutoff_note(report *out, const size_t *idx, size_t nm, const char *sort, int cutoff,
                       bool quiet, const char *view)
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
    size_t len = strlen(view) + 128;
    char *longer = malloc(len);
    if (!longer)
        return EXIT_INTERNAL;
    snprintf(longer, len, "%s; betweenness, closeness, harmonic: paths of at most %d hop%s", view,
             cutoff, cutoff == 1 ? "" : "s");
    report_set_view(out, longer);
    free(longer);
    return EXIT_OK;
}

/* One process per online CPU (sysconf(_SC_NPROCESSORS_ONLN)): the default
 * of --jobs, and its 0 or auto. The numbers are the same bits whatever the
 * count (docs/metrics.md). */
static int online_cpus(void)
{
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    return cpus < 1 ? 1 : cpus > MAX_JOBS ? MAX_JOBS : (int)cpus;
}

static void init(void *state)
{
    metrics_state *st = state;
    pn_metric_options mo = PN_METRIC_OPTIONS_INIT;
    st->mo = mo;
    st->mo.workers = online_cpus();
}

static void free_state(void *state)
{
    free(((metrics_state *)state)->idx);
}

static int parse_jobs(const char *arg, int *out)
{
    long jobs = 0;
    if (strcmp(arg, "auto") != 0 && !cli_parse_long(arg, 0, MAX_JOBS, &jobs))
        return cli_usage_error("metrics",
                               "--jobs needs a number of processes from 1 to %d, or 0 "
                               "or 'auto' for one per CPU (got '%s')",
                               MAX_JOBS, arg);
    if (jobs == 0)
        jobs = online_cpus();
    *out = (int)jobs;
    return EXIT_OK;
}

static int parse_max_work(const char *arg, double *out)
{
    char *end = NULL;
    double work = strtod(arg, &end);
    if (strcmp(arg, "none") == 0)
        *out = -1;
    else if (!*arg || *end || !(work >= 1 && work <= 1e300))
        return cli_usage_error("metrics",
                               "--max-work needs a number of steps >= 1 (such as 1e10), "
                               "or 'none' (got '%s')",
                               arg);
    else
        *out = work;
    return EXIT_OK;
}

static int option(cli_job *job, void *state, int c, const char *arg)
{
    (void)job;
    metrics_state *st = state;
    long hops = 0;
    switch (c) {
    case 'm':
        st->metrics_arg = arg;
        return EXIT_OK;
    case 's':
        st->sort = arg;
        if (strcmp(arg, "id") && strcmp(arg, "name") && pn_metric_find(arg, NULL))
            return cli_usage_error("metrics", "--sort: unknown metric '%s'", arg);
        return EXIT_OK;
    case 'n':
        if (!cli_parse_long(arg, 1, 1000000000L, &st->top))
            return cli_usage_error("metrics", "--top needs a number >= 1");
        return EXIT_OK;
    case OPT_GROUPS:
        st->groups = true;
        if (strcmp(arg, "country") == 0)
            st->mo.groups = PN_GROUP_COUNTRY;
        else if (strcmp(arg, "kind") == 0)
            st->mo.groups = PN_GROUP_KIND;
        else if (*arg)
            st->mo.group_attribute = arg;
        else
            return cli_usage_error("metrics", "--groups needs country, kind, region or a field");
        return EXIT_OK;
    case OPT_ASSORT:
        if (st->n_assort == METRICS_MAX_ASSORT || !*arg)
            return cli_usage_error("metrics", "--assort needs an attribute, at most %d times",
                                   METRICS_MAX_ASSORT);
        st->assort[st->n_assort++] = arg;
        return EXIT_OK;
    case OPT_NETWORK:
        st->network = true;
        return EXIT_OK;
    case 'j':
        return parse_jobs(arg, &st->mo.workers);
    case OPT_CUTOFF:
        if (!cli_parse_long(arg, 0, 1000000, &hops))
            return cli_usage_error("metrics",
                                   "--cutoff needs a number of hops >= 1, or 0 for no "
                                   "cutoff (got '%s')",
                                   arg);
        st->mo.cutoff = (int)hops;
        return EXIT_OK;
    case OPT_MAX_WORK:
        return parse_max_work(arg, &st->mo.max_work);
    case OPT_OVER:
        st->over = true;
        st->over_arg = arg;
        return panel_parse("metrics", arg, &st->years);
    default:
        return EXIT_USAGE;
    }
}

static int check(cli_job *job, void *state)
{
    metrics_state *st = state;
    (void)job;
    if (st->n_assort && !st->network)
        return cli_usage_error("metrics", "--assort gives network figures: add --network");
    if (st->network && st->mo.cutoff > 0)
        return cli_usage_error("metrics", "--cutoff applies to betweenness, closeness and "
                                          "harmonic, not to --network");
    if (st->over) {
        int code = panel_check(job, &st->years);
        if (code != EXIT_OK)
            return code;
        if (st->network && (st->groups || st->n_assort))
            return cli_usage_error(job->command,
                                   "--network --over gives the network figures of each year; "
                                   "the group tables (--groups, --assort) are not in the panel: "
                                   "run --network --at YEAR for them");
    }
    cli_progress_metrics(&st->mo);
    st->idx = malloc((pn_metric_count() + 1) * sizeof(size_t));
    if (!st->idx)
        return EXIT_INTERNAL;
    return st->metrics_arg ? parse_metrics(st->metrics_arg, st->idx, &st->nm) : EXIT_OK;
}

/* The ego-network note, in every format. */
static int note_ego(cli_job *job)
{
    char *note = NULL;
    int rc = ego_note(job->graph, &note, job->diags);
    if (rc)
        return cli_fail(job, rc);
    if (note)
        report_note(&job->out, "note: %s", note);
    free(note);
    return EXIT_OK;
}

/* A year of the panel: its rows. */
typedef struct panel_ctx {
    metrics_state *st;
    const char *by;
} panel_ctx;

static int panel_year(cli_job *job, void *ctx, const pn_graph *g, int year, report_table **t)
{
    panel_ctx *p = ctx;
    metrics_state *st = p->st;
    if (st->network)
        return network_year(job, g, year, t);
    return actor_rows(job, g, st->idx, st->nm, p->by, st->top, &st->mo, year, t);
}

/* --over: the title, view line and subject of the panel, then its years. */
static int compute_panel(cli_job *job, metrics_state *st)
{
    char years[96];
    int code = panel_view_line(job, &st->years);
    panel_words(&st->years, years, sizeof(years));
    panel_ctx ctx = {st, NULL};
    if (code == EXIT_OK && st->network) {
        report_set_title(&job->out, "paranet metrics --network --over %s %s", st->over_arg,
                         job->file);
        report_set_subject(&job->out, "Network-level figures of the view %s", years);
    } else if (code == EXIT_OK) {
        if (!st->metrics_arg)
            default_metrics(job->graph, st->groups, st->idx, &st->nm);
        ctx.by = st->sort ? st->sort : pn_metric_name(st->idx[0]);
        if (st->mo.cutoff > 0) {
            report_set_title(&job->out, "paranet metrics --cutoff %d --over %s %s", st->mo.cutoff,
                             st->over_arg, job->file);
            code = cutoff_note(&job->out, st->idx, st->nm, ctx.by, st->mo.cutoff, job->quiet,
                               job->view);
        } else {
            report_set_title(&job->out, "paranet metrics --over %s %s", st->over_arg, job->file);
        }
        size_t top = st->top > 0 ? (size_t)st->top : 0;
        set_subject(&job->out, st->idx, st->nm, ctx.by, top, top ? top + 1 : 0, st->mo.cutoff,
                    years);
    }
    return code == EXIT_OK ? panel_run(job, &st->years, panel_year, &ctx, !st->network) : code;
}

static int compute(cli_job *job, void *state)
{
    metrics_state *st = state;
    int code = metrics_check_fields(job, st->mo.group_attribute, st->assort, st->n_assort);
    if (code == EXIT_OK && st->over)
        return compute_panel(job, st);
    if (code == EXIT_OK)
        code = note_ego(job);
    if (code != EXIT_OK)
        return code;
    if (st->network) {
        report_set_title(&job->out, "paranet metrics --network %s", job->file);
        return network_table(job, st);
    }
    if (!st->metrics_arg)
        default_metrics(job->graph, st->groups, st->idx, &st->nm);
    const char *by = st->sort ? st->sort : pn_metric_name(st->idx[0]);
    if (st->mo.cutoff > 0) {
        report_set_title(&job->out, "paranet metrics --cutoff %d %s", st->mo.cutoff, job->file);
        code = cutoff_note(&job->out, st->idx, st->nm, by, st->mo.cutoff, job->quiet, job->view);
    } else {
        report_set_title(&job->out, "paranet metrics %s", job->file);
    }
    report_table *t = NULL;
    return code == EXIT_OK
               ? actor_rows(job, job->graph, st->idx, st->nm, by, st->top, &st->mo, 0, &t)
               : code;
}

static const struct option options[] = {{"metrics", required_argument, NULL, 'm'},
                                        {"sort", required_argument, NULL, 's'},
                                        {"top", required_argument, NULL, 'n'},
                                        {"groups", required_argument, NULL, OPT_GROUPS},
                                        {"network", no_argument, NULL, OPT_NETWORK},
                                        {"jobs", required_argument, NULL, 'j'},
                                        {"cutoff", required_argument, NULL, OPT_CUTOFF},
                                        {"max-work", required_argument, NULL, OPT_MAX_WORK},
                                        {"assort", required_argument, NULL, OPT_ASSORT},
                                        {"over", required_argument, NULL, OPT_OVER},
                                        {NULL, 0, NULL, 0}};

const cli_spec pn_cmd_metrics = {
    .name = "metrics",
    .summary = "centrality, brokerage and network figures of a view, as a table",
    .help = help,
    .help_tail = help_tail,
    .uses = CLI_LOAD | CLI_VIEW | CLI_GRAPH | CLI_FORMAT,
    .shortopts = "m:s:n:j:",
    .options = options,
    .state_size = sizeof(metrics_state),
    .init = init,
    .option = option,
    .check = check,
    .compute = compute,
    .free = free_state,
};
