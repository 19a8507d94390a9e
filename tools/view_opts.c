#include "view_opts.h"

#include <stdlib.h>
#include <string.h>

#include "cli.h"

const struct option view_long_options[] = {
    {"types", required_argument, NULL, VIEW_OPT_TYPES},
    {"sectors", required_argument, NULL, VIEW_OPT_SECTORS},
    {"status", required_argument, NULL, VIEW_OPT_STATUS},
    {"instruments", required_argument, NULL, VIEW_OPT_INSTRUMENTS},
    {"countries", required_argument, NULL, VIEW_OPT_COUNTRIES},
    {"kinds", required_argument, NULL, VIEW_OPT_KINDS},
    {"at", required_argument, NULL, VIEW_OPT_AT},
    {"between", required_argument, NULL, VIEW_OPT_BETWEEN},
    {"ego", required_argument, NULL, VIEW_OPT_EGO},
    {"radius", required_argument, NULL, VIEW_OPT_RADIUS},
    {"directed", no_argument, NULL, VIEW_OPT_DIRECTED},
    {"weight", required_argument, NULL, VIEW_OPT_WEIGHT},
    {"keep-isolates", no_argument, NULL, VIEW_OPT_KEEP_ISOLATES},
    {"basis", required_argument, NULL, VIEW_OPT_BASIS},
    {"undated", required_argument, NULL, VIEW_OPT_UNDATED},
    {NULL, 0, NULL, 0}};

void view_opts_init(view_opts *v)
{
    memset(v, 0, sizeof(*v));
    pn_view init = PN_VIEW_INIT;
    pn_load_options load = PN_LOAD_OPTIONS_INIT;
    v->view = init;
    v->load = load;
}

static void free_list(char **list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(list[i]);
    free(list);
}

void view_opts_free(view_opts *v)
{
    free_list(v->sectors, v->n_sectors);
    free_list(v->countries, v->n_countries);
}

/* Split a comma list into newly allocated strings. */
static int split(const char *arg, char ***out, size_t *n)
{
    free_list(*out, *n);
    *out = NULL;
    *n = 0;
    size_t cap = 1;
    for (const char *p = arg; *p; p++)
        cap += *p == ',';
    char **list = calloc(cap, sizeof(char *));
    if (!list)
        return -1;
    const char *p = arg;
    while (*p) {
        const char *e = strchr(p, ',');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        if (len > 0) {
            list[*n] = strndup(p, len);
            if (!list[*n]) {
                free_list(list, *n);
                return -1;
            }
            (*n)++;
        }
        p += len;
        if (*p == ',')
            p++;
    }
    *out = list;
    return 0;
}

static int vocab_mask(const char *command, const char *option, pn_vocab vocab, const char *arg,
                      unsigned *mask, bool *none)
{
    char **items = NULL;
    size_t n = 0;
    if (split(arg, &items, &n) != 0)
        return -1;
    int rc = 1;
    *mask = 0;
    for (size_t i = 0; i < n; i++) {
        if (none && strcmp(items[i], "none") == 0) {
            *none = true;
            continue;
        }
        int v = pn_vocab_parse(vocab, items[i]);
        if (v < 0) {
            const char *near = pn_vocab_suggest(vocab, items[i]);
            if (near)
                cli_usage_error(command, "--%s: unknown %s '%s' (did you mean '%s'?)", option,
                                pn_vocab_field(vocab), items[i], near);
            else
                cli_usage_error(command, "--%s: unknown %s '%s'", option, pn_vocab_field(vocab),
                                items[i]);
            rc = -1;
            break;
        }
        *mask |= PN_BIT(v);
    }
    if (rc == 1 && *mask == 0 && !(none && *none)) {
        cli_usage_error(command, "--%s needs at least one value", option);
        rc = -1;
    }
    free_list(items, n);
    return rc;
}

static bool year(const char *text, int *out)
{
    long y;
    if (!cli_parse_long(text, 1, 9999, &y))
        return false;
    *out = (int)y;
    return true;
}

