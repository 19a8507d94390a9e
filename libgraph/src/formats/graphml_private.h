/* GraphML in: what graphml_read.c (the XML) hands graphml_ids.c (the ids
 * and names as each writer lays them out: paranet's two layouts, R igraph,
 * python-igraph, NetworkX, graph-tool; docs/formats.md, "GraphML"). */
#ifndef PN_GRAPHML_PRIVATE_H
#define PN_GRAPHML_PRIVATE_H

#include <jansson.h>
#include <stdbool.h>

#include "paranet/error.h"

/* The records of a GraphML file, as read, before the loader checks them. */
typedef struct pn__gml_records {
    const char *name; /* the file, for messages */
    pn_diags *diags;
    json_t *root;                    /* the dataset's top level (graph keys) */
    json_t *root_lines;              /* {key: line} for root */
    json_t *actors, *ties;           /* one object per <node>, <edge> */
    json_t *actor_lines, *tie_lines; /* {"@": line, field: line} per record */
    /* {"id": [text, line]} per record: a key "id", which is no field (the
     * element's id attribute is), kept in case it is the record's id. */
    json_t *actor_aux, *tie_aux;
    bool ours;          /* a graph key "paranet": written by paranet, or rewritten */
    bool layout;        /* a graph key PN__GML_LAYOUT: layout 2 */
    bool replaced;      /* pn__gml_ids: generated node ids gave way to a key, */
    const char *id_key; /* this one ("id", "_graphml_vertex_id" or "name") */
    /* The empty <data> elements: how many, the first's line and key. */
    size_t empties;
    int empty_line;
    const char *empty_key;
} pn__gml_records;

/* Generated node ids (n0, n1, ... as igraph and graph-tool write them) give
 * way to the key every node has, the first of "id", "_graphml_vertex_id"
 * and "name" (not "name" in paranet's first layout, where it is the display
 * name), and the edges' source and target follow; an edge without an id
 * attribute takes its key "id" or "_graphml_edge_id". One warning each.
 * 0 or PN_ENOMEM. */
int pn__gml_ids(pn__gml_records *r);

/* After pn__gml_ids and the keys' defaults: empty values dropped from a
 * foreign file (not paranet's, or rewritten with new node ids), dates 0
 * dropped (graph-tool's missing integer), each node's display name chosen
 * from its "name" and "label" keys, and the extra fields paranet writes
 * with one '_' more (pn__ix_gml_reserved) renamed back. r->root and the
 * records may be replaced by new objects. 0 or PN_ENOMEM. */
int pn__gml_names(pn__gml_records *r);

#endif
