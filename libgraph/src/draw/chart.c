/* What the charts share (chart_private.h): the options checked, a drawing
 * in points on a cairo recording surface, text set by pango in the theme's
 * font, inks from the diagrams' style (style.h), axis steps, and the output
 * in SVG, PDF, PNG, EPS or PostScript, the same bytes for the same input. */
#include "draw/chart_private.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cairo-pdf.h>
#include <cairo-ps.h>
#include <cairo-svg.h>

#include "core/util.h"

static const char *const chart_formats[] = {"svg", "pdf", "png", "eps", "ps"};

const char *pn_chart_formats(void)
{
    return "svg, pdf, png, eps, ps";
}

const char *pn_chart_format_name(const char *name)
{
    for (size_t i = 0; name && i < sizeof(chart_formats) / sizeof(chart_formats[0]); i++) {
        if (strcasecmp(name, chart_formats[i]) == 0)
            return chart_formats[i];
    }
    return NULL;
}

int pn__chart_invalid(pn__chart *c, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    pn_diags_add(c->diags, PN_SEVERITY_ERROR, NULL, 0, 0, NULL, "chart", "%s", msg);
    return PN_EINVAL;
}

/* A cairo context and a pango layout on surface s. */
static int start_drawing(pn__chart *c, cairo_surface_t *s)
{
    if (c->layout)
        g_object_unref(c->layout);
    if (c->cr)
        cairo_destroy(c->cr);
    c->layout = NULL;
    c->cr = cairo_create(s);
    if (cairo_status(c->cr) != CAIRO_STATUS_SUCCESS)
        return PN_ENOMEM;
    c->layout = pango_cairo_create_layout(c->cr);
    if (!c->layout)
        return PN_ENOMEM;
    /* The same metrics on every surface: no hinting (a PNG's text is placed
     * as the PDF's). */
    cairo_font_options_t *fo = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(pango_layout_get_context(c->layout), fo);
    cairo_font_options_destroy(fo);
    pango_layout_context_changed(c->layout);
    return 0;
}

int pn__chart_open(pn__chart *c, const pn_chart_options *o, const char *format, pn_diags *diags)
{
    memset(c, 0, sizeof(*c));
    pn__buf_init(&c->bytes);
    c->o = o;
    c->diags = diags;
    if (!format || !(c->format = pn_chart_format_name(format)))
        return pn__chart_invalid(c, "unknown chart format '%s' (%s)", format ? format : "(null)",
                                 pn_chart_formats());
    if ((int)o->theme < 0 || o->theme > PN_THEME_PAPER)
        return pn__chart_invalid(c, "unknown theme (%d)", (int)o->theme);
    if (pn__geometry_check(&o->geometry, diags) != 0)
        return PN_EINVAL;
    c->th = pn__theme_of(o->theme);
    c->font = o->geometry.font_size > 0 ? o->geometry.font_size : PN_DIAGRAM_FONT_SIZE;
    c->w = o->geometry.width > 0 ? o->geometry.width : 0;
    c->h = o->geometry.height > 0 ? o->geometry.height : 0;
    c->rec = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, NULL);
    return start_drawing(c, c->rec);
}

void pn__chart_close(pn__chart *c)
{
    if (c->layout)
        g_object_unref(c->layout);
    if (c->cr)
        cairo_destroy(c->cr);
    if (c->rec)
        cairo_surface_destroy(c->rec);
    if (c->target)
        cairo_surface_destroy(c->target);
    c->layout = NULL;
    c->cr = NULL;
    c->rec = NULL;
    c->target = NULL;
    pn__buf_free(&c->bytes);
}

static void set_text(pn__chart *c, const char *text, double scale, bool bold)
{
    PangoFontDescription *fd = pango_font_description_from_string(c->th->font);
    pango_font_description_set_absolute_size(fd, c->font * scale * PANGO_SCALE);
    if (bold)
        pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
    pango_layout_set_font_description(c->layout, fd);
    pango_font_description_free(fd);
    pango_layout_set_text(c->layout, text, -1);
}

double pn__chart_text_width(pn__chart *c, const char *text, double scale)
{
    PangoRectangle ink, logical;
    set_text(c, text, scale, false);
    pango_layout_get_extents(c->layout, &ink, &logical);
    return (double)logical.width / PANGO_SCALE;
}

double pn__chart_text_height(pn__chart *c, double scale)
{
    PangoRectangle ink, logical;
    set_text(c, "Ag", scale, false);
    pango_layout_get_extents(c->layout, &ink, &logical);
    return (double)logical.height / PANGO_SCALE;
}

void pn__chart_rgb(pn__chart *c, unsigned rgb)
{
    cairo_set_source_rgb(c->cr, ((rgb >> 16) & 0xFF) / 255.0, ((rgb >> 8) & 0xFF) / 255.0,
                         (rgb & 0xFF) / 255.0);
}

