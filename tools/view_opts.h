/* The view options every analysing command takes (docs/views.md). */
#ifndef PN_VIEW_OPTS_H
#define PN_VIEW_OPTS_H

#include <getopt.h>
#include <stdbool.h>

#include <paranet.h>

/* getopt values of the view options: above any short option character. */
enum {
    VIEW_OPT_TYPES = 1000,
    VIEW_OPT_SECTORS,
    VIEW_OPT_STATUS,
    VIEW_OPT_INSTRUMENTS,
    VIEW_OPT_COUNTRIES,
    VIEW_OPT_KINDS,
    VIEW_OPT_AT,
    VIEW_OPT_BETWEEN,
    VIEW_OPT_EGO,
    VIEW_OPT_RADIUS,
    VIEW_OPT_DIRECTED,
    VIEW_OPT_WEIGHT,
    VIEW_OPT_KEEP_ISOLATES,
    VIEW_OPT_BASIS,
    VIEW_OPT_UNDATED,
    VIEW_OPT_LAST
};

/* Append to a command's own help text. */
#define VIEW_OPTS_HELP                                                                             \
    "View (which ties and actors; see docs/views.md):\n"                                           \
    "      --types LIST        tie types, e.g. g2g,horizontal\n"                                   \
    "      --sectors LIST      ties with any of these sectors\n"                                   \
    "      --status LIST       statuses (add 'none' for ties that give none)\n"                    \
    "      --instruments LIST  instruments, e.g. loi,mou,sister-city\n"                            \
    "      --basis LIST        what ties rest on: reported, recommended, proposed,\n"              \
    "                          inferred, or all (default: reported,inferred)\n"                    \
    "      --countries LIST    actors of these ISO country codes\n"                                \
    "      --kinds LIST        actors of these kinds\n"                                            \
    "      --at YEAR           ties in force that year\n"                                          \
    "      --between Y1 Y2     ties in force at some time from Y1 to Y2\n"                         \
    "      --undated MODE      with --at or --between: drop (default) or keep the\n"               \
    "                          ties that have no since\n"                                          \
    "      --ego ID            the actor and its neighbourhood ...\n"                              \
    "      --radius R          ... up to R hops (default 1)\n"                                     \
    "      --directed          directed ties one way, undirected both ways\n"                      \
    "      --weight MODE       none, count (parallel ties) or sum (their weights)\n"               \
    "      --keep-isolates     keep actors left without ties by a tie filter\n"

/* The view options' long options, ended by {NULL...}; pipeline.c merges them in. */
extern const struct option view_long_options[];

/* Parsed view plus the storage its lists point into. */
typedef struct view_opts {
    pn_view view;
    char **sectors;
    size_t n_sectors;
    char **countries;
    size_t n_countries;
    bool tie_filter; /* some tie filter was given: isolates are dropped by default */
    bool keep_isolates;
    pn_load_options load; /* set by the pipeline's limits options, passed to cli_load */
} view_opts;

void view_opts_init(view_opts *v);
void view_opts_free(view_opts *v);

/* Handle getopt value c. Returns 1 when handled, 0 when c is not a view
 * option, or -1 after printing a usage error. argv/optind for --between's
 * second value. */
int view_opts_parse(view_opts *v, const char *command, int c, const char *arg, int argc,
                    char **argv);

/* Settle defaults once all options are read. */
void view_opts_finish(view_opts *v);

#endif
