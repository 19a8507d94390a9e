#include "table.h"

#include <math.h>
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

int table_init(table *t, size_t ncols, const char **head, const bool *numeric)
{
    memset(t, 0, sizeof(*t));
    t->ncols = ncols;
    t->head = malloc((ncols + 1) * sizeof(char *));
    t->numeric = malloc((ncols + 1) * sizeof(bool));
    if (!t->head || !t->numeric) {
        t->failed = true;
        return -1;
    }
    memcpy(t->head, head, ncols * sizeof(char *));
    memcpy(t->numeric, numeric, ncols * sizeof(bool));
    return 0;
}

void table_free(table *t)
{
    for (size_t i = 0; i < t->nrows * t->ncols; i++)
        free(t->cells[i]);
    free(t->cells);
    free(t->head);
    free(t->numeric);
}

void table_add(table *t, const char *const *cells)
{
    if (t->failed)
        return;
    if (t->nrows == t->cap) {
        size_t cap = t->cap ? 2 * t->cap : 16;
        char **p = realloc(t->cells, cap * t->ncols * sizeof(char *));
        if (!p) {
            t->failed = true;
            return;
        }
        t->cells = p;
        t->cap = cap;
    }
    char **row = t->cells + t->nrows * t->ncols;
    for (size_t c = 0; c < t->ncols; c++) {
        row[c] = strdup(cells[c] ? cells[c] : "");
        if (!row[c]) {
            for (size_t k = 0; k < c; k++)
                free(row[k]);
            t->failed = true;
            return;
        }
    }
    t->nrows++;
}

const char *table_number(double x, bool integer, char *buf, size_t size)
{
    if (isnan(x))
        snprintf(buf, size, "NA");
    else if (isinf(x))
        snprintf(buf, size, x > 0 ? "Inf" : "-Inf");
    else
        snprintf(buf, size, integer ? "%.0f" : "%.6f", x == 0 ? 0.0 : x); /* no "-0" */
    return buf;
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

static void write_text(const table *t, FILE *out)
{
    size_t *w = calloc(t->ncols + 1, sizeof(size_t));
    if (!w)
        return;
    for (size_t c = 0; c < t->ncols; c++) {
        w[c] = text_width(t->head[c]);
        for (size_t r = 0; r < t->nrows; r++) {
            size_t x = text_width(t->cells[r * t->ncols + c]);
            if (x > w[c])
                w[c] = x;
        }
    }
    for (size_t r = 0; r <= t->nrows; r++) {
        for (size_t c = 0; c < t->ncols; c++) {
            const char *s = r == 0 ? t->head[c] : t->cells[(r - 1) * t->ncols + c];
            size_t pad = w[c] - text_width(s);
            bool last = c + 1 == t->ncols;
            if (t->numeric[c])
                fprintf(out, "%*s%s", (int)pad, "", s);
            else
                fprintf(out, "%s%*s", s, last ? 0 : (int)pad, "");
            fputs(last ? "\n" : "  ", out);
        }
    }
    free(w);
}

void table_write(const table *t, table_format fmt, FILE *out, const char *title, const char *view)
{
    switch (fmt) {
    case FMT_TEXT:
        fprintf(out, "# %s\n# view: %s\n", title, view);
        write_text(t, out);
        break;
    case FMT_CSV:
    case FMT_TSV: {
        char sep = fmt == FMT_CSV ? ',' : '\t';
        fprintf(out, "# %s\n# view: %s\n", title, view);
        for (size_t r = 0; r <= t->nrows; r++) {
            for (size_t c = 0; c < t->ncols; c++) {
                if (c)
                    fputc(sep, out);
                csv_cell(out, r == 0 ? t->head[c] : t->cells[(r - 1) * t->ncols + c], sep);
            }
            fputc('\n', out);
        }
        break;
    }
    case FMT_JSON:
        fputs("{\n  \"title\": ", out);
        json_string(out, title);
        fputs(",\n  \"view\": ", out);
        json_string(out, view);
        fputs(",\n  \"rows\": [", out);
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
        fputs(t->nrows ? "\n  ]\n}\n" : "]\n}\n", out);
        break;
    case FMT_MD:
        fprintf(out, "%s  \nView: `%s`\n\n|", title, view);
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
        break;
    case FMT_LATEX:
        fprintf(out, "%% %s\n%% view: %s\n%% needs \\usepackage{booktabs}\n", title, view);
        fputs("\\begin{table}[htbp]\n\\centering\n\\caption{", out);
        latex_cell(out, title);
        fputs(". View: ", out);
        latex_cell(out, view);
        fputs(".}\n\\begin{tabular}{", out);
        for (size_t c = 0; c < t->ncols; c++)
            fputc(t->numeric[c] ? 'r' : 'l', out);
        fputs("}\n\\toprule\n", out);
        for (size_t r = 0; r <= t->nrows; r++) {
            for (size_t c = 0; c < t->ncols; c++) {
                if (c)
                    fputs(" & ", out);
                const char *s = r == 0 ? t->head[c] : t->cells[(r - 1) * t->ncols + c];
                latex_cell(out, r > 0 && t->numeric[c] && strcmp(s, "NA") == 0 ? "--" : s);
            }
            fputs(" \\\\\n", out);
            if (r == 0)
                fputs("\\midrule\n", out);
        }
        fputs("\\bottomrule\n\\end{tabular}\n\\end{table}\n", out);
        break;
    }
}
