/* Characters no installed font can draw (fonts.h).
 *
 * Graphviz 2.43 lays text out and draws it with Pango (its cairo/pango
 * plugin, for PNG, PDF, PS and the other raster and vector formats). Pango
 * 1.50 takes a label's characters from a fontset: the fonts of fontconfig's
 * current configuration that HarfBuzz can shape (a file of format TrueType
 * or CFF: pango_fc_is_supported_font_format; Type 1 and bitmap fonts are
 * left out), sorted by FcFontSetSort for the label's font and trimmed. A
 * character none of them has is drawn as a box with its hex code in it. So
 * this file asks fontconfig the same question: the union of the charsets of
 * that sorted fontset (FcFontSetSort's csp), computed once a render for the
 * graph's font, then each distinct character looked up once.
 *
 * Checked against Pango itself (pango_layout_get_unknown_glyphs_count, with
 * the description Graphviz uses) for every code point U+0020..U+10FFFF, with
 * Debian 12's fonts and with a configuration of DejaVu only: they agree but
 * for the rules below (controls, default ignorables, spaces) and for
 * precomposed characters a font lacks while having their parts, which
 * HarfBuzz decomposes (U+06C0 here): those get a warning Pango would not
 * need, never the other way round. tests/cli_fonts.sh repeats the check.
 *
 * fontconfig's current configuration is fontconfig's own process-wide state
 * (made by FcInit from FONTCONFIG_FILE and /etc/fonts, and shared with
 * Pango): it is only read here, under a reference (FcConfigReference). */
#include "draw/fonts.h"

#include <stdint.h>
#include <string.h>

#include <fontconfig/fontconfig.h>

#include "draw/graphviz.h"

bool pn__fonts_drawn(const char *format)
{
    /* Graphviz's formats that hold text, not glyphs (svg:cairo would draw them). */
    static const char *const text[] = {"dot", "gv", "canon", "svg", "svgz", "cmapx", "imap"};
    static const char *const text_prefix[] = {"xdot", "json", "plain"};
    for (size_t i = 0; i < sizeof(text) / sizeof(*text); i++) {
        if (strcmp(format, text[i]) == 0)
            return false;
    }
    for (size_t i = 0; i < sizeof(text_prefix) / sizeof(*text_prefix); i++) {
        if (strncmp(format, text_prefix[i], strlen(text_prefix[i])) == 0)
            return false;
    }
    return true;
}

/* Pango draws a box for a control character whatever the fonts have. */
static bool control(uint32_t c)
{
    return c < 0x20 || (c >= 0x7F && c <= 0x9F);
}

/* Drawn without a glyph of their own: the default ignorable code points
 * (Unicode's Default_Ignorable_Code_Point, which Pango draws as nothing) and
 * the spaces HarfBuzz makes from U+0020 when a font lacks them. */
static bool needs_no_glyph(uint32_t c)
{
    static const uint32_t ranges[][2] = {
        {0x00A0, 0x00A0},   {0x00AD, 0x00AD},   {0x034F, 0x034F},   {0x061C, 0x061C},
        {0x115F, 0x1160},   {0x17B4, 0x17B5},   {0x180B, 0x180F},   {0x2000, 0x200F},
        {0x202A, 0x202F},   {0x205F, 0x206F},   {0x3000, 0x3000},   {0x3164, 0x3164},
        {0xFE00, 0xFE0F},   {0xFEFF, 0xFEFF},   {0xFFA0, 0xFFA0},   {0xFFF0, 0xFFF8},
        {0x1BCA0, 0x1BCA3}, {0x1D173, 0x1D17A}, {0xE0000, 0xE0FFF},
    };
    for (size_t i = 0; i < sizeof(ranges) / sizeof(*ranges); i++) {
        if (c >= ranges[i][0] && c <= ranges[i][1])
            return true;
    }
    return false;
}

typedef struct fonts {
    const pn__scene *s;
    const char *format;
    FcCharSet *coverage; /* every character Pango's fontset has */
    FcCharSet *seen;     /* the distinct characters looked up so far */
    FcCharSet *missing;  /* those of them drawn as boxes */
    int rc;
} fonts;

/* The fontset Pango makes for `family` (a comma-separated list, as in a
 * Pango font description), as one charset; NULL when out of memory. */
