/* Diagrams that lose nothing (issue 15): every legend entry looks like a
 * drawn element of what it stands for, statuses drawn alike share an entry
 * and the others each have their own line, country and kind stay readable
 * under every layout and theme, the path's colour is reserved and the ego
 * actor is marked. Each test reads the DOT back with cgraph. */
#include <cgraph.h>

#include "testutil.h"

/* One tie per status, each between its own pair; every type, a directed
 * tie, a recommended one; actors of every kind and of seven countries (five
 * with a palette colour: ID, KR, CN, JP, DE by number of actors), and ZZ. */
static const char looks_dataset[] =
    "{\"paranet\": 1, \"sources\": [{\"id\": \"s\", \"cite\": \"S\"}], \"actors\": ["
    " {\"id\": \"a\", \"name\": \"A\", \"kind\": \"city\", \"country\": \"ID\"},"
    " {\"id\": \"b\", \"name\": \"B\", \"kind\": \"regency\", \"country\": \"ID\"},"
    " {\"id\": \"l\", \"name\": \"L\", \"kind\": \"firm\", \"country\": \"ID\"},"
    " {\"id\": \"m\", \"name\": \"M\", \"kind\": \"city\", \"country\": \"ID\"},"
    " {\"id\": \"n\", \"name\": \"N\", \"kind\": \"city\", \"country\": \"ID\"},"
    " {\"id\": \"c\", \"name\": \"C\", \"kind\": \"province\", \"country\": \"KR\"},"
    " {\"id\": \"d\", \"name\": \"D\", \"kind\": \"ministry\", \"country\": \"KR\"},"
    " {\"id\": \"o\", \"name\": \"O\", \"kind\": \"city\", \"country\": \"KR\"},"
    " {\"id\": \"p\", \"name\": \"P\", \"kind\": \"city\", \"country\": \"KR\"},"
    " {\"id\": \"e\", \"name\": \"E\", \"kind\": \"agency\", \"country\": \"CN\"},"
    " {\"id\": \"q\", \"name\": \"Q\", \"kind\": \"city\", \"country\": \"CN\"},"
    " {\"id\": \"r\", \"name\": \"R\", \"kind\": \"city\", \"country\": \"CN\"},"
    " {\"id\": \"f\", \"name\": \"F\", \"kind\": \"university\", \"country\": \"JP\"},"
    " {\"id\": \"t\", \"name\": \"T\", \"kind\": \"city\", \"country\": \"JP\"},"
    " {\"id\": \"g\", \"name\": \"G\", \"kind\": \"research\", \"country\": \"DE\"},"
    " {\"id\": \"h\", \"name\": \"H\", \"kind\": \"firm\", \"country\": \"MY\"},"
    " {\"id\": \"i\", \"name\": \"I\", \"kind\": \"organisation\", \"country\": \"NP\"},"
    " {\"id\": \"j\", \"name\": \"J\", \"kind\": \"ngo\", \"country\": \"SE\"},"
    " {\"id\": \"k\", \"name\": \"K\", \"kind\": \"city\", \"country\": \"ZZ\"}],"
    " \"ties\": ["
    " {\"from\": \"a\", \"to\": \"b\", \"type\": \"g2g\", \"status\": \"planned\", \"sources\": "
    "[\"s\"]},"
    " {\"from\": \"a\", \"to\": \"c\", \"type\": \"horizontal\", \"status\": \"signed\", "
    "\"sources\": [\"s\"]},"
    " {\"from\": \"a\", \"to\": \"d\", \"type\": \"vertical\", \"status\": \"implemented\", "
    "\"sources\": [\"s\"]},"
    " {\"from\": \"a\", \"to\": \"e\", \"type\": \"g2g\", \"status\": \"active\", \"sources\": "
    "[\"s\"]},"
    " {\"from\": \"a\", \"to\": \"f\", \"type\": \"academic\", \"status\": \"stalled\", "
    "\"sources\": [\"s\"]},"
    " {\"from\": \"a\", \"to\": \"g\", \"type\": \"academic\", \"status\": \"failed\", "
    "\"sources\": [\"s\"]},"
    " {\"from\": \"a\", \"to\": \"h\", \"type\": \"g2b\", \"status\": \"ended\", \"sources\": "
    "[\"s\"]},"
    " {\"from\": \"a\", \"to\": \"i\", \"type\": \"membership\", \"directed\": true, "
    "\"sources\": [\"s\"]},"
    " {\"from\": \"h\", \"to\": \"l\", \"type\": \"b2b\", \"status\": \"signed\", \"sources\": "
    "[\"s\"]},"
    " {\"from\": \"a\", \"to\": \"j\", \"type\": \"horizontal\", \"basis\": \"recommended\", "
    "\"sources\": [\"s\"]},"
    " {\"from\": \"a\", \"to\": \"k\", \"type\": \"horizontal\", \"sources\": [\"s\"]},"
    " {\"from\": \"m\", \"to\": \"n\", \"type\": \"g2g\", \"sources\": [\"s\"]},"
    " {\"from\": \"n\", \"to\": \"o\", \"type\": \"g2g\", \"sources\": [\"s\"]},"
    " {\"from\": \"o\", \"to\": \"p\", \"type\": \"g2g\", \"sources\": [\"s\"]},"
    " {\"from\": \"p\", \"to\": \"q\", \"type\": \"g2g\", \"sources\": [\"s\"]},"
    " {\"from\": \"q\", \"to\": \"r\", \"type\": \"g2g\", \"sources\": [\"s\"]},"
    " {\"from\": \"r\", \"to\": \"t\", \"type\": \"g2g\", \"sources\": [\"s\"]}]}";

