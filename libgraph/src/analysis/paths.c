/* Reachability and shortest paths with a deterministic choice among equals. */
#include "paranet/paths.h"

#include <stdlib.h>
#include <string.h>

#include "analysis/igraph_glue.h"
#include "core/util.h"

struct pn_reach {
    const pn_graph *g;
    size_t source;
    size_t n;
    int *dist;
    size_t *pred;
    size_t *order; /* reached vertices but the source, by distance then id */
    size_t n_order;
};

struct pn_paths {
    size_t n;
    size_t len; /* vertices per path */
    size_t *v;  /* n * len */
    bool truncated;
};

static const char *vid(const pn_graph *g, size_t v)
{
    return pn_dataset_actor(pn_graph_dataset(g), pn_graph_vertex_actor(g, v))->id;
}

/* qsort with a context, portably: sort keys carry what they need. */
typedef struct key {
    size_t v;
    size_t pred_rank;
    const char *id;
    int dist;
} key;

static int key_cmp(const void *a, const void *b)
{
    const key *x = a, *y = b;
    if (x->dist != y->dist)
        return x->dist < y->dist ? -1 : 1;
    if (x->pred_rank != y->pred_rank)
        return x->pred_rank < y->pred_rank ? -1 : 1;
    return strcmp(x->id, y->id);
}

static igraph_neimode_t forward(const pn_graph *g)
{
    return pn_graph_directed(g) ? IGRAPH_OUT : IGRAPH_ALL;
}

int pn_reach_new(pn_reach **out, const pn_graph *g, size_t source, int max_hops, pn_diags *diags)
{
    *out = NULL;
    size_t n = pn_graph_vertex_count(g);
    if (source >= n) {
        pn_diags_add(diags, PN_SEVERITY_ERROR, NULL, 0, 0, NULL, "bad-vertex",
                     "vertex %zu is not in the graph (%zu vertices)", source, n);
        return PN_EINVAL;
    }
    pn__igraph_init();
    igraph_adjlist_t adj;
    igraph_error_t err;
    if ((err = igraph_adjlist_init(pn_graph_igraph(g), &adj, forward(g), IGRAPH_NO_LOOPS,
                                   IGRAPH_NO_MULTIPLE)))
        return pn__igraph_fail(diags, "reach", err);
    int rc = PN_ENOMEM;
    pn_reach *r = calloc(1, sizeof(*r));
    size_t *queue = malloc((n + 1) * sizeof(size_t)), *rank = malloc((n + 1) * sizeof(size_t));
    key *keys = malloc((n + 1) * sizeof(key));
    if (!r || !queue || !rank || !keys)
        goto cleanup;
    r->g = g;
    r->source = source;
    r->n = n;
    r->dist = malloc((n + 1) * sizeof(int));
    r->pred = malloc((n + 1) * sizeof(size_t));
    r->order = malloc((n + 1) * sizeof(size_t));
    if (!r->dist || !r->pred || !r->order)
        goto cleanup;
    for (size_t v = 0; v < n; v++) {
        r->dist[v] = -1;
        r->pred[v] = SIZE_MAX;
    }
    /* Level by level. The queue holds each level sorted by (rank of the
     * chosen predecessor, id), which is the lexicographic order of the
     * chosen paths; scanning it in order, the first to discover a vertex is
     * its smallest predecessor. */
    size_t head = 0, tail = 0;
    r->dist[source] = 0;
    rank[source] = 0;
    queue[tail++] = source;
    int level = 0;
    while (head < tail && (max_hops <= 0 || level < max_hops)) {
        size_t level_end = tail, start = tail;
        for (; head < level_end; head++) {
            size_t u = queue[head];
            igraph_vector_int_t *nb = igraph_adjlist_get(&adj, u);
            for (igraph_integer_t k = 0; k < igraph_vector_int_size(nb); k++) {
                size_t w = (size_t)VECTOR(*nb)[k];
                if (r->dist[w] >= 0)
                    continue;
                r->dist[w] = level + 1;
                r->pred[w] = u;
                queue[tail++] = w;
            }
        }
        size_t m = tail - start;
        for (size_t i = 0; i < m; i++) {
            size_t w = queue[start + i];
            keys[i] = (key){w, rank[r->pred[w]], vid(g, w), 0};
        }
        qsort(keys, m, sizeof(key), key_cmp);
        for (size_t i = 0; i < m; i++) {
            queue[start + i] = keys[i].v;
            rank[keys[i].v] = start + i;
        }
        level++;
    }
    /* Report order: distance, then id. */
    r->n_order = tail - 1;
    for (size_t i = 1; i < tail; i++)
        keys[i - 1] = (key){queue[i], 0, vid(g, queue[i]), r->dist[queue[i]]};
    qsort(keys, r->n_order, sizeof(key), key_cmp);
    for (size_t i = 0; i < r->n_order; i++)
        r->order[i] = keys[i].v;
    rc = 0;
cleanup:
    igraph_adjlist_destroy(&adj);
    free(queue);
    free(rank);
    free(keys);
    if (rc) {
        pn_reach_free(r);
        r = NULL;
    }
    *out = r;
    return rc;
}

