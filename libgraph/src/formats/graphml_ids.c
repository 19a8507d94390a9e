/* GraphML in: node ids and names as each writer lays them out (graphml_read.c
 * reads the XML, then calls these). paranet's layout 2 has node id = "name" =
 * the actor id and "label" = the display name; its first layout had "name" =
 * the display name and "label" a copy. igraph (R and Python) writes node ids
 * n0, n1, ... with the original id in a key "id" and "" for every missing
 * value; graph-tool writes n0, ... unless a vertex property
 * _graphml_vertex_id holds ids, and 0 for a missing integer; NetworkX keeps
 * node ids. Each normalisation gets one warning, at the first record it
 * changes. Every step is one pass over the records. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"
#include "store/check.h"
#include "formats/graphml_private.h"
#include "formats/interchange_private.h"

/* A string field of o, or NULL when it is missing, not a string or "". */
static const char *text_of(json_t *o, const char *key)
{
    const char *s = json_string_value(json_object_get(o, key));
    return s && *s ? s : NULL;
}

static int line_of(json_t *lines, const char *key)
{
    json_t *l = json_object_get(lines, key ? key : "@");
    if (!l && key)
        l = json_object_get(lines, "@");
    return (int)json_integer_value(l);
}

/* The text of a record's key "id" (its aux), or NULL; *line its line. */
static const char *aux_id(json_t *aux, int *line)
{
    json_t *a = json_object_get(aux, "id");
    const char *s = json_string_value(json_array_get(a, 0));
    if (line)
        *line = (int)json_integer_value(json_array_get(a, 1));
    return s && *s ? s : NULL;
}

/* n0, n1, ...: "n" and digits. */
static bool generated(const char *id)
{
    return id && id[0] == 'n' && id[1] && strspn(id + 1, "0123456789") == strlen(id + 1);
}

static const char *const node_keys[] = {"id", "_graphml_vertex_id", "name"};

/* The value of candidate k for actor i, or NULL; *line its line. */
static const char *node_key(const pn__gml_records *r, size_t i, int k, int *line)
{
    if (k == 0)
        return aux_id(json_array_get(r->actor_aux, i), line);
    json_t *lines = json_array_get(r->actor_lines, i);
    if (line)
        *line = line_of(lines, node_keys[k]);
    return text_of(json_array_get(r->actors, i), node_keys[k]);
}

