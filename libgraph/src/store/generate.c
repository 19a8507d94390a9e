/* Synthetic paradiplomacy networks (docs/generate.md).
 *
 * Everything random comes from one xoshiro256** stream seeded by splitmix64,
 * and decisions use integer arithmetic where they can, so a seed gives the
 * same dataset on every machine. The rules of docs/format.md are kept by
 * construction: g2g joins local governments of two countries, horizontal two
 * of one country, b2b two firms, membership ends at an organisation, each
 * (pair, type) is used once, every tie cites a source. */
#include "paranet/generate.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "paranet/vocab.h"

/* ---- PRNG: xoshiro256** (Blackman & Vigna), seeded by splitmix64 ---- */

typedef struct rng {
    uint64_t s[4];
} rng;

static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static uint64_t rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

static uint64_t next(rng *r)
{
    uint64_t *s = r->s;
    uint64_t result = rotl(s[1] * 5, 7) * 9;
    uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

static void rng_seed(rng *r, uint64_t seed)
{
    for (int i = 0; i < 4; i++)
        r->s[i] = splitmix64(&seed);
}

/* Uniform in [0, n), n > 0 (the bias of a 64-bit modulo is below 2^-32 here). */
static size_t below(rng *r, size_t n)
{
    return (size_t)(next(r) % n);
}

/* An index drawn by integer weights (sum > 0). */
static size_t pick_weighted(rng *r, const unsigned *w, size_t n)
{
    unsigned total = 0;
    for (size_t i = 0; i < n; i++)
        total += w[i];
    unsigned x = (unsigned)below(r, total);
    for (size_t i = 0; i < n; i++) {
        if (x < w[i])
            return i;
        x -= w[i];
    }
    return n - 1;
}

/* ---- Fixed vocabulary of the synthetic world ---- */

/* 60 ISO 3166-1 codes, the first ones those of the studies' partners. */
static const char *const countries[] = {
    "ID", "KR", "JP", "CN", "MY", "TH", "PH", "VN", "SG", "IN", "AU", "NZ", "US", "CA", "MX",
    "BR", "AR", "CL", "CO", "PE", "GB", "FR", "DE", "NL", "BE", "ES", "PT", "IT", "SE", "NO",
    "DK", "FI", "PL", "CZ", "AT", "CH", "HU", "RO", "GR", "TR", "RU", "UA", "EG", "MA", "NG",
    "KE", "ZA", "ET", "GH", "SA", "AE", "IR", "PK", "BD", "NP", "LK", "MM", "KH", "LA", "TW"};
#define N_COUNTRIES (sizeof(countries) / sizeof(countries[0]))

static const char *const syllables[] = {"ban", "da", "ra", "su", "ma", "ta", "ko", "ri",
                                        "na",  "lo", "pe", "sa", "gu", "an", "mi", "jo",
                                        "ka",  "te", "li", "wa", "no", "be", "ha", "yo"};
#define N_SYLLABLES (sizeof(syllables) / sizeof(syllables[0]))

static const char *const sectors[] = {"education", "technology",  "trade",  "tourism",
                                      "culture",   "environment", "health", "transport",
                                      "waste",     "smart-city",  "youth",  "investment"};
#define N_SECTORS (sizeof(sectors) / sizeof(sectors[0]))

static const char *const ministries[] = {"Home Affairs", "Foreign Affairs", "Education"};
static const char *const firm_suffix[] = {"Holdings", "Energy", "Land", "Technologies",
                                          "Logistics"};

#define N_SOURCES 8

/* ---- The world under construction ---- */

typedef enum group { G_LOCAL, G_MINISTRY, G_UNIVERSITY, G_FIRM, G_COUNT } group;

typedef struct world {
    rng r;
    pn_dataset *ds;
    size_t n;
    size_t nc;          /* countries used */
    unsigned char *cty; /* country of each actor */
    unsigned char *grp; /* group of each actor (G_COUNT: organisation) */
    /* Actors of each group by country: idx[g][off[g][c] .. off[g][c+1]). */
    size_t *idx[G_COUNT];
    size_t *off[G_COUNT];
    size_t *orgs;
    size_t n_orgs;
    size_t *urn; /* g2g ends, once per tie end: preferential attachment */
    size_t n_urn, urn_cap;
    uint64_t *seen; /* open-addressing set of (pair, type) keys, 0 empty */
    size_t seen_mask;
    size_t n_ties;
} world;

static void make_name(rng *r, char *buf, size_t size)
{
    size_t k = 2 + below(r, 2), len = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < k && len + 4 < size; i++) {
        const char *s = syllables[below(r, N_SYLLABLES)];
        size_t sl = strlen(s);
        memcpy(buf + len, s, sl + 1);
        len += sl;
    }
    if (buf[0] >= 'a' && buf[0] <= 'z')
        buf[0] = (char)(buf[0] - 32);
}

