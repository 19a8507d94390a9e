/* Build small datasets from edge lists for the analysis suites. */
#ifndef PN_TEST_GRAPHS_H
#define PN_TEST_GRAPHS_H

#include <math.h>

#include "testutil.h"

/* Add m g2g ties edges[2k] -- edges[2k+1] (actor indices), undirected unless directed. */
static inline void tg_add_ties(pn_dataset *ds, const int *edges, size_t m, bool directed)
{
    for (size_t k = 0; k < m; k++) {
        pn_tie t;
        memset(&t, 0, sizeof(t));
        t.from = (size_t)edges[2 * k];
        t.to = (size_t)edges[2 * k + 1];
        t.type = PN_TYPE_G2G;
        t.instrument = PN_INSTRUMENT_NONE;
        t.status = PN_STATUS_NONE;
        t.directed = directed;
        ck_assert_int_eq(pn_dataset_add_tie(ds, &t, NULL), 0);
    }
}

/* A dataset of n actors "v0".."v{n-1}" (or ids[]) and m ties edges[2k] -- edges[2k+1].
 * countries/kinds may be NULL (all "ID" / city). Ties are g2g, undirected unless directed. */
static inline pn_dataset *tg_build(size_t n, const char *const *ids, const char *const *countries,
                                   const pn_kind *kinds, const int *edges, size_t m, bool directed)
{
    pn_dataset *ds = NULL;
    ck_assert_int_eq(pn_dataset_new(&ds), 0);
    for (size_t i = 0; i < n; i++) {
        char id[32];
        snprintf(id, sizeof(id), "v%zu", i);
        pn_actor a;
        memset(&a, 0, sizeof(a));
        a.id = ids ? ids[i] : id;
        a.name = a.id;
        a.kind = kinds ? kinds[i] : PN_KIND_CITY;
        snprintf(a.country, sizeof(a.country), "%s", countries ? countries[i] : "ID");
        ck_assert_int_eq(pn_dataset_add_actor(ds, &a, NULL), 0);
    }
    tg_add_ties(ds, edges, m, directed);
    return ds;
}

/* The graph of a whole dataset. */
static inline pn_graph *tg_graph(const pn_dataset *ds, bool directed, pn_weight_mode weight)
{
    pn_view v = PN_VIEW_INIT;
    v.directed = directed;
    v.weight = weight;
    pn_graph *g = NULL;
    ck_assert_int_eq(pn_view_graph(&g, ds, &v, NULL), 0);
    return g;
}

/* One metric as a new array (free()). */
static inline double *tg_metric(const pn_graph *g, const char *name)
{
    double *out = malloc((pn_graph_vertex_count(g) + 1) * sizeof(double));
    ck_assert_ptr_nonnull(out);
    int rc = pn_metric_vector(g, name, out, NULL);
    ck_assert_msg(rc == 0, "metric %s failed: %d", name, rc);
    return out;
}

/* Compare against expected values (NAN expects NaN), to within tol. */
static inline void tg_expect(const char *what, const double *got, const double *want, size_t n,
                             double tol)
{
    for (size_t i = 0; i < n; i++) {
        if (isnan(want[i]))
            ck_assert_msg(isnan(got[i]), "%s[%zu] = %g, wanted NaN", what, i, got[i]);
        else
            ck_assert_msg(fabs(got[i] - want[i]) <= tol, "%s[%zu] = %.9g, wanted %.9g", what, i,
                          got[i], want[i]);
    }
}

/* Load tests/data/florentine.txt: 16 families (Pucci isolated), 20 ties. */
static inline pn_dataset *tg_florentine(void)
{
    FILE *f = fopen(PN_TEST_DATA "/florentine.txt", "r");
    ck_assert_ptr_nonnull(f);
    char names[16][32], line[128];
    const char *ids[16];
    int edges[40];
    size_t n = 0, m = 0;
    bool in_ties = false;
    while (fgets(line, sizeof(line), f)) {
        line[strcspn(line, "\n")] = '\0';
        if (strcmp(line, "# ties") == 0) {
            in_ties = true;
            continue;
        }
        if (line[0] == '#' || line[0] == '\0')
            continue;
        if (!in_ties) {
            ck_assert_uint_lt(n, 16);
            snprintf(names[n], sizeof(names[n]), "%.31s", line);
            ids[n] = names[n];
            n++;
            continue;
        }
        char a[32], b[32];
        ck_assert_int_eq(sscanf(line, "%31s %31s", a, b), 2);
        int ia = -1, ib = -1;
        for (size_t i = 0; i < n; i++) {
            if (strcmp(names[i], a) == 0)
                ia = (int)i;
            if (strcmp(names[i], b) == 0)
                ib = (int)i;
        }
        ck_assert(ia >= 0 && ib >= 0 && m < 20);
        edges[2 * m] = ia;
        edges[2 * m + 1] = ib;
        m++;
    }
    fclose(f);
    ck_assert_uint_eq(n, 16);
    ck_assert_uint_eq(m, 20);
    return tg_build(n, ids, NULL, NULL, edges, m, false);
}

/* Zachary's karate club from igraph_famous (34 members, 78 ties), vertex i = "k{i+1}". */
static inline pn_dataset *tg_karate(void)
{
    igraph_t k;
    ck_assert_int_eq(igraph_famous(&k, "Zachary"), IGRAPH_SUCCESS);
    int edges[2 * 78];
    ck_assert_int_eq(igraph_ecount(&k), 78);
    for (igraph_integer_t e = 0; e < 78; e++) {
        edges[2 * e] = (int)IGRAPH_FROM(&k, e);
        edges[2 * e + 1] = (int)IGRAPH_TO(&k, e);
    }
    igraph_destroy(&k);
    char names[34][8];
    const char *ids[34];
    for (int i = 0; i < 34; i++) {
        snprintf(names[i], sizeof(names[i]), "k%d", i + 1);
        ids[i] = names[i];
    }
    return tg_build(34, ids, NULL, NULL, edges, 78, false);
}

#endif
