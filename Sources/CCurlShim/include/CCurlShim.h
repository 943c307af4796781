#pragma once
// libcurl for Swift, opened on first use (see CCurlShim.c): the functions the transport calls,
// and typed wrappers for libcurl's variadic functions, which Swift cannot call. Each is a plain
// forward to libcurl, nothing more.
#include <curl/curl.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The flags libcurl's `CURL_GLOBAL_DEFAULT` macro stands for (Swift cannot import it).
long kiosk_curl_global_default_flags(void);

/// Why libcurl could not be opened, or NULL once it is open (opens it if nobody has).
const char *kiosk_curl_load_error(void);

/// `curl_global_init`; `CURLE_FAILED_INIT` when libcurl cannot be opened.
CURLcode kiosk_curl_global_init(long flags);
/// `curl_easy_init`; NULL when libcurl cannot be opened.
CURL *kiosk_curl_easy_init(void);
void kiosk_curl_easy_cleanup(CURL *handle);
void kiosk_curl_easy_reset(CURL *handle);
CURLcode kiosk_curl_easy_perform(CURL *handle);
/// `curl_easy_strerror`; why libcurl could not be opened, when it could not.
const char *kiosk_curl_easy_strerror(CURLcode code);
struct curl_slist *kiosk_curl_slist_append(struct curl_slist *list, const char *string);
void kiosk_curl_slist_free_all(struct curl_slist *list);

CURLcode kiosk_curl_easy_setopt_long(CURL *handle, CURLoption option, long value);
CURLcode kiosk_curl_easy_setopt_string(CURL *handle, CURLoption option, const char *value);
CURLcode kiosk_curl_easy_setopt_pointer(CURL *handle, CURLoption option, void *value);
CURLcode kiosk_curl_easy_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value);
CURLcode kiosk_curl_easy_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value);
/// For `CURLOPT_WRITEFUNCTION` and `CURLOPT_HEADERFUNCTION` (same signature).
CURLcode kiosk_curl_easy_setopt_write_callback(CURL *handle, CURLoption option, curl_write_callback value);
/// For `CURLOPT_XFERINFOFUNCTION`: returning non-zero aborts the transfer (used for cancellation).
CURLcode kiosk_curl_easy_setopt_xferinfo_callback(CURL *handle, CURLoption option, curl_xferinfo_callback value);

/// For `CURLOPT_PREREQFUNCTION`: called once the connection is up, just before the request
/// goes out — how we tell a timeout before sending from one after.
CURLcode kiosk_curl_easy_setopt_prereq_callback(CURL *handle, CURLoption option, curl_prereq_callback value);

CURLcode kiosk_curl_easy_getinfo_long(CURL *handle, CURLINFO info, long *value);
CURLcode kiosk_curl_easy_getinfo_string(CURL *handle, CURLINFO info, char **value);
CURLcode kiosk_curl_easy_getinfo_double(CURL *handle, CURLINFO info, double *value);
CURLcode kiosk_curl_easy_getinfo_off_t(CURL *handle, CURLINFO info, curl_off_t *value);

#ifdef __cplusplus
}
#endif
