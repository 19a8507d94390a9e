/* Actors by name and alias (actor_names.h). */
#include "store/actor_names.h"

#include <stdint.h>
#include <stdlib.h>

#include "paranet/error.h"

static int add(pn__actor_names *n, const char *name, size_t actor, bool alias, size_t *count)
{
    n->e[*count] = (pn__name_entry){actor, SIZE_MAX, *count, alias, false};
    int put = pn__map_put(&n->map, name, *count);
    if (put < 0)
        return PN_ENOMEM;
    if (put == 1) {
        size_t head = 0;
        pn__map_get(&n->map, name, &head);
        pn__name_entry *h = &n->e[head];
        if (n->e[h->tail].actor == actor)
            return 0; /* its name is also its alias */
        n->e[h->tail].next = *count;
        h->tail = *count;
    }
    (*count)++;
    return 0;
}

int pn__actor_names_build(pn__actor_names *n, const pn_dataset *ds)
{
    n->built = true;
    size_t total = ds->n_actors;
    for (size_t i = 0; i < ds->n_actors; i++)
        total += ds->actors[i].n_aliases;
    n->e = malloc((total ? total : 1) * sizeof(*n->e));
    if (!n->e || pn__map_reserve(&n->map, total) != 0)
        return PN_ENOMEM;
    size_t count = 0;
    for (size_t i = 0; i < ds->n_actors; i++) {
        if (add(n, ds->actors[i].name, i, false, &count))
            return PN_ENOMEM;
        for (size_t k = 0; k < ds->actors[i].n_aliases; k++)
            if (add(n, ds->actors[i].aliases[k], i, true, &count))
                return PN_ENOMEM;
    }
    return 0;
}

pn__name_entry *pn__actor_names_find(pn__actor_names *n, const char *s)
{
    size_t head = 0;
    return n->e && pn__map_get(&n->map, s, &head) ? &n->e[head] : NULL;
}

const pn__name_entry *pn__actor_names_at(const pn__actor_names *n, size_t i)
{
    return &n->e[i];
}

void pn__actor_names_free(pn__actor_names *n)
{
    pn__map_free(&n->map);
    free(n->e);
    n->e = NULL;
    n->built = false;
}
