/* Burt's structural holes: constraint and effective size, with the shared
 * contacts of an ego and a contact found without the square of a degree. */
#include "analysis/structural_holes.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/igraph_glue.h"
#include "analysis/work_limit.h"

/* ---- Constraint and effective size without the square of a degree ----
 *
 * Both sum, for an ego i and each contact j, over the contacts q that i and
 * j share. Scanning all of j's ties for each (i, j) costs the sum over j of
 * deg(j)^2: on a star of 200,000 leaves, every leaf scans the hub's 200,000
 * ties (4e10 steps). Only the q adjacent to i count, so where j has many
 * more ties than i has contacts, i's contacts are looked up among j's ties
 * instead (binary search in j's ties sorted by the other end). The terms
 * are added in the same order as the scan adds them, so the numbers are
 * the same bits as before (igraph's igraph_constraint for constraint).
 * Cost: the sum over ties (i, j) of min(deg(j), deg(i) log deg(j)), at most
 * O(E sqrt(E) log E), linear on stars and trees; estimated before computing
 * and refused over opts->max_work. */

typedef struct nb_entry {
    size_t q;   /* the other end */
    size_t ord; /* the tie's position in the vertex's list */
    igraph_integer_t e;
} nb_entry;

typedef struct nb_index {
    size_t n;
    size_t *start;          /* n + 1: vertex v's ties are [start[v], start[v + 1]) */
    igraph_integer_t *edge; /* in list order */
    nb_entry *sorted;       /* the same ties per vertex, by (q, ord) */
    size_t *distinct;       /* number of distinct other ends per vertex */
} nb_index;

static void nb_free(nb_index *x)
{
    free(x->start);
    free(x->edge);
    free(x->sorted);
    free(x->distinct);
}

static int nb_cmp(const void *a, const void *b)
{
    const nb_entry *x = a, *y = b;
    if (x->q != y->q)
        return x->q < y->q ? -1 : 1;
    return x->ord < y->ord ? -1 : x->ord > y->ord;
}

/* The index of a list of ties per vertex, given as a callback that fills
 * v's list into vec. */
typedef igraph_error_t (*list_fn)(void *arg, size_t v, igraph_vector_int_t *vec);

static int nb_build(nb_index *x, const igraph_t *ig, size_t n, list_fn list, void *arg,
                    pn_diags *diags)
{
    memset(x, 0, sizeof(*x));
    x->n = n;
    igraph_vector_int_t vec;
    igraph_error_t err;
    if ((err = igraph_vector_int_init(&vec, 0)))
        return pn__igraph_fail(diags, "neighbour index", err);
    int rc = PN_ENOMEM;
    size_t cap = 16, used = 0;
    x->start = malloc((n + 1) * sizeof(size_t));
    x->distinct = calloc(n + 1, sizeof(size_t));
    x->edge = malloc(cap * sizeof(igraph_integer_t));
    if (!x->start || !x->distinct || !x->edge)
        goto cleanup;
    for (size_t v = 0; v < n; v++) {
        if ((err = list(arg, v, &vec))) {
            rc = pn__igraph_fail(diags, "neighbour index", err);
            goto cleanup;
        }
        size_t k = (size_t)igraph_vector_int_size(&vec);
        if (used + k > cap) {
            while (used + k > cap)
                cap *= 2;
            igraph_integer_t *p = realloc(x->edge, cap * sizeof(igraph_integer_t));
            if (!p)
                goto cleanup;
            x->edge = p;
        }
        x->start[v] = used;
        for (size_t i = 0; i < k; i++)
            x->edge[used++] = VECTOR(vec)[i];
    }
    x->start[n] = used;
    x->sorted = malloc((used + 1) * sizeof(nb_entry));
    if (!x->sorted)
        goto cleanup;
    for (size_t v = 0; v < n; v++) {
        size_t s0 = x->start[v], s1 = x->start[v + 1];
        for (size_t i = s0; i < s1; i++)
            x->sorted[i] = (nb_entry){(size_t)IGRAPH_OTHER(ig, x->edge[i], (igraph_integer_t)v),
                                      i - s0, x->edge[i]};
        qsort(x->sorted + s0, s1 - s0, sizeof(nb_entry), nb_cmp);
        for (size_t i = s0; i < s1; i++)
            if (i == s0 || x->sorted[i].q != x->sorted[i - 1].q)
                x->distinct[v]++;
    }
    rc = 0;
cleanup:
    igraph_vector_int_destroy(&vec);
    if (rc)
        nb_free(x);
    return rc;
}