static void lower2(const char *cc, char out[3])
{
    out[0] = (char)(cc[0] + 32);
    out[1] = (char)(cc[1] + 32);
    out[2] = '\0';
}

static int add_actor(world *w, pn_kind kind, size_t c, size_t variant)
{
    char id[48], name[96], base[32], region[32], lc[3];
    const char *cc = countries[c];
    size_t i = pn_dataset_actor_count(w->ds);
    lower2(cc, lc);
    make_name(&w->r, base, sizeof(base));
    pn_actor a = {0};
    a.kind = kind;
    memcpy(a.country, cc, 3);
    a.id = id;
    a.name = name;
    switch (kind) {
    case PN_KIND_CITY:
    case PN_KIND_REGENCY:
        snprintf(id, sizeof(id), "%s-%s-%zu", kind == PN_KIND_CITY ? "city" : "regency", lc, i);
        snprintf(name, sizeof(name), "%s %s", base, kind == PN_KIND_CITY ? "City" : "Regency");
        snprintf(region, sizeof(region), "Region %zu", 1 + below(&w->r, 12));
        a.region = region;
        break;
    case PN_KIND_PROVINCE:
        snprintf(id, sizeof(id), "province-%s-%zu", lc, i);
        snprintf(name, sizeof(name), "%s Province", base);
        break;
    case PN_KIND_MINISTRY:
        snprintf(id, sizeof(id), "ministry-%s-%zu", lc, i);
        snprintf(name, sizeof(name), "Ministry of %s (%s)", ministries[variant % 3], cc);
        break;
    case PN_KIND_UNIVERSITY:
        snprintf(id, sizeof(id), "univ-%s-%zu", lc, i);
        snprintf(name, sizeof(name), "University of %s", base);
        break;
    case PN_KIND_FIRM:
        snprintf(id, sizeof(id), "firm-%s-%zu", lc, i);
        snprintf(name, sizeof(name), "%s %s", base, firm_suffix[below(&w->r, 5)]);
        break;
    default:
        snprintf(id, sizeof(id), "org-%zu", i);
        snprintf(name, sizeof(name), "%s Cities Forum", base);
        break;
    }
    return pn_dataset_add_actor(w->ds, &a, NULL);
}

/* Country of a non-national actor: Zipf-like over the countries used, so
 * some countries are large and many small. */
static size_t pick_country(world *w, const double *cum)
{
    double x = (double)(next(&w->r) >> 11) * (1.0 / 9007199254740992.0) * cum[w->nc - 1];
    size_t lo = 0, hi = w->nc - 1;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cum[mid] > x)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

/* The actors' country and group arrays, and the Zipf-like law of the
 * countries (cumulative weights 1/rank^0.9, for pick_country); NULL when
 * out of memory. */
static double *country_laws(world *w)
{
    w->cty = malloc(w->n);
    w->grp = malloc(w->n);
    double *cum = malloc(w->nc * sizeof(double));
    if (!w->cty || !w->grp || !cum) {
        free(cum);
        return NULL;
    }
    double acc = 0;
    for (size_t c = 0; c < w->nc; c++)
        cum[c] = acc += 1.0 / pow((double)(c + 1), 0.9);
    return cum;
}

