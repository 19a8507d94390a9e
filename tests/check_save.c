#include <math.h>
#include <sys/stat.h>
#include <unistd.h>

#include "testutil.h"

static char *save(const pn_dataset *ds)
{
    char *out = NULL;
    ck_assert_int_eq(pn_dataset_save_buffer(ds, &out, NULL), 0);
    return out;
}

/* load -> save -> load -> save: the two saves are the same bytes, and the
 * second load holds what the first did. */
static void round_trip(const char *text)
{
    pn_dataset *a = tu_load_text(text);
    char *s1 = save(a);
    pn_dataset *b = tu_load_text(s1);
    char *s2 = save(b);
    ck_assert_str_eq(s1, s2);
    ck_assert_uint_eq(pn_dataset_actor_count(a), pn_dataset_actor_count(b));
    ck_assert_uint_eq(pn_dataset_tie_count(a), pn_dataset_tie_count(b));
    ck_assert_uint_eq(pn_dataset_source_count(a), pn_dataset_source_count(b));
    for (size_t i = 0; i < pn_dataset_tie_count(a); i++) {
        const pn_tie *x = pn_dataset_tie(a, i), *y = pn_dataset_tie(b, i);
        ck_assert_uint_eq(x->from, y->from);
        ck_assert_uint_eq(x->to, y->to);
        ck_assert_int_eq(x->type, y->type);
        ck_assert_int_eq(pn_date_compare(x->since, y->since), 0);
        ck_assert_int_eq(x->n_sources, y->n_sources);
        ck_assert(x->weight == y->weight);
    }
    pn_dataset_free(a);
    pn_dataset_free(b);
    free(s1);
    free(s2);
}

START_TEST(shipped_datasets)
{
    const char *names[] = {"tangsel.json", "bandung.json"};
    for (size_t i = 0; i < 2; i++) {
        char path[512];
        size_t len;
        snprintf(path, sizeof(path), "%s/%s", PN_DATASETS, names[i]);
        char *text = tu_read(path, &len);
        round_trip(text);
        free(text);
    }
}
END_TEST

static const char everything[] =
    "{\"paranet\": 1, \"title\": \"T \\\"q\\\" \\\\ x\", \"description\": \"line1\\nline2\","
    " \"zeta\": {\"nested\": [1, 2.5, \"s\", null, true]},"
    " \"sources\": [{\"id\": \"s1\", \"cite\": \"C, \\\"D\\\"; E\", \"url\": \"http://x\","
    " \"year\": 2020, \"doi\": \"10.1/x\"}],"
    " \"actors\": [{\"id\": \"daejeon\", \"name\": \"대전광역시\", \"kind\": \"city\","
    " \"country\": \"KR\", \"aliases\": [\"Daejeon\", \"Taejŏn\"], \"region\": \"Chungcheong\","
    " \"note\": \"tab\\there\", \"sources\": [{\"ref\": \"s1\", \"page\": \"12\"}]},"
    " {\"id\": \"tangsel\", \"name\": \"Kota Tangerang Selatan\\\\\", \"kind\": \"city\","
    " \"country\": \"ID\", \"sources\": [\"s1\"]}],"
    " \"ties\": [{\"id\": \"t1\", \"from\": \"tangsel\", \"to\": \"daejeon\", \"type\": \"g2g\","
    " \"instrument\": \"mou\", \"since\": \"2016-05\", \"until\": 2020, \"status\": \"active\","
    " \"sectors\": [\"education\", \"smart-city\"], \"weight\": 0.1, \"directed\": true,"
    " \"note\": \"n\", \"sources\": [\"s1\", {\"ref\": \"s1\", \"page\": 7}], \"x-extra\": "
    "false}]}";

/* Coordinates built in code: kept by add_actor (-0 as 0), saved after
 * region in their shortest form, and a NaN or an out-of-range one refused by
 * pn_dataset_validate at its JSON path (issue 17). */
