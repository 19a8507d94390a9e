/* Partners of an actor and the formalisation ladder (partners.h). */
#include "paranet/partners.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/igraph_glue.h"
#include "core/util.h"

struct pn_partners {
    pn_partner *items;
    size_t n;
    size_t *store; /* every partner's ties, programmes and ladder ties */
    const pn_dataset *ds;
    bool by_time; /* the view's years: [lo, hi] */
    int lo, hi;
};

bool pn_status_reached(pn_status s)
{
    return s == PN_STATUS_NONE || s == PN_STATUS_SIGNED || s == PN_STATUS_IMPLEMENTED ||
           s == PN_STATUS_ACTIVE || s == PN_STATUS_ENDED;
}

typedef struct pair {
    size_t partner; /* actor */
    size_t tie;
} pair;

static int pair_cmp(const void *a, const void *b)
{
    const pair *x = a, *y = b;
    if (x->partner != y->partner)
        return x->partner < y->partner ? -1 : 1;
    return x->tie < y->tie ? -1 : x->tie > y->tie;
}

/* Is tie a a better witness of its rung than tie b? Reached beats
 * attempted; then the earlier date (undated last); then file order. */
static bool better(const pn_dataset *ds, size_t a, size_t b)
{
    if (b == SIZE_MAX)
        return true;
    const pn_tie *x = pn_dataset_tie(ds, a), *y = pn_dataset_tie(ds, b);
    bool rx = pn_status_reached(x->status), ry = pn_status_reached(y->status);
    if (rx != ry)
        return rx;
    if ((x->since.year == 0) != (y->since.year == 0))
        return x->since.year != 0;
    int c = pn_date_compare(x->since, y->since);
    if (c)
        return c < 0;
    return a < b;
}

pn_partner_when pn_partners_when(const pn_partners *p, size_t tie)
{
    const pn_tie *t = pn_dataset_tie(p->ds, tie);
    if (!p->by_time || !t)
        return PN_WHEN_IN_FORCE;
    if (t->since.year == 0)
        return PN_WHEN_UNDATED;
    if (t->since.year > p->hi)
        return PN_WHEN_LATER;
    int start, end;
    if (pn_tie_span(t, &start, &end) > 0 && start <= p->hi && (end == 0 || end >= p->lo))
        return PN_WHEN_IN_FORCE;
    return PN_WHEN_NOT_IN_FORCE;
}

/* A standing rung still in force at the end: the relation runs to the present. */
static bool standing_open(const pn_tie *t)
{
    return !pn_instrument_is_event(t->instrument) && t->until.year == 0 &&
           (t->status == PN_STATUS_ACTIVE || t->status == PN_STATUS_SIGNED ||
            t->status == PN_STATUS_NONE);
}

/* Is tie a on a higher rung than tie b, or on the same and better? */
static bool higher(const pn_dataset *ds, size_t a, size_t b)
{
    if (b == SIZE_MAX)
        return true;
    int ra = pn_instrument_rung(pn_dataset_tie(ds, a)->instrument);
    int rb = pn_instrument_rung(pn_dataset_tie(ds, b)->instrument);
    return ra != rb ? ra > rb : better(ds, a, b);
}

