import Foundation
import KioskDisplay

/// Layout files on disk (KioskDisplay itself reads no files): `kiosk layouts`, `kiosk display`
/// and `kiosk serve --display` load them through here.
public enum LayoutFiles {
    /// A path that does not exist or is not UTF-8 text.
    public struct Unreadable: Error, CustomStringConvertible {
        public var description: String
    }

    /// Directories expand to their `*.layout` files, sorted by name; files stay as given.
    public static func expand(_ paths: [String]) throws(Unreadable) -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw Unreadable(description: "no such file or directory: \(path)")
            }
            if isDirectory.boolValue {
                guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
                    throw Unreadable(description: "cannot list \(path)")
                }
                let base = path.hasSuffix("/") ? path : path + "/"
                files += names.filter { $0.hasSuffix(".layout") }.sorted().map { base + $0 }
            } else {
                files.append(path)
            }
        }
        return files
    }

    public static func read(_ file: String) throws(Unreadable) -> String {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
            throw Unreadable(description: "cannot read \(file) as UTF-8 text")
        }
        return text
    }

    /// The layout in `file`; throws `LayoutDiagnostics` listing every problem, or `Unreadable`.
    public static func parse(_ file: String) throws -> Layout {
        try Layout.parse(try read(file), file: file)
    }

    /// Every problem in `file` (none: it is a valid layout).
    public static func diagnostics(of file: String) throws(Unreadable) -> [LayoutDiagnostic] {
        let text = try read(file)
        do {
            _ = try Layout.parse(text, file: file)
            return []
        } catch {
            return error.diagnostics
        }
    }
}