static int build_actors(world *w)
{
    size_t n = w->n, nc = w->nc;
    size_t per_country = n >= 400 ? 2 : 1;
    w->n_orgs = n / 250 > 0 ? n / 250 : 1;
    w->orgs = malloc(w->n_orgs * sizeof(size_t));
    double *cum = country_laws(w);
    if (!w->orgs || !cum) {
        free(cum);
        return PN_ENOMEM;
    }
    int rc = 0;
    size_t a = 0;
    for (size_t c = 0; c < nc && !rc; c++) {
        for (size_t k = 0; k < per_country && !rc; k++, a++) {
            w->cty[a] = (unsigned char)c;
            w->grp[a] = G_MINISTRY;
            rc = add_actor(w, PN_KIND_MINISTRY, c, k);
        }
    }
    for (size_t k = 0; k < w->n_orgs && !rc; k++, a++) {
        size_t c = below(&w->r, nc);
        w->cty[a] = (unsigned char)c;
        w->grp[a] = G_COUNT;
        w->orgs[k] = a;
        rc = add_actor(w, PN_KIND_ORGANISATION, c, 0);
    }
    /* Every country gets two cities, so each can have g2g and horizontal ties. */
    static const unsigned kind_w[] = {45, 9, 5, 16, 25}; /* city regency province univ firm */
    for (size_t k = 0; a < n && !rc; k++, a++) {
        size_t c = k < 2 * nc ? k % nc : pick_country(w, cum);
        size_t kk = k < 2 * nc ? 0 : pick_weighted(&w->r, kind_w, 5);
        static const pn_kind kinds[] = {PN_KIND_CITY, PN_KIND_REGENCY, PN_KIND_PROVINCE,
                                        PN_KIND_UNIVERSITY, PN_KIND_FIRM};
        static const group groups[] = {G_LOCAL, G_LOCAL, G_LOCAL, G_UNIVERSITY, G_FIRM};
        w->cty[a] = (unsigned char)c;
        w->grp[a] = (unsigned char)groups[kk];
        rc = add_actor(w, kinds[kk], c, 0);
    }
    free(cum);
    if (rc)
        return rc;
    /* Per-group, per-country lists (counting sort, actor order kept). */
    for (int g = 0; g < G_COUNT; g++) {
        w->off[g] = calloc(nc + 1, sizeof(size_t));
        if (!w->off[g])
            return PN_ENOMEM;
    }
    for (size_t i = 0; i < n; i++)
        if (w->grp[i] < G_COUNT)
            w->off[w->grp[i]][w->cty[i] + 1]++;
    for (int g = 0; g < G_COUNT; g++) {
        for (size_t c = 0; c < nc; c++)
            w->off[g][c + 1] += w->off[g][c];
        w->idx[g] = malloc((w->off[g][nc] + 1) * sizeof(size_t));
        if (!w->idx[g])
            return PN_ENOMEM;
    }
    size_t *fill = calloc((size_t)G_COUNT * nc, sizeof(size_t));
    if (!fill)
        return PN_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        int g = w->grp[i];
        if (g < G_COUNT) {
            size_t c = w->cty[i];
            w->idx[g][w->off[g][c] + fill[(size_t)g * nc + c]++] = i;
        }
    }
    free(fill);
    return 0;
}

static size_t group_size(const world *w, group g)
{
    return w->off[g][w->nc];
}

static size_t country_size(const world *w, group g, size_t c)
{
    return w->off[g][c + 1] - w->off[g][c];
}

/* A uniform member of group g (any country), or of g in country c. */
static size_t any_of(world *w, group g)
{
    return w->idx[g][below(&w->r, group_size(w, g))];
}

static size_t in_country(world *w, group g, size_t c)
{
    return w->idx[g][w->off[g][c] + below(&w->r, country_size(w, g, c))];
}

/* Record (pair, type); false when it is there already. */
static bool claim(world *w, size_t a, size_t b, pn_tie_type type)
{
    size_t lo = a < b ? a : b, hi = a < b ? b : a;
    uint64_t key = (((uint64_t)lo << 24 | (uint64_t)hi) << 3 | (uint64_t)type) + 1;
    size_t h = (size_t)((key * 0x9E3779B97F4A7C15ULL) >> 20) & w->seen_mask;
    while (w->seen[h]) {
        if (w->seen[h] == key)
            return false;
        h = (h + 1) & w->seen_mask;
    }
    w->seen[h] = key;
    return true;
}

