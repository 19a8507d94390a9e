/* paranet: exchanging datasets with other tools.
 *
 * Export to GraphML (igraph, NetworkX, Gephi, yEd), GEXF (Gephi and
 * NetworkX, with the ties' history as time intervals) and CSV tables
 * (spreadsheets, R, pandas); import from CSV tables, GraphML and GEXF. Imported data goes through
 * the same checks as a JSON load, with each problem located in the input
 * ("ties.csv:14: error: column \"to\": no actor ..."). docs/formats.md gives
 * every field's mapping, the list encoding, and what each format cannot hold.
 *
 * Writers return a new NUL-terminated buffer owned by the caller (free()).
 * Nothing here touches files: pair the writers with pn_write_file_atomic.
 */
#ifndef PARANET_INTERCHANGE_H
#define PARANET_INTERCHANGE_H

#include <stddef.h>

#include "paranet/common.h"
#include "paranet/dataset.h"
#include "paranet/error.h"
#include "paranet/io.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The file formats paranet converts between. */
typedef enum pn_format {
    PN_FORMAT_UNKNOWN = -1,
    PN_FORMAT_JSON,    /**< the dataset format (docs/format.md), canonical on output */
    PN_FORMAT_GRAPHML, /**< GraphML, read and written */
    PN_FORMAT_GEXF,    /**< GEXF 1.2draft, read and written */
    PN_FORMAT_CSV,     /**< CSV tables (actors, ties, sources, dataset), read and written */
    PN_FORMAT_DOT      /**< Graphviz DOT through the diagram builder, written only */
} pn_format;

/** A format from its name ("json", "graphml", "gexf", "csv", "dot"; any case). */
PN_EXTERN pn_format pn_format_parse(const char *name);

/**
 * A format from a path's extension: .json, .graphml (.xml), .gexf, .csv
 * (.tsv, .txt), .dot (.gv); a directory-like path ending in '/' is CSV.
 * @return PN_FORMAT_UNKNOWN when the extension says nothing.
 */
PN_EXTERN pn_format pn_format_from_path(const char *path);

/** The format's name ("graphml"), or "unknown". */
PN_EXTERN const char *pn_format_name(pn_format format);

/**
 * Write GraphML: one <node> per actor and one <edge> per tie (parallel ties
 * kept), every field as a typed <key>, the sources table as JSON text in a
 * graph-level key. Node id and key "name" = the actor id, key "label" = its
 * name; as soon as one tie is directed the graph is, every edge from its
 * tie's from to its to with a "directed" key (docs/formats.md, "GraphML").
 * Lossless: pn_graphml_load gives the dataset back. O(size).
 * @param[out] out owned by the caller. @param[out] len may be NULL.
 * @return 0, PN_ENOMEM, or PN_EDATA when a field holds a character XML 1.0
 * cannot (C0 controls but tab, LF, CR; U+FFFE, U+FFFF): nothing is written.
 */
PN_EXTERN int pn_graphml_write(const pn_dataset *ds, char **out, size_t *len);

/**
 * Write GEXF (1.2draft, which NetworkX 2.8 and Gephi read) for Gephi and
 * NetworkX: node id = actor id, label = name; each tie its own edge (id =
 * tie id, "#N" for the tie at position N without one), every field a typed
 * attribute; a directed graph when any tie is directed, with the boolean
 * attribute `directed` on every edge; since/until as the edges' start/end
 * (a dynamic graph whose timeline plays the network's history); viz:color
 * and viz:size as the diagrams draw the actors; the sources table and the
 * dataset's fields as JSON in a <meta> child of paranet's namespace, so
 * that pn_gexf_load gives the dataset back. docs/formats.md has it all.
 * O(size). @return 0, PN_ENOMEM or PN_EDATA (as pn_graphml_write).
 */
PN_EXTERN int pn_gexf_write(const pn_dataset *ds, char **out, size_t *len);

/** The tables of the CSV form. */
typedef enum pn_csv_table {
    PN_CSV_DETECT = -1, /**< on input: decide from the header row */
    PN_CSV_ACTORS,      /**< id,name,kind,country,aliases,region,note,sources,+extras */
    PN_CSV_TIES,        /**< from,to,id,type,instrument,since,until,status,basis,sectors,... */
    PN_CSV_SOURCES,     /**< id,cite,url,year,+extras */
    PN_CSV_DATASET,     /**< field,value: title, description, extras */
    PN_CSV_TABLE_COUNT
} pn_csv_table;

/** The table's name ("actors", "ties", "sources", "dataset"), used for file names. */
PN_EXTERN const char *pn_csv_table_name(pn_csv_table table);

/**
 * Write one CSV table with a header row; delimiter ',' ';' or '\t' (0: ',').
 * Lists are '|'-joined, citations "id@page" (docs/formats.md). The dataset
 * table has a "field,value" header and one row per title, description or
 * extra top-level field.
 * @return 0, PN_EINVAL (bad table or delimiter) or PN_ENOMEM.
 */
PN_EXTERN int pn_csv_write(const pn_dataset *ds, pn_csv_table table, char delimiter, char **out,
                           size_t *len);

