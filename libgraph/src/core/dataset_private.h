/* The body of pn_dataset, shared by the files that build and write it. */
#ifndef PN_DATASET_PRIVATE_H
#define PN_DATASET_PRIVATE_H

#include "paranet/dataset.h"
#include "core/util.h"

struct pn_dataset {
    pn__pool pool;
    const char *title;
    const char *description;
    const char *aggregate; /* the attribute an aggregate's actors group (pn_aggregate), or NULL */
    const char *extra;     /* compact JSON object of unknown top-level fields, or NULL */

    pn_source *sources;
    const char **source_extra;
    size_t n_sources, a_sources;
    pn_actor *actors;
    const char **actor_extra;
    size_t n_actors, a_actors;
    pn_tie *ties;
    const char **tie_extra;
    size_t n_ties, a_ties;

    pn__map source_ids;
    pn__map actor_ids;
    pn__map tie_ids;
    /* Sector names, one copy each (a few dozen words over every tie): the
     * value is the pooled copy's address. */
    pn__map sector_names;
};

/* Known field names per record kind, in canonical order; NULL-terminated. */
extern const char *const pn__dataset_fields[];
extern const char *const pn__source_fields[];
extern const char *const pn__actor_fields[];
extern const char *const pn__tie_fields[];
bool pn__field_known(const char *const *fields, const char *key);

/* Set a record's unknown fields from already-compact JSON text (copied). */
/* Room for this many records of each kind (a loader that knows the counts
 * saves the arrays' regrowth). 0 or PN_ENOMEM. */
int pn__dataset_reserve(pn_dataset *ds, size_t sources, size_t actors, size_t ties);

int pn__dataset_set_extra_raw(pn_dataset *ds, const char *record, size_t index, const char *json);

#endif
