/* A program outside the project, built with find_package(paranet)
 * (tests/consumer/CMakeLists.txt): prints the vertex count of a dataset's
 * graph through igraph, which the public headers include. */
#include <igraph.h>
#include <paranet.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    pn_diags *diags;
    pn_dataset *ds;
    pn_graph *g;
    int rc;

    if (argc != 2 || pn_diags_new(&diags) != 0)
        return 2;
    rc = pn_dataset_load_file(&ds, argv[1], NULL, diags);
    if (rc == 0) {
        rc = pn_graph_new(&g, ds, NULL);
        if (rc == 0) {
            printf("%ld\n", (long)igraph_vcount(pn_graph_igraph(g)));
            pn_graph_free(g);
        }
        pn_dataset_free(ds);
    }
    pn_diags_free(diags);
    return rc == 0 ? 0 : 1;
}