/* The status of each tie's pair in looks_dataset (the others: no status). */
static const struct {
    const char *from, *to, *status;
} status_pairs[] = {
    {"a", "b", "planned"},   {"a", "c", "signed"},    {"a", "d", "implemented"},
    {"a", "e", "active"},    {"a", "f", "stalled"},   {"a", "g", "failed"},
    {"a", "h", "ended"},     {"a", "i", "not given"}, {"h", "l", "signed"},
    {"a", "k", "not given"}, {"m", "n", "not given"},
};
#define N_STATUS_PAIRS (sizeof(status_pairs) / sizeof(status_pairs[0]))

#define ALL_BASES                                                                                  \
    (PN_BIT(PN_BASIS_REPORTED) | PN_BIT(PN_BASIS_RECOMMENDED) | PN_BIT(PN_BASIS_PROPOSED) |        \
     PN_BIT(PN_BASIS_INFERRED))

static Agraph_t *render_graph(const pn_dataset *ds, const pn_diagram_options *o)
{
    pn_diags *d = NULL;
    char *dot = NULL;
    ck_assert_int_eq(pn_diags_new(&d), 0);
    int rc = pn_diagram_render(ds, o, "dot", &dot, NULL, d);
    for (size_t i = 0; rc != 0 && i < pn_diags_count(d); i++)
        fprintf(stderr, "%s\n", pn_diags_get(d, i)->message);
    ck_assert_int_eq(rc, 0);
    pn_diags_free(d);
    Agraph_t *g = agmemread(dot);
    ck_assert_ptr_nonnull(g);
    free(dot);
    return g;
}

static const char *get(void *obj, const char *name)
{
    const char *v = agget(obj, (char *)name);
    return v ? v : "";
}

/* The edge between two nodes, either way (the only one in looks_dataset). */
static Agedge_t *edge_between(Agraph_t *g, const char *a, const char *b)
{
    Agnode_t *na = agnode(g, (char *)a, 0), *nb = agnode(g, (char *)b, 0);
    ck_assert_ptr_nonnull(na);
    ck_assert_ptr_nonnull(nb);
    for (Agedge_t *e = agfstedge(g, na); e; e = agnxtedge(g, e, na)) {
        if (aghead(e) == nb || agtail(e) == nb)
            return e;
    }
    ck_abort_msg("no edge %s - %s", a, b);
    return NULL;
}

