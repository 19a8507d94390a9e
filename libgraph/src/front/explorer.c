/* The explorer (paranet/explorer.h, docs/explorer.md): one HTML file of
 * the drawing layer's SVG with ids, the dataset as canonical JSON, the
 * years each tie is in the view --at Y (the analysis layer's view), and the
 * script and style of libgraph/src/draw/explorer/, embedded at build time.
 * In front/: it needs the store (the JSON), the view and the drawing. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"
#include "draw/explorer/assets.h"
#include "draw/style.h"
#include "paranet/explorer.h"
#include "paranet/io.h"
#include "paranet/view.h"

/* s as the text of an HTML element. */
static void html_text(pn__buf *b, const char *s)
{
    while (s && *s) {
        size_t n = strcspn(s, "&<>");
        pn__buf_add(b, s, n);
        s += n;
        if (*s)
            pn__buf_puts(b, *s == '&' ? "&amp;" : *s == '<' ? "&lt;" : "&gt;");
        s += *s != '\0';
    }
}

/* JSON text inside a <script> element: every '<' (which JSON has only in
 * strings) as \u003c, so that no "</script" or "<!--" ends or bends it. */
static void script_json(pn__buf *b, const char *json, size_t len)
{
    size_t start = 0;
    for (size_t i = 0; i < len; i++) {
        if (json[i] == '<') {
            pn__buf_add(b, json + start, i - start);
            pn__buf_puts(b, "\\u003c");
            start = i + 1;
        }
    }
    pn__buf_add(b, json + start, len - start);
}

/* A JSON string of plain text (view descriptions, vocabulary names). */
static void json_string(pn__buf *b, const char *s)
{
    pn__buf_puts(b, "\"");
    for (; s && *s; s++) {
        unsigned char ch = (unsigned char)*s;
        if (ch == '"' || ch == '\\')
            pn__buf_printf(b, "\\%c", ch);
        else if (ch < 0x20 || ch == '<')
            pn__buf_printf(b, "\\u%04x", ch);
        else
            pn__buf_add(b, s, 1);
    }
    pn__buf_puts(b, "\"");
}

/* The first and last year any tie's since or until gives; false: none. */
static bool year_range(const pn_dataset *ds, int *lo, int *hi)
{
    *lo = 0;
    *hi = 0;
    for (size_t t = 0; t < pn_dataset_tie_count(ds); t++) {
        const pn_tie *tie = pn_dataset_tie(ds, t);
        int ys[2] = {tie->since.year, tie->until.year};
        for (int k = 0; k < 2; k++) {
            if (ys[k] == 0)
                continue;
            if (*lo == 0 || ys[k] < *lo)
                *lo = ys[k];
            if (*hi == 0 || ys[k] > *hi)
                *hi = ys[k];
        }
    }
    return *lo != 0;
}

/* For each tie, the years from lo to hi in which the view --at Y (with
 * --undated keep when keep_undated, every basis, nothing else) keeps it, as
 * a JSON array of intervals [a,b,c,d] (a to b, c to d), one a tie. The view
 * decides, through pn_view_select: no rule of time is written here. */
static int years_json(const pn_dataset *ds, int lo, int hi, bool keep_undated, pn__buf *b)
{
    size_t nt = pn_dataset_tie_count(ds), na = pn_dataset_actor_count(ds);
    size_t years = (size_t)(hi - lo + 1);
    bool *in = calloc(nt * years + 1, sizeof(bool));
    bool *tie_mask = calloc(nt + 1, sizeof(bool));
    bool *actor_mask = calloc(na + 1, sizeof(bool));
    int rc = in && tie_mask && actor_mask ? 0 : PN_ENOMEM;
    for (int y = lo; rc == 0 && y <= hi; y++) {
        pn_view v = PN_VIEW_INIT;
        v.at = y;
        v.bases = PN_VIEW_BASES_ALL;
        v.keep_undated = keep_undated;
        rc = pn_view_select(ds, &v, tie_mask, actor_mask, NULL);
        for (size_t t = 0; rc == 0 && t < nt; t++)
            in[t * years + (size_t)(y - lo)] = tie_mask[t];
    }
    pn__buf_puts(b, "[");
    for (size_t t = 0; rc == 0 && t < nt; t++) {
        pn__buf_puts(b, t ? ",[" : "[");
        const bool *row = in + t * years;
        bool first = true;
        for (size_t k = 0; k < years; k++) {
            if (!row[k] || (k > 0 && row[k - 1]))
                continue;
            size_t end = k;
            while (end + 1 < years && row[end + 1])
                end++;
            pn__buf_printf(b, "%s%d,%d", first ? "" : ",", lo + (int)k, lo + (int)end);
            first = false;
        }
        pn__buf_puts(b, "]");
    }
    pn__buf_puts(b, "]");
    free(in);
    free(tie_mask);
    free(actor_mask);
    return rc;
}

