/* Group statistics (docs/metrics.md, "Groups"): the actors in groups by any
 * attribute, Krackhardt & Stern's E-I index, assortativity by any
 * attribute, and the expected brokerage counts of Gould & Fernandez (1989)
 * as R sna's brokerage() computes them. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/groups.h"
#include "analysis/igraph_glue.h"
#include "core/util.h"
#include "paranet/metrics.h"
#include "store/json.h"

static bool is_builtin(const char *attribute)
{
    return strcmp(attribute, "country") == 0 || strcmp(attribute, "kind") == 0 ||
           strcmp(attribute, "region") == 0;
}

/* The value of an extra field of actor index a, or NULL: parsed into doc
 * (freed by the caller, also on NULL). */
static int field_of(const pn_dataset *ds, size_t a, const char *field, pn__jdoc *doc,
                    const pn__jv **out)
{
    const char *text = pn_dataset_extra(ds, "actor", a);
    *out = NULL;
    memset(doc, 0, sizeof(*doc));
    if (!text)
        return 0;
    int rc = pn__json_parse(doc, text, strlen(text), NULL, NULL);
    if (rc == 0)
        *out = pn__jv_get(&doc->root, field);
    return rc == PN_ENOMEM ? rc : 0;
}

/* A value as a group's text, copied; *out NULL for no value. */
static int label_of(const pn__jv *v, char **out)
{
    char buf[64];
    const char *s = NULL;
    *out = NULL;
    if (!v)
        return 0;
    switch ((pn__jtype)v->type) {
    case PN__J_STRING:
        s = v->u.s;
        break;
    case PN__J_INTEGER:
        snprintf(buf, sizeof(buf), "%lld", v->u.i);
        s = buf;
        break;
    case PN__J_REAL:
        for (int p = 1; p <= 17 && !s; p++) {
            snprintf(buf, sizeof(buf), "%.*g", p, v->u.d);
            if (strtod(buf, NULL) == v->u.d)
                s = buf;
        }
        break;
    case PN__J_TRUE:
        s = "true";
        break;
    case PN__J_FALSE:
        s = "false";
        break;
    default:
        return 0;
    }
    *out = strdup(s);
    return *out ? 0 : PN_ENOMEM;
}

/* The text of vertex v's attribute, copied, or NULL for no value. */
static int vertex_label(const pn_graph *g, size_t v, const char *attribute, char **out)
{
    const pn_dataset *ds = pn_graph_dataset(g);
    size_t a = pn_graph_vertex_actor(g, v);
    const pn_actor *actor = pn_dataset_actor(ds, a);
    const char *s = NULL;
    *out = NULL;
    if (strcmp(attribute, "country") == 0)
        s = actor->country;
    else if (strcmp(attribute, "kind") == 0)
        s = pn_kind_name(actor->kind);
    else if (strcmp(attribute, "region") == 0)
        s = actor->region;
    else {
        pn__jdoc doc;
        const pn__jv *jv = NULL;
        int rc = field_of(ds, a, attribute, &doc, &jv);
        if (!rc)
            rc = label_of(jv, out);
        pn__jdoc_free(&doc);
        return rc;
    }
    if (!s)
        return 0;
    *out = strdup(s);
    return *out ? 0 : PN_ENOMEM;
}

static int by_label(const void *a, const void *b)
{
    const char *x = *(char *const *)a, *y = *(char *const *)b;
    if (!x || !y)
        return (x == NULL) - (y == NULL);
    return strcmp(x, y);
}

void pn_grouping_free(pn_grouping *gr)
{
    if (!gr)
        return;
    for (size_t k = 0; gr->names && k < gr->count; k++)
        free(gr->names[k]);
    free(gr->names);
    free(gr->group);
    free(gr->size);
    free(gr);
}

