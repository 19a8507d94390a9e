/* GEXF in, the second step: what the elements' attributes say about ids,
 * names, direction, types, weights and dates, applied once every record is
 * read (the rules are listed in gexf_read.c), and where the loader's
 * messages point. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/dataset_private.h"
#include "formats/gexf_private.h"
#include "formats/interchange_private.h"

typedef pn__gexf_reader xreader;

void pn__gexf_error(xreader *X, int line, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    X->errors++;
    if (pn_diags_add(X->diags, PN_SEVERITY_ERROR, X->name, line, 0, NULL, "gexf", "%s", msg))
        X->nomem = true;
}

void pn__gexf_warn(xreader *X, int line, const char *check, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    if (pn_diags_add(X->diags, PN_SEVERITY_WARNING, X->name, line, 0, NULL, check, "%s", msg))
        X->nomem = true;
}

static const char *str_or(json_t *v, const char *dflt)
{
    return json_string_value(v) ? json_string_value(v) : dflt;
}

static int set_line(json_t *lines, const char *field, json_t *from)
{
    return json_object_set(lines, field, json_object_get(from, "@"));
}

/* A start or end as a date paranet reads: 2016, 2016-05, 2016-05-12 (a
 * time after a 'T' dropped), or a year as a number (2016.0). */
static json_t *time_value(const char *s)
{
    char buf[16];
    size_t n = strcspn(s, "T");
    if (n > 0 && n < sizeof(buf)) {
        memcpy(buf, s, n);
        buf[n] = '\0';
        pn_date d;
        if (pn_date_parse(buf, &d) == 0)
            return d.month ? json_string(buf) : json_integer(d.year);
    }
    char *end;
    double y = strtod(s, &end);
    if (end != s && *end == '\0' && y >= 1 && y <= 9999 && y == (double)(int)y)
        return json_integer((int)y);
    return NULL;
}

static void edge_time(xreader *X, json_t *o, json_t *lines, json_t *aux)
{
    if (json_object_get(o, "since") || json_object_get(o, "until"))
        return; /* the tie's own dates (paranet writes them), not its span */
    const char *eid = str_or(json_object_get(aux, "xml_id"), "?");
    int line = (int)json_integer_value(json_object_get(lines, "@"));
    static const char *const ends[2][3] = {{"start", "startopen", "since"},
                                           {"end", "endopen", "until"}};
    for (int k = 0; k < 2; k++) {
        const char *s = json_string_value(json_object_get(aux, ends[k][0]));
        if (!s)
            s = json_string_value(json_object_get(aux, ends[k][1]));
        if (!s)
            continue;
        json_t *v = time_value(s);
        char c[68];
        if (!v) {
            pn__gexf_warn(X, line, "gexf-time",
                          "edge %s: %s \"%s\" is not a date paranet reads (2016, 2016-05, "
                          "2016-05-12): the tie gets no %s",
                          eid, ends[k][0], pn__ix_clip(s, c, 64), ends[k][2]);
            continue;
        }
        if (json_object_set_new(o, ends[k][2], v) != 0 || set_line(lines, ends[k][2], lines) != 0)
            X->nomem = true;
    }
    json_int_t spells = json_integer_value(json_object_get(aux, "spells"));
    if (spells > 1)
        pn__gexf_warn(X, line, "gexf-time",
                      "edge %s lives in %lld spells: the tie is read from the first start to "
                      "the last end",
                      eid, (long long)spells);
}

