/* GraphML out: every field as a typed <key>; actors are nodes, ties are
 * edges (parallel ones kept), the sources table is JSON text in a graph
 * key. graphml_read.c reads it back.
 *
 * Layout 2 (docs/formats.md, "GraphML"), for R igraph, python-igraph,
 * NetworkX, graph-tool and Gephi: node id and key "name" = the actor id
 * (igraph takes the vertex name from "name"), key "label" = the display
 * name; with any directed tie the graph is directed and every edge goes
 * from its tie's from to its to, the undirected ties saying so in their
 * "directed" key. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/dataset_private.h"
#include "formats/interchange_private.h"

static const char *known_type(const char *record, const char *key)
{
    switch (pn__ix_ftype(record, key)) {
    case PN__F_INT:
        return "int";
    case PN__F_REAL:
        return "double";
    case PN__F_BOOL:
        return "boolean";
    default:
        return "string";
    }
}

/* The extra fields of a record kind, in first-seen order, each with the
 * narrowest GraphML type every value fits (pn__ix_keys_records collects
 * them and their values' types in one visit of each record). */
typedef struct keyset {
    pn__ix_keys keys;
    const char **types; /* keys.n entries */
} keyset;

static void keyset_init(keyset *k)
{
    pn__ix_keys_init(&k->keys);
    k->types = NULL;
}

static void keyset_free(keyset *k)
{
    pn__ix_keys_free(&k->keys);
    free(k->types);
}

/* An extra field that GraphML readers should see as a number whatever its
 * values: coordinates (an actor at lat 0 is still at a real latitude). */
static bool always_real(const char *record, const char *name)
{
    static const char *const coords[] = {"lat", "lon", "latitude", "longitude", NULL};
    return strcmp(record, PN__REC_ACTOR) == 0 && pn__field_known(coords, name);
}

static bool collect_extras(keyset *k, json_t *records, const char *record)
{
    if (pn__ix_keys_records(&k->keys, records, record) != 0)
        return false;
    size_t n = k->keys.n;
    k->types = malloc((n ? n : 1) * sizeof(*k->types));
    if (!k->types)
        return false;
    for (size_t j = 0; j < n; j++) {
        unsigned char f = k->keys.flags[j];
        k->types[j] = !(f & PN__IX_NOT_INT) && !always_real(record, k->keys.names[j]) ? "long"
                      : !(f & PN__IX_NOT_NUM)                                         ? "double"
                      : !(f & PN__IX_NOT_BOOL)                                        ? "boolean"
                                                                                      : "string";
    }
    return true;
}

/* escape: an extra field's name, given one '_' more when it is one of the
 * names paranet's own keys take (pn__ix_gml_reserved). */
static void write_key(pn__buf *b, const char *id, const char *domain, const char *name,
                      const char *type, const char *record)
{
    pn__buf_printf(b, "  <key id=\"%s\" for=\"%s\" attr.name=\"", id, domain);
    if (record && pn__ix_gml_reserved(record, name))
        pn__buf_puts(b, "_");
    pn__ix_xml(b, name, true);
    pn__buf_printf(b, "\" attr.type=\"%s\"/>\n", type);
}

static void write_data(pn__buf *b, const char *indent, const char *id, json_t *v, pn__ftype t)
{
    if (!v)
        return;
    pn__buf text;
    pn__buf_init(&text);
    pn__ix_encode(&text, v, t);
    if (text.failed)
        b->failed = true;
    pn__buf_printf(b, "%s<data key=\"%s\">", indent, id);
    pn__buf_add(&text, "", 0);
    pn__ix_xml(b, text.data ? text.data : "", false);
    pn__buf_puts(b, "</data>\n");
    pn__buf_free(&text);
}

/* Known fields, then extras, of one record as <data> elements. */
static void write_fields(pn__buf *b, json_t *o, const char *record, const char *prefix,
                         const keyset *extras, const char *skip)
{
    const char *const *known = pn__ix_fields(record);
    char id[64];
    for (; *known; known++) {
        if (strcmp(*known, skip) == 0 || strcmp(*known, "id") == 0 || strcmp(*known, "from") == 0 ||
            strcmp(*known, "to") == 0)
            continue;
        snprintf(id, sizeof(id), "%s_%s", prefix, *known);
        write_data(b, "      ", id, json_object_get(o, *known), pn__ix_ftype(record, *known));
    }
    /* Only the extras the record has: a field of one record in a thousand
     * costs one <data>, not a thousand empty ones. */
    size_t n = pn__ix_keys_of(&extras->keys, o);
    for (size_t j = 0; j < n; j++) {
        size_t i = extras->keys.scratch[j];
        snprintf(id, sizeof(id), "%s_x%zu", prefix, i);
        json_t *v = json_object_get(o, extras->keys.names[i]);
        /* Typed keys hold their values as they are; string keys use the
         * extra-field rule (JSON text unless a plain string). */
        bool typed = strcmp(extras->types[i], "string") != 0;
        write_data(b, "      ", id, v, typed ? PN__F_REAL : PN__F_EXTRA);
    }
}

