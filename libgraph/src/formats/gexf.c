/* GEXF out (GEXF 1.2draft, which NetworkX 2.8 and Gephi both read): actors
 * are nodes (id = actor id, label = name), each tie its own edge (id = tie
 * id, or "#N" for the tie at position N when it has none: '#' is never in a
 * paranet id), every field a typed attribute.
 *
 * Direction: when a tie is directed, defaultedgetype="directed" and every
 * edge runs from its tie's `from` to its `to`; the boolean attribute
 * `directed` (on every edge) tells the undirected ties apart. An edge of
 * type="undirected" in a directed graph would be truer for Gephi, but
 * NetworkX 2.8 refuses the file ("Undirected edge found in directed graph")
 * and type="mutual" makes it two edges (and Gephi an error).
 *
 * Parallel ties: GEXF's `kind` (Gephi's edge type, which Gephi uses to keep
 * parallel edges apart: edges of one pair and one kind are merged) is the
 * tie's type, "type#2", "type#3" ... for the second and later ties of one
 * type between one pair of actors.
 *
 * Time: a dynamic graph whose edges live in the years their ties are in
 * force (pn_tie_span, the rule of --at), as start/end, so that Gephi's
 * timeline plays the network's history. A tie that is never in force
 * (planned, failed) or has no known start (no since) has no lifetime GEXF
 * can state (an edge without start and end lives for the whole timeline):
 * it is written without one and with the attribute timeline = "never" or
 * "undated", which readers and Gephi's filters can use.
 *
 * What GEXF has no place for (the sources table, the dataset's title,
 * description and extra fields) is written as JSON text in a <meta> child
 * of paranet's own namespace, which other readers skip and gexf_read.c
 * reads back. viz:color and viz:size come from the caller (front/, from the
 * diagram style: formats do not call draw). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/dataset_private.h"
#include "formats/interchange_private.h"

/* An interval end as an xsd:date: a year or month widened to its first day
 * (start) or its last (end). */
static bool gexf_date(json_t *v, bool end, char *buf, size_t size)
{
    pn_date d = {0, 0, 0};
    if (json_is_integer(v))
        d.year = (int)json_integer_value(v);
    else if (!json_is_string(v) || pn_date_parse(json_string_value(v), &d) != 0)
        return false;
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int month = d.month ? d.month : (end ? 12 : 1);
    int day = d.day;
    if (!day) {
        day = end ? days[month - 1] : 1;
        bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
        if (end && month == 2 && leap)
            day = 29;
    }
    snprintf(buf, size, "%04d-%02d-%02d", d.year, month, day);
    return true;
}

static void attr_decl(pn__buf *b, const char *id, const char *title, const char *type)
{
    pn__buf_printf(b, "      <attribute id=\"%s\" title=\"", id);
    pn__ix_xml(b, title, true);
    pn__buf_printf(b, "\" type=\"%s\"/>\n", type);
}

static void attvalue(pn__buf *b, const char *id, json_t *v, pn__ftype t)
{
    if (!v)
        return;
    pn__buf text;
    pn__buf_init(&text);
    pn__ix_encode(&text, v, t);
    pn__buf_add(&text, "", 0);
    if (text.failed)
        b->failed = true;
    pn__buf_printf(b, "          <attvalue for=\"%s\" value=\"", id);
    pn__ix_xml(b, text.data ? text.data : "", true);
    pn__buf_puts(b, "\"/>\n");
    pn__buf_free(&text);
}

/* The GEXF type of an extra field from the kinds of its values; a typed
 * attribute holds its values as numbers or booleans, a string one uses the
 * extra-field rule (JSON text unless a plain string). Coordinates are
 * doubles even when every value happens to be whole. */
static const char *extra_type(const char *name, unsigned char flags)
{
    static const char *const coords[] = {"latitude", "longitude", "lat", "lon", "lng", NULL};
    bool coord = false;
    for (size_t i = 0; coords[i]; i++)
        coord |= strcmp(name, coords[i]) == 0;
    return !(flags & PN__IX_NOT_INT) && !coord ? "long"
           : !(flags & PN__IX_NOT_NUM)         ? "double"
           : !(flags & PN__IX_NOT_BOOL)        ? "boolean"
                                               : "string";
}

static void extra_decls(pn__buf *b, const pn__ix_keys *k)
{
    char id[32];
    for (size_t j = 0; j < k->n; j++) {
        snprintf(id, sizeof(id), "x%zu", j);
        attr_decl(b, id, k->names[j], extra_type(k->names[j], k->flags[j]));
    }
}

