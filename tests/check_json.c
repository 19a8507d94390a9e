/* paranet's JSON parser (libgraph/src/store/json.c) held to jansson, its oracle:
 * on every text below, and on every JSON file of the repository, both must
 * refuse it, or both take it and build the same value. Then what the
 * loader adds on top: locations of syntax errors still come from jansson,
 * the depth limit, and progress. */
#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <paranet.h>

#include "json_oracle.h"

typedef struct jcase {
    const char *text;
    bool valid; /* what RFC 8259 + jansson's flags say; checked too */
} jcase;

static const jcase cases[] = {
    {"{}", true},
    {"[]", true},
    {" \t\r\n{ } \n", true},
    {"[1,2,3]", true},
    {"{\"a\":1,\"b\":[true,false,null]}", true},
    {"[-0]", true},
    {"[-0.0]", true},
    {"[0]", true},
    {"[1e5]", true},
    {"[1E+5]", true},
    {"[2.5e-3]", true},
    {"[1e-400]", true}, /* underflow is not an error for jansson */
    {"[9223372036854775807]", true},
    {"[-9223372036854775808]", true},
    {"[1.7976931348623157e308]", true},
    {"[123456789012345678901234567890123456789012345678901234567890123456789.5]", true},
    {"[0.1000000000000000055511151231257827021181583404541015625000000000000001]", true},
    {"[\"\\u00e9\\ud83d\\ude00\"]", true},
    {"[\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"]", true},
    {"[\"\xc3\xa9\"]", true},
    {"[\"\xf0\x9d\x84\x9e\"]", true},
    {"[\"\xef\xbf\xbf\"]", true},
    {"[\"\\u0041\\u00FF\\uFFFF\"]", true},
    {"{\"\":1}", true},
    {"{\"a\":{\"a\":{\"a\":[]}}}", true},
    {"[\"\x7f\"]", true},
    {"[\"a\",\"a\",\"a\"]", true}, /* the short-string cache hands out one copy */
    {"{\"k1\":1,\"k2\":2,\"k3\":3,\"k4\":4,\"k5\":5,\"k6\":6,\"k7\":7,\"k8\":8,\"k9\":9,\"k10\":10,"
     "\"k11\":11,\"k12\":12,\"k13\":13,\"k14\":14,\"k15\":15,\"k16\":16,\"k17\":17,\"k18\":18}",
     true},
    {"", false},
    {" ", false},
    {"1", false}, /* a scalar at the top: jansson without JSON_DECODE_ANY */
    {"\"a\"", false},
    {"null", false},
    {"{", false},
    {"[", false},
    {"[1,]", false},
    {"{\"a\":1,}", false},
    {"{\"a\"}", false},
    {"{\"a\":}", false},
    {"{a:1}", false},
    {"[01]", false},
    {"[1.]", false},
    {"[.5]", false},
    {"[-]", false},
    {"[1e]", false},
    {"[1e+]", false},
    {"[+1]", false},
    {"[0x10]", false},
    {"[NaN]", false},
    {"[Infinity]", false},
    {"[9223372036854775808]", false},
    {"[-9223372036854775809]", false},
    {"[1e400]", false},
    {"[-1e400]", false},
    {"[\"\\u0000\"]", false},
    {"{\"a\\u0000\":1}", false},
    {"[\"\\ud800\"]", false},
    {"[\"\\udc00\"]", false},
    {"[\"\\ud800\\u0041\"]", false},
    {"[\"\\ud800\\\"]", false},
    {"[\"\\x\"]", false},
    {"[\"\\u12\"]", false},
    {"[\"\\u12G4\"]", false},
    {"[\"a", false},
    {"[\"a\\", false},
    {"[\"\x01\"]", false},
    {"[\"a\nb\"]", false},
    {"[\"\xff\"]", false},
    {"[\"\xc0\x80\"]", false},
    {"[\"\xc1\xbf\"]", false},
    {"[\"\xe0\x80\x80\"]", false},
    {"[\"\xed\xa0\x80\"]", false},
    {"[\"\xf4\x90\x80\x80\"]", false},
    {"[\"\xf5\x80\x80\x80\"]", false},
    {"[\"\xe2\x82\"]", false},
    {"[\"\x80\"]", false},
    {"{\"a\":1,\"a\":2}", false},
    {"{\"k1\":1,\"k2\":2,\"k3\":3,\"k4\":4,\"k5\":5,\"k6\":6,\"k7\":7,\"k8\":8,\"k9\":9,\"k10\":10,"
     "\"k11\":11,\"k12\":12,\"k13\":13,\"k14\":14,\"k15\":15,\"k16\":16,\"k17\":17,\"k3\":18}",
     false},
    {"[true false]", false},
    {"[tru]", false},
    {"[nul]", false},
    {"[True]", false},
    {"{}{}", false},
    {"{} x", false},
    {"[1]]", false},
    {"[\xc3\xa9]", false},
    {"\xef\xbb\xbf{}", false}, /* a BOM */
    {"{\"a\" 1}", false},
    {"[1 2]", false},
    {"[1,,2]", false},
    {"['a']", false},
    {"[\"\t\"]", false},
};

