#include "pipeline.h"

#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "caption.h"
#include "figure_opts.h"

#define LIMITS_HELP                                                                                \
    "Limits (docs/limits.md):\n"                                                                   \
    "      --max-bytes N       refuse input files over N bytes (default 268435456)\n"              \
    "      --max-depth N       refuse JSON nested deeper than N (default 64)\n"                    \
    "      --max-errors N      report at most N problems (default 50; 0: all)\n"                   \
    "  -q, --quiet             no progress line on a terminal during long work\n"

#define FORMAT_HELP                                                                                \
    "Output:\n"                                                                                    \
    "  -f, --format F          text (default), csv, tsv, json, md or latex (booktabs):\n"          \
    "                          the same columns in every format (docs/architecture.md);\n"         \
    "                          csv and tsv are one plain table, its title, view and\n"             \
    "                          notes as \"# \" lines on stderr (not with --quiet)\n"               \
    "      --table NAME        csv, tsv: the table NAME, not the main one (\"rows\")\n"            \
    "      --comments          csv, tsv: the \"# \" lines first, on stdout; without\n"             \
    "                          --table, every table, each after \"# table: NAME\"\n"               \
    "\nTables for papers (docs/metrics.md):\n"                                                     \
    "      --precision N       N digits after the decimal point (0-17), or 'full':\n"              \
    "                          the shortest that reads back as the same number.\n"                 \
    "                          Default 3 for md and latex, 6 for the others\n"                     \
    "      --caption TEXT      md, latex: the caption (default: what the table is\n"               \
    "                          and the view, in words)\n"                                          \
    "      --label KEY         md, latex: \\label{KEY} (Pandoc: {#KEY})\n"                         \
    "      --standalone        latex: a whole document, for pdflatex or xelatex\n"                 \
    "      --latex-engine E    latex: pdflatex or xelatex, the preamble of\n"                      \
    "                          --standalone (default: xelatex when the table holds\n"              \
    "                          a script pdfLaTeX cannot set, such as Hangul)\n"

#define REPORT_OUTPUT_HELP                                                                         \
    "  -o, --output FILE       write the report into FILE, replaced whole (a\n"                    \
    "                          partial file is never left); the extension gives\n"                 \
    "                          the format unless -f does: .txt .csv .tsv .json .md\n"              \
    "                          .tex (default: standard output)\n"

static const struct option shared_options[] = {
    {"help", no_argument, NULL, 'h'},
    {"quiet", no_argument, NULL, 'q'},
    {"max-errors", required_argument, NULL, CLI_OPT_MAX_ERRORS},
    {"max-bytes", required_argument, NULL, CLI_OPT_MAX_BYTES},
    {"max-depth", required_argument, NULL, CLI_OPT_MAX_DEPTH},
    {"format", required_argument, NULL, 'f'},
    {"output", required_argument, NULL, 'o'},
    {"comments", no_argument, NULL, CLI_OPT_COMMENTS},
    {"table", required_argument, NULL, CLI_OPT_TABLE},
    {"precision", required_argument, NULL, CLI_OPT_PRECISION},
    {"caption", required_argument, NULL, CLI_OPT_CAPTION},
    {"label", required_argument, NULL, CLI_OPT_LABEL},
    {"standalone", no_argument, NULL, CLI_OPT_STANDALONE},
    {"latex-engine", required_argument, NULL, CLI_OPT_ENGINE},
    {NULL, 0, NULL, 0}};

static bool loads(const cli_spec *spec)
{
    return spec->uses & (CLI_LOAD | CLI_LIMITS);
}

/* Is a shared option part of this command? */
static bool shared_used(const cli_spec *spec, int val)
{
    switch (val) {
    case 'f':
    case CLI_OPT_COMMENTS:
    case CLI_OPT_TABLE:
    case CLI_OPT_PRECISION:
    case CLI_OPT_CAPTION:
    case CLI_OPT_LABEL:
    case CLI_OPT_STANDALONE:
    case CLI_OPT_ENGINE:
        return spec->uses & CLI_FORMAT;
    case 'o':
        return spec->uses & (CLI_OUTPUT | CLI_FORMAT);
    case CLI_OPT_MAX_ERRORS:
    case CLI_OPT_MAX_BYTES:
    case CLI_OPT_MAX_DEPTH:
        return loads(spec);
    default:
        return true;
    }
}

