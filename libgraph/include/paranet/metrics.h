/* paranet: metrics of actors and of whole networks (docs/metrics.md).
 *
 * Every metric is computed on a pn_graph, usually built from a view with
 * pn_view_graph, so the same view gives the same numbers everywhere. Per-actor
 * metrics fill one double per vertex, in vertex order (pn_graph_vertex_actor
 * maps a vertex to its actor). Where igraph has the metric, paranet calls it
 * with the conventions docs/metrics.md states; Burt's effective size and
 * Gould-Fernandez brokerage are paranet's own. pn_metric_vectors computes
 * several metrics at once, betweenness, closeness and harmonic in one
 * breadth-first sweep of paranet's own that gives igraph's numbers.
 * Randomised and ARPACK-based computations are seeded, so the same graph
 * always gives the same numbers.
 *
 * Weights: a graph built with PN_WEIGHT_COUNT or PN_WEIGHT_SUM carries tie
 * strengths. Strength, eigenvector, PageRank, hub, authority, constraint,
 * effective size and community use them; the path-based metrics
 * (betweenness, closeness, harmonic, diameter, mean path length) count hops
 * and ignore them, because a strength is not a distance.
 */
#ifndef PARANET_METRICS_H
#define PARANET_METRICS_H

#include <stdbool.h>
#include <stddef.h>

#include "paranet/common.h"
#include "paranet/error.h"
#include "paranet/graph.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Which actor attribute makes the groups of brokerage roles and assortativity. */
typedef enum pn_group_by {
    PN_GROUP_COUNTRY, /**< the actor's country code */
    PN_GROUP_KIND     /**< the actor's kind */
} pn_group_by;

/**
 * Options of pn_metric_vector_opts and pn_metric_vectors. Initialise with
 * PN_METRIC_OPTIONS_INIT: new fields are added at the end, and the
 * initialiser gives each its default.
 *
 * workers: 0 or 1 (the default) computes in this process. N > 1 splits
 * betweenness, closeness and harmonic over N forked worker processes (the
 * library has no threads); the other metrics ignore it. The results are
 * the same bits for any number of workers (betweenness is summed in exact
 * fixed point: docs/metrics.md, "Same bits for any number of workers"),
 * so `paranet metrics` uses one worker per online CPU. A graph under 2000
 * vertices is computed in process whatever the count (the forks would cost
 * more than they save), and no more than V / 64 and 256 workers are used.
 * The forks happen inside the call and are waited for before it returns;
 * do not use workers > 1 from a multi-threaded program (fork copies only
 * the calling thread).
 *
 * cutoff: 0 (the default) counts every shortest path. k > 0 makes
 * betweenness, closeness and harmonic consider only shortest paths of at
 * most k hops (igraph's _cutoff functions; docs/metrics.md gives the
 * definitions): betweenness counts the pairs at distance <= k, closeness
 * and harmonic see only the actors within k hops. Works with any number of
 * workers. Negative: PN_EINVAL.
 *
 * progress: called, when not NULL, by betweenness, closeness and harmonic
 * on a graph with vertices, with `what` the metric's name and `fraction`
 * from 0 (always called at the start) to 1 (always called at the end, also
 * when the metric fails); with workers, in between as the workers advance
 * (polled about every 10 ms). Always from the calling process. In process, paranet itself reports
 * only 0 and 1: igraph's own progress handler (igraph_set_progress_handler, process-wide, the
 * caller's business) reports the steps in between. Worker processes
 * switch igraph's handler off in themselves, so an application's handler
 * is never called from a worker. pn_metric_vectors reports its one sweep
 * of the three path metrics (see there).
 */
typedef struct pn_metric_options {
    pn_group_by groups; /**< groups for the brokerage roles (default: country) */
    int workers;        /**< processes for the path metrics; 0 or 1: in process (default) */
    int cutoff;         /**< path metrics: only paths of at most cutoff hops; 0: all (default) */
    /** Progress of long metrics, or NULL (default). Never called after the metric returns. */
    void (*progress)(void *ctx, const char *what, double fraction);
    void *progress_ctx; /**< passed to progress */
    /** Constraint, effective size and the brokerage roles cost more than
     * linear time on some graphs (docs/metrics.md, "Cost"): their steps are
     * estimated first, in linear time, and over max_work the metric is
     * refused with PN_ELIMIT and a message giving the estimate. 0: the
     * default, 2e9 (tens of seconds); negative: no limit. */
    double max_work;
    /** Groups by any actor attribute (pn_grouping_new: "country", "kind",
     * "region" or an extra field), for the brokerage roles, their z-scores
     * and ei; NULL (the default): by `groups`. */
    const char *group_attribute;
} pn_metric_options;

