/* pn_aggregate and pn_mixing_new on the small hand-made dataset
 * (tests/data/aggregate/small.json; docs/aggregate.md works it out), and the
 * format's aggregate field. */
#include "testutil.h"

static pn_dataset *small(void)
{
    return tu_load_file(PN_TEST_DATA "/aggregate/small.json");
}

static long extra_int(const pn_dataset *ds, size_t actor, const char *key)
{
    const char *x = pn_dataset_extra(ds, "actor", actor);
    ck_assert_ptr_nonnull(x);
    const char *at = strstr(x, key);
    ck_assert_ptr_nonnull(at);
    return strtol(at + strlen(key) + 1, NULL, 10); /* after the colon */
}

START_TEST(by_country)
{
    pn_dataset *ds = small(), *agg = NULL;
    pn_aggregate_stats st;
    ck_assert_int_eq(pn_aggregate(&agg, ds, NULL, PN_AGGREGATE_COUNTRY, &st, NULL), 0);
    ck_assert_str_eq(pn_dataset_aggregate(agg), "country");
    ck_assert_uint_eq(st.groups, 4);
    ck_assert_uint_eq(st.actors, 7);
    ck_assert_uint_eq(st.unknown, 1);
    ck_assert_uint_eq(st.ties, 10);
    ck_assert_uint_eq(st.between, 8);
    ck_assert_uint_eq(st.within, 2);
    ck_assert_uint_eq(st.aggregated, 5);
    ck_assert_uint_eq(pn_dataset_actor_count(agg), 4);
    ck_assert_str_eq(pn_dataset_actor(agg, 0)->id, "country-de");
    ck_assert_str_eq(pn_dataset_actor(agg, 0)->name, "Germany");
    ck_assert_int_eq(pn_dataset_actor(agg, 0)->kind, PN_KIND_CITY);
    ck_assert_str_eq(pn_dataset_actor(agg, 3)->country, "ZZ");
    ck_assert_int_eq(extra_int(agg, 0, "\"actors\""), 3);
    ck_assert_int_eq(extra_int(agg, 0, "\"internal_ties\""), 2);
    double sum = 0;
    for (size_t i = 0; i < pn_dataset_tie_count(agg); i++) {
        const pn_tie *t = pn_dataset_tie(agg, i);
        ck_assert(t->has_weight);
        sum += t->weight;
    }
    ck_assert_double_eq(sum, 8);
    const pn_tie *t = pn_dataset_tie(agg, 0);
    ck_assert_int_eq(t->type, PN_TYPE_G2G);
    ck_assert_double_eq(t->weight, 4);
    ck_assert_uint_eq(t->n_sources, 2);
    ck_assert(pn_dataset_tie(agg, 1)->directed);
    /* Strictly valid, and it reads back as saved. */
    pn_diags *d = NULL;
    ck_assert_int_eq(pn_diags_new(&d), 0);
    pn_load_options strict = PN_LOAD_OPTIONS_INIT;
    strict.strict = true;
    ck_assert_int_eq(pn_dataset_validate(agg, &strict, d), 0);
    ck_assert_uint_eq(pn_diags_count(d), 0);
    pn_diags_free(d);
    char *text = NULL;
    size_t len = 0;
    ck_assert_int_eq(pn_dataset_save_buffer(agg, &text, &len), 0);
    pn_dataset *back = tu_load_text(text);
    ck_assert_str_eq(pn_dataset_aggregate(back), "country");
    free(text);
    pn_dataset_free(back);
    pn_dataset_free(agg);
    pn_dataset_free(ds);
}
END_TEST

START_TEST(a_view)
{
    pn_dataset *ds = small(), *agg = NULL;
    pn_view v = PN_VIEW_INIT;
    v.types = PN_BIT(PN_TYPE_G2G);
    v.bases = PN_VIEW_BASES_ALL;
    pn_aggregate_stats st;
    ck_assert_int_eq(pn_aggregate(&agg, ds, &v, PN_AGGREGATE_COUNTRY, &st, NULL), 0);
    ck_assert_uint_eq(st.ties, 5); /* t1 t2 t3 t10 and the recommended t11 */
    ck_assert_uint_eq(pn_dataset_tie_count(agg), 1);
    ck_assert_double_eq(pn_dataset_tie(agg, 0)->weight, 5);
    pn_dataset_free(agg);
    v.ego = "nobody";
    pn_diags *d = NULL;
    ck_assert_int_eq(pn_diags_new(&d), 0);
    ck_assert_int_eq(pn_aggregate(&agg, ds, &v, PN_AGGREGATE_KIND, NULL, d), PN_ENOTFOUND);
    ck_assert_ptr_null(agg);
    pn_diags_free(d);
    pn_dataset_free(ds);
}
END_TEST

