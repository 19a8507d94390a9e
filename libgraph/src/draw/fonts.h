/* Characters no installed font can draw (fonts.c): found before Graphviz
 * renders, so that a label Graphviz's cairo/pango renderer would draw as
 * empty boxes gets a warning naming its actor instead. */
#ifndef PN_DRAW_FONTS_H
#define PN_DRAW_FONTS_H

#include <stdbool.h>

#include <cgraph.h>

#include "draw/style.h"

/* Whether Graphviz draws the glyphs of the format itself (PNG, PDF, PS,
 * ...): false for SVG, which names the font and leaves the glyphs to the
 * viewer, and for DOT and the other text formats, which draw nothing. */
bool pn__fonts_drawn(const char *format);

/* A "missing-glyph" warning in s->diags for each label of g (an actor, a
 * tie, a box, the legend and title) with a character that no font of the
 * fontconfig configuration Pango uses can draw. 0, or PN_ENOMEM. */
int pn__fonts_check(const pn__scene *s, Agraph_t *g, const char *format);

#endif
