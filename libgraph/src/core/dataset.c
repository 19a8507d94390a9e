#include "paranet/dataset.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/dataset_private.h"
#include "paranet/error.h"

const char *const pn__dataset_fields[] = {"paranet", "title",  "description", "aggregate",
                                          "sources", "actors", "ties",        NULL};
const char *const pn__source_fields[] = {"id", "cite", "url", "year", NULL};
const char *const pn__actor_fields[] = {"id",  "name", "kind", "country", "aliases", "region",
                                        "lat", "lon",  "note", "sources", NULL};
const char *const pn__tie_fields[] = {"id",     "from",     "to",     "type",    "instrument",
                                      "since",  "until",    "status", "basis",   "sectors",
                                      "weight", "directed", "note",   "sources", NULL};

bool pn__field_known(const char *const *fields, const char *key)
{
    for (; *fields; fields++)
        if ((*fields)[0] == key[0] && strcmp(*fields, key) == 0)
            return true;
    return false;
}

int pn_dataset_new(pn_dataset **out)
{
    pn_dataset *ds = calloc(1, sizeof(*ds));
    if (!ds)
        return PN_ENOMEM;
    pn__pool_init(&ds->pool);
    pn__map_init(&ds->source_ids);
    pn__map_init(&ds->actor_ids);
    pn__map_init(&ds->tie_ids);
    pn__map_init(&ds->sector_names);
    *out = ds;
    return 0;
}

void pn_dataset_free(pn_dataset *ds)
{
    if (!ds)
        return;
    pn__map_free(&ds->tie_ids);
    pn__map_free(&ds->sector_names);
    pn__map_free(&ds->actor_ids);
    pn__map_free(&ds->source_ids);
    free(ds->tie_extra);
    free(ds->ties);
    free(ds->actor_extra);
    free(ds->actors);
    free(ds->source_extra);
    free(ds->sources);
    pn__pool_free(&ds->pool);
    free(ds);
}

const char *pn_dataset_title(const pn_dataset *ds)
{
    return ds->title;
}

const char *pn_dataset_description(const pn_dataset *ds)
{
    return ds->description;
}

/* A copy of text (NULL clears) into one of the dataset's own strings. */
static int set_text(pn_dataset *ds, const char **field, const char *text)
{
    bool failed = false;
    const char *t = pn__pool_strdup(&ds->pool, text, &failed);
    if (failed)
        return PN_ENOMEM;
    *field = t;
    return 0;
}

int pn_dataset_set_title(pn_dataset *ds, const char *title)
{
    return set_text(ds, &ds->title, title);
}

int pn_dataset_set_description(pn_dataset *ds, const char *description)
{
    return set_text(ds, &ds->description, description);
}

const char *pn_dataset_aggregate(const pn_dataset *ds)
{
    return ds->aggregate;
}

int pn_dataset_set_aggregate(pn_dataset *ds, const char *by)
{
    return set_text(ds, &ds->aggregate, by);
}

size_t pn_dataset_source_count(const pn_dataset *ds)
{
    return ds->n_sources;
}

size_t pn_dataset_actor_count(const pn_dataset *ds)
{
    return ds->n_actors;
}

size_t pn_dataset_tie_count(const pn_dataset *ds)
{
    return ds->n_ties;
}

const pn_source *pn_dataset_source(const pn_dataset *ds, size_t i)
{
    return i < ds->n_sources ? &ds->sources[i] : NULL;
}

const pn_actor *pn_dataset_actor(const pn_dataset *ds, size_t i)
{
    return i < ds->n_actors ? &ds->actors[i] : NULL;
}

const pn_tie *pn_dataset_tie(const pn_dataset *ds, size_t i)
{
    return i < ds->n_ties ? &ds->ties[i] : NULL;
}

static int find(const pn__map *map, const char *id, size_t *index)
{
    size_t v;
    if (!pn__map_get(map, id, &v))
        return PN_ENOTFOUND;
    if (index)
        *index = v;
    return 0;
}

