/* The options of the commands that draw a figure (render, timeline): the
 * size on paper and the output file's extension (docs/render.md). */
#ifndef PN_FIGURE_OPTS_H
#define PN_FIGURE_OPTS_H

/* The extension of an output file name ("pdf" of "out/fig.pdf"), or NULL. */
const char *fig_extension(const char *path);

/* --width and --height: a length with its unit, from 1 cm to 5 m, into *out
 * (points). EXIT_OK, or EXIT_USAGE after "paranet CMD: --OPTION: ...". */
int fig_length_option(const char *command, const char *option, const char *arg, double *out);

/* --font-size: points, "8" or "8pt", from 4 to 72. */
int fig_font_size_option(const char *command, const char *arg, double *out);

/* --dpi: 36 to 2400. */
int fig_dpi_option(const char *command, const char *arg, double *out);

#endif
