/* paranet convert: between JSON, GraphML, GEXF, CSV tables and DOT. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "pipeline.h"

static const char help[] =
    "Usage: paranet convert [OPTIONS] INPUT... -o OUTPUT\n"
    "\n"
    "Convert a dataset between formats (docs/formats.md, docs/convert.md). Imported\n"
    "data is checked as a JSON dataset is, each problem located in its input\n"
    "(ties.csv:14: error: column \"to\": no actor ...).\n"
    "\n"
    "INPUT is one of:\n"
    "  net.json                          a dataset (docs/format.md)\n"
    "  net.graphml                       GraphML (paranet's own or any other)\n"
    "  net.gexf                          GEXF (paranet's own, NetworkX's, Gephi's)\n"
    "  actors.csv ties.csv [sources.csv] [dataset.csv]\n"
    "                                    CSV tables, told apart by their header rows\n"
    "  DIR                               a directory holding actors.csv, ties.csv and\n"
    "                                    optionally sources.csv and dataset.csv\n"
    "  -                                 standard input (JSON, or give --from)\n"
    "The format of OUTPUT comes from its extension (.json .graphml .gexf .dot, or a\n"
    "directory ending in '/' for CSV) unless --to is given. CSV output is a directory\n"
    "(created when missing) that receives actors.csv, ties.csv, sources.csv and\n"
    "dataset.csv. OUTPUT '-' writes to standard output (not for CSV). Files are\n"
    "written atomically: a failed write leaves any earlier file as it was.\n"
    "\n"
    "Options:\n"
    "  -o, --output PATH         where to write (required)\n"
    "  -t, --to FORMAT           json, graphml, gexf, csv or dot\n"
    "  -f, --from FORMAT         json, graphml, gexf or csv (default: from INPUT)\n"
    "      --actors FILE         the actors table (instead of telling it from its header)\n"
    "      --ties FILE           the ties table\n"
    "      --sources FILE        the sources table\n"
    "      --dataset FILE        the dataset table (title, description, other fields)\n"
    "  -d, --delimiter C         CSV delimiter: ',' ';' or 'tab'. Input: detected from\n"
    "                            the header row unless given; output: ',' unless given\n"
    "      --default-kind KIND   for imported actors without a kind\n"
    "      --default-country CC  for imported actors without a country (ZZ: unknown)\n"
    "      --default-type TYPE   for imported ties without a type\n"
    "  -s, --strict              treat warnings as errors\n"
    "  -q, --quiet               print nothing but errors (and no progress)\n"
    "  -h, --help                show this help\n"
    "\n"
    "With view options, OUTPUT holds the view's actors and the ties between them\n"
    "(with every source), and a note on standard error says how many of each the\n"
    "view keeps: paranet convert net.json --at 2016 --types g2g -o t2016.gexf\n"
    "(--directed and --weight shape graphs, not records: they change nothing here).\n";

static const char help_tail[] =
    "Exit status: 0 converted, 1 invalid input or an unknown --ego, 2 usage error,\n"
    "3 a file cannot be read or written, 4 internal error.\n";

enum { MAX_INPUTS = 8 };

typedef struct conv {
    pn_import_options iopts;
    const char *output;
    pn_format to, from;
    const char *tables[PN_CSV_TABLE_COUNT];
    char out_delim;
} conv;

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static char *join(const char *dir, const char *file)
{
    size_t n = strlen(dir) + strlen(file) + 2;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", file);
    return p;
}

static int load_csv(conv *C, char **paths, pn_csv_table *kinds, size_t n, pn_diags *diags,
                    pn_dataset **out)
{
    pn_csv_input in[MAX_INPUTS];
    char *data[MAX_INPUTS] = {0};
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++) {
        size_t len = 0;
        rc = cli_read_input(paths[i], C->iopts.load.max_bytes, &data[i], &len, diags);
        in[i].name = strcmp(paths[i], "-") == 0 ? "<stdin>" : paths[i];
        in[i].data = data[i];
        in[i].len = len;
        in[i].table = kinds[i];
    }
    if (rc == 0)
        rc = pn_csv_load(out, in, n, &C->iopts, diags);
    for (size_t i = 0; i < n; i++)
        free(data[i]);
    return rc;
}

static int load(conv *C, char **inputs, size_t n, pn_diags *diags, pn_dataset **out)
{
    char *paths[MAX_INPUTS];
    pn_csv_table kinds[MAX_INPUTS];
    char *owned[PN_CSV_TABLE_COUNT] = {0};
    size_t np = 0;
    int rc = 0;
    bool named = false;
    for (int t = 0; t < PN_CSV_TABLE_COUNT; t++) {
        if (C->tables[t]) {
            paths[np] = (char *)C->tables[t];
            kinds[np++] = (pn_csv_table)t;
            named = true;
        }
    }
    if (named || C->from == PN_FORMAT_CSV || (n == 1 && is_dir(inputs[0])) ||
        (n >= 1 && C->from == PN_FORMAT_UNKNOWN &&
         pn_format_from_path(inputs[0]) == PN_FORMAT_CSV)) {
        if (n == 1 && is_dir(inputs[0])) {
            static const char *const files[] = {"actors.csv", "ties.csv", "sources.csv",
                                                "dataset.csv"};
            for (int t = 0; t < PN_CSV_TABLE_COUNT; t++) {
                owned[t] = join(inputs[0], files[t]);
                if (!owned[t]) {
                    rc = PN_ENOMEM;
                    goto cleanup;
                }
                struct stat st;
                if (t >= PN_CSV_SOURCES && stat(owned[t], &st) != 0)
                    continue; /* optional tables */
                paths[np] = owned[t];
                kinds[np++] = (pn_csv_table)t;
            }
        } else {
            for (size_t i = 0; i < n; i++) {
                if (np == MAX_INPUTS) {
                    cli_usage_error("convert", "too many CSV inputs (at most 4 tables)");
                    rc = PN_EINVAL;
                    goto cleanup;
                }
                paths[np] = inputs[i];
                kinds[np++] = PN_CSV_DETECT;
            }
        }
        rc = load_csv(C, paths, kinds, np, diags, out);
        goto cleanup;
    }
    if (n != 1) {
        cli_usage_error("convert", "give one INPUT (several inputs are CSV tables: name them "
                                   ".csv or give --from csv)");
        rc = PN_EINVAL;
        goto cleanup;
    }
    pn_format from = C->from;
    if (from == PN_FORMAT_UNKNOWN)
        from = strcmp(inputs[0], "-") == 0 ? PN_FORMAT_JSON : pn_format_from_path(inputs[0]);
    if (from != PN_FORMAT_JSON && from != PN_FORMAT_GRAPHML && from != PN_FORMAT_GEXF) {
        cli_usage_error("convert",
                        from == PN_FORMAT_UNKNOWN
                            ? "cannot tell the format of '%s' from its name: give --from"
                            : "'%s': paranet reads JSON, GraphML, GEXF and CSV (DOT is "
                              "written only)",
                        inputs[0]);
        rc = PN_EINVAL;
        goto cleanup;
    }
    char *data = NULL;
    size_t len = 0;
    rc = cli_read_input(inputs[0], C->iopts.load.max_bytes, &data, &len, diags);
    if (rc == 0) {
        pn_import_options o = C->iopts;
        o.load.name = strcmp(inputs[0], "-") == 0 ? "<stdin>" : inputs[0];
        rc = pn_import_buffer(out, from, data, len, &o, diags);
    }
    free(data);
