#define _POSIX_C_SOURCE 200809L /* pread */
#include "store/check.h"

#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/dataset_private.h"

void pn__report_at(pn__report *r, pn_severity sev, const pn__path *path, const char *check,
                   const char *fmt, ...)
{
    if (sev == PN_SEVERITY_ERROR)
        r->errors++;
    else
        r->warnings++;
    if (!r->diags)
        return;
    if (pn__diags_full(r->diags)) {
        /* Beyond the cap: only counted, neither located nor formatted. */
        pn_diags_add(r->diags, sev, NULL, 0, 0, NULL, check, "%s", "");
        return;
    }
    int line = 0, column = 0;
    const char *file = r->file;
    pn__buf where;
    pn__buf_init(&where);
    size_t before = pn_diags_count(r->diags);
    if (path) {
        pn__path_format(path, &where);
        if (r->loc) {
            pn__buf label;
            pn__buf_init(&label);
            r->loc->locate(r->loc->ctx, path, &file, &line, &column, &label);
            if (label.data) {
                pn__buf_free(&where);
                where = label;
            }
        }
    }
    va_list ap;
    va_start(ap, fmt);
    char tmp[1024];
    if (vsnprintf(tmp, sizeof(tmp), fmt, ap) >= (int)sizeof(tmp))
        pn__utf8_trim(tmp); /* cut: on a character, not inside one */
    va_end(ap);
    if (pn_diags_add(r->diags, sev, file, line, column, where.data, check, "%s", tmp) != 0 ||
        where.failed)
        r->nomem = true;
    /* Only a diagnostic kept (under the cap) is located, later, with the
     * others in one walk of the text. */
    if (path && !r->loc && pn_diags_count(r->diags) > before &&
        pn__locs_add(&r->pending, path, before) != 0)
        r->nomem = true;
    pn__buf_free(&where);
}

static void located(void *ctx, size_t tag, int line, int column)
{
    pn__diags_set_location(ctx, tag, line, column);
}

void pn__report_locate(pn__report *r)
{
    if (r->pending.n > 0 && r->diags) {
        const char *text = r->text;
        size_t len = r->len;
        char *copy = NULL;
        if (!text && r->has_fd && r->len > 0) {
            /* One read of the whole text, only now that a line is needed. */
            copy = pn__malloc_big(r->len + 1);
            size_t got = 0;
            while (copy && got < r->len) {
                ssize_t k = pread(r->fd, copy + got, r->len - got, (off_t)got);
                if (k < 0 && errno == EINTR)
                    continue;
                if (k <= 0)
                    break;
                got += (size_t)k;
            }
            if (copy && got == r->len) {
                copy[got] = '\0';
                text = copy;
            } else if (!copy) {
                r->nomem = true;
            }
        }
        if (text && pn__locs_resolve(&r->pending, text, len, located, r->diags) != 0)
            r->nomem = true;
        free(copy);
    }
    pn__locs_free(&r->pending);
}

const char *pn__report_record(const pn__report *r, const char *table, size_t index, char *buf,
                              size_t size)
{
    snprintf(buf, size, "%s[%zu]", table, index);
    if (r->loc && r->loc->name) {
        pn__buf b;
        pn__buf_init(&b);
        r->loc->name(r->loc->ctx, table, index, &b);
        if (b.data && !b.failed && b.len)
            snprintf(buf, size, "%s", b.data);
        pn__buf_free(&b);
    }
    return buf;
}

bool pn__id_valid(const char *s)
{
    if (!s || !*s)
        return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_' || *s == '-'))
            return false;
    return true;
}

/* Whether candidate c (length clen) qualifies at distance d for a name of
 * length len: at most 3 edits, and few for short strings. */
static bool near_enough(size_t d, size_t len, size_t clen)
{
    size_t shorter = len < clen ? len : clen;
    return d <= 3 && d * 3 <= shorter + 1;
}

