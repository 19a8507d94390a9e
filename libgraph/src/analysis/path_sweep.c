/* Betweenness, closeness and harmonic centrality, in process or over forked
 * workers.
 *
 * Betweenness is a sum over source vertices of each source's dependencies
 * (Brandes 2001): igraph_betweenness_subset with a subset of sources and
 * all targets gives one worker's share, and the shares add up to the full
 * value. igraph 0.10.2 has no subset variant with a cutoff, so with a
 * cutoff a worker runs Brandes' accumulation itself on breadth-first
 * searches stopped at the cutoff depth (the sweep below), which is what
 * igraph_betweenness_cutoff does for every source. Closeness and harmonic
 * centrality of a vertex need only the search from that vertex, so workers
 * take disjoint sets of vertices, and the parent's gathering adds only
 * zeros to each value.
 *
 * The sweep (pn__path_metrics_fused) computes the three together: the one
 * search from a source gives its closeness and harmonic centrality and its
 * dependencies, in process or in each worker over its share of sources. */
#include "analysis/path_sweep.h"

#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "analysis/igraph_glue.h"
#include "core/util.h"

int pn__default_workers(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 64 ? 64 : (int)n;
}

/* In process: exactly the single igraph call, so the bits are igraph's. */
static igraph_error_t whole(const igraph_t *g, pn__path_metric metric, igraph_neimode_t mode,
                            int cutoff, igraph_vector_t *res)
{
    switch (metric) {
    case PN__PATH_BETWEENNESS:
        return cutoff > 0 ? igraph_betweenness_cutoff(g, res, igraph_vss_all(), true, NULL, cutoff)
                          : igraph_betweenness(g, res, igraph_vss_all(), true, NULL);
    case PN__PATH_CLOSENESS:
        return cutoff > 0
                   ? igraph_closeness_cutoff(g, res, NULL, NULL, igraph_vss_all(), mode, NULL, true,
                                             cutoff)
                   : igraph_closeness(g, res, NULL, NULL, igraph_vss_all(), mode, NULL, true);
    case PN__PATH_HARMONIC:
    default:
        return cutoff > 0 ? igraph_harmonic_centrality_cutoff(g, res, igraph_vss_all(), mode, NULL,
                                                              true, cutoff)
                          : igraph_harmonic_centrality(g, res, igraph_vss_all(), mode, NULL, true);
    }
}

static int in_process(const igraph_t *g, pn__path_metric metric, igraph_neimode_t mode, int cutoff,
                      const char *name, double *out, pn_diags *diags)
{
    igraph_vector_t res;
    igraph_error_t err = igraph_vector_init(&res, 0);
    if (err)
        return pn__igraph_fail(diags, name, err);
    err = whole(g, metric, mode, cutoff, &res);
    if (!err)
        memcpy(out, VECTOR(res), (size_t)igraph_vcount(g) * sizeof(double));
    igraph_vector_destroy(&res);
    return err ? pn__igraph_fail(diags, name, err) : 0;
}

/* ---- In a worker process ---- */

/* The worker's progress slot in the shared mapping. Set only in a worker,
 * after the fork, together with igraph's (process-wide) progress handler:
 * the calling process's state is never touched. */
static volatile double *worker_done;

static igraph_error_t worker_progress(const char *message, igraph_real_t percent, void *data)
{
    (void)message;
    (void)data;
    if (worker_done)
        *worker_done = percent / 100.0;
    return IGRAPH_SUCCESS;
}

/* ---- The sweep: one breadth-first search per source for all three ---- */

/* State of a sweep in one process. dist is -1 for a vertex the current
 * source has not reached; order holds the reached vertices in the order
 * found, which is the order igraph's queue pops them; sigma counts shortest
 * paths (as doubles, like igraph: they overflow integers) and delta is the
 * dependency of the source on a vertex. The adjacency keeps multiple edges,
 * as igraph's betweenness does (each is a separate path); pn_graph has
 * none. */
