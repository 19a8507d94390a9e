/* The one pipeline of every command: options -> load -> view -> compute ->
 * report -> writer (docs/architecture.md).
 *
 * A command is a cli_spec: its name and help, the shared parts it uses
 * (CLI_LOAD, CLI_VIEW, CLI_GRAPH, CLI_FORMAT, CLI_OUTPUT, CLI_FILES), its
 * own options, and a compute function. cli_run does the rest, the same way
 * for every command:
 *
 *   1. parses the shared options (the view, the limits, --format, -o,
 *      --quiet, --help) and hands every other one to spec->option;
 *   2. checks the operands (one FILE, or FILE... with CLI_FILES, or none
 *      with CLI_NO_FILE, or any number with CLI_ANY_FILES) and calls
 *      spec->check;
 *   3. loads the FILE (CLI_LOAD), checks the --ego id, builds the view's
 *      graph (CLI_GRAPH) or the view's sub-dataset (CLI_VIEW_DATASET; a
 *      command that reads its input itself calls cli_view_dataset);
 *   4. calls spec->compute, which fills job->out (a report) or writes a
 *      file itself (cli_write_output);
 *   5. writes job->out in the chosen --format to standard output, or with
 *      -o FILE (a CLI_FORMAT command without CLI_OUTPUT) into FILE, its
 *      format from the extension unless -f (csv and tsv: one plain table,
 *      its "# " title, view and notes on stderr, unless --comments or
 *      --quiet), and frees everything.
 *
 * Usage errors print "paranet CMD: what is wrong" and give EXIT_USAGE; data
 * errors print the diagnostics and give EXIT_INVALID; see cli.h.
 */
#ifndef PN_PIPELINE_H
#define PN_PIPELINE_H

#include <getopt.h>
#include <stdbool.h>

#include "cli.h"
#include "report.h"
#include "view_opts.h"

/* What a command uses of the shared pipeline. */
enum cli_uses {
    CLI_LOAD = 1u << 0,         /* one FILE operand, loaded (with the limits options) */
    CLI_VIEW = 1u << 1,         /* the view options (docs/views.md) */
    CLI_GRAPH = 1u << 2,        /* build the view's graph into job->graph */
    CLI_VIEW_DATASET = 1u << 3, /* the view's actors and ties as a dataset, job->view_ds */
    CLI_FORMAT = 1u << 4,       /* -f, --format text|csv|tsv|json|md|latex for job->out */
    CLI_OUTPUT = 1u << 5,       /* -o, --output FILE into job->output */
    CLI_FILES = 1u << 6,        /* FILE... (one or more), not loaded: job->files */
    CLI_NO_FILE = 1u << 7,      /* no operand */
    CLI_LIMITS = 1u << 8,       /* the limits options without CLI_LOAD (CLI_FILES commands) */
    CLI_ANY_FILES = 1u << 9     /* FILE... or none, not loaded: the command's check decides */
};

/* getopt values of the shared options, above the view options'. */
enum {
    CLI_OPT_MAX_ERRORS = VIEW_OPT_LAST + 1,
    CLI_OPT_MAX_BYTES,
    CLI_OPT_MAX_DEPTH,
    CLI_OPT_COMMENTS,
    CLI_OPT_TABLE,
    CLI_OPT_PRECISION,
    CLI_OPT_CAPTION,
    CLI_OPT_LABEL,
    CLI_OPT_STANDALONE,
    CLI_OPT_ENGINE,
    CLI_OPT_LAST /* a command's own long-only options start here */
};

