import Hummingbird
import KioskCore

/// A request's JSON object, read strictly: unknown fields, wrong types and missing fields are
/// each a 400 with its own code, before anything is applied.
struct JSONBody {
    /// Bodies are small commands; anything larger is refused unread.
    static let maxBytes = 16 * 1024

    private let members: [String: JSONValue]

    /// Reads the body of `request`; an empty body counts as `{}` (for commands without fields).
    static func read(_ request: inout Request, allowed: Set<String>) async throws -> JSONBody {
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: maxBytes)
        } catch {
            throw APIError(.contentTooLarge, "body_too_large", "请求体超过 \(maxBytes) 字节 Body larger than \(maxBytes) bytes")
        }
        let text = String(buffer: buffer)
        if text.allSatisfy(\.isWhitespace) { return JSONBody(members: [:]) }
        if let type = request.headers[.contentType], !type.lowercased().hasPrefix("application/json") {
            throw APIError(.unsupportedMediaType, "unsupported_media_type", "请求体必须是 JSON Body must be application/json")
        }
        let node: JSONNode
        do {
            node = try JSONParser.parse(text)
        } catch {
            throw APIError.badRequest("invalid_json", "JSON 格式错误 Invalid JSON at \(error.location): \(error.message)")
        }
        guard case let .object(list) = node.value else {
            throw APIError.badRequest("invalid_body", "请求体必须是 JSON 对象 The body must be a JSON object")
        }
        var members: [String: JSONValue] = [:]
        for (key, value) in list {
            guard allowed.contains(key) else {
                throw APIError.badRequest("unknown_field", "未知字段 Unknown field \"\(key)\" (allowed: \(allowed.sorted().joined(separator: ", ")))")
            }
            members[key] = value
        }
        return JSONBody(members: members)
    }

    private init(members: [String: JSONValue]) {
        self.members = members
    }

    func string(_ key: String, required: Bool = false, maxLength: Int = 64) throws -> String? {
        guard let value = members[key], value != .null else {
            if required { throw APIError.badRequest("missing_field", "缺少字段 Missing field \"\(key)\"") }
            return nil
        }
        guard let s = value.stringValue else { throw wrongType(key, "a string") }
        guard s.count <= maxLength else { throw APIError.badRequest("invalid_field", "字段过长 \"\(key)\" is longer than \(maxLength) characters") }
        return s
    }

    func bool(_ key: String) throws -> Bool? {
        guard let value = members[key], value != .null else { return nil }
        guard let b = value.boolValue else { throw wrongType(key, "true or false") }
        return b
    }

    private func wrongType(_ key: String, _ expected: String) -> APIError {
        APIError.badRequest("invalid_field", "字段类型错误 \"\(key)\" must be \(expected)")
    }
}
