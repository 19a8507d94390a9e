/* paranet convert: between JSON, GraphML, GEXF, CSV tables and DOT. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "import.h"

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
    "  ties.csv                          a ties table alone: its actors are made from\n"
    "                                    the tie ends (a warning says what is not known)\n"
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
    "      --analysed            write the network as the metrics see it: the view's\n"
    "                            graph, one tie per pair of actors (per arc with\n"
    "                            --directed) with the number of ties merged into it\n"
    "                            and the weight --weight gives (docs/reproduce.md)\n"
    "  -s, --strict              treat warnings as errors\n"
    "  -q, --quiet               print nothing but errors (and no progress)\n"
    "  -h, --help                show this help\n"
    "\n"
    "With view options, OUTPUT holds the view's actors and the ties between them\n"
    "(with every source), and a note on standard error says how many of each the\n"
    "view keeps: paranet convert net.json --at 2016 --types g2g -o t2016.gexf\n"
    "(--directed and --weight shape graphs, not records: they change nothing here\n"
    "but with --analysed).\n";

static const char help_tail[] =
    "Exit status: 0 converted, 1 invalid input or an unknown --ego, 2 usage error,\n"
    "3 a file cannot be read or written, 4 internal error.\n";

typedef struct conv {
    cli_import in;
    const char *output;
    pn_format to;
    char out_delim;
    bool analysed;
} conv;

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
    if (!cli_is_dir(C->output) && mkdir(C->output, 0777) != 0) {
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
        char *path = cli_path_join(C->output, name);
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

enum { O_ANALYSED = CLI_OPT_LAST };

static void init(void *state)
{
    conv *C = state;
    cli_import_init(&C->in);
    C->to = PN_FORMAT_UNKNOWN;
}

static int option(cli_job *job, void *state, int c, const char *arg)
{
    conv *C = state;
    int code = cli_import_option("convert", &C->in, c, arg);
    if (code >= 0) {
        C->out_delim = C->in.iopts.delimiter;
        return code;
    }
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
        C->in.from = pn_format_parse(arg);
        if (C->in.from != PN_FORMAT_JSON && C->in.from != PN_FORMAT_GRAPHML &&
            C->in.from != PN_FORMAT_GEXF && C->in.from != PN_FORMAT_CSV)
            return cli_usage_error("convert", "cannot read '%s' (json, graphml, gexf or csv)", arg);
        return EXIT_OK;
    case 's':
        job->load->strict = true;
        return EXIT_OK;
    case O_ANALYSED:
        C->analysed = true;
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
        named |= C->in.tables[t] != NULL;
    if (job->n_files == 0 && !named)
        return cli_usage_error("convert", "no INPUT given");
    if (named && job->n_files > 0)
        return cli_usage_error("convert", "give the CSV tables either by --actors/--ties/... "
                                          "or as INPUTs, not both");
    if (job->n_files > CLI_IMPORT_MAX_INPUTS)
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
    C->in.iopts.load = *job->load;
    cli_progress_setup(&C->in.iopts.load, job->quiet);
    return EXIT_OK;
}

/* The view's graph as a dataset (--analysed), and a note on what it merged. */
static int analysed(cli_job *job, const pn_dataset *ds, pn_dataset **out)
{
    pn_graph *g = NULL;
    int code = cli_view_graph(job, ds, &g);
    if (code == EXIT_OK)
        code = cli_fail(job, pn_graph_as_dataset(out, g));
    if (code == EXIT_OK && !job->quiet) {
        size_t ties = 0, n = 0;
        for (size_t e = 0; e < pn_graph_edge_count(g); e++) {
            pn_graph_edge_ties(g, e, &n);
            ties += n;
        }
        fprintf(stderr,
                "paranet convert: note: the analysed network: %zu actors, %zu %s from %zu ties "
                "(%s)\n",
                pn_graph_vertex_count(g), pn_graph_edge_count(g),
                pn_graph_directed(g) ? "arcs" : "edges", ties, job->view ? job->view : "");
    }
    pn_graph_free(g);
    return code;
}

static int compute(cli_job *job, void *state)
{
    conv *C = state;
    pn_dataset *ds = NULL, *view = NULL;
    int rc = cli_import_load("convert", &C->in, job->files, (size_t)job->n_files, job->diags, &ds);
    if (rc == 0) {
        int code = C->analysed ? analysed(job, ds, &view) : cli_view_dataset(job, ds, &view);
        if (code != EXIT_OK) {
            pn_dataset_free(ds);
            return code;
        }
        rc = save(C, view, job->diags);
    }
    if (rc != 0 || !job->quiet)
        cli_print_errors(job->diags, job->quiet);
    if (rc == 0 && !C->analysed)
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
                                        {"actors", required_argument, NULL, CLI_IMPORT_ACTORS},
                                        {"ties", required_argument, NULL, CLI_IMPORT_TIES},
                                        {"sources", required_argument, NULL, CLI_IMPORT_SOURCES},
                                        {"dataset", required_argument, NULL, CLI_IMPORT_DATASET},
                                        CLI_IMPORT_LONG_OPTIONS,
                                        {"strict", no_argument, NULL, 's'},
                                        {"analysed", no_argument, NULL, O_ANALYSED},
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
