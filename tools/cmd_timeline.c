/* paranet timeline FILE: per year, the ties that start, end and are in
 * force, by group; with --actor, an actor's ties as a dated sequence; with
 * -o, the chart of either (docs/timeline.md). */
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "figure_opts.h"
#include "pipeline.h"

static const char help[] =
    "Usage: paranet timeline [OPTIONS] FILE\n"
    "\n"
    "Per year, the ties of the view that start, end and are in force (one long\n"
    "table: year, group, started, ended, in_force), read by the time rules of\n"
    "--at (docs/views.md, \"Time\"): the ties in force in YEAR are those of\n"
    "--at YEAR. Years: those of --at or --between, else from the first start\n"
    "to the last start or end. Ties without since are in no year (a note and\n"
    "the groups table count them; --undated keep counts them in force in every\n"
    "year, as --at does); planned and failed ties are never in force (counted\n"
    "too). With --actor, the actor's ties as a dated sequence (year, partner,\n"
    "type, instrument, status, event, basis, source) and its new partners per\n"
    "year. See docs/timeline.md.\n"
    "\n"
    "Options:\n"
    "      --by WHAT       group the ties by type, instrument, status or country\n"
    "                      (default: all ties in one group)\n"
    "      --home CC       with --by country: a tie with one end in CC is grouped\n"
    "                      by its other end's country (partner countries)\n"
    "  -a, --actor ID      the actor's ties, partner by partner, as a sequence\n"
    "\n"
    "Chart (with -o FILE.svg|pdf|png|eps|ps; docs/render.md for the sizes):\n"
    "  -o, --output FILE   draw the chart into FILE (its extension: the format)\n"
    "      --chart WHAT    in-force (ties in force per year, stacked by --by;\n"
    "                      the default) or ladder (the --actor's partners, one\n"
    "                      row each; the default with --actor)\n"
    "      --top N         in-force: the N largest groups, the rest as \"other\"\n"
    "                      (default 8)\n"
    "      --theme THEME   color or paper (grays, serif)\n"
    "      --title TEXT    a title above the chart\n"
    "      --width LEN     the chart's width, e.g. 16cm (default 16cm)\n"
    "      --height LEN    its height (default: from the width or the rows)\n"
    "      --font-size PT  the text's size on paper (default 8)\n"
    "      --dpi N         resolution of PNG (default 300)\n"
    "  -h, --help          show this help\n";

static const char help_tail[] =
    "Tables: rows (the counts, or with --actor the sequence) and groups (per\n"
    "group: ties, dated, undated, never in force); with --actor, new_partners.\n"
    "\n"
    "Examples:\n"
    "  paranet timeline datasets/tangsel.json --by type\n"
    "  paranet timeline datasets/tangsel.json --actor daejeon\n"
    "  paranet timeline datasets/tangsel.json --actor daejeon -o ladder.png\n"
    "  paranet timeline datasets/twintowns-de.json --by country --home DE \\\n"
    "      --between 1950 2014 -o partners.pdf\n";

enum { OPT_BY = CLI_OPT_LAST, OPT_HOME, OPT_CHART, OPT_TOP };

typedef enum chart_kind { CHART_DEFAULT, CHART_IN_FORCE, CHART_LADDER } chart_kind;

typedef struct timeline_state {
    pn_timeline_options to;
    const char *actor_id;
    size_t actor;
    chart_kind chart;
    pn_chart_options co;
    const char *format;
} timeline_state;

static void init(void *state)
{
    timeline_state *st = state;
    pn_timeline_options to = PN_TIMELINE_OPTIONS_INIT;
    pn_chart_options co = PN_CHART_OPTIONS_INIT;
    st->to = to;
    st->co = co;
    st->co.top = 8;
}

