/* The names on a map (geo.h), placed greedily, the most tied actor first.
 *
 * A name's box is its text measured as Graphviz lays it out and draws it
 * (pn__text_measure, measure.h: Pango at Graphviz's settings), so the box
 * is the white ground Graphviz draws under the text. Its candidate spots
 * are twelve around the mark, a gap away (its radius and a quarter em):
 * right, left, above, below, the four corners, then above and below
 * running right and left from the mark; then the same twelve an em and two
 * ems further out (RINGS). A spot is admissible when its box lies inside
 * the map's frame and overlaps no name placed before and no mark of a
 * named actor. Of the admissible spots the first that crosses no tie and
 * covers no other mark is taken; failing that, of the nearest ring with an
 * admissible spot, the one crossing the fewest ties (then covering the
 * fewest marks, then the first), so that where ties are everywhere a name
 * stays by its mark; a name with no admissible spot is left out, its mark
 * unnamed.
 *
 * A box crosses a tie when, grown by RISE above and below (Graphviz's
 * lines are 1.1 em apart, the font's ascent and descent 1.16 em) and by
 * WIDE at the sides (an SVG viewer sets the text at the font's own,
 * unhinted widths, up to 4% wider than Graphviz's hinted ones), it comes
 * within the tie's drawn half width (plus CLEAR) of one of its stretches
 * (pn__geo_lines, made by geo_arcs.c in the same layout points).
 *
 * The lookups go through a grid of buckets over the frame (an em, or a
 * 256th of the frame, a side) holding the ties' stretches, the marks and
 * the names placed, so a map of 10,000 ties costs a few buckets a spot,
 * not every stretch. Each name is a plain-text node pinned at its box's
 * centre ("label.<node>") on a translucent white ground. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw/measure.h"
#include "draw/geo.h"

#define CLEAR 0.75 /* points kept between a name's box and a tie's line */
#define RISE  0.15 /* em: how far a line's accents and descenders reach past its box */
#define WIDE                                                                                       \
    0.04         /* of its width: how much wider a viewer may draw a name than Graphviz measures   \
                  */
#define SPOTS 12 /* around a mark */
#define RINGS 3  /* at distances: a gap, an em further, two */

typedef struct box {
    double x0, y0, x1, y1;
} box;

static bool overlaps(const box *a, const box *b)
{
    return a->x0 < b->x1 && b->x0 < a->x1 && a->y0 < b->y1 && b->y0 < a->y1;
}

/* ---- the grid ---- */

enum { ITEM_SEG, ITEM_MARK, ITEM_NAMED_MARK, ITEM_NAME };

typedef struct item {
    int kind;
    size_t index; /* a stretch of lines, a mark, a name */
} item;

typedef struct grid {
    double cell;
    size_t cols, rows;
    size_t *head;                /* per cell: its first entry + 1 (0: none) */
    size_t *next, *what, n, cap; /* entries: the next one + 1, the item */
    item *items;
    size_t n_items, cap_items;
    size_t *stamp, query; /* per item: the query that saw it last */
    bool failed;
} grid;

static size_t clamp_cell(double v, double cell, size_t count)
{
    double c = floor(v / cell);
    return c < 0 ? 0 : c >= (double)count ? count - 1 : (size_t)c;
}

static size_t add_item(grid *gr, int kind, size_t index)
{
    if (gr->n_items == gr->cap_items) {
        size_t cap = gr->cap_items ? 2 * gr->cap_items : 1024;
        item *p = realloc(gr->items, cap * sizeof(*p));
        size_t *q = realloc(gr->stamp, cap * sizeof(*q));
        if (p)
            gr->items = p;
        if (q)
            gr->stamp = q;
        if (!p || !q) {
            gr->failed = true;
            return SIZE_MAX;
        }
        gr->cap_items = cap;
    }
    gr->items[gr->n_items] = (item){kind, index};
    gr->stamp[gr->n_items] = 0;
    return gr->n_items++;
}

