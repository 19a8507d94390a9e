/* GEXF in: paranet's own (gexf.c writes it), NetworkX's and Gephi's, GEXF
 * 1.1 to 1.3.
 *
 * Through expat with namespace processing (GEXF elements are told by their
 * namespace, whatever their prefix) and DTDs refused, so that no entity is
 * expanded and nothing is fetched. Nodes and edges become a JSON tree in the
 * dataset format that the loader checks, each problem located at the line
 * of its element or <attvalue>. The rules (docs/formats.md, "GEXF"):
 *   - node id = actor id, unless the node has an attribute "id"; label =
 *     name, unless it has an attribute "name" (the label is then kept as
 *     the extra field "label" when it says something else);
 *   - edge id = tie id (an attribute "id" wins; "#N", paranet's mark of a
 *     tie without id, and ids that are no paranet id are dropped);
 *   - direction: the boolean attribute "directed", else the edge's type
 *     (directed; undirected or mutual: not), else defaultedgetype;
 *   - attributes named like the format's fields fill them, others are extra
 *     fields typed by their declared type; an empty value is absent;
 *   - paranet's <meta> JSON gives the sources table and the dataset's
 *     fields; in other files a citation's source is made from its id. */
#include <expat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/check.h"
#include "core/dataset_private.h"
#include "formats/gexf_private.h"
#include "formats/interchange_private.h"

typedef pn__gexf_reader xreader;

static int cur_line(xreader *X)
{
    return (int)XML_GetCurrentLineNumber(X->xp);
}

#define att pn__xml_attr

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

/* An element's namespace: GEXF's (any version, or none), paranet's, or another. */
enum { NS_GEXF, NS_PARANET, NS_OTHER };

static int split_name(const char *el, const char **local)
{
    const char *sep = strchr(el, NS_SEP);
    if (!sep) {
        *local = el;
        return NS_GEXF;
    }
    *local = sep + 1;
    size_t n = (size_t)(sep - el);
    if (n == strlen(PN__GEXF_NS_PARANET) && memcmp(el, PN__GEXF_NS_PARANET, n) == 0)
        return NS_PARANET;
    bool gexf = (n > 20 && memcmp(el, "http://www.gexf.net/", 20) == 0) ||
                (n > 16 && memcmp(el, "http://gexf.net/", 16) == 0);
    if (gexf && !(n >= 4 && memcmp(sep - 4, "/viz", 4) == 0))
        return NS_GEXF;
    return NS_OTHER;
}

static void set_aux(xreader *X, json_t *aux, const char *key, const char *value)
{
    if (value && json_object_set_new(aux, key, json_string(value)) != 0)
        X->nomem = true;
}

static size_t find_attr(xreader *X, int cls, const char *id)
{
    X->key.len = 0;
    pn__buf_printf(&X->key, "%c\x1f%s", cls == CLS_NODE ? 'n' : 'e', id);
    pn__buf_add(&X->key, "", 0);
    size_t i;
    if (X->key.failed) {
        X->nomem = true;
        return 0;
    }
    return pn__map_get(&X->attr_ids, X->key.data, &i) ? i + 1 : 0;
}

static void on_attribute(xreader *X, const XML_Char **atts)
{
    int line = cur_line(X);
    X->attr_open = 0;
    const char *id = att(atts, "id");
    if (!id) {
        pn__gexf_error(X, line, "<attribute> without an id");
        return;
    }
    char c[68];
    if (find_attr(X, X->cls, id)) {
        pn__gexf_error(X, line, "attribute \"%s\" is declared twice for %s", pn__ix_clip(id, c, 64),
                       X->cls == CLS_NODE ? "nodes" : "edges");
        return;
    }
    if (X->nattrs == X->aattrs) {
        size_t n = X->aattrs ? X->aattrs * 2 : 16;
        gattr *a = realloc(X->attrs, n * sizeof(*a));
        if (!a) {
            X->nomem = true;
            return;
        }
        X->attrs = a;
        X->aattrs = n;
    }
    gattr *a = &X->attrs[X->nattrs];
    memset(a, 0, sizeof(*a));
    const char *title = att(atts, "title");
    a->key = dup(X->key.data);
    a->title = dup(title && *title ? title : id);
    a->type = dup(att(atts, "type") ? att(atts, "type") : "string");
    a->dynamic = X->cls_dynamic;
    a->line = line;
    if (!a->key || !a->title || !a->type || pn__map_put(&X->attr_ids, a->key, X->nattrs) != 0) {
        free(a->key);
        free(a->title);
        free(a->type);
        X->nomem = true;
        return;
    }
    X->attr_open = ++X->nattrs;
}

