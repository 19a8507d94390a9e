/* The legend as data (style.h): which entries a figure's legend has (only
 * what it shows: kinds, tie types and direction, statuses, the bases marked
 * (recommended, proposed) when such ties are drawn, countries, the
 * size metric and the highlighted path) and their glyph, colour and text.
 * Each renderer draws it its own way (Graphviz: build.c). */
#include "draw/style.h"

#include <stdio.h>
#include <string.h>

#include "paranet/vocab.h"

static void heading(pn__legend *lg, const char *text)
{
    if (lg->cols == PN__LEGEND_COLS)
        return;
    lg->col[lg->cols++].heading = text;
}

/* An entry of the current column; NULL when the grid is full. */
static pn__legend_entry *entry(pn__legend *lg, const char *colour, const char *glyph)
{
    if (lg->cols == 0 || lg->col[lg->cols - 1].n == PN__LEGEND_ENTRIES)
        return NULL;
    pn__legend_column *col = &lg->col[lg->cols - 1];
    pn__legend_entry *e = &col->entry[col->n++];
    snprintf(e->colour, sizeof(e->colour), "%s", colour);
    e->glyph = glyph;
    return e;
}

static void add(pn__legend *lg, const char *colour, const char *glyph, const char *text)
{
    pn__legend_entry *e = entry(lg, colour, glyph);
    if (e)
        pn__buf_puts(&e->text, text);
}

static void add_countries(const pn__scene *s, pn__legend *lg)
{
    char colour[8];
    heading(lg, "Countries");
    /* Palette order: the dataset's countries, most actors first. */
    for (size_t k = 0; k <= PN__PALETTE_SIZE; k++) {
        if (!s->country_seen[k])
            continue;
        const char *name = "other or unknown";
        for (size_t i = 0; i < s->na && k < PN__PALETTE_SIZE; i++) {
            if (s->actor_mask[i] && s->country_slot[i] == (int)k) {
                const char *code = pn_dataset_actor(s->ds, i)->country;
                name = pn_country_name(code) ? pn_country_name(code) : code;
                break;
            }
        }
        pn__hex_colour(colour, k < PN__PALETTE_SIZE ? pn__palette(k) : 0xBBBBBB);
        add(lg, colour, "\u25A0", name);
    }
}

/* One entry for the bases drawn with the marked look, naming them:
 * "recommended", "proposed", "recommended or proposed". */
static void add_bases(const pn__scene *s, pn__legend *lg)
{
    const pn__basis_look *look = NULL;
    for (int b = 0; b < PN_BASIS_COUNT && !look; b++)
        look = s->basis_seen[b] ? pn__basis_look_of((pn_basis)b) : NULL;
    if (!look)
        return;
    heading(lg, "Basis");
    pn__legend_entry *e = entry(lg, s->th->basis, look->glyph);
    if (!e)
        return;
    e->mark = look->mark;
    snprintf(e->mark_colour, sizeof(e->mark_colour), "%s", s->th->basis);
    bool first = true;
    for (int b = 0; b < PN_BASIS_COUNT; b++) {
        if (!s->basis_seen[b])
            continue;
        pn__buf_printf(&e->text, "%s%s", first ? "" : " or ", pn_basis_name((pn_basis)b));
        first = false;
    }
}

void pn__legend_make(const pn__scene *s, bool country_boxes, pn__legend *lg)
{
    const pn_diagram_options *o = s->o;
    const pn__theme *th = s->th;
    memset(lg, 0, sizeof(*lg));
    lg->shown = o->legend && (s->n_groups > 0 || pn_graph_vertex_count(s->graph) > 0);
    if (!lg->shown)
        return;
    heading(lg, "Actors");
    for (int k = 0; k < PN_KIND_COUNT; k++) {
        if (s->kinds_seen[k])
            add(lg, th->ink, pn__kind_look_of((pn_kind)k)->glyph, pn_kind_name((pn_kind)k));
    }
    if (s->n_groups > 0) {
        heading(lg, "Ties");
        for (int t = 0; t < PN_TYPE_COUNT; t++) {
            if (s->types_seen[t])
                add(lg, th->ink, pn__type_look_of((pn_tie_type)t)->glyph,
                    pn_tie_type_name((pn_tie_type)t));
        }
        if (s->directed_seen)
            add(lg, th->ink, "\u2500\u2500\u2500\u25B6", "direction");
        heading(lg, "Status");
        for (int k = 0; k < PN__STATUS_SLOTS; k++) {
            if (!s->status_seen[k])
                continue;
            const pn__status_look *st = pn__status_look_of(k);
            pn__legend_entry *e = entry(lg, st->faint ? th->faint : th->ink, st->glyph);
            if (!e)
                continue;
            e->mark = st->mark;
            pn__mark_colour(th, e->mark_colour);
            pn__buf_puts(&e->text, pn__status_slot_name(k));
        }
    }
    add_bases(s, lg);
    if (th->colour && !country_boxes)
        add_countries(s, lg);
    if (o->size_by || s->path) {
        heading(lg, "Shown");
        pn__legend_entry *e;
        if (o->size_by && (e = entry(lg, th->ink, "")) != NULL)
            pn__buf_printf(&e->text, "size: %s", o->size_by);
        if (s->path) {
            char colour[8];
            pn__path_colour(th, colour);
            if ((e = entry(lg, colour, "\u2501\u2501\u2501\u2501")) != NULL) {
                e->bold = true;
                pn__buf_printf(&e->text, "shortest path, %zu steps", s->path_len - 1);
            }
        }
    }
}

void pn__legend_free(pn__legend *lg)
{
    for (size_t k = 0; k < PN__LEGEND_COLS; k++) {
        for (size_t r = 0; r < PN__LEGEND_ENTRIES; r++)
            pn__buf_free(&lg->col[k].entry[r].text);
    }
}

const char *pn__legend_text(const pn__legend_entry *e)
{
    return e->text.failed || !e->text.data ? "" : e->text.data;
}
