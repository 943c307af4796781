/// Percent-encoding of query parameters as UTF-8 (RFC 3986).
///
/// Kannel's `sendsms` takes the message text in the query string, so Chinese text must arrive
/// as UTF-8 percent-escapes (`请` → `%E8%AF%B7`). Only unreserved characters stay literal; a
/// space becomes `%20`, never `+`, which some servers would keep as a plus sign.
public enum URLQuery {
    /// `text` with every byte outside `A-Z a-z 0-9 - . _ ~` written as `%XX` of its UTF-8.
    public static func percentEncode(_ text: String) -> String {
        var encoded: [UInt8] = []
        encoded.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if isUnreserved(byte) {
                encoded.append(byte)
            } else {
                encoded.append(UInt8(ascii: "%"))
                encoded.append(hexDigits[Int(byte >> 4)])
                encoded.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: encoded, as: UTF8.self)
    }

    /// `name=value` pairs, each side percent-encoded, joined with `&`, in the given order.
    public static func encode(_ parameters: [(String, String)]) -> String {
        parameters
            .map { "\(percentEncode($0.0))=\(percentEncode($0.1))" }
            .joined(separator: "&")
    }

    /// `url` with `parameters` added to its query, before any `#fragment`.
    public static func appending(_ parameters: [(String, String)], to url: String) -> String {
        guard !parameters.isEmpty else { return url }
        var base = Substring(url)
        var fragment = Substring()
        if let hash = base.firstIndex(of: "#") {
            fragment = base[hash...]
            base = base[..<hash]
        }
        let separator: String
        if !base.contains("?") {
            separator = "?"
        } else if base.hasSuffix("?") || base.hasSuffix("&") {
            separator = ""
        } else {
            separator = "&"
        }
        return base + separator + encode(parameters) + fragment
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }
}
