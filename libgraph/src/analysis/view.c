#include "paranet/view.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"

/* In force at some time in [from, to]; undated ties as keep_undated says. */
static bool in_window(const pn_tie *t, int from, int to, bool keep_undated)
{
    int start, end;
    int span = pn_tie_span(t, &start, &end);
    if (span <= 0)
        return span == 0 && keep_undated;
    return start <= to && (end == 0 || end >= from);
}

static bool by_time(const pn_view *v)
{
    return v->at || v->from_year || v->to_year;
}

static bool in_list(const char *s, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(s, list[i]) == 0)
            return true;
    return false;
}

bool pn_view_keeps_basis(const pn_view *v, pn_basis basis)
{
    unsigned bases = v->bases ? v->bases : PN_VIEW_BASES_DEFAULT;
    return (bases & PN_BIT(basis)) != 0;
}

/* The filters of the view on a tie's fields: all but basis and time. */
static bool tie_fields_kept(const pn_tie *t, const pn_view *v)
{
    if (v->types && !(v->types & PN_BIT(t->type)))
        return false;
    if (v->statuses || v->status_none) {
        if (t->status == PN_STATUS_NONE ? !v->status_none : !(v->statuses & PN_BIT(t->status)))
            return false;
    }
    if (v->instruments &&
        (t->instrument == PN_INSTRUMENT_NONE || !(v->instruments & PN_BIT(t->instrument))))
        return false;
    if (v->sectors) {
        bool any = false;
        for (size_t k = 0; k < t->n_sectors && !any; k++)
            any = in_list(t->sectors[k], v->sectors, v->n_sectors);
        if (!any)
            return false;
    }
    return true;
}

/* The time filters of the view. */
static bool tie_in_time(const pn_tie *t, const pn_view *v, bool keep_undated)
{
    if (v->at && !in_window(t, v->at, v->at, keep_undated))
        return false;
    if ((v->from_year || v->to_year) && !in_window(t, v->from_year ? v->from_year : 1,
                                                   v->to_year ? v->to_year : 9999, keep_undated))
        return false;
    return true;
}

size_t pn_view_undated_dropped(const pn_dataset *ds, const pn_view *v)
{
    if (!by_time(v) || v->keep_undated)
        return 0;
    size_t n = 0;
    for (size_t i = 0; i < pn_dataset_tie_count(ds); i++) {
        const pn_tie *t = pn_dataset_tie(ds, i);
        int start, end;
        n += pn_tie_span(t, &start, &end) == 0 && pn_view_keeps_basis(v, t->basis) &&
             tie_fields_kept(t, v) && tie_in_time(t, v, true);
    }
    return n;
}

static bool tie_kept(const pn_tie *t, const pn_view *v)
{
    return pn_view_keeps_basis(v, t->basis) && tie_fields_kept(t, v) &&
           tie_in_time(t, v, v->keep_undated);
}

size_t pn_view_basis_dropped(const pn_dataset *ds, const pn_view *v)
{
    size_t n = 0;
    for (size_t i = 0; i < pn_dataset_tie_count(ds); i++) {
        const pn_tie *t = pn_dataset_tie(ds, i);
        n += !pn_view_keeps_basis(v, t->basis) && tie_fields_kept(t, v) &&
             tie_in_time(t, v, v->keep_undated);
    }
    return n;
}

