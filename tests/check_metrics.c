/* Per-actor and network metrics against values that do not come from this
 * code: published values, hand computation, and NetworkX 2.8.8 /
 * python-igraph 0.10.2 (tests/ref/metrics_reference.py produced the long
 * vectors below; run with /usr/bin/python3). */
#include "graphs.h"

#define TOL 1e-6

static void check_metric(const pn_graph *g, const char *name, const double *want, double tol)
{
    double *got = tg_metric(g, name);
    tg_expect(name, got, want, pn_graph_vertex_count(g), tol);
    free(got);
}

/* ---- hand-computed small graphs (docs/metrics.md has the formulas) ---- */

START_TEST(path4)
{
    /* v0 - v1 - v2 - v3 */
    static const int e[] = {0, 1, 1, 2, 2, 3};
    pn_dataset *ds = tg_build(4, NULL, NULL, NULL, e, 3, false);
    pn_graph *g = tg_graph(ds, false, PN_WEIGHT_NONE);
    check_metric(g, "degree", (double[]){1, 2, 2, 1}, 0);
    /* v1 lies on v0-v2 and v0-v3. */
    check_metric(g, "betweenness", (double[]){0, 2, 2, 0}, TOL);
    /* v0: 3 / (1 + 2 + 3); v1: 3 / (1 + 1 + 2) */
    check_metric(g, "closeness", (double[]){0.5, 0.75, 0.75, 0.5}, TOL);
    /* v0: (1 + 1/2 + 1/3) / 3; v1: (1 + 1 + 1/2) / 3 */
    check_metric(g, "harmonic", (double[]){11.0 / 18, 2.5 / 3, 2.5 / 3, 11.0 / 18}, TOL);
    /* one contact: (p=1)^2; two unconnected contacts: 2 (1/2)^2 */
    check_metric(g, "constraint", (double[]){1, 0.5, 0.5, 1}, TOL);
    check_metric(g, "effective-size", (double[]){1, 2, 2, 1}, TOL);
    check_metric(g, "coreness", (double[]){1, 1, 1, 1}, 0);
    check_metric(g, "component", (double[]){0, 0, 0, 0}, 0);
    pn_graph_free(g);
    pn_dataset_free(ds);
}
END_TEST

START_TEST(star5)
{
    static const int e[] = {0, 1, 0, 2, 0, 3, 0, 4};
    pn_dataset *ds = tg_build(5, NULL, NULL, NULL, e, 4, false);
    pn_graph *g = tg_graph(ds, false, PN_WEIGHT_NONE);
    check_metric(g, "degree", (double[]){4, 1, 1, 1, 1}, 0);
    check_metric(g, "betweenness", (double[]){6, 0, 0, 0, 0}, TOL); /* C(4,2) pairs of leaves */
    check_metric(g, "closeness", (double[]){1, 4.0 / 7, 4.0 / 7, 4.0 / 7, 4.0 / 7}, TOL);
    check_metric(g, "harmonic", (double[]){1, 0.625, 0.625, 0.625, 0.625}, TOL);
    /* lambda = 2: x_leaf = x_centre / 2 */
    check_metric(g, "eigenvector", (double[]){1, 0.5, 0.5, 0.5, 0.5}, TOL);
    /* p_c = 0.15/5 + 0.85 * 4 p_l, p_l = (1 - p_c) / 4  =>  p_c = 0.88 / 1.85 */
    double pc = 0.88 / 1.85, pl = (1 - pc) / 4;
    check_metric(g, "pagerank", (double[]){pc, pl, pl, pl, pl}, TOL);
    check_metric(g, "constraint", (double[]){0.25, 1, 1, 1, 1}, TOL);
    check_metric(g, "effective-size", (double[]){4, 1, 1, 1, 1}, TOL);
    pn_graph_free(g);
    pn_dataset_free(ds);
}
END_TEST

START_TEST(triangle_pendant)
{
    /* triangle v0 v1 v2, v3 hangs on v2 */
    static const int e[] = {0, 1, 1, 2, 0, 2, 2, 3};
    pn_dataset *ds = tg_build(4, NULL, NULL, NULL, e, 4, false);
    pn_graph *g = tg_graph(ds, false, PN_WEIGHT_NONE);
    check_metric(g, "betweenness", (double[]){0, 0, 2, 0}, TOL);
    check_metric(g, "closeness", (double[]){0.75, 0.75, 1, 0.6}, TOL);
    /* Borgatti: n - 2t/n; v2: 3 - 2/3; v0: 2 - 1 */
    check_metric(g, "effective-size", (double[]){1, 1, 3 - 2.0 / 3, 1}, TOL);
    /* v0: (1/2 + 1/2 * 1/3)^2 + (1/2 + 1/2 * 1/2)^2; v2: 2 (1/3 + 1/3 * 1/2)^2 + (1/3)^2 */
    double c0 = 4.0 / 9 + 0.5625, c2 = 0.5 + 1.0 / 9;
    check_metric(g, "constraint", (double[]){c0, c0, c2, 1}, TOL);
    check_metric(g, "coreness", (double[]){2, 2, 2, 1}, 0);
    pn_network_metrics m;
    ck_assert_int_eq(pn_network_metrics_compute(g, &m, NULL), 0);
    ck_assert_uint_eq(m.actors, 4);
    ck_assert_uint_eq(m.ties, 4);
    ck_assert_uint_eq(m.components, 1);
    ck_assert_double_eq_tol(m.density, 4.0 / 6, TOL);
    ck_assert_double_eq_tol(m.transitivity, 3.0 / 5, TOL); /* 1 triangle, 5 connected triples */
    ck_assert_double_eq_tol(m.diameter, 2, TOL);
    ck_assert_double_eq_tol(m.mean_path, 8.0 / 6, TOL); /* 4 pairs at 1, 2 at 2 */
    pn_graph_free(g);
    pn_dataset_free(ds);
}
END_TEST

