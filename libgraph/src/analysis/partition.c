/* The groups of a view's actors by country, kind or region (partition.h). */
#include "analysis/partition.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"

/* The letter each of U+00C0..U+017F (Latin-1 and Latin Extended-A) folds
 * to in an id, '-' for the two signs: "Baden-Württemberg" is
 * "baden-wurttemberg", "Łódzkie" "lodzkie". */
static const char latin_fold[] = "aaaaaaaceeeeiiiidnooooo-ouuuuytsaaaaaaaceeeeiiiidnooooo-ouuuuyty"
                                 "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkklllllll"
                                 "lllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

/* text folded to [a-z0-9-] onto b: letters and digits kept (lower case,
 * Latin letters without their marks), other characters dropped, and runs
 * of anything else one '-'. */
static void fold_id(pn__buf *b, const char *text)
{
    const unsigned char *s = (const unsigned char *)text;
    bool dash = false, any = false;
    while (*s) {
        char c = 0;
        if (*s < 0x80) {
            c = (*s >= 'A' && *s <= 'Z') ? (char)(*s - 'A' + 'a') : (char)*s;
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
                c = '-';
            s++;
        } else {
            unsigned cp = 0;
            size_t n = (*s & 0xE0) == 0xC0   ? 2
                       : (*s & 0xF0) == 0xE0 ? 3
                       : (*s & 0xF8) == 0xF0 ? 4
                                             : 1;
            if (n == 2 && (s[1] & 0xC0) == 0x80)
                cp = (unsigned)(s[0] & 0x1F) << 6 | (s[1] & 0x3F);
            if (cp >= 0xC0 && cp < 0x180)
                c = latin_fold[cp - 0xC0];
            for (size_t k = 0; k < n && *s; k++)
                s++;
            if (!c)
                continue; /* another script: no letter to keep */
        }
        if (c == '-') {
            dash = any;
            continue;
        }
        if (dash)
            pn__buf_add(b, "-", 1);
        pn__buf_add(b, &c, 1);
        dash = false;
        any = true;
    }
}

static bool has_region(const pn_actor *a)
{
    return a->region && a->region[0];
}

typedef struct sort_ctx {
    const pn_dataset *ds;
    pn_aggregate_by by;
} sort_ctx;

static int by_group(const void *x, const void *y, const void *ctx)
{
    const sort_ctx *c = ctx;
    const pn_actor *a = pn_dataset_actor(c->ds, *(const size_t *)x);
    const pn_actor *b = pn_dataset_actor(c->ds, *(const size_t *)y);
    if (c->by == PN_AGGREGATE_KIND)
        return (int)a->kind - (int)b->kind;
    int d = strcmp(a->country, b->country);
    if (d || c->by == PN_AGGREGATE_COUNTRY)
        return d;
    if (has_region(a) != has_region(b))
        return has_region(a) ? -1 : 1;
    return has_region(a) ? strcmp(a->region, b->region) : 0;
}

/* The group's id and name, before the id is made unique. */
static void describe(pn__buf *id, pn__buf *name, const pn_actor *a, pn_aggregate_by by)
{
    char cc[3] = {(char)(a->country[0] - 'A' + 'a'), (char)(a->country[1] - 'A' + 'a'), 0};
    switch (by) {
    case PN_AGGREGATE_COUNTRY:
        pn__buf_printf(id, "country-%s", cc);
        pn__buf_puts(name, pn_country_name(a->country));
        break;
    case PN_AGGREGATE_KIND:
        pn__buf_printf(id, "kind-%s", pn_kind_name(a->kind));
        pn__buf_puts(name, pn_kind_name(a->kind));
        break;
    case PN_AGGREGATE_REGION:
        pn__buf_printf(id, "region-%s-", cc);
        if (has_region(a)) {
            size_t len = id->len;
            fold_id(id, a->region);
            if (id->len == len)
                pn__buf_puts(id, "region");
            pn__buf_puts(name, a->region);
        } else {
            pn__buf_puts(id, "unknown");
            pn__buf_printf(name, "%s (region unknown)", pn_country_name(a->country));
        }
        break;
    }
}

static char *take(pn__buf *b)
{
    pn__buf_add(b, "", 1);
    if (b->failed) {
        pn__buf_free(b);
        return NULL;
    }
    return b->data;
}

