/// The `Content-Security-Policy` every page of the daemon is served with.
///
/// Strict on purpose: scripts, styles and connections only from the daemon itself, nothing
/// inline (no `'unsafe-inline'`, no `eval`), no plugins, no framing, forms post only back to the
/// daemon. A page that needs more says so by building its own policy from `strict`, in code a
/// reviewer sees.
public struct ContentSecurityPolicy: Sendable, Equatable {
    /// Directive name and its sources, in the order they are sent.
    public var directives: [(name: String, sources: [String])]

    public init(_ directives: [(name: String, sources: [String])]) {
        self.directives = directives
    }

    /// The policy of every page unless it says otherwise.
    public static let strict = ContentSecurityPolicy([
        ("default-src", ["'none'"]),
        ("script-src", ["'self'"]),
        ("style-src", ["'self'"]),
        ("img-src", ["'self'", "data:"]),
        // EventSource and fetch back to the daemon only.
        ("connect-src", ["'self'"]),
        ("form-action", ["'self'"]),
        ("base-uri", ["'none'"]),
        ("frame-ancestors", ["'none'"]),
        ("object-src", ["'none'"]),
    ])

    /// The header's value: `default-src 'none'; script-src 'self'; …`.
    public var headerValue: String {
        directives.map { ([$0.name] + $0.sources).joined(separator: " ") }.joined(separator: "; ")
    }

    /// The sources of directive `name` (nil when the policy does not set it).
    public func sources(of name: String) -> [String]? {
        directives.first { $0.name == name }?.sources
    }

    public static func == (a: Self, b: Self) -> Bool { a.headerValue == b.headerValue }
}

/// The headers every HTML page carries besides its policy.
public enum WebSecurityHeaders {
    /// Name and value, for the server's middleware to set on every `text/html` answer.
    public static func all(policy: ContentSecurityPolicy = .strict) -> [(name: String, value: String)] {
        [
            ("Content-Security-Policy", policy.headerValue),
            ("X-Content-Type-Options", "nosniff"),
            // A ticket page's address carries its key: never hand it to another site.
            ("Referrer-Policy", "no-referrer"),
            ("X-Frame-Options", "DENY"),
            ("Cross-Origin-Opener-Policy", "same-origin"),
        ]
    }
}
