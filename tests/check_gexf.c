/* GEXF: the writer's encoding with its viz: values, and the reader's rules
 * through the public API. Expected values by hand (the colours from the
 * Okabe-Ito palette tinted as draw/style.c does, the sizes from the
 * diagrams' --size-by scale). tests/cli_gexf.sh reads the fixtures. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include <paranet.h>

#include "testutil.h"

int pn__gexf_write(const pn_dataset *ds, char **out, size_t *len, pn_diags *diags);

/* The element that starts with `start`, up to its end tag `end`, as a new string. */
static char *element(const char *xml, const char *start, const char *end)
{
    const char *a = strstr(xml, start);
    ck_assert_msg(a != NULL, "no %s", start);
    const char *b = strstr(a, end);
    ck_assert_ptr_nonnull(b);
    size_t n = (size_t)(b - a) + strlen(end);
    char *s = malloc(n + 1);
    memcpy(s, a, n);
    s[n] = '\0';
    return s;
}

START_TEST(viz_from_style)
{
    pn_dataset *ds = tu_load_file(PN_TEST_DATA "/gexf/mixed.json");
    char *x = NULL;
    ck_assert_int_eq(pn_export_buffer(ds, PN_FORMAT_GEXF, &x, NULL, NULL), 0);
    /* ID has two actors, KR one: ID is palette slot 0 (#77AADD, Paul Tol's
     * light blue: 119,170,221), KR slot 1 (#AAAA00, olive: 170,170,0), the
     * fills the diagrams draw (docs/diagrams.md). Degree (parallel ties one
     * neighbour): tangsel 2, the others 1, so sizes sqrt(81 + x * 403) with x
     * = 1 and 0: 22 and 9. */
    char *t = element(x, "<node id=\"tangsel\"", "</node>");
    ck_assert_ptr_nonnull(strstr(t, "<viz:color r=\"119\" g=\"170\" b=\"221\"/>"));
    ck_assert_ptr_nonnull(strstr(t, "<viz:size value=\"22.0\"/>"));
    char *d = element(x, "<node id=\"daejeon\"", "</node>");
    ck_assert_ptr_nonnull(strstr(d, "<viz:color r=\"170\" g=\"170\" b=\"0\"/>"));
    ck_assert_ptr_nonnull(strstr(d, "<viz:size value=\"9.0\"/>"));
    char *k = element(x, "<node id=\"kemendagri\"", "</node>");
    ck_assert_ptr_nonnull(strstr(k, "<viz:color r=\"119\" g=\"170\" b=\"221\"/>"));
    ck_assert_ptr_nonnull(strstr(k, "<viz:size value=\"9.0\"/>"));
    /* The public writer is the export; the private one writes no viz:. */
    char *y = NULL;
    ck_assert_int_eq(pn_gexf_write(ds, &y, NULL), 0);
    ck_assert_str_eq(x, y);
    char *z = NULL;
    ck_assert_int_eq(pn__gexf_write(ds, &z, NULL, NULL), 0);
    ck_assert_ptr_null(strstr(z, "<viz:"));
    free(t);
    free(d);
    free(k);
    free(x);
    free(y);
    free(z);
    pn_dataset_free(ds);
}
END_TEST

START_TEST(typed_attributes)
{
    pn_dataset *ds = tu_load_file(PN_TEST_DATA "/roundtrip/everything.json");
    char *x = NULL;
    ck_assert_int_eq(pn_gexf_write(ds, &x, NULL), 0);
    /* lat is a number on every actor that has it; population is 1354350 on
     * one and "unknown" on another: a string. */
    ck_assert_ptr_nonnull(strstr(x, "title=\"lat\" type=\"double\"/>"));
    ck_assert_ptr_nonnull(strstr(x, "title=\"population\" type=\"string\"/>"));
    ck_assert_ptr_nonnull(
        strstr(x, "<attribute id=\"directed\" title=\"directed\" type=\"boolean\"/>"));
    /* The sources table, title and description in paranet's <meta> JSON. */
    ck_assert_ptr_nonnull(
        strstr(x, "<paranet:dataset xmlns:paranet=\"urn:paranet:gexf\">{\"title\":"));
    ck_assert_ptr_null(strstr(x, "tie_id"));
    free(x);
    pn_dataset_free(ds);
}
END_TEST

static pn_dataset *import(const char *xml, pn_diags *d, int want)
{
    pn_dataset *ds = NULL;
    pn_import_options o = PN_IMPORT_OPTIONS_INIT;
    o.load.name = "t.gexf";
    ck_assert_int_eq(pn_import_buffer(&ds, PN_FORMAT_GEXF, xml, strlen(xml), &o, d), want);
    return ds;
}

