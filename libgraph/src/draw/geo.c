/* The map layout (geo.h): the map's frame (the actors' box, grown for the
 * names near its edge, or the extent asked for) and the nodes placed on it. */
#include "draw/geo.h"

#include "draw/measure.h"
#include "paranet/metrics.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MARGIN       0.08  /* of the actors' box's larger side, around it */
#define WORLD_MARGIN 0.02  /* of the world's width and height: the most an extent shows past it */
#define ROOM         1.1   /* a name's room past its mark, of its width (and gap) */
#define ROOM_MAX     0.3   /* of the frame's larger side: the most it grows a side for names */
#define MIN_SPAN     0.05  /* projected units (about 3 degrees): one actor's map */
#define MAX_TALL     1.0   /* an automatic extent is at most as tall as wide */
#define POINT_SIZE   0.11  /* inches: a named actor's mark */
#define SMALL_POINT  0.06  /* inches: the others' */
#define TINY_POINT   0.035 /* inches: the others' on a large map */
#define LARGE_MAP    500   /* drawn edges: thinner, translucent lines past this */
#define PAD          14.4  /* points: the graph's pad (build.c), each side */
#define NAMES_LISTED 10    /* actors named in the no-coordinates warning */

static bool extent_given(const pn_diagram_map *m)
{
    return m->extent[0] != 0 || m->extent[1] != 0 || m->extent[2] != 0 || m->extent[3] != 0;
}

static void grow(pn__geo_frame *f, double x, double y)
{
    f->x0 = fmin(f->x0, x);
    f->x1 = fmax(f->x1, x);
    f->y0 = fmin(f->y0, y);
    f->y1 = fmax(f->y1, y);
}

/* The frame's scale: its width on paper (or its height's share), less the
 * graph's pad, which the neat line leaves around it. */
static void scale(const pn__scene *s, pn__geo_frame *f)
{
    const pn_diagram_geometry *g = &s->o->geometry;
    double w = f->x1 - f->x0, h = f->y1 - f->y0;
    double paper = g->width > 0    ? g->width
                   : g->height > 0 ? g->height * w / h
                                   : PN_DIAGRAM_PAGE_WIDTH;
    if (g->width > 0 && g->height > 0)
        paper = fmin(g->width, g->height * w / h);
    f->k = fmax(paper - 2 * PAD, paper / 2) / w;
}

/* An automatic frame grown where a named actor (order[0..n)) sits so near
 * its edge that its name (measured at fs points) would not fit between its
 * mark and that edge: names near the edge can then go outward as well as
 * inward. A few rounds, since the scale shrinks as the frame grows. */
static int room_for_names(const pn__scene *s, Agraph_t *g, const size_t *order, size_t n,
                          double ink, pn__geo_frame *f)
{
    const char *font = agget(agfstnode(g), (char *)"fontname");
    double fs = atof(agget(agfstnode(g), (char *)"fontsize"));
    pn__text_meter *meter = NULL;
    int rc = pn__text_meter_new(&meter, font && *font ? font : s->th->font);
    double *w = calloc(n + 1, sizeof(double)), *h = calloc(n + 1, sizeof(double));
    pn__buf text;
    pn__buf_init(&text);
    rc = rc == 0 && (!w || !h) ? PN_ENOMEM : rc;
    for (size_t k = 0; rc == 0 && k < n; k++) {
        text.len = 0;
        pn__actor_label(s, order[k], false, &text);
        if (text.failed)
            rc = PN_ENOMEM;
        else
            pn__text_measure(meter, text.data ? text.data : "", text.len, fs, &w[k], &h[k]);
    }
    double gap = POINT_SIZE * 36 * ink + fs / 2; /* geo_labels.c's gap, and a little */
    /* at most ROOM_MAX of the frame's larger side more on each side: on a small
     * map the names would otherwise grow it to the world */
    double most = ROOM_MAX * fmax(f->x1 - f->x0, f->y1 - f->y0);
    const pn__geo_frame at = *f;
    for (int round = 0; rc == 0 && round < 4; round++) {
        scale(s, f);
        double x0 = f->x0, x1 = f->x1, y0 = f->y0, y1 = f->y1;
        for (size_t k = 0; k < n; k++) {
            const pn_actor *a = pn_dataset_actor(s->ds, order[k]);
            double x, y;
            pn__geo_project(a->lon, a->lat, &x, &y);
            x1 = fmax(x1, x + ROOM * (gap + w[k]) / f->k);
            x0 = fmin(x0, x - ROOM * (gap + w[k]) / f->k);
            y1 = fmax(y1, y + ROOM * (gap + h[k]) / f->k);
            y0 = fmin(y0, y - ROOM * (gap + h[k]) / f->k);
        }
        f->x0 = fmax(x0, at.x0 - most);
        f->x1 = fmin(x1, at.x1 + most);
        f->y0 = fmax(y0, at.y0 - most);
        f->y1 = fmin(y1, at.y1 + most);
    }
    pn__buf_free(&text);
    free(w);
    free(h);
    pn__text_meter_free(meter);
    return rc;
}