int pn_graphml_write(const pn_dataset *ds, char **out, size_t *len)
{
    return pn__graphml_write(ds, out, len, NULL);
}

int pn__graphml_write(const pn_dataset *ds, char **out, size_t *len, pn_diags *diags)
{
    json_t *root = pn__ix_tree(ds);
    if (!root)
        return PN_ENOMEM;
    int checked = pn__xml_check_tree(root, "GraphML", true, diags);
    if (checked != 0) {
        json_decref(root);
        return checked;
    }
    json_t *actors = json_object_get(root, "actors"), *ties = json_object_get(root, "ties");
    keyset gx, vx, ex;
    keyset_init(&gx);
    keyset_init(&vx);
    keyset_init(&ex);
    pn__buf b;
    pn__buf_init(&b);
    int rc = 0;
    /* The dataset's extra fields are the top-level keys it does not know. */
    json_t *top = json_array();
    json_t *extra_top = json_object();
    const char *key;
    json_t *v;
    if (!top || !extra_top) {
        rc = PN_ENOMEM;
        goto cleanup;
    }
    json_object_foreach(root, key, v)
    {
        if (!pn__field_known(pn__dataset_fields, key))
            json_object_set(extra_top, key, v);
    }
    json_array_append(top, extra_top);
    if (!collect_extras(&gx, top, PN__REC_DATASET) || !collect_extras(&vx, actors, PN__REC_ACTOR) ||
        !collect_extras(&ex, ties, PN__REC_TIE)) {
        rc = PN_ENOMEM;
        goto cleanup;
    }
    /* Directed as soon as one tie is: a reader of an undirected graph
     * (R igraph, NetworkX) would put a directed tie's ends in any order. */
    bool any_directed = false;
    /* No weight, since or until key unless a tie has one: readers (R igraph)
     * take a declared number missing on every edge for NaN. since and until
     * are ints when every value is a plain year (a JSON integer). */
    bool weighted = false, dated[2] = {false, false}, years[2] = {true, true};
    static const char *const dates[2] = {"since", "until"};
    size_t i;
    json_t *o;
    json_array_foreach(ties, i, o)
    {
        any_directed |= json_is_true(json_object_get(o, "directed"));
        weighted |= json_object_get(o, "weight") != NULL;
        for (int d = 0; d < 2; d++) {
            json_t *when = json_object_get(o, dates[d]);
            dated[d] |= when != NULL;
            years[d] &= !when || json_is_integer(when);
        }
    }

    pn__buf_puts(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                     "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
                     "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
                     "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
                     "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
    pn__buf_printf(&b,
                   "  <!-- written by paranet %s; the fields are described in "
                   "docs/formats.md -->\n",
                   PN_VERSION);
    char id[64];
    write_key(&b, "g_paranet", "graph", "paranet", "int", NULL);
    write_key(&b, "g_layout", "graph", PN__GML_LAYOUT, "int", NULL);
    write_key(&b, "g_title", "graph", "title", "string", NULL);
    write_key(&b, "g_description", "graph", "description", "string", NULL);
    write_key(&b, "g_aggregate", "graph", "aggregate", "string", NULL);
    write_key(&b, "g_sources", "graph", "sources", "string", NULL);
    for (size_t k = 0; k < gx.keys.n; k++) {
        snprintf(id, sizeof(id), "g_x%zu", k);
        write_key(&b, id, "graph", gx.keys.names[k], gx.types[k], PN__REC_DATASET);
    }
    /* name: the actor id again, for igraph's vertex names; label: the
     * display name, which Gephi and yEd show. */
    write_key(&b, "v_name", "node", "name", "string", NULL);
    write_key(&b, "v_label", "node", "label", "string", NULL);
    /* No lat or lon key unless an actor has coordinates, for the same reason
     * as the weight's, and so that a dataset without them is written as
     * before they were in the format. */
    bool located = false;
    json_array_foreach(actors, i, o) located |= json_object_get(o, "lat") != NULL;
    for (const char *const *f = pn__actor_fields; *f; f++) {
        if (strcmp(*f, "id") == 0 || strcmp(*f, "name") == 0 ||
            (!located && (strcmp(*f, "lat") == 0 || strcmp(*f, "lon") == 0)))
            continue;
        snprintf(id, sizeof(id), "v_%s", *f);
        write_key(&b, id, "node", *f, known_type(PN__REC_ACTOR, *f), NULL);
    }
    for (size_t k = 0; k < vx.keys.n; k++) {
        snprintf(id, sizeof(id), "v_x%zu", k);
        write_key(&b, id, "node", vx.keys.names[k], vx.types[k], PN__REC_ACTOR);
    }
    for (const char *const *f = pn__tie_fields; *f; f++) {
        if (strcmp(*f, "id") == 0 || strcmp(*f, "from") == 0 || strcmp(*f, "to") == 0 ||
            (!weighted && strcmp(*f, "weight") == 0))
            continue;
        const char *type = known_type(PN__REC_TIE, *f);
        for (int d = 0; d < 2; d++) {
            if (strcmp(*f, dates[d]) == 0) {
                type = years[d] ? "int" : type;
                if (!dated[d])
                    type = NULL;
            }
        }
        if (!type)
            continue;
        snprintf(id, sizeof(id), "e_%s", *f);
        write_key(&b, id, "edge", *f, type, NULL);
    }
    for (size_t k = 0; k < ex.keys.n; k++) {
        snprintf(id, sizeof(id), "e_x%zu", k);
        write_key(&b, id, "edge", ex.keys.names[k], ex.types[k], PN__REC_TIE);
    }
    pn__buf_printf(&b, "  <graph id=\"G\" edgedefault=\"%s\">\n",
                   any_directed ? "directed" : "undirected");
    pn__buf_printf(&b, "    <data key=\"g_paranet\">%d</data>\n", PN_FORMAT_VERSION);
    pn__buf_printf(&b, "    <data key=\"g_layout\">%d</data>\n", PN__GML_LAYOUT_VERSION);
    write_data(&b, "    ", "g_title", json_object_get(root, "title"), PN__F_STRING);
    write_data(&b, "    ", "g_description", json_object_get(root, "description"), PN__F_STRING);
    write_data(&b, "    ", "g_aggregate", json_object_get(root, "aggregate"), PN__F_STRING);
    json_t *sources = json_object_get(root, "sources");
    if (json_array_size(sources) > 0) {
        char *text = json_dumps(sources, JSON_COMPACT);
        if (!text) {
            rc = PN_ENOMEM;
            goto cleanup;
        }
        pn__buf_puts(&b, "    <data key=\"g_sources\">");
        pn__ix_xml(&b, text, false);
        pn__buf_puts(&b, "</data>\n");
        free(text);
    }
    for (size_t k = 0; k < gx.keys.n; k++) {
        snprintf(id, sizeof(id), "g_x%zu", k);
        bool typed = strcmp(gx.types[k], "string") != 0;
        write_data(&b, "    ", id, json_object_get(extra_top, gx.keys.names[k]),
                   typed ? PN__F_REAL : PN__F_EXTRA);
    }
    json_array_foreach(actors, i, o)
    {
        pn__buf_puts(&b, "    <node id=\"");
        pn__ix_xml(&b, json_string_value(json_object_get(o, "id")), true);
        pn__buf_puts(&b, "\">\n");
        write_data(&b, "      ", "v_name", json_object_get(o, "id"), PN__F_STRING);
        write_data(&b, "      ", "v_label", json_object_get(o, "name"), PN__F_STRING);
        write_fields(&b, o, PN__REC_ACTOR, "v", &vx, "name");
        pn__buf_puts(&b, "    </node>\n");
    }
    json_array_foreach(ties, i, o)
    {
        json_t *tid = json_object_get(o, "id");
        pn__buf_puts(&b, "    <edge");
        if (tid) {
            pn__buf_puts(&b, " id=\"");
            pn__ix_xml(&b, json_string_value(tid), true);
            pn__buf_puts(&b, "\"");
        }
        pn__buf_puts(&b, " source=\"");
        pn__ix_xml(&b, json_string_value(json_object_get(o, "from")), true);
        pn__buf_puts(&b, "\" target=\"");
        pn__ix_xml(&b, json_string_value(json_object_get(o, "to")), true);
        pn__buf_puts(&b, "\">\n");
        /* directed is written on every edge, so that a reader need not
         * guess it from edgedefault. */
        if (!json_object_get(o, "directed"))
            json_object_set_new(o, "directed", json_false());
        write_fields(&b, o, PN__REC_TIE, "e", &ex, "");
        pn__buf_puts(&b, "    </edge>\n");
    }
    pn__buf_puts(&b, "  </graph>\n</graphml>\n");
    if (b.failed)
        rc = PN_ENOMEM;

cleanup:
    json_decref(top);
    json_decref(extra_top);
    json_decref(root);
    keyset_free(&gx);
    keyset_free(&vx);
    keyset_free(&ex);
    if (rc == 0) {
        *out = b.data;
        if (len)
            *len = b.len;
    } else {
        pn__buf_free(&b);
    }
    return rc;
}