/* How a field of a record kind is read from an attribute of this type. */
static pn__ftype field_type(const xreader *X, const char *record, const gattr *a)
{
    pn__ftype t = pn__ix_ftype(record, a->title);
    if (t != PN__F_EXTRA)
        return t;
    if (strcmp(a->type, "integer") == 0 || strcmp(a->type, "long") == 0 ||
        strcmp(a->type, "int") == 0)
        return PN__F_INT;
    if (strcmp(a->type, "double") == 0 || strcmp(a->type, "float") == 0)
        return PN__F_REAL;
    if (strcmp(a->type, "boolean") == 0 || strcmp(a->type, "bool") == 0)
        return PN__F_BOOL;
    return X->ours ? PN__F_EXTRA : PN__F_STRING;
}

/* An attribute's value (or default) into a record, as the field its title names. */
static void set_value(xreader *X, json_t *obj, json_t *lines, json_t *aux, bool edge, gattr *a,
                      const char *value, int line)
{
    const char *record = edge ? PN__REC_TIE : PN__REC_ACTOR;
    const char *title = a->title;
    size_t len = strlen(value);
    if (len == 0)
        return; /* an empty value is an absent one (R, NetworkX and Gephi write "") */
    /* NetworkX's MultiGraph key (the edge id is kept); paranet's timeline
     * mark, derived from the tie's status and dates (also after a NetworkX
     * round trip, which keeps it as any attribute). */
    if (edge && (strcmp(title, "networkx_key") == 0 ||
                 (strcmp(title, "timeline") == 0 &&
                  (strcmp(value, "never") == 0 || strcmp(value, "undated") == 0))))
        return;
    if (strcmp(title, "id") == 0) {
        if (!json_object_get(aux, "id"))
            set_aux(X, aux, "id", value);
        if (lines && json_object_set_new(lines, "id", json_integer(line)) != 0)
            X->nomem = true;
        return;
    }
    if (edge && (strcmp(title, "from") == 0 || strcmp(title, "to") == 0)) {
        if (line)
            pn__gexf_warn(X, line, "gexf-attribute",
                          "attribute \"%s\" is ignored: the edge's source and target give it",
                          title);
        return;
    }
    if (json_object_get(obj, title)) {
        if (line && a->dynamic && !a->warned) {
            a->warned = true;
            pn__gexf_warn(X, line, "gexf-dynamic",
                          "attribute \"%s\" has several values over time: only the first is read",
                          title);
        }
        return; /* the first value wins; a default never overrides */
    }
    int rc = pn__ix_decode(obj, title, value, len, field_type(X, record, a));
    if (rc == PN__IX_BAD_UTF8)
        pn__gexf_error(X, line, "attribute \"%s\": not valid UTF-8", title);
    else if (rc)
        X->nomem = true;
    if (lines && json_object_set_new(lines, title, json_integer(line)) != 0)
        X->nomem = true;
}

