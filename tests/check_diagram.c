/* Diagrams: escaping, legend, determinism, errors, themes, highlight. */
#include <cgraph.h>
#include <ctype.h>
#include <math.h>

#include "small_dataset.h"
#include "testutil.h"

/* Names that break naive DOT writers: quotes, backslashes (a trailing one
 * too), HTML specials, a newline, Graphviz's escString escapes, Hangul. */
static const char *const hostile[] = {
    "say \"hi\"",
    "back\\slash",
    "trailing\\",
    "<b>&amp;</b>",
    "two\nlines",
    "\\N\\G\\l\\E",
    "대전광역시",
    "it's",
    "a\\\\\"b",
    " two  spaces ",
    "\r",
    "a long name that is wrapped at spaces",
    "\x01"
    "ctl\x7f",
};
#define N_HOSTILE (sizeof(hostile) / sizeof(hostile[0]))
/* What the label must say where it is not the name itself: long names are
 * broken at a space near 20 characters (worked out by hand: "a long name
 * that is" is 19), control characters become U+FFFD, and a name with
 * nothing to show (a lone CR, which is dropped) is a blank, not the id. */
static const char *const shown[N_HOSTILE] = {
    [N_HOSTILE - 3] = " ",
    [N_HOSTILE - 2] = "a long name that is\nwrapped at spaces",
    [N_HOSTILE - 1] = "\xEF\xBF\xBD"
                      "ctl\xEF\xBF\xBD",
};

/* A dataset of the hostile names in a ring of g2g ties. */
static pn_dataset *hostile_dataset(void)
{
    pn_dataset *ds = NULL;
    ck_assert_int_eq(pn_dataset_new(&ds), 0);
    for (size_t i = 0; i < N_HOSTILE; i++) {
        char id[16];
        snprintf(id, sizeof(id), "n%zu", i);
        pn_actor a = {0};
        a.id = id;
        a.name = hostile[i];
        a.kind = PN_KIND_CITY;
        memcpy(a.country, i % 2 ? "KR" : "ID", 3);
        ck_assert_int_eq(pn_dataset_add_actor(ds, &a, NULL), 0);
    }
    for (size_t i = 0; i < N_HOSTILE; i++) {
        pn_tie t = {0};
        t.from = i;
        t.to = (i + 1) % N_HOSTILE;
        t.type = PN_TYPE_G2G;
        t.instrument = PN_INSTRUMENT_NONE;
        t.status = PN_STATUS_NONE;
        ck_assert_int_eq(pn_dataset_add_tie(ds, &t, NULL), 0);
    }
    return ds;
}

/* Decode an HTML-like label the way Graphviz reads it: entities and <BR/>. */
static char *decode_html(const char *s)
{
    char *out = malloc(strlen(s) + 1), *o = out;
    ck_assert_ptr_nonnull(out);
    while (*s) {
        if (strncmp(s, "&#92;&#92;", 10) == 0) {
            /* Graphviz reads "\\" in a label as one backslash. */
            *o++ = '\\';
            s += 10;
        } else if (strncmp(s, "&#92;", 5) == 0) {
            ck_abort_msg("a lone backslash would escape the next character: %s", s);
        } else if (strncmp(s, "<BR/>", 5) == 0) {
            *o++ = '\n';
            s += 5;
        } else if (*s == '&') {
            static const struct {
                const char *ent;
                char c;
            } ents[] = {
                {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}};
            size_t k = 0;
            while (k < 5 && strncmp(s, ents[k].ent, strlen(ents[k].ent)) != 0)
                k++;
            ck_assert_msg(k < 5, "unexpected entity at %s", s);
            *o++ = ents[k].c;
            s += strlen(ents[k].ent);
        } else {
            ck_assert_msg(*s != '<' && *s != '>', "markup left in a name label: %s", s);
            *o++ = *s++;
        }
    }
    *o = '\0';
    return out;
}

static char *render(const pn_dataset *ds, const pn_diagram_options *o, const char *format,
                    size_t *len)
{
    pn_diags *d = NULL;
    char *out = NULL;
    size_t n = 0;
    ck_assert_int_eq(pn_diags_new(&d), 0);
    int rc = pn_diagram_render(ds, o, format, &out, &n, d);
    for (size_t i = 0; rc != 0 && i < pn_diags_count(d); i++)
        fprintf(stderr, "%s\n", pn_diags_get(d, i)->message);
    ck_assert_int_eq(rc, 0);
    ck_assert_ptr_nonnull(out);
    ck_assert_int_eq(out[n], '\0');
    if (strcmp(format, "dot") == 0 || strcmp(format, "svg") == 0)
        ck_assert_uint_eq(strlen(out), n); /* no NUL inside the text formats */
    pn_diags_free(d);
    if (len)
        *len = n;
    return out;
}

