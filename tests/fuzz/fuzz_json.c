/* libFuzzer harness: paranet's JSON parser (libgraph/src/store/json.c) against
 * jansson. For any input without a NUL byte both must refuse it, or both
 * take it and build the same value (tests/json_oracle.h). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "../json_oracle.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *why = pn_test_json_agree((const char *)data, size);
    if (why) {
        fprintf(stderr, "fuzz_json: %s\n", why);
        abort();
    }
    return 0;
}
