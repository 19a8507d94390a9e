/* GraphML in (graphml_write.c writes it).
 *
 * Through expat, with DTDs refused outright, so that no entity is ever
 * expanded (billion laughs) and nothing is fetched (external entities). The
 * elements become a JSON tree in the dataset format that the loader checks,
 * with each problem located at the line of its <data> element. graphml_ids.c
 * then settles the records' ids and names as each writer lays them out
 * (paranet's two layouts, igraph, NetworkX, graph-tool). */
#include <expat.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "store/check.h"
#include "core/dataset_private.h"
#include "formats/graphml_private.h"
#include "formats/interchange_private.h"

enum { FOR_GRAPH = 1, FOR_NODE = 2, FOR_EDGE = 4 };

typedef struct gkey {
    char *id;
    char *name;         /* attr.name, or NULL */
    char *type;         /* attr.type, or NULL */
    int domain;         /* FOR_* bits */
    char *dflt;         /* <default>, or NULL */
    bool node_graphics; /* yfiles.type="nodegraphics": yEd's shapes and labels */
    int line;           /* of its <key> */
    /* The field a node [0] or edge [1] key fills by its alias, once known. */
    const char *alias[2];
    bool alias_done[2];
} gkey;

/* Keys are referred to by index + 1 (0: none), never by pointer: the key
 * array moves when it grows. */
typedef struct greader {
    XML_Parser xp;
    pn_diags *diags;
    const char *name;
    json_t *root;
    json_t *actors, *ties;
    json_t *lines; /* [ {"@": line, field: line, ...} per record ] for actors and ties */
    json_t *actor_lines, *tie_lines;
    json_t *actor_aux, *tie_aux; /* pn__gml_records' */
    json_t *root_lines;          /* {key: line} of the graph's <data> */
    gkey *keys;
    size_t nkeys, akeys;
    pn__map key_ids; /* key id -> index, borrowing gkey.id */
    bool ours;       /* paranet's own output: string extras use the extra-field rule */
    bool layout;     /* a graph key PN__GML_LAYOUT (layout 2) */
    size_t empties;  /* empty <data>: how many, the first's line and key */
    int empty_line;
    const char *empty_key;
    int graphs;
    int depth;       /* element depth */
    int graph_depth; /* depth of the <graph> being read, 0 outside */
    char *edgedefault;
    /* the <key> being read */
    int key_depth; /* its depth, 0 outside a <key> */
    int key_line;
    size_t key_open;    /* its index + 1; 0 when it was refused */
    size_t default_key; /* index + 1 inside its <default> */
    /* the record being read */
    json_t *rec, *rec_lines, *rec_aux;
    bool rec_is_edge;
    bool rec_directed_attr, rec_has_directed_attr;
    /* yEd: the first <y:NodeLabel> of a node's graphics, standing for its name */
    int label_depth; /* depth of the NodeLabel being read, 0 outside */
    bool label_taken;
    int label_line;
    pn__buf label;
    char *rec_yed_name;
    int rec_yed_line;
    /* the <data> being read */
    size_t data_key; /* index + 1 */
    int data_depth;
    int data_line;
    bool data_complex;
    pn__buf text;
    size_t errors;
    size_t aliases; /* column-alias warnings, which --strict refuses */
    bool nomem;
    bool stopped;
} greader;

