/* Loading a dataset from a parsed JSON document (load_text.c parses the
 * text): structure, vocabulary and references.
 *
 * Every problem is reported with its JSON path (and line, found for
 * all of them at the end in one walk of the text: pn__report_locate); a bad record is reported and
 * skipped so that the checks after it still run, as a compiler goes on after an error. */
#include <jansson.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/actor_names.h"
#include "store/check.h"
#include "core/dataset_private.h"
#include "store/json.h"
#include "paranet/io.h"

typedef struct loader {
    pn__report *r; /* set up by the caller (pn__load_doc) */
    pn__path path;
    pn_dataset *ds;
    size_t *source_pos;
    size_t *actor_pos;
    size_t *tie_pos;
    const pn_load_options *opts; /* for progress; may be NULL */
    /* For did-you-mean, built at the first unknown id (the section is
     * complete by then: sources before actors, actors before ties). */
    pn__nearest_ix near_sources, near_actors;
    /* For tie ends that give a name instead of an id: built at the first
     * such end (the actors are all in by then). */
    pn__actor_names names;
    /* The arrays of the record being read (refs_field, strings_field):
     * pn_dataset_add_actor and _add_tie copy what they keep, so one buffer
     * of each serves every record, and the peak of a load holds no second
     * copy of every tie's sources and sectors. */
    pn_ref *refs;
    size_t refs_cap;
    const char **strs;
    size_t strs_cap;
} loader;

/* buf (of *cap items of size) grown to hold n: false when out of memory. */
static bool scratch(loader *L, void **buf, size_t *cap, size_t n, size_t size)
{
    if (n <= *cap)
        return true;
    size_t want = *cap ? *cap : 8;
    while (want < n)
        want *= 2;
    void *p = realloc(*buf, want * size);
    if (!p) {
        L->r->nomem = true;
        return false;
    }
    *buf = p;
    *cap = want;
    return true;
}

/* Progress (pn_load_options.progress): parsing is about the first half of
 * a load's time, building and checking the records the second. */
static void progress(const loader *L, const char *what, double fraction)
{
    if (L->opts && L->opts->progress)
        L->opts->progress(L->opts->progress_ctx, what, fraction);
}

#define ERR(L, check, ...) pn__report_at((L)->r, PN_SEVERITY_ERROR, &(L)->path, check, __VA_ARGS__)

static const char *json_type_name(const pn__jv *v)
{
    switch ((pn__jtype)v->type) {
    case PN__J_OBJECT:
        return "an object";
    case PN__J_ARRAY:
        return "an array";
    case PN__J_STRING:
        return "a string";
    case PN__J_INTEGER:
    case PN__J_REAL:
        return "a number";
    case PN__J_TRUE:
    case PN__J_FALSE:
        return "a boolean";
    case PN__J_NULL:
        return "null";
    }
    return "a value";
}

/* Field access with the path pushed while the field is checked. */
static const pn__jv *field(loader *L, const pn__jv *obj, const char *key, bool required,
                           pn__jtype type, const char *expected)
{
    const pn__jv *v = pn__jv_get(obj, key);
    if (!v) {
        if (required)
            ERR(L, "missing-field", "missing field \"%s\" (%s)", key, expected);
        return NULL;
    }
    bool ok = v->type == type || (type == PN__J_REAL && v->type == PN__J_INTEGER) ||
              (type == PN__J_TRUE && v->type == PN__J_FALSE);
    if (!ok) {
        pn__path_key(&L->path, key);
        ERR(L, "wrong-type", "expected %s, found %s", expected, json_type_name(v));
        pn__path_pop(&L->path);
        return NULL;
    }
    return v;
}

static const char *string_field(loader *L, const pn__jv *obj, const char *key, bool required)
{
    const pn__jv *v = field(L, obj, key, required, PN__J_STRING, "a string");
    return v ? v->u.s : NULL;
}

