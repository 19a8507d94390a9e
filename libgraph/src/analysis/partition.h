/* The groups of a view's actors by one attribute, shared by the aggregate
 * (aggregate.c) and the mixing matrix (mixing.c): paranet/aggregate.h gives
 * their order and ids. */
#ifndef PN_ANALYSIS_PARTITION_H
#define PN_ANALYSIS_PARTITION_H

#include <stdbool.h>
#include <stddef.h>

#include "paranet/aggregate.h"

#define PN__NO_GROUP ((size_t)-1)

typedef struct pn__group {
    char *id;
    char *name;
    pn_kind kind;
    char country[3];
    const char *region; /* borrowed from the dataset, or NULL */
    size_t actors;
} pn__group;

typedef struct pn__groups {
    size_t n;
    pn__group *group;
    size_t *of;     /* per actor of the dataset: its group, or PN__NO_GROUP outside the view */
    bool *tie_mask; /* the view's ties */
    size_t unknown; /* actors of the view without the attribute */
    size_t actors;  /* actors of the view */
} pn__groups;

/* Select the view and group its actors. 0, as pn_view_select, or PN_ENOMEM;
 * free with pn__groups_free whatever it returns. */
int pn__groups_make(pn__groups *g, const pn_dataset *ds, const pn_view *view, pn_aggregate_by by,
                    pn_diags *diags);
void pn__groups_free(pn__groups *g);

#endif