#define PN_METRIC_OPTIONS_INIT                                                                     \
    {                                                                                              \
        PN_GROUP_COUNTRY, 0, 0, NULL, NULL, 0, NULL                                                \
    }

/**
 * Number of per-actor metrics pn_metric_vector knows. Their names, in this
 * order: degree, ties, in-degree, out-degree, strength, in-strength, out-strength,
 * betweenness, closeness, harmonic, eigenvector, pagerank, hub, authority,
 * constraint, effective-size, coreness, component, community, coordinator,
 * itinerant, gatekeeper, representative, liaison, brokerage, ei,
 * coordinator-z, itinerant-z, gatekeeper-z, representative-z, liaison-z,
 * brokerage-z.
 */
PN_EXTERN size_t pn_metric_count(void);

/** The name of the i-th metric ("betweenness"), or NULL when i >= pn_metric_count(). Static. */
PN_EXTERN const char *pn_metric_name(size_t i);

/** A one-line meaning of the i-th metric, or NULL when out of range. Static. */
PN_EXTERN const char *pn_metric_meaning(size_t i);

/** True when the i-th metric is an integer count or label (degree, coreness, component...). */
PN_EXTERN bool pn_metric_is_integer(size_t i);

/** The index of a metric name. @return 0, or PN_ENOTFOUND. */
PN_EXTERN int pn_metric_find(const char *name, size_t *index);

/**
 * Compute one per-actor metric: out[v] for every vertex v of g
 * (pn_graph_vertex_count(g) entries, caller-allocated). "ties" is the
 * number of the graph's dataset ties at the actor: parallel ties merged
 * into one edge count each, an undirected tie once even in a directed
 * graph (where it is two arcs), in either direction; O(V + T). Brokerage roles
 * group actors by country (see pn_metric_vector_opts). A value that is
 * undefined is NaN: closeness of an actor that reaches nobody, constraint and
 * effective size of an isolated actor. Cost: see
 * docs/metrics.md; at most O(V E) (betweenness, closeness, harmonic).
 * @return 0, PN_EINVAL for an unknown name (the message lists the known
 * ones), PN_ENOMEM or PN_EIGRAPH.
 */
PN_EXTERN int pn_metric_vector(const pn_graph *g, const char *name, double *out, pn_diags *diags);

/**
 * As pn_metric_vector, with options (NULL for defaults): brokerage groups,
 * worker processes, a path cutoff and progress (pn_metric_options). With
 * workers > 1, the path metrics cost O(V E / workers) wall time plus 32 V
 * bytes of shared memory per worker. Betweenness, closeness and harmonic
 * come from paranet's engine (docs/metrics.md, "The path-metrics engine"),
 * within 1e-9 relative of igraph's (closeness the same bits); in process
 * paranet reports progress 0 and 1 and igraph's progress handler the steps
 * in between (igraph_progress). @return as pn_metric_vector, and
 * PN_EINVAL for a negative workers or cutoff, PN_EINTERNAL when a worker
 * process cannot start or fails (the message says which).
 */
PN_EXTERN int pn_metric_vector_opts(const pn_graph *g, const char *name,
                                    const pn_metric_options *opts, double *out, pn_diags *diags);

