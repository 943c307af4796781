#include "CCurlShim.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

// libcurl is opened on first use instead of linked: Debian's libcurl needs some thirty libraries
// (LDAP, Kerberos, GnuTLS, libssh2, libpsl, libidn2, nghttp2, brotli, zstd …) and every
// one mapped costs resident pages, while a daemon that sends no SMS never makes a request
// (issue 17, goal 3). libcurl's ABI has kept the soname libcurl.so.4 since 2006.
static const char *const libcurl_soname = "libcurl.so.4";

typedef CURLcode (*setopt_function)(CURL *, CURLoption, ...);
typedef CURLcode (*getinfo_function)(CURL *, CURLINFO, ...);

static struct {
    CURLcode (*global_init)(long flags);
    CURL *(*easy_init)(void);
    void (*easy_cleanup)(CURL *handle);
    void (*easy_reset)(CURL *handle);
    CURLcode (*easy_perform)(CURL *handle);
    const char *(*easy_strerror)(CURLcode code);
    setopt_function easy_setopt;
    getinfo_function easy_getinfo;
    struct curl_slist *(*slist_append)(struct curl_slist *list, const char *string);
    void (*slist_free_all)(struct curl_slist *list);
} curl;

static pthread_once_t curl_once = PTHREAD_ONCE_INIT;
static int curl_loaded;
static char curl_load_error[512];

#define RESOLVE(field, name)                                                   \
    if (!(*(void **)&curl.field = dlsym(library, name))) {                     \
        snprintf(curl_load_error, sizeof curl_load_error, "%s: no %s", libcurl_soname, name); \
        return;                                                                \
    }

static void load_curl(void) {
    void *library = dlopen(libcurl_soname, RTLD_NOW | RTLD_LOCAL);
    if (!library) {
        const char *reason = dlerror();
        snprintf(curl_load_error, sizeof curl_load_error, "cannot load libcurl: %s", reason ? reason : libcurl_soname);
        return;
    }
    RESOLVE(global_init, "curl_global_init")
    RESOLVE(easy_init, "curl_easy_init")
    RESOLVE(easy_cleanup, "curl_easy_cleanup")
    RESOLVE(easy_reset, "curl_easy_reset")
    RESOLVE(easy_perform, "curl_easy_perform")
    RESOLVE(easy_strerror, "curl_easy_strerror")
    RESOLVE(easy_setopt, "curl_easy_setopt")
    RESOLVE(easy_getinfo, "curl_easy_getinfo")
    RESOLVE(slist_append, "curl_slist_append")
    RESOLVE(slist_free_all, "curl_slist_free_all")
    curl_loaded = 1;
}

/// Opens libcurl once (thread-safe); false if it could not be opened.
static int have_curl(void) {
    pthread_once(&curl_once, load_curl);
    return curl_loaded;
}

long kiosk_curl_global_default_flags(void) { return CURL_GLOBAL_DEFAULT; }

const char *kiosk_curl_load_error(void) { return have_curl() ? NULL : curl_load_error; }

CURLcode kiosk_curl_global_init(long flags) {
    return have_curl() ? curl.global_init(flags) : CURLE_FAILED_INIT;
}

CURL *kiosk_curl_easy_init(void) { return have_curl() ? curl.easy_init() : NULL; }

void kiosk_curl_easy_cleanup(CURL *handle) {
    if (have_curl()) curl.easy_cleanup(handle);
}

void kiosk_curl_easy_reset(CURL *handle) {
    if (have_curl()) curl.easy_reset(handle);
}

CURLcode kiosk_curl_easy_perform(CURL *handle) {
    return have_curl() ? curl.easy_perform(handle) : CURLE_FAILED_INIT;
}

const char *kiosk_curl_easy_strerror(CURLcode code) {
    return have_curl() ? curl.easy_strerror(code) : curl_load_error;
}

struct curl_slist *kiosk_curl_slist_append(struct curl_slist *list, const char *string) {
    return have_curl() ? curl.slist_append(list, string) : NULL;
}

void kiosk_curl_slist_free_all(struct curl_slist *list) {
    if (have_curl()) curl.slist_free_all(list);
}

// The typed forwards of the variadic functions. Each runs after kiosk_curl_easy_init gave a
// handle, so libcurl is open.

CURLcode kiosk_curl_easy_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl.easy_setopt(handle, option, value);
}

CURLcode kiosk_curl_easy_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl.easy_setopt(handle, option, value);
}

CURLcode kiosk_curl_easy_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl.easy_setopt(handle, option, value);
}

CURLcode kiosk_curl_easy_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value) {
    return curl.easy_setopt(handle, option, value);
}

CURLcode kiosk_curl_easy_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl.easy_setopt(handle, option, value);
}

CURLcode kiosk_curl_easy_setopt_write_callback(CURL *handle, CURLoption option, curl_write_callback value) {
    return curl.easy_setopt(handle, option, value);
}

CURLcode kiosk_curl_easy_setopt_xferinfo_callback(CURL *handle, CURLoption option, curl_xferinfo_callback value) {
    return curl.easy_setopt(handle, option, value);
}

CURLcode kiosk_curl_easy_setopt_prereq_callback(CURL *handle, CURLoption option, curl_prereq_callback value) {
    return curl.easy_setopt(handle, option, value);
}

CURLcode kiosk_curl_easy_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl.easy_getinfo(handle, info, value);
}

CURLcode kiosk_curl_easy_getinfo_string(CURL *handle, CURLINFO info, char **value) {
    return curl.easy_getinfo(handle, info, value);
}

CURLcode kiosk_curl_easy_getinfo_double(CURL *handle, CURLINFO info, double *value) {
    return curl.easy_getinfo(handle, info, value);
}

CURLcode kiosk_curl_easy_getinfo_off_t(CURL *handle, CURLINFO info, curl_off_t *value) {
    return curl.easy_getinfo(handle, info, value);
}
