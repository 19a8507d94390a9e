/* paranet: diagrams of a view, drawn with Graphviz (docs/diagrams.md).
 *
 * The graph is built with cgraph, laid out and rendered in process with gvc:
 * no DOT text is assembled by hand and no `dot` program is run. Every name
 * from the data goes into an HTML-like label with its special characters
 * written as entities, so any name (quotes, backslashes, <, >, &, newlines,
 * Graphviz escapes such as \N, any script) is drawn literally and the DOT
 * written is always valid. The same dataset and options give the same DOT
 * and SVG bytes: nodes follow the dataset's actor order, edges its tie order,
 * clusters a fixed order, and the force-directed layouts start from a seed.
 *
 * Visual vocabulary (both themes): actor kind -> node shape; tie type ->
 * line structure and a mark at the tie's `from` end; arrowheads on directed
 * ties; status -> line weight, dashes, faintness and a mark on stalled,
 * failed and ended ties; country -> clusters labelled with the country's
 * name, a fill colour (five of Paul Tol's light scheme, colour theme) or
 * the country's code after the label; the ego of an ego view is marked.
 * Parallel ties of one pair with the same direction, type and status are
 * drawn as one edge labelled "xN".
 */
#ifndef PARANET_DIAGRAM_H
#define PARANET_DIAGRAM_H

#include <stdbool.h>
#include <stddef.h>

#include "paranet/common.h"
#include "paranet/dataset.h"
#include "paranet/error.h"
#include "paranet/view.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The Graphviz layout engine. */
typedef enum pn_diagram_layout {
    PN_LAYOUT_DOT,   /**< layered (hierarchical) */
    PN_LAYOUT_NEATO, /**< spring model (stress majorisation) */
    PN_LAYOUT_FDP,   /**< force-directed, keeps clusters */
    PN_LAYOUT_SFDP,  /**< force-directed, for large graphs */
    PN_LAYOUT_CIRCO, /**< circular */
    PN_LAYOUT_TWOPI, /**< radial, around the most connected actor */
    /** a map: actors at their coordinates (lat, lon) in the Equal Earth
     * projection over the world's country outlines; actors without
     * coordinates are left out with a warning (docs/render.md, "Maps") */
    PN_LAYOUT_GEO
} pn_diagram_layout;

typedef enum pn_diagram_theme {
    PN_THEME_COLOR, /**< countries coloured (Paul Tol's light scheme), sans-serif */
    PN_THEME_PAPER  /**< grays only, serif: prints well in grayscale */
} pn_diagram_theme;

typedef enum pn_diagram_cluster {
    PN_CLUSTER_COUNTRY, /**< a box per country, labelled with its name */
    PN_CLUSTER_KIND,    /**< a box per actor kind */
    PN_CLUSTER_NONE
} pn_diagram_cluster;

typedef enum pn_diagram_labels {
    PN_LABELS_NAME, /**< the actor's name, wrapped */
    PN_LABELS_ID,   /**< the actor's id */
    PN_LABELS_SHORT /**< the actor's first alias (often an abbreviation), else its name */
} pn_diagram_labels;

typedef enum pn_diagram_edge_labels {
    PN_EDGE_LABELS_NONE,       /**< only the number of merged ties (xN) and status marks */
    PN_EDGE_LABELS_INSTRUMENT, /**< the ties' instruments */
    PN_EDGE_LABELS_YEAR,       /**< the ties' years (since, or since-until) */
    PN_EDGE_LABELS_BOTH        /**< instrument and year */
} pn_diagram_edge_labels;

/** A journal's text block, in points (1/72 in): a figure given neither width
 * nor height is at most PN_DIAGRAM_PAGE_WIDTH wide (its height free), and
 * one taller than PN_DIAGRAM_PAGE_HEIGHT gets a warning ("figure-height"). */
#define PN_DIAGRAM_PAGE_WIDTH  (16.0 / 2.54 * 72.0)
#define PN_DIAGRAM_PAGE_HEIGHT (22.0 / 2.54 * 72.0)
/** The default size of the labels on paper, in points. */
#define PN_DIAGRAM_FONT_SIZE 8.0
/** The default resolution of PNG and JPEG output, in dots per inch. */
#define PN_DIAGRAM_DPI 300.0

