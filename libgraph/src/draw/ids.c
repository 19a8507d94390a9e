/* cgraph object ids that do not follow the heap (graphviz.h), so that the
 * same dataset and options give the same DOT and SVG bytes. */
#include "draw/graphviz.h"

#include <stdlib.h>
#include <string.h>

#include "core/util.h"

/* Object ids for cgraph. Its default discipline makes a named object's id
 * the address of its interned name, and orders subgraphs by id: cluster
 * order (and so the SVG) would follow the heap. These ids count up in the
 * order names are first seen (even ids; anonymous objects get odd ones).
 * As in the default discipline, each named object holds a reference to its
 * name interned in the graph (agwrite reads the refstr header of a name). */
typedef struct id_state {
    Agraph_t *g;
    pn__map ids;  /* name (own copy) -> index */
    char **keys;  /* own copies, the map's keys */
    char **names; /* interned names (agstrdup), NULL once released */
    size_t *refs; /* objects holding each name */
    size_t n, cap;
    IDTYPE anon;
    Agraph_t **subs; /* subgraphs made and not yet freed (pn__gv_close) */
    size_t n_subs, cap_subs;
} id_state;

static void *id_open(Agraph_t *g, Agdisc_t *disc)
{
    (void)disc;
    id_state *s = calloc(1, sizeof(*s));
    if (s) {
        s->g = g;
        pn__map_init(&s->ids);
        s->anon = 1;
    }
    return s;
}

static bool id_grow(id_state *s)
{
    if (s->n < s->cap)
        return true;
    size_t cap = s->cap ? 2 * s->cap : 64;
    char **keys = realloc(s->keys, cap * sizeof(char *));
    if (keys)
        s->keys = keys;
    char **names = realloc(s->names, cap * sizeof(char *));
    if (names)
        s->names = names;
    size_t *refs = realloc(s->refs, cap * sizeof(size_t));
    if (refs)
        s->refs = refs;
    if (!keys || !names || !refs)
        return false;
    s->cap = cap;
    return true;
}

static long id_map(void *state, int objtype, char *str, IDTYPE *id, int createflag)
{
    id_state *s = state;
    size_t k;
    (void)objtype;
    if (!s)
        return 0;
    if (!str) {
        *id = s->anon;
        s->anon += 2;
        return 1;
    }
    bool known = pn__map_get(&s->ids, str, &k);
    if (!createflag) {
        if (!known || !s->names[k])
            return 0;
        *id = (IDTYPE)(2 * k + 2);
        return 1;
    }
    if (!known) {
        if (!id_grow(s))
            return 0;
        char *copy = strdup(str);
        if (!copy || pn__map_put(&s->ids, copy, s->n) < 0) {
            free(copy);
            return 0;
        }
        k = s->n++;
        s->keys[k] = copy;
        s->names[k] = NULL;
        s->refs[k] = 0;
    }
    /* One reference for the new object: agstrdup counts it on the refstr. */
    char *interned = agstrdup(s->g, str);
    if (!interned)
        return 0;
    s->names[k] = interned;
    s->refs[k]++;
    *id = (IDTYPE)(2 * k + 2);
    return 1;
}

static long id_alloc(void *state, int objtype, IDTYPE request)
{
    (void)state;
    (void)objtype;
    (void)request;
    return 0; /* ids are only made by id_map */
}

/* A subgraph's id is freed as it is: no longer one to close. (A name is
 * one id for subgraphs of different parents, so others of that name go
 * too: those are then not closed by pn__gv_close, never closed twice.) */
static void forget_subgraphs(id_state *s, IDTYPE id)
{
    size_t kept = 0;
    for (size_t i = 0; i < s->n_subs; i++) {
        if (AGID(s->subs[i]) != id)
            s->subs[kept++] = s->subs[i];
    }
    s->n_subs = kept;
}