/**
 * Compute several per-actor metrics at once: out[i] (V doubles,
 * caller-allocated, distinct arrays) gets metric names[i], for i < n, with
 * the options of pn_metric_vector_opts (NULL for defaults). A name may be
 * given twice (computed once, copied).
 *
 * Betweenness, closeness and harmonic, whichever of them are asked for,
 * are computed in ONE sweep (docs/metrics.md, "Large views"): per source
 * s, one breadth-first search (following arcs when g is directed, stopped
 * at opts->cutoff hops when > 0) gives the distances from s, hence the
 * closeness and harmonic centrality of s, and Brandes' dependency
 * accumulation for betweenness (on an undirected graph without a cutoff,
 * over the core left when the pendant trees are folded); with
 * opts->workers > 1 the sources are split over forked processes, and the
 * parent sums. The conventions are pn_metric_vector_opts's (betweenness
 * unnormalised, halved on an undirected graph; closeness and harmonic
 * normalised, outgoing; hops, weights ignored; NaN closeness for an actor
 * that reaches nobody). Cost: O(C (C + E_C)) for the three together, for
 * the C vertices and E_C edges of the core (all of them when directed or
 * with a cutoff), divided by the workers in wall time, plus 32 V bytes of
 * shared memory per worker; the other metrics cost as
 * pn_metric_vector_opts, which computes them.
 *
 * Equality: every value is the same bits as pn_metric_vector_opts's, and
 * the same bits for any number of workers; within 1e-9 relative of
 * igraph's (tests/check_path_engine.c; docs/metrics.md bounds the error).
 *
 * progress (opts): called for the sweep only, with `what` the path metrics
 * asked for joined by ", " ("betweenness, closeness, harmonic", or just
 * "harmonic"): 0 at the start, 1 at the end (also when it fails) and, in
 * process, after every 1% of the sources (paranet's own loop: igraph's
 * progress handler is not called), with workers as the workers advance.
 * @return 0, PN_EINVAL for an unknown name (nothing computed), NULL names
 * or out with n > 0, or a negative workers or cutoff; PN_ENOMEM,
 * PN_EIGRAPH or PN_EINTERNAL as pn_metric_vector_opts. On an error the
 * arrays are partly written.
 */
PN_EXTERN int pn_metric_vectors(const pn_graph *g, const char *const *names, size_t n,
                                const pn_metric_options *opts, double *const *out, pn_diags *diags);

/* ---- Brokerage (Gould & Fernandez 1989) ---- */

/** The five brokerage roles of Gould & Fernandez (1989). */
typedef enum pn_broker_role {
    PN_BROKER_COORDINATOR,    /**< a, b, c in one group (w_I) */
    PN_BROKER_ITINERANT,      /**< a and c in one group, b in another (w_O, "consultant") */
    PN_BROKER_GATEKEEPER,     /**< b and c in one group, a in another (b_OI) */
    PN_BROKER_REPRESENTATIVE, /**< a and b in one group, c in another (b_IO) */
    PN_BROKER_LIAISON,        /**< a, b, c in three groups (b_O) */
    PN_BROKER_ROLE_COUNT
} pn_broker_role;

/**
 * Count the brokerage roles of every vertex b: the open two-paths a -> b -> c
 * (a != c, no tie a -> c) it stands on, classified by the groups of a, b and
 * c. On an undirected graph each tie counts both ways, so each open two-path
 * a - b - c counts twice (a -> b -> c and c -> b -> a).
 * @param[out] out V * PN_BROKER_ROLE_COUNT counts, out[v * PN_BROKER_ROLE_COUNT + role].
 * @param group group of each vertex (any integers; V entries).
 * O(sum over b of indeg(b) * outdeg(b) * log V): "a -> c?" is a binary search.
 * @return 0, PN_ENOMEM or PN_EIGRAPH.
 */
PN_EXTERN int pn_brokerage(const pn_graph *g, const int *group, double *out, pn_diags *diags);

/** The group of every vertex of g by country or kind (V entries, caller-allocated). */
PN_EXTERN void pn_graph_groups(const pn_graph *g, pn_group_by by, int *out);

/* ---- Group statistics (docs/metrics.md, "Groups") ---- */

/**
 * The actors of a graph in groups by one attribute. attribute is "country",
 * "kind", "region" or the name of an extra field of the actors (a key of
 * pn_dataset_extra's object): a string value is its text, a number its
 * shortest text ("3", "2.5"), true and false "true" and "false"; null, an
 * array or an object counts as no value. The actors without a value (no
 * region, no such field) make one group of their own, as "ZZ" (unknown) is
 * a country of its own.
 */
typedef struct pn_grouping {
    size_t count; /**< groups */
    int *group;   /**< group of each vertex, 0 .. count - 1 (V entries) */
    size_t *size; /**< actors in each group (count entries) */
    char **names; /**< each group's value, sorted bytewise; NULL for the group
                       without a value, which is then the last */
} pn_grouping;

