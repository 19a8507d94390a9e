/* The options of the commands that draw a figure (figure_opts.h). */
#include "figure_opts.h"

#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "paranet.h"

const char *fig_extension(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    return dot && dot > base && dot[1] ? dot + 1 : NULL;
}

int fig_length_option(const char *command, const char *option, const char *arg, double *out)
{
    if (pn_diagram_length_parse(arg, out) != 0)
        return cli_usage_error(command,
                               "--%s: expected a length with a unit: cm, mm, in or pt, e.g. "
                               "16cm (got '%s')",
                               option, arg);
    if (*out < PN_DIAGRAM_LENGTH_MIN || *out > PN_DIAGRAM_LENGTH_MAX)
        return cli_usage_error(command, "--%s must be from 1cm to 5m (got '%s')", option, arg);
    return EXIT_OK;
}

int fig_font_size_option(const char *command, const char *arg, double *out)
{
    char *end = NULL;
    double v = strtod(arg, &end);
    if (end == arg || (*end && strcmp(end, "pt") != 0) || !(v >= 4.0 && v <= 72.0))
        return cli_usage_error(command,
                               "--font-size needs a size in points from 4 to 72, e.g. 8 (got "
                               "'%s')",
                               arg);
    *out = v;
    return EXIT_OK;
}

int fig_dpi_option(const char *command, const char *arg, double *out)
{
    long number;
    if (!cli_parse_long(arg, 36, 2400, &number))
        return cli_usage_error(command, "--dpi needs a number from 36 to 2400 (got '%s')", arg);
    *out = (double)number;
    return EXIT_OK;
}

int fig_chart_option(const char *command, int c, const char *arg, pn_chart_options *co)
{
    switch (c) {
    case FIG_OPT_THEME: {
        int v = pn_diagram_option_parse("theme", arg);
        if (v < 0)
            return cli_usage_error(command, "--theme must be one of color|paper (got '%s')", arg);
        co->theme = (pn_diagram_theme)v;
        return EXIT_OK;
    }
    case FIG_OPT_TITLE:
        co->title = arg;
        return EXIT_OK;
    case FIG_OPT_WIDTH:
        return fig_length_option(command, "width", arg, &co->geometry.width);
    case FIG_OPT_HEIGHT:
        return fig_length_option(command, "height", arg, &co->geometry.height);
    case FIG_OPT_FONT_SIZE:
        return fig_font_size_option(command, arg, &co->geometry.font_size);
    case FIG_OPT_DPI:
        return fig_dpi_option(command, arg, &co->geometry.dpi);
    default:
        return EXIT_USAGE;
    }
}

int fig_chart_output(const char *command, const char *output, const char *what, const char **format)
{
    *format = NULL;
    if (!output)
        return EXIT_OK;
    if (strcmp(output, "-") == 0)
        return cli_usage_error(command,
                               "-o: the %s goes to a file (FILE.svg, .pdf, .png, .eps or .ps); "
                               "without -o the table%s to standard output",
                               what, strcmp(what, "chart") == 0 ? " goes" : "s go");
    const char *ext = fig_extension(output);
    *format = ext ? pn_chart_format_name(ext) : NULL;
    if (!*format)
        return cli_usage_error(command,
                               "-o: cannot draw a %s into '%s': give a name ending in one of %s",
                               what, output, pn_chart_formats());
    return EXIT_OK;
}