/* Item it in every cell the box b touches. */
static void put(grid *gr, size_t it, const box *b)
{
    if (gr->failed || it == SIZE_MAX)
        return;
    size_t c0 = clamp_cell(b->x0, gr->cell, gr->cols), c1 = clamp_cell(b->x1, gr->cell, gr->cols);
    size_t r0 = clamp_cell(b->y0, gr->cell, gr->rows), r1 = clamp_cell(b->y1, gr->cell, gr->rows);
    for (size_t r = r0; r <= r1; r++) {
        for (size_t c = c0; c <= c1; c++) {
            if (gr->n == gr->cap) {
                size_t cap = gr->cap ? 2 * gr->cap : 4096;
                size_t *p = realloc(gr->next, cap * sizeof(*p));
                size_t *q = realloc(gr->what, cap * sizeof(*q));
                if (p)
                    gr->next = p;
                if (q)
                    gr->what = q;
                if (!p || !q) {
                    gr->failed = true;
                    return;
                }
                gr->cap = cap;
            }
            size_t cell = r * gr->cols + c;
            gr->what[gr->n] = it;
            gr->next[gr->n] = gr->head[cell];
            gr->head[cell] = ++gr->n;
        }
    }
}

/* A stretch in the cells along it: cut into pieces no longer than a cell,
 * each put by its box (grown by its half width), so a long one fills a
 * band of cells, not its whole box. */
static void put_seg(grid *gr, const pn__geo_seg *s, size_t index)
{
    size_t it = add_item(gr, ITEM_SEG, index);
    double len = hypot(s->x1 - s->x0, s->y1 - s->y0), pad = s->hw + CLEAR;
    size_t steps = (size_t)ceil(len / gr->cell);
    steps = steps < 1 ? 1 : steps;
    for (size_t k = 0; k < steps; k++) {
        double t0 = (double)k / (double)steps, t1 = (double)(k + 1) / (double)steps;
        double ax = s->x0 + t0 * (s->x1 - s->x0), ay = s->y0 + t0 * (s->y1 - s->y0);
        double bx = s->x0 + t1 * (s->x1 - s->x0), by = s->y0 + t1 * (s->y1 - s->y0);
        box b = {fmin(ax, bx) - pad, fmin(ay, by) - pad, fmax(ax, bx) + pad, fmax(ay, by) + pad};
        put(gr, it, &b);
    }
}

/* Whether the stretch comes within its half width (plus CLEAR) of the box:
 * the segment against the box grown by that much (Liang-Barsky). */
static bool seg_meets(const pn__geo_seg *s, const box *b)
{
    double pad = s->hw + CLEAR, t0, t1;
    return pn__geo_clip(s->x0, s->y0, s->x1, s->y1, b->x0 - pad, b->y0 - pad, b->x1 + pad,
                        b->y1 + pad, &t0, &t1);
}

/* ---- the names ---- */

typedef struct names {
    grid gr;
    const pn__geo_lines *lines;
    box *marks, *placed; /* every mark; the names placed */
    size_t n_placed;
    size_t *tie_stamp, tie_query; /* per tie: the query that counted it */
} names;

/* What the box b would cost: false when it is not admissible (outside the
 * w x h frame, over a name or a named mark); else *ties and *marks crossed
 * (the ties counted up to limit + 1 only). */
static bool cost(names *nm, const box *b, double w, double h, double rise, size_t own, size_t limit,
                 size_t *ties, size_t *marks)
{
    double wide = (b->x1 - b->x0) * WIDE; /* SVG viewers' widths, unhinted */
    box ink = {b->x0 - wide, b->y0 - rise, b->x1 + wide, b->y1 + rise};
    if (b->x0 < 0 || b->y0 < 0 || b->x1 > w || b->y1 > h)
        return false;
    grid *gr = &nm->gr;
    size_t c0 = clamp_cell(ink.x0, gr->cell, gr->cols);
    size_t c1 = clamp_cell(ink.x1, gr->cell, gr->cols);
    size_t r0 = clamp_cell(ink.y0, gr->cell, gr->rows);
    size_t r1 = clamp_cell(ink.y1, gr->cell, gr->rows);
    gr->query++;
    nm->tie_query++;
    *ties = *marks = 0;
    for (size_t r = r0; r <= r1; r++) {
        for (size_t c = c0; c <= c1; c++) {
            for (size_t e = gr->head[r * gr->cols + c]; e; e = gr->next[e - 1]) {
                size_t it = gr->what[e - 1];
                if (gr->stamp[it] == gr->query)
                    continue;
                gr->stamp[it] = gr->query;
                const item *x = &gr->items[it];
                if (x->kind == ITEM_SEG) {
                    const pn__geo_seg *s = &nm->lines->seg[x->index];
                    if (nm->tie_stamp[s->tie] != nm->tie_query && seg_meets(s, &ink)) {
                        nm->tie_stamp[s->tie] = nm->tie_query;
                        if (++*ties > limit)
                            return true; /* worse than the best so far: no need to count on */
                    }
                } else if (x->kind == ITEM_NAME) {
                    if (overlaps(b, &nm->placed[x->index]))
                        return false;
                } else if (x->index != own && overlaps(b, &nm->marks[x->index])) {
                    if (x->kind == ITEM_NAMED_MARK)
                        return false;
                    ++*marks;
                }
            }
        }
    }
    return true;
}

