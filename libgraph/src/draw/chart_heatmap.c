/* pn_chart_heatmap: a matrix as coloured cells with their values
 * (paranet/chart.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw/chart_private.h"

/* The scale's dark end: Paul Tol's dark blue in colour, near-black on paper;
 * its light end is white. */
#define DARK_COLOUR 0x225588
#define DARK_PAPER  0x202020

static unsigned mix(unsigned dark, double t)
{
    unsigned out = 0;
    for (int shift = 16; shift >= 0; shift -= 8) {
        double d = (double)((dark >> shift) & 0xFF);
        out |= (unsigned)lround(255.0 + (d - 255.0) * t) << shift;
    }
    return out;
}

static double luminance(unsigned rgb)
{
    return (0.2126 * ((rgb >> 16) & 0xFF) + 0.7152 * ((rgb >> 8) & 0xFF) + 0.0722 * (rgb & 0xFF)) /
           255.0;
}

static int check_input(pn__chart *c, const char *const *rl, size_t nr, const char *const *cl,
                       size_t nc, const double *cells, int decimals)
{
    if (!rl || !cl || nr == 0 || nc == 0 || !cells)
        return pn__chart_invalid(c, "a heat map needs at least one row and one column");
    if (decimals < 0 || decimals > 6)
        return pn__chart_invalid(c, "a heat map shows 0 to 6 decimals (got %d)", decimals);
    for (size_t i = 0; i < nr; i++)
        if (!rl[i])
            return pn__chart_invalid(c, "row %zu has no label", i);
    for (size_t j = 0; j < nc; j++)
        if (!cl[j])
            return pn__chart_invalid(c, "column %zu has no label", j);
    for (size_t k = 0; k < nr * nc; k++)
        if (isinf(cells[k]))
            return pn__chart_invalid(c, "cell %zu, %zu is infinite", k / nc, k % nc);
    return 0;
}

static double max_width(pn__chart *c, const char *const *labels, size_t n, double scale)
{
    double w = 0;
    for (size_t i = 0; i < n; i++) {
        double t = pn__chart_text_width(c, labels[i], scale);
        w = t > w ? t : w;
    }
    return w;
}

typedef struct grid {
    double x0, y0, cw, ch, lo, hi;
    unsigned dark;
    int decimals;
} grid;

static unsigned fill_of(const grid *g, double v)
{
    double t = g->hi > g->lo ? (v - g->lo) / (g->hi - g->lo) : 0;
    return mix(g->dark, t);
}

static void draw_cells(pn__chart *c, const grid *g, const double *cells, size_t nr, size_t nc)
{
    char buf[64];
    for (size_t i = 0; i < nr; i++) {
        for (size_t j = 0; j < nc; j++) {
            double v = cells[i * nc + j], x = g->x0 + (double)j * g->cw,
                   y = g->y0 + (double)i * g->ch;
            cairo_rectangle(c->cr, x, y, g->cw, g->ch);
            pn__chart_rgb(c, isnan(v) ? 0xFFFFFF : fill_of(g, v));
            cairo_fill_preserve(c->cr);
            pn__chart_rgb(c, pn__chart_faint(c));
            cairo_set_line_width(c->cr, 0.3);
            cairo_stroke(c->cr);
            if (isnan(v))
                continue;
            snprintf(buf, sizeof(buf), "%.*f", g->decimals, v);
            unsigned text = luminance(fill_of(g, v)) < 0.5 ? 0xFFFFFF : pn__chart_ink(c);
            pn__chart_text(c, x + g->cw / 2, y + g->ch / 2, buf, 0.9, 0.5, 0.5, 0, text, false);
        }
    }
}

static void draw_scale(pn__chart *c, const grid *g, double x, double y, double h)
{
    const int steps = 32;
    double w = c->font;
    for (int k = 0; k < steps; k++) {
        double t0 = (double)k / steps;
        cairo_rectangle(c->cr, x, y + h - (t0 + 1.0 / steps) * h, w, h / steps + 0.2);
        pn__chart_rgb(c, mix(g->dark, t0 + 0.5 / steps));
        cairo_fill(c->cr);
    }
    cairo_rectangle(c->cr, x, y, w, h);
    pn__chart_rgb(c, pn__chart_ink(c));
    cairo_set_line_width(c->cr, 0.4);
    cairo_stroke(c->cr);
    char buf[64];
    snprintf(buf, sizeof(buf), "%.*f", g->decimals, g->hi);
    pn__chart_text(c, x + w * 1.4, y, buf, 0.9, 0, 0.5, 0, pn__chart_ink(c), false);
    snprintf(buf, sizeof(buf), "%.*f", g->decimals, g->lo);
    pn__chart_text(c, x + w * 1.4, y + h, buf, 0.9, 0, 0.5, 0, pn__chart_ink(c), false);
}

