/* Mapping a JSON path back to a line and column of the text.
 *
 * jansson keeps no positions for values once parsed, so when a data error
 * needs a location, the text is walked again down the path. This runs only
 * for reported diagnostics (at most the cap), never on the happy path. */
#include <string.h>

#include "util.h"

void pn__path_key(pn__path *p, const char *key)
{
    if (p->depth < PN__PATH_MAX) {
        p->c[p->depth].key = key;
        p->c[p->depth].index = 0;
    }
    p->depth++;
}

void pn__path_index(pn__path *p, size_t index)
{
    if (p->depth < PN__PATH_MAX) {
        p->c[p->depth].key = NULL;
        p->c[p->depth].index = index;
    }
    p->depth++;
}

void pn__path_pop(pn__path *p)
{
    if (p->depth > 0)
        p->depth--;
}

void pn__path_format(const pn__path *p, pn__buf *out)
{
    size_t depth = p->depth < PN__PATH_MAX ? p->depth : PN__PATH_MAX;
    for (size_t i = 0; i < depth; i++) {
        if (p->c[i].key)
            pn__buf_printf(out, "%s%s", i ? "." : "", p->c[i].key);
        else
            pn__buf_printf(out, "[%zu]", p->c[i].index);
    }
    if (out->data == NULL)
        pn__buf_add(out, "", 0);
}

static size_t skip_ws(const char *s, size_t n, size_t i)
{
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
        i++;
    return i;
}

/* i at the opening quote; returns the index after the closing one. */
static size_t skip_string(const char *s, size_t n, size_t i)
{
    for (i++; i < n; i++) {
        if (s[i] == '\\')
            i++;
        else if (s[i] == '"')
            return i + 1;
    }
    return n;
}

static size_t skip_value(const char *s, size_t n, size_t i)
{
    if (i >= n)
        return n;
    if (s[i] == '"')
        return skip_string(s, n, i);
    if (s[i] == '{' || s[i] == '[') {
        size_t depth = 0;
        while (i < n) {
            char c = s[i];
            if (c == '"') {
                i = skip_string(s, n, i);
                continue;
            }
            if (c == '{' || c == '[')
                depth++;
            else if (c == '}' || c == ']') {
                if (--depth == 0)
                    return i + 1;
            }
            i++;
        }
        return n;
    }
    while (i < n && s[i] != ',' && s[i] != '}' && s[i] != ']' && s[i] != ' ' && s[i] != '\n' &&
           s[i] != '\t' && s[i] != '\r')
        i++;
    return i;
}

/* Compare the raw key between quotes (s[i] is the opening quote). Keys with
 * escapes compare unequal: the format's own keys have none. */
static bool key_equals(const char *s, size_t n, size_t i, const char *key)
{
    size_t klen = strlen(key);
    return i + 1 + klen < n && memcmp(s + i + 1, key, klen) == 0 && s[i + 1 + klen] == '"';
}

bool pn__json_locate(const char *s, size_t n, const pn__path *path, int *line, int *column)
{
    if (!s || path->depth > PN__PATH_MAX)
        return false;
    size_t i = 0;
    if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    i = skip_ws(s, n, i);
    for (size_t d = 0; d < path->depth; d++) {
        if (i >= n)
            return false;
        if (path->c[d].key) {
            if (s[i] != '{')
                return false;
            i = skip_ws(s, n, i + 1);
            bool found = false;
            while (i < n && s[i] == '"') {
                bool match = key_equals(s, n, i, path->c[d].key);
                i = skip_ws(s, n, skip_string(s, n, i));
                if (i >= n || s[i] != ':')
                    return false;
                i = skip_ws(s, n, i + 1);
                if (match) {
                    found = true;
                    break;
                }
                i = skip_ws(s, n, skip_value(s, n, i));
                if (i < n && s[i] == ',')
                    i = skip_ws(s, n, i + 1);
            }
            if (!found)
                return false;
        } else {
            if (s[i] != '[')
                return false;
            i = skip_ws(s, n, i + 1);
            for (size_t k = 0; k < path->c[d].index; k++) {
                if (i >= n || s[i] == ']')
                    return false;
                i = skip_ws(s, n, skip_value(s, n, i));
                if (i < n && s[i] == ',')
                    i = skip_ws(s, n, i + 1);
            }
            if (i >= n || s[i] == ']')
                return false;
        }
    }
    int l = 1, c = 1;
    for (size_t k = 0; k < i; k++) {
        if (s[k] == '\n') {
            l++;
            c = 1;
        } else if (((unsigned char)s[k] & 0xC0) != 0x80) {
            c++;
        }
    }
    *line = l;
    *column = c;
    return true;
}
