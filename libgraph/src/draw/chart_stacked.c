/* pn_chart_stacked: values per year stacked by series (paranet/chart.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw/chart_private.h"

#define ASPECT   0.55 /* height / width when the height is not given */
#define MAX_BARS 30   /* more years are drawn as areas */

/* The series drawn: the kept ones in their order, then "other". */
typedef struct stack {
    size_t n;
    const char **label;
    double *values; /* n x years */
    bool other;
} stack;

static int merge_top(const pn_chart_options *o, const pn_chart_series *in, size_t n_in,
                     size_t years, stack *s)
{
    size_t top = o->top && o->top < n_in ? o->top : n_in;
    s->n = top + (top < n_in);
    s->other = top < n_in;
    s->label = calloc(s->n, sizeof(*s->label));
    s->values = calloc(s->n * years, sizeof(double));
    double *total = calloc(n_in, sizeof(double));
    bool *kept = calloc(n_in, sizeof(bool));
    if (!s->label || !s->values || !total || !kept) {
        free(total);
        free(kept);
        return PN_ENOMEM;
    }
    for (size_t i = 0; i < n_in; i++)
        for (size_t y = 0; y < years; y++)
            total[i] += in[i].values[y];
    for (size_t k = 0; k < top; k++) { /* the largest total not yet kept, first on a tie */
        size_t best = SIZE_MAX;
        for (size_t i = 0; i < n_in; i++)
            if (!kept[i] && (best == SIZE_MAX || total[i] > total[best]))
                best = i;
        kept[best] = true;
    }
    size_t j = 0;
    for (size_t i = 0; i < n_in; i++) {
        size_t slot = kept[i] ? j++ : top;
        if (kept[i])
            s->label[slot] = in[i].label;
        for (size_t y = 0; y < years; y++)
            s->values[slot * years + y] += in[i].values[y];
    }
    if (s->other)
        s->label[top] = o->other ? o->other : "other";
    free(total);
    free(kept);
    return 0;
}

static void stack_free(stack *s)
{
    free(s->label);
    free(s->values);
}

static int check_input(pn__chart *c, size_t n_years, const pn_chart_series *series, size_t n_series,
                       int first_year)
{
    if (!series || n_series == 0)
        return pn__chart_invalid(c, "a stacked chart needs at least one series");
    if (n_years == 0)
        return pn__chart_invalid(c, "a stacked chart needs at least one year");
    if (first_year < 1 || first_year + (double)n_years - 1 > 9999)
        return pn__chart_invalid(c,
                                 "the years of a chart run from 1 to 9999 (got %d and %zu "
                                 "years)",
                                 first_year, n_years);
    for (size_t i = 0; i < n_series; i++) {
        if (!series[i].label || !series[i].values)
            return pn__chart_invalid(c, "series %zu has no label or no values", i);
        for (size_t y = 0; y < n_years; y++)
            if (!isfinite(series[i].values[y]) || series[i].values[y] < 0)
                return pn__chart_invalid(c,
                                         "series '%s' has a value that is negative or not "
                                         "finite (year %zu)",
                                         series[i].label, y + (size_t)first_year);
    }
    return 0;
}

/* The legend's size: entries in stack order, top first. */
/* Whether a series is drawn: series zero in every year are left out (of
 * the legend too). */
static bool shown(const stack *s, size_t i, size_t years)
{
    for (size_t y = 0; y < years; y++)
        if (s->values[i * years + y] > 0)
            return true;
    return false;
}

static double legend_width(pn__chart *c, const stack *s, size_t years)
{
    double w = 0;
    for (size_t i = 0; i < s->n; i++) {
        if (!shown(s, i, years))
            continue;
        double t = pn__chart_text_width(c, s->label[i], 1.0);
        w = t > w ? t : w;
    }
    return c->font * 1.6 + w;
}

