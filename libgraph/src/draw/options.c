/* The diagram options' names, as the CLI spells them ("fdp",
 * "edge-labels"): the public pn_diagram_option_* functions and the layout
 * engines' names that the renderers pass to Graphviz. */
#include "paranet/diagram.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "draw/style.h"

static const char *const layout_names[] = {"dot",   "neato", "fdp", "sfdp",
                                           "circo", "twopi", "geo", NULL};
static const char *const theme_names[] = {"color", "paper", NULL};
static const char *const cluster_names[] = {"country", "kind", "none", NULL};
static const char *const labels_names[] = {"name", "id", "short", NULL};
static const char *const edge_label_names[] = {"none", "instrument", "year", "both", NULL};

static const struct {
    const char *option;
    const char *const *names;
    const char *values;
} option_table[] = {
    {"layout", layout_names, "dot|neato|fdp|sfdp|circo|twopi|geo"},
    {"theme", theme_names, "color|paper"},
    {"cluster", cluster_names, "country|kind|none"},
    {"labels", labels_names, "name|id|short"},
    {"edge-labels", edge_label_names, "none|instrument|year|both"},
};

static const char *const *option_names(const char *option, const char **values)
{
    for (size_t i = 0; option && i < sizeof(option_table) / sizeof(option_table[0]); i++) {
        if (strcmp(option, option_table[i].option) == 0) {
            if (values)
                *values = option_table[i].values;
            return option_table[i].names;
        }
    }
    return NULL;
}

int pn_diagram_option_parse(const char *option, const char *value)
{
    const char *const *names = option_names(option, NULL);
    for (int i = 0; names && value && names[i]; i++) {
        if (strcmp(names[i], value) == 0)
            return i;
    }
    return -1;
}

const char *pn_diagram_option_values(const char *option)
{
    const char *values = NULL;
    option_names(option, &values);
    return values;
}

const char *pn_diagram_option_name(const char *option, int value)
{
    const char *const *names = option_names(option, NULL);
    for (int i = 0; names && names[i]; i++) {
        if (i == value)
            return names[i];
    }
    return NULL;
}

const char *pn__layout_name(pn_diagram_layout layout)
{
    /* a map's nodes and edges are placed (geo.c): Graphviz's nop2 engine
     * (neato -n2) keeps both */
    return layout == PN_LAYOUT_GEO ? "nop2" : layout_names[layout];
}

/* The formats written, in the order the messages list them, and the names
 * that stand for them. */
static const char *const format_names[][2] = {{"svg", "svg"}, {"pdf", "pdf"},  {"png", "png"},
                                              {"jpg", "jpg"}, {"jpeg", "jpg"}, {"eps", "eps"},
                                              {"ps", "ps"},   {"dot", "dot"},  {"gv", "dot"}};

const char *pn_diagram_formats(void)
{
    return "svg, pdf, png, jpg, eps, ps, dot";
}

const char *pn_diagram_format_name(const char *name)
{
    for (size_t i = 0; name && i < sizeof(format_names) / sizeof(format_names[0]); i++) {
        if (strcasecmp(name, format_names[i][0]) == 0)
            return format_names[i][1];
    }
    return NULL;
}

int pn_diagram_length_parse(const char *text, double *points)
{
    static const struct {
        const char *unit;
        double points;
    } units[] = {{"cm", 72.0 / 2.54}, {"mm", 72.0 / 25.4}, {"in", 72.0}, {"pt", 1.0}};
    if (!text || !points)
        return PN_EINVAL;
    char *end = NULL;
    double v = strtod(text, &end);
    if (end == text)
        return PN_EINVAL;
    while (*end == ' ')
        end++;
    for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
        if (strcmp(end, units[i].unit) == 0) {
            if (!isfinite(v) || v <= 0.0)
                return PN_EINVAL;
            *points = v * units[i].points;
            return 0;
        }
    }
    return PN_EINVAL;
}
