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

/* Six actors, the first one ("e") without ties, so that a view that drops it
 * moves every other actor down one index; unknown fields on every kind of
 * record. */
static const char subset_dataset[] =
    "{\"paranet\": 1, \"title\": \"T\", \"description\": \"D\", \"project\": \"p\","
    " \"sources\": [{\"id\": \"s1\", \"cite\": \"S1\", \"lang\": \"id\"},"
    "  {\"id\": \"s2\", \"cite\": \"S2\"}, {\"id\": \"s3\", \"cite\": \"S3\", \"lang\": \"ko\"}],"
    " \"actors\": ["
    "  {\"id\": \"e\", \"name\": \"E\", \"kind\": \"university\", \"country\": \"ID\"},"
    "  {\"id\": \"a\", \"name\": \"A\", \"kind\": \"city\", \"country\": \"ID\", \"pop\": 5},"
    "  {\"id\": \"b\", \"name\": \"B\", \"kind\": \"city\", \"country\": \"KR\"},"
    "  {\"id\": \"c\", \"name\": \"C\", \"kind\": \"city\", \"country\": \"ID\"},"
    "  {\"id\": \"d\", \"name\": \"D\", \"kind\": \"firm\", \"country\": \"ID\", \"x\": [1]}],"
    " \"ties\": ["
    "  {\"id\": \"t1\", \"from\": \"a\", \"to\": \"b\", \"type\": \"g2g\", \"since\": 2015,"
    "   \"sources\": [\"s1\"], \"evidence\": \"letter\"},"
    "  {\"id\": \"t2\", \"from\": \"b\", \"to\": \"c\", \"type\": \"g2g\", \"since\": 2017,"
    "   \"sources\": [\"s1\"]},"
    "  {\"id\": \"t3\", \"from\": \"c\", \"to\": \"d\", \"type\": \"g2b\", \"since\": 2016,"
    "   \"sources\": [{\"ref\": \"s3\", \"page\": \"4\"}], \"evidence\": \"mou\"},"
    "  {\"id\": \"t4\", \"from\": \"d\", \"to\": \"a\", \"type\": \"g2b\", \"since\": 2016,"
    "   \"until\": 2016, \"sources\": [\"s2\"]},"
    "  {\"id\": \"t5\", \"from\": \"a\", \"to\": \"c\", \"type\": \"horizontal\","
    "   \"sources\": [\"s2\"]}]}";

static const char *tie_end(const pn_dataset *ds, size_t tie, bool to)
{
    const pn_tie *t = pn_dataset_tie(ds, tie);
    return pn_dataset_actor(ds, to ? t->to : t->from)->id;
}

static void str_eq_or_null(const char *a, const char *b)
{
    if (!a || !b)
        ck_assert_ptr_eq(a, b);
    else
        ck_assert_str_eq(a, b);
}

/* sub holds exactly the actors and ties named (ids, in order), each with
 * the same ends, citations and unknown fields as in ds, and every source
 * of ds; it validates, and saves to JSON that loads back. */
static void check_subset(const pn_dataset *ds, const pn_dataset *sub, const char *actors,
                         const char *ties)
{
    char got[64] = "";
    for (size_t i = 0; i < pn_dataset_actor_count(sub); i++) {
        const pn_actor *a = pn_dataset_actor(sub, i);
        size_t at;
        strcat(got, a->id);
        ck_assert_int_eq(pn_dataset_find_actor(ds, a->id, &at), 0);
        str_eq_or_null(pn_dataset_extra(sub, "actor", i), pn_dataset_extra(ds, "actor", at));
        ck_assert_str_eq(a->name, pn_dataset_actor(ds, at)->name);
    }
    ck_assert_str_eq(got, actors);
    got[0] = '\0';
    for (size_t i = 0; i < pn_dataset_tie_count(sub); i++) {
        const pn_tie *t = pn_dataset_tie(sub, i);
        size_t at;
        strcat(got, t->id);
        ck_assert_int_eq(pn_dataset_find_tie(ds, t->id, &at), 0);
        const pn_tie *o = pn_dataset_tie(ds, at);
        ck_assert_str_eq(tie_end(sub, i, false), tie_end(ds, at, false));
        ck_assert_str_eq(tie_end(sub, i, true), tie_end(ds, at, true));
        ck_assert_uint_eq(t->n_sources, o->n_sources);
        for (size_t k = 0; k < t->n_sources; k++) {
            ck_assert_str_eq(pn_dataset_source(sub, t->sources[k].source)->id,
                             pn_dataset_source(ds, o->sources[k].source)->id);
            str_eq_or_null(t->sources[k].page, o->sources[k].page);
        }
        str_eq_or_null(pn_dataset_extra(sub, "tie", i), pn_dataset_extra(ds, "tie", at));
    }
    ck_assert_str_eq(got, ties);
    ck_assert_uint_eq(pn_dataset_source_count(sub), pn_dataset_source_count(ds));
    for (size_t i = 0; i < pn_dataset_source_count(ds); i++) {
        ck_assert_str_eq(pn_dataset_source(sub, i)->id, pn_dataset_source(ds, i)->id);
        str_eq_or_null(pn_dataset_extra(sub, "source", i), pn_dataset_extra(ds, "source", i));
    }
    ck_assert_str_eq(pn_dataset_title(sub), pn_dataset_title(ds));
    ck_assert_str_eq(pn_dataset_description(sub), pn_dataset_description(ds));
    str_eq_or_null(pn_dataset_extra(sub, "dataset", 0), pn_dataset_extra(ds, "dataset", 0));
    pn_diags *d = NULL;
    ck_assert_int_eq(pn_diags_new(&d), 0);
    ck_assert_int_eq(pn_dataset_validate(sub, NULL, d), 0);
    ck_assert_uint_eq(pn_diags_errors(d), 0);
    pn_diags_free(d);
    char *text = NULL;
    size_t len = 0;
    ck_assert_int_eq(pn_dataset_save_buffer(sub, &text, &len), 0);
    pn_dataset *back = tu_load_text(text);
    ck_assert_uint_eq(pn_dataset_actor_count(back), pn_dataset_actor_count(sub));
    ck_assert_uint_eq(pn_dataset_tie_count(back), pn_dataset_tie_count(sub));
    pn_dataset_free(back);
    free(text);
}

