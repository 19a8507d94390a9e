/* paranet info FILE: what a dataset holds, counted. */
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "ego_note.h"
#include "pipeline.h"

static const char help[] =
    "Usage: paranet info [OPTIONS] FILE\n"
    "\n"
    "Summarise a dataset, or the view of it the view options give: actors by\n"
    "kind and by country; ties by type, status, instrument and sector; the\n"
    "span of years; and each source with the number of ties and actors citing\n"
    "it. Counts are sorted largest first, then by name. When over 80% of the\n"
    "ties touch one actor, a note says so (docs/metrics.md, \"Ego networks\").\n"
    "\n"
    "Options:\n"
    "  -h, --help          show this help\n";

static const char help_tail[] =
    "Tables (docs/info.md): the summary (one row), then kinds, countries,\n"
    "types, statuses, instruments, sectors and sources.\n"
    "\n"
    "Example:\n"
    "  paranet info datasets/tangsel.json --at 2016 --types g2g\n"
    "  paranet info datasets/tangsel.json --format json\n";

typedef struct tally {
    const char *name;
    const char *label; /* shown after the name, or NULL */
    size_t count;
} tally;

typedef struct tallies {
    tally *items;
    size_t n;
    size_t cap;
} tallies;

static int add(tallies *t, const char *name, const char *label)
{
    for (size_t i = 0; i < t->n; i++) {
        if (strcmp(t->items[i].name, name) == 0) {
            t->items[i].count++;
            return 0;
        }
    }
    if (t->n == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 16;
        tally *p = realloc(t->items, cap * sizeof(*p));
        if (!p)
            return -1;
        t->items = p;
        t->cap = cap;
    }
    t->items[t->n++] = (tally){name, label, 1};
    return 0;
}

static int by_count(const void *a, const void *b)
{
    const tally *x = a, *y = b;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    return strcmp(x->name, y->name);
}

static const char *const tally_head[] = {"name", "count", "label"};
static const bool tally_numeric[] = {false, true, false};

/* A tally's table (with a label column when labelled), sorted; in text the
 * heading, then "  name  count  label" lines or "  (none)". */
static void tally_table(report *out, const char *name, const char *heading, tallies *t,
                        bool labelled)
{
    report_table *tab = report_table_new(out, name, labelled ? 3 : 2, tally_head, tally_numeric);
    report_table_heading(out, tab, "\n%s", heading);
    report_table_empty(out, tab, "  (none)");
    if (t->n)
        qsort(t->items, t->n, sizeof(tally), by_count);
    for (size_t i = 0; i < t->n; i++) {
        char count[32];
        snprintf(count, sizeof(count), "%zu", t->items[i].count);
        const char *label = t->items[i].label;
        const char *cells[] = {t->items[i].name, count, label ? label : ""};
        report_row(out, tab, cells);
        if (label)
            report_row_text(out, tab, "  %-14s %5zu  %s", t->items[i].name, t->items[i].count,
                            label);
        else
            report_row_text(out, tab, "  %-14s %5zu", t->items[i].name, t->items[i].count);
    }
}

/* The summary: one row; in text the title and the "  field:   value" lines,
 * and the ego-network note (a report note in the other formats). */
static void summary(cli_job *job, const pn_dataset *ds, int first, int last, size_t dated,
                    const char *note)
{
    static const char *const head[] = {"title", "file",    "view",       "actors",
                                       "ties",  "sources", "first_year", "last_year"};
    static const bool numeric[] = {false, false, false, true, true, true, true, true};
    report *out = &job->out;
    report_table *t = report_table_new(out, NULL, 8, head, numeric);
    size_t na = pn_dataset_actor_count(ds), nt = pn_dataset_tie_count(ds),
           ns = pn_dataset_source_count(ds);
    char actors[32], ties[32], sources[32], from[16] = "NA", to[16] = "NA";
    snprintf(actors, sizeof(actors), "%zu", na);
    snprintf(ties, sizeof(ties), "%zu", nt);
    snprintf(sources, sizeof(sources), "%zu", ns);
    if (dated) {
        snprintf(from, sizeof(from), "%d", first);
        snprintf(to, sizeof(to), "%d", last);
    }
    const char *title = pn_dataset_title(ds);
    const char *cells[] = {
        title ? title : "", job->file, job->view, actors, ties, sources, from, to};
    report_row(out, t, cells);
    report_row_text(out, t, "%s", title ? title : job->file);
    report_row_text(out, t, "  file:    %s", job->file);
    /* The view only when one is given: without, the text is as it always was. */
    pn_view all = PN_VIEW_INIT;
    char *plain = an_describe(&all);
    if (!plain)
        out->failed = true;
    else if (strcmp(plain, job->view) != 0)
        report_row_text(out, t, "  view:    %s", job->view);
    free(plain);
    report_row_text(out, t, "  actors:  %zu\n  ties:    %zu\n  sources: %zu", na, nt, ns);
    if (dated && first == last)
        report_row_text(out, t, "  years:   %d", first);
    else if (dated)
        report_row_text(out, t, "  years:   %d-%d", first, last);
    else
        report_row_text(out, t, "  years:   (no tie is dated)");
    if (note) {
        report_row_text(out, t, "  note:    %s", note);
        report_note(out, "note: %s", note);
    }
}

