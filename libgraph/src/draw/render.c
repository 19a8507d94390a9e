/* Rendering a diagram (the public entry points of paranet/diagram.h): the
 * options checked, the layouts' size limits, the scene styled (style.h),
 * its Graphviz graph built (build.c), then written as DOT by cgraph or laid
 * out (fitted to the size on paper: fit_layout) and rendered to SVG, PNG,
 * JPEG, PDF, EPS or PS by gvc, with Graphviz's warnings captured into the
 * diagnostics. */
#include "paranet/diagram.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gvc.h>

#include "draw/fonts.h"
#include "draw/geo.h"
#include "draw/graphviz.h"

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

/* cairo writes the time of the render as the PDF's /CreationDate (and the
 * PostScript's %%CreationDate), the only bytes that differ between two
 * renders. It is set to the Unix epoch, as reproducible builds do with
 * SOURCE_DATE_EPOCH=0, in place (the same length, so the cross-reference
 * offsets stay right). */
static void fix_date(char *pdf, size_t n, const char *key)
{
    size_t k = strlen(key);
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

/* Graphviz 2.43 writes an SVG's scale with two decimals (gvprintdouble):
 * 0.136 as 0.14, so the drawing overruns its viewBox by 3%, and a scale
 * under 0.005 as 0, which draws nothing (the 5,470 twin cities on 16 cm).
 * The scale it drew at is its init_job_viewport's: the `size` over the
 * bounding box and the pad, smaller of the two sides, when the drawing is
 * larger than the size (or smaller on both sides, with "!"). It is written
 * again with 9 digits into the transform of the graph's group. Returns the
 * SVG (realloc'd: the text may grow), or NULL out of memory. */
static char *exact_svg_scale(Agraph_t *g, char *svg, size_t *len)
{
    static const char key[] = "transform=\"scale(";
    char *at = strstr(svg, key);
    char *end = at ? strchr(at + sizeof(key) - 1, ')') : NULL;
    double pad = 4.0, px, py; /* Graphviz's default pad, points */
    const char *p = agget(g, (char *)"pad");
    if (p && *p && sscanf(p, "%lf,%lf", &px, &py) >= 1)
        pad = px * 72.0;
    boxf bb = GD_bb(g);
    pointf size = GD_drawing(g)->size;
    double sx = bb.UR.x - bb.LL.x + 2 * pad, sy = bb.UR.y - bb.LL.y + 2 * pad, z = 1.0;
    if (!end || size.x <= 0.001 || size.y <= 0.001 || sx <= 0 || sy <= 0)
        return svg;
    if (size.x < sx || size.y < sy || (GD_drawing(g)->filled && size.x > sx && size.y > sy))
        z = fmin(size.x / sx, size.y / sy);
    char num[64];
    int n = snprintf(num, sizeof(num), "%.9g %.9g", z, z);
    size_t head = (size_t)(at - svg) + sizeof(key) - 1, old = (size_t)(end - svg) - head;
    char *out = malloc(*len - old + (size_t)n + 1);
    if (!out) {
        free(svg);
        return NULL;
    }
    memcpy(out, svg, head);
    memcpy(out + head, num, (size_t)n);
    memcpy(out + head + (size_t)n, end, *len - head - old + 1);
    *len = *len - old + (size_t)n;
    free(svg);
    return out;
}

/* cairo's PostScript: "%%CreationDate: Tue Dec  1 15:49:19 2026" (ctime).
 * Charts (chart.c) write PostScript through cairo too. */
void pn__fix_ps_date(char *ps, size_t n)
{
    static const char key[] = "%%CreationDate: ", epoch[] = "Thu Jan  1 00:00:00 1970";
    size_t k = sizeof(key) - 1, d = sizeof(epoch) - 1;
    for (size_t i = 0; i + k + d < n; i++) {
        if (memcmp(ps + i, key, k) == 0) {
            if (ps[i + k + d] == '\n')
                memcpy(ps + i + k, epoch, d);
            return;
        }
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

/* ---- the size on paper ---- */

/* The box a figure is fitted to (points) and whether it may be enlarged. */
typedef struct fit {
    double w, h, font;
    bool grow;
} fit;

#define UNBOUNDED      1e5  /* points: a side not fixed */
#define PAD            14.4 /* the graph's pad (0.2 in times m), around the bounding box */
#define MAX_TRIES      8
#define LARGE_TRIES    3 /* past LARGE_VIEW actors, where a layout takes seconds */
#define LARGE_VIEW     50
#define HOPELESS       0.25 /* labels under a quarter of their size after a large view's first try */
#define FONT_TOLERANCE 0.02
#define LABEL_SLACK    0.05 /* a figure whose labels cannot reach their size */
#define MIN_PRINT_FONT 7.0  /* pt: labels under this are hard to read in print */
#define NARROW_WRAP    16   /* characters: the names' line width where labels stay under it */

static fit fit_of(const pn_diagram_geometry *g)
{
    fit f = {PN_DIAGRAM_PAGE_WIDTH, UNBOUNDED,
             g->font_size > 0 ? g->font_size : PN_DIAGRAM_FONT_SIZE, false};
    if (g->width > 0 || g->height > 0) {
        f.w = g->width > 0 ? g->width : UNBOUNDED;
        f.h = g->height > 0 ? g->height : UNBOUNDED;
        f.grow = true;
    }
    return f;
}

/* The graph attributes of the size: `size` in inches ("!": enlarge too),
 * no page margin (PDF and PostScript have 0.5 in by default), and the
 * resolution of raster output (which would change an SVG's size). */
static void set_size(Agraph_t *g, const fit *f, const pn_diagram_geometry *geo, bool raster)
{
    char buf[64];
    snprintf(buf, sizeof(buf), "%.6g,%.6g%s", f->w / 72.0, f->h / 72.0, f->grow ? "!" : "");
    agsafeset(g, (char *)"size", buf, (char *)"");
    agsafeset(g, (char *)"margin", (char *)"0", (char *)"");
    if (raster) {
        snprintf(buf, sizeof(buf), "%.6g", geo->dpi > 0 ? geo->dpi : PN_DIAGRAM_DPI);
        agsafeset(g, (char *)"dpi", buf, (char *)"");
    }
}

/* The scale Graphviz will draw a laid-out graph at (its `size`); the
 * graph was built at m (its pad is PAD times m). */
static double layout_scale(Agraph_t *g, const fit *f, double m, double *w, double *h)
{
    double x0, y0, x1, y1;
    const char *bb = agget(g, (char *)"bb"); /* gvLayout's: "0 0 1006 936" */
    if (!bb || sscanf(bb, "%lf%*[ ,]%lf%*[ ,]%lf%*[ ,]%lf", &x0, &y0, &x1, &y1) != 4)
        return 1.0;
    *w = x1 - x0 + 2 * PAD * m;
    *h = y1 - y0 + 2 * PAD * m;
    double s = fmin(f->w / *w, f->h / *h);
    s = f->grow ? s : fmin(s, 1.0);
    *w *= s; /* on paper */
    *h *= s;
    return s;
}

static bool is_raster(const char *format)
{
    return strcmp(format, "png") == 0 || strcmp(format, "jpg") == 0;
}

/* The scene built with its fonts (and pens) times m, laid out; *a: the
 * labels' size on paper then, in f->font; paper (or NULL): its width and
 * height on paper, in points. */
/* Graphviz 2.43's circo keeps what it read of a graph (mindist, the
 * symbols of "root" and "articulation_pos", its block count) in statics
 * keyed by the graph's address (initGraphAttrs in circularinit.c), and
 * reads them again for a new graph that happens to sit at the address of
 * the last one: stale symbols, a crash in agxget or a layout that differs.
 * So a graph for circo is never at the address of the last graph circo
 * laid out: the address is kept (never dereferenced) as Graphviz state held
 * for it, like the context (not thread-safe, as Graphviz is not). */
static uintptr_t last_circo_graph;

static int build_graph(const pn__scene *c, double font, double m, Agraph_t **g)
{
    int rc = pn__gv_build(c, font, m, g);
    if (rc == 0 && c->o->layout == PN_LAYOUT_CIRCO && (uintptr_t)*g == last_circo_graph) {
        Agraph_t *spare = *g; /* held while another is made, so that one is elsewhere */
        rc = pn__gv_build(c, font, m, g);
        agclose(spare);
    }
    return rc;
}

static int try_layout(pn__scene *c, GVC_t *gvc, const char *engine, const char *format,
                      const fit *f, double m, bool lr, Agraph_t **g, double *a, double *paper)
{
    int rc = build_graph(c, f->font * m, m, g);
    if (rc != 0)
        return rc;
    set_size(*g, f, &c->o->geometry, is_raster(format));
    if (lr)
        agsafeset(*g, (char *)"rankdir", (char *)"LR", (char *)"");
    if (c->o->layout == PN_LAYOUT_CIRCO)
        last_circo_graph = (uintptr_t)*g; /* what circo will have seen */
    if (gvLayout(gvc, *g, engine) != 0) {
        pn_diags_add(c->diags, PN_SEVERITY_ERROR, NULL, 0, 0, NULL, "graphviz",
                     "Graphviz could not lay the graph out with %s", engine);
        return PN_EGRAPHVIZ;
    }
    double w = 0, h = 0;
    *a = m * layout_scale(*g, f, m, &w, &h);
    if (paper) {
        paper[0] = w;
        paper[1] = h;
    }
    return 0;
}

static void drop_layout(GVC_t *gvc, Agraph_t **g)
{
    gvFreeLayout(gvc, *g);
    pn__gv_close(*g);
    *g = NULL;
}

/* The search for m such that a(m) = 1 (a grows with m: the larger the labels
 * against the spacing, the less is left to scale away): the secant through the last two
 * tries (m / a at first) until the answer is bracketed, then regula falsi
 * in the bracket, the Illinois variant (the kept end's f = a - 1 halved
 * when the same end moves twice running). */
typedef struct search {
    double last_m, last_a;
    double lo_m, lo_f, hi_m, hi_f; /* the bracket: tries with a < 1 and a > 1 */
    int side;
} search;

static double search_next(search *s, double m, double a)
{
    double next = m / a;
    /* a grows with m; where two tries say otherwise (a layout's leaps), no
     * secant through them */
    if (s->last_m > 0 && (a - s->last_a) / (m - s->last_m) > 1e-6)
        next = m - (a - 1.0) * (m - s->last_m) / (a - s->last_a);
    next = fmin(fmax(next, m / 4), m * 4);
    s->last_m = m;
    s->last_a = a;
    int moved = a < 1.0 ? -1 : 1;
    if (moved < 0) {
        s->lo_m = m;
        s->lo_f = a - 1.0;
        if (s->side < 0)
            s->hi_f /= 2;
    } else {
        s->hi_m = m;
        s->hi_f = a - 1.0;
        if (s->side > 0)
            s->lo_f /= 2;
    }
    s->side = moved;
    if (s->lo_m > 0 && s->hi_m > 0) {
        next = s->lo_m - s->lo_f * (s->hi_m - s->lo_m) / (s->hi_f - s->lo_f);
        if (!(next > fmin(s->lo_m, s->hi_m) && next < fmax(s->lo_m, s->hi_m)))
            next = sqrt(s->lo_m * s->hi_m);
    }
    return fmin(fmax(next, 0.1), 10.0);
}

/* How far labels of a times the size asked for are from it: smaller ones
 * count double (labels too large print; too small may not read). */
static double miss(double a)
{
    return a < 1.0 ? 2 * (1.0 - a) : a - 1.0;
}

typedef struct attempt {
    double m, a;
    bool lr;
    size_t wrap;
} attempt;

/* The tries of one search (one line width of the labels). */
typedef struct tries {
    attempt best, laid; /* the nearest try; the one laid out last */
    attempt tried[MAX_TRIES + 1];
    size_t n;
    double paper[2];
} tries;

/* Lay the scene out so that its labels are f.font points once Graphviz has
 * scaled it to the box, its names wrapped at t->laid.wrap characters: the
 * graph is built with its fonts (and pens, pads) times m, laid out, and m
 * corrected from the scale the layout gets, until m * scale = 1 (to
 * FONT_TOLERANCE), at most `limit` times. dot draws left to right instead
 * of top to bottom when the first layout must shrink and that one shrinks
 * less (a star's leaves in a column rather than a row). *g: the graph laid
 * out last (t->laid). */
static int search_fit(pn__scene *c, GVC_t *gvc, const char *engine, const char *format,
                      const fit *f, int limit, tries *t, Agraph_t **g)
{
    search s = {0};
    attempt next = {1.0, 0, false, t->laid.wrap};
    int rc = 0;
    t->best = (attempt){0, 0, false, next.wrap};
    t->n = 0;
    for (int k = 0; k < limit; k++) {
        if (*g)
            drop_layout(gvc, g);
        t->laid = next;
        c->wrap = next.wrap;
        if ((rc = try_layout(c, gvc, engine, format, f, next.m, next.lr, g, &t->laid.a,
                             t->paper)) != 0)
            break;
        t->tried[t->n++] = t->laid;
        if (t->best.m == 0 || miss(t->laid.a) < miss(t->best.a))
            t->best = t->laid;
        if (k == 0 && t->laid.a < 1.0 - FONT_TOLERANCE && c->o->layout == PN_LAYOUT_DOT) {
            drop_layout(gvc, g);
            t->laid.lr = true;
            if ((rc = try_layout(c, gvc, engine, format, f, t->laid.m, true, g, &t->laid.a,
                                 t->paper)) != 0)
                break;
            t->tried[t->n++] = t->laid;
            if (t->laid.a > t->best.a)
                t->best = t->laid;
        }
        if (fabs(t->best.a - 1.0) <= FONT_TOLERANCE)
            break;
        /* A large view whose labels come out under a quarter of their size
         * (thousands of actors in 16 cm): a larger m grows the layout as
         * fast as its text, so further tries (seconds each) gain nothing. */
        if (k == 0 && t->laid.a < HOPELESS && pn_graph_vertex_count(c->graph) > LARGE_VIEW)
            break;
        attempt from = t->laid.lr == t->best.lr ? t->laid : t->best;
        next.m = search_next(&s, from.m, from.a);
        next.lr = t->best.lr;
        if (fabs(next.m - from.m) < 1e-3)
            break; /* at a bound: as near as this layout gets */
    }
    /* Labels that cannot reach their size gain little from a large m (a
     * layout's text outgrows the width as fast as m), while Graphviz's
     * dash patterns and the spacing of a double line's colours do not
     * scale with it: at m = 8 the dots of a dotted line run together. So
     * the smallest m tried whose labels are within LABEL_SLACK of the best. */
    for (size_t i = 0; rc == 0 && t->best.a < 1.0 - FONT_TOLERANCE && i < t->n; i++) {
        if (t->tried[i].a >= (1.0 - LABEL_SLACK) * t->best.a && t->tried[i].m < t->best.m)
            t->best = t->tried[i];
    }
    return rc;
}

/* Fit the layout (search_fit); where its labels stay under the smaller of
 * MIN_PRINT_FONT and the size asked for, names wrap at NARROW_WRAP
 * characters instead of PN__WRAP and the search runs again: narrower
 * nodes (taller ones) are what a layout short of width needs (dot's
 * columns of long Indonesian ministry names). The narrower wrap is kept
 * only where its labels reach that size (to 1%): a taller figure whose
 * labels are still too small to read gains nothing. The try kept is laid out again if it
 * was not the last (only the graph laid out last may be rendered: gvLayout
 * sets Graphviz's global attribute symbols for its graph). A view of more
 * than LARGE_VIEW actors gets LARGE_TRIES tries and one wrap. */
static int fit_layout(pn__scene *c, GVC_t *gvc, const char *engine, const char *format,
                      Agraph_t **g)
{
    fit f = fit_of(&c->o->geometry);
    bool large = pn_graph_vertex_count(c->graph) > LARGE_VIEW;
    tries t = {.laid = {1.0, 0, false, PN__WRAP}};
    /* a map's width is fixed (geo.c), its text scales with m: the names that
     * stand out past it shrink it a little; its names keep their wrap */
    bool map = c->o->layout == PN_LAYOUT_GEO;
    int rc = search_fit(c, gvc, engine, format, &f, large ? LARGE_TRIES : MAX_TRIES, &t, g);
    attempt best = t.best;
    double paper[2] = {t.paper[0], t.paper[1]};
    double floor = fmin(MIN_PRINT_FONT, f.font) / f.font;
    if (rc == 0 && !large && !map && best.a < floor && c->o->labels != PN_LABELS_ID) {
        tries narrow = {.laid = {1.0, 0, false, NARROW_WRAP}};
        rc = search_fit(c, gvc, engine, format, &f, MAX_TRIES, &narrow, g);
        t.laid = narrow.laid;
        if (narrow.best.a >= floor - FONT_TOLERANCE / 2) {
            best = narrow.best;
            memcpy(paper, narrow.paper, sizeof(paper));
        }
    }
    if (rc == 0 && (t.laid.m != best.m || t.laid.lr != best.lr || t.laid.wrap != best.wrap)) {
        drop_layout(gvc, g);
        c->wrap = best.wrap;
        rc = try_layout(c, gvc, engine, format, &f, best.m, best.lr, g, &best.a, paper);
    }
    if (rc != 0) {
        if (*g)
            pn__gv_close(*g); /* not laid out (or not all of it) */
        *g = NULL;
        return rc;
    }
    if (fabs(best.a - 1.0) > FONT_TOLERANCE) {
        bool small = best.a < 1.0;
        pn_diags_add(c->diags, PN_SEVERITY_WARNING, NULL, 0, 0, NULL, "font-size",
                     "labels are %.1f pt on paper at %.1f x %.1f cm, not %.1f pt (--font-size): "
                     "the %s layout needs %s room for its text (try %s%s --width, or a %s "
                     "--font-size)",
                     best.a * f.font, paper[0] / 72 * 2.54, paper[1] / 72 * 2.54, f.font, engine,
                     small ? "more" : "less",
                     small && c->o->labels != PN_LABELS_SHORT ? "--labels short, " : "",
                     small ? "another --layout, a larger" : "a smaller",
                     small ? "smaller" : "larger");
    }
    if (c->o->geometry.height <= 0 && paper[1] > PN_DIAGRAM_PAGE_HEIGHT * 1.005)
        pn_diags_add(c->diags, PN_SEVERITY_WARNING, NULL, 0, 0, NULL, "figure-height",
                     "the figure is %.1f x %.1f cm, taller than a text block of %.0f cm: "
                     "--height %.0fcm fits it on the page with smaller labels (or try %s"
                     "another --layout, or a view such as --at or --ego)",
                     paper[0] / 72 * 2.54, paper[1] / 72 * 2.54, PN_DIAGRAM_PAGE_HEIGHT / 72 * 2.54,
                     PN_DIAGRAM_PAGE_HEIGHT / 72 * 2.54,
                     c->o->labels != PN_LABELS_SHORT ? "--labels short, " : "");
    return 0;
}

/* The Graphviz device of a format: cairo's for EPS and PostScript (the
 * core PostScript renderer knows only the standard PostScript fonts). */
static const char *device_of(const char *format)
{
    if (strcmp(format, "eps") == 0)
        return "eps:cairo";
    if (strcmp(format, "ps") == 0)
        return "ps:cairo";
    return format;
}

static int render_graphviz(pn__scene *c, const char *format, char **out, size_t *len)
{
    const char *engine = pn__layout_name(c->o->layout);
    const char *device = device_of(format);
    Agraph_t *g = NULL;
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
    bool cairo = strchr(device, ':') != NULL;
    if (!has_plugin(gvc, "layout", engine) || !has_plugin(gvc, "device", format) ||
        (cairo && !has_plugin(gvc, "render", "cairo"))) {
        rc = PN_EGRAPHVIZ;
        pn_diags_add(c->diags, PN_SEVERITY_ERROR, NULL, 0, 0, NULL, "graphviz-plugin",
                     "Graphviz has no %s plugin for '%s' here: install Graphviz's plugins "
                     "(Debian: libgvc6 and graphviz), run `dot -c` to register them, or "
                     "use -T dot",
                     has_plugin(gvc, "layout", engine) ? "output" : "layout",
                     has_plugin(gvc, "layout", engine) ? format : engine);
        goto cleanup;
    }
    if ((rc = fit_layout(c, gvc, engine, format, &g)) != 0)
        goto cleanup;
    laid_out = true;
    if ((rc = pn__fonts_check(c, g, format)) != 0) /* characters drawn as boxes */
        goto cleanup;
    if (gvRenderData(gvc, g, device, &data, &n) != 0 || !data) {
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
    if (strcmp(format, "svg") == 0 && !(*out = exact_svg_scale(g, *out, len))) {
        rc = PN_ENOMEM;
        goto cleanup;
    }
    if (strcmp(format, "pdf") == 0)
        fix_date(*out, n, "/CreationDate (D:");
    else if (cairo)
        pn__fix_ps_date(*out, n);
cleanup:
    if (data)
        gvFreeRenderData(data);
    if (laid_out)
        gvFreeLayout(gvc, g);
    if (g)
        pn__gv_close(g);
    capture_message((char *)"\n"); /* flush a last partial line */
    agseterrf(saved_hook);
    current_capture = saved;
    pn__buf_free(&cap.line);
    return rc;
}

static int write_dot(const pn__scene *c, char **out, size_t *len)
{
    const pn_diagram_geometry *geo = &c->o->geometry;
    fit f = fit_of(geo);
    Agraph_t *g = NULL;
    int rc = pn__gv_build(c, f.font, 1.0, &g); /* never laid out */
    if (rc != 0)
        return rc;
    set_size(g, &f, geo, false);
    char *data = NULL;
    size_t n = 0;
    FILE *mem = open_memstream(&data, &n);
    if (!mem) {
        agclose(g);
        return PN_ENOMEM;
    }
    int err = agwrite(g, mem);
    agclose(g);
    if (fclose(mem) != 0 || err != 0) {
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
} layout_limits[] = {{150, 600}, {700, 2100},  {700, 2100}, {0, 0},
                     {60, 180},  {1500, 4500}, {0, 0}}; /* geo: no layout to run */

void pn_diagram_layout_limits(pn_diagram_layout layout, size_t *max_actors, size_t *max_ties)
{
    bool known = in_range((int)layout, 7);
    if (max_actors)
        *max_actors = known ? layout_limits[layout].actors : 0;
    if (max_ties)
        *max_ties = known ? layout_limits[layout].ties : 0;
}

static int layout_guard(const pn__scene *c)
{
    size_t na = pn_graph_vertex_count(c->graph), ne = pn_graph_edge_count(c->graph), ma, mt;
    pn_diagram_layout_limits(c->o->layout, &ma, &mt);
    if (c->o->force_layout || ma == 0 || (na <= ma && ne <= mt))
        return 0;
    pn_diags_add(c->diags, PN_SEVERITY_ERROR, NULL, 0, 0, NULL, "layout-too-large",
                 "%zu actors and %zu ties to lay out with %s, over its limit of %zu actors and "
                 "%zu ties (it would take minutes): use the sfdp layout (--layout sfdp), or force "
                 "it (--force-layout; force_layout in pn_diagram_options)",
                 na, ne, pn__layout_name(c->o->layout), ma, mt);
    return PN_ELIMIT;
}

/* A length of the geometry: 0, or within the limits (NaN is neither). */
static bool length_ok(double v)
{
    return v == 0.0 || (v >= PN_DIAGRAM_LENGTH_MIN && v <= PN_DIAGRAM_LENGTH_MAX);
}

int pn__geometry_check(const pn_diagram_geometry *g, pn_diags *diags)
{
    const char *what = !length_ok(g->width) ? "width" : !length_ok(g->height) ? "height" : NULL;
    if (what) {
        pn_diags_add(diags, PN_SEVERITY_ERROR, NULL, 0, 0, NULL, "geometry",
                     "the figure's %s (%g pt) must be 0 (not fixed) or from 1 cm to 5 m (%.1f to "
                     "%.0f pt)",
                     what, what[0] == 'w' ? g->width : g->height, PN_DIAGRAM_LENGTH_MIN,
                     PN_DIAGRAM_LENGTH_MAX);
        return PN_EINVAL;
    }
    if (!(g->font_size == 0.0 || (g->font_size >= 4.0 && g->font_size <= 72.0))) {
        pn_diags_add(diags, PN_SEVERITY_ERROR, NULL, 0, 0, NULL, "geometry",
                     "the font size (%g pt) must be 0 (the default) or from 4 to 72 pt",
                     g->font_size);
        return PN_EINVAL;
    }
    if (!(g->dpi == 0.0 || (g->dpi >= 36.0 && g->dpi <= 2400.0))) {
        pn_diags_add(diags, PN_SEVERITY_ERROR, NULL, 0, 0, NULL, "geometry",
                     "the resolution (%g dpi) must be 0 (the default) or from 36 to 2400 dpi",
                     g->dpi);
        return PN_EINVAL;
    }
    return 0;
}

/* The explorer's map from ties to the edges drawn (pn__diagram_svg_ids). */
static int tie_edges(const pn__scene *c, size_t **tie_edge)
{
    size_t *te = malloc((c->nt ? c->nt : 1) * sizeof(*te));
    if (!te)
        return PN_ENOMEM;
    for (size_t t = 0; t < c->nt; t++)
        te[t] = SIZE_MAX;
    for (size_t k = 0; k < c->n_groups; k++)
        for (size_t j = 0; j < c->groups[k].n; j++)
            te[c->ties[c->groups[k].first + j]] = k;
    *tie_edge = te;
    return 0;
}

/* pn_diagram_render, and with tie_edge the explorer's ids. */
static int render(const pn_dataset *ds, const pn_diagram_options *opts, const char *format,
                  char **out, size_t *len, size_t **tie_edge, pn_diags *diags)
{
    pn_diagram_options defaults = PN_DIAGRAM_OPTIONS_INIT;
    if (!opts)
        opts = &defaults;
    *out = NULL;
    if (len)
        *len = 0;
    if (!ds || !format)
        return PN_EINVAL;
    const char *name = pn_diagram_format_name(format);
    if (!name) {
        pn_diags_add(diags, PN_SEVERITY_ERROR, NULL, 0, 0, NULL, "format",
                     "unknown diagram format '%s' (%s)", format, pn_diagram_formats());
        return PN_EINVAL;
    }
    format = name;
    if (pn__geometry_check(&opts->geometry, diags) != 0)
        return PN_EINVAL;
    if (!in_range((int)opts->layout, 7) || !in_range((int)opts->theme, 2) ||
        !in_range((int)opts->cluster, 3) || !in_range((int)opts->labels, 3) ||
        !in_range((int)opts->edge_labels, 4) || (!opts->path_from != !opts->path_to)) {
        pn_diags_add(diags, PN_SEVERITY_ERROR, NULL, 0, 0, NULL, "options",
                     "invalid diagram options (an enum out of range, or only one end of the "
                     "highlighted path)");
        return PN_EINVAL;
    }
    pn__scene c;
    size_t n = 0;
    int rc = pn__scene_open(&c, ds, opts, diags);
    c.ids = tie_edge != NULL;
    if (rc == 0 && strcmp(format, "dot") != 0)
        rc = layout_guard(&c);
    if (rc == 0 && opts->layout == PN_LAYOUT_GEO)
        rc = pn__geo_check(&c); /* once, not at every try of the fit; before the styles */
    if (rc == 0)
        rc = pn__scene_style(&c);
    if (rc == 0 && strcmp(format, "dot") == 0)
        rc = write_dot(&c, out, &n);
    else if (rc == 0)
        rc = render_graphviz(&c, format, out, &n);
    if (rc == 0 && len)
        *len = n;
    if (rc == 0 && tie_edge)
        rc = tie_edges(&c, tie_edge);
    if (rc == PN_ENOMEM)
        pn_diags_add(diags, PN_SEVERITY_ERROR, NULL, 0, 0, NULL, NULL, "out of memory");
    pn__scene_free(&c);
    return rc;
}

int pn_diagram_render(const pn_dataset *ds, const pn_diagram_options *opts, const char *format,
                      char **out, size_t *len, pn_diags *diags)
{
    return render(ds, opts, format, out, len, NULL, diags);
}

int pn__diagram_svg_ids(const pn_dataset *ds, const pn_diagram_options *opts, char **out,
                        size_t *len, size_t **tie_edge, pn_diags *diags)
{
    *tie_edge = NULL;
    return render(ds, opts, "svg", out, len, tie_edge, diags);
}
