/* GraphML reading and writing: what other tools write (yEd, NetworkX,
 * Latin-1 files, xs:boolean), hostile key declarations, and writers that
 * produce only what the readers read back. The round trips of paranet's own
 * GraphML are in check_interchange.c. */
#include "testutil.h"

/* The writers with their messages (libgraph/src/formats/interchange_private.h). */
int pn__graphml_write(const pn_dataset *ds, char **out, size_t *len, pn_diags *diags);
int pn__gexf_write(const pn_dataset *ds, char **out, size_t *len, pn_diags *diags);

static char *diag_text(const pn_diags *d)
{
    size_t cap = 65536, used = 0;
    char *text = calloc(1, cap);
    for (size_t i = 0; i < pn_diags_count(d) && used < cap - 2; i++) {
        used += (size_t)pn_diag_format(pn_diags_get(d, i), text + used, cap - used);
        if (used < cap - 1)
            text[used++] = '\n';
    }
    return text;
}

/* Load GraphML text; *text gets the messages (free it). */
static int load(const char *doc, size_t len, pn_dataset **ds, char **text)
{
    pn_import_options o = PN_IMPORT_OPTIONS_INIT;
    o.load.name = "in.graphml";
    o.default_kind = "city";
    o.default_country = "ID";
    o.default_type = "g2g";
    pn_diags *d = NULL;
    ck_assert_int_eq(pn_diags_new(&d), 0);
    *ds = NULL;
    int rc = pn_graphml_load(ds, doc, len, &o, d);
    *text = diag_text(d);
    pn_diags_free(d);
    return rc;
}

static pn_dataset *load_ok(const char *doc, size_t len, char **text)
{
    pn_dataset *ds = NULL;
    int rc = load(doc, len, &ds, text);
    ck_assert_msg(rc == 0, "load failed (%d):\n%s", rc, *text);
    return ds;
}

static char *read_data(const char *name, size_t *len)
{
    char path[512];
    snprintf(path, sizeof(path), "%s/graphml/%s", PN_TEST_DATA, name);
    return tu_read(path, len);
}

/* A <key> inside the <default> of the 16th key grew the key array while the
 * default's key was held by pointer (heap-use-after-free under ASan). */
START_TEST(nested_key_in_default)
{
    char doc[4096];
    size_t n = (size_t)snprintf(doc, sizeof(doc), "<graphml>\n");
    for (int i = 0; i < 15; i++)
        n += (size_t)snprintf(doc + n, sizeof(doc) - n,
                              "<key id=\"k%d\" for=\"node\" attr.name=\"f%d\"/>\n", i, i);
    n += (size_t)snprintf(doc + n, sizeof(doc) - n,
                          "<key id=\"k15\" for=\"node\" attr.name=\"f15\"><default>x\n"
                          "<key id=\"inner\" for=\"node\" attr.name=\"g\"/>y</default></key>\n"
                          "<graph><node id=\"a\"><data key=\"k0\">v</data></node></graph>"
                          "</graphml>\n");
    pn_dataset *ds = NULL;
    char *text = NULL;
    ck_assert_int_eq(load(doc, n, &ds, &text), PN_EDATA);
    ck_assert_ptr_null(ds);
    ck_assert_msg(strstr(text, "in.graphml:18: error: <key> inside the <key> of line 17") != NULL,
                  "%s", text);
    free(text);
}
END_TEST

/* Many keys: each <key> and <data> is found through a map; every value
 * lands in its field, and a repeated id is still caught. */
START_TEST(many_keys)
{
    enum { N = 3000 };
    size_t cap = (size_t)N * 160 + 4096, n = 0;
    char *doc = malloc(cap);
    n += (size_t)snprintf(doc + n, cap - n, "<graphml>\n");
    for (int i = 0; i < N; i++)
        n += (size_t)snprintf(
            doc + n, cap - n,
            "<key id=\"k%d\" for=\"node\" attr.name=\"f%d\" attr.type=\"int\"/>\n", i, i);
    n += (size_t)snprintf(doc + n, cap - n,
                          "<key id=\"nm\" for=\"node\" attr.name=\"name\"/>\n<graph>\n"
                          "<node id=\"a\"><data key=\"nm\">A</data><data key=\"k%d\">7</data>"
                          "<data key=\"k0\">3</data></node>\n</graph></graphml>\n",
                          N - 1);
    pn_dataset *ds;
    char *text;
    ds = load_ok(doc, n, &text);
    free(text);
    char want[64];
    snprintf(want, sizeof(want), "{\"f0\":3,\"f%d\":7}", N - 1);
    ck_assert_str_eq(pn_dataset_extra(ds, "actor", 0), want);
    pn_dataset_free(ds);
    /* The same id twice, far apart. */
    n = (size_t)snprintf(doc, cap, "<graphml>\n");
    for (int i = 0; i < N; i++)
        n += (size_t)snprintf(doc + n, cap - n, "<key id=\"k%d\" for=\"node\"/>\n", i);
    n += (size_t)snprintf(doc + n, cap - n, "<key id=\"k7\" for=\"node\"/>\n<graph/></graphml>\n");
    ck_assert_int_eq(load(doc, n, &ds, &text), PN_EDATA);
    snprintf(want, sizeof(want), "in.graphml:%d: error: key \"k7\" is declared twice", N + 2);
    ck_assert_msg(strstr(text, want) != NULL, "%s", text);
    free(text);
    free(doc);
}
END_TEST

