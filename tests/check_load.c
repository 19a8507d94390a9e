#include <dirent.h>

#include "testutil.h"
/* pn__utf8_floor, pn__short: the library is static, its internals reachable. */
#include "../libgraph/src/core/util.h"

/* Each tests/data/{invalid,warnings}/<case>/ holds input.json and
 * `expected`: the exact diagnostic lines, then "exit N" (N = 0 valid, 1 invalid). */
static void run_case(const char *group, const char *name, bool strict)
{
    char path[512], exp_path[512];
    snprintf(path, sizeof(path), "%s/%s/%s/input.json", PN_TEST_DATA, group, name);
    snprintf(exp_path, sizeof(exp_path), "%s/%s/%s/expected", PN_TEST_DATA, group, name);
    size_t len;
    char *expected = tu_read(exp_path, &len);
    pn_diags *d = NULL;
    ck_assert_int_eq(pn_diags_new(&d), 0);
    pn_load_options opts = PN_LOAD_OPTIONS_INIT;
    opts.name = "input.json";
    opts.strict = strict;
    pn_dataset *ds = NULL;
    int rc = pn_dataset_load_file(&ds, path, &opts, d);
    /* Build the text the CLI prints, minus its summary line. */
    char *text = calloc(1, 65536);
    size_t used = 0;
    for (size_t i = 0; i < pn_diags_count(d); i++) {
        used += (size_t)pn_diag_format(pn_diags_get(d, i), text + used, 65536 - used);
        text[used++] = '\n';
    }
    size_t total = pn_diags_errors(d) + pn_diags_warnings(d);
    if (total > pn_diags_count(d))
        used += (size_t)snprintf(
            text + used, 65536 - used, "... and %zu more (%zu errors, %zu warnings in all)\n",
            total - pn_diags_count(d), pn_diags_errors(d), pn_diags_warnings(d));
    bool valid = rc == 0;
    snprintf(text + used, 65536 - used, "exit %d\n", valid ? 0 : 1);
    if (strict) {
        /* Strict: the same lines, but a dataset with warnings is invalid. */
        char *e = strstr(expected, "exit 0");
        if (e && pn_diags_warnings(d) > 0)
            e[5] = '1';
    }
    ck_assert_msg(strcmp(text, expected) == 0, "%s/%s%s:\n--- expected\n%s--- got\n%s", group, name,
                  strict ? " (strict)" : "", expected, text);
    ck_assert(valid == (ds != NULL));
    pn_dataset_free(ds);
    pn_diags_free(d);
    free(text);
    free(expected);
}