const char *pn__nearest(const char *name, const char *const *candidates, size_t n)
{
    const char *best = NULL;
    size_t best_d = 4;
    size_t len = strlen(name);
    for (size_t i = 0; i < n; i++) {
        size_t clen = strlen(candidates[i]);
        if ((len > clen ? len - clen : clen - len) >= best_d)
            continue;
        size_t d = pn_edit_distance(name, candidates[i], best_d - 1 < 3 ? best_d - 1 : 3);
        if (d < best_d && near_enough(d, len, clen)) {
            best_d = d;
            best = candidates[i];
        }
    }
    return best;
}

const char *pn__nearest_field(const char *name, const char *const *fields, size_t n)
{
    char folded[128];
    size_t k = 0;
    for (const char *s = name; *s && k + 1 < sizeof(folded); s++)
        if (*s != ' ' && *s != '_' && *s != '-')
            folded[k++] = *s >= 'A' && *s <= 'Z' ? (char)(*s + 32) : *s;
    folded[k] = '\0';
    return pn__nearest(folded, fields, n);
}

/* Which of 64 byte classes occur in s: an edit changes at most two bits,
 * so names within 3 edits differ in at most 6. */
static uint64_t signature(const char *s, size_t len)
{
    uint64_t sig = 0;
    for (size_t i = 0; i < len; i++)
        sig |= (uint64_t)1 << ((unsigned char)s[i] & 63);
    return sig;
}

static int popcount64(uint64_t v)
{
    int n = 0;
    for (; v; v &= v - 1)
        n++;
    return n;
}

/* Strings compared from their last byte: neighbours in this order share an
 * end, as neighbours in the plain order share a beginning. */
static int rev_cmp(const pn__cand *a, const pn__cand *b)
{
    size_t i = a->len, j = b->len;
    while (i > 0 && j > 0) {
        unsigned char x = (unsigned char)a->s[--i], y = (unsigned char)b->s[--j];
        if (x != y)
            return x < y ? -1 : 1;
    }
    return i != j ? (i < j ? -1 : 1) : 0;
}

static int fwd_cmp(const pn__cand *a, const pn__cand *b)
{
    return strcmp(a->s, b->s);
}

/* Candidate indices ordered by their strings, forwards or reversed. */
static int by_fwd(const void *a, const void *b, const void *ctx)
{
    const pn__cand *c = ctx;
    return fwd_cmp(&c[*(const size_t *)a], &c[*(const size_t *)b]);
}

static int by_rev(const void *a, const void *b, const void *ctx)
{
    const pn__cand *c = ctx;
    return rev_cmp(&c[*(const size_t *)a], &c[*(const size_t *)b]);
}

void pn__nearest_ix_init(pn__nearest_ix *ix)
{
    memset(ix, 0, sizeof(*ix));
}

void pn__nearest_ix_free(pn__nearest_ix *ix)
{
    free(ix->c);
    free(ix->fwd);
    free(ix->rev);
    pn__nearest_ix_init(ix);
}

int pn__nearest_ix_build(pn__nearest_ix *ix, const char *const *candidates, size_t n)
{
    pn__nearest_ix_free(ix);
    ix->built = true;
    if (n == 0)
        return 0;
    ix->c = malloc(n * sizeof(*ix->c));
    ix->fwd = malloc(n * sizeof(size_t));
    ix->rev = malloc(n * sizeof(size_t));
    size_t *tmp = malloc(n * sizeof(size_t));
    if (!ix->c || !ix->fwd || !ix->rev || !tmp) {
        free(tmp);
        pn__nearest_ix_free(ix);
        return PN_ENOMEM;
    }
    ix->n = n;
    for (size_t i = 0; i < n; i++) {
        ix->c[i].s = candidates[i];
        ix->c[i].len = strlen(candidates[i]);
        ix->c[i].sig = signature(candidates[i], ix->c[i].len);
        ix->fwd[i] = ix->rev[i] = i;
    }
    pn__sort_stable(ix->fwd, n, sizeof(size_t), tmp, by_fwd, ix->c);
    pn__sort_stable(ix->rev, n, sizeof(size_t), tmp, by_rev, ix->c);
    free(tmp);
    return 0;
}