/* The rungs of a partner on the ladder, from its ladder ties that count. */
static void climb(const pn_partners *ps, pn_partner *p)
{
    const pn_dataset *ds = ps->ds;
    bool reached[PN_RUNG_MAX + 1] = {false}, failed[PN_RUNG_MAX + 1] = {false};
    size_t attempt[PN_RUNG_MAX + 1];
    for (int r = 0; r <= PN_RUNG_MAX; r++)
        p->step[r] = attempt[r] = SIZE_MAX;
    p->ongoing_tie = SIZE_MAX;
    for (size_t i = 0; i < p->n_ladder_ties; i++) {
        size_t k = p->ladder_ties[i];
        const pn_tie *t = pn_dataset_tie(ds, k);
        int r = pn_instrument_rung(t->instrument);
        if (pn_partners_when(ps, k) == PN_WHEN_LATER)
            continue;
        if (better(ds, k, p->step[r]))
            p->step[r] = k;
        if (pn_status_reached(t->status)) {
            reached[r] = true;
            if (standing_open(t) && higher(ds, k, p->ongoing_tie))
                p->ongoing_tie = k;
        } else if (t->status == PN_STATUS_STALLED || t->status == PN_STATUS_FAILED) {
            failed[r] = true;
            if (attempt[r] == SIZE_MAX)
                attempt[r] = k;
        }
    }
    p->ongoing = p->ongoing_tie != SIZE_MAX;
    p->blocked_rung = 0;
    p->blocked_tie = SIZE_MAX;
    for (int r = 1; r <= PN_RUNG_MAX && !p->blocked_rung; r++) {
        if (failed[r] && !reached[r]) {
            p->blocked_rung = r;
            p->blocked_tie = attempt[r];
        }
    }
    int top = p->blocked_rung ? p->blocked_rung - 1 : PN_RUNG_MAX;
    p->rung = 0;
    p->rung_tie = SIZE_MAX;
    for (int r = top; r >= 1 && !p->rung; r--) {
        if (reached[r]) {
            p->rung = r;
            p->rung_tie = p->step[r];
        }
    }
    p->beyond_rung = 0;
    p->beyond_tie = SIZE_MAX;
    for (int r = PN_RUNG_MAX; p->blocked_rung && r > p->blocked_rung && !p->beyond_rung; r--) {
        if (reached[r]) {
            p->beyond_rung = r;
            p->beyond_tie = p->step[r];
        }
    }
}

typedef struct sort_key {
    pn_partner p;
    const char *id;
} sort_key;

static int partner_cmp(const void *a, const void *b)
{
    const sort_key *x = a, *y = b;
    if (x->p.on_ladder != y->p.on_ladder)
        return x->p.on_ladder ? -1 : 1;
    if (x->p.rung != y->p.rung)
        return x->p.rung > y->p.rung ? -1 : 1;
    if (x->p.n_ties != y->p.n_ties)
        return x->p.n_ties > y->p.n_ties ? -1 : 1;
    return strcmp(x->id, y->id);
}

/* Why the pair is not on the ladder (PN_LADDER_ON when it is). Codes that
 * differ, or ZZ (unknown) on either side, are foreign: a g2g tie says so. */
static pn_off_ladder off_ladder(const pn_dataset *ds, size_t actor, const pn_partner *q,
                                size_t n_rungs)
{
    const pn_actor *a = pn_dataset_actor(ds, actor), *b = pn_dataset_actor(ds, q->actor);
    if (!pn_kind_is_government(a->kind) || !pn_kind_is_government(b->kind))
        return PN_LADDER_NOT_GOVERNMENT;
    if (strcmp(a->country, b->country) == 0 && strcmp(a->country, "ZZ") != 0)
        return PN_LADDER_SAME_COUNTRY;
    if (!(q->types & PN_BIT(PN_TYPE_G2G)) && n_rungs == 0)
        return PN_LADDER_NO_G2G;
    return PN_LADDER_ON;
}

static bool is_rung(const pn_tie *t)
{
    return t->type == PN_TYPE_G2G && pn_instrument_rung(t->instrument) > 0;
}

/* The ladder ties of the actor's pairs as (partner, tie), sorted: in a view
 * by time every one the view keeps apart from time, else those among the
 * graph's (pairs, m). *n set; NULL on no memory. */