/* A year skewed towards recent ones: the later of two draws in 1990..2024. */
static int recent_year(rng *r)
{
    int a = (int)below(r, 35), b = (int)below(r, 35);
    return 1990 + (a > b ? a : b);
}

static int add_tie(world *w, size_t from, size_t to, pn_tie_type type, bool directed)
{
    static const pn_instrument by_type[PN_TYPE_COUNT][4] = {
        [PN_TYPE_G2G] = {PN_INSTRUMENT_LOI, PN_INSTRUMENT_MOU, PN_INSTRUMENT_SISTER_CITY,
                         PN_INSTRUMENT_AGREEMENT},
        [PN_TYPE_B2B] = {PN_INSTRUMENT_AGREEMENT, PN_INSTRUMENT_INVESTMENT, PN_INSTRUMENT_MOU,
                         PN_INSTRUMENT_PROGRAMME},
        [PN_TYPE_G2B] = {PN_INSTRUMENT_INVESTMENT, PN_INSTRUMENT_APPROVAL, PN_INSTRUMENT_AGREEMENT,
                         PN_INSTRUMENT_PROGRAMME},
        [PN_TYPE_HORIZONTAL] = {PN_INSTRUMENT_ADOPTION, PN_INSTRUMENT_VISIT,
                                PN_INSTRUMENT_AGREEMENT, PN_INSTRUMENT_ADOPTION},
        [PN_TYPE_VERTICAL] = {PN_INSTRUMENT_REGULATION, PN_INSTRUMENT_APPROVAL,
                              PN_INSTRUMENT_REGULATION, PN_INSTRUMENT_PROGRAMME},
        [PN_TYPE_ACADEMIC] = {PN_INSTRUMENT_MOU, PN_INSTRUMENT_AGREEMENT, PN_INSTRUMENT_PROGRAMME,
                              PN_INSTRUMENT_PROGRAMME},
        [PN_TYPE_MEMBERSHIP] = {PN_INSTRUMENT_OTHER, PN_INSTRUMENT_OTHER, PN_INSTRUMENT_OTHER,
                                PN_INSTRUMENT_OTHER},
    };
    /* planned signed implemented active stalled failed ended */
    static const unsigned status_w[PN_STATUS_COUNT] = {6, 16, 18, 38, 9, 5, 8};
    rng *r = &w->r;
    char id[32], page[16];
    const char *sec[2];
    snprintf(id, sizeof(id), "t%zu", w->n_ties + 1);
    pn_tie t = {0};
    t.id = id;
    t.from = from;
    t.to = to;
    t.type = type;
    t.directed = directed;
    /* g2g climbs the ladder: the higher rungs are rarer. */
    if (type == PN_TYPE_G2G) {
        static const unsigned rung_w[] = {4, 8, 12, 8, 4};
        static const pn_instrument rung[] = {PN_INSTRUMENT_VISIT, PN_INSTRUMENT_LOI,
                                             PN_INSTRUMENT_MOU, PN_INSTRUMENT_SISTER_CITY,
                                             PN_INSTRUMENT_AGREEMENT};
        t.instrument = rung[pick_weighted(r, rung_w, 5)];
    } else {
        t.instrument = by_type[type][below(r, 4)];
    }
    t.status = (pn_status)pick_weighted(r, status_w, PN_STATUS_COUNT);
    t.since.year = recent_year(r);
    if (below(r, 5) == 0)
        t.since.month = 1 + (int)below(r, 12);
    if (t.status == PN_STATUS_ENDED || t.status == PN_STATUS_FAILED) {
        t.until.year = t.since.year + 1 + (int)below(r, 8);
        if (t.until.year > 2025)
            t.until.year = 2025;
    }
    size_t ns = below(r, 3);
    for (size_t k = 0; k < ns; k++) {
        sec[k] = sectors[below(r, N_SECTORS)];
        if (k == 1 && sec[1] == sec[0])
            ns = 1;
    }
    t.sectors = sec;
    t.n_sectors = ns;
    if (t.instrument == PN_INSTRUMENT_INVESTMENT) {
        t.has_weight = true;
        t.weight = (double)(1 + below(r, 100));
    }
    /* One citation in ten gives a page, as coded datasets often do not. */
    pn_ref ref = {below(r, N_SOURCES), NULL};
    if (below(r, 10) == 0) {
        snprintf(page, sizeof(page), "%zu", 1 + below(r, 300));
        ref.page = page;
    }
    t.sources = &ref;
    t.n_sources = 1;
    int rc = pn_dataset_add_tie(w->ds, &t, NULL);
    if (rc == 0)
        w->n_ties++;
    return rc;
}