static size_t run_group(const char *group, bool strict)
{
    char dir[512];
    snprintf(dir, sizeof(dir), "%s/%s", PN_TEST_DATA, group);
    DIR *dp = opendir(dir);
    ck_assert_ptr_nonnull(dp);
    struct dirent *e;
    size_t n = 0;
    while ((e = readdir(dp)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        run_case(group, e->d_name, strict);
        n++;
    }
    closedir(dp);
    return n;
}

START_TEST(invalid_cases)
{
    ck_assert_uint_ge(run_group("invalid", false), 35);
}
END_TEST

START_TEST(warning_cases)
{
    ck_assert_uint_ge(run_group("warnings", false), 10);
    ck_assert_uint_ge(run_group("warnings", true), 10);
}
END_TEST

START_TEST(shipped_datasets_are_clean)
{
    const char *names[] = {"tangsel.json", "bandung.json"};
    for (size_t i = 0; i < 2; i++) {
        char path[512];
        snprintf(path, sizeof(path), "%s/%s", PN_DATASETS, names[i]);
        pn_diags *d = NULL;
        ck_assert_int_eq(pn_diags_new(&d), 0);
        pn_load_options opts = PN_LOAD_OPTIONS_INIT;
        opts.strict = true;
        pn_dataset *ds = NULL;
        ck_assert_int_eq(pn_dataset_load_file(&ds, path, &opts, d), 0);
        ck_assert_uint_eq(pn_diags_count(d), 0);
        ck_assert_uint_gt(pn_dataset_tie_count(ds), 0);
        /* Every tie of a shipped dataset cites its study. */
        for (size_t t = 0; t < pn_dataset_tie_count(ds); t++)
            ck_assert_uint_gt(pn_dataset_tie(ds, t)->n_sources, 0);
        pn_dataset_free(ds);
        pn_diags_free(d);
    }
}
END_TEST

START_TEST(tangsel_content)
{
    pn_dataset *ds = tu_load_file(PN_DATASETS "/tangsel.json");
    size_t tangsel, daejeon;
    ck_assert_int_eq(pn_dataset_find_actor(ds, "tangsel", &tangsel), 0);
    ck_assert_int_eq(pn_dataset_find_actor(ds, "daejeon", &daejeon), 0);
    ck_assert_str_eq(pn_dataset_actor(ds, daejeon)->country, "KR");
    /* The studies: an LoI, then the 2016 MoU of friendship cooperation. */
    bool loi = false, mou2016 = false;
    for (size_t i = 0; i < pn_dataset_tie_count(ds); i++) {
        const pn_tie *t = pn_dataset_tie(ds, i);
        bool pair =
            (t->from == tangsel && t->to == daejeon) || (t->from == daejeon && t->to == tangsel);
        if (pair && t->instrument == PN_INSTRUMENT_LOI)
            loi = true;
        if (pair && t->instrument == PN_INSTRUMENT_MOU && t->since.year == 2016)
            mou2016 = true;
    }
    ck_assert(loi);
    ck_assert(mou2016);
    pn_dataset_free(ds);
}
END_TEST

START_TEST(file_errors)
{
    pn_diags *d = NULL;
    pn_dataset *ds = NULL;
    ck_assert_int_eq(pn_diags_new(&d), 0);
    ck_assert_int_eq(pn_dataset_load_file(&ds, "/nonexistent/x.json", NULL, d), PN_EIO);
    ck_assert_int_eq(pn_dataset_load_file(&ds, PN_TEST_DATA, NULL, d), PN_EIO);
    ck_assert_str_eq(pn_diags_get(d, 1)->message, "is a directory, not a file");
    pn_load_options opts = PN_LOAD_OPTIONS_INIT;
    opts.max_bytes = 1 << 20;
    ck_assert_int_eq(pn_dataset_load_file(&ds, "/dev/zero", &opts, d), PN_ELIMIT);
    ck_assert_ptr_null(ds);
    ck_assert_uint_eq(pn_diags_errors(d), 3);
    pn_diags_free(d);
}
END_TEST

START_TEST(extra_fields_kept)
{
    const char *text = "{\"paranet\": 1, \"zz_top\": [1, 2], \"actors\": ["
                       "{\"id\": \"a\", \"name\": \"A\", \"kind\": \"city\", \"country\": \"ID\","
                       " \"population\": 1354350, \"website\": {\"url\": \"x\"}},"
                       "{\"id\": \"b\", \"name\": \"B\", \"kind\": \"city\", \"country\": \"KR\"}],"
                       " \"ties\": [{\"from\": \"a\", \"to\": \"b\", \"type\": \"g2g\","
                       " \"budget_idr\": 12.5, \"sources\": []}]}";
    pn_diags *d = NULL;
    pn_dataset *ds = NULL;
    ck_assert_int_eq(pn_diags_new(&d), 0);
    ck_assert_int_eq(pn_dataset_load_buffer(&ds, text, strlen(text), NULL, d), 0);
    ck_assert_str_eq(pn_dataset_extra(ds, "dataset", 0), "{\"zz_top\":[1,2]}");
    ck_assert_str_eq(pn_dataset_extra(ds, "actor", 0),
                     "{\"population\":1354350,\"website\":{\"url\":\"x\"}}");
    ck_assert_ptr_null(pn_dataset_extra(ds, "actor", 1));
    ck_assert_str_eq(pn_dataset_extra(ds, "tie", 0), "{\"budget_idr\":12.5}");
    /* Unknown fields are not near-misses of known ones: no warning. A tie
     * citing no source is. */
    ck_assert_uint_eq(pn_diags_warnings(d), 1);
    ck_assert_str_eq(pn_diags_get(d, 0)->check, "no-source");
    pn_dataset_free(ds);
    pn_diags_free(d);
}
END_TEST

START_TEST(validate_built_dataset)
{
    pn_dataset *ds = NULL;
    ck_assert_int_eq(pn_dataset_new(&ds), 0);
    pn_source s = {"s1", "A study", NULL, 2020};
    ck_assert_int_eq(pn_dataset_add_source(ds, &s, NULL), 0);
    ck_assert_int_eq(pn_dataset_add_source(ds, &s, NULL), PN_EINVAL);
    pn_actor a = {0};
    a.id = "a";
    a.name = "A";
    a.kind = PN_KIND_CITY;
    memcpy(a.country, "ID", 3);
    ck_assert_int_eq(pn_dataset_add_actor(ds, &a, NULL), 0);
    a.id = "B!";
    a.name = "B";
    memcpy(a.country, "XX", 3);
    ck_assert_int_eq(pn_dataset_add_actor(ds, &a, NULL), 0);
    pn_tie t = {0};
    t.from = 0;
    t.to = 1;
    t.type = PN_TYPE_G2G;
    t.instrument = PN_INSTRUMENT_NONE;
    t.status = PN_STATUS_NONE;
    t.has_weight = true;
    t.weight = -3;
    ck_assert_int_eq(pn_dataset_add_tie(ds, &t, NULL), 0);
    t.to = 7;
    ck_assert_int_eq(pn_dataset_add_tie(ds, &t, NULL), PN_EINVAL);
    pn_diags *d = NULL;
    ck_assert_int_eq(pn_diags_new(&d), 0);
    ck_assert_int_eq(pn_dataset_validate(ds, NULL, d), PN_EDATA);
    /* bad id, bad country, bad weight */
    ck_assert_uint_eq(pn_diags_errors(d), 3);
    ck_assert_str_eq(pn_diags_get(d, 0)->path, "actors[1].id");
    ck_assert_str_eq(pn_diags_get(d, 1)->path, "actors[1].country");
    ck_assert_str_eq(pn_diags_get(d, 2)->path, "ties[0].weight");
    pn_diags_free(d);
    pn_dataset_free(ds);
}
END_TEST

/* A dataset of n actors "actor-0000".. and one tie to each of the names
 * given: the caller frees the text. */
static char *many_actors(size_t n, const char *const *to, size_t n_to)
{
    size_t cap = 256 + n * 96 + n_to * 96, used = 0;
    for (size_t i = 0; i < n_to; i++)
        cap += strlen(to[i]);
    char *t = malloc(cap);
    used += (size_t)snprintf(t + used, cap - used, "{\"paranet\": 1, \"actors\": [");
    for (size_t i = 0; i < n; i++)
        used += (size_t)snprintf(t + used, cap - used,
                                 "%s{\"id\": \"actor-%04zu\", \"name\": \"A\", \"kind\": "
                                 "\"city\", \"country\": \"ID\"}",
                                 i ? "," : "", i);
    used += (size_t)snprintf(t + used, cap - used, "], \"ties\": [");
    for (size_t i = 0; i < n_to; i++)
        used += (size_t)snprintf(t + used, cap - used,
                                 "%s{\"from\": \"actor-0000\", \"to\": \"%s\", \"type\": "
                                 "\"horizontal\"}",
                                 i ? "," : "", to[i]);
    snprintf(t + used, cap - used, "]}");
    return t;
}

/* The message of the diagnostic at path, or "". */
static const char *message_at(const pn_diags *d, const char *path)
{
    for (size_t i = 0; i < pn_diags_count(d); i++)
        if (pn_diags_get(d, i)->path && strcmp(pn_diags_get(d, i)->path, path) == 0)
            return pn_diags_get(d, i)->message;
    return "";
}

/* did-you-mean among 5,000 actors: a slip at the start, in the middle or
 * at the end is found, and the answer for a name does not depend on what
 * was asked before it. */
START_TEST(nearest_among_many)
{
    const char *typos[] = {"actr-4321", "actor-43x21", "actor-432", "zzzzzzzzz", "xctor-1234"};
    char *text = many_actors(5000, typos, 5);
    pn_diags *d = NULL;
    ck_assert_int_eq(pn_diags_new(&d), 0);
    pn_dataset *ds = NULL;
    ck_assert_int_eq(pn_dataset_load_buffer(&ds, text, strlen(text), NULL, d), PN_EDATA);
    ck_assert_str_eq(message_at(d, "ties[0].to"),
                     "no actor \"actr-4321\" (did you mean \"actor-4321\"?)");
    ck_assert_str_eq(message_at(d, "ties[1].to"),
                     "no actor \"actor-43x21\" (did you mean \"actor-4321\"?)");
    /* Ten actors are one edit away: the first of them. */
    ck_assert_str_eq(message_at(d, "ties[2].to"),
                     "no actor \"actor-432\" (did you mean \"actor-0432\"?)");
    ck_assert_str_eq(message_at(d, "ties[3].to"), "no actor \"zzzzzzzzz\"");
    ck_assert_str_eq(message_at(d, "ties[4].to"),
                     "no actor \"xctor-1234\" (did you mean \"actor-1234\"?)");
    free(text);
    /* The same names in the other order, alone: the same answers. */
    const char *back[] = {"xctor-1234", "actor-432"};
    text = many_actors(5000, back, 2);
    pn_diags_clear(d);
    ck_assert_int_eq(pn_dataset_load_buffer(&ds, text, strlen(text), NULL, d), PN_EDATA);
    ck_assert_str_eq(message_at(d, "ties[0].to"),
                     "no actor \"xctor-1234\" (did you mean \"actor-1234\"?)");
    ck_assert_str_eq(message_at(d, "ties[1].to"),
                     "no actor \"actor-432\" (did you mean \"actor-0432\"?)");
    free(text);
    pn_diags_free(d);
}
END_TEST

/* Ids chosen to fall in 64 slots of the unkeyed FNV-1a map that was:
 * every id is still found, and two loads save the same bytes (the keyed
 * hash changes no output). */
static uint64_t fnv1a(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ULL;
    }
    return h;
}

