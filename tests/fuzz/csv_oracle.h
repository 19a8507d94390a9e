/* Shared by the CSV harnesses: the length-prefixed framing of several
 * tables in one input, and the round-trip oracle.
 *
 * Framing: each table is a 2-byte little-endian length, then that many
 * bytes (the last table takes what is left when the length runs past the
 * end). Cells can then hold any byte, NUL included. */
#ifndef PN_FUZZ_CSV_ORACLE_H
#define PN_FUZZ_CSV_ORACLE_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <paranet.h>

#define REQUIRE(cond)                                                                              \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "%s:%d: oracle failed: %s\n", __FILE__, __LINE__, #cond);              \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

static const char *const csv_fuzz_names[] = {"actors.csv", "ties.csv", "sources.csv",
                                             "dataset.csv"};

/* Cut data into at most max tables; returns how many. */
static size_t csv_fuzz_split(const uint8_t *data, size_t size, pn_csv_input *in, size_t max)
{
    size_t n = 0, at = 0;
    while (n < max && at < size) {
        size_t len = data[at];
        if (at + 1 < size)
            len |= (size_t)data[at + 1] << 8;
        at += 2;
        if (at > size)
            at = size;
        if (len > size - at)
            len = size - at;
        in[n].name = csv_fuzz_names[n];
        in[n].data = (const char *)data + at;
        in[n].len = len;
        in[n].table = PN_CSV_DETECT;
        n++;
        at += len;
    }
    return n;
}

static void csv_fuzz_print(const char *what, const pn_diags *d)
{
    char line[512];
    for (size_t i = 0; i < pn_diags_count(d); i++) {
        pn_diag_format(pn_diags_get(d, i), line, sizeof(line));
        fprintf(stderr, "%s: %s\n", what, line);
    }
}

/* The documented codes, diagnostics that agree with them; on success the
 * JSON saved loads, and CSV written back (with delim) imports to the same
 * dataset, every table given by kind. */
static void csv_fuzz_check(int rc, pn_dataset *ds, pn_diags *diags, const pn_import_options *opts,
                           char delim)
{
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
    if (rc != 0)
        return;
    char *json1 = NULL, *json2 = NULL;
    REQUIRE(pn_dataset_save_buffer(ds, &json1, NULL) == 0);
    /* The saved JSON loads: the importer let nothing invalid through. */
    pn_dataset *again = NULL;
    pn_diags_clear(diags);
    int rc2 = pn_dataset_load_buffer(&again, json1, strlen(json1), NULL, diags);
    if (rc2 != 0) {
        csv_fuzz_print("JSON reload", diags);
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
        REQUIRE(pn_csv_write(ds, (pn_csv_table)t, delim, &tables[t], &len) == 0);
        REQUIRE(strlen(tables[t]) == len);
        back[nb].name = pn_csv_table_name((pn_csv_table)t);
        back[nb].data = tables[t];
        back[nb].len = len;
        back[nb].table = (pn_csv_table)t;
        nb++;
    }
    pn_import_options o = *opts;
    o.delimiter = delim;
    pn_diags_clear(diags);
    again = NULL;
    rc2 = pn_csv_load(&again, back, nb, &o, diags);
    if (rc2 != 0) {
        csv_fuzz_print("CSV reload", diags);
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

#endif
