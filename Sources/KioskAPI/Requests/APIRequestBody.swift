/// A JSON body a client sends and the daemon reads: the daemon refuses any other field
/// (`unknown_field`), so the field names come from the type, never from a hand-written list.
public protocol APIRequestBody: Codable, Sendable, Equatable {
    /// Every field the body may carry.
    static var fields: Set<String> { get }
}

extension APIRequestBody where Self: CaseIterableKeys {
    public static var fields: Set<String> { Set(Keys.allCases.map(\.stringValue)) }
}

/// A type whose coding keys can be listed (so `fields` follows them).
public protocol CaseIterableKeys {
    associatedtype Keys: CodingKey & CaseIterable
}

/// The empty body of a command without fields (`call`, `finish`, `cancel`, …).
public struct EmptyRequest: APIRequestBody {
    public static let fields: Set<String> = []
    public init() {}
}
