/* paranet: charts of plain data, drawn with cairo and pango (docs/timeline.md).
 *
 * Three charts, each from numbers and labels the caller gives (no dataset),
 * so that any command can draw one:
 *   - pn_chart_stacked: stacked bars (or areas, past 30 years) of counts per
 *     year, one series per group, the series past the top N merged into one
 *     "other" (ties in force per year by type, instrument, country ...);
 *   - pn_chart_ladder: a dated timeline, one row per label (an actor's
 *     partners), marks in the years of its events, each labelled, bars over
 *     spans (a ladder of visit, letter of intent, MoU ...);
 *   - pn_chart_heatmap: a row x column matrix of numbers (group x group
 *     mixing counts) as coloured cells with their values and a colour scale.
 *
 * The style and the print sizing are the diagrams' (docs/render.md): the
 * theme's font and inks (paper: grays only, serif), lengths in points, text
 * at geometry.font_size points on paper (default 8), a PNG of the size in
 * inches times geometry.dpi pixels. Formats: "svg", "pdf", "png", "eps",
 * "ps". The output is the same bytes for the same input: no dates (a PDF's
 * creation date is 1970-01-01, a PostScript one's too), no random ids.
 * Pango's font map is pango's process-wide state: do not draw from two
 * threads at once.
 */
#ifndef PARANET_CHART_H
#define PARANET_CHART_H

#include <stdbool.h>
#include <stddef.h>

#include "paranet/common.h"
#include "paranet/diagram.h"
#include "paranet/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Options of every chart. Initialise with PN_CHART_OPTIONS_INIT.
 * geometry: width 0 is PN_DIAGRAM_PAGE_WIDTH (16 cm); height 0 is what the
 * chart needs (the stacked chart: 0.55 times the width; the ladder and the
 * heat map: their rows); both given: exactly that size. font_size and dpi
 * as for diagrams (0: 8 pt, 300 dpi). Strings borrowed, NULL for none.
 */
typedef struct pn_chart_options {
    pn_diagram_theme theme;
    pn_diagram_geometry geometry;
    const char *title;   /**< above the chart */
    const char *x_label; /**< under the x axis */
    const char *y_label; /**< beside the y axis */
    const char *note;    /**< a line under the chart (what it leaves out) */
    bool legend;         /**< the stacked chart's legend, the heat map's scale */
    size_t top;          /**< stacked: series past the first `top` (by total) are merged; 0: none */
    const char *other;   /**< the merged series' label; NULL: "other" */
} pn_chart_options;

#define PN_CHART_OPTIONS_INIT                                                                      \
    {                                                                                              \
        PN_THEME_COLOR, {0, 0, 0, 0}, NULL, NULL, NULL, NULL, true, 0, NULL                        \
    }

/** The chart formats, "svg, pdf, png, eps, ps". Static. */
PN_EXTERN const char *pn_chart_formats(void);

/** A chart format's canonical name ("svg" for "SVG"), or NULL when not written. */
PN_EXTERN const char *pn_chart_format_name(const char *name);

/** One series of a stacked chart: its label and n_years values (>= 0, finite). */
typedef struct pn_chart_series {
    const char *label;
    const double *values;
} pn_chart_series;

/**
 * A stacked chart of values per year: years first_year ... first_year +
 * n_years - 1 on the x axis, the series stacked in the order given (the
 * first at the bottom), the legend in the order of the stack (top first);
 * a series that is 0 in every year is neither drawn nor in the legend.
 * With opts->top, the `top` series of the largest totals are kept (in their
 * order) and the rest summed into one "other" series on top.
 * @param[out] out the bytes, owned by the caller (free()); NUL-terminated,
 * the NUL not counted in *len.
 * @return 0; PN_EINVAL (a message in diags) for no series, no years, a
 * negative or non-finite value, a NULL label, an unknown format or a
 * geometry out of range; PN_ENOMEM; PN_EIO when cairo fails.
 * O(S * Y) for S series and Y years.
 */
PN_EXTERN int pn_chart_stacked(const pn_chart_options *opts, int first_year, size_t n_years,
                               const pn_chart_series *series, size_t n_series, const char *format,
                               char **out, size_t *len, pn_diags *diags);

/** How a ladder mark is drawn. */
typedef enum pn_chart_mark_style {
    PN_CHART_MARK_FILLED, /**< a filled dot: the tie came into force that year */
    PN_CHART_MARK_HOLLOW, /**< a hollow dot: planned or failed, never in force */
    PN_CHART_MARK_END,    /**< a bar across the row: the span ended that year */
    PN_CHART_MARK_LINE /**< no mark, the span's line only, from the axis's start: it started before
                        */
} pn_chart_mark_style;

/**
 * One mark of a ladder chart: in row `row`, year `year`, with a label
 * above it (marks of one row and year share one label: their labels joined
 * by ", ", each once). until: the last year of a span from year, drawn as a
 * line (0: none; -1: open, the line runs to the last year with an arrow).
 */
typedef struct pn_chart_mark {
    size_t row;
    int year;
    int until;
    const char *label; /**< or NULL */
    pn_chart_mark_style style;
} pn_chart_mark;

/**
 * A dated timeline: one row per rows[i] (top to bottom), years first_year
 * to last_year on the x axis, the marks in their rows. Labels of
 * neighbouring years alternate above and below their marks, so that they do
 * not run into each other.
 * @return as pn_chart_stacked; PN_EINVAL also for no rows, last_year before
 * first_year, or a mark out of the rows or the years.
 * O(M log M + R) for M marks and R rows.
 */
PN_EXTERN int pn_chart_ladder(const pn_chart_options *opts, const char *const *rows, size_t n_rows,
                              const pn_chart_mark *marks, size_t n_marks, int first_year,
                              int last_year, const char *format, char **out, size_t *len,
                              pn_diags *diags);

/**
 * A heat map of an n_rows x n_cols matrix (cells row-major, finite; NaN is
 * an empty cell): row labels on the left, column labels over the columns
 * (turned upright when they are wider than a cell), each cell coloured on a
 * scale from 0 (or the smallest value, when negative) to the largest, its
 * value written in it with `decimals` digits after the point, and the scale
 * beside it (opts->legend).
 * @return as pn_chart_stacked; PN_EINVAL also for no rows or columns, a
 * NULL label or an infinite value. O(R * C).
 */
PN_EXTERN int pn_chart_heatmap(const pn_chart_options *opts, const char *const *row_labels,
                               size_t n_rows, const char *const *col_labels, size_t n_cols,
                               const double *cells, int decimals, const char *format, char **out,
                               size_t *len, pn_diags *diags);

#ifdef __cplusplus
}
#endif

#endif