START_TEST(hostile_names_round_trip)
{
    pn_dataset *ds = hostile_dataset();
    char *dot = render(ds, NULL, "dot", NULL);
    Agraph_t *g = agmemread(dot);
    ck_assert_msg(g != NULL, "the DOT does not parse:\n%s", dot);
    for (size_t i = 0; i < N_HOSTILE; i++) {
        char id[16];
        snprintf(id, sizeof(id), "n%zu", i);
        Agnode_t *n = agnode(g, id, 0);
        ck_assert_ptr_nonnull(n);
        char *label = agget(n, (char *)"label");
        ck_assert_ptr_nonnull(label);
        ck_assert_msg(aghtmlstr(label), "label of %s is not HTML-like", id);
        ck_assert_ptr_null(strchr(label, '\\')); /* every backslash is an entity */
        char *text = decode_html(label);
        ck_assert_str_eq(text, shown[i] ? shown[i] : hostile[i]);
        free(text);
    }
    ck_assert_int_eq(agnnodes(g), (int)N_HOSTILE);
    ck_assert_int_eq(agnedges(g), (int)N_HOSTILE);
    agclose(g);
    free(dot);
    /* The SVG is rendered too, with the names as text (XML-escaped by Graphviz). */
    char *svg = render(ds, NULL, "svg", NULL);
    ck_assert_ptr_nonnull(strstr(svg, "대전광역시"));
    ck_assert_ptr_nonnull(strstr(svg, "trailing\\<"));
    ck_assert_ptr_nonnull(strstr(svg, "&lt;b&gt;&amp;amp;&lt;/b&gt;"));
    ck_assert_ptr_nonnull(strstr(svg, "\\N\\G\\l\\E"));
    free(svg);
    pn_dataset_free(ds);
}
END_TEST

START_TEST(unsafe_ids_and_title)
{
    pn_dataset *ds = NULL;
    ck_assert_int_eq(pn_dataset_new(&ds), 0);
    pn_actor a = {0};
    a.id = "bad id\\";
    a.name = "x";
    a.kind = PN_KIND_FIRM;
    memcpy(a.country, "ZZ", 3);
    ck_assert_int_eq(pn_dataset_add_actor(ds, &a, NULL), 0);
    pn_diagram_options o = PN_DIAGRAM_OPTIONS_INIT;
    o.title = "Title \\ with <tags> & \"quotes\"\\";
    o.labels = PN_LABELS_ID;
    char *dot = render(ds, &o, "dot", NULL);
    Agraph_t *g = agmemread(dot);
    ck_assert_msg(g != NULL, "the DOT does not parse:\n%s", dot);
    Agnode_t *n = agfstnode(g);
    ck_assert_ptr_nonnull(n);
    ck_assert_str_eq(agnameof(n), "actor0"); /* an id that is not [a-z0-9_-] is not used */
    char *label = decode_html(agget(n, (char *)"label"));
    ck_assert_str_eq(label, "bad id\\");
    free(label);
    ck_assert_ptr_nonnull(
        strstr(agget(g, (char *)"label"),
               "Title &#92;&#92; with &lt;tags&gt; &amp; &quot;quotes&quot;&#92;&#92;"));
    agclose(g);
    free(dot);
    pn_dataset_free(ds);
}
END_TEST

/* The root label's text between <B>...</B> headings; crude but independent. */
static bool legend_has(const char *dot, const char *word)
{
    char needle[64];
    snprintf(needle, sizeof(needle), "<TD ALIGN=\"LEFT\">%s</TD>", word);
    return strstr(dot, needle) != NULL;
}

