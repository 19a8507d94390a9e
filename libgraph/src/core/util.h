/* Internal helpers shared between paranet's source files (never installed). */
#ifndef PN_UTIL_H
#define PN_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* An arena of strings and small arrays, freed at once. */
typedef struct pn__pool_chunk pn__pool_chunk;
typedef struct pn__pool {
    pn__pool_chunk *head;
    size_t total; /* bytes in chunks */
} pn__pool;

void pn__pool_init(pn__pool *pool);
void pn__pool_free(pn__pool *pool);
/* size bytes aligned for any type (max_align_t); NULL when out of memory. */
void *pn__pool_alloc(pn__pool *pool, size_t size);
/* size bytes with no alignment (strings): no padding between them. */
void *pn__pool_alloc_bytes(pn__pool *pool, size_t size);
/* Copies s (NULL gives NULL). Sets *failed on allocation failure. */
char *pn__pool_strdup(pn__pool *pool, const char *s, bool *failed);

/* malloc for blocks of several MB: asks for transparent huge pages where
 * the system gives them on request (Linux "madvise" mode), which saves most
 * page faults of a large load. Free with free(). */
void *pn__malloc_big(size_t bytes);

/* The key of a keyed hash (SipHash-1-3): each table draws its own, so a
 * file cannot choose strings that collide. */
typedef struct pn__hkey {
    uint64_t k0, k1;
} pn__hkey;

/* A key from the system's random bytes, the time and salt (an address).
 * Nothing observable may depend on it: never list a table in hash order. */
void pn__hkey_init(pn__hkey *key, const void *salt);
uint64_t pn__siphash(const pn__hkey *key, const void *data, size_t len);

/* A map from NUL-terminated string keys (borrowed) to size_t values, keyed
 * (pn__hkey) so that its cost does not depend on which keys a file holds. */
typedef struct pn__map {
    const char **keys;
    size_t *values;
    uint64_t *hashes; /* of each key: most probes end without a strcmp */
    size_t capacity;  /* a power of two, or 0 */
    size_t count;
    pn__hkey key; /* drawn at the first insert */
    bool keyed;
} pn__map;

void pn__map_init(pn__map *map);
void pn__map_free(pn__map *map);
/* 0, 1 when the key was there already (value left unchanged), or PN_ENOMEM. */
int pn__map_put(pn__map *map, const char *key, size_t value);
bool pn__map_get(const pn__map *map, const char *key, size_t *value);
/* Room for n keys without regrowth: 0 or PN_ENOMEM. */
int pn__map_reserve(pn__map *map, size_t n);

/* FNV-1a, unkeyed: a file can choose its collisions. Not for tables or
 * sorting of anything read from input (use pn__siphash). */
/* Read the file open as fd whole, as pn_read_file does (path names it in
 * messages; len may be NULL). *regular, when not NULL, is set when it is a
 * regular file whose size is what was read, so that pread can read the same
 * bytes again. The caller closes fd. */
struct pn_diags;
int pn__read_fd(int fd, const char *path, size_t max_bytes, char **out, size_t *len, bool *regular,
                struct pn_diags *diags);

/* A stable merge sort (bottom-up: no recursion) of n elements of size bytes
 * at base, through tmp (room for n elements), by cmp(a, b, ctx) < 0 when a
 * goes first. qsort is neither stable nor given a context. */
void pn__sort_stable(void *base, size_t n, size_t size, void *tmp,
                     int (*cmp)(const void *a, const void *b, const void *ctx), const void *ctx);

uint64_t pn__hash(const void *data, size_t len);

/* A growable byte buffer. */
typedef struct pn__buf {
    char *data;
    size_t len;
    size_t cap;
    bool failed; /* an allocation failed; the content is incomplete */
} pn__buf;

void pn__buf_init(pn__buf *b);
void pn__buf_free(pn__buf *b);
void pn__buf_add(pn__buf *b, const void *data, size_t len);
void pn__buf_puts(pn__buf *b, const char *s);
void pn__buf_printf(pn__buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* UTF-8 in messages. pn__utf8_floor: the length of s[0, n) without a
 * sequence cut at its end (for text cut at n bytes); pn__utf8_trim: the
 * same on a NUL-terminated buffer. pn__short: s itself when it has at most
 * 64 characters, else its first 40 and last 20 characters around "…" in
 * buf (PN__SHORT_SIZE bytes): a 1 MB id leaves room for what is wrong. */
#define PN__SHORT_HEAD 40
#define PN__SHORT_TAIL 20
#define PN__SHORT_SIZE (4 * (PN__SHORT_HEAD + PN__SHORT_TAIL) + 4)
size_t pn__utf8_floor(const char *s, size_t n);
void pn__utf8_trim(char *buf);
const char *pn__short(const char *s, char *buf);

/* Sort the diagnostics from index start on by line and column (stable). */
struct pn_diags;
void pn__diags_sort_from(struct pn_diags *diags, size_t start);

/* Make sure igraph never aborts or prints: install paranet's handlers. */
void pn__igraph_init(void);

/* A JSON path such as ties[12].sources[0].ref: keys and array indices. */
#define PN__PATH_MAX 8
typedef struct pn__path {
    size_t depth;
    struct {
        const char *key; /* NULL for an array index */
        size_t index;
    } c[PN__PATH_MAX];
} pn__path;

void pn__path_key(pn__path *p, const char *key);
void pn__path_index(pn__path *p, size_t index);
void pn__path_pop(pn__path *p);
void pn__path_format(const pn__path *p, pn__buf *out);

/* Find where the value at path starts in a JSON text that parses. 1-based
 * line and column (columns count characters). false when not found. One
 * walk of the text: for many paths, use pn__locs. */
bool pn__json_locate(const char *text, size_t len, const pn__path *path, int *line, int *column);

/* Many paths to locate in one walk of a text: add each with a tag, then
 * resolve once. Keys are borrowed until pn__locs_resolve. */
typedef struct pn__loc_comp {
    const char *key; /* NULL for an array index */
    size_t index;
} pn__loc_comp;
typedef struct pn__loc_item {
    size_t tag;
    size_t first; /* in comps */
    size_t depth;
} pn__loc_item;
typedef struct pn__locs {
    pn__loc_item *items;
    size_t n, cap;
    pn__loc_comp *comps;
    size_t n_comps, cap_comps;
} pn__locs;

void pn__locs_init(pn__locs *l);
void pn__locs_free(pn__locs *l);
/* 0 or PN_ENOMEM. */
int pn__locs_add(pn__locs *l, const pn__path *path, size_t tag);
/* Calls found(ctx, tag, line, column) for each path found in the text, in
 * the text's order; paths not found get no call. O(len + n log n) for n
 * paths. 0 or PN_ENOMEM. */
int pn__locs_resolve(const pn__locs *l, const char *text, size_t len,
                     void (*found)(void *ctx, size_t tag, int line, int column), void *ctx);

/* True when the next diagnostic added would only be counted (the cap). */
bool pn__diags_full(const struct pn_diags *diags);

/* Set the line and column of the i-th diagnostic (located after it was added). */
void pn__diags_set_location(struct pn_diags *diags, size_t i, int line, int column);

#endif
