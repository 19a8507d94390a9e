/* paranet metrics --network: assortativity by any attribute (--assort), the
 * E-I index per group and the brokerage roles against random groups
 * (--groups); docs/metrics.md, "Groups". */
#include <stdlib.h>
#include <string.h>

#include "metrics_groups.h"

static void value_row(cli_job *job, report_table *t, const char *name, double x, bool integer)
{
    char num[64];
    const char *cells[2] = {name, report_number(&job->out, x, integer, num, sizeof(num))};
    report_row(&job->out, t, cells);
}

/* ATTR of ATTR, ATTR:nominal or ATTR:numeric into buf, and the kind. */
static pn_assort_kind parse_assort(const char *arg, char *buf, size_t size)
{
    snprintf(buf, size, "%s", arg);
    char *colon = strrchr(buf, ':');
    if (!colon || (strcmp(colon, ":nominal") != 0 && strcmp(colon, ":numeric") != 0))
        return PN_ASSORT_AUTO;
    pn_assort_kind kind = strcmp(colon, ":nominal") == 0 ? PN_ASSORT_NOMINAL : PN_ASSORT_NUMERIC;
    *colon = '\0';
    return kind;
}

static int check_field(cli_job *job, const char *option, const char *attr)
{
    pn_grouping *gr = NULL;
    int rc = pn_grouping_new(job->graph, attr, &gr, NULL);
    pn_grouping_free(gr);
    if (rc == PN_ENOTFOUND)
        return cli_usage_error("metrics",
                               "%s: no actor of the view has a field '%s' (give country, kind, "
                               "region or an extra field of the actors)",
                               option, attr);
    return rc ? cli_fail(job, rc) : EXIT_OK;
}

int metrics_check_fields(cli_job *job, const char *group, const char *const *assort, size_t n)
{
    int code = group ? check_field(job, "--groups", group) : EXIT_OK;
    for (size_t i = 0; code == EXIT_OK && i < n; i++) {
        char attr[256];
        parse_assort(assort[i], attr, sizeof(attr));
        code = check_field(job, "--assort", attr);
    }
    return code;
}

int metrics_assort_rows(cli_job *job, report_table *t, const char *const *assort, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char attr[256], name[300];
        pn_assort_kind kind = parse_assort(assort[i], attr, sizeof(attr));
        double r;
        int rc = pn_assortativity_by(job->graph, attr, kind, &r, NULL, job->diags);
        if (rc)
            return cli_fail(job, rc);
        snprintf(name, sizeof(name), "assortativity-%s", assort[i]);
        value_row(job, t, name, r, false);
    }
    return EXIT_OK;
}

static const char *group_name(const pn_grouping *gr, size_t k)
{
    return gr->names[k] ? gr->names[k] : "(none)";
}

static int ei_tables(cli_job *job, report_table *t, const pn_grouping *gr)
{
    pn_ei all, *per = malloc((gr->count + 1) * sizeof(pn_ei));
    if (!per)
        return EXIT_INTERNAL;
    int rc = pn_ei_index(job->graph, gr, &all, per, NULL, job->diags);
    if (rc) {
        free(per);
        return cli_fail(job, rc);
    }
    value_row(job, t, "edges-within-groups", all.internal, true);
    value_row(job, t, "edges-between-groups", all.external, true);
    value_row(job, t, "ei", all.ei, false);
    value_row(job, t, "ei-expected", all.expected, false);
    static const char *const head[] = {"group",    "actors", "internal",
                                       "external", "ei",     "ei-expected"};
    static const bool numeric[] = {false, true, true, true, true, true};
    report_table *gt = report_table_new(&job->out, "groups", 6, head, numeric);
    report_table_heading(&job->out, gt, "E-I index per group");
    for (size_t k = 0; k < gr->count; k++) {
        char num[5][64];
        const char *cells[6] = {
            group_name(gr, k),
            report_number(&job->out, (double)gr->size[k], true, num[0], sizeof(num[0])),
            report_number(&job->out, per[k].internal, true, num[1], sizeof(num[1])),
            report_number(&job->out, per[k].external, true, num[2], sizeof(num[2])),
            report_number(&job->out, per[k].ei, false, num[3], sizeof(num[3])),
            report_number(&job->out, per[k].expected, false, num[4], sizeof(num[4]))};
        report_row(&job->out, gt, cells);
    }
    free(per);
    return EXIT_OK;
}

int metrics_group_tables(cli_job *job, report_table *t, const pn_metric_options *mo)
{
    pn_grouping *gr = NULL;
    const char *by = mo->group_attribute           ? mo->group_attribute
                     : mo->groups == PN_GROUP_KIND ? "kind"
                                                   : "country";
    int rc = pn_grouping_new(job->graph, by, &gr, job->diags);
    if (rc)
        return cli_fail(job, rc);
    int code = ei_tables(job, t, gr);
    pn_grouping_free(gr);
    if (code != EXIT_OK)
        return code;
    pn_brokerage_totals b;
    if ((rc = pn_brokerage_network(job->graph, mo, &b, job->diags)))
        return cli_fail(job, rc);
    static const char *const head[] = {"role", "count", "expected", "sd", "z"};
    static const bool numeric[] = {false, true, true, true, true};
    static const char *const roles[] = {"coordinator",    "itinerant", "gatekeeper",
                                        "representative", "liaison",   "brokerage"};
    report_table *bt = report_table_new(&job->out, "brokerage", 5, head, numeric);
    report_table_heading(&job->out, bt, "Brokerage roles against random groups");
    for (int r = 0; r <= PN_BROKER_ROLE_COUNT; r++) {
        char num[4][64];
        const char *cells[5] = {
            roles[r], report_number(&job->out, b.count[r], true, num[0], sizeof(num[0])),
            report_number(&job->out, b.expected[r], false, num[1], sizeof(num[1])),
            report_number(&job->out, b.sd[r], false, num[2], sizeof(num[2])),
            report_number(&job->out, b.z[r], false, num[3], sizeof(num[3]))};
        report_row(&job->out, bt, cells);
    }
    return EXIT_OK;
}