/* The frame: the projected box of the extent's edges (meridians curve), or
 * of the actors with coordinates plus MARGIN; scaled to the figure's width on
 * paper (or its height's share). The layout's fonts are times the fit's m,
 * the map's width is not: the fit then finds the m at which the labels are
 * their size on paper. false: no actor has coordinates. */
static bool frame_of(const pn__scene *s, pn__geo_frame *f)
{
    const pn_diagram_map *m = &s->o->map;
    *f = (pn__geo_frame){INFINITY, INFINITY, -INFINITY, -INFINITY, 1.0};
    if (extent_given(m)) {
        for (int k = 0; k <= 32; k++) {
            double lon = m->extent[0] + (m->extent[2] - m->extent[0]) * k / 32.0;
            double lat = m->extent[1] + (m->extent[3] - m->extent[1]) * k / 32.0, x, y;
            pn__geo_project(lon, m->extent[1], &x, &y);
            grow(f, x, y);
            pn__geo_project(lon, m->extent[3], &x, &y);
            grow(f, x, y);
            pn__geo_project(m->extent[0], lat, &x, &y);
            grow(f, x, y);
            pn__geo_project(m->extent[2], lat, &x, &y);
            grow(f, x, y);
        }
    } else {
        for (size_t i = 0; i < s->na; i++) {
            const pn_actor *a = pn_dataset_actor(s->ds, i);
            double x, y;
            if (!s->actor_mask[i] || !a->has_coords)
                continue;
            pn__geo_project(a->lon, a->lat, &x, &y);
            grow(f, x, y);
        }
        if (!(f->x0 <= f->x1))
            return false;
        /* the arcs too: a great circle bows poleward of its ends */
        double lons[PN__GEO_SAMPLES + 1], lats[PN__GEO_SAMPLES + 1];
        for (size_t g = 0; g < s->n_groups; g++) {
            const pn_actor *a = pn_dataset_actor(s->ds, s->groups[g].tail);
            const pn_actor *b = pn_dataset_actor(s->ds, s->groups[g].head);
            if (!a->has_coords || !b->has_coords)
                continue;
            size_t n = pn__geo_great_circle(a->lon, a->lat, b->lon, b->lat, lons, lats);
            for (size_t k = 1; k + 1 < n; k++) {
                double x, y;
                pn__geo_project(lons[k], lats[k], &x, &y);
                grow(f, x, y);
            }
        }
        double cx = (f->x0 + f->x1) / 2, cy = (f->y0 + f->y1) / 2;
        double w = fmax(f->x1 - f->x0, MIN_SPAN), h = fmax(f->y1 - f->y0, MIN_SPAN);
        w = fmax(w, h / MAX_TALL); /* a narrow box widened: no strip of a map */
        double pad = MARGIN * fmax(w, h);
        f->x0 = cx - w / 2 - pad;
        f->x1 = cx + w / 2 + pad;
        f->y0 = cy - h / 2 - pad;
        f->y1 = cy + h / 2 + pad;
    }
    scale(s, f);
    return true;
}