static FcCharSet *pango_coverage(FcConfig *config, const char *family)
{
    FcFontSet *usable = FcFontSetCreate();
    FcPattern *pattern = FcPatternCreate();
    FcCharSet *cs = NULL;
    bool ok = usable && pattern;
    static const FcSetName sets[] = {FcSetSystem, FcSetApplication};
    for (size_t k = 0; ok && k < 2; k++) {
        FcFontSet *fs = FcConfigGetFonts(config, sets[k]);
        for (int i = 0; ok && fs && i < fs->nfont; i++) {
            FcChar8 *file, *format;
            if (FcPatternGetString(fs->fonts[i], FC_FILE, 0, &file) != FcResultMatch ||
                FcPatternGetString(fs->fonts[i], FC_FONTFORMAT, 0, &format) != FcResultMatch ||
                (strcmp((const char *)format, "TrueType") != 0 &&
                 strcmp((const char *)format, "CFF") != 0))
                continue;
            FcPatternReference(fs->fonts[i]);
            ok = FcFontSetAdd(usable, fs->fonts[i]);
            if (!ok)
                FcPatternDestroy(fs->fonts[i]);
        }
    }
    for (const char *p = family; ok && *p;) {
        const char *end = strchr(p, ',');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        char name[256];
        while (n > 0 && (*p == ' ' || *p == '\t')) {
            p++;
            n--;
        }
        while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t'))
            n--;
        if (n > 0 && n < sizeof(name)) {
            memcpy(name, p, n);
            name[n] = '\0';
            ok = FcPatternAddString(pattern, FC_FAMILY, (const FcChar8 *)name);
        }
        p = end ? end + 1 : p + n;
    }
    if (ok)
        ok = FcConfigSubstitute(config, pattern, FcMatchPattern);
    if (ok) {
        FcDefaultSubstitute(pattern);
        FcResult result;
        FcFontSet *sorted = FcFontSetSort(config, &usable, 1, pattern, FcTrue, &cs, &result);
        if (sorted)
            FcFontSetDestroy(sorted);
        if (!cs) /* no font at all */
            cs = FcCharSetCreate();
    }
    if (pattern)
        FcPatternDestroy(pattern);
    if (usable)
        FcFontSetDestroy(usable);
    return cs;
}

static bool is_missing(fonts *f, uint32_t c)
{
    if (FcCharSetHasChar(f->seen, c))
        return FcCharSetHasChar(f->missing, c);
    bool missing = control(c) || (!needs_no_glyph(c) && !FcCharSetHasChar(f->coverage, c));
    if (!FcCharSetAddChar(f->seen, c) || (missing && !FcCharSetAddChar(f->missing, c)))
        f->rc = PN_ENOMEM;
    return missing;
}

/* The next code point of s (UTF-8), 0 at the end; a byte that does not
 * start a well-formed sequence is skipped (build.c writes none). */
static uint32_t next_char(const char **s)
{
    const unsigned char *p = (const unsigned char *)*s;
    while (*p) {
        unsigned c = *p;
        size_t len = c < 0x80 ? 1 : c < 0xC2 ? 0 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : c < 0xF5 ? 4 : 0;
        uint32_t v = len == 1 ? c : len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
        size_t k = 1;
        for (; k < len && (p[k] & 0xC0) == 0x80; k++)
            v = (v << 6) | (p[k] & 0x3F);
        if (len > 0 && k == len) {
            *s = (const char *)(p + len);
            return v;
        }
        p++;
    }
    *s = (const char *)p;
    return 0;
}

/* The characters Graphviz draws of a label, one at a time: an HTML-like
 * label without its tags and with its entities read; a plain label without
 * its escapes (\n, \l, \r, \N...). 0 at the end. */
typedef struct label_reader {
    const char *p;
    bool html;
} label_reader;

