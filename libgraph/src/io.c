/* Reading whole files, and writing them atomically. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "paranet/io.h"
#include "util.h"

int pn_read_file(const char *path, size_t max_bytes, char **out, size_t *len, pn_diags *diags)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        pn_diags_add(diags, PN_SEVERITY_ERROR, path, 0, 0, NULL, "io", "cannot open: %s",
                     strerror(errno));
        return PN_EIO;
    }
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        close(fd);
        pn_diags_add(diags, PN_SEVERITY_ERROR, path, 0, 0, NULL, "io",
                     "is a directory, not a file");
        return PN_EIO;
    }
    int rc = 0;
    /* A regular file's size + 2: the read that finds the end needs room. */
    size_t cap = S_ISREG(st.st_mode) && st.st_size > 0 && (size_t)st.st_size <= max_bytes
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
            size_t ncap = cap * 2;
            char *p = realloc(data, ncap);
            if (!p) {
                rc = PN_ENOMEM;
                goto cleanup;
            }
            data = p;
            cap = ncap;
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
cleanup:
    if (rc == PN_ENOMEM)
        pn_diags_add(diags, PN_SEVERITY_ERROR, path, 0, 0, NULL, "nomem",
                     "out of memory while reading");
    free(data);
    close(fd);
    return rc;
}

int pn_write_file_atomic(const char *path, const void *data, size_t len, pn_diags *diags)
{
    size_t plen = strlen(path);
    char *tmp = malloc(plen + 16);
    if (!tmp)
        return PN_ENOMEM;
    snprintf(tmp, plen + 16, "%s.tmpXXXXXX", path);
    int rc = 0;
    int fd = mkstemp(tmp);
    if (fd < 0) {
        pn_diags_add(diags, PN_SEVERITY_ERROR, path, 0, 0, NULL, "io", "cannot write: %s",
                     strerror(errno));
        free(tmp);
        return PN_EIO;
    }
    /* mkstemp makes 0600: keep the mode of the file replaced, else 0644
     * (umask() would read and write process-wide state). */
    struct stat st;
    fchmod(fd, stat(path, &st) == 0 ? (st.st_mode & 07777) : 0644);
    const char *p = data;
    size_t left = len;
    while (left > 0) {
        ssize_t w = write(fd, p, left);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            rc = PN_EIO;
            break;
        }
        p += w;
        left -= (size_t)w;
    }
    if (rc == 0 && fsync(fd) != 0 && errno != EINVAL)
        rc = PN_EIO;
    int saved = errno;
    if (close(fd) != 0 && rc == 0) {
        rc = PN_EIO;
        saved = errno;
    }
    if (rc == 0 && rename(tmp, path) != 0) {
        rc = PN_EIO;
        saved = errno;
    }
    if (rc) {
        unlink(tmp);
        pn_diags_add(diags, PN_SEVERITY_ERROR, path, 0, 0, NULL, "io", "cannot write: %s",
                     strerror(saved));
    }
    free(tmp);
    return rc;
}
