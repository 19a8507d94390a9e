#include "report.h"

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

void report_set_view(report *r, const char *view)
{
    char *v = view ? copy(r, view) : NULL;
    free(r->view);
    r->view = v;
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
    char *l = label ? copy(r, label) : NULL;
    free(r->label);
    r->label = l;
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

static void latex_cell(FILE *out, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '\\':
            fputs("\\textbackslash{}", out);
            break;
        case '&':
        case '%':
        case '$':
        case '#':
        case '_':
        case '{':
        case '}':
            fprintf(out, "\\%c", *s);
            break;
        case '~':
            fputs("\\textasciitilde{}", out);
            break;
        case '^':
            fputs("\\textasciicircum{}", out);
            break;
        case '\n':
            fputc(' ', out);
            break;
        default:
            fputc(*s, out);
        }
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

static const char *cell(const report_table *t, size_t r, size_t c)
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
            size_t x = text_width(cell(t, r, c));
            w[c] = x > w[c] ? x : w[c];
        }
    for (size_t r = 0; r <= t->nrows; r++) {
        for (size_t c = 0; c < t->ncols; c++) {
            const char *s = cell(t, r, c);
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
            csv_cell(out, cell(t, r, c), sep);
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

/* A numeric cell in LaTeX: a minus sign, not a hyphen; NA as an en dash. */
static void latex_number(FILE *out, const char *s)
{
    if (strcmp(s, "NA") == 0)
        fputs("--", out);
    else if (strcmp(s, "Inf") == 0)
        fputs("$\\infty$", out);
    else if (strcmp(s, "-Inf") == 0)
        fputs("$-\\infty$", out);
    else if (s[0] == '-' && s[1] >= '0' && s[1] <= '9') {
        fputs("$-$", out);
        latex_cell(out, s + 1);
    } else
        latex_cell(out, s);
}

static const char *table_name(const report_table *t, size_t i);

/* Pandoc's caption of the table above ("Table: CAPTION {#KEY}"). */
static void md_caption(const report *r, FILE *out)
{
    fputs("\nTable: ", out);
    md_cell(out, r->caption ? r->caption : r->title ? r->title : "");
    if (r->label)
        fprintf(out, " {#%s}", r->label);
    fputc('\n', out);
}

/* The caption and label of table i. */
static void latex_caption(const report *rep, const report_table *t, size_t i, FILE *out)
{
    fputs("\\caption{", out);
    latex_cell(out, rep->caption ? rep->caption : rep->title ? rep->title : "");
    if (i > 0) {
        fputs(" (", out);
        latex_cell(out, table_name(t, i));
        fputc(')', out);
    }
    fputc('}', out);
    if (rep->label) {
        fputs("\\label{", out);
        fputs(rep->label, out); /* checked: letters, digits and :._/- only */
        if (i > 0)
            fprintf(out, ":%s", table_name(t, i));
        fputc('}', out);
    }
}

static void latex_row(const report_table *t, size_t r, FILE *out)
{
    for (size_t c = 0; c < t->ncols; c++) {
        if (c)
            fputs(" & ", out);
        if (r > 0 && t->numeric[c])
            latex_number(out, cell(t, r, c));
        else
            latex_cell(out, cell(t, r, c));
    }
    fputs(" \\\\\n", out);
}

static bool is_long(const report_table *t)
{
    return t->nrows > REPORT_LONG_ROWS;
}

/* A table environment, or a longtable (its head repeated on every page)
 * for a table of more rows than a page holds. */
static void write_latex_table(const report *rep, const report_table *t, size_t i, FILE *out)
{
    fputs(is_long(t) ? "\\begin{longtable}{@{}" : "\\begin{table}[htbp]\n\\centering\n", out);
    if (!is_long(t)) {
        latex_caption(rep, t, i, out);
        fputs("\n\\begin{tabular}{@{}", out);
    }
    for (size_t c = 0; c < t->ncols; c++)
        fputc(t->numeric[c] ? 'r' : 'l', out);
    fputs("@{}}\n", out);
    if (is_long(t)) {
        latex_caption(rep, t, i, out);
        fputs("\\\\\n\\toprule\n", out);
        latex_row(t, 0, out);
        fputs("\\midrule\n\\endfirsthead\n\\toprule\n", out);
        latex_row(t, 0, out);
        fputs("\\midrule\n\\endhead\n\\bottomrule\n\\endfoot\n\\bottomrule\n\\endlastfoot\n", out);
    } else {
        fputs("\\toprule\n", out);
        latex_row(t, 0, out);
        fputs("\\midrule\n", out);
    }
    for (size_t r = 1; r <= t->nrows; r++)
        latex_row(t, r, out);
    fputs(is_long(t) ? "\\end{longtable}\n" : "\\bottomrule\n\\end{tabular}\n\\end{table}\n", out);
}

/* The next UTF-8 code point of *p (advanced), 0xFFFD for a bad byte. */
static unsigned long next_code_point(const unsigned char **p)
{
    const unsigned char *s = *p;
    unsigned long c = *s++;
    int more = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
    if (c >= 0x80 && !more)
        c = 0xFFFD;
    else if (more)
        c &= 0x3Fu >> more;
    for (; more > 0; more--) {
        if ((*s & 0xC0) != 0x80) {
            c = 0xFFFD;
            break;
        }
        c = (c << 6) | (*s++ & 0x3F);
    }
    *p = s;
    return c;
}

/* Can pdfLaTeX with inputenc utf8 and fontenc T1 set this character?
 * The ranges are those LaTeX's utf8 definitions for T1 (t1enc.dfu, TeX
 * Live 2022) cover, found by compiling each of U+00A0..U+024F. */
static bool t1_settable(unsigned long c)
{
    static const unsigned long ok[][2] = {
        {0x20, 0x7E},     {0xA0, 0x125},    {0x128, 0x137},   {0x139, 0x13E},   {0x141, 0x148},
        {0x14A, 0x165},   {0x168, 0x17E},   {0x192, 0x192},   {0x1C4, 0x1D4},   {0x1E2, 0x1E3},
        {0x1E6, 0x1EB},   {0x1F0, 0x1F0},   {0x1F4, 0x1F5},   {0x218, 0x21B},   {0x232, 0x233},
        {0x237, 0x237},   {0x1E0C, 0x1E0D}, {0x2013, 0x2014}, {0x2018, 0x2019}, {0x201C, 0x201D},
        {0x2026, 0x2026}, {0x20AC, 0x20AC}};
    if (c == '\t' || c == '\n' || c == '\r')
        return true;
    for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++)
        if (c >= ok[i][0] && c <= ok[i][1])
            return true;
    return false;
}

static const char *script_name(unsigned long c)
{
    if ((c >= 0xAC00 && c <= 0xD7AF) || (c >= 0x1100 && c <= 0x11FF) ||
        (c >= 0x3130 && c <= 0x318F))
        return "Hangul";
    if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
        (c >= 0xF900 && c <= 0xFAFF))
        return "Han";
    if (c >= 0x3040 && c <= 0x30FF)
        return "Kana";
    if (c >= 0x0400 && c <= 0x052F)
        return "Cyrillic";
    if (c >= 0x0370 && c <= 0x03FF)
        return "Greek";
    if (c < 0x0250 || (c >= 0x1E00 && c <= 0x1EFF))
        return "Latin";
    return "non-Latin";
}

