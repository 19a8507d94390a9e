#include "cli.h"

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

int cli_usage_error(const char *command, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "paranet%s%s: ", command ? " " : "", command ? command : "");
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry 'paranet help %s' for more.\n", command ? command : "");
    return EXIT_USAGE;
}

static const char *nearest_option(const char *given, const struct option *longopts)
{
    const char *best = NULL;
    size_t best_d = 4;
    for (const struct option *o = longopts; o->name; o++) {
        size_t d = pn_edit_distance(given, o->name, 3);
        if (d < best_d) {
            best_d = d;
            best = o->name;
        }
    }
    return best;
}

int cli_getopt(const char *command, int argc, char **argv, const char *shortopts,
               const struct option *longopts)
{
    opterr = 0;
    int c = getopt_long(argc, argv, shortopts, longopts, NULL);
    if (c != '?')
        return c;
    const char *arg = argv[optind - 1];
    if (optopt) {
        const char *needs = strchr(shortopts, optopt);
        if (needs && needs[1] == ':')
            cli_usage_error(command, "option '-%c' needs a value", optopt);
        else
            cli_usage_error(command, "unknown option '-%c'", optopt);
        return '?';
    }
    if (arg && strncmp(arg, "--", 2) == 0) {
        char name[64];
        snprintf(name, sizeof(name), "%s", arg + 2);
        char *eq = strchr(name, '=');
        if (eq)
            *eq = '\0';
        for (const struct option *o = longopts; o->name; o++) {
            if (strcmp(o->name, name) == 0) {
                if (o->has_arg == required_argument)
                    return cli_usage_error(command, "option '--%s' needs a value", name), '?';
                return cli_usage_error(command, "option '--%s' takes no value", name), '?';
            }
        }
        const char *near = nearest_option(name, longopts);
        if (near)
            cli_usage_error(command, "unknown option '--%s' (did you mean '--%s'?)", name, near);
        else
            cli_usage_error(command, "unknown option '--%s'", name);
        return '?';
    }
    cli_usage_error(command, "unknown option '%s'", arg ? arg : "?");
    return '?';
}

void cli_print_diags(const pn_diags *diags)
{
    char line[2048];
    size_t n = pn_diags_count(diags);
    for (size_t i = 0; i < n; i++) {
        pn_diag_format(pn_diags_get(diags, i), line, sizeof(line));
        fprintf(stderr, "%s\n", line);
    }
    size_t total = pn_diags_errors(diags) + pn_diags_warnings(diags);
    if (total > n)
        fprintf(stderr, "... and %zu more (%zu errors, %zu warnings in all)\n", total - n,
                pn_diags_errors(diags), pn_diags_warnings(diags));
}

void cli_print_errors(const pn_diags *diags, bool quiet)
{
    if (!quiet) {
        cli_print_diags(diags);
        return;
    }
    char line[2048];
    for (size_t i = 0; i < pn_diags_count(diags); i++) {
        const pn_diag *d = pn_diags_get(diags, i);
        if (d->severity == PN_SEVERITY_ERROR) {
            pn_diag_format(d, line, sizeof(line));
            fprintf(stderr, "%s\n", line);
        }
    }
}

int cli_exit_code(int rc)
{
    switch (rc) {
    case 0:
        return EXIT_OK;
    case PN_EDATA:
    case PN_ELIMIT:
    case PN_ENOTFOUND:
        return EXIT_INVALID;
    case PN_EINVAL:
        return EXIT_USAGE;
    case PN_EIO:
        return EXIT_IO;
    default:
        return EXIT_INTERNAL;
    }
}

