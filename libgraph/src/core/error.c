#include "paranet.h"
#include "paranet/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"

#define DEFAULT_CAP 50

struct pn_diags {
    pn_diag *items;
    size_t count;
    size_t alloc;
    size_t cap;
    size_t errors;
    size_t warnings;
    pn__pool strings;
};

const char *pn_strerror(int code)
{
    switch (code) {
#define PN_X(name, c, text)                                                                        \
    case c:                                                                                        \
        return text;
        PN_ERRNO_MAP(PN_X)
#undef PN_X
    }
    return "unknown error";
}

const char *pn_err_name(int code)
{
    switch (code) {
#define PN_X(name, c, text)                                                                        \
    case c:                                                                                        \
        return #name;
        PN_ERRNO_MAP(PN_X)
#undef PN_X
    }
    return "EUNKNOWN";
}

int pn_diags_new(pn_diags **out)
{
    pn_diags *d = calloc(1, sizeof(*d));
    if (!d)
        return PN_ENOMEM;
    d->cap = DEFAULT_CAP;
    pn__pool_init(&d->strings);
    *out = d;
    return 0;
}

void pn_diags_free(pn_diags *diags)
{
    if (!diags)
        return;
    free(diags->items);
    pn__pool_free(&diags->strings);
    free(diags);
}

size_t pn_diags_count(const pn_diags *diags)
{
    return diags ? diags->count : 0;
}

const pn_diag *pn_diags_get(const pn_diags *diags, size_t i)
{
    return diags && i < diags->count ? &diags->items[i] : NULL;
}

size_t pn_diags_errors(const pn_diags *diags)
{
    return diags ? diags->errors : 0;
}

size_t pn_diags_warnings(const pn_diags *diags)
{
    return diags ? diags->warnings : 0;
}

void pn_diags_set_cap(pn_diags *diags, size_t cap)
{
    if (diags)
        diags->cap = cap;
}

void pn_diags_clear(pn_diags *diags)
{
    if (!diags)
        return;
    diags->count = diags->errors = diags->warnings = 0;
    pn__pool_free(&diags->strings);
}

int pn_diags_add(pn_diags *diags, pn_severity severity, const char *file, int line, int column,
                 const char *path, const char *check, const char *fmt, ...)
{
    if (!diags)
        return 0;
    if (severity == PN_SEVERITY_ERROR)
        diags->errors++;
    else
        diags->warnings++;
    if (diags->cap && diags->count >= diags->cap)
        return 0;
    if (diags->count == diags->alloc) {
        size_t n = diags->alloc ? diags->alloc * 2 : 16;
        pn_diag *items = realloc(diags->items, n * sizeof(*items));
        if (!items)
            return PN_ENOMEM;
        diags->items = items;
        diags->alloc = n;
    }
    pn__buf msg;
    pn__buf_init(&msg);
    va_list ap;
    va_start(ap, fmt);
    char tmp[512];
    int n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
    va_end(ap);
    if (n < 0)
        n = 0;
    if ((size_t)n >= sizeof(tmp)) {
        char *big = malloc((size_t)n + 1);
        if (big) {
            va_start(ap, fmt);
            vsnprintf(big, (size_t)n + 1, fmt, ap);
            va_end(ap);
            pn__buf_puts(&msg, big);
            free(big);
        } else {
            pn__buf_puts(&msg, tmp);
        }
    } else {
        pn__buf_puts(&msg, tmp);
    }
    if (msg.data && (size_t)n >= sizeof(tmp) && msg.len < (size_t)n)
        msg.data[msg.len = pn__utf8_floor(msg.data, msg.len)] = '\0'; /* cut: on a character */
    bool failed = msg.failed;
    pn_diag *d = &diags->items[diags->count];
    d->severity = severity;
    d->line = line;
    d->column = column;
    d->file = pn__pool_strdup(&diags->strings, file, &failed);
    d->path = pn__pool_strdup(&diags->strings, path, &failed);
    d->check = pn__pool_strdup(&diags->strings, check, &failed);
    d->message = pn__pool_strdup(&diags->strings, msg.data ? msg.data : "", &failed);
    pn__buf_free(&msg);
    if (failed || !d->message)
        return PN_ENOMEM;
    diags->count++;
    return 0;
}

int pn_diag_format(const pn_diag *d, char *buf, size_t size)
{
    pn__buf b;
    pn__buf_init(&b);
    if (d->file) {
        pn__buf_puts(&b, d->file);
        if (d->line > 0) {
            pn__buf_printf(&b, ":%d", d->line);
            if (d->column > 0)
                pn__buf_printf(&b, ":%d", d->column);
        }
        pn__buf_puts(&b, ": ");
    }
    pn__buf_puts(&b, d->severity == PN_SEVERITY_ERROR ? "error: " : "warning: ");
    if (d->path && *d->path)
        pn__buf_printf(&b, "%s: ", d->path);
    pn__buf_puts(&b, d->message ? d->message : "");
    int n = snprintf(buf, size, "%s", b.data ? b.data : "");
    if (size > 0 && n >= 0 && (size_t)n >= size)
        pn__utf8_trim(buf); /* cut to size: never inside a character */
    pn__buf_free(&b);
    return n;
}

const char *pn_version(void)
{
    return PN_VERSION;
}

static int by_position(const void *a, const void *b)
{
    const pn_diag *x = a, *y = b;
    /* Diagnostics without a line keep their place at the front. */
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    if (x->column != y->column)
        return x->column < y->column ? -1 : 1;
    return 0;
}

bool pn__diags_full(const pn_diags *diags)
{
    return diags && diags->cap && diags->count >= diags->cap;
}

void pn__diags_set_location(pn_diags *diags, size_t i, int line, int column)
{
    if (diags && i < diags->count) {
        diags->items[i].line = line;
        diags->items[i].column = column;
    }
}

static int by_position_ctx(const void *a, const void *b, const void *ctx)
{
    (void)ctx;
    return by_position(a, b);
}

void pn__diags_sort_from(pn_diags *diags, size_t start)
{
    if (!diags || start >= diags->count)
        return;
    size_t n = diags->count - start;
    pn_diag *items = diags->items + start;
    pn_diag *tmp = malloc(n * sizeof(*tmp));
    if (tmp) {
        pn__sort_stable(items, n, sizeof(*items), tmp, by_position_ctx, NULL);
        free(tmp);
        return;
    }
    /* No memory for the merge: an insertion sort, stable, in place. */
    for (size_t i = 1; i < n; i++) {
        pn_diag d = items[i];
        size_t j = i;
        while (j > 0 && by_position(&items[j - 1], &d) > 0) {
            items[j] = items[j - 1];
            j--;
        }
        items[j] = d;
    }
}
