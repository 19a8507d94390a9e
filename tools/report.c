#include "report.h"
#include "report_private.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

bool table_parse_format(const char *text, table_format *out)
{
    static const struct {
        const char *name;
        table_format fmt;
    } names[] = {{"text", FMT_TEXT},   {"csv", FMT_CSV},  {"tsv", FMT_TSV},
                 {"json", FMT_JSON},   {"md", FMT_MD},    {"markdown", FMT_MD},
                 {"latex", FMT_LATEX}, {"tex", FMT_LATEX}};
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        if (strcmp(text, names[i].name) == 0) {
            *out = names[i].fmt;
            return true;
        }
    }
    return false;
}

/* A new string from a format, or NULL (r->failed set). */
static char *vformat(report *r, const char *fmt, va_list ap)
{
    va_list again;
    va_copy(again, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    char *s = n < 0 ? NULL : malloc((size_t)n + 1);
    if (s)
        vsnprintf(s, (size_t)n + 1, fmt, again);
    else
        r->failed = true;
    va_end(again);
    return s;
}

#define FORMAT_INTO(r, target, fmt)                                                                \
    do {                                                                                           \
        va_list ap;                                                                                \
        va_start(ap, fmt);                                                                         \
        char *s_ = (r)->failed ? NULL : vformat((r), (fmt), ap);                                   \
        va_end(ap);                                                                                \
        if (s_) {                                                                                  \
            free(target);                                                                          \
            (target) = s_;                                                                         \
        }                                                                                          \
    } while (0)

static char *copy(report *r, const char *s)
{
    char *c = r->failed ? NULL : strdup(s ? s : "");
    if (!c)
        r->failed = true;
    return c;
}

/* Make room for one more item in an array of n (few: notes, tables). */
static bool grow(report *r, void *arrayp, size_t n, size_t size)
{
    void **array = arrayp;
    if (r->failed)
        return false;
    void *p = realloc(*array, (n + 1) * size);
    if (!p) {
        r->failed = true;
        return false;
    }
    *array = p;
    return true;
}

void report_init(report *r)
{
    memset(r, 0, sizeof(*r));
    r->text_header = true;
    r->decimals = 6;
}

static void free_strings(char **s, size_t n)
{
    for (size_t i = 0; s && i < n; i++)
        free(s[i]);
    free(s);
}

static void table_free(report_table *t)
{
    free(t->name);
    free_strings(t->head, t->ncols);
    free(t->numeric);
    free_strings(t->cells, t->nrows * t->ncols);
    free(t->heading);
    free(t->empty);
    free(t->text_head);
    free_strings(t->text, t->nrows);
    free_strings(t->details, t->nrows);
    free(t);
}

void report_free(report *r)
{
    free(r->title);
    free(r->view);
    free_strings(r->notes, r->n_notes);
    for (size_t i = 0; i < r->n_tables; i++)
        table_free(r->tables[i]);
    free(r->tables);
    free(r->subject);
    free(r->caption);
    free(r->label);
    memset(r, 0, sizeof(*r));
}

void report_set_title(report *r, const char *fmt, ...)
{
    FORMAT_INTO(r, r->title, fmt);
}

/* *target = a copy of s (NULL: none). */
static void set_copy(report *r, char **target, const char *s)
{
    char *c = s ? copy(r, s) : NULL;
    free(*target);
    *target = c;
}

void report_set_view(report *r, const char *view)
{
    set_copy(r, &r->view, view);
}

void report_set_subject(report *r, const char *fmt, ...)
{
    FORMAT_INTO(r, r->subject, fmt);
}

void report_set_caption(report *r, const char *fmt, ...)
{
    FORMAT_INTO(r, r->caption, fmt);
}

void report_set_label(report *r, const char *label)
{
    set_copy(r, &r->label, label);
}

void report_note(report *r, const char *fmt, ...)
{
    if (!grow(r, &r->notes, r->n_notes, sizeof(char *)))
        return;
    char *note = NULL;
    FORMAT_INTO(r, note, fmt);
    if (note)
        r->notes[r->n_notes++] = note;
}

report_table *report_table_new(report *r, const char *name, size_t ncols, const char *const *head,
                               const bool *numeric)
{
    if (!grow(r, &r->tables, r->n_tables, sizeof(report_table *)))
        return NULL;
    report_table *t = calloc(1, sizeof(*t));
    if (!t) {
        r->failed = true;
        return NULL;
    }
    r->tables[r->n_tables++] = t;
    t->name = name ? copy(r, name) : NULL;
    t->head = calloc(ncols + 1, sizeof(char *));
    t->numeric = calloc(ncols + 1, sizeof(bool));
    if (!t->head || !t->numeric) {
        r->failed = true;
        return NULL;
    }
    t->ncols = ncols;
    for (size_t c = 0; c < ncols; c++) {
        t->head[c] = copy(r, head[c]);
        t->numeric[c] = numeric && numeric[c];
    }
    return r->failed ? NULL : t;
}

void report_table_heading(report *r, report_table *t, const char *fmt, ...)
{
    if (t)
        FORMAT_INTO(r, t->heading, fmt);
}

void report_table_empty(report *r, report_table *t, const char *fmt, ...)
{
    if (t)
        FORMAT_INTO(r, t->empty, fmt);
}

void report_table_text_head(report *r, report_table *t, const char *fmt, ...)
{
    if (t)
        FORMAT_INTO(r, t->text_head, fmt);
}

void report_row(report *r, report_table *t, const char *const *cells)
{
    if (!t || r->failed)
        return;
    if (t->nrows == t->cap) {
        size_t cap = t->cap ? 2 * t->cap : 16;
        char **c = realloc(t->cells, cap * (t->ncols ? t->ncols : 1) * sizeof(char *));
        if (c)
            t->cells = c;
        char **x = c ? realloc(t->text, cap * sizeof(char *)) : NULL;
        if (x)
            t->text = x;
        char **d = x ? realloc(t->details, cap * sizeof(char *)) : NULL;
        if (!d) {
            r->failed = true;
            return;
        }
        t->details = d;
        t->cap = cap;
    }
    char **row = t->cells + t->nrows * t->ncols;
    for (size_t c = 0; c < t->ncols; c++)
        row[c] = copy(r, cells[c]);
    t->text[t->nrows] = NULL;
    t->details[t->nrows] = NULL;
    t->nrows++; /* freed with the table even when a copy failed */
}

/* Append a line to *lines ("a\nb"). */
static void append_line(report *r, char **lines, const char *line)
{
    if (!line)
        return;
    if (!*lines) {
        *lines = copy(r, line);
        return;
    }
    size_t a = strlen(*lines), b = strlen(line);
    char *s = realloc(*lines, a + b + 2);
    if (!s) {
        r->failed = true;
        return;
    }
    s[a] = '\n';
    memcpy(s + a + 1, line, b + 1);
    *lines = s;
}

#define APPEND_LINE(r, target, fmt)                                                                \
    do {                                                                                           \
        va_list ap;                                                                                \
        va_start(ap, fmt);                                                                         \
        char *s_ = (r)->failed ? NULL : vformat((r), (fmt), ap);                                   \
        va_end(ap);                                                                                \
        append_line((r), &(target), s_);                                                           \
        free(s_);                                                                                  \
    } while (0)

void report_row_text(report *r, report_table *t, const char *fmt, ...)
{
    if (!t || !t->nrows || r->failed)
        return;
    APPEND_LINE(r, t->text[t->nrows - 1], fmt);
    t->has_text = true;
}

void report_row_detail(report *r, report_table *t, const char *fmt, ...)
{
    if (!t || !t->nrows || r->failed)
        return;
    APPEND_LINE(r, t->details[t->nrows - 1], fmt);
}

const char *table_number_prec(double x, bool integer, int decimals, char *buf, size_t size)
{
    if (isnan(x)) {
        snprintf(buf, size, "NA");
    } else if (isinf(x)) {
        snprintf(buf, size, x > 0 ? "Inf" : "-Inf");
    } else if (integer) {
        snprintf(buf, size, "%.0f", x == 0 ? 0.0 : x); /* no "-0" */
    } else if (decimals == REPORT_FULL) {
        for (int digits = 1; digits <= 17; digits++) {
            snprintf(buf, size, "%.*g", digits, x == 0 ? 0.0 : x);
            if (strtod(buf, NULL) == x)
                break;
        }
    } else {
        snprintf(buf, size, "%.*f", decimals, x);
        /* No "-0.000": a value that shows as zero is zero. */
        if (buf[0] == '-' && strspn(buf + 1, "0.") == strlen(buf + 1))
            memmove(buf, buf + 1, strlen(buf));
    }
    return buf;
}

const char *table_number(double x, bool integer, char *buf, size_t size)
{
    return table_number_prec(x, integer, 6, buf, size);
}

const char *report_number(const report *r, double x, bool integer, char *buf, size_t size)
{
    return table_number_prec(x, integer, r->decimals, buf, size);
}

static void csv_cell(FILE *out, const char *s, char sep)
{
    if (sep == '\t') {
        /* TSV has no quoting: tabs and newlines become spaces. */
        for (; *s; s++)
            fputc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, out);
        return;
    }
    if (!strpbrk(s, ",\"\n\r")) {
        fputs(s, out);
        return;
    }
    fputc('"', out);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', out);
        fputc(*s, out);
    }
    fputc('"', out);
}

