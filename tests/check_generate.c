/* The synthetic network generator: reproducible, valid with no warnings,
 * shaped as docs/generate.md says. */
#include "testutil.h"

static pn_dataset *gen(size_t actors, uint64_t seed)
{
    pn_generate_options o = PN_GENERATE_OPTIONS_INIT;
    o.actors = actors;
    o.seed = seed;
    pn_dataset *ds = NULL;
    ck_assert_int_eq(pn_generate(&ds, &o, NULL), 0);
    return ds;
}

static char *saved(const pn_dataset *ds, size_t *len)
{
    char *text = NULL;
    ck_assert_int_eq(pn_dataset_save_buffer(ds, &text, len), 0);
    return text;
}

START_TEST(same_seed_same_bytes)
{
    pn_dataset *a = gen(2000, 7), *b = gen(2000, 7);
    size_t la, lb;
    char *ta = saved(a, &la), *tb = saved(b, &lb);
    ck_assert_uint_eq(la, lb);
    ck_assert(memcmp(ta, tb, la) == 0);
    free(ta);
    free(tb);
    pn_dataset_free(a);
    pn_dataset_free(b);
}
END_TEST

START_TEST(different_seed_different_bytes)
{
    pn_dataset *a = gen(2000, 7), *b = gen(2000, 8);
    size_t la, lb;
    char *ta = saved(a, &la), *tb = saved(b, &lb);
    ck_assert(la != lb || memcmp(ta, tb, la) != 0);
    free(ta);
    free(tb);
    pn_dataset_free(a);
    pn_dataset_free(b);
}
END_TEST

/* Saved and loaded back strictly: no error, no warning. */
START_TEST(validates_strictly)
{
    static const size_t sizes[] = {50, 51, 399, 400, 3000};
    for (size_t k = 0; k < sizeof(sizes) / sizeof(sizes[0]); k++) {
        pn_dataset *ds = gen(sizes[k], 1 + k);
        size_t len;
        char *text = saved(ds, &len);
        pn_diags *d = NULL;
        ck_assert_int_eq(pn_diags_new(&d), 0);
        pn_load_options lo = PN_LOAD_OPTIONS_INIT;
        lo.strict = true;
        pn_dataset *back = NULL;
        int rc = pn_dataset_load_buffer(&back, text, len, &lo, d);
        if (rc) {
            char line[512];
            pn_diag_format(pn_diags_get(d, 0), line, sizeof(line));
            ck_abort_msg("%zu actors: %s", sizes[k], line);
        }
        ck_assert_uint_eq(pn_diags_warnings(d), 0);
        ck_assert_uint_eq(pn_diags_errors(d), 0);
        ck_assert_uint_eq(pn_dataset_actor_count(back), sizes[k]);
        ck_assert_uint_eq(pn_dataset_tie_count(back), pn_dataset_tie_count(ds));
        ck_assert_int_eq(pn_dataset_validate(ds, &lo, d), 0);
        pn_dataset_free(back);
        pn_diags_free(d);
        free(text);
        pn_dataset_free(ds);
    }
}
END_TEST

static int cmp_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