static int option(cli_job *job, void *state, int c, const char *arg)
{
    (void)job;
    timeline_state *st = state;
    long n;
    static const char *const by[] = {"all", "type", "instrument", "status", "country", NULL};
    switch (c) {
    case OPT_BY:
        for (int i = 0; by[i]; i++) {
            if (strcmp(arg, by[i]) == 0) {
                st->to.by = (pn_timeline_by)i;
                return EXIT_OK;
            }
        }
        return cli_usage_error(
            "timeline", "--by must be one of type|instrument|status|country (got '%s')", arg);
    case OPT_HOME:
        if (!pn_country_valid(arg))
            return cli_usage_error("timeline",
                                   "--home needs a country code (ISO 3166-1 alpha-2, e.g. DE; "
                                   "got '%s')",
                                   arg);
        st->to.home = arg;
        return EXIT_OK;
    case 'a':
        st->actor_id = arg;
        return EXIT_OK;
    case OPT_CHART:
        if (strcmp(arg, "in-force") == 0 || strcmp(arg, "ladder") == 0) {
            st->chart = arg[0] == 'i' ? CHART_IN_FORCE : CHART_LADDER;
            return EXIT_OK;
        }
        return cli_usage_error("timeline", "--chart must be in-force or ladder (got '%s')", arg);
    case OPT_TOP:
        if (!cli_parse_long(arg, 1, 1000, &n))
            return cli_usage_error("timeline", "--top needs a number from 1 to 1000 (got '%s')",
                                   arg);
        st->co.top = (size_t)n;
        return EXIT_OK;
    default:
        return c >= FIG_OPT_THEME && c < FIG_OPT_END ? fig_chart_option("timeline", c, arg, &st->co)
                                                     : EXIT_USAGE;
    }
}

static int check(cli_job *job, void *state)
{
    timeline_state *st = state;
    if (st->actor_id && st->to.by != PN_TIMELINE_ALL)
        return cli_usage_error("timeline", "--by groups the counts; --actor lists one actor's "
                                           "ties (give one of them)");
    if (st->to.home && st->to.by != PN_TIMELINE_COUNTRY)
        return cli_usage_error("timeline", "--home goes with --by country");
    if (st->chart == CHART_LADDER && !st->actor_id)
        return cli_usage_error("timeline", "--chart ladder needs --actor ID");
    if (st->chart == CHART_IN_FORCE && st->actor_id)
        return cli_usage_error("timeline", "--chart in-force counts every tie; leave out --actor");
    return fig_chart_output("timeline", job->output, "chart", &st->format);
}

static int loaded(cli_job *job, void *state)
{
    timeline_state *st = state;
    return st->actor_id ? cli_find_actor(job, "--actor", st->actor_id, &st->actor) : EXIT_OK;
}

/* ---- the counts ---- */

/* A group's name in a chart's legend: a country's name with its code. */
static const char *legend_name(const timeline_state *st, const char *group, char *buf, size_t size)
{
    const char *name = st->to.by == PN_TIMELINE_COUNTRY ? pn_country_name(group) : NULL;
    if (!name)
        return group;
    snprintf(buf, size, "%s (%s)", name, group);
    return buf;
}

