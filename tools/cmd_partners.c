/* paranet partners FILE --actor ID: each partner and the formalisation ladder. */
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "pipeline.h"

static const char help[] =
    "Usage: paranet partners [OPTIONS] FILE --actor ID\n"
    "\n"
    "Each partner of the actor in the view. For a foreign government-to-\n"
    "government relation (two governments, not of one country, g2g ties): how\n"
    "far it climbed the formalisation ladder: visit (1), letter of intent (2),\n"
    "MoU (3), sister city (4), cooperation agreement (5). A ladder tie counts as\n"
    "reached when its status is signed, implemented, active or ended, or not\n"
    "given; planned, stalled and failed ties are attempts. A rung attempted\n"
    "(stalled or failed) and never reached blocks the ladder: the relation's\n"
    "rung is the highest reached below it, and steps reached above it are\n"
    "shown apart. Every other partner (a university, a firm, a ministry or city\n"
    "of the same country) is listed after them with its relation and no rung.\n"
    "Then the years of the relation (to \"present\" while a standing rung is in\n"
    "force with no end) and the programmes under it with their status. With\n"
    "--at or --between the ladder still sees every rung up to the view's last\n"
    "year, marked (undated) or (not in force in YEAR). A tie a study does not\n"
    "report is marked [recommended], [proposed] or [inferred].\n"
    "Ladder partners are sorted by rung (highest first), number of ties, then\n"
    "id; the others by number of ties, then id. See docs/partners.md.\n"
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
    "  paranet partners datasets/tangsel.json --actor tangsel --at 2016 --types g2g\n"
    "  paranet partners datasets/tangsel.json --actor tangsel --format csv\n";

typedef struct partners_state {
    an_actors who; /* --actor, --explain */
    report_table *rows, *programmes;
    an_evidence ev;
    const pn_partners *p;
    char window[32]; /* the view's years ("2016", "2014-2016"), "" when not by time */
} partners_state;

/* " [recommended]" for a tie the study does not report, else "". */
static const char *basis_mark(const pn_tie *t, char *buf, size_t size)
{
    if (t->basis == PN_BASIS_REPORTED)
        return "";
    snprintf(buf, size, " [%s]", pn_basis_name(t->basis));
    return buf;
}

/* "mou 2016 active [recommended] (undated)": a tie's instrument, years,
 * status, basis when not reported, and when it stands in a view by time. */
static void step_text(const partners_state *st, const pn_dataset *ds, size_t tie, char *buf,
                      size_t size)
{
    if (tie == SIZE_MAX) {
        snprintf(buf, size, "%s", "");
        return;
    }
    const pn_tie *t = pn_dataset_tie(ds, tie);
    char years[32], mark[32], when[64] = "";
    an_years(t, years, sizeof(years));
    pn_partner_when w = pn_partners_when(st->p, tie);
    if (w == PN_WHEN_UNDATED)
        snprintf(when, sizeof(when), " (undated)");
    else if (w == PN_WHEN_NOT_IN_FORCE || w == PN_WHEN_LATER)
        snprintf(when, sizeof(when), " (not in force in %s)", st->window);
    snprintf(buf, size, "%s%s%s%s%s%s%s", pn_instrument_name(t->instrument), years[0] ? " " : "",
             years, t->status != PN_STATUS_NONE ? " " : "",
             t->status != PN_STATUS_NONE ? pn_status_name(t->status) : "",
             basis_mark(t, mark, sizeof(mark)), when);
}

/* A rung's cells: the rung, its tie's label and step text ("" for none);
 * the rung NA off the ladder. */
typedef struct rung_cells {
    char rung[16], tie[128], step[200];
} rung_cells;

static void rung_cells_of(const partners_state *st, const pn_dataset *ds, const pn_partner *p,
                          int rung, size_t tie, rung_cells *c)
{
    snprintf(c->rung, sizeof(c->rung), p->on_ladder ? "%d" : "NA", rung);
    c->tie[0] = '\0';
    if (tie != SIZE_MAX)
        an_tie_label(ds, tie, c->tie, sizeof(c->tie));
    step_text(st, ds, tie, c->step, sizeof(c->step));
}

/* "1 visit 2014; 3 mou 2016 active": each rung's step (free()), or NULL. */
static char *ladder_text(const partners_state *st, const pn_dataset *ds, const pn_partner *p)
{
    char *s = calloc(1, (PN_RUNG_MAX + 1) * 240), *at = s;
    for (int r = 1; s && r <= PN_RUNG_MAX; r++) {
        if (p->step[r] == SIZE_MAX)
            continue;
        char buf[200];
        step_text(st, ds, p->step[r], buf, sizeof(buf));
        at += sprintf(at, "%s%d %s", at == s ? "" : "; ", r, buf);
    }
    return s;
}

/* The tie types of a relation, "g2g" or "vertical,academic". */
static void types_text(unsigned types, char *buf, size_t size)
{
    size_t at = 0;
    buf[0] = '\0';
    for (int k = 0; k < PN_TYPE_COUNT; k++)
        if (types & PN_BIT(k))
            at += (size_t)snprintf(buf + at, at < size ? size - at : 0, "%s%s", at ? "," : "",
                                   pn_tie_type_name((pn_tie_type)k));
}

