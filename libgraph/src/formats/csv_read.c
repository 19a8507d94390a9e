/* CSV tables in and out: actors, ties, sources and the dataset's own fields.
 *
 * Reading goes through libcsv, fed one line at a time so that every field
 * keeps the line it starts on; the rows become a JSON tree in the dataset
 * format, which the loader checks as it checks a JSON file, with a locator
 * that turns ties[12].to back into "ties.csv:14: column \"to\"". */
#include <csv.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "store/check.h"
#include "core/dataset_private.h"
#include "formats/interchange_private.h"
#include "store/json.h"

static const char *const table_names[] = {"actors", "ties", "sources", "dataset"};
static const char *const table_records[] = {PN__REC_ACTOR, PN__REC_TIE, PN__REC_SOURCE,
                                            PN__REC_DATASET};

const char *pn_csv_table_name(pn_csv_table table)
{
    if (table < 0 || table >= PN_CSV_TABLE_COUNT)
        return "unknown";
    return table_names[table];
}

/* ---- writing ---------------------------------------------------------- */

/* Writing works on the dataset's canonical JSON, parsed once into an arena
 * (pn__json_parse): a few bytes per value, where a jansson tree takes a
 * malloc per value and a hash table per record. */

static void cell(pn__buf *b, const char *s, size_t len, char delim)
{
    /* A cell a spreadsheet would run as a formula goes after a "'"
     * (docs/formats.md); the reader removes it. */
    bool pre = pn__ix_prefixed(s, len);
    bool quote = len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t' ||
                             (!pre && (s[0] == ' ' || s[0] == '\t' || s[0] == '"')));
    for (size_t i = 0; i < len && !quote; i++)
        quote = s[i] == delim || s[i] == '"' || s[i] == '\n' || s[i] == '\r';
    if (!quote) {
        if (pre)
            pn__buf_add(b, "'", 1);
        pn__buf_add(b, s, len);
        return;
    }
    pn__buf_add(b, "\"", 1);
    if (pre)
        pn__buf_add(b, "'", 1);
    size_t start = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '"') {
            pn__buf_add(b, s + start, i + 1 - start);
            pn__buf_add(b, "\"", 1);
            start = i + 1;
        }
    }
    pn__buf_add(b, s + start, len - start);
    pn__buf_add(b, "\"", 1);
}