typedef struct nearest_q {
    const pn__nearest_ix *ix;
    const char *name;
    size_t len;
    uint64_t sig;
    size_t best_d, best; /* best: candidate index, n when none */
} nearest_q;

static void consider(nearest_q *q, size_t i)
{
    const pn__cand *c = &q->ix->c[i];
    size_t dl = q->len > c->len ? q->len - c->len : c->len - q->len;
    /* The best is the nearest, then the first in the candidates' order. */
    if (dl > q->best_d || (dl == q->best_d && i > q->best) || dl > 3 ||
        popcount64(q->sig ^ c->sig) > 6)
        return;
    size_t d = pn_edit_distance(q->name, c->s, 3);
    if (near_enough(d, q->len, c->len) && (d < q->best_d || (d == q->best_d && i < q->best))) {
        q->best_d = d;
        q->best = i;
    }
}

/* Candidates examined on each side of the name, in each order. */
#define NEAREST_WINDOW 64

const char *pn__nearest_ix_find(const pn__nearest_ix *ix, const char *name)
{
    if (!ix->n || !name)
        return NULL;
    nearest_q q = {ix, name, strlen(name), 0, 4, ix->n};
    q.sig = signature(name, q.len);
    if (ix->n <= 4 * NEAREST_WINDOW) {
        for (size_t i = 0; i < ix->n; i++)
            consider(&q, i);
    } else {
        /* Where the name would sit in each order; the candidates around it
         * there share its beginning or its end. The same name gives the same
         * answer whatever was asked before. */
        pn__cand key = {name, q.len, q.sig};
        for (int order = 0; order < 2; order++) {
            const size_t *v = order ? ix->rev : ix->fwd;
            int (*cmp)(const pn__cand *, const pn__cand *) = order ? rev_cmp : fwd_cmp;
            size_t lo = 0, hi = ix->n;
            while (lo < hi) {
                size_t m = lo + (hi - lo) / 2;
                if (cmp(&ix->c[v[m]], &key) < 0)
                    lo = m + 1;
                else
                    hi = m;
            }
            size_t from = lo > NEAREST_WINDOW ? lo - NEAREST_WINDOW : 0;
            size_t to = lo + NEAREST_WINDOW < ix->n ? lo + NEAREST_WINDOW : ix->n;
            for (size_t k = from; k < to; k++)
                consider(&q, v[k]);
        }
    }
    return q.best < ix->n ? ix->c[q.best].s : NULL;
}

static size_t pos(const size_t *map, size_t i)
{
    return map ? map[i] : i;
}

static void at_record(pn__path *p, const char *section, size_t index, const char *field)
{
    p->depth = 0;
    pn__path_key(p, section);
    pn__path_index(p, index);
    if (field)
        pn__path_key(p, field);
}

/* A printable description of an actor for messages: kind "name" (country). */
static void describe(const pn_actor *a, char *buf, size_t size)
{
    char sh[PN__SHORT_SIZE];
    snprintf(buf, size, "%s \"%s\" (%s)", pn_kind_name(a->kind), pn__short(a->id, sh), a->country);
}

static void check_sources(const pn_dataset *ds, pn__report *r)
{
    pn__path p;
    char sh[PN__SHORT_SIZE];
    for (size_t i = 0; i < ds->n_sources; i++) {
        const pn_source *s = &ds->sources[i];
        size_t at = pos(r->source_pos, i);
        if (!pn__id_valid(s->id)) {
            at_record(&p, "sources", at, "id");
            pn__report_at(r, PN_SEVERITY_ERROR, &p, "id-syntax",
                          "source id \"%s\" must be lowercase letters, digits, '_' or '-'",
                          pn__short(s->id, sh));
        }
        if (s->cite ? !*s->cite : !r->from_json) {
            at_record(&p, "sources", at, "cite");
            pn__report_at(r, PN_SEVERITY_ERROR, &p, "empty-field",
                          "a source needs its full citation in \"cite\"");
        }
        if (s->year < 0 || s->year > 9999) {
            at_record(&p, "sources", at, "year");
            pn__report_at(r, PN_SEVERITY_ERROR, &p, "bad-year",
                          "year %d is out of range (expected 1 to 9999)", s->year);
        }
    }
}

