/* The quotient network of a view: one actor per group of actors, one tie
 * per pair of groups, type and direction, weighted by the ties it stands
 * for (paranet/aggregate.h, docs/aggregate.md). */
#include "paranet/aggregate.h"

#include <stdlib.h>
#include <string.h>

#include "analysis/partition.h"
#include "core/util.h"

/* A tie of the view between two groups, by the aggregated tie it joins. */
typedef struct link {
    size_t a, b; /* groups; a < b when undirected */
    int type;
    bool directed;
    size_t tie;
} link;

static int by_link(const void *x, const void *y, const void *ctx)
{
    (void)ctx;
    const link *p = x, *q = y;
    if (p->a != q->a)
        return p->a < q->a ? -1 : 1;
    if (p->b != q->b)
        return p->b < q->b ? -1 : 1;
    if (p->type != q->type)
        return p->type - q->type;
    return (int)p->directed - (int)q->directed;
}

/* The title, description, unknown fields and sources of ds. */
static int copy_head(pn_dataset *out, const pn_dataset *ds, pn_aggregate_by by)
{
    pn__buf title;
    pn__buf_init(&title);
    const char *t = pn_dataset_title(ds);
    pn__buf_printf(&title, "%s%sby %s", t ? t : "", t ? ", " : "", pn_aggregate_by_name(by));
    pn__buf_add(&title, "", 1);
    int rc = title.failed ? PN_ENOMEM : pn_dataset_set_title(out, title.data);
    pn__buf_free(&title);
    if (!rc)
        rc = pn_dataset_set_description(out, pn_dataset_description(ds));
    if (!rc)
        rc = pn_dataset_set_aggregate(out, pn_aggregate_by_name(by));
    const char *extra = pn_dataset_extra(ds, "dataset", 0);
    if (!rc && extra)
        rc = pn_dataset_set_extra(out, "dataset", 0, extra);
    for (size_t i = 0; !rc && i < pn_dataset_source_count(ds); i++) {
        rc = pn_dataset_add_source(out, pn_dataset_source(ds, i), NULL);
        extra = pn_dataset_extra(ds, "source", i);
        if (!rc && extra)
            rc = pn_dataset_set_extra(out, "source", i, extra);
    }
    return rc;
}

/* The group actors, with their actors and the ties inside them. */
static int add_groups(pn_dataset *out, const pn_dataset *ds, const pn__groups *g,
                      pn_aggregate_stats *st)
{
    size_t(*inside)[PN_TYPE_COUNT] = calloc(g->n + 1, sizeof(*inside));
    if (!inside)
        return PN_ENOMEM;
    for (size_t i = 0; i < pn_dataset_tie_count(ds); i++) {
        const pn_tie *t = pn_dataset_tie(ds, i);
        if (g->tie_mask[i] && g->of[t->from] == g->of[t->to])
            inside[g->of[t->from]][t->type]++;
    }
    int rc = 0;
    pn__buf x;
    pn__buf_init(&x);
    for (size_t k = 0; !rc && k < g->n; k++) {
        const pn__group *gr = &g->group[k];
        pn_actor a = {0};
        a.id = gr->id;
        a.name = gr->name;
        a.kind = gr->kind;
        memcpy(a.country, gr->country, 3);
        a.region = gr->region;
        size_t n = 0;
        for (int t = 0; t < PN_TYPE_COUNT; t++)
            n += inside[k][t];
        st->within += n;
        x.len = 0;
        pn__buf_printf(&x, "{\"actors\":%zu,\"internal_ties\":%zu", gr->actors, n);
        for (int t = 0, first = 1; n && t < PN_TYPE_COUNT; t++)
            if (inside[k][t]) {
                pn__buf_printf(&x, "%s\"%s\":%zu", first ? ",\"internal_types\":{" : ",",
                               pn_tie_type_name((pn_tie_type)t), inside[k][t]);
                first = 0;
            }
        pn__buf_puts(&x, n ? "}}" : "}");
        pn__buf_add(&x, "", 1);
        size_t at = 0;
        rc = x.failed ? PN_ENOMEM : pn_dataset_add_actor(out, &a, &at);
        if (!rc)
            rc = pn_dataset_set_extra(out, "actor", at, x.data);
    }
    pn__buf_free(&x);
    free(inside);
    return rc;
}

