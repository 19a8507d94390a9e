/* The ties of a map as great-circle arcs (geo.h): each edge's path is
 * sampled on the great circle between its actors (spherical linear
 * interpolation of their unit vectors), projected, cut where it crosses the
 * antimeridian, trimmed at the actors' marks (and their arrowheads), and
 * given to Graphviz as the edge's pos: B-splines whose control points lie
 * on the sampled polyline, drawn as they are by the nop2 engine. Parallel
 * edges of one pair bow apart, symmetrically about the great circle. Each
 * piece is clipped to the map's frame, and the stretches drawn are kept
 * (pn__geo_lines), with the line's width, for the names to avoid. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "draw/geo.h"

#define SPREAD     3.0  /* points (times ink): parallel edges this far apart at mid-arc */
#define ARROW_LEN  10.0 /* Graphviz's arrow length at arrowsize 1, in points */
#define ARROW_HALF 0.35 /* Graphviz's normal arrowhead: half as wide as this of its length */
#define RUN_MAX    (2 * (PN__GEO_SAMPLES + 3)) /* points of a piece clipped to the frame */

typedef struct site {
    const Agnode_t *node;
    double lon, lat, x, y, r; /* degrees; layout points; the mark's radius */
} site;

static int by_node(const void *a, const void *b)
{
    uintptr_t x = (uintptr_t)((const site *)a)->node, y = (uintptr_t)((const site *)b)->node;
    return x < y ? -1 : x > y;
}

static const site *site_of(const site *sites, size_t n, const Agnode_t *node)
{
    site key = {.node = node};
    return bsearch(&key, sites, n, sizeof(site), by_node);
}

typedef struct path {
    double x[PN__GEO_SAMPLES + 3], y[PN__GEO_SAMPLES + 3];
    size_t n, cut; /* points; the first of the second piece (n: one piece) */
} path;

/* The great circle from a to b, projected: p->cut is where it crosses the
 * antimeridian (the crossing's latitude interpolated, drawn to both edges). */
static void sample(const pn__geo_frame *f, const site *a, const site *b, path *p)
{
    double lons[PN__GEO_SAMPLES + 1], lats[PN__GEO_SAMPLES + 1];
    size_t n = pn__geo_great_circle(a->lon, a->lat, b->lon, b->lat, lons, lats);
    p->n = 0;
    p->cut = SIZE_MAX;
    for (size_t i = 0; i < n; i++) {
        double lon = lons[i], lat = lats[i];
        if (i > 0 && fabs(lon - lons[i - 1]) > 180 && p->cut == SIZE_MAX) {
            double last_lon = lons[i - 1], last_lat = lats[i - 1];
            double edge = last_lon > 0 ? 180 : -180, next = lon + (last_lon > 0 ? 360 : -360);
            double at = last_lat + (lat - last_lat) * (edge - last_lon) / (next - last_lon);
            pn__geo_point(f, edge, at, &p->x[p->n], &p->y[p->n]);
            p->n++;
            p->cut = p->n;
            pn__geo_point(f, -edge, at, &p->x[p->n], &p->y[p->n]);
            p->n++;
        }
        pn__geo_point(f, lon, lat, &p->x[p->n], &p->y[p->n]);
        p->n++;
    }
    if (p->cut == SIZE_MAX)
        p->cut = p->n;
}

/* Bow the path sideways by `off` points at its middle (sin-shaped), across
 * the chord of each piece. */
static void bow(path *p, double off)
{
    for (int piece = 0; piece < 2 && off != 0; piece++) {
        size_t from = piece ? p->cut : 0, to = piece ? p->n : p->cut;
        if (to < from + 2)
            continue;
        double dx = p->x[to - 1] - p->x[from], dy = p->y[to - 1] - p->y[from];
        double len = hypot(dx, dy);
        if (len < 1e-9)
            continue;
        for (size_t i = from + 1; i + 1 < to; i++) {
            double t = (double)(i - from) / (double)(to - 1 - from), s = sin(3.14159265 * t);
            p->x[i] += -dy / len * off * s;
            p->y[i] += dx / len * off * s;
        }
    }
}