cleanup:
    for (int t = 0; t < PN_CSV_TABLE_COUNT; t++)
        free(owned[t]);
    return rc;
}

static int save(conv *C, const pn_dataset *ds, pn_diags *diags)
{
    int rc = 0;
    if (C->to != PN_FORMAT_CSV) {
        char *data = NULL;
        size_t len = 0;
        /* The writers know no file name: what they refuse is told against
         * the output being written. */
        pn_diags *wd = NULL;
        rc = pn_diags_new(&wd);
        if (rc == 0)
            rc = pn_export_buffer(ds, C->to, &data, &len, wd);
        for (size_t i = 0; i < pn_diags_count(wd); i++) {
            const pn_diag *d = pn_diags_get(wd, i);
            pn_diags_add(diags, d->severity, d->file ? d->file : C->output, d->line, d->column,
                         d->path, d->check, "%s", d->message);
        }
        pn_diags_free(wd);
        if (rc == PN_ENOMEM)
            pn_diags_add(diags, PN_SEVERITY_ERROR, C->output, 0, 0, NULL, "nomem",
                         "out of memory while writing");
        if (rc == 0)
            rc = cli_write_output(C->output, data, len, diags);
        free(data);
        return rc;
    }
    if (strcmp(C->output, "-") == 0) {
        cli_usage_error("convert", "CSV output is a directory of tables: give -o DIR/");
        return PN_EINVAL;
    }
    if (!is_dir(C->output) && mkdir(C->output, 0777) != 0) {
        pn_diags_add(diags, PN_SEVERITY_ERROR, C->output, 0, 0, NULL, "io",
                     "cannot create the directory: %s", strerror(errno));
        return PN_EIO;
    }
    /* The dataset serialised once into the four tables, then all of them
     * written together or none (pn_write_files_atomic). */
    char *data[PN_CSV_TABLE_COUNT] = {NULL};
    size_t len[PN_CSV_TABLE_COUNT] = {0};
    pn_write_file files[PN_CSV_TABLE_COUNT] = {{NULL, NULL, 0}};
    rc = pn_csv_write_all(ds, C->out_delim, data, len);
    for (int t = 0; t < PN_CSV_TABLE_COUNT && rc == 0; t++) {
        char name[32];
        snprintf(name, sizeof(name), "%s.csv", pn_csv_table_name((pn_csv_table)t));
        char *path = join(C->output, name);
        files[t] = (pn_write_file){path, data[t], len[t]};
        if (!path)
            rc = PN_ENOMEM;
    }
    if (rc == 0)
        rc = pn_write_files_atomic(files, PN_CSV_TABLE_COUNT, cli_write_options(), diags);
    for (int t = 0; t < PN_CSV_TABLE_COUNT; t++) {
        free((char *)files[t].path);
        free(data[t]);
    }
    return rc;
}