/* Draw ends for one tie of a type; false when no fresh pair was found. */
static bool draw(world *w, pn_tie_type type, size_t *from, size_t *to, bool *directed)
{
    rng *r = &w->r;
    size_t a, b, c;
    *directed = false;
    switch (type) {
    case PN_TYPE_G2G:
        a = any_of(w, G_LOCAL);
        /* Preferential attachment: a tie end drawn from the urn of ends so
         * far is a local government drawn in proportion to its g2g degree. */
        b = w->n_urn > 0 && below(r, 4) != 0 ? w->urn[below(r, w->n_urn)] : any_of(w, G_LOCAL);
        if (w->cty[a] == w->cty[b])
            return false;
        break;
    case PN_TYPE_HORIZONTAL:
        a = any_of(w, G_LOCAL);
        c = w->cty[a];
        b = in_country(w, G_LOCAL, c);
        *directed = below(r, 2) == 0; /* learning: from the teacher to the learner */
        break;
    case PN_TYPE_VERTICAL:
        b = any_of(w, G_LOCAL);
        a = in_country(w, G_MINISTRY, w->cty[b]);
        *directed = true;
        break;
    case PN_TYPE_ACADEMIC: {
        a = any_of(w, G_UNIVERSITY);
        size_t k = below(r, 10);
        c = w->cty[a];
        if (k < 5)
            b = in_country(w, G_LOCAL, c);
        else if (k < 8)
            b = any_of(w, G_UNIVERSITY);
        else
            b = country_size(w, G_FIRM, c) ? in_country(w, G_FIRM, c) : any_of(w, G_FIRM);
        break;
    }
    case PN_TYPE_G2B:
        b = any_of(w, G_LOCAL);
        c = w->cty[b];
        a = below(r, 5) != 0 && country_size(w, G_FIRM, c) ? in_country(w, G_FIRM, c)
                                                           : any_of(w, G_FIRM);
        *directed = below(r, 2) == 0; /* an investment made, a licence given */
        break;
    case PN_TYPE_B2B:
        a = any_of(w, G_FIRM);
        b = any_of(w, G_FIRM);
        break;
    case PN_TYPE_MEMBERSHIP:
    default:
        a = below(r, 5) == 0 ? any_of(w, G_UNIVERSITY) : any_of(w, G_LOCAL);
        b = w->orgs[below(r, w->n_orgs)];
        *directed = true;
        break;
    }
    if (a == b || !claim(w, a, b, type))
        return false;
    if (type == PN_TYPE_G2G) {
        w->urn[w->n_urn++] = a;
        w->urn[w->n_urn++] = b;
    }
    *from = a;
    *to = b;
    return true;
}