static int warn(pn__gml_records *r, int line, const char *check, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static int warn(pn__gml_records *r, int line, const char *check, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    return pn_diags_add(r->diags, PN_SEVERITY_WARNING, r->name, line, 0, NULL, check, "%s", msg)
               ? PN_ENOMEM
               : 0;
}

/* Generated node ids replaced by candidate k, every node having it. */
static int replace_node_ids(pn__gml_records *r, int k)
{
    size_t n = json_array_size(r->actors), i;
    json_t *olds = json_array(), *o;
    pn__map old;
    pn__map_init(&old);
    int rc = olds && pn__map_reserve(&old, n) == 0 ? 0 : PN_ENOMEM;
    json_array_foreach(r->actors, i, o)
    {
        if (rc)
            break;
        int line = 0;
        json_t *was = json_object_get(o, "id");
        json_t *now = json_string(node_key(r, i, k, &line));
        /* The map borrows the old id, which olds holds. */
        if (!now || json_array_append(olds, was) != 0 ||
            pn__map_put(&old, json_string_value(was), i) < 0 ||
            json_object_set_new(o, "id", now) != 0 ||
            json_object_set_new(json_array_get(r->actor_lines, i), "id", json_integer(line)) != 0)
            rc = PN_ENOMEM;
        else if (k == 1)
            json_object_del(o, node_keys[k]);
    }
    json_array_foreach(r->ties, i, o)
    {
        for (int end = 0; end < 2 && !rc; end++) {
            const char *field = end ? "to" : "from";
            const char *was = json_string_value(json_object_get(o, field));
            size_t at;
            if (was && pn__map_get(&old, was, &at) &&
                json_object_set(o, field, json_object_get(json_array_get(r->actors, at), "id")))
                rc = PN_ENOMEM;
        }
    }
    json_t *first = json_array_get(r->actors, 0);
    if (!rc) {
        char c1[68], c2[68];
        rc = warn(r, line_of(json_array_get(r->actor_lines, 0), NULL), "graphml-ids",
                  "node ids are generated (\"%s\", ...), as igraph and graph-tool write "
                  "them: the %zu actors' ids are their key \"%s\" (\"%s\", "
                  "...), and the edges' ends follow",
                  pn__ix_clip(json_string_value(json_array_get(olds, 0)), c1, 64), n, node_keys[k],
                  pn__ix_clip(json_string_value(json_object_get(first, "id")), c2, 64));
    }
    r->replaced = rc == 0;
    r->id_key = rc == 0 ? node_keys[k] : NULL;
    pn__map_free(&old);
    json_decref(olds);
    return rc;
}

/* Edges without an id attribute take their key "id" (igraph) or
 * "_graphml_edge_id"; a key "id" that gives nothing is reported. An empty
 * id attribute is none (graph-tool writes id="" for an edge without one; no
 * tie id is empty). */
static int edge_ids(pn__gml_records *r)
{
    size_t i, taken = 0, ignored = 0, empty = 0;
    int taken_line = 0, ignored_line = 0, empty_line = 0;
    json_t *o;
    /* Nodes whose key "id" did not become their id. */
    json_array_foreach(r->actors, i, o)
    {
        int line;
        const char *s = aux_id(json_array_get(r->actor_aux, i), &line);
        if (s && (!r->replaced || strcmp(s, json_string_value(json_object_get(o, "id"))) != 0) &&
            ignored++ == 0)
            ignored_line = line;
    }
    json_array_foreach(r->ties, i, o)
    {
        int line;
        const char *s = aux_id(json_array_get(r->tie_aux, i), &line);
        json_t *lines = json_array_get(r->tie_lines, i);
        const char *own = json_string_value(json_object_get(o, "id"));
        if (own && !*own) {
            if (empty++ == 0)
                empty_line = line_of(lines, "id");
            json_object_del(o, "id");
        }
        if (json_object_get(o, "id")) {
            if (s && ignored++ == 0)
                ignored_line = line;
            continue;
        }
        /* graph-tool's name: in paranet's own files, an extra field. */
        bool gt = !s && !r->ours && (s = text_of(o, "_graphml_edge_id")) != NULL;
        if (!s)
            continue;
        if (gt)
            line = line_of(lines, "_graphml_edge_id");
        json_t *v = json_string(s);
        if (!v || json_object_set_new(o, "id", v) != 0 ||
            json_object_set_new(lines, "id", json_integer(line)) != 0)
            return PN_ENOMEM;
        if (gt)
            json_object_del(o, "_graphml_edge_id");
        if (taken++ == 0)
            taken_line = line;
    }
    if (empty && warn(r, empty_line, "graphml-ids",
                      "%zu edge%s with an empty id attribute (id=\"\", as graph-tool writes an "
                      "edge without an id): no tie id",
                      empty, empty == 1 ? "" : "s"))
        return PN_ENOMEM;
    if (taken && warn(r, taken_line, "graphml-ids",
                      "%zu edge%s without an id attribute take %s key \"id\" as the tie id", taken,
                      taken == 1 ? "" : "s", taken == 1 ? "its" : "their"))
        return PN_ENOMEM;
    if (ignored && warn(r, ignored_line, "graphml-key",
                        "key \"id\" is ignored on %zu element%s: the id attributes of <node> "
                        "and <edge> give the ids",
                        ignored, ignored == 1 ? "" : "s"))
        return PN_ENOMEM;
    return 0;
}

/* Whether every node has candidate k (a "name" only when every one is an
 * actor id, no two the same: else it is a display name, yEd's say): 0 not,
 * 1 yes, 2 yes and each the node's id already (paranet's own n0, n1, ...). */
static int candidate(const pn__gml_records *r, int k)
{
    size_t n = json_array_size(r->actors);
    pn__map seen;
    pn__map_init(&seen);
    bool all = true, same = true;
    for (size_t i = 0; all && i < n; i++) {
        const char *s = node_key(r, i, k, NULL);
        all = s != NULL;
        if (all && k == 2)
            all = pn__id_valid(s) && pn__map_put(&seen, s, i) == 0;
        same &=
            all &&
            strcmp(s, json_string_value(json_object_get(json_array_get(r->actors, i), "id"))) == 0;
    }
    pn__map_free(&seen);
    return !all ? 0 : same ? 2 : 1;
}

/* NetworkX writes a MultiGraph's edge keys as ids ("0", "1" for each pair
 * of nodes), which repeat across pairs. When edge ids are not unique, every
 * tie's id becomes "source-target-id" (with "-2", "-3" where that still
 * repeats), and a warning says so. */
static int unique_tie_ids(pn__gml_records *r)
{
    pn__map seen;
    pn__map_init(&seen);
    size_t i, first = 0, again = 0;
    bool repeated = false, nomem = false;
    json_t *o;
    json_array_foreach(r->ties, i, o)
    {
        const char *id = json_string_value(json_object_get(o, "id"));
        if (!id)
            continue;
        int rc = pn__map_put(&seen, id, i);
        if (rc == PN_ENOMEM) {
            nomem = true;
            break;
        }
        if (rc == 1) {
            pn__map_get(&seen, id, &first);
            again = i;
            repeated = true;
            break;
        }
    }
    pn__map_free(&seen);
    if (!repeated || nomem)
        return nomem ? PN_ENOMEM : 0;
    json_t *t0 = json_array_get(r->ties, first);
    json_t *dupid = json_incref(json_object_get(t0, "id")); /* kept while ids change */
    int line0 = (int)json_integer_value(json_object_get(json_array_get(r->tie_lines, first), "@"));
    int line1 = (int)json_integer_value(json_object_get(json_array_get(r->tie_lines, again), "@"));
    pn__buf id;
    pn__buf_init(&id);
    json_array_foreach(r->ties, i, o)
    {
        const char *old = json_string_value(json_object_get(o, "id"));
        if (!old)
            continue;
        const char *from = json_string_value(json_object_get(o, "from"));
        const char *to = json_string_value(json_object_get(o, "to"));
        for (unsigned n = 1;; n++) {
            id.len = 0;
            pn__buf_printf(&id, "%s-%s-%s", from ? from : "", to ? to : "", old);
            if (n > 1)
                pn__buf_printf(&id, "-%u", n);
            pn__buf_add(&id, "", 0);
            if (id.failed) {
                nomem = true;
                goto done;
            }
            if (!pn__map_get(&seen, id.data, NULL))
                break;
        }
        json_t *v = json_string(id.data);
        /* The map borrows the new id, which the record now holds. */
        if (!v || json_object_set_new(o, "id", v) != 0 ||
            pn__map_put(&seen, json_string_value(v), i) < 0) {
            nomem = true;
            goto done;
        }
    }
    char c1[68], c2[204];
    if (pn_diags_add(
            r->diags, PN_SEVERITY_WARNING, r->name, line1, 0, NULL, "graphml-edge-ids",
            "edge id \"%s\" repeats (first at line %d), as in a NetworkX MultiGraph: "
            "each tie's id is made \"source-target-id\" (\"%s\")",
            pn__ix_clip(json_string_value(dupid), c1, 64), line0,
            pn__ix_clip(json_string_value(json_object_get(json_array_get(r->ties, again), "id")),
                        c2, 200)))
        nomem = true;
done:
    json_decref(dupid);
    pn__buf_free(&id);
    pn__map_free(&seen);
    return nomem ? PN_ENOMEM : 0;
}

int pn__gml_ids(pn__gml_records *r)
{
    size_t i;
    json_t *o;
    bool gen = json_array_size(r->actors) > 0;
    json_array_foreach(r->actors, i, o) gen &=
        generated(json_string_value(json_object_get(o, "id")));
    /* Not "name" in the first layout: there it is the display name (nor, in
     * any of paranet's files, _graphml_vertex_id: graph-tool writes it as
     * node ids, never as a key). */
    int kmax = r->ours && !r->layout ? 2 : 3;
    for (int k = 0; gen && k < kmax; k++) {
        if (k == 1 && r->ours)
            continue;
        int c = candidate(r, k);
        if (c == 0)
            continue;
        int rc = c == 1 ? replace_node_ids(r, k) : 0;
        if (rc)
            return rc;
        break;
    }
    int rc = edge_ids(r);
    return rc ? rc : unique_tie_ids(r);
}

/* What pn__gml_names drops or changes, for its warnings. */
typedef struct tally {
    size_t n;
    int line;
    char what[68]; /* the first one's key or value, clipped (it may be freed) */
} tally;

static void count(tally *t, int line, const char *what)
{
    if (t->n++ == 0 || (line > 0 && (t->line == 0 || line < t->line))) {
        t->line = line;
        char c[68];
        snprintf(t->what, sizeof(t->what), "%s", pn__ix_clip(what, c, 64));
    }
}

/* Drop "" from o (a foreign file's missing value: graphml_read.c counted
 * them), and with dates, since or until 0 (graph-tool's missing integer: no
 * date is year 0). */
static void drop_values(json_t *o, json_t *lines, bool empties, bool dates, tally *d)
{
    const char *key;
    json_t *v;
    void *tmp;
    json_object_foreach_safe(o, tmp, key, v)
    {
        if (empties && json_is_string(v) && json_string_length(v) == 0) {
            json_object_del(o, key);
        } else if (dates && json_is_integer(v) && json_integer_value(v) == 0 &&
                   (strcmp(key, "since") == 0 || strcmp(key, "until") == 0)) {
            count(d, line_of(lines, key), key);
            json_object_del(o, key);
        }
    }
}

/* The record with its escaped extra fields renamed back ("_label" ->
 * "label"), in their order; a new reference, o itself when none is. */
static json_t *unescape(json_t *o, json_t *lines, const char *record)
{
    const char *key;
    json_t *v;
    bool any = false;
    json_object_foreach(o, key, v) any |= key[0] == '_' && pn__ix_gml_reserved(record, key);
    if (!any)
        return json_incref(o);
    json_t *out = json_object();
    json_object_foreach(o, key, v)
    {
        bool esc = key[0] == '_' && pn__ix_gml_reserved(record, key);
        if (!out || json_object_set(out, esc ? key + 1 : key, v) != 0) {
            json_decref(out);
            return NULL;
        }
        json_t *l = esc ? json_object_get(lines, key) : NULL;
        if (l && json_object_set(lines, key + 1, l) != 0) {
            json_decref(out);
            return NULL;
        }
    }
    return out;
}

/* The display name of a node from its "name" and "label". */
static int choose_name(pn__gml_records *r, json_t *o, json_t *lines, tally *differs)
{
    const char *id = json_string_value(json_object_get(o, "id"));
    json_t *name = json_object_get(o, "name"), *label = json_object_get(o, "label");
    const char *ns = json_string_value(name), *ls = json_string_value(label);
    bool take_label;
    if (r->layout) {
        /* name is the id again; the label is the name. */
        take_label = label != NULL;
        if (take_label && ns && id && strcmp(ns, id) != 0)
            count(differs, line_of(lines, "name"), ns);
    } else if (!label || !name) {
        return 0;
    } else if (ns && ls && strcmp(ns, ls) == 0) {
        json_object_del(o, "label"); /* a copy of the name (the first layout) */
        return 0;
    } else {
        /* A foreign file whose name is the id: its label is the name. */
        take_label = !r->ours && ns && id && strcmp(ns, id) == 0;
    }
    if (!take_label)
        return 0;
    json_t *ll = json_object_get(lines, "label");
    if (json_object_set(o, "name", label) != 0 || (ll && json_object_set(lines, "name", ll) != 0))
        return PN_ENOMEM;
    json_object_del(o, "label");
    return 0;
}

int pn__gml_names(pn__gml_records *r)
{
    bool foreign = !r->ours || r->replaced;
    tally date0 = {0, 0, ""}, differs = {0, 0, ""};
    size_t i;
    json_t *o;
    drop_values(r->root, r->root_lines, foreign, false, &date0);
    json_array_foreach(r->actors, i, o)
    {
        json_t *lines = json_array_get(r->actor_lines, i);
        drop_values(o, lines, foreign, false, &date0);
        if (choose_name(r, o, lines, &differs) != 0)
            return PN_ENOMEM;
        json_t *u = r->layout ? unescape(o, lines, PN__REC_ACTOR) : json_incref(o);
        if (!u || (u != o && json_array_set(r->actors, i, u) != 0)) {
            json_decref(u);
            return PN_ENOMEM;
        }
        json_decref(u);
    }
    json_array_foreach(r->ties, i, o)
        drop_values(o, json_array_get(r->tie_lines, i), foreign, true, &date0);
    if (r->layout) {
        json_t *u = unescape(r->root, r->root_lines, PN__REC_DATASET);
        if (!u)
            return PN_ENOMEM;
        json_decref(r->root);
        r->root = u;
    }
    char c[68];
    if (foreign && r->empties &&
        warn(r, r->empty_line, "graphml-empty",
             "%zu empty value%s read as absent: in GraphML that paranet did not write, \"\" "
             "is a missing value (R igraph and python-igraph write it so); the first here "
             "(key \"%s\")",
             r->empties, r->empties == 1 ? "" : "s", pn__ix_clip(r->empty_key, c, 64)))
        return PN_ENOMEM;
    if (date0.n && warn(r, date0.line, "graphml-date",
                        "%zu date%s 0 read as absent (graph-tool writes 0 for a missing integer; "
                        "no date is year 0); the first here (key \"%s\")",
                        date0.n, date0.n == 1 ? "" : "s", date0.what))
        return PN_ENOMEM;
    if (differs.n && warn(r, differs.line, "graphml-name",
                          "key \"name\" differs from the node's id on %zu node%s (\"%s\" here): "
                          "the id is the actor's id, its label its name",
                          differs.n, differs.n == 1 ? "" : "s", differs.what))
        return PN_ENOMEM;
    return 0;
}
