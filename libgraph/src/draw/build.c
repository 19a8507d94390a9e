/* The Graphviz graph of a scene (graphviz.h): nodes, edges, clusters and
 * graph attributes from the style data of style.h, every text in an
 * HTML-like label with its special characters as entities, and the legend
 * and title drawn as one HTML-like table under the figure. */
#include "draw/graphviz.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw/geo.h"
#include "paranet/vocab.h"

/* ---- labels ---- */

/* Append text to an HTML-like label: entities for the characters HTML and
 * Graphviz treat specially (a backslash is doubled: see below), <BR/> for a newline, U+FFFD for
 * control characters and bytes that are not UTF-8 (they would make the SVG ill-formed). */
void pn__gv_html_text(pn__buf *b, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    while (p < end) {
        unsigned c = *p;
        if (c < 0x80) {
            switch (c) {
            case '&':
                pn__buf_puts(b, "&amp;");
                break;
            case '<':
                pn__buf_puts(b, "&lt;");
                break;
            case '>':
                pn__buf_puts(b, "&gt;");
                break;
            case '"':
                pn__buf_puts(b, "&quot;");
                break;
            case '\'':
                pn__buf_puts(b, "&#39;");
                break;
            case '\\':
                /* Graphviz expands \N, \G, \E in HTML text too, and reads a
                 * doubled backslash as one: so each backslash is written twice. */
                pn__buf_puts(b, "&#92;&#92;");
                break;
            case '\n':
                pn__buf_puts(b, "<BR/>");
                break;
            case '\t':
                pn__buf_puts(b, " ");
                break;
            case '\r':
                break;
            default:
                if (c < 0x20 || c == 0x7f)
                    pn__buf_puts(b, "\xEF\xBF\xBD");
                else
                    pn__buf_add(b, p, 1);
            }
            p++;
            continue;
        }
        /* A well-formed UTF-8 sequence is copied; anything else is U+FFFD. */
        size_t len = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
        bool ok = len > 0 && (size_t)(end - p) >= len;
        for (size_t k = 1; ok && k < len; k++)
            ok = (p[k] & 0xC0) == 0x80;
        if (ok && len == 3)
            ok = !(c == 0xE0 && p[1] < 0xA0) && !(c == 0xED && p[1] >= 0xA0);
        if (ok && len == 4)
            ok = !(c == 0xF0 && p[1] < 0x90) && !(c == 0xF4 && p[1] >= 0x90);
        if (ok) {
            pn__buf_add(b, p, len);
            p += len;
        } else {
            pn__buf_puts(b, "\xEF\xBF\xBD");
            p++;
        }
    }
}

#define html_text pn__gv_html_text

typedef struct gv {
    const pn__scene *s;
    Agraph_t *g;
    Agnode_t **nodes;   /* by actor */
    bool country_boxes; /* countries drawn as labelled boxes: no codes in labels */
    double pt;          /* the labels' font size, in layout points */
    double ink;         /* line widths, arrows and node margins: times this */
} gv;

static void set(void *obj, const char *name, const char *value)
{
    agsafeset(obj, (char *)name, (char *)value, (char *)"");
}

/* A number as an attribute: one decimal ("8.0", "14.7"), two below 10
 * where one would not do ("2.34", "0.06"). */
static const char *num(char *buf, size_t size, double v)
{
    snprintf(buf, size, v >= 10.0 || fabs(v - round(v * 10) / 10) < 0.005 ? "%.1f" : "%.2f", v);
    return buf;
}

static void set_num(void *obj, const char *name, double value)
{
    char buf[32];
    set(obj, name, num(buf, sizeof(buf), value));
}

/* A padding or width of an HTML-like table (whole points), times the ink
 * scale. */
static int pixels(const gv *c, double points)
{
    return (int)(points * c->ink + 0.5);
}

/* A tie's line width (layout points): whole points, as the legend's sample
 * (a cell border, which Graphviz sets in whole points) has, so that the two
 * are the same; times the ink scale, but never below it (where the
 * drawing is enlarged, m < 1, rounding would make 1, 2 and 3 alike). */
static int line_width(const gv *c, double points)
{
    int w = (int)(points * fmax(c->ink, 1.0) + 0.5);
    return w > 0 ? w : 1;
}