static int build_ties(world *w, size_t total)
{
    /* Shares of the ties by type, in per mille. */
    static const unsigned share[PN_TYPE_COUNT] = {
        [PN_TYPE_G2G] = 320,        [PN_TYPE_B2B] = 80,       [PN_TYPE_G2B] = 120,
        [PN_TYPE_HORIZONTAL] = 140, [PN_TYPE_VERTICAL] = 140, [PN_TYPE_ACADEMIC] = 120,
        [PN_TYPE_MEMBERSHIP] = 80};
    size_t cap = 16;
    while (cap < 2 * total)
        cap <<= 1;
    w->seen = calloc(cap, sizeof(uint64_t));
    w->seen_mask = cap - 1;
    w->urn = malloc((2 * total + 2) * sizeof(size_t));
    if (!w->seen || !w->urn)
        return PN_ENOMEM;
    /* Types interleaved in a fixed random order, so every prefix of the tie
     * list looks like the whole. */
    size_t misses = 0;
    while (w->n_ties < total) {
        pn_tie_type type = (pn_tie_type)pick_weighted(&w->r, share, PN_TYPE_COUNT);
        size_t from, to;
        bool directed;
        if (!draw(w, type, &from, &to, &directed)) {
            /* A small world may run out of fresh pairs: stop rather than spin. */
            if (++misses > 20 * total + 1000)
                break;
            continue;
        }
        int rc = add_tie(w, from, to, type, directed);
        if (rc)
            return rc;
    }
    return 0;
}

/* ---- The sister-city shape (docs/generate.md) ---- */

/* A g2g tie between cities a and b of two countries, once; its ends go
 * into the urn. false when not fresh or not international. */
static int sister_tie(world *w, size_t a, size_t b, bool *made)
{
    *made = false;
    if (a == b || w->cty[a] == w->cty[b] || !claim(w, a, b, PN_TYPE_G2G))
        return 0;
    if (w->n_urn + 2 > w->urn_cap) {
        size_t cap = 2 * w->urn_cap + 16;
        size_t *urn = realloc(w->urn, cap * sizeof(size_t));
        if (!urn)
            return PN_ENOMEM;
        w->urn = urn;
        w->urn_cap = cap;
    }
    w->urn[w->n_urn++] = a;
    w->urn[w->n_urn++] = b;
    *made = true;
    return add_tie(w, a, b, PN_TYPE_G2G, false);
}

/* Cities only, over the countries as build_actors spreads them, grown one
 * city at a time: 6 in 100 arrive as a pair twinned only with each other
 * (the small separate components); the others make 1 tie 7 times in 10,
 * else 2 plus a geometric number (each further one with probability 7/10),
 * each to a city drawn 4 times in 5 from the tie ends so far (preferential
 * attachment: hubs) and otherwise uniformly among the cities before it, of
 * another country (20 tries a tie). */
static int build_sister_cities(world *w)
{
    size_t n = w->n, nc = w->nc;
    double *cum = country_laws(w);
    size_t cap = 16;
    while (cap < 8 * n)
        cap <<= 1;
    w->seen = calloc(cap, sizeof(uint64_t));
    w->seen_mask = cap - 1;
    if (!cum || !w->seen) {
        free(cum);
        return PN_ENOMEM;
    }
    int rc = 0;
    for (size_t a = 0; a < n && !rc; a++) {
        size_t c = a < 2 * nc ? a % nc : pick_country(w, cum);
        w->cty[a] = (unsigned char)c;
        w->grp[a] = G_LOCAL;
        rc = add_actor(w, PN_KIND_CITY, c, 0);
    }
    free(cum);
    bool made;
    if (!rc)
        rc = sister_tie(w, 0, 1, &made);
    for (size_t i = 2; i < n && !rc; i++) {
        rng *r = &w->r;
        if (below(r, 100) < 6 && i + 1 < n) {
            rc = sister_tie(w, i, i + 1, &made);
            if (made) {
                i++;
                continue;
            }
        }
        size_t m = 1;
        if (below(r, 10) >= 7)
            for (m = 2; m < 1000 && below(r, 10) < 7; m++)
                ;
        for (size_t k = 0; k < m && !rc; k++) {
            made = false;
            for (int t = 0; t < 20 && !made && !rc; t++) {
                size_t b = below(r, 5) < 4 ? w->urn[below(r, w->n_urn)] : below(r, i);
                rc = sister_tie(w, i, b, &made);
            }
        }
    }
    return rc;
}