/* Unknown keys are kept as compact JSON; near-misses of known ones warned. */
static void keep_extra(loader *L, const pn__jv *obj, const char *const *known, const char *record,
                       size_t index)
{
    json_t *extra = NULL;
    size_t nk = 0;
    while (known[nk])
        nk++;
    for (uint32_t m = 0; m < obj->n; m++) {
        const char *key = obj->u.members[m].key;
        if (pn__field_known(known, key))
            continue;
        const char *near =
            L->r->loc && L->r->loc->fields_warned ? NULL : pn__nearest_field(key, known, nk);
        if (near) {
            char sh[PN__SHORT_SIZE];
            pn__path_key(&L->path, key);
            pn__report_at(L->r, PN_SEVERITY_WARNING, &L->path, "unknown-field",
                          "unknown field \"%s\" is kept as it is (did you mean \"%s\"?)",
                          pn__short(key, sh), near);
            pn__path_pop(&L->path);
        }
        if (!extra && !(extra = json_object())) {
            L->r->nomem = true;
            return;
        }
        json_t *value = pn__jv_to_jansson(&obj->u.members[m].value);
        if (!value || json_object_set_new(extra, key, value)) {
            L->r->nomem = true;
            goto cleanup;
        }
    }
    if (!extra || !L->ds)
        goto cleanup;
    char *text = json_dumps(extra, JSON_COMPACT | JSON_SORT_KEYS);
    if (!text || pn__dataset_set_extra_raw(L->ds, record, index, text) != 0)
        L->r->nomem = true;
    free(text);
cleanup:
    json_decref(extra);
}

static int vocab_field(loader *L, const pn__jv *obj, pn_vocab vocab, bool required)
{
    const char *key = pn_vocab_field(vocab);
    const char *s = string_field(L, obj, key, required);
    if (!s)
        return -2;
    bool exact = true;
    int v = pn_vocab_match(vocab, s, &exact);
    if (v >= 0 && !exact) {
        /* A spreadsheet's spelling: read, and said (saved as the format's). */
        char sh[PN__SHORT_SIZE];
        pn__path_key(&L->path, key);
        pn__report_at(L->r, PN_SEVERITY_WARNING, &L->path, "normalised-value",
                      "%s \"%s\" is read as \"%s\" (the format's spelling)", key, pn__short(s, sh),
                      pn_vocab_name(vocab, v));
        pn__path_pop(&L->path);
    }
    if (v >= 0)
        return v;
    pn__buf allowed;
    pn__buf_init(&allowed);
    for (size_t i = 0; i < pn_vocab_size(vocab); i++)
        pn__buf_printf(&allowed, "%s%s", i ? ", " : "", pn_vocab_name(vocab, (int)i));
    const char *near = pn_vocab_suggest(vocab, s);
    char sh[PN__SHORT_SIZE];
    s = pn__short(s, sh);
    pn__path_key(&L->path, key);
    if (near)
        ERR(L, "unknown-value", "unknown %s \"%s\" (did you mean \"%s\"?); expected one of: %s",
            key, s, near, allowed.data ? allowed.data : "");
    else
        ERR(L, "unknown-value", "unknown %s \"%s\"; expected one of: %s", key, s,
            allowed.data ? allowed.data : "");
    pn__path_pop(&L->path);
    pn__buf_free(&allowed);
    return -2;
}

static bool date_field(loader *L, const pn__jv *obj, const char *key, pn_date *out)
{
    const pn__jv *v = pn__jv_get(obj, key);
    out->year = out->month = out->day = 0;
    if (!v)
        return true;
    pn__path_key(&L->path, key);
    bool ok = false;
    if (v->type == PN__J_INTEGER) {
        long long y = v->u.i;
        if (y >= 1 && y <= 9999) {
            out->year = (int)y;
            ok = true;
        }
    } else if (v->type == PN__J_STRING) {
        ok = pn_date_parse(v->u.s, out) == 0;
    }
    if (!ok)
        ERR(L, "bad-date", "expected a year (2016) or an ISO date (\"2016-05\", \"2016-05-12\")");
    pn__path_pop(&L->path);
    return ok;
}

static void no_such(loader *L, const char *what, const char *id, const char *check)
{
    bool source = strcmp(what, "source") == 0;
    pn__nearest_ix *ix = source ? &L->near_sources : &L->near_actors;
    if (!ix->built) {
        size_t n = source ? L->ds->n_sources : L->ds->n_actors;
        const char **ids = malloc((n + 1) * sizeof(*ids));
        if (ids) {
            for (size_t i = 0; i < n; i++)
                ids[i] = source ? L->ds->sources[i].id : L->ds->actors[i].id;
            if (pn__nearest_ix_build(ix, ids, n) != 0)
                ix->built = true; /* no suggestions, rather than a retry per id */
        } else {
            ix->built = true;
        }
        free(ids);
    }
    const char *near = pn__nearest_ix_find(ix, id);
    char sh[PN__SHORT_SIZE];
    if (near)
        ERR(L, check, "no %s \"%s\" (did you mean \"%s\"?)", what, pn__short(id, sh), near);
    else
        ERR(L, check, "no %s \"%s\"", what, pn__short(id, sh));
}