typedef struct cli_job {
    const char *command; /* "metrics" */
    const char *path;    /* the FILE operand as given ("-" for standard input) */
    const char *file;    /* its name in messages and titles ("<stdin>" for "-") */
    char **files;        /* CLI_FILES: every operand */
    int n_files;
    view_opts vo;          /* the view and the load limits */
    pn_load_options *load; /* &vo.load: the limits options and progress */
    size_t max_errors;     /* --max-errors: the cap of job->diags (default 50; 0: none) */
    const char *view;      /* pn_view_describe of vo.view (CLI_VIEW) */
    pn_dataset *ds;        /* CLI_LOAD */
    pn_graph *graph;       /* CLI_GRAPH */
    pn_dataset *view_ds;   /* CLI_VIEW_DATASET: ds itself when the view keeps everything */
    table_format format;   /* CLI_FORMAT (default text) */
    bool comments;         /* --comments: csv/tsv start with the "# " lines */
    const char *table;     /* --table NAME: the csv/tsv table */
    const char *output;    /* CLI_OUTPUT: -o value, or NULL */
    /* CLI_FORMAT without CLI_OUTPUT: -o FILE, where the report goes
     * (replaced whole), or NULL for standard output; its extension gives
     * the format unless -f does. */
    const char *report_path;
    bool format_given; /* -f was given */
    bool quiet;        /* --quiet */
    /* Tables for papers (docs/metrics.md): --precision (REPORT_FULL, or -2
     * for the format's default), --caption, --label, --standalone,
     * --latex-engine; and what the view leaves out, for the caption. */
    int precision;
    const char *caption, *label;
    bool standalone;
    latex_engine engine;
    size_t basis_dropped, undated_dropped;
    pn_diags *diags;
    report out; /* written in job->format after compute */
} cli_job;

typedef struct cli_spec {
    const char *name;
    const char *summary; /* one line for `paranet --help` */
    /* `paranet help NAME`: usage, description and the command's own
     * options; then the shared options' help; then help_tail (notes,
     * examples), which may be NULL. */
    const char *help;
    const char *help_tail;
    unsigned uses;                /* enum cli_uses */
    const char *shortopts;        /* the command's own short options */
    const struct option *options; /* its own long options (may be NULL), ended by {0} */
    size_t state_size;            /* zeroed state passed to the callbacks */
    /* Set defaults in the state (may be NULL). */
    void (*init)(void *state);
    /* An option of the command's own: EXIT_OK, or an exit code after
     * printing the message (cli_usage_error). */
    int (*option)(cli_job *job, void *state, int c, const char *arg);
    /* Once options and operands are read, before loading (may be NULL). */
    int (*check)(cli_job *job, void *state);
    /* Once the FILE is loaded, before the view is built (may be NULL): look
     * up the actors the command's options name (cli_find_actor). */
    int (*loaded)(cli_job *job, void *state);
    /* Compute into job->out, or write a file. Returns an exit code. */
    int (*compute)(cli_job *job, void *state);
    /* Free what the state holds (may be NULL). */
    void (*free)(void *state);
} cli_spec;

/* Every command: pn_cmd_NAME, listed in commands.def. */
#define PN_COMMAND(name) extern const cli_spec pn_cmd_##name;
#include "commands.def"
#undef PN_COMMAND

/* `paranet help NAME`. */
void cli_print_help(const cli_spec *spec);

/* Run a command with its argv (argv[0] is the command's name). */
int cli_run(const cli_spec *spec, int argc, char **argv);

/* Print the diagnostics and return the exit code of rc (0 gives EXIT_OK). */
int cli_fail(cli_job *job, int rc);

/* The actor with id `id` for option `option` ("--from"), or EXIT_INVALID
 * after "paranet CMD: --from: no actor 'x' (did you mean 'y'?)". */
int cli_find_actor(cli_job *job, const char *option, const char *id, size_t *out);

/* The view of job->vo on ds, for a command that loads its input itself
 * (convert imports, merge merges): checks the --ego id (EXIT_INVALID after
 * "paranet CMD: --ego: no actor 'x' (did you mean 'y'?)"), then gives the
 * view's actors and ties as a dataset (pn_view_subset). When the view keeps
 * everything, *out is ds itself (free it only when it is not ds). The
 * CLI_VIEW_DATASET path of cli_run is this function. Returns an exit code. */
int cli_view_dataset(cli_job *job, const pn_dataset *ds, pn_dataset **out);

/* The graph of job->vo's view on ds, as the metrics see it, for a command
 * that loads its input itself (convert --analysed): the --ego check, the
 * view settled on the data with its notes (the CLI_GRAPH path of cli_run),
 * then pn_view_graph. Returns an exit code. */
int cli_view_graph(cli_job *job, const pn_dataset *ds, pn_graph **out);

/* Unless --quiet, when the view dropped actors or ties of `all` to give
 * `kept`, "paranet CMD: note: the view keeps 13 of 25 actors and 9 of 42
 * ties (VIEW)" on stderr, so that no record is lost silently. */
void cli_view_note(const cli_job *job, const pn_dataset *all, const pn_dataset *kept);

#endif
