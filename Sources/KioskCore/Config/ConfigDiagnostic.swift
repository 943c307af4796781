/// One problem in a hall config file, reported as `file:line: message`.
public struct ConfigDiagnostic: Sendable, Equatable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String

    public init(_ location: SourceLocation, _ message: String) {
        self.location = location
        self.message = message
    }

    public var description: String { "\(location.line): \(message)" }

    /// `hall.json:12: message` — the form `kiosk config check` prints.
    public func formatted(file: String) -> String { "\(file):\(location.line): \(message)" }
}

/// A config that could not be loaded, with every problem found (not only the first).
public struct ConfigError: Error, Sendable, Equatable {
    public var diagnostics: [ConfigDiagnostic]
}
