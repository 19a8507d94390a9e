/* Shared by the importers and exporters of other formats (csv_*.c, graphml_*.c,
 * gexf.c): how a field's value is written as text in a cell or attribute,
 * and read back. docs/formats.md states these rules for users. */
#ifndef PN_INTERCHANGE_PRIVATE_H
#define PN_INTERCHANGE_PRIVATE_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "paranet/interchange.h"
#include "core/util.h"

/* How a field is held in a text cell. */
typedef enum pn__ftype {
    PN__F_STRING, /* the text itself */
    PN__F_LIST,   /* '|'-joined, '\' escapes '|' and '\'; items kept as they are */
    PN__F_TAGS,   /* as LIST, items trimmed of spaces (sectors: tags have none) */
    PN__F_REFS,   /* '|'-joined citations "id" or "id@page" */
    PN__F_INT,    /* an integer (a source's year) */
    PN__F_REAL,   /* a number (weight) */
    PN__F_BOOL,   /* true/false (also yes/no, 1/0 on input) */
    PN__F_DATE,   /* 2016, 2016-05 or 2016-05-12 */
    PN__F_EXTRA   /* a field the format does not know: JSON text, or a plain string */
} pn__ftype;

/* Record kinds, as pn_dataset_extra names them. */
#define PN__REC_DATASET "dataset"
#define PN__REC_SOURCE  "source"
#define PN__REC_ACTOR   "actor"
#define PN__REC_TIE     "tie"

/* The known fields of a record kind, in canonical order (NULL-terminated). */
const char *const *pn__ix_fields(const char *record);

/* The field a header name (a CSV column) stands for as a documented alias
 * ("year" for a tie's "since", "source" for its "from"), compared in ASCII
 * lower case with runs of ' ', '_' and '-' as one space; NULL when none. */
const char *pn__ix_alias(const char *record, const char *name);

/* The other coordinate of an actor's field "lat" or "lon", else NULL. A
 * column named as one coordinate's alias (latitude, lng, ...) is read as
 * that coordinate only when another column gives the other one (by its name
 * or an alias): alone it is some other number, and stays an extra field. */
const char *pn__ix_coord_partner(const char *record, const char *field);

/* pn__ix_alias, for a name that is not itself a field of the record. */
const char *pn__ix_alias_of_unknown(const char *record, const char *name);

/* The column-alias warning on `what` ("column", "key") `name`: read as
 * field, or (real: the name of the one that gives field) kept as an extra
 * field. False when out of memory. */
bool pn__ix_alias_warning(pn_diags *diags, const char *file, int line, const char *what,
                          const char *name, const char *field, const char *real);

/* The type of a field of a record kind; PN__F_EXTRA for unknown ones. */
pn__ftype pn__ix_ftype(const char *record, const char *key);

/* The dataset as a JSON tree in canonical form (a new reference), or NULL
 * when out of memory. Records' extra fields are inside the records. */
json_t *pn__ix_tree(const pn_dataset *ds);

/* Append the text of value (a field of type t) to b; nothing for null. */
void pn__ix_encode(pn__buf *b, const json_t *value, pn__ftype t);

/* What pn__ix_decode and pn__ix_decode_jv find wrong in a cell: positive,
 * apart from the (negative) PN_E* codes. */
#define PN__IX_BAD_UTF8 1 /* the text is not valid UTF-8 */
#define PN__IX_TOO_DEEP 2 /* JSON text nested too deep */

/* Set obj[key] from cell text of type t; an empty cell sets nothing.
 * A cell that does not read as its type is set as a string, for the loader
 * to report with its location. Returns 0, PN__IX_BAD_UTF8 (nothing set) or
 * PN_ENOMEM. */
int pn__ix_decode(json_t *obj, const char *key, const char *cell, size_t len, pn__ftype t);

/* Set *out, a value in doc's arena, from a non-empty cell of type t, as
 * pn__ix_decode does. An extra field's JSON text nested deeper than
 * max_depth is refused (the loader's limit, less the depth of the record
 * that holds it). Returns 0, PN__IX_BAD_UTF8, PN__IX_TOO_DEEP or PN_ENOMEM. */
