/* The chart API (paranet/chart.h) and the timeline counts (paranet/timeline.h):
 * bad input is an error with a message, never a crash; output is the same
 * bytes twice in one process; a PNG's size follows the geometry. */
#include "testutil.h"

static const double in_force_a[] = {1, 2, 3, 3}, in_force_b[] = {0, 1, 0, 2};

static int stacked(const pn_chart_options *o, const pn_chart_series *s, size_t ns, size_t years,
                   const char *format, char **out, size_t *len, pn_diags *d)
{
    return pn_chart_stacked(o, 2000, years, s, ns, format, out, len, d);
}

static bool has_message(const pn_diags *d, const char *text)
{
    for (size_t i = 0; i < pn_diags_count(d); i++)
        if (strstr(pn_diags_get(d, i)->message, text))
            return true;
    return false;
}

START_TEST(stacked_bad_input)
{
    pn_diags *d = NULL;
    ck_assert_int_eq(pn_diags_new(&d), 0);
    char *out = (char *)1;
    size_t len = 7;
    pn_chart_series s[2] = {{"a", in_force_a}, {"b", in_force_b}};
    ck_assert_int_eq(stacked(NULL, s, 0, 4, "svg", &out, &len, d), PN_EINVAL);
    ck_assert_ptr_null(out);
    ck_assert_uint_eq(len, 0);
    ck_assert(has_message(d, "at least one series"));
    ck_assert_int_eq(stacked(NULL, NULL, 2, 4, "svg", &out, &len, d), PN_EINVAL);
    ck_assert_int_eq(stacked(NULL, s, 2, 0, "svg", &out, &len, d), PN_EINVAL);
    ck_assert(has_message(d, "at least one year"));
    ck_assert_int_eq(stacked(NULL, s, 2, 4, "gif", &out, &len, d), PN_EINVAL);
    ck_assert(has_message(d, "unknown chart format 'gif'"));
    ck_assert_int_eq(stacked(NULL, s, 2, 4, NULL, &out, &len, d), PN_EINVAL);
    double bad[] = {1, NAN, 2, 3}, neg[] = {1, -1, 2, 3};
    pn_chart_series b[2] = {{"a", bad}, {NULL, in_force_b}};
    ck_assert_int_eq(stacked(NULL, b, 1, 4, "svg", &out, &len, d), PN_EINVAL);
    ck_assert(has_message(d, "negative or not finite"));
    b[0].values = neg;
    ck_assert_int_eq(stacked(NULL, b, 1, 4, "png", &out, &len, d), PN_EINVAL);
    ck_assert_int_eq(stacked(NULL, s + 1, 1, 4, "svg", NULL, &len, d), PN_EINVAL);
    b[0].values = in_force_a;
    ck_assert_int_eq(stacked(NULL, b, 2, 4, "svg", &out, &len, d), PN_EINVAL); /* NULL label */
    ck_assert_int_eq(pn_chart_stacked(NULL, 0, 4, s, 2, "svg", &out, &len, d), PN_EINVAL);
    pn_chart_options o = PN_CHART_OPTIONS_INIT;
    o.geometry.width = 5; /* under 1 cm */
    ck_assert_int_eq(stacked(&o, s, 2, 4, "svg", &out, &len, d), PN_EINVAL);
    o.geometry.width = 0;
    o.geometry.font_size = 100;
    ck_assert_int_eq(stacked(&o, s, 2, 4, "svg", &out, &len, d), PN_EINVAL);
    o.geometry.font_size = 72;
    o.geometry.width = 30; /* 1 cm wide at 72 pt text: no room */
    ck_assert_int_eq(stacked(&o, s, 2, 4, "svg", &out, &len, d), PN_EINVAL);
    ck_assert(has_message(d, "too small"));
    o = (pn_chart_options)PN_CHART_OPTIONS_INIT;
    o.theme = (pn_diagram_theme)7;
    ck_assert_int_eq(stacked(&o, s, 2, 4, "svg", &out, &len, d), PN_EINVAL);
    ck_assert_ptr_null(out);
    pn_diags_free(d);
}
END_TEST