void pn__chart_text(pn__chart *c, double x, double y, const char *text, double scale, double ax,
                    double ay, double angle, unsigned rgb, bool bold)
{
    PangoRectangle ink, logical;
    set_text(c, text, scale, bold);
    pango_layout_set_alignment(c->layout, ax >= 1  ? PANGO_ALIGN_RIGHT
                                          : ax > 0 ? PANGO_ALIGN_CENTER
                                                   : PANGO_ALIGN_LEFT);
    pango_layout_get_extents(c->layout, &ink, &logical);
    double w = (double)logical.width / PANGO_SCALE, h = (double)logical.height / PANGO_SCALE;
    cairo_save(c->cr);
    cairo_translate(c->cr, x, y);
    cairo_rotate(c->cr, angle);
    cairo_move_to(c->cr, -ax * w, -ay * h);
    pn__chart_rgb(c, rgb);
    pango_cairo_update_layout(c->cr, c->layout);
    pango_cairo_show_layout(c->cr, c->layout);
    cairo_restore(c->cr);
}

static unsigned parse_hex(const char *s)
{
    return s && s[0] == '#' ? (unsigned)strtoul(s + 1, NULL, 16) : 0;
}

unsigned pn__chart_ink(const pn__chart *c)
{
    return parse_hex(c->th->ink);
}

unsigned pn__chart_faint(const pn__chart *c)
{
    return parse_hex(c->th->faint);
}

/* Paul Tol's light scheme past the five colours the diagrams use for
 * countries (pn__palette): orange, mint, pear; and its pale grey for "other". */
static const unsigned light_rest[] = {0xEE8866, 0x44BB99, 0xBBCC33};
#define PALE_GREY 0xDDDDDD

/* Grays for paper, ordered so that neighbours in a stack differ by a third
 * of the range or more; "other" is white, outlined. */
static const unsigned paper_grays[] = {0x404040, 0xB0B0B0, 0x707070, 0xE0E0E0,
                                       0x202020, 0x909090, 0xC8C8C8, 0x585858};

unsigned pn__chart_series_fill(const pn__chart *c, size_t i, bool other)
{
    if (c->o->theme == PN_THEME_PAPER)
        return other ? 0xFFFFFF : paper_grays[i % (sizeof(paper_grays) / sizeof(paper_grays[0]))];
    if (other)
        return PALE_GREY;
    size_t n = PN__PALETTE_SIZE + sizeof(light_rest) / sizeof(light_rest[0]);
    i %= n;
    return i < PN__PALETTE_SIZE ? pn__palette(i) : light_rest[i - PN__PALETTE_SIZE];
}

double pn__chart_nice_step(double max, double want, double min_step)
{
    if (!(max > 0))
        return min_step > 0 ? min_step : 1;
    double raw = max / (want > 1 ? want : 1);
    double p = pow(10, floor(log10(raw)));
    double step = p;
    static const double mult[] = {1, 2, 5, 10};
    for (size_t i = 0; i < 4; i++) {
        step = mult[i] * p;
        if (step >= raw)
            break;
    }
    return step < min_step ? min_step : step;
}

int pn__chart_year_step(double px, double label_w)
{
    static const int steps[] = {1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000};
    for (size_t i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
        if (steps[i] * px >= label_w * 1.6)
            return steps[i];
    }
    return 1000;
}

double pn__chart_title_height(pn__chart *c)
{
    return c->o->title && *c->o->title ? pn__chart_text_height(c, 1.25) * 1.4 : 0;
}

void pn__chart_title(pn__chart *c)
{
    if (c->o->title && *c->o->title)
        pn__chart_text(c, c->w / 2, 0, c->o->title, 1.25, 0.5, 0, 0, pn__chart_ink(c), true);
}

/* The note is wrapped at the chart's width (a long note was cut off at
 * the right edge): its layout has that width while it is measured and
 * drawn, and none otherwise. */
static double note_layout(pn__chart *c)
{
    PangoRectangle ink, logical;
    set_text(c, c->o->note, 0.9, false);
    pango_layout_set_width(c->layout, (int)(c->w * PANGO_SCALE));
    pango_layout_set_wrap(c->layout, PANGO_WRAP_WORD);
    pango_layout_get_extents(c->layout, &ink, &logical);
    return (double)logical.height / PANGO_SCALE;
}

double pn__chart_note_height(pn__chart *c)
{
    if (!c->o->note || !*c->o->note)
        return 0;
    double h = note_layout(c);
    pango_layout_set_width(c->layout, -1);
    return h + pn__chart_text_height(c, 0.9) * 0.3;
}

void pn__chart_note(pn__chart *c, double y)
{
    if (!c->o->note || !*c->o->note)
        return;
    note_layout(c);
    pango_layout_set_alignment(c->layout, PANGO_ALIGN_LEFT);
    cairo_save(c->cr);
    cairo_move_to(c->cr, 0, y);
    pn__chart_rgb(c, pn__chart_ink(c));
    pango_cairo_show_layout(c->cr, c->layout);
    cairo_restore(c->cr);
    pango_layout_set_width(c->layout, -1);
}

/* ---- output ---- */

static cairo_status_t to_buf(void *closure, const unsigned char *data, unsigned int length)
{
    pn__buf *b = closure;
    pn__buf_add(b, data, length);
    return b->failed ? CAIRO_STATUS_NO_MEMORY : CAIRO_STATUS_SUCCESS;
}