/* "sources": ["id", {"ref": "id", "page": "12"}] into L->refs (until the
 * next call), pages borrowed from the document (or, for a number, copied
 * into the dataset's pool). */
static bool refs_field(loader *L, const pn__jv *obj, pn_ref **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    const pn__jv *arr = field(L, obj, "sources", false, PN__J_ARRAY, "an array of source ids");
    if (!arr)
        return !pn__jv_get(obj, "sources");
    size_t len = arr->n;
    if (len == 0)
        return true;
    if (!scratch(L, (void **)&L->refs, &L->refs_cap, len, sizeof(*L->refs)))
        return false;
    pn_ref *refs = L->refs;
    bool ok = true;
    pn__path_key(&L->path, "sources");
    for (size_t i = 0; i < len; i++) {
        const pn__jv *v = &arr->u.items[i];
        const char *id = NULL, *page = NULL;
        char pagebuf[32];
        pn__path_index(&L->path, i);
        if (v->type == PN__J_STRING) {
            id = v->u.s;
        } else if (v->type == PN__J_OBJECT) {
            id = string_field(L, v, "ref", true);
            const pn__jv *pg = pn__jv_get(v, "page");
            if (pg && pg->type == PN__J_STRING) {
                page = pg->u.s;
            } else if (pg && pg->type == PN__J_INTEGER) {
                snprintf(pagebuf, sizeof(pagebuf), "%lld", pg->u.i);
                page = pagebuf;
            } else if (pg) {
                pn__path_key(&L->path, "page");
                ERR(L, "wrong-type", "expected a string such as \"12\" or \"Bab IV\", found %s",
                    json_type_name(pg));
                pn__path_pop(&L->path);
                ok = false;
            }
            for (uint32_t m = 0; m < v->n; m++) {
                const char *key = v->u.members[m].key;
                if (strcmp(key, "ref") != 0 && strcmp(key, "page") != 0) {
                    pn__path_key(&L->path, key);
                    char sh[PN__SHORT_SIZE];
                    ERR(L, "unknown-field",
                        "unknown field \"%s\" in a citation (a citation has \"ref\" and \"page\")",
                        pn__short(key, sh));
                    pn__path_pop(&L->path);
                    ok = false;
                }
            }
        } else {
            ERR(L, "wrong-type", "expected a source id or {\"ref\": id, \"page\": ...}, found %s",
                json_type_name(v));
        }
        if (id) {
            size_t s;
            if (pn_dataset_find_source(L->ds, id, &s) == 0) {
                bool failed = false;
                refs[*n].source = s;
                refs[*n].page =
                    page == pagebuf ? pn__pool_strdup(&L->ds->pool, page, &failed) : page;
                if (failed)
                    L->r->nomem = true;
                (*n)++;
            } else {
                if (v->type == PN__J_OBJECT)
                    pn__path_key(&L->path, "ref");
                no_such(L, "source", id, "unknown-source");
                if (v->type == PN__J_OBJECT)
                    pn__path_pop(&L->path);
                ok = false;
            }
        } else {
            ok = false;
        }
        pn__path_pop(&L->path);
    }
    pn__path_pop(&L->path);
    *out = refs;
    return ok;
}

static bool strings_field(loader *L, const pn__jv *obj, const char *key, const char ***out,
                          size_t *n)
{
    *out = NULL;
    *n = 0;
    const pn__jv *arr = field(L, obj, key, false, PN__J_ARRAY, "an array of strings");
    if (!arr)
        return !pn__jv_get(obj, key);
    size_t len = arr->n;
    if (len == 0)
        return true;
    if (!scratch(L, (void **)&L->strs, &L->strs_cap, len, sizeof(*L->strs)))
        return false;
    const char **s = L->strs;
    bool ok = true;
    pn__path_key(&L->path, key);
    for (size_t i = 0; i < len; i++) {
        const pn__jv *v = &arr->u.items[i];
        if (v->type == PN__J_STRING) {
            s[(*n)++] = v->u.s;
        } else {
            pn__path_index(&L->path, i);
            ERR(L, "wrong-type", "expected a string, found %s", json_type_name(v));
            pn__path_pop(&L->path);
            ok = false;
        }
    }
    pn__path_pop(&L->path);
    *out = s;
    return ok;
}