START_TEST(colliding_ids)
{
    enum { N = 3000 };
    size_t cap = 16;
    while (N * 2 > cap)
        cap *= 2;
    size_t tcap = 256 + N * 160, used = 0;
    char *t = malloc(tcap);
    char(*ids)[16] = malloc(N * sizeof(*ids));
    used += (size_t)snprintf(t + used, tcap - used, "{\"paranet\": 1, \"actors\": [");
    size_t k = 0;
    for (unsigned long i = 0; k < N; i++) {
        char id[16];
        snprintf(id, sizeof(id), "c%lx", i);
        uint64_t h = fnv1a(id);
        if (((h ^ (h >> 29)) & (cap - 1)) >= 64)
            continue;
        memcpy(ids[k], id, sizeof(id));
        used += (size_t)snprintf(t + used, tcap - used,
                                 "%s{\"id\": \"%s\", \"name\": \"A\", \"kind\": \"city\", "
                                 "\"country\": \"ID\"}",
                                 k ? "," : "", id);
        k++;
    }
    used += (size_t)snprintf(t + used, tcap - used, "], \"ties\": [");
    for (k = 0; k + 1 < N; k++)
        used += (size_t)snprintf(t + used, tcap - used,
                                 "%s{\"from\": \"%s\", \"to\": \"%s\", \"type\": "
                                 "\"horizontal\", \"id\": \"%s\"}",
                                 k ? "," : "", ids[k], ids[k + 1], ids[k]);
    snprintf(t + used, tcap - used, "]}");
    pn_dataset *a = tu_load_text(t), *b = tu_load_text(t);
    ck_assert_uint_eq(pn_dataset_actor_count(a), N);
    for (k = 0; k < N; k++) {
        size_t at;
        ck_assert_int_eq(pn_dataset_find_actor(a, ids[k], &at), 0);
        ck_assert_uint_eq(at, k);
        if (k + 1 < N) {
            ck_assert_int_eq(pn_dataset_find_tie(b, ids[k], &at), 0);
            ck_assert_uint_eq(at, k);
        }
    }
    ck_assert_int_eq(pn_dataset_find_actor(a, "c-none", NULL), PN_ENOTFOUND);
    char *sa, *sb;
    size_t la, lb;
    ck_assert_int_eq(pn_dataset_save_buffer(a, &sa, &la), 0);
    ck_assert_int_eq(pn_dataset_save_buffer(b, &sb, &lb), 0);
    ck_assert_uint_eq(la, lb);
    ck_assert(memcmp(sa, sb, la) == 0);
    free(sa);
    free(sb);
    pn_dataset_free(a);
    pn_dataset_free(b);
    free(ids);
    free(t);
}
END_TEST

