/* libFuzzer harness: the JSON loader and validator, with a round-trip oracle.
 *
 * Any input: the load must return one of its documented codes and leave
 * diagnostics that agree with it. When it succeeds, the dataset must pass
 * pn_dataset_validate, and save -> load -> save must give the same bytes
 * (canonical output is a fixed point). Any violation aborts, which libFuzzer
 * reports as a crash. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <paranet.h>

#define REQUIRE(cond)                                                                              \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "fuzz_load: %s:%d: oracle failed: %s\n", __FILE__, __LINE__, #cond);   \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    pn_diags *diags = NULL;
    if (pn_diags_new(&diags) != 0)
        return 0;
    pn_load_options opts = PN_LOAD_OPTIONS_INIT;
    opts.name = "fuzz.json";
    opts.max_bytes = 1 << 20;
    pn_dataset *ds = NULL;
    int rc = pn_dataset_load_buffer(&ds, (const char *)data, size, &opts, diags);
    REQUIRE(rc == 0 || rc == PN_EDATA || rc == PN_ELIMIT);
    REQUIRE((rc == 0) == (ds != NULL));
    if (rc != 0)
        REQUIRE(pn_diags_errors(diags) > 0);
    else
        REQUIRE(pn_diags_errors(diags) == 0);
    /* Every message carries the input's name and formats without trouble. */
    for (size_t i = 0; i < pn_diags_count(diags); i++) {
        const pn_diag *d = pn_diags_get(diags, i);
        REQUIRE(d && d->file && strcmp(d->file, "fuzz.json") == 0 && d->message);
        REQUIRE(d->line >= 0 && d->column >= 0);
        char line[256];
        REQUIRE(pn_diag_format(d, line, sizeof(line)) > 0);
    }
    if (rc == 0) {
        pn_diags_clear(diags);
        REQUIRE(pn_dataset_validate(ds, NULL, diags) == 0);
        char *first = NULL, *second = NULL;
        size_t first_len = 0, second_len = 0;
        REQUIRE(pn_dataset_save_buffer(ds, &first, &first_len) == 0);
        REQUIRE(strlen(first) == first_len);
        pn_dataset *again = NULL;
        pn_diags_clear(diags);
        opts.max_bytes = (size_t)1 << 30;
        int rc2 = pn_dataset_load_buffer(&again, first, first_len, &opts, diags);
        if (rc2 != 0) {
            char msg[512];
            for (size_t i = 0; i < pn_diags_count(diags); i++) {
                pn_diag_format(pn_diags_get(diags, i), msg, sizeof(msg));
                fprintf(stderr, "reload: %s\n", msg);
            }
            fprintf(stderr, "saved:\n%s\n", first);
        }
        REQUIRE(rc2 == 0);
        REQUIRE(pn_dataset_save_buffer(again, &second, &second_len) == 0);
        if (first_len != second_len || memcmp(first, second, first_len) != 0)
            fprintf(stderr, "first save:\n%s\nsecond save:\n%s\n", first, second);
        REQUIRE(first_len == second_len && memcmp(first, second, first_len) == 0);
        REQUIRE(pn_dataset_actor_count(again) == pn_dataset_actor_count(ds));
        REQUIRE(pn_dataset_tie_count(again) == pn_dataset_tie_count(ds));
        REQUIRE(pn_dataset_source_count(again) == pn_dataset_source_count(ds));
        free(first);
        free(second);
        pn_dataset_free(again);
    }
    pn_dataset_free(ds);
    pn_diags_free(diags);
    return 0;
}
