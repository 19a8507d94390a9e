/* Merging datasets: one JSON tree built from the inputs' canonical trees,
 * then loaded (and so checked) as any dataset is. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/check.h"
#include "core/dataset_private.h"
#include "formats/interchange_private.h"
#include "paranet/merge.h"

typedef struct merger {
    const pn_merge_input *in;
    pn_merge_prefer prefer;
    pn_diags *diags;
    json_t *root, *sources, *actors, *ties;
    json_t *source_at, *actor_at, *tie_at;  /* id -> merged index */
    json_t *tie_keys;                       /* identity -> merged index */
    json_t *origin_s, *origin_a, *origin_t; /* merged index -> [input, index in it] */
    size_t n_in;
    struct rec_lines *lines; /* [input * 3 + section]: built on first use */
    size_t errors;
    bool nomem;
} merger;

/* Lines and columns of every record of one section of one input, found in
 * one walk of its text the first time a message needs one. (Walking the
 * text down to each record asked for made a merge of large inputs with
 * many shared records quadratic.) */
typedef struct rec_lines {
    bool built;
    size_t n;
    int *line, *col;
} rec_lines;

static const char *const sections[] = {"sources", "actors", "ties"};

static void rec_found(void *ctx, size_t tag, int line, int col)
{
    rec_lines *t = ctx;
    t->line[tag] = line;
    t->col[tag] = col;
}

static void build_lines(merger *M, size_t k, size_t sec, rec_lines *t)
{
    t->built = true;
    const pn_merge_input *in = &M->in[k];
    const pn_dataset *ds = in->ds;
    size_t n = sec == 0 ? ds->n_sources : sec == 1 ? ds->n_actors : ds->n_ties;
    t->line = calloc(n + 1, sizeof(int));
    t->col = calloc(n + 1, sizeof(int));
    if (!t->line || !t->col) {
        M->nomem = true;
        return;
    }
    t->n = n;
    pn__locs l;
    pn__locs_init(&l);
    pn__path p;
    memset(&p, 0, sizeof(p));
    pn__path_key(&p, sections[sec]);
    pn__path_index(&p, 0);
    for (size_t i = 0; i < n; i++) {
        p.c[1].index = i;
        if (pn__locs_add(&l, &p, i) != 0) {
            M->nomem = true;
            break;
        }
    }
    if (!M->nomem && pn__locs_resolve(&l, in->text, in->len, rec_found, t) != 0)
        M->nomem = true;
    pn__locs_free(&l);
}

static void locate(merger *M, size_t k, const char *section, size_t idx, int *line, int *col)
{
    *line = *col = 0;
    if (!M->in[k].text || !M->lines)
        return;
    size_t sec = section[0] == 's' ? 0 : section[0] == 'a' ? 1 : 2;
    rec_lines *t = &M->lines[k * 3 + sec];
    if (!t->built)
        build_lines(M, k, sec, t);
    if (idx < t->n) {
        *line = t->line[idx];
        *col = t->col[idx];
    }
}

static const char *in_name(const merger *M, size_t k)
{
    return M->in[k].name ? M->in[k].name : "<input>";
}

/* "a.json:12:5 (actors[3])" for the record a merged one first came from. */
static void origin_text(merger *M, json_t *origins, size_t merged, const char *section, char *buf,
                        size_t size)
{
    json_t *o = json_array_get(origins, merged);
    size_t k = (size_t)json_integer_value(json_array_get(o, 0));
    size_t i = (size_t)json_integer_value(json_array_get(o, 1));
    if (pn__diags_full(M->diags)) { /* for a message that will only be counted */
        snprintf(buf, size, "%s", in_name(M, k));
        return;
    }
    int line, col;
    locate(M, k, section, i, &line, &col);
    if (line)
        snprintf(buf, size, "%s:%d:%d (%s[%zu])", in_name(M, k), line, col, section, i);
    else
        snprintf(buf, size, "%s (%s[%zu])", in_name(M, k), section, i);
    pn__utf8_trim(buf); /* a long file name cut on a character */
}

static void note(merger *M, pn_severity sev, size_t k, const char *section, size_t idx,
                 const char *check, const char *fmt, ...) __attribute__((format(printf, 7, 8)));

