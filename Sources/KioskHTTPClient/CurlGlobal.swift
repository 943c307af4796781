import CCurl
import CCurlShim

/// libcurl's process-wide initialisation, done once, with the first request.
///
/// `curl_global_init` must run before any other libcurl call and must not race with one;
/// a `static let` gives exactly-once, thread-safe lazy initialisation. libcurl itself is
/// opened here (CCurlShim), so a process that never sends a request never maps it.
enum CurlGlobal {
    /// The result of the one `curl_global_init(CURL_GLOBAL_DEFAULT)` call.
    static let initialization: CURLcode = kiosk_curl_global_init(kiosk_curl_global_default_flags())

    /// Runs the initialisation if nobody has; returns an error if it failed.
    static func ensureInitialized() -> HTTPTransportError? {
        let code = initialization
        guard code != CURLE_OK else { return nil }
        return .other(code: Int(code.rawValue), message: "curl_global_init failed: \(String(cString: kiosk_curl_easy_strerror(code)))")
    }
}
