/* Partners and the formalisation ladder: the studies' datasets and small
 * hand-made cases. */
#include "graphs.h"

static const pn_partner *find(const pn_partners *p, const pn_dataset *ds, const char *id)
{
    for (size_t i = 0; i < pn_partners_count(p); i++) {
        const pn_partner *q = pn_partners_get(p, i);
        if (strcmp(pn_dataset_actor(ds, q->actor)->id, id) == 0)
            return q;
    }
    ck_abort_msg("no partner %s", id);
    return NULL;
}

static const char *tie_id(const pn_dataset *ds, size_t t)
{
    ck_assert_uint_ne(t, SIZE_MAX);
    return pn_dataset_tie(ds, t)->id;
}

static pn_partners *partners_of(const pn_dataset *ds, pn_graph **g, bool directed, const char *id)
{
    size_t a;
    ck_assert_int_eq(pn_dataset_find_actor(ds, id, &a), 0);
    *g = tg_graph(ds, directed, PN_WEIGHT_NONE);
    pn_partners *p = NULL;
    ck_assert_int_eq(pn_partners_new(&p, *g, a, NULL), 0);
    return p;
}

START_TEST(tangsel_daejeon)
{
    pn_dataset *ds = tu_load_file(PN_DATASETS "/tangsel.json");
    for (int directed = 0; directed < 2; directed++) {
        pn_graph *g;
        pn_partners *p = partners_of(ds, &g, directed, "tangsel");
        const pn_partner *d = find(p, ds, "daejeon");
        /* datasets/README.md: visits 2014, LoI 2015, MoU friendship 2016
         * (active); the upgrade to a sister city planned (never signed), an
         * attempt that does not block; the R&D agreement signed the same day
         * in 2016 is the highest rung reached. */
        ck_assert_int_eq(d->rung, 5);
        ck_assert_str_eq(tie_id(ds, d->rung_tie), "tangsel-daejeon-rnd-agreement");
        ck_assert_int_eq(d->blocked_rung, 0);
        ck_assert_int_eq(d->beyond_rung, 0);
        ck_assert_str_eq(tie_id(ds, d->step[1]), "tangsel-daejeon-visits");
        ck_assert_str_eq(tie_id(ds, d->step[2]), "tangsel-daejeon-loi-1");
        ck_assert_str_eq(tie_id(ds, d->step[4]), "tangsel-daejeon-mou-sister-city");
        ck_assert_int_eq(d->first_year, 2014);
        ck_assert_int_eq(d->last_year, 2017);
        ck_assert_uint_eq(d->n_ties, 15);      /* 13 g2g ties + 2 adoptions */
        ck_assert_uint_eq(d->n_programmes, 8); /* student exchange ... waste sorting */
        ck_assert_str_eq(tie_id(ds, d->programmes[0]), "daejeon-tangsel-student-exchange");
        /* A foreign g2g relation, and the MoU (2016, active) and the R&D
         * agreement (2016, signed) are standing rungs without until: the
         * relation runs to the present; the agreement is the higher one. */
        ck_assert(d->on_ladder);
        ck_assert(d->ongoing);
        ck_assert_str_eq(tie_id(ds, d->ongoing_tie), "tangsel-daejeon-rnd-agreement");
        ck_assert_uint_eq(d->n_ladder_ties, 5); /* visits, loi, two mou, agreement */
        /* The ladder partners first, by rung then ties then id: Daejeon (rung
         * 5), then the six foreign cities without a ladder instrument (rung
         * 0, 1 tie each, by id); then the others by ties: DKI Jakarta (3),
         * the WTA (2), then Banyumas ... (1 each, by id). The universities of
         * the 2016 R&D agreement are academic ties: no rung. */
        static const char *const order[] = {"daejeon",
                                            "frankfurt",
                                            "kathmandu",
                                            "miri",
                                            "timra",
                                            "unnamed-cities-cn",
                                            "unnamed-cities-jp",
                                            "dki-jakarta",
                                            "wta",
                                            "banyumas",
                                            "ipb"};
        for (size_t i = 0; i < sizeof(order) / sizeof(order[0]); i++) {
            const pn_partner *q = pn_partners_get(p, i);
            ck_assert_str_eq(pn_dataset_actor(ds, q->actor)->id, order[i]);
            ck_assert_int_eq(q->on_ladder, i < 7);
        }
        ck_assert_ptr_eq(pn_partners_get(p, 0), d);
        const pn_partner *ipb = find(p, ds, "ipb");
        ck_assert_int_eq(ipb->off_ladder, PN_LADDER_NOT_GOVERNMENT);
        ck_assert_int_eq(ipb->rung, 0);
        ck_assert_uint_eq(ipb->step[5], SIZE_MAX);
        ck_assert_uint_eq(ipb->n_ladder_ties, 0);
        ck_assert_uint_eq(ipb->types, PN_BIT(PN_TYPE_ACADEMIC));
        ck_assert(!ipb->ongoing);
        /* Indonesian ministries: governments of the same country */
        const pn_partner *lu = find(p, ds, "kemenlu");
        ck_assert_int_eq(lu->off_ladder, PN_LADDER_SAME_COUNTRY);
        ck_assert_uint_eq(lu->n_basis[PN_BASIS_INFERRED], 1); /* one foreign policy */
        ck_assert_int_eq(find(p, ds, "wta")->off_ladder, PN_LADDER_NOT_GOVERNMENT);
        ck_assert_int_eq(find(p, ds, "frankfurt")->on_ladder, true);
        ck_assert_int_eq(find(p, ds, "frankfurt")->rung, 0);
        ck_assert_uint_eq(pn_partners_count(p), 23);
        pn_partners_free(p);
        pn_graph_free(g);
    }
    pn_dataset_free(ds);
}
END_TEST

