/* Change over time (paranet/timeline.h): per year and group, the ties of a
 * view that start, end and are in force, read by pn_tie_span; and an
 * actor's ties as a dated sequence. */
#include "paranet/timeline.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"
#include "paranet/vocab.h"

#define KEY_SIZE 16 /* "DE-FR", "sister-city" */

struct pn_timeline {
    int first, last; /* 0, 0: no year */
    size_t n_years, n_groups;
    char (*names)[KEY_SIZE];
    pn_timeline_count *counts; /* group-major, n_groups x n_years */
    size_t *ties, *undated, *never;
};

/* The view without its time: the ties a timeline counts. */
static pn_view timeless(const pn_view *v)
{
    pn_view t = *v;
    t.at = t.from_year = t.to_year = 0;
    t.keep_undated = false;
    return t;
}

static bool by_time(const pn_view *v)
{
    return v->at || v->from_year || v->to_year;
}

/* A value of a vocabulary as a key that sorts in the vocabulary's order,
 * "none" (a negative value) last: "00", "01", ... "99". */
static void slot_key(int value, char *key)
{
    snprintf(key, KEY_SIZE, "%02d", value < 0 ? 99 : value);
}

/* A tie's group key into key (KEY_SIZE bytes): the slot of its type,
 * instrument or status, or its countries. */
static void group_key(const pn_dataset *ds, const pn_tie *t, const pn_timeline_options *o,
                      char *key)
{
    const char *a = pn_dataset_actor(ds, t->from)->country,
               *b = pn_dataset_actor(ds, t->to)->country;
    bool home_a = o->home && strcmp(a, o->home) == 0, home_b = o->home && strcmp(b, o->home) == 0;
    switch (o->by) {
    case PN_TIMELINE_TYPE:
        slot_key((int)t->type, key);
        return;
    case PN_TIMELINE_INSTRUMENT:
        slot_key((int)t->instrument, key);
        return;
    case PN_TIMELINE_STATUS:
        slot_key((int)t->status, key);
        return;
    case PN_TIMELINE_COUNTRY:
        if (home_a || home_b || strcmp(a, b) == 0)
            snprintf(key, KEY_SIZE, "%s", home_a ? b : a);
        else
            snprintf(key, KEY_SIZE, "%s-%s", strcmp(a, b) < 0 ? a : b, strcmp(a, b) < 0 ? b : a);
        return;
    default:
        snprintf(key, KEY_SIZE, "all");
    }
}

/* The group's name from its key. */
static void group_name(const pn_timeline_options *o, const char *key, char *name)
{
    int v = atoi(key);
    const char *s = key;
    if (o->by == PN_TIMELINE_TYPE)
        s = pn_tie_type_name((pn_tie_type)v);
    else if (o->by == PN_TIMELINE_INSTRUMENT)
        s = v == 99 ? "none" : pn_instrument_name((pn_instrument)v);
    else if (o->by == PN_TIMELINE_STATUS)
        s = v == 99 ? "none" : pn_status_name((pn_status)v);
    snprintf(name, KEY_SIZE, "%s", s ? s : "?");
}

static int key_cmp(const void *a, const void *b)
{
    return strcmp(a, b);
}

static int check_options(const pn_timeline_options *o, pn_diags *diags)
{
    const pn_view *v = &o->view;
    if ((int)o->by < PN_TIMELINE_ALL || o->by > PN_TIMELINE_COUNTRY) {
        pn_diags_add(diags, PN_SEVERITY_ERROR, NULL, 0, 0, NULL, "timeline",
                     "unknown grouping of a timeline (%d)", (int)o->by);
        return PN_EINVAL;
    }
    if (o->home && !pn_country_valid(o->home)) {
        pn_diags_add(diags, PN_SEVERITY_ERROR, NULL, 0, 0, NULL, "timeline",
                     "home: '%s' is not a country code (ISO 3166-1 alpha-2, e.g. DE)", o->home);
        return PN_EINVAL;
    }
    if (v->at < 0 || v->from_year < 0 || v->to_year < 0 || v->at > 9999 || v->to_year > 9999 ||
        (v->to_year && v->from_year > v->to_year)) {
        pn_diags_add(diags, PN_SEVERITY_ERROR, NULL, 0, 0, NULL, "timeline",
                     "the years of a timeline must run forward, from 1 to 9999");
        return PN_EINVAL;
    }
    return 0;
}

