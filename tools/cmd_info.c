/* paranet info FILE: what a dataset holds, counted. */
#include <stdlib.h>
#include <string.h>

#include "pipeline.h"

static const char help[] =
    "Usage: paranet info [OPTIONS] FILE\n"
    "\n"
    "Summarise a dataset: actors by kind and by country; ties by type, status,\n"
    "instrument and sector; the span of years; and each source with the\n"
    "number of ties and actors citing it. Counts are sorted largest first,\n"
    "then by name.\n"
    "\n"
    "Options:\n"
    "      --max-bytes N   refuse files over N bytes (default 268435456)\n"
    "      --max-depth N   refuse JSON nested deeper than N (default 64)\n"
    "  -h, --help          show this help\n";

typedef struct tally {
    const char *name;
    const char *label; /* shown after the name, or NULL */
    size_t count;
} tally;

typedef struct tallies {
    tally *items;
    size_t n;
    size_t cap;
} tallies;

static int add(tallies *t, const char *name, const char *label)
{
    for (size_t i = 0; i < t->n; i++) {
        if (strcmp(t->items[i].name, name) == 0) {
            t->items[i].count++;
            return 0;
        }
    }
    if (t->n == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 16;
        tally *p = realloc(t->items, cap * sizeof(*p));
        if (!p)
            return -1;
        t->items = p;
        t->cap = cap;
    }
    t->items[t->n++] = (tally){name, label, 1};
    return 0;
}

static int by_count(const void *a, const void *b)
{
    const tally *x = a, *y = b;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    return strcmp(x->name, y->name);
}

static void print(const char *heading, tallies *t)
{
    printf("\n%s\n", heading);
    if (t->n == 0) {
        printf("  (none)\n");
        return;
    }
    qsort(t->items, t->n, sizeof(tally), by_count);
    for (size_t i = 0; i < t->n; i++) {
        if (t->items[i].label)
            printf("  %-14s %5zu  %s\n", t->items[i].name, t->items[i].count, t->items[i].label);
        else
            printf("  %-14s %5zu\n", t->items[i].name, t->items[i].count);
    }
}