static int draw_in_force(cli_job *job, timeline_state *st, const pn_timeline *tl, char **out,
                         size_t *len)
{
    int first = pn_timeline_first_year(tl), last = pn_timeline_last_year(tl);
    size_t G = pn_timeline_group_count(tl), Y = first ? (size_t)(last - first + 1) : 0;
    pn_chart_series *series = calloc(G + 1, sizeof(*series));
    double *values = calloc(G * Y + 1, sizeof(double)), *total = calloc(G + 1, sizeof(double));
    char(*names)[96] = calloc(G + 1, 96);
    size_t *order = calloc(G + 1, sizeof(size_t));
    int rc = PN_ENOMEM;
    if (!series || !values || !total || !names || !order)
        goto cleanup;
    for (size_t g = 0; g < G; g++) {
        order[g] = g;
        for (size_t y = 0; y < Y; y++) {
            values[g * Y + y] = (double)pn_timeline_count_at(tl, g, first + (int)y).in_force;
            total[g] += values[g * Y + y];
        }
    }
    /* countries: the largest at the bottom of the stack, "other" on top */
    for (size_t i = 1; st->to.by == PN_TIMELINE_COUNTRY && i < G; i++) {
        for (size_t j = i; j > 0 && total[order[j]] > total[order[j - 1]]; j--) {
            size_t t = order[j];
            order[j] = order[j - 1];
            order[j - 1] = t;
        }
    }
    for (size_t k = 0; k < G; k++) {
        size_t g = order[k];
        series[k].label = legend_name(st, pn_timeline_group_name(tl, g), names[k], 96);
        series[k].values = values + g * Y;
    }
    pn_chart_options co = st->co;
    co.y_label = "ties in force";
    size_t drawn = 0, undated = 0, never = 0;
    for (size_t g = 0; g < G; g++) {
        drawn += total[g] > 0;
        undated += pn_timeline_undated(tl, g);
        never += pn_timeline_never(tl, g);
    }
    char other[64], note[192] = "";
    snprintf(other, sizeof(other), "%zu others", drawn > co.top ? drawn - co.top : 0);
    co.other = other;
    if (undated || never)
        snprintf(note, sizeof(note),
                 "Not counted: %zu tie%s without since%s, %zu planned or failed "
                 "(never in force).",
                 undated, undated == 1 ? "" : "s",
                 st->to.view.keep_undated ? " (counted in force in every year)" : "", never);
    co.note = note[0] ? note : NULL;
    rc = pn_chart_stacked(&co, first, Y, series, G, st->format, out, len, job->diags);
cleanup:
    free(series);
    free(values);
    free(total);
    free(names);
    free(order);
    return rc;
}

static int counts(cli_job *job, timeline_state *st, char **chart, size_t *chart_len)
{
    report *out = &job->out;
    pn_timeline *tl = NULL;
    st->to.view = job->vo.view;
    int rc = pn_timeline_new(&tl, job->ds, &st->to, job->diags);
    if (rc != 0)
        return cli_fail(job, rc);
    static const char *const head[] = {"year", "group", "started", "ended", "in_force"};
    static const bool num[] = {true, false, true, true, true};
    static const char *const ghead[] = {"group", "ties", "dated", "undated", "never"};
    static const bool gnum[] = {false, true, true, true, true};
    report_table *t = report_table_new(out, NULL, 5, head, num);
    report_table *gt = report_table_new(out, "groups", 5, ghead, gnum);
    report_table_heading(out, gt,
                         "Ties per group (dated: on the timeline; undated: no since; "
                         "never: planned or failed)");
    int first = pn_timeline_first_year(tl), last = pn_timeline_last_year(tl);
    size_t G = pn_timeline_group_count(tl), undated = 0, never = 0, ties = 0;
    char c[5][32];
    for (int y = first; first && y <= last; y++) {
        for (size_t g = 0; g < G; g++) {
            pn_timeline_count n = pn_timeline_count_at(tl, g, y);
            snprintf(c[0], 32, "%d", y);
            snprintf(c[2], 32, "%zu", n.started);
            snprintf(c[3], 32, "%zu", n.ended);
            snprintf(c[4], 32, "%zu", n.in_force);
            report_row(
                out, t,
                (const char *const[]){c[0], pn_timeline_group_name(tl, g), c[2], c[3], c[4]});
        }
    }
    for (size_t g = 0; g < G; g++) {
        size_t n = pn_timeline_ties(tl, g), u = pn_timeline_undated(tl, g),
               v = pn_timeline_never(tl, g);
        ties += n;
        undated += u;
        never += v;
        snprintf(c[1], 32, "%zu", n);
        snprintf(c[2], 32, "%zu", n - u - v);
        snprintf(c[3], 32, "%zu", u);
        snprintf(c[4], 32, "%zu", v);
        report_row(out, gt,
                   (const char *const[]){pn_timeline_group_name(tl, g), c[1], c[2], c[3], c[4]});
    }
    report_set_subject(out, "Ties started, ended and in force per year%s%s",
                       st->to.by ? " by " : "",
                       st->to.by == PN_TIMELINE_TYPE         ? "type"
                       : st->to.by == PN_TIMELINE_INSTRUMENT ? "instrument"
                       : st->to.by == PN_TIMELINE_STATUS     ? "status"
                       : st->to.by == PN_TIMELINE_COUNTRY    ? "country"
                                                             : "");
    if (first)
        report_note(out, "%zu ties in %zu group%s, years %d to %d", ties, G, G == 1 ? "" : "s",
                    first, last);
    else
        report_note(out, "%zu ties, none dated: no years to list", ties);
    if (undated)
        report_note(out,
                    "%zu tie%s without since: in no year (start unknown)%s; the groups table "
                    "counts them",
                    undated, undated == 1 ? "" : "s",
                    st->to.view.keep_undated ? ", counted in force in every year (--undated keep)"
                                             : "");
    if (never)
        report_note(out, "%zu tie%s planned or failed: never in force", never,
                    never == 1 ? "" : "s");
    if (chart && !first) {
        pn_diags_add(job->diags, PN_SEVERITY_ERROR, NULL, 0, 0, NULL, "chart",
                     "no dated tie in the view: no years to chart");
        rc = PN_EDATA;
    } else if (chart) {
        rc = draw_in_force(job, st, tl, chart, chart_len);
    }
    pn_timeline_free(tl);
    return rc ? cli_fail(job, rc) : EXIT_OK;
}