/* xs:boolean: "1", "true", "0", "false" (and spaces around) on <edge directed>. */
START_TEST(directed_booleans)
{
    const char *doc = "<graphml>\n<key id=\"nm\" for=\"node\" attr.name=\"name\"/>\n"
                      "<graph edgedefault=\"undirected\">\n"
                      "<node id=\"a\"><data key=\"nm\">A</data></node>\n"
                      "<node id=\"b\"><data key=\"nm\">B</data></node>\n"
                      "<edge source=\"a\" target=\"b\" directed=\"1\"/>\n"
                      "<edge source=\"a\" target=\"b\" directed=\"true\"/>\n"
                      "<edge source=\"a\" target=\"b\" directed=\" 0 \"/>\n"
                      "<edge source=\"a\" target=\"b\" directed=\"false\"/>\n"
                      "<edge source=\"a\" target=\"b\"/>\n"
                      "</graph></graphml>\n";
    char *text;
    pn_dataset *ds = load_ok(doc, strlen(doc), &text);
    free(text);
    ck_assert_uint_eq(pn_dataset_tie_count(ds), 5);
    ck_assert(pn_dataset_tie(ds, 0)->directed);
    ck_assert(pn_dataset_tie(ds, 1)->directed);
    ck_assert(!pn_dataset_tie(ds, 2)->directed);
    ck_assert(!pn_dataset_tie(ds, 3)->directed);
    ck_assert(!pn_dataset_tie(ds, 4)->directed); /* edgedefault */
    pn_dataset_free(ds);
    /* Anything else is refused where it stands, not read as false. */
    const char *bad = "<graphml>\n<graph edgedefault=\"Directed\">\n"
                      "<edge source=\"a\" target=\"b\" directed=\"yes\"/>\n"
                      "</graph></graphml>\n";
    ck_assert_int_eq(load(bad, strlen(bad), &ds, &text), PN_EDATA);
    ck_assert_msg(strstr(text, "in.graphml:2: error: <graph edgedefault=\"Directed\">: must be "
                               "\"directed\" or \"undirected\"") != NULL,
                  "%s", text);
    ck_assert_msg(strstr(text, "in.graphml:3: error: <edge directed=\"yes\">: not a boolean (true, "
                               "false, 1 or 0)") != NULL,
                  "%s", text);
    free(text);
    /* A long value is cut at a character boundary in the message. */
    char doc2[512], want[256];
    char e40[81] = "", e32[65] = "";
    for (int i = 0; i < 40; i++)
        strcat(e40, "\xC3\xA9");
    for (int i = 0; i < 32; i++)
        strcat(e32, "\xC3\xA9");
    snprintf(doc2, sizeof(doc2),
             "<graphml><graph>\n<edge source=\"a\" target=\"b\" directed=\"x%s\"/>"
             "</graph></graphml>",
             e40);
    snprintf(want, sizeof(want),
             "in.graphml:2: error: <edge directed=\"x%.62s...\">: not a boolean", e32);
    ck_assert_int_eq(load(doc2, strlen(doc2), &ds, &text), PN_EDATA);
    ck_assert_msg(strstr(text, want) != NULL, "%s", text);
    free(text);
}
END_TEST

/* The encoding the file declares is honoured (ISO-8859-1 here), and the
 * text arrives as UTF-8; without a declaration the file is UTF-8. */