/* NAME="value" inside the tag that starts at tag (up to its '>'). */
static bool tag_attr(const char *tag, const char *name, char *out, size_t size)
{
    const char *end = strchr(tag, '>');
    char needle[32];
    snprintf(needle, sizeof(needle), " %s=\"", name);
    const char *p = strstr(tag, needle);
    if (!p || !end || p > end)
        return false;
    p += strlen(needle);
    size_t n = strcspn(p, "\"");
    snprintf(out, size, "%.*s", (int)(n < size ? n : size - 1), p);
    return true;
}

/* The marks of an HTML-like label as "COLOUR MARK;" items. */
static void marks_of(const char *html, char *out, size_t size)
{
    out[0] = '\0';
    for (const char *p = strstr(html, "<FONT COLOR=\""); p; p = strstr(p + 1, "<FONT COLOR=\"")) {
        char colour[16], mark[16];
        if (!strstr(p, "POINT-SIZE=\"12\"") || strstr(p, "POINT-SIZE=\"12\"") > strchr(p, '>'))
            continue;
        if (sscanf(p, "<FONT COLOR=\"%15[^\"]\" POINT-SIZE=\"12\"><B>%15[^<]</B>", colour, mark) ==
            2) {
            size_t len = strlen(out);
            snprintf(out + len, size - len, "%s %s;", colour, mark);
        }
    }
}

/* A legend entry, read from the DOT's root label. */
typedef struct entry {
    char text[128];
    char glyphs[64]; /* the glyph cells' texts, in order */
    bool line;
    char style[16], colour[16], sides[8];
    int width;
    char marks[96];
    bool swatch;
    char fill[16], outline[16];
    int outline_width;
    char sample[32];
    bool sample_bold;
} entry;

#define SAMPLE_OPEN                                                                                \
    "<TD ALIGN=\"LEFT\"><TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" "                   \
    "CELLPADDING=\"0\"><TR>"
#define SAMPLE_CLOSE "</TR></TABLE></TD><TD ALIGN=\"LEFT\">"

static size_t read_legend(Agraph_t *g, entry *out, size_t max)
{
    const char *label = get(g, "label");
    size_t n = 0;
    for (const char *p = strstr(label, SAMPLE_OPEN); p && n < max; p = strstr(p + 1, SAMPLE_OPEN)) {
        entry *e = &out[n++];
        memset(e, 0, sizeof(*e));
        const char *body = p + strlen(SAMPLE_OPEN), *end = strstr(body, SAMPLE_CLOSE);
        ck_assert_ptr_nonnull(end);
        const char *text = end + strlen(SAMPLE_CLOSE);
        snprintf(e->text, sizeof(e->text), "%.*s", (int)strcspn(text, "<"), text);
        for (const char *td = strstr(body, "<TD"); td && td < end; td = strstr(td + 1, "<TD")) {
            const char *content = strchr(td, '>') + 1, *close = strstr(content, "</TD>");
            char buf[32];
            if (tag_attr(td, "SIDES", e->sides, sizeof(e->sides))) {
                e->line = true;
                ck_assert(tag_attr(td, "STYLE", e->style, sizeof(e->style)));
                ck_assert(tag_attr(td, "COLOR", e->colour, sizeof(e->colour)));
                ck_assert(tag_attr(td, "BORDER", buf, sizeof(buf)));
                e->width = atoi(buf);
            } else if (tag_attr(td, "BGCOLOR", e->fill, sizeof(e->fill))) {
                e->swatch = true;
                ck_assert(tag_attr(td, "COLOR", e->outline, sizeof(e->outline)));
                ck_assert(tag_attr(td, "BORDER", buf, sizeof(buf)));
                e->outline_width = atoi(buf);
            } else if (strncmp(content, "<FONT FACE=", 11) == 0) {
                const char *g0 = strchr(content, '>') + 1;
                size_t len = strlen(e->glyphs);
                snprintf(e->glyphs + len, sizeof(e->glyphs) - len, "%.*s",
                         (int)(strstr(g0, "</FONT>") - g0), g0);
            } else if (strncmp(content, "<FONT COLOR=", 12) == 0) {
                char m[64];
                snprintf(m, sizeof(m), "%.*s", (int)(close - content), content);
                size_t len = strlen(e->marks);
                marks_of(m, e->marks + len, sizeof(e->marks) - len);
            } else if (close > content) {
                const char *s = content + (*content == ' ');
                e->sample_bold = strncmp(s, "<B>", 3) == 0;
                s += e->sample_bold ? 3 : 0;
                snprintf(e->sample, sizeof(e->sample), "%.*s", (int)strcspn(s, "<"), s);
            }
        }
    }
    return n;
}