/* The box of the spot c for a w x h name beside a mark of radius r at x, y. */
static box spot(int c, double x, double y, double r, double gap, double w, double h)
{
    static const double at[SPOTS][2] = {{1, 0},  {-1, 0},  {0, 1}, {0, -1}, {1, 1},  {-1, 1},
                                        {1, -1}, {-1, -1}, {2, 1}, {-2, 1}, {2, -1}, {-2, -1}};
    double dx = at[c][0], dy = at[c][1], cx, cy;
    double diag = gap * 0.7071; /* the corners as far from the mark as the sides */
    if (dx == 2 || dx == -2)    /* above or below, the box running right (or left) from the mark */
        cx = x + dx / 2 * (w / 2 - r);
    else
        cx = x + dx * ((dy != 0 ? diag : gap) + w / 2);
    cy = y + dy * ((dx != 0 && dx != 2 && dx != -2 ? diag : gap) + h / 2);
    return (box){cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2};
}

static double attr(void *obj, const char *name, double fallback)
{
    const char *v = agget(obj, (char *)name);
    return v && *v ? atof(v) : fallback;
}

/* The pinned plain-text node of a name at box b, its label the mark's. */
static int name_node(Agraph_t *g, Agnode_t *v, const box *b)
{
    char buf[96];
    snprintf(buf, sizeof(buf), "label.%s", agnameof(v));
    Agnode_t *t = agnode(g, buf, 1);
    char *html = agget(v, (char *)"label");
    if (!t || !html)
        return PN_EGRAPHVIZ;
    html = agstrdup_html(g, html);
    agsafeset(t, (char *)"label", html, (char *)"");
    agstrfree(g, html);
    agsafeset(t, (char *)"shape", (char *)"plaintext", (char *)"");
    /* a translucent white ground: the name reads over what it must cover */
    agsafeset(t, (char *)"style", (char *)"filled", (char *)"");
    agsafeset(t, (char *)"fillcolor", (char *)"#FFFFFFB3", (char *)"");
    agsafeset(t, (char *)"color", (char *)"transparent", (char *)"");
    agsafeset(t, (char *)"margin", (char *)"0", (char *)"");
    agsafeset(t, (char *)"width", (char *)"0.01", (char *)"");
    agsafeset(t, (char *)"height", (char *)"0.01", (char *)"");
    const char *c = agget(v, (char *)"fontcolor"), *size = agget(v, (char *)"fontsize");
    if (c && *c)
        agsafeset(t, (char *)"fontcolor", (char *)c, (char *)"");
    if (size && *size)
        agsafeset(t, (char *)"fontsize", (char *)size, (char *)"");
    snprintf(buf, sizeof(buf), "%.2f,%.2f!", (b->x0 + b->x1) / 2, (b->y0 + b->y1) / 2);
    agsafeset(t, (char *)"pos", buf, (char *)"");
    return 0;
}

/* The marks (every placed node, in actor order; those of order[] named) and
 * the ties' stretches into the grid. */
static int fill(names *nm, const pn__scene *s, Agnode_t **nodes, const size_t *order, size_t n,
                const pn__geo_frame *f, size_t *mark_of)
{
    for (size_t i = 0; i < s->na; i++)
        mark_of[i] = SIZE_MAX;
    for (size_t k = 0; k < n; k++)
        mark_of[order[k]] = SIZE_MAX - 1; /* named: marked below */
    size_t m = 0;
    for (size_t i = 0; i < s->na; i++) {
        const pn_actor *a = pn_dataset_actor(s->ds, i);
        if (!nodes[i] || !a->has_coords)
            continue;
        double x, y, r = attr(nodes[i], "width", 0.1) * 36.0;
        pn__geo_point(f, a->lon, a->lat, &x, &y);
        nm->marks[m] = (box){x - r, y - r, x + r, y + r};
        bool named = mark_of[i] == SIZE_MAX - 1;
        put(&nm->gr, add_item(&nm->gr, named ? ITEM_NAMED_MARK : ITEM_MARK, m), &nm->marks[m]);
        mark_of[i] = m++;
    }
    for (size_t k = 0; k < nm->lines->n; k++)
        put_seg(&nm->gr, &nm->lines->seg[k], k);
    return nm->gr.failed ? PN_ENOMEM : 0;
}