START_TEST(latin1_declared)
{
    size_t len;
    char *doc = read_data("latin1.graphml", &len);
    char *text;
    pn_dataset *ds = load_ok(doc, len, &text);
    free(text);
    ck_assert_str_eq(pn_dataset_actor(ds, 0)->name, "M\xC3\xBCnchen");
    ck_assert_str_eq(pn_dataset_actor(ds, 0)->note, "\xC2\xA9 Stadt, \xC2\xBD Preis");
    ck_assert_str_eq(pn_dataset_actor(ds, 1)->name, "Z\xC3\xBCrich");
    ck_assert(pn_dataset_tie(ds, 0)->directed); /* directed="1" */
    pn_dataset_free(ds);
    /* The same bytes with no declaration are not UTF-8: refused, located. */
    const char *body = strstr(doc, "<graphml");
    ck_assert_int_eq(load(body, len - (size_t)(body - doc), &ds, &text), PN_EDATA);
    ck_assert_msg(strstr(text, "in.graphml:5:") != NULL && strstr(text, "not well-formed"), "%s",
                  text);
    free(text);
    /* windows-1252: Latin-1 with printable characters in 0x80-0x9F; its
     * unassigned bytes (0x81) are errors where they stand. */
    const char *cp = "<?xml version=\"1.0\" encoding=\"Windows-1252\"?>\n<graphml>\n"
                     "<key id=\"n\" for=\"node\" attr.name=\"name\"/>\n<graph>\n"
                     "<node id=\"a\"><data key=\"n\">\x93"
                     "Caf\xE9\x94 \x80</data></node>\n"
                     "</graph></graphml>\n";
    ds = load_ok(cp, strlen(cp), &text);
    free(text);
    ck_assert_str_eq(pn_dataset_actor(ds, 0)->name, "\xE2\x80\x9C"
                                                    "Caf\xC3\xA9\xE2\x80\x9D \xE2\x82\xAC");
    pn_dataset_free(ds);
    const char *cp_bad = "<?xml version=\"1.0\" encoding=\"cp1252\"?>\n<graphml>\n<graph>\n"
                         "<node id=\"B\x81\"/></graph></graphml>\n";
    ck_assert_int_eq(load(cp_bad, strlen(cp_bad), &ds, &text), PN_EDATA);
    ck_assert_msg(strstr(text, "in.graphml:4:") != NULL && strstr(text, "not well-formed"), "%s",
                  text);
    free(text);
    /* An encoding expat does not know is refused with a message. */
    const char *koi = "<?xml version=\"1.0\" encoding=\"KOI8-R\"?><graphml><graph/></graphml>";
    ck_assert_int_eq(load(koi, strlen(koi), &ds, &text), PN_EDATA);
    ck_assert_msg(strstr(text, "in.graphml:1:") != NULL && strstr(text, "encoding"), "%s", text);
    free(text);
    free(doc);
}
END_TEST

/* NetworkX MultiGraph: edge ids are the keys of each pair, repeated across
 * pairs. Ties get ids source-target-key, and a warning says so. */
START_TEST(networkx_multigraph)
{
    size_t len;
    char *doc = read_data("networkx-multigraph.graphml", &len);
    char *text;
    pn_dataset *ds = load_ok(doc, len, &text);
    ck_assert_uint_eq(pn_dataset_tie_count(ds), 3);
    ck_assert_str_eq(pn_dataset_tie(ds, 0)->id, "a-b-0");
    ck_assert_str_eq(pn_dataset_tie(ds, 1)->id, "a-b-1");
    ck_assert_str_eq(pn_dataset_tie(ds, 2)->id, "b-c-0");
    ck_assert_str_eq(pn_dataset_actor(ds, 2)->name, "Kitakyushu");
    ck_assert_msg(strstr(text, "in.graphml:29: warning: edge id \"0\" repeats (first at line 23), "
                               "as in a NetworkX MultiGraph: each tie's id is made "
                               "\"source-target-id\" (\"b-c-0\")") != NULL,
                  "%s", text);
    free(text);
    pn_dataset_free(ds);
    free(doc);
    /* Derived ids that would collide ("a-b" + "c" and "a" + "b-c") stay apart;
     * unique ids are kept as they are. */
    const char *tricky = "<graphml><key id=\"nm\" for=\"node\" attr.name=\"name\"/><graph>"
                         "<node id=\"a\"><data key=\"nm\">1</data></node>"
                         "<node id=\"b-c\"><data key=\"nm\">2</data></node>"
                         "<node id=\"a-b\"><data key=\"nm\">3</data></node>"
                         "<node id=\"c\"><data key=\"nm\">4</data></node>"
                         "<edge id=\"0\" source=\"a\" target=\"b-c\"/>"
                         "<edge id=\"0\" source=\"a-b\" target=\"c\"/>"
                         "<edge source=\"a\" target=\"c\"/></graph></graphml>";
    ds = load_ok(tricky, strlen(tricky), &text);
    free(text);
    ck_assert_str_eq(pn_dataset_tie(ds, 0)->id, "a-b-c-0");
    ck_assert_str_eq(pn_dataset_tie(ds, 1)->id, "a-b-c-0-2");
    ck_assert_ptr_null(pn_dataset_tie(ds, 2)->id);
    pn_dataset_free(ds);
}
END_TEST

