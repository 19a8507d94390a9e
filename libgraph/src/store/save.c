/* Writing canonical JSON: the format's key order, 2-space indent, short
 * arrays of scalars on one line, and numbers in their shortest exact form
 * (jansson prints 0.1 as 0.10000000000000001, which no one wants to read in
 * a dataset under version control). */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/dataset_private.h"
#include "paranet/io.h"

static void emit_string(pn__buf *b, const char *s, size_t len)
{
    pn__buf_add(b, "\"", 1);
    size_t start = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        const char *esc = NULL;
        char tmp[8];
        if (c == '"')
            esc = "\\\"";
        else if (c == '\\')
            esc = "\\\\";
        else if (c == '\n')
            esc = "\\n";
        else if (c == '\t')
            esc = "\\t";
        else if (c == '\r')
            esc = "\\r";
        else if (c < 0x20 || c == 0x7f) {
            snprintf(tmp, sizeof(tmp), "\\u%04x", c);
            esc = tmp;
        }
        if (esc) {
            pn__buf_add(b, s + start, i - start);
            pn__buf_puts(b, esc);
            start = i + 1;
        }
    }
    pn__buf_add(b, s + start, len - start);
    pn__buf_add(b, "\"", 1);
}

static void emit_real(pn__buf *b, double v)
{
    char tmp[40];
    for (int prec = 15; prec <= 17; prec++) {
        snprintf(tmp, sizeof(tmp), "%.*g", prec, v);
        if (strtod(tmp, NULL) == v)
            break;
    }
    pn__buf_puts(b, tmp);
    /* A real stays a real when read back: 1.0 is not the integer 1, and
     * -0.0 is not the integer 0 (which the next save would write "0"). */
    if (!strpbrk(tmp, ".eEni"))
        pn__buf_puts(b, ".0");
}

static void indent(pn__buf *b, int depth)
{
    for (int i = 0; i < depth; i++)
        pn__buf_add(b, "  ", 2);
}

static bool scalar(const json_t *v)
{
    return !json_is_object(v) && !json_is_array(v);
}

static void emit(pn__buf *b, const json_t *v, int depth)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT: {
        if (json_object_size(v) == 0) {
            pn__buf_puts(b, "{}");
            return;
        }
        pn__buf_puts(b, "{\n");
        const char *key;
        json_t *x;
        size_t i = 0, n = json_object_size(v);
        json_object_foreach((json_t *)v, key, x)
        {
            indent(b, depth + 1);
            emit_string(b, key, strlen(key));
            pn__buf_puts(b, ": ");
            emit(b, x, depth + 1);
            pn__buf_puts(b, ++i < n ? ",\n" : "\n");
        }
        indent(b, depth);
        pn__buf_puts(b, "}");
        return;
    }
    case JSON_ARRAY: {
        size_t n = json_array_size(v);
        if (n == 0) {
            pn__buf_puts(b, "[]");
            return;
        }
        bool inline_ = true;
        size_t chars = 0;
        for (size_t i = 0; i < n && inline_; i++) {
            json_t *x = json_array_get(v, i);
            inline_ = scalar(x);
            if (json_is_string(x))
                chars += json_string_length(x) + 4;
        }
        if (inline_ && chars < 80) {
            pn__buf_puts(b, "[");
            for (size_t i = 0; i < n; i++) {
                if (i)
                    pn__buf_puts(b, ", ");
                emit(b, json_array_get(v, i), depth);
            }
            pn__buf_puts(b, "]");
            return;
        }
        pn__buf_puts(b, "[\n");
        for (size_t i = 0; i < n; i++) {
            indent(b, depth + 1);
            emit(b, json_array_get(v, i), depth + 1);
            pn__buf_puts(b, i + 1 < n ? ",\n" : "\n");
        }
        indent(b, depth);
        pn__buf_puts(b, "]");
        return;
    }
    case JSON_STRING:
        emit_string(b, json_string_value(v), json_string_length(v));
        return;
    case JSON_INTEGER:
        pn__buf_printf(b, "%lld", (long long)json_integer_value(v));
        return;
    case JSON_REAL:
        emit_real(b, json_real_value(v));
        return;
    case JSON_TRUE:
        pn__buf_puts(b, "true");
        return;
    case JSON_FALSE:
        pn__buf_puts(b, "false");
        return;
    case JSON_NULL:
        pn__buf_puts(b, "null");
        return;
    }
}

/* Helpers that build records; a NULL value (allocation failure) is caught
 * by the final check of the whole tree's construction. */
static int set(json_t *o, const char *key, json_t *v, bool *failed)
{
    if (!v || json_object_set_new(o, key, v) != 0)
        *failed = true;
    return 0;
}

static void set_str(json_t *o, const char *key, const char *s, bool *failed)
{
    if (s)
        set(o, key, json_string(s), failed);
}

static void add_extra(json_t *o, const char *extra, bool *failed)
{
    if (!extra)
        return;
    json_t *x = json_loads(extra, 0, NULL);
    if (!x || json_object_update(o, x) != 0)
        *failed = true;
    json_decref(x);
}