static void note(merger *M, pn_severity sev, size_t k, const char *section, size_t idx,
                 const char *check, const char *fmt, ...)
{
    if (sev == PN_SEVERITY_ERROR)
        M->errors++;
    if (pn__diags_full(M->diags)) { /* only counted: not located */
        pn_diags_add(M->diags, sev, NULL, 0, 0, NULL, check, "%s", "");
        return;
    }
    char msg[2048], path[64];
    va_list ap;
    va_start(ap, fmt);
    if (vsnprintf(msg, sizeof(msg), fmt, ap) >= (int)sizeof(msg))
        pn__utf8_trim(msg);
    va_end(ap);
    int line, col;
    locate(M, k, section, idx, &line, &col);
    snprintf(path, sizeof(path), "%s[%zu]", section, idx);
    if (pn_diags_add(M->diags, sev, in_name(M, k), line, col, path, check, "%s", msg))
        M->nomem = true;
}

static bool track(merger *M, json_t *origins, size_t k, size_t i)
{
    if (json_array_append_new(origins, json_pack("[II]", (json_int_t)k, (json_int_t)i)) != 0) {
        M->nomem = true;
        return false;
    }
    return true;
}

static size_t index_of(json_t *map, const char *key, bool *found)
{
    json_t *v = json_object_get(map, key);
    *found = v != NULL;
    return v ? (size_t)json_integer_value(v) : 0;
}

static void put_index(merger *M, json_t *map, const char *key, size_t i)
{
    if (json_object_set_new(map, key, json_integer((json_int_t)i)) != 0)
        M->nomem = true;
}

/* A value as short text for messages. */
static void show(json_t *v, char *buf, size_t size)
{
    char sh[PN__SHORT_SIZE];
    if (json_is_string(v)) {
        if (snprintf(buf, size, "\"%s\"", pn__short(json_string_value(v), sh)) >= (int)size)
            pn__utf8_trim(buf);
        return;
    }
    char *t = v ? json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY) : NULL;
    if (snprintf(buf, size, "%s", t ? pn__short(t, sh) : "(none)") >= (int)size)
        pn__utf8_trim(buf);
    free(t);
}

/* An id not yet in map: base-N, then base-N-2, ... */
static char *fresh_id(json_t *map, const char *base, size_t k)
{
    size_t n = strlen(base) + 48;
    char *id = malloc(n);
    if (!id)
        return NULL;
    snprintf(id, n, "%s-%zu", base, k + 1);
    for (int extra = 2; json_object_get(map, id); extra++)
        snprintf(id, n, "%s-%zu-%d", base, k + 1, extra);
    return id;
}

/* Merge src's fields into dst, except those in skip: missing ones are
 * taken, differing ones follow prefer (warned). */
static void merge_fields(merger *M, json_t *dst, json_t *src, const char *const *skip, size_t k,
                         const char *section, size_t idx, const char *what, json_t *origins,
                         size_t merged)
{
    const char *key;
    json_t *v;
    json_object_foreach(src, key, v)
    {
        bool skipped = false;
        for (size_t s = 0; skip[s] && !skipped; s++)
            skipped = strcmp(skip[s], key) == 0;
        if (skipped)
            continue;
        json_t *d = json_object_get(dst, key);
        if (!d) {
            if (json_object_set(dst, key, v) != 0)
                M->nomem = true;
            continue;
        }
        if (json_equal(d, v))
            continue;
        char here[512], there[512], other[700];
        show(v, here, sizeof(here));
        show(d, there, sizeof(there));
        origin_text(M, origins, merged, section, other, sizeof(other));
        note(M, PN_SEVERITY_WARNING, k, section, idx, "merge-differs",
             "%s: \"%s\" is %s here, %s in %s; keeping %s", what, key, here, there, other,
             M->prefer == PN_MERGE_LAST ? "this one" : "that one");
        if (M->prefer == PN_MERGE_LAST && json_object_set(dst, key, v) != 0)
            M->nomem = true;
    }
}

