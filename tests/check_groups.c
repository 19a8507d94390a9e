/* Group statistics (docs/metrics.md, "Groups"): the E-I index, Freeman
 * centralization, the brokerage roles' expected values and z-scores, and
 * assortativity by any attribute, against values computed by hand on small
 * graphs (worked in the comments). R sna's brokerage() gives the same
 * expected values and z-scores (tests/peers/groups.R checks them). */
#include "graphs.h"

/* The graph G1 of these tests: six actors a..f, regions north (a, b, c),
 * south (d, e), west (f); an extra field pop = 1..6 (f's left out with
 * no_pop_f) and lang; ties a-b a-c b-c c-d d-e e-f c-f. */
static const char *const g1_regions[] = {"north", "north", "north", "south", "south", "west"};
static const int g1_edges[] = {0, 1, 0, 2, 1, 2, 2, 3, 3, 4, 4, 5, 2, 5};

static pn_dataset *build(size_t n, const char *const *regions, const char *const *extra,
                         const int *edges, size_t m, bool directed)
{
    pn_dataset *ds = NULL;
    ck_assert_int_eq(pn_dataset_new(&ds), 0);
    for (size_t i = 0; i < n; i++) {
        char id[8];
        snprintf(id, sizeof(id), "%c", (char)('a' + i));
        pn_actor a;
        memset(&a, 0, sizeof(a));
        a.id = a.name = id;
        a.kind = PN_KIND_CITY;
        snprintf(a.country, sizeof(a.country), "%s", i % 2 ? "KR" : "ID");
        a.region = regions ? regions[i] : NULL;
        ck_assert_int_eq(pn_dataset_add_actor(ds, &a, NULL), 0);
        if (extra && extra[i])
            ck_assert_int_eq(pn_dataset_set_extra(ds, "actor", i, extra[i]), 0);
    }
    tg_add_ties(ds, edges, m, directed);
    return ds;
}

static pn_dataset *g1(bool no_pop_f)
{
    static const char *const extra[] = {
        "{\"pop\":1,\"lang\":\"x\"}",   "{\"pop\":2,\"lang\":\"x\"}", "{\"pop\":3,\"lang\":\"y\"}",
        "{\"pop\":4.0,\"lang\":\"y\"}", "{\"pop\":5,\"lang\":\"z\"}", "{\"pop\":6,\"lang\":\"z\"}"};
    const char *ex[6];
    memcpy(ex, extra, sizeof(ex));
    if (no_pop_f)
        ex[5] = "{\"lang\":\"z\"}";
    return build(6, g1_regions, ex, g1_edges, 7, false);
}

static void near(double got, double want, const char *what)
{
    if (isnan(want))
        ck_assert_msg(isnan(got), "%s = %g, wanted NaN", what, got);
    else
        ck_assert_msg(fabs(got - want) < 1e-9, "%s = %.12g, wanted %.12g", what, got, want);
}

/* ---- E-I ---- */

