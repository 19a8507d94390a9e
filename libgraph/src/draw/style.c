/* Diagrams: a view of a dataset as a cgraph graph, laid out and rendered by
 * gvc in process. The visual vocabulary is documented in docs/diagrams.md;
 * the tables below are its single source. */
#include "paranet/diagram.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cgraph.h>
#include <gvc.h>

#include "paranet/graph.h"
#include "paranet/metrics.h"
#include "paranet/vocab.h"
#include "core/util.h"

/* ---- option names ---- */

static const char *const layout_names[] = {"dot", "neato", "fdp", "sfdp", "circo", "twopi", NULL};
static const char *const theme_names[] = {"color", "paper", NULL};
static const char *const cluster_names[] = {"country", "kind", "none", NULL};
static const char *const labels_names[] = {"name", "id", "short", NULL};
static const char *const edge_label_names[] = {"none", "instrument", "year", "both", NULL};

static const struct {
    const char *option;
    const char *const *names;
    const char *values;
} option_table[] = {
    {"layout", layout_names, "dot|neato|fdp|sfdp|circo|twopi"},
    {"theme", theme_names, "color|paper"},
    {"cluster", cluster_names, "country|kind|none"},
    {"labels", labels_names, "name|id|short"},
    {"edge-labels", edge_label_names, "none|instrument|year|both"},
};

static const char *const *option_names(const char *option, const char **values)
{
    for (size_t i = 0; option && i < sizeof(option_table) / sizeof(option_table[0]); i++) {
        if (strcmp(option, option_table[i].option) == 0) {
            if (values)
                *values = option_table[i].values;
            return option_table[i].names;
        }
    }
    return NULL;
}

int pn_diagram_option_parse(const char *option, const char *value)
{
    const char *const *names = option_names(option, NULL);
    for (int i = 0; names && value && names[i]; i++) {
        if (strcmp(names[i], value) == 0)
            return i;
    }
    return -1;
}

const char *pn_diagram_option_values(const char *option)
{
    const char *values = NULL;
    option_names(option, &values);
    return values;
}

const char *pn_diagram_option_name(const char *option, int value)
{
    const char *const *names = option_names(option, NULL);
    for (int i = 0; names && names[i]; i++) {
        if (i == value)
            return names[i];
    }
    return NULL;
}

/* ---- the visual vocabulary ---- */

/* Actor kind -> node shape, and a glyph of the same shape for the legend. */
static const struct {
    const char *shape;
    const char *style; /* extra style, or "" */
    int peripheries;
    const char *glyph;
} kind_style[PN_KIND_COUNT] = {
    [PN_KIND_CITY] = {"ellipse", "", 1, "\u25CB"},       /* white circle */
    [PN_KIND_REGENCY] = {"box", "rounded", 1, "\u25A2"}, /* rounded square */
    [PN_KIND_PROVINCE] = {"hexagon", "", 1, "\u2B21"},   /* white hexagon */
    [PN_KIND_MINISTRY] = {"house", "", 1, "\u2302"},     /* house */
    [PN_KIND_AGENCY] = {"box", "", 1, "\u25A1"},         /* white square */
    [PN_KIND_UNIVERSITY] = {"parallelogram", "", 1, "\u25B1"},
    [PN_KIND_RESEARCH] = {"pentagon", "", 1, "\u2B20"},
    [PN_KIND_FIRM] = {"box3d", "", 1, "\u2752"},
    [PN_KIND_ORGANISATION] = {"ellipse", "", 2, "\u25CE"}, /* bullseye: a double ring */
    [PN_KIND_NGO] = {"diamond", "", 1, "\u25C7"},
};

/* Tie type -> line structure (single or double) and a mark at the `from` end. */
static const struct {
    bool twin;        /* drawn as two parallel lines */
    const char *tail; /* arrowtail shape, or NULL */
    const char *glyph;
} type_style[PN_TYPE_COUNT] = {
    [PN_TYPE_G2G] = {true, NULL, "\u2550\u2550\u2550\u2550"},
    [PN_TYPE_B2B] = {true, "obox", "\u25A1\u2550\u2550\u2550"},
    [PN_TYPE_G2B] = {false, "obox", "\u25A1\u2500\u2500\u2500"},
    [PN_TYPE_HORIZONTAL] = {false, NULL, "\u2500\u2500\u2500\u2500"},
    [PN_TYPE_VERTICAL] = {false, "tee", "\u22A2\u2500\u2500\u2500"},
    [PN_TYPE_ACADEMIC] = {false, "odot", "\u25CB\u2500\u2500\u2500"},
    [PN_TYPE_MEMBERSHIP] = {false, "odiamond", "\u25C7\u2500\u2500\u2500"},
};

/* Status -> line. Index PN_STATUS_COUNT is "no status given". */
#define STATUS_SLOTS (PN_STATUS_COUNT + 1)
static const struct {
    const char *style;
    double penwidth;
    bool faint;
    const char *mark; /* drawn on the edge, or NULL */
    const char *glyph;
} status_style[STATUS_SLOTS] = {
    [PN_STATUS_PLANNED] = {"dashed", 1.0, true, NULL, "\u2504\u2504\u2504\u2504"},
    [PN_STATUS_SIGNED] = {"solid", 1.0, false, NULL, "\u2500\u2500\u2500\u2500"},
    [PN_STATUS_IMPLEMENTED] = {"solid", 2.4, false, NULL, "\u2501\u2501\u2501\u2501"},
    [PN_STATUS_ACTIVE] = {"solid", 2.4, false, NULL, "\u2501\u2501\u2501\u2501"},
    [PN_STATUS_STALLED] = {"dashed", 1.0, false, "\u2016", "\u2504\u2016\u2504\u2504"},
    [PN_STATUS_FAILED] = {"dotted", 1.4, false, "\u2715", "\u2508\u2715\u2508\u2508"},
    [PN_STATUS_ENDED] = {"solid", 1.0, true, NULL, "\u2500\u2500\u2500\u2500"},
    [PN_STATUS_COUNT] = {"solid", 1.0, false, NULL, "\u2500\u2500\u2500\u2500"},
};

/* The Okabe-Ito palette (Okabe & Ito 2008), in its usual order, black last. */
static const unsigned okabe_ito[] = {0xE69F00, 0x56B4E9, 0x009E73, 0xF0E442,
                                     0x0072B2, 0xD55E00, 0xCC79A7, 0x000000};
#define N_PALETTE  (sizeof(okabe_ito) / sizeof(okabe_ito[0]))
#define VERMILLION 0xD55E00
#define BLUE       0x0072B2

typedef struct theme {
    const char *font;
    const char *glyph_font; /* for the legend's shape and line glyphs */
    const char *ink;        /* lines and text */
    const char *faint;      /* planned and ended ties */
    const char *faded;      /* what a highlight pushes back */
    const char *faded_fill;
    const char *cluster;
    bool colour;
} theme;

static const theme themes[] = {
    [PN_THEME_COLOR] = {"DejaVu Sans", "DejaVu Sans", "#333333", "#999999", "#CCCCCC", "#F4F4F4",
                        "#888888", true},
    [PN_THEME_PAPER] = {"DejaVu Serif", "DejaVu Sans", "#000000", "#808080", "#C8C8C8", "#FFFFFF",
                        "#808080", false},
};

/* ---- escaping ---- */

/* Append text to an HTML-like label: entities for the characters HTML and
 * Graphviz treat specially (a backslash is doubled: see below), <BR/> for a newline, U+FFFD for
 * control characters and bytes that are not UTF-8 (they would make the SVG ill-formed). */