/* The script of the first character of s that T1 cannot set, or NULL;
 * *at: where it starts. */
static const char *unsettable(const char *s, const char **at)
{
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    while (*p) {
        const unsigned char *here = p;
        unsigned long c = next_code_point(&p);
        if (!t1_settable(c)) {
            *at = (const char *)here;
            return script_name(c);
        }
    }
    return NULL;
}

/* The word of s around at, without the punctuation after it, into sample
 * (line breaks as spaces: it goes into a comment line). */
static const char *keep_sample(const char *script, const char *s, const char *at, char *sample,
                               size_t size)
{
    if (!script || !sample || !size)
        return script;
    const char *a = at, *b = at;
    while (a > s && a[-1] != ' ')
        a--;
    while (*b && *b != ' ')
        b++;
    while (b > at + 1 && strchr(".,;:)", b[-1]))
        b--;
    snprintf(sample, size, "%.*s", (int)(b - a), a);
    for (char *c = sample; *c; c++)
        if (*c == '\n' || *c == '\r')
            *c = ' ';
    return script;
}

const char *report_latex_script(const report *r, char *sample, size_t size)
{
    const char *script, *at = NULL;
    if ((script = unsettable(r->caption, &at)))
        return keep_sample(script, r->caption, at, sample, size);
    for (size_t i = 0; i < r->n_tables; i++) {
        const report_table *t = r->tables[i];
        for (size_t k = 0; k < (t->nrows + 1) * t->ncols; k++) {
            const char *s = cell(t, k / t->ncols, k % t->ncols);
            if ((script = unsettable(s, &at)))
                return keep_sample(script, s, at, sample, size);
        }
    }
    return NULL;
}

