/* The drawing layer's style decisions as plain data, shared by every
 * renderer (the Graphviz diagram today; an HTML explorer and maps later):
 * the option names, the visual vocabulary (kind -> shape, tie type -> line,
 * status -> line weight and mark, basis -> a line and mark of its own,
 * country -> palette colour), the themes,
 * and the "scene" of one render: what is drawn (the view, its graph, the
 * highlighted path, metric sizes, parallel ties merged into groups) and how
 * each actor, tie, cluster and legend entry looks. Colours are "#RRGGBB"
 * strings, texts are plain UTF-8 (a line break is '\n'); nothing here knows
 * cgraph, gvc or any output syntax: each renderer escapes and draws. */
#ifndef PN_DRAW_STYLE_H
#define PN_DRAW_STYLE_H

#include <stdbool.h>
#include <stddef.h>

#include "paranet/diagram.h"
#include "paranet/graph.h"
#include "core/util.h"

/* ---- option names (options.c) ---- */

/* "dot", "neato", ...: the Graphviz engine's name of a layout (in range). */
const char *pn__layout_name(pn_diagram_layout layout);

/* ---- what every figure shares (render.c) ---- */

/* A geometry's lengths, font size and resolution within their ranges (a
 * message in diags): 0 or PN_EINVAL. Diagrams and charts. */
int pn__geometry_check(const pn_diagram_geometry *g, pn_diags *diags);
/* The "%%CreationDate: ..." cairo writes into PostScript and EPS set to the
 * Unix epoch, in place (the same length). */
void pn__fix_ps_date(char *ps, size_t n);

/* ---- the visual vocabulary (style.c) ---- */

/* Actor kind -> node shape (Graphviz shape names, the vocabulary's own
 * words), and a glyph of the same shape for a legend. */
typedef struct pn__kind_look {
    const char *shape;
    bool rounded; /* the shape's corners are rounded */
    int peripheries;
    const char *glyph;
} pn__kind_look;

/* Tie type -> line structure and a mark at the tie's `from` end. */
typedef struct pn__type_look {
    bool twin;        /* drawn as two parallel lines */
    const char *tail; /* the mark at the tail end (Graphviz arrow names: obox, tee, ...), or NULL */
    const char *glyph; /* the mark's glyph for a legend, or NULL */
} pn__type_look;

/* Status -> line. Slot PN__STATUS_SLOTS - 1 is "no status given". Widths
 * are whole points, so that a legend's sample line (a table cell's border,
 * which Graphviz sets in whole points) is exactly the tie's line. Two slots
 * with equal looks are drawn alike and share one legend entry. */
#define PN__STATUS_SLOTS (PN_STATUS_COUNT + 1)
typedef struct pn__status_look {
    const char *line; /* "solid", "dashed" or "dotted" */
    int penwidth;
    bool faint;       /* drawn in the theme's faint ink (its mark too) */
    const char *mark; /* a sign drawn on the tie (in the mark colour), or NULL */
} pn__status_look;

/* Basis -> line. The bases the default view leaves out (recommended,
 * proposed: no study reports the relation) are `marked`: drawn in the
 * theme's basis ink, this line and weight instead of their status's, with a
 * mark of their own beside the status's. Reported and inferred ties are
 * drawn by their status alone. */
typedef struct pn__basis_look {
    bool marked;
    const char *line; /* when marked */
    int penwidth;
    const char *mark; /* drawn on the tie in the theme's basis ink */
} pn__basis_look;

const pn__kind_look *pn__kind_look_of(pn_kind kind);
const pn__type_look *pn__type_look_of(pn_tie_type type);
const pn__status_look *pn__status_look_of(int slot);
int pn__status_slot(pn_status status);
const pn__basis_look *pn__basis_look_of(pn_basis basis);
/* The legend's name of a status slot ("not given" for the last). */
const char *pn__status_slot_name(int slot);
/* Whether two status slots are drawn alike (one legend entry names both). */
bool pn__status_alike(int a, int b);

/* The country fills: five of Paul Tol's "light" scheme (for cells behind
 * black text), chosen and ordered so that every pair, and each against
 * white (the countries past the palette), stays apart under simulated
 * protan, deutan and tritan vision (tests/check_palette.py). Countries
 * past the palette are told by a code after their label instead. */
#define PN__PALETTE_SIZE 5
unsigned pn__palette(size_t slot);
/* A palette fill's outline: the fill darkened. */
unsigned pn__palette_outline(size_t slot);

/* A theme: fonts and inks. Every colour is "#RRGGBB". */
typedef struct pn__theme {
    const char *font;
    const char *glyph_font; /* for a legend's shape and line glyphs */
    const char *ink;        /* lines and text */
    const char *faint;      /* planned and ended ties */
    const char *faded;      /* what a highlight pushes back */
    const char *faded_fill;
    const char *cluster;
    bool colour;       /* countries in palette colours, status marks and the path in colour */
    const char *basis; /* ties of a marked basis (pn__basis_look) and their mark */
} pn__theme;