START_TEST(counts_and_shape)
{
    const size_t n = 10000;
    pn_dataset *ds = gen(n, 3);
    ck_assert_uint_eq(pn_dataset_actor_count(ds), n);
    /* About 3 ties per actor: the default, 30000 here, reached exactly. */
    ck_assert_uint_eq(pn_dataset_tie_count(ds), 3 * n);
    size_t kinds[PN_KIND_COUNT] = {0}, types[PN_TYPE_COUNT] = {0}, statuses = 0;
    char seen[60][3];
    size_t n_countries = 0;
    for (size_t i = 0; i < n; i++) {
        const pn_actor *a = pn_dataset_actor(ds, i);
        kinds[a->kind]++;
        ck_assert(pn_country_valid(a->country));
        ck_assert_str_ne(a->country, "ZZ");
        bool found = false;
        for (size_t c = 0; c < n_countries && !found; c++)
            found = strcmp(seen[c], a->country) == 0;
        if (!found) {
            ck_assert_uint_lt(n_countries, 60);
            memcpy(seen[n_countries++], a->country, 3);
        }
    }
    ck_assert_uint_eq(n_countries, 60);
    ck_assert_uint_eq(kinds[PN_KIND_MINISTRY], 2 * 60);
    ck_assert_uint_eq(kinds[PN_KIND_ORGANISATION], n / 250);
    ck_assert_uint_gt(kinds[PN_KIND_CITY], n / 3);
    ck_assert_uint_gt(kinds[PN_KIND_UNIVERSITY], n / 10);
    ck_assert_uint_gt(kinds[PN_KIND_FIRM], n / 10);
    size_t *g2g = calloc(n, sizeof(size_t));
    for (size_t i = 0; i < pn_dataset_tie_count(ds); i++) {
        const pn_tie *t = pn_dataset_tie(ds, i);
        const pn_actor *a = pn_dataset_actor(ds, t->from), *b = pn_dataset_actor(ds, t->to);
        types[t->type]++;
        statuses += t->status != PN_STATUS_NONE;
        ck_assert_uint_ge(t->n_sources, 1);
        ck_assert_int_ge(t->since.year, 1990);
        ck_assert_int_le(t->since.year, 2024);
        if (t->until.year)
            ck_assert_int_ge(pn_date_compare(t->until, t->since), 0);
        if (t->type == PN_TYPE_G2G) {
            g2g[t->from]++;
            g2g[t->to]++;
        }
        if (t->type == PN_TYPE_VERTICAL) {
            ck_assert(t->directed);
            ck_assert_int_eq(a->kind, PN_KIND_MINISTRY);
            ck_assert_str_eq(a->country, b->country);
        }
        if (t->type == PN_TYPE_MEMBERSHIP) {
            ck_assert(t->directed);
            ck_assert_int_eq(b->kind, PN_KIND_ORGANISATION);
        }
    }
    for (int t = 0; t < PN_TYPE_COUNT; t++)
        ck_assert_msg(types[t] > n / 20, "type %s has %zu ties", pn_tie_type_name(t), types[t]);
    ck_assert_uint_eq(statuses, 3 * n);
    /* Heavy tail: among cities with a g2g tie, the largest degree is far
     * above the median (preferential attachment; a uniform draw gives a
     * maximum of about 3x the median here). */
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (g2g[i])
            g2g[m++] = g2g[i];
    qsort(g2g, m, sizeof(size_t), cmp_size);
    size_t median = g2g[m / 2], max = g2g[m - 1];
    ck_assert_uint_ge(median, 1);
    ck_assert_msg(max >= 20 * median, "max g2g degree %zu, median %zu", max, median);
    free(g2g);
    pn_dataset_free(ds);
}
END_TEST

START_TEST(bad_options)
{
    pn_generate_options o = PN_GENERATE_OPTIONS_INIT;
    pn_dataset *ds = NULL;
    pn_diags *d = NULL;
    ck_assert_int_eq(pn_diags_new(&d), 0);
    o.actors = 49;
    ck_assert_int_eq(pn_generate(&ds, &o, d), PN_EINVAL);
    ck_assert_ptr_null(ds);
    ck_assert_uint_eq(pn_diags_errors(d), 1);
    ck_assert_ptr_nonnull(strstr(pn_diags_get(d, 0)->message, "from 50"));
    o.actors = 100;
    o.ties_per_actor = 0.1;
    ck_assert_int_eq(pn_generate(&ds, &o, d), PN_EINVAL);
    ck_assert_int_eq(pn_generate(&ds, NULL, NULL), 0);
    ck_assert_uint_eq(pn_dataset_actor_count(ds), 1000);
    pn_dataset_free(ds);
    pn_diags_free(d);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("generate");
    TCase *tc = tcase_create("generate");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, same_seed_same_bytes);
    tcase_add_test(tc, different_seed_different_bytes);
    tcase_add_test(tc, validates_strictly);
    tcase_add_test(tc, counts_and_shape);
    tcase_add_test(tc, bad_options);
    suite_add_tcase(s, tc);
    return tu_run(s);
}
