/* A table of text cells written as CSV, TSV, JSON, Markdown or LaTeX
 * (booktabs), for the analysing commands' output (docs/metrics.md). */
#ifndef PN_TABLE_H
#define PN_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef enum table_format { FMT_TEXT, FMT_CSV, FMT_TSV, FMT_JSON, FMT_MD, FMT_LATEX } table_format;

typedef struct table {
    size_t ncols;
    const char **head; /* borrowed column names */
    bool *numeric;     /* right-aligned; JSON number (or null for "NA") */
    char **cells;      /* row-major, owned */
    size_t nrows;
    size_t cap;
    bool failed; /* an allocation failed */
} table;

/* Parse a --format value; false when unknown. */
bool table_parse_format(const char *text, table_format *out);

int table_init(table *t, size_t ncols, const char **head, const bool *numeric);
void table_free(table *t);
/* Append a row of ncols cells (copied). */
void table_add(table *t, const char *const *cells);

/* Write the table. title: one line (file and command); view: pn_view_describe
 * text; both go into the header as the format allows (comment, caption, keys). */
void table_write(const table *t, table_format fmt, FILE *out, const char *title, const char *view);

/* Format a number the one way tables show them: integers as "%.0f", others
 * "%.6f"; NaN as "NA". buf of 64 bytes. */
const char *table_number(double x, bool integer, char *buf, size_t size);

#endif