static void id_free(void *state, int objtype, IDTYPE id)
{
    id_state *s = state;
    if (s && objtype == AGRAPH)
        forget_subgraphs(s, id);
    if (!s || id % 2 != 0 || id < 2 || (id - 2) / 2 >= s->n)
        return;
    size_t k = (size_t)(id - 2) / 2;
    if (s->refs[k] > 0 && s->names[k]) {
        agstrfree(s->g, s->names[k]);
        if (--s->refs[k] == 0)
            s->names[k] = NULL;
    }
}

static char *id_print(void *state, int objtype, IDTYPE id)
{
    id_state *s = state;
    (void)objtype;
    if (!s || id % 2 != 0 || id < 2 || (id - 2) / 2 >= s->n)
        return NULL;
    return s->names[(id - 2) / 2];
}

/* Runs after cgraph has freed every object (and so released every name). */
static void id_close(void *state)
{
    id_state *s = state;
    if (!s)
        return;
    for (size_t i = 0; i < s->n; i++)
        free(s->keys[i]);
    free(s->keys);
    free(s->names);
    free(s->refs);
    free(s->subs);
    pn__map_free(&s->ids);
    free(s);
}

/* cgraph registers each object it makes; the subgraphs are kept. Failing
 * to keep one (no memory) only leaves it to agclose, as before. */
static void id_register(void *state, int objtype, void *obj)
{
    id_state *s = state;
    if (!s || objtype != AGRAPH || obj == s->g)
        return;
    if (s->n_subs == s->cap_subs) {
        size_t cap = s->cap_subs ? 2 * s->cap_subs : 16;
        Agraph_t **subs = realloc(s->subs, cap * sizeof(*subs));
        if (!subs)
            return;
        s->subs = subs;
        s->cap_subs = cap;
    }
    s->subs[s->n_subs++] = obj;
}

static Agiddisc_t id_disc = {id_open, id_map, id_alloc, id_free, id_print, id_close, id_register};

Agiddisc_t *pn__gv_id_disc(void)
{
    return &id_disc;
}

/* Whether a live subgraph is still in its parent's set of subgraphs. */
static bool attached(Agraph_t *sub)
{
    Agraph_t *par = agparent(sub);
    for (Agraph_t *t = agfstsubg(par); t; t = agnxtsubg(t)) {
        if (t == sub)
            return true;
    }
    return false;
}

/* The attribute values of a subgraph taken out of the root: the graph
 * attributes declared since (gvLayout's "bb") did not reach it, so its
 * array of values is shorter than agclose would read (cgraph's freeattr
 * frees one value per attribute of the root). The array is freed without
 * the values' references: the root's agclose frees every string. */
static void drop_values(Agraph_t *sub)
{
    char rec[] = "_AG_strdata"; /* cgraph's AgDataRecName */
    Agattr_t *attr = (Agattr_t *)aggetrec(sub, rec, 0);
    if (attr) {
        agfree(sub, attr->str);
        attr->str = NULL;
        agdelrec(sub, rec);
    }
}

/* Graphviz 2.43's dot with newrank adds a subgraph "_new_rank" (fill nodes
 * for a cluster's empty ranks: mincross.c, realFillRanks) and takes it out
 * with agdelsubg (dotinit.c, removeFill), which only unlinks it from the
 * root: never freed, its attribute dictionaries still view the root's, so
 * agclose of the root fails (dtclose refuses a viewed dictionary) before it
 * frees the graph, which leaks whole. Such a subgraph is closed here
 * first, as agdelete would have (its nodes are gone already). */
int pn__gv_close(Agraph_t *g)
{
    if (!g)
        return 0;
    id_state *s = g->clos->disc.id == &id_disc ? g->clos->state.id : NULL;
    bool closed = s != NULL;
    while (s && closed) {
        closed = false; /* agclose forgets what it frees: look again */
        for (size_t i = 0; i < s->n_subs && !closed; i++) {
            if (!attached(s->subs[i])) {
                drop_values(s->subs[i]);
                agclose(s->subs[i]);
                closed = true;
            }
        }
    }
    return agclose(g);
}
