/* Loading a dataset from JSON text or a file: the checks on the bytes
 * (size, BOM, UTF-16, NUL), parsing, jansson's message for a syntax error,
 * the depth limit; then load.c's walk of the document. */
#define _POSIX_C_SOURCE 200809L /* open, O_CLOEXEC */
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/check.h"
#include "store/json.h"
#include "paranet/io.h"

/* Progress (pn_load_options.progress): parsing is about the first half of
 * a load's time, building and checking the records the second. */
static void progress(const pn_load_options *opts, const char *what, double fraction)
{
    if (opts->progress)
        opts->progress(opts->progress_ctx, what, fraction);
}

static void parse_progress(void *ctx, double fraction)
{
    progress(ctx, "parsing", 0.5 * fraction);
}

static const char *syntax_hint(const char *text)
{
    if (strstr(text, "unable to decode byte"))
        return " (the file is not valid UTF-8: save it as UTF-8)";
    if (strstr(text, "duplicate object key"))
        return " (each key may appear once in an object)";
    if (strstr(text, "real number overflow"))
        return " (the number does not fit a double)";
    if (strstr(text, "too big integer"))
        return " (the number does not fit a 64-bit integer)";
    if (strstr(text, "maximum parsing depth"))
        return " (the JSON is nested too deeply)";
    return "";
}

/* Texts from this size up are freed once parsed when the loader owns them
 * and read them from a regular file (pn_dataset_load_file): the peak of a
 * large load is then the parsed document and the dataset, not those and
 * the text. The file stays open, and when diagnostics need lines its text
 * is read back once with pread (pn__report_locate): a file is never opened
 * twice, which would block on a FIFO or read another file renamed over
 * the name. The text of anything else (a FIFO, a pipe, a device) is kept. */
#define FREE_TEXT_FROM ((size_t)4 << 20)

/* The line and column of the first '[' or '{' nested deeper than max in a
 * text that parses: one pass, strings skipped. */
static void deepest_at(const char *s, size_t n, size_t max, int *line, int *column)
{
    size_t depth = 0;
    int l = 1, c = 1;
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        if (ch == '"') {
            for (i++, c++; i < n && s[i] != '"'; i++) {
                if (s[i] == '\\' && i + 1 < n) {
                    i++;
                    c++;
                }
                c += ((unsigned char)s[i] & 0xC0) != 0x80;
            }
        } else if (ch == '[' || ch == '{') {
            if (++depth > max) {
                *line = l;
                *column = c;
                return;
            }
        } else if (ch == ']' || ch == '}') {
            depth -= depth > 0;
        } else if (ch == '\n') {
            l++;
            c = 1;
            continue;
        }
        c += ((unsigned char)ch & 0xC0) != 0x80;
    }
}

/* Load data; when owned is not NULL it is data, the loader's to free, and
 * fd >= 0 the regular file it was read from whole (still open). */
