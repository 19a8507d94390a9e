/* paranet: an actor's partners and how far each foreign relation climbed the
 * formalisation ladder (visit 1, loi 2, mou 3, sister-city 4, agreement 5;
 * pn_instrument_rung).
 *
 * The ladder is for foreign government-to-government relations: the actor
 * and the partner are governments (pn_kind_is_government), not known to be
 * in one country (their codes differ, or one is ZZ: a g2g tie says it crosses
 * countries), and the rungs are their g2g ties. Every other partner (a
 * university, a firm, an organisation, a ministry or city of the same country)
 * has no rung (`on_ladder` false, `off_ladder` the reason) and is listed after
 * the ladder partners.
 *
 * A ladder tie counts as a step taken ("reached") when its status is signed,
 * implemented, active or ended, or when it gives no status (the study reports
 * it as a fact). A planned, stalled or failed ladder tie is an attempt. A rung
 * that was attempted with a stalled or failed tie and never reached blocks
 * the ladder: the relation's rung is the highest rung reached *below* the
 * lowest blocked rung, and steps reached above the block are reported apart
 * (`beyond_rung`). A planned attempt does not block.
 *
 * In a view by time (pn_view at, from_year/to_year), the ladder sees every
 * rung of the pair that the view keeps apart from time, not only the ties in
 * force: the rungs in force (PN_WHEN_IN_FORCE), the undated ones
 * (PN_WHEN_UNDATED: their time is unknown, so they count as in the whole
 * dataset), and those dated by the view's last year but not in force in its
 * years (PN_WHEN_NOT_IN_FORCE: an earlier visit, an ended MoU, a plan) all
 * count; rungs that start after the view's years (PN_WHEN_LATER) do not. So
 * a rung without a year never disappears from the reading (docs/partners.md).
 */
#ifndef PARANET_PARTNERS_H
#define PARANET_PARTNERS_H

#include <stdbool.h>
#include <stddef.h>

#include "paranet/common.h"
#include "paranet/dataset.h"
#include "paranet/error.h"
#include "paranet/graph.h"
#include "paranet/view.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Highest rung of the ladder (agreement). */
#define PN_RUNG_MAX 5

/** Why a partner is not on the ladder. */
typedef enum pn_off_ladder {
    PN_LADDER_ON = 0,         /**< on the ladder: a foreign g2g relation */
    PN_LADDER_NOT_GOVERNMENT, /**< the actor or the partner is not a government */
    PN_LADDER_SAME_COUNTRY,   /**< two governments of one country */
    PN_LADDER_NO_G2G          /**< two foreign governments without a g2g tie */
} pn_off_ladder;

/** When a ladder tie stands in a view by time (pn_partners_when). */
typedef enum pn_partner_when {
    PN_WHEN_IN_FORCE = 0, /**< in force in the view's years, or the view is not by time */
    PN_WHEN_UNDATED,      /**< no since: its time is unknown; counted */
    PN_WHEN_NOT_IN_FORCE, /**< since by the view's last year, not in force in its years; counted */
    PN_WHEN_LATER         /**< since after the view's years: not counted */
} pn_partner_when;

/** One partner of an actor and the relation between them. Ties are dataset indices. */
typedef struct pn_partner {
    size_t actor;       /**< the partner (actor index) */
    const size_t *ties; /**< every tie between the two in the graph, dataset order */
    size_t n_ties;
    bool on_ladder;                 /**< a foreign g2g relation: the rung fields apply */
    pn_off_ladder off_ladder;       /**< why not, when on_ladder is false */
    unsigned types;                 /**< PN_BIT(pn_tie_type) of the types among ties */
    size_t n_basis[PN_BASIS_COUNT]; /**< ties by basis (n_basis[PN_BASIS_REPORTED] ...) */
    /** The pair's g2g ties with a ladder instrument that the ladder saw, dataset
     * order: in a view by time also those the view leaves out for their time
     * alone (pn_partners_when); empty when not on the ladder. */
    const size_t *ladder_ties;
    size_t n_ladder_ties;
    int rung;           /**< rung climbed: the highest reached below any block; 0 none */
    size_t rung_tie;    /**< the tie that reached it (earliest), SIZE_MAX when rung is 0 */
    int blocked_rung;   /**< lowest rung attempted (stalled/failed), never reached; 0 none */
    size_t blocked_tie; /**< that attempt, or SIZE_MAX */
    int beyond_rung;    /**< highest rung reached above blocked_rung; 0 none */
    size_t beyond_tie;  /**< the tie that reached it, or SIZE_MAX */
    /** For each rung 1..5: the tie that shows it best (a reached one, earliest
     * first; else an attempt), or SIZE_MAX. step[0] is unused. */
    size_t step[PN_RUNG_MAX + 1];
    int first_year; /**< earliest since among the ties; 0 when none is dated */
    int last_year;  /**< latest until, or since where no until; 0 when none is dated */
    /** A standing rung (not pn_instrument_is_event) counted by the ladder is
     * still in force at the end: status active, signed or none, and no until.
     * The relation's years run to the present. */
    bool ongoing;
    size_t ongoing_tie;       /**< that rung (the highest such), or SIZE_MAX */
    const size_t *programmes; /**< ties with instrument programme, dataset order */
    size_t n_programmes;
} pn_partner;

/** The partners of one actor (opaque). */
typedef struct pn_partners pn_partners;

/**
 * The partners of an actor in a graph (both directions when it is directed):
 * first the partners on the ladder, sorted by rung (highest first), then by
 * number of ties (most first), then by actor id; then the others, by number
 * of ties, then id. The ladder sees the graph's ties only; pn_partners_new_view
 * takes the view. O(d log d + T) for d partners and T ties of the actor.
 * @param[out] out owned by the caller (pn_partners_free); borrowed pointers
 * inside live as long as it.
 * @return 0, PN_ENOTFOUND when the actor is not in the graph (message in
 * diags), PN_ENOMEM or PN_EIGRAPH.
 */
PN_EXTERN int pn_partners_new(pn_partners **out, const pn_graph *g, size_t actor, pn_diags *diags);

/**
 * The same for the graph of `view` (pn_view_graph): in a view by time the
 * ladder also sees the pair's rungs that the view leaves out for their time
 * alone, each as pn_partners_when says. NULL view: pn_partners_new. O(T + A)
 * more for a view by time.
 * @return as pn_partners_new.
 */
PN_EXTERN int pn_partners_new_view(pn_partners **out, const pn_graph *g, const pn_view *view,
                                   size_t actor, pn_diags *diags);

/** Free a partner list. NULL is allowed. */
PN_EXTERN void pn_partners_free(pn_partners *p);

PN_EXTERN size_t pn_partners_count(const pn_partners *p);

/** The i-th partner (borrowed), or NULL when out of range. */
PN_EXTERN const pn_partner *pn_partners_get(const pn_partners *p, size_t i);

/** When a ladder tie stands in the view of p; PN_WHEN_IN_FORCE when it is not by time. */
PN_EXTERN pn_partner_when pn_partners_when(const pn_partners *p, size_t tie);

/** True for statuses that mean a step was taken: none given, signed, implemented, active, ended. */
PN_EXTERN bool pn_status_reached(pn_status status);

#ifdef __cplusplus
}
#endif

#endif
