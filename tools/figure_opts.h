/* The options of the commands that draw a figure (render, timeline, mixing): the
 * size on paper and the output file's extension (docs/render.md). */
#ifndef PN_FIGURE_OPTS_H
#define PN_FIGURE_OPTS_H

#include <getopt.h> /* FIG_CHART_LONG_OPTIONS */
#include <stddef.h>

/* The extension of an output file name ("pdf" of "out/fig.pdf"), or NULL. */
const char *fig_extension(const char *path);

/* --width and --height: a length with its unit, from 1 cm to 5 m, into *out
 * (points). EXIT_OK, or EXIT_USAGE after "paranet CMD: --OPTION: ...". */
int fig_length_option(const char *command, const char *option, const char *arg, double *out);

/* --font-size: points, "8" or "8pt", from 4 to 72. */
int fig_font_size_option(const char *command, const char *arg, double *out);

/* --dpi: 36 to 2400. */
int fig_dpi_option(const char *command, const char *arg, double *out);

/* The options of a chart (timeline, mixing): their codes, past any
 * command's own (which stay under FIG_OPT_THEME), and their long options,
 * to put in a command's table. */
enum {
    FIG_OPT_THEME = 0x1000,
    FIG_OPT_TITLE,
    FIG_OPT_WIDTH,
    FIG_OPT_HEIGHT,
    FIG_OPT_FONT_SIZE,
    FIG_OPT_DPI,
    FIG_OPT_END
};
#define FIG_CHART_LONG_OPTIONS                                                                     \
    {"theme", required_argument, NULL, FIG_OPT_THEME},                                             \
        {"title", required_argument, NULL, FIG_OPT_TITLE},                                         \
        {"width", required_argument, NULL, FIG_OPT_WIDTH},                                         \
        {"height", required_argument, NULL, FIG_OPT_HEIGHT},                                       \
        {"font-size", required_argument, NULL, FIG_OPT_FONT_SIZE},                                 \
    {                                                                                              \
        "dpi", required_argument, NULL, FIG_OPT_DPI                                                \
    }

struct pn_chart_options;

/* A chart option (c from FIG_OPT_THEME to FIG_OPT_END) into *co. EXIT_OK,
 * or EXIT_USAGE after the message. */
int fig_chart_option(const char *command, int c, const char *arg, struct pn_chart_options *co);

/* -o for a chart: a file whose extension names a chart format (*format:
 * pn_chart_format_name's), not standard output; NULL output: *format NULL.
 * what: "chart", "heat map" (in the messages). EXIT_OK or EXIT_USAGE. */
int fig_chart_output(const char *command, const char *output, const char *what,
                     const char **format);

#endif
