/* Per-actor metrics by name: igraph's where igraph has them, with the
 * conventions of docs/metrics.md; the path metrics in path_sweep.c,
 * constraint and effective size in structural_holes.c, brokerage in
 * brokerage.c. */
#include "paranet/metrics.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/groups.h"
#include "analysis/igraph_glue.h"
#include "analysis/path_sweep.h"
#include "analysis/structural_holes.h"
#include "analysis/work_limit.h"
#include "core/util.h"

typedef enum metric_id {
    M_DEGREE,
    M_TIES,
    M_IN_DEGREE,
    M_OUT_DEGREE,
    M_STRENGTH,
    M_IN_STRENGTH,
    M_OUT_STRENGTH,
    M_BETWEENNESS,
    M_CLOSENESS,
    M_HARMONIC,
    M_EIGENVECTOR,
    M_PAGERANK,
    M_HUB,
    M_AUTHORITY,
    M_CONSTRAINT,
    M_EFFECTIVE_SIZE,
    M_CORENESS,
    M_COMPONENT,
    M_COMMUNITY,
    M_COORDINATOR,
    M_ITINERANT,
    M_GATEKEEPER,
    M_REPRESENTATIVE,
    M_LIAISON,
    M_BROKERAGE,
    M_EI,
    M_COORDINATOR_Z,
    M_ITINERANT_Z,
    M_GATEKEEPER_Z,
    M_REPRESENTATIVE_Z,
    M_LIAISON_Z,
    M_BROKERAGE_Z,
    M_COUNT
} metric_id;

static const struct {
    const char *name;
    bool integer;
    const char *meaning;
} metrics[M_COUNT] = {
    {"degree", true, "number of neighbours (in + out arcs when directed)"},
    {"ties", true, "number of the view's ties at the actor (parallel ties each, in or out)"},
    {"in-degree", true, "number of incoming arcs (= degree when undirected)"},
    {"out-degree", true, "number of outgoing arcs (= degree when undirected)"},
    {"strength", false, "sum of edge weights (= degree when unweighted)"},
    {"in-strength", false, "sum of incoming edge weights"},
    {"out-strength", false, "sum of outgoing edge weights"},
    {"betweenness", false, "shortest paths through the actor, unnormalised (hops)"},
    {"closeness", false, "reachable actors / sum of distances to them (hops, outgoing)"},
    {"harmonic", false, "mean of 1/distance to every other actor (hops, outgoing)"},
    {"eigenvector", false, "eigenvector centrality, scaled to max 1 (incoming when directed)"},
    {"pagerank", false, "PageRank, damping 0.85, sums to 1"},
    {"hub", false, "Kleinberg hub score, scaled to max 1"},
    {"authority", false, "Kleinberg authority score, scaled to max 1"},
    {"constraint", false, "Burt's constraint (igraph); NaN for an isolated actor"},
    {"effective-size", false, "Burt's effective size; NaN for an isolated actor"},
    {"coreness", true, "k-core number (all ties)"},
    {"component", true, "weak component, numbered from 0 in order of first actor"},
    {"community", true, "multilevel (Louvain) community, seed 42, numbered by first actor"},
    {"coordinator", true, "brokerage: open two-paths a-b-c with a, b, c in one group"},
    {"itinerant", true, "brokerage: a and c in one group, the broker b in another"},
    {"gatekeeper", true, "brokerage: b and c in one group, a in another"},
    {"representative", true, "brokerage: a and b in one group, c in another"},
    {"liaison", true, "brokerage: a, b and c in three groups"},
    {"brokerage", true, "brokerage: total of the five roles"},
    {"ei", false, "E-I index of the actor's ties: (to other groups - within) / all"},
    {"coordinator-z", false, "coordinator count as a z-score under random groups (sna)"},
    {"itinerant-z", false, "itinerant count as a z-score under random groups (sna)"},
    {"gatekeeper-z", false, "gatekeeper count as a z-score under random groups (sna)"},
    {"representative-z", false, "representative count as a z-score under random groups (sna)"},
    {"liaison-z", false, "liaison count as a z-score under random groups (sna)"},
    {"brokerage-z", false, "total brokerage as a z-score under random groups (sna)"},
};

size_t pn_metric_count(void)
{
    return M_COUNT;
}

const char *pn_metric_name(size_t i)
{
    return i < M_COUNT ? metrics[i].name : NULL;
}