static void json_string(FILE *out, const char *s)
{
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(out, "\\%c", *p);
        else if (*p == '\n')
            fputs("\\n", out);
        else if (*p == '\t')
            fputs("\\t", out);
        else if (*p < 0x20)
            fprintf(out, "\\u%04x", *p);
        else
            fputc(*p, out);
    }
    fputc('"', out);
}

static void md_cell(FILE *out, const char *s)
{
    for (; *s; s++) {
        if (*s == '|')
            fputs("\\|", out);
        else if (*s == '\n')
            fputc(' ', out);
        else
            fputc(*s, out);
    }
}

static size_t text_width(const char *s)
{
    /* Count UTF-8 characters, not bytes, so names like Timrå align. */
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

const char *report_cell(const report_table *t, size_t r, size_t c)
{
    return r == 0 ? t->head[c] : t->cells[(r - 1) * t->ncols + c];
}

/* Lines (a string with '\n' between lines), each after indent. */
static void put_lines(FILE *out, const char *lines)
{
    if (lines)
        fprintf(out, "%s\n", lines);
}

static void write_aligned(const report_table *t, FILE *out)
{
    size_t *w = calloc(t->ncols + 1, sizeof(size_t));
    if (!w)
        return;
    for (size_t c = 0; c < t->ncols; c++)
        for (size_t r = 0; r <= t->nrows; r++) {
            size_t x = text_width(report_cell(t, r, c));
            w[c] = x > w[c] ? x : w[c];
        }
    for (size_t r = 0; r <= t->nrows; r++) {
        for (size_t c = 0; c < t->ncols; c++) {
            const char *s = report_cell(t, r, c);
            size_t pad = w[c] - text_width(s);
            bool last = c + 1 == t->ncols;
            if (t->numeric[c])
                fprintf(out, "%*s%s", (int)pad, "", s);
            else
                fprintf(out, "%s%*s", s, last ? 0 : (int)pad, "");
            fputs(last ? "\n" : "  ", out);
        }
        if (r > 0)
            put_lines(out, t->details[r - 1]);
    }
    free(w);
}

static void write_text_table(const report_table *t, FILE *out)
{
    if (t->text_hidden)
        return;
    put_lines(out, t->heading);
    if (t->nrows == 0) {
        put_lines(out, t->empty);
        return;
    }
    if (!t->has_text) {
        write_aligned(t, out);
        return;
    }
    put_lines(out, t->text_head);
    for (size_t r = 0; r < t->nrows; r++) {
        put_lines(out, t->text[r]);
        put_lines(out, t->details[r]);
    }
}

static void write_delimited(const report_table *t, char sep, FILE *out)
{
    for (size_t r = 0; r <= t->nrows; r++) {
        for (size_t c = 0; c < t->ncols; c++) {
            if (c)
                fputc(sep, out);
            csv_cell(out, report_cell(t, r, c), sep);
        }
        fputc('\n', out);
    }
}

static void write_json_rows(const report_table *t, FILE *out)
{
    fputc('[', out);
    for (size_t r = 0; r < t->nrows; r++) {
        fputs(r ? ",\n    {" : "\n    {", out);
        for (size_t c = 0; c < t->ncols; c++) {
            const char *s = t->cells[r * t->ncols + c];
            if (c)
                fputs(", ", out);
            json_string(out, t->head[c]);
            fputs(": ", out);
            if (t->numeric[c])
                fputs(strcmp(s, "NA") == 0 || strcmp(s, "Inf") == 0 || strcmp(s, "-Inf") == 0
                          ? "null"
                          : s,
                      out);
            else
                json_string(out, s);
        }
        fputc('}', out);
    }
    fputs(t->nrows ? "\n  ]" : "]", out);
}

static void write_md_table(const report_table *t, FILE *out)
{
    fputc('|', out);
    for (size_t c = 0; c < t->ncols; c++) {
        fputc(' ', out);
        md_cell(out, t->head[c]);
        fputs(" |", out);
    }
    fputs("\n|", out);
    for (size_t c = 0; c < t->ncols; c++)
        fputs(t->numeric[c] ? "---:|" : "---|", out);
    fputc('\n', out);
    for (size_t r = 0; r < t->nrows; r++) {
        fputc('|', out);
        for (size_t c = 0; c < t->ncols; c++) {
            fputc(' ', out);
            md_cell(out, t->cells[r * t->ncols + c]);
            fputs(" |", out);
        }
        fputc('\n', out);
    }
}

/* Pandoc's caption of the table above ("Table: CAPTION {#KEY}"). */
static void md_caption(const report *r, FILE *out)
{
    fputs("\nTable: ", out);
    md_cell(out, r->caption ? r->caption : r->title ? r->title : "");
    if (r->label)
        fprintf(out, " {#%s}", r->label);
    fputc('\n', out);
}

/* The "# title", "# view:" and "# note" lines of text, CSV and TSV. */
static void hash_header(const report *r, FILE *out)
{
    if (r->title)
        fprintf(out, "# %s\n", r->title);
    if (r->view)
        fprintf(out, "# view: %s\n", r->view);
    for (size_t i = 0; i < r->n_notes; i++)
        fprintf(out, "# %s\n", r->notes[i]);
}

const char *report_table_name(const report_table *t, size_t i)
{
    return i == 0 ? "rows" : t->name ? t->name : "table";
}

int report_table_index(const report *r, const char *name)
{
    for (size_t i = 0; i < r->n_tables; i++)
        if (strcmp(report_table_name(r->tables[i], i), name) == 0)
            return (int)i;
    return -1;
}

const char *report_table_names(const report *r, char *buf, size_t size)
{
    size_t len = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < r->n_tables && len < size; i++) {
        int n = snprintf(buf + len, size - len, "%s%s", i ? ", " : "",
                         report_table_name(r->tables[i], i));
        len += n > 0 ? (size_t)n : 0;
    }
    return buf;
}

