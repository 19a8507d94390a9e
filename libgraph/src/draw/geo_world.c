/* The country outlines under a map (geo.h): Natural Earth's Admin 0
 * countries at 1:110m as world-atlas's TopoJSON (data/world-atlas), compiled
 * into the library and read here with jansson. TopoJSON keeps each shared
 * border once: the arcs are quantized, delta-encoded integer points (the
 * transform's scale and translate give degrees), and a ring lists its arcs
 * by index (~i: arc i reversed). Each ring is projected, clipped to the
 * frame and written as a filled xdot polygon; the frame's neat line last. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "draw/geo.h"

extern const unsigned char pn__world_110m[];
extern const size_t pn__world_110m_len;

typedef struct pt {
    double x, y;
} pt;

typedef struct ring {
    pt *p;
    size_t n, cap;
    bool failed;
} ring;

static void push(ring *r, double x, double y)
{
    if (r->failed)
        return;
    if (r->n == r->cap) {
        size_t cap = r->cap ? 2 * r->cap : 64;
        pt *p = realloc(r->p, cap * sizeof(pt));
        if (!p) {
            r->failed = true;
            return;
        }
        r->p = p;
        r->cap = cap;
    }
    r->p[r->n++] = (pt){x, y};
}

/* The decoded arcs, in degrees: arc a is pts[start[a]] to pts[start[a + 1] - 1]. */
typedef struct arcs {
    pt *pts;
    size_t *start, n;
} arcs;

static int decode_arcs(json_t *topo, arcs *out)
{
    json_t *list = json_object_get(topo, "arcs"), *tr = json_object_get(topo, "transform");
    json_t *scale = json_object_get(tr, "scale"), *shift = json_object_get(tr, "translate");
    if (!json_is_array(list) || json_array_size(scale) != 2 || json_array_size(shift) != 2)
        return PN_EINVAL;
    double sx = json_number_value(json_array_get(scale, 0));
    double sy = json_number_value(json_array_get(scale, 1));
    double tx = json_number_value(json_array_get(shift, 0));
    double ty = json_number_value(json_array_get(shift, 1));
    size_t n = json_array_size(list), total = 0;
    for (size_t a = 0; a < n; a++)
        total += json_array_size(json_array_get(list, a));
    out->n = n;
    out->pts = malloc((total + 1) * sizeof(pt));
    out->start = malloc((n + 1) * sizeof(size_t));
    if (!out->pts || !out->start)
        return PN_ENOMEM;
    size_t k = 0;
    for (size_t a = 0; a < n; a++) {
        json_t *arc = json_array_get(list, a);
        double qx = 0, qy = 0;
        out->start[a] = k;
        for (size_t i = 0; i < json_array_size(arc); i++) {
            json_t *d = json_array_get(arc, i);
            qx += json_number_value(json_array_get(d, 0));
            qy += json_number_value(json_array_get(d, 1));
            out->pts[k++] = (pt){qx * sx + tx, qy * sy + ty};
        }
    }
    out->start[n] = k;
    return 0;
}

/* Clip a polygon to one side of the frame (Sutherland-Hodgman): keep the
 * points with sign * (coordinate axis) - limit <= 0... written out per side. */
static void clip_side(const ring *in, ring *out, int axis, double limit, bool below)
{
    out->n = 0;
    for (size_t i = 0; i < in->n; i++) {
        pt a = in->p[i], b = in->p[(i + 1) % in->n];
        double va = axis ? a.y : a.x, vb = axis ? b.y : b.x;
        bool ia = below ? va <= limit : va >= limit, ib = below ? vb <= limit : vb >= limit;
        if (ia)
            push(out, a.x, a.y);
        if (ia != ib) {
            double t = (limit - va) / (vb - va);
            push(out, a.x + t * (b.x - a.x), a.y + t * (b.y - a.y));
        }
    }
    if (in->failed)
        out->failed = true;
}

/* A ring in degrees, from lon `lo` to `lo + 360` only, projected into the
 * frame, clipped to it, as "P n x y ...". deg is kept; r, tmp are work rings. */
static int emit_ring(const ring *deg, double shift, const pn__geo_frame *f, ring *r, ring *tmp,
                     pn__buf *b)
{
    r->n = 0;
    for (size_t i = 0; i < deg->n; i++)
        push(r, deg->p[i].x + shift, deg->p[i].y);
    clip_side(r, tmp, 0, -180, false);
    clip_side(tmp, r, 0, 180, true);
    for (size_t i = 0; i < r->n; i++)
        pn__geo_point(f, r->p[i].x, r->p[i].y, &r->p[i].x, &r->p[i].y);
    double w = (f->x1 - f->x0) * f->k, h = (f->y1 - f->y0) * f->k;
    clip_side(r, tmp, 0, 0, false);
    clip_side(tmp, r, 0, w, true);
    clip_side(r, tmp, 1, 0, false);
    clip_side(tmp, r, 1, h, true);
    if (r->failed || tmp->failed)
        return PN_ENOMEM;
    if (r->n < 3)
        return 0;
    pn__buf_printf(b, "P %zu", r->n);
    for (size_t i = 0; i < r->n; i++)
        pn__buf_printf(b, " %.1f %.1f", r->p[i].x, r->p[i].y);
    pn__buf_puts(b, " ");
    return 0;
}

