/* Shared by gexf_read.c (the elements) and gexf_settle.c (the rules applied
 * once every record is read, and the locations of the loader's messages). */
#ifndef PN_GEXF_PRIVATE_H
#define PN_GEXF_PRIVATE_H

#include <expat.h>
#include <jansson.h>
#include <stdbool.h>

#include "paranet/error.h"
#include "core/util.h"
#include "store/check.h"

#define NS_SEP '\x1f'

enum { CLS_NODE = 1, CLS_EDGE = 2 };
enum { TEXT_NONE, TEXT_DESCRIPTION, TEXT_DATASET, TEXT_DEFAULT };

typedef struct gattr {
    char *key; /* "n\x1fID" or "e\x1fID": the map's key */
    char *title;
    char *type;
    char *dflt; /* <default>, or NULL */
    bool dynamic;
    bool warned; /* a second value of this dynamic attribute was reported */
    int line;
} gattr;

typedef struct pn__gexf_reader {
    XML_Parser xp;
    pn_diags *diags;
    const char *name;
    json_t *root, *actors, *ties;
    json_t *actor_lines, *tie_lines; /* per record: {"@": line, field: line} */
    json_t *actor_aux, *tie_aux;     /* per record: what the element's attributes said */
    gattr *attrs;
    size_t nattrs, aattrs;
    pn__map attr_ids;
    pn__buf key;
    int depth;
    int graphs;
    int meta_depth; /* 0 outside <meta> */
    char *edgedefault;
    int cls;          /* of the <attributes> being read; 0 outside */
    bool cls_dynamic; /* its mode */
    size_t attr_open; /* index + 1 of the <attribute> being read */
    int text_what;    /* TEXT_* being collected into text */
    int text_depth;
    int dataset_line;
    pn__buf text;
    bool ours;
    json_t *dataset; /* paranet's <meta> JSON */
    char *description;
    json_t *rec, *rec_lines, *rec_aux;
    bool rec_is_edge;
    int rec_depth;
    size_t errors;
    bool nomem;
    bool stopped;
} pn__gexf_reader;

/* A located error (check "gexf") or warning of the reader. */
void pn__gexf_error(pn__gexf_reader *X, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void pn__gexf_warn(pn__gexf_reader *X, int line, const char *check, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Ids, names, direction, types, weights and dates from the elements'
 * attributes, once every record is read (gexf_settle.c). */
void pn__gexf_settle_records(pn__gexf_reader *X);
/* The dataset's fields: paranet's <meta> JSON, or a description; sources
 * made from the ids cited when the file has no sources table. */
void pn__gexf_settle_dataset(pn__gexf_reader *X);

/* The loader's messages located at the elements. */
typedef struct pn__gexf_loc {
    const char *name;
    json_t *actor_lines, *tie_lines;
    json_t *actors, *ties;
} pn__gexf_loc;
void pn__gexf_locate(void *ctx, const pn__path *path, const char **file, int *line, int *column,
                     pn__buf *label);

#endif