/* A "% " line (a line break in s would end the comment: a space). */
static void latex_comment(FILE *out, const char *lead, const char *s)
{
    if (!s)
        return;
    fprintf(out, "%% %s", lead);
    for (; *s; s++)
        fputc(*s == '\n' || *s == '\r' ? ' ' : *s, out);
    fputc('\n', out);
}

/* The "% " lines and, standalone, the preamble. */
static void latex_header(const report *r, const report_write_opts *o, FILE *out)
{
    latex_comment(out, "", r->title);
    latex_comment(out, "view: ", r->view);
    for (size_t i = 0; i < r->n_notes; i++)
        latex_comment(out, "", r->notes[i]);
    char sample[128];
    const char *script = report_latex_script(r, sample, sizeof(sample));
    latex_engine engine = o->engine;
    if (engine == LATEX_AUTO)
        engine = script ? LATEX_XELATEX : LATEX_PDFLATEX;
    bool long_table = false;
    for (size_t i = 0; i < r->n_tables; i++)
        long_table |= is_long(r->tables[i]);
    fprintf(out,
            "%% needs \\usepackage{booktabs}%s; numbers are right-aligned with the same\n"
            "%% decimals in a column, so that their decimal points align\n",
            long_table ? " and \\usepackage{longtable} (a table of more rows than a page holds)"
                       : "");
    if (script) {
        fprintf(
            out,
            "%% needs XeLaTeX or LuaLaTeX: the table holds %s (\"%s\"), which pdfLaTeX\n"
            "%% (inputenc utf8, fontenc T1) cannot set; with a font that covers it:\n"
            "%% \\usepackage{fontspec}\\setmainfont{Noto Serif CJK KR} (Noto CJK covers Latin,\n"
            "%% Greek, Cyrillic, Hangul, Han and Kana), or \\usepackage{xeCJK} for CJK only\n",
            script, sample);
    }
    if (!o->standalone)
        return;
    fputs("\\documentclass{article}\n", out);
    if (engine == LATEX_XELATEX) {
        fputs("\\usepackage{fontspec}\n", out);
        if (script)
            fputs("\\setmainfont{Noto Serif CJK KR}\n", out);
    } else {
        fputs("\\usepackage[T1]{fontenc}\n\\usepackage[utf8]{inputenc}\n\\usepackage{lmodern}\n",
              out);
    }
    fprintf(out,
            "\\usepackage[margin=2cm]{geometry}\n\\usepackage{booktabs}\n%s"
            "\\setlength{\\belowcaptionskip}{6pt}\n\\pagestyle{empty}\n\\begin{document}\n",
            long_table ? "\\usepackage{longtable}\n" : "");
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

static const char *table_name(const report_table *t, size_t i)
{
    return i == 0 ? "rows" : t->name ? t->name : "table";
}

int report_table_index(const report *r, const char *name)
{
    for (size_t i = 0; i < r->n_tables; i++)
        if (strcmp(table_name(r->tables[i], i), name) == 0)
            return (int)i;
    return -1;
}

const char *report_table_names(const report *r, char *buf, size_t size)
{
    size_t len = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < r->n_tables && len < size; i++) {
        int n = snprintf(buf + len, size - len, "%s%s", i ? ", " : "", table_name(r->tables[i], i));
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
                fprintf(out, "\n# table: %s\n", table_name(r->tables[i], i));
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
            json_string(out, table_name(r->tables[i], i));
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
                md_cell(out, table_name(r->tables[i], i));
                fputs("**\n", out);
            }
            fputc('\n', out);
            write_md_table(r->tables[i], out);
            if (i == 0 && (r->caption || r->label))
                md_caption(r, out);
        }
        break;
    case FMT_LATEX:
        latex_header(r, o, out);
        for (size_t i = 0; i < r->n_tables; i++)
            write_latex_table(r, r->tables[i], i, out);
        if (o->standalone)
            fputs("\\end{document}\n", out);
        break;
    }
}
