/* pango_unknown FONT TEXT...: for each TEXT, the number of its glyphs that
 * Pango draws as "unknown" boxes (pango_layout_get_unknown_glyphs_count),
 * laid out as Graphviz 2.43's pango plugin lays labels out: a context of a
 * new pangocairo font map, the font description parsed from FONT. One line
 * "COUNT\tTEXT" each. The oracle of tests/cli_fonts.sh for the library's
 * missing-glyph warnings (libgraph/src/draw/fonts.c, which asks fontconfig).
 * Pango is loaded with dlopen, as Graphviz's plugin brings it: the build
 * needs no Pango headers. Exit 77 when Pango is not there. */
#include <dlfcn.h>
#include <stdio.h>

typedef void *(*make_fn)(void);
typedef void *(*make1_fn)(void *);
typedef void *(*parse_fn)(const char *);
typedef void (*set_desc_fn)(void *, const void *);
typedef void (*set_text_fn)(void *, const char *, int);
typedef int (*count_fn)(void *);
typedef void (*free_fn)(void *);

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: pango_unknown FONT TEXT...\n");
        return 2;
    }
    void *pango = dlopen("libpango-1.0.so.0", RTLD_NOW);
    void *cairo = dlopen("libpangocairo-1.0.so.0", RTLD_NOW);
    void *gobject = dlopen("libgobject-2.0.so.0", RTLD_NOW);
    if (!pango || !cairo || !gobject) {
        fprintf(stderr, "pango_unknown: no Pango here (%s)\n", dlerror());
        return 77;
    }
    /* POSIX dlsym returns function pointers as void *. */
    make_fn font_map_new = (make_fn)dlsym(cairo, "pango_cairo_font_map_new");
    make1_fn context_new = (make1_fn)dlsym(pango, "pango_font_map_create_context");
    make1_fn layout_new = (make1_fn)dlsym(pango, "pango_layout_new");
    parse_fn parse = (parse_fn)dlsym(pango, "pango_font_description_from_string");
    set_desc_fn set_desc = (set_desc_fn)dlsym(pango, "pango_layout_set_font_description");
    set_text_fn set_text = (set_text_fn)dlsym(pango, "pango_layout_set_text");
    count_fn unknown = (count_fn)dlsym(pango, "pango_layout_get_unknown_glyphs_count");
    free_fn desc_free = (free_fn)dlsym(pango, "pango_font_description_free");
    free_fn unref = (free_fn)dlsym(gobject, "g_object_unref");
    if (!font_map_new || !context_new || !layout_new || !parse || !set_desc || !set_text ||
        !unknown || !desc_free || !unref) {
        fprintf(stderr, "pango_unknown: Pango lacks a function used here\n");
        return 77;
    }
    void *map = font_map_new();
    void *context = context_new(map);
    void *layout = layout_new(context);
    void *desc = parse(argv[1]);
    set_desc(layout, desc);
    for (int i = 2; i < argc; i++) {
        set_text(layout, argv[i], -1);
        printf("%d\t%s\n", unknown(layout), argv[i]);
    }
    desc_free(desc);
    unref(layout);
    unref(context);
    unref(map);
    return 0;
}