/* Keep actors within radius hops of the ego, over the ties kept so far. */
static int ego_cut(const pn_dataset *ds, size_t ego, int radius, bool *tie_mask, bool *actor_mask)
{
    size_t na = pn_dataset_actor_count(ds), nt = pn_dataset_tie_count(ds);
    int rc = PN_ENOMEM;
    int *dist = malloc((na + 1) * sizeof(int));
    size_t *deg = calloc(na + 1, sizeof(size_t)), *adj = malloc((2 * nt + 1) * sizeof(size_t));
    size_t *queue = malloc((na + 1) * sizeof(size_t));
    if (!dist || !deg || !adj || !queue)
        goto cleanup;
    /* Compressed adjacency over kept ties between kept actors. */
    for (size_t i = 0; i < nt; i++) {
        const pn_tie *t = pn_dataset_tie(ds, i);
        if (tie_mask[i] && actor_mask[t->from] && actor_mask[t->to]) {
            deg[t->from]++;
            deg[t->to]++;
        }
    }
    size_t *start = malloc((na + 1) * sizeof(size_t));
    if (!start)
        goto cleanup;
    size_t sum = 0;
    for (size_t a = 0; a < na; a++) {
        start[a] = sum;
        sum += deg[a];
        deg[a] = 0;
    }
    start[na] = sum;
    for (size_t i = 0; i < nt; i++) {
        const pn_tie *t = pn_dataset_tie(ds, i);
        if (tie_mask[i] && actor_mask[t->from] && actor_mask[t->to]) {
            adj[start[t->from] + deg[t->from]++] = t->to;
            adj[start[t->to] + deg[t->to]++] = t->from;
        }
    }
    for (size_t a = 0; a < na; a++)
        dist[a] = -1;
    size_t head = 0, tail = 0;
    dist[ego] = 0;
    queue[tail++] = ego;
    while (head < tail) {
        size_t a = queue[head++];
        if (dist[a] >= radius)
            continue;
        for (size_t k = start[a]; k < start[a + 1]; k++) {
            size_t b = adj[k];
            if (dist[b] < 0 && actor_mask[b]) {
                dist[b] = dist[a] + 1;
                queue[tail++] = b;
            }
        }
    }
    for (size_t a = 0; a < na; a++)
        actor_mask[a] = actor_mask[a] && dist[a] >= 0;
    actor_mask[ego] = true;
    free(start);
    rc = 0;
cleanup:
    free(dist);
    free(deg);
    free(adj);
    free(queue);
    return rc;
}

int pn_view_select(const pn_dataset *ds, const pn_view *v, bool *tie_mask, bool *actor_mask,
                   pn_diags *diags)
{
    pn_view defaults = PN_VIEW_INIT;
    if (!v)
        v = &defaults;
    size_t na = pn_dataset_actor_count(ds), nt = pn_dataset_tie_count(ds);
    for (size_t a = 0; a < na; a++) {
        const pn_actor *actor = pn_dataset_actor(ds, a);
        actor_mask[a] = (!v->kinds || (v->kinds & PN_BIT(actor->kind))) &&
                        (!v->countries || in_list(actor->country, v->countries, v->n_countries));
    }
    for (size_t i = 0; i < nt; i++) {
        const pn_tie *t = pn_dataset_tie(ds, i);
        tie_mask[i] = actor_mask[t->from] && actor_mask[t->to] && tie_kept(t, v);
    }
    if (v->ego) {
        size_t ego;
        if (pn_dataset_find_actor(ds, v->ego, &ego) != 0) {
            pn_diags_add(diags, PN_SEVERITY_ERROR, NULL, 0, 0, NULL, "unknown-actor",
                         "--ego: no actor \"%s\"", v->ego);
            return PN_ENOTFOUND;
        }
        actor_mask[ego] = true;
        int rc = ego_cut(ds, ego, v->radius > 0 ? v->radius : 1, tie_mask, actor_mask);
        if (rc)
            return rc;
        for (size_t i = 0; i < nt; i++) {
            const pn_tie *t = pn_dataset_tie(ds, i);
            tie_mask[i] = tie_mask[i] && actor_mask[t->from] && actor_mask[t->to];
        }
    }
    if (v->drop_isolates) {
        bool *touched = calloc(na + 1, sizeof(bool));
        if (!touched)
            return PN_ENOMEM;
        for (size_t i = 0; i < nt; i++) {
            if (tie_mask[i]) {
                const pn_tie *t = pn_dataset_tie(ds, i);
                touched[t->from] = touched[t->to] = true;
            }
        }
        for (size_t a = 0; a < na; a++) {
            const pn_actor *actor = pn_dataset_actor(ds, a);
            bool is_ego = v->ego && strcmp(actor->id, v->ego) == 0;
            actor_mask[a] = actor_mask[a] && (touched[a] || is_ego);
        }
        free(touched);
    }
    return 0;
}