/* A record's extras as <attvalue>s, in key order: only those it has. */
static void extra_attvalues(pn__buf *b, const pn__ix_keys *k, json_t *o)
{
    size_t n = pn__ix_keys_of(k, o);
    char id[32];
    for (size_t j = 0; j < n; j++) {
        size_t at = k->scratch[j];
        snprintf(id, sizeof(id), "x%zu", at);
        bool typed = strcmp(extra_type(k->names[at], k->flags[at]), "string") != 0;
        attvalue(b, id, json_object_get(o, k->names[at]), typed ? PN__F_REAL : PN__F_EXTRA);
    }
}

static const char *const node_attrs[] = {"kind", "country", "region", "aliases",
                                         "note", "sources", NULL};
static const char *const coord_attrs[] = {"lat", "lon", NULL};
static const char *const edge_attrs[] = {"type",  "instrument", "status",  "basis",
                                         "since", "until",      "sectors", "directed",
                                         "note",  "sources",    NULL};

/* since and until are integers when every value of the field is a plain
 * year (a JSON integer), else strings (2016, 2016-05, 2016-05-12). */
static bool all_years(json_t *ties, const char *key)
{
    size_t i;
    json_t *o;
    json_array_foreach(ties, i, o)
    {
        json_t *v = json_object_get(o, key);
        if (v && !json_is_integer(v))
            return false;
    }
    return true;
}

/* Each tie's kind: its type, with "#2", "#3" ... for the second and later
 * ties of one type between one pair of actors (either direction). */
typedef struct kinds {
    pn__map seen;   /* "lo\x1fhi\x1ftype" (in pool) -> index into counts */
    size_t *counts; /* ties seen so far of each key */
    size_t n;
    pn__pool pool;
    pn__buf key;
} kinds;

static int kind_of(kinds *k, json_t *tie, pn__buf *out)
{
    const char *from = json_string_value(json_object_get(tie, "from"));
    const char *to = json_string_value(json_object_get(tie, "to"));
    const char *type = json_string_value(json_object_get(tie, "type"));
    if (!from || !to || !type)
        return PN_EINTERNAL;
    bool swap = strcmp(from, to) > 0;
    k->key.len = 0;
    pn__buf_printf(&k->key, "%s\x1f%s\x1f%s", swap ? to : from, swap ? from : to, type);
    pn__buf_add(&k->key, "", 0);
    if (k->key.failed)
        return PN_ENOMEM;
    size_t at;
    if (!pn__map_get(&k->seen, k->key.data, &at)) {
        bool failed = false;
        char *key = pn__pool_strdup(&k->pool, k->key.data, &failed);
        if (!key || failed || pn__map_put(&k->seen, key, k->n) < 0)
            return PN_ENOMEM;
        at = k->n++;
        k->counts[at] = 0;
    }
    size_t nth = ++k->counts[at];
    out->len = 0;
    pn__buf_puts(out, type);
    if (nth > 1)
        pn__buf_printf(out, "#%zu", nth);
    pn__buf_add(out, "", 0);
    return out->failed ? PN_ENOMEM : 0;
}

/* viz:color as r, g, b from 0xRRGGBB; viz:size. */
static void node_viz(pn__buf *b, const pn__gexf_viz *viz, size_t i)
{
    if (!viz)
        return;
    if (viz->colour)
        pn__buf_printf(b, "        <viz:color r=\"%u\" g=\"%u\" b=\"%u\"/>\n",
                       (viz->colour[i] >> 16) & 0xFF, (viz->colour[i] >> 8) & 0xFF,
                       viz->colour[i] & 0xFF);
    if (viz->size) {
        pn__buf_puts(b, "        <viz:size value=\"");
        pn__ix_real(b, viz->size[i]);
        pn__buf_puts(b, "\"/>\n");
    }
}

/* What GEXF has no place for, as one JSON object: the dataset's fields but
 * its actors, ties and format version. */
static int dataset_meta(pn__buf *b, json_t *root)
{
    json_t *rest = json_object();
    if (!rest)
        return PN_ENOMEM;
    const char *key;
    json_t *v;
    json_object_foreach(root, key, v)
    {
        if (strcmp(key, "actors") != 0 && strcmp(key, "ties") != 0 && strcmp(key, "paranet") != 0)
            json_object_set(rest, key, v);
    }
    char *text = json_dumps(rest, JSON_COMPACT);
    json_decref(rest);
    if (!text)
        return PN_ENOMEM;
    pn__buf_puts(b, "    <paranet:dataset xmlns:paranet=\"" PN__GEXF_NS_PARANET "\">");
    pn__ix_xml(b, text, false);
    pn__buf_puts(b, "</paranet:dataset>\n");
    free(text);
    return 0;
}

