#include "caption.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* A growing string; on a failed allocation it stays NULL and later calls
 * do nothing. */
typedef struct words {
    char *s;
    size_t len, cap;
    bool failed;
} words;

static void add(words *w, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void add(words *w, const char *fmt, ...)
{
    if (w->failed)
        return;
    va_list ap, again;
    va_start(ap, fmt);
    va_copy(again, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n >= 0 && w->len + (size_t)n + 1 > w->cap) {
        size_t cap = 2 * (w->len + (size_t)n + 1);
        char *s = realloc(w->s, cap);
        if (!s) {
            w->failed = true;
            va_end(again);
            return;
        }
        w->s = s;
        w->cap = cap;
    }
    if (n >= 0) {
        vsnprintf(w->s + w->len, (size_t)n + 1, fmt, again);
        w->len += (size_t)n;
    }
    va_end(again);
}

/* "a", "a or b", "a, b or c" of the names in a mask (conj "or" / "and"). */
static void mask_words(words *w, unsigned mask, pn_vocab vocab, const char *conj)
{
    size_t n = 0, k = 0;
    for (size_t i = 0; i < pn_vocab_size(vocab); i++)
        n += (mask & PN_BIT(i)) != 0;
    for (size_t i = 0; i < pn_vocab_size(vocab); i++) {
        if (!(mask & PN_BIT(i)))
            continue;
        k++;
        add(w, "%s%s", k == 1 ? "" : k == n ? conj : ", ", pn_vocab_name(vocab, (int)i));
    }
}

static void list_words(words *w, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        add(w, "%s%s", i == 0 ? "" : i + 1 == n ? " or " : ", ", list[i]);
}

/* " (3 recommended ties left out)", " (2 recommended and 1 proposed tie
 * left out)": the ties each basis the view leaves out would add. */
static void dropped_words(words *w, const pn_view *v, const pn_dataset *ds, size_t total)
{
    unsigned kept = v->bases ? v->bases : PN_VIEW_BASES_DEFAULT;
    size_t count[PN_BASIS_COUNT] = {0}, n = 0, sum = 0, k = 0;
    for (int b = 0; b < PN_BASIS_COUNT; b++) {
        if (kept & PN_BIT(b))
            continue;
        pn_view more = *v;
        more.bases = kept | PN_BIT(b);
        size_t left = pn_view_basis_dropped(ds, &more);
        count[b] = left < total ? total - left : 0;
        n += count[b] > 0;
        sum += count[b];
    }
    if (sum != total) { /* a tie of two bases cannot be; say it plainly anyway */
        add(w, " (%zu tie%s a study only recommends or a party only proposes left out)", total,
            total == 1 ? "" : "s");
        return;
    }
    add(w, " (");
    for (int b = 0; b < PN_BASIS_COUNT; b++) {
        if (!count[b])
            continue;
        k++;
        add(w, "%s%zu %s",
            k == 1   ? ""
            : k == n ? " and "
                     : ", ",
            count[b], pn_vocab_name(PN_VOCAB_BASIS, b));
    }
    add(w, " tie%s left out)", total == 1 ? "" : "s");
}

static void sep(words *w)
{
    if (w->len)
        add(w, ", ");
}

char *caption_view(const pn_view *v, const pn_dataset *ds, size_t basis_dropped,
                   size_t undated_dropped)
{
    words w = {NULL, 0, 0, false};
    add(&w, "%s", "");
    /* Which ties. */
    bool filtered = v->types || v->instruments || v->statuses || v->status_none || v->n_sectors ||
                    v->at || v->from_year || v->to_year;
    if (filtered) {
        if (v->types) {
            mask_words(&w, v->types, PN_VOCAB_TYPE, " and ");
            add(&w, " ties");
        } else {
            add(&w, "ties");
        }
        if (v->instruments) {
            add(&w, " by ");
            mask_words(&w, v->instruments, PN_VOCAB_INSTRUMENT, " or ");
        }
        if (v->statuses || v->status_none) {
            add(&w, " %s", v->statuses ? "with status " : "");
            mask_words(&w, v->statuses, PN_VOCAB_STATUS, " or ");
            if (v->status_none)
                add(&w, "%s", v->statuses ? " or none given" : "without a status");
        }
        if (v->n_sectors) {
            add(&w, " in the sector%s ", v->n_sectors == 1 ? "" : "s");
            list_words(&w, v->sectors, v->n_sectors);
        }
        if (v->at)
            add(&w, " in force in %d", v->at);
        else if (v->from_year || v->to_year)
            add(&w, " in force at some time in %d\u2013%d", v->from_year, v->to_year);
    }
    /* On what they rest. */
    if ((v->bases & PN_VIEW_BASES_ALL) == PN_VIEW_BASES_ALL) {
        sep(&w);
        add(&w, "recommended and proposed ties included");
    } else if (basis_dropped || v->bases) {
        sep(&w);
        mask_words(&w, v->bases ? v->bases : PN_VIEW_BASES_DEFAULT, PN_VOCAB_BASIS, " and ");
        add(&w, " ties only");
        if (basis_dropped)
            dropped_words(&w, v, ds, basis_dropped);
    }
    if (undated_dropped)
        add(&w, " (%zu undated tie%s left out)", undated_dropped, undated_dropped == 1 ? "" : "s");
    if (!w.len)
        add(&w, "all ties");
    /* Which actors. */
    if (v->ego) {
        size_t a;
        const char *name =
            pn_dataset_find_actor(ds, v->ego, &a) == 0 ? pn_dataset_actor(ds, a)->name : v->ego;
        int r = v->radius > 0 ? v->radius : 1;
        add(&w, ", the actors within %d hop%s of %s", r, r == 1 ? "" : "s", name);
    }
    if (v->kinds) {
        add(&w, ", actors of kind ");
        mask_words(&w, v->kinds, PN_VOCAB_KIND, " or ");
    }
    if (v->n_countries) {
        add(&w, ", actors of ");
        list_words(&w, v->countries, v->n_countries);
    }
    if (v->drop_isolates && !basis_dropped)
        add(&w, ", actors without ties left out");
    /* The graph. */
    if (v->directed)
        add(&w, ", directed");
    if (v->weight == PN_WEIGHT_COUNT)
        add(&w, ", edges weighted by their number of ties");
    else if (v->weight == PN_WEIGHT_SUM)
        add(&w, ", edges weighted by the sum of their ties' weights");
    if (w.failed) {
        free(w.s);
        return NULL;
    }
    return w.s;
}

char *caption_dataset(const pn_dataset *ds, const char *file)
{
    const char *title = ds ? pn_dataset_title(ds) : NULL;
    const char *name = title && *title ? title : file ? file : "";
    size_t n = strlen(name);
    const char *colon = strstr(name, ": ");
    if (colon && colon > name)
        n = (size_t)(colon - name);
    char *s = malloc(n + 1);
    if (s) {
        memcpy(s, name, n);
        s[n] = '\0';
    }
    return s;
}
