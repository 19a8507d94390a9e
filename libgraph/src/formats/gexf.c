/* GEXF 1.3 out, for Gephi: a dynamic graph whose edges live in the years
 * their ties are in force (pn_tie_span, the rule of --at), so that Gephi's
 * timeline plays the network's history; kinds, types and the other fields
 * as attributes. A tie that is never in force (planned, failed) or has no
 * known start (no since) has no lifetime GEXF can state (an edge without
 * start and end lives for the whole timeline): it is written without one and
 * with the attribute timeline = "never" or "undated", which readers and
 * Gephi's filters can use. Export only. */
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

/* A record's extras as <attvalue>s, in key order: only those it has. */
static void extra_attvalues(pn__buf *b, const pn__ix_keys *k, json_t *o)
{
    size_t n = pn__ix_keys_of(k, o);
    char id[32];
    for (size_t j = 0; j < n; j++) {
        snprintf(id, sizeof(id), "x%zu", k->scratch[j]);
        attvalue(b, id, json_object_get(o, k->names[k->scratch[j]]), PN__F_EXTRA);
    }
}

static const char *const node_attrs[] = {"kind", "country", "region", "aliases",
                                         "note", "sources", NULL};
static const char *const edge_attrs[] = {"type",    "instrument", "status",  "basis",
                                         "since",   "until",      "sectors", "note",
                                         "sources", "id",         NULL};

int pn_gexf_write(const pn_dataset *ds, char **out, size_t *len)
{
    return pn__gexf_write(ds, out, len, NULL);
}

int pn__gexf_write(const pn_dataset *ds, char **out, size_t *len, pn_diags *diags)
{
    json_t *root = pn__ix_tree(ds);
    if (!root)
        return PN_ENOMEM;
    int checked = pn__xml_check_tree(root, "GEXF", false, diags);
    if (checked != 0) {
        json_decref(root);
        return checked;
    }
    json_t *actors = json_object_get(root, "actors"), *ties = json_object_get(root, "ties");
    pn__ix_keys vx, ex;
    pn__ix_keys_init(&vx);
    pn__ix_keys_init(&ex);
    pn__buf b;
    pn__buf_init(&b);
    int rc = 0;
    if (pn__ix_keys_records(&vx, actors, PN__REC_ACTOR) != 0 ||
        pn__ix_keys_records(&ex, ties, PN__REC_TIE) != 0) {
        rc = PN_ENOMEM;
        goto cleanup;
    }
    char id[64];
    pn__buf_puts(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                     "<gexf xmlns=\"http://gexf.net/1.3\"\n"
                     "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
                     "    xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\"\n"
                     "    version=\"1.3\">\n");
    pn__buf_printf(&b, "  <meta>\n    <creator>paranet %s</creator>\n", PN_VERSION);
    json_t *title = json_object_get(root, "title"), *desc = json_object_get(root, "description");
    if (title || desc) {
        pn__buf_puts(&b, "    <description>");
        if (title)
            pn__ix_xml(&b, json_string_value(title), false);
        if (title && desc)
            pn__buf_puts(&b, "\n\n");
        if (desc)
            pn__ix_xml(&b, json_string_value(desc), false);
        pn__buf_puts(&b, "</description>\n");
    }
    pn__buf_puts(&b, "  </meta>\n");
    pn__buf_puts(&b, "  <graph mode=\"dynamic\" defaultedgetype=\"undirected\" timeformat=\"date\" "
                     "timerepresentation=\"interval\">\n");
    pn__buf_puts(&b, "    <attributes class=\"node\">\n");
    for (size_t k = 0; node_attrs[k]; k++)
        attr_decl(&b, node_attrs[k], node_attrs[k], "string");
    for (size_t k = 0; k < vx.n; k++) {
        snprintf(id, sizeof(id), "x%zu", k);
        attr_decl(&b, id, vx.names[k], "string");
    }
    pn__buf_puts(&b, "    </attributes>\n    <attributes class=\"edge\">\n");
    for (size_t k = 0; edge_attrs[k]; k++)
        attr_decl(&b, edge_attrs[k], strcmp(edge_attrs[k], "id") == 0 ? "tie_id" : edge_attrs[k],
                  "string");
    attr_decl(&b, "timeline", "timeline", "string");
    for (size_t k = 0; k < ex.n; k++) {
        snprintf(id, sizeof(id), "x%zu", k);
        attr_decl(&b, id, ex.names[k], "string");
    }
    pn__buf_puts(&b, "    </attributes>\n    <nodes>\n");
    size_t i;
    json_t *o;
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
        extra_attvalues(&b, &vx, o);
        pn__buf_puts(&b, "        </attvalues>\n      </node>\n");
    }
    pn__buf_puts(&b, "    </nodes>\n    <edges>\n");
    json_array_foreach(ties, i, o)
    {
        char start[16], end[16];
        pn__buf_printf(&b, "      <edge id=\"%zu\" source=\"", i);
        pn__ix_xml(&b, json_string_value(json_object_get(o, "from")), true);
        pn__buf_puts(&b, "\" target=\"");
        pn__ix_xml(&b, json_string_value(json_object_get(o, "to")), true);
        pn__buf_puts(&b, "\"");
        if (json_is_true(json_object_get(o, "directed")))
            pn__buf_puts(&b, " type=\"directed\"");
        /* kind keeps parallel ties of different types apart in Gephi. */
        pn__buf_printf(&b, " kind=\"%s\" label=\"%s\"",
                       json_string_value(json_object_get(o, "type")),
                       json_string_value(json_object_get(o, "type")));
        json_t *w = json_object_get(o, "weight");
        if (w) {
            pn__buf_puts(&b, " weight=\"");
            pn__ix_real(&b, json_number_value(w));
            pn__buf_puts(&b, "\"");
        }
        int first, last;
        int span = pn_tie_span(pn_dataset_tie(ds, i), &first, &last);
        if (span > 0 && gexf_date(json_object_get(o, "since"), false, start, sizeof(start)))
            pn__buf_printf(&b, " start=\"%s\"", start);
        if (span > 0 && gexf_date(json_object_get(o, "until"), true, end, sizeof(end)))
            pn__buf_printf(&b, " end=\"%s\"", end);
        else if (span > 0 && last)
            pn__buf_printf(&b, " end=\"%04d-12-31\"", last); /* an event: its own year */
        pn__buf_puts(&b, ">\n        <attvalues>\n");
        if (span <= 0)
            pn__buf_printf(&b, "          <attvalue for=\"timeline\" value=\"%s\"/>\n",
                           span < 0 ? "never" : "undated");
        for (size_t k = 0; edge_attrs[k]; k++)
            attvalue(&b, edge_attrs[k], json_object_get(o, edge_attrs[k]),
                     pn__ix_ftype(PN__REC_TIE, edge_attrs[k]));
        extra_attvalues(&b, &ex, o);
        pn__buf_puts(&b, "        </attvalues>\n      </edge>\n");
    }
    pn__buf_puts(&b, "    </edges>\n  </graph>\n</gexf>\n");
    if (b.failed)
        rc = PN_ENOMEM;

cleanup:
    pn__ix_keys_free(&vx);
    pn__ix_keys_free(&ex);
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
