/* paranet mixing FILE --by country|kind|region: the group x group mixing
 * matrix of a view, observed and expected tie counts (docs/mixing.md). */
#include <stdlib.h>
#include <string.h>

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
    "  -h, --help       show this help\n";

static const char help_tail[] =
    "Tables: rows (group_a, name_a, group_b, name_b, observed, expected), groups\n"
    "(group, name, actors, ends, inside), matrix (up to 40 groups).\n"
    "\n"
    "Example:\n"
    "  paranet mixing datasets/tangsel.json --by kind\n"
    "  paranet mixing datasets/twintowns-de.json --by country --nonzero -f csv\n";

enum { OPT_BY = CLI_OPT_LAST, OPT_NONZERO };

/* More groups than this make no matrix table: the long table has them. */
#define MATRIX_MAX 40
#define TEXT_WIDTH 120

typedef struct mixing_state {
    bool have_by, nonzero;
    pn_aggregate_by by;
} mixing_state;

static int option(cli_job *job, void *state, int c, const char *arg)
{
    (void)job;
    mixing_state *st = state;
    if (c == OPT_NONZERO) {
        st->nonzero = true;
        return EXIT_OK;
    }
    if (c != OPT_BY)
        return EXIT_USAGE;
    if (pn_aggregate_by_parse(arg, &st->by) != 0)
        return cli_usage_error("mixing", "--by: unknown attribute '%s' (country, kind or region)",
                               arg);
    st->have_by = true;
    return EXIT_OK;
}

static int check(cli_job *job, void *state)
{
    (void)job;
    if (!((mixing_state *)state)->have_by)
        return cli_usage_error("mixing", "--by country, kind or region is required");
    return EXIT_OK;
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
                                        {NULL, 0, NULL, 0}};

const cli_spec pn_cmd_mixing = {
    .name = "mixing",
    .summary = "the group x group mixing matrix: observed and expected ties",
    .help = help,
    .help_tail = help_tail,
    .uses = CLI_LOAD | CLI_VIEW | CLI_FORMAT,
    .options = options,
    .state_size = sizeof(mixing_state),
    .option = option,
    .check = check,
    .compute = compute,
};