/**
 * Write the four CSV tables at once (actors, ties, sources, dataset, in
 * pn_csv_table order), serialising the dataset once: out[t] and len[t] as
 * pn_csv_write gives them. On failure every out[t] is NULL.
 * @return 0, PN_EINVAL (bad delimiter) or PN_ENOMEM.
 */
PN_EXTERN int pn_csv_write_all(const pn_dataset *ds, char delimiter, char *out[PN_CSV_TABLE_COUNT],
                               size_t len[PN_CSV_TABLE_COUNT]);

/** Options for importing. Initialise with PN_IMPORT_OPTIONS_INIT. */
typedef struct pn_import_options {
    pn_load_options load;        /**< name (GraphML), strict, max_bytes */
    char delimiter;              /**< CSV: ',', ';' or '\t'; 0: detect from the header row */
    const char *default_kind;    /**< actors without a kind get this one; NULL: none */
    const char *default_country; /**< actors without a country get this one; NULL: none */
    const char *default_type;    /**< ties without a type get this one; NULL: none */
} pn_import_options;

#define PN_IMPORT_OPTIONS_INIT                                                                     \
    {                                                                                              \
        PN_LOAD_OPTIONS_INIT, 0, NULL, NULL, NULL                                                  \
    }

/**
 * Write a dataset in one of the single-file formats: JSON (canonical, as
 * pn_dataset_save_buffer), GraphML, GEXF or DOT (pn_diagram_render with
 * default options). CSV is several tables: use pn_csv_write.
 * @param[out] out owned by the caller (free()). @param[out] len may be NULL.
 * @return 0, PN_EINVAL (CSV or an unknown format), PN_ENOMEM, or the
 * diagram builder's errors (with messages in diags).
 */
PN_EXTERN int pn_export_buffer(const pn_dataset *ds, pn_format format, char **out, size_t *len,
                               pn_diags *diags);

/** One CSV input: its display name, bytes, and which table it is. */
typedef struct pn_csv_input {
    const char *name; /**< for messages ("ties.csv") */
    const char *data; /**< need not be NUL-terminated */
    size_t len;
    pn_csv_table table; /**< PN_CSV_DETECT: from the header row */
} pn_csv_input;

/**
 * Build a dataset from CSV tables (at least actors and ties; sources and
 * dataset optional), each at most once. Quoted fields, embedded newlines, a
 * UTF-8 BOM, LF, CRLF or CR line ends and ',', ';' or tab delimiters are
 * handled; cells written after a "'" against spreadsheet formulas and the
 * JSON "attrs" column of sparse extra fields are read back as
 * pn_csv_write writes them (docs/formats.md). An extra field's JSON cell
 * deeper than opts->load.max_depth allows is refused. Every problem is
 * reported as "name:line: column \"to\": ..."; the dataset is checked as a
 * JSON load is. Memory: the arena of records, a few times the input.
 * @param[out] out set only on success.
 * @return 0, PN_EDATA, PN_ELIMIT or PN_ENOMEM.
 */
PN_EXTERN int pn_csv_load(pn_dataset **out, const pn_csv_input *inputs, size_t n,
                          const pn_import_options *opts, pn_diags *diags);

/**
 * Build a dataset from GraphML (paranet's own in either layout, or any
 * GraphML: keys named like the format's fields are used, other keys are
 * kept as extra fields; the node ids n0, n1, ... that igraph and graph-tool
 * write give way to a key "id" or "name", and "" is an absent value in a
 * file paranet did not write, each with a warning). O(size).
 * DTDs are refused, so no entity is expanded and nothing is fetched.
 * Problems are located by line. @param[out] out set only on success.
 * @return 0, PN_EDATA, PN_ELIMIT or PN_ENOMEM.
 */
PN_EXTERN int pn_graphml_load(pn_dataset **out, const char *data, size_t len,
                              const pn_import_options *opts, pn_diags *diags);

/**
 * Build a dataset from GEXF (paranet's own, NetworkX's, Gephi's: 1.1 to
 * 1.3): node ids are actor ids (an attribute "id" wins), labels names (an
 * attribute "name" wins), edge ids tie ids, attributes named like the
 * format's fields fill them and others are kept as extra fields, typed by
 * their declared type; an empty value is an absent one. Direction: an
 * edge's boolean attribute `directed`, else its type, else the graph's
 * defaultedgetype. DTDs are refused. Problems are located by line and
 * node or edge. docs/formats.md has the rules. O(size).
 * @param[out] out set only on success.
 * @return 0, PN_EDATA, PN_ELIMIT or PN_ENOMEM.
 */
PN_EXTERN int pn_gexf_load(pn_dataset **out, const char *data, size_t len,
                           const pn_import_options *opts, pn_diags *diags);

/**
 * Load a single-file format: JSON (pn_dataset_load_buffer with opts->load),
 * GraphML (pn_graphml_load) or GEXF (pn_gexf_load).
 * @return as those, or PN_EINVAL for others.
 */
PN_EXTERN int pn_import_buffer(pn_dataset **out, pn_format format, const char *data, size_t len,
                               const pn_import_options *opts, pn_diags *diags);

#ifdef __cplusplus
}
#endif

#endif
