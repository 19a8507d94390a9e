/* paranet: the command-line tool. Dispatches to one subcommand per file. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "pipeline.h"

static const cli_spec *const commands[] = {
#define PN_COMMAND(name) &pn_cmd_##name,
#include "commands.def"
#undef PN_COMMAND
};
#define N_COMMANDS (sizeof(commands) / sizeof(commands[0]))

static const cli_spec *find_command(const char *name)
{
    for (size_t i = 0; i < N_COMMANDS; i++)
        if (strcmp(commands[i]->name, name) == 0)
            return commands[i];
    return NULL;
}

static void print_help(FILE *out)
{
    fprintf(out,
            "paranet %s: network analysis of paradiplomacy\n\n"
            "Usage: paranet COMMAND [OPTIONS] FILE...\n"
            "       paranet help COMMAND\n\n"
            "Commands:\n",
            PN_VERSION);
    for (size_t i = 0; i < N_COMMANDS; i++)
        fprintf(out, "  %-10s %s\n", commands[i]->name, commands[i]->summary);
    fprintf(out, "\nOptions:\n"
                 "  -h, --help     show this help\n"
                 "  -V, --version  show the version\n\n"
                 "FILE '-' reads standard input.\n\n"
                 "Exit status:\n"
                 "  0  success\n"
                 "  1  invalid data (the messages say where)\n"
                 "  2  usage error\n"
                 "  3  input/output error (a file cannot be read or written)\n"
                 "  4  internal error\n\n"
                 "Docs: docs/ in the source tree, and man paranet.\n");
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        print_help(stderr);
        return EXIT_USAGE;
    }
    const char *arg = argv[1];
    if (strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0) {
        print_help(stdout);
        return EXIT_OK;
    }
    if (strcmp(arg, "-V") == 0 || strcmp(arg, "--version") == 0) {
        printf("paranet %s (library %s, format version %d)\n", PN_VERSION, pn_version(),
               PN_FORMAT_VERSION);
        return EXIT_OK;
    }
    if (strcmp(arg, "help") == 0) {
        if (argc < 3) {
            print_help(stdout);
            return EXIT_OK;
        }
        const cli_spec *c = find_command(argv[2]);
        if (!c)
            return cli_usage_error(NULL, "no command '%s'", argv[2]);
        cli_print_help(c);
        return EXIT_OK;
    }
    const cli_spec *c = find_command(arg);
    if (!c) {
        const char *best = NULL;
        size_t best_d = 4;
        for (size_t i = 0; i < N_COMMANDS; i++) {
            size_t d = pn_edit_distance(arg, commands[i]->name, 3);
            if (d < best_d) {
                best_d = d;
                best = commands[i]->name;
            }
        }
        fprintf(stderr, "paranet: unknown command '%s'", arg);
        if (best)
            fprintf(stderr, " (did you mean '%s'?)", best);
        fprintf(stderr, "\nTry 'paranet --help'.\n");
        return EXIT_USAGE;
    }
    /* Outputs in progress leave no temporary file behind when interrupted. */
    cli_cleanup_on_signals();
    /* The subcommand sees argv[0] = its name, as getopt expects. */
    int code = cli_run(c, argc - 1, argv + 1);
    /* Output that could not be written (a full disk, a closed pipe) is an
     * I/O error, not a success with a truncated result. */
    if ((fflush(stdout) != 0 || ferror(stdout)) && code == EXIT_OK) {
        fprintf(stderr, "<stdout>: error: cannot write: %s\n", strerror(errno));
        code = EXIT_IO;
    }
    return code;
}