int pn_view_graph(pn_graph **out, const pn_dataset *ds, const pn_view *view, pn_diags *diags)
{
    pn_view defaults = PN_VIEW_INIT;
    if (!view)
        view = &defaults;
    size_t na = pn_dataset_actor_count(ds), nt = pn_dataset_tie_count(ds);
    bool *tie_mask = malloc((nt + 1) * sizeof(bool)), *actor_mask = malloc((na + 1) * sizeof(bool));
    int rc = PN_ENOMEM;
    if (tie_mask && actor_mask) {
        rc = pn_view_select(ds, view, tie_mask, actor_mask, diags);
        if (rc == 0) {
            pn_graph_options o = PN_GRAPH_OPTIONS_INIT;
            o.directed = view->directed;
            o.weight = view->weight;
            o.tie_mask = tie_mask;
            o.actor_mask = actor_mask;
            rc = pn_graph_new(out, ds, &o);
        }
    }
    free(tie_mask);
    free(actor_mask);
    return rc;
}

static void mask_list(pn__buf *b, const char *label, unsigned mask, pn_vocab vocab, bool none)
{
    if (!mask && !none)
        return;
    pn__buf_printf(b, "%s%s=", b->len ? " " : "", label);
    bool first = true;
    for (size_t i = 0; i < pn_vocab_size(vocab); i++) {
        if (mask & PN_BIT(i)) {
            pn__buf_printf(b, "%s%s", first ? "" : ",", pn_vocab_name(vocab, (int)i));
            first = false;
        }
    }
    if (none)
        pn__buf_puts(b, first ? "none" : ",none");
}

static void str_list(pn__buf *b, const char *label, const char *const *list, size_t n)
{
    if (!list)
        return;
    pn__buf_printf(b, "%s%s=", b->len ? " " : "", label);
    for (size_t i = 0; i < n; i++)
        pn__buf_printf(b, "%s%s", i ? "," : "", list[i]);
}

int pn_view_describe(const pn_view *v, char *buf, size_t size)
{
    pn__buf b;
    pn__buf_init(&b);
    mask_list(&b, "types", v->types, PN_VOCAB_TYPE, false);
    mask_list(&b, "status", v->statuses, PN_VOCAB_STATUS, v->status_none);
    mask_list(&b, "instruments", v->instruments, PN_VOCAB_INSTRUMENT, false);
    if ((v->bases & PN_VIEW_BASES_ALL) == PN_VIEW_BASES_ALL)
        pn__buf_printf(&b, "%sbasis=all", b.len ? " " : "");
    else if (v->bases)
        mask_list(&b, "basis", v->bases, PN_VOCAB_BASIS, false);
    str_list(&b, "sectors", v->sectors, v->n_sectors);
    mask_list(&b, "kinds", v->kinds, PN_VOCAB_KIND, false);
    str_list(&b, "countries", v->countries, v->n_countries);
    if (v->at)
        pn__buf_printf(&b, "%sat=%d", b.len ? " " : "", v->at);
    if (v->from_year || v->to_year)
        pn__buf_printf(&b, "%sbetween=%d-%d", b.len ? " " : "", v->from_year, v->to_year);
    if (by_time(v) && v->keep_undated)
        pn__buf_printf(&b, "%sundated=keep", b.len ? " " : "");
    if (v->ego)
        pn__buf_printf(&b, "%sego=%s radius=%d", b.len ? " " : "", v->ego,
                       v->radius > 0 ? v->radius : 1);
    if (b.len == 0)
        pn__buf_puts(&b, "all ties");
    if (v->drop_isolates)
        pn__buf_puts(&b, " no-isolates");
    pn__buf_puts(&b, v->directed ? " directed" : " undirected");
    if (v->weight != PN_WEIGHT_NONE)
        pn__buf_printf(&b, " weight=%s", v->weight == PN_WEIGHT_COUNT ? "count" : "sum");
    int n = snprintf(buf, size, "%s", b.data ? b.data : "");
    pn__buf_free(&b);
    return n;
}
