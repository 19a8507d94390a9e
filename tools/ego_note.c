/* The ego-network note (ego_note.h). */
#include "ego_note.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int ego_note(const pn_graph *g, char **out, pn_diags *diags)
{
    pn_ego_dominance d;
    *out = NULL;
    int rc = pn_ego_dominance_compute(g, &d, diags);
    if (rc || !d.dominant)
        return rc;
    const pn_actor *a = pn_dataset_actor(pn_graph_dataset(g), pn_graph_vertex_actor(g, d.vertex));
    char share[96];
    /* Rounded down, so that 100% means every tie. */
    if (d.touching == d.ties)
        snprintf(share, sizeof(share), "all %zu ties touch", d.ties);
    else
        snprintf(share, sizeof(share), "%zu of the %zu ties (%zu%%) touch", d.touching, d.ties,
                 100 * d.touching / d.ties);
    static const char meaning[] =
        "the view is largely its ego network (as when the sources are studies of it), so its "
        "centrality and brokerage are high by construction, not a finding";
    size_t size = strlen(share) + strlen(a->id) + strlen(a->name) + sizeof(meaning) + 8;
    if (!(*out = malloc(size)))
        return PN_ENOMEM;
    snprintf(*out, size, "%s %s (%s): %s", share, a->id, a->name, meaning);
    return 0;
}