static void html_text(pn__buf *b, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    while (p < end) {
        unsigned c = *p;
        if (c < 0x80) {
            switch (c) {
            case '&':
                pn__buf_puts(b, "&amp;");
                break;
            case '<':
                pn__buf_puts(b, "&lt;");
                break;
            case '>':
                pn__buf_puts(b, "&gt;");
                break;
            case '"':
                pn__buf_puts(b, "&quot;");
                break;
            case '\'':
                pn__buf_puts(b, "&#39;");
                break;
            case '\\':
                /* Graphviz expands \N, \G, \E in HTML text too, and reads a
                 * doubled backslash as one: so each backslash is written twice. */
                pn__buf_puts(b, "&#92;&#92;");
                break;
            case '\n':
                pn__buf_puts(b, "<BR/>");
                break;
            case '\t':
                pn__buf_puts(b, " ");
                break;
            case '\r':
                break;
            default:
                if (c < 0x20 || c == 0x7f)
                    pn__buf_puts(b, "\xEF\xBF\xBD");
                else
                    pn__buf_add(b, p, 1);
            }
            p++;
            continue;
        }
        /* A well-formed UTF-8 sequence is copied; anything else is U+FFFD. */
        size_t len = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
        bool ok = len > 0 && (size_t)(end - p) >= len;
        for (size_t k = 1; ok && k < len; k++)
            ok = (p[k] & 0xC0) == 0x80;
        if (ok && len == 3)
            ok = !(c == 0xE0 && p[1] < 0xA0) && !(c == 0xED && p[1] >= 0xA0);
        if (ok && len == 4)
            ok = !(c == 0xF0 && p[1] < 0x90) && !(c == 0xF4 && p[1] >= 0x90);
        if (ok) {
            pn__buf_add(b, p, len);
            p += len;
        } else {
            pn__buf_puts(b, "\xEF\xBF\xBD");
            p++;
        }
    }
}

static size_t utf8_chars(const char *s, size_t n)
{
    size_t count = 0;
    for (size_t i = 0; i < n; i++)
        count += ((unsigned char)s[i] & 0xC0) != 0x80;
    return count;
}

/* A name broken at spaces into lines of about `width` characters. Every
 * other character is kept, runs of spaces and trailing spaces included: a
 * space becomes a line break only between two words. */
static void html_wrapped(pn__buf *b, const char *s, size_t width)
{
    size_t line = 0;
    for (;;) {
        size_t n = strcspn(s, " \n");
        html_text(b, s, n);
        line += utf8_chars(s, n);
        s += n;
        if (*s == '\0')
            return;
        if (*s == '\n') {
            pn__buf_puts(b, "<BR/>");
            line = 0;
        } else {
            size_t next = utf8_chars(s + 1, strcspn(s + 1, " \n"));
            if (line > 0 && next > 0 && line + 1 + next > width) {
                pn__buf_puts(b, "<BR/>");
                line = 0;
            } else {
                pn__buf_puts(b, " ");
                line++;
            }
        }
        s++;
    }
}

static void hex_colour(char *buf, unsigned rgb)
{
    snprintf(buf, 8, "#%06X", rgb & 0xFFFFFFu);
}

/* rgb mixed with white: amount 1 keeps the colour, 0 gives white. */
static unsigned tint(unsigned rgb, double amount)
{
    unsigned out = 0;
    for (int shift = 16; shift >= 0; shift -= 8) {
        double c = (double)((rgb >> shift) & 0xFF);
        unsigned v = (unsigned)lround(255.0 - (255.0 - c) * amount);
        out |= v << shift;
    }
    return out;
}

/* ---- the render ---- */

typedef struct group {
    size_t first;     /* index into the sorted tie list */
    size_t first_tie; /* the dataset index of its first tie: groups follow it */
    size_t n;
    size_t tail, head; /* actors */
    bool directed;
    pn_tie_type type;
    int status; /* slot */
    bool highlight;
} group;

typedef struct ctx {
    const pn_dataset *ds;
    const pn_diagram_options *o;
    const theme *th;
    pn_diags *diags;
    size_t na, nt;
    bool *tie_mask, *actor_mask;
    pn_graph *graph;
    int *country_slot; /* actor -> palette slot, -1 for none (ZZ or past the palette) */
    double *size;      /* actor -> font size, or NULL */
    bool *hl_actor;    /* actors on the highlighted path, or NULL */
    size_t *path;      /* the path's actors in order */
    size_t path_len;
    size_t *ties; /* kept ties, sorted into groups */
    size_t n_ties;
    group *groups;
    size_t n_groups;
    Agraph_t *g;
    Agnode_t **nodes;
    bool kinds_seen[PN_KIND_COUNT];
    bool types_seen[PN_TYPE_COUNT];
    bool status_seen[STATUS_SLOTS];
    bool directed_seen;
    bool *country_seen; /* by palette slot; +1 slot for "other" */
} ctx;

static int status_slot(pn_status s)
{
    return s == PN_STATUS_NONE ? PN_STATUS_COUNT : (int)s;
}

static void set(void *obj, const char *name, const char *value)
{
    agsafeset(obj, (char *)name, (char *)value, (char *)"");
}

static int set_html(ctx *c, void *obj, const char *name, pn__buf *html)
{
    if (html->failed)
        return PN_ENOMEM;
    pn__buf_add(html, "", 1); /* NUL */
    if (html->failed)
        return PN_ENOMEM;
    char *s = agstrdup_html(c->g, html->data);
    if (!s)
        return PN_ENOMEM;
    set(obj, name, s);
    agstrfree(c->g, s);
    return 0;
}

static bool safe_id(const char *id)
{
    if (!id || !*id)
        return false;
    for (const char *p = id; *p; p++) {
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_' || *p == '-'))
            return false;
    }
    return true;
}

typedef struct country_count {
    const char *code;
    size_t n;
} country_count;

static int by_count_then_code(const void *a, const void *b)
{
    const country_count *x = a, *y = b;
    if (x->n != y->n)
        return x->n > y->n ? -1 : 1;
    return strcmp(x->code, y->code);
}

/* Colours follow the whole dataset, not the view, so that one country has
 * the same colour in every figure of a dataset: most actors first, then by
 * code. ZZ (unknown) gets none. */
static int assign_countries(ctx *c)
{
    country_count *cc = calloc(c->na + 1, sizeof(*cc));
    if (!cc)
        return PN_ENOMEM;
    size_t n = 0;
    for (size_t i = 0; i < c->na; i++) {
        const char *code = pn_dataset_actor(c->ds, i)->country;
        size_t k = 0;
        while (k < n && strcmp(cc[k].code, code) != 0)
            k++;
        if (k == n)
            cc[n++] = (country_count){code, 0};
        cc[k].n++;
    }
    qsort(cc, n, sizeof(*cc), by_count_then_code);
    for (size_t i = 0; i < c->na; i++) {
        const char *code = pn_dataset_actor(c->ds, i)->country;
        c->country_slot[i] = -1;
        size_t slot = 0;
        for (size_t k = 0; k < n; k++) {
            if (strcmp(cc[k].code, "ZZ") == 0)
                continue;
            if (strcmp(cc[k].code, code) == 0) {
                c->country_slot[i] = slot < N_PALETTE ? (int)slot : -1;
                break;
            }
            slot++;
        }
    }
    free(cc);
    return 0;
}

static int actor_by_id(ctx *c, const char *id, const char *what, size_t *out)
{
    if (pn_dataset_find_actor(c->ds, id, out) != 0) {
        pn_diags_add(c->diags, PN_SEVERITY_ERROR, NULL, 0, 0, NULL, "unknown-actor",
                     "%s: no actor has the id '%s'", what, id);
        return PN_ENOTFOUND;
    }
    if (!c->actor_mask[*out]) {
        pn_diags_add(c->diags, PN_SEVERITY_ERROR, NULL, 0, 0, NULL, "not-in-view",
                     "%s: actor '%s' is not in the view", what, id);
        return PN_ENOTFOUND;
    }
    return 0;
}

/* The shortest path between the two actors, by igraph's BFS (deterministic:
 * it follows the graph's edge order, which is the dataset's). */