/* ---- Zachary's karate club (igraph_famous("Zachary")) ---- */

START_TEST(karate)
{
    pn_dataset *ds = tg_karate();
    pn_graph *g = tg_graph(ds, false, PN_WEIGHT_NONE);
    double *deg = tg_metric(g, "degree");
    /* Zachary (1977): the instructor (1) has 16 ties, the administrator (34) 17. */
    ck_assert_double_eq(deg[0], 16);
    ck_assert_double_eq(deg[33], 17);
    free(deg);
    /* NetworkX 2.8.8, see the file comment. */
    static const double betweenness[] = {
        231.071429,  28.4785714, 75.8507937,  6.28809524,  0.333333333, 15.8333333, 15.8333333,
        0,           29.5293651, 0.447619048, 0.333333333, 0,           0,          24.215873,
        0,           0,          0,           0,           0,           17.1468254, 0,
        0,           0,          9.3,         1.16666667,  2.02777778,  0,          11.7920635,
        0.947619048, 1.54285714, 7.60952381,  73.0095238,  76.6904762,  160.551587};
    static const double closeness[] = {
        0.568965517, 0.485294118, 0.559322034, 0.464788732, 0.379310345, 0.38372093,  0.38372093,
        0.44,        0.515625,    0.434210526, 0.379310345, 0.366666667, 0.370786517, 0.515625,
        0.370786517, 0.370786517, 0.284482759, 0.375,       0.370786517, 0.5,         0.370786517,
        0.375,       0.370786517, 0.392857143, 0.375,       0.375,       0.362637363, 0.458333333,
        0.452054795, 0.38372093,  0.458333333, 0.540983607, 0.515625,    0.55};
    static const double harmonic[] = {
        0.702020202, 0.580808081, 0.636363636, 0.535353535, 0.444444444, 0.45959596,  0.45959596,
        0.497474747, 0.560606061, 0.472222222, 0.444444444, 0.409090909, 0.424242424, 0.560606061,
        0.43030303,  0.43030303,  0.336363636, 0.429292929, 0.43030303,  0.53030303,  0.43030303,
        0.429292929, 0.43030303,  0.485858586, 0.421717172, 0.421717172, 0.422727273, 0.512626263,
        0.497474747, 0.465656566, 0.512626263, 0.585858586, 0.633838384, 0.704545455};
    static const double eigenvector[] = {0.952132366,  0.712335139,
                                         0.8495542,    0.565614307,
                                         0.203471481,  0.212883829,
                                         0.212883829,  0.457890934,
                                         0.609068442,  0.274998115,
                                         0.203471481,  0.141566333,
                                         0.225663825,  0.606574392,
                                         0.271593957,  0.271593957,
                                         0.0633046079, 0.247478786,
                                         0.271593957,  0.396162244,
                                         0.271593957,  0.247478786,
                                         0.271593957,  0.402070861,
                                         0.152806702,  0.158575971,
                                         0.202428517,  0.357499231,
                                         0.351072972,  0.361473015,
                                         0.468064811,  0.511656487,
                                         0.826658858,  1};
    static const double pagerank[] = {
        0.0969972854, 0.0528769241, 0.0570785095, 0.0358598578, 0.0219779524, 0.0291111547,
        0.0291111547, 0.024490497,  0.0297660561, 0.0143093971, 0.0219779524, 0.00956474549,
        0.014644892,  0.0295364562, 0.014535994,  0.014535994,  0.0167840054, 0.0145586772,
        0.014535994,  0.0196046363, 0.014535994,  0.0145586772, 0.014535994,  0.0315225148,
        0.0210760336, 0.0210061974, 0.0150440381, 0.0256397675, 0.0195734595, 0.0262885377,
        0.0245901552, 0.0371580871, 0.071693226,  0.100919182};
    static const double constraint[] = {
        0.155423298, 0.279535108, 0.18517664,  0.396659647, 0.529417438, 0.477484809, 0.477484809,
        0.442711589, 0.303600714, 0.5,         0.529417438, 1,           0.62250434,  0.323335417,
        0.573679594, 0.573679594, 0.78125,     0.590868538, 0.573679594, 0.37371935,  0.573679594,
        0.590868538, 0.573679594, 0.305823722, 0.459876543, 0.459876543, 0.670901817, 0.285069204,
        0.386913153, 0.449409001, 0.346006464, 0.244575404, 0.249223362, 0.156418685};
    static const double effective[] = {
        13.75, 6.33333333, 7.8, 2.66666667, 1.66666667, 2.5,        2.5,        1,          3,
        2,     1.66666667, 1,   1,          2.6,        1,          1,          1,          1,
        1,     2.33333333, 1,   1,          1,          3.4,        2.33333333, 2.33333333, 1,
        3.5,   2.33333333, 2,   2.5,        5,          9.83333333, 15.2352941};
    static const double coreness[] = {4, 4, 4, 4, 3, 3, 3, 4, 4, 2, 3, 1, 2, 4, 2, 2, 2,
                                      2, 2, 3, 2, 2, 2, 3, 3, 3, 2, 3, 3, 3, 4, 3, 4, 4};
    check_metric(g, "betweenness", betweenness, 1e-5);
    check_metric(g, "closeness", closeness, TOL);
    check_metric(g, "harmonic", harmonic, TOL);
    check_metric(g, "eigenvector", eigenvector, TOL);
    check_metric(g, "pagerank", pagerank, TOL);
    check_metric(g, "constraint", constraint, TOL);
    check_metric(g, "effective-size", effective, 1e-5);
    check_metric(g, "coreness", coreness, 0);
    pn_network_metrics m;
    ck_assert_int_eq(pn_network_metrics_compute(g, &m, NULL), 0);
    ck_assert_uint_eq(m.ties, 78);
    ck_assert_double_eq_tol(m.transitivity, 0.255681818, TOL); /* nx.transitivity */
    ck_assert_double_eq_tol(m.density, 0.139037433, TOL);      /* nx.density */
    ck_assert_double_eq(m.diameter, 5);
    /* Louvain on the karate club: Blondel et al. and igraph find Q of about 0.42. */
    ck_assert_msg(m.modularity > 0.40 && m.modularity < 0.43, "modularity %g", m.modularity);
    pn_graph_free(g);
    pn_dataset_free(ds);
}
END_TEST

