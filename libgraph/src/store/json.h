/* A read-only JSON document for the loader (json.c).
 *
 * jansson builds a tree with a malloc per value and a hash table per
 * object: about 13 MB/s here, most of the loader's time. This parser
 * builds the whole document in one arena instead, with arrays and objects
 * as contiguous vectors, and accepts exactly what jansson accepts with the
 * loader's flags (JSON_REJECT_DUPLICATES, UTF-8, no \u0000, an object or
 * array at the top, numbers that fit int64/double, nesting up to 2048).
 * It does not explain errors: on any error it fails, and the loader asks
 * jansson for the message (a bad file is rare; its load may be slow).
 * tests/fuzz/fuzz_json.c and check_load hold it to jansson. */
#ifndef PN_JSON_H
#define PN_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/util.h"

typedef enum pn__jtype {
    PN__J_NULL,
    PN__J_FALSE,
    PN__J_TRUE,
    PN__J_INTEGER,
    PN__J_REAL,
    PN__J_STRING,
    PN__J_ARRAY,
    PN__J_OBJECT
} pn__jtype;

typedef struct pn__jmember pn__jmember;

typedef struct pn__jv {
    uint8_t type; /* pn__jtype */
    uint32_t n;   /* string: bytes (no NUL inside); array: items; object: members */
    union {
        const char *s; /* NUL-terminated */
        long long i;
        double d;
        struct pn__jv *items;
        pn__jmember *members;
    } u;
} pn__jv;

struct pn__jmember {
    const char *key; /* NUL-terminated */
    pn__jv value;
};

/* A parsed document: root and the arena that holds every value. */
typedef struct pn__jdoc {
    pn__jv root;
    size_t depth; /* deepest nesting: 1 for {} */
    pn__pool pool;
} pn__jdoc;

/* Parse len bytes (need not be NUL-terminated) into doc. progress, when not
 * NULL, is called with the fraction of the text read, every few MB.
 * Returns 0, PN_EDATA for any text jansson would refuse (or one this parser
 * cannot decide, such as reals under a locale whose decimal point is not
 * '.'), PN_ENOMEM. doc is always initialised: free it with pn__jdoc_free. */
int pn__json_parse(pn__jdoc *doc, const char *text, size_t len,
                   void (*progress)(void *ctx, double fraction), void *ctx);

void pn__jdoc_free(pn__jdoc *doc);

/* The member of an object named key, or NULL (also when obj is not an object). */
const pn__jv *pn__jv_get(const pn__jv *obj, const char *key);

/* Bridges to jansson, for importers that build jansson trees and for the
 * unknown fields a dataset keeps as JSON text. struct json_t is jansson's. */
struct json_t;
/* A copy of a jansson value in doc's arena; PN_ENOMEM, or PN_EDATA for a
 * string holding a NUL (which a parsed document cannot hold). */
int pn__jv_from_jansson(pn__jdoc *doc, pn__jv *out, const struct json_t *value);
/* A new jansson value equal to v (NULL when out of memory). */
struct json_t *pn__jv_to_jansson(const pn__jv *v);

#endif
