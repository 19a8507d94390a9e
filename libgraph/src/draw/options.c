/* The diagram options' names, as the CLI spells them ("fdp",
 * "edge-labels"): the public pn_diagram_option_* functions and the layout
 * engines' names that the renderers pass to Graphviz. */
#include "paranet/diagram.h"

#include <string.h>

#include "draw/style.h"

static const char *const layout_names[] = {"dot", "neato", "fdp", "sfdp", "circo", "twopi", NULL};
static const char *const theme_names[] = {"color", "paper", NULL};
static const char *const cluster_names[] = {"country", "kind", "none", NULL};
static const char *const labels_names[] = {"name", "id", "short", NULL};
static const char *const edge_label_names[] = {"none", "instrument", "year", "both", NULL};

static const struct {
    const char *option;
    const char *const *names;
    const char *values;
} option_table[] = {
    {"layout", layout_names, "dot|neato|fdp|sfdp|circo|twopi"},
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
    return layout_names[layout];
}