/* An automatic frame no larger than the world and a little (the margin's
 * share of it), scaled again. */
static void clamp_to_world(const pn__scene *s, pn__geo_frame *f)
{
    double wx, wy, zero;
    pn__geo_project(180, 0, &wx, &zero);
    pn__geo_project(0, 90, &zero, &wy);
    f->x0 = fmax(f->x0, -wx * (1 + WORLD_MARGIN));
    f->x1 = fmin(f->x1, wx * (1 + WORLD_MARGIN));
    f->y0 = fmax(f->y0, -wy * (1 + WORLD_MARGIN));
    f->y1 = fmin(f->y1, wy * (1 + WORLD_MARGIN));
    scale(s, f);
}

int pn__geo_check(pn__scene *s)
{
    const pn_diagram_map *m = &s->o->map;
    const double *e = m->extent;
    if (extent_given(m) &&
        !(e[0] >= -180 && e[0] < e[2] && e[2] <= 180 && e[1] >= -90 && e[1] < e[3] && e[3] <= 90)) {
        pn_diags_add(s->diags, PN_SEVERITY_ERROR, NULL, 0, 0, NULL, "extent",
                     "the map's extent %g,%g,%g,%g must be west,south,east,north in degrees, "
                     "west < east within -180 to 180, south < north within -90 to 90",
                     e[0], e[1], e[2], e[3]);
        return PN_EINVAL;
    }
    size_t missing = 0, with = 0;
    pn__buf names;
    pn__buf_init(&names);
    for (size_t i = 0; i < s->na; i++) {
        const pn_actor *a = pn_dataset_actor(s->ds, i);
        if (!s->actor_mask[i])
            continue;
        if (a->has_coords) {
            with++;
            continue;
        }
        s->actor_mask[i] = false; /* not drawn: nor its ties, nor in the legend */
        if (missing < NAMES_LISTED)
            pn__buf_printf(&names, "%s%s (%s)", missing ? ", " : "", a->name ? a->name : "", a->id);
        missing++;
    }
    int rc = names.failed ? PN_ENOMEM : 0;
    size_t outside = 0;
    pn__buf far;
    pn__buf_init(&far);
    for (size_t i = 0; rc == 0 && extent_given(m) && i < s->na; i++) {
        const pn_actor *a = pn_dataset_actor(s->ds, i);
        if (!s->actor_mask[i] ||
            (a->lon >= e[0] && a->lon <= e[2] && a->lat >= e[1] && a->lat <= e[3]))
            continue;
        s->actor_mask[i] = false; /* its mark would lie past the frame */
        with--;
        if (outside < NAMES_LISTED)
            pn__buf_printf(&far, "%s%s (%s)", outside ? ", " : "", a->name ? a->name : "", a->id);
        outside++;
    }
    rc = rc == 0 && far.failed ? PN_ENOMEM : rc;
    if (rc == 0 && outside > 0)
        pn_diags_add(s->diags, PN_SEVERITY_WARNING, NULL, 0, 0, NULL, "outside-extent",
                     "%zu actor%s outside the --extent left out of the map, with their ties: "
                     "%.*s%s",
                     outside, outside == 1 ? "" : "s", (int)far.len, far.data ? far.data : "",
                     outside > NAMES_LISTED ? ", ..." : "");
    pn__buf_free(&far);
    if (rc == 0 && with == 0 && outside > 0) {
        pn_diags_add(s->diags, PN_SEVERITY_ERROR, NULL, 0, 0, NULL, "outside-extent",
                     "no actor of the view lies within the --extent: the map has nothing to "
                     "place");
        rc = PN_EINVAL;
    } else if (rc == 0 && with == 0) {
        pn_diags_add(s->diags, PN_SEVERITY_ERROR, NULL, 0, 0, NULL, "no-coordinates",
                     "no actor of the view has coordinates (lat, lon; docs/format.md): the map "
                     "(--layout geo) has nothing to place");
        rc = PN_EINVAL;
    } else if (rc == 0 && missing > 0) {
        pn_diags_add(s->diags, PN_SEVERITY_WARNING, NULL, 0, 0, NULL, "no-coordinates",
                     "%zu actor%s without coordinates left out of the map: %.*s%s", missing,
                     missing == 1 ? "" : "s", (int)names.len, names.data ? names.data : "",
                     missing > NAMES_LISTED ? ", ..." : "");
    }
    pn__buf_free(&names);
    return rc;
}