static int find_path(ctx *c)
{
    size_t a, b, va, vb;
    int rc = actor_by_id(c, c->o->path_from, "--highlight-path", &a);
    if (rc == 0)
        rc = actor_by_id(c, c->o->path_to, "--highlight-path", &b);
    if (rc)
        return rc;
    if (pn_graph_actor_vertex(c->graph, a, &va) != 0 ||
        pn_graph_actor_vertex(c->graph, b, &vb) != 0)
        return PN_EINTERNAL;
    igraph_vector_int_t vertices;
    if (igraph_vector_int_init(&vertices, 0) != IGRAPH_SUCCESS)
        return PN_ENOMEM;
    pn__igraph_init();
    igraph_error_t err = igraph_get_shortest_path(
        pn_graph_igraph(c->graph), &vertices, NULL, (igraph_integer_t)va, (igraph_integer_t)vb,
        pn_graph_directed(c->graph) ? IGRAPH_OUT : IGRAPH_ALL);
    if (err != IGRAPH_SUCCESS) {
        pn_diags_add(c->diags, PN_SEVERITY_ERROR, NULL, 0, 0, NULL, "igraph", "shortest path: %s",
                     igraph_strerror(err));
        rc = PN_EIGRAPH;
        goto cleanup;
    }
    size_t n = (size_t)igraph_vector_int_size(&vertices);
    if (n == 0) {
        pn_diags_add(c->diags, PN_SEVERITY_ERROR, NULL, 0, 0, NULL, "no-path",
                     "--highlight-path: no path joins '%s' and '%s' in this view", c->o->path_from,
                     c->o->path_to);
        rc = PN_ENOTFOUND;
        goto cleanup;
    }
    c->path = malloc(n * sizeof(size_t));
    c->hl_actor = calloc(c->na + 1, sizeof(bool));
    if (!c->path || !c->hl_actor) {
        rc = PN_ENOMEM;
        goto cleanup;
    }
    for (size_t i = 0; i < n; i++) {
        c->path[i] = pn_graph_vertex_actor(c->graph, (size_t)VECTOR(vertices)[i]);
        c->hl_actor[c->path[i]] = true;
    }
    c->path_len = n;
cleanup:
    igraph_vector_int_destroy(&vertices);
    return rc;
}

static int metric_sizes(ctx *c)
{
    size_t nv = pn_graph_vertex_count(c->graph);
    double *v = malloc((nv + 1) * sizeof(double));
    c->size = malloc((c->na + 1) * sizeof(double));
    if (!v || !c->size) {
        free(v);
        return PN_ENOMEM;
    }
    int rc = pn_metric_vector(c->graph, c->o->size_by, v, c->diags);
    if (rc == 0) {
        double lo = INFINITY, hi = -INFINITY;
        for (size_t i = 0; i < nv; i++) {
            if (isfinite(v[i])) {
                lo = fmin(lo, v[i]);
                hi = fmax(hi, v[i]);
            }
        }
        for (size_t i = 0; i < c->na; i++)
            c->size[i] = 10.0;
        /* Font size 9..22 points, its square (the node's area) linear in the value. */
        for (size_t i = 0; i < nv; i++) {
            double x = isfinite(v[i]) && hi > lo ? (v[i] - lo) / (hi - lo) : 0.0;
            c->size[pn_graph_vertex_actor(c->graph, i)] = sqrt(81.0 + x * (484.0 - 81.0));
        }
    }
    free(v);
    return rc;
}

typedef struct keyed {
    size_t lo, hi;
    int dir; /* 0 undirected, 1 lo -> hi, 2 hi -> lo */
    int type, status;
    size_t tie;
} keyed;

static int keyed_cmp(const void *x, const void *y)
{
    const keyed *p = x, *q = y;
#define KEYCMP(f)                                                                                  \
    if (p->f != q->f)                                                                              \
        return p->f < q->f ? -1 : 1;
    KEYCMP(lo)
    KEYCMP(hi)
    KEYCMP(dir)
    KEYCMP(type)
    KEYCMP(status)
    KEYCMP(tie)
#undef KEYCMP
    return 0;
}

static int group_cmp(const void *x, const void *y)
{
    const group *p = x, *q = y;
    return p->first_tie < q->first_tie ? -1 : p->first_tie > q->first_tie;
}

/* The end at which a type's mark is drawn on an undirected tie: the
 * national government of a vertical tie, the university or research body of
 * an academic one, the organisation of a membership, the firm of a g2b tie. */
static bool marks(pn_tie_type type, pn_kind kind)
{
    switch (type) {
    case PN_TYPE_VERTICAL:
        return kind == PN_KIND_MINISTRY || kind == PN_KIND_AGENCY;
    case PN_TYPE_ACADEMIC:
        return kind == PN_KIND_UNIVERSITY || kind == PN_KIND_RESEARCH;
    case PN_TYPE_MEMBERSHIP:
        return kind == PN_KIND_ORGANISATION;
    case PN_TYPE_G2B:
        return kind == PN_KIND_FIRM;
    default:
        return false;
    }
}

/* Parallel ties of one pair with the same direction, type and status become
 * one group (one edge); groups keep the order of their first tie. */
static int make_groups(ctx *c)
{
    keyed *k = malloc((c->nt + 1) * sizeof(*k));
    c->ties = malloc((c->nt + 1) * sizeof(size_t));
    c->groups = malloc((c->nt + 1) * sizeof(group));
    if (!k || !c->ties || !c->groups) {
        free(k);
        return PN_ENOMEM;
    }
    size_t n = 0;
    for (size_t i = 0; i < c->nt; i++) {
        const pn_tie *t = pn_dataset_tie(c->ds, i);
        if (!c->tie_mask[i] || !c->actor_mask[t->from] || !c->actor_mask[t->to] || t->from == t->to)
            continue;
        size_t lo = t->from < t->to ? t->from : t->to, hi = t->from < t->to ? t->to : t->from;
        int dir = !t->directed ? 0 : t->from == lo ? 1 : 2;
        k[n++] = (keyed){lo, hi, dir, (int)t->type, status_slot(t->status), i};
    }
    qsort(k, n, sizeof(*k), keyed_cmp);
    c->n_ties = n;
    c->n_groups = 0;
    for (size_t i = 0; i < n; i++) {
        c->ties[i] = k[i].tie;
        bool same = i > 0 && k[i].lo == k[i - 1].lo && k[i].hi == k[i - 1].hi &&
                    k[i].dir == k[i - 1].dir && k[i].type == k[i - 1].type &&
                    k[i].status == k[i - 1].status;
        if (same) {
            c->groups[c->n_groups - 1].n++;
            continue;
        }
        const pn_tie *t = pn_dataset_tie(c->ds, k[i].tie);
        group g = {i, k[i].tie, 1, t->from, t->to, k[i].dir != 0, t->type, k[i].status, false};
        if (!g.directed) {
            /* An undirected edge runs from the actor listed first in the dataset,
             * unless only the other end is the one its type's mark stands for. */
            bool lo_marks = marks(t->type, pn_dataset_actor(c->ds, k[i].lo)->kind);
            bool hi_marks = marks(t->type, pn_dataset_actor(c->ds, k[i].hi)->kind);
            g.tail = hi_marks && !lo_marks ? k[i].hi : k[i].lo;
            g.head = hi_marks && !lo_marks ? k[i].lo : k[i].hi;
        }
        c->groups[c->n_groups++] = g;
    }
    free(k);
    /* First-tie indices are unique, so the order is total. */
    qsort(c->groups, c->n_groups, sizeof(group), group_cmp);
    for (size_t i = 0; c->path && i < c->n_groups; i++) {
        group *g = &c->groups[i];
        for (size_t p = 0; p + 1 < c->path_len; p++) {
            size_t a = c->path[p], b = c->path[p + 1];
            if (g->tail == a && g->head == b)
                g->highlight = true;
            else if (g->tail == b && g->head == a)
                g->highlight = !pn_graph_directed(c->graph) || !g->directed;
        }
    }
    return 0;
}

static const char *node_name(const ctx *c, size_t actor, char *buf, size_t size)
{
    const char *id = pn_dataset_actor(c->ds, actor)->id;
    if (safe_id(id))
        return id;
    snprintf(buf, size, "actor%zu", actor);
    return buf;
}

/* Only dot and fdp draw clusters; the other layouts get none, so that what
 * they draw does not depend on Graphviz state (neato drew the clusters of a
 * graph on a second render in one process and not on the first). */
static bool clustered(const pn_diagram_options *o)
{
    return o->cluster != PN_CLUSTER_NONE &&
           (o->layout == PN_LAYOUT_DOT || o->layout == PN_LAYOUT_FDP);
}

/* The subgraph that holds an actor: its country's or kind's cluster, or the
 * root. Clusters are created at their first actor, so their order follows
 * the dataset. */