static void start_record(xreader *X, bool edge, const XML_Char **atts)
{
    int line = cur_line(X);
    if (X->rec) {
        pn__gexf_error(X, line,
                       "<%s> inside a <%s>: nested graphs (GEXF hierarchies) are not supported",
                       edge ? "edge" : "node", X->rec_is_edge ? "edge" : "node");
        return;
    }
    X->rec = json_object();
    X->rec_lines = json_object();
    X->rec_aux = json_object();
    X->rec_is_edge = edge;
    X->rec_depth = X->depth;
    if (!X->rec || !X->rec_lines || !X->rec_aux ||
        json_object_set_new(X->rec_lines, "@", json_integer(line)) != 0) {
        X->nomem = true;
        return;
    }
    const char *id = att(atts, "id");
    set_aux(X, X->rec_aux, "xml_id", id);
    set_aux(X, X->rec_aux, "label", att(atts, "label"));
    if (!edge) {
        if (!id)
            pn__gexf_error(X, line, "<node> without an id");
        return;
    }
    const char *s = att(atts, "source"), *t = att(atts, "target");
    if (s)
        json_object_set_new(X->rec, "from", json_string(s));
    if (t)
        json_object_set_new(X->rec, "to", json_string(t));
    if (!s || !t)
        pn__gexf_error(X, line, "<edge> without %s", !s ? "source" : "target");
    static const char *const keep[] = {"type", "kind",      "weight",  "start",
                                       "end",  "startopen", "endopen", NULL};
    for (size_t i = 0; keep[i]; i++)
        set_aux(X, X->rec_aux, keep[i], att(atts, keep[i]));
}

static void end_record(xreader *X)
{
    json_t *arr = X->rec_is_edge ? X->ties : X->actors;
    json_t *larr = X->rec_is_edge ? X->tie_lines : X->actor_lines;
    json_t *aarr = X->rec_is_edge ? X->tie_aux : X->actor_aux;
    if (json_array_append_new(arr, X->rec) != 0 || json_array_append_new(larr, X->rec_lines) != 0 ||
        json_array_append_new(aarr, X->rec_aux) != 0)
        X->nomem = true;
    X->rec = X->rec_lines = X->rec_aux = NULL;
}

static void on_attvalue(xreader *X, const XML_Char **atts)
{
    int line = cur_line(X);
    const char *f = att(atts, "for");
    if (!f)
        f = att(atts, "id"); /* GEXF 1.0 */
    const char *value = att(atts, "value");
    char c[68];
    if (!f) {
        pn__gexf_error(X, line, "<attvalue> without for");
        return;
    }
    int cls = X->rec_is_edge ? CLS_EDGE : CLS_NODE;
    size_t a = find_attr(X, cls, f);
    if (!a) {
        pn__gexf_error(X, line, "<attvalue for=\"%s\">: no such attribute is declared for %s",
                       pn__ix_clip(f, c, 64), cls == CLS_EDGE ? "edges" : "nodes");
        return;
    }
    if (!value)
        return;
    set_value(X, X->rec, X->rec_lines, X->rec_aux, X->rec_is_edge, &X->attrs[a - 1], value, line);
}

/* A spell of an edge: the first start and the last end stand for its life. */
static void on_spell(xreader *X, const XML_Char **atts)
{
    const char *s = att(atts, "start") ? att(atts, "start") : att(atts, "startopen");
    const char *e = att(atts, "end") ? att(atts, "end") : att(atts, "endopen");
    json_int_t n = json_integer_value(json_object_get(X->rec_aux, "spells"));
    if (n == 0)
        set_aux(X, X->rec_aux, "start", s);
    if (e)
        set_aux(X, X->rec_aux, "end", e);
    if (json_object_set_new(X->rec_aux, "spells", json_integer(n + 1)) != 0)
        X->nomem = true;
}

static void start_text(xreader *X, int what)
{
    X->text_what = what;
    X->text_depth = X->depth;
    X->text.len = 0;
}

