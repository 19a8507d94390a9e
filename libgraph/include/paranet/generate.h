/* paranet: reproducible synthetic networks shaped like real paradiplomacy.
 *
 * For tests and benchmarks at scales the studies do not reach: cities across
 * up to 60 countries with heavy-tailed sister-city (g2g) degrees grown by
 * preferential attachment, national ministries with vertical ties to their
 * country's local governments, horizontal ties inside countries,
 * universities and firms with academic, b2b and g2b ties, and organisations
 * with memberships. Every tie has an instrument, a status, years and a
 * cited source; the result validates with no warnings (docs/generate.md).
 */
#ifndef PARANET_GENERATE_H
#define PARANET_GENERATE_H

#include <stddef.h>
#include <stdint.h>

#include "paranet/common.h"
#include "paranet/dataset.h"
#include "paranet/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The shape of the generated network. */
typedef enum pn_generate_shape {
    /** every kind of actor and tie (the default) */
    PN_GENERATE_PARADIPLOMACY = 0,
    /** cities and sister-city (g2g) ties only, shaped like the world's twin
     * cities: a dense core, about 42% of the cities with one partner,
     * chains and small trees, small separate components; about 1.8 ties
     * per city (ties_per_actor is not used) */
    PN_GENERATE_SISTER_CITIES
} pn_generate_shape;

/** Options of pn_generate. Initialise with PN_GENERATE_OPTIONS_INIT. */
typedef struct pn_generate_options {
    size_t actors;         /**< number of actors, PN_GENERATE_MIN_ACTORS..PN_GENERATE_MAX_ACTORS */
    uint64_t seed;         /**< same seed and options: the same dataset, on every machine */
    double ties_per_actor; /**< ties / actors, 0.5..20 (default 3) */
    pn_generate_shape shape; /**< default PN_GENERATE_PARADIPLOMACY */
} pn_generate_options;

#define PN_GENERATE_OPTIONS_INIT                                                                   \
    {                                                                                              \
        1000, 1, 3.0, PN_GENERATE_PARADIPLOMACY                                                    \
    }

#define PN_GENERATE_MIN_ACTORS 50
#define PN_GENERATE_MAX_ACTORS 10000000

/**
 * Generate a synthetic dataset. The generator uses its own PRNG
 * (xoshiro256** seeded by splitmix64 from opts->seed), no global state, so
 * the same options give the same dataset, and the same saved bytes.
 * Cost: O(N + T) time and memory for N actors and T ties.
 * @param[out] out owned by the caller; set only on success.
 * @param opts NULL for defaults.
 * @param diags receives an error message for bad options (may be NULL).
 * @return 0, PN_EINVAL (options out of range) or PN_ENOMEM.
 */
PN_EXTERN int pn_generate(pn_dataset **out, const pn_generate_options *opts, pn_diags *diags);

#ifdef __cplusplus
}
#endif

#endif