/* ---- Padgett's Florentine families, marriage ties (tests/data/florentine.txt) ---- */

START_TEST(florentine)
{
    pn_dataset *ds = tg_florentine();
    pn_graph *g = tg_graph(ds, false, PN_WEIGHT_NONE);
    size_t medici = 8, pucci = 11;
    double *b = tg_metric(g, "betweenness"), *c = tg_metric(g, "closeness"),
           *d = tg_metric(g, "degree");
    /* Published: Wasserman & Faust (1994), the marriage network without the
     * isolated Pucci (n = 15): Medici degree 6, normalised betweenness .522
     * (= 47.5 / (14 * 13 / 2)) and closeness .560. */
    ck_assert_double_eq(d[medici], 6);
    ck_assert_double_eq_tol(b[medici], 47.5, TOL);
    ck_assert_double_eq_tol(b[medici] / 91, 0.522, 5e-4);
    ck_assert_double_eq_tol(c[medici], 0.560, 5e-4);
    ck_assert(isnan(c[pucci])); /* igraph: no reachable actor gives NaN */
    free(b);
    free(c);
    free(d);
    /* NetworkX 2.8.8; for Pucci NetworkX gives closeness 0, igraph NaN. */
    static const double betweenness[] = {0,          19.3333333, 8.5,        9.5,       5, 0,
                                         23.1666667, 0,          47.5,       0,         2, 0,
                                         10.3333333, 13,         9.33333333, 8.33333333};
    static const double harmonic[] = {0.394444444, 0.522222222, 0.472222222, 0.48,
                                      0.461111111, 0.355555556, 0.538888889, 0.357777778,
                                      0.633333333, 0.317777778, 0.452222222, 0,
                                      0.533333333, 0.438888889, 0.522222222, 0.522222222};
    static const double pagerank[] = {0.0303538984, 0.0783388642, 0.0498029575, 0.0681799957,
                                      0.0686437382, 0.0320970016, 0.0974235974, 0.0306035045,
                                      0.14437347,   0.0356969032, 0.0672032772, 0.0099009901,
                                      0.0688854124, 0.0606962661, 0.0872261768, 0.0705739464};
    static const double constraint[] = {
        1, 0.333333333, 0.5, 0.482253086, 0.482253086, 1,           0.25,       1, 0.209876543,
        1, 0.655864198, NAN, 0.459876543, 0.5,         0.458333333, 0.459876543};
    static const double effective[] = {1,          3, 2,          2.33333333, 2.33333333, 1,
                                       4,          1, 5.66666667, 1,          1.66666667, NAN,
                                       2.33333333, 2, 3,          2.33333333};
    static const double coreness[] = {1, 2, 2, 2, 2, 1, 2, 1, 2, 1, 2, 0, 2, 1, 2, 2};
    check_metric(g, "betweenness", betweenness, 1e-5);
    check_metric(g, "harmonic", harmonic, TOL);
    check_metric(g, "pagerank", pagerank, TOL);
    check_metric(g, "constraint", constraint, TOL);
    check_metric(g, "effective-size", effective, 1e-5);
    check_metric(g, "coreness", coreness, 0);
    double *comp = tg_metric(g, "component");
    ck_assert_double_eq(comp[0], 0);
    ck_assert_double_eq(comp[pucci], 1); /* the isolate is the second component */
    free(comp);
    pn_network_metrics m;
    ck_assert_int_eq(pn_network_metrics_compute(g, &m, NULL), 0);
    ck_assert_uint_eq(m.actors, 16);
    ck_assert_uint_eq(m.ties, 20);
    ck_assert_uint_eq(m.components, 2);
    ck_assert_double_eq_tol(m.density, 20.0 / 120, TOL);
    ck_assert_double_eq_tol(m.transitivity, 0.191489362, TOL);
    /* Paths only between connected pairs: the same as without Pucci (nx). */
    ck_assert_double_eq_tol(m.mean_path, 2.48571429, 1e-6);
    ck_assert_double_eq(m.diameter, 5);
    pn_graph_free(g);
    pn_dataset_free(ds);
}
END_TEST

/* ---- directed and weighted, against NetworkX ---- */