static void check_actors(const pn_dataset *ds, pn__report *r, bool warnings)
{
    pn__path p;
    char sh[PN__SHORT_SIZE];
    for (size_t i = 0; i < ds->n_actors; i++) {
        const pn_actor *a = &ds->actors[i];
        size_t at = pos(r->actor_pos, i);
        if (!pn__id_valid(a->id)) {
            at_record(&p, "actors", at, "id");
            pn__report_at(r, PN_SEVERITY_ERROR, &p, "id-syntax",
                          "actor id \"%s\" must be lowercase letters, digits, '_' or '-'",
                          pn__short(a->id, sh));
        }
        if (!a->name || !*a->name) {
            at_record(&p, "actors", at, "name");
            pn__report_at(r, PN_SEVERITY_ERROR, &p, "empty-field", "an actor needs a \"name\"");
        }
        static const struct {
            const char *key, *what;
            double max;
        } coord[2] = {{"lat", "a latitude", 90}, {"lon", "a longitude", 180}};
        const double v[2] = {a->lat, a->lon};
        for (int k = 0; k < 2 && a->has_coords; k++) {
            if (isfinite(v[k]) && fabs(v[k]) <= coord[k].max)
                continue;
            at_record(&p, "actors", at, coord[k].key);
            pn__report_at(r, PN_SEVERITY_ERROR, &p, "bad-coordinate",
                          "%s %g is out of range: %s is a number of decimal degrees from -%g to %g",
                          coord[k].key, v[k], coord[k].what, coord[k].max, coord[k].max);
        }
        if (a->country[0] == '\0')
            continue; /* the loader reported a country it could not hold */
        if (!pn_country_valid(a->country)) {
            at_record(&p, "actors", at, "country");
            pn__report_at(r, PN_SEVERITY_ERROR, &p, "bad-country",
                          "\"%s\" is not an ISO 3166-1 alpha-2 country code (use \"ZZ\" when "
                          "the source does not say)",
                          a->country);
        } else if (warnings && !ds->aggregate && strcmp(a->country, "ZZ") == 0 &&
                   !(r->loc && r->loc->made_no_country)) {
            at_record(&p, "actors", at, "country");
            pn__report_at(r, PN_SEVERITY_WARNING, &p, "unknown-country",
                          "country of \"%s\" is unknown (ZZ)", pn__short(a->id, sh));
        }
    }
}

