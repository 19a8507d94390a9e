/* Reading whole files, and writing them atomically. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "paranet/io.h"
#include "core/util.h"

int pn__read_fd(int fd, const char *path, size_t max_bytes, char **out, size_t *len, bool *regular,
                pn_diags *diags)
{
    struct stat st;
    bool is_reg = fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
    if (!is_reg && fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        pn_diags_add(diags, PN_SEVERITY_ERROR, path, 0, 0, NULL, "io",
                     "is a directory, not a file");
        return PN_EIO;
    }
    int rc = 0;
    /* A regular file's size + 2: the read that finds the end needs room. */
    size_t cap = is_reg && st.st_size > 0 && (size_t)st.st_size <= max_bytes
                     ? (size_t)st.st_size + 2
                     : 65536;
    size_t n = 0;
    char *data = pn__malloc_big(cap);
    if (!data) {
        rc = PN_ENOMEM;
        goto cleanup;
    }
    for (;;) {
        if (n + 1 >= cap) {
            char *p = realloc(data, cap * 2);
            if (!p) {
                rc = PN_ENOMEM;
                goto cleanup;
            }
            data = p;
            cap *= 2;
        }
        ssize_t r = read(fd, data + n, cap - n - 1);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            pn_diags_add(diags, PN_SEVERITY_ERROR, path, 0, 0, NULL, "io", "cannot read: %s",
                         strerror(errno));
            rc = PN_EIO;
            goto cleanup;
        }
        if (r == 0)
            break;
        n += (size_t)r;
        if (n > max_bytes) {
            pn_diags_add(diags, PN_SEVERITY_ERROR, path, 0, 0, NULL, "too-large",
                         "input is over the limit of %zu bytes (raise it with --max-bytes)",
                         max_bytes);
            rc = PN_ELIMIT;
            goto cleanup;
        }
    }
    data[n] = '\0';
    *out = data;
    data = NULL;
    if (len)
        *len = n;
    if (regular)
        *regular = is_reg && (off_t)n == st.st_size;
cleanup:
    if (rc == PN_ENOMEM)
        pn_diags_add(diags, PN_SEVERITY_ERROR, path, 0, 0, NULL, "nomem",
                     "out of memory while reading");
    free(data);
    return rc;
}

int pn_read_file(const char *path, size_t max_bytes, char **out, size_t *len, pn_diags *diags)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        pn_diags_add(diags, PN_SEVERITY_ERROR, path, 0, 0, NULL, "io", "cannot open: %s",
                     strerror(errno));
        return PN_EIO;
    }
    int rc = pn__read_fd(fd, path, max_bytes, out, len, NULL, diags);
    close(fd);
    return rc;
}

/* How an output path is written (pn_write_file_atomic_ext):
 *
 * - a new name, or an existing regular file: into a temporary file in the
 *   same directory, then renamed over the name, so a failed or interrupted
 *   write never leaves a truncated file;
 * - a symbolic link: the link is followed (to its final target, which may not
 *   exist yet) and the target is replaced as above; the link stays a link;
 * - anything else that exists (a character or block device, a FIFO): written
 *   in place through open(O_WRONLY), never renamed over, unlinked, created or
 *   truncated; write errors (a full device) are reported. A socket cannot be
 *   opened and is an error; so is a directory.
 *
 * Temporary names are made here rather than by mkstemp so that the caller's
 * hook learns each name before the file exists and forgets it only once it
 * is gone: a signal handler that unlinks every name it was told about then
 * leaves nothing behind, whenever the signal comes. */

static void tell(const pn_write_options *o, const char *path, bool in_use)
{
    if (o && o->temp_file)
        o->temp_file(o->ctx, path, in_use);
}

static int io_error(pn_diags *diags, const char *path, const char *what, int err)
{
    pn_diags_add(diags, PN_SEVERITY_ERROR, path, 0, 0, NULL, "io", "%s: %s", what, strerror(err));
    return PN_EIO;
}

/* dir of path + "/" + rel, or rel when it is absolute. */
static char *relative_to(const char *path, const char *rel)
{
    if (rel[0] == '/')
        return strdup(rel);
    const char *slash = strrchr(path, '/');
    size_t dlen = slash ? (size_t)(slash - path) + 1 : 0, rlen = strlen(rel);
    char *out = malloc(dlen + rlen + 1);
    if (out) {
        memcpy(out, path, dlen);
        memcpy(out + dlen, rel, rlen + 1);
    }
    return out;
}