/* yEd: names are the text of <y:NodeLabel> in the nodegraphics <data>. */
START_TEST(yed_node_labels)
{
    size_t len;
    char *doc = read_data("yed.graphml", &len);
    char *text;
    pn_dataset *ds = load_ok(doc, len, &text);
    ck_assert_msg(strstr(text, "error") == NULL, "%s", text);
    free(text);
    ck_assert_uint_eq(pn_dataset_actor_count(ds), 3);
    ck_assert_str_eq(pn_dataset_actor(ds, 0)->name, "Bandung");
    ck_assert_str_eq(pn_dataset_actor(ds, 1)->name, "Suwon & Hwaseong");
    /* The first label with text: an empty one (hasText="false") is passed over. */
    ck_assert_str_eq(pn_dataset_actor(ds, 2)->name, "Jawa Barat");
    ck_assert_str_eq(pn_dataset_extra(ds, "actor", 1),
                     "{\"description\":\"sister city since 2006\"}");
    ck_assert_uint_eq(pn_dataset_tie_count(ds), 2);
    ck_assert(pn_dataset_tie(ds, 0)->directed);
    pn_dataset_free(ds);
    free(doc);
    /* A name key wins over the drawn label; a node with neither is located. */
    const char *mixed =
        "<graphml xmlns:y=\"http://www.yworks.com/xml/graphml\">\n"
        "<key id=\"g\" for=\"node\" yfiles.type=\"nodegraphics\"/>\n"
        "<key id=\"nm\" for=\"node\" attr.name=\"name\"/>\n<graph>\n"
        "<node id=\"a\"><data key=\"g\"><y:ShapeNode><y:NodeLabel>Drawn</y:NodeLabel>"
        "</y:ShapeNode></data><data key=\"nm\">Named</data></node>\n"
        "<node id=\"b\"><data key=\"g\"><y:ShapeNode/></data></node>\n</graph></graphml>\n";
    ck_assert_int_eq(load(mixed, strlen(mixed), &ds, &text), PN_EDATA);
    ck_assert_msg(strstr(text, "in.graphml:6: error: node \"b\": missing field \"name\"") != NULL,
                  "%s", text);
    ck_assert_msg(strstr(text, "node \"a\"") == NULL, "%s", text);
    free(text);
}
END_TEST

/* GraphML text that must load as the canonical JSON want; the messages
 * (free them). */
static char *reads_back(const char *xml, size_t len, const char *want)
{
    char *text;
    pn_dataset *back = load_ok(xml, len, &text);
    char *got = NULL;
    ck_assert_int_eq(pn_dataset_save_buffer(back, &got, NULL), 0);
    ck_assert_str_eq(got, want);
    free(got);
    pn_dataset_free(back);
    return text;
}

static size_t count(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
        n++;
    return n;
}

/* Each actor with its own differently-named extra field (the export was
 * quadratic in them): one key per field, one <data> per value present, and
 * the dataset reads back unchanged. */
START_TEST(many_extra_fields_export)
{
    enum { N = 2000 };
    size_t cap = (size_t)N * 200 + 256, n = 0;
    char *json = malloc(cap);
    n += (size_t)snprintf(json + n, cap - n, "{\"paranet\": 1, \"actors\": [");
    for (int i = 0; i < N; i++)
        n += (size_t)snprintf(json + n, cap - n,
                              "%s{\"id\": \"a%d\", \"name\": \"A%d\", \"kind\": \"city\", "
                              "\"country\": \"ID\", \"x%d\": %d}",
                              i ? "," : "", i, i, i, i);
    n += (size_t)snprintf(json + n, cap - n, "], \"ties\": [");
    for (int i = 0; i + 1 < N; i++)
        n += (size_t)snprintf(json + n, cap - n,
                              "%s{\"from\": \"a%d\", \"to\": \"a%d\", \"type\": \"horizontal\", "
                              "\"y%d\": \"t\"}",
                              i ? "," : "", i, i + 1, i);
    snprintf(json + n, cap - n, "]}");
    pn_dataset *ds = tu_load_text(json);
    char *want = NULL;
    ck_assert_int_eq(pn_dataset_save_buffer(ds, &want, NULL), 0);
    char *xml = NULL;
    size_t len = 0;
    ck_assert_int_eq(pn_graphml_write(ds, &xml, &len), 0);
    ck_assert_uint_eq(count(xml, "<key id=\"v_x"), N);
    ck_assert_uint_eq(count(xml, "<data key=\"v_x"), N);
    ck_assert_uint_eq(count(xml, "<key id=\"e_x"), N - 1);
    ck_assert_uint_eq(count(xml, "<data key=\"e_x"), N - 1);
    ck_assert_ptr_nonnull(strstr(xml, "<key id=\"v_x1999\" for=\"node\" attr.name=\"x1999\" "
                                      "attr.type=\"long\"/>"));
    ck_assert_ptr_nonnull(strstr(xml, "<data key=\"v_x1999\">1999</data>"));
    free(reads_back(xml, len, want));
    free(xml);
    ck_assert_int_eq(pn_gexf_write(ds, &xml, &len), 0);
    ck_assert_uint_eq(count(xml, "<attribute id=\"x"), 2 * N - 1);
    ck_assert_uint_eq(count(xml, "<attvalue for=\"x"), 2 * N - 1);
    ck_assert_ptr_nonnull(strstr(xml, "<attvalue for=\"x1999\" value=\"1999\"/>"));
    free(xml);
    free(want);
    free(json);
    pn_dataset_free(ds);
}
END_TEST