static void check_tie_rules(const pn_dataset *ds, const pn_tie *t, pn__report *r, pn__path *p)
{
    const pn_actor *a = &ds->actors[t->from], *b = &ds->actors[t->to];
    bool ga = pn_kind_is_government(a->kind), gb = pn_kind_is_government(b->kind);
    bool fa = a->kind == PN_KIND_FIRM, fb = b->kind == PN_KIND_FIRM;
    bool known = strcmp(a->country, "ZZ") != 0 && strcmp(b->country, "ZZ") != 0;
    bool same_country = strcmp(a->country, b->country) == 0;
    char da[PN__SHORT_SIZE + 64], db[PN__SHORT_SIZE + 64];
    describe(a, da, sizeof(da));
    describe(b, db, sizeof(db));
    switch (t->type) {
    case PN_TYPE_G2G:
        if (!ga || !gb || (known && same_country))
            pn__report_at(r, PN_SEVERITY_WARNING, p, "g2g-ends",
                          "g2g tie joins %s and %s: a g2g tie joins two governments of different "
                          "countries%s",
                          da, db,
                          (fa || fb)   ? " (use \"g2b\" or \"b2b\" with a firm)"
                          : (ga && gb) ? " (use \"horizontal\" or \"vertical\" inside one "
                                         "country)"
                          : (a->kind == PN_KIND_ORGANISATION || b->kind == PN_KIND_ORGANISATION)
                              ? " (use \"membership\" for an organisation)"
                              : "");
        break;
    case PN_TYPE_HORIZONTAL:
        if (!ga || !gb || (known && !same_country))
            pn__report_at(r, PN_SEVERITY_WARNING, p, "horizontal-ends",
                          "horizontal tie joins %s and %s: a horizontal tie joins two governments "
                          "of one country%s",
                          da, db,
                          (ga && gb) ? " (use \"g2g\" across countries)"
                                     : " (use \"g2b\", \"academic\" or \"b2b\" with a "
                                       "non-government end)");
        break;
    case PN_TYPE_B2B:
        if (!fa || !fb)
            pn__report_at(r, PN_SEVERITY_WARNING, p, "b2b-ends",
                          "b2b tie joins %s and %s: a b2b tie has a firm on each end%s", da, db,
                          (fa || fb) ? " (use \"g2b\" for a government and a firm)" : "");
        break;
    case PN_TYPE_MEMBERSHIP:
        if (b->kind != PN_KIND_ORGANISATION)
            pn__report_at(r, PN_SEVERITY_WARNING, p, "membership-end",
                          "membership tie's far end %s is not an organisation%s", db,
                          a->kind == PN_KIND_ORGANISATION ? " (swap \"from\" and \"to\": the "
                                                            "member is \"from\")"
                                                          : "");
        break;
    default:
        break;
    }
}

/* At the precision both dates share: until 2016 with since 2016-05-12 is
 * the same year, not earlier (a missing month or day is not month 0). */
static bool until_before_since(pn_date since, pn_date until)
{
    if (until.year != since.year)
        return until.year < since.year;
    if (!until.month || !since.month || until.month != since.month)
        return until.month && since.month && until.month < since.month;
    return until.day && since.day && until.day < since.day;
}

void pn__check_tie_values(const pn_tie *t, size_t at, pn__report *r)
{
    pn__path p;
    char sh[PN__SHORT_SIZE];
    char b1[16], b2[16];
    if (t->id && !pn__id_valid(t->id)) {
        at_record(&p, "ties", at, "id");
        pn__report_at(r, PN_SEVERITY_ERROR, &p, "id-syntax",
                      "tie id \"%s\" must be lowercase letters, digits, '_' or '-'",
                      pn__short(t->id, sh));
    }
    if (t->since.year && t->until.year && until_before_since(t->since, t->until)) {
        at_record(&p, "ties", at, "until");
        pn__report_at(r, PN_SEVERITY_ERROR, &p, "until-before-since", "until %s is before since %s",
                      pn_date_format(t->until, b1, sizeof(b1)),
                      pn_date_format(t->since, b2, sizeof(b2)));
    }
    if (t->has_weight && !(isfinite(t->weight) && t->weight >= 0)) {
        at_record(&p, "ties", at, "weight");
        pn__report_at(r, PN_SEVERITY_ERROR, &p, "bad-weight",
                      "weight %g is not allowed: a weight is a finite number >= 0", t->weight);
    }
    for (size_t k = 0; k < t->n_sectors; k++) {
        if (!pn__id_valid(t->sectors[k])) {
            at_record(&p, "ties", at, "sectors");
            pn__path_index(&p, k);
            pn__report_at(r, PN_SEVERITY_ERROR, &p, "sector-syntax",
                          "sector \"%s\" must be a lowercase tag: letters, digits, '_' or '-'",
                          pn__short(t->sectors[k], sh));
        }
    }
}

