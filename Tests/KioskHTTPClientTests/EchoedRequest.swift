/// What the fixture's `/echo` path saw of our request.
struct EchoedRequest: Decodable {
    let method: String
    let path: String
    let query: String
    /// Query parameters as the server decoded them (UTF-8).
    let args: [String: [String]]
    /// `[name, value]` pairs in arrival order.
    let headers: [[String]]
    let body: String
    let bodyHex: String
    /// The client's TCP port: equal across requests when the connection was reused.
    let clientPort: Int

    enum CodingKeys: String, CodingKey {
        case method, path, query, args, headers, body
        case bodyHex = "body_hex"
        case clientPort = "client_port"
    }

    /// The first value of a header, matched ignoring case.
    func header(_ name: String) -> String? {
        headers.first { $0.first?.lowercased() == name.lowercased() }?.last
    }
}
