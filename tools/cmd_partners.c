/* paranet partners FILE --actor ID: each partner and the formalisation ladder. */
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "pipeline.h"

static const char help[] =
    "Usage: paranet partners [OPTIONS] FILE --actor ID\n"
    "\n"
    "Each partner of the actor in the view, with how far the relation climbed\n"
    "the formalisation ladder: visit (1), letter of intent (2), MoU (3), sister\n"
    "city (4), cooperation agreement (5). A ladder tie counts as reached when\n"
    "its status is signed, implemented, active or ended, or not given; planned,\n"
    "stalled and failed ties are attempts. A rung attempted (stalled or failed)\n"
    "and never reached blocks the ladder: the relation's rung is the highest\n"
    "reached below it, and steps reached above it are shown apart. Then the\n"
    "years of the relation and the programmes under it with their status.\n"
    "Partners are sorted by rung (highest first), number of ties, then id.\n"
    "See docs/partners.md.\n"
    "\n"
    "Options:\n"
    "  -a, --actor ID   the actor (required)\n"
    "  -e, --explain    every tie of each relation, with its sources\n"
    "  -h, --help       show this help\n";

static const char help_tail[] =
    "An actor the view leaves out has no partners: the answer is empty (exit 0).\n"
    "An id not in the dataset is an error (exit 1).\n"
    "Tables (docs/partners.md): one row per partner, \"programmes\"; with\n"
    "--explain, \"evidence\" (one row per tie and citation) and \"sources\".\n"
    "\n"
    "Example:\n"
    "  paranet partners datasets/tangsel.json --actor tangsel --types g2g\n"
    "  paranet partners datasets/tangsel.json --actor tangsel --format csv\n";

static void step_text(const pn_dataset *ds, size_t tie, char *buf, size_t size)
{
    if (tie == SIZE_MAX) {
        snprintf(buf, size, "%s", "");
        return;
    }
    const pn_tie *t = pn_dataset_tie(ds, tie);
    char years[32];
    an_years(t, years, sizeof(years));
    snprintf(buf, size, "%s%s%s%s%s", pn_instrument_name(t->instrument), years[0] ? " " : "", years,
             t->status != PN_STATUS_NONE ? " " : "",
             t->status != PN_STATUS_NONE ? pn_status_name(t->status) : "");
}

/* A rung's cells: the rung, its tie's label and step text ("" for none). */
typedef struct rung_cells {
    char rung[16], tie[128], step[160];
} rung_cells;

static void rung_cells_of(const pn_dataset *ds, int rung, size_t tie, rung_cells *c)
{
    snprintf(c->rung, sizeof(c->rung), "%d", rung);
    c->tie[0] = '\0';
    if (tie != SIZE_MAX)
        an_tie_label(ds, tie, c->tie, sizeof(c->tie));
    step_text(ds, tie, c->step, sizeof(c->step));
}

/* "1 visit 2014; 3 mou 2016 active": each rung's step (free()), or NULL. */
static char *ladder_text(const pn_dataset *ds, const pn_partner *p)
{
    char *s = calloc(1, (PN_RUNG_MAX + 1) * 200), *at = s;
    for (int r = 1; s && r <= PN_RUNG_MAX; r++) {
        if (p->step[r] == SIZE_MAX)
            continue;
        char buf[160];
        step_text(ds, p->step[r], buf, sizeof(buf));
        at += sprintf(at, "%s%d %s", at == s ? "" : "; ", r, buf);
    }
    return s;
}

typedef struct partners_state {
    an_actors who; /* --actor, --explain */
    report_table *rows, *programmes;
    an_evidence ev;
} partners_state;

static void programmes(cli_job *job, partners_state *st, const pn_partner *p, const pn_actor *a)
{
    const pn_dataset *ds = job->ds;
    report_row_text(&job->out, st->rows, "  programmes: %zu", p->n_programmes);
    for (size_t i = 0; i < p->n_programmes; i++) {
        const pn_tie *t = pn_dataset_tie(ds, p->programmes[i]);
        char years[32], label[128];
        an_years(t, years, sizeof(years));
        an_tie_label(ds, p->programmes[i], label, sizeof(label));
        const char *status = t->status != PN_STATUS_NONE ? pn_status_name(t->status) : "";
        report_row_text(&job->out, st->rows, "    %-12s %-10s %s", status[0] ? status : "-",
                        years[0] ? years : "-", label);
        const char *cells[] = {a->id, label, status, years};
        report_row(&job->out, st->programmes, cells);
    }
}