/* Index of label s (NULL last) among the sorted distinct names. */
static size_t find_label(char *const *names, size_t count, const char *s)
{
    size_t lo = 0, hi = count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = by_label(&names[mid], &s);
        if (c == 0)
            return mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

int pn_grouping_new(const pn_graph *g, const char *attribute, pn_grouping **out, pn_diags *diags)
{
    *out = NULL;
    if (!attribute || !*attribute) {
        pn_diags_add(diags, PN_SEVERITY_ERROR, NULL, 0, 0, NULL, "groups",
                     "groups: no attribute given");
        return PN_EINVAL;
    }
    size_t n = pn_graph_vertex_count(g);
    pn_grouping *gr = calloc(1, sizeof(*gr));
    char **label = calloc(n + 1, sizeof(char *)), **sorted = malloc((n + 1) * sizeof(char *));
    int rc = gr && label && sorted ? 0 : PN_ENOMEM;
    if (!rc) {
        gr->group = malloc((n + 1) * sizeof(int));
        gr->names = calloc(n + 1, sizeof(char *));
        gr->size = calloc(n + 1, sizeof(size_t));
        if (!gr->group || !gr->names || !gr->size)
            rc = PN_ENOMEM;
    }
    bool any = n == 0 || is_builtin(attribute);
    for (size_t v = 0; !rc && v < n; v++) {
        rc = vertex_label(g, v, attribute, &label[v]);
        any |= label[v] != NULL;
    }
    if (!rc && !any) {
        pn_diags_add(diags, PN_SEVERITY_ERROR, NULL, 0, 0, NULL, "groups",
                     "groups: no actor has a field '%s'", attribute);
        rc = PN_ENOTFOUND;
    }
    if (!rc) {
        memcpy(sorted, label, n * sizeof(char *));
        qsort(sorted, n, sizeof(char *), by_label);
        for (size_t i = 0; i < n && !rc; i++) {
            if (i > 0 && by_label(&sorted[i], &sorted[i - 1]) == 0)
                continue;
            if (sorted[i] && !(gr->names[gr->count] = strdup(sorted[i])))
                rc = PN_ENOMEM;
            gr->count++;
        }
    }
    for (size_t v = 0; !rc && v < n; v++) {
        size_t k = find_label(gr->names, gr->count, label[v]);
        gr->group[v] = (int)k;
        gr->size[k]++;
    }
    for (size_t v = 0; label && v < n; v++)
        free(label[v]);
    free(label);
    free(sorted);
    if (rc) {
        pn_grouping_free(gr);
        return rc;
    }
    *out = gr;
    return 0;
}

int pn__grouping_for(const pn_graph *g, const pn_metric_options *opts, pn_grouping **out,
                     pn_diags *diags)
{
    const char *by = opts->group_attribute           ? opts->group_attribute
                     : opts->groups == PN_GROUP_KIND ? "kind"
                                                     : "country";
    return pn_grouping_new(g, by, out, diags);
}

/* ---- E-I index ---- */

static double ratio(double e, double i)
{
    return e + i > 0 ? (e - i) / (e + i) : NAN;
}

int pn_ei_index(const pn_graph *g, const pn_grouping *gr, pn_ei *overall, pn_ei *per_group,
                double *per_actor, pn_diags *diags)
{
    (void)diags;
    const igraph_t *ig = pn_graph_igraph(g);
    size_t n = pn_graph_vertex_count(g), k = gr->count;
    double *ends = calloc(2 * n + 1, sizeof(double)); /* internal, external per vertex */
    double *gends = calloc(2 * k + 1, sizeof(double));
    if (!ends || !gends) {
        free(ends);
        free(gends);
        return PN_ENOMEM;
    }
    double in = 0, ex = 0;
    for (igraph_integer_t e = 0; e < igraph_ecount(ig); e++) {
        size_t a = (size_t)IGRAPH_FROM(ig, e), b = (size_t)IGRAPH_TO(ig, e);
        if (a == b)
            continue;
        int external = gr->group[a] != gr->group[b];
        *(external ? &ex : &in) += 1;
        ends[2 * a + external] += 1;
        ends[2 * b + external] += 1;
        gends[2 * (size_t)gr->group[a] + external] += 1;
        gends[2 * (size_t)gr->group[b] + external] += 1;
    }
    double nn = (double)n;
    if (overall) {
        double pi = 0;
        for (size_t c = 0; c < k; c++)
            pi += (double)gr->size[c] * ((double)gr->size[c] - 1) / 2;
        double pe = nn * (nn - 1) / 2 - pi;
        *overall = (pn_ei){in, ex, ratio(ex, in), n >= 2 ? ratio(pe, pi) : NAN};
    }
    for (size_t c = 0; per_group && c < k; c++) {
        double s = (double)gr->size[c];
        per_group[c] =
            (pn_ei){gends[2 * c], gends[2 * c + 1], ratio(gends[2 * c + 1], gends[2 * c]),
                    n >= 2 ? (nn - 2 * s + 1) / (nn - 1) : NAN};
    }
    for (size_t v = 0; per_actor && v < n; v++)
        per_actor[v] = ratio(ends[2 * v + 1], ends[2 * v]);
    free(ends);
    free(gends);
    return 0;
}

/* ---- Expected brokerage (sna::brokerage's formulas, in O(k)) ---- */

enum { ROLES = PN_BROKER_ROLE_COUNT + 1, TOTAL = PN_BROKER_ROLE_COUNT };

/* sna's role columns w_I, w_O, b_IO, b_OI, b_O, t in paranet's order. */
static void put(double *row, long double wi, long double wo, long double bio, long double boi,
                long double bo, long double t)
{
    row[PN_BROKER_COORDINATOR] = (double)wi;
    row[PN_BROKER_ITINERANT] = (double)wo;
    row[PN_BROKER_REPRESENTATIVE] = (double)bio;
    row[PN_BROKER_GATEKEEPER] = (double)boi;
    row[PN_BROKER_LIAISON] = (double)bo;
    row[TOTAL] = (double)t;
}

static void roots(double *row)
{
    for (int r = 0; r < ROLES; r++)
        row[r] = sqrt(row[r]);
}

static long double choose2(long double x)
{
    return x * (x - 1) / 2;
}

int pn_brokerage_expected(size_t n_actors, double density, const size_t *sizes, size_t k,
                          double *group_exp, double *group_sd, double *total_exp, double *total_sd)
{
    long double s1 = 0, s2 = 0, s3 = 0, e2 = 0, N = (long double)n_actors, d = density;
    for (size_t c = 0; c < k; c++) {
        long double x = (long double)sizes[c];
        e2 += x * s1; /* sum over pairs of groups of the product of their sizes */
        s1 += x;
        s2 += x * x;
        s3 += x * x * x;
    }
    if (s1 != N)
        return PN_EINVAL;
    long double D = d * d * (1 - d), A = d * d * d * (1 - d) * (1 - d) * (1 - d),
                B = d * d * d * d * (1 - d) * (1 - d), C = d * d * d * d * d * (1 - d);
    double row[ROLES], var[ROLES];
    for (size_t c = 0; c < k; c++) {
        long double x = (long double)sizes[c], M = N - x;
        /* Sums over the other groups j of n_j, n_j^2, n_j^3. */
        long double o1 = s1 - x, o2 = s2 - x * x, o3 = s3 - x * x * x;
        long double wi = D * (x - 1) * (x - 2), wo = D * (o2 - o1), io = D * M * (x - 1),
                    bo = D * (M * M - o2), t = D * (N - 1) * (N - 2);
        put(row, wi, wo, io, io, bo, t);
        long double vio = io * (1 - D) + 2 * ((x - 1) * choose2(M) + M * choose2(x - 1)) * A;
        /* sum_j n_j C(M - n_j, 2) = (M (M - 1) o1 - (2M - 1) o2 + o3) / 2 */
        put(var, wi * (1 - D) + 2 * (x - 1) * (x - 2) * (x - 3) * A,
            wo * (1 - D) + 2 * (o3 - 3 * o2 + 2 * o1) * A, vio, vio,
            bo * (1 - D) + 2 * (M * (M - 1) * o1 - (2 * M - 1) * o2 + o3) * A,
            t * (1 - D) + 2 * (N - 1) * (N - 2) * (N - 3) * A);
        roots(var);
        if (group_exp)
            memcpy(group_exp + c * ROLES, row, sizeof(row));
        if (group_sd)
            memcpy(group_sd + c * ROLES, var, sizeof(var));
    }
    /* The whole network. */
    long double w1 = 0, v1 = 0, w2 = 0, v2 = 0, v3 = 0, t4 = 0, a2 = 0;
    for (size_t c = 0; c < k; c++) {
        long double x = (long double)sizes[c], p = x * (x - 1) * (x - 2), q = x * (N - x) * (x - 1);
        w1 += p;
        v1 += p * ((4 * x - 10) * A - 4 * (x - 3) * B + (x - 3) * C);
        w2 += q;
        v3 += q * ((N - 3) * A + (x - 2) * C);
        /* sna's sum over ordered pairs of groups (x, y) of
         * x y (x - 1) ((2x + 2y - 6) A + (N - x - 1) C), minus its diagonal */
        a2 += x * (x - 1) * ((2 * x - 6) * A * s1 + 2 * A * s2 + (N - x - 1) * C * s1);
        v2 -= x * x * (x - 1) * ((4 * x - 6) * A + (N - x - 1) * C);
        /* ordered distinct triples of groups: sum n_i^2 n_j n_k */
        t4 += 2 * x * x * (e2 - x * (s1 - x));
    }
    long double t3 = 0, f1 = 0, f2 = 0;
    for (size_t c = 0; c < k; c++) { /* 6 e3, without cancellation */
        long double x = (long double)sizes[c];
        t3 += x * f2;
        f2 += x * f1;
        f1 += x;
    }
    t3 *= 6;
    long double g1 = D * w1, g2 = D * w2, g5 = D * (N * s1 * s1 - 2 * s1 * s2 - (N * s2 - 2 * s3)),
                g6 = D * N * (N - 1) * (N - 2);
    put(row, g1, g2, g2, g2, g5, g6);
    /* sum over distinct i, j, k of n_i n_j n_k times a linear function of
     * the three sizes: (constant) t3 + (sum of its coefficients) t4. */
    long double tri = ((4 * N - 2) * t3 - 8 * t4) * A - ((4 * N - 2) * t3 - 8 * t4) * B +
                      ((N - 1) * t3 - 2 * t4) * C;
    long double gv3 = g2 * (1 - D) + v3;
    put(var, g1 * (1 - D) + v1, g2 * (1 - D) + a2 + v2, gv3, gv3, g5 * (1 - D) + tri,
        g6 * (1 - D) + N * (N - 1) * (N - 2) * ((4 * N - 10) * A - 4 * (N - 3) * B + (N - 3) * C));
    roots(var);
    if (total_exp)
        memcpy(total_exp, row, sizeof(row));
    if (total_sd)
        memcpy(total_sd, var, sizeof(var));
    return 0;
}

int pn__brokerage_z(const pn_graph *g, const pn_grouping *gr, const double *roles, int role,
                    double *out, pn_diags *diags)
{
    size_t n = pn_graph_vertex_count(g);
    double d = NAN;
    igraph_error_t err;
    if (n >= 2 && (err = igraph_density(pn_graph_igraph(g), &d, false)))
        return pn__igraph_fail(diags, "brokerage z-scores", err);
    double *exp = malloc((gr->count * ROLES + 1) * sizeof(double));
    double *sd = malloc((gr->count * ROLES + 1) * sizeof(double));
    int rc = exp && sd ? pn_brokerage_expected(n, d, gr->size, gr->count, exp, sd, NULL, NULL)
                       : PN_ENOMEM;
    for (size_t v = 0; !rc && v < n; v++) {
        double raw = 0;
        if (role == TOTAL)
            for (int r = 0; r < PN_BROKER_ROLE_COUNT; r++)
                raw += roles[v * PN_BROKER_ROLE_COUNT + r];
        else
            raw = roles[v * PN_BROKER_ROLE_COUNT + role];
        size_t at = (size_t)gr->group[v] * ROLES + (size_t)role;
        out[v] = sd[at] > 0 ? (raw - exp[at]) / sd[at] : NAN;
    }
    free(exp);
    free(sd);
    return rc;
}

/* ---- Assortativity by any attribute ---- */

/* The numeric values of a field: has[v] when v's value is a number; *text
 * set to the first actor index whose value is another kind (SIZE_MAX when
 * none); *any when some actor has the field. */
static int field_numbers(const pn_graph *g, const char *field, double *val, bool *has, size_t *text,
                         bool *any)
{
    const pn_dataset *ds = pn_graph_dataset(g);
    *text = SIZE_MAX;
    *any = false;
    for (size_t v = 0; v < pn_graph_vertex_count(g); v++) {
        pn__jdoc doc;
        const pn__jv *jv = NULL;
        size_t a = pn_graph_vertex_actor(g, v);
        int rc = field_of(ds, a, field, &doc, &jv);
        has[v] = false;
        if (!rc && jv && jv->type == PN__J_INTEGER) {
            val[v] = (double)jv->u.i;
            has[v] = true;
        } else if (!rc && jv && jv->type == PN__J_REAL) {
            val[v] = jv->u.d;
            has[v] = true;
        } else if (!rc && jv && jv->type != PN__J_NULL && *text == SIZE_MAX) {
            *text = a;
        }
        *any |= jv != NULL;
        pn__jdoc_free(&doc);
        if (rc)
            return rc;
    }
    return 0;
}

/* Numeric r over the vertices with a value and the edges between them. */
static int numeric_r(const pn_graph *g, const double *val, const bool *has, double *r,
                     pn_diags *diags)
{
    const igraph_t *ig = pn_graph_igraph(g);
    size_t n = pn_graph_vertex_count(g), kept = 0;
    igraph_vector_int_t keep;
    igraph_vector_t values;
    igraph_t sub;
    igraph_error_t err = igraph_vector_int_init(&keep, 0);
    if (err)
        return pn__igraph_fail(diags, "assortativity", err);
    for (size_t v = 0; !err && v < n; v++)
        if (has[v])
            err = igraph_vector_int_push_back(&keep, (igraph_integer_t)v);
    kept = (size_t)igraph_vector_int_size(&keep);
    if (!err)
        err = igraph_vector_init(&values, (igraph_integer_t)kept);
    if (err) {
        igraph_vector_int_destroy(&keep);
        return pn__igraph_fail(diags, "assortativity", err);
    }
    /* igraph_induced_subgraph keeps the vertices in order of id. */
    for (size_t i = 0; i < kept; i++)
        VECTOR(values)[i] = val[VECTOR(keep)[i]];
    err = igraph_induced_subgraph(ig, &sub, igraph_vss_vector(&keep), IGRAPH_SUBGRAPH_AUTO);
    if (!err) {
        *r = NAN;
        if (igraph_ecount(&sub) > 0)
            err = igraph_assortativity(&sub, &values, NULL, r, true, true);
        igraph_destroy(&sub);
    }
    igraph_vector_destroy(&values);
    igraph_vector_int_destroy(&keep);
    return err ? pn__igraph_fail(diags, "assortativity", err) : 0;
}

static int nominal_r(const pn_graph *g, const char *attribute, double *r, pn_diags *diags)
{
    pn_grouping *gr = NULL;
    int rc = pn_grouping_new(g, attribute, &gr, diags);
    if (rc)
        return rc;
    size_t n = pn_graph_vertex_count(g);
    igraph_vector_int_t types;
    igraph_error_t err = igraph_vector_int_init(&types, (igraph_integer_t)n);
    for (size_t v = 0; !err && v < n; v++)
        VECTOR(types)[v] = gr->group[v];
    if (!err && pn_graph_edge_count(g) > 0)
        err = igraph_assortativity_nominal(pn_graph_igraph(g), &types, r, true, true);
    igraph_vector_int_destroy(&types);
    pn_grouping_free(gr);
    return err ? pn__igraph_fail(diags, "assortativity", err) : 0;
}

int pn_assortativity_by(const pn_graph *g, const char *attribute, pn_assort_kind kind, double *r,
                        pn_assort_kind *used, pn_diags *diags)
{
    pn__igraph_init();
    *r = NAN;
    if (!attribute || !*attribute) {
        pn_diags_add(diags, PN_SEVERITY_ERROR, NULL, 0, 0, NULL, "assortativity",
                     "assortativity: no attribute given");
        return PN_EINVAL;
    }
    if (is_builtin(attribute) && kind == PN_ASSORT_NUMERIC) {
        pn_diags_add(diags, PN_SEVERITY_ERROR, NULL, 0, 0, NULL, "assortativity",
                     "assortativity: %s has no numeric values", attribute);
        return PN_EINVAL;
    }
    if (is_builtin(attribute) || kind == PN_ASSORT_NOMINAL) {
        if (used)
            *used = PN_ASSORT_NOMINAL;
        return nominal_r(g, attribute, r, diags);
    }
    size_t n = pn_graph_vertex_count(g), text = SIZE_MAX;
    bool any = false;
    double *val = malloc((n + 1) * sizeof(double));
    bool *has = malloc((n + 1) * sizeof(bool));
    int rc = val && has ? field_numbers(g, attribute, val, has, &text, &any) : PN_ENOMEM;
    if (!rc && !any && n > 0) {
        pn_diags_add(diags, PN_SEVERITY_ERROR, NULL, 0, 0, NULL, "groups",
                     "groups: no actor has a field '%s'", attribute);
        rc = PN_ENOTFOUND;
    }
    if (!rc && text != SIZE_MAX && kind == PN_ASSORT_NUMERIC) {
        pn_diags_add(diags, PN_SEVERITY_ERROR, NULL, 0, 0, NULL, "assortativity",
                     "assortativity: the %s of actor %s is not a number", attribute,
                     pn_dataset_actor(pn_graph_dataset(g), text)->id);
        rc = PN_EINVAL;
    }
    bool numeric = text == SIZE_MAX;
    if (!rc && used)
        *used = numeric ? PN_ASSORT_NUMERIC : PN_ASSORT_NOMINAL;
    if (!rc)
        rc = numeric ? numeric_r(g, val, has, r, diags) : nominal_r(g, attribute, r, diags);
    free(val);
    free(has);
    return rc;
}