void pn_reach_free(pn_reach *r)
{
    if (!r)
        return;
    free(r->dist);
    free(r->pred);
    free(r->order);
    free(r);
}

int pn_reach_distance(const pn_reach *r, size_t v)
{
    return v < r->n ? r->dist[v] : -1;
}

const size_t *pn_reach_vertices(const pn_reach *r, size_t *n)
{
    *n = r->n_order;
    return r->order;
}

size_t pn_reach_predecessor(const pn_reach *r, size_t v)
{
    return v < r->n && r->dist[v] > 0 ? r->pred[v] : SIZE_MAX;
}

size_t pn_reach_path(const pn_reach *r, size_t v, size_t *out)
{
    if (v >= r->n || r->dist[v] < 0)
        return 0;
    size_t len = (size_t)r->dist[v] + 1;
    for (size_t i = len; i-- > 0;) {
        out[i] = v;
        v = r->pred[v];
    }
    return len;
}

/* BFS distances from s along mode. */
static void bfs(const igraph_adjlist_t *adj, size_t n, size_t s, int *dist, size_t *queue)
{
    for (size_t v = 0; v < n; v++)
        dist[v] = -1;
    size_t head = 0, tail = 0;
    dist[s] = 0;
    queue[tail++] = s;
    while (head < tail) {
        size_t u = queue[head++];
        igraph_vector_int_t *nb = igraph_adjlist_get(adj, u);
        for (igraph_integer_t k = 0; k < igraph_vector_int_size(nb); k++) {
            size_t w = (size_t)VECTOR(*nb)[k];
            if (dist[w] < 0) {
                dist[w] = dist[u] + 1;
                queue[tail++] = w;
            }
        }
    }
}

typedef struct walk {
    const pn_graph *g;
    const igraph_adjlist_t *fwd;
    const int *ds, *dt;
    size_t to, len, max;
    size_t *cur; /* the path so far: cur[0..depth] */
    pn_paths *p;
    size_t cap;
    key *next; /* the children still to visit, of every vertex on the path */
    size_t n_next, next_cap;
    size_t *first; /* per depth: where its children start in next */
    size_t *pos;   /* per depth: the next child to visit */
} walk;

static int record(walk *w)
{
    if (w->p->n == w->max) {
        w->p->truncated = true;
        return 1;
    }
    if (w->p->n == w->cap) {
        size_t cap = w->cap ? 2 * w->cap : 8;
        size_t *v = realloc(w->p->v, cap * w->len * sizeof(size_t));
        if (!v)
            return -1;
        w->p->v = v;
        w->cap = cap;
    }
    memcpy(w->p->v + w->p->n * w->len, w->cur, w->len * sizeof(size_t));
    w->p->n++;
    return 0;
}

/* Push the DAG children of u (one hop nearer `to`), in id order. */
static int expand(walk *w, size_t u)
{
    igraph_vector_int_t *nb = igraph_adjlist_get(w->fwd, u);
    size_t k = (size_t)igraph_vector_int_size(nb);
    if (w->n_next + k > w->next_cap) {
        size_t cap = w->next_cap * 2 > w->n_next + k ? w->next_cap * 2 : w->n_next + k + 16;
        key *nk = realloc(w->next, cap * sizeof(key));
        if (!nk)
            return -1;
        w->next = nk;
        w->next_cap = cap;
    }
    size_t start = w->n_next;
    for (size_t i = 0; i < k; i++) {
        size_t x = (size_t)VECTOR(*nb)[i];
        if (w->ds[x] == w->ds[u] + 1 && w->dt[x] >= 0 && w->dt[x] == w->dt[u] - 1)
            w->next[w->n_next++] = (key){x, 0, vid(w->g, x), 0};
    }
    qsort(w->next + start, w->n_next - start, sizeof(key), key_cmp);
    return 0;
}

/* Depth-first over the shortest-path DAG from w->cur[0], neighbours in id
 * order, with an explicit stack: a path of 100,000 hops takes no more C
 * stack than one of 2. Returns 0, or -1 when out of memory. */