/* ---- an actor's sequence ---- */

/* The tie's sources, their ids once each, ", "-joined, into buf. */
static const char *source_ids(const pn_dataset *ds, const pn_tie *t, char *buf, size_t size)
{
    size_t len = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < t->n_sources; i++) {
        bool seen = false;
        for (size_t j = 0; j < i && !seen; j++)
            seen = t->sources[j].source == t->sources[i].source;
        const pn_source *s = pn_dataset_source(ds, t->sources[i].source);
        if (!seen && s && len < size)
            len += (size_t)snprintf(buf + len, size - len, "%s%s", len ? ", " : "", s->id);
    }
    return buf;
}

/* A ladder mark's label: the instrument, else the type; planned or failed said. */
static const char *mark_label(const pn_tie *t, const pn_timeline_event *e, char *buf, size_t size)
{
    const char *what = t->instrument != PN_INSTRUMENT_NONE ? pn_instrument_name(t->instrument)
                                                           : pn_tie_type_name(t->type);
    if (e->mark == PN_MARK_NEVER)
        snprintf(buf, size, "%s (%s)", what, pn_status_name(t->status));
    else
        snprintf(buf, size, "%s", what);
    return buf;
}

static int draw_ladder(cli_job *job, timeline_state *st, const pn_timeline_event *ev, size_t n,
                       char **out, size_t *len)
{
    const pn_dataset *ds = job->ds;
    size_t na = pn_dataset_actor_count(ds), rows = 0, undrawn = 0;
    size_t *row_of = malloc((na + 1) * sizeof(size_t));
    const char **labels = calloc(na + 1, sizeof(char *));
    pn_chart_mark *marks = calloc(n + 1, sizeof(*marks));
    char(*texts)[64] = calloc(2 * n + 1, 64); /* the labels, then those of clamped spans */
    int rc = PN_ENOMEM, first = 0, last = 0;
    if (!row_of || !labels || !marks || !texts)
        goto cleanup;
    for (size_t a = 0; a < na; a++)
        row_of[a] = SIZE_MAX;
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (ev[i].year == 0) {
            undrawn++;
            continue;
        }
        const pn_tie *t = pn_dataset_tie(ds, ev[i].tie);
        if (row_of[ev[i].partner] == SIZE_MAX) {
            row_of[ev[i].partner] = rows;
            labels[rows++] = pn_dataset_actor(ds, ev[i].partner)->name;
        }
        int s, e;
        pn_tie_span(t, &s, &e);
        pn_chart_mark *k = &marks[m++];
        k->row = row_of[ev[i].partner];
        k->year = ev[i].year;
        k->style = ev[i].mark == PN_MARK_END     ? PN_CHART_MARK_END
                   : ev[i].mark == PN_MARK_NEVER ? PN_CHART_MARK_HOLLOW
                                                 : PN_CHART_MARK_FILLED;
        k->until = ev[i].mark == PN_MARK_START ? (e ? e : -1) : 0;
        k->label = ev[i].mark == PN_MARK_END ? NULL : mark_label(t, &ev[i], texts[i], 64);
        first = first == 0 || k->year < first ? k->year : first;
        last = k->year > last ? k->year : last;
    }
    char note[160] = "";
    if (undrawn)
        snprintf(note, sizeof(note),
                 "Not drawn: %zu tie%s without a year (undated, or planned "
                 "or failed with no since).",
                 undrawn, undrawn == 1 ? "" : "s");
    pn_chart_options co = st->co;
    co.note = undrawn ? note : NULL;
    if (st->to.view.at || st->to.view.from_year || st->to.view.to_year) {
        first = job->vo.view.at ? job->vo.view.at : job->vo.view.from_year;
        last = job->vo.view.at ? job->vo.view.at : job->vo.view.to_year;
    }
    size_t kept = 0; /* a view by time: its years only, spans past them open */
    for (size_t i = 0; i < m; i++) {
        if (marks[i].year > last ||
            (marks[i].year < first && marks[i].until >= 0 && marks[i].until < first))
            continue;
        marks[kept] = marks[i];
        if (marks[i].year < first) { /* in force since before the years shown */
            snprintf(texts[n + i], 64, "%s since %d", marks[i].label, marks[i].year);
            marks[kept].year = first;
            marks[kept].style = PN_CHART_MARK_LINE;
            marks[kept].label = texts[n + i];
        }
        marks[kept].until = marks[i].until > last ? -1 : marks[i].until;
        kept++;
    }
    m = kept;
    if (rows == 0) {
        pn_diags_add(job->diags, PN_SEVERITY_ERROR, NULL, 0, 0, NULL, "chart",
                     "--actor %s: no dated tie in the view to draw", st->actor_id);
        rc = PN_EDATA;
        goto cleanup;
    }
    rc =
        pn_chart_ladder(&co, labels, rows, marks, m, first, last, st->format, out, len, job->diags);