START_TEST(ei_by_region)
{
    pn_dataset *ds = g1(false);
    pn_graph *g = tg_graph(ds, false, PN_WEIGHT_NONE);
    pn_grouping *gr = NULL;
    ck_assert_int_eq(pn_grouping_new(g, "region", &gr, NULL), 0);
    ck_assert_uint_eq(gr->count, 3);
    ck_assert_str_eq(gr->names[0], "north");
    ck_assert_str_eq(gr->names[2], "west");
    ck_assert_uint_eq(gr->size[0], 3);
    ck_assert_uint_eq(gr->size[1], 2);
    ck_assert_uint_eq(gr->size[2], 1);
    pn_ei all, per[3];
    double actor[6];
    ck_assert_int_eq(pn_ei_index(g, gr, &all, per, actor, NULL), 0);
    /* Within: a-b a-c b-c d-e (4); between: c-d e-f c-f (3). */
    near(all.internal, 4, "I");
    near(all.external, 3, "E");
    near(all.ei, -1.0 / 7, "E-I");
    /* Possible pairs: within 3 + 1 + 0 = 4, between 15 - 4 = 11. */
    near(all.expected, 7.0 / 15, "expected E-I");
    /* north: 3 internal ties (6 ends), c-d and c-f out: (2 - 6) / 8. */
    near(per[0].internal, 6, "north I");
    near(per[0].external, 2, "north E");
    near(per[0].ei, -0.5, "north");
    near(per[0].expected, (6 - 6 + 1) / 5.0, "north expected"); /* (9 - 6) / 15 */
    near(per[1].ei, 0, "south");                                /* d-e twice; c-d, e-f */
    near(per[1].expected, 0.6, "south expected");
    near(per[2].ei, 1, "west");
    near(per[2].expected, 1, "west expected");
    static const double want[] = {-1, -1, 0, 0, 0, 1};
    tg_expect("actor E-I", actor, want, 6, 1e-12);
    /* The same as the metric "ei", grouped by region. */
    pn_metric_options mo = PN_METRIC_OPTIONS_INIT;
    mo.group_attribute = "region";
    double m[6];
    ck_assert_int_eq(pn_metric_vector_opts(g, "ei", &mo, m, NULL), 0);
    tg_expect("ei metric", m, want, 6, 1e-12);
    pn_grouping_free(gr);
    pn_graph_free(g);
    pn_dataset_free(ds);
}
END_TEST

START_TEST(ei_fields_and_missing)
{
    /* By the extra field lang: x (a, b), y (c, d), z (e, f). Within: a-b,
     * c-d, e-f; between: a-c b-c d-e c-f. */
    pn_dataset *ds = g1(true);
    pn_graph *g = tg_graph(ds, false, PN_WEIGHT_NONE);
    pn_grouping *gr = NULL;
    pn_ei all;
    ck_assert_int_eq(pn_grouping_new(g, "lang", &gr, NULL), 0);
    ck_assert_uint_eq(gr->count, 3);
    ck_assert_int_eq(pn_ei_index(g, gr, &all, NULL, NULL, NULL), 0);
    near(all.ei, (4 - 3) / 7.0, "lang E-I");
    near(all.expected, (12 - 3) / 15.0, "lang expected");
    pn_grouping_free(gr);
    /* By pop, f has none: the group of no value, last (NULL). 4.0 reads "4". */
    ck_assert_int_eq(pn_grouping_new(g, "pop", &gr, NULL), 0);
    ck_assert_uint_eq(gr->count, 6);
    ck_assert_str_eq(gr->names[3], "4");
    ck_assert_ptr_null(gr->names[5]);
    ck_assert_int_eq(gr->group[5], 5);
    pn_grouping_free(gr);
    /* No actor has it: refused, with a message. */
    pn_diags *d = NULL;
    ck_assert_int_eq(pn_diags_new(&d), 0);
    ck_assert_int_eq(pn_grouping_new(g, "popp", &gr, d), PN_ENOTFOUND);
    ck_assert_ptr_null(gr);
    ck_assert_uint_eq(pn_diags_count(d), 1);
    ck_assert_int_eq(pn_grouping_new(g, "", &gr, d), PN_EINVAL);
    pn_diags_free(d);
    pn_graph_free(g);
    pn_dataset_free(ds);
}
END_TEST

START_TEST(ei_directed)
{
    /* Arcs a -> b, b -> a, a -> c with a, b north and c south: 2 within
     * (a mutual pair counts two), 1 between. */
    static const char *const regions[] = {"north", "north", "south"};
    static const int e[] = {0, 1, 1, 0, 0, 2};
    pn_dataset *ds = build(3, regions, NULL, e, 3, true);
    pn_graph *g = tg_graph(ds, true, PN_WEIGHT_NONE);
    pn_grouping *gr = NULL;
    pn_ei all, per[2];
    double actor[3];
    ck_assert_int_eq(pn_grouping_new(g, "region", &gr, NULL), 0);
    ck_assert_int_eq(pn_ei_index(g, gr, &all, per, actor, NULL), 0);
    near(all.ei, -1.0 / 3, "directed E-I");
    near(per[0].ei, (1 - 4) / 5.0, "north"); /* 4 internal ends, a -> c */
    near(actor[0], (1 - 2) / 3.0, "a");
    near(actor[2], 1, "c");
    pn_grouping_free(gr);
    pn_graph_free(g);
    pn_dataset_free(ds);
}
END_TEST

