/* paranet: the in-memory dataset (sources, actors, ties).
 *
 * A pn_dataset owns everything in it. Records are read through borrowed
 * const pointers, valid until the dataset is freed or changed. Actors,
 * ties and sources keep the order of the file. Records are added with
 * pn_dataset_add_*, which copy what they are given.
 */
#ifndef PARANET_DATASET_H
#define PARANET_DATASET_H

#include <stdbool.h>
#include <stddef.h>

#include "paranet/common.h"
#include "paranet/vocab.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct pn_dataset pn_dataset;

/** A date as precise as the source gives it. year 0: no date. month, day 0: not given. */
typedef struct pn_date {
    int year;
    int month;
    int day;
} pn_date;

/** A citation: a source (index into the dataset's sources) and where in it, or NULL. */
typedef struct pn_ref {
    size_t source;
    const char *page;
} pn_ref;

/** A citable study. */
typedef struct pn_source {
    const char *id;   /**< [a-z0-9_-]+, unique among sources */
    const char *cite; /**< full citation */
    const char *url;  /**< or NULL */
    int year;         /**< 0 when not given */
} pn_source;

/** An actor: a government, firm, university or organisation. */
typedef struct pn_actor {
    const char *id;   /**< [a-z0-9_-]+, unique among actors */
    const char *name; /**< display name, any script */
    pn_kind kind;
    char country[3]; /**< ISO 3166-1 alpha-2, or "ZZ" for unknown */
    const char *const *aliases;
    size_t n_aliases;
    const char *region; /**< or NULL */
    const char *note;   /**< or NULL */
    const pn_ref *sources;
    size_t n_sources;
    /** The actor's place (its seat, for one that is not a place), on WGS 84,
     * in decimal degrees: the JSON fields `lat` and `lon`, given together or
     * not at all (docs/format.md, "Coordinates"). */
    bool has_coords;
    double lat; /**< latitude, -90 (south) to 90; meaningful when has_coords */
    double lon; /**< longitude, -180 (west) to 180; meaningful when has_coords */
} pn_actor;

/** A tie between two actors (indices into the dataset's actors). */
typedef struct pn_tie {
    const char *id; /**< or NULL; unique among ties when given */
    size_t from;
    size_t to;
    pn_tie_type type;
    pn_instrument instrument; /**< PN_INSTRUMENT_NONE when not given */
    pn_status status;         /**< PN_STATUS_NONE when not given */
    pn_date since;
    pn_date until;
    const char *const *sectors; /**< lowercase tags */
    size_t n_sectors;
    bool has_weight;
    double weight; /**< finite, >= 0; meaningful when has_weight */
    bool directed; /**< from -> to is the direction of flow */
    const char *note;
    const pn_ref *sources;
    size_t n_sources;
    pn_basis basis; /**< what the tie rests on; PN_BASIS_REPORTED (0) by default */
} pn_tie;

/** Create an empty dataset. @param[out] out owned by the caller. @return 0 or PN_ENOMEM. */
PN_EXTERN int pn_dataset_new(pn_dataset **out);

/** Free a dataset and everything it owns. NULL is allowed. */
PN_EXTERN void pn_dataset_free(pn_dataset *ds);

/** Title, or NULL. Borrowed. */
PN_EXTERN const char *pn_dataset_title(const pn_dataset *ds);
/** Description, or NULL. Borrowed. */
PN_EXTERN const char *pn_dataset_description(const pn_dataset *ds);
/** Set the title or description (copied; NULL clears). @return 0 or PN_ENOMEM. */
PN_EXTERN int pn_dataset_set_title(pn_dataset *ds, const char *title);
PN_EXTERN int pn_dataset_set_description(pn_dataset *ds, const char *description);

/**
 * The attribute an aggregate's actors group ("country", "kind" or "region":
 * the dataset is the quotient network `paranet aggregate` writes, each actor
 * a group of actors, docs/aggregate.md), or NULL for a dataset of actors.
 * Borrowed.
 */
PN_EXTERN const char *pn_dataset_aggregate(const pn_dataset *ds);
/** Set it (copied; NULL clears). pn_dataset_validate refuses other values. @return 0 or
 * PN_ENOMEM. */
