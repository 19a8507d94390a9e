/* libFuzzer harness: diagrams of datasets with hostile names.
 *
 * The input is cut at NUL bytes: the first piece picks options, each other
 * piece is an actor's name (any bytes; made valid UTF-8, as a JSON load
 * guarantees). The actors are joined in a ring of ties, the dataset is
 * drawn as DOT, and the DOT is parsed back with cgraph: it must parse, hold
 * every actor as a node, and each node's label must read as the actor's name
 * once the HTML-like label is decoded (whitespace compared as single spaces,
 * control characters as U+FFFD, as docs/diagrams.md says). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cgraph.h>
#include <paranet.h>

#define REQUIRE(cond)                                                                              \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "fuzz_render: %s:%d: oracle failed: %s\n", __FILE__, __LINE__, #cond); \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

#define MAX_ACTORS 8
#define MAX_NAME   256

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Length of the well-formed UTF-8 sequence at p (RFC 3629), or 0. */
static size_t utf8_len(const unsigned char *p, size_t left)
{
    unsigned c = p[0];
    size_t len = c < 0x80                 ? 1
                 : c >= 0xC2 && c < 0xE0  ? 2
                 : c >= 0xE0 && c < 0xF0  ? 3
                 : c >= 0xF0 && c <= 0xF4 ? 4
                                          : 0;
    if (len == 0 || len > left)
        return 0;
    for (size_t k = 1; k < len; k++)
        if ((p[k] & 0xC0) != 0x80)
            return 0;
    if (len == 3 && ((c == 0xE0 && p[1] < 0xA0) || (c == 0xED && p[1] >= 0xA0)))
        return 0;
    if (len == 4 && ((c == 0xF0 && p[1] < 0x90) || (c == 0xF4 && p[1] >= 0x90)))
        return 0;
    return len;
}

/* A valid UTF-8 copy of n bytes: bad bytes become '?'. */
static void make_name(char *out, const unsigned char *s, size_t n)
{
    size_t o = 0;
    for (size_t i = 0; i < n && o + 4 < MAX_NAME;) {
        size_t len = utf8_len(s + i, n - i);
        if (len == 0) {
            out[o++] = '?';
            i++;
        } else {
            memcpy(out + o, s + i, len);
            o += len;
            i += len;
        }
    }
    out[o] = '\0';
}

/* What the label should read: whitespace runs as one space, trimmed, CR
 * dropped; other control characters as U+FFFD. */
static void expected_text(char *out, size_t size, const char *name)
{
    size_t o = 0;
    bool space = false;
    for (const unsigned char *p = (const unsigned char *)name; *p && o + 4 < size; p++) {
        if (*p == '\r')
            continue; /* dropped, so that CR LF is one line break */
        if (*p == ' ' || *p == '\n' || *p == '\t') {
            space = o > 0;
            continue;
        }
        if (space) {
            out[o++] = ' ';
            space = false;
        }
        if (*p < 0x20 || *p == 0x7f) {
            memcpy(out + o, "\xEF\xBF\xBD", 3);
            o += 3;
        } else {
            out[o++] = (char)*p;
        }
    }
    out[o] = '\0';
}

/* Decode the HTML-like label text Graphviz gives back: <BR/> is a line
 * break, entities are characters, and a doubled backslash is one. Then
 * whitespace is normalised as in expected_text. */
