/* Reporting located diagnostics, and the checks that run on a built dataset. */
#ifndef PN_CHECK_H
#define PN_CHECK_H

#include "paranet/dataset.h"
#include "paranet/error.h"
#include "paranet/io.h"
#include "core/util.h"

/* Where a value of a document built from another format (CSV, GraphML) came
 * from: locate() sets the input's name, a 1-based line and column (0:
 * unknown) and, in label, what to call the value instead of its JSON path
 * (`column "to"`); label left empty keeps the path. */
typedef struct pn__locator {
    void (*locate)(void *ctx, const pn__path *path, const char **file, int *line, int *column,
                   pn__buf *label);
    void *ctx;
    /* Optional: how a message names another record, table[index] of the
     * document ("actors.csv:3" for a CSV row); NULL keeps "actors[2]". */
    void (*name)(void *ctx, const char *table, size_t index, pn__buf *out);
    /* The importer warned of near-miss field names itself, once per column
     * (CSV headers): no warning per record of them. */
    bool fields_warned;
    /* The actors were made from the tie ends (a CSV edge list alone), and
     * one warning said what is not known of them: no unknown-country
     * warning per actor (no_country), no tie rules on guessed kinds
     * (no_kind). */
    bool made_no_country, made_no_kind;
} pn__locator;

typedef struct pn__report {
    pn_diags *diags;
    const char *file; /* display name, or NULL */
    const char *text; /* the JSON text, to find lines; or NULL */
    size_t len;
    /* When text is NULL and has_fd: the regular file the text was read
     * from, still open, to read back with pread once, when diagnostics
     * need lines (a large load frees its text once parsed). The file is
     * never opened again by name: what is read is what was parsed unless
     * someone rewrote the file in place meanwhile. */
    bool has_fd;
    int fd;
    /* Paths of the kept diagnostics, found in one walk by
     * pn__report_locate (tag: the diagnostic's index). */
    pn__locs pending;
    const pn__locator *loc;   /* for documents not parsed from text; or NULL */
    const size_t *source_pos; /* record index -> index in the file; NULL: the same */
    const size_t *actor_pos;
    const size_t *tie_pos;
    bool from_json; /* the loader has reported missing fields already */
    size_t errors;
    size_t warnings;
    bool nomem;
} pn__report;

void pn__report_at(pn__report *r, pn_severity sev, const pn__path *path, const char *check,
                   const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* Give the diagnostics reported through r their lines and columns, in one
 * walk of the text (r->text, or read back from r->fd); frees what was
 * pending. Call it while the keys of the paths reported are alive. */
void pn__report_locate(pn__report *r);

/* How a message refers to record `index` of `table` ("actors[2]", or the
 * locator's name for it): written to buf, which is returned. */
const char *pn__report_record(const pn__report *r, const char *table, size_t index, char *buf,
                              size_t size);

/* The checks on values a dataset can hold: ids, countries, dates, weights,
 * self-ties; then, when `warnings` is set, the suspicious-but-valid ones. */
void pn__check_dataset(const pn_dataset *ds, pn__report *r, bool warnings);

/* The checks of one tie's own values (id, dates, weight, sectors); at is its
 * index in the file. For ties the loader could not add. */
void pn__check_tie_values(const pn_tie *t, size_t at, pn__report *r);

/* Load a dataset from a JSON tree in the dataset format, with every check of
 * pn_dataset_load_buffer; diagnostics are located through loc (may be NULL).
 * For importers that build the tree from another format (interchange). */
struct json_t;
int pn__load_json(pn_dataset **out, struct json_t *root, const pn__locator *loc,
                  const pn_load_options *opts, pn_diags *diags);

/* The same from a document built in an arena (csv_load.c builds one without a
 * jansson tree); root and its values are only read. */
struct pn__jv;
int pn__load_jv(pn_dataset **out, const struct pn__jv *root, const pn__locator *loc,
                const pn_load_options *opts, pn_diags *diags);

/* The walk of a parsed document (load.c) into *ds, with every check, through
 * r as the caller set it up (diags, file, the text or its fd, or a
 * locator); progress: report pn_load_options.progress's "checking" step.
 * *ds is the caller's on return, also on failure (NULL when none was made).
 * Returns 0, PN_EDATA or PN_ENOMEM. */
int pn__load_doc(pn_dataset **ds, const struct pn__jv *root, pn__report *r,
                 const pn_load_options *opts, bool progress);

/* True when s matches [a-z0-9_-]+. */
bool pn__id_valid(const char *s);

/* The nearest of n candidate strings by edit distance (at most 3), or NULL:
 * the first of the nearest. Compares with each: for a few candidates. */
const char *pn__nearest(const char *name, const char *const *candidates, size_t n);

/* pn__nearest for a field's name as spreadsheets vary it: compared in
 * ASCII lower case without ' ', '_' and '-' ("Tipe" is near "type"). */
const char *pn__nearest_field(const char *name, const char *const *fields, size_t n);

/* The same over many candidates (the ids of a dataset), built once. Up to
 * 256 candidates it is pn__nearest; beyond, only the 4 x 64 candidates
 * nearest the name in sorted order and in the order of the reversed
 * strings are compared (O(log n) per name, plus a length and a character
 * set filter), so a typo of the beginning and of the end are both found.
 * The answer depends only on the name and the candidates. */
typedef struct pn__cand {
    const char *s;
    size_t len;
    uint64_t sig;
} pn__cand;
typedef struct pn__nearest_ix {
    pn__cand *c;
    size_t n;
    size_t *fwd, *rev; /* candidate indices in sorted and reversed-sorted order */
    bool built;
} pn__nearest_ix;

void pn__nearest_ix_init(pn__nearest_ix *ix);
void pn__nearest_ix_free(pn__nearest_ix *ix);
/* Candidates are borrowed. 0 or PN_ENOMEM. */
int pn__nearest_ix_build(pn__nearest_ix *ix, const char *const *candidates, size_t n);
const char *pn__nearest_ix_find(const pn__nearest_ix *ix, const char *name);

#endif
