/* The group x group mixing matrix of a view, observed and expected under
 * the configuration model (paranet/aggregate.h, docs/metrics.md). */
#include "paranet/aggregate.h"

#include <stdlib.h>
#include <string.h>

#include "analysis/partition.h"

void pn_mixing_free(pn_mixing *m)
{
    if (!m)
        return;
    for (size_t i = 0; m->ids && i < m->n; i++)
        free((char *)m->ids[i]);
    for (size_t i = 0; m->names && i < m->n; i++)
        free((char *)m->names[i]);
    free(m->ids);
    free(m->names);
    free(m->actors);
    free(m->degree);
    free(m->observed);
    free(m->expected);
    free(m);
}

/* The groups' ids, names and sizes, taken from g. */
static int take_groups(pn_mixing *m, pn__groups *g)
{
    size_t n = g->n;
    m->n = n;
    m->ids = calloc(n + 1, sizeof(char *));
    m->names = calloc(n + 1, sizeof(char *));
    m->actors = malloc((n + 1) * sizeof(size_t));
    m->degree = calloc(n + 1, sizeof(double));
    m->observed = calloc(n * n + 1, sizeof(double));
    m->expected = calloc(n * n + 1, sizeof(double));
    if (!m->ids || !m->names || !m->actors || !m->degree || !m->observed || !m->expected) {
        m->n = m->ids && m->names ? n : 0;
        return PN_ENOMEM;
    }
    for (size_t i = 0; i < n; i++) {
        m->ids[i] = g->group[i].id;
        m->names[i] = g->group[i].name;
        g->group[i].id = g->group[i].name = NULL;
        m->actors[i] = g->group[i].actors;
    }
    return 0;
}

int pn_mixing_new(pn_mixing **out, const pn_dataset *ds, const pn_view *view, pn_aggregate_by by,
                  pn_diags *diags)
{
    *out = NULL;
    pn_mixing *m = calloc(1, sizeof(*m));
    if (!m)
        return PN_ENOMEM;
    m->by = by;
    pn__groups g;
    int rc = pn__groups_make(&g, ds, view, by, diags);
    if (!rc)
        rc = take_groups(m, &g);
    size_t n = m->n;
    for (size_t i = 0; !rc && i < pn_dataset_tie_count(ds); i++) {
        if (!g.tie_mask[i])
            continue;
        const pn_tie *t = pn_dataset_tie(ds, i);
        size_t a = g.of[t->from], b = g.of[t->to];
        m->ties++;
        m->degree[a]++;
        m->degree[b]++;
        m->observed[a * n + b]++;
        if (a != b)
            m->observed[b * n + a]++;
    }
    m->unknown = g.unknown;
    pn__groups_free(&g);
    if (rc) {
        pn_mixing_free(m);
        return rc;
    }
    /* Newman's e_ij = a_i a_j in counts of ties: an unordered pair of
     * groups holds m (e_ij + e_ji) = d_i d_j / 2m ties, a group m e_ii =
     * d_i^2 / 4m. */
    double two_m = 2.0 * (double)m->ties;
    for (size_t i = 0; m->ties && i < n; i++)
        for (size_t j = 0; j < n; j++)
            m->expected[i * n + j] = m->degree[i] * m->degree[j] / (i == j ? 2.0 * two_m : two_m);
    *out = m;
    return 0;
}