static const pn__jv *section(loader *L, const pn__jv *root, const char *key, bool required)
{
    return field(L, root, key, required, PN__J_ARRAY, "an array");
}

static bool record_object(loader *L, const pn__jv *v, const char *what)
{
    if (v->type == PN__J_OBJECT)
        return true;
    ERR(L, "wrong-type", "expected %s object, found %s", what, json_type_name(v));
    return false;
}

static void load_sources(loader *L, const pn__jv *arr)
{
    size_t n = arr->n;
    L->source_pos = malloc((n + 1) * sizeof(size_t));
    if (!L->source_pos) {
        L->r->nomem = true;
        return;
    }
    pn__path_key(&L->path, "sources");
    for (size_t i = 0; i < n; i++) {
        const pn__jv *o = &arr->u.items[i];
        pn__path_index(&L->path, i);
        if (!record_object(L, o, "a source")) {
            pn__path_pop(&L->path);
            continue;
        }
        pn_source s = {0};
        bool ok = true;
        s.id = string_field(L, o, "id", true);
        s.cite = string_field(L, o, "cite", true);
        s.url = string_field(L, o, "url", false);
        const pn__jv *year = field(L, o, "year", false, PN__J_INTEGER, "a year such as 2016");
        if (year) {
            long long y = year->u.i;
            s.year = y >= 1 && y <= 9999 ? (int)y : -1;
        }
        /* A source with a bad field is still added, so that citations of it
         * do not report it missing; the load fails on the error anyway. */
        ok = s.id != NULL;
        size_t first;
        if (s.id && pn_dataset_find_source(L->ds, s.id, &first) == 0) {
            pn__path_key(&L->path, "id");
            char sh[PN__SHORT_SIZE], ref[300];
            ERR(L, "duplicate-id", "duplicate source id \"%s\" (first at %s)", pn__short(s.id, sh),
                pn__report_record(L->r, "sources", L->source_pos[first], ref, sizeof(ref)));
            pn__path_pop(&L->path);
            ok = false;
        }
        if (ok) {
            size_t idx;
            int rc = pn_dataset_add_source(L->ds, &s, &idx);
            if (rc == 0) {
                L->source_pos[idx] = i;
                keep_extra(L, o, pn__source_fields, "source", idx);
            } else {
                L->r->nomem = true;
            }
        }
        pn__path_pop(&L->path);
    }
    pn__path_pop(&L->path);
}

/* A country field: a code, or a name or alias read as its code with a
 * warning (pn_country_lookup); two letters it does not know are held as
 * given (the checks report them); other shapes are reported here. */
static bool country_field(loader *L, const pn__jv *o, char out[3])
{
    const char *c = string_field(L, o, "country", true);
    out[0] = '\0';
    if (!c)
        return false;
    pn_country_match how;
    const char *code = pn_country_lookup(c, &how);
    char sh[PN__SHORT_SIZE];
    if (code) {
        if (how != PN_COUNTRY_CODE) {
            pn__path_key(&L->path, "country");
            pn__report_at(L->r, PN_SEVERITY_WARNING, &L->path, "normalised-value",
                          "country \"%s\" is read as \"%s\" (%s)", pn__short(c, sh), code,
                          pn_country_name(code));
            pn__path_pop(&L->path);
        }
        memcpy(out, code, 3);
        return true;
    }
    if (strlen(c) == 2) {
        memcpy(out, c, 3);
        return true;
    }
    const char *hint = how == PN_COUNTRY_AMBIGUOUS ? NULL : pn_country_suggest(c);
    c = pn__short(c, sh);
    pn__path_key(&L->path, "country");
    if (how == PN_COUNTRY_AMBIGUOUS)
        ERR(L, "bad-country",
            "\"%s\" is the name of more than one country in iso-codes' translations: give its "
            "ISO 3166-1 alpha-2 code",
            c);
    else if (hint)
        ERR(L, "bad-country",
            "unknown country \"%s\" (did you mean \"%s\", %s?); expected an ISO 3166-1 "
            "alpha-2 code or a country's name",
            c, hint, pn_country_name(hint));
    else
        ERR(L, "bad-country",
            "unknown country \"%s\"; expected an ISO 3166-1 alpha-2 code such as \"ID\" or "
            "\"KR\", or a country's name",
            c);
    pn__path_pop(&L->path);
    return false;
}