/**
 * Group the vertices of g by an attribute (pn_grouping). O(V log V), plus
 * reading each actor's extra fields for a field.
 * @param[out] out owned by the caller: pn_grouping_free.
 * @return 0, PN_EINVAL for a NULL or empty attribute, PN_ENOTFOUND when no
 * actor of the graph has a value of the field (a message names it),
 * PN_ENOMEM.
 */
PN_EXTERN int pn_grouping_new(const pn_graph *g, const char *attribute, pn_grouping **out,
                              pn_diags *diags);

/** Free a grouping. NULL is allowed. */
PN_EXTERN void pn_grouping_free(pn_grouping *grouping);

/** Krackhardt & Stern's (1988) E-I index of ties between (E) and within (I) groups. */
typedef struct pn_ei {
    double internal; /**< I: ties within groups (overall); for a group, the ends of
                          its members on ties within it (2 per tie) */
    double external; /**< E: ties between groups (overall); for a group, its
                          members' ties to other groups */
    double ei;       /**< (E - I) / (E + I), from -1 (all within) to 1; NaN when E + I = 0 */
    double expected; /**< the index if every possible tie were there, the same as
                          its expectation when ties fall at random: from the group
                          sizes n_k of V actors, overall (P_E - P_I) / (P_E + P_I) with
                          P_I = sum n_k (n_k - 1) / 2 and P_E = V (V - 1) / 2 - P_I;
                          for a group (V - 2 n_k + 1) / (V - 1). NaN under 2 actors */
} pn_ei;

/**
 * The E-I index of g's ties (its edges: parallel ties merged; arcs when g is
 * directed, a mutual pair counting two) for a grouping of its vertices:
 * overall, per group and per actor. An actor's is (e - i) / (e + i) over
 * the ties at it, e to other groups, i within its own (NaN when isolated);
 * a group's sums its members' ends, as the group rows of UCINET's E-I do.
 * Loops are left out. O(V + E).
 * @param overall, per_group (groups->count entries), per_actor (V doubles):
 *        each may be NULL.
 * @return 0 or PN_ENOMEM.
 */
PN_EXTERN int pn_ei_index(const pn_graph *g, const pn_grouping *groups, pn_ei *overall,
                          pn_ei *per_group, double *per_actor, pn_diags *diags);

/**
 * Expected counts of the brokerage roles and their standard deviations
 * when group memberships are assigned at random and ties are independent
 * with probability `density` (Gould & Fernandez 1989), the formulas of R
 * sna's brokerage(): for one actor of each group (group_exp, group_sd: k
 * rows of PN_BROKER_ROLE_COUNT + 1, the last column the total of the five
 * roles) and for the whole network (total_exp, total_sd:
 * PN_BROKER_ROLE_COUNT + 1 entries). Roles in pn_broker_role order. n: the
 * actors; sizes: the k group sizes (summing to n). Any output may be NULL.
 * O(k).
 * @return 0, or PN_EINVAL when the sizes do not sum to n.
 */
PN_EXTERN int pn_brokerage_expected(size_t n, double density, const size_t *sizes, size_t k,
                                    double *group_exp, double *group_sd, double *total_exp,
                                    double *total_sd);

/** The brokerage roles of a whole network against their null model. Index:
 * pn_broker_role, and PN_BROKER_ROLE_COUNT for the total of the five. */
typedef struct pn_brokerage_totals {
    double count[PN_BROKER_ROLE_COUNT + 1];    /**< open two-paths in each role */
    double expected[PN_BROKER_ROLE_COUNT + 1]; /**< pn_brokerage_expected's total_exp */
    double sd[PN_BROKER_ROLE_COUNT + 1];       /**< its total_sd */
    double z[PN_BROKER_ROLE_COUNT + 1];        /**< (count - expected) / sd; NaN when sd is 0 */
} pn_brokerage_totals;

/**
 * The brokerage roles summed over every actor of g, with the groups of opts
 * (NULL: by country; group_attribute or groups) and their expected values
 * under random assignment of groups at g's density (sna's raw.gli,
 * exp.gli, sd.gli, z.gli). Cost as the brokerage metrics, refused over
 * opts->max_work. @return 0, PN_ELIMIT, PN_ENOTFOUND (pn_grouping_new),
 * PN_ENOMEM or PN_EIGRAPH.
 */
PN_EXTERN int pn_brokerage_network(const pn_graph *g, const pn_metric_options *opts,
                                   pn_brokerage_totals *out, pn_diags *diags);

