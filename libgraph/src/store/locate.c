/* Mapping a JSON path back to a line and column of the text.
 *
 * The parser keeps no positions for values, so the paths of the diagnostics
 * kept are collected while loading (pn__locs) and found afterwards in one
 * walk of the text: the paths are sorted, and the walk descends only into
 * the values some path goes through, skipping every other subtree. Lines
 * and columns come from one more pass over the text, in offset order. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "paranet/error.h"

#include "core/util.h"

void pn__path_key(pn__path *p, const char *key)
{
    if (p->depth < PN__PATH_MAX) {
        p->c[p->depth].key = key;
        p->c[p->depth].index = 0;
    }
    p->depth++;
}

void pn__path_index(pn__path *p, size_t index)
{
    if (p->depth < PN__PATH_MAX) {
        p->c[p->depth].key = NULL;
        p->c[p->depth].index = index;
    }
    p->depth++;
}

void pn__path_pop(pn__path *p)
{
    if (p->depth > 0)
        p->depth--;
}

void pn__path_format(const pn__path *p, pn__buf *out)
{
    size_t depth = p->depth < PN__PATH_MAX ? p->depth : PN__PATH_MAX;
    for (size_t i = 0; i < depth; i++) {
        if (p->c[i].key)
            pn__buf_printf(out, "%s%s", i ? "." : "", p->c[i].key);
        else
            pn__buf_printf(out, "[%zu]", p->c[i].index);
    }
    if (out->data == NULL)
        pn__buf_add(out, "", 0);
}

static size_t skip_ws(const char *s, size_t n, size_t i)
{
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
        i++;
    return i;
}

/* i at the opening quote; returns the index after the closing one. */
static size_t skip_string(const char *s, size_t n, size_t i)
{
    for (i++; i < n; i++) {
        if (s[i] == '\\')
            i++;
        else if (s[i] == '"')
            return i + 1;
    }
    return n;
}

static size_t skip_value(const char *s, size_t n, size_t i)
{
    if (i >= n)
        return n;
    if (s[i] == '"')
        return skip_string(s, n, i);
    if (s[i] == '{' || s[i] == '[') {
        size_t depth = 0;
        while (i < n) {
            char c = s[i];
            if (c == '"') {
                i = skip_string(s, n, i);
                continue;
            }
            if (c == '{' || c == '[')
                depth++;
            else if (c == '}' || c == ']') {
                if (--depth == 0)
                    return i + 1;
            }
            i++;
        }
        return n;
    }
    while (i < n && s[i] != ',' && s[i] != '}' && s[i] != ']' && s[i] != ' ' && s[i] != '\n' &&
           s[i] != '\t' && s[i] != '\r')
        i++;
    return i;
}

/* ---- Locating many paths in one walk (pn__locs) ---- */

void pn__locs_init(pn__locs *l)
{
    memset(l, 0, sizeof(*l));
}

void pn__locs_free(pn__locs *l)
{
    free(l->items);
    free(l->comps);
    pn__locs_init(l);
}

int pn__locs_add(pn__locs *l, const pn__path *path, size_t tag)
{
    if (path->depth > PN__PATH_MAX)
        return 0; /* a path cut at PN__PATH_MAX is not found anyway */
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 16;
        pn__loc_item *items = realloc(l->items, cap * sizeof(*items));
        if (!items)
            return PN_ENOMEM;
        l->items = items;
        l->cap = cap;
    }
    if (l->n_comps + path->depth > l->cap_comps) {
        size_t cap = l->cap_comps ? l->cap_comps * 2 : 64;
        while (cap < l->n_comps + path->depth)
            cap *= 2;
        pn__loc_comp *comps = realloc(l->comps, cap * sizeof(*comps));
        if (!comps)
            return PN_ENOMEM;
        l->comps = comps;
        l->cap_comps = cap;
    }
    pn__loc_item *it = &l->items[l->n++];
    it->tag = tag;
    it->first = l->n_comps;
    it->depth = path->depth;
    for (size_t d = 0; d < path->depth; d++) {
        l->comps[l->n_comps].key = path->c[d].key;
        l->comps[l->n_comps].index = path->c[d].index;
        l->n_comps++;
    }
    return 0;
}

typedef struct walk {
    const char *s;
    size_t n;
    const pn__locs *l;
    size_t *order;  /* item indices sorted by path */
    size_t *offset; /* per item: where its value starts, or SIZE_MAX */
} walk;

static const pn__loc_comp *comp_of(const walk *w, size_t item, size_t d)
{
    return &w->l->comps[w->l->items[item].first + d];
}

/* Paths in order: component by component, keys before indices, keys by
 * bytes, indices by value, a prefix before what extends it. */
static int path_cmp(const pn__locs *l, size_t a, size_t b)
{
    const pn__loc_item *x = &l->items[a], *y = &l->items[b];
    size_t depth = x->depth < y->depth ? x->depth : y->depth;
    for (size_t d = 0; d < depth; d++) {
        const pn__loc_comp *p = &l->comps[x->first + d], *q = &l->comps[y->first + d];
        if (!p->key != !q->key)
            return p->key ? -1 : 1;
        if (p->key) {
            int c = strcmp(p->key, q->key);
            if (c)
                return c;
        } else if (p->index != q->index) {
            return p->index < q->index ? -1 : 1;
        }
    }
    if (x->depth != y->depth)
        return x->depth < y->depth ? -1 : 1;
    return a < b ? -1 : a > b;
}

static int by_path(const void *a, const void *b, const void *ctx)
{
    return path_cmp(ctx, *(const size_t *)a, *(const size_t *)b);
}