/* The contents of a symbolic link, NUL-terminated (malloc), or NULL with errno. */
static char *read_link(const char *path)
{
    for (size_t cap = 256;; cap *= 2) {
        char *buf = malloc(cap);
        if (!buf)
            return NULL;
        ssize_t n = readlink(path, buf, cap);
        if (n < 0) {
            free(buf);
            return NULL;
        }
        if ((size_t)n < cap) {
            buf[n] = '\0';
            return buf;
        }
        free(buf);
        if (cap > ((size_t)1 << 20)) {
            errno = ENAMETOOLONG;
            return NULL;
        }
    }
}

/* Where and how a path is written. */
typedef struct target {
    char *real;     /* the file to replace (a link's final target), or path itself */
    bool in_place;  /* a device, FIFO...: opened and written, never replaced */
    bool exists;    /* real exists (its mode and owner are kept) */
    struct stat st; /* real's, when it exists */
} target;

/* Follow a chain of links that ends at a name that does not exist yet. */
static int follow_dangling(const char *path, target *t, pn_diags *diags)
{
    char *cur = strdup(path);
    for (int hops = 0; cur && hops < 40; hops++) {
        struct stat st;
        if (lstat(cur, &st) != 0) {
            if (errno != ENOENT) {
                int e = errno;
                free(cur);
                return io_error(diags, path, "cannot write", e);
            }
            t->real = cur;
            return 0;
        }
        if (!S_ISLNK(st.st_mode)) /* it appeared meanwhile: refuse rather than guess */
            break;
        char *to = read_link(cur);
        char *next = to ? relative_to(cur, to) : NULL;
        free(to);
        free(cur);
        cur = next;
    }
    int e = cur ? ELOOP : (errno ? errno : ENOMEM);
    free(cur);
    return io_error(diags, path, "cannot write", e);
}

static int resolve(const char *path, target *t, pn_diags *diags)
{
    memset(t, 0, sizeof(*t));
    struct stat lst;
    if (lstat(path, &lst) != 0) {
        if (errno != ENOENT)
            return io_error(diags, path, "cannot write", errno);
        t->real = strdup(path); /* a new name (or a missing directory: said at creation) */
        return t->real ? 0 : PN_ENOMEM;
    }
    if (S_ISLNK(lst.st_mode)) {
        if (stat(path, &t->st) != 0) {
            if (errno == ENOENT)
                return follow_dangling(path, t, diags);
            return io_error(diags, path, "cannot write", errno);
        }
        if (S_ISREG(t->st.st_mode)) {
            /* Replace the file the link names. Where the kernel's answer and
             * the names disagree (a /proc/self/fd link to a deleted or
             * unnamed file), write through the link in place instead. */
            struct stat rst;
            t->real = realpath(path, NULL);
            t->exists = true;
            if (t->real && stat(t->real, &rst) == 0 && rst.st_dev == t->st.st_dev &&
                rst.st_ino == t->st.st_ino)
                return 0;
            free(t->real);
            t->real = NULL;
        }
    } else {
        t->st = lst;
        if (S_ISREG(lst.st_mode)) {
            t->real = strdup(path);
            t->exists = true;
            return t->real ? 0 : PN_ENOMEM;
        }
    }
    if (S_ISDIR(t->st.st_mode)) {
        pn_diags_add(diags, PN_SEVERITY_ERROR, path, 0, 0, NULL, "io",
                     "cannot write: is a directory, not a file");
        return PN_EIO;
    }
    t->real = strdup(path);
    t->in_place = true;
    t->exists = true;
    return t->real ? 0 : PN_ENOMEM;
}

static int write_all(int fd, const void *data, size_t len)
{
    const char *p = data;
    while (len > 0) {
        ssize_t w = write(fd, p, len);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        p += w;
        len -= (size_t)w;
    }
    return 0;
}

/* Write through an existing non-regular file: no rename, no unlink, no
 * O_CREAT, no O_TRUNC. A regular file reached this way (a race, or a
 * /proc/self/fd link) is cut to what was written. */
static int write_in_place(const char *path, const void *data, size_t len, pn_diags *diags)
{
    int fd;
    do
        fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
    while (fd < 0 && errno == EINTR);
    if (fd < 0)
        return io_error(diags, path, "cannot write", errno == ENXIO ? ENXIO : errno);
    struct stat st;
    int rc = 0, err = 0;
    if (write_all(fd, data, len) != 0 ||
        (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && ftruncate(fd, (off_t)len) != 0)) {
        err = errno;
        rc = PN_EIO;
    }
    if (close(fd) != 0 && rc == 0) {
        err = errno;
        rc = PN_EIO;
    }
    return rc ? io_error(diags, path, "cannot write", err) : 0;
}

