/* What the charts share (chart.c): the drawing, its text and inks, the
 * axes, the legend and the output. A chart's text is measured on a cairo
 * recording surface while its size is worked out, then it is drawn, in
 * points, onto the surface of its format at that size (pn__chart_target).
 * Not drawn on the recording surface and replayed: cairo's SVG names a
 * replayed surface by a process-wide counter, so a second chart would
 * differ from the first. */
#ifndef PN_DRAW_CHART_PRIVATE_H
#define PN_DRAW_CHART_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>

#include <cairo.h>
#include <pango/pangocairo.h>

#include "paranet/chart.h"
#include "core/util.h"
#include "draw/style.h"

typedef struct pn__chart {
    const pn_chart_options *o;
    const pn__theme *th;
    const char *format;      /* canonical */
    double font;             /* pt on paper */
    double w, h;             /* the figure, pt; h 0: from the content */
    cairo_surface_t *rec;    /* for measuring */
    cairo_surface_t *target; /* drawn on */
    pn__buf bytes;           /* what the target wrote */
    cairo_t *cr;
    PangoLayout *layout;
    pn_diags *diags;
} pn__chart;

/* Check the options and the format and open the drawing. Free with
 * pn__chart_close, also after a failure. 0, PN_EINVAL (a message) or
 * PN_ENOMEM. */
int pn__chart_open(pn__chart *c, const pn_chart_options *o, const char *format, pn_diags *diags);
void pn__chart_close(pn__chart *c);

/* An error message and PN_EINVAL. */
int pn__chart_invalid(pn__chart *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Text at `scale` times the font size: its width and height in points. */
double pn__chart_text_width(pn__chart *c, const char *text, double scale);
double pn__chart_text_height(pn__chart *c, double scale);

/* Text at (x, y): ax, ay the anchor in the text's box (0 left/top, 0.5
 * centre, 1 right/bottom), turned by angle (radians, counter-clockwise:
 * -M_PI/2 reads upwards... see chart.c); in rgb. */
void pn__chart_text(pn__chart *c, double x, double y, const char *text, double scale, double ax,
                    double ay, double angle, unsigned rgb, bool bold);

void pn__chart_rgb(pn__chart *c, unsigned rgb);
/* The theme's ink and faint ink as 0xRRGGBB. */
unsigned pn__chart_ink(const pn__chart *c);
unsigned pn__chart_faint(const pn__chart *c);

/* The fill of series i of n (the last one is "other" when `other`): the
 * diagrams' palette and the rest of Paul Tol's light scheme in colour,
 * grays apart from their neighbours on paper. */
unsigned pn__chart_series_fill(const pn__chart *c, size_t i, bool other);

/* A tick step for an axis from 0 to max with about `want` ticks: 1, 2 or
 * 5 times a power of ten (at least `min_step`). */
double pn__chart_nice_step(double max, double want, double min_step);

/* The years' step on an x axis of n years, px points each, so that labels
 * of width label_w do not touch: 1, 2, 5, 10, 20, 50, 100 ... */
int pn__chart_year_step(double px, double label_w);

/* The title (if any) at the top, and the height it takes. */
double pn__chart_title_height(pn__chart *c);
void pn__chart_title(pn__chart *c);
/* The note (if any) at the bottom, above y: the height it takes. */
double pn__chart_note_height(pn__chart *c);
void pn__chart_note(pn__chart *c, double y);

/* The surface of the format at c->w x c->h, drawn on from now. */
int pn__chart_target(pn__chart *c);

/* Write the drawing in its format. */
int pn__chart_finish(pn__chart *c, char **out, size_t *len);

#endif
