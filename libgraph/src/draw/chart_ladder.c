/* pn_chart_ladder: a dated timeline, one row per label (paranet/chart.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"
#include "draw/chart_private.h"

static int check_input(pn__chart *c, const char *const *rows, size_t n_rows,
                       const pn_chart_mark *marks, size_t n_marks, int first, int last)
{
    if (!rows || n_rows == 0)
        return pn__chart_invalid(c, "a ladder chart needs at least one row");
    if (first < 1 || last > 9999 || last < first)
        return pn__chart_invalid(c,
                                 "the years of a ladder chart must run forward from 1 to 9999 "
                                 "(got %d to %d)",
                                 first, last);
    if (n_marks && !marks)
        return pn__chart_invalid(c, "marks missing");
    for (size_t i = 0; i < n_rows; i++)
        if (!rows[i])
            return pn__chart_invalid(c, "row %zu has no label", i);
    for (size_t i = 0; i < n_marks; i++) {
        const pn_chart_mark *m = &marks[i];
        if (m->row >= n_rows || m->year < first || m->year > last ||
            (m->until > 0 && (m->until < m->year || m->until > last)) || m->until < -1 ||
            (int)m->style < 0 || m->style > PN_CHART_MARK_LINE)
            return pn__chart_invalid(c, "mark %zu is outside the rows or the years %d to %d", i,
                                     first, last);
    }
    return 0;
}

static int mark_cmp(const void *a, const void *b, const void *ctx)
{
    const pn_chart_mark *x = a, *y = b;
    (void)ctx;
    if (x->row != y->row)
        return x->row < y->row ? -1 : 1;
    return x->year < y->year ? -1 : x->year > y->year;
}

#define LANES      4  /* label places: above, below, further above, further below */
#define WRAP_LABEL 26 /* row labels are broken into lines of about this many characters */

typedef struct geom {
    double x0, x1, slot, row_h, top;
    double line;  /* a label lane's height */
    size_t above; /* lanes above the marks (the rest below) */
    double lanes; /* lanes used */
    int first;
} geom;

static double x_of(const geom *g, int year)
{
    return g->x0 + ((double)(year - g->first) + 0.5) * g->slot;
}

/* The marks' line of a row: under its lanes above. */
static double y_of(const geom *g, size_t row)
{
    return g->top + ((double)row + 0.5) * g->row_h + g->line * ((double)g->above - g->lanes / 2.0);
}

static void draw_spans(pn__chart *c, const geom *g, const pn_chart_mark *m, size_t n)
{
    cairo_set_line_width(c->cr, c->font * 0.15);
    pn__chart_rgb(c, pn__chart_ink(c));
    for (size_t i = 0; i < n; i++) {
        if (m[i].until == 0)
            continue;
        double y = y_of(g, m[i].row);
        double x = m[i].style == PN_CHART_MARK_LINE ? g->x0 : x_of(g, m[i].year);
        double x2 = m[i].until > 0 ? x_of(g, m[i].until) : g->x1;
        cairo_move_to(c->cr, x, y);
        cairo_line_to(c->cr, x2, y);
        cairo_stroke(c->cr);
        if (m[i].until < 0) { /* open: an arrowhead at the end of the axis */
            double a = c->font * 0.35;
            cairo_move_to(c->cr, x2, y);
            cairo_line_to(c->cr, x2 - a * 1.4, y - a);
            cairo_line_to(c->cr, x2 - a * 1.4, y + a);
            cairo_close_path(c->cr);
            cairo_fill(c->cr);
        }
    }
}

static void draw_mark(pn__chart *c, double x, double y, pn_chart_mark_style style)
{
    double r = c->font * 0.33;
    unsigned ink = pn__chart_ink(c);
    cairo_set_line_width(c->cr, c->font * 0.1);
    if (style == PN_CHART_MARK_LINE)
        return;
    if (style == PN_CHART_MARK_END) {
        pn__chart_rgb(c, ink);
        cairo_set_line_width(c->cr, c->font * 0.2);
        cairo_move_to(c->cr, x, y - r * 1.4);
        cairo_line_to(c->cr, x, y + r * 1.4);
        cairo_stroke(c->cr);
        return;
    }
    cairo_new_sub_path(c->cr);
    cairo_arc(c->cr, x, y, r, 0, 2 * M_PI);
    pn__chart_rgb(c, style == PN_CHART_MARK_HOLLOW ? 0xFFFFFF : ink);
    cairo_fill_preserve(c->cr);
    pn__chart_rgb(c, ink);
    cairo_stroke(c->cr);
}

/* The marks of one row and year: one label, their labels joined once each. */
static void join_labels(pn__buf *b, const pn_chart_mark *m, size_t from, size_t to)
{
    b->len = 0;
    for (size_t i = from; i < to; i++) {
        if (!m[i].label || !*m[i].label)
            continue;
        bool seen = false;
        for (size_t j = from; j < i && !seen; j++)
            seen = m[j].label && strcmp(m[j].label, m[i].label) == 0;
        if (seen)
            continue;
        if (b->len)
            pn__buf_puts(b, ", ");
        pn__buf_puts(b, m[i].label);
    }
    pn__buf_add(b, "", 1);
}

