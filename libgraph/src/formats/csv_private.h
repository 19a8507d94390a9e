/* What the CSV reader (csv_read.c) and loader (csv_load.c) share: the
 * tables being read, and the reader's state. */
#ifndef PN_CSV_PRIVATE_H
#define PN_CSV_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>

#include "formats/interchange_private.h"
#include "store/json.h"

/* The bytes of the row being read are kept in one buffer, each field's
 * text NUL-terminated there; records are built in the arena of a pn__jdoc
 * (no jansson tree, no allocation per cell), which the loader reads. */
typedef struct pn__csv_field {
    size_t at; /* offset of the text in pn__csv_reader.cells */
    size_t len;
    int line;
} pn__csv_field;

typedef struct pn__csv_column {
    char *name;      /* as in the header */
    const char *key; /* the field it fills: a known name, or name itself */
    bool skip;       /* the name is refused (reported once, on the header) */
    bool attrs;      /* the column of sparse extra fields (docs/formats.md) */
} pn__csv_column;

/* One table being read. */
typedef struct pn__csv_table {
    const char *name;
    pn_csv_table kind;
    pn__csv_column *cols;
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
    /* actors: a "name" column beside "label" and "id", dropped when it is
     * the id again in every row (csv_read.c, name_and_label) */
    bool name_copy, copy_differs;
    size_t copy_col, copy_id_col, copy_label_col;
} pn__csv_table;

typedef struct pn__csv_reader {
    pn_diags *diags;
    const pn_import_options *opts;
    pn__jdoc doc;
    pn__csv_table *t;
    bool header_done;
    int line; /* the line being fed */
    /* Where the row being read starts, to locate an unterminated quote. */
    size_t row_at;
    int row_line;
    bool row_ended;
    pn__buf cells;
    pn__csv_field *row;
    size_t nrow, arow;
    pn__jmember *scratch; /* members of the record being built */
    size_t ascratch;
    size_t errors;
    size_t warnings; /* the header's: aliases and near-miss names */
    bool nomem;
} pn__csv_reader;

/* Read one input into R->t (which the caller has set, its maps
 * initialised): its header row, then a record (or a dataset field) per row,
 * every problem reported with its line. */
void pn__csv_parse_table(pn__csv_reader *R, const pn_csv_input *in);

/* An error of the table being read, at line. */
void pn__csv_report(pn__csv_reader *R, int line, const char *label, const char *check,
                    const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* A column's name as a message shows it: invalid UTF-8 and control
 * characters as \xHH; NUL-terminated in b. */
void pn__csv_label_name(pn__buf *b, const char *s, size_t len);

#endif
