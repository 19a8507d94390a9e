/* paranet: an actor's partners and how far each relation climbed the
 * formalisation ladder (visit 1, loi 2, mou 3, sister-city 4, agreement 5;
 * pn_instrument_rung).
 *
 * A ladder tie counts as a step taken ("reached") when its status is signed,
 * implemented, active or ended, or when it gives no status (the study reports
 * it as a fact). A planned, stalled or failed ladder tie is an attempt. A rung
 * that was attempted with a stalled or failed tie and never reached blocks
 * the ladder: the relation's rung is the highest rung reached *below* the
 * lowest blocked rung, and steps reached above the block are reported apart
 * (`beyond_rung`). So Tangerang Selatan - Daejeon reads as the studies say:
 * visits (2014), LoI (2015), MoU friendship (2016) reached; the upgrade to a
 * sister city stalled; the R&D agreement signed in 2016 stands beyond the block.
 */
#ifndef PARANET_PARTNERS_H
#define PARANET_PARTNERS_H

#include <stdbool.h>
#include <stddef.h>

#include "paranet/common.h"
#include "paranet/dataset.h"
#include "paranet/error.h"
#include "paranet/graph.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Highest rung of the ladder (agreement). */
#define PN_RUNG_MAX 5

/** One partner of an actor and the relation between them. Ties are dataset indices. */
typedef struct pn_partner {
    size_t actor;       /**< the partner (actor index) */
    const size_t *ties; /**< every tie between the two in the graph, dataset order */
    size_t n_ties;
    int rung;           /**< rung climbed: the highest reached below any block; 0 none */
    size_t rung_tie;    /**< the tie that reached it (earliest), SIZE_MAX when rung is 0 */
    int blocked_rung;   /**< lowest rung attempted (stalled/failed), never reached; 0 none */
    size_t blocked_tie; /**< that attempt, or SIZE_MAX */
    int beyond_rung;    /**< highest rung reached above blocked_rung; 0 none */
    size_t beyond_tie;  /**< the tie that reached it, or SIZE_MAX */
    /** For each rung 1..5: the tie that shows it best (a reached one, earliest
     * first; else an attempt), or SIZE_MAX. step[0] is unused. */
    size_t step[PN_RUNG_MAX + 1];
    int first_year;           /**< earliest since among the ties; 0 when none is dated */
    int last_year;            /**< latest until, or since where no until; 0 when none is dated */
    const size_t *programmes; /**< ties with instrument programme, dataset order */
    size_t n_programmes;
} pn_partner;

/** The partners of one actor (opaque). */
typedef struct pn_partners pn_partners;

/**
 * The partners of an actor in a graph (both directions when it is directed),
 * sorted by rung (highest first), then by number of ties (most first), then
 * by actor id. O(d log d + T) for d partners and T ties of the actor.
 * @param[out] out owned by the caller (pn_partners_free); borrowed pointers
 * inside live as long as it.
 * @return 0, PN_ENOTFOUND when the actor is not in the graph (message in
 * diags), PN_ENOMEM or PN_EIGRAPH.
 */
PN_EXTERN int pn_partners_new(pn_partners **out, const pn_graph *g, size_t actor, pn_diags *diags);

/** Free a partner list. NULL is allowed. */
PN_EXTERN void pn_partners_free(pn_partners *p);

PN_EXTERN size_t pn_partners_count(const pn_partners *p);

/** The i-th partner (borrowed), or NULL when out of range. */
PN_EXTERN const pn_partner *pn_partners_get(const pn_partners *p, size_t i);

/** True for statuses that mean a step was taken: none given, signed, implemented, active, ended. */
PN_EXTERN bool pn_status_reached(pn_status status);

#ifdef __cplusplus
}
#endif

#endif
