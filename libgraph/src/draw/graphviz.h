/* What the Graphviz renderer's files share: build.c makes a cgraph graph
 * (nodes, edges, clusters, legend) from a scene's style data (style.h),
 * ids.c gives cgraph objects ids that do not follow the heap, and render.c
 * lays the graph out and renders it with gvc. */
#ifndef PN_DRAW_GRAPHVIZ_H
#define PN_DRAW_GRAPHVIZ_H

#include <stdbool.h>
#include <stddef.h>

#include <cgraph.h>

#include "draw/style.h"

/* Append plain text to an HTML-like label, with its special characters as
 * entities (build.c). */
void pn__gv_html_text(pn__buf *b, const char *s, size_t n);

/* Whether the layout draws the cluster option's boxes (only dot and fdp do). */
bool pn__gv_clustered(const pn_diagram_options *o);

/* The id discipline of every graph made here (ids.c): a constant table. */
Agiddisc_t *pn__gv_id_disc(void);

/* agclose of a graph made here (ids.c), which first closes the subgraphs
 * a layout unlinked without freeing (Graphviz 2.43's dot, newrank): with
 * those, agclose fails and leaks the graph. agclose's result (0: freed). */
int pn__gv_close(Agraph_t *g);

/* The name of an actor's node: its id, or "actor<index>" for an id DOT would
 * need to quote (build.c). Into buf when it is not the id. */
const char *pn__gv_node_name(const pn__scene *s, size_t actor, char *buf, size_t size);

/* The scene as a cgraph graph, with its legend and title as the root's
 * label (build.c): labels at font_size (layout points), line widths, arrows
 * and node margins times ink. *out: the graph (agclose), NULL on failure. */
int pn__gv_build(const pn__scene *s, double font_size, double ink, Agraph_t **out);

#endif