/* CSV and TSV: one plain table, or with comments the "# " lines first. */
static void write_csv(const report *r, char sep, const report_write_opts *o, FILE *out)
{
    int pick = o->table ? report_table_index(r, o->table) : 0;
    if (o->comments)
        hash_header(r, out);
    else if (o->meta)
        hash_header(r, o->meta);
    for (size_t i = 0; i < r->n_tables; i++) {
        if (o->comments && !o->table) {
            if (i)
                fprintf(out, "\n# table: %s\n", report_table_name(r->tables[i], i));
        } else if ((int)i != pick) {
            continue;
        }
        write_delimited(r->tables[i], sep, out);
    }
}

void report_write(const report *r, table_format fmt, const report_write_opts *opts, FILE *out)
{
    static const report_write_opts defaults = {false, NULL, NULL, false, LATEX_AUTO};
    const report_write_opts *o = opts ? opts : &defaults;
    switch (fmt) {
    case FMT_TEXT:
        if (r->text_header)
            hash_header(r, out);
        for (size_t i = 0; i < r->n_tables; i++)
            write_text_table(r->tables[i], out);
        break;
    case FMT_CSV:
    case FMT_TSV:
        write_csv(r, fmt == FMT_CSV ? ',' : '\t', o, out);
        break;
    case FMT_JSON:
        fputs("{\n  \"title\": ", out);
        json_string(out, r->title ? r->title : "");
        fputs(",\n  \"view\": ", out);
        if (r->view)
            json_string(out, r->view);
        else
            fputs("null", out);
        if (r->n_notes) {
            fputs(",\n  \"notes\": [", out);
            for (size_t i = 0; i < r->n_notes; i++) {
                fputs(i ? ",\n    " : "\n    ", out);
                json_string(out, r->notes[i]);
            }
            fputs("\n  ]", out);
        }
        for (size_t i = 0; i < r->n_tables; i++) {
            fputs(",\n  ", out);
            json_string(out, report_table_name(r->tables[i], i));
            fputs(": ", out);
            write_json_rows(r->tables[i], out);
        }
        fputs("\n}\n", out);
        break;
    case FMT_MD:
        fprintf(out, "%s  \n", r->title ? r->title : "");
        if (r->view)
            fprintf(out, "View: `%s`\n", r->view);
        for (size_t i = 0; i < r->n_notes; i++) {
            md_cell(out, r->notes[i]);
            fputs("  \n", out);
        }
        for (size_t i = 0; i < r->n_tables; i++) {
            if (i) {
                fputs("\n**", out);
                md_cell(out, report_table_name(r->tables[i], i));
                fputs("**\n", out);
            }
            fputc('\n', out);
            write_md_table(r->tables[i], out);
            if (i == 0 && (r->caption || r->label))
                md_caption(r, out);
        }
        break;
    case FMT_LATEX:
        report_write_latex(r, o, out);
        break;
    }
}
