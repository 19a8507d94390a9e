/* Characters no installed font has (libgraph/src/draw/fonts.c), through
 * pn_diagram_render's diagnostics. Run with FONTCONFIG_FILE naming a
 * configuration of DejaVu alone (tests/CMakeLists.txt writes it), so that
 * Hangul and Han have no font and Latin has one. Exit 77 without DejaVu. */
#include <unistd.h>

#include "draw/fonts.h"
#include "testutil.h"

static pn_dataset *names(const char *const *name, size_t n)
{
    pn_dataset *ds = NULL;
    ck_assert_int_eq(pn_dataset_new(&ds), 0);
    for (size_t i = 0; i < n; i++) {
        char id[32];
        snprintf(id, sizeof(id), "a%zu", i);
        pn_actor a = {0};
        a.id = id;
        a.name = name[i];
        a.kind = PN_KIND_CITY;
        memcpy(a.country, "KR", 3);
        ck_assert_int_eq(pn_dataset_add_actor(ds, &a, NULL), 0);
    }
    return ds;
}

/* Render; the missing-glyph warnings into out (one line each: "path|message"). */
static int render(const pn_dataset *ds, const char *title, const char *format, char *out,
                  size_t size)
{
    pn_diagram_options o = PN_DIAGRAM_OPTIONS_INIT;
    o.title = title;
    o.view.drop_isolates = false; /* the actors have no ties */
    pn_diags *d = NULL;
    ck_assert_int_eq(pn_diags_new(&d), 0);
    char *data = NULL;
    size_t len = 0;
    ck_assert_int_eq(pn_diagram_render(ds, &o, format, &data, &len, d), 0);
    ck_assert(len > 0);
    free(data);
    int n = 0;
    out[0] = '\0';
    for (size_t i = 0; i < pn_diags_count(d); i++) {
        const pn_diag *g = pn_diags_get(d, i);
        if (!g->check || strcmp(g->check, "missing-glyph") != 0)
            continue;
        ck_assert_int_eq(g->severity, PN_SEVERITY_WARNING);
        size_t at = strlen(out);
        snprintf(out + at, size - at, "%s|%s\n", g->path ? g->path : "", g->message);
        n++;
    }
    pn_diags_free(d);
    return n;
}

START_TEST(formats_drawn)
{
    static const char *const drawn[] = {"png", "pdf", "ps", "eps", "jpg", "svg:cairo"};
    static const char *const text[] = {"dot",  "gv",      "svg",  "svgz",
                                       "xdot", "xdot1.4", "json", "plain"};
    for (size_t i = 0; i < sizeof(drawn) / sizeof(*drawn); i++)
        ck_assert_msg(pn__fonts_drawn(drawn[i]), "%s", drawn[i]);
    for (size_t i = 0; i < sizeof(text) / sizeof(*text); i++)
        ck_assert_msg(!pn__fonts_drawn(text[i]), "%s", text[i]);
}
END_TEST

START_TEST(names_warned)
{
    static const char *const n[] = {"대전광역시", "東京都", "Timrå", "Seoul 대전 서울"};
    pn_dataset *ds = names(n, 4);
    char w[4096];
    static const char *const drawn[] = {"png", "pdf"};
    for (size_t f = 0; f < 2; f++) {
        ck_assert_int_eq(render(ds, NULL, drawn[f], w, sizeof(w)), 3);
        ck_assert_ptr_nonnull(strstr(w, "actors[0]|actor 'a0' (대전광역시): no installed font has "
                                        "U+B300 대, U+C804 전, U+AD11 광, U+C5ED 역, U+C2DC 시: "));
        ck_assert_ptr_nonnull(strstr(w, "actors[1]|actor 'a1' (東京都): no installed font has "
                                        "U+6771 東, U+4EAC 京, U+90FD 都: "));
        ck_assert_ptr_null(strstr(w, "actors[2]"));
        /* Each character once, in its order, in the label that has it. */
        ck_assert_ptr_nonnull(strstr(w, "actors[3]|actor 'a3' (Seoul 대전 서울): no installed "
                                        "font has U+B300 대, U+C804 전, U+C11C 서, U+C6B8 울: "));
    }
    ck_assert_ptr_nonnull(strstr(w, "the PDF draws them as empty boxes"));
    ck_assert_int_eq(render(ds, NULL, "svg", w, sizeof(w)), 0);
    ck_assert_int_eq(render(ds, NULL, "dot", w, sizeof(w)), 0);
    pn_dataset_free(ds);
}
END_TEST

START_TEST(special_characters)
{
    /* A C1 control is drawn as a box whatever the fonts; a zero-width joiner
     * and an ideographic space need no glyph; an entity in the text is text. */
    static const char *const n[] = {"next\xC2\x85line",
                                    "a\xE2\x80\x8D"
                                    "b",
                                    "a\xE3\x80\x80"
                                    "b",
                                    "&#xB300; &amp;"};
    pn_dataset *ds = names(n, 4);
    char w[4096];
    ck_assert_int_eq(render(ds, "&#x6771;", "png", w, sizeof(w)), 1);
    ck_assert_ptr_nonnull(strstr(w,
                                 "actors[0]|actor 'a0' (next\xEF\xBF\xBDline): no installed font "
                                 "has U+0085 (a control character): the PNG draws it as an "
                                 "empty box"));
    pn_dataset_free(ds);
}
END_TEST

START_TEST(title_and_legend)
{
    static const char *const n[] = {"Timrå"};
    pn_dataset *ds = names(n, 1);
    char w[4096];
    ck_assert_int_eq(render(ds, "東京 Tokyo", "png", w, sizeof(w)), 1);
    ck_assert_ptr_nonnull(
        strstr(w, "|the legend or title: no installed font has U+6771 東, U+4EAC 京: "));
    pn_dataset_free(ds);
}
END_TEST

int main(void)
{
    if (access("/usr/share/fonts/truetype/dejavu", R_OK) != 0) {
        fprintf(stderr, "skip: no DejaVu fonts (fonts-dejavu-core)\n");
        return 77;
    }
    Suite *s = suite_create("fonts");
    TCase *tc = tcase_create("fonts");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, formats_drawn);
    tcase_add_test(tc, names_warned);
    tcase_add_test(tc, special_characters);
    tcase_add_test(tc, title_and_legend);
    suite_add_tcase(s, tc);
    return tu_run(s);
}