typedef struct ranked {
    size_t actor, degree;
    double score; /* the label_by metric, or 0 */
} ranked;

static int by_score(const void *a, const void *b)
{
    const ranked *x = a, *y = b;
    if (x->score != y->score)
        return x->score > y->score ? -1 : 1;
    if (x->degree != y->degree)
        return x->degree > y->degree ? -1 : 1;
    return x->actor < y->actor ? -1 : x->actor > y->actor;
}

/* r[actor].score: the map's label_by metric on the view's graph; NaN (and
 * an actor not in the graph) the smallest. */
static int label_scores(const pn__scene *s, ranked *r)
{
    size_t nv = pn_graph_vertex_count(s->graph);
    double *v = malloc((nv + 1) * sizeof(double));
    if (!v)
        return PN_ENOMEM;
    int rc = pn_metric_vector(s->graph, s->o->map.label_by, v, s->diags);
    for (size_t i = 0; i < s->na; i++)
        r[i].score = -INFINITY;
    for (size_t i = 0; rc == 0 && i < nv; i++)
        r[pn_graph_vertex_actor(s->graph, i)].score = isnan(v[i]) ? -INFINITY : v[i];
    free(v);
    return rc;
}

/* named[i]: actor i is among the map.labels actors with coordinates that
 * have the largest label_by metric, or the most drawn ties (the dataset's
 * order on a tie); order[0..*n): them, the first first. */
static int rank_names(const pn__scene *s, bool *named, size_t *order, size_t *n_named)
{
    size_t limit = s->o->map.labels ? s->o->map.labels : PN_DIAGRAM_MAP_LABELS, n = 0;
    ranked *r = calloc(s->na + 1, sizeof(ranked));
    if (!r)
        return PN_ENOMEM;
    for (size_t i = 0; i < s->na; i++)
        r[i].actor = i;
    for (size_t g = 0; g < s->n_groups; g++) {
        r[s->groups[g].tail].degree += s->groups[g].n;
        r[s->groups[g].head].degree += s->groups[g].n;
    }
    int rc = s->o->map.label_by ? label_scores(s, r) : 0;
    if (rc) {
        free(r);
        return rc;
    }
    for (size_t i = 0; i < s->na; i++) {
        if (s->actor_mask[i] && pn_dataset_actor(s->ds, i)->has_coords)
            r[n++] = r[i];
    }
    qsort(r, n, sizeof(ranked), by_score);
    *n_named = 0;
    for (size_t k = 0; k < n && k < limit; k++) {
        named[r[k].actor] = true;
        order[(*n_named)++] = r[k].actor;
    }
    free(r);
    return 0;
}

/* A large map's edges: lines 0.3 pt wide, their colours translucent
 * ("#333333" -> "#3333331A"), so that where thousands cross the map shows. */
static int thin_edges(Agraph_t *g, double ink, size_t n_edges)
{
    char width[32], alpha[4];
    /* fainter the more there are: 40% at LARGE_MAP edges, 6% at 10,000 or more */
    double a = fmax(0.06, fmin(0.4, 0.4 * 1500.0 / (double)n_edges));
    snprintf(alpha, sizeof(alpha), "%02X", (unsigned)(a * 255 + 0.5));
    snprintf(width, sizeof(width), "%.2f", 0.3 * ink);
    for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n)) {
        for (Agedge_t *e = agfstout(g, n); e; e = agnxtout(g, e)) {
            const char *c = agget(e, (char *)"color");
            pn__buf b;
            pn__buf_init(&b);
            for (const char *p = c ? c : ""; *p; p++) {
                pn__buf_add(&b, p, 1);
                if (p[0] == '#' && strspn(p + 1, "0123456789abcdefABCDEF") == 6 &&
                    (p[7] == ':' || p[7] == '\0')) {
                    pn__buf_add(&b, p + 1, 6);
                    pn__buf_puts(&b, alpha);
                    p += 6;
                }
            }
            pn__buf_add(&b, "", 1);
            if (b.failed) {
                pn__buf_free(&b);
                return PN_ENOMEM;
            }
            agsafeset(e, (char *)"color", b.data, (char *)"");
            agsafeset(e, (char *)"penwidth", width, (char *)"");
            pn__buf_free(&b);
        }
    }
    return 0;
}

