import KioskDisplay

/// `kiosk layouts check`: every problem in the given layout files and directories, and the
/// line that sums them up.
public struct LayoutCheck: Sendable {
    /// The files checked (directories expanded to their `*.layout` files).
    public var files: [String]
    /// Every problem, file by file.
    public var diagnostics: [LayoutDiagnostic]

    /// Checks `paths`; a path that cannot be read throws (it is a usage error, not a problem in a layout).
    public init(paths: [String]) throws(LayoutFiles.Unreadable) {
        files = try LayoutFiles.expand(paths)
        diagnostics = []
        for file in files { diagnostics += try LayoutFiles.diagnostics(of: file) }
    }

    public var passed: Bool { diagnostics.isEmpty }

    public var summary: String {
        passed ? "\(files.count) layout file(s) OK" : "\(diagnostics.count) problem(s) in \(files.count) layout file(s)"
    }
}