START_TEST(bandung)
{
    pn_dataset *ds = tu_load_file(PN_DATASETS "/bandung.json");
    pn_graph *g;
    pn_partners *p = partners_of(ds, &g, false, "bandung");
    ck_assert_uint_eq(pn_partners_count(p), 2);
    const pn_partner *pj = find(p, ds, "petaling-jaya"), *se = find(p, ds, "seoul");
    ck_assert_int_eq(pj->rung, 4); /* sister city 2015-2023, active */
    ck_assert_int_eq(pj->first_year, 2015);
    ck_assert_int_eq(pj->last_year, 2023);
    ck_assert_uint_eq(pj->n_programmes, 4);
    ck_assert_int_eq(se->rung, 4); /* a sister city with no status: a reported fact */
    ck_assert_int_eq(se->blocked_rung, 0);
    ck_assert_uint_eq(se->n_programmes, 1);
    ck_assert_int_eq(se->first_year, 2016);
    ck_assert_int_eq(se->last_year, 2020);
    pn_partners_free(p);
    pn_graph_free(g);
    pn_dataset_free(ds);
}
END_TEST

/* One pair with ties of the given instruments and statuses. */
static pn_dataset *ladder(const pn_instrument *inst, const pn_status *st, size_t n)
{
    static const char *const ids[] = {"x", "y"}, *const countries[] = {"ID", "KR"};
    pn_dataset *ds = tg_build(2, ids, countries, NULL, NULL, 0, false);
    for (size_t i = 0; i < n; i++) {
        pn_tie t;
        memset(&t, 0, sizeof(t));
        t.from = 0;
        t.to = 1;
        t.type = PN_TYPE_G2G;
        t.instrument = inst[i];
        t.status = st[i];
        t.since.year = 2000 + (int)i;
        ck_assert_int_eq(pn_dataset_add_tie(ds, &t, NULL), 0);
    }
    return ds;
}