PN_EXTERN int pn_dataset_set_aggregate(pn_dataset *ds, const char *by);

PN_EXTERN size_t pn_dataset_source_count(const pn_dataset *ds);
PN_EXTERN size_t pn_dataset_actor_count(const pn_dataset *ds);
PN_EXTERN size_t pn_dataset_tie_count(const pn_dataset *ds);

/** The i-th record (borrowed), or NULL when i is out of range. */
PN_EXTERN const pn_source *pn_dataset_source(const pn_dataset *ds, size_t i);
PN_EXTERN const pn_actor *pn_dataset_actor(const pn_dataset *ds, size_t i);
PN_EXTERN const pn_tie *pn_dataset_tie(const pn_dataset *ds, size_t i);

/**
 * Find a record by id in O(1) expected time.
 * @param[out] index set when found (may be NULL).
 * @return 0, or PN_ENOTFOUND.
 */
PN_EXTERN int pn_dataset_find_source(const pn_dataset *ds, const char *id, size_t *index);
PN_EXTERN int pn_dataset_find_actor(const pn_dataset *ds, const char *id, size_t *index);
PN_EXTERN int pn_dataset_find_tie(const pn_dataset *ds, const char *id, size_t *index);

/**
 * Add a copy of a record. Ids must be unique (PN_EINVAL otherwise); the
 * indices a record refers to (tie ends, citations) must exist already.
 * Values are not validated beyond that: run pn_dataset_validate.
 * @param[out] index the new record's index (may be NULL).
 * @return 0, PN_EINVAL or PN_ENOMEM.
 */
PN_EXTERN int pn_dataset_add_source(pn_dataset *ds, const pn_source *src, size_t *index);
PN_EXTERN int pn_dataset_add_actor(pn_dataset *ds, const pn_actor *actor, size_t *index);
PN_EXTERN int pn_dataset_add_tie(pn_dataset *ds, const pn_tie *tie, size_t *index);

/**
 * Fields the format does not know, kept as compact JSON text of an object
 * ("{\"x\":1}"), or NULL when there are none. For record kinds use
 * "dataset" (index ignored), "source", "actor" or "tie". Borrowed.
 */
PN_EXTERN const char *pn_dataset_extra(const pn_dataset *ds, const char *record, size_t index);

/**
 * Set the unknown fields of a record from JSON text of an object (copied;
 * NULL clears). Keys the format knows are rejected with PN_EINVAL.
 * @return 0, PN_EINVAL or PN_ENOMEM.
 */
PN_EXTERN int pn_dataset_set_extra(pn_dataset *ds, const char *record, size_t index,
                                   const char *json);

/**
 * The years a tie is in force, the one rule of every view by time and of
 * the GEXF timeline (docs/views.md, "Time"), in the library's core so that every layer
reads time the same way:
 * - a tie that is planned or failed is never in force: it did not come
 *   into effect;
 * - a tie without `since` has no known span: its start is unknown;
 * - otherwise it starts in `since`'s year and ends in `until`'s year when
 *   given; without `until`, an event (pn_instrument_is_event) or a tie that
 *   is implemented or ended ends in its own year (it took place, or ended
 *   at a time the study does not give), and a standing relation is open.
 * @param[out] start, end the first and last year; end 0 when open.
 * @return 1 with a span, 0 when the tie has no since (undated), -1 when it
 * is never in force.
 */
PN_EXTERN int pn_tie_span(const pn_tie *tie, int *start, int *end);

/** True when the tie is in force in `year` (pn_tie_span). An undated tie is not. */
PN_EXTERN bool pn_tie_in_force(const pn_tie *tie, int year);

/** Compare two dates: negative, 0 or positive. A missing part sorts first. */
PN_EXTERN int pn_date_compare(pn_date a, pn_date b);

/** Format a date as "2016", "2016-05" or "2016-05-12" (buf of 11+ bytes); "" when absent. */
PN_EXTERN const char *pn_date_format(pn_date date, char *buf, size_t size);

/** Parse "2016", "2016-05" or "2016-05-12" (year 1..9999, a real calendar date). @return 0 or
 * PN_EINVAL. */
PN_EXTERN int pn_date_parse(const char *text, pn_date *out);

#ifdef __cplusplus
}
#endif

#endif