/* Whether s is a plain decimal number such as "-6.2" (with point as its
 * decimal mark): a number written as a string. */
static bool number_text(const char *s, char point)
{
    size_t i = *s == '-' || *s == '+', digits = 0, points = 0;
    for (; s[i]; i++) {
        if (s[i] >= '0' && s[i] <= '9')
            digits++;
        else if (s[i] == point && points++ == 0)
            continue;
        else
            return false;
    }
    return digits > 0;
}

/* An actor's coordinates: two numbers, both or neither. The range is
 * checked with the other values (check.c), for datasets built in code too. */
static void coords_field(loader *L, const pn__jv *o, pn_actor *a)
{
    static const char *const key[2] = {"lat", "lon"};
    const pn__jv *v[2] = {pn__jv_get(o, key[0]), pn__jv_get(o, key[1])};
    double d[2] = {0, 0};
    bool ok = true;
    for (int k = 0; k < 2; k++) {
        if (!v[k])
            continue;
        if (v[k]->type == PN__J_INTEGER || v[k]->type == PN__J_REAL) {
            d[k] = v[k]->type == PN__J_INTEGER ? (double)v[k]->u.i : v[k]->u.d;
            continue;
        }
        ok = false;
        char sh[PN__SHORT_SIZE];
        pn__path_key(&L->path, key[k]);
        if (v[k]->type == PN__J_STRING) {
            const char *hint = number_text(v[k]->u.s, '.')   ? ": write it without quotes"
                               : number_text(v[k]->u.s, ',') ? ": write it with a decimal point "
                                                               "and without quotes"
                                                             : "";
            ERR(L, "wrong-type", "expected a number (decimal degrees), found the string \"%s\"%s",
                pn__short(v[k]->u.s, sh), hint);
        } else {
            ERR(L, "wrong-type", "expected a number (decimal degrees), found %s",
                json_type_name(v[k]));
        }
        pn__path_pop(&L->path);
    }
    if (!v[0] != !v[1]) {
        int k = v[0] ? 0 : 1;
        pn__path_key(&L->path, key[k]);
        ERR(L, "half-coordinates", "%s without %s: give an actor both coordinates or neither",
            key[k], key[1 - k]);
        pn__path_pop(&L->path);
        return;
    }
    if (v[0] && ok) {
        a->has_coords = true;
        a->lat = d[0];
        a->lon = d[1];
    }
}

static void load_actors(loader *L, const pn__jv *arr)
{
    size_t n = arr->n;
    L->actor_pos = malloc((n + 1) * sizeof(size_t));
    if (!L->actor_pos) {
        L->r->nomem = true;
        return;
    }
    pn__path_key(&L->path, "actors");
    for (size_t i = 0; i < n; i++) {
        const pn__jv *o = &arr->u.items[i];
        pn__path_index(&L->path, i);
        if (!record_object(L, o, "an actor")) {
            pn__path_pop(&L->path);
            continue;
        }
        pn_actor a = {0};
        pn_ref *refs;
        const char **aliases;
        a.id = string_field(L, o, "id", true);
        a.name = string_field(L, o, "name", true);
        int kind = vocab_field(L, o, PN_VOCAB_KIND, true);
        a.kind = kind >= 0 ? (pn_kind)kind : PN_KIND_CITY;
        country_field(L, o, a.country);
        a.region = string_field(L, o, "region", false);
        coords_field(L, o, &a);
        a.note = string_field(L, o, "note", false);
        strings_field(L, o, "aliases", &aliases, &a.n_aliases);
        a.aliases = aliases;
        refs_field(L, o, &refs, &a.n_sources);
        a.sources = refs;
        size_t first;
        bool duplicate = a.id && pn_dataset_find_actor(L->ds, a.id, &first) == 0;
        if (duplicate) {
            pn__path_key(&L->path, "id");
            char sh[PN__SHORT_SIZE], ref[300];
            ERR(L, "duplicate-id", "duplicate actor id \"%s\" (first at %s)", pn__short(a.id, sh),
                pn__report_record(L->r, "actors", L->actor_pos[first], ref, sizeof(ref)));
            pn__path_pop(&L->path);
        }
        /* An actor with a bad field is still added, so that ties naming it
         * do not report it missing; the load fails on the error anyway. */
        if (a.id && a.name && !duplicate) {
            size_t idx;
            if (pn_dataset_add_actor(L->ds, &a, &idx) == 0) {
                L->actor_pos[idx] = i;
                keep_extra(L, o, pn__actor_fields, "actor", idx);
            } else {
                L->r->nomem = true;
            }
        }
        pn__path_pop(&L->path);
    }
    pn__path_pop(&L->path);
}