/* "signed or not given" names signed and not given. */
static bool names(const char *text, const char *word)
{
    size_t n = strlen(word);
    for (const char *p = strstr(text, word); p; p = strstr(p + 1, word)) {
        bool start = p == text || strncmp(p - 4, " or ", 4) == 0;
        bool end = p[n] == '\0' || strncmp(p + n, " or ", 4) == 0;
        if (start && end)
            return true;
    }
    return false;
}

/* The first colour of a colour list ("c:invis:c"). */
static void first_colour(const char *list, char *out, size_t size)
{
    snprintf(out, size, "%.*s", (int)strcspn(list, ":"), list);
}

/* The line sample against the edge: style, width, colour and marks; its
 * structure (double or single) too when `structure` (a type's entry: a
 * status's sample is a single line of that style on every type). */
static void check_line(const entry *e, Agedge_t *edge, const char *what, bool structure)
{
    char colour[16], marks[96];
    first_colour(get(edge, "color"), colour, sizeof(colour));
    ck_assert_msg(e->line, "%s: no line sample", what);
    ck_assert_msg(strcmp(e->style, get(edge, "style")) == 0, "%s: style %s, edge %s", what,
                  e->style, get(edge, "style"));
    ck_assert_msg(e->width == (int)atof(get(edge, "penwidth")) &&
                      atof(get(edge, "penwidth")) == (double)e->width,
                  "%s: width %d, edge %s", what, e->width, get(edge, "penwidth"));
    ck_assert_msg(strcmp(e->colour, colour) == 0, "%s: colour %s, edge %s", what, e->colour,
                  colour);
    ck_assert_msg(!structure || strcmp(e->sides, strchr(get(edge, "color"), ':') ? "TB" : "B") == 0,
                  "%s: sides %s, edge colour %s", what, e->sides, get(edge, "color"));
    marks_of(get(edge, "label"), marks, sizeof(marks));
    ck_assert_msg(strcmp(e->marks, marks) == 0, "%s: marks '%s', edge '%s'", what, e->marks, marks);
}

static const struct {
    const char *kind, *glyph, *shape;
    bool rounded;
    const char *peripheries;
} kind_glyphs[] = {
    {"city", "\u25CB", "ellipse", false, ""},
    {"regency", "\u25A2", "box", true, ""},
    {"province", "\u2B21", "hexagon", false, ""},
    {"ministry", "\u2302", "house", false, ""},
    {"agency", "\u25A1", "box", false, ""},
    {"university", "\u25B1", "parallelogram", false, ""},
    {"research", "\u2B20", "pentagon", false, ""},
    {"firm", "\u2752", "box3d", false, ""},
    {"organisation", "\u25CE", "ellipse", false, "2"},
    {"ngo", "\u25C7", "diamond", false, ""},
};
static const struct {
    const char *type, *glyph, *arrow, *from, *to;
} type_glyphs[] = {
    {"g2g", "", "", "a", "b"},
    {"b2b", "\u25A1", "obox", "h", "l"},
    {"g2b", "\u25A1", "obox", "a", "h"},
    {"horizontal", "", "", "a", "c"},
    {"vertical", "\u22A2", "tee", "a", "d"},
    {"academic", "\u25CB", "odot", "a", "f"},
    {"membership", "\u25C7", "odiamond", "a", "i"},
};
static const char *const country_of[][2] = {
    {"a", "ID"}, {"c", "KR"}, {"e", "CN"}, {"f", "JP"}, {"g", "DE"},
    {"h", "MY"}, {"i", "NP"}, {"j", "SE"}, {"k", "ZZ"},
};

