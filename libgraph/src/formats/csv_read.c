/* CSV tables in: libcsv, fed one line at a time so that every field keeps
 * the line it starts on, turns each table's rows into records of the
 * dataset format in an arena document (csv_load.c hands it to the loader
 * with a locator). */
#include <csv.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/dataset_private.h"
#include "formats/csv_private.h"
#include "store/check.h"

static const char *cell_text(const pn__csv_reader *R, size_t i)
{
    return R->cells.data + R->row[i].at;
}

/* An error of the table being read, at line (and column, 0: none). */
static void vreport(pn__csv_reader *R, int line, int column, const char *label, const char *check,
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

void pn__csv_report(pn__csv_reader *R, int line, const char *label, const char *check,
                    const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport(R, line, 0, label, check, fmt, ap);
    va_end(ap);
}

void pn__csv_label_name(pn__buf *b, const char *s, size_t len)
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
    pn__csv_label_name(&b, name, strlen(name));
    pn__buf_puts(&b, "\"");
    snprintf(out, size, "%s", b.data && !b.failed ? b.data : "column");
    pn__buf_free(&b);
}

/* A warning on column c of the header (an alias read, a near-miss name). */
static void header_warning(pn__csv_reader *R, size_t c, const char *check, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void header_warning(pn__csv_reader *R, size_t c, const char *check, const char *fmt, ...)
{
    char label[300], msg[1024];
    column_label(label, sizeof(label), R->t->cols[c].name);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    R->warnings++;
    if (pn_diags_add(R->diags, PN_SEVERITY_WARNING, R->t->name, R->t->header_line, 0, label, check,
                     "%s", msg))
        R->nomem = true;
}

static void report_at(pn__csv_reader *R, int line, int column, const char *check, const char *fmt,
                      ...) __attribute__((format(printf, 5, 6)));

static void report_at(pn__csv_reader *R, int line, int column, const char *check, const char *fmt,
                      ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport(R, line, column, NULL, check, fmt, ap);
    va_end(ap);
}

static void on_field(void *data, size_t len, void *ctx)
{
    pn__csv_reader *R = ctx;
    if (R->nomem)
        return;
    if (R->nrow == R->arow) {
        size_t n = R->arow ? R->arow * 2 : 16;
        pn__csv_field *more = realloc(R->row, n * sizeof(*more));
        if (!more) {
            R->nomem = true;
            return;
        }
        R->row = more;
        R->arow = n;
    }
    pn__csv_field *f = &R->row[R->nrow];
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

static void clear_row(pn__csv_reader *R)
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

static bool has_column(pn__csv_reader *R, const char *name)
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
static void assign_keys(pn__csv_table *t, const char *record)
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
        pn__csv_column *c = &t->cols[i];
        c->key = c->name;
        if (level && which && level[i] && level[i] == best[which[i]])
            c->key = known[which[i]];
        else if (!pn__field_known(known, c->name) && strcmp(c->name, PN__CSV_ATTRS) == 0)
            c->attrs = true;
        else if (c->name[0] == '_' && pn__ix_csv_reserved(record, c->name))
            c->key = c->name + 1; /* "_label": the extra field "label" */
    }
    free(level);
    free(which);
}

/* An actors table's "label" is the name, as paranet writes it; beside a
 * "name" (each the most exact of its spellings, as assign_keys chose):
 * with an "id" column, the name must be the id again in every row (on_record
 * checks, the end of the table drops it: R igraph's as_data_frame(g,
 * "vertices") of a GraphML); without one, "name" is the id (the same of a
 * graph_from_data_frame). */