START_TEST(legend_lists_only_present)
{
    pn_dataset *ds = tu_load_text(small_dataset);
    pn_diagram_options o = PN_DIAGRAM_OPTIONS_INIT;
    char *dot = render(ds, &o, "dot", NULL);
    /* small_dataset: cities, a firm and a university; g2g, horizontal, g2b ties;
     * one failed tie, the others give no status; one directed tie. */
    static const char *const present[] = {"city", "firm",   "university", "g2g",      "horizontal",
                                          "g2b",  "failed", "not given",  "direction"};
    static const char *const absent[] = {"ministry", "regency",  "organisation", "b2b",
                                         "vertical", "academic", "membership",   "planned",
                                         "signed",   "active",   "implemented"};
    for (size_t i = 0; i < sizeof(present) / sizeof(*present); i++)
        ck_assert_msg(legend_has(dot, present[i]), "legend lacks %s", present[i]);
    for (size_t i = 0; i < sizeof(absent) / sizeof(*absent); i++)
        ck_assert_msg(!legend_has(dot, absent[i]), "legend lists %s", absent[i]);
    free(dot);
    /* A view of the horizontal tie only: the legend follows the view. */
    o.view.types = PN_BIT(PN_TYPE_HORIZONTAL);
    o.view.drop_isolates = true;
    dot = render(ds, &o, "dot", NULL);
    ck_assert(legend_has(dot, "horizontal"));
    ck_assert(!legend_has(dot, "g2g"));
    ck_assert(!legend_has(dot, "firm"));
    ck_assert(!legend_has(dot, "failed"));
    free(dot);
    o.legend = false;
    dot = render(ds, &o, "dot", NULL);
    ck_assert(!legend_has(dot, "horizontal"));
    free(dot);
    pn_dataset_free(ds);
}
END_TEST

START_TEST(deterministic)
{
    pn_dataset *ds = tu_load_file(PN_DATASETS "/tangsel.json");
    pn_dataset *other = tu_load_file(PN_DATASETS "/bandung.json");
    /* Not fdp: Graphviz 2.43's fdp itself is not reproducible on this
     * graph (`dot -Kfdp` gives different SVGs run to run); docs/diagrams.md. */
    static const pn_diagram_layout layouts[] = {PN_LAYOUT_DOT, PN_LAYOUT_NEATO, PN_LAYOUT_CIRCO,
                                                PN_LAYOUT_TWOPI};
    for (size_t l = 0; l < 4; l++) {
        pn_diagram_options o = PN_DIAGRAM_OPTIONS_INIT;
        o.layout = layouts[l];
        o.edge_labels = PN_EDGE_LABELS_BOTH;
        for (int f = 0; f < 2; f++) {
            const char *format = f ? "svg" : "dot";
            size_t n1, n2;
            char *a = render(ds, &o, format, &n1);
            /* Another render and some heap traffic in between: the output
             * must not follow allocation addresses (cgraph's default ids do). */
            void *junk[64];
            for (size_t k = 0; k < 64; k++)
                junk[k] = malloc(16 + 24 * k);
            free(render(other, &o, format, NULL));
            char *b = render(ds, &o, format, &n2);
            for (size_t k = 0; k < 64; k++)
                free(junk[k]);
            ck_assert_msg(n1 == n2, "two %s renders differ in length (layout %d)", format, (int)l);
            ck_assert_msg(memcmp(a, b, n1) == 0, "two %s renders differ (layout %d)", format,
                          (int)l);
            ck_assert_ptr_null(strstr(a, "0x")); /* no pointers */
            free(a);
            free(b);
        }
    }
    pn_dataset_free(other);
    pn_dataset_free(ds);
}
END_TEST

START_TEST(formats_and_errors)
{
    pn_dataset *ds = tu_load_text(small_dataset);
    pn_diags *d = NULL;
    ck_assert_int_eq(pn_diags_new(&d), 0);
    char *out = (char *)1;
    size_t len = 7;
    ck_assert_int_eq(pn_diagram_render(ds, NULL, "xyz", &out, &len, d), PN_EINVAL);
    ck_assert_ptr_null(out);
    ck_assert_uint_eq(len, 0);
    ck_assert_uint_eq(pn_diags_errors(d), 1);
    ck_assert_ptr_nonnull(strstr(pn_diags_get(d, 0)->message, "'xyz'"));
    pn_diags_clear(d);
    pn_diagram_options o = PN_DIAGRAM_OPTIONS_INIT;
    o.path_from = "a"; /* without path_to */
    ck_assert_int_eq(pn_diagram_render(ds, &o, "dot", &out, &len, d), PN_EINVAL);
    o.path_to = "nobody";
    ck_assert_int_eq(pn_diagram_render(ds, &o, "dot", &out, &len, d), PN_ENOTFOUND);
    o = (pn_diagram_options)PN_DIAGRAM_OPTIONS_INIT;
    o.layout = (pn_diagram_layout)99;
    ck_assert_int_eq(pn_diagram_render(ds, &o, "svg", &out, &len, d), PN_EINVAL);
    o = (pn_diagram_options)PN_DIAGRAM_OPTIONS_INIT;
    o.size_by = "no-such-metric";
    ck_assert_int_eq(pn_diagram_render(ds, &o, "dot", &out, &len, d), PN_EINVAL);
    o = (pn_diagram_options)PN_DIAGRAM_OPTIONS_INIT;
    o.view.ego = "nobody";
    ck_assert_int_eq(pn_diagram_render(ds, &o, "dot", &out, &len, d), PN_ENOTFOUND);
    ck_assert_ptr_null(out);
    pn_diags_free(d);
    /* The binary formats carry their magic numbers. */
    char *png = render(ds, NULL, "png", &len);
    ck_assert_uint_gt(len, 8);
    ck_assert_int_eq(memcmp(png, "\x89PNG\r\n\x1a\n", 8), 0);
    free(png);
    char *pdf = NULL;
    ck_assert_int_eq(pn_diagram_render(ds, NULL, "pdf", &pdf, &len, NULL), 0);
    ck_assert_int_eq(memcmp(pdf, "%PDF-", 5), 0);
    free(pdf);
    pn_dataset_free(ds);
}
END_TEST

