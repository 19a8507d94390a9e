/* Yearly panels (panel.h). */
#include "panel.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ego_note.h"

static int over_usage(const char *command, const char *arg)
{
    return cli_usage_error(command,
                           "--over needs Y1:Y2 or Y1:Y2:STEP, years from 1 to 9999 as for --at "
                           "and a STEP of years >= 1, e.g. --over 2012:2020 (got '%s')",
                           arg);
}

int panel_parse(const char *command, const char *arg, panel_years *out)
{
    long v[3] = {0, 0, 1};
    size_t n = 0;
    const char *p = arg;
    char part[32];
    for (;;) {
        size_t len = strcspn(p, ":");
        if (n == 3 || len == 0 || len >= sizeof(part))
            return over_usage(command, arg);
        memcpy(part, p, len);
        part[len] = '\0';
        if (!cli_parse_long(part, n == 2 ? -1000000L : 0, 1000000L, &v[n]))
            return over_usage(command, arg);
        n++;
        if (!p[len])
            break;
        p += len + 1;
    }
    if (n < 2 || v[0] < 1 || v[0] > 9999 || v[1] < 1 || v[1] > 9999)
        return over_usage(command, arg);
    if (v[0] > v[1])
        return cli_usage_error(command, "--over %s: %ld is after %ld (the first year comes first)",
                               arg, v[0], v[1]);
    if (v[2] < 1)
        return cli_usage_error(command, "--over %s: the STEP must be a number of years >= 1", arg);
    if ((v[1] - v[0]) / v[2] + 1 > PANEL_MAX_YEARS)
        return cli_usage_error(command, "--over %s: over %d years", arg, PANEL_MAX_YEARS);
    *out = (panel_years){(int)v[0], (int)v[1], (int)v[2]};
    return EXIT_OK;
}

int panel_check(cli_job *job, const panel_years *years)
{
    pn_view *v = &job->vo.view;
    if (v->at)
        return cli_usage_error(job->command, "--over and --at both choose the years: give one "
                                             "(--over Y:Y is --at Y in the panel's layout)");
    if (v->from_year || v->to_year)
        return cli_usage_error(job->command,
                               "--over and --between both choose the years: give one");
    v->from_year = years->first;
    v->to_year = years->last;
    job->vo.tie_filter = true;
    v->drop_isolates = !job->vo.keep_isolates;
    return EXIT_OK;
}

const char *panel_words(const panel_years *y, char *buf, size_t size)
{
    if (y->step == 1)
        snprintf(buf, size, "each year from %d to %d", y->first, y->last);
    else
        snprintf(buf, size, "every %d years from %d to %d", y->step, y->first, y->last);
    return buf;
}

int panel_view_line(cli_job *job, const panel_years *y)
{
    char window[64], over[64];
    snprintf(window, sizeof(window), "between=%d-%d", y->first, y->last);
    if (y->step == 1)
        snprintf(over, sizeof(over), "over=%d:%d", y->first, y->last);
    else
        snprintf(over, sizeof(over), "over=%d:%d:%d", y->first, y->last, y->step);
    const char *at = job->view ? strstr(job->view, window) : NULL;
    if (!at)
        return EXIT_OK;
    size_t len = strlen(job->view) + strlen(over) + 1;
    char *line = malloc(len);
    if (!line)
        return EXIT_INTERNAL;
    snprintf(line, len, "%.*s%s%s", (int)(at - job->view), job->view, over, at + strlen(window));
    free((char *)job->view);
    job->view = line;
    report_set_view(&job->out, line);
    return EXIT_OK;
}

/* Runs of consecutive years of the panel with one value, into buf:
 * "2010-2013" (with values: "2 in 2014, 3 in each of 2015-2020"); only the
 * years whose value is not 0. */
static void runs(const panel_years *y, const size_t *value, size_t n, bool counts, char *buf,
                 size_t size)
{
    size_t len = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < n && len < size; i++) {
        if (!value[i])
            continue;
        size_t j = i;
        while (j + 1 < n && value[j + 1] == value[i])
            j++;
        int a = y->first + (int)i * y->step, b = y->first + (int)j * y->step;
        const char *sep = len ? ", " : "";
        if (!counts && i == j)
            len += (size_t)snprintf(buf + len, size - len, "%s%d", sep, a);
        else if (!counts)
            len += (size_t)snprintf(buf + len, size - len, "%s%d-%d", sep, a, b);
        else if (i == j)
            len += (size_t)snprintf(buf + len, size - len, "%s%zu in %d", sep, value[i], a);
        else
            len += (size_t)snprintf(buf + len, size - len, "%s%zu in each of %d-%d", sep, value[i],
                                    a, b);
        i = j;
    }
}

