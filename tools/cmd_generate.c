/* paranet generate --actors N [--seed S] -o OUT.json: a synthetic dataset. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "pipeline.h"

static const char help[] =
    "Usage: paranet generate --actors N [--seed S] -o OUT.json\n"
    "\n"
    "Write a synthetic dataset shaped like real paradiplomacy (docs/generate.md):\n"
    "cities across up to 60 countries with heavy-tailed sister-city (g2g) degrees,\n"
    "ministries with vertical ties, horizontal ties inside countries, universities\n"
    "and firms with academic, b2b and g2b ties, organisations with memberships.\n"
    "It validates with no warnings. The same options give the same bytes.\n"
    "\n"
    "Options:\n"
    "  -n, --actors N          number of actors, 50 to 10000000 (required)\n"
    "  -S, --seed S            seed of the generator, 0 to 2^64-1 (default 1)\n"
    "  -t, --ties-per-actor X  ties per actor, 0.5 to 20 (default 3)\n"
    "  -o, --output FILE       where to write the dataset; '-' for standard output\n"
    "  -q, --quiet             print nothing on success\n"
    "  -h, --help              show this help\n"
    "\n"
    "Example:\n"
    "  paranet generate --actors 10000 --seed 7 -o world-10k.json\n";

static int run(int argc, char **argv)
{
    static const struct option longopts[] = {{"actors", required_argument, NULL, 'n'},
                                             {"seed", required_argument, NULL, 'S'},
                                             {"ties-per-actor", required_argument, NULL, 't'},
                                             {"output", required_argument, NULL, 'o'},
                                             {"quiet", no_argument, NULL, 'q'},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    pn_generate_options opts = PN_GENERATE_OPTIONS_INIT;
    const char *output = NULL;
    bool quiet = false, have_actors = false;
    long v;
    int c;
    while ((c = cli_getopt("generate", argc, argv, "n:S:t:o:qh", longopts)) != -1) {
        switch (c) {
        case 'n':
            if (!cli_parse_long(optarg, PN_GENERATE_MIN_ACTORS, PN_GENERATE_MAX_ACTORS, &v))
                return cli_usage_error("generate", "--actors needs a number from %d to %d",
                                       PN_GENERATE_MIN_ACTORS, PN_GENERATE_MAX_ACTORS);
            opts.actors = (size_t)v;
            have_actors = true;
            break;
        case 'S': {
            char *end;
            errno = 0;
            unsigned long long s = strtoull(optarg, &end, 10);
            if (errno || end == optarg || *end || optarg[0] == '-')
                return cli_usage_error("generate", "--seed needs a number from 0 to 2^64-1");
            opts.seed = (uint64_t)s;
            break;
        }
        case 't': {
            char *end;
            double x = strtod(optarg, &end);
            if (end == optarg || *end || !(x >= 0.5 && x <= 20))
                return cli_usage_error("generate",
                                       "--ties-per-actor needs a number from 0.5 to 20");
            opts.ties_per_actor = x;
            break;
        }
        case 'o':
            output = optarg;
            break;
        case 'q':
            quiet = true;
            break;
        case 'h':
            fputs(help, stdout);
            return EXIT_OK;
        default:
            return EXIT_USAGE;
        }
    }
    if (optind < argc)
        return cli_usage_error("generate", "unexpected argument '%s'", argv[optind]);
    if (!have_actors)
        return cli_usage_error("generate", "--actors N is required");
    if (!output)
        return cli_usage_error("generate", "-o OUT.json is required ('-' for standard output)");
    pn_diags *diags = NULL;
    pn_dataset *ds = NULL;
    char *text = NULL;
    int code = EXIT_OK;
    if (pn_diags_new(&diags) != 0)
        return EXIT_INTERNAL;
    int rc = pn_generate(&ds, &opts, diags);
    if (rc == 0) {
        size_t len;
        rc = pn_dataset_save_buffer(ds, &text, &len);
        if (rc == 0 && strcmp(output, "-") == 0) {
            if (fwrite(text, 1, len, stdout) != len || fflush(stdout) != 0) {
                fprintf(stderr, "paranet generate: cannot write to standard output\n");
                code = EXIT_IO;
            }
        } else if (rc == 0) {
            rc = cli_write_output(output, text, len, diags);
        }
    }
    cli_print_diags(diags);
    if (rc)
        code = cli_exit_code(rc);
    else if (code == EXIT_OK && !quiet)
        fprintf(stderr, "%s: %zu actors, %zu ties, %zu sources (seed %llu)\n",
                strcmp(output, "-") == 0 ? "<stdout>" : output, pn_dataset_actor_count(ds),
                pn_dataset_tie_count(ds), pn_dataset_source_count(ds),
                (unsigned long long)opts.seed);
    free(text);
    pn_dataset_free(ds);
    pn_diags_free(diags);
    return code;
}

/* Not yet on the pipeline (pipeline.h): its own main. */
const cli_spec pn_cmd_generate = {.name = "generate",
                                  .summary = "write a synthetic dataset for tests and benchmarks",
                                  .help = help,
                                  .legacy_run = run};