static void XMLCALL on_start(void *ctx, const XML_Char *el, const XML_Char **atts)
{
    xreader *X = ctx;
    X->depth++;
    if (X->nomem || X->stopped || X->text_what)
        return;
    const char *name;
    int ns = split_name(el, &name);
    if (ns == NS_PARANET && strcmp(name, "dataset") == 0 && X->meta_depth) {
        X->ours = true;
        X->dataset_line = cur_line(X);
        start_text(X, TEXT_DATASET);
        return;
    }
    if (ns != NS_GEXF)
        return;
    if (strcmp(name, "meta") == 0) {
        X->meta_depth = X->depth;
    } else if (strcmp(name, "description") == 0 && X->meta_depth) {
        start_text(X, TEXT_DESCRIPTION);
    } else if (strcmp(name, "graph") == 0) {
        if (X->graphs++ > 0) {
            pn__gexf_error(X, cur_line(X), "a second <graph>: paranet reads one graph per file");
            return;
        }
        const char *ed = att(atts, "defaultedgetype");
        char c[68];
        if (ed && strcmp(ed, "directed") != 0 && strcmp(ed, "undirected") != 0 &&
            strcmp(ed, "mutual") != 0)
            pn__gexf_error(
                X, cur_line(X),
                "<graph defaultedgetype=\"%s\">: must be \"directed\", \"undirected\" or "
                "\"mutual\"",
                pn__ix_clip(ed, c, 64));
        X->edgedefault = dup(ed ? ed : "undirected");
        if (!X->edgedefault)
            X->nomem = true;
    } else if (strcmp(name, "attributes") == 0) {
        const char *cls = att(atts, "class");
        const char *mode = att(atts, "mode") ? att(atts, "mode") : att(atts, "type");
        char c[68];
        X->cls = cls && strcmp(cls, "node") == 0   ? CLS_NODE
                 : cls && strcmp(cls, "edge") == 0 ? CLS_EDGE
                                                   : 0;
        X->cls_dynamic = mode && strcmp(mode, "dynamic") == 0;
        if (!X->cls)
            pn__gexf_error(X, cur_line(X),
                           "<attributes class=\"%s\">: must be \"node\" or \"edge\"",
                           cls ? pn__ix_clip(cls, c, 64) : "");
    } else if (strcmp(name, "attribute") == 0) {
        if (X->cls)
            on_attribute(X, atts);
    } else if (strcmp(name, "default") == 0) {
        if (X->attr_open)
            start_text(X, TEXT_DEFAULT);
    } else if (strcmp(name, "node") == 0 || strcmp(name, "edge") == 0) {
        start_record(X, name[0] == 'e', atts);
    } else if (strcmp(name, "attvalue") == 0) {
        if (X->rec)
            on_attvalue(X, atts);
    } else if (strcmp(name, "spell") == 0 || strcmp(name, "slice") == 0) {
        if (X->rec && X->rec_is_edge)
            on_spell(X, atts);
    }
}

static void end_text(xreader *X)
{
    int what = X->text_what;
    X->text_what = TEXT_NONE;
    pn__buf_add(&X->text, "", 0);
    if (X->text.failed) {
        X->nomem = true;
        return;
    }
    if (what == TEXT_DESCRIPTION) {
        free(X->description);
        X->description = dup(X->text.data);
        if (!X->description)
            X->nomem = true;
    } else if (what == TEXT_DEFAULT) {
        gattr *a = &X->attrs[X->attr_open - 1];
        free(a->dflt);
        a->dflt = dup(X->text.data);
        if (!a->dflt)
            X->nomem = true;
    } else if (what == TEXT_DATASET) {
        json_error_t jerr;
        json_t *v = json_loadb(X->text.data, X->text.len, JSON_REJECT_DUPLICATES, &jerr);
        if (!json_is_object(v)) {
            pn__gexf_error(X, X->dataset_line,
                           "<paranet:dataset> must hold the dataset's fields as a JSON object%s%s",
                           v ? "" : ": ", v ? "" : jerr.text);
            json_decref(v);
            return;
        }
        json_decref(X->dataset);
        X->dataset = v;
    }
}

/* At the end of the nodes' <attributes>: an attribute titled as a
 * coordinate's alias (latitude, lng, ...: docs/formats.md, "Column
 * aliases") is read as lat or lon, with the warning of a CSV column's
 * alias, when another gives the other coordinate and none declared before
 * it gives this one (pn__ix_coord_partner). GEXF reads no other alias. */
static bool gives(const gattr *a, const char *field)
{
    return a->key[0] == 'n' && (strcmp(a->title, field) == 0 ||
                                pn__ix_alias_of_unknown(PN__REC_ACTOR, a->title) == field);
}