START_TEST(ladder_rules)
{
    struct {
        pn_instrument inst[4];
        pn_status st[4];
        size_t n;
        int rung, blocked, beyond;
    } cases[] = {
        /* planned rungs do not count and do not block */
        {{PN_INSTRUMENT_LOI, PN_INSTRUMENT_SISTER_CITY},
         {PN_STATUS_SIGNED, PN_STATUS_PLANNED},
         2,
         2,
         0,
         0},
        /* ended still counts: the rung was reached */
        {{PN_INSTRUMENT_MOU}, {PN_STATUS_ENDED}, 1, 3, 0, 0},
        /* a failed LoI blocks; the visit before it stands */
        {{PN_INSTRUMENT_VISIT, PN_INSTRUMENT_LOI, PN_INSTRUMENT_MOU},
         {PN_STATUS_IMPLEMENTED, PN_STATUS_FAILED, PN_STATUS_ACTIVE},
         3,
         1,
         2,
         3},
        /* a failed attempt at a rung reached by another tie does not block */
        {{PN_INSTRUMENT_MOU, PN_INSTRUMENT_MOU, PN_INSTRUMENT_AGREEMENT},
         {PN_STATUS_FAILED, PN_STATUS_SIGNED, PN_STATUS_SIGNED},
         3,
         5,
         0,
         0},
        /* no ladder instrument at all */
        {{PN_INSTRUMENT_PROGRAMME, PN_INSTRUMENT_NONE},
         {PN_STATUS_IMPLEMENTED, PN_STATUS_NONE},
         2,
         0,
         0,
         0},
    };
    for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
        pn_dataset *ds = ladder(cases[k].inst, cases[k].st, cases[k].n);
        pn_graph *g;
        pn_partners *p = partners_of(ds, &g, false, "x");
        ck_assert_uint_eq(pn_partners_count(p), 1);
        const pn_partner *y = pn_partners_get(p, 0);
        ck_assert_msg(y->rung == cases[k].rung, "case %zu: rung %d", k, y->rung);
        ck_assert_msg(y->blocked_rung == cases[k].blocked, "case %zu: blocked %d", k,
                      y->blocked_rung);
        ck_assert_msg(y->beyond_rung == cases[k].beyond, "case %zu: beyond %d", k, y->beyond_rung);
        ck_assert_uint_eq(y->n_ties, cases[k].n);
        ck_assert_int_eq(y->first_year, 2000);
        pn_partners_free(p);
        pn_graph_free(g);
        pn_dataset_free(ds);
    }
}
END_TEST

/* A pair x - y of the given kinds and countries with one tie. */
static pn_dataset *pair_of(pn_kind kx, const char *cx, pn_kind ky, const char *cy, pn_tie_type type,
                           pn_instrument inst, pn_status st)
{
    static const char *const ids[] = {"x", "y"};
    const char *const countries[] = {cx, cy};
    const pn_kind kinds[] = {kx, ky};
    pn_dataset *ds = tg_build(2, ids, countries, kinds, NULL, 0, false);
    pn_tie t;
    memset(&t, 0, sizeof(t));
    t.to = 1;
    t.type = type;
    t.instrument = inst;
    t.status = st;
    t.since.year = 2016;
    ck_assert_int_eq(pn_dataset_add_tie(ds, &t, NULL), 0);
    return ds;
}