static pair *rung_pairs(const pn_dataset *ds, const pn_view *view, bool by_time, size_t actor,
                        const pair *pairs, size_t m, size_t *n)
{
    size_t nt = pn_dataset_tie_count(ds), na = pn_dataset_actor_count(ds);
    pair *out = malloc(((by_time ? nt : m) + 1) * sizeof(pair));
    *n = 0;
    if (!out)
        return NULL;
    if (!by_time) {
        for (size_t i = 0; i < m; i++)
            if (is_rung(pn_dataset_tie(ds, pairs[i].tie)))
                out[(*n)++] = pairs[i];
        return out;
    }
    pn_view untimed = *view;
    untimed.at = untimed.from_year = untimed.to_year = 0;
    untimed.drop_isolates = false;
    bool *tmask = malloc(nt + 1), *amask = malloc(na + 1);
    if (!tmask || !amask || pn_view_select(ds, &untimed, tmask, amask, NULL) != 0) {
        free(tmask);
        free(amask);
        free(out);
        return NULL;
    }
    for (size_t i = 0; i < nt; i++) {
        const pn_tie *t = pn_dataset_tie(ds, i);
        if (tmask[i] && is_rung(t) && (t->from == actor) != (t->to == actor))
            out[(*n)++] = (pair){t->from == actor ? t->to : t->from, i};
    }
    free(tmask);
    free(amask);
    qsort(out, *n, sizeof(pair), pair_cmp);
    return out;
}

/* Widen a partner's years by a tie's: from its since (or until) to its
 * until (or since). */
static void add_years(pn_partner *q, const pn_tie *t)
{
    if (t->since.year && (!q->first_year || t->since.year < q->first_year))
        q->first_year = t->since.year;
    int end = t->until.year ? t->until.year : t->since.year;
    if (end && end > q->last_year)
        q->last_year = end;
    if (t->until.year && (!q->first_year || t->until.year < q->first_year))
        q->first_year = t->until.year;
}

/* The ties, years, bases and types of one partner from pairs[i..), into the
 * store at ties and progs; returns the index past its pairs. */
static size_t gather(const pn_dataset *ds, const pair *pairs, size_t i, size_t m, size_t *ties,
                     size_t *progs, pn_partner *q)
{
    memset(q, 0, sizeof(*q));
    q->actor = pairs[i].partner;
    q->ties = ties;
    q->programmes = progs;
    for (; i < m && pairs[i].partner == q->actor; i++) {
        const pn_tie *t = pn_dataset_tie(ds, pairs[i].tie);
        ties[q->n_ties++] = pairs[i].tie;
        if (t->instrument == PN_INSTRUMENT_PROGRAMME)
            progs[q->n_programmes++] = pairs[i].tie;
        q->types |= PN_BIT(t->type);
        q->n_basis[t->basis]++;
        add_years(q, t);
    }
    return i;
}

int pn_partners_new(pn_partners **out, const pn_graph *g, size_t actor, pn_diags *diags)
{
    return pn_partners_new_view(out, g, NULL, actor, diags);
}