typedef struct sweep {
    igraph_adjlist_t succ; /* arcs out of a vertex; all edges when undirected */
    igraph_adjlist_t pred; /* arcs into a vertex: directed betweenness only */
    bool has_succ, has_pred;
    igraph_integer_t *dist, *order;
    double *sigma, *delta;
} sweep;

static void sweep_free(sweep *sw)
{
    if (sw->has_succ)
        igraph_adjlist_destroy(&sw->succ);
    if (sw->has_pred)
        igraph_adjlist_destroy(&sw->pred);
    free(sw->dist);
    free(sw->order);
    free(sw->sigma);
    free(sw->delta);
}

/* The adjacency lists are igraph_betweenness's own (mode OUT or ALL, no
 * loops, multiple edges kept), so the search finds vertices in its order.
 * Returns 0, PN_ENOMEM or PN_EIGRAPH (with a message when diags). */
static int sweep_init(const igraph_t *g, unsigned which, sweep *sw, const char *name,
                      pn_diags *diags)
{
    size_t n = (size_t)igraph_vcount(g);
    bool directed = igraph_is_directed(g);
    memset(sw, 0, sizeof(*sw));
    igraph_error_t err = igraph_adjlist_init(g, &sw->succ, directed ? IGRAPH_OUT : IGRAPH_ALL,
                                             IGRAPH_NO_LOOPS, IGRAPH_MULTIPLE);
    sw->has_succ = !err;
    if (!err && directed && (which & PN__PATH_BIT(PN__PATH_BETWEENNESS))) {
        err = igraph_adjlist_init(g, &sw->pred, IGRAPH_IN, IGRAPH_NO_LOOPS, IGRAPH_MULTIPLE);
        sw->has_pred = !err;
    }
    if (err) {
        sweep_free(sw);
        return pn__igraph_fail(diags, name, err);
    }
    sw->dist = malloc((n + 1) * sizeof(igraph_integer_t));
    sw->order = malloc((n + 1) * sizeof(igraph_integer_t));
    sw->sigma = malloc((n + 1) * sizeof(double));
    sw->delta = malloc((n + 1) * sizeof(double));
    if (!sw->dist || !sw->order || !sw->sigma || !sw->delta) {
        sweep_free(sw);
        pn_diags_add(diags, PN_SEVERITY_ERROR, NULL, 0, 0, NULL, "memory",
                     "%s: out of memory for %zu vertices", name, n);
        return PN_ENOMEM;
    }
    for (size_t v = 0; v < n; v++) {
        sw->dist[v] = -1;
        sw->delta[v] = 0;
    }
    return 0;
}

/* Run the searches from the sources first, first + step, ... and write
 * into out[m] for each metric m of which: closeness and harmonic of each
 * source; betweenness ADDED into out[PN__PATH_BETWEENNESS] (the caller
 * zeroes it, and halves it on an undirected graph). cutoff > 0: a vertex
 * at depth cutoff is not expanded, so only paths of at most cutoff hops
 * count (igraph's _cutoff functions queue the vertices one hop further
 * and then drop them: the same result).
 *
 * The arithmetic is igraph 0.10's, step for step, so the values are the
 * same bits: closeness adds the integer distances in a double (exact) and
 * divides the number of others reached by the sum, NaN when it is 0;
 * harmonic adds 1.0 / d in the order found (level by level, so in any
 * breadth-first order the same sequence of terms) and multiplies by
 * 1.0 / (V - 1); betweenness pops the vertices deepest first, adds
 * sigma[v] * ((1 + delta[w]) / sigma[w]) into each parent v of w, and adds
 * delta[w] into the result. Progress: the fraction of sources done goes to
 * the worker's slot (worker_done) in a worker, or to progress (every 1% of
 * the sources, below 1) in process. */