/* Ids, names and the edge attributes' rules, once every record is read. */
void pn__gexf_settle_records(xreader *X)
{
    pn__map node_ids; /* XML id -> node index */
    pn__map_init(&node_ids);
    size_t i;
    json_t *o;
    json_array_foreach(X->actors, i, o)
    {
        json_t *aux = json_array_get(X->actor_aux, i), *lines = json_array_get(X->actor_lines, i);
        const char *xid = json_string_value(json_object_get(aux, "xml_id"));
        const char *idattr = json_string_value(json_object_get(aux, "id"));
        const char *label = json_string_value(json_object_get(aux, "label"));
        json_t *id = json_string(idattr ? idattr : xid ? xid : "");
        if (!id || json_object_set_new(o, "id", id) != 0) {
            X->nomem = true;
            break;
        }
        if (xid) {
            int rc = pn__map_put(&node_ids, xid, i);
            if (rc < 0) {
                X->nomem = true;
                break;
            }
            if (rc == 1 && idattr) {
                size_t first = 0;
                pn__map_get(&node_ids, xid, &first);
                char c[68];
                pn__gexf_error(X, (int)json_integer_value(json_object_get(lines, "@")),
                               "node id \"%s\" repeats (first at line %d)", pn__ix_clip(xid, c, 64),
                               (int)json_integer_value(
                                   json_object_get(json_array_get(X->actor_lines, first), "@")));
            }
        }
        json_t *name = json_object_get(o, "name");
        if (!name && label) {
            if (json_object_set_new(o, "name", json_string(label)) != 0 ||
                set_line(lines, "name", lines) != 0)
                X->nomem = true;
        } else if (label &&
                   strcmp(label, json_string_value(name) ? json_string_value(name) : "") != 0 &&
                   (!xid || strcmp(label, xid) != 0) && !json_object_get(o, "label")) {
            if (json_object_set_new(o, "label", json_string(label)) != 0)
                X->nomem = true;
        }
    }
    size_t dropped = 0, first_bad = 0;
    const char *bad = NULL;
    json_array_foreach(X->ties, i, o)
    {
        json_t *aux = json_array_get(X->tie_aux, i), *lines = json_array_get(X->tie_lines, i);
        /* Ends named by XML id: the actors' ids (an attribute "id" may rename them). */
        static const char *const ends[] = {"from", "to"};
        for (int k = 0; k < 2; k++) {
            size_t at;
            const char *xid = json_string_value(json_object_get(o, ends[k]));
            if (xid && pn__map_get(&node_ids, xid, &at))
                json_object_set(o, ends[k], json_object_get(json_array_get(X->actors, at), "id"));
        }
        const char *idattr = json_string_value(json_object_get(aux, "id"));
        const char *xid = json_string_value(json_object_get(aux, "xml_id"));
        if (idattr) {
            json_object_set_new(o, "id", json_string(idattr));
        } else if (xid && xid[0] != '#' && *xid) {
            if (pn__id_valid(xid)) {
                json_object_set_new(o, "id", json_string(xid));
                set_line(lines, "id", lines);
            } else if (dropped++ == 0) {
                bad = xid;
                first_bad = i;
            }
        }
        const char *type = json_string_value(json_object_get(aux, "type"));
        bool direction = type && (strcmp(type, "directed") == 0 ||
                                  strcmp(type, "undirected") == 0 || strcmp(type, "mutual") == 0);
        if (!json_object_get(o, "directed")) {
            bool d = direction ? strcmp(type, "directed") == 0
                               : strcmp(X->edgedefault ? X->edgedefault : "", "directed") == 0;
            if (d)
                json_object_set_new(o, "directed", json_true());
        }
        /* NetworkX writes an edge's attribute "type" as the edge's type
         * (paranet's tie type, read back from a NetworkX round trip). */
        const char *kind = json_string_value(json_object_get(aux, "kind"));
        const char *as_type = type && !direction ? type : !X->ours ? kind : NULL;
        if (as_type && !json_object_get(o, "type")) {
            json_object_set_new(o, "type", json_string(as_type));
            set_line(lines, "type", lines);
        }
        const char *label = json_string_value(json_object_get(aux, "label"));
        const char *tt = json_string_value(json_object_get(o, "type"));
        if (label && !(tt && strcmp(label, tt) == 0) && !json_object_get(o, "label"))
            json_object_set_new(o, "label", json_string(label));
        const char *w = json_string_value(json_object_get(aux, "weight"));
        if (w && !json_object_get(o, "weight")) {
            if (pn__ix_decode(o, "weight", w, strlen(w), PN__F_REAL) != 0)
                X->nomem = true;
            set_line(lines, "weight", lines);
        }
        edge_time(X, o, lines, aux);
    }
    if (dropped) {
        char c[68];
        pn__gexf_warn(
            X,
            (int)json_integer_value(json_object_get(json_array_get(X->tie_lines, first_bad), "@")),
            "gexf-edge-ids",
            "edge id \"%s\" is not a paranet id (lowercase letters, digits, '_' or '-'): %s",
            pn__ix_clip(bad, c, 64),
            dropped == 1 ? "the tie has no id" : "this tie and the others with such ids have none");
    }
    pn__map_free(&node_ids);
}