/* XML 1.0 cannot hold U+FFFF, U+FFFE or C0 controls other than tab, LF and
 * CR, even as character references: the writers refuse them, naming the
 * record and the field, instead of writing a file no reader takes. */
START_TEST(xml_forbidden_refused)
{
    pn_dataset *ds = tu_load_text(
        "{\"paranet\": 1, \"title\": \"T\\ufffe\", \"actors\": ["
        "{\"id\": \"a\", \"name\": \"A\\uffffB\", \"kind\": \"city\", \"country\": \"ID\"},"
        "{\"id\": \"b\", \"name\": \"B\", \"kind\": \"city\", \"country\": \"KR\","
        " \"extra\": {\"k\": [\"\\u0001\"]}}],"
        "\"ties\": [{\"from\": \"a\", \"to\": \"b\", \"type\": \"g2g\", \"note\": "
        "\"x\\u001fy\"}]}");
    pn_diags *d = NULL;
    ck_assert_int_eq(pn_diags_new(&d), 0);
    char *xml = NULL;
    ck_assert_int_eq(pn__graphml_write(ds, &xml, NULL, d), PN_EDATA);
    ck_assert_ptr_null(xml);
    char *text = diag_text(d);
    ck_assert_msg(strstr(text, "error: actors[0].name: actor \"a\", field \"name\": GraphML "
                               "U+FFFF, which XML 1.0 cannot hold") != NULL,
                  "%s", text);
    ck_assert_msg(strstr(text, "actors[1].extra: actor \"b\", field \"extra\": GraphML U+0001") !=
                      NULL,
                  "%s", text);
    ck_assert_msg(strstr(text, "ties[0].note: tie a -> b, field \"note\": GraphML U+001F") != NULL,
                  "%s", text);
    ck_assert_msg(strstr(text, "title: the dataset, field \"title\": GraphML U+FFFE") != NULL, "%s",
                  text);
    ck_assert_uint_eq(pn_diags_count(d), 4);
    free(text);
    pn_diags_clear(d);
    ck_assert_int_eq(pn__gexf_write(ds, &xml, NULL, d), PN_EDATA);
    ck_assert_uint_eq(pn_diags_count(d), 4);
    text = diag_text(d);
    ck_assert_msg(strstr(text, "actor \"a\", field \"name\": GEXF U+FFFF") != NULL, "%s", text);
    free(text);
    /* Without a list the public writers still refuse. */
    ck_assert_int_eq(pn_graphml_write(ds, &xml, NULL), PN_EDATA);
    ck_assert_int_eq(pn_gexf_write(ds, &xml, NULL), PN_EDATA);
    pn_diags_free(d);
    pn_dataset_free(ds);
}
END_TEST

/* What XML can hold goes through GraphML and back unchanged: tab, LF, CR,
 * markup characters, "]]>", U+FFFD, U+FFFC, a BOM and the last code point. */
START_TEST(xml_allowed_roundtrip)
{
    pn_dataset *ds = tu_load_text(
        "{\"paranet\": 1, \"title\": \"a\\tb\\r\\nc\", \"actors\": ["
        "{\"id\": \"a\", \"name\": \"<A & \\\"B\\\"> ]]> \\ufffd\\ufffc\\ufeff\\udbff\\udfff\","
        " \"kind\": \"city\", \"country\": \"ID\", \"note\": \"line 1\\r\\nline 2\\rline 3\\t!\","
        " \"x\": \"\\ufffd\\t\\n\"},"
        "{\"id\": \"b\", \"name\": \"B\", \"kind\": \"city\", \"country\": \"KR\"}],"
        "\"ties\": [{\"from\": \"a\", \"to\": \"b\", \"type\": \"g2g\", \"note\": \"\\r\"}]}");
    char *want = NULL;
    ck_assert_int_eq(pn_dataset_save_buffer(ds, &want, NULL), 0);
    char *xml = NULL;
    size_t len = 0;
    ck_assert_int_eq(pn_graphml_write(ds, &xml, &len), 0);
    char *text;
    pn_dataset *back = load_ok(xml, len, &text);
    free(text);
    char *got = NULL;
    ck_assert_int_eq(pn_dataset_save_buffer(back, &got, NULL), 0);
    ck_assert_str_eq(got, want);
    free(got);
    free(xml);
    ck_assert_int_eq(pn_gexf_write(ds, &xml, &len), 0);
    ck_assert_ptr_nonnull(strstr(xml, "label=\"&lt;A &amp; &quot;B&quot;&gt; ]]&gt; "));
    free(xml);
    free(want);
    pn_dataset_free(back);
    pn_dataset_free(ds);
}
END_TEST

/* Key defaults fill every node: 1,100 keys with a default over 4,000 nodes
 * (a 200 KB file) would add 4.4 million values. Refused, at the key where
 * the count passes the limit; a few defaults over many nodes still apply. */