static int load_text(pn_dataset **out, const char *data, size_t len, char *owned, int fd,
                     const pn_load_options *opts, pn_diags *diags)
{
    pn_load_options defaults = PN_LOAD_OPTIONS_INIT;
    if (!opts)
        opts = &defaults;
    const char *name = opts->name ? opts->name : "<input>";
    pn__report r;
    memset(&r, 0, sizeof(r));
    r.diags = diags;
    r.file = name;
    r.text = data;
    r.len = len;
    r.from_json = true;
    pn_dataset *ds = NULL;
    int rc = 0;

    if (len > opts->max_bytes) {
        pn_diags_add(diags, PN_SEVERITY_ERROR, name, 0, 0, NULL, "too-large",
                     "input is %zu bytes, over the limit of %zu (raise it with --max-bytes)", len,
                     opts->max_bytes);
        free(owned);
        return PN_ELIMIT;
    }
    size_t k = 0;
    while (k < len && (data[k] == ' ' || data[k] == '\n' || data[k] == '\r' || data[k] == '\t'))
        k++;
    if (k == len) {
        pn_diags_add(diags, PN_SEVERITY_ERROR, name, 0, 0, NULL, "empty",
                     "file is empty: expected a JSON object with \"paranet\": 1");
        free(owned);
        return PN_EDATA;
    }
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        pn_diags_add(diags, PN_SEVERITY_ERROR, name, 1, 1, NULL, "bom",
                     "file starts with a byte order mark (BOM): save it as UTF-8 without BOM");
        free(owned);
        return PN_EDATA;
    }
    if (len >= 2 && ((unsigned char)data[0] == 0xFF || (unsigned char)data[0] == 0xFE) &&
        (unsigned char)data[1] == ((unsigned char)data[0] ^ 0x01)) {
        pn_diags_add(diags, PN_SEVERITY_ERROR, name, 1, 1, NULL, "encoding",
                     "file is UTF-16 (it starts with a UTF-16 byte order mark): save it as UTF-8");
        free(owned);
        return PN_EDATA;
    }
    /* jansson stops at a raw NUL byte and reports the end of the file there. */
    const char *nul = memchr(data, '\0', len);
    if (nul) {
        int line = 1, column = 1;
        for (const char *p = data; p < nul; p++) {
            if (*p == '\n') {
                line++;
                column = 1;
            } else if (((unsigned char)*p & 0xC0) != 0x80) {
                column++;
            }
        }
        pn_diags_add(diags, PN_SEVERITY_ERROR, name, line, column, NULL, "encoding",
                     "a NUL byte, which a JSON text cannot hold (is it a binary file, or UTF-16 "
                     "without a byte order mark? save it as UTF-8)");
        free(owned);
        return PN_EDATA;
    }
    progress(opts, "parsing", 0.0);
    pn__jdoc doc;
    rc = pn__json_parse(&doc, data, len, parse_progress, (void *)opts);
    if (rc == PN_EDATA) {
        /* The parser does not explain; jansson says what is wrong, where. */
        json_error_t jerr;
        memset(&jerr, 0, sizeof(jerr)); /* jansson leaves it unset when an allocation fails */
        json_t *root = json_loadb(data, len, JSON_REJECT_DUPLICATES, &jerr);
        if (root) {
            /* What jansson takes and the parser leaves to it (reals under a
             * locale whose decimal point is not '.'). */
            rc = pn__jv_from_jansson(&doc, &doc.root, root);
            json_decref(root);
            if (rc == PN_EDATA)
                pn_diags_add(diags, PN_SEVERITY_ERROR, name, 0, 0, NULL, "encoding",
                             "a value contains a NUL character, which paranet does not accept");
        } else if (json_error_code(&jerr) == json_error_out_of_memory || jerr.text[0] == '\0') {
            /* jansson 2.14 returns NULL with no message when an allocation fails. */
            rc = PN_ENOMEM;
        } else {
            const char *text = jerr.text;
            if (strstr(text, "JSON_ALLOW_NUL"))
                text = "a string contains \\u0000 (a NUL character), which paranet does not "
                       "accept";
            pn_diags_add(diags, PN_SEVERITY_ERROR, name, jerr.line > 0 ? jerr.line : 0,
                         jerr.column > 0 ? jerr.column : 0, NULL, "syntax", "%s%s", text,
                         syntax_hint(jerr.text));
        }
    }
    if (rc)
        goto cleanup;
    if (doc.depth > opts->max_depth) {
        int line = 0, column = 0;
        deepest_at(data, len, opts->max_depth, &line, &column);
        pn_diags_add(diags, PN_SEVERITY_ERROR, name, line, column, NULL, "too-deep",
                     "JSON is nested deeper than %zu levels (raise it with --max-depth)",
                     opts->max_depth);
        rc = PN_ELIMIT;
        goto cleanup;
    }
    if (owned && fd >= 0 && len >= FREE_TEXT_FROM) {
        free(owned);
        owned = NULL;
        r.text = NULL;
        r.has_fd = true;
        r.fd = fd;
    }
    progress(opts, "loading", 0.5);
    rc = pn__load_doc(&ds, &doc.root, &r, opts, true);
    progress(opts, "done", 1.0);

cleanup:
    pn__jdoc_free(&doc);
    free(owned);
    pn__locs_free(&r.pending);
    if (rc == 0 && out) {
        *out = ds;
    } else {
        pn_dataset_free(ds);
    }
    return rc;
}

int pn_dataset_load_buffer(pn_dataset **out, const char *data, size_t len,
                           const pn_load_options *opts, pn_diags *diags)
{
    return load_text(out, data, len, NULL, -1, opts, diags);
}

int pn_dataset_load_file(pn_dataset **out, const char *path, const pn_load_options *opts,
                         pn_diags *diags)
{
    pn_load_options o = PN_LOAD_OPTIONS_INIT;
    if (opts)
        o = *opts;
    if (!o.name)
        o.name = path;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        pn_diags_add(diags, PN_SEVERITY_ERROR, path, 0, 0, NULL, "io", "cannot open: %s",
                     strerror(errno));
        return PN_EIO;
    }
    char *data = NULL;
    size_t len = 0;
    bool regular = false;
    int rc = pn__read_fd(fd, path, o.max_bytes, &data, &len, &regular, diags);
    if (rc == 0)
        rc = load_text(out, data, len, data, regular ? fd : -1, &o, diags); /* frees data */
    close(fd);
    return rc;
}