START_TEST(ladder_and_heatmap_bad_input)
{
    pn_diags *d = NULL;
    ck_assert_int_eq(pn_diags_new(&d), 0);
    char *out = NULL;
    size_t len = 0;
    const char *rows[] = {"Tangsel", "Daejeon"};
    pn_chart_mark m[] = {{0, 2014, 0, "visit", PN_CHART_MARK_FILLED},
                         {1, 2016, -1, "mou", PN_CHART_MARK_FILLED}};
    ck_assert_int_eq(pn_chart_ladder(NULL, rows, 0, m, 2, 2014, 2017, "svg", &out, &len, d),
                     PN_EINVAL);
    ck_assert(has_message(d, "at least one row"));
    ck_assert_int_eq(pn_chart_ladder(NULL, rows, 2, m, 2, 2017, 2014, "svg", &out, &len, d),
                     PN_EINVAL);
    ck_assert_int_eq(pn_chart_ladder(NULL, rows, 1, m, 2, 2014, 2017, "svg", &out, &len, d),
                     PN_EINVAL); /* mark 1 in row 1 of 1 */
    ck_assert(has_message(d, "mark 1 is outside"));
    ck_assert_int_eq(pn_chart_ladder(NULL, rows, 2, m, 2, 2015, 2017, "svg", &out, &len, d),
                     PN_EINVAL); /* 2014 before the years */
    ck_assert_int_eq(pn_chart_ladder(NULL, rows, 2, NULL, 2, 2014, 2017, "svg", &out, &len, d),
                     PN_EINVAL);
    /* rows without marks are drawn (empty rows) */
    ck_assert_int_eq(pn_chart_ladder(NULL, rows, 2, NULL, 0, 2014, 2017, "svg", &out, &len, d), 0);
    free(out);
    const char *labels[] = {"DE", "FR"};
    double cells[] = {0, 3, 3, 1}, inf[] = {0, INFINITY, 1, 1};
    ck_assert_int_eq(pn_chart_heatmap(NULL, labels, 0, labels, 2, cells, 0, "svg", &out, &len, d),
                     PN_EINVAL);
    ck_assert_int_eq(pn_chart_heatmap(NULL, labels, 2, labels, 0, cells, 0, "svg", &out, &len, d),
                     PN_EINVAL);
    ck_assert_int_eq(pn_chart_heatmap(NULL, labels, 2, labels, 2, NULL, 0, "svg", &out, &len, d),
                     PN_EINVAL);
    ck_assert_int_eq(pn_chart_heatmap(NULL, labels, 2, labels, 2, inf, 0, "svg", &out, &len, d),
                     PN_EINVAL);
    ck_assert(has_message(d, "infinite"));
    ck_assert_int_eq(pn_chart_heatmap(NULL, labels, 2, labels, 2, cells, 9, "svg", &out, &len, d),
                     PN_EINVAL);
    ck_assert_ptr_null(out);
    pn_diags_free(d);
}
END_TEST

/* Every chart in every format: its magic bytes, and the same bytes twice. */
START_TEST(formats_and_determinism)
{
    static const char *const formats[] = {"svg", "pdf", "png", "eps", "ps"};
    static const char *const magic[] = {"<?xml", "%PDF-", "\x89PNG", "%!PS-Adobe-3.0 EPSF",
                                        "%!PS-Adobe-3.0\n"};
    pn_chart_series s[2] = {{"g2g", in_force_a}, {"academic", in_force_b}};
    const char *rows[] = {"Daejeon Metropolitan City", "Kementerian Riset, Teknologi, dan "
                                                       "Pendidikan Tinggi"};
    pn_chart_mark m[] = {{0, 2014, 0, "visit", PN_CHART_MARK_FILLED},
                         {0, 2015, 0, "loi", PN_CHART_MARK_FILLED},
                         {0, 2016, -1, "mou", PN_CHART_MARK_FILLED},
                         {0, 2016, -1, "agreement", PN_CHART_MARK_FILLED},
                         {1, 2016, 2018, "witness", PN_CHART_MARK_FILLED},
                         {1, 2018, 0, NULL, PN_CHART_MARK_END},
                         {1, 2017, 0, "mou (planned)", PN_CHART_MARK_HOLLOW}};
    const char *labels[] = {"Germany", "France", "United Kingdom"};
    double cells[] = {0, 3, 1, 3, 1, NAN, 1, 0, 12};
    pn_chart_options o = PN_CHART_OPTIONS_INIT;
    o.title = "A title";
    o.note = "A note";
    /* under valgrind, where a chart takes a second: one theme, svg and pdf */
    bool quick = getenv("PN_UNDER_VALGRIND") != NULL;
    for (int theme = 0; theme < (quick ? 1 : 2); theme++) {
        o.theme = (pn_diagram_theme)theme;
        for (size_t f = 0; f < (quick ? 2 : 5); f++) {
            for (int chart = 0; chart < 3; chart++) {
                char *out[2] = {NULL, NULL};
                size_t len[2] = {0, 0};
                for (int k = 0; k < 2; k++) {
                    int rc = chart == 0   ? pn_chart_stacked(&o, 2000, 4, s, 2, formats[f], &out[k],
                                                             &len[k], NULL)
                             : chart == 1 ? pn_chart_ladder(&o, rows, 2, m, 7, 2014, 2019,
                                                            formats[f], &out[k], &len[k], NULL)
                                          : pn_chart_heatmap(&o, labels, 3, labels, 3, cells, 0,
                                                             formats[f], &out[k], &len[k], NULL);
                    ck_assert_int_eq(rc, 0);
                    ck_assert_ptr_nonnull(out[k]);
                    ck_assert_uint_gt(len[k], 100);
                    ck_assert_int_eq(memcmp(out[k], magic[f], strlen(magic[f])), 0);
                }
                ck_assert_uint_eq(len[0], len[1]);
                ck_assert_int_eq(memcmp(out[0], out[1], len[0]), 0);
                free(out[0]);
                free(out[1]);
            }
        }
    }
}
END_TEST