static int by_string(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The extra keys of the records into k, each once, then sorted (k->names
 * only: its index and positions no longer match them). 0 or PN_ENOMEM. */
static int extra_keys(pn__ix_keys *k, const pn__jv *records, const char *record)
{
    const char *const *known = pn__ix_fields(record);
    for (uint32_t i = 0; records && i < records->n; i++) {
        const pn__jv *o = &records->u.items[i];
        for (uint32_t m = 0; o->type == PN__J_OBJECT && m < o->n; m++) {
            const char *key = o->u.members[m].key;
            if (!pn__field_known(known, key) && pn__ix_keys_add(k, key, NULL) != 0)
                return PN_ENOMEM;
        }
    }
    if (k->n > 1)
        qsort(k->names, k->n, sizeof(*k->names), by_string);
    return 0;
}

static void list_item(pn__buf *b, const char *s)
{
    for (; *s; s++) {
        if (*s == '|' || *s == '\\')
            pn__buf_add(b, "\\", 1);
        pn__buf_add(b, s, 1);
    }
}

/* The text of a value of type t, as pn__ix_encode writes it. */
static void encode(pn__buf *b, const pn__jv *v, pn__ftype t)
{
    if (!v || (v->type == PN__J_NULL && t != PN__F_EXTRA))
        return;
    if ((t == PN__F_LIST || t == PN__F_TAGS || t == PN__F_REFS) && v->type == PN__J_ARRAY) {
        for (uint32_t i = 0; i < v->n; i++) {
            const pn__jv *x = &v->u.items[i];
            if (i)
                pn__buf_add(b, "|", 1);
            if (x->type == PN__J_STRING) {
                list_item(b, x->u.s);
            } else if (x->type == PN__J_OBJECT) {
                const pn__jv *ref = pn__jv_get(x, "ref"), *page = pn__jv_get(x, "page");
                list_item(b, ref && ref->type == PN__J_STRING ? ref->u.s : "");
                if (page && page->type == PN__J_STRING) {
                    pn__buf_add(b, "@", 1);
                    list_item(b, page->u.s);
                }
            }
        }
        return;
    }
    switch ((pn__jtype)v->type) {
    case PN__J_STRING:
        if (t != PN__F_EXTRA) {
            pn__buf_add(b, v->u.s, v->n);
            return;
        }
        break;
    case PN__J_INTEGER:
        pn__buf_printf(b, "%lld", v->u.i);
        return;
    case PN__J_REAL:
        if (t != PN__F_EXTRA) {
            pn__ix_real(b, v->u.d);
            return;
        }
        break;
    case PN__J_TRUE:
    case PN__J_FALSE:
        pn__buf_puts(b, v->type == PN__J_TRUE ? "true" : "false");
        return;
    default:
        break;
    }
    /* Extra fields (and odd values): through jansson, one value at a time. */
    json_t *j = pn__jv_to_jansson(v);
    if (!j) {
        b->failed = true;
        return;
    }
    pn__ix_encode(b, j, t);
    json_decref(j);
}

/* A record's extra fields as one JSON object (the attrs column). */
static void encode_attrs(pn__buf *b, const pn__jv *o, const char *const *known)
{
    json_t *obj = json_object();
    size_t n = 0;
    for (uint32_t m = 0; obj && m < o->n; m++) {
        if (pn__field_known(known, o->u.members[m].key))
            continue;
        json_t *x = pn__jv_to_jansson(&o->u.members[m].value);
        if (!x || json_object_set_new(obj, o->u.members[m].key, x) != 0) {
            json_decref(obj);
            obj = NULL;
        }
        n++;
    }
    if (!obj) {
        b->failed = true;
        return;
    }
    if (n) {
        char *text = json_dumps(obj, JSON_COMPACT | JSON_SORT_KEYS);
        if (text)
            pn__buf_puts(b, text);
        else
            b->failed = true;
        free(text);
    }
    json_decref(obj);
}

static void write_records(pn__buf *b, const pn__jv *records, const char *record, char delim)
{
    const char *const *known = pn__ix_fields(record);
    size_t nk = 0;
    while (known[nk])
        nk++;
    pn__ix_keys keys;
    pn__ix_keys_init(&keys);
    if (extra_keys(&keys, records, record) != 0) {
        pn__ix_keys_free(&keys);
        b->failed = true;
        return;
    }
    size_t nx = keys.n;
    const char **extras = keys.names;
    /* Many distinct extra fields (each record its own, say) would make a
     * table of records x fields cells, nearly all empty: past a bound they
     * go in one JSON column, as does a field that is itself named attrs. */
    bool attrs = nx > PN__CSV_MAX_EXTRA;
    for (size_t k = 0; k < nx && !attrs; k++)
        attrs = strcmp(extras[k], PN__CSV_ATTRS) == 0;
    size_t ncols = attrs ? nk + (nx > 0) : nk + nx;
    for (size_t c = 0; c < ncols; c++) {
        const char *name = c < nk ? known[c] : attrs ? PN__CSV_ATTRS : extras[c - nk];
        if (c)
            pn__buf_add(b, &delim, 1);
        cell(b, name, strlen(name), delim);
    }
    pn__buf_add(b, "\n", 1);
    pn__buf text;
    pn__buf_init(&text);
    /* Fields by a scan of the record's members: at most the known fields
     * and PN__CSV_MAX_EXTRA columns per record, so linear in the table. */
    for (uint32_t i = 0; records && i < records->n; i++) {
        const pn__jv *o = &records->u.items[i];
        for (size_t c = 0; c < ncols; c++) {
            if (c)
                pn__buf_add(b, &delim, 1);
            text.len = 0;
            if (c < nk) {
                encode(&text, pn__jv_get(o, known[c]), pn__ix_ftype(record, known[c]));
            } else if (attrs) {
                encode_attrs(&text, o, known);
            } else {
                encode(&text, pn__jv_get(o, extras[c - nk]), PN__F_EXTRA);
            }
            if (text.failed)
                b->failed = true;
            cell(b, text.data ? text.data : "", text.len, delim);
        }
        pn__buf_add(b, "\n", 1);
    }
    pn__buf_free(&text);
    pn__ix_keys_free(&keys);
}

static void write_dataset(pn__buf *b, const pn__jv *root, char delim)
{
    pn__buf text;
    pn__buf_init(&text);
    pn__buf_printf(b, "field%cvalue\n", delim);
    for (uint32_t m = 0; m < root->n; m++) {
        const char *key = root->u.members[m].key;
        if (strcmp(key, "paranet") == 0 || strcmp(key, "sources") == 0 ||
            strcmp(key, "actors") == 0 || strcmp(key, "ties") == 0)
            continue;
        text.len = 0;
        encode(&text, &root->u.members[m].value, pn__ix_ftype(PN__REC_DATASET, key));
        if (text.failed)
            b->failed = true;
        cell(b, key, strlen(key), delim);
        pn__buf_add(b, &delim, 1);
        cell(b, text.data ? text.data : "", text.len, delim);
        pn__buf_add(b, "\n", 1);
    }
    pn__buf_free(&text);
}

static int write_table(const pn__jv *root, pn_csv_table table, char delimiter, char **out,
                       size_t *len)
{
    pn__buf b;
    pn__buf_init(&b);
    if (table == PN_CSV_DATASET)
        write_dataset(&b, root, delimiter);
    else
        write_records(&b, pn__jv_get(root, table_names[table]), table_records[table], delimiter);
    pn__buf_add(&b, "", 0);
    if (b.failed || !b.data) {
        pn__buf_free(&b);
        return PN_ENOMEM;
    }
    *out = b.data;
    if (len)
        *len = b.len;
    return 0;
}

/* The dataset's canonical JSON in an arena. */
static int dataset_doc(const pn_dataset *ds, pn__jdoc *doc)
{
    char *text = NULL;
    size_t n = 0;
    memset(doc, 0, sizeof(*doc));
    pn__pool_init(&doc->pool);
    int rc = pn_dataset_save_buffer(ds, &text, &n);
    if (rc == 0)
        rc = pn__json_parse(doc, text, n, NULL, NULL);
    free(text);
    return rc == PN_EDATA ? PN_ENOMEM : rc; /* our own output always parses */
}

static bool delimiter_ok(char *delimiter)
{
    if (*delimiter == 0)
        *delimiter = ',';
    return *delimiter == ',' || *delimiter == ';' || *delimiter == '\t';
}

int pn_csv_write(const pn_dataset *ds, pn_csv_table table, char delimiter, char **out, size_t *len)
{
    if (table < 0 || table >= PN_CSV_TABLE_COUNT || !delimiter_ok(&delimiter))
        return PN_EINVAL;
    pn__jdoc doc;
    int rc = dataset_doc(ds, &doc);
    if (rc == 0)
        rc = write_table(&doc.root, table, delimiter, out, len);
    pn__jdoc_free(&doc);
    return rc;
}

int pn_csv_write_all(const pn_dataset *ds, char delimiter, char *out[PN_CSV_TABLE_COUNT],
                     size_t len[PN_CSV_TABLE_COUNT])
{
    if (!delimiter_ok(&delimiter))
        return PN_EINVAL;
    for (int t = 0; t < PN_CSV_TABLE_COUNT; t++)
        out[t] = NULL;
    pn__jdoc doc;
    int rc = dataset_doc(ds, &doc);
    for (int t = 0; t < PN_CSV_TABLE_COUNT && rc == 0; t++)
        rc = write_table(&doc.root, (pn_csv_table)t, delimiter, &out[t], &len[t]);
    pn__jdoc_free(&doc);
    if (rc)
        for (int t = 0; t < PN_CSV_TABLE_COUNT; t++) {
            free(out[t]);
            out[t] = NULL;
        }
    return rc;
}

/* ---- reading ---------------------------------------------------------- */

/* The bytes of the row being read are kept in one buffer, each field's
 * text NUL-terminated there; records are built in the arena of a pn__jdoc
 * (no jansson tree, no allocation per cell), which the loader reads. */
typedef struct field {
    size_t at; /* offset of the text in reader.cells */
    size_t len;
    int line;
} field;

typedef struct csv_column {
    char *name;      /* as in the header */
    const char *key; /* the field it fills: a known name, or name itself */
    bool skip;       /* the name is refused (reported once, on the header) */
    bool attrs;      /* the column of sparse extra fields (docs/formats.md) */
} csv_column;

/* One table being read. */
typedef struct table {
    const char *name;
    pn_csv_table kind;
    csv_column *cols;
    size_t ncols;
    pn__map colmap; /* key -> column */
    int header_line;
    /* per record added: the line of each column's cell, and the row's */
    int *lines;
    int *row_line;
    size_t nrec, arec;
    /* records (actors, ties, sources), or the dataset table's fields */
    pn__jv *recs;
    pn__jmember *fields;
    pn__map fieldmap; /* dataset table: field -> row */
} table;

typedef struct reader {
    pn_diags *diags;
    const pn_import_options *opts;
    pn__jdoc doc;
    table *t;
    bool header_done;
    int line; /* the line being fed */
    /* Where the row being read starts, to locate an unterminated quote. */
    size_t row_at;
    int row_line;
    bool row_ended;
    pn__buf cells;
    field *row;
    size_t nrow, arow;
    pn__jmember *scratch; /* members of the record being built */
    size_t ascratch;
    size_t errors;
    bool nomem;
} reader;

static const char *cell_text(const reader *R, size_t i)
{
    return R->cells.data + R->row[i].at;
}

/* An error of the table being read, at line (and column, 0: none). */
static void vreport(reader *R, int line, int column, const char *label, const char *check,
                    const char *fmt, va_list ap)
{
    char msg[1024];
    if (vsnprintf(msg, sizeof(msg), fmt, ap) >= (int)sizeof(msg))
        pn__utf8_trim(msg); /* cut: on a character, not inside one */
    R->errors++;
    if (pn_diags_add(R->diags, PN_SEVERITY_ERROR, R->t->name, line, column, label, check, "%s",
                     msg))
        R->nomem = true;
}

static void report(reader *R, int line, const char *label, const char *check, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static void report(reader *R, int line, const char *label, const char *check, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport(R, line, 0, label, check, fmt, ap);
    va_end(ap);
}

static void label_name(pn__buf *b, const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        size_t n = 1;
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80) {
            n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
            if (i + n > len || !pn__ix_utf8(s + i, n))
                n = 0;
        } else if (c < 0x20 || c == 0x7F) {
            n = 0;
        }
        if (n == 0) {
            pn__buf_printf(b, "\\x%02X", c);
            i++;
        } else {
            pn__buf_add(b, s + i, n);
            i += n;
        }
    }
    pn__buf_add(b, "", 0);
}

