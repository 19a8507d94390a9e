/* The formats by name and extension, and reading or writing a dataset in
 * one chosen by its pn_format: the entry above the codecs (formats/), the
 * dataset store (store/) and the diagram builder (draw/, for DOT), so that
 * none of those calls another layer's dispatcher. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "draw/style.h"
#include "formats/interchange_private.h"
#include "paranet/diagram.h"
#include "paranet/io.h"

static const char *const format_names[] = {"json", "graphml", "gexf", "csv", "dot"};

pn_format pn_format_parse(const char *name)
{
    if (!name)
        return PN_FORMAT_UNKNOWN;
    for (size_t i = 0; i < sizeof(format_names) / sizeof(format_names[0]); i++)
        if (strcasecmp(name, format_names[i]) == 0)
            return (pn_format)i;
    return PN_FORMAT_UNKNOWN;
}

const char *pn_format_name(pn_format format)
{
    if (format < 0 || (size_t)format >= sizeof(format_names) / sizeof(format_names[0]))
        return "unknown";
    return format_names[format];
}

pn_format pn_format_from_path(const char *path)
{
    static const struct {
        const char *ext;
        pn_format format;
    } exts[] = {
        {"json", PN_FORMAT_JSON}, {"graphml", PN_FORMAT_GRAPHML}, {"xml", PN_FORMAT_GRAPHML},
        {"gexf", PN_FORMAT_GEXF}, {"csv", PN_FORMAT_CSV},         {"tsv", PN_FORMAT_CSV},
        {"txt", PN_FORMAT_CSV},   {"dot", PN_FORMAT_DOT},         {"gv", PN_FORMAT_DOT}};
    if (!path || !*path)
        return PN_FORMAT_UNKNOWN;
    size_t n = strlen(path);
    if (path[n - 1] == '/')
        return PN_FORMAT_CSV;
    const char *slash = strrchr(path, '/');
    const char *dot = strrchr(path, '.');
    if (!dot || (slash && dot < slash))
        return PN_FORMAT_UNKNOWN;
    for (size_t i = 0; i < sizeof(exts) / sizeof(exts[0]); i++)
        if (strcasecmp(dot + 1, exts[i].ext) == 0)
            return exts[i].format;
    return PN_FORMAT_UNKNOWN;
}

/* GEXF's viz: the fill colour the diagrams give each actor (by country, in
 * the colour theme) and the size they give it with --size-by degree, so
 * that Gephi opens the network looking as paranet draws it. Every tie
 * counts, whatever its basis, as in every export. */
static int gexf_visuals(const pn_dataset *ds, unsigned **colour, double **size, pn_diags *diags)
{
    size_t n = pn_dataset_actor_count(ds);
    *colour = malloc((n + 1) * sizeof(unsigned));
    *size = malloc((n + 1) * sizeof(double));
    if (!*colour || !*size)
        return PN_ENOMEM;
    pn_diagram_options o = PN_DIAGRAM_OPTIONS_INIT;
    o.view.bases = PN_VIEW_BASES_ALL;
    o.size_by = "degree";
    pn__scene s;
    int rc = pn__scene_open(&s, ds, &o, diags);
    if (rc == 0)
        rc = pn__scene_style(&s);
    for (size_t i = 0; rc == 0 && i < n; i++) {
        pn__actor_look look;
        pn__actor_look_of(&s, i, &look);
        (*colour)[i] = (unsigned)strtoul(look.fill + 1, NULL, 16);
        (*size)[i] = look.font_size > 0 ? look.font_size : 10.0;
    }
    pn__scene_free(&s);
    return rc;
}

static int gexf_export(const pn_dataset *ds, char **out, size_t *len, pn_diags *diags)
{
    unsigned *colour = NULL;
    double *size = NULL;
    int rc = gexf_visuals(ds, &colour, &size, diags);
    pn__gexf_viz viz = {colour, size};
    if (rc == 0)
        rc = pn__gexf_write_viz(ds, &viz, out, len, diags);
    free(colour);
    free(size);
    return rc;
}

int pn_gexf_write(const pn_dataset *ds, char **out, size_t *len)
{
    return gexf_export(ds, out, len, NULL);
}

int pn_export_buffer(const pn_dataset *ds, pn_format format, char **out, size_t *len,
                     pn_diags *diags)
{
    switch (format) {
    case PN_FORMAT_JSON:
        return pn_dataset_save_buffer(ds, out, len);
    case PN_FORMAT_GRAPHML:
        return pn__graphml_write(ds, out, len, diags);
    case PN_FORMAT_GEXF:
        return gexf_export(ds, out, len, diags);
    case PN_FORMAT_DOT: {
        /* An export holds every tie, whatever it rests on (a view leaves
         * recommended and proposed ones out). */
        pn_diagram_options opts = PN_DIAGRAM_OPTIONS_INIT;
        opts.view.bases = PN_VIEW_BASES_ALL;
        size_t n = 0;
        int rc = pn_diagram_render(ds, &opts, "dot", out, &n, diags);
        if (rc == 0 && len)
            *len = n;
        return rc;
    }
    default:
        return PN_EINVAL;
    }
}

int pn_import_buffer(pn_dataset **out, pn_format format, const char *data, size_t len,
                     const pn_import_options *opts, pn_diags *diags)
{
    pn_import_options defaults = PN_IMPORT_OPTIONS_INIT;
    if (!opts)
        opts = &defaults;
    if (format == PN_FORMAT_JSON)
        return pn_dataset_load_buffer(out, data, len, &opts->load, diags);
    if (format == PN_FORMAT_GRAPHML)
        return pn_graphml_load(out, data, len, opts, diags);
    if (format == PN_FORMAT_GEXF)
        return pn_gexf_load(out, data, len, opts, diags);
    return PN_EINVAL;
}