int cli_read_input(const char *path, size_t max, char **out, size_t *len, pn_diags *diags)
{
    if (strcmp(path, "-") != 0)
        return pn_read_file(path, max, out, len, diags);
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap);
    int rc = 0;
    if (!buf)
        return PN_ENOMEM;
    for (;;) {
        if (n + 1 >= cap) {
            char *p = realloc(buf, cap * 2);
            if (!p) {
                rc = PN_ENOMEM;
                break;
            }
            buf = p;
            cap *= 2;
        }
        size_t r = fread(buf + n, 1, cap - n - 1, stdin);
        n += r;
        if (n > max) {
            pn_diags_add(diags, PN_SEVERITY_ERROR, "<stdin>", 0, 0, NULL, "too-large",
                         "input is over the limit of %zu bytes (raise it with --max-bytes)", max);
            rc = PN_ELIMIT;
            break;
        }
        if (r == 0) {
            if (ferror(stdin)) {
                pn_diags_add(diags, PN_SEVERITY_ERROR, "<stdin>", 0, 0, NULL, "io",
                             "cannot read standard input");
                rc = PN_EIO;
            }
            break;
        }
    }
    if (rc) {
        free(buf);
        return rc;
    }
    buf[n] = '\0';
    *out = buf;
    *len = n;
    return 0;
}

int cli_load(const char *path, const pn_load_options *opts, pn_diags *diags, pn_dataset **out)
{
    pn_load_options o = PN_LOAD_OPTIONS_INIT;
    if (opts)
        o = *opts;
    int rc;
    cli_progress_setup(&o, false); /* unless the command said quiet */
    if (strcmp(path, "-") == 0) {
        char *data = NULL;
        size_t len = 0;
        o.name = "<stdin>";
        rc = cli_read_input(path, o.max_bytes, &data, &len, diags);
        if (rc == 0)
            rc = pn_dataset_load_buffer(out, data, len, &o, diags);
        free(data);
    } else {
        rc = pn_dataset_load_file(out, path, &o, diags);
    }
    cli_print_diags(diags);
    if (rc == PN_ENOMEM)
        fprintf(stderr, "%s: error: out of memory\n", o.name ? o.name : path);
    return cli_exit_code(rc);
}

/* ---- Temporary files removed on a fatal signal ---- */

/* The names the library told of (pn_write_options.temp_file). Lock-free
 * atomics, so that the handler can read them; set and cleared outside it. */
#define MAX_TEMPS 64
static _Atomic(char *) temp_names[MAX_TEMPS];

static void on_temp_file(void *ctx, const char *path, bool in_use)
{
    (void)ctx;
    if (in_use) {
        char *copy = strdup(path);
        for (size_t i = 0; copy && i < MAX_TEMPS; i++) {
            char *expected = NULL;
            if (atomic_compare_exchange_strong(&temp_names[i], &expected, copy))
                return;
        }
        free(copy); /* more than MAX_TEMPS at once: this one is not cleaned up */
        return;
    }
    for (size_t i = 0; i < MAX_TEMPS; i++) {
        char *p = atomic_load(&temp_names[i]);
        if (p && strcmp(p, path) == 0) {
            atomic_store(&temp_names[i], NULL);
            free(p);
            return;
        }
    }
}

static void on_fatal_signal(int sig)
{
    int saved = errno;
    for (size_t i = 0; i < MAX_TEMPS; i++) {
        char *p = atomic_load(&temp_names[i]);
        if (p)
            unlink(p);
    }
    /* Die of the signal, as without the handler (the exit status says so). */
    signal(sig, SIG_DFL);
    raise(sig);
    errno = saved;
}

const pn_write_options *cli_write_options(void)
{
    static const pn_write_options o = {on_temp_file, NULL};
    return &o;
}

void cli_cleanup_on_signals(void)
{
    static const int sigs[] = {SIGTERM, SIGINT, SIGHUP};
    for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
        struct sigaction old, sa;
        if (sigaction(sigs[i], NULL, &old) != 0 || old.sa_handler == SIG_IGN)
            continue; /* nohup and friends: stay ignored */
        memset(&sa, 0, sizeof(sa));
        sa.sa_handler = on_fatal_signal;
        sigemptyset(&sa.sa_mask);
        for (size_t k = 0; k < sizeof(sigs) / sizeof(sigs[0]); k++)
            sigaddset(&sa.sa_mask, sigs[k]);
        sigaction(sigs[i], &sa, NULL);
    }
}

