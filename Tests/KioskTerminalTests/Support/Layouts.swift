import Foundation
import KioskDisplay

/// The shipped layouts, found from this file's path (tests run from any directory).
enum Layouts {
    static var directory: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("layouts")
    }

    static func path(_ name: String) -> String {
        directory.appendingPathComponent("\(name).layout").path
    }

    static func load(_ name: String) throws -> Layout {
        try Layout.parse(String(contentsOfFile: path(name), encoding: .utf8), file: path(name))
    }
}