START_TEST(reader_rules)
{
    /* An attribute "id" renames a node (and its edges' ends), "name" wins
     * over the label, which stays as an extra field; an edge's "directed"
     * wins over its type, its type over defaultedgetype; "mutual" is not
     * directed; an empty value is absent; the label equal to the type goes. */
    const char *xml =
        "<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\"><graph defaultedgetype=\"directed\">\n"
        "<attributes class=\"node\"><attribute id=\"i\" title=\"id\" type=\"string\"/>\n"
        "<attribute id=\"n\" title=\"name\" type=\"string\"/>\n"
        "<attribute id=\"k\" title=\"kind\" type=\"string\"><default>city</default></attribute>\n"
        "<attribute id=\"c\" title=\"country\" type=\"string\"/>\n"
        "<attribute id=\"r\" title=\"region\" type=\"string\"/></attributes>\n"
        "<attributes class=\"edge\"><attribute id=\"d\" title=\"directed\" type=\"boolean\"/>\n"
        "<attribute id=\"y\" title=\"type\" type=\"string\"/></attributes>\n"
        "<nodes><node id=\"n0\" label=\"Bdg\"><attvalues><attvalue for=\"i\" value=\"bandung\"/>\n"
        "<attvalue for=\"n\" value=\"Kota Bandung\"/><attvalue for=\"c\" value=\"ID\"/>\n"
        "<attvalue for=\"r\" value=\"\"/></attvalues></node>\n"
        "<node id=\"n1\" label=\"Seoul\"><attvalues><attvalue for=\"i\" value=\"seoul\"/>\n"
        "<attvalue for=\"c\" value=\"KR\"/></attvalues></node></nodes>\n"
        "<edges><edge id=\"a\" source=\"n0\" target=\"n1\" type=\"directed\" label=\"g2g\">\n"
        "<attvalues><attvalue for=\"d\" value=\"false\"/><attvalue for=\"y\" value=\"g2g\"/>\n"
        "</attvalues></edge>\n"
        "<edge id=\"b\" source=\"n1\" target=\"n0\" type=\"mutual\"><attvalues>\n"
        "<attvalue for=\"y\" value=\"g2g\"/></attvalues></edge>\n"
        "<edge id=\"c\" source=\"n1\" target=\"n0\"><attvalues>\n"
        "<attvalue for=\"y\" value=\"g2g\"/></attvalues></edge></edges></graph></gexf>\n";
    pn_diags *d = NULL;
    ck_assert_int_eq(pn_diags_new(&d), 0);
    pn_dataset *ds = import(xml, d, 0);
    ck_assert_uint_eq(pn_dataset_actor_count(ds), 2);
    const pn_actor *a = pn_dataset_actor(ds, 0);
    ck_assert_str_eq(a->id, "bandung");
    ck_assert_str_eq(a->name, "Kota Bandung");
    ck_assert_ptr_null(a->region);
    ck_assert_str_eq(pn_kind_name(a->kind), "city"); /* the attribute's default */
    char *json = NULL;
    ck_assert_int_eq(pn_dataset_save_buffer(ds, &json, NULL), 0);
    ck_assert_ptr_nonnull(strstr(json, "\"label\": \"Bdg\""));
    ck_assert_ptr_null(strstr(json, "\"label\": \"Seoul\"")); /* the label was the name */
    ck_assert_ptr_null(strstr(json, "\"label\": \"g2g\""));
    const pn_tie *t0 = pn_dataset_tie(ds, 0), *t1 = pn_dataset_tie(ds, 1),
                 *t2 = pn_dataset_tie(ds, 2);
    ck_assert_str_eq(t0->id, "a");
    ck_assert_str_eq(pn_dataset_actor(ds, t0->from)->id, "bandung");
    ck_assert_str_eq(pn_dataset_actor(ds, t0->to)->id, "seoul");
    ck_assert(!t0->directed); /* the attribute wins over type="directed" */
    ck_assert(!t1->directed); /* mutual */
    ck_assert(t2->directed);  /* defaultedgetype */
    ck_assert_str_eq(pn_dataset_actor(ds, t2->from)->id, "seoul");
    free(json);
    pn_dataset_free(ds);
    pn_diags_free(d);
}
END_TEST