START_TEST(defaults_amplification)
{
    enum { K = 1100, N = 4000 };
    size_t cap = (size_t)K * 100 + (size_t)N * 60 + 512, n = 0;
    char *doc = malloc(cap);
    n += (size_t)snprintf(doc + n, cap - n,
                          "<graphml>\n<key id=\"nm\" for=\"node\" attr.name=\"name\">"
                          "<default>X</default></key>\n");
    for (int i = 0; i < K; i++)
        n += (size_t)snprintf(doc + n, cap - n,
                              "<key id=\"k%d\" for=\"node\" attr.name=\"f%d\"><default>1</default>"
                              "</key>\n",
                              i, i);
    n += (size_t)snprintf(doc + n, cap - n, "<graph>\n");
    for (int i = 0; i < N; i++)
        n += (size_t)snprintf(doc + n, cap - n, "<node id=\"a%d\"/>\n", i);
    n += (size_t)snprintf(doc + n, cap - n, "</graph></graphml>\n");
    pn_dataset *ds;
    char *text;
    ck_assert_int_eq(load(doc, n, &ds, &text), PN_ELIMIT);
    ck_assert_ptr_null(ds);
    /* 4,194,304 values: passed at the 1,049th key with a default (line 1050). */
    ck_assert_msg(strstr(text,
                         "in.graphml:1050: error: the keys' <default>s, up to this one, "
                         "would add over 4194304 values to the 4000 nodes and 0 edges") != NULL,
                  "%s", text);
    free(text);
    /* Three defaults over the same nodes are fine. */
    n = (size_t)snprintf(doc, cap,
                         "<graphml>\n<key id=\"nm\" for=\"node\" attr.name=\"name\">"
                         "<default>X</default></key>\n<key id=\"k\" for=\"node\" "
                         "attr.name=\"f\"><default>1</default></key>\n<graph>\n");
    for (int i = 0; i < N; i++)
        n += (size_t)snprintf(doc + n, cap - n, "<node id=\"a%d\"/>\n", i);
    n += (size_t)snprintf(doc + n, cap - n, "</graph></graphml>\n");
    ds = load_ok(doc, n, &text);
    free(text);
    ck_assert_uint_eq(pn_dataset_actor_count(ds), N);
    ck_assert_str_eq(pn_dataset_actor(ds, N - 1)->name, "X");
    ck_assert_str_eq(pn_dataset_extra(ds, "actor", N - 1), "{\"f\":\"1\"}");
    pn_dataset_free(ds);
    free(doc);
}
END_TEST

/* The text of ds as GraphML (free it). */
static char *graphml_of(const pn_dataset *ds, size_t *len)
{
    char *xml = NULL;
    ck_assert_int_eq(pn_graphml_write(ds, &xml, len), 0);
    return xml;
}

/* Layout 2 (docs/formats.md, "GraphML"): with one directed tie the graph is
 * directed, every edge goes from its tie's from to its to, and the
 * undirected tie says so; node name = actor id, label = display name; the
 * extra fields named like paranet's keys get one '_' more; since is a
 * string key when one value is not a plain year, lat and lon doubles however
 * their values look; no until key, as no tie has one. It all reads back. */
