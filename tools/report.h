/* What a command produces: a report of notes and tables of text cells,
 * written by report_write in one of six formats (docs/architecture.md):
 *
 *   text   the command's reading layout: a "# title" and "# view:" header,
 *          the notes as "# " lines, then each table aligned in columns, or
 *          as the rows' own text lines when the command gives them
 *          (report_row_text), with detail lines under a row
 *   csv    a plain table, its header row first: the main table, or the one
 *   tsv    report_write_opts.table names; the title, view and notes go to
 *          opts.meta as "# " lines. With opts.comments, those "# " lines
 *          come first, then the chosen table, or every table, those after
 *          the first after a blank line and "# table: NAME"
 *   json   {"title", "view", "notes" (when any), "rows": the first table,
 *          then each further table under its name}
 *   md     the title, the view, the notes, then each table (further ones
 *          under a bold name), the first followed by a Pandoc caption line
 *          ("Table: CAPTION {#KEY}")
 *   latex  the title, view and notes as "% " comments with the preamble it
 *          needs, then one booktabs table environment per table, the
 *          caption (report.caption) and label on the first; numbers
 *          right-aligned with equal decimals in a column, so that their
 *          decimal points align; with opts.standalone a whole document
 *
 * Numbers of non-integer values have report.decimals digits after the point
 * (report_number): set before compute from --precision or the format's
 * default (6; md and latex 3).
 *
 * Every format holds the same columns: a text-only detail or row text never
 * carries a value that no table has. Cells are copied; a failed allocation
 * is remembered (report.failed) and later calls do nothing.
 */
#ifndef PN_REPORT_H
#define PN_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef enum table_format { FMT_TEXT, FMT_CSV, FMT_TSV, FMT_JSON, FMT_MD, FMT_LATEX } table_format;

/* The --format values, for usage messages. */
#define REPORT_FORMATS "text, csv, tsv, json, md or latex"

typedef struct report_table {
    char *name; /* JSON key and section name; the first table is "rows" in JSON */
    size_t ncols;
    char **head;
    bool *numeric; /* right-aligned; a JSON number (null for NA, Inf) */
    char **cells;  /* row-major */
    size_t nrows;
    size_t cap;
    /* The text format only. */
    char *heading;    /* a line before the table */
    char *empty;      /* a line in place of a table without rows */
    char *text_head;  /* with row texts: a line before the first row */
    bool text_hidden; /* not in the text format (its rows are shown as details) */
    char **text;      /* per row: its own text (NULL: the cells, aligned) */
    char **details;   /* per row: lines printed under it, or NULL */
    bool has_text;    /* some row has its own text */
} report_table;

typedef struct report {
    char *title;      /* the command line, shortened ("paranet reach FILE --from X") */
    char *view;       /* pn_view_describe text, or NULL for a report without a view */
    bool text_header; /* text: start with "# title" and "# view:" lines (default true) */
    char **notes;
    size_t n_notes;
    report_table **tables;
    size_t n_tables;
    bool failed; /* an allocation failed */
    /* Tables for papers (md, latex). */
    char *subject; /* what the rows are, in words ("Betweenness of the 25 actors") */
    char *caption; /* the first table's caption (--caption, or the default) */
    char *label;   /* --label KEY: \label{KEY}, Pandoc {#KEY}; NULL: none */
    int decimals;  /* digits after the point of non-integers; REPORT_FULL: round-trip */
} report;

/* report.decimals: the shortest digits that read back as the same double. */
#define REPORT_FULL (-1)
/* LaTeX: a table of more rows is a longtable, over several pages. */
#define REPORT_LONG_ROWS 40

/* The most --precision accepts. */
#define REPORT_MAX_DECIMALS 17

/* Parse a --format value; false when unknown. */
bool table_parse_format(const char *text, table_format *out);

void report_init(report *r);
void report_free(report *r);

void report_set_title(report *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void report_set_view(report *r, const char *view);
void report_set_subject(report *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void report_set_caption(report *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void report_set_label(report *r, const char *label);

/* A note: one line that says something about the whole answer ("25 actors
 * reachable from daejeon (Daejeon)"). */
void report_note(report *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* A new table of ncols columns named head (numeric: right-aligned, a JSON
 * number). name: NULL for the main table. Returns NULL after a failure. */
report_table *report_table_new(report *r, const char *name, size_t ncols, const char *const *head,
                               const bool *numeric);

/* Text-format decorations of a table: see report_table. */
void report_table_heading(report *r, report_table *t, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void report_table_empty(report *r, report_table *t, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void report_table_text_head(report *r, report_table *t, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Append a row of t->ncols cells (NULL cells are empty). */
void report_row(report *r, report_table *t, const char *const *cells);

/* The last row's own text in the text format (appended as a further line
 * when called again), and a line printed under it. */
void report_row_text(report *r, report_table *t, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void report_row_detail(report *r, report_table *t, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* How csv and tsv are written (the other formats hold every table and
 * their own header). */
typedef enum latex_engine { LATEX_AUTO, LATEX_PDFLATEX, LATEX_XELATEX } latex_engine;

typedef struct report_write_opts {
    bool comments;     /* start with the "# " title, view and note lines */
    const char *table; /* the table to write (report_table_index); NULL: the
                          main one, or with comments every table */
    FILE *meta;        /* without comments, where the "# " lines go (NULL: nowhere) */
    /* latex */
    bool standalone;     /* a whole document: \documentclass ... \end{document} */
    latex_engine engine; /* the preamble of that document (AUTO: xelatex when
                            report_latex_script finds a script, else pdflatex) */
} report_write_opts;

/* The first character of the LaTeX output that pdfLaTeX with inputenc utf8
 * and fontenc T1 cannot set (outside Latin-1 and Latin Extended-A, roughly):
 * its script's name ("Hangul", "Han", "Kana", "Cyrillic", "Greek", or
 * "non-Latin") and, in sample, the cell holding it; NULL when there is none. */
const char *report_latex_script(const report *r, char *sample, size_t size);

/* The index of the table named `name` ("rows" is the main table), or -1. */
int report_table_index(const report *r, const char *name);

/* The tables' names, ", "-separated ("rows, evidence, sources"), into buf. */
const char *report_table_names(const report *r, char *buf, size_t size);

/* Write the report (opts NULL: the defaults, all zero). A table opts names
 * must exist (report_table_index). */
void report_write(const report *r, table_format fmt, const report_write_opts *opts, FILE *out);

/* Format a number the one way tables show them: integers as "%.0f", others
 * "%.6f"; NaN as "NA", infinities as "Inf" and "-Inf". buf of 64 bytes. */
const char *table_number(double x, bool integer, char *buf, size_t size);

/* table_number with `decimals` digits after the point for non-integers
 * (REPORT_FULL: the shortest "%.*g" that reads back as x). */
const char *table_number_prec(double x, bool integer, int decimals, char *buf, size_t size);

/* table_number_prec with r->decimals: what every command's numbers use. */
const char *report_number(const report *r, double x, bool integer, char *buf, size_t size);

#endif