/* ---- Centralization ---- */

static void centralization(size_t n, const int *e, size_t m, bool directed, double degree,
                           double betweenness, const char *what)
{
    pn_dataset *ds = build(n, NULL, NULL, e, m, directed);
    pn_graph *g = tg_graph(ds, directed, PN_WEIGHT_NONE);
    pn_network_metrics nm;
    ck_assert_int_eq(pn_network_metrics_compute(g, &nm, NULL), 0);
    near(nm.degree_centralization, degree, what);
    near(nm.betweenness_centralization, betweenness, what);
    pn_graph_free(g);
    pn_dataset_free(ds);
}

START_TEST(freeman)
{
    /* Star of 5: degree sum (4 - 1) * 4 = 12 over (n-1)(n-2) = 12;
     * betweenness: the hub's C(4, 2) = 6, times 4, over (n-1)^2 (n-2) / 2 = 24. */
    static const int star[] = {0, 1, 0, 2, 0, 3, 0, 4};
    centralization(5, star, 4, false, 1, 1, "star");
    static const int k4[] = {0, 1, 0, 2, 0, 3, 1, 2, 1, 3, 2, 3};
    centralization(4, k4, 6, false, 0, 0, "complete");
    /* Path a-b-c-d: degree (1 + 0 + 0 + 1) / 6; betweenness b and c 2
     * each: (2 + 0 + 0 + 2) / 9. */
    static const int path[] = {0, 1, 1, 2, 2, 3};
    centralization(4, path, 3, false, 1.0 / 3, 4.0 / 9, "path");
    /* Directed path: degree in + out, the same 2 over 2 (n-1)(n-2) = 12;
     * betweenness 4 over (n-1)^2 (n-2) = 18. */
    centralization(4, path, 3, true, 1.0 / 6, 4.0 / 18, "directed path");
    /* Out-star of 4: degree (2 + 2 + 2) / 12; no directed two-path. */
    centralization(4, star, 3, true, 0.5, 0, "out-star");
    centralization(2, path, 1, false, NAN, NAN, "two actors");
    /* G1: degrees 2 2 4 2 2 2: 10 / 20; betweenness c 6 + 1/2 (d-f), d and f
     * 1/2 + 1/2 + 1/2, e 1/2: (6.5 + 6.5 + 5 + 6 + 5) / (25 * 4 / 2). */
    centralization(6, g1_edges, 7, false, 0.5, 0.58, "g1");
}
END_TEST

/* ---- Brokerage against random groups ---- */