/* The target surface of a vector format, w x h points. */
static cairo_surface_t *vector_surface(const char *format, pn__buf *b, double w, double h)
{
    cairo_surface_t *s = NULL;
    if (strcmp(format, "svg") == 0) {
        s = cairo_svg_surface_create_for_stream(to_buf, b, w, h);
        cairo_svg_surface_set_document_unit(s, CAIRO_SVG_UNIT_PT);
    } else if (strcmp(format, "pdf") == 0) {
        s = cairo_pdf_surface_create_for_stream(to_buf, b, w, h);
        /* cairo writes the time of the render otherwise */
        cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, "1970-01-01T00:00:00Z");
    } else {
        s = cairo_ps_surface_create_for_stream(to_buf, b, w, h);
        cairo_ps_surface_set_eps(s, strcmp(format, "eps") == 0);
    }
    return s;
}

/* cairo's SVG names the drawing's group by the surface's id, a counter of
 * the process ("surface2" in the first chart, "surface8" in the next): the
 * ids are renumbered in order of appearance, so that every chart of the
 * same input has the same bytes. A NUL-terminated copy into b. */
static int renumber_surfaces(pn__buf *b)
{
    static const char key[] = "surface";
    const size_t k = sizeof(key) - 1;
    unsigned long seen[64];
    size_t n_seen = 0;
    pn__buf out;
    pn__buf_init(&out);
    for (size_t i = 0; i < b->len;) {
        bool at = i + k < b->len && memcmp(b->data + i, key, k) == 0 && i > 0 &&
                  (b->data[i - 1] == '"' || b->data[i - 1] == '#') && b->data[i + k] >= '0' &&
                  b->data[i + k] <= '9';
        if (!at) {
            pn__buf_add(&out, b->data + i, 1);
            i++;
            continue;
        }
        char *end = NULL;
        unsigned long id = strtoul(b->data + i + k, &end, 10);
        size_t slot = 0;
        while (slot < n_seen && seen[slot] != id)
            slot++;
        if (slot == n_seen && n_seen < 64)
            seen[n_seen++] = id;
        pn__buf_printf(&out, "surface%zu", slot + 1);
        i = (size_t)(end - b->data);
    }
    if (out.failed) {
        pn__buf_free(&out);
        return PN_ENOMEM;
    }
    pn__buf_free(b);
    *b = out;
    return 0;
}

int pn__chart_target(pn__chart *c)
{
    bool png = strcmp(c->format, "png") == 0;
    double dpi = c->o->geometry.dpi > 0 ? c->o->geometry.dpi : PN_DIAGRAM_DPI;
    int pw = (int)lround(c->w / 72.0 * dpi), ph = (int)lround(c->h / 72.0 * dpi);
    if (png && ((double)pw * ph > 2.0e8 || pw < 1 || ph < 1))
        return pn__chart_invalid(c, "a PNG of %d x %d pixels is too large (or empty): lower --dpi",
                                 pw, ph);
    c->target = png ? cairo_image_surface_create(CAIRO_FORMAT_RGB24, pw, ph)
                    : vector_surface(c->format, &c->bytes, c->w, c->h);
    if (cairo_surface_status(c->target) != CAIRO_STATUS_SUCCESS)
        return PN_ENOMEM;
    int rc = start_drawing(c, c->target);
    if (rc == 0 && png) {
        cairo_scale(c->cr, pw / c->w, ph / c->h);
        cairo_set_source_rgb(c->cr, 1, 1, 1);
        cairo_paint(c->cr);
    }
    return rc;
}

int pn__chart_finish(pn__chart *c, char **out, size_t *len)
{
    pn__buf *b = &c->bytes;
    cairo_show_page(c->cr);
    cairo_status_t st = cairo_status(c->cr);
    cairo_surface_flush(c->target);
    if (strcmp(c->format, "png") == 0 && st == CAIRO_STATUS_SUCCESS)
        st = cairo_surface_write_to_png_stream(c->target, to_buf, b);
    cairo_surface_finish(c->target);
    if (st == CAIRO_STATUS_SUCCESS)
        st = cairo_surface_status(c->target);
    if (st != CAIRO_STATUS_SUCCESS || b->failed) {
        if (st == CAIRO_STATUS_NO_MEMORY || b->failed)
            return PN_ENOMEM;
        pn_diags_add(c->diags, PN_SEVERITY_ERROR, NULL, 0, 0, NULL, "chart",
                     "cairo could not write the %s: %s", c->format, cairo_status_to_string(st));
        return PN_EIO;
    }
    if (strcmp(c->format, "eps") == 0 || strcmp(c->format, "ps") == 0)
        pn__fix_ps_date(b->data, b->len);
    if (strcmp(c->format, "svg") == 0 && renumber_surfaces(b) != 0)
        return PN_ENOMEM;
    pn__buf_add(b, "", 1);
    if (b->failed)
        return PN_ENOMEM;
    *out = b->data;
    if (len)
        *len = b->len - 1;
    pn__buf_init(b); /* the caller owns the bytes */
    return 0;
}