START_TEST(subset)
{
    pn_dataset *ds = tu_load_text(subset_dataset);
    ck_assert_ptr_nonnull(pn_dataset_extra(ds, "dataset", 0));
    ck_assert_ptr_nonnull(pn_dataset_extra(ds, "actor", 1));
    ck_assert_ptr_nonnull(pn_dataset_extra(ds, "tie", 0));
    ck_assert_ptr_nonnull(pn_dataset_extra(ds, "source", 2));
    pn_dataset *sub = NULL;
    pn_view v = PN_VIEW_INIT;
    /* Everything: the same records. */
    ck_assert_int_eq(pn_view_subset(&sub, ds, &v, NULL), 0);
    check_subset(ds, sub, "eabcd", "t1t2t3t4t5");
    pn_dataset_free(sub);
    /* In force in 2016, isolates dropped: e goes, the others move down. */
    v.at = 2016;
    v.drop_isolates = true;
    ck_assert_int_eq(pn_view_subset(&sub, ds, &v, NULL), 0);
    check_subset(ds, sub, "abcd", "t1t3t4");
    ck_assert_uint_eq(pn_dataset_tie(sub, 0)->from, 0); /* a: actors[1] in ds */
    pn_dataset_free(sub);
    /* g2b in 2016: c, d and a with t3 and t4. */
    v.types = PN_BIT(PN_TYPE_G2B);
    ck_assert_int_eq(pn_view_subset(&sub, ds, &v, NULL), 0);
    check_subset(ds, sub, "acd", "t3t4");
    pn_dataset_free(sub);
    /* An ego view: c and its neighbours, and only the ties among them. */
    v = (pn_view)PN_VIEW_INIT;
    v.ego = "c";
    ck_assert_int_eq(pn_view_subset(&sub, ds, &v, NULL), 0);
    check_subset(ds, sub, "abcd", "t1t2t3t4t5");
    pn_dataset_free(sub);
    v.types = PN_BIT(PN_TYPE_G2G);
    v.drop_isolates = true;
    ck_assert_int_eq(pn_view_subset(&sub, ds, &v, NULL), 0);
    check_subset(ds, sub, "bc", "t2");
    pn_dataset_free(sub);
    /* No tie in force: no actor, no tie, and still every source. */
    v = (pn_view)PN_VIEW_INIT;
    v.at = 1990;
    v.drop_isolates = true;
    ck_assert_int_eq(pn_view_subset(&sub, ds, &v, NULL), 0);
    check_subset(ds, sub, "", "");
    pn_dataset_free(sub);
    /* An unknown ego: PN_ENOTFOUND, nothing allocated. */
    v = (pn_view)PN_VIEW_INIT;
    v.ego = "nobody";
    sub = (pn_dataset *)1;
    ck_assert_int_eq(pn_view_subset(&sub, ds, &v, NULL), PN_ENOTFOUND);
    ck_assert_ptr_null(sub);
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
    tcase_add_test(tc, subset);
    suite_add_tcase(s, tc);
    return tu_run(s);
}