cleanup:
    free(row_of);
    free(labels);
    free(marks);
    free(texts);
    return rc;
}

static void new_partners(cli_job *job, const pn_timeline_event *ev, size_t n)
{
    report *out = &job->out;
    static const char *const head[] = {"year", "new", "partners"};
    static const bool num[] = {true, true, false};
    report_table *t = report_table_new(out, "new_partners", 3, head, num);
    report_table_heading(out, t, "New partners per year (the first tie in force with each)");
    size_t na = pn_dataset_actor_count(job->ds);
    bool *seen = calloc(na + 1, sizeof(bool));
    char *list = malloc(1);
    size_t cap = 1;
    if (!seen || !list) {
        out->failed = true;
        free(seen);
        free(list);
        return;
    }
    for (size_t i = 0; i < n;) {
        size_t j = i, count = 0, used = 0;
        list[0] = '\0';
        for (; j < n && ev[j].year == ev[i].year; j++) {
            const pn_actor *p = pn_dataset_actor(job->ds, ev[j].partner);
            if (ev[i].year == 0 || seen[ev[j].partner] ||
                (ev[j].mark != PN_MARK_START && ev[j].mark != PN_MARK_ONCE))
                continue;
            seen[ev[j].partner] = true;
            count++;
            size_t need = used + strlen(p->id) + 3;
            if (need > cap) {
                char *grown = realloc(list, need * 2);
                if (!grown) {
                    out->failed = true;
                    break;
                }
                list = grown;
                cap = need * 2;
            }
            used += (size_t)snprintf(list + used, cap - used, "%s%s", used ? ", " : "", p->id);
        }
        if (count) {
            char y[16], c[32];
            snprintf(y, sizeof(y), "%d", ev[i].year);
            snprintf(c, sizeof(c), "%zu", count);
            report_row(out, t, (const char *const[]){y, c, list});
        }
        i = j;
    }
    free(seen);
    free(list);
}