static void column_label(char *out, size_t size, const char *name)
{
    pn__buf b;
    pn__buf_init(&b);
    pn__buf_puts(&b, "column \"");
    label_name(&b, name, strlen(name));
    pn__buf_puts(&b, "\"");
    snprintf(out, size, "%s", b.data && !b.failed ? b.data : "column");
    pn__buf_free(&b);
}

static void report_at(reader *R, int line, int column, const char *check, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static void report_at(reader *R, int line, int column, const char *check, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport(R, line, column, NULL, check, fmt, ap);
    va_end(ap);
}

static void on_field(void *data, size_t len, void *ctx)
{
    reader *R = ctx;
    if (R->nomem)
        return;
    if (R->nrow == R->arow) {
        size_t n = R->arow ? R->arow * 2 : 16;
        field *more = realloc(R->row, n * sizeof(*more));
        if (!more) {
            R->nomem = true;
            return;
        }
        R->row = more;
        R->arow = n;
    }
    field *f = &R->row[R->nrow];
    f->at = R->cells.len;
    f->len = len;
    pn__buf_add(&R->cells, data, len);
    pn__buf_add(&R->cells, "", 1);
    if (R->cells.failed) {
        R->nomem = true;
        return;
    }
    /* The field ends on the line being fed: it starts as many lines up as
     * it holds line ends (LF, CRLF or a lone CR, as parse_table counts). */
    const char *s = data;
    int nl = 0;
    for (size_t i = 0; i < len; i++)
        nl += s[i] == '\n' || (s[i] == '\r' && (i + 1 == len || s[i + 1] != '\n'));
    f->line = R->line - nl;
    R->nrow++;
}

static void clear_row(reader *R)
{
    R->nrow = 0;
    R->cells.len = 0;
}

/* The name with the spaces around it trimmed: start and length. */
static size_t trimmed(const char *name, size_t *start)
{
    size_t n = strlen(name), s = 0;
    while (s < n && name[s] == ' ')
        s++;
    while (n > s && name[n - 1] == ' ')
        n--;
    *start = s;
    return n - s;
}

/* How closely a header name matches a known field: 3 the same bytes, 2 the
 * same once trimmed, 1 the same in another case; 0 not. */
static int match_known(const char *known, const char *name)
{
    if (strcmp(known, name) == 0)
        return 3;
    size_t s, n = trimmed(name, &s);
    if (strlen(known) != n)
        return 0;
    if (strncmp(known, name + s, n) == 0)
        return 2;
    return strncasecmp(known, name + s, n) == 0 ? 1 : 0;
}

static bool has_column(reader *R, const char *name)
{
    for (size_t i = 0; i < R->nrow; i++)
        if (match_known(name, cell_text(R, i)))
            return true;
    return false;
}

/* Which field each column fills. A name fills a known field when it is
 * that field's name, trimmed or in another case, unless another column
 * names the field more exactly: "Name" beside "name" is an extra field of
 * its own (as the writer writes it), "Name" alone is the name. */
static void assign_keys(table *t, const char *record)
{
    const char *const *known = pn__ix_fields(record);
    size_t nk = 0;
    while (known[nk])
        nk++;
    int best[64] = {0};
    int *level = calloc(t->ncols ? t->ncols : 1, sizeof(int));
    size_t *which = calloc(t->ncols ? t->ncols : 1, sizeof(size_t));
    for (size_t i = 0; level && which && i < t->ncols; i++) {
        for (size_t k = 0; k < nk && k < 64; k++) {
            int m = match_known(known[k], t->cols[i].name);
            if (m > level[i]) {
                level[i] = m;
                which[i] = k;
            }
        }
        if (level[i] && level[i] > best[which[i]])
            best[which[i]] = level[i];
    }
    for (size_t i = 0; i < t->ncols; i++) {
        csv_column *c = &t->cols[i];
        c->key = c->name;
        if (level && which && level[i] && level[i] == best[which[i]])
            c->key = known[which[i]];
        else if (!pn__field_known(known, c->name) && strcmp(c->name, PN__CSV_ATTRS) == 0)
            c->attrs = true;
    }
    free(level);
    free(which);
}

static void on_header(reader *R)
{
    table *t = R->t;
    t->header_line = R->nrow ? R->row[0].line : R->line;
    for (size_t i = 0; i < R->nrow; i++)
        pn__ix_unprefix(R->cells.data + R->row[i].at, &R->row[i].len);
    if (t->kind == PN_CSV_DETECT) {
        if (has_column(R, "from") && has_column(R, "to"))
            t->kind = PN_CSV_TIES;
        else if (has_column(R, "cite"))
            t->kind = PN_CSV_SOURCES;
        else if (R->nrow == 2 && has_column(R, "field") && has_column(R, "value"))
            t->kind = PN_CSV_DATASET;
        else if (has_column(R, "id") || has_column(R, "name"))
            t->kind = PN_CSV_ACTORS;
        else {
            report(R, t->header_line, NULL, "csv-table",
                   "cannot tell which table this is from its header: an actors table has "
                   "\"id\" and \"name\", a ties table \"from\" and \"to\", a sources table "
                   "\"cite\", a dataset table \"field\" and \"value\"");
            return;
        }
    }
    t->cols = calloc(R->nrow ? R->nrow : 1, sizeof(*t->cols));
    if (!t->cols) {
        R->nomem = true;
        return;
    }
    t->ncols = R->nrow;
    for (size_t i = 0; i < R->nrow; i++) {
        t->cols[i].name = malloc(R->row[i].len + 1);
        if (!t->cols[i].name) {
            R->nomem = true;
            return;
        }
        memcpy(t->cols[i].name, cell_text(R, i), R->row[i].len + 1);
    }
    const char *record = table_records[t->kind];
    if (t->kind != PN_CSV_DATASET)
        assign_keys(t, record);
    else
        for (size_t i = 0; i < t->ncols; i++)
            t->cols[i].key = t->cols[i].name;
    if (pn__map_reserve(&t->colmap, t->ncols) != 0) {
        R->nomem = true;
        return;
    }
    for (size_t i = 0; i < R->nrow; i++) {
        csv_column *c = &t->cols[i];
        if (strlen(c->name) != R->row[i].len) {
            report(R, t->header_line, NULL, "csv-encoding",
                   "column %zu's name holds a NUL byte, which paranet does not accept", i + 1);
            c->skip = true;
        } else if (!pn__ix_utf8(c->name, R->row[i].len)) {
            char label[300];
            column_label(label, sizeof(label), c->name);
            report(R, t->header_line, NULL, "csv-utf8",
                   "column %zu's name (%s) is not valid UTF-8 (save the file as UTF-8, not "
                   "Latin-1 or Windows-1252)",
                   i + 1, label + 7);
            c->skip = true;
        }
        if (!*c->name)
            report(R, t->header_line, NULL, "csv-header", "column %zu has no name in the header",
                   i + 1);
        int put = pn__map_put(&t->colmap, c->key, i);
        if (put < 0) {
            R->nomem = true;
            return;
        }
        if (put == 1 && *c->name) {
            size_t j = 0;
            pn__map_get(&t->colmap, c->key, &j);
            char label[300];
            column_label(label, sizeof(label), c->key);
            report(R, t->header_line, NULL, "csv-header",
                   "%s appears twice in the header (columns %zu and %zu)", label, j + 1, i + 1);
        }
    }
    if (t->kind == PN_CSV_DATASET) {
        if (t->ncols != 2 || strcasecmp(t->cols[0].name, "field") != 0 ||
            strcasecmp(t->cols[1].name, "value") != 0) {
            report(R, t->header_line, NULL, "csv-header",
                   "a dataset table's columns are \"field\" then \"value\" (this header has "
                   "%zu column%s)",
                   t->ncols, t->ncols == 1 ? "" : "s");
        }
        return;
    }
    /* Required columns, unless a default stands in. */
    static const char *const need_actor[] = {"id", "name", "kind", "country", NULL};
    static const char *const need_tie[] = {"from", "to", "type", NULL};
    static const char *const need_source[] = {"id", "cite", NULL};
    const char *const *need = t->kind == PN_CSV_ACTORS ? need_actor
                              : t->kind == PN_CSV_TIES ? need_tie
                                                       : need_source;
    for (; *need; need++) {
        bool found = pn__map_get(&t->colmap, *need, NULL);
        const char *dflt = strcmp(*need, "kind") == 0      ? R->opts->default_kind
                           : strcmp(*need, "country") == 0 ? R->opts->default_country
                           : strcmp(*need, "type") == 0    ? R->opts->default_type
                                                           : NULL;
        if (!found && !dflt)
            report(R, t->header_line, NULL, "csv-header", "the %s table has no column \"%s\"%s",
                   table_names[t->kind], *need,
                   strcmp(*need, "kind") == 0      ? " (or give --default-kind)"
                   : strcmp(*need, "country") == 0 ? " (or give --default-country)"
                   : strcmp(*need, "type") == 0    ? " (or give --default-type)"
                                                   : "");
    }
}

static bool grow_records(reader *R, table *t)
{
    if (t->nrec < t->arec)
        return true;
    size_t n = t->arec ? t->arec * 2 : 64;
    size_t w = t->ncols ? t->ncols : 1;
    if (n > SIZE_MAX / sizeof(int) / w || n >= UINT32_MAX) {
        R->nomem = true;
        return false;
    }
    int *lines = realloc(t->lines, n * w * sizeof(int));
    if (lines)
        t->lines = lines;
    int *rows = realloc(t->row_line, n * sizeof(int));
    if (rows)
        t->row_line = rows;
    bool ok = lines && rows;
    if (ok && t->kind == PN_CSV_DATASET) {
        pn__jmember *f = realloc(t->fields, n * sizeof(*f));
        if (f)
            t->fields = f;
        ok = f != NULL;
    } else if (ok) {
        pn__jv *r = realloc(t->recs, n * sizeof(*r));
        if (r)
            t->recs = r;
        ok = r != NULL;
    }
    if (!ok) {
        R->nomem = true;
        return false;
    }
    t->arec = n;
    return true;
}

/* The loader's depth limit left for a value at this table's level: the
 * document, the table's array and the record hold a record's field. */
static size_t depth_room(const reader *R, const table *t)
{
    size_t above = t->kind == PN_CSV_DATASET ? 1 : 3;
    size_t max = R->opts->load.max_depth;
    return max > above ? max - above : 0;
}

/* Decode cell c of the row into *v; false when it was reported or memory
 * ran out. label names the cell in messages. */
static bool decode_cell(reader *R, size_t c, pn__ftype type, size_t room, const char *label,
                        pn__jv *v)
{
    const char *text = cell_text(R, c);
    int line = R->row[c].line;
    if (memchr(text, 0, R->row[c].len)) {
        report(R, line, label, "csv-encoding",
               "the cell holds a NUL byte, which paranet does not accept");
        return false;
    }
    int rc = pn__ix_decode_jv(&R->doc, v, text, R->row[c].len, type, room);
    if (rc == PN__IX_BAD_UTF8)
        report(R, line, label, "csv-utf8",
               "not valid UTF-8 (save the file as UTF-8, not Latin-1 or Windows-1252)");
    else if (rc == PN__IX_TOO_DEEP)
        report(R, line, label, "csv-depth",
               "JSON nested %zu deep, over the limit of %zu for this field (raise it with "
               "--max-depth)",
               pn__ix_json_depth(text, R->row[c].len), room);
    else if (rc)
        R->nomem = true;
    return rc == 0;
}

static bool add_member(reader *R, size_t *k, const char *key, const pn__jv *v)
{
    if (*k == R->ascratch) {
        size_t n = R->ascratch ? R->ascratch * 2 : 16;
        pn__jmember *more = realloc(R->scratch, n * sizeof(*more));
        if (!more) {
            R->nomem = true;
            return false;
        }
        R->scratch = more;
        R->ascratch = n;
    }
    R->scratch[*k].key = key;
    R->scratch[*k].value = *v;
    (*k)++;
    return true;
}

static void on_dataset_row(reader *R, int line)
{
    table *t = R->t;
    if (t->ncols != 2)
        return; /* reported on the header */
    for (size_t c = 0; c < 2; c++) {
        if (memchr(cell_text(R, c), 0, R->row[c].len)) {
            report(R, R->row[c].line, NULL, "csv-encoding",
                   "the %s cell holds a NUL byte, which paranet does not accept",
                   c ? "value" : "field");
            return;
        }
    }
    if (!pn__ix_utf8(cell_text(R, 0), R->row[0].len)) {
        report(R, line, NULL, "csv-utf8",
               "the field name is not valid UTF-8 (save the file as UTF-8)");
        return;
    }
    bool failed = false;
    char *key = pn__pool_strdup(&R->doc.pool, cell_text(R, 0), &failed);
    if (failed) {
        R->nomem = true;
        return;
    }
    size_t rec = t->nrec;
    int put = pn__map_put(&t->fieldmap, key, rec);
    if (put < 0) {
        R->nomem = true;
        return;
    }
    if (put == 1) {
        report(R, line, NULL, "csv-duplicate", "field \"%s\" is given twice", key);
        return;
    }
    t->lines[rec * 2] = line;
    t->lines[rec * 2 + 1] = R->row[1].line;
    t->row_line[rec] = line;
    t->fields[rec].key = key;
    t->fields[rec].value.type = PN__J_NULL;
    t->nrec++;
    if (strcmp(key, "paranet") == 0)
        return;
    if (strcmp(key, "sources") == 0 || strcmp(key, "actors") == 0 || strcmp(key, "ties") == 0) {
        report(R, line, NULL, "csv-table", "\"%s\" is a table of its own, not a field", key);
        return;
    }
    if (R->row[1].len == 0) {
        t->fields[rec].key = NULL; /* an empty value sets nothing */
        return;
    }
    char label[300];
    snprintf(label, sizeof(label), "row \"%s\"", key);
    pn__jv v;
    if (decode_cell(R, 1, pn__ix_ftype(PN__REC_DATASET, key), depth_room(R, t), label, &v))
        t->fields[rec].value = v;
    else
        t->fields[rec].key = NULL;
}

/* The cell of the attrs column: a JSON object whose members are fields. */
static void spread_attrs(reader *R, size_t c, size_t room, const char *record, size_t *k)
{
    table *t = R->t;
    char label[300];
    column_label(label, sizeof(label), t->cols[c].name);
    pn__jv v;
    if (!decode_cell(R, c, PN__F_EXTRA, room + 1, label, &v))
        return;
    if (v.type != PN__J_OBJECT) {
        add_member(R, k, t->cols[c].key, &v); /* a field named attrs */
        return;
    }
    for (uint32_t m = 0; m < v.n; m++) {
        const char *key = v.u.members[m].key;
        if (pn__field_known(pn__ix_fields(record), key) ||
            (strcmp(key, PN__CSV_ATTRS) != 0 && pn__map_get(&t->colmap, key, NULL))) {
            report(R, R->row[c].line, label, "csv-duplicate",
                   "field \"%s\" is also a column of its own", key);
            continue;
        }
        add_member(R, k, key, &v.u.members[m].value);
    }
}

static void on_record(reader *R)
{
    table *t = R->t;
    bool blank = true;
    for (size_t i = 0; i < R->nrow && blank; i++)
        blank = R->row[i].len == 0;
    if (blank)
        return; /* spreadsheets write empty rows as ",,,," */
    int line = R->row[0].line;
    if (R->nrow != t->ncols) {
        report(R, line, NULL, "csv-ragged", "row has %zu fields, the header (line %d) has %zu%s",
               R->nrow, t->header_line, t->ncols,
               R->nrow > t->ncols ? " (a delimiter inside a value needs quotes: \"a, b\")" : "");
        return;
    }
    for (size_t i = 0; i < R->nrow; i++)
        pn__ix_unprefix(R->cells.data + R->row[i].at, &R->row[i].len);
    if (!grow_records(R, t))
        return;
    if (t->kind == PN_CSV_DATASET) {
        on_dataset_row(R, line);
        return;
    }
    size_t rec = t->nrec;
    t->row_line[rec] = line;
    const char *record = table_records[t->kind];
    size_t room = depth_room(R, t);
    size_t k = 0;
    bool kind = false, country = false, type = false;
    for (size_t c = 0; c < t->ncols && !R->nomem; c++) {
        t->lines[rec * t->ncols + c] = R->row[c].line;
        if (t->cols[c].skip || R->row[c].len == 0)
            continue;
        if (t->cols[c].attrs) {
            spread_attrs(R, c, room, record, &k);
            continue;
        }
        const char *key = t->cols[c].key;
        char label[300];
        column_label(label, sizeof(label), t->cols[c].name);
        pn__jv v;
        if (!decode_cell(R, c, pn__ix_ftype(record, key), room, label, &v))
            continue;
        kind |= strcmp(key, "kind") == 0;
        country |= strcmp(key, "country") == 0;
        type |= strcmp(key, "type") == 0;
        add_member(R, &k, key, &v);
    }
    /* The defaults of pn_import_options, for records without the field. */
    const char *dflt[3][2] = {{"kind", NULL}, {"country", NULL}, {"type", NULL}};
    if (t->kind == PN_CSV_ACTORS && !kind)
        dflt[0][1] = R->opts->default_kind;
    if (t->kind == PN_CSV_ACTORS && !country)
        dflt[1][1] = R->opts->default_country;
    if (t->kind == PN_CSV_TIES && !type)
        dflt[2][1] = R->opts->default_type;
    for (int d = 0; d < 3; d++) {
        if (!dflt[d][1])
            continue;
        pn__jv v = {PN__J_STRING, (uint32_t)strlen(dflt[d][1]), {.s = dflt[d][1]}};
        add_member(R, &k, dflt[d][0], &v);
    }
    if (R->nomem)
        return;
    pn__jv *obj = &t->recs[rec];
    obj->type = PN__J_OBJECT;
    obj->n = (uint32_t)k;
    obj->u.members = NULL;
    if (k) {
        obj->u.members = pn__pool_alloc(&R->doc.pool, k * sizeof(pn__jmember));
        if (!obj->u.members) {
            R->nomem = true;
            return;
        }
        memcpy(obj->u.members, R->scratch, k * sizeof(pn__jmember));
    }
    t->nrec++;
}

static void on_row(int term, void *ctx)
{
    (void)term;
    reader *R = ctx;
    R->row_ended = true;
    if (!R->nomem) {
        if (!R->header_done) {
            on_header(R);
            R->header_done = true;
        } else if (R->t->cols) {
            on_record(R);
        }
    }
    clear_row(R);
}

static char detect_delimiter(const char *s, size_t len)
{
    size_t comma = 0, semi = 0, tab = 0;
    bool quoted = false;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c == '"')
            quoted = !quoted;
        else if (!quoted && (c == '\n' || c == '\r'))
            break;
        else if (!quoted)
            comma += c == ',', semi += c == ';', tab += c == '\t';
    }
    if (tab > comma && tab > semi)
        return '\t';
    if (semi > comma)
        return ';';
    return ',';
}

