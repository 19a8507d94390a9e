#include "check.h"

#include <jansson.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dataset_private.h"

void pn__report_at(pn__report *r, pn_severity sev, const pn__path *path, const char *check,
                   const char *fmt, ...)
{
    if (sev == PN_SEVERITY_ERROR)
        r->errors++;
    else
        r->warnings++;
    if (!r->diags)
        return;
    int line = 0, column = 0;
    const char *file = r->file;
    pn__buf where, msg;
    pn__buf_init(&where);
    pn__buf_init(&msg);
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
        /* Locating costs a walk of the text: only for diagnostics kept. */
        else if (r->text && pn_diags_count(r->diags) < 1000)
            pn__json_locate(r->text, r->len, path, &line, &column);
    }
    va_list ap;
    va_start(ap, fmt);
    char tmp[1024];
    vsnprintf(tmp, sizeof(tmp), fmt, ap);
    va_end(ap);
    if (pn_diags_add(r->diags, sev, file, line, column, where.data, check, "%s", tmp) != 0 ||
        where.failed)
        r->nomem = true;
    pn__buf_free(&where);
    pn__buf_free(&msg);
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

const char *pn__nearest(const char *name, const char *const *candidates, size_t n)
{
    const char *best = NULL;
    size_t best_d = 4;
    size_t len = strlen(name);
    for (size_t i = 0; i < n; i++) {
        size_t d = pn_edit_distance(name, candidates[i], best_d - 1 < 3 ? best_d - 1 : 3);
        size_t clen = strlen(candidates[i]);
        size_t shorter = len < clen ? len : clen;
        if (d < best_d && d * 3 <= shorter + 1) {
            best_d = d;
            best = candidates[i];
        }
    }
    return best;
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
    snprintf(buf, size, "%s \"%s\" (%s)", pn_kind_name(a->kind), a->id, a->country);
}