static void name_and_label(pn__csv_reader *R)
{
    pn__csv_table *t = R->t;
    size_t name = SIZE_MAX, id = SIZE_MAX, label = SIZE_MAX;
    int best = 0;
    for (size_t i = 0; i < t->ncols; i++) {
        const pn__csv_column *c = &t->cols[i];
        if (strcmp(c->key, "name") == 0 && name == SIZE_MAX)
            name = i;
        else if (strcmp(c->key, "id") == 0 && id == SIZE_MAX)
            id = i;
        else if (c->key == c->name && match_known(PN__CSV_LABEL, c->name) > best) {
            best = match_known(PN__CSV_LABEL, c->name);
            label = i;
        }
    }
    for (size_t i = 0; i < t->ncols && best; i++)
        if (t->cols[i].key == t->cols[i].name &&
            match_known(PN__CSV_LABEL, t->cols[i].name) == best)
            t->cols[i].key = "name"; /* two as exact: "appears twice" */
    if (label == SIZE_MAX || name == SIZE_MAX)
        return;
    if (id != SIZE_MAX) {
        t->cols[name].skip = true;
        t->name_copy = true;
        t->copy_col = name;
        t->copy_id_col = id;
        t->copy_label_col = label;
    } else {
        t->cols[name].key = "id";
        header_warning(R, name, "name-label",
                       "read as the actor id, and column \"%s\" as the name: a table without "
                       "an \"id\" column (as R igraph's as_data_frame(g, \"vertices\") writes "
                       "a graph_from_data_frame's vertices)",
                       t->cols[label].name);
    }
}

static const pn__csv_column *column_of_field(const pn__csv_table *t, const char *field)
{
    for (size_t i = 0; i < t->ncols; i++)
        if (strcmp(t->cols[i].key, field) == 0)
            return &t->cols[i];
    return NULL;
}

/* Columns no known name matched: a documented alias fills its field when
 * no column gives that field (the first such alias, in column order);
 * other aliases and near-misses of a known name stay extra fields. Each
 * said once, on the header (the loader then warns of no record's). */
static void read_aliases(pn__csv_reader *R, const char *record)
{
    pn__csv_table *t = R->t;
    const char *const *known = pn__ix_fields(record);
    size_t nk = 0;
    while (known[nk])
        nk++;
    for (size_t i = 0; i < t->ncols && !R->nomem; i++) {
        pn__csv_column *c = &t->cols[i];
        if (c->attrs || c->key != c->name || pn__field_known(known, c->name))
            continue;
        const char *field = pn__ix_alias(record, c->name);
        const char *other = pn__ix_coord_partner(record, field);
        bool paired = !other || column_of_field(t, other);
        for (size_t j = 0; j < t->ncols && !paired; j++)
            paired = pn__ix_alias(record, t->cols[j].name) == other;
        if (!paired)
            continue; /* a coordinate's alias alone: an extra field */
        const pn__csv_column *real = field ? column_of_field(t, field) : NULL;
        if (field) {
            if (!real)
                c->key = field;
            R->warnings++;
            if (!pn__ix_alias_warning(R->diags, t->name, t->header_line, "column", c->name, field,
                                      real ? real->name : NULL))
                R->nomem = true;
        } else {
            const char *near = pn__nearest_field(c->name, known, nk);
            /* "Name" beside "name" is an extra field as the writer writes it. */
            if (near && !column_of_field(t, near))
                header_warning(R, i, "unknown-field",
                               "unknown field, kept as an extra field (did you mean \"%s\"?)",
                               near);
        }
    }
}

