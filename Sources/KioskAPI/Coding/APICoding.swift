import Foundation
import KioskCore

/// The one JSON encoding of the API, used by the daemon to write answers and by every client
/// to write requests: keys sorted (stable bytes for the same value), slashes unescaped.
public enum APICoding {
    public static func encode(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    /// `value` as JSON text (for logs, the event stream and tests).
    public static func string(_ value: some Encodable) throws -> String {
        String(decoding: try encode(value), as: UTF8.self)
    }

    public static func decode<Value: Decodable>(_ type: Value.Type, from data: Data) throws -> Value {
        try JSONDecoder().decode(type, from: data)
    }

    public static func decode<Value: Decodable>(_ type: Value.Type, from text: String) throws -> Value {
        try decode(type, from: Data(text.utf8))
    }

    /// Decodes a value already parsed by KioskCore's JSON parser (the daemon's strict request
    /// reader, the trace codec's lines).
    public static func decode<Value: Decodable>(_ type: Value.Type, from json: JSONValue) throws -> Value {
        try decode(type, from: json.serialized())
    }
}
