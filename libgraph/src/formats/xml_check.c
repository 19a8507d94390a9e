/* What XML 1.0 can hold: the check the GraphML and GEXF writers make before
 * writing, one message per field that holds a character XML cannot. */
#include <expat.h>
#include <stdio.h>
#include <string.h>

#include "formats/interchange_private.h"

/* The first character of s (n bytes) that XML 1.0 cannot hold, even as a
 * character reference: NUL and the C0 controls other than tab, LF and CR,
 * U+FFFE and U+FFFF. (Lone surrogates cannot occur: the text is valid
 * UTF-8.) */
static bool xml_forbidden(const char *s, size_t n, unsigned *cp)
{
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < n; i++) {
        if (p[i] < 0x20 && p[i] != '\t' && p[i] != '\n' && p[i] != '\r') {
            *cp = p[i];
            return true;
        }
        if (p[i] == 0xEF && i + 2 < n && p[i + 1] == 0xBF &&
            (p[i + 2] == 0xBE || p[i + 2] == 0xBF)) {
            *cp = p[i + 2] == 0xBE ? 0xFFFE : 0xFFFF;
            return true;
        }
    }
    return false;
}

/* Any string in v, keys of objects included (depth is bounded by the
 * loader's limit). */
static bool value_forbidden(json_t *v, unsigned *cp)
{
    if (json_is_string(v))
        return xml_forbidden(json_string_value(v), json_string_length(v), cp);
    if (json_is_array(v)) {
        size_t i;
        json_t *x;
        json_array_foreach(v, i, x) if (value_forbidden(x, cp)) return true;
    } else if (json_is_object(v)) {
        const char *k;
        json_t *x;
        json_object_foreach(v, k, x)
        {
            if (xml_forbidden(k, strlen(k), cp) || value_forbidden(x, cp))
                return true;
        }
    }
    return false;
}

static size_t check_record(json_t *o, const char *table, size_t index, const char *what,
                           const char *format, pn_diags *diags, bool *nomem)
{
    size_t errors = 0;
    const char *key;
    json_t *v;
    json_object_foreach(o, key, v)
    {
        unsigned cp;
        if (!xml_forbidden(key, strlen(key), &cp) && !value_forbidden(v, &cp))
            continue;
        errors++;
        char path[128], c1[104], c2[104], c3[104];
        if (table)
            snprintf(path, sizeof(path), "%s[%zu].%s", table, index, pn__ix_clip(key, c1, 60));
        else
            snprintf(path, sizeof(path), "%s", pn__ix_clip(key, c1, 60));
        pn__buf label;
        pn__buf_init(&label);
        if (strcmp(what, "tie") == 0 && !json_object_get(o, "id"))
            pn__buf_printf(&label, "tie %s -> %s",
                           pn__ix_clip(json_string_value(json_object_get(o, "from")), c2, 100),
                           pn__ix_clip(json_string_value(json_object_get(o, "to")), c3, 100));
        else if (table)
            pn__buf_printf(&label, "%s \"%s\"", what,
                           pn__ix_clip(json_string_value(json_object_get(o, "id")), c2, 100));
        else
            pn__buf_puts(&label, "the dataset");
        pn__buf_add(&label, "", 0);
        if (label.failed ||
            pn_diags_add(diags, PN_SEVERITY_ERROR, NULL, 0, 0, path, "xml-char",
                         "%s, field \"%s\": %s U+%04X, which XML 1.0 cannot hold, not even as "
                         "a character reference (remove it, or keep the dataset in JSON or CSV)",
                         label.data, pn__ix_clip(key, c1, 60), format, cp))
            *nomem = true;
        pn__buf_free(&label);
    }
    return errors;
}

int pn__xml_check_tree(json_t *root, const char *format, bool dataset_fields, pn_diags *diags)
{
    bool nomem = false;
    size_t errors = 0, i;
    json_t *o;
    static const struct {
        const char *table, *what;
    } tables[] = {{"sources", "source"}, {"actors", "actor"}, {"ties", "tie"}};
    for (size_t t = dataset_fields ? 0 : 1; t < 3; t++) {
        json_array_foreach(json_object_get(root, tables[t].table), i, o) errors +=
            check_record(o, tables[t].table, i, tables[t].what, format, diags, &nomem);
    }
    /* The dataset's own fields: all of them in GraphML, title and
     * description in GEXF. */
    json_t *top = json_object();
    if (!top)
        return PN_ENOMEM;
    const char *key;
    json_t *v;
    json_object_foreach(root, key, v)
    {
        bool records =
            strcmp(key, "actors") == 0 || strcmp(key, "ties") == 0 || strcmp(key, "sources") == 0;
        bool wanted =
            dataset_fields || strcmp(key, "title") == 0 || strcmp(key, "description") == 0;
        if (!records && wanted && json_object_set(top, key, v) != 0)
            nomem = true;
    }
    errors += check_record(top, NULL, 0, "dataset", format, diags, &nomem);
    json_decref(top);
    if (nomem)
        return PN_ENOMEM;
    return errors ? PN_EDATA : 0;
}

int pn__xml_parse(void *parser, const char *data, size_t len, const char *name, const bool *stopped,
                  const bool *nomem, size_t *errors, pn_diags *diags)
{
    XML_Parser xp = parser;
    if (XML_Parse(xp, data, (int)len, XML_TRUE) != XML_STATUS_ERROR || *stopped || *nomem)
        return 0;
    enum XML_Error e = XML_GetErrorCode(xp);
    if (e == XML_ERROR_NO_MEMORY)
        return PN_ENOMEM;
    (*errors)++;
    pn_diags_add(diags, PN_SEVERITY_ERROR, name, (int)XML_GetErrorLineNumber(xp),
                 (int)XML_GetErrorColumnNumber(xp) + 1, NULL, "syntax", "%s (not well-formed XML)",
                 XML_ErrorString(e));
    return 0;
}

const char *pn__xml_attr(const char **atts, const char *name)
{
    for (size_t i = 0; atts[i]; i += 2)
        if (strcmp(atts[i], name) == 0)
            return atts[i + 1];
    return NULL;
}

bool pn__xml_record(const pn__path *path, json_t *actor_lines, json_t *tie_lines, json_t *actors,
                    json_t *ties, bool *edge, json_t **rec, json_t **lines)
{
    if (path->depth < 2 || !path->c[0].key || path->c[1].key)
        return false;
    *edge = strcmp(path->c[0].key, "ties") == 0;
    if (!*edge && strcmp(path->c[0].key, "actors") != 0)
        return false;
    size_t i = path->c[1].index;
    *lines = json_array_get(*edge ? tie_lines : actor_lines, i);
    *rec = json_array_get(*edge ? ties : actors, i);
    return *lines && *rec;
}
