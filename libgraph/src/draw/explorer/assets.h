/* The explorer's script and style (explorer.js, explorer.css beside this
 * header), as bytes compiled into the library: the build generates
 * explorer_assets.c from them (cmake/embed.cmake), so that no file is
 * looked up at run time. Neither is NUL-terminated. */
#ifndef PN_DRAW_EXPLORER_ASSETS_H
#define PN_DRAW_EXPLORER_ASSETS_H

#include <stddef.h>

extern const unsigned char pn__explorer_js[];
extern const size_t pn__explorer_js_len;
extern const unsigned char pn__explorer_css[];
extern const size_t pn__explorer_css_len;

#endif