/* A 1 MB unknown id is cut in its middle: the message still says what is
 * wrong, with the id's beginning and end. */
START_TEST(long_id_cut_in_the_middle)
{
    size_t n = 1 << 20;
    char *id = malloc(n + 1);
    for (size_t i = 0; i < n; i++)
        id[i] = (char)('a' + i % 26);
    memcpy(id + n - 4, "-end", 4);
    id[n] = '\0';
    const char *to[] = {id};
    char *text = many_actors(3, to, 1);
    pn_diags *d = NULL;
    ck_assert_int_eq(pn_diags_new(&d), 0);
    pn_dataset *ds = NULL;
    ck_assert_int_eq(pn_dataset_load_buffer(&ds, text, strlen(text), NULL, d), PN_EDATA);
    ck_assert_str_eq(message_at(d, "ties[0].to"),
                     "no actor \"abcdefghijklmnopqrstuvwxyzabcdefghijklmn\xE2\x80\xA6"
                     "cdefghijklmnopqr-end\"");
    free(text);
    free(id);
    pn_diags_free(d);
}
END_TEST

/* Text cut to a size never ends inside a UTF-8 sequence. */
START_TEST(cut_on_characters)
{
    ck_assert_uint_eq(pn__utf8_floor("ab\xC3\xA9", 3), 2);    /* é cut after its lead */
    ck_assert_uint_eq(pn__utf8_floor("ab\xC3\xA9", 4), 4);    /* whole */
    ck_assert_uint_eq(pn__utf8_floor("a\xE2\x80\xA6", 3), 1); /* … cut after 2 of 3 */
    ck_assert_uint_eq(pn__utf8_floor("a\xF0\x9F\x98\x80", 4), 1);
    ck_assert_uint_eq(pn__utf8_floor("a\xF0\x9F\x98\x80", 5), 5);
    ck_assert_uint_eq(pn__utf8_floor("abc", 2), 2);
    pn_diags *d = NULL;
    ck_assert_int_eq(pn_diags_new(&d), 0);
    char msg[2100];
    for (size_t i = 0; i < 1000; i++)
        memcpy(msg + 2 * i, "\xC3\xA9", 2); /* é */
    msg[2000] = '\0';
    ck_assert_int_eq(pn_diags_add(d, PN_SEVERITY_ERROR, "f", 1, 1, NULL, "x", "z%s", msg), 0);
    ck_assert_uint_eq(strlen(pn_diags_get(d, 0)->message), 2001);
    char out[63];
    int need = pn_diag_format(pn_diags_get(d, 0), out, sizeof(out));
    ck_assert_int_gt(need, 2000);
    /* "f:1:1: error: z" is 15 bytes, then é's: 62 bytes would cut one in two. */
    ck_assert_uint_eq(strlen(out), 61);
    ck_assert_int_eq((unsigned char)out[60], 0xA9);
    /* Truncated in the middle, as a message shows it. */
    char sh[PN__SHORT_SIZE];
    ck_assert_str_eq(pn__short("short", sh), "short");
    const char *s = pn__short(msg, sh);
    ck_assert_uint_eq(strlen(s), 2 * 40 + 3 + 2 * 20);
    pn_diags_free(d);
}
END_TEST

