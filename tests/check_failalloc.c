/* Failure injection: make the n-th allocation of a load-and-analyse run fail,
 * for n = 1, 2, ... until the run needs fewer allocations than n, and check
 * that every failure is reported cleanly (PN_ENOMEM, never a crash, never a
 * success with something missing) and that nothing leaks.
 *
 * The library's own malloc/calloc/realloc/free are wrapped at link time
 * (-Wl,--wrap=..., tests/CMakeLists.txt) and jansson's through
 * json_set_alloc_funcs. igraph allocates on its own and is not counted. A
 * count of live blocks allocated and freed during a run catches leaks in
 * every build; ASan/LSan and valgrind
 * (CI runs the suite under both) catch them too, with stacks. */
#include <jansson.h>
#include <stdint.h>

#include "small_dataset.h"
#include "testutil.h"

void *__real_malloc(size_t size);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t size);
void __real_free(void *p);
void *__wrap_malloc(size_t size);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t size);
void __wrap_free(void *p);

/* The injector's state: global, as allocation itself is. */
static bool armed;             /* count and fail only inside a run */
static long fail_at;           /* the allocation number that fails (1-based) */
static long calls;             /* allocations seen in this run */
static long live;              /* blocks allocated and not yet freed, through the wrappers */
static bool failed_one;        /* the run met its injected failure */
static bool failed_in_jansson; /* the failed allocation was jansson's */
static char first_msg[512];    /* the first diagnostic of the run, for failure messages */
static const char *oddity;     /* a check that failed inside a run (Check's own asserts allocate) */

static bool inject(void)
{
    if (!armed)
        return false;
    if (++calls == fail_at) {
        failed_one = true;
        return true;
    }
    return false;
}

void *__wrap_malloc(size_t size)
{
    if (inject())
        return NULL;
    void *p = __real_malloc(size);
    if (p && armed)
        live++;
    return p;
}

void *__wrap_calloc(size_t n, size_t size)
{
    if (inject())
        return NULL;
    void *p = __real_calloc(n, size);
    if (p && armed)
        live++;
    return p;
}

void *__wrap_realloc(void *old, size_t size)
{
    if (inject())
        return NULL;
    void *p = __real_realloc(old, size);
    if (p && !old && armed)
        live++;
    return p;
}

void __wrap_free(void *p)
{
    if (p && armed)
        live--;
    __real_free(p);
}

static void *json_alloc(size_t size)
{
    void *p = __wrap_malloc(size);
    if (!p && failed_one)
        failed_in_jansson = true;
    return p;
}

static void json_release(void *p)
{
    __wrap_free(p);
}

/* A run: returns the library's code; *complete says whether every output
 * matched the reference computed without failures. */
typedef int (*run_fn)(bool *complete);

static char *ref_saved;
static size_t ref_saved_len;
static size_t ref_vertices, ref_edges;
static size_t ref_errors;

static const char broken_dataset[] =
    "{\"paranet\": 1, \"sources\": [{\"id\": \"s\", \"cite\": \"S\"}],"
    " \"actors\": ["
    "  {\"id\": \"a\", \"name\": \"A\", \"kind\": \"city\", \"country\": \"ID\"},"
    "  {\"id\": \"b\", \"name\": \"B\", \"kind\": \"citi\", \"country\": \"KR\"},"
    "  {\"id\": \"a\", \"name\": \"A2\", \"kind\": \"firm\", \"country\": \"Indonesia\"}],"
    " \"ties\": ["
    "  {\"from\": \"a\", \"to\": \"bb\", \"type\": \"g2g\", \"sources\": [\"t\"]},"
    "  {\"from\": \"a\", \"to\": \"b\", \"type\": \"g2x\", \"since\": 2019, \"until\": 2016,"
    "   \"weight\": -1, \"extra\": {\"x\": [1, 2]}}]}";

