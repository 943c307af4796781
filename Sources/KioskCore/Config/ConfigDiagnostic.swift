/// One problem in a hall config file, reported as `file:line: message`.
public struct ConfigDiagnostic: Sendable, Equatable, CustomStringConvertible {
    /// An error stops the config from loading; a warning loads it but tells the hall's IT
    /// person about a choice they probably did not mean to make (e.g. no SMS signature).
    public enum Severity: String, Sendable, Equatable {
        case error, warning
    }

    public var location: SourceLocation
    public var message: String
    public var severity: Severity

    public init(_ location: SourceLocation, _ message: String, severity: Severity = .error) {
        self.location = location
        self.message = message
        self.severity = severity
    }

    public var description: String { "\(location.line): \(severityPrefix)\(message)" }

    /// `hall.json:12: message` (or `hall.json:12: warning: message`) — the form `kiosk config
    /// check` prints.
    public func formatted(file: String) -> String { "\(file):\(location.line): \(severityPrefix)\(message)" }

    private var severityPrefix: String { severity == .warning ? "warning: " : "" }
}

/// A config that could not be loaded, with every problem found (not only the first).
public struct ConfigError: Error, Sendable, Equatable {
    public var diagnostics: [ConfigDiagnostic]
    /// What would have been worth a warning had the config loaded.
    public var warnings: [ConfigDiagnostic] = []
}

/// A config that loaded, and what it is worth telling about it.
public struct CheckedConfig: Sendable {
    public var config: HallConfig
    public var warnings: [ConfigDiagnostic]
}
