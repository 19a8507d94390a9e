/* Gould-Fernandez brokerage: hand-computed two-paths for each role, and the
 * R package sna's brokerage() on Padgett's Florentine families and a small
 * directed graph (tests/ref/brokerage_reference.R; sna 2.7, Debian 12). */
#include "graphs.h"

enum {
    C = PN_BROKER_COORDINATOR,
    I = PN_BROKER_ITINERANT,
    G = PN_BROKER_GATEKEEPER,
    R = PN_BROKER_REPRESENTATIVE,
    L = PN_BROKER_LIAISON,
    NR = PN_BROKER_ROLE_COUNT
};

/* Roles of every vertex of a dataset's graph, grouped by country. */
static double *roles(const pn_dataset *ds, bool directed)
{
    pn_graph *g = tg_graph(ds, directed, PN_WEIGHT_NONE);
    size_t n = pn_graph_vertex_count(g);
    int *group = malloc((n + 1) * sizeof(int));
    double *out = malloc((n * NR + 1) * sizeof(double));
    ck_assert(group && out);
    pn_graph_groups(g, PN_GROUP_COUNTRY, group);
    ck_assert_int_eq(pn_brokerage(g, group, out, NULL), 0);
    free(group);
    pn_graph_free(g);
    return out;
}

/* One directed two-path a -> b -> c with the given countries; b's roles. */
static void two_path(const char *ca, const char *cb, const char *cc, int want_role)
{
    static const int e[] = {0, 1, 1, 2};
    const char *countries[] = {ca, cb, cc};
    pn_dataset *ds = tg_build(3, NULL, countries, NULL, e, 2, true);
    double *r = roles(ds, true);
    for (int k = 0; k < NR; k++) {
        ck_assert_msg(r[1 * NR + k] == (k == want_role ? 1 : 0), "%s %s %s: role %d = %g", ca, cb,
                      cc, k, r[1 * NR + k]);
        ck_assert_double_eq(r[0 * NR + k], 0); /* ends broker nothing */
        ck_assert_double_eq(r[2 * NR + k], 0);
    }
    free(r);
    pn_dataset_free(ds);
}

START_TEST(each_role)
{
    two_path("ID", "ID", "ID", C); /* all in one group */
    two_path("ID", "KR", "ID", I); /* a and c together, broker outside */
    two_path("KR", "ID", "ID", G); /* broker and c together: guards its group's door */
    two_path("ID", "ID", "KR", R); /* a and broker together: speaks for its group */
    two_path("ID", "KR", "JP", L); /* three groups */
}
END_TEST

START_TEST(closed_and_reverse)
{
    /* a -> b -> c and a -> c: not brokerage. */
    static const int closed[] = {0, 1, 1, 2, 0, 2};
    pn_dataset *ds = tg_build(3, NULL, NULL, NULL, closed, 3, true);
    double *r = roles(ds, true);
    for (int k = 0; k < NR; k++)
        ck_assert_double_eq(r[1 * NR + k], 0);
    free(r);
    pn_dataset_free(ds);
    /* c -> a does not close a -> b -> c (G&F: only a direct a -> c does). */
    static const int rev[] = {0, 1, 1, 2, 2, 0};
    ds = tg_build(3, NULL, NULL, NULL, rev, 3, true);
    r = roles(ds, true);
    ck_assert_double_eq(r[1 * NR + C], 1);
    free(r);
    pn_dataset_free(ds);
}
END_TEST

START_TEST(undirected_counts_both_ways)
{
    /* a - b - c undirected, a and b in ID, c in KR: a->b->c makes b a
     * representative, c->b->a a gatekeeper. */
    static const int e[] = {0, 1, 1, 2};
    const char *countries[] = {"ID", "ID", "KR"};
    pn_dataset *ds = tg_build(3, NULL, countries, NULL, e, 2, false);
    double *r = roles(ds, false);
    ck_assert_double_eq(r[1 * NR + R], 1);
    ck_assert_double_eq(r[1 * NR + G], 1);
    ck_assert_double_eq(r[1 * NR + C] + r[1 * NR + I] + r[1 * NR + L], 0);
    free(r);
    pn_dataset_free(ds);
    /* A star centre with 3 same-group leaves: 3 * 2 ordered pairs. */
    static const int star[] = {0, 1, 0, 2, 0, 3};
    ds = tg_build(4, NULL, NULL, NULL, star, 3, false);
    r = roles(ds, false);
    ck_assert_double_eq(r[0 * NR + C], 6);
    free(r);
    pn_dataset_free(ds);
}
END_TEST