struct pn__jdoc;
struct pn__jv;
int pn__ix_decode_jv(struct pn__jdoc *doc, struct pn__jv *out, const char *cell, size_t len,
                     pn__ftype t, size_t max_depth);

/* The distinct extra (unknown) field names of records, in first-seen
 * order, found through a map so that each record is visited once however
 * many distinct names there are: the writers' one collector (csv_write.c over its
 * arena document, graphml_write.c, gexf.c). The names are borrowed from the
 * records. */
typedef struct pn__ix_keys {
    pn__map index;        /* name -> position in names */
    const char **names;   /* n names, in first-seen order */
    size_t n, cap;        /* names, flags and scratch have room for cap */
    size_t *scratch;      /* pn__ix_keys_of's answer, one record's extras */
    unsigned char *flags; /* per name: PN__IX_NOT_* of the values seen */
} pn__ix_keys;

/* pn__ix_keys_records sets these in flags[] for the values of a name. */
#define PN__IX_NOT_INT  1 /* a value that is not a JSON integer */
#define PN__IX_NOT_NUM  2 /* ... not a number */
#define PN__IX_NOT_BOOL 4 /* ... not true or false */

void pn__ix_keys_init(pn__ix_keys *k);
void pn__ix_keys_free(pn__ix_keys *k);

/* Add key once (a new one at the end, flags 0); *at (may be NULL) its
 * position. 0 or PN_ENOMEM. */
int pn__ix_keys_add(pn__ix_keys *k, const char *key, size_t *at);

/* Add the extra fields of every object of records (a JSON array of records
 * of kind record; NULL is none), with their values' PN__IX_NOT_* flags.
 * 0 or PN_ENOMEM. */
int pn__ix_keys_records(pn__ix_keys *k, json_t *records, const char *record);

/* The positions of o's extra fields, in key order (ascending position),
 * into k->scratch; returns how many. */
size_t pn__ix_keys_of(const pn__ix_keys *k, json_t *o);

/* CSV: the column that holds a record's extra fields as one JSON object
 * when a table has more distinct extra fields than PN__CSV_MAX_EXTRA
 * (docs/formats.md, "Extra fields"). */
#define PN__CSV_ATTRS     "attrs"
#define PN__CSV_MAX_EXTRA 64
/* The column of an actor's name in CSV: "label", as Gephi's node table and
 * R igraph's as_data_frame(g, "vertices") call it (docs/formats.md). */
#define PN__CSV_LABEL "label"

/* CSV: cells that a spreadsheet would run as a formula (first character
 * = + - @, tab or CR, and not a plain number) are written after a "'";
 * pn__ix_prefixed tells whether a cell needs it, pn__ix_unprefix removes
 * it on reading (a cell of "'"s then such a character loses one "'"). */
bool pn__ix_prefixed(const char *s, size_t len);
void pn__ix_unprefix(char *s, size_t *len);

/* CSV: the record kind a table holds (PN__REC_ACTOR, ...); table is one of
 * the four. Their names are pn_csv_table_name's. */
const char *pn__ix_csv_record(pn_csv_table table);

/* The nesting of JSON text: 1 for [] or {}, 0 for a scalar. Linear, no
 * recursion; the text need not be valid. */
size_t pn__ix_json_depth(const char *s, size_t len);

/* The value a plain text cell of an extra field stands for (new reference). */
json_t *pn__ix_extra_value(const char *cell, size_t len);

/* XML text: & < > " escaped; CR, and LF and TAB when attr, as character
 * references; other control characters (which XML 1.0 cannot hold) as
 * U+FFFD. */
void pn__ix_xml(pn__buf *b, const char *s, bool attr);

/* The number in its shortest form that reads back exactly. */
void pn__ix_real(pn__buf *b, double v);

/* Apply pn_import_options' defaults to the records of a built tree. */
int pn__ix_defaults(json_t *root, const pn_import_options *opts);

/* True when the len bytes at s are valid UTF-8. */
bool pn__ix_utf8(const char *s, size_t len);