/* What a year's child process sends back: the table's columns, then the
 * year's rows, each cell as its length and bytes (SIZE_MAX: a NULL cell). */
typedef struct wire {
    char *data;
    size_t len, cap, at;
    bool failed;
} wire;

static void put(wire *w, const void *p, size_t n)
{
    if (w->failed)
        return;
    if (w->len + n > w->cap) {
        size_t cap = 2 * (w->len + n) + 256;
        char *d = realloc(w->data, cap);
        if (!d) {
            w->failed = true;
            return;
        }
        w->data = d;
        w->cap = cap;
    }
    memcpy(w->data + w->len, p, n);
    w->len += n;
}

static void put_string(wire *w, const char *s)
{
    size_t n = s ? strlen(s) : SIZE_MAX;
    put(w, &n, sizeof(n));
    if (s)
        put(w, s, n);
}

static bool get(wire *w, void *p, size_t n)
{
    if (w->at + n > w->len)
        return false;
    memcpy(p, w->data + w->at, n);
    w->at += n;
    return true;
}

/* A string of the wire, copied (NULL for a NULL cell; free()); false at
 * the end of the data or out of memory. */
static bool get_string(wire *w, char **out)
{
    size_t n;
    *out = NULL;
    if (!get(w, &n, sizeof(n)))
        return false;
    if (n == SIZE_MAX)
        return true;
    if (n > w->len - w->at || !(*out = malloc(n + 1)))
        return false;
    memcpy(*out, w->data + w->at, n);
    (*out)[n] = '\0';
    w->at += n;
    return true;
}

static void free_cells(char **cells, size_t n)
{
    for (size_t c = 0; c < n; c++) {
        free(cells[c]);
        cells[c] = NULL;
    }
}

/* The child: fn, then the table's columns and the rows it added. */
static int child_year(cli_job *job, void *ctx, panel_year_fn fn, const pn_graph *g, int year,
                      report_table **t, wire *w)
{
    size_t before = *t ? (*t)->nrows : 0;
    int code = fn(job, ctx, g, year, t);
    if (code != EXIT_OK || !*t || job->out.failed)
        return code != EXIT_OK ? code : EXIT_INTERNAL;
    const report_table *tab = *t;
    put(w, &tab->ncols, sizeof(tab->ncols));
    for (size_t c = 0; c < tab->ncols; c++) {
        put_string(w, tab->head[c]);
        put(w, &tab->numeric[c], sizeof(bool));
    }
    for (size_t r = before; r < tab->nrows; r++)
        for (size_t c = 0; c < tab->ncols; c++)
            put_string(w, tab->cells[r * tab->ncols + c]);
    return w->failed ? EXIT_INTERNAL : EXIT_OK;
}

/* The parent: the table (the first year's columns) and the year's rows. */
static int take_rows(cli_job *job, wire *w, report_table **t)
{
    size_t ncols = 0;
    if (!get(w, &ncols, sizeof(ncols)) || ncols == 0 || ncols > 4096)
        return EXIT_INTERNAL;
    char **cells = calloc(ncols, sizeof(char *));
    bool *numeric = calloc(ncols, sizeof(bool));
    int code = cells && numeric ? EXIT_OK : EXIT_INTERNAL;
    for (size_t c = 0; code == EXIT_OK && c < ncols; c++)
        if (!get_string(w, &cells[c]) || !get(w, &numeric[c], sizeof(bool)))
            code = EXIT_INTERNAL;
    if (code == EXIT_OK && !*t)
        *t = report_table_new(&job->out, NULL, ncols, (const char *const *)cells, numeric);
    while (code == EXIT_OK && w->at < w->len) {
        if (*t && ((*t)->nrows + 1) * ncols > PANEL_MAX_CELLS) {
            code = cli_usage_error(job->command,
                                   "the panel would hold over %d cells: choose fewer years "
                                   "(--over), metrics (-m) or rows (--top, a view)",
                                   PANEL_MAX_CELLS);
            break;
        }
        free_cells(cells, ncols);
        for (size_t c = 0; code == EXIT_OK && c < ncols; c++)
            if (!get_string(w, &cells[c]))
                code = EXIT_INTERNAL;
        if (code == EXIT_OK)
            report_row(&job->out, *t, (const char *const *)cells);
    }
    if (cells)
        free_cells(cells, ncols);
    free(cells);
    free(numeric);
    return code;
}