START_TEST(coordinates_built)
{
    pn_dataset *ds = NULL;
    ck_assert_int_eq(pn_dataset_new(&ds), 0);
    pn_actor a = {.id = "a",
                  .name = "A",
                  .kind = PN_KIND_CITY,
                  .country = "ID",
                  .region = "Banten",
                  .has_coords = true,
                  .lat = -6.28,
                  .lon = -0.0};
    ck_assert_int_eq(pn_dataset_add_actor(ds, &a, NULL), 0);
    const pn_actor *got = pn_dataset_actor(ds, 0);
    ck_assert(got->has_coords && got->lat == -6.28 && got->lon == 0 && !signbit(got->lon));
    char *text = save(ds);
    ck_assert_ptr_nonnull(strstr(text, "\"region\": \"Banten\",\n      \"lat\": -6.28,\n"
                                       "      \"lon\": 0\n"));
    free(text);
    pn_diags *d = NULL;
    ck_assert_int_eq(pn_diags_new(&d), 0);
    pn_load_options opts = PN_LOAD_OPTIONS_INIT;
    ck_assert_int_eq(pn_dataset_validate(ds, &opts, d), 0);
    pn_actor b = {.id = "b",
                  .name = "B",
                  .kind = PN_KIND_CITY,
                  .country = "ID",
                  .has_coords = true,
                  .lat = NAN,
                  .lon = 180.5};
    ck_assert_int_eq(pn_dataset_add_actor(ds, &b, NULL), 0);
    ck_assert_int_eq(pn_dataset_validate(ds, &opts, d), PN_EDATA);
    ck_assert_uint_eq(pn_diags_errors(d), 2);
    ck_assert_str_eq(pn_diags_get(d, 0)->path, "actors[1].lat");
    ck_assert_str_eq(pn_diags_get(d, 0)->check, "bad-coordinate");
    ck_assert_str_eq(pn_diags_get(d, 1)->path, "actors[1].lon");
    pn_diags_free(d);
    pn_dataset_free(ds);
}
END_TEST

START_TEST(every_field_and_odd_text)
{
    round_trip(everything);
    pn_dataset *ds = tu_load_text(everything);
    char *out = save(ds);
    /* Canonical: shortest exact numbers, unknown fields kept, pages as strings. */
    ck_assert_ptr_nonnull(strstr(out, "\"weight\": 0.1,"));
    ck_assert_ptr_nonnull(strstr(out, "\"x-extra\": false"));
    ck_assert_ptr_nonnull(strstr(out, "\"doi\": \"10.1/x\""));
    ck_assert_ptr_nonnull(strstr(out, "\"page\": \"7\""));
    ck_assert_ptr_nonnull(strstr(out, "\"name\": \"대전광역시\""));
    ck_assert_ptr_nonnull(strstr(out, "\"note\": \"tab\\there\""));
    ck_assert_ptr_nonnull(strstr(out, "\"since\": \"2016-05\""));
    ck_assert_ptr_nonnull(strstr(out, "\"until\": 2020"));
    /* Key order: paranet first, unknown top-level fields after ties. */
    ck_assert_ptr_eq(strstr(out, "{\n  \"paranet\": 1,\n  \"title\""), out);
    ck_assert(strstr(out, "\"zeta\"") > strstr(out, "\"ties\""));
    free(out);
    pn_dataset_free(ds);
}
END_TEST