/* Graphviz draws an edge of n colours as n lines 2 points apart (SEP in
 * its emit.c, not scaled by anything), so a double line "c:invis:c" has
 * its two lines 4 points apart whatever their width: at width w the gap is
 * 4 - w, gone once the ink scale has made w 4. The invisible colours
 * between the two (one at least, as at scale 1) are as many as keep a gap
 * of at least 1 point times the scale, i.e. 1 point on paper. */
static int twin_gaps(const gv *c, int width)
{
    int k = (int)ceil((width + fmax(c->ink, 1.0)) / 2.0) - 1;
    return k > 1 ? k : 1;
}

/* A node margin (inches, x,y), times the ink scale. */
static void set_margin(gv *c, void *obj, double x, double y)
{
    char buf[64], a[24], b[24];
    snprintf(buf, sizeof(buf), "%s,%s", num(a, sizeof(a), x * c->ink),
             num(b, sizeof(b), y * c->ink));
    set(obj, "margin", buf);
}

static int set_html(gv *c, void *obj, const char *name, pn__buf *html)
{
    if (html->failed)
        return PN_ENOMEM;
    pn__buf_add(html, "", 1); /* NUL */
    if (html->failed)
        return PN_ENOMEM;
    char *s = agstrdup_html(c->g, html->data);
    if (!s)
        return PN_ENOMEM;
    set(obj, name, s);
    agstrfree(c->g, s);
    return 0;
}

/* ---- clusters ---- */

/* Only dot and fdp draw clusters; the other layouts get none, so that what
 * they draw does not depend on Graphviz state (neato drew the clusters of a
 * graph on a second render in one process and not on the first). */
bool pn__gv_clustered(const pn_diagram_options *o)
{
    return o->cluster != PN_CLUSTER_NONE &&
           (o->layout == PN_LAYOUT_DOT || o->layout == PN_LAYOUT_FDP);
}

/* The subgraph that holds an actor: its country's or kind's cluster, or the
 * root. Clusters are created at their first actor, so their order follows
 * the dataset. */
static Agraph_t *cluster_of(gv *c, size_t actor, int *rc)
{
    pn__cluster_look look;
    if (!pn__gv_clustered(c->s->o) || !pn__cluster_look_of(c->s, actor, &look))
        return c->g;
    char name[64];
    snprintf(name, sizeof(name), "cluster_%s", look.key);
    Agraph_t *sub = agsubg(c->g, name, 0);
    if (sub)
        return sub;
    sub = agsubg(c->g, name, 1);
    if (!sub) {
        *rc = PN_EGRAPHVIZ;
        return NULL;
    }
    const pn__theme *th = c->s->th;
    set(sub, "style", "rounded");
    set(sub, "color", look.colour);
    if (look.heavy)
        set_num(sub, "penwidth", 1.5 * c->ink);
    set(sub, "fontcolor", th->ink);
    set_num(sub, "fontsize", 1.15 * c->pt);
    set(sub, "labeljust", "l");
    set(sub, "labelloc", "t"); /* explicit: the root's labelloc would be inherited from DOT */
    set(sub, "margin", "10");
    pn__buf label;
    pn__buf_init(&label);
    html_text(&label, look.label, strlen(look.label));
    *rc = set_html(c, sub, "label", &label);
    pn__buf_free(&label);
    return *rc ? NULL : sub;
}

/* ---- nodes ---- */

static bool safe_id(const char *id)
{
    if (!id || !*id)
        return false;
    for (const char *p = id; *p; p++) {
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_' || *p == '-'))
            return false;
    }
    return true;
}

const char *pn__gv_node_name(const pn__scene *s, size_t actor, char *buf, size_t size)
{
    const char *id = pn_dataset_actor(s->ds, actor)->id;
    if (safe_id(id))
        return id;
    snprintf(buf, size, "actor%zu", actor);
    return buf;
}

/* The actor with the most drawn ties (the first in the dataset on a tie):
 * the centre of twopi's rings. */
static size_t hub(const pn__scene *c)
{
    size_t *deg = calloc(c->na + 1, sizeof(size_t)), best = SIZE_MAX;
    if (!deg)
        return SIZE_MAX;
    for (size_t i = 0; i < c->n_groups; i++) {
        deg[c->groups[i].tail] += c->groups[i].n;
        deg[c->groups[i].head] += c->groups[i].n;
    }
    for (size_t i = 0; i < c->na; i++) {
        if (c->actor_mask[i] && (best == SIZE_MAX || deg[i] > deg[best]))
            best = i;
    }
    free(deg);
    return best;
}