void cli_print_help(const cli_spec *spec)
{
    fputs(spec->help, stdout);
    if (spec->uses & CLI_FORMAT)
        fputs("\n" FORMAT_HELP, stdout);
    if ((spec->uses & CLI_FORMAT) && !(spec->uses & CLI_OUTPUT))
        fputs(REPORT_OUTPUT_HELP, stdout);
    if (spec->uses & CLI_VIEW)
        fputs("\n" VIEW_OPTS_HELP, stdout);
    if (loads(spec))
        fputs("\n" LIMITS_HELP, stdout);
    if (spec->help_tail)
        printf("\n%s", spec->help_tail);
}

/* The command's long options, the view's and the shared ones, in one table;
 * the short options likewise. NULL when out of memory. */
static struct option *merge_options(const cli_spec *spec, char **shortopts)
{
    size_t n = 0;
    for (const struct option *o = spec->options; o && o->name; o++)
        n++;
    for (const struct option *o = view_long_options; o->name; o++)
        n++;
    n += sizeof(shared_options) / sizeof(shared_options[0]);
    struct option *all = malloc((n + 1) * sizeof(*all));
    size_t len = spec->shortopts ? strlen(spec->shortopts) : 0;
    *shortopts = malloc(len + 8);
    if (!all || !*shortopts) {
        free(all);
        free(*shortopts);
        return NULL;
    }
    size_t k = 0;
    for (const struct option *o = spec->options; o && o->name; o++)
        all[k++] = *o;
    for (const struct option *o = view_long_options; (spec->uses & CLI_VIEW) && o->name; o++)
        all[k++] = *o;
    for (const struct option *o = shared_options; o->name; o++)
        if (shared_used(spec, o->val))
            all[k++] = *o;
    all[k] = (struct option){NULL, 0, NULL, 0};
    snprintf(*shortopts, len + 8, "%s%s%s%s", spec->shortopts ? spec->shortopts : "", "hq",
             spec->uses & CLI_FORMAT ? "f:" : "",
             spec->uses & (CLI_OUTPUT | CLI_FORMAT) ? "o:" : "");
    return all;
}

/* A shared option: 1 when handled, 0 when not shared, or an exit code < 0
 * negated (-EXIT_USAGE) after the message. */
