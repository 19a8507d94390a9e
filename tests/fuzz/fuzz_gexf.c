/* libFuzzer harness: the GEXF importer, with a round-trip oracle.
 *
 * Any bytes: the import returns one of its documented codes, with messages
 * naming the input when it fails; it never reads another file or the
 * network (DTDs are refused). When it succeeds, the dataset saved as JSON
 * loads, and the GEXF paranet writes from it imports to the same dataset
 * (compared as canonical JSON). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <paranet.h>

#define REQUIRE(cond)                                                                              \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "fuzz_gexf: %s:%d: oracle failed: %s\n", __FILE__, __LINE__, #cond);   \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void print_diags(const char *what, const pn_diags *d)
{
    char line[512];
    for (size_t i = 0; i < pn_diags_count(d); i++) {
        pn_diag_format(pn_diags_get(d, i), line, sizeof(line));
        fprintf(stderr, "%s: %s\n", what, line);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    pn_diags *diags = NULL;
    REQUIRE(pn_diags_new(&diags) == 0);
    pn_import_options opts = PN_IMPORT_OPTIONS_INIT;
    opts.load.name = "fuzz.gexf";
    opts.load.max_bytes = 1 << 20;
    pn_dataset *ds = NULL;
    int rc = pn_gexf_load(&ds, (const char *)data, size, &opts, diags);
    REQUIRE(rc == 0 || rc == PN_EDATA || rc == PN_ELIMIT);
    REQUIRE((rc == 0) == (ds != NULL));
    if (rc != 0)
        REQUIRE(pn_diags_errors(diags) > 0);
    for (size_t i = 0; i < pn_diags_count(diags); i++) {
        const pn_diag *d = pn_diags_get(diags, i);
        REQUIRE(d && d->message && d->file && strcmp(d->file, "fuzz.gexf") == 0);
        char line[256];
        REQUIRE(pn_diag_format(d, line, sizeof(line)) > 0);
    }
    if (rc == 0) {
        char *json1 = NULL, *json2 = NULL, *xml = NULL;
        size_t xml_len = 0;
        REQUIRE(pn_dataset_save_buffer(ds, &json1, NULL) == 0);
        pn_dataset *again = NULL;
        pn_diags_clear(diags);
        int rc2 = pn_dataset_load_buffer(&again, json1, strlen(json1), NULL, diags);
        if (rc2 != 0)
            print_diags("JSON reload", diags);
        REQUIRE(rc2 == 0);
        pn_dataset_free(again);
        again = NULL;
        /* A dataset XML cannot hold (a control character in a field) is
         * refused by the writer: nothing to compare. */
        int wrc = pn_gexf_write(ds, &xml, &xml_len);
        REQUIRE(wrc == 0 || wrc == PN_EDATA);
        if (wrc == 0) {
            pn_diags_clear(diags);
            rc2 = pn_gexf_load(&again, xml, xml_len, &opts, diags);
            if (rc2 != 0) {
                print_diags("GEXF reload", diags);
                fprintf(stderr, "%s\n", xml);
            }
            REQUIRE(rc2 == 0);
            REQUIRE(pn_dataset_save_buffer(again, &json2, NULL) == 0);
            if (strcmp(json1, json2) != 0)
                fprintf(stderr, "first:\n%s\nafter a GEXF round trip:\n%s\n", json1, json2);
            REQUIRE(strcmp(json1, json2) == 0);
            pn_dataset_free(again);
        }
        free(xml);
        free(json1);
        free(json2);
    }
    pn_dataset_free(ds);
    pn_diags_free(diags);
    return 0;
}