static int by_size_t(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

/* The order nodes are created in. Graphviz's radial layout puts the hub's
 * neighbours around the ring in node order, so for twopi actors tied to each
 * other (other than through the hub) are placed next to each other: a tie
 * between them is then a short chord, not a line across a third actor.
 * Otherwise, and among the rest, the dataset's order. */
static int node_order(const pn__scene *c, size_t *order)
{
    size_t n = 0;
    if (c->o->layout != PN_LAYOUT_TWOPI) {
        for (size_t i = 0; i < c->na; i++) {
            if (c->actor_mask[i])
                order[n++] = i;
        }
        return 0;
    }
    size_t h = hub(c);
    size_t *start = calloc(c->na + 2, sizeof(size_t));
    size_t *adj = malloc((2 * c->n_groups + 1) * sizeof(size_t));
    bool *placed = calloc(c->na + 1, sizeof(bool));
    if (!start || !adj || !placed) {
        free(start);
        free(adj);
        free(placed);
        return PN_ENOMEM;
    }
    /* Neighbours other than the hub, as sorted adjacency lists. */
    for (size_t g = 0; g < c->n_groups; g++) {
        size_t a = c->groups[g].tail, b = c->groups[g].head;
        if (a != h && b != h) {
            start[a + 1]++;
            start[b + 1]++;
        }
    }
    for (size_t i = 0; i < c->na; i++)
        start[i + 1] += start[i];
    size_t *fill = calloc(c->na + 1, sizeof(size_t));
    if (!fill) {
        free(start);
        free(adj);
        free(placed);
        return PN_ENOMEM;
    }
    for (size_t g = 0; g < c->n_groups; g++) {
        size_t a = c->groups[g].tail, b = c->groups[g].head;
        if (a != h && b != h) {
            adj[start[a] + fill[a]++] = b;
            adj[start[b] + fill[b]++] = a;
        }
    }
    for (size_t i = 0; i < c->na; i++)
        qsort(adj + start[i], start[i + 1] - start[i], sizeof(size_t), by_size_t);
    for (size_t i = 0; i < c->na; i++) {
        if (!c->actor_mask[i] || placed[i])
            continue;
        size_t cur = i;
        for (;;) {
            placed[cur] = true;
            order[n++] = cur;
            size_t next = SIZE_MAX;
            for (size_t k = start[cur]; cur != h && k < start[cur + 1] && next == SIZE_MAX; k++) {
                if (!placed[adj[k]] && c->actor_mask[adj[k]])
                    next = adj[k];
            }
            if (next == SIZE_MAX)
                break;
            cur = next;
        }
    }
    free(fill);
    free(start);
    free(adj);
    free(placed);
    return 0;
}

static int add_node(gv *c, size_t i)
{
    const pn__scene *s = c->s;
    const pn_actor *a = pn_dataset_actor(s->ds, i);
    int rc = 0;
    Agraph_t *sub = cluster_of(c, i, &rc);
    char buf[32];
    Agnode_t *n = sub ? agnode(sub, (char *)pn__gv_node_name(s, i, buf, sizeof(buf)), 1) : NULL;
    if (!n)
        return rc ? rc : PN_EGRAPHVIZ;
    c->nodes[i] = n;
    if (s->ids) { /* the explorer's: the actor, and the cluster it is boxed in */
        pn__cluster_look box;
        bool boxed = pn__gv_clustered(s->o) && pn__cluster_look_of(s, i, &box);
        char cls[80];
        snprintf(cls, sizeof(cls), boxed ? "actor in-%s" : "actor", boxed ? box.key : "");
        snprintf(buf, sizeof(buf), "a%zu", i);
        set(n, "id", buf);
        set(n, "class", cls);
    }
    pn__actor_look look;
    pn__actor_look_of(s, i, &look);
    set(n, "shape", look.kind->shape);
    if (look.kind->peripheries != 1) {
        snprintf(buf, sizeof(buf), "%d", look.kind->peripheries);
        set(n, "peripheries", buf);
    }
    set(n, "style", look.kind->rounded ? "rounded,filled" : "filled");
    if (a->kind == PN_KIND_FIRM)
        set_margin(c, n, 0.14, 0.06); /* box3d's depth eats into the text's room */
    set(n, "fillcolor", look.fill);
    set(n, "color", look.line);
    if (look.text_colour)
        set(n, "fontcolor", look.text_colour);
    if (look.penwidth != PN__NODE_PENWIDTH)
        set_num(n, "penwidth", look.penwidth * c->ink);
    if (look.font_size > 0.0) /* 9 to 22 against the default's 10 */
        set_num(n, "fontsize", look.font_size / 10.0 * c->pt);
    pn__buf text, b;
    pn__buf_init(&text);
    pn__buf_init(&b);
    pn__actor_label(s, i, c->country_boxes, &text);
    if (look.ego)
        pn__buf_puts(&b, "<B>" PN__EGO_MARK " ");
    html_text(&b, text.data ? text.data : "", text.len);
    if (look.ego)
        pn__buf_puts(&b, "</B>");
    /* An empty label equals cgraph's default, so it would not be
     * written and Graphviz would draw the id (\N) instead. */
    if (b.len == 0)
        pn__buf_puts(&b, " ");
    if (text.failed)
        b.failed = true;
    rc = set_html(c, n, "label", &b);
    pn__buf_free(&text);
    pn__buf_free(&b);
    return rc;
}

static int add_nodes(gv *c)
{
    const pn__scene *s = c->s;
    int rc = 0;
    size_t *order = malloc((s->na + 1) * sizeof(size_t)), n_order = 0;
    if (!order)
        return PN_ENOMEM;
    if ((rc = node_order(s, order)) != 0) {
        free(order);
        return rc;
    }
    for (size_t i = 0; i < s->na; i++)
        n_order += s->actor_mask[i];
    for (size_t k = 0; k < n_order && rc == 0; k++)
        rc = add_node(c, order[k]);
    free(order);
    return rc;
}

/* ---- edges ---- */

/* An edge's label: the status and basis marks, then one line per distinct tie text,
 * then the ties with nothing to show. */
static int edge_label(const gv *c, const pn__group *g, pn__buf *b)
{
    const pn__scene *s = c->s;
    pn__edge_label l;
    int rc = pn__edge_label_make(s, g, &l);
    if (rc == 0) {
        bool marked = l.mark || l.basis_mark;
        if (l.mark)
            pn__buf_printf(b, "<FONT COLOR=\"%s\" POINT-SIZE=\"%.4g\"><B>%s</B></FONT>",
                           l.mark_colour, 1.5 * c->pt, l.mark);
        if (l.basis_mark)
            pn__buf_printf(b, "<FONT COLOR=\"%s\" POINT-SIZE=\"%.4g\"><B>%s</B></FONT>",
                           l.basis_colour, 1.5 * c->pt, l.basis_mark);
        /* Tie texts in the order of the ties. */
        for (size_t j = 0; j < l.n_texts; j++) {
            if (j > 0)
                pn__buf_puts(b, "<BR/>");
            else if (marked)
                pn__buf_puts(b, " ");
            html_text(b, l.texts[j].data, l.texts[j].len);
            if (l.counts[j] > 1)
                pn__buf_printf(b, " \u00D7%zu", l.counts[j]);
        }
        if (l.other) {
            if (marked || l.n_texts)
                pn__buf_puts(b, marked && !l.n_texts ? " " : "<BR/>");
            pn__buf_printf(b, "%s\u00D7%zu", l.n_texts > 0 ? "other " : "", l.unlabelled);
        }
    }
    pn__edge_label_free(&l);
    return rc;
}

static int add_edge(gv *c, const pn__group *g)
{
    pn__tie_look look;
    pn__tie_look_of(c->s, g, &look);
    /* Graphviz 2.43 draws a multi-colour edge's tail arrow in its second
     * colour (the gap of a double line): on a double line every mark is put
     * at the head, an undirected edge reversed so that the head is the
     * marked end, a directed one's mark beside its arrowhead. */
    bool head_marks = look.twin && look.tail;
    bool reversed = head_marks && !look.directed;
    Agedge_t *e = agedge(c->g, c->nodes[reversed ? g->head : g->tail],
                         c->nodes[reversed ? g->tail : g->head], NULL, 1);
    if (!e)
        return PN_EGRAPHVIZ;
    char buf[32];
    if (c->s->ids) {
        snprintf(buf, sizeof(buf), "e%zu", (size_t)(g - c->s->groups));
        set(e, "id", buf);
        set(e, "class", "tie");
    }
    int width = line_width(c, look.penwidth);
    if (look.twin) {
        pn__buf list;
        pn__buf_init(&list);
        pn__buf_puts(&list, look.ink);
        for (int k = twin_gaps(c, width); k > 0; k--)
            pn__buf_puts(&list, ":invis");
        pn__buf_printf(&list, ":%s", look.ink);
        if (list.failed) {
            pn__buf_free(&list);
            return PN_ENOMEM;
        }
        set(e, "color", list.data);
        pn__buf_free(&list);
    } else {
        set(e, "color", look.ink);
    }
    set(e, "style", look.line);
    set_num(e, "penwidth", width);
    /* Graphviz 2.43 widens a normal arrowhead by penwidth / 4 past a pen of
     * 4 (arrow_type_normal in arrows.c), and the pens here are their width
     * on paper times the ink scale: at a scale of 6 an active tie's head
     * was seven times its normal width, a spike across the line. Its
     * arrowsize (the length; the width follows it) is smaller by the square
     * root of 4 / penwidth: the head is as much too short as too wide, and
     * the marks of a tie's kind (box, circle, tee, diamond), which keep
     * their size whatever the pen, shrink no more than that. */
    if (width > 4 && look.directed)
        set_num(e, "arrowsize", 0.7 * c->ink * sqrt(4.0 / width));
    if (head_marks) {
        set(e, "dir", "forward");
        snprintf(buf, sizeof(buf), "%s%s", look.directed ? "normal" : "", look.tail);
        set(e, "arrowhead", buf);
    } else {
        set(e, "dir",
            look.directed ? (look.tail ? "both" : "forward") : (look.tail ? "back" : "none"));
        if (look.tail)
            set(e, "arrowtail", look.tail);
    }
    pn__buf text, b;
    pn__buf_init(&text);
    pn__buf_init(&b);
    int rc = edge_label(c, g, &text);
    if (rc == 0 && text.len > 0) {
        /* In a padded cell, so that the text keeps off its own line. */
        pn__buf_printf(&b,
                       "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" "
                       "CELLPADDING=\"%d\"><TR><TD>",
                       pixels(c, 3));
        pn__buf_add(&b, text.data, text.len);
        pn__buf_puts(&b, "</TD></TR></TABLE>");
        rc = set_html(c, e, "label", &b);
    }
    pn__buf_free(&text);
    pn__buf_free(&b);
    if (rc == 0 && look.faded)
        set(e, "fontcolor", "#AAAAAA");
    return rc;
}

/* ---- the legend and title ---- */

static void glyph_cell(const pn__theme *th, const char *colour, const char *glyph, pn__buf *b)
{
    pn__buf_printf(b, "<TD ALIGN=\"LEFT\"><FONT FACE=\"%s\" COLOR=\"%s\">%s</FONT></TD>",
                   th->glyph_font, colour, glyph);
}

/* A mark as an edge's label draws it. */
static void mark_cell(const gv *c, const char *mark, const char *colour, pn__buf *b)
{
    /* The size the marks on the edges have (edge_label). */
    pn__buf_printf(b, "<TD><FONT COLOR=\"%s\" POINT-SIZE=\"%.4g\"><B>%s</B></FONT></TD>", colour,
                   1.5 * c->pt, mark);
}

/* An entry's sample, from the style data of what it stands for: a line is
 * a cell's border (bottom; top and bottom for a double line, as far apart
 * as Graphviz draws the two lines of an edge) in the edge's ink, style and
 * width; a country's swatch a cell in the node's fill and outline. */
static void legend_sample(const gv *c, const pn__legend_entry *e, pn__buf *b)
{
    const pn__theme *th = c->s->th;
    pn__buf_puts(b, "<TD ALIGN=\"LEFT\"><TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" "
                    "CELLPADDING=\"0\"><TR>");
    if (e->glyph)
        glyph_cell(th, e->colour, e->glyph, b);
    if (e->swatch)
        pn__buf_printf(
            b,
            "<TD ALIGN=\"LEFT\" WIDTH=\"%d\" HEIGHT=\"%d\" FIXEDSIZE=\"TRUE\" STYLE=\"rounded\" "
            "BORDER=\"%d\" BGCOLOR=\"%s\" COLOR=\"%s\"></TD>",
            pixels(c, 16), pixels(c, 11), pixels(c, e->outline_width), e->fill, e->outline);
    if (*e->sample) {
        pn__buf_puts(b, e->swatch ? "<TD ALIGN=\"LEFT\"> " : "<TD ALIGN=\"LEFT\">");
        pn__buf_puts(b, e->sample_bold ? "<B>" : "");
        html_text(b, e->sample, strlen(e->sample));
        pn__buf_puts(b, e->sample_bold ? "</B></TD>" : "</TD>");
    }
    if (e->has_line) {
        const pn__line_look *l = &e->line;
        /* The edge's width; a double line's two borders as far apart as
         * the edge's two lines (twin_gaps: 2 points a colour). Graphviz
         * draws a border wider than 1 inside the cell (centred w/2 in), a
         * border of 1 on the cell's edge. */
        int w = line_width(c, l->penwidth);
        int h = l->twin ? 2 * (twin_gaps(c, w) + 1) + (w > 1 ? w : 0) : 2 * w + pixels(c, 6);
        pn__buf_printf(
            b,
            "<TD ALIGN=\"LEFT\" WIDTH=\"%d\" HEIGHT=\"%d\" FIXEDSIZE=\"TRUE\" SIDES=\"%s\" "
            "BORDER=\"%d\" STYLE=\"%s\" COLOR=\"%s\"></TD>",
            pixels(c, 30), h, l->twin ? "TB" : "B", w, l->style, l->ink);
        if (l->mark)
            mark_cell(c, l->mark, l->mark_colour, b);
        if (l->mark2)
            mark_cell(c, l->mark2, l->mark2_colour, b);
    }
    if (e->head)
        glyph_cell(th, e->colour, e->head, b);
    if (!e->glyph && !e->swatch && !*e->sample && !e->has_line && !e->head)
        pn__buf_puts(b, "<TD></TD>");
    pn__buf_puts(b, "</TR></TABLE></TD>");
}

/* The width of a text on paper at em points (pn__text_width's estimate). */
static double text_width(const char *s, double em)
{
    return pn__text_width(s, strlen(s), em, NULL);
}

/* A column's width on paper at font points, estimated from what it holds:
 * the samples' cells (as legend_sample sizes them) and the texts. */
static double column_width(const pn__legend_column *col, double font)
{
    double w = *col->heading ? 1.1 * text_width(col->heading, font) : 0;
    for (size_t r = 0; r < col->n; r++) {
        const pn__legend_entry *e = &col->entry[r];
        double x = text_width(pn__legend_text(e), font) + 4;
        x += e->glyph ? font : 0;
        x += e->swatch ? 16 : 0;
        x += *e->sample ? text_width(e->sample, font) + font / 3 : 0;
        x += e->has_line ? 30 + (e->line.mark ? 1.5 * font : 0) + (e->line.mark2 ? 1.5 * font : 0)
                         : 0;
        x += e->head ? font : 0;
        w = fmax(w, x);
    }
    return w;
}

/* The legend's columns in bands (rows of columns), each band no wider than
 * the figure's width on paper, so that the legend never sets the figure's
 * width on its own: band[k] is the first column of band k; the count. */
static size_t legend_bands(const gv *c, const pn__legend *lg, size_t *band)
{
    const pn_diagram_geometry *geo = &c->s->o->geometry;
    double width = geo->width > 0 ? geo->width : geo->height > 0 ? INFINITY : PN_DIAGRAM_PAGE_WIDTH;
    double font = c->pt / c->ink, room = width - 2 * 0.2 * 72, used = 0;
    size_t n = 0;
    for (size_t k = 0; k < lg->cols; k++) {
        double w = column_width(&lg->col[k], font);
        if (n == 0 || used + 16 + w > room) {
            band[n++] = k;
            used = w;
        } else {
            used += 16 + w;
        }
    }
    return n;
}

/* One table a band: a column per heading, a row per entry (nested tables
 * would spread their rows over the height). Graphviz spreads a cell's
 * extra width over the columns of the table in it, so with several bands
 * the widest (by the estimate) spans the legend's two columns and each of
 * the others sits in the first, beside an empty cell that takes up the
 * rest (a width given, or Graphviz's ranks share the extra between the
 * two): *spans is 2 then (the title spans them too), else 1. */
static void legend_table(const gv *c, const pn__legend *lg, pn__buf *b, int *spans)
{
    size_t band[PN__LEGEND_COLS + 1], widest = 0;
    double width[PN__LEGEND_COLS + 1] = {0};
    size_t n_bands = legend_bands(c, lg, band);
    band[n_bands] = lg->cols;
    double font = c->pt / c->ink;
    for (size_t bi = 0; bi < n_bands; bi++) {
        for (size_t k = band[bi]; k < band[bi + 1]; k++)
            width[bi] += column_width(&lg->col[k], font) + (k > band[bi] ? 16 : 0);
        widest = width[bi] > width[widest] ? bi : widest;
    }
    *spans = n_bands > 1 ? 2 : 1;
    for (size_t bi = 0; bi < n_bands; bi++) {
        size_t first = band[bi], last = band[bi + 1], rows = 0;
        for (size_t k = first; k < last; k++)
            rows = lg->col[k].n + 1 > rows ? lg->col[k].n + 1 : rows;
        pn__buf_puts(b, n_bands > 1 && bi == widest ? "<TR><TD ALIGN=\"LEFT\" COLSPAN=\"2\">"
                                                    : "<TR><TD ALIGN=\"LEFT\">");
        pn__buf_printf(b,
                       "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" "
                       "CELLPADDING=\"%d\">",
                       pixels(c, 1));
        for (size_t r = 0; r < rows; r++) {
            pn__buf_puts(b, "<TR>");
            for (size_t k = first; k < last; k++) {
                const pn__legend_column *col = &lg->col[k];
                if (k > first)
                    pn__buf_printf(b, "<TD WIDTH=\"%d\"></TD>", pixels(c, 16));
                if (r == 0) {
                    if (*col->heading)
                        pn__buf_printf(b, "<TD ALIGN=\"LEFT\" COLSPAN=\"2\"><B>%s</B></TD>",
                                       col->heading);
                    else
                        pn__buf_puts(b, "<TD COLSPAN=\"2\"></TD>");
                } else if (r <= col->n) {
                    const pn__legend_entry *e = &col->entry[r - 1];
                    const char *text = pn__legend_text(e);
                    legend_sample(c, e, b);
                    pn__buf_puts(b, "<TD ALIGN=\"LEFT\">");
                    html_text(b, text, strlen(text));
                    pn__buf_puts(b, "</TD>");
                } else {
                    pn__buf_puts(b, "<TD COLSPAN=\"2\"></TD>");
                }
            }
            pn__buf_puts(b, "</TR>");
        }
        if (n_bands > 1 && bi != widest) /* as wide as the widest band is wider, or more */
            pn__buf_printf(b, "</TABLE></TD><TD WIDTH=\"%d\"></TD></TR>",
                           pixels(c, width[widest] - width[bi]));
        else
            pn__buf_puts(b, "</TABLE></TD></TR>");
    }
}

/* The legend (only what the figure shows) and the title, as one HTML-like
 * table drawn under the graph: part of the figure in every format. */
static int add_legend(gv *c)
{
    const pn_diagram_options *o = c->s->o;
    bool title = o->title && *o->title;
    pn__legend lg;
    pn__legend_make(c->s, c->country_boxes, &lg);
    if (!lg.shown && !title)
        return 0;
    pn__buf b;
    pn__buf_init(&b);
    pn__buf_printf(&b, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"%d\">",
                   pixels(c, 2));
    pn__buf legend;
    pn__buf_init(&legend);
    int spans = 1;
    if (lg.shown)
        legend_table(c, &lg, &legend, &spans);
    if (title) {
        pn__buf_puts(&b, spans > 1 ? "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\" COLSPAN=\"2\">"
                                   : "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\">");
        pn__buf_printf(&b, "<FONT POINT-SIZE=\"%.4g\"><B>", 1.5 * c->pt);
        html_text(&b, o->title, strlen(o->title));
        pn__buf_puts(&b, "</B></FONT></TD></TR>");
    }
    if (legend.failed)
        b.failed = true;
    else if (legend.len)
        pn__buf_add(&b, legend.data, legend.len);
    pn__buf_free(&legend);
    pn__buf_puts(&b, "</TABLE>");
    int rc = set_html(c, c->g, "label", &b);
    pn__buf_free(&b);
    pn__legend_free(&lg);
    set(c->g, "labelloc", "b");
    set(c->g, "labeljust", "l");
    return rc;
}

/* ---- the graph ---- */

/* The graph attributes of the theme and the layout, then the nodes (in
 * node_order), the edges (in group order), twopi's root and the legend. */
static int build(gv *c)
{
    const pn_diagram_options *o = c->s->o;
    const pn__theme *th = c->s->th;
    Agdisc_t disc = {&AgMemDisc, pn__gv_id_disc(), &AgIoDisc};
    c->g = agopen((char *)"paranet", Agdirected, &disc);
    if (!c->g)
        return PN_EGRAPHVIZ;
    Agraph_t *g = c->g;
    char buf[64];
    set(g, "layout", pn__layout_name(o->layout));
    set(g, "fontname", th->font);
    set_num(g, "fontsize", c->pt);
    set(g, "fontcolor", th->ink);
    set(g, "bgcolor", "#FFFFFF");
    set_num(g, "pad", 0.2 * c->ink);
    set(g, "outputorder", "edgesfirst");
    switch (o->layout) {
    case PN_LAYOUT_DOT:
        set(g, "nodesep", o->edge_labels == PN_EDGE_LABELS_NONE ? "0.2" : "0.4");
        set(g, "ranksep", "0.6");
        set(g, "newrank", "true");
        break;
    case PN_LAYOUT_NEATO:
    case PN_LAYOUT_FDP:
    case PN_LAYOUT_SFDP:
        snprintf(buf, sizeof(buf), "%u", o->seed);
        set(g, "start", buf);
        set(g, "overlap", o->layout == PN_LAYOUT_SFDP ? "scale" : "false");
        set(g, "sep", "+10");
        set(g, "esep", "+4");
        if (o->layout == PN_LAYOUT_NEATO)
            set(g, "mode", "major");
        break;
    case PN_LAYOUT_CIRCO:
        set(g, "mindist", "0.6");
        break;
    case PN_LAYOUT_TWOPI:
        set(g, "ranksep", "1.6:0.4"); /* the outer rings close: the width is the text's */
        set(g, "overlap", "false");
        break;
    case PN_LAYOUT_GEO: /* pn__geo_place, once the nodes are made */
        break;
    }
    agattr(g, AGNODE, (char *)"fontname", (char *)th->font);
    agattr(g, AGNODE, (char *)"fontsize", (char *)num(buf, sizeof(buf), c->pt));
    agattr(g, AGNODE, (char *)"fontcolor", (char *)th->ink);
    char x[24], y[24];
    snprintf(buf, sizeof(buf), "%s,%s", num(x, sizeof(x), 0.06 * c->ink),
             num(y, sizeof(y), 0.03 * c->ink));
    agattr(g, AGNODE, (char *)"margin", buf);
    agattr(g, AGNODE, (char *)"penwidth",
           (char *)num(buf, sizeof(buf), PN__NODE_PENWIDTH * c->ink));
    /* Graphviz's smallest node (0.75 x 0.5 in) would not scale with the
     * labels: a smaller one that does (a line of text and its margin). */
    agattr(g, AGNODE, (char *)"width", (char *)num(buf, sizeof(buf), 0.4 * c->ink));
    agattr(g, AGNODE, (char *)"height", (char *)num(buf, sizeof(buf), 0.3 * c->ink));
    agattr(g, AGEDGE, (char *)"fontname", (char *)th->font);
    agattr(g, AGEDGE, (char *)"fontsize", (char *)num(buf, sizeof(buf), c->pt));
    agattr(g, AGEDGE, (char *)"fontcolor", (char *)th->ink);
    agattr(g, AGEDGE, (char *)"arrowsize", (char *)num(buf, sizeof(buf), 0.7 * c->ink));
    int rc = add_nodes(c);
    for (size_t i = 0; rc == 0 && i < c->s->n_groups; i++)
        rc = add_edge(c, &c->s->groups[i]);
    if (rc == 0 && o->layout == PN_LAYOUT_TWOPI) {
        size_t h = hub(c->s);
        if (h != SIZE_MAX)
            set(g, "root", agnameof(c->nodes[h]));
    }
    if (rc == 0 && o->layout == PN_LAYOUT_GEO)
        rc = pn__geo_place(c->s, g, c->nodes, c->ink);
    if (rc == 0)
        rc = add_legend(c);
    return rc;
}

int pn__gv_build(const pn__scene *s, double font_size, double ink, Agraph_t **out)
{
    gv c = {s,
            NULL,
            calloc(s->na + 1, sizeof(Agnode_t *)),
            s->o->cluster == PN_CLUSTER_COUNTRY && pn__gv_clustered(s->o),
            font_size,
            ink};
    int rc = c.nodes ? build(&c) : PN_ENOMEM;
    free(c.nodes);
    if (rc && c.g) {
        agclose(c.g);
        c.g = NULL;
    }
    *out = c.g;
    return rc;
}