const char *pn_metric_meaning(size_t i)
{
    return i < M_COUNT ? metrics[i].meaning : NULL;
}

bool pn_metric_is_integer(size_t i)
{
    return i < M_COUNT && metrics[i].integer;
}

int pn_metric_find(const char *name, size_t *index)
{
    for (size_t i = 0; i < M_COUNT; i++) {
        if (strcmp(metrics[i].name, name) == 0) {
            if (index)
                *index = i;
            return 0;
        }
    }
    return PN_ENOTFOUND;
}

/* The ties at each vertex: every dataset tie of the graph once at each of
 * its two ends, however many arcs carry it (an undirected tie is two arcs
 * of a directed graph). The graph has no self-ties. O(V + T). */
static int actor_ties(const pn_graph *g, double *out)
{
    const igraph_t *ig = pn_graph_igraph(g);
    size_t n = pn_graph_vertex_count(g), m = pn_graph_edge_count(g);
    bool *seen = calloc(pn_dataset_tie_count(pn_graph_dataset(g)) + 1, sizeof(bool));
    if (!seen)
        return PN_ENOMEM;
    for (size_t v = 0; v < n; v++)
        out[v] = 0;
    for (size_t e = 0; e < m; e++) {
        size_t k;
        const size_t *ties = pn_graph_edge_ties(g, e, &k);
        for (size_t i = 0; i < k; i++) {
            if (seen[ties[i]])
                continue;
            seen[ties[i]] = true;
            out[IGRAPH_FROM(ig, (igraph_integer_t)e)]++;
            out[IGRAPH_TO(ig, (igraph_integer_t)e)]++;
        }
    }
    free(seen);
    return 0;
}

/* Copy an igraph vector into out. */
static void take_vector(igraph_vector_t *v, double *out, size_t n)
{
    for (size_t i = 0; i < n; i++)
        out[i] = VECTOR(*v)[i];
}

static int renumber(const igraph_vector_int_t *membership, size_t n, double *out)
{
    /* Label classes 0, 1, ... in order of their first vertex. */
    size_t *map = malloc((n + 1) * sizeof(size_t));
    if (!map)
        return PN_ENOMEM;
    for (size_t i = 0; i < n; i++)
        map[i] = SIZE_MAX;
    size_t next = 0;
    for (size_t v = 0; v < n; v++) {
        size_t c = (size_t)VECTOR(*membership)[v];
        if (map[c] == SIZE_MAX)
            map[c] = next++;
        out[v] = (double)map[c];
    }
    free(map);
    return 0;
}

/* igraph_eigenvector_centrality from a fixed seed, checked. ARPACK can fail
 * without saying so: igraph then reports the eigenvalue 0 and an all-zero
 * vector (igraph issue #2706; seen on Tangerang Selatan's directed view in R
 * igraph, about one start in two). The leading eigenvalue is 0 only when no
 * cycle carries a positive weight, so on a graph with a cycle (any tie, when
 * undirected) a zero is retried from other seeds, and an error if it stays. */
static igraph_error_t eigen_checked(const igraph_t *g, igraph_vector_t *res, igraph_real_t *value,
                                    const igraph_vector_t *w, igraph_arpack_options_t *arpack,
                                    bool *failed)
{
    *failed = false;
    igraph_bool_t dag = false;
    for (unsigned long seed = 42; seed < 42 + 8; seed++) {
        igraph_rng_seed(igraph_rng_default(), seed);
        igraph_error_t err = igraph_eigenvector_centrality(g, res, value, true, true, w, arpack);
        if (err || *value > 0)
            return err;
        if (seed == 42) {
            if (igraph_is_directed(g) && (err = igraph_is_dag(g, &dag)))
                return err;
            if (dag)
                return IGRAPH_SUCCESS;
            if (w) { /* a zero weight can leave no cycle of positive weight */
                for (igraph_integer_t e = 0; e < igraph_vector_size(w); e++)
                    if (!(VECTOR(*w)[e] > 0))
                        return IGRAPH_SUCCESS;
            }
        }
    }
    *failed = true;
    return IGRAPH_SUCCESS;
}

/* Eigenvector centrality, as docs/metrics.md states it for a view in several
 * parts: the component with the largest eigenvalue gets its eigenvector,
 * scaled to a largest value of 1, the others 0. Several components can share
 * the largest eigenvalue (identical parts): ARPACK would then return an
 * arbitrary mix of them, so each of those gets its own eigenvector, scaled
 * the same way. With one part with ties, igraph's call on the whole graph
 * (the same bits as ever). */
