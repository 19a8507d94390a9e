#include "small_dataset.h"
#include "testutil.h"

/* Select with a view; return the kept ties and actors as strings of 0/1. */
static void sel(const pn_dataset *ds, const pn_view *v, char ties[6], char actors[6])
{
    bool tm[5], am[5];
    ck_assert_int_eq(pn_view_select(ds, v, tm, am, NULL), 0);
    for (int i = 0; i < 5; i++) {
        ties[i] = tm[i] ? '1' : '0';
        actors[i] = am[i] ? '1' : '0';
    }
    ties[5] = actors[5] = '\0';
}

START_TEST(time_views)
{
    /* Tie 0: loi 2015 (an event: 2015 only). 1: mou 2016 (standing, open).
     * 2: programme 2017-2018, failed (never in force). 3: adoption 2019 (an
     * event: 2019 only). 4: no date (undated). */
    pn_dataset *ds = tu_load_text(small_dataset);
    char t[6], a[6];
    pn_view v = PN_VIEW_INIT;
    sel(ds, &v, t, a);
    ck_assert_str_eq(t, "11111");
    ck_assert_str_eq(a, "11111");
    ck_assert_uint_eq(pn_view_undated_dropped(ds, &v), 0); /* not a view by time */
    v.at = 2015;
    sel(ds, &v, t, a);
    ck_assert_str_eq(t, "10000");
    v.at = 2016; /* the loi was an event of 2015; the mou stands from 2016 */
    sel(ds, &v, t, a);
    ck_assert_str_eq(t, "01000");
    ck_assert_uint_eq(pn_view_undated_dropped(ds, &v), 1);
    v.at = 2018; /* the failed programme never came into effect */
    sel(ds, &v, t, a);
    ck_assert_str_eq(t, "01000");
    v.at = 2019;
    sel(ds, &v, t, a);
    ck_assert_str_eq(t, "01010");
    v.at = 2020; /* the adoption was an event of 2019 */
    sel(ds, &v, t, a);
    ck_assert_str_eq(t, "01000");
    v.keep_undated = true; /* the undated tie is kept, and no longer counted as dropped */
    sel(ds, &v, t, a);
    ck_assert_str_eq(t, "01001");
    ck_assert_uint_eq(pn_view_undated_dropped(ds, &v), 0);
    v.keep_undated = false;
    v.at = 0;
    v.from_year = 2015;
    v.to_year = 2015;
    sel(ds, &v, t, a);
    ck_assert_str_eq(t, "10000");
    v.from_year = 2018;
    v.to_year = 2019;
    sel(ds, &v, t, a);
    ck_assert_str_eq(t, "01010");
    v.from_year = 2010;
    v.to_year = 2014;
    v.drop_isolates = true;
    sel(ds, &v, t, a);
    ck_assert_str_eq(t, "00000");
    ck_assert_str_eq(a, "00000");
    pn_dataset_free(ds);
}
END_TEST

START_TEST(tie_spans)
{
    pn_tie t = {0};
    t.status = PN_STATUS_NONE;
    t.instrument = PN_INSTRUMENT_NONE;
    int s, e;
    ck_assert_int_eq(pn_tie_span(&t, &s, &e), 0); /* undated */
    t.since.year = 2016;
    t.instrument = PN_INSTRUMENT_MOU;
    t.status = PN_STATUS_ACTIVE;
    ck_assert_int_eq(pn_tie_span(&t, &s, &e), 1);
    ck_assert_int_eq(s, 2016);
    ck_assert_int_eq(e, 0);     /* open */
    t.status = PN_STATUS_ENDED; /* ended, at a time not given */
    ck_assert_int_eq(pn_tie_span(&t, &s, &e), 1);
    ck_assert_int_eq(e, 2016);
    t.until.year = 2019;
    ck_assert_int_eq(pn_tie_span(&t, &s, &e), 1);
    ck_assert_int_eq(e, 2019);
    t.status = PN_STATUS_STALLED; /* stalled stays in force until its until */
    ck_assert(pn_tie_in_force(&t, 2019));
    ck_assert(!pn_tie_in_force(&t, 2020));
    t.status = PN_STATUS_PLANNED;
    ck_assert_int_eq(pn_tie_span(&t, &s, &e), -1);
    ck_assert(!pn_tie_in_force(&t, 2017));
    t.status = PN_STATUS_NONE;
    t.until.year = 0;
    t.instrument = PN_INSTRUMENT_WITNESS; /* an event */
    ck_assert(pn_tie_in_force(&t, 2016));
    ck_assert(!pn_tie_in_force(&t, 2017));
    t.until.year = 2017; /* an event over two years when both are given */
    ck_assert(pn_tie_in_force(&t, 2017));
    t.until.year = 0;
    t.instrument = PN_INSTRUMENT_PROGRAMME;
    t.status = PN_STATUS_IMPLEMENTED; /* it took place in 2016 */
    ck_assert(pn_tie_in_force(&t, 2016));
    ck_assert(!pn_tie_in_force(&t, 2017));
    t.instrument = PN_INSTRUMENT_NONE;
    t.status = PN_STATUS_NONE; /* a standing relation by default */
    ck_assert(pn_tie_in_force(&t, 2030));
    ck_assert(pn_instrument_is_event(PN_INSTRUMENT_VISIT));
    ck_assert(!pn_instrument_is_event(PN_INSTRUMENT_SISTER_CITY));
}
END_TEST

