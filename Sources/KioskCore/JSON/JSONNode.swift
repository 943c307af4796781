/// A parsed JSON value that remembers where each part of it was written, so that a config
/// problem can be reported as `file:line: message` at the value that caused it.
public struct JSONNode: Sendable {
    public indirect enum Kind: Sendable {
        case null
        case bool(Bool)
        case number(Double)
        case string(String)
        case array([JSONNode])
        /// Members in file order; each key keeps its own location.
        case object([(key: String, keyLocation: SourceLocation, value: JSONNode)])
    }

    public var kind: Kind
    public var location: SourceLocation

    /// The plain value, locations dropped.
    public var value: JSONValue {
        switch kind {
        case .null: return .null
        case let .bool(b): return .bool(b)
        case let .number(n): return .number(n)
        case let .string(s): return .string(s)
        case let .array(items): return .array(items.map(\.value))
        case let .object(members): return .object(members.map { (key: $0.key, value: $0.value.value) })
        }
    }

    /// A short name of the kind, for "expected a string but found an array".
    public var kindName: String {
        switch kind {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}