static Agraph_t *cluster_of(ctx *c, size_t actor, int *rc)
{
    const pn_actor *a = pn_dataset_actor(c->ds, actor);
    char name[64];
    pn__buf label;
    pn__buf_init(&label);
    Agraph_t *sub;
    if (!clustered(c->o)) {
        return c->g;
    } else if (c->o->cluster == PN_CLUSTER_COUNTRY) {
        const char *country = pn_country_name(a->country);
        bool plain = a->country[0] >= 'A' && a->country[0] <= 'Z' && a->country[1] >= 'A' &&
                     a->country[1] <= 'Z' && a->country[2] == '\0';
        if (plain)
            snprintf(name, sizeof(name), "cluster_%s", a->country);
        else
            snprintf(name, sizeof(name), "cluster_country_%d", c->country_slot[actor]);
        if ((sub = agsubg(c->g, name, 0)) != NULL)
            return sub;
        html_text(&label, country ? country : a->country, strlen(country ? country : a->country));
    } else if (c->o->cluster == PN_CLUSTER_KIND) {
        snprintf(name, sizeof(name), "cluster_%s", pn_kind_name(a->kind));
        if ((sub = agsubg(c->g, name, 0)) != NULL)
            return sub;
        pn__buf_puts(&label, pn_kind_name(a->kind));
    } else {
        return c->g;
    }
    sub = agsubg(c->g, name, 1);
    if (!sub) {
        *rc = PN_EGRAPHVIZ;
        pn__buf_free(&label);
        return NULL;
    }
    char colour[8];
    int slot = c->country_slot[actor];
    set(sub, "style", "rounded");
    if (c->th->colour && c->o->cluster == PN_CLUSTER_COUNTRY && slot >= 0) {
        hex_colour(colour, okabe_ito[slot]);
        set(sub, "color", colour);
        set(sub, "penwidth", "1.5");
    } else {
        set(sub, "color", c->th->cluster);
    }
    set(sub, "fontcolor", c->th->ink);
    set(sub, "fontsize", "12");
    set(sub, "labeljust", "l");
    set(sub, "labelloc", "t"); /* explicit: the root's labelloc would be inherited from DOT */
    set(sub, "margin", "10");
    *rc = set_html(c, sub, "label", &label);
    pn__buf_free(&label);
    return *rc ? NULL : sub;
}

static size_t hub(const ctx *c);

