/* CSV tables to a dataset (pn_csv_load): each table read by csv_read.c,
 * then the document checked by the loader as it checks a JSON file, with a
 * locator that turns ties[12].to back into "ties.csv:14: column \"to\"". */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "store/check.h"
#include "formats/csv_private.h"

typedef struct csv_loc {
    pn__csv_table *tables[PN_CSV_TABLE_COUNT];
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
            pn__csv_table *t = L->tables[tk];
            if (!t || strcmp(k0, pn_csv_table_name(tk)) != 0)
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
                    pn__csv_label_name(label, t->cols[c].name, strlen(t->cols[c].name));
                    pn__buf_puts(label, "\"");
                }
            }
            return;
        }
        pn__csv_table *t = L->tables[PN_CSV_DATASET];
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
        pn__csv_table *t = L->tables[tk];
        if (t && strcmp(table_name, pn_csv_table_name(tk)) == 0 && index < t->nrec) {
            pn__buf_printf(out, "%s:%d", t->name, t->row_line[index]);
            return;
        }
    }
}

static void table_free(pn__csv_table *t)
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
static int build_root(pn__csv_reader *R, csv_loc *loc, pn__jv *root, pn__jmember **members)
{
    pn__csv_table *d = loc->tables[PN_CSV_DATASET];
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
        pn__csv_table *t = loc->tables[order[i]];
        m[k].key = pn_csv_table_name(order[i]);
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
    pn__csv_reader R;
    memset(&R, 0, sizeof(R));
    R.diags = diags;
    R.opts = opts;
    pn__pool_init(&R.doc.pool);
    pn__buf_init(&R.cells);
    pn__jmember *root_members = NULL;
    pn__csv_table *tables = calloc(n ? n : 1, sizeof(*tables));
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
        pn__csv_table *t = &tables[i];
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
        pn__csv_parse_table(&R, &inputs[i]);
        if (t->kind < 0 || !t->cols)
            continue;
        if (loc.tables[t->kind]) {
            pn__csv_report(&R, t->header_line, NULL, "csv-table",
                           "a second %s table (the first is %s)", pn_csv_table_name(t->kind),
                           loc.tables[t->kind]->name);
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
                         pn_csv_table_name(k));
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
