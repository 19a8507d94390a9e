#include "paranet/vocab.h"

#include <stdlib.h>
#include <string.h>

typedef struct entry {
    const char *name;
    const char *meaning;
} entry;

#define PN_X(e, name, meaning) {name, meaning},
static const entry kinds[] = {PN_KIND_MAP(PN_X)};
static const entry types[] = {PN_TYPE_MAP(PN_X)};
static const entry statuses[] = {PN_STATUS_MAP(PN_X)};
static const entry instruments[] = {PN_INSTRUMENT_MAP(PN_X)};
static const entry bases[] = {PN_BASIS_MAP(PN_X)};
#undef PN_X

static const entry *table(pn_vocab vocab, size_t *n)
{
    switch (vocab) {
    case PN_VOCAB_KIND:
        *n = sizeof(kinds) / sizeof(kinds[0]);
        return kinds;
    case PN_VOCAB_TYPE:
        *n = sizeof(types) / sizeof(types[0]);
        return types;
    case PN_VOCAB_STATUS:
        *n = sizeof(statuses) / sizeof(statuses[0]);
        return statuses;
    case PN_VOCAB_INSTRUMENT:
        *n = sizeof(instruments) / sizeof(instruments[0]);
        return instruments;
    case PN_VOCAB_BASIS:
        *n = sizeof(bases) / sizeof(bases[0]);
        return bases;
    }
    *n = 0;
    return NULL;
}

size_t pn_vocab_size(pn_vocab vocab)
{
    size_t n;
    table(vocab, &n);
    return n;
}

const char *pn_vocab_field(pn_vocab vocab)
{
    static const char *const fields[] = {"kind", "type", "status", "instrument", "basis"};
    return (unsigned)vocab < sizeof(fields) / sizeof(fields[0]) ? fields[vocab] : NULL;
}

const char *pn_vocab_name(pn_vocab vocab, int value)
{
    size_t n;
    const entry *t = table(vocab, &n);
    return value >= 0 && (size_t)value < n ? t[value].name : NULL;
}

const char *pn_vocab_meaning(pn_vocab vocab, int value)
{
    size_t n;
    const entry *t = table(vocab, &n);
    return value >= 0 && (size_t)value < n ? t[value].meaning : NULL;
}

int pn_vocab_parse(pn_vocab vocab, const char *name)
{
    size_t n;
    const entry *t = table(vocab, &n);
    if (!name)
        return -1;
    for (size_t i = 0; i < n; i++)
        if (strcmp(t[i].name, name) == 0)
            return (int)i;
    return -1;
}

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

size_t pn_edit_distance(const char *a, const char *b, size_t cap)
{
    size_t la = strlen(a), lb = strlen(b);
    if ((la > lb ? la - lb : lb - la) > cap)
        return cap + 1;
    if (lb > 256)
        return cap + 1;
    size_t row[257];
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        size_t best = row[0];
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            size_t v = diag + cost;
            if (up + 1 < v)
                v = up + 1;
            if (row[j - 1] + 1 < v)
                v = row[j - 1] + 1;
            row[j] = v;
            diag = up;
            if (v < best)
                best = v;
        }
        if (best > cap)
            return cap + 1;
    }
    return row[lb] > cap ? cap + 1 : row[lb];
}

int pn_vocab_match(pn_vocab vocab, const char *name, bool *exact)
{
    if (exact)
        *exact = true;
    int v = pn_vocab_parse(vocab, name);
    if (v >= 0 || !name)
        return v;
    while (*name == ' ')
        name++;
    size_t len = strlen(name);
    while (len && name[len - 1] == ' ')
        len--;
    char folded[64];
    if (len == 0 || len >= sizeof(folded))
        return -1;
    for (size_t i = 0; i < len; i++)
        folded[i] = name[i] == '_' || name[i] == ' ' ? '-' : lower(name[i]);
    folded[len] = '\0';
    v = pn_vocab_parse(vocab, folded);
    if (v >= 0 && exact)
        *exact = false;
    return v;
}

const char *pn_vocab_suggest(pn_vocab vocab, const char *name)
{
    size_t n;
    const entry *t = table(vocab, &n);
    if (!name)
        return NULL;
    /* A different case or '_' for '-' is the likeliest slip: try that first. */
    char folded[64];
    size_t len = strlen(name);
    if (len < sizeof(folded)) {
        for (size_t i = 0; i <= len; i++)
            folded[i] = name[i] == '_' || name[i] == ' ' ? '-' : lower(name[i]);
        int v = pn_vocab_parse(vocab, folded);
        if (v >= 0)
            return t[v].name;
    }
    const char *best = NULL;
    size_t best_d = 4;
    for (size_t i = 0; i < n; i++) {
        size_t d = pn_edit_distance(len < sizeof(folded) ? folded : name, t[i].name, 3);
        if (d < best_d && d * 2 <= strlen(t[i].name)) {
            best_d = d;
            best = t[i].name;
        }
    }
    return best;
}

const char *pn_kind_name(pn_kind kind)
{
    return pn_vocab_name(PN_VOCAB_KIND, (int)kind);
}

const char *pn_tie_type_name(pn_tie_type type)
{
    return pn_vocab_name(PN_VOCAB_TYPE, (int)type);
}

const char *pn_status_name(pn_status status)
{
    return pn_vocab_name(PN_VOCAB_STATUS, (int)status);
}

const char *pn_instrument_name(pn_instrument instrument)
{
    return pn_vocab_name(PN_VOCAB_INSTRUMENT, (int)instrument);
}

const char *pn_basis_name(pn_basis basis)
{
    return pn_vocab_name(PN_VOCAB_BASIS, (int)basis);
}

bool pn_instrument_is_event(pn_instrument instrument)
{
    switch (instrument) {
    case PN_INSTRUMENT_VISIT:
    case PN_INSTRUMENT_LOI:
    case PN_INSTRUMENT_WITNESS:
    case PN_INSTRUMENT_APPROVAL:
    case PN_INSTRUMENT_ADOPTION:
        return true;
    default:
        return false;
    }
}

bool pn_kind_is_government(pn_kind kind)
{
    return kind == PN_KIND_CITY || kind == PN_KIND_REGENCY || kind == PN_KIND_PROVINCE ||
           kind == PN_KIND_MINISTRY || kind == PN_KIND_AGENCY;
}

int pn_instrument_rung(pn_instrument instrument)
{
    switch (instrument) {
    case PN_INSTRUMENT_VISIT:
        return 1;
    case PN_INSTRUMENT_LOI:
        return 2;
    case PN_INSTRUMENT_MOU:
        return 3;
    case PN_INSTRUMENT_SISTER_CITY:
        return 4;
    case PN_INSTRUMENT_AGREEMENT:
        return 5;
    default:
        return 0;
    }
}