static json_t *refs_json(const pn_dataset *ds, const pn_ref *refs, size_t n, bool *failed)
{
    json_t *a = json_array();
    if (!a) {
        *failed = true;
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        const char *id = ds->sources[refs[i].source].id;
        json_t *v = refs[i].page ? json_pack("{s:s,s:s}", "ref", id, "page", refs[i].page)
                                 : json_string(id);
        if (!v || json_array_append_new(a, v) != 0)
            *failed = true;
    }
    return a;
}

static json_t *strings_json(const char *const *s, size_t n, bool *failed)
{
    json_t *a = json_array();
    if (!a) {
        *failed = true;
        return NULL;
    }
    for (size_t i = 0; i < n; i++)
        if (json_array_append_new(a, json_string(s[i])) != 0)
            *failed = true;
    return a;
}

/* A number, whole or not (a weight, a coordinate): a whole one is written as
 * an integer (2, not 2.0), as it was given in most datasets; others in their
 * shortest form that reads back exactly (emit_real). */
static json_t *number_json(double v)
{
    if (v == floor(v) && fabs(v) <= 9007199254740992.0)
        return json_integer((json_int_t)v);
    return json_real(v);
}

static json_t *date_json(pn_date d)
{
    char buf[16];
    if (d.month == 0)
        return json_integer(d.year);
    return json_string(pn_date_format(d, buf, sizeof(buf)));
}

/* One record at a time: the tree of a 100k-actor dataset took most of the
 * save's time in malloc, and gigabytes; a record's tree is freed as soon as
 * it is written (docs/performance.md). */
static json_t *source_json(const pn_dataset *ds, size_t i, bool *failed)
{
    const pn_source *s = &ds->sources[i];
    json_t *o = json_object();
    if (!o) {
        *failed = true;
        return NULL;
    }
    set_str(o, "id", s->id, failed);
    set_str(o, "cite", s->cite, failed);
    set_str(o, "url", s->url, failed);
    if (s->year)
        set(o, "year", json_integer(s->year), failed);
    add_extra(o, ds->source_extra[i], failed);
    return o;
}

static json_t *actor_json(const pn_dataset *ds, size_t i, bool *failed)
{
    const pn_actor *a = &ds->actors[i];
    json_t *o = json_object();
    if (!o) {
        *failed = true;
        return NULL;
    }
    set_str(o, "id", a->id, failed);
    set_str(o, "name", a->name, failed);
    set_str(o, "kind", pn_kind_name(a->kind), failed);
    set_str(o, "country", a->country, failed);
    if (a->n_aliases)
        set(o, "aliases", strings_json(a->aliases, a->n_aliases, failed), failed);
    set_str(o, "region", a->region, failed);
    if (a->has_coords) {
        set(o, "lat", number_json(a->lat), failed);
        set(o, "lon", number_json(a->lon), failed);
    }
    set_str(o, "note", a->note, failed);
    if (a->n_sources)
        set(o, "sources", refs_json(ds, a->sources, a->n_sources, failed), failed);
    add_extra(o, ds->actor_extra[i], failed);
    return o;
}

static json_t *tie_json(const pn_dataset *ds, size_t i, bool *failed)
{
    const pn_tie *t = &ds->ties[i];
    json_t *o = json_object();
    if (!o) {
        *failed = true;
        return NULL;
    }
    set_str(o, "id", t->id, failed);
    set_str(o, "from", ds->actors[t->from].id, failed);
    set_str(o, "to", ds->actors[t->to].id, failed);
    set_str(o, "type", pn_tie_type_name(t->type), failed);
    if (t->instrument != PN_INSTRUMENT_NONE)
        set_str(o, "instrument", pn_instrument_name(t->instrument), failed);
    if (t->since.year)
        set(o, "since", date_json(t->since), failed);
    if (t->until.year)
        set(o, "until", date_json(t->until), failed);
    if (t->status != PN_STATUS_NONE)
        set_str(o, "status", pn_status_name(t->status), failed);
    if (t->basis != PN_BASIS_REPORTED)
        set_str(o, "basis", pn_basis_name(t->basis), failed);
    if (t->n_sectors)
        set(o, "sectors", strings_json(t->sectors, t->n_sectors, failed), failed);
    /* A weight is a number, whole or not: a whole one is written as an
     * integer (2, not 2.0), as it was given in most datasets. */
    if (t->has_weight)
        set(o, "weight", number_json(t->weight), failed);
    if (t->directed)
        set(o, "directed", json_true(), failed);
    set_str(o, "note", t->note, failed);
    if (t->n_sources)
        set(o, "sources", refs_json(ds, t->sources, t->n_sources, failed), failed);
    add_extra(o, ds->tie_extra[i], failed);
    return o;
}