START_TEST(option_names)
{
    ck_assert_int_eq(pn_diagram_option_parse("layout", "fdp"), PN_LAYOUT_FDP);
    ck_assert_int_eq(pn_diagram_option_parse("layout", "twopi"), PN_LAYOUT_TWOPI);
    ck_assert_int_eq(pn_diagram_option_parse("theme", "paper"), PN_THEME_PAPER);
    ck_assert_int_eq(pn_diagram_option_parse("cluster", "none"), PN_CLUSTER_NONE);
    ck_assert_int_eq(pn_diagram_option_parse("labels", "short"), PN_LABELS_SHORT);
    ck_assert_int_eq(pn_diagram_option_parse("edge-labels", "both"), PN_EDGE_LABELS_BOTH);
    ck_assert_int_eq(pn_diagram_option_parse("layout", "Dot"), -1);
    ck_assert_int_eq(pn_diagram_option_parse("colour", "paper"), -1);
    ck_assert_str_eq(pn_diagram_option_values("theme"), "color|paper");
    ck_assert_ptr_null(pn_diagram_option_values("nope"));
    ck_assert_str_eq(pn_diagram_option_name("edge-labels", PN_EDGE_LABELS_YEAR), "year");
    ck_assert_str_eq(pn_diagram_option_name("layout", PN_LAYOUT_GEO), "geo");
    ck_assert_ptr_null(pn_diagram_option_name("layout", 7));
}
END_TEST

/* A colour value is gray when each of its parts is: #RRGGBB with R=G=B, or a
 * gray keyword. Lists ("#000000:invis:#000000") are split on ':'. */
static bool gray_value(const char *v)
{
    char buf[256];
    snprintf(buf, sizeof(buf), "%s", v);
    for (char *p = strtok(buf, ":;"); p; p = strtok(NULL, ":;")) {
        if (strcmp(p, "invis") == 0 || strcmp(p, "black") == 0 || strcmp(p, "white") == 0 ||
            strcmp(p, "transparent") == 0 || strcmp(p, "none") == 0)
            continue;
        if (strlen(p) != 7 || p[0] != '#')
            return false;
        if (strncasecmp(p + 1, p + 3, 2) != 0 || strncasecmp(p + 1, p + 5, 2) != 0)
            return false;
    }
    return true;
}

static void check_gray_attrs(Agraph_t *root, void *obj, int kind)
{
    static const char *const names[] = {"color", "fillcolor", "fontcolor", "pencolor", "bgcolor"};
    for (size_t i = 0; i < 5; i++) {
        Agsym_t *sym = agattr(root, kind, (char *)names[i], NULL);
        if (!sym)
            continue;
        const char *v = agxget(obj, sym);
        ck_assert_msg(!*v || gray_value(v), "%s=%s is not gray", names[i], v);
    }
    /* Colours inside HTML-like labels. */
    Agsym_t *label = agattr(root, kind, (char *)"label", NULL);
    const char *text = label ? agxget(obj, label) : "";
    for (const char *p = strstr(text, "COLOR=\""); p; p = strstr(p + 1, "COLOR=\"")) {
        char v[16] = {0};
        sscanf(p + 7, "%15[^\"]", v);
        ck_assert_msg(gray_value(v), "COLOR=%s in a label is not gray", v);
    }
}