static void coord_aliases(xreader *X)
{
    for (size_t i = 0; i < X->nattrs && !X->nomem; i++) {
        gattr *a = &X->attrs[i];
        const char *field =
            a->key[0] == 'n' ? pn__ix_alias_of_unknown(PN__REC_ACTOR, a->title) : NULL;
        const char *other = pn__ix_coord_partner(PN__REC_ACTOR, field);
        if (!other)
            continue;
        bool paired = false;
        const char *real = NULL;
        for (size_t j = 0; j < X->nattrs; j++) {
            paired |= j != i && gives(&X->attrs[j], other);
            if (!real && j != i && X->attrs[j].key[0] == 'n' &&
                (strcmp(X->attrs[j].title, field) == 0 || (j < i && gives(&X->attrs[j], field))))
                real = X->attrs[j].title;
        }
        if (!paired)
            continue;
        if (!pn__ix_alias_warning(X->diags, X->name, a->line, "attribute", a->title, field, real))
            X->nomem = true;
        if (!real) {
            char *title = dup(field);
            if (!title) {
                X->nomem = true;
                return;
            }
            free(a->title);
            a->title = title;
        }
    }
}

static void XMLCALL on_end(void *ctx, const XML_Char *el)
{
    xreader *X = ctx;
    int depth = X->depth--;
    if (X->nomem || X->stopped)
        return;
    if (X->text_what) {
        if (depth == X->text_depth)
            end_text(X);
        return;
    }
    const char *name;
    if (split_name(el, &name) != NS_GEXF)
        return;
    if (strcmp(name, "meta") == 0 && depth == X->meta_depth)
        X->meta_depth = 0;
    else if (strcmp(name, "attributes") == 0) {
        if (X->cls == CLS_NODE)
            coord_aliases(X);
        X->cls = 0;
    } else if (strcmp(name, "attribute") == 0)
        X->attr_open = 0;
    else if ((strcmp(name, "node") == 0 || strcmp(name, "edge") == 0) && X->rec &&
             depth == X->rec_depth)
        end_record(X);
}

static void XMLCALL on_text(void *ctx, const XML_Char *s, int len)
{
    xreader *X = ctx;
    if (X->text_what && X->depth == X->text_depth)
        pn__buf_add(&X->text, s, (size_t)len);
}

static void XMLCALL on_doctype(void *ctx, const XML_Char *name, const XML_Char *sysid,
                               const XML_Char *pubid, int has_internal_subset)
{
    (void)name;
    (void)sysid;
    (void)pubid;
    (void)has_internal_subset;
    xreader *X = ctx;
    X->errors++;
    pn_diags_add(X->diags, PN_SEVERITY_ERROR, X->name, cur_line(X), 0, NULL, "gexf-dtd",
                 "a <!DOCTYPE> is not accepted: GEXF needs none, and paranet expands no entities "
                 "and fetches no external files");
    X->stopped = true;
    XML_StopParser(X->xp, XML_FALSE);
}

/* Attributes' <default>s, for records that lack the field: refused past
 * 4 values per byte of the file (as GraphML's keys), not grown a
 * hundredfold in memory. */
static int apply_defaults(xreader *X, size_t len)
{
    size_t values = 0, limit = len * 4 > ((size_t)1 << 22) ? len * 4 : (size_t)1 << 22;
    for (size_t k = 0; k < X->nattrs; k++) {
        gattr *a = &X->attrs[k];
        if (!a->dflt)
            continue;
        bool edge = a->key[0] == 'e';
        json_t *arr = edge ? X->ties : X->actors;
        values += json_array_size(arr);
        if (values > limit) {
            pn_diags_add(X->diags, PN_SEVERITY_ERROR, X->name, a->line, 0, NULL, "too-large",
                         "the attributes' <default>s, up to this one, would add over %zu values "
                         "(more than 4 per byte of the file): not read",
                         limit);
            return PN_ELIMIT;
        }
        size_t i;
        json_t *o;
        json_array_foreach(arr, i, o)
        {
            json_t *aux = json_array_get(edge ? X->tie_aux : X->actor_aux, i);
            set_value(X, o, NULL, aux, edge, a, a->dflt, 0);
        }
    }
    return X->nomem ? PN_ENOMEM : 0;
}