static int print_report(const pn_dataset *ds, const char *name)
{
    size_t na = pn_dataset_actor_count(ds), nt = pn_dataset_tie_count(ds),
           ns = pn_dataset_source_count(ds);
    tallies kinds = {0}, countries = {0}, types = {0}, statuses = {0}, instruments = {0},
            sectors = {0};
    int rc = 0;
    size_t *cites = calloc(ns + 1, sizeof(size_t)), *actor_cites = calloc(ns + 1, sizeof(size_t));
    if (!cites || !actor_cites) {
        rc = -1;
        goto cleanup;
    }
    int first = 0, last = 0;
    size_t dated = 0;
    for (size_t i = 0; i < na; i++) {
        const pn_actor *a = pn_dataset_actor(ds, i);
        rc |= add(&kinds, pn_kind_name(a->kind), NULL);
        rc |= add(&countries, a->country, pn_country_name(a->country));
        for (size_t k = 0; k < a->n_sources; k++)
            actor_cites[a->sources[k].source]++;
    }
    for (size_t i = 0; i < nt; i++) {
        const pn_tie *t = pn_dataset_tie(ds, i);
        rc |= add(&types, pn_tie_type_name(t->type), NULL);
        rc |= add(&statuses, t->status == PN_STATUS_NONE ? "(none)" : pn_status_name(t->status),
                  NULL);
        rc |=
            add(&instruments,
                t->instrument == PN_INSTRUMENT_NONE ? "(none)" : pn_instrument_name(t->instrument),
                NULL);
        for (size_t k = 0; k < t->n_sectors; k++)
            rc |= add(&sectors, t->sectors[k], NULL);
        /* A source cited twice by one tie (two pages) counts once. */
        for (size_t k = 0; k < t->n_sources; k++) {
            bool seen = false;
            for (size_t j = 0; j < k; j++)
                seen |= t->sources[j].source == t->sources[k].source;
            if (!seen)
                cites[t->sources[k].source]++;
        }
        const pn_date *dates[2] = {&t->since, &t->until};
        for (int d = 0; d < 2; d++) {
            int y = dates[d]->year;
            if (!y)
                continue;
            if (dated++ == 0 || y < first)
                first = y;
            if (y > last)
                last = y;
        }
    }
    if (rc)
        goto cleanup;
    const char *title = pn_dataset_title(ds);
    printf("%s\n", title ? title : name);
    printf("  file:    %s\n", name);
    printf("  actors:  %zu\n  ties:    %zu\n  sources: %zu\n", na, nt, ns);
    if (dated)
        printf("  years:   %d-%d\n", first, last);
    else
        printf("  years:   (no tie is dated)\n");
    print("Actors by kind", &kinds);
    print("Actors by country", &countries);
    print("Ties by type", &types);
    print("Ties by status", &statuses);
    print("Ties by instrument", &instruments);
    print("Ties by sector", &sectors);
    printf("\nSources (ties and actors citing each)\n");
    if (ns == 0)
        printf("  (none)\n");
    int width = 14;
    for (size_t i = 0; i < ns; i++) {
        int len = (int)strlen(pn_dataset_source(ds, i)->id);
        width = len > width ? len : width;
    }
    for (size_t i = 0; i < ns; i++) {
        const pn_source *s = pn_dataset_source(ds, i);
        printf("  %-*s %5zu ties %4zu actors\n  %*s %s\n", width, s->id, cites[i], actor_cites[i],
               width, "", s->cite);
    }
cleanup:
    free(kinds.items);
    free(countries.items);
    free(types.items);
    free(statuses.items);
    free(instruments.items);
    free(sectors.items);
    free(cites);
    free(actor_cites);
    return rc;
}

static int run(int argc, char **argv)
{
    static const struct option longopts[] = {{"max-bytes", required_argument, NULL, 'B'},
                                             {"max-depth", required_argument, NULL, 'D'},
                                             {"quiet", no_argument, NULL, 'q'},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    pn_load_options opts = PN_LOAD_OPTIONS_INIT;
    long v;
    int c;
    while ((c = cli_getopt("info", argc, argv, "hq", longopts)) != -1) {
        switch (c) {
        case 'h':
            fputs(help, stdout);
            return EXIT_OK;
        case 'q':
            cli_progress_setup(NULL, true);
            break;
        case 'B':
            if (!cli_parse_long(optarg, 1, 1L << 40, &v))
                return cli_usage_error("info", "--max-bytes needs a number > 0");
            opts.max_bytes = (size_t)v;
            break;
        case 'D':
            if (!cli_parse_long(optarg, 1, 2000, &v))
                return cli_usage_error("info", "--max-depth needs a number from 1 to 2000");
            opts.max_depth = (size_t)v;
            break;
        default:
            return EXIT_USAGE;
        }
    }
    if (optind != argc - 1)
        return cli_usage_error("info", optind >= argc ? "no FILE given" : "one FILE only");
    pn_diags *diags = NULL;
    pn_dataset *ds = NULL;
    if (pn_diags_new(&diags) != 0)
        return EXIT_INTERNAL;
    int code = cli_load(argv[optind], &opts, diags, &ds);
    if (code == EXIT_OK &&
        print_report(ds, strcmp(argv[optind], "-") == 0 ? "<stdin>" : argv[optind]))
        code = EXIT_INTERNAL;
    pn_dataset_free(ds);
    pn_diags_free(diags);
    return code;
}

/* Not yet on the pipeline (pipeline.h): its own main. */
const cli_spec pn_cmd_info = {.name = "info",
                              .summary = "summarise a dataset: actors, ties, years, sources",
                              .help = help,
                              .legacy_run = run};
