/* paranet partners FILE --actor ID: each partner and the formalisation ladder. */
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "pipeline.h"

static const char help[] =
    "Usage: paranet partners [OPTIONS] FILE --actor ID\n"
    "\n"
    "Each partner of the actor in the view, with how far the relation climbed\n"
    "the formalisation ladder: visit (1), letter of intent (2), MoU (3), sister\n"
    "city (4), cooperation agreement (5). A ladder tie counts as reached when\n"
    "its status is signed, implemented, active or ended, or not given; planned,\n"
    "stalled and failed ties are attempts. A rung attempted (stalled or failed)\n"
    "and never reached blocks the ladder: the relation's rung is the highest\n"
    "reached below it, and steps reached above it are shown apart. Then the\n"
    "years of the relation and the programmes under it with their status.\n"
    "Partners are sorted by rung (highest first), number of ties, then id.\n"
    "See docs/partners.md.\n"
    "\n"
    "Options:\n"
    "  -a, --actor ID   the actor (required)\n"
    "  -e, --explain    every tie of each relation, with its sources\n"
    "  -h, --help       show this help\n"
    "\n" VIEW_OPTS_LEGACY_HELP "\n"
    "An actor the view leaves out has no partners: the answer is empty (exit 0).\n"
    "An id not in the dataset is an error (exit 1).\n"
    "\n"
    "Example:\n"
    "  paranet partners datasets/tangsel.json --actor tangsel --types g2g\n";

static void step_text(const pn_dataset *ds, size_t tie, char *buf, size_t size)
{
    const pn_tie *t = pn_dataset_tie(ds, tie);
    char years[32];
    an_years(t, years, sizeof(years));
    snprintf(buf, size, "%s%s%s%s%s", pn_instrument_name(t->instrument), years[0] ? " " : "", years,
             t->status != PN_STATUS_NONE ? " " : "",
             t->status != PN_STATUS_NONE ? pn_status_name(t->status) : "");
}

static void print_partner(const pn_dataset *ds, const pn_partner *p, bool explain, bool *cited)
{
    const pn_actor *a = pn_dataset_actor(ds, p->actor);
    char buf[160], label[128];
    printf("\n%s  %s (%s, %s)\n", a->id, a->name, pn_kind_name(a->kind), a->country);
    if (p->first_year && p->first_year != p->last_year)
        printf("  years:      %d-%d\n", p->first_year, p->last_year);
    else if (p->first_year)
        printf("  years:      %d\n", p->first_year);
    else
        printf("  years:      not given\n");
    printf("  ties:       %zu\n", p->n_ties);
    if (p->rung) {
        step_text(ds, p->rung_tie, buf, sizeof(buf));
        printf("  rung:       %d %s (%s: %s)\n", p->rung,
               pn_instrument_name(pn_dataset_tie(ds, p->rung_tie)->instrument),
               an_tie_label(ds, p->rung_tie, label, sizeof(label)), buf);
    } else {
        printf("  rung:       0 (no ladder step reached)\n");
    }
    if (p->blocked_rung) {
        step_text(ds, p->blocked_tie, buf, sizeof(buf));
        printf("  blocked at: %d (%s: %s)\n", p->blocked_rung,
               an_tie_label(ds, p->blocked_tie, label, sizeof(label)), buf);
    }
    if (p->beyond_rung) {
        step_text(ds, p->beyond_tie, buf, sizeof(buf));
        printf("  beyond:     %d reached above the block (%s: %s)\n", p->beyond_rung,
               an_tie_label(ds, p->beyond_tie, label, sizeof(label)), buf);
    }
    bool any = false;
    for (int r = 1; r <= PN_RUNG_MAX; r++)
        any |= p->step[r] != SIZE_MAX;
    if (any) {
        printf("  ladder:    ");
        bool first = true;
        for (int r = 1; r <= PN_RUNG_MAX; r++) {
            if (p->step[r] == SIZE_MAX)
                continue;
            step_text(ds, p->step[r], buf, sizeof(buf));
            printf("%s %d %s", first ? "" : ";", r, buf);
            first = false;
        }
        printf("\n");
    }
    printf("  programmes: %zu\n", p->n_programmes);
    for (size_t i = 0; i < p->n_programmes; i++) {
        const pn_tie *t = pn_dataset_tie(ds, p->programmes[i]);
        char years[32];
        an_years(t, years, sizeof(years));
        printf("    %-12s %-10s %s\n",
               t->status != PN_STATUS_NONE ? pn_status_name(t->status) : "-",
               years[0] ? years : "-", an_tie_label(ds, p->programmes[i], label, sizeof(label)));
    }
    if (explain) {
        printf("  evidence:\n");
        for (size_t i = 0; i < p->n_ties; i++)
            an_print_tie(stdout, ds, p->ties[i], "    ", cited);
    }
}

