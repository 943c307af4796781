extension HTTPRequest {
    /// Refuses requests libcurl would send in a form we did not mean: a CR or LF in a header
    /// would let a value inject extra headers, and a non-positive timeout means "forever" to
    /// libcurl.
    /// One day, in seconds: longer is a mistake, and keeps millisecond arithmetic far from
    /// overflow.
    static let longestTimeout: Double = 86_400

    func validate() throws(HTTPTransportError) {
        for field in headers.fields {
            if field.name.isEmpty || field.name.contains(where: { $0 == ":" || $0.isWhitespace }) {
                throw .invalidRequest(reason: "header name \(field.name.debugDescription) is not a token")
            }
            if field.value.contains(where: \.isNewline) {
                throw .invalidRequest(reason: "header \(field.name) has a line break in its value")
            }
        }
        guard connectTimeout > 0, connectTimeout <= Self.longestTimeout else {
            throw .invalidRequest(reason: "connect timeout must be between 0 and \(Self.longestTimeout) seconds")
        }
        guard timeout > 0, timeout <= Self.longestTimeout else {
            throw .invalidRequest(reason: "timeout must be between 0 and \(Self.longestTimeout) seconds")
        }
        guard url.utf8.contains(where: { $0 <= 0x20 || $0 >= 0x7F }) == false else {
            throw .invalidRequest(reason: "URL must be percent-encoded ASCII without spaces")
        }
    }
}
