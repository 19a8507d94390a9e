/* A read-only JSON document in one arena (json.h). */
#include "store/json.h"

#include <errno.h>
#include <jansson.h>
#include <limits.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "paranet/error.h"

#define MAX_DEPTH      2048 /* jansson's JSON_PARSER_MAX_DEPTH */
#define PROGRESS_EVERY ((size_t)4 << 20)
#define CACHE_SIZE     4096 /* a power of two */
#define CACHE_MAX      24   /* longest string cached, bytes */

/* While a container is open its members wait on one stack shared by every
 * level; when it closes they are copied to the arena as one vector. */
typedef struct parser {
    const char *p, *end, *start;
    pn__pool *pool;
    pn__jmember *stack;
    size_t top, cap;
    size_t depth, max_depth;
    bool nomem;
    bool c_locale; /* strtod reads '.' as the decimal point */
    size_t next_progress;
    void (*progress)(void *ctx, double fraction);
    void *ctx;
    /* Short strings repeat (keys, vocabulary, country codes): one copy each,
     * found through a direct-mapped cache by hash. */
    struct {
        const char *s;
        uint32_t n;
    } cache[CACHE_SIZE];
} parser;

static void skip_ws(parser *P)
{
    const char *p = P->p;
    while (p < P->end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
        p++;
    P->p = p;
}

static pn__jmember *push(parser *P)
{
    if (P->top == P->cap) {
        size_t cap = P->cap ? P->cap * 2 : 256;
        pn__jmember *s = realloc(P->stack, cap * sizeof(*s));
        if (!s) {
            P->nomem = true;
            return NULL;
        }
        P->stack = s;
        P->cap = cap;
    }
    return &P->stack[P->top++];
}

/* Length of the valid UTF-8 sequence at p (first byte >= 0x80), or 0:
 * no overlong forms, no surrogates, nothing above U+10FFFF. */
static size_t utf8_len(const unsigned char *p, const unsigned char *end)
{
    unsigned c = p[0];
    size_t n;
    unsigned v;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
        v = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        v = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        v = c & 0x07;
    } else {
        return 0;
    }
    if ((size_t)(end - p) < n)
        return 0;
    for (size_t k = 1; k < n; k++) {
        if ((p[k] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (p[k] & 0x3F);
    }
    if ((n == 3 && v < 0x800) || (n == 4 && (v < 0x10000 || v > 0x10FFFF)) ||
        (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    return n;
}

static int hex4(const char *p, unsigned *out)
{
    unsigned v = 0;
    for (int k = 0; k < 4; k++) {
        char c = p[k];
        v <<= 4;
        if (c >= '0' && c <= '9')
            v |= (unsigned)(c - '0');
        else if (c >= 'a' && c <= 'f')
            v |= (unsigned)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            v |= (unsigned)(c - 'A' + 10);
        else
            return -1;
    }
    *out = v;
    return 0;
}

static char *put_utf8(char *o, unsigned cp)
{
    if (cp < 0x80) {
        *o++ = (char)cp;
    } else if (cp < 0x800) {
        *o++ = (char)(0xC0 | (cp >> 6));
        *o++ = (char)(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        *o++ = (char)(0xE0 | (cp >> 12));
        *o++ = (char)(0x80 | ((cp >> 6) & 0x3F));
        *o++ = (char)(0x80 | (cp & 0x3F));
    } else {
        *o++ = (char)(0xF0 | (cp >> 18));
        *o++ = (char)(0x80 | ((cp >> 12) & 0x3F));
        *o++ = (char)(0x80 | ((cp >> 6) & 0x3F));
        *o++ = (char)(0x80 | (cp & 0x3F));
    }
    return o;
}

static char *alloc_bytes(parser *P, size_t n)
{
    char *b = pn__pool_alloc_bytes(P->pool, n);
    if (!b)
        P->nomem = true;
    return b;
}

/* A string at P->p (just after the opening quote) into the arena. */
static int parse_string(parser *P, const char **out, uint32_t *outlen)
{
    const char *s = P->p, *p = s, *end = P->end;
    bool escapes = false;
    /* First pass: find the closing quote, validating as we go. */
    for (;;) {
        if (p >= end)
            return -1;
        unsigned char c = (unsigned char)*p;
        if (c == '"')
            break;
        if (c < 0x20)
            return -1;
        if (c == '\\') {
            escapes = true;
            p += 2;
        } else if (c >= 0x80) {
            size_t n = utf8_len((const unsigned char *)p, (const unsigned char *)end);
            if (!n)
                return -1;
            p += n;
        } else {
            p++;
        }
    }
    size_t raw = (size_t)(p - s);
    if (raw >= UINT32_MAX)
        return -1;
    unsigned slot = 0;
    if (!escapes && raw <= CACHE_MAX) {
        uint32_t h = 2166136261u;
        for (size_t k = 0; k < raw; k++)
            h = (h ^ (unsigned char)s[k]) * 16777619u;
        slot = h & (CACHE_SIZE - 1);
        if (P->cache[slot].s && P->cache[slot].n == raw && memcmp(P->cache[slot].s, s, raw) == 0) {
            *out = P->cache[slot].s;
            *outlen = (uint32_t)raw;
            P->p = p + 1;
            return 0;
        }
    }
    char *dst = alloc_bytes(P, raw + 1);
    if (!dst)
        return -1;
    char *o = dst;
    if (!escapes) {
        memcpy(dst, s, raw);
        o += raw;
        if (raw <= CACHE_MAX) {
            P->cache[slot].s = dst;
            P->cache[slot].n = (uint32_t)raw;
        }
    } else {
        const char *q = s;
        while (q < p) {
            if (*q != '\\') {
                *o++ = *q++;
                continue;
            }
            q++; /* q < p: the first pass stepped over the escaped character */
            switch (*q) {
            case '"':
            case '\\':
            case '/':
                *o++ = *q;
                break;
            case 'b':
                *o++ = '\b';
                break;
            case 'f':
                *o++ = '\f';
                break;
            case 'n':
                *o++ = '\n';
                break;
            case 'r':
                *o++ = '\r';
                break;
            case 't':
                *o++ = '\t';
                break;
            case 'u': {
                unsigned cp;
                if (p - q < 5 || hex4(q + 1, &cp))
                    return -1;
                q += 4;
                if (cp >= 0xDC00 && cp <= 0xDFFF)
                    return -1; /* a lone low surrogate */
                if (cp >= 0xD800 && cp <= 0xDBFF) {
                    unsigned lo;
                    if (p - q < 7 || q[1] != '\\' || q[2] != 'u' || hex4(q + 3, &lo) ||
                        lo < 0xDC00 || lo > 0xDFFF)
                        return -1;
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    q += 6;
                }
                if (cp == 0)
                    return -1; /* jansson refuses \u0000 without JSON_ALLOW_NUL */
                o = put_utf8(o, cp);
                break;
            }
            default:
                return -1;
            }
            q++;
        }
    }
    *o = '\0';
    *out = dst;
    *outlen = (uint32_t)(o - dst);
    P->p = p + 1;
    return 0;
}

static int parse_number(parser *P, pn__jv *v)
{
    const char *p = P->p, *end = P->end, *s = p;
    bool neg = false, real = false;
    if (p < end && *p == '-') {
        neg = true;
        p++;
    }
    if (p >= end)
        return -1;
    if (*p == '0') {
        p++;
        if (p < end && *p >= '0' && *p <= '9')
            return -1;
    } else if (*p >= '1' && *p <= '9') {
        while (p < end && *p >= '0' && *p <= '9')
            p++;
    } else {
        return -1;
    }
    const char *int_end = p;
    if (p < end && *p == '.') {
        real = true;
        p++;
        if (p >= end || *p < '0' || *p > '9')
            return -1;
        while (p < end && *p >= '0' && *p <= '9')
            p++;
    }
    if (p < end && (*p == 'e' || *p == 'E')) {
        real = true;
        p++;
        if (p < end && (*p == '+' || *p == '-'))
            p++;
        if (p >= end || *p < '0' || *p > '9')
            return -1;
        while (p < end && *p >= '0' && *p <= '9')
            p++;
    }
    if (!real) {
        unsigned long long u = 0;
        for (const char *d = s + neg; d < int_end; d++) {
            unsigned digit = (unsigned)(*d - '0');
            if (u > (ULLONG_MAX - digit) / 10)
                return -1;
            u = u * 10 + digit;
        }
        if (neg ? u > (unsigned long long)LLONG_MAX + 1 : u > (unsigned long long)LLONG_MAX)
            return -1; /* jansson: "too big integer" */
        v->type = PN__J_INTEGER;
        v->u.i = neg ? (u == (unsigned long long)LLONG_MAX + 1 ? LLONG_MIN : -(long long)u)
                     : (long long)u;
    } else {
        char small[64], *buf = small;
        size_t n = (size_t)(p - s);
        if (!P->c_locale)
            return -1; /* jansson knows how: let it */
        if (n >= sizeof(small) && !(buf = malloc(n + 1))) {
            P->nomem = true;
            return -1;
        }
        memcpy(buf, s, n);
        buf[n] = '\0';
        errno = 0;
        char *stop;
        double d = strtod(buf, &stop);
        bool bad = stop != buf + n || ((d == HUGE_VAL || d == -HUGE_VAL) && errno == ERANGE);
        if (buf != small)
            free(buf);
        if (bad)
            return -1; /* jansson: "real number overflow" */
        v->type = PN__J_REAL;
        v->u.d = d;
    }
    P->p = p;
    return 0;
}

static int keycmp(const void *a, const void *b)
{
    return strcmp((*(const pn__jmember *const *)a)->key, (*(const pn__jmember *const *)b)->key);
}

/* True when two members of m[0..n) have the same key. */
static bool has_duplicate(parser *P, const pn__jmember *m, size_t n)
{
    if (n <= 16) {
        for (size_t i = 1; i < n; i++)
            for (size_t j = 0; j < i; j++)
                if (m[i].key[0] == m[j].key[0] && strcmp(m[i].key, m[j].key) == 0)
                    return true;
        return false;
    }
    const pn__jmember **s = malloc(n * sizeof(*s));
    if (!s) {
        P->nomem = true;
        return true;
    }
    for (size_t i = 0; i < n; i++)
        s[i] = &m[i];
    qsort(s, n, sizeof(*s), keycmp);
    bool dup = false;
    for (size_t i = 1; i < n && !dup; i++)
        dup = strcmp(s[i - 1]->key, s[i]->key) == 0;
    free(s);
    return dup;
}

static int parse_value(parser *P, pn__jv *v);

/* An array or object at P->p (just after the bracket), into v. */
static int parse_container(parser *P, pn__jv *v, bool object)
{
    if (++P->depth > MAX_DEPTH)
        return -1;
    if (P->depth > P->max_depth)
        P->max_depth = P->depth;
    size_t base = P->top;
    char close = object ? '}' : ']';
    skip_ws(P);
    if (P->p < P->end && *P->p == close) {
        P->p++;
    } else {
        for (;;) {
            pn__jmember *m = push(P);
            if (!m)
                return -1;
            size_t at = P->top - 1; /* the stack may move while the value is parsed */
            m->key = NULL;
            if (object) {
                uint32_t klen;
                const char *key;
                if (P->p >= P->end || *P->p != '"')
                    return -1;
                P->p++;
                if (parse_string(P, &key, &klen))
                    return -1;
                P->stack[at].key = key;
                skip_ws(P);
                if (P->p >= P->end || *P->p != ':')
                    return -1;
                P->p++;
                skip_ws(P);
            }
            pn__jv item;
            if (parse_value(P, &item))
                return -1;
            P->stack[at].value = item;
            skip_ws(P);
            if (P->p >= P->end)
                return -1;
            char c = *P->p++;
            if (c == close)
                break;
            if (c != ',')
                return -1;
            skip_ws(P);
        }
    }
    size_t n = P->top - base;
    if (n >= UINT32_MAX)
        return -1;
    v->n = (uint32_t)n;
    if (object) {
        v->type = PN__J_OBJECT;
        v->u.members = NULL;
        if (n) {
            if (has_duplicate(P, P->stack + base, n))
                return -1;
            v->u.members = pn__pool_alloc(P->pool, n * sizeof(pn__jmember));
            if (!v->u.members) {
                P->nomem = true;
                return -1;
            }
            memcpy(v->u.members, P->stack + base, n * sizeof(pn__jmember));
        }
    } else {
        v->type = PN__J_ARRAY;
        v->u.items = NULL;
        if (n) {
            v->u.items = pn__pool_alloc(P->pool, n * sizeof(pn__jv));
            if (!v->u.items) {
                P->nomem = true;
                return -1;
            }
            for (size_t k = 0; k < n; k++)
                v->u.items[k] = P->stack[base + k].value;
        }
    }
    P->top = base;
    P->depth--;
    if (P->progress && (size_t)(P->p - P->start) >= P->next_progress) {
        P->next_progress += PROGRESS_EVERY;
        P->progress(P->ctx, (double)(P->p - P->start) / (double)(P->end - P->start));
    }
    return 0;
}

static int literal(parser *P, const char *word, size_t n)
{
    if ((size_t)(P->end - P->p) < n || memcmp(P->p, word, n) != 0)
        return -1;
    P->p += n;
    return 0;
}

static int parse_value(parser *P, pn__jv *v)
{
    if (P->p >= P->end)
        return -1;
    v->n = 0;
    switch (*P->p) {
    case '{':
        P->p++;
        return parse_container(P, v, true);
    case '[':
        P->p++;
        return parse_container(P, v, false);
    case '"':
        P->p++;
        v->type = PN__J_STRING;
        return parse_string(P, &v->u.s, &v->n);
    case 't':
        v->type = PN__J_TRUE;
        return literal(P, "true", 4);
    case 'f':
        v->type = PN__J_FALSE;
        return literal(P, "false", 5);
    case 'n':
        v->type = PN__J_NULL;
        return literal(P, "null", 4);
    default:
        return parse_number(P, v);
    }
}

int pn__json_parse(pn__jdoc *doc, const char *text, size_t len,
                   void (*progress)(void *ctx, double fraction), void *ctx)
{
    memset(doc, 0, sizeof(*doc));
    pn__pool_init(&doc->pool);
    parser *P = calloc(1, sizeof(*P)); /* the cache is too big for a stack */
    if (!P)
        return PN_ENOMEM;
    P->p = P->start = text;
    P->end = text + len;
    P->pool = &doc->pool;
    P->progress = progress;
    P->ctx = ctx;
    P->next_progress = PROGRESS_EVERY;
    const struct lconv *lc = localeconv();
    P->c_locale = lc && lc->decimal_point && strcmp(lc->decimal_point, ".") == 0;
    int rc = 0;
    skip_ws(P);
    /* jansson without JSON_DECODE_ANY: an object or an array at the top. */
    if (P->p >= P->end || (*P->p != '{' && *P->p != '[') || parse_value(P, &doc->root)) {
        rc = P->nomem ? PN_ENOMEM : PN_EDATA;
    } else {
        skip_ws(P);
        if (P->p != P->end)
            rc = PN_EDATA;
    }
    doc->depth = P->max_depth;
    free(P->stack);
    free(P);
    if (rc) {
        pn__pool_free(&doc->pool);
        pn__pool_init(&doc->pool);
        memset(&doc->root, 0, sizeof(doc->root));
    }
    return rc;
}

void pn__jdoc_free(pn__jdoc *doc)
{
    if (doc)
        pn__pool_free(&doc->pool);
}

const pn__jv *pn__jv_get(const pn__jv *obj, const char *key)
{
    if (!obj || obj->type != PN__J_OBJECT)
        return NULL;
    for (uint32_t k = 0; k < obj->n; k++)
        if (obj->u.members[k].key[0] == key[0] && strcmp(obj->u.members[k].key, key) == 0)
            return &obj->u.members[k].value;
    return NULL;
}

/* ---- jansson bridges ---- */

static const char *pool_strn(pn__pool *pool, const char *s, size_t n)
{
    char *d = pn__pool_alloc(pool, n + 1);
    if (d) {
        memcpy(d, s, n);
        d[n] = '\0';
    }
    return d;
}

static int from_jansson(pn__jdoc *doc, pn__jv *out, const json_t *value, size_t depth)
{
    memset(out, 0, sizeof(*out));
    if (depth > doc->depth)
        doc->depth = depth;
    switch (json_typeof(value)) {
    case JSON_OBJECT: {
        size_t n = json_object_size(value), k = 0;
        out->type = PN__J_OBJECT;
        if (++depth > doc->depth)
            doc->depth = depth;
        if (n == 0)
            return 0;
        if (n >= UINT32_MAX)
            return PN_EDATA;
        out->u.members = pn__pool_alloc(&doc->pool, n * sizeof(pn__jmember));
        if (!out->u.members)
            return PN_ENOMEM;
        const char *key;
        json_t *x;
        /* json_object_foreach's macro drops const. */
        json_object_foreach((json_t *)value, key, x)
        {
            size_t klen = strlen(key);
            pn__jmember *m = &out->u.members[k++];
            if (!(m->key = pool_strn(&doc->pool, key, klen)))
                return PN_ENOMEM;
            int rc = from_jansson(doc, &m->value, x, depth);
            if (rc)
                return rc;
            out->n = (uint32_t)k;
        }
        return 0;
    }
    case JSON_ARRAY: {
        size_t n = json_array_size(value);
        out->type = PN__J_ARRAY;
        if (++depth > doc->depth)
            doc->depth = depth;
        if (n == 0)
            return 0;
        if (n >= UINT32_MAX)
            return PN_EDATA;
        out->u.items = pn__pool_alloc(&doc->pool, n * sizeof(pn__jv));
        if (!out->u.items)
            return PN_ENOMEM;
        for (size_t k = 0; k < n; k++) {
            int rc = from_jansson(doc, &out->u.items[k], json_array_get(value, k), depth);
            if (rc)
                return rc;
            out->n = (uint32_t)(k + 1);
        }
        return 0;
    }
    case JSON_STRING: {
        size_t n = json_string_length(value);
        const char *s = json_string_value(value);
        if (memchr(s, '\0', n) || n >= UINT32_MAX)
            return PN_EDATA;
        out->type = PN__J_STRING;
        out->n = (uint32_t)n;
        return (out->u.s = pool_strn(&doc->pool, s, n)) ? 0 : PN_ENOMEM;
    }
    case JSON_INTEGER:
        out->type = PN__J_INTEGER;
        out->u.i = (long long)json_integer_value(value);
        return 0;
    case JSON_REAL:
        out->type = PN__J_REAL;
        out->u.d = json_real_value(value);
        return 0;
    case JSON_TRUE:
        out->type = PN__J_TRUE;
        return 0;
    case JSON_FALSE:
        out->type = PN__J_FALSE;
        return 0;
    case JSON_NULL:
        out->type = PN__J_NULL;
        return 0;
    }
    return PN_EDATA;
}

int pn__jv_from_jansson(pn__jdoc *doc, pn__jv *out, const json_t *value)
{
    return from_jansson(doc, out, value, 0);
}

json_t *pn__jv_to_jansson(const pn__jv *v)
{
    switch ((pn__jtype)v->type) {
    case PN__J_NULL:
        return json_null();
    case PN__J_FALSE:
        return json_false();
    case PN__J_TRUE:
        return json_true();
    case PN__J_INTEGER:
        return json_integer((json_int_t)v->u.i);
    case PN__J_REAL:
        return json_real(v->u.d);
    case PN__J_STRING:
        return json_stringn(v->u.s, v->n);
    case PN__J_ARRAY: {
        json_t *a = json_array();
        for (uint32_t k = 0; a && k < v->n; k++) {
            json_t *x = pn__jv_to_jansson(&v->u.items[k]);
            if (!x || json_array_append_new(a, x)) {
                json_decref(a);
                return NULL;
            }
        }
        return a;
    }
    case PN__J_OBJECT: {
        json_t *o = json_object();
        for (uint32_t k = 0; o && k < v->n; k++) {
            json_t *x = pn__jv_to_jansson(&v->u.members[k].value);
            if (!x || json_object_set_new(o, v->u.members[k].key, x)) {
                json_decref(o);
                return NULL;
            }
        }
        return o;
    }
    }
    return NULL;
}
