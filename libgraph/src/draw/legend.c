/* The legend as data (style.h): which entries a figure's legend has (only
 * what it shows: kinds, tie types and direction, statuses, the bases marked
 * (recommended, proposed) when such ties are drawn, countries, the
 * size metric and the highlighted path) and their glyph, colour and text.
 * Each renderer draws it its own way (Graphviz: build.c). */
#include "draw/style.h"

#include <stdint.h>
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

/* A line sample: the line a tie of this status and basis is drawn with. */
static pn__legend_entry *add_line(pn__legend *lg, const pn__theme *th, const char *glyph,
                                  int status, pn_basis basis, bool twin)
{
    pn__legend_entry *e = entry(lg, th->ink, glyph);
    if (e) {
        e->has_line = true;
        pn__status_line(th, status, basis, twin, &e->line);
    }
    return e;
}

/* The name of a country rank, or of ZZ (rank n_ranks). */
static const char *rank_name(const pn__scene *s, size_t rank)
{
    if (rank == s->n_ranks)
        return "unknown";
    const char *code = s->rank_code[rank];
    return pn_country_name(code) ? pn_country_name(code) : code;
}

/* Every country drawn, as it is told apart: in colour a swatch of its
 * fill and outline (the palette's, or white with its code), on paper its
 * code. Palette order (most actors in the dataset first); the countries
 * that do not fit the grid's columns are counted in a last entry. */
static void add_countries(const pn__scene *s, pn__legend *lg)
{
    const pn__theme *th = s->th;
    size_t shown = 0, total = 0;
    for (size_t k = 0; k <= s->n_ranks; k++)
        total += s->rank_seen[k];
    heading(lg, "Countries");
    for (size_t k = 0; k <= s->n_ranks; k++) {
        if (!s->rank_seen[k])
            continue;
        pn__legend_column *col = &lg->col[lg->cols - 1];
        bool last_room = col->n == PN__LEGEND_ENTRIES - 1 && lg->cols == PN__LEGEND_COLS;
        if (last_room && shown + 1 < total) {
            pn__legend_entry *e = entry(lg, th->ink, NULL);
            if (e)
                pn__buf_printf(&e->text, "%zu more, by ISO 3166 code", total - shown);
            return;
        }
        if (col->n == PN__LEGEND_ENTRIES)
            heading(lg, "");
        pn__legend_entry *e = entry(lg, th->ink, NULL);
        if (!e)
            return;
        bool palette = th->colour && k < PN__PALETTE_SIZE && k < s->n_ranks;
        if (th->colour) {
            e->swatch = true;
            e->outline_width = PN__NODE_PENWIDTH;
            pn__hex_colour(e->fill, palette ? pn__palette(k) : 0xFFFFFF);
            pn__hex_colour(e->outline, palette ? pn__palette_outline(k) : 0x666666);
        }
        if (!palette && k < s->n_ranks)
            snprintf(e->sample, sizeof(e->sample), "(%s)", s->rank_code[k]);
        pn__buf_puts(&e->text,
                     k == s->n_ranks && !th->colour ? "no code: unknown" : rank_name(s, k));
        shown++;
    }
}

/* One entry for the bases drawn with the marked look, naming them:
 * "recommended", "proposed", "recommended or proposed". */
static void add_bases(const pn__scene *s, pn__legend *lg)
{
    int first_basis = -1;
    for (int b = 0; b < PN_BASIS_COUNT && first_basis < 0; b++)
        first_basis = s->basis_seen[b] ? b : -1;
    if (first_basis < 0)
        return;
    heading(lg, "Basis");
    /* The line of a tie with no status and this basis: only the basis shows. */
    pn__legend_entry *e = add_line(lg, s->th, NULL, PN_STATUS_COUNT, (pn_basis)first_basis, false);
    if (!e)
        return;
    bool first = true;
    for (int b = 0; b < PN_BASIS_COUNT; b++) {
        if (!s->basis_seen[b])
            continue;
        pn__buf_printf(&e->text, "%s%s", first ? "" : " or ", pn_basis_name((pn_basis)b));
        first = false;
    }
}

/* One entry per line drawn: statuses drawn alike share it ("signed or not
 * given"). */
static void add_statuses(const pn__scene *s, pn__legend *lg)
{
    heading(lg, "Status");
    bool done[PN__STATUS_SLOTS] = {false};
    for (int k = 0; k < PN__STATUS_SLOTS; k++) {
        if (!s->status_seen[k] || done[k])
            continue;
        pn__legend_entry *e = add_line(lg, s->th, NULL, k, PN_BASIS_REPORTED, false);
        if (!e)
            continue;
        pn__buf_puts(&e->text, pn__status_slot_name(k));
        for (int j = k + 1; j < PN__STATUS_SLOTS; j++) {
            if (s->status_seen[j] && pn__status_alike(k, j)) {
                pn__buf_printf(&e->text, " or %s", pn__status_slot_name(j));
                done[j] = true;
            }
        }
    }
}

static void add_shown(const pn__scene *s, bool country_boxes, pn__legend *lg)
{
    const pn_diagram_options *o = s->o;
    const pn__theme *th = s->th;
    if (!o->size_by && !s->path && s->ego == SIZE_MAX)
        return;
    heading(lg, "Shown");
    pn__legend_entry *e;
    if (s->ego != SIZE_MAX && (e = entry(lg, th->ink, NULL)) != NULL) {
        snprintf(e->sample, sizeof(e->sample), "%s", PN__EGO_MARK);
        e->sample_bold = true;
        pn__buf_puts(&e->text, "ego: ");
        size_t at = e->text.len;
        pn__actor_label(s, s->ego, country_boxes, &e->text);
        for (size_t i = at; !e->text.failed && i < e->text.len; i++)
            e->text.data[i] = e->text.data[i] == '\n' ? ' ' : e->text.data[i]; /* one line */
    }
    if (o->size_by && (e = entry(lg, th->ink, NULL)) != NULL)
        pn__buf_printf(&e->text, "size: %s", o->size_by);
    if (s->path) {
        /* The path's first edge as drawn. */
        for (size_t i = 0; i < s->n_groups; i++) {
            if (!s->groups[i].highlight)
                continue;
            pn__tie_look look;
            pn__tie_look_of(s, &s->groups[i], &look);
            if ((e = entry(lg, th->ink, NULL)) != NULL) {
                e->has_line = true;
                snprintf(e->line.ink, sizeof(e->line.ink), "%s", look.ink);
                e->line.style = look.line;
                e->line.penwidth = look.penwidth;
                e->line.twin = look.twin;
                pn__buf_printf(&e->text, "shortest path, %zu steps", s->path_len - 1);
            }
            break;
        }
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
            if (!s->types_seen[t])
                continue;
            const pn__type_look *look = pn__type_look_of((pn_tie_type)t);
            pn__legend_entry *e =
                add_line(lg, th, look->glyph, PN_STATUS_SIGNED, PN_BASIS_REPORTED, look->twin);
            if (e)
                pn__buf_puts(&e->text, pn_tie_type_name((pn_tie_type)t));
        }
        pn__legend_entry *e;
        if (s->directed_seen &&
            (e = add_line(lg, th, NULL, PN_STATUS_SIGNED, PN_BASIS_REPORTED, false)) != NULL) {
            e->head = "\u25B6";
            pn__buf_puts(&e->text, "direction");
        }
        add_statuses(s, lg);
    }
    add_bases(s, lg);
    if (!country_boxes)
        add_countries(s, lg);
    add_shown(s, country_boxes, lg);
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