static void check_ties(const pn_dataset *ds, pn__report *r, bool warnings)
{
    pn__path p;
    char sh[PN__SHORT_SIZE], sh2[PN__SHORT_SIZE];
    for (size_t i = 0; i < ds->n_ties; i++) {
        const pn_tie *t = &ds->ties[i];
        size_t at = pos(r->tie_pos, i);
        pn__check_tie_values(t, at, r);
        if (t->from == t->to) {
            at_record(&p, "ties", at, "to");
            pn__report_at(r, PN_SEVERITY_ERROR, &p, "self-tie",
                          "tie from \"%s\" to itself: a tie joins two different actors",
                          pn__short(ds->actors[t->from].id, sh));
        }
        if (!warnings)
            continue;
        at_record(&p, "ties", at, NULL);
        /* An aggregate's actors are groups: the rules on ends are about actors. */
        if (t->from != t->to && !(r->loc && r->loc->made_no_kind) && !ds->aggregate)
            check_tie_rules(ds, t, r, &p);
        if (t->n_sources == 0)
            pn__report_at(r, PN_SEVERITY_WARNING, &p, "no-source",
                          "tie %s -> %s cites no source (add \"sources\": [\"<source id>\"])",
                          pn__short(ds->actors[t->from].id, sh),
                          pn__short(ds->actors[t->to].id, sh2));
    }
}

/* Ties identical in every field but id: ties are sorted by a hash of
 * every field and compared field by field inside runs of one hash. (A text
 * key per tie, built with printf, was a fifth of a large load's time.) */
/* The running hash and one more value, through the keyed hash: an unkeyed
 * combination lets a file pick ties (ends, dates) that share a hash. */
static uint64_t mixk(const pn__hkey *key, uint64_t h, uint64_t v)
{
    uint64_t two[2] = {h, v};
    return pn__siphash(key, two, sizeof(two));
}
#define mix(h, v) mixk(key, h, v)

static uint64_t str_hash(const pn__hkey *key, const char *s)
{
    return s ? pn__siphash(key, s, strlen(s)) : 0x5bd1e995ULL;
}

static uint64_t date_bits(pn_date d)
{
    return (uint64_t)d.year << 16 | (uint64_t)d.month << 8 | (uint64_t)d.day;
}

static uint64_t tie_hash(const pn__hkey *key, const pn_dataset *ds, size_t i)
{
    const pn_tie *t = &ds->ties[i];
    uint64_t h = mix(t->from, t->to);
    h = mix(h, (uint64_t)t->basis << 24 | (uint64_t)t->type << 16 | (uint64_t)t->instrument << 8 |
                   (uint64_t)t->status);
    h = mix(h, date_bits(t->since) << 32 | date_bits(t->until));
    h = mix(h, (uint64_t)t->has_weight << 1 | (uint64_t)t->directed);
    if (t->has_weight) {
        uint64_t w;
        memcpy(&w, &t->weight, sizeof(w));
        h = mix(h, w);
    }
    h = mix(h, str_hash(key, t->note));
    h = mix(h, t->n_sectors);
    for (size_t k = 0; k < t->n_sectors; k++)
        h = mix(h, str_hash(key, t->sectors[k]));
    h = mix(h, t->n_sources);
    for (size_t k = 0; k < t->n_sources; k++)
        h = mix(mix(h, t->sources[k].source), str_hash(key, t->sources[k].page));
    return mix(h, str_hash(key, ds->tie_extra[i]));
}
#undef mix