static int eigenvector(const pn_graph *g, double *out, pn_diags *diags)
{
    const igraph_t *ig = pn_graph_igraph(g);
    const igraph_vector_t *w = pn_graph_weights(g);
    size_t n = pn_graph_vertex_count(g), m = pn_graph_edge_count(g);
    igraph_arpack_options_t arpack;
    igraph_arpack_options_init(&arpack);
    igraph_real_t value;
    igraph_vector_t res;
    igraph_vector_int_t memb;
    igraph_integer_t nc = 0;
    igraph_error_t err;
    for (size_t v = 0; v < n; v++)
        out[v] = 0;
    if (m == 0)
        return 0; /* igraph gives all 1 for a graph without edges; no actor is central. */
    if ((err = igraph_vector_init(&res, 0)))
        return pn__igraph_fail(diags, "eigenvector", err);
    if ((err = igraph_vector_int_init(&memb, 0))) {
        igraph_vector_destroy(&res);
        return pn__igraph_fail(diags, "eigenvector", err);
    }
    int rc = PN_ENOMEM;
    size_t *vstart = NULL, *verts = NULL, *local = NULL, *estart = NULL, *edges = NULL;
    double *lambda = NULL;
    if ((err = igraph_connected_components(ig, &memb, NULL, &nc, IGRAPH_WEAK)))
        goto igraph_failed;
    size_t k = (size_t)nc;
    vstart = calloc(k + 2, sizeof(size_t));
    estart = calloc(k + 2, sizeof(size_t));
    verts = malloc((n + 1) * sizeof(size_t));
    local = malloc((n + 1) * sizeof(size_t));
    edges = malloc((m + 1) * sizeof(size_t));
    lambda = malloc((k + 1) * sizeof(double));
    if (!vstart || !estart || !verts || !local || !edges || !lambda)
        goto cleanup;
    /* Vertices and edges by component, each in id order. */
    for (size_t v = 0; v < n; v++)
        vstart[VECTOR(memb)[v] + 1]++;
    for (size_t e = 0; e < m; e++)
        estart[VECTOR(memb)[IGRAPH_FROM(ig, e)] + 1]++;
    size_t with_edges = 0;
    for (size_t c = 0; c < k; c++) {
        with_edges += estart[c + 1] > 0;
        vstart[c + 1] += vstart[c];
        estart[c + 1] += estart[c];
    }
    bool failed = false;
    if (with_edges == 1) {
        if ((err = eigen_checked(ig, &res, &value, w, &arpack, &failed)))
            goto igraph_failed;
        if (failed)
            goto arpack_failed;
        take_vector(&res, out, n);
        rc = 0;
        goto cleanup;
    }
    {
        size_t *fill = malloc((k + 1) * sizeof(size_t));
        if (!fill)
            goto cleanup;
        memcpy(fill, vstart, k * sizeof(size_t));
        for (size_t v = 0; v < n; v++) {
            size_t c = (size_t)VECTOR(memb)[v];
            local[v] = fill[c] - vstart[c];
            verts[fill[c]++] = v;
        }
        memcpy(fill, estart, k * sizeof(size_t));
        for (size_t e = 0; e < m; e++)
            edges[fill[VECTOR(memb)[IGRAPH_FROM(ig, e)]]++] = e;
        free(fill);
    }
    /* Each part with ties on its own: its eigenvalue and vector; then only
     * the parts with the largest eigenvalue keep theirs. */
    double best = 0;
    for (size_t c = 0; c < k; c++) {
        size_t nv = vstart[c + 1] - vstart[c], ne = estart[c + 1] - estart[c];
        lambda[c] = 0;
        if (ne == 0)
            continue;
        igraph_vector_int_t el;
        igraph_vector_t cw;
        igraph_t sub;
        if ((err = igraph_vector_int_init(&el, (igraph_integer_t)(2 * ne))))
            goto igraph_failed;
        if ((err = igraph_vector_init(&cw, w ? (igraph_integer_t)ne : 0))) {
            igraph_vector_int_destroy(&el);
            goto igraph_failed;
        }
        for (size_t i = 0; i < ne; i++) {
            size_t e = edges[estart[c] + i];
            VECTOR(el)[2 * i] = (igraph_integer_t)local[IGRAPH_FROM(ig, e)];
            VECTOR(el)[2 * i + 1] = (igraph_integer_t)local[IGRAPH_TO(ig, e)];
            if (w)
                VECTOR(cw)[i] = VECTOR(*w)[e];
        }
        err = igraph_create(&sub, &el, (igraph_integer_t)nv, igraph_is_directed(ig));
        igraph_vector_int_destroy(&el);
        if (!err) {
            err = eigen_checked(&sub, &res, &value, w ? &cw : NULL, &arpack, &failed);
            igraph_destroy(&sub);
        }
        igraph_vector_destroy(&cw);
        if (err)
            goto igraph_failed;
        if (failed)
            goto arpack_failed;
        lambda[c] = value;
        if (value > best)
            best = value;
        for (size_t i = 0; i < nv; i++)
            out[verts[vstart[c] + i]] = VECTOR(res)[i];
    }
    for (size_t c = 0; c < k; c++)
        if (!(lambda[c] >= best * (1 - 1e-9)))
            for (size_t i = vstart[c]; i < vstart[c + 1]; i++)
                out[verts[i]] = 0;
    rc = 0;
    goto cleanup;
igraph_failed:
    rc = pn__igraph_fail(diags, "eigenvector", err);
    goto cleanup;
arpack_failed:
    pn_diags_add(diags, PN_SEVERITY_ERROR, NULL, 0, 0, NULL, "igraph",
                 "eigenvector: igraph's ARPACK solver returned no eigenvector from 8 starts "
                 "on a view that has one (leave eigenvector out with -m)");
    rc = PN_EIGRAPH;
cleanup:
    free(vstart);
    free(estart);
    free(verts);
    free(local);
    free(edges);
    free(lambda);
    igraph_vector_int_destroy(&memb);
    igraph_vector_destroy(&res);
    return rc;
}

