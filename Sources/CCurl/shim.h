// The whole of libcurl's public API, for Swift. Its variadic functions are unavailable to
// Swift; the typed wrappers for them live in the CCurlShim target.
#include <curl/curl.h>