int pn__geo_labels(const pn__scene *s, Agraph_t *g, Agnode_t **nodes, const size_t *order, size_t n,
                   const pn__geo_frame *f, const pn__geo_lines *lines)
{
    double fw = (f->x1 - f->x0) * f->k, fh = (f->y1 - f->y0) * f->k;
    names nm = {.lines = lines};
    pn__text_meter *meter = NULL;
    size_t *mark_of = malloc((s->na + 1) * sizeof(size_t));
    nm.marks = malloc((s->na + 1) * sizeof(box));
    nm.placed = malloc((n + 1) * sizeof(box));
    nm.tie_stamp = calloc(lines->ties + 1, sizeof(size_t));
    double fs0 = attr(agfstnode(g), "fontsize", 10);
    nm.gr.cell = fmax(fs0, fmax(fw, fh) / 256);
    nm.gr.cols = (size_t)(fw / nm.gr.cell) + 1;
    nm.gr.rows = (size_t)(fh / nm.gr.cell) + 1;
    nm.gr.head = calloc(nm.gr.cols * nm.gr.rows, sizeof(size_t));
    const char *font = agget(agfstnode(g), (char *)"fontname");
    int rc = mark_of && nm.marks && nm.placed && nm.tie_stamp && nm.gr.head ? 0 : PN_ENOMEM;
    if (rc == 0)
        rc = pn__text_meter_new(&meter, font && *font ? font : s->th->font);
    if (rc == 0)
        rc = fill(&nm, s, nodes, order, n, f, mark_of);
    pn__buf text;
    pn__buf_init(&text);
    for (size_t k = 0; k < n && rc == 0; k++) {
        size_t i = order[k];
        Agnode_t *v = nodes[i];
        box m = nm.marks[mark_of[i]];
        double x = (m.x0 + m.x1) / 2, y = (m.y0 + m.y1) / 2, r = (m.x1 - m.x0) / 2, w, h;
        double fs = attr(v, "fontsize", fs0);
        text.len = 0;
        pn__actor_label(s, i, false, &text);
        if (text.failed) {
            rc = PN_ENOMEM;
            break;
        }
        pn__text_measure(meter, text.data ? text.data : "", text.len, fs, &w, &h);
        double gap = r + fs / 4;
        box best = {0};
        size_t best_ties = SIZE_MAX, best_marks = SIZE_MAX, best_ring = SIZE_MAX;
        for (int c = 0; c < RINGS * SPOTS; c++) {
            box b = spot(c % SPOTS, x, y, r, gap + (double)(c / SPOTS) * fs, w, h);
            size_t ties, marks;
            bool nearer = best_ring == SIZE_MAX || (size_t)(c / SPOTS) == best_ring;
            size_t limit = nearer ? best_ties : 0; /* past the nearest ring only a clear one */
            if (!cost(&nm, &b, fw, fh, RISE * fs, mark_of[i], limit, &ties, &marks))
                continue;
            if (ties == 0 && marks == 0) { /* the first clear spot */
                best = b;
                best_ties = best_marks = 0;
                break;
            }
            /* failing one, the least crossing of the nearest ring with room */
            if (nearer && (ties < best_ties || (ties == best_ties && marks < best_marks))) {
                best = b;
                best_ties = ties;
                best_marks = marks;
                best_ring = (size_t)(c / SPOTS);
            }
        }
        if (best_ties == SIZE_MAX)
            continue; /* no room: the mark stays, unnamed */
        nm.placed[nm.n_placed] = best;
        put(&nm.gr, add_item(&nm.gr, ITEM_NAME, nm.n_placed), &best);
        nm.n_placed++;
        rc = nm.gr.failed ? PN_ENOMEM : name_node(g, v, &best);
    }
    pn__buf_free(&text);
    pn__text_meter_free(meter);
    free(nm.gr.head);
    free(nm.gr.next);
    free(nm.gr.what);
    free(nm.gr.items);
    free(nm.gr.stamp);
    free(nm.tie_stamp);
    free(nm.placed);
    free(nm.marks);
    free(mark_of);
    return rc;
}
