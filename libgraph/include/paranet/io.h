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
 * Write canonical JSON to path atomically, as pn_write_file_atomic does (a
 * temporary file renamed into place; a device or FIFO written in place; a
 * link's target replaced). Errors (with the path and the system's reason) go to diags.
 * @return 0, PN_EIO, PN_ELIMIT (as pn_dataset_save_buffer) or PN_ENOMEM.
 */
PN_EXTERN int pn_dataset_save_file(const pn_dataset *ds, const char *path, pn_diags *diags);

/**
 * Options of the writers below. Initialise with PN_WRITE_OPTIONS_INIT.
 *
 * temp_file, when not NULL, is told of every temporary name a write uses
 * (the new content before it is renamed into place, and the hard-link
 * backups of pn_write_files_atomic): with in_use true just before the file
 * is created, with false once it is gone. So the caller always holds every
 * name that may exist, and a signal handler of its own can unlink them
 * (the library installs none: it keeps no global state). A name may be told
 * of and never created. Called from the writing thread only.
 */
typedef struct pn_write_options {
    void (*temp_file)(void *ctx, const char *path, bool in_use);
    void *ctx; /**< passed to temp_file */
} pn_write_options;

#define PN_WRITE_OPTIONS_INIT                                                                      \
    {                                                                                              \
        NULL, NULL                                                                                 \
    }

/**
 * Write len bytes to path, as pn_write_file_atomic_ext with no options.
 * @return 0, PN_EIO or PN_ENOMEM.
 */
PN_EXTERN int pn_write_file_atomic(const char *path, const void *data, size_t len, pn_diags *diags);

/**
 * Write len bytes to path, safely for whatever path names:
 * - a new name or an existing regular file: into a temporary file beside it
 *   ("PATH.tmpXXXXXX"), then renamed over it, so a failed write never leaves
 *   a truncated file; an existing file's mode (and owner, where allowed) is
 *   kept;
 * - a symbolic link: its final target is replaced the same way (created when
 *   the link dangles); the link itself stays a link;
 * - an existing character or block device or FIFO: written in place through
 *   open(O_WRONLY), never renamed over, removed, created or truncated (a
 *   FIFO blocks until it has a reader); a short or failed write (a full
 *   device) is PN_EIO;
 * - a directory or a socket: PN_EIO.
 * Errors, with the path and the system's reason, go to diags.
 * @param opts NULL for defaults.
 * @return 0, PN_EIO or PN_ENOMEM.
 */
PN_EXTERN int pn_write_file_atomic_ext(const char *path, const void *data, size_t len,
                                       const pn_write_options *opts, pn_diags *diags);

/** One file of pn_write_files_atomic (data borrowed). */
typedef struct pn_write_file {
    const char *path;
    const void *data;
    size_t len;
} pn_write_file;

/**
 * Write n files all or nothing: each content goes into a temporary file
 * beside its target first (links followed as in pn_write_file_atomic_ext;
 * every target must be a regular file or a new name), and only when all are
 * written are they renamed into place, each previous file kept meanwhile as
 * a hard link ("PATH.bakXXXXXX"; on a file system without hard links, moved
 * aside). If one cannot be replaced, those already replaced get their
 * previous file back (a new name is removed), and the call fails: either
 * every file has its new content, or none changed.
 * The window that remains: a process killed (or a machine stopped) during
 * the renames themselves, a few system calls, can leave some files new and
 * some old, with backups beside them.
 * @return 0, PN_EIO or PN_ENOMEM (messages in diags).
 */
PN_EXTERN int pn_write_files_atomic(const pn_write_file *files, size_t n,
                                    const pn_write_options *opts, pn_diags *diags);

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
