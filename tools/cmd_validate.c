/* paranet validate FILE...: check datasets, report every error and warning. */
#include <stdlib.h>
#include <string.h>

#include "pipeline.h"

static const char help[] =
    "Usage: paranet validate [OPTIONS] FILE...\n"
    "\n"
    "Check each dataset against the format (docs/format.md) and report every\n"
    "error and warning on standard error as FILE:LINE:COLUMN: error: PATH: MESSAGE.\n"
    "\n"
    "Options:\n"
    "  -s, --strict          treat warnings as errors\n"
    "  -q, --quiet           print nothing on success (and no progress)\n"
    "  -h, --help            show this help\n";

static const char help_tail[] =
    "--max-errors N counts the problems of each file.\n"
    "\n"
    "Exit status: 0 all valid, 1 some invalid, 2 usage error, 3 a file cannot be read.\n";

static int option(cli_job *job, void *state, int c, const char *arg)
{
    (void)state;
    (void)arg;
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

/* One file: its own diagnostics, capped at --max-errors. */
static int validate(cli_job *job, const char *path)
{
    pn_diags *diags = NULL;
    if (pn_diags_new(&diags) != 0)
        return EXIT_INTERNAL;
    pn_diags_set_cap(diags, job->max_errors);
    pn_dataset *ds = NULL;
    int code = cli_load(path, job->load, diags, &ds);
    const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
    if (code == EXIT_OK && !job->quiet)
        fprintf(stderr, "%s: valid: %zu actors, %zu ties, %zu sources, %zu warnings\n", name,
                pn_dataset_actor_count(ds), pn_dataset_tie_count(ds), pn_dataset_source_count(ds),
                pn_diags_warnings(diags));
    else if (code == EXIT_INVALID && !job->quiet)
        fprintf(stderr, "%s: invalid: %zu errors, %zu warnings\n", name, pn_diags_errors(diags),
                pn_diags_warnings(diags));
    pn_dataset_free(ds);
    pn_diags_free(diags);
    return code;
}

static int compute(cli_job *job, void *state)
{
    (void)state;
    int worst = EXIT_OK;
    for (int i = 0; i < job->n_files; i++) {
        int code = validate(job, job->files[i]);
        if (code > worst)
            worst = code;
    }
    return worst;
}

static const struct option options[] = {{"strict", no_argument, NULL, 's'}, {NULL, 0, NULL, 0}};

const cli_spec pn_cmd_validate = {
    .name = "validate",
    .summary = "check datasets and report every problem",
    .help = help,
    .help_tail = help_tail,
    .uses = CLI_FILES | CLI_LIMITS,
    .shortopts = "s",
    .options = options,
    .option = option,
    .check = check,
    .compute = compute,
};