START_TEST(directed6)
{
    static const int e[] = {0, 1, 1, 2, 2, 0, 2, 3, 3, 4, 4, 3, 4, 5, 1, 5};
    pn_dataset *ds = tg_build(6, NULL, NULL, NULL, e, 8, true);
    pn_graph *g = tg_graph(ds, true, PN_WEIGHT_NONE);
    check_metric(g, "in-degree", (double[]){1, 1, 1, 2, 1, 2}, 0);
    check_metric(g, "out-degree", (double[]){1, 2, 2, 1, 2, 0}, 0);
    check_metric(g, "degree", (double[]){2, 3, 3, 3, 3, 2}, 0);
    check_metric(g, "betweenness", (double[]){1.5, 4.5, 5, 3.5, 1.5, 0}, TOL);
    /* outgoing closeness; v5 reaches nobody: NaN (igraph), where nx says 0 */
    check_metric(g, "closeness",
                 (double[]){0.416666667, 0.555555556, 0.555555556, 0.666666667, 1, NAN}, TOL);
    check_metric(g, "harmonic", (double[]){0.516666667, 0.666666667, 0.666666667, 0.3, 0.4, 0},
                 TOL);
    check_metric(
        g, "pagerank",
        (double[]){0.104265405, 0.143593228, 0.115994755, 0.199806887, 0.224803488, 0.211536238},
        TOL);
    /* nx gives NaN to v5, which has no successor; paranet counts its two
     * contacts (4 and 1, not tied): 2 (see docs/metrics.md). */
    check_metric(g, "effective-size", (double[]){1, 2.33333333, 2.33333333, 2, 2, 2}, 1e-6);
    double *c = tg_metric(g, "constraint");
    tg_expect("constraint", c,
              (double[]){0.888888889, 0.558641975, 0.558641975, 0.555555556, 0.555555556}, 5, TOL);
    free(c);
    pn_graph_free(g);
    pn_dataset_free(ds);
}
END_TEST

START_TEST(weighted_count)
{
    /* Parallel ties merged and counted: weight w is w ties between a pair. */
    static const int e[] = {0, 1, 0, 1, 0, 2, 1, 2, 1, 2, 1, 2, 2,
                            3, 3, 4, 3, 4, 3, 4, 3, 4, 0, 3, 0, 3};
    pn_dataset *ds = tg_build(5, NULL, NULL, NULL, e, 13, false);
    pn_graph *g = tg_graph(ds, false, PN_WEIGHT_COUNT);
    ck_assert_uint_eq(pn_graph_edge_count(g), 6);
    check_metric(g, "strength", (double[]){5, 5, 5, 7, 4}, 0);
    check_metric(g, "degree", (double[]){3, 2, 3, 3, 1}, 0);
    /* NetworkX with weight="weight" on the merged graph */
    check_metric(g, "constraint", (double[]){0.71115102, 0.7328, 0.78795102, 0.465306122, 1}, TOL);
    check_metric(g, "effective-size", (double[]){2.21666667, 1.56666667, 1.96666667, 2.83333333, 1},
                 1e-6);
    check_metric(g, "eigenvector",
                 (double[]){0.782535855, 0.710523934, 0.736682987, 1, 0.752848977}, TOL);
    check_metric(g, "pagerank",
                 (double[]){0.192629748, 0.194254826, 0.193648454, 0.262141231, 0.157325741}, TOL);
    pn_network_metrics m;
    ck_assert_int_eq(pn_network_metrics_compute(g, &m, NULL), 0);
    ck_assert_uint_eq(m.ties, 13);
    ck_assert_uint_eq(m.edges, 6);
    pn_graph_free(g);
    pn_dataset_free(ds);
}
END_TEST

/* ---- the studies' dataset, by hand ---- */

/* Tangsel's degree, betweenness and closeness, Sinar Mas Land's and its
 * Japanese partner's betweenness, in a view of tangsel.json. */
static void tangsel_check(unsigned bases, double deg, double btw, double btw_sm, double clo)
{
    pn_dataset *ds = tu_load_file(PN_DATASETS "/tangsel.json");
    pn_view v = PN_VIEW_INIT;
    v.bases = bases;
    pn_graph *g = NULL;
    ck_assert_int_eq(pn_view_graph(&g, ds, &v, NULL), 0);
    size_t a, ts, sm, jp;
    ck_assert_int_eq(pn_dataset_find_actor(ds, "tangsel", &a), 0);
    ck_assert_int_eq(pn_graph_actor_vertex(g, a, &ts), 0);
    ck_assert_int_eq(pn_dataset_find_actor(ds, "sinarmas-land", &a), 0);
    ck_assert_int_eq(pn_graph_actor_vertex(g, a, &sm), 0);
    ck_assert_int_eq(pn_dataset_find_actor(ds, "sinarmas-land-jp-partner", &a), 0);
    ck_assert_int_eq(pn_graph_actor_vertex(g, a, &jp), 0);
    double *d = tg_metric(g, "degree"), *b = tg_metric(g, "betweenness"),
           *c = tg_metric(g, "closeness");
    ck_assert_double_eq(d[ts], deg);
    ck_assert_double_eq_tol(b[ts], btw, TOL);
    ck_assert_double_eq_tol(b[sm], btw_sm, TOL);
    ck_assert_double_eq_tol(b[jp], 0, TOL);
    ck_assert_double_eq_tol(c[ts], clo, TOL);
    free(d);
    free(b);
    free(c);
    pn_graph_free(g);
    pn_dataset_free(ds);
}