START_TEST(reader_limits)
{
    pn_diags *d = NULL;
    ck_assert_int_eq(pn_diags_new(&d), 0);
    /* An attribute declared twice, a second graph, an attribute class that is neither. */
    import("<gexf xmlns=\"http://www.gexf.net/1.2draft\"><graph>\n"
           "<attributes class=\"node\"><attribute id=\"0\" title=\"a\" type=\"string\"/>\n"
           "<attribute id=\"0\" title=\"b\" type=\"string\"/></attributes>\n"
           "<attributes class=\"graph\"/></graph>\n<graph/></gexf>",
           d, PN_EDATA);
    ck_assert_uint_eq(pn_diags_count(d), 3);
    ck_assert_int_eq(pn_diags_get(d, 0)->line, 3);
    ck_assert_str_eq(pn_diags_get(d, 0)->message, "attribute \"0\" is declared twice for nodes");
    ck_assert_int_eq(pn_diags_get(d, 1)->line, 4);
    ck_assert_int_eq(pn_diags_get(d, 2)->line, 5);
    pn_diags_clear(d);
    /* Defaults that would fill 2100 attributes on 2100 nodes (4.4 million
     * values from some 200 KB): refused at the attribute where the count
     * passes 4194304, the 1998th (1997 * 2100 = 4193700 fit). */
    {
        size_t cap = 1 << 20, n = 0;
        char *big = malloc(cap);
        n += (size_t)snprintf(big + n, cap - n,
                              "<gexf xmlns=\"http://www.gexf.net/1.2draft\"><graph>\n"
                              "<attributes class=\"node\">\n");
        for (int i = 0; i < 2100; i++)
            n += (size_t)snprintf(big + n, cap - n,
                                  "<attribute id=\"%d\" title=\"f%d\"><default>x</default>"
                                  "</attribute>\n",
                                  i, i);
        n += (size_t)snprintf(big + n, cap - n, "</attributes><nodes>\n");
        for (int i = 0; i < 2100; i++)
            n += (size_t)snprintf(big + n, cap - n, "<node id=\"n%d\"/>\n", i);
        n += (size_t)snprintf(big + n, cap - n, "</nodes></graph></gexf>\n");
        ck_assert_uint_lt(n, cap);
        import(big, d, PN_ELIMIT);
        ck_assert_uint_eq(pn_diags_count(d), 1);
        ck_assert_int_eq(pn_diags_get(d, 0)->line, 1 + 2 + 1997);
        ck_assert_str_eq(pn_diags_get(d, 0)->check, "too-large");
        free(big);
        pn_diags_clear(d);
    }
    /* Over --max-bytes. */
    pn_dataset *ds = NULL;
    pn_import_options o = PN_IMPORT_OPTIONS_INIT;
    o.load.max_bytes = 10;
    ck_assert_int_eq(pn_gexf_load(&ds, "<gexf><graph/></gexf>", 21, &o, d), PN_ELIMIT);
    ck_assert_ptr_null(ds);
    pn_diags_free(d);
}
END_TEST

START_TEST(empty_strings_absent)
{
    /* The loss GEXF shares with CSV (docs/formats.md): an empty value is an
     * absent one, so "note": "" and "aliases": [""] read back as no field;
     * an extra field's "" is JSON text ("\"\"") and survives. */
    pn_dataset *ds = tu_load_text(
        "{\"paranet\": 1, \"sources\": [], \"actors\": [{\"id\": \"a\", \"name\": \"A\", "
        "\"kind\": \"city\", \"country\": \"ID\", \"note\": \"\", \"aliases\": [\"\"], \"x\": "
        "\"\"}], "
        "\"ties\": []}");
    char *x = NULL;
    size_t len = 0;
    ck_assert_int_eq(pn_gexf_write(ds, &x, &len), 0);
    pn_dataset *back = NULL;
    ck_assert_int_eq(pn_gexf_load(&back, x, len, NULL, NULL), 0);
    const pn_actor *a = pn_dataset_actor(back, 0);
    ck_assert_ptr_null(a->note);
    ck_assert_uint_eq(a->n_aliases, 0);
    char *json = NULL;
    ck_assert_int_eq(pn_dataset_save_buffer(back, &json, NULL), 0);
    ck_assert_ptr_nonnull(strstr(json, "\"x\": \"\""));
    free(json);
    free(x);
    pn_dataset_free(back);
    pn_dataset_free(ds);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("gexf");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, viz_from_style);
    tcase_add_test(tc, typed_attributes);
    tcase_add_test(tc, reader_rules);
    tcase_add_test(tc, reader_limits);
    tcase_add_test(tc, empty_strings_absent);
    suite_add_tcase(s, tc);
    return tu_run(s);
}
