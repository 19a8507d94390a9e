/* paranet mixing FILE --by country|kind|region: the group x group mixing
 * matrix of a view, observed and expected tie counts (docs/mixing.md). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "figure_opts.h"
#include "pipeline.h"

static const char help[] =
    "Usage: paranet mixing [OPTIONS] FILE --by country|kind|region\n"
    "\n"
    "Who ties with whom: for each pair of groups of the view's actors (their\n"
    "country, kind, or country and region, as paranet aggregate makes them),\n"
    "the number of the view's ties between them (inside the group for a group\n"
    "with itself) and the number expected under random mixing, the\n"
    "configuration model of Newman (2003): d_a d_b / 2m for two groups, d_a^2 /\n"
    "4m for a group with itself, where d is the groups' tie ends and m the\n"
    "ties (docs/metrics.md, \"Mixing\"). Each tie counts once, parallel ties\n"
    "each, direction ignored. Both columns sum to m. The table has one row per\n"
    "pair (group_a not after group_b, in the groups' order); a second table\n"
    "gives the groups, and a third the matrix of observed counts, in the text\n"
    "format when it fits in 120 columns. See docs/mixing.md.\n"
    "\n"
    "Options:\n"
    "      --by ATTR    country, kind or region (as paranet aggregate)\n"
    "      --nonzero    only the pairs with at least one tie\n"
    "  -h, --help       show this help\n"
    "\n"
    "Heat map (with -o FILE.svg|pdf|png|eps|ps; docs/render.md for the sizes):\n"
    "  -o, --output FILE   draw the matrix into FILE (its extension: the format)\n"
    "      --cells WHAT    observed (default: tie counts) or ratio (observed /\n"
    "                      expected: over 1, more ties than random mixing gives)\n"
    "      --top N         the N groups with the most tie ends (default 20); the\n"
    "                      others merged into one row and column, \"N others\"\n"
    "      --theme THEME   color (default) or paper (grayscale)\n"
    "      --title TEXT    a title above the heat map\n"
    "      --width LEN     its width, e.g. 16cm (default 16cm)\n"
    "      --height LEN    its height\n"
    "      --font-size PT  the labels' size on paper (default 8)\n"
    "      --dpi N         resolution of PNG (default 300)\n";

static const char help_tail[] =
    "Tables: rows (group_a, name_a, group_b, name_b, observed, expected), groups\n"
    "(group, name, actors, ends, inside), matrix (up to 40 groups).\n"
    "\n"
    "Example:\n"
    "  paranet mixing datasets/tangsel.json --by kind\n"
    "  paranet mixing datasets/twintowns-de.json --by country --nonzero -f csv\n"
    "  paranet mixing datasets/twintowns-de.json --by region --top 16 -o mixing.pdf\n";

enum { OPT_BY = CLI_OPT_LAST, OPT_NONZERO, OPT_CELLS, OPT_TOP };

/* More groups than this make no matrix table: the long table has them. */
#define MATRIX_MAX 40
#define TEXT_WIDTH 120

typedef struct mixing_state {
    bool have_by, nonzero, ratio;
    pn_aggregate_by by;
    size_t top;
    pn_chart_options co;
    const char *format; /* -o: the heat map's */
} mixing_state;

static void init(void *state)
{
    mixing_state *st = state;
    pn_chart_options co = PN_CHART_OPTIONS_INIT;
    st->co = co;
    st->top = 20;
}

static int option(cli_job *job, void *state, int c, const char *arg)
{
    (void)job;
    mixing_state *st = state;
    long n;
    switch (c) {
    case OPT_NONZERO:
        st->nonzero = true;
        return EXIT_OK;
    case OPT_CELLS:
        if (strcmp(arg, "observed") == 0 || strcmp(arg, "ratio") == 0) {
            st->ratio = arg[0] == 'r';
            return EXIT_OK;
        }
        return cli_usage_error("mixing", "--cells must be observed or ratio (got '%s')", arg);
    case OPT_TOP:
        if (!cli_parse_long(arg, 1, 200, &n))
            return cli_usage_error("mixing", "--top needs a number from 1 to 200 (got '%s')", arg);
        st->top = (size_t)n;
        return EXIT_OK;
    case OPT_BY:
        break;
    default:
        return c >= FIG_OPT_THEME && c < FIG_OPT_END ? fig_chart_option("mixing", c, arg, &st->co)
                                                     : EXIT_USAGE;
    }
    if (pn_aggregate_by_parse(arg, &st->by) != 0)
        return cli_usage_error("mixing", "--by: unknown attribute '%s' (country, kind or region)",
                               arg);
    st->have_by = true;
    return EXIT_OK;
}