static int print_report(const pn_graph *g, size_t actor, bool explain, pn_diags *diags)
{
    const pn_dataset *ds = pn_graph_dataset(g);
    const pn_actor *a = pn_dataset_actor(ds, actor);
    if (pn_graph_actor_vertex(g, actor, NULL) != 0) {
        printf("# %s (%s) is not in this view: no partners\n", a->id, a->name);
        return EXIT_OK;
    }
    pn_partners *p = NULL;
    int rc = pn_partners_new(&p, g, actor, diags);
    if (rc) {
        cli_print_diags(diags);
        return cli_exit_code(rc);
    }
    size_t n = pn_partners_count(p);
    printf("# %zu partner%s of %s (%s)\n", n, n == 1 ? "" : "s", a->id, a->name);
    printf("# ladder: 1 visit, 2 loi, 3 mou, 4 sister-city, 5 agreement\n");
    bool *cited = an_cited_new(ds);
    if (!cited) {
        pn_partners_free(p);
        return EXIT_INTERNAL;
    }
    for (size_t i = 0; i < n; i++)
        print_partner(ds, pn_partners_get(p, i), explain, cited);
    an_print_sources(stdout, ds, cited);
    free(cited);
    pn_partners_free(p);
    return EXIT_OK;
}

static int run(int argc, char **argv)
{
    static const struct option own[] = {{"actor", required_argument, NULL, 'a'},
                                        {"explain", no_argument, NULL, 'e'},
                                        {"help", no_argument, NULL, 'h'},
                                        {NULL, 0, NULL, 0}};
    const struct option *longopts = view_opts_merge(own);
    view_opts vo;
    view_opts_init(&vo);
    const char *id = NULL;
    bool explain = false;
    int code = EXIT_OK, c;
    while ((c = cli_getopt("partners", argc, argv, "a:eh", longopts)) != -1) {
        int v = view_opts_parse(&vo, "partners", c, optarg, argc, argv);
        if (v == 1)
            continue;
        if (v < 0) {
            code = EXIT_USAGE;
            goto done;
        }
        if (c == 'h') {
            fputs(help, stdout);
            goto done;
        } else if (c == 'a') {
            id = optarg;
        } else if (c == 'e') {
            explain = true;
        } else {
            code = EXIT_USAGE;
            goto done;
        }
    }
    view_opts_finish(&vo);
    if (optind != argc - 1) {
        code = cli_usage_error("partners", optind >= argc ? "no FILE given" : "one FILE only");
        goto done;
    }
    if (!id) {
        code = cli_usage_error("partners", "--actor ID is required");
        goto done;
    }
    pn_diags *diags = NULL;
    pn_dataset *ds = NULL;
    pn_graph *g = NULL;
    char *view = NULL;
    if (pn_diags_new(&diags) != 0) {
        code = EXIT_INTERNAL;
        goto done;
    }
    const char *file = argv[optind];
    size_t actor = 0;
    code = cli_load(file, &vo.load, diags, &ds);
    if (code == EXIT_OK)
        code = an_find_actor("partners", "--actor", ds, id, &actor);
    if (code == EXIT_OK)
        code = an_view_graph("partners", ds, &vo, diags, &g);
    if (code == EXIT_OK && !(view = an_describe(&vo.view)))
        code = EXIT_INTERNAL;
    if (code == EXIT_OK) {
        printf("# paranet partners %s --actor %s\n# view: %s\n",
               strcmp(file, "-") == 0 ? "<stdin>" : file, id, view);
        code = print_report(g, actor, explain, diags);
    }
    free(view);
    pn_graph_free(g);
    pn_dataset_free(ds);
    pn_diags_free(diags);
done:
    view_opts_free(&vo);
    return code;
}

/* Not yet on the pipeline (pipeline.h): its own main. */
const cli_spec pn_cmd_partners = {
    .name = "partners",
    .summary = "an actor's partners, the formalisation ladder and programmes",
    .help = help,
    .legacy_run = run};
