/* The sweep of the path-metrics engine (path_engine.h). Per core source s:
 *
 * 1. a breadth-first search over the core CSR, counting shortest paths
 *    (sigma) when betweenness is wanted;
 * 2. the distances of s to every vertex of its component, the folded ones
 *    included: a core vertex c at distance d stands for its tree, whose
 *    vertex at depth j is at d + j; so the number of vertices at each
 *    distance (hist), their count and their distance sum, hence closeness
 *    and harmonic of s;
 * 3. Brandes' accumulation with weights (Baglioni et al. 2012): a core
 *    vertex w is the target of wt[w] vertices, so
 *    delta(v) = sigma(v) * sum over children w of (wt[w] + delta(w)) / sigma(w),
 *    and s is the source of wt[s] vertices: wt[s] * delta(v) is added to
 *    v's sum, in 128-bit fixed point;
 * 4. the vertices folded into s: their betweenness (exact integers, the
 *    pairs of branches they join), their distance sums (one hop down the
 *    tree: DS(child) = DS(parent) + N - 2 sub(child)) and their harmonic
 *    centrality (the distances outside the tree are s's shifted by the
 *    depth; those inside by a search within the tree).
 *
 * docs/metrics.md derives each step and bounds the rounding. */
#include "analysis/path_engine.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* A non-negative double below 2^64 in units of 2^-64, truncated: the
 * error is below 2^-64. The integer part and the fraction are exact. */
static inline pn__fixed to_fixed(double t)
{
    uint64_t hi = (uint64_t)t;
    double frac = t - (double)hi;
    uint64_t lo = (uint64_t)(frac * 0x1p64);
    return ((pn__fixed)hi << 64) | lo;
}

void pn__path_fixed_finish(const pn__path_plan *p, const pn__fixed *sum, double *bet)
{
    double scale = p->directed ? 0x1p-64 : 0x1p-65;
    for (size_t v = 0; v < p->n; v++)
        bet[v] = (double)sum[v] * scale; /* one rounding; the scale is exact */
}

typedef struct state {
    int32_t *dist;   /* core index -> hops from the source, -1 unreached */
    pn__vid *order;  /* core indices in the order found */
    double *sigma;   /* shortest paths from the source */
    double *coef;    /* (wt + delta) / sigma, once a vertex is done */
    uint64_t *hist;  /* vertices at each distance from the source */
    uint64_t *hv;    /* the same from a folded vertex */
    uint64_t *ds;    /* vertex -> distance sum (folded vertices) */
    int32_t *tdist;  /* vertex -> hops within its tree, -1 unreached */
    pn__vid *tqueue; /* the search within a tree */
    double *leafh;   /* vertex -> harmonic sum of its leaf children, or -1 */
} state;

static void state_free(state *st)
{
    free(st->dist);
    free(st->order);
    free(st->sigma);
    free(st->coef);
    free(st->hist);
    free(st->hv);
    free(st->ds);
    free(st->tdist);
    free(st->tqueue);
    free(st->leafh);
}

static int state_init(const pn__path_plan *p, state *st)
{
    size_t c = p->core, n = p->n;
    memset(st, 0, sizeof(*st));
    st->dist = malloc((c + 1) * sizeof(int32_t));
    st->order = malloc((c + 1) * sizeof(pn__vid));
    st->sigma = malloc((c + 1) * sizeof(double));
    st->coef = malloc((c + 1) * sizeof(double));
    st->hist = calloc(n + 2, sizeof(uint64_t));
    bool ok = st->dist && st->order && st->sigma && st->coef && st->hist;
    if (p->folded) {
        st->hv = calloc(2 * n + 2, sizeof(uint64_t));
        st->ds = malloc((n + 1) * sizeof(uint64_t));
        st->tdist = malloc((n + 1) * sizeof(int32_t));
        st->tqueue = malloc((n + 1) * sizeof(pn__vid));
        st->leafh = malloc((n + 1) * sizeof(double));
        ok = ok && st->hv && st->ds && st->tdist && st->tqueue && st->leafh;
    }
    if (!ok) {
        state_free(st);
        return PN_ENOMEM;
    }
    for (size_t i = 0; i < c; i++)
        st->dist[i] = -1;
    for (size_t v = 0; p->folded && v < n; v++) {
        st->tdist[v] = -1;
        st->leafh[v] = -1;
    }
    return 0;
}

