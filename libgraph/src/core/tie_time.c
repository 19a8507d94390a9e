/* When a tie is in force: pn_tie_span, the one rule of views by time and
 * of the GEXF timeline (docs/views.md, "Time"). */
#include "paranet/dataset.h"

int pn_tie_span(const pn_tie *t, int *start, int *end)
{
    *start = *end = 0;
    if (t->status == PN_STATUS_PLANNED || t->status == PN_STATUS_FAILED)
        return -1;
    if (t->since.year == 0)
        return 0;
    *start = t->since.year;
    if (t->until.year)
        *end = t->until.year;
    else if (pn_instrument_is_event(t->instrument) || t->status == PN_STATUS_IMPLEMENTED ||
             t->status == PN_STATUS_ENDED)
        *end = t->since.year;
    return 1;
}

bool pn_tie_in_force(const pn_tie *t, int year)
{
    int start, end;
    return pn_tie_span(t, &start, &end) > 0 && start <= year && (end == 0 || end >= year);
}