/* until against since at the precision both give. */
static int load_dates(const char *since, const char *until, pn_diags *d)
{
    char text[512];
    snprintf(text, sizeof(text),
             "{\"paranet\": 1, \"actors\": [{\"id\": \"a\", \"name\": \"A\", \"kind\": "
             "\"city\", \"country\": \"ID\"}, {\"id\": \"b\", \"name\": \"B\", \"kind\": "
             "\"city\", \"country\": \"ID\"}], \"ties\": [{\"from\": \"a\", \"to\": \"b\", "
             "\"type\": \"horizontal\", \"since\": %s, \"until\": %s}]}",
             since, until);
    pn_dataset *ds = NULL;
    pn_diags_clear(d);
    int rc = pn_dataset_load_buffer(&ds, text, strlen(text), NULL, d);
    pn_dataset_free(ds);
    return rc;
}

START_TEST(until_at_shared_precision)
{
    pn_diags *d = NULL;
    ck_assert_int_eq(pn_diags_new(&d), 0);
    ck_assert_int_eq(load_dates("\"2016-05-12\"", "2016", d), 0);
    ck_assert_int_eq(load_dates("2016", "\"2016-01\"", d), 0);
    ck_assert_int_eq(load_dates("\"2016-05\"", "\"2016-05-01\"", d), 0);
    ck_assert_int_eq(load_dates("\"2016-05-12\"", "\"2016-05\"", d), 0);
    ck_assert_int_eq(load_dates("\"2016-05-12\"", "\"2016-04\"", d), PN_EDATA);
    ck_assert_str_eq(message_at(d, "ties[0].until"), "until 2016-04 is before since 2016-05-12");
    ck_assert_int_eq(load_dates("\"2016-05-12\"", "\"2016-05-11\"", d), PN_EDATA);
    ck_assert_int_eq(load_dates("\"2016-05\"", "2015", d), PN_EDATA);
    pn_diags_free(d);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("load");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, invalid_cases);
    tcase_add_test(tc, warning_cases);
    tcase_add_test(tc, shipped_datasets_are_clean);
    tcase_add_test(tc, tangsel_content);
    tcase_add_test(tc, file_errors);
    tcase_add_test(tc, extra_fields_kept);
    tcase_add_test(tc, validate_built_dataset);
    tcase_add_test(tc, nearest_among_many);
    tcase_add_test(tc, colliding_ids);
    tcase_add_test(tc, long_id_cut_in_the_middle);
    tcase_add_test(tc, cut_on_characters);
    tcase_add_test(tc, until_at_shared_precision);
    suite_add_tcase(s, tc);
    return tu_run(s);
}