/* s cut to at most max bytes at a character boundary, "..." marking the
 * cut, for messages: buf has room for max + 4 bytes. NULL gives "?". */
const char *pn__ix_clip(const char *s, char *buf, size_t max);

/* GraphML (graphml_write.c, graphml_read.c): the graph key that marks layout 2
 * (node "name" = the actor id, "label" = the display name), which tells it
 * from the files paranet wrote before (node "name" = the display name). */
#define PN__GML_LAYOUT         "paranet_layout"
#define PN__GML_LAYOUT_VERSION 2

/* True when name, after any number of leading '_', is a name paranet's own
 * GraphML keys take for records of kind record ("label" for an actor,
 * PN__GML_LAYOUT for the dataset): such an extra field is written with one
 * '_' more, and read back with one less. */
bool pn__ix_gml_reserved(const char *record, const char *name);

/* True when name, after any number of leading '_' and trimmed of spaces, is
 * "name" or "label" in any ASCII case, for an actor: such an extra field is
 * written to CSV with one '_' more and read back with one less, so that no
 * column but the name's own reads as the name (columns.c). */
bool pn__ix_csv_reserved(const char *record, const char *name);

/* graphml_write.c, gexf.c: the writers with their messages. A string XML 1.0
 * cannot hold (NUL and C0 controls but tab, LF and CR; U+FFFE, U+FFFF) is
 * refused: PN_EDATA, one error per field naming the record (diags may be
 * NULL). pn_graphml_write and pn_gexf_write are these with diags NULL. */
int pn__graphml_write(const pn_dataset *ds, char **out, size_t *len, pn_diags *diags);
int pn__gexf_write(const pn_dataset *ds, char **out, size_t *len, pn_diags *diags);

/* GEXF: the namespace written (1.2draft, which NetworkX 2.8 and Gephi read),
 * and paranet's own, of the <meta> child that holds what GEXF has no place
 * for (gexf.c, gexf_read.c). */
#define PN__GEXF_NS         "http://www.gexf.net/1.2draft"
#define PN__GEXF_NS_PARANET "urn:paranet:gexf"

/* Per-actor looks for GEXF's viz: (computed in front/ from the diagram
 * style; formats do not call draw). Either array may be NULL: not written. */
typedef struct pn__gexf_viz {
    const unsigned *colour; /* 0xRRGGBB per actor */
    const double *size;     /* per actor */
} pn__gexf_viz;

/* pn__gexf_write with viz: (NULL: none). */
int pn__gexf_write_viz(const pn_dataset *ds, const pn__gexf_viz *viz, char **out, size_t *len,
                       pn_diags *diags);
/* The value of attribute `name` in expat's attribute list, or NULL (xml_check.c). */
const char *pn__xml_attr(const char **atts, const char *name);

/* The actor or tie record a loader path names in an XML reader's records,
 * its lines (an object: "@" the record's line, then a line per field) and
 * whether it is a tie; false when the path names neither (xml_check.c). */
bool pn__xml_record(const pn__path *path, json_t *actor_lines, json_t *tie_lines, json_t *actors,
                    json_t *ties, bool *edge, json_t **rec, json_t **lines);

/* expat over the whole of data (xml_check.c). A syntax error is reported at
 * its line and column, unless the handlers stopped the parser or ran out of
 * memory (*stopped, *nomem: read after the parse); *errors counts it.
 * PN_ENOMEM when expat itself ran out of memory, else 0. The parser is an
 * XML_Parser, passed as void * so that this header needs no expat. */
int pn__xml_parse(void *parser, const char *data, size_t len, const char *name, const bool *stopped,
                  const bool *nomem, size_t *errors, pn_diags *diags);

/* The check alone (xml_check.c), on a tree from pn__ix_tree; format names the output in
 * messages; dataset_fields: the sources table and every top-level field
 * too (GraphML writes them; GEXF only title and description). */
int pn__xml_check_tree(json_t *root, const char *format, bool dataset_fields, pn_diags *diags);

#endif