/* A fresh name "<base><suffix>XXXXXX" that is told to the hook before it is
 * used; make(name) creates it (0, or -1 with errno; EEXIST tries another). */
typedef int (*make_fn)(const char *name, void *arg);

static char *fresh_name(const char *base, const char *suffix, const pn_write_options *o,
                        make_fn make, void *arg, int *err)
{
    static const char digits[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    size_t blen = strlen(base), slen = strlen(suffix);
    char *name = malloc(blen + slen + 7);
    if (!name) {
        *err = ENOMEM;
        return NULL;
    }
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    uint64_t x = (uint64_t)ts.tv_nsec ^ ((uint64_t)ts.tv_sec << 30) ^ ((uint64_t)getpid() << 12) ^
                 (uint64_t)(uintptr_t)name;
    for (int attempt = 0; attempt < 100; attempt++) {
        /* splitmix64: six letters that are hard to guess. */
        x += 0x9e3779b97f4a7c15u;
        uint64_t z = x;
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
        z ^= z >> 31;
        memcpy(name, base, blen);
        memcpy(name + blen, suffix, slen);
        for (int i = 0; i < 6; i++, z /= 62)
            name[blen + slen + (size_t)i] = digits[z % 62];
        name[blen + slen + 6] = '\0';
        tell(o, name, true);
        if (make(name, arg) == 0)
            return name;
        *err = errno;
        tell(o, name, false);
        if (*err != EEXIST)
            break;
    }
    free(name);
    return NULL;
}

static int make_file(const char *name, void *arg)
{
    int fd = open(name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0)
        return -1;
    *(int *)arg = fd;
    return 0;
}

/* Write data into a new temporary file beside t->real, with t's mode (0644
 * for a new file: umask() would read and write process-wide state) and, where
 * allowed, its owner. Returns the temporary name, or NULL with the message. */
static char *write_temp(const target *t, const char *path, const void *data, size_t len,
                        const pn_write_options *o, int *rc, pn_diags *diags)
{
    int fd = -1, err = 0;
    char *tmp = fresh_name(t->real, ".tmp", o, make_file, &fd, &err);
    if (!tmp) {
        *rc = err == ENOMEM ? PN_ENOMEM : io_error(diags, path, "cannot write", err);
        return NULL;
    }
    fchmod(fd, t->exists ? (t->st.st_mode & 07777) : 0644);
    if (t->exists && (t->st.st_uid != geteuid() || t->st.st_gid != getegid()) &&
        fchown(fd, t->st.st_uid, t->st.st_gid) != 0) {
        /* not allowed: the new file is ours, as any new file would be */
    }
    *rc = 0;
    if (write_all(fd, data, len) != 0 || (fsync(fd) != 0 && errno != EINVAL)) {
        err = errno;
        *rc = PN_EIO;
    }
    if (close(fd) != 0 && *rc == 0) {
        err = errno;
        *rc = PN_EIO;
    }
    if (*rc) {
        unlink(tmp);
        tell(o, tmp, false);
        free(tmp);
        io_error(diags, path, "cannot write", err);
        return NULL;
    }
    return tmp;
}

int pn_write_file_atomic_ext(const char *path, const void *data, size_t len,
                             const pn_write_options *opts, pn_diags *diags)
{
    target t;
    int rc = resolve(path, &t, diags);
    if (rc == 0 && t.in_place) {
        rc = write_in_place(t.real, data, len, diags);
    } else if (rc == 0) {
        char *tmp = write_temp(&t, path, data, len, opts, &rc, diags);
        if (tmp && rename(tmp, t.real) != 0) {
            rc = io_error(diags, path, "cannot write", errno);
            unlink(tmp);
        }
        if (tmp)
            tell(opts, tmp, false);
        free(tmp);
    }
    if (rc == PN_ENOMEM)
        pn_diags_add(diags, PN_SEVERITY_ERROR, path, 0, 0, NULL, "nomem",
                     "out of memory while writing");
    free(t.real);
    return rc;
}

int pn_write_file_atomic(const char *path, const void *data, size_t len, pn_diags *diags)
{
    return pn_write_file_atomic_ext(path, data, len, NULL, diags);
}

/* ---- Several files, all or nothing (pn_write_files_atomic) ---- */

typedef struct staged {
    target t;
    char *tmp;    /* the new content, until renamed */
    char *backup; /* a hard link to (or the moved-aside) previous file */
    bool moved;   /* backup is the previous file moved aside (no hard links here) */
    bool placed;  /* tmp has been renamed over t.real */
    bool keep;    /* backup could not be restored: it is the only copy left */
} staged;

static int make_link(const char *name, void *arg)
{
    return link((const char *)arg, name);
}

static int make_moved(const char *name, void *arg)
{
    /* rename() would replace an existing name: refuse one, as link() does. */
    struct stat st;
    if (lstat(name, &st) == 0) {
        errno = EEXIST;
        return -1;
    }
    return rename((const char *)arg, name);
}

/* Keep the previous file of s under a backup name: a hard link, else (a file
 * system without them) the file itself moved aside. */
static int back_up(staged *s, const pn_write_options *o)
{
    int err = 0;
    s->backup = fresh_name(s->t.real, ".bak", o, make_link, s->t.real, &err);
    if (s->backup)
        return 0;
    struct stat st;
    if (err == ENOMEM || lstat(s->t.real, &st) != 0 || !S_ISREG(st.st_mode)) {
        errno = err;
        return -1;
    }
    /* Not told to the hook: a signal handler must not remove the only copy. */
    s->backup = fresh_name(s->t.real, ".bak", NULL, make_moved, s->t.real, &err);
    if (!s->backup) {
        errno = err;
        return -1;
    }
    s->moved = true;
    return 0;
}

int pn_write_files_atomic(const pn_write_file *files, size_t n, const pn_write_options *opts,
                          pn_diags *diags)
{
    staged *s = calloc(n + 1, sizeof(*s));
    if (!s)
        return PN_ENOMEM;
    int rc = 0;
    size_t i;
    /* 1. Every target resolved and every new content written, nothing replaced. */
    for (i = 0; i < n && rc == 0; i++) {
        rc = resolve(files[i].path, &s[i].t, diags);
        if (rc == 0 && s[i].t.in_place) {
            pn_diags_add(diags, PN_SEVERITY_ERROR, files[i].path, 0, 0, NULL, "io",
                         "cannot write: not a regular file (files written together are "
                         "replaced all or nothing, which needs regular files)");
            rc = PN_EIO;
        }
        if (rc == 0)
            s[i].tmp =
                write_temp(&s[i].t, files[i].path, files[i].data, files[i].len, opts, &rc, diags);
    }
    /* 2. Each previous file kept under a backup name, then replaced. */
    for (i = 0; i < n && rc == 0; i++) {
        if (s[i].t.exists && back_up(&s[i], opts) != 0) {
            rc = io_error(diags, files[i].path, "cannot replace", errno);
            break;
        }
        if (rename(s[i].tmp, s[i].t.real) != 0) {
            rc = io_error(diags, files[i].path, "cannot replace", errno);
            break;
        }
        s[i].placed = true;
        tell(opts, s[i].tmp, false);
        free(s[i].tmp);
        s[i].tmp = NULL;
    }
    /* 3. On failure, the previous files back in place (a new name removed). */
    for (size_t k = n; rc && k-- > 0;) {
        if (s[k].placed && !s[k].backup)
            unlink(s[k].t.real);
        if (s[k].backup && (s[k].placed || s[k].moved) && rename(s[k].backup, s[k].t.real) != 0) {
            s[k].keep = true;
            pn_diags_add(diags, PN_SEVERITY_ERROR, files[k].path, 0, 0, NULL, "io",
                         "cannot restore the previous file (%s): it is kept as %s", strerror(errno),
                         s[k].backup);
        }
    }
    /* 4. What is left over goes: temporary files, and the backups (on
     * failure, a hard link of an unreplaced file is just a second name). */
    for (size_t k = 0; k < n; k++) {
        if (s[k].tmp) {
            unlink(s[k].tmp);
            tell(opts, s[k].tmp, false);
        }
        if (s[k].backup) {
            if (!s[k].keep)
                unlink(s[k].backup); /* ENOENT when it was renamed back */
            if (!s[k].moved)
                tell(opts, s[k].backup, false);
        }
        free(s[k].tmp);
        free(s[k].backup);
        free(s[k].t.real);
    }
    if (rc == PN_ENOMEM)
        pn_diags_add(diags, PN_SEVERITY_ERROR, n ? files[0].path : NULL, 0, 0, NULL, "nomem",
                     "out of memory while writing");
    free(s);
    return rc;
}