static const char *const off_names[] = {"", "not a government", "same country", "no g2g tie"};

/* Why a partner is not on the ladder, in words: "both in ID". */
static void off_text(const pn_dataset *ds, size_t actor, const pn_partner *p, char *buf,
                     size_t size)
{
    const pn_actor *a = pn_dataset_actor(ds, actor), *b = pn_dataset_actor(ds, p->actor);
    if (p->off_ladder == PN_LADDER_NOT_GOVERNMENT && !pn_kind_is_government(b->kind))
        snprintf(buf, size, "the partner is not a government");
    else if (p->off_ladder == PN_LADDER_NOT_GOVERNMENT)
        snprintf(buf, size, "%s is not a government", a->id);
    else if (p->off_ladder == PN_LADDER_SAME_COUNTRY)
        snprintf(buf, size, "both in %s", a->country);
    else
        snprintf(buf, size, "no g2g tie");
}

/* " (not reported: 1 recommended, 1 inferred)", or "". */
static void basis_counts(const pn_partner *p, char *buf, size_t size)
{
    size_t at = 0;
    buf[0] = '\0';
    for (int b = 0; b < PN_BASIS_COUNT; b++)
        if (b != PN_BASIS_REPORTED && p->n_basis[b])
            at += (size_t)snprintf(buf + at, at < size ? size - at : 0, "%s%zu %s",
                                   at ? ", " : " (not reported: ", p->n_basis[b],
                                   pn_basis_name((pn_basis)b));
    if (at && at + 1 < size)
        snprintf(buf + at, size - at, ")");
}

static void programmes(cli_job *job, partners_state *st, const pn_partner *p, const pn_actor *a)
{
    const pn_dataset *ds = job->ds;
    report_row_text(&job->out, st->rows, "  programmes: %zu", p->n_programmes);
    for (size_t i = 0; i < p->n_programmes; i++) {
        const pn_tie *t = pn_dataset_tie(ds, p->programmes[i]);
        char years[32], label[128], mark[32];
        an_years(t, years, sizeof(years));
        an_tie_label(ds, p->programmes[i], label, sizeof(label));
        const char *status = t->status != PN_STATUS_NONE ? pn_status_name(t->status) : "";
        report_row_text(&job->out, st->rows, "    %-12s %-10s %s%s", status[0] ? status : "-",
                        years[0] ? years : "-", label, basis_mark(t, mark, sizeof(mark)));
        const char *basis = t->basis != PN_BASIS_REPORTED ? pn_basis_name(t->basis) : "";
        const char *cells[] = {a->id, label, status, years, basis};
        report_row(&job->out, st->programmes, cells);
    }
}

/* The ladder ties a view by time leaves out, under "evidence" (in_view false). */
static void evidence_outside(partners_state *st, const pn_partner *p, const pn_actor *a)
{
    bool heading = false;
    for (size_t i = 0, j = 0; i < p->n_ladder_ties; i++) {
        while (j < p->n_ties && p->ties[j] < p->ladder_ties[i])
            j++;
        if (j < p->n_ties && p->ties[j] == p->ladder_ties[i])
            continue;
        if (!heading)
            report_row_detail(st->ev.out, st->rows,
                              "  ladder ties outside the view (%s):", st->window);
        heading = true;
        an_evidence_tie(&st->ev, (const char *const[]){a->id, "false"}, p->ladder_ties[i], st->rows,
                        "    ");
    }
}

/* The lines of the years: "2014-2017", "2014-present (still in force: mou 2016 active)". */
static void years_line(cli_job *job, partners_state *st, const pn_partner *p)
{
    char span[32], open[240] = "";
    if (p->first_year && p->first_year != p->last_year)
        snprintf(span, sizeof(span), "%d-%d", p->first_year, p->last_year);
    else if (p->first_year)
        snprintf(span, sizeof(span), "%d", p->first_year);
    else
        snprintf(span, sizeof(span), "not given");
    if (p->ongoing) {
        char step[200];
        step_text(st, job->ds, p->ongoing_tie, step, sizeof(step));
        if (p->first_year)
            snprintf(span, sizeof(span), "%d-present", p->first_year);
        snprintf(open, sizeof(open), " (still in force: %s)", step);
    }
    report_row_text(&job->out, st->rows, "  years:      %s%s", span, open);
}