static int by_size_t(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

/* The order nodes are created in. Graphviz's radial layout puts the hub's
 * neighbours around the ring in node order, so for twopi actors tied to each
 * other (other than through the hub) are placed next to each other: a tie
 * between them is then a short chord, not a line across a third actor.
 * Otherwise, and among the rest, the dataset's order. */
static int node_order(const ctx *c, size_t *order)
{
    size_t n = 0;
    if (c->o->layout != PN_LAYOUT_TWOPI) {
        for (size_t i = 0; i < c->na; i++) {
            if (c->actor_mask[i])
                order[n++] = i;
        }
        return 0;
    }
    size_t h = hub(c);
    size_t *start = calloc(c->na + 2, sizeof(size_t));
    size_t *adj = malloc((2 * c->n_groups + 1) * sizeof(size_t));
    bool *placed = calloc(c->na + 1, sizeof(bool));
    if (!start || !adj || !placed) {
        free(start);
        free(adj);
        free(placed);
        return PN_ENOMEM;
    }
    /* Neighbours other than the hub, as sorted adjacency lists. */
    for (size_t g = 0; g < c->n_groups; g++) {
        size_t a = c->groups[g].tail, b = c->groups[g].head;
        if (a != h && b != h) {
            start[a + 1]++;
            start[b + 1]++;
        }
    }
    for (size_t i = 0; i < c->na; i++)
        start[i + 1] += start[i];
    size_t *fill = calloc(c->na + 1, sizeof(size_t));
    if (!fill) {
        free(start);
        free(adj);
        free(placed);
        return PN_ENOMEM;
    }
    for (size_t g = 0; g < c->n_groups; g++) {
        size_t a = c->groups[g].tail, b = c->groups[g].head;
        if (a != h && b != h) {
            adj[start[a] + fill[a]++] = b;
            adj[start[b] + fill[b]++] = a;
        }
    }
    for (size_t i = 0; i < c->na; i++)
        qsort(adj + start[i], start[i + 1] - start[i], sizeof(size_t), by_size_t);
    for (size_t i = 0; i < c->na; i++) {
        if (!c->actor_mask[i] || placed[i])
            continue;
        size_t cur = i;
        for (;;) {
            placed[cur] = true;
            order[n++] = cur;
            size_t next = SIZE_MAX;
            for (size_t k = start[cur]; cur != h && k < start[cur + 1] && next == SIZE_MAX; k++) {
                if (!placed[adj[k]] && c->actor_mask[adj[k]])
                    next = adj[k];
            }
            if (next == SIZE_MAX)
                break;
            cur = next;
        }
    }
    free(fill);
    free(start);
    free(adj);
    free(placed);
    return 0;
}

static int add_nodes(ctx *c)
{
    int rc = 0;
    pn__buf b;
    size_t *order = malloc((c->na + 1) * sizeof(size_t)), n_order = 0;
    if (!order)
        return PN_ENOMEM;
    if ((rc = node_order(c, order)) != 0) {
        free(order);
        return rc;
    }
    for (size_t i = 0; i < c->na; i++)
        n_order += c->actor_mask[i];
    for (size_t k = 0; k < n_order; k++) {
        size_t i = order[k];
        const pn_actor *a = pn_dataset_actor(c->ds, i);
        Agraph_t *sub = cluster_of(c, i, &rc);
        char buf[32], colour[8], fill[8];
        Agnode_t *n = sub ? agnode(sub, (char *)node_name(c, i, buf, sizeof(buf)), 1) : NULL;
        if (!n) {
            rc = rc ? rc : PN_EGRAPHVIZ;
            break;
        }
        c->nodes[i] = n;
        c->kinds_seen[a->kind] = true;
        int slot = c->country_slot[i];
        c->country_seen[slot >= 0 ? slot : (int)N_PALETTE] = true;
        set(n, "shape", kind_style[a->kind].shape);
        if (kind_style[a->kind].peripheries != 1) {
            snprintf(buf, sizeof(buf), "%d", kind_style[a->kind].peripheries);
            set(n, "peripheries", buf);
        }
        set(n, "style", *kind_style[a->kind].style ? "rounded,filled" : "filled");
        if (a->kind == PN_KIND_FIRM)
            set(n, "margin", "0.14,0.06"); /* box3d's depth eats into the text's room */
        bool faded = c->hl_actor && !c->hl_actor[i];
        if (faded) {
            set(n, "fillcolor", c->th->faded_fill);
            set(n, "color", c->th->faded);
            set(n, "fontcolor", "#999999");
        } else if (c->th->colour && slot >= 0) {
            hex_colour(fill, tint(okabe_ito[slot], slot == N_PALETTE - 1 ? 0.3 : 0.45));
            hex_colour(colour, slot == N_PALETTE - 1 ? 0x666666 : okabe_ito[slot]);
            set(n, "fillcolor", fill);
            set(n, "color", colour);
        } else {
            set(n, "fillcolor", "#FFFFFF");
            set(n, "color", c->th->colour ? "#666666" : "#000000");
        }
        if (c->hl_actor && c->hl_actor[i])
            set(n, "penwidth", "3");
        if (c->size) {
            snprintf(buf, sizeof(buf), "%.1f", c->size[i]);
            set(n, "fontsize", buf);
        }
        pn__buf_init(&b);
        if (c->o->labels == PN_LABELS_ID)
            html_text(&b, a->id, strlen(a->id));
        else if (c->o->labels == PN_LABELS_SHORT && a->n_aliases > 0)
            html_wrapped(&b, a->aliases[0], 20);
        else
            html_wrapped(&b, a->name, 20);
        /* An empty label equals cgraph's default, so it would not be
         * written and Graphviz would draw the id (\N) instead. */
        if (b.len == 0)
            pn__buf_puts(&b, " ");
        rc = set_html(c, n, "label", &b);
        pn__buf_free(&b);
        if (rc)
            break;
    }
    free(order);
    return rc;
}

/* The text of one tie for an edge label: instrument and/or year. */
static void tie_text(const ctx *c, const pn_tie *t, pn__buf *b)
{
    bool inst =
        c->o->edge_labels == PN_EDGE_LABELS_INSTRUMENT || c->o->edge_labels == PN_EDGE_LABELS_BOTH;
    bool year =
        c->o->edge_labels == PN_EDGE_LABELS_YEAR || c->o->edge_labels == PN_EDGE_LABELS_BOTH;
    if (inst && t->instrument != PN_INSTRUMENT_NONE)
        pn__buf_puts(b, pn_instrument_name(t->instrument));
    if (year && t->since.year) {
        if (b->len)
            pn__buf_puts(b, " ");
        pn__buf_printf(b, "%d", t->since.year);
        if (t->until.year && t->until.year != t->since.year)
            pn__buf_printf(b, "\u2013%d", t->until.year);
    }
}

/* An edge's label: the status mark, then (with edge labels) one line per
 * distinct tie text ("programme x4"), and "xN" for ties with nothing to show.
 * Without edge labels only the mark: counts crowd an overview figure. */
static int edge_label(ctx *c, const group *g, pn__buf *b)
{
    const char *mark = status_style[g->status].mark;
    char colour[8];
    if (mark) {
        hex_colour(colour, c->th->colour ? VERMILLION : 0);
        if (c->hl_actor && !g->highlight)
            snprintf(colour, sizeof(colour), "%s", c->th->faded);
        pn__buf_printf(b, "<FONT COLOR=\"%s\" POINT-SIZE=\"12\"><B>%s</B></FONT>", colour, mark);
    }
    size_t lines = 0, unlabelled = 0;
    pn__buf *texts = calloc(g->n, sizeof(pn__buf));
    size_t *counts = calloc(g->n, sizeof(size_t));
    int rc = 0;
    if (!texts || !counts) {
        rc = PN_ENOMEM;
        goto cleanup;
    }
    size_t nt = 0;
    for (size_t k = 0; k < g->n; k++) {
        pn__buf t;
        pn__buf_init(&t);
        tie_text(c, pn_dataset_tie(c->ds, c->ties[g->first + k]), &t);
        if (t.len == 0) {
            unlabelled++;
            pn__buf_free(&t);
            continue;
        }
        size_t j = 0;
        while (j < nt && !(texts[j].len == t.len && memcmp(texts[j].data, t.data, t.len) == 0))
            j++;
        if (j < nt) {
            counts[j]++;
            pn__buf_free(&t);
        } else {
            texts[nt] = t;
            counts[nt++] = 1;
        }
    }
    /* Tie texts in the order of the ties. */
    for (size_t j = 0; j < nt; j++) {
        if (lines)
            pn__buf_puts(b, "<BR/>");
        else if (mark)
            pn__buf_puts(b, " ");
        html_text(b, texts[j].data, texts[j].len);
        if (counts[j] > 1)
            pn__buf_printf(b, " \u00D7%zu", counts[j]);
        lines++;
    }
    if (c->o->edge_labels != PN_EDGE_LABELS_NONE &&
        (unlabelled > 1 || (unlabelled == 1 && nt > 0))) {
        if (mark || lines)
            pn__buf_puts(b, mark && !lines ? " " : "<BR/>");
        pn__buf_printf(b, "%s\u00D7%zu", nt > 0 ? "other " : "", unlabelled);
    }
cleanup:
    for (size_t j = 0; texts && j < g->n; j++)
        pn__buf_free(&texts[j]);
    free(texts);
    free(counts);
    return rc;
}

static int add_edges(ctx *c)
{
    for (size_t i = 0; i < c->n_groups; i++) {
        const group *g = &c->groups[i];
        Agedge_t *e = agedge(c->g, c->nodes[g->tail], c->nodes[g->head], NULL, 1);
        if (!e)
            return PN_EGRAPHVIZ;
        c->types_seen[g->type] = true;
        c->status_seen[g->status] = true;
        c->directed_seen |= g->directed;
        const char *tail = type_style[g->type].tail;
        bool faded = c->hl_actor && !g->highlight;
        char colour[8], list[32], buf[32];
        const char *ink = status_style[g->status].faint ? c->th->faint : c->th->ink;
        if (faded)
            ink = c->th->faded;
        if (g->highlight) {
            hex_colour(colour, c->th->colour ? BLUE : 0);
            ink = colour;
        }
        if (type_style[g->type].twin) {
            snprintf(list, sizeof(list), "%s:invis:%s", ink, ink);
            set(e, "color", list);
        } else {
            set(e, "color", ink);
        }
        set(e, "style", status_style[g->status].style);
        double pw = status_style[g->status].penwidth + (g->highlight ? 2.0 : 0.0);
        snprintf(buf, sizeof(buf), "%.1f", pw);
        set(e, "penwidth", buf);
        set(e, "dir", g->directed ? (tail ? "both" : "forward") : (tail ? "back" : "none"));
        if (tail)
            set(e, "arrowtail", tail);
        pn__buf text, b;
        pn__buf_init(&text);
        pn__buf_init(&b);
        int rc = edge_label(c, g, &text);
        if (rc == 0 && text.len > 0) {
            /* In a padded cell, so that the text keeps off its own line. */
            pn__buf_puts(&b, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" "
                             "CELLPADDING=\"3\"><TR><TD>");
            pn__buf_add(&b, text.data, text.len);
            pn__buf_puts(&b, "</TD></TR></TABLE>");
            rc = set_html(c, e, "label", &b);
        }
        pn__buf_free(&text);
        pn__buf_free(&b);
        if (rc)
            return rc;
        if (faded)
            set(e, "fontcolor", "#AAAAAA");
    }
    return 0;
}

/* Whether the layout draws the country clusters (only dot and fdp draw clusters). */
static bool country_boxes(const pn_diagram_options *o)
{
    return o->cluster == PN_CLUSTER_COUNTRY && clustered(o);
}

/* The legend is a grid: one column per heading, one row per entry, in a
 * single table (nested tables would spread their rows over the height). */
#define LEGEND_COLS 5
#define LEGEND_ROWS 12
typedef struct legend {
    pn__buf cell[LEGEND_COLS][LEGEND_ROWS];
    size_t rows[LEGEND_COLS];
    size_t cols;
} legend;

static void legend_heading(legend *lg, const char *heading)
{
    if (lg->cols == LEGEND_COLS)
        return;
    pn__buf *b = &lg->cell[lg->cols][0];
    pn__buf_printf(b, "<TD ALIGN=\"LEFT\" COLSPAN=\"2\"><B>%s</B></TD>", heading);
    lg->rows[lg->cols++] = 1;
}

/* A row of the current column: a glyph (HTML, may be "") and a text. */
static void legend_row(const ctx *c, legend *lg, const char *colour, const char *glyph,
                       const char *text)
{
    size_t col = lg->cols - 1;
    if (lg->cols == 0 || lg->rows[col] == LEGEND_ROWS)
        return;
    pn__buf *b = &lg->cell[col][lg->rows[col]++];
    if (*glyph)
        pn__buf_printf(b, "<TD ALIGN=\"LEFT\"><FONT FACE=\"%s\" COLOR=\"%s\">%s</FONT></TD>",
                       c->th->glyph_font, colour, glyph);
    else
        pn__buf_puts(b, "<TD></TD>");
    pn__buf_puts(b, "<TD ALIGN=\"LEFT\">");
    html_text(b, text, strlen(text));
    pn__buf_puts(b, "</TD>");
}

static void legend_emit(legend *lg, pn__buf *b)
{
    size_t rows = 0;
    for (size_t k = 0; k < lg->cols; k++)
        rows = lg->rows[k] > rows ? lg->rows[k] : rows;
    pn__buf_puts(b, "<TR><TD ALIGN=\"LEFT\"><TABLE BORDER=\"0\" CELLBORDER=\"0\" "
                    "CELLSPACING=\"0\" CELLPADDING=\"1\">");
    for (size_t r = 0; r < rows; r++) {
        pn__buf_puts(b, "<TR>");
        for (size_t k = 0; k < lg->cols; k++) {
            if (k > 0)
                pn__buf_puts(b, "<TD WIDTH=\"16\"></TD>");
            if (r < lg->rows[k]) {
                pn__buf *cell = &lg->cell[k][r];
                if (cell->failed)
                    b->failed = true;
                else
                    pn__buf_add(b, cell->data, cell->len);
            } else {
                pn__buf_puts(b, "<TD COLSPAN=\"2\"></TD>");
            }
        }
        pn__buf_puts(b, "</TR>");
    }
    pn__buf_puts(b, "</TABLE></TD></TR>");
}

/* The legend (only what the figure shows) and the title, as one HTML-like
 * table drawn under the graph: part of the figure in every format. */
static int add_legend(ctx *c)
{
    const pn_diagram_options *o = c->o;
    bool show = o->legend && (c->n_groups > 0 || pn_graph_vertex_count(c->graph) > 0);
    if (!show && !(o->title && *o->title))
        return 0;
    legend lg;
    memset(&lg, 0, sizeof(lg));
    for (size_t k = 0; k < LEGEND_COLS; k++)
        for (size_t r = 0; r < LEGEND_ROWS; r++)
            pn__buf_init(&lg.cell[k][r]);
    pn__buf b;
    pn__buf_init(&b);
    pn__buf_puts(&b, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"2\">");
    if (o->title && *o->title) {
        pn__buf_puts(&b, "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT POINT-SIZE=\"15\"><B>");
        html_text(&b, o->title, strlen(o->title));
        pn__buf_puts(&b, "</B></FONT></TD></TR>");
    }
    if (show) {
        char colour[8];
        legend_heading(&lg, "Actors");
        for (int k = 0; k < PN_KIND_COUNT; k++) {
            if (c->kinds_seen[k])
                legend_row(c, &lg, c->th->ink, kind_style[k].glyph, pn_kind_name((pn_kind)k));
        }
        if (c->n_groups > 0) {
            legend_heading(&lg, "Ties");
            for (int t = 0; t < PN_TYPE_COUNT; t++) {
                if (c->types_seen[t])
                    legend_row(c, &lg, c->th->ink, type_style[t].glyph,
                               pn_tie_type_name((pn_tie_type)t));
            }
            if (c->directed_seen)
                legend_row(c, &lg, c->th->ink, "\u2500\u2500\u2500\u25B6", "direction");
            legend_heading(&lg, "Status");
            for (int s = 0; s < STATUS_SLOTS; s++) {
                if (!c->status_seen[s])
                    continue;
                pn__buf glyph;
                pn__buf_init(&glyph);
                const char *mark = status_style[s].mark;
                const char *g = status_style[s].glyph;
                if (mark) {
                    /* The mark in its own colour, between the line glyphs. */
                    const char *at = strstr(g, mark);
                    hex_colour(colour, c->th->colour ? VERMILLION : 0);
                    pn__buf_add(&glyph, g, (size_t)(at - g));
                    pn__buf_printf(&glyph, "<FONT COLOR=\"%s\"><B>%s</B></FONT>%s", colour, mark,
                                   at + strlen(mark));
                } else {
                    pn__buf_puts(&glyph, g);
                }
                pn__buf_add(&glyph, "", 1);
                legend_row(c, &lg, status_style[s].faint ? c->th->faint : c->th->ink,
                           glyph.failed ? "" : glyph.data,
                           s == PN_STATUS_COUNT ? "not given" : pn_status_name((pn_status)s));
                pn__buf_free(&glyph);
            }
        }
        if (c->th->colour && !country_boxes(o)) {
            legend_heading(&lg, "Countries");
            /* Palette order: the dataset's countries, most actors first. */
            for (size_t s = 0; s <= N_PALETTE; s++) {
                if (!c->country_seen[s])
                    continue;
                const char *name = "other or unknown";
                for (size_t i = 0; i < c->na && s < N_PALETTE; i++) {
                    if (c->actor_mask[i] && c->country_slot[i] == (int)s) {
                        const char *code = pn_dataset_actor(c->ds, i)->country;
                        name = pn_country_name(code) ? pn_country_name(code) : code;
                        break;
                    }
                }
                hex_colour(colour, s < N_PALETTE ? okabe_ito[s] : 0xBBBBBB);
                legend_row(c, &lg, colour, "\u25A0", name);
            }
        }
        if (o->size_by || c->path) {
            legend_heading(&lg, "Shown");
            if (o->size_by) {
                pn__buf text;
                pn__buf_init(&text);
                pn__buf_printf(&text, "size: %s", o->size_by);
                pn__buf_add(&text, "", 1);
                legend_row(c, &lg, c->th->ink, "", text.failed ? "" : text.data);
                pn__buf_free(&text);
            }
            if (c->path) {
                char steps[64];
                hex_colour(colour, c->th->colour ? BLUE : 0);
                snprintf(steps, sizeof(steps), "shortest path, %zu steps", c->path_len - 1);
                legend_row(c, &lg, colour, "<B>\u2501\u2501\u2501\u2501</B>", steps);
            }
        }
        legend_emit(&lg, &b);
    }
    pn__buf_puts(&b, "</TABLE>");
    int rc = set_html(c, c->g, "label", &b);
    pn__buf_free(&b);
    for (size_t k = 0; k < LEGEND_COLS; k++)
        for (size_t r = 0; r < LEGEND_ROWS; r++)
            pn__buf_free(&lg.cell[k][r]);
    set(c->g, "labelloc", "b");
    set(c->g, "labeljust", "l");
    return rc;
}

/* The actor with the most drawn ties (the first in the dataset on a tie):
 * the centre of twopi's rings. */
static size_t hub(const ctx *c)
{
    size_t *deg = calloc(c->na + 1, sizeof(size_t)), best = SIZE_MAX;
    if (!deg)
        return SIZE_MAX;
    for (size_t i = 0; i < c->n_groups; i++) {
        deg[c->groups[i].tail] += c->groups[i].n;
        deg[c->groups[i].head] += c->groups[i].n;
    }
    for (size_t i = 0; i < c->na; i++) {
        if (c->actor_mask[i] && (best == SIZE_MAX || deg[i] > deg[best]))
            best = i;
    }
    free(deg);
    return best;
}

/* Object ids for cgraph. Its default discipline makes a named object's id
 * the address of its interned name, and orders subgraphs by id: cluster
 * order (and so the SVG) would follow the heap. These ids count up in the
 * order names are first seen (even ids; anonymous objects get odd ones).
 * As in the default discipline, each named object holds a reference to its
 * name interned in the graph (agwrite reads the refstr header of a name). */
typedef struct id_state {
    Agraph_t *g;
    pn__map ids;  /* name (own copy) -> index */
    char **keys;  /* own copies, the map's keys */
    char **names; /* interned names (agstrdup), NULL once released */
    size_t *refs; /* objects holding each name */
    size_t n, cap;
    IDTYPE anon;
} id_state;

static void *id_open(Agraph_t *g, Agdisc_t *disc)
{
    (void)disc;
    id_state *s = calloc(1, sizeof(*s));
    if (s) {
        s->g = g;
        pn__map_init(&s->ids);
        s->anon = 1;
    }
    return s;
}

static bool id_grow(id_state *s)
{
    if (s->n < s->cap)
        return true;
    size_t cap = s->cap ? 2 * s->cap : 64;
    char **keys = realloc(s->keys, cap * sizeof(char *));
    if (keys)
        s->keys = keys;
    char **names = realloc(s->names, cap * sizeof(char *));
    if (names)
        s->names = names;
    size_t *refs = realloc(s->refs, cap * sizeof(size_t));
    if (refs)
        s->refs = refs;
    if (!keys || !names || !refs)
        return false;
    s->cap = cap;
    return true;
}

static long id_map(void *state, int objtype, char *str, IDTYPE *id, int createflag)
{
    id_state *s = state;
    size_t k;
    (void)objtype;
    if (!s)
        return 0;
    if (!str) {
        *id = s->anon;
        s->anon += 2;
        return 1;
    }
    bool known = pn__map_get(&s->ids, str, &k);
    if (!createflag) {
        if (!known || !s->names[k])
            return 0;
        *id = (IDTYPE)(2 * k + 2);
        return 1;
    }
    if (!known) {
        if (!id_grow(s))
            return 0;
        char *copy = strdup(str);
        if (!copy || pn__map_put(&s->ids, copy, s->n) < 0) {
            free(copy);
            return 0;
        }
        k = s->n++;
        s->keys[k] = copy;
        s->names[k] = NULL;
        s->refs[k] = 0;
    }
    /* One reference for the new object: agstrdup counts it on the refstr. */
    char *interned = agstrdup(s->g, str);
    if (!interned)
        return 0;
    s->names[k] = interned;
    s->refs[k]++;
    *id = (IDTYPE)(2 * k + 2);
    return 1;
}

static long id_alloc(void *state, int objtype, IDTYPE request)
{
    (void)state;
    (void)objtype;
    (void)request;
    return 0; /* ids are only made by id_map */
}

static void id_free(void *state, int objtype, IDTYPE id)
{
    id_state *s = state;
    (void)objtype;
    if (!s || id % 2 != 0 || id < 2 || (id - 2) / 2 >= s->n)
        return;
    size_t k = (size_t)(id - 2) / 2;
    if (s->refs[k] > 0 && s->names[k]) {
        agstrfree(s->g, s->names[k]);
        if (--s->refs[k] == 0)
            s->names[k] = NULL;
    }
}

static char *id_print(void *state, int objtype, IDTYPE id)
{
    id_state *s = state;
    (void)objtype;
    if (!s || id % 2 != 0 || id < 2 || (id - 2) / 2 >= s->n)
        return NULL;
    return s->names[(id - 2) / 2];
}

/* Runs after cgraph has freed every object (and so released every name). */
static void id_close(void *state)
{
    id_state *s = state;
    if (!s)
        return;
    for (size_t i = 0; i < s->n; i++)
        free(s->keys[i]);
    free(s->keys);
    free(s->names);
    free(s->refs);
    pn__map_free(&s->ids);
    free(s);
}

static void id_register(void *state, int objtype, void *obj)
{
    (void)state;
    (void)objtype;
    (void)obj;
}

static Agiddisc_t id_disc = {id_open, id_map, id_alloc, id_free, id_print, id_close, id_register};

static int build(ctx *c)
{
    const pn_diagram_options *o = c->o;
    Agdisc_t disc = {&AgMemDisc, &id_disc, &AgIoDisc};
    c->g = agopen((char *)"paranet", Agdirected, &disc);
    if (!c->g)
        return PN_EGRAPHVIZ;
    Agraph_t *g = c->g;
    char buf[64];
    set(g, "layout", layout_names[o->layout]);
    set(g, "fontname", c->th->font);
    set(g, "fontsize", "11");
    set(g, "fontcolor", c->th->ink);
    set(g, "bgcolor", "#FFFFFF");
    set(g, "pad", "0.2");
    set(g, "outputorder", "edgesfirst");
    switch (o->layout) {
    case PN_LAYOUT_DOT:
        set(g, "nodesep", o->edge_labels == PN_EDGE_LABELS_NONE ? "0.2" : "0.4");
        set(g, "ranksep", "0.6");
        set(g, "newrank", "true");
        break;
    case PN_LAYOUT_NEATO:
    case PN_LAYOUT_FDP:
    case PN_LAYOUT_SFDP:
        snprintf(buf, sizeof(buf), "%u", o->seed);
        set(g, "start", buf);
        set(g, "overlap", o->layout == PN_LAYOUT_SFDP ? "scale" : "false");
        set(g, "sep", "+10");
        set(g, "esep", "+4");
        if (o->layout == PN_LAYOUT_NEATO)
            set(g, "mode", "major");
        break;
    case PN_LAYOUT_CIRCO:
        set(g, "mindist", "0.6");
        break;
    case PN_LAYOUT_TWOPI:
        set(g, "ranksep", "1.6");
        set(g, "overlap", "false");
        break;
    }
    agattr(g, AGNODE, (char *)"fontname", (char *)c->th->font);
    agattr(g, AGNODE, (char *)"fontsize", (char *)"10");
    agattr(g, AGNODE, (char *)"fontcolor", (char *)c->th->ink);
    agattr(g, AGNODE, (char *)"margin", (char *)"0.06,0.03");
    agattr(g, AGNODE, (char *)"penwidth", (char *)"1.3");
    agattr(g, AGEDGE, (char *)"fontname", (char *)c->th->font);
    agattr(g, AGEDGE, (char *)"fontsize", (char *)"8");
    agattr(g, AGEDGE, (char *)"fontcolor", (char *)c->th->ink);
    agattr(g, AGEDGE, (char *)"arrowsize", (char *)"0.7");
    int rc = add_nodes(c);
    if (rc == 0)
        rc = add_edges(c);
    if (rc == 0 && o->layout == PN_LAYOUT_TWOPI) {
        size_t h = hub(c);
        if (h != SIZE_MAX)
            set(g, "root", agnameof(c->nodes[h]));
    }
    if (rc == 0)
        rc = add_legend(c);
    return rc;
}

/* Graphviz reports through cgraph's process-wide error hook, in pieces
 * ("Warning", ": ", the message); the pieces are joined into lines and kept
 * as warnings. The hook is installed only while a render runs. */
typedef struct capture {
    pn_diags *diags;
    pn__buf line;
} capture;
static _Thread_local capture *current_capture;

static int capture_message(char *msg)
{
    capture *cap = current_capture;
    if (!cap)
        return 0;
    pn__buf_puts(&cap->line, msg);
    while (!cap->line.failed && cap->line.len > 0) {
        char *nl = memchr(cap->line.data, '\n', cap->line.len);
        if (!nl)
            break;
        size_t n = (size_t)(nl - cap->line.data);
        if (n > 0)
            pn_diags_add(cap->diags, PN_SEVERITY_WARNING, NULL, 0, 0, NULL, "graphviz",
                         "Graphviz: %.*s", (int)n, cap->line.data);
        memmove(cap->line.data, nl + 1, cap->line.len - n - 1);
        cap->line.len -= n + 1;
    }
    return 0;
}

/* cairo writes the time of the render as the PDF's /CreationDate, the only
 * byte that differs between two renders. It is set to the Unix epoch, as
 * reproducible builds do with SOURCE_DATE_EPOCH=0, in place (the same length,
 * so the cross-reference offsets stay right). */
static void fix_pdf_date(char *pdf, size_t n)
{
    static const char key[] = "/CreationDate (D:";
    size_t k = sizeof(key) - 1;
    for (size_t i = 0; i + k + 14 <= n; i++) {
        if (memcmp(pdf + i, key, k) != 0)
            continue;
        char *d = pdf + i + k;
        for (size_t j = 0; j < 14; j++) {
            if (d[j] < '0' || d[j] > '9')
                return;
        }
        memcpy(d, "19700101000000", 14);
        return;
    }
}

static bool has_plugin(GVC_t *gvc, const char *kind, const char *name)
{
    int n = 0;
    char **list = gvPluginList(gvc, kind, &n, NULL);
    bool found = false;
    for (int i = 0; list && i < n; i++) {
        found |= strcmp(list[i], name) == 0;
        free(list[i]);
    }
    free(list);
    return found;
}

/* One Graphviz context for the process, made at the first render and never
 * freed. Graphviz 2.42's pango plugin keeps a pointer to the last font name
 * it saw, which lives in the context: freeing a context and making another
 * leaves that pointer dangling (a use after free at the next text layout,
 * found by ASan here). A context of our own per call is therefore not safe;
 * this is state of Graphviz's, held for it. Not thread-safe, as Graphviz
 * itself is not. */
static GVC_t *shared_context(void)
{
    static GVC_t *gvc;
    if (!gvc)
        gvc = gvContext();
    return gvc;
}

static int render_graphviz(ctx *c, const char *format, char **out, size_t *len)
{
    const char *engine = layout_names[c->o->layout];
    int rc = 0;
    capture cap = {c->diags, {0}};
    pn__buf_init(&cap.line);
    capture *saved = current_capture;
    current_capture = &cap;
    agusererrf saved_hook = agseterrf(capture_message);
    GVC_t *gvc = shared_context();
    bool laid_out = false;
    char *data = NULL;
    unsigned int n = 0;
    if (!gvc) {
        rc = PN_EGRAPHVIZ;
        pn_diags_add(c->diags, PN_SEVERITY_ERROR, NULL, 0, 0, NULL, "graphviz",
                     "cannot create a Graphviz context");
        goto cleanup;
    }
    if (!has_plugin(gvc, "layout", engine) || !has_plugin(gvc, "device", format)) {
        rc = PN_EGRAPHVIZ;
        pn_diags_add(c->diags, PN_SEVERITY_ERROR, NULL, 0, 0, NULL, "graphviz-plugin",
                     "Graphviz has no %s plugin for '%s' here: install Graphviz's plugins "
                     "(Debian: libgvc6 and graphviz), run `dot -c` to register them, or "
                     "use -T dot",
                     has_plugin(gvc, "layout", engine) ? "output" : "layout",
                     has_plugin(gvc, "layout", engine) ? format : engine);
        goto cleanup;
    }
    if (gvLayout(gvc, c->g, engine) != 0) {
        rc = PN_EGRAPHVIZ;
        pn_diags_add(c->diags, PN_SEVERITY_ERROR, NULL, 0, 0, NULL, "graphviz",
                     "Graphviz could not lay the graph out with %s", engine);
        goto cleanup;
    }
    laid_out = true;
    if (gvRenderData(gvc, c->g, format, &data, &n) != 0 || !data) {
        rc = PN_EGRAPHVIZ;
        pn_diags_add(c->diags, PN_SEVERITY_ERROR, NULL, 0, 0, NULL, "graphviz",
                     "Graphviz could not render %s", format);
        goto cleanup;
    }
    *out = malloc((size_t)n + 1);
    if (!*out) {
        rc = PN_ENOMEM;
        goto cleanup;
    }
    memcpy(*out, data, n);
    (*out)[n] = '\0';
    *len = n;
    if (strcmp(format, "pdf") == 0)
        fix_pdf_date(*out, n);
cleanup:
    if (data)
        gvFreeRenderData(data);
    if (laid_out)
        gvFreeLayout(gvc, c->g);
    capture_message((char *)"\n"); /* flush a last partial line */
    agseterrf(saved_hook);
    current_capture = saved;
    pn__buf_free(&cap.line);
    return rc;
}

static int write_dot(ctx *c, char **out, size_t *len)
{
    char *data = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&data, &n);
    if (!f)
        return PN_ENOMEM;
    int err = agwrite(c->g, f);
    if (fclose(f) != 0 || err != 0) {
        free(data);
        pn_diags_add(c->diags, PN_SEVERITY_ERROR, NULL, 0, 0, NULL, "graphviz",
                     "Graphviz could not write the DOT text");
        return PN_EGRAPHVIZ;
    }
    *out = data;
    *len = n;
    return 0;
}