const pn__theme *pn__theme_of(pn_diagram_theme theme);

/* "#RRGGBB" of an 0xRRGGBB value into buf (8 bytes). */
void pn__hex_colour(char *buf, unsigned rgb);

/* The colour of a status mark and of the highlighted path, "#RRGGBB" into
 * buf. The path's colour is reserved: no fill, outline or other ink uses it. */
void pn__mark_colour(const pn__theme *th, char *buf);
void pn__path_colour(const pn__theme *th, char *buf);

/* A line as drawn: ink, structure, style and width in whole points. */
typedef struct pn__line_look {
    char ink[8];
    bool twin;         /* two parallel lines */
    const char *style; /* "solid", "dashed", "dotted" */
    int penwidth;
    const char *mark; /* drawn beside the line (the edge's label), or NULL */
    char mark_colour[8];
    const char *mark2; /* a second mark (a basis's beside a status's), or NULL */
    char mark2_colour[8];
} pn__line_look;

/* The line of a status slot with a basis, unhighlighted and unfaded: ties
 * and legend entries both draw it. */
void pn__status_line(const pn__theme *th, int slot, pn_basis basis, bool twin, pn__line_look *out);

/* s broken at spaces into lines of about `width` characters: a space
 * between two words becomes '\n' where the line would grow too long; every
 * other character is kept. Appended to out. */
void pn__wrap_text(pn__buf *out, const char *s, size_t width);

/* The width on paper of the n bytes of s at em points, estimated from the
 * characters of its longest line ('\n' between lines) at 0.6 em each:
 * DejaVu Sans averages about 0.55 em, so the estimate errs wide. *lines
 * (or NULL): how many lines it has. For the legend's bands and the map's
 * names, laid out before Graphviz measures any text. */
double pn__text_width(const char *s, size_t n, double em, size_t *lines);

/* ---- the scene of one render (style.c) ---- */

/* Parallel ties of one pair with the same direction, type and status,
 * drawn as one edge. */
typedef struct pn__group {
    size_t first;     /* index into the scene's sorted tie list */
    size_t first_tie; /* the dataset index of its first tie: groups follow it */
    size_t n;
    size_t tail, head; /* actors; for an undirected tie, the end its mark is at is the tail */
    bool directed;
    pn_tie_type type;
    int status;     /* slot */
    pn_basis basis; /* a marked basis, or PN_BASIS_REPORTED for the others */
    bool highlight;
} pn__group;

typedef struct pn__scene {
    const pn_dataset *ds;
    const pn_diagram_options *o;
    const pn__theme *th;
    pn_diags *diags;
    size_t na, nt;
    bool *tie_mask, *actor_mask;
    pn_graph *graph;
    int *country_slot; /* actor -> palette slot, -1 for none (ZZ or past the palette) */
    int *country_rank; /* actor -> its country's rank in the dataset (most actors first), -1 for ZZ
                        */
    const char **rank_code; /* rank -> country code */
    size_t n_ranks;
    size_t ego;     /* the actor an ego view is centred on, or SIZE_MAX */
    size_t wrap;    /* names and aliases wrap at this many characters (PN__WRAP; the fit
                       may narrow it: render.c) */
    double *size;   /* actor -> font size, or NULL */
    bool *hl_actor; /* actors on the highlighted path, or NULL */
    size_t *path;   /* the path's actors in order */
    size_t path_len;
    size_t *ties; /* kept ties, sorted into groups */
    size_t n_ties;
    pn__group *groups; /* in the order of their first tie */
    size_t n_groups;
    /* What the figure shows, for the legend. */
    bool kinds_seen[PN_KIND_COUNT];
    bool types_seen[PN_TYPE_COUNT];
    bool status_seen[PN__STATUS_SLOTS];
    bool basis_seen[PN_BASIS_COUNT]; /* marked bases only */
    bool directed_seen;
    bool *rank_seen; /* by country rank; [n_ranks] is ZZ */
    /* The explorer's ids (pn__diagram_svg_ids): each actor's node is "a<index>" of class
     * "actor" (and "in-<key>" when boxed in the cluster "cluster_<key>"), each group's edge
     * "e<group>" of class "tie"; false: Graphviz's own. */
    bool ids;
} pn__scene;

#define PN__WRAP 20 /* the line width of a label, in characters */

/* Step 1: the view (masks) and its graph. opts must have been checked.
 * Free with pn__scene_free, also after a failure. */
int pn__scene_open(pn__scene *s, const pn_dataset *ds, const pn_diagram_options *opts,
                   pn_diags *diags);
/* Step 2: country colours, the highlighted path, metric sizes, the groups
 * and what is seen. */
int pn__scene_style(pn__scene *s);
void pn__scene_free(pn__scene *s);