int pn_dataset_find_source(const pn_dataset *ds, const char *id, size_t *index)
{
    return find(&ds->source_ids, id, index);
}

int pn_dataset_find_actor(const pn_dataset *ds, const char *id, size_t *index)
{
    return find(&ds->actor_ids, id, index);
}

int pn_dataset_find_tie(const pn_dataset *ds, const char *id, size_t *index)
{
    return find(&ds->tie_ids, id, index);
}

/* Make room for cap records in a record array and its parallel extra array. */
static int reserve(void **items, const char ***extra, size_t *alloc, size_t cap, size_t size)
{
    if (cap <= *alloc)
        return 0;
    void *p = realloc(*items, cap * size);
    if (!p)
        return PN_ENOMEM;
    *items = p;
    const char **e = realloc(*extra, cap * sizeof(**extra));
    if (!e)
        return PN_ENOMEM;
    *extra = e;
    *alloc = cap;
    return 0;
}

int pn__dataset_reserve(pn_dataset *ds, size_t sources, size_t actors, size_t ties)
{
    if (reserve((void **)&ds->sources, &ds->source_extra, &ds->a_sources, sources,
                sizeof(pn_source)) ||
        reserve((void **)&ds->actors, &ds->actor_extra, &ds->a_actors, actors, sizeof(pn_actor)) ||
        reserve((void **)&ds->ties, &ds->tie_extra, &ds->a_ties, ties, sizeof(pn_tie)) ||
        pn__map_reserve(&ds->source_ids, sources) || pn__map_reserve(&ds->actor_ids, actors) ||
        pn__map_reserve(&ds->tie_ids, ties))
        return PN_ENOMEM;
    return 0;
}

/* Grow a record array and its parallel extra array to hold one more. */
static int grow(void **items, const char ***extra, size_t *alloc, size_t n, size_t size)
{
    if (n < *alloc)
        return 0;
    size_t cap = *alloc ? *alloc * 2 : 16;
    void *p = realloc(*items, cap * size);
    if (!p)
        return PN_ENOMEM;
    *items = p;
    const char **e = realloc(*extra, cap * sizeof(**extra));
    if (!e)
        return PN_ENOMEM;
    *extra = e;
    *alloc = cap;
    return 0;
}

static const pn_ref *copy_refs(pn_dataset *ds, const pn_ref *refs, size_t n, bool *failed)
{
    if (n == 0)
        return NULL;
    pn_ref *out = pn__pool_alloc(&ds->pool, n * sizeof(*out));
    if (!out) {
        *failed = true;
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        out[i].source = refs[i].source;
        out[i].page = pn__pool_strdup(&ds->pool, refs[i].page, failed);
    }
    return out;
}

/* An array of strings copied into the pool; with names, each string is
 * interned there (one copy per distinct name, the map's value its address). */
static const char *const *copy_strings(pn_dataset *ds, const char *const *s, size_t n,
                                       pn__map *names, bool *failed)
{
    if (n == 0)
        return NULL;
    const char **out = pn__pool_alloc(&ds->pool, n * sizeof(*out));
    if (!out) {
        *failed = true;
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        size_t at;
        if (names && s[i] && pn__map_get(names, s[i], &at)) {
            out[i] = (const char *)(uintptr_t)at;
            continue;
        }
        out[i] = pn__pool_strdup(&ds->pool, s[i], failed);
        if (names && out[i] && pn__map_put(names, out[i], (size_t)(uintptr_t)out[i]) != 0)
            *failed = true;
    }
    return out;
}

static bool refs_ok(const pn_dataset *ds, const pn_ref *refs, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (refs[i].source >= ds->n_sources)
            return false;
    return true;
}