START_TEST(test_cases)
{
    const jcase *c = &cases[_i];
    size_t len = strlen(c->text);
    const char *why = pn_test_json_agree(c->text, len);
    ck_assert_msg(why == NULL, "case %d (%s): %s", _i, c->text, why);
    pn__jdoc doc;
    int rc = pn__json_parse(&doc, c->text, len, NULL, NULL);
    ck_assert_msg((rc == 0) == c->valid, "case %d (%s): parse returned %d", _i, c->text, rc);
    pn__jdoc_free(&doc);
}
END_TEST

/* Every prefix of a valid text but the whole is refused, by both. */
START_TEST(test_prefixes)
{
    const char *text = "{\"paranet\": 1, \"a\": [1, -2.5e3, \"x\\u00e9\\ud83d\\ude00\", true, "
                       "false, null, {\"b\": {}}], \"c\": \"\xc3\xa9\xe2\x82\xac\"}";
    size_t len = strlen(text);
    for (size_t n = 0; n <= len; n++) {
        const char *why = pn_test_json_agree(text, n);
        ck_assert_msg(why == NULL, "prefix %zu: %s", n, why);
        pn__jdoc doc;
        int rc = pn__json_parse(&doc, text, n, NULL, NULL);
        ck_assert_int_eq(rc == 0, n == len);
        pn__jdoc_free(&doc);
    }
}
END_TEST

/* Nesting: jansson allows 2048 levels and refuses 2049; so must we, and
 * report the depth we saw. */
static char *nested(size_t depth)
{
    char *s = malloc(2 * depth + 1);
    memset(s, '[', depth);
    memset(s + depth, ']', depth);
    s[2 * depth] = '\0';
    return s;
}

START_TEST(test_depth)
{
    char *ok = nested(2048), *deep = nested(2049);
    ck_assert_ptr_null(pn_test_json_agree(ok, strlen(ok)));
    ck_assert_ptr_null(pn_test_json_agree(deep, strlen(deep)));
    pn__jdoc doc;
    ck_assert_int_eq(pn__json_parse(&doc, ok, strlen(ok), NULL, NULL), 0);
    ck_assert_uint_eq(doc.depth, 2048);
    pn__jdoc_free(&doc);
    ck_assert_int_eq(pn__json_parse(&doc, deep, strlen(deep), NULL, NULL), PN_EDATA);
    pn__jdoc_free(&doc);
    free(ok);
    free(deep);
}
END_TEST

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = malloc((size_t)n + 1);
    *len = fread(s, 1, (size_t)n, f);
    fclose(f);
    return s;
}

static int agree_in_dir(const char *dir, const char *name_end)
{
    int files = 0;
    DIR *d = opendir(dir);
    ck_assert_msg(d != NULL, "%s", dir);
    struct dirent *e;
    while ((e = readdir(d))) {
        char path[4096];
        size_t nl = strlen(e->d_name), el = strlen(name_end);
        if (e->d_name[0] == '.')
            continue;
        snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
        if (e->d_type == DT_DIR) {
            files += agree_in_dir(path, name_end);
            continue;
        }
        if (nl < el || strcmp(e->d_name + nl - el, name_end) != 0)
            continue;
        size_t len;
        char *text = read_all(path, &len);
        ck_assert_ptr_nonnull(text);
        const char *why = pn_test_json_agree(text, len);
        ck_assert_msg(why == NULL, "%s: %s", path, why);
        free(text);
        files++;
    }
    closedir(d);
    return files;
}

/* Every JSON file of the repository: datasets, test inputs, fuzz seeds. */
START_TEST(test_repository_files)
{
    int n = agree_in_dir(PN_DATASETS, ".json");
    n += agree_in_dir(PN_TEST_DATA, ".json");
    n += agree_in_dir(PN_SOURCE_DIR "/tests/fuzz/corpus/fuzz_load", ".json");
    ck_assert_int_gt(n, 60);
}
END_TEST

