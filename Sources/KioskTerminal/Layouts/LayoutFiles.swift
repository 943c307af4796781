import Foundation
import KioskDisplay

/// Layout files on disk and the copies the binary carries (KioskDisplay itself reads no
/// files): `kiosk layouts`, `kiosk display`, `kiosk demo` and `kiosk serve --display` load
/// them through here.
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
        // A missing file is said to be missing (not "not UTF-8": that sent people looking
        // for an encoding problem when they were in the wrong folder).
        guard FileManager.default.fileExists(atPath: file) else {
            throw Unreadable(description: "\(file): file not found")
        }
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
            throw Unreadable(description: "cannot read \(file) as UTF-8 text")
        }
        return text
    }

    /// The layout `nameOrFile` names: the file when one exists at that path (your edited copy
    /// always wins), else the embedded layout of that name (`main-hall`, `small-80x24`,
    /// `window-strip`), else `Unreadable` ("file not found", listing the embedded names).
    public static func resolve(_ nameOrFile: String) throws -> Layout {
        if !FileManager.default.fileExists(atPath: nameOrFile), let text = EmbeddedLayouts.byName[nameOrFile] {
            return try Layout.parse(text, file: "<embedded \(nameOrFile)>")
        }
        guard FileManager.default.fileExists(atPath: nameOrFile) else {
            let names = EmbeddedLayouts.byName.keys.sorted().joined(separator: ", ")
            throw Unreadable(description: "\(nameOrFile): file not found (embedded layouts: \(names))")
        }
        return try parse(nameOrFile)
    }

    /// The hall screen for `--layout`: nil (or `main-hall` with no such file) is the embedded
    /// main hall screen with its 80x24 version for smaller terminals, so the default works
    /// from any folder and on any terminal; anything else is `resolve`d, with no compact one.
    public static func screen(_ nameOrFile: String?) throws -> ScreenLayouts {
        let main = "main-hall", compact = "small-80x24"
        guard let nameOrFile, nameOrFile != main || FileManager.default.fileExists(atPath: nameOrFile) else {
            return ScreenLayouts(layout: try resolve(main), compact: try resolve(compact))
        }
        return ScreenLayouts(layout: try resolve(nameOrFile), compact: nil)
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