START_TEST(mixing_arrays)
{
    pn_dataset *ds = small();
    pn_mixing *m = NULL;
    ck_assert_int_eq(pn_mixing_new(&m, ds, NULL, PN_AGGREGATE_COUNTRY, NULL), 0);
    ck_assert_uint_eq(m->n, 4);
    ck_assert_uint_eq(m->ties, 10);
    ck_assert_uint_eq(m->unknown, 1);
    ck_assert_str_eq(m->ids[1], "country-fr");
    ck_assert_str_eq(m->names[1], "France");
    static const double d[] = {11, 6, 2, 1};
    /* Observed by hand; expected d_i d_j / 20, d_i^2 / 40. */
    static const double o[4][4] = {{2, 5, 1, 1}, {5, 0, 1, 0}, {1, 1, 0, 0}, {1, 0, 0, 0}};
    double so = 0, se = 0;
    for (size_t i = 0; i < 4; i++) {
        ck_assert_double_eq(m->degree[i], d[i]);
        for (size_t j = 0; j < 4; j++) {
            double e = d[i] * d[j] / (i == j ? 40.0 : 20.0);
            ck_assert_double_eq(m->observed[i * 4 + j], o[i][j]);
            ck_assert_double_eq_tol(m->expected[i * 4 + j], e, 1e-12);
            if (j >= i) {
                so += m->observed[i * 4 + j];
                se += m->expected[i * 4 + j];
            }
        }
    }
    ck_assert_double_eq(so, 10);
    ck_assert_double_eq_tol(se, 10, 1e-12);
    pn_mixing_free(m);
    pn_mixing_free(NULL);
    /* No tie: expected 0, not NaN. */
    pn_view v = PN_VIEW_INIT;
    v.types = PN_BIT(PN_TYPE_B2B);
    ck_assert_int_eq(pn_mixing_new(&m, ds, &v, PN_AGGREGATE_KIND, NULL), 0);
    ck_assert_uint_eq(m->ties, 0);
    for (size_t k = 0; k < m->n * m->n; k++)
        ck_assert_double_eq(m->expected[k], 0);
    pn_mixing_free(m);
    pn_dataset_free(ds);
}
END_TEST

START_TEST(region_ids)
{
    pn_dataset *ds = tu_load_text(
        "{\"paranet\":1,\"actors\":["
        "{\"id\":\"a\",\"name\":\"A\",\"kind\":\"city\",\"country\":\"PL\",\"region\":\"Łódzkie\"},"
        "{\"id\":\"b\",\"name\":\"B\",\"kind\":\"city\",\"country\":\"PL\",\"region\":\"LODZKIE\"},"
        "{\"id\":\"c\",\"name\":\"C\",\"kind\":\"city\",\"country\":\"PL\",\"region\":\"서울\"},"
        "{\"id\":\"d\",\"name\":\"D\",\"kind\":\"city\",\"country\":\"PL\"}],\"ties\":[]}");
    pn_dataset *agg = NULL;
    ck_assert_int_eq(pn_aggregate(&agg, ds, NULL, PN_AGGREGATE_REGION, NULL, NULL), 0);
    ck_assert_uint_eq(pn_dataset_actor_count(agg), 4);
    /* By bytes: "LODZKIE" < "Ł..." < "서울"; the folded ids collide. */
    ck_assert_str_eq(pn_dataset_actor(agg, 0)->id, "region-pl-lodzkie");
    ck_assert_str_eq(pn_dataset_actor(agg, 1)->id, "region-pl-lodzkie-2");
    ck_assert_str_eq(pn_dataset_actor(agg, 1)->region, "Łódzkie");
    ck_assert_str_eq(pn_dataset_actor(agg, 2)->id, "region-pl-region");
    ck_assert_str_eq(pn_dataset_actor(agg, 3)->id, "region-pl-unknown");
    ck_assert_str_eq(pn_dataset_actor(agg, 3)->name, "Poland (region unknown)");
    pn_dataset_free(agg);
    pn_dataset_free(ds);
}
END_TEST

START_TEST(bad_field)
{
    static const char text[] = "{\"paranet\":1,\"aggregate\":\"continent\",\"actors\":[],"
                               "\"ties\":[]}";
    pn_diags *d = NULL;
    pn_dataset *ds = NULL;
    ck_assert_int_eq(pn_diags_new(&d), 0);
    ck_assert_int_ne(pn_dataset_load_buffer(&ds, text, strlen(text), NULL, d), 0);
    ck_assert_uint_eq(pn_diags_count(d), 1);
    ck_assert_str_eq(pn_diags_get(d, 0)->check, "bad-aggregate");
    ck_assert_int_eq(pn_diags_get(d, 0)->line, 1);
    pn_diags_free(d);
    pn_aggregate_by by;
    ck_assert_int_eq(pn_aggregate_by_parse("region", &by), 0);
    ck_assert_int_eq(by, PN_AGGREGATE_REGION);
    ck_assert_int_eq(pn_aggregate_by_parse("Region", &by), PN_EINVAL);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("aggregate");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, by_country);
    tcase_add_test(tc, a_view);
    tcase_add_test(tc, mixing_arrays);
    tcase_add_test(tc, region_ids);
    tcase_add_test(tc, bad_field);
    suite_add_tcase(s, tc);
    return tu_run(s);
}