static void check_gray_graph(Agraph_t *root, Agraph_t *g)
{
    check_gray_attrs(root, g, AGRAPH);
    for (Agraph_t *s = agfstsubg(g); s; s = agnxtsubg(s))
        check_gray_graph(root, s);
}

#define ALL_BASES                                                                                  \
    (PN_BIT(PN_BASIS_REPORTED) | PN_BIT(PN_BASIS_RECOMMENDED) | PN_BIT(PN_BASIS_PROPOSED) |        \
     PN_BIT(PN_BASIS_INFERRED))

START_TEST(paper_theme_is_gray)
{
    pn_dataset *ds = tu_load_file(PN_DATASETS "/tangsel.json");
    pn_diagram_options o = PN_DIAGRAM_OPTIONS_INIT;
    o.theme = PN_THEME_PAPER;
    o.edge_labels = PN_EDGE_LABELS_BOTH;
    o.path_from = "sinarmas-land-jp-partner";
    o.path_to = "daejeon";
    o.title = "Paper";
    /* The third pass draws the recommended ties too (their ink and mark). */
    for (int pass = 0; pass < 3; pass++) {
        o.cluster = pass == 1 ? PN_CLUSTER_NONE : PN_CLUSTER_COUNTRY;
        o.view.bases = pass == 2 ? ALL_BASES : 0;
        char *dot = render(ds, &o, "dot", NULL);
        Agraph_t *g = agmemread(dot);
        ck_assert_ptr_nonnull(g);
        check_gray_graph(g, g);
        for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n)) {
            check_gray_attrs(g, n, AGNODE);
            for (Agedge_t *e = agfstout(g, n); e; e = agnxtout(g, e))
                check_gray_attrs(g, e, AGEDGE);
        }
        ck_assert_ptr_nonnull(strstr(dot, "Serif"));
        agclose(g);
        free(dot);
    }
    /* The colour theme does use colours (so the check above can fail). */
    o.theme = PN_THEME_COLOR;
    o.view.bases = 0;
    char *dot = render(ds, &o, "dot", NULL);
    ck_assert_ptr_nonnull(strstr(dot, "#77AADD"));
    free(dot);
    pn_dataset_free(ds);
}
END_TEST

/* Count the edges between two nodes, either way. */
static int edges_between(Agraph_t *g, const char *a, const char *b, const char *attr,
                         const char *value)
{
    Agnode_t *na = agnode(g, (char *)a, 0), *nb = agnode(g, (char *)b, 0);
    ck_assert_ptr_nonnull(na);
    ck_assert_ptr_nonnull(nb);
    int n = 0;
    for (Agedge_t *e = agfstedge(g, na); e; e = agnxtedge(g, e, na)) {
        if (aghead(e) == nb || agtail(e) == nb)
            n += !attr || strstr(agget(e, (char *)attr), value) != NULL;
    }
    return n;
}

START_TEST(parallel_ties_and_path)
{
    pn_dataset *ds = tu_load_file(PN_DATASETS "/tangsel.json");
    pn_diagram_options o = PN_DIAGRAM_OPTIONS_INIT;
    o.path_from = "sinarmas-land-jp-partner";
    o.path_to = "daejeon";
    o.edge_labels = PN_EDGE_LABELS_INSTRUMENT;
    char *dot = render(ds, &o, "dot", NULL);
    Agraph_t *g = agmemread(dot);
    ck_assert_ptr_nonnull(g);
    /* datasets/tangsel.json has 15 ties between tangsel and daejeon; counted by
     * hand by (direction, type, status): undirected g2g implemented (visit,
     * programme), signed (loi, agreement), active (mou), planned (sister-city,
     * programme), failed (programme x3), no status (programme); directed
     * daejeon->tangsel implemented (programme, adoption x2); directed
     * tangsel->daejeon, no status (programme): 8 edges. */
    ck_assert_int_eq(edges_between(g, "tangsel", "daejeon", NULL, NULL), 8);
    ck_assert_int_eq(edges_between(g, "tangsel", "daejeon", "label", "programme ×3"), 1);
    /* The path jp-partner - sinarmas-land - tangsel - daejeon: 3 steps. Every
     * tangsel-daejeon edge is on it, and one edge of each other pair. */
    ck_assert_ptr_nonnull(strstr(dot, "shortest path, 3 steps"));
    ck_assert_int_eq(
        edges_between(g, "sinarmas-land", "sinarmas-land-jp-partner", "color", "#2222CC"), 1);
    ck_assert_int_eq(edges_between(g, "tangsel", "sinarmas-land", "color", "#2222CC"), 1);
    ck_assert_int_eq(edges_between(g, "tangsel", "daejeon", "color", "#2222CC"), 8);
    ck_assert_int_eq(edges_between(g, "tangsel", "ipb", "color", "#2222CC"), 0);
    /* Actors off the path are faded; those on it are not. */
    ck_assert_str_eq(agget(agnode(g, (char *)"ipb", 0), (char *)"fontcolor"), "#999999");
    ck_assert_str_ne(agget(agnode(g, (char *)"daejeon", 0), (char *)"fontcolor"), "#999999");
    agclose(g);
    free(dot);
    /* Two actors with no path in the view: an error, not a silent figure. */
    o.view.types = PN_BIT(PN_TYPE_ACADEMIC);
    o.path_from = "ipb";
    o.path_to = "daejeon";
    pn_diags *d = NULL;
    ck_assert_int_eq(pn_diags_new(&d), 0);
    char *out = NULL;
    ck_assert_int_eq(pn_diagram_render(ds, &o, "dot", &out, NULL, d), PN_ENOTFOUND);
    ck_assert_ptr_nonnull(strstr(pn_diags_get(d, 0)->message, "daejeon"));
    pn_diags_free(d);
    pn_dataset_free(ds);
}
END_TEST