static void reader_free(xreader *X)
{
    if (X->xp)
        XML_ParserFree(X->xp);
    json_decref(X->rec);
    json_decref(X->rec_lines);
    json_decref(X->rec_aux);
    json_decref(X->root);
    json_decref(X->actors);
    json_decref(X->ties);
    json_decref(X->actor_lines);
    json_decref(X->tie_lines);
    json_decref(X->actor_aux);
    json_decref(X->tie_aux);
    json_decref(X->dataset);
    for (size_t i = 0; i < X->nattrs; i++) {
        free(X->attrs[i].key);
        free(X->attrs[i].title);
        free(X->attrs[i].type);
        free(X->attrs[i].dflt);
    }
    free(X->attrs);
    pn__map_free(&X->attr_ids);
    pn__buf_free(&X->key);
    pn__buf_free(&X->text);
    free(X->edgedefault);
    free(X->description);
}

int pn_gexf_load(pn_dataset **out, const char *data, size_t len, const pn_import_options *opts,
                 pn_diags *diags)
{
    pn_import_options defaults = PN_IMPORT_OPTIONS_INIT;
    if (!opts)
        opts = &defaults;
    xreader X;
    memset(&X, 0, sizeof(X));
    X.diags = diags;
    X.name = opts->load.name ? opts->load.name : "<input>";
    size_t first_diag = pn_diags_count(diags);
    pn__buf_init(&X.text);
    pn__buf_init(&X.key);
    pn__map_init(&X.attr_ids);
    if (len > opts->load.max_bytes || len > (size_t)0x7fffffff) {
        pn_diags_add(diags, PN_SEVERITY_ERROR, X.name, 0, 0, NULL, "too-large",
                     len > opts->load.max_bytes
                         ? "input is %zu bytes, over the limit of %zu (raise it with --max-bytes)"
                         : "GEXF input of %zu bytes is over the 2 GiB paranet reads (limit %zu)",
                     len, opts->load.max_bytes);
        return PN_ELIMIT;
    }
    int rc = 0;
    X.root = json_pack("{s:i}", "paranet", PN_FORMAT_VERSION);
    X.actors = json_array();
    X.ties = json_array();
    X.actor_lines = json_array();
    X.tie_lines = json_array();
    X.actor_aux = json_array();
    X.tie_aux = json_array();
    X.xp = XML_ParserCreateNS(NULL, NS_SEP);
    if (!X.root || !X.actors || !X.ties || !X.actor_lines || !X.tie_lines || !X.actor_aux ||
        !X.tie_aux || !X.xp) {
        rc = PN_ENOMEM;
        goto cleanup;
    }
    XML_SetUserData(X.xp, &X);
    XML_SetElementHandler(X.xp, on_start, on_end);
    XML_SetCharacterDataHandler(X.xp, on_text);
    XML_SetStartDoctypeDeclHandler(X.xp, on_doctype);
    XML_SetParamEntityParsing(X.xp, XML_PARAM_ENTITY_PARSING_NEVER);
    if ((rc = pn__xml_parse(X.xp, data, len, X.name, &X.stopped, &X.nomem, &X.errors, diags)) != 0)
        goto cleanup;
    if (X.nomem) {
        rc = PN_ENOMEM;
        goto cleanup;
    }
    if (!X.errors && X.graphs == 0) {
        X.errors++;
        pn_diags_add(diags, PN_SEVERITY_ERROR, X.name, 0, 0, NULL, "gexf",
                     "no <graph> element in GEXF's namespace: is this GEXF?");
    }
    if (X.errors) {
        rc = PN_EDATA;
        goto cleanup;
    }
    if ((rc = apply_defaults(&X, len)) != 0)
        goto cleanup;
    pn__gexf_settle_records(&X);
    pn__gexf_settle_dataset(&X);
    if (X.nomem || json_object_set(X.root, "actors", X.actors) ||
        json_object_set(X.root, "ties", X.ties) || pn__ix_defaults(X.root, opts) != 0) {
        rc = PN_ENOMEM;
        goto cleanup;
    }
    if (X.errors) {
        rc = PN_EDATA;
        goto cleanup;
    }
    pn__gexf_loc loc = {X.name, X.actor_lines, X.tie_lines, X.actors, X.ties};
    pn__locator locator = {pn__gexf_locate, &loc, NULL};
    pn_load_options lo = opts->load;
    lo.name = X.name;
    rc = pn__load_json(out, X.root, &locator, &lo, diags);
    pn__diags_sort_from(diags, first_diag);

cleanup:
    reader_free(&X);
    return rc;
}