/* fn for one year in a child process, so that the year's metrics start
 * from the igraph state a single --at run starts from: igraph's ARPACK
 * keeps a random stream across calls, and draws from it when a leading
 * eigenvalue is shared (hub and authority of a star), so a year computed
 * after others in one process could get another vector of that space. */
static int fork_year(cli_job *job, void *ctx, panel_year_fn fn, const pn_graph *g, int year,
                     report_table **t)
{
    int fds[2];
    if (pipe(fds) != 0)
        return EXIT_INTERNAL;
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        fprintf(stderr, "paranet %s: cannot start a process to compute %d\n", job->command, year);
        return EXIT_INTERNAL;
    }
    if (pid == 0) {
        close(fds[0]);
        wire w = {NULL, 0, 0, 0, false};
        int code = child_year(job, ctx, fn, g, year, t, &w);
        for (size_t off = 0; code == EXIT_OK && off < w.len;) {
            ssize_t n = write(fds[1], w.data + off, w.len - off);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                code = EXIT_INTERNAL;
            else
                off += (size_t)n;
        }
        fflush(NULL);
        _exit(code);
    }
    close(fds[1]);
    wire w = {NULL, 0, 0, 0, false};
    char buf[65536];
    for (;;) {
        ssize_t n = read(fds[0], buf, sizeof(buf));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        put(&w, buf, (size_t)n);
    }
    close(fds[0]);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : EXIT_INTERNAL;
    if (WIFSIGNALED(status))
        fprintf(stderr, "paranet %s: the process computing %d stopped on signal %d\n", job->command,
                year, WTERMSIG(status));
    if (code == EXIT_OK)
        code = w.failed ? EXIT_INTERNAL : take_rows(job, &w, t);
    free(w.data);
    return code;
}

/* One year: its graph, its ego note, fn. */
static int run_year(cli_job *job, pn_view_series *series, int year, panel_year_fn fn, void *ctx,
                    report_table **t, bool *empty)
{
    pn_graph *g = NULL;
    char *note = NULL;
    int rc = pn_view_series_graph(&g, series, year, job->diags);
    if (!rc)
        rc = ego_note(g, &note, job->diags);
    int code = cli_fail(job, rc);
    if (code == EXIT_OK && note)
        report_note(&job->out, "note: %d: %s", year, note);
    if (code == EXIT_OK) {
        *empty = pn_graph_edge_count(g) == 0;
        code = fork_year(job, ctx, fn, g, year, t);
    }
    free(note);
    pn_graph_free(g);
    return code;
}

int panel_run(cli_job *job, const panel_years *y, panel_year_fn fn, void *ctx, bool actor_rows)
{
    size_t n = (size_t)((y->last - y->first) / y->step) + 1;
    size_t *empty = calloc(n, sizeof(size_t)), *basis = calloc(n, sizeof(size_t));
    pn_view_series *series = NULL;
    int code = empty && basis
                   ? cli_fail(job, pn_view_series_new(&series, job->ds, &job->vo.view, job->diags))
                   : EXIT_INTERNAL;
    bool any_basis = false;
    report_table *table = NULL;
    for (size_t i = 0; code == EXIT_OK && i < n; i++) {
        int year = y->first + (int)i * y->step;
        bool none = false;
        code = run_year(job, series, year, fn, ctx, &table, &none);
        empty[i] = none;
        pn_view at = job->vo.view;
        at.at = year;
        basis[i] = pn_view_basis_dropped(job->ds, &at);
        any_basis |= basis[i] > 0;
    }
    size_t size = 32 * n + 64;
    char *list = code == EXIT_OK ? malloc(size) : NULL;
    if (code == EXIT_OK && !list)
        code = EXIT_INTERNAL;
    if (code == EXIT_OK) {
        runs(y, empty, n, false, list, size);
        const char *what = !actor_rows ? ""
                           : job->vo.keep_isolates || job->vo.view.ego
                               ? ": the view's actors have "
                                 "no tie in those years"
                               : ": no rows for those years";
        if (*list)
            report_note(&job->out, "note: no tie in force in %s%s", list, what);
    }
    if (code == EXIT_OK && any_basis && !job->quiet) {
        runs(y, basis, n, true, list, size);
        fprintf(stderr,
                "paranet %s: note: by year, ties left out that a study only recommends or a "
                "party only proposes: %s\n",
                job->command, list);
    }
    free(list);
    free(empty);
    free(basis);
    pn_view_series_free(series);
    return code;
}