START_TEST(layout2_written)
{
    pn_dataset *ds = tu_load_text(
        "{\"paranet\": 1, \"paranet_layout\": \"mine\", \"actors\": ["
        "{\"id\": \"a\", \"name\": \"Kota A\", \"kind\": \"city\", \"country\": \"ID\", "
        "\"lat\": 6, \"lon\": 107, \"label\": \"L\", \"_label\": \"U\"},"
        "{\"id\": \"b\", \"name\": \"B-si\", \"kind\": \"city\", \"country\": \"KR\"}],"
        "\"ties\": [{\"from\": \"b\", \"to\": \"a\", \"type\": \"g2g\", \"directed\": true, "
        "\"since\": 2016},"
        "{\"from\": \"a\", \"to\": \"b\", \"type\": \"g2g\", \"since\": \"2016-05\"}]}");
    char *want = NULL;
    ck_assert_int_eq(pn_dataset_save_buffer(ds, &want, NULL), 0);
    size_t len = 0;
    char *xml = graphml_of(ds, &len);
    static const char *const has[] = {
        "<key id=\"g_layout\" for=\"graph\" attr.name=\"paranet_layout\" attr.type=\"int\"/>",
        "attr.name=\"_paranet_layout\"",
        "<key id=\"v_name\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>",
        "<key id=\"v_label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>",
        "attr.name=\"lat\" attr.type=\"double\"",
        "attr.name=\"lon\" attr.type=\"double\"",
        "attr.name=\"_label\" attr.type=\"string\"",
        "attr.name=\"__label\" attr.type=\"string\"",
        "<key id=\"e_since\" for=\"edge\" attr.name=\"since\" attr.type=\"string\"/>",
        "<graph id=\"G\" edgedefault=\"directed\">",
        "<data key=\"g_layout\">2</data>",
        "<node id=\"a\">\n      <data key=\"v_name\">a</data>\n"
        "      <data key=\"v_label\">Kota A</data>",
        "<edge source=\"b\" target=\"a\">",
        "<edge source=\"a\" target=\"b\">",
    };
    for (size_t i = 0; i < sizeof(has) / sizeof(*has); i++)
        ck_assert_msg(strstr(xml, has[i]) != NULL, "no %s in\n%s", has[i], xml);
    ck_assert_ptr_null(strstr(xml, "attr.name=\"until\""));
    const char *e1 = strstr(xml, "<edge source=\"b\""), *e2 = strstr(xml, "<edge source=\"a\"");
    ck_assert_ptr_nonnull(strstr(e1, "<data key=\"e_directed\">true</data>"));
    ck_assert(strstr(e1, "<data key=\"e_directed\">true</data>") < e2);
    ck_assert_ptr_nonnull(strstr(e2, "<data key=\"e_directed\">false</data>"));
    char *text = reads_back(xml, len, want);
    /* paranet's own file: nothing normalised. */
    ck_assert_msg(strstr(text, "generated") == NULL && strstr(text, "empty value") == NULL &&
                      strstr(text, "differs") == NULL,
                  "%s", text);
    free(text);
    free(want);
    free(xml);
    pn_dataset_free(ds);
    /* No directed tie: undirected; plain years: an int key. */
    ds = tu_load_text("{\"paranet\": 1, \"actors\": ["
                      "{\"id\": \"a\", \"name\": \"A\", \"kind\": \"city\", \"country\": \"ID\"},"
                      "{\"id\": \"b\", \"name\": \"B\", \"kind\": \"city\", \"country\": \"KR\"}],"
                      "\"ties\": [{\"from\": \"b\", \"to\": \"a\", \"type\": \"g2g\", "
                      "\"since\": 2016, \"until\": 2020}]}");
    xml = graphml_of(ds, &len);
    ck_assert_ptr_nonnull(strstr(xml, "<graph id=\"G\" edgedefault=\"undirected\">"));
    ck_assert_ptr_nonnull(strstr(xml, "attr.name=\"since\" attr.type=\"int\""));
    ck_assert_ptr_nonnull(strstr(xml, "attr.name=\"until\" attr.type=\"int\""));
    ck_assert_ptr_nonnull(strstr(xml, "<data key=\"e_directed\">false</data>"));
    free(xml);
    pn_dataset_free(ds);
    /* Actor ids like igraph's, and fields named like graph-tool's: in
     * paranet's own file they are what they were. */
    ds = tu_load_text("{\"paranet\": 1, \"actors\": ["
                      "{\"id\": \"n0\", \"name\": \"A\", \"kind\": \"city\", \"country\": \"ID\", "
                      "\"_graphml_vertex_id\": \"x\", \"note\": \"\"},"
                      "{\"id\": \"n1\", \"name\": \"B\", \"kind\": \"city\", \"country\": \"KR\", "
                      "\"_graphml_vertex_id\": \"y\"}],"
                      "\"ties\": [{\"from\": \"n1\", \"to\": \"n0\", \"type\": \"g2g\", "
                      "\"_graphml_edge_id\": \"e\"}]}");
    ck_assert_int_eq(pn_dataset_save_buffer(ds, &want, NULL), 0);
    xml = graphml_of(ds, &len);
    text = reads_back(xml, len, want);
    ck_assert_msg(strstr(text, "generated") == NULL && strstr(text, "empty value") == NULL &&
                      strstr(text, "key \"id\"") == NULL,
                  "%s", text);
    free(text);
    free(want);
    free(xml);
    pn_dataset_free(ds);
}
END_TEST

/* A foreign file (no paranet key): generated node ids give way to names
 * that are actor ids, the label is then the name; "" and a date 0 are
 * absent; one warning each, at the first place. */