static int space_only(unsigned char c)
{
    return c == ' ';
}

static int space_or_tab(unsigned char c)
{
    return c == ' ' || c == '\t';
}

/* The 1-based column, in characters, of the byte at `at` of s. */
static int column_of(const char *s, size_t at)
{
    size_t start = at;
    while (start > 0 && s[start - 1] != '\n' && s[start - 1] != '\r')
        start--;
    int col = 1;
    for (size_t i = start; i < at; i++)
        col += ((unsigned char)s[i] & 0xC0) != 0x80;
    return col;
}

/* The input ended inside a quoted field: find its opening quote, from the
 * start of the row being read (fields are read as libcsv reads them). */
static void report_unterminated(reader *R, const char *s, size_t len, char delim)
{
    size_t i = R->row_at, open = R->row_at;
    int line = R->row_line, open_line = line;
    bool field_start = true, quoted = false;
    for (; i < len; i++) {
        char c = s[i];
        bool eol = c == '\n' || (c == '\r' && (i + 1 == len || s[i + 1] != '\n'));
        if (quoted) {
            if (c == '"') {
                if (i + 1 < len && s[i + 1] == '"')
                    i++;
                else
                    quoted = false;
            }
        } else if (field_start && (c == ' ' || (c == '\t' && delim != '\t'))) {
            /* spaces before a quote are skipped */
        } else if (field_start && c == '"') {
            quoted = true;
            open = i;
            open_line = line;
            field_start = false;
        } else {
            field_start = c == delim || eol;
        }
        if (eol)
            line++;
    }
    report_at(R, open_line, column_of(s, open), "csv-syntax",
              "the quoted field opened here is never closed (a '\"' inside a quoted field is "
              "written '\"\"')");
}