static void on_header(pn__csv_reader *R)
{
    pn__csv_table *t = R->t;
    t->header_line = R->nrow ? R->row[0].line : R->line;
    for (size_t i = 0; i < R->nrow; i++)
        pn__ix_unprefix(R->cells.data + R->row[i].at, &R->row[i].len);
    if (t->kind == PN_CSV_DETECT) {
        if ((has_column(R, "from") || has_column(R, "source")) &&
            (has_column(R, "to") || has_column(R, "target")))
            t->kind = PN_CSV_TIES;
        else if (has_column(R, "cite"))
            t->kind = PN_CSV_SOURCES;
        else if (R->nrow == 2 && has_column(R, "field") && has_column(R, "value"))
            t->kind = PN_CSV_DATASET;
        else if (has_column(R, "id") || has_column(R, "name"))
            t->kind = PN_CSV_ACTORS;
        else {
            pn__csv_report(R, t->header_line, NULL, "csv-table",
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
    const char *record = pn__ix_csv_record(t->kind);
    if (t->kind != PN_CSV_DATASET) {
        assign_keys(t, record);
        if (t->kind == PN_CSV_ACTORS)
            name_and_label(R);
        read_aliases(R, record);
    } else
        for (size_t i = 0; i < t->ncols; i++)
            t->cols[i].key = t->cols[i].name;
    if (pn__map_reserve(&t->colmap, t->ncols) != 0) {
        R->nomem = true;
        return;
    }
    for (size_t i = 0; i < R->nrow; i++) {
        pn__csv_column *c = &t->cols[i];
        if (strlen(c->name) != R->row[i].len) {
            pn__csv_report(R, t->header_line, NULL, "csv-encoding",
                           "column %zu's name holds a NUL byte, which paranet does not accept",
                           i + 1);
            c->skip = true;
        } else if (!pn__ix_utf8(c->name, R->row[i].len)) {
            char label[300];
            column_label(label, sizeof(label), c->name);
            pn__csv_report(R, t->header_line, NULL, "csv-utf8",
                           "column %zu's name (%s) is not valid UTF-8 (save the file as UTF-8, not "
                           "Latin-1 or Windows-1252)",
                           i + 1, label + 7);
            c->skip = true;
        }
        if (!*c->name)
            pn__csv_report(R, t->header_line, NULL, "csv-header",
                           "column %zu has no name in the header", i + 1);
        if (t->name_copy && i == t->copy_col)
            continue; /* the name again: the label column has the key */
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
            pn__csv_report(R, t->header_line, NULL, "csv-header",
                           "%s appears twice in the header (columns %zu and %zu)", label, j + 1,
                           i + 1);
        }
    }
    if (t->kind == PN_CSV_DATASET) {
        if (t->ncols != 2 || strcasecmp(t->cols[0].name, "field") != 0 ||
            strcasecmp(t->cols[1].name, "value") != 0) {
            pn__csv_report(
                R, t->header_line, NULL, "csv-header",
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
            pn__csv_report(R, t->header_line, NULL, "csv-header",
                           "the %s table has no column \"%s\"%s", pn_csv_table_name(t->kind), *need,
                           strcmp(*need, "kind") == 0      ? " (or give --default-kind)"
                           : strcmp(*need, "country") == 0 ? " (or give --default-country)"
                           : strcmp(*need, "type") == 0    ? " (or give --default-type)"
                                                           : "");
    }
}

static bool grow_records(pn__csv_reader *R, pn__csv_table *t)
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
static size_t depth_room(const pn__csv_reader *R, const pn__csv_table *t)
{
    size_t above = t->kind == PN_CSV_DATASET ? 1 : 3;
    size_t max = R->opts->load.max_depth;
    return max > above ? max - above : 0;
}

/* Decode cell c of the row into *v; false when it was reported or memory
 * ran out. label names the cell in messages. */
static bool decode_cell(pn__csv_reader *R, size_t c, pn__ftype type, size_t room, const char *label,
                        pn__jv *v)
{
    const char *text = cell_text(R, c);
    int line = R->row[c].line;
    if (memchr(text, 0, R->row[c].len)) {
        pn__csv_report(R, line, label, "csv-encoding",
                       "the cell holds a NUL byte, which paranet does not accept");
        return false;
    }
    int rc = pn__ix_decode_jv(&R->doc, v, text, R->row[c].len, type, room);
    if (rc == PN__IX_BAD_UTF8)
        pn__csv_report(R, line, label, "csv-utf8",
                       "not valid UTF-8 (save the file as UTF-8, not Latin-1 or Windows-1252)");
    else if (rc == PN__IX_TOO_DEEP)
        pn__csv_report(R, line, label, "csv-depth",
                       "JSON nested %zu deep, over the limit of %zu for this field (raise it with "
                       "--max-depth)",
                       pn__ix_json_depth(text, R->row[c].len), room);
    else if (rc)
        R->nomem = true;
    return rc == 0;
}

static bool add_member(pn__csv_reader *R, size_t *k, const char *key, const pn__jv *v)
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

static void on_dataset_row(pn__csv_reader *R, int line)
{
    pn__csv_table *t = R->t;
    if (t->ncols != 2)
        return; /* reported on the header */
    for (size_t c = 0; c < 2; c++) {
        if (memchr(cell_text(R, c), 0, R->row[c].len)) {
            pn__csv_report(R, R->row[c].line, NULL, "csv-encoding",
                           "the %s cell holds a NUL byte, which paranet does not accept",
                           c ? "value" : "field");
            return;
        }
    }
    if (!pn__ix_utf8(cell_text(R, 0), R->row[0].len)) {
        pn__csv_report(R, line, NULL, "csv-utf8",
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
        pn__csv_report(R, line, NULL, "csv-duplicate", "field \"%s\" is given twice", key);
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
        pn__csv_report(R, line, NULL, "csv-table", "\"%s\" is a table of its own, not a field",
                       key);
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
static void spread_attrs(pn__csv_reader *R, size_t c, size_t room, const char *record, size_t *k)
{
    pn__csv_table *t = R->t;
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
            pn__csv_report(R, R->row[c].line, label, "csv-duplicate",
                           "field \"%s\" is also a column of its own", key);
            continue;
        }
        add_member(R, k, key, &v.u.members[m].value);
    }
}

static void on_record(pn__csv_reader *R)
{
    pn__csv_table *t = R->t;
    bool blank = true;
    for (size_t i = 0; i < R->nrow && blank; i++)
        blank = R->row[i].len == 0;
    if (blank)
        return; /* spreadsheets write empty rows as ",,,," */
    int line = R->row[0].line;
    if (R->nrow != t->ncols) {
        pn__csv_report(
            R, line, NULL, "csv-ragged", "row has %zu fields, the header (line %d) has %zu%s",
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
    if (t->name_copy && !t->copy_differs) {
        const pn__csv_field *n = &R->row[t->copy_col], *i = &R->row[t->copy_id_col];
        if (n->len != i->len ||
            memcmp(cell_text(R, t->copy_col), cell_text(R, t->copy_id_col), n->len) != 0) {
            char label[300], c1[68], c2[68], c3[68];
            column_label(label, sizeof(label), t->cols[t->copy_col].name);
            t->copy_differs = true;
            pn__csv_report(R, n->line, label, "name-label",
                           "\"%s\" is not the actor's id (\"%s\"): beside an id column and "
                           "column \"%s\" (the name), a \"name\" column can only repeat the id; "
                           "keep one of the two names, or rename the other column",
                           pn__ix_clip(cell_text(R, t->copy_col), c1, 64),
                           pn__ix_clip(cell_text(R, t->copy_id_col), c2, 64),
                           pn__ix_clip(t->cols[t->copy_label_col].name, c3, 64));
        }
    }
    size_t rec = t->nrec;
    t->row_line[rec] = line;
    const char *record = pn__ix_csv_record(t->kind);
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
    pn__csv_reader *R = ctx;
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
static void report_unterminated(pn__csv_reader *R, const char *s, size_t len, char delim)
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

void pn__csv_parse_table(pn__csv_reader *R, const pn_csv_input *in)
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
        pn__csv_report(R, 1, NULL, "empty", "file is empty: expected a header row");
    if (R->t->name_copy && !R->t->copy_differs && !failed && !R->nomem)
        header_warning(R, R->t->copy_col, "name-label",
                       "the actor's id again in every row (as R igraph's as_data_frame(g, "
                       "\"vertices\") writes a GraphML's vertices): dropped, column \"%s\" is "
                       "the name",
                       R->t->cols[R->t->copy_label_col].name);
}