/* A tie end that is no actor's id but an actor's name or alias: that
 * actor, said once per name; two actors of that name are an error. */
static bool end_by_name(loader *L, const char *end, size_t *out)
{
    if (!L->names.built && pn__actor_names_build(&L->names, L->ds) != 0)
        L->r->nomem = true;
    pn__name_entry *h = pn__actor_names_find(&L->names, end);
    if (!h)
        return false;
    char sh[PN__SHORT_SIZE];
    if (h->next == SIZE_MAX) {
        *out = h->actor;
        if (!h->warned)
            pn__report_at(L->r, PN_SEVERITY_WARNING, &L->path, "end-by-name",
                          "\"%s\" is %s of actor \"%s\": read as that actor (here and in every "
                          "tie that gives it)",
                          pn__short(end, sh), h->alias ? "an alias" : "the name",
                          L->ds->actors[h->actor].id);
        h->warned = true;
        return true;
    }
    pn__buf ids;
    pn__buf_init(&ids);
    size_t count = 0;
    for (const pn__name_entry *e = h; e;
         e = e->next == SIZE_MAX ? NULL : pn__actor_names_at(&L->names, e->next), count++)
        if (count < 5)
            pn__buf_printf(&ids, "%s\"%s\"", count ? ", " : "", L->ds->actors[e->actor].id);
    if (count > 5)
        pn__buf_printf(&ids, " and %zu more", count - 5);
    ERR(L, "ambiguous-actor", "\"%s\" is the name or alias of %zu actors (%s): give the id",
        pn__short(end, sh), count, ids.data && !ids.failed ? ids.data : "");
    pn__buf_free(&ids);
    *out = SIZE_MAX;
    return true;
}

static bool end_field(loader *L, const pn__jv *o, const char *key, size_t *out)
{
    const char *id = string_field(L, o, key, true);
    if (!id)
        return false;
    if (pn_dataset_find_actor(L->ds, id, out) == 0)
        return true;
    pn__path_key(&L->path, key);
    bool named = end_by_name(L, id, out);
    if (!named)
        no_such(L, "actor", id, "unknown-actor");
    pn__path_pop(&L->path);
    return named && *out != SIZE_MAX;
}