static void parse_table(reader *R, const pn_csv_input *in)
{
    const char *s = in->data;
    size_t len = in->len;
    if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
        s += 3;
        len -= 3;
    }
    char delim = R->opts->delimiter ? R->opts->delimiter : detect_delimiter(s, len);
    struct csv_parser p;
    if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
        R->nomem = true;
        return;
    }
    csv_set_delim(&p, (unsigned char)delim);
    csv_set_space_func(&p, delim == '\t' ? space_only : space_or_tab);
    R->header_done = false;
    R->line = 1;
    R->row_at = 0;
    R->row_line = 1;
    size_t at = 0, bad_at = 0;
    bool failed = false, unterminated = false;
    /* Fed one line at a time; a line ends at LF, CRLF or a lone CR (old Mac
     * files), so that every field knows its line. */
    while (at < len && !failed && !R->nomem) {
        size_t n = 0;
        bool eol = false;
        while (at + n < len && !eol) {
            char c = s[at + n++];
            eol = c == '\n' || (c == '\r' && (at + n == len || s[at + n] != '\n'));
        }
        R->row_ended = false;
        size_t done = csv_parse(&p, s + at, n, on_field, on_row, R);
        if (done != n) {
            failed = true;
            bad_at = at + done;
        }
        at += n;
        if (!failed && eol) {
            R->line++;
            if (R->row_ended) {
                R->row_at = at;
                R->row_line = R->line;
            }
        }
    }
    if (!failed && !R->nomem && csv_fini(&p, on_field, on_row, R) != 0) {
        failed = true;
        unterminated = true;
    }
    if (failed && !R->nomem) {
        if (csv_error(&p) == CSV_ENOMEM || csv_error(&p) == CSV_ETOOBIG)
            R->nomem = true;
        else if (unterminated)
            report_unterminated(R, s, len, delim);
        else
            report_at(R, R->line, column_of(s, bad_at), "csv-syntax",
                      "malformed quoting: a quoted field must end with '\"' before the next "
                      "delimiter, and a '\"' inside it is written '\"\"'");
    }
    clear_row(R);
    csv_free(&p);
    if (!R->header_done && !failed && !R->nomem)
        report(R, 1, NULL, "empty", "file is empty: expected a header row");
}