static bool ends_with(const char *s, const char *tail)
{
    size_t a = strlen(s), b = strlen(tail);
    return a >= b && strcmp(s + a - b, tail) == 0;
}

/* An entry of the kinds, types, statuses, bases or countries against the
 * drawn element of its class; false when it is none of those. */
static bool check_entry(Agraph_t *g, const pn_dataset *ds, const entry *e)
{
    for (size_t k = 0; k < sizeof(kind_glyphs) / sizeof(kind_glyphs[0]); k++) {
        if (strcmp(e->text, kind_glyphs[k].kind) != 0)
            continue;
        ck_assert_str_eq(e->glyphs, kind_glyphs[k].glyph);
        bool found = false;
        for (size_t i = 0; i < pn_dataset_actor_count(ds); i++) {
            const pn_actor *a = pn_dataset_actor(ds, i);
            if (strcmp(pn_kind_name(a->kind), e->text) != 0)
                continue;
            Agnode_t *n = agnode(g, (char *)a->id, 0);
            ck_assert_ptr_nonnull(n);
            ck_assert_str_eq(get(n, "shape"), kind_glyphs[k].shape);
            ck_assert(kind_glyphs[k].rounded == (strstr(get(n, "style"), "rounded") != NULL));
            ck_assert_str_eq(get(n, "peripheries"), kind_glyphs[k].peripheries);
            found = true;
        }
        ck_assert_msg(found, "the legend lists %s, which is not drawn", e->text);
        return true;
    }
    for (size_t t = 0; t < sizeof(type_glyphs) / sizeof(type_glyphs[0]); t++) {
        if (strcmp(e->text, type_glyphs[t].type) != 0)
            continue;
        Agedge_t *edge = edge_between(g, type_glyphs[t].from, type_glyphs[t].to);
        ck_assert_str_eq(e->glyphs, type_glyphs[t].glyph);
        ck_assert(strcmp(e->sides, strchr(get(edge, "color"), ':') ? "TB" : "B") == 0);
        const char *tail = get(edge, "arrowtail"), *head = get(edge, "arrowhead");
        if (*type_glyphs[t].arrow)
            ck_assert_msg(ends_with(tail, type_glyphs[t].arrow) ||
                              ends_with(head, type_glyphs[t].arrow),
                          "%s: arrows %s, %s", e->text, tail, head);
        else
            ck_assert_msg(!*tail && (!*head || strcmp(head, "normal") == 0), "%s: arrows %s, %s",
                          e->text, tail, head);
        return true;
    }
    if (strcmp(e->text, "direction") == 0) {
        Agedge_t *edge = edge_between(g, "a", "i");
        ck_assert(strcmp(get(edge, "dir"), "both") == 0 ||
                  strcmp(get(edge, "dir"), "forward") == 0);
        ck_assert_str_eq(get(edge, "arrowhead"), "");
        ck_assert_str_eq(e->glyphs, "\u25B6");
        return true;
    }
    bool status = false;
    for (size_t i = 0; i < N_STATUS_PAIRS; i++) {
        if (names(e->text, status_pairs[i].status)) {
            check_line(e, edge_between(g, status_pairs[i].from, status_pairs[i].to),
                       status_pairs[i].status, false);
            status = true;
        }
    }
    if (status)
        return true;
    if (strcmp(e->text, "recommended") == 0) {
        check_line(e, edge_between(g, "a", "j"), "recommended", false);
        return true;
    }
    for (size_t c = 0; c < sizeof(country_of) / sizeof(country_of[0]); c++) {
        const char *code = country_of[c][1];
        const char *name = strcmp(code, "ZZ") == 0 ? "unknown" : pn_country_name(code);
        if (!ends_with(e->text, name))
            continue;
        Agnode_t *n = agnode(g, (char *)country_of[c][0], 0);
        char suffix[16];
        snprintf(suffix, sizeof(suffix), " (%s)", code);
        if (e->swatch) {
            ck_assert_str_eq(e->fill, get(n, "fillcolor"));
            ck_assert_str_eq(e->outline, get(n, "color"));
            ck_assert_int_eq(e->outline_width, atoi(get(n, "penwidth")));
        }
        if (*e->sample) {
            ck_assert_msg(ends_with(get(n, "label"), suffix), "%s: label %s", code,
                          get(n, "label"));
            ck_assert_str_eq(e->sample, suffix + 1);
        } else {
            ck_assert_msg(!strstr(get(n, "label"), suffix), "%s: label %s", code, get(n, "label"));
        }
        ck_assert(e->swatch || *e->sample || strcmp(code, "ZZ") == 0);
        return true;
    }
    return false;
}