/* The ties the timeline counts, their group keys, the years listed. */
typedef struct pass {
    bool *tmask, *amask;
    char (*keys)[KEY_SIZE];
    size_t nt;
} pass;

static void pass_free(pass *p)
{
    free(p->tmask);
    free(p->amask);
    free(p->keys);
}

static int select_ties(pass *p, const pn_dataset *ds, const pn_view *view, pn_diags *diags)
{
    p->nt = pn_dataset_tie_count(ds);
    size_t na = pn_dataset_actor_count(ds);
    p->tmask = calloc(p->nt + 1, sizeof(bool));
    p->amask = calloc(na + 1, sizeof(bool));
    p->keys = calloc(p->nt + 1, KEY_SIZE);
    if (!p->tmask || !p->amask || !p->keys)
        return PN_ENOMEM;
    pn_view t = timeless(view);
    return pn_view_select(ds, &t, p->tmask, p->amask, diags);
}

/* The years listed: the view's, or the data's span. */
static void years_of(const pn_dataset *ds, const pass *p, const pn_view *v, int *first, int *last)
{
    *first = *last = 0;
    if (v->at) {
        *first = *last = v->at;
        return;
    }
    if (v->from_year || v->to_year) {
        *first = v->from_year ? v->from_year : 1;
        *last = v->to_year ? v->to_year : 9999;
        return;
    }
    for (size_t i = 0; i < p->nt; i++) {
        int s, e;
        if (!p->tmask[i] || pn_tie_span(pn_dataset_tie(ds, i), &s, &e) <= 0)
            continue;
        if (*first == 0 || s < *first)
            *first = s;
        if (s > *last)
            *last = s;
        if (e > *last)
            *last = e;
    }
}

static int make_groups(pn_timeline *tl, const pn_dataset *ds, const pass *p,
                       const pn_timeline_options *o)
{
    char(*sorted)[KEY_SIZE] = malloc((p->nt + 1) * KEY_SIZE);
    if (!sorted)
        return PN_ENOMEM;
    size_t n = 0;
    for (size_t i = 0; i < p->nt; i++) {
        if (!p->tmask[i])
            continue;
        group_key(ds, pn_dataset_tie(ds, i), o, p->keys[i]);
        memcpy(sorted[n++], p->keys[i], KEY_SIZE);
    }
    qsort(sorted, n, KEY_SIZE, key_cmp);
    size_t u = 0;
    for (size_t i = 0; i < n; i++) {
        if (u == 0 || strcmp(sorted[u - 1], sorted[i]) != 0)
            memcpy(sorted[u++], sorted[i], KEY_SIZE);
    }
    tl->n_groups = u;
    tl->names = (char(*)[KEY_SIZE])sorted; /* keys now; names once counted */
    return 0;
}

