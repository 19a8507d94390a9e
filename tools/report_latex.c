/* The LaTeX writer of report_write: booktabs tables (longtables when long),
 * the preamble's comments, --standalone documents, and what pdfLaTeX with
 * T1 cannot set (docs/metrics.md, "Tables for papers"). */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "report.h"
#include "report_private.h"

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

/* The caption and label of table i. */
static void latex_caption(const report *rep, const report_table *t, size_t i, FILE *out)
{
    fputs("\\caption{", out);
    latex_cell(out, rep->caption ? rep->caption : rep->title ? rep->title : "");
    if (i > 0) {
        fputs(" (", out);
        latex_cell(out, report_table_name(t, i));
        fputc(')', out);
    }
    fputc('}', out);
    if (rep->label) {
        fputs("\\label{", out);
        fputs(rep->label, out); /* checked: letters, digits and :._/- only */
        if (i > 0)
            fprintf(out, ":%s", report_table_name(t, i));
        fputc('}', out);
    }
}

static void latex_row(const report_table *t, size_t r, FILE *out)
{
    for (size_t c = 0; c < t->ncols; c++) {
        if (c)
            fputs(" & ", out);
        if (r > 0 && t->numeric[c])
            latex_number(out, report_cell(t, r, c));
        else
            latex_cell(out, report_cell(t, r, c));
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
            const char *s = report_cell(t, k / t->ncols, k % t->ncols);
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
            "%% (inputenc utf8, fontenc T1) cannot set; with fonts that cover it:\n"
            "%% \\usepackage{fontspec}\\setmainfont{DejaVu Serif} (Latin, Greek, Cyrillic) and\n"
            "%% Noto Serif CJK KR for Hangul, Han and Kana through ucharclasses (in\n"
            "%% texlive-xetex; --standalone writes that preamble)\n",
            script, sample);
    }
    if (!o->standalone)
        return;
    fputs("\\documentclass{article}\n", out);
    if (engine == LATEX_XELATEX) {
        /* Noto Serif CJK alone lacks Latin letters such as U+0130 and U+0161
         * (the world's twin cities): a Latin font, and the CJK font for
         * the CJK blocks only (ucharclasses, in texlive-xetex; xeCJK needs
         * texlive-lang-chinese, 49 MB). */
        static const char *const blocks[] = {"CJKUnifiedIdeographs",
                                             "CJKUnifiedIdeographsExtensionA",
                                             "CJKCompatibilityIdeographs",
                                             "CJKSymbolsAndPunctuation",
                                             "HangulSyllables",
                                             "HangulJamo",
                                             "HangulCompatibilityJamo",
                                             "Hiragana",
                                             "Katakana",
                                             "HalfwidthAndFullwidthForms",
                                             NULL};
        fputs("\\usepackage{fontspec}\n", out);
        if (script) {
            fputs("\\setmainfont{DejaVu Serif}\n\\newfontfamily\\pncjk{Noto Serif CJK KR}\n"
                  "\\usepackage[",
                  out);
            for (size_t i = 0; blocks[i]; i++)
                fprintf(out, "%s%s", i ? "," : "", blocks[i]);
            fputs("]{ucharclasses}\n", out);
            for (size_t i = 0; blocks[i]; i++)
                fprintf(out, "\\setTransitionsFor{%s}{\\begingroup\\pncjk}{\\endgroup}\n",
                        blocks[i]);
        }
    } else {
        fputs("\\usepackage[T1]{fontenc}\n\\usepackage[utf8]{inputenc}\n\\usepackage{lmodern}\n",
              out);
    }
    fprintf(out,
            "\\usepackage[margin=2cm]{geometry}\n\\usepackage{booktabs}\n%s"
            "\\setlength{\\belowcaptionskip}{6pt}\n\\pagestyle{empty}\n\\begin{document}\n",
            long_table ? "\\usepackage{longtable}\n" : "");
}

void report_write_latex(const report *r, const report_write_opts *o, FILE *out)
{
    latex_header(r, o, out);
    for (size_t i = 0; i < r->n_tables; i++)
        write_latex_table(r, r->tables[i], i, out);
    if (o->standalone)
        fputs("\\end{document}\n", out);
}