static void write_meta(pn__buf *b, json_t *root)
{
    pn__buf_printf(b, "  <meta>\n    <creator>paranet %s</creator>\n", PN_VERSION);
    json_t *title = json_object_get(root, "title"), *desc = json_object_get(root, "description");
    if (title || desc) {
        /* For people (Gephi shows it); the reader takes the JSON below. */
        pn__buf_puts(b, "    <description>");
        if (title)
            pn__ix_xml(b, json_string_value(title), false);
        if (title && desc)
            pn__buf_puts(b, "\n\n");
        if (desc)
            pn__ix_xml(b, json_string_value(desc), false);
        pn__buf_puts(b, "</description>\n");
    }
}

static void write_edge(pn__buf *b, const pn_dataset *ds, size_t i, json_t *o, const char *kind,
                       const pn__ix_keys *ex, bool years[2])
{
    char start[16], end[16];
    json_t *tid = json_object_get(o, "id");
    pn__buf_puts(b, "      <edge id=\"");
    if (tid)
        pn__ix_xml(b, json_string_value(tid), true);
    else
        pn__buf_printf(b, "#%zu", i);
    pn__buf_puts(b, "\" source=\"");
    pn__ix_xml(b, json_string_value(json_object_get(o, "from")), true);
    pn__buf_puts(b, "\" target=\"");
    pn__ix_xml(b, json_string_value(json_object_get(o, "to")), true);
    pn__buf_puts(b, "\" kind=\"");
    pn__ix_xml(b, kind, true);
    pn__buf_puts(b, "\" label=\"");
    pn__ix_xml(b, json_string_value(json_object_get(o, "type")), true);
    pn__buf_puts(b, "\"");
    json_t *w = json_object_get(o, "weight");
    if (w) {
        pn__buf_puts(b, " weight=\"");
        pn__ix_real(b, json_number_value(w));
        pn__buf_puts(b, "\"");
    }
    int first, last;
    int span = pn_tie_span(pn_dataset_tie(ds, i), &first, &last);
    if (span > 0 && gexf_date(json_object_get(o, "since"), false, start, sizeof(start)))
        pn__buf_printf(b, " start=\"%s\"", start);
    if (span > 0 && gexf_date(json_object_get(o, "until"), true, end, sizeof(end)))
        pn__buf_printf(b, " end=\"%s\"", end);
    else if (span > 0 && last)
        pn__buf_printf(b, " end=\"%04d-12-31\"", last); /* an event: its own year */
    pn__buf_puts(b, ">\n        <attvalues>\n");
    if (span <= 0)
        pn__buf_printf(b, "          <attvalue for=\"timeline\" value=\"%s\"/>\n",
                       span < 0 ? "never" : "undated");
    /* directed on every edge, so that no reader need guess it. */
    if (!json_object_get(o, "directed"))
        json_object_set_new(o, "directed", json_false());
    for (size_t k = 0; edge_attrs[k]; k++) {
        const char *f = edge_attrs[k];
        pn__ftype t = pn__ix_ftype(PN__REC_TIE, f);
        if ((strcmp(f, "since") == 0 && years[0]) || (strcmp(f, "until") == 0 && years[1]))
            t = PN__F_REAL; /* an integer, as it is */
        attvalue(b, f, json_object_get(o, f), t);
    }
    extra_attvalues(b, ex, o);
    pn__buf_puts(b, "        </attvalues>\n      </edge>\n");
}

int pn__gexf_write(const pn_dataset *ds, char **out, size_t *len, pn_diags *diags)
{
    return pn__gexf_write_viz(ds, NULL, out, len, diags);
}