static int count(pn_timeline *tl, const pn_dataset *ds, const pass *p, bool keep_undated)
{
    size_t G = tl->n_groups, Y = tl->n_years;
    /* in force by difference: +1 at the first year, -1 after the last */
    long *delta = calloc(G * (Y + 1) + 1, sizeof(long));
    tl->counts = calloc(G * Y + 1, sizeof(pn_timeline_count));
    tl->ties = calloc(G + 1, sizeof(size_t));
    tl->undated = calloc(G + 1, sizeof(size_t));
    tl->never = calloc(G + 1, sizeof(size_t));
    if (!delta || !tl->counts || !tl->ties || !tl->undated || !tl->never) {
        free(delta);
        return PN_ENOMEM;
    }
    for (size_t i = 0; i < p->nt; i++) {
        if (!p->tmask[i])
            continue;
        char *hit = bsearch(p->keys[i], tl->names, G, KEY_SIZE, key_cmp);
        size_t g = (size_t)(hit - (char *)tl->names) / KEY_SIZE;
        int s, e, span = pn_tie_span(pn_dataset_tie(ds, i), &s, &e);
        tl->ties[g]++;
        if (span < 0) {
            tl->never[g]++;
            continue;
        }
        if (span == 0) {
            tl->undated[g]++;
            if (keep_undated && Y > 0) {
                delta[g * (Y + 1)]++;
                delta[g * (Y + 1) + Y]--;
            }
            continue;
        }
        if (Y == 0)
            continue;
        if (s >= tl->first && s <= tl->last)
            tl->counts[g * Y + (size_t)(s - tl->first)].started++;
        if (e && e >= tl->first && e <= tl->last)
            tl->counts[g * Y + (size_t)(e - tl->first)].ended++;
        int a = s > tl->first ? s : tl->first, b = e == 0 || e > tl->last ? tl->last : e;
        if (a <= b) {
            delta[g * (Y + 1) + (size_t)(a - tl->first)]++;
            delta[g * (Y + 1) + (size_t)(b - tl->first) + 1]--;
        }
    }
    for (size_t g = 0; g < G; g++) {
        long run = 0;
        for (size_t y = 0; y < Y; y++) {
            run += delta[g * (Y + 1) + y];
            tl->counts[g * Y + y].in_force = (size_t)run;
        }
    }
    free(delta);
    return 0;
}

int pn_timeline_new(pn_timeline **out, const pn_dataset *ds, const pn_timeline_options *opts,
                    pn_diags *diags)
{
    pn_timeline_options defaults = PN_TIMELINE_OPTIONS_INIT;
    if (!out)
        return PN_EINVAL;
    *out = NULL;
    if (!ds)
        return PN_EINVAL;
    if (!opts)
        opts = &defaults;
    int rc = check_options(opts, diags);
    if (rc != 0)
        return rc;
    pn_timeline *tl = calloc(1, sizeof(*tl));
    pass p = {0};
    if (!tl)
        return PN_ENOMEM;
    if ((rc = select_ties(&p, ds, &opts->view, diags)) != 0)
        goto cleanup;
    years_of(ds, &p, &opts->view, &tl->first, &tl->last);
    tl->n_years = tl->first ? (size_t)(tl->last - tl->first + 1) : 0;
    if ((rc = make_groups(tl, ds, &p, opts)) != 0)
        goto cleanup;
    if ((rc = count(tl, ds, &p, opts->view.keep_undated)) != 0)
        goto cleanup;
    for (size_t g = 0; g < tl->n_groups; g++) {
        char name[KEY_SIZE];
        group_name(opts, tl->names[g], name);
        snprintf(tl->names[g], KEY_SIZE, "%s", name);
    }
cleanup:
    pass_free(&p);
    if (rc != 0) {
        pn_timeline_free(tl);
        return rc;
    }
    *out = tl;
    return 0;
}

void pn_timeline_free(pn_timeline *tl)
{
    if (!tl)
        return;
    free(tl->names);
    free(tl->counts);
    free(tl->ties);
    free(tl->undated);
    free(tl->never);
    free(tl);
}

int pn_timeline_first_year(const pn_timeline *tl)
{
    return tl ? tl->first : 0;
}

int pn_timeline_last_year(const pn_timeline *tl)
{
    return tl ? tl->last : 0;
}

size_t pn_timeline_group_count(const pn_timeline *tl)
{
    return tl ? tl->n_groups : 0;
}

const char *pn_timeline_group_name(const pn_timeline *tl, size_t group)
{
    return tl && group < tl->n_groups ? tl->names[group] : NULL;
}

