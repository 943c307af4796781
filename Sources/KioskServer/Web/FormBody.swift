import Foundation
import Hummingbird

/// A small HTML form's body (`application/x-www-form-urlencoded`), at most 4 KiB.
enum FormBody {
    static let maxBytes = 4096

    /// The form's fields; 413 beyond `maxBytes`.
    static func read(_ request: Request) async throws -> [String: String] {
        var request = request
        return parse(try await request.bodyText(upTo: maxBytes, tooLarge: "表单过大 The form is larger than \(maxBytes) bytes"))
    }

    /// `a=1&b=x+y%21` → `["a": "1", "b": "x y!"]` (the first of repeated names wins).
    static func parse(_ text: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String? { s.replacingOccurrences(of: "+", with: " ").removingPercentEncoding }
            guard let name = parts.first.flatMap(decode), !name.isEmpty else { continue }
            let value = parts.count > 1 ? decode(parts[1]) ?? "" : ""
            if fields[name] == nil { fields[name] = value }
        }
        return fields
    }
}
