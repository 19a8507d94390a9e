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
    /* floor(frac 2^64) in two halves of 32 bits, each converted from a
     * double below 2^32, exactly: the same bits as one unsigned
     * conversion, without its branch on 2^63 (half of the time taken). */
    double x = frac * 0x1p32;
    uint64_t top = (uint64_t)(int64_t)x;
    uint64_t low = (uint64_t)(int64_t)((x - (double)(int64_t)top) * 0x1p32);
    return ((pn__fixed)hi << 64) | (top << 32 | low);
}

void pn__path_fixed_finish(const pn__path_plan *p, const pn__fixed *sum, double *bet)
{
    double scale = p->directed ? 0x1p-64 : 0x1p-65;
    for (size_t v = 0; v < p->n; v++)
        bet[v] = (double)sum[v] * scale; /* one rounding; the scale is exact */
}

/* A core vertex during one search: one 16-byte record, so that a visit
 * touches one cache line. */
typedef struct rec {
    double sc;    /* shortest paths from the source (sigma); once the
                     vertex is done, (wt + delta) / sigma */
    int32_t dist; /* hops from the source, -1 unreached */
    uint32_t pad;
} rec;

typedef struct state {
    rec *r;          /* core index -> its record */
    pn__vid *order;  /* core indices in the order found */
    pn__vid *kid;    /* the children of order[i]: kid[koff[i] .. koff[i + 1]) */
    uint32_t *koff;  /* order position -> its first child in kid */
    uint32_t *lev;   /* depth -> first order position at that depth */
    pn__fixed *cbet; /* core index -> betweenness sum of the share */
    uint64_t *hist;  /* vertices at each distance from the source */
    uint64_t *hv;    /* the same from a folded vertex */
    uint64_t *ds;    /* vertex -> distance sum (folded vertices) */
    int32_t *tdist;  /* vertex -> hops within its tree, -1 unreached */
    pn__vid *tqueue; /* the search within a tree */
    double *leafh;   /* vertex -> harmonic sum of its leaf children, or -1 */
    /* Folded: the core indices that stand for a tree, increasing, and
     * those of component k at tl[tcomp[k] .. tcomp[k + 1]). */
    uint32_t *tl, *tcomp;
} state;

static void state_free(state *st)
{
    free(st->r);
    free(st->order);
    free(st->kid);
    free(st->koff);
    free(st->lev);
    free(st->cbet);
    free(st->hist);
    free(st->hv);
    free(st->ds);
    free(st->tdist);
    free(st->tqueue);
    free(st->leafh);
    free(st->tl);
    free(st->tcomp);
}