/* The sum over distances k >= 1 of count[k] / k, in increasing k: every
 * term rounded once, then added (docs/metrics.md bounds it). */
static double harmonic_sum(const uint64_t *count, size_t top)
{
    double h = 0;
    for (size_t k = 1; k <= top; k++)
        if (count[k])
            h += (double)count[k] / (double)k;
    return h;
}

static double normalised(const pn__path_plan *p, double hsum)
{
    return p->n > 1 ? hsum * (1.0 / (double)(p->n - 1)) : hsum;
}

/* The harmonic sum of folded vertex v (tree of core index c, root r,
 * whose distances to the vertices outside the tree are st->hist minus the
 * tree's profile, top the largest distance in hist). */
static double folded_harmonic(const pn__path_plan *p, state *st, size_t c, pn__vid v, size_t top)
{
    pn__vid r = p->core_vertex[c];
    const uint64_t *prof = p->prof + p->prof_off[c];
    size_t plen = p->prof_off[c + 1] - p->prof_off[c], dv = p->depth[v], hi = 0;
    uint64_t *hv = st->hv;
    /* Outside the tree: at dv + k, for each vertex s's search finds at k. */
    for (size_t k = 1; k <= top; k++) {
        uint64_t x = st->hist[k] - (k < plen ? prof[k] : 0);
        if (x) {
            hv[dv + k] += x;
            hi = dv + k;
        }
    }
    /* Inside: a search in the tree from v (root included, other core
     * vertices not). */
    size_t head = 0, tail = 0;
    st->tqueue[tail++] = v;
    st->tdist[v] = 0;
    while (head < tail) {
        pn__vid y = st->tqueue[head++];
        int32_t d = st->tdist[y];
        if (d > 0) {
            hv[d]++;
            if ((size_t)d > hi)
                hi = (size_t)d;
        }
        for (size_t a = p->off[y]; a < p->off[y + 1]; a++) {
            pn__vid x = p->adj[a];
            if (st->tdist[x] < 0 && p->root[x] == r) {
                st->tdist[x] = d + 1;
                st->tqueue[tail++] = x;
            }
        }
    }
    for (size_t i = 0; i < tail; i++)
        st->tdist[st->tqueue[i]] = -1;
    double h = harmonic_sum(hv, hi);
    memset(hv, 0, (hi + 1) * sizeof(uint64_t));
    return h;
}

/* Step 4 for core index c (vertex r) after its search: N vertices in its
 * component, DS its distance sum, hist its distances (top the largest). */
static void folded(const pn__path_plan *p, state *st, size_t c, uint64_t N, uint64_t DS, size_t top,
                   const pn__path_sink *sink)
{
    pn__vid r = p->core_vertex[c];
    if (sink->bet) {
        /* Pairs through r with an end in its tree: between two of its
         * branches, and from the tree to outside; ordered pairs, so 2x. */
        uint64_t w = p->wt[c];
        pn__fixed pairs = (pn__fixed)((w - 1) * (w - 1) - p->sq[r]) +
                          (pn__fixed)2 * (pn__fixed)(w - 1) * (pn__fixed)(N - w);
        sink->bet[r] += pairs << 64;
    }
    st->ds[r] = DS;
    for (size_t i = p->tree_off[c]; i < p->tree_off[c + 1]; i++) {
        pn__vid v = p->tree[i], u = p->parent[v];
        uint64_t sv = p->sub[v];
        if (sink->bet) {
            /* Its branches: the children's subtrees and the rest, N - sv
             * vertices; every pair of two branches passes through v. */
            pn__fixed all = (pn__fixed)(N - 1) * (N - 1), rest = (pn__fixed)(N - sv) * (N - sv);
            sink->bet[v] += (all - p->sq[v] - rest) << 64;
        }
        st->ds[v] = st->ds[u] + N - 2 * sv; /* N - sv one hop further, sv nearer */
        if (sink->clo)
            sink->clo[v] = (double)(N - 1) / (double)st->ds[v];
        if (sink->har) {
            double h;
            if (sv == 1 && st->leafh[u] >= 0) {
                h = st->leafh[u]; /* a leaf's twin: the same distances */
            } else {
                h = folded_harmonic(p, st, c, v, top);
                if (sv == 1)
                    st->leafh[u] = h;
            }
            sink->har[v] = normalised(p, h);
        }
    }
}