/* ---- locating --------------------------------------------------------- */

typedef struct csv_loc {
    table *tables[PN_CSV_TABLE_COUNT];
} csv_loc;

static void locate(void *ctx, const pn__path *path, const char **file, int *line, int *column,
                   pn__buf *label)
{
    csv_loc *L = ctx;
    *column = 0;
    if (path->depth == 0)
        return;
    const char *k0 = path->c[0].key;
    if (path->depth >= 1 && k0 && path->depth <= PN__PATH_MAX) {
        for (int tk = PN_CSV_ACTORS; tk <= PN_CSV_SOURCES; tk++) {
            table *t = L->tables[tk];
            if (!t || strcmp(k0, table_names[tk]) != 0)
                continue;
            *file = t->name;
            if (path->depth < 2 || path->c[1].key || path->c[1].index >= t->nrec) {
                *line = t->header_line;
                pn__buf_add(label, "", 0);
                return;
            }
            size_t rec = path->c[1].index;
            *line = t->row_line[rec];
            pn__buf_add(label, "", 0);
            if (path->depth >= 3 && path->c[2].key) {
                size_t c = 0;
                bool found = pn__map_get(&t->colmap, path->c[2].key, &c);
                if (!found) /* a field spread from the attrs column */
                    found = pn__map_get(&t->colmap, PN__CSV_ATTRS, &c) && t->cols[c].attrs;
                if (found) {
                    label->len = 0;
                    *line = t->lines[rec * t->ncols + c];
                    pn__buf_puts(label, "column \"");
                    label_name(label, t->cols[c].name, strlen(t->cols[c].name));
                    pn__buf_puts(label, "\"");
                }
            }
            return;
        }
        table *t = L->tables[PN_CSV_DATASET];
        size_t r = 0;
        if (t && pn__map_get(&t->fieldmap, k0, &r)) {
            *file = t->name;
            *line = t->row_line[r];
            pn__buf_printf(label, "row \"%s\"", k0);
        }
    }
}

