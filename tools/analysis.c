#include "analysis.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ASCII case-insensitive substring test (strcasestr is a GNU extension). */
static bool contains_nocase(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (; *hay; hay++)
        if (strncasecmp(hay, needle, n) == 0)
            return true;
    return false;
}

int an_find_actor(const char *command, const char *option, const pn_dataset *ds, const char *id,
                  size_t *out)
{
    if (pn_dataset_find_actor(ds, id, out) == 0)
        return EXIT_OK;
    /* Suggest the nearest id, or the actor whose name or alias is `id`. */
    const char *best = NULL;
    size_t best_d = 4;
    for (size_t i = 0; i < pn_dataset_actor_count(ds); i++) {
        const pn_actor *a = pn_dataset_actor(ds, i);
        bool named = strcasecmp(a->name, id) == 0;
        for (size_t k = 0; k < a->n_aliases && !named; k++)
            named = strcasecmp(a->aliases[k], id) == 0;
        /* A word of the name ("Tangerang" in "Kota Tangerang Selatan") is
         * almost as good as the name. */
        bool part = !named && strlen(id) >= 3 && contains_nocase(a->name, id);
        size_t d = named ? 0 : part ? 1 : pn_edit_distance(id, a->id, 3);
        if (d < best_d) {
            best_d = d;
            best = a->id;
        }
    }
    if (best)
        fprintf(stderr, "paranet %s: %s: no actor '%s' (did you mean '%s'?)\n", command, option, id,
                best);
    else
        fprintf(stderr,
                "paranet %s: %s: no actor '%s'; 'paranet info FILE' lists the dataset, actor ids "
                "are in its \"actors\"\n",
                command, option, id);
    return EXIT_INVALID;
}

int an_actors_option(cli_job *job, void *state, int c, const char *arg)
{
    (void)job;
    an_actors *a = state;
    if (c == 'e') {
        a->explain = true;
        return EXIT_OK;
    }
    for (size_t i = 0; i < a->n; i++) {
        if (c == a->val[i]) {
            a->id[i] = arg;
            return EXIT_OK;
        }
    }
    return EXIT_USAGE;
}

int an_actors_check(cli_job *job, void *state)
{
    const an_actors *a = state;
    for (size_t i = 0; i < a->n; i++)
        if (!a->id[i])
            return cli_usage_error(job->command, "%s", a->required);
    return EXIT_OK;
}

int an_actors_loaded(cli_job *job, void *state)
{
    an_actors *a = state;
    int code = EXIT_OK;
    for (size_t i = 0; i < a->n && code == EXIT_OK; i++)
        code = cli_find_actor(job, a->option[i], a->id[i], &a->actor[i]);
    return code;
}

char *an_describe(const pn_view *view)
{
    int n = pn_view_describe(view, NULL, 0);
    char *s = malloc((size_t)n + 1);
    if (s)
        pn_view_describe(view, s, (size_t)n + 1);
    return s;
}

const char *an_years(const pn_tie *t, char *buf, size_t size)
{
    char a[16], b[16];
    pn_date_format(t->since, a, sizeof(a));
    pn_date_format(t->until, b, sizeof(b));
    if (!t->since.year && !t->until.year)
        snprintf(buf, size, "%s", "");
    else if (!t->until.year)
        snprintf(buf, size, "%s", a);
    else if (!t->since.year)
        snprintf(buf, size, "-%s", b);
    else if (pn_date_compare(t->since, t->until) == 0)
        snprintf(buf, size, "%s", a);
    else
        snprintf(buf, size, "%s-%s", a, b);
    return buf;
}

const char *an_tie_label(const pn_dataset *ds, size_t tie, char *buf, size_t size)
{
    const pn_tie *t = pn_dataset_tie(ds, tie);
    if (t->id)
        snprintf(buf, size, "%s", t->id);
    else
        snprintf(buf, size, "ties[%zu]", tie);
    return buf;
}

char *an_path_text(const pn_graph *g, const size_t *v, size_t len)
{
    const pn_dataset *ds = pn_graph_dataset(g);
    size_t size = 1;
    for (size_t i = 0; i < len; i++)
        size += strlen(pn_dataset_actor(ds, pn_graph_vertex_actor(g, v[i]))->id) + 3;
    char *s = malloc(size), *p = s;
    for (size_t i = 0; s && i < len; i++) {
        const char *id = pn_dataset_actor(ds, pn_graph_vertex_actor(g, v[i]))->id;
        size_t n = strlen(id);
        if (i) {
            memcpy(p, " > ", 3);
            p += 3;
        }
        memcpy(p, id, n);
        p += n;
    }
    if (s)
        *p = '\0';
    return s;
}

static const char *const tie_head[] = {"tie",      "type",   "instrument", "years",
                                       "status",   "basis",  "tie_from",   "tie_to",
                                       "directed", "source", "page"};
#define TIE_COLS (sizeof(tie_head) / sizeof(tie_head[0]))
#define MAX_LEAD 8

int an_evidence_init(an_evidence *ev, report *out, const pn_dataset *ds, size_t nlead,
                     const char *const *lead, const bool *lead_numeric)
{
    const char *head[MAX_LEAD + TIE_COLS];
    bool numeric[MAX_LEAD + TIE_COLS] = {false};
    memset(ev, 0, sizeof(*ev));
    ev->out = out;
    ev->ds = ds;
    ev->nlead = nlead < MAX_LEAD ? nlead : MAX_LEAD;
    for (size_t c = 0; c < ev->nlead; c++) {
        head[c] = lead[c];
        numeric[c] = lead_numeric && lead_numeric[c];
    }
    for (size_t c = 0; c < TIE_COLS; c++)
        head[ev->nlead + c] = tie_head[c];
    ev->ties = report_table_new(out, "evidence", ev->nlead + TIE_COLS, head, numeric);
    ev->cited = calloc(pn_dataset_source_count(ds) + 1, sizeof(bool));
    if (ev->ties)
        ev->ties->text_hidden = true;
    return ev->ties && ev->cited ? EXIT_OK : EXIT_INTERNAL;
}

