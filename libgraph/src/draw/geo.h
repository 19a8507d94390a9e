/* The map layout (PN_LAYOUT_GEO, docs/render.md "Maps"): geo.c projects the
 * actors' coordinates and places the nodes of the Graphviz graph (build.c
 * calls it), geo_world.c draws the country outlines underneath. */
#ifndef PN_DRAW_GEO_H
#define PN_DRAW_GEO_H

#include <stddef.h>
#include <stdint.h>

#include <cgraph.h>

#include "draw/style.h"

/* The Equal Earth projection (Šavrič, Patterson and Jenny 2018, "The Equal
 * Earth map projection", IJGIS 33(3)) of a point in degrees, on the unit
 * sphere: x from -2.7064 (lon -180) to 2.7064, y from -1.3173 (lat -90) to
 * 1.3173, north up. Longitudes are taken as given (no wrapping). */
void pn__geo_project(double lon, double lat, double *x, double *y);

/* The most steps a great circle is sampled in (one a 2 degrees of arc). */
#define PN__GEO_SAMPLES 48

/* The great circle from (lon1, lat1) to (lon2, lat2), degrees, sampled about
 * every 2 degrees of arc (2 to PN__GEO_SAMPLES steps) into lon[], lat[]
 * (PN__GEO_SAMPLES + 1 each), its ends exactly the points given; the count.
 * Longitudes in -180..180, so a crossing of the antimeridian is a jump. */
size_t pn__geo_great_circle(double lon1, double lat1, double lon2, double lat2, double *lon,
                            double *lat);

/* The part of the projected plane a map shows: x0, y0 (south-west) to x1, y1,
 * and the scale from projected units to layout points (the map's width). */
typedef struct pn__geo_frame {
    double x0, y0, x1, y1;
    double k;
} pn__geo_frame;

/* A point in degrees on the map, in layout points (0,0 at the south-west). */
void pn__geo_point(const pn__geo_frame *f, double lon, double lat, double *x, double *y);

/* The part a + t (b - a), t in [*t0, *t1] within [0, 1], of the segment
 * from a to b inside the box [x0, x1] x [y0, y1] (Liang-Barsky); false if
 * none is. */
bool pn__geo_clip(double ax, double ay, double bx, double by, double x0, double y0, double x1,
                  double y1, double *t0, double *t1);

/* The checks of a map before its scene is styled, with their diagnostics:
 * the extent valid, the view's actors without coordinates named in a
 * warning ("no-coordinates") and taken out of the scene's actor mask (so
 * their ties and legend entries go too), and so those outside an extent
 * given ("outside-extent"); PN_EINVAL when none is left. */
int pn__geo_check(pn__scene *s);

/* Place the nodes of a scene's graph at their projected coordinates (pos,
 * pinned) in the frame (the extent given, or the actors' box grown for
 * their names), draw the ties (pn__geo_arcs), name only the opts'
 * map.labels most tied actors off them (pn__geo_labels; the others small
 * points), and the outlines and neat line under it all (pn__geo_world).
 * nodes: the graph's node of each actor (NULL: not drawn); ink: the scale
 * of the pens (render.c's m). */
int pn__geo_place(const pn__scene *s, Agraph_t *g, Agnode_t **nodes, double ink);

/* One straight stretch of a tie as drawn (layout points), as wide as its
 * line on each side by hw (its colours side by side, or its arrowhead):
 * what a map's names are kept off (geo_labels.c). */
typedef struct pn__geo_seg {
    float x0, y0, x1, y1, hw;
    uint32_t tie; /* the edge's number, from 0 */
} pn__geo_seg;

/* The drawn ties of a map, as their stretches. */
typedef struct pn__geo_lines {
    pn__geo_seg *seg;
    size_t n, cap;
    uint32_t ties;
    bool failed;
} pn__geo_lines;

/* Every edge of g between placed nodes as a great-circle arc (its pos, for
 * Graphviz's nop2 engine), trimmed at the marks and arrowheads, parallel
 * edges bowed apart, clipped to the frame (geo_arcs.c); the lines as drawn
 * appended to *lines. */
int pn__geo_arcs(const pn__scene *s, Agraph_t *g, Agnode_t **nodes, const pn__geo_frame *f,
                 double ink, pn__geo_lines *lines);

/* Name the actors order[0..n) (the most tied first) beside their marks as
 * pinned plain-text nodes, each box measured in the font Graphviz draws it
 * in, inside the frame, off the other names and the named actors' marks,
 * at the first spot that crosses none of the lines (else the one that
 * crosses fewest ties); names with no room are left out (geo_labels.c).
 * The nodes' labels are still their names here. */
int pn__geo_labels(const pn__scene *s, Agraph_t *g, Agnode_t **nodes, const size_t *order, size_t n,
                   const pn__geo_frame *f, const pn__geo_lines *lines);

/* The country outlines of the compiled-in Natural Earth 1:110m TopoJSON
 * (data/world-atlas) projected into the frame, clipped to it, as xdot
 * operations (a gray fill and thin outline; paper: grays) appended to b,
 * for the graph's _background; then the frame's neat line. */
int pn__geo_world(const pn__geo_frame *f, bool paper, double ink, pn__buf *b);

#endif