int view_opts_parse(view_opts *v, const char *command, int c, const char *arg, int argc,
                    char **argv)
{
    pn_view *w = &v->view;
    switch (c) {
    case VIEW_OPT_TYPES:
        v->tie_filter = true;
        return vocab_mask(command, "types", PN_VOCAB_TYPE, arg, &w->types, NULL);
    case VIEW_OPT_STATUS:
        v->tie_filter = true;
        w->status_none = false;
        return vocab_mask(command, "status", PN_VOCAB_STATUS, arg, &w->statuses, &w->status_none);
    case VIEW_OPT_INSTRUMENTS:
        v->tie_filter = true;
        return vocab_mask(command, "instruments", PN_VOCAB_INSTRUMENT, arg, &w->instruments, NULL);
    case VIEW_OPT_BASIS:
        if (strcmp(arg, "all") == 0) {
            w->bases = PN_VIEW_BASES_ALL;
            return 1;
        }
        v->tie_filter = true;
        return vocab_mask(command, "basis", PN_VOCAB_BASIS, arg, &w->bases, NULL);
    case VIEW_OPT_UNDATED:
        if (strcmp(arg, "keep") == 0 || strcmp(arg, "drop") == 0) {
            w->keep_undated = strcmp(arg, "keep") == 0;
            return 1;
        }
        cli_usage_error(command, "--undated must be keep or drop (got '%s')", arg);
        return -1;
    case VIEW_OPT_KINDS:
        return vocab_mask(command, "kinds", PN_VOCAB_KIND, arg, &w->kinds, NULL);
    case VIEW_OPT_SECTORS:
        v->tie_filter = true;
        if (split(arg, &v->sectors, &v->n_sectors) != 0)
            return -1;
        w->sectors = (const char *const *)v->sectors;
        w->n_sectors = v->n_sectors;
        return 1;
    case VIEW_OPT_COUNTRIES:
        if (split(arg, &v->countries, &v->n_countries) != 0)
            return -1;
        for (size_t i = 0; i < v->n_countries; i++) {
            if (!pn_country_valid(v->countries[i])) {
                cli_usage_error(command, "--countries: '%s' is not an ISO 3166-1 alpha-2 code",
                                v->countries[i]);
                return -1;
            }
        }
        w->countries = (const char *const *)v->countries;
        w->n_countries = v->n_countries;
        return 1;
    case VIEW_OPT_AT:
        v->tie_filter = true;
        if (!year(arg, &w->at)) {
            cli_usage_error(command, "--at needs a year, e.g. --at 2016");
            return -1;
        }
        return 1;
    case VIEW_OPT_BETWEEN:
        v->tie_filter = true;
        if (!year(arg, &w->from_year) || optind >= argc || !year(argv[optind], &w->to_year) ||
            w->to_year < w->from_year) {
            cli_usage_error(command,
                            "--between needs two years in order, e.g. --between 2015 2020");
            return -1;
        }
        optind++;
        return 1;
    case VIEW_OPT_EGO:
        w->ego = arg;
        return 1;
    case VIEW_OPT_RADIUS: {
        long r;
        if (!cli_parse_long(arg, 1, 1000, &r)) {
            cli_usage_error(command, "--radius needs a number of hops >= 1");
            return -1;
        }
        w->radius = (int)r;
        return 1;
    }
    case VIEW_OPT_DIRECTED:
        w->directed = true;
        return 1;
    case VIEW_OPT_WEIGHT:
        if (strcmp(arg, "none") == 0)
            w->weight = PN_WEIGHT_NONE;
        else if (strcmp(arg, "count") == 0)
            w->weight = PN_WEIGHT_COUNT;
        else if (strcmp(arg, "sum") == 0)
            w->weight = PN_WEIGHT_SUM;
        else {
            cli_usage_error(command, "--weight must be none, count or sum");
            return -1;
        }
        return 1;
    case VIEW_OPT_KEEP_ISOLATES:
        v->keep_isolates = true;
        return 1;
    default:
        return 0;
    }
}

void view_opts_finish(view_opts *v)
{
    v->view.drop_isolates = v->tie_filter && !v->keep_isolates;
}
