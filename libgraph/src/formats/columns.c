/* Header names as spreadsheets write them: the documented aliases of the
 * fields (docs/formats.md, "Column aliases"), compared as spreadsheets vary
 * them (ASCII case, spaces at either end, runs of ' ', '_' or '-' as one);
 * and the actors' extra fields that CSV escapes. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core/dataset_private.h"
#include "formats/interchange_private.h"

typedef struct alias {
    const char *record;
    const char *alias; /* folded: lower case, one ' ' between words */
    const char *field;
} alias;

static const alias aliases[] = {
    {PN__REC_TIE, "source", "from"},       {PN__REC_TIE, "target", "to"},
    {PN__REC_TIE, "year", "since"},        {PN__REC_TIE, "start", "since"},
    {PN__REC_TIE, "start year", "since"},  {PN__REC_TIE, "from year", "since"},
    {PN__REC_TIE, "begin", "since"},       {PN__REC_TIE, "tahun", "since"},
    {PN__REC_TIE, "end", "until"},         {PN__REC_TIE, "end year", "until"},
    {PN__REC_TIE, "to year", "until"},     {PN__REC_TIE, "sector", "sectors"},
    {PN__REC_TIE, "notes", "note"},        {PN__REC_ACTOR, "nama", "name"},
    {PN__REC_ACTOR, "type", "kind"},       {PN__REC_ACTOR, "country code", "country"},
    {PN__REC_ACTOR, "negara", "country"},  {PN__REC_ACTOR, "alias", "aliases"},
    {PN__REC_ACTOR, "province", "region"}, {PN__REC_ACTOR, "notes", "note"},
    {PN__REC_ACTOR, "latitude", "lat"},    {PN__REC_ACTOR, "lng", "lon"},
    {PN__REC_ACTOR, "long", "lon"},        {PN__REC_ACTOR, "longitude", "lon"},
    {PN__REC_SOURCE, "citation", "cite"},  {PN__REC_SOURCE, "reference", "cite"},
    {PN__REC_SOURCE, "link", "url"},
};

/* name folded into out (size bytes): false when it does not fit. */
static bool fold(const char *name, char *out, size_t size)
{
    size_t n = 0;
    bool gap = false;
    for (const char *s = name; *s; s++) {
        char c = *s;
        if (c == ' ' || c == '_' || c == '-') {
            gap = n > 0;
            continue;
        }
        if (n + 2 >= size)
            return false;
        if (gap)
            out[n++] = ' ';
        gap = false;
        out[n++] = c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
    }
    out[n] = '\0';
    return true;
}

const char *pn__ix_alias(const char *record, const char *name)
{
    char f[64];
    if (!fold(name, f, sizeof(f)))
        return NULL;
    for (size_t i = 0; i < sizeof(aliases) / sizeof(aliases[0]); i++)
        if (strcmp(aliases[i].record, record) == 0 && strcmp(aliases[i].alias, f) == 0)
            return aliases[i].field;
    return NULL;
}

const char *pn__ix_coord_partner(const char *record, const char *field)
{
    if (!field || strcmp(record, PN__REC_ACTOR) != 0)
        return NULL;
    return strcmp(field, "lat") == 0 ? "lon" : strcmp(field, "lon") == 0 ? "lat" : NULL;
}

const char *pn__ix_alias_of_unknown(const char *record, const char *name)
{
    return pn__field_known(pn__ix_fields(record), name) ? NULL : pn__ix_alias(record, name);
}

bool pn__ix_alias_warning(pn_diags *diags, const char *file, int line, const char *what,
                          const char *name, const char *field, const char *real)
{
    char label[300];
    snprintf(label, sizeof(label), "%s \"%s\"", what, name);
    if (real)
        return pn_diags_add(diags, PN_SEVERITY_WARNING, file, line, 0, label, "column-alias",
                            "kept as an extra field: it is an alias of \"%s\", which %s \"%s\" "
                            "gives",
                            field, what, real) == 0;
    return pn_diags_add(diags, PN_SEVERITY_WARNING, file, line, 0, label, "column-alias",
                        "read as \"%s\" (an alias)", field) == 0;
}

bool pn__ix_csv_reserved(const char *record, const char *name)
{
    if (strcmp(record, PN__REC_ACTOR) != 0)
        return false;
    name += strspn(name, "_");
    name += strspn(name, " ");
    size_t n = strlen(name);
    while (n > 0 && name[n - 1] == ' ')
        n--;
    return (n == 4 && strncasecmp(name, "name", 4) == 0) ||
           (n == 5 && strncasecmp(name, PN__CSV_LABEL, 5) == 0);
}
