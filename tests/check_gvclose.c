/* pn__gv_close (libgraph/src/draw/ids.c): a graph laid out by Graphviz
 * 2.43's dot with newrank, where a cluster has an empty rank, is freed.
 * dot unlinks its "_new_rank" subgraph of fill nodes without freeing it,
 * and a plain agclose of the graph then fails and leaks it whole (seen
 * under valgrind in check_diagram's deterministic test: Tangsel, dot). */
#include <gvc.h>

#include "draw/graphviz.h"
#include "testutil.h"

/* A cluster {d, w} and a labelled edge t -> d: the label doubles the ranks,
 * d is two below w's rank and the cluster's middle rank gets a fill node. */
static Agraph_t *filled(void)
{
    Agdisc_t disc = {&AgMemDisc, pn__gv_id_disc(), &AgIoDisc};
    Agraph_t *g = agopen((char *)"g", Agdirected, &disc);
    ck_assert_ptr_nonnull(g);
    agsafeset(g, (char *)"newrank", (char *)"true", (char *)"");
    Agraph_t *cluster = agsubg(g, (char *)"cluster_a", 1);
    Agnode_t *d = agnode(cluster, (char *)"d", 1);
    agnode(cluster, (char *)"w", 1);
    Agnode_t *t = agnode(g, (char *)"t", 1);
    Agedge_t *e = agedge(g, t, d, NULL, 1);
    agsafeset(e, (char *)"label", (char *)"x", (char *)"");
    return g;
}

START_TEST(laid_out_graph_closes)
{
    GVC_t *gvc = gvContext();
    ck_assert_ptr_nonnull(gvc);
    for (int k = 0; k < 3; k++) { /* as fit_layout lays a figure out again */
        Agraph_t *g = filled();
        ck_assert_int_eq(gvLayout(gvc, g, "dot"), 0);
        gvFreeLayout(gvc, g);
        ck_assert_int_eq(pn__gv_close(g), 0);
    }
    /* A graph never laid out, and one without subgraphs that dot unlinks. */
    ck_assert_int_eq(pn__gv_close(filled()), 0);
    Agraph_t *g = filled();
    agdelete(g, agsubg(g, (char *)"cluster_a", 0));
    ck_assert_int_eq(gvLayout(gvc, g, "dot"), 0);
    gvFreeLayout(gvc, g);
    ck_assert_int_eq(pn__gv_close(g), 0);
    ck_assert_int_eq(pn__gv_close(NULL), 0);
    gvFreeContext(gvc);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("gvclose");
    TCase *tc = tcase_create("gvclose");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, laid_out_graph_closes);
    suite_add_tcase(s, tc);
    return tu_run(s);
}
