#include <stdlib.h>

#include "paranet/view.h"
#include "analysis/graph_arcs.h"

struct pn_view_series {
    const pn_dataset *ds;
    pn_view view;
    pn__arc *arcs; /* of the ties the view keeps in some year, sorted */
    size_t n_arcs;
    bool *tie_mask, *actor_mask; /* the year's selection */
};

int pn_view_series_new(pn_view_series **out, const pn_dataset *ds, const pn_view *view,
                       pn_diags *diags)
{
    pn_view defaults = PN_VIEW_INIT;
    size_t na = pn_dataset_actor_count(ds), nt = pn_dataset_tie_count(ds);
    pn_view_series *s = calloc(1, sizeof(*s));
    *out = NULL;
    if (!s)
        return PN_ENOMEM;
    s->ds = ds;
    s->view = view ? *view : defaults;
    s->view.at = 0;
    s->tie_mask = malloc((nt + 1) * sizeof(bool));
    s->actor_mask = malloc((na + 1) * sizeof(bool));
    int rc = s->tie_mask && s->actor_mask ? 0 : PN_ENOMEM;
    /* The view without `at` keeps every tie and actor that a year keeps (a
     * tie in force in a year is in force at some time; an ego reaches no
     * fewer actors over more ties; an actor with a tie in a year has one):
     * its arcs, sorted once, hold every year's. */
    if (rc == 0)
        rc = pn_view_select(ds, &s->view, s->tie_mask, s->actor_mask, diags);
    if (rc == 0)
        rc = pn__graph_arcs(ds, s->view.directed, s->tie_mask, s->actor_mask, &s->arcs, &s->n_arcs);
    if (rc) {
        pn_view_series_free(s);
        return rc;
    }
    *out = s;
    return 0;
}

int pn_view_series_graph(pn_graph **out, pn_view_series *s, int year, pn_diags *diags)
{
    pn_view v = s->view;
    v.at = year;
    *out = NULL;
    int rc = pn_view_select(s->ds, &v, s->tie_mask, s->actor_mask, diags);
    if (rc)
        return rc;
    pn_graph_options o = PN_GRAPH_OPTIONS_INIT;
    o.directed = v.directed;
    o.weight = v.weight;
    o.tie_mask = s->tie_mask;
    o.actor_mask = s->actor_mask;
    return pn__graph_from_arcs(out, s->ds, &o, s->arcs, s->n_arcs);
}

void pn_view_series_free(pn_view_series *s)
{
    if (!s)
        return;
    free(s->arcs);
    free(s->tie_mask);
    free(s->actor_mask);
    free(s);
}