static void keep_first(const pn_diags *d)
{
    first_msg[0] = '\0';
    if (pn_diags_count(d) > 0)
        pn_diag_format(pn_diags_get(d, 0), first_msg, sizeof(first_msg));
}

/* Load, validate and save the small dataset. */
static int run_load_save(bool *complete)
{
    pn_diags *d = NULL;
    pn_dataset *ds = NULL;
    char *saved = NULL;
    size_t len = 0;
    int rc = pn_diags_new(&d);
    if (rc)
        return rc;
    if ((rc = pn_dataset_load_buffer(&ds, small_dataset, strlen(small_dataset), NULL, d)) != 0)
        goto cleanup;
    if (!ds)
        oddity = "load succeeded without a dataset";
    if ((rc = pn_dataset_validate(ds, NULL, d)) != 0)
        goto cleanup;
    if ((rc = pn_dataset_save_buffer(ds, &saved, &len)) != 0)
        goto cleanup;
    *complete = ref_saved && len == ref_saved_len && memcmp(saved, ref_saved, len) == 0;
    if (!ref_saved) {
        /* Kept outside the count of live blocks. */
        ref_saved = __real_malloc(len + 1);
        if (!ref_saved)
            abort();
        memcpy(ref_saved, saved, len + 1);
        ref_saved_len = len;
        *complete = true;
    }
cleanup:
    keep_first(d);
    free(saved);
    pn_dataset_free(ds);
    pn_diags_free(d);
    return rc;
}

/* Load, write the four CSV tables, import them back and save (formats/csv_*.c). */
static char *ref_csv;
static size_t ref_csv_len;
static int run_csv(bool *complete)
{
    pn_diags *d = NULL;
    pn_dataset *ds = NULL, *back = NULL;
    char *tables[PN_CSV_TABLE_COUNT] = {NULL}, *saved = NULL;
    size_t lens[PN_CSV_TABLE_COUNT], len = 0;
    int rc = pn_diags_new(&d);
    if (rc)
        return rc;
    if ((rc = pn_dataset_load_buffer(&ds, small_dataset, strlen(small_dataset), NULL, d)) != 0)
        goto cleanup;
    if ((rc = pn_csv_write_all(ds, ',', tables, lens)) != 0)
        goto cleanup;
    pn_csv_input in[PN_CSV_TABLE_COUNT];
    for (int t = 0; t < PN_CSV_TABLE_COUNT; t++) {
        in[t].name = pn_csv_table_name((pn_csv_table)t);
        in[t].data = tables[t];
        in[t].len = lens[t];
        in[t].table = PN_CSV_DETECT;
    }
    if ((rc = pn_csv_load(&back, in, PN_CSV_TABLE_COUNT, NULL, d)) != 0)
        goto cleanup;
    if ((rc = pn_dataset_save_buffer(back, &saved, &len)) != 0)
        goto cleanup;
    *complete = ref_csv && len == ref_csv_len && memcmp(saved, ref_csv, len) == 0;
    if (!ref_csv) {
        ref_csv = __real_malloc(len + 1);
        if (!ref_csv)
            abort();
        memcpy(ref_csv, saved, len + 1);
        ref_csv_len = len;
        *complete = true;
    }
cleanup:
    keep_first(d);
    free(saved);
    for (int t = 0; t < PN_CSV_TABLE_COUNT; t++)
        free(tables[t]);
    pn_dataset_free(back);
    pn_dataset_free(ds);
    pn_diags_free(d);
    return rc;
}