/**
 * The size of a figure on paper (docs/render.md, "Size on paper"). Lengths
 * in PostScript points (1/72 in; pn_diagram_length_parse reads "16cm").
 *
 * - width and height 0: the figure is at most PN_DIAGRAM_PAGE_WIDTH wide,
 *   shrunk if it is wider, never enlarged; its height is what the labels
 *   need at that width, and a figure taller than PN_DIAGRAM_PAGE_HEIGHT
 *   gets a warning (code "figure-height") suggesting --height;
 * - width only (or height only): the figure is exactly that wide (tall), its
 *   aspect ratio kept;
 * - both: it fits inside width x height, touching one of them.
 *
 * font_size is the size of the labels (actors, ties, the legend) on paper
 * at that size: the layout is redone with the fonts (and line widths,
 * arrows and node margins) scaled so that, once the drawing is scaled to
 * the width, they are font_size points (to 2%). Cluster names are 1.15
 * times larger, the title 1.5 times, --size-by runs 0.9 to 2.2 times. When
 * a layout cannot reach that size at the width (it needs more room for its
 * text than the width gives), names wrap at 16 characters instead of 20
 * where that brings the labels to 7 pt (or to font_size, if smaller);
 * otherwise the figure keeps the width and a warning (code "font-size")
 * says the size reached. Each try is one layout (at most eight per wrap;
 * three past 50 actors, with one wrap). The dot layout is drawn left to right
 * (rankdir=LR) when its top-to-bottom drawing must shrink and the other
 * shrinks less. The page has no margin: a PDF's MediaBox is the figure.
 * dpi is the resolution of PNG and JPEG output (their pixels are the size
 * in inches times dpi); SVG, PDF, EPS and PS are vector.
 * Zeros mean the defaults.
 */
typedef struct pn_diagram_geometry {
    double width;     /**< pt; 0: not fixed */
    double height;    /**< pt; 0: not fixed */
    double font_size; /**< pt on paper; 0: PN_DIAGRAM_FONT_SIZE; 4 to 72 */
    double dpi;       /**< 0: PN_DIAGRAM_DPI; 36 to 2400 */
} pn_diagram_geometry;

/** Width and height limits: 0 (not fixed), or 1 cm to 5 m. */
#define PN_DIAGRAM_LENGTH_MIN (1.0 / 2.54 * 72.0)
#define PN_DIAGRAM_LENGTH_MAX (500.0 / 2.54 * 72.0)

/** The default number of actors named on a map (PN_LAYOUT_GEO). */
#define PN_DIAGRAM_MAP_LABELS 12

/**
 * The map of PN_LAYOUT_GEO (docs/render.md, "Maps").
 *
 * extent: west, south, east and north in degrees (longitude -180 to 180,
 * west < east; latitude -90 to 90, south < north): the part of the world
 * drawn, its width the figure's; all four 0: the box around the view's
 * actors with coordinates and their arcs, at least as wide as tall, with a
 * margin. labels: how many actors are named (those with the most drawn
 * ties, or the largest label_by metric, the dataset's order on a tie),
 * each name beside its mark where it overlaps no other name and crosses no
 * tie (else where it crosses fewest), left out where there is no room; the
 * other actors drawn as small marks; 0: PN_DIAGRAM_MAP_LABELS; SIZE_MAX:
 * all. Ties are great-circle arcs. Actors without coordinates are left out
 * (a warning names them); none with coordinates is PN_EINVAL.
 */
typedef struct pn_diagram_map {
    double extent[4]; /**< west, south, east, north; all 0: automatic */
    size_t labels;    /**< actors named; 0: PN_DIAGRAM_MAP_LABELS */
    /** The names go to the actors with the largest values of this metric
     * (metrics.h names, on the view's graph; NaN counts as the smallest),
     * the most drawn ties on equal values; NULL: the most drawn ties. */
    const char *label_by;
} pn_diagram_map;

/** Options of pn_diagram_render. Initialise with PN_DIAGRAM_OPTIONS_INIT. */
typedef struct pn_diagram_options {
    pn_view view; /**< which ties and actors are drawn (strings borrowed) */
    pn_diagram_layout layout;
    pn_diagram_theme theme;
    pn_diagram_cluster cluster;
    bool legend; /**< draw the legend (kinds, types, statuses present) under the figure */
    pn_diagram_labels labels;
    pn_diagram_edge_labels edge_labels;
    const char *size_by;   /**< node size from this metric (metrics.h names), or NULL */
    const char *path_from; /**< with path_to: highlight a shortest path between these */
    const char *path_to;   /**< actor ids and fade the rest; NULL: no highlight */
    const char *title;     /**< drawn above the legend, or NULL */
    unsigned seed;         /**< start seed of neato, fdp and sfdp */
    /** Lay out (SVG, PNG, PDF) even a view over the layout's size limit
     * (pn_diagram_layout_limits); false (default): PN_ELIMIT instead. */
    bool force_layout;
    pn_diagram_geometry geometry; /**< size on paper, label size, resolution */
    pn_diagram_map map;           /**< the map of PN_LAYOUT_GEO */
} pn_diagram_options;