int pn__gexf_write_viz(const pn_dataset *ds, const pn__gexf_viz *viz, char **out, size_t *len,
                       pn_diags *diags)
{
    json_t *root = pn__ix_tree(ds);
    if (!root)
        return PN_ENOMEM;
    int checked = pn__xml_check_tree(root, "GEXF", true, diags);
    if (checked != 0) {
        json_decref(root);
        return checked;
    }
    json_t *actors = json_object_get(root, "actors"), *ties = json_object_get(root, "ties");
    pn__ix_keys vx, ex;
    pn__ix_keys_init(&vx);
    pn__ix_keys_init(&ex);
    kinds kd;
    memset(&kd, 0, sizeof(kd));
    pn__map_init(&kd.seen);
    pn__pool_init(&kd.pool);
    pn__buf_init(&kd.key);
    pn__buf kind;
    pn__buf_init(&kind);
    pn__buf b;
    pn__buf_init(&b);
    int rc = 0;
    kd.counts = malloc((json_array_size(ties) + 1) * sizeof(size_t));
    if (!kd.counts || pn__ix_keys_records(&vx, actors, PN__REC_ACTOR) != 0 ||
        pn__ix_keys_records(&ex, ties, PN__REC_TIE) != 0) {
        rc = PN_ENOMEM;
        goto cleanup;
    }
    size_t i;
    json_t *o;
    bool directed = false;
    json_array_foreach(ties, i, o) directed |= json_is_true(json_object_get(o, "directed"));
    bool years[2] = {all_years(ties, "since"), all_years(ties, "until")};
    pn__buf_puts(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                     "<gexf xmlns=\"" PN__GEXF_NS "\"\n"
                     "    xmlns:viz=\"" PN__GEXF_NS "/viz\"\n"
                     "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
                     "    xsi:schemaLocation=\"" PN__GEXF_NS " " PN__GEXF_NS "/gexf.xsd\"\n"
                     "    version=\"1.2\">\n");
    write_meta(&b, root);
    if ((rc = dataset_meta(&b, root)) != 0)
        goto cleanup;
    pn__buf_puts(&b, "  </meta>\n");
    pn__buf_printf(&b, "  <graph mode=\"dynamic\" defaultedgetype=\"%s\" timeformat=\"date\">\n",
                   directed ? "directed" : "undirected");
    /* Coordinates as two double attributes, declared only when an actor has
     * them (a file without them is as it was before they were in the
     * format); not viz:position, which is the drawing's place (front/). */
    bool located = false;
    json_array_foreach(actors, i, o) located |= json_object_get(o, "lat") != NULL;
    pn__buf_puts(&b, "    <attributes class=\"node\" mode=\"static\">\n");
    for (size_t k = 0; node_attrs[k]; k++)
        attr_decl(&b, node_attrs[k], node_attrs[k], "string");
    for (size_t k = 0; located && coord_attrs[k]; k++)
        attr_decl(&b, coord_attrs[k], coord_attrs[k], "double");
    extra_decls(&b, &vx);
    pn__buf_puts(&b, "    </attributes>\n    <attributes class=\"edge\" mode=\"static\">\n");
    for (size_t k = 0; edge_attrs[k]; k++) {
        const char *f = edge_attrs[k];
        const char *type =
            strcmp(f, "directed") == 0 ? "boolean"
            : (strcmp(f, "since") == 0 && years[0]) || (strcmp(f, "until") == 0 && years[1])
                ? "integer"
                : "string";
        attr_decl(&b, f, f, type);
    }
    attr_decl(&b, "timeline", "timeline", "string");
    extra_decls(&b, &ex);
    pn__buf_puts(&b, "    </attributes>\n    <nodes>\n");
    json_array_foreach(actors, i, o)
    {
        pn__buf_puts(&b, "      <node id=\"");
        pn__ix_xml(&b, json_string_value(json_object_get(o, "id")), true);
        pn__buf_puts(&b, "\" label=\"");
        pn__ix_xml(&b, json_string_value(json_object_get(o, "name")), true);
        pn__buf_puts(&b, "\">\n        <attvalues>\n");
        for (size_t k = 0; node_attrs[k]; k++)
            attvalue(&b, node_attrs[k], json_object_get(o, node_attrs[k]),
                     pn__ix_ftype(PN__REC_ACTOR, node_attrs[k]));
        for (size_t k = 0; located && coord_attrs[k]; k++)
            attvalue(&b, coord_attrs[k], json_object_get(o, coord_attrs[k]), PN__F_REAL);
        extra_attvalues(&b, &vx, o);
        pn__buf_puts(&b, "        </attvalues>\n");
        node_viz(&b, viz, i);
        pn__buf_puts(&b, "      </node>\n");
    }
    pn__buf_puts(&b, "    </nodes>\n    <edges>\n");
    json_array_foreach(ties, i, o)
    {
        if ((rc = kind_of(&kd, o, &kind)) != 0)
            goto cleanup;
        write_edge(&b, ds, i, o, kind.data, &ex, years);
    }
    pn__buf_puts(&b, "    </edges>\n  </graph>\n</gexf>\n");
    if (b.failed)
        rc = PN_ENOMEM;

cleanup:
    pn__ix_keys_free(&vx);
    pn__ix_keys_free(&ex);
    pn__map_free(&kd.seen);
    pn__pool_free(&kd.pool);
    pn__buf_free(&kd.key);
    free(kd.counts);
    pn__buf_free(&kind);
    json_decref(root);
    if (rc == 0) {
        *out = b.data;
        if (len)
            *len = b.len;
    } else {
        pn__buf_free(&b);
    }
    return rc;
}