START_TEST(legend_looks_like_what_it_stands_for)
{
    pn_dataset *ds = tu_load_text(looks_dataset);
    pn_diagram_options o = PN_DIAGRAM_OPTIONS_INIT;
    o.view.bases = ALL_BASES;
    o.cluster = PN_CLUSTER_NONE;
    for (int theme = 0; theme < 2; theme++) {
        o.theme = theme ? PN_THEME_PAPER : PN_THEME_COLOR;
        Agraph_t *g = render_graph(ds, &o);
        entry e[64];
        size_t n = read_legend(g, e, 64);
        ck_assert_uint_ge(n, 30);
        size_t countries = 0;
        for (size_t i = 0; i < n; i++) {
            ck_assert_msg(check_entry(g, ds, &e[i]), "legend entry '%s' stands for nothing drawn",
                          e[i].text);
            countries += e[i].swatch || *e[i].sample;
        }
        ck_assert_uint_ge(countries, 8); /* every country but ZZ (a swatch in colour) */
        agclose(g);
    }
    pn_dataset_free(ds);
}
END_TEST

/* Two statuses share a legend entry exactly when their edges look alike;
 * the others each have their own line (style and width, so on paper too, or
 * a mark). */
START_TEST(statuses_alike_share_an_entry)
{
    pn_dataset *ds = tu_load_text(looks_dataset);
    pn_diagram_options o = PN_DIAGRAM_OPTIONS_INIT;
    o.cluster = PN_CLUSTER_NONE;
    for (int theme = 0; theme < 2; theme++) {
        o.theme = theme ? PN_THEME_PAPER : PN_THEME_COLOR;
        Agraph_t *g = render_graph(ds, &o);
        entry e[64];
        size_t n = read_legend(g, e, 64);
        size_t entry_of[N_STATUS_PAIRS];
        for (size_t i = 0; i < N_STATUS_PAIRS; i++) {
            entry_of[i] = SIZE_MAX;
            for (size_t k = 0; k < n; k++) {
                if (names(e[k].text, status_pairs[i].status))
                    entry_of[i] = k;
            }
            ck_assert_msg(entry_of[i] != SIZE_MAX, "no legend entry for %s",
                          status_pairs[i].status);
        }
        ck_assert(names(e[entry_of[1]].text, "signed") && names(e[entry_of[1]].text, "not given"));
        for (size_t i = 0; i < N_STATUS_PAIRS; i++) {
            for (size_t j = i + 1; j < N_STATUS_PAIRS; j++) {
                Agedge_t *x = edge_between(g, status_pairs[i].from, status_pairs[i].to);
                Agedge_t *y = edge_between(g, status_pairs[j].from, status_pairs[j].to);
                char mx[96], my[96], cx[16], cy[16];
                marks_of(get(x, "label"), mx, sizeof(mx));
                marks_of(get(y, "label"), my, sizeof(my));
                first_colour(get(x, "color"), cx, sizeof(cx));
                first_colour(get(y, "color"), cy, sizeof(cy));
                bool same_line = strcmp(get(x, "style"), get(y, "style")) == 0 &&
                                 strcmp(get(x, "penwidth"), get(y, "penwidth")) == 0;
                bool alike = same_line && strcmp(cx, cy) == 0 && strcmp(mx, my) == 0;
                ck_assert_msg(alike == (entry_of[i] == entry_of[j]), "%s and %s: alike %d",
                              status_pairs[i].status, status_pairs[j].status, alike);
                /* Distinct lines differ in style or width, or carry a mark. */
                if (!alike)
                    ck_assert_msg(!same_line || strcmp(mx, my) != 0,
                                  "%s and %s differ by ink alone", status_pairs[i].status,
                                  status_pairs[j].status);
            }
        }
        agclose(g);
    }
    pn_dataset_free(ds);
}
END_TEST

