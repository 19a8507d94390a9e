/* The style decisions of a diagram, as plain data (style.h): the visual
 * vocabulary tables (docs/diagrams.md is their prose; these tables are its
 * single source), the themes, and the scene of one render: the view and its
 * graph, country colours, the highlighted path, metric sizes, parallel ties
 * merged into groups, and the look of each actor, cluster, tie and edge
 * label. No cgraph or gvc here: every renderer draws from this. */
#include "draw/style.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "paranet/metrics.h"
#include "paranet/vocab.h"

/* ---- the visual vocabulary ---- */

static const pn__kind_look kind_looks[PN_KIND_COUNT] = {
    [PN_KIND_CITY] = {"ellipse", false, 1, "\u25CB"},     /* white circle */
    [PN_KIND_REGENCY] = {"box", true, 1, "\u25A2"},       /* rounded square */
    [PN_KIND_PROVINCE] = {"hexagon", false, 1, "\u2B21"}, /* white hexagon */
    [PN_KIND_MINISTRY] = {"house", false, 1, "\u2302"},   /* house */
    [PN_KIND_AGENCY] = {"box", false, 1, "\u25A1"},       /* white square */
    [PN_KIND_UNIVERSITY] = {"parallelogram", false, 1, "\u25B1"},
    [PN_KIND_RESEARCH] = {"pentagon", false, 1, "\u2B20"},
    [PN_KIND_FIRM] = {"box3d", false, 1, "\u2752"},
    [PN_KIND_ORGANISATION] = {"ellipse", false, 2, "\u25CE"}, /* bullseye: a double ring */
    [PN_KIND_NGO] = {"diamond", false, 1, "\u25C7"},
};

static const pn__type_look type_looks[PN_TYPE_COUNT] = {
    [PN_TYPE_G2G] = {true, NULL, NULL},
    [PN_TYPE_B2B] = {true, "obox", "\u25A1"},
    [PN_TYPE_G2B] = {false, "obox", "\u25A1"},
    [PN_TYPE_HORIZONTAL] = {false, NULL, NULL},
    [PN_TYPE_VERTICAL] = {false, "tee", "\u22A2"},
    [PN_TYPE_ACADEMIC] = {false, "odot", "\u25CB"},
    [PN_TYPE_MEMBERSHIP] = {false, "odiamond", "\u25C7"},
};

/* Every status has its own line, by style and width alone (so on paper
 * too), except that "not given" is drawn as signed (the ordinary line): the
 * ladder planned (dashed, faint) - signed (1) - implemented (2) - active (3);
 * stalled dashed 2 with a double bar, failed dotted 2 with a cross, ended
 * faint with an end bar. The marks sit on the edge's label. */
static const pn__status_look status_looks[PN__STATUS_SLOTS] = {
    [PN_STATUS_PLANNED] = {"dashed", 1, true, NULL},
    [PN_STATUS_SIGNED] = {"solid", 1, false, NULL},
    [PN_STATUS_IMPLEMENTED] = {"solid", 2, false, NULL},
    [PN_STATUS_ACTIVE] = {"solid", 3, false, NULL},
    [PN_STATUS_STALLED] = {"dashed", 2, false, "\u2016"},
    [PN_STATUS_FAILED] = {"dotted", 2, false, "\u2715"},
    [PN_STATUS_ENDED] = {"solid", 1, true, "\u22A3"},
    [PN_STATUS_COUNT] = {"solid", 1, false, NULL},
};

/* Only the bases the default view leaves out are marked: a thin dotted
 * line and a "?" (dotted is the failed status's line too, but that is
 * heavier, in the ink and marked with a cross). */
static const pn__basis_look basis_looks[PN_BASIS_COUNT] = {
    [PN_BASIS_REPORTED] = {false, NULL, 0, NULL},
    [PN_BASIS_RECOMMENDED] = {true, "dotted", 1, "?"},
    [PN_BASIS_PROPOSED] = {true, "dotted", 1, "?"},
    [PN_BASIS_INFERRED] = {false, NULL, 0, NULL},
};

/* Paul Tol's "light" scheme (Tol 2021, SRON/EPS/TN/09-002), made for
 * cells behind black text: light blue, olive, light yellow, pink, light
 * cyan, in the order that keeps the first ones furthest apart (and from
 * white) under simulated colour-vision deficiencies. */
static const unsigned palette[PN__PALETTE_SIZE] = {0x77AADD, 0xAAAA00, 0xEEDD88, 0xFFAABB,
                                                   0x99DDFF};
