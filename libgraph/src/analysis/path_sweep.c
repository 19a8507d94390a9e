/* Betweenness, closeness and harmonic centrality, in process or over forked
 * workers, on paranet's own engine: the layout (path_csr.c: CSR arrays,
 * pendant trees folded on an undirected view without a cutoff) is built
 * once in the calling process; the sweep (path_engine.c) runs over all
 * core sources in process, or over a share of them in each forked worker
 * (the plan is inherited, copy on write). Betweenness is summed in 128-bit
 * fixed point, so the result is the same bits whatever the number of
 * workers; closeness and harmonic of a vertex are computed whole by one
 * worker. docs/metrics.md, "The path-metrics engine". */
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

#include "analysis/path_engine.h"

int pn__default_workers(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 64 ? 64 : (int)n;
}

/* ---- In the calling process ---- */

static void sleep_ms(long ms)
{
    struct timespec t = {0, ms * 1000000L};
    nanosleep(&t, NULL);
}

/* The metrics of `which` of plan p over `workers` forked processes: worker
 * w sweeps the core sources w, w + workers, ... into its slot of one shared
 * anonymous mapping; the parent adds the slots up: betweenness in fixed
 * point (exact, so in any order the same bits), closeness and harmonic
 * each written by one worker (the others' zeros add nothing). */
