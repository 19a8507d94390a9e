/* The names on a map (geo.h): placed greedily, the most tied actor first,
 * each at the first of eight spots around its mark (right, left, above,
 * below, then the corners) where its box (estimated from the text: 0.6 em a
 * character, 1.2 em a line) overlaps no name placed before and no named
 * actor's mark, inside the map where it can be; a name with no such spot is
 * left out. Each is a plain-text node pinned there ("label.<node>") on a
 * translucent white ground, so Graphviz draws it as it draws any label. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw/geo.h"

typedef struct box {
    double x0, y0, x1, y1;
} box;

static bool overlaps(const box *a, const box *b)
{
    return a->x0 < b->x1 && b->x0 < a->x1 && a->y0 < b->y1 && b->y0 < a->y1;
}

static bool inside(const box *a, double w, double h)
{
    return a->x0 >= 0 && a->y0 >= 0 && a->x1 <= w && a->y1 <= h;
}

/* The text's box size at font size fs: its longest line and its lines. */
static void text_size(const char *s, size_t n, double fs, double *w, double *h)
{
    size_t lines;
    *w = pn__text_width(s, n, fs, &lines) + 2;
    *h = 1.2 * fs * (double)lines + 2;
}

static double attr(void *obj, const char *name, double fallback)
{
    const char *v = agget(obj, (char *)name);
    return v && *v ? atof(v) : fallback;
}

int pn__geo_labels(const pn__scene *s, Agraph_t *g, Agnode_t **nodes, const size_t *order, size_t n,
                   const pn__geo_frame *f)
{
    static const double spot[8][2] = {{1, 0}, {-1, 0}, {0, 1},  {0, -1},
                                      {1, 1}, {-1, 1}, {1, -1}, {-1, -1}};
    box *placed = malloc((2 * n + 1) * sizeof(box));
    if (!placed)
        return PN_ENOMEM;
    double fw = (f->x1 - f->x0) * f->k, fh = (f->y1 - f->y0) * f->k;
    size_t n_placed = 0;
    for (size_t k = 0; k < n; k++) { /* the named actors' marks */
        Agnode_t *v = nodes[order[k]];
        double x, y, r = attr(v, "width", 0.1) * 36.0;
        const pn_actor *a = pn_dataset_actor(s->ds, order[k]);
        pn__geo_point(f, a->lon, a->lat, &x, &y);
        placed[n_placed++] = (box){x - r, y - r, x + r, y + r};
    }
    int rc = 0;
    pn__buf text;
    pn__buf_init(&text);
    char buf[96];
    for (size_t k = 0; k < n && rc == 0; k++) {
        size_t i = order[k];
        Agnode_t *v = nodes[i];
        const pn_actor *a = pn_dataset_actor(s->ds, i);
        double x, y, w, h, r = attr(v, "width", 0.1) * 36.0, fs = attr(v, "fontsize", 10);
        pn__geo_point(f, a->lon, a->lat, &x, &y);
        text.len = 0;
        pn__actor_label(s, i, false, &text);
        if (text.failed) {
            rc = PN_ENOMEM;
            break;
        }
        text_size(text.data ? text.data : "", text.len, fs, &w, &h);
        double gap = r + fs / 4;
        box best = {0};
        bool found = false;
        for (int pass = 0; pass < 2 && !found; pass++) {
            for (int c = 0; c < 8 && !found; c++) {
                double cx = x + spot[c][0] * (gap + w / 2), cy = y + spot[c][1] * (gap + h / 2);
                box b = {cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2};
                bool free = pass == 1 || inside(&b, fw, fh);
                for (size_t j = 0; j < n_placed && free; j++)
                    free = j == k || !overlaps(&b, &placed[j]);
                if (free) {
                    best = b;
                    found = true;
                }
            }
        }
        if (!found)
            continue; /* no room: the mark stays, unnamed */
        placed[n_placed++] = best;
        snprintf(buf, sizeof(buf), "label.%s", agnameof(v));
        Agnode_t *t = agnode(g, buf, 1);
        char *html = agget(v, (char *)"label");
        if (!t || !html) {
            rc = PN_EGRAPHVIZ;
            break;
        }
        html = agstrdup_html(g, html);
        agsafeset(t, (char *)"label", html, (char *)"");
        agstrfree(g, html);
        agsafeset(t, (char *)"shape", (char *)"plaintext", (char *)"");
        /* a translucent white ground: the name reads over the ties it crosses */
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
        snprintf(buf, sizeof(buf), "%.2f,%.2f!", (best.x0 + best.x1) / 2, (best.y0 + best.y1) / 2);
        agsafeset(t, (char *)"pos", buf, (char *)"");
    }
    pn__buf_free(&text);
    free(placed);
    return rc;
}