/* The label without its HTML and its country code. */
static const char *country_name_of(const char *code)
{
    return pn_country_name(code) ? pn_country_name(code) : code;
}

/* Country and kind readable in every layout, theme and cluster option:
 * each actor is in a box labelled with its country, or its label ends with
 * its code, or (colour) its fill is its country's alone; its shape is its
 * kind's. */
START_TEST(country_and_kind_in_every_layout)
{
    pn_dataset *ds = tu_load_text(looks_dataset);
    static const pn_diagram_layout layouts[] = {PN_LAYOUT_DOT,  PN_LAYOUT_NEATO, PN_LAYOUT_FDP,
                                                PN_LAYOUT_SFDP, PN_LAYOUT_CIRCO, PN_LAYOUT_TWOPI};
    for (size_t l = 0; l < 6; l++) {
        for (int theme = 0; theme < 2; theme++) {
            for (int cluster = 0; cluster < 3; cluster++) {
                pn_diagram_options o = PN_DIAGRAM_OPTIONS_INIT;
                o.layout = layouts[l];
                o.theme = theme ? PN_THEME_PAPER : PN_THEME_COLOR;
                o.cluster = (pn_diagram_cluster)cluster;
                Agraph_t *g = render_graph(ds, &o);
                for (size_t i = 0; i < pn_dataset_actor_count(ds); i++) {
                    const pn_actor *a = pn_dataset_actor(ds, i);
                    Agnode_t *n = agnode(g, (char *)a->id, 0);
                    ck_assert_ptr_nonnull(n);
                    for (size_t k = 0; k < sizeof(kind_glyphs) / sizeof(kind_glyphs[0]); k++) {
                        if (strcmp(kind_glyphs[k].kind, pn_kind_name(a->kind)) == 0)
                            ck_assert_str_eq(get(n, "shape"), kind_glyphs[k].shape);
                    }
                    if (strcmp(a->country, "ZZ") == 0)
                        continue;
                    char suffix[16], name[64];
                    snprintf(suffix, sizeof(suffix), " (%s)", a->country);
                    bool coded = ends_with(get(n, "label"), suffix);
                    bool boxed = false;
                    for (Agraph_t *s = agfstsubg(g); s && !boxed; s = agnxtsubg(s)) {
                        snprintf(name, sizeof(name), "%s", country_name_of(a->country));
                        boxed = agsubnode(s, n, 0) && strcmp(get(s, "label"), name) == 0;
                    }
                    bool own_fill = theme == 0;
                    for (size_t j = 0; own_fill && j < pn_dataset_actor_count(ds); j++) {
                        const pn_actor *b = pn_dataset_actor(ds, j);
                        Agnode_t *m = agnode(g, (char *)b->id, 0);
                        if (strcmp(b->country, a->country) != 0 &&
                            strcmp(get(m, "fillcolor"), get(n, "fillcolor")) == 0)
                            own_fill = false;
                    }
                    ck_assert_msg(coded || boxed || own_fill,
                                  "layout %zu theme %d cluster %d: %s's country is not shown", l,
                                  theme, cluster, a->id);
                }
                agclose(g);
            }
        }
    }
    pn_dataset_free(ds);
}
END_TEST