/* Load, then build the graph of a view (directed, weighted, a time filter). */
static int run_view_graph(bool *complete)
{
    pn_diags *d = NULL;
    pn_dataset *ds = NULL;
    pn_graph *g = NULL;
    int rc = pn_diags_new(&d);
    if (rc)
        return rc;
    if ((rc = pn_dataset_load_buffer(&ds, small_dataset, strlen(small_dataset), NULL, d)) != 0)
        goto cleanup;
    pn_view view = PN_VIEW_INIT;
    view.directed = true;
    view.weight = PN_WEIGHT_SUM;
    view.ego = "a";
    if ((rc = pn_view_graph(&g, ds, &view, d)) != 0)
        goto cleanup;
    size_t nv = pn_graph_vertex_count(g), ne = pn_graph_edge_count(g);
    if (ref_vertices == 0) {
        ref_vertices = nv;
        ref_edges = ne;
    }
    *complete = nv == ref_vertices && ne == ref_edges;
cleanup:
    keep_first(d);
    pn_graph_free(g);
    pn_dataset_free(ds);
    pn_diags_free(d);
    return rc;
}

/* Load a dataset with many errors: PN_EDATA with every error counted. */
static int run_broken(bool *complete)
{
    pn_diags *d = NULL;
    pn_dataset *ds = NULL;
    int rc = pn_diags_new(&d);
    if (rc)
        return rc;
    pn_diags_set_cap(d, 0);
    rc = pn_dataset_load_buffer(&ds, broken_dataset, strlen(broken_dataset), NULL, d);
    if (ds)
        oddity = "an invalid load gave a dataset";
    if (rc == PN_EDATA && !failed_in_jansson) {
        if (ref_errors == 0)
            ref_errors = pn_diags_errors(d);
        *complete = pn_diags_errors(d) == ref_errors;
        rc = 0;
    }
    keep_first(d);
    pn_diags_free(d);
    return rc;
}

/* Modules still in progress; run with PN_FAILALLOC_MORE=1 (not in CI yet). */
static int run_metrics(bool *complete)
{
    pn_diags *d = NULL;
    pn_dataset *ds = NULL;
    pn_graph *g = NULL;
    double *values = NULL;
    int rc = pn_diags_new(&d);
    if (rc)
        return rc;
    if ((rc = pn_dataset_load_buffer(&ds, small_dataset, strlen(small_dataset), NULL, d)) != 0)
        goto cleanup;
    pn_view view = PN_VIEW_INIT;
    if ((rc = pn_view_graph(&g, ds, &view, d)) != 0)
        goto cleanup;
    values = calloc(pn_graph_vertex_count(g) * PN_BROKER_ROLE_COUNT + 1, sizeof(*values));
    if (!values) {
        rc = PN_ENOMEM;
        goto cleanup;
    }
    for (size_t i = 0; i < pn_metric_count() && rc == 0; i++)
        rc = pn_metric_vector(g, pn_metric_name(i), values, d);
    pn_network_metrics nm;
    if (rc == 0)
        rc = pn_network_metrics_compute(g, &nm, d);
    *complete = true;
cleanup:
    keep_first(d);
    free(values);
    pn_graph_free(g);
    pn_dataset_free(ds);
    pn_diags_free(d);
    return rc;
}

static int run_diagram(bool *complete)
{
    pn_diags *d = NULL;
    pn_dataset *ds = NULL;
    char *out = NULL;
    size_t len = 0;
    int rc = pn_diags_new(&d);
    if (rc)
        return rc;
    if ((rc = pn_dataset_load_buffer(&ds, small_dataset, strlen(small_dataset), NULL, d)) != 0)
        goto cleanup;
    rc = pn_diagram_render(ds, NULL, "svg", &out, &len, d);
    *complete = rc == 0 && len > 0;
cleanup:
    keep_first(d);
    free(out);
    pn_dataset_free(ds);
    pn_diags_free(d);
    return rc;
}

/* Run fn with the n-th allocation failing, for every n; returns how many runs.
 * count_blocks: check the count of live blocks (off where Graphviz frees
 * blocks that it allocated itself through our free, or the reverse; ASan
 * and valgrind still see every leak). */
