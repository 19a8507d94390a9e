/* The basis of a tie (reported, recommended, proposed, inferred): loaded,
 * saved, exchanged, and left out of views unless asked for. */
#include "testutil.h"

static const char basis_dataset[] =
    "{\"paranet\": 1, \"sources\": [{\"id\": \"s\", \"cite\": \"A study.\"}],"
    " \"actors\": ["
    "  {\"id\": \"a\", \"name\": \"A\", \"kind\": \"city\", \"country\": \"ID\"},"
    "  {\"id\": \"b\", \"name\": \"B\", \"kind\": \"city\", \"country\": \"KR\"},"
    "  {\"id\": \"c\", \"name\": \"C\", \"kind\": \"city\", \"country\": \"JP\"}],"
    " \"ties\": ["
    "  {\"id\": \"t0\", \"from\": \"a\", \"to\": \"b\", \"type\": \"g2g\", \"since\": 2015},"
    "  {\"id\": \"t1\", \"from\": \"a\", \"to\": \"c\", \"type\": \"g2g\", \"basis\": "
    "\"recommended\"},"
    "  {\"id\": \"t2\", \"from\": \"b\", \"to\": \"c\", \"type\": \"g2g\", \"basis\": \"proposed\","
    " \"since\": 2016},"
    "  {\"id\": \"t3\", \"from\": \"a\", \"to\": \"b\", \"type\": \"b2b\", \"basis\": "
    "\"inferred\"},"
    "  {\"id\": \"t4\", \"from\": \"b\", \"to\": \"a\", \"type\": \"b2b\", \"basis\": \"reported\"}"
    "]}";

START_TEST(load_and_save)
{
    pn_dataset *ds = tu_load_text(basis_dataset);
    const pn_basis want[] = {PN_BASIS_REPORTED, PN_BASIS_RECOMMENDED, PN_BASIS_PROPOSED,
                             PN_BASIS_INFERRED, PN_BASIS_REPORTED};
    for (size_t i = 0; i < 5; i++)
        ck_assert_int_eq(pn_dataset_tie(ds, i)->basis, want[i]);
    char *json = NULL;
    ck_assert_int_eq(pn_dataset_save_buffer(ds, &json, NULL), 0);
    /* The default is not written: three ties say their basis. */
    size_t n = 0;
    for (const char *p = json; (p = strstr(p, "\"basis\"")) != NULL; p++)
        n++;
    ck_assert_uint_eq(n, 3);
    ck_assert_ptr_nonnull(strstr(json, "\"basis\": \"recommended\""));
    ck_assert_ptr_null(strstr(json, "\"reported\""));
    /* Saved and loaded again, the same bytes. */
    pn_dataset *again = tu_load_text(json);
    char *json2 = NULL;
    ck_assert_int_eq(pn_dataset_save_buffer(again, &json2, NULL), 0);
    ck_assert_str_eq(json, json2);
    free(json);
    free(json2);
    pn_dataset_free(again);
    pn_dataset_free(ds);
}
END_TEST

START_TEST(unknown_basis)
{
    static const char text[] =
        "{\"paranet\": 1, \"sources\": [], \"actors\": ["
        "{\"id\": \"a\", \"name\": \"A\", \"kind\": \"city\", \"country\": \"ID\"},"
        "{\"id\": \"b\", \"name\": \"B\", \"kind\": \"city\", \"country\": \"ID\"}],"
        "\"ties\": [{\"from\": \"a\", \"to\": \"b\", \"type\": \"g2g\", \"basis\": "
        "\"recomended\"}]}";
    pn_diags *d = NULL;
    pn_dataset *ds = NULL;
    ck_assert_int_eq(pn_diags_new(&d), 0);
    ck_assert_int_eq(pn_dataset_load_buffer(&ds, text, strlen(text), NULL, d), PN_EDATA);
    ck_assert_ptr_null(ds);
    char line[512];
    bool found = false;
    for (size_t i = 0; i < pn_diags_count(d); i++) {
        pn_diag_format(pn_diags_get(d, i), line, sizeof(line));
        found |= strstr(line, "basis") && strstr(line, "recommended");
    }
    ck_assert_msg(found, "no message naming basis with the suggestion 'recommended'");
    pn_diags_free(d);
}
END_TEST