/* Append the items of src missing from dst (arrays of strings or citations). */
static void union_array(merger *M, json_t *dst_obj, const char *key, json_t *src)
{
    if (!json_is_array(src))
        return;
    json_t *dst = json_object_get(dst_obj, key);
    if (!dst) {
        if (json_object_set(dst_obj, key, src) != 0)
            M->nomem = true;
        return;
    }
    /* An item is kept unless one equal to it (json_equal) is in dst
     * already, an item of src added before included. The items are strings
     * and {ref, page} objects of strings, for which json_equal is the
     * equality of the canonical text (keys sorted): a map of the texts seen
     * makes this linear in the items (comparing each item with every one
     * in dst was quadratic in a record's aliases). */
    size_t n = json_array_size(dst) + json_array_size(src), nt = 0;
    char **texts = malloc((n ? n : 1) * sizeof(*texts));
    pn__map seen;
    pn__map_init(&seen);
    bool ok = texts && pn__map_reserve(&seen, n) == 0;
    size_t i, nd = json_array_size(dst);
    json_t *x;
    /* The first nd items are dst's own; the rest come from src. src may be
     * dst itself (an input's array set as the merged one): then every item
     * is seen already and none is added. */
    for (i = 0; ok && i < nd + json_array_size(src); i++) {
        x = i < nd ? json_array_get(dst, i) : json_array_get(src, i - nd);
        char *t = json_dumps(x, JSON_COMPACT | JSON_SORT_KEYS | JSON_ENCODE_ANY);
        int put = t ? pn__map_put(&seen, t, i) : PN_ENOMEM;
        if (put < 0) {
            free(t);
            ok = false;
            break;
        }
        texts[nt++] = t;
        if (put == 0 && i >= nd && json_array_append(dst, x) != 0)
            ok = false;
    }
    if (!ok)
        M->nomem = true;
    pn__map_free(&seen);
    for (i = 0; i < nt; i++)
        free(texts[i]);
    free(texts);
}

static void merge_sources(merger *M, size_t k, json_t *sources, json_t *rename)
{
    char sh[PN__SHORT_SIZE], sh2[PN__SHORT_SIZE];
    size_t i;
    json_t *s;
    json_array_foreach(sources, i, s)
    {
        const char *id = json_string_value(json_object_get(s, "id"));
        bool found;
        size_t at = index_of(M->source_at, id, &found);
        if (!found) {
            put_index(M, M->source_at, id, json_array_size(M->sources));
            json_array_append(M->sources, s);
            track(M, M->origin_s, k, i);
            json_object_set_new(rename, id, json_string(id));
            continue;
        }
        json_t *d = json_array_get(M->sources, at);
        if (json_equal(json_object_get(d, "cite"), json_object_get(s, "cite"))) {
            static const char *const skip[] = {"id", "cite", NULL};
            merge_fields(M, d, s, skip, k, "sources", i, "source", M->origin_s, at);
            json_object_set_new(rename, id, json_string(id));
            continue;
        }
        char *nid = fresh_id(M->source_at, id, k);
        json_t *copy = json_deep_copy(s);
        if (!nid || !copy) {
            free(nid);
            json_decref(copy);
            M->nomem = true;
            return;
        }
        char other[700];
        origin_text(M, M->origin_s, at, "sources", other, sizeof(other));
        note(M, PN_SEVERITY_WARNING, k, "sources", i, "merge-renamed",
             "source \"%s\" cites another work than the source of that id in %s: renamed "
             "\"%s\" in the merged dataset",
             pn__short(id, sh), other, pn__short(nid, sh2));
        json_object_set_new(copy, "id", json_string(nid));
        put_index(M, M->source_at, nid, json_array_size(M->sources));
        json_array_append_new(M->sources, copy);
        track(M, M->origin_s, k, i);
        json_object_set_new(rename, id, json_string(nid));
        free(nid);
    }
}

/* Point a record's citations at the merged sources' ids. */
static void remap_refs(json_t *rec, json_t *rename)
{
    json_t *refs = json_object_get(rec, "sources");
    size_t i;
    json_t *r;
    json_array_foreach(refs, i, r)
    {
        if (json_is_string(r)) {
            json_t *to = json_object_get(rename, json_string_value(r));
            if (to)
                json_array_set(refs, i, to);
        } else if (json_is_object(r)) {
            json_t *to = json_object_get(rename, json_string_value(json_object_get(r, "ref")));
            if (to)
                json_object_set(r, "ref", to);
        }
    }
}

