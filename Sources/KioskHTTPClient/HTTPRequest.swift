import Foundation

/// One HTTP request: where, how, what, and how long to wait for it.
public struct HTTPRequest: Sendable, Hashable {
    public var method: HTTPMethod
    /// An absolute `http://` or `https://` URL, query already percent-encoded
    /// (see ``URLQuery``).
    public var url: String
    public var headers: HTTPHeaders
    /// Bytes sent as the request body; nil sends none (a POST without one sends an empty body).
    public var body: Data?
    /// Longest wait for the TCP (and TLS) connection to be established, in seconds.
    public var connectTimeout: Double
    /// Longest wait for the whole exchange, in seconds, counted from the call to `send`.
    /// Time spent queued for a free worker counts too; a request whose budget ran out in the
    /// queue fails with `timeout(requestMayHaveBeenSent: false)` when a worker takes it up.
    public var timeout: Double

    /// - Parameters:
    ///   - query: name/value pairs percent-encoded as UTF-8 and appended to `url`.
    ///   - connectTimeout: seconds; default 5.
    ///   - timeout: seconds for the whole exchange; default 30.
    public init(
        method: HTTPMethod = .get,
        url: String,
        query: [(String, String)] = [],
        headers: HTTPHeaders = [:],
        body: Data? = nil,
        connectTimeout: Double = 5,
        timeout: Double = 30
    ) {
        self.method = method
        self.url = query.isEmpty ? url : URLQuery.appending(query, to: url)
        self.headers = headers
        self.body = body
        self.connectTimeout = connectTimeout
        self.timeout = timeout
    }
}