static void kept(const pn_dataset *ds, const pn_view *v, const char *want)
{
    bool tm[5], am[3];
    ck_assert_int_eq(pn_view_select(ds, v, tm, am, NULL), 0);
    char got[6];
    for (int i = 0; i < 5; i++)
        got[i] = tm[i] ? '1' : '0';
    got[5] = '\0';
    ck_assert_str_eq(got, want);
}

START_TEST(views_leave_out_recommended_and_proposed)
{
    pn_dataset *ds = tu_load_text(basis_dataset);
    pn_view v = PN_VIEW_INIT;
    kept(ds, &v, "10011");
    ck_assert_uint_eq(pn_view_basis_dropped(ds, &v), 2);
    ck_assert(pn_view_keeps_basis(&v, PN_BASIS_INFERRED));
    ck_assert(!pn_view_keeps_basis(&v, PN_BASIS_PROPOSED));
    /* Counted only among the ties the other filters keep: in 2016, t2. */
    v.at = 2016;
    kept(ds, &v, "10000");
    ck_assert_uint_eq(pn_view_basis_dropped(ds, &v), 1);
    v.at = 0;
    v.bases = PN_BIT(PN_BASIS_REPORTED) | PN_BIT(PN_BASIS_RECOMMENDED);
    kept(ds, &v, "11001");
    ck_assert_uint_eq(pn_view_basis_dropped(ds, &v), 2); /* t2 and t3 */
    char buf[128];
    pn_view_describe(&v, buf, sizeof(buf));
    ck_assert_str_eq(buf, "basis=reported,recommended undirected");
    v.bases = ~0u;
    kept(ds, &v, "11111");
    pn_view_describe(&v, buf, sizeof(buf));
    ck_assert_str_eq(buf, "basis=all undirected");
    ck_assert_uint_eq(pn_view_basis_dropped(ds, &v), 0);
    /* The graph of the default view has the reported and inferred ties only. */
    pn_view d = PN_VIEW_INIT;
    pn_graph *g = NULL;
    ck_assert_int_eq(pn_view_graph(&g, ds, &d, NULL), 0);
    ck_assert_uint_eq(pn_graph_edge_count(g), 1); /* t0, t3, t4 merge into a-b */
    pn_graph_free(g);
    pn_dataset_free(ds);
}
END_TEST

START_TEST(exchanged)
{
    pn_dataset *ds = tu_load_text(basis_dataset);
    char *csv = NULL, *json = NULL, *json2 = NULL, *graphml = NULL;
    ck_assert_int_eq(pn_csv_write(ds, PN_CSV_TIES, ',', &csv, NULL), 0);
    ck_assert_ptr_nonnull(strstr(csv, ",status,basis,"));
    ck_assert_ptr_nonnull(strstr(csv, "a,c,t1,g2g,,,,,recommended,"));
    ck_assert_int_eq(pn_export_buffer(ds, PN_FORMAT_GRAPHML, &graphml, NULL, NULL), 0);
    pn_dataset *back = NULL;
    ck_assert_int_eq(pn_graphml_load(&back, graphml, strlen(graphml), NULL, NULL), 0);
    ck_assert_int_eq(pn_dataset_save_buffer(ds, &json, NULL), 0);
    ck_assert_int_eq(pn_dataset_save_buffer(back, &json2, NULL), 0);
    ck_assert_str_eq(json, json2);
    /* GEXF carries it as an edge attribute; DOT, an export, keeps every tie. */
    char *gexf = NULL, *dot = NULL;
    ck_assert_int_eq(pn_export_buffer(ds, PN_FORMAT_GEXF, &gexf, NULL, NULL), 0);
    ck_assert_ptr_nonnull(strstr(gexf, "title=\"basis\""));
    ck_assert_ptr_nonnull(strstr(gexf, "value=\"proposed\""));
    ck_assert_int_eq(pn_export_buffer(ds, PN_FORMAT_DOT, &dot, NULL, NULL), 0);
    size_t edges = 0;
    for (const char *p = dot; (p = strstr(p, " -> ")) != NULL; p++)
        edges++;
    /* t3 and t4, parallel b2b ties, are one line; a view's default would
     * draw 2 (t0, and t3 with t4). */
    ck_assert_uint_eq(edges, 4);
    free(csv);
    free(json);
    free(json2);
    free(graphml);
    free(gexf);
    free(dot);
    pn_dataset_free(back);
    pn_dataset_free(ds);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("basis");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, load_and_save);
    tcase_add_test(tc, unknown_basis);
    tcase_add_test(tc, views_leave_out_recommended_and_proposed);
    tcase_add_test(tc, exchanged);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(suite());
}
