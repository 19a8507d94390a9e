/* The cell encoding every non-JSON format shares: lists, citations, numbers,
 * and the fields the format does not know. Called by the codecs (csv_*.c,
 * graphml_*.c, gexf.c, merge.c); it calls none of them. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/dataset_private.h"
#include "formats/interchange_private.h"
#include "store/json.h"
#include "paranet/io.h"

const char *const *pn__ix_fields(const char *record)
{
    if (strcmp(record, PN__REC_ACTOR) == 0)
        return pn__actor_fields;
    if (strcmp(record, PN__REC_TIE) == 0)
        return pn__tie_fields;
    if (strcmp(record, PN__REC_SOURCE) == 0)
        return pn__source_fields;
    return pn__dataset_fields;
}

pn__ftype pn__ix_ftype(const char *record, const char *key)
{
    if (!pn__field_known(pn__ix_fields(record), key))
        return PN__F_EXTRA;
    bool tie = strcmp(record, PN__REC_TIE) == 0;
    if (strcmp(key, "sources") == 0 && strcmp(record, PN__REC_DATASET) != 0)
        return PN__F_REFS;
    if (strcmp(key, "aliases") == 0)
        return PN__F_LIST;
    if (tie && strcmp(key, "sectors") == 0)
        return PN__F_TAGS;
    if (tie && strcmp(key, "weight") == 0)
        return PN__F_REAL;
    if (strcmp(record, PN__REC_ACTOR) == 0 && (strcmp(key, "lat") == 0 || strcmp(key, "lon") == 0))
        return PN__F_REAL;
    if (tie && strcmp(key, "directed") == 0)
        return PN__F_BOOL;
    if (tie && (strcmp(key, "since") == 0 || strcmp(key, "until") == 0))
        return PN__F_DATE;
    if (strcmp(record, PN__REC_SOURCE) == 0 && strcmp(key, "year") == 0)
        return PN__F_INT;
    if (strcmp(record, PN__REC_DATASET) == 0 && strcmp(key, "paranet") == 0)
        return PN__F_INT;
    return PN__F_STRING;
}

bool pn__ix_gml_reserved(const char *record, const char *name)
{
    name += strspn(name, "_");
    if (strcmp(record, PN__REC_ACTOR) == 0)
        return strcmp(name, "label") == 0;
    return strcmp(record, PN__REC_DATASET) == 0 && strcmp(name, PN__GML_LAYOUT) == 0;
}

json_t *pn__ix_tree(const pn_dataset *ds)
{
    char *text = NULL;
    size_t len = 0;
    if (pn_dataset_save_buffer(ds, &text, &len) != 0)
        return NULL;
    json_t *root = json_loadb(text, len, 0, NULL);
    free(text);
    return root;
}

void pn__ix_real(pn__buf *b, double v)
{
    char tmp[40];
    for (int prec = 15; prec <= 17; prec++) {
        snprintf(tmp, sizeof(tmp), "%.*g", prec, v);
        if (strtod(tmp, NULL) == v)
            break;
    }
    pn__buf_puts(b, tmp);
    if (!strpbrk(tmp, ".eEni"))
        pn__buf_puts(b, ".0"); /* a real, not an integer, when read back */
}

/* One list item with '|' and '\' escaped. */
static void list_item(pn__buf *b, const char *s)
{
    for (; *s; s++) {
        if (*s == '|' || *s == '\\')
            pn__buf_add(b, "\\", 1);
        pn__buf_add(b, s, 1);
    }
}

static bool value_equal_text(const json_t *v, const char *s)
{
    json_t *back = pn__ix_extra_value(s, strlen(s));
    bool same = back && json_equal(back, (json_t *)v);
    json_decref(back);
    return same;
}

