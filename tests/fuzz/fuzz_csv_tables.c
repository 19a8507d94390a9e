/* libFuzzer harness: the multi-file CSV reader as `convert DIR` and
 * `convert --actors A --ties T ...` use it.
 *
 * The first byte chooses the options: bits 0-1 the delimiter (detect, ',',
 * ';', tab), bit 2 whether the tables are given by kind (in the order
 * actors, ties, sources, dataset, as a directory of tables is read) or told
 * apart by their headers, bit 3 the --default-kind/country/type options,
 * bits 4-5 the delimiter of the round trip. Then up to four tables in the
 * framing of csv_oracle.h. The oracle is csv_fuzz_check's. */
#include "csv_oracle.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char delims[] = {0, ',', ';', '\t'};
    if (size < 1)
        return 0;
    uint8_t flags = data[0];
    pn_csv_input in[PN_CSV_TABLE_COUNT];
    size_t n = csv_fuzz_split(data + 1, size - 1, in, PN_CSV_TABLE_COUNT);
    if (flags & 4)
        for (size_t i = 0; i < n; i++)
            in[i].table = (pn_csv_table)i;
    pn_diags *diags = NULL;
    REQUIRE(pn_diags_new(&diags) == 0);
    pn_import_options opts = PN_IMPORT_OPTIONS_INIT;
    opts.load.max_bytes = 1 << 20;
    opts.delimiter = delims[flags & 3];
    if (flags & 8) {
        opts.default_kind = "city";
        opts.default_country = "ZZ";
        opts.default_type = "g2g";
    }
    pn_dataset *ds = NULL;
    int rc = pn_csv_load(&ds, in, n, &opts, diags);
    char out = delims[(flags >> 4) & 3];
    csv_fuzz_check(rc, ds, diags, &opts, out ? out : ',');
    pn_dataset_free(ds);
    pn_diags_free(diags);
    return 0;
}
