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
    "  -q, --quiet           print nothing on success\n"
    "      --max-errors N    report at most N problems per file (default 50; 0: all)\n"
    "      --max-bytes N     refuse files larger than N bytes (default 268435456)\n"
    "      --max-depth N     refuse JSON nested deeper than N (default 64)\n"
    "  -h, --help            show this help\n"
    "\n"
    "Exit status: 0 all valid, 1 some invalid, 2 usage error, 3 a file cannot be read.\n";

static int run(int argc, char **argv)
{
    static const struct option longopts[] = {{"strict", no_argument, NULL, 's'},
                                             {"quiet", no_argument, NULL, 'q'},
                                             {"max-errors", required_argument, NULL, 'E'},
                                             {"max-bytes", required_argument, NULL, 'B'},
                                             {"max-depth", required_argument, NULL, 'D'},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    pn_load_options opts = PN_LOAD_OPTIONS_INIT;
    bool quiet = false;
    long max_errors = 50, v;
    int c;
    while ((c = cli_getopt("validate", argc, argv, "sqh", longopts)) != -1) {
        switch (c) {
        case 's':
            opts.strict = true;
            break;
        case 'q':
            quiet = true;
            break;
        case 'E':
            if (!cli_parse_long(optarg, 0, 1000000, &max_errors))
                return cli_usage_error("validate", "--max-errors needs a number >= 0");
            break;
        case 'B':
            if (!cli_parse_long(optarg, 1, 1L << 40, &v))
                return cli_usage_error("validate", "--max-bytes needs a number > 0");
            opts.max_bytes = (size_t)v;
            break;
        case 'D':
            if (!cli_parse_long(optarg, 1, 2000, &v))
                return cli_usage_error("validate", "--max-depth needs a number from 1 to 2000");
            opts.max_depth = (size_t)v;
            break;
        case 'h':
            fputs(help, stdout);
            return EXIT_OK;
        default:
            return EXIT_USAGE;
        }
    }
    if (optind >= argc)
        return cli_usage_error("validate", "no FILE given");
    cli_progress_setup(&opts, quiet);
    int worst = EXIT_OK;
    for (int i = optind; i < argc; i++) {
        pn_diags *diags = NULL;
        if (pn_diags_new(&diags) != 0)
            return EXIT_INTERNAL;
        pn_diags_set_cap(diags, (size_t)max_errors);
        pn_dataset *ds = NULL;
        int code = cli_load(argv[i], &opts, diags, &ds);
        const char *name = strcmp(argv[i], "-") == 0 ? "<stdin>" : argv[i];
        if (code == EXIT_OK && !quiet)
            fprintf(stderr, "%s: valid: %zu actors, %zu ties, %zu sources, %zu warnings\n", name,
                    pn_dataset_actor_count(ds), pn_dataset_tie_count(ds),
                    pn_dataset_source_count(ds), pn_diags_warnings(diags));
        else if (code == EXIT_INVALID && !quiet)
            fprintf(stderr, "%s: invalid: %zu errors, %zu warnings\n", name, pn_diags_errors(diags),
                    pn_diags_warnings(diags));
        if (code > worst)
            worst = code;
        pn_dataset_free(ds);
        pn_diags_free(diags);
    }
    return worst;
}

/* Not yet on the pipeline (pipeline.h): its own main. */
const cli_spec pn_cmd_validate = {.name = "validate",
                                  .summary = "check datasets and report every problem",
                                  .help = help,
                                  .legacy_run = run};