static void load_ties(loader *L, const pn__jv *arr)
{
    size_t n = arr->n;
    L->tie_pos = malloc((n + 1) * sizeof(size_t));
    if (!L->tie_pos) {
        L->r->nomem = true;
        return;
    }
    pn__path_key(&L->path, "ties");
    for (size_t i = 0; i < n; i++) {
        const pn__jv *o = &arr->u.items[i];
        if ((i & 16383) == 16383)
            progress(L, "loading ties", 0.6 + 0.2 * (double)i / (double)n);
        pn__path_index(&L->path, i);
        if (!record_object(L, o, "a tie")) {
            pn__path_pop(&L->path);
            continue;
        }
        pn_tie t = {0};
        pn_ref *refs;
        const char **sectors;
        bool ok = true;
        t.id = string_field(L, o, "id", false);
        ok &= !pn__jv_get(o, "id") || t.id;
        ok &= end_field(L, o, "from", &t.from);
        ok &= end_field(L, o, "to", &t.to);
        int type = vocab_field(L, o, PN_VOCAB_TYPE, true);
        t.type = type >= 0 ? (pn_tie_type)type : PN_TYPE_G2G;
        ok &= type >= 0;
        int instrument = vocab_field(L, o, PN_VOCAB_INSTRUMENT, false);
        t.instrument = instrument >= 0 ? (pn_instrument)instrument : PN_INSTRUMENT_NONE;
        ok &= instrument >= 0 || !pn__jv_get(o, "instrument");
        int status = vocab_field(L, o, PN_VOCAB_STATUS, false);
        t.status = status >= 0 ? (pn_status)status : PN_STATUS_NONE;
        ok &= status >= 0 || !pn__jv_get(o, "status");
        int basis = vocab_field(L, o, PN_VOCAB_BASIS, false);
        t.basis = basis >= 0 ? (pn_basis)basis : PN_BASIS_REPORTED;
        ok &= basis >= 0 || !pn__jv_get(o, "basis");
        ok &= date_field(L, o, "since", &t.since);
        ok &= date_field(L, o, "until", &t.until);
        ok &= strings_field(L, o, "sectors", &sectors, &t.n_sectors);
        t.sectors = sectors;
        const pn__jv *w = field(L, o, "weight", false, PN__J_REAL, "a number >= 0");
        if (w) {
            t.has_weight = true;
            t.weight = w->type == PN__J_INTEGER ? (double)w->u.i : w->u.d;
        }
        ok &= w || !pn__jv_get(o, "weight");
        const pn__jv *d = field(L, o, "directed", false, PN__J_TRUE, "true or false");
        t.directed = d && d->type == PN__J_TRUE;
        ok &= d || !pn__jv_get(o, "directed");
        t.note = string_field(L, o, "note", false);
        ok &= !pn__jv_get(o, "note") || t.note;
        ok &= refs_field(L, o, &refs, &t.n_sources);
        t.sources = refs;
        /* A valid tie is added at once: the add finds a duplicate id. */
        size_t idx;
        int added = ok ? pn_dataset_add_tie(L->ds, &t, &idx) : PN_EINVAL;
        if (added == 0) {
            L->tie_pos[idx] = i;
            keep_extra(L, o, pn__tie_fields, "tie", idx);
        } else if (added == PN_ENOMEM) {
            L->r->nomem = true;
        } else {
            size_t first;
            if (t.id && pn_dataset_find_tie(L->ds, t.id, &first) == 0) {
                pn__path_key(&L->path, "id");
                char sh[PN__SHORT_SIZE], ref[300];
                ERR(L, "duplicate-id", "duplicate tie id \"%s\" (first at %s)", pn__short(t.id, sh),
                    pn__report_record(L->r, "ties", L->tie_pos[first], ref, sizeof(ref)));
                pn__path_pop(&L->path);
            }
            pn__check_tie_values(&t, i, L->r);
        }
        pn__path_pop(&L->path);
    }
    pn__path_pop(&L->path);
}

static void load_root(loader *L, const pn__jv *root)
{
    if (root->type != PN__J_OBJECT) {
        pn__report_at(L->r, PN_SEVERITY_ERROR, NULL, "not-object",
                      "expected a JSON object with \"paranet\": 1 at the top, found %s",
                      json_type_name(root));
        return;
    }
    const pn__jv *version = pn__jv_get(root, "paranet");
    if (!version) {
        ERR(L, "missing-field",
            "missing field \"paranet\" (the format version: add \"paranet\": 1 at the top)");
        return;
    }
    if (version->type != PN__J_INTEGER || version->u.i != PN_FORMAT_VERSION) {
        pn__path_key(&L->path, "paranet");
        if (version->type == PN__J_INTEGER)
            ERR(L, "bad-version", "unsupported format version %lld: this paranet reads version %d",
                version->u.i, PN_FORMAT_VERSION);
        else
            ERR(L, "bad-version", "expected the format version %d, found %s", PN_FORMAT_VERSION,
                json_type_name(version));
        pn__path_pop(&L->path);
        return;
    }
    const char *title = string_field(L, root, "title", false);
    const char *description = string_field(L, root, "description", false);
    const char *aggregate = string_field(L, root, "aggregate", false);
    if (pn_dataset_set_title(L->ds, title) || pn_dataset_set_description(L->ds, description) ||
        pn_dataset_set_aggregate(L->ds, aggregate))
        L->r->nomem = true;
    const pn__jv *sources = section(L, root, "sources", false);
    const pn__jv *actors = section(L, root, "actors", true);
    const pn__jv *ties = section(L, root, "ties", true);
    if (pn__dataset_reserve(L->ds, sources ? sources->n : 0, actors ? actors->n : 0,
                            ties ? ties->n : 0)) {
        L->r->nomem = true;
        return;
    }
    if (sources)
        load_sources(L, sources);
    if (actors)
        load_actors(L, actors);
    if (ties && actors)
        load_ties(L, ties);
    keep_extra(L, root, pn__dataset_fields, "dataset", 0);
}