/* pn_brokerage visits every two-path a -> b -> c: the sum over b of
 * indeg(b) outdeg(b) (4e10 at the hub of a star of 200,000 leaves). */
static int brokerage_work(const pn_graph *g, const pn_metric_options *opts, pn_diags *diags)
{
    const igraph_t *ig = pn_graph_igraph(g);
    size_t n = pn_graph_vertex_count(g);
    igraph_vector_int_t in, out;
    igraph_error_t err;
    if ((err = igraph_vector_int_init(&in, 0)))
        return pn__igraph_fail(diags, "brokerage", err);
    if ((err = igraph_vector_int_init(&out, 0))) {
        igraph_vector_int_destroy(&in);
        return pn__igraph_fail(diags, "brokerage", err);
    }
    double work = 0;
    if ((err = igraph_degree(ig, &in, igraph_vss_all(), IGRAPH_IN, IGRAPH_NO_LOOPS)) ||
        (err = igraph_degree(ig, &out, igraph_vss_all(), IGRAPH_OUT, IGRAPH_NO_LOOPS)))
        work = -1;
    for (size_t v = 0; work >= 0 && v < n; v++)
        work += (double)VECTOR(in)[v] * (double)VECTOR(out)[v] + 1;
    igraph_vector_int_destroy(&in);
    igraph_vector_int_destroy(&out);
    if (work < 0)
        return pn__igraph_fail(diags, "brokerage", err);
    return pn__over_max_work("brokerage", work, opts, diags);
}

/* The metrics of groups: brokerage roles, their z-scores, E-I. */
static int group_metric(const pn_graph *g, size_t id, const pn_metric_options *opts, double *out,
                        pn_diags *diags)
{
    size_t n = pn_graph_vertex_count(g);
    pn_grouping *gr = NULL;
    int rc = id == M_EI ? 0 : brokerage_work(g, opts, diags);
    if (!rc)
        rc = pn__grouping_for(g, opts, &gr, diags);
    if (!rc && id == M_EI)
        rc = pn_ei_index(g, gr, NULL, NULL, out, diags);
    double *roles = NULL;
    if (!rc && id != M_EI && !(roles = malloc((n + 1) * PN_BROKER_ROLE_COUNT * sizeof(double))))
        rc = PN_ENOMEM;
    if (!rc && id != M_EI)
        rc = pn_brokerage(g, gr->group, roles, diags);
    for (size_t v = 0; !rc && id <= M_BROKERAGE && v < n; v++) {
        out[v] = 0;
        for (int r = 0; r < PN_BROKER_ROLE_COUNT; r++)
            if (id == M_BROKERAGE || (size_t)r == id - M_COORDINATOR)
                out[v] += roles[v * PN_BROKER_ROLE_COUNT + r];
    }
    if (!rc && id >= M_COORDINATOR_Z)
        rc = pn__brokerage_z(g, gr, roles, (int)(id - M_COORDINATOR_Z), out, diags);
    free(roles);
    pn_grouping_free(gr);
    return rc;
}

