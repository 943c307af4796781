#pragma once
// Typed wrappers for libcurl's variadic functions, which Swift cannot call. One wrapper per
// argument type the transport needs; each is a plain forward, nothing more.
#include <curl/curl.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The flags libcurl's `CURL_GLOBAL_DEFAULT` macro stands for (Swift cannot import it).
long kiosk_curl_global_default_flags(void);

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
