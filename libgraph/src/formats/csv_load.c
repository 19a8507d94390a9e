/* CSV tables to a dataset (pn_csv_load): each table read by csv_read.c,
 * then the document checked by the loader as it checks a JSON file, with a
 * locator that turns ties[12].to back into "ties.csv:14: column \"to\"". */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "store/check.h"
#include "formats/csv_private.h"

/* Actors made from a ties table's ends when no actors table is given:
 * their records, and the tie cell that first names each. */
typedef struct made_actors {
    pn__jv *recs;
    size_t n;
    size_t *first_rec; /* the tie record */
    size_t *first_col; /* its column */
} made_actors;

typedef struct csv_loc {
    pn__csv_table *tables[PN_CSV_TABLE_COUNT];
    made_actors made;
} csv_loc;

/* A made actor's location: the tie cell that first names it. */
static bool locate_made(csv_loc *L, const pn__path *path, const char **file, int *line,
                        pn__buf *label)
{
    pn__csv_table *t = L->tables[PN_CSV_TIES];
    if (!L->made.n || !t || strcmp(path->c[0].key, "actors") != 0)
        return false;
    *file = t->name;
    *line = t->header_line;
    if (path->depth >= 2 && !path->c[1].key && path->c[1].index < L->made.n) {
        size_t r = L->made.first_rec[path->c[1].index], c = L->made.first_col[path->c[1].index];
        *line = t->lines[r * t->ncols + c];
        pn__buf_puts(label, "column \"");
        pn__csv_label_name(label, t->cols[c].name, strlen(t->cols[c].name));
        pn__buf_puts(label, "\"");
    }
    pn__buf_add(label, "", 0);
    return true;
}

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
        if (locate_made(L, path, file, line, label))
            return;
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
    pn__csv_table *t = L->tables[PN_CSV_TIES];
    if (t && strcmp(table_name, "actors") == 0 && index < L->made.n)
        pn__buf_printf(out, "%s:%d", t->name, t->row_line[L->made.first_rec[index]]);
}

/* An end as an id: lower-case ASCII letters and digits, other runs as one
 * '-' ("Kota Surabaya" -> "kota-surabaya"); "actor" when none is left. */
static char *slug(pn__pool *pool, const char *end, bool *failed)
{
    size_t n = strlen(end), k = 0;
    char *s = pn__pool_alloc_bytes(pool, n + 8);
    if (!s) {
        *failed = true;
        return NULL;
    }
    for (const char *p = end; *p; p++) {
        char c = *p >= 'A' && *p <= 'Z' ? (char)(*p + 32) : *p;
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            s[k++] = c;
        else if (k && s[k - 1] != '-')
            s[k++] = '-';
    }
    while (k && s[k - 1] == '-')
        k--;
    if (!k)
        memcpy(s, "actor", (k = 5));
    s[k] = '\0';
    return s;
}

static int made_grow(made_actors *m, size_t *cap)
{
    if (m->n < *cap)
        return 0;
    size_t n = *cap ? *cap * 2 : 64;
    pn__jv *r = realloc(m->recs, n * sizeof(*r));
    if (r)
        m->recs = r;
    size_t *a = realloc(m->first_rec, n * sizeof(*a));
    if (a)
        m->first_rec = a;
    size_t *b = realloc(m->first_col, n * sizeof(*b));
    if (b)
        m->first_col = b;
    if (!r || !a || !b)
        return PN_ENOMEM;
    *cap = n;
    return 0;
}

/* A ties table alone: an actor for each distinct end, its id the end when
 * that is an id, else the end's slug made unique ("-2", ...), its name the
 * end as written, kind and country from the options or "city" and "ZZ";
 * the ties' ends become the ids. One warning says so. */
