/* paranet: views, the one way every analysis and diagram selects ties.
 *
 * A view filters ties by type, status, instrument, sector and time, actors by
 * kind and country, and can cut an ego network; it also says whether the
 * graph is directed and how parallel ties are weighted. The same view gives
 * the same selection in the library, the CLI, metrics, paths and diagrams.
 */
#ifndef PARANET_VIEW_H
#define PARANET_VIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "paranet/common.h"
#include "paranet/dataset.h"
#include "paranet/error.h"
#include "paranet/graph.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A bit for each value of a vocabulary: PN_BIT(PN_TYPE_G2G) | PN_BIT(PN_TYPE_B2B). */
#define PN_BIT(value) (1u << (unsigned)(value))

/** A selection of ties and actors. Initialise with PN_VIEW_INIT; 0 and NULL mean "all". */
typedef struct pn_view {
    unsigned types;             /**< PN_BIT(pn_tie_type) mask of tie types kept; 0: all */
    unsigned statuses;          /**< mask of statuses kept; 0 and no status_none: all */
    bool status_none;           /**< also keep ties that give no status (alone: only those) */
    unsigned instruments;       /**< mask of instruments kept; 0: all. A tie with none is dropped */
    unsigned kinds;             /**< mask of actor kinds kept; 0: all */
    const char *const *sectors; /**< keep ties with at least one of these sectors; NULL: all */
    size_t n_sectors;
    const char *const *countries; /**< keep actors of these countries; NULL: all */
    size_t n_countries;
    int at;        /**< keep ties in force in this year (see docs/views.md); 0: any time */
    int from_year; /**< keep ties in force at some time in [from_year, to_year]; 0: any */
    int to_year;
    const char *ego;    /**< keep actors within `radius` hops of this actor id; NULL: all */
    int radius;         /**< hops for ego (default 1) */
    bool drop_isolates; /**< drop actors left without any tie */
    bool directed;      /**< directed ties one way, undirected ones both ways */
    pn_weight_mode weight;
    /** PN_BIT(pn_basis) mask of the bases kept; 0: the default, PN_VIEW_BASES_DEFAULT
     * (reported and inferred ties: what a study recommends or a party proposes is not a
     * relation, so it is left out unless asked for) */
    unsigned bases;
    /** keep ties without a `since` in views by time (at, from_year/to_year), which
     * otherwise leave them out: their start is unknown */
    bool keep_undated;
} pn_view;

/** The bases a view keeps by default: reported and inferred. */
#define PN_VIEW_BASES_DEFAULT (PN_BIT(PN_BASIS_REPORTED) | PN_BIT(PN_BASIS_INFERRED))

/** Every basis: a view that keeps all ties, whatever they rest on (--basis all). */
#define PN_VIEW_BASES_ALL ((1u << PN_BASIS_COUNT) - 1)

#define PN_VIEW_INIT                                                                               \
    {                                                                                              \
        0, 0, false, 0, 0, NULL, 0, NULL, 0, 0, 0, 0, NULL, 1, false, false, PN_WEIGHT_NONE, 0,    \
            false                                                                                  \
    }

/** True when the view keeps ties of this basis (view->bases, or the default). */
PN_EXTERN bool pn_view_keeps_basis(const pn_view *view, pn_basis basis);

/**
 * The number of ties the view leaves out for their basis alone: ties that
 * every other filter of the view keeps. What a command says on stderr
 * ("3 recommended ties left out; --basis all keeps them"). O(T).
 */
PN_EXTERN size_t pn_view_basis_dropped(const pn_dataset *ds, const pn_view *view);

/**
 * The number of ties a view by time leaves out for having no `since`
 * alone (ties every other filter of the view keeps), and 0 when the view is
 * not by time or keeps undated ties. What a command says on stderr. O(T).
 */
PN_EXTERN size_t pn_view_undated_dropped(const pn_dataset *ds, const pn_view *view);

/**
 * Select ties and actors. The masks are caller-allocated, tie_count and
 * actor_count entries. O(T + A) plus a BFS for ego views.
 * @return 0, PN_ENOTFOUND when the ego actor does not exist (a message in
 * diags), or PN_ENOMEM.
 */
PN_EXTERN int pn_view_select(const pn_dataset *ds, const pn_view *view, bool *tie_mask,
                             bool *actor_mask, pn_diags *diags);

/** Select and build the graph of a view in one step. @return as pn_view_select and pn_graph_new. */
PN_EXTERN int pn_view_graph(pn_graph **out, const pn_dataset *ds, const pn_view *view,
                            pn_diags *diags);

/**
 * One view in a series of years (a yearly panel, `paranet metrics --over`):
 * the graphs of the view in force in each year, built from one sorted list
 * of the arcs of the view's ties (docs/metrics.md, "Panels"), so that a
 * year's graph costs the year's selection and a pass over that list, not a
 * sort. Not for use from two threads at once (it holds the year's masks).
 */
typedef struct pn_view_series pn_view_series;

/**
 * Prepare the series of a view: its `at` is ignored; its other filters,
 * from_year/to_year included, apply to every year. ds and the lists the
 * view points to must outlive the series. O(T log T) once.
 * @param[out] out owned by the caller (pn_view_series_free).
 * @return as pn_view_select, or PN_ENOMEM.
 */
PN_EXTERN int pn_view_series_new(pn_view_series **out, const pn_dataset *ds, const pn_view *view,
                                 pn_diags *diags);

/**
 * The graph of the series' view in `year` (1 to 9999): the same graph as
 * pn_view_graph of the view with at = year, vertex for vertex and edge for
 * edge, so its metrics are the same numbers. O(T + A) plus igraph_create.
 * @param[out] out owned by the caller. @return as pn_view_graph.
 */
PN_EXTERN int pn_view_series_graph(pn_graph **out, pn_view_series *series, int year,
                                   pn_diags *diags);

/** Free a series. NULL is allowed. */
PN_EXTERN void pn_view_series_free(pn_view_series *series);

/**
 * The view's actors and ties as a new dataset: the title, description and
 * every source of ds, the actors the view keeps and the ties between them,
 * each with its unknown fields, in the order of ds. It is what `paranet
 * convert --at 2016` writes and what `info` with a view counts. Tie
 * directions are the dataset's: view->directed and view->weight shape
 * graphs, not records. O(T + A) plus the copies.
 * @param[out] out owned by the caller.
 * @return as pn_view_select, or PN_ENOMEM.
 */
PN_EXTERN int pn_view_subset(pn_dataset **out, const pn_dataset *ds, const pn_view *view,
                             pn_diags *diags);

/**
 * Describe a view in one line for output headers, e.g.
 * "types=g2g,horizontal at=2016 directed weight=count", or "all ties". The
 * basis is named when view->bases is set ("basis=reported,inferred" for
 * PN_VIEW_BASES_DEFAULT given explicitly; "basis=all").
 * @return the length needed, as snprintf.
 */
PN_EXTERN int pn_view_describe(const pn_view *view, char *buf, size_t size);

#ifdef __cplusplus
}
#endif

#endif