int pn_chart_heatmap(const pn_chart_options *opts, const char *const *row_labels, size_t n_rows,
                     const char *const *col_labels, size_t n_cols, const double *cells,
                     int decimals, const char *format, char **out, size_t *len, pn_diags *diags)
{
    pn_chart_options defaults = PN_CHART_OPTIONS_INIT;
    pn__chart c;
    if (!out)
        return PN_EINVAL;
    *out = NULL;
    if (len)
        *len = 0;
    int rc = pn__chart_open(&c, opts ? opts : &defaults, format, diags);
    if (rc == 0)
        rc = check_input(&c, row_labels, n_rows, col_labels, n_cols, cells, decimals);
    if (rc != 0)
        goto cleanup;
    grid g = {0, 0, 0, 0, 0, 0, c.o->theme == PN_THEME_PAPER ? DARK_PAPER : DARK_COLOUR, decimals};
    bool any = false;
    for (size_t k = 0; k < n_rows * n_cols; k++) {
        if (isnan(cells[k]))
            continue;
        g.hi = !any || cells[k] > g.hi ? cells[k] : g.hi;
        g.lo = cells[k] < g.lo ? cells[k] : g.lo;
        any = true;
    }
    if (c.w == 0)
        c.w = PN_DIAGRAM_PAGE_WIDTH;
    double text_h = pn__chart_text_height(&c, 1.0);
    double row_w = max_width(&c, row_labels, n_rows, 1.0);
    double col_w = max_width(&c, col_labels, n_cols, 1.0);
    char buf[64];
    snprintf(buf, sizeof(buf), "%.*f", decimals, g.hi);
    double value_w = pn__chart_text_width(&c, buf, 0.9);
    double scale_w = c.o->legend ? c.font * 3.4 + value_w : 0;
    double avail = c.w - row_w - c.font - scale_w;
    g.cw = avail / (double)n_cols;
    bool upright = col_w > g.cw * 0.95; /* column labels turned to read upwards */
    double head = upright ? col_w + c.font * 0.5 : text_h * 1.3;
    double top = pn__chart_title_height(&c);
    g.ch = text_h * 1.6;
    double bottom = pn__chart_note_height(&c) + text_h * 0.5;
    if (c.h > 0)
        g.ch = (c.h - top - head - bottom) / (double)n_rows;
    else
        c.h = top + head + g.ch * (double)n_rows + bottom;
    if (g.cw < value_w * 1.1 || g.ch < text_h) {
        rc = pn__chart_invalid(&c,
                               "a heat map of %zu x %zu cells does not fit %.0f x %.0f pt at "
                               "%.1f pt text: give a larger size or a smaller font",
                               n_rows, n_cols, c.w, c.h, c.font);
        goto cleanup;
    }
    if ((rc = pn__chart_target(&c)) != 0)
        goto cleanup;
    pn__chart_title(&c);
    g.x0 = row_w + c.font;
    g.y0 = top + head;
    unsigned ink = pn__chart_ink(&c);
    for (size_t i = 0; i < n_rows; i++)
        pn__chart_text(&c, g.x0 - c.font * 0.5, g.y0 + ((double)i + 0.5) * g.ch, row_labels[i], 1.0,
                       1, 0.5, 0, ink, false);
    for (size_t j = 0; j < n_cols; j++) {
        double x = g.x0 + ((double)j + 0.5) * g.cw;
        if (upright)
            pn__chart_text(&c, x, g.y0 - c.font * 0.4, col_labels[j], 1.0, 0, 0.5, -M_PI / 2, ink,
                           false);
        else
            pn__chart_text(&c, x, g.y0 - c.font * 0.3, col_labels[j], 1.0, 0.5, 1, 0, ink, false);
    }
    draw_cells(&c, &g, cells, n_rows, n_cols);
    if (c.o->legend)
        draw_scale(&c, &g, g.x0 + (double)n_cols * g.cw + c.font, g.y0,
                   fmin(g.ch * (double)n_rows, c.font * 12));
    pn__chart_note(&c, c.h - pn__chart_note_height(&c));
    rc = pn__chart_finish(&c, out, len);
cleanup:
    pn__chart_close(&c);
    return rc;
}