int pn_dataset_add_source(pn_dataset *ds, const pn_source *src, size_t *index)
{
    if (!src->id || pn__map_get(&ds->source_ids, src->id, NULL))
        return PN_EINVAL;
    if (grow((void **)&ds->sources, &ds->source_extra, &ds->a_sources, ds->n_sources,
             sizeof(pn_source)))
        return PN_ENOMEM;
    bool failed = false;
    pn_source s = *src;
    s.id = pn__pool_strdup(&ds->pool, src->id, &failed);
    s.cite = pn__pool_strdup(&ds->pool, src->cite, &failed);
    s.url = pn__pool_strdup(&ds->pool, src->url, &failed);
    if (failed || pn__map_put(&ds->source_ids, s.id, ds->n_sources) != 0)
        return PN_ENOMEM;
    ds->sources[ds->n_sources] = s;
    ds->source_extra[ds->n_sources] = NULL;
    if (index)
        *index = ds->n_sources;
    ds->n_sources++;
    return 0;
}

int pn_dataset_add_actor(pn_dataset *ds, const pn_actor *actor, size_t *index)
{
    if (!actor->id || !refs_ok(ds, actor->sources, actor->n_sources))
        return PN_EINVAL;
    if (grow((void **)&ds->actors, &ds->actor_extra, &ds->a_actors, ds->n_actors, sizeof(pn_actor)))
        return PN_ENOMEM;
    bool failed = false;
    pn_actor a = *actor;
    if (a.lat == 0)
        a.lat = 0; /* -0 is 0, as a tie's weight */
    if (a.lon == 0)
        a.lon = 0;
    a.id = pn__pool_strdup(&ds->pool, actor->id, &failed);
    a.name = pn__pool_strdup(&ds->pool, actor->name, &failed);
    a.aliases = copy_strings(ds, actor->aliases, actor->n_aliases, NULL, &failed);
    a.region = pn__pool_strdup(&ds->pool, actor->region, &failed);
    a.note = pn__pool_strdup(&ds->pool, actor->note, &failed);
    a.sources = copy_refs(ds, actor->sources, actor->n_sources, &failed);
    a.country[2] = '\0';
    if (failed)
        return PN_ENOMEM;
    int put = pn__map_put(&ds->actor_ids, a.id, ds->n_actors);
    if (put)
        return put == 1 ? PN_EINVAL : PN_ENOMEM; /* a duplicate id; the copies stay in the pool */
    ds->actors[ds->n_actors] = a;
    ds->actor_extra[ds->n_actors] = NULL;
    if (index)
        *index = ds->n_actors;
    ds->n_actors++;
    return 0;
}

int pn_dataset_add_tie(pn_dataset *ds, const pn_tie *tie, size_t *index)
{
    /* A duplicate id is found by pn__map_put below: one probe, not two. */
    if (tie->from >= ds->n_actors || tie->to >= ds->n_actors ||
        !refs_ok(ds, tie->sources, tie->n_sources))
        return PN_EINVAL;
    if (grow((void **)&ds->ties, &ds->tie_extra, &ds->a_ties, ds->n_ties, sizeof(pn_tie)))
        return PN_ENOMEM;
    bool failed = false;
    pn_tie t = *tie;
    if (t.weight == 0)
        t.weight = 0; /* -0 is 0: the same value, printed and saved the same way */
    t.id = pn__pool_strdup(&ds->pool, tie->id, &failed);
    t.sectors = copy_strings(ds, tie->sectors, tie->n_sectors, &ds->sector_names, &failed);
    t.note = pn__pool_strdup(&ds->pool, tie->note, &failed);
    t.sources = copy_refs(ds, tie->sources, tie->n_sources, &failed);
    if (failed)
        return PN_ENOMEM;
    if (t.id) {
        int put = pn__map_put(&ds->tie_ids, t.id, ds->n_ties);
        if (put)
            return put == 1 ? PN_EINVAL : PN_ENOMEM; /* the copies stay in the pool */
    }
    ds->ties[ds->n_ties] = t;
    ds->tie_extra[ds->n_ties] = NULL;
    if (index)
        *index = ds->n_ties;
    ds->n_ties++;
    return 0;
}