void pn__ix_encode(pn__buf *b, const json_t *v, pn__ftype t)
{
    if (!v || json_is_null(v)) {
        if (t == PN__F_EXTRA && v)
            pn__buf_puts(b, "null");
        return;
    }
    switch (t) {
    case PN__F_LIST:
    case PN__F_TAGS:
    case PN__F_REFS: {
        size_t i;
        json_t *x;
        json_array_foreach((json_t *)v, i, x)
        {
            if (i)
                pn__buf_add(b, "|", 1);
            if (json_is_string(x)) {
                list_item(b, json_string_value(x));
            } else if (json_is_object(x)) {
                /* A citation with a page: id@page (ids hold no '@'). */
                json_t *ref = json_object_get(x, "ref"), *page = json_object_get(x, "page");
                list_item(b, json_is_string(ref) ? json_string_value(ref) : "");
                if (json_is_string(page)) {
                    pn__buf_add(b, "@", 1);
                    list_item(b, json_string_value(page));
                }
            }
        }
        return;
    }
    case PN__F_EXTRA:
        /* A string goes in as it is unless it would read back as something
         * else ("2008", "true", "") : then as JSON text ("\"2008\""). */
        if (json_is_string(v) && json_string_length(v) > 0 &&
            value_equal_text(v, json_string_value(v))) {
            pn__buf_puts(b, json_string_value(v));
            return;
        }
        if (json_is_string(v)) {
            char *text = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
            if (!text) {
                b->failed = true;
                return;
            }
            pn__buf_puts(b, text);
            free(text);
            return;
        }
        break;
    default:
        break;
    }
    if (json_is_string(v)) {
        pn__buf_puts(b, json_string_value(v));
    } else if (json_is_integer(v)) {
        pn__buf_printf(b, "%lld", (long long)json_integer_value(v));
    } else if (json_is_real(v)) {
        pn__ix_real(b, json_real_value(v));
    } else if (json_is_boolean(v)) {
        pn__buf_puts(b, json_is_true(v) ? "true" : "false");
    } else {
        char *text = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
        if (!text) {
            b->failed = true;
            return;
        }
        pn__buf_puts(b, text);
        free(text);
    }
}

json_t *pn__ix_extra_value(const char *cell, size_t len)
{
    /* JSON values are read as such; anything else is a string as it is. */
    bool looks =
        len > 0 &&
        (strchr("{[\"-0123456789", cell[0]) || (len == 4 && memcmp(cell, "true", 4) == 0) ||
         (len == 5 && memcmp(cell, "false", 5) == 0) || (len == 4 && memcmp(cell, "null", 4) == 0));
    if (looks) {
        json_t *v = json_loadb(cell, len, JSON_DECODE_ANY | JSON_REJECT_DUPLICATES, NULL);
        if (v)
            return v;
    }
    return json_stringn(cell, len);
}