static int add_sources(world *w, uint64_t seed)
{
    for (int i = 0; i < N_SOURCES; i++) {
        char id[16], cite[160];
        snprintf(id, sizeof(id), "synth-%d", i + 1);
        snprintf(cite, sizeof(cite),
                 "Synthetic source %d, made by paranet generate (seed %llu); not a real study.",
                 i + 1, (unsigned long long)seed);
        pn_source s = {id, cite, NULL, 2020 + i % 5};
        int rc = pn_dataset_add_source(w->ds, &s, NULL);
        if (rc)
            return rc;
    }
    return 0;
}

int pn_generate(pn_dataset **out, const pn_generate_options *opts, pn_diags *diags)
{
    pn_generate_options defaults = PN_GENERATE_OPTIONS_INIT;
    if (!opts)
        opts = &defaults;
    if (opts->actors < PN_GENERATE_MIN_ACTORS || opts->actors > PN_GENERATE_MAX_ACTORS) {
        pn_diags_add(diags, PN_SEVERITY_ERROR, NULL, 0, 0, NULL, "generate",
                     "the number of actors must be from %d to %d, not %zu", PN_GENERATE_MIN_ACTORS,
                     PN_GENERATE_MAX_ACTORS, opts->actors);
        return PN_EINVAL;
    }
    if (opts->shape != PN_GENERATE_PARADIPLOMACY && opts->shape != PN_GENERATE_SISTER_CITIES) {
        pn_diags_add(diags, PN_SEVERITY_ERROR, NULL, 0, 0, NULL, "generate", "unknown shape %d",
                     (int)opts->shape);
        return PN_EINVAL;
    }
    if (!(opts->ties_per_actor >= 0.5 && opts->ties_per_actor <= 20)) {
        pn_diags_add(diags, PN_SEVERITY_ERROR, NULL, 0, 0, NULL, "generate",
                     "ties per actor must be from 0.5 to 20, not %g", opts->ties_per_actor);
        return PN_EINVAL;
    }
    world w;
    memset(&w, 0, sizeof(w));
    w.n = opts->actors;
    w.nc = w.n / 40 < 2 ? 2 : w.n / 40 > N_COUNTRIES ? N_COUNTRIES : w.n / 40;
    rng_seed(&w.r, opts->seed);
    int rc = pn_dataset_new(&w.ds);
    if (rc)
        return rc;
    char title[96], desc[256];
    snprintf(title, sizeof(title), "Synthetic paradiplomacy network, %zu actors (seed %llu)", w.n,
             (unsigned long long)opts->seed);
    bool sister = opts->shape == PN_GENERATE_SISTER_CITIES;
    if (sister) {
        snprintf(title, sizeof(title), "Synthetic sister cities, %zu cities (seed %llu)", w.n,
                 (unsigned long long)opts->seed);
        snprintf(desc, sizeof(desc),
                 "Made by paranet generate --actors %zu --seed %llu --shape sister-cities: %zu "
                 "countries, cities grown by preferential attachment of sister-city ties, many "
                 "with one partner. Not real data.",
                 w.n, (unsigned long long)opts->seed, w.nc);
    } else {
        snprintf(desc, sizeof(desc),
                 "Made by paranet generate --actors %zu --seed %llu: %zu countries, preferential "
                 "attachment of sister-city ties. Not real data.",
                 w.n, (unsigned long long)opts->seed, w.nc);
    }
    size_t total = (size_t)llround(opts->ties_per_actor * (double)w.n);
    if ((rc = pn_dataset_set_title(w.ds, title)) || (rc = pn_dataset_set_description(w.ds, desc)) ||
        (rc = add_sources(&w, opts->seed)))
        goto cleanup;
    if (sister)
        rc = build_sister_cities(&w);
    else if (!(rc = build_actors(&w)))
        rc = build_ties(&w, total);
cleanup:
    if (rc == PN_ENOMEM)
        pn_diags_add(diags, PN_SEVERITY_ERROR, NULL, 0, 0, NULL, "generate", "out of memory");
    for (int g = 0; g < G_COUNT; g++) {
        free(w.idx[g]);
        free(w.off[g]);
    }
    free(w.seen);
    free(w.urn);
    free(w.orgs);
    free(w.grp);
    free(w.cty);
    if (rc == 0)
        *out = w.ds;
    else
        pn_dataset_free(w.ds);
    return rc;
}
