import Hummingbird
import KioskAPI
import KioskCore

/// A request's JSON object, read strictly: unknown fields, wrong types and missing fields are
/// each a 400 with its own code, before anything is applied.
struct JSONBody {
    /// Bodies are small commands; anything larger is refused unread.
    static let maxBytes = 16 * 1024

    private let members: [String: JSONValue]

    /// Reads the body of `request`; an empty body counts as `{}` (for commands without fields).
    static func read(_ request: inout Request, allowed: Set<String>) async throws -> JSONBody {
        let text = try await request.bodyText(upTo: maxBytes)
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

    /// Reads the body of `request` as `Body`: only `Body`'s fields are allowed.
    static func read<Body: APIRequestBody>(_ type: Body.Type, from request: inout Request) async throws -> Body {
        try await read(&request, allowed: Body.fields).decode(type)
    }

    /// The members as `Body`; `null` counts as absent. A wrong type is `invalid_field`, a
    /// missing required field `missing_field`, each naming the field.
    func decode<Body: Decodable>(_ type: Body.Type) throws -> Body {
        let object = JSONValue.object(members.sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value) })
        do {
            return try APICoding.decode(type, from: object)
        } catch let Swift.DecodingError.keyNotFound(key, _) {
            throw missing(key.stringValue)
        } catch let Swift.DecodingError.valueNotFound(_, context) {
            throw missing(context.codingPath.last?.stringValue ?? "?")
        } catch let Swift.DecodingError.typeMismatch(expected, context) {
            throw wrongType(context.codingPath.last?.stringValue ?? "?", expected == Bool.self ? "true or false" : expected == String.self ? "a string" : "\(expected)")
        } catch {
            throw APIError.badRequest("invalid_field", "字段错误 Invalid body: \(error)")
        }
    }

    /// `value` if it is at most `maxLength` characters.
    static func limit(_ value: String?, _ key: String, maxLength: Int) throws {
        guard let value, value.count > maxLength else { return }
        throw APIError.badRequest("invalid_field", "字段过长 \"\(key)\" is longer than \(maxLength) characters")
    }

    private func missing(_ key: String) -> APIError {
        APIError.badRequest("missing_field", "缺少字段 Missing field \"\(key)\"")
    }

    private func wrongType(_ key: String, _ expected: String) -> APIError {
        APIError.badRequest("invalid_field", "字段类型错误 \"\(key)\" must be \(expected)")
    }
}