/* "key": [records], at depth 1 of the top-level object, as emit would. */
static void emit_section(pn__buf *b, const pn_dataset *ds, const char *key, size_t n,
                         json_t *(*make)(const pn_dataset *, size_t, bool *), bool *failed)
{
    indent(b, 1);
    emit_string(b, key, strlen(key));
    if (n == 0) {
        pn__buf_puts(b, ": []");
        return;
    }
    pn__buf_puts(b, ": [\n");
    for (size_t i = 0; i < n && !*failed && !b->failed; i++) {
        json_t *o = make(ds, i, failed);
        if (!o)
            break;
        indent(b, 2);
        emit(b, o, 2);
        pn__buf_puts(b, i + 1 < n ? ",\n" : "\n");
        json_decref(o);
    }
    indent(b, 1);
    pn__buf_puts(b, "]");
}

/* The deepest nesting --max-depth lets the JSON reader take: a dataset
 * that would be saved deeper is refused, not written unreadable. */
#define SAVE_MAX_DEPTH 2000

/* Nesting depth of a JSON text (strings skipped). */
static size_t text_depth(const char *s)
{
    size_t depth = 0, most = 0;
    for (; *s; s++) {
        if (*s == '"') {
            for (s++; *s && *s != '"'; s++)
                if (*s == '\\' && s[1])
                    s++;
            if (!*s)
                break;
        } else if (*s == '{' || *s == '[') {
            if (++depth > most)
                most = depth;
        } else if (*s == '}' || *s == ']') {
            depth -= depth > 0;
        }
    }
    return most;
}

/* How deep the saved text will nest, as the reader counts (the top object
 * is level 1): a record's extras sit inside its object, at level 3, the
 * dataset's at level 1. Extras come from any importer, whose own depth
 * limit may differ from the JSON reader's. */
static size_t saved_depth(const pn_dataset *ds)
{
    size_t most = 5; /* {"ties": [{"sources": [{"ref": ...}]}]} */
    if (ds->extra && text_depth(ds->extra) > most)
        most = text_depth(ds->extra);
    const char **extras[] = {ds->source_extra, ds->actor_extra, ds->tie_extra};
    size_t counts[] = {ds->n_sources, ds->n_actors, ds->n_ties};
    for (size_t k = 0; k < 3; k++)
        for (size_t i = 0; extras[k] && i < counts[k]; i++)
            if (extras[k][i] && text_depth(extras[k][i]) + 2 > most)
                most = text_depth(extras[k][i]) + 2;
    return most;
}

int pn_dataset_save_buffer(const pn_dataset *ds, char **out, size_t *len)
{
    if (saved_depth(ds) > SAVE_MAX_DEPTH)
        return PN_ELIMIT;
    bool failed = false;
    pn__buf b;
    pn__buf_init(&b);
    /* The top level by hand, in the format's key order, extras after. */
    json_t *head = json_object(), *extra = NULL;
    if (!head)
        return PN_ENOMEM;
    set(head, "paranet", json_integer(PN_FORMAT_VERSION), &failed);
    set_str(head, "title", ds->title, &failed);
    set_str(head, "description", ds->description, &failed);
    set_str(head, "aggregate", ds->aggregate, &failed);
    if (ds->extra && !(extra = json_loads(ds->extra, 0, NULL)))
        failed = true;
    pn__buf_puts(&b, "{\n");
    const char *key;
    json_t *x;
    json_object_foreach(head, key, x)
    {
        indent(&b, 1);
        emit_string(&b, key, strlen(key));
        pn__buf_puts(&b, ": ");
        emit(&b, x, 1);
        pn__buf_puts(&b, ",\n");
    }
    emit_section(&b, ds, "sources", ds->n_sources, source_json, &failed);
    pn__buf_puts(&b, ",\n");
    emit_section(&b, ds, "actors", ds->n_actors, actor_json, &failed);
    pn__buf_puts(&b, ",\n");
    emit_section(&b, ds, "ties", ds->n_ties, tie_json, &failed);
    if (extra) {
        json_object_foreach(extra, key, x)
        {
            pn__buf_puts(&b, ",\n");
            indent(&b, 1);
            emit_string(&b, key, strlen(key));
            pn__buf_puts(&b, ": ");
            emit(&b, x, 1);
        }
    }
    pn__buf_puts(&b, "\n}\n");
    json_decref(extra);
    json_decref(head);
    if (failed || b.failed || !b.data) {
        pn__buf_free(&b);
        return PN_ENOMEM;
    }
    *out = b.data;
    if (len)
        *len = b.len;
    return 0;
}

int pn_dataset_save_file(const pn_dataset *ds, const char *path, pn_diags *diags)
{
    char *text;
    size_t len;
    int rc = pn_dataset_save_buffer(ds, &text, &len);
    if (rc == PN_ELIMIT) {
        pn_diags_add(diags, PN_SEVERITY_ERROR, path, 0, 0, NULL, "too-deep",
                     "the dataset holds values nested deeper than %d levels, which paranet "
                     "cannot read back: not written",
                     SAVE_MAX_DEPTH);
        return rc;
    }
    if (rc) {
        pn_diags_add(diags, PN_SEVERITY_ERROR, path, 0, 0, NULL, "nomem",
                     "out of memory while writing");
        return rc;
    }
    rc = pn_write_file_atomic(path, text, len, diags);
    free(text);
    return rc;
}