static bool parse_delim(const char *s, char *out)
{
    if (strcmp(s, ",") == 0 || strcmp(s, "comma") == 0)
        *out = ',';
    else if (strcmp(s, ";") == 0 || strcmp(s, "semicolon") == 0)
        *out = ';';
    else if (strcmp(s, "tab") == 0 || strcmp(s, "\t") == 0 || strcmp(s, "\\t") == 0)
        *out = '\t';
    else
        return false;
    return true;
}

enum { O_ACTORS = CLI_OPT_LAST, O_TIES, O_SOURCES, O_DATASET, O_KIND, O_COUNTRY, O_TYPE };

static void init(void *state)
{
    conv *C = state;
    pn_import_options io = PN_IMPORT_OPTIONS_INIT;
    C->iopts = io;
    C->to = C->from = PN_FORMAT_UNKNOWN;
}

static int option(cli_job *job, void *state, int c, const char *arg)
{
    conv *C = state;
    switch (c) {
    case 't':
        C->to = pn_format_parse(arg);
        if (C->to == PN_FORMAT_UNKNOWN)
            return cli_usage_error("convert",
                                   "unknown format '%s' (json, graphml, gexf, "
                                   "csv or dot)",
                                   arg);
        return EXIT_OK;
    case 'f':
        C->from = pn_format_parse(arg);
        if (C->from != PN_FORMAT_JSON && C->from != PN_FORMAT_GRAPHML &&
            C->from != PN_FORMAT_GEXF && C->from != PN_FORMAT_CSV)
            return cli_usage_error("convert", "cannot read '%s' (json, graphml, gexf or csv)", arg);
        return EXIT_OK;
    case O_ACTORS:
    case O_TIES:
    case O_SOURCES:
    case O_DATASET:
        C->tables[c - O_ACTORS] = arg;
        return EXIT_OK;
    case 'd': {
        char d;
        if (!parse_delim(arg, &d))
            return cli_usage_error("convert", "--delimiter is ',', ';' or 'tab'");
        C->iopts.delimiter = d;
        C->out_delim = d;
        return EXIT_OK;
    }
    case O_KIND:
        if (pn_vocab_parse(PN_VOCAB_KIND, arg) < 0)
            return cli_usage_error("convert", "--default-kind: unknown kind '%s'", arg);
        C->iopts.default_kind = arg;
        return EXIT_OK;
    case O_COUNTRY:
        if (!pn_country_valid(arg))
            return cli_usage_error("convert", "--default-country: '%s' is not an ISO 3166-1 code",
                                   arg);
        C->iopts.default_country = arg;
        return EXIT_OK;
    case O_TYPE:
        if (pn_vocab_parse(PN_VOCAB_TYPE, arg) < 0)
            return cli_usage_error("convert", "--default-type: unknown type '%s'", arg);
        C->iopts.default_type = arg;
        return EXIT_OK;
    case 's':
        job->load->strict = true;
        return EXIT_OK;
    default:
        return EXIT_USAGE;
    }
}