static int forked(const pn__path_plan *p, unsigned which, int cutoff, int workers, const char *name,
                  double *const out[PN__PATH_COUNT],
                  void (*progress)(void *ctx, const char *what, double fraction),
                  void *progress_ctx, pn_diags *diags)
{
    size_t n = p->n;
    bool want[PN__PATH_COUNT];
    for (int m = 0; m < PN__PATH_COUNT; m++)
        want[m] = (which & PN__PATH_BIT(m)) != 0;
    /* A slot: the fixed-point sums, closeness, harmonic (those wanted), a
     * multiple of 16 bytes. Then each worker's fraction done, then the
     * workers' process ids: in the mapping rather than on the heap, so
     * that no heap block of this call is left in a worker, which valgrind
     * would report as lost when the worker exits. An anonymous mapping
     * starts zeroed. */
    size_t bet_bytes = want[PN__PATH_BETWEENNESS] ? n * sizeof(pn__fixed) : 0;
    size_t vec_bytes = n * sizeof(double);
    size_t slot = bet_bytes + vec_bytes * (want[PN__PATH_CLOSENESS] + want[PN__PATH_HARMONIC]);
    slot = (slot + 15) / 16 * 16;
    size_t bytes =
        (size_t)workers * slot + (size_t)workers * sizeof(double) + (size_t)workers * sizeof(pid_t);
    char *shared = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (shared == MAP_FAILED) {
        pn_diags_add(diags, PN_SEVERITY_ERROR, NULL, 0, 0, NULL, "worker",
                     "%s: cannot map %zu bytes shared with the worker processes: %s", name, bytes,
                     strerror(errno));
        return PN_ENOMEM;
    }
    volatile double *done = (volatile double *)(shared + (size_t)workers * slot);
    pid_t *pids = (pid_t *)(shared + (size_t)workers * slot + (size_t)workers * sizeof(double));
    int rc = 0, started = 0, left = 0;
    for (int w = 0; w < workers; w++) {
        pid_t pid = fork();
        if (pid == 0) {
            /* A caller's progress handler must not run in N processes at
             * once: the worker reports through its slot, or not at all. */
            igraph_set_progress_handler(NULL);
            char *base = shared + (size_t)w * slot;
            pn__path_sink sink = {NULL, NULL, NULL, progress ? &done[w] : NULL,
                                  NULL, NULL, name, false};
            sink.bet = bet_bytes ? (pn__fixed *)base : NULL;
            base += bet_bytes;
            if (want[PN__PATH_CLOSENESS]) {
                sink.clo = (double *)base;
                base += vec_bytes;
            }
            if (want[PN__PATH_HARMONIC])
                sink.har = (double *)base;
            _exit(pn__path_sweep_share(p, cutoff, (size_t)w, (size_t)workers, &sink) ? 1 : 0);
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
    if (bet_bytes) {
        /* The sums go into worker 0's slot: integers, in any order exact. */
        pn__fixed *sum = (pn__fixed *)shared;
        for (int w = 1; w < workers; w++) {
            const pn__fixed *x = (const pn__fixed *)(shared + (size_t)w * slot);
            for (size_t v = 0; v < n; v++)
                sum[v] += x[v];
        }
        pn__path_fixed_finish(p, sum, out[PN__PATH_BETWEENNESS]);
    }
    size_t at = bet_bytes;
    for (int m = PN__PATH_CLOSENESS; m < PN__PATH_COUNT; m++) {
        if (!want[m])
            continue;
        for (size_t v = 0; v < n; v++) {
            double x = 0;
            for (int w = 0; w < workers; w++)
                x += ((const double *)(shared + (size_t)w * slot + at))[v];
            out[m][v] = x;
        }
        at += vec_bytes;
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

/* Both entries: igraph_steps says how progress in process goes between
 * 0 and 1 (pn__path_sink). */
static int run(const igraph_t *g, unsigned which, int workers, int cutoff, const char *name,
               double *const out[PN__PATH_COUNT],
               void (*progress)(void *ctx, const char *what, double fraction), void *progress_ctx,
               bool igraph_steps, pn_diags *diags)
{
    which &= PN__PATH_BIT(PN__PATH_COUNT) - 1;
    if (!which)
        return 0;
    workers = workers_for(g, workers);
    if (progress)
        progress(progress_ctx, name, 0);
    pn__path_plan plan;
    int rc = pn__path_plan_build(g, cutoff <= 0, &plan, name, diags);
    if (!rc && workers > 1) {
        rc = forked(&plan, which, cutoff, workers, name, out, progress, progress_ctx, diags);
    } else if (!rc) {
        size_t n = plan.n;
        pn__path_sink sink = {NULL,         NULL, NULL,        NULL, igraph_steps ? NULL : progress,
                              progress_ctx, name, igraph_steps};
        if (which & PN__PATH_BIT(PN__PATH_BETWEENNESS))
            sink.bet = calloc(n + 1, sizeof(pn__fixed));
        if (which & PN__PATH_BIT(PN__PATH_CLOSENESS))
            sink.clo = out[PN__PATH_CLOSENESS];
        if (which & PN__PATH_BIT(PN__PATH_HARMONIC))
            sink.har = out[PN__PATH_HARMONIC];
        if ((which & PN__PATH_BIT(PN__PATH_BETWEENNESS)) && !sink.bet)
            rc = PN_ENOMEM;
        else
            rc = pn__path_sweep_share(&plan, cutoff, 0, 1, &sink);
        if (!rc && sink.bet)
            pn__path_fixed_finish(&plan, sink.bet, out[PN__PATH_BETWEENNESS]);
        if (rc)
            pn_diags_add(diags, PN_SEVERITY_ERROR, NULL, 0, 0, NULL, "memory",
                         "%s: out of memory for %zu vertices", name, n);
        free(sink.bet);
    }
    pn__path_plan_free(&plan);
    if (progress)
        progress(progress_ctx, name, 1);
    return rc;
}

int pn__path_metrics_fused(const igraph_t *g, unsigned which, int workers, int cutoff,
                           const char *name, double *const out[PN__PATH_COUNT],
                           void (*progress)(void *ctx, const char *what, double fraction),
                           void *progress_ctx, pn_diags *diags)
{
    return run(g, which, workers, cutoff, name, out, progress, progress_ctx, false, diags);
}

int pn__path_metric_parallel(const igraph_t *g, pn__path_metric metric, int workers, int cutoff,
                             const char *name, double *out,
                             void (*progress)(void *ctx, const char *what, double fraction),
                             void *progress_ctx, pn_diags *diags)
{
    double *outs[PN__PATH_COUNT] = {NULL, NULL, NULL};
    outs[metric] = out;
    return run(g, PN__PATH_BIT(metric), workers, cutoff, name, outs, progress, progress_ctx, true,
               diags);
}