/* Another record, for messages such as "duplicate actor id (first at
 * actors.csv:3)": its file and line. */
static void name_record(void *ctx, const char *table_name, size_t index, pn__buf *out)
{
    csv_loc *L = ctx;
    for (int tk = PN_CSV_ACTORS; tk <= PN_CSV_SOURCES; tk++) {
        table *t = L->tables[tk];
        if (t && strcmp(table_name, table_names[tk]) == 0 && index < t->nrec) {
            pn__buf_printf(out, "%s:%d", t->name, t->row_line[index]);
            return;
        }
    }
}

static void table_free(table *t)
{
    if (!t)
        return;
    for (size_t i = 0; t->cols && i < t->ncols; i++)
        free(t->cols[i].name);
    free(t->cols);
    pn__map_free(&t->colmap);
    pn__map_free(&t->fieldmap);
    free(t->recs);
    free(t->fields);
    free(t->lines);
    free(t->row_line);
}

/* The document the loader reads: the tables' records and the dataset
 * table's fields, all borrowed from the tables and the arena. */
static int build_root(reader *R, csv_loc *loc, pn__jv *root, pn__jmember **members)
{
    table *d = loc->tables[PN_CSV_DATASET];
    size_t n = 4 + (d ? d->nrec : 0);
    pn__jmember *m = malloc(n * sizeof(*m));
    if (!m)
        return PN_ENOMEM;
    size_t k = 0;
    m[k].key = "paranet";
    m[k].value.type = PN__J_INTEGER;
    m[k].value.n = 0;
    m[k++].value.u.i = PN_FORMAT_VERSION;
    static const int order[] = {PN_CSV_SOURCES, PN_CSV_ACTORS, PN_CSV_TIES};
    for (int i = 0; i < 3; i++) {
        table *t = loc->tables[order[i]];
        m[k].key = table_names[order[i]];
        m[k].value.type = PN__J_ARRAY;
        m[k].value.n = t ? (uint32_t)t->nrec : 0;
        m[k++].value.u.items = t ? t->recs : NULL;
    }
    for (size_t r = 0; d && r < d->nrec; r++)
        if (d->fields[r].key && strcmp(d->fields[r].key, "paranet") != 0)
            m[k++] = d->fields[r];
    (void)R;
    root->type = PN__J_OBJECT;
    root->n = (uint32_t)k;
    root->u.members = m;
    *members = m;
    return 0;
}