static int state_init(const pn__path_plan *p, bool bet, state *st)
{
    size_t c = p->core, n = p->n;
    memset(st, 0, sizeof(*st));
    st->r = malloc((c + 1) * sizeof(rec));
    st->order = malloc((c + 1) * sizeof(pn__vid));
    st->lev = malloc((c + 2) * sizeof(uint32_t));
    st->hist = calloc(n + 2, sizeof(uint64_t));
    bool ok = st->r && st->order && st->lev && st->hist;
    if (bet) {
        st->kid = malloc(((size_t)p->core_off[c] + 1) * sizeof(pn__vid));
        st->koff = malloc((c + 2) * sizeof(uint32_t));
        st->cbet = calloc(c + 1, sizeof(pn__fixed));
        ok = ok && st->kid && st->koff && st->cbet;
    }
    if (p->folded) {
        st->hv = calloc(2 * n + 2, sizeof(uint64_t));
        st->ds = malloc((n + 1) * sizeof(uint64_t));
        st->tdist = malloc((n + 1) * sizeof(int32_t));
        st->tqueue = malloc((n + 1) * sizeof(pn__vid));
        st->leafh = malloc((n + 1) * sizeof(double));
        st->tl = malloc((c + 1) * sizeof(uint32_t));
        st->tcomp = malloc((p->ncomp + 1) * sizeof(uint32_t));
        ok = ok && st->hv && st->ds && st->tdist && st->tqueue && st->leafh && st->tl && st->tcomp;
    }
    if (!ok) {
        state_free(st);
        return PN_ENOMEM;
    }
    for (size_t i = 0; i < c; i++) {
        st->r[i].sc = 0;
        st->r[i].dist = -1;
        st->r[i].pad = 0;
    }
    for (size_t k = 0, t = 0; p->folded && k < p->ncomp; k++) {
        st->tcomp[k] = (uint32_t)t;
        for (size_t i = p->comp_off[k]; i < p->comp_off[k + 1]; i++)
            if (p->prof_off[i + 1] - p->prof_off[i] > 1)
                st->tl[t++] = (uint32_t)i;
        st->tcomp[k + 1] = (uint32_t)t;
    }
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

/* x with its bits and m: x or +0. */
static inline double masked(double x, uint64_t m)
{
    uint64_t u;
    memcpy(&u, &x, sizeof(u));
    u &= m;
    memcpy(&x, &u, sizeof(x));
    return x;
}

/* Step 1: a breadth-first search from s, stopped at the cutoff depth.
 * Returns the vertices reached (order[0 .. return)); lev[d] is the first
 * at depth d, for d up to *depth, and lev[*depth + 1] the count. With
 * `paths`, also the path counts, and the children of each vertex expanded
 * (order positions 0 .. *expanded - 1) in kid, in adjacency order: the
 * arcs to a vertex one hop further. A vertex at the cutoff depth is not
 * expanded. */
static size_t search(const pn__path_plan *p, state *st, int cutoff, size_t s, bool paths,
                     int32_t *depth, size_t *expanded)
{
    const uint32_t *off = p->core_off;
    const pn__vid *adj = p->core_adj;
    rec *r = st->r;
    pn__vid *order = st->order, *kid = st->kid;
    uint32_t *lev = st->lev, *koff = st->koff;
    size_t head = 0, tail = 0;
    uint32_t nk = 0;
    int32_t level = 0;
    order[tail++] = (pn__vid)s;
    r[s].dist = 0;
    r[s].sc = 1;
    lev[0] = 0;
    while (head < tail) {
        pn__vid v = order[head];
        int32_t d = r[v].dist, dn = d + 1;
        if (d != level) {
            level = d;
            lev[d] = (uint32_t)head;
        }
        if (cutoff > 0 && d >= cutoff)
            break; /* the rest is at the cutoff too */
        if (!paths) {
            head++;
            for (uint32_t a = off[v], end = off[v + 1]; a < end; a++) {
                pn__vid x = adj[a];
                if (r[x].dist < 0) {
                    r[x].dist = dn;
                    order[tail++] = x;
                }
            }
            continue;
        }
        koff[head++] = nk;
        double sv = r[v].sc;
        /* Without branches (which way an arc goes is not predictable): a
         * new vertex gets +0 + sv, a child found again sc + sv, any other
         * keeps sc + 0 (sc is finite and not -0): the same bits. */
        for (uint32_t a = off[v], end = off[v + 1]; a < end; a++) {
            pn__vid x = adj[a];
            rec *rx = &r[x];
            int32_t dx = rx->dist;
            uint32_t fresh = (uint32_t)dx >> 31, child = fresh | (uint32_t)(dx == dn);
            rx->dist = dx ^ ((dx ^ dn) & -(int32_t)fresh);
            rx->sc = masked(rx->sc, fresh - 1ull) + masked(sv, -(uint64_t)child);
            order[tail] = x;
            tail += fresh;
            kid[nk] = x;
            nk += child;
        }
    }
    if (paths)
        koff[head] = nk;
    *expanded = head;
    *depth = level;
    lev[level + 1] = (uint32_t)tail;
    return tail;
}

/* Step 3: Brandes' accumulation, deepest first (a vertex's children are
 * done before it), over the vertices expanded; resets every record's
 * distance. When the search stopped at the cutoff, the vertices there
 * (at order positions expanded ..) have no children: coef = 1 / sigma
 * (a plan with a cutoff is not folded: wt = 1), which their parents take
 * straight from sigma. */
static void accumulate(const pn__path_plan *p, state *st, int cutoff, size_t s, size_t tail,
                       size_t expanded)
{
    rec *r = st->r;
    const pn__vid *order = st->order, *kid = st->kid;
    const uint32_t *koff = st->koff;
    pn__fixed *cbet = st->cbet;
    /* Order positions from `last` on are parents of the cutoff level. */
    size_t last = expanded < tail ? st->lev[cutoff - 1] : SIZE_MAX;
    double ws = (double)p->wt[s];
    for (size_t i = expanded; i-- > 1;) {
        pn__vid v = order[i];
        rec *rv = &r[v];
        double sum = 0;
        if (i >= last) {
            for (uint32_t k = koff[i], end = koff[i + 1]; k < end; k++) {
                rec *rx = &r[kid[k]];
                sum += 1.0 / rx->sc;
                rx->dist = -1;
            }
        } else {
            for (uint32_t k = koff[i], end = koff[i + 1]; k < end; k++)
                sum += r[kid[k]].sc;
        }
        double delta = rv->sc * sum;
        rv->sc = ((double)p->wt[v] + delta) / rv->sc;
        rv->dist = -1;
        if (delta > 0)
            cbet[v] += to_fixed(ws * delta);
    }
    r[s].dist = -1;
    /* Cutoff 1: the cutoff level's parent is s, not done above. */
    for (size_t i = expanded; last == 0 && i < tail; i++)
        r[order[i]].dist = -1;
}

/* Steps 1 to 3 (and 4) for the core source s, folded: the vertices of
 * its component that stand for a tree at st->tl[t0 .. t1). */
static void sweep_one(const pn__path_plan *p, state *st, int cutoff, size_t s, uint32_t t0,
                      uint32_t t1, const pn__path_sink *sink)
{
    bool bet = sink->bet != NULL;
    int32_t depth = 0;
    size_t expanded = 0;
    size_t tail = search(p, st, cutoff, s, bet, &depth, &expanded);
    const uint32_t *lev = st->lev;
    const pn__vid *order = st->order;
    /* Distances to everything reached, trees included: each core vertex
     * once at its depth, and the vertices of its tree, if any, deeper. */
    uint64_t N = tail, DS = 0;
    size_t top = (size_t)depth;
    for (int32_t d = 1; d <= depth; d++)
        DS += (uint64_t)d * (lev[d + 1] - lev[d]);
    if (sink->har)
        for (int32_t d = 0; d <= depth; d++)
            st->hist[d] += lev[d + 1] - lev[d];
    /* Folded (so no cutoff): s reaches its whole component, whose
     * vertices with a tree are tl[t0 .. t1). */
    for (uint32_t t = t0; t < t1; t++) {
        pn__vid c = st->tl[t];
        uint64_t d = (uint64_t)st->r[c].dist;
        N += p->wt[c] - 1;
        DS += (p->wt[c] - 1) * d + p->dsum[c];
        if (sink->har) {
            size_t plen = p->prof_off[c + 1] - p->prof_off[c];
            const uint64_t *prof = p->prof + p->prof_off[c];
            for (size_t j = 1; j < plen; j++)
                st->hist[d + j] += prof[j];
            if (d + plen - 1 > top)
                top = d + plen - 1;
        }
    }
    pn__vid sv = p->core_vertex[s];
    if (sink->clo)
        sink->clo[sv] = DS == 0 ? NAN : (double)(N - 1) / (double)DS;
    if (sink->har)
        sink->har[sv] = normalised(p, harmonic_sum(st->hist, top));
    if (bet) {
        accumulate(p, st, cutoff, s, tail, expanded);
    } else {
        for (size_t i = 0; i < tail; i++)
            st->r[order[i]].dist = -1;
    }
    if (p->folded)
        folded(p, st, s, N, DS, top, sink);
    if (sink->har)
        memset(st->hist, 0, (top + 1) * sizeof(uint64_t));
}

int pn__path_sweep_share(const pn__path_plan *p, int cutoff, size_t first, size_t step,
                         const pn__path_sink *sink)
{
    state st;
    if (state_init(p, sink->bet != NULL, &st))
        return PN_ENOMEM;
    size_t count = first < p->core ? (p->core - first + step - 1) / step : 0;
    size_t every = count / 100 > 0 ? count / 100 : 1, done = 0;
    size_t k = 0; /* the component of s: the sources increase */
    for (size_t s = first; s < p->core; s += step) {
        while (p->comp_off[k + 1] <= s)
            k++;
        uint32_t t0 = p->folded ? st.tcomp[k] : 0, t1 = p->folded ? st.tcomp[k + 1] : 0;
        sweep_one(p, &st, cutoff, s, t0, t1, sink);
        done++;
        if (sink->done)
            *sink->done = (double)done / (double)count;
        else if (done % every == 0 && done < count && sink->igraph_steps)
            igraph_progress(sink->name, 100.0 * (double)done / (double)count, NULL);
        else if (sink->progress && done % every == 0 && done < count)
            sink->progress(sink->progress_ctx, sink->name, (double)done / (double)count);
    }
    /* The core's sums into the vertices' (after the sources: folded()
     * adds into sink->bet directly). */
    for (size_t c = 0; sink->bet && c < p->core; c++)
        sink->bet[p->core_vertex[c]] += st.cbet[c];
    state_free(&st);
    return 0;
}
