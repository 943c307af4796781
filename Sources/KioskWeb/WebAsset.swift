/// A static file the daemon serves at `/static/NAME` (a page's stylesheet, its script).
public struct WebAsset: Sendable, Equatable {
    public var name: String
    public var contentType: String
    public var body: String
    /// A hash of the content: the page links `path`, so a changed file is a new address (fetched
    /// anew) and an unchanged one may be cached for good.
    public var version: String

    public init(name: String, body: String) {
        self.name = name
        self.body = body
        self.contentType = Self.contentType(of: name)
        self.version = Self.fnv1a(body)
    }

    /// Where a page links it: `/static/ticket.js?v=…`.
    public var path: String { "/static/\(name)?v=\(version)" }

    static func contentType(of name: String) -> String {
        if name.hasSuffix(".css") { return "text/css; charset=utf-8" }
        if name.hasSuffix(".js") { return "text/javascript; charset=utf-8" }
        if name.hasSuffix(".svg") { return "image/svg+xml" }
        return "text/plain; charset=utf-8"
    }

    /// FNV-1a, 64 bits, in hex: a cache key, not a security measure.
    static func fnv1a(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// The static files shipped in the binary (`web/static`, embedded by `scripts/embed-web.py`).
public enum WebAssets {
    public static let all: [String: WebAsset] = Dictionary(
        uniqueKeysWithValues: EmbeddedWeb.assets.map { ($0.key, WebAsset(name: $0.key, body: $0.value)) }
    )

    public static func named(_ name: String) -> WebAsset? { all[name] }

    /// The stylesheet every page links.
    public static var stylesheet: WebAsset { all["kiosk.css"]! }
}
