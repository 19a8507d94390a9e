/* paranet: loading, validating and saving datasets (JSON format version 1).
 *
 * Loading checks everything docs/format.md states and reports every problem
 * (up to the pn_diags cap) with the file, line, column and JSON path, like a
 * compiler. Saving writes canonical JSON: a fixed key order, 2-space indent,
 * unknown fields kept, so that load -> save -> load gives the same dataset.
 */
#ifndef PARANET_IO_H
#define PARANET_IO_H

#include <stdbool.h>
#include <stddef.h>

#include "paranet/common.h"
#include "paranet/dataset.h"
#include "paranet/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Options for loading. Initialise with PN_LOAD_OPTIONS_INIT. */
typedef struct pn_load_options {
    const char *name; /**< display name in messages; NULL: the path, or "<input>" */
    bool strict;      /**< warnings make the load fail */
    size_t max_bytes; /**< refuse larger inputs (default 256 MiB) */
    size_t max_depth; /**< refuse deeper JSON nesting (default 64) */
    /** Called now and then with what is being done ("parsing", "checking")
     * and the fraction of the load done (0 to 1; 1 is the last call), or
     * NULL. The library never prints: the caller shows it, or not. */
    void (*progress)(void *ctx, const char *what, double fraction);
    void *progress_ctx; /**< passed to progress */
} pn_load_options;

#define PN_LOAD_OPTIONS_INIT                                                                       \
    {                                                                                              \
        NULL, false, (size_t)256 << 20, 64, NULL, NULL                                             \
    }

/**
 * Load and validate a dataset from a file ("-" is not special here).
 * @param[out] out the dataset, owned by the caller; set only on success.
 * @param opts NULL for defaults.
 * @param diags receives every error and warning (may be NULL).
 * @return 0 (warnings allowed unless strict), PN_EDATA when the data is
 * invalid, PN_EIO when the file cannot be read, PN_ELIMIT, PN_ENOMEM.
 */
PN_EXTERN int pn_dataset_load_file(pn_dataset **out, const char *path, const pn_load_options *opts,
                                   pn_diags *diags);

/** As pn_dataset_load_file, from len bytes of memory (need not be NUL-terminated). */
PN_EXTERN int pn_dataset_load_buffer(pn_dataset **out, const char *data, size_t len,
                                     const pn_load_options *opts, pn_diags *diags);

/**
 * Check an in-memory dataset (built with pn_dataset_add_*) against the
 * format's rules: the same errors and warnings a load gives, with JSON paths.
 * @return 0, or PN_EDATA when there are errors (or warnings, if strict).
 */
PN_EXTERN int pn_dataset_validate(const pn_dataset *ds, const pn_load_options *opts,
                                  pn_diags *diags);

/**
 * Write canonical JSON into a new NUL-terminated buffer.
 * @param[out] out owned by the caller (free()). @param[out] len may be NULL.
 * @return 0, PN_ENOMEM, or PN_ELIMIT when the text would be nested deeper
 * than 2000 levels (the most the reader's max_depth takes), from extra
 * fields an importer took.
 */
PN_EXTERN int pn_dataset_save_buffer(const pn_dataset *ds, char **out, size_t *len);

/**
 * Write canonical JSON to path atomically: into a temporary file in the same
 * directory, then renamed into place, so a failed write never leaves a
 * truncated file. Errors (with the path and the system's reason) go to diags.
 * @return 0, PN_EIO, PN_ELIMIT (as pn_dataset_save_buffer) or PN_ENOMEM.
 */
PN_EXTERN int pn_dataset_save_file(const pn_dataset *ds, const char *path, pn_diags *diags);

/**
 * Write len bytes to path atomically, as pn_dataset_save_file does. For
 * other writers (diagrams, exports) that want the same guarantee.
 * @return 0, PN_EIO or PN_ENOMEM.
 */
PN_EXTERN int pn_write_file_atomic(const char *path, const void *data, size_t len, pn_diags *diags);

/**
 * Read a whole file into memory (NUL-terminated; the NUL is not counted).
 * Directories, unreadable files and files over max_bytes are errors in diags.
 * @return 0, PN_EIO, PN_ELIMIT or PN_ENOMEM.
 */
PN_EXTERN int pn_read_file(const char *path, size_t max_bytes, char **out, size_t *len,
                           pn_diags *diags);

#ifdef __cplusplus
}
#endif

#endif