int pn_brokerage_network(const pn_graph *g, const pn_metric_options *opts, pn_brokerage_totals *out,
                         pn_diags *diags)
{
    pn_metric_options defaults = PN_METRIC_OPTIONS_INIT;
    size_t n = pn_graph_vertex_count(g);
    pn_grouping *gr = NULL;
    double *roles = NULL, d = NAN;
    int rc = brokerage_work(g, opts ? opts : &defaults, diags);
    if (!rc)
        rc = pn__grouping_for(g, opts ? opts : &defaults, &gr, diags);
    if (!rc && !(roles = malloc((n + 1) * PN_BROKER_ROLE_COUNT * sizeof(double))))
        rc = PN_ENOMEM;
    if (!rc)
        rc = pn_brokerage(g, gr->group, roles, diags);
    igraph_error_t err = 0;
    if (!rc && n >= 2 && (err = igraph_density(pn_graph_igraph(g), &d, false)))
        rc = pn__igraph_fail(diags, "brokerage", err);
    if (!rc) {
        memset(out, 0, sizeof(*out));
        for (size_t i = 0; i < n * PN_BROKER_ROLE_COUNT; i++) {
            out->count[i % PN_BROKER_ROLE_COUNT] += roles[i];
            out->count[PN_BROKER_ROLE_COUNT] += roles[i];
        }
        rc = pn_brokerage_expected(n, d, gr->size, gr->count, NULL, NULL, out->expected, out->sd);
        for (int r = 0; r <= PN_BROKER_ROLE_COUNT; r++)
            out->z[r] = out->sd[r] > 0 ? (out->count[r] - out->expected[r]) / out->sd[r] : NAN;
    }
    free(roles);
    pn_grouping_free(gr);
    return rc;
}

static int unknown_metric(const char *name, pn_diags *diags)
{
    pn__buf b;
    pn__buf_init(&b);
    for (size_t i = 0; i < M_COUNT; i++)
        pn__buf_printf(&b, "%s%s", i ? ", " : "", metrics[i].name);
    const char *best = NULL;
    size_t best_d = 4;
    for (size_t i = 0; i < M_COUNT; i++) {
        size_t d = pn_edit_distance(name, metrics[i].name, 3);
        if (d < best_d) {
            best_d = d;
            best = metrics[i].name;
        }
    }
    if (best)
        pn_diags_add(diags, PN_SEVERITY_ERROR, NULL, 0, 0, NULL, "unknown-metric",
                     "unknown metric \"%s\" (did you mean \"%s\"?); known metrics: %s", name, best,
                     b.data ? b.data : "");
    else
        pn_diags_add(diags, PN_SEVERITY_ERROR, NULL, 0, 0, NULL, "unknown-metric",
                     "unknown metric \"%s\"; known metrics: %s", name, b.data ? b.data : "");
    pn__buf_free(&b);
    return PN_EINVAL;
}

int pn_metric_vector(const pn_graph *g, const char *name, double *out, pn_diags *diags)
{
    return pn_metric_vector_opts(g, name, NULL, out, diags);
}

static int bad_options(const char *name, const pn_metric_options *opts, pn_diags *diags)
{
    if (opts->workers >= 0 && opts->cutoff >= 0)
        return 0;
    pn_diags_add(diags, PN_SEVERITY_ERROR, NULL, 0, 0, NULL, "metric-options",
                 "%s: %s must be 0 or more (it is %d)", name,
                 opts->workers < 0 ? "workers" : "cutoff",
                 opts->workers < 0 ? opts->workers : opts->cutoff);
    return PN_EINVAL;
}

