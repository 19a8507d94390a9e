/* paranet: macros shared by the public headers. */
#ifndef PARANET_COMMON_H
#define PARANET_COMMON_H

#if defined(_WIN32) && defined(PN_BUILDING)
#define PN_EXTERN __declspec(dllexport)
#elif defined(__GNUC__)
#define PN_EXTERN __attribute__((visibility("default")))
#else
#define PN_EXTERN
#endif

#if defined(__GNUC__)
#define PN_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#else
#define PN_PRINTF(fmt, args)
#endif

#define PN_VERSION_MAJOR 0
#define PN_VERSION_MINOR 1
#define PN_VERSION_PATCH 0
#define PN_VERSION       "0.1.0"

/** The dataset format version this library reads and writes. */
#define PN_FORMAT_VERSION 1

#endif