START_TEST(tangsel)
{
    /* The default view leaves out the three ties study 001 only recommends
     * (Bandung, Semarang and Seoul to Tangsel). Tangsel then has 23
     * partners; two more actors hang on one partner each: the Japanese firm
     * on Sinar Mas Land, the Korean research ministry on Daejeon. Every pair
     * of Tangsel's partners goes through Tangsel: C(23,2) = 253; plus the
     * Japanese firm to Tangsel's 22 other partners, the ministry to its 22
     * others, and the firm to the ministry: 253 + 22 + 22 + 1 = 298. Sinar
     * Mas Land lies between the Japanese firm and the 24 others of their
     * component (Bandung-Seoul and Semarang are apart). Closeness counts the
     * actors Tangsel reaches: 23 at 1 hop and two at 2, 25 / 27. */
    tangsel_check(0, 23, 298, 24, 25.0 / 27);
    /* Every basis: 26 partners; every pair of them but Bandung-Seoul (tied)
     * goes through Tangsel: C(26,2) - 1 = 324; plus 25 + 25 + 1 = 375; Sinar
     * Mas Land between the firm and the 27 others; 26 at 1 hop and two at 2:
     * 28 / 30. */
    tangsel_check(~0u, 26, 375, 27, 28.0 / 30);
}
END_TEST

/* ---- edge cases ---- */

START_TEST(empty_and_single)
{
    pn_dataset *ds = tg_build(0, NULL, NULL, NULL, NULL, 0, false);
    pn_graph *g = tg_graph(ds, false, PN_WEIGHT_NONE);
    double dummy[1] = {42};
    for (size_t i = 0; i < pn_metric_count(); i++)
        ck_assert_int_eq(pn_metric_vector(g, pn_metric_name(i), dummy, NULL), 0);
    ck_assert_double_eq(dummy[0], 42); /* nothing written */
    pn_network_metrics m;
    ck_assert_int_eq(pn_network_metrics_compute(g, &m, NULL), 0);
    ck_assert_uint_eq(m.actors, 0);
    ck_assert_uint_eq(m.components, 0);
    ck_assert(isnan(m.density));
    pn_graph_free(g);
    pn_dataset_free(ds);

    ds = tg_build(1, NULL, NULL, NULL, NULL, 0, false);
    g = tg_graph(ds, false, PN_WEIGHT_NONE);
    double *x;
    x = tg_metric(g, "degree");
    ck_assert_double_eq(x[0], 0);
    free(x);
    x = tg_metric(g, "betweenness");
    ck_assert_double_eq(x[0], 0);
    free(x);
    x = tg_metric(g, "closeness");
    ck_assert(isnan(x[0]));
    free(x);
    x = tg_metric(g, "constraint");
    ck_assert(isnan(x[0]));
    free(x);
    x = tg_metric(g, "eigenvector");
    ck_assert_double_eq(x[0], 0);
    free(x);
    x = tg_metric(g, "pagerank");
    ck_assert_double_eq_tol(x[0], 1, TOL);
    free(x);
    x = tg_metric(g, "community");
    ck_assert_double_eq(x[0], 0);
    free(x);
    ck_assert_int_eq(pn_network_metrics_compute(g, &m, NULL), 0);
    ck_assert_uint_eq(m.actors, 1);
    ck_assert_uint_eq(m.components, 1);
    ck_assert_uint_eq(m.communities, 1);
    pn_graph_free(g);
    pn_dataset_free(ds);
}
END_TEST

START_TEST(isolates_and_components)
{
    /* two pairs and an isolate: v0-v1, v2 alone, v3-v4 */
    static const int e[] = {0, 1, 3, 4};
    pn_dataset *ds = tg_build(5, NULL, NULL, NULL, e, 2, false);
    pn_graph *g = tg_graph(ds, false, PN_WEIGHT_NONE);
    check_metric(g, "component", (double[]){0, 0, 1, 2, 2}, 0);
    check_metric(g, "community", (double[]){0, 0, 1, 2, 2}, 0);
    check_metric(g, "closeness", (double[]){1, 1, NAN, 1, 1}, TOL);
    check_metric(g, "harmonic", (double[]){0.25, 0.25, 0, 0.25, 0.25}, TOL);
    check_metric(g, "effective-size", (double[]){1, 1, NAN, 1, 1}, TOL);
    pn_network_metrics m;
    ck_assert_int_eq(pn_network_metrics_compute(g, &m, NULL), 0);
    ck_assert_uint_eq(m.components, 3);
    ck_assert_double_eq(m.diameter, 1);
    ck_assert_double_eq_tol(m.mean_path, 1, TOL);
    ck_assert(isnan(m.transitivity));                /* no connected triple */
    ck_assert_double_eq_tol(m.modularity, 0.5, TOL); /* two equal cliques: 1 - 2 (1/2)^2 */
    pn_graph_free(g);
    pn_dataset_free(ds);
}
END_TEST

START_TEST(filter_removes_everything)
{
    static const int e[] = {0, 1, 1, 2};
    pn_dataset *ds = tg_build(3, NULL, NULL, NULL, e, 2, false);
    pn_view v = PN_VIEW_INIT;
    v.types = PN_BIT(PN_TYPE_B2B); /* every tie is g2g */
    v.drop_isolates = true;
    pn_graph *g = NULL;
    ck_assert_int_eq(pn_view_graph(&g, ds, &v, NULL), 0);
    ck_assert_uint_eq(pn_graph_vertex_count(g), 0);
    double dummy[1];
    ck_assert_int_eq(pn_metric_vector(g, "betweenness", dummy, NULL), 0);
    pn_network_metrics m;
    ck_assert_int_eq(pn_network_metrics_compute(g, &m, NULL), 0);
    ck_assert_uint_eq(m.ties, 0);
    pn_graph_free(g);
    pn_dataset_free(ds);
}
END_TEST

