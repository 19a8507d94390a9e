/* paranet: error codes and diagnostics.
 *
 * Every paranet function that can fail returns an int: 0 on success or a
 * negative PN_E... code. Functions that read data also take a pn_diags list
 * (may be NULL) into which they put every error and warning they find, each
 * with its file, line, column and JSON path where known. The library never
 * prints: the caller decides what to do with the diagnostics.
 */
#ifndef PARANET_ERROR_H
#define PARANET_ERROR_H

#include <stddef.h>

#include "paranet/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* X(NAME, code, description): the one table of error codes. */
#define PN_ERRNO_MAP(X)                                                                            \
    X(OK, 0, "success")                                                                            \
    X(ENOMEM, -1, "out of memory")                                                                 \
    X(EINVAL, -2, "invalid argument")                                                              \
    X(EIO, -3, "input/output error")                                                               \
    X(EDATA, -4, "invalid data")                                                                   \
    X(ENOTFOUND, -5, "not found")                                                                  \
    X(ELIMIT, -6, "limit exceeded")                                                                \
    X(EIGRAPH, -7, "igraph failure")                                                               \
    X(EGRAPHVIZ, -8, "Graphviz failure")                                                           \
    X(EINTERNAL, -9, "internal error")

typedef enum pn_errno {
#define PN_X(name, code, text) PN_##name = code,
    PN_ERRNO_MAP(PN_X)
#undef PN_X
} pn_errno;

/** Describe an error code ("out of memory"). Never NULL; unknown codes give "unknown error". */
PN_EXTERN const char *pn_strerror(int code);

/** The code's name ("ENOMEM"). Never NULL. */
PN_EXTERN const char *pn_err_name(int code);

typedef enum pn_severity { PN_SEVERITY_ERROR = 0, PN_SEVERITY_WARNING = 1 } pn_severity;

/** One diagnostic. All strings are owned by the pn_diags list that holds it. */
typedef struct pn_diag {
    pn_severity severity;
    const char *file;    /**< the input's display name, or NULL */
    int line;            /**< 1-based; 0 when unknown */
    int column;          /**< 1-based; 0 when unknown */
    const char *path;    /**< JSON path such as "ties[12].to", or NULL */
    const char *check;   /**< short stable name of the rule ("unknown-actor"), or NULL */
    const char *message; /**< what is wrong, and a suggestion where one is obvious */
} pn_diag;

/** An ordered list of diagnostics (opaque). */
typedef struct pn_diags pn_diags;

/** Create an empty list. @param[out] out the new list, owned by the caller. @return 0 or PN_ENOMEM.
 */
PN_EXTERN int pn_diags_new(pn_diags **out);

/** Free a list and every diagnostic in it. NULL is allowed. */
PN_EXTERN void pn_diags_free(pn_diags *diags);

/** Number of diagnostics kept in the list. */
PN_EXTERN size_t pn_diags_count(const pn_diags *diags);

/** The i-th diagnostic (borrowed, valid until the list is freed or cleared), or NULL. */
PN_EXTERN const pn_diag *pn_diags_get(const pn_diags *diags, size_t i);

/** Number of errors reported, counting those beyond the cap that were not kept. */
PN_EXTERN size_t pn_diags_errors(const pn_diags *diags);

/** Number of warnings reported, counting those beyond the cap that were not kept. */
PN_EXTERN size_t pn_diags_warnings(const pn_diags *diags);

/** Keep at most `cap` diagnostics (0: no cap; the default is 50). Later ones are only counted. */
PN_EXTERN void pn_diags_set_cap(pn_diags *diags, size_t cap);

/** Remove every diagnostic and reset the counters. */
PN_EXTERN void pn_diags_clear(pn_diags *diags);

/**
 * Add a diagnostic; strings are copied. Used by the library and by programs
 * that report their own errors in the same form.
 * @return 0, or PN_ENOMEM (the diagnostic is then only counted).
 */
PN_EXTERN int pn_diags_add(pn_diags *diags, pn_severity severity, const char *file, int line,
                           int column, const char *path, const char *check, const char *fmt, ...)
    PN_PRINTF(8, 9);

/**
 * Format one diagnostic as "file:line:column: error: path: message" (parts
 * that are unknown are left out) into buf, truncating to size.
 * @return the length the full text needs, as snprintf does.
 */
PN_EXTERN int pn_diag_format(const pn_diag *diag, char *buf, size_t size);

#ifdef __cplusplus
}
#endif

#endif