static bool in_range(int value, int count)
{
    return value >= 0 && value < count;
}

/* Measured on generated views (3 ties per actor; `paranet generate`),
 * SVG, two shared cores: dot 100 actors 13.5 s, 200 over 40 s; circo 50 11 s,
 * 100 over 40 s; neato 200 3.4 s, 500 16.5 s; fdp 200 4 s, 500 11.8 s;
 * twopi 500 6.8 s, 1000 15.5 s; sfdp 1000 6 s. In layout order. */
static const struct {
    size_t actors, ties;
} layout_limits[] = {{150, 600}, {700, 2100}, {700, 2100}, {0, 0}, {60, 180}, {1500, 4500}};

void pn_diagram_layout_limits(pn_diagram_layout layout, size_t *max_actors, size_t *max_ties)
{
    bool known = in_range((int)layout, 6);
    if (max_actors)
        *max_actors = known ? layout_limits[layout].actors : 0;
    if (max_ties)
        *max_ties = known ? layout_limits[layout].ties : 0;
}

static int layout_guard(const ctx *c)
{
    size_t na = pn_graph_vertex_count(c->graph), ne = pn_graph_edge_count(c->graph), ma, mt;
    pn_diagram_layout_limits(c->o->layout, &ma, &mt);
    if (c->o->force_layout || ma == 0 || (na <= ma && ne <= mt))
        return 0;
    pn_diags_add(c->diags, PN_SEVERITY_ERROR, NULL, 0, 0, NULL, "layout-too-large",
                 "%zu actors and %zu ties to lay out with %s, over its limit of %zu actors and "
                 "%zu ties (it would take minutes): use the sfdp layout (--layout sfdp), or force "
                 "it (--force-layout; force_layout in pn_diagram_options)",
                 na, ne, layout_names[c->o->layout], ma, mt);
    return PN_ELIMIT;
}

