/* The map layout (issue 17, part 2): the Equal Earth projection against
 * the published formulas (Šavrič, Patterson and Jenny 2018, "The Equal
 * Earth map projection", IJGIS 33(3), 454-465) computed independently, the
 * layout's name, and a map's actors placed at their projected positions, the
 * actors without coordinates named in a warning, none with coordinates an
 * error. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "draw/geo.h"
#include "paranet/diagram.h"
#include "testutil.h"

/* Expected values: the paper's equations (its section 2) in Python, apart
 * from the C code:
 *   A1,A2,A3,A4=1.340264,-0.081106,0.000893,0.003796
 *   t=asin(sqrt(3)/2*sin(radians(lat)))
 *   x=2*sqrt(3)*radians(lon)*cos(t)/(3*(9*A4*t**8+7*A3*t**6+3*A2*t**2+A1))
 *   y=A4*t**9+A3*t**7+A2*t**3+A1*t
 * (180, 0) by hand too: 2 sqrt(3) pi / (3 A1) = 10.882796 / 4.020792 = 2.706630;
 * (0, 90): theta = pi/3, A1 t + A2 t^3 + A3 t^7 + A4 t^9 = 1.403521 - 0.093128
 * + 0.001237 + 0.011733 = 1.317363. */
static const struct {
    double lon, lat, x, y;
} known[] = {
    {0, 0, 0, 0},
    {180, 0, 2.706629984, 0},
    {0, 90, 0, 1.317362759},
    {-180, -90, -1.603588648, -1.317362759},
    {106.72, -6.28, 1.600128823, -0.127087597},            /* Tangerang Selatan */
    {127.385, 36.35, 1.734862123, 0.709771593},            /* Daejeon */
    {8.682222222, 50.110555555, 0.107593076, 0.943284264}, /* Frankfurt am Main */
};

START_TEST(projection_of_known_points)
{
    for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++) {
        double x, y;
        pn__geo_project(known[i].lon, known[i].lat, &x, &y);
        ck_assert_double_eq_tol(x, known[i].x, 1e-8);
        ck_assert_double_eq_tol(y, known[i].y, 1e-8);
    }
}
END_TEST

START_TEST(layout_named_geo)
{
    ck_assert_int_eq(pn_diagram_option_parse("layout", "geo"), PN_LAYOUT_GEO);
    ck_assert_str_eq(pn_diagram_option_name("layout", PN_LAYOUT_GEO), "geo");
    size_t a = 1, t = 1;
    pn_diagram_layout_limits(PN_LAYOUT_GEO, &a, &t);
    ck_assert_uint_eq(a, 0); /* no layout to run: no limit */
    ck_assert_uint_eq(t, 0);
}
END_TEST

static const char map_dataset[] =
    "{\"paranet\": 1, \"sources\": [{\"id\": \"s\", \"cite\": \"S\"}], \"actors\": ["
    " {\"id\": \"a\", \"name\": \"West\", \"kind\": \"city\", \"country\": \"DE\", \"lat\": 50, "
    "\"lon\": 8},"
    " {\"id\": \"b\", \"name\": \"East\", \"kind\": \"city\", \"country\": \"KR\", \"lat\": 36, "
    "\"lon\": 127},"
    " {\"id\": \"c\", \"name\": \"Nowhere\", \"kind\": \"ministry\", \"country\": \"KR\"}],"
    " \"ties\": ["
    " {\"id\": \"t1\", \"from\": \"a\", \"to\": \"b\", \"type\": \"g2g\", \"sources\": [\"s\"]},"
    " {\"id\": \"t2\", \"from\": \"b\", \"to\": \"c\", \"type\": \"vertical\", \"sources\": "
    "[\"s\"]}]}";

/* The pinned position of node `id` in DOT text. */
static void pos_of(const char *dot, const char *id, double *x, double *y)
{
    char key[32];
    snprintf(key, sizeof(key), "\n\t%s\t[", id);
    const char *p = strstr(dot, key);
    ck_assert_ptr_nonnull(p);
    p = strstr(p, "pos=\"");
    ck_assert_ptr_nonnull(p);
    ck_assert_int_eq(sscanf(p, "pos=\"%lf,%lf!\"", x, y), 2);
}

START_TEST(actors_at_their_projected_positions)
{
    pn_dataset *ds = tu_load_text(map_dataset);
    pn_diagram_options o = PN_DIAGRAM_OPTIONS_INIT;
    o.layout = PN_LAYOUT_GEO;
    pn_diags *d = NULL;
    ck_assert_int_eq(pn_diags_new(&d), 0);
    char *dot = NULL;
    size_t len = 0;
    ck_assert_int_eq(pn_diagram_render(ds, &o, "dot", &dot, &len, d), 0);
    double ax, ay, bx, by, pax, pay, pbx, pby;
    pos_of(dot, "a", &ax, &ay);
    pos_of(dot, "b", &bx, &by);
    ck_assert_ptr_null(strstr(dot, "\n\tc\t[")); /* no coordinates: not drawn */
    /* the positions are the projection's, scaled alike on both axes */
    pn__geo_project(8, 50, &pax, &pay);
    pn__geo_project(127, 36, &pbx, &pby);
    ck_assert_double_gt(bx, ax);
    ck_assert_double_lt(by, ay);
    ck_assert_double_eq_tol((bx - ax) / (pbx - pax), (by - ay) / (pby - pay),
                            0.1); /* pos: 0.01 pt */
    bool warned = false;
    for (size_t i = 0; i < pn_diags_count(d); i++) {
        const pn_diag *g = pn_diags_get(d, i);
        if (g->check && strcmp(g->check, "no-coordinates") == 0) {
            ck_assert_ptr_nonnull(strstr(g->message, "Nowhere (c)"));
            warned = true;
        }
    }
    ck_assert(warned);
    free(dot);
    pn_dataset_free(ds);
    /* no actor with coordinates: an error */
    ds = tu_load_text(
        "{\"paranet\": 1, \"sources\": [{\"id\": \"s\", \"cite\": \"S\"}], \"actors\": ["
        " {\"id\": \"a\", \"name\": \"A\", \"kind\": \"city\", \"country\": \"DE\"},"
        " {\"id\": \"b\", \"name\": \"B\", \"kind\": \"city\", \"country\": \"KR\"}],"
        " \"ties\": [{\"id\": \"t1\", \"from\": \"a\", \"to\": \"b\", \"type\": \"g2g\","
        " \"sources\": [\"s\"]}]}");
    pn_diags_clear(d);
    ck_assert_int_eq(pn_diagram_render(ds, &o, "svg", &dot, &len, d), PN_EINVAL);
    ck_assert_ptr_null(dot);
    ck_assert_uint_eq(pn_diags_errors(d), 1);
    ck_assert_str_eq(pn_diags_get(d, 0)->check, "no-coordinates");
    pn_diags_free(d);
    pn_dataset_free(ds);
}
END_TEST