static int make_actors(pn__csv_reader *R, csv_loc *loc)
{
    pn__csv_table *t = loc->tables[PN_CSV_TIES];
    made_actors *m = &loc->made;
    pn__map ends, ids;
    pn__map_init(&ends);
    pn__map_init(&ids);
    size_t cap = 0, cols[2] = {0, 0};
    int rc = 0;
    bool failed = false;
    pn__map_get(&t->colmap, "from", &cols[0]);
    pn__map_get(&t->colmap, "to", &cols[1]);
    const char *kind = R->opts->default_kind ? R->opts->default_kind : "city";
    const char *country = R->opts->default_country ? R->opts->default_country : "ZZ";
    /* Ends that are ids keep them: a slug never takes one. */
    for (int pass = 0; pass < 2 && rc == 0; pass++) {
        for (size_t r = 0; r < t->nrec && rc == 0; r++) {
            pn__jv *rec = &t->recs[r];
            for (uint32_t k = 0; k < rec->n && rc == 0; k++) {
                pn__jmember *mb = &rec->u.members[k];
                bool from = strcmp(mb->key, "from") == 0;
                if ((!from && strcmp(mb->key, "to") != 0) || mb->value.type != PN__J_STRING)
                    continue;
                const char *end = mb->value.u.s;
                size_t at = 0;
                if (pass == 0) {
                    if (pn__id_valid(end) && pn__map_put(&ids, end, 0) < 0)
                        rc = PN_ENOMEM;
                    continue;
                }
                if (!pn__map_get(&ends, end, &at)) {
                    const char *id = end;
                    if (!pn__id_valid(end)) {
                        char *base = slug(&R->doc.pool, end, &failed), *s = base;
                        for (int n = 2; s && pn__map_get(&ids, s, NULL); n++) {
                            s = pn__pool_alloc_bytes(&R->doc.pool, strlen(base) + 24);
                            if (s)
                                snprintf(s, strlen(base) + 24, "%s-%d", base, n);
                        }
                        if (!s || pn__map_put(&ids, s, 0) < 0)
                            failed = true;
                        id = s;
                    }
                    at = m->n;
                    pn__jmember *f = pn__pool_alloc(&R->doc.pool, 4 * sizeof(*f));
                    if (failed || !f || made_grow(m, &cap) || pn__map_put(&ends, end, at) < 0) {
                        rc = PN_ENOMEM;
                        break;
                    }
                    const char *keys[4] = {"id", "name", "kind", "country"};
                    const char *vals[4] = {id, end, kind, country};
                    for (int i = 0; i < 4; i++)
                        f[i] = (pn__jmember){
                            keys[i], {PN__J_STRING, (uint32_t)strlen(vals[i]), {.s = vals[i]}}};
                    m->recs[at] = (pn__jv){PN__J_OBJECT, 4, {.members = f}};
                    m->first_rec[at] = r;
                    m->first_col[at] = cols[from ? 0 : 1];
                    m->n++;
                }
                const char *id = m->recs[at].u.members[0].value.u.s;
                mb->value.u.s = id;
                mb->value.n = (uint32_t)strlen(id);
            }
        }
    }
    if (rc == 0 && m->n) {
        bool k = R->opts->default_kind, c = R->opts->default_country;
        if (pn_diags_add(R->diags, PN_SEVERITY_WARNING, t->name, 0, 0, NULL, "actors-from-ends",
                         "no actors table: %zu actors made from the tie ends (named as written; "
                         "id: the end, or its slug), of kind \"%s\" (%s) and country \"%s\" (%s)",
                         m->n, kind, k ? "--default-kind" : "not known: set it with --default-kind",
                         country,
                         c ? "--default-country" : "unknown: set it with --default-country") != 0)
            rc = PN_ENOMEM;
        R->warnings++;
    }
    pn__map_free(&ends);
    pn__map_free(&ids);
    return rc;
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
        m[k].value.u.items = t ? t->recs : NULL;
        if (!t && order[i] == PN_CSV_ACTORS) {
            m[k].value.n = (uint32_t)loc->made.n;
            m[k].value.u.items = loc->made.recs;
        }
        k++;
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
        if (k == PN_CSV_ACTORS && loc.tables[PN_CSV_TIES])
            continue; /* an edge list: its ends make the actors */
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
    if (!loc.tables[PN_CSV_ACTORS] && (rc = make_actors(&R, &loc)) != 0)
        goto cleanup;
    pn__jv root;
    rc = build_root(&R, &loc, &root, &root_members);
    if (rc)
        goto cleanup;
    bool made = !loc.tables[PN_CSV_ACTORS];
    pn__locator locator = {locate,
                           &loc,
                           name_record,
                           true,
                           made && (!opts->default_country || !strcmp(opts->default_country, "ZZ")),
                           made && !opts->default_kind};
    pn_load_options lo = opts->load;
    if (!lo.name)
        lo.name = loc.tables[made ? PN_CSV_TIES : PN_CSV_ACTORS]->name;
    rc = pn__load_jv(out, &root, &locator, &lo, diags);
    if (rc == 0 && lo.strict && R.warnings) {
        if (out) {
            pn_dataset_free(*out);
            *out = NULL;
        }
        rc = PN_EDATA;
    }

cleanup:
    free(loc.made.recs);
    free(loc.made.first_rec);
    free(loc.made.first_col);
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