START_TEST(ladder_only_foreign_g2g)
{
    struct {
        pn_kind kx;
        const char *cx;
        pn_kind ky;
        const char *cy;
        pn_tie_type type;
        pn_off_ladder off;
    } cases[] = {
        {PN_KIND_CITY, "ID", PN_KIND_CITY, "KR", PN_TYPE_G2G, PN_LADDER_ON},
        /* two Indonesian governments: g2g within one country */
        {PN_KIND_CITY, "ID", PN_KIND_REGENCY, "ID", PN_TYPE_G2G, PN_LADDER_SAME_COUNTRY},
        {PN_KIND_CITY, "ID", PN_KIND_MINISTRY, "ID", PN_TYPE_VERTICAL, PN_LADDER_SAME_COUNTRY},
        /* a university signs the agreement: academic, not a government */
        {PN_KIND_CITY, "ID", PN_KIND_UNIVERSITY, "ID", PN_TYPE_ACADEMIC, PN_LADDER_NOT_GOVERNMENT},
        {PN_KIND_FIRM, "KR", PN_KIND_CITY, "ID", PN_TYPE_G2G, PN_LADDER_NOT_GOVERNMENT},
        /* foreign governments, but not a g2g tie */
        {PN_KIND_CITY, "ID", PN_KIND_MINISTRY, "KR", PN_TYPE_VERTICAL, PN_LADDER_NO_G2G},
        /* an unknown country: the g2g tie says it is foreign */
        {PN_KIND_CITY, "DE", PN_KIND_CITY, "ZZ", PN_TYPE_G2G, PN_LADDER_ON},
        {PN_KIND_CITY, "ZZ", PN_KIND_CITY, "ZZ", PN_TYPE_G2G, PN_LADDER_ON},
    };
    for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
        pn_dataset *ds = pair_of(cases[k].kx, cases[k].cx, cases[k].ky, cases[k].cy, cases[k].type,
                                 PN_INSTRUMENT_AGREEMENT, PN_STATUS_SIGNED);
        pn_graph *g;
        pn_partners *p = partners_of(ds, &g, false, "x");
        const pn_partner *y = pn_partners_get(p, 0);
        ck_assert_msg(y->off_ladder == cases[k].off, "case %zu: off %d", k, (int)y->off_ladder);
        ck_assert_int_eq(y->on_ladder, cases[k].off == PN_LADDER_ON);
        /* a signed agreement: rung 5, standing and open, on the ladder only */
        ck_assert_msg(y->rung == (y->on_ladder ? 5 : 0), "case %zu: rung %d", k, y->rung);
        ck_assert_int_eq(y->ongoing, y->on_ladder);
        ck_assert_int_eq(y->first_year, 2016);
        pn_partners_free(p);
        pn_graph_free(g);
        pn_dataset_free(ds);
    }
}
END_TEST

START_TEST(present)
{
    struct {
        pn_instrument inst;
        pn_status st;
        int until;
        bool ongoing;
    } cases[] = {
        {PN_INSTRUMENT_MOU, PN_STATUS_ACTIVE, 0, true},
        {PN_INSTRUMENT_MOU, PN_STATUS_ACTIVE, 2020, false},   /* ends in 2020 */
        {PN_INSTRUMENT_SISTER_CITY, PN_STATUS_NONE, 0, true}, /* a reported fact */
        {PN_INSTRUMENT_AGREEMENT, PN_STATUS_SIGNED, 0, true},
        {PN_INSTRUMENT_MOU, PN_STATUS_IMPLEMENTED, 0, false}, /* carried out */
        {PN_INSTRUMENT_MOU, PN_STATUS_ENDED, 0, false},
        {PN_INSTRUMENT_MOU, PN_STATUS_PLANNED, 0, false}, /* not reached */
        {PN_INSTRUMENT_MOU, PN_STATUS_STALLED, 0, false},
        {PN_INSTRUMENT_VISIT, PN_STATUS_NONE, 0, false}, /* events */
        {PN_INSTRUMENT_LOI, PN_STATUS_SIGNED, 0, false},
        {PN_INSTRUMENT_PROGRAMME, PN_STATUS_ACTIVE, 0, false}, /* not a rung */
    };
    for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
        pn_dataset *ds = ladder(&cases[k].inst, &cases[k].st, 1);
        pn_tie *t = (pn_tie *)pn_dataset_tie(ds, 0);
        t->until.year = cases[k].until;
        pn_graph *g;
        pn_partners *p = partners_of(ds, &g, false, "x");
        const pn_partner *y = pn_partners_get(p, 0);
        ck_assert_msg(y->ongoing == cases[k].ongoing, "case %zu: ongoing %d", k, y->ongoing);
        ck_assert_uint_eq(y->ongoing_tie, cases[k].ongoing ? 0 : SIZE_MAX);
        pn_partners_free(p);
        pn_graph_free(g);
        pn_dataset_free(ds);
    }
}
END_TEST