/* The first of v's entries with other end q (or the end of v's entries). */
static size_t nb_find(const nb_index *x, size_t v, size_t q)
{
    size_t lo = x->start[v], hi = x->start[v + 1];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (x->sorted[mid].q < q)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static size_t nb_len(const nb_index *x, size_t v)
{
    return x->start[v + 1] - x->start[v];
}

static double log2_ceil(size_t k)
{
    double l = 1;
    while (k > 1) {
        k >>= 1;
        l++;
    }
    return l;
}

/* Whether to look i's contacts up among j's ties rather than scan j's. */
static bool use_lookup(const nb_index *x, size_t i, size_t j)
{
    size_t lj = nb_len(x, j);
    return (double)lj > (double)x->distinct[i] * log2_ceil(lj);
}

/* The steps of the shared-contact sums: for each tie (i, j), the cheaper of
 * scanning j and looking i's contacts up in j. */
static double shared_contact_work(const nb_index *x, const igraph_t *ig)
{
    double work = 0;
    for (size_t i = 0; i < x->n; i++) {
        work += (double)nb_len(x, i);
        for (size_t k = x->start[i]; k < x->start[i + 1]; k++) {
            size_t j = (size_t)IGRAPH_OTHER(ig, x->edge[k], (igraph_integer_t)i);
            size_t lj = nb_len(x, j);
            double look = (double)x->distinct[i] * log2_ceil(lj);
            work += (double)lj < look ? (double)lj : look;
        }
    }
    return work;
}

typedef struct incident_arg {
    const igraph_t *ig;
    igraph_vector_int_t tmp;
} incident_arg;

/* igraph_constraint's lists: incoming ties, then outgoing ones when directed. */
static igraph_error_t constraint_list(void *arg, size_t v, igraph_vector_int_t *vec)
{
    incident_arg *a = arg;
    igraph_error_t err = igraph_incident(a->ig, vec, (igraph_integer_t)v, IGRAPH_IN);
    if (err || !igraph_is_directed(a->ig))
        return err;
    if ((err = igraph_incident(a->ig, &a->tmp, (igraph_integer_t)v, IGRAPH_OUT)))
        return err;
    return igraph_vector_int_append(vec, &a->tmp);
}

/* Burt's constraint, igraph 0.10's igraph_constraint step for step (the
 * same bits), with the shared contacts found as above. */
int pn__constraint(const pn_graph *g, double *out, const pn_metric_options *opts, pn_diags *diags)
{
    const igraph_t *ig = pn_graph_igraph(g);
    const igraph_vector_t *w = pn_graph_weights(g);
    size_t n = pn_graph_vertex_count(g);
    incident_arg arg = {ig, {0}};
    igraph_error_t err;
    if ((err = igraph_vector_int_init(&arg.tmp, 0)))
        return pn__igraph_fail(diags, "constraint", err);
    nb_index x;
    int rc = nb_build(&x, ig, n, constraint_list, &arg, diags);
    igraph_vector_int_destroy(&arg.tmp);
    if (rc)
        return rc;
    if ((rc = pn__over_max_work("constraint", shared_contact_work(&x, ig), opts, diags))) {
        nb_free(&x);
        return rc;
    }
    rc = PN_ENOMEM;
    double *contrib = calloc(n + 1, sizeof(double)), *degree = calloc(n + 1, sizeof(double));
    igraph_vector_int_t deg;
    bool deg_init = false;
    if (!contrib || !degree)
        goto cleanup;
    if (!w) {
        if ((err = igraph_vector_int_init(&deg, (igraph_integer_t)n)) ||
            (deg_init = true,
             err = igraph_degree(ig, &deg, igraph_vss_all(), IGRAPH_ALL, IGRAPH_NO_LOOPS))) {
            rc = pn__igraph_fail(diags, "constraint", err);
            goto cleanup;
        }
        for (size_t v = 0; v < n; v++)
            degree[v] = (double)VECTOR(deg)[v];
    } else {
        for (igraph_integer_t e = 0; e < igraph_ecount(ig); e++) {
            igraph_integer_t from = IGRAPH_FROM(ig, e), to = IGRAPH_TO(ig, e);
            if (from != to) {
                degree[from] += VECTOR(*w)[e];
                degree[to] += VECTOR(*w)[e];
            }
        }
    }
    for (size_t i = 0; i < n; i++) {
        size_t s0 = x.start[i], s1 = x.start[i + 1];
        out[i] = s0 == s1 ? NAN : 0;
        for (size_t k = s0; k < s1; k++)
            contrib[IGRAPH_OTHER(ig, x.edge[k], (igraph_integer_t)i)] = 0.0;
        /* direct contributions (in-neighbours, then out-neighbours) */
        for (size_t k = s0; k < s1; k++) {
            size_t j = (size_t)IGRAPH_OTHER(ig, x.edge[k], (igraph_integer_t)i);
            if (i != j)
                contrib[j] += w ? VECTOR(*w)[x.edge[k]] / degree[i] : 1.0 / degree[i];
        }
        /* indirect contributions through each contact j, to the q that i and j share */
        for (size_t k = s0; k < s1; k++) {
            igraph_integer_t e = x.edge[k];
            size_t j = (size_t)IGRAPH_OTHER(ig, e, (igraph_integer_t)i);
            if (i == j)
                continue;
            if (!use_lookup(&x, i, j)) {
                for (size_t c = x.start[j]; c < x.start[j + 1]; c++) {
                    igraph_integer_t e2 = x.edge[c];
                    size_t q = (size_t)IGRAPH_OTHER(ig, e2, (igraph_integer_t)j);
                    if (j != q)
                        contrib[q] += w ? VECTOR(*w)[e] * VECTOR(*w)[e2] / degree[i] / degree[j]
                                        : 1 / degree[i] / degree[j];
                }
                continue;
            }
            for (size_t t = s0; t < s1; t++) {
                size_t q = x.sorted[t].q;
                if ((t > s0 && q == x.sorted[t - 1].q) || q == i || q == j)
                    continue;
                for (size_t c = nb_find(&x, j, q); c < x.start[j + 1] && x.sorted[c].q == q; c++) {
                    igraph_integer_t e2 = x.sorted[c].e;
                    contrib[q] += w ? VECTOR(*w)[e] * VECTOR(*w)[e2] / degree[i] / degree[j]
                                    : 1 / degree[i] / degree[j];
                }
            }
        }
        /* squared sum of the contributions */
        for (size_t k = s0; k < s1; k++) {
            size_t j = (size_t)IGRAPH_OTHER(ig, x.edge[k], (igraph_integer_t)i);
            if (i == j)
                continue;
            out[i] += contrib[j] * contrib[j];
            contrib[j] = 0.0;
        }
    }
    rc = 0;
cleanup:
    if (deg_init)
        igraph_vector_int_destroy(&deg);
    free(contrib);
    free(degree);
    nb_free(&x);
    return rc;
}

static igraph_error_t inclist_list(void *arg, size_t v, igraph_vector_int_t *vec)
{
    return igraph_vector_int_update(vec, igraph_inclist_get((igraph_inclist_t *)arg, v));
}

typedef struct red_term {
    size_t ord;
    double x;
} red_term;

static int red_cmp(const void *a, const void *b)
{
    const red_term *x = a, *y = b;
    return x->ord < y->ord ? -1 : x->ord > y->ord;
}

/* Burt's effective size, his general formula on mutual weights
 * (docs/metrics.md). It equals Borgatti's n - 2t/n on unweighted graphs.
 * The shared contacts are found as above; each redundancy is summed in the
 * order of j's ties, as a scan of them would. */
int pn__effective_size(const pn_graph *g, double *out, const pn_metric_options *opts,
                       pn_diags *diags)
{
    size_t n = pn_graph_vertex_count(g);
    igraph_t u;
    igraph_vector_t w;
    igraph_inclist_t inc;
    igraph_error_t err;
    nb_index x;
    int rc = pn__undirected(g, &u, &w, diags);
    if (rc)
        return rc;
    if ((err = igraph_inclist_init(&u, &inc, IGRAPH_ALL, IGRAPH_LOOPS_ONCE))) {
        igraph_destroy(&u);
        igraph_vector_destroy(&w);
        return pn__igraph_fail(diags, "effective-size", err);
    }
    double *row = NULL, *maxw = NULL;
    red_term *terms = NULL;
    if ((rc = nb_build(&x, &u, n, inclist_list, &inc, diags)) != 0)
        goto done;
    if ((rc = pn__over_max_work("effective-size", shared_contact_work(&x, &u), opts, diags)))
        goto cleanup;
    rc = PN_ENOMEM;
    row = calloc(n + 1, sizeof(double)); /* the ego's mutual weight to each contact */
    maxw = calloc(n + 1, sizeof(double));
    size_t most = 0;
    for (size_t v = 0; v < n; v++)
        if (nb_len(&x, v) > most)
            most = nb_len(&x, v);
    terms = malloc((most + 1) * sizeof(red_term));
    if (!row || !maxw || !terms)
        goto cleanup;
    /* The largest mutual weight of each vertex, for m_jq. */
    for (igraph_integer_t e = 0; e < igraph_ecount(&u); e++) {
        size_t a = (size_t)IGRAPH_FROM(&u, e), b = (size_t)IGRAPH_TO(&u, e);
        double y = VECTOR(w)[e];
        if (y > maxw[a])
            maxw[a] = y;
        if (y > maxw[b])
            maxw[b] = y;
    }
    for (size_t i = 0; i < n; i++) {
        size_t s0 = x.start[i], s1 = x.start[i + 1];
        double total = 0;
        for (size_t k = s0; k < s1; k++) {
            igraph_integer_t e = x.edge[k];
            row[IGRAPH_OTHER(&u, e, (igraph_integer_t)i)] = VECTOR(w)[e];
            total += VECTOR(w)[e];
        }
        if (s0 == s1 || total <= 0) {
            /* No contact, or only ties of weight 0: undefined. */
            out[i] = NAN;
        } else {
            double es = 0;
            for (size_t k = s0; k < s1; k++) {
                size_t j = (size_t)IGRAPH_OTHER(&u, x.edge[k], (igraph_integer_t)i);
                /* j's redundancy: sum over shared contacts q of p_iq * m_jq */
                double red = 0;
                if (maxw[j] > 0 && !use_lookup(&x, i, j)) {
                    for (size_t c = x.start[j]; c < x.start[j + 1]; c++) {
                        igraph_integer_t e = x.edge[c];
                        size_t q = (size_t)IGRAPH_OTHER(&u, e, (igraph_integer_t)j);
                        if (q != i && row[q] > 0)
                            red += (row[q] / total) * (VECTOR(w)[e] / maxw[j]);
                    }
                } else if (maxw[j] > 0) {
                    size_t nt = 0;
                    for (size_t t = s0; t < s1; t++) {
                        size_t q = x.sorted[t].q;
                        if ((t > s0 && q == x.sorted[t - 1].q) || q == i || !(row[q] > 0))
                            continue;
                        for (size_t c = nb_find(&x, j, q); c < x.start[j + 1] && x.sorted[c].q == q;
                             c++)
                            terms[nt++] =
                                (red_term){x.sorted[c].ord,
                                           (row[q] / total) * (VECTOR(w)[x.sorted[c].e] / maxw[j])};
                    }
                    qsort(terms, nt, sizeof(red_term), red_cmp);
                    for (size_t t = 0; t < nt; t++)
                        red += terms[t].x;
                }
                es += 1.0 - red;
            }
            out[i] = es;
        }
        for (size_t k = s0; k < s1; k++)
            row[IGRAPH_OTHER(&u, x.edge[k], (igraph_integer_t)i)] = 0;
    }
    rc = 0;
cleanup:
    nb_free(&x);
done:
    free(terms);
    free(row);
    free(maxw);
    igraph_inclist_destroy(&inc);
    igraph_destroy(&u);
    igraph_vector_destroy(&w);
    return rc;
}