static void merge_actors(merger *M, size_t k, json_t *actors, json_t *rename)
{
    char sh[PN__SHORT_SIZE];
    static const char *const core[] = {"name", "kind", "country"};
    size_t i;
    json_t *a;
    json_array_foreach(actors, i, a)
    {
        remap_refs(a, rename);
        const char *id = json_string_value(json_object_get(a, "id"));
        bool found;
        size_t at = index_of(M->actor_at, id, &found);
        if (!found) {
            put_index(M, M->actor_at, id, json_array_size(M->actors));
            json_array_append(M->actors, a);
            track(M, M->origin_a, k, i);
            continue;
        }
        json_t *d = json_array_get(M->actors, at);
        char other[700] = "";
        for (size_t f = 0; f < 3; f++) {
            json_t *mine = json_object_get(a, core[f]), *theirs = json_object_get(d, core[f]);
            if (json_equal(mine, theirs))
                continue;
            if (!other[0]) /* located only for a conflict */
                origin_text(M, M->origin_a, at, "actors", other, sizeof(other));
            char here[512], there[512];
            show(mine, here, sizeof(here));
            show(theirs, there, sizeof(there));
            if (M->prefer == PN_MERGE_STOP) {
                note(M, PN_SEVERITY_ERROR, k, "actors", i, "merge-conflict",
                     "actor \"%s\": %s %s here, %s in %s (choose with --prefer first|last)",
                     pn__short(id, sh), core[f], here, there, other);
                continue;
            }
            note(M, PN_SEVERITY_WARNING, k, "actors", i, "merge-conflict",
                 "actor \"%s\": %s %s here, %s in %s; keeping %s", pn__short(id, sh), core[f], here,
                 there, other, M->prefer == PN_MERGE_LAST ? "this one" : "that one");
            json_t *dropped = M->prefer == PN_MERGE_LAST ? theirs : mine;
            json_incref(dropped);
            if (M->prefer == PN_MERGE_LAST)
                json_object_set(d, core[f], mine);
            /* A name not kept is still a name the actor goes by. */
            if (strcmp(core[f], "name") == 0) {
                json_t *one = json_pack("[O]", dropped);
                union_array(M, d, "aliases", one);
                json_decref(one);
            }
            json_decref(dropped);
        }
        union_array(M, d, "aliases", json_object_get(a, "aliases"));
        union_array(M, d, "sources", json_object_get(a, "sources"));
        static const char *const skip[] = {"id",      "name",    "kind", "country",
                                           "aliases", "sources", NULL};
        merge_fields(M, d, a, skip, k, "actors", i, "actor", M->origin_a, at);
    }
}

/* What makes two ties the same tie: every field but id, sources and extras. */
static char *tie_identity(json_t *t)
{
    static const char *const fields[] = {"from",     "to",     "type",  "instrument", "since",
                                         "until",    "status", "basis", "sectors",    "weight",
                                         "directed", "note",   NULL};
    json_t *o = json_object();
    if (!o)
        return NULL;
    for (size_t f = 0; fields[f]; f++) {
        json_t *v = json_object_get(t, fields[f]);
        if (v)
            json_object_set(o, fields[f], v);
    }
    char *s = json_dumps(o, JSON_COMPACT | JSON_SORT_KEYS);
    json_decref(o);
    return s;
}

static void merge_ties(merger *M, size_t k, json_t *ties, json_t *rename)
{
    char sh[PN__SHORT_SIZE], sh2[PN__SHORT_SIZE];
    size_t i;
    json_t *t;
    json_array_foreach(ties, i, t)
    {
        remap_refs(t, rename);
        char *key = tie_identity(t);
        if (!key) {
            M->nomem = true;
            return;
        }
        bool found;
        size_t at = index_of(M->tie_keys, key, &found);
        json_t *origin = found ? json_array_get(M->origin_t, at) : NULL;
        bool earlier = origin && (size_t)json_integer_value(json_array_get(origin, 0)) != k;
        const char *id = json_string_value(json_object_get(t, "id"));
        if (earlier) {
            /* The same tie in an earlier input: one tie citing both. */
            json_t *d = json_array_get(M->ties, at);
            union_array(M, d, "sources", json_object_get(t, "sources"));
            if (id && !json_object_get(d, "id") && !json_object_get(M->tie_at, id)) {
                json_object_set_new(d, "id", json_string(id));
                put_index(M, M->tie_at, id, at);
            }
            static const char *const skip[] = {"id", "sources", NULL};
            merge_fields(M, d, t, skip, k, "ties", i, "tie", M->origin_t, at);
            free(key);
            continue;
        }
        size_t idx = json_array_size(M->ties);
        json_t *copy = json_deep_copy(t);
        if (!copy) {
            free(key);
            M->nomem = true;
            return;
        }
        if (id && json_object_get(M->tie_at, id)) {
            char *nid = fresh_id(M->tie_at, id, k);
            if (!nid) {
                json_decref(copy);
                free(key);
                M->nomem = true;
                return;
            }
            char other[700];
            origin_text(M, M->origin_t, (size_t)json_integer_value(json_object_get(M->tie_at, id)),
                        "ties", other, sizeof(other));
            note(M, PN_SEVERITY_WARNING, k, "ties", i, "merge-renamed",
                 "tie id \"%s\" is taken by another tie (%s): renamed \"%s\"", pn__short(id, sh),
                 other, pn__short(nid, sh2));
            json_object_set_new(copy, "id", json_string(nid));
            put_index(M, M->tie_at, nid, idx);
            free(nid);
        } else if (id) {
            put_index(M, M->tie_at, id, idx);
        }
        json_array_append_new(M->ties, copy);
        track(M, M->origin_t, k, i);
        if (!found)
            put_index(M, M->tie_keys, key, idx);
        free(key);
    }
}

