/* libFuzzer harness: the CSV importer, with a round-trip oracle.
 *
 * The input is cut at the first two NUL bytes into an actors table, a ties
 * table and an optional sources table (each table found from its header
 * row). When the import succeeds, writing every table back as CSV and
 * importing that must give the same dataset (compared as canonical JSON),
 * as docs/formats.md promises. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <paranet.h>

#define REQUIRE(cond)                                                                              \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "fuzz_csv: %s:%d: oracle failed: %s\n", __FILE__, __LINE__, #cond);    \
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
    static const char *const names[] = {"actors.csv", "ties.csv", "sources.csv"};
    pn_csv_input in[3];
    size_t n = 0, start = 0;
    for (size_t i = 0; i <= size && n < 3; i++) {
        if (i == size || data[i] == 0) {
            in[n].name = names[n];
            in[n].data = (const char *)data + start;
            in[n].len = i - start;
            in[n].table = PN_CSV_DETECT;
            n++;
            start = i + 1;
        }
    }
    pn_diags *diags = NULL;
    REQUIRE(pn_diags_new(&diags) == 0);
    pn_import_options opts = PN_IMPORT_OPTIONS_INIT;
    opts.load.max_bytes = 1 << 20;
    pn_dataset *ds = NULL;
    int rc = pn_csv_load(&ds, in, n, &opts, diags);
    REQUIRE(rc == 0 || rc == PN_EDATA || rc == PN_ELIMIT || rc == PN_EINVAL);
    REQUIRE((rc == 0) == (ds != NULL));
    if (rc != 0)
        REQUIRE(pn_diags_errors(diags) > 0);
    for (size_t i = 0; i < pn_diags_count(diags); i++) {
        const pn_diag *d = pn_diags_get(diags, i);
        REQUIRE(d && d->message);
        char line[256];
        REQUIRE(pn_diag_format(d, line, sizeof(line)) > 0);
    }
    if (rc == 0) {
        char *json1 = NULL, *json2 = NULL;
        REQUIRE(pn_dataset_save_buffer(ds, &json1, NULL) == 0);
        /* The saved JSON loads: the importer let nothing invalid through. */
        pn_dataset *again = NULL;
        pn_diags_clear(diags);
        int rc2 = pn_dataset_load_buffer(&again, json1, strlen(json1), NULL, diags);
        if (rc2 != 0) {
            print_diags("JSON reload", diags);
            fprintf(stderr, "%s\n", json1);
        }
        REQUIRE(rc2 == 0);
        pn_dataset_free(again);
        /* CSV -> dataset -> CSV -> dataset is the same dataset. */
        char *tables[PN_CSV_TABLE_COUNT] = {NULL};
        pn_csv_input back[PN_CSV_TABLE_COUNT];
        size_t nb = 0;
        for (int t = 0; t < PN_CSV_TABLE_COUNT; t++) {
            size_t len = 0;
            REQUIRE(pn_csv_write(ds, (pn_csv_table)t, 0, &tables[t], &len) == 0);
            if (len == 0)
                continue;
            back[nb].name = pn_csv_table_name((pn_csv_table)t);
            back[nb].data = tables[t];
            back[nb].len = len;
            back[nb].table = (pn_csv_table)t;
            nb++;
        }
        pn_diags_clear(diags);
        again = NULL;
        rc2 = pn_csv_load(&again, back, nb, &opts, diags);
        if (rc2 != 0) {
            print_diags("CSV reload", diags);
            for (size_t i = 0; i < nb; i++)
                fprintf(stderr, "--- %s\n%s", back[i].name, back[i].data);
        }
        REQUIRE(rc2 == 0);
        REQUIRE(pn_dataset_save_buffer(again, &json2, NULL) == 0);
        if (strcmp(json1, json2) != 0)
            fprintf(stderr, "first:\n%s\nafter a CSV round trip:\n%s\n", json1, json2);
        REQUIRE(strcmp(json1, json2) == 0);
        for (int t = 0; t < PN_CSV_TABLE_COUNT; t++)
            free(tables[t]);
        pn_dataset_free(again);
        free(json1);
        free(json2);
    }
    pn_dataset_free(ds);
    pn_diags_free(diags);
    return 0;
}