/* The point where the polyline from[0..n) (walked from its start) leaves a
 * circle of radius r about from[0]: *k the first point outside. false: never. */
static bool leave(const double *x, const double *y, size_t n, int dirn, double r, double *ox,
                  double *oy, size_t *k)
{
    for (size_t j = 1; j < n; j++) {
        size_t i = dirn > 0 ? j : n - 1 - j, h = dirn > 0 ? j - 1 : n - j;
        size_t o = dirn > 0 ? 0 : n - 1;
        double d = hypot(x[i] - x[o], y[i] - y[o]);
        if (d >= r) {
            double dh = hypot(x[h] - x[o], y[h] - y[o]), t = (r - dh) / (d - dh);
            *ox = x[h] + t * (x[i] - x[h]);
            *oy = y[h] + t * (y[i] - y[h]);
            *k = i;
            return true;
        }
    }
    return false;
}

/* An end of a piece cut back: the mark's edge (where an arrow's tip goes)
 * and, an arrow's length further, where the line stops; k: the first point
 * kept past it (from that end). */
typedef struct cut {
    bool on;
    double tip_x, tip_y, x, y;
    size_t k;
} cut;

static cut trim(const double *x, const double *y, size_t n, int dirn, double r, double arrow)
{
    cut c = {0};
    c.on = r > 0 && leave(x, y, n, dirn, r, &c.tip_x, &c.tip_y, &c.k) &&
           leave(x, y, n, dirn, r + arrow, &c.x, &c.y, &c.k);
    return c;
}

static void add_seg(pn__geo_lines *l, double x0, double y0, double x1, double y1, double hw,
                    uint32_t tie)
{
    if (l->failed)
        return;
    if (l->n == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 1024;
        pn__geo_seg *p = realloc(l->seg, cap * sizeof(*p));
        if (!p) {
            l->failed = true;
            return;
        }
        l->seg = p;
        l->cap = cap;
    }
    l->seg[l->n++] = (pn__geo_seg){(float)x0, (float)y0, (float)x1, (float)y1, (float)hw, tie};
}

/* How a piece is drawn: its line's half width, its arrowheads' half width,
 * the tie's number, where its stretches go. */
typedef struct pen {
    double hw, head_hw;
    uint32_t tie;
    pn__geo_lines *lines;
} pen;

/* One piece as a B-spline with its control points on the polyline, its
 * ends trimmed: at the tail by the mark's radius tr and an arrow's length ta
 * ("s,x,y" at the mark when there is an arrow), at the head by hr and ha
 * ("e,x,y"). Marks whose trims would cross keep the path untrimmed. The
 * stretches drawn (and the arrowheads) go to pn->lines. */
static void piece(pn__buf *b, const double *x, const double *y, size_t n, double tr, double ta,
                  double hr, double ha, const pen *pn)
{
    cut t = trim(x, y, n, 1, tr, ta), h = trim(x, y, n, -1, hr, ha);
    if (t.on && h.on &&
        (t.k > h.k + 1 || (t.k == h.k + 1 &&
                           hypot(t.x - x[h.k], t.y - y[h.k]) >= hypot(h.x - x[h.k], h.y - y[h.k]))))
        t.on = h.on = false;
    if (h.on && ha > 0) {
        pn__buf_printf(b, "e,%.2f,%.2f ", h.tip_x, h.tip_y);
        add_seg(pn->lines, h.x, h.y, h.tip_x, h.tip_y, pn->head_hw, pn->tie);
    }
    if (t.on && ta > 0) {
        pn__buf_printf(b, "s,%.2f,%.2f ", t.tip_x, t.tip_y);
        add_seg(pn->lines, t.x, t.y, t.tip_x, t.tip_y, pn->head_hw, pn->tie);
    }
    double sx = t.on ? t.x : x[0], sy = t.on ? t.y : y[0];
    double ex = h.on ? h.x : x[n - 1], ey = h.on ? h.y : y[n - 1];
    size_t first = t.on ? t.k : 1, last = h.on ? h.k : n - 2;
    double px = sx, py = sy;
    pn__buf_printf(b, "%.2f,%.2f", sx, sy);
    for (size_t i = first; i <= last + 1; i++) {
        bool end = i > last || i >= n - 1;
        double qx = end ? ex : x[i], qy = end ? ey : y[i];
        pn__buf_printf(b, " %.2f,%.2f %.2f,%.2f %.2f,%.2f", px + (qx - px) / 3, py + (qy - py) / 3,
                       px + 2 * (qx - px) / 3, py + 2 * (qy - py) / 3, qx, qy);
        add_seg(pn->lines, px, py, qx, qy, pn->hw, pn->tie);
        px = qx;
        py = qy;
        if (end)
            break;
    }
}

