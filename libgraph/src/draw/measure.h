/* Text measured as Graphviz measures it (measure.c): a leaf of the drawing
 * layer, for the layouts that place text themselves (the map's names). */
#ifndef PN_DRAW_MEASURE_H
#define PN_DRAW_MEASURE_H

#include <stddef.h>

/* Text measured as Graphviz 2.43's pango plugin lays a label out
 * (gvtextlayout_pango.c), so that a box made from it is the box Graphviz
 * draws for the text: each line a Pango layout of the font description at
 * the size given, on a context of 96 dpi with full hinting and hinted
 * metrics, its logical width in points plus 1, truncated to whole points;
 * each line (int)(1.1 size + 0.5) points tall. Borrows Pango's default
 * cairo font map (fontconfig's configuration, as fonts.c reads it). */
typedef struct pn__text_meter pn__text_meter;

/* A meter for the font description `font` ("DejaVu Sans"). 0, or PN_ENOMEM. */
int pn__text_meter_new(pn__text_meter **out, const char *font);

/* The box of text (lines split at '\n'), n bytes, at size points: its
 * widest line and its height, in points. */
void pn__text_measure(pn__text_meter *m, const char *text, size_t n, double size, double *w,
                      double *h);

/* NULL-safe. */
void pn__text_meter_free(pn__text_meter *m);

#endif
