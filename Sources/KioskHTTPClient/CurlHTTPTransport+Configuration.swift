extension CurlHTTPTransport {
    /// Settings fixed for the transport's lifetime. Per-request limits live on ``HTTPRequest``.
    public struct Configuration: Sendable, Hashable {
        /// Requests in flight at once; also the number of worker threads and easy handles.
        public var maximumConcurrentRequests: Int
        /// Hosts reached directly even when `http_proxy` is set in the environment
        /// (`CURLOPT_NOPROXY` syntax; `"*"` disables proxies entirely).
        public var noProxy: String
        public var userAgent: String
        /// Longest response body accepted, in bytes; a longer one fails as `responseTooLarge`.
        public var maximumResponseBytes: Int

        public init(
            maximumConcurrentRequests: Int = 4,
            noProxy: String = "localhost,127.0.0.1,::1",
            userAgent: String = "kiosk",
            maximumResponseBytes: Int = 8 << 20
        ) {
            self.maximumConcurrentRequests = maximumConcurrentRequests
            self.noProxy = noProxy
            self.userAgent = userAgent
            self.maximumResponseBytes = maximumResponseBytes
        }
    }
}