START_TEST(names_and_unknown)
{
    ck_assert_uint_eq(pn_metric_count(), 32);
    ck_assert_str_eq(pn_metric_name(0), "degree");
    ck_assert_ptr_null(pn_metric_name(pn_metric_count()));
    static const char *const contract[] = {
        "degree",      "strength", "betweenness", "closeness",      "harmonic",
        "eigenvector", "pagerank", "constraint",  "effective-size", "coreness"};
    for (size_t i = 0; i < sizeof(contract) / sizeof(contract[0]); i++)
        ck_assert_int_eq(pn_metric_find(contract[i], NULL), 0);
    static const int e[] = {0, 1};
    pn_dataset *ds = tg_build(2, NULL, NULL, NULL, e, 1, false);
    pn_graph *g = tg_graph(ds, false, PN_WEIGHT_NONE);
    pn_diags *d = NULL;
    ck_assert_int_eq(pn_diags_new(&d), 0);
    double out[2];
    ck_assert_int_eq(pn_metric_vector(g, "betweeness", out, d), PN_EINVAL);
    ck_assert_uint_eq(pn_diags_errors(d), 1);
    const char *msg = pn_diags_get(d, 0)->message;
    ck_assert_ptr_nonnull(strstr(msg, "did you mean \"betweenness\""));
    ck_assert_ptr_nonnull(strstr(msg, "effective-size"));
    pn_diags_free(d);
    pn_graph_free(g);
    pn_dataset_free(ds);
}
END_TEST

START_TEST(deterministic)
{
    /* Seeded: the same graph gives the same bits, twice. */
    pn_dataset *ds = tg_karate();
    pn_graph *g = tg_graph(ds, false, PN_WEIGHT_NONE);
    static const char *const names[] = {"eigenvector", "community", "hub", "pagerank"};
    for (size_t k = 0; k < 4; k++) {
        double *a = tg_metric(g, names[k]), *b = tg_metric(g, names[k]);
        ck_assert_int_eq(memcmp(a, b, 34 * sizeof(double)), 0);
        free(a);
        free(b);
    }
    pn_graph_free(g);
    pn_dataset_free(ds);
}
END_TEST

/* ---- constraint and effective size without the square of a degree ---- */

/* A star of k leaves: v0 the hub. */
static pn_dataset *star(size_t k, size_t extra_pairs)
{
    size_t m = k + extra_pairs;
    int *e = malloc(2 * m * sizeof(int));
    ck_assert_ptr_nonnull(e);
    for (size_t i = 0; i < k; i++) {
        e[2 * i] = 0;
        e[2 * i + 1] = (int)(i + 1);
    }
    /* leaf 2i+1 -- leaf 2i+2: triangles with the hub */
    for (size_t i = 0; i < extra_pairs; i++) {
        e[2 * (k + i)] = (int)(2 * i + 1);
        e[2 * (k + i) + 1] = (int)(2 * i + 2);
    }
    pn_dataset *ds = tg_build(k + 1, NULL, NULL, NULL, e, m, false);
    free(e);
    return ds;
}

START_TEST(hub_undirected_is_eigenvector)
{
    /* An undirected star of k leaves: A^2 has the leading eigenvalue k twice
     * (the centre alone, and the leaves together), so a solver of A^2 may
     * return any mix. Hub and authority are the eigenvector centrality: by
     * hand, A x = sqrt(k) x with x = (sqrt(k), 1, ..., 1), scaled to a
     * largest 1: the centre 1, each leaf 1/sqrt(k). The same bits whatever
     * ran before in the process (eigenvector, then hub; authority first). */
    for (size_t k = 2; k <= 5; k++) {
        pn_dataset *ds = star(k, 0);
        pn_graph *g = tg_graph(ds, false, PN_WEIGHT_NONE);
        double *e = tg_metric(g, "eigenvector"), *h = tg_metric(g, "hub");
        double *a = tg_metric(g, "authority"), *h2 = tg_metric(g, "hub");
        ck_assert_double_eq_tol(h[0], 1.0, 1e-12);
        for (size_t v = 1; v <= k; v++)
            ck_assert_double_eq_tol(h[v], 1.0 / sqrt((double)k), 1e-9);
        ck_assert_int_eq(memcmp(h, e, (k + 1) * sizeof(double)), 0);
        ck_assert_int_eq(memcmp(a, e, (k + 1) * sizeof(double)), 0);
        ck_assert_int_eq(memcmp(h2, e, (k + 1) * sizeof(double)), 0);
        free(e);
        free(h);
        free(a);
        free(h2);
        pn_graph_free(g);
        pn_dataset_free(ds);
    }
}
END_TEST