#define VERMILLION 0xD55E00
/* The highlighted path: a strong blue that no fill, outline or other ink
 * uses, and at least 10 (CIEDE2000) from each of them under simulated
 * colour-vision deficiencies (tests/check_palette.py). */
#define PATH_BLUE 0x2222CC

/* Ties of a marked basis: purple (Paul Tol's bright scheme), and a colour no status,
 * mark or path uses; the faint gray on paper (with the dots and the "?"). */
static const pn__theme themes[] = {
    [PN_THEME_COLOR] = {"DejaVu Sans", "DejaVu Sans", "#333333", "#999999", "#CCCCCC", "#F4F4F4",
                        "#888888", true, "#AA3377"},
    [PN_THEME_PAPER] = {"DejaVu Serif", "DejaVu Sans", "#000000", "#808080", "#C8C8C8", "#FFFFFF",
                        "#808080", false, "#808080"},
};

const pn__kind_look *pn__kind_look_of(pn_kind kind)
{
    return &kind_looks[kind];
}

const pn__type_look *pn__type_look_of(pn_tie_type type)
{
    return &type_looks[type];
}

const pn__status_look *pn__status_look_of(int slot)
{
    return &status_looks[slot];
}

int pn__status_slot(pn_status s)
{
    return s == PN_STATUS_NONE ? PN_STATUS_COUNT : (int)s;
}

const pn__basis_look *pn__basis_look_of(pn_basis basis)
{
    return &basis_looks[basis];
}

const char *pn__status_slot_name(int slot)
{
    return slot == PN_STATUS_COUNT ? "not given" : pn_status_name((pn_status)slot);
}

bool pn__status_alike(int a, int b)
{
    const pn__status_look *x = &status_looks[a], *y = &status_looks[b];
    return strcmp(x->line, y->line) == 0 && x->penwidth == y->penwidth && x->faint == y->faint &&
           (x->mark == y->mark || (x->mark && y->mark && strcmp(x->mark, y->mark) == 0));
}

unsigned pn__palette(size_t slot)
{
    return palette[slot];
}

/* rgb darkened: each part times amount. */
static unsigned shade(unsigned rgb, double amount)
{
    unsigned out = 0;
    for (int shift = 16; shift >= 0; shift -= 8)
        out |= (unsigned)lround((double)((rgb >> shift) & 0xFF) * amount) << shift;
    return out;
}

unsigned pn__palette_outline(size_t slot)
{
    return shade(palette[slot], 0.6);
}

const pn__theme *pn__theme_of(pn_diagram_theme theme)
{
    return &themes[theme];
}

void pn__hex_colour(char *buf, unsigned rgb)
{
    snprintf(buf, 8, "#%06X", rgb & 0xFFFFFFu);
}

void pn__mark_colour(const pn__theme *th, char *buf)
{
    pn__hex_colour(buf, th->colour ? VERMILLION : 0);
}

void pn__path_colour(const pn__theme *th, char *buf)
{
    pn__hex_colour(buf, th->colour ? PATH_BLUE : 0);
}

void pn__status_line(const pn__theme *th, int slot, pn_basis basis, bool twin, pn__line_look *out)
{
    const pn__status_look *st = &status_looks[slot];
    const pn__basis_look *ba = &basis_looks[basis];
    memset(out, 0, sizeof(*out));
    snprintf(out->ink, sizeof(out->ink), "%s",
             ba->marked  ? th->basis
             : st->faint ? th->faint
                         : th->ink);
    out->twin = twin;
    out->style = ba->marked ? ba->line : st->line;
    out->penwidth = ba->marked ? ba->penwidth : st->penwidth;
    out->mark = st->mark;
    if (st->faint)
        snprintf(out->mark_colour, sizeof(out->mark_colour), "%s", th->faint);
    else
        pn__mark_colour(th, out->mark_colour);
    out->mark2 = ba->mark;
    snprintf(out->mark2_colour, sizeof(out->mark2_colour), "%s", th->basis);
}

static size_t utf8_chars(const char *s, size_t n)
{
    size_t count = 0;
    for (size_t i = 0; i < n; i++)
        count += ((unsigned char)s[i] & 0xC0) != 0x80;
    return count;
}

/* Runs of spaces and trailing spaces are kept: a space becomes a line
 * break only between two words. */
void pn__wrap_text(pn__buf *out, const char *s, size_t width)
{
    size_t line = 0;
    for (;;) {
        size_t n = strcspn(s, " \n");
        pn__buf_add(out, s, n);
        line += utf8_chars(s, n);
        s += n;
        if (*s == '\0')
            return;
        if (*s == '\n') {
            pn__buf_puts(out, "\n");
            line = 0;
        } else {
            size_t next = utf8_chars(s + 1, strcspn(s + 1, " \n"));
            if (line > 0 && next > 0 && line + 1 + next > width) {
                pn__buf_puts(out, "\n");
                line = 0;
            } else {
                pn__buf_puts(out, " ");
                line++;
            }
        }
        s++;
    }
}

