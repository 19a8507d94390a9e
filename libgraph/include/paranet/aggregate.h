/* paranet: networks of groups of actors (docs/aggregate.md, docs/metrics.md).
 *
 * The actors of a view are put into groups by one attribute (their country,
 * kind or region). pn_aggregate gives the quotient network as a dataset of
 * its own, one actor per group; pn_mixing_new gives the group x group mixing
 * matrix, observed and expected tie counts, as plain arrays.
 *
 * Groups, in the order both give them: by country, by code ("ZZ", the
 * unknown country, sorts last); by kind, in the vocabulary's order; by
 * region, by country code and then the region's bytes, each country's actors
 * without a region in a group of their own after its regions. A group's id
 * is "country-de", "kind-city", "region-de-bayern" (the region folded to
 * [a-z0-9-]; "region-fr-unknown" for no region; "-2", "-3" after an id
 * already taken). Only groups that hold an actor of the view exist.
 */
#ifndef PARANET_AGGREGATE_H
#define PARANET_AGGREGATE_H

#include <stddef.h>

#include "paranet/common.h"
#include "paranet/dataset.h"
#include "paranet/error.h"
#include "paranet/view.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The attribute that groups actors. */
typedef enum pn_aggregate_by {
    PN_AGGREGATE_COUNTRY, /**< the country code; ZZ is the unknown group */
    PN_AGGREGATE_KIND,    /**< the kind (every actor has one) */
    PN_AGGREGATE_REGION   /**< the country and region; no region: the country's unknown group */
} pn_aggregate_by;

/** "country", "kind", "region" (the value of the format's `aggregate` field). */
PN_EXTERN const char *pn_aggregate_by_name(pn_aggregate_by by);

/** Parse "country", "kind" or "region". @return 0, or PN_EINVAL. */
PN_EXTERN int pn_aggregate_by_parse(const char *name, pn_aggregate_by *out);

/** What pn_aggregate made of the view. */
typedef struct pn_aggregate_stats {
    size_t groups;     /**< actors of the aggregate */
    size_t actors;     /**< actors of the view */
    size_t unknown;    /**< of them, without the attribute (country ZZ, no region) */
    size_t ties;       /**< ties of the view */
    size_t between;    /**< of them, between two groups: the sum of the aggregate's weights */
    size_t within;     /**< of them, inside one group: the sum of the groups' internal_ties */
    size_t aggregated; /**< ties of the aggregate */
} pn_aggregate_stats;

/**
 * The quotient network of a view as a new dataset (docs/aggregate.md):
 * - `aggregate` is the attribute's name; the title is ds's with ", by
 *   country" after it; the description, the dataset's unknown fields and
 *   every source are ds's;
 * - one actor per group: its id and name (the country's English name, the
 *   kind, the region), its kind (by kind that kind; else the kind most of
 *   its actors have, the first in the vocabulary's order on equal counts),
 *   its country (by country and region the group's; by kind the one its
 *   actors share, else ZZ), its region (by region), and the unknown fields
 *   `actors` (how many actors of the view it holds), `internal_ties` (the
 *   view's ties inside it: a tie cannot join an actor to itself) and, when
 *   there are any, `internal_types` (those ties by type, {"horizontal": 3});
 * - one tie per pair of groups, type and direction (an undirected tie
 *   joins the pair in the groups' order): its `weight` is the number of the
 *   view's ties it stands for, its `sources` the sources they cite, each
 *   once in order of first citation (pages left out), in the order of the
 *   groups, then the type, undirected first.
 * O(A log A + T log T) for the view's A actors and T ties.
 * @param view NULL: every actor and tie (the default view).
 * @param stats may be NULL.
 * @param[out] out owned by the caller.
 * @return 0, as pn_view_select (an unknown ego), or PN_ENOMEM.
 */
PN_EXTERN int pn_aggregate(pn_dataset **out, const pn_dataset *ds, const pn_view *view,
                           pn_aggregate_by by, pn_aggregate_stats *stats, pn_diags *diags);

/**
 * The group x group mixing matrix of a view's ties (docs/metrics.md,
 * "Mixing"), in plain arrays for tables and charts. Ties are undirected
 * here, and each counts once, parallel ties each: with m the view's ties and
 * d_i the ends of ties at actors of group i (sum 2m):
 * - observed[i * n + j] = observed[j * n + i]: the ties between groups i and
 *   j (i != j); observed[i * n + i]: the ties inside group i. The cells with
 *   i <= j sum to m;
 * - expected[i * n + j]: their expected number under random mixing, the
 *   configuration model (Newman 2003, "Mixing patterns in networks", Phys.
 *   Rev. E 67, 026126: e_ij = a_i a_j with a_i = d_i / 2m): d_i d_j / (2m)
 *   for i != j, d_i^2 / (4m) for i == j; 0 when m is 0. The cells with
 *   i <= j sum to m as well.
 */
typedef struct pn_mixing {
    pn_aggregate_by by;
    size_t n;           /**< groups */
    const char **ids;   /**< per group: "country-de" (pn_aggregate's actor ids) */
    const char **names; /**< per group: "Germany", "city", "Bayern" */
    size_t *actors;     /**< per group: actors of the view */
    double *degree;     /**< per group: d_i, tie ends at its actors */
    double *observed;   /**< n * n, row-major, symmetric */
    double *expected;   /**< n * n, row-major, symmetric */
    size_t ties;        /**< m */
    size_t unknown;     /**< actors of the view without the attribute */
} pn_mixing;

/**
 * Compute the mixing matrix of a view by an attribute; the groups are
 * pn_aggregate's, in its order. O(A log A + T + n^2).
 * @param view NULL: the default view.
 * @param[out] out owned by the caller (pn_mixing_free); its arrays live as long.
 * @return 0, as pn_view_select, or PN_ENOMEM.
 */
PN_EXTERN int pn_mixing_new(pn_mixing **out, const pn_dataset *ds, const pn_view *view,
                            pn_aggregate_by by, pn_diags *diags);

/** Free a mixing matrix. NULL is allowed. */
PN_EXTERN void pn_mixing_free(pn_mixing *mixing);

#ifdef __cplusplus
}
#endif

#endif
