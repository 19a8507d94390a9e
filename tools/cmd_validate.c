/* paranet validate FILE...: check datasets, report every error and warning. */
#include <stdlib.h>
#include <string.h>

#include "import.h"

static const char help[] =
    "Usage: paranet validate [OPTIONS] FILE...\n"
    "\n"
    "Check each dataset against the format (docs/format.md) and report every\n"
    "error and warning on standard error as FILE:LINE:COLUMN: error: PATH: MESSAGE.\n"
    "A FILE is JSON, GraphML, or a CSV table: the CSV FILEs together are one\n"
    "dataset, read as `paranet convert` reads them, with the same messages\n"
    "(docs/convert.md).\n"
    "\n"
    "Options:\n"
    "  -s, --strict          treat warnings as errors\n"
    "  -d, --delimiter C     CSV delimiter: ',' ';' or 'tab' (default: detected)\n"
    "      --default-kind KIND, --default-country CC, --default-type TYPE\n"
    "                        for CSV or GraphML records without one, as in convert\n"
    "  -q, --quiet           print nothing on success (and no progress)\n"
    "  -h, --help            show this help\n";

static const char help_tail[] =
    "--max-errors N counts the problems of each file.\n"
    "\n"
    "Exit status: 0 all valid, 1 some invalid, 2 usage error, 3 a file cannot be read.\n";

static int option(cli_job *job, void *state, int c, const char *arg)
{
    int code = cli_import_option("validate", state, c, arg);
    if (code >= 0)
        return code;
    if (c != 's')
        return EXIT_USAGE;
    job->load->strict = true;
    return EXIT_OK;
}

static int check(cli_job *job, void *state)
{
    (void)state;
    cli_progress_setup(job->load, job->quiet);
    return EXIT_OK;
}

/* One dataset: a JSON file, or the n files of an import (CSV tables,
 * GraphML), with its own diagnostics capped at --max-errors. */
static int validate(cli_job *job, cli_import *I, char **files, size_t n)
{
    pn_diags *diags = NULL;
    if (pn_diags_new(&diags) != 0)
        return EXIT_INTERNAL;
    pn_diags_set_cap(diags, job->max_errors);
    pn_dataset *ds = NULL;
    int code;
    pn_format f = pn_format_from_path(files[0]);
    if (n == 1 && (strcmp(files[0], "-") == 0 || cli_is_dir(files[0]) ||
                   (f != PN_FORMAT_CSV && f != PN_FORMAT_GRAPHML && f != PN_FORMAT_GEXF))) {
        code = cli_load(files[0], job->load, diags, &ds);
    } else {
        I->iopts.load = *job->load;
        int rc = cli_import_load("validate", I, files, n, diags, &ds);
        cli_print_diags(diags);
        if (rc == PN_ENOMEM)
            fprintf(stderr, "%s: error: out of memory\n", files[0]);
        code = cli_exit_code(rc);
    }
    for (size_t i = 0; i < n && !job->quiet && code <= EXIT_INVALID; i++)
        fprintf(stderr, "%s%s", i ? " + " : "", strcmp(files[i], "-") == 0 ? "<stdin>" : files[i]);
    if (code == EXIT_OK && !job->quiet)
        fprintf(stderr, ": valid: %zu actors, %zu ties, %zu sources, %zu warnings\n",
                pn_dataset_actor_count(ds), pn_dataset_tie_count(ds), pn_dataset_source_count(ds),
                pn_diags_warnings(diags));
    else if (code == EXIT_INVALID && !job->quiet)
        fprintf(stderr, ": invalid: %zu errors, %zu warnings\n", pn_diags_errors(diags),
                pn_diags_warnings(diags));
    pn_dataset_free(ds);
    pn_diags_free(diags);
    return code;
}

static bool is_table(const char *path)
{
    return pn_format_from_path(path) == PN_FORMAT_CSV && !cli_is_dir(path);
}

/* The CSV FILEs together are one dataset, checked where the first is;
 * every other FILE on its own. */
static int compute(cli_job *job, void *state)
{
    cli_import *I = state;
    int worst = EXIT_OK;
    char *csv[CLI_IMPORT_MAX_INPUTS];
    size_t ncsv = 0;
    for (int i = 0; i < job->n_files; i++)
        if (is_table(job->files[i])) {
            if (ncsv == CLI_IMPORT_MAX_INPUTS)
                return cli_usage_error("validate", "too many CSV tables (at most 4)");
            csv[ncsv++] = job->files[i];
        }
    bool csv_done = false;
    for (int i = 0; i < job->n_files; i++) {
        bool table = is_table(job->files[i]);
        if (table && csv_done)
            continue;
        int code = table ? validate(job, I, csv, ncsv) : validate(job, I, &job->files[i], 1);
        csv_done |= table;
        if (code > worst)
            worst = code;
    }
    return worst;
}

static const struct option options[] = {
    {"strict", no_argument, NULL, 's'}, CLI_IMPORT_LONG_OPTIONS, {NULL, 0, NULL, 0}};

static void init(void *state)
{
    cli_import_init(state);
}

const cli_spec pn_cmd_validate = {
    .name = "validate",
    .summary = "check datasets and report every problem",
    .help = help,
    .help_tail = help_tail,
    .uses = CLI_FILES | CLI_LIMITS,
    .shortopts = "sd:",
    .options = options,
    .state_size = sizeof(cli_import),
    .init = init,
    .option = option,
    .check = check,
    .compute = compute,
};