static int check(cli_job *job, void *state)
{
    mixing_state *st = state;
    if (!st->have_by)
        return cli_usage_error("mixing", "--by country, kind or region is required");
    return fig_chart_output("mixing", job->output, "heat map", &st->format);
}

/* ---- the heat map ---- */

typedef struct by_ends {
    double ends;
    size_t group;
} by_ends;

/* By tie ends, most first; equal ends keep the groups' order. */
static int by_ends_cmp(const void *a, const void *b)
{
    const by_ends *x = a, *y = b;
    if (x->ends != y->ends)
        return x->ends > y->ends ? -1 : 1;
    return x->group < y->group ? -1 : x->group > y->group;
}

/* The groups drawn: the top ones by tie ends (ties in the groups' order),
 * the rest into one more, "N others". */
static int heatmap(cli_job *job, const mixing_state *st, const pn_mixing *m, char **out,
                   size_t *len)
{
    size_t n = m->n, k = n > st->top ? st->top : n, rows = k + (n > k);
    size_t *order = malloc((n + 1) * sizeof(size_t)), *slot = malloc((n + 1) * sizeof(size_t));
    double *obs = calloc(rows * rows + 1, sizeof(double));
    double *exp = calloc(rows * rows + 1, sizeof(double));
    const char **labels = calloc(rows + 1, sizeof(char *));
    char(*names)[96] = calloc(rows + 1, sizeof(*names));
    int rc = PN_ENOMEM;
    if (!order || !slot || !obs || !exp || !labels || !names)
        goto cleanup;
    by_ends *sorted = malloc((n + 1) * sizeof(*sorted));
    if (!sorted)
        goto cleanup;
    for (size_t i = 0; i < n; i++)
        sorted[i] = (by_ends){m->degree[i], i};
    qsort(sorted, n, sizeof(*sorted), by_ends_cmp);
    for (size_t r = 0; r < n; r++)
        order[r] = sorted[r].group;
    free(sorted);
    for (size_t r = 0; r < n; r++)
        slot[order[r]] = r < k ? r : k;
    for (size_t r = 0; r < k; r++) {
        size_t g = order[r];
        snprintf(names[r], sizeof(names[r]), "%s", m->names[g]);
        labels[r] = names[r];
    }
    if (rows > k) {
        snprintf(names[k], sizeof(names[k]), "%zu others", n - k);
        labels[k] = names[k];
    }
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++) {
            obs[slot[i] * rows + slot[j]] += m->observed[i * n + j];
            exp[slot[i] * rows + slot[j]] += m->expected[i * n + j];
        }
    for (size_t c = 0; c < rows * rows; c++) /* a ratio over nothing expected: no cell */
        obs[c] = !st->ratio ? obs[c] : exp[c] > 0 ? obs[c] / exp[c] : NAN;
    pn_chart_options co = st->co;
    char note[160];
    snprintf(note, sizeof(note), "%s ties between groups by %s; %zu ties in all%s.",
             st->ratio ? "Observed / expected (configuration model)" : "Observed",
             pn_aggregate_by_name(st->by), m->ties,
             rows > k ? "; the groups with fewer tie ends merged" : "");
    co.note = note;
    rc = pn_chart_heatmap(&co, labels, rows, labels, rows, obs, st->ratio ? 2 : 0, st->format, out,
                          len, job->diags);
cleanup:
    free(order);
    free(slot);
    free(obs);
    free(exp);
    free(labels);
    free(names);
    return rc;
}

static void pairs(report *out, const pn_mixing *m, bool nonzero)
{
    static const char *const head[] = {"group_a", "name_a",   "group_b",
                                       "name_b",  "observed", "expected"};
    static const bool numeric[] = {false, false, false, false, true, true};
    report_table *t = report_table_new(out, NULL, 6, head, numeric);
    report_table_empty(out, t, "(no ties)");
    for (size_t i = 0; i < m->n; i++)
        for (size_t j = i; j < m->n; j++) {
            double o = m->observed[i * m->n + j], e = m->expected[i * m->n + j];
            if (nonzero ? o == 0 : o == 0 && e == 0)
                continue;
            char ob[64], eb[64];
            const char *cells[] = {m->ids[i],
                                   m->names[i],
                                   m->ids[j],
                                   m->names[j],
                                   report_number(out, o, true, ob, sizeof(ob)),
                                   report_number(out, e, false, eb, sizeof(eb))};
            report_row(out, t, cells);
        }
}

static void groups(report *out, const pn_mixing *m)
{
    static const char *const head[] = {"group", "name", "actors", "ends", "inside"};
    static const bool numeric[] = {false, false, true, true, true};
    report_table *t = report_table_new(out, "groups", 5, head, numeric);
    report_table_heading(out, t, "\nGroups");
    for (size_t i = 0; i < m->n; i++) {
        char a[64], d[64], w[64];
        const char *cells[] = {m->ids[i], m->names[i],
                               report_number(out, (double)m->actors[i], true, a, sizeof(a)),
                               report_number(out, m->degree[i], true, d, sizeof(d)),
                               report_number(out, m->observed[i * m->n + i], true, w, sizeof(w))};
        report_row(out, t, cells);
    }
}