static void check_sources(const pn_dataset *ds, pn__report *r)
{
    pn__path p;
    for (size_t i = 0; i < ds->n_sources; i++) {
        const pn_source *s = &ds->sources[i];
        size_t at = pos(r->source_pos, i);
        if (!pn__id_valid(s->id)) {
            at_record(&p, "sources", at, "id");
            pn__report_at(r, PN_SEVERITY_ERROR, &p, "id-syntax",
                          "source id \"%s\" must be lowercase letters, digits, '_' or '-'", s->id);
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
    for (size_t i = 0; i < ds->n_actors; i++) {
        const pn_actor *a = &ds->actors[i];
        size_t at = pos(r->actor_pos, i);
        if (!pn__id_valid(a->id)) {
            at_record(&p, "actors", at, "id");
            pn__report_at(r, PN_SEVERITY_ERROR, &p, "id-syntax",
                          "actor id \"%s\" must be lowercase letters, digits, '_' or '-'", a->id);
        }
        if (!a->name || !*a->name) {
            at_record(&p, "actors", at, "name");
            pn__report_at(r, PN_SEVERITY_ERROR, &p, "empty-field", "an actor needs a \"name\"");
        }
        if (a->country[0] == '\0')
            continue; /* the loader reported a country it could not hold */
        if (!pn_country_valid(a->country)) {
            at_record(&p, "actors", at, "country");
            pn__report_at(r, PN_SEVERITY_ERROR, &p, "bad-country",
                          "\"%s\" is not an ISO 3166-1 alpha-2 country code (use \"ZZ\" when "
                          "the source does not say)",
                          a->country);
        } else if (warnings && strcmp(a->country, "ZZ") == 0) {
            at_record(&p, "actors", at, "country");
            pn__report_at(r, PN_SEVERITY_WARNING, &p, "unknown-country",
                          "country of \"%s\" is unknown (ZZ)", a->id);
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
    char da[160], db[160];
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

void pn__check_tie_values(const pn_tie *t, size_t at, pn__report *r)
{
    pn__path p;
    char b1[16], b2[16];
    if (t->id && !pn__id_valid(t->id)) {
        at_record(&p, "ties", at, "id");
        pn__report_at(r, PN_SEVERITY_ERROR, &p, "id-syntax",
                      "tie id \"%s\" must be lowercase letters, digits, '_' or '-'", t->id);
    }
    if (t->since.year && t->until.year && pn_date_compare(t->until, t->since) < 0) {
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
                          t->sectors[k]);
        }
    }
}

static void check_ties(const pn_dataset *ds, pn__report *r, bool warnings)
{
    pn__path p;
    for (size_t i = 0; i < ds->n_ties; i++) {
        const pn_tie *t = &ds->ties[i];
        size_t at = pos(r->tie_pos, i);
        pn__check_tie_values(t, at, r);
        if (t->from == t->to) {
            at_record(&p, "ties", at, "to");
            pn__report_at(r, PN_SEVERITY_ERROR, &p, "self-tie",
                          "tie from \"%s\" to itself: a tie joins two different actors",
                          ds->actors[t->from].id);
        }
        if (!warnings)
            continue;
        at_record(&p, "ties", at, NULL);
        if (t->from != t->to)
            check_tie_rules(ds, t, r, &p);
        if (t->n_sources == 0)
            pn__report_at(r, PN_SEVERITY_WARNING, &p, "no-source",
                          "tie %s -> %s cites no source (add \"sources\": [\"<source id>\"])",
                          ds->actors[t->from].id, ds->actors[t->to].id);
    }
}

/* Ties identical in every field but id: a text key of every field, strings
 * length-prefixed so that no two ties share a key unless they are equal
 * (strings cannot hold NUL). Built with one buffer, not a JSON tree per
 * tie: the tree made this check a fifth of a large load's time. */
static char *tie_key(const pn_dataset *ds, size_t i)
{
    const pn_tie *t = &ds->ties[i];
    const char *note = t->note ? t->note : "", *extra = ds->tie_extra[i] ? ds->tie_extra[i] : "";
    pn__buf b;
    pn__buf_init(&b);
    pn__buf_printf(&b, "%zu,%zu,%d,%d,%d,%d-%d-%d,%d-%d-%d,%d,%d,%a,%d%zu:", t->from, t->to,
                   (int)t->type, (int)t->instrument, (int)t->status, t->since.year, t->since.month,
                   t->since.day, t->until.year, t->until.month, t->until.day, (int)t->has_weight,
                   (int)t->directed, t->has_weight ? t->weight : 0.0, t->note != NULL,
                   strlen(note));
    pn__buf_puts(&b, note);
    pn__buf_printf(&b, ";%zu", t->n_sectors);
    for (size_t k = 0; k < t->n_sectors; k++) {
        pn__buf_printf(&b, ",%zu:", strlen(t->sectors[k]));
        pn__buf_puts(&b, t->sectors[k]);
    }
    pn__buf_printf(&b, ";%zu", t->n_sources);
    for (size_t k = 0; k < t->n_sources; k++) {
        const char *page = t->sources[k].page;
        pn__buf_printf(&b, ",%zu,%d%zu:", t->sources[k].source, page != NULL,
                       page ? strlen(page) : 0);
        if (page)
            pn__buf_puts(&b, page);
    }
    pn__buf_printf(&b, ";%zu:", strlen(extra));
    pn__buf_puts(&b, extra);
    if (b.failed) {
        pn__buf_free(&b);
        return NULL;
    }
    return b.data;
}

static void check_duplicates(const pn_dataset *ds, pn__report *r)
{
    size_t n = ds->n_ties;
    if (n < 2)
        return;
    char **keys = calloc(n, sizeof(*keys));
    pn__map seen;
    pn__map_init(&seen);
    if (!keys) {
        r->nomem = true;
        return;
    }
    pn__path p;
    for (size_t i = 0; i < n; i++) {
        keys[i] = tie_key(ds, i);
        if (!keys[i]) {
            r->nomem = true;
            break;
        }
        size_t first;
        if (pn__map_get(&seen, keys[i], &first)) {
            at_record(&p, "ties", pos(r->tie_pos, i), NULL);
            pn__report_at(r, PN_SEVERITY_WARNING, &p, "duplicate-tie",
                          "tie is identical to ties[%zu] in every field but id",
                          pos(r->tie_pos, first));
        } else if (pn__map_put(&seen, keys[i], i) < 0) {
            r->nomem = true;
        }
    }
    pn__map_free(&seen);
    for (size_t i = 0; i < n; i++)
        free(keys[i]);
    free(keys);
}

void pn__check_dataset(const pn_dataset *ds, pn__report *r, bool warnings)
{
    check_sources(ds, r);
    check_actors(ds, r, warnings);
    check_ties(ds, r, warnings);
    if (warnings)
        check_duplicates(ds, r);
}