/* The pos of the first edge tail -> head in DOT text, its line breaks
 * (backslash, newline: cgraph splits long strings) taken out; free(). */
static char *edge_pos(const char *dot, const char *tail, const char *head)
{
    char key[64];
    snprintf(key, sizeof(key), "\t%s -> %s\t[", tail, head);
    const char *p = strstr(dot, key);
    ck_assert_ptr_nonnull(p);
    p = strstr(p, "\tpos=\"");
    ck_assert_ptr_nonnull(p);
    p += 6;
    const char *q = strchr(p, '"');
    ck_assert_ptr_nonnull(q);
    char *out = strndup(p, (size_t)(q - p)), *w = out;
    for (const char *r = out; *r; r++) {
        if (r[0] == '\\' && r[1] == '\n')
            r++;
        else
            *w++ = *r;
    }
    *w = '\0';
    return out;
}

/* The largest y of a pos's points ("e,x,y" and "s,x,y" included). */
static double max_y(const char *pos)
{
    double best = -1e9, x, y;
    for (const char *p = pos; *p;) {
        while (*p == ' ' || *p == ';')
            p++;
        if (p[0] && p[1] == ',' && (p[0] == 'e' || p[0] == 's'))
            p += 2;
        int used = 0;
        if (sscanf(p, "%lf,%lf%n", &x, &y, &used) != 2)
            break;
        best = y > best ? y : best;
        p += used;
    }
    return best;
}

/* Ties are great-circle arcs: Frankfurt to Daejeon bows north of both ends
 * (the great circle passes near 55 N), and Tokyo to Los Angeles crosses the
 * antimeridian, so its path is two pieces (one to each edge of the map). */
START_TEST(ties_are_great_circle_arcs)
{
    pn_dataset *ds = tu_load_text(
        "{\"paranet\": 1, \"sources\": [{\"id\": \"s\", \"cite\": \"S\"}], \"actors\": ["
        " {\"id\": \"fra\", \"name\": \"F\", \"kind\": \"city\", \"country\": \"DE\", "
        "\"lat\": 50.11, \"lon\": 8.68},"
        " {\"id\": \"dae\", \"name\": \"D\", \"kind\": \"city\", \"country\": \"KR\", "
        "\"lat\": 36.35, \"lon\": 127.38},"
        " {\"id\": \"tyo\", \"name\": \"T\", \"kind\": \"city\", \"country\": \"JP\", "
        "\"lat\": 35.69, \"lon\": 139.69},"
        " {\"id\": \"lax\", \"name\": \"L\", \"kind\": \"city\", \"country\": \"US\", "
        "\"lat\": 34.05, \"lon\": -118.24}],"
        " \"ties\": ["
        " {\"id\": \"t1\", \"from\": \"fra\", \"to\": \"dae\", \"type\": \"g2g\", \"sources\": "
        "[\"s\"]},"
        " {\"id\": \"t2\", \"from\": \"tyo\", \"to\": \"lax\", \"type\": \"g2g\", \"sources\": "
        "[\"s\"]}]}");
    pn_diagram_options o = PN_DIAGRAM_OPTIONS_INIT;
    o.layout = PN_LAYOUT_GEO;
    char *dot = NULL;
    size_t len = 0;
    ck_assert_int_eq(pn_diagram_render(ds, &o, "dot", &dot, &len, NULL), 0);
    double fx, fy, dx, dy;
    pos_of(dot, "fra", &fx, &fy);
    pos_of(dot, "dae", &dx, &dy);
    char *arc = edge_pos(dot, "fra", "dae");
    ck_assert_ptr_null(strchr(arc, ';'));
    ck_assert_double_gt(max_y(arc), fy + 5); /* north of Frankfurt, by more than 5 pt */
    free(arc);
    arc = edge_pos(dot, "tyo", "lax");
    ck_assert_ptr_nonnull(strchr(arc, ';'));
    free(arc);
    free(dot);
    pn_dataset_free(ds);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("geo");
    TCase *tc = tcase_create("geo");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, projection_of_known_points);
    tcase_add_test(tc, layout_named_geo);
    tcase_add_test(tc, actors_at_their_projected_positions);
    tcase_add_test(tc, ties_are_great_circle_arcs);
    suite_add_tcase(s, tc);
    return tu_run(s);
}