START_TEST(brokerage_expected_by_hand)
{
    /* N = 4, groups {2, 2}, density 0.5: D = d^2 (1-d) = 1/8, A = d^3 (1-d)^3
     * = B = d^4 (1-d)^2 = C = d^5 (1-d) = 1/64. Per actor:
     * coordinator D (n-1)(n-2) = 0; itinerant D * 2 * 1 = 1/4, var
     * 1/4 * 7/8; gatekeeper = representative D (N-n)(n-1) = 1/4, var 7/32 +
     * 2 ((n-1) C(N-n, 2) + (N-n) C(n-1, 2)) A = 7/32 + 2/64 = 1/4; liaison
     * D ((N-n)^2 - 4) = 0; total D (N-1)(N-2) = 3/4, var 21/32 + 12/64. */
    static const size_t sizes[] = {2, 2};
    enum { R = PN_BROKER_ROLE_COUNT + 1 };
    double ge[2 * R], gs[2 * R], te[R], ts[R];
    ck_assert_int_eq(pn_brokerage_expected(4, 0.5, sizes, 2, ge, gs, te, ts), 0);
    static const double want_e[R] = {0, 0.25, 0.25, 0.25, 0, 0.75};
    static const double want_sd[R] = {0, 0.46770717334674267, 0.5, 0.5, 0, 0.9185586535436918};
    tg_expect("group expected", ge + R, want_e, R, 1e-12);
    tg_expect("group sd", gs, want_sd, R, 1e-12);
    /* Whole network: itinerant D sum n (N-n)(n-1) = 1, var 7/8 + 12/16 - 3/8
     * = 5/4; gatekeeper 1, var 7/8 + sum n (N-n)(n-1) (N-3) A = 1; total
     * D N (N-1)(N-2) = 3, var 21/8 + 24 (6 - 4 + 1) / 64 = 15/4. */
    static const double want_te[R] = {0, 1, 1, 1, 0, 3};
    static const double want_ts[R] = {0, 1.118033988749895, 1, 1, 0, 1.9364916731037085};
    tg_expect("total expected", te, want_te, R, 1e-12);
    tg_expect("total sd", ts, want_ts, R, 1e-12);
    /* Three groups of one, density 1/4: D = 3/64; liaison per actor
     * D ((N-1)^2 - 2) = 3/32, var 3/32 (1 - D); the network's D (N S1^2 -
     * 2 S1 S2 - N S2 + 2 S3) = 6 D, var 6 D (1 - D) + 6 (2A - 2B) with
     * A = 27/4096, B = 9/4096. */
    static const size_t ones[] = {1, 1, 1};
    double ge3[3 * R], gs3[3 * R];
    ck_assert_int_eq(pn_brokerage_expected(3, 0.25, ones, 3, ge3, gs3, te, ts), 0);
    double D = 3.0 / 64;
    near(ge3[PN_BROKER_LIAISON], 2 * D, "liaison expected");
    near(gs3[PN_BROKER_LIAISON], sqrt(2 * D * (1 - D)), "liaison sd");
    near(te[PN_BROKER_LIAISON], 6 * D, "network liaison");
    near(ts[PN_BROKER_LIAISON], sqrt(6 * D * (1 - D) + 6 * (54.0 - 18.0) / 4096), "network sd");
    ck_assert_int_eq(pn_brokerage_expected(5, 0.5, ones, 3, NULL, NULL, NULL, NULL), PN_EINVAL);
}
END_TEST

START_TEST(brokerage_z_by_hand)
{
    /* Path a-b-c-d, regions X X Y Y: b stands on a -> b -> c
     * (representative) and c -> b -> a (gatekeeper), c likewise; density
     * 1/2. b: representative (1 - 1/4) / (1/2) = 1.5; total (2 - 3/4) /
     * 0.91856 = 1.36083; a: total -0.81650; itinerant -1/4 / 0.46771. */
    static const char *const regions[] = {"X", "X", "Y", "Y"};
    static const int path[] = {0, 1, 1, 2, 2, 3};
    pn_dataset *ds = build(4, regions, NULL, path, 3, false);
    pn_graph *g = tg_graph(ds, false, PN_WEIGHT_NONE);
    pn_metric_options mo = PN_METRIC_OPTIONS_INIT;
    mo.group_attribute = "region";
    const char *names[] = {"representative-z", "brokerage-z", "itinerant-z", "coordinator-z",
                           "gatekeeper"};
    double z[5][4];
    double *outs[] = {z[0], z[1], z[2], z[3], z[4]};
    ck_assert_int_eq(pn_metric_vectors(g, names, 5, &mo, outs, NULL), 0);
    static const double rep[] = {-0.5, 1.5, 1.5, -0.5};
    static const double tot[] = {-0.816496580927726, 1.3608276348795434, 1.3608276348795434,
                                 -0.816496580927726};
    static const double iti[] = {-0.5345224838248488, -0.5345224838248488, -0.5345224838248488,
                                 -0.5345224838248488};
    static const double coo[] = {NAN, NAN, NAN, NAN};
    static const double gate[] = {0, 1, 1, 0};
    tg_expect("representative-z", z[0], rep, 4, 1e-12);
    tg_expect("brokerage-z", z[1], tot, 4, 1e-12);
    tg_expect("itinerant-z", z[2], iti, 4, 1e-12);
    tg_expect("coordinator-z", z[3], coo, 4, 0);
    tg_expect("gatekeeper", z[4], gate, 4, 0);
    /* The network: representative 2 against 1 (sd 1), total 4 against 3. */
    pn_brokerage_totals t;
    ck_assert_int_eq(pn_brokerage_network(g, &mo, &t, NULL), 0);
    near(t.count[PN_BROKER_REPRESENTATIVE], 2, "representative");
    near(t.z[PN_BROKER_REPRESENTATIVE], 1, "representative z");
    near(t.count[PN_BROKER_ROLE_COUNT], 4, "total");
    near(t.z[PN_BROKER_ROLE_COUNT], 1 / 1.9364916731037085, "total z");
    near(t.z[PN_BROKER_ITINERANT], -1 / 1.118033988749895, "itinerant z");
    near(t.z[PN_BROKER_COORDINATOR], NAN, "coordinator z");
    pn_graph_free(g);
    pn_dataset_free(ds);
}
END_TEST