/* The loader on a text the parser refuses still says where, via jansson. */
START_TEST(test_loader_locates_syntax_errors)
{
    const char *text = "{\n  \"paranet\": 1,\n  \"actors\": [01]\n}\n";
    pn_diags *d = NULL;
    ck_assert_int_eq(pn_diags_new(&d), 0);
    pn_load_options o = PN_LOAD_OPTIONS_INIT;
    o.name = "x.json";
    ck_assert_int_eq(pn_dataset_load_buffer(NULL, text, strlen(text), &o, d), PN_EDATA);
    ck_assert_uint_eq(pn_diags_count(d), 1);
    const pn_diag *g = pn_diags_get(d, 0);
    ck_assert_int_eq(g->line, 3);
    ck_assert_int_gt(g->column, 0);
    ck_assert_str_eq(g->check, "syntax");
    pn_diags_free(d);
}
END_TEST

static double last_parse_fraction;
static int progress_calls;

static void on_progress(void *ctx, const char *what, double fraction)
{
    (void)ctx;
    progress_calls++;
    if (strcmp(what, "parsing") == 0)
        last_parse_fraction = fraction;
}

/* A load of several MB reports parsing progress in (0, 0.5]. */
START_TEST(test_progress)
{
    pn_dataset *ds = NULL;
    pn_generate_options g = PN_GENERATE_OPTIONS_INIT;
    g.actors = 10000;
    ck_assert_int_eq(pn_generate(&ds, &g, NULL), 0);
    char *text = NULL;
    size_t len = 0;
    ck_assert_int_eq(pn_dataset_save_buffer(ds, &text, &len), 0);
    ck_assert_uint_gt(len, (size_t)8 << 20);
    pn_load_options o = PN_LOAD_OPTIONS_INIT;
    o.progress = on_progress;
    pn_dataset *back = NULL;
    ck_assert_int_eq(pn_dataset_load_buffer(&back, text, len, &o, NULL), 0);
    ck_assert_int_gt(progress_calls, 3);
    ck_assert(last_parse_fraction > 0.2 && last_parse_fraction <= 0.5);
    ck_assert_uint_eq(pn_dataset_actor_count(back), pn_dataset_actor_count(ds));
    pn_dataset_free(back);
    pn_dataset_free(ds);
    free(text);
}
END_TEST

/* A file of several MB is freed once parsed (store/load_text.c); a diagnostic found
 * afterwards reads it back for its line. The error is put on the last tie,
 * its line counted here from the text. */
START_TEST(test_large_file_still_locates)
{
    pn_dataset *ds = NULL;
    pn_generate_options g = PN_GENERATE_OPTIONS_INIT;
    g.actors = 6000;
    ck_assert_int_eq(pn_generate(&ds, &g, NULL), 0);
    char *text = NULL;
    size_t len = 0;
    ck_assert_int_eq(pn_dataset_save_buffer(ds, &text, &len), 0);
    pn_dataset_free(ds);
    ck_assert_uint_gt(len, (size_t)4 << 20); /* over load_text.c's FREE_TEXT_FROM */
    char *hit = NULL;
    for (char *p = strstr(text, "\"type\": \""); p; p = strstr(p + 1, "\"type\": \""))
        hit = p;
    ck_assert_ptr_nonnull(hit);
    hit[9] = 'G'; /* "g2g" -> "G2g", "b2b" -> "G2b"...: not a tie type */
    int line = 1;
    const char *line_start = text;
    for (const char *p = text; p < hit; p++)
        if (*p == '\n') {
            line++;
            line_start = p + 1;
        }
    int column = (int)(hit - line_start) + 9; /* 1-based, after `"type": ` */
    char path[] = "/tmp/pn-check-json-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    FILE *f = fdopen(fd, "wb");
    ck_assert_uint_eq(fwrite(text, 1, len, f), len);
    fclose(f);
    free(text);
    pn_diags *d = NULL;
    ck_assert_int_eq(pn_diags_new(&d), 0);
    ck_assert_int_eq(pn_dataset_load_file(NULL, path, NULL, d), PN_EDATA);
    remove(path);
    ck_assert_uint_eq(pn_diags_count(d), 1);
    const pn_diag *e = pn_diags_get(d, 0);
    ck_assert_str_eq(e->check, "unknown-value");
    ck_assert_int_eq(e->line, line);
    ck_assert_int_eq(e->column, column);
    pn_diags_free(d);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("json");
    TCase *tc = tcase_create("json");
    tcase_set_timeout(tc, 120);
    tcase_add_loop_test(tc, test_cases, 0, (int)(sizeof(cases) / sizeof(cases[0])));
    tcase_add_test(tc, test_prefixes);
    tcase_add_test(tc, test_depth);
    tcase_add_test(tc, test_repository_files);
    tcase_add_test(tc, test_loader_locates_syntax_errors);
    tcase_add_test(tc, test_progress);
    tcase_add_test(tc, test_large_file_still_locates);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