/* How an actor looks. */
typedef struct pn__actor_look {
    const pn__kind_look *kind;
    char fill[8], line[8];
    int penwidth;            /* of the outline, whole points */
    const char *text_colour; /* NULL: the theme's ink */
    bool highlighted;        /* on the highlighted path: a heavy outline in the path colour */
    bool ego; /* the centre of an ego view: a heavy outline, a bold label after PN__EGO_MARK */
    double font_size; /* 0: the renderer's default */
} pn__actor_look;

#define PN__EGO_MARK       "\u2605" /* black star */
#define PN__NODE_PENWIDTH  1
#define PN__HEAVY_PENWIDTH 3

void pn__actor_look_of(const pn__scene *s, size_t actor, pn__actor_look *out);
/* Whether an actor's label carries its country's code: when countries are
 * not boxed, every actor on paper, in colour those past the palette; never
 * ZZ (unknown). */
bool pn__actor_coded(const pn__scene *s, size_t actor, bool country_boxes);
/* The actor's label (by the labels option), plain text appended to out,
 * then " (CC)" when pn__actor_coded. */
void pn__actor_label(const pn__scene *s, size_t actor, bool country_boxes, pn__buf *out);

/* The group an actor is boxed in by the cluster option (a renderer decides
 * whether it draws boxes). */
typedef struct pn__cluster_look {
    char key[48];      /* unique among clusters: the country code, "country_<slot>", the kind */
    const char *label; /* plain text, borrowed */
    char colour[8];
    bool heavy; /* a country's box in its palette colour: a heavier line */
} pn__cluster_look;

/* false when the cluster option is none. */
bool pn__cluster_look_of(const pn__scene *s, size_t actor, pn__cluster_look *out);

/* How a group of ties looks. */
typedef struct pn__tie_look {
    char ink[8];
    bool twin;        /* two parallel lines */
    const char *line; /* "solid", "dashed", "dotted" */
    int penwidth;
    bool directed;    /* an arrowhead at the head */
    const char *tail; /* the type's mark at the tail, or NULL */
    bool faded;       /* pushed back by a highlight: its label faint too */
} pn__tie_look;

void pn__tie_look_of(const pn__scene *s, const pn__group *g, pn__tie_look *out);

/* What a group's label says: the status mark and the basis mark, then (with edge labels) the
 * distinct tie texts in tie order with their counts ("programme" x4), then
 * "other xN" (or "xN") for ties with nothing to show when `other`. */
typedef struct pn__edge_label {
    const char *mark; /* or NULL */
    char mark_colour[8];
    const char *basis_mark; /* or NULL */
    char basis_colour[8];
    pn__buf *texts; /* plain text */
    size_t *counts;
    size_t n_texts;
    size_t unlabelled;
    bool other;
} pn__edge_label;

int pn__edge_label_make(const pn__scene *s, const pn__group *g, pn__edge_label *out);
void pn__edge_label_free(pn__edge_label *l);

/* pn_diagram_render's SVG of a view with the ids of pn__scene.ids, for the
 * explorer (front/explorer.c); otherwise the same bytes. *tie_edge (malloc,
 * one entry a tie of ds) is the group (edge "e<k>") each tie is drawn in,
 * SIZE_MAX for a tie not drawn. Errors as pn_diagram_render. (render.c) */
int pn__diagram_svg_ids(const pn_dataset *ds, const pn_diagram_options *opts, char **out,
                        size_t *len, size_t **tie_edge, pn_diags *diags);

/* ---- the legend as data (legend.c) ---- */

/* A grid: a column per heading, its entries under it. */
#define PN__LEGEND_COLS    8
#define PN__LEGEND_ENTRIES 11

/* An entry's sample is drawn from the same style data as the element it
 * stands for, in this order: a glyph (a kind's shape, a type's mark), a
 * swatch (a country's fill and outline), a text sample (a country's code,
 * the ego's mark), a line with its marks, a glyph after the line (an
 * arrowhead). */
typedef struct pn__legend_entry {
    char colour[8];    /* of the glyphs */
    const char *glyph; /* or NULL */
    bool swatch;
    char fill[8], outline[8];
    int outline_width;
    char sample[24]; /* in the label font; "" for none */
    bool sample_bold;
    bool has_line;
    pn__line_look line;
    const char *head; /* or NULL */
    pn__buf text;     /* plain text */
} pn__legend_entry;

typedef struct pn__legend_column {
    const char *heading;
    pn__legend_entry entry[PN__LEGEND_ENTRIES];
    size_t n;
} pn__legend_column;

typedef struct pn__legend {
    bool shown; /* false: no legend (option off or nothing drawn) */
    pn__legend_column col[PN__LEGEND_COLS];
    size_t cols;
} pn__legend;

/* Only what the figure shows: actor kinds, tie types (and direction),
 * statuses, marked bases, countries (unless the renderer draws country boxes, which name
 * them), and what the options added (size metric, highlighted path). */
void pn__legend_make(const pn__scene *s, bool country_boxes, pn__legend *out);
void pn__legend_free(pn__legend *lg);
/* An entry's text, "" when its buffer failed. */
const char *pn__legend_text(const pn__legend_entry *e);

#endif