/* The sources the run's ties cite, each once, in order of first citation. */
static size_t run_sources(const pn_dataset *ds, const link *run, size_t n, pn_ref *refs, bool *seen)
{
    size_t m = 0;
    for (size_t k = 0; k < n; k++) {
        const pn_tie *t = pn_dataset_tie(ds, run[k].tie);
        for (size_t r = 0; r < t->n_sources; r++) {
            size_t s = t->sources[r].source;
            if (!seen[s]) {
                seen[s] = true;
                refs[m++] = (pn_ref){s, NULL};
            }
        }
    }
    for (size_t r = 0; r < m; r++)
        seen[refs[r].source] = false;
    return m;
}

/* One tie per run of links of one pair, type and direction. */
static int add_ties(pn_dataset *out, const pn_dataset *ds, const pn__groups *g,
                    pn_aggregate_stats *st)
{
    size_t nt = pn_dataset_tie_count(ds), ns = pn_dataset_source_count(ds);
    link *links = malloc((nt + 1) * sizeof(link)), *tmp = malloc((nt + 1) * sizeof(link));
    pn_ref *refs = malloc((ns + 1) * sizeof(pn_ref));
    bool *seen = calloc(ns + 1, 1);
    int rc = links && tmp && refs && seen ? 0 : PN_ENOMEM;
    size_t n = 0;
    for (size_t i = 0; !rc && i < nt; i++) {
        const pn_tie *t = pn_dataset_tie(ds, i);
        if (!g->tie_mask[i])
            continue;
        st->ties++;
        size_t a = g->of[t->from], b = g->of[t->to];
        if (a == b)
            continue;
        if (!t->directed && a > b) {
            size_t s = a;
            a = b;
            b = s;
        }
        links[n++] = (link){a, b, (int)t->type, t->directed, i};
    }
    st->between = n;
    if (!rc)
        pn__sort_stable(links, n, sizeof(link), tmp, by_link, NULL);
    for (size_t lo = 0; !rc && lo < n;) {
        size_t hi = lo + 1;
        while (hi < n && by_link(&links[lo], &links[hi], NULL) == 0)
            hi++;
        pn_tie t = {0};
        t.from = links[lo].a;
        t.to = links[lo].b;
        t.type = (pn_tie_type)links[lo].type;
        t.instrument = PN_INSTRUMENT_NONE;
        t.status = PN_STATUS_NONE;
        t.directed = links[lo].directed;
        t.has_weight = true;
        t.weight = (double)(hi - lo);
        t.sources = refs;
        t.n_sources = run_sources(ds, links + lo, hi - lo, refs, seen);
        rc = pn_dataset_add_tie(out, &t, NULL);
        st->aggregated++;
        lo = hi;
    }
    free(links);
    free(tmp);
    free(refs);
    free(seen);
    return rc;
}

int pn_aggregate(pn_dataset **out, const pn_dataset *ds, const pn_view *view, pn_aggregate_by by,
                 pn_aggregate_stats *stats, pn_diags *diags)
{
    *out = NULL;
    pn_aggregate_stats st = {0};
    pn__groups g;
    pn_dataset *agg = NULL;
    int rc = pn__groups_make(&g, ds, view, by, diags);
    if (!rc)
        rc = pn_dataset_new(&agg);
    if (!rc)
        rc = copy_head(agg, ds, by);
    if (!rc)
        rc = add_groups(agg, ds, &g, &st);
    if (!rc)
        rc = add_ties(agg, ds, &g, &st);
    st.groups = g.n;
    st.actors = g.actors;
    st.unknown = g.unknown;
    pn__groups_free(&g);
    if (rc) {
        pn_dataset_free(agg);
        return rc;
    }
    if (stats)
        *stats = st;
    *out = agg;
    return 0;
}
