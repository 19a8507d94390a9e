/* libFuzzer harness: merging two datasets, with a round-trip oracle.
 *
 * The input is two JSON datasets separated by the first NUL byte (a JSON
 * text cannot hold one; with no NUL the input is merged with itself). The
 * first byte after the NUL, if any, chooses --prefer. When both inputs load,
 * the merge must return a documented code with diagnostics that agree with
 * it, every diagnostic must name one of the inputs or the merged dataset,
 * and a merged dataset must save, load back and save to the same bytes.
 * Any violation aborts, which libFuzzer reports as a crash. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <paranet.h>

#define REQUIRE(cond)                                                                              \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "fuzz_merge: %s:%d: oracle failed: %s\n", __FILE__, __LINE__, #cond);  \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static pn_dataset *load(const char *text, size_t len, const char *name, pn_diags *diags)
{
    pn_load_options opts = PN_LOAD_OPTIONS_INIT;
    opts.name = name;
    opts.max_bytes = 1 << 20;
    pn_dataset *ds = NULL;
    int rc = pn_dataset_load_buffer(&ds, text, len, &opts, diags);
    REQUIRE(rc == 0 || rc == PN_EDATA || rc == PN_ELIMIT);
    return rc == 0 ? ds : NULL;
}

static bool named(const pn_diag *d)
{
    return d->file && (strcmp(d->file, "a.json") == 0 || strcmp(d->file, "b.json") == 0 ||
                       strcmp(d->file, "<merged>") == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    const char *nul = memchr(text, '\0', size);
    size_t la = nul ? (size_t)(nul - text) : size;
    const char *b = nul ? nul + 1 : text;
    size_t lb = nul ? size - la - 1 : size;
    pn_merge_prefer prefer = PN_MERGE_STOP;
    if (nul && lb > 0 && (unsigned char)b[0] < 3) {
        prefer = (pn_merge_prefer)b[0];
        b++;
        lb--;
    }
    pn_diags *diags = NULL;
    if (pn_diags_new(&diags) != 0)
        return 0;
    pn_diags_set_cap(diags, 0);
    pn_dataset *da = load(text, la, "a.json", diags), *db = NULL, *m = NULL;
    if (da)
        db = load(b, lb, "b.json", diags);
    if (!da || !db)
        goto cleanup;
    pn_diags_clear(diags);
    pn_merge_input in[2] = {{da, "a.json", text, la}, {db, "b.json", b, lb}};
    int rc = pn_dataset_merge(&m, in, 2, prefer, diags);
    REQUIRE(rc == 0 || rc == PN_EDATA);
    REQUIRE((rc == 0) == (m != NULL));
    if (rc != 0)
        REQUIRE(pn_diags_errors(diags) > 0);
    else
        REQUIRE(pn_diags_errors(diags) == 0);
    if (rc == PN_EDATA)
        REQUIRE(prefer == PN_MERGE_STOP || pn_diags_errors(diags) > 0);
    for (size_t i = 0; i < pn_diags_count(diags); i++) {
        const pn_diag *d = pn_diags_get(diags, i);
        REQUIRE(d && named(d) && d->message && d->line >= 0 && d->column >= 0);
        /* A record of an input is located in it. */
        if (strcmp(d->file, "<merged>") != 0)
            REQUIRE(d->line > 0);
        char line[256];
        REQUIRE(pn_diag_format(d, line, sizeof(line)) > 0);
    }
    if (rc == 0) {
        REQUIRE(pn_dataset_actor_count(m) >= pn_dataset_actor_count(da));
        REQUIRE(pn_dataset_actor_count(m) >= pn_dataset_actor_count(db));
        char *first = NULL, *second = NULL;
        size_t first_len = 0, second_len = 0;
        REQUIRE(pn_dataset_save_buffer(m, &first, &first_len) == 0);
        pn_load_options opts = PN_LOAD_OPTIONS_INIT;
        opts.name = "merged.json";
        opts.max_bytes = (size_t)1 << 30;
        pn_dataset *again = NULL;
        pn_diags_clear(diags);
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
        REQUIRE(first_len == second_len && memcmp(first, second, first_len) == 0);
        REQUIRE(pn_dataset_actor_count(again) == pn_dataset_actor_count(m));
        REQUIRE(pn_dataset_tie_count(again) == pn_dataset_tie_count(m));
        free(first);
        free(second);
        pn_dataset_free(again);
    }
cleanup:
    pn_dataset_free(m);
    pn_dataset_free(db);
    pn_dataset_free(da);
    pn_diags_free(diags);
    return 0;
}
