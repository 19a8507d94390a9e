/* paranet merge: one dataset from several studies. */
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
    "  -q, --quiet            print nothing but errors (and no progress)\n"
    "  -h, --help             show this help\n"
    "\n"
    "With view options, OUTPUT holds the view of the merged dataset (its actors\n"
    "and the ties between them, with every source), and a note on standard error\n"
    "says how many of each the view keeps.\n";

static const char help_tail[] =
    "Exit status: 0 merged, 1 invalid input, a conflict or an unknown --ego, 2 usage\n"
    "error, 3 a file cannot be read or written.\n";

enum { O_TITLE = CLI_OPT_LAST };

typedef struct merge_state {
    const char *title;
    pn_merge_prefer prefer;
    pn_format to;
    pn_load_options lo;
} merge_state;

static int option(cli_job *job, void *state, int c, const char *arg)
{
    (void)job;
    merge_state *st = state;
    switch (c) {
    case 'p':
        if (strcmp(arg, "first") == 0 || strcmp(arg, "FIRST") == 0)
            st->prefer = PN_MERGE_FIRST;
        else if (strcmp(arg, "last") == 0 || strcmp(arg, "LAST") == 0)
            st->prefer = PN_MERGE_LAST;
        else
            return cli_usage_error("merge", "--prefer is 'first' or 'last'");
        return EXIT_OK;
    case O_TITLE:
        st->title = arg;
        return EXIT_OK;
    default:
        return EXIT_USAGE;
    }
}

static int check(cli_job *job, void *state)
{
    merge_state *st = state;
    const char *output = job->output;
    if (!output)
        return cli_usage_error("merge", "no output given: add -o OUTPUT");
    st->to = strcmp(output, "-") == 0 ? PN_FORMAT_JSON : pn_format_from_path(output);
    if (st->to == PN_FORMAT_UNKNOWN)
        st->to = PN_FORMAT_JSON;
    if (st->to == PN_FORMAT_CSV)
        return cli_usage_error("merge", "write JSON, then 'paranet convert' it to CSV tables");
    st->lo = *job->load;
    cli_progress_setup(&st->lo, job->quiet);
    return EXIT_OK;
}

/* Read and load every FILE into in[] (texts[] keep their text, for the
 * conflicts' lines), then merge them. */
static int merge(cli_job *job, merge_state *st, pn_merge_input *in, char **texts,
                 pn_dataset **merged)
{
    size_t n = (size_t)job->n_files;
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++) {
        const char *path = job->files[i];
        size_t tlen = 0;
        rc = pn_read_file(path, st->lo.max_bytes, &texts[i], &tlen, job->diags);
        if (rc)
            break;
        st->lo.name = path;
        pn_dataset *ds = NULL;
        rc = pn_dataset_load_buffer(&ds, texts[i], tlen, &st->lo, job->diags);
        in[i].ds = ds;
        in[i].name = path;
        in[i].text = texts[i];
        in[i].len = tlen;
    }
    return rc ? rc : pn_dataset_merge(merged, in, n, st->prefer, job->diags);
}

static int compute(cli_job *job, void *state)
{
    merge_state *st = state;
    const char *output = job->output;
    size_t n = (size_t)job->n_files;
    pn_merge_input *in = calloc(n, sizeof(*in));
    char **texts = calloc(n, sizeof(*texts));
    pn_dataset *merged = NULL, *view = NULL;
    char *data = NULL;
    size_t len = 0;
    int code = EXIT_OK;
    int rc = in && texts ? merge(job, st, in, texts, &merged) : PN_ENOMEM;
    if (rc == 0 && (code = cli_view_dataset(job, merged, &view)) != EXIT_OK)
        goto cleanup;
    if (rc == 0 && st->title)
        rc = pn_dataset_set_title(view, st->title);
    if (rc == 0)
        rc = pn_export_buffer(view, st->to, &data, &len, job->diags);
    if (rc == 0)
        rc = cli_write_output(output, data, len, job->diags);
    cli_print_errors(job->diags, job->quiet);
    if (rc == 0)
        cli_view_note(job, merged, view);
    if (rc == 0 && !job->quiet && strcmp(output, "-") != 0)
        fprintf(stderr, "%s: merged %zu files: %zu actors, %zu ties, %zu sources\n", output, n,
                pn_dataset_actor_count(view), pn_dataset_tie_count(view),
                pn_dataset_source_count(view));
    if (rc == PN_ENOMEM)
        fprintf(stderr, "paranet merge: out of memory\n");
    code = cli_exit_code(rc);
cleanup:
    for (size_t i = 0; in && i < n; i++) {
        pn_dataset_free((pn_dataset *)in[i].ds);
        free(texts[i]);
    }
    free(in);
    free(texts);
    free(data);
    if (view != merged)
        pn_dataset_free(view);
    pn_dataset_free(merged);
    return code;
}

static const struct option options[] = {{"prefer", required_argument, NULL, 'p'},
                                        {"title", required_argument, NULL, O_TITLE},
                                        {NULL, 0, NULL, 0}};

/* The view applies to the merged dataset (cli_view_dataset). */
const cli_spec pn_cmd_merge = {
    .name = "merge",
    .summary = "merge datasets from several studies into one",
    .help = help,
    .help_tail = help_tail,
    .uses = CLI_FILES | CLI_LIMITS | CLI_OUTPUT | CLI_VIEW,
    .shortopts = "p:",
    .options = options,
    .state_size = sizeof(merge_state),
    .option = option,
    .check = check,
    .compute = compute,
};