/* The partners of x in a view by time of ds. */
static pn_partners *partners_at(const pn_dataset *ds, pn_graph **g, int at, int from, int to,
                                const char *id, unsigned types)
{
    pn_view v = PN_VIEW_INIT;
    v.at = at;
    v.from_year = from;
    v.to_year = to;
    v.types = types;
    v.drop_isolates = true;
    size_t a;
    ck_assert_int_eq(pn_dataset_find_actor(ds, id, &a), 0);
    ck_assert_int_eq(pn_view_graph(g, ds, &v, NULL), 0);
    pn_partners *p = NULL;
    ck_assert_int_eq(pn_partners_new_view(&p, *g, &v, a, NULL), 0);
    return p;
}

START_TEST(tangsel_at_2016)
{
    /* datasets/tangsel.json by hand, g2g ties in 2016: Daejeon's MoU (2016
     * active) and R&D agreement (2016 signed) are in force; the visits
     * (2014) and the LoI (2015) are events of earlier years; the sister-city
     * upgrade is planned and undated. Every one counts: rung 5 as in the
     * whole dataset, nothing blocks, years from 2014 to the present. */
    pn_dataset *ds = tu_load_file(PN_DATASETS "/tangsel.json");
    pn_graph *g;
    pn_partners *p = partners_at(ds, &g, 2016, 0, 0, "tangsel", PN_BIT(PN_TYPE_G2G));
    ck_assert_uint_eq(pn_partners_count(p), 1); /* the others' g2g ties are undated */
    const pn_partner *d = find(p, ds, "daejeon");
    ck_assert_uint_eq(d->n_ties, 2);
    ck_assert_uint_eq(d->n_ladder_ties, 5);
    ck_assert_int_eq(d->rung, 5);
    ck_assert_int_eq(d->blocked_rung, 0);
    ck_assert_int_eq(pn_partners_when(p, d->step[1]), PN_WHEN_NOT_IN_FORCE);
    ck_assert_int_eq(pn_partners_when(p, d->step[2]), PN_WHEN_NOT_IN_FORCE);
    ck_assert_int_eq(pn_partners_when(p, d->step[3]), PN_WHEN_IN_FORCE);
    ck_assert_str_eq(tie_id(ds, d->step[4]), "tangsel-daejeon-mou-sister-city");
    ck_assert_int_eq(pn_partners_when(p, d->step[4]), PN_WHEN_UNDATED);
    ck_assert_int_eq(pn_partners_when(p, d->step[5]), PN_WHEN_IN_FORCE);
    ck_assert_int_eq(d->first_year, 2014);
    ck_assert_int_eq(d->last_year, 2016);
    ck_assert(d->ongoing);
    pn_partners_free(p);
    pn_graph_free(g);
    /* 2014-2015: the MoU and the agreement (2016) come later: the LoI is the rung */
    p = partners_at(ds, &g, 0, 2014, 2015, "tangsel", PN_BIT(PN_TYPE_G2G));
    d = find(p, ds, "daejeon");
    ck_assert_int_eq(d->rung, 2);
    ck_assert_uint_eq(d->step[3], SIZE_MAX);
    ck_assert_uint_eq(d->step[5], SIZE_MAX);
    ck_assert_int_eq(pn_partners_when(p, d->step[2]), PN_WHEN_IN_FORCE);
    ck_assert(!d->ongoing);
    ck_assert_int_eq(d->last_year, 2015);
    pn_partners_free(p);
    pn_graph_free(g);
    pn_dataset_free(ds);
}
END_TEST