static bool str_same(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

static bool ties_same(const pn_dataset *ds, size_t i, size_t j)
{
    const pn_tie *a = &ds->ties[i], *b = &ds->ties[j];
    if (a->from != b->from || a->to != b->to || a->type != b->type ||
        a->instrument != b->instrument || a->status != b->status || a->basis != b->basis ||
        date_bits(a->since) != date_bits(b->since) || date_bits(a->until) != date_bits(b->until) ||
        a->has_weight != b->has_weight || a->directed != b->directed ||
        (a->has_weight && memcmp(&a->weight, &b->weight, sizeof(a->weight)) != 0) ||
        !str_same(a->note, b->note) || a->n_sectors != b->n_sectors ||
        a->n_sources != b->n_sources || !str_same(ds->tie_extra[i], ds->tie_extra[j]))
        return false;
    for (size_t k = 0; k < a->n_sectors; k++)
        if (strcmp(a->sectors[k], b->sectors[k]) != 0)
            return false;
    for (size_t k = 0; k < a->n_sources; k++)
        if (a->sources[k].source != b->sources[k].source ||
            !str_same(a->sources[k].page, b->sources[k].page))
            return false;
    return true;
}

typedef struct hashed {
    uint64_t hash;
    size_t index;
} hashed;

static int hashed_cmp(const void *pa, const void *pb)
{
    const hashed *a = pa, *b = pb;
    if (a->hash != b->hash)
        return a->hash < b->hash ? -1 : 1;
    return a->index < b->index ? -1 : a->index > b->index;
}

static void check_duplicates(const pn_dataset *ds, pn__report *r)
{
    size_t n = ds->n_ties;
    if (n < 2)
        return;
    hashed *h = malloc(n * sizeof(*h));
    size_t *first = malloc(n * sizeof(*first)); /* first[j]: the earliest tie equal to j */
    if (!h || !first) {
        r->nomem = true;
        goto cleanup;
    }
    /* Keyed: ties chosen to share a hash would make runs compared pair by
     * pair. Reports go by tie index, so nothing shown depends on the key. */
    pn__hkey key;
    pn__hkey_init(&key, ds);
    for (size_t i = 0; i < n; i++) {
        h[i].hash = tie_hash(&key, ds, i);
        h[i].index = i;
        first[i] = i;
    }
    qsort(h, n, sizeof(*h), hashed_cmp);
    for (size_t a = 0; a < n;) {
        size_t b = a + 1;
        while (b < n && h[b].hash == h[a].hash)
            b++;
        /* A run of one hash, by index: each tie against the earlier ones. */
        for (size_t j = a + 1; j < b; j++)
            for (size_t i = a; i < j; i++)
                if (first[h[i].index] == h[i].index && ties_same(ds, h[i].index, h[j].index)) {
                    first[h[j].index] = h[i].index;
                    break;
                }
        a = b;
    }
    pn__path p;
    for (size_t j = 0; j < n; j++) {
        if (first[j] == j)
            continue;
        at_record(&p, "ties", pos(r->tie_pos, j), NULL);
        pn__report_at(r, PN_SEVERITY_WARNING, &p, "duplicate-tie",
                      "tie is identical to ties[%zu] in every field but id",
                      pos(r->tie_pos, first[j]));
    }
cleanup:
    free(h);
    free(first);
}

/* An aggregate groups its actors by one of three attributes. */
static void check_aggregate(const pn_dataset *ds, pn__report *r)
{
    static const char *const by[] = {"country", "kind", "region"};
    if (!ds->aggregate)
        return;
    for (size_t i = 0; i < sizeof(by) / sizeof(by[0]); i++)
        if (strcmp(ds->aggregate, by[i]) == 0)
            return;
    pn__path p;
    char sh[PN__SHORT_SIZE];
    p.depth = 0;
    pn__path_key(&p, "aggregate");
    pn__report_at(r, PN_SEVERITY_ERROR, &p, "bad-aggregate",
                  "aggregate \"%s\" is not an attribute actors are grouped by (country, kind or "
                  "region)",
                  pn__short(ds->aggregate, sh));
}

void pn__check_dataset(const pn_dataset *ds, pn__report *r, bool warnings)
{
    check_aggregate(ds, r);
    check_sources(ds, r);
    check_actors(ds, r, warnings);
    check_ties(ds, r, warnings);
    if (warnings)
        check_duplicates(ds, r);
}