/* Three cities: a-b has a reported, an inferred and a recommended horizontal
 * tie (no status); b-c a proposed g2g tie; a-c a recommended horizontal tie
 * that failed. */
static const char basis_dataset[] =
    "{\"paranet\": 1, \"sources\": [{\"id\": \"s\", \"cite\": \"S\"}],"
    " \"actors\": ["
    "  {\"id\": \"a\", \"name\": \"A\", \"kind\": \"city\", \"country\": \"ID\"},"
    "  {\"id\": \"b\", \"name\": \"B\", \"kind\": \"city\", \"country\": \"ID\"},"
    "  {\"id\": \"c\", \"name\": \"C\", \"kind\": \"city\", \"country\": \"KR\"}],"
    " \"ties\": ["
    "  {\"from\": \"a\", \"to\": \"b\", \"type\": \"horizontal\", \"sources\": [\"s\"]},"
    "  {\"from\": \"a\", \"to\": \"b\", \"type\": \"horizontal\", \"basis\": \"inferred\","
    "   \"sources\": [\"s\"]},"
    "  {\"from\": \"a\", \"to\": \"b\", \"type\": \"horizontal\", \"basis\": \"recommended\","
    "   \"sources\": [\"s\"]},"
    "  {\"from\": \"b\", \"to\": \"c\", \"type\": \"g2g\", \"basis\": \"proposed\","
    "   \"sources\": [\"s\"]},"
    "  {\"from\": \"a\", \"to\": \"c\", \"type\": \"horizontal\", \"status\": \"failed\","
    "   \"basis\": \"recommended\", \"sources\": [\"s\"]}]}";

/* The DOT of a render (into *dot, free()) read back by cgraph (agclose). */
static Agraph_t *render_graph(const pn_dataset *ds, const pn_diagram_options *o, char **dot)
{
    *dot = render(ds, o, "dot", NULL);
    Agraph_t *g = agmemread(*dot);
    ck_assert_ptr_nonnull(g);
    return g;
}

/* A recommended or proposed tie is its own edge, dotted, thin, in the basis
 * ink (#AA3377; #808080 on paper) with a "?"; reported and inferred ties
 * share the status's look; the legend's Basis column only when one is drawn. */