/* A partner's row, and its text: a block of lines. */
static int partner_row(cli_job *job, partners_state *st, const pn_partner *p)
{
    const pn_dataset *ds = job->ds;
    const pn_actor *a = pn_dataset_actor(ds, p->actor);
    rung_cells rung, blocked, beyond;
    rung_cells_of(ds, p->rung, p->rung_tie, &rung);
    rung_cells_of(ds, p->blocked_rung, p->blocked_tie, &blocked);
    rung_cells_of(ds, p->beyond_rung, p->beyond_tie, &beyond);
    char first[16] = "NA", last[16] = "NA", ties[32], progs[32];
    if (p->first_year) {
        snprintf(first, sizeof(first), "%d", p->first_year);
        snprintf(last, sizeof(last), "%d", p->last_year);
    }
    snprintf(ties, sizeof(ties), "%zu", p->n_ties);
    snprintf(progs, sizeof(progs), "%zu", p->n_programmes);
    char *ladder = ladder_text(ds, p);
    if (!ladder)
        return EXIT_INTERNAL;
    const char *instrument =
        p->rung ? pn_instrument_name(pn_dataset_tie(ds, p->rung_tie)->instrument) : "";
    const char *cells[] = {a->id,       a->name,      pn_kind_name(a->kind),
                           a->country,  first,        last,
                           ties,        rung.rung,    instrument,
                           rung.tie,    rung.step,    blocked.rung,
                           blocked.tie, blocked.step, beyond.rung,
                           beyond.tie,  beyond.step,  ladder,
                           progs};
    report *out = &job->out;
    report_table *t = st->rows;
    report_row(out, t, cells);
    report_row_text(out, t, "\n%s  %s (%s, %s)", a->id, a->name, pn_kind_name(a->kind), a->country);
    if (p->first_year && p->first_year != p->last_year)
        report_row_text(out, t, "  years:      %d-%d", p->first_year, p->last_year);
    else if (p->first_year)
        report_row_text(out, t, "  years:      %d", p->first_year);
    else
        report_row_text(out, t, "  years:      not given");
    report_row_text(out, t, "  ties:       %zu", p->n_ties);
    if (p->rung)
        report_row_text(out, t, "  rung:       %d %s (%s: %s)", p->rung, instrument, rung.tie,
                        rung.step);
    else
        report_row_text(out, t, "  rung:       0 (no ladder step reached)");
    if (p->blocked_rung)
        report_row_text(out, t, "  blocked at: %d (%s: %s)", p->blocked_rung, blocked.tie,
                        blocked.step);
    if (p->beyond_rung)
        report_row_text(out, t, "  beyond:     %d reached above the block (%s: %s)", p->beyond_rung,
                        beyond.tie, beyond.step);
    if (ladder[0])
        report_row_text(out, t, "  ladder:     %s", ladder);
    free(ladder);
    programmes(job, st, p, a);
    if (st->who.explain) {
        report_row_detail(out, t, "  evidence:");
        for (size_t i = 0; i < p->n_ties; i++)
            an_evidence_tie(&st->ev, (const char *const[]){a->id}, p->ties[i], t, "    ");
    }
    return EXIT_OK;
}

static void init(void *state)
{
    an_actors who = {1, {'a'}, {"--actor"}, "--actor ID is required", {NULL}, {0}, false};
    ((partners_state *)state)->who = who;
}

static int compute(cli_job *job, void *state)
{
    partners_state *st = state;
    const pn_actor *a = pn_dataset_actor(job->ds, st->who.actor[0]);
    report *out = &job->out;
    report_set_title(out, "paranet partners %s --actor %s", job->file, st->who.id[0]);
    static const char *const head[] = {
        "id",         "name",         "kind",        "country",         "first_year",
        "last_year",  "ties",         "rung",        "rung_instrument", "rung_tie",
        "rung_step",  "blocked_rung", "blocked_tie", "blocked_step",    "beyond_rung",
        "beyond_tie", "beyond_step",  "ladder",      "programmes"};
    static const bool numeric[] = {false, false, false, false, true, true,  true,
                                   true,  false, false, false, true, false, false,
                                   true,  false, false, false, true};
    st->rows = report_table_new(out, NULL, 19, head, numeric);
    static const char *const prog_head[] = {"partner", "tie", "status", "years"};
    st->programmes = report_table_new(out, "programmes", 4, prog_head, NULL);
    if (st->programmes)
        st->programmes->text_hidden = true;
    static const char *const lead[] = {"partner"};
    int code = st->who.explain ? an_evidence_init(&st->ev, out, job->ds, 1, lead, NULL) : EXIT_OK;
    pn_partners *p = NULL;
    if (code == EXIT_OK && pn_graph_actor_vertex(job->graph, st->who.actor[0], NULL) != 0)
        report_note(out, "%s (%s) is not in this view: no partners", a->id, a->name);
    else if (code == EXIT_OK)
        code = cli_fail(job, pn_partners_new(&p, job->graph, st->who.actor[0], job->diags));
    if (code == EXIT_OK && p) {
        size_t n = pn_partners_count(p);
        report_note(out, "%zu partner%s of %s (%s)", n, n == 1 ? "" : "s", a->id, a->name);
        report_note(out, "ladder: 1 visit, 2 loi, 3 mou, 4 sister-city, 5 agreement");
        for (size_t i = 0; i < n && code == EXIT_OK && !out->failed; i++)
            code = partner_row(job, st, pn_partners_get(p, i));
    }
    if (st->who.explain)
        an_evidence_finish(&st->ev);
    pn_partners_free(p);
    return code;
}

static const struct option options[] = {{"actor", required_argument, NULL, 'a'},
                                        {"explain", no_argument, NULL, 'e'},
                                        {NULL, 0, NULL, 0}};

const cli_spec pn_cmd_partners = {
    .name = "partners",
    .summary = "an actor's partners, the formalisation ladder and programmes",
    .help = help,
    .help_tail = help_tail,
    .uses = CLI_LOAD | CLI_VIEW | CLI_GRAPH | CLI_FORMAT,
    .shortopts = "a:e",
    .options = options,
    .state_size = sizeof(partners_state),
    .init = init,
    .option = an_actors_option,
    .check = an_actors_check,
    .loaded = an_actors_loaded,
    .compute = compute,
};