static void sweep_sources(const igraph_t *g, sweep *sw, unsigned which, int cutoff,
                          igraph_integer_t first, igraph_integer_t step,
                          double *const out[PN__PATH_COUNT],
                          void (*progress)(void *ctx, const char *what, double fraction),
                          void *progress_ctx, const char *name)
{
    igraph_integer_t n = igraph_vcount(g);
    double *bet = which & PN__PATH_BIT(PN__PATH_BETWEENNESS) ? out[PN__PATH_BETWEENNESS] : NULL;
    double *clo = which & PN__PATH_BIT(PN__PATH_CLOSENESS) ? out[PN__PATH_CLOSENESS] : NULL;
    double *har = which & PN__PATH_BIT(PN__PATH_HARMONIC) ? out[PN__PATH_HARMONIC] : NULL;
    igraph_adjlist_t *pred = sw->has_pred ? &sw->pred : &sw->succ;
    igraph_integer_t *dist = sw->dist, *order = sw->order;
    double *sigma = sw->sigma, *delta = sw->delta;
    igraph_integer_t count = first < n ? (n - first + step - 1) / step : 0;
    igraph_integer_t every = count / 100 > 0 ? count / 100 : 1, done = 0;
    for (igraph_integer_t s = first; s < n; s += step) {
        igraph_integer_t head = 0, tail = 0, reached = 0;
        double dsum = 0, hsum = 0;
        order[tail++] = s;
        dist[s] = 0;
        sigma[s] = 1;
        while (head < tail) {
            igraph_integer_t v = order[head++], d = dist[v];
            reached++;
            dsum += (double)d;
            if (v != s)
                hsum += 1.0 / (double)d;
            if (cutoff > 0 && d >= cutoff)
                continue;
            igraph_vector_int_t *nb = igraph_adjlist_get(&sw->succ, v);
            igraph_integer_t k = igraph_vector_int_size(nb);
            const igraph_integer_t *u = VECTOR(*nb);
            for (igraph_integer_t j = 0; j < k; j++) {
                igraph_integer_t x = u[j];
                if (dist[x] < 0) {
                    dist[x] = d + 1;
                    sigma[x] = 0;
                    order[tail++] = x;
                }
                if (bet && dist[x] == d + 1)
                    sigma[x] += sigma[v];
            }
        }
        if (clo)
            clo[s] = dsum == 0 ? NAN : (double)(reached - 1) / dsum;
        if (har)
            har[s] = n > 1 ? hsum * (1.0 / (double)(n - 1)) : hsum;
        /* Deepest first: a vertex's successors are done before it. */
        for (igraph_integer_t i = tail - 1; bet && i > 0; i--) {
            igraph_integer_t w = order[i], dw = dist[w] - 1;
            double coeff = (1 + delta[w]) / sigma[w];
            igraph_vector_int_t *nb = igraph_adjlist_get(pred, w);
            igraph_integer_t k = igraph_vector_int_size(nb);
            const igraph_integer_t *p = VECTOR(*nb);
            for (igraph_integer_t j = 0; j < k; j++)
                if (dist[p[j]] == dw)
                    delta[p[j]] += sigma[p[j]] * coeff;
            bet[w] += delta[w];
        }
        for (igraph_integer_t i = 0; i < tail; i++) {
            dist[order[i]] = -1;
            delta[order[i]] = 0;
        }
        done++;
        if (worker_done)
            *worker_done = (double)done / (double)count;
        else if (progress && done % every == 0 && done < count)
            progress(progress_ctx, name, (double)done / (double)count);
    }
}

static void halve_if_undirected(const igraph_t *g, double *bet)
{
    if (bet && !igraph_is_directed(g))
        for (igraph_integer_t v = 0; v < igraph_vcount(g); v++)
            bet[v] *= 0.5;
}

/* The share of worker `first` of `step` in a worker process: the sources
 * first, first + step, ... into out[m] (zeroed), betweenness halved on an
 * undirected graph, like igraph_betweenness_subset's. Returns the worker's
 * exit status: 0, or 1 (out of memory). */