static unsigned be32(const char *p)
{
    const unsigned char *u = (const unsigned char *)p;
    return (unsigned)u[0] << 24 | (unsigned)u[1] << 16 | (unsigned)u[2] << 8 | u[3];
}

START_TEST(png_size)
{
    pn_chart_series s[1] = {{"all", in_force_a}};
    pn_chart_options o = PN_CHART_OPTIONS_INIT;
    ck_assert_int_eq(pn_diagram_length_parse("12cm", &o.geometry.width), 0);
    ck_assert_int_eq(pn_diagram_length_parse("6cm", &o.geometry.height), 0);
    o.geometry.dpi = 254; /* 100 px per cm */
    char *out = NULL;
    size_t len = 0;
    ck_assert_int_eq(pn_chart_stacked(&o, 2000, 4, s, 1, "png", &out, &len, NULL), 0);
    ck_assert_uint_eq(be32(out + 16), 1200);
    ck_assert_uint_eq(be32(out + 20), 600);
    free(out);
    /* the top N: one series kept, the other merged; still draws */
    pn_chart_series two[2] = {{"a", in_force_a}, {"b", in_force_b}};
    o.top = 1;
    ck_assert_int_eq(pn_chart_stacked(&o, 2000, 4, two, 2, "svg", &out, &len, NULL), 0);
    free(out);
}
END_TEST

/* The timeline library on the hand-counted dataset of tests/cli_timeline.sh. */
START_TEST(timeline_counts)
{
    char path[1024];
    snprintf(path, sizeof(path), "%s/timeline.json", PN_TEST_DATA);
    pn_dataset *ds = NULL;
    ck_assert_int_eq(pn_dataset_load_file(&ds, path, NULL, NULL), 0);
    pn_timeline *tl = NULL;
    pn_timeline_options o = PN_TIMELINE_OPTIONS_INIT;
    o.by = PN_TIMELINE_TYPE;
    ck_assert_int_eq(pn_timeline_new(&tl, ds, &o, NULL), 0);
    ck_assert_int_eq(pn_timeline_first_year(tl), 2000);
    ck_assert_int_eq(pn_timeline_last_year(tl), 2003);
    ck_assert_uint_eq(pn_timeline_group_count(tl), 3);
    ck_assert_str_eq(pn_timeline_group_name(tl, 0), "g2g");
    ck_assert_str_eq(pn_timeline_group_name(tl, 2), "academic");
    ck_assert_ptr_null(pn_timeline_group_name(tl, 3));
    pn_timeline_count c = pn_timeline_count_at(tl, 0, 2002);
    ck_assert_uint_eq(c.started, 1);
    ck_assert_uint_eq(c.ended, 1);
    ck_assert_uint_eq(c.in_force, 3);
    c = pn_timeline_count_at(tl, 0, 1999);
    ck_assert_uint_eq(c.in_force, 0);
    ck_assert_uint_eq(pn_timeline_undated(tl, 0), 1);
    ck_assert_uint_eq(pn_timeline_never(tl, 2), 1);
    ck_assert_uint_eq(pn_timeline_ties(tl, 0), 4);
    pn_timeline_free(tl);
    o.view.from_year = 2003;
    o.view.to_year = 2001;
    ck_assert_int_eq(pn_timeline_new(&tl, ds, &o, NULL), PN_EINVAL);
    ck_assert_ptr_null(tl);
    o = (pn_timeline_options)PN_TIMELINE_OPTIONS_INIT;
    o.by = PN_TIMELINE_COUNTRY;
    o.home = "Germany";
    ck_assert_int_eq(pn_timeline_new(&tl, ds, &o, NULL), PN_EINVAL);
    o.by = (pn_timeline_by)9;
    ck_assert_int_eq(pn_timeline_new(&tl, ds, &o, NULL), PN_EINVAL);
    pn_timeline_free(NULL);
    pn_timeline_event *ev = NULL;
    size_t n = 0, a = 0;
    ck_assert_int_eq(pn_dataset_find_actor(ds, "a", &a), 0);
    ck_assert_int_eq(pn_timeline_actor(&ev, &n, ds, NULL, a, NULL), 0);
    ck_assert_uint_eq(n, 6);
    ck_assert_int_eq(ev[0].year, 2000);
    ck_assert_int_eq(ev[3].mark, PN_MARK_END);
    ck_assert_int_eq(ev[5].year, 0);
    ck_assert_str_eq(pn_timeline_mark_name(ev[5].mark), "undated");
    free(ev);
    ck_assert_int_eq(pn_timeline_actor(&ev, &n, ds, NULL, 99, NULL), PN_EINVAL);
    ck_assert_ptr_null(pn_timeline_mark_name(PN_MARK_COUNT));
    pn_dataset_free(ds);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("chart");
    TCase *tc = tcase_create("chart");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, stacked_bad_input);
    tcase_add_test(tc, ladder_and_heatmap_bad_input);
    tcase_add_test(tc, formats_and_determinism);
    tcase_add_test(tc, png_size);
    tcase_add_test(tc, timeline_counts);
    suite_add_tcase(s, tc);
    return tu_run(s);
}