/* The dataset's own fields: paranet's <meta> JSON, or a description; in a
 * file without a sources table, a source for each id cited, made from it. */
void pn__gexf_settle_dataset(xreader *X)
{
    if (X->dataset) {
        const char *key;
        json_t *v;
        json_object_foreach(X->dataset, key, v)
        {
            if (strcmp(key, "actors") != 0 && strcmp(key, "ties") != 0 &&
                strcmp(key, "paranet") != 0 && json_object_set(X->root, key, v) != 0)
                X->nomem = true;
        }
    } else if (X->description && *X->description) {
        if (json_object_set_new(X->root, "description", json_string(X->description)) != 0)
            X->nomem = true;
    }
    if (json_object_get(X->root, "sources"))
        return;
    json_t *sources = json_array();
    pn__map cited;
    pn__map_init(&cited);
    json_t *tables[2] = {X->actors, X->ties};
    for (int t = 0; t < 2 && sources; t++) {
        size_t i;
        json_t *o;
        json_array_foreach(tables[t], i, o)
        {
            size_t k;
            json_t *ref;
            json_array_foreach(json_object_get(o, "sources"), k, ref)
            {
                const char *id =
                    json_string_value(json_is_object(ref) ? json_object_get(ref, "ref") : ref);
                if (!id || pn__map_get(&cited, id, NULL))
                    continue;
                json_t *s = json_pack("{s:s,s:s}", "id", id, "cite", id);
                /* The map borrows the id from the new source record. */
                if (!s || json_array_append_new(sources, s) != 0 ||
                    pn__map_put(&cited, json_string_value(json_object_get(s, "id")), 0) < 0) {
                    X->nomem = true;
                    break;
                }
            }
        }
    }
    if (!sources || json_object_set_new(X->root, "sources", sources) != 0)
        X->nomem = true;
    else if (json_array_size(sources) > 0)
        pn__gexf_warn(X, 0, "gexf-sources",
                      "the file has no sources table (only paranet's own GEXF carries one): "
                      "%zu source%s cited (\"%s\"%s) made with the id as citation",
                      json_array_size(sources), json_array_size(sources) == 1 ? "" : "s",
                      json_string_value(json_object_get(json_array_get(sources, 0), "id")),
                      json_array_size(sources) == 1 ? "" : ", ...");
    pn__map_free(&cited);
}

void pn__gexf_locate(void *ctx, const pn__path *path, const char **file, int *line, int *column,
                     pn__buf *label)
{
    pn__gexf_loc *L = ctx;
    *file = L->name;
    *column = 0;
    bool edge;
    json_t *rec, *lines;
    if (!pn__xml_record(path, L->actor_lines, L->tie_lines, L->actors, L->ties, &edge, &rec,
                        &lines))
        return;
    *line = (int)json_integer_value(json_object_get(lines, "@"));
    const char *eid = edge ? json_string_value(json_object_get(rec, "id")) : NULL;
    if (eid)
        pn__buf_printf(label, "edge \"%s\" (%s -> %s)", eid,
                       str_or(json_object_get(rec, "from"), "?"),
                       str_or(json_object_get(rec, "to"), "?"));
    else if (edge)
        pn__buf_printf(label, "edge %s -> %s", str_or(json_object_get(rec, "from"), "?"),
                       str_or(json_object_get(rec, "to"), "?"));
    else
        pn__buf_printf(label, "node \"%s\"", str_or(json_object_get(rec, "id"), "?"));
    const char *field = path->depth >= 3 ? path->c[2].key : NULL;
    if (!field)
        return;
    json_t *fl = json_object_get(lines, field);
    if (fl)
        *line = (int)json_integer_value(fl);
    if (edge && (strcmp(field, "from") == 0 || strcmp(field, "to") == 0))
        pn__buf_printf(label, ", %s", field[0] == 'f' ? "source" : "target");
    else if (strcmp(field, "id") == 0 || (!edge && strcmp(field, "name") == 0))
        pn__buf_printf(label, ", %s", strcmp(field, "id") == 0 ? "id" : "label");
    else
        pn__buf_printf(label, ", attribute \"%s\"", field);
}