static int shared_option(cli_job *job, int c, const char *arg)
{
    long n;
    switch (c) {
    case 'q':
        job->quiet = true;
        cli_progress_setup(NULL, true);
        return 1;
    case 'f':
        if (!table_parse_format(arg, &job->format))
            return -cli_usage_error(job->command, "--format must be " REPORT_FORMATS " (got '%s')",
                                    arg);
        job->format_given = true;
        return 1;
    case 'o':
        job->output = arg;
        return 1;
    case CLI_OPT_COMMENTS:
        job->comments = true;
        return 1;
    case CLI_OPT_TABLE:
        job->table = arg;
        return 1;
    case CLI_OPT_PRECISION:
        if (strcmp(arg, "full") == 0)
            job->precision = REPORT_FULL;
        else if (cli_parse_long(arg, 0, REPORT_MAX_DECIMALS, &n))
            job->precision = (int)n;
        else
            return -cli_usage_error(job->command,
                                    "--precision needs a number of decimals from 0 to %d, or "
                                    "'full' (got '%s')",
                                    REPORT_MAX_DECIMALS, arg);
        return 1;
    case CLI_OPT_CAPTION:
        job->caption = arg;
        return 1;
    case CLI_OPT_LABEL:
        if (!*arg ||
            strspn(arg, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789:._/-") !=
                strlen(arg))
            return -cli_usage_error(
                job->command, "--label needs letters, digits and : . _ / - only (got '%s')", arg);
        job->label = arg;
        return 1;
    case CLI_OPT_STANDALONE:
        job->standalone = true;
        return 1;
    case CLI_OPT_ENGINE:
        if (strcmp(arg, "pdflatex") == 0)
            job->engine = LATEX_PDFLATEX;
        else if (strcmp(arg, "xelatex") == 0 || strcmp(arg, "lualatex") == 0)
            job->engine = LATEX_XELATEX;
        else
            return -cli_usage_error(job->command,
                                    "--latex-engine must be pdflatex or xelatex (got '%s')", arg);
        return 1;
    case CLI_OPT_MAX_ERRORS:
        if (!cli_parse_long(arg, 0, 100000000L, &n))
            return -cli_usage_error(job->command, "--max-errors needs a number >= 0 (0: all)");
        job->max_errors = (size_t)n;
        return 1;
    case CLI_OPT_MAX_BYTES:
        if (!cli_parse_long(arg, 1, 1L << 40, &n))
            return -cli_usage_error(job->command, "--max-bytes needs a number > 0");
        job->vo.load.max_bytes = (size_t)n;
        return 1;
    case CLI_OPT_MAX_DEPTH:
        if (!cli_parse_long(arg, 1, 2000, &n))
            return -cli_usage_error(job->command, "--max-depth needs a number from 1 to 2000");
        job->vo.load.max_depth = (size_t)n;
        return 1;
    default:
        return 0;
    }
}

static const char *format_name(table_format f)
{
    static const char *const names[] = {"text", "csv", "tsv", "json", "md", "latex"};
    return names[f];
}

/* -o FILE of a command whose -o is its report: the format from FILE's
 * extension, unless -f gave one (a note when they disagree). */
static int report_output(const cli_spec *spec, cli_job *job)
{
    job->report_path = strcmp(job->output, "-") == 0 ? NULL : job->output;
    job->output = NULL;
    if (!job->report_path)
        return EXIT_OK;
    const char *ext = fig_extension(job->report_path);
    table_format named;
    bool known = ext && (strcmp(ext, "txt") == 0 ? (named = FMT_TEXT, true)
                                                 : table_parse_format(ext, &named));
    if (job->format_given) {
        if (known && named != job->format && !job->quiet)
            fprintf(stderr, "paranet %s: note: writing %s into %s, as -f says\n", spec->name,
                    format_name(job->format), job->report_path);
        return EXIT_OK;
    }
    if (!known)
        return cli_usage_error(spec->name,
                               "-o: cannot tell the format of '%s' from its name: give a name "
                               "ending in .txt .csv .tsv .json .md or .tex, or -f FORMAT",
                               job->report_path);
    job->format = named;
    return EXIT_OK;
}

/* Options and operands. Returns EXIT_OK, or an exit code; *help when
 * --help was given (and printed). */
static int parse(const cli_spec *spec, cli_job *job, void *state, int argc, char **argv, bool *help)
{
    char *shortopts = NULL;
    struct option *longopts = merge_options(spec, &shortopts);
    if (!longopts)
        return EXIT_INTERNAL;
    int code = EXIT_OK, c;
    while (code == EXIT_OK && (c = cli_getopt(spec->name, argc, argv, shortopts, longopts)) != -1) {
        if (c == '?') {
            code = EXIT_USAGE;
        } else if (c == 'h') {
            cli_print_help(spec);
            *help = true;
            break;
        } else if (spec->uses & CLI_VIEW &&
                   (code = view_opts_parse(&job->vo, spec->name, c, optarg, argc, argv)) != 0) {
            code = code < 0 ? EXIT_USAGE : EXIT_OK;
        } else if (shared_used(spec, c) && (code = shared_option(job, c, optarg)) != 0) {
            code = code < 0 ? -code : EXIT_OK;
        } else if (spec->option) {
            code = spec->option(job, state, c, optarg);
        } else {
            code = EXIT_USAGE;
        }
    }
    free(longopts);
    free(shortopts);
    if (code != EXIT_OK || *help)
        return code;
    view_opts_finish(&job->vo);
    if (job->output && !(spec->uses & CLI_OUTPUT) && (code = report_output(spec, job)) != EXIT_OK)
        return code;
    if ((job->comments || job->table) && job->format != FMT_CSV && job->format != FMT_TSV)
        return cli_usage_error(spec->name,
                               "%s is for --format csv or tsv (the other formats hold every "
                               "table, with the title, view and notes)",
                               job->comments ? "--comments" : "--table");
    if ((job->standalone || job->engine != LATEX_AUTO) && job->format != FMT_LATEX)
        return cli_usage_error(spec->name, "%s is for --format latex",
                               job->standalone ? "--standalone" : "--latex-engine");
    if ((job->caption || job->label) && job->format != FMT_LATEX && job->format != FMT_MD)
        return cli_usage_error(spec->name, "%s is for --format latex or md",
                               job->caption ? "--caption" : "--label");
    job->out.decimals = job->precision != -2                                ? job->precision
                        : job->format == FMT_MD || job->format == FMT_LATEX ? 3
                                                                            : 6;
    int operands = argc - optind;
    if (spec->uses & CLI_NO_FILE) {
        if (operands > 0)
            return cli_usage_error(spec->name, "unexpected argument '%s'", argv[optind]);
    } else if (operands == 0 && !(spec->uses & CLI_ANY_FILES)) {
        return cli_usage_error(spec->name, "no FILE given");
    } else if (!(spec->uses & (CLI_FILES | CLI_ANY_FILES)) && operands > 1) {
        return cli_usage_error(spec->name, "one FILE only");
    } else if (operands > 0) {
        job->files = argv + optind;
        job->n_files = operands;
        job->path = argv[optind];
        job->file = strcmp(job->path, "-") == 0 ? "<stdin>" : job->path;
    }
    return spec->check ? spec->check(job, state) : EXIT_OK;
}

/* Does the view keep every actor and tie? (directed and weight shape
 * graphs, not which records are kept; a view given no option keeps every
 * record, whatever its basis, when it selects records rather than a graph) */
static bool keeps_all(const pn_view *v)
{
    return !v->types && !v->statuses && !v->status_none && !v->instruments && !v->kinds &&
           !v->n_sectors && !v->n_countries && !v->at && !v->from_year && !v->to_year && !v->ego &&
           !v->drop_isolates && (!v->bases || (v->bases & PN_VIEW_BASES_ALL) == PN_VIEW_BASES_ALL);
}

/* Settle the view on the dataset and say what it leaves out for a reason
 * the reader may not expect: ties a study only recommends (or a party only
 * proposes), and, in a view by time, ties without a date. Ties left out for
 * their basis are a tie filter: the actors they leave without ties go too,
 * unless --keep-isolates. The view's description follows. */
static int settle_view(cli_job *job, const pn_dataset *ds)
{
    pn_view *v = &job->vo.view;
    size_t basis = pn_view_basis_dropped(ds, v), undated = pn_view_undated_dropped(ds, v);
    job->basis_dropped = basis;
    job->undated_dropped = undated;
    if (basis && !job->vo.keep_isolates)
        v->drop_isolates = true;
    if (basis && !v->bases)
        v->bases = PN_VIEW_BASES_DEFAULT; /* said in the view's description */
    if (!job->quiet && basis)
        fprintf(stderr,
                "paranet %s: note: %zu tie%s left out that a study only recommends or a party "
                "only proposes (not reported relations); --basis all keeps them\n",
                job->command, basis, basis == 1 ? "" : "s");
    if (!job->quiet && undated)
        fprintf(stderr,
                "paranet %s: note: %zu tie%s left out that %s no since (the start is unknown, so "
                "%s not in force in a given year); --undated keep keeps them\n",
                job->command, undated, undated == 1 ? "" : "s", undated == 1 ? "has" : "have",
                undated == 1 ? "it is" : "they are");
    char *view = an_describe(v);
    if (!view)
        return EXIT_INTERNAL;
    free((char *)job->view);
    job->view = view;
    report_set_view(&job->out, view);
    return EXIT_OK;
}

static int check_ego(cli_job *job, const pn_dataset *ds)
{
    size_t ego;
    const char *id = job->vo.view.ego;
    return id ? an_find_actor(job->command, "--ego", ds, id, &ego) : EXIT_OK;
}

int cli_view_dataset(cli_job *job, const pn_dataset *ds, pn_dataset **out)
{
    *out = NULL;
    int code = check_ego(job, ds);
    if (code != EXIT_OK)
        return code;
    if (keeps_all(&job->vo.view)) {
        *out = (pn_dataset *)ds;
        return EXIT_OK;
    }
    if ((code = settle_view(job, ds)) != EXIT_OK)
        return code;
    return cli_fail(job, pn_view_subset(out, ds, &job->vo.view, job->diags));
}

int cli_view_graph(cli_job *job, const pn_dataset *ds, pn_graph **out)
{
    *out = NULL;
    int code = check_ego(job, ds);
    if (code == EXIT_OK)
        code = settle_view(job, ds);
    if (code != EXIT_OK)
        return code;
    return cli_fail(job, pn_view_graph(out, ds, &job->vo.view, job->diags));
}

void cli_view_note(const cli_job *job, const pn_dataset *all, const pn_dataset *kept)
{
    size_t na = pn_dataset_actor_count(all), nt = pn_dataset_tie_count(all);
    size_t ka = pn_dataset_actor_count(kept), kt = pn_dataset_tie_count(kept);
    if (job->quiet || (ka == na && kt == nt))
        return;
    fprintf(stderr, "paranet %s: note: the view keeps %zu of %zu actors and %zu of %zu ties (%s)\n",
            job->command, ka, na, kt, nt, job->view ? job->view : "");
}

/* Load, view, graph. */
static int prepare(const cli_spec *spec, cli_job *job, void *state)
{
    int code = EXIT_OK;
    if (spec->uses & CLI_LOAD)
        code = cli_load(job->path, &job->vo.load, job->diags, &job->ds);
    if (code == EXIT_OK && job->ds && spec->loaded)
        code = spec->loaded(job, state);
    if (code != EXIT_OK || !(spec->uses & CLI_VIEW))
        return code;
    char *view = an_describe(&job->vo.view);
    if (!view)
        return EXIT_INTERNAL;
    job->view = view;
    report_set_view(&job->out, view);
    if (!job->ds)
        return EXIT_OK;
    if (spec->uses & CLI_VIEW_DATASET)
        code = cli_view_dataset(job, job->ds, &job->view_ds);
    else if ((code = check_ego(job, job->ds)) == EXIT_OK)
        code = settle_view(job, job->ds);
    if (code == EXIT_OK && spec->uses & CLI_GRAPH) {
        int rc = pn_view_graph(&job->graph, job->ds, &job->vo.view, job->diags);
        if (rc)
            return cli_fail(job, rc);
    }
    return code;
}

/* Write job->out in its format. csv and tsv: one table, the one --table
 * names (a usage error when the report has none of that name); without
 * --table and --comments, a report of several tables gives its main one,
 * and a note on stderr names the others. */
/* The caption of md and latex: --caption, or the command's subject, the
 * dataset's name and the view in words ("Betweenness of the 25 actors of
 * “Kota Tangerang Selatan (Tangsel)”, g2g ties in force in 2016."). */
static int set_caption(cli_job *job)
{
    report *out = &job->out;
    report_set_label(out, job->label);
    if (job->caption) {
        report_set_caption(out, "%s", job->caption);
        return EXIT_OK;
    }
    if (!out->subject)
        return EXIT_OK;
    char *name = job->ds ? caption_dataset(job->ds, job->file) : NULL;
    char *view = job->ds && job->view ? caption_view(&job->vo.view, job->ds, job->basis_dropped,
                                                     job->undated_dropped)
                                      : NULL;
    if (job->ds && (!name || (job->view && !view))) {
        free(name);
        return EXIT_INTERNAL;
    }
    if (name && view)
        report_set_caption(out, "%s in the network \u201c%s\u201d: %s.", out->subject, name, view);
    else if (name)
        report_set_caption(out, "%s in the network \u201c%s\u201d.", out->subject, name);
    else
        report_set_caption(out, "%s.", out->subject);
    free(name);
    free(view);
    return out->failed ? EXIT_INTERNAL : EXIT_OK;
}

/* LaTeX of a script pdfLaTeX cannot set, for pdflatex: say so on stderr. */
static void script_warning(const cli_job *job)
{
    char sample[128];
    const char *script = report_latex_script(&job->out, sample, sizeof(sample));
    if (script && !job->quiet && job->engine != LATEX_XELATEX)
        fprintf(stderr,
                "paranet %s: warning: the table holds %s (\"%s\"), which pdfLaTeX cannot set: "
                "compile it with XeLaTeX or LuaLaTeX and a font that covers it (the LaTeX "
                "comments say how; --standalone writes such a document)\n",
                job->command, script, sample);
}

static int write_report(cli_job *job)
{
    report_write_opts o = {job->comments, job->table, job->quiet ? NULL : stderr, job->standalone,
                           job->engine};
    if (job->format == FMT_MD || job->format == FMT_LATEX) {
        int code = set_caption(job);
        if (code != EXIT_OK)
            return code;
    }
    if (job->format == FMT_LATEX)
        script_warning(job);
    bool csv = job->format == FMT_CSV || job->format == FMT_TSV;
    char names[512];
    if (csv && job->table && report_table_index(&job->out, job->table) < 0)
        return cli_usage_error(job->command, "--table: no table '%s' in this report (%s)",
                               job->table, report_table_names(&job->out, names, sizeof(names)));
    if (job->report_path) {
        char *buf = NULL;
        size_t len = 0;
        FILE *mem = open_memstream(&buf, &len);
        if (!mem)
            return EXIT_INTERNAL;
        report_write(&job->out, job->format, &o, mem);
        int bad = ferror(mem);
        if (fclose(mem) != 0 || bad) {
            free(buf);
            return EXIT_INTERNAL;
        }
        int rc = cli_write_output(job->report_path, buf, len, job->diags);
        free(buf);
        if (rc)
            return cli_fail(job, rc);
    } else {
        report_write(&job->out, job->format, &o, stdout);
    }
    if (csv && !job->table && !job->comments && !job->quiet && job->out.n_tables > 1) {
        const char *others = report_table_names(&job->out, names, sizeof(names));
        others += strlen("rows, ");
        fprintf(stderr,
                "paranet %s: note: %s holds the main table (rows); --table NAME gives another "
                "(%s), --comments all of them\n",
                job->command, job->format == FMT_CSV ? "csv" : "tsv", others);
    }
    return EXIT_OK;
}

int cli_run(const cli_spec *spec, int argc, char **argv)
{
    cli_job job;
    memset(&job, 0, sizeof(job));
    job.command = spec->name;
    view_opts_init(&job.vo);
    job.load = &job.vo.load;
    job.max_errors = 50;
    job.precision = -2;
    report_init(&job.out);
    void *state = calloc(1, spec->state_size ? spec->state_size : 1);
    if (!state)
        return EXIT_INTERNAL;
    if (spec->init)
        spec->init(state);
    bool help = false;
    int code = parse(spec, &job, state, argc, argv, &help);
    if (code == EXIT_OK && !help && pn_diags_new(&job.diags) != 0)
        code = EXIT_INTERNAL;
    if (job.diags)
        pn_diags_set_cap(job.diags, job.max_errors);
    if (code == EXIT_OK && !help)
        code = prepare(spec, &job, state);
    if (code == EXIT_OK && !help)
        code = spec->compute(&job, state);
    if (code == EXIT_OK && !help && job.out.failed)
        code = EXIT_INTERNAL;
    if (code == EXIT_OK && !help && job.out.n_tables + job.out.n_notes > 0)
        code = write_report(&job);
    if (spec->free)
        spec->free(state);
    free(state);
    report_free(&job.out);
    if (job.view_ds != job.ds)
        pn_dataset_free(job.view_ds);
    pn_graph_free(job.graph);
    pn_dataset_free(job.ds);
    pn_diags_free(job.diags);
    free((char *)job.view);
    view_opts_free(&job.vo);
    return code;
}

int cli_fail(cli_job *job, int rc)
{
    if (!rc)
        return EXIT_OK;
    cli_print_diags(job->diags);
    return cli_exit_code(rc);
}

int cli_find_actor(cli_job *job, const char *option, const char *id, size_t *out)
{
    return an_find_actor(job->command, option, job->ds, id, out);
}