static void decode_label(char *out, size_t size, const char *label)
{
    static const struct {
        const char *entity;
        char c;
    } entities[] = {{"&amp;", '&'},  {"&lt;", '<'},   {"&gt;", '>'},
                    {"&quot;", '"'}, {"&#39;", '\''}, {"&#92;", '\\'}};
    char *raw = malloc(strlen(label) + 1);
    REQUIRE(raw);
    size_t o = 0;
    for (const char *p = label; *p;) {
        if (strncmp(p, "<BR/>", 5) == 0) {
            raw[o++] = '\n';
            p += 5;
            continue;
        }
        if (*p == '&') {
            size_t k;
            for (k = 0; k < sizeof(entities) / sizeof(entities[0]); k++) {
                size_t n = strlen(entities[k].entity);
                if (strncmp(p, entities[k].entity, n) == 0) {
                    raw[o++] = entities[k].c;
                    p += n;
                    break;
                }
            }
            REQUIRE(k < sizeof(entities) / sizeof(entities[0])); /* no other entity is written */
            continue;
        }
        REQUIRE(*p != '<' && *p != '>'); /* no markup but <BR/> */
        raw[o++] = *p++;
    }
    raw[o] = '\0';
    /* "\\\\" is how one backslash is written; a lone one would be an escape. */
    size_t w = 0;
    for (size_t i = 0; i < o; i++) {
        if (raw[i] == '\\') {
            REQUIRE(raw[i + 1] == '\\');
            i++;
        }
        raw[w++] = raw[i];
    }
    raw[w] = '\0';
    expected_text(out, size, raw);
    free(raw);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* Pieces: options, then names. */
    const unsigned char *piece[MAX_ACTORS + 1];
    size_t len[MAX_ACTORS + 1], n = 0;
    size_t start = 0;
    for (size_t i = 0; i <= size && n < MAX_ACTORS + 1; i++) {
        if (i == size || data[i] == 0) {
            piece[n] = data + start;
            len[n] = i - start;
            n++;
            start = i + 1;
        }
    }
    if (n < 3)
        return 0; /* options and at least two actors */
    unsigned opt = len[0] > 0 ? piece[0][0] : 0;
    size_t n_actors = n - 1;

    pn_dataset *ds = NULL;
    REQUIRE(pn_dataset_new(&ds) == 0);
    static const char *const countries[] = {"ID", "KR", "MY", "ZZ"};
    char names[MAX_ACTORS][MAX_NAME], ids[MAX_ACTORS][8];
    for (size_t i = 0; i < n_actors; i++) {
        make_name(names[i], piece[i + 1], len[i + 1]);
        if (!names[i][0])
            strcpy(names[i], "x");
    }
    for (size_t i = 0; i < n_actors; i++) {
        snprintf(ids[i], sizeof(ids[i]), "a%zu", i);
        pn_actor a = {0};
        a.id = ids[i];
        a.name = names[i];
        a.kind = (pn_kind)((opt + i) % pn_vocab_size(PN_VOCAB_KIND));
        memcpy(a.country, countries[(opt >> 2) % 4 == 0 ? i % 4 : 0], 3);
        const char *alias = names[(i + 1) % n_actors];
        a.aliases = &alias;
        a.n_aliases = (opt & 0x40) ? 1 : 0;
        REQUIRE(pn_dataset_add_actor(ds, &a, NULL) == 0);
    }
    for (size_t i = 0; i < n_actors; i++) {
        pn_tie t = {0};
        t.from = i;
        t.to = (i + 1) % n_actors;
        t.type = (pn_tie_type)((opt + i) % pn_vocab_size(PN_VOCAB_TYPE));
        t.instrument = (pn_instrument)(i % pn_vocab_size(PN_VOCAB_INSTRUMENT));
        t.since.year = 2000 + (int)i;
        t.directed = (opt & 0x80) != 0;
        REQUIRE(pn_dataset_add_tie(ds, &t, NULL) == 0);
    }

    pn_diagram_options o = PN_DIAGRAM_OPTIONS_INIT;
    o.cluster = (pn_diagram_cluster)(opt % 3);
    o.legend = (opt & 0x08) != 0;
    o.theme = (opt & 0x10) ? PN_THEME_PAPER : PN_THEME_COLOR;
    o.edge_labels = (pn_diagram_edge_labels)((opt >> 5) % 4);
    o.labels = (opt & 0x40) ? PN_LABELS_SHORT : PN_LABELS_NAME;
    o.title = (opt & 0x20) ? names[0] : NULL;
    pn_diags *diags = NULL;
    REQUIRE(pn_diags_new(&diags) == 0);
    char *dot = NULL;
    size_t dot_len = 0;
    int rc = pn_diagram_render(ds, &o, "dot", &dot, &dot_len, diags);
    if (rc != 0) {
        char line[512];
        for (size_t i = 0; i < pn_diags_count(diags); i++) {
            pn_diag_format(pn_diags_get(diags, i), line, sizeof(line));
            fprintf(stderr, "%s\n", line);
        }
    }
    REQUIRE(rc == 0);
    REQUIRE(dot && strlen(dot) == dot_len);

    Agraph_t *g = agmemread(dot);
    if (!g)
        fprintf(stderr, "DOT that cgraph cannot parse:\n%s\n", dot);
    REQUIRE(g);
    for (size_t i = 0; i < n_actors; i++) {
        Agnode_t *node = agnode(g, ids[i], 0);
        REQUIRE(node);
        char *label = agget(node, (char *)"label");
        REQUIRE(label);
        char want[4 * MAX_NAME], got[4 * MAX_NAME];
        expected_text(want, sizeof(want), (opt & 0x40) ? names[(i + 1) % n_actors] : names[i]);
        /* A country not drawn as a box is its code after the label on paper
         * (docs/diagrams.md; the colour theme's palette covers these four);
         * ZZ, unknown, has none. */
        const char *cc = pn_dataset_actor(ds, i)->country;
        if (o.theme == PN_THEME_PAPER && o.cluster != PN_CLUSTER_COUNTRY && strcmp(cc, "ZZ") != 0) {
            size_t w = strlen(want);
            snprintf(want + w, sizeof(want) - w, "%s(%s)", w ? " " : "", cc);
        }
        if (aghtmlstr(label)) {
            decode_label(got, sizeof(got), label);
        } else {
            /* Graphviz 2.42's agstrdup_html hands back an existing plain
             * string of the same text ("0.7", also an arrowsize): the label
             * is then plain. That is harmless only because escaped HTML
             * text equals a plain value solely when it holds no '&', '<',
             * '>' or '\\': check exactly that. */
            REQUIRE(!strpbrk(label, "&<>\\"));
            expected_text(got, sizeof(got), label);
        }
        if (strcmp(want, got) != 0) {
            char *json = NULL;
            if (pn_dataset_save_buffer(ds, &json, NULL) == 0)
                fprintf(stderr, "dataset:\n%s\n", json);
            free(json);
            fprintf(stderr, "actor %zu: wanted \"%s\", the label reads \"%s\" (%s) in:\n%s\n", i,
                    want, got, label, dot);
        }
        REQUIRE(strcmp(want, got) == 0);
    }
    agclose(g);
    free(dot);
    pn_diags_free(diags);
    pn_dataset_free(ds);
    return 0;
}
