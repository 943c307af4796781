import Foundation

extension HTTPResponse {
    /// The body decoded from JSON as `type`.
    ///
    /// - Throws: the decoder's `DecodingError`.
    public func decodeJSON<Value: Decodable>(
        _ type: Value.Type = Value.self, decoder: JSONDecoder = JSONDecoder()
    ) throws -> Value {
        try decoder.decode(type, from: body)
    }
}