START_TEST(foreign_ids_names_empties)
{
    const char *doc =
        "<graphml>\n"
        "<key id=\"n\" for=\"node\" attr.name=\"name\"/>\n"
        "<key id=\"l\" for=\"node\" attr.name=\"label\"/>\n"
        "<key id=\"r\" for=\"node\" attr.name=\"region\"/>\n"
        "<key id=\"s\" for=\"edge\" attr.name=\"since\" attr.type=\"int\"/>\n"
        "<graph edgedefault=\"directed\">\n"
        "<node id=\"n0\"><data key=\"n\">bandung</data><data key=\"l\">Kota Bandung</data>\n"
        "<data key=\"r\"></data></node>\n"
        "<node id=\"n1\"><data key=\"n\">suwon</data><data key=\"l\">Suwon</data></node>\n"
        "<edge source=\"n1\" target=\"n0\"><data key=\"s\">0</data></edge>\n"
        "<edge source=\"n0\" target=\"n1\"><data key=\"s\">2006</data></edge>\n"
        "</graph></graphml>\n";
    char *text;
    pn_dataset *ds = load_ok(doc, strlen(doc), &text);
    const pn_actor *a = pn_dataset_actor(ds, 0);
    ck_assert_str_eq(a->id, "bandung");
    ck_assert_str_eq(a->name, "Kota Bandung");
    ck_assert_ptr_null(a->region);
    ck_assert_str_eq(pn_dataset_actor(ds, 1)->id, "suwon");
    ck_assert_ptr_null(pn_dataset_extra(ds, "actor", 0)); /* no label left over */
    const pn_tie *t = pn_dataset_tie(ds, 0);
    ck_assert_str_eq(pn_dataset_actor(ds, t->from)->id, "suwon");
    ck_assert_str_eq(pn_dataset_actor(ds, t->to)->id, "bandung");
    ck_assert(t->directed);
    ck_assert_int_eq(t->since.year, 0); /* absent */
    ck_assert_int_eq(pn_dataset_tie(ds, 1)->since.year, 2006);
    static const char *const warnings[] = {
        "in.graphml:7: warning: node ids are generated (\"n0\", ...), as igraph and graph-tool "
        "write them: the 2 actors' ids are their key \"name\" (\"bandung\", ...), and the "
        "edges' ends follow",
        "in.graphml:8: warning: 1 empty value read as absent: in GraphML that paranet did not "
        "write, \"\" is a missing value (R igraph and python-igraph write it so); the first "
        "here (key \"region\")",
        "in.graphml:10: warning: 1 date 0 read as absent (graph-tool writes 0 for a missing "
        "integer; no date is year 0); the first here (key \"since\")",
    };
    for (size_t i = 0; i < sizeof(warnings) / sizeof(*warnings); i++)
        ck_assert_msg(strstr(text, warnings[i]) != NULL, "no %s in\n%s", warnings[i], text);
    free(text);
    pn_dataset_free(ds);
    /* Names that are not actor ids (display names) leave the ids alone. */
    const char *named = "<graphml><key id=\"n\" for=\"node\" attr.name=\"name\"/><graph>\n"
                        "<node id=\"n0\"><data key=\"n\">Kota Bandung</data></node>\n"
                        "<node id=\"n1\"><data key=\"n\">bandung</data></node>\n"
                        "</graph></graphml>\n";
    ds = load_ok(named, strlen(named), &text);
    ck_assert_msg(strstr(text, "generated") == NULL, "%s", text);
    free(text);
    ck_assert_str_eq(pn_dataset_actor(ds, 0)->id, "n0");
    ck_assert_str_eq(pn_dataset_actor(ds, 1)->name, "bandung");
    pn_dataset_free(ds);
}
END_TEST

/* Layout 2 rewritten by hand: a name that is not the node's id is said so;
 * the id stays, the label is the name. */
START_TEST(layout2_name_differs)
{
    const char *doc = "<graphml>\n"
                      "<key id=\"p\" for=\"graph\" attr.name=\"paranet\"/>\n"
                      "<key id=\"g\" for=\"graph\" attr.name=\"paranet_layout\"/>\n"
                      "<key id=\"n\" for=\"node\" attr.name=\"name\"/>\n"
                      "<key id=\"l\" for=\"node\" attr.name=\"label\"/>\n"
                      "<graph><data key=\"p\">1</data><data key=\"g\">2</data>\n"
                      "<node id=\"a\"><data key=\"n\">a</data><data key=\"l\">A</data></node>\n"
                      "<node id=\"b\"><data key=\"n\">B2</data><data key=\"l\">B</data></node>\n"
                      "</graph></graphml>\n";
    char *text;
    pn_dataset *ds = load_ok(doc, strlen(doc), &text);
    ck_assert_msg(strstr(text, "in.graphml:8: warning: key \"name\" differs from the node's id "
                               "on 1 node (\"B2\" here): the id is the actor's id, its label "
                               "its name") != NULL,
                  "%s", text);
    free(text);
    ck_assert_str_eq(pn_dataset_actor(ds, 1)->id, "b");
    ck_assert_str_eq(pn_dataset_actor(ds, 1)->name, "B");
    ck_assert_str_eq(pn_dataset_actor(ds, 0)->name, "A");
    pn_dataset_free(ds);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("graphml");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, nested_key_in_default);
    tcase_add_test(tc, many_keys);
    tcase_add_test(tc, directed_booleans);
    tcase_add_test(tc, latin1_declared);
    tcase_add_test(tc, networkx_multigraph);
    tcase_add_test(tc, yed_node_labels);
    tcase_add_test(tc, many_extra_fields_export);
    tcase_add_test(tc, xml_forbidden_refused);
    tcase_add_test(tc, xml_allowed_roundtrip);
    tcase_add_test(tc, defaults_amplification);
    tcase_add_test(tc, layout2_written);
    tcase_add_test(tc, foreign_ids_names_empties);
    tcase_add_test(tc, layout2_name_differs);
    suite_add_tcase(s, tc);
    return tu_run(s);
}