int cli_write_output(const char *path, const void *data, size_t len, pn_diags *diags)
{
    if (strcmp(path, "-") == 0) {
        if (fwrite(data, 1, len, stdout) != len || fflush(stdout) != 0) {
            pn_diags_add(diags, PN_SEVERITY_ERROR, "<stdout>", 0, 0, NULL, "io", "cannot write: %s",
                         strerror(errno));
            return PN_EIO;
        }
        return 0;
    }
    return pn_write_file_atomic_ext(path, data, len, cli_write_options(), diags);
}

bool cli_parse_long(const char *text, long min, long max, long *out)
{
    char *end;
    if (!text || !*text)
        return false;
    long v = strtol(text, &end, 10);
    if (*end || v < min || v > max)
        return false;
    *out = v;
    return true;
}

/* ---- Progress on a terminal (cli_progress_setup) ---- */

static struct {
    int on;        /* 0: not decided yet; 1: shown; -1: not shown */
    double delay;  /* seconds of work before a line shows */
    double start;  /* when the current piece of work began */
    bool shown;    /* a progress line is on the screen */
    char what[64]; /* the library's name for the work in hand, or "" */
} progress_state;

static double seconds_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void progress_line(const char *what, double fraction)
{
    if (fraction <= 0 || progress_state.start == 0)
        progress_state.start = seconds_now();
    if (fraction >= 1) {
        if (progress_state.shown)
            fputs("\r\033[K", stderr);
        progress_state.shown = false;
        progress_state.start = 0;
        return;
    }
    if (seconds_now() - progress_state.start < progress_state.delay)
        return;
    fprintf(stderr, "\r\033[Kparanet: %s %3.0f%%", what, fraction * 100);
    fflush(stderr);
    progress_state.shown = true;
}

/* The library's progress callbacks (loading, path metrics). */
static void lib_progress(void *ctx, const char *what, double fraction)
{
    (void)ctx;
    snprintf(progress_state.what, sizeof(progress_state.what), "%s", fraction < 1 ? what : "");
    progress_line(what, fraction);
}

static igraph_error_t on_igraph_progress(const char *message, igraph_real_t percent, void *data)
{
    (void)data;
    /* Inside a library call that reports (betweenness...), keep its name
     * rather than igraph's ("Betweenness centrality"). */
    char what[64];
    snprintf(what, sizeof(what), "%s", progress_state.what[0] ? progress_state.what : message);
    size_t n = strlen(what);
    while (n > 0 && (what[n - 1] == ' ' || what[n - 1] == ':'))
        what[--n] = '\0';
    progress_line(what, percent / 100.0);
    return IGRAPH_SUCCESS;
}

/* Decide once whether progress shows; quiet turns it off for good. */
static bool progress_on(bool quiet)
{
    if (quiet && progress_state.on > 0)
        igraph_set_progress_handler(NULL);
    if (quiet) {
        progress_state.on = -1;
    } else if (progress_state.on == 0) {
        progress_state.on = isatty(STDERR_FILENO) ? 1 : -1;
        progress_state.delay = 1.0;
        const char *env = getenv("PARANET_PROGRESS_DELAY");
        char *end = NULL;
        double d = env && *env ? strtod(env, &end) : -1;
        if (env && *env && !*end && d >= 0 && d <= 3600)
            progress_state.delay = d;
        /* igraph's handler is process-wide: the steps of in-process
         * betweenness and closeness. Worker processes switch it off. */
        if (progress_state.on > 0)
            igraph_set_progress_handler(on_igraph_progress);
    }
    return progress_state.on > 0;
}

void cli_progress_setup(pn_load_options *opts, bool quiet)
{
    if (progress_on(quiet) && opts && !opts->progress)
        opts->progress = lib_progress;
}

void cli_progress_metrics(pn_metric_options *opts)
{
    if (progress_on(false) && !opts->progress)
        opts->progress = lib_progress;
}