static long fail_each(const char *what, run_fn fn, bool count_blocks)
{
    bool complete = false;
    long nomem = 0;
    /* The reference run, without failures. */
    long before = live;
    failed_in_jansson = false;
    armed = true;
    fail_at = 0;
    calls = 0;
    failed_one = false;
    int rc = fn(&complete);
    armed = false;
    ck_assert_msg(!oddity, "%s: %s", what, oddity ? oddity : "");
    ck_assert_msg(rc == 0 && complete, "%s: the run fails without injection (%d)", what, rc);
    ck_assert_msg(!count_blocks || live == before, "%s: %ld blocks leaked without injection", what,
                  live - before);
    long total = calls;
    ck_assert_msg(total > 0, "%s: no allocation seen: is the wrapper linked?", what);
    for (long n = 1; n <= total; n++) {
        before = live;
        complete = false;
        fail_at = n;
        calls = 0;
        failed_one = false;
        failed_in_jansson = false;
        armed = true;
        rc = fn(&complete);
        armed = false;
        ck_assert_msg(!oddity, "%s: allocation %ld failed: %s", what, n, oddity ? oddity : "");
        ck_assert_msg(failed_one, "%s: allocation %ld of %ld never happened", what, n, total);
        /* A failure that the library can absorb (a diagnostic it could
         * only count) may end in success, but then with complete results. */
        /* jansson 2.14's lexer turns some of its allocation failures into
         * syntax errors ("string or '}' expected"): the load still fails
         * cleanly, only with the wrong reason. */
        bool jansson_lexer = rc == PN_EDATA && failed_in_jansson;
        ck_assert_msg(rc == PN_ENOMEM || (rc == 0 && complete) || jansson_lexer,
                      "%s: allocation %ld of %ld failed: got %d (%s)%s; first message: %s", what, n,
                      total, rc, pn_err_name(rc), rc == 0 ? " with incomplete results" : "",
                      first_msg);
        ck_assert_msg(!count_blocks || live == before,
                      "%s: allocation %ld of %ld failed: %ld blocks leaked", what, n, total,
                      live - before);
        nomem += rc == PN_ENOMEM;
    }
    /* Most allocations matter: a run that shrugs them all off tests nothing. */
    ck_assert_msg(nomem > total / 4, "%s: only %ld of %ld failures gave PN_ENOMEM", what, nomem,
                  total);
    if (getenv("PN_FAILALLOC_VERBOSE"))
        fprintf(stderr, "%s: %ld allocations, %ld failures gave PN_ENOMEM\n", what, total, nomem);
    return total;
}

static void setup(void)
{
    json_set_alloc_funcs(json_alloc, json_release);
}

START_TEST(load_and_save)
{
    ck_assert_int_gt(fail_each("load+validate+save", run_load_save, true), 20);
}
END_TEST

START_TEST(view_and_graph)
{
    ck_assert_int_gt(fail_each("load+view+graph", run_view_graph, true), 20);
}
END_TEST

START_TEST(broken_input)
{
    ck_assert_int_gt(fail_each("load of broken input", run_broken, true), 20);
    ck_assert_uint_ge(ref_errors, 6);
}
END_TEST

START_TEST(csv_write_and_read)
{
    ck_assert_int_gt(fail_each("load+csv write+csv load+save", run_csv, true), 20);
}
END_TEST

START_TEST(in_progress_modules)
{
    fail_each("load+metrics", run_metrics, true);
    fail_each("load+diagram", run_diagram, false);
}
END_TEST

static Suite *failalloc_suite(void)
{
    Suite *s = suite_create("failalloc");
    TCase *tc = tcase_create("each allocation fails in turn");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, load_and_save);
    tcase_add_test(tc, view_and_graph);
    tcase_add_test(tc, broken_input);
    tcase_add_test(tc, csv_write_and_read);
    if (getenv("PN_FAILALLOC_MORE"))
        tcase_add_test(tc, in_progress_modules);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(failalloc_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    __real_free(ref_saved);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
