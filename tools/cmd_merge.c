/* paranet merge: one dataset from several studies. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "pipeline.h"

static const char help[] =
    "Usage: paranet merge [OPTIONS] FILE... -o OUTPUT\n"
    "\n"
    "Merge datasets into one (docs/merge.md). Actors with the same id are one\n"
    "actor; ties and sources are unioned; a tie that several files hold (same\n"
    "from, to, type, instrument, dates, status, sectors, weight, direction and\n"
    "note) becomes one tie citing the sources of each. A source id that two files\n"
    "use for different works is renamed (\"id-2\" for the second file), with a\n"
    "warning. An actor that two files give a different name, kind or country is a\n"
    "conflict, reported with both files and lines; the merge stops unless --prefer\n"
    "says whose value to keep.\n"
    "\n"
    "Options:\n"
    "  -o, --output PATH      where to write (required; '-' for standard output);\n"
    "                         JSON unless the extension says .graphml, .gexf or .dot\n"
    "  -p, --prefer WHICH     on a conflict keep the value of the 'first' or the\n"
    "                         'last' file that gives it, and warn\n"
    "      --title TEXT       the merged dataset's title (default: the first file's)\n"
    "  -q, --quiet            print nothing but errors\n"
    "      --max-errors N     report at most N problems (default 50; 0: all)\n"
    "      --max-bytes N      refuse input files over N bytes (default 268435456)\n"
    "      --max-depth N      refuse JSON nested deeper than N (default 64)\n"
    "  -h, --help             show this help\n"
    "\n"
    "Exit status: 0 merged, 1 invalid input or a conflict, 2 usage error, 3 a file\n"
    "cannot be read or written.\n";

static void print(const pn_diags *diags, bool quiet)
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

static int run(int argc, char **argv)
{
    enum { O_TITLE = 256, O_MAXE, O_MAXB, O_MAXD };
    static const struct option longopts[] = {{"output", required_argument, NULL, 'o'},
                                             {"prefer", required_argument, NULL, 'p'},
                                             {"title", required_argument, NULL, O_TITLE},
                                             {"quiet", no_argument, NULL, 'q'},
                                             {"max-errors", required_argument, NULL, O_MAXE},
                                             {"max-bytes", required_argument, NULL, O_MAXB},
                                             {"max-depth", required_argument, NULL, O_MAXD},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    const char *output = NULL, *title = NULL;
    pn_merge_prefer prefer = PN_MERGE_STOP;
    bool quiet = false;
    long max_errors = 50, v;
    pn_load_options lo = PN_LOAD_OPTIONS_INIT;
    int c;
    while ((c = cli_getopt("merge", argc, argv, "o:p:qh", longopts)) != -1) {
        switch (c) {
        case 'o':
            output = optarg;
            break;
        case 'p':
            if (strcmp(optarg, "first") == 0 || strcmp(optarg, "FIRST") == 0)
                prefer = PN_MERGE_FIRST;
            else if (strcmp(optarg, "last") == 0 || strcmp(optarg, "LAST") == 0)
                prefer = PN_MERGE_LAST;
            else
                return cli_usage_error("merge", "--prefer is 'first' or 'last'");
            break;
        case O_TITLE:
            title = optarg;
            break;
        case 'q':
            quiet = true;
            break;
        case O_MAXE:
            if (!cli_parse_long(optarg, 0, 1000000, &max_errors))
                return cli_usage_error("merge", "--max-errors needs a number >= 0");
            break;
        case O_MAXB:
            if (!cli_parse_long(optarg, 1, 1L << 40, &v))
                return cli_usage_error("merge", "--max-bytes needs a number > 0");
            lo.max_bytes = (size_t)v;
            break;
        case O_MAXD:
            if (!cli_parse_long(optarg, 1, 2000, &v))
                return cli_usage_error("merge", "--max-depth needs a number from 1 to 2000");
            lo.max_depth = (size_t)v;
            break;
        case 'h':
            fputs(help, stdout);
            return EXIT_OK;
        default:
            return EXIT_USAGE;
        }
    }
    size_t n = (size_t)(argc - optind);
    if (n == 0)
        return cli_usage_error("merge", "no FILE given");
    if (!output)
        return cli_usage_error("merge", "no output given: add -o OUTPUT");
    pn_format to = strcmp(output, "-") == 0 ? PN_FORMAT_JSON : pn_format_from_path(output);
    if (to == PN_FORMAT_UNKNOWN)
        to = PN_FORMAT_JSON;
    if (to == PN_FORMAT_CSV)
        return cli_usage_error("merge", "write JSON, then 'paranet convert' it to CSV tables");
    cli_progress_setup(&lo, quiet);
    pn_diags *diags = NULL;
    if (pn_diags_new(&diags) != 0)
        return EXIT_INTERNAL;
    pn_diags_set_cap(diags, (size_t)max_errors);
    pn_merge_input *in = calloc(n, sizeof(*in));
    char **texts = calloc(n, sizeof(*texts));
    pn_dataset *merged = NULL;
    char *data = NULL;
    size_t len = 0;
    int rc = in && texts ? 0 : PN_ENOMEM;
    for (size_t i = 0; i < n && rc == 0; i++) {
        const char *path = argv[optind + (int)i];
        size_t tlen = 0;
        rc = pn_read_file(path, lo.max_bytes, &texts[i], &tlen, diags);
        if (rc)
            break;
        lo.name = path;
        pn_dataset *ds = NULL;
        rc = pn_dataset_load_buffer(&ds, texts[i], tlen, &lo, diags);
        in[i].ds = ds;
        in[i].name = path;
        in[i].text = texts[i];
        in[i].len = tlen;
    }
    if (rc == 0)
        rc = pn_dataset_merge(&merged, in, n, prefer, diags);
    if (rc == 0 && title)
        rc = pn_dataset_set_title(merged, title);
    if (rc == 0)
        rc = pn_export_buffer(merged, to, &data, &len, diags);
    if (rc == 0) {
        if (strcmp(output, "-") == 0) {
            if (fwrite(data, 1, len, stdout) != len || fflush(stdout) != 0) {
                pn_diags_add(diags, PN_SEVERITY_ERROR, "<stdout>", 0, 0, NULL, "io",
                             "cannot write: %s", strerror(errno));
                rc = PN_EIO;
            }
        } else {
            rc = pn_write_file_atomic_ext(output, data, len, cli_write_options(), diags);
        }
    }
    print(diags, quiet);
    if (rc == 0 && !quiet && strcmp(output, "-") != 0)
        fprintf(stderr, "%s: merged %zu files: %zu actors, %zu ties, %zu sources\n", output, n,
                pn_dataset_actor_count(merged), pn_dataset_tie_count(merged),
                pn_dataset_source_count(merged));
    if (rc == PN_ENOMEM)
        fprintf(stderr, "paranet merge: out of memory\n");
    int code = cli_exit_code(rc);
    for (size_t i = 0; in && i < n; i++) {
        pn_dataset_free((pn_dataset *)in[i].ds);
        free(texts[i]);
    }
    free(in);
    free(texts);
    free(data);
    pn_dataset_free(merged);
    pn_diags_free(diags);
    return code;
}

/* Not yet on the pipeline (pipeline.h): its own main. */
const cli_spec pn_cmd_merge = {.name = "merge",
                               .summary = "merge datasets from several studies into one",
                               .help = help,
                               .legacy_run = run};
