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