START_TEST(star_large)
{
    /* k = 20,000 leaves (a scan of the hub for every leaf: 4e8 steps before).
     * Hub: k contacts with no tie among them, p = 1/k each: constraint
     * k (1/k)^2 = 1/k, effective size k. A leaf: one contact, p = 1:
     * constraint 1, effective size 1. */
    size_t k = 20000;
    pn_dataset *ds = star(k, 0);
    pn_graph *g = tg_graph(ds, false, PN_WEIGHT_NONE);
    double *c = tg_metric(g, "constraint"), *es = tg_metric(g, "effective-size");
    ck_assert_double_eq_tol(c[0], 1.0 / (double)k, 1e-15);
    ck_assert_double_eq_tol(es[0], (double)k, 1e-9);
    for (size_t v = 1; v <= k; v++) {
        ck_assert_double_eq_tol(c[v], 1.0, 1e-12);
        ck_assert_double_eq_tol(es[v], 1.0, 1e-12);
    }
    free(c);
    free(es);
    pn_graph_free(g);
    pn_dataset_free(ds);
    /* With t pairs of leaves tied (t triangles with the hub): the hub's
     * effective size is n - 2t/n = k - 2t/k (Borgatti); a paired leaf has
     * two contacts tied to each other: 2 - 2/2 = 1. Its constraint, with
     * p(leaf, hub) = p(leaf, mate) = p(mate, hub) = 1/2 and p(hub, mate) =
     * 1/k: (1/2 + 1/2 * 1/2)^2 for the hub + (1/2 + 1/2 * 1/k)^2 for the mate. */
    size_t t = 1000;
    ds = star(k, t);
    g = tg_graph(ds, false, PN_WEIGHT_NONE);
    c = tg_metric(g, "constraint");
    es = tg_metric(g, "effective-size");
    ck_assert_double_eq_tol(es[0], (double)k - 2.0 * (double)t / (double)k, 1e-9);
    ck_assert_double_eq_tol(es[1], 1.0, 1e-12);
    ck_assert_double_eq_tol(es[2 * t + 1], 1.0, 1e-12); /* an unpaired leaf */
    double want = pow(0.5 + 0.5 / (double)k, 2) + pow(0.75, 2);
    ck_assert_double_eq_tol(c[1], want, 1e-12);
    ck_assert_double_eq_tol(c[2 * t + 1], 1.0, 1e-12);
    free(c);
    free(es);
    pn_graph_free(g);
    pn_dataset_free(ds);
}
END_TEST

START_TEST(constraint_igraph_bits)
{
    /* The same bits as igraph_constraint, on graphs where both ways of
     * finding shared contacts are taken: hubs with random ties, directed,
     * undirected, weighted. */
    unsigned long long x = 12345;
    for (int round = 0; round < 6; round++) {
        size_t n = 300, m = 0;
        int *e = malloc(2 * 3000 * sizeof(int));
        for (size_t v = 1; v < n; v += 2) { /* hubs 0 and 1 */
            e[2 * m] = (int)(v % 2);
            e[2 * m + 1] = (int)v;
            m++;
        }
        while (m < 1200) {
            x = x * 6364136223846793005ULL + 1442695040888963407ULL;
            int a = (int)((x >> 33) % n), b = (int)((x >> 13) % 40);
            if (a == b)
                continue;
            e[2 * m] = a;
            e[2 * m + 1] = b;
            m++;
        }
        bool directed = round % 2 == 1;
        pn_dataset *ds = tg_build(n, NULL, NULL, NULL, e, m, directed);
        pn_graph *g = tg_graph(ds, directed, round >= 2 ? PN_WEIGHT_COUNT : PN_WEIGHT_NONE);
        size_t nv = pn_graph_vertex_count(g);
        double *got = tg_metric(g, "constraint");
        igraph_vector_t res;
        ck_assert_int_eq(igraph_vector_init(&res, 0), 0);
        ck_assert_int_eq(
            igraph_constraint(pn_graph_igraph(g), &res, igraph_vss_all(), pn_graph_weights(g)), 0);
        for (size_t v = 0; v < nv; v++)
            ck_assert_msg(memcmp(&got[v], &VECTOR(res)[v], sizeof(double)) == 0 ||
                              (isnan(got[v]) && isnan(VECTOR(res)[v])),
                          "round %d vertex %zu: %.17g, igraph %.17g", round, v, got[v],
                          VECTOR(res)[v]);
        igraph_vector_destroy(&res);
        free(got);
        pn_graph_free(g);
        pn_dataset_free(ds);
        free(e);
    }
}
END_TEST

START_TEST(max_work)
{
    /* Over the estimate's limit: refused with a message, nothing hangs. */
    pn_dataset *ds = star(1000, 0);
    pn_graph *g = tg_graph(ds, false, PN_WEIGHT_NONE);
    pn_metric_options o = PN_METRIC_OPTIONS_INIT;
    o.max_work = 100;
    double *out = malloc(1001 * sizeof(double));
    static const char *const names[] = {"constraint", "effective-size", "brokerage"};
    for (size_t k = 0; k < 3; k++) {
        pn_diags *d = NULL;
        ck_assert_int_eq(pn_diags_new(&d), 0);
        ck_assert_int_eq(pn_metric_vector_opts(g, names[k], &o, out, d), PN_ELIMIT);
        ck_assert_uint_eq(pn_diags_count(d), 1);
        const char *msg = pn_diags_get(d, 0)->message;
        ck_assert_msg(strstr(msg, names[k]) && strstr(msg, "--max-work"), "%s", msg);
        pn_diags_free(d);
    }
    o.max_work = -1; /* no limit */
    ck_assert_int_eq(pn_metric_vector_opts(g, "constraint", &o, out, NULL), 0);
    ck_assert_double_eq_tol(out[0], 0.001, 1e-15);
    free(out);
    pn_graph_free(g);
    pn_dataset_free(ds);
}
END_TEST