START_TEST(basis_marked_only_when_drawn)
{
    pn_dataset *ds = tu_load_text(basis_dataset);
    pn_diagram_options o = PN_DIAGRAM_OPTIONS_INIT;
    /* The default view: reported and inferred, one solid edge; no mark. */
    char *dot;
    Agraph_t *g = render_graph(ds, &o, &dot);
    ck_assert_int_eq(edges_between(g, "a", "b", NULL, NULL), 1);
    ck_assert_int_eq(edges_between(g, "a", "b", "style", "solid"), 1);
    ck_assert_ptr_null(strstr(dot, "#AA3377"));
    ck_assert_ptr_null(strstr(dot, "<B>Basis</B>"));
    ck_assert(!legend_has(dot, "recommended"));
    agclose(g);
    free(dot);
    /* Every basis: a-b a solid edge (reported and inferred) and a dotted
     * one (recommended); b-c dotted twin lines (proposed g2g); a-c dotted
     * and thin (not the failed status's 1.4) with the cross and the "?". */
    o.view.bases = ALL_BASES;
    for (int theme = 0; theme < 2; theme++) {
        o.theme = theme ? PN_THEME_PAPER : PN_THEME_COLOR;
        const char *ink = theme ? "#808080" : "#AA3377";
        char twin[32];
        snprintf(twin, sizeof(twin), "%s:invis:%s", ink, ink);
        g = render_graph(ds, &o, &dot);
        ck_assert_int_eq(edges_between(g, "a", "b", NULL, NULL), 2);
        ck_assert_int_eq(edges_between(g, "a", "b", "style", "solid"), 1);
        ck_assert_int_eq(edges_between(g, "a", "b", "style", "dotted"), 1);
        Agnode_t *a = agnode(g, (char *)"a", 0);
        for (Agedge_t *e = agfstedge(g, a); e; e = agnxtedge(g, e, a)) {
            bool dotted = strcmp(agget(e, (char *)"style"), "dotted") == 0;
            ck_assert_str_eq(agget(e, (char *)"penwidth"), "1.0");
            if (dotted) {
                ck_assert_str_eq(agget(e, (char *)"color"), ink);
                ck_assert_ptr_nonnull(strstr(agget(e, (char *)"label"), "<B>?</B>"));
            } else {
                ck_assert_str_eq(agget(e, (char *)"color"), theme ? "#000000" : "#333333");
                ck_assert_ptr_null(strstr(agget(e, (char *)"label"), "?"));
            }
        }
        ck_assert_int_eq(edges_between(g, "a", "c", "style", "dotted"), 1);
        ck_assert_int_eq(edges_between(g, "a", "c", "label", "\u2715</B></FONT><FONT"), 1);
        ck_assert_int_eq(edges_between(g, "b", "c", "style", "dotted"), 1);
        ck_assert_int_eq(edges_between(g, "b", "c", "color", twin), 1);
        ck_assert_ptr_nonnull(strstr(dot, "<B>Basis</B>"));
        ck_assert(legend_has(dot, "recommended or proposed"));
        agclose(g);
        free(dot);
    }
    /* Only the recommended tie: the entry names it alone. */
    o.theme = PN_THEME_COLOR;
    o.view.bases = PN_BIT(PN_BASIS_RECOMMENDED);
    dot = render(ds, &o, "dot", NULL);
    ck_assert(legend_has(dot, "recommended"));
    ck_assert(!legend_has(dot, "recommended or proposed"));
    free(dot);
    pn_dataset_free(ds);
}
END_TEST

START_TEST(geometry_api)
{
    double pt = 0;
    ck_assert_int_eq(pn_diagram_length_parse("16cm", &pt), 0);
    ck_assert_double_eq_tol(pt, 453.543, 0.001);
    ck_assert_int_eq(pn_diagram_length_parse("160 mm", &pt), 0);
    ck_assert_double_eq_tol(pt, 453.543, 0.001);
    ck_assert_int_eq(pn_diagram_length_parse("6.5in", &pt), 0);
    ck_assert_double_eq_tol(pt, 468, 1e-9);
    ck_assert_int_eq(pn_diagram_length_parse("300pt", &pt), 0);
    ck_assert_double_eq_tol(pt, 300, 1e-9);
    const char *bad[] = {"16", "16 ", "cm", "", "16px", "16cmx", "-3cm", "0cm", "nancm", "infpt"};
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
        ck_assert_msg(pn_diagram_length_parse(bad[i], &pt) == PN_EINVAL, "%s", bad[i]);
    ck_assert_str_eq(pn_diagram_format_name("JPEG"), "jpg");
    ck_assert_str_eq(pn_diagram_format_name("gv"), "dot");
    ck_assert_str_eq(pn_diagram_format_name("eps"), "eps");
    ck_assert_ptr_null(pn_diagram_format_name("bmp"));
    ck_assert_ptr_null(pn_diagram_format_name(NULL));
    ck_assert_str_eq(pn_diagram_formats(), "svg, pdf, png, jpg, eps, ps, dot");

    /* Out-of-range geometry: PN_EINVAL with a message, before any work. */
    pn_dataset *ds = tu_load_text(small_dataset);
    const pn_diagram_geometry wrong[] = {{1, 0, 0, 0},   {0, 1e6, 0, 0}, {-5, 0, 0, 0},
                                         {NAN, 0, 0, 0}, {0, 0, 2, 0},   {0, 0, 100, 0},
                                         {0, 0, 0, 10},  {0, 0, 0, 5000}};
    for (size_t i = 0; i < sizeof(wrong) / sizeof(wrong[0]); i++) {
        pn_diagram_options o = PN_DIAGRAM_OPTIONS_INIT;
        o.geometry = wrong[i];
        pn_diags *d = NULL;
        char *out = NULL;
        size_t n = 0;
        ck_assert_int_eq(pn_diags_new(&d), 0);
        ck_assert_int_eq(pn_diagram_render(ds, &o, "dot", &out, &n, d), PN_EINVAL);
        ck_assert_ptr_null(out);
        ck_assert_uint_eq(pn_diags_count(d), 1);
        ck_assert_ptr_nonnull(strstr(pn_diags_get(d, 0)->message, "must be"));
        pn_diags_free(d);
    }
    /* The DOT holds the size: the default, 16 cm wide at most (never
     * enlarged; the height free), or a width. */
    pn_diagram_options o = PN_DIAGRAM_OPTIONS_INIT;
    char *dot = render(ds, &o, "dot", NULL);
    ck_assert_ptr_nonnull(strstr(dot, "size=\"6.29921,1388.89\""));
    ck_assert_ptr_nonnull(strstr(dot, "fontsize=8.0"));
    free(dot);
    o.geometry.width = 72 * 4;
    o.geometry.font_size = 10;
    dot = render(ds, &o, "dot", NULL);
    ck_assert_ptr_nonnull(strstr(dot, "size=\"4,1388.89!\""));
    ck_assert_ptr_nonnull(strstr(dot, "fontsize=10.0"));
    free(dot);
    pn_dataset_free(ds);
}
END_TEST