int pn_metric_vector_opts(const pn_graph *g, const char *name, const pn_metric_options *opts,
                          double *out, pn_diags *diags)
{
    pn_metric_options defaults = PN_METRIC_OPTIONS_INIT;
    if (!opts)
        opts = &defaults;
    size_t id;
    if (!name || pn_metric_find(name, &id) != 0)
        return unknown_metric(name ? name : "(null)", diags);
    if (bad_options(name, opts, diags))
        return PN_EINVAL;
    pn__igraph_init();
    const igraph_t *ig = pn_graph_igraph(g);
    const igraph_vector_t *w = pn_graph_weights(g);
    size_t n = pn_graph_vertex_count(g);
    if (n == 0)
        return 0;
    igraph_vector_t res;
    igraph_vector_int_t ires;
    igraph_error_t err = IGRAPH_SUCCESS;
    int rc = 0;
    if (igraph_vector_init(&res, (igraph_integer_t)n))
        return PN_ENOMEM;
    if (igraph_vector_int_init(&ires, (igraph_integer_t)n)) {
        igraph_vector_destroy(&res);
        return PN_ENOMEM;
    }
    igraph_arpack_options_t arpack;
    igraph_arpack_options_init(&arpack);
    igraph_real_t value;
    switch ((metric_id)id) {
    case M_DEGREE:
    case M_IN_DEGREE:
    case M_OUT_DEGREE: {
        igraph_neimode_t mode = id == M_DEGREE      ? IGRAPH_ALL
                                : id == M_IN_DEGREE ? IGRAPH_IN
                                                    : IGRAPH_OUT;
        err = igraph_degree(ig, &ires, igraph_vss_all(), mode, false);
        for (size_t v = 0; !err && v < n; v++)
            out[v] = (double)VECTOR(ires)[v];
        break;
    }
    case M_TIES:
        rc = actor_ties(g, out);
        break;
    case M_STRENGTH:
    case M_IN_STRENGTH:
    case M_OUT_STRENGTH: {
        igraph_neimode_t mode = id == M_STRENGTH      ? IGRAPH_ALL
                                : id == M_IN_STRENGTH ? IGRAPH_IN
                                                      : IGRAPH_OUT;
        err = igraph_strength(ig, &res, igraph_vss_all(), mode, false, w);
        if (!err)
            take_vector(&res, out, n);
        break;
    }
    case M_BETWEENNESS:
    case M_CLOSENESS:
    case M_HARMONIC:
        /* paranet's engine: the same bits whatever the number of workers. */
        rc = pn__path_metric_parallel(ig,
                                      id == M_BETWEENNESS ? PN__PATH_BETWEENNESS
                                      : id == M_CLOSENESS ? PN__PATH_CLOSENESS
                                                          : PN__PATH_HARMONIC,
                                      opts->workers, opts->cutoff, metrics[id].name, out,
                                      opts->progress, opts->progress_ctx, diags);
        break;
    case M_EIGENVECTOR:
        rc = eigenvector(g, out, diags);
        break;
    case M_PAGERANK:
        igraph_rng_seed(igraph_rng_default(), 42);
        err = igraph_pagerank(ig, IGRAPH_PAGERANK_ALGO_PRPACK, &res, &value, igraph_vss_all(), true,
                              0.85, w, NULL);
        if (!err)
            take_vector(&res, out, n);
        break;
    case M_HUB:
    case M_AUTHORITY: {
        if (!igraph_is_directed(ig)) {
            /* A is symmetric: both are the leading eigenvector of A^2, whose
             * leading eigenvalue is repeated on a bipartite view (a star),
             * where ARPACK returns an arbitrary mix (and hub != authority).
             * The eigenvector centrality is the answer (as igraph >= 0.10.5
             * gives). */
            rc = eigenvector(g, out, diags);
            break;
        }
        if (pn_graph_edge_count(g) == 0) {
            for (size_t v = 0; v < n; v++)
                out[v] = 0;
            break;
        }
        igraph_vector_t other;
        if (igraph_vector_init(&other, (igraph_integer_t)n)) {
            rc = PN_ENOMEM;
            break;
        }
        igraph_rng_seed(igraph_rng_default(), 42);
        err = id == M_HUB
                  ? igraph_hub_and_authority_scores(ig, &res, &other, &value, true, w, &arpack)
                  : igraph_hub_and_authority_scores(ig, &other, &res, &value, true, w, &arpack);
        if (!err)
            take_vector(&res, out, n);
        igraph_vector_destroy(&other);
        break;
    }
    case M_CONSTRAINT:
        rc = pn__constraint(g, out, opts, diags);
        break;
    case M_EFFECTIVE_SIZE:
        rc = pn__effective_size(g, out, opts, diags);
        break;
    case M_CORENESS:
        err = igraph_coreness(ig, &ires, IGRAPH_ALL);
        for (size_t v = 0; !err && v < n; v++)
            out[v] = (double)VECTOR(ires)[v];
        break;
    case M_COMPONENT:
        err = igraph_connected_components(ig, &ires, NULL, NULL, IGRAPH_WEAK);
        if (!err)
            rc = renumber(&ires, n, out);
        break;
    case M_COMMUNITY:
        rc = pn__community(g, &ires, NULL, diags);
        if (!rc)
            rc = renumber(&ires, n, out);
        break;
    case M_COORDINATOR:
    case M_ITINERANT:
    case M_GATEKEEPER:
    case M_REPRESENTATIVE:
    case M_LIAISON:
    case M_BROKERAGE:
    case M_EI:
    case M_COORDINATOR_Z:
    case M_ITINERANT_Z:
    case M_GATEKEEPER_Z:
    case M_REPRESENTATIVE_Z:
    case M_LIAISON_Z:
    case M_BROKERAGE_Z:
        rc = group_metric(g, id, opts, out, diags);
        break;
    case M_COUNT:
        break;
    }
    if (err)
        rc = pn__igraph_fail(diags, metrics[id].name, err);
    igraph_vector_destroy(&res);
    igraph_vector_int_destroy(&ires);
    return rc;
}