/* A list of a vocabulary's names in its order, as JSON. */
static void vocab_json(pn__buf *b, pn_vocab vocab)
{
    pn__buf_puts(b, "[");
    for (size_t i = 0; i < pn_vocab_size(vocab); i++) {
        if (i)
            pn__buf_puts(b, ",");
        json_string(b, pn_vocab_name(vocab, (int)i));
    }
    pn__buf_puts(b, "]");
}

/* The page's own data: the view drawn, the vocabularies' order, the edge of
 * each tie (-1: not drawn), the years of each tie, the bases ticked first. */
static int explorer_json(const pn_dataset *ds, const pn_view *drawn, bool bases_given,
                         const size_t *tie_edge, pn__buf *b)
{
    char view[512];
    pn_view_describe(drawn, view, sizeof(view));
    pn__buf_puts(b, "{\"view\":");
    json_string(b, view);
    pn__buf_puts(b, ",\"vocab\":{\"type\":");
    vocab_json(b, PN_VOCAB_TYPE);
    pn__buf_puts(b, ",\"status\":");
    vocab_json(b, PN_VOCAB_STATUS);
    pn__buf_puts(b, ",\"instrument\":");
    vocab_json(b, PN_VOCAB_INSTRUMENT);
    pn__buf_puts(b, ",\"basis\":");
    vocab_json(b, PN_VOCAB_BASIS);
    pn__buf_puts(b, "},\"bases\":[");
    bool first = true;
    for (int k = 0; k < PN_BASIS_COUNT; k++) {
        bool ticked = bases_given ? pn_view_keeps_basis(drawn, (pn_basis)k)
                                  : (PN_VIEW_BASES_DEFAULT & PN_BIT(k)) != 0;
        if (ticked) {
            pn__buf_puts(b, first ? "" : ",");
            json_string(b, pn_basis_name((pn_basis)k));
            first = false;
        }
    }
    pn__buf_puts(b, "],\"edge\":[");
    size_t nt = pn_dataset_tie_count(ds);
    for (size_t t = 0; t < nt; t++) {
        if (tie_edge[t] == SIZE_MAX)
            pn__buf_printf(b, "%s-1", t ? "," : "");
        else
            pn__buf_printf(b, "%s%zu", t ? "," : "", tie_edge[t]);
    }
    pn__buf_puts(b, "]");
    int lo, hi, rc = 0;
    if (year_range(ds, &lo, &hi)) {
        pn__buf_printf(b, ",\"years\":[%d,%d],\"at\":", lo, hi);
        rc = years_json(ds, lo, hi, false, b);
        pn__buf_puts(b, ",\"at_undated\":");
        if (rc == 0)
            rc = years_json(ds, lo, hi, true, b);
    }
    pn__buf_puts(b, "}");
    return rc;
}

/* Graphviz's SVG from its <svg> element on (no XML prolog, DOCTYPE or
 * comments before it), without the namespace declarations, which HTML's
 * parser does not need: the page names no http:// address of its own. */