/* The path's colour is reserved: no fill (nor, in colour, outline) of any
 * actor, in either theme; the ego actor is marked, in the legend too. */
START_TEST(path_colour_reserved_and_ego_marked)
{
    pn_dataset *ds = tu_load_text(looks_dataset);
    for (int theme = 0; theme < 2; theme++) {
        pn_diagram_options o = PN_DIAGRAM_OPTIONS_INIT;
        o.theme = theme ? PN_THEME_PAPER : PN_THEME_COLOR;
        o.cluster = PN_CLUSTER_NONE;
        Agraph_t *plain = render_graph(ds, &o);
        o.path_from = "m";
        o.path_to = "t";
        Agraph_t *g = render_graph(ds, &o);
        char path[16];
        first_colour(get(edge_between(g, "m", "n"), "color"), path, sizeof(path));
        char other[16];
        first_colour(get(edge_between(g, "q", "r"), "color"), other, sizeof(other));
        ck_assert_str_eq(other, path);
        for (Agnode_t *n = agfstnode(plain); n; n = agnxtnode(plain, n)) {
            ck_assert_str_ne(get(n, "fillcolor"), path);
            if (theme == 0)
                ck_assert_str_ne(get(n, "color"), path);
        }
        /* On the path: a heavy outline in the path colour, and the legend's
         * sample is a path edge's line. */
        ck_assert_str_eq(get(agnode(g, (char *)"n", 0), "color"), path);
        entry e[64];
        size_t k = 0, n = read_legend(g, e, 64);
        while (k < n && strncmp(e[k].text, "shortest path", 13) != 0)
            k++;
        ck_assert_uint_lt(k, n);
        check_line(&e[k], edge_between(g, "m", "n"), "path", true);
        agclose(g);
        agclose(plain);
        /* The ego: a heavy outline and a bold label after a star; in the legend. */
        o.path_from = o.path_to = NULL;
        o.view.ego = "a";
        g = render_graph(ds, &o);
        Agnode_t *ego = agnode(g, (char *)"a", 0);
        ck_assert_double_eq(atof(get(ego, "penwidth")), 3.0); /* "3.0" in the DOT */
        ck_assert_ptr_nonnull(strstr(get(ego, "label"), "<B>\u2605 A"));
        ck_assert_ptr_null(strstr(get(agnode(g, (char *)"b", 0), "label"), "\u2605"));
        ck_assert_double_ne(atof(get(agnode(g, (char *)"b", 0), "penwidth")), 3.0);
        n = read_legend(g, e, 64);
        for (k = 0; k < n && strncmp(e[k].text, "ego: A", 6) != 0;)
            k++;
        ck_assert_uint_lt(k, n);
        ck_assert_str_eq(e[k].sample, "\u2605");
        ck_assert(e[k].sample_bold);
        agclose(g);
    }
    pn_dataset_free(ds);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("looks");
    TCase *tc = tcase_create("looks");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, legend_looks_like_what_it_stands_for);
    tcase_add_test(tc, statuses_alike_share_an_entry);
    tcase_add_test(tc, country_and_kind_in_every_layout);
    tcase_add_test(tc, path_colour_reserved_and_ego_marked);
    suite_add_tcase(s, tc);
    return tu_run(s);
}
