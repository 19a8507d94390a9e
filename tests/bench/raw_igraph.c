/* The compute floor: igraph called directly on an already-built graph.
 *
 *   raw_igraph EDGES.txt [--cutoff C] [--paths [BET.txt]]
 *
 * EDGES.txt: the vertex count on the first line, then one "u v" pair per
 * line (0-based, each undirected pair once), written by tests/bench/run.py
 * and tests/bench/paths.py from the same JSON. Reading and building the
 * graph are not timed; the metrics igraph has are, with the settings
 * paranet uses (docs/metrics.md): degree, strength, betweenness,
 * closeness, harmonic, eigenvector, PageRank, hub and authority,
 * constraint, coreness, components and multilevel communities (seed 42).
 * With --cutoff C, the three path metrics are igraph's _cutoff functions.
 * With --paths, only betweenness, closeness and harmonic (paths.py's row),
 * and the betweenness written to BET.txt, one value a line, when given.
 * Prints "phase seconds" lines. */
#include <igraph.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

#define TIMED(name, call)                                                                          \
    do {                                                                                           \
        double a_ = now();                                                                         \
        if ((call) != IGRAPH_SUCCESS) {                                                            \
            fprintf(stderr, "raw_igraph: %s failed\n", name);                                      \
            return 1;                                                                              \
        }                                                                                          \
        double b_ = now();                                                                         \
        printf("metric:%s %.4f\n", name, b_ - a_);                                                 \
        total += b_ - a_;                                                                          \
        if (strcmp(name, "betweenness") == 0 || strcmp(name, "closeness") == 0 ||                  \
            strcmp(name, "harmonic") == 0)                                                         \
            paths += b_ - a_;                                                                      \
    } while (0)

int main(int argc, char **argv)
{
    double cutoff = 0;
    bool paths_only = false;
    const char *bet_out = NULL;
    for (int i = 2; i < argc; i++) {
        if (strcmp(argv[i], "--cutoff") == 0 && i + 1 < argc) {
            cutoff = atof(argv[++i]);
        } else if (strcmp(argv[i], "--paths") == 0) {
            paths_only = true;
            if (i + 1 < argc && argv[i + 1][0] != '-')
                bet_out = argv[++i];
        } else {
            argc = 0;
        }
    }
    if (argc < 2) {
        fprintf(stderr, "usage: raw_igraph EDGES.txt [--cutoff C] [--paths [BET.txt]]\n");
        return 2;
    }
    FILE *f = fopen(argv[1], "r");
    long n, u, v;
    if (!f || fscanf(f, "%ld", &n) != 1)
        return 1;
    igraph_vector_int_t edges;
    igraph_vector_int_init(&edges, 0);
    while (fscanf(f, "%ld %ld", &u, &v) == 2) {
        igraph_vector_int_push_back(&edges, u);
        igraph_vector_int_push_back(&edges, v);
    }
    fclose(f);
    igraph_t g;
    igraph_create(&g, &edges, n, IGRAPH_UNDIRECTED);
    igraph_vector_int_destroy(&edges);
    igraph_vector_t res, other;
    igraph_vector_int_t ires;
    igraph_vector_init(&res, 0);
    igraph_vector_init(&other, 0);
    igraph_vector_int_init(&ires, 0);
    igraph_arpack_options_t arpack;
    igraph_arpack_options_init(&arpack);
    igraph_real_t value;
    double total = 0, paths = 0;
    igraph_vector_t bet;
    igraph_vector_init(&bet, 0);
    if (!paths_only) {
        TIMED("degree", igraph_degree(&g, &ires, igraph_vss_all(), IGRAPH_ALL, false));
        TIMED("strength", igraph_strength(&g, &res, igraph_vss_all(), IGRAPH_ALL, false, NULL));
    }
    if (cutoff > 0) {
        TIMED("betweenness",
              igraph_betweenness_cutoff(&g, &bet, igraph_vss_all(), true, NULL, cutoff));
        TIMED("closeness", igraph_closeness_cutoff(&g, &res, NULL, NULL, igraph_vss_all(),
                                                   IGRAPH_ALL, NULL, true, cutoff));
        TIMED("harmonic", igraph_harmonic_centrality_cutoff(&g, &res, igraph_vss_all(), IGRAPH_ALL,
                                                            NULL, true, cutoff));
    } else {
        TIMED("betweenness", igraph_betweenness(&g, &bet, igraph_vss_all(), true, NULL));
        TIMED("closeness",
              igraph_closeness(&g, &res, NULL, NULL, igraph_vss_all(), IGRAPH_ALL, NULL, true));
        TIMED("harmonic",
              igraph_harmonic_centrality(&g, &res, igraph_vss_all(), IGRAPH_ALL, NULL, true));
    }
    if (bet_out) {
        FILE *o = fopen(bet_out, "w");
        if (!o)
            return 1;
        for (igraph_integer_t i = 0; i < igraph_vector_size(&bet); i++)
            fprintf(o, "%.17g\n", VECTOR(bet)[i]);
        fclose(o);
    }
    igraph_vector_destroy(&bet);
    if (paths_only)
        goto done;
    igraph_rng_seed(igraph_rng_default(), 42);
    TIMED("eigenvector",
          igraph_eigenvector_centrality(&g, &res, &value, true, true, NULL, &arpack));
    TIMED("pagerank", igraph_pagerank(&g, IGRAPH_PAGERANK_ALGO_PRPACK, &res, &value,
                                      igraph_vss_all(), true, 0.85, NULL, NULL));
    igraph_rng_seed(igraph_rng_default(), 42);
    TIMED("hub+authority",
          igraph_hub_and_authority_scores(&g, &res, &other, &value, true, NULL, &arpack));
    TIMED("constraint", igraph_constraint(&g, &res, igraph_vss_all(), NULL));
    TIMED("coreness", igraph_coreness(&g, &ires, IGRAPH_ALL));
    TIMED("component", igraph_connected_components(&g, &ires, NULL, NULL, IGRAPH_WEAK));
    igraph_rng_seed(igraph_rng_default(), 42);
    TIMED("community", igraph_community_multilevel(&g, NULL, 1.0, &ires, NULL, NULL));
    printf("metrics %.4f\n", total);
done:
    printf("paths %.4f\n", paths);
    igraph_vector_destroy(&res);
    igraph_vector_destroy(&other);
    igraph_vector_int_destroy(&ires);
    igraph_destroy(&g);
    return 0;
}
