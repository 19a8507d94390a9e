/* The note of info and metrics on a view that is largely one actor's ego
 * network (docs/metrics.md, "Ego networks"). */
#ifndef PN_EGO_NOTE_H
#define PN_EGO_NOTE_H

#include <stddef.h>

#include <paranet.h>

/* When pn_ego_dominance finds g dominated by one actor, the sentence that
 * says so ("40 of the 43 ties (93%) touch tangsel (Kota Tangerang Selatan):
 * ...") into *out (free()); otherwise *out is NULL. Returns 0 or a pn error
 * code (PN_ENOMEM). */
int ego_note(const pn_graph *g, char **out, pn_diags *diags);

#endif
