/* libFuzzer harness: the CSV importer, with a round-trip oracle.
 *
 * The input is up to four tables in the length-prefixed framing of
 * csv_oracle.h (so that cells can hold NUL bytes), each table found from
 * its header row. When the import succeeds, writing every table back as
 * CSV and importing that must give the same dataset (compared as canonical
 * JSON), as docs/formats.md promises. */
#include "csv_oracle.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    pn_csv_input in[PN_CSV_TABLE_COUNT];
    size_t n = csv_fuzz_split(data, size, in, PN_CSV_TABLE_COUNT);
    pn_diags *diags = NULL;
    REQUIRE(pn_diags_new(&diags) == 0);
    pn_import_options opts = PN_IMPORT_OPTIONS_INIT;
    opts.load.max_bytes = 1 << 20;
    pn_dataset *ds = NULL;
    int rc = pn_csv_load(&ds, in, n, &opts, diags);
    csv_fuzz_check(rc, ds, diags, &opts, ',');
    pn_dataset_free(ds);
    pn_diags_free(diags);
    return 0;
}
