/* Rendering a diagram (the public entry points of paranet/diagram.h): the
 * options checked, the layouts' size limits, the scene styled (style.h),
 * its Graphviz graph built (build.c), then written as DOT by cgraph or laid
 * out and rendered to SVG, PNG or PDF by gvc, with Graphviz's warnings
 * captured into the diagnostics. */
#include "paranet/diagram.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gvc.h>

#include "draw/fonts.h"
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

static int render_graphviz(const pn__scene *c, Agraph_t *g, const char *format, char **out,
                           size_t *len)
{
    const char *engine = pn__layout_name(c->o->layout);
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
    if (gvLayout(gvc, g, engine) != 0) {
        rc = PN_EGRAPHVIZ;
        pn_diags_add(c->diags, PN_SEVERITY_ERROR, NULL, 0, 0, NULL, "graphviz",
                     "Graphviz could not lay the graph out with %s", engine);
        goto cleanup;
    }
    laid_out = true;
    if (gvRenderData(gvc, g, format, &data, &n) != 0 || !data) {
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
        gvFreeLayout(gvc, g);
    capture_message((char *)"\n"); /* flush a last partial line */
    agseterrf(saved_hook);
    current_capture = saved;
    pn__buf_free(&cap.line);
    return rc;
}

static int write_dot(const pn__scene *c, Agraph_t *g, char **out, size_t *len)
{
    char *data = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&data, &n);
    if (!f)
        return PN_ENOMEM;
    int err = agwrite(g, f);
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
    pn__scene c;
    Agraph_t *g = NULL;
    size_t n = 0;
    int rc = pn__scene_open(&c, ds, opts, diags);
    if (rc == 0 && strcmp(format, "dot") != 0)
        rc = layout_guard(&c);
    if (rc == 0)
        rc = pn__scene_style(&c);
    if (rc == 0)
        rc = pn__gv_build(&c, &g);
    if (rc == 0)
        rc = pn__fonts_check(&c, g, format); /* warnings for characters drawn as boxes */
    if (rc == 0 && strcmp(format, "dot") == 0)
        rc = write_dot(&c, g, out, &n);
    else if (rc == 0)
        rc = render_graphviz(&c, g, format, out, &n);
    if (rc == 0 && len)
        *len = n;
    if (rc == PN_ENOMEM)
        pn_diags_add(diags, PN_SEVERITY_ERROR, NULL, 0, 0, NULL, NULL, "out of memory");
    if (g)
        agclose(g);
    pn__scene_free(&c);
    return rc;
}