START_TEST(atomic_write)
{
    pn_dataset *ds = tu_load_text(everything);
    char dir[] = "/tmp/pn_save_XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char path[256];
    snprintf(path, sizeof(path), "%s/out.json", dir);
    pn_diags *d = NULL;
    ck_assert_int_eq(pn_diags_new(&d), 0);
    ck_assert_int_eq(pn_dataset_save_file(ds, path, d), 0);
    ck_assert_int_eq(chmod(path, 0640), 0);
    ck_assert_int_eq(pn_dataset_save_file(ds, path, d), 0);
    struct stat st;
    ck_assert_int_eq(stat(path, &st), 0);
    ck_assert_int_eq(st.st_mode & 0777, 0640);
    size_t len;
    char *back = tu_read(path, &len);
    char *mem = save(ds);
    ck_assert_str_eq(back, mem);
    /* No temporary file is left beside it. */
    char tmp[300];
    snprintf(tmp, sizeof(tmp), "ls %s | wc -l | grep -qx 1", dir);
    ck_assert_int_eq(system(tmp), 0);
    /* A failed write names the path and leaves nothing. */
    snprintf(path, sizeof(path), "%s/missing/out.json", dir);
    ck_assert_int_eq(pn_dataset_save_file(ds, path, d), PN_EIO);
    ck_assert_str_eq(pn_diags_get(d, 0)->file, path);
    ck_assert_int_eq(pn_write_file_atomic("/proc/version", "x", 1, NULL), PN_EIO);
    snprintf(tmp, sizeof(tmp), "rm -rf %s", dir);
    ck_assert_int_eq(system(tmp), 0);
    free(back);
    free(mem);
    pn_diags_free(d);
    pn_dataset_free(ds);
}
END_TEST

START_TEST(set_extra)
{
    pn_dataset *ds = tu_load_text(everything);
    ck_assert_int_eq(pn_dataset_set_extra(ds, "actor", 1, "{\"b\": 1, \"a\": [true]}"), 0);
    ck_assert_str_eq(pn_dataset_extra(ds, "actor", 1), "{\"a\":[true],\"b\":1}");
    ck_assert_int_eq(pn_dataset_set_extra(ds, "actor", 1, "{\"name\": 1}"), PN_EINVAL);
    ck_assert_int_eq(pn_dataset_set_extra(ds, "actor", 1, "[1]"), PN_EINVAL);
    ck_assert_int_eq(pn_dataset_set_extra(ds, "actor", 99, "{}"), PN_EINVAL);
    ck_assert_int_eq(pn_dataset_set_extra(ds, "actor", 1, NULL), 0);
    ck_assert_ptr_null(pn_dataset_extra(ds, "actor", 1));
    pn_dataset_free(ds);
}
END_TEST

static const char reals[] =
    "{\"paranet\": 1, \"r1\": 1.0, \"r2\": -0.0, \"r3\": 1E5, \"i\": -0, \"actors\": ["
    "{\"id\": \"a\", \"name\": \"A\", \"kind\": \"city\", \"country\": \"ID\","
    " \"x\": {\"deep\": [1.0, -0.0, 3, 0.5]}},"
    "{\"id\": \"b\", \"name\": \"B\", \"kind\": \"city\", \"country\": \"ID\"}],"
    " \"ties\": [{\"from\": \"a\", \"to\": \"b\", \"type\": \"horizontal\", \"weight\": 2.0,"
    " \"w\": 1.0}, {\"from\": \"b\", \"to\": \"a\", \"type\": \"horizontal\", \"weight\": -0.0}]}";

/* Reals stay reals and -0.0 stays -0.0, so that save is idempotent; a
 * weight, a number whole or not, is written as given in most datasets. */
START_TEST(reals_stay_reals)
{
    round_trip(reals);
    pn_dataset *ds = tu_load_text(reals);
    char *s1 = save(ds);
    ck_assert_ptr_nonnull(strstr(s1, "\"r1\": 1.0,"));
    ck_assert_ptr_nonnull(strstr(s1, "\"r2\": -0.0,"));
    ck_assert_ptr_nonnull(strstr(s1, "\"r3\": 100000.0"));
    ck_assert_ptr_nonnull(strstr(s1, "\"i\": 0"));
    ck_assert_ptr_nonnull(strstr(s1, "\"deep\": [1.0, -0.0, 3, 0.5]"));
    ck_assert_ptr_nonnull(strstr(s1, "\"weight\": 2,"));
    ck_assert_ptr_nonnull(strstr(s1, "\"w\": 1.0"));
    ck_assert_ptr_nonnull(strstr(s1, "\"weight\": 0\n"));
    free(s1);
    pn_dataset_free(ds);
}
END_TEST

