#include "util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include <igraph.h>

#include "paranet/error.h"

struct pn__pool_chunk {
    pn__pool_chunk *next;
    size_t used;
    size_t size;
    max_align_t data[];
};

#define POOL_CHUNK     65536
#define POOL_CHUNK_MAX ((size_t)8 << 20)
#define HUGE_PAGE      ((size_t)2 << 20)

void *pn__malloc_big(size_t bytes)
{
#ifdef MADV_HUGEPAGE
    if (bytes >= 2 * HUGE_PAGE) {
        size_t whole = (bytes + HUGE_PAGE - 1) / HUGE_PAGE * HUGE_PAGE;
        void *p = aligned_alloc(HUGE_PAGE, whole);
        if (p)
            madvise(p, whole, MADV_HUGEPAGE);
        return p;
    }
#endif
    return malloc(bytes);
}

static pn__pool_chunk *chunk_new(size_t cap)
{
    return pn__malloc_big(sizeof(pn__pool_chunk) + cap);
}

void pn__pool_init(pn__pool *pool)
{
    pool->head = NULL;
    pool->total = 0;
}

void pn__pool_free(pn__pool *pool)
{
    pn__pool_chunk *c = pool->head;
    while (c) {
        pn__pool_chunk *next = c->next;
        free(c);
        c = next;
    }
    pool->head = NULL;
    pool->total = 0;
}

/* size bytes aligned to align (a power of two) from the head chunk. */
static void *pool_take(pn__pool *pool, size_t size, size_t align)
{
    pn__pool_chunk *c = pool->head;
    size_t at = c ? (c->used + align - 1) & ~(align - 1) : 0;
    if (!c || at > c->size || c->size - at < size) {
        /* Chunks grow with the pool (an eighth of it, at most POOL_CHUNK_MAX):
         * a large load touches fewer, larger blocks. */
        size_t grow = pool->total / 8 > POOL_CHUNK ? pool->total / 8 : POOL_CHUNK;
        if (grow > POOL_CHUNK_MAX)
            grow = POOL_CHUNK_MAX;
        size_t cap = size > grow ? size : grow;
        pn__pool_chunk *n = chunk_new(cap);
        if (!n)
            return NULL;
        n->used = 0;
        n->size = cap;
        pool->total += cap;
        if (c && size > grow) {
            /* keep filling the current chunk: put the big one behind it */
            n->next = c->next;
            c->next = n;
            n->used = size;
            return n->data;
        }
        n->next = c;
        pool->head = n;
        c = n;
        at = 0;
    }
    c->used = at + size;
    return (char *)c->data + at;
}

void *pn__pool_alloc(pn__pool *pool, size_t size)
{
    return pool_take(pool, size ? size : 1, sizeof(max_align_t));
}

void *pn__pool_alloc_bytes(pn__pool *pool, size_t size)
{
    return pool_take(pool, size ? size : 1, 1);
}

char *pn__pool_strdup(pn__pool *pool, const char *s, bool *failed)
{
    if (!s)
        return NULL;
    size_t n = strlen(s) + 1;
    char *p = pn__pool_alloc_bytes(pool, n);
    if (!p) {
        *failed = true;
        return NULL;
    }
    memcpy(p, s, n);
    return p;
}

uint64_t pn__hash(const void *data, size_t len)
{
    const unsigned char *p = data;
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= 1099511628211ULL;
    }
    return h;
}

void pn__map_init(pn__map *map)
{
    memset(map, 0, sizeof(*map));
}

void pn__map_free(pn__map *map)
{
    free(map->keys);
    free(map->values);
    free(map->hashes);
    pn__map_init(map);
}

/* Linear probing, at most half full. */
static size_t map_slot(const pn__map *map, const char *key, uint64_t h, bool *found)
{
    size_t mask = map->capacity - 1;
    size_t i = (size_t)(h ^ (h >> 29)) & mask;
    while (map->keys[i]) {
        if (map->hashes[i] == h && strcmp(map->keys[i], key) == 0) {
            *found = true;
            return i;
        }
        i = (i + 1) & mask;
    }
    *found = false;
    return i;
}

static int map_grow(pn__map *map)
{
    size_t cap = map->capacity ? map->capacity * 2 : 16;
    pn__map bigger = {calloc(cap, sizeof(char *)), calloc(cap, sizeof(size_t)),
                      calloc(cap, sizeof(uint64_t)), cap, 0};
    if (!bigger.keys || !bigger.values || !bigger.hashes) {
        pn__map_free(&bigger);
        return PN_ENOMEM;
    }
    for (size_t i = 0; i < map->capacity; i++) {
        if (map->keys[i]) {
            bool found;
            size_t s = map_slot(&bigger, map->keys[i], map->hashes[i], &found);
            bigger.keys[s] = map->keys[i];
            bigger.values[s] = map->values[i];
            bigger.hashes[s] = map->hashes[i];
            bigger.count++;
        }
    }
    pn__map_free(map);
    *map = bigger;
    return 0;
}

int pn__map_reserve(pn__map *map, size_t n)
{
    while (n * 2 > map->capacity) {
        int rc = map_grow(map);
        if (rc)
            return rc;
    }
    return 0;
}

int pn__map_put(pn__map *map, const char *key, size_t value)
{
    if ((map->count + 1) * 2 > map->capacity) {
        int rc = map_grow(map);
        if (rc)
            return rc;
    }
    bool found;
    uint64_t h = pn__hash(key, strlen(key));
    size_t s = map_slot(map, key, h, &found);
    if (found)
        return 1;
    map->keys[s] = key;
    map->values[s] = value;
    map->hashes[s] = h;
    map->count++;
    return 0;
}

bool pn__map_get(const pn__map *map, const char *key, size_t *value)
{
    if (map->capacity == 0 || !key)
        return false;
    bool found;
    size_t s = map_slot(map, key, pn__hash(key, strlen(key)), &found);
    if (found && value)
        *value = map->values[s];
    return found;
}

void pn__buf_init(pn__buf *b)
{
    memset(b, 0, sizeof(*b));
}

void pn__buf_free(pn__buf *b)
{
    free(b->data);
    pn__buf_init(b);
}

static bool buf_reserve(pn__buf *b, size_t extra)
{
    if (b->failed)
        return false;
    if (b->len + extra + 1 <= b->cap)
        return true;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + extra + 1)
        cap *= 2;
    char *p = realloc(b->data, cap);
    if (!p) {
        b->failed = true;
        return false;
    }
    b->data = p;
    b->cap = cap;
    return true;
}

void pn__buf_add(pn__buf *b, const void *data, size_t len)
{
    if (!buf_reserve(b, len))
        return;
    memcpy(b->data + b->len, data, len);
    b->len += len;
    b->data[b->len] = '\0';
}

void pn__buf_puts(pn__buf *b, const char *s)
{
    pn__buf_add(b, s, strlen(s));
}

void pn__buf_printf(pn__buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n >= 0 && buf_reserve(b, (size_t)n)) {
        vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap2);
        b->len += (size_t)n;
    } else if (n < 0) {
        b->failed = true;
    }
    va_end(ap2);
}

static void quiet_warning(const char *reason, const char *file, int line)
{
    (void)reason;
    (void)file;
    (void)line;
}

void pn__igraph_init(void)
{
    /* igraph's handlers are process-wide; these only make it return errors
     * instead of aborting, and keep it from printing. Idempotent. */
    igraph_set_error_handler(igraph_error_handler_ignore);
    igraph_set_warning_handler(quiet_warning);
}
