/* paranet aggregate FILE --by country|kind|region -o OUT.json: the quotient
 * network of a view, one actor per group (docs/aggregate.md). */
#include <stdlib.h>
#include <string.h>

#include "pipeline.h"

static const char help[] =
    "Usage: paranet aggregate [OPTIONS] FILE --by country|kind|region -o OUT.json\n"
    "\n"
    "The quotient network of the view: one actor per group of its actors (their\n"
    "country, kind, or country and region), and one tie per pair of groups, tie\n"
    "type and direction, whose weight is the number of the view's ties it stands\n"
    "for and whose sources are the sources they cite. Ties inside one group are\n"
    "counted on the group (internal_ties; the format has no tie from an actor to\n"
    "itself). OUT.json is a dataset (docs/format.md, \"aggregate\"): validate,\n"
    "info, metrics, render and every other command read it. See\n"
    "docs/aggregate.md.\n"
    "\n"
    "Options:\n"
    "      --by ATTR    country (ZZ, the unknown country, is a group of its own),\n"
    "                   kind, or region (within its country; actors without one\n"
    "                   go to their country's region-CC-unknown group)\n"
    "  -o, --output F   where to write (required; '-' for standard output)\n"
    "  -h, --help       show this help\n";

static const char help_tail[] =
    "Standard error says how many groups, the actors without the attribute,\n"
    "and how the view's ties divide into ties between groups (the sum of the\n"
    "weights) and ties inside them.\n"
    "\n"
    "Example:\n"
    "  paranet aggregate datasets/twintowns-de.json --by country -o countries.json\n"
    "  paranet metrics countries.json --weight sum --top 10\n";

enum { OPT_BY = CLI_OPT_LAST };

typedef struct aggregate_state {
    bool have_by;
    pn_aggregate_by by;
} aggregate_state;

static int option(cli_job *job, void *state, int c, const char *arg)
{
    (void)job;
    aggregate_state *st = state;
    if (c != OPT_BY)
        return EXIT_USAGE;
    if (pn_aggregate_by_parse(arg, &st->by) != 0)
        return cli_usage_error("aggregate",
                               "--by: unknown attribute '%s' (country, kind or region)", arg);
    st->have_by = true;
    return EXIT_OK;
}

static int check(cli_job *job, void *state)
{
    if (!((aggregate_state *)state)->have_by)
        return cli_usage_error("aggregate", "--by country, kind or region is required");
    if (!job->output)
        return cli_usage_error("aggregate", "-o OUT.json is required ('-' for standard output)");
    return EXIT_OK;
}

/* What the aggregate holds, and who has no group of their own, on stderr. */
static void tell(const cli_job *job, pn_aggregate_by by, const pn_aggregate_stats *s)
{
    const char *name = strcmp(job->output, "-") == 0 ? "<stdout>" : job->output;
    if (s->unknown && by == PN_AGGREGATE_COUNTRY)
        fprintf(stderr,
                "paranet aggregate: note: %zu actor%s of unknown country (ZZ): in the group "
                "country-zz\n",
                s->unknown, s->unknown == 1 ? "" : "s");
    else if (s->unknown)
        fprintf(stderr,
                "paranet aggregate: note: %zu actor%s without a region: in %s country's group "
                "region-CC-unknown\n",
                s->unknown, s->unknown == 1 ? "" : "s", s->unknown == 1 ? "its" : "their");
    fprintf(stderr,
            "%s: %zu groups by %s of %zu actors; %zu %s for the %zu ties between groups, "
            "%zu ties are inside groups (%zu in the view)\n",
            name, s->groups, pn_aggregate_by_name(by), s->actors, s->aggregated,
            s->aggregated == 1 ? "tie stands" : "ties stand", s->between, s->within, s->ties);
}

static int compute(cli_job *job, void *state)
{
    aggregate_state *st = state;
    pn_dataset *agg = NULL;
    pn_aggregate_stats stats;
    char *text = NULL;
    size_t len = 0;
    int code = EXIT_OK;
    int rc = pn_aggregate(&agg, job->ds, &job->vo.view, st->by, &stats, job->diags);
    if (rc == 0)
        rc = pn_dataset_save_buffer(agg, &text, &len);
    if (rc == 0 && strcmp(job->output, "-") == 0) {
        if (fwrite(text, 1, len, stdout) != len || fflush(stdout) != 0) {
            fprintf(stderr, "paranet aggregate: cannot write to standard output\n");
            code = EXIT_IO;
        }
    } else if (rc == 0) {
        rc = cli_write_output(job->output, text, len, job->diags);
    }
    if (rc)
        code = cli_fail(job, rc);
    else if (code == EXIT_OK && !job->quiet)
        tell(job, st->by, &stats);
    free(text);
    pn_dataset_free(agg);
    return code;
}

static const struct option options[] = {{"by", required_argument, NULL, OPT_BY},
                                        {NULL, 0, NULL, 0}};

const cli_spec pn_cmd_aggregate = {
    .name = "aggregate",
    .summary = "the network of groups (countries, kinds, regions) as a dataset",
    .help = help,
    .help_tail = help_tail,
    .uses = CLI_LOAD | CLI_VIEW | CLI_OUTPUT,
    .options = options,
    .state_size = sizeof(aggregate_state),
    .option = option,
    .check = check,
    .compute = compute,
};
