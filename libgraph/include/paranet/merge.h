/* paranet: merging datasets from several studies into one.
 *
 * Actors with the same id are one actor; ties and sources are unioned; a tie
 * that two inputs both hold becomes one tie citing the sources of both.
 * docs/merge.md states every rule.
 */
#ifndef PARANET_MERGE_H
#define PARANET_MERGE_H

#include <stddef.h>

#include "paranet/common.h"
#include "paranet/dataset.h"
#include "paranet/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/** What to do when two inputs give one actor a different name, kind or country. */
typedef enum pn_merge_prefer {
    PN_MERGE_STOP = 0, /**< report each conflict as an error and fail */
    PN_MERGE_FIRST,    /**< keep the earlier input's value, with a warning */
    PN_MERGE_LAST      /**< keep the later input's value, with a warning */
} pn_merge_prefer;

/** One dataset to merge, with what locates its records in messages. */
typedef struct pn_merge_input {
    const pn_dataset *ds; /**< as loaded: record i is the file's i-th record */
    const char *name;     /**< display name ("bandung.json"), or NULL */
    const char *text;     /**< the JSON text it was loaded from, for line numbers; or NULL */
    size_t len;
} pn_merge_input;

/**
 * Merge n datasets, in order. Conflicts name both inputs with line and
 * column; source ids that collide with a different citation are renamed
 * ("id-2" for the second input) with a warning. The result is checked as a
 * loaded dataset is. O(total size) expected.
 * @param[out] out the merged dataset, owned by the caller; set only on success.
 * @return 0, PN_EDATA (a conflict and PN_MERGE_STOP), PN_EINVAL (n == 0) or PN_ENOMEM.
 */
PN_EXTERN int pn_dataset_merge(pn_dataset **out, const pn_merge_input *inputs, size_t n,
                               pn_merge_prefer prefer, pn_diags *diags);

#ifdef __cplusplus
}
#endif

#endif