/* A piece x[0..n) clipped to the frame (w x h points) less the line's half
 * width (a double line's outer lines are drawn a pen's width off it), each run inside it
 * drawn with piece(): the trims only where a run keeps the piece's own end
 * (tail: tr, ta; head: hr, ha), between runs ";". *any: a run was drawn
 * before (a ";" first). */
static void clipped(pn__buf *b, const double *x, const double *y, size_t n, double w, double h,
                    double tr, double ta, double hr, double ha, const pen *pn, bool *any)
{
    double rx[RUN_MAX], ry[RUN_MAX];
    size_t m = 0;
    bool at_tail = false;
    for (size_t i = 0; i + 1 < n; i++) {
        double t0, t1;
        bool in = pn__geo_clip(x[i], y[i], x[i + 1], y[i + 1], pn->hw, pn->hw, w - pn->hw,
                               h - pn->hw, &t0, &t1);
        double dx = x[i + 1] - x[i], dy = y[i + 1] - y[i];
        if (in && (m == 0 || t0 > 0)) {
            if (m >= 2) { /* it left and came back: the run so far */
                pn__buf_puts(b, *any ? ";" : "");
                piece(b, rx, ry, m, at_tail ? tr : 0, at_tail ? ta : 0, 0, 0, pn);
                *any = true;
            }
            m = 0;
            at_tail = i == 0 && t0 == 0;
            rx[m] = x[i] + t0 * dx;
            ry[m++] = y[i] + t0 * dy;
        }
        if (in && m < RUN_MAX) {
            rx[m] = x[i] + t1 * dx;
            ry[m++] = y[i] + t1 * dy;
        }
        bool end = i + 2 == n && in && t1 == 1;
        if ((!in || t1 < 1 || end) && m >= 2) {
            pn__buf_puts(b, *any ? ";" : "");
            piece(b, rx, ry, m, at_tail ? tr : 0, at_tail ? ta : 0, end ? hr : 0, end ? ha : 0, pn);
            *any = true;
            m = 0;
        } else if (!in || t1 < 1) {
            m = 0;
        }
    }
}

/* The edge's place among the edges joining its two nodes (both ways), in a
 * fixed order: from the node of the smaller name first, by creation. */
static void parallel(Agraph_t *g, Agedge_t *e, size_t *index, size_t *count, bool *flip)
{
    Agnode_t *t = agtail(e), *h = aghead(e);
    bool swap = strcmp(agnameof(t), agnameof(h)) > 0;
    Agnode_t *first = swap ? h : t, *second = swap ? t : h;
    *count = 0;
    *index = 0;
    *flip = swap;
    for (int pass = 0; pass < 2; pass++) {
        Agnode_t *from = pass ? second : first, *to = pass ? first : second;
        for (Agedge_t *o = agfstout(g, from); o; o = agnxtout(g, o)) {
            if (aghead(o) != to)
                continue;
            if (o == e)
                *index = *count;
            ++*count;
        }
    }
}

static double attr(void *obj, const char *name, double fallback)
{
    const char *v = agget(obj, (char *)name);
    return v && *v ? atof(v) : fallback;
}