static int sweep_share(const igraph_t *g, unsigned which, int cutoff, int first, int step,
                       double *const out[PN__PATH_COUNT])
{
    sweep sw;
    if (sweep_init(g, which, &sw, "", NULL))
        return 1;
    sweep_sources(g, &sw, which, cutoff, first, step, out, NULL, NULL, NULL);
    if (which & PN__PATH_BIT(PN__PATH_BETWEENNESS))
        halve_if_undirected(g, out[PN__PATH_BETWEENNESS]);
    sweep_free(&sw);
    return 0;
}

/* Compute the share of worker w into slot (n doubles, zeroed). Returns the
 * worker's exit status: 0, or 1 when something failed. */
static int worker(const igraph_t *g, pn__path_metric metric, igraph_neimode_t mode, int cutoff,
                  int w, int workers, double *slot)
{
    igraph_integer_t n = igraph_vcount(g);
    igraph_vector_int_t ids;
    igraph_vector_t res;
    igraph_error_t err = IGRAPH_SUCCESS;
    int rc = 1;
    if (igraph_vector_int_init(&ids, 0))
        return 1;
    if (igraph_vector_init(&res, 0)) {
        igraph_vector_int_destroy(&ids);
        return 1;
    }
    for (igraph_integer_t v = w; v < n; v += workers)
        if (igraph_vector_int_push_back(&ids, v))
            goto cleanup;
    igraph_vs_t sel = igraph_vss_vector(&ids);
    switch (metric) {
    case PN__PATH_BETWEENNESS:
        if (cutoff > 0) {
            double *const outs[PN__PATH_COUNT] = {slot, NULL, NULL};
            rc = sweep_share(g, PN__PATH_BIT(PN__PATH_BETWEENNESS), cutoff, w, workers, outs);
            goto cleanup;
        }
        err =
            igraph_betweenness_subset(g, &res, igraph_vss_all(), true, sel, igraph_vss_all(), NULL);
        if (!err)
            memcpy(slot, VECTOR(res), (size_t)n * sizeof(double));
        break;
    case PN__PATH_CLOSENESS:
    case PN__PATH_HARMONIC:
        if (metric == PN__PATH_CLOSENESS)
            err = cutoff > 0
                      ? igraph_closeness_cutoff(g, &res, NULL, NULL, sel, mode, NULL, true, cutoff)
                      : igraph_closeness(g, &res, NULL, NULL, sel, mode, NULL, true);
        else
            err = cutoff > 0
                      ? igraph_harmonic_centrality_cutoff(g, &res, sel, mode, NULL, true, cutoff)
                      : igraph_harmonic_centrality(g, &res, sel, mode, NULL, true);
        /* res is in the order of ids: scatter into the vertex positions. */
        for (igraph_integer_t k = 0; !err && k < igraph_vector_int_size(&ids); k++)
            slot[VECTOR(ids)[k]] = VECTOR(res)[k];
        break;
    }
    rc = err ? 1 : 0;
cleanup:
    igraph_vector_destroy(&res);
    igraph_vector_int_destroy(&ids);
    return rc;
}

/* ---- In the calling process ---- */

static void sleep_ms(long ms)
{
    struct timespec t = {0, ms * 1000000L};
    nanosleep(&t, NULL);
}

/* What the workers compute: one metric with igraph (fused == 0), or the
 * metrics of the bit set fused in one sweep. */
typedef struct task {
    pn__path_metric metric;
    unsigned fused;
    igraph_neimode_t mode;
    int cutoff;
} task;

/* The number of result vectors of a task: one per metric. */
static size_t task_outputs(const task *t)
{
    size_t k = 0;
    for (int m = 0; m < PN__PATH_COUNT; m++)
        k += (t->fused & PN__PATH_BIT(m)) != 0;
    return t->fused ? k : 1;
}

/* In a worker process: compute worker w's share into its slot, nout
 * vectors of n doubles (in metric order for a fused task). */
