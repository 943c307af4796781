import Foundation

extension HTTPRequest {
    /// A request whose body is `value` encoded as JSON (UTF-8), with `Content-Type` and
    /// `Accept` set to `application/json`.
    ///
    /// - Parameters:
    ///   - connectTimeout: seconds.
    ///   - timeout: seconds for the whole exchange.
    /// - Throws: the encoder's `EncodingError`.
    public static func json<Body: Encodable>(
        _ method: HTTPMethod = .post,
        url: String,
        body value: Body,
        headers: HTTPHeaders = [:],
        encoder: JSONEncoder = JSONEncoder(),
        connectTimeout: Double = 5,
        timeout: Double = 30
    ) throws -> HTTPRequest {
        var headers = headers
        headers.set(name: "Content-Type", value: "application/json; charset=utf-8")
        if !headers.contains("Accept") {
            headers.add(name: "Accept", value: "application/json")
        }
        return HTTPRequest(
            method: method, url: url, headers: headers, body: try encoder.encode(value),
            connectTimeout: connectTimeout, timeout: timeout
        )
    }
}
