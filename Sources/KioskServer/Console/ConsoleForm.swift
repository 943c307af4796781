import Foundation
import Hummingbird

/// An HTML form's fields (`application/x-www-form-urlencoded`), read with limits: the console's
/// forms are a handful of short fields.
struct ConsoleForm: Sendable {
    static let maxBytes = 8 * 1024
    private let fields: [String: String]

    init(fields: [String: String]) { self.fields = fields }

    subscript(name: String) -> String? { fields[name] }

    /// A field's value, trimmed; nil when absent or empty.
    func text(_ name: String, maxLength: Int) throws -> String? {
        guard let value = fields[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        guard value.count <= maxLength else {
            throw APIError.badRequest("invalid_field", "字段过长 Field \"\(name)\" is longer than \(maxLength) characters")
        }
        return value
    }

    static func read(_ request: inout Request) async throws -> ConsoleForm {
        let text = try await request.bodyText(upTo: maxBytes)
        if text.isEmpty { return ConsoleForm(fields: [:]) }
        if let type = request.headers[.contentType], !type.lowercased().hasPrefix("application/x-www-form-urlencoded") {
            throw APIError(.unsupportedMediaType, "unsupported_media_type", "请求体必须是表单 Body must be application/x-www-form-urlencoded")
        }
        return try parse(text)
    }

    /// `a=1&b=x+y%21`: `+` is a space, `%XX` a byte of UTF-8. A field given twice is refused
    /// (which copy would count is exactly what a forged request plays with).
    static func parse(_ text: String) throws -> ConsoleForm {
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = decode(parts[0]), let value = decode(parts.count > 1 ? parts[1] : "") else {
                throw APIError.badRequest("invalid_form", "表单编码错误 The form is not valid UTF-8 / percent-encoding")
            }
            guard fields[name] == nil else { throw APIError.badRequest("invalid_form", "字段重复 Field \"\(name.prefix(20))\" given twice") }
            fields[name] = value
        }
        return ConsoleForm(fields: fields)
    }

    private static func decode(_ part: Substring) -> String? {
        String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