/* A new group from its first actor, with an id no group has yet. */
static int open_group(pn__groups *g, pn__map *ids, const pn_actor *a, pn_aggregate_by by)
{
    pn__group *gr = &g->group[g->n];
    pn__buf id, name;
    pn__buf_init(&id);
    pn__buf_init(&name);
    describe(&id, &name, a, by);
    size_t base = id.len;
    for (unsigned k = 2;; k++) {
        pn__buf_add(&id, "", 1);
        if (id.failed || !pn__map_get(ids, id.data, NULL))
            break;
        id.len = base;
        pn__buf_printf(&id, "-%u", k);
    }
    id.len--;
    gr->id = take(&id);
    gr->name = take(&name);
    if (!gr->id || !gr->name) {
        free(gr->id);
        free(gr->name);
        return PN_ENOMEM;
    }
    g->n++;
    if (pn__map_put(ids, gr->id, g->n - 1) < 0)
        return PN_ENOMEM;
    gr->kind = a->kind;
    memcpy(gr->country, a->country, 3);
    gr->region = by == PN_AGGREGATE_REGION && has_region(a) ? a->region : NULL;
    return 0;
}

/* A group's kind, unless the groups are kinds: the one most of its actors
 * have (the first in the vocabulary on equal counts); and by kind, its
 * country: the one its actors share, else ZZ. */
static void settle(pn__groups *g, const pn_dataset *ds, const size_t *order, size_t n,
                   pn_aggregate_by by)
{
    for (size_t lo = 0, gi = 0; lo < n; gi++) {
        size_t hi = lo;
        size_t count[PN_KIND_COUNT] = {0};
        pn__group *gr = &g->group[gi];
        while (hi < n && g->of[order[hi]] == gi) {
            const pn_actor *a = pn_dataset_actor(ds, order[hi]);
            count[a->kind]++;
            if (strcmp(a->country, gr->country) != 0)
                memcpy(gr->country, "ZZ", 3);
            hi++;
        }
        gr->actors = hi - lo;
        if (by != PN_AGGREGATE_KIND) {
            int best = 0;
            for (int k = 1; k < PN_KIND_COUNT; k++)
                if (count[k] > count[best])
                    best = k;
            gr->kind = (pn_kind)best;
        }
        lo = hi;
    }
}

int pn__groups_make(pn__groups *g, const pn_dataset *ds, const pn_view *view, pn_aggregate_by by,
                    pn_diags *diags)
{
    memset(g, 0, sizeof(*g));
    size_t na = pn_dataset_actor_count(ds), nt = pn_dataset_tie_count(ds);
    bool *actor_mask = malloc(na + 1);
    size_t *order = malloc((na + 1) * sizeof(size_t)), *tmp = malloc((na + 1) * sizeof(size_t));
    g->tie_mask = malloc(nt + 1);
    g->of = malloc((na + 1) * sizeof(size_t));
    g->group = calloc(na + 1, sizeof(pn__group));
    pn__map ids;
    pn__map_init(&ids);
    int rc = actor_mask && order && tmp && g->tie_mask && g->of && g->group ? 0 : PN_ENOMEM;
    if (!rc)
        rc = pn_view_select(ds, view, g->tie_mask, actor_mask, diags);
    size_t n = 0;
    for (size_t a = 0; !rc && a < na; a++) {
        g->of[a] = PN__NO_GROUP;
        if (!actor_mask[a])
            continue;
        order[n++] = a;
        const pn_actor *actor = pn_dataset_actor(ds, a);
        g->unknown += by == PN_AGGREGATE_COUNTRY  ? strcmp(actor->country, "ZZ") == 0
                      : by == PN_AGGREGATE_REGION ? !has_region(actor)
                                                  : 0;
    }
    g->actors = n;
    if (!rc) {
        sort_ctx ctx = {ds, by};
        pn__sort_stable(order, n, sizeof(size_t), tmp, by_group, &ctx);
        for (size_t k = 0; !rc && k < n; k++) {
            if (k == 0 || by_group(&order[k - 1], &order[k], &ctx) != 0)
                rc = open_group(g, &ids, pn_dataset_actor(ds, order[k]), by);
            g->of[order[k]] = g->n - 1;
        }
    }
    if (!rc)
        settle(g, ds, order, n, by);
    pn__map_free(&ids);
    free(actor_mask);
    free(order);
    free(tmp);
    return rc;
}

void pn__groups_free(pn__groups *g)
{
    for (size_t i = 0; g->group && i < g->n; i++) {
        free(g->group[i].id);
        free(g->group[i].name);
    }
    free(g->group);
    free(g->of);
    free(g->tie_mask);
    memset(g, 0, sizeof(*g));
}

const char *pn_aggregate_by_name(pn_aggregate_by by)
{
    return by == PN_AGGREGATE_KIND ? "kind" : by == PN_AGGREGATE_REGION ? "region" : "country";
}

int pn_aggregate_by_parse(const char *name, pn_aggregate_by *out)
{
    for (int by = PN_AGGREGATE_COUNTRY; by <= PN_AGGREGATE_REGION; by++)
        if (strcmp(name, pn_aggregate_by_name((pn_aggregate_by)by)) == 0) {
            *out = (pn_aggregate_by)by;
            return 0;
        }
    return PN_EINVAL;
}