int an_evidence_init_hops(an_evidence *ev, report *out, const pn_dataset *ds, const char *key,
                          bool key_numeric)
{
    const char *lead[] = {key, "hop", "from", "to"};
    const bool numeric[] = {key_numeric, true, false, false};
    return an_evidence_init(ev, out, ds, 4, lead, numeric);
}

void an_evidence_tie(an_evidence *ev, const char *const *lead, size_t tie, report_table *shown,
                     const char *indent)
{
    const pn_dataset *ds = ev->ds;
    const pn_tie *t = pn_dataset_tie(ds, tie);
    char label[128], years[32];
    an_years(t, years, sizeof(years));
    an_tie_label(ds, tie, label, sizeof(label));
    const char *type = pn_tie_type_name(t->type);
    const char *instrument =
        t->instrument != PN_INSTRUMENT_NONE ? pn_instrument_name(t->instrument) : "";
    const char *status = t->status != PN_STATUS_NONE ? pn_status_name(t->status) : "";
    const char *basis = pn_basis_name(t->basis);
    bool reported = t->basis == PN_BASIS_REPORTED;
    const char *from = pn_dataset_actor(ds, t->from)->id, *to = pn_dataset_actor(ds, t->to)->id;
    /* A basis other than reported in brackets: "[recommended]". */
    report_row_detail(ev->out, shown, "%s%s: %s%s%s%s%s%s%s%s%s%s (%s %s %s)", indent, label, type,
                      instrument[0] ? " " : "", instrument, years[0] ? " " : "", years,
                      status[0] ? " " : "", status, reported ? "" : " [", reported ? "" : basis,
                      reported ? "" : "]", from, t->directed ? "->" : "--", to);
    const char *cells[MAX_LEAD + TIE_COLS];
    for (size_t c = 0; c < ev->nlead; c++)
        cells[c] = lead[c];
    const char **own = cells + ev->nlead;
    own[0] = label;
    own[1] = type;
    own[2] = instrument;
    own[3] = years;
    own[4] = status;
    own[5] = basis;
    own[6] = from;
    own[7] = to;
    own[8] = t->directed ? "true" : "false";
    own[9] = own[10] = "";
    if (t->n_sources == 0) {
        report_row_detail(ev->out, shown, "%s  source: none given", indent);
        report_row(ev->out, ev->ties, cells);
    }
    for (size_t k = 0; k < t->n_sources; k++) {
        const pn_source *s = pn_dataset_source(ds, t->sources[k].source);
        if (ev->cited)
            ev->cited[t->sources[k].source] = true;
        own[9] = s->id;
        own[10] = t->sources[k].page ? t->sources[k].page : "";
        if (t->sources[k].page)
            report_row_detail(ev->out, shown, "%s  source: %s, %s", indent, s->id,
                              t->sources[k].page);
        else
            report_row_detail(ev->out, shown, "%s  source: %s", indent, s->id);
        report_row(ev->out, ev->ties, cells);
    }
}

void an_evidence_hops(an_evidence *ev, const pn_graph *g, const char *key, const size_t *v,
                      size_t len, size_t first_hop, report_table *shown, const char *indent)
{
    const pn_dataset *ds = pn_graph_dataset(g);
    char deeper[64], hop[32];
    snprintf(deeper, sizeof(deeper), "%s    ", indent);
    for (size_t i = 0; i + 1 < len; i++) {
        const pn_actor *a = pn_dataset_actor(ds, pn_graph_vertex_actor(g, v[i]));
        const pn_actor *b = pn_dataset_actor(ds, pn_graph_vertex_actor(g, v[i + 1]));
        size_t n;
        const size_t *ties = pn_path_hop_ties(g, v[i], v[i + 1], &n);
        snprintf(hop, sizeof(hop), "%zu", first_hop + i);
        report_row_detail(ev->out, shown, "%shop %s: %s (%s) -> %s (%s), %zu tie%s", indent, hop,
                          a->id, a->name, b->id, b->name, n, n == 1 ? "" : "s");
        const char *lead[] = {key, hop, a->id, b->id};
        for (size_t k = 0; k < n; k++)
            an_evidence_tie(ev, lead, ties[k], shown, deeper);
    }
}

void an_evidence_finish(an_evidence *ev)
{
    static const char *const head[] = {"id", "cite", "url"};
    report_table *t = report_table_new(ev->out, "sources", 3, head, NULL);
    for (size_t i = 0; ev->cited && i < pn_dataset_source_count(ev->ds); i++) {
        if (!ev->cited[i])
            continue;
        const pn_source *s = pn_dataset_source(ev->ds, i);
        const char *cells[] = {s->id, s->cite, s->url ? s->url : ""};
        if (t && t->nrows == 0)
            report_table_heading(ev->out, t, "\nSources cited above:");
        report_row(ev->out, t, cells);
        report_row_text(ev->out, t, "  %s: %s%s%s", s->id, s->cite, s->url ? " " : "",
                        s->url ? s->url : "");
    }
    free(ev->cited);
    ev->cited = NULL;
}