/* A partner's row, and its text: a block of lines. */
static int partner_row(cli_job *job, partners_state *st, const pn_partner *p)
{
    const pn_dataset *ds = job->ds;
    const pn_actor *a = pn_dataset_actor(ds, p->actor);
    rung_cells rung, blocked, beyond;
    rung_cells_of(st, ds, p, p->rung, p->rung_tie, &rung);
    rung_cells_of(st, ds, p, p->blocked_rung, p->blocked_tie, &blocked);
    rung_cells_of(st, ds, p, p->beyond_rung, p->beyond_tie, &beyond);
    char first[16] = "NA", last[16] = "NA", ties[32], progs[32], unrep[32], types[128], bases[160],
         off[160] = "";
    if (p->first_year) {
        snprintf(first, sizeof(first), "%d", p->first_year);
        snprintf(last, sizeof(last), "%d", p->last_year);
    }
    snprintf(ties, sizeof(ties), "%zu", p->n_ties);
    snprintf(unrep, sizeof(unrep), "%zu", p->n_ties - p->n_basis[PN_BASIS_REPORTED]);
    snprintf(progs, sizeof(progs), "%zu", p->n_programmes);
    types_text(p->types, types, sizeof(types));
    basis_counts(p, bases, sizeof(bases));
    if (!p->on_ladder)
        off_text(ds, st->who.actor[0], p, off, sizeof(off));
    char *ladder = ladder_text(st, ds, p);
    if (!ladder)
        return EXIT_INTERNAL;
    const char *instrument =
        p->rung ? pn_instrument_name(pn_dataset_tie(ds, p->rung_tie)->instrument) : "";
    const char *cells[] = {a->id,
                           a->name,
                           pn_kind_name(a->kind),
                           a->country,
                           first,
                           last,
                           p->ongoing ? "true" : "false",
                           ties,
                           unrep,
                           types,
                           off_names[p->off_ladder],
                           rung.rung,
                           instrument,
                           rung.tie,
                           rung.step,
                           blocked.rung,
                           blocked.tie,
                           blocked.step,
                           beyond.rung,
                           beyond.tie,
                           beyond.step,
                           ladder,
                           progs};
    report *out = &job->out;
    report_table *t = st->rows;
    report_row(out, t, cells);
    report_row_text(out, t, "\n%s  %s (%s, %s)", a->id, a->name, pn_kind_name(a->kind), a->country);
    years_line(job, st, p);
    report_row_text(out, t, "  ties:       %zu%s", p->n_ties, bases);
    if (!p->on_ladder)
        report_row_text(out, t, "  relation:   %s (not on the ladder: %s)", types, off);
    else if (p->rung)
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
            an_evidence_tie(&st->ev, (const char *const[]){a->id, "true"}, p->ties[i], t, "    ");
        evidence_outside(st, p, a);
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
    report_set_subject(out,
                       "The partners of %s and the rung of each relation on the "
                       "formalisation ladder",
                       a->name);
    static const char *const head[] = {"id",
                                       "name",
                                       "kind",
                                       "country",
                                       "first_year",
                                       "last_year",
                                       "ongoing",
                                       "ties",
                                       "ties_not_reported",
                                       "relation",
                                       "off_ladder",
                                       "rung",
                                       "rung_instrument",
                                       "rung_tie",
                                       "rung_step",
                                       "blocked_rung",
                                       "blocked_tie",
                                       "blocked_step",
                                       "beyond_rung",
                                       "beyond_tie",
                                       "beyond_step",
                                       "ladder",
                                       "programmes"};
    static const bool numeric[] = {false, false, false, false, true,  true,  false, true,
                                   true,  false, false, true,  false, false, false, true,
                                   false, false, true,  false, false, false, true};
    st->rows = report_table_new(out, NULL, 23, head, numeric);
    static const char *const prog_head[] = {"partner", "tie", "status", "years", "basis"};
    st->programmes = report_table_new(out, "programmes", 5, prog_head, NULL);
    if (st->programmes)
        st->programmes->text_hidden = true;
    static const char *const lead[] = {"partner", "in_view"};
    int code = st->who.explain ? an_evidence_init(&st->ev, out, job->ds, 2, lead, NULL) : EXIT_OK;
    const pn_view *v = &job->vo.view;
    if (v->at)
        snprintf(st->window, sizeof(st->window), "%d", v->at);
    else if (v->from_year || v->to_year)
        snprintf(st->window, sizeof(st->window), "%d-%d", v->from_year, v->to_year);
    pn_partners *p = NULL;
    if (code == EXIT_OK && pn_graph_actor_vertex(job->graph, st->who.actor[0], NULL) != 0)
        report_note(out, "%s (%s) is not in this view: no partners", a->id, a->name);
    else if (code == EXIT_OK)
        code = cli_fail(job, pn_partners_new_view(&p, job->graph, v, st->who.actor[0], job->diags));
    st->p = p;
    if (code == EXIT_OK && p) {
        size_t n = pn_partners_count(p), on = 0;
        for (size_t i = 0; i < n; i++)
            on += pn_partners_get(p, i)->on_ladder;
        report_note(out, "%zu partner%s of %s (%s): %zu on the ladder (foreign g2g), %zu not", n,
                    n == 1 ? "" : "s", a->id, a->name, on, n - on);
        report_note(out, "ladder: 1 visit, 2 loi, 3 mou, 4 sister-city, 5 agreement");
        if (st->window[0])
            report_note(out,
                        "ladder in %s: the rungs of every year up to %d count, marked (undated) "
                        "without a year and (not in force in %s) when dated but not in force then",
                        st->window, v->at ? v->at : v->to_year, st->window);
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