int pn_partners_new_view(pn_partners **out, const pn_graph *g, const pn_view *view, size_t actor,
                         pn_diags *diags)
{
    *out = NULL;
    const pn_dataset *ds = pn_graph_dataset(g);
    size_t self;
    if (pn_graph_actor_vertex(g, actor, &self) != 0) {
        const pn_actor *a = pn_dataset_actor(ds, actor);
        pn_diags_add(diags, PN_SEVERITY_ERROR, NULL, 0, 0, NULL, "not-in-view",
                     "actor \"%s\" is not in the graph", a ? a->id : "?");
        return PN_ENOTFOUND;
    }
    pn__igraph_init();
    igraph_vector_int_t inc;
    igraph_error_t err;
    if ((err = igraph_vector_int_init(&inc, 0)))
        return pn__igraph_fail(diags, "partners", err);
    if ((err = igraph_incident(pn_graph_igraph(g), &inc, (igraph_integer_t)self, IGRAPH_ALL))) {
        igraph_vector_int_destroy(&inc);
        return pn__igraph_fail(diags, "partners", err);
    }
    int rc = PN_ENOMEM;
    size_t total = 0;
    for (igraph_integer_t k = 0; k < igraph_vector_int_size(&inc); k++) {
        size_t n;
        pn_graph_edge_ties(g, (size_t)VECTOR(inc)[k], &n);
        total += n;
    }
    pn_partners *p = calloc(1, sizeof(*p));
    pair *pairs = malloc((total + 1) * sizeof(pair)), *rungs = NULL;
    sort_key *keys = NULL;
    if (!p || !pairs)
        goto cleanup;
    p->ds = ds;
    if (view && (view->at || view->from_year || view->to_year)) {
        p->by_time = true;
        p->lo = view->at ? view->at : view->from_year ? view->from_year : 1;
        p->hi = view->at ? view->at : view->to_year ? view->to_year : 9999;
    }
    size_t np = 0;
    for (igraph_integer_t k = 0; k < igraph_vector_int_size(&inc); k++) {
        igraph_integer_t e = VECTOR(inc)[k];
        size_t other = (size_t)IGRAPH_OTHER(pn_graph_igraph(g), e, (igraph_integer_t)self);
        size_t n;
        const size_t *ties = pn_graph_edge_ties(g, (size_t)e, &n);
        for (size_t i = 0; i < n; i++)
            pairs[np++] = (pair){pn_graph_vertex_actor(g, other), ties[i]};
    }
    qsort(pairs, np, sizeof(pair), pair_cmp);
    /* An undirected tie is on both arcs of a directed graph: keep it once. */
    size_t m = 0, groups = 0;
    for (size_t i = 0; i < np; i++) {
        if (m && pairs[m - 1].partner == pairs[i].partner && pairs[m - 1].tie == pairs[i].tie)
            continue;
        if (!m || pairs[m - 1].partner != pairs[i].partner)
            groups++;
        pairs[m++] = pairs[i];
    }
    size_t nr;
    rungs = rung_pairs(ds, view, p->by_time, actor, pairs, m, &nr);
    p->store = malloc((2 * m + nr + 1) * sizeof(size_t));
    p->items = calloc(groups + 1, sizeof(pn_partner));
    keys = malloc((groups + 1) * sizeof(sort_key));
    if (!rungs || !p->store || !p->items || !keys)
        goto cleanup;
    size_t *ties = p->store, *progs = p->store + m, *lad = p->store + 2 * m, r = 0;
    for (size_t i = 0; i < m;) {
        pn_partner q;
        i = gather(ds, pairs, i, m, ties, progs, &q);
        ties += q.n_ties;
        progs += q.n_programmes;
        while (r < nr && rungs[r].partner < q.actor)
            r++;
        size_t r0 = r;
        while (r < nr && rungs[r].partner == q.actor)
            r++;
        q.off_ladder = off_ladder(ds, actor, &q, r - r0);
        q.on_ladder = q.off_ladder == PN_LADDER_ON;
        q.ladder_ties = lad;
        for (size_t k = r0; q.on_ladder && k < r; k++) {
            lad[q.n_ladder_ties++] = rungs[k].tie;
            if (pn_partners_when(p, rungs[k].tie) != PN_WHEN_LATER)
                add_years(&q, pn_dataset_tie(ds, rungs[k].tie));
        }
        lad += q.n_ladder_ties;
        climb(p, &q);
        keys[p->n++] = (sort_key){q, pn_dataset_actor(ds, q.actor)->id};
    }
    qsort(keys, p->n, sizeof(sort_key), partner_cmp);
    for (size_t i = 0; i < p->n; i++)
        p->items[i] = keys[i].p;
    rc = 0;
cleanup:
    igraph_vector_int_destroy(&inc);
    free(pairs);
    free(rungs);
    free(keys);
    if (rc) {
        pn_partners_free(p);
        p = NULL;
    }
    *out = p;
    return rc;
}

void pn_partners_free(pn_partners *p)
{
    if (!p)
        return;
    free(p->items);
    free(p->store);
    free(p);
}

size_t pn_partners_count(const pn_partners *p)
{
    return p->n;
}

const pn_partner *pn_partners_get(const pn_partners *p, size_t i)
{
    return i < p->n ? &p->items[i] : NULL;
}