/* The ego-network note of the dataset's ties (ego_note), or NULL. */
static int ego(cli_job *job, const pn_dataset *ds, char **note)
{
    pn_graph *g = NULL;
    *note = NULL;
    int rc = pn_graph_new(&g, ds, NULL);
    if (!rc)
        rc = ego_note(g, note, job->diags);
    pn_graph_free(g);
    return rc;
}

static void sources_table(report *out, const pn_dataset *ds, const size_t *cites,
                          const size_t *actor_cites)
{
    static const char *const head[] = {"id", "ties", "actors", "cite"};
    static const bool numeric[] = {false, true, true, false};
    report_table *t = report_table_new(out, "sources", 4, head, numeric);
    report_table_heading(out, t, "\nSources (ties and actors citing each)");
    report_table_empty(out, t, "  (none)");
    size_t ns = pn_dataset_source_count(ds);
    int width = 14;
    for (size_t i = 0; i < ns; i++) {
        int len = (int)strlen(pn_dataset_source(ds, i)->id);
        width = len > width ? len : width;
    }
    for (size_t i = 0; i < ns; i++) {
        const pn_source *s = pn_dataset_source(ds, i);
        char n_ties[32], n_actors[32];
        snprintf(n_ties, sizeof(n_ties), "%zu", cites[i]);
        snprintf(n_actors, sizeof(n_actors), "%zu", actor_cites[i]);
        const char *cells[] = {s->id, n_ties, n_actors, s->cite};
        report_row(out, t, cells);
        report_row_text(out, t, "  %-*s %5zu ties %4zu actors\n  %*s %s", width, s->id, cites[i],
                        actor_cites[i], width, "", s->cite);
    }
}

static int compute(cli_job *job, void *state)
{
    (void)state;
    const pn_dataset *ds = job->view_ds;
    report *out = &job->out;
    out->text_header = false;
    report_set_title(out, "paranet info %s", job->file);
    report_set_subject(out, "Summary of the actors, ties and sources");
    size_t na = pn_dataset_actor_count(ds), nt = pn_dataset_tie_count(ds),
           ns = pn_dataset_source_count(ds);
    tallies kinds = {0}, countries = {0}, types = {0}, statuses = {0}, instruments = {0},
            sectors = {0};
    int rc = 0;
    char *note = NULL;
    size_t *cites = calloc(ns + 1, sizeof(size_t)), *actor_cites = calloc(ns + 1, sizeof(size_t));
    if (!cites || !actor_cites) {
        rc = -1;
        goto cleanup;
    }
    int first = 0, last = 0;
    size_t dated = 0;
    for (size_t i = 0; i < na; i++) {
        const pn_actor *a = pn_dataset_actor(ds, i);
        rc |= add(&kinds, pn_kind_name(a->kind), NULL);
        rc |= add(&countries, a->country, pn_country_name(a->country));
        for (size_t k = 0; k < a->n_sources; k++)
            actor_cites[a->sources[k].source]++;
    }
    for (size_t i = 0; i < nt; i++) {
        const pn_tie *t = pn_dataset_tie(ds, i);
        rc |= add(&types, pn_tie_type_name(t->type), NULL);
        rc |= add(&statuses, t->status == PN_STATUS_NONE ? "(none)" : pn_status_name(t->status),
                  NULL);
        rc |=
            add(&instruments,
                t->instrument == PN_INSTRUMENT_NONE ? "(none)" : pn_instrument_name(t->instrument),
                NULL);
        for (size_t k = 0; k < t->n_sectors; k++)
            rc |= add(&sectors, t->sectors[k], NULL);
        /* A source cited twice by one tie (two pages) counts once. */
        for (size_t k = 0; k < t->n_sources; k++) {
            bool seen = false;
            for (size_t j = 0; j < k; j++)
                seen |= t->sources[j].source == t->sources[k].source;
            if (!seen)
                cites[t->sources[k].source]++;
        }
        const pn_date *dates[2] = {&t->since, &t->until};
        for (int d = 0; d < 2; d++) {
            int y = dates[d]->year;
            if (!y)
                continue;
            if (dated++ == 0 || y < first)
                first = y;
            if (y > last)
                last = y;
        }
    }
    if (rc || (rc = ego(job, ds, &note)))
        goto cleanup;
    summary(job, ds, first, last, dated, note);
    tally_table(out, "kinds", "Actors by kind", &kinds, false);
    tally_table(out, "countries", "Actors by country", &countries, true);
    tally_table(out, "types", "Ties by type", &types, false);
    tally_table(out, "statuses", "Ties by status", &statuses, false);
    tally_table(out, "instruments", "Ties by instrument", &instruments, false);
    tally_table(out, "sectors", "Ties by sector", &sectors, false);
    sources_table(out, ds, cites, actor_cites);
cleanup:
    free(note);
    free(kinds.items);
    free(countries.items);
    free(types.items);
    free(statuses.items);
    free(instruments.items);
    free(sectors.items);
    free(cites);
    free(actor_cites);
    return rc ? EXIT_INTERNAL : EXIT_OK;
}

const cli_spec pn_cmd_info = {
    .name = "info",
    .summary = "summarise a dataset or a view of it: actors, ties, years, sources",
    .help = help,
    .help_tail = help_tail,
    .uses = CLI_LOAD | CLI_VIEW | CLI_VIEW_DATASET | CLI_FORMAT,
    .compute = compute,
};
