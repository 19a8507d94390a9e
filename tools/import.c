/* Reading a dataset from JSON, GraphML or CSV tables, for convert and
 * validate (import.h). */
#include "import.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

bool cli_is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

char *cli_path_join(const char *dir, const char *file)
{
    size_t n = strlen(dir) + strlen(file) + 2;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", file);
    return p;
}

void cli_import_init(cli_import *I)
{
    pn_import_options io = PN_IMPORT_OPTIONS_INIT;
    memset(I, 0, sizeof(*I));
    I->iopts = io;
    I->from = PN_FORMAT_UNKNOWN;
}

static bool parse_delim(const char *s, char *out)
{
    if (strcmp(s, ",") == 0 || strcmp(s, "comma") == 0)
        *out = ',';
    else if (strcmp(s, ";") == 0 || strcmp(s, "semicolon") == 0)
        *out = ';';
    else if (strcmp(s, "tab") == 0 || strcmp(s, "\t") == 0 || strcmp(s, "\\t") == 0)
        *out = '\t';
    else
        return false;
    return true;
}

int cli_import_option(const char *command, cli_import *I, int c, const char *arg)
{
    switch (c) {
    case CLI_IMPORT_ACTORS:
    case CLI_IMPORT_TIES:
    case CLI_IMPORT_SOURCES:
    case CLI_IMPORT_DATASET:
        I->tables[c - CLI_IMPORT_ACTORS] = arg;
        return EXIT_OK;
    case 'd':
        if (!parse_delim(arg, &I->iopts.delimiter))
            return cli_usage_error(command, "--delimiter is ',', ';' or 'tab'");
        return EXIT_OK;
    case CLI_IMPORT_KIND:
        if (pn_vocab_parse(PN_VOCAB_KIND, arg) < 0)
            return cli_usage_error(command, "--default-kind: unknown kind '%s'", arg);
        I->iopts.default_kind = arg;
        return EXIT_OK;
    case CLI_IMPORT_COUNTRY:
        if (!pn_country_valid(arg))
            return cli_usage_error(command, "--default-country: '%s' is not an ISO 3166-1 code",
                                   arg);
        I->iopts.default_country = arg;
        return EXIT_OK;
    case CLI_IMPORT_TYPE:
        if (pn_vocab_parse(PN_VOCAB_TYPE, arg) < 0)
            return cli_usage_error(command, "--default-type: unknown type '%s'", arg);
        I->iopts.default_type = arg;
        return EXIT_OK;
    default:
        return -1;
    }
}

static int load_csv(cli_import *I, char **paths, pn_csv_table *kinds, size_t n, pn_diags *diags,
                    pn_dataset **out)
{
    pn_csv_input in[CLI_IMPORT_MAX_INPUTS];
    char *data[CLI_IMPORT_MAX_INPUTS] = {0};
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++) {
        size_t len = 0;
        rc = cli_read_input(paths[i], I->iopts.load.max_bytes, &data[i], &len, diags);
        in[i].name = strcmp(paths[i], "-") == 0 ? "<stdin>" : paths[i];
        in[i].data = data[i];
        in[i].len = len;
        in[i].table = kinds[i];
    }
    if (rc == 0)
        rc = pn_csv_load(out, in, n, &I->iopts, diags);
    for (size_t i = 0; i < n; i++)
        free(data[i]);
    return rc;
}

int cli_import_load(const char *command, cli_import *I, char **inputs, size_t n, pn_diags *diags,
                    pn_dataset **out)
{
    char *paths[CLI_IMPORT_MAX_INPUTS];
    pn_csv_table kinds[CLI_IMPORT_MAX_INPUTS];
    char *owned[PN_CSV_TABLE_COUNT] = {0};
    size_t np = 0;
    int rc = 0;
    bool named = false;
    for (int t = 0; t < PN_CSV_TABLE_COUNT; t++) {
        if (I->tables[t]) {
            paths[np] = (char *)I->tables[t];
            kinds[np++] = (pn_csv_table)t;
            named = true;
        }
    }
    if (named || I->from == PN_FORMAT_CSV || (n == 1 && cli_is_dir(inputs[0])) ||
        (n >= 1 && I->from == PN_FORMAT_UNKNOWN &&
         pn_format_from_path(inputs[0]) == PN_FORMAT_CSV)) {
        if (n == 1 && cli_is_dir(inputs[0])) {
            static const char *const files[] = {"actors.csv", "ties.csv", "sources.csv",
                                                "dataset.csv"};
            for (int t = 0; t < PN_CSV_TABLE_COUNT; t++) {
                owned[t] = cli_path_join(inputs[0], files[t]);
                if (!owned[t]) {
                    rc = PN_ENOMEM;
                    goto cleanup;
                }
                struct stat st;
                if (t >= PN_CSV_SOURCES && stat(owned[t], &st) != 0)
                    continue; /* optional tables */
                paths[np] = owned[t];
                kinds[np++] = (pn_csv_table)t;
            }
        } else {
            for (size_t i = 0; i < n; i++) {
                if (np == CLI_IMPORT_MAX_INPUTS) {
                    cli_usage_error(command, "too many CSV inputs (at most 4 tables)");
                    rc = PN_EINVAL;
                    goto cleanup;
                }
                paths[np] = inputs[i];
                kinds[np++] = PN_CSV_DETECT;
            }
        }
        rc = load_csv(I, paths, kinds, np, diags, out);
        goto cleanup;
    }
    if (n != 1) {
        cli_usage_error(command, "give one INPUT (several inputs are CSV tables: name them "
                                 ".csv or give --from csv)");
        rc = PN_EINVAL;
        goto cleanup;
    }
    pn_format from = I->from;
    if (from == PN_FORMAT_UNKNOWN)
        from = strcmp(inputs[0], "-") == 0 ? PN_FORMAT_JSON : pn_format_from_path(inputs[0]);
    if (from != PN_FORMAT_JSON && from != PN_FORMAT_GRAPHML && from != PN_FORMAT_GEXF) {
        cli_usage_error(command,
                        from == PN_FORMAT_UNKNOWN
                            ? "cannot tell the format of '%s' from its name: give --from"
                            : "'%s': paranet reads JSON, GraphML, GEXF and CSV (DOT is "
                              "written only)",
                        inputs[0]);
        rc = PN_EINVAL;
        goto cleanup;
    }
    char *data = NULL;
    size_t len = 0;
    rc = cli_read_input(inputs[0], I->iopts.load.max_bytes, &data, &len, diags);
    if (rc == 0) {
        pn_import_options o = I->iopts;
        o.load.name = strcmp(inputs[0], "-") == 0 ? "<stdin>" : inputs[0];
        rc = pn_import_buffer(out, from, data, len, &o, diags);
    }
    free(data);
cleanup:
    for (int t = 0; t < PN_CSV_TABLE_COUNT; t++)
        free(owned[t]);
    return rc;
}