static int check(cli_job *job, void *state)
{
    conv *C = state;
    bool named = false;
    for (int t = 0; t < PN_CSV_TABLE_COUNT; t++)
        named |= C->tables[t] != NULL;
    if (job->n_files == 0 && !named)
        return cli_usage_error("convert", "no INPUT given");
    if (named && job->n_files > 0)
        return cli_usage_error("convert", "give the CSV tables either by --actors/--ties/... "
                                          "or as INPUTs, not both");
    if (job->n_files > MAX_INPUTS)
        return cli_usage_error("convert", "too many inputs");
    C->output = job->output;
    if (!C->output)
        return cli_usage_error("convert", "no output given: add -o OUTPUT");
    if (C->to == PN_FORMAT_UNKNOWN) {
        C->to = strcmp(C->output, "-") == 0 ? PN_FORMAT_JSON : pn_format_from_path(C->output);
        if (C->to == PN_FORMAT_UNKNOWN)
            return cli_usage_error("convert",
                                   "cannot tell the output format from '%s': give --to (json, "
                                   "graphml, gexf, csv or dot)",
                                   C->output);
    }
    C->iopts.load = *job->load;
    cli_progress_setup(&C->iopts.load, job->quiet);
    return EXIT_OK;
}

static int compute(cli_job *job, void *state)
{
    conv *C = state;
    pn_dataset *ds = NULL, *view = NULL;
    int rc = load(C, job->files, (size_t)job->n_files, job->diags, &ds);
    if (rc == 0) {
        int code = cli_view_dataset(job, ds, &view);
        if (code != EXIT_OK) {
            pn_dataset_free(ds);
            return code;
        }
        rc = save(C, view, job->diags);
    }
    if (rc != 0 || !job->quiet)
        cli_print_errors(job->diags, job->quiet);
    if (rc == 0)
        cli_view_note(job, ds, view);
    if (rc == 0 && !job->quiet && strcmp(C->output, "-") != 0)
        fprintf(stderr, "%s: wrote %s: %zu actors, %zu ties, %zu sources\n", C->output,
                pn_format_name(C->to), pn_dataset_actor_count(view), pn_dataset_tie_count(view),
                pn_dataset_source_count(view));
    if (rc == PN_ENOMEM)
        fprintf(stderr, "paranet convert: out of memory\n");
    if (view != ds)
        pn_dataset_free(view);
    pn_dataset_free(ds);
    return cli_exit_code(rc);
}

static const struct option options[] = {{"to", required_argument, NULL, 't'},
                                        {"from", required_argument, NULL, 'f'},
                                        {"actors", required_argument, NULL, O_ACTORS},
                                        {"ties", required_argument, NULL, O_TIES},
                                        {"sources", required_argument, NULL, O_SOURCES},
                                        {"dataset", required_argument, NULL, O_DATASET},
                                        {"delimiter", required_argument, NULL, 'd'},
                                        {"default-kind", required_argument, NULL, O_KIND},
                                        {"default-country", required_argument, NULL, O_COUNTRY},
                                        {"default-type", required_argument, NULL, O_TYPE},
                                        {"strict", no_argument, NULL, 's'},
                                        {NULL, 0, NULL, 0}};

/* -f, --from and -t, --to are dataset formats: not CLI_FORMAT (the report
 * formats). The inputs are read here, not by the pipeline (CSV tables,
 * GraphML), and the view applied to what they give (cli_view_dataset). */
const cli_spec pn_cmd_convert = {
    .name = "convert",
    .summary = "convert between JSON, GraphML, GEXF, CSV and DOT",
    .help = help,
    .help_tail = help_tail,
    .uses = CLI_ANY_FILES | CLI_LIMITS | CLI_OUTPUT | CLI_VIEW,
    .shortopts = "t:f:d:s",
    .options = options,
    .state_size = sizeof(conv),
    .init = init,
    .option = option,
    .check = check,
    .compute = compute,
};