static int sequence(cli_job *job, timeline_state *st, char **chart, size_t *chart_len)
{
    report *out = &job->out;
    const pn_dataset *ds = job->ds;
    pn_timeline_event *ev = NULL;
    size_t n = 0, undated = 0, never = 0;
    st->to.view = job->vo.view;
    int rc = pn_timeline_actor(&ev, &n, ds, &job->vo.view, st->actor, job->diags);
    if (rc != 0)
        return cli_fail(job, rc);
    static const char *const head[] = {"year",   "partner", "type",  "instrument",
                                       "status", "event",   "basis", "source"};
    static const bool num[] = {true, false, false, false, false, false, false, false};
    report_table *t = report_table_new(out, NULL, 8, head, num);
    for (size_t i = 0; i < n; i++) {
        const pn_tie *tie = pn_dataset_tie(ds, ev[i].tie);
        char year[16], src[512];
        snprintf(year, sizeof(year), ev[i].year ? "%d" : "NA", ev[i].year);
        undated += ev[i].mark == PN_MARK_UNDATED;
        never += ev[i].mark == PN_MARK_NEVER;
        const char *cells[] = {
            year,
            pn_dataset_actor(ds, ev[i].partner)->id,
            pn_tie_type_name(tie->type),
            tie->instrument != PN_INSTRUMENT_NONE ? pn_instrument_name(tie->instrument) : "",
            tie->status != PN_STATUS_NONE ? pn_status_name(tie->status) : "",
            pn_timeline_mark_name(ev[i].mark),
            pn_basis_name(tie->basis),
            source_ids(ds, tie, src, sizeof(src))};
        report_row(out, t, cells);
    }
    new_partners(job, ev, n);
    const pn_actor *a = pn_dataset_actor(ds, st->actor);
    report_set_subject(out, "The ties of %s in time", a->name);
    report_note(out, "%zu entries for the ties of %s (%s)", n, a->id, a->name);
    if (undated)
        report_note(out, "%zu tie%s without since: year NA, event undated (start unknown)", undated,
                    undated == 1 ? "" : "s");
    if (never)
        report_note(out, "%zu tie%s planned or failed: event never (never in force)", never,
                    never == 1 ? "" : "s");
    if (chart)
        rc = draw_ladder(job, st, ev, n, chart, chart_len);
    free(ev);
    return rc ? cli_fail(job, rc) : EXIT_OK;
}

static int compute(cli_job *job, void *state)
{
    timeline_state *st = state;
    static const char *const by[] = {"", " --by type", " --by instrument", " --by status",
                                     " --by country"};
    report_set_title(&job->out, "paranet timeline %s%s%s%s%s%s", job->file,
                     st->actor_id ? " --actor " : "", st->actor_id ? st->actor_id : "",
                     by[st->to.by], st->to.home ? " --home " : "", st->to.home ? st->to.home : "");
    char *chart = NULL;
    size_t len = 0;
    char **want = job->output ? &chart : NULL;
    int code = st->actor_id ? sequence(job, st, want, &len) : counts(job, st, want, &len);
    if (code == EXIT_OK && chart) {
        pn_diags_clear(job->diags);
        if (cli_write_output(job->output, chart, len, job->diags) != 0) {
            cli_print_diags(job->diags);
            code = EXIT_IO;
        }
        /* the chart is the answer: the table is not written as well */
        report_free(&job->out);
        report_init(&job->out);
        job->out.text_header = false;
    }
    free(chart);
    return code;
}

static const struct option options[] = {{"by", required_argument, NULL, OPT_BY},
                                        {"home", required_argument, NULL, OPT_HOME},
                                        {"actor", required_argument, NULL, 'a'},
                                        {"chart", required_argument, NULL, OPT_CHART},
                                        {"top", required_argument, NULL, OPT_TOP},
                                        FIG_CHART_LONG_OPTIONS,
                                        {NULL, 0, NULL, 0}};

const cli_spec pn_cmd_timeline = {
    .name = "timeline",
    .summary = "ties started, ended and in force per year; an actor's dated sequence; charts",
    .help = help,
    .help_tail = help_tail,
    .uses = CLI_LOAD | CLI_VIEW | CLI_FORMAT | CLI_OUTPUT,
    .shortopts = "a:",
    .options = options,
    .state_size = sizeof(timeline_state),
    .init = init,
    .option = option,
    .check = check,
    .loaded = loaded,
    .compute = compute,
};