/* {"paranet": 1, "x": [[...]]} with an unknown actor field nested n deep. */
static char *nested(size_t n)
{
    char *t = malloc(2 * n + 256);
    size_t used = (size_t)sprintf(t, "{\"paranet\": 1, \"actors\": [{\"id\": \"a\", \"name\": "
                                     "\"A\", \"kind\": \"city\", \"country\": \"ID\", \"x\": ");
    memset(t + used, '[', n);
    memset(t + used + n, ']', n);
    sprintf(t + used + 2 * n, "}], \"ties\": []}");
    return t;
}

/* What the reader takes with a max_depth, it reads back saved with the
 * same max_depth; without it, the refusal names the line and column. */
START_TEST(deep_extra_round_trip)
{
    char *text = nested(100);
    pn_diags *d = NULL;
    ck_assert_int_eq(pn_diags_new(&d), 0);
    pn_dataset *ds = NULL, *again = NULL;
    ck_assert_int_eq(pn_dataset_load_buffer(&ds, text, strlen(text), NULL, d), PN_ELIMIT);
    ck_assert_int_eq(pn_diags_get(d, 0)->line, 1);
    /* The 62nd '[' of the field is level 65: actors, actor, then x. */
    ck_assert_int_eq(pn_diags_get(d, 0)->column,
                     (int)(strstr(text, "\"x\": ") - text) + 5 + 1 + 61);
    pn_load_options o = PN_LOAD_OPTIONS_INIT;
    o.max_depth = 103;
    ck_assert_int_eq(pn_dataset_load_buffer(&ds, text, strlen(text), &o, d), 0);
    char *s1 = save(ds);
    ck_assert_int_eq(pn_dataset_load_buffer(&again, s1, strlen(s1), &o, d), 0);
    char *s2 = save(again);
    ck_assert_str_eq(s1, s2);
    o.max_depth = 102;
    pn_dataset_free(again);
    ck_assert_int_eq(pn_dataset_load_buffer(&again, s1, strlen(s1), &o, d), PN_ELIMIT);
    free(s1);
    free(s2);
    /* Deeper than any max_depth takes (2000): refused, not written. */
    char *deep = malloc(2 * 1998 + 16);
    strcpy(deep, "{\"y\": ");
    memset(deep + 6, '[', 1998);
    memset(deep + 6 + 1998, ']', 1998);
    strcpy(deep + 6 + 2 * 1998, "}");
    ck_assert_int_eq(pn_dataset_set_extra(ds, "actor", 0, deep), 0);
    char *s3 = NULL;
    ck_assert_int_eq(pn_dataset_save_buffer(ds, &s3, NULL), PN_ELIMIT);
    ck_assert_ptr_null(s3);
    deep[6] = ' '; /* 1997 + 1 + 2: at the limit */
    deep[6 + 2 * 1998 - 1] = ' ';
    ck_assert_int_eq(pn_dataset_set_extra(ds, "actor", 0, deep), 0);
    ck_assert_int_eq(pn_dataset_save_buffer(ds, &s3, NULL), 0);
    free(s3);
    free(deep);
    free(text);
    pn_dataset_free(ds);
    pn_diags_free(d);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("save");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, shipped_datasets);
    tcase_add_test(tc, every_field_and_odd_text);
    tcase_add_test(tc, atomic_write);
    tcase_add_test(tc, set_extra);
    tcase_add_test(tc, reals_stay_reals);
    tcase_add_test(tc, coordinates_built);
    tcase_add_test(tc, deep_extra_round_trip);
    suite_add_tcase(s, tc);
    return tu_run(s);
}
