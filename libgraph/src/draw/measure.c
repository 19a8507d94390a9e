/* Text measured as Graphviz 2.43's pango plugin measures it (measure.h).
 * Checked against Graphviz itself: the boxes Graphviz draws for the map's
 * names (plain-text nodes, margin 0) equal these sizes to the point, for
 * every name of the shipped datasets' maps (tests/cli_geo.sh). */
#include "draw/measure.h"

#include <math.h>
#include <stdlib.h>

#include <pango/pangocairo.h>

#include "paranet/error.h"

#define GV_FONT_DPI 96.0 /* Graphviz lays all text out at this resolution */

struct pn__text_meter {
    PangoContext *context;
    PangoLayout *layout;
    PangoFontDescription *desc;
    double size; /* of desc */
};

int pn__text_meter_new(pn__text_meter **out, const char *font)
{
    pn__text_meter *m = calloc(1, sizeof(*m));
    *out = NULL;
    if (!m)
        return PN_ENOMEM;
    m->context = pango_font_map_create_context(pango_cairo_font_map_get_default());
    cairo_font_options_t *fo = cairo_font_options_create();
    m->desc = pango_font_description_from_string(font);
    if (!m->context || !fo || !m->desc) {
        cairo_font_options_destroy(fo);
        pn__text_meter_free(m);
        return PN_ENOMEM;
    }
    /* the plugin's options: its widths are hinted at 96 dpi */
    cairo_font_options_set_antialias(fo, CAIRO_ANTIALIAS_GRAY);
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_FULL);
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_ON);
    cairo_font_options_set_subpixel_order(fo, CAIRO_SUBPIXEL_ORDER_BGR);
    pango_cairo_context_set_font_options(m->context, fo);
    pango_cairo_context_set_resolution(m->context, GV_FONT_DPI);
    cairo_font_options_destroy(fo);
    m->layout = pango_layout_new(m->context);
    if (!m->layout) {
        pn__text_meter_free(m);
        return PN_ENOMEM;
    }
    m->size = -1;
    *out = m;
    return 0;
}

void pn__text_measure(pn__text_meter *m, const char *text, size_t n, double size, double *w,
                      double *h)
{
    if (size != m->size) {
        /* the plugin's size: points at 96 dpi, in whole Pango units */
        pango_font_description_set_size(m->desc, (gint)(size * PANGO_SCALE));
        pango_layout_set_font_description(m->layout, m->desc);
        m->size = size;
    }
    double widest = 0;
    size_t lines = 0;
    for (size_t start = 0, i = 0; i <= n; i++) {
        if (i < n && text[i] != '\n')
            continue;
        PangoRectangle logical;
        pango_layout_set_text(m->layout, text + start, (int)(i - start));
        pango_layout_get_extents(m->layout, NULL, &logical);
        double x =
            logical.width > 0 ? (int)(logical.width * 72.0 / (GV_FONT_DPI * PANGO_SCALE) + 1) : 0;
        widest = fmax(widest, x);
        lines++;
        start = i + 1;
    }
    *w = widest;
    *h = (double)lines * (int)(size * 1.1 + 0.5);
}

void pn__text_meter_free(pn__text_meter *m)
{
    if (!m)
        return;
    if (m->layout)
        g_object_unref(m->layout);
    if (m->context)
        g_object_unref(m->context);
    if (m->desc)
        pango_font_description_free(m->desc);
    free(m);
}
