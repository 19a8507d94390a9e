/* A view's actors and ties as a dataset of their own (pn_view_subset). */
#include "paranet/view.h"

#include <stdlib.h>

#include "paranet/error.h"

static int copy_extra(pn_dataset *to, const pn_dataset *from, const char *record, size_t at,
                      size_t index)
{
    const char *extra = pn_dataset_extra(from, record, index);
    return extra ? pn_dataset_set_extra(to, record, at, extra) : 0;
}

static int fill(pn_dataset *out, const pn_dataset *ds, const bool *tie_mask, const bool *actor_mask,
                size_t *actor_at)
{
    int rc = pn_dataset_set_title(out, pn_dataset_title(ds));
    if (!rc)
        rc = pn_dataset_set_description(out, pn_dataset_description(ds));
    if (!rc)
        rc = copy_extra(out, ds, "dataset", 0, 0);
    /* Every source: a citation of the subset keeps its index. */
    for (size_t i = 0; !rc && i < pn_dataset_source_count(ds); i++) {
        size_t at = 0;
        rc = pn_dataset_add_source(out, pn_dataset_source(ds, i), &at);
        if (!rc)
            rc = copy_extra(out, ds, "source", at, i);
    }
    for (size_t i = 0; !rc && i < pn_dataset_actor_count(ds); i++) {
        if (!actor_mask[i])
            continue;
        rc = pn_dataset_add_actor(out, pn_dataset_actor(ds, i), &actor_at[i]);
        if (!rc)
            rc = copy_extra(out, ds, "actor", actor_at[i], i);
    }
    for (size_t i = 0; !rc && i < pn_dataset_tie_count(ds); i++) {
        if (!tie_mask[i])
            continue;
        pn_tie t = *pn_dataset_tie(ds, i);
        t.from = actor_at[t.from];
        t.to = actor_at[t.to];
        size_t at = 0;
        rc = pn_dataset_add_tie(out, &t, &at);
        if (!rc)
            rc = copy_extra(out, ds, "tie", at, i);
    }
    return rc;
}

int pn_view_subset(pn_dataset **out, const pn_dataset *ds, const pn_view *view, pn_diags *diags)
{
    *out = NULL;
    size_t na = pn_dataset_actor_count(ds), nt = pn_dataset_tie_count(ds);
    bool *tie_mask = malloc(nt + 1), *actor_mask = malloc(na + 1);
    size_t *actor_at = malloc((na + 1) * sizeof(size_t));
    pn_dataset *sub = NULL;
    int rc = tie_mask && actor_mask && actor_at ? 0 : PN_ENOMEM;
    if (!rc)
        rc = pn_view_select(ds, view, tie_mask, actor_mask, diags);
    if (!rc)
        rc = pn_dataset_new(&sub);
    if (!rc)
        rc = fill(sub, ds, tie_mask, actor_mask, actor_at);
    free(tie_mask);
    free(actor_mask);
    free(actor_at);
    if (rc) {
        pn_dataset_free(sub);
        return rc;
    }
    *out = sub;
    return 0;
}