static void inline_svg(pn__buf *b, const char *svg, size_t len)
{
    const char *start = strstr(svg, "<svg");
    if (!start)
        return;
    const char *end = svg + len;
    const char *names[] = {" xmlns=\"http://www.w3.org/2000/svg\"",
                           " xmlns:xlink=\"http://www.w3.org/1999/xlink\""};
    const char *tag_end = memchr(start, '>', (size_t)(end - start));
    const char *p = start;
    while (tag_end && p < tag_end) {
        const char *hit = NULL;
        size_t hit_len = 0;
        for (size_t k = 0; k < 2; k++) {
            const char *h = strstr(p, names[k]);
            if (h && h < tag_end && (!hit || h < hit)) {
                hit = h;
                hit_len = strlen(names[k]);
            }
        }
        if (!hit)
            break;
        pn__buf_add(b, p, (size_t)(hit - p));
        p = hit + hit_len;
    }
    /* Comments name actors ("<!-- tangsel -->"): dropped, they weigh. */
    while (p < end) {
        const char *c = strstr(p, "<!--");
        const char *close = c ? strstr(c, "-->") : NULL;
        if (!c || !close) {
            pn__buf_add(b, p, (size_t)(end - p));
            break;
        }
        pn__buf_add(b, p, (size_t)(c - p));
        p = close + 3;
        if (p < end && *p == '\n')
            p++;
    }
}

static void page(pn__buf *b, const pn_dataset *ds, const char *svg, size_t svg_len,
                 const char *data, size_t data_len, const pn__buf *extra)
{
    const char *title = pn_dataset_title(ds);
    pn__buf_puts(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                    "<meta name=\"generator\" content=\"paranet render -T html\">\n<title>");
    html_text(b, title && *title ? title : "paranet explorer");
    pn__buf_puts(b, "</title>\n<style>\n");
    pn__buf_add(b, pn__explorer_css, pn__explorer_css_len);
    pn__buf_puts(b, "</style>\n</head>\n<body>\n<div id=\"pn-app\">\n<aside id=\"pn-side\">"
                    "<h1 id=\"pn-title\">");
    html_text(b, title && *title ? title : "paranet explorer");
    pn__buf_puts(b, "</h1></aside>\n<main id=\"pn-stage\" tabindex=\"0\">\n<div "
                    "id=\"pn-drawing\">\n");
    inline_svg(b, svg, svg_len);
    pn__buf_puts(b, "</div>\n</main>\n<aside id=\"pn-panel\" hidden></aside>\n</div>\n"
                    "<script type=\"application/json\" id=\"pn-dataset\">\n");
    script_json(b, data, data_len);
    pn__buf_puts(b, "</script>\n<script type=\"application/json\" id=\"pn-explorer\">\n");
    script_json(b, extra->data ? extra->data : "{}", extra->data ? extra->len : 2);
    pn__buf_puts(b, "\n</script>\n<script>\n");
    pn__buf_add(b, pn__explorer_js, pn__explorer_js_len);
    pn__buf_puts(b, "</script>\n</body>\n</html>\n");
}

int pn_explorer_render(const pn_dataset *ds, const pn_diagram_options *opts, char **out,
                       size_t *len, pn_diags *diags)
{
    pn_diagram_options o = PN_DIAGRAM_OPTIONS_INIT;
    if (opts)
        o = *opts;
    *out = NULL;
    if (len)
        *len = 0;
    if (!ds)
        return PN_EINVAL;
    bool bases_given = o.view.bases != 0;
    if (!bases_given)
        o.view.bases = PN_VIEW_BASES_ALL; /* the page's filter starts at the default */
    char *svg = NULL, *data = NULL;
    size_t svg_len = 0, data_len = 0, *tie_edge = NULL;
    pn__buf extra, b;
    pn__buf_init(&extra);
    pn__buf_init(&b);
    int rc = pn__diagram_svg_ids(ds, &o, &svg, &svg_len, &tie_edge, diags);
    if (rc == 0)
        rc = pn_dataset_save_buffer(ds, &data, &data_len);
    if (rc == 0)
        rc = explorer_json(ds, &o.view, bases_given, tie_edge, &extra);
    if (rc == 0) {
        page(&b, ds, svg, svg_len, data, data_len, &extra);
        rc = extra.failed || b.failed ? PN_ENOMEM : 0;
    }
    if (rc == 0) {
        *out = b.data ? b.data : strdup("");
        if (len)
            *len = b.len;
        b.data = NULL;
        rc = *out ? 0 : PN_ENOMEM;
    }
    if (rc == PN_ENOMEM)
        pn_diags_add(diags, PN_SEVERITY_ERROR, NULL, 0, 0, NULL, NULL, "out of memory");
    free(svg);
    free(data);
    free(tie_edge);
    pn__buf_free(&extra);
    pn__buf_free(&b);
    return rc;
}
