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
    size_t *store; /* every partner's ties and programmes */
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

static void climb(const pn_dataset *ds, pn_partner *p)
{
    bool reached[PN_RUNG_MAX + 1] = {false}, failed[PN_RUNG_MAX + 1] = {false};
    size_t attempt[PN_RUNG_MAX + 1];
    for (int r = 0; r <= PN_RUNG_MAX; r++)
        p->step[r] = attempt[r] = SIZE_MAX;
    for (size_t i = 0; i < p->n_ties; i++) {
        const pn_tie *t = pn_dataset_tie(ds, p->ties[i]);
        int r = pn_instrument_rung(t->instrument);
        if (r == 0)
            continue;
        if (better(ds, p->ties[i], p->step[r]))
            p->step[r] = p->ties[i];
        if (pn_status_reached(t->status))
            reached[r] = true;
        else if (t->status == PN_STATUS_STALLED || t->status == PN_STATUS_FAILED) {
            failed[r] = true;
            if (attempt[r] == SIZE_MAX)
                attempt[r] = p->ties[i];
        }
    }
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
    if (x->p.rung != y->p.rung)
        return x->p.rung > y->p.rung ? -1 : 1;
    if (x->p.n_ties != y->p.n_ties)
        return x->p.n_ties > y->p.n_ties ? -1 : 1;
    return strcmp(x->id, y->id);
}

int pn_partners_new(pn_partners **out, const pn_graph *g, size_t actor, pn_diags *diags)
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
    pair *pairs = malloc((total + 1) * sizeof(pair));
    sort_key *keys = NULL;
    if (!p || !pairs)
        goto cleanup;
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
    p->store = malloc((2 * m + 1) * sizeof(size_t));
    p->items = calloc(groups + 1, sizeof(pn_partner));
    keys = malloc((groups + 1) * sizeof(sort_key));
    if (!p->store || !p->items || !keys)
        goto cleanup;
    size_t *ties = p->store, *progs = p->store + m;
    for (size_t i = 0; i < m;) {
        size_t j = i;
        pn_partner q;
        memset(&q, 0, sizeof(q));
        q.actor = pairs[i].partner;
        q.ties = ties;
        q.programmes = progs;
        for (; j < m && pairs[j].partner == q.actor; j++) {
            const pn_tie *t = pn_dataset_tie(ds, pairs[j].tie);
            ties[q.n_ties++] = pairs[j].tie;
            if (t->instrument == PN_INSTRUMENT_PROGRAMME)
                progs[q.n_programmes++] = pairs[j].tie;
            if (t->since.year && (!q.first_year || t->since.year < q.first_year))
                q.first_year = t->since.year;
            int end = t->until.year ? t->until.year : t->since.year;
            if (end && end > q.last_year)
                q.last_year = end;
            if (t->until.year && (!q.first_year || t->until.year < q.first_year))
                q.first_year = t->until.year;
        }
        climb(ds, &q);
        ties += q.n_ties;
        progs += q.n_programmes;
        keys[p->n++] = (sort_key){q, pn_dataset_actor(ds, q.actor)->id};
        i = j;
    }
    qsort(keys, p->n, sizeof(sort_key), partner_cmp);
    for (size_t i = 0; i < p->n; i++)
        p->items[i] = keys[i].p;
    rc = 0;
cleanup:
    igraph_vector_int_destroy(&inc);
    free(pairs);
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