static int by_offset(const void *pa, const void *pb, const void *ctx)
{
    const size_t *offset = ctx, a = *(const size_t *)pa, b = *(const size_t *)pb;
    return offset[a] < offset[b] ? -1 : offset[a] > offset[b];
}

/* A wanted key against the raw bytes of a key between its quotes. A key
 * written with escapes compares unequal: the format's own keys have none. */
static int raw_key_cmp(const char *key, const char *raw, size_t rawlen)
{
    size_t klen = strlen(key);
    int c = memcmp(key, raw, klen < rawlen ? klen : rawlen);
    if (c)
        return c;
    return klen < rawlen ? -1 : klen > rawlen;
}

/* order[lo, hi) share their first d components; the value at s[i] is what
 * those components name. Each byte of the text is skipped over at most
 * once per level of the deepest path, so the walk is linear in the text
 * (paths are at most PN__PATH_MAX deep, so is the recursion). */
static void descend(walk *w, size_t i, size_t lo, size_t hi, size_t d)
{
    const char *s = w->s;
    size_t n = w->n;
    while (lo < hi && w->l->items[w->order[lo]].depth == d)
        w->offset[w->order[lo++]] = i;
    if (lo == hi || i >= n)
        return;
    size_t keys_end = lo;
    while (keys_end < hi && comp_of(w, w->order[keys_end], d)->key)
        keys_end++;
    if (s[i] == '{') {
        if (lo == keys_end)
            return;
        size_t left = keys_end - lo;
        i = skip_ws(s, n, i + 1);
        while (left > 0 && i < n && s[i] == '"') {
            size_t end = skip_string(s, n, i);
            const char *raw = s + i + 1;
            size_t rawlen = end > i + 1 ? end - i - 2 : 0;
            i = skip_ws(s, n, end);
            if (i >= n || s[i] != ':')
                return;
            i = skip_ws(s, n, i + 1);
            /* The first wanted path with this key (binary search), then its run. */
            size_t a = lo, b = keys_end;
            while (a < b) {
                size_t m = a + (b - a) / 2;
                if (raw_key_cmp(comp_of(w, w->order[m], d)->key, raw, rawlen) < 0)
                    a = m + 1;
                else
                    b = m;
            }
            size_t run = a;
            while (run < keys_end &&
                   raw_key_cmp(comp_of(w, w->order[run], d)->key, raw, rawlen) == 0)
                run++;
            if (run > a) {
                descend(w, i, a, run, d + 1);
                left -= run - a;
            }
            if (left == 0)
                return;
            i = skip_ws(s, n, skip_value(s, n, i));
            if (i < n && s[i] == ',')
                i = skip_ws(s, n, i + 1);
        }
    } else if (s[i] == '[') {
        size_t a = keys_end, k = 0;
        i = skip_ws(s, n, i + 1);
        while (a < hi && i < n && s[i] != ']') {
            size_t target = comp_of(w, w->order[a], d)->index;
            if (k < target) {
                i = skip_ws(s, n, skip_value(s, n, i));
                if (i < n && s[i] == ',')
                    i = skip_ws(s, n, i + 1);
                k++;
                continue;
            }
            size_t b = a;
            while (b < hi && comp_of(w, w->order[b], d)->index == target)
                b++;
            descend(w, i, a, b, d + 1);
            a = b;
        }
    }
}

int pn__locs_resolve(const pn__locs *l, const char *s, size_t n,
                     void (*found)(void *ctx, size_t tag, int line, int column), void *ctx)
{
    if (l->n == 0 || !s)
        return 0;
    int rc = 0;
    walk w = {s, n, l, malloc(l->n * sizeof(size_t)), malloc(l->n * sizeof(size_t))};
    size_t *tmp = malloc(l->n * sizeof(size_t));
    if (!w.order || !w.offset || !tmp) {
        rc = PN_ENOMEM;
        goto cleanup;
    }
    for (size_t k = 0; k < l->n; k++) {
        w.order[k] = k;
        w.offset[k] = SIZE_MAX;
    }
    pn__sort_stable(w.order, l->n, sizeof(size_t), tmp, by_path, l);
    size_t i = 0;
    if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    descend(&w, skip_ws(s, n, i), 0, l->n, 0);
    /* Lines and columns of every offset found, in one pass by offset. */
    for (size_t k = 0; k < l->n; k++)
        w.order[k] = k;
    pn__sort_stable(w.order, l->n, sizeof(size_t), tmp, by_offset, w.offset);
    int line = 1, column = 1;
    size_t at = 0;
    for (size_t k = 0; k < l->n; k++) {
        size_t item = w.order[k], off = w.offset[item];
        if (off == SIZE_MAX)
            break; /* not found: those sort last */
        for (; at < off && at < n; at++) {
            if (s[at] == '\n') {
                line++;
                column = 1;
            } else if (((unsigned char)s[at] & 0xC0) != 0x80) {
                column++;
            }
        }
        found(ctx, l->items[item].tag, line, column);
    }
cleanup:
    free(w.order);
    free(w.offset);
    free(tmp);
    return rc;
}

typedef struct one {
    int *line, *column;
    bool found;
} one;

static void found_one(void *ctx, size_t tag, int line, int column)
{
    (void)tag;
    one *o = ctx;
    *o->line = line;
    *o->column = column;
    o->found = true;
}

bool pn__json_locate(const char *s, size_t n, const pn__path *path, int *line, int *column)
{
    if (!s || path->depth > PN__PATH_MAX)
        return false;
    pn__locs l;
    pn__locs_init(&l);
    one o = {line, column, false};
    if (pn__locs_add(&l, path, 0) == 0)
        pn__locs_resolve(&l, s, n, found_one, &o);
    pn__locs_free(&l);
    return o.found;
}