START_TEST(eigenvector_components)
{
    /* 50 identical stars of 4 leaves: every part has the largest eigenvalue
     * (2), so each gets its own eigenvector scaled to 1: hub 1, leaves 1/2
     * (x_leaf = x_hub / lambda), in every copy, whatever ARPACK would mix. */
    size_t copies = 50, m = 0;
    int *e = malloc(copies * 8 * sizeof(int));
    for (size_t c = 0; c < copies; c++)
        for (int l = 1; l <= 4; l++) {
            e[2 * m] = (int)(5 * c);
            e[2 * m + 1] = (int)(5 * c) + l;
            m++;
        }
    pn_dataset *ds = tg_build(5 * copies, NULL, NULL, NULL, e, m, false);
    free(e);
    pn_graph *g = tg_graph(ds, false, PN_WEIGHT_NONE);
    double *x = tg_metric(g, "eigenvector");
    for (size_t v = 0; v < 5 * copies; v++)
        ck_assert_msg(fabs(x[v] - (v % 5 == 0 ? 1.0 : 0.5)) < 1e-9, "eigenvector[%zu] = %.12g", v,
                      x[v]);
    free(x);
    pn_graph_free(g);
    pn_dataset_free(ds);
    /* A single edge (lambda 1), a triangle (lambda 2) and an isolate: as
     * documented, only the part with the largest eigenvalue is non-zero. */
    static const int t[] = {0, 1, 2, 3, 3, 4, 4, 2};
    ds = tg_build(6, NULL, NULL, NULL, t, 4, false);
    g = tg_graph(ds, false, PN_WEIGHT_NONE);
    check_metric(g, "eigenvector", (double[]){0, 0, 1, 1, 1, 0}, 1e-9);
    pn_graph_free(g);
    pn_dataset_free(ds);
}
END_TEST

START_TEST(eigenvector_arpack_retry)
{
    /* ARPACK fails silently on some starts (igraph #2706): on one in four
     * starts for Tangerang Selatan's directed view, igraph reports the
     * eigenvalue 0 and all zeros. Graphs of that shape (a hub with mutual
     * ties to its partners, some one-way arcs between them), each with a
     * cycle, so the leading eigenvalue is positive: every result must be an
     * eigenvector, A^T x = lambda x with max x = 1, never a column of zeros. */
    unsigned long r = 12345;
    for (int trial = 0; trial < 400; trial++) {
        size_t n = 6 + (size_t)(trial % 31), m = 0;
        int *e = malloc(4 * n * sizeof(int));
        bool *dir = malloc(4 * n * sizeof(bool)), *seen = calloc(n * n, sizeof(bool));
        for (size_t v = 1; v < n; v++) { /* hub 0 <-> v, undirected */
            e[2 * m] = 0;
            e[2 * m + 1] = (int)v;
            dir[m++] = false;
        }
        for (size_t k = 0; k < n / 2; k++) { /* one-way arcs between partners */
            r = r * 6364136223846793005UL + 1442695040888963407UL;
            size_t a = 1 + (size_t)((r >> 33) % (n - 1)), b = 1 + (size_t)((r >> 13) % (n - 1));
            if (a == b || seen[a * n + b])
                continue; /* the view merges parallel ties into one arc */
            seen[a * n + b] = true;
            e[2 * m] = (int)a;
            e[2 * m + 1] = (int)b;
            dir[m++] = true;
        }
        pn_dataset *ds = tg_build(n, NULL, NULL, NULL, NULL, 0, false);
        for (size_t k = 0; k < m; k++) {
            pn_tie t;
            memset(&t, 0, sizeof(t));
            t.from = (size_t)e[2 * k];
            t.to = (size_t)e[2 * k + 1];
            t.type = PN_TYPE_G2G;
            t.directed = dir[k];
            ck_assert_int_eq(pn_dataset_add_tie(ds, &t, NULL), 0);
        }
        pn_graph *g = tg_graph(ds, true, PN_WEIGHT_NONE);
        double *x = tg_metric(g, "eigenvector");
        double *in = calloc(n, sizeof(double)), top = 0;
        for (size_t k = 0; k < m; k++) {
            size_t a = (size_t)e[2 * k], b = (size_t)e[2 * k + 1];
            in[b] += x[a];
            if (!dir[k])
                in[a] += x[b];
        }
        for (size_t v = 0; v < n; v++)
            top = x[v] > top ? x[v] : top;
        ck_assert_msg(fabs(top - 1) < 1e-9, "trial %d: max eigenvector %g, not 1", trial, top);
        double lambda = in[0] / x[0];
        for (size_t v = 0; v < n; v++)
            ck_assert_msg(fabs(in[v] - lambda * x[v]) < 1e-6, "trial %d: not an eigenvector at %zu",
                          trial, v);
        free(in);
        free(x);
        free(e);
        free(dir);
        free(seen);
        pn_graph_free(g);
        pn_dataset_free(ds);
    }
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("metrics");
    TCase *tc = tcase_create("metrics");
    tcase_add_test(tc, path4);
    tcase_add_test(tc, star5);
    tcase_add_test(tc, triangle_pendant);
    tcase_add_test(tc, karate);
    tcase_add_test(tc, florentine);
    tcase_add_test(tc, directed6);
    tcase_add_test(tc, weighted_count);
    tcase_add_test(tc, tangsel);
    tcase_add_test(tc, empty_and_single);
    tcase_add_test(tc, isolates_and_components);
    tcase_add_test(tc, filter_removes_everything);
    tcase_add_test(tc, names_and_unknown);
    tcase_add_test(tc, deterministic);
    tcase_add_test(tc, hub_undirected_is_eigenvector);
    tcase_add_test(tc, star_large);
    tcase_add_test(tc, constraint_igraph_bits);
    tcase_add_test(tc, max_work);
    tcase_add_test(tc, eigenvector_components);
    tcase_add_test(tc, eigenvector_arpack_retry);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(suite());
}