static void draw_legend(pn__chart *c, const stack *s, size_t years, double x, double y)
{
    double line = pn__chart_text_height(c, 1.0) * 1.25, box = c->font;
    size_t k = 0;
    for (size_t r = 0; r < s->n; r++) {
        size_t i = s->n - 1 - r;
        if (!shown(s, i, years))
            continue;
        double yy = y + (double)k++ * line;
        cairo_rectangle(c->cr, x, yy + (line - box) / 2 - line * 0.1, box, box);
        pn__chart_rgb(c, pn__chart_series_fill(c, i, s->other && i == s->n - 1));
        cairo_fill_preserve(c->cr);
        pn__chart_rgb(c, pn__chart_ink(c));
        cairo_set_line_width(c->cr, 0.4);
        cairo_stroke(c->cr);
        pn__chart_text(c, x + box * 1.6, yy, s->label[i], 1.0, 0, 0, 0, pn__chart_ink(c), false);
    }
}

typedef struct frame {
    double x0, x1, y0, y1, ymax;
    int first;
    size_t years;
} frame;

static double px_of(const frame *f, double year_index)
{
    return f->x0 + (year_index + 0.5) * (f->x1 - f->x0) / (double)f->years;
}

static double py_of(const frame *f, double v)
{
    return f->y1 - v / f->ymax * (f->y1 - f->y0);
}

static void draw_series(pn__chart *c, const stack *s, const frame *f)
{
    size_t Y = f->years;
    double slot = (f->x1 - f->x0) / (double)Y;
    double *base = calloc(Y, sizeof(double));
    if (!base)
        return;
    cairo_set_line_width(c->cr, 0.4);
    for (size_t i = 0; i < s->n; i++) {
        const double *v = s->values + i * Y;
        if (Y <= MAX_BARS) {
            for (size_t y = 0; y < Y; y++) {
                if (v[y] > 0)
                    cairo_rectangle(c->cr, px_of(f, (double)y) - slot * 0.4,
                                    py_of(f, base[y] + v[y]), slot * 0.8,
                                    py_of(f, base[y]) - py_of(f, base[y] + v[y]));
            }
        } else {
            cairo_move_to(c->cr, px_of(f, 0), py_of(f, base[0]));
            for (size_t y = 0; y < Y; y++)
                cairo_line_to(c->cr, px_of(f, (double)y), py_of(f, base[y] + v[y]));
            for (size_t y = Y; y-- > 0;)
                cairo_line_to(c->cr, px_of(f, (double)y), py_of(f, base[y]));
            cairo_close_path(c->cr);
        }
        pn__chart_rgb(c, pn__chart_series_fill(c, i, s->other && i == s->n - 1));
        cairo_fill_preserve(c->cr);
        pn__chart_rgb(c, pn__chart_ink(c));
        cairo_stroke(c->cr);
        for (size_t y = 0; y < Y; y++)
            base[y] += v[y];
    }
    free(base);
}

static void draw_axes(pn__chart *c, const frame *f, double step, double tick_w)
{
    unsigned ink = pn__chart_ink(c);
    char buf[32];
    cairo_set_line_width(c->cr, 0.3);
    for (double v = 0; v <= f->ymax + step * 1e-9; v += step) {
        pn__chart_rgb(c, pn__chart_faint(c));
        if (v > 0) {
            cairo_move_to(c->cr, f->x0, py_of(f, v));
            cairo_line_to(c->cr, f->x1, py_of(f, v));
            cairo_stroke(c->cr);
        }
        snprintf(buf, sizeof(buf), "%.10g", v);
        pn__chart_text(c, f->x0 - c->font * 0.4, py_of(f, v), buf, 1.0, 1, 0.5, 0, ink, false);
    }
    (void)tick_w;
    pn__chart_rgb(c, ink);
    cairo_set_line_width(c->cr, 0.6);
    cairo_move_to(c->cr, f->x0, f->y0);
    cairo_line_to(c->cr, f->x0, f->y1);
    cairo_line_to(c->cr, f->x1, f->y1);
    cairo_stroke(c->cr);
    double slot = (f->x1 - f->x0) / (double)f->years;
    int ystep = pn__chart_year_step(slot, pn__chart_text_width(c, "8888", 1.0));
    for (size_t y = 0; y < f->years; y++) {
        int year = f->first + (int)y;
        if (year % ystep != 0 && !(ystep == 1))
            continue;
        double x = px_of(f, (double)y);
        cairo_move_to(c->cr, x, f->y1);
        cairo_line_to(c->cr, x, f->y1 + c->font * 0.3);
        cairo_stroke(c->cr);
        snprintf(buf, sizeof(buf), "%d", year);
        pn__chart_text(c, x, f->y1 + c->font * 0.4, buf, 1.0, 0.5, 0, 0, ink, false);
    }
}