/* The checks on a parsed tree, with L's report set up by the caller, who
 * owns L->ds after the call. */
static int load_tree(loader *L, const pn__jv *root, const pn_load_options *opts)
{
    int rc = pn_dataset_new(&L->ds);
    if (rc)
        return rc;
    size_t first_diag = pn_diags_count(L->r->diags);
    load_root(L, root);
    L->r->source_pos = L->source_pos;
    L->r->actor_pos = L->actor_pos;
    L->r->tie_pos = L->tie_pos;
    /* Warnings only once the structure is sound: they would be noise now. */
    progress(L, "checking", 0.8);
    pn__check_dataset(L->ds, L->r, L->r->errors == 0);
    pn__report_locate(L->r);
    /* Imports from several files (CSV) keep the loader's order. */
    if (!L->r->loc)
        pn__diags_sort_from(L->r->diags, first_diag);
    if (L->r->nomem)
        rc = PN_ENOMEM;
    else if (L->r->errors > 0 || (opts->strict && L->r->warnings > 0))
        rc = PN_EDATA;
    free(L->source_pos);
    free(L->actor_pos);
    free(L->tie_pos);
    L->source_pos = L->actor_pos = L->tie_pos = NULL;
    pn__nearest_ix_free(&L->near_sources);
    pn__nearest_ix_free(&L->near_actors);
    pn__actor_names_free(&L->names);
    free(L->refs);
    free(L->strs);
    return rc;
}

int pn__load_doc(pn_dataset **ds, const pn__jv *root, pn__report *r, const pn_load_options *opts,
                 bool progress)
{
    loader L;
    memset(&L, 0, sizeof(L));
    L.r = r;
    L.opts = progress ? opts : NULL;
    int rc = load_tree(&L, root, opts);
    *ds = L.ds;
    return rc;
}

int pn__load_json(pn_dataset **out, json_t *root, const pn__locator *loc,
                  const pn_load_options *opts, pn_diags *diags)
{
    pn_load_options defaults = PN_LOAD_OPTIONS_INIT;
    if (!opts)
        opts = &defaults;
    pn__jdoc doc;
    memset(&doc, 0, sizeof(doc));
    pn__pool_init(&doc.pool);
    pn__jv top;
    int rc = pn__jv_from_jansson(&doc, &top, root);
    if (rc == PN_EDATA)
        pn_diags_add(diags, PN_SEVERITY_ERROR, opts->name ? opts->name : "<input>", 0, 0, NULL,
                     "encoding", "a value contains a NUL character, which paranet does not accept");
    if (rc == 0)
        rc = pn__load_jv(out, &top, loc, opts, diags);
    pn__jdoc_free(&doc);
    return rc;
}

int pn__load_jv(pn_dataset **out, const pn__jv *root, const pn__locator *loc,
                const pn_load_options *opts, pn_diags *diags)
{
    pn_load_options defaults = PN_LOAD_OPTIONS_INIT;
    if (!opts)
        opts = &defaults;
    pn__report r;
    memset(&r, 0, sizeof(r));
    r.diags = diags;
    r.file = opts->name ? opts->name : "<input>";
    r.loc = loc;
    r.from_json = true;
    pn_dataset *ds = NULL;
    int rc = pn__load_doc(&ds, root, &r, opts, false);
    if (rc == 0 && out)
        *out = ds;
    else
        pn_dataset_free(ds);
    return rc;
}

int pn_dataset_validate(const pn_dataset *ds, const pn_load_options *opts, pn_diags *diags)
{
    pn__report r;
    memset(&r, 0, sizeof(r));
    r.diags = diags;
    r.file = opts ? opts->name : NULL;
    pn__check_dataset(ds, &r, true);
    pn__report_locate(&r); /* no text: only frees */
    if (r.nomem)
        return PN_ENOMEM;
    return r.errors > 0 || (opts && opts->strict && r.warnings > 0) ? PN_EDATA : 0;
}