START_TEST(undated_rung_under_at)
{
    /* visit 2014, MoU 2016 active, a sister city stalled without a year,
     * an agreement 2016 signed: rung 3, blocked at 4, 5 beyond; in 2016 the
     * undated stalled rung still blocks, so the reading stays (and in 2020);
     * in 2014-2015 the MoU and the agreement come later: the visit, blocked
     * at 4. */
    static const pn_instrument inst[] = {PN_INSTRUMENT_VISIT, PN_INSTRUMENT_MOU,
                                         PN_INSTRUMENT_SISTER_CITY, PN_INSTRUMENT_AGREEMENT};
    static const pn_status st[] = {PN_STATUS_IMPLEMENTED, PN_STATUS_ACTIVE, PN_STATUS_STALLED,
                                   PN_STATUS_SIGNED};
    static const int years[] = {2014, 2016, 0, 2016};
    pn_dataset *ds = ladder(inst, st, 4);
    for (size_t i = 0; i < 4; i++)
        ((pn_tie *)pn_dataset_tie(ds, i))->since.year = years[i];
    struct {
        int at, from, to, rung, blocked, beyond;
    } cases[] = {
        {0, 0, 0, 3, 4, 5}, {2016, 0, 0, 3, 4, 5}, {2020, 0, 0, 3, 4, 5}, {0, 2014, 2015, 1, 4, 0}};
    for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
        pn_graph *g;
        bool timed = cases[k].at || cases[k].from;
        pn_partners *p = timed
                             ? partners_at(ds, &g, cases[k].at, cases[k].from, cases[k].to, "x", 0)
                             : partners_of(ds, &g, false, "x");
        const pn_partner *y = pn_partners_get(p, 0);
        ck_assert_msg(y->rung == cases[k].rung && y->blocked_rung == cases[k].blocked &&
                          y->beyond_rung == cases[k].beyond,
                      "at %d: rung %d blocked %d beyond %d", cases[k].at, y->rung, y->blocked_rung,
                      y->beyond_rung);
        ck_assert_int_eq(pn_partners_when(p, 2), timed ? PN_WHEN_UNDATED : PN_WHEN_IN_FORCE);
        pn_partners_free(p);
        pn_graph_free(g);
    }
    pn_dataset_free(ds);
}
END_TEST

START_TEST(not_in_view_and_isolated)
{
    static const int e[] = {0, 1};
    pn_dataset *ds = tg_build(3, NULL, NULL, NULL, e, 1, false);
    pn_graph *g = tg_graph(ds, false, PN_WEIGHT_NONE);
    pn_partners *p = NULL;
    ck_assert_int_eq(pn_partners_new(&p, g, 2, NULL), 0); /* isolated: no partners */
    ck_assert_uint_eq(pn_partners_count(p), 0);
    ck_assert_ptr_null(pn_partners_get(p, 0));
    pn_partners_free(p);
    pn_graph_free(g);
    pn_view v = PN_VIEW_INIT;
    v.types = PN_BIT(PN_TYPE_B2B);
    v.drop_isolates = true;
    ck_assert_int_eq(pn_view_graph(&g, ds, &v, NULL), 0);
    pn_diags *d = NULL;
    ck_assert_int_eq(pn_diags_new(&d), 0);
    ck_assert_int_eq(pn_partners_new(&p, g, 0, d), PN_ENOTFOUND);
    ck_assert_ptr_null(p);
    ck_assert_uint_eq(pn_diags_errors(d), 1);
    pn_diags_free(d);
    pn_graph_free(g);
    pn_dataset_free(ds);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("partners");
    TCase *tc = tcase_create("partners");
    tcase_add_test(tc, tangsel_daejeon);
    tcase_add_test(tc, bandung);
    tcase_add_test(tc, ladder_rules);
    tcase_add_test(tc, ladder_only_foreign_g2g);
    tcase_add_test(tc, present);
    tcase_add_test(tc, tangsel_at_2016);
    tcase_add_test(tc, undated_rung_under_at);
    tcase_add_test(tc, not_in_view_and_isolated);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(suite());
}