static const char **extra_slot(pn_dataset *ds, const char *record, size_t index,
                               const char *const **fields)
{
    if (strcmp(record, "dataset") == 0) {
        *fields = pn__dataset_fields;
        return &ds->extra;
    }
    if (strcmp(record, "source") == 0 && index < ds->n_sources) {
        *fields = pn__source_fields;
        return &ds->source_extra[index];
    }
    if (strcmp(record, "actor") == 0 && index < ds->n_actors) {
        *fields = pn__actor_fields;
        return &ds->actor_extra[index];
    }
    if (strcmp(record, "tie") == 0 && index < ds->n_ties) {
        *fields = pn__tie_fields;
        return &ds->tie_extra[index];
    }
    return NULL;
}

const char *pn_dataset_extra(const pn_dataset *ds, const char *record, size_t index)
{
    const char *const *fields;
    const char **slot = extra_slot((pn_dataset *)ds, record, index, &fields);
    return slot ? *slot : NULL;
}

int pn__dataset_set_extra_raw(pn_dataset *ds, const char *record, size_t index, const char *json)
{
    const char *const *fields;
    const char **slot = extra_slot(ds, record, index, &fields);
    if (!slot)
        return PN_EINVAL;
    bool failed = false;
    const char *copy = pn__pool_strdup(&ds->pool, json, &failed);
    if (failed)
        return PN_ENOMEM;
    *slot = copy;
    return 0;
}

int pn_dataset_set_extra(pn_dataset *ds, const char *record, size_t index, const char *json)
{
    const char *const *fields;
    const char **slot = extra_slot(ds, record, index, &fields);
    if (!slot)
        return PN_EINVAL;
    if (!json) {
        *slot = NULL;
        return 0;
    }
    json_error_t jerr;
    json_t *obj = json_loads(json, JSON_REJECT_DUPLICATES, &jerr);
    if (!obj)
        return PN_EINVAL;
    int rc = 0;
    const char *key;
    json_t *value;
    if (!json_is_object(obj)) {
        rc = PN_EINVAL;
        goto cleanup;
    }
    json_object_foreach(obj, key, value)
    {
        if (pn__field_known(fields, key)) {
            rc = PN_EINVAL;
            goto cleanup;
        }
    }
    if (json_object_size(obj) == 0) {
        *slot = NULL;
        goto cleanup;
    }
    char *text = json_dumps(obj, JSON_COMPACT | JSON_SORT_KEYS | JSON_ENCODE_ANY);
    if (!text) {
        rc = PN_ENOMEM;
        goto cleanup;
    }
    rc = pn__dataset_set_extra_raw(ds, record, index, text);
    free(text);
cleanup:
    json_decref(obj);
    return rc;
}

int pn_date_compare(pn_date a, pn_date b)
{
    if (a.year != b.year)
        return a.year < b.year ? -1 : 1;
    if (a.month != b.month)
        return a.month < b.month ? -1 : 1;
    if (a.day != b.day)
        return a.day < b.day ? -1 : 1;
    return 0;
}

const char *pn_date_format(pn_date d, char *buf, size_t size)
{
    if (size == 0)
        return buf;
    if (d.year == 0)
        buf[0] = '\0';
    else if (d.month == 0)
        snprintf(buf, size, "%04d", d.year);
    else if (d.day == 0)
        snprintf(buf, size, "%04d-%02d", d.year, d.month);
    else
        snprintf(buf, size, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buf;
}

static int digits(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

int pn_date_parse(const char *s, pn_date *out)
{
    pn_date d = {0, 0, 0};
    size_t n = s ? strlen(s) : 0;
    if (n != 4 && n != 7 && n != 10)
        return PN_EINVAL;
    d.year = digits(s, 4);
    if (d.year < 1)
        return PN_EINVAL;
    if (n >= 7) {
        if (s[4] != '-' || (d.month = digits(s + 5, 2)) < 1 || d.month > 12)
            return PN_EINVAL;
    }
    if (n == 10) {
        static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
        if (s[7] != '-' || (d.day = digits(s + 8, 2)) < 1 || d.day > mdays[d.month - 1] ||
            (d.month == 2 && d.day == 29 && !leap))
            return PN_EINVAL;
    }
    *out = d;
    return 0;
}