int pn_diagram_render(const pn_dataset *ds, const pn_diagram_options *opts, const char *format,
                      char **out, size_t *len, pn_diags *diags)
{
    pn_diagram_options defaults = PN_DIAGRAM_OPTIONS_INIT;
    if (!opts)
        opts = &defaults;
    *out = NULL;
    if (len)
        *len = 0;
    if (!ds || !format)
        return PN_EINVAL;
    static const char *const formats[] = {"dot", "svg", "png", "pdf"};
    bool known = false;
    for (size_t i = 0; i < 4; i++)
        known |= strcmp(format, formats[i]) == 0;
    if (!known) {
        pn_diags_add(diags, PN_SEVERITY_ERROR, NULL, 0, 0, NULL, "format",
                     "unknown diagram format '%s' (dot, svg, png or pdf)", format);
        return PN_EINVAL;
    }
    if (!in_range((int)opts->layout, 6) || !in_range((int)opts->theme, 2) ||
        !in_range((int)opts->cluster, 3) || !in_range((int)opts->labels, 3) ||
        !in_range((int)opts->edge_labels, 4) || (!opts->path_from != !opts->path_to)) {
        pn_diags_add(diags, PN_SEVERITY_ERROR, NULL, 0, 0, NULL, "options",
                     "invalid diagram options (an enum out of range, or only one end of the "
                     "highlighted path)");
        return PN_EINVAL;
    }
    ctx c = {0};
    c.ds = ds;
    c.o = opts;
    c.th = &themes[opts->theme];
    c.diags = diags;
    c.na = pn_dataset_actor_count(ds);
    c.nt = pn_dataset_tie_count(ds);
    int rc = PN_ENOMEM;
    size_t n = 0;
    c.tie_mask = malloc((c.nt + 1) * sizeof(bool));
    c.actor_mask = malloc((c.na + 1) * sizeof(bool));
    c.country_slot = malloc((c.na + 1) * sizeof(int));
    c.nodes = calloc(c.na + 1, sizeof(Agnode_t *));
    c.country_seen = calloc(N_PALETTE + 1, sizeof(bool));
    if (!c.tie_mask || !c.actor_mask || !c.country_slot || !c.nodes || !c.country_seen)
        goto cleanup;
    rc = pn_view_select(ds, &opts->view, c.tie_mask, c.actor_mask, diags);
    if (rc)
        goto cleanup;
    pn_graph_options go = PN_GRAPH_OPTIONS_INIT;
    go.directed = opts->view.directed;
    go.weight = opts->view.weight;
    go.tie_mask = c.tie_mask;
    go.actor_mask = c.actor_mask;
    if ((rc = pn_graph_new(&c.graph, ds, &go)) != 0)
        goto cleanup;
    if (strcmp(format, "dot") != 0 && (rc = layout_guard(&c)) != 0)
        goto cleanup;
    if ((rc = assign_countries(&c)) != 0)
        goto cleanup;
    if (opts->path_from && (rc = find_path(&c)) != 0)
        goto cleanup;
    if (opts->size_by && (rc = metric_sizes(&c)) != 0)
        goto cleanup;
    if ((rc = make_groups(&c)) != 0)
        goto cleanup;
    if ((rc = build(&c)) != 0)
        goto cleanup;
    if (strcmp(format, "dot") == 0)
        rc = write_dot(&c, out, &n);
    else
        rc = render_graphviz(&c, format, out, &n);
    if (rc == 0 && len)
        *len = n;
cleanup:
    if (rc == PN_ENOMEM)
        pn_diags_add(diags, PN_SEVERITY_ERROR, NULL, 0, 0, NULL, NULL, "out of memory");
    if (c.g)
        agclose(c.g);
    free(c.groups);
    free(c.ties);
    free(c.path);
    free(c.hl_actor);
    free(c.size);
    free(c.country_seen);
    free(c.nodes);
    free(c.country_slot);
    pn_graph_free(c.graph);
    free(c.actor_mask);
    free(c.tie_mask);
    return rc;
}