pn_timeline_count pn_timeline_count_at(const pn_timeline *tl, size_t group, int year)
{
    pn_timeline_count none = {0, 0, 0};
    if (!tl || group >= tl->n_groups || tl->n_years == 0 || year < tl->first || year > tl->last)
        return none;
    return tl->counts[group * tl->n_years + (size_t)(year - tl->first)];
}

size_t pn_timeline_ties(const pn_timeline *tl, size_t group)
{
    return tl && group < tl->n_groups ? tl->ties[group] : 0;
}

size_t pn_timeline_undated(const pn_timeline *tl, size_t group)
{
    return tl && group < tl->n_groups ? tl->undated[group] : 0;
}

size_t pn_timeline_never(const pn_timeline *tl, size_t group)
{
    return tl && group < tl->n_groups ? tl->never[group] : 0;
}

/* ---- an actor's sequence ---- */

const char *pn_timeline_mark_name(pn_timeline_mark mark)
{
    static const char *const names[PN_MARK_COUNT] = {"start", "end", "once", "never", "undated"};
    return (int)mark >= 0 && mark < PN_MARK_COUNT ? names[mark] : NULL;
}

static int event_cmp(const void *a, const void *b, const void *ctx)
{
    const pn_timeline_event *x = a, *y = b;
    (void)ctx;
    if ((x->year == 0) != (y->year == 0))
        return x->year == 0 ? 1 : -1;
    if (x->year != y->year)
        return x->year < y->year ? -1 : 1;
    if (x->tie != y->tie)
        return x->tie < y->tie ? -1 : 1;
    return (int)x->mark - (int)y->mark;
}

int pn_timeline_actor(pn_timeline_event **out, size_t *n, const pn_dataset *ds, const pn_view *view,
                      size_t actor, pn_diags *diags)
{
    pn_view defaults = PN_VIEW_INIT;
    if (!out || !n)
        return PN_EINVAL;
    *out = NULL;
    *n = 0;
    if (!ds || actor >= pn_dataset_actor_count(ds))
        return PN_EINVAL;
    if (!view)
        view = &defaults;
    pass p = {0};
    pn_timeline_event *ev = NULL, *tmp = NULL;
    int rc = select_ties(&p, ds, view, diags);
    size_t k = 0;
    int lo = view->at ? view->at : view->from_year ? view->from_year : 1;
    int hi = view->at ? view->at : view->to_year ? view->to_year : 9999;
    if (rc == 0 && !(ev = malloc((2 * p.nt + 1) * sizeof(*ev))))
        rc = PN_ENOMEM;
    for (size_t i = 0; rc == 0 && i < p.nt; i++) {
        const pn_tie *t = pn_dataset_tie(ds, i);
        if (!p.tmask[i] || t->from == t->to || (t->from != actor && t->to != actor))
            continue;
        size_t partner = t->from == actor ? t->to : t->from;
        int s, e, span = pn_tie_span(t, &s, &e);
        if (span > 0 && by_time(view) && !(s <= hi && (e == 0 || e >= lo)))
            continue;
        pn_timeline_event x = {0, i, partner, PN_MARK_UNDATED};
        if (span < 0) {
            x.year = t->since.year;
            x.mark = PN_MARK_NEVER;
        } else if (span > 0) {
            x.year = s;
            x.mark = e == s ? PN_MARK_ONCE : PN_MARK_START;
        }
        ev[k++] = x;
        if (span > 0 && e > s) {
            x.year = e;
            x.mark = PN_MARK_END;
            ev[k++] = x;
        }
    }
    if (rc == 0 && k > 1) {
        if (!(tmp = malloc(k * sizeof(*tmp))))
            rc = PN_ENOMEM;
        else
            pn__sort_stable(ev, k, sizeof(*ev), tmp, event_cmp, NULL);
    }
    free(tmp);
    pass_free(&p);
    if (rc != 0 || k == 0) {
        free(ev);
        return rc;
    }
    *out = ev;
    *n = k;
    return 0;
}
