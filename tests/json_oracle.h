/* jansson as the oracle of paranet's JSON parser (libgraph/src/store/json.c):
 * used by check_json and tests/fuzz/fuzz_json.c. Header-only. */
#ifndef PN_TEST_JSON_ORACLE_H
#define PN_TEST_JSON_ORACLE_H

#include <jansson.h>
#include <stdbool.h>
#include <string.h>

#include "../libgraph/src/store/json.h"
#include "paranet/error.h"

/* True when v (ours) and j (jansson's) are the same JSON value: same types
 * (integer and real apart), bit-equal numbers, equal strings, the same
 * members under the same keys, items in the same order. */
static inline bool pn_test_json_same(const pn__jv *v, const json_t *j)
{
    switch ((pn__jtype)v->type) {
    case PN__J_NULL:
        return json_is_null(j);
    case PN__J_FALSE:
        return json_is_false(j);
    case PN__J_TRUE:
        return json_is_true(j);
    case PN__J_INTEGER:
        return json_is_integer(j) && json_integer_value(j) == v->u.i;
    case PN__J_REAL: {
        if (!json_is_real(j))
            return false;
        double d = json_real_value(j);
        return memcmp(&d, &v->u.d, sizeof(d)) == 0;
    }
    case PN__J_STRING:
        return json_is_string(j) && json_string_length(j) == v->n &&
               memcmp(json_string_value(j), v->u.s, v->n) == 0 && v->u.s[v->n] == '\0' &&
               strlen(v->u.s) == v->n;
    case PN__J_ARRAY:
        if (!json_is_array(j) || json_array_size(j) != v->n)
            return false;
        for (uint32_t k = 0; k < v->n; k++)
            if (!pn_test_json_same(&v->u.items[k], json_array_get(j, k)))
                return false;
        return true;
    case PN__J_OBJECT:
        if (!json_is_object(j) || json_object_size(j) != v->n)
            return false;
        for (uint32_t k = 0; k < v->n; k++) {
            const json_t *x = json_object_get(j, v->u.members[k].key);
            if (!x || !pn_test_json_same(&v->u.members[k].value, x))
                return false;
        }
        return true;
    }
    return false;
}

/* 0 when the parser and jansson agree on text: both refuse it, or both
 * take it and build the same value; otherwise a short reason. Texts with a
 * NUL byte are not asked (jansson stops reading at one; the loader refuses
 * them before parsing). */
static inline const char *pn_test_json_agree(const char *text, size_t len)
{
    if (memchr(text, '\0', len))
        return NULL;
    pn__jdoc doc;
    int rc = pn__json_parse(&doc, text, len, NULL, NULL);
    json_error_t err;
    json_t *j = json_loadb(text, len, JSON_REJECT_DUPLICATES, &err);
    const char *why = NULL;
    if (rc == PN_ENOMEM)
        why = NULL; /* out of memory: nothing to compare */
    else if (rc == 0 && !j)
        why = "the parser took a text jansson refuses";
    else if (rc != 0 && j)
        why = "the parser refused a text jansson takes";
    else if (rc == 0 && !pn_test_json_same(&doc.root, j))
        why = "the parser built a different value";
    json_decref(j);
    pn__jdoc_free(&doc);
    return why;
}

#endif