#define PN_DIAGRAM_OPTIONS_INIT                                                                    \
    {                                                                                              \
        PN_VIEW_INIT, PN_LAYOUT_DOT, PN_THEME_COLOR, PN_CLUSTER_COUNTRY, true, PN_LABELS_NAME,     \
            PN_EDGE_LABELS_NONE, NULL, NULL, NULL, NULL, 1, false, {0, 0, 0, 0},                   \
        {                                                                                          \
            {0, 0, 0, 0}, 0                                                                        \
        }                                                                                          \
    }

/**
 * Draw the view of a dataset.
 *
 * "dot" gives the graph as DOT before layout (with a `layout` attribute, so
 * `dot -Tsvg` on it draws the same graph, and the `size` of the geometry,
 * but labels at font_size and top to bottom: no layout is run to fit
 * them); "svg", "png",
 * "jpg", "pdf", "eps" and "ps" are laid out and rendered by the Graphviz
 * plugins (cairo for all but SVG), which must be installed (a missing
 * plugin is PN_EGRAPHVIZ with a message, never a crash). The output is
 * deterministic (the creation date of PDF, EPS and PS is set to
 * 1970-01-01, as SOURCE_DATE_EPOCH=0 would).
 *
 * Graphviz's own warnings are captured into diags while this runs (through
 * cgraph's process-wide error hook, restored before return). The first SVG,
 * PNG or PDF render creates one Graphviz context that is kept for the
 * process: Graphviz 2.42 cannot free a context and make another safely (its
 * pango plugin keeps a pointer into the freed one). So this function must
 * not run in two threads at once, as Graphviz itself must not. Cost: the
 * layout engine's (dot: roughly quadratic in the drawn edges in practice).
 *
 * @param opts NULL for defaults.
 * @param format one of pn_diagram_formats() ("dot", "svg", "png", "jpg", "pdf", "eps", "ps").
 * @param[out] out the bytes, NUL-terminated (the NUL not counted), owned by
 * the caller (free()). @param[out] len their length.
 * Size guard: an SVG, PNG or PDF of a view with more actors or more edges
 * than its layout's limits (pn_diagram_layout_limits) is refused with
 * PN_ELIMIT and a message naming the sizes, the limits and sfdp, unless
 * opts->force_layout; DOT output has no layout and no limit.
 *
 * @return 0; PN_ELIMIT over a layout's size limit; PN_EINVAL for an unknown format or option value;
 * PN_ENOTFOUND when an actor named by the view or the highlighted path does not exist or no path
 * joins the two; PN_EGRAPHVIZ when Graphviz fails or lacks the plugin; PN_EIGRAPH, PN_ENOMEM.
 * Messages go to diags.
 */
PN_EXTERN int pn_diagram_render(const pn_dataset *ds, const pn_diagram_options *opts,
                                const char *format, char **out, size_t *len, pn_diags *diags);

/**
 * The largest view a layout engine draws without force_layout: at most
 * *max_actors actors (graph vertices) and *max_ties edges (pairs of actors
 * joined, in the view's graph). Measured here (docs/render.md): about 10 to
 * 30 s at the limit, minutes beyond it for the superlinear engines. 0 means
 * no limit (sfdp). An unknown layout gives 0 and 0.
 */
PN_EXTERN void pn_diagram_layout_limits(pn_diagram_layout layout, size_t *max_actors,
                                        size_t *max_ties);

/**
 * Parse the value of a diagram option by its CLI name: "layout", "theme",
 * "cluster", "labels" or "edge-labels" (e.g. "fdp" -> PN_LAYOUT_FDP).
 * @return the enum value, or -1 when the option or value is unknown.
 */
PN_EXTERN int pn_diagram_option_parse(const char *option, const char *value);

/** The accepted values of an option, "dot|neato|fdp|sfdp|circo|twopi", or NULL. Static. */
PN_EXTERN const char *pn_diagram_option_values(const char *option);

/** The formats pn_diagram_render writes, "svg, pdf, png, jpg, eps, ps, dot". Static. */
PN_EXTERN const char *pn_diagram_formats(void);

/**
 * Whether pn_diagram_render writes a format: "svg", "pdf", "png", "jpg",
 * "eps", "ps" or "dot" (and the aliases "jpeg" and "gv", case-insensitive).
 * @return the canonical name ("jpg" for "jpeg"), or NULL.
 */
PN_EXTERN const char *pn_diagram_format_name(const char *name);

/**
 * Read a length with its unit: "16cm", "160mm", "6.3in", "453pt" (a space
 * may stand between number and unit). *points: the length in points.
 * @return 0; PN_EINVAL for a bare number, an unknown unit or a length that
 * is not positive and finite.
 */
PN_EXTERN int pn_diagram_length_parse(const char *text, double *points);

/** The name of an option's enum value ("fdp"), or NULL when out of range. Static. */
PN_EXTERN const char *pn_diagram_option_name(const char *option, int value);

#ifdef __cplusplus
}
#endif

#endif