/* Half a drawn line's width: Graphviz draws a list of colours
 * ("#333333:invis:#333333", a double line) side by side, their middles a
 * pen's width apart, or 2 points at least. */
static double pen_half(Agedge_t *e)
{
    const char *c = agget(e, (char *)"color");
    size_t colours = 1;
    for (; c && *c; c++)
        colours += *c == ':';
    double width = attr(e, "penwidth", 1.0);
    /* Graphviz sets the colours at least 2 points apart (seen in its SVG) */
    return fmax(width, 2.0) * (double)(colours - 1) / 2 + width / 2;
}

int pn__geo_arcs(const pn__scene *s, Agraph_t *g, Agnode_t **nodes, const pn__geo_frame *f,
                 double ink, pn__geo_lines *lines)
{
    double w = (f->x1 - f->x0) * f->k, h = (f->y1 - f->y0) * f->k;
    site *sites = calloc(s->na + 1, sizeof(site));
    path *p = malloc(sizeof(path));
    size_t n = 0;
    if (!sites || !p) {
        free(sites);
        free(p);
        return PN_ENOMEM;
    }
    for (size_t i = 0; i < s->na; i++) {
        const pn_actor *a = pn_dataset_actor(s->ds, i);
        if (!nodes[i] || !a->has_coords)
            continue;
        site *st = &sites[n++];
        st->node = nodes[i];
        st->lon = a->lon;
        st->lat = a->lat;
        pn__geo_point(f, a->lon, a->lat, &st->x, &st->y);
        st->r = attr(nodes[i], "width", 0.1) * 72.0 / 2;
    }
    qsort(sites, n, sizeof(site), by_node);
    pn__buf b;
    pn__buf_init(&b);
    int rc = 0;
    for (Agnode_t *v = agfstnode(g); v && rc == 0; v = agnxtnode(g, v)) {
        for (Agedge_t *e = agfstout(g, v); e && rc == 0; e = agnxtout(g, e)) {
            const site *ta = site_of(sites, n, agtail(e)), *he = site_of(sites, n, aghead(e));
            if (!ta || !he)
                continue;
            size_t index, count;
            bool flip;
            parallel(g, e, &index, &count, &flip);
            sample(f, ta, he, p);
            double off = ((double)index - (double)(count - 1) / 2) * SPREAD * ink;
            bow(p, flip ? -off : off);
            const char *dir = agget(e, (char *)"dir");
            bool fwd = dir && (strcmp(dir, "forward") == 0 || strcmp(dir, "both") == 0);
            bool back = dir && (strcmp(dir, "back") == 0 || strcmp(dir, "both") == 0);
            double arrow = ARROW_LEN * attr(e, "arrowsize", 1.0);
            b.len = 0;
            pen pn = {pen_half(e), ARROW_HALF * arrow + pen_half(e), lines->ties++, lines};
            bool any = false;
            if (p->cut < p->n && p->cut >= 2 && p->n - p->cut >= 2) {
                clipped(&b, p->x, p->y, p->cut, w, h, ta->r, back ? arrow : 0, 0, 0, &pn, &any);
                clipped(&b, p->x + p->cut, p->y + p->cut, p->n - p->cut, w, h, 0, 0, he->r,
                        fwd ? arrow : 0, &pn, &any);
            } else {
                clipped(&b, p->x, p->y, p->n, w, h, ta->r, back ? arrow : 0, he->r, fwd ? arrow : 0,
                        &pn, &any);
            }
            if (!any) /* nothing of it in the frame (its ends are: cannot happen) */
                agsafeset(e, (char *)"style", (char *)"invis", (char *)"");
            pn__buf_add(&b, "", 1);
            if (b.failed || lines->failed) {
                rc = PN_ENOMEM;
                break;
            }
            agsafeset(e, (char *)"pos", b.data, (char *)"");
        }
    }
    pn__buf_free(&b);
    free(sites);
    free(p);
    return rc;
}