int pn_chart_stacked(const pn_chart_options *opts, int first_year, size_t n_years,
                     const pn_chart_series *series, size_t n_series, const char *format, char **out,
                     size_t *len, pn_diags *diags)
{
    pn_chart_options defaults = PN_CHART_OPTIONS_INIT;
    pn__chart c;
    stack s = {0};
    if (!out)
        return PN_EINVAL;
    *out = NULL;
    if (len)
        *len = 0;
    int rc = pn__chart_open(&c, opts ? opts : &defaults, format, diags);
    if (rc == 0)
        rc = check_input(&c, n_years, series, n_series, first_year);
    if (rc == 0)
        rc = merge_top(c.o, series, n_series, n_years, &s);
    if (rc != 0)
        goto cleanup;
    if (c.w == 0)
        c.w = c.h > 0 ? c.h / ASPECT : PN_DIAGRAM_PAGE_WIDTH;
    if (c.h == 0)
        c.h = c.w * ASPECT;
    if ((rc = pn__chart_target(&c)) != 0)
        goto cleanup;
    pn__chart_title(&c);
    double max = 0;
    bool integer = true;
    for (size_t y = 0; y < n_years; y++) {
        double sum = 0;
        for (size_t i = 0; i < s.n; i++) {
            sum += s.values[i * n_years + y];
            integer &= s.values[i * n_years + y] == floor(s.values[i * n_years + y]);
        }
        max = sum > max ? sum : max;
    }
    frame f = {0, 0, 0, 0, 0, first_year, n_years};
    double text_h = pn__chart_text_height(&c, 1.0), pad = c.font;
    double step = pn__chart_nice_step(max, 5, integer ? 1 : 0);
    f.ymax = max > 0 ? ceil(max / step - 1e-9) * step : step;
    char buf[32];
    snprintf(buf, sizeof(buf), "%.10g", f.ymax);
    double tick_w = pn__chart_text_width(&c, buf, 1.0);
    f.y0 = pn__chart_title_height(&c) + text_h * 0.6;
    f.x0 = tick_w + c.font * 0.6 + (c.o->y_label ? text_h * 1.3 : 0);
    f.x1 = c.w - pad - (c.o->legend ? legend_width(&c, &s, n_years) + c.font * 1.5 : 0);
    f.y1 = c.h - text_h * 1.5 - (c.o->x_label ? text_h * 1.2 : 0) - pn__chart_note_height(&c);
    if (f.x1 - f.x0 < c.font * 4 || f.y1 - f.y0 < c.font * 4) {
        rc = pn__chart_invalid(&c,
                               "the chart is too small for its labels (%.0f x %.0f pt at "
                               "%.1f pt text): give a larger size or a smaller font",
                               c.w, c.h, c.font);
        goto cleanup;
    }
    draw_series(&c, &s, &f);
    draw_axes(&c, &f, step, tick_w);
    unsigned ink = pn__chart_ink(&c);
    if (c.o->y_label)
        pn__chart_text(&c, 0, (f.y0 + f.y1) / 2, c.o->y_label, 1.0, 0.5, 0, -M_PI / 2, ink, false);
    if (c.o->x_label)
        pn__chart_text(&c, (f.x0 + f.x1) / 2, f.y1 + text_h * 1.5, c.o->x_label, 1.0, 0.5, 0, 0,
                       ink, false);
    if (c.o->legend)
        draw_legend(&c, &s, n_years, f.x1 + c.font * 1.5, f.y0);
    pn__chart_note(&c, c.h - pn__chart_note_height(&c));
    rc = pn__chart_finish(&c, out, len);
cleanup:
    stack_free(&s);
    pn__chart_close(&c);
    return rc;
}