double pn__text_width(const char *s, size_t n, double em, size_t *lines)
{
    size_t widest = 0, count = 1, start = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i < n && s[i] != '\n')
            continue;
        size_t chars = utf8_chars(s + start, i - start);
        widest = chars > widest ? chars : widest;
        count += i < n;
        start = i + 1;
    }
    if (lines)
        *lines = count;
    return 0.6 * em * (double)widest;
}

/* ---- the scene ---- */

int pn__scene_open(pn__scene *s, const pn_dataset *ds, const pn_diagram_options *opts,
                   pn_diags *diags)
{
    memset(s, 0, sizeof(*s));
    s->ds = ds;
    s->o = opts;
    s->th = pn__theme_of(opts->theme);
    s->diags = diags;
    s->na = pn_dataset_actor_count(ds);
    s->nt = pn_dataset_tie_count(ds);
    s->wrap = PN__WRAP;
    s->tie_mask = malloc((s->nt + 1) * sizeof(bool));
    s->actor_mask = malloc((s->na + 1) * sizeof(bool));
    s->country_slot = malloc((s->na + 1) * sizeof(int));
    s->country_rank = malloc((s->na + 1) * sizeof(int));
    s->rank_code = malloc((s->na + 1) * sizeof(const char *));
    s->rank_seen = calloc(s->na + 2, sizeof(bool));
    s->ego = SIZE_MAX;
    if (!s->tie_mask || !s->actor_mask || !s->country_slot || !s->country_rank || !s->rank_code ||
        !s->rank_seen)
        return PN_ENOMEM;
    int rc = pn_view_select(ds, &opts->view, s->tie_mask, s->actor_mask, diags);
    if (rc)
        return rc;
    pn_graph_options go = PN_GRAPH_OPTIONS_INIT;
    go.directed = opts->view.directed;
    go.weight = opts->view.weight;
    go.tie_mask = s->tie_mask;
    go.actor_mask = s->actor_mask;
    return pn_graph_new(&s->graph, ds, &go);
}

void pn__scene_free(pn__scene *s)
{
    free(s->groups);
    free(s->ties);
    free(s->path);
    free(s->hl_actor);
    free(s->size);
    free(s->country_slot);
    free(s->country_rank);
    free(s->rank_code);
    free(s->rank_seen);
    pn_graph_free(s->graph);
    free(s->actor_mask);
    free(s->tie_mask);
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
static int assign_countries(pn__scene *c)
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
    c->n_ranks = 0;
    for (size_t k = 0; k < n; k++) {
        if (strcmp(cc[k].code, "ZZ") != 0)
            c->rank_code[c->n_ranks++] = cc[k].code;
    }
    for (size_t i = 0; i < c->na; i++) {
        const char *code = pn_dataset_actor(c->ds, i)->country;
        size_t rank = 0;
        while (rank < c->n_ranks && strcmp(c->rank_code[rank], code) != 0)
            rank++;
        c->country_rank[i] = rank < c->n_ranks ? (int)rank : -1;
        c->country_slot[i] = rank < PN__PALETTE_SIZE && rank < c->n_ranks ? (int)rank : -1;
    }
    free(cc);
    return 0;
}

static int actor_by_id(pn__scene *c, const char *id, const char *what, size_t *out)
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
static int find_path(pn__scene *c)
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

static int metric_sizes(pn__scene *c)
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
    int type, status, basis;
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
    KEYCMP(basis)
    KEYCMP(tie)
#undef KEYCMP
    return 0;
}