static bool is_path_metric(size_t id)
{
    return id == M_BETWEENNESS || id == M_CLOSENESS || id == M_HARMONIC;
}

static pn__path_metric path_metric_of(size_t id)
{
    return id == M_BETWEENNESS ? PN__PATH_BETWEENNESS
           : id == M_CLOSENESS ? PN__PATH_CLOSENESS
                               : PN__PATH_HARMONIC;
}

int pn_metric_vectors(const pn_graph *g, const char *const *names, size_t n,
                      const pn_metric_options *opts, double *const *out, pn_diags *diags)
{
    pn_metric_options defaults = PN_METRIC_OPTIONS_INIT;
    if (!opts)
        opts = &defaults;
    if (n == 0)
        return 0;
    if (!names || !out) {
        pn_diags_add(diags, PN_SEVERITY_ERROR, NULL, 0, 0, NULL, "metric-options",
                     "metrics: no %s given for %zu metrics", !names ? "names" : "output arrays", n);
        return PN_EINVAL;
    }
    /* Every name and option is checked before anything is computed. */
    for (size_t i = 0; i < n; i++)
        if (!names[i] || pn_metric_find(names[i], NULL) != 0)
            return unknown_metric(names[i] ? names[i] : "(null)", diags);
    if (bad_options("metrics", opts, diags))
        return PN_EINVAL;
    size_t v_count = pn_graph_vertex_count(g);
    if (v_count == 0)
        return 0;
    /* The path metrics asked for, each into the first array that wants it:
     * one sweep for all of them. Its progress name lists them. */
    unsigned which = 0;
    double *path_out[PN__PATH_COUNT] = {NULL, NULL, NULL};
    for (size_t i = 0; i < n; i++) {
        size_t id = M_COUNT;
        pn_metric_find(names[i], &id);
        if (is_path_metric(id) && !path_out[path_metric_of(id)]) {
            path_out[path_metric_of(id)] = out[i];
            which |= PN__PATH_BIT(path_metric_of(id));
        }
    }
    int rc = 0;
    if (which) {
        char label[64] = "";
        static const size_t ids[PN__PATH_COUNT] = {M_BETWEENNESS, M_CLOSENESS, M_HARMONIC};
        for (size_t m = 0; m < PN__PATH_COUNT; m++)
            if (which & PN__PATH_BIT(m))
                snprintf(label + strlen(label), sizeof(label) - strlen(label), "%s%s",
                         label[0] ? ", " : "", metrics[ids[m]].name);
        rc = pn__path_metrics_fused(pn_graph_igraph(g), which, opts->workers, opts->cutoff, label,
                                    path_out, opts->progress, opts->progress_ctx, diags);
    }
    /* The others one by one; a name given twice is computed once. */
    for (size_t i = 0; !rc && i < n; i++) {
        size_t id = M_COUNT;
        pn_metric_find(names[i], &id);
        size_t first = 0;
        while (strcmp(names[first], names[i]) != 0)
            first++;
        if (first < i && out[i] != out[first])
            memcpy(out[i], out[first], v_count * sizeof(double));
        else if (!is_path_metric(id))
            rc = pn_metric_vector_opts(g, names[i], opts, out[i], diags);
    }
    return rc;
}