static uint32_t label_char(label_reader *r)
{
    for (;;) {
        if (r->html && *r->p == '<') {
            const char *end = strchr(r->p, '>');
            r->p = end ? end + 1 : r->p + strlen(r->p);
            continue;
        }
        if (r->html && *r->p == '&') {
            const char *end = strchr(r->p, ';');
            if (!end)
                return next_char(&r->p);
            const char *e = r->p + 1;
            size_t n = (size_t)(end - e);
            r->p = end + 1;
            if (n > 1 && e[0] == '#') {
                bool hex = e[1] == 'x' || e[1] == 'X';
                uint32_t v = 0;
                for (const char *q = e + 1 + hex; q < end; q++) {
                    unsigned d = *q >= '0' && *q <= '9'   ? (unsigned)(*q - '0')
                                 : *q >= 'a' && *q <= 'f' ? (unsigned)(*q - 'a' + 10)
                                 : *q >= 'A' && *q <= 'F' ? (unsigned)(*q - 'A' + 10)
                                                          : 99;
                    if (d >= (hex ? 16u : 10u) || v > 0x10FFFF)
                        break;
                    v = v * (hex ? 16 : 10) + d;
                }
                if (v > 0 && v <= 0x10FFFF)
                    return v;
                continue;
            }
            static const struct {
                const char *name;
                uint32_t c;
            } named[] = {{"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}};
            for (size_t i = 0; i < sizeof(named) / sizeof(*named); i++) {
                if (strlen(named[i].name) == n && memcmp(named[i].name, e, n) == 0)
                    return named[i].c;
            }
            continue; /* another named entity: Graphviz's own table, not checked */
        }
        if (!r->html && *r->p == '\\' && r->p[1]) {
            r->p += 2;
            continue;
        }
        return next_char(&r->p);
    }
}

/* The missing characters of one label, each once, in their order. */
#define LISTED 8

typedef struct label_missing {
    uint32_t c[LISTED];
    size_t n, more;
    FcCharSet *all; /* made at the first missing character */
} label_missing;

static void collect(fonts *f, const char *label, label_missing *m)
{
    label_reader r = {label, aghtmlstr((char *)label) != 0};
    for (uint32_t c; (c = label_char(&r)) != 0;) {
        if (!is_missing(f, c) || (m->all && FcCharSetHasChar(m->all, c)))
            continue;
        if (!m->all && !(m->all = FcCharSetCreate())) {
            f->rc = PN_ENOMEM;
            return;
        }
        if (!FcCharSetAddChar(m->all, c))
            f->rc = PN_ENOMEM;
        if (m->n < LISTED)
            m->c[m->n++] = c;
        else
            m->more++;
    }
}

static void put_utf8(pn__buf *b, uint32_t c)
{
    char u[5] = {0};
    size_t n = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    for (size_t k = n; k-- > 1; c >>= 6)
        u[k] = (char)(0x80 | (c & 0x3F));
    u[0] = (char)(n == 1 ? c : n == 2 ? 0xC0 | c : n == 3 ? 0xE0 | c : 0xF0 | c);
    pn__buf_puts(b, u);
}

/* "U+B300 대, U+C804 전" into b. */
static void list_chars(pn__buf *b, const label_missing *m)
{
    for (size_t i = 0; i < m->n; i++) {
        pn__buf_printf(b, "%sU+%04X ", i ? ", " : "", (unsigned)m->c[i]);
        if (control(m->c[i]))
            pn__buf_puts(b, "(a control character)");
        else
            put_utf8(b, m->c[i]);
    }
    if (m->more)
        pn__buf_printf(b, " and %zu more", m->more);
}

/* One label: a warning when it has missing characters. `what` says whose
 * label it is ("actor 'daejeon' (Daejeon)"); path is the actor's, or NULL. */
static void check_label(fonts *f, const char *label, const char *path, const char *what)
{
    if (!label || !*label || f->rc)
        return;
    label_missing m = {{0}, 0, 0, NULL};
    collect(f, label, &m);
    if (m.n > 0 && f->rc == 0) {
        pn__buf b;
        pn__buf_init(&b);
        list_chars(&b, &m);
        char fmt[16] = {0};
        for (size_t i = 0; i + 1 < sizeof(fmt) && f->format[i]; i++)
            fmt[i] = (char)(f->format[i] >= 'a' && f->format[i] <= 'z' ? f->format[i] - 32
                                                                       : f->format[i]);
        if (b.failed ||
            pn_diags_add(f->s->diags, PN_SEVERITY_WARNING, NULL, 0, 0, path, "missing-glyph",
                         "%s: no installed font has %s: the %s draws %s; install a font "
                         "that has %s (Debian: fonts-noto-cjk for Hangul, Han and Kana; "
                         "docs/render.md, \"Fonts and scripts\")",
                         what, b.data, fmt,
                         m.n + m.more > 1 ? "them as empty boxes" : "it as an empty box",
                         m.n + m.more > 1 ? "them" : "it") != 0)
            f->rc = PN_ENOMEM;
        pn__buf_free(&b);
    }
    if (m.all)
        FcCharSetDestroy(m.all);
}

static const char *attr(void *obj, const char *name)
{
    return agget(obj, (char *)name);
}

static void check_clusters(fonts *f, Agraph_t *g, const char *root_label)
{
    for (Agraph_t *sub = agfstsubg(g); sub && f->rc == 0; sub = agnxtsubg(sub)) {
        const char *label = attr(sub, "label");
        if (label && label != root_label && strcmp(label, root_label ? root_label : "") != 0) {
            pn__buf what;
            pn__buf_init(&what);
            pn__buf_puts(&what, "the box '");
            label_reader r = {label, aghtmlstr((char *)label) != 0};
            for (uint32_t c; (c = label_char(&r)) != 0 && what.len < 80;)
                put_utf8(&what, control(c) ? 0xFFFD : c);
            pn__buf_puts(&what, "'");
            if (what.failed)
                f->rc = PN_ENOMEM;
            else
                check_label(f, label, NULL, what.data);
            pn__buf_free(&what);
        }
        check_clusters(f, sub, root_label);
    }
}

static void check_graph(fonts *f, Agraph_t *g)
{
    const pn__scene *s = f->s;
    pn__buf what;
    pn__buf_init(&what);
    /* Actors first, in the dataset's order, each named by its id and name. */
    for (size_t i = 0; i < s->na && f->rc == 0; i++) {
        char buf[32], path[48];
        if (!s->actor_mask[i])
            continue;
        Agnode_t *n = agnode(g, (char *)pn__gv_node_name(s, i, buf, sizeof(buf)), 0);
        if (!n)
            continue;
        const pn_actor *a = pn_dataset_actor(s->ds, i);
        what.len = 0;
        pn__buf_printf(&what, "actor '%s' (", a->id);
        for (const char *p = a->name; what.len < 120 && *p;) {
            uint32_t c = next_char(&p);
            if (c)
                put_utf8(&what, control(c) ? 0xFFFD : c); /* no control in a message */
        }
        pn__buf_puts(&what, ")");
        snprintf(path, sizeof(path), "actors[%zu]", i);
        if (what.failed) {
            f->rc = PN_ENOMEM;
            break;
        }
        check_label(f, attr(n, "label"), path, what.data);
        check_label(f, attr(n, "xlabel"), path, what.data);
    }
    static const char *const edge_labels[] = {"label", "xlabel", "headlabel", "taillabel"};
    for (Agnode_t *n = agfstnode(g); n && f->rc == 0; n = agnxtnode(g, n)) {
        for (Agedge_t *e = agfstout(g, n); e && f->rc == 0; e = agnxtout(g, e)) {
            what.len = 0;
            pn__buf_printf(&what, "the label of the tie between '%s' and '%s'", agnameof(agtail(e)),
                           agnameof(aghead(e)));
            for (size_t k = 0; k < 4 && !what.failed; k++)
                check_label(f, attr(e, edge_labels[k]), NULL, what.data);
            if (what.failed)
                f->rc = PN_ENOMEM;
        }
    }
    pn__buf_free(&what);
    const char *root = attr(g, "label");
    if (f->rc == 0)
        check_clusters(f, g, root);
    check_label(f, root, NULL, "the legend or title");
}

int pn__fonts_check(const pn__scene *s, Agraph_t *g, const char *format)
{
    if (!pn__fonts_drawn(format))
        return 0;
    FcConfig *config = FcConfigReference(NULL);
    if (!config) /* fontconfig could not start: Graphviz draws no text either */
        return 0;
    const char *family = attr(g, "fontname");
    fonts f = {s,
               format,
               pango_coverage(config, family && *family ? family : "Times-Roman"),
               FcCharSetCreate(),
               FcCharSetCreate(),
               0};
    if (!f.coverage || !f.seen || !f.missing)
        f.rc = PN_ENOMEM;
    else
        check_graph(&f, g);
    if (f.coverage)
        FcCharSetDestroy(f.coverage);
    if (f.seen)
        FcCharSetDestroy(f.seen);
    if (f.missing)
        FcCharSetDestroy(f.missing);
    FcConfigDestroy(config);
    return f.rc;
}