static int dfs(walk *w)
{
    if (w->cur[0] == w->to)
        return record(w) < 0 ? -1 : 0;
    size_t depth = 0;
    w->first[0] = w->pos[0] = 0;
    if (expand(w, w->cur[0]) != 0)
        return -1;
    for (;;) {
        if (w->pos[depth] == w->n_next) {
            /* every child of cur[depth] done: back up */
            w->n_next = w->first[depth];
            if (depth == 0)
                return 0;
            depth--;
            continue;
        }
        size_t v = w->next[w->pos[depth]++].v;
        w->cur[depth + 1] = v;
        if (v == w->to) {
            int r = record(w);
            if (r != 0)
                return r < 0 ? -1 : 0;
            continue;
        }
        depth++;
        w->first[depth] = w->pos[depth] = w->n_next;
        if (expand(w, v) != 0)
            return -1;
    }
}

int pn_paths_all(pn_paths **out, const pn_graph *g, size_t from, size_t to, size_t max_paths,
                 pn_diags *diags)
{
    *out = NULL;
    size_t n = pn_graph_vertex_count(g);
    if (from >= n || to >= n) {
        pn_diags_add(diags, PN_SEVERITY_ERROR, NULL, 0, 0, NULL, "bad-vertex",
                     "vertex %zu is not in the graph (%zu vertices)", from >= n ? from : to, n);
        return PN_EINVAL;
    }
    pn__igraph_init();
    igraph_adjlist_t fwd, back;
    igraph_error_t err;
    igraph_neimode_t bmode = pn_graph_directed(g) ? IGRAPH_IN : IGRAPH_ALL;
    if ((err = igraph_adjlist_init(pn_graph_igraph(g), &fwd, forward(g), IGRAPH_NO_LOOPS,
                                   IGRAPH_NO_MULTIPLE)))
        return pn__igraph_fail(diags, "paths", err);
    if ((err = igraph_adjlist_init(pn_graph_igraph(g), &back, bmode, IGRAPH_NO_LOOPS,
                                   IGRAPH_NO_MULTIPLE))) {
        igraph_adjlist_destroy(&fwd);
        return pn__igraph_fail(diags, "paths", err);
    }
    int rc = PN_ENOMEM;
    pn_paths *p = calloc(1, sizeof(*p));
    int *ds = malloc((n + 1) * sizeof(int)), *dt = malloc((n + 1) * sizeof(int));
    size_t *queue = malloc((n + 1) * sizeof(size_t)), *cur = malloc((n + 1) * sizeof(size_t));
    size_t *first = malloc((n + 1) * sizeof(size_t)), *pos = malloc((n + 1) * sizeof(size_t));
    key *next = NULL;
    if (!p || !ds || !dt || !queue || !cur || !first || !pos)
        goto cleanup;
    bfs(&fwd, n, from, ds, queue);
    bfs(&back, n, to, dt, queue);
    if (ds[to] >= 0) {
        walk w = {
            g,    &fwd, ds, dt,    to, (size_t)ds[to] + 1, max_paths ? max_paths : 10000, cur, p, 0,
            NULL, 0,    0,  first, pos};
        p->len = w.len;
        cur[0] = from;
        int r = dfs(&w);
        next = w.next;
        if (r != 0)
            goto cleanup;
    }
    rc = 0;
cleanup:
    igraph_adjlist_destroy(&fwd);
    igraph_adjlist_destroy(&back);
    free(ds);
    free(dt);
    free(queue);
    free(cur);
    free(first);
    free(pos);
    free(next);
    if (rc) {
        pn_paths_free(p);
        p = NULL;
    }
    *out = p;
    return rc;
}

void pn_paths_free(pn_paths *p)
{
    if (!p)
        return;
    free(p->v);
    free(p);
}

size_t pn_paths_count(const pn_paths *p)
{
    return p->n;
}

bool pn_paths_truncated(const pn_paths *p)
{
    return p->truncated;
}

const size_t *pn_paths_get(const pn_paths *p, size_t i, size_t *len)
{
    *len = p->len;
    return p->v + i * p->len;
}

const size_t *pn_path_hop_ties(const pn_graph *g, size_t u, size_t v, size_t *n)
{
    igraph_integer_t e = -1;
    *n = 0;
    if (u >= pn_graph_vertex_count(g) || v >= pn_graph_vertex_count(g))
        return NULL;
    pn__igraph_init();
    if (igraph_get_eid(pn_graph_igraph(g), &e, (igraph_integer_t)u, (igraph_integer_t)v, true,
                       false) != IGRAPH_SUCCESS ||
        e < 0)
        return NULL;
    return pn_graph_edge_ties(g, (size_t)e, n);
}
