/* Shared by the paranet command-line tool's subcommands. */
#ifndef PN_CLI_H
#define PN_CLI_H

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>

#include <paranet.h>

/* Exit codes, documented in `paranet --help` and docs/paranet.1. */
enum { EXIT_OK = 0, EXIT_INVALID = 1, EXIT_USAGE = 2, EXIT_IO = 3, EXIT_INTERNAL = 4 };

/* Print a usage error for a command ("paranet info: ...") and return EXIT_USAGE. */
int cli_usage_error(const char *command, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* getopt_long with paranet's messages: unknown options suggest the nearest
 * known one. Returns getopt's value, or '?' after printing the error. */
int cli_getopt(const char *command, int argc, char **argv, const char *shortopts,
               const struct option *longopts);

/* Print every diagnostic to stderr, and a summary line when some were not kept. */
void cli_print_diags(const pn_diags *diags);

/* cli_print_diags, or with quiet only the errors (--quiet: "nothing but errors"). */
void cli_print_errors(const pn_diags *diags, bool quiet);

/* The exit code for a library return code. */
int cli_exit_code(int rc);

/* Read a whole file, or standard input for "-" (named "<stdin>" in
 * messages), refusing more than max bytes. Returns 0 or a PN_E code with
 * the reason in diags; *out (NUL-terminated) is the caller's to free. */
int cli_read_input(const char *path, size_t max, char **out, size_t *len, pn_diags *diags);

/* Load a dataset from a path, or standard input for "-", printing the
 * diagnostics, with load progress on a terminal (cli_progress_setup).
 * Returns an exit code; *out is set on EXIT_OK. */
int cli_load(const char *path, const pn_load_options *opts, pn_diags *diags, pn_dataset **out);

/* Progress of long work, one self-erasing line on stderr ("paranet: parsing
 * 40%"): the load's (through opts, NULL for none), the path metrics'
 * (cli_progress_metrics) and igraph's (its process-wide progress handler,
 * installed here), only when stderr is a terminal, never once a command
 * has called this with quiet, and only for work that has run over a
 * second. cli_load calls it, so every command that reads a dataset through
 * cli_load has progress; a command with --quiet calls it with quiet = true
 * before loading, and one that loads without cli_load calls it on its
 * load options. The environment variable PARANET_PROGRESS_DELAY (seconds,
 * default 1) changes the second, for tests (docs/development.md). */
void cli_progress_setup(pn_load_options *opts, bool quiet);

/* Progress of betweenness, closeness and harmonic into opts, under the
 * same conditions as cli_progress_setup. */
void cli_progress_metrics(pn_metric_options *opts);

/* The write options every command uses for its outputs: temporary files are
 * recorded, so that SIGTERM, SIGINT or SIGHUP removes them before the process
 * dies (cli_cleanup_on_signals). */
const pn_write_options *cli_write_options(void);

/* Install the handlers of cli_write_options (signals that were ignored stay
 * ignored). Called once, by main. */
void cli_cleanup_on_signals(void);

/* Write an output: standard output for "-", else pn_write_file_atomic_ext
 * with cli_write_options(). Returns 0 or a PN_E code; messages in diags. */
int cli_write_output(const char *path, const void *data, size_t len, pn_diags *diags);

/* True when `text` is a number in [min, max]; stores it. */
bool cli_parse_long(const char *text, long min, long max, long *out);

#endif
