/// Where the daemon listens, from a base URL such as `http://127.0.0.1:8080`. Only plain
/// `http` is accepted (hall screens sit on the hall's own network).
public struct ServerAddress: Sendable, Hashable, CustomStringConvertible {
    public var host: String
    public var port: Int
    /// Path prefix without a trailing slash ("" for the root).
    public var basePath: String

    public init(host: String, port: Int, basePath: String = "") {
        self.host = host
        self.port = port
        self.basePath = basePath
    }

    /// Parses `http://host[:port][/prefix]`; nil for anything else.
    public init?(url: String) {
        guard url.lowercased().hasPrefix("http://") else { return nil }
        let rest = url.dropFirst("http://".count)
        let authority = rest.prefix { $0 != "/" }
        var path = String(rest.dropFirst(authority.count))
        while path.hasSuffix("/") { path.removeLast() }
        var host = Substring(authority), port = 80
        if authority.hasPrefix("[") {   // [::1]:8080
            guard let close = authority.firstIndex(of: "]") else { return nil }
            host = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if after.hasPrefix(":") { guard let p = Int(after.dropFirst()) else { return nil }; port = p }
        } else if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            guard let p = Int(authority[authority.index(after: colon)...]) else { return nil }
            port = p
        }
        guard !host.isEmpty, (1...65_535).contains(port) else { return nil }
        self.init(host: String(host), port: port, basePath: path)
    }

    /// The base URL, for the libcurl transport.
    public var description: String {
        let h = host.contains(":") ? "[\(host)]" : host
        return "http://\(h):\(port)\(basePath)"
    }
}