/* The observed counts as a matrix: a row and a column per group. */
static void matrix(report *out, const pn_mixing *m)
{
    size_t n = m->n, width = 0, first = 5; /* the first column: "group", or the longest id */
    const char **head = malloc((n + 1) * sizeof(char *));
    bool *numeric = malloc(n + 1);
    const char **cells = malloc((n + 1) * sizeof(char *));
    char(*buf)[64] = malloc((n + 1) * sizeof(*buf));
    if (!head || !numeric || !cells || !buf) {
        out->failed = true;
        goto cleanup;
    }
    head[0] = "group";
    numeric[0] = false;
    for (size_t j = 0; j < n; j++) {
        head[j + 1] = m->ids[j];
        numeric[j + 1] = true;
        width += strlen(m->ids[j]) + 2;
        if (strlen(m->ids[j]) > first)
            first = strlen(m->ids[j]);
    }
    width += first;
    report_table *t = report_table_new(out, "matrix", n + 1, head, numeric);
    report_table_heading(out, t, "\nObserved ties between groups (a group's own: inside it)");
    for (size_t i = 0; t && i < n; i++) {
        cells[0] = m->ids[i];
        for (size_t j = 0; j < n; j++)
            cells[j + 1] = report_number(out, m->observed[i * n + j], true, buf[j], sizeof(buf[j]));
        report_row(out, t, cells);
    }
    if (t && width > TEXT_WIDTH)
        t->text_hidden = true;
cleanup:
    free(head);
    free(numeric);
    free(cells);
    free(buf);
}

static int compute(cli_job *job, void *state)
{
    mixing_state *st = state;
    report *out = &job->out;
    const char *by = pn_aggregate_by_name(st->by);
    report_set_title(out, "paranet mixing %s --by %s%s", job->file, by,
                     st->nonzero ? " --nonzero" : "");
    pn_mixing *m = NULL;
    int code = cli_fail(job, pn_mixing_new(&m, job->ds, &job->vo.view, st->by, job->diags));
    if (code != EXIT_OK)
        return code;
    report_set_subject(out, "Observed and expected ties between the %zu groups by %s", m->n, by);
    report_note(out,
                "%zu ties among %zu groups by %s; expected under random mixing (configuration "
                "model, docs/metrics.md)",
                m->ties, m->n, by);
    if (m->unknown && st->by == PN_AGGREGATE_COUNTRY)
        report_note(out, "%zu actor%s of unknown country (ZZ): in the group country-zz", m->unknown,
                    m->unknown == 1 ? "" : "s");
    else if (m->unknown)
        report_note(out, "%zu actor%s without a region: in %s country's group region-CC-unknown",
                    m->unknown, m->unknown == 1 ? "" : "s", m->unknown == 1 ? "its" : "their");
    if (st->format) { /* the heat map is the answer: no tables */
        char *chart = NULL;
        size_t len = 0;
        code = cli_fail(job, heatmap(job, st, m, &chart, &len));
        pn_mixing_free(m);
        if (code == EXIT_OK && cli_write_output(job->output, chart, len, job->diags) != 0) {
            cli_print_diags(job->diags);
            code = EXIT_IO;
        }
        free(chart);
        report_free(out);
        report_init(out);
        out->text_header = false;
        return code;
    }
    pairs(out, m, st->nonzero);
    groups(out, m);
    if (m->n <= MATRIX_MAX)
        matrix(out, m);
    else
        report_note(out, "%zu groups: no matrix table (at most %d)", m->n, MATRIX_MAX);
    pn_mixing_free(m);
    return out->failed ? EXIT_INTERNAL : EXIT_OK;
}

static const struct option options[] = {{"by", required_argument, NULL, OPT_BY},
                                        {"nonzero", no_argument, NULL, OPT_NONZERO},
                                        {"cells", required_argument, NULL, OPT_CELLS},
                                        {"top", required_argument, NULL, OPT_TOP},
                                        FIG_CHART_LONG_OPTIONS,
                                        {NULL, 0, NULL, 0}};

const cli_spec pn_cmd_mixing = {
    .name = "mixing",
    .summary = "the group x group mixing matrix: observed and expected ties",
    .help = help,
    .help_tail = help_tail,
    .uses = CLI_LOAD | CLI_VIEW | CLI_FORMAT | CLI_OUTPUT,
    .options = options,
    .state_size = sizeof(mixing_state),
    .init = init,
    .option = option,
    .check = check,
    .compute = compute,
};
