/* Reading a dataset from what a user has: JSON, GraphML, or CSV tables
 * (files told apart by their headers, or a directory of them), with the
 * import options (--delimiter, --default-kind, ...). convert and validate
 * read their inputs through it, so both show the same diagnostics. */
#ifndef PN_IMPORT_H
#define PN_IMPORT_H

#include <getopt.h>
#include <stdbool.h>

#include "pipeline.h"

enum { CLI_IMPORT_MAX_INPUTS = 8 };

typedef struct cli_import {
    pn_import_options iopts;
    pn_format from;                         /* --from, or PN_FORMAT_UNKNOWN */
    const char *tables[PN_CSV_TABLE_COUNT]; /* --actors, --ties, ... */
} cli_import;

/* The import options' getopt values (long only, above the commands' own). */
enum {
    CLI_IMPORT_ACTORS = CLI_OPT_LAST + 32,
    CLI_IMPORT_TIES,
    CLI_IMPORT_SOURCES,
    CLI_IMPORT_DATASET,
    CLI_IMPORT_KIND,
    CLI_IMPORT_COUNTRY,
    CLI_IMPORT_TYPE
};

/* The long options convert and validate share (cli_import_option). */
/* clang-format off */
#define CLI_IMPORT_LONG_OPTIONS                                            \
    {"delimiter", required_argument, NULL, 'd'},                           \
    {"default-kind", required_argument, NULL, CLI_IMPORT_KIND},            \
    {"default-country", required_argument, NULL, CLI_IMPORT_COUNTRY},      \
    {"default-type", required_argument, NULL, CLI_IMPORT_TYPE}
/* clang-format on */

void cli_import_init(cli_import *I);

/* True when path names a directory. */
bool cli_is_dir(const char *path);

/* dir/file, malloc'd (NULL when out of memory). */
char *cli_path_join(const char *dir, const char *file);

/* Option c (-d or a CLI_IMPORT_ value) into I: EXIT_OK, EXIT_USAGE after
 * the message, or -1 when c is not an import option. */
int cli_import_option(const char *command, cli_import *I, int c, const char *arg);

/* The dataset from n inputs: CSV tables (several, or a directory, or the
 * --actors/... files when inputs is empty), or one JSON or GraphML file.
 * Returns a PN_E code (usage errors printed, PN_EINVAL), messages in diags. */
int cli_import_load(const char *command, cli_import *I, char **inputs, size_t n, pn_diags *diags,
                    pn_dataset **out);

#endif