/* ---- Assortativity by any attribute ---- */

START_TEST(assortativity_by_attribute)
{
    pn_dataset *ds = g1(false);
    pn_graph *g = tg_graph(ds, false, PN_WEIGHT_NONE);
    double r;
    pn_assort_kind used;
    /* Region: e_kk = (6 + 2 + 0) / 14, a_k = (8, 4, 2) / 14:
     * (8/14 - 84/196) / (1 - 84/196) = 1/4 (NetworkX: 0.25). */
    ck_assert_int_eq(pn_assortativity_by(g, "region", PN_ASSORT_AUTO, &r, &used, NULL), 0);
    near(r, 0.25, "region");
    ck_assert_int_eq(used, PN_ASSORT_NOMINAL);
    /* pop, numeric: Pearson over both ends of the 7 edges = 61/124
     * (NetworkX numeric_assortativity_coefficient: 0.4919354838709671). */
    ck_assert_int_eq(pn_assortativity_by(g, "pop", PN_ASSORT_AUTO, &r, &used, NULL), 0);
    near(r, 61.0 / 124, "pop");
    ck_assert_int_eq(used, PN_ASSORT_NUMERIC);
    /* pop as categories (one per actor): (0 - 36/196) / (1 - 36/196) = -0.225. */
    ck_assert_int_eq(pn_assortativity_by(g, "pop", PN_ASSORT_NOMINAL, &r, NULL, NULL), 0);
    near(r, -0.225, "pop nominal");
    /* lang is text: nominal, x x y y z z: e_kk 2/14 each (a-b, c-d, e-f),
     * a = (4, 6, 4) / 14: (6/14 - 68/196) / (1 - 68/196) = 16/128. */
    ck_assert_int_eq(pn_assortativity_by(g, "lang", PN_ASSORT_AUTO, &r, &used, NULL), 0);
    near(r, 16.0 / 128, "lang");
    ck_assert_int_eq(pn_assortativity_by(g, "lang", PN_ASSORT_NUMERIC, &r, NULL, NULL), PN_EINVAL);
    ck_assert_int_eq(pn_assortativity_by(g, "region", PN_ASSORT_NUMERIC, &r, NULL, NULL),
                     PN_EINVAL);
    ck_assert_int_eq(pn_assortativity_by(g, "nothing", PN_ASSORT_AUTO, &r, NULL, NULL),
                     PN_ENOTFOUND);
    pn_graph_free(g);
    pn_dataset_free(ds);
    /* Without f's pop, f and its ties are left out: 19/39 by hand. */
    ds = g1(true);
    g = tg_graph(ds, false, PN_WEIGHT_NONE);
    ck_assert_int_eq(pn_assortativity_by(g, "pop", PN_ASSORT_AUTO, &r, &used, NULL), 0);
    near(r, 19.0 / 39, "pop without f");
    pn_graph_free(g);
    pn_dataset_free(ds);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("groups");
    TCase *tc = tcase_create("groups");
    tcase_add_test(tc, ei_by_region);
    tcase_add_test(tc, ei_fields_and_missing);
    tcase_add_test(tc, ei_directed);
    tcase_add_test(tc, freeman);
    tcase_add_test(tc, brokerage_expected_by_hand);
    tcase_add_test(tc, brokerage_z_by_hand);
    tcase_add_test(tc, assortativity_by_attribute);
    suite_add_tcase(s, tc);
    return tu_run(s);
}
