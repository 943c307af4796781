/// One problem in a layout file, located for an editor: `file:line:column: message`.
public struct LayoutDiagnostic: Sendable, Hashable, CustomStringConvertible {
    /// File name as given to the parser.
    public var file: String
    /// 1-based line.
    public var line: Int
    /// 1-based column, counted in characters (what an editor's cursor shows).
    public var column: Int
    /// What was expected, and what was found.
    public var message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(file):\(line):\(column): \(message)" }
}

/// Every problem found in one layout file, in file order.
public struct LayoutDiagnostics: Error, Sendable, Hashable, CustomStringConvertible {
    public var diagnostics: [LayoutDiagnostic]

    public init(_ diagnostics: [LayoutDiagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
