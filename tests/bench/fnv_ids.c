/* Prints N distinct actor ids that fall into 2^FREE of the 2^BITS slots of
 * the map paranet used before issue 11: unseeded 64-bit FNV-1a, slot
 * (h ^ h >> 29) & (2^BITS - 1), linear probing. A file made of them turns
 * every insert and look-up of such a map into a walk of one cluster; a
 * keyed hash is not affected. Used by tests/bench/scaling.py.
 *   fnv_ids N [BITS [FREE]]   (defaults: 18 bits, 11 free) */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    if (argc < 2)
        return 2;
    unsigned long long n = strtoull(argv[1], NULL, 10);
    int bits = argc > 2 ? atoi(argv[2]) : 18, free_bits = argc > 3 ? atoi(argv[3]) : 11;
    uint64_t mask = ((uint64_t)1 << bits) - 1;
    char id[32];
    for (unsigned long long k = 0, found = 0; found < n; k++) {
        int len = snprintf(id, sizeof(id), "c%llx", k);
        uint64_t h = 1469598103934665603ULL;
        for (int i = 0; i < len; i++) {
            h ^= (unsigned char)id[i];
            h *= 1099511628211ULL;
        }
        if ((((h ^ (h >> 29)) & mask) >> free_bits) == 0) {
            puts(id);
            found++;
        }
    }
    return 0;
}