/** How pn_assortativity_by reads an attribute. */
typedef enum pn_assort_kind {
    PN_ASSORT_AUTO,    /**< numeric when every value of the field is a number, else nominal */
    PN_ASSORT_NOMINAL, /**< categories (pn_grouping) */
    PN_ASSORT_NUMERIC  /**< numbers: an extra field whose values are all numbers */
} pn_assort_kind;

/**
 * Newman's (2003) assortativity of g by an actor attribute. Nominal: r of
 * the categories of pn_grouping (igraph_assortativity_nominal, normalised),
 * actors without a value one category. Numeric: the Pearson correlation of
 * the values at the two ends of the edges (igraph_assortativity,
 * normalised; source and target values when directed), over the actors with
 * a value and the edges between them. NaN without edges or when undefined
 * (one category, equal values). O(V + E).
 * @param[out] used the kind applied (may be NULL).
 * @return 0, PN_EINVAL (NULL or empty attribute; numeric asked of country,
 * kind, region or of a field with a value that is not a number: a message
 * names it), PN_ENOTFOUND (no actor has the field), PN_ENOMEM, PN_EIGRAPH.
 */
PN_EXTERN int pn_assortativity_by(const pn_graph *g, const char *attribute, pn_assort_kind kind,
                                  double *r, pn_assort_kind *used, pn_diags *diags);

/* ---- Network-level metrics ---- */

/** Whole-network figures of a graph (docs/metrics.md, "Network"). NaN where undefined. */
typedef struct pn_network_metrics {
    size_t actors;       /**< vertices */
    size_t ties;         /**< dataset ties in the graph (parallel ties counted each) */
    size_t edges;        /**< pairs joined (parallel ties merged); arcs when directed */
    double density;      /**< edges / possible edges, no loops */
    size_t components;   /**< weakly connected components (isolates count) */
    double diameter;     /**< longest shortest path between connected actors, in hops */
    double mean_path;    /**< mean shortest path over connected ordered pairs, in hops */
    double transitivity; /**< global clustering: 3 triangles / connected triples, undirected */
    double assortativity_kind;    /**< nominal assortativity of actor kinds */
    double assortativity_country; /**< nominal assortativity of actor countries */
    size_t communities;           /**< communities found by multilevel (Louvain), seed 42 */
    double modularity;            /**< modularity of that partition (resolution 1) */
    /** Freeman's (1979) degree centralization, normalised: sum over actors of
     * (max degree - degree) / (V - 1)(V - 2), twice that when directed
     * (degree = in + out); igraph_centralization_degree. NaN under 3 actors. */
    double degree_centralization;
    /** Freeman's betweenness centralization, normalised: sum of (max - b_i)
     * over the unnormalised betweenness / (V - 1)^2 (V - 2) / 2, without
     * the halving when directed; igraph_centralization_betweenness. NaN
     * under 3 actors. */
    double betweenness_centralization;
} pn_network_metrics;

/** Compute the network-level figures. O(V E). @return 0, PN_ENOMEM or PN_EIGRAPH. */
PN_EXTERN int pn_network_metrics_compute(const pn_graph *g, pn_network_metrics *out,
                                         pn_diags *diags);

/* ---- One actor's ego network ---- */

/**
 * How far the ties of a graph gather on one actor (docs/metrics.md, "Ego
 * networks"). When most ties touch one actor, the view is largely that
 * actor's ego network (as when the sources are studies of it): its
 * centrality and brokerage are high by construction.
 */
typedef struct pn_ego_dominance {
    size_t ties;     /**< the graph's ties (as pn_network_metrics.ties) */
    size_t vertex;   /**< the vertex most ties touch (the first in vertex order on a
                          tie), SIZE_MAX when the graph has no tie */
    size_t touching; /**< the ties at that vertex (its "ties" metric) */
    size_t partners; /**< its distinct neighbours, in either direction */
    /** More than 80% of the ties touch the vertex (5 touching > 4 ties) and it
     * has at least two partners (one pair alone is no ego network). */
    bool dominant;
} pn_ego_dominance;

/** Compute pn_ego_dominance of g. O(V + T). @return 0, PN_ENOMEM or PN_EIGRAPH. */
PN_EXTERN int pn_ego_dominance_compute(const pn_graph *g, pn_ego_dominance *out, pn_diags *diags);

#ifdef __cplusplus
}
#endif

#endif
