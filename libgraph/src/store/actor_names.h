/* Actors by name and alias, for the loader's tie ends that give a name
 * instead of an id (load.c): one hash lookup per end. */
#ifndef PN_ACTOR_NAMES_H
#define PN_ACTOR_NAMES_H

#include <stdbool.h>
#include <stddef.h>

#include "core/dataset_private.h"
#include "core/util.h"

typedef struct pn__name_entry {
    size_t actor;
    size_t next, tail; /* the other actors of that name, in order; SIZE_MAX: none */
    bool alias;        /* the actor's alias, not its name */
    bool warned;       /* for the caller: said once */
} pn__name_entry;

typedef struct pn__actor_names {
    pn__map map; /* name or alias -> its first entry */
    pn__name_entry *e;
    bool built;
} pn__actor_names;

/* Index ds's actors (names and aliases borrowed from ds): 0 or PN_ENOMEM.
 * Linear in the names and aliases. */
int pn__actor_names_build(pn__actor_names *n, const pn_dataset *ds);

/* The first actor named s (entry->next: the next of that name), or NULL. */
pn__name_entry *pn__actor_names_find(pn__actor_names *n, const char *s);

/* The entry at index i (an entry's next). */
const pn__name_entry *pn__actor_names_at(const pn__actor_names *n, size_t i);

void pn__actor_names_free(pn__actor_names *n);

#endif