/* Every format begins with its magic bytes; EPS and PS are cairo's. */
START_TEST(format_magic)
{
    pn_dataset *ds = tu_load_text(small_dataset);
    static const struct {
        const char *format, *magic;
    } want[] = {{"svg", "<?xml"},
                {"pdf", "%PDF-"},
                {"png", "\x89PNG\r\n"},
                {"jpg", "\xff\xd8\xff"},
                {"jpeg", "\xff\xd8\xff"},
                {"eps", "%!PS-Adobe-3.0 EPSF-3.0\n%%Creator: cairo"},
                {"ps", "%!PS-Adobe-3.0\n%%Creator: cairo"},
                {"dot", "digraph"},
                {"gv", "digraph"}};
    for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
        size_t n = 0;
        char *out = render(ds, NULL, want[i].format, &n);
        size_t k = strlen(want[i].magic);
        ck_assert_msg(n > k && memcmp(out, want[i].magic, k) == 0, "%s", want[i].format);
        free(out);
    }
    pn_dataset_free(ds);
}
END_TEST

START_TEST(size_by_degree)
{
    pn_dataset *ds = tu_load_text(small_dataset);
    pn_diagram_options o = PN_DIAGRAM_OPTIONS_INIT;
    o.size_by = "degree";
    o.geometry.font_size = 10; /* the sizes below are against labels of 10 points */
    char *dot = render(ds, &o, "dot", NULL);
    Agraph_t *g = agmemread(dot);
    ck_assert_ptr_nonnull(g);
    /* small_dataset's simple graph: a has 3 neighbours (b, c, d), e none: the
     * largest and the smallest font (22 and 9 points); b has 1: 9 + 13/3 on
     * the area scale, sqrt(81 + (484 - 81) / 3) = 14.7. */
    ck_assert_str_eq(agget(agnode(g, (char *)"a", 0), (char *)"fontsize"), "22.0");
    ck_assert_str_eq(agget(agnode(g, (char *)"e", 0), (char *)"fontsize"), "9.0");
    ck_assert_str_eq(agget(agnode(g, (char *)"b", 0), (char *)"fontsize"), "14.7");
    agclose(g);
    free(dot);
    pn_dataset_free(ds);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("diagram");
    TCase *tc = tcase_create("diagram");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, hostile_names_round_trip);
    tcase_add_test(tc, unsafe_ids_and_title);
    tcase_add_test(tc, legend_lists_only_present);
    tcase_add_test(tc, deterministic);
    tcase_add_test(tc, formats_and_errors);
    tcase_add_test(tc, option_names);
    tcase_add_test(tc, paper_theme_is_gray);
    tcase_add_test(tc, parallel_ties_and_path);
    tcase_add_test(tc, size_by_degree);
    tcase_add_test(tc, geometry_api);
    tcase_add_test(tc, format_magic);
    tcase_add_test(tc, basis_marked_only_when_drawn);
    suite_add_tcase(s, tc);
    return tu_run(s);
}