/* Steps 1 to 3 (and 4) for the core source s. */
static void sweep_one(const pn__path_plan *p, state *st, int cutoff, size_t s,
                      const pn__path_sink *sink)
{
    const uint32_t *off = p->core_off;
    const pn__vid *adj = p->core_adj;
    int32_t *dist = st->dist;
    pn__vid *order = st->order;
    double *sigma = st->sigma, *coef = st->coef;
    bool bet = sink->bet != NULL;
    size_t head = 0, tail = 0;
    order[tail++] = (pn__vid)s;
    dist[s] = 0;
    sigma[s] = 1;
    while (head < tail) {
        pn__vid v = order[head++];
        int32_t d = dist[v], dn = d + 1;
        if (cutoff > 0 && d >= cutoff)
            continue;
        uint32_t end = off[v + 1];
        if (!bet) {
            for (uint32_t a = off[v]; a < end; a++) {
                pn__vid x = adj[a];
                if (dist[x] < 0) {
                    dist[x] = dn;
                    order[tail++] = x;
                }
            }
            continue;
        }
        double sv = sigma[v];
        for (uint32_t a = off[v]; a < end; a++) {
            pn__vid x = adj[a];
            int32_t dx = dist[x];
            if (dx < 0) {
                dist[x] = dn;
                sigma[x] = sv;
                order[tail++] = x;
            } else if (dx == dn) {
                sigma[x] += sv;
            }
        }
    }
    /* Distances to everything reached, trees included. */
    uint64_t N = 0, DS = 0;
    size_t top = 0;
    for (size_t i = 0; i < tail; i++) {
        pn__vid c = order[i];
        uint64_t d = (uint64_t)dist[c];
        N += p->wt[c];
        DS += p->wt[c] * d + p->dsum[c];
        if (sink->har) {
            size_t plen = p->prof_off[c + 1] - p->prof_off[c];
            if (plen == 1) { /* no tree: c alone */
                st->hist[d]++;
            } else {
                const uint64_t *prof = p->prof + p->prof_off[c];
                for (size_t j = 0; j < plen; j++)
                    st->hist[d + j] += prof[j];
            }
            if (d + plen - 1 > top)
                top = d + plen - 1;
        }
    }
    pn__vid sv = p->core_vertex[s];
    if (sink->clo)
        sink->clo[sv] = DS == 0 ? NAN : (double)(N - 1) / (double)DS;
    if (sink->har)
        sink->har[sv] = normalised(p, harmonic_sum(st->hist, top));
    /* Deepest first: a vertex's children are done before it. */
    if (bet) {
        double ws = (double)p->wt[s];
        for (size_t i = tail; i-- > 1;) {
            pn__vid v = order[i];
            int32_t dn = dist[v] + 1;
            if (cutoff > 0 && dn > cutoff) { /* not expanded: no children */
                coef[v] = (double)p->wt[v] / sigma[v];
                continue;
            }
            double sum = 0;
            for (uint32_t a = off[v], end = off[v + 1]; a < end; a++) {
                pn__vid x = adj[a];
                if (dist[x] == dn)
                    sum += coef[x];
            }
            double delta = sigma[v] * sum;
            coef[v] = ((double)p->wt[v] + delta) / sigma[v];
            if (delta > 0)
                sink->bet[p->core_vertex[v]] += to_fixed(ws * delta);
        }
    }
    if (p->folded)
        folded(p, st, s, N, DS, top, sink);
    for (size_t i = 0; i < tail; i++)
        dist[order[i]] = -1;
    if (sink->har)
        memset(st->hist, 0, (top + 1) * sizeof(uint64_t));
}

int pn__path_sweep_share(const pn__path_plan *p, int cutoff, size_t first, size_t step,
                         const pn__path_sink *sink)
{
    state st;
    if (state_init(p, &st))
        return PN_ENOMEM;
    size_t count = first < p->core ? (p->core - first + step - 1) / step : 0;
    size_t every = count / 100 > 0 ? count / 100 : 1, done = 0;
    for (size_t s = first; s < p->core; s += step) {
        sweep_one(p, &st, cutoff, s, sink);
        done++;
        if (sink->done)
            *sink->done = (double)done / (double)count;
        else if (done % every == 0 && done < count && sink->igraph_steps)
            igraph_progress(sink->name, 100.0 * (double)done / (double)count, NULL);
        else if (sink->progress && done % every == 0 && done < count)
            sink->progress(sink->progress_ctx, sink->name, (double)done / (double)count);
    }
    state_free(&st);
    return 0;
}