int pn__geo_place(const pn__scene *s, Agraph_t *g, Agnode_t **nodes, double ink)
{
    pn__geo_frame f;
    if (!frame_of(s, &f))
        return PN_EINVAL; /* pn__geo_check said so */
    bool *named = calloc(s->na + 1, sizeof(bool));
    size_t *order = malloc((s->na + 1) * sizeof(size_t)), n_named = 0;
    if (!named || !order) {
        free(named);
        free(order);
        return PN_ENOMEM;
    }
    int rc = rank_names(s, named, order, &n_named);
    if (rc == 0 && !extent_given(&s->o->map)) {
        rc = room_for_names(s, g, order, n_named, ink, &f);
        clamp_to_world(s, &f);
    }
    char buf[64];
    for (size_t i = 0; rc == 0 && i < s->na; i++) {
        const pn_actor *a = pn_dataset_actor(s->ds, i);
        if (!nodes[i])
            continue;
        if (!a->has_coords)
            continue; /* pn__geo_check took it out of the scene */
        double x, y;
        pn__geo_point(&f, a->lon, a->lat, &x, &y);
        snprintf(buf, sizeof(buf), "%.2f,%.2f!", x, y);
        agsafeset(nodes[i], (char *)"pos", buf, (char *)"");
        /* the kind's shape, small; the most tied named beside it (geo_labels.c) */
        double size = named[i] ? POINT_SIZE : s->n_groups > LARGE_MAP ? TINY_POINT : SMALL_POINT;
        snprintf(buf, sizeof(buf), "%.3f", size * ink);
        agsafeset(nodes[i], (char *)"fixedsize", (char *)"shape", (char *)"");
        agsafeset(nodes[i], (char *)"width", buf, (char *)"");
        agsafeset(nodes[i], (char *)"height", buf, (char *)"");
        agsafeset(nodes[i], (char *)"peripheries", (char *)"1", (char *)"");
        snprintf(buf, sizeof(buf), "%.2f", 0.5 * ink);
        agsafeset(nodes[i], (char *)"penwidth", buf, (char *)"");
    }
    /* the ties first (their pens final), so that the names keep off them */
    agsafeset(g, (char *)"notranslate", (char *)"true", (char *)"");
    if (rc == 0 && s->n_groups > LARGE_MAP)
        rc = thin_edges(g, ink, s->n_groups);
    pn__geo_lines lines = {0};
    if (rc == 0)
        rc = pn__geo_arcs(s, g, nodes, &f, ink, &lines);
    if (rc == 0)
        rc = pn__geo_labels(s, g, nodes, order, n_named, &f, &lines);
    free(lines.seg);
    for (size_t i = 0; rc == 0 && i < s->na; i++) {
        if (nodes[i])
            agsafeset(nodes[i], (char *)"label", (char *)" ", (char *)"");
    }
    free(named);
    free(order);
    pn__buf bg;
    pn__buf_init(&bg);
    if (rc == 0)
        rc = pn__geo_world(&f, s->o->theme == PN_THEME_PAPER, ink, &bg);
    if (rc == 0 && bg.failed)
        rc = PN_ENOMEM;
    if (rc == 0) {
        pn__buf_add(&bg, "", 1);
        rc = bg.failed ? PN_ENOMEM : 0;
    }
    if (rc == 0)
        agsafeset(g, (char *)"_background", bg.data, (char *)"");
    pn__buf_free(&bg);
    return rc;
}