START_TEST(florentine_sna)
{
    /* Florentine families with arbitrary test groups by initial letter
     * (a-g, h-p, q-z), as in brokerage_reference.R. */
    pn_dataset *base = tg_florentine();
    size_t n = pn_dataset_actor_count(base);
    const char *ids[16], *countries[16];
    for (size_t i = 0; i < n; i++) {
        ids[i] = pn_dataset_actor(base, i)->id;
        countries[i] = ids[i][0] <= 'g' ? "AA" : ids[i][0] <= 'p' ? "BB" : "CC";
    }
    int e[40];
    for (size_t k = 0; k < pn_dataset_tie_count(base); k++) {
        e[2 * k] = (int)pn_dataset_tie(base, k)->from;
        e[2 * k + 1] = (int)pn_dataset_tie(base, k)->to;
    }
    pn_dataset *ds = tg_build(n, ids, countries, NULL, e, pn_dataset_tie_count(base), false);
    double *r = roles(ds, false);
    /* sna: w_I, w_O, b_OI, b_IO, b_O per family, in file order */
    static const double want[16][5] = {
        {0, 0, 0, 0, 0},   {2, 0, 2, 2, 0}, {0, 0, 1, 1, 0}, {0, 0, 2, 2, 0},
        {0, 0, 2, 2, 0},   {0, 0, 0, 0, 0}, {2, 0, 4, 4, 2}, {0, 0, 0, 0, 0},
        {0, 10, 0, 0, 18}, {0, 0, 0, 0, 0}, {0, 2, 0, 0, 0}, {0, 0, 0, 0, 0},
        {2, 0, 1, 1, 0},   {0, 2, 0, 0, 0}, {0, 2, 3, 3, 0}, {0, 0, 1, 1, 2}};
    for (size_t v = 0; v < n; v++)
        for (int k = 0; k < NR; k++)
            ck_assert_msg(r[v * NR + k] == want[v][k], "%s role %d: %g, sna %g", ids[v], k,
                          r[v * NR + k], want[v][k]);
    free(r);
    /* The metric vector gives the same, and the total (sna's t). */
    pn_graph *g = tg_graph(ds, false, PN_WEIGHT_NONE);
    double *t = tg_metric(g, "brokerage"), *lia = tg_metric(g, "liaison");
    ck_assert_double_eq(t[8], 28); /* Medici */
    ck_assert_double_eq(lia[8], 18);
    ck_assert_double_eq(t[6], 12); /* Guadagni */
    free(t);
    free(lia);
    pn_graph_free(g);
    pn_dataset_free(ds);
    pn_dataset_free(base);
}
END_TEST

START_TEST(directed_sna)
{
    static const int e[] = {0, 1, 1, 2, 2, 0, 2, 3, 3, 4, 4, 3, 4, 5, 1, 5};
    const char *countries[] = {"AA", "AA", "BB", "BB", "CC", "AA"};
    pn_dataset *ds = tg_build(6, NULL, countries, NULL, e, 8, true);
    double *r = roles(ds, true);
    static const double want[6][5] = {{0, 0, 1, 0, 0}, {1, 0, 0, 1, 0}, {0, 1, 1, 0, 0},
                                      {0, 0, 0, 1, 0}, {0, 0, 0, 0, 1}, {0, 0, 0, 0, 0}};
    for (size_t v = 0; v < 6; v++)
        for (int k = 0; k < NR; k++)
            ck_assert_msg(r[v * NR + k] == want[v][k], "v%zu role %d: %g, sna %g", v, k,
                          r[v * NR + k], want[v][k]);
    free(r);
    pn_dataset_free(ds);
}
END_TEST

START_TEST(groups_by_kind)
{
    /* Same countries, different kinds: by kind the broker is a liaison. */
    static const int e[] = {0, 1, 1, 2};
    const pn_kind kinds[] = {PN_KIND_CITY, PN_KIND_FIRM, PN_KIND_UNIVERSITY};
    pn_dataset *ds = tg_build(3, NULL, NULL, kinds, e, 2, true);
    pn_graph *g = tg_graph(ds, true, PN_WEIGHT_NONE);
    pn_metric_options o = PN_METRIC_OPTIONS_INIT;
    double out[3];
    ck_assert_int_eq(pn_metric_vector_opts(g, "liaison", &o, out, NULL), 0);
    ck_assert_double_eq(out[1], 0); /* by country (all ID): coordinator */
    o.groups = PN_GROUP_KIND;
    ck_assert_int_eq(pn_metric_vector_opts(g, "liaison", &o, out, NULL), 0);
    ck_assert_double_eq(out[1], 1);
    pn_graph_free(g);
    pn_dataset_free(ds);
}
END_TEST

START_TEST(empty)
{
    pn_dataset *ds = tg_build(0, NULL, NULL, NULL, NULL, 0, false);
    pn_graph *g = tg_graph(ds, false, PN_WEIGHT_NONE);
    double out[1] = {7};
    ck_assert_int_eq(pn_brokerage(g, NULL, out, NULL), 0);
    ck_assert_double_eq(out[0], 7);
    pn_graph_free(g);
    pn_dataset_free(ds);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("brokerage");
    TCase *tc = tcase_create("brokerage");
    tcase_add_test(tc, each_role);
    tcase_add_test(tc, closed_and_reverse);
    tcase_add_test(tc, undirected_counts_both_ways);
    tcase_add_test(tc, florentine_sna);
    tcase_add_test(tc, directed_sna);
    tcase_add_test(tc, groups_by_kind);
    tcase_add_test(tc, empty);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(suite());
}
