import Foundation
import KioskDisplay
import KioskTestSupport

/// The shipped layouts, found from the repository root (tests run from any directory).
enum Layouts {
    static var directory: URL {
        URL(fileURLWithPath: KioskBinary.repository).appendingPathComponent("layouts")
    }

    static func path(_ name: String) -> String {
        directory.appendingPathComponent("\(name).layout").path
    }

    static func load(_ name: String) throws -> Layout {
        try Layout.parse(String(contentsOfFile: path(name), encoding: .utf8), file: path(name))
    }
}