/* Each year's label of a row in the first lane where it does not run into
 * the last label there (or the lane that ends first): *lanes, the most used. */
typedef struct placed {
    size_t from, to; /* marks of one row and year */
    int lane;
} placed;

static int place_labels(pn__chart *c, const geom *g, const pn_chart_mark *m, size_t n, placed *p,
                        size_t *np, size_t *lanes)
{
    pn__buf b;
    pn__buf_init(&b);
    double end[LANES], gap = c->font * 0.6;
    *np = 0;
    *lanes = 1;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && m[j].row == m[i].row && m[j].year == m[i].year)
            j++;
        if (i == 0 || m[i].row != m[i - 1].row)
            for (int l = 0; l < LANES; l++)
                end[l] = -1e9;
        join_labels(&b, m, i, j);
        if (b.failed)
            break;
        int lane = -1;
        if (b.data[0]) {
            double w = pn__chart_text_width(c, b.data, 0.9), x = x_of(g, m[i].year);
            for (int l = 0; l < LANES && lane < 0; l++)
                if (end[l] + gap <= x - w / 2)
                    lane = l;
            for (int l = 0; lane < 0 && l < LANES; l++)
                lane = l; /* crowded: the lane that ends first */
            for (int l = 0; l < LANES; l++)
                lane = end[l] < end[lane] && end[lane] + gap > x - w / 2 ? l : lane;
            end[lane] = x + w / 2;
            *lanes = (size_t)lane + 1 > *lanes ? (size_t)lane + 1 : *lanes;
        }
        p[(*np)++] = (placed){i, j, lane};
        i = j;
    }
    int rc = b.failed ? PN_ENOMEM : 0;
    pn__buf_free(&b);
    return rc;
}

static int draw_marks(pn__chart *c, const geom *g, const pn_chart_mark *m, const placed *p,
                      size_t np)
{
    pn__buf b;
    pn__buf_init(&b);
    double lift = c->font * 0.45;
    for (size_t k = 0; k < np; k++) {
        const pn_chart_mark *first = &m[p[k].from];
        double x = x_of(g, first->year), y = y_of(g, first->row);
        for (size_t t = p[k].from; t < p[k].to; t++)
            draw_mark(c, x, y, m[t].style);
        if (p[k].lane < 0)
            continue;
        join_labels(&b, m, p[k].from, p[k].to);
        if (b.failed)
            break;
        bool above = p[k].lane % 2 == 0;
        double level = (double)(p[k].lane / 2) * g->line;
        pn__chart_text(c, x, above ? y - lift - level : y + lift + level, b.data, 0.9, 0.5,
                       above ? 1 : 0, 0, pn__chart_ink(c), false);
    }
    int rc = b.failed ? PN_ENOMEM : 0;
    pn__buf_free(&b);
    return rc;
}

static void draw_frame(pn__chart *c, const geom *g, const pn__buf *rows, size_t n_rows, int last)
{
    unsigned ink = pn__chart_ink(c);
    char buf[16];
    cairo_set_line_width(c->cr, 0.3);
    for (size_t r = 0; r < n_rows; r++) {
        double y = y_of(g, r);
        pn__chart_rgb(c, pn__chart_faint(c));
        cairo_move_to(c->cr, g->x0, y);
        cairo_line_to(c->cr, g->x1, y);
        cairo_stroke(c->cr);
        pn__chart_text(c, g->x0 - c->font * 0.6, y, rows[r].data, 1.0, 1, 0.5, 0, ink, false);
    }
    double y1 = g->top + (double)n_rows * g->row_h;
    pn__chart_rgb(c, ink);
    cairo_set_line_width(c->cr, 0.6);
    cairo_move_to(c->cr, g->x0, y1);
    cairo_line_to(c->cr, g->x1, y1);
    cairo_stroke(c->cr);
    int step = pn__chart_year_step(g->slot, pn__chart_text_width(c, "8888", 1.0));
    for (int year = g->first; year <= last; year++) {
        if (step > 1 && year % step != 0)
            continue;
        double x = x_of(g, year);
        cairo_move_to(c->cr, x, y1);
        cairo_line_to(c->cr, x, y1 + c->font * 0.3);
        cairo_stroke(c->cr);
        snprintf(buf, sizeof(buf), "%d", year);
        pn__chart_text(c, x, y1 + c->font * 0.4, buf, 1.0, 0.5, 0, 0, ink, false);
    }
}