static int run_task(const igraph_t *g, const task *t, int w, int workers, double *slot)
{
    if (!t->fused)
        return worker(g, t->metric, t->mode, t->cutoff, w, workers, slot);
    size_t n = (size_t)igraph_vcount(g), k = 0;
    double *outs[PN__PATH_COUNT] = {NULL, NULL, NULL};
    for (int m = 0; m < PN__PATH_COUNT; m++)
        if (t->fused & PN__PATH_BIT(m))
            outs[m] = slot + k++ * n;
    return sweep_share(g, t->fused, t->cutoff, w, workers, outs);
}

/* Fork the workers of task t, wait for them, and sum their shares into
 * out[0..nout-1] (task_outputs; in metric order for a fused task). */
static int forked(const igraph_t *g, const task *t, int workers, const char *name,
                  double *const *out,
                  void (*progress)(void *ctx, const char *what, double fraction),
                  void *progress_ctx, pn_diags *diags)
{
    size_t n = (size_t)igraph_vcount(g), nout = task_outputs(t);
    /* workers result slots of nout * n doubles, each worker's fraction
     * done, then the workers' process ids: in the mapping rather than on
     * the heap, so that no heap block of this call is left in a worker,
     * which valgrind would report as lost when the worker exits. An
     * anonymous mapping starts zeroed. */
    size_t slot = nout * n;
    size_t bytes = ((size_t)workers * slot + (size_t)workers) * sizeof(double) +
                   (size_t)workers * sizeof(pid_t);
    double *shared = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (shared == MAP_FAILED) {
        pn_diags_add(diags, PN_SEVERITY_ERROR, NULL, 0, 0, NULL, "worker",
                     "%s: cannot map %zu bytes shared with the worker processes: %s", name, bytes,
                     strerror(errno));
        return PN_ENOMEM;
    }
    volatile double *done = shared + (size_t)workers * slot;
    pid_t *pids = (pid_t *)(shared + (size_t)workers * slot + (size_t)workers);
    int rc = 0, started = 0, left = 0;
    for (int w = 0; w < workers; w++) {
        pid_t pid = fork();
        if (pid == 0) {
            /* A caller's progress handler must not run in N processes at
             * once: the worker reports through its slot, or not at all. */
            worker_done = progress ? &done[w] : NULL;
            igraph_set_progress_handler(progress ? worker_progress : NULL);
            _exit(run_task(g, t, w, workers, shared + (size_t)w * slot));
        }
        if (pid < 0) {
            pn_diags_add(diags, PN_SEVERITY_ERROR, NULL, 0, 0, NULL, "worker",
                         "%s: cannot start a worker process: %s", name, strerror(errno));
            rc = PN_EINTERNAL;
            break;
        }
        pids[started++] = pid;
    }
    /* Wait for every started worker, even after a failure. Without progress
     * each wait blocks; with it, poll every 10 ms and report the mean
     * fraction done when it has grown by a per cent. */
    left = started;
    double shown = 0;
    while (left > 0) {
        for (int w = 0; w < started; w++) {
            if (pids[w] == 0)
                continue;
            int status = 0;
            pid_t r = waitpid(pids[w], &status, progress ? WNOHANG : 0);
            if (r == 0 || (r < 0 && errno == EINTR))
                continue;
            int err = r < 0 ? errno : 0;
            pids[w] = 0;
            left--;
            done[w] = 1;
            if (r > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0)
                continue;
            if (rc == 0) {
                if (r < 0)
                    pn_diags_add(diags, PN_SEVERITY_ERROR, NULL, 0, 0, NULL, "worker",
                                 "%s: cannot wait for a worker process: %s", name, strerror(err));
                else if (WIFSIGNALED(status))
                    pn_diags_add(diags, PN_SEVERITY_ERROR, NULL, 0, 0, NULL, "worker",
                                 "%s: a worker process was killed by signal %d", name,
                                 WTERMSIG(status));
                else
                    pn_diags_add(diags, PN_SEVERITY_ERROR, NULL, 0, 0, NULL, "worker",
                                 "%s: a worker process failed (exit status %d; out of memory?)",
                                 name, WIFEXITED(status) ? WEXITSTATUS(status) : status);
                rc = PN_EINTERNAL;
            }
        }
        if (progress && left > 0) {
            double sum = 0;
            for (int w = 0; w < started; w++)
                sum += done[w];
            double f = sum / started;
            if (f >= shown + 0.01 && f < 1) {
                shown = f;
                progress(progress_ctx, name, f);
            }
            sleep_ms(10);
        }
    }
    if (rc)
        goto cleanup;
    for (size_t k = 0; k < nout; k++) {
        for (size_t v = 0; v < n; v++) {
            double sum = 0;
            for (int w = 0; w < workers; w++)
                sum += shared[(size_t)w * slot + k * n + v];
            out[k][v] = sum;
        }
    }
cleanup:
    munmap(shared, bytes);
    return rc;
}