int pn_csv_load(pn_dataset **out, const pn_csv_input *inputs, size_t n,
                const pn_import_options *opts, pn_diags *diags)
{
    pn_import_options defaults = PN_IMPORT_OPTIONS_INIT;
    if (!opts)
        opts = &defaults;
    if (opts->delimiter && opts->delimiter != ',' && opts->delimiter != ';' &&
        opts->delimiter != '\t')
        return PN_EINVAL;
    int rc = 0;
    reader R;
    memset(&R, 0, sizeof(R));
    R.diags = diags;
    R.opts = opts;
    pn__pool_init(&R.doc.pool);
    pn__buf_init(&R.cells);
    pn__jmember *root_members = NULL;
    table *tables = calloc(n ? n : 1, sizeof(*tables));
    csv_loc loc;
    memset(&loc, 0, sizeof(loc));
    if (!tables) {
        rc = PN_ENOMEM;
        goto cleanup;
    }
    for (size_t i = 0; i < n; i++) {
        pn__map_init(&tables[i].colmap);
        pn__map_init(&tables[i].fieldmap);
    }
    for (size_t i = 0; i < n && !R.nomem; i++) {
        table *t = &tables[i];
        t->name = inputs[i].name ? inputs[i].name : "<csv>";
        t->kind = inputs[i].table;
        R.t = t;
        if (inputs[i].len > opts->load.max_bytes) {
            pn_diags_add(diags, PN_SEVERITY_ERROR, t->name, 0, 0, NULL, "too-large",
                         "input is %zu bytes, over the limit of %zu (raise it with --max-bytes)",
                         inputs[i].len, opts->load.max_bytes);
            rc = PN_ELIMIT;
            goto cleanup;
        }
        parse_table(&R, &inputs[i]);
        if (t->kind < 0 || !t->cols)
            continue;
        if (loc.tables[t->kind]) {
            report(&R, t->header_line, NULL, "csv-table", "a second %s table (the first is %s)",
                   table_names[t->kind], loc.tables[t->kind]->name);
            continue;
        }
        loc.tables[t->kind] = t;
    }
    if (R.nomem) {
        rc = PN_ENOMEM;
        goto cleanup;
    }
    for (int k = PN_CSV_ACTORS; k <= PN_CSV_TIES; k++) {
        if (!loc.tables[k] && R.errors == 0) {
            pn_diags_add(diags, PN_SEVERITY_ERROR, n ? tables[0].name : NULL, 0, 0, NULL,
                         "csv-table",
                         "no %s table given: a dataset needs an actors table and a "
                         "ties table",
                         table_names[k]);
            R.errors++;
        }
    }
    if (R.errors) {
        rc = PN_EDATA;
        goto cleanup;
    }
    /* The text is parsed: its row buffers are no longer needed. */
    pn__buf_free(&R.cells);
    free(R.row);
    R.row = NULL;
    free(R.scratch);
    R.scratch = NULL;
    pn__jv root;
    rc = build_root(&R, &loc, &root, &root_members);
    if (rc)
        goto cleanup;
    pn__locator locator = {locate, &loc, name_record};
    pn_load_options lo = opts->load;
    if (!lo.name)
        lo.name = loc.tables[PN_CSV_ACTORS]->name;
    rc = pn__load_jv(out, &root, &locator, &lo, diags);

cleanup:
    free(root_members);
    for (size_t i = 0; tables && i < n; i++)
        table_free(&tables[i]);
    free(tables);
    free(R.row);
    free(R.scratch);
    pn__buf_free(&R.cells);
    pn__jdoc_free(&R.doc);
    return rc;
}
