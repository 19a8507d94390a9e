/* paranet: change over time (docs/timeline.md).
 *
 * Per year, the ties of a view that start, end and are in force, by group
 * (tie type, instrument, status or country), and an actor's ties as a dated
 * sequence. Time is read by the one rule of every view by time, pn_tie_span
 * (docs/views.md, "Time"): a planned or failed tie is never in force, a tie
 * without since has no known span, an event is in force in its own year.
 * So the ties in force in year Y are exactly the ties the view `at = Y`
 * keeps (with the same keep_undated). Nothing is dropped silently: undated
 * ties and ties never in force are counted per group.
 */
#ifndef PARANET_TIMELINE_H
#define PARANET_TIMELINE_H

#include <stdbool.h>
#include <stddef.h>

#include "paranet/common.h"
#include "paranet/dataset.h"
#include "paranet/error.h"
#include "paranet/view.h"

#ifdef __cplusplus
extern "C" {
#endif

/** What the ties of a timeline are grouped by. */
typedef enum pn_timeline_by {
    PN_TIMELINE_ALL,        /**< one group, "all" */
    PN_TIMELINE_TYPE,       /**< the tie type ("g2g"), vocabulary order */
    PN_TIMELINE_INSTRUMENT, /**< the instrument, vocabulary order, "none" last */
    PN_TIMELINE_STATUS,     /**< the status, vocabulary order, "none" last */
    PN_TIMELINE_COUNTRY     /**< the ends' countries (see home), by code */
} pn_timeline_by;

/** Options of pn_timeline_new. Initialise with PN_TIMELINE_OPTIONS_INIT. */
typedef struct pn_timeline_options {
    /** The ties counted: every filter of the view but time, which instead sets
     * the years listed: at = Y lists Y alone, from_year/to_year those years;
     * neither: from the first start to the last start or end in the data.
     * keep_undated: undated ties are counted in force in every year, as the
     * view at = Y would keep them (they never start or end). Strings borrowed. */
    pn_view view;
    pn_timeline_by by;
    /** PN_TIMELINE_COUNTRY: a tie with one end in this country (ISO code) is
     * grouped by the other end's country ("FR"), a tie with both ends in it
     * by that code; NULL, or a tie with neither end in it: the pair of
     * codes, sorted ("DE-FR"), one code when both ends share it. */
    const char *home;
} pn_timeline_options;

#define PN_TIMELINE_OPTIONS_INIT                                                                   \
    {                                                                                              \
        PN_VIEW_INIT, PN_TIMELINE_ALL, NULL                                                        \
    }

/** The counts of one group in one year. */
typedef struct pn_timeline_count {
    size_t started;  /**< ties whose span starts this year */
    size_t ended;    /**< ties whose span ends this year (open ones never end) */
    size_t in_force; /**< ties in force this year */
} pn_timeline_count;

typedef struct pn_timeline pn_timeline;

/**
 * Count the ties of a view per year and group. O(T + A + G * Y) for T ties,
 * A actors, G groups and Y years (plus the ego's walk, as pn_view_select).
 * @param opts NULL for the defaults (every tie, one group, the data's years).
 * @param[out] out owned by the caller (pn_timeline_free).
 * @return 0; PN_EINVAL for a bad by, home or year range (to before from), with
 * a message; PN_ENOTFOUND for an unknown ego (as pn_view_select); PN_ENOMEM.
 */
PN_EXTERN int pn_timeline_new(pn_timeline **out, const pn_dataset *ds,
                              const pn_timeline_options *opts, pn_diags *diags);

/** Free a timeline. NULL is allowed. */
PN_EXTERN void pn_timeline_free(pn_timeline *tl);

/** The first and last year listed; both 0 when there is none (no dated tie). */
PN_EXTERN int pn_timeline_first_year(const pn_timeline *tl);
PN_EXTERN int pn_timeline_last_year(const pn_timeline *tl);

/** The groups with at least one tie, in the order of pn_timeline_by. */
PN_EXTERN size_t pn_timeline_group_count(const pn_timeline *tl);
/** A group's name ("g2g", "none", "FR", "DE-FR", "all"), borrowed; NULL out of range. */
PN_EXTERN const char *pn_timeline_group_name(const pn_timeline *tl, size_t group);

/** The counts of a group in a year; all zero out of range. O(1). */
PN_EXTERN pn_timeline_count pn_timeline_count_at(const pn_timeline *tl, size_t group, int year);

/** A group's ties: every one the view keeps (dated, undated, never in force). */
PN_EXTERN size_t pn_timeline_ties(const pn_timeline *tl, size_t group);
/** A group's ties without since (no known span; pn_tie_span 0). */
PN_EXTERN size_t pn_timeline_undated(const pn_timeline *tl, size_t group);
/** A group's planned or failed ties, never in force (pn_tie_span -1). */
PN_EXTERN size_t pn_timeline_never(const pn_timeline *tl, size_t group);

/** What an entry of an actor's sequence says about its tie. */
typedef enum pn_timeline_mark {
    PN_MARK_START,   /**< the tie's span starts in year (and ends later or is open) */
    PN_MARK_END,     /**< the tie's span ends in year (it started earlier) */
    PN_MARK_ONCE,    /**< in force in year alone: an event, or a tie that took place */
    PN_MARK_NEVER,   /**< planned or failed: never in force; year is its since, or 0 */
    PN_MARK_UNDATED, /**< no since: year 0 */
    PN_MARK_COUNT
} pn_timeline_mark;

/** One entry of an actor's dated sequence. */
typedef struct pn_timeline_event {
    int year;              /**< 0: no year (undated, or never in force without since) */
    size_t tie;            /**< dataset index */
    size_t partner;        /**< the tie's other end (actor index) */
    pn_timeline_mark mark; /**< what happens in year */
} pn_timeline_event;

/** "start", "end", "once", "never", "undated"; NULL out of range. Static. */
PN_EXTERN const char *pn_timeline_mark_name(pn_timeline_mark mark);

/**
 * An actor's ties as a dated sequence: for each tie of `actor` that the view
 * keeps apart from time (self-ties left out), a START entry and, when it ends
 * in a later year, an END entry; a ONCE entry when it starts and ends in one
 * year; a NEVER or UNDATED entry otherwise. In a view by time, dated ties not
 * in force in its years are left out; undated and never-in-force ones are
 * always listed. Sorted by year (entries without one last), then tie order,
 * a START before its END. O(T log T).
 * @param[out] out a malloc'd array owned by the caller (free()), NULL when
 * empty. @param[out] n its length.
 * @return 0; PN_EINVAL for an actor out of range; PN_ENOTFOUND for an
 * unknown ego; PN_ENOMEM.
 */
PN_EXTERN int pn_timeline_actor(pn_timeline_event **out, size_t *n, const pn_dataset *ds,
                                const pn_view *view, size_t actor, pn_diags *diags);

#ifdef __cplusplus
}
#endif

#endif