/* The number of workers to use for workers asked: 1 means in process. */
static int workers_for(const igraph_t *g, int workers)
{
    size_t n = (size_t)igraph_vcount(g);
    if (workers > PN__MAX_WORKERS)
        workers = PN__MAX_WORKERS;
    if (workers > (int)(n / 64))
        workers = (int)(n / 64);
    return workers <= 1 || n < PN__MIN_PARALLEL_VERTICES ? 1 : workers;
}

int pn__path_metric_parallel(const igraph_t *g, pn__path_metric metric, igraph_neimode_t mode,
                             int workers, int cutoff, const char *name, double *out,
                             void (*progress)(void *ctx, const char *what, double fraction),
                             void *progress_ctx, pn_diags *diags)
{
    pn__igraph_init();
    workers = workers_for(g, workers);
    if (progress)
        progress(progress_ctx, name, 0);
    task t = {metric, 0, mode, cutoff};
    int rc = workers <= 1 ? in_process(g, metric, mode, cutoff, name, out, diags)
                          : forked(g, &t, workers, name, &out, progress, progress_ctx, diags);
    if (progress)
        progress(progress_ctx, name, 1);
    return rc;
}

int pn__path_metrics_fused(const igraph_t *g, unsigned which, int workers, int cutoff,
                           const char *name, double *const out[PN__PATH_COUNT],
                           void (*progress)(void *ctx, const char *what, double fraction),
                           void *progress_ctx, pn_diags *diags)
{
    pn__igraph_init();
    which &= PN__PATH_BIT(PN__PATH_COUNT) - 1;
    if (!which)
        return 0;
    workers = workers_for(g, workers);
    if (progress)
        progress(progress_ctx, name, 0);
    int rc = 0;
    if (workers <= 1) {
        sweep sw;
        rc = sweep_init(g, which, &sw, name, diags);
        if (!rc) {
            double *bet =
                which & PN__PATH_BIT(PN__PATH_BETWEENNESS) ? out[PN__PATH_BETWEENNESS] : NULL;
            for (igraph_integer_t v = 0; bet && v < igraph_vcount(g); v++)
                bet[v] = 0;
            sweep_sources(g, &sw, which, cutoff, 0, 1, out, progress, progress_ctx, name);
            halve_if_undirected(g, bet);
            sweep_free(&sw);
        }
    } else {
        double *outs[PN__PATH_COUNT];
        size_t k = 0;
        for (int m = 0; m < PN__PATH_COUNT; m++)
            if (which & PN__PATH_BIT(m))
                outs[k++] = out[m];
        task t = {PN__PATH_BETWEENNESS, which, IGRAPH_OUT, cutoff};
        rc = forked(g, &t, workers, name, outs, progress, progress_ctx, diags);
    }
    if (progress)
        progress(progress_ctx, name, 1);
    return rc;
}