int pn_chart_ladder(const pn_chart_options *opts, const char *const *rows, size_t n_rows,
                    const pn_chart_mark *marks, size_t n_marks, int first_year, int last_year,
                    const char *format, char **out, size_t *len, pn_diags *diags)
{
    pn_chart_options defaults = PN_CHART_OPTIONS_INIT;
    pn__chart c;
    pn_chart_mark *m = NULL, *tmp = NULL;
    pn__buf *labels = NULL;
    placed *p = NULL;
    if (!out)
        return PN_EINVAL;
    *out = NULL;
    if (len)
        *len = 0;
    int rc = pn__chart_open(&c, opts ? opts : &defaults, format, diags);
    if (rc == 0)
        rc = check_input(&c, rows, n_rows, marks, n_marks, first_year, last_year);
    if (rc == 0 &&
        (!(m = malloc((n_marks + 1) * sizeof(*m))) || !(tmp = malloc((n_marks + 1) * sizeof(*m)))))
        rc = PN_ENOMEM;
    if (rc != 0)
        goto cleanup;
    if (n_marks)
        memcpy(m, marks, n_marks * sizeof(*m));
    pn__sort_stable(m, n_marks, sizeof(*m), tmp, mark_cmp, NULL);
    if (c.w == 0)
        c.w = PN_DIAGRAM_PAGE_WIDTH;
    double text_h = pn__chart_text_height(&c, 1.0), label_w = 0;
    size_t lines = 1, np = 0, lanes = 1;
    if (!(labels = calloc(n_rows, sizeof(*labels))) || !(p = calloc(n_marks + 1, sizeof(*p)))) {
        rc = PN_ENOMEM;
        goto cleanup;
    }
    for (size_t r = 0; r < n_rows; r++) {
        pn__buf_init(&labels[r]);
        pn__wrap_text(&labels[r], rows[r], WRAP_LABEL);
        pn__buf_add(&labels[r], "", 1);
        if (labels[r].failed) {
            rc = PN_ENOMEM;
            goto cleanup;
        }
        double w = pn__chart_text_width(&c, labels[r].data, 1.0);
        label_w = w > label_w ? w : label_w;
        size_t k = 1;
        for (const char *q = labels[r].data; *q; q++)
            k += *q == '\n';
        lines = k > lines ? k : lines;
    }
    geom g = {0, 0, 0, 0, 0, text_h * 0.95, 1, 1, first_year};
    g.top = pn__chart_title_height(&c) + text_h * 0.4;
    g.x0 = label_w + c.font;
    g.x1 = c.w - c.font * 2.5; /* room for a centred label on the last year */
    g.slot = (g.x1 - g.x0) / (double)(last_year - first_year + 1);
    if ((rc = place_labels(&c, &g, m, n_marks, p, &np, &lanes)) != 0)
        goto cleanup;
    g.above = (lanes + 1) / 2;
    g.lanes = (double)lanes;
    g.row_h = g.line * ((double)lanes + 1.8);
    if ((double)lines * text_h + text_h * 0.5 > g.row_h)
        g.row_h = (double)lines * text_h + text_h * 0.5;
    double bottom = text_h * 1.6 + (c.o->x_label ? text_h * 1.2 : 0) + pn__chart_note_height(&c);
    if (c.h == 0)
        c.h = g.top + (double)n_rows * g.row_h + bottom;
    else if ((c.h - g.top - bottom) / (double)n_rows < g.row_h)
        rc = pn__chart_invalid(&c,
                               "%zu rows do not fit a height of %.0f pt at %.1f pt text: give "
                               "a larger height (or none) or a smaller font",
                               n_rows, c.h, c.font);
    else
        g.top += (c.h - g.top - bottom - (double)n_rows * g.row_h) / 2;
    if (rc == 0 && g.x1 - g.x0 < c.font * 4)
        rc = pn__chart_invalid(&c,
                               "the chart is too narrow for its labels (%.0f pt at %.1f pt "
                               "text): give a larger width or a smaller font",
                               c.w, c.font);
    if (rc != 0 || (rc = pn__chart_target(&c)) != 0)
        goto cleanup;
    pn__chart_title(&c);
    draw_frame(&c, &g, labels, n_rows, last_year);
    draw_spans(&c, &g, m, n_marks);
    if ((rc = draw_marks(&c, &g, m, p, np)) != 0)
        goto cleanup;
    double axis_y = g.top + (double)n_rows * g.row_h;
    if (c.o->x_label)
        pn__chart_text(&c, (g.x0 + g.x1) / 2, axis_y + text_h * 1.6, c.o->x_label, 1.0, 0.5, 0, 0,
                       pn__chart_ink(&c), false);
    pn__chart_note(&c, c.h - pn__chart_note_height(&c));
    rc = pn__chart_finish(&c, out, len);
cleanup:
    for (size_t r = 0; labels && r < n_rows; r++)
        pn__buf_free(&labels[r]);
    free(labels);
    free(p);
    free(m);
    free(tmp);
    pn__chart_close(&c);
    return rc;
}
