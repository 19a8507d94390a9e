/* Small helpers shared by the Check suites. */
#ifndef PN_TESTUTIL_H
#define PN_TESTUTIL_H

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <paranet.h>

/* Load a dataset from JSON text, failing the test with the messages if it does not load. */
static inline pn_dataset *tu_load_text(const char *text)
{
    pn_diags *d = NULL;
    pn_dataset *ds = NULL;
    ck_assert_int_eq(pn_diags_new(&d), 0);
    int rc = pn_dataset_load_buffer(&ds, text, strlen(text), NULL, d);
    if (rc != 0) {
        char line[1024];
        for (size_t i = 0; i < pn_diags_count(d); i++) {
            pn_diag_format(pn_diags_get(d, i), line, sizeof(line));
            fprintf(stderr, "%s\n", line);
        }
    }
    ck_assert_int_eq(rc, 0);
    pn_diags_free(d);
    return ds;
}

static inline pn_dataset *tu_load_file(const char *path)
{
    pn_diags *d = NULL;
    pn_dataset *ds = NULL;
    ck_assert_int_eq(pn_diags_new(&d), 0);
    int rc = pn_dataset_load_file(&ds, path, NULL, d);
    ck_assert_msg(rc == 0, "%s did not load (%d)", path, rc);
    pn_diags_free(d);
    return ds;
}

__attribute__((noinline, unused)) static char *tu_read(const char *path, size_t *len)
{
    char *data = NULL;
    ck_assert_int_eq(pn_read_file(path, (size_t)1 << 30, &data, len, NULL), 0);
    return data;
}

static inline int tu_run(Suite *s)
{
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

#endif