/* A ring of arc indices. A ring that crosses the antimeridian (Russia's
 * Chukotka, Fiji: a step of more than 180 degrees of longitude off the
 * poles) is unwrapped into one continuous ring and drawn twice, shifted by
 * 360 degrees, each copy clipped to -180..180. */
static int draw_ring(const arcs *arc, json_t *indices, const pn__geo_frame *f, ring *deg, ring *r,
                     ring *tmp, pn__buf *b)
{
    deg->n = 0;
    double offset = 0, last = 0;
    bool wraps = false;
    for (size_t i = 0; i < json_array_size(indices); i++) {
        json_int_t a = json_integer_value(json_array_get(indices, i));
        bool rev = a < 0;
        size_t idx = rev ? (size_t)~a : (size_t)a;
        if (idx >= arc->n)
            return PN_EINVAL;
        size_t from = arc->start[idx], to = arc->start[idx + 1];
        for (size_t k = from + (i > 0); k < to; k++) { /* an arc starts where the last ended */
            pt p = arc->pts[rev ? to - 1 - (k - from) : k];
            if (deg->n > 0 && fabs(p.x + offset - last) > 180 && fabs(p.y) < 89.9) {
                offset += p.x + offset > last ? -360 : 360;
                wraps = true;
            }
            last = p.x + offset;
            push(deg, last, p.y);
        }
    }
    if (deg->failed)
        return PN_ENOMEM;
    double lo = INFINITY;
    for (size_t i = 0; i < deg->n; i++)
        lo = fmin(lo, deg->p[i].x);
    int rc = emit_ring(deg, 0, f, r, tmp, b);
    if (rc == 0 && wraps)
        rc = emit_ring(deg, lo < -180 ? 360 : -360, f, r, tmp, b);
    return rc;
}

static int draw_countries(json_t *geoms, const arcs *arc, const pn__geo_frame *f, pn__buf *b)
{
    ring deg = {0}, r = {0}, tmp = {0};
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < json_array_size(geoms); i++) {
        json_t *geom = json_array_get(geoms, i), *rings = json_object_get(geom, "arcs");
        const char *type = json_string_value(json_object_get(geom, "type"));
        bool multi = type && strcmp(type, "MultiPolygon") == 0;
        for (size_t p = 0; rc == 0 && p < json_array_size(rings); p++) {
            json_t *poly = json_array_get(rings, p);
            if (!multi) {
                rc = draw_ring(arc, poly, f, &deg, &r, &tmp, b);
                continue;
            }
            for (size_t k = 0; rc == 0 && k < json_array_size(poly); k++)
                rc = draw_ring(arc, json_array_get(poly, k), f, &deg, &r, &tmp, b);
        }
    }
    free(deg.p);
    free(r.p);
    free(tmp.p);
    return rc;
}

int pn__geo_world(const pn__geo_frame *f, bool paper, double ink, pn__buf *b)
{
    json_error_t err;
    json_t *topo = json_loadb((const char *)pn__world_110m, pn__world_110m_len, 0, &err);
    if (!topo)
        return PN_EINVAL; /* the compiled-in data: cannot happen */
    arcs arc = {0};
    int rc = decode_arcs(topo, &arc);
    json_t *geoms = json_object_get(json_object_get(json_object_get(topo, "objects"), "countries"),
                                    "geometries");
    char style[40];
    snprintf(style, sizeof(style), "setlinewidth(%.2f)", 0.4 * ink);
    pn__buf_printf(b, "c 7 -%s C 7 -%s S %zu -%s ", paper ? "#9A9A9A" : "#A8A8A8",
                   paper ? "#E0E0E0" : "#E3E3E3", strlen(style), style);
    if (rc == 0)
        rc = draw_countries(geoms, &arc, f, b);
    /* the neat line: the frame everything is clipped to, over the outlines' cut ends */
    double w = (f->x1 - f->x0) * f->k, h = (f->y1 - f->y0) * f->k;
    snprintf(style, sizeof(style), "setlinewidth(%.2f)", 0.6 * ink);
    pn__buf_printf(b, "c 7 -%s S %zu -%s p 4 0.0 0.0 %.1f 0.0 %.1f %.1f 0.0 %.1f ",
                   paper ? "#000000" : "#555555", strlen(style), style, w, w, h, h);
    free(arc.pts);
    free(arc.start);
    json_decref(topo);
    return rc;
}