static int group_cmp(const void *x, const void *y)
{
    const pn__group *p = x, *q = y;
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

/* Parallel ties of one pair with the same direction, type, status and
 * marked basis (or none) become one group (one edge); groups keep the order
 * of their first tie. */
static int make_groups(pn__scene *c)
{
    keyed *k = malloc((c->nt + 1) * sizeof(*k));
    c->ties = malloc((c->nt + 1) * sizeof(size_t));
    c->groups = malloc((c->nt + 1) * sizeof(pn__group));
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
        pn_basis basis = basis_looks[t->basis].marked ? t->basis : PN_BASIS_REPORTED;
        k[n++] = (keyed){lo, hi, dir, (int)t->type, pn__status_slot(t->status), (int)basis, i};
    }
    qsort(k, n, sizeof(*k), keyed_cmp);
    c->n_ties = n;
    c->n_groups = 0;
    for (size_t i = 0; i < n; i++) {
        c->ties[i] = k[i].tie;
        bool same = i > 0 && k[i].lo == k[i - 1].lo && k[i].hi == k[i - 1].hi &&
                    k[i].dir == k[i - 1].dir && k[i].type == k[i - 1].type &&
                    k[i].status == k[i - 1].status && k[i].basis == k[i - 1].basis;
        if (same) {
            c->groups[c->n_groups - 1].n++;
            continue;
        }
        const pn_tie *t = pn_dataset_tie(c->ds, k[i].tie);
        pn__group g = {i,       k[i].tie,    1,
                       t->from, t->to,       k[i].dir != 0,
                       t->type, k[i].status, (pn_basis)k[i].basis,
                       false};
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
    qsort(c->groups, c->n_groups, sizeof(pn__group), group_cmp);
    for (size_t i = 0; c->path && i < c->n_groups; i++) {
        pn__group *g = &c->groups[i];
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

/* What the figure shows, for the legend: every actor of the view and every
 * group is drawn. */
static void note_seen(pn__scene *c)
{
    for (size_t i = 0; i < c->na; i++) {
        if (!c->actor_mask[i])
            continue;
        int rank = c->country_rank[i];
        c->kinds_seen[pn_dataset_actor(c->ds, i)->kind] = true;
        c->rank_seen[rank >= 0 ? (size_t)rank : c->n_ranks] = true;
    }
    for (size_t i = 0; i < c->n_groups; i++) {
        const pn__group *g = &c->groups[i];
        c->types_seen[g->type] = true;
        c->status_seen[g->status] = true;
        c->basis_seen[g->basis] |= basis_looks[g->basis].marked;
        c->directed_seen |= g->directed;
    }
}

int pn__scene_style(pn__scene *s)
{
    int rc = assign_countries(s);
    size_t ego;
    if (rc == 0 && s->o->view.ego && pn_dataset_find_actor(s->ds, s->o->view.ego, &ego) == 0 &&
        s->actor_mask[ego])
        s->ego = ego;
    if (rc == 0 && s->o->path_from)
        rc = find_path(s);
    if (rc == 0 && s->o->size_by)
        rc = metric_sizes(s);
    if (rc == 0)
        rc = make_groups(s);
    if (rc == 0)
        note_seen(s);
    return rc;
}

/* ---- looks ---- */

void pn__actor_look_of(const pn__scene *s, size_t actor, pn__actor_look *out)
{
    const pn__theme *th = s->th;
    int slot = s->country_slot[actor];
    memset(out, 0, sizeof(*out));
    out->kind = pn__kind_look_of(pn_dataset_actor(s->ds, actor)->kind);
    out->penwidth = PN__NODE_PENWIDTH;
    out->highlighted = s->hl_actor && s->hl_actor[actor];
    out->ego = actor == s->ego;
    if (s->hl_actor && !s->hl_actor[actor]) {
        snprintf(out->fill, sizeof(out->fill), "%s", th->faded_fill);
        snprintf(out->line, sizeof(out->line), "%s", th->faded);
        out->text_colour = "#999999";
    } else if (th->colour && slot >= 0) {
        pn__hex_colour(out->fill, palette[slot]);
        pn__hex_colour(out->line, pn__palette_outline((size_t)slot));
    } else {
        snprintf(out->fill, sizeof(out->fill), "#FFFFFF");
        snprintf(out->line, sizeof(out->line), "%s", th->colour ? "#666666" : "#000000");
    }
    if (out->highlighted)
        pn__path_colour(th, out->line);
    if (out->highlighted || out->ego)
        out->penwidth = PN__HEAVY_PENWIDTH;
    out->font_size = s->size ? s->size[actor] : 0.0;
}

bool pn__actor_coded(const pn__scene *s, size_t actor, bool country_boxes)
{
    return !country_boxes && s->country_rank[actor] >= 0 &&
           (!s->th->colour || s->country_slot[actor] < 0);
}

void pn__actor_label(const pn__scene *s, size_t actor, bool country_boxes, pn__buf *out)
{
    const pn_actor *a = pn_dataset_actor(s->ds, actor);
    if (s->o->labels == PN_LABELS_ID)
        pn__buf_puts(out, a->id);
    else if (s->o->labels == PN_LABELS_SHORT && a->n_aliases > 0)
        pn__wrap_text(out, a->aliases[0], s->wrap);
    else
        pn__wrap_text(out, a->name, s->wrap);
    if (pn__actor_coded(s, actor, country_boxes))
        pn__buf_printf(out, " (%s)", a->country);
}

bool pn__cluster_look_of(const pn__scene *s, size_t actor, pn__cluster_look *out)
{
    const pn_actor *a = pn_dataset_actor(s->ds, actor);
    int slot = s->country_slot[actor];
    memset(out, 0, sizeof(*out));
    if (s->o->cluster == PN_CLUSTER_COUNTRY) {
        const char *country = pn_country_name(a->country);
        bool plain = a->country[0] >= 'A' && a->country[0] <= 'Z' && a->country[1] >= 'A' &&
                     a->country[1] <= 'Z' && a->country[2] == '\0';
        if (plain)
            snprintf(out->key, sizeof(out->key), "%s", a->country);
        else
            snprintf(out->key, sizeof(out->key), "country_%d", slot);
        out->label = country ? country : a->country;
    } else if (s->o->cluster == PN_CLUSTER_KIND) {
        snprintf(out->key, sizeof(out->key), "%s", pn_kind_name(a->kind));
        out->label = pn_kind_name(a->kind);
    } else {
        return false;
    }
    out->heavy = s->th->colour && s->o->cluster == PN_CLUSTER_COUNTRY && slot >= 0;
    if (out->heavy)
        pn__hex_colour(out->colour, pn__palette_outline((size_t)slot));
    else
        snprintf(out->colour, sizeof(out->colour), "%s", s->th->cluster);
    return true;
}

void pn__tie_look_of(const pn__scene *s, const pn__group *g, pn__tie_look *out)
{
    const pn__theme *th = s->th;
    pn__line_look line;
    pn__status_line(th, g->status, g->basis, type_looks[g->type].twin, &line);
    memset(out, 0, sizeof(*out));
    out->faded = s->hl_actor && !g->highlight;
    if (g->highlight)
        pn__path_colour(th, out->ink);
    else
        snprintf(out->ink, sizeof(out->ink), "%s", out->faded ? th->faded : line.ink);
    out->twin = line.twin;
    out->line = line.style;
    out->penwidth = line.penwidth + (g->highlight ? 2 : 0);
    out->directed = g->directed;
    out->tail = type_looks[g->type].tail;
}

/* The text of one tie for an edge label: instrument and/or year. */
static void tie_text(const pn__scene *c, const pn_tie *t, pn__buf *b)
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

/* Without edge labels only the mark: counts crowd an overview figure. */
int pn__edge_label_make(const pn__scene *c, const pn__group *g, pn__edge_label *out)
{
    pn__line_look line;
    pn__status_line(c->th, g->status, g->basis, false, &line);
    memset(out, 0, sizeof(*out));
    out->mark = line.mark;
    out->basis_mark = line.mark2;
    if (c->hl_actor && !g->highlight) {
        snprintf(out->mark_colour, sizeof(out->mark_colour), "%s", c->th->faded);
        snprintf(out->basis_colour, sizeof(out->basis_colour), "%s", c->th->faded);
    } else {
        snprintf(out->mark_colour, sizeof(out->mark_colour), "%s", line.mark_colour);
        snprintf(out->basis_colour, sizeof(out->basis_colour), "%s", line.mark2_colour);
    }
    out->texts = calloc(g->n, sizeof(pn__buf));
    out->counts = calloc(g->n, sizeof(size_t));
    if (!out->texts || !out->counts)
        return PN_ENOMEM;
    size_t nt = 0;
    for (size_t k = 0; k < g->n; k++) {
        pn__buf t;
        pn__buf_init(&t);
        tie_text(c, pn_dataset_tie(c->ds, c->ties[g->first + k]), &t);
        if (t.len == 0) {
            out->unlabelled++;
            pn__buf_free(&t);
            continue;
        }
        size_t j = 0;
        while (j < nt &&
               !(out->texts[j].len == t.len && memcmp(out->texts[j].data, t.data, t.len) == 0))
            j++;
        if (j < nt) {
            out->counts[j]++;
            pn__buf_free(&t);
        } else {
            out->texts[nt] = t;
            out->counts[nt++] = 1;
        }
    }
    out->n_texts = nt;
    out->other = c->o->edge_labels != PN_EDGE_LABELS_NONE &&
                 (out->unlabelled > 1 || (out->unlabelled == 1 && nt > 0));
    return 0;
}

void pn__edge_label_free(pn__edge_label *l)
{
    for (size_t j = 0; l->texts && j < l->n_texts; j++)
        pn__buf_free(&l->texts[j]);
    free(l->texts);
    free(l->counts);
}