static void merge_top(merger *M, json_t *tree)
{
    const char *key;
    json_t *v;
    json_object_foreach(tree, key, v)
    {
        if (strcmp(key, "sources") == 0 || strcmp(key, "actors") == 0 || strcmp(key, "ties") == 0)
            continue;
        if (!json_object_get(M->root, key) || M->prefer == PN_MERGE_LAST)
            json_object_set(M->root, key, v);
    }
}

int pn_dataset_merge(pn_dataset **out, const pn_merge_input *inputs, size_t n,
                     pn_merge_prefer prefer, pn_diags *diags)
{
    if (n == 0 || !inputs)
        return PN_EINVAL;
    merger M;
    memset(&M, 0, sizeof(M));
    M.in = inputs;
    M.prefer = prefer;
    M.diags = diags;
    M.n_in = n;
    M.lines = calloc(3 * n, sizeof(*M.lines));
    int rc = 0;
    pn_diags *check = NULL;
    M.root = json_object();
    M.sources = json_array();
    M.actors = json_array();
    M.ties = json_array();
    M.source_at = json_object();
    M.actor_at = json_object();
    M.tie_at = json_object();
    M.tie_keys = json_object();
    M.origin_s = json_array();
    M.origin_a = json_array();
    M.origin_t = json_array();
    if (!M.lines || !M.root || !M.sources || !M.actors || !M.ties || !M.source_at || !M.actor_at ||
        !M.tie_at || !M.tie_keys || !M.origin_s || !M.origin_a || !M.origin_t) {
        rc = PN_ENOMEM;
        goto cleanup;
    }
    for (size_t k = 0; k < n && !M.nomem; k++) {
        json_t *tree = pn__ix_tree(inputs[k].ds);
        json_t *rename = json_object();
        if (!tree || !rename) {
            json_decref(tree);
            json_decref(rename);
            rc = PN_ENOMEM;
            goto cleanup;
        }
        merge_top(&M, tree);
        merge_sources(&M, k, json_object_get(tree, "sources"), rename);
        merge_actors(&M, k, json_object_get(tree, "actors"), rename);
        merge_ties(&M, k, json_object_get(tree, "ties"), rename);
        json_decref(rename);
        json_decref(tree);
    }
    if (M.nomem) {
        rc = PN_ENOMEM;
        goto cleanup;
    }
    if (M.errors) {
        rc = PN_EDATA;
        goto cleanup;
    }
    if (json_object_set(M.root, "sources", M.sources) ||
        json_object_set(M.root, "actors", M.actors) || json_object_set(M.root, "ties", M.ties)) {
        rc = PN_ENOMEM;
        goto cleanup;
    }
    /* The inputs were checked when loaded: only errors of the union matter. */
    if (pn_diags_new(&check) != 0) {
        rc = PN_ENOMEM;
        goto cleanup;
    }
    pn_load_options lo = PN_LOAD_OPTIONS_INIT;
    lo.name = "<merged>";
    rc = pn__load_json(out, M.root, NULL, &lo, check);
    for (size_t i = 0; i < pn_diags_count(check); i++) {
        const pn_diag *d = pn_diags_get(check, i);
        if (d->severity == PN_SEVERITY_ERROR)
            pn_diags_add(diags, d->severity, d->file, d->line, d->column, d->path, d->check, "%s",
                         d->message);
    }

cleanup:
    for (size_t i = 0; M.lines && i < 3 * n; i++) {
        free(M.lines[i].line);
        free(M.lines[i].col);
    }
    free(M.lines);
    pn_diags_free(check);
    json_decref(M.root);
    json_decref(M.sources);
    json_decref(M.actors);
    json_decref(M.ties);
    json_decref(M.source_at);
    json_decref(M.actor_at);
    json_decref(M.tie_at);
    json_decref(M.tie_keys);
    json_decref(M.origin_s);
    json_decref(M.origin_a);
    json_decref(M.origin_t);
    return rc;
}
