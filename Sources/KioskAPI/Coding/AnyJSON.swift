import KioskCore

/// A `JSONValue` that can pass through `Codable`: the event lines carry the trace format's
/// open set of fields, which no fixed struct describes.
struct AnyJSON: Codable, Sendable, Equatable {
    var value: JSONValue

    init(_ value: JSONValue) {
        self.value = value
    }

    init(from decoder: any Decoder) throws {
        let single = try decoder.singleValueContainer()
        if single.decodeNil() {
            value = .null
        } else if let bool = try? single.decode(Bool.self) {
            value = .bool(bool)
        } else if let number = try? single.decode(Double.self) {
            value = .number(number)
        } else if let string = try? single.decode(String.self) {
            value = .string(string)
        } else if let items = try? single.decode([AnyJSON].self) {
            value = .array(items.map(\.value))
        } else {
            let members = try single.decode([String: AnyJSON].self)
            // JSON objects are unordered; sorting gives one stable order for equal values.
            value = .object(members.sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value.value) })
        }
    }

    /// `value` with every object's members in key order (JSON objects are unordered).
    static func normalized(_ value: JSONValue) -> JSONValue {
        switch value {
        case let .array(items): return .array(items.map(normalized))
        case let .object(members): return .object(members.sorted { $0.key < $1.key }.map { (key: $0.key, value: normalized($0.value)) })
        default: return value
        }
    }

    func encode(to encoder: any Encoder) throws {
        switch value {
        case .null:
            var single = encoder.singleValueContainer()
            try single.encodeNil()
        case let .bool(bool):
            var single = encoder.singleValueContainer()
            try single.encode(bool)
        case let .number(number):
            var single = encoder.singleValueContainer()
            // Whole numbers as integers, as KioskCore's serializer writes them.
            if number.rounded() == number, abs(number) < 9e15 { try single.encode(Int64(number)) } else { try single.encode(number) }
        case let .string(string):
            var single = encoder.singleValueContainer()
            try single.encode(string)
        case let .array(items):
            var list = encoder.unkeyedContainer()
            for item in items { try list.encode(AnyJSON(item)) }
        case let .object(members):
            var object = encoder.container(keyedBy: MemberKey.self)
            for member in members { try object.encode(AnyJSON(member.value), forKey: MemberKey(member.key)) }
        }
    }
}

/// A JSON object member's name as a coding key.
struct MemberKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