START_TEST(field_views)
{
    pn_dataset *ds = tu_load_text(small_dataset);
    char t[6], a[6];
    pn_view v = PN_VIEW_INIT;
    v.types = PN_BIT(PN_TYPE_HORIZONTAL);
    v.drop_isolates = true;
    sel(ds, &v, t, a);
    ck_assert_str_eq(t, "00010");
    ck_assert_str_eq(a, "10100");
    v = (pn_view)PN_VIEW_INIT;
    v.statuses = PN_BIT(PN_STATUS_FAILED);
    sel(ds, &v, t, a);
    ck_assert_str_eq(t, "00100");
    v.status_none = true;
    sel(ds, &v, t, a);
    ck_assert_str_eq(t, "11111");
    v.statuses = 0; /* none alone: only the ties that give no status */
    sel(ds, &v, t, a);
    ck_assert_str_eq(t, "11011");
    v = (pn_view)PN_VIEW_INIT;
    v.instruments = PN_BIT(PN_INSTRUMENT_LOI) | PN_BIT(PN_INSTRUMENT_MOU);
    sel(ds, &v, t, a);
    ck_assert_str_eq(t, "11000");
    v = (pn_view)PN_VIEW_INIT;
    const char *sectors[] = {"youth"};
    v.sectors = sectors;
    v.n_sectors = 1;
    sel(ds, &v, t, a);
    ck_assert_str_eq(t, "00100");
    v = (pn_view)PN_VIEW_INIT;
    v.kinds = PN_BIT(PN_KIND_CITY);
    sel(ds, &v, t, a);
    ck_assert_str_eq(a, "11100");
    ck_assert_str_eq(t, "11110");
    v = (pn_view)PN_VIEW_INIT;
    const char *countries[] = {"KR"};
    v.countries = countries;
    v.n_countries = 1;
    sel(ds, &v, t, a);
    ck_assert_str_eq(a, "01000");
    ck_assert_str_eq(t, "00000");
    pn_dataset_free(ds);
}
END_TEST

START_TEST(ego_views)
{
    pn_dataset *ds = tu_load_text(small_dataset);
    char t[6], a[6];
    pn_view v = PN_VIEW_INIT;
    v.ego = "b";
    sel(ds, &v, t, a);
    ck_assert_str_eq(a, "11000");
    ck_assert_str_eq(t, "11100");
    v.radius = 2;
    sel(ds, &v, t, a);
    ck_assert_str_eq(a, "11110");
    ck_assert_str_eq(t, "11111");
    /* The ego stays even when a filter leaves it no tie. */
    v.radius = 1;
    v.types = PN_BIT(PN_TYPE_B2B);
    v.drop_isolates = true;
    sel(ds, &v, t, a);
    ck_assert_str_eq(a, "01000");
    ck_assert_str_eq(t, "00000");
    v.ego = "nobody";
    bool tm[5], am[5];
    pn_diags *d = NULL;
    ck_assert_int_eq(pn_diags_new(&d), 0);
    ck_assert_int_eq(pn_view_select(ds, &v, tm, am, d), PN_ENOTFOUND);
    ck_assert_uint_eq(pn_diags_errors(d), 1);
    pn_diags_free(d);
    pn_dataset_free(ds);
}
END_TEST

START_TEST(describe)
{
    pn_view v = PN_VIEW_INIT;
    char buf[256];
    pn_view_describe(&v, buf, sizeof(buf));
    ck_assert_str_eq(buf, "all ties undirected");
    v.types = PN_BIT(PN_TYPE_G2G) | PN_BIT(PN_TYPE_HORIZONTAL);
    v.at = 2016;
    v.directed = true;
    v.weight = PN_WEIGHT_COUNT;
    pn_view_describe(&v, buf, sizeof(buf));
    ck_assert_str_eq(buf, "types=g2g,horizontal at=2016 directed weight=count");
}
END_TEST

START_TEST(view_graph)
{
    pn_dataset *ds = tu_load_text(small_dataset);
    pn_view v = PN_VIEW_INIT;
    v.at = 2016;
    v.drop_isolates = true;
    pn_graph *g = NULL;
    ck_assert_int_eq(pn_view_graph(&g, ds, &v, NULL), 0);
    ck_assert_uint_eq(pn_graph_vertex_count(g), 2);
    ck_assert_uint_eq(pn_graph_edge_count(g), 1);
    pn_graph_free(g);
    pn_dataset_free(ds);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("view");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, time_views);
    tcase_add_test(tc, tie_spans);
    tcase_add_test(tc, field_views);
    tcase_add_test(tc, ego_views);
    tcase_add_test(tc, describe);
    tcase_add_test(tc, view_graph);
    suite_add_tcase(s, tc);
    return tu_run(s);
}