bool pn__ix_utf8(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        unsigned char c = p[i];
        size_t n;
        unsigned int cp;
        if (c < 0x80) {
            i++;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            n = 1;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            n = 2;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            n = 3;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (i + n >= len)
            return false;
        for (size_t k = 1; k <= n; k++) {
            if ((p[i + k] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
            cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += n + 1;
    }
    return true;
}

/* The parts of one item of a list cell, s[0, *n): [start, id_end) is the
 * id (or the whole item), and at (an unescaped '@' + 1, or 0) starts a
 * page. With trim, blanks and tabs around the id are dropped, and around
 * the whole item when it has no page (*n shrinks). */
static void item_span(const char *s, size_t *n, size_t at, bool trim, size_t *start, size_t *id_end)
{
    *id_end = at ? at - 1 : *n;
    *start = 0;
    if (!trim)
        return;
    while (*start < *id_end && (s[*start] == ' ' || s[*start] == '\t'))
        (*start)++;
    size_t e = *id_end;
    while (e > *start && (s[e - 1] == ' ' || s[e - 1] == '\t'))
        e--;
    if (!at)
        *n = e;
    *id_end = e;
}

/* Split a list cell at unescaped '|', undoing '\' escapes. */
static json_t *split_list(const char *cell, size_t len, bool trim, bool refs)
{
    json_t *arr = json_array();
    pn__buf item;
    pn__buf_init(&item);
    if (!arr)
        return NULL;
    size_t at = 0; /* position of an unescaped '@' in item, +1 */
    for (size_t i = 0; i <= len; i++) {
        if (i < len && cell[i] == '\\' && i + 1 < len) {
            pn__buf_add(&item, &cell[++i], 1);
            continue;
        }
        if (i < len && cell[i] != '|') {
            if (refs && cell[i] == '@' && !at)
                at = item.len + 1;
            pn__buf_add(&item, &cell[i], 1);
            continue;
        }
        const char *s = item.data ? item.data : "";
        size_t n = item.len, start, id_end;
        item_span(s, &n, at, trim || refs, &start, &id_end);
        json_t *v;
        if (refs && at)
            v = json_pack("{s:s%,s:s%}", "ref", s + start, id_end - start, "page", s + at, n - at);
        else
            v = json_stringn(s + start, (refs ? id_end : n) - start);
        if (!v || json_array_append_new(arr, v) != 0) {
            json_decref(arr);
            pn__buf_free(&item);
            return NULL;
        }
        item.len = 0;
        at = 0;
    }
    pn__buf_free(&item);
    return arr;
}

static bool parse_bool(const char *s, size_t len, bool *out)
{
    static const char *const yes[] = {"true", "yes", "1", "y", "t"};
    static const char *const no[] = {"false", "no", "0", "n", "f"};
    for (size_t i = 0; i < 5; i++) {
        if (strlen(yes[i]) == len && strncasecmp(s, yes[i], len) == 0) {
            *out = true;
            return true;
        }
        if (strlen(no[i]) == len && strncasecmp(s, no[i], len) == 0) {
            *out = false;
            return true;
        }
    }
    return false;
}

int pn__ix_decode(json_t *obj, const char *key, const char *cell, size_t len, pn__ftype t)
{
    if (len == 0)
        return 0;
    if (!pn__ix_utf8(cell, len))
        return PN__IX_BAD_UTF8;
    json_t *v = NULL;
    char tmp[64];
    switch (t) {
    case PN__F_LIST:
        v = split_list(cell, len, false, false);
        break;
    case PN__F_TAGS:
        v = split_list(cell, len, true, false);
        break;
    case PN__F_REFS:
        v = split_list(cell, len, true, true);
        break;
    case PN__F_INT:
    case PN__F_REAL: {
        if (len < sizeof(tmp)) {
            memcpy(tmp, cell, len);
            tmp[len] = '\0';
            char *end;
            if (t == PN__F_INT) {
                long long x = strtoll(tmp, &end, 10);
                if (*end == '\0' && end != tmp)
                    v = json_integer(x);
            } else {
                double x = strtod(tmp, &end);
                /* Only plain decimal numbers: no "nan", "inf" or hex. */
                bool plain = strspn(tmp, "+-0123456789.eE") == len;
                /* "52" among reals is the integer 52, as JSON has it; a
                 * real is written with a point or an exponent (pn__ix_real). */
                if (plain && !strpbrk(tmp, ".eE")) {
                    char *iend;
                    errno = 0;
                    long long i = strtoll(tmp, &iend, 10);
                    if (*iend == '\0' && iend != tmp && errno == 0)
                        v = json_integer(i);
                }
                if (!v && *end == '\0' && end != tmp && plain)
                    v = json_real(x);
            }
        }
        if (!v)
            v = json_stringn(cell, len);
        break;
    }
    case PN__F_BOOL: {
        bool b;
        v = parse_bool(cell, len, &b) ? json_boolean(b) : json_stringn(cell, len);
        break;
    }
    case PN__F_DATE: {
        /* A plain year is a number in JSON; anything else is the loader's to check. */
        bool digits = len <= 4 && strspn(cell, "0123456789") >= len;
        if (digits) {
            memcpy(tmp, cell, len);
            tmp[len] = '\0';
            v = json_integer(atoi(tmp));
        } else {
            v = json_stringn(cell, len);
        }
        break;
    }
    case PN__F_EXTRA:
        v = pn__ix_extra_value(cell, len);
        break;
    case PN__F_STRING:
        v = json_stringn(cell, len);
        break;
    }
    if (!v)
        return PN_ENOMEM;
    if (json_object_set_new(obj, key, v) != 0)
        return PN_ENOMEM;
    return 0;
}

/* ---- decoding into an arena document (csv_read.c) ------------------- */

static int jv_string(pn__jdoc *doc, pn__jv *out, const char *s, size_t n)
{
    char *p = pn__pool_alloc_bytes(&doc->pool, n + 1);
    if (!p)
        return PN_ENOMEM;
    memcpy(p, s, n);
    p[n] = '\0';
    out->type = PN__J_STRING;
    out->n = (uint32_t)n;
    out->u.s = p;
    return 0;
}

/* As split_list, into the arena: items are strings, or {ref, page}. */
static int jv_list(pn__jdoc *doc, pn__jv *out, const char *cell, size_t len, bool trim, bool refs)
{
    size_t count = 1;
    for (size_t i = 0; i < len; i++) {
        if (cell[i] == '\\' && i + 1 < len)
            i++;
        else if (cell[i] == '|')
            count++;
    }
    out->type = PN__J_ARRAY;
    out->n = 0;
    out->u.items = pn__pool_alloc(&doc->pool, count * sizeof(pn__jv));
    char *item = malloc(len + 1);
    if (!out->u.items || !item) {
        free(item);
        return PN_ENOMEM;
    }
    size_t n = 0, at = 0; /* at: position of an unescaped '@' in item, +1 */
    int rc = 0;
    for (size_t i = 0; i <= len && rc == 0; i++) {
        if (i < len && cell[i] == '\\' && i + 1 < len) {
            item[n++] = cell[++i];
            continue;
        }
        if (i < len && cell[i] != '|') {
            if (refs && cell[i] == '@' && !at)
                at = n + 1;
            item[n++] = cell[i];
            continue;
        }
        size_t end = n, start, id_end;
        item_span(item, &end, at, trim || refs, &start, &id_end);
        pn__jv *v = &out->u.items[out->n++];
        if (refs && at) {
            pn__jmember *m = pn__pool_alloc(&doc->pool, 2 * sizeof(*m));
            if (!m) {
                rc = PN_ENOMEM;
                break;
            }
            m[0].key = "ref";
            m[1].key = "page";
            v->type = PN__J_OBJECT;
            v->n = 2;
            v->u.members = m;
            rc = jv_string(doc, &m[0].value, item + start, id_end - start);
            if (!rc)
                rc = jv_string(doc, &m[1].value, item + at, end - at);
        } else {
            rc = jv_string(doc, v, item + start, (refs ? id_end : end) - start);
        }
        n = 0;
        at = 0;
    }
    free(item);
    return rc;
}

size_t pn__ix_json_depth(const char *s, size_t len)
{
    size_t depth = 0, deepest = 0;
    bool str = false;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (str) {
            if (c == '\\')
                i++;
            else if (c == '"')
                str = false;
        } else if (c == '"') {
            str = true;
        } else if (c == '[' || c == '{') {
            if (++depth > deepest)
                deepest = depth;
        } else if ((c == ']' || c == '}') && depth) {
            depth--;
        }
    }
    return deepest;
}

int pn__ix_decode_jv(pn__jdoc *doc, pn__jv *out, const char *cell, size_t len, pn__ftype t,
                     size_t max_depth)
{
    if (!pn__ix_utf8(cell, len))
        return PN__IX_BAD_UTF8;
    char tmp[64];
    switch (t) {
    case PN__F_LIST:
        return jv_list(doc, out, cell, len, false, false);
    case PN__F_TAGS:
        return jv_list(doc, out, cell, len, true, false);
    case PN__F_REFS:
        return jv_list(doc, out, cell, len, true, true);
    case PN__F_INT:
    case PN__F_REAL:
        if (len < sizeof(tmp)) {
            memcpy(tmp, cell, len);
            tmp[len] = '\0';
            char *end;
            if (t == PN__F_INT) {
                long long x = strtoll(tmp, &end, 10);
                if (*end == '\0' && end != tmp) {
                    out->type = PN__J_INTEGER;
                    out->u.i = x;
                    return 0;
                }
            } else {
                double x = strtod(tmp, &end);
                /* Only plain decimal numbers: no "nan", "inf" or hex. */
                bool plain = strspn(tmp, "+-0123456789.eE") == len;
                if (*end == '\0' && end != tmp && plain) {
                    out->type = PN__J_REAL;
                    out->u.d = x;
                    return 0;
                }
            }
        }
        return jv_string(doc, out, cell, len);
    case PN__F_BOOL: {
        bool b;
        if (parse_bool(cell, len, &b)) {
            out->type = b ? PN__J_TRUE : PN__J_FALSE;
            return 0;
        }
        return jv_string(doc, out, cell, len);
    }
    case PN__F_DATE:
        /* A plain year is a number in JSON; anything else is the loader's to check. */
        if (len <= 4 && strspn(cell, "0123456789") >= len) {
            memcpy(tmp, cell, len);
            tmp[len] = '\0';
            out->type = PN__J_INTEGER;
            out->u.i = atoi(tmp);
            return 0;
        }
        return jv_string(doc, out, cell, len);
    case PN__F_EXTRA: {
        if (cell[0] == '[' || cell[0] == '{') {
            size_t depth = pn__ix_json_depth(cell, len);
            if (depth > max_depth)
                return PN__IX_TOO_DEEP;
        }
        json_t *v = pn__ix_extra_value(cell, len);
        if (!v)
            return PN_ENOMEM;
        int rc = pn__jv_from_jansson(doc, out, v);
        json_decref(v);
        /* A JSON string holding \u0000: the cell as it is (it holds no NUL). */
        return rc == PN_EDATA ? jv_string(doc, out, cell, len) : rc;
    }
    case PN__F_STRING:
        break;
    }
    return jv_string(doc, out, cell, len);
}

static bool formula_start(char c)
{
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

/* A decimal number as a spreadsheet reads one: [+-]digits[.digits][e[+-]digits]. */
static bool plain_number(const char *s, size_t len)
{
    size_t i = 0, digits = 0;
    if (i < len && (s[i] == '+' || s[i] == '-'))
        i++;
    while (i < len && s[i] >= '0' && s[i] <= '9')
        i++, digits++;
    if (i < len && s[i] == '.') {
        i++;
        while (i < len && s[i] >= '0' && s[i] <= '9')
            i++, digits++;
    }
    if (digits == 0)
        return false;
    if (i < len && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < len && (s[i] == '+' || s[i] == '-'))
            i++;
        size_t e = 0;
        while (i < len && s[i] >= '0' && s[i] <= '9')
            i++, e++;
        if (e == 0)
            return false;
    }
    return i == len;
}

bool pn__ix_prefixed(const char *s, size_t len)
{
    size_t q = 0;
    while (q < len && s[q] == '\'')
        q++;
    if (q == len || !formula_start(s[q]))
        return false;
    return q > 0 || !plain_number(s, len);
}

void pn__ix_unprefix(char *s, size_t *len)
{
    if (*len < 2 || s[0] != '\'')
        return;
    size_t q = 0;
    while (q < *len && s[q] == '\'')
        q++;
    if (q == *len || !formula_start(s[q]))
        return;
    memmove(s, s + 1, *len); /* with the NUL after it */
    (*len)--;
}

void pn__ix_keys_init(pn__ix_keys *k)
{
    memset(k, 0, sizeof(*k));
    pn__map_init(&k->index);
}

void pn__ix_keys_free(pn__ix_keys *k)
{
    pn__map_free(&k->index);
    free(k->names);
    free(k->scratch);
    free(k->flags);
    pn__ix_keys_init(k);
}

int pn__ix_keys_add(pn__ix_keys *k, const char *key, size_t *at)
{
    size_t pos;
    if (!pn__map_get(&k->index, key, &pos)) {
        if (k->n == k->cap) {
            size_t cap = k->cap ? k->cap * 2 : 8;
            const char **names = realloc(k->names, cap * sizeof(*names));
            if (!names)
                return PN_ENOMEM;
            k->names = names;
            size_t *scratch = realloc(k->scratch, cap * sizeof(*scratch));
            if (!scratch)
                return PN_ENOMEM;
            k->scratch = scratch;
            unsigned char *flags = realloc(k->flags, cap);
            if (!flags)
                return PN_ENOMEM;
            k->flags = flags;
            k->cap = cap;
        }
        pos = k->n;
        if (pn__map_put(&k->index, key, pos) != 0)
            return PN_ENOMEM;
        k->names[pos] = key;
        k->flags[pos] = 0;
        k->n++;
    }
    if (at)
        *at = pos;
    return 0;
}

int pn__ix_keys_records(pn__ix_keys *k, json_t *records, const char *record)
{
    const char *const *known = pn__ix_fields(record);
    size_t i;
    json_t *o;
    json_array_foreach(records, i, o)
    {
        const char *key;
        json_t *v;
        json_object_foreach(o, key, v)
        {
            if (pn__field_known(known, key))
                continue;
            size_t at;
            if (pn__ix_keys_add(k, key, &at) != 0)
                return PN_ENOMEM;
            k->flags[at] |= (json_is_integer(v) ? 0 : PN__IX_NOT_INT) |
                            (json_is_number(v) ? 0 : PN__IX_NOT_NUM) |
                            (json_is_boolean(v) ? 0 : PN__IX_NOT_BOOL);
        }
    }
    return 0;
}

static int cmp_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

size_t pn__ix_keys_of(const pn__ix_keys *k, json_t *o)
{
    /* o's names are distinct and each in the index at most once, so at
     * most k->n of them: scratch has the room. */
    size_t n = 0, at;
    const char *key;
    json_t *v;
    json_object_foreach(o, key, v)
    {
        if (pn__map_get(&k->index, key, &at))
            k->scratch[n++] = at;
    }
    if (n > 1)
        qsort(k->scratch, n, sizeof(*k->scratch), cmp_size);
    return n;
}

void pn__ix_xml(pn__buf *b, const char *s, bool attr)
{
    size_t start = 0, i = 0;
    for (; s[i]; i++) {
        unsigned char c = (unsigned char)s[i];
        const char *esc = NULL;
        switch (c) {
        case '&':
            esc = "&amp;";
            break;
        case '<':
            esc = "&lt;";
            break;
        case '>':
            esc = "&gt;";
            break;
        case '"':
            esc = attr ? "&quot;" : NULL;
            break;
        case '\r':
            esc = "&#13;";
            break;
        case '\n':
            esc = attr ? "&#10;" : NULL;
            break;
        case '\t':
            esc = attr ? "&#9;" : NULL;
            break;
        default:
            if (c < 0x20)
                esc = "\xEF\xBF\xBD";
        }
        if (esc) {
            pn__buf_add(b, s + start, i - start);
            pn__buf_puts(b, esc);
            start = i + 1;
        }
    }
    pn__buf_add(b, s + start, i - start);
}

static int set_default(json_t *arr, const char *key, const char *value)
{
    size_t i;
    json_t *o;
    if (!value || !json_is_array(arr))
        return 0;
    json_array_foreach(arr, i, o)
    {
        if (json_is_object(o) && !json_object_get(o, key) &&
            json_object_set_new(o, key, json_string(value)) != 0)
            return PN_ENOMEM;
    }
    return 0;
}

int pn__ix_defaults(json_t *root, const pn_import_options *opts)
{
    if (!opts)
        return 0;
    json_t *actors = json_object_get(root, "actors"), *ties = json_object_get(root, "ties");
    int rc = set_default(actors, "kind", opts->default_kind);
    if (!rc)
        rc = set_default(actors, "country", opts->default_country);
    if (!rc)
        rc = set_default(ties, "type", opts->default_type);
    return rc;
}

const char *pn__ix_clip(const char *s, char *buf, size_t max)
{
    if (!s)
        return "?";
    size_t n = strlen(s);
    if (n <= max)
        return s;
    size_t k = max;
    while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
        k--;
    memcpy(buf, s, k);
    memcpy(buf + k, "...", 4);
    return buf;
}

static const char *const csv_table_names[] = {"actors", "ties", "sources", "dataset"};
static const char *const csv_table_records[] = {PN__REC_ACTOR, PN__REC_TIE, PN__REC_SOURCE,
                                                PN__REC_DATASET};

const char *pn_csv_table_name(pn_csv_table table)
{
    if (table < 0 || table >= PN_CSV_TABLE_COUNT)
        return "unknown";
    return csv_table_names[table];
}

const char *pn__ix_csv_record(pn_csv_table table)
{
    return csv_table_records[table];
}
