#include "core/util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <time.h>

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

void pn__sort_stable(void *base, size_t n, size_t size, void *tmp,
                     int (*cmp)(const void *a, const void *b, const void *ctx), const void *ctx)
{
    char *v = base, *t = tmp;
    for (size_t width = 1; width < n; width *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * width) {
            size_t mid = lo + width < n ? lo + width : n;
            size_t hi = lo + 2 * width < n ? lo + 2 * width : n;
            size_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi) {
                /* Right before left only when strictly smaller: stable. */
                size_t from = cmp(v + j * size, v + i * size, ctx) < 0 ? j++ : i++;
                memcpy(t + k++ * size, v + from * size, size);
            }
            memcpy(t + k * size, v + i * size, (mid - i) * size);
            k += mid - i;
            memcpy(t + k * size, v + j * size, (hi - j) * size);
        }
        memcpy(v, t, n * size);
    }
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

/* ---- SipHash-1-3 (Aumasson and Bernstein), keyed per table ---- */

static uint64_t rotl(uint64_t x, int b)
{
    return (x << b) | (x >> (64 - b));
}

#define SIPROUND                                                                                   \
    do {                                                                                           \
        v0 += v1;                                                                                  \
        v1 = rotl(v1, 13);                                                                         \
        v1 ^= v0;                                                                                  \
        v0 = rotl(v0, 32);                                                                         \
        v2 += v3;                                                                                  \
        v3 = rotl(v3, 16);                                                                         \
        v3 ^= v2;                                                                                  \
        v0 += v3;                                                                                  \
        v3 = rotl(v3, 21);                                                                         \
        v3 ^= v0;                                                                                  \
        v2 += v1;                                                                                  \
        v1 = rotl(v1, 17);                                                                         \
        v1 ^= v2;                                                                                  \
        v2 = rotl(v2, 32);                                                                         \
    } while (0)

uint64_t pn__siphash(const pn__hkey *key, const void *data, size_t len)
{
    const unsigned char *p = data;
    uint64_t v0 = 0x736f6d6570736575ULL ^ key->k0, v1 = 0x646f72616e646f6dULL ^ key->k1;
    uint64_t v2 = 0x6c7967656e657261ULL ^ key->k0, v3 = 0x7465646279746573ULL ^ key->k1;
    size_t whole = len - len % 8;
    for (size_t i = 0; i < whole; i += 8) {
        uint64_t m = 0;
        for (int k = 7; k >= 0; k--)
            m = m << 8 | p[i + (size_t)k];
        v3 ^= m;
        SIPROUND;
        v0 ^= m;
    }
    uint64_t b = (uint64_t)len << 56;
    for (size_t k = len % 8; k > 0; k--)
        b |= (uint64_t)p[whole + k - 1] << (8 * (k - 1));
    v3 ^= b;
    SIPROUND;
    v0 ^= b;
    v2 ^= 0xff;
    SIPROUND;
    SIPROUND;
    SIPROUND;
    return v0 ^ v1 ^ v2 ^ v3;
}

static uint64_t splitmix(uint64_t *x)
{
    uint64_t z = (*x += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

void pn__hkey_init(pn__hkey *key, const void *salt)
{
    /* The kernel's random bytes where it gives them at once, mixed with
     * the time and addresses: nothing a file can know, and no state kept
     * between tables. (The key changes no output: nothing is ever listed
     * in hash order.) */
    uint64_t r[2] = {0, 0};
    if (getrandom(r, sizeof(r), GRND_NONBLOCK) != (ssize_t)sizeof(r))
        r[0] = r[1] = 0;
    struct timespec ts = {0, 0};
    timespec_get(&ts, TIME_UTC);
    uint64_t x = r[0] ^ (uint64_t)(uintptr_t)salt ^ ((uint64_t)ts.tv_sec << 32) ^
                 (uint64_t)ts.tv_nsec ^ (uint64_t)(uintptr_t)&x;
    key->k0 = splitmix(&x);
    x ^= r[1];
    key->k1 = splitmix(&x);
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
    pn__hkey key = map->key;
    bool keyed = map->keyed;
    pn__map_init(map);
    map->key = key; /* a map emptied and filled again keeps its key */
    map->keyed = keyed;
}

static uint64_t map_hash(const pn__map *map, const char *key)
{
    return pn__siphash(&map->key, key, strlen(key));
}

/* Linear probing, at most half full; the hash is keyed (pn__hkey_init), so
 * a file cannot choose ids that fall in one cluster. */
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
    if (!map->keyed) {
        pn__hkey_init(&map->key, map);
        map->keyed = true;
    }
    size_t cap = map->capacity ? map->capacity * 2 : 16;
    pn__map bigger = {calloc(cap, sizeof(char *)),
                      calloc(cap, sizeof(size_t)),
                      calloc(cap, sizeof(uint64_t)),
                      cap,
                      0,
                      map->key,
                      true};
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
    uint64_t h = map_hash(map, key);
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
    size_t s = map_slot(map, key, map_hash(map, key), &found);
    if (found && value)
        *value = map->values[s];
    return found;
}

size_t pn__utf8_floor(const char *s, size_t n)
{
    size_t j = n;
    while (j > 0 && n - j < 3 && ((unsigned char)s[j - 1] & 0xC0) == 0x80)
        j--;
    if (j == 0)
        return n;
    unsigned char lead = (unsigned char)s[j - 1];
    size_t want = lead < 0x80             ? 1
                  : (lead & 0xE0) == 0xC0 ? 2
                  : (lead & 0xF0) == 0xE0 ? 3
                  : (lead & 0xF8) == 0xF0 ? 4
                                          : 1;
    return n - (j - 1) < want ? j - 1 : n;
}

void pn__utf8_trim(char *buf)
{
    buf[pn__utf8_floor(buf, strlen(buf))] = '\0';
}

/* The byte offset after the first `chars` characters of s[0, len). */
static size_t utf8_skip(const char *s, size_t len, size_t chars)
{
    size_t i = 0;
    while (i < len && chars > 0) {
        i++;
        while (i < len && ((unsigned char)s[i] & 0xC0) == 0x80)
            i++;
        chars--;
    }
    return i;
}

const char *pn__short(const char *s, char *buf)
{
    if (!s)
        return s;
    size_t len = strlen(s), chars = 0;
    for (size_t i = 0; i < len; i++)
        chars += ((unsigned char)s[i] & 0xC0) != 0x80;
    if (chars <= PN__SHORT_HEAD + PN__SHORT_TAIL + 4)
        return s;
    size_t head = utf8_skip(s, len, PN__SHORT_HEAD);
    size_t tail = utf8_skip(s, len, chars - PN__SHORT_TAIL);
    memcpy(buf, s, head);
    memcpy(buf + head, "\xE2\x80\xA6", 3); /* … */
    memcpy(buf + head + 3, s + tail, len - tail);
    buf[head + 3 + len - tail] = '\0';
    return buf;
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