static void gerror(greader *G, int line, const char *check, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void gerror(greader *G, int line, const char *check, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    G->errors++;
    if (pn_diags_add(G->diags, PN_SEVERITY_ERROR, G->name, line, 0, NULL, check, "%s", msg))
        G->nomem = true;
}

static int cur_line(greader *G)
{
    return (int)XML_GetCurrentLineNumber(G->xp);
}

#define attr pn__xml_attr

static char *dup(const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

/* The index + 1 of the key with this id, or 0. */
static size_t find_key(const greader *G, const char *id)
{
    size_t i;
    return pn__map_get(&G->key_ids, id, &i) ? i + 1 : 0;
}

static void on_key(greader *G, const XML_Char **atts)
{
    G->key_depth = G->depth;
    G->key_line = cur_line(G);
    G->key_open = 0;
    const char *id = attr(atts, "id");
    if (!id) {
        gerror(G, cur_line(G), "graphml", "<key> without an id");
        return;
    }
    if (find_key(G, id)) {
        gerror(G, cur_line(G), "graphml", "key \"%s\" is declared twice", id);
        return;
    }
    if (G->nkeys == G->akeys) {
        size_t n = G->akeys ? G->akeys * 2 : 16;
        gkey *k = realloc(G->keys, n * sizeof(*k));
        if (!k) {
            G->nomem = true;
            return;
        }
        G->keys = k;
        G->akeys = n;
    }
    gkey *k = &G->keys[G->nkeys];
    memset(k, 0, sizeof(*k));
    const char *dom = attr(atts, "for");
    k->domain = !dom || strcmp(dom, "all") == 0 ? FOR_GRAPH | FOR_NODE | FOR_EDGE
                : strcmp(dom, "graph") == 0     ? FOR_GRAPH
                : strcmp(dom, "node") == 0      ? FOR_NODE
                : strcmp(dom, "edge") == 0      ? FOR_EDGE
                                                : 0;
    const char *yt = attr(atts, "yfiles.type");
    k->node_graphics = yt && strcmp(yt, "nodegraphics") == 0;
    k->line = G->key_line;
    k->id = dup(id);
    k->name = dup(attr(atts, "attr.name"));
    k->type = dup(attr(atts, "attr.type"));
    if (!k->id || (attr(atts, "attr.name") && !k->name) || (attr(atts, "attr.type") && !k->type) ||
        pn__map_put(&G->key_ids, k->id, G->nkeys) != 0) {
        free(k->id);
        free(k->name);
        free(k->type);
        G->nomem = true;
        return;
    }
    G->key_open = ++G->nkeys;
}

/* An xs:boolean ("true", "false", "1", "0", with spaces around). */
static bool xs_boolean(const char *s, bool *out)
{
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
        s++;
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r'))
        n--;
    if ((n == 4 && memcmp(s, "true", 4) == 0) || (n == 1 && s[0] == '1'))
        *out = true;
    else if ((n == 5 && memcmp(s, "false", 5) == 0) || (n == 1 && s[0] == '0'))
        *out = false;
    else
        return false;
    return true;
}

static void start_record(greader *G, bool edge, const XML_Char **atts)
{
    int line = cur_line(G);
    G->rec = json_object();
    G->rec_lines = json_object();
    G->rec_aux = json_object();
    G->rec_is_edge = edge;
    G->label_taken = false;
    free(G->rec_yed_name);
    G->rec_yed_name = NULL;
    if (!G->rec || !G->rec_lines || !G->rec_aux ||
        json_object_set_new(G->rec_lines, "@", json_integer(line)) != 0) {
        G->nomem = true;
        return;
    }
    const char *id = attr(atts, "id");
    if (edge) {
        const char *s = attr(atts, "source"), *t = attr(atts, "target");
        if (id)
            json_object_set_new(G->rec, "id", json_string(id));
        if (s)
            json_object_set_new(G->rec, "from", json_string(s));
        if (t)
            json_object_set_new(G->rec, "to", json_string(t));
        const char *d = attr(atts, "directed");
        G->rec_has_directed_attr = d != NULL;
        G->rec_directed_attr = false;
        char c[68];
        if (d && !xs_boolean(d, &G->rec_directed_attr))
            gerror(G, line, "graphml",
                   "<edge directed=\"%s\">: not a boolean (true, false, 1 or 0)",
                   pn__ix_clip(d, c, 64));
        if (!s || !t)
            gerror(G, line, "graphml", "<edge> without %s", !s ? "source" : "target");
    } else {
        if (id)
            json_object_set_new(G->rec, "id", json_string(id));
        else
            gerror(G, line, "graphml", "<node> without an id");
    }
}

static void end_record(greader *G)
{
    if (!G->rec)
        return;
    if (G->rec_is_edge && !json_object_get(G->rec, "directed")) {
        bool directed = G->rec_has_directed_attr
                            ? G->rec_directed_attr
                            : (G->edgedefault && strcmp(G->edgedefault, "directed") == 0);
        if (directed)
            json_object_set_new(G->rec, "directed", json_true());
    }
    if (!G->rec_is_edge && !json_object_get(G->rec, "name")) {
        /* Generic GraphML: a label stands for the name. */
        json_t *label = json_object_get(G->rec, "label");
        if (json_is_string(label)) {
            json_object_set(G->rec, "name", label);
            json_object_del(G->rec, "label");
            json_t *ll = json_object_get(G->rec_lines, "label");
            if (ll)
                json_object_set(G->rec_lines, "name", ll);
        } else if (!label && G->rec_yed_name) {
            /* yEd: the label drawn on the node. */
            if (json_object_set_new(G->rec, "name", json_string(G->rec_yed_name)) != 0 ||
                json_object_set_new(G->rec_lines, "name", json_integer(G->rec_yed_line)) != 0)
                G->nomem = true;
        }
    }
    free(G->rec_yed_name);
    G->rec_yed_name = NULL;
    json_t *arr = G->rec_is_edge ? G->ties : G->actors;
    json_t *larr = G->rec_is_edge ? G->tie_lines : G->actor_lines;
    json_t *aarr = G->rec_is_edge ? G->tie_aux : G->actor_aux;
    if (json_array_append_new(arr, G->rec) != 0 || json_array_append_new(larr, G->rec_lines) != 0 ||
        json_array_append_new(aarr, G->rec_aux) != 0)
        G->nomem = true;
    G->rec = G->rec_lines = G->rec_aux = NULL;
}

static const char *alias_of(const gkey *k, const char *record)
{
    const char *f = pn__ix_alias_of_unknown(record, k->name);
    /* The ends are the edge's attributes; a node's label has a rule of its own. */
    return f && strcmp(f, "from") != 0 && strcmp(f, "to") != 0 && strcmp(f, "name") != 0 ? f : NULL;
}

/* A key named by a documented alias (docs/formats.md: "year" for a tie's
 * "since"), as a CSV column is: the field, when no key of the domain, and
 * no alias before it, gives that field; said once, at the key. NULL: the
 * key is its own field. */
static const char *key_alias(greader *G, gkey *k, int domain, const char *record)
{
    int d = domain == FOR_EDGE;
    if (domain == FOR_GRAPH || k->alias_done[d])
        return domain == FOR_GRAPH ? NULL : k->alias[d];
    k->alias_done[d] = true;
    const char *field = alias_of(k, record);
    const char *other = pn__ix_coord_partner(record, field);
    bool paired = !other;
    for (size_t i = 0; i < G->nkeys && !paired; i++) {
        const gkey *o = &G->keys[i];
        paired = (o->domain & domain) && o->name &&
                 (strcmp(o->name, other) == 0 || alias_of(o, record) == other);
    }
    if (!paired)
        field = NULL; /* a coordinate's alias alone: an extra field */
    const gkey *real = NULL;
    for (size_t i = 0; field && i < G->nkeys && !real; i++) {
        const gkey *o = &G->keys[i];
        if ((o->domain & domain) && o->name && o != k &&
            (strcmp(o->name, field) == 0 || (o < k && alias_of(o, record) == field)))
            real = o;
    }
    G->aliases += field != NULL;
    if (field && !pn__ix_alias_warning(G->diags, G->name, k->line, "key", k->name, field,
                                       real ? real->name : NULL))
        G->nomem = true;
    k->alias[d] = real ? NULL : field;
    return k->alias[d];
}

/* Store a <data> (or a key's default) into obj, as the field its key names. */
static void set_value(greader *G, json_t *obj, json_t *lines, gkey *k, const char *text, size_t len,
                      int line, bool is_default)
{
    int domain = obj == G->root ? FOR_GRAPH : G->rec_is_edge ? FOR_EDGE : FOR_NODE;
    const char *record = domain == FOR_GRAPH  ? PN__REC_DATASET
                         : domain == FOR_EDGE ? PN__REC_TIE
                                              : PN__REC_ACTOR;
    if (!k->name)
        return; /* yEd's graphics and the like: no attr.name, not data */
    const char *key = k->name;
    if (domain == FOR_GRAPH && strcmp(key, "paranet") == 0) {
        G->ours = true;
        return;
    }
    if (domain == FOR_GRAPH && strcmp(key, PN__GML_LAYOUT) == 0) {
        G->layout = true;
        return;
    }
    if (domain != FOR_GRAPH && strcmp(key, "id") == 0) {
        /* igraph's copy of the original id: pn__gml_ids decides. */
        if (is_default || !G->rec_aux || json_object_get(G->rec_aux, "id"))
            return;
        if (!pn__ix_utf8(text, len))
            gerror(G, line, "graphml", "key \"id\": not valid UTF-8");
        else if (json_object_set_new(G->rec_aux, "id", json_pack("[s%i]", text, len, line)) != 0)
            G->nomem = true;
        return;
    }
    if (strcmp(key, "id") == 0 || strcmp(key, "from") == 0 || strcmp(key, "to") == 0 ||
        (domain == FOR_GRAPH && (strcmp(key, "actors") == 0 || strcmp(key, "ties") == 0))) {
        if (!is_default &&
            pn_diags_add(G->diags, PN_SEVERITY_WARNING, G->name, line, 0, NULL, "graphml-key",
                         "key \"%s\" is ignored: the element's attributes give it", key))
            G->nomem = true;
        return;
    }
    const char *alias = key_alias(G, k, domain, record);
    if (alias)
        key = alias;
    if (json_object_get(obj, key))
        return; /* the first value wins (a default never overrides) */
    if (domain == FOR_GRAPH && strcmp(key, "sources") == 0) {
        json_error_t jerr;
        json_t *v = json_loadb(text, len, JSON_REJECT_DUPLICATES, &jerr);
        if (!v || !json_is_array(v)) {
            gerror(G, line, "graphml-sources",
                   "graph key \"sources\" must hold the sources table as a JSON array%s%s",
                   v ? "" : ": ", v ? "" : jerr.text);
            json_decref(v);
            return;
        }
        json_object_set_new(obj, "sources", v);
        return;
    }
    pn__ftype t = pn__ix_ftype(record, key);
    if (t == PN__F_EXTRA) {
        const char *ty = k->type ? k->type : "string";
        if (strcmp(ty, "int") == 0 || strcmp(ty, "long") == 0)
            t = PN__F_INT;
        else if (strcmp(ty, "float") == 0 || strcmp(ty, "double") == 0)
            t = PN__F_REAL;
        else if (strcmp(ty, "boolean") == 0)
            t = PN__F_BOOL;
        else if (!G->ours)
            t = PN__F_STRING;
    }
    if (len == 0 && !is_default && G->empties++ == 0) {
        G->empty_line = line; /* reported if the file is foreign (pn__gml_names) */
        G->empty_key = key;
    }
    if (len == 0 && (t == PN__F_STRING || t == PN__F_EXTRA)) {
        json_object_set_new(obj, key, json_string(""));
    } else {
        int rc = pn__ix_decode(obj, key, text, len, t);
        if (rc == PN__IX_BAD_UTF8)
            gerror(G, line, "graphml", "key \"%s\": not valid UTF-8", key);
        else if (rc)
            G->nomem = true;
    }
    if (lines && json_object_set_new(lines, key, json_integer(line)) != 0)
        G->nomem = true;
}

/* An element's name without its namespace prefix ("y:NodeLabel" -> "NodeLabel"). */
static const char *local_name(const char *el)
{
    const char *colon = strchr(el, ':');
    return colon ? colon + 1 : el;
}

static void XMLCALL on_start(void *ctx, const XML_Char *el, const XML_Char **atts)
{
    greader *G = ctx;
    G->depth++;
    if (G->nomem || G->stopped)
        return;
    if (G->data_key || G->data_depth) {
        G->data_complex = true; /* markup inside <data>: not a value we read */
        if (G->data_key && G->keys[G->data_key - 1].node_graphics && G->rec && !G->rec_is_edge &&
            !G->label_taken && !G->label_depth && strcmp(local_name(el), "NodeLabel") == 0) {
            G->label_depth = G->depth;
            G->label_line = cur_line(G);
            G->label.len = 0;
        }
        return;
    }
    if (strchr(el, ':'))
        return; /* another namespace's element (yEd's y:...) */
    if (strcmp(el, "key") == 0) {
        if (G->key_depth) {
            gerror(G, cur_line(G), "graphml",
                   "<key> inside the <key> of line %d: keys are declared one by one, under "
                   "<graphml>",
                   G->key_line);
            return;
        }
        on_key(G, atts);
    } else if (strcmp(el, "default") == 0) {
        if (G->key_depth && G->depth == G->key_depth + 1) {
            G->default_key = G->key_open;
            G->text.len = 0;
        }
    } else if (strcmp(el, "graph") == 0) {
        if (G->graphs++ > 0) {
            gerror(G, cur_line(G), "graphml",
                   "a second <graph>: paranet reads one graph per file (nested graphs are "
                   "not supported)");
            return;
        }
        G->graph_depth = G->depth;
        const char *ed = attr(atts, "edgedefault");
        char c[68];
        if (ed && strcmp(ed, "directed") != 0 && strcmp(ed, "undirected") != 0)
            gerror(G, cur_line(G), "graphml",
                   "<graph edgedefault=\"%s\">: must be \"directed\" or \"undirected\"",
                   pn__ix_clip(ed, c, 64));
        G->edgedefault = dup(ed ? ed : "directed");
        if (!G->edgedefault)
            G->nomem = true;
    } else if (strcmp(el, "node") == 0 || strcmp(el, "edge") == 0) {
        if (G->rec) {
            gerror(G, cur_line(G), "graphml", "<%s> inside a <%s> is not supported", el,
                   G->rec_is_edge ? "edge" : "node");
            return;
        }
        start_record(G, el[0] == 'e', atts);
    } else if (strcmp(el, "hyperedge") == 0) {
        gerror(G, cur_line(G), "graphml", "hyperedges are not supported");
    } else if (strcmp(el, "data") == 0) {
        const char *k = attr(atts, "key");
        size_t key = k ? find_key(G, k) : 0;
        G->data_line = cur_line(G);
        G->data_depth = G->depth;
        G->data_complex = false;
        G->text.len = 0;
        if (!key)
            gerror(G, G->data_line, "graphml", "<data> names key \"%s\", which is not declared",
                   k ? k : "");
        G->data_key = key;
    }
}

static bool xml_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The end of a yEd <y:NodeLabel>: its text, trimmed, is the node's name
 * unless the node has a name or label of its own. */
static void end_node_label(greader *G)
{
    G->label_depth = 0;
    const char *s = G->label.data ? G->label.data : "";
    size_t n = G->label.len;
    while (n > 0 && xml_space(*s))
        s++, n--;
    while (n > 0 && xml_space(s[n - 1]))
        n--;
    if (n == 0)
        return; /* a label with no text: look at the next one */
    G->label_taken = true;
    G->rec_yed_name = malloc(n + 1);
    if (!G->rec_yed_name) {
        G->nomem = true;
        return;
    }
    memcpy(G->rec_yed_name, s, n);
    G->rec_yed_name[n] = '\0';
    G->rec_yed_line = G->label_line;
}

static void XMLCALL on_end(void *ctx, const XML_Char *el)
{
    greader *G = ctx;
    int depth = G->depth--;
    if (G->nomem || G->stopped)
        return;
    if (G->data_depth) {
        if (G->label_depth && depth == G->label_depth)
            end_node_label(G);
        if (depth != G->data_depth)
            return;
        gkey *k = G->data_key ? &G->keys[G->data_key - 1] : NULL;
        G->data_key = 0;
        G->data_depth = 0;
        G->label_depth = 0;
        if (!k || G->data_complex || !k->domain)
            return;
        int domain = G->rec ? (G->rec_is_edge ? FOR_EDGE : FOR_NODE) : FOR_GRAPH;
        if (!(k->domain & domain)) {
            gerror(G, G->data_line, "graphml", "key \"%s\" is not declared for a %s", k->id,
                   domain == FOR_GRAPH  ? "graph"
                   : domain == FOR_EDGE ? "edge"
                                        : "node");
            return;
        }
        pn__buf_add(&G->text, "", 0);
        set_value(G, G->rec ? G->rec : G->root, G->rec ? G->rec_lines : G->root_lines, k,
                  G->text.data, G->text.len, G->data_line, false);
        return;
    }
    if (strchr(el, ':'))
        return;
    if (strcmp(el, "default") == 0 && G->default_key && depth == G->key_depth + 1) {
        gkey *k = &G->keys[G->default_key - 1];
        pn__buf_add(&G->text, "", 0);
        free(k->dflt);
        k->dflt = dup(G->text.data);
        if (!k->dflt)
            G->nomem = true;
        G->default_key = 0;
    } else if (strcmp(el, "key") == 0 && depth == G->key_depth) {
        G->key_depth = 0;
        G->key_open = 0;
        G->default_key = 0;
    } else if ((strcmp(el, "node") == 0 || strcmp(el, "edge") == 0) && G->rec) {
        end_record(G);
    }
}

static void XMLCALL on_text(void *ctx, const XML_Char *s, int len)
{
    greader *G = ctx;
    if ((G->data_key && !G->data_complex) || G->default_key)
        pn__buf_add(&G->text, s, (size_t)len);
    else if (G->label_depth && G->depth == G->label_depth)
        pn__buf_add(&G->label, s, (size_t)len);
}

static void XMLCALL on_doctype(void *ctx, const XML_Char *name, const XML_Char *sysid,
                               const XML_Char *pubid, int has_internal_subset)
{
    (void)name;
    (void)sysid;
    (void)pubid;
    (void)has_internal_subset;
    greader *G = ctx;
    gerror(G, cur_line(G), "graphml-dtd",
           "a <!DOCTYPE> is not accepted: GraphML needs none, and paranet expands no entities "
           "and fetches no external files");
    G->stopped = true;
    XML_StopParser(G->xp, XML_FALSE);
}

/* windows-1252, which Windows tools declare often, besides the encodings
 * expat knows itself (UTF-8, UTF-16, ISO-8859-1, US-ASCII): Latin-1 with
 * printable characters in 0x80-0x9F; its five unassigned bytes are errors. */
static int XMLCALL on_unknown_encoding(void *data, const XML_Char *name, XML_Encoding *info)
{
    (void)data;
    static const unsigned short high[32] = {
        0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};
    if (strcasecmp(name, "windows-1252") != 0 && strcasecmp(name, "cp1252") != 0)
        return XML_STATUS_ERROR;
    for (int i = 0; i < 256; i++)
        info->map[i] = i >= 0x80 && i < 0xA0 ? (high[i - 0x80] ? high[i - 0x80] : -1) : i;
    info->data = NULL;
    info->convert = NULL;
    info->release = NULL;
    return XML_STATUS_OK;
}

/* Keys' defaults fill every record: k keys by n records from a file of
 * k + n lines. Past this many values for a file of len bytes, the file is
 * refused rather than grown a hundredfold in memory. */
static bool defaults_fit(greader *G, size_t len, int *line)
{
    size_t nodes = json_array_size(G->actors), edges = json_array_size(G->ties);
    size_t values = 0, limit = len * 4 > ((size_t)1 << 22) ? len * 4 : (size_t)1 << 22;
    for (size_t k = 0; k < G->nkeys; k++) {
        const gkey *key = &G->keys[k];
        if (!key->dflt || !key->name)
            continue;
        values += (key->domain & FOR_NODE ? nodes : 0) + (key->domain & FOR_EDGE ? edges : 0);
        if (values > limit) {
            *line = key->line;
            return false;
        }
    }
    return true;
}

/* Keys' defaults, for records that lack the field. */
static void apply_defaults(greader *G)
{
    for (size_t k = 0; k < G->nkeys; k++) {
        gkey *key = &G->keys[k];
        if (!key->dflt || !key->name)
            continue;
        size_t len = strlen(key->dflt);
        size_t i;
        json_t *o;
        if (key->domain & FOR_NODE) {
            G->rec_is_edge = false;
            json_array_foreach(G->actors, i, o) set_value(G, o, NULL, key, key->dflt, len, 0, true);
        }
        if (key->domain & FOR_EDGE) {
            G->rec_is_edge = true;
            json_array_foreach(G->ties, i, o) set_value(G, o, NULL, key, key->dflt, len, 0, true);
        }
        if (key->domain & FOR_GRAPH)
            set_value(G, G->root, NULL, key, key->dflt, len, 0, true);
    }
}

typedef struct gloc {
    const char *name;
    json_t *actor_lines, *tie_lines;
    json_t *actors, *ties;
    const char *node_id_key; /* the key that gave the actors' ids, or NULL */
} gloc;

static void glocate(void *ctx, const pn__path *path, const char **file, int *line, int *column,
                    pn__buf *label)
{
    gloc *L = ctx;
    *file = L->name;
    *column = 0;
    bool edge;
    json_t *rec, *lines;
    if (!pn__xml_record(path, L->actor_lines, L->tie_lines, L->actors, L->ties, &edge, &rec,
                        &lines))
        return;
    *line = (int)json_integer_value(json_object_get(lines, "@"));
    const char *field = path->depth >= 3 ? path->c[2].key : NULL;
    if (edge)
        pn__buf_printf(label, "edge %s -> %s",
                       json_string_value(json_object_get(rec, "from"))
                           ? json_string_value(json_object_get(rec, "from"))
                           : "?",
                       json_string_value(json_object_get(rec, "to"))
                           ? json_string_value(json_object_get(rec, "to"))
                           : "?");
    else
        pn__buf_printf(label, "node \"%s\"",
                       json_string_value(json_object_get(rec, "id"))
                           ? json_string_value(json_object_get(rec, "id"))
                           : "?");
    if (!field)
        return;
    json_t *fl = json_object_get(lines, field);
    if (fl)
        *line = (int)json_integer_value(fl);
    if (edge && (strcmp(field, "from") == 0 || strcmp(field, "to") == 0))
        pn__buf_printf(label, ", attribute \"%s\"", field[0] == 'f' ? "source" : "target");
    else if (strcmp(field, "id") == 0 && !edge && L->node_id_key)
        pn__buf_printf(label, ", key \"%s\"", L->node_id_key);
    else if (strcmp(field, "id") == 0)
        pn__buf_puts(label, ", attribute \"id\"");
    else
        pn__buf_printf(label, ", key \"%s\"", field);
}

int pn_graphml_load(pn_dataset **out, const char *data, size_t len, const pn_import_options *opts,
                    pn_diags *diags)
{
    pn_import_options defaults = PN_IMPORT_OPTIONS_INIT;
    if (!opts)
        opts = &defaults;
    greader G;
    memset(&G, 0, sizeof(G));
    G.diags = diags;
    G.name = opts->load.name ? opts->load.name : "<input>";
    size_t first_diag = pn_diags_count(diags);
    pn__buf_init(&G.text);
    pn__buf_init(&G.label);
    pn__map_init(&G.key_ids);
    int rc = 0;
    if (len > opts->load.max_bytes) {
        pn_diags_add(diags, PN_SEVERITY_ERROR, G.name, 0, 0, NULL, "too-large",
                     "input is %zu bytes, over the limit of %zu (raise it with --max-bytes)", len,
                     opts->load.max_bytes);
        return PN_ELIMIT;
    }
    if (len > (size_t)0x7fffffff) {
        pn_diags_add(diags, PN_SEVERITY_ERROR, G.name, 0, 0, NULL, "too-large",
                     "GraphML input over 2 GiB is not supported");
        return PN_ELIMIT;
    }
    G.root = json_pack("{s:i}", "paranet", PN_FORMAT_VERSION);
    G.actors = json_array();
    G.ties = json_array();
    G.actor_lines = json_array();
    G.tie_lines = json_array();
    G.actor_aux = json_array();
    G.root_lines = json_object();
    G.tie_aux = json_array();
    /* NULL: the encoding the document declares (UTF-8 without a declaration);
     * expat hands every string over as UTF-8. */
    G.xp = XML_ParserCreate(NULL);
    if (!G.root || !G.actors || !G.ties || !G.actor_lines || !G.tie_lines || !G.actor_aux ||
        !G.tie_aux || !G.root_lines || !G.xp) {
        rc = PN_ENOMEM;
        goto cleanup;
    }
    XML_SetUserData(G.xp, &G);
    XML_SetElementHandler(G.xp, on_start, on_end);
    XML_SetCharacterDataHandler(G.xp, on_text);
    XML_SetStartDoctypeDeclHandler(G.xp, on_doctype);
    XML_SetUnknownEncodingHandler(G.xp, on_unknown_encoding, NULL);
    XML_SetParamEntityParsing(G.xp, XML_PARAM_ENTITY_PARSING_NEVER);
    if ((rc = pn__xml_parse(G.xp, data, len, G.name, &G.stopped, &G.nomem, &G.errors, diags)) != 0)
        goto cleanup;
    if (G.nomem) {
        rc = PN_ENOMEM;
        goto cleanup;
    }
    if (!G.errors && G.graphs == 0) {
        G.errors++;
        pn_diags_add(diags, PN_SEVERITY_ERROR, G.name, 0, 0, NULL, "graphml",
                     "no <graph> element: is this GraphML?");
    }
    if (G.errors) {
        rc = PN_EDATA;
        goto cleanup;
    }
    pn__gml_records R = {.name = G.name,
                         .diags = diags,
                         .root = G.root,
                         .root_lines = G.root_lines,
                         .actors = G.actors,
                         .ties = G.ties,
                         .actor_lines = G.actor_lines,
                         .tie_lines = G.tie_lines,
                         .actor_aux = G.actor_aux,
                         .tie_aux = G.tie_aux,
                         .ours = G.ours,
                         .layout = G.layout,
                         .empties = G.empties,
                         .empty_line = G.empty_line,
                         .empty_key = G.empty_key};
    if (pn__gml_ids(&R) != 0) {
        rc = PN_ENOMEM;
        goto cleanup;
    }
    int dline = 0;
    if (!defaults_fit(&G, len, &dline)) {
        pn_diags_add(diags, PN_SEVERITY_ERROR, G.name, dline, 0, NULL, "too-large",
                     "the keys' <default>s, up to this one, would add over %zu values to the "
                     "%zu nodes and %zu edges (more than 4 per byte of the file): not read",
                     len * 4 > ((size_t)1 << 22) ? len * 4 : (size_t)1 << 22,
                     json_array_size(G.actors), json_array_size(G.ties));
        rc = PN_ELIMIT;
        goto cleanup;
    }
    apply_defaults(&G);
    rc = pn__gml_names(&R);
    G.root = R.root;
    if (rc != 0)
        goto cleanup;
    if (!json_object_get(G.root, "sources"))
        json_object_set_new(G.root, "sources", json_array());
    if (json_object_set(G.root, "actors", G.actors) || json_object_set(G.root, "ties", G.ties) ||
        pn__ix_defaults(G.root, opts) != 0 || G.nomem) {
        rc = PN_ENOMEM;
        goto cleanup;
    }
    gloc loc = {G.name, G.actor_lines, G.tie_lines, G.actors, G.ties, R.id_key};
    pn__locator locator = {glocate, &loc};
    pn_load_options lo = opts->load;
    lo.name = G.name;
    rc = pn__load_json(out, G.root, &locator, &lo, diags);
    if (rc == 0 && lo.strict && G.aliases) {
        if (out) {
            pn_dataset_free(*out);
            *out = NULL;
        }
        rc = PN_EDATA;
    }
    /* The reader's own warnings (repeated edge ids) among the loader's, by line. */
    pn__diags_sort_from(diags, first_diag);

cleanup:
    if (G.xp)
        XML_ParserFree(G.xp);
    json_decref(G.rec);
    json_decref(G.rec_lines);
    json_decref(G.rec_aux);
    json_decref(G.root);
    json_decref(G.actors);
    json_decref(G.ties);
    json_decref(G.actor_lines);
    json_decref(G.tie_lines);
    json_decref(G.actor_aux);
    json_decref(G.root_lines);
    json_decref(G.tie_aux);
    for (size_t i = 0; i < G.nkeys; i++) {
        free(G.keys[i].id);
        free(G.keys[i].name);
        free(G.keys[i].type);
        free(G.keys[i].dflt);
    }
    free(G.keys);
    pn__map_free(&G.key_ids);
    free(G.edgedefault);
    free(G.rec_yed_name);
    pn__buf_free(&G.text);
    pn__buf_free(&G.label);
    return rc;
}
