/* CSV tables out: actors, ties, sources and the dataset's own fields, one
 * table per call or the four at once (csv_read.c reads them back). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/dataset_private.h"
#include "formats/interchange_private.h"
#include "store/json.h"
#include "paranet/io.h"

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

/* Whether no record has the field: a column left out then, for the ties'
 * weight (readers such as R igraph take an empty weight column for NaN
 * weights) and the actors' coordinates (so that a table of a dataset
 * without them is as it was before they were in the format). */
static bool unused_column(const pn__jv *records, const char *record, const char *field)
{
    bool optional = strcmp(record, PN__REC_TIE) == 0 ? strcmp(field, "weight") == 0
                    : strcmp(record, PN__REC_ACTOR) == 0
                        ? strcmp(field, "lat") == 0 || strcmp(field, "lon") == 0
                        : false;
    if (!optional)
        return false;
    for (uint32_t i = 0; records && i < records->n; i++)
        if (pn__jv_get(&records->u.items[i], field))
            return false;
    return true;
}

/* The known fields in the order of their columns: the format's order, but
 * a ties table starts with from and to, as R's graph_from_data_frame and
 * python-igraph's Graph.DataFrame take the edge list from the first two
 * columns (docs/formats.md). order holds room for the fields and a NULL. */
static size_t column_order(const char *record, const char **order)
{
    const char *const *known = pn__ix_fields(record);
    size_t n = 0;
    bool tie = strcmp(record, PN__REC_TIE) == 0;
    if (tie) {
        order[n++] = "from";
        order[n++] = "to";
    }
    for (size_t c = 0; known[c]; c++)
        if (!tie || (strcmp(known[c], "from") != 0 && strcmp(known[c], "to") != 0))
            order[n++] = known[c];
    order[n] = NULL;
    return n;
}

enum { MAX_KNOWN = 32 };

static void write_records(pn__buf *b, const pn__jv *records, const char *record, char delim)
{
    const char *known[MAX_KNOWN + 1];
    size_t nk = column_order(record, known);
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
    bool skip[MAX_KNOWN] = {false};
    for (size_t c = 0; c < nk; c++)
        skip[c] = unused_column(records, record, known[c]);
    pn__buf text;
    pn__buf_init(&text);
    for (size_t c = 0, sep = 0; c < ncols; c++) {
        const char *name = c < nk ? known[c] : attrs ? PN__CSV_ATTRS : extras[c - nk];
        if (c < nk && skip[c])
            continue;
        if (sep++)
            pn__buf_add(b, &delim, 1);
        /* An actor's name is its label; an extra field that would read as
         * the name gets one '_' more (pn__ix_csv_reserved). */
        text.len = 0;
        if (c < nk && strcmp(record, PN__REC_ACTOR) == 0 && strcmp(name, "name") == 0)
            name = PN__CSV_LABEL;
        else if (c >= nk && !attrs && pn__ix_csv_reserved(record, name))
            pn__buf_add(&text, "_", 1);
        pn__buf_puts(&text, name);
        if (text.failed)
            b->failed = true;
        cell(b, text.data ? text.data : "", text.len, delim);
    }
    pn__buf_add(b, "\n", 1);
    /* Fields by a scan of the record's members: at most the known fields
     * and PN__CSV_MAX_EXTRA columns per record, so linear in the table. */
    for (uint32_t i = 0; records && i < records->n; i++) {
        const pn__jv *o = &records->u.items[i];
        for (size_t c = 0, sep = 0; c < ncols; c++) {
            if (c < nk && skip[c])
                continue;
            if (sep++)
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
        write_records(&b, pn__jv_get(root, pn_csv_table_name(table)), pn__ix_csv_record(table),
                      delimiter);
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
